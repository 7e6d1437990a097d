"""Render a :class:`~impact.report.Report` as one self-contained HTML file.

The page needs nothing but itself: figures are base64 PNG data URIs, the CSS
is inline, there are no scripts, web fonts or external links, and a
Content-Security-Policy forbids fetching anything, so it reads the same
offline, from an e-mail attachment or from an archive.  All text is escaped
by jinja2's autoescape.  Print CSS starts each section but the first (the
summary, under the title on page 1) on a new page, keeps table rows and
figures whole, repeats table headers, sizes the columns for the printed page and
hides the contents.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from .._textwidth import arial_width, heading_units
from .._version import __version__
from ._alt import figure_alt_text
from ._format import (
    LANGUAGE,
    clean_text,
    detail_note,
    grouped_names,
    header_groups,
    report_provenance,
    spanning_parts,
    symbol_key,
    table_display,
    table_notes,
    withheld_notes,
)
from ._images import Image, rasterise
from ._layout import (
    _lone_word,
    breaks_a_word,
    fit_columns,
    identifying_columns,
    mean_lines,
    mend_breaks,
    split_columns,
    wrapped_lines,
)
from ._model import Bullets, Callout, Figure, Paragraph, Quote, Report, Table

__all__ = ["render_html"]

_TEMPLATE = "report.html.j2"

# CSS px of the layout in report.html.j2 (keep in step with its stylesheet).
_COLUMN_PX = 912.0  # body max-width 60rem minus 2 x 1.5rem padding
_SCREEN = {"normal": (14.72, 20.2), "compact": (12.8, 13.8)}  # font px, horizontal cell padding + border px
_PRINT = {"portrait": 680.0, "landscape": 1000.0, "font": 12.0, "padding": 11.0}  # A4 at 96 px/in, 15 mm margins
#: Mean lines a printed table's row wraps to in portrait from which it prints on a landscape page where that takes a
#: line a row off (:func:`_print_landscape`): a turn of the page costs the rest of the page before it, and rows of two
#: or three lines read well enough (the 6-council study's tables at 2.4 to 2.6 lines a row took three pages more);
#: every row on three lines does not (the example's Table 15, part 2, printed portrait at 3.0 lines a row where a
#: landscape page set it at 1.6: the limit was one past it).
_PRINT_WRAPPED = 3.0
#: ... and beyond which it does so where portrait leaves a heading ending on a line of one short word and landscape
#: does not (_layout._lone_word).
_WRAPPED_LINES = 2.0
#: A table of at most this many rows is printed whole on one page (a split left its last rows or notes alone).
_KEEP_ROWS = 15
#: "About this report" (dl.provenance in report.html.j2): its font px (.9rem), the widest its item column is (18rem)
#: and the gap between the columns (1rem), on screen and printed alike.
_ABOUT = {"font": 14.4, "item": 288.0, "gap": 16.0}
#: A table's note printed (p.table-notes, .88rem at line-height 1.5, px), and the share of a printed page (A4 less
#: 15 mm margins, 1009 px) beyond which it is too long to keep whole with the table's last row.
_NOTE = {"font": 14.08, "line": 1.5, "page": 1009.0, "share": 1 / 3}


def _long_note(notes: str) -> bool:
    """Whether a table's note, printed at a portrait page's width, takes more than a third of the page."""
    lines = wrapped_lines(notes, _PRINT["portrait"], _NOTE["font"]) if notes else 0
    return lines * _NOTE["font"] * _NOTE["line"] > _NOTE["share"] * _NOTE["page"]


def _about(items: list[tuple[str, str]]) -> list[str]:
    """The class of each value of "About this report": on a line of its own under its item, across the page
    (``own-line-screen``, ``own-line-print``), where a word of it is too wide for the value column there and would
    be broken (a 64-character fingerprint, about 510 px, in a printed column of 376 px)."""
    columns = {"screen": _COLUMN_PX - _ABOUT["item"] - _ABOUT["gap"],
               "print": _PRINT["portrait"] - _ABOUT["item"] - _ABOUT["gap"]}
    return [" ".join(f"own-line-{media}" for media, width in columns.items()
                     if breaks_a_word(str(value), width, size=_ABOUT["font"])) for _, value in items]


def _table_layout(headers: list[str], rows: list[list[str]], numeric: list[bool], key_columns: int) -> tuple[str, list[list[int]]]:
    """(class, column parts) so that the table fits the page's column: normal, compact, or split into parts."""
    for density, (font, padding) in _SCREEN.items():
        if fit_columns(headers, rows, _COLUMN_PX, size=font, padding=padding, nowrap=numeric).fits:
            return density, [list(range(len(headers)))]
    font, padding = _SCREEN["compact"]
    plan = fit_columns(headers, rows, _COLUMN_PX, size=font, padding=padding, nowrap=numeric)
    return "compact", split_columns(plan.minimum, _COLUMN_PX,
                                     key_columns=identifying_columns(rows, numeric, key_columns))


