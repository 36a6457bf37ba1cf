#!/usr/bin/env bash
# Screenshots of the kitchen display, made by kds itself (--screenshot) against a real hub
# in the middle of a rush: a busy grill (a late ticket, a warning, a rush re-fire, a void,
# a quantity change, an addition, a held course) and the expo screen.
# The early orders are placed by the hub run under faketime, minutes in the past, so that
# the timers show what they show on a real night; the screens read the hub's times.
# Usage: bash deploy/kds-screenshots.sh [OUT_DIR]   (default docs/screenshots; needs a build)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/docs/screenshots}
bin=${BRIGADE_BIN:-$top/build/bin}
kds=${BRIGADE_KDS:-$top/build/bin/kds}
mkdir -p "$out"
work=$(mktemp -d /tmp/brigade-kds-shots.XXXXXX)
hub=
stop_hub() {
  [ -n "$hub" ] && { kill -TERM "$hub" 2>/dev/null || true; wait "$hub" 2>/dev/null || true; }
  hub=
}
trap 'stop_hub; rm -rf "$work"' EXIT

# The hub at a time `minutes` ago (0: now). The store file carries the night across runs.
start_hub() {  # minutes ago
  stop_hub
  : >"$work/hub.log"
  # libfaketime preloaded into the hub itself (not the faketime wrapper), so that $hub is
  # the hub's own pid; monotonic clocks stay real for ZeroMQ's timers.
  local preload=
  [ "$1" -gt 0 ] && preload=$(dpkg -L libfaketime | grep 'libfaketimeMT.so.1$' | head -n 1)
  LD_PRELOAD=$preload FAKETIME="-${1}m" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    "$bin/pos-server" --db "$work/store.db" --commands 'tcp://127.0.0.1:*' \
    --events 'tcp://127.0.0.1:*' --pairing 'tcp://127.0.0.1:*' --ack-timeout 600 \
    >"$work/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 100); do grep -q "listening:" "$work/hub.log" && break; sleep 0.1; done
  commands=$(sed -n 's/.*commands on \(tcp:[^,]*\),.*/\1/p' "$work/hub.log")
  events=$(sed -n 's/.*events on \(tcp:[^,]*\),.*/\1/p' "$work/hub.log")
  pairing=$(sed -n 's/.*pairing on \(tcp:[^ ]*\)$/\1/p' "$work/hub.log")
}
# The hub runs with its keys, as in a store: posctl works from its console (the hub's own
# keys, made at its first start and kept across restarts), the screens are paired there.
ctl() {
  "$bin/posctl" --commands "$commands" --events "$events" --pairing "$pairing" \
    --console "$work/store.db.keys" "$@"
}
order() { ctl --pin 1111 order "$@" | sed -n 's/^check id \([0-9]*\),.*/\1/p'; }
ticket_of_check() { ctl --pin 1111 --json show "$1" | python3 -c \
  'import json,sys; print(json.load(sys.stdin)["tickets"][-1]["id"])'; }
line_of() {  # check, item name: the line id
  ctl --pin 1111 --json show "$1" | python3 -c 'import json,sys
c = json.load(sys.stdin)["check"]
print(next(l["id"] for l in c["lines"] if l["name"].startswith(sys.argv[1])))' "$2"
}

start_hub 16  # 19:14: the first mains of the night, now late
t4=$(order --table 4 --guests 3 classic-burger:temp-medium@1 ribeye:temp-rare@2 \
  classic-burger:temp-well@3)
t6=$(order --table 6 --guests 2 ny-strip:temp-medium-rare@1 asparagus@2)

start_hub 9  # 19:21: a warning by now
t7=$(ctl --pin 1111 open --table 7 --guests 4 | sed -n 's/^opened check [0-9]* (id \([0-9]*\)).*/\1/p')
ctl --pin 1111 add "$t7" filet --qty 1 --mod temp-medium-rare --seat 1 --note "allergy: sesame, no bun seeds" >/dev/null
ctl --pin 1111 add "$t7" classic-burger --mod temp-medium --mod add-bacon --seat 2 --qty 2 >/dev/null
ctl --pin 1111 add "$t7" swordfish-special --qty 1 --seat 3 >/dev/null
ctl --pin 1111 send "$t7" >/dev/null

start_hub 4  # 19:26
order --table 9 --guests 2 kids-burger:kids-fries@1 half-chicken@2 >/dev/null
ctl --pin 1111 order --channel takeout --customer "Lee" --phone 5550142 \
  classic-burger:temp-medium-rare >/dev/null
t14=$(order --table 14 --guests 2 caesar@1 ny-strip:temp-medium@2 --hold mains)
t3=$(order --table 3 --guests 2 steak-frites:temp-medium-rare@1 fries@2)
t11=$(order --table 11 --guests 1 filet:temp-medium@1)

start_hub 0  # 19:30, now: changes, a rush re-fire, an addition
ctl --pin 1111 --approve 1234 void "$t7" "$(line_of "$t7" "Blackened swordfish")" \
  --reason "guest changed to salad" >/dev/null
ctl --pin 1111 --approve 1234 void "$t7" "$(line_of "$t7" "Classic burger")" --qty 1 \
  --reason "seat 2 shares" >/dev/null
ctl --pin 1111 add "$t6" asparagus --qty 1 --seat 1 >/dev/null
ctl --pin 1111 send "$t6" >/dev/null
r=$(order --table 4 --guests 3 classic-burger:temp-medium@1)  # the dropped plate, again
ctl --pin 7777 rush "$(ticket_of_check "$r")" >/dev/null
ctl --pin 7777 bump "$(ticket_of_check "$t3")" --station fryer >/dev/null  # fries up, steak to come
ctl --pin 7777 bump "$(ticket_of_check "$t11")" --station grill >/dev/null  # ready: waiting for expo

shot() {  # name, station, kds options...
  local name=$1 station=$2
  shift 2
  local code
  code=$(ctl --pin 1234 devices pair "Screen $name" --role kitchen --station "$station" |
    sed -n 's/^pairing code \([^ ]*\) .*/\1/p')
  xvfb-run -a -s "-screen 0 1920x1080x24" "$kds" --commands "$commands" --events "$events" \
    --pairing "$pairing" --key "$work/$name.key" --pair "$code" \
    --width 1600 --height 900 --screenshot "$out/kds-$name.png" "$@"
}
shot grill grill --station grill
shot expo expo --expo
echo "screenshots in $out"
