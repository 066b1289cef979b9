// mitra-cli demo: a small programme with people from across the region, at every stage, to try things out: a
// cohort under way (people on track and not), and two finished ones whose people are complete, certified, or due
// to renew their certification, with their certificates signed by a demo key and written beside the database.
// Everyone is on the shipped curriculum, so the demo records what its practice rules ask (issue 21): supervisors
// with credentials, supervision one-to-one and in groups, observed assessments on the M04 and M06 rubrics, the
// signed agreement and attestation, and the completion window (one person near their deadline, one extension).
#include <filesystem>

#include "cli/context.hpp"
#include "io/curriculum_toml.hpp"
#include "io/keys.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "pdf/font_stack.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"
#include "store/settings.hpp"
#include "workflow/certificates.hpp"

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

// A finished cohort of the demo: everyone enrolled on its first day, sessions every three days from `start`, each
// person present at every session except those in `absent_from`, which they missed from that session on.
struct FinishedCohort {
    const char *code, *site, *country, *time_zone, *language, *trainer;
    int start_days_ago;  // from today
    std::vector<DemoPerson> people;
    std::vector<std::string> missed_sessions;  // refs absent from the eighth session on: not complete
    std::vector<std::string> late_practice;    // refs whose last supervision came only after the certificates
    const char* group_supervisor;              // the supervisor of the cohort's group supervision
    // Observed practice as it goes for some: asked to repeat M04 before meeting it; M06 held back a week before
    // its release; M06 rated by a second rater too, who saw one criterion a level lower.
    const char *repeated = "", *held_back = "", *second_rated = "";
};

// Supervisors of the demo's practice: Ruwani, an outside professional whose credential was refreshed after two
// years; Preecha, who supervised Bangkok's groups while his credential was valid (it has since ended); Sita, a
// trainer who also holds a supervisor's credential.
const char* kOutsideSupervisor = "S-LK-01";
const char* kBangkokSupervisor = "S-TH-01";
const char* kTrainerSupervisor = "S-NP-01";

// Bangkok, finished about two years ago: certified then, so their certification is due for renewal (one of them
// has the continuing education a renewal needs). Colombo, finished over a year ago: certified; one person's last
// group supervision came after the certificates were printed (complete, waiting for theirs), one missed too many
// sessions and is near the end of their 18 months.
const FinishedCohort kFinished[] = {
    {"DEMO-BKK",
     "Baan Peer Support House, Bangkok",
     "TH",
     "Asia/Bangkok",
     "th",
     "T-TH-01",
     800,
     {{"P-013", "นภา ศรีสุข", "Napha Srisuk", "TH", "th"},
      {"P-014", "วิชัย บุญมา", "Wichai Boonma", "TH", "th"},
      {"P-015", "Siti Rahmawati", "", "ID", "id"},
      {"P-016", "이서연", "Lee Seo-yeon", "KR", "ko"},
      {"P-017", "लक्ष्मी", "Lakshmi", "IN", "hi"}},
     {},
     {},
     kBangkokSupervisor},
    {"DEMO-CMB",
     "Lanka Peer Network, Colombo",
     "LK",
     "Asia/Colombo",
     "en",
     "T-NP-01",
     500,
     {{"P-018", "කමල් පෙරේරා", "Kamal Perera", "LK", "si"},
      {"P-019", "Juan dela Cruz", "", "PH", "fil"},
      {"P-020", "田中 健", "Tanaka Ken", "JP", "ja"},
      {"P-021", "فاطمہ بی بی", "Fatima Bibi", "PK", "ur"},
      {"P-022", "林美玲", "Lam Mei-ling", "TW", "zh-Hant"}},
     {"P-022"},
     {"P-021"},
     kTrainerSupervisor,
     "P-019",
     "P-020",
     "P-018"},
};

constexpr int kEveryDays = 3;
// Certificates are issued a week after the last of the 30 sessions.
int issued_days_ago(const FinishedCohort& f) { return f.start_days_ago - 29 * kEveryDays - 7; }

void add_people(store::Database& db, const std::vector<DemoPerson>& people, std::vector<std::string>& refs) {
    store::ParticipantRepo repo(db);
    for (const auto& p : people) {
        Participant person{"", p.ref, p.name, p.latin, p.country, p.language, "", "", today_utc()};
        repo.save(person);
        refs.push_back(p.ref);
    }
}

// Levels that meet the module's rubric: the first criterion at 3, the others at 2 (the pass level).
std::vector<CriterionRating> met_ratings(const Curriculum& curriculum, const std::string& module_code) {
    std::vector<CriterionRating> out;
    for (const auto& m : curriculum.modules)
        if (m.code == module_code && m.rubric)
            for (const auto& c : m.rubric->criteria) out.push_back({c.key, out.empty() ? 3 : 2, std::nullopt});
    return out;
}

