#!/usr/bin/env bash
# Runs the runtime benchmark suite with short jobs and prints every table as Markdown:
# fan-out throughput, inline dispatch, latency, cost growth, durable throughput on SQLite and JetStream throughput
# (BenchmarkDotNet, each against its baseline in the same run), memory under overload, startup.
# Usage: tests/AttrFanout.Benchmarks/run-suite.sh [startup launches, default 10]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="$root/artifacts/benchmarks"
launches="${1:-10}"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
dotnet build "$here" -c Release -v quiet -nologo
rm -rf "$artifacts" && mkdir -p "$artifacts"
dotnet "$here/bin/Release/net10.0/AttrFanout.Benchmarks.dll" \
  --filter '*FanoutThroughputBenchmarks*' '*DispatchBenchmarks*' '*LatencyBenchmarks*' '*GrowthBenchmarks*' '*DurableThroughputBenchmarks*' \
  --exporters GitHub --artifacts "$artifacts" > "$artifacts.log"

for report in "$artifacts"/results/*-report-github.md; do
  echo
  cat "$report"
done

echo
nats="$root/tests/AttrFanout.Nats.Benchmarks"
dotnet build "$nats" -c Release -v quiet -nologo
dotnet "$nats/bin/Release/net10.0/AttrFanout.Nats.Benchmarks.dll" --filter '*' --job short \
  --exporters GitHub --artifacts "$artifacts/nats" >> "$artifacts.log"
for report in "$artifacts"/nats/results/*-report-github.md; do
  cat "$report"
done

echo
dotnet "$here/bin/Release/net10.0/AttrFanout.Benchmarks.dll" overload 15
echo
python3 "$here/Startup/startup.py" "$launches"
