// The fields refusals name, in the interface's language: what core, io and the store call them -> what a trainer
// reads.
#include "app/field_labels.hpp"

#include <wx/intl.h>

#include "app/text.hpp"

namespace mitra::app {

wxString field_label(const std::string& field) {
    // People and trainers
    if (field == "ref") return _("Ref");
    if (field == "full_name") return _("Full name");
    if (field == "latin_name") return _("Name in Latin letters");
    if (field == "name") return _("Name");
    if (field == "country") return _("Country");
    if (field == "language") return _("Language");
    if (field == "languages") return _("Languages");
    if (field == "email") return _("Email");
    if (field == "phone") return _("Phone");
    if (field == "consent_date") return _("Consent date");
    if (field == "qualified") return _("Modules they may teach");
    if (field == "trainer") return _("Trainer");
    if (field == "co_facilitator") return _("Co-facilitator");
    // Cohorts and sessions
    if (field == "code") return _("Code");
    if (field == "cohort") return _("Cohort");
    if (field == "curriculum") return _("Curriculum");
    if (field == "version") return _("Version");
    if (field == "site") return _("Site");
    if (field == "time_zone") return _("Time zone");
    if (field == "start") return _("Start date");
    if (field == "end") return _("End date");
    if (field == "capacity") return _("Places");
    if (field == "session") return _("Session");
    if (field == "date") return _("Date");
    if (field == "time") return _("Start time");
    // Records
    if (field == "module") return _("Module");
    if (field == "status") return _("Attendance");
    if (field == "minutes") return _("Minutes");
    if (field == "note") return _("Note");
    if (field == "assessment") return _("Assessment");
    if (field == "assessor") return _("Assessor");
    if (field == "supervisor") return _("Supervisor");
    if (field == "reason") return _("Reason");
    // Certificates and certification
    if (field == "serial") return _("Serial");
    if (field == "kind") return _("Kind of certificate");
    if (field == "category") return _("Category");
    if (field == "level") return _("Level");
    if (field == "issued") return _("Issued on");
    if (field == "months") return _("Months valid");
    // The programme
    if (field == "setting") return _("Setting");
    if (field == "pack") return _("Field pack");
    if (field == "database") return _("Database");
    wxString shown = wx(field);
    shown.Replace("_", " ");
    return shown;
}

}  // namespace mitra::app
