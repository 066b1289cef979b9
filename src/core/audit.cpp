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

// "<module> passed <date>" or "<module> not passed <date>"
std::optional<AuditValue> assessment(std::string_view text) {
    AuditValue v;
    v.kind = AuditValue::Kind::assessment;
    for (const auto [word, passed] : {std::pair{" not passed ", false}, std::pair{" passed ", true}}) {
        const auto at = text.find(word);
        if (at == std::string_view::npos) continue;
        v.module = std::string(text.substr(0, at));
        v.passed = passed;
        v.on = parse_date(text.substr(at + std::string_view(word).size()));
        if (!v.on || v.module.empty()) return std::nullopt;
        return v;
    }
    return std::nullopt;
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
    for (const auto [word, complete] : {std::pair{"not complete: ", false}, std::pair{"complete: ", true}}) {
        if (text.rfind(word, 0) != 0) continue;
        v.complete = complete;
        v.text = std::string(text.substr(std::string_view(word).size()));
        return v;
    }
    return std::nullopt;
}

}  // namespace

AuditValue parse_audit_value(const std::string& entity, const std::string& value) {
    if (value == "(erased)") return AuditValue{AuditValue::Kind::erased};
    std::optional<AuditValue> parts;
    if (entity == "attendance") parts = attendance(value);
    else if (entity == "assessment") parts = assessment(value);
    else if (entity == "practicum") parts = practicum(value);
    else if (entity == "ethics") parts = ethics(value);
    else if (entity == "override") parts = decision(value);
    if (parts) return *parts;
    AuditValue text;
    text.text = value;
    return text;
}

}  // namespace mitra
