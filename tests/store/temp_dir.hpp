// Store test helpers: a fresh temp dir per test, and the shipped curriculum read from its file.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/model.hpp"

namespace mitra::store {
class Database;
}

namespace mitra::store_test {

// A directory made with mkdtemp and removed, with everything in it, afterwards.
struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path / name).string(); }
    // A database to open by this name: the file `name` here, or in the PostgreSQL run a fresh schema on the
    // test server (the same one for the same name), dropped afterwards.
    std::string db(const std::string& name);
    std::filesystem::path path;

private:
    std::map<std::string, std::shared_ptr<void>> schemas_;
    std::map<std::string, std::string> urls_;
};

// curricula/peer-support-foundations.toml, read by the io layer (REQUIREs that it reads cleanly).
Curriculum shipped_curriculum();

// What the shipped curriculum (PSF 2026.2) asks of everyone beside its modules: the supervisory agreement and the
// attestation of lived experience, signed on `on`. Fixtures whose people complete by overrides need only these.
void sign_attestations(store::Database& db, const std::string& ref, const Date& on);
// Everything PSF 2026.2 asks beside attendance, assessments and practicum lines, for `ref` in `cohort` on `on`:
// M10's supervision (20 hours one-to-one, 20 in groups) with a supervisor whose credential covers the day (added
// when missing), M04's and M06's observed practice met and released, and sign_attestations.
void record_practice(store::Database& db, const std::string& cohort, const std::string& ref, const Date& on);

inline const std::string kSriyani =
    "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2";  // ශ්‍රියානි, with its ZWJ
inline const std::string kBobby = "Robert'); DROP TABLE participants;--";

}  // namespace mitra::store_test
