"""Assemble the programme report from :class:`impact.pipeline.Findings`.

Everything shown is taken from the findings' tables; this module only
selects, relabels, protects (pseudonyms, suppression, redaction, coarsened
attribution) and lays out.  Publication rules applied here:

* councils and participants appear under keyed pseudonyms unless
  ``identify=True``;
* counts of councils, participants or interviews below ``min_count`` show as
  ``c``, with secondary suppression, and the shares and intervals computed
  from a suppressed count are suppressed too (figures mask the same cells);
* quotes are redacted (names, contact details, postcodes, councils, places,
  dates of birth) and attributed only as finely as ``quote_k`` councils share.
"""

from __future__ import annotations

import json
import warnings

import pandas as pd
from matplotlib.figure import Figure as _MplFigure

from .. import vocab
from ..privacy import (
    SUPPRESSED,
    coarsen_attribution,
    pseudonym_map,
    redact_series,
    suppress_counts,
)
from . import (
    CI,
    Bullets,
    Callout,
    Figure,
    Paragraph,
    Quote,
    Report,
    Section,
    Table,
    bar_counts,
    forest_plot,
    prevalence_heatmap,
    trajectory_chart,
    trend_plot,
)

__all__ = ["assemble"]


def _subplots(figsize: tuple[float, float]):
    """A figure and axes outside pyplot: no global state, no backend switch, nothing left open."""
    fig = _MplFigure(figsize=figsize)
    return fig, fig.subplots()


STATUS_LABELS = {"no_intervention": "Not in intervention", "intervention": "In intervention"}


class _Ctx:
    def __init__(self, findings, identify, min_count, quote_k, key):
        self.f = findings
        self.study = findings.study
        self.identify = identify
        self.min_count = min_count
        self.quote_k = quote_k
        self.key = key
        self.code_labels = dict(zip(findings.codebook.codes["code_id"], findings.codebook.codes["label"]))
        self.wave_labels = dict(zip(self.study.waves["wave"], self.study.waves["label"]))
        councils = self.study.councils
        if identify:
            self.council_name = dict(zip(councils["council_id"], councils["name"]))
        else:
            self.council_name = pseudonym_map(councils["council_id"], kind="council", key=key)

    def code(self, c):
        return self.code_labels.get(c, c)

    def wave(self, w):
        return self.wave_labels.get(w, w)

    def short_wave(self, w):
        """The wave's label before any bracket ("Early impact (about 3 months after)" -> "Early impact")."""
        return str(self.wave(w)).split(" (")[0]

    def suppress(self, df, counts, shares=None, totals="none", by=None):
        """Suppress small counts (and what would reveal them) in a copy of ``df``.

        ``totals`` names the line totals that are published anywhere (the
        report states the number of councils, interviews and participants, so
        a lone suppressed cell in such a line could be subtracted out);
        ``by`` applies the rule within each group of rows (e.g. each wave).
        """
        counts = [c for c in counts if c in df.columns]
        if not counts or df.empty:
            return df
        if by:
            parts = [self.suppress(g, counts, shares, totals) for _, g in df.groupby(by, sort=False)]
            return pd.concat(parts).loc[df.index]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return suppress_counts(df, count_columns=counts, threshold=self.min_count, totals=totals,
                                   share_columns=shares or {})


def _suppressed(value) -> bool:
    return isinstance(value, str) and value == SUPPRESSED


def assemble(findings, *, identify: bool = False, min_count: int = 5, quote_k: int = 5, key=None):
    """Return ``(report, extra_files)`` for :func:`impact.pipeline.run`."""
    ctx = _Ctx(findings, identify, min_count, quote_k, key)
    sections = [
        _summary(ctx),
        _sample(ctx),
        _prevalence(ctx),
        _trajectories(ctx),
        _comparisons(ctx),
        _models(ctx),
        _actions_and_indicators(ctx),
        _framework(ctx),
    ]
    quotes_section, redaction_log = _quotes(ctx)
    sections += [quotes_section, _reliability(ctx), _methods(ctx)]
    report = Report(
        title=f"Impact of safeguarding children peer reviews: {findings.study.name}",
        subtitle="Programme-level findings across the waves of the study",
        provenance=dict(findings.provenance),
        sections=[s for s in sections if s is not None],
    )
    extra = {"redaction_log.csv": redaction_log.to_csv(index=False, lineterminator="\n"),
             "parameters.json": json.dumps(findings.parameters, indent=2, sort_keys=True) + "\n"}
    return report, extra


