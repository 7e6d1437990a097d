"""The document model of a programme report: a tree of plain, immutable blocks.

A :class:`Report` holds :class:`Section` s; a section holds blocks
(:class:`Paragraph`, :class:`Table`, :class:`Figure`, :class:`Quote`,
:class:`Bullets`, :class:`Callout`).  The renderers (HTML, Word, Excel, CSV)
read the same model, so the three outputs cannot disagree.  The blocks are
checked when they are made, so a bad report fails before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import matplotlib as mpl
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure

from .._io import windows_name_problem
from ..schema import not_one_of
from ._format import resolve_formats
from ._labels import DEFAULT_VOCABULARY, Label, Vocabulary

__all__ = [
    "Report",
    "Section",
    "Paragraph",
    "Table",
    "Figure",
    "Quote",
    "Bullets",
    "Callout",
    "Block",
]

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")


def _check_text(value: object, what: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise TypeError(f"`{what}` must be a str, but {type(value).__name__} was passed.")
    if not allow_empty and not value.strip():
        raise ValueError(f"`{what}` must not be empty.")
    return value


def _check_name(name: object, what: str) -> str:
    _check_text(name, f"{what}.name")
    if not _NAME_RE.match(name):  # type: ignore[arg-type]
        raise ValueError(
            f"`{what}.name` becomes a file name, so it must be 1-80 letters, digits, '_' or '-' "
            f"starting with a letter or digit, but {name!r} was passed."
        )
    if (why := windows_name_problem(name)) is not None:  # tables/con.csv: a bundle Windows could not open
        raise ValueError(f"`{what}.name` becomes a file name, which Windows must be able to make, but {why}.")
    return name  # type: ignore[return-value]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text (no markup: everything is escaped)."""

    text: str

    def __post_init__(self) -> None:
        _check_text(self.text, "Paragraph.text")


