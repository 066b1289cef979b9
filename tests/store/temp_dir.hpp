// Store test helpers: a fresh temp dir per test, and the shipped curriculum read from its file.
#pragma once
#include <filesystem>
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
    std::filesystem::path path;
};

// curricula/peer-support-foundations.toml, read by the io layer (REQUIREs that it reads cleanly).
Curriculum shipped_curriculum();

inline const std::string kSriyani = "\u0DC1\u0DCA\u200D\u0DBB\u0DD2\u0DBA\u0DCF\u0DB1\u0DD2";  // ශ්‍රියානි, with its ZWJ
inline const std::string kBobby = "Robert'); DROP TABLE participants;--";

}  // namespace mitra::store_test
