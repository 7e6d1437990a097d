"""Input round 72 (helper inputs72): dates as Excel set for other countries writes them, in a UK council's files.

A study's date cells are read as ISO (``2011-03-01``, ``2011-3-1``) or day/month/year as UK settings write them
(``01/03/2011``); a workbook's date cell is the date it holds.  What was found on integ74's head (each test below
failed there):

1. A date written year first as Chinese, Japanese or Korean settings write it ('2011年3月1日', '2011년 3월 1일',
   '2011. 3. 1.'), in full-width digits ('２０１１／０３／０１'), or with a time as Excel saves a date and time in a
   CSV file ('2011/3/1 0:00') was refused as 'a date as YYYY-MM-DD', without the date meant; '2011/02/30' without
   saying February has no day 30.
2. '03-05-2011' (day and month first, with hyphens, as Dutch settings and US programs write it) was told to be
   written 2011-05-03: one reading guessed where the other, 2011-03-05, is as likely.
3. A workbook cell holding a date in a format Excel set for China, Japan, Korea or Thailand names by number alone
   (built-in ids 27-36, 50-58, 71-81; ECMA-376 Part 1, 18.8.30) was read as its serial number (40603) and refused as
   'an Excel date serial number ... format the column as a date', though the column is one.  openpyxl knows the
   built-in formats 0-49 but these (a custom format, 'yyyy"年"m"月"d"日"', it reads as a date: kept).
4. A file that holds a date only month first, written with a time ('5/13/2011 0:00', as US Excel saves a date and
   time) or hyphens ('05-13-2011'), had its other day/month/year dates read day first, silently: only a slashed date
   without a time counted as evidence of month first.

What is decided: no date is read in a layout other than those two (both named in the message; round 7's rule that
another layout is an error naming the date, kept); year first and day first with dots (no setting writes the month
first with dots) name one date; hyphens and spaces, which may be either way round, name both.

Dates are drawn from seeds the project has not used (7201-7203).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from test_study_workbook import to_workbook

from hostile.test_inputs_round68 import _rows, _write
from impact import load_study
from impact.errors import ValidationError

SEEDS = [7201, 7202, 7203]

#: The date columns of the tiny study: (table, column).
DATE_COLUMNS = [("reviews", "start_date"), ("reviews", "end_date"), ("interviews", "date"),
                ("status_history", "start_date"), ("status_history", "end_date")]


def _problems(folder: Path) -> list:
    with pytest.raises(ValidationError) as info:
        load_study(folder)
    return info.value.problems


def _full_width(text: str) -> str:
    """``text`` with its ASCII digits and signs as full-width ones (U+FF01-U+FF5E), as an East Asian keyboard
    types them: written from the code points, not by impact's own conversion."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


#: Layouts of a date, year first, and how each is written from the date.
YEAR_FIRST = {
    "japanese": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "korean": lambda d: f"{d.year}년 {d.month}월 {d.day}일",
    "korean-dots": lambda d: f"{d.year}. {d.month}. {d.day}.",
    "full-width": lambda d: _full_width(f"{d:%Y/%m/%d}"),
    "full-width-kanji": lambda d: _full_width(f"{d.year}") + f"年{_full_width(str(d.month))}月{d.day}日",
    "csv-date-and-time": lambda d: f"{d.year}/{d.month}/{d.day} 0:00",
}


def _said(d: dt.date, written: str) -> str:
    """What the message says of ``written``, the date ``d`` written year first: the date, and the first full-width
    digit or sign named where it holds one."""
    wide = next((ch for ch in written if 0xFF01 <= ord(ch) <= 0xFF5E), None)
    held = (f"it holds U+{ord(wide):04X} {unicodedata.name(wide)}, a digit of another width or script, which is not "
            "read as its ASCII form: " if wide else "")
    return f"a date as YYYY-MM-DD ({held}write it as YYYY-MM-DD: {d:%Y-%m-%d})"


