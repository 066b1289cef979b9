// Issue 21's curriculum rules read back from curricula, modules and texts.
#include "store/practice_rows.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "store/database.hpp"
#include "store/rows.hpp"

namespace mitra::store {

CriterionRating rating_from(const soci::row& r, std::size_t first) {
    CriterionRating rating{text(r, first), std::nullopt, std::nullopt};
    if (r.get_indicator(first + 1) != soci::i_null) rating.level = static_cast<int>(integer(r, first + 1));
    if (r.get_indicator(first + 2) != soci::i_null) rating.second = static_cast<int>(integer(r, first + 2));
    return rating;
}

ObservedAssessment observation_from(const soci::row& r, std::size_t first) {
    ObservedAssessment a;
    a.uuid = text(r, first);
    a.module_code = text(r, first + 1);
    a.observed_on = date(r, first + 2).value_or(Date{});
    a.method = parse_observation_method(text(r, first + 3)).value_or(ObservationMethod::direct_observation);
    a.rater = text(r, first + 4);
    a.second_rater = text(r, first + 5);
    a.released_on = date(r, first + 6);
    return a;
}

void read_practice_rules(Database& db, Curriculum& c, const std::vector<std::string>& module_uuids) {
    soci::rowset<soci::row> head =
        (db.sql().prepare << "SELECT completion_months, referees_required, supervision_agreement, "
                             "lived_experience_attestation FROM curricula WHERE uuid = :u",
         soci::use(c.uuid));
    for (const auto& r : head)
        c.programme = ProgrammeRule{static_cast<int>(integer(r, 1)), integer(r, 2) != 0, integer(r, 3) != 0,
                                    static_cast<int>(integer(r, 0))};
    auto module_at = [&](const std::string& uuid) -> Module* {
        const auto at = std::find(module_uuids.begin(), module_uuids.end(), uuid);
        const auto index = static_cast<std::size_t>(at - module_uuids.begin());
        return index < c.modules.size() ? &c.modules[index] : nullptr;
    };
    soci::rowset<soci::row> rows =
        (db.sql().prepare << "SELECT uuid, mandatory_sessions, max_missed, supervised_one_to_one_minutes, "
                             "supervised_group_minutes, supervised_group_max_minutes, rubric_pass_level, "
                             "rubric_max_not_observed, rubric_criteria FROM modules WHERE curriculum_uuid = :u",
         soci::use(c.uuid));
    for (const auto& r : rows) {
        Module* m = module_at(text(r, 0));
        if (!m) continue;
        m->session_rule = {};
        for (const auto& n : split_list(text(r, 1))) m->session_rule.mandatory_sessions.push_back(std::stoi(n));
        if (r.get_indicator(2) != soci::i_null) m->session_rule.max_missed = static_cast<int>(integer(r, 2));
        m->supervision = SupervisionRule{static_cast<int>(integer(r, 3)), static_cast<int>(integer(r, 4)),
                                         static_cast<int>(integer(r, 5))};
        m->rubric.reset();
        if (r.get_indicator(6) == soci::i_null) continue;
        Rubric rubric;
        rubric.pass_level = static_cast<int>(integer(r, 6));
        rubric.max_not_observed = static_cast<int>(integer(r, 7));
        for (const auto& key : split_list(text(r, 8))) {
            RubricCriterion criterion;
            criterion.key = key;
            rubric.criteria.push_back(std::move(criterion));
        }
        m->rubric = std::move(rubric);
    }
    // Texts "rubric.KEY.title" and "rubric.KEY.level_N" of the curriculum's modules.
    soci::rowset<soci::row> texts =
        (db.sql().prepare << "SELECT t.owner_uuid, t.field, t.language, t.body FROM modules m JOIN texts t ON "
                             "t.owner_uuid = m.uuid WHERE m.curriculum_uuid = :u AND t.field LIKE 'rubric.%'",
         soci::use(c.uuid));
    for (const auto& r : texts) {
        Module* m = module_at(text(r, 0));
        if (!m || !m->rubric) continue;
        const std::string field = text(r, 1).substr(7);  // KEY.title or KEY.level_N
        const auto dot = field.rfind('.');
        if (dot == std::string::npos) continue;
        const std::string key = field.substr(0, dot), part = field.substr(dot + 1);
        for (auto& criterion : m->rubric->criteria) {
            if (criterion.key != key) continue;
            if (part == "title") criterion.title.by_language[text(r, 2)] = text(r, 3);
            else if (part.size() == 7 && part.rfind("level_", 0) == 0 && part[6] >= '0' && part[6] <= '4')
                criterion.levels[static_cast<std::size_t>(part[6] - '0')].by_language[text(r, 2)] = text(r, 3);
        }
    }
}

}  // namespace mitra::store