@dataclass(frozen=True)
class Table:
    """A table; it appears in the report and as a workbook sheet and a CSV file.

    Parameters
    ----------
    name : str
        File-safe identifier (``tables/<name>.csv``, the sheet name).
    data : DataFrame
        The values, unrounded; a copy is kept, the caller's frame is untouched.
    caption : str
        One line shown above the table.
    notes : str
        Source, definitions, caveats; shown below the table and on the
        workbook's Notes sheet.
    columns_format : dict
        Column name to format spec; see :mod:`impact.report._format`.
    labels : dict, optional
        Column name (or CI key) to the heading people read, a str or a
        :class:`~impact.report._labels.Label` (with unit and description).
        Columns not named here are labelled by the report's vocabulary;
        ``tables/*.csv`` keep the machine names either way.
    value_labels : dict, optional
        Column name to ``{value: label}`` for the values shown in that column
        (the report's vocabulary labels waves, codes, statuses, methods and
        model terms already).
    detail : bool, default False
        A table of detail behind a figure or a summary: the workbook and the
        CSV hold it in full; the Word report gives its caption and where to
        find it, and the web page folds it away (shown on request, not
        printed).
    key_columns : int, default 1
        How many leading columns identify a row: repeated in every part when
        a table too wide for the page is split into parts. A minimum: where
        they leave two rows alike, the next leading text columns (up to three
        in all) are repeated too.
    csv_only : sequence of str, optional
        Columns written to ``tables/<name>.csv`` (and described in the data
        dictionary) but not shown in the report or the workbook: a column
        whose every row says the same, which the text above the table says
        once (the comparisons' 'Difference estimated as' where one estimate
        serves the whole table). A machine reading the CSV alone still learns
        it from each row.

    Examples
    --------
    >>> t = Table("effects", pd.DataFrame({"effect": [0.2], "p_value": [0.04]}), "Effects")
    >>> t.data.shape
    (1, 2)
    >>> Table("t", pd.DataFrame({"n_a": [3]}), "T", labels={"n_a": "Councils not in intervention"}).labels
    {'n_a': 'Councils not in intervention'}
    >>> t = Table("t", pd.DataFrame({"kind": ["mean", "mean"], "x": [1, 2]}), "T", csv_only=["kind"])
    >>> list(t.data.columns), list(t.shown.columns)
    (['kind', 'x'], ['x'])
    """

    name: str
    data: pd.DataFrame
    caption: str
    notes: str = ""
    columns_format: Mapping = field(default_factory=dict)
    labels: Mapping = field(default_factory=dict)
    value_labels: Mapping = field(default_factory=dict)
    key_columns: int = 1
    detail: bool = False
    csv_only: Sequence[str] = ()

    def __post_init__(self) -> None:
        _check_name(self.name, "Table")
        if not isinstance(self.data, pd.DataFrame):
            raise TypeError(f"`Table.data` must be a pandas DataFrame, but {type(self.data).__name__} was passed.")
        if self.data.columns.duplicated().any():
            dup = sorted({str(c) for c in self.data.columns[self.data.columns.duplicated()]})
            raise ValueError(f"`Table.data` of table {self.name!r} has duplicated column names {dup}.")
        _check_text(self.caption, "Table.caption")
        _check_text(self.notes, "Table.notes", allow_empty=True)
        data = self.data.copy()
        data.columns = [str(c) for c in data.columns]
        object.__setattr__(self, "data", data.reset_index(drop=True))
        object.__setattr__(self, "columns_format", dict(self.columns_format))
        resolve_formats(self.data, self.columns_format)  # raises on a bad spec
        known = set(self.data.columns) | set(self.columns_format)
        problems = []
        for what, mapping in (("labels", self.labels), ("value_labels", self.value_labels)):
            if not isinstance(mapping, Mapping):
                raise TypeError(f"`Table.{what}` of table {self.name!r} must be a dict, but "
                                f"{type(mapping).__name__} was passed.")
            problems += [f"`{what}` names {k!r}, which is not a column of the table" for k in mapping if k not in known]
        for col, label in self.labels.items():
            if not isinstance(label, (str, Label)) or (isinstance(label, str) and not label.strip()):
                problems.append(f"`labels`[{col!r}] must be a non-empty str or a Label, not {label!r}")
        for col, mapping in self.value_labels.items():
            if not isinstance(mapping, Mapping):
                problems.append(f"`value_labels`[{col!r}] must be a dict of value to label, not {type(mapping).__name__}")
        if isinstance(self.csv_only, str) or not isinstance(self.csv_only, Sequence):
            problems.append(f"`csv_only` must be a list of column names, not {self.csv_only!r}")
        else:
            problems += [f"`csv_only` names {c!r}, which is not a column of the table" for c in self.csv_only
                         if str(c) not in self.data.columns]
        if isinstance(self.key_columns, bool) or not isinstance(self.key_columns, int) or self.key_columns < 0:
            problems.append(f"`key_columns` must be a whole number of columns (0 or more), not {self.key_columns!r}")
        if problems:
            raise ValueError(f"Table {self.name!r} (columns {list(self.data.columns)}): " + "; ".join(problems) + ".")
        object.__setattr__(self, "labels", dict(self.labels))
        object.__setattr__(self, "value_labels", {k: dict(v) for k, v in self.value_labels.items()})
        object.__setattr__(self, "csv_only", tuple(str(c) for c in self.csv_only))

    @property
    def shown(self) -> pd.DataFrame:
        """The columns the report and the workbook show: :attr:`data` less :attr:`csv_only`."""
        return self.data.drop(columns=list(self.csv_only)) if self.csv_only else self.data


