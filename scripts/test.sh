#!/usr/bin/env bash
# The README's test command (`npm test`): installs what the tests need, then
# runs every test. Idempotent; a second run reuses node_modules, the tools
# venv and the test images.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.package-lock.stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

bash scripts/test-env.sh
state="${WHEELWRIGHT_TEST_HOME:-$HOME/.cache/wheelwright-test}"
set -a
# shellcheck disable=SC1091
. "$state/env"
set +a

# Integration tests run the bundle, exactly what the action ships.
if [ ! -f dist/cli.js ] || [ ! -f dist/index.js ] || [ -n "$(find src -newer dist/cli.js -print -quit)" ]; then
  npm run -s bundle
fi

export NODE_OPTIONS=--experimental-vm-modules NODE_NO_WARNINGS=1
results=$(mktemp -d)
status=0
npx jest --selectProjects unit --json --outputFile="$results/unit.json" "$@" || status=$?
# Real builds share two cores: one test file at a time.
npx jest --selectProjects integration --runInBand --json --outputFile="$results/integration.json" "$@" || status=$?
reports=("$results/unit.json" "$results/integration.json")
# cibuildwheel's own Linux tests against the bundle: the CI subset (npm run conformance runs all).
if [ $# -eq 0 ]; then
  bash scripts/conformance/run.sh --json "$results/conformance.json" || status=$?
  reports+=("$results/conformance.json")
fi

node -e '
  const fs = require("fs")
  let passed = 0, failed = 0
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed++; continue }
    const r = JSON.parse(fs.readFileSync(f, "utf8"))
    if (f.endsWith("conformance.json")) { passed += r.passed; failed += r.failed; continue }
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites
  }
  console.log(`${passed} passed, ${failed} failed`)
' "${reports[@]}"
rm -rf "$results"
exit "$status"
