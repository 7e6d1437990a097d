"""Turn matplotlib figures into PNG and SVG bytes, once per render."""

from __future__ import annotations

import io
from dataclasses import dataclass

from matplotlib.figure import Figure as MplFigure

__all__ = ["Image", "rasterise", "PNG_DPI"]

#: Resolution of the PNG files: sharp on screen and on paper at page width.
PNG_DPI = 150


@dataclass(frozen=True)
class Image:
    """A figure's PNG (with its pixel size) and SVG bytes."""

    png: bytes
    svg: bytes
    width: int
    height: int


def rasterise(fig: MplFigure, *, dpi: int = PNG_DPI) -> Image:
    """Save ``fig`` as PNG and SVG in memory.

    Metadata that changes from run to run (the date, the software version in
    the SVG) is left out, so the same figure gives the same bytes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(2, 1))
    >>> img = rasterise(fig, dpi=100)
    >>> img.png[:4], img.svg.lstrip()[:5]
    (b'\\x89PNG', b'<?xml')
    >>> plt.close(fig)
    """
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None}, facecolor="white")
    svg = io.BytesIO()
    fig.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None}, facecolor="white")
    data = png.getvalue()
    # PNG header: width and height are big-endian 4-byte ints at bytes 16-24.
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    return Image(data, svg.getvalue(), width, height)
