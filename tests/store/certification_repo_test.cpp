// Certification over time in the store: certifications, ledger, renewal, trainer certifications.
#include <catch2/catch.hpp>
