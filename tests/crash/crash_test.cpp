// Killing Mitra anywhere loses nothing: imports and pack merges killed with SIGKILL at seeded random moments
// keep all of their change or none of it, and running them again finishes the job without duplicates. A full
// disk or a read-only file fails with a clear message and loses nothing.
#include <catch2/catch.hpp>
#include <sys/mount.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>

#include "harness.hpp"

using namespace mitra::crash;
namespace fs = std::filesystem;

namespace {

const char* kNames[] = {"山田 花子",
                        "김민준",
                        "สมชาย ใจดี",
                        "प्रिया शर्मा",
                        "ශ්‍රියානි",
                        "عائشہ خان",
                        "Nguyễn Thị Minh Khai",
                        "Sukarno",
                        "陳志明",
                        "Robert'); DROP TABLE participants;--"};
const char* kCountries[] = {"JP", "KR", "TH", "IN", "LK", "PK", "VN", "ID", "HK", "PH"};
const char* kLanguages[] = {"ja", "ko", "th", "hi", "si", "ur", "vi", "id", "zh-Hant", "en"};

// Ten names over and over: the imports say --allow-lookalike, as a coordinator would for namesakes.
std::string people_csv(const fs::path& dir, int people) {
    const auto file = (dir / "people.csv").string();
    std::ofstream out(file);
    out << "ref,full_name,latin_name,country,language,email\n";
    for (int i = 0; i < people; ++i)
        out << "P-" << i << ",\"" << kNames[i % 10] << "\",," << kCountries[i % 10] << ',' << kLanguages[i % 10]
            << ",\n";
    return file;
}

// A database with the curriculum, a cohort and, when asked, its people enrolled and sessions planned.
std::string base_database(const fs::path& dir, int enrolled) {
    const auto db = (dir / "base.db").string();
    REQUIRE(run_cli({"--db", db, "init"}).exit_status == 0);
    REQUIRE(run_cli({"--db", db, "cohort", "create", "--code", "C1", "--curriculum", "PSF", "--site", "Patan",
                     "--country", "NP", "--language", "ne", "--start", "2026-01-05"})
                .exit_status == 0);
    if (enrolled > 0) {
        REQUIRE(run_cli({"--db", db, "participant", "import", "--allow-lookalike", people_csv(dir, enrolled)})
                    .exit_status == 0);
        std::vector<std::string> args{"--db", db, "cohort", "enrol", "C1", "--on", "2026-01-01"};
        for (int i = 0; i < enrolled; ++i) args.push_back("P-" + std::to_string(i));
        REQUIRE(run_cli(args).exit_status == 0);
        REQUIRE(run_cli({"--db", db, "session", "schedule", "C1"}).exit_status == 0);
    }
    return db;
}

std::string fresh_copy(const std::string& base, const fs::path& dir, int n) {
    const auto copy = (dir / ("run-" + std::to_string(n) + ".db")).string();
    fs::copy_file(base, copy, fs::copy_options::overwrite_existing);
    return copy;
}

int milliseconds_of(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace

TEST_CASE("a participant import killed anywhere keeps all of it or none, and a rerun completes it", "[crash][import]") {
    TempDir dir;
    constexpr int people = 3000;
    const auto base = base_database(dir.path, 0);
    const auto csv = people_csv(dir.path, people);
    const auto timing_db = fresh_copy(base, dir.path, 999);
    const int full_ms = milliseconds_of([&] {
        REQUIRE(run_cli({"--db", timing_db, "participant", "import", "--allow-lookalike", csv}).exit_status == 0);
    });

    std::mt19937 seeded(20261125);  // repeatable kill points
    std::uniform_int_distribution<int> moment(0, full_ms + full_ms / 5);
    int killed_mid_way = 0;
    for (int attempt = 0; attempt < 12; ++attempt) {
        const auto db = fresh_copy(base, dir.path, attempt);
        const int at = moment(seeded);
        INFO("killed after " << at << " ms of " << full_ms);
        const auto outcome = run_cli({"--db", db, "participant", "import", "--allow-lookalike", csv}, at);
        killed_mid_way += outcome.killed;
        CHECK(integrity(db) == "ok");
        const auto stored = count(db, "SELECT COUNT(*) FROM participants");
        CHECK((stored == 0 || stored == people));

        const auto rerun = run_cli({"--db", db, "participant", "import", "--allow-lookalike", csv});
        CHECK(rerun.exit_status == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM participants") == people);
        CHECK(count(db, "SELECT COUNT(DISTINCT ref) FROM participants") == people);
    }
    CHECK(killed_mid_way > 0);
}

TEST_CASE("an attendance import killed anywhere keeps all of its marks or none", "[crash][attendance]") {
    TempDir dir;
    constexpr int people = 40;
    const auto base = base_database(dir.path, people);
    const auto sessions = count(base, "SELECT COUNT(*) FROM sessions");
    REQUIRE(sessions == 30);
    const auto csv = (dir.path / "marks.csv").string();
    {
        std::ofstream out(csv);
        out << "session,ref,status,minutes\n";
        for (int s = 1; s <= sessions; ++s)
            for (int p = 0; p < people; ++p)
                out << s << ",P-" << p << ',' << (p % 7 == 0 ? "late,100" : "present,") << '\n';
    }
    const long long marks = sessions * people;
    const auto timing_db = fresh_copy(base, dir.path, 999);
    const int full_ms = milliseconds_of([&] {
        REQUIRE(run_cli({"--db", timing_db, "attendance", "import", "C1", csv}).exit_status == 0);
    });

    std::mt19937 seeded(7);
    std::uniform_int_distribution<int> moment(0, full_ms + full_ms / 5);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const auto db = fresh_copy(base, dir.path, attempt);
        const int at = moment(seeded);
        INFO("killed after " << at << " ms of " << full_ms);
        run_cli({"--db", db, "attendance", "import", "C1", csv}, at);
        CHECK(integrity(db) == "ok");
        const auto stored = count(db, "SELECT COUNT(*) FROM attendance");
        CHECK((stored == 0 || stored == marks));
        // the audit history moves with the marks, never apart from them
        CHECK(count(db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance'") == stored);

        CHECK(run_cli({"--db", db, "attendance", "import", "C1", csv}).exit_status == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM attendance") == marks);
        CHECK(count(db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance'") == marks);
    }
}

namespace {

// The hub's state as a merge leaves it: what it merged, without the moment it did so (audit times).
std::string merged_state(const std::string& db) {
    return rows(db, "SELECT uuid, ref, full_name, country, language, updated_at FROM participants ORDER BY uuid") +
           rows(db,
                "SELECT uuid, cohort_uuid, participant_uuid, enrolled_on, updated_at FROM enrolments ORDER BY uuid") +
           rows(db, "SELECT uuid, module_code, session_date, minutes, updated_at FROM sessions ORDER BY uuid") +
           rows(db,
                "SELECT uuid, session_uuid, participant_uuid, status, minutes, note, updated_at, updated_by FROM "
                "attendance ORDER BY uuid") +
           rows(db,
                "SELECT pack_uuid, entity, uuid, pack_updated_at, hub_updated_at FROM pack_seen ORDER BY entity, "
                "uuid") +
           rows(db, "SELECT pack_uuid, cohort_uuid, summary FROM pack_merges ORDER BY pack_uuid") +
           rows(db,
                "SELECT entity, entity_uuid, action, old_value, new_value FROM audit_log ORDER BY entity, "
                "entity_uuid, action, new_value");
}

}  // namespace

TEST_CASE(
    "a pack merge killed anywhere leaves the hub with none of the pack's work or all of it, and a rerun "
    "ends where an uninterrupted merge does",
    "[crash][pack]") {
    TempDir dir;
    constexpr int people = 40;
    const auto hub = base_database(dir.path, people);
    const auto sessions = count(hub, "SELECT COUNT(*) FROM sessions");
    REQUIRE(sessions == 30);

    // In the field: a new person enrolled, and every session marked for everyone.
    const auto pack = (dir.path / "c1.pack").string();
    REQUIRE(run_cli({"--db", hub, "pack", "export", "C1", "--out", pack}).exit_status == 0);
    REQUIRE(run_cli({"--db", pack, "participant", "add", "--allow-lookalike", "--ref", "P-FIELD", "--name",
                     "ශ්‍රියානි", "--country", "LK", "--language", "si"})
                .exit_status == 0);
    REQUIRE(run_cli({"--db", pack, "cohort", "enrol", "C1", "P-FIELD", "--on", "2026-01-01"}).exit_status == 0);
    const auto csv = (dir.path / "marks.csv").string();
    {
        std::ofstream out(csv);
        out << "session,ref,status,minutes\n";
        for (int s = 1; s <= sessions; ++s)
            for (int p = 0; p < people; ++p)
                out << s << ",P-" << p << ',' << (p % 5 == 0 ? "late,100" : "present,") << '\n';
    }
    REQUIRE(run_cli({"--db", pack, "attendance", "import", "C1", csv}).exit_status == 0);
    const long long marks = sessions * people;
    const auto pack_before = rows(pack, "SELECT entity, uuid, updated_at FROM pack_base ORDER BY entity, uuid") +
                             rows(pack, "SELECT uuid, status, updated_at FROM attendance ORDER BY uuid");

    // What an uninterrupted merge leaves, and how long it takes.
    const auto whole = fresh_copy(hub, dir.path, 999);
    const int full_ms = milliseconds_of([&] {
        REQUIRE(run_cli({"--db", whole, "pack", "merge", pack}).exit_status == 0);
    });
    REQUIRE(count(whole, "SELECT COUNT(*) FROM attendance") == marks);
    REQUIRE(count(whole, "SELECT COUNT(*) FROM participants") == people + 1);
    const auto expected = merged_state(whole);
    const auto audit_after = count(whole, "SELECT COUNT(*) FROM audit_log");
    const auto audit_before = count(hub, "SELECT COUNT(*) FROM audit_log");
    REQUIRE(audit_after > audit_before);

    std::mt19937 seeded(6);  // repeatable kill points
    std::uniform_int_distribution<int> moment(0, full_ms + full_ms / 5);
    int killed = 0, before = 0, after = 0;
    // A killed merge leaves its private copy of the pack (people's names) in the temporary folder: here, this
    // test's own, to check that what is left is readable by its owner only.
    const fs::path scratch = dir.path / "tmp";
    fs::create_directories(scratch);
    const char* tmpdir = std::getenv("TMPDIR");
    const std::string previous_tmpdir = tmpdir ? tmpdir : "";
    ::setenv("TMPDIR", scratch.c_str(), 1);
    for (int attempt = 0; attempt < 24; ++attempt) {
        const auto db = fresh_copy(hub, dir.path, attempt);
        const int at = moment(seeded);
        INFO("attempt " << attempt << ": killed after " << at << " ms of " << full_ms);
        const auto outcome = run_cli({"--db", db, "pack", "merge", pack}, at);
        killed += outcome.killed;
        if (!outcome.killed) CHECK(outcome.exit_status == 0);

        // The hub opens, is whole, and holds none of the pack's work or all of it.
        CHECK(integrity(db) == "ok");
        const auto stored = count(db, "SELECT COUNT(*) FROM attendance");
        const auto stored_people = count(db, "SELECT COUNT(*) FROM participants");
        const auto merges = count(db, "SELECT COUNT(*) FROM pack_merges");
        const auto audit = count(db, "SELECT COUNT(*) FROM audit_log");
        const bool none = stored == 0 && stored_people == people && merges == 0 && audit == audit_before;
        const bool all = stored == marks && stored_people == people + 1 && merges == 1 && audit == audit_after;
        CHECK((none || all));
        before += none;
        after += all;
        if (all) CHECK(merged_state(db) == expected);
        CHECK(run_cli({"--db", db, "participant", "list"}).exit_status == 0);  // Mitra itself opens it

        // Merging again finishes the job, and ends exactly where one uninterrupted merge does.
        CHECK(run_cli({"--db", db, "pack", "merge", pack}).exit_status == 0);
        CHECK(merged_state(db) == expected);
        CHECK(count(db, "SELECT COUNT(*) FROM attendance") == marks);
        CHECK(count(db, "SELECT COUNT(*) FROM pack_merges") == 1);
        fs::remove(db);
    }
    if (previous_tmpdir.empty()) ::unsetenv("TMPDIR");
    else ::setenv("TMPDIR", previous_tmpdir.c_str(), 1);
    int left = 0;
    for (const auto& entry : fs::directory_iterator(scratch)) {
        ++left;
        INFO(entry.path().string());
        CHECK((fs::status(entry.path()).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
              fs::perms::none);
    }
    INFO(left << " copies left by killed merges");
    // The merge never wrote to the pack, killed or not.
    CHECK(rows(pack, "SELECT entity, uuid, updated_at FROM pack_base ORDER BY entity, uuid") +
              rows(pack, "SELECT uuid, status, updated_at FROM attendance ORDER BY uuid") ==
          pack_before);
    INFO(killed << " killed, " << before << " left before, " << after << " after");
    CHECK(killed > 0);
    CHECK(before > 0);  // some kills landed before the commit...
}

TEST_CASE("a disk that fills up mid-import fails clearly and loses nothing", "[crash][disk]") {
    TempDir dir;
    const auto base = base_database(dir.path, 0);
    const auto csv = people_csv(dir.path, 3000);
    const auto db = fresh_copy(base, dir.path, 0);
    REQUIRE(run_cli({"--db", db, "participant", "add", "--ref", "KEEP", "--name", "ශ්‍රියානි",
                     "--country", "LK", "--language", "si"})
                .exit_status == 0);
    const long before = static_cast<long>(fs::file_size(db));

    // Files may not grow past what they are now, plus a little: the import's writes run out of room.
    const auto outcome =
        run_cli({"--db", db, "participant", "import", "--allow-lookalike", csv}, -1, before + 16 * 1024);
    CHECK(outcome.exit_status != 0);
    CHECK_FALSE(outcome.killed);
    INFO(outcome.err);
    CHECK(outcome.err.find("nothing was changed") != std::string::npos);
    CHECK(integrity(db) == "ok");
    CHECK(count(db, "SELECT COUNT(*) FROM participants") == 1);
    // With room again, the same import goes through.
    CHECK(run_cli({"--db", db, "participant", "import", "--allow-lookalike", csv}).exit_status == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM participants") == 3001);
}

TEST_CASE("a small tmpfs that fills up, and a read-only one, fail clearly and lose nothing", "[crash][disk]") {
    if (::geteuid() != 0) {
        WARN("mounting a tmpfs needs root; the file-size-limit test covers a full disk here");
        return;
    }
    TempDir dir;
    const auto base = base_database(dir.path, 0);
    const auto csv = people_csv(dir.path, 3000);
    const fs::path mount_point = dir.path / "small";
    fs::create_directories(mount_point);
    const std::string size = "size=" + std::to_string(fs::file_size(base) + 48 * 1024);
    REQUIRE(::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, size.c_str()) == 0);
    struct Unmount {
        fs::path at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{mount_point};
    const auto db = (mount_point / "mitra.db").string();
    fs::copy_file(base, db);

    auto full = run_cli({"--db", db, "participant", "import", "--allow-lookalike", csv});
    CHECK(full.exit_status != 0);
    INFO(full.err);
    CHECK(full.err.find("nothing was changed") != std::string::npos);
    CHECK(integrity(db) == "ok");
    CHECK(count(db, "SELECT COUNT(*) FROM participants") == 0);

    REQUIRE(::mount("tmpfs", mount_point.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, size.c_str()) == 0);
    auto read_only = run_cli(
        {"--db", db, "participant", "add", "--ref", "X", "--name", "Sukarno", "--country", "ID", "--language", "id"});
    CHECK(read_only.exit_status != 0);
    INFO(read_only.err);
    CHECK(read_only.err.find("mitra-cli: ") == 0);
    CHECK(read_only.err.find("terminate") == std::string::npos);  // a message, never a crash
    CHECK(count(db, "SELECT COUNT(*) FROM participants") == 0);
}
