// Supervision entries accounted one by one, in agreement with tally_supervision.
#include "core/practice_record.hpp"

#include <algorithm>

#include "core/model.hpp"

namespace mitra {

std::string to_string(EntryStanding standing) {
    switch (standing) {
        case EntryStanding::counted: return "counted";
        case EntryStanding::over_group_maximum: return "over_group_maximum";
        case EntryStanding::credential_expired: return "credential_expired";
        case EntryStanding::credential_not_yet_valid: return "credential_not_yet_valid";
        case EntryStanding::no_credential: return "no_credential";
    }
    return "counted";
}

std::vector<AccountedEntry> account_supervision(const Module& module, const std::vector<SupervisionEntry>& entries,
                                                const std::vector<Supervisor>& supervisors) {
    std::vector<AccountedEntry> out;
    for (const auto& e : entries)
        if (e.module_code == module.code) out.push_back(AccountedEntry{e, 0, EntryStanding::counted, std::nullopt});
    std::stable_sort(out.begin(), out.end(),
                     [](const AccountedEntry& a, const AccountedEntry& b) { return a.entry.day < b.entry.day; });
    const int cap = module.supervision.group_max_minutes;
    int group_so_far = 0;
    for (auto& a : out) {
        const Date& day = a.entry.day;
        const auto s = std::find_if(supervisors.begin(), supervisors.end(),
                                    [&](const Supervisor& x) { return x.ref == a.entry.supervisor_ref; });
        if (s == supervisors.end() || s->credentials.empty()) {
            a.standing = EntryStanding::no_credential;
            continue;
        }
        const SupervisorCredential *valid = nullptr, *lapsed = nullptr, *later = nullptr;
        for (const auto& c : s->credentials) {
            if (!(day < c.valid_from) && !(c.expires_on < day)) valid = &c;
            else if (c.expires_on < day && (!lapsed || lapsed->expires_on < c.expires_on)) lapsed = &c;
            else if (day < c.valid_from && (!later || c.valid_from < later->valid_from)) later = &c;
        }
        if (!valid) {
            a.standing = lapsed ? EntryStanding::credential_expired : EntryStanding::credential_not_yet_valid;
            a.credential = lapsed ? *lapsed : *later;
            continue;
        }
        a.credential = *valid;
        a.counted_minutes = a.entry.minutes;
        if (a.entry.format == SupervisionFormat::group && cap > 0) {
            a.counted_minutes = std::clamp(cap - group_so_far, 0, a.entry.minutes);
            if (a.counted_minutes < a.entry.minutes) a.standing = EntryStanding::over_group_maximum;
            group_so_far += a.entry.minutes;
        }
    }
    return out;
}

CountedMinutes counted_minutes(const std::vector<AccountedEntry>& entries, const std::string& supervisor_ref) {
    CountedMinutes m;
    for (const auto& a : entries) {
        if (!supervisor_ref.empty() && a.entry.supervisor_ref != supervisor_ref) continue;
        if (!a.credential || a.standing == EntryStanding::credential_expired ||
            a.standing == EntryStanding::credential_not_yet_valid)
            continue;
        (a.entry.format == SupervisionFormat::one_to_one ? m.one_to_one : m.group) += a.entry.minutes;
        m.total += a.counted_minutes;
    }
    return m;
}

}  // namespace mitra
