// Records' faults, certification readiness, trainers' levels and every kind of change the audit history keeps are
// worded once in io, for the desktop program and mitra-cli: in every catalog's language, without English left over.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "catalog_languages.hpp"
#include "core/audit.hpp"
#include "io/audit_words.hpp"
#include "io/catalog.hpp"
#include "io/reason_words.hpp"
#include "io/record_words.hpp"

using namespace mitra;
using namespace mitra::io;
using mitra::io_test::kLanguages;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::vector<RecordFault> kFaults{RecordFault::no_module,
                                       RecordFault::module_not_assessed,
                                       RecordFault::module_not_supervised,
                                       RecordFault::no_assessor,
                                       RecordFault::no_supervisor,
                                       RecordFault::no_minutes,
                                       RecordFault::before_cohort,
                                       RecordFault::in_future,
                                       RecordFault::signed_off_before_day,
                                       RecordFault::signed_off_in_future,
                                       RecordFault::no_ethics_code};

Problem coded(ProblemCode code, std::vector<std::string> values) {
    Problem p{"", 0, 0, "ref", ""};
    p.code = code;
    p.values = std::move(values);
    return p;
}

// A pathway of P-1 to PSC that lacks its code of ethics and an assessment, and has its supervised practice.
Pathway unready_pathway() {
    Pathway p;
    p.participant_ref = "P-1";
    p.definition.code = "PSC";
    Requirement ethics;
    ethics.kind = Requirement::Kind::ethics;
    ethics.version = "2026.1";
    Requirement assessment;
    assessment.kind = Requirement::Kind::assessment;
    assessment.module_code = "M03";
    Requirement practice;
    practice.kind = Requirement::Kind::supervised_practice;
    practice.done = true;
    p.requirements = {ethics, assessment, practice};
    return p;
}

// Values in the forms the store records them (store/practice_repo.cpp, store/attendance_repo.cpp,
// store/certificate_repo.cpp, store/certification_repo.cpp).
struct Recorded {
    std::string entity, value;
};
const std::vector<Recorded> kRecordedValues{
    {"supervision", "M10 60 minutes one_to_one on 2026-07-01 with S-2"},
    {"supervision", "M10 90 minutes group on 2026-07-02 with S-PSF"},
    {"observed_assessment", "M04 on 2026-07-01 (direct_observation): met, held back"},
    {"observed_assessment", "M04 on 2026-07-01 (video): asked_to_repeat, raters differ, released"},
    {"observed_assessment", "held back"},
    {"observed_assessment", "released 2026-07-03"},
    {"attestation", "lived_experience: signed on 2026-07-01"},
    {"attestation", "supervision_agreement: not signed on 2026-07-01"},
    {"referee_questionnaire", "Dr. Lee on 2026-07-01"},
    {"certificate", "PSF-NP-2026-000001-X to P-001"},
    {"certificate", "PSF-NP-2029-000007-K to P-001, renewing PSF-NP-2026-000001-X"},
    {"certificate", "revoked: issued by mistake"},
    {"certification", "PSF PSF-NP-2026-000001-X from 2026-03-02 to 2029-03-01"},
    {"certification", "revoked with certificate PSF-NP-2026-000001-X"},
    {"certification", "superseded by PSF-NP-2029-000007-K"},
    {"participant", "personal data erased: asked on 2026-07-01"},
};

}  // namespace

TEST_CASE("a record's faults and their fields are worded in English as the desktop program said them",
          "[catalog][records]") {
    const Catalog& en = catalog("");
    CHECK(record_fault_phrase(RecordFault::no_assessor, en) == "say who assessed");
    CHECK(record_field_words(RecordFault::no_assessor, en) == "Assessor");
    CHECK(record_fault_phrase(RecordFault::before_cohort, en) == "the day is before the cohort started");
    CHECK(record_field_words(RecordFault::before_cohort, en) == "Day");
    CHECK(record_fault_phrase(RecordFault::signed_off_before_day, en) == "the sign-off is before the practice itself");
    CHECK(record_field_words(RecordFault::signed_off_in_future, en) == "Signed off on");
    // With the module's code, as mitra-cli says it; without, as the dialog beside its Module field says it.
    CHECK(record_fault_phrase(RecordFault::module_not_assessed, en, "M01") == "module M01 has no assessment");
    CHECK(record_fault_phrase(RecordFault::module_not_assessed, en) == "this module has no assessment");
    CHECK(record_fault_phrase(RecordFault::module_not_supervised, en, "M01") ==
          "module M01 has no supervised practice");
}