# --------------------------------------------------------------------------- sections
def _summary(ctx) -> Section:
    f = ctx.f
    s = f.sample["interviews_by_wave"]
    n_councils = len(ctx.study.councils)
    blocks = [
        Paragraph(
            f"This report follows {n_councils} councils across {len(ctx.study.wave_ids)} waves "
            f"({', '.join(ctx.wave(w) for w in ctx.study.wave_ids)}), drawing on "
            f"{int(s['n_interviews'].sum())} interviews coded against the {f.codebook.title or f.codebook.id} codebook."
        )
    ]
    sig = f.comparisons[f.comparisons["p_adjusted"] < f.parameters["alpha"]]
    items = []
    early = f.prevalence[f.prevalence["wave"] == (ctx.study.wave_ids[1] if len(ctx.study.wave_ids) > 1 else ctx.study.wave_ids[0])]
    if not early.empty:
        overall = early.groupby("code")[["events", "n"]].sum()
        overall["share"] = overall["events"] / overall["n"]
        top = overall.sort_values("share", ascending=False).head(3)
        for code, r in top.iterrows():
            items.append(f"{ctx.code(code)}: reported by {r['share']:.0%} of participants interviewed at the {ctx.wave(early['wave'].iloc[0]).lower()} wave.")
    for r in sig.itertuples():
        items.append(
            f"{ctx.code(r.code)} at the {ctx.wave(r.wave).lower()} wave differs by intervention status "
            f"(difference in the share of participants reporting it {r.hodges_lehmann:+.2f}, 95% CI "
            f"{r.hodges_lehmann_ci_low:.2f} to {r.hodges_lehmann_ci_high:.2f}, adjusted p = {r.p_adjusted:.3f})."
        )
    if sig.empty:
        items.append("No difference by intervention status survives adjustment for multiple comparisons "
                     f"({len(f.comparisons)} code x wave comparisons, {f.parameters['adjust']} adjustment).")
    blocks.append(Bullets(items))
    blocks.append(Callout(
        "Small samples: each comparison rests on few councils, so intervals are wide and a non-significant "
        "result is not evidence of no effect. Councils were cautious to attribute change to the review alone.",
        kind="warning",
    ))
    return Section("Summary", blocks)


def _sample(ctx) -> Section:
    f = ctx.f
    by_type = f.sample["councils_by_type"].assign(
        council_type=lambda d: d["council_type"].map(lambda v: vocab.label(vocab.COUNCIL_TYPES, v)))
    by_type = by_type.groupby("council_type", as_index=False)["n_councils"].sum()
    status = f.sample["status_by_wave"].copy()
    status["wave"] = status["wave"].map(ctx.wave)
    status["intervention"] = status["intervention"].map(lambda v: vocab.label(vocab.INTERVENTION_LEVELS, v))
    status["ofsted_judgement"] = status["ofsted_judgement"].map(
        lambda v: vocab.label(vocab.STATUSES["ofsted_judgement"], v) if v != "none" else "No judgement recorded")
    per_wave = f.sample["interviews_by_wave"].assign(wave=lambda d: d["wave"].map(ctx.wave))
    attrition = f.sample["attrition"].assign(wave=lambda d: d["wave"].map(ctx.wave))
    ws = ctx.study.wave_status()
    fig_data = ws.assign(wave=ws["wave"].map(ctx.wave),
                         status=ws["intervention"].map(lambda v: vocab.label(vocab.INTERVENTION_LEVELS, v)))
    counts = fig_data.groupby(["wave", "status"]).size().rename("n").reset_index()
    masked = counts[(counts["n"] >= ctx.min_count)]
    figure = []
    if not masked.empty:
        fig, ax = _subplots(figsize=(7, 3.2))
        bar_counts(masked, x="wave", hue="status", count="n", order=[ctx.wave(w) for w in ctx.study.wave_ids], ax=ax)
        ax.set_xlabel("Councils")
        figure = [Figure("status_by_wave", fig, "Councils by intervention level at each wave",
                         f"Bar chart of the number of councils at each intervention level at each wave; bars under "
                         f"{ctx.min_count} councils are not shown.")]
    return Section("The sample", [
        Paragraph("Who took part, in which status, and who was interviewed at each wave. Counts below "
                  f"{ctx.min_count} are shown as {SUPPRESSED}."),
        Table("councils_by_type", ctx.suppress(by_type, ["n_councils"], totals="columns"), "Councils by type", "Council types as in impact.vocab."),
        Table("status_by_wave", ctx.suppress(status, ["n_councils"], totals="columns", by=["wave"]), "Councils by intervention status and Ofsted judgement at each wave",
              "Status at the wave's reference date (median interview date, or the middle of the wave's window)."),
        *figure,
        Table("interviews_by_wave", ctx.suppress(per_wave, ["n_interviews", "n_councils", "n_participants"], totals="columns"),
              "Interviews, councils and participants at each wave"),
        Table("attrition", ctx.suppress(ctx.suppress(attrition, ["n_councils_interviewed", "n_councils_missing"], totals="rows"),
                                        ["n_participants_interviewed", "n_participants_missing"], totals="rows"),
              "Attrition: councils and participants not interviewed at a wave",
              "Attrition is not absence of impact: missing waves are left out of every comparison."),
    ])


