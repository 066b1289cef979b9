// Certification over time, in the store.
#include "store/certification_repo.hpp"
