// Pictures of issue 21's dialogs in English and Urdu (right to left) for a person to look at: run by hand,
// `xvfb-run -a test_app "[practice_shots]"`, into MITRA_SHOTS_DIR (practice-<dialog>-<language>.png).
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/practice_dialogs.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "io/curriculum_toml.hpp"
#include "store/practice_repo.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// The dialog named `name`, when it shows, pictured and closed with Esc.
struct Picture : KeyboardAnswer {
    Picture(const char* name, const std::string& language)
        : KeyboardAnswer(name, [name, language](wxDialog* d, wxUIActionSimulator& sim) {
              CHECK(save_screenshot(d, std::string(MITRA_SHOTS_DIR) + "/practice-" + name + "-" + language + ".png"));
              key(sim, WXK_ESCAPE);
          }) {}
};

}  // namespace

TEST_CASE("issue 21's dialogs pictured in English and Urdu", "[.][practice_shots]") {
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    for (const std::string language : {"en", "ur"}) {
        Programme programme;
        const Cohort c = programme.add_practice_cohort("PKR-2026-9", Date{2026, 2, 2});
        Supervisor s{"",
                     "S-OUT",
                     "Outside supervisor",
                     SupervisorKind::outside_professional,
                     "",
                     {{"Registered Peer Supervisor", Date{2025, 1, 1}, Date{2027, 12, 31}}}};
        store::PracticeRepo(programme.db()).add_supervisor(s);
        programme.context.set_language(app::set_up_translations(language));
        {
            Window frame(programme.context);
            {
                Picture p("SupervisionDialog", language);
                app::supervise_for(frame.get(), programme.context, c.code, "P-001");
            }
            {
                Picture p("SignedRecordsDialog", language);
                app::signed_records_for(frame.get(), programme.context, c.code, "P-001");
            }
            {
                Picture p("SupervisorsDialog", language);
                app::show_supervisors(frame.get(), programme.context);
            }
            app::SupervisorsDialog supervisors(frame.get(), programme.context);
            {
                Picture p("SupervisorDialog", language);
                supervisors.add_supervisor();
            }
            {
                Picture p("CredentialDialog", language);
                supervisors.add_credential();
            }
            programme.context.set_today([] { return Date{2027, 7, 1}; });
            {
                Picture p("DeadlinesDialog", language);
                app::show_deadlines(frame.get(), programme.context, c.code);
            }
            app::DeadlinesDialog deadlines(frame.get(), programme.context, c.code);
            {
                Picture p("ExtendDialog", language);
                deadlines.extend_selected();
            }
            programme.context.set_today([] { return Date{2026, 3, 2}; });
            frame->show_section(app::MainFrame::participants);
            auto* people = frame->section(app::MainFrame::participants);
            people->search_for("P-001");
            people->select_row(0);
            pump(200);
            CHECK(
                save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/practice-details-" + language + ".png"));
        }
        programme.context.set_language(app::set_up_translations("en"));
    }
}
