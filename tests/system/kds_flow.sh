#!/usr/bin/env bash
# System test: the kitchen on a Friday night, with real programs. A pos-server on
# OS-chosen ports, `kds --station grill` and `kds --expo` in two real windows on one Xvfb.
# Orders placed with posctl appear on both screens (read from their logs); the grill bumps
# them with its bump bar (key presses sent to the grill window with xdotool), expo serves
# them the same way, and posctl shows the lines served. Mid-rush the grill screen is killed
# and started again: it shows exactly the open tickets, once each. Then the hub stops
# answering for a while: the grill says OFFLINE, and a bump made meanwhile arrives once.
# Usage: kds_flow.sh BIN_DIR KDS_DIR   (pos-server and posctl in BIN_DIR, kds in KDS_DIR)
set -euo pipefail
bin=$1
kds_dir=$2
work=$(mktemp -d /tmp/brigade-kds.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -CONT "$pid" 2>/dev/null && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  for log in hub grill expo; do
    [ -f "$work/$log.log" ] && { echo "--- $log log"; tail -n 40 "$work/$log.log"; }
  done
  exit 1
}
# Waits up to 20 s for a line matching the pattern in a log (from line `from` on).
wait_for() {  # log, pattern[, from]
  for _ in $(seq 200); do
    tail -n +"${3:-1}" "$work/$1.log" 2>/dev/null | grep -q -- "$2" && return 0
    sleep 0.1
  done
  fail "no '$2' in the $1 log"
}
lines_in() { wc -l <"$work/$1.log"; }

# One X server for both screens; -displayfd picks a free display without races.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(cat "$work/display")"

. "$(dirname "$0")/hub.sh"
# The hub with keys; this script's posctl and both screens are paired from its console.
start_hub
pids+=("$hub_pid")
ctl_key=$work/office.key
ctl --pair "$(pairing_code "Office posctl" console)" hello >/dev/null 2>&1 || fail "pair posctl"
grill_code=$(pairing_code "Grill screen" kitchen --station grill)
expo_code=$(pairing_code "Pass" kitchen --station expo)

# Under AddressSanitizer, leak checking is off for the windowed programs only: the GL
# driver (Mesa, dlopen'ed) leaves blocks that LeakSanitizer cannot even name once it is
# unloaded. kds's own code runs leak-checked in kds_tests (the same board and screens,
# headless); memory errors are still caught here.
start_kds() {  # name, options...
  local name=$1
  shift
  ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0" "$kds_dir/kds" "$@" $(ends) --key "$work/$name.key" --width 900 --height 700 \
    >>"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "${name}_pid=$!"
}
start_kds grill --station grill --pair "$grill_code"
start_kds expo --expo --pair "$expo_code"
wait_for grill "snapshot at"
wait_for expo "snapshot at"
# A screen paired for the grill will not show the fryer: every bump there would be refused.
if "$kds_dir/kds" --station fryer $(ends) --key "$work/grill.key" >"$work/fryer.log" 2>&1; then
  fail "the grill's key opened a fryer screen"
fi
grep -q "paired for grill, not for 'fryer'" "$work/fryer.log" || fail "no reason: $(cat "$work/fryer.log")"

# A bump-bar key, held long enough for a frame to see it (ImGui 1.86 reads key state).
press() {  # window name, key...
  local window
  window=$(xdotool search --sync --onlyvisible --name "^$1\$" | head -n 1)
  [ -n "$window" ] || fail "no window '$1'"
  xdotool windowfocus --sync "$window"
  shift
  for key in "$@"; do
    xdotool keydown "$key"
    sleep 0.15
    xdotool keyup "$key"
    sleep 0.15
  done
}
ticket_of() { sed -n 's/^check id [0-9]*, tickets \[\([0-9]*\).*/\1/p'; }
check_of() { sed -n 's/^check id \([0-9]*\),.*/\1/p'; }

