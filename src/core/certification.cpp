// Certification over time: validity, renewal against continuing education, and who may teach what.
#include "core/certification.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace mitra {

Date add_months(const Date& date, int months) {
    int month_index = date.year * 12 + (date.month - 1) + months;
    Date out{month_index / 12, month_index % 12 + 1, date.day};
    using namespace std::chrono;
    const year_month_day_last last{year{out.year} / month{static_cast<unsigned>(out.month)} / std::chrono::last};
    out.day = std::min(out.day, static_cast<int>(static_cast<unsigned>(last.day())));
    return out;
}

Date expiry_date(const Date& issued, int valid_months) { return add_days(add_months(issued, valid_months), -1); }

Validity validity_on(const Date& expires, const Date& today, int warn_days) {
    if (expires < today) return Validity::expired;
    if (days_between(today, expires) <= warn_days) return Validity::expiring;
    return Validity::valid;
}

std::string to_string(Validity v) {
    switch (v) {
        case Validity::valid: return "valid";
        case Validity::expiring: return "expiring";
        case Validity::expired: return "expired";
    }
    return "valid";
}

RenewalCheck check_renewal(const RenewalRule& rule, const std::vector<LearningEntry>& ledger, const Date& from,
                           const Date& to) {
    RenewalCheck check;
    for (const auto& entry : ledger) {
        if (entry.on < from || to < entry.on || entry.minutes <= 0) continue;
        check.total_minutes += entry.minutes;
        check.minutes_by_category[entry.category] += entry.minutes;
    }
    if (check.total_minutes < rule.total_minutes)
        check.shortfalls.push_back({"", check.total_minutes, rule.total_minutes});
    for (const auto& [category, minimum] : rule.minimum_minutes) {
        const int done = check.minutes_by_category.count(category) ? check.minutes_by_category.at(category) : 0;
        if (done < minimum) check.shortfalls.push_back({category, done, minimum});
    }
    for (const auto& s : check.shortfalls) check.missing.push_back(to_string(s));
    check.met = check.shortfalls.empty();
    return check;
}

std::string to_string(const RenewalShortfall& s) {
    return (s.category.empty() ? std::string("in total") : s.category) + ": " + hours_text(s.done_minutes) + " of " +
           hours_text(s.needed_minutes);
}

CertificationDefinition default_trainer_certification(const std::string& level) {
    CertificationDefinition d;
    d.code = "PST";
    d.title.by_language["en"] = "Certified Peer Support Trainer";
    d.level = level;
    d.for_trainers = true;
    d.valid_months = 24;
    d.renewal.period_months = 24;
    d.renewal.total_minutes = 18 * 60;
    d.renewal.minimum_minutes = {{"teaching", 12 * 60}, {"ethics", 3 * 60}};
    return d;
}

TeachingBar teaching_bar(const std::vector<std::string>& qualified_modules,
                         const std::vector<TrainerCertification>& certifications, const std::string& module_code,
                         const Date& day) {
    TeachingBar bar;
    bar.module_code = module_code;
    bar.day = day;
    if (std::find(qualified_modules.begin(), qualified_modules.end(), module_code) == qualified_modules.end()) {
        bar.reason = TeachingBar::Reason::not_qualified;
        return bar;
    }
    if (certifications.empty()) {
        bar.reason = TeachingBar::Reason::not_certified;
        return bar;
    }
    const TrainerCertification* latest = nullptr;
    for (const auto& c : certifications)
        if (!(day < c.issued_on) && (!latest || latest->expires_on < c.expires_on)) latest = &c;
    if (!latest) {
        bar.reason = TeachingBar::Reason::certified_later;
    } else if (latest->expires_on < day) {
        bar.reason = TeachingBar::Reason::certification_expired;
        bar.expired_on = latest->expires_on;
    }
    return bar;
}

std::string to_string(const TeachingBar& bar) {
    switch (bar.reason) {
        case TeachingBar::Reason::none: return {};
        case TeachingBar::Reason::not_qualified: return "not qualified to teach " + bar.module_code;
        case TeachingBar::Reason::not_certified: return "holds no trainer certification";
        case TeachingBar::Reason::certified_later: return "trainer certification starts after " + to_string(bar.day);
        case TeachingBar::Reason::certification_expired:
            return "trainer certification expired on " + to_string(bar.expired_on);
    }
    return {};
}

std::string why_cannot_teach(const std::vector<std::string>& qualified_modules,
                             const std::vector<TrainerCertification>& certifications, const std::string& module_code,
                             const Date& day) {
    return to_string(teaching_bar(qualified_modules, certifications, module_code, day));
}

SessionCover cover_session(const std::string& module_code, const Date& day,
                           const std::vector<TrainerQualifications>& trainers,
                           const std::vector<std::string>& preferred) {
    SessionCover cover;
    std::vector<TeachingBar> bars;
    for (const auto& t : trainers) {
        bars.push_back(teaching_bar(t.qualified_modules, t.certifications, module_code, day));
        if (!bars.back()) cover.may_teach.push_back(t.ref);
    }
    if (!cover.may_teach.empty()) return cover;
    for (const auto& ref : preferred)
        for (std::size_t i = 0; i < trainers.size(); ++i)
            if (trainers[i].ref == ref) {
                cover.explained_by = ref;
                cover.bar = bars[i];
                return cover;
            }
    for (std::size_t i = 0; i < trainers.size(); ++i)
        if (bars[i].reason != TeachingBar::Reason::not_qualified) {
            cover.explained_by = trainers[i].ref;
            cover.bar = bars[i];
            return cover;
        }
    cover.bar = teaching_bar({}, {}, module_code, day);
    return cover;
}

}  // namespace mitra
