// Certificates: find one by serial or name, verify it, revoke it or print a copy, each with a reason.
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/utils.h>

#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/reason_words.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "core/calendar.hpp"
#include "core/verdict.hpp"
#include "io/files.hpp"
#include "io/keys.hpp"
#include "io/template_toml.hpp"
#include "pdf/certificate.hpp"
#include "store/certificates.hpp"
#include "workflow/certificates.hpp"
#include "workflow/verifier_site.hpp"
#include "workflow/verify.hpp"

namespace mitra::app {

CertificateTemplate shipped_certificate_template(const std::string& kind) {
    const auto dir = io::shipped_dir("certificates");
    if (dir.empty()) throw std::runtime_error("the certificates folder with the templates was not found");
    auto layout = io::read_certificate_template_file(dir / pdf::shipped_template_name(kind));
    if (!layout.ok()) throw InputError{layout.problems};
    return layout.value;
}

namespace {

wxString ask_certificate_path(wxWindow* parent, const std::string& serial) {
    return ask_save_path(parent, wxString::Format(_("Save certificate %s"), wx(serial)), wx(serial + ".pdf"),
                         _("PDF files (*.pdf)|*.pdf"));
}

}  // namespace

void offer_to_open_certificate(wxWindow* parent, const std::string& serial, const wxString& path) {
    if (ask_yes_no(parent, wxString::Format(_("Certificate %s was written to %s. Open it now?"), wx(serial), path),
                   _("Open it"), _("Not now")))
        wxLaunchDefaultApplication(path);
}

CertificatesPanel::CertificatesPanel(wxWindow* parent, AppContext& context)
    : BrowsePanel(parent, context, "certificates") {
    build();
}

std::vector<ColumnSpec> CertificatesPanel::columns() const {
    return {{_("Serial"), 190}, {_("Name"), 180},  {_("Cohort"), 100},
            {_("Kind"), 90},    {_("Issued"), 90}, {_("Status"), 80}};
}

long long CertificatesPanel::count(const std::string& search) {
    return static_cast<long long>(store::CertificateRepo(context_.db()).list(search).size());
}

std::vector<TextRow> CertificatesPanel::fetch(const std::string& search, int offset, int limit) {
    return page_of(store::CertificateRepo(context_.db()).list(search), offset, limit,
                   [](const store::CertificateRecord& r) {
                       return TextRow{wx(r.serial),      wx(r.full_name),
                                      wx(r.cohort_code), certificate_kind_words(r.kind, r.module_code),
                                      wx(r.issued_on),   r.revoked_at ? _("revoked") : _("valid")};
                   });
}

void CertificatesPanel::show_details(const TextRow& row) {
    const auto r = store::CertificateRepo(context_.db()).find(utf8(row[0]));
    if (!r) return;
    details_->set_heading(wx(r->serial));
    details_->add_field(_("Holder"), wx(r->full_name + "  (" + r->participant_ref + ")"));
    details_->add_field(_("Cohort"), wx(r->cohort_code));
    details_->add_field(_("Kind"), certificate_kind_words(r->kind, r->module_code));
    details_->add_field(_("Issued"), wx(r->issued_on));
    details_->add_field(_("Copies printed again"), wxString::Format("%d", r->prints));
    details_->add_field(_("Status"), r->revoked_at ? wxString::Format(_("revoked on %s by %s: %s"), wx(*r->revoked_at),
                                                                      wx(r->revoked_by), wx(r->revocation_reason))
                                                   : _("valid"));
}

void CertificatesPanel::add_actions(wxWindow* parent, wxBoxSizer* bar) {
    auto* verify_button = new wxButton(parent, wxID_ANY, _("Ver&ify"));
    auto* revoke = new wxButton(parent, wxID_ANY, _("&Revoke…"));
    auto* print_copy = new wxButton(parent, wxID_ANY, _("&Print a copy…"));
    print_copy->SetName("print_copy");
    bar->Add(verify_button, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(revoke, 0, wxRIGHT | wxBOTTOM, 4);
    bar->Add(print_copy, 0, wxRIGHT | wxBOTTOM, 4);
    auto* write_site = new wxButton(parent, wxID_ANY, _("&Write verification site…"));
    write_site->SetName("write_verifier_site");
    write_site->SetToolTip(
        _("Write the page anyone can check a certificate with, and the keys and revocation list it "
          "reads, into a folder to put at the verification address"));
    bar->Add(write_site, 0, wxBOTTOM, 4);
    write_site->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { write_verifier_site(); });
    verify_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const TextRow* row = selected();
        if (!row) return show_info(this, _("Choose a certificate in the list first."));
        const std::string serial = utf8((*row)[0]);
        guarded(this, [&] { show_info(this, verify(serial)); });
    });
    revoke->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { revoke_selected(); });
    print_copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const TextRow* row = selected();
        if (!row) return show_info(this, _("Choose a certificate in the list first."));
        const TextRow chosen = *row;
        std::optional<store::CertificateRecord> record;
        if (!guarded(this, [&] { record = store::CertificateRepo(context_.db()).find(utf8(chosen[0])); }) || !record)
            return;
        if (record->revoked_at)
            return show_error(
                this, wxString::Format(_("%s was revoked on %s (%s), so no copy of it is printed. Issue a "
                                         "new certificate instead."),
                                       wx(record->serial), wx(*record->revoked_at), wx(record->revocation_reason)));
        ReasonDialog dialog(
            this, _("Print a copy of a certificate"),
            wxString::Format(_("&Why is another copy of %s printed? The reason is kept with who and when."),
                             wx(record->serial)));
        if (dialog.ShowModal() != wxID_OK) return;
        // Where the copy goes is asked first: the copy is written, and only then is the reprint recorded.
        const wxString path = ask_certificate_path(this, record->serial);
        if (path.empty()) return;
        if (!guarded(this, [&] {
                const auto key = io::load_or_create_signing_key(io::default_key_path());
                workflow::reprint_certificate(context_.db(), context_.fonts(), key, record->serial, dialog.reason(),
                                              shipped_certificate_template(record->kind), utf8(path));
            }))
            return;
        // The list's rows are as they were; the details now count one more copy. The selection stays.
        details_->clear();
        guarded(this, [&] { show_details(chosen); });
        details_->done();
        offer_to_open_certificate(this, record->serial, path);
    });
}

