#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs, then type-checks, lints and runs every test
# (unit and end-to-end against the sandbox) on Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s typecheck
npm run -s lint
npx vitest run "$@"