def _dated_cell(rng: np.random.Generator, folder: Path) -> tuple[str, str, int, dt.date]:
    """A date cell of the study drawn, among those written YYYY-MM-DD: (table, column, row as the file numbers it,
    the date it holds)."""
    while True:
        table, column = DATE_COLUMNS[int(rng.integers(len(DATE_COLUMNS)))]
        rows = _rows(folder / f"{table}.csv")
        j = rows[0].index(column)
        held = [k for k in range(1, len(rows)) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", rows[k][j])]  # not planted
        if held:
            k = int(rng.choice(held))
            return table, column, k + 1, dt.date.fromisoformat(rows[k][j])


def _put(folder: Path, table: str, column: str, row: int, text: str) -> None:
    rows = _rows(folder / f"{table}.csv")
    rows[row - 1][rows[0].index(column)] = text
    _write(folder / f"{table}.csv", rows)


# --------------------------------------------------------------------------- 1. year first, as other settings write it


@pytest.mark.parametrize("layout", YEAR_FIRST)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_written_year_first_as_other_settings_write_it_names_the_date_meant(seed, layout, study_dir):
    # On integ74's head each was 'a date as YYYY-MM-DD', the date meant not named.
    rng = np.random.default_rng(seed)
    table, column, row, day = _dated_cell(rng, study_dir)
    written = YEAR_FIRST[layout](day)
    _put(study_dir, table, column, row, written)
    said = [(p.value, p.expected) for p in _problems(study_dir) if (p.file, p.row, p.column) == (f"{table}.csv", row,
                                                                                                  column)]
    assert said == [(written, _said(day, written))]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_written_year_first_that_does_not_exist_says_why(seed, study_dir):
    # On integ74's head '2011/13/01' and '2012年2月30日' were 'a date as YYYY-MM-DD', no more.
    rng = np.random.default_rng(seed + 10)
    table, column, row, day = _dated_cell(rng, study_dir)
    month = int(rng.integers(13, 100))
    short = dt.date(day.year, 3, 1) - dt.timedelta(days=1)  # the last day of the year's February
    cases = [(f"{day.year}/{month}/{day.day}", f"there is no month {month}"),
             (f"{day.year}年2月{short.day + 1}日", f"{day.year:04d}-02 has no day {short.day + 1}")]
    written, why = cases[int(rng.integers(2))]
    _put(study_dir, table, column, row, written)
    said = [(p.value, p.expected) for p in _problems(study_dir) if (p.file, p.row, p.column) == (f"{table}.csv", row,
                                                                                                  column)]
    assert said == [(written, f"a date as YYYY-MM-DD ({why})")]


# --------------------------------------------------------------------------- 2. day and month that read either way


@pytest.mark.parametrize("sep", ["-", " "])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_day_and_month_that_read_either_way_are_both_named_never_one_guessed(seed, sep, study_dir):
    # On integ74's head '03-05-2011' was told 'write it as YYYY-MM-DD: 2011-05-03', day first guessed (and '03 05
    # 2011' named no date).
    rng = np.random.default_rng(seed + 20)
    table, column, row, day = _dated_cell(rng, study_dir)
    first, second = (int(x) for x in rng.choice(np.arange(1, 13), size=2, replace=False))
    written = f"{first:02d}{sep}{second:02d}{sep}{day.year}"
    _put(study_dir, table, column, row, written)
    said = [(p.value, p.expected) for p in _problems(study_dir) if (p.file, p.row, p.column) == (f"{table}.csv", row,
                                                                                                  column)]
    day_first, month_first = dt.date(day.year, second, first), dt.date(day.year, first, second)
    assert said == [(written, f"a date as YYYY-MM-DD (it may be {day_first:%Y-%m-%d}, day first, as UK settings write "
                              f"it, or {month_first:%Y-%m-%d}, month first, as US settings write it: write it as "
                              "YYYY-MM-DD)")]


# --------------------------------------------------------------------------- every cell told, in CSV files and sheets


def _plant(rng: np.random.Generator, folder: Path, n: int) -> dict[tuple[str, int, str], tuple[str, dt.date]]:
    """``n`` date cells of different rows rewritten in layouts of :data:`YEAR_FIRST` drawn: (file, row, column) ->
    (the text written, the date)."""
    planted: dict[tuple[str, int, str], tuple[str, dt.date]] = {}
    while len(planted) < n:
        table, column, row, day = _dated_cell(rng, folder)
        if (f"{table}.csv", row, column) in planted:
            continue
        written = YEAR_FIRST[list(YEAR_FIRST)[int(rng.integers(len(YEAR_FIRST)))]](day)
        _put(folder, table, column, row, written)
        planted[(f"{table}.csv", row, column)] = (written, day)
    return planted


@pytest.mark.parametrize("seed", SEEDS)
def test_every_date_cell_written_another_way_is_told_on_its_own_row(seed, study_dir):
    # On integ74's head each was told, but as 'a date as YYYY-MM-DD' without the date meant.
    rng = np.random.default_rng(seed + 30)
    planted = _plant(rng, study_dir, 6)
    # the text of a date is distinct to its cell where the dates are distinct: a repeated one is told once, with
    # its other rows (impact.errors.collapse_problems)
    told = {}
    for p in _problems(study_dir):
        if p.expected.startswith("a date as YYYY-MM-DD"):
            told[(p.file, p.row, p.column)] = (p.value, p.expected)
            for more in re.findall(r"the same on \d+ more rows?: ([0-9, ]+)\)$", p.expected):
                for r in more.split(", "):
                    told[(p.file, int(r), p.column)] = (p.value, p.expected.rsplit(" (the same on", 1)[0])
    assert set(told) == set(planted)
    for where, (written, day) in planted.items():
        assert told[where][0] == written
        assert told[where][1].split(" (the same on")[0] == _said(day, written)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_sheet_s_date_cells_typed_as_text_another_way_are_each_told_at_their_cell(seed, study_dir):
    # On integ74's head each was 'a date as YYYY-MM-DD', the date meant not named.
    rng = np.random.default_rng(seed + 40)
    planted = _plant(rng, study_dir, 4)
    headers = {file: _rows(study_dir / file)[0] for file, _, _ in planted}
    to_workbook(study_dir)  # a cell that is no date of its column is kept as the text typed, as Excel keeps it
    told = {(p.file, p.row, p.column): (p.value, p.expected) for p in _problems(study_dir)
            if p.expected.startswith("a date as YYYY-MM-DD")}
    want = {}
    for (file, row, column), (written, day) in planted.items():
        letter = openpyxl.utils.get_column_letter(headers[file].index(column) + 1)
        want[(f"study.xlsx (sheet '{file[:-4]}')", row, f"{letter} ({column})")] = (written, _said(day, written))
    assert {k: (v[0], v[1].split(" (the same on")[0]) for k, v in told.items()} == want


# --------------------------------------------------------------------------- 3. a date cell in another country's format

#: Date formats of cells, and the built-in number format id each is saved as, where Excel set for that language
#: saves it by number alone (ECMA-376 Part 1, 18.8.30: 27 '[$-411]ge.m.d', 31 'yyyy"年"m"月"d"日"' in Japanese,
#: 57 '[$-404]e/m/d' in Chinese (Taiwan), 58 'm"月"d"日"' in Chinese (PRC); ExcelDataReader issue #541 and xlsxir pull
#: request #124 show workbooks from Japanese clients holding 55); None: a custom format the workbook spells out.
FORMATS = [('yyyy"年"m"月"d"日"', 31), ("ge.m.d", 27), ("yyyy/m/d", 57), ('m"月"d"日"', 58), ("yyyy-mm-dd", 55),
           ('yyyy"年"m"月"d"日"', None), ('[$-411]ggge"年"m"月"d"日"', None), ('yyyy"년" m"월" d"일"', None)]


def _as_built_in(book: Path, codes: dict[str, int]) -> None:
    """Rewrite each custom number format of ``codes`` in ``book`` (saved by openpyxl) as the built-in format id it
    maps to, with no format code, as Excel set for that language saves it."""
    with zipfile.ZipFile(book) as z:
        items = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "xl/styles.xml":
                xml = data.decode("utf-8")
                for code, ident in codes.items():
                    m = re.search(r'<numFmt numFmtId="(\d+)" formatCode="' + re.escape(code.replace('"', "&quot;"))
                                  + r'"\s*/>', xml)
                    assert m is not None, code
                    xml = xml.replace(m[0], "")
                    xml = re.sub(r'(<xf\b[^>]*\bnumFmtId=")' + m[1] + '"', rf"\g<1>{ident}" + '"', xml)
                xml = re.sub(r'<numFmts count="\d+">', f'<numFmts count="{xml.count("<numFmt ")}">', xml)
                data = xml.encode("utf-8")
            z.writestr(info, data)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_cell_in_a_format_another_country_s_excel_saves_by_number_is_the_date(seed, study_dir):
    # On integ74's head a cell of the built-in formats 27, 31, 55, 57, 58 was read as its serial number and refused
    # as 'it looks like an Excel date serial number ... format the column as a date'; the custom formats were read.
    rng = np.random.default_rng(seed + 50)
    table, column = DATE_COLUMNS[int(rng.integers(len(DATE_COLUMNS)))]
    rows = _rows(study_dir / f"{table}.csv")
    j = rows[0].index(column)
    book = to_workbook(study_dir)
    wb = openpyxl.load_workbook(book)
    built_in = {}
    held = [k for k in range(1, len(rows)) if rows[k][j]]
    ids = [f for f in FORMATS if f[1] is not None]
    for n, k in enumerate(held):  # the first cell in a built-in format, the others in any drawn
        code, ident = ids[int(rng.integers(len(ids)))] if n == 0 else FORMATS[int(rng.integers(len(FORMATS)))]
        if ident is not None:  # a format code of its own per id, rewritten below as the id alone
            code = f'{code};"{ident}"'
            built_in[code] = ident
        wb[table].cell(k + 1, j + 1).number_format = code
    wb.save(book)
    _as_built_in(book, built_in)
    study = load_study(study_dir)
    got = [None if v is None or v != v else v.date() for v in study.table(table)[column].tolist()]
    assert got == [dt.date.fromisoformat(r[j]) if r[j] else None for r in rows[1:]]


def test_a_workbook_saved_with_east_asian_date_formats_is_read_as_a_csv_of_its_dates(tmp_path):
    # The bundled example's interview dates, every one in a built-in East Asian format: read as the CSV's dates.
    # On integ74's head each was refused as an Excel date serial number.
    import shutil

    import impact

    folder = tmp_path / "example"
    shutil.copytree(impact.example_path(), folder)
    want = load_study(folder).table("interviews")["date"].tolist()
    rows = _rows(folder / "interviews.csv")
    j = rows[0].index("date")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(rows[0])
    for r in rows[1:]:
        ws.append([dt.datetime.fromisoformat(c) if i == j else c for i, c in enumerate(r)])
    for cells in ws.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
        cells[0].number_format = 'yyyy"年"m"月"d"日";"31"'
    wb.save(folder / "interviews.xlsx")
    _as_built_in(folder / "interviews.xlsx", {'yyyy"年"m"月"d"日";"31"': 31})
    (folder / "interviews.csv").unlink()
    assert load_study(folder).table("interviews")["date"].tolist() == want


# --------------------------------------------------------------------------- 4. a file saved month first


@pytest.mark.parametrize("evidence", ["time", "hyphens"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_only_month_first_with_a_time_or_hyphens_has_the_file_s_other_dates_refused(seed, evidence, study_dir):
    # On integ74's head only a slashed date without a time counted: '5/13/2011 0:00' (as US Excel saves a date and
    # time in a CSV file) or '05-13-2011' was refused on its own, and the file's '03/05/2011' read as 3 May silently.
    rng = np.random.default_rng(seed + 60)
    rows = _rows(study_dir / "interviews.csv")
    j = rows[0].index("date")
    held = [k for k in range(1, len(rows)) if rows[k][j]]
    us, either = (int(k) for k in rng.choice(held, size=2, replace=False))
    year = dt.date.fromisoformat(rows[us][j]).year
    month, day = int(rng.integers(1, 13)), int(rng.integers(13, 29))
    rows[us][j] = (f"{month}/{day}/{year} 0:00" if evidence == "time" else f"{month:02d}-{day:02d}-{year}")
    when = dt.date.fromisoformat(rows[either][j])
    first, second = (int(x) for x in rng.choice(np.arange(1, 13), size=2, replace=False))
    rows[either][j] = f"{first:02d}/{second:02d}/{when.year}"
    _write(study_dir / "interviews.csv", rows)
    said = {p.row: (p.value, p.expected) for p in _problems(study_dir)
            if p.file == "interviews.csv" and p.column == "date"}
    assert said[us + 1] == (rows[us][j], f"a date as YYYY-MM-DD (there is no month {day}: written month first? then "
                                         f"write {year}-{month:02d}-{day:02d})")
    assert said[either + 1] == (rows[either][j], f"a date as YYYY-MM-DD: this file also holds {rows[us][j]} (date, "
                                                 f"row {us + 1}), written month first, so {rows[either][j]} may be "
                                                 f"{when.year}-{first:02d}-{second:02d} as well as "
                                                 f"{when.year}-{second:02d}-{first:02d}")
