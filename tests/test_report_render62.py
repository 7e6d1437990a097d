"""What the reader sees, round 62 (render62): the units a heading keeps whole, and the workbook's headings.

1. :func:`impact._textwidth.heading_units` bound a short word to the word after it whatever that word was: the
   About section's "Framework matrix with a row per council" kept "row per" on one line, Table 8's "under way before
   the review" "way before", and "Councils not in intervention" "not in", pairs no reader reads as one. It now binds
   a short word (or a number) only to a word that ends its phrase, never to a preposition or conjunction ("a row /
   per council", "10,000 children)").
2. The workbook wrapped inside those units ("Councils not / interviewed", "95% / CI", "making a / suggestion").
   render61 widened each column to its heading's widest unit and was reverted: a sheet narrowed to its page then set
   a body cell at a width where Excel wraps it onto a line more than LibreOffice (the example's Table 7, round 48).
   The units are now kept whole by setting a heading's lines, and by widening a column only where no row then takes
   a different number of lines in Excel and LibreOffice.

The workbook tables are generated with seeds the project had not used, in the shapes of the example's table of
credits (Table 10) and its shares by wave and status (Table 7: the shape render61's widths broke).
"""

from __future__ import annotations

import io
import random
import re

import lxml.html
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter
from test_report_render58 import WAVES, _credits, _reported
from test_report_render_round56 import _wrap

from impact._textwidth import arial_width, excel_pixels, heading_units
from impact._xlsx import PAGE_POINTS, printed_points
from impact.report import Report, Section, Table, render_html, render_xlsx

SEEDS = (6261, 6262, 6263, 6264)

#: Headings and the pairs a reader reads as one in each (a short word or a number with the word it belongs to), the
#: report's own (the About section's, Tables 8, 9 and 19's) and others of the same kinds. Read, not computed.
READ_AS_ONE = {
    "Framework matrix with a row per council": {"a row"},
    "under way before the review, not reported after": {"the review,", "not reported"},
    "Councils not in intervention": set(),
    "One in five councils": set(),
    "Way of working": set(),
    "ratio of the odds ratios": set(),
    "Children in need (per 10,000 children)": {"10,000 children)"},
    "Early impact (about 3 months after)": {"3 months"},
    "Statements reporting an impact": {"an impact"},
    "95% CI, lower": {"95% CI,"},
    "Credited to new leadership": {"new leadership"},
    "Time spent on a case per day": {"a case", "per day"},
    "Participants who raised it": {"raised it"},
}


def _pairs(text: str) -> set[str]:
    return {unit.replace("\u00a0", " ") for unit in heading_units(text).split(" ") if "\u00a0" in unit}


@pytest.mark.parametrize("text", sorted(READ_AS_ONE))
def test_a_heading_binds_only_the_words_a_reader_reads_as_one(text):
    """Each heading's bound pairs are those a reader reads as one: main bound "row per", "way before", "not in", "One
    in", "Way of" and "the odds" (of "odds ratios"), and left "10,000 / children)" free."""
    assert _pairs(text) == READ_AS_ONE[text]


#: The pairs main bound that no reader reads as one, in the headings above.
ODD = ("row per", "way before", "not in", "One in", "Way of", "the odds")


def test_the_web_page_keeps_those_pairs_whole_and_no_odd_one():
    """The web page's headings hold each of those pairs in a span that does not wrap (the layout may bind a short
    word more where its column is narrow), and none of the pairs main bound that read oddly."""
    labels = {f"c{k}": text for k, text in enumerate(sorted(READ_AS_ONE))}
    data = pd.DataFrame({"what": ["a", "b"], **{c: [1, 2] for c in labels}})
    page = render_html(Report("R", "", {}, [Section("S", [
        Table("t", data, "Headings", labels={"what": "What", **labels},
              columns_format={"what": "text", **{c: "int" for c in labels}})])]))
    held: dict[str, list[str]] = {}
    for th in lxml.html.fromstring(page).xpath("//thead//th"):
        held[" ".join(th.text_content().split())] = [" ".join(s.text_content().split())
                                                     for s in th.xpath(".//span[@class='nw']")]
    assert set(READ_AS_ONE) <= set(held), sorted(held)
    missing = {t: u for t, units in READ_AS_ONE.items() for u in units if not any(u in s for s in held[t])}
    odd = {t: s for t in READ_AS_ONE for s in held[t] if any(re.search(rf"\b{o}\b", s) for o in ODD)}
    assert not missing, missing
    assert not odd, odd


@pytest.fixture(scope="module")
def vocabulary():
    """The report's own vocabulary (the tiny study's report): the labels every table of credits is headed by."""
    from conftest import report_of, tiny_analysed

    return report_of(tiny_analysed())[0].vocabulary


