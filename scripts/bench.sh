#!/usr/bin/env bash
# Runs the benchmark harness in Release and writes each scenario's figures as JSON under artifacts/bench/.
#   scripts/bench.sh                 every scenario, full size
#   scripts/bench.sh --quick         every scenario, reduced sizes (under 3 minutes)
#   scripts/bench.sh micro           one scenario: micro (BenchmarkDotNet, short job), lightspeed-pull,
#                                    lightspeed-ceiling, salesforce-bulk, sync-backfill, sync-latency,
#                                    xseries-latency
#   scripts/bench.sh sync-backfill --million   the backfill with about 1,000,000 sale lines (--lines=N: about N)
# The micro scenario also leaves BenchmarkDotNet's own reports (markdown, full JSON) in artifacts/bench/micro/.
# Each scenario records the machine's load average next to its figures: on shared cores they are noisy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build dotnet/bench/Lightbridge.Bench/Lightbridge.Bench.csproj -c Release -nologo -v q >/dev/null
dotnet dotnet/bench/Lightbridge.Bench/bin/Release/net10.0/Lightbridge.Bench.dll --out artifacts/bench "$@"
echo
echo "results: artifacts/bench/*.json"
