// Searching participants as the user types, through the search index.
#include <catch2/catch.hpp>
