// The completion rules: attendance share, assessments, supervised practice, electives, ethics, overrides.
#include "core/completion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/completion_practice.hpp"

namespace mitra {
namespace {

// A session's uuid as a sort key: its last eight characters first, then the whole text. Mitra's uuids are
// time-ordered, so they share their first characters and differ at the end; one integer comparison usually decides.
struct SessionKey {
    std::uint64_t tail = 0;
    std::string_view uuid;

    explicit SessionKey(std::string_view text) : uuid(text) {
        const std::size_t n = std::min<std::size_t>(text.size(), sizeof tail);
        std::memcpy(&tail, text.data() + text.size() - n, n);
    }
    bool operator<(const SessionKey& other) const { return tail != other.tail ? tail < other.tail : uuid < other.uuid; }
};

// The sessions someone has a mark for, sorted for lookups: made once per person, not per module.
using MarkedSessions = std::vector<SessionKey>;

bool is_marked(const MarkedSessions& marked, const std::string& uuid) {
    return std::binary_search(marked.begin(), marked.end(), SessionKey(uuid));
}

// Which module each cohort session and each of the person's marks belongs to (an index into the curriculum's
// modules, or `none`): worked out once per person, so that each module's pass compares numbers, not codes.
struct ModuleOf {
    const std::vector<std::size_t>* session = nullptr;
    std::vector<std::size_t> mark;
};

std::size_t module_index(const Curriculum& curriculum, const std::string& code) {
    for (std::size_t m = 0; m < curriculum.modules.size(); ++m)
        if (curriculum.modules[m].code == code) return m;
    return curriculum.modules.size();
}

Shortfall shortfall(Shortfall::Kind kind) {
    Shortfall s;
    s.kind = kind;
    return s;
}

// A module's session rule: mandatory sessions (numbered 1.. in the cohort's schedule by day and time) must be
// attended (present, late or left early: excused is not attended), and at most `max_missed` sessions held since
// enrolment may go unattended. Only the cohort's own sessions are numbered: a make-up in another cohort counts for
// minutes, not for a numbered session. Returns true when the module can no longer meet the rule.
bool session_rule_lacks(const CompletionContext& ctx, const ParticipantRecord& person, const ModuleOf& module_of,
                        std::size_t index, ModuleCompletion& mc, std::vector<Shortfall>& lacking) {
    const SessionRule& rule = ctx.curriculum.modules[index].session_rule;
    if (rule.mandatory_sessions.empty() && !rule.max_missed) return false;
    std::vector<const Session*> sessions;
    for (std::size_t i = 0; i < ctx.cohort_sessions.size(); ++i)
        if ((*module_of.session)[i] == index) sessions.push_back(&ctx.cohort_sessions[i]);
    std::stable_sort(sessions.begin(), sessions.end(), [](const Session* a, const Session* b) {
        return a->date != b->date ? a->date < b->date : a->start_time < b->start_time;
    });
    auto attended = [&](const Session& s) {
        for (std::size_t i = 0; i < person.marks.size(); ++i) {
            if (module_of.mark[i] != index || person.marks[i].session.uuid != s.uuid) continue;
            const auto status = person.marks[i].mark.status;
            return status == AttendanceStatus::present || status == AttendanceStatus::late ||
                   status == AttendanceStatus::left_early;
        }
        return false;
    };
    bool off_track = false;
    for (std::size_t n = 0; n < sessions.size(); ++n) {
        const Session& s = *sessions[n];
        const bool held = s.date < ctx.today;
        const bool is_attended = attended(s);
        if (held && !is_attended && !(s.date < person.enrolled_on)) ++mc.missed_sessions;
        const bool mandatory = std::find(rule.mandatory_sessions.begin(), rule.mandatory_sessions.end(),
                                         static_cast<int>(n + 1)) != rule.mandatory_sessions.end();
        if (!mandatory || is_attended) continue;
        Shortfall m =
            shortfall(held ? Shortfall::Kind::mandatory_session_missed : Shortfall::Kind::mandatory_session_to_come);
        m.number = static_cast<int>(n + 1);
        m.on = s.date;
        lacking.push_back(std::move(m));
        off_track = off_track || held;
    }
    if (rule.max_missed && mc.missed_sessions > *rule.max_missed) {
        Shortfall m = shortfall(Shortfall::Kind::sessions_missed);
        m.done = mc.missed_sessions;
        m.needed = *rule.max_missed;
        lacking.push_back(std::move(m));
        off_track = true;
    }
    return off_track;
}

ModuleCompletion assess_module(const CompletionContext& ctx, const ParticipantRecord& person,
                               const MarkedSessions& marked_sessions, const ModuleOf& module_of, std::size_t index) {
    const Module& module = ctx.curriculum.modules[index];
    ModuleCompletion mc;
    mc.code = module.code;
    if (ctx.explain) mc.title = module.title.in(ctx.language);
    mc.required = module.required;

    int future_minutes = 0;
    for (std::size_t i = 0; i < ctx.cohort_sessions.size(); ++i) {
        if ((*module_of.session)[i] != index) continue;
        const Session& s = ctx.cohort_sessions[i];
        mc.scheduled_minutes += s.minutes;
        if (s.date < person.enrolled_on) {
            ++mc.missed_before_enrolment;
        } else if (!is_marked(marked_sessions, s.uuid)) {
            if (s.date < ctx.today) ++mc.absences;
            else future_minutes += s.minutes;
        }
    }
    // Nothing scheduled yet: the curriculum's minutes are what will be asked.
    if (mc.scheduled_minutes == 0) {
        mc.scheduled_minutes = module.minutes;
        future_minutes = module.minutes;
    }
    mc.required_minutes = required_minutes(module.attendance_share, mc.scheduled_minutes);

    for (std::size_t i = 0; i < person.marks.size(); ++i) {
        if (module_of.mark[i] != index) continue;
        const AttendedSession& a = person.marks[i];
        mc.attended_minutes += counted_minutes(a.mark, a.session.minutes);
        if (a.mark.status == AttendanceStatus::absent && !(a.session.date < person.enrolled_on)) ++mc.absences;
    }

    int lacking = 0;
    // Without words wanted, only how many things are missing is kept.
    auto lacks = [&](auto&& parts) {
        ++lacking;
        if (ctx.explain) mc.missing.push_back(parts());
    };
    using Kind = Shortfall::Kind;
    if (mc.attended_minutes < mc.required_minutes)
        lacks([&] {
            Shortfall s = shortfall(Kind::attendance);
            s.done = mc.attended_minutes;
            s.scheduled = mc.scheduled_minutes;
            s.needed = mc.required_minutes;
            return s;
        });
    // The rules of issue 21 give their shortfalls whole; without words wanted, only their count is kept.
    auto add = [&](std::vector<Shortfall>&& found) {
        lacking += static_cast<int>(found.size());
        if (ctx.explain) mc.missing.insert(mc.missing.end(), found.begin(), found.end());
    };
    std::vector<Shortfall> session_lacking;
    const bool sessions_off_track = session_rule_lacks(ctx, person, module_of, index, mc, session_lacking);
    add(std::move(session_lacking));
    if (module.has_assessment) {
        const AssessmentResult* latest = nullptr;
        for (const auto& r : person.assessments)
            if (r.module_code == module.code && (!latest || !(r.assessed_on < latest->assessed_on))) latest = &r;
        if (!latest) lacks([] { return shortfall(Kind::assessment_not_taken); });
        else if (!latest->passed)
            lacks([&] {
                Shortfall s = shortfall(Kind::assessment_not_passed);
                s.on = latest->assessed_on;
                return s;
            });
    }
    {
        auto supervision = completion_detail::supervision_lacks(ctx, person, module, mc);
        add(std::move(supervision.lacking));
        if (ctx.explain) mc.missing.insert(mc.missing.end(), supervision.notes.begin(), supervision.notes.end());
        add(completion_detail::observation_lacks(ctx, person, module, mc).lacking);
    }

    mc.complete = lacking == 0;
    const bool minutes_reachable = mc.attended_minutes + future_minutes >= mc.required_minutes;
    mc.on_track = mc.complete || (minutes_reachable && !sessions_off_track);
    if (!mc.complete && ctx.explain && mc.missed_before_enrolment > 0 && !minutes_reachable) {
        mc.can_make_up = true;
        mc.enrolled_on = person.enrolled_on;
    }

    // A coordinator's override decides; the latest one counts.
    const CompletionOverride* latest = nullptr;
    for (const auto& o : person.overrides)
        if (o.module_code == module.code && (!latest || o.at >= latest->at)) latest = &o;
    if (latest) {
        mc.overridden = true;
        mc.complete = latest->complete;
        mc.on_track = latest->complete;
        mc.missing.clear();
        mc.can_make_up = false;
        if (!latest->complete && ctx.explain) {
            Shortfall s = shortfall(Kind::marked_not_complete);
            s.by = latest->by;
            s.note = latest->reason;
            mc.missing.push_back(std::move(s));
        }
    }
    if (ctx.explain) mc.reason = completion_words(mc);
    return mc;
}

}  // namespace

int required_minutes(double share, int scheduled) {
    // Rounded up, with a small tolerance so that 0.8 x 180 is 144, not 145.
    return static_cast<int>(std::ceil(share * scheduled - 1e-9));
}

std::vector<std::size_t> module_of_sessions(const Curriculum& curriculum, const std::vector<Session>& sessions) {
    std::vector<std::size_t> out;
    out.reserve(sessions.size());
    for (const auto& s : sessions) out.push_back(module_index(curriculum, s.module_code));
    return out;
}

ParticipantCompletion assess_completion(const CompletionContext& ctx, const ParticipantRecord& person) {
    ParticipantCompletion pc;
    pc.ref = person.ref;
    using Kind = Shortfall::Kind;
    bool required_ok = true, required_on_track = true;
    int electives_on_track = 0;
    std::vector<std::string> electives_started, electives_not_started;
    pc.modules.reserve(ctx.curriculum.modules.size());
    MarkedSessions marked;
    marked.reserve(person.marks.size());
    for (const auto& a : person.marks) marked.emplace_back(a.session.uuid);
    std::sort(marked.begin(), marked.end());
    ModuleOf module_of;
    std::vector<std::size_t> session_modules;
    if (ctx.session_modules && ctx.session_modules->size() == ctx.cohort_sessions.size()) {
        module_of.session = ctx.session_modules;
    } else {
        session_modules = module_of_sessions(ctx.curriculum, ctx.cohort_sessions);
        module_of.session = &session_modules;
    }
    module_of.mark.reserve(person.marks.size());
    for (const auto& a : person.marks) module_of.mark.push_back(module_index(ctx.curriculum, a.session.module_code));
    for (std::size_t index = 0; index < ctx.curriculum.modules.size(); ++index) {
        const Module& module = ctx.curriculum.modules[index];
        auto mc = assess_module(ctx, person, marked, module_of, index);
        if (module.required) {
            required_ok = required_ok && mc.complete;
            required_on_track = required_on_track && mc.on_track;
            if (!mc.complete && ctx.explain) {
                Shortfall s = shortfall(Kind::module);
                s.module_code = mc.code;
                pc.missing.push_back(std::move(s));
            }
        } else {
            if (mc.complete) ++pc.electives_complete;
            if (mc.on_track) ++electives_on_track;
            if (ctx.explain && !mc.complete) {
                if (mc.attended_minutes == 0 && !mc.overridden) electives_not_started.push_back(mc.code);
                else electives_started.push_back(mc.code);
            }
        }
        pc.modules.push_back(std::move(mc));
    }
    const int needed = ctx.curriculum.electives_required;
    const bool electives_ok = pc.electives_complete >= needed;
    if (!electives_ok && ctx.explain) {
        Shortfall s = shortfall(Kind::electives);
        s.done = pc.electives_complete;
        s.needed = needed;
        s.started = std::move(electives_started);
        s.not_started = std::move(electives_not_started);
        pc.missing.push_back(std::move(s));
    }
    bool ethics_ok = true;
    if (!ctx.curriculum.ethics_code.empty()) {
        ethics_ok = std::any_of(person.ethics.begin(), person.ethics.end(), [&](const EthicsAcknowledgement& e) {
            return e.code_version == ctx.curriculum.ethics_code;
        });
        if (!ethics_ok && ctx.explain) {
            Shortfall s = shortfall(Kind::ethics_not_acknowledged);
            s.version = ctx.curriculum.ethics_code;
            pc.missing.push_back(std::move(s));
        }
    }
    auto programme = completion_detail::programme_lacks(ctx, person);
    const bool programme_ok = programme.lacking.empty();
    if (ctx.explain) pc.missing.insert(pc.missing.end(), programme.lacking.begin(), programme.lacking.end());
    pc.complete = required_ok && electives_ok && ethics_ok && programme_ok;
    pc.on_track = pc.complete || (required_on_track && electives_on_track >= needed);
    auto deadline = completion_detail::deadline_lacks(ctx, person, pc);
    if (deadline.off_track) pc.on_track = false;
    if (ctx.explain) pc.missing.insert(pc.missing.end(), deadline.lacking.begin(), deadline.lacking.end());
    if (ctx.explain) pc.reason = completion_words(pc);
    return pc;
}

std::string shortfall_words(const Shortfall& s) {
    switch (s.kind) {
        case Shortfall::Kind::attendance:
            return "attended " + std::to_string(s.done) + " of " + std::to_string(s.scheduled) + " minutes, needs " +
                   std::to_string(s.needed);
        case Shortfall::Kind::assessment_not_taken: return "assessment not yet taken";
        case Shortfall::Kind::assessment_not_passed: return "assessment not passed (" + to_string(s.on) + ")";
        case Shortfall::Kind::supervised_practice:
            return "supervised practice: " + hours_text(s.done) + " of " + hours_text(s.needed) + " signed off";
        case Shortfall::Kind::marked_not_complete: return "marked not complete by " + s.by + " (" + s.note + ")";
        case Shortfall::Kind::module: return s.module_code;
        case Shortfall::Kind::electives:
            return "electives: " + std::to_string(s.done) + " of " + std::to_string(s.needed) + " needed are complete";
        case Shortfall::Kind::ethics_not_acknowledged: return "code of ethics " + s.version + " not yet acknowledged";
        default: return practice_shortfall_words(s);  // issue 21's kinds (core/practice_words.cpp)
    }
    return {};
}

std::string completion_words(const ModuleCompletion& mc) {
    if (mc.missing.empty()) return {};
    std::vector<std::string> parts;
    for (const auto& s : mc.missing) parts.push_back(shortfall_words(s));
    std::string text = mc.code + " " + mc.title + ": " + join(parts, "; ");
    if (mc.can_make_up)
        text += " (" + std::to_string(mc.missed_before_enrolment) + " session(s) held before enrolment on " +
                to_string(mc.enrolled_on) + " can be made up in another cohort)";
    return text;
}

std::string completion_words(const ParticipantCompletion& pc) {
    auto module_words = [&](const std::string& code) {
        for (const auto& m : pc.modules)
            if (m.code == code) return m.reason.empty() ? completion_words(m) : m.reason;
        return code;
    };
    std::vector<std::string> reasons;
    for (const auto& s : pc.missing) {
        if (s.kind == Shortfall::Kind::module) {
            reasons.push_back(module_words(s.module_code));
        } else if (s.kind == Shortfall::Kind::electives) {
            // Electives in progress say what they lack; the others are only named, as choices.
            std::string text = shortfall_words(s);
            std::vector<std::string> details;
            for (const auto& code : s.started) details.push_back(module_words(code));
            if (!s.not_started.empty()) details.push_back("not started: " + join(s.not_started, ", "));
            if (!details.empty()) text += " (" + join(details, "; ") + ")";
            reasons.push_back(text);
        } else {
            reasons.push_back(shortfall_words(s));
        }
    }
    return join(reasons, "; ");
}

}  // namespace mitra
