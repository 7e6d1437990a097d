"""How the test suite's xdist workers run (tests/conftest.py): one BLAS thread each, for them and their children."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import BLAS_THREAD_VARIABLES

pytestmark = pytest.mark.skipif("PYTEST_XDIST_WORKER" not in os.environ,
                                reason="checks an xdist worker (make test runs two); this run has none")


def test_a_worker_does_its_linear_algebra_on_one_blas_thread():
    import numpy  # noqa: F401  (loads OpenBLAS)
    from threadpoolctl import threadpool_info

    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas, "numpy's BLAS not found by threadpoolctl"
    assert {p["num_threads"] for p in blas} == {1}, blas


def test_a_process_started_by_a_worker_uses_one_blas_thread_too():
    code = ("import numpy, threadpoolctl; "
            "print(sorted({p['num_threads'] for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[1]", out
    assert all(os.environ.get(name) for name in BLAS_THREAD_VARIABLES)
