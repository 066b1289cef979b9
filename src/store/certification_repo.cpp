// Certification over time, in the store: certifications held, the learning ledger, renewals, trainers'
// own certifications. Long because (615 lines) participants' and trainers' certifications share the row readers,
// the uuid look-ups and the inserts in the anonymous namespace; the trainer half would split off only with an
// internal header for those.
#include "store/certification_repo.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/identity.hpp"
#include "core/serial.hpp"
#include "io/record_words.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

// The stored definition of a certification, or one knowing only its code (a definition since removed).
CertificationDefinition definition_or_bare(Database& db, const std::string& code) {
    if (auto found = find_definition(db, code)) return *found;
    CertificationDefinition bare;
    bare.code = code;
    return bare;
}

const char* kCertificationColumns =
    "k.uuid, p.ref, p.full_name, k.definition_code, cu.code, c.code, k.serial, k.issued_on, k.valid_from, "
    "k.expires_on, k.previous_uuid, pk.serial, (SELECT MIN(n.serial) FROM certifications n WHERE n.previous_uuid = "
    "k.uuid), k.status FROM certifications k JOIN participants p ON p.uuid = k.participant_uuid "
    "JOIN curricula cu ON cu.uuid = k.curriculum_uuid JOIN cohorts c ON c.uuid = k.cohort_uuid "
    "LEFT JOIN certifications pk ON pk.uuid = k.previous_uuid";

CertificationRecord certification_from(const soci::row& r) {
    CertificationRecord k;
    k.uuid = text(r, 0);
    k.participant_ref = text(r, 1);
    k.full_name = text(r, 2);
    k.code = text(r, 3);
    k.curriculum_code = text(r, 4);
    k.cohort_code = text(r, 5);
    k.serial = text(r, 6);
    k.issued_on = date(r, 7).value_or(Date{});
    k.valid_from = date(r, 8).value_or(Date{});
    k.expires_on = date(r, 9).value_or(Date{});
    k.previous_uuid = text(r, 10);
    k.previous_serial = text(r, 11);
    k.renewed_by_serial = text(r, 12);
    k.status = text(r, 13);
    return k;
}

std::string participant_uuid(Database& db, const std::string& ref) {
    std::string uuid;
    db.sql() << "SELECT uuid FROM participants WHERE ref = :r", soci::into(uuid), soci::use(ref);
    if (!db.sql().got_data()) refuse("ref", ProblemCode::no_participant, {ref});
    return uuid;
}

std::string trainer_uuid_of(Database& db, const std::string& ref) {
    std::string uuid;
    db.sql() << "SELECT uuid FROM trainers WHERE ref = :r", soci::into(uuid), soci::use(ref);
    if (!db.sql().got_data()) refuse("trainer", ProblemCode::no_trainer, {ref});
    return uuid;
}

// The definition stored with a curriculum (by the curriculum's uuid).
std::optional<CertificationDefinition> definition_of_curriculum(Database& db, const std::string& curriculum_uuid) {
    auto curriculum = CurriculumRepo(db).find_by_uuid(curriculum_uuid);
    if (!curriculum) return std::nullopt;
    return curriculum->certification;
}

// Mitra's own sessions as learning: category from the module's kind.
std::string category_of_module(const std::string& kind) {
    return kind == "practice" || kind == "practicum" ? "peer_practice" : "elective";
}

void insert_certification(Database& db, const std::string& uuid, const std::string& person, const std::string& code,
                          const std::string& curriculum_uuid, const std::string& cohort_uuid,
                          const std::string& certificate_uuid, const std::string& serial, const Date& issued,
                          const Date& from, const Date& expires, const std::string& previous) {
    const Stamp stamp{utc_timestamp_now(), db.actor()};
    const std::string issued_text = to_string(issued), from_text = to_string(from), expires_text = to_string(expires);
    soci::indicator previous_ind = previous.empty() ? soci::i_null : soci::i_ok;
    db.sql() << "INSERT INTO certifications (uuid, participant_uuid, definition_code, curriculum_uuid, cohort_uuid, "
                "certificate_uuid, serial, issued_on, valid_from, expires_on, previous_uuid, status, created_at, "
                "created_by, updated_at, updated_by) VALUES (:u, :p, :d, :cu, :c, :x, :s, :i, :f, :e, :pr, 'current', "
                ":at, :by, :at2, :by2)",
        soci::use(uuid), soci::use(person), soci::use(code), soci::use(curriculum_uuid), soci::use(cohort_uuid),
        soci::use(certificate_uuid), soci::use(serial), soci::use(issued_text), soci::use(from_text),
        soci::use(expires_text), soci::use(previous, previous_ind), soci::use(stamp.at), soci::use(stamp.by),
        soci::use(stamp.at), soci::use(stamp.by);
    record_audit(db, "certification", uuid, previous.empty() ? "grant" : "renew", std::nullopt,
                 code + " " + serial + " from " + from_text + " to " + expires_text);
}

