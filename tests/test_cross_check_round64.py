"""The published statistics rounds 61 and 62 left unchecked, recomputed independently (truth64).

* The indicators' difference in differences when councils went into intervention (``indicator_did``) and after the
  review in each status group (``indicator_review_did_by_status``): Callaway and Sant'Anna's simple aggregate (the
  review's group aggregate since truth82, the intervention comparison's since truth83), its
  influence-function standard error with the cohort shares estimated, the Welch-Satterthwaite degrees of freedom over
  the cohorts' parts, a lone council's variance borrowed from those compared with it (Crawford and Howell), the t
  interval and p, written from docs/methods.md with numpy and scipy from the study's CSV files.
* Holm's adjustment of the randomisation p across the review's tests (all councils and each status group, one family
  where the report reads both) and across the indicators of the intervention table, on the published tables.
* The survey models' Satterthwaite degrees of freedom from their definition, 2 (c'Cc)^2 / (g'Ag): a REML likelihood
  written here (councils, councils at each wave and respondents random), the gradient g of c'Cc in the variances and
  A the inverse of the observed (or, where a variance is at zero, the expected) information, with dense matrices.

The participant panel and statuses are round 61's (:class:`test_cross_check_round61.Checker`, built by hand from the
CSV files). Seeds 64030 and 64124 (30 and 24 councils), written here before any run and used nowhere else in the repo.
"""

from __future__ import annotations

import os
import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
from scipy import optimize, stats
from test_cross_check_round61 import IMPACTS, Checker, _holm
from test_cross_check_round62 import by_status, firth_fit, firth_max, firth_term

