// A person's progress letter as content: what they have done, what remains (as shortfalls, for each front end to
// word), their supervised practice so far and their deadline, gathered from their completion in their own view.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/completion.hpp"

namespace mitra {

// Who the letter is for and who it comes from, as the records hold them.
struct LetterAddress {
    std::string ref;
    std::string full_name;  // as stored, in the person's own script
    std::string language;   // BCP 47: the person's, else the cohort's
    std::string cohort_code;
    std::string curriculum_title;  // in `language`
    std::string contact;           // the cohort's lead trainer's name; empty when none
    Date written_on;
};

struct LetterModule {
    std::string code, title;
};

// One thing still to do; `module_code` is empty for what the programme asks beside its modules.
struct LetterStep {
    std::string module_code, module_title;
    Shortfall shortfall;
};

struct ProgressLetter {
    LetterAddress address;
    bool complete = false;
    std::vector<LetterModule> done;  // modules complete, in the curriculum's order
    std::vector<LetterStep> remaining;
    bool asked_to_repeat = false;  // an observed practice to show again (a released result below the level)
    int one_to_one_minutes = 0, group_minutes = 0, supervised_minutes = 0;  // counted so far, every module
    std::optional<Deadline> deadline;
    bool deadline_passed = false;
};

// The letter of `completion`, which should be judged in the person's view (CompletionContext::person_view). A
// result not yet released to the person is never shown, whichever view it comes from: its module says "the result
// of your observed practice on DAY is still to come" instead of the levels. The deadline is said apart from what
// remains (never as a shortfall of its own).
ProgressLetter progress_letter(const LetterAddress& address, const ParticipantCompletion& completion);

}  // namespace mitra
