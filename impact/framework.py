"""Framework matrices (councils x themes) and quotes retrieved by code, council and wave."""

from __future__ import annotations

import pandas as pd

from .study import Study

__all__ = ["framework_matrix"]


def framework_matrix(study: Study, coded: pd.DataFrame, *, segments: pd.DataFrame, codebook) -> pd.DataFrame:
    """Councils x themes: participants raising each theme (not negated), long."""
    c = coded[~coded.get("negated", pd.Series(False, index=coded.index)).astype(bool)]
    seg = segments[["segment_id", "council_id", "participant_id", "text"]].rename(columns={"segment_id": "unit"})
    c = c.merge(seg, on="unit", how="left")
    top = codebook.top_codes()
    grid = study.councils[["council_id"]].merge(pd.DataFrame({"theme": pd.Series(top, dtype="str")}), how="cross")
    agg = (
        c.groupby(["council_id", "code"]).agg(n_participants=("participant_id", "nunique"), n_segments=("unit", "size"))
        .reset_index().rename(columns={"code": "theme"})
    )
    best = (
        c.sort_values(["council_id", "code", "score", "unit"], ascending=[True, True, False, True])
        .drop_duplicates(["council_id", "code"])[["council_id", "code", "unit", "text", "participant_id"]]
        .rename(columns={"code": "theme", "text": "example"})
    )
    out = grid.merge(agg, on=["council_id", "theme"], how="left").merge(best, on=["council_id", "theme"], how="left")
    out["n_participants"] = out["n_participants"].fillna(0).astype(int)
    out["n_segments"] = out["n_segments"].fillna(0).astype(int)
    out["raised"] = out["n_segments"] > 0
    return out
