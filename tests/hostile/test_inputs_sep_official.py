"""The line some programs write for Excel (``sep=,``) in the official-data readers.

Excel reads and hides a first line ``sep=,``; the study tables and coded files
already read it (rounds 3 and 12).  The Ofsted and DfE readers share
``impact._io.read_csv_strict``; these tests pin that they read such a file as
the same table, with every row numbered as Excel shows it (the hidden line
not counted, as the study tables and coded files do), and refuse a file that says its values are separated by
something else, naming the file and line.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from impact.errors import InputError, ValidationError
from impact.official.dfe import DfeReadWarning, read_dfe
from impact.official.ofsted import OfstedReadWarning, read_ofsted

DATA = Path(__file__).parents[1] / "data" / "official"


def _quiet(read, path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (DfeReadWarning, OfstedReadWarning))
        return read(path, **kwargs)


@pytest.mark.parametrize(("read", "name", "kwargs"), [
    (read_ofsted, "ofsted_history.csv", {"crosswalk": DATA / "provider_lookup.csv"}),
    (read_dfe, "cin_referrals_mixed.csv", {}),
])
def test_sep_line_is_read_and_rows_keep_their_numbers(tmp_path, read, name, kwargs):
    plain = _quiet(read, DATA / name, **kwargs)
    f = tmp_path / name
    f.write_text("sep=,\n" + (DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    got = _quiet(read, f, **kwargs)
    assert len(got) == len(plain) > 0
    pd.testing.assert_frame_equal(got, plain)  # rows (where given) named as Excel shows them: the line is hidden


def test_a_problem_under_a_sep_line_names_the_row_excel_shows(tmp_path):
    # the same cell as test_official_ofsted.test_problems_are_listed: row 4 without the line, row 4 with it
    f = tmp_path / "ofsted_history.csv"
    f.write_text("sep=,\n" + (DATA / "ofsted_history.csv").read_text(encoding="utf-8").replace("06/08/19", "31/02/19"),
                 encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_ofsted(f, errors="raise")
    assert {(p.row, p.column) for p in info.value.problems} >= {(4, "publication_date")}


@pytest.mark.parametrize(("read", "name"), [(read_ofsted, "ofsted_history.csv"), (read_dfe, "cin_referrals_mixed.csv")])
def test_sep_line_naming_another_separator_is_refused(tmp_path, read, name):
    f = tmp_path / name
    body = (DATA / name).read_text(encoding="utf-8").replace(",", ";")
    f.write_text("sep=;\n" + body, encoding="utf-8")
    with pytest.raises((InputError, ValidationError), match=rf"{name}.*1.*sep=;.*semicolons"):
        _quiet(read, f)
