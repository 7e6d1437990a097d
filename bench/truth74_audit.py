"""Truth round 74 audit (throwaway): what truth73 left open, on studies made with seeds the project never used
(500000-599999, drawn at random, none of bench/truth74_indicator_coverage.py's).

1. The sentence on the indicators after a council's first notice or direction (summary and indicators section): its
   figures those of the table, its direction and size against the change the estimator estimates there, computed
   exactly from the planted change (:func:`bench.truth74_indicator_coverage.planted_target` with
   :func:`impact.indicators.indicator_effects`: the generator plants a change after the review only, so what follows
   a notice is the review's change falling in the periods after entry); 14 studies with councils entering intervention,
   999 reassignments so that the sentence is reached.
2. Large studies (80 to 150 councils, one of 5 waves): every check of the truth71, truth72 and truth73 audits on the
   summary, the tables' lead sentences, the methods, the figures, the indicators, the survey and the status history.
3. The methods list: every term it defines ("Sustained: ...") is used by the report's text elsewhere (a sentence, a
   table's title, notes or column labels, a figure's caption or alt text).

``python bench/truth74_audit.py`` builds the studies (cached in /tmp/t74/runs) and writes bench/truth74_audit.json;
``python bench/truth74_audit.py check`` checks the cached studies again; ``TRUTH74_ONLY=waves45 TRUTH74_RUNS=/tmp/t74/after
TRUTH74_OUT=bench/truth74_audit_fixed.json`` builds and checks the studies of four or five waves alone (after the fix of
the methods' terms).

The run of this round: the 21 studies were built on main's head (8a7a1a21), whose report is the one audited in
bench/truth74_audit.json; the 7 of four or five waves built again after the fix give bench/truth74_audit_fixed.json."""

from __future__ import annotations

import os
import pickle
import re
import time
import warnings
from pathlib import Path

import numpy as np

import bench.truth72_audit as t72
from bench import truth71_audit as t71
from bench.truth72_audit import run_audit
from bench.truth73_audit import (
    CHANCE,
    MOVES,
    check_indicators,
    check_status,
    check_survey,
    generated,
    summarised,
)
from bench.truth73_audit import EFFECTS as EFFECTS73
from bench.truth73_audit import Audit as Audit73

RUNS = Path(os.environ.get("TRUTH74_RUNS", "/tmp/t74/runs"))
OUT = Path(os.environ.get("TRUTH74_OUT", Path(__file__).with_name("truth74_audit.json")))
EFFECTS = {**EFFECTS73, "large": t71.LARGE, "shift": {"indicator_post_review": -3.0, "indicator_post_by_intervention": 0.0}}
ENTER = {"entered": 0.5, "never": 0.5}
ENTER_LEAVE = {"entered_lifted": 0.5, "never": 0.5}
ENTER_MIX = {"entered": 0.3, "entered_lifted": 0.2, "direction": 0.1, "never": 0.4}


def designs():
    from bench.truth74_indicator_coverage import SEED_DRAW, SIZES

    used = set(np.random.default_rng(SEED_DRAW).choice(np.arange(500000, 600000), size=len(SIZES) * 1000,
                                                        replace=False).tolist())
    rng = np.random.default_rng(74174)  # the draw of seeds only
    spec = [  # (councils, waves, effects, intervention paths, survey waves, resamples, other options)
        # 1. councils entering intervention, large indicator changes: the sentence after a first notice
        (20, 3, "ind_down", ENTER, None, 999, {}), (30, 3, "ind_down", ENTER_MIX, None, 999, {}),
        (40, 3, "ind_up", ENTER, None, 999, {}), (30, 4, "ind_in_only", ENTER_LEAVE, None, 999, {}),
        (40, 3, "shift", ENTER, None, 999, {}), (60, 3, "both", ENTER_MIX, None, 999, {}),
        (24, 3, "ind_up", ENTER_LEAVE, None, 999, {}), (50, 3, "ind_in_only", ENTER, None, 999, {}),
        (30, 3, "null", ENTER_MIX, None, 999, {}), (40, 5, "ind_down", MOVES, None, 999, {}),
        (60, 3, "shift", ENTER_MIX, None, 999, {}), (30, 3, "ind_down", MOVES, None, 999, {}),
        (40, 2, "ind_up", ENTER_MIX, None, 999, {}), (24, 4, "both", ENTER, None, 999, {}),
        # 2. large studies
        (80, 3, "large", None, None, 199, {}), (150, 3, "both", MOVES, None, 199, {}),
        (120, 5, "survey_in", ENTER_MIX, ["expectations", "early", "longer_term", "three_years"], 199, {}),
        (100, 4, "default", None, None, 199, {"participant_missing": 0.2}),
        # 3. the methods' terms where participants are few or missed (no one seen at both later waves)
        (8, 4, "default", None, None, 199, {"participant_missing": 0.5, "interviews_per_wave": 1}),
        (6, 5, "large", None, None, 199, {"participant_missing": 0.45, "interviews_per_wave": 1}),
        (12, 3, "null", None, None, 199, {"participant_dropout": 0.6}),
    ]
    out = []
    for n, w, e, p, s, r, extra in spec:
        seed = int(rng.integers(500000, 600000))
        while seed in used:
            seed = int(rng.integers(500000, 600000))
        out.append(dict(n=n, waves=w, effects=e, paths=p, survey=s, resamples=r, extra=extra, seed=seed))
    if os.environ.get("TRUTH74_ONLY") == "waves45":  # the designs of four or five waves alone (the methods' terms)
        out = [d for d in out if d["waves"] >= 4]
    return out


