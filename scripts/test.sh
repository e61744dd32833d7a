#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks, restores, builds, runs every test
# project and the metadata validation, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for tool in dotnet node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "scripts/test.sh: '$tool' is required (install the .NET 10 SDK, Node.js 20 and npm)" >&2
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
done

logs="$root/artifacts/test-logs"
rm -rf "$logs"
mkdir -p "$logs"

passed=0
failed=0
skipped=0

echo "==> restore and build"
if ! dotnet build Middleware.sln -c Release -nologo -v q >"$logs/build.log" 2>&1; then
  tail -n 60 "$logs/build.log"
  echo "build failed (full log: artifacts/test-logs/build.log)"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# Each test assembly runs on its own, one after the other: timing-sensitive suites (rate limits,
# token expiry) should not compete for the two cores with another suite.
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "==> $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --blame-hang-timeout 10m \
    --logger "console;verbosity=minimal" \
    >"$logs/$name.log" 2>&1
  code=$?
  summary="$(grep -E '^(Passed|Failed)!  - Failed:' "$logs/$name.log" | tail -n 1)"
  if [ -z "$summary" ]; then
    if grep -q 'No test is available' "$logs/$name.log"; then
      echo "    (no tests yet)"
      continue
    fi
    tail -n 40 "$logs/$name.log"
    echo "    $name did not report a result (exit $code)"
    failed=$((failed + 1))
    continue
  fi
  echo "    $summary"
  p="$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")"
  f="$(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$summary")"
  s="$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  if [ "$f" != "0" ]; then
    grep -E '^\s+Failed |Error Message|Assert' "$logs/$name.log" | head -n 40
  fi
done

if [ -x scripts/validate-metadata.sh ]; then
  echo "==> metadata validation (sf project convert source)"
  if scripts/validate-metadata.sh >"$logs/validate-metadata.log" 2>&1; then
    echo "    passed"
    passed=$((passed + 1))
  else
    tail -n 40 "$logs/validate-metadata.log"
    echo "    failed"
    failed=$((failed + 1))
  fi
fi

if [ -x tests/conformance/run.sh ]; then
  echo "==> conformance (jsforce and the CometD JavaScript client against the Salesforce emulator)"
  tests/conformance/run.sh >"$logs/conformance.log" 2>&1
  code=$?
  summary="$(grep -E '^conformance: [0-9]+ passed, [0-9]+ failed$' "$logs/conformance.log" | tail -n 1)"
  if [ -z "$summary" ]; then
    tail -n 40 "$logs/conformance.log"
    echo "    conformance did not report a result (exit $code)"
    failed=$((failed + 1))
  else
    echo "    $summary"
    p="$(sed -E 's/^conformance: ([0-9]+) passed.*/\1/' <<<"$summary")"
    f="$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$summary")"
    passed=$((passed + p))
    failed=$((failed + f))
    # Failures and checks skipped for a known emulator deviation are shown; passing checks stay in the log.
    grep -E '^not ok|# SKIP' "$logs/conformance.log" | head -n 20
  fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
