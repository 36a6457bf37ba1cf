#!/usr/bin/env bash
# The demo store: installs what is missing, builds, starts the hub (pos-server) on this
# machine with the sample restaurant, plays the start of a Friday night with posctl,
# then keeps the hub running until Ctrl-C.
# Usage: bash deploy/run-demo.sh        (from anywhere; as root on a fresh Debian 12)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash deploy/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${BRIGADE_JOBS:-2}" --target pos-server posctl

state=${BRIGADE_DEMO_DIR:-$top/out/demo}
mkdir -p "$state"
rm -f "$state"/store.db*  # a fresh store each run
commands=${BRIGADE_COMMANDS:-tcp://127.0.0.1:5555}
events=${BRIGADE_EVENTS:-tcp://127.0.0.1:5556}

build/pos/pos-server --db "$state/store.db" --commands "$commands" --events "$events" &
hub=$!
trap 'kill -TERM $hub 2>/dev/null; wait $hub 2>/dev/null' EXIT INT TERM
ctl() { build/pos/posctl --commands "$commands" --events "$events" "$@"; }
for _ in $(seq 50); do ctl hello >/dev/null 2>&1 && break; sleep 0.2; done

say() { printf '\n== %s\n' "$*"; }
say "17:00  Dana (manager, PIN 1234) 86's the salmon and counts the short rib"
ctl --pin 1234 86 salmon
ctl --pin 1234 stock short-rib 12
say "19:30  Sam (server, PIN 1111) takes table 12: drinks and apps now, mains held"
ctl --pin 1111 order --table 12 --guests 4 --hold mains \
  beer-ipa@1 wine-pinot-noir@2 lemonade@3 beer-lager@4 calamari@1 oysters@3 \
  classic-burger:temp-medium-rare@1 classic-burger:temp-medium-rare,add-bacon@2 \
  short-rib@3 classic-burger:temp-medium@4
say "The salmon is refused: it is 86'd"
ctl --pin 1111 order --table 7 --guests 1 salmon || true
say "The kitchen's open tickets"
ctl tickets
say "The hub is running: commands on $commands, events on $events."
echo "Try: build/pos/posctl --pin 1111 checks    or    build/pos/posctl tail"
echo "Ctrl-C stops the hub."
wait $hub
