"""Input round 71 (helper inputs71): what round 70 found and left, each mended as a class.

What was found on inputs70's head (each test below but the last failed there):

1. A path holding a character that shows as nothing (a zero-width space, a right-to-left mark, a no-break space)
   was echoed as it is in a message ("c<U+200B>: no such folder" reads as "c: no such folder", beside a folder 'c'):
   every message impact makes (a :class:`Problem`, an :class:`ImpactError`, an :class:`ImpactWarning`, the command
   line's standard error) now shows each such character as Python writes it ('\\u200b'), through
   :func:`impact.errors.visible`.
2. ``impact validate study/transcripts`` (a folder of the study given for it) named the study folder, then listed the
   six tables the folder given lacks, which are not the user's to mend; so did the folder above one or more studies:
   the one problem naming the study folder is told alone.
3. A twin of the ``transcripts`` folder or of a council's folder ('transcripts\\u200b' beside it) was told as "the
   file opened, edited or sent in its place may be the other": a folder is said to be one.
4. (Not found.) The brief held that a bare number (40770) in a date column of an .xlsx or .ods is read as a date
   where a CSV refuses it.  On inputs70's head a number in a General cell of every date column is refused at its
   cell, as in a CSV, naming the workbook, sheet, row, column, the number and the date Excel would show, in an .xlsx
   (openpyxl), and in an .ods and an .xls saved from it by LibreOffice (tried by hand, not tested here: LibreOffice
   takes seconds a file); a cell formatted as a date is the date.  The last test keeps that rule; it passes there.

Values are drawn from seeds the project has not used (7101-7103 and those plus 10 to 40).
"""

from __future__ import annotations

import ast
import datetime as dt
import unicodedata

import numpy as np
import openpyxl
import pytest
from test_study_workbook import refused, to_workbook

from hostile._util import cli_here
from hostile.test_inputs_round68 import _rows

SEEDS = [7101, 7102, 7103]

#: Characters that show as nothing: zero-width space, non-joiner, joiner, word joiner, byte-order mark, left-to-right
#: and right-to-left marks, right-to-left override, soft hyphen, line separator; and (in _UNSEEN) those that show as
#: a space: no-break and narrow no-break spaces, ideographic space.
_NOTHING = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202e", "\u00ad", "\u2028"]
_UNSEEN = [*_NOTHING, "\u00a0", "\u202f", "\u3000"]


def _shown(text: str) -> str:
    """``text`` as a message shows it: each character Python does not print as Python escapes it (written here
    from the escapes' definition, not by impact's helper)."""
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return "".join(out)


def _hidden(rng: np.random.Generator, name: str, among: list[str] = _UNSEEN) -> tuple[str, str]:
    """``name`` with a character of ``among`` put in at a place drawn (after its first): (it, the character)."""
    ch = str(rng.choice(among))
    place = int(rng.integers(1, len(name) + 1))
    return name[:place] + ch + name[place:], ch


# --------------------------------------------------------------------------- 1. characters that show as nothing


def test_visible_writes_out_each_character_that_shows_as_nothing_and_keeps_text_as_it_is():
    from impact.errors import visible

    rng = np.random.default_rng(7101)
    plain = "Ynys Môn – Caerdydd: “£1,200” café\nline two\tend"  # printable text, a line break and a tab
    assert visible(plain) == plain
    for _ in range(50):
        text = "".join(str(rng.choice([*_UNSEEN, "a", "é", "/", " ", "1", "\x1b", "\x7f"])) for _ in range(12))
        said = visible(text)
        assert all(ch.isprintable() for ch in said), said
        assert said == _shown(text)
        assert ast.literal_eval(f"'{said}'") == text  # read back as Python reads the escape: nothing lost


@pytest.mark.parametrize("seed", SEEDS)
def test_a_study_path_given_holding_a_character_that_shows_as_nothing_is_shown_with_it(seed, study_dir):
    from impact import load_study
    from impact.errors import InputError

    rng = np.random.default_rng(seed)
    given, ch = _hidden(rng, study_dir.name)
    proc = cli_here("validate", given, cwd=study_dir.parent)
    assert proc.returncode == 2 and ch not in proc.stderr, proc.stderr
    assert proc.stderr.startswith(f"impact validate: error: {_shown(given)}: no such folder (expected a folder "
                                  "holding study.yaml)"), proc.stderr
    if ch in _NOTHING:  # beside the folder meant, what the character is (round 70; a space is seen)
        assert f"U+{ord(ch):04X} {unicodedata.name(ch)}" in proc.stderr, proc.stderr
    with pytest.raises(InputError) as info:  # the library's message too
        load_study(study_dir.parent / given)
    assert str(info.value).startswith(f"{_shown(str(study_dir.parent / given))}: no such folder"), str(info.value)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_folder_of_the_study_named_with_a_character_that_shows_as_nothing_is_shown_with_it(seed, study_dir):
    from impact import load_study
    from impact.errors import ValidationError

    rng = np.random.default_rng(seed + 10)
    name, ch = _hidden(rng, str(rng.choice(["notes", "old", "drafts"])))
    (study_dir / name).mkdir()
    given = f"{study_dir.name}/{name}"
    proc = cli_here("validate", given, cwd=study_dir.parent)
    assert proc.returncode == 2 and ch not in proc.stderr + proc.stdout, proc.stderr
    assert (f"study.yaml: expected a study.yaml file in the study folder - {_shown(given)} is a folder inside the "
            f"study folder {study_dir}: give that folder itself") in proc.stderr.splitlines(), proc.stderr
    with pytest.raises(ValidationError) as info:
        load_study(study_dir / name)
    assert ch not in str(info.value) and _shown(str(study_dir / name)) in str(info.value)
    assert ch in info.value.problems[0].expected  # the record keeps what the path holds; its text shows it


