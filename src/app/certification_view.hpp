// Certification over time in the desktop program: a person's pathway at a glance, the renewals due, and
// the two actions on them (record continuing education, renew).
#pragma once
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "app/app_context.hpp"
#include "core/certification.hpp"
#include "store/certification_repo.hpp"

class wxListCtrl;
class wxChoice;

namespace mitra::app {

class DetailsView;

// A standing ("valid", "expiring", "expired", "revoked", "superseded", "not certified") in words.
wxString standing_words(const std::string& standing);

// Adds each certification pathway of the person to the details: what is done and missing, validity and
// expiry, and what renewal still needs, with buttons to record learning and to renew. `changed` runs
// after either action changed something.
void add_pathways(DetailsView& details, AppContext& context, const std::string& ref, std::function<void()> changed);

// Asks for one entry of continuing education (a dialog) and records it; true when recorded.
bool record_learning(wxWindow* parent, AppContext& context, const std::string& ref);
// Records an entry already filled in; the store refuses a bad one (shown), and then nothing changes.
bool add_learning(wxWindow* parent, AppContext& context, const std::string& ref, const LearningEntry& entry);
// Asks first (saying what renewal does), then renews: a new certificate with a new serial, linked to the
// previous one; or shows what is still missing. True when renewed.
bool renew_certification(wxWindow* parent, AppContext& context, const std::string& ref, const std::string& code);

// Renewals due: certifications that end within the chosen days (or have ended), soonest first, with what
// each renewal still needs; record learning or renew the selected one.
class RenewalsPanel : public wxPanel {
public:
    RenewalsPanel(wxWindow* parent, AppContext& context);
    void refresh();
    void set_within_days(int days);
    wxListCtrl* list() const { return list_; }
    const std::vector<store::DueItem>& items() const { return items_; }
    void select(long row);

private:
    const store::DueItem* selected() const;
    AppContext& context_;
    wxChoice* within_;
    wxListCtrl* list_;
    std::vector<store::DueItem> items_;
};

}  // namespace mitra::app
