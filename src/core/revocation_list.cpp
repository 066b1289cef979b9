// The signed revocation list: written and read line by line, signed with Ed25519 over its bytes.
#include "core/revocation_list.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/serial.hpp"

namespace mitra {
namespace {

constexpr std::string_view kHeader = "MITRA-REVOCATIONS 1\n";
constexpr std::string_view kSignatureLine = "signature ";

bool is_day(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    return true;
}

bool is_time(std::string_view t) {
    return t.size() == 20 && is_day(t.substr(0, 10)) && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z';
}

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at <= line.size()) {
        const auto end = line.find(' ', at);
        out.push_back(line.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    return out;
}

}  // namespace

bool is_revocation_category(std::string_view category) {
    return std::find(std::begin(kRevocationCategories), std::end(kRevocationCategories), category) !=
           std::end(kRevocationCategories);
}

const Revocation* RevocationListCheck::find(std::string_view serial) const {
    for (const auto& r : revoked)
        if (r.serial == serial) return &r;
    return nullptr;
}

std::string make_revocation_list(std::vector<Revocation> revoked, const SigningKey& key, std::string_view made_at) {
    if (key.secret_key.empty()) throw std::logic_error("signing needs a secret key");
    if (!is_time(made_at)) throw std::invalid_argument("a revocation list's time must be YYYY-MM-DDTHH:MM:SSZ");
    std::sort(revoked.begin(), revoked.end(), [](const auto& a, const auto& b) { return a.serial < b.serial; });
    std::string text(kHeader);
    text += "key " + key.key_id() + "\nmade " + std::string(made_at) + "\n";
    for (const auto& r : revoked) {
        if (!is_valid_serial(r.serial) || r.serial != normalise_serial(r.serial))
            throw std::invalid_argument("a revoked serial is not a valid serial: " + r.serial);
        if (!is_day(r.revoked_on)) throw std::invalid_argument("a revocation day must be YYYY-MM-DD: " + r.serial);
        if (!r.category.empty() && !is_revocation_category(r.category))
            throw std::invalid_argument("not a revocation category: " + r.category);
        text += r.serial + " " + r.revoked_on + " " + (r.category.empty() ? "-" : r.category) + "\n";
    }
    return text + std::string(kSignatureLine) + base64url_encode(sign_detached(text, key)) + "\n";
}

RevocationListCheck read_revocation_list(std::string_view text, const std::vector<SigningKey>& trusted_keys) {
    RevocationListCheck check;
    auto damaged = [&check](std::string why) {
        check.problem = "the revocation list is damaged: " + why;
        check.revoked.clear();
        return check;
    };
    if (text.substr(0, kHeader.size()) != kHeader) return damaged("it does not start with MITRA-REVOCATIONS 1");
    const auto signature_at = text.rfind(std::string("\n") + std::string(kSignatureLine));
    if (signature_at == std::string_view::npos || text.back() != '\n') return damaged("it has no signature line");
    const std::string_view signed_part = text.substr(0, signature_at + 1);
    const std::string_view signature_text =
        text.substr(signature_at + 1 + kSignatureLine.size(), text.size() - signature_at - 2 - kSignatureLine.size());
    std::size_t at = kHeader.size();
    int line_number = 1;
    while (at < signed_part.size()) {
        const auto end = signed_part.find('\n', at);
        const std::string_view line = signed_part.substr(at, end - at);
        at = end + 1;
        ++line_number;
        const auto w = words(line);
        const std::string where = "line " + std::to_string(line_number);
        if (line_number == 2) {
            if (w.size() != 2 || w[0] != "key" || w[1].size() != 16) return damaged(where + " must be 'key <key id>'");
            check.key_id = std::string(w[1]);
        } else if (line_number == 3) {
            if (w.size() != 2 || w[0] != "made" || !is_time(w[1])) return damaged(where + " must be 'made <time>'");
            check.made_at = std::string(w[1]);
        } else {
            if (w.size() != 3 || !is_valid_serial(w[0]) || !is_day(w[1]) ||
                (w[2] != "-" && !is_revocation_category(w[2])))
                return damaged(where + " must be '<serial> <YYYY-MM-DD> <category or ->'");
            if (!check.revoked.empty() && !(check.revoked.back().serial < w[0]))
                return damaged(where + ": serials must be in ascending order, each once");
            check.revoked.push_back({std::string(w[0]), std::string(w[1]), w[2] == "-" ? "" : std::string(w[2])});
        }
    }
    if (line_number < 3) return damaged("it has no key or time line");
    const auto signature = base64url_decode(signature_text);
    if (!signature || signature->size() != 64) return damaged("its signature cannot be read");
    check.well_formed = true;
    const SigningKey* key = nullptr;
    for (const auto& k : trusted_keys)
        if (k.key_id() == check.key_id) key = &k;
    if (!key) {
        check.problem = "the revocation list was signed with a key that is not trusted here (key " + check.key_id + ")";
        return check;
    }
    check.genuine = verify_detached(signed_part, *signature, *key);
    if (!check.genuine) check.problem = "the revocation list's signature does not match: it was altered";
    return check;
}

}  // namespace mitra
