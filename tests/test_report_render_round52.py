"""What the reader sees, round 52: the printed web page's table columns laid out at the printed page's sizes.

The web page's column shares were worked out for the screen (912 px at 14.7 px type) and printed unchanged on a
portrait page of 680 px (a landscape one of 1000 px) at 12 px: Chromium's PDF of a 6-council study (synth seed 4906)
broke "Randomisation p" as "Randomisation / p", a heading the layout keeps on one line at the printed sizes. The
print stylesheet now sets each column's share as the layout gives it there (``--print`` on each ``col``), and the
screen keeps its own. Checked in Chromium's PDF (pdftotext -bbox): every heading prints on the lines the layout
reckons at print sizes in Arial's widths, none ends on one short word, and no word leaves its column.
"""

from __future__ import annotations

import lxml.html
import pandas as pd
import pytest

from impact._textwidth import arial_width, heading_units, wrapped_lines
from impact.report import CI, Report, Section, Table, render_html
from impact.report._layout import fit_columns

# Printed sizes in CSS px (report.html.j2's print stylesheet): A4 less 15 mm margins, 9 pt type, 4 pt padding a side.
PAGE = {False: 210, True: 297}  # mm, portrait and landscape
MARGIN_MM, FONT, PAD = 15, 12.0, 8 * 96 / 72
#: how many columns of each table hold text (the rest numbers, on one line each)
TEXT_COLUMNS = {"indicators": 1, "anticipated": 2, "wide": 1}


def _indicators() -> Table:
    """The 6-council study's Table 19 (synth seed 4906): indicators beside columns of estimates and p-values."""
    names = ["Children in need (per 10,000 children)", "Children on a child protection plan (per 10,000 children)",
             "Referrals to children's social care (per 10,000 children)",
             "Re-referrals within 12 months (% of referrals)", "Social worker turnover (%)"]
    frame = pd.DataFrame({"indicator": names, "effect": [7.85, 1.36, 10.75, -3.48, 1.65],
                          "lo": [-58.48, -33.48, -59.5, -8.1, -4.48], "hi": [74.18, 36.19, 81.0, 1.13, 7.78],
                          "p": [0.8, 0.827, 0.755, 0.111, 0.446], "rp": [0.715, 0.84, 0.62, 0.08, 0.475],
                          "rpa": [1.0, 1.0, 1.0, 0.4, 1.0], "n": [6] * 5, "m": [14, 14, 14, 15, 14]})
    return Table("indicators", frame, "Change in each indicator after the review",
                 columns_format={"effect": "diff:2", "ci": CI("lo", "hi", digits=2, signed=True), "p": "p",
                                 "rp": "p", "rpa": "p", "n": "int", "m": "int"},
                 labels={"indicator": "Indicator", "effect": "Average effect", "ci": "95% CI", "p": "p-value",
                         "rp": "Randomisation p", "rpa": "Randomisation p, adjusted", "n": "Councils reviewed",
                         "m": "Councils compared (not yet reviewed)"})


def _anticipated() -> Table:
    """Impacts by status beside counts and shares, as the expectations table: its long labels on one line printed."""
    impacts = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions",
               "Revision of policies, processes and systems", "Improvement in staff morale and relations"]
    frame = pd.DataFrame({"impact": [i for i in impacts for _ in range(2)],
                          "status": ["Not in intervention", "In intervention"] * 4,
                          "n": [472, 217] * 4, "k": [142, 55, 125, 62, 111, 49, 155, 70],
                          "share": [0.30, 0.25, 0.26, 0.29, 0.24, 0.23, 0.33, 0.32]})
    return Table("anticipated", frame, "Impacts anticipated before the review",
                 columns_format={"n": "int", "k": "int", "share": "pct:0"},
                 labels={"impact": "Impact", "status": "Intervention status", "n": "Participants interviewed",
                         "k": "Participants anticipating it", "share": "Share of those interviewed"})