def report_record(rep) -> list[dict]:
    """:func:`bench.truth72_audit.report_sections` with each table's title and column labels, for the methods' terms."""
    from impact.report import Table

    sections = t72.report_sections(rep)
    for s, built in zip(sections, rep.sections, strict=True):
        tables = [b for b in built.blocks if isinstance(b, Table)]
        for rec, b in zip([x for x in s["blocks"] if x["kind"] == "table"], tables, strict=True):
            rec["title"] = b.caption
            rec["labels"] = [str(v) for v in b.labels.values()]
    return sections


def _as71(sections) -> tuple[list[str], dict]:
    """The summary's sentences and the tables with their lead sentence, as truth71's checks read them."""
    summary = [x for b in sections[0]["blocks"] if b["kind"] == "text" for x in b["text"]]
    tables = {}
    for s in sections:
        for i, b in enumerate(s["blocks"]):
            if b["kind"] == "table":
                lead = s["blocks"][i - 1] if i else None
                tables[b["name"]] = dict(lead=" ".join(lead["text"]) if lead and lead["kind"] == "text" else "",
                                         data=b["data"], notes=b["notes"], section=s["title"])
    return summary, tables


def _key(d):
    paths = "default" if d["paths"] is None else "moves" if d["paths"] is MOVES else "_".join(sorted(d["paths"]))
    return f"n{d['n']}_w{d['waves']}_{d['effects']}_{paths}_r{d['resamples']}_{d['seed']}"


