// Reading participants from a CSV file, all or nothing.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "io/columns.hpp"
#include "io/csv.hpp"
#include "io/result.hpp"

namespace mitra::io {

struct ParticipantRow {
    int line = 0;  // where the row starts in the file
    Participant participant;
};

// Columns ref, full_name, latin_name, country, language, email (all required, in any order) and
// optionally phone, consent_date (YYYY-MM-DD). Names are kept exactly as written; only the codes
// (ref, country, language) lose surrounding spaces. Every bad field of every row is reported,
// with a duplicate ref; when there is any problem, `value` is empty.
Result<std::vector<ParticipantRow>> read_participant_csv(std::string_view content, const std::string& file_name);
Result<std::vector<ParticipantRow>> read_participant_csv_file(const std::filesystem::path& path);

// The rows of a participant CSV one at a time, for a file too large to hold as records (a million people):
// read_participant_csv's checks on each row as it comes, but not the duplicate refs (check_participant_csv
// finds those). `content` and `file_name` must outlive the reader.
class ParticipantCsvReader {
public:
    ParticipantCsvReader(std::string_view content, const std::string& file_name);
    // The file's, the header's and the columns' problems. With a required column missing, next() reads nothing.
    const Problems& problems() const { return problems_; }
    // The next row with something in it, and its problems; row.participant is built as far as the row allows.
    bool next(ParticipantRow& row, Problems& row_problems);
    void rewind() { csv_.rewind(); }
    int column(const std::string& name) const;  // where the header has that column (1-based), 0 when it has not

private:
    const std::string& file_name_;
    CsvReader csv_;
    Problems problems_;
    std::optional<ColumnMap> columns_;
    CsvRow csv_row_;
};

// Every row of a participant CSV checked as read_participant_csv does, duplicate refs included, keeping none of
// them: `value` is how many rows there are. `check` may add a row's own further problems (the fonts'); they are
// reported only when the file has no other problem, as they would be after read_participant_csv. At most
// CsvLimits::max_problems problems are kept, then a count of the rest. Memory: 16 bytes a row beyond `content`.
Result<std::size_t> check_participant_csv(std::string_view content, const std::string& file_name,
                                          const std::function<void(const ParticipantRow&, Problems&)>& check = {});

}  // namespace mitra::io
