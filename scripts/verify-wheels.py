#!/usr/bin/env python3
"""Checks the wheels a runner built: their tags, then an import in a fresh venv.

Used by .github/workflows/e2e.yml after `uses: ./`. For every wheel in the
directory it checks the file name (PEP 427), that the platform tag is what this
runner should produce (manylinux/musllinux of this machine, the macOS
deployment target of its Python, win_amd64/win32 or win_arm64), and the abi
(`abi3` when --abi3 is given). Then it installs the wheel, with no index, into a
fresh venv of a compatible interpreter and imports the module there, from an
empty directory. Interpreters come from the runner tool cache, wheelwright's
own cache, python.org frameworks and PATH; on Linux, when none fits, the
official python:X.Y-slim (glibc) or python:X.Y-alpine (musl) image is used
through docker. A wheel that could not be imported fails the run unless it
matches an --allow-unimported pattern. Standard library only.
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

WHEEL = re.compile(
    r"^(?P<name>[A-Za-z0-9_.]+)-(?P<version>[^-]+)(-(?P<build>\d[^-]*))?"
    r"-(?P<py>[^-]+)-(?P<abi>[^-]+)-(?P<plat>[^-]+)\.whl$"
)

PROBE = (
    "import json, sys, sysconfig; print(json.dumps({"
    "'impl': sys.implementation.name, "
    "'version': '%d.%d' % sys.version_info[:2], "
    "'ft': bool(sysconfig.get_config_var('Py_GIL_DISABLED')), "
    "'exe': sys.executable}))"
)

TAGS = (
    "import json\n"
    "try:\n"
    "    from packaging import tags\n"
    "except ImportError:\n"
    "    from pip._vendor.packaging import tags\n"
    "print(json.dumps([str(t) for t in tags.sys_tags()]))"
)


@dataclass
class Result:
    wheel: str
    problems: list[str] = field(default_factory=list)
    imported_with: list[str] = field(default_factory=list)


def windows() -> bool:
    return sys.platform == "win32"


def machine() -> str:
    m = platform.machine()
    return {"amd64": "x86_64", "aarch64": "aarch64", "arm64": "arm64"}.get(m.lower(), m)


# ---------------------------------------------------------------- tags


def macos_target(py: str, arch: str) -> str:
    """The deployment target wheelwright builds for (cibuildwheel's table)."""
    if arch == "arm64":
        return "11_0"
    m = re.match(r"(cp|pp|gp)3(\d+)", py)
    if not m:
        return "?"
    minor = int(m.group(2))
    if m.group(1) == "pp" or minor >= 14:
        return "10_15"
    return "10_13" if minor >= 12 else "10_9"


def expected_platforms(py: str) -> list[str]:
    """fnmatch patterns for one platform tag of a wheel built on this runner."""
    system = platform.system()
    if system == "Linux":
        m = machine()
        return [f"manylinux_2_*_{m}", f"manylinux*_{m}", f"musllinux_1_*_{m}"]
    if system == "Darwin":
        arch = "arm64" if machine() == "arm64" else "x86_64"
        return [f"macosx_{macos_target(py, arch)}_{arch}"]
    if system == "Windows":
        return ["win_arm64"] if platform.machine().upper() == "ARM64" else ["win_amd64", "win32"]
    return ["*"]


def check_tags(wheel: Path, abi3: bool) -> tuple[dict[str, str] | None, list[str]]:
    m = WHEEL.match(wheel.name)
    if not m:
        return None, [f"not a PEP 427 wheel file name: {wheel.name}"]
    parts = m.groupdict()
    problems = []
    for plat in parts["plat"].split("."):
        if not any(fnmatch.fnmatchcase(plat, p) for p in expected_platforms(parts["py"])):
            problems.append(
                f"platform tag {plat} is not one this runner builds ({', '.join(expected_platforms(parts['py']))})"
            )
    if parts["plat"] == "any" or parts["abi"] == "none":
        problems.append("a pure-Python wheel where a compiled one was expected")
    if abi3 and parts["abi"] != "abi3":
        problems.append(f"abi tag {parts['abi']}, expected abi3")
    if not abi3 and parts["abi"] not in (parts["py"], f"{parts['py']}t") and not parts["py"].startswith(("pp", "gp")):
        problems.append(f"abi tag {parts['abi']} does not match {parts['py']}")
    return parts, problems


# ---------------------------------------------------------- interpreters


def run(argv: list[str], cwd: str | None = None, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def candidate_paths() -> list[str]:
    found: list[str] = []
    tool_cache = os.environ.get("AGENT_TOOLSDIRECTORY") or os.environ.get("RUNNER_TOOL_CACHE")
    if tool_cache:
        for marker in sorted(glob.glob(os.path.join(tool_cache, "Python", "*", "*.complete"))):
            home = marker[: -len(".complete")]
            names = ["python.exe"] if windows() else ["bin/python3", "bin/python"]
            names += [os.path.basename(p) for p in glob.glob(os.path.join(home, "python3*t.exe"))]
            names += [os.path.relpath(p, home) for p in glob.glob(os.path.join(home, "bin", "python3.*t"))]
            found += [os.path.join(home, n) for n in names]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wheelwright"
    for pattern in (
        "interpreters/*/bin/pypy3",
        "interpreters/*/bin/graalpy",
        "interpreters/*/python.exe",
        "interpreters/*/bin/graalpy.exe",
        "nuget-cpython/*/tools/python.exe",
    ):
        found += glob.glob(str(cache / pattern))
    found += glob.glob("/Library/Frameworks/Python*.framework/Versions/*/bin/python3*")
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        for name in ("python3", "python", "python.exe", *(f"python3.{n}" for n in range(9, 16))):
            found.append(os.path.join(directory, name))
    unique: dict[str, str] = {}
    for p in found:
        if os.path.isfile(p) and os.access(p, os.X_OK) and not p.endswith("-config"):
            unique.setdefault(os.path.realpath(p), p)
    return list(unique.values())


def probe_all() -> list[dict]:
    """One entry per distinct interpreter (shims and links to the same one count once)."""
    probes = []
    seen = set()
    for exe in candidate_paths():
        try:
            out = run([exe, "-c", PROBE], timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode != 0:
            continue
        info = json.loads(out.stdout)
        key = (os.path.realpath(info["exe"]), info["ft"])
        if key in seen:
            continue
        seen.add(key)
        info["path"] = exe
        probes.append(info)
    return probes


def wants(parts: dict[str, str], probe: dict) -> bool:
    """Whether an interpreter could run a wheel with these tags (before pip decides)."""
    m = re.match(r"(cp|pp|gp)(\d)(\d+)", parts["py"])
    if not m:
        return False
    impl = {"cp": "cpython", "pp": "pypy", "gp": "graalpy"}[m.group(1)]
    version = f"{m.group(2)}.{m.group(3)}"
    if probe["impl"] != impl:
        return False
    ft = parts["abi"].endswith("t") and parts["abi"] != "abi3"
    if parts["abi"] == "abi3":
        major, minor = (int(x) for x in probe["version"].split("."))
        return not probe["ft"] and (major, minor) >= (int(m.group(2)), int(m.group(3)))
    return probe["version"] == version and probe["ft"] == ft


# ------------------------------------------------------------- imports


def check_code(module: str, check: str | None) -> str:
    code = f"import {module}, sys; print({module}.__file__)"
    if check:
        code += f"\nassert ({check}), {check!r}"
    return code


def import_on_host(python: str, wheel: Path, module: str, check: str | None) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory() as tmp:
        venv = os.path.join(tmp, "venv")
        made = run([python, "-m", "venv", venv])
        if made.returncode != 0:
            return False, f"venv failed: {made.stderr.strip()[-300:]}"
        vpy = os.path.join(venv, "Scripts", "python.exe") if windows() else os.path.join(venv, "bin", "python")
        tags = run([vpy, "-c", TAGS])
        if tags.returncode != 0:
            return False, f"cannot list its tags: {tags.stderr.strip()[-300:]}"
        parts = WHEEL.match(wheel.name).groupdict()  # type: ignore[union-attr]
        offered = {
            f"{py}-{abi}-{plat}"
            for py in parts["py"].split(".")
            for abi in parts["abi"].split(".")
            for plat in parts["plat"].split(".")
        }
        if not offered & set(json.loads(tags.stdout)):
            return False, "not a supported wheel for this interpreter"
        installed = run([vpy, "-m", "pip", "install", "--no-index", "--no-deps", "--disable-pip-version-check", str(wheel)])
        if installed.returncode != 0:
            return False, f"pip install failed: {installed.stdout.strip()[-300:]} {installed.stderr.strip()[-300:]}"
        empty = os.path.join(tmp, "cwd")
        os.mkdir(empty)
        imported = run([vpy, "-c", check_code(module, check)], cwd=empty)
        if imported.returncode != 0:
            return False, f"import failed: {imported.stderr.strip()[-500:]}"
        location = imported.stdout.strip().splitlines()[0]
        if not os.path.realpath(location).startswith(os.path.realpath(venv)):
            return False, f"imported {location}, not the installed wheel"
        return True, python


def import_in_docker(parts: dict[str, str], wheel: Path, module: str, check: str | None) -> tuple[bool, str]:
    m = re.match(r"cp(\d)(\d+)", parts["py"])
    if not m or parts["abi"].endswith("t") and parts["abi"] != "abi3" or not shutil.which("docker"):
        return False, "no docker image for it"
    variant = "alpine" if "musllinux" in parts["plat"] else "slim"
    image = f"python:{m.group(1)}.{m.group(2)}-{variant}"
    script = (
        "set -e; python -m venv /venv; "
        f"/venv/bin/pip install -q --no-index --no-deps --disable-pip-version-check /wheels/{wheel.name}; "
        f"cd /tmp && /venv/bin/python -c {json.dumps(check_code(module, check))}"
    )
    done = run(["docker", "run", "--rm", "-v", f"{wheel.parent.resolve()}:/wheels:ro", image, "sh", "-c", script])
    if done.returncode != 0:
        return False, f"{image}: {done.stderr.strip()[-500:]}"
    return True, image


# ----------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheelhouse", type=Path)
    parser.add_argument("--import", dest="module", required=True, help="the module each wheel provides")
    parser.add_argument("--check", help="a Python expression that must hold after the import")
    parser.add_argument("--abi3", action="store_true", help="the wheels must be abi3")
    parser.add_argument("--allow-unimported", action="append", default=[], metavar="PATTERN",
                        help="wheels (fnmatch on the file name) that may pass on their tags alone")
    parser.add_argument("--report", type=Path, help="write the results as JSON")
    args = parser.parse_args()

    wheels = sorted(args.wheelhouse.glob("*.whl"))
    if not wheels:
        print(f"error: no wheels in {args.wheelhouse}", file=sys.stderr)
        return 1
    probes = probe_all()
    print(f"interpreters: {', '.join(p['impl'] + p['version'] + ('t' if p['ft'] else '') + '=' + p['path'] for p in probes)}")
    results = []
    for wheel in wheels:
        result = Result(wheel.name)
        parts, result.problems = check_tags(wheel, args.abi3)
        if parts and not result.problems:
            tried = []
            for probe in (p for p in probes if wants(parts, p)):
                ok, detail = import_on_host(probe["path"], wheel, args.module, args.check)
                if ok:
                    result.imported_with.append(detail)
                    if parts["abi"] != "abi3":
                        break
                else:
                    tried.append(f"{probe['path']}: {detail}")
            if not result.imported_with and platform.system() == "Linux":
                ok, detail = import_in_docker(parts, wheel, args.module, args.check)
                (result.imported_with if ok else tried).append(detail)
            allowed = any(fnmatch.fnmatchcase(wheel.name, p) for p in args.allow_unimported)
            if not result.imported_with and not allowed:
                result.problems.append("not imported: no compatible interpreter worked" + "".join(f"\n    {t}" for t in tried))
        status = "FAIL" if result.problems else "ok"
        print(f"{status:4} {wheel.name}  imported with: {', '.join(result.imported_with) or '-'}")
        for problem in result.problems:
            print(f"     {problem}")
        results.append(result)
    if args.report:
        args.report.write_text(json.dumps([r.__dict__ for r in results], indent=2))
    failed = [r.wheel for r in results if r.problems]
    if failed:
        print(f"error: {len(failed)} of {len(results)} wheels failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"all {len(results)} wheels verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
