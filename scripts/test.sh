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
[ -f dist/cli.js ] && [ -f dist/index.js ] || npm run -s bundle

export NODE_OPTIONS=--experimental-vm-modules NODE_NO_WARNINGS=1
results=$(mktemp -d)
status=0
npx jest --selectProjects unit --json --outputFile="$results/unit.json" "$@" || status=$?
# Real builds share two cores: one test file at a time.
npx jest --selectProjects integration --runInBand --json --outputFile="$results/integration.json" "$@" || status=$?

node -e '
  const fs = require("fs")
  let passed = 0, failed = 0
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed++; continue }
    const r = JSON.parse(fs.readFileSync(f, "utf8"))
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites
  }
  console.log(`${passed} passed, ${failed} failed`)
' "$results/unit.json" "$results/integration.json"
rm -rf "$results"
exit "$status"
