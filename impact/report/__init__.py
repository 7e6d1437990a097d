"""Programme reports: a small document model and its renderers.

Build a :class:`Report` of :class:`Section` s holding blocks
(:class:`Paragraph`, :class:`Table`, :class:`Figure`, :class:`Quote`,
:class:`Bullets`, :class:`Callout`), then :func:`render` it to a folder:
a self-contained ``report.html``, ``report.docx``, ``tables.xlsx``,
``tables/*.csv``, ``figures/*.png`` and ``*.svg`` and ``provenance.json``.
The plotting functions live in :mod:`impact.report.figures`.
"""

from ._docx import render_docx
from ._format import CI
from ._html import render_html
from ._model import Bullets, Callout, Figure, Paragraph, Quote, Report, Section, Table
from ._render import render
from ._xlsx import render_xlsx, table_csv
from .figures import bar_counts, forest_plot, prevalence_heatmap, trajectory_chart, trend_plot

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
    "render",
    "render_html",
    "render_docx",
    "render_xlsx",
    "table_csv",
    "prevalence_heatmap",
    "trajectory_chart",
    "forest_plot",
    "trend_plot",
    "bar_counts",
]
