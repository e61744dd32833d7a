#!/usr/bin/env bash
# Reliability evidence: chaos rounds against both emulators with faults on, the real `lightbridge sync` and
# `lightbridge replay` killed with SIGKILL at seeded points and restarted, and an independent checker after each
# round. The suite runs the short form (2 rounds, small account); this script runs the long form.
#
#   scripts/chaos.sh [--rounds N] [--seed S] [--size small|large] [--no-build]
#
# Prints the summary (rounds, faults injected, kills, records lost, duplicated, fields different) and exits non-zero
# when the checker found anything.
set -euo pipefail

rounds=20
seed=8
size=large
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --size) size="${2:?--size needs small or large}"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "chaos.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "chaos.sh: --rounds must be a positive whole number, not '$rounds'" >&2; exit 2; }
[[ "$seed" =~ ^[1-9][0-9]*$ ]] || { echo "chaos.sh: --seed must be a positive whole number, not '$seed'" >&2; exit 2; }
[[ "$size" == small || "$size" == large ]] || { echo "chaos.sh: --size must be small or large, not '$size'" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/tests/Lightbridge.Cli.Tests"
report="$(mktemp -t lightbridge-chaos.XXXXXX)"
trap 'rm -f "$report"' EXIT

if [[ $build == 1 ]]; then
  dotnet build "$project" --nologo -v quiet
fi

status=0
LIGHTBRIDGE_CHAOS_ROUNDS="$rounds" LIGHTBRIDGE_CHAOS_SEED="$seed" LIGHTBRIDGE_CHAOS_SIZE="$size" LIGHTBRIDGE_CHAOS_REPORT="$report" \
  dotnet test "$project" --no-build --nologo \
    --filter "FullyQualifiedName~Lightbridge.Cli.Tests.Chaos.ChaosTests" \
    --logger "console;verbosity=normal" -- NUnit.DefaultTimeout=0 || status=$?

echo
if [[ -s "$report" ]]; then
  cat "$report"
else
  echo "chaos.sh: the run ended before writing its summary (see the test output above)" >&2
  [[ $status -ne 0 ]] || status=1
fi
exit $status
