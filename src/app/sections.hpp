// The main window's sections: Curricula, Trainers, Participants, Cohorts, Certificates (one file each).
#pragma once
#include <functional>
#include <optional>

#include "app/browse_panel.hpp"
#include "core/model.hpp"

namespace mitra {
struct CertificateTemplate;
namespace store {
struct IssuedCertificate;
}
}  // namespace mitra

namespace mitra::app {

class ParticipantsPanel : public BrowsePanel {
public:
    ParticipantsPanel(wxWindow* parent, AppContext& context);
    void add_person();
    void import_csv(const wxString& path);

protected:
    std::vector<ColumnSpec> columns() const override;
    long long count(const std::string& search) override;
    BackgroundCount::Count count_elsewhere(const std::string& search) override;
    std::vector<TextRow> fetch(const std::string& search, int offset, int limit) override;
    void show_details(const TextRow& row) override;
    void add_actions(wxWindow* parent, wxBoxSizer* bar) override;
};

class CurriculaPanel : public BrowsePanel {
public:
    CurriculaPanel(wxWindow* parent, AppContext& context);
    void import_file(const wxString& path);

protected:
    std::vector<ColumnSpec> columns() const override;
    long long count(const std::string& search) override;
    std::vector<TextRow> fetch(const std::string& search, int offset, int limit) override;
    void show_details(const TextRow& row) override;
    void add_actions(wxWindow* parent, wxBoxSizer* bar) override;

private:
    std::vector<Curriculum> matching(const std::string& search);
};

class TrainersPanel : public BrowsePanel {
public:
    TrainersPanel(wxWindow* parent, AppContext& context);
    void add_trainer();
    // The selected trainer: qualified for more modules (a checklist), or their own certification recorded.
    void qualify_selected();
    void certify_selected();

protected:
    std::vector<ColumnSpec> columns() const override;
    long long count(const std::string& search) override;
    std::vector<TextRow> fetch(const std::string& search, int offset, int limit) override;
    void show_details(const TextRow& row) override;
    void add_actions(wxWindow* parent, wxBoxSizer* bar) override;

private:
    std::vector<Trainer> matching(const std::string& search);
};

class CohortsPanel : public BrowsePanel {
public:
    // `open_cohort` opens a cohort's workspace (double-click or Open).
    CohortsPanel(wxWindow* parent, AppContext& context, std::function<void(const std::string&)> open_cohort);
    void create_cohort();

protected:
    std::vector<ColumnSpec> columns() const override;
    long long count(const std::string& search) override;
    std::vector<TextRow> fetch(const std::string& search, int offset, int limit) override;
    void show_details(const TextRow& row) override;
    void add_actions(wxWindow* parent, wxBoxSizer* bar) override;
    void activated(const TextRow& row) override;

private:
    std::function<void(const std::string&)> open_cohort_;
};

// The shipped template for a certificate of `kind` ("completion", "module", "certification").
CertificateTemplate shipped_certificate_template(const std::string& kind);
// Says where certificate SERIAL was written and offers to open it.
void offer_to_open_certificate(wxWindow* parent, const std::string& serial, const wxString& path);

class CertificatesPanel : public BrowsePanel {
public:
    CertificatesPanel(wxWindow* parent, AppContext& context);
    // The verdict in words: genuine and valid, revoked, or not genuine.
    wxString verify(const std::string& serial);
    void revoke_selected();
    void write_verifier_site();  // asks for a folder; what `mitra-cli verifier site` writes

protected:
    std::vector<ColumnSpec> columns() const override;
    long long count(const std::string& search) override;
    std::vector<TextRow> fetch(const std::string& search, int offset, int limit) override;
    void show_details(const TextRow& row) override;
    void add_actions(wxWindow* parent, wxBoxSizer* bar) override;
};

// Rows [offset, offset + limit) of an in-memory list.
template <class T, class F>
std::vector<TextRow> page_of(const std::vector<T>& all, int offset, int limit, F&& to_row) {
    std::vector<TextRow> out;
    for (int i = offset; i < offset + limit && i < static_cast<int>(all.size()); ++i) out.push_back(to_row(all[i]));
    return out;
}

}  // namespace mitra::app
