// Store test helpers.
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <stdexcept>

#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "test_backend.hpp"

namespace mitra::store_test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "mitra-store-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

std::string TempDir::db(const std::string& name) {
    if (!test_backend::postgresql()) return file(name);
    if (auto at = urls_.find(name); at != urls_.end()) return at->second;
    auto schema = std::make_shared<test_backend::Schema>();
    urls_[name] = schema->url;
    schemas_[name] = schema;
    return schema->url;
}

Curriculum shipped_curriculum() {
    auto read = io::read_curriculum_file(std::string(MITRA_SOURCE_DIR) + "/curricula/peer-support-foundations.toml");
    REQUIRE(read.ok());
    return read.value;
}

void sign_attestations(store::Database& db, const std::string& ref, const Date& on) {
    store::PracticeRepo practice(db);
    practice.attest({ref, AttestationKind::supervision_agreement, true, on});
    practice.attest({ref, AttestationKind::lived_experience, true, on});
}

void record_practice(store::Database& db, const std::string& cohort, const std::string& ref, const Date& on) {
    store::PracticeRepo practice(db);
    const std::string supervisor = "S-PSF";
    if (!practice.supervisor(supervisor)) {
        Supervisor s{"", supervisor, "Practice supervisor", SupervisorKind::outside_professional, "", {}};
        s.credentials = {{"Certified Peer Supervisor", Date{2020, 1, 1}, Date{2035, 12, 31}}};
        practice.add_supervisor(s);
    }
    for (auto format : {SupervisionFormat::one_to_one, SupervisionFormat::group}) {
        SupervisionEntry entry{"", ref, "M10", supervisor, format, 1200, on, ""};
        practice.log_supervision(cohort, entry);
    }
    for (const auto& m : shipped_curriculum().modules) {
        if (!m.rubric) continue;
        ObservedAssessment a{"", ref, m.code, on, ObservationMethod::role_play, supervisor, "", {}, on};
        for (const auto& c : m.rubric->criteria) a.ratings.push_back({c.key, m.rubric->pass_level, std::nullopt});
        practice.observe(cohort, a);
    }
    sign_attestations(db, ref, on);
}

}  // namespace mitra::store_test
