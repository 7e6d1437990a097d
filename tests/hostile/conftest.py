"""Fixtures shared by the hostile tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def coded_file(study_dir, tmp_path, capsys):
    """The tiny study coded by ``impact code`` (``tmp_path / "coded.csv"``)."""
    from impact.cli import main

    coded = tmp_path / "coded.csv"
    assert main(["code", str(study_dir), "--out", str(coded)]) == 0
    capsys.readouterr()
    return coded
