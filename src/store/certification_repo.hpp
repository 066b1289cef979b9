// Certification over time: who holds which certification until when, their learning ledger, renewals,
// and trainers' own certifications.
#pragma once

namespace mitra::store {}
