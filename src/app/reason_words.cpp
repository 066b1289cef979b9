// What completion, a pathway and a renewal still need, phrased from core's parts in the interface's language.
#include "app/reason_words.hpp"

#include <wx/intl.h>

#include "app/text.hpp"

namespace mitra::app {
namespace {

wxString joined(const wxArrayString& parts, const wxString& between) {
    wxString out;
    for (const auto& p : parts) out << (out.empty() ? "" : between) << p;
    return out;
}

wxString codes(const std::vector<std::string>& list) {
    wxArrayString parts;
    for (const auto& c : list) parts.push_back(wx(c));
    return joined(parts, ", ");
}

wxString one_shortfall(const Shortfall& s) {
    using Kind = Shortfall::Kind;
    switch (s.kind) {
        case Kind::attendance:
            return wxString::Format(
                wxPLURAL("attended %d of %d minute, needs %d", "attended %d of %d minutes, needs %d", s.scheduled),
                s.done, s.scheduled, s.needed);
        case Kind::assessment_not_taken: return _("assessment not yet taken");
        case Kind::assessment_not_passed: return wxString::Format(_("assessment not passed (%s)"), wx(s.on));
        case Kind::supervised_practice:
            return wxString::Format(_("supervised practice: %s of %s signed off"), hours_words(s.done),
                                    hours_words(s.needed));
        case Kind::marked_not_complete:
            return wxString::Format(_("marked not complete by %s (%s)"), wx(s.by), wx(s.note));
        case Kind::ethics_not_acknowledged:
            return wxString::Format(_("code of ethics %s not yet acknowledged"), wx(s.version));
        case Kind::module:
        case Kind::electives: break;  // phrased with the person's modules (completion_phrase)
    }
    return {};
}

const ModuleCompletion* find_module(const ParticipantCompletion& person, const std::string& code) {
    for (const auto& m : person.modules)
        if (m.code == code) return &m;
    return nullptr;
}

wxString module_of(const ParticipantCompletion& person, const std::string& code) {
    const auto* m = find_module(person, code);
    return m ? module_phrase(*m, wx(m->title)) : wx(code);
}

}  // namespace

wxString category_words(const std::string& category) {
    if (category == "ethics") return _("ethics");
    if (category == "peer_practice") return _("peer practice");
    if (category == "elective") return _("elective");
    if (category == "teaching") return _("teaching");
    return wx(category);
}

wxString hours_words(int minutes) {
    return minutes % 60 == 0 ? wxString::Format(wxPLURAL("%d hour", "%d hours", minutes / 60), minutes / 60)
                             : wxString::Format(_("%.1f hours"), minutes / 60.0);
}

wxString shortfalls_phrase(const ModuleCompletion& m) {
    if (m.missing.empty()) return wx(m.reason);  // parts not kept (a record from elsewhere): its words as they are
    wxArrayString parts;
    for (const auto& s : m.missing) parts.push_back(one_shortfall(s));
    wxString text = joined(parts, "; ");
    if (m.can_make_up)
        text << " "
             << wxString::Format(wxPLURAL("(%d session held before enrolment on %s can be made up in another cohort)",
                                          "(%d sessions held before enrolment on %s can be made up in another cohort)",
                                          m.missed_before_enrolment),
                                 m.missed_before_enrolment, wx(m.enrolled_on));
    return text;
}

wxString module_phrase(const ModuleCompletion& m, const wxString& title) {
    if (m.missing.empty()) return wx(m.reason);
    return wxString::Format(_("%s %s: %s"), wx(m.code), title, shortfalls_phrase(m));
}

wxString completion_phrase(const ParticipantCompletion& person) {
    if (person.missing.empty()) return wx(person.reason);
    wxArrayString reasons;
    for (const auto& s : person.missing) {
        if (s.kind == Shortfall::Kind::module) {
            reasons.push_back(module_of(person, s.module_code));
        } else if (s.kind == Shortfall::Kind::electives) {
            wxString text = wxString::Format(_("electives: %d of %d needed are complete"), s.done, s.needed);
            wxArrayString details;
            for (const auto& code : s.started) details.push_back(module_of(person, code));
            if (!s.not_started.empty()) details.push_back(wxString::Format(_("not started: %s"), codes(s.not_started)));
            if (!details.empty()) text << " (" << joined(details, "; ") << ")";
            reasons.push_back(text);
        } else {
            reasons.push_back(one_shortfall(s));
        }
    }
    return joined(reasons, "; ");
}

wxString requirement_phrase(const Requirement& q, const std::string& language) {
    using Kind = Requirement::Kind;
    switch (q.kind) {
        case Kind::completion: {
            if (q.cohort_code.empty()) return _("programme completion");
            if (q.done)
                return wxString::Format(_("%s completed in cohort %s"), wx(q.curriculum_code), wx(q.cohort_code));
            wxArrayString reasons;
            for (const auto& l : q.lacking) {
                const std::string title = l.title.in(language);
                reasons.push_back(module_phrase(l.completion, wx(title.empty() ? l.completion.title : title)));
            }
            if (q.electives_done < q.electives_needed)
                reasons.push_back(wxString::Format(_("electives: %d of %d"), q.electives_done, q.electives_needed));
            return wxString::Format(_("%s not yet complete in cohort %s: %s"), wx(q.curriculum_code), wx(q.cohort_code),
                                    joined(reasons, "; "));
        }
        case Kind::ethics:
            return wxString::Format(
                q.done ? _("code of ethics %s acknowledged") : _("code of ethics %s not yet acknowledged"),
                wx(q.version));
        case Kind::supervised_practice:
            if (q.recognised)
                return wxString::Format(_("supervised practice: %s recognised by a coordinator"), codes(q.modules));
            return wxString::Format(_("supervised practice: %s of %s signed off"), hours_words(q.done_minutes),
                                    hours_words(q.needed_minutes));
        case Kind::assessment:
            if (q.recognised)
                return wxString::Format(_("assessment %s: module recognised by a coordinator"), wx(q.module_code));
            if (!q.taken) return wxString::Format(_("assessment %s: not yet taken"), wx(q.module_code));
            return wxString::Format(q.done ? _("assessment %s: passed on %s") : _("assessment %s: not passed (%s)"),
                                    wx(q.module_code), wx(q.on));
    }
    return wx(q.detail);
}

wxString renewal_phrase(const RenewalShortfall& s) {
    if (s.category.empty())
        return wxString::Format(_("in total: %s of %s"), hours_words(s.done_minutes), hours_words(s.needed_minutes));
    return wxString::Format(_("%s: %s of %s"), category_words(s.category), hours_words(s.done_minutes),
                            hours_words(s.needed_minutes));
}

wxString gap_phrase(const Pathway& p, const PathwayGap& gap, const std::string& language) {
    switch (gap.kind) {
        case PathwayGap::Kind::requirement:
            return gap.requirement < p.requirements.size()
                       ? requirement_phrase(p.requirements[gap.requirement], language)
                       : wxString();
        case PathwayGap::Kind::renewal: return wxString::Format(_("for renewal, %s"), renewal_phrase(gap.renewal));
        case PathwayGap::Kind::certificate_not_issued:
            return _("the completion certificate is not yet issued: print it on the cohort's Print certificates page");
    }
    return {};
}

}  // namespace mitra::app
