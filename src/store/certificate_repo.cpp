// Issued certificates: serials, signed payloads, revocations and reprints.
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/certificate_code.hpp"
#include "core/completion.hpp"
#include "core/eligibility.hpp"
#include "core/identity.hpp"
#include "core/serial.hpp"
#include "store/certificates.hpp"
#include "store/certification_repo.hpp"
#include "store/like.hpp"
#include "store/privacy.hpp"
#include "store/repos.hpp"
#include "store/rows.hpp"
#include "store/settings.hpp"

namespace mitra::store {
namespace {

const char* kCertificateColumns =
    "x.uuid, x.serial, p.ref, p.full_name, c.code, x.kind, x.module_code, x.template, x.issued_on, x.content_hash, "
    "x.payload, x.key_id, x.revoked_at, x.revoked_by, x.revocation_reason, x.modules, "
    "(SELECT COUNT(*) FROM certificate_prints r WHERE r.certificate_uuid = x.uuid), x.revocation_category "
    "FROM certificates x JOIN participants p ON p.uuid = x.participant_uuid JOIN cohorts c ON c.uuid = x.cohort_uuid";

CertificateRecord record_from(const soci::row& r) {
    CertificateRecord x;
    x.uuid = text(r, 0);
    x.serial = text(r, 1);
    x.participant_ref = text(r, 2);
    x.full_name = text(r, 3);
    x.cohort_code = text(r, 4);
    x.kind = text(r, 5);
    x.module_code = text(r, 6);
    x.template_name = text(r, 7);
    x.issued_on = text(r, 8);
    x.content_hash = text(r, 9);
    x.payload = text(r, 10);
    x.key_id = text(r, 11);
    if (r.get_indicator(12) != soci::i_null) x.revoked_at = text(r, 12);
    x.revoked_by = text(r, 13);
    x.revocation_reason = text(r, 14);
    x.modules = split_list(text(r, 15));
    x.prints = static_cast<int>(integer(r, 16));
    x.revocation_category = text(r, 17);
    return x;
}

// A serial taken from its prefix's counter, with what the counter said before (to give it back).
struct TakenSerial {
    std::string serial, prefix;
    long long before = 0;
    bool counter_existed = false;
};

// The next serial for a prefix; numbers whose check character would be '*' are skipped.
TakenSerial take_serial(Database& db, const std::string& programme, const std::string& country, int year) {
    TakenSerial taken;
    taken.prefix = programme + "-" + country + "-" + std::to_string(year);
    long long last = 0;
    soci::indicator ind = soci::i_null;
    db.sql() << "SELECT last_number FROM serial_counters WHERE prefix = :p", soci::into(last, ind),
        soci::use(taken.prefix);
    taken.counter_existed = db.sql().got_data();
    taken.before = last;
    std::optional<std::string> serial;
    while (!serial) serial = make_serial(programme, country, year, ++last);
    if (taken.counter_existed)
        db.sql() << "UPDATE serial_counters SET last_number = :n WHERE prefix = :p", soci::use(last),
            soci::use(taken.prefix);
    else
        db.sql() << "INSERT INTO serial_counters (prefix, last_number) VALUES (:p, :n)", soci::use(taken.prefix),
            soci::use(last);
    taken.serial = *serial;
    return taken;
}

std::string next_serial(Database& db, const std::string& programme, const std::string& country, int year) {
    return take_serial(db, programme, country, year).serial;
}

// Gives back the serial take_serial() took last (its certificate was never printed), so serials keep no gaps.
void give_back(Database& db, const TakenSerial& taken) {
    if (taken.counter_existed)
        db.sql() << "UPDATE serial_counters SET last_number = :n WHERE prefix = :p", soci::use(taken.before),
            soci::use(taken.prefix);
    else db.sql() << "DELETE FROM serial_counters WHERE prefix = :p", soci::use(taken.prefix);
}

std::string content_hash(const CertificateContent& c) {
    std::string text = c.serial + "\n" + c.kind + "\n" + c.full_name + "\n" + c.latin_name + "\n" + c.site + "\n" +
                       c.country + "\n" + to_string(c.start_date) + "\n" + (c.end_date ? to_string(*c.end_date) : "") +
                       "\n" + to_string(c.issued_on) + "\n";
    for (const auto& m : c.modules) text += m.code + "=" + std::to_string(m.minutes) + "\n";
    for (const auto& t : c.trainers) text += t.name + "|" + t.role + "\n";
    return sha256_hex(text);
}

// `expires_on`: the last valid day of the certification the certificate shows (kind "certification") or grants
// (a completion certificate), so it can be judged offline; a module certificate has none.
CertifiedFacts facts_of(const CertificateContent& c, const Curriculum& curriculum, const std::string& module_code,
                        const SigningKey& key, const std::string& expires_on = "") {
    return CertifiedFacts{c.serial,
                          c.full_name,
                          c.latin_name,
                          curriculum.code + " " + curriculum.version,
                          curriculum.title.in("en"),
                          c.kind == "module"          ? "module:" + module_code
                          : c.kind == "certification" ? "certification:" + module_code
                                                      : "completion",
                          to_string(c.issued_on),
                          key.key_id(),
                          c.kind == "module" ? "" : expires_on,
                          c.language};
}

// What the QR code holds and what is printed under it. With the programme's verification address: the link a
// phone opens (the address, '#', the code; a version 1 code kept by a reprint goes there too, as the page reads
// both), and under the QR the address and the serial for people who type. Without one (a database from before
// version 2; mitra-cli and the desktop program ask for one before issuing): the bare code and the serial.
void set_link(CertificateContent& c, const std::string& payload, const std::string& verify_url) {
    if (payload.empty()) {  // a plan, or a person whose data was erased: no signature to show
        c.qr_text.clear();
        c.verify_note.clear();
        return;
    }
    c.qr_text = verify_url.empty() ? payload : verification_link(verify_url, payload);
    c.verify_note =
        verify_url.empty() ? "Serial " + c.serial : "Verify at " + short_address(verify_url) + "  Serial " + c.serial;
}

// Records an issued certificate (the caller's transaction; its module_code is stored as given).
void insert_certificate(Database& db, const CertificateRecord& record, const std::string& cohort_uuid) {
    const std::string now = utc_timestamp_now(), modules = join(record.modules, ",");
    db.sql() << "INSERT INTO certificates (uuid, serial, participant_uuid, cohort_uuid, kind, module_code, modules, "
                "template, issued_on, content_hash, payload, key_id, created_at, created_by, updated_at, updated_by) "
                "VALUES (:u, :s, (SELECT uuid FROM participants WHERE ref = :r), :c, :k, :m, :mods, :t, :on, :h, :pl, "
                ":key, :at, :by, :at2, :by2)",
        soci::use(record.uuid), soci::use(record.serial), soci::use(record.participant_ref), soci::use(cohort_uuid),
        soci::use(record.kind), soci::use(record.module_code), soci::use(modules), soci::use(record.template_name),
        soci::use(record.issued_on), soci::use(record.content_hash), soci::use(record.payload),
        soci::use(record.key_id), soci::use(now), soci::use(db.actor()), soci::use(now), soci::use(db.actor());
}

}  // namespace

void CertificateRepo::register_key(const SigningKey& key) {
    db_.write([&] {
        int known = 0;
        const std::string id = key.key_id();
        db_.sql() << "SELECT COUNT(*) FROM signing_keys WHERE key_id = :k", soci::into(known), soci::use(id);
        if (known) return;
        const std::string encoded = base64url_encode(key.public_key), now = utc_timestamp_now();
        db_.sql() << "INSERT INTO signing_keys (key_id, public_key, created_at) VALUES (:k, :p, :at)", soci::use(id),
            soci::use(encoded), soci::use(now);
    });
}

std::vector<SigningKey> CertificateRepo::trusted_keys() {
    std::vector<SigningKey> keys;
    soci::rowset<soci::row> rows = (db_.sql().prepare << "SELECT public_key FROM signing_keys");
    for (const auto& r : rows)
        if (auto bytes = base64url_decode(text(r, 0))) keys.push_back(SigningKey{*bytes, ""});
    return keys;
}

CertificateContent CertificateRepo::content_for(const CertificateRecord& record) {
    CohortRepo cohorts(db_);
    const auto cohort = cohorts.find(record.cohort_code);
    if (!cohort) throw DatabaseError("certificate " + record.serial + " names a cohort that is gone");
    const auto curriculum = cohorts.curriculum_of(*cohort);
    const auto person = ParticipantRepo(db_).find(record.participant_ref);
    if (!person) throw DatabaseError("certificate " + record.serial + " names a person who is gone");

    CertificateContent c;
    c.serial = record.serial;
    c.kind = record.kind;
    c.full_name = person->full_name;
    c.latin_name = person->latin_name;
    c.name_language = person->language;
    c.language = cohort->language;
    c.curriculum_title = curriculum.title;
    if (record.kind == "certification" && curriculum.certification)
        c.curriculum_title = curriculum.certification->title;
    for (const auto& m : curriculum.modules) {
        if (std::find(record.modules.begin(), record.modules.end(), m.code) == record.modules.end()) continue;
        c.modules.push_back(CertificateModuleLine{m.code, m.title, m.minutes});
    }
    c.site = cohort->site;
    c.country = cohort->country;
    c.start_date = cohort->start_date;
    c.end_date = cohort->end_date;
    c.issued_on = parse_date(record.issued_on).value_or(today_utc());
    TrainerRepo trainers(db_);
    std::vector<std::pair<std::string, std::string>> named;  // ref, role: the cohort's, then sessions' others
    for (std::size_t i = 0; i < cohort->trainer_refs.size(); ++i)
        named.emplace_back(cohort->trainer_refs[i], i == 0 ? "trainer" : "co-facilitator");
    const auto is_named = [&](const std::string& ref) {
        return std::any_of(named.begin(), named.end(), [&](const auto& n) { return n.first == ref; });
    };
    for (const auto& s : SessionRepo(db_).list(cohort->code)) {
        if (!s.trainer_ref.empty() && !is_named(s.trainer_ref)) named.emplace_back(s.trainer_ref, "trainer");
        if (!s.co_facilitator_ref.empty() && !is_named(s.co_facilitator_ref))
            named.emplace_back(s.co_facilitator_ref, "co-facilitator");
    }
    if (named.size() > 4) named.resize(4);  // the signature line holds four at most
    for (const auto& [ref, role] : named)
        if (auto t = trainers.find(ref)) c.trainers.push_back(CertificatePerson{t->name, t->latin_name, role, ""});
    set_link(c, record.payload, SettingsRepo(db_).verify_url());
    return c;
}

CohortIssue CertificateRepo::plan_for_cohort(const std::string& cohort_code, const std::string& kind,
                                             const std::string& module_code, const Date& today) {
    CohortIssue plan;
    db_.read([&] { plan = issue(cohort_code, kind, module_code, "", nullptr, today, nullptr); });
    return plan;
}

CohortIssue CertificateRepo::issue_for_cohort(const std::string& cohort_code, const std::string& kind,
                                              const std::string& module_code, const std::string& template_name,
                                              const SigningKey& key, const Date& today, const Printer& printer) {
    CohortIssue result;
    register_key(key);
    db_.write([&] { result = issue(cohort_code, kind, module_code, template_name, &key, today, &printer); });
    return result;
}

// Without a key and printer, a plan: nothing is taken, signed or recorded.
CohortIssue CertificateRepo::issue(const std::string& cohort_code, const std::string& kind,
                                   const std::string& module_code, const std::string& template_name,
                                   const SigningKey* key, const Date& today, const Printer* printer) {
    if (kind != "completion" && kind != "module") refuse("kind", ProblemCode::not_a_certificate_kind, {kind});
    CohortIssue result;
    CohortRepo cohorts(db_);
    const auto cohort = cohorts.find(cohort_code);
    if (!cohort) refuse("cohort", ProblemCode::no_cohort, {cohort_code});
    const auto curriculum = cohorts.curriculum_of(*cohort);
    if (kind == "module" && !curriculum.module(module_code))
        refuse("module", ProblemCode::no_module, {curriculum.code, module_code});
    const std::string stored_module = kind == "module" ? module_code : "";

    // The cohort's live certificates of this kind, and whose data was erased: two queries for everyone.
    std::map<std::string, CertificateRecord> live;
    {
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT " << kCertificateColumns
                               << " WHERE c.code = :c AND x.kind = :k AND x.module_code = :m AND x.revoked_at IS NULL",
             soci::use(cohort_code), soci::use(kind), soci::use(stored_module));
        for (const auto& r : rows) {
            auto record = record_from(r);
            live.emplace(record.participant_ref, std::move(record));
        }
    }
    std::set<std::string> erased;
    {
        soci::rowset<soci::row> rows =
            (db_.sql().prepare << "SELECT p.ref FROM participants p JOIN enrolments e ON e.participant_uuid = p.uuid "
                                  "WHERE e.cohort_uuid = :c AND p.erased_at IS NOT NULL",
             soci::use(cohort->uuid));
        for (const auto& r : rows) erased.insert(text(r, 0));
    }