@dataclass(frozen=True)
class Figure:
    """A matplotlib figure with a caption and alternative text.

    ``fig`` may be a Figure or an Axes (its figure is used), or a function of
    no arguments that draws one: it is then called the first time ``fig`` is
    read (by a renderer, or by the caller), once, with the matplotlib settings
    in force when the block was made, so a caller who reads only a report's
    text or tables does not pay for drawing its figures.  What the function
    returns is checked as a figure given directly is; :func:`render` draws
    every figure before it writes anything.  ``alt_text`` is required: it is
    what a screen-reader user gets instead of the picture, so say what the
    figure shows, not what it is.

    Examples
    --------
    >>> from matplotlib.figure import Figure as MplFigure
    >>> drawn = []
    >>> f = Figure("f", lambda: drawn.append(1) or MplFigure(), "F", "An empty figure.")
    >>> drawn, f.drawn
    ([], False)
    >>> f.fig is f.fig, drawn, f.drawn
    (True, [1], True)
    """

    name: str
    fig: MplFigure
    caption: str
    alt_text: str

    def __post_init__(self) -> None:
        _check_name(self.name, "Figure")
        if "_fig" in self.__dict__:  # given drawn: checked now
            object.__setattr__(self, "fig", _figure_of(self.__dict__["_fig"]))
        _check_text(self.caption, "Figure.caption")
        _check_text(self.alt_text, "Figure.alt_text")

    @property
    def drawn(self) -> bool:
        """Whether :attr:`fig` has been drawn (a figure given drawn is)."""
        return "_fig" in self.__dict__

    def __getstate__(self) -> dict:
        # a copy or a pickle holds the figure, not the function that draws it (a closure does not pickle)
        return {**{k: v for k, v in self.__dict__.items() if k != "_fig_later"}, "_fig": self.fig}


def _figure_of(fig: object) -> MplFigure:
    """``fig`` as a matplotlib Figure (an Axes gives its own), or TypeError naming what was passed."""
    if isinstance(fig, Axes):
        fig = fig.figure
    if not isinstance(fig, MplFigure):
        raise TypeError(f"`Figure.fig` must be a matplotlib Figure or Axes, or a function returning one, but "
                        f"{type(fig).__name__} was passed.")
    return fig


class _Later:
    """``make``, a function of no arguments, called once on the first call, under the matplotlib settings of the
    moment this was made (:func:`matplotlib.rcParams`, less the backend), its value kept (and ``make`` let go).

    A figure drawn or a section built when first read is made as it would have been when the report was built, what
    the caller's settings are by then. Until ``make`` returns, it is called again on the next call (an error is
    raised at every read)."""

    def __init__(self, make) -> None:
        self._make = make
        self._settings = {k: v for k, v in mpl.rcParams.items() if k != "backend"}

    @property
    def done(self) -> bool:
        return self._make is None

    def __call__(self):
        if self._make is not None:
            now = mpl.rcParams
            with mpl.rc_context({k: v for k, v in self._settings.items() if now[k] != v}):
                self._value = self._make()
            self._make = self._settings = None
        return self._value


class _MadeWhenRead:
    """A field of a block given made, or as a function of no arguments that makes it: the function is kept as a
    :class:`_Later` in the block's ``_<field>_later`` and called on the field's first read, its value checked by
    ``check(block, value)`` and kept in ``_<field>`` (where a value given made is kept, for its block's
    ``__post_init__`` to check)."""

    def __init__(self, name: str, check) -> None:
        self.made, self.later, self.check = f"_{name}", f"_{name}_later", check

    def __get__(self, block, owner=None):
        if block is None:
            return self
        held = block.__dict__
        if self.made not in held:
            held[self.made] = self.check(block, held[self.later]())
            del held[self.later]
        return held[self.made]

    def __set__(self, block, value) -> None:
        held = block.__dict__
        if callable(value) and not isinstance(value, (MplFigure, Axes)):
            held.pop(self.made, None)
            held[self.later] = _Later(value)
        else:
            held.pop(self.later, None)
            held[self.made] = value


#: :attr:`Figure.fig`: a figure given drawn is kept; a function given is called on the first read, under the settings
#: of the moment the block was made, its figure kept (after @dataclass, which would take it for a default).
Figure.fig = _MadeWhenRead("fig", lambda block, fig: _figure_of(fig))  # type: ignore[assignment]


