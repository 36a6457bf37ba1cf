#!/usr/bin/env bash
# System test: a real pos-server on OS-chosen ports, driven by posctl from open to close,
# the way an operator's script would. Usage: posctl_flow.sh BIN_DIR
set -euo pipefail
bin=$1
work=$(mktemp -d /tmp/brigade-system.XXXXXX)
cleanup() {
  [ -n "${hub_pid:-}" ] && kill "$hub_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- hub log"; cat "$work/hub.log"; exit 1; }

. "$(dirname "$0")/hub.sh"
expect_exit() {  # code, command...
  local want=$1; shift
  set +e; "$@" >"$work/out" 2>&1; local got=$?; set -e
  [ "$got" -eq "$want" ] || { cat "$work/out"; fail "'$*' exited $got, expected $want"; }
}

# The hub with keys, as a store runs it: only paired devices get a connection.
start_hub
grep -q "CURVE on: only paired devices may connect" "$work/hub.log" || fail "the hub has no keys"

expect_exit 3 ctl --timeout 2 hello  # no key: no connection, so no answer
grep -q "answers only paired devices" "$work/out" || fail "no hint that the hub wants a key"
console hello | grep -q "Copperline" || fail "the console (the hub's own keys)"

# The first device, paired from the hub's console: this script's own posctl.
code=$(pairing_code "Office posctl" console)
[ -n "$code" ] || fail "no pairing code"
ctl_key=$work/office.key
ctl --pair "$code" hello 2>"$work/out" | grep -q "Copperline" || fail "pair with $code"
grep -q "paired as 'office-posctl' (console)" "$work/out" || fail "paired as what?"
ctl hello | grep -q "Copperline" || fail "hello once paired"
ctl --pin 1234 86 salmon | grep -q "salmon is 86'd" || fail "86"
expect_exit 1 ctl --pin 1111 add 999 salmon           # refused by the hub
expect_exit 1 ctl --pin 0000 checks                   # wrong PIN
expect_exit 2 ctl --pin 1111 pay 1 --tender cash --amount abc  # bad usage
expect_exit 2 ctl --pin 1111 fire 1 soup                # not a course: named before sending
grep -q "course must be drinks, apps, mains or dessert, not 'soup'" "$work/out" || fail "fire soup"
expect_exit 2 ctl --pin 1111 pay 1 --tender bitcoin --amount 5
grep -q -- "--tender must be cash, card, gift_card or house_account" "$work/out" || fail "tender"

out=$(ctl --pin 1111 order --table 12 --guests 2 --hold dessert \
  beer-ipa@1 classic-burger:temp-medium-rare,add-bacon@1 fries@2)
check=$(echo "$out" | sed -n 's/^check id \([0-9]*\),.*/\1/p')
[ -n "$check" ] || fail "order did not say its check id: $out"
echo "$out" | grep -q "Classic burger" || fail "order lines: $out"

# A line added without --qty is one of it.
ctl --pin 1111 add "$check" lemonade --seat 2 | grep -q "Fresh lemonade\|lemonade" || fail "add without --qty"
ctl --pin 1111 send "$check" >/dev/null || fail "send the lemonade"

# The kitchen: every station bumps its tickets, expo serves them.
ctl tickets > "$work/tickets"
grep -q "Table 12" "$work/tickets" || fail "no ticket for table 12"
for ticket in $(sed -n 's/^ticket \([0-9]*\) .*/\1/p' "$work/tickets"); do
  # A paired posctl works the kitchen with a cook's login (Tom).
  for station in bar grill fryer; do ctl --pin 7777 bump "$ticket" --station "$station" >/dev/null 2>&1 || true; done
  ctl --pin 7777 serve "$ticket" | grep -q "served" || fail "serve $ticket"
done
ctl --pin 1111 show "$check" | grep -q "served" || fail "lines not served"

# Pay it: the balance is read from the check, cash with change.
due=$(ctl --pin 1111 show "$check" | sed -n 's/.*DUE \$\([0-9.,]*\)$/\1/p' | tr -d ,)
[ -n "$due" ] || fail "no balance shown"
expect_exit 1 ctl --pin 1111 close "$check"           # not paid yet
ctl --pin 1111 pay "$check" --tender cash --amount 100.00 | grep -q "change due" || fail "cash"
ctl --pin 1111 close "$check" | grep -q "closed check" || fail "close"
ctl --pin 1111 show "$check" | grep -q "closed" || fail "the hub does not show the check closed"
expect_exit 1 ctl --pin 1111 add "$check" fries       # a closed check cannot change

