// Opening a database in the desktop program: its warnings shown without blocking, a damaged file offered its backup.
#include <catch2/catch.hpp>

#include <wx/infobar.h>
#include <wx/progdlg.h>

#include <fstream>
#include <random>

#include "app/guard.hpp"
#include "app/main_frame.hpp"
#include "app/recovery.hpp"
#include "fixture.hpp"
#include "read_only_view.hpp"
#include "store/backup.hpp"
#include "store/repos.hpp"

#include <soci/soci.h>
#include <wx/statusbr.h>

#include <cstdlib>

using namespace mitra;
using namespace mitra::app_test;
namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path path = fs::temp_directory_path() / ("mitra-gui-safety-" + std::to_string(std::random_device()()));
    std::vector<wxString> messages, questions;
    bool answer = true;
    Folder() {
        fs::create_directories(path);
        app::set_message_sink([this](wxWindow*, const wxString&, const wxString& m) { messages.push_back(m); });
        app::set_question_sink([this](wxWindow*, const wxString& q) {
            questions.push_back(q);
            return answer;
        });
    }
    ~Folder() {
        app::set_message_sink({});
        app::set_question_sink({});
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    // Files whose names start with `start`, without the -wal and -shm that go with a database file.
    std::vector<fs::path> named(const std::string& start) const {
        std::vector<fs::path> out;
        for (const auto& e : fs::directory_iterator(path)) {
            const std::string name = e.path().filename().string();
            const bool companion =
                name.size() > 4 && (name.substr(name.size() - 4) == "-wal" || name.substr(name.size() - 4) == "-shm");
            if (name.rfind(start, 0) == 0 && !companion) out.push_back(e.path());
        }
        return out;
    }
};

Participant person(const std::string& ref, const std::string& name) {
    Participant p;
    p.ref = ref;
    p.full_name = name;
    p.country = "LK";
    p.language = "si";
    return p;
}

}  // namespace

TEST_CASE("a warning from opening the database shows in a bar above the pages, without a dialog", "[gui][safety]") {
    Folder folder;
    const std::string file = (folder.path / "mitra.db").string();
    {
        app::AppContext first;
        first.open(file);
    }
    // A file where the backups folder goes: today's backup cannot be made, and the work goes on.
    std::ofstream(folder.path / "backups") << "not a folder";
    app::AppContext context;
    context.open(file);
    REQUIRE(context.db().warnings().size() == 1);

    Window frame(context);
    frame->SetSize(0, 0, 1200, 700);
    pump(200);
    CHECK(frame->notice().Contains("Today's backup of " + file + " could not be made. Your data is safe."));
    auto* bar = dynamic_cast<wxInfoBar*>(wxWindow::FindWindowByName("notices", frame.get()));
    REQUIRE(bar);
    CHECK(bar->IsShown());
    CHECK(folder.messages.empty());  // nothing modal stood in the way
    fs::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/warning.png"));

    SECTION("a database opened without warnings hides the bar") {
        fs::remove(folder.path / "backups");
        REQUIRE(frame->use_database((folder.path / "other.db").string()));
        pump(50);
        CHECK(frame->notice().empty());
    }
}

TEST_CASE("a damaged database is offered its latest good backup; the damaged file is kept aside", "[gui][safety]") {
    Folder folder;
    const fs::path file = folder.path / "mitra.db";
    {
        auto db = store::Database::open(file.string());
        auto before = person("P-1", "Kumari Perera");
        store::ParticipantRepo(*db).add(before);
        store::backup_rotating(*db, "manual", 10);
        auto after = person("P-2", "Nimal Silva");  // added after the backup: the backup cannot hold it
        store::ParticipantRepo(*db).add(after);
    }
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string noise(3000, '\x5A');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    const std::string damaged = bytes_of(file);
    const fs::path backup = store::list_backups(file).front();
    CHECK(app::latest_good_backup(file.string()) == backup);

    SECTION("asked first, then restored and opened") {
        app::AppContext context;
        REQUIRE(app::open_database(nullptr, context, file.string()));
        REQUIRE(folder.questions.size() == 1);
        const wxString& q = folder.questions.front();
        CHECK(q.Contains("is damaged"));
        CHECK(q.Contains(wxString::FromUTF8(backup.string())));
        CHECK(q.Contains("moved aside and kept"));
        CHECK(q.Contains("Changes made after the backup"));
        CHECK(store::ParticipantRepo(context.db()).find("P-1"));
        CHECK_FALSE(store::ParticipantRepo(context.db()).find("P-2"));
        const auto aside = folder.named("mitra.db.damaged-");
        REQUIRE(aside.size() == 1);
        CHECK(bytes_of(aside.front()) == damaged);
        REQUIRE(folder.messages.size() == 1);
        CHECK(folder.messages.front().Contains("restored"));
        CHECK(folder.messages.front().Contains(wxString::FromUTF8(aside.front().string())));

        Window frame(context);
        frame->SetSize(0, 0, 1200, 700);
        frame->show_section(app::MainFrame::participants);
        pump(200);
        fs::create_directories(MITRA_SHOTS_DIR);
        REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/restored.png"));
    }

    SECTION("declined: nothing is touched, and the refusal names the backup") {
        folder.answer = false;
        app::AppContext context;
        CHECK_FALSE(app::open_database(nullptr, context, file.string()));
        CHECK_FALSE(context.is_open());
        CHECK(folder.questions.size() == 1);
        CHECK(bytes_of(file) == damaged);
        CHECK(folder.named("mitra.db.damaged-").empty());
        REQUIRE(folder.messages.size() == 1);
        CHECK(folder.messages.front().Contains("damaged"));
    }

    SECTION("a damaged file with no good backup is refused without a question") {
        for (const auto& b : store::list_backups(file)) fs::remove(b);
        app::AppContext context;
        CHECK_FALSE(app::open_database(nullptr, context, file.string()));
        CHECK(folder.questions.empty());
        CHECK(bytes_of(file) == damaged);
    }
}

