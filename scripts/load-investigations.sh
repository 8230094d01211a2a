#!/usr/bin/env bash
# Load scenario: investigations at 1,000,000 incidents on PostgreSQL. Starts a private PostgreSQL cluster, seeds
# incidents (and so their recorded crimes) with the COPY fast path, then investigators and an investigation with its
# supervisory reviews for every recorded crime; runs SafetyNet (Release) on loopback, then reads the allocation queue,
# an investigator's own list and the overdue-review queues (a sergeant's, an inspector's) at a fixed arrival rate
# while crimes are reported.
# Background identity resolution is off for the run: the seeded entries would keep it busy for hours.
# Usage: scripts/load-investigations.sh [incidents=1000000] [investigators=200] [rate-per-second=20] [seconds=60] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
incidents=${1:-1000000}; investigators=${2:-200}; rate=${3:-20}; seconds=${4:-60}; runs=${5:-3}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/safetynet-load.XXXXXX); chmod 755 "$work"
port=$(( 20000 + RANDOM % 20000 )); app_port=$(( 40000 + RANDOM % 20000 ))
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true; run_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/pg"; [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
run_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/pg/log" -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres safetynet
dotnet build -c Release -nologo -v q -clp:ErrorsOnly src/SafetyNet && dotnet build -c Release -nologo -v q -clp:ErrorsOnly bench/SafetyNet.Load
export Database__Provider=Postgres ConnectionStrings__SafetyNet="Host=127.0.0.1;Port=$port;Username=postgres;Database=safetynet" \
  Demo__Enabled=true Demo__Incidents=0 Demo__Password=Load-Test-Password-1! Audit__Folder="$work/audit" Demo__PasswordFile="$work/pw"
echo "Seeding $incidents incidents and investigations across $investigators investigators…"
dotnet src/SafetyNet/bin/Release/net10.0/SafetyNet.dll seed --incidents "$incidents" --seed 1 --investigations "$investigators" | tail -n 2
"$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d safetynet -qc "VACUUM ANALYZE" >/dev/null
"$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d safetynet -Atc \
  "SELECT 'crime records recorded: ' || count(*) FROM \"CrimeRecords\" WHERE \"Status\" = 'Recorded'"
People__ResolveInBackground=false dotnet src/SafetyNet/bin/Release/net10.0/SafetyNet.dll --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 &
app_pid=$!
until curl -fs "http://127.0.0.1:$app_port/health" >/dev/null; do
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 0.5
done
for run in $(seq "$runs"); do
  echo "Run $run of $runs"
  dotnet bench/SafetyNet.Load/bin/Release/net10.0/SafetyNet.Load.dll "http://127.0.0.1:$app_port" "$Demo__Password" "$rate" "$seconds" investigations
done
