#!/usr/bin/env bash
# Deploys the Salesforce package (force-app/) to an org the Salesforce CLI is already logged in to.
# Usage: scripts/deploy-metadata.sh ORG_ALIAS [extra `sf project deploy start` flags...]
#   Log in first, e.g.: .tools/sf-cli/node_modules/.bin/sf org login web --alias lightbridge-prod
#   Production orgs run local tests on deploy; sandboxes and scratch orgs do not need to.
# The CLI is installed locally into .tools/ when absent (see scripts/sf-cli/package.json).
set -euo pipefail

if [ $# -lt 1 ] || [ -z "$1" ]; then
  echo "usage: scripts/deploy-metadata.sh ORG_ALIAS [extra sf project deploy start flags]" >&2
  exit 2
fi
org="$1"
shift

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true \
       SF_SKIP_NEW_VERSION_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true

# Validate first: a package that does not convert cleanly would fail half-way through a deploy.
"$root/scripts/validate-metadata.sh"
sf="$("$root/scripts/sf-cli/install.sh")"

cd "$root"
"$sf" project deploy start --source-dir force-app --target-org "$org" --wait 30 "$@"