def _prev_table(ctx) -> pd.DataFrame:
    p = ctx.f.prevalence.copy()
    p["impact"] = p["code"].map(ctx.code)
    p["wave_label"] = p["wave"].map(ctx.wave)
    p["status"] = p["group"].map(STATUS_LABELS)
    return p


def _prevalence(ctx) -> Section:
    p = _prev_table(ctx)
    shown = p[["impact", "wave_label", "status", "n", "events", "prevalence", "ci_low", "ci_high"]].rename(
        columns={"wave_label": "wave", "n": "n_participants", "events": "n_mentioning"})
    table = ctx.suppress(shown, ["n_participants", "n_mentioning"], totals="columns", by=["impact", "wave"],
                         shares={"prevalence": "n_mentioning", "ci_low": "n_mentioning", "ci_high": "n_mentioning"})
    blocks = [
        Paragraph("Share of interviewed participants who reported each impact (not negated), by wave and the "
                  "intervention status of their council at that wave, with Wilson 95% intervals. The intervals treat "
                  "participants as independent; the comparisons below use councils as the unit."),
        Table("prevalence", table, "Prevalence of each impact by wave and intervention status",
              "n_participants: participants interviewed at the wave whose council was in that status group; "
              "n_mentioning: of those, participants who reported the impact.",
              {"prevalence": "pct:0", "CI": CI("ci_low", "ci_high", digits=0, percent=True)}),
    ]
    keep = table["prevalence"].map(lambda v: not _suppressed(v))
    heat = p[keep.to_numpy()].copy()
    if not heat.empty:
        columns = [f"{ctx.short_wave(w)}\n{st}" for w in ctx.study.wave_ids for st in STATUS_LABELS.values()]
        heat["column"] = pd.Categorical(heat["wave"].map(ctx.short_wave) + "\n" + heat["status"], categories=columns)
        heat["prevalence"] = heat["prevalence"].astype(float)
        fig, ax = _subplots(figsize=(11, 0.6 * heat["impact"].nunique() + 3))
        prevalence_heatmap(heat, x="column", y="impact", value="prevalence", annot_n="n", ax=ax)
        ax.set_xlabel("Wave and intervention status")
        ax.set_ylabel("")
        for tick in ax.get_xticklabels():
            tick.set_rotation(30)
            tick.set_horizontalalignment("right")
        blocks.append(Figure("prevalence_heatmap", fig, "Prevalence of each impact by wave and status",
                             "Heatmap: rows are impacts, columns are wave and intervention status; darker cells mean a larger "
                             "share of participants reported the impact. Suppressed cells are left blank."))
    return Section("Impacts by wave and intervention status", blocks)


