#!/usr/bin/env bash
# Deploys the Salesforce package (force-app/) to an org the Salesforce CLI is already logged in to, optionally
# together with other SFDX source folders, such as the store-level sharing folder that
# `lightbridge sharing generate --out DIR` writes (its groups and sharing rules reference the package's fields,
# so they go in the same deploy).
# Usage: scripts/deploy-metadata.sh ORG_ALIAS [--with DIR]... [extra `sf project deploy start` flags...]
#   Log in first, e.g.: .tools/sf-cli/node_modules/.bin/sf org login web --alias lightbridge-prod
#   Production orgs run local tests on deploy; sandboxes and scratch orgs do not need to.
# The CLI is installed locally into .tools/ when absent (see scripts/sf-cli/package.json).
set -euo pipefail

usage="usage: scripts/deploy-metadata.sh ORG_ALIAS [--with DIR]... [extra sf project deploy start flags]"
if [ $# -lt 1 ] || [ -z "$1" ] || [ "${1#-}" != "$1" ]; then
  echo "$usage" >&2
  exit 2
fi
org="$1"
shift

# --with DIR (repeatable) adds a source folder; everything else goes to `sf project deploy start` untouched.
extra_dirs=()
passthrough=()
while [ $# -gt 0 ]; do
  case "$1" in
    --with)
      if [ $# -lt 2 ] || [ -z "$2" ]; then
        echo "deploy-metadata.sh: --with needs a folder" >&2
        echo "$usage" >&2
        exit 2
      fi
      extra_dirs+=("$2")
      shift 2
      ;;
    --with=*)
      extra_dirs+=("${1#--with=}")
      shift
      ;;
    *)
      passthrough+=("$1")
      shift
      ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_args=(--source-dir force-app)
for dir in ${extra_dirs[@]+"${extra_dirs[@]}"}; do
  if [ ! -d "$dir/main/default" ]; then
    echo "deploy-metadata.sh: --with $dir: not an SFDX source folder (no main/default inside); run lightbridge sharing generate --out $dir first" >&2
    exit 2
  fi
  source_args+=(--source-dir "$(cd "$dir" && pwd)")
done

export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true \
       SF_SKIP_NEW_VERSION_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true

# Validate first: a package that does not convert cleanly would fail half-way through a deploy.
"$root/scripts/validate-metadata.sh"
sf="$("$root/scripts/sf-cli/install.sh")"

cd "$root"
if [ ${#extra_dirs[@]} -gt 0 ]; then
  # The extra folders are checked and converted together with the package, so a broken group or rule stops here,
  # not in the org (the conversion copies files without parsing them, hence the XML check first).
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  for dir in "${extra_dirs[@]}"; do
    if ! node "$root/scripts/sf-cli/check-xml.cjs" "$(dirname "$(dirname "$(dirname "$sf")")")" "$dir"; then
      echo "deploy-metadata.sh: --with $dir holds malformed XML" >&2
      exit 1
    fi
  done
  if ! "$sf" project convert source "${source_args[@]}" --output-dir "$work/mdapi" --json >"$work/convert.json" 2>&1; then
    cat "$work/convert.json" >&2
    echo "deploy-metadata.sh: sf project convert source failed for force-app with ${extra_dirs[*]}" >&2
    exit 1
  fi
fi
"$sf" project deploy start "${source_args[@]}" --target-org "$org" --wait 30 ${passthrough[@]+"${passthrough[@]}"}
