#!/usr/bin/env bash
# Runs cibuildwheel's own Linux integration tests (from its PyPI sdist) against
# wheelwright, through a shim that maps `python -m cibuildwheel` onto the
# bundled CLI, on the Debian-made multi-CPython test image under podman.
#
#   scripts/conformance/run.sh [--reference] [--full] [--json FILE] [-- PYTEST_ARGS...]
#
#   --reference   run the suite against cibuildwheel itself (no shim)
#   --full        every test; without it, the fixed CI subset (ci-subset.txt)
#   --json FILE   write the counts (passed, failed, expected differences) there
#
# The outcome is compared with expected-differences.txt and not-run.txt by
# compare.py: any other failure fails the run. Needs scripts/test-env.sh first.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE=${WHEELWRIGHT_TEST_HOME:-$HOME/.cache/wheelwright-test}
WORK=$STATE/conformance

VERSION=4.3.5
SHA256=43c30292b9ec8d08a8eb3873436e64d4d1434c5dcbc855fb0afbfc69732048f1
SDIST_DIR=$WORK/cibuildwheel-$VERSION
VENV=$WORK/venv

reference=false
full=false
json=
while [ $# -gt 0 ]; do
    case "$1" in
        --reference) reference=true ;;
        --full) full=true ;;
        --json) json=$2; shift ;;
        --) shift; break ;;
        *) echo "conformance: unknown argument: $1 (use --reference, --full, --json FILE, or -- PYTEST_ARGS)" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '[conformance %4ds] %s\n' "$SECONDS" "$*"; }

set -a
# shellcheck disable=SC1091  # written by scripts/test-env.sh
. "$STATE/env"
set +a
: "${WHEELWRIGHT_TEST_MULTI_IMAGE:?the multi-CPython test image is not set up: run scripts/test-env.sh}"

mkdir -p "$WORK"
if [ ! -f "$SDIST_DIR/test/utils.py" ]; then
    log "fetching cibuildwheel $VERSION's sdist (pinned by sha256)"
    download=$(mktemp -d)
    "$WHEELWRIGHT_TEST_VENV/bin/python" -m pip download --quiet --no-deps --no-binary :all: \
        --dest "$download" "cibuildwheel==$VERSION"
    "$WHEELWRIGHT_TEST_VENV/bin/python" "$HERE/unpack.py" "$download/cibuildwheel-$VERSION.tar.gz" "$SHA256" "$WORK"
    rm -rf "$download"
fi

stamp=$VENV/.requirements
if ! cmp -s "$HERE/requirements.txt" "$stamp" 2>/dev/null; then
    log "making the conformance venv"
    rm -rf "$VENV"
    "$WHEELWRIGHT_TEST_VENV/bin/python" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
    cp "$HERE/requirements.txt" "$stamp"
fi

[ -f "$ROOT/dist/cli.js" ] || (cd "$ROOT" && npm run -s bundle)

selection=()
if ! $full; then
    while IFS= read -r line; do
        case "$line" in ''|'#'*) continue ;; esac
        selection+=("test/${line%% *}")
    done < "$HERE/ci-subset.txt"
else
    selection=(test)
fi

deselect=()
while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    deselect+=(--deselect "test/${line%% *}")
done < "$HERE/not-run.txt"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
pythonpath=$HERE
if ! $reference; then pythonpath=$HERE/shim:$pythonpath; fi
who=wheelwright; $reference && who="cibuildwheel $VERSION"
log "running ${#selection[@]} test path(s) against $who"
status=0
(
    cd "$SDIST_DIR"
    env PYTHONPATH="$pythonpath" \
        WHEELWRIGHT_CLI="${WHEELWRIGHT_CLI:-$ROOT/dist/cli.js}" \
        CONFORMANCE_PYTHON="${CONFORMANCE_PYTHON:-3.12}" \
        CONFORMANCE_MANYLINUX="${WHEELWRIGHT_TEST_MULTI_PLAT%_x86_64}" \
        CIBW_CONTAINER_ENGINE=podman \
        CIBW_MANYLINUX_X86_64_IMAGE="$WHEELWRIGHT_TEST_MULTI_IMAGE" \
        PIP_CERT="${PIP_CERT:-}" \
        "$VENV/bin/python" -m pytest -p conformance_plugin -o addopts= -o required_plugins= \
        -p no:cacheprovider --run-podman -q -rfE --durations=15 --timeout=900 \
        --junitxml="$results/junit.xml" "${deselect[@]}" "$@" "${selection[@]}"
) || status=$?
# The last run's results stay for a look (durations, failures).
cp "$results/junit.xml" "$WORK/last-$($reference && echo reference || echo wheelwright).xml" 2>/dev/null || true
"$VENV/bin/python" "$HERE/compare.py" "$results/junit.xml" "$HERE/expected-differences.txt" \
    --reference="$reference" --exit-status="$status" ${json:+--json="$json"}
