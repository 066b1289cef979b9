// Print certificates: a preview of one, then everyone eligible in one batch, then the folder or the print file.
#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/textctrl.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/mimetype.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include <cstdlib>

#include "app/columns.hpp"
#include "app/cohort_pages.hpp"
#include "app/guard.hpp"
#include "app/i18n.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "io/durable.hpp"
#include "io/keys.hpp"
#include "io/reason_words.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"
#include "store/settings.hpp"
#include "workflow/certificates.hpp"

namespace mitra::app {
namespace fs = std::filesystem;
namespace {

bool open_with_desktop(const fs::path& path) { return wxLaunchDefaultApplication(wx(path.string())); }

}  // namespace

PrintPage::PrintPage(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : CohortPage(parent, context, cohort_code, "print") {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, wxSize(10, 6));
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(this, wxID_ANY, _("C&ertificate")), 0, wxALIGN_CENTER_VERTICAL);
    auto* kind_row = new wxBoxSizer(wxHORIZONTAL);
    kind_ = new wxChoice(this, wxID_ANY);
    kind_->Append(_("Programme completion"));
    kind_->Append(_("Module participation"));
    kind_->SetSelection(0);
    module_ = new wxChoice(this, wxID_ANY);
    module_->Disable();
    kind_row->Add(kind_, 0, wxRIGHT, 6);
    kind_row->Add(module_, 1);
    form->Add(kind_row, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("Fol&der")), 0, wxALIGN_CENTER_VERTICAL);
    const wxString documents = wxStandardPaths::Get().GetDocumentsDir();
    auto* folder_row = new wxBoxSizer(wxHORIZONTAL);
    folder_ = new wxTextCtrl(this, wxID_ANY, documents + "/" + _("Mitra certificates") + "/" + wx(cohort_code));
    auto* browse = new wxButton(this, wxID_ANY, _("Choo&se…"));
    folder_row->Add(folder_, 1, wxEXPAND | wxRIGHT, 4);
    folder_row->Add(browse, 0);
    form->Add(folder_row, 1, wxEXPAND);
    browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxDirDialog dialog(this, _("Where the certificates are written"), folder_->GetValue());
        if (dialog.ShowModal() == wxID_OK) folder_->SetValue(dialog.GetPath());
    });
    column->Add(form, 0, wxEXPAND | wxALL, 8);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* preview_button = new wxButton(this, wxID_ANY, _("&Preview"));
    auto* issue_button = new wxButton(this, wxID_ANY, _("&Issue and write PDFs…"));
    open_folder_ = new wxButton(this, wxID_ANY, _("Open fo&lder"));
    open_print_ = new wxButton(this, wxID_ANY, _("Open p&rint file"));
    for (auto* b : {preview_button, issue_button, open_folder_, open_print_}) bar->Add(b, 0, wxRIGHT, 4);
    open_folder_->Disable();
    open_print_->Disable();
    column->Add(bar, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    picture_ = new wxStaticBitmap(this, wxID_ANY, wxNullBitmap, wxDefaultPosition, FromDIP(wxSize(420, 300)));
    picture_->SetName("preview");
    row->Add(picture_, 0, wxRIGHT, 8);
    outcome_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES);
    outcome_->SetName("print_outcome");
    outcome_->AppendTextColumn(_("Ref"), wxDATAVIEW_CELL_INERT, column_width(outcome_, _("Ref"), 80));
    outcome_->AppendTextColumn(_("Serial or reason"), wxDATAVIEW_CELL_INERT,
                               column_width(outcome_, _("Serial or reason"), 520), wxALIGN_LEFT,
                               wxDATAVIEW_COL_RESIZABLE);
    row->Add(outcome_, 1, wxEXPAND);
    column->Add(row, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(column);

    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { module_->Enable(kind_->GetSelection() == 1); });
    preview_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview(); });
    issue_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (verify_url_known() && confirm_issue()) issue(utf8(folder_->GetValue()));
    });
    open_folder_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_with_desktop(last_folder_); });
    open_print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_with_desktop(print_file_); });
}

