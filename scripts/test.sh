#!/usr/bin/env bash
# The one test command. Installs what is missing (PostgreSQL, Chromium and aiosmtpd from Debian's packages; npm
# packages through the build), starts a private PostgreSQL cluster for the run, builds once, runs every
# test project — database tests on SQLite and PostgreSQL, browser tests in Chromium — and ends with the
# line "N passed, N failed" totalled over all projects.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing PostgreSQL from Debian's packages…"
  apt_install postgresql
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
if ! /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  echo "Installing aiosmtpd (the loopback SMTP server the tests deliver to) from Debian's packages…"
  apt_install python3-aiosmtpd
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages…"
  apt_install chromium
fi

work=$(mktemp -d /tmp/safetynet-test.XXXXXX)
chmod 755 "$work"
pg_data="$work/pg"
pg_port=${SAFETYNET_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$pg_data"
[ "$(id -u)" = 0 ] && chown postgres "$pg_data"
run_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$pg_data/server.log" \
  -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export SAFETYNET_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Include Error Detail=true"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port"

echo "Building ($configuration)…"
dotnet build SafetyNet.slnx -c "$configuration" -nologo -v q -clp:ErrorsOnly

# SAFETYNET_TEST_RESULTS keeps each project's results file (with every test's duration) in that folder.
results=${SAFETYNET_TEST_RESULTS:-"$work/results"}
status=0
for project in tests/SafetyNet.Engines.Tests tests/SafetyNet.Tests tests/SafetyNet.BrowserTests; do
  name=$(basename "$project")
  echo "Running $name…"
  # A test that hangs is stopped after ten minutes and named, rather than holding the run to its time limit.
  dotnet test "$project" -c "$configuration" --no-build --nologo \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$passed" -eq 0 ]; then status=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
if [ "$failed" -gt 0 ]; then status=1; fi
exit $status
