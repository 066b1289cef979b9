// Reading participants from a CSV file, all or nothing.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
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

}  // namespace mitra::io