void add_supervisors(store::Database& db) {
    store::PracticeRepo practice(db);
    const Date today = today_utc();
    Supervisor ruwani{"", kOutsideSupervisor, "Ruwani Fernando", SupervisorKind::outside_professional, "", {}};
    ruwani.credentials = {{"Registered Peer Supervisor", add_days(today, -1000), add_days(today, -271)},
                          {"Registered Peer Supervisor (refresher)", add_days(today, -270), add_days(today, 459)}};
    Supervisor preecha{"", kBangkokSupervisor, "ปรีชา ทองดี", SupervisorKind::outside_professional, "", {}};
    preecha.credentials = {{"Certified Peer Supervisor", add_days(today, -1000), add_days(today, -100)}};
    Supervisor sita{"", kTrainerSupervisor, "सीता राई", SupervisorKind::trainer, "T-NP-01", {}};
    sita.credentials = {{"Certified Peer Supervisor", add_days(today, -600), add_days(today, 130)}};
    for (auto* s : {&ruwani, &preecha, &sita}) practice.add_supervisor(*s);
}

// The finished cohort's records, up to (not including) its certificates.
void build_finished(store::Database& db, const Curriculum& curriculum, const FinishedCohort& f) {
    const Date today = today_utc();
    std::vector<std::string> refs;
    add_people(db, f.people, refs);
    const Date start = add_days(today, -f.start_days_ago);
    Cohort cohort;
    cohort.code = f.code;
    cohort.curriculum_code = curriculum.code;
    cohort.site = f.site;
    cohort.country = f.country;
    cohort.time_zone = f.time_zone;
    cohort.language = f.language;
    cohort.start_date = start;
    cohort.end_date = add_days(start, 29 * kEveryDays);  // the day of its 30th session
    cohort.capacity = 12;
    cohort.trainer_refs = {f.trainer};
    store::CohortRepo(db).create(cohort);
    store::CohortRepo(db).enrol(f.code, refs, start);
    const auto sessions = store::SessionRepo(db).schedule(f.code, kEveryDays, LocalTime{14, 0});
    store::AttendanceRepo attendance(db);
    for (std::size_t index = 0; index < sessions.size(); ++index) {
        std::vector<store::LocatedMark> marks;
        for (const auto& ref : refs) {
            const bool missed = index >= 7 && std::count(f.missed_sessions.begin(), f.missed_sessions.end(), ref);
            marks.push_back({{sessions[index].id, ref, missed ? AttendanceStatus::absent : AttendanceStatus::present,
                              std::nullopt, ""},
                             0});
        }
        attendance.mark(f.code, marks);
    }
    const Date end = sessions.back().date;
    store::RecordsRepo records(db);
    store::PracticeRepo practice(db);
    const std::string assessor = store::TrainerRepo(db).find(f.trainer)->name;
    for (const auto& ref : refs) {
        records.acknowledge_ethics({ref, curriculum.ethics_code, start});
        practice.attest({ref, AttestationKind::supervision_agreement, true, start});
        practice.attest({ref, AttestationKind::lived_experience, true, start});
        records.record_assessment(f.code, {ref, "M03", true, add_days(start, 21), assessor});
        const bool late = std::count(f.late_practice.begin(), f.late_practice.end(), ref) > 0;
        // Five placements of eight hours, the 40 hours M10 asks for: three supervised one-to-one by Ruwani, two in
        // the cohort's group supervision (the last of a late one comes after the certificates, in
        // issue_demo_certificates).
        for (int i = 0; i < (late ? 4 : 5); ++i) {
            SupervisionEntry entry{"",
                                   ref,
                                   "M10",
                                   i < 3 ? kOutsideSupervisor : f.group_supervisor,
                                   i < 3 ? SupervisionFormat::one_to_one : SupervisionFormat::group,
                                   480,
                                   add_days(end, -20 + 4 * i),
                                   i < 3 ? "placement day reviewed" : "group supervision"};
            practice.log_supervision(f.code, entry);
        }
        // Observed practice met on both rubrics, rated in a role play and given the next day, never in the session.
        for (const auto& [module, day] : {std::pair{std::string("M04"), 33}, std::pair{std::string("M06"), 57}}) {
            if (module == "M04" && ref == f.repeated) {
                // Listening without advice at level 1 the first time: asked to repeat, and met a week later.
                auto ratings = met_ratings(curriculum, module);
                ratings[1].level = 1;
                ObservedAssessment first{
                    "",        ref, module,  add_days(start, day - 7), ObservationMethod::role_play,
                    f.trainer, "",  ratings, add_days(start, day - 6)};
                practice.observe(f.code, first);
            }
            ObservedAssessment a{"",
                                 ref,
                                 module,
                                 add_days(start, day),
                                 ObservationMethod::role_play,
                                 f.trainer,
                                 "",
                                 met_ratings(curriculum, module),
                                 add_days(start, day + 1)};
            if (module == "M06" && ref == f.second_rated) {
                a.method = ObservationMethod::direct_observation;
                a.second_rater = kOutsideSupervisor;
                for (auto& r : a.ratings) r.second = r.level;
                a.ratings[0].second = 2;  // the raters differ; both at the pass level or more
            }
            const bool held = module == "M06" && ref == f.held_back;
            if (held) a.released_on.reset();
            practice.observe(f.code, a);
            if (held) practice.release(f.code, ref, module, add_days(start, day + 8));
        }
    }
}

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
        // Sita and Misaki were trained as trainers a year ago, Kamala before the Bangkok cohort: each certified to
        // teach for two years (Kamala's has since ended).
        for (auto [ref, name, latin, country, langs, certified_days_ago] :
             {std::tuple{"T-NP-01", "सीता राई", "Sita Rai", "NP", "ne,en", 365},
              std::tuple{"T-JP-01", "佐藤 美咲", "Sato Misaki", "JP", "ja,en", 365},
              std::tuple{"T-TH-01", "กมลา วงศ์ใหญ่", "Kamala Wongyai", "TH", "th,en", 900}}) {
            if (trainers.find(ref)) continue;
            Trainer t{"", ref, name, latin, country, split_list(langs), all_modules};
            trainers.add(t);
            store::CertificationRepo(db).certify_trainer(ref, "trainer", add_days(today_utc(), -certified_days_ago),
                                                         24);
        }
        std::vector<std::string> refs;
        add_people(db, std::vector<DemoPerson>(std::begin(kPeople), std::end(kPeople)), refs);

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

        // The practice rules in the cohort under way: agreements and attestations signed by most, some supervision,
        // M04's first observed assessment of P-001 held back until it is released to her, a referee's
        // questionnaire, and P-006's deadline extended.
        add_supervisors(db);
        store::PracticeRepo practice(db);
        for (std::size_t i = 0; i < 8; ++i) {
            practice.attest({refs[i], AttestationKind::supervision_agreement, true, add_days(start, 3)});
            practice.attest({refs[i], AttestationKind::lived_experience, true, start});
        }
        for (std::size_t i = 0; i < 3; ++i) {
            SupervisionEntry one{"",
                                 refs[i],
                                 "M10",
                                 kOutsideSupervisor,
                                 SupervisionFormat::one_to_one,
                                 120,
                                 add_days(today_utc(), -10),
                                 "first placement day reviewed"};
            practice.log_supervision(kDemoCohort, one);
            SupervisionEntry group{"",
                                   refs[i],
                                   "M10",
                                   kTrainerSupervisor,
                                   SupervisionFormat::group,
                                   90,
                                   add_days(today_utc(), -4),
                                   "group supervision"};
            practice.log_supervision(kDemoCohort, group);
        }
        ObservedAssessment held{
            "",
            refs[0],
            "M04",
            add_days(today_utc(), -2),
            ObservationMethod::direct_observation,
            "T-NP-01",
            "T-JP-01",
            {{"following", 3, 3}, {"listening", 2, 2}, {"reflecting", 2, 1}, {"uncertainty", std::nullopt, 2}},
            std::nullopt};
        practice.observe(kDemoCohort, held);
        practice.add_referee({refs[1], "R-1", add_days(today_utc(), -7)});
        DeadlineExtension extension{
            refs[5], kDemoCohort, add_days(start, 18 * 31 + 90), "time away caring for family, agreed with them",
            "",      ""};
        practice.extend_deadline(kDemoCohort, extension);

        for (const auto& finished : kFinished) build_finished(db, *curriculum, finished);
        // Napha kept learning after her certification: enough to renew it now.
        store::CertificationRepo certifications(db);
        const Date since = add_days(today_utc(), -issued_days_ago(kFinished[0]));
        for (const auto& [title, days, hours, category] :
             {std::tuple{"Peer ethics refresher", 60, 4, "ethics"},
              std::tuple{"Supported decision-making in practice", 200, 16, "peer_practice"},
              std::tuple{"Regional peer-support gathering", 400, 18, "elective"}})
            certifications.add_learning("P-013", {title, "Demo provider", add_days(since, days), hours * 60, category,
                                                  "attendance letter", "external"});
    });
}