# --------------------------------------------------------------------------- 2. a folder of the study given for it


@pytest.mark.parametrize("seed", SEEDS)
def test_a_folder_inside_the_study_given_for_it_is_told_alone(seed, study_dir):
    rng = np.random.default_rng(seed + 20)
    councils = sorted(p.name for p in (study_dir / "transcripts").iterdir())
    inside = [study_dir / "transcripts", study_dir / "transcripts" / str(rng.choice(councils))]
    given = inside[int(rng.integers(len(inside)))]
    assert refused(given) == [f"study.yaml: expected a study.yaml file in the study folder - {given} is a folder "
                              f"inside the study folder {study_dir}: give that folder itself"]
    rel = given.relative_to(study_dir.parent).as_posix()
    proc = cli_here("validate", rel, cwd=study_dir.parent)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[1:] == [f"study.yaml: expected a study.yaml file in the study folder - {rel} is a "
                                            f"folder inside the study folder {study_dir}: give that folder itself",
                                            "1 error, 0 warnings"], proc.stderr


@pytest.mark.parametrize("seed", SEEDS)
def test_the_folder_above_a_study_given_for_it_is_told_alone(seed, study_dir):
    rng = np.random.default_rng(seed + 30)
    others = [f"study_{k}" for k in sorted(rng.choice(90, size=int(rng.integers(0, 3)), replace=False))]
    for name in others:  # more studies beside it, or none
        (study_dir.parent / name).mkdir()
        (study_dir.parent / name / "study.yaml").write_text((study_dir / "study.yaml").read_text(encoding="utf-8"),
                                                           encoding="utf-8")
    found = sorted([study_dir.name, *others])
    said = refused(study_dir.parent)
    assert len(said) == 1 and said[0].endswith(f"({', '.join(map(repr, found))}): give the study folder itself"), said


# --------------------------------------------------------------------------- 3. a folder's twin is a folder


_BOTH_FOLDERS = ("every system holds both, yet no one reading the folder or the table tells them apart, so the "
                 "folder opened, added to or sent in its place may be the other")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_twin_of_the_transcripts_folder_or_a_councils_is_said_to_be_a_folder(seed, study_dir):
    rng = np.random.default_rng(seed + 40)
    councils = sorted(p.name for p in (study_dir / "transcripts").iterdir())
    if rng.integers(2):  # beside transcripts/
        twin, ch = _hidden(rng, "transcripts", _NOTHING)
        (study_dir / twin).mkdir()
        said = [p for p in refused(study_dir) if p.startswith("transcripts/: expected one entry")]
    else:  # beside a council's folder
        council = str(rng.choice(councils))
        twin, ch = _hidden(rng, council, _NOTHING)
        (study_dir / "transcripts" / twin).mkdir()
        said = [p for p in refused(study_dir) if ":transcript: " in p and f"'{council}/" in p]
    assert said and all(_BOTH_FOLDERS in p and "file opened" not in p for p in said), said


# --------------------------------------------------------------------------- 4. a number in a date column


@pytest.mark.parametrize("seed", SEEDS)
def test_a_number_in_a_general_cell_of_a_date_column_is_refused_and_a_date_cell_is_read(seed, study_dir):
    rng = np.random.default_rng(seed + 50)
    table, column = [("reviews", "start_date"), ("reviews", "end_date"), ("interviews", "date"),
                     ("status_history", "start_date"), ("status_history", "end_date")][int(rng.integers(5))]
    rows = _rows(study_dir / f"{table}.csv")
    j = rows[0].index(column)
    k = int(rng.choice([i for i in range(1, len(rows)) if rows[i][j]]))
    day = dt.date.fromisoformat(rows[k][j])
    serial = (day - dt.date(1899, 12, 30)).days  # Excel's day number of the date (its day 1 is 1900-01-01)
    book = to_workbook(study_dir)
    wb = openpyxl.load_workbook(book)
    cell = wb[table].cell(k + 1, j + 1)
    cell.value, cell.number_format = (serial if rng.integers(2) else float(serial)), "General"
    wb.save(book)
    letter = openpyxl.utils.get_column_letter(j + 1)
    said = [p for p in refused(study_dir) if p.startswith(f"study.xlsx (sheet '{table}'):{k + 1}:")]
    assert said == [f"study.xlsx (sheet '{table}'):{k + 1}:{letter} ({column}): '{serial}' - expected a date as "
                    f"YYYY-MM-DD (it looks like an Excel date serial number: {serial} is {day:%Y-%m-%d}; format the "
                    "column as a date, YYYY-MM-DD, before saving)"]
    cell.number_format = str(rng.choice(["yyyy-mm-dd", "dd/mm/yyyy", "d-mmm-yy", "[$-809]dd mmmm yyyy"]))
    wb.save(book)  # the same number formatted as a date: the date
    from impact import load_study

    study = load_study(study_dir)
    assert (study.table(table)[column].dt.date == day).sum() == sum(r[j] == rows[k][j] for r in rows[1:])
