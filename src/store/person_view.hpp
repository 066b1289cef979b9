// Completion as the person sees it (their progress letter, their pathway): a result held back is a result to come.
#pragma once
#include <map>
#include <string>

#include "core/completion.hpp"
#include "store/database.hpp"

namespace mitra::store {

// participant_completion (store/repos.hpp) judged in the person's view (CompletionContext::person_view).
std::map<std::string, ParticipantCompletion> participant_completion_as_seen(Database& db, const std::string& ref,
                                                                            const Date& today,
                                                                            const std::string& language = "en");

}  // namespace mitra::store
