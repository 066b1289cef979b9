// Certification over time in the desktop program: a person's pathway at a glance, the renewals due, and
// the two actions on them (record continuing education, renew).
#include "app/certification_view.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "app/columns.hpp"
#include "app/details_view.hpp"
#include "app/dialogs.hpp"
#include "app/guard.hpp"
#include "app/reason_words.hpp"
#include "app/record_dialogs.hpp"
#include "app/sections.hpp"
#include "app/text.hpp"
#include "io/keys.hpp"
#include "store/repos.hpp"
#include "workflow/certificates.hpp"

namespace mitra::app {

namespace {

const int kWithinDays[] = {30, 90, 180, 365};

wxString hours(int minutes) {
    return minutes % 60 == 0 ? wxString::Format(_("%d h"), minutes / 60)
                             : wxString::Format(_("%.1f h"), minutes / 60.0);
}

wxString joined(const std::vector<std::string>& lines, const wxString& between) {
    wxString out;
    for (const auto& l : lines) out << (out.empty() ? "" : between) << wx(l);
    return out;
}

wxString joined(const std::vector<RenewalShortfall>& shortfalls, const wxString& between) {
    wxString out;
    for (const auto& s : shortfalls) out << (out.empty() ? "" : between) << renewal_phrase(s);
    return out;
}

}  // namespace

wxString standing_words(const std::string& standing) {
    if (standing == "valid") return _("valid");
    if (standing == "expiring") return _("valid, expiring soon");
    if (standing == "expired") return _("expired");
    if (standing == "revoked") return _("revoked");
    if (standing == "superseded") return _("replaced by a renewal");
    if (standing == "not certified") return _("not certified yet");
    return wx(standing);
}

void add_pathways(DetailsView& details, AppContext& context, const std::string& ref, std::function<void()> changed) {
    const Date today = context.today();
    const auto paths = store::CertificationRepo(context.db()).pathways(ref, today);
    const wxString done = wxString::FromUTF8("✓ "), not_done = wxString::FromUTF8("✗ ");
    std::vector<std::string> held;  // the codes of the certifications the person holds now, and their titles
    wxArrayString titles;
    for (const auto& p : paths) {
        const wxString title = wx(p.definition.title.in(context.language()) + " (" + p.definition.code + ")");
        details.add_field(_("Certification"), title + " · " + standing_words(p.standing));
        if (p.current) {
            held.push_back(p.definition.code);
            titles.Add(title);
        }
        wxString steps;
        for (const auto& r : p.requirements)
            steps << (steps.empty() ? "" : "\n") << (r.done ? done : not_done)
                  << requirement_phrase(r, context.language());  // a whole phrase
        details.add_field(_("Pathway"), steps);
        if (p.current) {
            const auto& k = *p.current;
            details.add_field(_("Valid"), wxString::Format(_("%s to %s (certificate %s)"), wx(k.valid_from),
                                                           wx(k.expires_on), wx(k.serial)));
            const int days_left = days_between(today, k.expires_on);
            details.add_field(_("Expires"), days_left >= 0
                                                ? wxString::Format(_("%s, in %d days"), wx(k.expires_on), days_left)
                                                : wxString::Format(_("%s, %d days ago"), wx(k.expires_on), -days_left));
            wxString learned = wxString::Format(_("%s since %s"), hours(p.renewal.total_minutes), wx(k.issued_on));
            for (const auto& [category, minutes] : p.renewal.minutes_by_category)
                learned << ", " << category_words(category) << " " << hours(minutes);
            details.add_field(_("Learning"), learned);
            details.add_field(_("Renewal"), p.renewal.met ? _("ready: the rules are met")
                                                          : _("still needs: ") + joined(p.renewal.shortfalls, "; "));
        } else if (!p.gaps.empty()) {
            wxString missing;
            for (const auto& gap : p.gaps)
                missing << (missing.empty() ? "" : "\n") << gap_phrase(p, gap, context.language());
            details.add_field(_("Missing"), missing);
        }
    }
    // One "Record learning…" (learning is the person's, whatever they hold) and one "Renew…" that asks which when
    // the person holds several: a button a certification would repeat both and their mnemonics.
    if (!held.empty()) {
        auto* row = new wxPanel(&details);
        auto* bar = new wxBoxSizer(wxHORIZONTAL);
        auto* learn = new wxButton(row, wxID_ANY, _("&Record learning…"));
        learn->SetName("record_learning");
        auto* renew = new wxButton(row, wxID_ANY, _("Rene&w…"));
        renew->SetName("renew");
        bar->Add(learn, 0, wxRIGHT, 6);
        bar->Add(renew, 0);
        row->SetSizer(bar);
        learn->Bind(wxEVT_BUTTON, [&context, ref, changed, row](wxCommandEvent&) {
            if (record_learning(row, context, ref) && changed) changed();
        });
        renew->Bind(wxEVT_BUTTON, [&context, ref, held, titles, changed, row](wxCommandEvent&) {
            std::size_t which = 0;
            if (held.size() > 1) {
                wxSingleChoiceDialog ask(row, _("Certification"), _("Renew"), titles);
                ask.SetName("RenewWhichDialog");
                if (ask.ShowModal() != wxID_OK) return;
                which = static_cast<std::size_t>(ask.GetSelection());
            }
            if (renew_certification(row, context, ref, held[which]) && changed) changed();
        });
        details.add_window(row, 0);
    }
    add_record_buttons(details, context, ref, changed);
}

bool add_learning(wxWindow* parent, AppContext& context, const std::string& ref, const LearningEntry& entry) {
    return guarded(parent, [&] { store::CertificationRepo(context.db()).add_learning(ref, entry); });
}

bool record_learning(wxWindow* parent, AppContext& context, const std::string& ref) {
    wxString person = wx(ref);
    guarded(parent, [&] {
        if (const auto p = store::ParticipantRepo(context.db()).find(ref))
            person = isolated(wx(p->full_name)) + " (" + wx(ref) + ")";
    });
    LearningDialog dialog(parent, person, context.today());
    while (dialog.ShowModal() == wxID_OK) {
        LearningEntry entry;
        if (!guarded(&dialog, [&] { entry = dialog.entry(); })) continue;
        if (add_learning(&dialog, context, ref, entry)) return true;
    }
    return false;
}

bool renew_certification(wxWindow* parent, AppContext& context, const std::string& ref, const std::string& code) {
    std::optional<store::CertificationRecord> current;
    if (!guarded(parent, [&] { current = store::CertificationRepo(context.db()).current(ref, code); })) return false;
    if (!current) {
        show_error(parent, wxString::Format(_("%s holds no current certification to renew."), wx(ref)));
        return false;
    }
    const wxString question = wxString::Format(
        _("Renew %s's certification %s?\n\nIf the continuing education since %s meets the renewal rules, a new "
          "certificate with a new serial is issued, linked to %s, which is then replaced. Otherwise nothing changes "
          "and Mitra says what is still missing."),
        wx(ref), wx(current->code), wx(current->issued_on), wx(current->serial));
    if (!ask_yes_no(parent, question, _("Renew"), _("Cancel"))) return false;
    // Where the new certificate goes is asked first: it is written, and only then is the renewal recorded
    // (workflow::renew_certification, as `mitra-cli certification renew --out` does).
    const wxString folder = ask_folder(parent, _("Where the renewed certificate's PDF is saved"));
    if (folder.empty()) return false;
    workflow::RenewalOutcome outcome;
    if (!guarded(parent, [&] {
            const auto key = io::load_or_create_signing_key(io::default_key_path());
            workflow::RenewalRequest request{ref, code, context.today(), shipped_certificate_template("certification"),
                                             utf8(folder)};
            outcome = workflow::renew_certification(context.db(), context.fonts(), key, request);
        }))
        return false;
    const auto& k = outcome.renewed.certification;
    show_info(parent,
              wxString::Format(_("Renewed: %s holds %s with the new certificate %s (replacing %s), valid from %s "
                                 "to %s. A copy can be printed later from the Certificates section."),
                               wx(k.participant_ref), wx(k.code), wx(k.serial), wx(k.previous_serial), wx(k.valid_from),
                               wx(k.expires_on)));
    offer_to_open_certificate(parent, k.serial, wx(outcome.file.string()));
    return true;
}

RenewalsPanel::RenewalsPanel(wxWindow* parent, AppContext& context) : wxPanel(parent, wxID_ANY), context_(context) {
    SetName("renewals");
    auto* column = new wxBoxSizer(wxVERTICAL);
    // The sentence that chooses the days, then the buttons: on a second line when the view is narrow or the text
    // large, so neither is cut.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    auto* sentence = new wxBoxSizer(wxHORIZONTAL);
    sentence->Add(new wxStaticText(this, wxID_ANY, _("Certifications that &end within")), 0,
                  wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    within_ = new wxChoice(this, wxID_ANY);
    for (int days : kWithinDays) within_->Append(wxString::Format(_("%d days"), days));
    within_->SetSelection(1);
    sentence->Add(within_, 0, wxRIGHT, 6);
    sentence->Add(new wxStaticText(this, wxID_ANY, _("or have ended, soonest first.")), 0,
                  wxALIGN_CENTER_VERTICAL | wxRIGHT, 18);
    bar->Add(sentence, 0, wxBOTTOM, 4);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* learn = new wxButton(this, wxID_ANY, _("&Record learning…"));
    auto* renew = new wxButton(this, wxID_ANY, _("Rene&w…"));
    buttons->Add(learn, 0, wxRIGHT, 6);
    buttons->Add(renew, 0);
    bar->Add(buttons, 0, wxBOTTOM, 4);
    column->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    column->AddSpacer(4);
    list_ =
        new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    list_->SetName("renewals_list");
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, column_width(list_, _("Name"), 170));
    list_->AppendColumn(_("Ref"), wxLIST_FORMAT_LEFT, column_width(list_, _("Ref"), 80));
    list_->AppendColumn(_("Certification"), wxLIST_FORMAT_LEFT, column_width(list_, _("Certification"), 90));
    list_->AppendColumn(_("Serial"), wxLIST_FORMAT_LEFT, column_width(list_, _("Serial"), 170));
    list_->AppendColumn(_("Expires"), wxLIST_FORMAT_LEFT, column_width(list_, _("Expires"), 150));
    list_->AppendColumn(_("What renewal still needs"), wxLIST_FORMAT_LEFT,
                        column_width(list_, _("What renewal still needs"), 360));
    column->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(column);

    within_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    learn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto* item = selected();
        if (!item) return show_info(this, _("Choose a person in the list first."));
        if (record_learning(this, context_, item->ref)) refresh();
    });
    renew->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto* item = selected();
        if (!item) return show_info(this, _("Choose a person in the list first."));
        const auto copy = *item;
        if (renew_certification(this, context_, copy.ref, copy.code)) refresh();
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (const auto* item = selected()) {
            const auto copy = *item;
            if (renew_certification(this, context_, copy.ref, copy.code)) refresh();
        }
    });
    // Read when shown (MainFrame::show_renewals), not at start: a hub's start stays quick.
}