# A laptop paired and then revoked: cut off at once, its next command is never answered.
laptop() { ctl_key=$work/laptop.key ctl "$@"; }
laptop --pair "$(pairing_code "Old laptop" console)" hello >/dev/null 2>&1 || fail "pair the laptop"
ctl --pin 1234 devices list >"$work/devices"
grep -q "^old-laptop .*console" "$work/devices" || fail "the laptop is not listed: $(cat "$work/devices")"
grep -q "^office-posctl " "$work/devices" || fail "this posctl is not listed"
expect_exit 1 ctl --pin 1111 devices revoke old-laptop  # a server may not
ctl --pin 1234 devices revoke old-laptop | grep -q "revoked: old-laptop .*REVOKED" || fail "revoke"
expect_exit 3 laptop --timeout 2 hello
ctl hello | grep -q "Copperline" || fail "this posctl was cut off with the laptop"

# The menu as a file: exported, edited, imported whole; a file with three mistakes lists all
# three and changes nothing; the change is in the audit log.
ctl menu export "$work/menu.json" | grep -q "written to" || fail "menu export"
grep -q '"format_version": 1' "$work/menu.json" || fail "the export is not a menu file"
ctl --pin 1234 menu import "$work/menu.json" | grep -q "nothing to change" || fail "own export"
sed '/"id": "classic-burger"/,/"price"/ s/"17.00"/"18.25"/' "$work/menu.json" >"$work/dearer.json"
ctl --pin 1234 menu import "$work/dearer.json" | grep -q "menu imported" || fail "import"
ctl menu --category burgers | grep "^classic-burger" | grep -q '\$18.25' || fail "new price"
sed -e 's/"rate_ppm": 88750/"rate_ppm": "8.875%"/' -e '0,/"stations": \[/ s/"stations": \[/"stations": ["nowhere", /' \
  -e '0,/"course": "mains"/ s/"course": "mains"/"course": "main"/' "$work/dearer.json" >"$work/bad.json"
expect_exit 1 ctl --pin 1234 menu import "$work/bad.json"
grep -q "3 problems, nothing was imported" "$work/out" || fail "three problems: $(cat "$work/out")"
expect_exit 1 ctl --pin 1111 menu import "$work/dearer.json"  # a server may not
ctl --pin 1234 audit --action menu --csv >"$work/audit.csv"
head -1 "$work/audit.csv" | grep -q "^id,at,action,staff" || fail "audit CSV header"
grep -q 'menu.item.changed,dana,,office-posctl,item classic-burger' "$work/audit.csv" ||
  fail "the price change is not audited: $(cat "$work/audit.csv")"

# Who may do what is data: a server may comp once a manager says so, at once.
ctl roles | grep -q "^server .*take_orders" || fail "roles"
ctl roles | grep "^server " | grep -q comp && fail "a server may comp out of the box"
expect_exit 1 ctl --pin 1111 roles grant server comp            # only who manages staff
ctl --pin 1234 roles grant server comp | grep -q "^changed: server may comp" || fail "grant"
ctl roles | grep "^server " | grep -q comp || fail "the grant is not in the table"
expect_exit 2 ctl --pin 1234 roles grant server fly
ctl --pin 1234 roles revoke server comp >/dev/null || fail "revoke"

# Inventory by ingredient: a delivery, a count with its variance, waste with a reason, a
# refusal that changes nothing; all of it in the audit log.
ctl inventory | grep -q "^beef-patty .* 39  each" || fail "inventory list (one burger sold): $(ctl inventory)"
ctl --pin 1234 inventory receive beef-patty 24 --note "invoice 4471" |
  grep -q "Beef patty: 63 each on hand" || fail "receive"
ctl --pin 1234 inventory count beef-patty 60 | grep -q "(variance -3)" || fail "count"
ctl --pin 1234 inventory waste bacon 3 --reason "dropped tray" | grep -q "Bacon: 55 rashers on hand" ||
  fail "waste"
expect_exit 1 ctl --pin 1234 inventory waste bacon 500 --reason spoiled  # more than on hand
expect_exit 1 ctl --pin 1111 inventory receive bacon 5                  # a server may not
expect_exit 2 ctl --pin 1234 inventory receive bacon 0
expect_exit 2 ctl --pin 1234 inventory waste bacon 2                    # no reason
ctl inventory | grep -q "^bacon .* 55  rasher" || fail "the refusals changed the count"
ctl --pin 1234 audit --action stock --csv | grep -q "stock.wasted,dana,,office-posctl,ingredient bacon" ||
  fail "waste not audited: $(ctl --pin 1234 audit --action stock --csv)"

