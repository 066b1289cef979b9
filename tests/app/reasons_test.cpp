// What completion and a pathway still need, in the interface's language: with the interface in Japanese, no
// English word is left in the reasons (module codes, refs, numbers and dates may stay), and no command name.
#include <catch2/catch.hpp>

#include <wx/regex.h>
#include <wx/stattext.h>

#include <filesystem>

#include "../store/printer.hpp"
#include "app/browse_panel.hpp"
#include "app/certification_view.hpp"
#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/details_view.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "fixture.hpp"
#include "io/keys.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// Lower-case ASCII words of three letters or more: English words, where codes (M03, PSF, KTM-2026-1, P-001),
// numbers and dates are not.
std::vector<wxString> english_words(const wxString& text) {
    std::vector<wxString> out;
    wxRegEx word("[A-Za-z]*[a-z]{3,}[A-Za-z]*");
    wxString rest = text;
    while (word.Matches(rest)) {
        std::size_t start = 0, length = 0;
        word.GetMatch(&start, &length);
        out.push_back(rest.Mid(start, length));
        rest = rest.Mid(start + length);
    }
    return out;
}

// P-001 has failed the ethics assessment (M03), logged an hour of supervised practice not yet enough, attended
// nothing and acknowledged no code of ethics: every kind of reason a person's list and pathway show.
void give_reasons(Programme& programme) {
    auto& db = programme.db();
    store::RecordsRepo(db).record_assessment(programme.cohort, {"P-001", "M03", false, Date{2026, 2, 20}, "Sita Rai"});
    const auto curriculum = store::CurriculumRepo(db).find("PSF");
    for (const auto& m : curriculum->modules)
        if (m.supervised_minutes > 0) {
            store::RecordsRepo(db).log_practicum(
                programme.cohort, {"P-001", m.code, 60, "Sita Rai", Date{2026, 2, 21}, Date{2026, 2, 22}});
            break;
        }
}

wxString completion_text(app::CompletionPage* completion) {
    wxString text;
    for (unsigned row = 0; row < completion->list()->GetItemCount(); ++row)
        text << completion->list()->GetTextValue(row, 3) << "\n";
    completion->list()->SelectRow(0);
    completion->refresh();  // keeps the selection and shows its modules
    auto* modules = wxWindow::FindWindowByName("completion_modules", completion);
    REQUIRE(modules);
    auto* list = static_cast<wxDataViewListCtrl*>(modules);
    for (unsigned row = 0; row < list->GetItemCount(); ++row) text << list->GetTextValue(row, 4) << "\n";
    return text;
}

wxString pathway_text(Programme& programme, wxWindow* parent, const std::string& ref) {
    auto* details = new app::DetailsView(parent);
    app::add_pathways(*details, programme.context, ref, {});
    details->done();
    const wxString text = all_text(details);
    details->Destroy();
    return text;
}

}  // namespace

TEST_CASE("completion reasons and the pathway speak the interface's language, naming no command", "[gui][reasons]") {
    Programme programme;
    give_reasons(programme);
    // P-002 is certified, and two years on its renewal lacks hours: the pathway's renewal words.
    programme.make_complete({"P-002"});
    store::CertificateRepo(programme.db())
        .issue_for_cohort(programme.cohort, "completion", "", "completion",
                          io::load_or_create_signing_key(io::default_key_path()), Date{2026, 3, 2},
                          mitra::store_test::accept_all());
    REQUIRE(store::CertificationRepo(programme.db()).current("P-002"));
    std::filesystem::create_directories(MITRA_SHOTS_DIR);

    SECTION("in English the reasons say it all, and the pathway points to the Print certificates page") {
        Window frame(programme.context);
        frame->SetSize(0, 0, 1024, 600);
        auto* panel = frame->open_cohort(programme.cohort);
        panel->show_page(app::CohortPanel::completion_page);
        pump();
        const wxString text = completion_text(panel->completion());
        CHECK(text.Contains("assessment not passed (2026-02-20)"));
        CHECK(text.Contains("code of ethics 2026.1 not yet acknowledged"));
        CHECK(text.Contains("electives: 0 of 2 needed are complete"));
        pump();
        CHECK(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reasons-completion-en.png"));

        programme.make_complete({"P-003"});
        const wxString ready = pathway_text(programme, frame.get(), "P-003");
        CHECK(ready.Contains("Print certificates page"));
        CHECK_FALSE(ready.Contains("mitra-cli"));
        const wxString path = pathway_text(programme, frame.get(), "P-001");
        CHECK(path.Contains("assessment M03: not passed (2026-02-20)"));
        CHECK_FALSE(path.Contains("mitra-cli"));

        frame->show_section(app::MainFrame::participants);
        auto* people = frame->section(app::MainFrame::participants);
        people->search_for("P-001");
        people->select_row(0);
        pump(200);
        CHECK(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reasons-pathway-en.png"));
    }
    SECTION("in Japanese no English word is left") {
        programme.context.set_language(app::set_up_translations("ja"));  // the words, and module titles
        {
            Window frame(programme.context);
            frame->SetSize(0, 0, 1024, 600);
            auto* panel = frame->open_cohort(programme.cohort);
            panel->show_page(app::CohortPanel::completion_page);
            pump();
            const wxString text = completion_text(panel->completion());
            CHECK_FALSE(text.empty());
            INFO(text.ToStdString(wxConvUTF8));
            CHECK(english_words(text).empty());

            programme.make_complete({"P-003"});
            programme.context.set_today([] { return Date{2028, 1, 2}; });
            for (const char* ref : {"P-001", "P-002", "P-003"}) {
                const wxString path = pathway_text(programme, frame.get(), ref);
                INFO(ref << ": " << path.ToStdString(wxConvUTF8));
                CHECK_FALSE(path.empty());
                CHECK(english_words(path).empty());
            }
            CHECK(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/reasons-completion-ja.png"));
        }
        programme.context.set_language(app::set_up_translations("en"));
    }
}
