// The desktop program never shows a mitra-cli command: the store's refusals come with a reason, which the program
// words itself, pointing at its own places (Curricula, File ▸ Open database…).
#include <catch2/catch.hpp>
#include <soci/soci.h>
#include <wx/modalhook.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/main_frame.hpp"
#include "app/recovery.hpp"
#include "app/sections.hpp"
#include "fixture.hpp"
#include "store/backup.hpp"
#include "store/repos.hpp"

using namespace mitra;
using namespace mitra::app_test;
namespace fs = std::filesystem;

namespace {

using Answer = DialogAnswer;  // the first showing answered, a later one cancelled

void type(wxDialog* dialog, const char* field, const wxString& text) { type_into(dialog, field, text); }

// Creates a cohort in the Cohorts section while the curriculum its dialog offers goes under another code (on a hub,
// someone else): the one chosen is no longer in the database when the cohort is saved. How often the dialog showed.
int create_cohort_of_a_renamed_curriculum(Programme& programme) {
    Window frame(programme.context);
    frame->show_section(app::MainFrame::cohorts);
    auto* cohorts = static_cast<app::CohortsPanel*>(frame->section(app::MainFrame::cohorts));
    Answer created("CohortDialog", [&](wxDialog* d) {
        type(d, "code", "PKR-2026-9");
        type(d, "site", "Pokhara");
        type(d, "country", "NP");
        programme.db().sql() << "UPDATE curricula SET code = 'PSF-RENAMED' WHERE code = 'PSF'";
    });
    cohorts->create_cohort();
    return created.shown;
}

}  // namespace

TEST_CASE("a new cohort of a curriculum no longer imported is refused in the program's words, naming no command",
          "[gui][commands]") {
    Programme programme;
    const auto before = store::CohortRepo(programme.db()).list().size();
    CHECK(create_cohort_of_a_renamed_curriculum(programme) == 2);  // refused, came back, and was cancelled
    REQUIRE(programme.messages.size() == 1);
    const wxString& shown = programme.messages.front();
    INFO(shown.utf8_string());
    CHECK(shown.Contains("no curriculum PSF has been imported"));
    CHECK(shown.Contains("in Curricula, with Import curriculum…"));
    CHECK_FALSE(shown.Contains("mitra-cli"));
    CHECK(store::CohortRepo(programme.db()).list().size() == before);
}

TEST_CASE("in Japanese, the refusal of a cohort of a curriculum not imported is all Japanese but for the code",
          "[gui][commands]") {
    struct BackToEnglish {
        ~BackToEnglish() { app::set_up_translations("en"); }
    } after;
    Programme programme;
    programme.context.set_language(app::set_up_translations("ja"));
    create_cohort_of_a_renamed_curriculum(programme);
    REQUIRE(programme.messages.size() == 1);
    const std::string shown = programme.messages.front().utf8_string();
    INFO(shown);
    CHECK(shown.find("PSF") != std::string::npos);  // the curriculum's code, as it is
    CHECK(shown.find("カリキュラム PSF は取り込まれていません") != std::string::npos);  // the catalog's words
    // Nothing else in Latin letters: no store English ("no curriculum", "imported"), no command.
    std::string rest = shown;
    for (auto at = rest.find("PSF"); at != std::string::npos; at = rest.find("PSF")) rest.erase(at, 3);
    CHECK(std::none_of(rest.begin(), rest.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }));
}

TEST_CASE("a damaged database whose restore was declined is refused in the program's words, naming no command",
          "[gui][commands]") {
    const fs::path dir = fs::temp_directory_path() / ("mitra-gui-commands-" + std::to_string(std::random_device()()));
    fs::create_directories(dir);
    std::vector<wxString> messages;
    app::set_message_sink([&](wxWindow*, const wxString&, const wxString& m) { messages.push_back(m); });
    app::set_question_sink([](wxWindow*, const wxString&) { return false; });  // "Do not restore"
    struct Reset {
        fs::path dir;
        ~Reset() {
            app::set_message_sink({});
            app::set_question_sink({});
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } reset{dir};

    const fs::path file = dir / "mitra.db";
    {
        auto db = store::Database::open(file.string());
        Participant p;
        p.ref = "P-1";
        p.full_name = "Kumari Perera";
        p.country = "LK";
        p.language = "si";
        store::ParticipantRepo(*db).add(p);
        store::backup_rotating(*db, "manual", 10);
        db->sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
    }
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string noise(3000, '\x5A');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    const fs::path backup = store::list_backups(file).front();
    app::AppContext context;
    CHECK_FALSE(app::open_database(nullptr, context, file.string()));
    REQUIRE(messages.size() == 1);
    const wxString& shown = messages.front();
    INFO(shown.utf8_string());
    CHECK(shown.Contains("is damaged"));
    CHECK(shown.Contains(wxString::FromUTF8(backup.string())));
    CHECK(shown.Contains(wxString::FromUTF8("open the database again (File ▸ Open database…)")));
    CHECK_FALSE(shown.Contains("mitra-cli"));
}