def _trajectories(ctx) -> Section:
    f = ctx.f
    t = f.trajectory_summary.copy()
    t.insert(0, "impact", t.pop("code").map(ctx.code))
    cols = [c for c in t.columns if c != "impact"]
    blocks = [
        Paragraph("Per participant and impact (the same people were interviewed at each wave): realised (expected "
                  "before the review, then reported), unmet expectation, unanticipated, and whether early impact was "
                  "sustained, faded or emerged later. Participants missing a wave needed are 'incomplete'."),
        Table("trajectory_summary", ctx.suppress(
                  ctx.suppress(t, [c for c in cols if c.startswith("realisation_")], totals="rows"),
                  [c for c in cols if c.startswith("persistence_")], totals="rows"), "Participants by trajectory of each impact",
              "Counts of participants; categories defined in the methods section."),
    ]
    pp = f.participant_panel
    # impacts mentioned per participant and wave (NA when every code is NA), one grouped sum, no per-group lambda
    n_codes = pp["mentioned"].astype("Int64").groupby([pp["participant_id"], pp["wave"]]).sum(min_count=1).reset_index(
        name="n_impacts")
    n_codes["state"] = n_codes["n_impacts"].map(
        lambda n: "0-2 impacts" if n <= 2 else "3 or more impacts")
    n_codes["wave"] = pd.Categorical(n_codes["wave"].map(ctx.short_wave),
                                     categories=[ctx.short_wave(w) for w in ctx.study.wave_ids], ordered=True)
    fig, ax = _subplots(figsize=(8, 4.5))
    trajectory_chart(n_codes, unit="participant_id", time="wave", state="state", missing="not interviewed", ax=ax)
    ax.set_xlabel("")
    blocks.append(Figure("trajectories", fig, "How the number of impacts each participant reported changed across the waves",
                         "Flow chart: participants grouped by how many impact categories they reported at each wave, with "
                         "bands showing how they moved between groups from one wave to the next."))
    per_council = f.trajectories.copy()
    per_council["council"] = per_council["council_id"].map(ctx.council_name)
    per_council["impact"] = per_council["code"].map(ctx.code)
    per_council = per_council[["council", "impact", "realisation", "persistence"]].sort_values(["council", "impact"])
    blocks.append(Table("trajectories_by_council", per_council, "Trajectory of each impact in each council",
                        "Councils under pseudonyms unless the report was run with --identify."))
    return Section("Trajectories: expectations, early impact and longer-term change", blocks)


