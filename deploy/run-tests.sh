#!/usr/bin/env bash
# The test command: installs what is missing, checks the formatting, then builds and runs
# every test twice — once as shipped (preset "ci"), once under AddressSanitizer +
# UndefinedBehaviorSanitizer (preset "asan") — and last fuzzes the hub's command path for
# a minute (preset "fuzz", tests/fuzz). CMakePresets.json holds the builds.
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

step "fuzz build (preset fuzz): libFuzzer over the hub's command path, ${FUZZ_SECONDS:=60} s"
cmake --workflow --preset fuzz
# libFuzzer adds what it finds to its corpus folder: it works on a copy, never on the tree.
fuzz_work=build-fuzz/fuzz-run
rm -rf "$fuzz_work" && mkdir -p "$fuzz_work/corpus" "$fuzz_work/crashes"
cp tests/fuzz/corpus/* "$fuzz_work/corpus/"
# -max_len 4096: room for a shift of a few dozen commands; longer inputs only slow each run.
if ! build-fuzz/bin/hub_command_fuzz -dict=tests/fuzz/hub_commands.dict -max_len=4096 \
  -max_total_time="$FUZZ_SECONDS" -timeout=60 -print_final_stats=1 \
  -artifact_prefix="$fuzz_work/crashes/" "$fuzz_work/corpus" >"$fuzz_work/fuzz.log" 2>&1; then
  tail -n 60 "$fuzz_work/fuzz.log"
  for input in "$fuzz_work"/crashes/*; do
    [ -e "$input" ] || continue
    echo "== the input that broke it ($input):"
    cat -v "$input"
    echo
  done
  echo "fuzz: the hub broke a promise; replay with build-fuzz/bin/hub_command_fuzz FILE"
  exit 1
fi
grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$fuzz_work/fuzz.log" || true

step "all test suites passed"