DESIGNS = {30: 64030, 24: 64124}
#: Studies whose change by status has a wave and status group where every participant or none reported an impact
#: (Firth's fit): 12 councils (seed 64521) and 16 (64562), 2 interviews a wave, found among 18 seeds 64520-64565 of
#: 12, 14 and 16 councils (11 had such a cell).
SEPARATED = {12: 64521, 16: 64562}
MIN_COMPARISON = 2  # periods compared with fewer councils do not enter (docs/methods.md)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Per size: the study folder, the folder of its published tables, the findings (full precision) and round 61's
    Checker; under "separated", per size of :data:`SEPARATED`, round 61's Checker and impact's change by status."""
    import impact
    import impact.synth
    from impact.codings import read_codings
    from impact.effects import change_by_status
    from impact.panel import participant_panel
    from impact.pipeline import analyse, build_report
    from impact.report import Table
    from impact.report._xlsx import table_csv

    os.environ.setdefault("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
    out = {}
    for n, seed in DESIGNS.items():
        folder = tmp_path_factory.mktemp(f"truth64-{n}")
        impact.synth.generate(n, seed=seed, interviews_per_wave=2, words_per_interview=120, out=folder / "s")
        study = impact.load_study(folder / "s", validate=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # the indicators and the survey only (what this module reads), published as `impact run` publishes its
            # tables: the report's Table blocks written by the same CSV writer, 5 the smallest count shown
            findings = analyse(study, coded=folder / "s" / "truth_coded.csv", n_resamples=99, seed=0,
                               parts=("indicators", "survey"))
            report, _ = build_report(findings, min_count=5)
        (folder / "r" / "tables").mkdir(parents=True)
        for block in (b for sec in report.sections for b in sec.blocks if isinstance(b, Table)):
            (folder / "r" / "tables" / f"{block.name}.csv").write_bytes(table_csv(block))
        out[n] = {"study": folder / "s", "out": folder / "r", "findings": findings,
                  "checker": Checker(folder / "s", folder / "r", folder / "s" / "truth_coded.csv")}
    out["separated"] = {}
    for n, seed in SEPARATED.items():
        folder = tmp_path_factory.mktemp(f"truth64-separated-{n}")
        impact.synth.generate(n, seed=seed, interviews_per_wave=2, words_per_interview=60, out=folder)
        study = impact.load_study(folder, validate=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pp = participant_panel(study, read_codings(folder / "truth_coded.csv", study), codes=IMPACTS)
            out["separated"][n] = {"checker": Checker(folder, folder, folder / "truth_coded.csv"),
                                   "by_status": change_by_status(pp, study=study, measure="reported", codes=IMPACTS,
                                                                 waves=study.wave_ids)}
    return out


# ---------------------------------------------------------------- staggered difference in differences, by hand


def _dates(folder):
    read = lambda name: pd.read_csv(folder / f"{name}.csv", dtype={"council_id": str})  # noqa: E731
    councils = read("councils")["council_id"]
    history, reviews = read("status_history"), read("reviews")
    entered = history[history["kind"].isin(["improvement_notice", "statutory_direction"])]
    onset = pd.to_datetime(entered["start_date"]).groupby(entered["council_id"]).min().reindex(councils)
    reviewed = pd.to_datetime(reviews["end_date"]).groupby(reviews["council_id"]).min().reindex(councils)
    began = pd.to_datetime(reviews["start_date"]).groupby(reviews["council_id"]).min().reindex(councils)
    s, e = pd.to_datetime(entered["start_date"]), pd.to_datetime(entered["end_date"])
    in_at_review = pd.Series({c: bool(((entered["council_id"] == c) & (s <= d) & (e.isna() | (d <= e))).any())
                              for c, d in began.items() if pd.notna(d)})
    return onset, reviewed, in_at_review


def did_panels(folder, starts: pd.Series, treated: set | None = None) -> dict:
    """Per indicator, (values: councils x periods, NaN where not published or left out; cohort: the index of the
    first period ending on or after the council's start, NaN for a comparison council). A council starting after the
    last period compares throughout; one starting by the first period is left out. With ``treated``, the other
    councils compare until their own start, their periods from then on left out (docs/methods.md)."""
    ind = pd.read_csv(folder / "indicators.csv", dtype={"council_id": str})
    ind["value"] = pd.to_numeric(ind["value"], errors="coerce")
    out = {}
    for measure, d in ind.dropna(subset=["value"]).groupby("measure"):
        period = pd.to_datetime(d["period"])
        periods = sorted(period.unique())
        wide = d.assign(t=period.map({p: i for i, p in enumerate(periods)})).pivot_table(
            index="council_id", columns="t", values="value").reindex(columns=range(len(periods)))
        cohort = pd.Series(np.nan, index=wide.index)
        for c in wide.index:
            start = starts.get(c, pd.NaT)
            if pd.isna(start):
                continue
            first = next((i for i, p in enumerate(periods) if p >= start), np.inf)
            if treated is None or c in treated:
                cohort[c] = first
            elif np.isfinite(first):
                wide.loc[c, list(range(first, len(periods)))] = np.nan
        cohort[cohort == np.inf] = np.nan
        keep = (cohort != 0) & wide.notna().any(axis=1)
        out[measure] = (wide[keep].to_numpy(float), cohort[keep].to_numpy(float))
    return out


def simple_aggregate(values: np.ndarray, cohort: np.ndarray, control: str, alpha: float = 0.05,
                     kind: str = "simple") -> dict:
    """The simple aggregate of the ATT(g, t) after the start (weights: the cohorts' shares of the councils, renormalised
    over the cells compared with at least two councils), or with ``kind="group"`` the group aggregate (each cohort's
    cells averaged alike, the cohorts weighted by their shares renormalised over the cohorts with a cell: the average
    per council compared, the review's since truth82), its variance sum psi_i^2 / n^2 with psi the influence
    function of the cells (each mean's deviations times sqrt(m / (m - 1)), Welch) plus that of the estimated shares
    (R's did::aggte: of each cell's cohort for the simple, of each cohort once for the group), split by cohort (the comparison councils one part), each part on its councils - 1 df,
    Welch-Satterthwaite capped at the councils contributing less two; a council alone in its cohort at a cell borrows the variance of the same weighted sum of
    changes over the councils compared with it in all its cells."""
    n, T = values.shape
    never = np.isnan(cohort)
    label = np.where(never, -1, cohort)
    cells = []
    for g in np.unique(cohort[~never]).astype(int):
        for t in range(g, T):
            dy = values[:, t] - values[:, g - 1]
            seen = np.isfinite(dy)
            treated = (cohort == g) & seen
            compared = (never | ((cohort > t) & (cohort != g)) if control == "not_yet_treated" else never) & seen
            if treated.any() and compared.sum() >= MIN_COMPARISON:
                cells.append(dict(g=g, dy=np.where(seen, dy, 0.0), treated=treated, compared=compared,
                                  att=dy[treated].mean() - dy[compared].mean()))
    if not cells:
        return dict(estimate=np.nan)
    att = np.array([c["att"] for c in cells])
    if kind == "simple":  # the shares and their influence are the cells'
        share = np.array([(cohort == c["g"]).sum() / n for c in cells])
        w = share / share.sum()
        keys, theta = [c["g"] for c in cells], att
    else:  # the cohorts': each cohort's mean of its cells, weighted by its share
        keys = sorted({c["g"] for c in cells})
        share = np.array([(cohort == g).sum() / n for g in keys])
        per = np.array([sum(c["g"] == g for c in cells) for g in keys])
        w = np.array([share[keys.index(c["g"])] / share.sum() / per[keys.index(c["g"])] for c in cells])
        theta = np.array([att[[c["g"] == g for c in cells]].mean() for g in keys])
    estimate = float(w @ att)
    psi = np.zeros(n)
    for c, wc in zip(cells, w):
        for mask, sign in ((c["treated"], 1.0), (c["compared"], -1.0)):
            m = mask.sum()
            welch = np.sqrt(m / (m - 1)) if m > 1 else 1.0
            psi[mask] += sign * wc * n * (c["dy"][mask] - c["dy"][mask].mean()) / m * welch
    member = np.array([(cohort == g).astype(float) for g in keys]).T  # n x cells (simple) or cohorts (group)
    dev = member - share[None, :]
    wif = dev / share.sum() - dev.sum(axis=1)[:, None] * (share / share.sum() ** 2)[None, :]
    psi += wif @ theta
    parts = {h: [float((psi[label == h] ** 2).sum()) / n ** 2, float((label == h).sum() - 1)]
             for h in np.unique(label)}
    lone: dict[int, list[int]] = {}
    for k, c in enumerate(cells):
        if c["treated"].sum() == 1:
            lone.setdefault(int(np.flatnonzero(c["treated"])[0]), []).append(k)
    for i, ks in enumerate(lone.values()):
        compared = np.logical_and.reduce([cells[k]["compared"] for k in ks])
        if compared.sum() < 2:
            return dict(estimate=estimate, se=np.nan, df=np.nan)
        change = sum(w[k] * cells[k]["dy"] for k in ks)
        var, dfl = float(np.var(change[compared], ddof=1)), float(compared.sum() - 1)
        shared = np.unique(label[compared])
        key = shared[0] if len(shared) == 1 else ("lone", i)
        if key in parts:
            parts[key] = [parts[key][0] + var, min(parts[key][1], dfl)]
        else:
            parts[key] = [var, dfl]
    total = sum(v for v, _ in parts.values())
    spread = sum(v ** 2 / d for v, d in parts.values() if d > 0 and v > 0)
    # capped at the councils contributing less two (of nonzero influence, or alone in a cohort and those compared
    # with them): Welch's bound n_1 + n_2 - 2, Crawford and Howell's m - 1 (truth79)
    contributing = psi != 0
    for ks in lone.values():
        contributing |= np.logical_and.reduce([cells[k]["compared"] for k in ks]) | cells[ks[0]]["treated"]
    se, df = np.sqrt(total), min(total ** 2 / spread, max(int(contributing.sum()) - 2, 1))
    q = stats.t.ppf(1 - alpha / 2, df)
    return dict(estimate=estimate, se=se, df=df, ci_low=estimate - q * se, ci_high=estimate + q * se,
                p_value=2 * stats.t.sf(abs(estimate / se), df), n_lone=len(lone))


def did_by_hand(folder) -> dict:
    """{(family, group, measure): simple_aggregate} of the intervention comparison ('notice', councils never in
    intervention compared, the group aggregate since truth83) and of the review's in each status group ('review',
    councils not yet reviewed compared, the group aggregate since truth82)."""
    onset, reviewed, in_at_review = _dates(folder)
    out = {}
    for measure, (v, g) in did_panels(folder, onset).items():
        out[("notice", "all", measure)] = simple_aggregate(v, g, "never_treated", kind="group")
    for group, members in (("intervention", set(in_at_review.index[in_at_review])),
                           ("no_intervention", set(in_at_review.index[~in_at_review]))):
        for measure, (v, g) in did_panels(folder, reviewed, members).items():
            out[("review", group, measure)] = simple_aggregate(v, g, "not_yet_treated", kind="group")
    return out


def _close(got, want, rtol=1e-6, atol=1e-9) -> bool:
    got, want = float(got), float(want)
    if not (np.isfinite(got) and np.isfinite(want)):
        return np.isnan(got) and np.isnan(want) or got == want
    return abs(got - want) <= atol + rtol * abs(want)


@pytest.mark.parametrize("n", sorted(DESIGNS))
def test_indicator_did_and_review_did_by_status_recompute(published, n):
    """Every estimate, standard error, df, interval and p of the intervention comparison and of the review's by status
    group, at full precision in the findings and at the decimals shown in the published tables."""
    s = published[n]
    mine = did_by_hand(s["study"])
    f = s["findings"]
    frames = {"notice": f.indicator_effects.assign(group="all"),
              "review": f.review_indicator_effects[f.review_indicator_effects["group"] != "all"]}
    bad, cells, lone = [], 0, 0
    for family, e in frames.items():
        for r in e[e["estimate"].notna()].itertuples(index=False):
            want = mine[(family, r.group, r.measure)]
            lone += bool(want.get("n_lone"))
            for c in ("estimate", "se", "df", "ci_low", "ci_high", "p_value"):
                cells += 1
                if not _close(getattr(r, c), want[c]):
                    bad.append((family, r.group, r.measure, c, getattr(r, c), want[c]))
    ck = s["checker"]
    for name, family, keys in (("indicator_did", "notice", lambda r: ("all", r.measure)),
                               ("indicator_review_did_by_status", "review", lambda r: (r.group, r.measure))):
        t = ck.table(name)
        assert len(t) >= 5, name
        for r in t.itertuples(index=False):
            want = mine[(family, *keys(r))]
            for c in ("estimate", "ci_low", "ci_high", "p_value"):
                ck.compare(name, keys(r), c, getattr(r, c), want[c])
    assert bad == [] and ck.mismatches == []
    assert cells >= 80 and ck.cells >= 50 and lone >= 1  # a council alone in its cohort at some period: borrowed


def _holm_family_checked(shown: pd.DataFrame, raw: np.ndarray) -> list:
    """Holm of ``raw`` (full-precision randomisation p) against the adjusted p shown (at its decimals)."""
    bad = []
    for a, want in zip(shown["ri_p_adjusted"], _holm(raw), strict=True):
        if not abs(float(a) - want) <= 0.5 * 10 ** -(len(a.split(".")[1]) if "." in a else 0) + 1e-12:
            bad.append((a, want))
    return bad


@pytest.mark.parametrize("n", sorted(DESIGNS))
def test_randomisation_p_adjusted_by_holm_on_the_published_tables(published, n):
    """The published 'Randomisation p, adjusted' is Holm's over its family: the indicators of the intervention table;
    the review's tests over all councils and in each status group together, the report reading both in these studies
    (docs/methods.md: one family, in the summary and both tables alike)."""
    s = published[n]
    ck, f = s["checker"], s["findings"]
    notice = ck.table("indicator_did")
    notice = notice[~notice["ri_p_adjusted"].isin(["", "c"])]
    raw = f.indicator_effects.set_index("measure").loc[notice["measure"], "ri_p_value"].to_numpy(float)
    assert len(raw) >= 4 and _holm_family_checked(notice, raw) == []
    pooled, status = ck.table("indicator_review_did"), ck.table("indicator_review_did_by_status")
    pooled = pooled[~pooled["ri_p_adjusted"].isin(["", "c"])]
    e = f.review_indicator_effects.set_index(["group", "measure"])
    raw_pooled = e.loc[[("all", m) for m in pooled["measure"]], "ri_p_value"].to_numpy(float)
    raw_status = e.loc[list(zip(status["group"], status["measure"])), "ri_p_value"].to_numpy(float)
    assert len(raw_status) >= 8
    joint = pd.concat([pooled, status], ignore_index=True)
    assert _holm_family_checked(joint, np.r_[raw_pooled, raw_status]) == []


# ---------------------------------------------------------------- the survey models' Satterthwaite df


def survey_frame(ck: Checker) -> pd.DataFrame:
    sv = pd.read_csv(ck.study / "survey_responses.csv", dtype={"council_id": str})
    m = sv.dropna(subset=["value"]).groupby(["council_id", "respondent_id", "wave"])["value"].mean().reset_index()
    m = m.merge(ck.status, on=["council_id", "wave"])
    m["in_intervention"] = m["in_intervention"].astype(float)
    m["wave"] = pd.Categorical(m["wave"], categories=[w for w in ck.waves if w in set(m["wave"])])
    return m.sort_values(["council_id", "respondent_id", "wave"], kind="stable").reset_index(drop=True)


def reml_satterthwaite(m: pd.DataFrame, formula: str, contrasts: dict[str, dict[str, float]]) -> pd.DataFrame:
    """REML of ``value ~ fixed + (1 | council) + (1 | council:wave) + (1 | council:respondent)`` (a component left
    out where its groups never hold two rows), written with numpy: the residual variance profiled out, the variance
    ratios maximised by L-BFGS-B from three starts. Then for each contrast c the estimate c'b, se sqrt(c'Cc) with
    C = (X'V^-1 X)^-1, and Satterthwaite's df 2 (c'Cc)^2 / (g'Ag): g_j = c'C X'V^-1 V_j V^-1 X C c, A the inverse of
    the observed information y'P V_j P V_k P y - tr(P V_j P V_k) / 2, or of the expected tr(P V_j P V_k) / 2 where a
    variance is below 1e-4 of itself plus the residual's (docs/methods.md), with P = V^-1 - V^-1 X C X' V^-1 formed
    densely and V_j = Z_j Z_j' (Z_j the indicators of the component's groups; the identity for the residual)."""
    from scipy import sparse

    y, X = patsy.dmatrices(formula, m, return_type="dataframe")
    names, y, X = list(X.columns), y.to_numpy()[:, 0], X.to_numpy()
    n, p = X.shape
    council = m["council_id"].to_numpy()
    labels = [council, council + ":" + m["wave"].astype(str).to_numpy(), council + ":" + m["respondent_id"].to_numpy()]
    labels = labels[:1] + [lab for lab in labels[1:] if pd.Series(lab).duplicated().any()]
    Z = [sparse.identity(n, format="csr")]
    for lab in labels:
        codes = pd.factorize(lab)[0]
        Z.append(sparse.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, codes.max() + 1)))
    blocks = [(b, [(lab[b][:, None] == lab[b][None, :]).astype(float) for lab in labels])
              for b in (np.flatnonzero(council == c) for c in pd.unique(council))]

    def block_inverses(r):
        for b, same in blocks:
            yield b, np.linalg.inv(np.eye(len(b)) + sum(ri * S for ri, S in zip(r, same)))

    def profiled(r):
        logdet, XtHX, XtHy, yHy = 0.0, np.zeros((p, p)), np.zeros(p), 0.0
        for b, Hi in block_inverses(r):
            logdet -= np.linalg.slogdet(Hi)[1]
            XtHX += X[b].T @ Hi @ X[b]
            XtHy += X[b].T @ Hi @ y[b]
            yHy += y[b] @ Hi @ y[b]
        q = yHy - XtHy @ np.linalg.solve(XtHX, XtHy)
        return (n - p) * np.log(q) + logdet + np.linalg.slogdet(XtHX)[1], q

    best = min((optimize.minimize(lambda r: profiled(r)[0], np.full(len(labels), s0), method="L-BFGS-B",
                                  bounds=[(0, None)] * len(labels), options={"ftol": 1e-15, "gtol": 1e-10})
                for s0 in (1.0, 0.1, 0.01)), key=lambda r: r.fun)
    s2 = profiled(best.x)[1] / (n - p)
    theta = np.r_[s2, s2 * best.x]
    Vi = np.zeros((n, n))
    for b, Hi in block_inverses(best.x):
        Vi[np.ix_(b, b)] = Hi / s2
    C = np.linalg.inv(X.T @ Vi @ X)
    beta = C @ X.T @ Vi @ y
    P = Vi - Vi @ X @ C @ X.T @ Vi
    PZ = [np.asarray((z.T @ P).T) for z in Z]  # P Z_j, n x groups
    ZPZ = [[np.asarray(Z[j].T @ PZ[k]) for k in range(len(Z))] for j in range(len(Z))]
    tr = np.array([[np.sum(ZPZ[j][k] ** 2) for k in range(len(Z))] for j in range(len(Z))])  # tr(P V_j P V_k)
    ZPy = [np.asarray(z.T @ (P @ y)) for z in Z]
    observed = np.array([[ZPy[j] @ ZPZ[j][k] @ ZPy[k] for k in range(len(Z))] for j in range(len(Z))]) - tr / 2
    at_zero = (theta[1:] / (theta[1:] + s2) < 1e-4).any()
    info = tr / 2 if at_zero or np.any(np.linalg.eigvalsh(observed) <= 0) else observed
    A = np.linalg.inv(info)
    rows = []
    for label, c in contrasts.items():
        cv = np.array([c.get(k, 0.0) for k in names])
        u = Vi @ X @ C @ cv
        g = np.array([np.sum(np.asarray(z.T @ u) ** 2) for z in Z])  # c'C X'V^-1 V_j V^-1 X C c
        var = cv @ C @ cv
        rows.append(dict(term=label, estimate=cv @ beta, se=np.sqrt(var), df=2 * var ** 2 / (g @ A @ g)))
    return pd.DataFrame(rows).set_index("term")


def survey_mismatches(ck: Checker, findings) -> tuple[list, int, pd.DataFrame]:
    """The survey model and the survey change by status of ``findings`` against a REML fit of round 61's survey frame
    (:func:`reml_satterthwaite`): each row's estimate, se, df, and its interval and p on that df, every later wave's
    change (against the first wave) and status. Returns the mismatches (row, column, impact's, recomputed), the cells
    compared and the recomputed rows."""
    m = survey_frame(ck)
    waves = list(m["wave"].cat.categories)
    later = waves[1:]
    a = lambda w: f"C(wave)[T.{w}]"  # noqa: E731
    model = reml_satterthwaite(m, "value ~ C(wave) + in_intervention",
                               {**{f"wave_{w}": {a(w): 1} for w in later}, "in_intervention": {"in_intervention": 1}})
    inter = {}
    for w in later:
        inter[(w, "change_not_in_intervention")] = {a(w): 1}
        inter[(w, "change_in_intervention")] = {a(w): 1, f"{a(w)}:in_intervention": 1}
        inter[(w, "change_difference")] = {f"{a(w)}:in_intervention": 1}
    inter[(waves[0], "status_at_first")] = {"in_intervention": 1}
    by_status = reml_satterthwaite(m, "value ~ C(wave) * in_intervention", inter)
    f = findings
    got = pd.concat([f.survey_model.set_index("term")[["estimate", "se", "df", "ci_low", "ci_high", "p_value"]],
                     f.survey_by_status.set_index(pd.MultiIndex.from_frame(f.survey_by_status[["wave", "term"]]))
                     [["estimate", "se", "df", "ci_low", "ci_high", "p_value"]]])
    want = pd.concat([model, by_status])
    bad, cells = [], 0
    for key, w in want.iterrows():
        g = got.loc[[key]].iloc[0]
        q = stats.t.ppf(0.975, w["df"])
        full = dict(w, ci_low=w["estimate"] - q * w["se"], ci_high=w["estimate"] + q * w["se"],
                    p_value=2 * stats.t.sf(abs(w["estimate"] / w["se"]), w["df"]))
        for c, v in full.items():
            cells += 1
            if not _close(g[c], v, rtol=1e-4, atol=1e-7):
                bad.append((key, c, g[c], v))
    return bad, cells, want


@pytest.mark.parametrize("n", sorted(DESIGNS))
def test_survey_satterthwaite_df_from_the_definition(published, n):
    """The survey model and the survey change by status: estimate, se and Satterthwaite df of every row recomputed
    from a REML fit written here (dense matrices; 1e-4 relative on the fit, which optimisers reach to about that), and
    their interval and p on that df."""
    s = published[n]
    bad, cells, want = survey_mismatches(s["checker"], s["findings"])
    assert bad == []
    assert cells >= 36 and want["df"].round(3).nunique() > 2


# ---------------------------------------------------------------- Firth's fit in the change by status


def firth_by_status(o: dict, alpha: float = 0.05) -> tuple[dict, dict]:
    """Firth's fit of ``y ~ C(wave) * s`` on round 62's rows of one impact (``o`` of its :func:`by_status`), councils as
    clusters (docs/methods.md, truth53): per later wave the change not in intervention (the wave term), in
    intervention (the wave term of the fit with the status coded the other way round) and their difference (the
    interaction), each with its profile interval and design-effect test (round 62's :func:`firth_term`); and the
    joint test of the interaction terms, the penalised likelihood ratio statistic over the number of terms and their
    mean generalised design effect (the mean eigenvalue of the model covariance's inverse times the sandwich, at least
    1; first-order Rao-Scott) on F(terms, councils - parameters)."""
    d = o["data"].assign(wave=lambda x: pd.Categorical(x["wave"], categories=o["waves"]))
    groups = pd.factorize(d["council_id"])[0]
    later = o["waves"][1:]
    fits = {}
    for flip in (0, 1):
        y, X = patsy.dmatrices("y ~ C(wave) * s", d.assign(s=1 - d["s"] if flip else d["s"]), return_type="dataframe")
        fits[flip] = (list(X.columns), y.to_numpy()[:, 0], X.to_numpy(), None)
        fits[flip] = (*fits[flip][:3], firth_fit(fits[flip][1], fits[flip][2], groups))
    names, y, X, fit = fits[0]
    rows = {}
    for w in later:
        wave, inter = names.index(f"C(wave)[T.{w}]"), names.index(f"C(wave)[T.{w}]:s")
        rows[(w, "change_not_in_intervention")] = firth_term(y, X, groups, wave, alpha, fit)
        rows[(w, "change_difference")] = firth_term(y, X, groups, inter, alpha, fit)
        n1, y1, X1, fit1 = fits[1]
        rows[(w, "change_in_intervention")] = firth_term(y1, X1, groups, n1.index(f"C(wave)[T.{w}]"), alpha, fit1)
    for r in rows.values():  # the cluster-robust standard error, never below the model's (impact.stats.firth_logistic)
        r["se"] = r["se_model"] * np.sqrt(r["design_effect"])
    b, top, cov, rob = fit
    idx = [names.index(f"C(wave)[T.{w}]:s") for w in later]
    block = np.ix_(idx, idx)
    deff = max(1.0, float(np.trace(np.linalg.solve(cov[block], rob[block]))) / len(idx))
    lr = max(0.0, 2 * (top - firth_max(y, X, fixed={j: 0.0 for j in idx}, start=b)[1]))
    df = max(groups.max() + 1 - X.shape[1], 1)
    statistic = lr / deff / len(idx)
    return rows, dict(statistic=statistic, df_num=len(idx), df=df, p_value=stats.f.sf(statistic, len(idx), df))


@pytest.mark.parametrize("n", sorted(SEPARATED))
def test_change_by_status_firth_where_a_cell_is_all_or_none(published, n):
    """Every impact whose change by status has a wave and status group where every participant or none reported it:
    Firth's estimates, standard errors (the model's times the root of the design effect), signed statistics, df, p-values and profile limits of each
    group's change and their difference, and the joint Rao-Scott test, recomputed from the penalised likelihood; and
    Holm's adjustment of the joint tests' p across every impact tested (GEE and Firth alike)."""
    s = published["separated"][n]
    mine, got = by_status(s["checker"]), s["by_status"]
    separated = [c for c, o in mine.items() if o.get("why") == "separated"]
    assert len(separated) >= 3
    bad, cells = [], 0
    for code in separated:
        o = mine[code]
        cell = o["data"].groupby(["wave", "s"])["y"].agg(["min", "max"])
        assert (cell["min"] == cell["max"]).any()
        rows, test = firth_by_status(o)
        t = got[got["code"] == code]
        differs = t[t["term"] == "differs"].iloc[0]
        assert differs["estimator"] == "firth" and differs["grouping"] == o["grouping"]
        pairs = [(c, differs[c], v) for c, v in test.items()]
        for (w, term), r in rows.items():
            row = t[(t["wave"] == w) & (t["term"] == term)].iloc[0]
            pairs += [(f"{w} {term} {c}", row[c], r[k]) for c, k in (
                ("estimate", "estimate"), ("se", "se"), ("statistic", "statistic"), ("df", "df"),
                ("p_value", "p_value"), ("ci_low", "ci_low"), ("ci_high", "ci_high"))]
        for name, g, w in pairs:
            cells += 1
            if not _close(g, w, rtol=1e-5, atol=1e-7):
                bad.append((code, name, g, w))
    tested = got[(got["term"] == "differs") & got["tested"].astype(bool)]
    for a, want in zip(tested["p_adjusted"], _holm(tested["p_value"].to_numpy(float)), strict=True):
        cells += 1
        if not _close(a, want):
            bad.append(("p_adjusted", a, want))
    assert bad == []
    assert cells >= 60