void RenewalsPanel::set_within_days(int days) {
    for (std::size_t i = 0; i < std::size(kWithinDays); ++i)
        if (kWithinDays[i] == days) within_->SetSelection(static_cast<int>(i));
    refresh();
}

void RenewalsPanel::refresh() {
    items_.clear();
    list_->DeleteAllItems();
    if (!context_.is_open()) return;
    const int days = kWithinDays[std::max(0, within_->GetSelection())];
    guarded(this, [&] { items_ = store::CertificationRepo(context_.db()).due(context_.today(), days); });
    long row = 0;
    for (const auto& d : items_) {
        list_->InsertItem(row, isolated(wx(d.full_name)));
        list_->SetItem(row, 1, wx(d.ref));
        list_->SetItem(row, 2, wx(d.code));
        list_->SetItem(row, 3, wx(d.serial));
        list_->SetItem(row, 4,
                       d.days_left >= 0 ? wxString::Format(_("%s, in %d days"), wx(d.expires_on), d.days_left)
                                        : wxString::Format(_("%s, %d days ago"), wx(d.expires_on), -d.days_left));
        // The parts when the store gives them (DueItem::shortfalls); otherwise its English words.
        list_->SetItem(row, 5,
                       d.missing.empty()       ? _("nothing: it can be renewed now")
                       : !d.shortfalls.empty() ? joined(d.shortfalls, "; ")
                                               : joined(d.missing, "; "));
        ++row;
    }
}

void RenewalsPanel::select(long row) { list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED); }

const store::DueItem* RenewalsPanel::selected() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && row < static_cast<long>(items_.size()) ? &items_[static_cast<std::size_t>(row)] : nullptr;
}

}  // namespace mitra::app