    for (const auto& pc : cohort_completion(db_, cohort_code, today)) {
        const auto eligibility = certificate_eligibility(pc, kind, module_code, erased.count(pc.ref) > 0);
        if (!eligibility.eligible) {
            Problem why;
            why.message = eligibility.reason;
            why.code = eligibility.why;
            why.values = eligibility.values;
            result.left_out.push_back({pc.ref, eligibility.reason, std::move(why), pc});
            continue;
        }
        if (auto existing = live.find(pc.ref); existing != live.end()) {
            IssuedCertificate again{existing->second, content_for(existing->second), true};
            if (printer) {
                if (auto why = printer->print(again)) {
                    result.left_out.push_back({pc.ref, why->message, *why});
                    continue;
                }
            }
            result.issued.push_back(std::move(again));
            continue;
        }
        CertificateRecord record;
        record.uuid = new_uuid();
        record.participant_ref = pc.ref;
        record.cohort_code = cohort_code;
        record.kind = kind;
        record.module_code = stored_module;
        record.template_name = template_name;
        record.issued_on = to_string(today);
        record.modules = eligibility.modules;
        if (!key) {  // a plan: no serial is taken
            auto content = content_for(record);
            record.full_name = content.full_name;
            result.issued.push_back({record, content, false});
            continue;
        }
        const TakenSerial taken = take_serial(db_, curriculum.code, cohort->country, today.year);
        record.serial = taken.serial;
        record.key_id = key->key_id();
        auto content = content_for(record);  // payload is not part of the content hash
        // A completion certificate grants a certification: its last valid day is signed too, for offline checks.
        const auto granted_until =
            kind == "completion" ? expiry_granted_with(db_, cohort_code, pc.ref, today) : std::nullopt;
        record.payload = sign_code(
            facts_of(content, curriculum, module_code, *key, granted_until ? to_string(*granted_until) : ""), *key);
        record.content_hash = content_hash(content);
        set_link(content, record.payload, SettingsRepo(db_).verify_url());
        record.full_name = content.full_name;
        IssuedCertificate issued{record, content, false};
        if (auto why = printer->print(issued)) {
            give_back(db_, taken);
            result.left_out.push_back({pc.ref, why->message, *why});
            continue;
        }
        insert_certificate(db_, record, cohort->uuid);
        record_audit(db_, "certificate", record.uuid, "issue", std::nullopt, record.serial + " to " + pc.ref);
        if (kind == "completion") grant_with_certificate(db_, record);
        result.issued.push_back(std::move(issued));
    }
    if (printer && printer->finish) printer->finish(result.issued);
    return result;
}

