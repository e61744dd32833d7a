#!/usr/bin/env bash
# Installs the pinned Salesforce CLI into <repo>/.tools/sf-cli when it is absent or stale, and prints
# the path of its `sf` executable. Sourced knowledge shared by validate-metadata.sh and deploy-metadata.sh.
# Never installs globally: the CLI lives in the git-ignored .tools/ folder of this checkout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
prefix="$root/.tools/sf-cli"
sf="$prefix/node_modules/.bin/sf"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "sf-cli/install.sh: '$tool' is required (Node.js 20 or later with npm)" >&2
    exit 1
  fi
done

# Reinstall when the pin changed: the installed copy of package.json must equal ours byte for byte.
if [ -x "$sf" ] && cmp -s "$here/package.json" "$prefix/package.json"; then
  echo "$sf"
  exit 0
fi

rm -rf "$prefix"
mkdir -p "$prefix"
cp "$here/package.json" "$prefix/package.json"
log="$prefix/npm-install.log"
# --no-package-lock: a lock file would name registry hosts, and the exact pin is in package.json.
if ! npm install --prefix "$prefix" --no-package-lock --omit=dev --no-audit --no-fund \
      --loglevel=error >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$prefix/package.json"   # forces a clean retry next time
  echo "sf-cli/install.sh: npm install of the Salesforce CLI failed" >&2
  exit 1
fi
if [ ! -x "$sf" ]; then
  rm -f "$prefix/package.json"
  echo "sf-cli/install.sh: npm install finished but $sf is missing" >&2
  exit 1
fi
echo "$sf"
