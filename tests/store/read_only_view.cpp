// A folder seen read-only: a read-only bind mount as root, the write permission taken away otherwise.
#include "read_only_view.hpp"

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace mitra::store_test {

namespace fs = std::filesystem;

namespace {

// Once per process: a mount namespace of its own whose mounts do not reach the rest of the machine.
bool private_mounts() {
    static const bool made =
        ::unshare(CLONE_NEWNS) == 0 && ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
    return made;
}

}  // namespace

ReadOnlyView::ReadOnlyView(const fs::path& folder) : folder_(folder) {
    if (::geteuid() == 0) {
        const fs::path view = folder.string() + "-read-only";
        fs::create_directory(view);
        if (private_mounts() && ::mount(folder.c_str(), view.c_str(), nullptr, MS_BIND, nullptr) == 0) {
            mounted_ = true;
            if (::mount(nullptr, view.c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) == 0) {
                path = view;
                how = "a read-only bind mount";
            }
        }
        return;
    }
    for (const auto& entry : fs::directory_iterator(folder))
        fs::permissions(entry.path(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                        fs::perm_options::remove);
    fs::permissions(folder, fs::perms::owner_write, fs::perm_options::remove);
    path = folder;
    how = "files and folder without write permission";
}

ReadOnlyView::~ReadOnlyView() {
    std::error_code ec;
    if (mounted_) {
        ::umount2(path.empty() ? (folder_.string() + "-read-only").c_str() : path.c_str(), MNT_DETACH);
    }
    if (::geteuid() == 0) {
        fs::remove(folder_.string() + "-read-only", ec);
        return;
    }
    fs::permissions(folder_, fs::perms::owner_write, fs::perm_options::add, ec);
    for (const auto& entry : fs::directory_iterator(folder_, ec))
        fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add, ec);
}

}  // namespace mitra::store_test
