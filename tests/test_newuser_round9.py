"""What new users met doing things the wrong way (newuser9): an option's misspelt value (``impact run --codebook
nfer``) or missing file was refused only after the whole study was validated (about ten seconds); a NaN council id
was told as the council ``None``; a warning impact raised named a line of impact's own source (``_io.py:655`` and its
``warnings.warn(...`` line) in a notebook unless ``show_warnings_plainly()`` had been called.  Then an analyst calling
the public functions with plausible wrong inputs: a folder's path where a study goes, a DataFrame where a column goes,
a misspelt status, NaN in a list of codes."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import impact
from impact.cli import main
from impact.errors import InputError


@pytest.fixture(scope="module")
def example_copy(tmp_path_factory):
    """The bundled example study, copied once (a module's tests read it, never change it)."""
    return Path(shutil.copytree(impact.example_path(), tmp_path_factory.mktemp("nu9") / "study"))


@pytest.fixture
def broken_study(example_copy, tmp_path):
    """The example study with a column of councils.csv taken out: validating it fails. A command that reads its
    options' values first refuses a bad value without ever saying so; one that validates first says the study."""
    folder = Path(shutil.copytree(example_copy, tmp_path / "broken"))
    councils = pd.read_csv(folder / "councils.csv", dtype=str, keep_default_na=False)
    councils.drop(columns=["region"]).to_csv(folder / "councils.csv", index=False)
    return folder


# --------------------------------------------------------------------------- 1. options checked before any work
@pytest.mark.parametrize("argv, said", [
    (["run", "{study}", "--out", "{tmp}/out", "--codebook", "nfer"],
     "the value of --codebook must be one of ['attribution', 'impact_level', 'nfer_impacts', 'review_process', "
     "'review_themes'] or a path to a codebook YAML file, but 'nfer' was passed (did you mean 'nfer_impacts'?)"),
    (["code", "{study}", "--out", "{tmp}/coded.csv", "--codebook", "nfer"], "(did you mean 'nfer_impacts'?)"),
    (["run", "{study}", "--out", "{tmp}/out", "--codebook", "{tmp}/book.yaml"], "book.yaml does not exist"),
    (["run", "{study}", "--out", "{tmp}/out", "--coded", "{tmp}/gone.csv"],
     "--coded: {tmp}/gone.csv: file not found - expected a coded CSV, Parquet, review .xlsx or .qdpx file"),
    (["run", "{study}", "--out", "{tmp}/out", "--human", "{tmp}/gone.csv"], "--human: {tmp}/gone.csv: file not found"),
    (["run", "{study}", "--out", "{tmp}/out", "--key-file", "{tmp}/gone.key"],
     "--key-file: {tmp}/gone.key: pseudonym key file not found"),
    (["run", "{study}", "--out", "{tmp}/out", "--docx-template", "{tmp}/gone.dotx"],
     "--docx-template: {tmp}/gone.dotx: Word template not found - expected a .docx or .dotx file"),
    (["review", "export", "{study}", "--coded", "{tmp}/gone.csv", "--out", "{tmp}/r.xlsx"],
     "--coded: {tmp}/gone.csv: file not found - expected a coded CSV file"),
])
def test_an_options_value_is_refused_before_the_study_is_read(broken_study, tmp_path, capsys, argv, said):
    argv = [a.format(study=broken_study, tmp=tmp_path) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said.format(tmp=tmp_path) in err
    assert "councils.csv" not in err and "region" not in err  # the study was never read: its problem is not told
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken"]  # nothing written


def test_a_codebook_in_the_study_folder_is_still_found_by_its_relative_path(example_copy, tmp_path, monkeypatch):
    from impact.cli._options import codebook_there

    shutil.copy(impact.bundled_path("codebooks") / "nfer_impacts.yaml", tmp_path / "mine.yaml")
    study = Path(shutil.copytree(example_copy, tmp_path / "study"))
    shutil.move(tmp_path / "mine.yaml", study / "mine.yaml")
    monkeypatch.chdir(tmp_path)  # the current folder holds no mine.yaml: the study folder's is the one
    codebook_there("mine.yaml", str(study))  # no error
    with pytest.raises(InputError, match="codebook file other.yaml does not exist"):
        codebook_there("other.yaml", str(study))


def test_a_broken_codebook_file_is_told_before_the_study_too(broken_study, tmp_path, capsys):
    book = tmp_path / "book.yaml"
    book.write_text("id: mine\nversion: '1'\ncodes:\n  - id: a\n    lable: A\n")  # 'lable' for 'label'
    assert main(["run", str(broken_study), "--out", str(tmp_path / "out"), "--codebook", str(book)]) == 2
    err = capsys.readouterr().err
    assert "lable" in err and "councils.csv" not in err


@pytest.mark.parametrize("given, said", [({"codebook": "nfer"}, r"but 'nfer' was passed \(did you mean 'nfer_impacts'"),
                                         ({"coded": "gone.csv"}, r"gone.csv: file not found - expected a coded CSV"),
                                         ({"human": "gone.csv"}, r"gone.csv: file not found")])
def test_impact_run_refuses_a_bad_argument_before_the_study_is_read(broken_study, tmp_path, monkeypatch, given, said):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=said):  # not the study's ValidationError: the study was never read
        impact.run(str(broken_study), out_dir=tmp_path / "out", **given)
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- 2. a missing id is told as missing
@pytest.mark.parametrize("given", [lambda first: [np.nan], lambda first: [first, None],
                                   lambda first: pd.Series([np.nan, first]), lambda first: [pd.NA]])
def test_a_missing_council_id_is_told_as_missing_not_as_the_council_none(example_copy, given):
    study = impact.load_study(example_copy, validate=False)
    with pytest.raises(InputError, match=r"`councils` holds 1 missing value \((nan|None|<NA>) at position [01] of "
                                         r"[12]\) - expected councils only") as caught:
        study.subset(councils=given(study.councils["council_id"].iloc[0]))
    assert "not in the study" not in str(caught.value)


def test_a_missing_code_in_a_list_of_codes_is_refused_not_warned_of_as_a_code(example_copy):
    study = impact.load_study(example_copy, validate=False)
    coded = pd.read_csv(example_copy / "truth_coded.csv")
    with pytest.raises(InputError, match=r"`codes` holds 1 missing value \(nan at position 1 of 2\)"):
        impact.council_panel(study, coded, codes=["morale", np.nan])
    with pytest.raises(InputError, match=r"`waves` holds 1 missing value"):
        impact.attribution_summary(coded, study, waves=[None])


# --------------------------------------------------------------------------- 3. a warning names the user's own line
def _cp1252_study(example_copy, tmp_path):
    folder = Path(shutil.copytree(example_copy, tmp_path / "cp1252"))
    councils = pd.read_csv(folder / "councils.csv", dtype=str, keep_default_na=False)
    councils.loc[len(councils) - 1, "name"] += " Brómley"
    (folder / "councils.csv").write_bytes(councils.to_csv(index=False).encode("cp1252"))
    return folder


def test_a_warning_of_load_study_names_the_users_line_not_impacts(example_copy, tmp_path):
    folder = _cp1252_study(example_copy, tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        impact.load_study(folder)
    told = [w for w in caught if "not valid UTF-8" in str(w.message)]
    assert told and {w.filename for w in told} == {__file__}
    # Python's own form (a notebook's, before show_warnings_plainly) shows that line: this file's, not impact's
    shown = warnings.formatwarning(told[0].message, told[0].category, told[0].filename, told[0].lineno)
    assert shown.startswith(f"{__file__}:") and "impact/" not in shown.split(":")[0]


def test_warnings_of_several_modules_name_the_users_line(example_copy):
    from impact.errors import StatisticalWarning

    study = impact.load_study(example_copy, validate=False)
    coded = pd.read_csv(example_copy / "truth_coded.csv")
    rows = pd.DataFrame({"x": [1.0, 0.0, np.nan, 1.0, 0.0, 1.0], "g": ["a", "a", "a", "b", "b", "b"]})
    partial = pd.DataFrame({"unit": [1, 1, 2, 3], "coder": ["a", "b", "a", "b"], "value": [1, 1, 0, 1]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        impact.council_panel(study, coded, codes=["no_such_code"])  # a code found nowhere (it named panel.py)
        impact.cohen_kappa(partial)  # units coded by one coder only (it named agreement.py)
        impact.compare_groups(rows, outcome="x", group="g")  # a blank outcome (it named the user's line already)
        impact.power_prevalence(0.3, 0.6, n_a=20)  # by position: deprecated (a decorated function)
    said = {(w.category.__name__, str(w.message)[:30]) for w in caught}
    assert "FutureWarning" in {k for k, _ in said} and any(issubclass(w.category, StatisticalWarning) for w in caught)
    assert any("no_such_code" in str(w.message) for w in caught), said
    assert {w.filename for w in caught} == {__file__}, [(w.category.__name__, w.filename) for w in caught]


def test_a_warning_raised_through_an_impact_callback_still_names_the_users_line():
    from impact.errors import user_level

    # six frames of a module named impact.* over the user's call, as impact's own functions nest
    scope = {"__name__": "impact.fake", "warnings": warnings, "user_level": user_level}
    exec(compile("def deep(n):\n    if n:\n        return deep(n - 1)\n    warnings.warn('deep', UserWarning, "
                 "stacklevel=user_level())\n", "impact_fake.py", "exec"), scope)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scope["deep"](5)
    assert [w.filename for w in caught] == [__file__]


# --------------------------------------------------------------------------- 4. the analyst's wrong inputs
@pytest.mark.parametrize("as_path", [str, Path])
def test_read_codings_given_a_folders_path_for_the_study_says_to_load_it(example_copy, as_path):
    with pytest.raises(TypeError, match=r"`study` must be an impact.Study .* but (str|PosixPath) was passed: a "
                                        r"folder's path; load it first"):
        impact.read_codings(example_copy / "truth_coded.csv", as_path(example_copy))
    coded = pd.read_csv(example_copy / "truth_coded.csv")
    with pytest.raises(TypeError, match="load it first"):
        impact.as_codings(coded, as_path(example_copy))


def test_to_council_id_of_a_dataframe_names_the_column_to_pass():
    frame = pd.DataFrame({"la_name": ["Leeds", "Barking and Dagenham"]})
    with pytest.raises(TypeError, match=r"but DataFrame was passed \(columns \['la_name'\]\); pass its column of "
                                        r"names or codes, e.g. frame\['la_name'\]"):
        impact.to_council_id(frame)
    # the column itself: 383 Leeds, 301 Barking and Dagenham (DfE LA numbers, the project's crosswalk)
    assert impact.to_council_id(frame["la_name"]).tolist() == ["383", "301"]


def test_first_event_of_a_misspelt_status_or_kind_is_refused_not_empty():
    history = pd.DataFrame({"council_id": ["1", "2"], "kind": "ofsted_judgement", "status": ["inadequate", "good"],
                            "start_date": pd.to_datetime(["2019-05-01", "2019-01-01"])})
    with pytest.raises(InputError, match=r"`status` must be a status of kind 'ofsted_judgement' .* but 'inadequte' "
                                         r"was passed \(did you mean 'inadequate'"):
        impact.first_event(history, status="inadequte")
    with pytest.raises(InputError, match=r"`kind` must be one of .*'ofsted_judgement'.* but 'ofsted' was passed"):
        impact.first_event(history, status="inadequate", kind="ofsted")
    # a status of the vocabulary no council had is no error: none had it
    assert impact.first_event(history, status="outstanding").empty
    assert impact.first_event(history, status=" Inadequate").values.tolist() == [["1", pd.Timestamp("2019-05-01")]]


def test_a_disclosure_warning_given_again_from_the_cache_names_the_line_asking_now():
    from impact.privacy import DisclosureWarning
    from impact.privacy._ledger import DisclosureLedger, decisions

    def ledger():  # a hidden count narrowed by a public total with nothing beside it to hide: protect() warns
        led = DisclosureLedger(threshold=5)
        led.count("t", 3, public=True)
        led.count("a", 3)
        led.relation("t", ["a"])
        return led

    decisions.clear()
    try:
        with pytest.warns(DisclosureWarning, match="cannot be protected") as first:
            ledger().protect()  # decided afresh
        with pytest.warns(DisclosureWarning, match="cannot be protected") as again:
            ledger().protect()  # the kept decision, asked for from another line
    finally:
        decisions.clear()
    [one], [two] = [w for w in first if w.category is DisclosureWarning], [w for w in again if w.category is
                                                                           DisclosureWarning]
    assert one.filename == two.filename == __file__ and two.lineno == one.lineno + 2
