"""One name for one thing: the labels of a report checked against each other.

A reader carries a name from a figure's legend to its table, from a table's
heading to the next table's: "Longer-term change" in one place and "Longer
term change" in another, or "95% CI" beside "95 % CI", read as two things.
:func:`report_labels` collects every label a reader sees outside running text
- each table's caption, column headings and text cells (as the renderers show
them: :func:`~impact.report._format.display_frame`), each figure's caption,
titles, axis labels, tick labels, legend titles and entries and the texts
drawn on it (read from the matplotlib artists) - and :func:`label_clashes`
finds a thing named two ways: two labels that differ as written but are the
same words once case, hyphens, spacing, punctuation and the spelling of a
few connectives (``&``/"and", "vs."/"versus"/"vs", "per cent"/"%") are set
aside.  A label and the same label with a qualifier in brackets ("Early
impact" and "Early impact (about 3 months after)") are one name, short and
long, not a clash.  And the reverse, :func:`label_homonyms`: one label over two
things - a heading or legend title "Intervention status" over the status at
each wave in a table and over the status at any wave in a figure - found by
the values under it (their domains and groupings, :data:`_GROUPINGS`).

Examples
--------
>>> label_key("Longer-term change") == label_key("longer term  change")
True
>>> label_key("Councils in intervention") == label_key("Councils not in intervention")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ._format import display_frame, grouped_names
from ._labels import _GROUPINGS, _SAME_THING
from ._model import Figure, Report, Table

__all__ = ["LabelUse", "report_labels", "label_clashes", "label_homonyms", "label_key"]

_CONNECTIVES = [(re.compile(r"&"), " and "), (re.compile(r"\bversus\b|\bvs\b\.?"), " vs "),
                (re.compile(r"\bper ?cent\b|\bpercent\b"), " % ")]
_NUMBER_RE = re.compile(r"^[\s<>≤≥=~+\-−–.,:%()\d]*(?:e[+-]?\d+)?[\s%]*$|^[a-z]$|^n/a$|^c$|^x$", re.IGNORECASE)


@dataclass(frozen=True)
class LabelUse:
    """A label as a reader sees it (``text``), where (``where``: "Table 3, heading", "Figure 2, legend") and, where
    known, what it names (``thing``: a value of a vocabulary domain, ``("status", "no_intervention")``); a heading or
    legend title, what it heads (``heads``: the things of its column's cells or its legend's entries)."""

    text: str
    where: str
    thing: tuple[str, str] | None = None
    heads: tuple[tuple[str, str], ...] = ()


def label_key(text: str) -> str:
    """What a label says once its case, hyphens, spacing and punctuation are set aside."""
    key = text.casefold()
    for pattern, repl in _CONNECTIVES:
        key = pattern.sub(repl, key)
    return " ".join(re.findall(r"[^\W_]+|%", key))


def _joined(text: str) -> str:
    """A wrapped label on one line: a line ending in a hyphen joins the next without a space."""
    lines = [line.strip() for line in str(text).split("\n")]
    out = ""
    for line in lines:
        out += line if not out or out.endswith("-") else " " + line
    return out.strip()


def _is_label(text: str) -> bool:
    return bool(text) and not _NUMBER_RE.match(text) and len(text) <= 120


def _table_labels(table: Table, number: int, vocabulary) -> list[LabelUse]:
    where = f"Table {number}"
    out = [LabelUse(_joined(table.caption), f"{where}, caption")]
    # (a table of detail is in full in the workbook and its CSV: its headings and cells are read too)
    frame = display_frame(table.shown, table.columns_format, vocabulary=vocabulary, labels=table.labels,
                          value_labels=table.value_labels)
    numeric = set(frame.attrs["numeric"])
    # a column under a shared heading part read as its readers find it, and as the notes, the web page's narrow view
    # and the suppression ledger name it ("Participants › incomplete", render46)
    names = dict(zip(frame.columns, grouped_names([frame.attrs["labels"][k] for k in frame.columns]), strict=True))
    for key in frame.columns:
        heading = names[key]
        at = len(out)
        out.append(LabelUse(_joined(heading), f"{where}, heading"))
        if key in numeric:
            continue
        domain = vocabulary.domains.get(key) if key in table.shown.columns else None
        raws = table.shown[key] if domain else [None] * len(frame)
        for raw, value in dict.fromkeys(zip((None if r is None else str(r) for r in raws),
                                            (str(v) for v in frame[key]), strict=True)):
            thing = _thing(domain, raw) if domain and raw is not None and raw != value else None
            out.append(LabelUse(_joined(value), f"{where}, column {heading!r}", thing))
        heads = tuple(dict.fromkeys(u.thing for u in out[at + 1:] if u.thing))
        out[at] = LabelUse(out[at].text, out[at].where, heads=heads)
    return out


def _thing(domain: str, value: str) -> tuple[str, str]:
    """What a value of a domain names: itself, or the value it is another machine name of (:data:`_SAME_THING`)."""
    return domain, _SAME_THING.get(domain, {}).get(value, value)


def _things_named(vocabulary) -> dict[str, tuple[str, str]]:
    """Each label the vocabulary gives a domain's value (less a qualifier in brackets, by its key) to the thing it
    names, where it names one thing only: how a figure's tick or legend entry, drawn as text, is known."""
    found: dict[str, set] = {}
    for domain, mapping in vocabulary.values.items():
        for value, label in mapping.items():
            found.setdefault(label_key(_bare(label)), set()).add(_thing(domain, value))
    return {key: next(iter(things)) for key, things in found.items() if len(things) == 1}


