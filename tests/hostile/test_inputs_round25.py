"""Hostile inputs, round 25 (helper-inputs25).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from impact.errors import ValidationError

from .test_inputs_round5 import _problems, _replace

# --------------------------------------------------------------------------- 1. agree --study: codes of the codebook


def test_agree_with_a_study_names_a_misspelt_code_on_its_rows(study_dir, coded_file, tmp_path, capsys):
    # On the old code `impact agree a.csv b.csv --study S` wrote its table with a row for 'moral' beside 'morale':
    # a coder who wrote the code another way was compared on a code nobody else coded (kappa 0), without a word.
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    misspelt = [lines[0]] + [line.replace(",morale,", ",moral,") for line in lines[1:]]
    rows = [i + 1 for i, line in enumerate(misspelt) if ",moral," in line]
    assert len(rows) >= 2
    other = tmp_path / "bob.csv"
    other.write_text("\n".join(misspelt) + "\n", encoding="utf-8")
    out = tmp_path / "agree.csv"
    assert main(["agree", str(coded_file), str(other), "--study", str(study_dir), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{other}:{rows[0]}:code: 'moral' - expected one of the codebook's codes ['commitment'," in err
    assert f"(did you mean 'morale'?) (the same on {len(rows) - 1} more row(s): {rows[1]}" in err
    assert str(coded_file) + ":" not in err  # the file of the codebook's codes is not blamed
    assert not out.exists()


def test_agree_names_a_row_after_a_blank_line_by_its_row_in_the_file(study_dir, coded_file, tmp_path, capsys):
    # On the old code a bad cell was named by its place among the rows read ('bob.csv:2:present'), not its row in the
    # file: a blank line above it moved every row number up by one.
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    header = lines[0] + ",present"
    other = tmp_path / "bob.csv"
    other.write_text(f"{header}\n\n{lines[1]},maybe\n", encoding="utf-8")
    mine = tmp_path / "ann.csv"
    mine.write_text(f"{header}\n{lines[1]},true\n", encoding="utf-8")
    assert main(["agree", str(mine), str(other), "--out", str(tmp_path / "a.csv")]) == 2
    assert f"{other}:3:present: 'maybe' - expected true or false" in capsys.readouterr().err


def test_guard_agree_with_a_study_takes_every_code_of_its_codebook(study_dir, coded_file, tmp_path, capsys):
    # guard: the codes of the study's codebook (and those `run --coded` takes) are read as before
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    other = tmp_path / "bob.csv"
    other.write_text("\n".join([lines[0]] + [line.replace(",morale,", ",learning,") for line in lines[1:]]) + "\n",
                     encoding="utf-8")
    out = tmp_path / "agree.csv"
    assert main(["agree", str(coded_file), str(other), "--study", str(study_dir), "--out", str(out)]) == 0
    import pandas as pd

    table = pd.read_csv(out)
    assert set(table["code"]) == {"morale", "learning", "policies_systems"}