@dataclass(frozen=True)
class Quote:
    """A quotation from an interview, with its (anonymised) attribution."""

    text: str
    attribution: str = ""

    def __post_init__(self) -> None:
        _check_text(self.text, "Quote.text")
        _check_text(self.attribution, "Quote.attribution", allow_empty=True)


@dataclass(frozen=True)
class Bullets:
    """A bulleted list of plain-text items."""

    items: Sequence[str]

    def __post_init__(self) -> None:
        if isinstance(self.items, str) or not isinstance(self.items, Sequence):
            raise TypeError(f"`Bullets.items` must be a list of str, but {type(self.items).__name__} was passed.")
        for i, item in enumerate(self.items):
            _check_text(item, f"Bullets.items[{i}]")
        object.__setattr__(self, "items", tuple(self.items))


@dataclass(frozen=True)
class Callout:
    """A boxed note or warning (for example a small-sample caveat)."""

    text: str
    kind: Literal["note", "warning"] = "note"

    def __post_init__(self) -> None:
        _check_text(self.text, "Callout.text")
        if self.kind not in ("note", "warning"):
            raise ValueError(not_one_of("kind", self.kind, ["note", "warning"]))


Block = Paragraph | Table | Figure | Quote | Bullets | Callout
_BLOCK_TYPES = (Paragraph, Table, Figure, Quote, Bullets, Callout)


@dataclass(frozen=True)
class Section:
    """A titled section: a heading, a table-of-contents entry and a page break in print.

    ``blocks`` may be a function of no arguments that returns them: the section is then built the first time its
    ``blocks`` are read (by a renderer, or by the caller), once, with the matplotlib settings in force when the
    section was made, so a caller who reads only other sections does not pay for building it. Its blocks are checked
    then, as blocks given are checked now, and :func:`render` builds every section before it writes anything.

    Examples
    --------
    >>> built = []
    >>> s = Section("Notes", lambda: built.append(1) or [Paragraph("Read.")])
    >>> built, s.built
    ([], False)
    >>> [b.text for b in s.blocks], built, s.built
    (['Read.'], [1], True)
    """

    title: str
    blocks: Sequence[Block] = ()

    def __post_init__(self) -> None:
        _check_text(self.title, "Section.title")
        if self.built:  # given built: checked now
            object.__setattr__(self, "blocks", _checked_blocks(self, self.__dict__["_blocks"]))

    @property
    def built(self) -> bool:
        """Whether :attr:`blocks` have been built (those given are)."""
        return "_blocks" in self.__dict__

    def __getstate__(self) -> dict:
        # a copy or a pickle holds the blocks, not the function that builds them (a closure does not pickle)
        return {**{k: v for k, v in self.__dict__.items() if k != "_blocks_later"}, "_blocks": self.blocks}


def _checked_blocks(section: Section, blocks) -> tuple:
    """``blocks`` as a tuple, each of them a block, or TypeError naming the section and the first that is not."""
    blocks = tuple(blocks)
    for i, block in enumerate(blocks):
        if not isinstance(block, _BLOCK_TYPES):
            raise TypeError(
                f"`Section.blocks[{i}]` of section {section.title!r} must be one of "
                f"{[t.__name__ for t in _BLOCK_TYPES]}, but {type(block).__name__} was passed."
            )
    return blocks


Section.blocks = _MadeWhenRead("blocks", _checked_blocks)  # type: ignore[assignment]  # after @dataclass, as Figure.fig


