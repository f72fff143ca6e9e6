"""Checks an sdist's sha256 and unpacks it with tarfile's `data` filter.

    unpack.py ARCHIVE SHA256 DEST
"""

import hashlib
import sys
import tarfile

archive, expected, dest = sys.argv[1:4]
with open(archive, "rb") as f:
    digest = hashlib.sha256(f.read()).hexdigest()
if digest != expected:
    sys.exit(f"conformance: {archive} has sha256 {digest}, expected {expected}")
with tarfile.open(archive) as tar:
    tar.extractall(dest, filter="data")
