#!/usr/bin/env python3
"""Regenerate resources/constraints.json: the pinned tool versions per Python.

`dependency-versions: pinned` (the default) installs the tools of
resources/constraints/tools.in at these versions, for the test env and for
the frontend installed into a build interpreter. Each Python version gets its
own resolution (`uv pip compile --python-version 3.X`), since tools drop old
Pythons. Run from the repository root with uv on PATH; commit the result.
When the pins change, the cache keys change, so cached wheels and tool venvs
are rebuilt.

Usage: python scripts/update-constraints.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

VERSIONS = ("3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
SOURCE = Path("resources/constraints/tools.in")
TARGET = Path("resources/constraints.json")


def compile_for(version: str, uv: str) -> str:
    result = subprocess.run(
        [uv, "pip", "compile", "--quiet", "--no-header", "--no-annotate",
         "--python-version", version, "--universal", str(SOURCE)],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"uv pip compile for Python {version} failed:\n{result.stderr}")
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return "\n".join(lines) + "\n"


def main() -> None:
    uv = shutil.which("uv")
    if not uv:
        sys.exit("uv is needed (pip install uv)")
    pins = {version: compile_for(version, uv) for version in VERSIONS}
    TARGET.write_text(json.dumps({"source": str(SOURCE), "pins": pins}, indent=2) + "\n")
    print(f"wrote {TARGET} for Python {', '.join(VERSIONS)}")


if __name__ == "__main__":
    main()
