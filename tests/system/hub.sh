# Sourced by the system tests: a real pos-server on OS-chosen ports, and posctl to drive it.
# Needs $bin (pos-server and posctl), $work (a scratch folder) and a `fail` function.
#
#   start_hub [--development]   starts the hub (logs to $work/hub.log); sets hub_pid,
#                               commands, events and (with keys) pairing
#   console ARGS...             posctl on the hub's machine, with the hub's own keys
#   pairing_code NAME ROLE [--station S]...   a manager (Dana) starts a pairing; the code
#   ctl ARGS...                 posctl as $ctl_key (once paired), else plain text

start_hub() {
  "$bin/pos-server" "$@" --db "$work/store.db" --commands 'tcp://127.0.0.1:*' \
    --events 'tcp://127.0.0.1:*' --pairing 'tcp://127.0.0.1:*' >"$work/hub.log" 2>&1 &
  hub_pid=$!
  for _ in $(seq 100); do grep -q "listening:" "$work/hub.log" && break; sleep 0.1; done
  commands=$(sed -n 's/.*commands on \(tcp:[^, ]*\).*/\1/p' "$work/hub.log")
  events=$(sed -n 's/.*events on \(tcp:[^, ]*\).*/\1/p' "$work/hub.log")
  pairing=$(sed -n 's/.*pairing on \(tcp:[^, ]*\).*/\1/p' "$work/hub.log")
  [ -n "$commands" ] && [ -n "$events" ] || fail "the hub did not say where it listens"
}

ends() { echo --commands "$commands" --events "$events" ${pairing:+--pairing "$pairing"}; }

console() { "$bin/posctl" $(ends) --console "$work/store.db.keys" "$@"; }

pairing_code() {  # name, role, options...
  local name=$1 role=$2
  shift 2
  console --pin 1234 devices pair "$name" --role "$role" "$@" |
    sed -n 's/^pairing code \([0-9A-Z]*-[0-9A-Z]*\) .*/\1/p'
}

ctl_key=
ctl() { "$bin/posctl" $(ends) ${ctl_key:+--key "$ctl_key"} "$@"; }
