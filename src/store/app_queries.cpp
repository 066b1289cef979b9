// Queries for the desktop program: counts and pages for virtual lists, the attendance sheet, undoing a mark,
// and the benchmark's hub-sized seed.
#include "store/app_queries.hpp"

#include <soci/soci.h>

#include "core/identity.hpp"
#include "core/names.hpp"
#include "store/like.hpp"
#include "store/name_skeletons.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

// A cohort by part of its code, site or curriculum's code (binds :s1, :s2, :s3 to a contains_pattern).
std::string cohort_search_condition() {
    return std::string("(c.code LIKE :s1") + kLikeEscape + " OR c.site LIKE :s2" + kLikeEscape +
           " OR cu.code LIKE :s3" + kLikeEscape + ")";
}

std::string limit_clause(Database& db) {
    return db.backend() == Backend::sqlite ? " LIMIT :lim OFFSET :off" : " LIMIT NULLIF(:lim, -1) OFFSET :off";
}

std::string describe(const Attendance& a) {
    std::string out = to_string(a.status);
    if (a.minutes) out += ":" + std::to_string(*a.minutes);
    if (!a.note.empty()) out += " (" + a.note + ")";
    return out;
}

// A well-formed random UUID made by SQLite for each row of a bulk insert (version 4: random).
const char* kSqlUuid =
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) "
    "|| '-8' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))";

std::size_t characters(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

// A search by part of ref, full_name or latin_name (what participant_search gives, look-alikes aside).
ParticipantSearch text_search(Backend backend, const std::string& search, bool use_index);

// Everyone whose full or Latin name looks like the whole search (the same skeleton: "John Smith" finds a Cyrillic
// о, a zero-width space or a left-to-right mark too), through the skeleton columns' indexes.
ParticipantSearch with_lookalikes(ParticipantSearch found, const std::string& search) {
    const std::string key = name_skeleton(search);
    if (key.empty()) return found;  // a search of spaces only: an empty key would match everyone's missing Latin name
    found.condition = "(" + found.condition + " OR p.name_skeleton = :k1 OR p.latin_skeleton = :k2)";
    found.values.push_back(key);
    found.values.push_back(key);
    return found;
}

}  // namespace

ParticipantSearch participant_search(Backend backend, const std::string& search, bool use_index) {
    if (search.empty()) return {"1 = 1", {}, ""};
    return with_lookalikes(text_search(backend, search, use_index), search);
}

namespace {

ParticipantSearch text_search(Backend backend, const std::string& search, bool use_index) {
    if (search.empty()) return {"1 = 1", {}, ""};
    const std::string pattern = contains_pattern(search);
    // SQLite's LIKE ignores the case of ASCII letters; so does this on PostgreSQL. % and _ are escaped.
    const std::string like = backend == Backend::sqlite ? " LIKE " : " COLLATE \"C\" ILIKE ";
    auto matches = [&](const char* column, const char* value) { return column + like + value + kLikeEscape; };
    ParticipantSearch out{"(" + matches("p.ref", ":s1") + " OR " + matches("p.full_name", ":s2") + " OR " +
                              matches("p.latin_name", ":s3") + ")",
                          {pattern, pattern, pattern},
                          ""};
    const std::size_t length = characters(search);
    if (!use_index) return out;
    if (backend == Backend::sqlite) {
        if (length < 3) return out;  // a trigram index knows nothing shorter
        // The index folds the case of every script: its candidates are checked with LIKE.
        std::string phrase = "\"";
        for (char c : search) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
        phrase += "\"";
        out.condition =
            "p.rowid IN (SELECT rowid FROM participant_search WHERE participant_search MATCH :q) AND " + out.condition;
        out.values.insert(out.values.begin(), phrase);
        out.fts_phrase = phrase;
        return out;
    }
    // Up to 3 characters, holding the search's pieces is containing it; longer ones are checked.
    const std::string grams =
        "participant_search_grams(p.ref, p.full_name, p.latin_name) @> "
        "participant_search_grams(:q, '', '')";
    if (length <= 3) return {grams, {search}, ""};
    out.condition = grams + " AND " + out.condition;
    out.values.insert(out.values.begin(), search);
    return out;
}

}  // namespace

ParticipantSearch participant_search(Database& db, const std::string& search, bool use_index) {
    auto found = participant_search(db.backend(), search, use_index);
    if (!found.fts_phrase.empty()) {
        constexpr int kBroad = 30000;
        int candidates = 0;
        db.sql() << "SELECT COUNT(*) FROM (SELECT rowid FROM participant_search WHERE participant_search MATCH :q "
                    "LIMIT :n)",
            soci::into(candidates), soci::use(found.fts_phrase), soci::use(kBroad);
        if (candidates >= kBroad) found = participant_search(db.backend(), search, false);
    }
    return found;
}

long long AppQueries::count_participants(const std::string& search, const std::string& cohort_code) {
    long long n = 0;
    if (search.empty() && cohort_code.empty()) {
        db_.sql() << "SELECT COUNT(*) FROM participants", soci::into(n);
        return n;
    }
    const auto found = participant_search(db_, search, cohort_code.empty());
    std::string query = "SELECT COUNT(*) FROM participants p";
    if (!cohort_code.empty())
        query +=
            " JOIN enrolments e ON e.participant_uuid = p.uuid JOIN cohorts c ON c.uuid = e.cohort_uuid AND "
            "c.code = :cohort";
    query += " WHERE " + found.condition;
    soci::statement st = (db_.sql().prepare << query);
    st.exchange(soci::into(n));
    if (!cohort_code.empty()) st.exchange(soci::use(cohort_code));
    for (const auto& value : found.values) st.exchange(soci::use(value));
    st.define_and_bind();
    st.execute(true);
    return n;
}

long long AppQueries::count_cohorts(const std::string& search) {
    long long n = 0;
    const std::string pattern = contains_pattern(search);
    db_.sql() << "SELECT COUNT(*) FROM cohorts c JOIN curricula cu ON cu.uuid = c.curriculum_uuid WHERE " +
                     cohort_search_condition(),
        soci::into(n), soci::use(pattern), soci::use(pattern), soci::use(pattern);
    return n;
}

std::vector<CohortSummary> AppQueries::cohorts(const std::string& search, int limit, int offset) {
    std::vector<CohortSummary> out;
    const std::string pattern = contains_pattern(search);
    const int lim = limit > 0 ? limit : -1;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT c.code, cu.code, cu.version, c.site, c.country, c.language, c.start_date, "
                              "(SELECT COUNT(*) FROM enrolments e WHERE e.cohort_uuid = c.uuid) FROM cohorts c JOIN "
                              "curricula cu ON cu.uuid = c.curriculum_uuid WHERE "
                           << cohort_search_condition() << " ORDER BY c.start_date DESC, c.code" << limit_clause(db_),
         soci::use(pattern), soci::use(pattern), soci::use(pattern), soci::use(lim), soci::use(offset));
    for (const auto& r : rows) {
        CohortSummary c;
        c.code = text(r, 0);
        c.curriculum_code = text(r, 1);
        c.curriculum_version = text(r, 2);
        c.site = text(r, 3);
        c.country = text(r, 4);
        c.language = text(r, 5);
        c.start_date = date(r, 6).value_or(Date{});
        c.enrolled = static_cast<int>(integer(r, 7));
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<Cohort> AppQueries::find_cohort(const std::string& code) { return CohortRepo(db_).find(code); }

AttendanceSheet AppQueries::attendance_sheet(const std::string& cohort_code) {
    AttendanceSheet sheet;
    db_.read([&] {
        sheet = {};
        std::string cohort_uuid;
        db_.sql() << "SELECT uuid FROM cohorts WHERE code = :c", soci::into(cohort_uuid), soci::use(cohort_code);
        if (!db_.sql().got_data()) refuse("cohort", ProblemCode::no_cohort, {cohort_code});
        soci::rowset<soci::row> people =
            (db_.sql().prepare
                 << "SELECT p.ref, p.full_name, p.latin_name, e.enrolled_on FROM enrolments e JOIN "
                    "participants p ON p.uuid = e.participant_uuid WHERE e.cohort_uuid = :c ORDER BY p.ref",
             soci::use(cohort_uuid));
        for (const auto& r : people) sheet.people.push_back({text(r, 0), text(r, 1), text(r, 2), date(r, 3)});
        // Make-up visitors: marked at one of our sessions without being enrolled here.
        soci::rowset<soci::row> visitors =
            (db_.sql().prepare << "SELECT DISTINCT p.ref, p.full_name, p.latin_name FROM attendance a JOIN sessions s "
                                  "ON s.uuid = a.session_uuid JOIN participants p ON p.uuid = a.participant_uuid WHERE "
                                  "s.cohort_uuid = :c AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.cohort_uuid "
                                  "= :c2 AND e.participant_uuid = p.uuid) ORDER BY p.ref",
             soci::use(cohort_uuid), soci::use(cohort_uuid));
        for (const auto& r : visitors) sheet.people.push_back({text(r, 0), text(r, 1), text(r, 2), std::nullopt});
        sheet.sessions = SessionRepo(db_).list(cohort_code);
        soci::rowset<soci::row> marks =
            (db_.sql().prepare << "SELECT s.id, p.ref, a.status, a.minutes, a.note FROM sessions s JOIN attendance a "
                                  "ON a.session_uuid = s.uuid JOIN participants p ON p.uuid = a.participant_uuid "
                                  "WHERE s.cohort_uuid = :c",
             soci::use(cohort_uuid));
        for (const auto& r : marks) {
            Attendance a;
            a.session_id = integer(r, 0);
            a.participant_ref = text(r, 1);
            a.status = parse_attendance_status(text(r, 2)).value_or(AttendanceStatus::absent);
            if (r.get_indicator(3) != soci::i_null) a.minutes = static_cast<int>(integer(r, 3));
            a.note = text(r, 4);
            sheet.marks.push_back(std::move(a));
        }
    });
    return sheet;
}

void AppQueries::unmark(long long session_id, const std::string& ref) {
    db_.write([&] {
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT a.uuid, a.status, a.minutes, a.note, a.participant_uuid, a.session_uuid "
                                  "FROM attendance a JOIN sessions s ON "
                                  "s.uuid = a.session_uuid JOIN participants p ON p.uuid = a.participant_uuid WHERE "
                                  "s.id = :id AND p.ref = :r",
             soci::use(session_id), soci::use(ref));
        std::optional<std::pair<std::string, Attendance>> old;
        AuditAbout about;
        for (const auto& r : rows) {
            Attendance a;
            a.status = parse_attendance_status(text(r, 1)).value_or(AttendanceStatus::absent);
            if (r.get_indicator(2) != soci::i_null) a.minutes = static_cast<int>(integer(r, 2));
            a.note = text(r, 3);
            old = std::make_pair(text(r, 0), a);
            about = {text(r, 4), text(r, 5)};
        }
        if (!old) refuse("ref", ProblemCode::no_mark, {ref, std::to_string(session_id)});
        db_.sql() << "DELETE FROM attendance WHERE uuid = :u", soci::use(old->first);
        // The entry keeps whom and which session it is about: the history finds it after the row is gone.
        record_audit(db_, "attendance", old->first, "unmark", describe(old->second), std::nullopt, about);
    });
}