# 19:30: table 12's burger goes to the grill.
out=$(ctl --pin 1111 order --table 12 --guests 2 classic-burger:temp-medium-rare,add-bacon@1)
check=$(echo "$out" | check_of)
ticket=$(echo "$out" | ticket_of)
[ -n "$ticket" ] || fail "posctl order did not say its ticket: $out"
wait_for grill "ticket $ticket appears: Table 12 #[0-9]* ([a-z]*): 1x Classic burger \[Medium rare, Bacon\]"
wait_for expo "ticket $ticket appears: Table 12"

# The grill selects the first card and bumps it from the bump bar.
press "kds grill" 1 Return
wait_for grill "cook bumps ticket $ticket"
wait_for grill "ticket $ticket leaves: Table 12 #[0-9]* bumped at grill"
wait_for expo "ticket $ticket changes (bumped)"
ctl tickets | grep -A3 "^ticket $ticket " | grep -q "grill .*bumped" || fail "the hub does not have it bumped"

# Expo sends it: a bump there serves the ticket, and the terminals see the lines served.
press "kds expo" Return
wait_for expo "cook serves ticket $ticket"
wait_for expo "ticket $ticket leaves: Table 12 #[0-9]* served"
ctl --pin 1111 show "$check" | grep "Classic burger" | grep -q "served" || fail "the check does not show it served"

# Mid-rush: two tables on the grill, and the grill screen crashes.
t5=$(ctl --pin 1111 order --table 5 ribeye:temp-rare@1 | ticket_of)
t7=$(ctl --pin 1111 order --table 7 ny-strip:temp-medium@1 | ticket_of)
wait_for grill "ticket $t7 appears"
kill -KILL "$grill_pid"
wait "$grill_pid" 2>/dev/null || true
t9=$(ctl --pin 1111 order --table 9 filet:temp-medium-rare@1 | ticket_of)  # sent while it is down
ctl --pin 7777 bump "$t5" --station grill >/dev/null  # the other grill screen bumped table 5 meanwhile
: >"$work/grill.log"
start_kds grill --station grill
wait_for grill "snapshot at .*: 2 tickets on screen"
appeared=$(grep -c "appears" "$work/grill.log" || true)
[ "$appeared" -eq 2 ] || fail "after the restart the grill shows $appeared tickets, not 2"
grep -q "ticket $t7 appears: Table 7" "$work/grill.log" || fail "table 7 lost in the restart"
grep -q "ticket $t9 appears: Table 9" "$work/grill.log" || fail "table 9 lost in the restart"
grep -q "ticket $t5 appears" "$work/grill.log" && fail "table 5 was bumped, yet it is back"

# The rebooted screen works the rush on: it bumps the oldest (table 7) and recalls it.
press "kds grill" Return
wait_for grill "ticket $t7 leaves: Table 7"
press "kds grill" r
wait_for grill "ticket $t7 appears (recalled)"

# The network to the kitchen drops (the hub stops answering): the grill says so, the cook
# bumps anyway, and the bump reaches the hub once when it is back.
from=$(($(lines_in grill) + 1))
kill -STOP "$hub_pid"
wait_for grill "OFFLINE: no heartbeat" "$from"
press "kds grill" Return
wait_for grill "cook bumps ticket $t7" "$from"
tail -n +"$from" "$work/grill.log" | grep -q "ticket $t7 leaves" && fail "a stopped hub answered?"
kill -CONT "$hub_pid"
wait_for grill "online: the hub's heartbeat is back" "$from"
wait_for grill "ticket $t7 leaves: Table 7 #[0-9]* bumped at grill" "$from"
bumps=$(ctl tickets | grep -A3 "^ticket $t7 " | grep -c "grill .*bumped" || true)
[ "$bumps" -eq 1 ] || fail "table 7 is not bumped once at the hub"

for name in grill expo; do
  pid_var="${name}_pid"
  kill -TERM "${!pid_var}"
  wait "${!pid_var}" || fail "kds $name did not close cleanly"
done
echo "kds: ticket $ticket shown on grill and expo, bumped at the grill by its bump bar, served" \
  "at expo; the grill restarted mid-rush with exactly tickets $t7 and $t9; a bump made" \
  "offline reached the hub once"
