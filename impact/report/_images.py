"""Turn matplotlib figures into PNG and SVG bytes, once per render."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure as MplFigure

__all__ = ["Image", "rasterise", "PNG_DPI"]

#: Resolution of the PNG files: sharp on screen and on paper at page width.
PNG_DPI = 150

_PNG_METADATA = {"Software": None}
_SVG_METADATA = {"Date": None, "Creator": None}
_FACE = "white"


@dataclass(frozen=True)
class Image:
    """A figure's PNG (with its pixel size) and SVG bytes."""

    png: bytes
    svg: bytes
    width: int
    height: int


def rasterise(fig: MplFigure, *, dpi: int = PNG_DPI) -> Image:
    """Save ``fig`` as PNG and SVG in memory, cropped to what it draws.

    The figure is drawn once at ``dpi``: the PNG is cut from those pixels, and
    the same box (what ``savefig(bbox_inches="tight")`` would keep) crops the
    SVG, so the figure is not laid out and drawn again to find it, as two
    ``savefig(..., bbox_inches="tight")`` calls would do (four draws in all,
    two here). A figure drawing outside its own area is drawn once more for
    its PNG.

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
    pixels, tight, box = _draw(fig, dpi)
    engine = fig.get_layout_engine()
    fig.set_layout_engine(None)  # laid out by the draw above: savefig would lay it out and draw it once more
    try:
        data = _crop_png(pixels, tight, box, dpi)
        if data is None:  # something drawn outside the figure: a draw of the cropped figure shows it
            png = io.BytesIO()
            fig.savefig(png, format="png", dpi=dpi, bbox_inches=box, metadata=_PNG_METADATA, facecolor=_FACE)
            data = png.getvalue()
        svg = io.BytesIO()
        fig.savefig(svg, format="svg", bbox_inches=box, metadata=_SVG_METADATA, facecolor=_FACE)
    finally:
        fig.set_layout_engine(engine)
    # PNG header: width and height are big-endian 4-byte ints at bytes 16-24.
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    return Image(data, svg.getvalue(), width, height)


def _draw(fig: MplFigure, dpi: int):
    """Draw ``fig`` at ``dpi`` on a white ground with Agg: its RGBA pixels and the box, in inches, padded as
    ``savefig`` pads it, that holds all it draws. The figure is left with its own canvas, resolution and colour."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas, face, old_dpi = fig.canvas, fig.get_facecolor(), fig.dpi
    agg = FigureCanvasAgg(fig)  # becomes fig.canvas until restored below; it has no window to resize
    try:
        fig.set_facecolor(_FACE)
        fig.dpi = dpi
        agg.draw()  # runs the figure's layout engine, as savefig's first draw does
        box = fig.get_tightbbox(agg.get_renderer())
        pad = mpl.rcParams["savefig.pad_inches"]
        pixels = np.array(agg.buffer_rgba())
    finally:
        fig.dpi = old_dpi
        fig.set_facecolor(face)
        fig.set_canvas(canvas)
    return pixels, box, box.padded(pad)


def _crop_png(pixels: np.ndarray, tight, padded, dpi: int) -> bytes | None:
    """The PNG of ``pixels`` cut to the ``padded`` box (white where the pad passes the figure's edge), or None
    where the drawing itself (``tight``) passes the edge."""
    from matplotlib.image import imsave

    height_in = pixels.shape[0] / dpi
    if tight.x0 < 0 or tight.y0 < 0 or tight.x1 > pixels.shape[1] / dpi or tight.y1 > height_in:
        return None
    width, height = int(padded.width * dpi), int(padded.height * dpi)  # as Agg sizes a canvas
    left, top = round(padded.x0 * dpi), round((height_in - padded.y1) * dpi)
    out = np.full((height, width, 4), 255, dtype=np.uint8)
    src_x0, src_y0 = max(left, 0), max(top, 0)
    src_x1, src_y1 = min(left + width, pixels.shape[1]), min(top + height, pixels.shape[0])
    out[src_y0 - top : src_y1 - top, src_x0 - left : src_x1 - left] = pixels[src_y0:src_y1, src_x0:src_x1]
    png = io.BytesIO()
    imsave(png, out, format="png", dpi=dpi, metadata=_PNG_METADATA)
    return png.getvalue()
