#!/usr/bin/env bash
# Footprint of the embedded default: time from launching the built application on a fresh SQLite demo to its
# first page, time until demo seeding is done (/health 200), and resident memory once ready.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -nologo -v q -clp:ErrorsOnly src/SafetyNet
work=$(mktemp -d /tmp/safetynet-footprint.XXXXXX)
port=$(( 40000 + RANDOM % 20000 ))
trap '[ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
start=$(date +%s.%N)
( cd "$work" && exec env Demo__Enabled=true dotnet "$OLDPWD/src/SafetyNet/bin/Release/net10.0/SafetyNet.dll" --urls "http://127.0.0.1:$port" >app.log 2>&1 ) &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/sign-in"; do sleep 0.05; done
first=$(date +%s.%N)
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
ready=$(date +%s.%N)
for i in $(seq 1 20); do curl -fs -o /dev/null "http://127.0.0.1:$port/sign-in"; done
rss=$(ps -o rss= -p "$(pgrep -P "$pid" -f SafetyNet.dll || echo "$pid")" | tail -n 1)
awk -v s="$start" -v f="$first" -v r="$ready" -v m="$rss" \
  'BEGIN { printf "first page after %.2f s; demo seeded and healthy after %.2f s; resident memory %d MB\n", f - s, r - s, m / 1024 }'
