#!/usr/bin/env bash
# Runs `lightbridge demo` from the checkout (Release build): both APIs emulated in-process, a generated
# account and a messy org, a full and an incremental sync through the worker, and a report in
# ./lightbridge-demo/. Arguments go to the demo, e.g. scripts/demo.sh --customers 500 --keep-running
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec dotnet run --project "$root/dotnet/src/Lightbridge.Cli" -c Release -- demo --metadata "$root/force-app" "$@"
