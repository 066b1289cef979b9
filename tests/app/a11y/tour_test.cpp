// The accessibility tour: every view, cohort page and dialog shown in turn for tests/app/a11y/walk.py, which reads
// each through AT-SPI (as a screen reader does) while this program waits. Hidden: only the walker runs it.
#include <catch2/catch.hpp>

#include <poll.h>
#include <unistd.h>

#include <wx/textdlg.h>

#include <iostream>
#include <string>

#include "../fixture.hpp"
#include "../screens.hpp"
#include "app/i18n.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// Says what is shown ("STOP <what>" on its own line) and lets the windows run until the walker answers "next".
void stop(const std::string& what) {
    std::cout << "STOP " << what << std::endl;
    pump(150);
    for (;;) {
        pollfd input{STDIN_FILENO, POLLIN, 0};
        if (poll(&input, 1, 0) > 0) {
            std::string answer;
            REQUIRE(std::getline(std::cin, answer));  // the walker gone: stop here
            REQUIRE(answer == "next");
            return;
        }
        pump(20);
    }
}

}  // namespace

TEST_CASE("the accessibility tour: every view, cohort page and dialog, one after another", "[.a11y_tour]") {
    Programme programme;
    Window frame(programme.context);
    frame->SetSize(0, 0, 1360, 900);
    // The dialog that asks a late arrival's minutes (a wx dialog of its own, not one of Mitra's forms).
    frame->Show();
    auto* minutes = new wxTextEntryDialog(
        frame.get(), "Minutes P-001 attended of this 120-minute session:", "Minutes attended", "120");
    minutes->Show();
    stop("dialog minutes");
    minutes->Destroy();
    every_screen(programme, frame, [&](const Screen& screen) {
        stop(screen.what);
        // The screen reader's attendance: the walker marks a person present through AT-SPI and reads the database.
        if (screen.what == "page Attendance") stop("attendance " + (programme.dir / "mitra.db").string());
    });
    std::cout << "END" << std::endl;
}

TEST_CASE("the accessibility tour in Japanese, whose labels carry their mnemonics as (&S)", "[.a11y_tour_ja]") {
    struct BackToEnglish {
        ~BackToEnglish() { app::set_up_translations("en"); }
    } back;
    Programme programme;
    programme.context.set_language(app::set_up_translations("ja"));
    Window frame(programme.context);
    frame->SetSize(0, 0, 1360, 900);
    every_screen(programme, frame, [&](const Screen& screen) { stop(screen.what); });
    std::cout << "END" << std::endl;
}
