#!/usr/bin/env bash
# Benchmark: `SafetyNet offenders predict` over 1,000,000 SYNTHETIC cases (target: under 10 s for the whole process).
# Builds SafetyNet and the benchmarks in Release, writes the cases once from a fixed seed (about 1 % of rows refused or
# reported), then runs the verb RUNS times after one warm-up run, timing each whole process with /usr/bin/time (wall
# seconds and peak resident memory), and prints each run and the median. Not part of scripts/test.sh.
# Usage: scripts/bench-predict.sh [cases=1000000] [runs=5] [seed=1]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}; runs=${2:-5}; seed=${3:-1}
work=$(mktemp -d /tmp/safetynet-predict.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release -nologo -v q -clp:ErrorsOnly src/SafetyNet
dotnet build -c Release -nologo -v q -clp:ErrorsOnly bench/SafetyNet.Benchmarks
echo "Writing $cases cases (seed $seed)…"
dotnet bench/SafetyNet.Benchmarks/bin/Release/net10.0/SafetyNet.Benchmarks.dll predictor-cases "$cases" "$work/cases.csv" "$seed"
echo "$(wc -l <"$work/cases.csv") lines, $(du -m "$work/cases.csv" | cut -f1) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
app=src/SafetyNet/bin/Release/net10.0/SafetyNet.dll
dotnet "$app" offenders predict --input "$work/cases.csv" --output "$work/scores.csv"   # warm-up, not counted
for run in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/time.$run" dotnet "$app" offenders predict --input "$work/cases.csv" --output "$work/scores.csv" >/dev/null
  read -r wall peak <"$work/time.$run"
  echo "run $run: $wall s wall, $(( peak / 1024 )) MB peak"
  echo "$wall" >>"$work/walls"
done
echo "median of $runs runs: $(sort -n "$work/walls" | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}') s"
echo "$(( $(wc -l <"$work/scores.csv") - 1 )) rows written; rows with a problem: $(awk -F, 'NR > 1 && $NF != ""' "$work/scores.csv" | wc -l)"
