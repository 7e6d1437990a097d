"""Hostile inputs and command lines, round 6 (helper-inputs6).

Each test is a defect found by using the commands the wrong way: it fails on
the code before its fix.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from impact.errors import ValidationError

from .test_inputs_round5 import _replace

_WORKTREE = str(Path(__file__).resolve().parents[2])  # the package under test, for the command-line subprocess
_ENV = {"PYTHONPATH": _WORKTREE + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _all_problems(study_dir) -> list[str]:
    """Errors and warnings of a study that does not load."""
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    return [str(p) for p in info.value.problems + info.value.warnings]


# --------------------------------------------------------------------------- load_study(validate=False)


def test_a_header_row_repeated_inside_a_table_is_told_when_not_validating(study_dir):
    # On the old code load_study(path, validate=False) left the row of column names out of the data without a word
    # (validation reported it, but unchecked reading was silent).
    from impact.study import UncheckedInputWarning, load_study

    f = study_dir / "participants.csv"
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    f.write_text("".join(lines[:3] + [lines[0]] + lines[3:]), encoding="utf-8")
    with pytest.warns(UncheckedInputWarning) as caught:
        study = load_study(study_dir, validate=False)
    messages = [str(w.message) for w in caught if w.category is UncheckedInputWarning]
    assert messages == [f"{study_dir}: participants.csv:4: 'participant_id,council_id,role,organisat...' - expected "
                        "data, not the header row again (two files joined into one? keep one header row, at the top) "
                        "(not refused: read with validate=False; this row is left out of the data)"]
    assert [(p.file, p.row, p.severity) for p in study.load_problems] == [("participants.csv", 4, "warning")]
    # Every data row is kept: the four participants written, in order.
    assert list(study.participants["participant_id"]) == ["P1", "P2", "P3", "P4"]
    # Validation still refuses it, as before.
    with pytest.raises(ValidationError, match="participants.csv:4: .* - expected data, not the header row again"):
        load_study(study_dir)


def test_a_ragged_row_is_told_but_kept_when_not_validating(study_dir):
    # On the old code a row of too many cells was read (its extra cells lost) without a word under validate=False.
    from impact.study import UncheckedInputWarning, load_study

    _replace(study_dir / "councils.csv", "Barnet,", "Barnet,extra,")
    with pytest.warns(UncheckedInputWarning, match=r"councils.csv:3: '6 cells' - expected 5 cells, one per header "
                                                   r"column \(not refused: read with validate=False\)$"):
        study = load_study(study_dir, validate=False)
    assert len(study.councils) == 3


def test_a_clean_folder_read_without_validation_warns_nothing(study_dir):
    from impact.study import load_study

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        study = load_study(study_dir, validate=False)
    assert study.load_problems == []
