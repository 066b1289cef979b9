// mitra-cli certification, learning and trainer certify, end to end.
#include <catch2/catch.hpp>
