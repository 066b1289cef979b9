// What may be recorded toward completion: an assessment, supervised practice, an ethics acknowledgement.
#pragma once
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/model.hpp"

namespace mitra {

// Why a record is refused; each front end says it in its own words and language.
enum class RecordFault {
    no_module,              // no module was chosen, or the curriculum has no such module
    module_not_assessed,    // the module has no assessment
    module_not_supervised,  // the module has no supervised practice
    no_assessor,            // an assessment names who assessed
    no_supervisor,          // supervised practice names its supervisor
    no_minutes,             // supervised practice is a positive number of minutes
    before_cohort,          // the day is before the cohort started
    in_future,              // the day has not come yet
    signed_off_before_day,  // signed off before the practice itself
    signed_off_in_future,   // signed off on a day that has not come yet
    no_ethics_code,         // the curriculum asks no acknowledgement of a code of ethics
};

// The field a fault is about, as a key: "module", "assessor", "supervisor", "minutes", "day", "signed_off",
// "version". The fault and its field are worded by io::record_fault_phrase and io::record_field_words.
std::string field_of(RecordFault fault);

// Every fault of an assessment for a cohort of `curriculum` that started on `cohort_start`, judged on `today`.
std::vector<RecordFault> check_assessment(const AssessmentResult& result, const Curriculum& curriculum,
                                          const Date& cohort_start, const Date& today);
std::vector<RecordFault> check_practicum(const PracticumLog& log, const Curriculum& curriculum,
                                         const Date& cohort_start, const Date& today);
// An acknowledgement may come before the cohort starts (at enrolment), never from the future.
std::vector<RecordFault> check_acknowledgement(const EthicsAcknowledgement& ack, const Curriculum& curriculum,
                                               const Date& today);

}  // namespace mitra
