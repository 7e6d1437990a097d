"""Tests for ``impact code`` (impact/cli/_code.py) and impact.coding.coded_io."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

import impact
from impact.cli import main
from impact.coding import read_coded, write_coded
from impact.errors import InputError

TRANSCRIPTS = {
    "301/I1.txt": "Interviewer: What changed?\nRespondent: There was a real buzz in the team. We haven't seen any improvement in morale since, though.\n",
    "301/I2.txt": "Q: And partners?\nA: It got everyone in the same room.\nQ: Anything else?\nA: No, that's it.\n",
}


class _FakeStudy:
    """The slice of the Study API that ``impact code`` uses (transcripts, interviews, codebook_ref)."""

    codebook_ref = "nfer_impacts"

    def transcripts(self) -> pd.Series:
        return pd.Series({"I1": TRANSCRIPTS["301/I1.txt"], "I2": TRANSCRIPTS["301/I2.txt"]}, name="transcript")

    @property
    def interviews(self) -> pd.DataFrame:
        return pd.DataFrame({"interview_id": ["I1", "I2"], "participant_id": ["P1", "P2"], "council_id": ["301", "301"],
                             "wave": ["early", "longer_term"]})


@pytest.fixture
def fake_study(monkeypatch):
    seen = []
    monkeypatch.setattr("impact.cli._code.load_study", lambda path: seen.append(path) or _FakeStudy())
    return seen


def test_code_csv_round_trip(tmp_path, fake_study, capsys):
    out = tmp_path / "coded.csv"
    assert main(["code", "mystudy", "--out", str(out)]) == 0
    assert fake_study == ["mystudy"]
    coded = read_coded(out)
    assert coded[["unit", "code", "negated"]].values.tolist() == [
        ["I1:1", "morale", False], ["I1:2", "morale", True], ["I2:1", "partnership", False]]
    assert coded["council_id"].tolist() == ["301"] * 3 and coded["wave"].tolist() == ["early", "early", "longer_term"]
    assert coded["speaker"].eq("respondent").all() and str(coded["turn"].dtype) == "Int64"
    assert (coded["codebook"] == "nfer_impacts").all() and coded["codebook_hash"].str.len().eq(64).all()
    assert coded["attribution"].tolist() == ["", "", ""]
    # Evidence offsets point into the transcript.
    first = coded.iloc[0]
    assert TRANSCRIPTS["301/I1.txt"][first["start"]:first["end"]] == "buzz"
    version = impact.Codebook.load("nfer_impacts").version
    assert f"coded 4 segments from 2 interviews with nfer_impacts {version}: 2 codes found (1 negated)" in capsys.readouterr().out


def test_code_all_speakers_and_other_codebook(tmp_path, fake_study, capsys):
    out = tmp_path / "themes.csv"
    assert main(["code", "s", "--speakers", "all", "--codebook", "review_themes", "--out", str(out)]) == 0
    coded = read_coded(out)
    assert set(coded["codebook"]) == {"review_themes"}
    assert "coded 7 segments from 2 interviews with review_themes" in capsys.readouterr().out


def test_user_errors_exit_2(tmp_path, fake_study, capsys):
    assert main(["code", "s", "--out", str(tmp_path / "coded.xlsx")]) == 2
    assert "must end in .csv or .parquet" in capsys.readouterr().err
    assert main(["code", "s", "--codebook", "nope", "--out", str(tmp_path / "c.csv")]) == 2
    assert "must be one of" in capsys.readouterr().err
    assert not (tmp_path / "c.csv").exists()


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is not None, reason="pyarrow is installed")
def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, fake_study, capsys):
    assert main(["code", "s", "--out", str(tmp_path / "coded.parquet")]) == 2
    assert "needs the pyarrow package" in capsys.readouterr().err


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="pyarrow is not installed")
def test_parquet_round_trip(tmp_path, fake_study):
    out = tmp_path / "coded.parquet"
    assert main(["code", "s", "--out", str(out)]) == 0
    assert read_coded(out).equals(read_coded(out))


def test_read_coded_reports_bad_values(tmp_path):
    coded = pd.DataFrame({"unit": ["a"], "code": ["morale"], "score": [0.8], "negated": [False], "hedged": [False],
                          "attribution": [""], "start": [0], "end": [4]})
    path = write_coded(coded, tmp_path / "c.csv")
    pd.testing.assert_frame_equal(read_coded(path), coded.astype({"unit": str, "code": str, "attribution": str}))
    text = path.read_text().replace("False,False", "maybe,False")
    (tmp_path / "bad.csv").write_text(text)
    with pytest.raises(InputError, match=r"column negated: row 2: 'maybe'"):
        read_coded(tmp_path / "bad.csv")
    (tmp_path / "other.csv").write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="not a coded file"):
        read_coded(tmp_path / "other.csv")


def test_read_coded_says_a_file_of_decisions_is_not_coded_output(tmp_path):
    # the CSV `impact review import` writes, given to `impact export-qdpx --coded`: the message says what it is and
    # which commands take it
    (tmp_path / "reviewer.csv").write_text("unit,code,coder,present,decision,suggested_code,score,notes,row_id,"
                                           "sheet_row\nI1:3,morale,ann,True,accept,morale,0.55,,r00001,2\n")
    with pytest.raises(InputError, match=r"not a coded file.*expected the coded output of `impact code`.*a reviewer's "
                                         r"decisions \(`impact review import`\), which `impact agree` compares"):
        read_coded(tmp_path / "reviewer.csv")
