// Issue 20: a broken participant CSV imported in the Participants view with the program in Japanese. The window of
// problems lists each one with its line, its field in Japanese and what is wrong in Japanese (io::problem_phrase in
// the interface's catalog), never the readers' English message.
#include <catch2/catch.hpp>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>

#include <algorithm>
#include <fstream>

#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "io/catalog.hpp"
#include "io/participant_csv.hpp"
#include "io/reason_words.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// Whether `text` has a letter of Japanese (kana or a CJK ideograph).
bool has_japanese(const wxString& text) {
    return std::any_of(text.begin(), text.end(), [](wxUniChar c) {
        const auto u = c.GetValue();
        return (u >= 0x3040 && u <= 0x30FF) || (u >= 0x4E00 && u <= 0x9FFF);
    });
}

struct Row {
    wxString line, column, field, problem;
};

}  // namespace

TEST_CASE("a broken CSV imported in Japanese lists each problem in Japanese, with its line and field",
          "[gui][languages]") {
    struct BackToEnglish {
        ~BackToEnglish() {
            app::set_up_translations("en");
            app::set_message_sink({});
        }
    } after;
    Programme programme;
    programme.context.set_language(app::set_up_translations("ja"));
    REQUIRE(app::interface_catalog() == "ja");
    Window frame(programme.context);
    frame->show_section(app::MainFrame::participants);
    pump();
    auto* participants = dynamic_cast<app::ParticipantsPanel*>(frame->section(app::MainFrame::participants));
    REQUIRE(participants);

    // Line 3: a country that is not a code; line 4: no full name; line 5: an email without an @.
    const std::string csv =
        "ref,full_name,latin_name,country,language,email\n"
        "N-001,山田 太郎,Yamada Taro,JP,ja,\n"
        "N-002,Dorji Wangmo,,Bhutan,dz,\n"
        "N-003,,Chan Sreypov,KH,km,\n"
        "N-004,Ali,,PK,ur,not-an-address\n";
    const auto path = programme.dir / "people.csv";
    std::ofstream(path, std::ios::binary) << csv;
    const auto read = io::read_participant_csv(csv, "people.csv");
    REQUIRE(read.problems.size() == 3);

    // The window of problems, read while it is shown (the message sink would take its words as one message
    // instead), then closed as its OK button does.
    std::vector<Row> rows;
    wxString title, headings;
    bool shown = false;
    app::set_message_sink({});
    wxTheApp->CallAfter([&] {
        pump(60);
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<wxDialog*>(w); dialog && dialog->IsModal()) {
                pump_until_laid_out(dialog);
                shown = true;
                title = dialog->GetTitle();
                if (auto* list = dynamic_cast<wxListCtrl*>(dialog->FindWindow("problems"))) {
                    for (int c = 0; c < list->GetColumnCount(); ++c) {
                        wxListItem column;
                        column.SetMask(wxLIST_MASK_TEXT);
                        list->GetColumn(c, column);
                        headings << column.GetText() << "|";
                    }
                    for (long i = 0; i < list->GetItemCount(); ++i)
                        rows.push_back({list->GetItemText(i, 0), list->GetItemText(i, 1), list->GetItemText(i, 2),
                                        list->GetItemText(i, 3)});
                }
                dialog->EndModal(wxID_OK);
                break;
            }
    });
    participants->import_csv(wxString::FromUTF8(path.string()));
    pump(20);
    app::set_message_sink([&](wxWindow*, const wxString&, const wxString& m) { programme.messages.push_back(m); });

    REQUIRE(shown);
    CHECK(title == wxString::FromUTF8("ファイルの問題"));
    INFO("the list's headings: " << headings);
    CHECK(std::count(headings.begin(), headings.end(), '|') == 4);
    for (const auto& heading : wxSplit(headings.BeforeLast('|'), '|', 0)) CHECK(has_japanese(heading));
    CHECK(programme.messages.empty());  // nothing else said, no failure
    REQUIRE(rows.size() == read.problems.size());
    const io::Catalog english("en");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Problem& problem = read.problems[i];
        const Row& row = rows[i];
        INFO("line " << row.line << ", field " << row.field << ": " << row.problem);
        CHECK(row.line == wxString::Format("%d", problem.line));
        CHECK(row.column == wxString::Format("%d", problem.column));
        // The field and the phrase in the catalog's Japanese: not English, not the message as the reader wrote it.
        CHECK(has_japanese(row.field));
        CHECK(row.problem == wxString::FromUTF8(io::problem_phrase(problem, io::catalog("ja"))));
        CHECK(has_japanese(row.problem));
        CHECK(row.problem != wxString::FromUTF8(io::problem_phrase(problem, english)));
        if (!problem.message.empty()) CHECK_FALSE(row.problem.Contains(wxString::FromUTF8(problem.message)));
    }
    // The problems in the file's order, each named by its place.
    INFO("line 3: " << rows[0].problem << "\nline 4: " << rows[1].problem << "\nline 5: " << rows[2].problem);
    CHECK(rows[0].line == "3");
    CHECK(rows[0].field == wxString::FromUTF8("国"));
    CHECK(rows[0].problem.Contains("'BHUTAN'"));  // the value as read (a code, in capitals), within the Japanese
    CHECK(rows[1].line == "4");
    CHECK(rows[2].line == "5");
    CHECK(rows[2].field == wxString::FromUTF8("メール"));
    CHECK(rows[2].problem.Contains("'not-an-address'"));
    CHECK_FALSE(store::ParticipantRepo(programme.db()).find("N-001"));
}