def _figure_labels(figure: Figure, number: int) -> list[LabelUse]:
    where = f"Figure {number}"
    fig = figure.fig
    fig.draw_without_rendering()  # tick labels are set when the figure is drawn
    out = [LabelUse(_joined(figure.caption), f"{where}, caption")]
    if fig._suptitle is not None:
        out.append(LabelUse(_joined(fig._suptitle.get_text()), f"{where}, title"))

    def legend(leg, what: str) -> None:
        if leg is None:
            return
        out.append(LabelUse(_joined(leg.get_title().get_text()), f"{what} legend title"))
        out.extend(LabelUse(_joined(t.get_text()), f"{what} legend") for t in leg.get_texts())

    def axes(ax, what: str) -> None:
        # (through the artists: a secondary axis has no get_title or get_xlabel)
        out.extend(LabelUse(_joined(t.get_text()), f"{what} title") for t in (ax.title, ax._left_title, ax._right_title))
        for name, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            out.append(LabelUse(_joined(axis.label.get_text()), f"{what} {name}-axis label"))
            out.extend(LabelUse(_joined(t.get_text()), f"{what} {name}-axis tick") for t in axis.get_ticklabels())
        out.extend(LabelUse(_joined(t.get_text()), f"{what} text") for t in ax.texts)
        legend(ax.get_legend(), what)
        for child in ax.child_axes:
            axes(child, what)

    for k, ax in enumerate(fig.axes):
        axes(ax, f"{where}, panel {k + 1}," if len(fig.axes) > 1 else f"{where},")
    for leg in fig.legends:
        legend(leg, f"{where},")
    return out


def report_labels(report: Report) -> list[LabelUse]:
    """Every label of the report outside its running text, in document order, numbered as the renderers number
    tables and figures."""
    out: list[LabelUse] = []
    n_table = n_figure = 0
    for block in report.blocks():
        if isinstance(block, Table):
            n_table += 1
            out += _table_labels(block, n_table, report.vocabulary)
        elif isinstance(block, Figure):
            n_figure += 1
            out += _figure_labels(block, n_figure)
    named = _things_named(report.vocabulary)
    out = [u if u.thing else LabelUse(u.text, u.where, named.get(label_key(_bare(u.text))), u.heads) for u in out]
    # a legend's title heads the things its entries name (those that follow it, at the same place)
    for k, use in enumerate(out):
        if use.where.endswith(" legend title"):
            entries = use.where.removesuffix(" title")
            heads = []
            for entry in out[k + 1:]:
                if entry.where != entries:
                    break
                if entry.thing:
                    heads.append(entry.thing)
            out[k] = LabelUse(use.text, use.where, use.thing, tuple(dict.fromkeys(heads)))
    return [u for u in out if _is_label(u.text)]


