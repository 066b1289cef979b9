// A folder seen read-only, as a read-only disk or a folder the user may not write to presents a database file.
#pragma once
#include <filesystem>
#include <string>

namespace mitra::store_test {

// Shows `folder` read-only for as long as it lives. As root (whom file modes do not stop) it is a read-only
// bind mount of the folder, in a mount namespace of the test process's own so nothing outlives it; otherwise
// the folder and its files lose their write permission, and get it back afterwards. `path` is where to open
// the files read-only; `how` says which was used; `path` is empty when neither could be made (say, root
// without the right to mount).
class ReadOnlyView {
public:
    explicit ReadOnlyView(const std::filesystem::path& folder);
    ~ReadOnlyView();
    ReadOnlyView(const ReadOnlyView&) = delete;
    ReadOnlyView& operator=(const ReadOnlyView&) = delete;

    std::filesystem::path path;
    std::string how;

private:
    std::filesystem::path folder_;
    bool mounted_ = false;
};

}  // namespace mitra::store_test