def _rooms(width: float) -> tuple[tuple[float, object], tuple[float, object]]:
    """(room, measure of a bold line) in Excel and in LibreOffice of a column ``width`` wide: Excel's ``7 w - 5``
    pixels (letters at whole pixels), LibreOffice's ``w`` digits of 5.55 pt less 2 pt of margin (measured,
    impact/_xlsx.py)."""
    return ((round(width * 7) - 5, lambda t, b=True: excel_pixels(t, 10.0, bold=b)),
            (width * 5.55 - 2, lambda t, b=True: arial_width(t, 10.0, bold=b)))


def _read(book: bytes) -> tuple[list[tuple], int, list[tuple], int]:
    """Of the workbook's table sheets: each heading unit (of more than one word) Excel or LibreOffice prints broken
    across lines where it fits its column with a character to spare or the sheet has room, how many units were read, each row (but heading rows with merged cells) whose height is not Excel's
    lines or whose lines in Excel and LibreOffice differ (one printed blank), and how many rows were read."""
    wb = openpyxl.load_workbook(io.BytesIO(book))
    broken, units_seen, apart, rows_seen = [], 0, [], 0
    for ws in wb.worksheets:
        if not ws.print_title_rows or ws.max_column < 2:  # (a withheld table's sheet says why in a sentence)
            continue
        header = int(ws.print_title_rows.split(":")[-1].lstrip("$"))
        width = {j: ws.column_dimensions[get_column_letter(j)].width for j in range(1, ws.max_column + 1)}
        spans = {(r.min_row, r.min_col): r.max_col for r in ws.merged_cells.ranges}
        for row in ws.iter_rows(min_row=1, max_row=header):
            for cell in row:
                if not isinstance(cell.value, str) or not cell.value.strip():
                    continue
                end = spans.get((cell.row, cell.column), cell.column)
                room = sum(width[j] for j in range(cell.column, end + 1)) - 12 / 7 * (cell.alignment.indent or 0)
                units = _pairs(" ".join(cell.value.split()))
                units_seen += len(units)
                # a unit may break only where it is wider than its column less a character's gap (in either program)
                # and the sheet has no room to widen the column by as much: it would print wider than a landscape page
                # at 75%
                rooms = list(zip(_rooms(room), (7, 5.55), strict=True))
                for u in units:
                    short = max((measure(u) - (space - unit)) / unit for (space, measure), unit in rooms)
                    room_for_it = printed_points({**width, end: width[end] + max(short, 0.0)}) <= PAGE_POINTS[True] / 0.75
                    for (space, measure), _ in rooms:
                        lines = [" ".join(x) for part in cell.value.split("\n") for x in _wrap(part, space, measure)]
                        if not any(u in x for x in lines) and (short <= 0 or room_for_it):
                            broken.append((ws.title, cell.coordinate, u, lines))
        merged = {r for rng in ws.merged_cells.ranges for r in range(rng.min_row, rng.max_row + 1)}
        for row in ws.iter_rows():
            if row[0].row in merged:
                continue
            counts = [1, 1]
            for cell in row:
                if isinstance(cell.value, str) and cell.value and cell.alignment.wrap_text:
                    room = width[cell.column] - 12 / 7 * (cell.alignment.indent or 0)
                    for k, (space, measure) in enumerate(_rooms(room)):
                        counts[k] = max(counts[k], len(_wrap(cell.value, space,
                                                             lambda t, m=measure, b=bool(cell.font.b): m(t, b))))
            rows_seen += 1
            height = ws.row_dimensions[row[0].row].height or 12.75
            if round(height / 12.75, 2) != counts[0] or counts[0] != counts[1]:
                apart.append((ws.title, row[0].row, height, *counts))
    return broken, units_seen, apart, rows_seen


#: Parts of the review and factors, as the example's Table 25 names them.
PARTS = ["Preparation and lead-in", "The on-site days", "The feedback session", "Written feedback and the report",
         "The action-planning workshop and drawing up the response", "Ongoing monitoring of the action plan",
         "The review team's credibility", "Flexibility, focus and depth of the method"]


