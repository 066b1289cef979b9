// What completion, a pathway and a renewal still need: io's words in the interface's language.
#include "app/reason_words.hpp"

#include <wx/intl.h>

#include "app/i18n.hpp"
#include "app/text.hpp"
#include "io/reason_words.hpp"

namespace mitra::app {
namespace {

const io::Catalog& words() { return io::catalog(interface_catalog()); }

}  // namespace

wxString category_words(const std::string& category) { return wx(io::category_words(category, words())); }

wxString attendance_words(AttendanceStatus status) { return wx(io::attendance_words(status, words())); }

wxString certificate_kind_words(const std::string& kind, const std::string& module_code) {
    return wx(io::certificate_kind_words(kind, module_code, words()));
}

wxString verdict_heading(Verdict verdict) { return wx(io::verdict_heading(verdict, words())); }

wxString hours_words(int minutes) { return wx(io::hours_words(minutes, words())); }

wxString shortfalls_phrase(const ModuleCompletion& m) { return wx(io::shortfalls_phrase(m, words())); }

wxString module_phrase(const ModuleCompletion& m, const wxString& title) {
    return wx(io::module_phrase(m, utf8(title), words()));
}

wxString completion_phrase(const ParticipantCompletion& person) { return wx(io::completion_phrase(person, words())); }

wxString requirement_phrase(const Requirement& q, const std::string& language) {
    return wx(io::requirement_phrase(q, language, words()));
}

wxString renewal_phrase(const RenewalShortfall& s) { return wx(io::renewal_phrase(s, words())); }

wxString gap_phrase(const Pathway& p, const PathwayGap& gap, const std::string& language) {
    if (gap.kind == PathwayGap::Kind::certificate_not_issued)  // with where the program issues it
        return _("the completion certificate is not yet issued: print it on the cohort's Print certificates page");
    return wx(io::gap_phrase(p, gap, language, words()));
}

}  // namespace mitra::app
