"""Input round 73 (helper inputs73): one rule for a date, in a study's files and in the API's arguments.

What was found on integ75's head (each test below failed there, but the two marked as guards):

1. The API's date arguments (``Study.status_at``'s ``date``, ``first_event``'s ``after``,
   ``synth.generate_with_truth``'s ``start_date`` and ``end_date``) and the date columns of the data frames public
   functions take (``judgement_at``, ``event_time``, ``first_event``, ``aggregate_successors``, ``rate_per_10k``)
   read text a study's files refuse, pandas parsing it: '2024/03/05' and '2024. 3. 5.' (year first, refused in files
   by decision), '5th March 2024', '20240305', a time of day ('2024-03-05 14:30'), a time zone
   ('2024-03-05T23:30:00Z', read as the date in UTC), two dates in one text ('2024-03-05 2024-04-01' was read as
   2024-03-05 20:24).  The text of a date now goes through the files' reader (:func:`impact.schema.parse_date`) and
   is told in the files' words (:func:`impact.schema.date_hint`).
2. A date cell of an ``.ods`` or ``.xls`` shown in a format LibreOffice reads as a time or a duration (Excel's
   built-in ids 32-35 and 76-81 as LibreOffice maps them, '[h]:mm:ss') came as 'PT974472H00M00S' or '40603 days,
   0:00:00' and was refused as 'a date as YYYY-MM-DD' with no word of the date it holds.  An .xls number whose cell
   format names a Thai date format by its built-in id alone (71-81) was read as its serial number (calamine knows
   27-36 and 50-58 alone) and refused as one: it is the date it shows now.  Dates in East Asian formats in .ods
   and .xls files saved by LibreOffice are read as dates (a guard: python-calamine reads them so on the head too).
3. A date of the Japanese calendar ('令和6年3月5日', 'R6.3.5', 'H31/4/30') or of the Republic of China's
   ('民國113年3月5日') was refused as 'a date as YYYY-MM-DD' alone: it is still refused (impact reads Gregorian
   dates only, converting none), the message naming the Gregorian date meant, or that the era had no such day.
4. A red-team pass over date cells: '5th March 2011', '01-Mar-2011' (as Excel shows d-mmm-yyyy), 'Mar 1 2011', a
   span of two dates in one cell, a length of time typed or pasted ('PT974472H00M00S'), a named month with a year of
   two digits ('1-Mar-11'): each was 'a date as YYYY-MM-DD' alone; each now names the date meant or what is wrong.
   Already told right on the head (not tested again here): '31/02/2011' (no such day), a date and time with a time
   zone, an Excel serial number as text, a year before 1990 (the range named).

Dates are drawn from seeds the project has not used (7301-7303); the dates meant are worked out here from the
calendars' published first days (Cabinet Office of Japan: Heisei from 1989-01-08, Reiwa from 2019-05-01; the
Minguo year 1 is 1912), apart from the code under test.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from test_study_workbook import to_workbook

import impact
import impact.synth
from hostile.test_inputs_round68 import _rows, _write
from hostile.test_inputs_round72 import DATE_COLUMNS, _as_built_in, _full_width, _problems
from impact import (
    _spreadsheets,
    aggregate_successors,
    event_time,
    first_event,
    judgement_at,
    load_study,
    rate_per_10k,
)
from impact.errors import InputError

SEEDS = [7301, 7302, 7303]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
READERS = _spreadsheets.available()


def _told(folder: Path) -> dict[tuple[str, int, str], tuple[str, str]]:
    """Every date problem of ``folder``'s one error: (file, row, column) -> (value, expected), a text repeated on
    other rows told at each of them (impact.errors.collapse_problems tells it once, with its other rows)."""
    told = {}
    for p in _problems(folder):
        if p.expected.startswith("a date"):
            said = p.expected.split(" (the same on")[0]
            told[(p.file, p.row, p.column)] = (p.value, said)
            for more in re.findall(r"the same on \d+ more rows?: ([0-9, ]+)\)$", p.expected):
                for r in more.split(", "):
                    told[(p.file, int(r), p.column)] = (p.value, said)
    return told


def _dated_cells(folder: Path) -> list[tuple[str, str, int, dt.date]]:
    """Every date cell of the study written YYYY-MM-DD: (table, column, row as the file numbers it, its date)."""
    out = []
    for table, column in DATE_COLUMNS:
        rows = _rows(folder / f"{table}.csv")
        j = rows[0].index(column)
        out += [(table, column, k + 1, dt.date.fromisoformat(rows[k][j])) for k in range(1, len(rows))
                if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", rows[k][j])]
    return out


def _put(folder: Path, cells: dict[tuple[str, str, int], str]) -> None:
    for (table, column, row), text in cells.items():
        rows = _rows(folder / f"{table}.csv")
        rows[row - 1][rows[0].index(column)] = text
        _write(folder / f"{table}.csv", rows)


def _plant(rng: np.random.Generator, folder: Path, layouts: dict) -> dict[tuple[str, int, str], tuple[str, str]]:
    """Each of ``layouts`` (name -> (write(date), what the message says of it)) written in a date cell drawn, each
    in its own cell: (file, row, column) -> (the text written, the words the message must hold)."""
    cells = _dated_cells(folder)
    picked = rng.choice(len(cells), size=len(layouts), replace=False)
    planted, put = {}, {}
    for k, (write, says) in zip(picked, layouts.values()):
        table, column, row, day = cells[int(k)]
        put[(table, column, row)] = write(day)
        planted[(f"{table}.csv", row, column)] = (write(day), says(day))
    _put(folder, put)
    return planted


# --------------------------------------------------------------------------- 1. the API reads a date as files do

#: Text pandas reads as a date and a study's files refuse: (text, the words a file's message says of it).  The
#: words are the files' (checked against a loaded file below), so the API is seen to say the same.
REFUSED = [("2024/03/05", "write it as YYYY-MM-DD: 2024-03-05"),
           ("2024. 3. 5.", "write it as YYYY-MM-DD: 2024-03-05"),
           ("2024.3.5", "write it as YYYY-MM-DD: 2024-03-05"),
           ("5th March 2024", "write it as YYYY-MM-DD: 2024-03-05"),
           ("March 5, 2024", "write it as YYYY-MM-DD: 2024-03-05"),
           ("05-Mar-2024", "write it as YYYY-MM-DD: 2024-03-05"),
           ("20240305", "write it as YYYY-MM-DD: 2024-03-05"),
           ("2024-03-05 14:30", "it carries a time of day, 14:30"),
           ("2024-03-05T23:30:00Z", "it is a date and time with a time zone"),
           ("2024-03-05 2024-04-01", "it holds 2 dates, '2024-03-05' and '2024-04-01'"),
           ("令和6年3月5日", "a date of the Japanese calendar, Reiwa 6"),
           ("H31/4/30", "write it as YYYY-MM-DD: 2019-04-30")]


@pytest.fixture(scope="module")
def file_words(_tiny_study_folder, tmp_path_factory) -> dict[str, str]:
    """What a study's file says of each text of :data:`REFUSED` in a date cell: text -> the problem's expected."""
    folder = tmp_path_factory.mktemp("round73") / "study"
    shutil.copytree(_tiny_study_folder, folder)
    cells = _dated_cells(folder)
    put = {(t, c, r): text for (t, c, r, _), (text, _) in zip(cells, REFUSED)}
    _put(folder, put)
    told = _told(folder)
    return {text: told[(f"{t}.csv", r, c)][1] for (t, c, r), text in put.items()}


def test_each_text_pandas_reads_is_refused_by_a_study_s_file_with_these_words(file_words):
    # The files' side of the rule (on the head, all but the year-first ones were 'a date as YYYY-MM-DD' alone).
    for text, says in REFUSED:
        assert says in file_words[text], (text, file_words[text])


def _status_at(study, text):
    study.status_at(study.councils["council_id"].iloc[0], text)


def _hist(start="2012-01-01"):
    return pd.DataFrame({"council_id": ["301"], "kind": "ofsted_judgement", "status": ["good"],
                         "start_date": [start], "end_date": [None]})


#: Every public function that takes a date, by argument or data frame column: (name, call(study, text)).
TAKERS = {
    "Study.status_at(date)": _status_at,
    "first_event(after)": lambda s, t: first_event(_hist(), status="good", after=t),
    "generate_with_truth(start_date)": lambda s, t: impact.synth.generate_with_truth(2, start_date=t),
    "generate_with_truth(end_date)": lambda s, t: impact.synth.generate_with_truth(2, end_date=t),
    "first_event(status_history.start_date)": lambda s, t: first_event(_hist(t), status="good"),
    "judgement_at(data.period)": lambda s, t: judgement_at(_hist(), data=pd.DataFrame(
        {"council_id": ["301"], "period": [t]})),
    "event_time(events.event_date)": lambda s, t: event_time(
        pd.DataFrame({"council_id": ["301"], "period": pd.to_datetime(["2023-03-31"])}),
        events=pd.DataFrame({"council_id": ["301"], "event_date": [t]})),
    "aggregate_successors(period)": lambda s, t: aggregate_successors(pd.DataFrame(
        {"council_id": ["940"], "period": [t], "measure": "referral_count", "value": [4000.0]}),
        measures=["referral_count"]),
    "rate_per_10k(population.period)": lambda s, t: rate_per_10k(
        pd.DataFrame({"council_id": "940", "period": pd.to_datetime(["2024-03-31"]), "measure": "referrals",
                      "value": [300.0]}),
        population=pd.DataFrame({"council_id": "940", "period": [t], "measure": "population_estimate",
                                 "value": [100000.0]}), measure="referrals"),
}


@pytest.fixture(scope="module")
def example():
    return impact.load_study(impact.example_path(), validate=False)


@pytest.mark.parametrize("taker", TAKERS)
@pytest.mark.parametrize(("text", "says"), REFUSED, ids=[t for t, _ in REFUSED])
def test_every_date_the_api_takes_refuses_what_a_study_s_file_refuses_in_its_words(example, file_words, taker,
                                                                                   text, says):
    # On integ75's head pandas read each but the Japanese era date (2024/03/05 as 5 March, 2024-03-05T23:30:00Z as
    # 23:30 in UTC, '2024-03-05 2024-04-01' as 2024-03-05 20:24) and the call went on.
    with pytest.raises(InputError) as info:
        TAKERS[taker](example, text)
    said = str(info.value)
    assert repr(text) in said
    # the file's words: the parenthesis after 'a date as YYYY-MM-DD', whole
    inner = file_words[text].removeprefix("a date as YYYY-MM-DD (").removesuffix(")")
    assert inner in said, (said, inner)


def test_a_date_the_api_and_a_file_read_is_the_same_day(example):
    # ISO with one digit, day/month/year with a day above 12, a midnight time as spreadsheets add: read alike (and
    # a date pandas cannot hold is refused saying so: on the head aggregate_successors raised OutOfBoundsDatetime).
    cid = example.councils["council_id"].iloc[0]
    for text in ("2013-4-13", "13/04/2013", "13/04/2013 00:00:00", "2013-04-13T00:00:00"):
        assert example.status_at(cid, text) == example.status_at(cid, "2013-04-13"), text
    with pytest.raises(InputError, match=r"pandas holds dates from 1677-09-22 to 2262-04-11 only"):
        TAKERS["aggregate_successors(period)"](example, "2999-03-31")


# --------------------------------------------------------------------------- 2. .ods and .xls date cells

needs_soffice = pytest.mark.skipif(SOFFICE is None or not READERS,
                                   reason="LibreOffice makes the test workbooks; python-calamine reads them")


def _convert(book: Path, to: str, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", to,
                    "--outdir", str(out), str(book)], check=True, capture_output=True, timeout=600)
    made = out / f"{book.stem}.{to}"
    assert made.is_file()
    return made


def _as_study(folder: Path, book: Path, where: Path) -> Path:
    """``folder`` (its tables in study.xlsx) with ``book`` for its workbook, copied to ``where`` (a new folder)."""
    shutil.copytree(folder, where, ignore=shutil.ignore_patterns("study.xlsx", "out"))
    shutil.copy(book, where / f"study{book.suffix}")
    return where


#: Date formats as Excel set for East Asia saves them: (format code, built-in id the workbook names it by alone, or
#: None for a format the workbook spells out).  ECMA-376 Part 1, 18.8.30: 27 '[$-411]ge.m.d' and 31
#: 'yyyy"年"m"月"d"日"' (Japanese), 57 '[$-404]e/m/d' (Chinese, Taiwan), 58 'm"月"d"日"' (Chinese, PRC).
EAST_ASIAN = [("x", 27), ("x", 28), ("x", 29), ("x", 30), ("x", 31), ("x", 36), ("x", 50), ("x", 55), ("x", 57),
              ("x", 58), ("x", 71), ("x", 78), ('yyyy"年"m"月"d"日"', None), ('[$-411]ggge"年"m"月"d"日"', None),
              ('yyyy"년" m"월" d"일"', None), ("[$-404]e/m/d", None), ("[$-411]ge.m.d", None)]
#: Built-in ids LibreOffice reads as a time or a duration (as its own mapping of Excel's ids has them) and so saves
#: a date cell of as a length of time in an .ods (32-35, 76, 77, 79-81) or .xls (80: '[h]:mm:ss' in LibreOffice's).
AS_TIME = {"ods": [32, 33, 34, 35, 76, 77, 79, 80, 81], "xls": [80]}


def _styled(folder: Path, formats: list[tuple[str, int | None]], rng: np.random.Generator) -> tuple[Path, dict]:
    """``folder``'s tables as study.xlsx, each date cell given a format of ``formats`` drawn (the ids alone, as
    Excel set for that language saves them): the workbook, and (sheet, row, column letter) -> (date, id or code)."""
    book = to_workbook(folder)
    wb = openpyxl.load_workbook(book)
    codes, shown = {}, {}
    for table, column in DATE_COLUMNS:
        ws = wb[table]
        j = [c.value for c in ws[1]].index(column) + 1
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(r, j)
            if not isinstance(cell.value, dt.datetime):
                continue
            code, ident = formats[int(rng.integers(len(formats)))]
            if ident is not None:
                code = f'yyyy-mm-dd;"{ident}"'  # a code of its own per id, rewritten as the id alone
                codes[code] = ident
            cell.number_format = code
            shown[(table, r, cell.column_letter + f" ({column})")] = (cell.value.date(), ident or code)
    wb.save(book)
    _as_built_in(book, codes)
    return book, shown


@needs_soffice
@pytest.mark.parametrize("to", ["ods", "xls"])
def test_a_workbook_s_east_asian_date_cells_saved_as_ods_or_xls_are_the_dates(to, study_dir, tmp_path):
    # A guard the brief asked for (python-calamine reads these as dates on the head too): every date cell of the
    # tiny study in an East Asian format, the workbook saved by LibreOffice as .ods or .xls, is the CSV's date.
    want = {t: load_study(study_dir).table(t) for t, _ in DATE_COLUMNS}
    book, _ = _styled(study_dir, EAST_ASIAN, np.random.default_rng(7301))
    folder = _as_study(study_dir, _convert(book, to, tmp_path / "out"), tmp_path / "as-book")
    study = load_study(folder)
    for table, column in DATE_COLUMNS:
        assert study.table(table)[column].tolist() == want[table][column].tolist(), (table, column)


def _ids_alone(xls: Path, code: str, ident: int) -> None:
    """Rewrite ``xls``'s cell formats (XF records, [MS-XLS] 2.4.353: the number format id at byte 2) naming the
    FORMAT record of ``code`` as the built-in ``ident``, which no FORMAT record defines: as Excel set for Japanese
    or Chinese saves a date format (xlrd's formatting.py reads ids 27-36 and 50-58 as dates for this)."""
    import olefile

    with olefile.OleFileIO(str(xls), write_mode=True) as ole:
        data = bytearray(ole.openstream("Workbook").read())
        records, at = [], 0
        while at + 4 <= len(data):
            kind, size = struct.unpack_from("<HH", data, at)
            records.append((kind, at + 4, size))
            at += 4 + size
        own = [struct.unpack_from("<H", data, b)[0] for kind, b, n in records if kind == 0x041E
               and data[b + 5: b + n].decode("utf-16-le" if data[b + 4] & 1 else "latin-1") == code]
        assert len(own) == 1, own
        for kind, b, _ in records:
            if kind == 0x00E0 and struct.unpack_from("<H", data, b + 2)[0] == own[0]:
                struct.pack_into("<H", data, b + 2, ident)
        ole.write_stream("Workbook", bytes(data))


@pytest.fixture(scope="module")
def xls_of_dates(_tiny_study_folder, tmp_path_factory) -> tuple[Path, Path, list]:
    """The tiny study's tables in study.xls, saved by LibreOffice, its interview dates in the format 'yyyy/m/d' (a
    FORMAT record of LibreOffice's own): the folder, the workbook and the interview dates the CSV gives."""
    folder = tmp_path_factory.mktemp("round73-xls") / "study"
    shutil.copytree(_tiny_study_folder, folder)
    want = load_study(folder).table("interviews")["date"].tolist()
    book = to_workbook(folder)
    wb = openpyxl.load_workbook(book)
    ws = wb["interviews"]
    j = [c.value for c in ws[1]].index("date") + 1
    for r in range(2, ws.max_row + 1):
        ws.cell(r, j).number_format = "yyyy/m/d"
    wb.save(book)
    return folder, _convert(book, "xls", folder.parent / "out"), want


@needs_soffice
@pytest.mark.parametrize("ident", [27, 31, 36, 55, 57, 58, 71, 81])
def test_an_xls_naming_an_east_asian_date_format_by_id_alone_is_read_as_its_dates(ident, xls_of_dates, tmp_path):
    # The XF of the dates names the id alone.  On integ75's head calamine read 27-36 and 50-58 as dates, but the
    # Thai ids 71-81 as the serial number (40603), refused as 'an Excel date serial number'.
    folder, xls, want = xls_of_dates
    shutil.copy(xls, tmp_path / "study.xls")
    _ids_alone(tmp_path / "study.xls", "yyyy/m/d", ident)
    assert load_study(_as_study(folder, tmp_path / "study.xls", tmp_path / "as-book")).table("interviews")[
        "date"].tolist() == want


@needs_soffice
@pytest.mark.parametrize("to", ["ods", "xls"])
def test_a_date_cell_saved_as_a_length_of_time_is_refused_naming_the_date_it_holds(to, study_dir, tmp_path):
    # On integ75's head each was "'PT974472H00M00S' - expected a date as YYYY-MM-DD" (.ods) or "'41049 days,
    # 0:00:00' - expected a date as YYYY-MM-DD" (.xls), the date it holds not named.
    book, shown = _styled(study_dir, [("x", k) for k in AS_TIME[to]], np.random.default_rng(7302))
    folder = _as_study(study_dir, _convert(book, to, tmp_path / "out"), tmp_path / "as-book")
    told = _told(folder)
    want = {(f"study.{to} (sheet '{t}')", r, c): day for (t, r, c), (day, _) in shown.items()}
    assert set(told) == set(want)
    for where, day in want.items():
        value, said = told[where]
        hours = (day - dt.date(1899, 12, 30)).days * 24  # as LibreOffice counts a date: days from 1899-12-30
        assert value == f"PT{hours}H00M00S", (where, value)
        assert said == (f"a date as YYYY-MM-DD (a length of time, {hours // 24} days, as a sheet holds a cell "
                        "formatted as a time or a duration: a date so formatted? Counted from 1899-12-30, as Excel "
                        f"and LibreOffice count days, it is {day:%Y-%m-%d}; format the column as a date, YYYY-MM-DD, "
                        "before saving)"), where


# --------------------------------------------------------------------------- 3. other calendars

#: First day and first Gregorian year of the Japanese eras the study's dates and these tests reach.
HEISEI, REIWA = dt.date(1989, 1, 8), dt.date(2019, 5, 1)


def _era(day: dt.date) -> tuple[str, str, int]:
    return ("平成", "H", day.year - 1988) if day < REIWA else ("令和", "R", day.year - 2018)


#: A date of another calendar, written from the Gregorian date meant: name -> write(day).
CALENDARS = {
    "japanese-kanji": lambda d: f"{_era(d)[0]}{_era(d)[2]}年{d.month}月{d.day}日",
    "japanese-initial-dots": lambda d: f"{_era(d)[1]}{_era(d)[2]}.{d.month}.{d.day}",
    "japanese-initial-slashes": lambda d: f"{_era(d)[1]}{_era(d)[2]:02d}/{d.month:02d}/{d.day:02d}",
    "japanese-full-width": lambda d: f"{_era(d)[0]}{_full_width(str(_era(d)[2]))}年{_full_width(str(d.month))}月"
                                     f"{_full_width(str(d.day))}日",
    "minguo": lambda d: f"民國{d.year - 1911}年{d.month}月{d.day}日",
}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_of_another_calendar_is_refused_naming_the_gregorian_date_meant(seed, study_dir):
    # On integ75's head each was 'a date as YYYY-MM-DD' alone.
    layouts = {k: (w, lambda d: f"write it as YYYY-MM-DD: {d:%Y-%m-%d})") for k, w in CALENDARS.items()}
    planted = _plant(np.random.default_rng(seed), study_dir, layouts)
    told = _told(study_dir)
    assert set(told) == set(planted)
    for where, (written, says) in planted.items():
        assert told[where][0] == written
        assert told[where][1].startswith("a date as YYYY-MM-DD (a date of the ") and told[where][1].endswith(says)
        assert "impact reads Gregorian dates only, converting none" in told[where][1]


@pytest.mark.parametrize(("written", "says"), [
    ("令和6年3月5日", "write it as YYYY-MM-DD: 2024-03-05"),
    ("R6.3.5", "write it as YYYY-MM-DD: 2024-03-05"),
    ("令和元年5月1日", "write it as YYYY-MM-DD: 2019-05-01"),  # 元年: an era's first year
    ("H31/4/30", "write it as YYYY-MM-DD: 2019-04-30"),  # Heisei's last day
    ("H31/5/1", "Heisei ran from 1989-01-08 to 2019-04-30"),  # Reiwa 1: no day of Heisei
    ("R1.4.30", "Reiwa ran from 2019-05-01"),
    ("民國113年3月5日", "write it as YYYY-MM-DD: 2024-03-05"),
    ("113/03/05", "a year of the Republic of China (Minguo) calendar, as Excel set for Taiwan writes one? Then it "
                  "is 2024-03-05"),
    ("平成31年2月29日", "2019-02 has no day 29"),
])
def test_status_at_refuses_another_calendar_s_date_as_a_file_does(example, written, says):
    # On integ75's head: 'must be a date such as ...' alone ('113/03/05' too, which pandas does not read).
    with pytest.raises(InputError) as info:
        _status_at(example, written)
    assert says in str(info.value)
    assert says in impact.schema.parse_cell(written, "date")[1]


# --------------------------------------------------------------------------- 4. a red team's date cells

def _ordinal(n: int) -> str:
    """The English ending of a day's number: 1st, 2nd, 3rd, 4th, 11th, 21st."""
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


#: What a tester writes in a date cell, from the date meant: name -> (write(day), what the message says).
HOSTILE = {
    "ordinal-day": (lambda d: f"{d.day}{_ordinal(d.day)} {d:%B %Y}", lambda d: f"(write it as YYYY-MM-DD: {d:%Y-%m-%d})"),
    "excel-d-mmm-yyyy": (lambda d: f"{d:%d-%b-%Y}", lambda d: f"(write it as YYYY-MM-DD: {d:%Y-%m-%d})"),
    "month-day-no-comma": (lambda d: f"{d:%b} {d.day} {d.year}", lambda d: f"(write it as YYYY-MM-DD: {d:%Y-%m-%d})"),
    "two-dates": (lambda d: f"{d:%Y-%m-%d} to {d + dt.timedelta(days=30):%d/%m/%Y}",
                  lambda d: f"(it holds 2 dates, '{d:%Y-%m-%d}' and '{d + dt.timedelta(days=30):%d/%m/%Y}': write one "
                            "date to a cell, the one this column holds, as YYYY-MM-DD)"),
    "length-of-time": (lambda d: f"PT{(d - dt.date(1899, 12, 30)).days * 24}H00M00S",
                       lambda d: f"it is {d:%Y-%m-%d}; format the column as a date, YYYY-MM-DD, before saving)"),
    "named-month-two-digit-year": (lambda d: f"{d.day}-{d:%b-%y}",
                                   lambda d: "(the year has two digits, which may be 19.. or 20..: write the year in "
                                             "full, as YYYY-MM-DD)"),
}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_red_team_s_date_cells_are_each_told_at_their_row_and_column_in_one_error(seed, study_dir):
    # On integ75's head each was 'a date as YYYY-MM-DD' alone.
    planted = _plant(np.random.default_rng(seed + 10), study_dir, HOSTILE)
    told = _told(study_dir)
    assert set(told) == set(planted)  # every cell, in the one error load_study raises
    for where, (written, says) in planted.items():
        assert told[where][0] == written, where
        assert told[where][1].startswith("a date as YYYY-MM-DD (") and told[where][1].endswith(says), told[where]


@pytest.mark.parametrize("name", HOSTILE)
def test_the_api_refuses_a_red_team_s_date_in_the_file_s_words(example, name):
    # On integ75's head pandas read 'ordinal-day', 'excel-d-mmm-yyyy', 'month-day-no-comma' and 'two-dates' (as
    # a date and a time of day); the others were refused without the date meant.
    write, says = HOSTILE[name]
    day = dt.date(2013, 4, 3)
    with pytest.raises(InputError) as info:
        _status_at(example, write(day))
    assert says(day).removeprefix("(").removesuffix(")") in str(info.value)
