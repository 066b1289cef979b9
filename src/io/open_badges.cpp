// Open Badges 2.0 assertions, as JSON, from an issued certificate's facts.
#include "io/open_badges.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/signature.hpp"
#include "core/text.hpp"

namespace mitra::io {
namespace {

using nlohmann::json;

// Standard base64 (with padding), as data: URIs want it.
std::string base64(std::string_view bytes) {
    std::string out = base64url_encode(bytes);
    std::replace(out.begin(), out.end(), '-', '+');
    std::replace(out.begin(), out.end(), '_', '/');
    while (out.size() % 4) out += '=';
    return out;
}

// A plain round badge (ASCII text only, so it shows the same everywhere), as a data: URI.
std::string badge_image(const std::string& code, const std::string& kind) {
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">"
        "<circle cx=\"128\" cy=\"128\" r=\"120\" fill=\"#0b4f6c\"/>"
        "<circle cx=\"128\" cy=\"128\" r=\"106\" fill=\"none\" stroke=\"#f2c14e\" stroke-width=\"6\"/>"
        "<text x=\"128\" y=\"118\" font-family=\"sans-serif\" font-size=\"40\" fill=\"#ffffff\" "
        "text-anchor=\"middle\">Mitra</text>"
        "<text x=\"128\" y=\"160\" font-family=\"sans-serif\" font-size=\"26\" fill=\"#f2c14e\" "
        "text-anchor=\"middle\">" +
        code +
        "</text>"
        "<text x=\"128\" y=\"190\" font-family=\"sans-serif\" font-size=\"16\" fill=\"#ffffff\" "
        "text-anchor=\"middle\">" +
        kind + "</text></svg>";
    return "data:image/svg+xml;base64," + base64(svg);
}

std::string hours(int minutes) {
    const int tenths = (minutes * 10 + 30) / 60;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "");
}

}  // namespace

std::string new_badge_salt() { return random_hex(16); }

std::string hashed_identity(const std::string& type, const std::string& identity, const std::string& salt) {
    std::string normal = trim(identity);
    if (type == "email")
        std::transform(normal.begin(), normal.end(), normal.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return "sha256$" + sha256_hex(normal + salt);
}

std::string badge_criteria(const Curriculum& c, const std::string& kind, const std::string& module_code) {
    if (kind == "module") {
        const Module* m = c.module(module_code);
        if (!m) return "Completed module " + module_code + " of " + c.title.in("en") + ".";
        std::string text = "Completed module " + m->code + " \"" + m->title.in("en") + "\" of " + c.title.in("en") +
                           " (" + c.code + " " + c.version + "): attended at least " +
                           std::to_string(static_cast<int>(m->attendance_share * 100 + 0.5)) + "% of its " +
                           hours(m->minutes) + " scheduled hours";
        if (m->has_assessment) text += ", passed its assessment";
        if (m->supervised_minutes > 0)
            text += ", and completed " + hours(m->supervised_minutes) + " hours of supervised practice, signed off";
        return text + ".";
    }
    int required = 0;
    for (const auto& m : c.modules) required += m.required;
    std::string text = "Completed the " + c.title.in("en") + " curriculum (" + c.code + " " + c.version + "): all " +
                       std::to_string(required) + " required modules";
    if (c.electives_required > 0) text += " and " + std::to_string(c.electives_required) + " electives";
    text +=
        ". A module is complete when its attendance share of the scheduled minutes is reached, its "
        "pass/fail assessment (if any) is passed and its supervised practice (if any) is signed off";
    if (!c.ethics_code.empty()) text += "; the code of ethics " + c.ethics_code + " was acknowledged";
    return text + ".";
}

std::string open_badge_assertion(const BadgeInput& in, const std::string& salt) {
    if (!in.curriculum) throw std::logic_error("a badge needs its curriculum");
    const Curriculum& c = *in.curriculum;
    const bool module = in.kind == "module";
    const Module* m = module ? c.module(in.module_code) : nullptr;
    const std::string class_id = "urn:mitra:badge:" + c.code + ":" + c.version + ":" +
                                 (module ? "module:" + in.module_code : std::string("completion"));
    const std::string name =
        module ? c.title.in("en") + ": " + in.module_code + " " + (m ? m->title.in("en") : "") : c.title.in("en");

    json tags = json::array({"peer support", "CRPD", "lived experience"});
    json badge{{"type", "BadgeClass"},
               {"id", class_id},
               {"name", name},
               {"description", module ? "Module participation certificate of Mitra's peer-support training programme."
                                      : "Programme completion certificate of Mitra's peer-support training programme."},
               {"image", badge_image(c.code, module ? in.module_code : "completion")},
               {"criteria", {{"narrative", badge_criteria(c, in.kind, in.module_code)}}},
               {"tags", tags},
               {"issuer",
                {{"type", "Profile"},
                 {"id", "urn:mitra:issuer:" + in.key_id},
                 {"name", in.issuer_name},
                 {"publicKey", "urn:mitra:key:" + in.key_id}}}};
    // Every title the curriculum has, so the badge reads in the holder's language too.
    json titles = json::object();
    for (const auto& [lang, text] : c.title.by_language) titles[lang] = text;

    json verification{{"type", "SignedBadge"},
                      {"creator", "urn:mitra:key:" + in.key_id},
                      {"algorithm", "Ed25519"},
                      {"keyId", in.key_id},
                      {"signedContent", "extensions:MitraCertificate.qrPayload"},
                      {"howToVerify",
                       "Split qrPayload 'MITRA1.<facts>.<signature>'; base64url-decode both; check the Ed25519 "
                       "signature over the facts bytes with Mitra's public key, whose id is the first 16 hex digits "
                       "of the SHA-256 of the 32-byte key; the facts must match this badge. Or run: mitra-cli "
                       "certificate verify --qr <qrPayload> --public-key <Mitra's exported key>. Hosted "
                       "verification is not offered: get the public key from Mitra itself."}};
    if (!in.public_key.empty()) verification["publicKeyBase64url"] = base64url_encode(in.public_key);

    json assertion{{"@context", "https://w3id.org/openbadges/v2"},
                   {"type", "Assertion"},
                   {"id", "urn:uuid:" + in.certificate_uuid},
                   {"recipient",
                    {{"type", in.recipient_type},
                     {"hashed", true},
                     {"salt", salt},
                     {"identity", hashed_identity(in.recipient_type, in.recipient_identity, salt)}}},
                   {"badge", badge},
                   {"issuedOn", in.issued_on + "T00:00:00Z"},
                   {"verification", verification},
                   {"extensions:MitraCertificate",
                    {{"@context", {{"mitra", "urn:mitra:"}}},
                     {"type", json::array({"Extension", "extensions:MitraCertificate"})},
                     {"serial", in.serial},
                     {"programme", c.code + " " + c.version},
                     {"titles", titles},
                     {"contentHash", in.content_hash},
                     {"qrPayload", in.qr_payload}}}};
    return assertion.dump(2) + "\n";
}

}  // namespace mitra::io