void PrintPage::set_folder(const wxString& folder) { folder_->SetValue(folder); }

std::string PrintPage::kind() const { return kind_->GetSelection() == 1 ? "module" : "completion"; }

std::string PrintPage::module_code() const {
    const int at = module_->GetSelection();
    return kind() == "module" && at != wxNOT_FOUND ? module_codes_[static_cast<std::size_t>(at)] : "";
}

void PrintPage::refresh() {
    guarded(this, [&] {
        const auto cohort = store::AppQueries(context_.db()).find_cohort(cohort_);
        if (!cohort) return;
        const auto curriculum = store::CohortRepo(context_.db()).curriculum_of(*cohort);
        const int at = module_->GetSelection();
        module_->Clear();
        module_codes_.clear();
        for (const auto& m : curriculum.modules) {
            module_codes_.push_back(m.code);
            module_->Append(wx(m.code + "  " + m.title.in(context_.language())));
        }
        module_->SetSelection(at != wxNOT_FOUND && at < static_cast<int>(module_codes_.size()) ? at : 0);
        // Made empty, the choice took an empty one's height: now as high as its words (taller with large text),
        // and as wide as the row leaves it (a long title ends in "…").
        module_->InvalidateBestSize();
        module_->SetMinSize(wxSize(FromDIP(160), module_->GetBestSize().GetHeight()));
        Layout();
    });
}

// Who would be given a certificate, and who not (with why), as the outcome list shows them.
void PrintPage::show_outcome(const workflow::IssueOutcome& outcome, bool planned) {
    outcome_->DeleteAllItems();
    for (const auto& issued : outcome.issued) {
        wxVector<wxVariant> values;
        values.push_back(wx(issued.record.participant_ref));
        values.push_back(planned && !issued.existing ? wxString(_("will be given a certificate"))
                                                     : wx(issued.record.serial + "  " + issued.record.full_name));
        outcome_->AppendItem(values);
    }
    // What those not yet complete lack, with module titles in the interface's language.
    auto left_out = outcome.left_out;
    workflow::retitle_left_out(context_.db(), cohort_, context_.today(), context_.language(), left_out);
    for (const auto& l : left_out) {
        wxVector<wxVariant> values;
        values.push_back(wx(l.ref));
        values.push_back(wxString::Format(
            _("not given one: %s"), wx(io::left_out_phrase(l.why, l.completion, io::catalog(interface_catalog())))));
        outcome_->AppendItem(values);
    }
}

workflow::IssueRequest PrintPage::request(const fs::path& folder, bool preview) const {
    workflow::IssueRequest r;
    r.cohort_code = cohort_;
    r.kind = kind();
    r.module_code = module_code();
    r.layout = shipped_certificate_template(kind());
    r.template_name = kind();
    r.today = context_.today();
    r.folder = folder;
    r.preview = preview;
    return r;
}

bool PrintPage::preview() {
    bool shown = false;
    guarded(this, [&] {
        // A preview signs, writes and records nothing: the store only plans, the renderer draws the first.
        const auto key = io::load_or_create_signing_key(io::default_key_path());
        const auto result = workflow::issue_certificates(context_.db(), context_.fonts(), key, request({}, true));
        show_outcome(result, true);
        if (result.issued.empty()) {
            show_info(this, _("No one in this cohort is eligible for this certificate yet; the list says what each "
                              "person still needs."));
            return;
        }
        // It shows a person's name: an owner-only folder and file.
        const fs::path dir = fs::temp_directory_path() / ("mitra-preview-" + std::to_string(::getpid()));
        io::create_private_folders(dir);
        preview_pdf_ = dir / "preview.pdf";
        io::write_file_atomically(preview_pdf_, result.preview_pdf, io::Access::owner_only);
        const fs::path png = dir / "preview";
        const std::string command =
            "pdftoppm -r 60 -png -singlefile '" + preview_pdf_.string() + "' '" + png.string() + "' 2>/dev/null";
        wxImage image;
        if (std::system(command.c_str()) == 0 && image.LoadFile(wx(png.string() + ".png"), wxBITMAP_TYPE_PNG)) {
            const wxSize box = FromDIP(wxSize(420, 300));
            const double scale = std::min(double(box.x) / image.GetWidth(), double(box.y) / image.GetHeight());
            image.Rescale(int(image.GetWidth() * scale), int(image.GetHeight() * scale), wxIMAGE_QUALITY_HIGH);
            picture_->SetBitmap(wxBitmap(image));
            Layout();
        } else {
            open_with_desktop(preview_pdf_);  // no rasteriser here: the desktop's PDF viewer shows it
        }
        shown = true;
    });
    return shown;
}

