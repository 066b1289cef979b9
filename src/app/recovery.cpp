// Opening a database from the desktop program: a damaged file is offered its latest good backup, never overwritten.
#include "app/recovery.hpp"

#include <wx/intl.h>

#include <exception>

#include "app/guard.hpp"
#include "app/text.hpp"
#include "store/backup.hpp"

namespace mitra::app {

namespace fs = std::filesystem;

namespace {

bool is_hub(const std::string& target) { return target.rfind("postgres", 0) == 0; }

}  // namespace

fs::path latest_good_backup(const std::string& target) {
    if (target.empty() || is_hub(target)) return {};
    return store::latest_good_backup(target);
}

bool open_database(wxWindow* parent, AppContext& context, const std::string& target) {
    std::exception_ptr failure;
    fs::path backup;
    wxString made;
    try {
        context.open(target);
        return true;
    } catch (const store::DatabaseDamaged& e) {
        failure = std::current_exception();
        backup = e.latest_good_backup;
        made = wx(e.backup_time);
    } catch (...) {
        failure = std::current_exception();
    }
    const auto refuse = [&] { guarded(parent, [&] { std::rethrow_exception(failure); }); };
    if (backup.empty()) return refuse(), false;

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
            aside = store::restore_damaged(target, backup);
            context.open(target);
        }))
        return false;
    show_info(parent, wxString::Format(_("The backup from %s was restored and opened. The damaged file is kept as %s."),
                                       made, wx(aside.string())));
    return true;
}

}  // namespace mitra::app
