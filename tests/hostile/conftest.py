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


@pytest.fixture(scope="session")
def tiny_coded():
    """The tiny study (:func:`conftest.make_tiny_study`) segmented and coded by the rule coder with ``nfer_impacts``,
    with its council and participant panels: ``.study``, ``.segments``, ``.book``, ``.coded``, ``.panel``,
    ``.people`` (built once; never change them)."""
    from types import SimpleNamespace

    from conftest import make_tiny_study

    from impact import Codebook, RuleCoder, council_panel, participant_panel, segment

    study = make_tiny_study()
    segments = segment(study)
    book = Codebook.load("nfer_impacts")
    coded = RuleCoder(book).code(segments)
    return SimpleNamespace(study=study, segments=segments, book=book, coded=coded,
                           panel=council_panel(study, coded, segments=segments),
                           people=participant_panel(study, coded, segments=segments))
