// Look-alike names through the real mitra-cli: refused at add and import (by ref, never by name) unless
// --allow-lookalike, and found together by --search.
#include <catch2/catch.hpp>

#include "names.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;

namespace {

std::vector<std::string> refs_found(const Workspace& ws, const std::string& search) {
    std::vector<std::string> refs;
    for (const auto& p : ws.json({"participant", "list", "--search", search})) refs.push_back(p["ref"]);
    return refs;
}

std::vector<std::string> add(const std::string& ref, const std::string& name) {
    return {"participant", "add", "--ref", ref, "--full-name", name, "--country", "GB", "--language", "en"};
}

}  // namespace

TEST_CASE("participant add refuses a look-alike by ref, and --allow-lookalike adds it", "[cli][participant][names]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok(add("P-1", "John Smith"));

    for (const std::string name : {"John Smith", "J\u043Ehn Smith", "JOHN  SMITH"}) {
        INFO(name);
        const auto before = ws.dump();
        const auto refused = ws.run(add("P-2", name));
        INFO(refused.err);
        CHECK(refused.status == 2);
        CHECK(refused.out.empty());
        CHECK(refused.err.find("--full-name: looks like P-1") != std::string::npos);
        CHECK(refused.err.find("--allow-lookalike") != std::string::npos);
        CHECK(refused.err.find("(nothing was changed)") != std::string::npos);
        CHECK(refused.err.find("ohn") == std::string::npos);  // never the name
        CHECK(refused.err.find("J\u043Ehn") == std::string::npos);
        CHECK(ws.dump() == before);
    }
    auto allowed = add("P-2", "J\u043Ehn Smith");
    allowed.push_back("--allow-lookalike");
    ws.ok(allowed);
    ws.ok(add("P-3", "Jane Smith"));
    CHECK(refs_found(ws, "John Smith") == std::vector<std::string>{"P-1", "P-2"});
    CHECK(refs_found(ws, "J\u043Ehn Smith") == std::vector<std::string>{"P-1", "P-2"});
}

TEST_CASE("participant import names the line and field of each look-alike, in the file or kept already",
          "[cli][participant][names]") {
    Workspace ws;
    ws.ok({"init"});
    ws.ok(add("P-1", "John Smith"));
    const auto file = ws.file("people.csv", kPeopleHeader +
                                                "P-10,Mary Jones,,GB,en,\n"
                                                "P-11,John\u00A0Smith,,GB,en,\n"
                                                "P-12,Sita Rai,,NP,ne,\n"
                                                "P-13,MARY JONES,,GB,en,\n");
    const auto before = ws.dump();
    const auto refused = ws.run({"participant", "import", file});
    INFO(refused.err);
    CHECK(refused.status == 2);
    CHECK(refused.err.find(file + ":3: full_name: P-11 looks like P-1 ") != std::string::npos);
    CHECK(refused.err.find(file + ":5: full_name: P-13 looks like P-10 (line 2) ") != std::string::npos);
    CHECK(refused.err.find("Mary") == std::string::npos);
    CHECK(refused.err.find("MARY") == std::string::npos);
    CHECK(refused.err.find("--allow-lookalike") != std::string::npos);
    CHECK(refused.err_lines() == 2);
    CHECK(ws.dump() == before);

    const auto imported = ws.json({"participant", "import", file, "--allow-lookalike"});
    CHECK(imported["created"] == 4);
    CHECK(ws.json({"participant", "import", file})["unchanged"] == 4);  // nothing new to ask about
    CHECK(refs_found(ws, "john smith") == std::vector<std::string>{"P-1", "P-11"});
    CHECK(refs_found(ws, "Mary Jones") == std::vector<std::string>{"P-10", "P-13"});
}
