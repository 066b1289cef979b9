// The verification site: the page from web/verifier/ with the programme's keys, revocation list and curricula
// titles inside, beside the same keys and list as files.
#include "workflow/verifier_site.hpp"

#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "io/durable.hpp"
#include "io/keys.hpp"
#include "store/certificates.hpp"
#include "store/repos.hpp"
#include "store/settings.hpp"
#include "workflow/revocations.hpp"
#include "workflow/verifier_page.hpp"

namespace mitra::workflow {
namespace {

constexpr std::string_view kDataPlace = "/*@SITE_DATA@*/";

// JSON inside <script type="application/json">: '<' written as \u003c, so no text can close the element. '<' only
// appears inside JSON strings, where the escape means the same character.
std::string script_safe(const std::string& json_text) {
    std::string out;
    out.reserve(json_text.size());
    for (char c : json_text) {
        if (c == '<') out += "\\u003c";
        else out += c;
    }
    return out;
}

}  // namespace

std::string verifier_page(store::Database& db, const std::string& signed_revocations) {
    nlohmann::json data;
    data["keys"] = nlohmann::json::array();
    for (const auto& key : store::CertificateRepo(db).trusted_keys())
        data["keys"].push_back({{"id", key.key_id()}, {"key", base64url_encode(key.public_key)}});
    data["revocations"] = signed_revocations;
    data["programmes"] = nlohmann::json::object();
    for (const auto& curriculum : store::CurriculumRepo(db).list())
        data["programmes"][curriculum.code + " " + curriculum.version] = curriculum.title.by_language;
    data["made"] = utc_timestamp_now().substr(0, 10);

    std::string page = kVerifierPageTemplate;
    const auto at = page.find(kDataPlace);
    page.replace(at, kDataPlace.size(),
                 script_safe(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    return page;
}

VerifierSite write_verifier_site(store::Database& db, const SigningKey& key, const std::filesystem::path& folder) {
    store::CertificateRepo certificates(db);
    certificates.register_key(key);  // the list is signed with it: the page must know it
    const std::string revocations = signed_revocation_list(db, key);
    std::string keys_text;
    const auto keys = certificates.trusted_keys();
    for (const auto& k : keys) keys_text += io::public_key_text(k) + "\n";
    const std::string page = verifier_page(db, revocations);

    std::filesystem::create_directories(folder);
    io::FileBatch batch(folder, io::Access::everyone);
    batch.add(folder / "keys.txt", keys_text);
    batch.add(folder / "revocations.txt", revocations);
    batch.add(folder / "index.html", page);
    batch.flush();
    auto kept = std::filesystem::absolute(folder).lexically_normal();
    if (!kept.has_filename() && kept != kept.root_path()) kept = kept.parent_path();  // "/srv/site/" as "/srv/site"
    store::SettingsRepo(db).set(store::kVerifierSiteSetting, kept.string());
    return VerifierSite{folder, keys.size(), store::CertificateRepo(db).revocations().size(), page.size()};
}

SiteRefresh refresh_verifier_site(store::Database& db, const std::filesystem::path& key_file) {
    SiteRefresh out;
    try {
        out.folder = store::SettingsRepo(db).verifier_site();
        if (out.folder.empty()) return out;
        std::error_code ec;
        if (!std::filesystem::is_directory(out.folder, ec)) {
            out.problem = "the folder is not there, or is not a folder";
            return out;
        }
        out.site = write_verifier_site(db, io::load_or_create_signing_key(key_file), out.folder);
        out.written = true;
    } catch (const std::exception& e) {
        out.problem = e.what();
    }
    return out;
}

}  // namespace mitra::workflow
