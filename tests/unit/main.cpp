// main.cpp — the Catch2 v2 main for lede_unit (compiled once). With
// Catch2 v3 the build links Catch2::Catch2WithMain instead (tests/CMakeLists.txt).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