// A trainer certification, as granted or renewed, for the trainer with that uuid.
void insert_trainer_certification(Database& db, const TrainerCertificationRecord& record,
                                  const std::string& trainer_uuid) {
    const Stamp stamp{utc_timestamp_now(), db.actor()};
    const std::string issued = to_string(record.issued_on), expires = to_string(record.expires_on);
    db.sql() << "INSERT INTO trainer_certifications (uuid, trainer_uuid, level, issued_on, expires_on, created_at, "
                "created_by, updated_at, updated_by) VALUES (:u, :t, :l, :i, :e, :at, :by, :at2, :by2)",
        soci::use(record.uuid), soci::use(trainer_uuid), soci::use(record.level), soci::use(issued), soci::use(expires),
        soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
}

}  // namespace

std::optional<CertificationDefinition> find_definition(Database& db, const std::string& code) {
    std::string curriculum_uuid;
    soci::indicator ind = soci::i_null;
    db.sql() << "SELECT d.curriculum_uuid FROM certification_definitions d JOIN curricula cu ON cu.uuid = "
                "d.curriculum_uuid WHERE d.code = :c ORDER BY cu.created_at DESC, cu.version DESC LIMIT 1",
        soci::into(curriculum_uuid, ind), soci::use(code);
    if (!db.sql().got_data() || ind != soci::i_ok) return std::nullopt;
    return definition_of_curriculum(db, curriculum_uuid);
}

namespace {

// What completing `cohort_code` grants `ref` on `issued`: nothing when the curriculum defines no certification for
// participants, or the person holds one of that code live already.
struct Grant {
    CertificationDefinition definition;
    std::string cohort_uuid, curriculum_uuid, person;
    Date expires;
};

std::optional<Grant> grant_for(Database& db, const std::string& cohort_code, const std::string& ref,
                               const Date& issued) {
    Grant g;
    db.sql() << "SELECT uuid, curriculum_uuid FROM cohorts WHERE code = :c", soci::into(g.cohort_uuid),
        soci::into(g.curriculum_uuid), soci::use(cohort_code);
    if (!db.sql().got_data()) return std::nullopt;
    const auto definition = definition_of_curriculum(db, g.curriculum_uuid);
    if (!definition || definition->for_trainers) return std::nullopt;
    g.definition = *definition;
    g.person = participant_uuid(db, ref);
    int live = 0;
    db.sql() << "SELECT COUNT(*) FROM certifications WHERE participant_uuid = :p AND definition_code = :d AND "
                "status = 'current'",
        soci::into(live), soci::use(g.person), soci::use(g.definition.code);
    if (live) return std::nullopt;
    g.expires = expiry_date(issued, g.definition.valid_months);
    return g;
}

}  // namespace

void grant_with_certificate(Database& db, const CertificateRecord& certificate) {
    const Date issued = parse_date(certificate.issued_on).value_or(today_utc());
    const auto g = grant_for(db, certificate.cohort_code, certificate.participant_ref, issued);
    if (!g) return;
    insert_certification(db, new_uuid(), g->person, g->definition.code, g->curriculum_uuid, g->cohort_uuid,
                         certificate.uuid, certificate.serial, issued, issued, g->expires, "");
}

std::optional<Date> expiry_granted_with(Database& db, const std::string& cohort_code, const std::string& ref,
                                        const Date& issued) {
    const auto g = grant_for(db, cohort_code, ref, issued);
    return g ? std::optional<Date>(g->expires) : std::nullopt;
}

