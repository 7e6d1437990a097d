"""What three new users met doing things the wrong way (newuser7): a Ctrl-C that a finaliser swallowed, so the run
went on and published its outputs; study tables saved under another name (``action-progress.csv``, ``actions
(2).csv``, ``councils.csv.txt``, ``survey.csv``) or a file of the user's own left in the study folder, read without a
word; key typos in a codebook or ``study.yaml`` (``idd``, ``lable``, ``phrase``) named without the line they are on
or the key meant; and a .docx transcript whose tracked changes were read as accepted without a word."""

from __future__ import annotations

import gc
import shutil
import signal
import threading

import pandas as pd
import pytest

import impact
import impact.synth
from impact.errors import ValidationError


@pytest.fixture(scope="module")
def small_study(tmp_path_factory):
    """A generated study of six councils (seed 7701, not one the project used before), saved once."""
    folder = tmp_path_factory.mktemp("nu7") / "study"
    impact.synth.generate(6, seed=7701, interviews_per_wave=3, words_per_interview=300, out=folder)
    return folder


def _copy(small_study, tmp_path):
    folder = tmp_path / "study"
    shutil.copytree(small_study, folder)
    return folder


# --------------------------------------------------------------------------- 1. Ctrl-C lost in a finaliser
class _Finaliser:
    """An object whose finaliser is where Ctrl-C arrives: Python prints "Exception ignored in ..." and goes on, as it
    did in ``regex``'s finaliser during a run (newuser7: the run went on and published its outputs)."""

    def __del__(self):
        signal.raise_signal(signal.SIGINT)


