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

# Integration tests run the bundle, exactly what the action ships: rebuilt when
# it is missing or anything it is made from is newer than either bundle file.
bundle_inputs=(src resources rollup.config.js tsconfig.json tsconfig.build.json package-lock.json)
if [ ! -f dist/cli.js ] || [ ! -f dist/index.js ] ||
  [ -n "$(find "${bundle_inputs[@]}" \( -newer dist/cli.js -o -newer dist/index.js \) -print -quit)" ]; then
  npm run -s bundle
fi

export NODE_OPTIONS=--experimental-vm-modules NODE_NO_WARNINGS=1
results=$(mktemp -d)
status=0
reports=()
# With a file or pattern given, a lane that holds none of it has nothing to run.
lane_flags=()
if [ $# -gt 0 ]; then lane_flags+=(--passWithNoTests); fi
# The lanes of jest.config.js, fastest first: unit tests on every core, then
# the real builds one test file at a time (they share the machine's cores).
for lane in unit cli container emulated; do
  serial=(--runInBand)
  if [ "$lane" = unit ]; then serial=(); fi
  npx jest --selectProjects "$lane" "${serial[@]}" "${lane_flags[@]}" \
    --json --outputFile="$results/$lane.json" "$@" || status=$?
  reports+=("$results/$lane.json")
done
# cibuildwheel's own Linux tests against the bundle: the CI subset (npm run conformance runs all).
if [ $# -eq 0 ]; then
  bash scripts/conformance/run.sh --json "$results/conformance.json" || status=$?
  reports+=("$results/conformance.json")
fi

# shellcheck disable=SC2016  # the quoted text is JavaScript: its ${...} are its own
node -e '
  const fs = require("fs")
  const path = require("path")
  let passed = 0, failed = 0
  for (const f of process.argv.slice(1)) {
    const lane = path.basename(f, ".json")
    if (!fs.existsSync(f)) { failed++; console.log(`${lane}: no report`); continue }
    const r = JSON.parse(fs.readFileSync(f, "utf8"))
    const [p, n] = lane === "conformance"
      ? [r.passed, r.failed]
      : [r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites]
    console.log(`${lane}: ${p} passed, ${n} failed`)
    passed += p; failed += n
  }
  console.log(`${passed} passed, ${failed} failed`)
' "${reports[@]}"
rm -rf "$results"
exit "$status"
