// Records, certification readiness and trainers' levels in a catalog's language (see record_words.hpp).
#include "io/record_words.hpp"

#include "io/reason_words.hpp"

namespace mitra::io {

std::string record_fault_phrase(RecordFault fault, const Catalog& words, const std::string& module) {
    switch (fault) {
        case RecordFault::no_module: return words.tr("choose one of the curriculum's modules");
        case RecordFault::module_not_assessed:
            return module.empty() ? words.tr("this module has no assessment")
                                  : format(words.tr("module %s has no assessment"), {module});
        case RecordFault::module_not_supervised:
            return module.empty() ? words.tr("this module has no supervised practice")
                                  : format(words.tr("module %s has no supervised practice"), {module});
        case RecordFault::no_assessor: return words.tr("say who assessed");
        case RecordFault::no_supervisor: return words.tr("say who supervised the practice");
        case RecordFault::no_minutes: return words.tr("give the minutes of practice, a whole number above 0");
        case RecordFault::before_cohort: return words.tr("the day is before the cohort started");
        case RecordFault::in_future: return words.tr("the day has not come yet");
        case RecordFault::signed_off_before_day: return words.tr("the sign-off is before the practice itself");
        case RecordFault::signed_off_in_future: return words.tr("the sign-off day has not come yet");
        case RecordFault::no_ethics_code: return words.tr("this cohort's curriculum asks for no code of ethics");
    }
    return {};
}

std::string record_field_words(RecordFault fault, const Catalog& words) {
    const std::string field = field_of(fault);
    if (field == "module") return words.tr("Module");
    if (field == "assessor") return words.tr("Assessor");
    if (field == "supervisor") return words.tr("Supervisor");
    if (field == "minutes") return words.tr("Minutes");
    if (field == "day") return words.tr("Day");
    if (field == "signed_off") return words.tr("Signed off on");
    if (field == "version") return words.tr("Code of ethics");
    return field;
}

std::string trainer_level_words(const std::string& level, const Catalog& words) {
    // TRANSLATORS: a trainer certification's level: a trainer of the programme.
    if (level == "trainer") return words.tr("trainer");
    // TRANSLATORS: a trainer certification's level: a senior trainer, who trains and supervises trainers.
    if (level == "senior trainer" || level == "senior-trainer") return words.tr("senior trainer");
    return level;  // a level a curriculum names itself, in its own words
}

Problems not_ready_problems(const Pathway& pathway, const std::string& language, const Catalog& words) {
    Problems out;
    for (const auto& q : pathway.requirements) {
        if (q.done) continue;
        Problem p{"", 0, 0, "ref", ""};
        p.code = ProblemCode::not_ready_to_certify;
        p.values = {pathway.participant_ref, pathway.definition.code, requirement_phrase(q, language, words)};
        p.message = problem_phrase(p, words);
        out.push_back(p);
    }
    return out;
}

}  // namespace mitra::io