TEST_CASE("a read-only database opens with a bar saying so, and a change is refused as read-only, not as damage",
          "[gui][safety]") {
    Folder folder;
    const fs::path data = folder.path / "data";
    fs::create_directories(data);
    {
        app::AppContext first;
        first.open((data / "mitra.db").string());
        auto p = person("P-1", "Kumari Perera");
        store::ParticipantRepo(first.db()).add(p);
    }
    mitra::store_test::ReadOnlyView view(data);
    if (view.path.empty()) {
        WARN("no read-only view could be made here (root without the right to mount): not tested");
        return;
    }
    INFO("read-only through " << view.how);
    app::AppContext context;
    REQUIRE(app::open_database(nullptr, context, (view.path / "mitra.db").string()));
    CHECK(folder.questions.empty());  // no offer to restore anything
    CHECK(folder.messages.empty());
    CHECK(context.db().read_only());

    Window frame(context);
    frame->SetSize(0, 0, 1200, 700);
    frame->show_section(app::MainFrame::participants);
    pump(200);
    CHECK(frame->notice().Contains(" is read-only"));
    CHECK(frame->notice().Contains("You can look, search, print reports and export"));
    auto* bar = dynamic_cast<wxInfoBar*>(wxWindow::FindWindowByName("notices", frame.get()));
    REQUIRE(bar);
    CHECK(bar->IsShown());
    CHECK(store::ParticipantRepo(context.db()).find("P-1"));
    fs::create_directories(MITRA_SHOTS_DIR);
    REQUIRE(save_screenshot(frame.get(), std::string(MITRA_SHOTS_DIR) + "/read-only.png"));

    auto late = person("P-2", "Nimal Silva");
    CHECK_FALSE(app::guarded(frame.get(), [&] { store::ParticipantRepo(context.db()).add(late); }));
    REQUIRE(folder.messages.size() == 1);
    CHECK(folder.messages.front().Contains("is read-only"));
    CHECK(folder.messages.front().Contains("Nothing was changed."));
    CHECK_FALSE(folder.messages.front().Contains("damaged"));
    CHECK_FALSE(folder.messages.front().Contains("restore"));
    CHECK(folder.questions.empty());
}

TEST_CASE("a change waiting for another program says so in the status bar, and gives up after the limit",
          "[gui][safety]") {
    Folder folder;
    ::setenv("MITRA_LOCK_WAIT_SECONDS", "2", 1);
    const std::string file = (folder.path / "mitra.db").string();
    app::AppContext context;
    context.open(file);
    ::unsetenv("MITRA_LOCK_WAIT_SECONDS");
    Window frame(context);
    frame->SetSize(0, 0, 1200, 700);
    pump(100);
    const wxString usual = frame->GetStatusBar()->GetStatusText(0);
    CHECK(usual.Contains("Database:"));

    auto other = store::Database::open(file, "", false);  // another program, in the middle of a change
    other->sql() << "BEGIN IMMEDIATE";
    auto p = person("P-1", "Kumari Perera");
    CHECK_FALSE(app::guarded(frame.get(), [&] { store::ParticipantRepo(context.db()).add(p); }));
    // Said while it waited, and still there until the event loop runs again; with a window offering Cancel.
    CHECK(frame->GetStatusBar()->GetStatusText(0).Contains("Another program is changing the database"));
    auto waiting_window = [] {
        for (wxWindow* w : wxTopLevelWindows)
            if (dynamic_cast<wxProgressDialog*>(w) && w->GetLabel() == "Waiting for another program") return true;
        return false;
    };
    CHECK(waiting_window());
    REQUIRE(folder.messages.size() == 1);
    // The other program held it for the whole wait (io::fault_phrase's lock_held, or busy when SQLite said so).
    INFO(folder.messages.front());
    CHECK((folder.messages.front().Contains("Another program held the database") ||
           folder.messages.front().Contains("Other people were changing the same records at the same moment")));
    CHECK(folder.messages.front().Contains("Nothing was changed; please try again."));
    pump(100);
    CHECK(frame->GetStatusBar()->GetStatusText(0) == usual);
    CHECK_FALSE(waiting_window());
    other->sql() << "ROLLBACK";
    CHECK(app::guarded(frame.get(), [&] { store::ParticipantRepo(context.db()).add(p); }));
}
