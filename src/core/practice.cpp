// The rules of supervised practice, observed assessment, attestations, referees and the completion window.
#include "core/practice.hpp"

#include <algorithm>
#include <set>

#include "core/model.hpp"

namespace mitra {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_word(std::string_view text, const std::pair<Enum, const char*> (&words)[N]) {
    for (const auto& [value, word] : words)
        if (text == word) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string word_of(Enum value, const std::pair<Enum, const char*> (&words)[N]) {
    for (const auto& [v, word] : words)
        if (v == value) return word;
    return {};
}

constexpr std::pair<SupervisorKind, const char*> kSupervisorKinds[] = {
    {SupervisorKind::trainer, "trainer"}, {SupervisorKind::outside_professional, "outside_professional"}};
constexpr std::pair<SupervisionFormat, const char*> kFormats[] = {{SupervisionFormat::one_to_one, "one_to_one"},
                                                                  {SupervisionFormat::group, "group"}};
constexpr std::pair<ObservationMethod, const char*> kMethods[] = {
    {ObservationMethod::direct_observation, "direct_observation"},
    {ObservationMethod::video, "video"},
    {ObservationMethod::role_play, "role_play"},
    {ObservationMethod::feedback_from_others, "feedback_from_others"}};
constexpr std::pair<AttestationKind, const char*> kAttestations[] = {
    {AttestationKind::supervision_agreement, "supervision_agreement"},
    {AttestationKind::lived_experience, "lived_experience"}};

const Supervisor* find_supervisor(const std::vector<Supervisor>& supervisors, const std::string& ref) {
    for (const auto& s : supervisors)
        if (s.ref == ref) return &s;
    return nullptr;
}

}  // namespace

const RubricCriterion* Rubric::criterion(std::string_view key) const {
    for (const auto& c : criteria)
        if (c.key == key) return &c;
    return nullptr;
}

std::string to_string(SupervisorKind kind) { return word_of(kind, kSupervisorKinds); }
std::optional<SupervisorKind> parse_supervisor_kind(std::string_view text) {
    return parse_word(text, kSupervisorKinds);
}
std::string to_string(SupervisionFormat format) { return word_of(format, kFormats); }
std::optional<SupervisionFormat> parse_supervision_format(std::string_view text) { return parse_word(text, kFormats); }
std::string to_string(ObservationMethod method) { return word_of(method, kMethods); }
std::optional<ObservationMethod> parse_observation_method(std::string_view text) { return parse_word(text, kMethods); }
std::string to_string(AttestationKind kind) { return word_of(kind, kAttestations); }
std::optional<AttestationKind> parse_attestation_kind(std::string_view text) { return parse_word(text, kAttestations); }

std::string to_string(ObservedOutcome outcome) { return outcome == ObservedOutcome::met ? "met" : "asked_to_repeat"; }

std::string to_string(DeadlineStanding standing) {
    switch (standing) {
        case DeadlineStanding::open: return "open";
        case DeadlineStanding::near: return "near";
        case DeadlineStanding::passed: return "passed";
    }
    return "open";
}

bool credential_valid_on(const Supervisor& supervisor, const Date& day) {
    return std::any_of(supervisor.credentials.begin(), supervisor.credentials.end(),
                       [&](const SupervisorCredential& c) { return !(day < c.valid_from) && !(c.expires_on < day); });
}

SupervisionTally tally_supervision(const Module& module, const std::vector<SupervisionEntry>& entries,
                                   const std::vector<Supervisor>& supervisors,
                                   const std::vector<PracticumLog>& practicum) {
    SupervisionTally t;
    for (const auto& e : entries) {
        if (e.module_code != module.code) continue;
        const Supervisor* s = find_supervisor(supervisors, e.supervisor_ref);
        if (!s || !credential_valid_on(*s, e.day)) {
            t.not_counted.push_back(e);
            continue;
        }
        (e.format == SupervisionFormat::one_to_one ? t.one_to_one : t.group) += e.minutes;
        t.by_supervisor[e.supervisor_ref] += e.minutes;
    }
    for (const auto& log : practicum)
        if (log.module_code == module.code && log.signed_off_on) t.signed_off += log.minutes;
    const int cap = module.supervision.group_max_minutes;
    t.group_counted = cap > 0 ? std::min(t.group, cap) : t.group;
    t.total = t.one_to_one + t.group_counted + t.signed_off;
    return t;
}

ObservationJudgement judge_observation(const Rubric& rubric, const ObservedAssessment& a) {
    ObservationJudgement j;
    const bool two_raters = !a.second_rater.empty();
    int number = 0;
    for (const auto& c : rubric.criteria) {
        CriterionResult r;
        r.number = ++number;
        r.key = c.key;
        for (const auto& rating : a.ratings)
            if (rating.criterion == c.key) {
                r.first = rating.level;
                if (two_raters) r.second = rating.second;
            }
        if (r.first && r.second) r.level = std::min(*r.first, *r.second);
        else r.level = r.first ? r.first : r.second;
        r.raters_differ = two_raters && r.first != r.second;
        r.below = r.level && *r.level < rubric.pass_level;
        if (!r.level) ++j.not_observed;
        j.raters_differ = j.raters_differ || r.raters_differ;
        j.criteria.push_back(std::move(r));
    }
    const bool all_at_level = std::none_of(j.criteria.begin(), j.criteria.end(), [](auto& r) { return r.below; });
    j.outcome = all_at_level && j.not_observed <= rubric.max_not_observed ? ObservedOutcome::met
                                                                          : ObservedOutcome::asked_to_repeat;
    return j;
}

std::vector<ObservationProblem> check_observation(const Rubric& rubric, const ObservedAssessment& a) {
    std::vector<ObservationProblem> out;
    if (a.rater.empty()) out.push_back({"rater", "who rated is needed"});
    if (!a.second_rater.empty() && a.second_rater == a.rater)
        out.push_back({"second_rater", "the second rater must be someone other than the rater"});
    std::set<std::string> seen;
    auto in_range = [](const std::optional<int>& level) {
        return !level || (*level >= 0 && *level <= kRubricTopLevel);
    };
    for (const auto& r : a.ratings) {
        if (!rubric.criterion(r.criterion)) {
            out.push_back({"criterion", "criterion " + r.criterion + " is not in the module's rubric"});
            continue;
        }
        if (!seen.insert(r.criterion).second)
            out.push_back({"criterion", "criterion " + r.criterion + " is rated twice"});
        if (!in_range(r.level) || !in_range(r.second))
            out.push_back({"level", "criterion " + r.criterion + ": a level is 0 to 4, or N/O"});
        if (r.second && a.second_rater.empty())
            out.push_back({"second_rater", "criterion " + r.criterion + " has a second level but no second rater"});
    }
    for (const auto& c : rubric.criteria)
        if (!seen.count(c.key))
            out.push_back(
                {"criterion", "criterion " + c.key + " is not rated (write N/O when it could not be observed)"});
    return out;
}

bool attested(const std::vector<Attestation>& attestations, AttestationKind kind) {
    const Attestation* latest = nullptr;
    for (const auto& a : attestations)
        if (a.kind == kind && (!latest || !(a.on < latest->on))) latest = &a;
    return latest && latest->is_signed;
}

int referees_received(const std::vector<RefereeQuestionnaire>& received) {
    std::set<std::string> referees;
    for (const auto& r : received) referees.insert(r.referee);
    return static_cast<int>(referees.size());
}

std::optional<Deadline> completion_deadline(const ProgrammeRule& rule, const Date& enrolled_on,
                                            const std::vector<DeadlineExtension>& extensions) {
    if (rule.completion_months <= 0) return std::nullopt;
    Deadline d;
    d.window_end = add_months(enrolled_on, rule.completion_months);
    d.due = d.window_end;
    const DeadlineExtension* latest = nullptr;
    for (const auto& e : extensions)
        if (!latest || !(e.granted_at < latest->granted_at)) latest = &e;
    if (latest) {
        d.due = latest->new_deadline;
        d.extension = *latest;
    }
    return d;
}

DeadlineStanding deadline_standing(const Deadline& deadline, const Date& today, int warn_days) {
    if (deadline.due < today) return DeadlineStanding::passed;
    if (days_between(today, deadline.due) <= warn_days) return DeadlineStanding::near;
    return DeadlineStanding::open;
}

}  // namespace mitra
