// A person's progress letter in the desktop program (issue 21): its content (done, remaining, deadline) on the
// person's pathway in the interface's language, and "Save progress letter…" writing the PDF owner-only with the
// workflow mitra-cli runs.
#include <catch2/catch.hpp>

#include <wx/choice.h>

#include <filesystem>

#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "io/curriculum_toml.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;
namespace fs = std::filesystem;

namespace {

Cohort cohort_with_window(Programme& programme) {
    const Cohort c = programme.add_practice_cohort("PKR-2026-9", Date{2026, 2, 2});
    return c;
}

wxWindow* show_person(Window& frame, const std::string& ref) {
    frame->show_section(app::MainFrame::participants);
    auto* people = frame->section(app::MainFrame::participants);
    people->search_for(ref);
    people->select_row(0);
    pump(100);
    return people;
}

}  // namespace

TEST_CASE("the person's pathway shows their progress letter's content, and Save progress letter writes it owner-only",
          "[gui][letter]") {
    Programme programme;
    const Cohort c = cohort_with_window(programme);
    Window frame(programme.context);
    auto* people = show_person(frame, "P-001");
    const wxString shown = all_text(people);
    INFO(shown);
    CHECK(shown.Contains("What remains (PKR-2026-9)"));
    CHECK(shown.Contains("Your deadline (PKR-2026-9)"));
    CHECK(shown.Contains("Please complete by 2 August 2027."));  // 18 months from enrolment
    CHECK(shown.Contains("What you have done (KTM-2026-1)"));    // the fixture's cohort too, without a window
    CHECK_FALSE(shown.Contains("Your deadline (KTM-2026-1)"));

    auto* cohorts = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("record_cohort", people));
    REQUIRE(cohorts);
    REQUIRE(cohorts->SetStringSelection(wxString::FromUTF8(c.code)));
    auto* button = wxWindow::FindWindowByName("save_progress_letter", people);
    REQUIRE(button);
    const fs::path file = programme.dir / "letter.pdf";
    wxString suggested;
    app::set_save_path_sink([&](wxWindow*, const wxString& name) {
        suggested = name;
        return wxString::FromUTF8(file.string());
    });
    click(button);
    pump();
    app::set_save_path_sink({});
    CHECK(suggested == "P-001-progress.pdf");
    REQUIRE(fs::exists(file));
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    const std::string text = output_of("pdftotext '" + file.string() + "' - 2>&1");
    INFO(text);
    // In P-001's language, Japanese, whatever the interface's: the deadline as Japanese writes a date.
    CHECK(text.find("P-001 · PKR-2026-9") != std::string::npos);
    CHECK(text.find("2027年8月2日") != std::string::npos);
    CHECK(text.find("What remains") == std::string::npos);
    CHECK(programme.messages.empty());
}

TEST_CASE("in Urdu, the pathway's progress letter is in Urdu but for codes and dates", "[gui][letter]") {
    struct BackToEnglish {
        Programme& programme;
        ~BackToEnglish() { programme.context.set_language(app::set_up_translations("en")); }
    };
    Programme programme;
    BackToEnglish after{programme};
    cohort_with_window(programme);
    programme.context.set_language(app::set_up_translations("ur"));
    Window frame(programme.context);
    const wxString shown = all_text(show_person(frame, "P-001"));
    INFO(shown.utf8_string());
    CHECK(shown.Contains("(PKR-2026-9)"));
    CHECK_FALSE(shown.Contains("What remains"));
    CHECK_FALSE(shown.Contains("Please complete by"));
}
