"""Stand-in for the cibuildwheel package in the conformance run.

The reference's test suite imports cibuildwheel's own modules (architecture,
options, selector, ...) and runs ``python -m cibuildwheel``. This package puts
the real cibuildwheel's directory after its own on ``__path__``: every module
comes from the real package except ``__main__``, which runs wheelwright.
"""

import importlib.util
import os

_here = os.path.dirname(os.path.abspath(__file__))


def _real_package_dir() -> str:
    for entry in os.sys.path:
        candidate = os.path.join(entry or os.getcwd(), "cibuildwheel")
        if os.path.abspath(candidate) == _here:
            continue
        if os.path.isfile(os.path.join(candidate, "__init__.py")):
            return candidate
    raise ImportError("conformance shim: the real cibuildwheel package is not installed")


_real = _real_package_dir()
__path__ = [_here, _real]
_spec = importlib.util.spec_from_file_location("_cibuildwheel_real_init", os.path.join(_real, "__init__.py"))
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
__version__ = _module.__version__
