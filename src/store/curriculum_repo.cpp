// Curricula and their modules, with texts in every language.
#include <soci/soci.h>

#include <map>

#include "core/identity.hpp"
#include "store/practice_rows.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

bool same_texts(const Curriculum& a, const Curriculum& b) {
    if (!(a.title == b.title) || !(a.translated_from == b.translated_from) || a.modules.size() != b.modules.size())
        return false;
    for (std::size_t i = 0; i < a.modules.size(); ++i) {
        const auto &x = a.modules[i], &y = b.modules[i];
        if (!(x.title == y.title) || !(x.summary == y.summary) || x.outcomes != y.outcomes ||
            !(x.translated_from == y.translated_from) || x.sessions != y.sessions || !(x.rubric == y.rubric))
            return false;
    }
    return true;
}

std::string minimums_text(const RenewalRule& rule) {
    std::string out;
    for (const auto& [category, minutes] : rule.minimum_minutes)
        out += (out.empty() ? "" : ",") + category + "=" + std::to_string(minutes);
    return out;
}

std::map<std::string, int> parse_minimums(const std::string& text) {
    std::map<std::string, int> out;
    for (const auto& item : split_list(text))
        if (const auto eq = item.find('='); eq != std::string::npos)
            out[item.substr(0, eq)] = std::stoi(item.substr(eq + 1));
    return out;
}

bool same_certification(const std::optional<CertificationDefinition>& a,
                        const std::optional<CertificationDefinition>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    return a->code == b->code && a->title == b->title && a->level == b->level && a->for_trainers == b->for_trainers &&
           a->valid_months == b->valid_months && a->renewal.period_months == b->renewal.period_months &&
           a->renewal.total_minutes == b->renewal.total_minutes &&
           a->renewal.minimum_minutes == b->renewal.minimum_minutes;
}

}  // namespace

void CurriculumRepo::write_certification(const Curriculum& c) {
    db_.sql() << "DELETE FROM certification_definitions WHERE curriculum_uuid = :u", soci::use(c.uuid);
    db_.sql() << "DELETE FROM texts WHERE owner_uuid = :o AND field = 'certification.title'", soci::use(c.uuid);
    if (!c.certification) return;
    const auto& d = *c.certification;
    const int for_trainers = d.for_trainers;
    const std::string minimums = minimums_text(d.renewal);
    db_.sql() << "INSERT INTO certification_definitions (curriculum_uuid, code, level, for_trainers, valid_months, "
                 "period_months, total_minutes, minimum_minutes) VALUES (:u, :c, :l, :t, :v, :p, :m, :mins)",
        soci::use(c.uuid), soci::use(d.code), soci::use(d.level), soci::use(for_trainers), soci::use(d.valid_months),
        soci::use(d.renewal.period_months), soci::use(d.renewal.total_minutes), soci::use(minimums);
    write_texts(c.uuid, "certification.title", d.title);
}

void CurriculumRepo::write_texts(const std::string& owner, const std::string& field, const LocalizedText& text) {
    for (const auto& [language, body] : text.by_language)
        db_.sql() << "INSERT INTO texts (owner_uuid, field, language, body) VALUES (:o, :f, :l, :b)", soci::use(owner),
            soci::use(field), soci::use(language), soci::use(body);
}

LocalizedText CurriculumRepo::read_text(const std::string& owner, const std::string& field) {
    LocalizedText out;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT language, body FROM texts WHERE owner_uuid = :o "
                                                         "AND field = :f",
                                    soci::use(owner), soci::use(field));
    for (const auto& r : rows) out.by_language[text(r, 0)] = text(r, 1);
    return out;
}

