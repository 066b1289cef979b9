// Certificates: find one by serial or name, verify it, revoke it with a reason.
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "core/signature.hpp"
#include "store/certificates.hpp"

namespace mitra::app {

CertificatesPanel::CertificatesPanel(wxWindow* parent, AppContext& context)
    : BrowsePanel(parent, context, "certificates") {
    build();
}

std::vector<ColumnSpec> CertificatesPanel::columns() const {
    return {{_("Serial"), 190}, {_("Name"), 180}, {_("Cohort"), 100}, {_("Kind"), 90}, {_("Issued"), 90},
            {_("Status"), 80}};
}

long long CertificatesPanel::count(const std::string& search) {
    return static_cast<long long>(store::CertificateRepo(context_.db()).list(search).size());
}

std::vector<TextRow> CertificatesPanel::fetch(const std::string& search, int offset, int limit) {
    return page_of(store::CertificateRepo(context_.db()).list(search), offset, limit,
                   [](const store::CertificateRecord& r) {
                       return TextRow{wx(r.serial), wx(r.full_name), wx(r.cohort_code),
                                      wx(r.kind + (r.module_code.empty() ? "" : " " + r.module_code)), wx(r.issued_on),
                                      r.revoked_at ? _("revoked") : _("valid")};
                   });
}

void CertificatesPanel::show_details(const TextRow& row) {
    const auto r = store::CertificateRepo(context_.db()).find(utf8(row[0]));
    if (!r) return;
    details_->set_heading(wx(r->serial));
    details_->add_field(_("Holder"), wx(r->full_name + "  (" + r->participant_ref + ")"));
    details_->add_field(_("Cohort"), wx(r->cohort_code));
    details_->add_field(_("Kind"), wx(r->kind + (r->module_code.empty() ? "" : " " + r->module_code)));
    details_->add_field(_("Issued"), wx(r->issued_on));
    details_->add_field(_("Copies printed again"), wxString::Format("%d", r->prints));
    details_->add_field(_("Status"), r->revoked_at ? wxString::Format(_("revoked on %s by %s: %s"), wx(*r->revoked_at),
                                                                      wx(r->revoked_by), wx(r->revocation_reason))
                                                   : _("valid"));
}

void CertificatesPanel::add_actions(wxWindow* parent, wxBoxSizer* bar) {
    auto* verify_button = new wxButton(parent, wxID_ANY, _("Verify"));
    auto* revoke = new wxButton(parent, wxID_ANY, _("Revoke…"));
    bar->Add(verify_button, 0, wxRIGHT, 4);
    bar->Add(revoke, 0);
    verify_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const TextRow* row = selected();
        if (!row) return show_info(this, _("Choose a certificate in the list first."));
        const std::string serial = utf8((*row)[0]);
        guarded(this, [&] { show_info(this, verify(serial)); });
    });
    revoke->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { revoke_selected(); });
}

wxString CertificatesPanel::verify(const std::string& serial) {
    store::CertificateRepo repo(context_.db());
    const auto record = repo.find(serial);
    if (!record) return wxString::Format(_("NOT VALID: no certificate with serial %s was issued here."), wx(serial));
    const auto check = check_payload(record->payload, repo.trusted_keys());
    if (!check.genuine) return wxString::Format(_("NOT VALID: %s"), wx(check.problem));
    if (record->revoked_at)
        return wxString::Format(_("NOT VALID: %s was revoked on %s: %s"), wx(serial), wx(*record->revoked_at),
                                wx(record->revocation_reason));
    return wxString::Format(_("GENUINE: %s certifies %s (%s), issued %s, signed by key %s."), wx(check.facts.serial),
                            wx(check.facts.full_name), wx(check.facts.kind), wx(check.facts.issued_on),
                            wx(check.facts.key_id));
}

void CertificatesPanel::revoke_selected() {
    const TextRow* row = selected();
    if (!row) return show_info(this, _("Choose a certificate in the list first."));
    const std::string serial = utf8((*row)[0]);
    ReasonDialog dialog(this, _("Revoke a certificate"),
                        wxString::Format(_("Why is %s revoked? The reason is kept with who and when."), wx(serial)));
    if (dialog.ShowModal() != wxID_OK) return;
    if (guarded(this, [&] { store::CertificateRepo(context_.db()).revoke(serial, dialog.reason()); })) refresh();
}

}  // namespace mitra::app
