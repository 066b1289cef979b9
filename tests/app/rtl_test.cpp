// Urdu mirrors the windows; every script is drawn with its own face (Tamil without dotted circles, Chinese in
// Chinese shapes). Pictures go to /tmp/gui-shots for a person to look at.
#include <catch2/catch.hpp>

#include <fontconfig/fontconfig.h>
#include <wx/app.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/grid.h>
#include <wx/image.h>
#include <wx/stattext.h>

#include <cstdlib>
#include <string>

#include "app/cohort_pages.hpp"
#include "app/cohort_panel.hpp"
#include "app/dialogs.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/report_charts.hpp"
#include "app/reports_panel.hpp"
#include "fixture.hpp"
#include "io/report_labels.hpp"

using namespace mitra;
using namespace mitra::app_test;

namespace {

// The interface in `code` for one test, back in English afterwards even when a check fails.
struct Language {
    Language(Programme& programme, const char* code) : programme_(programme) {
        programme_.context.set_language(app::set_up_translations(code));
    }
    ~Language() { programme_.context.set_language(app::set_up_translations("en")); }
    Programme& programme_;
};

// `text` drawn black on white in `font`, as the interface draws a label's text (Pango, fontconfig).
wxImage drawn(const wxString& text, const wxFont& font) {
    wxBitmap bitmap(240, 60, 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        dc.SetFont(font);
        dc.SetTextForeground(*wxBLACK);
        dc.DrawText(text, 4, 4);
    }
    return bitmap.ConvertToImage();
}

bool same(const wxImage& a, const wxImage& b) {
    return a.GetSize() == b.GetSize() &&
           std::equal(a.GetData(), a.GetData() + 3 * a.GetWidth() * a.GetHeight(), b.GetData());
}

wxFont in_face(const wxFont& like, const char* family) {
    wxFont font(like);
    font.SetFaceName(family);
    return font;
}

// The face fontconfig gives the interface's font (its family, as Pango asks) for the character `c`.
std::string face_for(const wxFont& font, FcChar32 c) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(font.GetFaceName().utf8_str().data()));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcFontSet* fonts = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
    std::string found;
    for (int i = 0; fonts && i < fonts->nfont && found.empty(); ++i) {
        FcCharSet* charset = nullptr;
        FcChar8* family = nullptr;
        if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &charset) == FcResultMatch &&
            FcCharSetHasChar(charset, c) && FcPatternGetString(fonts->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch)
            found = reinterpret_cast<const char*>(family);
    }
    if (fonts) FcFontSetDestroy(fonts);
    FcPatternDestroy(pattern);
    return found;
}

// The charts as the screen shows them (a picture of the window, cut to the charts).
wxImage on_screen(app::ReportChartsPanel* charts) {
    const std::string png = std::string(MITRA_SHOTS_DIR) + "/charts.png";
    wxWindow* top = wxGetTopLevelParent(charts);
    wxImage image;
    if (!save_screenshot(top, png) || !image.LoadFile(wxString::FromUTF8(png), wxBITMAP_TYPE_PNG)) return {};
    // A mirrored window's origin, as wx gives it, is its right edge on the screen.
    wxPoint at = charts->GetScreenPosition() - top->GetScreenPosition();
    if (charts->GetLayoutDirection() == wxLayout_RightToLeft) at.x -= charts->GetSize().x;
    return image.GetSubImage(wxRect(at, charts->GetSize()));
}

// The charts drawn on a bitmap's DC, which never mirrors anything (the letters stay as they are).
wxImage drawn_alone(app::ReportChartsPanel* charts) {
    wxBitmap bitmap(charts->GetSize(), 24);
    {
        wxMemoryDC dc(bitmap);
        charts->draw(dc, charts->GetSize());
    }
    return bitmap.ConvertToImage();
}

// Where the bars are: the mean x of the pixels in the bars' first colour (the PDF's blue); -1 with none.
int bars_at(const wxImage& image) {
    long long sum = 0, count = 0;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            if (image.GetRed(x, y) == 0 && image.GetGreen(x, y) == 114 && image.GetBlue(x, y) == 178) {
                sum += x;
                ++count;
            }
    return count == 0 ? -1 : static_cast<int>(sum / count);
}

// The share of pixels (per thousand) that differ clearly between two pictures of the same size.
int differing(const wxImage& a, const wxImage& b) {
    if (!a.IsOk() || a.GetSize() != b.GetSize()) return 1000;
    long long count = 0;
    for (int y = 0; y < a.GetHeight(); ++y)
        for (int x = 0; x < a.GetWidth(); ++x)
            if (std::abs(a.GetRed(x, y) - b.GetRed(x, y)) + std::abs(a.GetGreen(x, y) - b.GetGreen(x, y)) +
                    std::abs(a.GetBlue(x, y) - b.GetBlue(x, y)) >
                96)
                ++count;
    return static_cast<int>(count * 1000 / (static_cast<long long>(a.GetWidth()) * a.GetHeight()));
}