def _wide() -> Table:
    """Ten columns of counts under long headings: on screen whole (compact), printed on a landscape page."""
    frame = pd.DataFrame({"impact": [f"Impact number {i} with a long descriptive label" for i in range(4)],
                          **{f"c{k}": [100 + i + k for i in range(4)] for k in range(9)}})
    labels = {"impact": "Impact", **{f"c{k}": f"Participants credited to factor {k} at any wave" for k in range(9)}}
    return Table("wide", frame, "Factors credited", columns_format={f"c{k}": "int" for k in range(9)}, labels=labels)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """(page, [(heading, its lines' words' boxes)] per table, [(cells' words) per row] per table) from Chromium's PDF."""
    from conftest import browser_path, printed_pdf_pages

    browser = browser_path()
    if browser is None:
        pytest.skip("no Chromium or Chrome on PATH (apt-get install chromium) - the printed web page is not checked")
    work = tmp_path_factory.mktemp("round52")
    report = Report("Printed columns", "", {"study": "demo"},
                    [Section("Tables", [_indicators(), _anticipated()]), Section("Wide", [_wide()])])
    page = render_html(report)
    words = [(w.text or "", float(p.get("width")), float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMin")))
             for k, p in enumerate(printed_pdf_pages(browser, page, work)) for w in p.iter("word")]
    return _table_words(page, words)


def _table_words(page: str, words) -> list:
    """(the table's wrapper's class, [(cell text, its words in ``words``) per cell] per row) of each table of the web
    ``page``, matched in order in the PDF's ``words`` ((text, ...) tuples as pdftotext wrote them)."""
    tables, pos = [], 0  # (in order: two tables of the same headings are told apart)
    for table in lxml.html.fromstring(page).iter("table"):
        rows = []
        for tr in table.xpath("./thead/tr|./tbody/tr[not(contains(@class, 'table-notes'))]"):
            cells = [" ".join(c.text_content().split()) for c in tr.xpath("./th|./td")]
            want = [x for c in cells for x in c.split()]
            at = next(i for i in range(pos, len(words) - len(want) + 1)
                      if all(words[i + k][0] == x for k, x in enumerate(want)))
            pos, found = at + len(want), []
            for text in cells:
                found.append((text, words[at:at + len(text.split())]))
                at += len(text.split())
            rows.append(found)
        tables.append((table.getparent().get("class"), rows))
    return tables


def _lines(found) -> list[list[str]]:
    lines: list[tuple[float, list[str]]] = []
    for w in found:
        if lines and abs(w[4] - lines[-1][0]) <= 2:
            lines[-1][1].append(w[0])
        else:
            lines.append((w[4], [w[0]]))
    return [ws for _, ws in lines]


def test_printed_headings_take_the_lines_the_layout_gives_them_at_print_size(printed):
    """Each heading prints on as many lines as the layout reckons for it at the printed page's width and type, in
    Arial's widths (recomputed here from fit_columns, not read from the page). On main the columns printed at the
    screen's shares: "Randomisation p" on two lines, "Intervention status" values on two."""
    checked = 0
    for (css, rows), table in zip(printed, [_indicators(), _anticipated(), _wide()], strict=True):
        landscape = "wide" in css.split()
        # (the indicators' table turns since render60 keeps every heading's units whole on the web page as in Word:
        # "yet reviewed)" widened its last column and its indicators printed 3.2 lines a row in portrait, 1 landscape)
        assert landscape == (table.name in ("wide", "indicators")), css
        width = (PAGE[landscape] - 2 * MARGIN_MM) / 25.4 * 96
        heads = [heading_units(text) for text, _ in rows[0]]
        body = [[text for text, _ in r] for r in rows[1:]]
        numeric = [j >= TEXT_COLUMNS[table.name] for j in range(len(heads))]
        widths = fit_columns(heads, body, width, size=FONT, padding=PAD, nowrap=numeric, measure=arial_width,
                             headings_first=True).widths  # (as _html._print_plan lays a printed table out)
        for (text, found), w in zip(rows[0], widths, strict=True):
            want = wrapped_lines(text, w - PAD, FONT, bold=True, measure=arial_width)
            assert len(_lines(found)) == want, (table.name, text, _lines(found), want)
            checked += 1
    assert checked == 8 + 5 + 10


def test_no_printed_heading_ends_on_one_short_word_and_no_word_leaves_its_column(printed):
    """The 6-council study's "Randomisation p" printed whole (it read "Randomisation / p" on main), and no word of a
    cell reaches into the next column or past the page's text area."""
    lone, outside = [], []
    for _, rows in printed:
        for r, row in enumerate(rows):
            for (text, found), (after, nxt) in zip(row, row[1:] + [("", [])]):
                lines = _lines(found)
                if r == 0 and len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-1][0]) <= 3:
                    lone.append((text, lines))
                if nxt and max(w[3] for w in found) > min(w[2] for w in nxt) - 0.5:
                    outside.append((text, after))
                margin = MARGIN_MM / 25.4 * 72
                outside += [(text, w[0]) for w in found if w[2] < margin - 0.5 or w[3] > w[1] - margin + 0.5]
    assert lone == [] and outside == [], (lone, outside)
    heads = {text: _lines(found) for text, found in printed[0][1][0]}
    assert heads["Randomisation p"] == [["Randomisation", "p"]], heads
