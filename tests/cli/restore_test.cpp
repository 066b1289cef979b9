// mitra-cli restore: in place of a damaged database file (which cannot be opened), and over a sound one.
#include <catch2/catch.hpp>

#include <fstream>

#include "damage.hpp"
#include "run_cli.hpp"

using namespace mitra::cli_test;
namespace fs = std::filesystem;

namespace {

// Makes the file damaged in a way every open notices: its schema page, then pages in the middle.
void damage(const fs::path& file) {
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string noise(3000, '\x5A');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    damage_middle(file, 8);
}

// Files whose names start with `start`, without the -wal and -shm that go with a database file.
std::vector<fs::path> named(const fs::path& dir, const std::string& start) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        const bool companion =
            name.size() > 4 && (name.substr(name.size() - 4) == "-wal" || name.substr(name.size() - 4) == "-shm");
        if (name.rfind(start, 0) == 0 && !companion) out.push_back(e.path());
    }
    return out;
}

}  // namespace

TEST_CASE("restore puts the latest good backup in place of a damaged file and keeps the damaged one",
          "[cli][backup][sqlite]") {
    Workspace w;
    w.ok({"demo"});
    const auto people = w.json({"participant", "list"});
    const auto backup = w.json({"backup"})["backup"].get<std::string>();
    w.ok({"participant", "add", "--ref", "LATE-1", "--name", "Nimal Silva", "--country", "LK", "--language", "si"});
    w.ok({"backup", "--out", (w.dir / "elsewhere.db").string()});  // checkpoints the WAL into the file
    damage(w.db);
    const std::string damaged = bytes_of(w.db);

    // Refused, with the advice; the file is not touched.
    const auto refused = w.run({"participant", "list"});
    CHECK(refused.status != 0);
    CHECK(refused.err.find("is damaged") != std::string::npos);
    CHECK(refused.err.find("restore '" + backup + "'") != std::string::npos);
    // The store names the backup; mitra-cli words the command, as it always has.
    const std::string advice = ". The latest good backup is " + backup + " (made ";
    REQUIRE(refused.err.find(advice) != std::string::npos);
    CHECK(refused.err.substr(refused.err.find(advice) + advice.size() + 20) ==
          "): mitra-cli --db '" + w.db + "' restore '" + backup +
              "' moves the damaged file aside and puts a copy of the backup in its place\n");
    CHECK(bytes_of(w.db) == damaged);

    SECTION("the advised command works") {
        const auto restored = w.run({"restore", backup});
        REQUIRE(restored.status == 0);
        CHECK(restored.out.find("the damaged file is kept as") != std::string::npos);
        const auto aside = named(w.dir, "mitra.db.damaged-");
        REQUIRE(aside.size() == 1);
        CHECK(bytes_of(aside.front()) == damaged);  // kept whole, never written to
        CHECK(bytes_of(w.db) == bytes_of(backup));
        CHECK((fs::status(w.db).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
        CHECK(named(w.dir, "mitra.db.restoring").empty());
        // The backup's people, without the one added after it.
        CHECK(w.json({"participant", "list"}) == people);
    }

    SECTION("--json says where the damaged file went") {
        const auto result = w.json({"restore", backup});
        CHECK(result["restored"] == backup);
        REQUIRE(result.contains("damaged_kept_as"));
        CHECK(bytes_of(result["damaged_kept_as"].get<std::string>()) == damaged);
    }

    SECTION("a damaged backup is refused and nothing moves") {
        const auto bad = w.dir / "bad-backup.db";
        fs::copy_file(backup, bad);
        damage(bad);
        const auto result = w.run({"restore", bad.string()});
        CHECK(result.status == 2);
        CHECK(result.err.find("nothing was changed") != std::string::npos);
        CHECK(bytes_of(w.db) == damaged);
        CHECK(named(w.dir, "mitra.db.damaged-").empty());
        CHECK(named(w.dir, "mitra.db.restoring").empty());
    }
}

TEST_CASE("restore over a sound database backs its content up first", "[cli][backup][sqlite]") {
    Workspace w;
    w.ok({"demo"});
    const auto backup = w.json({"backup"})["backup"].get<std::string>();
    w.ok({"participant", "add", "--ref", "LATE-1", "--name", "Nimal Silva", "--country", "LK", "--language", "si"});
    const auto result = w.json({"restore", backup});
    CHECK(result["restored"] == backup);
    CHECK_FALSE(result.contains("damaged_kept_as"));
    CHECK(named(w.dir, "mitra.db.damaged-").empty());
    CHECK(w.run({"participant", "show", "LATE-1"}).status != 0);
    const auto kept = w.json({"backup", "--list"});
    bool before_restore = false;
    for (const auto& b : kept)
        before_restore = before_restore || b.get<std::string>().find("before-restore") != std::string::npos;
    CHECK(before_restore);
}
