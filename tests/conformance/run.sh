#!/usr/bin/env bash
# Runs the third-party client conformance checks (run.mjs) against the Salesforce emulator built in Release.
# Installs the pinned npm packages into tests/conformance/node_modules when they are absent or package.json changed
# (the installed copy of package.json must equal ours byte for byte). Never installs globally.
# Prints one line per check and ends with "conformance: N passed, N failed"; exits non-zero on any failure.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
modules="$here/node_modules"
stamp="$modules/.lightbridge-package.json"

fail() {
  echo "$1" >&2
  echo "conformance: 0 passed, 1 failed"
  exit 1
}

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || fail "conformance/run.sh: '$tool' is required (Node.js 20 or later with npm)"
done

if [ ! -f "$stamp" ] || ! cmp -s "$here/package.json" "$stamp"; then
  rm -rf "$modules"
  log="$(mktemp)"
  # --no-package-lock: a lock file would name registry hosts, and the exact pins are in package.json.
  if ! (cd "$here" && npm install --no-package-lock --omit=dev --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    rm -rf "$modules"   # forces a clean retry next time
    fail "conformance/run.sh: npm install of the conformance clients failed"
  fi
  rm -f "$log"
  cp "$here/package.json" "$stamp"
fi

cd "$root"
exec node "$here/run.mjs"
