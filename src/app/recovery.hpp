// Opening a database from the desktop program: a damaged file is offered its latest good backup, never overwritten.
#pragma once
#include <wx/window.h>

#include <filesystem>
#include <string>

#include "app/app_context.hpp"

namespace mitra::app {

// The newest backup of a database file that store::check_backup accepts; empty when there is none (or for a hub).
std::filesystem::path latest_good_backup(const std::string& target);

// Opens `target` in `context`. When the store refuses it as damaged and a good backup exists, asks first
// (saying what will happen), then restores that backup and opens it. Any failure is shown; false when
// nothing new was opened (the previous database, if any, stays open).
bool open_database(wxWindow* parent, AppContext& context, const std::string& target);

}  // namespace mitra::app