def _comparisons(ctx) -> Section:
    c = ctx.f.comparisons.copy()
    c["impact"] = c["code"].map(ctx.code)
    c["wave_label"] = c["wave"].map(ctx.wave)
    a = c["group_a"].iloc[0] if len(c) else "a"
    b = c["group_b"].iloc[0] if len(c) else "b"
    a = c["group_a"].dropna().iloc[0] if "group_a" in c and c["group_a"].notna().any() else "no_intervention"
    b = c["group_b"].dropna().iloc[0] if "group_b" in c and c["group_b"].notna().any() else "intervention"
    shown = c.reindex(columns=["impact", "wave_label", "n_a", "median_a", "n_b", "median_b", "hodges_lehmann", "hodges_lehmann_ci_low",
                               "hodges_lehmann_ci_high", "effect", "test", "p_value", "p_adjusted"]).rename(
        columns={"wave_label": "wave", "effect": "rank_biserial", "hodges_lehmann": "difference"})
    both = ["n_a", "n_b"]  # the difference and median_b would give a suppressed median_a away
    table = ctx.suppress(shown, both, totals="rows", shares={"median_a": both, "median_b": both, "difference": both,
                                              "hodges_lehmann_ci_low": both, "hodges_lehmann_ci_high": both,
                                              "rank_biserial": both})
    change = ctx.f.change.copy()
    change["impact"] = change["code"].map(ctx.code)
    gcol = [col for col in change.columns if col not in {"code", "impact", "outcome", "test", "n", "n_times", "time_first",
            "time_last", "value_first", "value_last", "effect_type", "effect", "statistic", "df", "p_value",
            "p_asymptotic", "p_adjusted"}]
    if gcol:
        change["status"] = change[gcol[0]].map(STATUS_LABELS)
    change_shown = change.reindex(columns=["impact"] + (["status"] if gcol else []) + [
        "test", "n", "value_first", "value_last", "effect", "statistic", "p_value", "p_adjusted"]).rename(
        columns={"n": "n_councils", "value_first": f"median_{ctx.study.wave_ids[0]}",
                 "value_last": f"median_{ctx.study.wave_ids[-1]}", "effect": "kendalls_w"})
    change_table = ctx.suppress(change_shown, ["n_councils"])
    la, lb = STATUS_LABELS.get(a, a), STATUS_LABELS.get(b, b)
    blocks = [
        Paragraph(f"Councils {lb.lower()} compared with councils {la.lower()} at each wave, with the council as the unit: "
                  "the outcome is the share of a council's interviewed participants who reported the impact. Difference: "
                  "Hodges-Lehmann shift (second group minus first) with its distribution-free 95% interval; rank-biserial "
                  f"correlation; permutation test ({ctx.f.parameters['n_resamples']:,} resamples); p adjusted across every "
                  f"code and wave ({ctx.f.parameters['adjust']})."),
        Table("comparisons", table, f"Impact by intervention status ({lb} vs {la})",
              f"_a: {la}; _b: {lb}. n: councils interviewed at the wave; median: median share of participants reporting the impact.",
              {"median_a": "pct:0", "median_b": "pct:0", "difference": "num:2",
               "CI": CI("hodges_lehmann_ci_low", "hodges_lehmann_ci_high"), "rank_biserial": "num:2"}),
    ]
    fp = c.reindex(columns=[*c.columns, *[k for k in ("hodges_lehmann", "hodges_lehmann_ci_low", "hodges_lehmann_ci_high")
                                          if k not in c.columns]])
    fp = fp.assign(label=fp["impact"] + " (" + fp["wave_label"] + ")").dropna(
        subset=["hodges_lehmann", "hodges_lehmann_ci_low", "hodges_lehmann_ci_high"])
    if not fp.empty:
        fig, ax = _subplots(figsize=(7, 0.35 * len(fp) + 1.5))
        forest_plot(fp, label="label", estimate="hodges_lehmann", ci_low="hodges_lehmann_ci_low",
                    ci_high="hodges_lehmann_ci_high", ax=ax)
        ax.set_xlabel(f"Difference in share of participants ({lb} minus {la})")
        blocks.append(Figure("comparisons_forest", fig, "Differences by intervention status with 95% intervals",
                             "Forest plot: one line per impact and wave; the dot is the difference in the share of "
                             "participants reporting the impact between councils in and not in intervention, the line its "
                             "95% interval; the vertical line is no difference."))
    blocks += [
        Paragraph("Change across the waves within each status group: Friedman's test across the waves (Wilcoxon's "
                  "signed-rank test where there are two) of each council's share, on councils interviewed at every wave."),
        Table("change_over_time", change_table, "Change in each impact across the waves, by status group",
              f"median_{ctx.study.wave_ids[0]} / median_{ctx.study.wave_ids[-1]}: median share at the first and last wave "
              "among councils interviewed at all waves; Kendall's W: effect size.",
              {f"median_{ctx.study.wave_ids[0]}": "pct:0", f"median_{ctx.study.wave_ids[-1]}": "pct:0", "kendalls_w": "num:2"}),
    ]
    return Section("Comparisons by intervention status", blocks)


def _models(ctx) -> Section:
    m = ctx.f.models.copy()
    blocks = [Paragraph("Binomial GEE per impact of whether each participant reported it, on wave and their council's "
                        "current intervention status, with councils as clusters (exchangeable working correlation), the "
                        "Mancl-DeRouen bias-reduced sandwich covariance and a t reference distribution for few clusters.")]
    if not m.empty:
        m["impact"] = m["code"].map(ctx.code)
        keep = [c for c in ["impact", "term", "estimate", "se", "ci_low", "ci_high", "p_value", "odds_ratio",
                            "odds_ratio_ci_low", "odds_ratio_ci_high", "n_obs", "n_units"] if c in m.columns]
        blocks.append(Table("gee_models", m[keep], "GEE models of each impact: wave and intervention status",
                            "Estimates on the log-odds scale; odds ratios exponentiated. in_intervention: notice or direction "
                            "in force at the wave.", {"CI": CI("ci_low", "ci_high"), "OR CI": CI("odds_ratio_ci_low", "odds_ratio_ci_high"),
                                                      "odds_ratio": "num:2"}))
    else:
        blocks.append(Paragraph("No GEE could be fitted (every impact was reported by all or none of the councils)."))
    if ctx.f.survey_model is not None:
        blocks.append(Table("survey_model", ctx.f.survey_model, "Linear mixed model of the staff and partner survey score",
                            "Mean Likert score per respondent and wave; random intercept per council (REML).",
                            {"CI": CI("ci_low", "ci_high")}))
    return Section("Longitudinal models", blocks)


