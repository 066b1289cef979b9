// Issue 20: mitra-cli's practice commands (supervisors, supervision, observed assessments, referees, attestations,
// deadlines), the verification, the practice record, the progress letter and the demo say everything in the
// language the environment asks for; only refs, codes, options, files, commands and the test's own names stay.
#include <catch2/catch.hpp>

#include "cohort_setup.hpp"
#include "practice_records.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

// The test's own values printed back: the fixtures' supervisor "Practice supervisor" and their credential
// "Certified Peer Supervisor" (practice_records.hpp), the bad values typed (boss, triad, listening, dance,
// agreement, xx); the codes a refusal lists as they are typed (trainer, group, video, criterion=level); the
// arguments a refusal names as --help does (ref, kind); the program's name (Mitra).
const std::vector<std::string> kNames{"Practice",  "supervisor", "Certified", "Peer", "Supervisor", "boss",  "triad",
                                      "listening", "dance",      "agreement", "xx",   "trainer",    "group", "video",
                                      "criterion", "level",      "ref",       "kind", "Mitra"};

// What a run printed for people, both streams.
std::string said(const Output& run) { return run.out + run.err; }

void check_no_english(const Output& run) {
    INFO(said(run));
    CHECK(english_words(said(run), kNames).empty());
}

// A refusal: exit status 2, in the user's language.
void check_refused(const Output& run) {
    INFO(said(run));
    CHECK(run.status == 2);
    CHECK(english_words(said(run), kNames).empty());
}

}  // namespace

TEST_CASE(
    "the practice commands speak Japanese to a Japanese-speaking coordinator: what they did, their tables and "
    "their refusals",
    "[cli][practice][language]") {
    Workspace ws;
    set_up_cohort(ws);  // P-002 has S-PSF's supervision, observations and signed records
    ws.environment = {"LANGUAGE=ja"};

    auto run = ws.ok({"supervisor", "add", "S-2", "--name", "Outside supervisor", "--credential",
                      "Certified Peer Supervisor", "--valid-from", "2024-04-01", "--expires", "2030-03-31"});
    check_no_english(run);
    CHECK(contains(run.out, "指導者 S-2 を追加しました"));
    check_refused(ws.run({"supervisor", "add", "S-3", "--name", "Boss", "--kind", "boss"}));

    run = ws.ok({"supervisor", "list"});
    check_no_english(run);
    CHECK(contains(run.out, "外部の専門職"));
    CHECK(contains(run.out, "資格の有効期限"));
    CHECK(!contains(run.out, "outside_professional"));

    run = ws.ok({"supervisor", "show", "S-2"});
    check_no_english(run);
    CHECK(contains(run.out, "指導者 S-2（外部の専門職）"));
    check_refused(ws.run({"supervisor", "show", "S-9"}));

    run = ws.ok({"supervision", "log", kCohort, "P-013", "M10", "--supervisor", "S-2", "--format", "one_to_one",
                 "--minutes", "60", "--on", "2026-07-01"});
    check_no_english(run);
    CHECK(contains(run.out, "P-013 の個別スーパービジョン 60 分を記録しました"));
    check_no_english(ws.ok({"supervision", "log", kCohort, "P-013", "M10", "--supervisor", "S-2", "--format", "group",
                            "--minutes", "1", "--on", "2026-07-01"}));
    check_refused(ws.run({"supervision", "log", kCohort, "P-013", "M10", "--supervisor", "S-2", "--format", "triad",
                          "--minutes", "60"}));

    run = ws.ok({"assessment", "observe", kCohort, "P-013", "M04", "--rater", "S-2", "--on", "2026-07-01", "--level",
                 "following=2", "--level", "listening=2", "--level", "reflecting=NO", "--level", "uncertainty=2"});
    check_no_english(run);
    CHECK(contains(run.out, "公表まで保留"));
    check_refused(
        ws.run({"assessment", "observe", kCohort, "P-013", "M04", "--rater", "S-2", "--level", "listening=7"}));
    check_refused(ws.run({"assessment", "observe", kCohort, "P-013", "M04", "--rater", "S-2", "--level", "listening"}));
    check_refused(ws.run({"assessment", "observe", kCohort, "P-013", "M04", "--rater", "S-2", "--method", "dance",
                          "--level", "listening=2"}));
    run = ws.ok({"assessment", "release", kCohort, "P-013", "M04", "--on", "2026-07-08"});
    check_no_english(run);
    CHECK(contains(run.out, "1 件"));

    run = ws.ok({"referee", "add", "P-013", "--referee", "R-1", "--on", "2026-07-01"});
    check_no_english(run);
    CHECK(contains(run.out, "R-1"));

    run = ws.ok({"attest", "P-013", "supervision_agreement", "--signed", "--on", "2026-07-01"});
    check_no_english(run);
    CHECK(contains(run.out, "署名あり"));
    check_no_english(ws.ok({"attest", "P-013", "lived_experience", "--not-signed", "--on", "2026-07-01"}));
    check_refused(ws.run({"attest", "P-013", "lived_experience"}));
    check_refused(ws.run({"attest", "P-013", "agreement", "--signed"}));

    run = ws.ok({"deadline", "extend", kCohort, "P-013", "--until", "2027-12-31", "--reason", "a long illness"});
    check_no_english(run);
    CHECK(contains(run.out, "2027-12-31"));

    run = ws.ok({"cohort", "deadlines", kCohort, "--today", "2027-08-01"});
    check_no_english(run);
    CHECK(contains(run.out, "期限を過ぎています"));
    CHECK(contains(run.out, "延長した人"));
    CHECK(!contains(run.out, "passed"));

    // --json stays in codes, for machines.
    CHECK(ws.json({"supervisor", "show", "S-2"})["kind"] == "outside_professional");
}

