// Store test helpers: a fresh temp dir per test, and the shipped curriculum read from its file.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/model.hpp"

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

inline const std::string kSriyani =
    "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2";  // ශ්‍රියානි, with its ZWJ
inline const std::string kBobby = "Robert'); DROP TABLE participants;--";

}  // namespace mitra::store_test
