// Time zones: checked against the IANA database, with the nearest name suggested for a misspelt one.
#include <catch2/catch.hpp>

#include "core/time_zone.hpp"
#include "core/validation.hpp"

using namespace mitra;

TEST_CASE("a time zone is known when the IANA database has it, spelt as it spells it", "[core][time_zone]") {
    for (const char* zone : {"Asia/Kathmandu", "Asia/Kolkata", "Asia/Calcutta", "Asia/Bangkok", "UTC", "Etc/UTC",
                             "Asia/Ho_Chi_Minh", "America/Argentina/Buenos_Aires", "EST"}) {
        INFO(zone);
        CHECK(time_zone_known(zone));
    }
    for (const char* name : {"Asia/Bangkokk", "asia/bangkok", "Mars/Olympus", "Asia", "../etc/passwd", "",
                             "IST",  // ICU's Java-compatible name, not IANA's: which India? Ireland?
                             "SystemV/AST4", "GMT+05:30"}) {
        INFO(name);
        CHECK_FALSE(time_zone_known(name));
    }
}

TEST_CASE("a misspelt time zone gets the nearest real one as a suggestion, and a far one gets none",
          "[core][time_zone]") {
    CHECK(nearest_time_zone("Asia/Bangkokk") == std::optional<std::string>("Asia/Bangkok"));
    CHECK(nearest_time_zone("asia/bangkok") == std::optional<std::string>("Asia/Bangkok"));
    CHECK(nearest_time_zone("Asia/Katmandu") == std::optional<std::string>("Asia/Katmandu"));  // an IANA alias
    CHECK(nearest_time_zone("Asia/Kathmadnu") == std::optional<std::string>("Asia/Kathmandu"));
    CHECK(nearest_time_zone("Mars/Olympus") == std::nullopt);
}

TEST_CASE("a cohort whose time zone is not in the database is refused, naming the field and the nearest zone",
          "[core][time_zone]") {
    Cohort c;
    c.code = "BKK-1";
    c.curriculum_code = "PSF";
    c.site = "Bangkok";
    c.country = "TH";
    c.language = "th";
    c.time_zone = "Asia/Bangkokk";
    auto errors = validate(c);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "time_zone");
    CHECK(errors[0].message == "'Asia/Bangkokk' is not in the time zone database (did you mean Asia/Bangkok?)");
    c.time_zone = "Asia/Bangkok";
    CHECK(validate(c).empty());
}
