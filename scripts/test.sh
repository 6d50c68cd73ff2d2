#!/usr/bin/env bash
# test.sh — set up, build, and run every test: unit (Catch2), golden SQL,
# Python smoke and docs examples in a Release build, then unit and golden
# SQL again in an ASan + UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)
bash scripts/build.sh build
ctest --test-dir build --output-on-failure -j"$jobs"
bash scripts/build.sh build-asan -DLEDE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
