// Queries the desktop program needs beyond the repositories: counts and pages for virtual lists,
// one cohort's attendance sheet in three queries, undoing a single mark, and a hub-sized seed for benchmarks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "store/database.hpp"

namespace mitra::store {

struct CohortSummary {
    std::string code, curriculum_code, curriculum_version, site, country, language;
    Date start_date;
    int enrolled = 0;
};

struct SheetPerson {
    std::string ref, full_name, latin_name;
    std::optional<Date> enrolled_on;  // none: not enrolled here, marked for a make-up session
};

// Everything the attendance grid shows: people down, sessions across, the marks in between.
struct AttendanceSheet {
    std::vector<SheetPerson> people;  // enrolled first (by ref), then make-up visitors
    std::vector<Session> sessions;    // by date and time
    std::vector<Attendance> marks;
};

struct HubSize {
    int participants = 100'000;
    int cohorts = 5'000;
    int people_per_cohort = 20;
    int marked_sessions = 20;  // per cohort: 5,000 x 20 people x 20 sessions = 2,000,000 marks
};

// How a search for participants (table alias p) by part of ref, full_name or latin_name is written: a condition
// for a WHERE clause and the values to bind to it, in order. Any search gives the same people on both backends as
// `LIKE '%search%'` on SQLite (ASCII letters in either case; `%`, `_` and `\` in the search are themselves, not
// wildcards: store/like.hpp). With `use_index`, the search index (migration 6) finds the candidates: SQLite's
// trigram index for 3 characters or more, the PostgreSQL grams index for any length; otherwise every row is
// compared (cheaper within one cohort).
struct ParticipantSearch {
    std::string condition;
    std::vector<std::string> values;
    std::string fts_phrase;  // on SQLite, the phrase asked of the trigram index (also values' first); else empty
};
ParticipantSearch participant_search(Backend backend, const std::string& search, bool use_index);
// The same, choosing for this database: on SQLite a search the trigram index holds 30,000 candidates or more
// for (a common syllable, asked in under a millisecond) is written without it, as reading every row in order is
// then faster (a count ~20 ms instead of ~45; a page of 200 in ref order ~1 ms instead of ~50).
ParticipantSearch participant_search(Database& db, const std::string& search, bool use_index);

class AppQueries {
public:
    explicit AppQueries(Database& db) : db_(db) {}

    // How many people ParticipantRepo::list would give for this search (and cohort), without reading them.
    long long count_participants(const std::string& search, const std::string& cohort_code = "");

    // Cohorts whose code, site or curriculum contains `search`, by start date then code; limit 0: all.
    long long count_cohorts(const std::string& search);
    std::vector<CohortSummary> cohorts(const std::string& search, int limit, int offset);

    // One cohort with its trainers, in two small queries (CohortRepo::find reads every cohort).
    std::optional<Cohort> find_cohort(const std::string& code);

    AttendanceSheet attendance_sheet(const std::string& cohort_code);

    // Removes one mark (an undo of a first mark), in one transaction, with an audit entry.
    void unmark(long long session_id, const std::string& participant_ref);

    // True when no curriculum has been imported yet (a new database).
    bool has_no_curricula();

    // Fills an SQLite database with a hub-sized programme in one transaction, for benchmarks
    // (curriculum `curriculum_code` must be imported). Refused on PostgreSQL and when people exist.
    void seed_hub(const HubSize& size, const std::string& curriculum_code);

private:
    Database& db_;
};

}  // namespace mitra::store
