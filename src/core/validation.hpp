// Checks on single records before they are stored: one message per bad field.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"

namespace mitra {

struct FieldError {
    std::string field;
    std::string message;
};

constexpr std::size_t kMaxNameLength = 200;  // code points
constexpr std::size_t kMaxFieldBytes = 1000;

// A name is kept exactly as written, whatever script or punctuation it has; only broken
// UTF-8, control characters and unreasonable length are refused.
std::vector<FieldError> check_name(const std::string& field, const std::string& value, bool required);

std::vector<FieldError> validate(const Participant& participant);
std::vector<FieldError> validate(const Trainer& trainer);
std::vector<FieldError> validate(const Cohort& cohort);

}  // namespace mitra
