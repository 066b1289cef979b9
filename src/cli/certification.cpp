// mitra-cli certification … and learning …: renewals and the continuing-education ledger.
#include "cli/context.hpp"