// The finished cohorts' completion certificates, each batch issued on its day with the demo's own key (never the
// installation's: a demo certificate must not verify as the programme's) into `folder`.
void issue_demo_certificates(store::Database& db, const std::filesystem::path& folder) {
    const std::filesystem::path key_file = folder / "demo-signing.key";
    const SigningKey key =
        std::filesystem::exists(key_file) ? io::load_or_create_signing_key(key_file) : io::create_signing_key(key_file);
    auto layout = io::read_certificate_template_file(shipped_dir("certificates") + "/" +
                                                     pdf::shipped_template_name("completion"));
    if (!layout.ok()) throw InputError{layout.problems};
    pdf::FontStack fonts;
    for (const auto& f : kFinished) {
        if (!store::CertificateRepo(db).list("", f.code).empty()) continue;
        const workflow::IssueRequest request{f.code,         "completion", "",
                                             layout.value,   "completion", add_days(today_utc(), -issued_days_ago(f)),
                                             folder / f.code};
        workflow::issue_certificates(db, fonts, key, request);
        // The last group supervision of a late one, a month after the certificates: complete, awaiting theirs.
        db.write([&] {
            const Date day = add_days(today_utc(), -issued_days_ago(f) + 30);
            for (const auto& ref : f.late_practice) {
                SupervisionEntry entry{
                    "", ref, "M10", f.group_supervisor, SupervisionFormat::group, 480, day, "group supervision"};
                store::PracticeRepo(db).log_supervision(f.code, entry);
            }
        });
    }
}

}  // namespace