bool AppQueries::has_no_curricula() {
    long long n = 0;
    db_.sql() << "SELECT COUNT(*) FROM curricula", soci::into(n);
    return n == 0;
}

void AppQueries::seed_hub(const HubSize& size, const std::string& curriculum_code) {
    if (db_.backend() != Backend::sqlite) throw DatabaseError("the benchmark seed is for SQLite files only");
    db_.write([&] {
        long long people = 0;
        db_.sql() << "SELECT COUNT(*) FROM participants", soci::into(people);
        if (people > 0) refuse("database", ProblemCode::seed_needs_empty_database);
        const auto curriculum = CurriculumRepo(db_).find(curriculum_code);
        if (!curriculum) refuse("curriculum", ProblemCode::curriculum_not_imported, {curriculum_code});
        const std::string now = utc_timestamp_now(), by = db_.actor();

        // People with names in the region's scripts; the number keeps every name distinct.
        db_.sql() << "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
                     "INSERT INTO participants (uuid, ref, full_name, latin_name, country, language, email, phone, "
                     "consent_date, created_at, created_by, updated_at, updated_by) SELECT "
                  << kSqlUuid
                  << ", printf('H-%06d', i), CASE i % 10 "
                     // Kept by hand: clang-format counts these scripts' bytes, not their width, and re-breaks them.
                     // clang-format off
                     "WHEN 0 THEN '山田 花子' WHEN 1 THEN '김민준' WHEN 2 THEN 'สมชาย ใจดี' WHEN 3 THEN 'प्रिया शर्मा' "
                     "WHEN 4 THEN 'ශ්‍රියානි' WHEN 5 THEN 'عائشہ خان' WHEN 6 THEN 'Nguyễn Thị Minh Khai' "
                     "WHEN 7 THEN '陳志明' WHEN 8 THEN 'Maria Clara Santos' ELSE 'Sukarno' END "
                     // clang-format on
                     "|| ' ' || i, 'Person ' || i, CASE i % 10 WHEN 0 THEN 'JP' WHEN 1 THEN 'KR' WHEN 2 THEN 'TH' WHEN "
                     "3 THEN 'IN' WHEN 4 THEN 'LK' WHEN 5 THEN 'PK' WHEN 6 THEN 'VN' WHEN 7 THEN 'HK' WHEN 8 THEN 'PH' "
                     "ELSE 'ID' END, 'en', '', '', NULL, :at, :by, :at2, :by2 FROM n",
            soci::use(size.participants), soci::use(now), soci::use(by), soci::use(now), soci::use(by);

        std::string trainer_uuid = new_uuid();
        db_.sql() << "INSERT INTO trainers (uuid, ref, name, latin_name, country, languages, created_at, created_by, "
                     "updated_at, updated_by) VALUES (:u, 'T-HUB-01', 'सीता राई', 'Sita Rai', 'NP', 'ne,en', :at, :by, "
                     ":at2, :by2)",
            soci::use(trainer_uuid), soci::use(now), soci::use(by), soci::use(now), soci::use(by);

        db_.sql()
            << "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
               "INSERT INTO cohorts (uuid, code, curriculum_uuid, site, country, time_zone, language, start_date, "
               "end_date, capacity, created_at, created_by, updated_at, updated_by) SELECT "
            << kSqlUuid
            << ", printf('HUB-%05d', i), :cu, 'Community Centre ' || i, 'NP', 'Asia/Kathmandu', 'en', "
               "date('2025-01-06', '+' || (i % 400) || ' days'), NULL, 0, :at, :by, :at2, :by2 FROM n",
            soci::use(size.cohorts), soci::use(curriculum->uuid), soci::use(now), soci::use(by), soci::use(now),
            soci::use(by);
        db_.sql() << "INSERT INTO cohort_trainers (cohort_uuid, trainer_uuid, position) SELECT uuid, :t, 0 FROM "
                     "cohorts WHERE code LIKE 'HUB-%'",
            soci::use(trainer_uuid);

        // Each cohort takes the next people in ref order, wrapping round.
        db_.sql()
            << "WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j + 1 < :per) "
               "INSERT INTO enrolments (uuid, cohort_uuid, participant_uuid, enrolled_on, created_at, created_by, "
               "updated_at, updated_by) SELECT "
            << kSqlUuid
            << ", c.uuid, p.uuid, c.start_date, :at, :by, :at2, :by2 FROM cohorts c CROSS JOIN k JOIN "
               "participants p ON p.ref = printf('H-%06d', ((CAST(substr(c.code, 5) AS INTEGER) - 1) * :per2 "
               "+ k.j) % :people + 1) WHERE c.code LIKE 'HUB-%'",
            soci::use(size.people_per_cohort), soci::use(now), soci::use(by), soci::use(now), soci::use(by),
            soci::use(size.people_per_cohort), soci::use(size.participants);

        // The curriculum's plan, a session every third day, as one small table joined to every cohort.
        db_.sql() << "CREATE TEMP TABLE seed_plan (pos INTEGER PRIMARY KEY, module_code TEXT, minutes INTEGER)";
        int pos = 0;
        for (const auto& m : curriculum->modules)
            for (int k = 0; k < std::max(1, m.sessions); ++k) {
                const int minutes = m.minutes / std::max(1, m.sessions);
                db_.sql() << "INSERT INTO seed_plan (pos, module_code, minutes) VALUES (:p, :m, :min)", soci::use(pos),
                    soci::use(m.code), soci::use(minutes);
                ++pos;
            }
        db_.sql() << "INSERT INTO sessions (uuid, cohort_uuid, module_code, session_date, start_time, minutes, "
                     "trainer_uuid, created_at, created_by, updated_at, updated_by) SELECT "
                  << kSqlUuid
                  << ", c.uuid, p.module_code, date(c.start_date, '+' || (p.pos * 3) || ' days'), '10:00', p.minutes, "
                     ":t, :at, :by, :at2, :by2 FROM cohorts c CROSS JOIN seed_plan p WHERE c.code LIKE 'HUB-%' "
                     "ORDER BY c.code, p.pos",
            soci::use(trainer_uuid), soci::use(now), soci::use(by), soci::use(now), soci::use(by);

        // The first sessions are held: mostly present, some late, excused or absent.
        db_.sql()
            << "INSERT INTO attendance (uuid, session_uuid, participant_uuid, status, minutes, note, created_at, "
               "created_by, updated_at, updated_by) SELECT "
            << kSqlUuid
            << ", s.uuid, e.participant_uuid, CASE WHEN ((s.id * 7919 + e.rowid * 104729) % 100) < 85 THEN 'present' "
               "WHEN ((s.id * 7919 + e.rowid * 104729) % 100) < 92 THEN 'late' WHEN "
               "((s.id * 7919 + e.rowid * 104729) % 100) < 96 THEN 'excused' ELSE 'absent' END, CASE WHEN ((s.id * "
               "7919 + e.rowid * 104729) % 100) >= 85 AND ((s.id * 7919 + e.rowid * 104729) % 100) < 92 THEN s.minutes "
               "- 30 "
               "END, '', :at, :by, :at2, :by2 FROM sessions s JOIN cohorts c ON c.uuid = s.cohort_uuid JOIN "
               "enrolments e ON e.cohort_uuid = s.cohort_uuid"
               " WHERE c.code LIKE 'HUB-%' AND s.session_date < date(c.start_date, '+' || (:held * 3) || ' days')",
            soci::use(now), soci::use(by), soci::use(now), soci::use(by), soci::use(size.marked_sessions);
        db_.sql() << "DROP TABLE seed_plan";
        fill_name_skeletons(db_);
    });
}

}  // namespace mitra::store