std::string report_language_or_english(const std::string& code) {
    const std::string language = io::report_language(code);
    return language.empty() ? "en" : language;
}

// Pictures of a cohort's attendance and completion, the reports and two dialogs, named `code`-*.png.
void pictures(app::MainFrame* frame, app::CohortPanel* panel, const std::string& code) {
    std::filesystem::create_directories(MITRA_SHOTS_DIR);
    const std::string shots = std::string(MITRA_SHOTS_DIR) + "/" + code;
    const bool mirrored = app::interface_direction() == wxLayout_RightToLeft;
    panel->show_page(app::CohortPanel::attendance_page);
    pump(200);
    REQUIRE(save_screenshot(frame, shots + "-attendance.png"));
    panel->show_page(app::CohortPanel::completion_page);
    pump(200);
    REQUIRE(save_screenshot(frame, shots + "-completion.png"));
    frame->show_reports();
    frame->reports()->fill("2026-01-01", "2026-06-30", "np", "PSF", "", report_language_or_english(code), "csv");
    CHECK(frame->reports()->show_figures());
    pump(300);
    REQUIRE(save_screenshot(frame, shots + "-reports.png"));
    app::PreferencesDialog preferences(frame, "https://verify.example.org", true);
    CHECK((preferences.GetLayoutDirection() == wxLayout_RightToLeft) == mirrored);
    preferences.Show();
    pump(200);
    REQUIRE(save_screenshot(&preferences, shots + "-preferences.png"));
    preferences.Hide();
    app::ParticipantDialog person(frame);
    CHECK((person.GetLayoutDirection() == wxLayout_RightToLeft) == mirrored);
    person.Show();
    pump(200);
    REQUIRE(save_screenshot(&person, shots + "-participant.png"));
    person.Hide();
}

}  // namespace

TEST_CASE("in Urdu the main window and a cohort's attendance are mirrored, in English they are not", "[gui][rtl]") {
    Programme programme;
    programme.make_complete({"P-001", "P-003"});
    programme.mark_first_session_present();
    {
        Language urdu(programme, "ur");
        CHECK(wxTheApp->GetLayoutDirection() == wxLayout_RightToLeft);
        Window frame(programme.context);
        frame->SetSize(0, 0, 1360, 900);
        frame->Show();
        pump(200);
        CHECK(frame->GetLayoutDirection() == wxLayout_RightToLeft);
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/ur-main.png"));
        auto* panel = frame->open_cohort(programme.cohort);
        panel->show_page(app::CohortPanel::attendance_page);
        pump(300);
        // The sidebar is at the right, the cohort's pages to its left. (A mirrored window's origin, as wx gives
        // it, is its right edge: the sidebar's is the window's right edge, the pages' the sidebar's left.)
        CHECK(frame->sidebar()->GetScreenPosition().x > panel->GetScreenPosition().x);
        auto* grid = panel->attendance()->grid();
        CHECK(grid->GetLayoutDirection() == wxLayout_RightToLeft);
        // The people's column (the row labels) is at the grid's right, the sessions to its left.
        CHECK(grid->GetGridRowLabelWindow()->GetScreenPosition().x > grid->GetGridWindow()->GetScreenPosition().x);
        pictures(frame.get(), panel, "ur");
        // The charts mirror themselves (columns at the right, their axis beside them) on a DC that does not
        // mirror the letters: the bars drawn in the right half.
        auto* charts = frame->reports()->charts();
        const wxImage alone = drawn_alone(charts);
        CHECK(bars_at(alone) > charts->GetSize().x / 2);
        // The screen shows the same (its antialiasing differs from a bitmap's in about 1% of the pixels; drawn with
        // mirrored letters, 12% differ).
        CHECK(differing(on_screen(charts), alone) < 30);
    }
    CHECK(wxTheApp->GetLayoutDirection() != wxLayout_RightToLeft);
    Window frame(programme.context);
    frame->SetSize(0, 0, 1360, 900);
    frame->Show();
    auto* panel = frame->open_cohort(programme.cohort);
    panel->show_page(app::CohortPanel::attendance_page);
    pump(300);
    CHECK(frame->GetLayoutDirection() != wxLayout_RightToLeft);
    CHECK(frame->sidebar()->GetScreenPosition().x < panel->GetScreenPosition().x);
    auto* grid = panel->attendance()->grid();
    CHECK(grid->GetLayoutDirection() != wxLayout_RightToLeft);
    CHECK(grid->GetGridRowLabelWindow()->GetScreenPosition().x < grid->GetGridWindow()->GetScreenPosition().x);
    frame->show_reports();
    frame->reports()->fill("2026-01-01", "2026-06-30", "np", "PSF", "", "en", "csv");
    REQUIRE(frame->reports()->show_figures());
    pump(200);
    auto* charts = frame->reports()->charts();
    const wxImage alone = drawn_alone(charts);
    CHECK(bars_at(alone) > 0);
    CHECK(bars_at(alone) < charts->GetSize().x / 2);
    CHECK(differing(on_screen(charts), alone) < 30);
}