Saved CurriculumRepo::import(Curriculum& c) {
    Saved outcome = Saved::created;
    db_.write([&] {
        const Stamp stamp{utc_timestamp_now(), db_.actor()};
        auto existing = find(c.code, c.version);
        if (existing) {
            c.uuid = existing->uuid;
            if (same_rules(*existing, c) && same_texts(*existing, c) &&
                same_certification(existing->certification, c.certification)) {
                outcome = Saved::unchanged;
                return;
            }
            if (!same_rules(*existing, c)) {
                int in_use = 0;
                db_.sql() << "SELECT COUNT(*) FROM cohorts WHERE curriculum_uuid = :u", soci::into(in_use),
                    soci::use(c.uuid);
                if (in_use > 0)
                    refuse("version", ProblemCode::version_in_use, {c.code, c.version, std::to_string(in_use)});
            }
            outcome = Saved::updated;
            soci::rowset<soci::row> modules =
                (db_.sql().prepare << "SELECT uuid FROM modules WHERE curriculum_uuid = :u", soci::use(c.uuid));
            std::vector<std::string> owners{c.uuid};
            for (const auto& r : modules) owners.push_back(text(r, 0));
            for (const auto& owner : owners) db_.sql() << "DELETE FROM texts WHERE owner_uuid = :o", soci::use(owner);
            db_.sql() << "DELETE FROM modules WHERE curriculum_uuid = :u", soci::use(c.uuid);
            db_.sql() << "UPDATE curricula SET electives_required = :e, ethics_code = :k, updated_at = :at, "
                         "updated_by = :by WHERE uuid = :u",
                soci::use(c.electives_required), soci::use(c.ethics_code), soci::use(stamp.at), soci::use(stamp.by),
                soci::use(c.uuid);
        } else {
            c.uuid = new_uuid();
            db_.sql() << "INSERT INTO curricula (uuid, code, version, electives_required, ethics_code, created_at, "
                         "created_by, updated_at, updated_by) VALUES (:u, :c, :v, :e, :k, :at, :by, :at2, :by2)",
                soci::use(c.uuid), soci::use(c.code), soci::use(c.version), soci::use(c.electives_required),
                soci::use(c.ethics_code), soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at),
                soci::use(stamp.by);
        }
        write_texts(c.uuid, "title", c.title);
        write_texts(c.uuid, "translated_from", c.translated_from);
        int position = 0;
        for (const auto& m : c.modules) {
            const std::string uuid = new_uuid(), kind = to_string(m.kind);
            const int required = m.required, assessed = m.has_assessment;
            db_.sql()
                << "INSERT INTO modules (uuid, curriculum_uuid, position, code, kind, required, minutes, sessions, "
                   "attendance_share, has_assessment, supervised_minutes) VALUES (:u, :c, :p, :code, :k, :r, "
                   ":m, :s, :share, :a, :sup)",
                soci::use(uuid), soci::use(c.uuid), soci::use(position), soci::use(m.code), soci::use(kind),
                soci::use(required), soci::use(m.minutes), soci::use(m.sessions), soci::use(m.attendance_share),
                soci::use(assessed), soci::use(m.supervised_minutes);
            write_texts(uuid, "title", m.title);
            write_texts(uuid, "summary", m.summary);
            write_texts(uuid, "translated_from", m.translated_from);
            for (std::size_t i = 0; i < m.outcomes.size(); ++i)
                write_texts(uuid, "outcome." + std::to_string(i + 1), m.outcomes[i]);
            write_practice_rules(c, uuid, m);
            ++position;
        }
        write_certification(c);
        const auto& rule = c.programme;
        const int agreement = rule.supervision_agreement, attestation = rule.lived_experience_attestation;
        db_.sql() << "UPDATE curricula SET completion_months = :m, referees_required = :r, supervision_agreement = :a, "
                     "lived_experience_attestation = :l WHERE uuid = :u",
            soci::use(rule.completion_months), soci::use(rule.referees_required), soci::use(agreement),
            soci::use(attestation), soci::use(c.uuid);
    });
    return outcome;
}

std::optional<Curriculum> CurriculumRepo::find_by_uuid(const std::string& uuid) {
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT uuid, code, version, electives_required, ethics_code FROM curricula "
                              "WHERE uuid = :u",
         soci::use(uuid));
    std::optional<Curriculum> found;
    for (const auto& r : rows) {
        Curriculum c;
        c.uuid = text(r, 0);
        c.code = text(r, 1);
        c.version = text(r, 2);
        c.electives_required = static_cast<int>(integer(r, 3));
        c.ethics_code = text(r, 4);
        found = std::move(c);
    }
    if (!found) return found;
    found->title = read_text(found->uuid, "title");
    found->translated_from = read_text(found->uuid, "translated_from");
    soci::rowset<soci::row> definitions =
        (db_.sql().prepare << "SELECT code, level, for_trainers, valid_months, period_months, total_minutes, "
                              "minimum_minutes FROM certification_definitions WHERE curriculum_uuid = :u",
         soci::use(found->uuid));
    for (const auto& r : definitions) {
        CertificationDefinition d;
        d.code = text(r, 0);
        d.curriculum_code = found->code;
        d.level = text(r, 1);
        d.for_trainers = integer(r, 2) != 0;
        d.valid_months = static_cast<int>(integer(r, 3));
        d.renewal.period_months = static_cast<int>(integer(r, 4));
        d.renewal.total_minutes = static_cast<int>(integer(r, 5));
        d.renewal.minimum_minutes = parse_minimums(text(r, 6));
        found->certification = std::move(d);
    }
    if (found->certification) found->certification->title = read_text(found->uuid, "certification.title");
    soci::rowset<soci::row> modules =
        (db_.sql().prepare << "SELECT uuid, code, kind, required, minutes, sessions, attendance_share, has_assessment, "
                              "supervised_minutes FROM modules WHERE curriculum_uuid = :u ORDER BY position",
         soci::use(found->uuid));
    std::vector<std::string> module_uuids;
    for (const auto& r : modules) {
        module_uuids.push_back(text(r, 0));
        found->modules.push_back(module_from(r, 1));
    }
    for (std::size_t i = 0; i < module_uuids.size(); ++i) {
        auto& m = found->modules[i];
        soci::rowset<soci::row> texts =
            (db_.sql().prepare << "SELECT field, language, body FROM texts WHERE owner_uuid = :o",
             soci::use(module_uuids[i]));
        for (const auto& r : texts) {
            const std::string field = text(r, 0);
            if (field.rfind("rubric.", 0) == 0) continue;  // read_practice_rules
            if (field == "title") m.title.by_language[text(r, 1)] = text(r, 2);
            else if (field == "summary") m.summary.by_language[text(r, 1)] = text(r, 2);
            else if (field == "translated_from") m.translated_from.by_language[text(r, 1)] = text(r, 2);
            else if (field.rfind("outcome.", 0) == 0) {
                const auto index = static_cast<std::size_t>(std::stoul(field.substr(8)));
                if (m.outcomes.size() < index) m.outcomes.resize(index);
                m.outcomes[index - 1].by_language[text(r, 1)] = text(r, 2);
            }
        }
    }
    read_practice_rules(db_, *found, module_uuids);
    return found;
}