TEST_CASE("every fault of a record and its field are worded in every catalog's language",
          "[catalog][records][language]") {
    for (const auto& language : kLanguages) {
        const Catalog& words = catalog(language);
        REQUIRE(words.translated());
        for (const RecordFault fault : kFaults) {
            INFO(language << ": " << record_fault_phrase(fault, catalog("")));
            CHECK(record_fault_phrase(fault, words) != record_fault_phrase(fault, catalog("")));
            CHECK(record_field_words(fault, words) != record_field_words(fault, catalog("")));
            const std::string with_module = record_fault_phrase(fault, words, "M07");
            CHECK(with_module != record_fault_phrase(fault, catalog(""), "M07"));
            CHECK(with_module.find('%') == std::string::npos);
            if (fault == RecordFault::module_not_assessed || fault == RecordFault::module_not_supervised)
                CHECK(contains(with_module, "M07"));
        }
    }
}

TEST_CASE("a trainer certification's level has words in every catalog's language; a curriculum's own stays as typed",
          "[catalog][trainer][language]") {
    CHECK(trainer_level_words("trainer", catalog("")) == "trainer");
    CHECK(trainer_level_words("senior trainer", catalog("")) == "senior trainer");
    CHECK(trainer_level_words("senior-trainer", catalog("")) == "senior trainer");
    CHECK(trainer_level_words("master trainer", catalog("ja")) == "master trainer");
    for (const auto& language : kLanguages) {
        INFO(language);
        for (const std::string level : {"trainer", "senior trainer", "senior-trainer"})
            CHECK(trainer_level_words(level, catalog(language)) != trainer_level_words(level, catalog("")));
        CHECK(trainer_level_words("trainer", catalog(language)) !=
              trainer_level_words("senior trainer", catalog(language)));
    }
}

TEST_CASE("not ready to certify or renew: coded, in English as the store said it, and in every catalog's language",
          "[catalog][certification][language]") {
    const Problem renew = coded(ProblemCode::not_ready_to_renew, {"P-1", "PSC", "", "2100", "2160"});
    CHECK(problem_phrase(renew, catalog("")) == "P-1 cannot renew PSC yet: in total: 35 hours of 36 hours");
    const Problem ethics = coded(ProblemCode::not_ready_to_renew, {"P-1", "PSC", "ethics", "120", "180"});
    CHECK(problem_phrase(ethics, catalog("")) == "P-1 cannot renew PSC yet: ethics: 2 hours of 3 hours");
    const Problem trainer =
        coded(ProblemCode::trainer_not_ready_to_renew, {"T-1", "trainer", "PST", "ethics", "120", "180"});
    CHECK(problem_phrase(trainer, catalog("")) == "T-1 cannot renew trainer (PST) yet: ethics: 2 hours of 3 hours");

    const auto english = not_ready_problems(unready_pathway(), "en", catalog(""));
    REQUIRE(english.size() == 2);  // the supervised practice is done
    CHECK(english[0].code == ProblemCode::not_ready_to_certify);
    CHECK(english[0].field == "ref");
    CHECK(english[0].message == "P-1 cannot be certified PSC yet: code of ethics 2026.1 not yet acknowledged");
    CHECK(english[1].message == "P-1 cannot be certified PSC yet: assessment M03: not yet taken");
    CHECK(problem_phrase(english[1], catalog("")) == english[1].message);

    for (const auto& language : kLanguages) {
        const Catalog& words = catalog(language);
        INFO(language);
        for (const auto& p : {renew, ethics, trainer}) {
            const std::string shown = problem_phrase(p, words);
            CHECK(shown != problem_phrase(p, catalog("")));
            CHECK(!contains(shown, "hours"));
            CHECK(!contains(shown, "cannot"));
            CHECK(contains(shown, p.values[0]));
        }
        CHECK(!contains(problem_phrase(trainer, words), "trainer ("));
        const auto shown = not_ready_problems(unready_pathway(), "en", words);
        REQUIRE(shown.size() == 2);
        for (std::size_t i = 0; i < shown.size(); ++i) {
            CHECK(shown[i].message == problem_phrase(shown[i], words));
            CHECK(!contains(shown[i].message, "cannot"));
            CHECK(!contains(shown[i].message, "not yet"));
            CHECK(contains(shown[i].message, "P-1"));
            CHECK(contains(shown[i].message, "PSC"));
        }
    }
}

