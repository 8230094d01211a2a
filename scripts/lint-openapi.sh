#!/usr/bin/env bash
# Lints the API's OpenAPI document with Redocly's recommended rules and fails on any error. Builds the application
# (skip with --no-build), starts it on a loopback port with a scratch SQLite database, fetches /openapi/v1.json, stops
# it, and runs @redocly/cli from the npm registry with scripts/openapi/redocly.yaml and its ignore file. Nothing is
# left in the repository. Not part of scripts/test.sh: OpenApiDocumentTests keep the rules that matter there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=${CONFIGURATION:-Release}
redocly_version=2.77.0

work=$(mktemp -d /tmp/safetynet-openapi.XXXXXX)
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${1:-}" != "--no-build" ]; then
  echo "Building ($configuration)…"
  dotnet build src/SafetyNet -c "$configuration" -nologo -v q -clp:ErrorsOnly
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ConnectionStrings__SafetyNet="Data Source=$work/openapi.db" Database__Provider=Sqlite \
  dotnet "$root/src/SafetyNet/bin/$configuration/net10.0/SafetyNet.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$work/openapi.json"; then
    break
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    cat "$work/app.log" >&2
    echo "The application stopped before it served its OpenAPI document." >&2
    exit 1
  fi
  sleep 0.5
done
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
if [ ! -s "$work/openapi.json" ]; then
  echo "The application did not serve /openapi/v1.json within two minutes." >&2
  exit 1
fi

cp scripts/openapi/redocly.yaml scripts/openapi/.redocly.lint-ignore.yaml "$work/"
cd "$work"
npx --yes "@redocly/cli@$redocly_version" lint --extends recommended openapi.json
