"""Programme reports: a small document model and its renderers.

Build a :class:`Report` of :class:`Section` s holding blocks
(:class:`Paragraph`, :class:`Table`, :class:`Figure`, :class:`Quote`,
:class:`Bullets`, :class:`Callout`), then :func:`render` it to a folder:
a self-contained ``report.html``, ``report.docx``, ``tables.xlsx``,
``tables/*.csv`` with ``tables/data_dictionary.csv``, ``figures/*.png`` and
``*.svg`` and ``provenance.json``.  Every renderer shows the labels of the
report's :class:`Vocabulary` (study waves, codebook labels, plain-English
columns with units, model terms as contrasts), while the CSV files keep the
machine names.  The plotting functions live in :mod:`impact.report.figures`;
:func:`weak_codes` and :func:`machine_coding_note` give the impacts a machine
coding reads poorly and the caveat the report prints with their figures.
"""

from ._caveats import (
    CHECKED_KAPPA,
    WEAK_F1,
    machine_coding_note,
    unconfirmed_by_status,
    unconfirmed_over_waves,
    weak_codes,
)
from ._docx import check_docx_template, render_docx
from ._format import CI
from ._html import render_html
from ._labels import Label, Vocabulary
from ._model import Bullets, Callout, Figure, Paragraph, Quote, Report, Section, Table
from ._render import render
from ._xlsx import data_dictionary, render_xlsx, table_csv
from .figures import (
    bar_counts,
    forest_plot,
    group_colours,
    indicator_small_multiples,
    prevalence_heatmap,
    trajectory_chart,
    trend_plot,
)

__all__ = [
    "Report",
    "Section",
    "Paragraph",
    "Table",
    "Figure",
    "Quote",
    "Bullets",
    "Callout",
    "CI",
    "Vocabulary",
    "Label",
    "render",
    "render_html",
    "render_docx",
    "check_docx_template",
    "render_xlsx",
    "table_csv",
    "data_dictionary",
    "prevalence_heatmap",
    "trajectory_chart",
    "forest_plot",
    "trend_plot",
    "bar_counts",
    "indicator_small_multiples",
    "group_colours",
    "WEAK_F1",
    "weak_codes",
    "unconfirmed_by_status",
    "unconfirmed_over_waves",
    "CHECKED_KAPPA",
    "machine_coding_note",
]
