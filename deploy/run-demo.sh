#!/usr/bin/env bash
# The demo store: installs what is missing, builds, starts the hub (pos-server) on this
# machine with the sample restaurant, plays the start of a Friday night with posctl,
# opens a terminal (pos) and two kitchen screens (grill, expo) when there is a display —
# without one it writes screenshots of them to out/demo/ — and keeps the hub running
# until Ctrl-C. The hub runs with its keys, as in a store: every program is paired from the
# hub's console first (README, "Security: pairing devices").
# Usage: bash deploy/run-demo.sh        (from anywhere; as root on a fresh Debian 12)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash deploy/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target pos-server posctl pos kds

state=${BRIGADE_DEMO_DIR:-$top/out/demo}
mkdir -p "$state"
rm -rf "$state"/store.db* "$state"/*.key  # a fresh store, hub keys and pairings each run
commands=${BRIGADE_COMMANDS:-tcp://127.0.0.1:5555}
events=${BRIGADE_EVENTS:-tcp://127.0.0.1:5556}
pairing=${BRIGADE_PAIRING:-tcp://127.0.0.1:5557}
ends=(--commands "$commands" --events "$events" --pairing "$pairing")

build/bin/pos-server --db "$state/store.db" "${ends[@]}" &
hub=$!
trap 'kill -TERM $hub 2>/dev/null; wait $hub 2>/dev/null' EXIT INT TERM
# The hub's console (its own keys, readable only here) lets Dana pair each device.
console() { build/bin/posctl "${ends[@]}" --console "$state/store.db.keys" "$@"; }
for _ in $(seq 50); do console hello >/dev/null 2>&1 && break; sleep 0.2; done
code_for() {  # name, role, options...
  local name=$1 role=$2
  shift 2
  console --pin 1234 devices pair "$name" --role "$role" "$@" | sed -n 's/^pairing code \([^ ]*\) .*/\1/p'
}
ctl() { build/bin/posctl "${ends[@]}" --key "$state/posctl.key" "$@"; }

say() { printf '\n== %s\n' "$*"; }
say "16:00  Dana pairs the office posctl, the terminal and the grill and pass screens"
ctl --pair "$(code_for "Office posctl" console)" hello
pos_code=$(code_for "Terminal 1" terminal)
grill_code=$(code_for "Grill screen" kitchen --station grill)
expo_code=$(code_for "Pass" kitchen --station expo)
ctl --pin 1234 devices list
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
pos_keys=(--key "$state/pos-1.key" --pair "$pos_code")
grill_keys=(--key "$state/grill.key" --pair "$grill_code")
expo_keys=(--key "$state/expo.key" --pair "$expo_code")
if [ -n "${DISPLAY:-}" ]; then
  say "Opening the terminal (log in with 1111) and the grill and expo screens"
  build/bin/pos "${ends[@]}" "${pos_keys[@]}" &
  build/bin/kds --station grill "${ends[@]}" "${grill_keys[@]}" &
  build/bin/kds --expo "${ends[@]}" "${expo_keys[@]}" &
else
  say "No display: screenshots of the terminal and the kitchen screens in $state"
  xvfb-run -a -s "-screen 0 1280x800x24" build/bin/pos "${ends[@]}" "${pos_keys[@]}" --pin 1111 --table 12 \
    --show order --screenshot "$state/pos-table-12.png" || true
  xvfb-run -a -s "-screen 0 1280x800x24" build/bin/kds --station grill "${ends[@]}" \
    "${grill_keys[@]}" --screenshot "$state/kds-grill.png" || true
  xvfb-run -a -s "-screen 0 1280x800x24" build/bin/kds --expo "${ends[@]}" \
    "${expo_keys[@]}" --screenshot "$state/kds-expo.png" || true
fi
say "The hub is running: commands on $commands, events on $events, pairing on $pairing."
echo "Try: build/bin/posctl --key $state/posctl.key --pin 1111 checks"
echo "  or build/bin/posctl --key $state/posctl.key tail"
echo "Ctrl-C stops the hub."
wait $hub
