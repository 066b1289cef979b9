// Names at the door: every character must be printable with the fonts Mitra ships.
#include <catch2/catch.hpp>

#include "workflow/door.hpp"

using namespace mitra;

namespace {

pdf::FontStack& fonts() {
    static pdf::FontStack stack;
    return stack;
}

}  // namespace

TEST_CASE("every name of the region prints, and a script no shipped font has is refused by code point",
          "[workflow][door]") {
    for (const auto& [name, language] :
         std::vector<std::pair<std::string, std::string>>{{"山田 花子", "ja"},
                                                          {"김민준", "ko"},
                                                          {"สมชาย ใจดี", "th"},
                                                          {"प्रिया शर्मा", "hi"},
                                                          {"ශ්‍රියානි", "si"},
                                                          {"عائشہ خان", "ur"},
                                                          {"Nguyễn Thị Minh Khai", "vi"},
                                                          {"Sukarno", "id"},
                                                          {"முருகன்", "ta"},
                                                          {"陈伟", "zh"},
                                                          {"O'Brien-Smith Jr.", "en"}}) {
        INFO(name);
        CHECK_FALSE(workflow::unprintable(fonts(), "full_name", name, language));
    }
    const std::string kawi = "\xF0\x91\xBC\x92\xF0\x91\xBC\x84";  // U+11F12 U+11F04
    const auto problem = workflow::unprintable(fonts(), "--name", "Ni " + kawi, "kaw");
    REQUIRE(problem);
    CHECK(problem->field == "--name");
    CHECK(problem->message.find("U+11F12") != std::string::npos);
    CHECK(problem->message.find(kawi) == std::string::npos);  // the name is never quoted

    Participant person;
    person.full_name = kawi;
    person.latin_name = "Ni Kadek";
    person.language = "kaw";
    const auto both = workflow::unprintable_names(fonts(), person, "full_name", "latin_name");
    REQUIRE(both.size() == 1);
    CHECK(both[0].field == "full_name");
}
