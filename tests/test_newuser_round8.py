"""What new users met doing things the wrong way (newuser8): a second run into a folder another run was writing
waited, up to ten minutes, without a word (it looked hung); a file still open in Excel or Word (its owner file
``~$name`` beside it) was read as last saved without a word, its owner file told as a stray file of the user's, and
an output folder holding one refused as files impact did not write; ``--out`` given to the commands that take their
output as an argument was not told where it goes."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import sys
import threading
import warnings
from pathlib import Path

import pytest

import impact
import impact.synth
from impact.cli import main


@pytest.fixture(scope="module")
def small_study(tmp_path_factory):
    """A generated study of five councils (seed 8813, not one the project used before), saved once."""
    folder = tmp_path_factory.mktemp("nu8") / "study"
    impact.synth.generate(5, seed=8813, interviews_per_wave=2, words_per_interview=200, out=folder)
    return folder


@pytest.fixture
def own_copy(small_study, tmp_path):
    """A copy of ``small_study`` for a test to change."""
    return Path(shutil.copytree(small_study, tmp_path / "study"))


# --------------------------------------------------------------------------- 1. a run waiting for another says so
@contextlib.contextmanager
def _held_by_another_run(out):
    """The lock of output folder ``out`` held as another impact run holds it (flock on ``.<name>.lock``, its pid in
    it): a second open file description, so this process's own attempt waits as another process's would."""
    lock = out.parent / f".{out.name}.lock"
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.pwrite(fd, b"4242", 0)
    try:
        yield lambda: fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def test_a_run_waiting_for_another_says_so_at_once(tmp_path):
    from impact._io import staged_directory

    out = tmp_path / "out"
    with _held_by_another_run(out) as release:
        seen = []

        def show(message, category, *args, **kwargs):  # the wait is told while the other run still holds the folder
            seen.append((category, str(message)))
            threading.Timer(0.5, release).start()

        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = show
            with staged_directory(out, wait=20) as d:
                (d / "a.txt").write_text("mine")
    assert (out / "a.txt").read_text() == "mine"
    [(category, message)] = seen
    assert category is impact.FolderBusyWarning
    assert str(out) in message and "pid 4242" in message  # for what: the folder, the run holding it
    assert "at most 20 seconds" in message  # how long
    assert "Ctrl-C" in message and "interrupt the kernel" in message  # how to stop


def test_a_run_waiting_past_its_limit_is_still_refused(tmp_path):
    from impact._io import OutputFolderError, staged_directory

    out = tmp_path / "out"
    with _held_by_another_run(out), pytest.warns(impact.FolderBusyWarning, match="at most 0.3 seconds"), \
            pytest.raises(OutputFolderError, match="pid 4242"), staged_directory(out, wait=0.3):
        pass
    assert not out.exists()


def test_a_run_not_kept_waiting_says_nothing_of_waiting(tmp_path):
    from impact._io import staged_directory

    with warnings.catch_warnings():
        warnings.simplefilter("error", impact.FolderBusyWarning)
        with staged_directory(tmp_path / "out") as d:
            (d / "a.txt").write_text("mine")


class _Stderr(io.StringIO):
    """stderr that notes when the command says it waits."""

    def __init__(self):
        super().__init__()
        self.waiting = threading.Event()

    def write(self, text):
        if "another impact run" in text:
            self.waiting.set()
        return super().write(text)


def test_the_command_line_tells_the_wait_while_it_waits(tmp_path, monkeypatch):
    out = tmp_path / "generated"
    err = _Stderr()
    monkeypatch.setattr(sys, "stderr", err)
    told_while_waiting = []
    with _held_by_another_run(out) as release:
        def release_when_told():  # released once the wait is told, or after 60 s (the command would wait 600)
            told_while_waiting.append(err.waiting.wait(60))
            release()

        releaser = threading.Thread(target=release_when_told)
        releaser.start()
        status = main(["synth", "--councils", "3", "--seed", "8821", "--interviews-per-wave", "1",
                       "--words-per-interview", "60", "--out", str(out)])
        releaser.join()
    assert status == 0 and (out / "study.yaml").is_file()
    assert told_while_waiting == [True]
    text = err.getvalue()
    assert text.count("another impact run (pid 4242") == 1  # told once, at once, not again when the command ends
    assert "impact synth: warning:" in text and "at most 10 minutes" in text


# --------------------------------------------------------------------------- 2. a file open in Excel or Word
_OWNER = b"\x0aJohn Smith" + b" " * 40  # an owner file: the length of the user's name, then the name


def _warnings_of(folder):
    """Every problem of the study folder (errors and warnings, as ``impact validate`` lists them), as (file,
    message) pairs."""
    from impact.errors import ValidationError

    try:
        problems = impact.load_study(folder).load_problems
    except ValidationError as exc:
        problems = exc.records
    return [(p.file, str(p)) for p in problems]


@pytest.mark.parametrize("table, owner", [("councils.csv", "~$councils.csv"),  # Excel: ~$ and the name
                                          ("interviews.csv", "~$terviews.csv")])  # Word's form: ~$ for two letters
def test_a_table_open_in_excel_is_told_so_not_as_a_stray_file(own_copy, table, owner):
    folder = own_copy
    (folder / owner).write_bytes(_OWNER)
    told = _warnings_of(folder)
    opened = [m for f, m in told if f == table and "open in" in m]
    assert len(opened) == 1 and owner in opened[0] and "read as last saved" in opened[0]
    assert not [m for _, m in told if owner in m and "not read" in m.split("expected")[-1][:60]]
    assert not [f for f, _ in told if f == owner]  # the owner file is no file of the user's to name


def test_an_owner_file_left_behind_is_not_told_as_a_file_of_the_users(own_copy):
    folder = own_copy
    (folder / "~$survey_responses.xlsx").write_bytes(_OWNER)  # its workbook is not there: left by Office
    assert not [m for _, m in _warnings_of(folder) if "~$" in m]


def test_a_transcript_open_in_word_is_told_on_the_transcript(own_copy):
    folder = own_copy
    interviews = impact.load_study(folder).interviews
    rel = str(interviews["transcript"].iloc[0])
    transcript = folder / "transcripts" / rel
    owner = transcript.with_name("~$" + transcript.name[2:])  # Word: ~$ in place of the first two characters
    owner.write_bytes(_OWNER)
    told = _warnings_of(folder)
    assert [f for f, m in told if "open in Word" in m and owner.name in m] == [f"transcripts/{rel}"]
    assert not [m for _, m in told if f"transcripts/{owner.relative_to(folder / 'transcripts').as_posix()}" in m]


def test_an_output_folder_whose_workbook_is_open_in_excel_says_so(tmp_path):
    from impact._io import OutputFolderError, check_output_folder, staged_directory

    out = tmp_path / "report"
    with staged_directory(out) as d:
        (d / "tables.xlsx").write_bytes(b"PK")
        (d / "tables").mkdir()
        (d / "tables" / "findings.csv").write_text("a\n1\n")
    (out / "~$tables.xlsx").write_bytes(_OWNER)
    (out / "tables" / "~$findings.csv").write_bytes(_OWNER)
    with pytest.raises(OutputFolderError, match=r"open in Excel or Word \(tables.xlsx \(its owner file ~\$tables.xlsx "
                                                r"is beside it\), tables/findings.csv \(.*\) - expected outputs no "
                                                r"program has open: close them"):
        check_output_folder(out)
    assert (out / "tables.xlsx").read_bytes() == b"PK"  # nothing of the previous outputs touched


def test_an_owner_file_of_no_output_is_still_a_file_impact_did_not_write(tmp_path):
    from impact._io import OutputFolderError, check_output_folder, staged_directory

    out = tmp_path / "report"
    with staged_directory(out) as d:
        (d / "tables.xlsx").write_bytes(b"PK")
    (out / "~$notes.docx").write_bytes(_OWNER)
    with pytest.raises(OutputFolderError, match=r"files impact did not write \(~\$notes.docx\)"):
        check_output_folder(out)


@pytest.fixture
def review_workbook(tmp_path):
    import pandas as pd

    seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2"], "text": ["We felt valued.", "A new plan."], "start": [0, 16]})
    coded = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "plans_actions"], "score": [0.9, 0.55]})
    return impact.export_review(seg, coded=coded, path=tmp_path / "review.xlsx")


def test_a_review_workbook_open_in_excel_is_told_once_when_read(review_workbook):
    (review_workbook.parent / "~$review.xlsx").write_bytes(_OWNER)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        impact.import_review(review_workbook, reviewer="ann")
    opened = [str(w.message) for w in caught if "open in Excel" in str(w.message)]
    assert len(opened) == 1 and "changes not saved yet are not read" in opened[0]


def test_a_coded_file_open_in_excel_is_told_when_agreement_reads_it(tmp_path, capsys):
    import pandas as pd

    coded = tmp_path / "coded.csv"
    pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "morale"], "score": [1.0, 0.0],
                  "coder": ["ann", "ann"]}).to_csv(coded, index=False)
    other = tmp_path / "other.csv"
    pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "morale"], "score": [1.0, 1.0],
                  "coder": ["bob", "bob"]}).to_csv(other, index=False)
    (tmp_path / "~$coded.csv").write_bytes(_OWNER)
    main(["agree", str(coded), str(other), "--out", str(tmp_path / "agreement.csv")])
    err = capsys.readouterr().err
    assert err.count("coded.csv: open in Excel (its owner file ~$coded.csv is beside it)") == 1
    assert "other.csv: open" not in err


def test_a_review_workbook_without_a_reviewer_says_how_to_give_one_to_every_reader(review_workbook):
    from impact.errors import InputError

    with pytest.raises(InputError, match=r"no reviewer named .* `impact review import review.xlsx --reviewer NAME "
                                         r"--out decisions.csv`") as caught:
        impact.read_codings(review_workbook, None)
    assert "on the command line" not in str(caught.value)  # `impact run --coded` has no --reviewer


# --------------------------------------------------------------------------- 3. a deprecation told at the user's line
def test_a_positional_out_dir_is_told_at_the_users_own_line(small_study, tmp_path):
    study = impact.load_study(small_study, validate=False)
    with pytest.warns(FutureWarning, match="pass out_dir=") as caught, pytest.raises(ValueError, match="alpha"):
        impact.run(study, tmp_path / "out", alpha=5)  # refused before any work, after the warning
    assert [w.filename for w in caught if issubclass(w.category, FutureWarning)] == [__file__]  # not contextlib.py
    assert not (tmp_path / "out").exists()


def test_a_positional_argument_of_an_undecorated_function_is_told_at_the_users_line_too():
    from impact.stats import power_prevalence

    with pytest.warns(FutureWarning, match="by position is deprecated") as caught:
        power_prevalence(0.3, 0.6, n_a=20)
    assert {w.filename for w in caught if issubclass(w.category, FutureWarning)} == {__file__}


# --------------------------------------------------------------------------- 4. the library called with other types
def test_a_council_id_read_as_a_float_or_numpy_number_is_one_council(small_study):
    import numpy as np

    study = impact.load_study(small_study, validate=False)
    first = study.councils["council_id"].iloc[0]
    for given in (float(first), np.int64(first)):  # a column with a gap reads as floats; .iloc[0] of ints is numpy's
        assert study.subset(councils=given).councils["council_id"].tolist() == [first]


@pytest.mark.parametrize("given", [None, object()])
def test_subset_of_no_list_names_the_argument(small_study, given):
    study = impact.load_study(small_study, validate=False)
    with pytest.raises(TypeError, match=r"The value for `councils` must be a council id or a list of them .* but "
                                        rf"{type(given).__name__} was passed"):
        study.subset(councils=given)


# --------------------------------------------------------------------------- 5. --out to a command taking it as argument
@pytest.mark.parametrize("argv, said", [
    (["import-qdpx", "project.qdpx", "--out", "imported"],
     "impact import-qdpx takes it as its second argument, OUTDIR, without --out: impact import-qdpx FILE OUTDIR"),
    (["export-qdpx", "study", "--out", "project.qdpx"],
     "impact export-qdpx takes it as its second argument, FILE, without --out: impact export-qdpx STUDY FILE"),
])
def test_out_given_to_a_command_taking_its_output_as_an_argument_says_where_it_goes(argv, said, capsys):
    assert main(argv) == 2
    assert said in capsys.readouterr().err


def test_out_given_to_a_command_writing_nothing_is_still_told_as_no_option_of_it(capsys):
    assert main(["validate", "study", "--out", "x"]) == 2
    err = capsys.readouterr().err
    assert "--out is an option of" in err and "not of impact validate)" in err and "argument" not in err.split(
        "not of impact validate")[1]


def test_an_output_file_open_in_excel_is_not_replaced_under_it(small_study, tmp_path, capsys):
    coded = tmp_path / "coded.csv"
    coded.write_text("unit,code,score\nI1:1,morale,1\n")  # a file the user has open, perhaps typing in it
    (tmp_path / "~$coded.csv").write_bytes(_OWNER)
    assert main(["code", str(small_study), "--out", str(coded), "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert "coded.csv: open in Excel (its owner file ~$coded.csv is beside it) - expected a file no program has open" \
        in err
    assert coded.read_text() == "unit,code,score\nI1:1,morale,1\n"


# --------------------------------------------------------------------------- 6. a CSV saved in another encoding
@pytest.mark.parametrize("encoding", ["mac_roman", "cp850"])  # a Mac's Excel; a DOS code page
def test_a_table_in_another_encoding_shows_where_and_how_it_was_read(own_copy, capsys, encoding):
    import pandas as pd

    folder = own_copy
    councils = pd.read_csv(folder / "councils.csv", dtype=str, keep_default_na=False)
    row = len(councils)  # the last council: its line is the file's last (header = line 1)
    councils.loc[row - 1, "name"] = councils.loc[row - 1, "name"] + " Brómley"
    (folder / "councils.csv").write_bytes(councils.to_csv(index=False).encode(encoding))
    read = "Brómley".encode(encoding).decode("cp1252", errors="replace")  # how Windows-1252 reads those bytes
    assert read != "Brómley"
    main(["validate", str(folder)])
    [said] = [line for line in capsys.readouterr().out.splitlines() if "not valid UTF-8" in line]
    assert f"its first letter beyond ASCII is on line {row + 1}, which reads " in said and read in said
