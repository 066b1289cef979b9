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

#include "app/cohort_pages.hpp"
#include "app/guard.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "core/problem.hpp"
#include "io/keys.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"

namespace mitra::app {
namespace fs = std::filesystem;
namespace {

// Thrown inside the preview's transaction so that nothing it did is kept.
struct PreviewOnly {};

bool open_with_desktop(const fs::path& path) { return wxLaunchDefaultApplication(wx(path.string())); }

}  // namespace

PrintPage::PrintPage(wxWindow* parent, AppContext& context, const std::string& cohort_code)
    : CohortPage(parent, context, cohort_code, "print") {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, wxSize(10, 6));
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(this, wxID_ANY, _("Certificate")), 0, wxALIGN_CENTER_VERTICAL);
    auto* kind_row = new wxBoxSizer(wxHORIZONTAL);
    kind_ = new wxChoice(this, wxID_ANY);
    kind_->Append(_("Programme completion"));
    kind_->Append(_("Module participation"));
    kind_->SetSelection(0);
    module_ = new wxChoice(this, wxID_ANY);
    module_->Disable();
    kind_row->Add(kind_, 0, wxRIGHT, 6);
    kind_row->Add(module_, 0);
    form->Add(kind_row);
    form->Add(new wxStaticText(this, wxID_ANY, _("Folder")), 0, wxALIGN_CENTER_VERTICAL);
    const wxString documents = wxStandardPaths::Get().GetDocumentsDir();
    auto* folder_row = new wxBoxSizer(wxHORIZONTAL);
    folder_ = new wxTextCtrl(this, wxID_ANY, documents + "/" + _("Mitra certificates") + "/" + wx(cohort_code));
    auto* browse = new wxButton(this, wxID_ANY, _("Choose…"));
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
    open_folder_ = new wxButton(this, wxID_ANY, _("Open &folder"));
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
    outcome_->AppendTextColumn(_("Ref"), wxDATAVIEW_CELL_INERT, FromDIP(80));
    outcome_->AppendTextColumn(_("Serial or reason"), wxDATAVIEW_CELL_INERT, FromDIP(520), wxALIGN_LEFT,
                               wxDATAVIEW_COL_RESIZABLE);
    row->Add(outcome_, 1, wxEXPAND);
    column->Add(row, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(column);

    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { module_->Enable(kind_->GetSelection() == 1); });
    preview_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview(); });
    issue_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { issue(utf8(folder_->GetValue())); });
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
    });
}

bool PrintPage::preview() {
    bool shown = false;
    guarded(this, [&] {
        const auto layout = shipped_certificate_template(kind());
        const auto key = io::load_or_create_signing_key(io::default_key_path());
        store::CohortIssue result;
        try {
            context_.db().write([&] {
                result = store::CertificateRepo(context_.db())
                             .issue_for_cohort(cohort_, kind(), module_code(), kind(), key, context_.today());
                throw PreviewOnly{};
            });
        } catch (const PreviewOnly&) {
        }
        outcome_->DeleteAllItems();
        for (const auto& l : result.left_out) {
            wxVector<wxVariant> values;
            values.push_back(wx(l.ref));
            values.push_back(wx(l.reason));
            outcome_->AppendItem(values);
        }
        if (result.issued.empty()) {
            show_info(this, _("No one in this cohort is eligible for this certificate yet; the list says what each "
                              "person still needs."));
            return;
        }
        CertificateContent content = result.issued.front().content;
        content.qr_text = "MITRA-PREVIEW";  // a preview carries no valid signature
        const fs::path dir = fs::temp_directory_path() / ("mitra-preview-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        preview_pdf_ = dir / "preview.pdf";
        pdf::CertificateRenderer(context_.fonts()).render(layout, content, preview_pdf_);
        const fs::path png = dir / "preview";
        const std::string command = "pdftoppm -r 60 -png -singlefile '" + preview_pdf_.string() + "' '" +
                                    png.string() + "' 2>/dev/null";
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

bool PrintPage::issue(const fs::path& folder) {
    bool finished = false;
    guarded(this, [&] {
        const auto layout = shipped_certificate_template(kind());
        const auto key = io::load_or_create_signing_key(io::default_key_path());
        const auto result = store::CertificateRepo(context_.db())
                                .issue_for_cohort(cohort_, kind(), module_code(), kind(), key, context_.today());
        fs::create_directories(folder);
        last_folder_ = folder;
        written_.clear();
        print_file_.clear();
        outcome_->DeleteAllItems();
        const int total = static_cast<int>(result.issued.size());
        wxProgressDialog progress(_("Writing certificates"), _("Preparing…"), std::max(1, total * 2), this,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME |
                                      wxPD_REMAINING_TIME);
        pdf::CertificateRenderer renderer(context_.fonts());
        std::vector<pdf::BatchCertificate> batch;
        for (const auto& issued : result.issued) batch.push_back({issued.content, issued.existing});
        const std::string print_name = cohort_ + (kind() == "module" ? "-" + module_code() : "") + "-print.pdf";
        const auto files = pdf::write_certificate_files(
            renderer, layout, batch, folder, print_name, [&](std::size_t done, std::size_t) {
                const wxString what = done <= result.issued.size()
                                          ? wxString::Format(_("%s (%d of %d)"), wx(result.issued[done - 1].record.serial),
                                                             static_cast<int>(done), total)
                                          : wxString(_("Writing the print file…"));
                return progress.Update(static_cast<int>(done), what);  // the dialog counts to total * 2 == all
            });
        const bool cancelled = files.cancelled;
        written_ = files.files;
        print_file_ = files.print_file;
        for (std::size_t i = 0; i < written_.size(); ++i) {
            const auto& issued = result.issued[i];
            wxVector<wxVariant> values;
            values.push_back(wx(issued.record.participant_ref));
            values.push_back(wx(issued.record.serial + "  " + issued.record.full_name));
            outcome_->AppendItem(values);
        }
        for (const auto& l : result.left_out) {
            wxVector<wxVariant> values;
            values.push_back(wx(l.ref));
            values.push_back(wxString::Format(_("not yet: %s"), wx(l.reason)));
            outcome_->AppendItem(values);
        }
        open_folder_->Enable(!written_.empty());
        open_print_->Enable(!print_file_.empty());
        if (cancelled)
            show_info(this, wxString::Format(_("Stopped: %zu certificate files were written, and no print file. Issue "
                                               "again to finish; everyone keeps their serial."),
                                             written_.size()));
        finished = !cancelled;
    });
    return finished;
}

}  // namespace mitra::app
