// main.cpp — the Catch2 main for lede_unit (compiled once).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
