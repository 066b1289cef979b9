// What the supervised-practice tests share: a day from its text, and one entry of module M9 for person P1.
#pragma once
#include <string>

#include "core/practice.hpp"

namespace mitra {

inline Date d(const char* text) { return *parse_date(text); }

inline SupervisionEntry entry(std::string supervisor_ref, SupervisionFormat format, int minutes, const char* day) {
    SupervisionEntry e;
    e.participant_ref = "P1";
    e.module_code = "M9";
    e.supervisor_ref = std::move(supervisor_ref);
    e.format = format;
    e.minutes = minutes;
    e.day = d(day);
    return e;
}

}  // namespace mitra
