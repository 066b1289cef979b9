// mitra-cli demo: a small programme with people from across the region, to try things out.
#include <filesystem>

#include "cli/context.hpp"
#include "store/settings.hpp"
#include "io/curriculum_toml.hpp"
#include "store/certification_repo.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

constexpr const char* kDemoVerifyUrl = "https://verify.example.org/demo/";

const char* kDemoCohort = "DEMO-KTM";

struct DemoPerson {
    const char *ref, *name, *latin, *country, *language;
};

// Names as each person writes them: never split into given and family names.
const DemoPerson kPeople[] = {
    {"P-001", "山田 花子", "Yamada Hanako", "JP", "ja"},
    {"P-002", "김민준", "Kim Min-jun", "KR", "ko"},
    {"P-003", "สมชาย ใจดี", "Somchai Jaidee", "TH", "th"},
    {"P-004", "प्रिया शर्मा", "Priya Sharma", "IN", "hi"},
    {"P-005", "ශ්‍රියානි", "Sriyani", "LK", "si"},
    {"P-006", "عائشہ خان", "Aisha Khan", "PK", "ur"},
    {"P-007", "Nguyễn Thị Minh Khai", "", "VN", "vi"},
    {"P-008", "Sukarno", "", "ID", "id"},
    {"P-009", "陳志明", "Chan Chi-ming", "HK", "zh-Hant"},
    {"P-010", "अर्जुन त्रिपाठी", "Arjun Tripathi", "NP", "ne"},
    {"P-011", "Maria Clara Santos", "", "PH", "fil"},
    {"P-012", "王芳", "Wang Fang", "CN", "zh-Hans"},
};

void build_demo(store::Database& db) {
    db.write([&] {
        auto shipped = io::read_shipped_curricula();
        if (!shipped.ok()) throw InputError{shipped.problems};
        for (auto& curriculum : shipped.value) store::CurriculumRepo(db).import(curriculum);
        const auto curriculum = store::CurriculumRepo(db).find("PSF");
        if (!curriculum) throw std::runtime_error("the shipped curriculum PSF is missing");
        std::vector<std::string> all_modules;
        for (const auto& m : curriculum->modules) all_modules.push_back(m.code);

        store::TrainerRepo trainers(db);
        for (auto [ref, name, latin, country, langs] :
             {std::tuple{"T-NP-01", "सीता राई", "Sita Rai", "NP", "ne,en"},
              std::tuple{"T-JP-01", "佐藤 美咲", "Sato Misaki", "JP", "ja,en"}}) {
            if (trainers.find(ref)) continue;
            Trainer t{"", ref, name, latin, country, split_list(langs), all_modules};
            trainers.add(t);
            // Trained as trainers a year ago: certified to teach for two years.
            store::CertificationRepo(db).certify_trainer(ref, "trainer", add_days(today_utc(), -365), 24);
        }
        store::ParticipantRepo people(db);
        std::vector<std::string> refs;
        for (const auto& p : kPeople) {
            Participant person{"", p.ref, p.name, p.latin, p.country, p.language, "", "", today_utc()};
            people.save(person);
            refs.push_back(p.ref);
        }

        // Started six weeks ago, meeting twice a week: some sessions held, most still to come.
        const Date start = add_days(today_utc(), -42);
        Cohort cohort;
        cohort.code = kDemoCohort;
        cohort.curriculum_code = "PSF";
        cohort.site = "Patan Community Centre, Lalitpur";
        cohort.country = "NP";
        cohort.time_zone = "Asia/Kathmandu";
        cohort.language = "en";
        cohort.start_date = start;
        cohort.capacity = 20;
        cohort.trainer_refs = {"T-NP-01", "T-JP-01"};
        store::CohortRepo cohorts(db);
        cohorts.create(cohort);
        std::vector<std::string> on_time(refs.begin(), refs.end() - 1);
        cohorts.enrol(kDemoCohort, on_time, start);
        cohorts.enrol(kDemoCohort, {refs.back()}, add_days(start, 14));  // joined two weeks late

        const auto sessions = store::SessionRepo(db).schedule(kDemoCohort, 3, LocalTime{10, 0});
        store::AttendanceRepo attendance(db);
        int index = 0;
        for (const auto& s : sessions) {
            if (!(s.date < today_utc())) break;
            std::vector<store::LocatedMark> marks;
            for (std::size_t i = 0; i < refs.size(); ++i) {
                if (i == refs.size() - 1 && s.date < add_days(start, 14)) continue;
                Attendance a{s.id, refs[i], AttendanceStatus::present, std::nullopt, ""};
                if (i == 2 && index % 3 == 1) a = {s.id, refs[i], AttendanceStatus::late, s.minutes - 45, "bus"};
                if (i == 5 && index % 2 == 0) a.status = AttendanceStatus::absent;
                if (i == 7 && index == 3) a.status = AttendanceStatus::excused;
                marks.push_back({a, 0});
            }
            attendance.mark(kDemoCohort, marks);
            ++index;
        }
        store::RecordsRepo records(db);
        for (std::size_t i = 0; i + 2 < refs.size(); ++i)
            records.acknowledge_ethics({refs[i], curriculum->ethics_code, start});
        for (std::size_t i = 0; i < 4; ++i)
            records.record_assessment(kDemoCohort, {refs[i], "M03", i != 3, add_days(start, 21), "सीता राई"});
    });
}

}  // namespace

void add_demo_commands(CLI::App& app, Context& ctx) {
    auto* demo = app.add_subcommand("demo", "Make a demo programme to try things out (in its own database)");
    demo->callback([&ctx] {
        if (ctx.db_target.empty())
            ctx.db_target = (std::filesystem::path(store::Database::default_path()).parent_path() / "demo.db").string();
        auto& db = ctx.db();
        const bool exists = store::CohortRepo(db).find(kDemoCohort).has_value();
        // The demo's people have refs like P-001: never write them over a real programme's people.
        if (!exists && store::ParticipantRepo(db).count() > 0)
            bad_option("--db", ctx.target() + " already holds a programme; the demo needs a database of its own");
        if (!exists) build_demo(db);
        // An example verification address, so the demo's certificates can be issued at once (a real programme
        // sets its own: mitra-cli settings set verify-url https://...).
        store::SettingsRepo settings(db);
        if (settings.verify_url().empty()) settings.set(store::kVerifyUrlSetting, kDemoVerifyUrl);
        const auto people = store::CohortRepo(db).enrolments(kDemoCohort).size();
        const auto sessions = store::SessionRepo(db).list(kDemoCohort).size();
        ctx.print(
            json{{"database", ctx.target()}, {"cohort", kDemoCohort}, {"participants", people}, {"sessions", sessions}},
            std::string(exists ? "The demo is already in " : "Made a demo programme in ") + ctx.target() +
                "\n  cohort " + kDemoCohort + ": " + std::to_string(people) + " people, " + std::to_string(sessions) +
                " sessions\nTry:\n  mitra-cli --db " + ctx.target() + " cohort show " + kDemoCohort +
                "\n  mitra-cli --db " + ctx.target() + " participant list --cohort " + kDemoCohort +
                "\n  mitra-cli --db " + ctx.target() + " completion " + kDemoCohort);
    });
}

}  // namespace mitra::cli
