#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test twice —
# once as shipped, once under AddressSanitizer + UndefinedBehaviorSanitizer.
# Usage: bash deploy/run-tests.sh            (from anywhere; as root on a fresh Debian 12)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash deploy/install-deps.sh

jobs=${BRIGADE_JOBS:-2}
run_suite() {  # name, build dir, extra cmake args...
  local name=$1 dir=$2
  shift 2
  echo "== $name: configure and build in $dir"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRIGADE_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  echo "== $name: tests"
  (cd "$dir" && ctest --output-on-failure -j"$jobs" --timeout 300)
}

run_suite "plain build" build
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite "ASan+UBSan build" build-sanitize -DBRIGADE_SANITIZE=ON
echo "== all test suites passed"