void revoke_certification(Database& db, const CertificateRecord& certificate) {
    std::string uuid, previous, status;
    soci::indicator previous_ind = soci::i_null;
    db.sql() << "SELECT uuid, previous_uuid, status FROM certifications WHERE certificate_uuid = :x", soci::into(uuid),
        soci::into(previous, previous_ind), soci::into(status), soci::use(certificate.uuid);
    if (!db.sql().got_data() || status == "revoked") return;
    const std::string now = utc_timestamp_now();
    db.sql() << "UPDATE certifications SET status = 'revoked', updated_at = :at, updated_by = :by WHERE uuid = :u",
        soci::use(now), soci::use(db.actor()), soci::use(uuid);
    record_audit(db, "certification", uuid, "revoke", status, "revoked with certificate " + certificate.serial);
    if (status == "current" && previous_ind == soci::i_ok) {
        db.sql() << "UPDATE certifications SET status = 'current', updated_at = :at, updated_by = :by WHERE uuid = :u "
                    "AND status = 'superseded'",
            soci::use(now), soci::use(db.actor()), soci::use(previous);
        record_audit(db, "certification", previous, "restore", "superseded", "current");
    }
}

std::vector<CertificationRecord> CertificationRepo::history(const std::string& ref) {
    std::vector<CertificationRecord> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kCertificationColumns
                           << " WHERE p.ref = :r ORDER BY k.issued_on DESC, k.created_at DESC",
         soci::use(ref));
    for (const auto& r : rows) out.push_back(certification_from(r));
    return out;
}

std::optional<CertificationRecord> CertificationRepo::current(const std::string& ref, const std::string& code) {
    for (auto& k : history(ref))
        if (k.status == "current" && (code.empty() || k.code == code)) return k;
    return std::nullopt;
}

std::optional<CertificationRecord> CertificationRepo::for_serial(const std::string& serial) {
    const std::string wanted = normalise_serial(serial);
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kCertificationColumns << " WHERE k.serial = :s", soci::use(wanted));
    for (const auto& r : rows) return certification_from(r);
    return std::nullopt;
}

std::vector<Pathway> CertificationRepo::pathways(const std::string& ref, const Date& today) {
    std::vector<Pathway> out;
    db_.read([&] { out = assess_pathways(pathway_records(ref, today), today); });
    return out;
}

PathwayRecords CertificationRepo::pathway_records(const std::string& ref, const Date& today) {
    PathwayRecords records;
    const auto person = ParticipantRepo(db_).find(ref);
    if (!person) refuse("ref", ProblemCode::no_participant, {ref});
    records.ref = ref;
    records.full_name = person->full_name;
    records.held = history(ref);

    // The cohorts the person is enrolled in, latest first, each curriculum read once.
    std::vector<std::pair<std::string, std::string>> enrolled;  // cohort code, curriculum uuid
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT c.code, c.curriculum_uuid FROM enrolments e JOIN cohorts c ON c.uuid = "
                              "e.cohort_uuid WHERE e.participant_uuid = :p ORDER BY c.start_date DESC, c.code",
         soci::use(person->uuid));
    for (const auto& r : rows) enrolled.emplace_back(text(r, 0), text(r, 1));
    std::map<std::string, std::optional<Curriculum>> curricula;  // by uuid
    CurriculumRepo curriculum_repo(db_);
    for (const auto& [cohort_code, curriculum_uuid] : enrolled)
        if (!curricula.count(curriculum_uuid))
            curricula[curriculum_uuid] = curriculum_repo.find_by_uuid(curriculum_uuid);
    // Completion is judged in the cohorts of curricula that lead to a certification (any version of them).
    std::set<std::string> leading, defined;  // curriculum codes, certification codes
    for (const auto& [uuid, curriculum] : curricula)
        if (curriculum && curriculum->certification && !curriculum->certification->for_trainers) {
            leading.insert(curriculum->code);
            defined.insert(curriculum->certification->code);
        }
    auto completion =
        leading.empty() ? std::map<std::string, ParticipantCompletion>{} : participant_completion(db_, ref, today);
    for (const auto& [cohort_code, curriculum_uuid] : enrolled) {
        PathwayCohort cohort{cohort_code, curricula[curriculum_uuid], std::nullopt};
        const auto judged = completion.find(cohort_code);
        if (cohort.curriculum && leading.count(cohort.curriculum->code) && judged != completion.end())
            cohort.completion = std::move(judged->second);
        records.cohorts.push_back(std::move(cohort));
    }

    soci::rowset<soci::row> ethics =
        (db_.sql().prepare << "SELECT code_version FROM ethics_acknowledgements WHERE participant_uuid = :p",
         soci::use(person->uuid));
    for (const auto& r : ethics) records.ethics_acknowledged.push_back(text(r, 0));
    soci::rowset<soci::row> practice =
        (db_.sql().prepare << "SELECT curriculum_code, SUM(minutes) FROM practicum_logs WHERE participant_uuid = :p "
                              "AND signed_off_on IS NOT NULL GROUP BY curriculum_code",
         soci::use(person->uuid));
    for (const auto& r : practice)
        if (r.get_indicator(1) == soci::i_ok) records.signed_off_minutes[text(r, 0)] = static_cast<int>(integer(r, 1));
    soci::rowset<soci::row> assessed =
        (db_.sql().prepare << "SELECT curriculum_code, module_code, passed, assessed_on FROM assessments WHERE "
                              "participant_uuid = :p ORDER BY assessed_on DESC",
         soci::use(person->uuid));
    for (const auto& r : assessed)
        records.assessments.push_back({text(r, 0), text(r, 1), integer(r, 2) != 0, date(r, 3).value_or(Date{})});

    // Renewal needs the ledger, and a certification held outside those curricula its definition.
    std::set<std::string> held_elsewhere;
    for (const auto& k : records.held)
        if (k.status == "current" && !defined.count(k.code)) held_elsewhere.insert(k.code);
    for (const auto& code : held_elsewhere)
        if (auto found = find_definition(db_, code)) records.definitions[code] = std::move(*found);
    if (std::any_of(records.held.begin(), records.held.end(),
                    [](const CertificationRecord& k) { return k.status == "current"; }))
        records.ledger = ledger(ref, today);
    return records;
}

