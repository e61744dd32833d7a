#!/usr/bin/env bash
# Validates the Salesforce package without an org: converts force-app/ from SFDX source format to
# Metadata API format with the pinned Salesforce CLI (installed locally into .tools/ when absent).
# Any error in the source (unknown metadata type, bad file name, unparsable XML...) fails the
# conversion. Quiet on success; prints the CLI's output and exits non-zero on failure.
# Usage: scripts/validate-metadata.sh   (from any working directory)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The CLI checks for updates and sends telemetry unless told not to, and hangs without network.
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true \
       SF_SKIP_NEW_VERSION_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true SF_JSON_TO_STDOUT=true

sf="$("$root/scripts/sf-cli/install.sh")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
if ! node "$root/scripts/sf-cli/check-xml.cjs" "$(dirname "$(dirname "$(dirname "$sf")")")" force-app; then
  echo "validate-metadata.sh: force-app/ holds malformed XML" >&2
  exit 1
fi
if ! "$sf" project convert source --source-dir force-app --output-dir "$work/mdapi" --json \
      >"$work/convert.json" 2>"$work/convert.err"; then
  cat "$work/convert.json" "$work/convert.err" >&2
  echo "validate-metadata.sh: sf project convert source failed" >&2
  exit 1
fi

# Belt and braces: the conversion must report success and produce a package.xml that lists the
# component types the package is made of.
if ! grep -q '"status": 0' "$work/convert.json" || [ ! -f "$work/mdapi/package.xml" ]; then
  cat "$work/convert.json" "$work/convert.err" >&2
  echo "validate-metadata.sh: conversion did not report success or wrote no package.xml" >&2
  exit 1
fi
for type in CustomObject CustomField PermissionSet CustomMetadata Flow QuickAction CustomTab Layout ListView ValidationRule; do
  if ! grep -q "<name>$type</name>" "$work/mdapi/package.xml"; then
    cat "$work/mdapi/package.xml" >&2
    echo "validate-metadata.sh: converted package has no $type" >&2
    exit 1
  fi
done
