"""Shared fixtures: seeded random generators, paths to the bundled and shared data."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("IMPACT_SHARED_DATA", REPO.parent / "shared" / "data"))
EXAMPLE = REPO / "data" / "example"


def _seed(name: str) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)


@pytest.fixture
def rng(request) -> np.random.Generator:
    """A generator seeded from the test's name: deterministic, different per test."""
    return np.random.default_rng(_seed(request.node.nodeid))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests using it skip with a reason where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data folder {SHARED_DATA} not present (tests on real public data skipped)")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
