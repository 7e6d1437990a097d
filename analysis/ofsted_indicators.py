"""Children's social care indicators by Ofsted judgement, and around an inadequate judgement.

Reproducible programme analysis over public data (thin over :mod:`impact`):

1. Reads the DfE children in need (b1) and referrals (c1) files, the ONS
   mid-year population estimates and the Ofsted inspection history.
2. Builds an annual council panel (years ending 31 March) of three outcomes:
   children in need at 31 March per 10,000 children (``cin_rate``), referrals
   per 10,000 children (``referral_rate``) and the percentage of referrals
   that were re-referrals within 12 months (``rereferral_percent``, as
   published).  Rates use the mid-year estimate of the previous June (see
   :mod:`impact.official.rates`).
3. Table and figure: each outcome by the Ofsted overall judgement in force at
   the end of the year (council-years whose judgement is unknown - mostly
   before the 2018 ILACS framework, whose grades are not in the source - are
   counted but not grouped).
4. Event study: councils whose first inadequate judgement since 1 January
   2018 (ILACS) was published within the panel's years, against councils
   judged but never inadequate since then.  Grades published before 2018 are
   not in the source, so an earlier (SIF) inadequate cannot be ruled out on
   either side.  Councils whose record since 2018 is incomplete are left out
   of both groups (:func:`left_out`): no judgement of them published since
   2018 is in the source (councils abolished before the source was compiled,
   e.g. Northamptonshire), or one was published whose overall grade the source
   lacks (reports of SIF inspections published in 2018, unreadable reports),
   which may have been inadequate; so are councils first judged inadequate
   after the panel's last year.  Event time 0 is the year ending 31 March in
   which the judgement was published.  Descriptive means by event time are
   always written.  Councils are judged inadequate in different years, so the
   effect is estimated with :func:`impact.stats.staggered_did` (Callaway and
   Sant'Anna 2021: each cohort against the councils not judged inadequate
   since 2018), not two-way fixed effects, which compare late with
   already-judged councils and are biased when effects change over time.

Run::

    python analysis/ofsted_indicators.py ../shared/data out/ofsted_indicators

Outputs (``out_dir``): ``panel.csv`` (every council-year; ``event_study``: treated, comparison or the
reason the council is left out), ``indicators_by_judgement.csv``,
``event_study_means.csv``, ``did.csv`` (overall effect per outcome, with its
randomisation p-value), ``did_<outcome>_event_study.csv`` (effects by years
since the judgement, simultaneous bands) and ``did_<outcome>_att_gt.csv``
(every cohort x year), ``indicators_by_judgement.png``,
``event_study.png``, ``notes.txt``.  No personal data: inspectors' names are
dropped on load.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from impact.official import (  # noqa: E402
    event_time,
    first_event,
    judgement_at,
    ofsted_status_history,
    rate_per_10k,
    read_dfe,
    read_ofsted,
)
from impact.vocab import STATUSES  # noqa: E402

OUTCOMES = {
    "cin_rate": "Children in need at 31 March per 10,000 children",
    "referral_rate": "Referrals per 10,000 children",
    "rereferral_percent": "Re-referrals within 12 months (% of referrals)",
}
ILACS_START = pd.Timestamp("2018-01-01")
WINDOW = (-4, 4)
JUDGEMENTS = [g for g in STATUSES["ofsted_judgement"] if g != "adequate"]


def build_panel(shared_data_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (panel, status_history, unknown judgements): one panel row per council x year, the known overall
    judgements and those published since :data:`ILACS_START` without a grade (:func:`unknown_judgements`)."""
    root = Path(shared_data_dir)
    dfe = root / "dfe"
    cin = read_dfe(dfe / "b1_children_in_need_2013_to_2025.csv", measures=["At31_episodes"])
    ref = read_dfe(dfe / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", measures=["referral_count", "rereferral_percent"])
    pop = read_dfe(dfe / "ons_mid-year_population_estimates_2012_to_2024.csv", year_end="06-30")
    rates = pd.concat(
        [
            rate_per_10k(cin, population=pop, measure="at31_episodes", name="cin_rate"),
            rate_per_10k(ref, population=pop, measure="referral_count", name="referral_rate"),
        ]
    )
    long = pd.concat([rates[["council_id", "period", "measure", "value"]], ref.loc[ref["measure"] == "rereferral_percent", ["council_id", "period", "measure", "value"]]])
    panel = long.pivot_table(index=["council_id", "period"], columns="measure", values="value", aggfunc="first", dropna=False).reset_index()
    panel.columns.name = None
    panel = panel.reindex(columns=["council_id", "period", *OUTCOMES])
    panel["year"] = panel["period"].dt.year.astype("int64")
    inspections = read_ofsted(root / "ofsted" / "ofsted_csc_ilacs_history.csv", crosswalk=root / "ofsted" / "Provider_data_lookup.csv")
    history = ofsted_status_history(inspections)
    panel = judgement_at(history, data=panel)
    return panel, history, unknown_judgements(inspections)


def by_judgement(panel: pd.DataFrame) -> pd.DataFrame:
    """Summary of each outcome by the judgement in force (one row per outcome x judgement).

    Rows for the four ILACS judgements, then for any other judgement in the panel (``adequate``, used until
    November 2013, where a source gives it), then ``unknown``: every council-year is counted once.
    """
    found = set(panel["ofsted_judgement"].dropna())
    groups = [*JUDGEMENTS, *(j for j in STATUSES["ofsted_judgement"] if j in found and j not in JUDGEMENTS), "unknown"]
    rows = []
    for outcome in OUTCOMES:
        for judgement in groups:
            if judgement == "unknown":
                sub = panel[panel["ofsted_judgement"].isna()]
            else:
                sub = panel[panel["ofsted_judgement"] == judgement]
            values = sub[outcome].dropna()
            rows.append(
                {
                    "outcome": outcome,
                    "judgement": judgement,
                    "n": len(values),
                    "n_councils": sub.loc[sub[outcome].notna(), "council_id"].nunique(),
                    "mean": values.mean(),
                    "median": values.median(),
                    "q25": values.quantile(0.25),
                    "q75": values.quantile(0.75),
                    "first_year": sub["year"].min(),
                    "last_year": sub["year"].max(),
                }
            )
    return pd.DataFrame(rows)


def unknown_judgements(inspections: pd.DataFrame, *, since: pd.Timestamp = ILACS_START) -> pd.DataFrame:
    """Overall judgements published on or after ``since`` whose grade the source does not give.

    An inspection counts as a judgement unless the source marks it as giving none
    (``not_reported_post_reform``), the rule :func:`impact.ofsted_status_history` uses to end the previous
    judgement.  Returns ``council_id``, ``publication_date``.
    """
    rows = inspections[
        (inspections["council_id"] != "")
        & (inspections["publication_date"] >= since)
        & inspections["overall_effectiveness"].isna()
        & (inspections["overall_effectiveness_flag"] != "not_reported_post_reform")
    ]
    return rows[["council_id", "publication_date"]].reset_index(drop=True)


#: Why a council is in neither group of the event study (see :func:`left_out`).
LEFT_OUT_REASONS = {
    "no_judgement_in_source": "no judgement of the council published since {since} is in the source",
    "unknown_judgement": "a judgement published since {since} (before any inadequate one) has no grade in the source",
    "judged_after_panel": "first judged inadequate after the panel's last year",
}


def left_out(panel: pd.DataFrame, history: pd.DataFrame, unknown: pd.DataFrame) -> pd.DataFrame:
    """Councils of ``panel`` that can be neither treated nor compared: ``council_id``, ``reason``.

    A comparison council must have been judged since :data:`ILACS_START` and never inadequate since then,
    which only a complete record shows; a treated council's first inadequate judgement since then must be
    known to be its first.  So a council is left out when (reasons in :data:`LEFT_OUT_REASONS`) no judgement
    of it published since then is in the source, when one (before its first known inadequate, if any) has no
    grade in the source (``unknown`` from :func:`unknown_judgements`), or when it was first judged
    inadequate after the panel's last year (``staggered_did`` would otherwise count it as never treated).
    """
    councils = pd.Index(panel["council_id"].unique())
    since = history[history["start_date"] >= ILACS_START]
    event = first_event(history, status="inadequate", after=ILACS_START).set_index("council_id")["event_date"]
    stop = councils.map(event).fillna(pd.Timestamp.max)
    first_unknown = unknown.groupby("council_id")["publication_date"].min()
    last_end = pd.Timestamp(pd.to_datetime(panel["period"]).max())
    reason = pd.Series(pd.NA, index=councils, dtype="object")
    reason[~councils.isin(since["council_id"]) & ~councils.isin(first_unknown.index)] = "no_judgement_in_source"
    reason[(councils.map(first_unknown) < stop) & reason.isna()] = "unknown_judgement"
    reason[(stop != pd.Timestamp.max) & (stop > last_end) & reason.isna()] = "judged_after_panel"
    out = reason.dropna().rename("reason").rename_axis("council_id").reset_index()
    return out.sort_values(["reason", "council_id"], kind="stable").reset_index(drop=True)


def left_out_sentences(excluded: pd.DataFrame) -> list[str]:
    """One sentence per reason a council is in neither group of the event study, with the count."""
    since = f"{ILACS_START:%d %B %Y}"
    counts = excluded["reason"].value_counts()
    return [f"Left out of the event study: {counts[r]} council{'s' if counts[r] != 1 else ''} - "
            f"{text.format(since=since)}." for r, text in LEFT_OUT_REASONS.items() if r in counts.index]


def event_panel(panel: pd.DataFrame, history: pd.DataFrame, unknown: pd.DataFrame,
                excluded: pd.DataFrame | None = None) -> pd.DataFrame:
    """Panel with event time around the first inadequate judgement since :data:`ILACS_START`.

    Treated: councils first judged inadequate since then; comparison: councils judged since then and never
    inadequate; the councils of :func:`left_out` (``excluded``, computed when not given) are in neither group.
    """
    treated = first_event(history, status="inadequate", after=ILACS_START)
    out = event_time(panel, events=treated)
    if excluded is None:
        excluded = left_out(panel, history, unknown)
    # treated councils' years outside the window are kept (unit effects)
    keep = ~out["council_id"].isin(excluded["council_id"])
    return out[keep].reset_index(drop=True)


def event_means(events: pd.DataFrame) -> pd.DataFrame:
    """Mean of each outcome by event time for the treated councils (descriptive)."""
    treated = events[events["treated"] & events["event_time"].between(*WINDOW)]
    rows = []
    for outcome in OUTCOMES:
        for k, sub in treated.groupby("event_time"):
            values = sub[outcome].dropna()
            se = values.std(ddof=1) / np.sqrt(len(values)) if len(values) > 1 else np.nan
            rows.append({"outcome": outcome, "event_time": int(k), "n": len(values), "mean": values.mean(), "se": se})
    return pd.DataFrame(rows)


def staggered_panel(events: pd.DataFrame) -> pd.DataFrame:
    """The event panel with ``first_year``: the year (ending 31 March) of a council's first ILACS-era
    inadequate judgement, NaN for the comparison councils (judged, never inadequate, since then)."""
    out = events.copy()
    event_year = out["year"] - out["event_time"].astype("Float64")
    out["first_year"] = event_year.where(out["treated"]).astype("float64")
    out["first_year"] = out.groupby("council_id")["first_year"].transform("first")
    return out


def fit_staggered(
    events: pd.DataFrame, out_dir: Path, *, n_permutations: int, seed: int = 20240331
) -> tuple[pd.DataFrame, dict[str, pd.DataFrame], list[str]]:
    """Staggered difference-in-differences of each outcome around a first inadequate judgement.

    Councils are judged inadequate in different years, so two-way fixed effects (which compare late
    with already-judged councils) are not used: :func:`impact.stats.staggered_did` estimates each
    cohort's effect in each year against the councils not judged inadequate since 2018 (Callaway and
    Sant'Anna 2021), and
    the effects are averaged overall (``simple``) and by years since the judgement (``dynamic``, event
    times -4..4, simultaneous bands), with a randomisation p-value of the overall effect.

    Returns (overall table, event-study table per outcome, notes); writes ``did.csv``,
    ``did_<outcome>_event_study.csv`` and ``did_<outcome>_att_gt.csv``.
    """
    import warnings

    from impact.stats import staggered_did

    panel = staggered_panel(events)
    notes, rows, studies = [], [], {}
    for outcome in OUTCOMES:
        data = panel.dropna(subset=[outcome])
        if data.loc[data["treated"], "council_id"].nunique() < 1 or data.loc[~data["treated"], "council_id"].nunique() < 2:
            notes.append(f"{outcome}: not fitted (no treated councils or fewer than two comparison councils with data).")
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            res = staggered_did(data, outcome=outcome, unit="council_id", time="year", first_treated="first_year",
                                control="never_treated", seed=seed)
            simple = res.aggregate("simple", n_permutations=n_permutations, seed=seed)
            dynamic = res.aggregate("dynamic", n_permutations=0, min_e=WINDOW[0], max_e=WINDOW[1])
        row = simple.overall.iloc[0].to_dict()
        row.update(outcome=outcome, n_councils=res.n_units, n_treated=int(res.cohorts["n_units"].sum()),
                   n_control=res.n_never_treated, n_cohorts=len(res.cohorts),
                   first_cohort=int(res.cohorts["group"].min()), last_cohort=int(res.cohorts["group"].max()))
        rows.append(row)
        study = dynamic.table.assign(outcome=outcome)
        studies[outcome] = study
        study.to_csv(out_dir / f"did_{outcome}_event_study.csv", index=False)
        res.att_gt.assign(outcome=outcome).to_csv(out_dir / f"did_{outcome}_att_gt.csv", index=False)
        notes.append(f"{outcome}: staggered DiD over {len(res.cohorts)} cohorts of councils first judged inadequate "
                     f"since {ILACS_START:%d %B %Y} ({res.cohorts['n_units'].sum()} councils) against "
                     f"{res.n_never_treated} councils judged, never inadequate, since then.")
        notes += [f"{outcome}: {w.message}" for w in caught if issubclass(w.category, UserWarning)][:3]
    overall = pd.DataFrame(rows)
    if not overall.empty:
        first = ["outcome", "estimate", "se", "ci_low", "ci_high", "p_value", "ri_p_value"]
        overall = overall[first + [c for c in overall.columns if c not in first]]
    overall.to_csv(out_dir / "did.csv", index=False)
    if rows:  # the method is described only where it was used
        notes.append("Callaway-Sant'Anna group-time effects: each cohort is compared with the councils not judged "
                     f"inadequate since {ILACS_START:%d %B %Y} only (grades published before then are not in the "
                     "source, so an earlier inadequate is not ruled out); read the pre-judgement event times "
                     "(< 0, each a year against the year before) as a check of parallel trends.")
    return overall, studies, notes


def _plot_by_judgement(panel: pd.DataFrame, path: Path) -> None:
    fig, axes = plt.subplots(1, len(OUTCOMES), figsize=(13, 4.2))
    known = panel[panel["ofsted_judgement"].isin(JUDGEMENTS)]
    for ax, (outcome, label) in zip(axes, OUTCOMES.items(), strict=True):
        groups = [known.loc[known["ofsted_judgement"] == j, outcome].dropna() for j in JUDGEMENTS]
        names = [STATUSES["ofsted_judgement"][j].replace(" to be good", "") for j in JUDGEMENTS]
        ax.boxplot(groups, tick_labels=names)
        ax.set_title(label, fontsize=9)
        ax.tick_params(axis="x", labelrotation=30, labelsize=8)
    fig.suptitle("Indicators by the Ofsted judgement in force at 31 March (council-years)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _plot_events(means: pd.DataFrame, path: Path) -> None:
    fig, axes = plt.subplots(1, len(OUTCOMES), figsize=(13, 4))
    for ax, (outcome, label) in zip(axes, OUTCOMES.items(), strict=True):
        sub = means[means["outcome"] == outcome]
        ax.errorbar(sub["event_time"], sub["mean"], yerr=1.96 * sub["se"], marker="o", capsize=3)
        ax.axvline(-0.5, color="grey", linestyle="--", linewidth=1)
        ax.set_xlabel("Years from the year of the inadequate judgement")
        ax.set_title(label, fontsize=9)
    fig.suptitle("Councils judged inadequate (ILACS): mean by event time, 95% CI", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(shared_data_dir: str | Path, out_dir: str | Path, *, n_permutations: int = 2000) -> dict[str, Path]:
    """Run the analysis; write tables and figures to ``out_dir``; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    panel, history, unknown = build_panel(shared_data_dir)
    excluded = left_out(panel, history, unknown)
    events = event_panel(panel, history, unknown, excluded)
    means = event_means(events)
    paths = {
        "panel": out / "panel.csv",
        "by_judgement": out / "indicators_by_judgement.csv",
        "event_means": out / "event_study_means.csv",
        "by_judgement_figure": out / "indicators_by_judgement.png",
        "event_figure": out / "event_study.png",
        "notes": out / "notes.txt",
    }
    rest = panel[panel["council_id"].isin(excluded["council_id"])].merge(excluded, on="council_id")
    written = pd.concat([events.assign(event_study=np.where(events["treated"], "treated", "comparison")),
                         rest.rename(columns={"reason": "event_study"}).assign(treated=False)], ignore_index=True)
    written.sort_values(["council_id", "year"], kind="stable").to_csv(paths["panel"], index=False)
    by_judgement(panel).to_csv(paths["by_judgement"], index=False)
    means.to_csv(paths["event_means"], index=False)
    _plot_by_judgement(panel, paths["by_judgement_figure"])
    _plot_events(means, paths["event_figure"])
    n_treated = events.loc[events["treated"], "council_id"].nunique()
    n_control = events.loc[~events["treated"], "council_id"].nunique()
    notes = [
        f"Panel: {panel['council_id'].nunique()} councils, years {panel['year'].min()}-{panel['year'].max()}.",
        f"Event study: {n_treated} councils first judged inadequate since {ILACS_START:%d %B %Y}; {n_control} "
        "comparison councils judged, never inadequate, since then.",
        *left_out_sentences(excluded),
        *fit_staggered(events, out, n_permutations=n_permutations)[2],
    ]
    paths["notes"].write_text("\n".join(notes) + "\n", encoding="utf-8")
    return paths


if __name__ == "__main__":  # pragma: no cover
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_data_dir")
    parser.add_argument("out_dir")
    args = parser.parse_args()
    for name, path in main(args.shared_data_dir, args.out_dir).items():
        print(f"{name}: {path}", file=sys.stdout)