def _column_shares(headers: list[str], rows: list[list[str]], numeric: list[bool], density: str,
                   spanning: Sequence[tuple[Sequence[int], str]] = ()) -> list[float]:
    """Each column's share of a table part's width (per cent, one decimal), as the layout sizes the columns for the
    page's column at the part's type size (:func:`fit_columns`, as Word's columns): without them Chromium shared
    the width by each column's longest cell and squeezed the text columns (the example's Table 8, its impacts four
    lines a row in 110 px beside seven columns of counts). A browser still gives a column at least its longest word."""
    font, padding = _SCREEN[density]
    return _shares(fit_columns(headers, rows, _COLUMN_PX, size=font, padding=padding, nowrap=numeric,
                               headings_first=True, spanning=spanning).widths)


def _print_plan(headers: list[str], rows: list[list[str]], numeric: list[bool], landscape: bool,
                spanning: Sequence[tuple[Sequence[int], str]] = ()):
    """:func:`fit_columns` of a table part at the printed page's width (portrait or landscape), type and padding, in
    Arial's own widths: the one layout both the printed shares and the choice of a landscape page read. ``spanning``:
    the shared parts of its headings over their columns (:func:`spanning_parts`), as wide together as their longest
    word: "In over not in intervention" over one narrow column of ratios, printed 33 px wide in the plan, took the 70
    its "intervention" needs from the columns beside it, and its headings printed other lines than the plan saw."""
    return fit_columns(headers, rows, _PRINT["landscape" if landscape else "portrait"], size=_PRINT["font"],
                       padding=_PRINT["padding"], nowrap=numeric, measure=arial_width, headings_first=True,
                       spanning=spanning)


def _shares(widths: tuple[float, ...]) -> list[float]:
    total = sum(widths) or 1.0
    return [round(100 * w / total, 1) for w in widths]


def _print_landscape(headers: list[str], rows: list[list[str]], numeric: list[bool],
                     spanning: Sequence[tuple[Sequence[int], str]] = ()) -> bool:
    """Whether a table part prints on a landscape page: where it does not fit a portrait one, or where its rows wrap
    there onto _PRINT_WRAPPED lines or more on average and a landscape page takes a line a row or more off them (the
    example's Table 15, part 1, printed portrait at 4.5 lines a row, its waves and "compared with" a word a line).
    Measured as the columns print (:func:`_print_plan`: Arial's widths at the printed type): the estimate these
    decisions were weighed with was up to a tenth wider than the columns it decided."""
    def lines(widths) -> float:
        return mean_lines(rows, widths, size=_PRINT["font"], padding=_PRINT["padding"], measure=arial_width)

    def lone(widths) -> bool:
        return any(_lone_word(str(h), w - _PRINT["padding"], _PRINT["font"], arial_width)
                   for h, w in zip(headers, widths, strict=True))

    portrait = _print_plan(headers, rows, numeric, False, spanning)
    if not portrait.fits:
        return True
    upright = lines(portrait.widths)
    if upright <= _WRAPPED_LINES:
        return False
    wide = _print_plan(headers, rows, numeric, True, spanning).widths
    # rows over two lines that a landscape page takes a line off, where portrait also leaves a heading on a line of
    # one short word that no column could give the room for ("Kendall's / W" beside impacts three lines a row)
    return lines(wide) <= upright - 1 and (upright >= _PRINT_WRAPPED or (lone(portrait.widths) and not lone(wide)))


