#!/usr/bin/env bash
# Screenshots of the front-of-house terminal, made by pos itself (--screenshot) against a
# real hub holding a Friday night in progress: the floor, order entry with the modifier
# dialog open (and without), payment with a split by seat, and the manager's menu editor.
# Usage: bash deploy/pos-screenshots.sh [OUT_DIR]   (default docs/screenshots; needs a build)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/docs/screenshots}
bin=${BRIGADE_BIN:-$top/build/bin}
mkdir -p "$out"
work=$(mktemp -d /tmp/brigade-shots.XXXXXX)
hub=
cleanup() {
  [ -n "$hub" ] && kill "$hub" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The hub runs with its keys, as in a store; posctl works from its console (the hub's own
# keys) and the terminal is paired from there (README, "Security: pairing devices").
"$bin/pos-server" --db "$work/store.db" --commands 'tcp://127.0.0.1:*' --events 'tcp://127.0.0.1:*' \
  --pairing 'tcp://127.0.0.1:*' --ack-timeout 600 >"$work/hub.log" 2>&1 &
hub=$!
for _ in $(seq 100); do grep -q "listening:" "$work/hub.log" && break; sleep 0.1; done
commands=$(sed -n 's/.*commands on \(tcp:[^,]*\),.*/\1/p' "$work/hub.log")
events=$(sed -n 's/.*events on \(tcp:[^,]*\),.*/\1/p' "$work/hub.log")
pairing=$(sed -n 's/.*pairing on \(tcp:[^ ]*\)$/\1/p' "$work/hub.log")
ends=(--commands "$commands" --events "$events" --pairing "$pairing")
console() { "$bin/posctl" "${ends[@]}" --console "$work/store.db.keys" "$@"; }
ctl() { console "$@" >/dev/null; }
bump_all() {  # every station bumps every open ticket; expo serves them when $1 = serve
  for t in $(console tickets | sed -n 's/^ticket \([0-9]*\) .*/\1/p'); do
    for s in bar grill fryer saute cold pastry; do
      ctl --pin 7777 bump "$t" --station "$s" 2>/dev/null || true
    done
    if [ "${1:-}" = serve ]; then ctl --pin 7777 serve "$t" 2>/dev/null || true; fi
  done
}

# 17:00 the manager's 86 list; then the dining room fills up.
ctl --pin 1234 86 salmon
ctl --pin 1234 stock short-rib 12
ctl --pin 1234 inventory count bacon 10  # below its mark of 12: every terminal warns
ctl --pin 1111 order --table 5 --guests 2 beer-ipa@1 lemonade@2 wings:wings-bbq@1
bump_all serve
ctl --pin 1111 order --table 12 --guests 4 beer-ipa@1 wine-pinot-noir@2 lemonade@3 beer-lager@4 \
  calamari@1 oysters@3 classic-burger:temp-medium-rare@1 short-rib@2 \
  classic-burger:temp-medium-rare,add-bacon@3 ny-strip:temp-medium@4 --hold mains
bump_all serve  # table 12: drinks and apps served, mains held: time to fire
ctl --pin 2222 order --table 7 --guests 3 wine-rose@1 wine-rose@2 caesar@3 fries@3
bump_all
ctl --pin 2222 open --table 14 --guests 6
ctl --pin 2222 order --table 9 --guests 2 fish-and-chips@1 rigatoni@2 espresso@1
ctl --pin 2222 split 5 even --parts 2
ctl --pin 4444 order --tab "Jess & friends" beer-stout@0 beer-wheat@0
ctl --pin 6666 order --channel takeout --customer "Lee" --phone 5550142 classic-burger:temp-medium fries@0
ctl --pin 6666 order --channel delivery --customer "Morgan" --phone 5550199 rigatoni@0
# Two early parties have paid and gone (cash with change; a card with a tip), and a third
# came back for a refund: the X report has the evening's money in it.
paid_and_gone() {  # pin, table, tender, items...
  local pin=$1 table=$2 tender=$3; shift 3
  local check due
  check=$(console --pin "$pin" order --table "$table" --guests 2 "$@" |
    sed -n 's/^check id \([0-9]*\),.*/\1/p')
  bump_all serve
  due=$(console --pin "$pin" show "$check" | sed -n 's/.*DUE \$\([0-9.,]*\)$/\1/p' | tr -d ,)
  if [ "$tender" = cash ]; then ctl --pin "$pin" pay "$check" --tender cash --amount 100.00
  else ctl --pin "$pin" pay "$check" --tender card --amount "$due" --tip 9.00; fi
  ctl --pin "$pin" close "$check"
  echo "$check"
}
paid_and_gone 1111 20 cash beer-lager@1 classic-burger:temp-medium@1 fries@2 >/dev/null
paid_and_gone 2222 21 card wine-malbec@1 ny-strip:temp-medium-rare@1 cheesecake@2 >/dev/null
refunded=$(paid_and_gone 1111 22 card beer-ipa@1 mozzarella-sticks@1)
ctl --pin 1234 refund "$refunded" --reason "Sticks came out cold"
# The time clock: Sam and Priya clocked in at the start of their shifts; Jess is on a break.
for pin in 1111 2222 4444; do ctl --pin "$pin" clock in; done
ctl --pin 4444 clock break
# Sam forgot to clock in when he came at five: the manager fixes it, with the reason.
ctl --pin 1234 punch fix sam --punch 1 --at "$(date -d '-3 hours' +%Y-%m-%dT%H:%M)" \
  --reason "Forgot to clock in"

# The terminal's key: paired on its first start, already paired on the next ones.
pos_key=(--key "$work/pos-1.key" --pair "$(console --pin 1234 devices pair "Terminal 1" \
  --role terminal | sed -n 's/^pairing code \([^ ]*\) .*/\1/p')")
shot() {  # name, [--pin PIN], pos options...
  local name=$1 pin=1111; shift
  if [ "${1:-}" = --pin ]; then pin=$2; shift 2; fi
  xvfb-run -a -s "-screen 0 ${BRIGADE_SCREEN:-1280x800}x24" "$bin/pos" "${ends[@]}" "${pos_key[@]}" \
    --pin "$pin" --screenshot "$out/pos-$name.png" "$@" ${BRIGADE_POS_OPTIONS:-}
  pos_key=(--key "$work/pos-1.key")
}
shot floor
shot order-entry --table 12 --item cheesecake  # a new line, not yet sent
shot order --table 12 --item classic-burger --modifiers add-bacon,add-cheddar
shot payment --table 12 --show payment --split seat
shot menu-item --pin 1234 --show menu --item classic-burger    # the manager's menu editor
shot menu-group --pin 1234 --show menu --item burger-addons
shot menu-ingredient --pin 1234 --show menu --item bacon
shot menu-category --pin 1234 --show menu --item burgers  # categories: name, day parts, order
shot inventory --pin 1234 --show inventory --item beef-patty  # stock by ingredient: receive, count, waste
shot staff --pin 1234 --show staff --item priya  # the back office: people, roles, hours, audit
shot roles --pin 1234 --show roles
shot timesheet --pin 1234 --show timesheet --item sam
shot audit --pin 1234 --show audit
shot day --pin 1234 --show day  # closing the day: the X report, sales by hour
shot drawer --pin 1234 --show day --item drawers  # counting a drawer by denomination
shot my-hours --show timesheet  # a server: their own hours, and changing their PIN
echo "screenshots in $out"
