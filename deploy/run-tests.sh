#!/usr/bin/env bash
# The test command: installs what is missing, checks the formatting, then builds and runs
# every test twice — once as shipped (preset "ci"), once under AddressSanitizer +
# UndefinedBehaviorSanitizer (preset "asan"). CMakePresets.json holds both builds.
# Usage: bash deploy/run-tests.sh            (from anywhere; as root on a fresh Debian 12)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash deploy/install-deps.sh

started=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - started )) s so far)"; }

step "format: clang-format --dry-run -Werror on every C++ file"
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror

step "plain build (preset ci): configure, build, test"
cmake --workflow --preset ci

step "ASan+UBSan build (preset asan): configure, build, test"
cmake --workflow --preset asan

step "all test suites passed"