IssuedCertificate CertificateRepo::issue_certification(const CertificateRecord& renewed, const std::string& code,
                                                       const SigningKey& key, const Date& today,
                                                       const Date& expires_on) {
    IssuedCertificate out;
    register_key(key);
    db_.write([&] {
        CohortRepo cohorts(db_);
        const auto cohort = cohorts.find(renewed.cohort_code);
        if (!cohort) throw DatabaseError("certificate " + renewed.serial + " names a cohort that is gone");
        const auto curriculum = cohorts.curriculum_of(*cohort);
        CertificateRecord record;
        record.uuid = new_uuid();
        record.serial = next_serial(db_, code, cohort->country, today.year);
        record.participant_ref = renewed.participant_ref;
        record.cohort_code = renewed.cohort_code;
        record.kind = "certification";
        record.module_code = code;
        record.template_name = "certification";
        record.issued_on = to_string(today);
        record.key_id = key.key_id();
        record.modules = renewed.modules;
        auto content = content_for(record);
        record.payload = sign_code(facts_of(content, curriculum, code, key, to_string(expires_on)), key);
        record.content_hash = content_hash(content);
        set_link(content, record.payload, SettingsRepo(db_).verify_url());
        record.full_name = content.full_name;
        insert_certificate(db_, record, cohort->uuid);
        record_audit(db_, "certificate", record.uuid, "issue", std::nullopt,
                     record.serial + " to " + record.participant_ref + ", renewing " + renewed.serial);
        out = IssuedCertificate{record, content, false};
    });
    return out;
}