std::vector<DueItem> CertificationRepo::due(const Date& today, int within_days) {
    std::vector<DueItem> out;
    db_.read([&] {
        out.clear();
        const std::string horizon = to_string(add_days(today, within_days));
        std::vector<CertificationRecord> soon;
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT " << kCertificationColumns
                               << " WHERE k.status = 'current' AND k.expires_on <= :h ORDER BY k.expires_on, p.ref",
             soci::use(horizon));
        for (const auto& r : rows) soon.push_back(certification_from(r));
        for (const auto& k : soon) {
            const auto definition = definition_or_bare(db_, k.code);
            const auto check = check_renewal(definition.renewal, ledger(k.participant_ref, today), k.issued_on, today);
            DueItem item;
            item.ref = k.participant_ref;
            item.full_name = k.full_name;
            item.serial = k.serial;
            item.code = k.code;
            item.issued_on = k.issued_on;
            item.expires_on = k.expires_on;
            item.validity = to_string(validity_on(k.expires_on, today, within_days));
            item.days_left = days_between(today, k.expires_on);
            item.missing = check.missing;
            item.shortfalls = check.shortfalls;
            out.push_back(std::move(item));
        }
    });
    return out;
}

void CertificationRepo::add_learning(const std::string& ref, LearningEntry entry) {
    std::vector<Problem> problems;
    const auto bad = [&](const std::string& field, ProblemCode code, std::vector<std::string> values = {}) {
        problems.push_back(coded(field, code, std::move(values)));
    };
    entry.title = trim(entry.title);
    entry.provider = trim(entry.provider);
    entry.category = trim(entry.category);
    if (entry.source.empty()) entry.source = "external";
    if (entry.title.empty()) bad("title", ProblemCode::learning_needs_title);
    if (entry.provider.empty()) bad("provider", ProblemCode::learning_needs_provider);
    if (entry.minutes <= 0) bad("hours", ProblemCode::hours_not_positive);
    if (entry.minutes > 1000 * 60) bad("hours", ProblemCode::hours_too_many);
    if (entry.category.empty()) bad("category", ProblemCode::learning_needs_category);
    else if (!std::all_of(entry.category.begin(), entry.category.end(),
                          [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; }))
        bad("category", ProblemCode::not_a_category, {entry.category});
    if (entry.source != "external" && entry.source != "cohort" && entry.source != "teaching")
        bad("source", ProblemCode::not_a_learning_source, {entry.source});
    if (!problems.empty()) throw InputError{problems};
    db_.write([&] {
        const std::string person = participant_uuid(db_, ref);
        if (today_utc() < entry.on) refuse("date", ProblemCode::date_in_future, {to_string(entry.on)});
        const Stamp stamp{utc_timestamp_now(), db_.actor()};
        const std::string uuid = new_uuid(), on = to_string(entry.on);
        db_.sql() << "INSERT INTO learning_entries (uuid, participant_uuid, title, provider, learned_on, minutes, "
                     "category, evidence, source, created_at, created_by, updated_at, updated_by) VALUES (:u, :p, :t, "
                     ":pr, :on, :m, :c, :e, :s, :at, :by, :at2, :by2)",
            soci::use(uuid), soci::use(person), soci::use(entry.title), soci::use(entry.provider), soci::use(on),
            soci::use(entry.minutes), soci::use(entry.category), soci::use(entry.evidence), soci::use(entry.source),
            soci::use(stamp.at), soci::use(stamp.by), soci::use(stamp.at), soci::use(stamp.by);
        record_audit(db_, "learning", uuid, "add", std::nullopt,
                     ref + ": " + entry.title + ", " + hours_text(entry.minutes) + " " + entry.category + " on " + on);
    });
}