// The same verdicts as `mitra-cli certificate verify SERIAL` (workflow::Verifier decides for both); the facts
// only once the signature verified, escaped as there.
wxString CertificatesPanel::verify(const std::string& serial) {
    const auto found = workflow::Verifier(context_.db()).serial(serial, today_utc());
    if (!found) return wxString::Format(_("NOT VALID: no certificate with serial %s was issued here."), wx(serial));
    const auto& o = found->outcome;
    if (!o.facts) {
        return verdict_heading(o.verdict) + ": " + wx(o.problem);
    }
    const auto& f = *o.facts;
    const wxString facts =
        o.erased && f.full_name.empty()
            ? wxString::Format(_("%s, issued %s; the holder's details were erased at their request."),
                               wx(shown_text(f.serial)), wx(shown_text(f.issued_on)))
            : wxString::Format(_("%s certifies %s (%s), issued %s, signed by key %s."), wx(shown_text(f.serial)),
                               wx(shown_text(f.full_name)), wx(shown_text(f.kind)), wx(shown_text(f.issued_on)),
                               wx(shown_text(f.key_id)));
    switch (o.verdict) {
        case Verdict::revoked:
            return wxString::Format(_("REVOKED: %s It was revoked on %s%s: %s"), facts, wx(o.revoked_on.value_or("")),
                                    o.revocation_category.empty() ? wxString() : " (" + wx(o.revocation_category) + ")",
                                    wx(shown_text(o.revocation_reason)));
        case Verdict::expired:
            return wxString::Format(_("EXPIRED: %s Its last valid day was %s."), facts,
                                    wx(o.expires_on ? to_string(*o.expires_on) : std::string()));
        case Verdict::superseded:
            return wxString::Format(_("SUPERSEDED: %s It was printed again since (such as with a corrected name); "
                                      "only the latest copy counts."),
                                    facts);
        default: return wxString::Format(_("GENUINE: %s"), facts);
    }
}

// The same site as `mitra-cli verifier site --out`, signed with the installation's key.
void CertificatesPanel::write_verifier_site() {
    const wxString folder = ask_folder(this, _("Where the verification site is written"));
    if (folder.empty()) return;
    workflow::VerifierSite site;
    if (!guarded(this, [&] {
            const auto key = io::load_or_create_signing_key(io::default_key_path());
            site = workflow::write_verifier_site(context_.db(), key, utf8(folder));
        }))
        return;
    show_info(this, wxString::Format(_("The verification site was written to %s: the page, %zu keys and a revocation "
                                       "list of %zu certificates. Put its files at the verification address."),
                                     folder, site.keys, site.revocations));
}

void CertificatesPanel::revoke_selected() {
    const TextRow* row = selected();
    if (!row) return show_info(this, _("Choose a certificate in the list first."));
    const std::string serial = utf8((*row)[0]);
    ReasonDialog dialog(this, _("Revoke a certificate"),
                        wxString::Format(_("&Why is %s revoked? The reason is kept with who and when."), wx(serial)));
    dialog.offer_revocation_categories();
    if (dialog.ShowModal() != wxID_OK) return;
    if (!guarded(this,
                 [&] { store::CertificateRepo(context_.db()).revoke(serial, dialog.reason(), dialog.category()); }))
        return;
    refresh();
    // The revocation stands; the site last written (as `mitra-cli certificate revoke` does) now lists it, or says
    // why it could not.
    const auto site = workflow::refresh_verifier_site(context_.db(), io::default_key_path());
    if (site.written)
        show_info(this, wxString::Format(_("%s is revoked. The verification site in %s was written again with it "
                                           "(%zu revoked): copy the folder's files to the web host at the "
                                           "verification address."),
                                         wx(serial), wx(site.folder.string()), site.site.revocations));
    else if (!site.folder.empty())
        show_error(this, wxString::Format(_("%s is revoked, but the verification site in %s was not updated: %s\n\n"
                                            "Write it again with \"Write verification site…\", then copy the "
                                            "folder's files to the web host."),
                                          wx(serial), wx(site.folder.string()), wx(site.problem)));
}

}  // namespace mitra::app