def _part_widths(headers: list[str], rows: list[list[str]], numeric: list[bool], density: str,
                 spanning: Sequence[tuple[Sequence[int], str]] = ()) -> dict:
    """A table part's columns' shares on screen (``shares``) and printed (``print_shares``), whether it prints on a
    landscape page, and its headings (``heads``) with their short words bound where, printed in their columns, they
    would stand alone on a line (:func:`mend_breaks`: "Credited / to a / restructure")."""
    landscape = _print_landscape(headers, rows, numeric, spanning)
    plan = _print_plan(headers, rows, numeric, landscape, spanning)
    heads = [mend_breaks(h, w - _PRINT["padding"], _PRINT["font"], arial_width)
             for h, w in zip(headers, plan.widths, strict=True)]
    return {"shares": _column_shares(heads, rows, numeric, density, spanning), "landscape": landscape,
            "print_shares": _shares(plan.widths), "heads": heads, "print_widths": plan.widths}


def _environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(_load_template)
    # autoescape=True escapes every {{ }} whatever the template's name.
    # finalize drops the control characters HTML forbids, before escaping.
    env = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        finalize=lambda value: clean_text(value) if isinstance(value, str) and not isinstance(value, Markup) else value,
    )
    env.filters["unbroken"] = _unbroken
    return env


_HYPHENATED = re.compile(r"\w-\w")
_SPACES = re.compile(r"([^\S\u00a0]+)")


def _unbroken(text: str) -> Markup:
    """Heading ``text`` escaped, each hyphenated word, and each short word with the word it reads as one with
    (:func:`impact._textwidth.heading_units`: "95% CI", "new leadership"), in a span that does not wrap; its text
    unchanged, spaces and all.

    Browsers break a line after a hyphen, so a narrow column heading read "p-" over "value"; and the layout, which
    counts "95% CI" as one word, gave its column the room for it on one line.

    >>> str(_unbroken("Adjusted p-value 95% CI"))
    'Adjusted <span class="nw">p-value</span> <span class="nw">95% CI</span>'
    """
    parts = _SPACES.split(str(escape(clean_text(heading_units(text)))))
    return Markup("".join(f'<span class="nw">{part.replace(chr(0xA0), " ")}</span>'
                          if k % 2 == 0 and ("\u00a0" in part or _HYPHENATED.search(part)) else part
                          for k, part in enumerate(parts)))


def _load_template(name: str) -> str:
    return resources.files("impact").joinpath("_data", "templates", name).read_text(encoding="utf-8")