TEST_CASE("every kind of change the store records has words in English and in every catalog's language",
          "[catalog][audit][language]") {
    // The store refuses to record a kind not in core's list, so walking the list walks every kind it records.
    for (const auto& kind : kAuditKinds) {
        const std::string entity(kind.entity), action(kind.action);
        INFO(entity << " " << action);
        CHECK(is_audit_kind(entity, action));
        const std::string english = change_words(entity, action, catalog(""));
        CHECK(english != entity + " " + action);
        for (const auto& language : kLanguages) {
            INFO(language);
            CHECK(change_words(entity, action, catalog(language)) != english);
        }
    }
    CHECK(!is_audit_kind("supervision", "frobnicate"));
    CHECK(is_audit_kind("attendance_marks", "merge conflict: P-002 at M01 session of 2026-01-05"));
    const std::string conflict =
        change_words("attendance_marks", "merge conflict: P-002 at M01 session of 2026-01-05", catalog(""));
    CHECK(conflict == "Field pack merge conflict: P-002 at M01 session of 2026-01-05");
    for (const auto& language : kLanguages)
        CHECK(change_words("attendance_marks", "merge conflict: P-002", catalog(language)) !=
              "Field pack merge conflict: P-002");
}

TEST_CASE("the values the practice records keep in the history are taken apart and worded in every language",
          "[catalog][audit][language]") {
    const auto supervision = parse_audit_value("supervision", "M10 60 minutes one_to_one on 2026-07-01 with S-2");
    CHECK(supervision.kind == AuditValue::Kind::supervision);
    CHECK(supervision.module == "M10");
    CHECK(supervision.minutes == 60);
    CHECK(supervision.text == "one_to_one");
    CHECK(supervision.by == "S-2");
    CHECK(audit_value_words("supervision", "M10 60 minutes one_to_one on 2026-07-01 with S-2", catalog("")) ==
          "M10: 60 minutes, one-to-one, on 2026-07-01 with S-2");
    const auto observed =
        parse_audit_value("observed_assessment", "M04 on 2026-07-01 (video): asked_to_repeat, raters differ, released");
    CHECK(observed.kind == AuditValue::Kind::observation);
    CHECK(observed.note == "asked_to_repeat");
    CHECK(observed.differ);
    CHECK(observed.released);
    CHECK(parse_audit_value("attestation", "lived_experience: not signed on 2026-07-01").signed_off == false);
    CHECK(parse_audit_value("supervision", "something else").kind == AuditValue::Kind::text);

    for (const auto& r : kRecordedValues) {
        INFO(r.entity << ": " << r.value);
        CHECK(parse_audit_value(r.entity, r.value).kind != AuditValue::Kind::text);
        const std::string english = audit_value_words(r.entity, r.value, catalog(""));
        for (const auto& language : kLanguages) {
            INFO(language);
            const std::string shown = audit_value_words(r.entity, r.value, catalog(language));
            CHECK(shown != english);
            CHECK(shown.find('%') == std::string::npos);
            for (const std::string code : {"one_to_one", "direct_observation", "asked_to_repeat", "lived_experience",
                                           "supervision_agreement", "held back", "minutes"})
                CHECK(!contains(shown, code));
        }
    }
}
