// Read-only views the desktop program shows (audit history, reports, pathways), over the same repositories.
#pragma once

namespace mitra::store {}
