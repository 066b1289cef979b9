// Programme-wide settings: one row a setting, checked before it is kept.
#include "store/settings.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <filesystem>

#include "core/calendar.hpp"
#include "core/certificate_code.hpp"
#include "core/text.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"

namespace mitra::store {
namespace {

void check_name(const std::string& name) {
    const auto& names = setting_names();
    if (std::find(names.begin(), names.end(), name) == names.end())
        refuse("setting", ProblemCode::no_setting, {name, join(names, ", ")});
}

// A site folder is kept as an absolute path, so every front end, started from any folder, finds the same one. Only
// its form is checked: the folder may be on a stick that is not plugged in now.
void check_site_folder(const std::string& name, const std::string& value) {
    if (value.empty()) refuse(name, ProblemCode::site_folder_empty);
    if (std::any_of(value.begin(), value.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        refuse(name, ProblemCode::site_folder_control_character);
    if (!std::filesystem::path(value).is_absolute()) refuse(name, ProblemCode::site_folder_not_absolute, {value});
}

}  // namespace

const std::vector<std::string>& setting_names() {
    static const std::vector<std::string> names = {kVerifyUrlSetting, kVerifierSiteSetting};
    return names;
}

std::optional<std::string> SettingsRepo::get(const std::string& name) {
    check_name(name);
    std::string value;
    soci::indicator ind = soci::i_null;
    db_.sql() << "SELECT value FROM settings WHERE name = :n", soci::into(value, ind), soci::use(name);
    if (!db_.sql().got_data() || ind != soci::i_ok) return std::nullopt;
    return value;
}

void SettingsRepo::set(const std::string& name, const std::string& value) {
    check_name(name);
    if (name == kVerifyUrlSetting)
        if (const auto fault = verify_url_fault(value); fault != ProblemCode::none) refuse(name, fault);
    if (name == kVerifierSiteSetting) check_site_folder(name, value);
    db_.write([&] {
        const auto before = get(name);
        if (before == value) return;
        const std::string now = utc_timestamp_now();
        if (before)
            db_.sql() << "UPDATE settings SET value = :v, updated_at = :at, updated_by = :by WHERE name = :n",
                soci::use(value), soci::use(now), soci::use(db_.actor()), soci::use(name);
        else
            db_.sql() << "INSERT INTO settings (name, value, updated_at, updated_by) VALUES (:n, :v, :at, :by)",
                soci::use(name), soci::use(value), soci::use(now), soci::use(db_.actor());
        record_audit(db_, "setting", name, "set", before, value);
    });
}

std::vector<std::pair<std::string, std::string>> SettingsRepo::list() {
    std::vector<std::pair<std::string, std::string>> out;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT name, value FROM settings ORDER BY name");
    for (const auto& r : rows) out.emplace_back(text(r, 0), text(r, 1));
    return out;
}

}  // namespace mitra::store