def build_one(d):
    import matplotlib.pyplot as plt

    from bench.truth74_indicator_coverage import planted_target
    from impact.indicators import indicator_effects
    from impact.pipeline import analyse, build_report

    key = _key(d)
    path = RUNS / f"{key}.pkl"
    if path.exists():
        return path
    t = time.process_time()
    study, truth = generated(d, EFFECTS, **d["extra"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = analyse(study, coded=truth.coded(), n_resamples=d["resamples"], seed=1)
        rep = build_report(f, min_count=1)[0]
    sections = report_record(rep)
    plt.close("all")
    summary, tables = _as71(sections)
    labels = dict(zip(f.codebook.codes["code_id"], f.codebook.codes["label"], strict=True))
    rec = dict(design=d | {"machine": False, "drop": None}, key=key, sections=sections, summary=summary,
               tables=tables, study=study, truth=truth, change=f.change, not_computed=dict(f.not_computed), weak={},
               labels=labels, review_effects=f.review_indicator_effects, survey_by_status=f.survey_by_status,
               notice_effects=f.indicator_effects,
               notice_target=planted_target(study, truth, indicator_effects) if f.indicator_effects is not None
               else None, cpu=time.process_time() - t)
    path.write_bytes(pickle.dumps(rec))
    return path


# ----------------------------------------------------------------------------------------------------- the checks
_NUM = r"([+\-−]?[\d.,]+)"


def _f(x: str) -> float:
    return float(x.replace("−", "-").replace(",", ""))


def check_notice(a: Audit73):
    """Each sentence stating a change after a council's first notice or direction: its figures the table's, its
    direction the estimator's target's (the planted change where it falls), its interval beside the target."""
    from impact.report._labels import Vocabulary

    e, target = a.r["notice_effects"], a.r["notice_target"]
    if e is None or target is None:
        return
    tgt = target.set_index("measure")["target"]
    head = {m: Vocabulary().column(m).header.lower() for m in e["measure"].unique()}
    rows = e.set_index("measure")
    for r in e.to_dict("records"):  # every interval of the table, against the target (chance, counted apart)
        if np.isfinite(r.get("ci_low", np.nan)) and np.isfinite(tgt.get(r["measure"], np.nan)):
            a.claim("notice_ci_covers_target", r["measure"], r["ci_low"] <= tgt[r["measure"]] <= r["ci_high"],
                    f"CI {r['ci_low']:.2f} to {r['ci_high']:.2f} vs target {tgt[r['measure']]:+.2f}")
    for _title, s in a.texts:
        low = s.lower()
        if "after a council's first notice or direction (" not in low:
            continue
        for m, h in head.items():
            for part in re.finditer(re.escape(h) + r" changed by " + _NUM + r" after a council's first notice or "
                                    r"direction \(95% ci " + _NUM + " to " + _NUM, low):
                est, lo_, hi_ = _f(part[1]), _f(part[2]), _f(part[3])
                row = rows.loc[m]
                a.claim("notice_sentence_figures", s, abs(row["estimate"] - est) < 0.006
                        and abs(row["ci_low"] - lo_) < 0.006 and abs(row["ci_high"] - hi_) < 0.006,
                        f"{m}: {est} ({lo_}, {hi_}) vs {row[['estimate', 'ci_low', 'ci_high']].round(3).tolist()}")
                t = float(tgt.get(m, np.nan))
                planted = m == a.eff.indicator_measure and (a.eff.indicator_post_review
                                                            or a.eff.indicator_post_by_intervention)
                # a change where the estimator's target is none (no change planted in the indicator) is chance, at
                # the stated level; one planted, the stated direction must be the target's
                kind = "notice_direction" if planted and abs(t) > 1e-9 else "notice_change_where_none"
                a.claim(kind, s, abs(t) > 1e-9 and (t < 0) == (hi_ < 0),
                        f"{m}: {est:+.2f} ({lo_:+.2f} to {hi_:+.2f}), target {t:+.3f} (planted "
                        f"{a.eff.indicator_post_review:+}, {a.eff.indicator_post_by_intervention:+} in intervention "
                        "when reviewed)")
                a.claim("notice_sentence_covers_target", s, lo_ <= t <= hi_, f"{m}: {lo_} to {hi_}, target {t:+.3f}")


_TERM = re.compile(r"^([A-Za-z][A-Za-z']*(?: [A-Za-z']+){0,4}): ")


def check_terms(a: Audit73):
    """Every term the methods list defines ('Sustained: reported at both ...', each of a bullet's 'Term: ...' clauses
    after a full stop) is used by the report's text outside the list."""
    methods = [b for s in a.r["sections"] if s["title"].startswith("Methods") for b in s["blocks"]]
    bullets = [x for b in methods if b["kind"] == "text" for x in b["text"]]
    listed = [x for b in methods if b["kind"] == "text" and len(b["text"]) > 1 for x in b["text"]]
    words = []
    for s in a.r["sections"]:
        for b in s["blocks"]:
            if b["kind"] == "text":
                words += [x for x in b["text"] if x not in listed]
            elif b["kind"] == "table":
                words += [b.get("title", ""), b["notes"], *b.get("labels", []), b["name"].replace("_", " "),
                          *[str(v) for c in b["data"].columns if b["data"][c].dtype == object
                            for v in b["data"][c].unique()[:50]]]
            else:
                words += [b["caption"], b["alt"]]
    text = " ".join(words).lower()
    del bullets
    for item in listed:
        for clause in re.split(r"(?<=[.;]) ", item):
            m = _TERM.match(clause)
            if not m or m[1] in ("Tests", "Coding", "Limitations"):
                continue
            term = m[1].lower()
            stem = term.split()[0][:6] if term != "intervention status" else "intervention"
            a.claim("methods_term_used", f"{m[1]}: {clause[len(m[0]):][:120]}", stem in text,
                    f"'{m[1]}' defined; '{stem}' used elsewhere: {stem in text}")


def run_checks():
    claims, per = [], {}
    for p in sorted(RUNS.glob("*.pkl")):
        rec = pickle.loads(p.read_bytes())
        a = Audit73(rec)
        for f in (check_indicators, check_survey, check_status, check_notice, check_terms):
            f(a)
        a72 = t72.Audit(rec)
        t72.N_RESAMPLES = rec["design"]["resamples"]  # truth72's methods check reads the run's resamples
        for f in (t72.check_waves, t72.check_methods, t72.check_figures):
            f(a72)
        # truth71's own indicator check is left out: it takes every indicator sentence for one on re-referrals (the
        # generator's default measure) after the review, and reads 'Re-referrals ... (% of referrals) changed by' as an
        # indicator named 'of referrals)'; check_indicators and check_notice check those sentences
        # and its survey direction where no change was planted is chance, as truth73's check_survey counts it
        c71 = [c | ({"kind": "survey_change_where_none"} if c["kind"] == "survey_direction"
                    and c["why"].endswith("planted 0.0") else {})
               for c in t71.check(rec | {"labels": t71._code_labels(rec)}) if c["kind"] != "indicator_direction"]
        mine = a.claims + a72.claims + c71
        claims += mine
        per[rec["key"]] = dict(claims=len(mine), false=sum(not c["ok"] for c in mine), cpu=round(rec["cpu"], 1))
    return summarised(claims, per, (*CHANCE, "notice_ci_covers", "notice_change_where_none", "notice_sentence_covers"))


if __name__ == "__main__":
    run_audit(RUNS, OUT, designs, build_one, run_checks)
