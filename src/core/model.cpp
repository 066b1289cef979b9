// Names of the model's enumerations and small rules on single records.
#include "core/model.hpp"

#include <algorithm>

namespace mitra {

std::string to_string(ModuleKind kind) {
    switch (kind) {
        case ModuleKind::theory: return "theory";
        case ModuleKind::practice: return "practice";
        case ModuleKind::art_community: return "art_community";
        case ModuleKind::practicum: return "practicum";
    }
    return "theory";
}

std::optional<ModuleKind> parse_module_kind(std::string_view s) {
    if (s == "theory") return ModuleKind::theory;
    if (s == "practice") return ModuleKind::practice;
    if (s == "art_community") return ModuleKind::art_community;
    if (s == "practicum") return ModuleKind::practicum;
    return std::nullopt;
}

const Module* Curriculum::module(std::string_view code) const {
    for (const auto& m : modules)
        if (m.code == code) return &m;
    return nullptr;
}

namespace {

// Two rubrics decide alike when their criteria keys and pass rule match (descriptors are texts).
bool same_rubric_rules(const std::optional<Rubric>& a, const std::optional<Rubric>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    if (a->pass_level != b->pass_level || a->max_not_observed != b->max_not_observed ||
        a->criteria.size() != b->criteria.size())
        return false;
    for (std::size_t i = 0; i < a->criteria.size(); ++i)
        if (a->criteria[i].key != b->criteria[i].key) return false;
    return true;
}

}  // namespace

bool same_rules(const Curriculum& a, const Curriculum& b) {
    if (a.electives_required != b.electives_required || a.ethics_code != b.ethics_code ||
        !(a.programme == b.programme) || a.modules.size() != b.modules.size())
        return false;
    for (std::size_t i = 0; i < a.modules.size(); ++i) {
        const auto &x = a.modules[i], &y = b.modules[i];
        if (x.code != y.code || x.minutes != y.minutes || x.kind != y.kind || x.required != y.required ||
            x.attendance_share != y.attendance_share || x.has_assessment != y.has_assessment ||
            x.supervised_minutes != y.supervised_minutes || !(x.session_rule == y.session_rule) ||
            !(x.supervision == y.supervision) || !same_rubric_rules(x.rubric, y.rubric))
            return false;
    }
    return true;
}

std::string to_string(AttendanceStatus status) {
    switch (status) {
        case AttendanceStatus::present: return "present";
        case AttendanceStatus::late: return "late";
        case AttendanceStatus::left_early: return "left_early";
        case AttendanceStatus::excused: return "excused";
        case AttendanceStatus::absent: return "absent";
    }
    return "absent";
}

std::optional<AttendanceStatus> parse_attendance_status(std::string_view s) {
    // ASCII letters in any case; compared in place, as the regional report reads millions of these.
    auto is = [&](std::string_view word) {
        return s.size() == word.size() && std::equal(s.begin(), s.end(), word.begin(), [](char a, char b) {
                   return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
               });
    };
    if (is("present") || is("p")) return AttendanceStatus::present;
    if (is("late") || is("l")) return AttendanceStatus::late;
    if (is("left_early") || is("left-early") || is("early")) return AttendanceStatus::left_early;
    if (is("excused") || is("e")) return AttendanceStatus::excused;
    if (is("absent") || is("a")) return AttendanceStatus::absent;
    return std::nullopt;
}

int counted_minutes(const Attendance& mark, int session_minutes) {
    switch (mark.status) {
        case AttendanceStatus::present: return session_minutes;
        case AttendanceStatus::late:
        case AttendanceStatus::left_early: return std::clamp(mark.minutes.value_or(0), 0, session_minutes);
        case AttendanceStatus::excused:
        case AttendanceStatus::absent: return 0;
    }
    return 0;
}

}  // namespace mitra