def _actions_and_indicators(ctx) -> Section | None:
    blocks = []
    a = ctx.f.actions
    if not a.empty:
        s = a.groupby("wave").agg(n_councils=("council_id", "nunique"), n_actions=("n_actions", "sum"),
                                  n_completed=("n_completed", "sum")).reindex(ctx.study.wave_ids).dropna(how="all").reset_index()
        s["share_completed"] = s["n_completed"] / s["n_actions"]
        s["wave"] = s["wave"].map(ctx.wave)
        blocks += [Paragraph("Progress of the actions councils drew from the review's recommendations (completed or embedded)."),
                   Table("action_completion", ctx.suppress(s, ["n_councils", "n_actions", "n_completed"],
                                                           shares={"share_completed": "n_completed"}),
                         "Action-plan completion by wave", "", {"share_completed": "pct:0"})]
    t = ctx.f.indicator_trends
    if t is not None and not t.empty:
        shown = t.assign(status=t["status_group"].map(STATUS_LABELS))
        table = ctx.suppress(shown[["measure", "period", "status", "n_councils", "mean", "median", "n_suppressed"]],
                             ["n_councils", "n_suppressed"], shares={"mean": "n_councils", "median": "n_councils"})
        blocks += [Table("indicator_trends", table, "Outcome indicators by intervention status over time",
                         "Mean and median across councils; councils grouped by whether they were in intervention at any wave. "
                         "Suppressed source values (DfE c, x, low...) are left out and counted.", {"period": "date"})]
        for measure in sorted(t["measure"].unique())[:3]:
            sub = shown[(shown["measure"] == measure) & (shown["n_councils"] >= ctx.min_count)]
            if sub.empty:
                continue
            fig, ax = _subplots(figsize=(7, 3.5))
            trend_plot(sub, x="period", y="mean", hue="status", ax=ax)
            ax.set_ylabel(measure)
            blocks.append(Figure(f"trend_{measure}", fig, f"{measure}: mean by intervention status",
                                 f"Line chart of the mean {measure} per period for councils in and not in intervention."))
    if not blocks:
        return None
    return Section("Action plans and outcome indicators", blocks)


def _framework(ctx) -> Section:
    th = ctx.f.themes.copy()
    th["council"] = th["council_id"].map(ctx.council_name)
    labels = dict(zip(ctx.f.themes["theme"], ctx.f.themes["theme"]))
    try:
        from ..coding import Codebook

        book = Codebook.load("review_themes")
        labels = dict(zip(book.codes["code_id"], book.codes["label"]))
    except Exception:  # noqa: BLE001 - labels are cosmetic
        pass
    th["theme_label"] = th["theme"].map(lambda t: labels.get(t, t))
    matrix = th.pivot_table(index="council", columns="theme_label", values="raised", aggfunc="first").reset_index()
    matrix.columns.name = None
    for col in matrix.columns[1:]:
        matrix[col] = matrix[col].map({True: "raised", False: ""})
    return Section("Framework matrix: councils by review theme", [
        Paragraph("Which review themes respondents in each council talked about (coded with the review_themes codebook). "
                  "Illustrative quotes by theme are in the next section, with disclosure-safe attribution."),
        Table("framework_matrix", matrix, "Review themes raised in each council", "Councils under pseudonyms."),
    ])


