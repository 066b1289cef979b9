// Catch2 v2 main for test_pdf.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
