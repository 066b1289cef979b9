// What went wrong (the database, the disk, a lock, a key file) in a catalog's language: the store and io give a kind
// and values (core/fault.hpp), this words them once for both front ends, each of which adds its own way of putting
// it right (mitra-cli its commands, the desktop program its menus). The English stays in what() for logs.
//
//   io::fault_phrase(error.fault, io::catalog("ja"))  -> "データベース /x/mitra.db は破損しているため、…"
#pragma once
#include <string>

#include "core/fault.hpp"
#include "io/catalog.hpp"

namespace mitra::io {

// One or two calm sentences: what happened, with its file or database, and that nothing was changed where that is
// so. A fault without a code (FaultCode::none) is its English message.
std::string fault_phrase(const Fault& fault, const Catalog& words);

}  // namespace mitra::io
