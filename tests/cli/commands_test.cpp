// mitra-cli names the command that puts a store's refusal right; the store names none (see store/refusal_test).
// These pin the text mitra-cli has always printed.
#include <catch2/catch.hpp>

#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

TEST_CASE("a cohort of a curriculum not imported: mitra-cli says to import it", "[cli][cohort][commands]") {
    Workspace ws;
    ws.ok({"init"});
    const auto before = ws.dump();
    const auto refused = ws.run({"cohort", "create", "--code", "X-1", "--curriculum", "NOPE", "--site", "S",
                                 "--country", "NP", "--language", "ne", "--start", "2026-02-03"});
    CHECK(refused.status == 2);
    CHECK(refused.err ==
          "mitra-cli: curriculum: no curriculum NOPE has been imported (mitra-cli curriculum import FILE) (nothing was "
          "changed)\n");
    CHECK(ws.dump() == before);
}

TEST_CASE("certifying before the completion certificate: mitra-cli says to issue it",
          "[cli][certification][commands]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok({"participant", "add", "--ref", "P-1", "--name", "Kim", "--country", "NP", "--language", "ne"});
    ws.ok({"cohort", "create", "--code", "NP-1", "--curriculum", "PSF", "--site", "Patan", "--country", "NP",
           "--language", "en", "--start", "2026-01-05"});
    ws.ok({"cohort", "enrol", "NP-1", "P-1", "--on", "2026-01-01"});
    for (const char* m : {"M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10"})
        ws.ok({"completion", "override", "NP-1", "P-1", m, "--complete", "--reason", "recognised prior learning"});
    ws.ok({"ethics", "acknowledge", "P-1", "--version", "2026.1", "--on", "2026-01-05"});
    for (const char* kind : {"supervision_agreement", "lived_experience"})
        ws.ok({"attest", "P-1", kind, "--signed", "--on", "2026-01-05"});
    const auto before = ws.dump();
    const auto refused = ws.run({"certification", "grant", "P-1", "--today", "2026-04-01"});
    CHECK(refused.status == 2);
    CHECK(refused.err ==
          "mitra-cli: ref: P-1 has completed PSF but holds no completion certificate yet (mitra-cli certificate issue "
          "COHORT) (nothing was changed)\n");
    CHECK(ws.dump() == before);
}

TEST_CASE("merging a whole database as a pack: mitra-cli says how a pack is made", "[cli][pack][commands]") {
    Workspace ws;
    ws.ok({"init"});
    const auto plain = (ws.dir / "plain.db").string();
    ws.run_bare({"--db", plain, "init"});
    const auto refused = ws.run({"pack", "merge", plain});
    CHECK(refused.status == 2);
    CHECK(refused.err.rfind("mitra-cli: pack: ", 0) == 0);
    CHECK(ends_with(refused.err,
                    " is a Mitra database but not a field pack (make one with `mitra-cli pack export "
                    "COHORT --out FILE`) (nothing was changed)\n"));
}
