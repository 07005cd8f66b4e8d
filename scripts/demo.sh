#!/usr/bin/env bash
# The demo on a fresh machine: installs what it needs, then runs scripts/demo.ts (sandbox → backup → verify →
# damage caught → drill → disaster → restore → check). Needs root for the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s bundle -- --if-changed
exec npx tsx scripts/demo.ts "$@"