std::optional<CertificateRecord> CertificateRepo::find(const std::string& serial) {
    const std::string wanted = normalise_serial(serial);
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kCertificateColumns << " WHERE x.serial = :s", soci::use(wanted));
    for (const auto& r : rows) return record_from(r);
    return std::nullopt;
}

std::vector<CertificateRecord> CertificateRepo::list(const std::string& search, const std::string& cohort_code) {
    std::vector<CertificateRecord> out;
    const std::string pattern = contains_pattern(search);
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT " << kCertificateColumns << " WHERE (x.serial LIKE :s1" << kLikeEscape
                           << " OR p.ref LIKE :s2" << kLikeEscape << " OR p.full_name LIKE :s3" << kLikeEscape
                           << " OR p.latin_name LIKE :s4" << kLikeEscape
                           << ") AND (:c1 = '' OR c.code = :c2) ORDER BY x.serial",
         soci::use(pattern), soci::use(pattern), soci::use(pattern), soci::use(pattern), soci::use(cohort_code),
         soci::use(cohort_code));
    for (const auto& r : rows) out.push_back(record_from(r));
    return out;
}

CertificateRecord CertificateRepo::revoke(const std::string& serial, const std::string& reason,
                                          const std::string& category) {
    CertificateRecord record;
    db_.write([&] {
        auto found = find(serial);
        if (!found) refuse("serial", ProblemCode::no_certificate, {serial});
        if (found->revoked_at) refuse("serial", ProblemCode::revoked_already, {found->serial, *found->revoked_at});
        if (trim(reason).empty()) refuse("reason", ProblemCode::revocation_needs_reason);
        if (!category.empty() && !is_revocation_category(category))
            refuse("category", ProblemCode::not_a_revocation_category, {category});
        const std::string now = utc_timestamp_now();
        db_.sql() << "UPDATE certificates SET revoked_at = :at, revoked_by = :by, revocation_reason = :r, "
                     "revocation_category = :cat, updated_at = :at2, updated_by = :by2 WHERE uuid = :u",
            soci::use(now), soci::use(db_.actor()), soci::use(reason), soci::use(category), soci::use(now),
            soci::use(db_.actor()), soci::use(found->uuid);
        record_audit(db_, "certificate", found->uuid, "revoke", "valid", "revoked: " + reason);
        revoke_certification(db_, *found);
        record = *find(serial);
    });
    return record;
}

