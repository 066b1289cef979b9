// Writing files so that a crash, a full disk or a killed process never leaves half of one under its name:
// the one writer every file Mitra makes goes through (certificates, print files, exports, keys, backups).
//
//   io::write_file_atomically("out/roster.pdf", bytes, io::Access::owner_only);
//
//   io::FileBatch batch("certs", io::Access::owner_only);   // many files, one flush of the disk per group
//   for (...) batch.add("certs/PSF-NP-2026-000001-K.pdf", render(...));
//   batch.flush();                                          // until then no file is under its name
//
// Each file is written under a temporary name beside its final one (".<name>.tmp-<pid>-XXXXXX"), flushed to
// disk, renamed, and the folder flushed. Temporaries that a killed run left behind are removed the first time
// a process writes into a folder. Files holding people's data are owner-only (0600); folders made for them
// are owner-only too (0700).
#pragma once
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/fault.hpp"

namespace mitra::io {

// A file or folder the system would not read or write (a full disk, a read-only folder, a file already there):
// `fault` is its kind and path for the front ends to word (io::fault_phrase); what() is the English of it.
struct FileError : std::runtime_error {
    explicit FileError(Fault fault) : std::runtime_error(fault.message), fault(std::move(fault)) {}
    Fault fault;
};

// The kind of a system error (errno) on `path`: `what` begins the English message ("cannot write"), `writing` tells
// a refused write from a refused read.
Fault file_fault(const std::string& what, const std::filesystem::path& path, int error, bool writing);

enum class Access {
    everyone,    // as readable as any file the user creates (0666 less the umask)
    owner_only,  // 0600: anything naming a person
};

// Creates `folder` and its missing parents; those it makes are owner-only (0700), existing ones are left as
// they are. Throws FileError naming the folder.
void create_private_folders(const std::filesystem::path& folder);

// Writes to a temporary file in the same folder, flushes it to disk and renames it over `path`, so a crash
// leaves the old file or the new one, never half of one. Throws std::runtime_error naming the file (the old
// file is then left as it was).
void write_file_atomically(const std::filesystem::path& path, std::string_view content, Access access);
void write_file_atomically(const std::filesystem::path& path, std::string_view content, bool owner_only = false);

// A file being written under a temporary name beside `target`; removed unless published. For writers that
// need a path to write to (a library writing a workbook, SQLite's backup): write through path(), then publish().
class TemporaryFile {
public:
    TemporaryFile(std::filesystem::path target, Access access);
    ~TemporaryFile();
    TemporaryFile(TemporaryFile&& other) noexcept;
    TemporaryFile& operator=(TemporaryFile&&) = delete;
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const std::filesystem::path& path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }
    // Appends bytes through the descriptor the temporary was made with; throws naming the target.
    void write(std::string_view bytes);
    // Closes the descriptor (when a library writes the file by its path instead).
    void close();
    // Flushes the file to disk and renames it to its target (not the folder: publish_folder() does).
    void publish(bool flush = true);
    void discard() noexcept;

private:
    std::filesystem::path target_, temp_;
    int fd_ = -1;
    bool done_ = false;
};

// Many files in one folder, put on disk a group at a time: each is written under a temporary name at once
// and given its name only when its group has been flushed (one flush of the file system per group instead of
// one per file). A batch cut short, even by a power cut, leaves each file whole or not there. Files not yet
// flushed when the batch is destroyed are removed.
class FileBatch {
public:
    static constexpr std::size_t kGroup = 64;
    FileBatch(std::filesystem::path folder, Access access);
    ~FileBatch();
    FileBatch(const FileBatch&) = delete;
    FileBatch& operator=(const FileBatch&) = delete;

    // Writes `bytes` for `target` (a file in the batch's folder); flushes when a group is full.
    void add(const std::filesystem::path& target, std::string_view bytes);
    // Puts every pending file on disk, then gives each its name, then flushes the folder.
    void flush();
    // Every file this batch has given its name, in order.
    const std::vector<std::filesystem::path>& published() const { return published_; }

private:
    std::filesystem::path folder_;
    Access access_;
    std::vector<TemporaryFile> pending_;
    std::vector<std::filesystem::path> published_;
};

// Flushes a folder's entries (the renames made in it) to disk; false when it cannot be opened or flushed.
bool sync_folder(const std::filesystem::path& folder);

}  // namespace mitra::io