void add_demo_commands(CLI::App& app, Context& ctx) {
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the descriptions of commands and options that --help shows; command and option names
    // and codes in them (one_to_one, --kind trainer) stay as they are.
    auto* demo = app.add_subcommand("demo", words.tr("Make a demo programme to try things out (in its own database)"));
    demo->callback([&ctx] {
        if (ctx.db_target.empty())
            ctx.db_target = (std::filesystem::path(store::Database::default_path()).parent_path() / "demo.db").string();
        auto& db = ctx.db();
        const bool exists = store::CohortRepo(db).find(kDemoCohort).has_value();
        // The demo's people have refs like P-001: never write them over a real programme's people.
        if (!exists && store::ParticipantRepo(db).count() > 0)
            bad_option("--db", io::format(ctx.words().tr("%s already holds a programme; the demo needs a database "
                                                         "of its own"),
                                          {ctx.target()}));
        if (!exists) build_demo(db);
        // An example verification address, so the demo's certificates can be issued at once (a real programme
        // sets its own: mitra-cli settings set verify-url https://...).
        store::SettingsRepo settings(db);
        if (settings.verify_url().empty()) settings.set(store::kVerifyUrlSetting, kDemoVerifyUrl);
        // Beside a demo file; for a hub, in this installation's data folder.
        namespace fs = std::filesystem;
        const fs::path folder =
            (db.backend() == store::Backend::postgresql ? fs::path(store::Database::default_path()).parent_path()
                                                        : fs::path(ctx.target()).parent_path()) /
            "demo-certificates";
        issue_demo_certificates(db, folder);

        const auto people = store::CohortRepo(db).enrolments(kDemoCohort).size();
        const auto sessions = store::SessionRepo(db).list(kDemoCohort).size();
        const std::string db_option = "mitra-cli --db " + ctx.target();
        const io::Catalog& words = ctx.words();
        const std::string under_way = io::format(
            // TRANSLATORS: the demo's summary. %1$s is a cohort's code; %2$s says how many people ("12 people") and
            // %3$s how many sessions ("10 sessions").
            words.tr("cohort %1$s: %2$s, %3$s, under way: some on track, some not"),
            {kDemoCohort, io::format(words.trn("%d person", "%d people", people), {people}),
             io::format(words.trn("%d session", "%d sessions", sessions), {sessions})});
        // What the demo made, in words; the commands to try stay as they are.
        const std::string summary =
            io::format(exists ? words.tr("The demo is already in %s") : words.tr("Made a demo programme in %s"),
                       {ctx.target()}) +
            "\n  " + under_way + "\n  " +
            io::format(words.tr("cohort %s: finished two years ago; certified, due to renew"), {kFinished[0].code}) +
            "\n  " +
            io::format(words.tr("cohort %s: finished over a year ago; certified, one complete awaiting a "
                                "certificate, one near their deadline"),
                       {kFinished[1].code}) +
            "\n  " + io::format(words.tr("certificates in %s"), {folder.string()}) + "\n" +
            // TRANSLATORS: before commands to type, which stay as they are.
            words.tr("Try:") + "\n  " + db_option + " completion " + kDemoCohort + "\n  " + db_option + " completion " +
            kFinished[1].code + "\n  " + db_option + " certification due\n  mitra --db " + ctx.target();
        ctx.print(json{{"database", ctx.target()},
                       {"cohort", kDemoCohort},
                       {"participants", people},
                       {"sessions", sessions},
                       {"finished_cohorts", json::array({kFinished[0].code, kFinished[1].code})},
                       {"certificates", folder.string()}},
                  summary);
    });
}

}  // namespace mitra::cli