TEST_CASE("the verification, the practice record and the progress letter say what they wrote in Japanese",
          "[cli][practice][language]") {
    Workspace ws;
    set_up_cohort(ws);
    ws.environment = {"LANGUAGE=ja"};
    const auto pdf = [&](const std::string& name) { return (ws.dir / name).string(); };

    auto run = ws.ok({"supervisor", "verify", kPracticeSupervisor, "--ref", "P-002", "--out", pdf("verified.pdf"),
                      "--today", kToday});
    check_no_english(run);
    CHECK(contains(run.out, "指導付き実習の確認"));
    check_refused(ws.run(
        {"supervisor", "verify", kPracticeSupervisor, "--ref", "P-002", "--out", pdf("x.pdf"), "--language", "xx"}));

    run = ws.ok({"practice", "record", "P-002", "--language", "ja", "--today", kToday});
    check_no_english(run);
    run = ws.ok({"practice", "record", "P-002", "--out", pdf("record.pdf"), "--today", kToday});
    check_no_english(run);
    CHECK(contains(run.out, "実習記録"));
    check_refused(ws.run({"practice", "record", "P-002", "--language", "xx"}));

    run = ws.ok({"progress", "letter", "P-013", "--out", pdf("letter.pdf"), "--today", kToday});
    check_no_english(run);
    CHECK(contains(run.out, "進捗の手紙"));
    check_refused(ws.run({"progress", "letter", "P-013", "--out", pdf("y.pdf"), "--language", "xx"}));
}

TEST_CASE("the demo says what it made in Japanese, its commands to try kept as commands", "[cli][demo][language]") {
    Workspace ws;
    ws.environment = {"LANGUAGE=ja"};
    const auto run = ws.ok({"demo"});
    // "mitra" is the desktop program's command, the last one to try.
    INFO(said(run));
    CHECK(english_words(said(run), {"mitra"}).empty());
    CHECK(contains(run.out, "デモ"));
    CHECK(contains(run.out, "mitra-cli --db " + ws.db + " completion DEMO-KTM"));

    Workspace other;
    other.ok({"init"});
    other.ok({"participant", "add", "--ref", "P-1", "--name", "A person", "--country", "NP", "--language", "ne"});
    other.environment = {"LANGUAGE=ja"};
    check_refused(other.run({"demo"}));
}

TEST_CASE("the practice commands' --help describes them and their options in Japanese", "[cli][practice][language]") {
    Workspace ws;
    ws.environment = {"LANGUAGE=ja"};
    const auto help = ws.ok({"supervisor", "add", "--help"}).out;
    INFO(help);
    CHECK(contains(help, "指導者を資格とともに追加します"));
    CHECK(contains(help, "指導者の番号"));
    CHECK(contains(help, "--kind trainer のとき: そのトレーナーの番号"));
    CHECK(!contains(help, "Add a supervisor"));
    CHECK(!contains(help, "The credential's"));
    const auto deadlines = ws.ok({"cohort", "deadlines", "--help"}).out;
    CHECK(contains(deadlines, "期限が近い、または過ぎているのに修了していない人"));
    CHECK(!contains(deadlines, "People not complete"));
}
