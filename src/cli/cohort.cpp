// mitra-cli cohort create|list|show|enrol|enrolment-date.
#include "cli/context.hpp"
#include "core/attendance_dates.hpp"
#include "io/files.hpp"
#include "store/repos.hpp"

namespace mitra::cli {
namespace {

struct CohortCreateOptions {
    Cohort cohort;
    std::string start;
    std::string end;
};

struct CohortShowOptions {
    std::string code;
};

struct CohortEnrolOptions {
    std::string cohort;
    std::string on;
    std::vector<std::string> refs;
};

struct CohortEnrolmentDateOptions {
    std::string cohort;
    std::string ref;
    std::string on;
};

// The zone of the capital, for a cohort created without --time-zone.
std::string default_time_zone(const std::string& country) {
    static const std::map<std::string, std::string> zones = {
        {"JP", "Asia/Tokyo"},       {"KR", "Asia/Seoul"},        {"CN", "Asia/Shanghai"},   {"HK", "Asia/Hong_Kong"},
        {"TW", "Asia/Taipei"},      {"TH", "Asia/Bangkok"},      {"ID", "Asia/Jakarta"},    {"PH", "Asia/Manila"},
        {"IN", "Asia/Kolkata"},     {"NP", "Asia/Kathmandu"},    {"LK", "Asia/Colombo"},    {"PK", "Asia/Karachi"},
        {"BD", "Asia/Dhaka"},       {"MY", "Asia/Kuala_Lumpur"}, {"SG", "Asia/Singapore"},  {"VN", "Asia/Ho_Chi_Minh"},
        {"MN", "Asia/Ulaanbaatar"}, {"MM", "Asia/Yangon"},       {"KH", "Asia/Phnom_Penh"}, {"BT", "Asia/Thimphu"}};
    auto it = zones.find(country);
    return it == zones.end() ? std::string() : it->second;
}

json cohort_json(const Cohort& c) {
    return json{{"code", c.code},
                {"curriculum", c.curriculum_code},
                {"curriculum_version", c.curriculum_version},
                {"site", c.site},
                {"country", c.country},
                {"time_zone", c.time_zone},
                {"language", c.language},
                {"start", to_string(c.start_date)},
                {"end", c.end_date ? to_string(*c.end_date) : ""},
                {"capacity", c.capacity},
                {"trainers", c.trainer_refs}};
}

void run_cohort_create(Context& ctx, const CohortCreateOptions& options) {
    Cohort c = options.cohort;
    c.start_date = date_option("--start", options.start);
    if (!options.end.empty()) c.end_date = date_option("--end", options.end);
    if (c.time_zone.empty()) c.time_zone = default_time_zone(c.country);
    if (c.time_zone.empty())
        // TRANSLATORS: %s is a country code (NP); --time-zone is the option to give.
        bad_option("--time-zone", io::format(ctx.words().tr("is required for country %s"), {c.country}));
    normalize(c);
    refuse_if_any(validate(c));  // the time zone checked against the zone database, a near name suggested
    store::CohortRepo(ctx.db()).create(c);
    // TRANSLATORS: %1$s is the cohort's code, %2$s its curriculum's code, %3$s the curriculum's version, %4$s where
    // it meets, %5$s its time zone (Asia/Kathmandu).
    ctx.print(cohort_json(c), io::format(ctx.words().tr("Created cohort %1$s (%2$s %3$s, %4$s, %5$s)"),
                                         {c.code, c.curriculum_code, c.curriculum_version, c.site, c.time_zone}));
}

void run_cohort_show(Context& ctx, const CohortShowOptions& options) {
    store::CohortRepo repo(ctx.db());
    auto cohort = repo.find(options.code);
    if (!cohort) bad_option("code", ProblemCode::no_cohort, {options.code});
    const auto enrolled = repo.enrolments(options.code);
    const auto sessions = store::SessionRepo(ctx.db()).list(options.code);
    json j = cohort_json(*cohort);
    j["enrolled"] = json::array();
    for (const auto& e : enrolled)
        j["enrolled"].push_back({{"ref", e.participant_ref}, {"on", to_string(e.enrolled_on)}});
    j["sessions"] = sessions.size();
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: the labels of a cohort's details, one a line in a terminal, lower case.
    std::string text = table(
        {{words.trc("label", "cohort"), cohort->code},
         {words.trc("label", "curriculum"), cohort->curriculum_code + " " + cohort->curriculum_version},
         {words.trc("label", "site"), cohort->site + " (" + cohort->country + ", " + cohort->time_zone + ")"},
         {words.trc("label", "language"), cohort->language},
         {words.trc("label", "dates"),
          cohort->end_date
              // TRANSLATORS: a cohort's first and last days.
              ? io::format(words.tr("%1$s to %2$s"), {to_string(cohort->start_date), to_string(*cohort->end_date)})
              : to_string(cohort->start_date)},
         {words.trc("label", "trainers"), join(cohort->trainer_refs, ", ")},
         {words.trc("label", "enrolled"),
          cohort->capacity
              // TRANSLATORS: how many people are enrolled of how many the cohort can hold.
              ? io::format(words.tr("%1$d of %2$d"), {enrolled.size(), cohort->capacity})
              : std::to_string(enrolled.size())},
         {words.trc("label", "sessions"), std::to_string(sessions.size())}});
    ctx.print(j, text);
}

void run_cohort_enrol(Context& ctx, const CohortEnrolOptions& options) {
    Date day;
    if (!options.on.empty()) day = date_option("--on", options.on);
    else if (const auto cohort = store::CohortRepo(ctx.db()).find(options.cohort))
        day = default_enrolment_date(cohort->start_date, today_in(cohort->time_zone));
    else bad_option("cohort", ProblemCode::no_cohort, {options.cohort});
    const auto result = store::CohortRepo(ctx.db()).enrol(options.cohort, options.refs, day);
    const io::Catalog& words = ctx.words();
    // TRANSLATORS: %2$s is a cohort's code; %3$s the refs of people who were enrolled before.
    std::string text = result.already.empty()
                           ? io::format(words.trn("Enrolled %1$d person in %2$s", "Enrolled %1$d people in %2$s",
                                                  static_cast<long long>(result.enrolled.size())),
                                        {result.enrolled.size(), options.cohort})
                           : io::format(words.trn("Enrolled %1$d person in %2$s; already enrolled: %3$s",
                                                  "Enrolled %1$d people in %2$s; already enrolled: %3$s",
                                                  static_cast<long long>(result.enrolled.size())),
                                        {result.enrolled.size(), options.cohort, join(result.already, ", ")});
    ctx.print(json{{"cohort", options.cohort}, {"enrolled", result.enrolled}, {"already", result.already}}, text);
}

void run_cohort_enrolment_date(Context& ctx, const CohortEnrolmentDateOptions& options) {
    const Date day = date_option("date", options.on);
    store::CohortRepo(ctx.db()).change_enrolment_date(options.cohort, options.ref, day);
    ctx.print(json{{"cohort", options.cohort}, {"ref", options.ref}, {"on", to_string(day)}},
              // TRANSLATORS: %1$s is a person's ref, %2$s a cohort's code, %3$s the enrolment's first day.
              io::format(ctx.words().tr("%1$s is enrolled in %2$s from %3$s"),
                         {options.ref, options.cohort, to_string(day)}));
}

}  // namespace

void add_cohort_commands(CLI::App& app, Context& ctx) {
    // TRANSLATORS: the --help descriptions of this file's commands and options (mitra-cli COMMAND --help).
    const io::Catalog& help = ctx.words();
    auto* group = app.add_subcommand("cohort", help.tr("Cohorts: a group of people taking a curriculum together"));
    group->require_subcommand(1);

    auto created = std::make_shared<CohortCreateOptions>();
    auto* create = group->add_subcommand("create", help.tr("Create a cohort"));
    create->add_option("--code", created->cohort.code, help.tr("The cohort's code, such as KTM-2026-1"))->required();
    create->add_option("--curriculum", created->cohort.curriculum_code, help.tr("The curriculum's code, such as PSF"))
        ->required();
    create->add_option("--curriculum-version", created->cohort.curriculum_version,
                       help.tr("Its version (default: the latest)"));
    create->add_option("--site", created->cohort.site, help.tr("Where it meets"))->required();
    create->add_option("--country", created->cohort.country, help.tr("ISO 3166-1 country code"))->required();
    create->add_option("--language", created->cohort.language, help.tr("The language it is taught in (BCP 47)"))
        ->required();
    create->add_option("--start", created->start, help.tr("First day, YYYY-MM-DD"))->required();
    create->add_option("--end", created->end, help.tr("Last day, YYYY-MM-DD"));
    create->add_option("--time-zone", created->cohort.time_zone,
                       help.tr("The site's IANA time zone (default: the country's capital)"));
    create->add_option("--capacity", created->cohort.capacity,
                       help.tr("How many people it can hold (default: no limit)"));
    create->add_option("--trainer", created->cohort.trainer_refs,
                       help.tr("A trainer's ref; repeat for co-facilitators (lead first)"));
    create->callback([&ctx, created] { run_cohort_create(ctx, *created); });

    auto* list = group->add_subcommand("list", help.tr("List the cohorts"));
    list->callback([&ctx] {
        json items = json::array();
        const io::Catalog& words = ctx.words();
        std::vector<std::vector<std::string>> rows{{words.trc("column", "CODE"), words.trc("column", "CURRICULUM"),
                                                    words.trc("column", "SITE"), words.trc("column", "COUNTRY"),
                                                    words.trc("column", "START"), words.trc("column", "PEOPLE")}};
        store::CohortRepo repo(ctx.db());
        for (const auto& cohort : repo.list()) {
            const auto people = repo.enrolments(cohort.code).size();
            json j = cohort_json(cohort);
            j["enrolled"] = people;
            items.push_back(j);
            rows.push_back({cohort.code, cohort.curriculum_code + " " + cohort.curriculum_version, cohort.site,
                            cohort.country, to_string(cohort.start_date), std::to_string(people)});
        }
        ctx.print(items, rows.size() > 1 ? table(rows) : words.tr("No cohorts yet"));
    });

    auto shown = std::make_shared<CohortShowOptions>();
    auto* show = group->add_subcommand("show", help.tr("Show a cohort with its people and sessions"));
    show->add_option("code", shown->code, help.tr("The cohort's code"))->required();
    show->callback([&ctx, shown] { run_cohort_show(ctx, *shown); });

    auto enrolled = std::make_shared<CohortEnrolOptions>();
    auto* enrol = group->add_subcommand("enrol", help.tr("Enrol people in a cohort"));
    enrol->add_option("cohort", enrolled->cohort, help.tr("The cohort's code"))->required();
    enrol->add_option("refs", enrolled->refs, help.tr("The people's refs"))->required();
    enrol->add_option(
        "--on", enrolled->on,
        help.tr("The enrolment date (default: the cohort's start until a week after it, then today); earlier "
                "sessions are not absences"));
    enrol->callback([&ctx, enrolled] { run_cohort_enrol(ctx, *enrolled); });

    auto redated = std::make_shared<CohortEnrolmentDateOptions>();
    auto* redate =
        group->add_subcommand("enrolment-date", help.tr("Change the day a person's enrolment in a cohort starts"));
    redate->add_option("cohort", redated->cohort, help.tr("The cohort's code"))->required();
    redate->add_option("ref", redated->ref, help.tr("The person's ref"))->required();
    redate->add_option("date", redated->on, help.tr("The new enrolment date, YYYY-MM-DD (not after a mark they have)"))
        ->required();
    redate->callback([&ctx, redated] { run_cohort_enrolment_date(ctx, *redated); });
}

}  // namespace mitra::cli
