// The one durable writer: temporary name, flush, rename, folder flush, owner-only modes, stale temporaries swept.
#include "io/durable.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <stdexcept>
#include <system_error>

namespace mitra::io {
namespace fs = std::filesystem;
namespace {

// Temporaries are named ".<final name>.tmp-<pid>-XXXXXX", so a run killed mid-write can be told from a live one.
constexpr std::string_view kTempMark = ".tmp-";

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
    throw FileError(file_fault(what, path, error, true));
}

fs::path folder_of(const fs::path& path) { return path.has_parent_path() ? path.parent_path() : fs::path("."); }

// Whether `entry` is a temporary of ours that no running process will rename: its writer is gone, or (a name
// without a process id) it is older than any write takes.
bool is_stale_temporary(const fs::directory_entry& entry) {
    const std::string name = entry.path().filename().string();
    const auto mark = name.rfind(kTempMark);
    std::error_code ec;
    if (name.size() < 2 || name[0] != '.' || mark == std::string::npos || !entry.is_regular_file(ec)) return false;
    const std::string rest = name.substr(mark + kTempMark.size());  // "<pid>-XXXXXX" or "XXXXXX"
    const auto dash = rest.find('-');
    if (dash != std::string::npos && dash > 0 && rest.find_first_not_of("0123456789") == dash) {
        const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
        if (pid == static_cast<long>(::getpid())) return false;
        return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    }
    const auto written = entry.last_write_time(ec);
    return !ec && fs::file_time_type::clock::now() - written > std::chrono::hours(1);
}

// Once per folder and process, before the first write there: removes what killed runs left behind.
void sweep_stale_temporaries(const fs::path& dir) {
    static std::mutex mutex;
    static std::set<std::string> swept;
    std::error_code ec;
    const fs::path key = fs::weakly_canonical(dir, ec);
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!swept.insert((ec ? dir : key).string()).second) return;
    }
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::error_code ignored;
        if (is_stale_temporary(entry)) fs::remove(entry.path(), ignored);
    }
}

// Returns 0, or the errno of the failed write.
int write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const auto written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return 0;
}

bool sync_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    return synced;
}

}  // namespace

Fault file_fault(const std::string& what, const fs::path& path, int error, bool writing) {
    Fault fault{FaultCode::file_failed, {path.string()}, what + " '" + path.string() + "': " + std::strerror(error)};
    switch (error) {
        case ENOSPC:
        case EDQUOT: fault.code = FaultCode::disk_full; break;
        case EROFS: fault.code = FaultCode::file_read_only_disk; break;
        case EACCES:
        case EPERM: fault.code = writing ? FaultCode::file_write_denied : FaultCode::file_read_denied; break;
        case EEXIST: fault.code = FaultCode::file_exists; break;
        case ENOENT: fault.code = FaultCode::file_missing; break;
        case EISDIR: fault.code = FaultCode::file_is_folder; break;
        default: break;
    }
    return fault;
}

bool sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

void create_private_folders(const fs::path& folder) {
    if (folder.empty()) return;
    std::error_code ec;
    if (fs::is_directory(folder, ec)) return;
    create_private_folders(folder.parent_path() == folder ? fs::path() : folder.parent_path());
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) fail("cannot make the folder", folder, errno);
    if (!fs::is_directory(folder, ec))
        throw FileError(Fault{FaultCode::file_failed, {folder.string()}, "'" + folder.string() + "' is not a folder"});
}

// ---- TemporaryFile ---------------------------------------------------------------------------------------

TemporaryFile::TemporaryFile(fs::path target, Access access) : target_(std::move(target)) {
    const fs::path dir = folder_of(target_);
    sweep_stale_temporaries(dir);
    std::string pattern =
        (dir / ("." + target_.filename().string() + std::string(kTempMark) + std::to_string(::getpid()) + "-XXXXXX"))
            .string();
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);  // made 0600
    if (fd_ < 0) fail("cannot create a file in " + dir.string() + " for", target_, errno);
    temp_ = pattern;
    if (access == Access::everyone) {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd_, 0666 & ~mask);
    }
}

TemporaryFile::TemporaryFile(TemporaryFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), fd_(other.fd_), done_(other.done_) {
    other.fd_ = -1;
    other.done_ = true;
}

TemporaryFile::~TemporaryFile() { discard(); }

void TemporaryFile::write(std::string_view bytes) {
    if (fd_ < 0) throw std::logic_error("TemporaryFile::write after close");
    if (const int error = write_all(fd_, bytes)) {
        discard();
        fail("cannot write", target_, error);
    }
}

void TemporaryFile::close() {
    if (fd_ < 0) return;
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        const int error = errno;
        discard();
        fail("cannot write", target_, error);
    }
}

void TemporaryFile::publish(bool flush) {
    if (done_) throw std::logic_error("TemporaryFile::publish twice");
    if (flush && fd_ >= 0 && ::fsync(fd_) != 0) {
        const int error = errno;
        discard();
        fail("cannot flush to disk", target_, error);
    }
    close();
    if (flush && !sync_file(temp_)) {  // written by a library through path()
        const int error = errno;
        discard();
        fail("cannot flush to disk", target_, error);
    }
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
        const int error = errno;
        discard();
        fail("cannot write", target_, error);
    }
    done_ = true;
}

void TemporaryFile::discard() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!done_ && !temp_.empty()) ::unlink(temp_.c_str());
    done_ = true;
}

// ---- whole files -----------------------------------------------------------------------------------------

void write_file_atomically(const fs::path& path, std::string_view content, Access access) {
    TemporaryFile file(path, access);
    file.write(content);
    file.publish();
    sync_folder(folder_of(path));  // the rename itself; a failure here is not worth failing the write for
}

void write_file_atomically(const fs::path& path, std::string_view content, bool owner_only) {
    write_file_atomically(path, content, owner_only ? Access::owner_only : Access::everyone);
}

// ---- FileBatch -------------------------------------------------------------------------------------------

FileBatch::FileBatch(fs::path folder, Access access) : folder_(std::move(folder)), access_(access) {
    pending_.reserve(kGroup);
}

FileBatch::~FileBatch() = default;  // pending temporaries remove themselves

void FileBatch::add(const fs::path& target, std::string_view bytes) {
    TemporaryFile file(target, access_);
    file.write(bytes);
    file.close();
    pending_.push_back(std::move(file));
    if (pending_.size() >= kGroup) flush();
}

void FileBatch::flush() {
    if (pending_.empty()) return;
    struct Folder {
        int fd;
        ~Folder() {
            if (fd >= 0) ::close(fd);
        }
    } dir{::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    // syncfs() flushes everything written to the folder's file system, the group included. Where it fails
    // (it also reports an earlier write error of another program there), each file is flushed on its own.
    bool synced = dir.fd >= 0 && ::syncfs(dir.fd) == 0;
    if (!synced) {
        synced = true;
        for (const auto& file : pending_) synced = synced && sync_file(file.path());
    }
    if (!synced)
        throw FileError(Fault{FaultCode::file_failed,
                              {folder_.string()},
                              "cannot flush the files written in " + folder_.string() + " to disk"});
    for (auto& file : pending_) {
        file.publish(false);
        published_.push_back(file.target());
    }
    pending_.clear();
    if (dir.fd >= 0) ::fsync(dir.fd);
}

}  // namespace mitra::io
