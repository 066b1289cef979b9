// Names checked at the door against the fonts Mitra ships.
#include "workflow/door.hpp"

#include <cstdio>

#include "pdf/shaping.hpp"
#include "store/rows.hpp"

namespace mitra::workflow {

std::optional<Problem> unprintable(pdf::FontStack& fonts, const std::string& field, const std::string& text,
                                   const std::string& language) {
    if (text.empty()) return std::nullopt;
    try {
        // Certificates set names in both roles (templates choose); each must have every glyph.
        for (const char* role : {"serif", "sans"}) (void)pdf::shape_line(fonts, text, {role, false, 12, language});
    } catch (const pdf::MissingFontError& e) {
        char cp[16];
        std::snprintf(cp, sizeof cp, "U+%04X", static_cast<unsigned>(e.codepoint()));
        return store::coded(field, ProblemCode::unprintable_character, {cp, e.script()});
    }
    return std::nullopt;
}

Problems unprintable_names(pdf::FontStack& fonts, const Participant& person, const std::string& full_name_field,
                           const std::string& latin_name_field) {
    Problems out;
    if (auto p = unprintable(fonts, full_name_field, person.full_name, person.language)) out.push_back(*p);
    if (auto p = unprintable(fonts, latin_name_field, person.latin_name, "en")) out.push_back(*p);
    return out;
}

void refuse_unprintable(pdf::FontStack& fonts, const Participant& person, const std::string& full_name_field,
                        const std::string& latin_name_field) {
    if (auto problems = unprintable_names(fonts, person, full_name_field, latin_name_field); !problems.empty())
        throw InputError{problems};
}

io::Result<std::vector<io::ParticipantRow>> read_participant_csv_file(pdf::FontStack& fonts, const std::string& path) {
    auto read = io::read_participant_csv_file(path);
    if (!read.ok()) return read;
    for (const auto& row : read.value)
        for (auto problem : unprintable_names(fonts, row.participant, "full_name", "latin_name")) {
            problem.file = path;
            problem.line = row.line;
            read.problems.push_back(std::move(problem));
        }
    if (!read.ok()) read.value.clear();
    return read;
}

io::Result<std::size_t> check_participant_csv(pdf::FontStack& fonts, std::string_view content,
                                              const std::string& path) {
    return io::check_participant_csv(content, path, [&](const io::ParticipantRow& row, Problems& problems) {
        for (auto problem : unprintable_names(fonts, row.participant, "full_name", "latin_name")) {
            problem.file = path;
            problem.line = row.line;
            problems.push_back(std::move(problem));
        }
    });
}

ParticipantCsvSource::ParticipantCsvSource(std::string_view content, const std::string& path, std::size_t rows,
                                           std::size_t batch)
    : reader_(content, path), rows_(rows), batch_(batch) {
    people_.reserve(batch_);
}

std::span<Participant> ParticipantCsvSource::next() {
    people_.clear();
    io::ParticipantRow row;
    Problems problems;  // none: the file was checked whole
    while (people_.size() < batch_ && reader_.next(row, problems)) people_.push_back(std::move(row.participant));
    return people_;
}

}  // namespace mitra::workflow
