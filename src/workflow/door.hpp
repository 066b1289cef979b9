// Names checked at the door against what a certificate can print: every character must be drawn by a font
// Mitra ships, so no one is accepted whose certificate could not be made. core/names refuses what no name may
// hold (controls, emoji, unassigned code points); this refuses the rest no shipped font covers (a script such
// as Kawi that Debian's Noto fonts do not have yet).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/problem.hpp"
#include "io/participant_csv.hpp"
#include "pdf/font_stack.hpp"
#include "store/repos.hpp"

namespace mitra::workflow {

// The problem with `text` as field `field`, naming the first character no shipped font draws (never the text),
// or nothing when every character prints. `language` is the person's (it picks CJK and Urdu forms).
std::optional<Problem> unprintable(pdf::FontStack& fonts, const std::string& field, const std::string& text,
                                   const std::string& language);

// The same for a person's full and Latin names, as the CLI's options or an import's columns name them.
Problems unprintable_names(pdf::FontStack& fonts, const Participant& person, const std::string& full_name_field,
                           const std::string& latin_name_field);

// Throws InputError with unprintable_names()'s problems, if any: for a person typed in (CLI options, a dialog).
void refuse_unprintable(pdf::FontStack& fonts, const Participant& person, const std::string& full_name_field,
                        const std::string& latin_name_field);

// io::read_participant_csv_file, and every name in it checked against the fonts (file, line and column named):
// what `participant import` and the desktop program's imports read.
io::Result<std::vector<io::ParticipantRow>> read_participant_csv_file(pdf::FontStack& fonts, const std::string& path);

// The same checks on a file too large to hold as records (a million people), keeping no rows: `content` is the
// file's, `path` its name in the problems. `value` is how many rows there are. `participant import` checks the
// whole file so first, then reads it again a batch at a time (ParticipantCsvSource) into one write.
io::Result<std::size_t> check_participant_csv(pdf::FontStack& fonts, std::string_view content, const std::string& path);

// The people of a participant CSV that check_participant_csv found nothing wrong with, `batch` at a time, for
// ParticipantRepo::save_all. `content` and `path` must outlive it.
class ParticipantCsvSource : public store::ParticipantSource {
public:
    ParticipantCsvSource(std::string_view content, const std::string& path, std::size_t rows, std::size_t batch = 5000);
    std::size_t size() const override { return rows_; }
    void rewind() override { reader_.rewind(); }
    std::span<Participant> next() override;

private:
    io::ParticipantCsvReader reader_;
    std::size_t rows_, batch_;
    std::vector<Participant> people_;
};

}  // namespace mitra::workflow
