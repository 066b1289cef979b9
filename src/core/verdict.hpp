// What a certificate's check concludes, decided once for every front end (mitra-cli, the desktop program):
// genuine, revoked, expired, superseded, forged, unknown key or damaged, and the facts a reader may be shown.
//
// The facts come from the code a forger may have written: they are returned only once the signature verifies,
// and shown_text() escapes what a terminal or a label would otherwise obey or hide (control, bidi-override,
// bidi-isolate and invisible characters).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/revocation_list.hpp"
#include "core/signature.hpp"

namespace mitra {

enum class Verdict {
    genuine,      // the signature verifies, nothing known against it
    revoked,      // genuine, but revoked (the database or a verified revocation list says so)
    expired,      // genuine, but the certification's last valid day has passed
    superseded,   // genuine, but the same serial was signed again since (a corrected name): ask for the current copy
    forged,       // the code reads and its key is trusted, but the signature does not verify (or the file's parts
                  // disagree)
    unknown_key,  // the code reads, but its key is not one of the trusted keys
    damaged,      // no code can be read
};

// "genuine", "revoked", "expired", "superseded", "forged", "unknown-key", "damaged": docs/verification.md's words,
// and the verification page's data-verdict.
std::string_view verdict_name(Verdict verdict);
// Only a genuine certificate counts.
inline bool is_valid(Verdict verdict) { return verdict == Verdict::genuine; }

// What the database knows about the serial, when there is one (store fetches, this decides).
struct IssuedRecord {
    std::string payload;                        // the serial's current signed code; empty once the holder was erased
    std::optional<std::string> revoked_on;      // YYYY-MM-DD
    std::string revocation_category;            // one of kRevocationCategories, or empty
    std::string revocation_reason;              // the written reason (the database's own; never on a list)
    std::optional<Date> certification_expires;  // the certification's last valid day, when it shows one
};

struct VerifyInput {
    std::string code_text;         // a code of either version, or a verification link
    std::vector<SigningKey> keys;  // the trusted keys
    // The database's record of the code's serial: given when verifying against a database (nullopt there when the
    // serial was not issued from it), never offline.
    std::optional<IssuedRecord> record;
    bool database = false;  // verifying against a database (its records are the revocation source)
    // A revocation list that verified (read_revocation_list(...).genuine); offline only.
    std::optional<RevocationListCheck> revocations;
    Date today;
};

struct VerifyOutcome {
    Verdict verdict = Verdict::damaged;
    std::string problem;  // why not genuine, in words (fixed words and escaped parts only)
    // The signed facts: filled only when the signature verified with a trusted key.
    std::optional<CertifiedFacts> facts;
    std::string key_id;  // the key the code names, escaped; for forged and unknown-key too
    // Whether anything could say it was revoked: the database knew the serial, or a verified list was given.
    bool revocation_checked = false;
    std::optional<std::string> revoked_on;  // YYYY-MM-DD
    std::string revocation_category, revocation_reason;
    std::optional<Date> expires_on;  // the last valid day known (the database's certification, else the signed one)
    bool erased = false;             // the holder's details were erased from the database
};

VerifyOutcome decide_verdict(const VerifyInput& input);

// Text from a code, safe to show: each control character (C0, DEL, C1), bidi override or embedding (U+202A–202E),
// bidi isolate (U+2066–2069), bidi mark (U+200E, U+200F, U+061C), invisible character (U+00AD, U+034F, U+115F,
// U+1160, U+17B4, U+17B5, U+180E, U+200B, U+2060–2064, U+206A–206F, U+3164, U+FEFF, U+FFA0, U+FFF9–FFFB, tags
// U+E0000–E007F) and any byte that is not UTF-8 is written as `\u{202E}` or `\x{FF}`; a backslash as `\\`.
// Joiners (U+200C, U+200D) stay: Sinhala, Persian and Urdu names need them.
std::string shown_text(std::string_view text);

}  // namespace mitra