# The time clock: with the rule on, Priya must clock in before she opens a check; a
# manager fixes her clock-out with a reason; the timesheet and the audit log show it.
ctl --pin 1234 clock-rule on | grep -q "staff clock in before taking orders" || fail "clock rule"
expect_exit 1 ctl --pin 2222 order --table 20 --guests 2 fries@1
grep -q "not clocked in" "$work/out" || fail "no clock-in refusal: $(cat "$work/out")"
ctl --pin 2222 clock in | grep -q "Priya Shah is clocked in" || fail "clock in"
expect_exit 1 ctl --pin 2222 clock in  # twice
ctl --pin 2222 order --table 20 --guests 2 fries@1 >/dev/null || fail "order once clocked in"
ctl --pin 2222 clock break | grep -q "on a break" || fail "break"
ctl --pin 2222 clock out | grep -q "clocked out" || fail "clock out (from a break)"
sheet=$(ctl --pin 1234 timesheet --staff priya)
echo "$sheet" | grep -q "^$(date +%Y-%m-%d) Priya Shah" || fail "timesheet: $sheet"
out_punch=$(echo "$sheet" | sed -n 's/^ *#\([0-9]*\) *out .*/\1/p')
[ -n "$out_punch" ] || fail "no out punch in: $sheet"
ctl --pin 1234 punch fix priya --punch "$out_punch" --at "$(date +%s%3N)" \
  --reason "stayed to close the section" | grep -q "fixed punch #$out_punch out" || fail "punch fix"
expect_exit 1 ctl --pin 2222 punch fix priya --punch "$out_punch" --at 1 --reason mine  # not a manager
ctl --pin 1234 timesheet --staff priya | grep -q "fixed by dana: stayed to close the section" ||
  fail "the fix is not on the timesheet"
ctl --pin 1234 audit --action clock --csv | grep -q "clock.punch.changed,dana" || fail "fix not audited"
ctl --pin 1234 clock-rule off >/dev/null || fail "clock rule off"

# A new server: added with a PIN, logs in, changes the PIN, leaves; kept in the list.
ctl --pin 1234 staff save maria --name "Maria Lopez" --role server --new-pin 4321 |
  grep -q "saved: Maria Lopez" || fail "staff save"
ctl --pin 4321 checks >/dev/null || fail "Maria's PIN"
ctl --pin 4321 pin maria 5678 --current 4321 | grep -q "new PIN" || fail "her own PIN change"
expect_exit 1 ctl --pin 4321 checks
ctl --pin 1234 staff deactivate maria | grep -q "inactive" || fail "deactivate"
expect_exit 1 ctl --pin 5678 checks
ctl --pin 1234 staff list | grep -q "^maria .*inactive" || fail "the list: $(ctl --pin 1234 staff list)"

# The business day: opened by the first check, closed by the manager with Z 1 (the checks
# still open go on in the next day).
ctl --pin 1234 day | grep -q "^day 1, open since" || fail "day: $(ctl --pin 1234 day)"
expect_exit 1 ctl --pin 2222 day close  # not a manager
ctl --pin 1234 day close --carry-over | grep -q "^closed day 1, .*, Z 1" || fail "day close"
ctl --pin 1234 day | grep -q "^day 1, .*, Z 1" || fail "the closed day: $(ctl --pin 1234 day)"

# The day's figures: day 1's Z report as text and CSV (what check $check paid is in it), the
# X report of the next day; a refund on a manager's PIN goes into the day it is made in.
ctl --pin 1234 report z >"$work/z.txt" || fail "report z"
echo "--- Z report of day 1:" && cat "$work/z.txt"
grep -q "^Z REPORT 1$" "$work/z.txt" || fail "not a Z report"
ctl --pin 1234 report z --csv >"$work/z.csv" || fail "report z --csv"
head -1 "$work/z.csv" | grep -q "^section,key,label,count,amount$" || fail "CSV header"
grep -q "^tenders,tendered,\"Taken, with tips\",,$due$" "$work/z.csv" ||
  fail "the Z does not hold check $check's \$$due: $(cat "$work/z.csv")"
ctl --pin 1234 --json report z | grep -q '"reconciles": *true' || fail "the Z does not reconcile"
expect_exit 1 ctl --pin 2222 report x  # not a manager
expect_exit 1 ctl --pin 1234 report z --day 2  # still open
expect_exit 2 ctl --pin 1234 refund "$check" --line x --reason "wrong"
expect_exit 1 ctl --pin 2222 refund "$check" --reason "guest complaint"  # needs a manager
ctl --pin 2222 --approve 1234 refund "$check" --reason "guest complaint" |
  grep -q "^refund 1 of check .*: \$$due" || fail "refund"
ctl --pin 1234 report x --csv | grep -q "^tenders,refunds,Refunded,1,$due$" ||
  fail "the refund is not in today's X: $(ctl --pin 1234 report x --csv)"
ctl --pin 1234 report z --day 1 --csv | cmp -s - "$work/z.csv" || fail "the refund changed day 1's Z"

kill -TERM "$hub_pid"
wait "$hub_pid" || fail "pos-server did not stop cleanly"
hub_pid=
grep -q "stopping:" "$work/hub.log" || fail "no stop in the log"
echo "posctl drove check $check from open to close (due was \$$due)"