def _slug(text: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"
    slug, i = f"s-{base}"[:60], 2
    while slug in used:
        slug, i = f"s-{base}"[:56] + f"-{i}", i + 1
    used.add(slug)
    return slug


def _block_context(block, numbers: dict[str, int], images: Mapping[str, Image], vocabulary,
                   withheld: Mapping[int, str] | None = None) -> dict:
    prose = vocabulary.prose
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": prose(block.text)}
    if isinstance(block, Bullets):
        return {"type": "bullets", "entries": [prose(item) for item in block.items]}
    if isinstance(block, Quote):
        return {"type": "quote", "text": block.text, "attribution": block.attribution}
    if isinstance(block, Callout):
        return {"type": "callout", "text": prose(block.text), "kind": block.kind, "label": block.kind.capitalize()}
    if isinstance(block, Table) and withheld and id(block) in withheld:
        # every figure suppressed: its number, its caption and what was withheld and why, in place of its rows of "c"
        numbers["table"] += 1
        return {"type": "withheld", "name": block.name, "number": numbers["table"], "caption": prose(block.caption),
                "text": withheld[id(block)]}
    if isinstance(block, Table):
        numbers["table"] += 1
        frame = table_display(block, vocabulary)
        is_numeric = set(frame.attrs["numeric"])
        headers = [frame.attrs["labels"][c] for c in frame.columns]
        numeric = [c in is_numeric for c in frame.columns]
        rows = frame.values.tolist()
        # laid out by the headings as shown: a grouped column by its label under the shared part (header_groups)
        groups = header_groups(headers)
        # each heading's short words kept with the word they read as one with ("95% CI", "new leadership",
        # heading_units), as the template prints them (_unbroken) and as Word keeps them (render60)
        shown = [heading_units(h) for h in (groups[1] if groups else headers)]
        density, parts = _table_layout(shown, rows, numeric, block.key_columns)
        notes = " ".join(x for x in (table_notes(block, vocabulary), symbol_key(frame.attrs["symbols"])) if x)
        return {
            "type": "table",
            "name": block.name,
            "number": numbers["table"],
            "caption": prose(block.caption),
            "notes": notes,
            "long_note": _long_note(notes),
            "detail": detail_note(block, numbers["table"]) if block.detail else "",
            "density": density,
            "parts": [
                _mended_part({
                    "label": f" (part {k + 1} of {len(parts)})" if len(parts) > 1 else "",
                    "id": f"table-{block.name}" + (f"-{k + 1}" if k else ""),
                    **_heading_rows(headers, numeric, cols),
                    "rows": [[r[j] for j in cols] for r in rows],
                    "keep": len(rows) <= _KEEP_ROWS,
                    **_part_widths([shown[j] for j in cols], [[r[j] for j in cols] for r in rows],
                                   [numeric[j] for j in cols], density, spanning_parts(headers, cols)),
                })
                for k, cols in enumerate(parts)
            ],
        }
    if isinstance(block, Figure):
        numbers["figure"] += 1
        image = images.get(block.name) or rasterise(block.fig)
        return {
            "type": "figure",
            "name": block.name,
            "number": numbers["figure"],
            "caption": prose(block.caption),
            "alt_text": figure_alt_text(block, prose),
            "png_b64": base64.b64encode(image.png).decode("ascii"),
            # CSS px at 96 per inch from the 150-dpi PNG: its printed size.
            "width": round(image.width * 96 / 150),
            "height": round(image.height * 96 / 150),
        }
    raise TypeError(f"cannot render a {type(block).__name__} block")  # the model prevents this


def _mended_part(part: dict) -> dict:
    """A table part's context with each heading as printed in its column (``heads``, :func:`mend_breaks`): a column's
    heading (``head``), or its label under a shared part (``sub``); a shared part over its columns mended in their
    width together."""
    heads, widths = part.pop("heads"), part.pop("print_widths")
    for column, head in zip(part["columns"], heads, strict=True):
        column["head" if not part["upper"] else "sub"] = head if not part["upper"] or column["sub"] else column["sub"]
    j = 0
    for g in part["upper"]:
        g["text"] = mend_breaks(g["text"], sum(widths[j:j + g["span"]]) - _PRINT["padding"], _PRINT["font"],
                                arial_width) if g["grouped"] else heads[j]
        j += g["span"]
    return part


def _heading_rows(headers: list[str], numeric: list[bool], part: list[int]) -> dict:
    """The columns ``part`` of a table (each its ``name``, the label of its cells on a narrow screen: its whole heading,
    a grouped column's shared part then its label, :func:`grouped_names`)
    and, where adjacent columns of the table share a heading's part before ": " (header_groups), the ``upper`` heading
    row: that part once over its columns (over a grouped column alone in its part too), any other column's heading
    over both rows; each grouped column's ``sub`` heading below it."""
    groups = header_groups(headers, columns=part)
    numeric = [numeric[j] for j in part]
    # a grouped column's name (its cells' label on a narrow screen) as the notes and the suppression ledger name it
    names = [headers[j] for j in part]
    names = grouped_names(names, groups) if groups else names
    columns = [{"name": name, "numeric": n, "sub": ""} for name, n in zip(names, numeric, strict=True)]
    if not groups:
        return {"columns": columns, "upper": []}
    upper, j = [], 0
    for text, span, grouped in groups[0]:
        upper.append({"text": text, "span": span, "numeric": numeric[j], "grouped": grouped})
        if grouped:
            for k in range(j, j + span):
                columns[k]["sub"] = groups[1][k]
        j += span
    return {"columns": columns, "upper": upper}


#: Blocks of text that print on the page of what they lead into (:func:`_wide_lead`).
_TEXT_BLOCKS = frozenset({"paragraph", "bullets", "quote", "callout"})


def _wide_lead(blocks: list[dict]) -> list[dict]:
    """``blocks`` (a section's) with the text that leads into a table whose first part prints on a landscape page
    marked ``wide``: printed there with it (the template's ``wide-lead``), as the Word report sets a landscape table's
    introduction and as Word's keep-with-next keeps a paragraph with what follows, not on a portrait page of its own.
    The text leading in: the whole run of text blocks before the table where that run opens the section (printed with
    the section's heading, the example's "Longitudinal models": its heading and one paragraph on a page otherwise
    empty before Table 13 turned) or follows a landscape page (a table printed landscape: a portrait page of that
    text alone would stand between two landscape ones), else the last text block before it (its paragraph leading in:
    the example's Table 21, its paragraph alone on a portrait page between Tables 20 and 21)."""
    out = list(blocks)
    for k, block in enumerate(blocks):
        if block["type"] != "table" or block.get("detail") or not block["parts"][0]["landscape"]:
            continue
        start = k
        while start > 0 and blocks[start - 1]["type"] in _TEXT_BLOCKS:
            start -= 1
        if start == k:
            continue
        before = blocks[start - 1] if start > 0 else None
        whole = before is None or (before["type"] == "table" and not before.get("detail")
                                   and before["parts"][-1]["landscape"])
        for j in range(start if whole else k - 1, k):
            out[j] = {**blocks[j], "wide": True}
    return out


def _kept_together(blocks: list[dict]) -> list[dict]:
    """``blocks`` with each folded (detail) table and the figure after it in one "keep" block, printed on one page.

    Only a folded table's caption is printed, and the figure below draws it: printed from Chromium, the caption stood
    alone at the foot of a page and its figure on the next (the example report, Table 17).
    """
    out: list[dict] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (block["type"] == "figure" and previous is not None and previous["type"] == "table"
                and previous["detail"]):
            out[-1] = {"type": "keep", "blocks": [previous, block]}
        else:
            out.append(block)
    return out


def render_html(report: Report, *, images: Mapping[str, Image] | None = None) -> str:
    """Render ``report`` as a self-contained HTML page.

    Parameters
    ----------
    report : Report
    images : mapping of figure name to Image, optional
        Figures already rasterised (by :func:`impact.report.render`), so they
        are drawn once for every output.

    Returns
    -------
    str
        The page.

    Examples
    --------
    >>> from impact.report import Report, Section, Paragraph
    >>> page = render_html(Report("Impact <2013>", "", {}, [Section("Summary", [Paragraph("a & b")])]))
    >>> "Impact &lt;2013&gt;" in page and "a &amp; b" in page and 'lang="en-GB"' in page
    True
    """
    if not isinstance(report, Report):
        raise TypeError(f"`report` must be an impact.report.Report, but {type(report).__name__} was passed.")
    images = images or {}
    numbers = {"table": 0, "figure": 0}
    withheld = withheld_notes(report)
    used: set[str] = {"provenance", "main", "toc-heading"}
    sections = [
        {
            "id": _slug(section.title, used),
            "title": report.vocabulary.prose(section.title),
            "blocks": _kept_together(_wide_lead([_block_context(b, numbers, images, report.vocabulary, withheld)
                                                 for b in section.blocks])),
        }
        for section in report.sections
    ]
    for section in sections:
        section["wide"] = bool(section["blocks"]) and section["blocks"][0].get("wide", False)
    template = _environment().get_template(_TEMPLATE)
    provenance = report_provenance(report.provenance, report.vocabulary)
    return template.render(
        report=report,
        sections=sections,
        provenance=provenance,
        classes=_about(provenance),
        date=f"{report.date.day} {report.date:%B %Y}" if report.date is not None else "",
        version=__version__,
        language=LANGUAGE,
    )
