"""The columns of every coder's output, in a module of their own: readers of coded files (``impact agree``,
``impact review``) need them without importing the rule coder (nltk and scikit-learn, about 1.5 s)."""

from __future__ import annotations

__all__ = ["CODED_COLUMNS"]

#: Columns of every coder's output (see the data contract).
CODED_COLUMNS = ["unit", "code", "score", "negated", "hedged", "attribution", "start", "end"]