@dataclass(frozen=True)
class Report:
    """A whole report.

    Parameters
    ----------
    title, subtitle : str
    provenance : dict
        What produced the report (study name and hash, codebook and version,
        package version, seed, command, date ...); JSON-serialisable values.
        Shown at the end of the report, on the workbook's Notes sheet and in
        ``provenance.json``.
    sections : list of Section
    vocabulary : Vocabulary, optional
        Labels for people used by every renderer (the study's waves and
        codebook: :meth:`Vocabulary.for_study`); default the built-in one.
    author : str, default "impact"
        Author in the document properties of the Word report and workbook.
    date : date or datetime, optional
        Date of the report, in the document properties and under the title;
        default the provenance's ``generated`` timestamp, if any.

    Raises
    ------
    ValueError
        If two tables or two figures share a name (names become file names,
        compared without regard to case): when the report is made, or, where
        a section is built when read, when the blocks are first read together
        (:meth:`blocks`, :attr:`tables`, :attr:`figures`, :func:`render`).

    Examples
    --------
    >>> r = Report("Impact", "2012-2013", {"study": "demo"}, [Section("Summary", [Paragraph("Hi.")])])
    >>> [s.title for s in r.sections]
    ['Summary']
    """

    title: str
    subtitle: str = ""
    provenance: Mapping = field(default_factory=dict)
    sections: Sequence[Section] = ()
    vocabulary: Vocabulary | None = None
    author: str = "impact"
    date: dt.date | None = None

    def __post_init__(self) -> None:
        _check_text(self.title, "Report.title")
        _check_text(self.author, "Report.author")
        if self.vocabulary is None:
            object.__setattr__(self, "vocabulary", DEFAULT_VOCABULARY)
        elif not isinstance(self.vocabulary, Vocabulary):
            raise TypeError(f"`Report.vocabulary` must be an impact.report.Vocabulary, but "
                            f"{type(self.vocabulary).__name__} was passed.")
        if self.date is None:
            generated = self.provenance.get("generated") if isinstance(self.provenance, Mapping) else None
            try:
                stamp = pd.Timestamp(generated) if generated else None
            except (TypeError, ValueError):
                stamp = None
            if stamp is not None and not pd.isna(stamp):
                object.__setattr__(self, "date", stamp.tz_localize(None).to_pydatetime() if stamp.tzinfo else stamp.to_pydatetime())
        elif not isinstance(self.date, dt.date):
            raise TypeError(f"`Report.date` must be a datetime.date or datetime, but {type(self.date).__name__} was passed.")
        _check_text(self.subtitle, "Report.subtitle", allow_empty=True)
        if not isinstance(self.provenance, Mapping):
            raise TypeError(f"`Report.provenance` must be a dict, but {type(self.provenance).__name__} was passed.")
        for i, section in enumerate(self.sections):
            if not isinstance(section, Section):
                raise TypeError(f"`Report.sections[{i}]` must be a Section, but {type(section).__name__} was passed.")
        object.__setattr__(self, "provenance", dict(self.provenance))
        object.__setattr__(self, "sections", tuple(self.sections))
        # the names are checked now where every section is built, else when the blocks are first read together (as
        # render reads them before it writes anything): checking them now would build every section
        object.__setattr__(self, "_names_checked", False)
        if all(s.built for s in self.sections):
            self.blocks()

    def blocks(self, kind: type | None = None) -> list:
        """All blocks in document order, optionally only those of one type (every section built)."""
        every = [b for s in self.sections for b in s.blocks]
        if not self.__dict__["_names_checked"]:
            for of in (Table, Figure):
                seen: dict[str, str] = {}
                dups = []
                for block in every:
                    if isinstance(block, of):
                        key = block.name.lower()
                        if key in seen:
                            dups.append(block.name)
                        seen[key] = block.name
                if dups:
                    raise ValueError(f"Each {of.__name__.lower()} needs its own name, but {sorted(dups)} appear more "
                                     "than once.")
            object.__setattr__(self, "_names_checked", True)
        return [b for b in every if kind is None or isinstance(b, kind)]

    @property
    def tables(self) -> list[Table]:
        """The tables in document order."""
        return self.blocks(Table)

    @property
    def figures(self) -> list[Figure]:
        """The figures in document order."""
        return self.blocks(Figure)
