#!/usr/bin/env bash
# Generates one migration for each database provider from the one model. Migrations are never edited by hand.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/SafetyNet/SafetyNet.csproj
dotnet build "$project" -v q -nologo
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context "${provider}AppDb" --output-dir "Data/Migrations/$provider"
done