def _attrition(seed: int) -> Table:
    """The example's Table 4 in shape: councils and participants interviewed and not, at each wave."""
    rng = random.Random(seed)
    rows = []
    for wave in WAVES:
        councils, people = rng.randint(5, 60), rng.randint(30, 300)
        gone, lost = rng.randint(0, councils // 4), rng.randint(0, people // 4)
        rows.append({"wave": wave, "c_in": councils - gone, "c_out": gone, "p_in": people - lost, "p_out": lost})
    return Table(f"attrition_{seed}", pd.DataFrame(rows), "Attrition",
                 columns_format={"wave": "text", **{k: "int" for k in ("c_in", "c_out", "p_in", "p_out")}},
                 labels={"wave": "Wave", "c_in": "Councils interviewed", "c_out": "Councils not interviewed",
                         "p_in": "Participants interviewed", "p_out": "Participants not interviewed"})


def _valence(seed: int) -> Table:
    """The example's Table 25 in shape: the participants raising each part of the review, and whether it helped or
    hindered; some rows' figures suppressed ("c")."""
    rng = random.Random(seed)
    rows = []
    for part in rng.sample(PARTS, rng.randint(4, len(PARTS))):
        n = rng.randint(5, 300)
        helped = rng.randint(0, n)
        hindered = rng.randint(0, n - helped)
        both = rng.randint(0, n - helped - hindered)
        rows.append({"part": part, "n": n, "helped": helped, "hindered": hindered, "both": both,
                     "neither": n - helped - hindered - both})
    for row in rng.sample(rows, rng.randint(0, 2)):
        row.update({k: "c" for k in ("helped", "hindered", "both", "neither")})
    return Table(f"valence_{seed}", pd.DataFrame(rows), "Parts of the review by valence",
                 columns_format={"part": "text", **{k: "int" for k in ("n", "helped", "hindered", "both", "neither")}},
                 labels={"part": "Part of the review or factor", "n": "Participants who raised it",
                         "helped": "Said it helped", "hindered": "Said it hindered", "both": "Said both",
                         "neither": "Said neither"})


@pytest.mark.parametrize("seed", SEEDS)
def test_workbook_keeps_heading_units_whole_and_rows_alike(seed, vocabulary):
    """Every heading unit ("not interviewed", "it helped", "reporting it", "not available") is on one line of its
    cell in Excel and in LibreOffice where the sheet has the room, and every row is as tall as Excel's lines of it
    with as many in LibreOffice: main broke "Councils not / interviewed" and "Said it / helped"; render61 kept units
    whole by widths that set rows of the shares by wave a line taller in Excel than LibreOffice fills."""
    tables = [_credits(seed), _reported(seed), _attrition(seed), _valence(seed)]
    report = Report("Study", "", {"study": "demo"}, [Section("Tables", tables)], vocabulary=vocabulary)
    broken, units, apart, rows = _read(render_xlsx(report))
    assert units >= 4 and rows > 20, (units, rows)  # the shapes have units and rows to read
    assert not broken, broken
    assert not apart, apart


#: Words of the example's impacts, for the text of a column under a heading with a unit.
_WORDS = ("increased commitment and drive to improve safeguarding development of ideas plans actions promotion learning "
          "reflective practice revision policies processes systems improvement in staff morale relations").split()


def _lines_in(text: str, width: float, bold: bool = False) -> list[list[str]]:
    """``text`` (10 pt Arial, ``bold`` for a heading) as Excel and as LibreOffice wrap it in a column ``width``
    wide."""
    return [[" ".join(x) for part in text.split("\n") for x in _wrap(part, space, lambda t, m=measure: m(t, bold))]
            for space, measure in _rooms(width)]


@pytest.mark.parametrize("seed", (6271, 6272))
def test_a_unit_is_kept_whole_at_a_width_that_sets_its_column_alike(seed):
    """A column of text headed "Participants not interviewed", at widths too narrow for "not interviewed": widened
    where some width keeps the unit whole and the text below it on as many lines in Excel as in LibreOffice, to
    such a width. Main kept no unit whole by widening; render61's first width that fitted the unit set 'practice
    systems drive staff' on 3 lines in Excel and 2 in LibreOffice (11.57 -> 14.29)."""
    from openpyxl.styles import Alignment, Font

    from impact._xlsx import heading_breaks, heading_mends

    rng = random.Random(seed)
    unit, tried = "not interviewed", 0
    unfit = lambda w: any(m(unit, True) > s for s, m in _rooms(w))  # noqa: E731
    while tried < 40:
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 8)))
        w0 = round(rng.uniform(9.0, 14.0) * 7) / 7
        body = [len(lines) for lines in _lines_in(text, w0)]
        if body[0] != body[1] or not unfit(w0):
            continue
        tried += 1
        ws = openpyxl.Workbook().active
        ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "Impact", "Participants not interviewed", "x", text
        ws["A1"].font = ws["B1"].font = Font(bold=True)
        ws["B1"].alignment = Alignment(vertical="top", wrap_text=True)
        ws["B2"].alignment = Alignment(wrap_text=True)
        widths = heading_mends(ws, {1: 20.0, 2: w0}, landscape=False, only={2})
        heading_breaks(ws, widths)
        w = widths[2]
        excel, libre = (len(lines) for lines in _lines_in(text, w))
        assert excel == libre, (text, w0, w, excel, libre)
        # some width up to two characters wider holds the unit and sets the text alike: the unit is whole
        room = [w0 + p / 7 for p in range(1, 15) if not unfit(w0 + p / 7)
                and len({len(lines) for lines in _lines_in(text, w0 + p / 7)}) == 1]
        if room:
            assert all(any(unit in x for x in lines) for lines in _lines_in(ws["B1"].value, w, bold=True)), (
                text, w0, w, ws["B1"].value)
    assert tried == 40
