// A hub-sized programme on SQLite or PostgreSQL, and how long the hub's everyday work takes on it.
//   bench_hub --db FILE|postgresql://... [--participants 100000] [--cohorts 5000] [--people-per-cohort 20]
//             [--marked-sessions 20] [--keep 1: stop before the field pack] [--existing 1: measure a kept hub again]
// Prints one line per figure: name, value, unit, target, met/NOT met.
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/identity.hpp"
#include "core/schedule.hpp"
#include "io/curriculum_toml.hpp"
#include "io/participant_csv.hpp"
#include "store/app_queries.hpp"
#include "store/pack.hpp"
#include "store/report_queries.hpp"
#include "store/repos.hpp"

using namespace mitra;
using Clock = std::chrono::steady_clock;

namespace {

double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void figure(const std::string& name, double value, const std::string& unit, double target) {
    std::printf("%-52s %10.3f %-3s (target < %g %s) %s\n", name.c_str(), value, unit.c_str(), target, unit.c_str(),
                value < target ? "met" : "NOT met");
    std::fflush(stdout);
}

// Rows added a batch at a time through one prepared multi-row INSERT, re-executed with new values.
class BatchInsert {
public:
    BatchInsert(soci::session& sql, std::string table, std::vector<std::string> columns, std::size_t rows = 100)
        : sql_(sql),
          table_(std::move(table)),
          columns_(std::move(columns)),
          rows_(rows),
          values_(rows * columns_.size()) {
        full_ = prepare(rows_);
    }
    void add(const std::vector<std::string>& row) {
        std::copy(row.begin(), row.end(), values_.begin() + static_cast<long>(pending_ * columns_.size()));
        if (++pending_ == rows_) {
            full_->execute(true);
            pending_ = 0;
        }
    }
    void finish() {
        if (pending_ == 0) return;
        prepare(pending_)->execute(true);
        pending_ = 0;
    }

private:
    std::unique_ptr<soci::statement> prepare(std::size_t rows) {
        std::string query = "INSERT INTO " + table_ + " (";
        for (std::size_t c = 0; c < columns_.size(); ++c) query += (c ? ", " : "") + columns_[c];
        query += ") VALUES ";
        for (std::size_t r = 0; r < rows; ++r) {
            query += r ? ", (" : "(";
            for (std::size_t c = 0; c < columns_.size(); ++c)
                query += (c ? ", :v" : ":v") + std::to_string(r * columns_.size() + c);
            query += ")";
        }
        auto st = std::make_unique<soci::statement>(sql_);
        st->alloc();
        st->prepare(query);
        for (std::size_t i = 0; i < rows * columns_.size(); ++i) st->exchange(soci::use(values_[i]));
        st->define_and_bind();
        return st;
    }
    soci::session& sql_;
    std::string table_;
    std::vector<std::string> columns_;
    std::size_t rows_, pending_ = 0;
    std::vector<std::string> values_;
    std::unique_ptr<soci::statement> full_;
};

struct Options {
    std::string db;
    int participants = 100'000, cohorts = 5'000, people_per_cohort = 20, marked_sessions = 20;
    bool existing = false;  // measure a hub an earlier run left (--keep 1), without making one or changing it
    bool keep = false;      // leave the hub as made, without the field pack's cohort
};

const char* kNames[] = {"山田 花子", "김민준",
                        "สมชาย ใจดี", "प्रिया शर्मा",
                        "عائشہ خان", "Nguyễn Thị Minh Khai",
                        "Sukarno",   "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2",
                        "सीता राई",  "Maria Santos"};

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--db") o.db = value;
        else if (key == "--participants") o.participants = std::stoi(value);
        else if (key == "--cohorts") o.cohorts = std::stoi(value);
        else if (key == "--people-per-cohort") o.people_per_cohort = std::stoi(value);
        else if (key == "--marked-sessions") o.marked_sessions = std::stoi(value);
        else if (key == "--existing") o.existing = value == "1";
        else if (key == "--keep") o.keep = value == "1";
        else {
            std::cerr << "bench_hub: unknown option " << key << '\n';
            return 2;
        }
    }
    if (o.db.empty()) {
        std::cerr << "usage: bench_hub --db FILE|postgresql://... [--participants N] [--cohorts N]\n";
        return 2;
    }
    try {
        auto db = store::Database::open(o.db, "bench");
        if (!o.existing && store::ParticipantRepo(*db).count() > 0) {
            std::cerr << "bench_hub: " << db->shown_target() << " is not empty; give it a new database\n";
            return 2;
        }
        std::vector<std::string> cohort_codes;
        auto start = Clock::now();
        if (o.existing) {
            for (int c = 0; c < o.cohorts; ++c) {
                char code[16];
                std::snprintf(code, sizeof code, "HUB-%05d", c + 1);
                cohort_codes.push_back(code);
            }
        } else {
            auto read =
                io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/curricula/peer-support-foundations.toml");
            if (!read.ok()) throw std::runtime_error("cannot read the shipped curriculum");
            Curriculum psf = read.value;
            store::CurriculumRepo(*db).import(psf);
            std::printf("# %s: %d participants, %d cohorts of %d, %d marked sessions each (%lld marks)\n",
                        db->backend() == store::Backend::sqlite ? "SQLite" : "PostgreSQL", o.participants, o.cohorts,
                        o.people_per_cohort, o.marked_sessions,
                        1LL * o.cohorts * o.people_per_cohort * o.marked_sessions);

            // 1. The CSV import of everyone, through the io reader and ParticipantRepo::save_all.
            std::string csv = "ref,full_name,latin_name,country,language,email\n";
            for (int i = 1; i <= o.participants; ++i) {
                char ref[16];
                std::snprintf(ref, sizeof ref, "H-%06d", i);
                csv += std::string(ref) + "," + kNames[i % 10] + " " + std::to_string(i) + ",,NP,ne,p" +
                       std::to_string(i) + "@example.org\n";
            }
            start = Clock::now();
            auto rows = io::read_participant_csv(csv, "people.csv");
            if (!rows.ok()) throw std::runtime_error("the generated CSV was refused");
            std::vector<Participant> people;
            for (auto& r : rows.value) people.push_back(std::move(r.participant));
            const double parse = seconds_since(start);
            start = Clock::now();
            const auto counts = store::ParticipantRepo(*db).save_all(people);
            const double save = seconds_since(start);
            if (counts.created != o.participants) throw std::runtime_error("save_all did not create everyone");
            const std::string import = "CSV import of " + std::to_string(o.participants) + " people (read + save_all)";
            if (db->backend() == store::Backend::sqlite) figure(import, parse + save, "s", 3);
            else std::printf("%-52s %10.3f s   (the target is for SQLite)\n", import.c_str(), parse + save);
            std::printf("%-52s %10.3f s\n", "  of which save_all", save);
            start = Clock::now();
            store::ParticipantRepo(*db).save_all(people);
            std::printf("%-52s %10.3f s\n", "  importing the same file again (all unchanged)", seconds_since(start));

            // 2. The generator: trainers, cohorts, enrolments, sessions and marks, batched, in one transaction.
            start = Clock::now();
            const std::string now = utc_timestamp_now();
            db->write([&] {
                auto& sql = db->sql();
                BatchInsert trainers(sql, "trainers",
                                     {"uuid", "ref", "name", "latin_name", "country", "languages", "created_at",
                                      "created_by", "updated_at", "updated_by"});
                std::vector<std::string> trainer_uuids;
                for (int t = 1; t <= 200; ++t) {
                    trainer_uuids.push_back(new_uuid());
                    trainers.add({trainer_uuids.back(), "HT-" + std::to_string(t), kNames[t % 10], "", "NP", "ne", now,
                                  "bench", now, "bench"});
                }
                trainers.finish();
                BatchInsert cohorts(sql, "cohorts",
                                    {"uuid", "code", "curriculum_uuid", "site", "country", "time_zone", "language",
                                     "start_date", "capacity", "created_at", "created_by", "updated_at", "updated_by"});
                BatchInsert cohort_trainers(sql, "cohort_trainers", {"cohort_uuid", "trainer_uuid", "position"});
                BatchInsert enrolments(sql, "enrolments",
                                       {"uuid", "cohort_uuid", "participant_uuid", "enrolled_on", "created_at",
                                        "created_by", "updated_at", "updated_by"});
                BatchInsert sessions(sql, "sessions",
                                     {"uuid", "cohort_uuid", "module_code", "session_date", "start_time", "minutes",
                                      "trainer_uuid", "created_at", "created_by", "updated_at", "updated_by"});
                BatchInsert marks(sql, "attendance",
                                  {"uuid", "session_uuid", "participant_uuid", "status", "minutes", "note",
                                   "created_at", "created_by", "updated_at", "updated_by"},
                                  200);
                // The minutes column takes NULL for present marks: a second statement for those with minutes.
                BatchInsert present(sql, "attendance",
                                    {"uuid", "session_uuid", "participant_uuid", "status", "note", "created_at",
                                     "created_by", "updated_at", "updated_by"},
                                    200);
                struct Planned {
                    std::vector<std::string> members;
                    std::vector<std::pair<std::string, int>> sessions;  // uuid, minutes: the marked ones
                };
                std::vector<Planned> planned(o.cohorts);
                std::vector<Cohort> all(o.cohorts);
                for (int c = 0; c < o.cohorts; ++c) {
                    Cohort& cohort = all[c];
                    char code[16];
                    std::snprintf(code, sizeof code, "HUB-%05d", c + 1);
                    cohort.code = code;
                    cohort.uuid = new_uuid();
                    cohort.start_date = add_days(Date{2025, 1, 6}, (c * 7) % 700);
                    cohort_codes.push_back(code);
                    cohorts.add({cohort.uuid, code, psf.uuid, "Community Centre " + std::to_string(c + 1), "NP",
                                 "Asia/Kathmandu", "ne", to_string(cohort.start_date), "0", now, "bench", now,
                                 "bench"});
                }
                cohorts.finish();  // foreign keys are checked statement by statement: what rows name goes in first
                std::size_t person = 0;
                for (int c = 0; c < o.cohorts; ++c) {
                    const Cohort& cohort = all[c];
                    const std::string& trainer = trainer_uuids[c % trainer_uuids.size()];
                    cohort_trainers.add({cohort.uuid, trainer, "0"});
                    auto& plan_of = planned[c];
                    for (int k = 0; k < o.people_per_cohort; ++k) {
                        plan_of.members.push_back(people[person++ % people.size()].uuid);
                        enrolments.add({new_uuid(), cohort.uuid, plan_of.members.back(), to_string(cohort.start_date),
                                        now, "bench", now, "bench"});
                    }
                    const auto plan = plan_schedule(psf, cohort, 7, LocalTime{10, 0});
                    for (std::size_t s = 0; s < plan.size(); ++s) {
                        const std::string session = new_uuid();
                        sessions.add({session, cohort.uuid, plan[s].module_code, to_string(plan[s].date), "10:00",
                                      std::to_string(plan[s].minutes), trainer, now, "bench", now, "bench"});
                        if (static_cast<int>(s) < o.marked_sessions)
                            plan_of.sessions.emplace_back(session, plan[s].minutes);
                    }
                }
                for (auto* batch : {&cohort_trainers, &enrolments, &sessions}) batch->finish();
                for (int c = 0; c < o.cohorts; ++c) {
                    const auto& plan_of = planned[c];
                    for (std::size_t s = 0; s < plan_of.sessions.size(); ++s) {
                        const auto& [session, minutes] = plan_of.sessions[s];
                        for (std::size_t k = 0; k < plan_of.members.size(); ++k) {
                            const auto roll = (s * 7919 + k * 104729 + c) % 100;
                            const auto& member = plan_of.members[k];
                            if (roll < 85)
                                present.add({new_uuid(), session, member, "present", "", now, "bench", now, "bench"});
                            else if (roll < 92)
                                marks.add({new_uuid(), session, member, "late", std::to_string(minutes - 30), "", now,
                                           "bench", now, "bench"});
                            else
                                present.add({new_uuid(), session, member, roll < 96 ? "excused" : "absent", "", now,
                                             "bench", now, "bench"});
                        }
                    }
                }
                marks.finish();
                present.finish();
            });
            std::printf("%-52s %10.3f s\n", "generating the programme (one transaction)", seconds_since(start));
            db->sql() << "ANALYZE";
        }

        // 3. Search as the user types: a page of the list (ParticipantRepo::list) and the count of all found
        //    (AppQueries::count_participants), as the desktop program asks for them; the median of 11 runs.
        auto median_ms = [](const std::function<void()>& work) {
            std::vector<double> runs;
            for (int run = 0; run < 11; ++run) {
                const auto begin = Clock::now();
                work();
                runs.push_back(seconds_since(begin) * 1000);
            }
            std::sort(runs.begin(), runs.end());
            return runs[runs.size() / 2];
        };
        for (const std::string text :
             {"山", "山田", "山田 ", "山田 花子", "m", "ma", "mar", "maria", "9", "99", "999", "99999"}) {
            long long found = 0;
            const double ms = median_ms([&] {
                store::ParticipantQuery q;
                q.search = text;
                q.limit = 100;
                store::ParticipantRepo(*db).list(q);
                found = store::AppQueries(*db).count_participants(text);
            });
            figure("search \"" + text + "\": a page of 100 + the count", ms, "ms", 50);
            // The same count comparing every row, as before the index, for reference.
            const auto every_row = store::participant_search(db->backend(), text, false);
            const double scan = median_ms([&] {
                long long n = 0;
                soci::statement st =
                    (db->sql().prepare << "SELECT COUNT(*) FROM participants p WHERE " + every_row.condition);
                st.exchange(soci::into(n));
                for (const auto& value : every_row.values) st.exchange(soci::use(value));
                st.define_and_bind();
                st.execute(true);
            });
            std::printf("%-52s %10lld found; counting every row: %.1f ms\n", "", found, scan);
        }

        // 4. One cohort's completion: the median of 21 runs.
        std::vector<double> times;
        for (int run = 0; run < 21; ++run) {
            start = Clock::now();
            const auto result =
                store::cohort_completion(*db, cohort_codes[(run * 997) % cohort_codes.size()], Date{2027, 1, 1});
            times.push_back(seconds_since(start) * 1000);
            if (static_cast<int>(result.size()) != o.people_per_cohort)
                throw std::runtime_error("completion lost people");
        }
        std::sort(times.begin(), times.end());
        figure("one cohort's completion (store::cohort_completion)", times[times.size() / 2], "ms", 10);

        // 5. The regional report: every cohort's completion counts.
        start = Clock::now();
        const double cpu_before = process_cpu_seconds();
        const auto report = store::regional_completion(*db, Date{2027, 1, 1});
        const double regional = seconds_since(start), regional_cpu = process_cpu_seconds() - cpu_before;
        long long enrolled = 0, complete = 0;
        for (const auto& r : report) {
            enrolled += r.enrolled;
            complete += r.complete;
        }
        figure("regional completion report (" + std::to_string(report.size()) + " cohorts)", regional, "s", 2);
        std::printf("%-52s %10lld of %lld complete\n", "  result", complete, enrolled);
        // On a shared machine the wall time swings with the neighbours; this process's own CPU time does not.
        std::printf("%-52s %10.3f s\n", "  CPU time of this process", regional_cpu);

        // 5b. The programme report a coordinator writes for funders (mitra-cli report, the Reports view): every
        // cohort of the programme's whole span, its figures worked out from the same reading.
        start = Clock::now();
        const double report_cpu_before = process_cpu_seconds();
        store::ReportFilter everything;
        everything.from = Date{2000, 1, 1};
        everything.to = Date{2027, 1, 1};
        const auto figures = store::programme_figures(*db, everything);
        figure("programme report, all " + std::to_string(figures.cohorts) + " cohorts (figures)", seconds_since(start),
               "s", 2);
        std::printf("%-52s %10.3f s\n", "  CPU time of this process", process_cpu_seconds() - report_cpu_before);

        if (o.existing || o.keep) return 0;

        // 6. A 40-person cohort taken to the field and merged back.
        std::vector<Participant> forty;
        for (int i = 1; i <= 40; ++i) {
            Participant p;
            p.ref = "F-" + std::to_string(i);
            p.full_name = kNames[i % 10];
            p.country = "NP";
            p.language = "ne";
            forty.push_back(p);
        }
        store::ParticipantRepo(*db).save_all(forty);
        Cohort field;
        field.code = "FIELD-1";
        field.curriculum_code = "PSF";
        field.site = "Jumla";
        field.country = "NP";
        field.time_zone = "Asia/Kathmandu";
        field.language = "ne";
        field.start_date = Date{2026, 1, 5};
        store::CohortRepo(*db).create(field);
        std::vector<std::string> refs;
        for (const auto& p : forty) refs.push_back(p.ref);
        store::CohortRepo(*db).enrol("FIELD-1", refs, Date{2026, 1, 1});
        const auto plan = store::SessionRepo(*db).schedule("FIELD-1", 7, LocalTime{10, 0});
        std::vector<store::LocatedMark> hub_marks;
        for (std::size_t s = 0; s < 10; ++s)
            for (const auto& ref : refs)
                hub_marks.push_back({Attendance{plan[s].id, ref, AttendanceStatus::present, {}, ""}, 0});
        store::AttendanceRepo(*db).mark("FIELD-1", hub_marks);

        const auto dir = std::filesystem::temp_directory_path() / ("mitra-bench-" + new_uuid().substr(24));
        std::filesystem::create_directories(dir);
        const auto pack_file = (dir / "field.pack").string();
        start = Clock::now();
        store::export_pack(*db, "FIELD-1", pack_file);
        figure("pack export of a 40-person cohort", seconds_since(start), "s", 1);
        {
            auto pack = store::Database::open(pack_file, "field");
            const auto sessions = store::SessionRepo(*pack).list("FIELD-1");
            std::vector<store::LocatedMark> field_marks;
            for (std::size_t s = 5; s < 20; ++s)  // five changed, ten new sessions
                for (const auto& ref : refs)
                    field_marks.push_back({Attendance{sessions[s].id, ref, AttendanceStatus::late, 60, "field"}, 0});
            store::AttendanceRepo(*pack).mark("FIELD-1", field_marks);
        }
        start = Clock::now();
        const auto merged = store::merge_pack(*db, pack_file);
        figure("pack merge of a 40-person cohort (600 marks)", seconds_since(start), "s", 1);
        std::printf("%-52s %10d added, %d changed\n", "  marks",
                    merged.by_entity.count("attendance") ? merged.by_entity.at("attendance").added : 0,
                    merged.by_entity.count("attendance") ? merged.by_entity.at("attendance").changed : 0);
        std::filesystem::remove_all(dir);
        return 0;
    } catch (const InputError& e) {
        std::cerr << "bench_hub: " << e.summary() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "bench_hub: " << e.what() << '\n';
        return 1;
    }
}
