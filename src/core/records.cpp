// What may be recorded toward completion: an assessment, supervised practice, an ethics acknowledgement.
#include "core/records.hpp"

#include "core/text.hpp"

namespace mitra {
namespace {

void check_day(std::vector<RecordFault>& faults, const Date& day, const Date& cohort_start, const Date& today) {
    if (day < cohort_start) faults.push_back(RecordFault::before_cohort);
    if (today < day) faults.push_back(RecordFault::in_future);
}

}  // namespace

std::string field_of(RecordFault fault) {
    switch (fault) {
        case RecordFault::no_module:
        case RecordFault::module_not_assessed:
        case RecordFault::module_not_supervised: return "module";
        case RecordFault::no_assessor: return "assessor";
        case RecordFault::no_supervisor: return "supervisor";
        case RecordFault::no_minutes: return "minutes";
        case RecordFault::before_cohort:
        case RecordFault::in_future: return "day";
        case RecordFault::signed_off_before_day:
        case RecordFault::signed_off_in_future: return "signed_off";
        case RecordFault::no_ethics_code: return "version";
    }
    return "";
}

std::vector<RecordFault> check_assessment(const AssessmentResult& result, const Curriculum& curriculum,
                                          const Date& cohort_start, const Date& today) {
    std::vector<RecordFault> faults;
    const Module* module = curriculum.module(result.module_code);
    if (!module) faults.push_back(RecordFault::no_module);
    else if (!module->has_assessment) faults.push_back(RecordFault::module_not_assessed);
    if (trim(result.assessor).empty()) faults.push_back(RecordFault::no_assessor);
    check_day(faults, result.assessed_on, cohort_start, today);
    return faults;
}

std::vector<RecordFault> check_practicum(const PracticumLog& log, const Curriculum& curriculum,
                                         const Date& cohort_start, const Date& today) {
    std::vector<RecordFault> faults;
    const Module* module = curriculum.module(log.module_code);
    if (!module) faults.push_back(RecordFault::no_module);
    else if (module->supervised_minutes <= 0) faults.push_back(RecordFault::module_not_supervised);
    if (log.minutes <= 0) faults.push_back(RecordFault::no_minutes);
    if (trim(log.supervisor).empty()) faults.push_back(RecordFault::no_supervisor);
    check_day(faults, log.practised_on, cohort_start, today);
    if (log.signed_off_on) {
        if (*log.signed_off_on < log.practised_on) faults.push_back(RecordFault::signed_off_before_day);
        if (today < *log.signed_off_on) faults.push_back(RecordFault::signed_off_in_future);
    }
    return faults;
}

std::vector<RecordFault> check_acknowledgement(const EthicsAcknowledgement& ack, const Curriculum& curriculum,
                                               const Date& today) {
    std::vector<RecordFault> faults;
    if (curriculum.ethics_code.empty() || ack.code_version != curriculum.ethics_code)
        faults.push_back(RecordFault::no_ethics_code);
    if (today < ack.acknowledged_on) faults.push_back(RecordFault::in_future);
    return faults;
}

}  // namespace mitra
