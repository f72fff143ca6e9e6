#!/usr/bin/env python3
"""Regenerate resources/build-platforms.json and resources/pinned-images.json.

The identifier catalogue and the pinned container images must agree with the
cibuildwheel release we claim compatibility with. This script reads the data
files shipped inside that release (install it first, e.g. from
scripts/test-requirements.txt) and writes them as JSON, in file order, so that
the TypeScript side reads plain data and never parses TOML/INI at run time.

Usage: python scripts/update-catalogue.py   (run from the repository root)
"""

from __future__ import annotations

import configparser
import json
import tomllib
from importlib import metadata, resources
from pathlib import Path


def main() -> None:
    root = resources.files("cibuildwheel") / "resources"
    platforms = tomllib.loads((root / "build-platforms.toml").read_text())
    catalogue = {
        "source": f"cibuildwheel {metadata.version('cibuildwheel')}",
        # Every platform cibuildwheel builds, those wheelwright has no module for
        # yet included: the TypeScript side tells them apart by its registry.
        "platforms": {p: table["python_configurations"] for p, table in platforms.items()},
    }
    parser = configparser.ConfigParser()
    parser.read_string((root / "pinned_docker_images.cfg").read_text())
    images = {arch: dict(parser[arch]) for arch in parser.sections()}
    for arch, table in images.items():
        images[arch] = {k: v.split("#")[0].strip() for k, v in table.items()}

    out = Path("resources")
    (out / "build-platforms.json").write_text(json.dumps(catalogue, indent=1) + "\n")
    (out / "pinned-images.json").write_text(
        json.dumps({"source": catalogue["source"], "images": images}, indent=1) + "\n"
    )


if __name__ == "__main__":
    main()