std::vector<LearningEntry> CertificationRepo::ledger(const std::string& ref, const Date& today) {
    std::vector<LearningEntry> out;
    db_.read([&] {
        out.clear();
        const std::string person = participant_uuid(db_, ref), until = to_string(today);
        soci::rowset<soci::row> entries =
            (db_.sql().prepare << "SELECT title, provider, learned_on, minutes, category, evidence, source FROM "
                                  "learning_entries WHERE participant_uuid = :p AND learned_on <= :t",
             soci::use(person), soci::use(until));
        for (const auto& r : entries)
            out.push_back(LearningEntry{text(r, 0), text(r, 1), date(r, 2).value_or(Date{}),
                                        static_cast<int>(integer(r, 3)), text(r, 4), text(r, 5), text(r, 6)});

        // Mitra's own sessions count from the person's first certification on (not those that earned it).
        std::string first;
        soci::indicator first_ind = soci::i_null;
        db_.sql() << "SELECT MIN(issued_on) FROM certifications WHERE participant_uuid = :p",
            soci::into(first, first_ind), soci::use(person);
        if (first_ind == soci::i_ok && !first.empty()) {
            soci::rowset<soci::row> marks =
                (db_.sql().prepare << "SELECT s.session_date, s.minutes, s.module_code, c.code, a.status, a.minutes, "
                                      "m.kind, s.id FROM attendance a JOIN sessions s ON s.uuid = a.session_uuid "
                                      "JOIN cohorts c ON c.uuid = s.cohort_uuid LEFT JOIN modules m ON "
                                      "m.curriculum_uuid = c.curriculum_uuid AND m.code = s.module_code "
                                      "WHERE a.participant_uuid = :p AND s.session_date > :f AND s.session_date <= :t",
                 soci::use(person), soci::use(first), soci::use(until));
            for (const auto& r : marks) {
                Attendance mark;
                mark.status = parse_attendance_status(text(r, 4)).value_or(AttendanceStatus::absent);
                if (r.get_indicator(5) != soci::i_null) mark.minutes = static_cast<int>(integer(r, 5));
                const int minutes = counted_minutes(mark, static_cast<int>(integer(r, 1)));
                if (minutes <= 0) continue;
                out.push_back(LearningEntry{text(r, 2) + " session (cohort " + text(r, 3) + ")", "Mitra",
                                            date(r, 0).value_or(Date{}), minutes, category_of_module(text(r, 6)),
                                            "attendance at session " + std::to_string(integer(r, 7)), "cohort"});
            }
            // A trainer with the person's ref: their teaching counts too.
            std::string trainer;
            db_.sql() << "SELECT ref FROM trainers WHERE ref = :r", soci::into(trainer), soci::use(ref);
            if (db_.sql().got_data()) {
                const auto taught = teaching(ref, add_days(*parse_date(first), 1), today);
                out.insert(out.end(), taught.entries.begin(), taught.entries.end());
            }
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const LearningEntry& a, const LearningEntry& b) { return a.on < b.on; });
    });
    return out;
}

