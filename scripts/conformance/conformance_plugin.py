"""pytest plugin for running cibuildwheel's integration tests on our test image.

The reference suite assumes the official manylinux images (every CPython,
manylinux_2_28, a musllinux image). Our image is made from Debian and holds a
few CPythons, so this plugin adapts the suite's expectations, the same way
for the reference and for wheelwright:
- a test that does not choose its own Pythons (it names neither CIBW_BUILD,
  single_python nor python_abi_tags) builds and expects one CPython:
  CONFORMANCE_PYTHON (for example 3.12);
- musllinux identifiers are skipped (no musllinux image can be had here) and
  left out of the expected wheels;
- the expected manylinux tags name the image's policy instead of
  manylinux_2_28 (CONFORMANCE_MANYLINUX, for example manylinux_2_36).
"""

from __future__ import annotations

import functools
import inspect
import os

import pytest

SINGLE = tuple(int(part) for part in os.environ["CONFORMANCE_PYTHON"].split("."))
POLICY = os.environ["CONFORMANCE_MANYLINUX"]
MUSL_SKIP = "*-musllinux_*"

_choose_one_python = False


def _chooses_its_own_pythons(function) -> bool:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return True
    return any(word in source for word in ("CIBW_BUILD", "single_python", "python_abi_tags"))


def _with_musl_skipped(env: dict[str, str]) -> dict[str, str]:
    skip = env.get("CIBW_SKIP", "").strip()
    return {**env, "CIBW_SKIP": f"{skip} {MUSL_SKIP}".strip()}


def _patch(utils) -> None:
    utils.SINGLE_PYTHON_VERSION = SINGLE
    run = utils.cibuildwheel_run
    expected = utils.expected_wheels
    identifiers = utils.cibuildwheel_get_build_identifiers

    @functools.wraps(run)
    def cibuildwheel_run(project_path, package_dir=".", env=None, add_env=None, **kwargs):
        if env is None:
            env = os.environ.copy()
            env.pop("MACOSX_DEPLOYMENT_TARGET", None)
        env = _with_musl_skipped({**env, **(add_env or {})})
        if _choose_one_python and not kwargs.get("single_python"):
            kwargs["single_python"] = "CIBW_BUILD" not in env
        return run(project_path, package_dir, env=env, **kwargs)

    @functools.wraps(expected)
    def expected_wheels(*args, **kwargs):
        if _choose_one_python and kwargs.get("python_abi_tags") is None:
            kwargs.setdefault("single_python", True)
        if kwargs.get("manylinux_versions") is None:
            machine = kwargs.get("machine_arch")
            if machine in (None, "x86_64", "i686"):
                kwargs["manylinux_versions"] = ["manylinux1", POLICY, "manylinux_2_5"]
        wheels = expected(*args, **kwargs)
        return [wheel for wheel in wheels if "musllinux" not in wheel]

    @functools.wraps(identifiers)
    def cibuildwheel_get_build_identifiers(project_path, env=None):
        env = _with_musl_skipped(dict(os.environ) if env is None else env)
        found = identifiers(project_path, env)
        if _choose_one_python:
            tag = "cp{}{}-".format(*SINGLE)
            found = [i for i in found if i.startswith(tag)]
        return found

    utils.cibuildwheel_run = cibuildwheel_run
    utils.expected_wheels = expected_wheels
    utils.cibuildwheel_get_build_identifiers = cibuildwheel_get_build_identifiers


def pytest_configure(config):
    # Tests that spawn cibuildwheel themselves (from an sdist) take os.environ.
    os.environ["CIBW_SKIP"] = f"{os.environ.get('CIBW_SKIP', '')} {MUSL_SKIP}".strip()
    # Before the test modules are imported: some generate projects at import
    # time from SINGLE_PYTHON_VERSION.
    import test.utils as utils

    _patch(utils)


@pytest.fixture(autouse=True)
def _one_python(request):
    global _choose_one_python
    _choose_one_python = not _chooses_its_own_pythons(request.function)
    yield
    _choose_one_python = False