@pytest.fixture
def ctrl_c_raises():
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals are delivered to the main thread only")
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_a_finaliser_swallowed_publishes_nothing(tmp_path, ctrl_c_raises):
    from impact._io import staged_directory

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt), staged_directory(out) as d:
        (d / "a.txt").write_text("one")
        _Finaliser()  # its finaliser runs here and swallows the KeyboardInterrupt
        gc.collect()
        (d / "b.txt").write_text("two")  # the block went on, as the run did
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no output folder, no staging folder, no lock


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_run_stops_at_its_next_step_after_a_swallowed_ctrl_c(small_study, tmp_path, ctrl_c_raises):
    """The run is stopped at the step after the lost Ctrl-C (not only before its outputs are published): the steps
    told to ``progress`` end at the one during which it came."""
    steps = []

    def progress(message):
        steps.append(message)
        if message.startswith("segmenting"):
            _Finaliser()
            gc.collect()

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        impact.run(small_study, out_dir=out, n_resamples=99, progress=progress, cache=False)
    assert steps[-1].startswith("segmenting")
    assert not out.exists() and not (tmp_path / "out-reidentification-key.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- 1b. two runs into one folder at once
def test_a_run_that_replaces_what_another_run_published_while_it_worked_says_so(small_study, tmp_path):
    """Two runs into one folder: the second waited for the first's lock, then replaced the outputs the first had just
    said it wrote, both saying they had written the folder. Here the other run publishes while this one codes: this
    one's outputs replace them (one run's whole report, as before), with a warning saying so."""
    from impact._io import staged_directory

    out = tmp_path / "out"

    def progress(message):
        if message.startswith("segmenting"):  # the other run finishes first
            with staged_directory(out) as d:
                (d / "other.txt").write_text("the other run's report")

    with pytest.warns(impact.ImpactWarning, match="another impact run published its outputs here while this one "
                                                  "worked; this run's outputs replace them"):
        impact.run(small_study, out_dir=out, n_resamples=99, progress=progress, cache=False)
    names = {p.name for p in out.iterdir()}
    assert "report.html" in names and "other.txt" not in names


def test_runs_one_after_another_still_replace_the_folder(tmp_path):
    """A guard: a run into a folder impact wrote before, not written while it worked, replaces it without a word."""
    import warnings

    from impact._io import staged_directory

    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for text in ("one", "two"):
            with staged_directory(out) as d:
                (d / "a.txt").write_text(text)
    assert (out / "a.txt").read_text() == "two"


# --------------------------------------------------------------------------- 2. tables saved under another name
def _problems(folder) -> list:
    """Every problem (errors and warnings) of the study folder, as ``impact validate`` lists them."""
    try:
        return list(impact.load_study(folder).load_problems)
    except ValidationError as exc:
        return list(exc.records)


@pytest.mark.parametrize(("table", "saved_as"), [
    ("action_progress.csv", "action-progress.csv"),  # a hyphen for the underscore
    ("action_progress.csv", "Action Progress.csv"),  # spaces and capitals
    ("actions.csv", "actions (2).csv"),  # a browser's or a synced folder's copy
    ("councils.csv", "councils.csv.txt"),  # Notepad's extension after the one Windows hid
    ("councils.csv", "Copy of councils.csv"),
    ("interviews.csv", "interviews - Copy.csv"),
    ("survey_responses.csv", "survey.csv"),  # some of its words
    ("status_history.csv", "status_history_v2.csv"),
])
def test_a_table_saved_under_another_name_is_named_with_the_name_to_give(small_study, tmp_path, table, saved_as):
    folder = _copy(small_study, tmp_path)
    (folder / table).rename(folder / saved_as)
    told = [p for p in _problems(folder) if p.file == table and p.row is None and p.column is None]
    assert len(told) == 1, [str(p) for p in _problems(folder)]
    assert f"found {saved_as!r}" in told[0].expected
    # optional tables are read without (a warning); a required one missing is an error
    from impact.schema import TABLES

    optional = next(t.optional for t in TABLES.values() if t.filename == table)
    assert told[0].severity == ("warning" if optional else "error")


def test_an_absent_table_others_refer_to_is_said_to_be_missing_not_empty(small_study, tmp_path):
    folder = _copy(small_study, tmp_path)
    (folder / "actions.csv").rename(folder / "actions (2).csv")
    told = [str(p) for p in _problems(folder) if p.file == "action_progress.csv" and p.column == "action_id"]
    assert len(told) == 1 and "actions.csv, which is not in the study folder" in told[0], told
    assert "has no rows" not in told[0]


def test_an_empty_table_others_refer_to_is_still_said_to_have_no_rows(small_study, tmp_path):
    folder = _copy(small_study, tmp_path)  # a guard: the words for a table that is there with no rows are kept
    (folder / "actions.csv").write_text((folder / "actions.csv").read_text().splitlines()[0] + "\n")
    told = [str(p) for p in _problems(folder) if p.file == "action_progress.csv" and p.column == "action_id"]
    assert len(told) == 1 and "actions.csv, which has no rows" in told[0], told


def test_files_of_the_study_folder_it_does_not_read_are_told(small_study, tmp_path):
    folder = _copy(small_study, tmp_path)
    shutil.copy(folder / "councils.csv", folder / "councils (1).csv")  # a second copy beside the one read
    (folder / "notes.csv").write_text("date,note\n2013-01-02,rang the council\n")
    (folder / "Notes.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    problems = _problems(folder)
    told = {p.file: p for p in problems if p.file in {"councils (1).csv", "notes.csv", "Notes.xlsx"}}
    assert set(told) == {"councils (1).csv", "notes.csv", "Notes.xlsx"}, [str(p) for p in problems]
    assert all(p.severity == "warning" and " is not read" in p.expected for p in told.values())
    assert "it holds the columns of councils.csv" in told["councils (1).csv"].expected
    assert "the study's tables are councils.csv" in told["notes.csv"].expected


def test_impacts_own_files_in_a_study_folder_are_not_told(small_study):
    """A guard: a generated study's truth (truth_coded.csv, truth_statements.csv, planted_pii.csv, planted_truth.json)
    and a codebook file are impact's own, known by their content: not told as files the study does not read."""
    names = {p.name for p in small_study.iterdir()}
    assert {"truth_coded.csv", "truth_statements.csv", "planted_pii.csv"} <= names
    assert not [str(p) for p in _problems(small_study) if " is not read" in p.expected]


def test_the_advice_to_save_a_table_names_excels_utf8_csv(small_study, tmp_path):
    """Excel's "CSV (Comma delimited)" saves in the Windows code page, which impact reads with a warning to save as
    UTF-8: the messages that said to save so now name "CSV UTF-8 (comma delimited)", as the README does."""
    folder = _copy(small_study, tmp_path)
    # saved as a kind impact never reads (an .ods is read where impact[spreadsheets] is installed: inputs63)
    (folder / "councils.csv").rename(folder / "councils.numbers")
    reviews = folder / "reviews.csv"
    reviews.write_text(reviews.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    told = [p.expected for p in _problems(folder) if p.file in {"councils.csv", "reviews.csv"}]
    assert len(told) == 2, told
    assert all('"CSV UTF-8 (comma delimited)"' in t and '"CSV (comma delimited)"' not in t for t in told), told


# --------------------------------------------------------------------------- 3. a codebook's keys mistyped
_BOOK = """\
format_version: 1
id: tiny
version: "1.0"
codes:
  - id: morale
    label: Staff morale
    rules:
      phrases: [morale]
  - id: plans
    label: Plans
"""


@pytest.mark.parametrize(("typed", "meant", "column", "line"), [
    ("  - id: plans\n", "  - idd: plans\n", "codes[1].idd", 9),
    ("    label: Plans\n", "    lable: Plans\n", "codes[1].lable", 10),
    ("      phrases: [morale]\n", "      phrase: [morale]\n", "codes[0].rules.phrase", 8),
    ("codes:\n", "code:\n", "code", 4),
    ("version: \"1.0\"\n", "verison: \"1.0\"\n", "verison", 3),
])
def test_a_mistyped_codebook_key_names_the_key_meant(typed, meant, column, line):
    from impact.coding import Codebook

    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(_BOOK.replace(typed, meant), source="book.yaml")
    key = column.rpartition(".")[2]
    right = typed.split(":")[0].strip(" -")
    told = [str(p) for p in info.value.records if p.column == column]
    assert told == [f"book.yaml:{line}:{column}: {key!r} - expected one of the keys " + told[0].split("one of the keys ")[1]
                    .split(" (did you")[0] + f" (did you mean {right!r}?)"], [str(p) for p in info.value.records]


def test_a_code_whose_id_key_is_mistyped_is_said_to_have_no_id():
    from impact.coding import Codebook

    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(_BOOK.replace("  - id: plans\n", "  - idd: plans\n"), source="book.yaml")
    assert "book.yaml:9:codes[1].id: expected an id (this code has none)" in [str(p) for p in info.value.records]


# --------------------------------------------------------------------------- 4. tracked changes in a .docx
def _docx_with_changes(path, *, inserted: int, deleted: int):
    """A Word transcript with ``inserted`` tracked insertions and ``deleted`` tracked deletions (each its own id)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("Interviewer: How has the review helped?")
    par = d.add_paragraph("Respondent: Morale has ")
    for i in range(inserted + deleted):
        change = OxmlElement("w:ins" if i < inserted else "w:del")
        change.set(qn("w:id"), str(i + 1))
        change.set(qn("w:author"), "Transcriber")
        run, t = OxmlElement("w:r"), OxmlElement("w:t" if i < inserted else "w:delText")
        t.text = f"word{i} "
        t.set(qn("xml:space"), "preserve")
        run.append(t)
        change.append(run)
        par._p.append(change)
    par.add_run("risen.")
    d.save(path)


@pytest.mark.parametrize(("inserted", "deleted", "said"), [
    (1, 0, "1 tracked insertion not yet accepted or rejected"),
    (0, 2, "2 tracked deletions not yet accepted or rejected"),
    (2, 1, "2 tracked insertions and 1 tracked deletion not yet accepted or rejected"),
])
def test_tracked_changes_in_a_word_transcript_are_told_and_read_as_accepted(tmp_path, inserted, deleted, said):
    from impact.study import TranscriptNotesWarning, read_transcript

    f = tmp_path / "t.docx"
    _docx_with_changes(f, inserted=inserted, deleted=deleted)
    with pytest.warns(TranscriptNotesWarning, match=said):
        text = read_transcript(f)
    words = " ".join(f"word{i}" for i in range(inserted))
    assert text.splitlines()[-1].split() == ["Respondent:", "Morale", "has", *words.split(), "risen."]


def test_a_word_transcript_without_tracked_changes_is_not_told(tmp_path):
    import warnings

    from impact.study import read_transcript

    f = tmp_path / "t.docx"  # a guard: no change, no warning
    _docx_with_changes(f, inserted=0, deleted=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_transcript(f).splitlines()[-1] == "Respondent: Morale has risen."


# --------------------------------------------------------------------------- 5. the analyst's dates and councils
@pytest.fixture(scope="module")
def loaded(small_study):
    return impact.load_study(small_study, validate=False)


def _first_change(study):
    """A council and the first day of a status of its history after its first (its planted truth: the status held
    from that day), with the status held the day before."""
    h = study.status_history.sort_values(["council_id", "start_date"])
    for cid, rows in h[h["kind"] == "ofsted_judgement"].groupby("council_id"):
        for before, after in zip(rows.itertuples(), rows.iloc[1:].itertuples()):
            day = after.start_date
            if before.status != after.status and 2 <= day.day <= 12 and day.month != day.day:
                return cid, day, after.status, before.status
    pytest.skip("no change of judgement on a day that reads two ways")


def test_a_date_written_day_first_reads_as_the_study_files_read_it(loaded):
    """'13/04/2013' is 13 April, as a study file's cell is read; pandas read 'DD/MM/YYYY' with a day of 12 or less
    month first, so a UK analyst's date was another day without a word."""
    cid, day, after, _ = _first_change(loaded)
    iso = day.strftime("%Y-%m-%d")
    assert loaded.status_at(cid, iso)["ofsted_judgement"] == after
    later = day + pd.Timedelta(days=13 - day.day)  # day 13 of the month: one reading only
    assert loaded.status_at(cid, later.strftime("%d/%m/%Y")) == loaded.status_at(cid, later.strftime("%Y-%m-%d"))


def test_a_date_that_reads_two_ways_is_refused_with_both(loaded):
    cid, day, _, _ = _first_change(loaded)
    written = day.strftime("%d/%m/%Y")  # day first: the day the status changed; month first another day
    with pytest.raises(impact.InputError) as info:
        loaded.status_at(cid, written)
    said = str(info.value)
    assert f"it is {day:%Y-%m-%d}" in said and f"month first, as US settings write it, {day:%Y-%d-%m}" in said


def test_a_date_written_month_first_is_told_so(loaded):
    cid = loaded.councils["council_id"].iloc[0]
    with pytest.raises(impact.InputError, match=r"there is no month 13 \(written month first\? then write 2013-04-13\)"):
        loaded.status_at(cid, "04/13/2013")


def test_a_councils_name_given_for_its_id_is_told_with_the_id(loaded):
    row = loaded.councils.iloc[1]
    hint = f"(it is the name of council {row.council_id!r}: give its id, {row.council_id!r})"
    with pytest.raises(impact.InputError) as info:
        loaded.status_at(row["name"], "2013-01-01")
    assert hint in str(info.value)
    with pytest.raises(impact.InputError) as info:
        loaded.subset(councils=[loaded.councils["council_id"].iloc[0], f"  {row['name'].upper()} "])
    assert hint in str(info.value)


# --------------------------------------------------------------------------- lead66: what newuser7 left
def test_a_wave_without_window_days_is_told_the_key_is_missing_not_the_value_none(small_study, tmp_path):
    """newuser7 left: a wave of study.yaml with no window_days was told as the value 'None' (a value no one wrote)."""
    import yaml

    folder = _copy(small_study, tmp_path)
    meta = yaml.safe_load((folder / "study.yaml").read_text(encoding="utf-8"))
    del meta["waves"][1]["window_days"]
    (folder / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    told = [str(p) for p in _problems(folder) if p.column == "waves[1].window_days"]
    assert len(told) == 1 and "'None'" not in told[0] and "the key window_days (the wave has none)" in told[0], told


def test_ctrl_c_while_python_m_impact_starts_says_nothing_was_written(monkeypatch, capsys):
    """newuser7 left: Ctrl-C while impact was still starting told "finished outputs were kept" of outputs that could
    not exist yet."""
    import runpy
    import sys

    class Starting(type(sys)):
        def __getattr__(self, name):
            if name.startswith("__"):
                raise AttributeError(name)
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "impact.cli", Starting("impact.cli"))
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("impact.__main__", run_name="__main__")
    assert exited.value.code == 130
    assert capsys.readouterr().err.strip() == "impact: interrupted while starting; nothing was written"