TEST_CASE("Tamil is drawn with a Tamil face, and Chinese in Chinese shapes when the interface is Chinese",
          "[gui][rtl]") {
    Programme programme;
    wxFrame top(nullptr, wxID_ANY, "fonts");
    // ப and வ are the letters fontconfig took from Noto Sans Grantha; ா is a vowel sign (a dotted circle when
    // its letter came from another face).
    const wxString tamil = wxString::FromUTF8("பா வா தமிழ்");
    auto* label = new wxStaticText(&top, wxID_ANY, tamil);
    top.Show();
    pump(100);
    const wxFont font = label->GetFont();
    for (const char* code : {"en", "ta"}) {
        Language language(programme, code);
        INFO("the interface in " << code);
        CHECK(face_for(font, 0x0BAA).rfind("Noto Sans Tamil", 0) == 0);
        CHECK(face_for(font, 0x0BB5).rfind("Noto Sans Tamil", 0) == 0);
        for (const FcChar32 latin : {FcChar32('A'), FcChar32('7')}) {  // Latin letters and digits keep their face
            CHECK(face_for(font, latin).rfind("Noto Sans Tamil", 0) != 0);
            CHECK(face_for(font, latin).find("CJK") == std::string::npos);
        }
        const wxImage grantha = drawn(tamil, in_face(font, "Noto Sans Grantha"));
        const wxImage tamil_ui = drawn(tamil, in_face(font, "Noto Sans Tamil UI"));
        REQUIRE(!same(grantha, tamil_ui));  // the two faces draw these letters differently
        CHECK(same(drawn(tamil, font), tamil_ui));
    }
    {
        // Urdu (ے, yeh barree) in Naskh's UI cut, no longer DejaVu Sans's Arabic letters.
        Language urdu(programme, "ur");
        CHECK(face_for(font, 0x06D2) == "Noto Naskh Arabic UI");
        CHECK(face_for(font, 'A').find("Arabic") == std::string::npos);
        // A line that begins with a code is still laid out right to left (the code at its right).
        const wxString line = wxString::FromUTF8("M01 ذاتی تجربہ");
        CHECK(app::in_interface_direction(line) == wxString(wxUniChar(0x200F)) + line);
        CHECK(!same(drawn(app::in_interface_direction(line), font), drawn(line, font)));
    }
    CHECK(app::in_interface_direction("M01 x") == "M01 x");
    // 直 and 骨 differ between the Chinese and the Japanese shapes.
    const wxString han = wxString::FromUTF8("直骨");
    const wxImage sc = drawn(han, in_face(font, "Noto Sans CJK SC"));
    const wxImage jp = drawn(han, in_face(font, "Noto Sans CJK JP"));
    REQUIRE(!same(sc, jp));
    {
        Language chinese(programme, "zh_CN");
        CHECK(face_for(font, 0x76F4) == "Noto Sans CJK SC");
        CHECK(same(drawn(han, font), sc));
        CHECK(same(drawn(wxString::FromUTF8("பா"), font),
                   drawn(wxString::FromUTF8("பா"), in_face(font, "Noto Sans Tamil UI"))));
    }
    {
        Language japanese(programme, "ja");
        CHECK(same(drawn(han, font), jp));
    }
    {
        Language traditional(programme, "zh_TW");
        CHECK(face_for(font, 0x76F4) == "Noto Sans CJK TC");
    }
}

TEST_CASE("pictures of the cohort's pages, the reports and two dialogs in Tamil and Simplified Chinese", "[gui][rtl]") {
    Programme programme;
    programme.make_complete({"P-001", "P-003"});
    programme.mark_first_session_present();
    for (const char* code : {"ta", "zh_CN"}) {
        Language language(programme, code);
        Window frame(programme.context);
        frame->SetSize(0, 0, 1360, 900);
        frame->Show();
        pump(200);
        CHECK(frame->GetLayoutDirection() != wxLayout_RightToLeft);
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/" + code + "-main.png"));
        pictures(frame.get(), frame->open_cohort(programme.cohort), code);
    }
}
