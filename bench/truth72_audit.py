"""Truth round 72 audit (throwaway): what the truth71 audit (bench/truth71_audit.py) did not reach, on studies made
with seeds the project never used (800000-899999, drawn at random): a wave between the first and the last at which no
interview was held (the trajectory tables and the summary's shares realised and sustained), the report's figures
(caption and alt text against the values plotted and the planted direction), the methods section's statements (tests,
resamples, councils, waves) against what was run, and, under the machine coder, no share, change or difference of an
impact the coder reads poorly on real text (F1 under 0.70) stated as a finding.

``python bench/truth72_audit.py`` builds the studies (cached in /tmp/t72/runs) and writes bench/truth72_audit.json;
``TRUTH72_ONLY=drop TRUTH72_RUNS=/tmp/t72/main TRUTH72_OUT=bench/truth72_audit_main.json`` with main's head first on
PYTHONPATH audits main on the studies with a wave not held."""

from __future__ import annotations

import json
import os
import pickle
import re
import sys
import time
import warnings
from pathlib import Path

import numpy as np

RUNS = Path(os.environ.get("TRUTH72_RUNS", "/tmp/t72/runs"))
OUT = Path(os.environ.get("TRUTH72_OUT", Path(__file__).with_name("truth72_audit.json")))
IMPACTS = ("commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership")
N_RESAMPLES = 199
LARGE = {"wave_log_odds": {"expectations": -2.5, "early": 0.5, "longer_term": 0.5}, "intervention_log_odds": 2.0,
         "intervention_codes": ["partnership", "learning"],
         "code_wave_log_odds": {"morale": {"expectations": 0.0, "early": 0.0, "longer_term": -5.5}}}


def designs():
    rng = np.random.default_rng(72072)  # the draw of seeds only
    spec = [  # (councils, waves, effects, the wave without interviews, machine coder)
        (16, 3, "default", "early", False), (24, 3, "large", "early", False), (20, 4, "default", "longer_term", False),
        (20, 4, "large", "early", False), (16, 5, "default", "early", False), (24, 5, "null", "two_years", False),
        (12, 3, "large", None, False), (30, 3, "default", None, False), (20, 2, "null", None, False),
        (12, 3, "default", None, True), (20, 3, "large", None, True), (8, 2, "default", None, True),
    ]
    out = [dict(n=n, waves=w, effects=e, drop=d, machine=m, seed=int(rng.integers(800000, 900000)))
           for n, w, e, d, m in spec]
    if os.environ.get("TRUTH72_ONLY") == "drop":  # the designs with a wave no interview was held at, alone
        out = [d for d in out if d["drop"]]
    return out


def _effects(name):
    from impact.synth import SynthEffects
    return {"default": None, "null": SynthEffects.null(), "large": SynthEffects.from_value(LARGE)}[name]


def _floats(xs) -> list[float]:
    """The numbers among ``xs`` (dates and text left out)."""
    out = []
    for x in np.ma.compressed(np.ma.asarray(xs, dtype=object)).ravel() if xs is not None else []:
        try:
            out.append(float(x))
        except (TypeError, ValueError):
            pass
    return out


def _figure_values(fig) -> list[float]:
    """The values a figure plots: bar heights and widths, line points, image cells, scatter points."""
    out = []
    for ax in fig.axes:
        for p in ax.patches:
            out += [p.get_height(), p.get_width()] if hasattr(p, "get_height") else []
        for ln in ax.lines:
            out += _floats(ln.get_ydata()) + _floats(ln.get_xdata())
        for im in ax.images + list(ax.collections):
            out += _floats(im.get_array()) if hasattr(im, "get_array") else []
            out += _floats(im.get_offsets()) if hasattr(im, "get_offsets") else []
        for t in ax.texts:  # the values written on cells
            out += _floats([t.get_text().rstrip("%")])
    return [x for x in out if np.isfinite(x)]


def _intervals(fig) -> list[tuple[float, float]]:
    """The horizontal segments a forest plot draws (its intervals): lines and line collections of two points at one
    height, the vertical reference line left out."""
    segs = []
    for ax in fig.axes:
        for ln in ax.lines:
            x, y = _floats(ln.get_xdata()), _floats(ln.get_ydata())
            if len(x) == 2 and len(y) == 2 and y[0] == y[1] and x[0] != x[1]:
                segs.append((min(x), max(x)))
        for c in ax.collections:
            for seg in (c.get_segments() if hasattr(c, "get_segments") else []):
                seg = np.asarray(seg, dtype=float)
                if seg.shape == (2, 2) and seg[0, 1] == seg[1, 1] and seg[0, 0] != seg[1, 0]:
                    segs.append((float(seg[:, 0].min()), float(seg[:, 0].max())))
    return segs