std::vector<Revocation> CertificateRepo::revocations() {
    std::vector<Revocation> out;
    soci::rowset<soci::row> rows =
        (db_.sql().prepare << "SELECT serial, revoked_at, revocation_category FROM certificates "
                              "WHERE revoked_at IS NOT NULL ORDER BY serial");
    for (const auto& r : rows) out.push_back(Revocation{text(r, 0), text(r, 1).substr(0, 10), text(r, 2)});
    return out;
}

IssuedCertificate CertificateRepo::reprint(const std::string& serial, const std::string& reason, const SigningKey& key,
                                           const std::function<void(const IssuedCertificate&)>& print) {
    IssuedCertificate out;
    register_key(key);
    db_.write([&] {
        auto found = find(serial);
        if (!found) refuse("serial", ProblemCode::no_certificate, {serial});
        if (found->revoked_at) refuse("serial", ProblemCode::reprint_of_revoked, {found->serial});
        if (found->payload.empty()) refuse("serial", ProblemCode::reprint_of_erased, {found->serial});
        if (trim(reason).empty()) refuse("reason", ProblemCode::reprint_needs_reason);
        auto content = content_for(*found);
        const auto check = check_payload(found->payload, trusted_keys());
        if (!check.well_formed || check.facts.full_name != content.full_name ||
            check.facts.latin_name != content.latin_name) {
            // The name was corrected since: the same serial vouches for the corrected name.
            const auto cohort = CohortRepo(db_).find(found->cohort_code);
            const auto curriculum = CohortRepo(db_).curriculum_of(*cohort);
            // A certificate showing or granting a certification keeps its last valid day among the signed facts.
            std::string expires_on;
            if (found->kind != "module") {
                soci::indicator ind = soci::i_null;
                db_.sql() << "SELECT expires_on FROM certifications WHERE certificate_uuid = :x",
                    soci::into(expires_on, ind), soci::use(found->uuid);
                if (ind != soci::i_ok) expires_on.clear();
            }
            found->payload = sign_code(facts_of(content, curriculum, found->module_code, key, expires_on), key);
            found->key_id = key.key_id();
            found->content_hash = content_hash(content);
            const std::string now = utc_timestamp_now();
            db_.sql() << "UPDATE certificates SET payload = :p, key_id = :k, content_hash = :h, updated_at = :at, "
                         "updated_by = :by WHERE uuid = :u",
                soci::use(found->payload), soci::use(found->key_id), soci::use(found->content_hash), soci::use(now),
                soci::use(db_.actor()), soci::use(found->uuid);
            set_link(content, found->payload, SettingsRepo(db_).verify_url());
        }
        print(IssuedCertificate{*found, content, true});  // printed first: what it throws changes nothing
        const std::string uuid = new_uuid(), now = utc_timestamp_now();
        db_.sql() << "INSERT INTO certificate_prints (uuid, certificate_uuid, printed_at, printed_by, reason) VALUES "
                     "(:u, :c, :at, :by, :r)",
            soci::use(uuid), soci::use(found->uuid), soci::use(now), soci::use(db_.actor()), soci::use(reason);
        record_audit(db_, "certificate", found->uuid, "reprint", std::nullopt, reason);
        found->prints += 1;
        out = IssuedCertificate{*found, content, true};
    });
    return out;
}

}  // namespace mitra::store
