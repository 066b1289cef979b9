// Recorded audit values taken apart (the forms store/attendance_repo.cpp writes), for the front ends to phrase.
#include "core/audit.hpp"

#include <charconv>

namespace mitra {
namespace {

std::optional<int> whole_number(std::string_view text) {
    int n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return n;
}

// "status[:minutes][ (note)]"
std::optional<AuditValue> attendance(std::string_view text) {
    AuditValue v;
    v.kind = AuditValue::Kind::attendance;
    if (const auto open = text.find(" ("); open != std::string_view::npos && text.back() == ')') {
        v.note = std::string(text.substr(open + 2, text.size() - open - 3));
        text = text.substr(0, open);
    }
    if (const auto colon = text.find(':'); colon != std::string_view::npos) {
        v.minutes = whole_number(text.substr(colon + 1));
        if (!v.minutes) return std::nullopt;
        text = text.substr(0, colon);
    }
    const auto status = parse_attendance_status(text);
    if (!status) return std::nullopt;
    v.status = *status;
    return v;
}

// "<head><no><date>" or "<head><yes><date>" (`no` looked for first, as " passed " is in " not passed "): the head,
// whether it said yes, and the date; nothing when it says neither, or has no head or no date.
struct YesOrNo {
    std::string head;
    bool yes = false;
    Date on;
};
std::optional<YesOrNo> yes_or_no(std::string_view text, std::string_view no, std::string_view yes) {
    for (const auto& [word, answer] : {std::pair{no, false}, std::pair{yes, true}}) {
        const auto at = text.find(word);
        if (at == std::string_view::npos) continue;
        const auto on = parse_date(text.substr(at + word.size()));
        if (!on || at == 0) return std::nullopt;
        return YesOrNo{std::string(text.substr(0, at)), answer, *on};
    }
    return std::nullopt;
}

// "<module> passed <date>" or "<module> not passed <date>"
std::optional<AuditValue> assessment(std::string_view text) {
    const auto said = yes_or_no(text, " not passed ", " passed ");
    if (!said) return std::nullopt;
    AuditValue v;
    v.kind = AuditValue::Kind::assessment;
    v.module = said->head;
    v.passed = said->yes;
    v.on = said->on;
    return v;
}

// "<minutes> minutes on <date>[, signed off]"
std::optional<AuditValue> practicum(std::string_view text) {
    AuditValue v;
    v.kind = AuditValue::Kind::practicum;
    constexpr std::string_view kSigned = ", signed off", kOn = " minutes on ";
    if (text.size() > kSigned.size() && text.substr(text.size() - kSigned.size()) == kSigned) {
        v.signed_off = true;
        text.remove_suffix(kSigned.size());
    }
    const auto at = text.find(kOn);
    if (at == std::string_view::npos) return std::nullopt;
    v.minutes = whole_number(text.substr(0, at));
    v.on = parse_date(text.substr(at + kOn.size()));
    if (!v.minutes || !v.on) return std::nullopt;
    return v;
}

// "<version> on <date>"
std::optional<AuditValue> ethics(std::string_view text) {
    const auto at = text.rfind(" on ");
    if (at == std::string_view::npos) return std::nullopt;
    AuditValue v;
    v.kind = AuditValue::Kind::ethics;
    v.text = std::string(text.substr(0, at));
    v.on = parse_date(text.substr(at + 4));
    if (!v.on) return std::nullopt;
    return v;
}

// "complete: <reason>" or "not complete: <reason>"
std::optional<AuditValue> decision(std::string_view text) {
    AuditValue v;
    v.kind = AuditValue::Kind::decision;
    for (const auto& [word, complete] : {std::pair{"not complete: ", false}, std::pair{"complete: ", true}}) {
        if (text.rfind(word, 0) != 0) continue;
        v.complete = complete;
        v.text = std::string(text.substr(std::string_view(word).size()));
        return v;
    }
    return std::nullopt;
}

// "<module> <minutes> minutes <format> on <date> with <supervisor>"
std::optional<AuditValue> supervision(std::string_view text) {
    const auto with = text.rfind(" with ");
    if (with == std::string_view::npos) return std::nullopt;
    const auto on = text.rfind(" on ", with), minutes = text.find(" minutes ");
    if (on == std::string_view::npos || minutes == std::string_view::npos || minutes > on) return std::nullopt;
    AuditValue v;
    v.kind = AuditValue::Kind::supervision;
    v.by = std::string(text.substr(with + 6));
    v.on = parse_date(text.substr(on + 4, with - on - 4));
    v.text = std::string(text.substr(minutes + 9, on - minutes - 9));
    const std::string_view head = text.substr(0, minutes);
    const auto space = head.rfind(' ');
    if (space == std::string_view::npos) return std::nullopt;
    v.module = std::string(head.substr(0, space));
    v.minutes = whole_number(head.substr(space + 1));
    if (!v.on || !v.minutes || v.module.empty() || v.text.empty() || v.by.empty()) return std::nullopt;
    return v;
}

// "<module> on <date> (<method>): <outcome>[, raters differ], released|held back"; a release from "held back" to
// "released <date>"
std::optional<AuditValue> observation(std::string_view text) {
    AuditValue v;
    constexpr std::string_view kReleased = "released ";
    if (text == "held back" || text.substr(0, kReleased.size()) == kReleased) {
        v.kind = AuditValue::Kind::released;
        v.released = text != "held back";
        if (v.released && !(v.on = parse_date(text.substr(kReleased.size())))) return std::nullopt;
        return v;
    }
    v.kind = AuditValue::Kind::observation;
    const auto on = text.find(" on ");
    if (on == std::string_view::npos) return std::nullopt;
    const auto open = text.find(" (", on);
    if (open == std::string_view::npos) return std::nullopt;
    const auto close = text.find("): ", open);
    if (close == std::string_view::npos) return std::nullopt;
    v.module = std::string(text.substr(0, on));
    v.on = parse_date(text.substr(on + 4, open - on - 4));
    v.text = std::string(text.substr(open + 2, close - open - 2));
    std::string_view rest = text.substr(close + 3);
    const auto ends_with = [&rest](std::string_view end) {
        return rest.size() > end.size() && rest.substr(rest.size() - end.size()) == end;
    };
    if (ends_with(", released")) v.released = true;
    else if (!ends_with(", held back")) return std::nullopt;
    rest.remove_suffix(v.released ? 10 : 11);
    if (ends_with(", raters differ")) {
        v.differ = true;
        rest.remove_suffix(15);
    }
    v.note = std::string(rest);
    if (!v.on || v.module.empty() || v.note.empty()) return std::nullopt;
    return v;
}

// "<kind>: signed on <date>" or "<kind>: not signed on <date>"
std::optional<AuditValue> attestation(std::string_view text) {
    const auto said = yes_or_no(text, ": not signed on ", ": signed on ");
    if (!said) return std::nullopt;
    AuditValue v;
    v.kind = AuditValue::Kind::attestation;
    v.text = said->head;
    v.signed_off = said->yes;
    v.on = said->on;
    return v;
}

// "<referee> on <date>": the form of an acknowledgement.
std::optional<AuditValue> referee(std::string_view text) {
    auto v = ethics(text);
    if (v) v->kind = AuditValue::Kind::referee;
    return v;
}

// "<serial> to <ref>" or "<serial> to <ref>, renewing <serial>": a certificate issued. A reprint's reason is the
// same entity's value too, so a serial and a ref are words without spaces, the serial with a digit.
std::optional<AuditValue> issued(std::string_view text) {
    const auto to = text.find(" to ");
    if (to == std::string_view::npos || to == 0) return std::nullopt;
    AuditValue v;
    v.kind = AuditValue::Kind::issued;
    v.text = std::string(text.substr(0, to));
    std::string_view ref = text.substr(to + 4);
    constexpr std::string_view kRenewing = ", renewing ";
    if (const auto at = ref.find(kRenewing); at != std::string_view::npos) {
        v.note = std::string(ref.substr(at + kRenewing.size()));
        ref = ref.substr(0, at);
    }
    v.by = std::string(ref);
    const auto word = [](const std::string& w) { return !w.empty() && w.find(' ') == std::string::npos; };
    if (!word(v.by) || !word(v.text) || v.text.find_first_of("0123456789") == std::string::npos) return std::nullopt;
    return v;
}

// "<lead><reason>": a certificate revoked ("revoked: "), a person's data erased ("personal data erased: ").
std::optional<AuditValue> reason_after(std::string_view text, std::string_view lead, AuditValue::Kind kind) {
    if (text.substr(0, lead.size()) != lead) return std::nullopt;
    AuditValue v;
    v.kind = kind;
    v.note = std::string(text.substr(lead.size()));
    return v;
}

// "<code> <serial> from <date> to <date>", "revoked with certificate <serial>", "superseded by <serial>": a
// certification granted or renewed, revoked, superseded.
std::optional<AuditValue> certification(std::string_view text) {
    for (const auto& [lead, kind] :
         {std::pair{std::string_view("revoked with certificate "), AuditValue::Kind::revoked_with},
          std::pair{std::string_view("superseded by "), AuditValue::Kind::superseded_by}})
        if (text.substr(0, lead.size()) == lead && text.size() > lead.size()) {
            AuditValue v;
            v.kind = kind;
            v.text = std::string(text.substr(lead.size()));
            return v;
        }
    const auto space = text.find(' '), from = text.find(" from "), to = text.rfind(" to ");
    if (space == std::string_view::npos || space == 0 || from == std::string_view::npos || from <= space + 1 ||
        to == std::string_view::npos || to < from)
        return std::nullopt;
    AuditValue v;
    v.kind = AuditValue::Kind::certified;
    v.module = std::string(text.substr(0, space));
    v.text = std::string(text.substr(space + 1, from - space - 1));
    v.on = parse_date(text.substr(from + 6, to - from - 6));
    v.until = parse_date(text.substr(to + 4));
    if (!v.on || !v.until) return std::nullopt;
    return v;
}

}  // namespace

bool is_audit_kind(std::string_view entity, std::string_view action) {
    if (action.substr(0, kMergeConflict.size()) == kMergeConflict) return !entity.empty();
    for (const auto& kind : kAuditKinds)
        if (kind.entity == entity && kind.action == action) return true;
    return false;
}

AuditValue parse_audit_value(const std::string& entity, const std::string& value) {
    if (value == "(erased)") {
        AuditValue erased;
        erased.kind = AuditValue::Kind::erased;
        return erased;
    }
    std::optional<AuditValue> parts;
    if (entity == "attendance") parts = attendance(value);
    else if (entity == "assessment") parts = assessment(value);
    else if (entity == "practicum") parts = practicum(value);
    else if (entity == "ethics") parts = ethics(value);
    else if (entity == "override") parts = decision(value);
    else if (entity == "supervision") parts = supervision(value);
    else if (entity == "observed_assessment") parts = observation(value);
    else if (entity == "attestation") parts = attestation(value);
    else if (entity == "referee_questionnaire") parts = referee(value);
    else if (entity == "certificate")
        parts = value.rfind("revoked: ", 0) == 0 ? reason_after(value, "revoked: ", AuditValue::Kind::revoked)
                                                 : issued(value);
    else if (entity == "participant") parts = reason_after(value, "personal data erased: ", AuditValue::Kind::erasure);
    else if (entity == "certification") parts = certification(value);
    if (parts) return *parts;
    AuditValue text;
    text.text = value;
    return text;
}

}  // namespace mitra
