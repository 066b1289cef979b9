// Certification over time: validity, renewal against continuing education, and who may teach what.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/text.hpp"

namespace mitra {

// Renewal: within each period, hours of continuing education in total and a minimum per category
// (for example 36 hours in two years, of which 3 in ethics).
struct RenewalRule {
    int period_months = 24;
    int total_minutes = 36 * 60;
    std::map<std::string, int> minimum_minutes;  // category -> minutes ("ethics" -> 180)
};

// What a certification needs, read from curricula/*.toml.
struct CertificationDefinition {
    std::string code;  // "PSC"
    LocalizedText title;
    std::string curriculum_code;  // the programme whose completion it needs ("PSF")
    std::string level;            // for trainers' certifications ("trainer", "senior trainer"); empty otherwise
    bool for_trainers = false;
    int valid_months = 24;
    RenewalRule renewal;
};

// One entry in a person's ledger of learning after certification.
struct LearningEntry {
    std::string title, provider;
    Date on;
    int minutes = 0;
    std::string category;  // "ethics", "peer_practice", "elective", "teaching", ...
    std::string evidence;  // a note on what shows it happened
    std::string source;    // "cohort" (Mitra's own), "external" (entered by the coordinator), "teaching"
};

// The day a certification issued on `issued` stops being valid: the same day `months` later, or the
// month's last day when that month is shorter (31 January + 1 month = 28 or 29 February).
Date add_months(const Date& date, int months);
Date expiry_date(const Date& issued, int valid_months);

enum class Validity { valid, expiring, expired };
// A certification expiring today is still valid today; "expiring" when it ends within `warn_days`.
Validity validity_on(const Date& expires, const Date& today, int warn_days = 90);
std::string to_string(Validity validity);

// One way learning since certification falls short of the renewal rule, as parts for each front end to phrase.
struct RenewalShortfall {
    std::string category;  // empty: the total of every category
    int done_minutes = 0, needed_minutes = 0;
};

// In English, as the command line shows it: "in total: 0 hours of 36 hours", "ethics: 2 hours of 3 hours".
std::string to_string(const RenewalShortfall& shortfall);

struct RenewalCheck {
    bool met = false;
    int total_minutes = 0;
    std::map<std::string, int> minutes_by_category;
    std::vector<RenewalShortfall> shortfalls;  // the total first, then categories in the rule's order
    std::vector<std::string> missing;          // the same in English words (to_string of each)
};

// Counts the ledger's entries dated within [from, to] against the rule.
RenewalCheck check_renewal(const RenewalRule& rule, const std::vector<LearningEntry>& ledger, const Date& from,
                           const Date& to);

// A trainer's own certification: level and validity.
struct TrainerCertification {
    std::string level;
    Date issued_on, expires_on;
};

// The rule a trainer's own certification renews by when no curriculum in the database defines one (a
// [certification] with for_trainers = true and the trainer's level): code "PST", valid 24 months, and within
// them 18 hours, of which at least 12 teaching (sessions led or co-facilitated) and 3 in ethics. A modest
// default of Mitra's, not any programme's standard.
CertificationDefinition default_trainer_certification(const std::string& level);

// Why a trainer may not teach a session, as a reason each front end phrases in its own words (and with its
// own advice: the command line names a command, the desktop program a view).
struct TeachingBar {
    enum class Reason {
        none,                   // they may teach it
        not_qualified,          // not qualified for `module_code`
        not_certified,          // holds no trainer certification at all
        certified_later,        // every certification they hold starts after `day`
        certification_expired,  // the latest expired on `expired_on`
    };
    Reason reason = Reason::none;
    std::string module_code;
    Date day;         // the session's day
    Date expired_on;  // certification_expired only
    explicit operator bool() const { return reason != Reason::none; }
};

// Whether a trainer may be assigned to a session of `module_code` on `day`: qualified for the module
// and holding a trainer certification valid that day.
TeachingBar teaching_bar(const std::vector<std::string>& qualified_modules,
                         const std::vector<TrainerCertification>& certifications, const std::string& module_code,
                         const Date& day);

// The bar in English, naming no command ("not qualified to teach M04"); empty when there is none.
std::string to_string(const TeachingBar& bar);

// to_string(teaching_bar(...)): empty when they may teach it, otherwise why not.
std::string why_cannot_teach(const std::vector<std::string>& qualified_modules,
                             const std::vector<TrainerCertification>& certifications, const std::string& module_code,
                             const Date& day);

// What the rule needs to know of a trainer.
struct TrainerQualifications {
    std::string ref;
    std::vector<std::string> qualified_modules;
    std::vector<TrainerCertification> certifications;
};

// Who may teach a session, and when no one may, whose bar explains it: the first of `preferred` (the cohort's
// trainers) that is a known trainer; otherwise a trainer qualified for the module (their certification is the
// bar); otherwise nobody in particular (`explained_by` empty, the bar "not qualified for the module").
struct SessionCover {
    std::vector<std::string> may_teach;  // refs, in `trainers` order
    std::string explained_by;
    TeachingBar bar;  // none when someone may teach it
};
SessionCover cover_session(const std::string& module_code, const Date& day,
                           const std::vector<TrainerQualifications>& trainers,
                           const std::vector<std::string>& preferred);

}  // namespace mitra
