// The GUI tests' entry point: starts wxWidgets (on the display xvfb-run gives), then runs Catch.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/evtloop.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "app/i18n.hpp"
#include "app/mitra_app.hpp"

namespace {
class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
    // As the program's: the chosen language's direction (mitra::app::MitraApp::GetLayoutDirection).
    wxLayoutDirection GetLayoutDirection() const override { return mitra::app::interface_direction(); }
};
}  // namespace

int main(int argc, char** argv) {
    // Configuration (window sizes, recent files, language) goes to a fresh folder, never the user's.
    const auto config =
        std::filesystem::temp_directory_path() / ("mitra-gui-config-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(config);
    ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv)) {
        std::cerr << "test_app: cannot start wxWidgets (is there a display? run under xvfb-run -a)\n";
        return 2;
    }
    wxTheApp->CallOnInit();
    // A failed wx assertion must fail the run, not wait for someone to close its dialog.
    static int failed_asserts = 0;
    wxSetAssertHandler(
        [](const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
            std::cerr << "wx assertion failed: " << file.utf8_string() << ":" << line << " " << func.utf8_string()
                      << ": " << cond.utf8_string() << " " << msg.utf8_string() << "\n";
            ++failed_asserts;
        });
    wxString problem;
    if (!mitra::app::set_up_environment(problem)) {
        std::cerr << "test_app: " << problem.utf8_string() << "\n";
        return 2;
    }
    mitra::app::set_up_translations("en");
    int result = 0;
    {
        wxGUIEventLoop loop;
        wxEventLoopActivator active(&loop);
        result = Catch::Session().run(argc, argv);
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    std::error_code ec;
    std::filesystem::remove_all(config, ec);
    return result != 0 ? result : (failed_asserts > 0 ? 1 : 0);
}