CertificationRecord CertificationRepo::certify(const std::string& ref, const Date& today, const std::string& code) {
    CertificationRecord granted;
    db_.write([&] {
        auto paths = pathways(ref, today);
        if (!code.empty())
            paths.erase(
                std::remove_if(paths.begin(), paths.end(), [&](const Pathway& p) { return p.definition.code != code; }),
                paths.end());
        if (paths.empty())
            code.empty() ? refuse("ref", ProblemCode::no_pathway, {ref})
                         : refuse("ref", ProblemCode::no_pathway_to, {ref, code});
        if (paths.size() > 1) refuse("code", ProblemCode::several_pathways, {ref});
        const auto& p = paths.front();
        if (p.current)
            refuse("ref", ProblemCode::certified_already,
                   {ref, p.definition.code, p.current->serial, to_string(p.current->expires_on)});
        if (!p.ready) throw InputError{io::not_ready_problems(p, "en", io::catalog(""))};
        // The live completion certificate of the curriculum is what shows the certification.
        std::string certificate;
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT x.serial FROM certificates x JOIN cohorts c ON c.uuid = x.cohort_uuid JOIN "
                                  "curricula cu ON cu.uuid = c.curriculum_uuid JOIN participants p ON p.uuid = "
                                  "x.participant_uuid WHERE p.ref = :r AND cu.code = :c AND x.kind = 'completion' AND "
                                  "x.revoked_at IS NULL ORDER BY x.issued_on DESC",
             soci::use(ref), soci::use(p.definition.curriculum_code));
        for (const auto& r : rows)
            if (certificate.empty()) certificate = text(r, 0);
        if (certificate.empty())
            throw Refusal(Refusal::Reason::no_completion_certificate, ref,
                          coded("ref", ProblemCode::no_completion_certificate, {ref, p.definition.curriculum_code}));
        const auto record = CertificateRepo(db_).find(certificate);
        grant_with_certificate(db_, *record);
        granted = *current(ref, p.definition.code);
    });
    return granted;
}

Certified CertificationRepo::renew(const std::string& ref, const Date& today, const SigningKey& key,
                                   const std::string& code,
                                   const std::function<void(const IssuedCertificate&)>& print) {
    Certified out;
    db_.write([&] {  // issue_certification registers the key inside it
        participant_uuid(db_, ref);
        const auto held = current(ref, code);
        if (!held)
            code.empty() ? refuse("ref", ProblemCode::nothing_to_renew, {ref})
                         : refuse("ref", ProblemCode::nothing_to_renew_of, {ref, code});
        if (is_erased(db_, ref)) refuse("ref", ProblemCode::erased, {ref});
        const auto definition = find_definition(db_, held->code);
        if (!definition) throw DatabaseError("certification " + held->code + " has no definition in the database");
        const auto check = check_renewal(definition->renewal, ledger(ref, today), held->issued_on, today);
        if (!check.met) {
            Problems problems;
            for (const auto& m : check.shortfalls)
                problems.push_back(coded(
                    "ref", ProblemCode::not_ready_to_renew,
                    {ref, held->code, m.category, std::to_string(m.done_minutes), std::to_string(m.needed_minutes)}));
            throw InputError{problems};
        }
        CertificateRepo certificates(db_);
        const auto previous_certificate = certificates.find(held->serial);
        if (!previous_certificate) throw DatabaseError("certificate " + held->serial + " is gone");
        // Early renewal runs on from the previous end; a late one from today.
        const Date from = today < held->expires_on || today == held->expires_on ? add_days(held->expires_on, 1) : today;
        const Date expires = expiry_date(from, definition->valid_months);
        out.certificate = certificates.issue_certification(*previous_certificate, held->code, key, today, expires);
        if (print) print(out.certificate);  // printed before the rest: what it throws changes nothing
        const std::string now = utc_timestamp_now();
        db_.sql()
            << "UPDATE certifications SET status = 'superseded', updated_at = :at, updated_by = :by WHERE uuid = :u",
            soci::use(now), soci::use(db_.actor()), soci::use(held->uuid);
        record_audit(db_, "certification", held->uuid, "supersede", "current",
                     "superseded by " + out.certificate.record.serial);
        std::string person, curriculum_uuid, cohort_uuid;
        db_.sql() << "SELECT participant_uuid, curriculum_uuid, cohort_uuid FROM certifications WHERE uuid = :u",
            soci::into(person), soci::into(curriculum_uuid), soci::into(cohort_uuid), soci::use(held->uuid);
        insert_certification(db_, new_uuid(), person, held->code, curriculum_uuid, cohort_uuid,
                             out.certificate.record.uuid, out.certificate.record.serial, today, from, expires,
                             held->uuid);
        out.certification = *current(ref, held->code);
    });
    return out;
}