def _bare(text: str) -> str:
    """A label less a trailing qualifier in brackets: "Early impact (about 3 months after)" -> "Early impact"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", text).strip() or text


#: Where a label joins the names of several things: "Mean share, not in intervention", "Early impact vs
#: expectations before the review", "c: statutory direction, count suppressed", "Effect (95% CI)".
_PARTS_RE = re.compile(r",\s+|;\s+|:\s+|\s+\u203a\s+|\s+vs\.?\s+|\s+versus\s+|\s+minus\s+|\s*\(|\)\s*")


def _names(text: str) -> list[str]:
    """The label and each name it joins (its parts between commas, colons, "vs", "minus" and brackets)."""
    parts = [p.strip(" /") for p in _PARTS_RE.split(text)]  # (a cell "wave / level" split at its comma)
    return list(dict.fromkeys([text, *(p for p in parts if p and _is_label(p))]))


def _as_written(text: str) -> str:
    """A name as written, less the case of its first letter (a name begins a heading or follows a comma)."""
    return text[:1].lower() + text[1:]


def label_clashes(uses: Report | Iterable[LabelUse]) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Things named two ways: for each key (:func:`label_key`) written more than one way, the key and each way it
    is written, with where.

    Two ways are found: by what the labels say, and by what they name.  Each label is compared whole and by the
    names it joins (see :func:`_names`: "Mean share, not in intervention"
    holds "not in intervention"), so a wave written "Longer-term change" in a table and "longer term change" in a
    heading of another is found; a difference only in the case of a name's first letter is not a clash, nor is a
    name with and without a qualifier in brackets (a wave's short and long label).  And a value of a vocabulary
    domain (a wave, an impact, a status group) shown under two labels is found whatever they say (the key is then
    ``domain:value``): a table's cells say what each names, a figure's texts where they are a label of the
    vocabulary that names one thing; machine names of one thing (:data:`impact.report._labels._SAME_THING`) are one.

    Examples
    --------
    >>> uses = [LabelUse("Longer-term change", "Table 1, column 'Wave'"),
    ...         LabelUse("Share, longer term change", "Table 2, heading"), LabelUse("Longer-term change", "Figure 1")]
    >>> [(key, [text for text, _ in ways]) for key, ways in label_clashes(uses)]
    [('longer term change', ['Longer-term change', 'longer term change'])]
    """
    uses = report_labels(uses) if isinstance(uses, Report) else list(uses)
    ways: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for use in uses:
        for name in _names(use.text):
            key = label_key(name)
            if not key:
                continue
            shown, where = ways.setdefault(key, {}).setdefault(_as_written(name), (name, []))
            if use.where not in where:
                where.append(use.where)
    found = [(key, sorted(written.values())) for key, written in ways.items() if len(written) > 1]
    named: dict[tuple, dict[str, tuple[str, list[str]]]] = {}
    for use in uses:
        if use.thing is not None:
            bare = _bare(use.text)
            shown, where = named.setdefault(use.thing, {}).setdefault(_as_written(bare), (bare, []))
            if use.where not in where:
                where.append(use.where)
    # (a thing whose labels say the same words written two ways is found above already)
    found += [(":".join(thing), sorted(written.values())) for thing, written in named.items()
              if len({label_key(text) for text in written}) > 1]
    return found


def _grouping(thing: tuple[str, str]) -> tuple[str, str]:
    """What kind of thing a value of a domain is: its domain and grouping (:data:`_GROUPINGS`)."""
    domain, value = thing
    return domain, _GROUPINGS.get(domain, {}).get(value, "")


def label_homonyms(uses: Report | Iterable[LabelUse]) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Labels that name two things: a heading or legend title (compared by :func:`label_key`) over values of two
    domains or two groupings of one (:data:`impact.report._labels._GROUPINGS`), with each kind and where.

    A heading over fewer values than another (one wave of three, the councils in intervention alone) names the same
    thing; one over the status at each wave and another over the status at any wave do not, though both said
    "Intervention status".

    Examples
    --------
    >>> uses = [LabelUse("Intervention status", "Table 1, heading", heads=(("status", "no_intervention"),)),
    ...         LabelUse("Intervention status", "Figure 1, legend title",
    ...                  heads=(("status", "intervention_at_no_wave"), ("status", "intervention_at_some_wave")))]
    >>> [(key, [kind for kind, _ in kinds]) for key, kinds in label_homonyms(uses)]
    [('intervention status', ['status', 'status at any wave'])]
    """
    uses = report_labels(uses) if isinstance(uses, Report) else list(uses)
    kinds: dict[str, dict[str, list[str]]] = {}
    for use in uses:
        for kind in dict.fromkeys(_grouping(t) for t in use.heads):
            where = kinds.setdefault(label_key(use.text), {}).setdefault(" ".join(p for p in kind if p), [])
            if use.where not in where:
                where.append(use.where)
    return [(key, sorted(found.items())) for key, found in kinds.items() if len(found) > 1]