def report_sections(rep) -> list[dict]:
    """The report's sections as plain records (``title``, ``blocks``: each a figure with its caption, alt text, values
    plotted and intervals drawn, a table with its data and notes, or text), to keep beside the study."""
    from impact.report import Figure, Table

    sections = []
    for s in rep.sections:
        blocks = []
        for b in s.blocks:
            if isinstance(b, Figure):
                blocks.append(dict(kind="figure", name=b.name, caption=b.caption, alt=b.alt_text,
                                   values=_figure_values(b.fig), intervals=_intervals(b.fig)))
            elif isinstance(b, Table):
                blocks.append(dict(kind="table", name=b.name, data=b.data, notes=b.notes))
            else:
                t_ = getattr(b, "text", None) or getattr(b, "items", None)
                blocks.append(dict(kind="text", text=list(t_) if isinstance(t_, list | tuple) else [str(t_)]))
        sections.append(dict(title=s.title, blocks=blocks))
    return sections


def build_one(d):
    import matplotlib.pyplot as plt

    from impact.pipeline import analyse, build_report
    from impact.report._caveats import weak_codes
    from impact.schema import TABLES
    from impact.study import Study
    from impact.synth import generate_with_truth

    key = f"n{d['n']}_w{d['waves']}_{d['effects']}_{d['drop']}_{'machine' if d['machine'] else 'planted'}_{d['seed']}"
    path = RUNS / f"{key}.pkl"
    if path.exists():
        return path
    t = time.process_time()
    study, truth = generate_with_truth(d["n"], seed=d["seed"], waves=d["waves"], effects=_effects(d["effects"]),
                                       interviews_per_wave=2, words_per_interview=150)
    coded = truth.coded()
    if d["drop"]:
        tables = {name: study.table(name) for name in TABLES}
        iv = tables["interviews"]
        tables["interviews"] = iv[iv["wave"] != d["drop"]].reset_index(drop=True)
        kept = set(tables["interviews"]["interview_id"])
        study = Study(study.meta, tables, {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"],
                                                                                   strict=True) if i in kept})
        coded = coded[coded["interview_id"].isin(kept)]
        truth.statements = truth.statements[truth.statements["wave"] != d["drop"]].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = analyse(study, coded=None if d["machine"] else coded, n_resamples=N_RESAMPLES, seed=1)
        rep = build_report(f, min_count=1)[0]
    sections = report_sections(rep)
    plt.close("all")
    weak = weak_codes(f.codebook, source=f.coding.get("source", "machine")) if d["machine"] else {}
    labels = dict(zip(f.codebook.codes["code_id"], f.codebook.codes["label"], strict=True))
    rec = dict(design=d, key=key, sections=sections, study=study, truth=truth, change=f.change,
               not_computed=dict(f.not_computed), weak=weak, labels=labels, cpu=time.process_time() - t)
    path.write_bytes(pickle.dumps(rec))
    return path


# ----------------------------------------------------------------------------------------------------- the checks
class Audit:
    def __init__(self, rec):
        self.r, self.claims = rec, []
        self.study, self.truth = rec["study"], rec["truth"]
        self.waves = list(self.study.wave_ids)
        self.held = [w for w in self.waves if w in set(self.study.interviews["wave"].astype(str))]
        st = self.truth.statements
        self.st = st[st["code"].isin(IMPACTS)]
        self.iv = self.study.interviews[["interview_id", "participant_id", "council_id", "wave"]].drop_duplicates()
        self.summary = [x for b in rec["sections"][0]["blocks"] if b["kind"] == "text" for x in b["text"]]

    def claim(self, kind, text, ok, why=""):
        self.claims.append(dict(study=self.r["key"], kind=kind, text=str(text)[:400], ok=bool(ok), why=why))

    def said(self, polarity):
        s = self.st[self.st["polarity"] == polarity]
        return set(zip(s["participant_id"], s["wave"], s["code"]))

    def blocks(self, kind):
        return [(s["title"], b) for s in self.r["sections"] for b in s["blocks"] if b["kind"] == kind]


