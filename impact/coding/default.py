"""The coder the main job uses for a codebook, chosen by its measured validity on real text.

Kept apart from :mod:`impact.coding.hybrid` so that choosing the rule coder never imports scikit-learn.
"""

from __future__ import annotations

import os

from ..errors import InputError
from .codebook import Codebook
from .rules import RuleCoder

__all__ = ["default_coder"]


def default_coder(codebook: Codebook | str | os.PathLike = "nfer_impacts", *, n_jobs: int | None = None,
                  fit: bool = True):
    """The fitted coder the main job should use for a codebook.

    For a codebook scored on the real-text gold corpus (``nfer_impacts``)
    this is the coder with the higher micro-F1 on its frozen test part, as
    recorded by ``bench/coder_validity.py`` (see
    :func:`impact.coding.coder_validity`); for any other codebook, and when
    the recorded choice is the rule coder, it is :class:`impact.RuleCoder`.

    Parameters
    ----------
    codebook : Codebook, str or path
    n_jobs : int or None
        Worker processes for large batches.
    fit : bool
        Fit the coder (compile its rules, load its model) before returning it. With ``False`` it is fitted when it
        first codes (both coders' ``code`` fit first if needed): a run whose coding is read from the cache never
        compiles the rules nor imports nltk to stem them.

    Returns
    -------
    RuleCoder or HybridCoder
        Fitted (unless ``fit=False``); ``type(coder).__name__`` names it in the provenance.

    Examples
    --------
    >>> type(default_coder("review_themes")).__name__
    'RuleCoder'
    """
    from ..schema import true_or_false
    from .evaluate import _validity_file

    fit = true_or_false("fit", fit)  # fit="no" fitted it (newuser17)
    book = Codebook._loaded(codebook, "codebook")
    try:
        figures = _validity_file(book.id)
    except InputError:
        figures = {}
    if figures.get("default") == "hybrid" and figures.get("codebook", {}).get("hash") == book.hash:
        # scikit-learn, imported only when the hybrid coder is chosen
        from .hybrid import HybridCoder

        coder = HybridCoder(book, n_jobs=n_jobs)
    else:
        coder = RuleCoder(book, n_jobs=n_jobs)
    return coder.fit() if fit else coder
