// lede_catch.hpp — Catch2 for the unit tests, v2 (Debian 12, Ubuntu 22.04:
// one header) or v3 (Debian 13, Ubuntu 24.04: a library with its own main).
#pragma once
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif
