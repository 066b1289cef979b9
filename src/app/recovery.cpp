// Opening a database from the desktop program: a damaged file is offered its latest good backup, never overwritten.
#include "app/recovery.hpp"

#include <wx/datetime.h>
#include <wx/filename.h>
#include <wx/intl.h>

#include <algorithm>
#include <exception>
#include <sys/stat.h>

#include "app/guard.hpp"
#include "app/text.hpp"
#include "core/calendar.hpp"
#include "core/problem.hpp"
#include "store/backup.hpp"

namespace mitra::app {

namespace fs = std::filesystem;

namespace {

bool is_hub(const std::string& target) { return target.rfind("postgres", 0) == 0; }

// "2026-11-25T08:24:21.123Z" -> "20261125T082421Z", fit for a file name.
std::string file_stamp() {
    std::string stamp = utc_timestamp_now().substr(0, 19) + "Z";
    stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == ':' || c == '-'; }), stamp.end());
    return stamp;
}

}  // namespace

fs::path latest_good_backup(const std::string& target) {
    if (target.empty() || is_hub(target)) return {};
    for (const auto& backup : store::list_backups(target))
        if (store::check_backup(backup).empty()) return backup;
    return {};
}

fs::path put_backup_in_place(const std::string& target, const fs::path& backup) {
    if (const auto problem = store::check_backup(backup); !problem.empty())
        throw InputError{{Problem{backup.string(), 0, 0, "", problem + "; nothing was changed"}}};
    const fs::path file = target;
    fs::path aside = file.string() + ".damaged-" + file_stamp();
    for (int n = 2; fs::exists(aside); ++n) aside = file.string() + ".damaged-" + file_stamp() + "-" + std::to_string(n);
    // The copy is made first under a temporary name, so a failure leaves the damaged file where it was.
    const fs::path incoming = file.string() + ".restoring";
    fs::remove(incoming);
    fs::copy_file(backup, incoming);
    fs::permissions(incoming, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    fs::rename(file, aside);
    for (const char* companion : {"-wal", "-shm"}) {
        const fs::path side = file.string() + companion;
        if (fs::exists(side)) fs::rename(side, aside.string() + companion);
    }
    fs::rename(incoming, file);
    return aside;
}

bool open_database(wxWindow* parent, AppContext& context, const std::string& target) {
    std::exception_ptr failure;
    bool damaged = false;
    try {
        context.open(target);
        return true;
    } catch (const store::DatabaseError& e) {
        failure = std::current_exception();
        damaged = std::string(e.what()).find(" is damaged (") != std::string::npos;  // the store's own words
    } catch (...) {
        failure = std::current_exception();
    }
    const fs::path backup = damaged ? latest_good_backup(target) : fs::path();
    const auto refuse = [&] { guarded(parent, [&] { std::rethrow_exception(failure); }); };
    if (backup.empty()) return refuse(), false;

    const wxString made = wxFileName(wx(backup.string())).GetModificationTime().Format("%Y-%m-%d %H:%M");
    const wxString question = wxString::Format(
        _("The database %s is damaged, so Mitra did not open it and wrote nothing to it.\n\n"
          "Mitra can restore its latest good backup, made on %s:\n%s\n\n"
          "If you restore it, the damaged file is moved aside and kept (as %s), a copy of the backup takes its "
          "place, and Mitra opens it. Changes made after the backup was taken are not in it.\n\n"
          "Restore the backup now?"),
        wx(target), made, wx(backup.string()), wx(fs::path(target).filename().string() + ".damaged-…"));
    if (!ask_yes_no(parent, question, _("Restore the backup"), _("Do not restore"))) return refuse(), false;

    fs::path aside;
    if (!guarded(parent, [&] {
            aside = put_backup_in_place(target, backup);
            context.open(target);
        }))
        return false;
    show_info(parent, wxString::Format(_("The backup from %s was restored and opened. The damaged file is kept as %s."),
                                       made, wx(aside.string())));
    return true;
}

}  // namespace mitra::app