TrainerCertificationRecord CertificationRepo::certify_trainer(const std::string& trainer_ref, const std::string& level,
                                                              const Date& issued_on, int valid_months) {
    TrainerCertificationRecord out;
    const std::string trimmed = trim(level);
    if (trimmed.empty()) refuse("level", ProblemCode::trainer_level_needed);
    if (valid_months < 1 || valid_months > 240) refuse("months", ProblemCode::months_out_of_range);
    db_.write([&] {
        const std::string trainer = trainer_uuid_of(db_, trainer_ref);
        if (today_utc() < issued_on) refuse("issued", ProblemCode::issued_in_future, {to_string(issued_on)});
        out = TrainerCertificationRecord{new_uuid(), trainer_ref, trimmed, issued_on,
                                         expiry_date(issued_on, valid_months)};
        const std::string issued = to_string(out.issued_on), expires = to_string(out.expires_on);
        insert_trainer_certification(db_, out, trainer);
        record_audit(db_, "trainer_certification", out.uuid, "certify", std::nullopt,
                     trainer_ref + " " + out.level + " from " + issued + " to " + expires);
    });
    return out;
}

std::vector<TrainerCertificationRecord> CertificationRepo::trainer_certifications(const std::string& trainer_ref) {
    std::vector<TrainerCertificationRecord> out;
    const std::string trainer = trainer_uuid_of(db_, trainer_ref);
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT uuid, level, issued_on, expires_on FROM trainer_certifications WHERE "
                              "trainer_uuid = :t ORDER BY expires_on DESC, issued_on DESC",
         soci::use(trainer));
    for (const auto& r : rows)
        out.push_back({text(r, 0), trainer_ref, text(r, 1), date(r, 2).value_or(Date{}), date(r, 3).value_or(Date{})});
    return out;
}

TeachingRecord CertificationRepo::teaching(const std::string& trainer_ref, const Date& from, const Date& to) {
    TeachingRecord out;
    const std::string trainer = trainer_uuid_of(db_, trainer_ref), first = to_string(from), last = to_string(to);
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT s.id, s.session_date, s.minutes, s.module_code, c.code, s.trainer_uuid FROM "
                              "sessions s JOIN cohorts c ON c.uuid = s.cohort_uuid WHERE (s.trainer_uuid = :t OR "
                              "s.co_facilitator_uuid = :t2) AND s.session_date >= :f AND s.session_date <= :l "
                              "ORDER BY s.session_date, s.id",
         soci::use(trainer), soci::use(trainer), soci::use(first), soci::use(last));
    std::set<std::string> cohorts;
    for (const auto& r : rows) {
        const int minutes = static_cast<int>(integer(r, 2));
        const bool leads = text(r, 5) == trainer;
        ++out.sessions;
        out.minutes += minutes;
        if (cohorts.insert(text(r, 4)).second) out.cohorts.push_back(text(r, 4));
        out.entries.push_back(LearningEntry{
            (leads ? "Taught " : "Co-facilitated ") + text(r, 3) + " (cohort " + text(r, 4) + ")", "Mitra",
            date(r, 1).value_or(Date{}), minutes, "teaching", "session " + std::to_string(integer(r, 0)), "teaching"});
    }
    return out;
}

TrainerStanding CertificationRepo::trainer_standing(const std::string& trainer_ref, const Date& today) {
    TrainerStanding out;
    db_.read([&] {
        const auto trainer = TrainerRepo(db_).find(trainer_ref);
        if (!trainer) refuse("trainer", ProblemCode::no_trainer, {trainer_ref});
        out = TrainerStanding{trainer_ref, trainer->name, trainer_certifications(trainer_ref), "not certified", {}};
        if (out.certifications.empty()) return;
        const auto& latest = out.certifications.front();
        out.standing = to_string(validity_on(latest.expires_on, today));
        out.teaching = teaching(trainer_ref, latest.issued_on, today);
    });
    return out;
}