// Certificates link to the programme's verification page; the first batch without its address asks for it (and
// keeps it for every later batch, as Preferences and `mitra-cli settings set verify-url` do).
bool PrintPage::verify_url_known() {
    store::SettingsRepo settings(context_.db());
    bool known = false;
    guarded(this, [&] { known = !settings.verify_url().empty(); });
    wxString answer;
    while (!known) {
        answer = ask_text(this, _("Verification address"),
                          _("Each certificate's QR code opens your programme's verification page, where anyone can "
                            "check it with a phone. Its address (for example https://verify.example.org/psf/):"),
                          answer);
        if (answer.empty()) return false;  // cancelled: nothing is issued
        known = guarded(this, [&] { settings.set(store::kVerifyUrlSetting, utf8(answer)); });
    }
    return true;
}

bool PrintPage::confirm_issue() {
    bool go = false;
    guarded(this, [&] {
        const auto plan =
            store::CertificateRepo(context_.db()).plan_for_cohort(cohort_, kind(), module_code(), context_.today());
        workflow::IssueOutcome shown;
        shown.issued = plan.issued;
        shown.left_out = plan.left_out;
        show_outcome(shown, true);
        if (plan.issued.empty()) {
            show_info(this, _("No one in this cohort is eligible for this certificate yet; the list says what each "
                              "person still needs."));
            return;
        }
        go = ask_yes_no(this,
                        wxString::Format(_("%zu people will be given a certificate and %zu will not (the list says "
                                           "why). Serials are recorded only for certificates that are written. "
                                           "Issue them now?"),
                                         plan.issued.size(), plan.left_out.size()),
                        _("Issue"), _("Cancel"));
    });
    return go;
}

bool PrintPage::issue(const fs::path& folder) {
    bool finished = false;
    guarded(this, [&] {
        const auto key = io::load_or_create_signing_key(io::default_key_path());
        last_folder_ = folder;
        written_.clear();
        print_file_.clear();
        outcome_->DeleteAllItems();
        wxProgressDialog progress(
            _("Writing certificates"), _("Preparing…"), 100, this,
            wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME);
        const auto result = workflow::issue_certificates(
            context_.db(), context_.fonts(), key, request(folder, false), [&](std::size_t done, std::size_t total) {
                const wxString what = done * 2 <= total || total == 0
                                          ? wxString::Format(_("Certificate %d of %d"), static_cast<int>(done),
                                                             static_cast<int>(total / 2))
                                          : wxString(_("Writing the print file…"));
                progress.SetRange(static_cast<int>(std::max<std::size_t>(total, 1)));
                return progress.Update(static_cast<int>(std::min(done, total)), what);
            });
        written_ = result.files;
        print_file_ = result.print_file;
        show_outcome(result, false);
        open_folder_->Enable(!written_.empty());
        open_print_->Enable(!print_file_.empty());
        if (result.cancelled)
            show_info(this, _("Stopped: nothing was recorded and no certificate was written. Issue again when "
                              "ready."));
        finished = !result.cancelled;
    });
    return finished;
}

}  // namespace mitra::app