def check_waves(a: Audit):
    """1. A wave without interviews: trajectory tables, their definition, the shares realised and sustained."""
    held, waves = a.held, a.waves
    hedged, asserted = a.said("hedged"), a.said("asserted")
    for title, b in a.blocks("table"):
        if b["name"] in ("realisation", "persistence"):
            d = b["data"]
            others = [c for c in d.columns if c.startswith("n_") and c != "n_incomplete"]
            counts = d[others].apply(lambda s: s.map(lambda v: v if isinstance(v, int | float) else 0)).to_numpy()
            a.claim(f"{b['name']}_table_informative", title, counts.sum() > 0,
                    "every participant incomplete" if counts.sum() == 0 else "")
    for _title, b in a.blocks("text"):
        for x in b["text"]:
            if "both later waves" in x:
                a.claim("persistence_definition", x, len(held) == len(waves) == 3, f"waves held {held} of {waves}")
    every = a.iv.groupby("participant_id")["wave"].nunique()
    every = set(every.index[every == len(held)])
    first, later = held[0], held[1:]
    for s in a.summary:
        m = re.search(r"Of the ([\d,]+) expectations .*?participants interviewed at every wave.*?\), ([\d,]+) \(\d+%\) "
                      r"were? reported as realised.*?of the ([\d,]+) impacts the same participants had neither expected "
                      r"nor reported before the review, ([\d,]+) \(", s)
        if m:
            e_ = r_ = n_ = u_ = 0
            for p in every:
                for c in IMPACTS:
                    after = any((p, w, c) in asserted for w in later)
                    if (p, first, c) in hedged:
                        e_, r_ = e_ + 1, r_ + after
                    elif (p, first, c) not in asserted:
                        n_, u_ = n_ + 1, u_ + after
            got = [int(m[i].replace(",", "")) for i in (1, 2, 3, 4)]
            a.claim("realised_counts", s, got == [e_, r_, n_, u_], f"{got} vs {[e_, r_, n_, u_]}")
            a.claim("realised_waves_named", s, len(held) == len(waves) or "at which interviews were held" in s)
        if "reported again at" in s:
            a.claim("sustained_waves_named", s, "both waves after the review" not in s or later == waves[1:],
                    f"held {held} of {waves}")
    if len(held) < len(waves) and "realised" not in " ".join(a.summary) and len(later) >= 2:
        a.claim("realised_stated", "(no sentence on expectations realised)", False, f"held {held} of {waves}")


def check_methods(a: Audit):
    """2b. The methods section's statements against what was run."""
    change = a.r["change"]
    tests = set(change["test"].dropna().astype(str)) if change is not None and "test" in change else set()
    names = {"friedman": "Friedman", "wilcoxon": "Wilcoxon", "mcnemar": "McNemar", "cochran_q": "Cochran"}
    for title, b in a.blocks("text"):
        if not title.startswith("Methods"):
            continue
        for x in b["text"]:
            m = re.search(r"permutation tests with ([\d,]+) resamples \(seed (\d+)\)", x)
            if m:
                a.claim("methods_resamples", x, int(m[1].replace(",", "")) == N_RESAMPLES and m[2] == "1", m[0])
            for t, word in names.items():
                if f"{word}'s test" in x or f"{word} test" in x or f"{word}'s signed-rank" in x:
                    a.claim("methods_test_named", x, t in tests, f"{word} named; tests run {sorted(tests)}")
            for m in re.finditer(r"with (\d+) councils in intervention and (\d+) not at ([a-z -]+?),", x):
                w = next((w for w in a.waves if a.study.waves.set_index("wave").loc[w, "label"].lower()
                          .startswith(m[3])), None)
                ins = {c["council_id"]: c["in_intervention"].get(w) for c in a.truth.councils}
                seen = set(a.iv[a.iv["wave"] == w]["council_id"])
                n_in = sum(bool(ins[c]) for c in seen if c in ins)
                a.claim("methods_councils_by_status", m[0], (int(m[1]), int(m[2])) == (n_in, len(seen) - n_in),
                        f"{m[1]}/{m[2]} vs {n_in}/{len(seen) - n_in} at {w}")
                a.claim("methods_wave_held", m[0], w in a.held, f"{w} held? {w in a.held}")
    for t in tests:
        said = any(names.get(t, t) in x for title, b in a.blocks("text") if title.startswith("Methods")
                   for x in b["text"])
        a.claim("methods_test_run_named", t, said, f"{t} run, named in methods: {said}")