TrainerRenewal CertificationRepo::trainer_renewal(const std::string& trainer_ref, const Date& today) {
    TrainerRenewal out;
    db_.read([&] {
        out = TrainerRenewal{};
        out.trainer_ref = trainer_ref;
        const auto held = trainer_certifications(trainer_ref);
        if (held.empty()) {
            // A reason, not a command: each front end says where a trainer certification is recorded.
            TeachingRefusal refusal;
            refusal.trainer_ref = trainer_ref;
            refusal.bar.reason = TeachingBar::Reason::not_certified;
            refusal.problems.push_back({"", 0, 0, "trainer", trainer_ref + " holds no trainer certification to renew"});
            throw refusal;
        }
        out.held = held.front();
        // A curriculum's trainer certification of this level (or of any level, when it names none) rules.
        std::string curriculum_uuid;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT d.curriculum_uuid FROM certification_definitions d JOIN curricula cu ON cu.uuid = "
                     "d.curriculum_uuid WHERE d.for_trainers = 1 AND (d.level = :l OR d.level = '') "
                     "ORDER BY CASE WHEN d.level = '' THEN 1 ELSE 0 END, cu.created_at DESC LIMIT 1",
            soci::into(curriculum_uuid, ind), soci::use(out.held.level);
        std::optional<CertificationDefinition> defined;
        if (db_.sql().got_data() && ind == soci::i_ok) defined = definition_of_curriculum(db_, curriculum_uuid);
        out.default_rule = !defined;
        out.rule = defined ? *defined : default_trainer_certification(out.held.level);

        auto entries = teaching(trainer_ref, out.held.issued_on, today).entries;
        const std::string from = to_string(out.held.issued_on), until = to_string(today);
        soci::rowset<soci::row> learned =
            (db_.sql().prepare << "SELECT l.title, l.provider, l.learned_on, l.minutes, l.category, l.evidence, "
                                  "l.source FROM learning_entries l JOIN participants p ON p.uuid = l.participant_uuid "
                                  "WHERE p.ref = :r AND l.learned_on >= :f AND l.learned_on <= :t",
             soci::use(trainer_ref), soci::use(from), soci::use(until));
        for (const auto& r : learned)
            entries.push_back(LearningEntry{text(r, 0), text(r, 1), date(r, 2).value_or(Date{}),
                                            static_cast<int>(integer(r, 3)), text(r, 4), text(r, 5), text(r, 6)});
        out.check = check_renewal(out.rule.renewal, entries, out.held.issued_on, today);
    });
    return out;
}

TrainerCertificationRecord CertificationRepo::renew_trainer(const std::string& trainer_ref, const Date& today) {
    TrainerCertificationRecord out;
    db_.write([&] {
        const auto state = trainer_renewal(trainer_ref, today);
        if (!state.check.met) {
            Problems problems;
            for (const auto& m : state.check.shortfalls)
                problems.push_back(coded("trainer", ProblemCode::trainer_not_ready_to_renew,
                                         {trainer_ref, state.held.level, state.rule.code, m.category,
                                          std::to_string(m.done_minutes), std::to_string(m.needed_minutes)}));
            throw InputError{problems};
        }
        // Early renewal runs on from the previous end; a late one from today.
        const auto& held = state.held;
        const Date from = held.expires_on < today ? today : add_days(held.expires_on, 1);
        out = TrainerCertificationRecord{new_uuid(), trainer_ref, held.level, today,
                                         expiry_date(from, state.rule.valid_months)};
        const std::string trainer = trainer_uuid_of(db_, trainer_ref);
        const std::string issued = to_string(out.issued_on), expires = to_string(out.expires_on);
        insert_trainer_certification(db_, out, trainer);
        record_audit(db_, "trainer_certification", out.uuid, "renew", held.level + " to " + to_string(held.expires_on),
                     trainer_ref + " " + out.level + " renewed on " + issued + " to " + expires + " (" +
                         hours_text(state.check.total_minutes) + " counted)");
    });
    return out;
}

}  // namespace mitra::store
