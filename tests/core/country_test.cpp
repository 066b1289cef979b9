// Country names, one function for certificates and reports.
#include <catch2/catch.hpp>

#include "core/country.hpp"

TEST_CASE("a country is named in the line's language, in English as the programme always printed it", "[country]") {
    using mitra::country_name;
    CHECK(country_name("NP", "ja") == "ネパール");
    CHECK(country_name("NP", "hi") == "नेपाल");
    CHECK(country_name("LK", "si") == "ශ්‍රී ලංකාව");
    CHECK(country_name("NP", "en") == "Nepal");
    CHECK(country_name("KR", "en") == "Korea");
    CHECK(country_name("HK", "") == "Hong Kong");
    CHECK(country_name("DE", "en") == "Germany");  // not in the programme's list: ICU's
    CHECK(country_name("XQ", "ja") == "XQ");       // no one's: the code
    CHECK(country_name("Nepal", "ja") == "Nepal");
}