def check_figures(a: Audit):
    """2a. Each figure: the waves its caption and alt text name were held, the percentages its alt text gives are
    among the values plotted (as shares or percentages), and the impacts named are the study's."""
    labels = {w: a.study.waves.set_index("wave").loc[w, "label"].split(" (")[0].lower() for w in a.waves}
    for _title, b in a.blocks("figure"):
        text = f"{b['caption']} {b['alt']}"
        for w, lab in labels.items():
            if lab in text.lower() and w not in a.held:
                near = text.lower()[max(0, text.lower().find(lab) - 80): text.lower().find(lab) + 80]
                a.claim("figure_wave_held", text, "no interview" in near, f"names {lab}, not held")
        # 'none of the 12 lies wholly on one side of no difference': the intervals drawn that exclude it
        m = re.search(r"(none|one|\d+) of the (\d+) lies? wholly on one side of no difference", text)
        if m and b.get("intervals"):
            iv_ = b["intervals"]
            zero = 0.0 if min(lo for lo, _ in iv_) < 1 else 1.0  # a ratio drawn on its own scale has no difference at 1
            off = sum(lo > zero or hi < zero for lo, hi in iv_)
            said = {"none": 0, "one": 1}.get(m[1]) if m[1] in ("none", "one") else int(m[1])
            a.claim("figure_intervals_off_zero", f"{b['name']}: {m[0]}", (said, int(m[2])) == (off, len(iv_)),
                    f"said {said} of {m[2]}; drawn {off} of {len(iv_)}")
        vals = np.asarray(b["values"], dtype=float)
        for m in re.finditer(r"(\d+(?:\.\d+)?)%(?! (?:interval|CI|confidence))", b["alt"]):
            v = float(m[1])
            ok = vals.size == 0 or np.any(np.abs(vals * 100 - v) <= 0.6) or np.any(np.abs(vals - v) <= 0.6)
            a.claim("figure_alt_percent_plotted", f"{b['name']}: {m[0]} in {b['alt'][:300]}", ok,
                    "" if ok else f"{v}% not among {len(vals)} plotted values")


#: a summary sentence that states a finding of a share, change or difference
_FINDING = re.compile(r"\d+%|odds ratio|more often|less often|rose|fell|higher|lower|increase|decrease", re.I)
#: the words by which a sentence says that what it names is not a finding
_NOT_FINDING = re.compile(r"not stated as (a )?finding|not a finding|unconfirmed|F1|reads? .{0,20}poorly|below 0\.70|"
                          r"description only|not evidence", re.I)


def check_machine(a: Audit):
    """3. Under the machine coder, no sentence states a share, change or difference of a weakly read impact as a
    finding (the project's rule: real-text F1 under 0.70, or never measured)."""
    if not a.r["design"]["machine"]:
        return
    weak = a.r["weak"]
    lab = {c: a.r["labels"][c].lower() for c in weak}
    for s in a.summary:
        named = [c for c in weak if lab[c] in s.lower()]
        if not named or not _FINDING.search(s):
            continue
        a.claim("machine_weak_not_finding", s, bool(_NOT_FINDING.search(s)),
                f"names {named} (F1 {[round(weak[c], 2) for c in named]}) with no word that it is not a finding")


def run_checks():
    claims, per = [], {}
    for p in sorted(RUNS.glob("*.pkl")):
        rec = pickle.loads(p.read_bytes())
        a = Audit(rec)
        for f in (check_waves, check_methods, check_figures, check_machine):
            f(a)
        claims += a.claims
        per[rec["key"]] = dict(claims=len(a.claims), false=sum(not c["ok"] for c in a.claims), cpu=round(rec["cpu"], 1),
                               not_computed=sorted(rec["not_computed"]))
    return dict(studies=len(per), claims_checked=len(claims), claims_false=sum(not c["ok"] for c in claims),
                by_kind=by_kind(claims), per_study=per, false_claims=[c for c in claims if not c["ok"]])


def by_kind(claims: list[dict]) -> dict:
    """``{kind: {"checked": n, "false": k}}`` of ``claims``, by kind."""
    kinds = {}
    for c in claims:
        k = kinds.setdefault(c["kind"], [0, 0])
        k[0] += 1
        k[1] += not c["ok"]
    return {k: dict(checked=v[0], false=v[1]) for k, v in sorted(kinds.items())}


def run_audit(runs: Path, out: Path, designs, build_one, run_checks) -> None:
    """Build each of ``designs()`` not cached in ``runs`` (unless the first argument is ``check``), check them all
    and write the result to ``out``, printing its counts and every false claim (and those counted apart as chance)."""
    runs.mkdir(parents=True, exist_ok=True)
    if sys.argv[1:2] != ["check"]:
        for d in designs():
            t = time.time()
            print(build_one(d).name, round(time.time() - t, 1), flush=True)
    doc = run_checks()
    out.write_text(json.dumps(doc, indent=1, default=str) + "\n")
    print(json.dumps({k: doc[k] for k in ("studies", "claims_checked", "claims_false", "by_kind")}, indent=1))
    for c in doc["false_claims"] + doc.get("chance", []):
        print(c["study"], c["kind"], c["why"][:200], "|", c["text"][:200])


def main():
    run_audit(RUNS, OUT, designs, build_one, run_checks)


if __name__ == "__main__":
    main()
