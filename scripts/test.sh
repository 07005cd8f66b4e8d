#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs, then type-checks, lints and runs every test
# (unit and end-to-end against the sandbox) on Node 24, and ends with one plain line: N passed, N failed, N skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s typecheck
npm run -s lint
results=$(mktemp)
trap 'rm -f "$results"' EXIT
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
if [ -s "$results" ]; then
  # A file can fail with every test in it passed (a failing beforeAll/afterAll), and vitest exits 1 on an
  # error thrown outside any test: the summary names both, so a red run never looks clean.
  # shellcheck disable=SC2016 # JavaScript, not shell, in single quotes
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + (r.numTodoTests || 0);
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
    for (const file of r.testResults) {
      const testFailed = file.assertionResults.some((t) => t.status === "failed");
      if (file.status === "failed" && !testFailed)
        console.log(`failed outside its tests: ${require("path").relative(process.cwd(), file.name)}: ${(file.message || "").split("\n")[0]}`);
    }
  ' "$results"
  if [ "$status" -ne 0 ]; then echo "vitest exited $status: see the errors above the summary"; fi
fi
exit "$status"
