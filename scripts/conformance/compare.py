"""Judges a conformance run: reads pytest's junit XML and the list of expected
differences, prints what passed, failed and was skipped, and exits non-zero
when any test failed that is not an expected difference.

    compare.py JUNIT_XML EXPECTED_DIFFERENCES [--reference=true|false]
               [--exit-status=N] [--json=FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET


def read_list(path: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            test, _, reason = line.partition(" ")
            entries[test] = reason.strip()
    return entries


def outcomes(junit: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        module = case.get("classname", "").rsplit(".", 1)[-1]
        test = f"{module}.py::{case.get('name')}"
        if case.find("failure") is not None or case.find("error") is not None:
            found[test] = "failed"
        elif case.find("skipped") is not None:
            found[test] = "skipped"
        else:
            found[test] = "passed"
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("junit")
    parser.add_argument("expected")
    parser.add_argument("--reference", default="false")
    parser.add_argument("--exit-status", type=int, default=0)
    parser.add_argument("--json")
    args = parser.parse_args()
    try:
        results = outcomes(args.junit)
    except (OSError, ET.ParseError) as error:
        print(f"conformance: no results ({error}); pytest exited {args.exit_status}", file=sys.stderr)
        return 1
    expected = read_list(args.expected)
    reference = args.reference == "true"
    passed = sorted(t for t, o in results.items() if o == "passed")
    failed = sorted(t for t, o in results.items() if o == "failed")
    skipped = sorted(t for t, o in results.items() if o == "skipped")
    differences = [] if reference else [t for t in failed if t in expected]
    unexpected = failed if reference else [t for t in failed if t not in expected]
    stale = [] if reference else [t for t in passed if t in expected]
    who = "cibuildwheel" if reference else "wheelwright"
    print(f"conformance ({who}): {len(passed)} passed, {len(failed)} failed, {len(skipped)} skipped")
    for test in differences:
        print(f"  expected difference: {test}  ({expected[test]})")
    for test in stale:
        print(f"  listed as a difference but passes now: {test} (remove it from the list)")
    for test in unexpected:
        print(f"  FAILED: {test}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "passed": len(passed),
                    "failed": 0 if reference else len(unexpected),
                    "expectedDifferences": len(differences),
                    "skipped": len(skipped),
                },
                f,
            )
    if reference:
        return 0
    if unexpected or stale:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