def _quotes(ctx) -> tuple[Section, pd.DataFrame]:
    f = ctx.f
    coded = f.coded
    ok = coded[~coded["negated"].astype(bool) & ~coded["hedged"].astype(bool)]
    seg = f.segments[["segment_id", "text", "council_id", "participant_id", "wave"]].rename(columns={"segment_id": "unit"})
    cand = ok.merge(seg, on="unit", how="inner")
    cand = cand[cand["text"].str.len().between(60, 400)]
    parts = ctx.study.participants[["participant_id", "role"]]
    cand = cand.merge(parts, on="participant_id", how="left")
    ws = ctx.study.wave_status()[["council_id", "wave", "intervention"]].rename(columns={"intervention": "status"})
    cand = cand.merge(ws, on=["council_id", "wave"], how="left")
    cand = cand.sort_values(["code", "score", "unit"], ascending=[True, False, True])
    picked = []
    for _code, grp in cand.groupby("code", sort=True):
        used = set()
        for r in grp.itertuples():
            if r.council_id in used:
                continue
            picked.append(r.Index)
            used.add(r.council_id)
            if len(used) == 2:
                break
    quotes = cand.loc[picked].copy()
    names = ctx.study.participants["name"].dropna().tolist()
    places = ctx.study.councils["name"].tolist()
    redacted, log = redact_series(quotes["text"].reset_index(drop=True), names=names, places=places, hash_key=ctx.key)
    quotes["quote"] = redacted.to_numpy()
    blocks = [Paragraph("Illustrative quotes for each impact, redacted of names, contact details, places and dates of "
                        f"birth, and attributed only as finely as at least {ctx.quote_k} councils share.")]
    if not quotes.empty:
        quotes = coarsen_attribution(quotes, k=ctx.quote_k,
                                     wave_labels={w: ctx.wave(w).lower() for w in ctx.study.wave_ids})
        for code, grp in quotes.groupby("code", sort=True):
            blocks.append(Paragraph(ctx.code(code)))
            for r in grp.itertuples():
                attribution = r.attribution_label if isinstance(r.attribution_label, str) else "Participant"
                blocks.append(Quote(r.quote, attribution))
        table = quotes.assign(impact=quotes["code"].map(ctx.code))[["impact", "quote", "attribution_label"]].rename(
            columns={"attribution_label": "attribution"})
        blocks.append(Table("quotes", table, "Illustrative quotes", "Redacted; attribution coarsened."))
    log = log.drop(columns=[c for c in ("original",) if c in log.columns])
    return Section("What people said", blocks), log


def _reliability(ctx) -> Section:
    r = ctx.f.reliability
    if r is None or r.empty:
        return Section("Coding reliability", [Paragraph(
            "No human codings were supplied with this run, so agreement between the machine coder and human coders is "
            "not reported here. Pass human codings (impact run --human FILE) to add it; see notebook 02 for the "
            "development-set accuracy of the rule coder.")])
    shown = r.copy()
    if "code" in shown.columns:
        shown["impact"] = shown["code"].map(ctx.code)
    return Section("Coding reliability", [
        Paragraph("Agreement between the machine coder and the human coders, per impact, at segment level "
                  "(a segment a coder did not code counts as the code being absent)."),
        Table("reliability", shown, "Intercoder agreement per impact", "", {"CI": CI("ci_low", "ci_high")}),
    ])


def _methods(ctx) -> Section:
    p = ctx.f.parameters
    return Section("Methods and limitations", [
        Paragraph("Transcripts were split into speaker turns and sentences; only respondents' speech was coded. The rule "
                  "coder matches stemmed vocabulary for each impact with awareness of negation ('morale hasn't improved' "
                  "is not a morale impact), hedging and anticipation ('we hope'), and attribution of change to other "
                  "factors such as Ofsted, new leadership or restructures."),
        Bullets([
            "Mentioned: the participant reported the impact at that wave, not negated; a council's share is the share of "
            "its participants interviewed at the wave who mentioned it.",
            "Realised: expected before the review and reported afterwards; unmet expectation: expected, never reported; "
            "unanticipated: reported afterwards without having been expected.",
            "Sustained: reported at both later waves; faded: early only; emerging: longer-term only.",
            f"Intervention status: a Notice to Improve / Improvement Notice or statutory direction in force at the wave's "
            f"reference date. Tests: permutation tests with {p['n_resamples']:,} resamples (seed {p['seed']}); "
            f"{p['adjust']} adjustment across codes and waves; Wilson and Newcombe intervals; GEE with bias-reduced sandwich "
            "errors for few clusters.",
        ]),
        Callout("Limitations: the number of councils is small, so only large differences can be detected; councils move "
                "in and out of intervention between waves; interviewees were cautious about attributing change to the "
                "review alone (other factors such as Ofsted feedback and new leadership are flagged by the coder); "
                "automatic coding is checked against a hand-labelled development set but is not a substitute for human "
                f"coding. Counts below {ctx.min_count} are suppressed; effect sizes and tests are shown because they are "
                "the evaluation's purpose, and could in principle narrow down a suppressed count.", kind="warning"),
    ])