void CurriculumRepo::write_practice_rules(const Curriculum& c, const std::string& module_uuid, const Module& m) {
    std::vector<std::string> sessions, keys;
    for (int n : m.session_rule.mandatory_sessions) sessions.push_back(std::to_string(n));
    const std::string mandatory = join(sessions, ",");
    const int max_missed = m.session_rule.max_missed.value_or(0);
    soci::indicator missed_ind = m.session_rule.max_missed ? soci::i_ok : soci::i_null;
    const int pass_level = m.rubric ? m.rubric->pass_level : 0;
    const int max_not_observed = m.rubric ? m.rubric->max_not_observed : 0;
    soci::indicator rubric_ind = m.rubric ? soci::i_ok : soci::i_null;
    if (m.rubric)
        for (const auto& criterion : m.rubric->criteria) {
            keys.push_back(criterion.key);
            write_texts(module_uuid, "rubric." + criterion.key + ".title", criterion.title);
            for (std::size_t level = 0; level < criterion.levels.size(); ++level)
                write_texts(module_uuid, "rubric." + criterion.key + ".level_" + std::to_string(level),
                            criterion.levels[level]);
        }
    const std::string criteria = join(keys, ",");
    db_.sql() << "UPDATE modules SET mandatory_sessions = :s, max_missed = :mm, supervised_one_to_one_minutes = :o, "
                 "supervised_group_minutes = :g, supervised_group_max_minutes = :gm, rubric_pass_level = :p, "
                 "rubric_max_not_observed = :n, rubric_criteria = :c WHERE uuid = :u",
        soci::use(mandatory), soci::use(max_missed, missed_ind), soci::use(m.supervision.one_to_one_minutes),
        soci::use(m.supervision.group_minutes), soci::use(m.supervision.group_max_minutes),
        soci::use(pass_level, rubric_ind), soci::use(max_not_observed), soci::use(criteria), soci::use(module_uuid);
}

std::optional<Curriculum> CurriculumRepo::find(const std::string& code, const std::string& version) {
    std::string uuid;
    soci::indicator ind = soci::i_null;
    if (version.empty())
        db_.sql() << "SELECT uuid FROM curricula WHERE code = :c ORDER BY created_at DESC, version DESC LIMIT 1",
            soci::into(uuid, ind), soci::use(code);
    else
        db_.sql() << "SELECT uuid FROM curricula WHERE code = :c AND version = :v", soci::into(uuid, ind),
            soci::use(code), soci::use(version);
    if (!db_.sql().got_data() || ind != soci::i_ok) return std::nullopt;
    return find_by_uuid(uuid);
}

std::vector<Curriculum> CurriculumRepo::list() {
    std::vector<std::string> uuids;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT uuid FROM curricula ORDER BY code, created_at");
    for (const auto& r : rows) uuids.push_back(text(r, 0));
    std::vector<Curriculum> out;
    for (const auto& uuid : uuids)
        if (auto c = find_by_uuid(uuid)) out.push_back(std::move(*c));
    return out;
}

}  // namespace mitra::store
