"""Cohen's kappa read without statsmodels' results object, and each group's counts made once for every metric
(testtime26): the same figures to the last bit as statsmodels' ``cohens_kappa`` and as counting afresh per metric."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from impact import agreement


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("seed", range(3))
def test_simple_kappa_is_statsmodels_to_the_last_bit(seed):
    """``_simple_kappa`` gives statsmodels' ``kappa``, ``var_kappa`` and ``std_kappa0`` exactly (==, not close) on
    random tables of 2 to 5 categories, sparse and dense, with perfect agreement and a category one coder never used
    among them: the library computed independently on the same tables."""
    from statsmodels.stats.inter_rater import cohens_kappa

    rng = np.random.default_rng(seed)
    tables = [np.diag(rng.integers(1, 9, size=3)).astype(float),  # every unit agrees
              np.array([[5.0, 2.0], [0.0, 0.0]]) + np.array([[0.0, 0.0], [3.0, 1.0]])]
    for _ in range(60):
        q = int(rng.integers(2, 6))
        t = rng.integers(0, 40, size=(q, q)).astype(float)
        t[rng.random((q, q)) < 0.3] = 0.0
        if t.sum() > 0:
            tables.append(t)
    checked = 0
    for t in tables:
        with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            p = t / t.sum()
            if float(p.sum(axis=1) @ p.sum(axis=0)) >= 1 - 1e-12:
                continue  # both coders used one category: _cohen_from_table never asks
            want = cohens_kappa(t)
            got = agreement._simple_kappa(t)
        assert _same(float(got[0]), float(want.kappa)), (t, got, want.kappa)
        assert _same(float(got[1]), float(want.var_kappa)), (t, got, want.var_kappa)
        assert _same(float(got[2]), float(want.std_kappa0)), (t, got, want.std_kappa0)
        checked += 1
    assert checked >= 50


def _random_codings(rng: np.random.Generator, n_codes: int = 6, n_units: int = 80) -> pd.DataFrame:
    """Two coders' 0/1 values per unit and code, the second agreeing with the first three times in four."""
    rows = []
    for c in range(n_codes):
        first = (rng.random(n_units) < rng.uniform(0.1, 0.6)).astype(int)
        second = np.where(rng.random(n_units) < 0.75, first, 1 - first)
        for u in range(n_units):
            rows.append({"code": f"c{c}", "unit": u, "coder": "machine", "value": int(first[u])})
            rows.append({"code": f"c{c}", "unit": u, "coder": "human", "value": int(second[u])})
    return pd.DataFrame(rows)


def test_agreement_table_counts_each_group_once_with_the_same_figures(monkeypatch):
    """``agreement_table`` with the three metrics a hand check reads (percent agreement, Cohen's kappa,
    Krippendorff's alpha: all nominal) counts each code's values once, not once per metric, and its table equals
    one made with every metric computed alone (``_compute`` without the counts shared) and statsmodels' kappa."""
    from statsmodels.stats.inter_rater import cohens_kappa

    data = _random_codings(np.random.default_rng(26))
    metrics = ("percent_agreement", "cohen_kappa", "krippendorff_alpha")
    calls = []
    prepare = agreement._prepare
    monkeypatch.setattr(agreement, "_prepare", lambda *a, **k: calls.append(1) or prepare(*a, **k))
    table = agreement.agreement_table(data, by="code", metrics=metrics, n_boot=200, seed=3)
    assert len(calls) == data["code"].nunique()  # 6 codes: once each (18 before)
    for code, sub in data.groupby("code"):
        for m in metrics:
            alone = agreement._compute(m, sub, "unit", "coder", "value", "nominal", None, 200, 3, 0.95)
            row = table[(table["code"] == code) & (table["metric"] == m)].iloc[0]
            for field in ("value", "se", "ci_low", "ci_high", "se_h0"):
                assert _same(float(row[field]), float(getattr(alone, field))), (code, m, field)
        wide = sub.pivot(index="unit", columns="coder", values="value")
        k = cohens_kappa(pd.crosstab(wide["human"], wide["machine"]).to_numpy())
        row = table[(table["code"] == code) & (table["metric"] == "cohen_kappa")].iloc[0]
        assert row["value"] == pytest.approx(float(k.kappa), abs=1e-12)
        assert row["se"] == pytest.approx(float(k.std_kappa), abs=1e-12)
        assert row["se_h0"] == pytest.approx(float(k.std_kappa0), abs=1e-12)
