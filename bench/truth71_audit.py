"""Truth round 71 audit (throwaway): build the report of studies generated with seeds the project never used
(900000-999999, drawn at random) over a spread of designs, and check the summary's claims and the tables' lead
sentences against the planted truth. ``python bench/truth71_audit.py build`` makes the studies (cached as pickles in
/tmp/t71/runs); ``python bench/truth71_audit.py check`` checks them and writes bench/truth71_audit.json."""

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
import pandas as pd

RUNS = Path(os.environ.get("TRUTH71_RUNS", "/tmp/t71/runs"))
OUT = Path(os.environ.get("TRUTH71_OUT", Path(__file__).with_name("truth71_audit.json")))

LARGE = {"wave_log_odds": {"expectations": -2.5, "early": 0.5, "longer_term": 0.5}, "intervention_log_odds": 2.0,
         "intervention_codes": ["partnership", "learning"],
         "code_wave_log_odds": {"morale": {"expectations": 0.0, "early": 0.0, "longer_term": -5.5}}}


STATUS_CHANGE = {"intervention_wave_log_odds": {
    "learning": {"expectations": 0.0, "early": 0.0, "longer_term": 3.0},
    "morale": {"expectations": 0.0, "early": 0.0, "longer_term": -3.0}}}


def designs():
    rng = np.random.default_rng(71071)  # the draw of seeds only
    out = []
    spec = [
        # (n, waves, effects, extra)
        (5, 2, "default", {}), (5, 3, "null", {}), (8, 2, "large", {}), (8, 4, "default", {}),
        (12, 3, "null", {}), (12, 5, "large", {}), (12, 2, "default", {"interviews_per_wave": 1}),
        (20, 3, "large", {}), (20, 2, "null", {}), (20, 4, "default", {"council_missing": 0.25,
                                                                         "participant_missing": 0.3}),
        (20, 3, "default", {"intervention_paths": {"never": 1.0}}),
        (20, 3, "large", {"intervention_paths": {"throughout": 1.0}}),
        (20, 3, "default", {"intervention_paths": {"entered": 0.5, "lifted": 0.5}}),
        (20, 3, "large", {"interviews_per_wave": 1}),
        (40, 3, "large", {}), (40, 5, "null", {}), (40, 2, "large", {"intervention_paths": {"never": 1.0}}),
        (40, 4, "large", {"intervention_paths": {"entered": 0.4, "entered_lifted": 0.3, "never": 0.3}}),
        (40, 3, "default", {"interviews_per_wave": 1}),
        (80, 3, "large", {}), (80, 2, "null", {}),
        (150, 3, "default", {}),
        (40, 3, "status_change", {}),
        (60, 2, "status_change", {"intervention_paths": {"entered": 0.5, "never": 0.5}}),
        (30, 4, "status_change", {"intervention_paths": {"throughout": 0.5, "never": 0.5}}),
        (30, 3, "status_change", {"intervention_paths": {"lifted": 0.5, "never": 0.5}}),
        (20, 3, "default", {"drop_wave": "early"}),
        (20, 4, "large", {"drop_wave": "longer_term"}),
        (12, 3, "large", {"drop_wave": "longer_term"}),
    ]
    for n, waves, eff, extra in spec:
        out.append(dict(n=n, waves=waves, effects=eff, extra=extra, seed=int(rng.integers(900000, 1000000))))
    if os.environ.get("TRUTH71_ONLY") == "drop_wave":  # the designs with a wave no interview was held at, alone
        out = [d for d in out if "drop_wave" in d["extra"]]
    return out


def _effects(name):
    from impact.synth import SynthEffects
    return {"default": None, "null": SynthEffects.null(), "large": SynthEffects.from_value(LARGE),
            "status_change": SynthEffects.from_value(STATUS_CHANGE)}[name]


def build_one(d):
    from impact.pipeline import analyse, build_report
    from impact.report import Table
    from impact.synth import generate_with_truth

    key = f"n{d['n']}_w{d['waves']}_{d['effects']}_{d['seed']}"
    path = RUNS / f"{key}.pkl"
    if path.exists():
        return path
    t = time.process_time()
    extra = dict(d["extra"])
    drop = extra.pop("drop_wave", None)
    kw = dict(interviews_per_wave=2, words_per_interview=150) | extra
    study, truth = generate_with_truth(d["n"], seed=d["seed"], waves=d["waves"], effects=_effects(d["effects"]), **kw)
    if drop:  # a wave at which no interview was held (the study's tables otherwise as made)
        kept = study._tables["interviews"]
        study._tables["interviews"] = kept[kept["wave"] != drop].reset_index(drop=True)
        study.__dict__.pop("_interviews", None)
        truth.statements = truth.statements[truth.statements["wave"] != drop].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
        rep = build_report(f, min_count=1)[0]
    summary = []
    for b in rep.sections[0].blocks:
        t_ = getattr(b, "text", None) or getattr(b, "items", None)
        summary += list(t_) if isinstance(t_, list | tuple) else [str(t_)]
    tables = {}
    for s in rep.sections:
        for i, b in enumerate(s.blocks):
            if isinstance(b, Table):
                lead = s.blocks[i - 1] if i else None
                tables[b.name] = dict(lead=getattr(lead, "text", "") if not isinstance(lead, Table) else "",
                                      data=b.data, notes=b.notes, section=s.title)
    rec = dict(design=d, key=key, summary=summary, tables=tables, study=study, truth=truth,
               change=f.change, cpu=time.process_time() - t)
    path.write_bytes(pickle.dumps(rec))
    return path


def check_quotes(specs):
    """The report's quotes (what people said) against the planted statements: each quote is the text of a planted
    statement of the impact it is filed under, asserted, at a wave after the first, and its caption's role group,
    status and credit are that statement's (a sentence many interviews share counts where any of them fits), at most
    one per council and impact. ``specs``: ``councils:waves:seed``."""
    import yaml

    import impact
    from impact.pipeline import analyse, build_report
    from impact.privacy._disclosure import ROLE_GROUP_LABELS
    from impact.report import Paragraph, Quote
    from impact.synth import generate_with_truth
    from impact.vocab import ROLE_GROUPS

    book = yaml.safe_load(impact.bundled_path("codebooks").joinpath("nfer_impacts.yaml").read_text())
    labels = {}

    def walk(x):
        if isinstance(x, dict):
            if "id" in x and "label" in x:
                labels[x["label"]] = x["id"]
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(book)
    res = {"quotes": 0, "bad": []}
    for spec in specs:
        n, waves, seed = map(int, spec.split(":"))
        study, truth = generate_with_truth(n, seed=seed, waves=waves, interviews_per_wave=2, words_per_interview=300)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            f = analyse(study, coded=truth.coded(), n_resamples=99, seed=1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rep = build_report(f, min_count=1)[0]
        sec = next(s for s in rep.sections if s.title == "What people said")
        st = truth.statements
        texts = {i: study.transcript(i) for i in study.interviews["interview_id"]}
        code = None
        seen = set()
        for b in sec.blocks:
            if isinstance(b, Paragraph):
                code = next((c for lab, c in labels.items() if b.text.strip().lower() == lab.lower()), code if len(b.text) < 90 else None)
                continue
            if not isinstance(b, Quote) or code is None:
                continue
            res["quotes"] += 1
            q = b.text
            hits = [(i, t.find(q)) for i, t in texts.items() if q in t]
            if not hits:
                res["bad"].append(dict(spec=spec, q=q, why="not found verbatim (redacted?)", attribution=b.attribution))
                continue
            head = b.attribution.split(";")[0]
            first_ = head.split(",")[0].strip()
            ins_of = {c["council_id"]: c["in_intervention"] for c in truth.councils}
            want_of = {"review": "the review", "unclear": "cause left open", "ofsted": "Ofsted", "leadership": "leadership",
                       "restructure": "restructure", "funding": "funding", "other_programme": "another programme"}
            fits, r = [], None
            for iid, pos in hits:
                s = st[(st.interview_id == iid) & (st.start <= pos + 12) & (st.end >= pos + len(q) - 5) & (st.code == code)]
                for r_ in s.to_dict("records"):
                    role = study.participants.set_index("participant_id").loc[r_["participant_id"], "role"]
                    rg = ROLE_GROUPS.get(role)
                    ins = ins_of[r_["council_id"]][r_["wave"]]
                    good = (first_ == "Participant" or ROLE_GROUP_LABELS.get(rg) == first_)
                    good &= not ("council not in intervention" in head and ins)
                    good &= not (("council in intervention" in head or "under a notice" in head or "statutory direction" in head) and not ins)
                    good &= want_of[r_["attribution"]] in b.attribution
                    good &= r_["polarity"] == "asserted" and r_["wave"] != study.wave_ids[0]
                    fits.append((good, r_))
            if not fits:
                res["bad"].append(dict(spec=spec, q=q, code=code, why="no planted statement of the code there"))
                continue
            res["checked_labels"] = res.get("checked_labels", 0) + 1
            good = [r_ for g, r_ in fits if g]
            if not good:
                res["bad"].append(dict(spec=spec, q=q, code=code, why=f"no planted statement fits the label {b.attribution}",
                                       planted=[{k: r_[k] for k in ("participant_id", "wave", "attribution", "polarity")} for _, r_ in fits]))
                continue
            r = good[0]
            ok = True
            key = (r["council_id"], code)
            dup = key in seen
            seen.add(key)
            print(spec, code, r["polarity"], r["wave"], r["attribution"], "|", b.attribution, "|", q[:80], len(hits))
            if not ok or dup:
                res["bad"].append(dict(spec=spec, q=q, code=code, why=f"polarity {r['polarity']} wave {r['wave']} dup {dup}"))
    return res


def main():
    RUNS.mkdir(parents=True, exist_ok=True)
    if sys.argv[1] == "check":
        doc = run_checks()
        print(json.dumps({k: doc[k] for k in ("studies", "claims_checked", "claims_false", "by_kind")}, indent=1))
        for c in doc["false_claims"]:
            print(c["study"], c["kind"], c["why"][:300])
    if sys.argv[1] == "quotes":  # python bench/truth71_audit.py quotes 20:4:948213 ...
        res = check_quotes(sys.argv[2:])
        Path(OUT.with_name("truth71_audit_quotes.json")).write_text(json.dumps(res, indent=1) + "\n")
        print(res["quotes"], len(res["bad"]))
    if sys.argv[1] == "build":
        only = sys.argv[2:]  # optional limit on n
        for d in designs():
            if only and str(d["n"]) not in only:
                continue
            t = time.time()
            p = build_one(d)
            print(p.name, round(time.time() - t, 1), flush=True)


# ----------------------------------------------------------------------------------------------------- the checks
OTHER = {"ofsted", "leadership", "restructure", "funding", "other_programme"}
IMPACTS = ("commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership")


class Audit:
    def __init__(self, rec):
        self.r, self.claims = rec, []
        self.study, self.truth = rec["study"], rec["truth"]
        self.waves = list(self.study.wave_ids)
        st = self.truth.statements
        self.st = st[st["code"].isin(IMPACTS)]
        iv = self.study.interviews
        self.iv = iv[["interview_id", "participant_id", "council_id", "wave"]].drop_duplicates()
        eff = self.truth.effects
        self.eff = eff

    def claim(self, kind, text, ok, why=""):
        self.claims.append(dict(study=self.r["key"], kind=kind, text=text[:400], ok=bool(ok), why=why))

    # ------------------------------------------------------------------ helpers
    def held(self, polarity):
        s = self.st[self.st["polarity"] == polarity]
        return set(zip(s["participant_id"], s["wave"], s["code"]))



def check(rec):
    a = Audit(rec)
    s_all = rec["summary"]
    study, waves = a.study, a.waves
    first, later = waves[0], waves[1:]
    iv = a.iv
    status = {(c["council_id"], w): bool(v) for c in a.truth.councils for w, v in c["in_intervention"].items()}
    # 1. the opening sentence: councils, waves, interviews
    intro = s_all[0]
    m = re.search(r"follows (\d+) councils across (\d+) waves", intro)
    if m:
        a.claim("intro_councils", intro, int(m[1]) == len(study.councils), f"{m[1]} vs {len(study.councils)}")
        a.claim("intro_waves", intro, int(m[2]) == len(waves), f"{m[2]} vs {len(waves)}")
    m = re.search(r"drawing on ([\d,]+) interviews", intro)
    if m:
        n = int(m[1].replace(",", ""))
        a.claim("intro_interviews", intro, n == iv["interview_id"].nunique(), f"{n} vs {iv['interview_id'].nunique()}")
    hedged, asserted = a.held("hedged"), a.held("asserted")
    labels = rec.get("labels") or {}
    p_first = iv[iv["wave"] == first]["participant_id"].unique()
    # 2. most often expected: range of shares of first-wave participants
    for s in s_all:
        m = re.search(r"Before the review, .*?from (\d+)% to (\d+)% of participants", s)
        if m:
            shares = [np.mean([(p, first, c) in hedged for p in p_first]) for c in _others(s, labels)]
            lo, hi = round(100 * min(shares)), round(100 * max(shares))
            ok = abs(lo - int(m[1])) <= 1 and abs(hi - int(m[2])) <= 1
            a.claim("expected_range", s, ok, f"{m[1]}-{m[2]} vs {lo}-{hi}")
        m = re.search(r"After the review, .*?from (\d+)% to (\d+)% of participant interviews", s)
        if m:
            ivl = iv[iv["wave"] != first]
            shares = [np.mean([(p, w, c) in asserted for p, w in zip(ivl["participant_id"], ivl["wave"])])
                      for c in _others(s, labels)]
            lo, hi = round(100 * min(shares)), round(100 * max(shares))
            ok = abs(lo - int(m[1])) <= 1 and abs(hi - int(m[2])) <= 1
            a.claim("reported_range", s, ok, f"{m[1]}-{m[2]} vs {lo}-{hi}")
    # 3. realised expectations
    every = iv.groupby("participant_id")["wave"].nunique()
    every = set(every.index[every == len(waves)])
    for s in s_all:
        m = re.search(r"Of the ([\d,]+) expectations that participants interviewed at every wave held before the review"
                      r".*?, ([\d,]+) \((\d+)%\) were reported as realised.*?of the ([\d,]+) impacts the same participants"
                      r" had neither expected nor reported before the review, ([\d,]+) \((\d+)%\)", s)
        if m:
            E = R = N = U = 0
            for p in every:
                for c in IMPACTS:
                    e, a0 = (p, first, c) in hedged, (p, first, c) in asserted
                    after = any((p, w, c) in asserted for w in later)
                    if e:
                        E += 1
                        R += after
                    elif not a0:
                        N += 1
                        U += after
            got = [int(m[i].replace(",", "")) for i in (1, 2, 4, 5)]
            a.claim("realised_counts", s, got == [E, R, N, U], f"{got} vs {[E, R, N, U]}")
    # 4. sustained
    if len(later) >= 2:
        w1, w2 = later[0], later[-1]
        for s in s_all:
            m = re.search(r"Of the ([\d,]+) impacts that participants interviewed at both .*? reported at .*?, ([\d,]+) "
                          r"\((\d+)%\) were reported again at .*?; ([\d,]+) were reported at", s)
            if m:
                both = set(iv[iv["wave"] == w1]["participant_id"]) & set(iv[iv["wave"] == w2]["participant_id"])
                R1 = sum((p, w1, c) in asserted for p in both for c in IMPACTS)
                RR = sum((p, w1, c) in asserted and (p, w2, c) in asserted for p in both for c in IMPACTS)
                NR = sum((p, w1, c) not in asserted and (p, w2, c) in asserted for p in both for c in IMPACTS)
                got = [int(m[i].replace(",", "")) for i in (1, 2, 4)]
                a.claim("sustained_counts", s, got == [R1, RR, NR], f"{got} vs {[R1, RR, NR]}")
    # 5. credited
    st = a.st[(a.st["polarity"] == "asserted") & (a.st["wave"] != first)]
    for s in s_all + [rec["tables"].get("attribution", {}).get("lead", "")]:
        m = re.search(r"Of the ([\d,]+) statements reporting an impact after the review, (\d+)% credited it to something "
                      r"other than the review \((?:each other cause|[^)]*)[^)]*\)(?:, and for (\d+)% the speaker)?", s)
        if m:
            n = len(st)
            o = st["attribution"].isin(OTHER).mean() * 100
            u = (st["attribution"] == "unclear").mean() * 100
            said_u = int(m[3]) if m[3] else 0  # no clause: none left open
            ok = int(m[1].replace(",", "")) == n and abs(int(m[2]) - o) <= 0.5 + 1e-9 and abs(said_u - u) <= 0.5 + 1e-9
            a.claim("credit_overall", s, ok, f"{m[1]},{m[2]},{m[3]} vs {n},{o:.1f},{u:.1f}")
        m = re.search(r"By wave, (.*?) credited it to something other than the review \(cause left open: (.*?)\)", s)
        if m:
            parts = [(x, y, "") for x, y in re.findall(r"(\d+)% of the ([\d,]+)", m[1])]
            opens = re.findall(r"(\d+)%", m[2])
            lw = later
            ok = len(parts) == len(lw) and len(opens) == len(lw)
            why = []
            if ok:
                for (pc, n, _), op, w in zip(parts, opens, lw):
                    sw = st[st["wave"] == w]
                    o = sw["attribution"].isin(OTHER).mean() * 100
                    u = (sw["attribution"] == "unclear").mean() * 100
                    good = int(n.replace(",", "")) == len(sw) and abs(int(pc) - o) <= 0.5 + 1e-9 and abs(int(op) - u) <= 0.5 + 1e-9
                    ok &= good
                    why.append(f"{w}: {pc}/{n}/{op} vs {o:.1f}/{len(sw)}/{u:.1f}")
            a.claim("credit_by_wave", s, ok, "; ".join(why) or str(parts))
    # 6. change across the waves and by status: direction against planted
    labels = rec.get("labels") or {}
    for s in s_all:
        for code, lab in labels.items():
            for mm in re.finditer(re.escape(lab.lower()) + r"(?: was)? reported (more|less) often", s.lower()):
                d = mm[1]
                if "by participants in councils in" in s.lower()[mm.end():mm.end() + 40]:
                    planted = [a.eff.intervention_log_odds * (code in a.eff.intervention_codes),
                               *a.eff.intervention_wave_log_odds.get(code, {}).values()]
                    ok = any(v > 0 for v in planted) if d == "more" else any(v < 0 for v in planted)
                    a.claim("status_direction", s, ok, f"{code} {d}; planted {planted}")
                elif s.startswith("Compared with"):
                    changes = [a.eff.wave_shift(code, w) - a.eff.wave_shift(code, first) for w in later]
                    ok = any(c > 0 for c in changes) if d == "more" else any(c < 0 for c in changes)
                    a.claim("change_direction", s, ok, f"{code} {d}; planted {changes}")
        if s.startswith(tuple(labels.values())) and " was reported " in s and "intervention" in s:
            pass
    # 6b. the models' change sentences, clause by clause: each impact named before "reported more/less often", at the
    # waves its clause names, against the planted change from the sentence's reference wave
    short = {w: re.sub(r" \(.*", "", lab).lower() for w, lab in zip(study.waves["wave"], study.waves["label"])}
    for s in s_all:
        low = s.lower()
        if "the models show" not in low or "reported " not in low:
            continue
        ref = first
        m = re.match(r"between ([a-z\- ]+?) and ", low)
        if m:
            ref = next((w for w, lab in short.items() if low.startswith(f"between {lab}")), first)
        prev = 0
        for mm in re.finditer(r"reported (more|less) often", low):
            seg = low[prev:mm.start()]
            tail = low[mm.end():mm.end() + 60]
            prev = mm.end()
            if "by participants in councils in" in tail:
                continue
            named = [w for w in later if short.get(w) and f"at {short[w]}" in seg or (short.get(w) and f" {short[w]}" in seg and "both" in seg)]
            if not named:
                named = [w for w in later if short.get(w) and tail.startswith(f" at {short[w]}")]
            if not named:
                named = [w for w in later if w != ref] if len(later) == 1 else []
            for code, lab in labels.items():
                if lab.lower() in seg:
                    for w in named:
                        if w == ref:
                            continue
                        ch_ = a.eff.wave_shift(code, w) - a.eff.wave_shift(code, ref)
                        ok = ch_ > 0 if mm[1] == "more" else ch_ < 0
                        a.claim("change_direction_wave", s, ok, f"{code} {mm[1]} at {w} from {ref}; planted {ch_}")
    # 6c. the change by status: whether it differs, and each group's direction, against the planted change per group
    groups = {"not in intervention": (False, False), "in intervention": (True, True),
              "never in intervention": (False, False), "in intervention at a later wave": (False, True),
              "out of intervention at a later wave": (True, False), "in intervention throughout": (True, True)}
    main = lambda code: a.eff.intervention_log_odds * (code in a.eff.intervention_codes)  # noqa: E731
    for s in s_all:
        m = re.match(r"The change in (.+?) across the waves differs by intervention status", s)
        if not m:
            continue
        code = next((c for c, lab in labels.items() if lab.lower() == m[1]), None)
        if code is None:
            continue
        ever = any(g in s for g in ("never in intervention", "at a later wave", "in intervention throughout"))
        planted = {r["wave"]: r["differs"] for r in a.eff.status_changes(tuple(waves)) if r["code"] == code}
        a.claim("status_change_differs", s, any(planted.values()) or (ever and main(code) != 0),
                f"{code}: planted differs {planted}, ever grouping {ever}, status shift {main(code)}")
        for part in re.finditer(r"between ([a-z\- ]+?) and ([a-z\- ]+?), (.*?)(?=; between|\.$|\. )", s[m.end():]):
            w = next((w for w in later if short[w] == part[2]), None)
            if w is None:
                continue
            for g in re.finditer(r"(reported (more|less) often|showed no significant change) in councils "
                                 r"(not in intervention|never in intervention|in intervention at a later wave|"
                                 r"out of intervention at a later wave|in intervention throughout|in intervention)",
                                 part[3]):
                if g[2] is None:
                    continue
                s0, s1 = groups[g[3]]
                ch_ = a.eff.wave_shift(code, w, s1) + main(code) * s1 - a.eff.wave_shift(code, first, s0) - main(code) * s0
                a.claim("status_group_direction", s, ch_ > 0 if g[2] == "more" else ch_ < 0,
                        f"{code} {g[2]} in {g[3]} at {w}; planted {ch_}")
    # 6d. the indicators: an indicator said to have changed (after the review or a notice) against the planted change,
    # which is in the planted measure only (re-referrals by default), down after the review
    planted_ind = a.eff.indicator_post_review, a.eff.indicator_post_by_intervention
    for s in s_all:
        for mm in re.finditer(r"([A-Z][^.;:]*?|[a-z][^.;:(]*?) changed (?:by )?([+\-]\d[\d,]*\.?\d*)", s):
            if "survey" in s[:mm.start()].lower() or "mean score" in mm[1].lower():
                continue
            lab = mm[1].lower()
            ours = "re-referral" in lab
            est = float(mm[2].replace(",", ""))
            ok = ours and any(v != 0 and (v > 0) == (est > 0) for v in planted_ind)
            a.claim("indicator_direction", s, ok, f"{mm[1]!r} {est}; planted {planted_ind} in re-referrals only")
    # 6f. the review process: each participant's valence for each factor at each wave after the first
    from impact.synth._process import PROCESS_CODES
    pst = a.truth.statements
    sugg = set(zip(pst[pst["code"] == "recommendation"]["interview_id"], pst[pst["code"] == "recommendation"]["start"]))
    pst = pst[pst["code"].isin(PROCESS_CODES) & (pst["code"] != "recommendation") & (pst["wave"] != first)
              & ~pd.Series(list(zip(pst["interview_id"], pst["start"])), index=pst.index).isin(sugg)]
    vals = pst.assign(v=pst["valence"].fillna("")).groupby(["participant_id", "wave", "code"])["v"].agg(set)
    kind = vals.map(lambda v: "helped" if v == {"helped"} else "hindered" if v == {"hindered"} else
                    "mixed" if {"helped", "hindered"} <= v else "neutral")
    pf = rec["tables"].get("process_factors")
    if pf is not None:
        bad = []
        for r in pf["data"].to_dict("records"):
            k = kind[kind.index.get_level_values("code") == r["factor"]]
            want = dict(n_raised=len(k), n_helped=int((k == "helped").sum()), n_hindered=int((k == "hindered").sum()),
                        n_mixed=int((k == "mixed").sum()), n_neutral=int((k == "neutral").sum()))
            for col, v in want.items():
                try:
                    if int(r[col]) != v:
                        bad.append(f"{r['factor']} {col} {r[col]} vs {v}")
                except (TypeError, ValueError):
                    pass
        a.claim("process_table", "process_factors", not bad, "; ".join(bad[:5]))
        m = re.search(r"\((\d+) against (\d+),", pf["lead"])
        if m:
            h, d = int((kind == "helped").sum()), int((kind == "hindered").sum())
            first_is_helped = "said a factor helped" in pf["lead"]
            a.claim("process_lead_counts", pf["lead"], (int(m[1]), int(m[2])) == ((h, d) if first_is_helped else (d, h)),
                    f"{m[1]},{m[2]} vs helped {h}, hindered {d}")
    # 6g. tables of the study's planted records: actions, council types, attrition, indicator trends
    t = rec["tables"].get("action_completion")
    if t is not None:
        pr = study.action_progress.merge(study.actions[["action_id", "council_id"]], on="action_id")
        bad = []
        for r in t["data"].to_dict("records"):
            g = pr[pr["wave"] == r["wave"]]
            want = dict(n_councils=g["council_id"].nunique(), n_actions=g["action_id"].nunique(),
                        n_completed=int(g["status"].isin(["completed", "embedded"]).sum()))
            bad += [f"{r['wave']} {c} {r[c]} vs {v}" for c, v in want.items() if _int(r[c]) not in (None, v)]
        a.claim("action_table", "action_completion", not bad, "; ".join(bad[:4]))
    t = rec["tables"].get("councils_by_type")
    if t is not None:
        want = study.councils["council_type"].value_counts()
        bad = [f"{r['council_type']} {r['n_councils']} vs {want.get(r['council_type'])}" for r in t["data"].to_dict("records")
               if _int(r["n_councils"]) not in (None, want.get(r["council_type"]))]
        a.claim("types_table", "councils_by_type", not bad, "; ".join(bad))
    t = rec["tables"].get("attrition")
    if t is not None:
        listed = study.participants["participant_id"].nunique()
        bad = []
        for r in t["data"].to_dict("records"):
            g = iv[iv["wave"] == r["wave"]]
            want = dict(n_councils_interviewed=g["council_id"].nunique(),
                        n_councils_missing=len(study.councils) - g["council_id"].nunique(),
                        n_participants_interviewed=g["participant_id"].nunique(),
                        n_participants_missing=listed - g["participant_id"].nunique())
            bad += [f"{r['wave']} {c} {r[c]} vs {v}" for c, v in want.items() if _int(r[c]) not in (None, v)]
        a.claim("attrition_table", "attrition", not bad, "; ".join(bad[:4]))
    t = rec["tables"].get("indicator_trends")
    if t is not None:
        ever = {c["council_id"]: any(c["in_intervention"].values()) for c in a.truth.councils}
        ind = study.indicators.assign(g=lambda d: d["council_id"].astype(str).map(ever))
        bad = []
        for r in t["data"].to_dict("records"):
            g = ind[(ind["measure"] == r["measure"]) & (pd.to_datetime(ind["period"]) == pd.to_datetime(r["period"]))
                    & (ind["g"] == (r["status"] == "intervention_at_some_wave"))]
            v = pd.to_numeric(g["value"], errors="coerce").dropna()
            try:
                if abs(float(r["mean"]) - v.mean()) > 1e-6 or _int(r["n_councils"]) not in (None, len(v)):
                    bad.append(f"{r['measure']} {r['period']} {r['status']}: {r['mean']},{r['n_councils']} vs {v.mean()},{len(v)}")
            except (TypeError, ValueError):
                pass
        a.claim("indicator_trends_table", "indicator_trends", not bad, "; ".join(bad[:4]))
    cw = iv.drop_duplicates(["council_id", "wave"])
    n_by = {w: (sum(status[(c, w)] for c in cw[cw["wave"] == w]["council_id"]),
                sum(not status[(c, w)] for c in cw[cw["wave"] == w]["council_id"])) for w in waves}
    # 6h. why councils are not compared, and what the models rest on
    for s in s_all:
        if s.startswith("Councils are not compared by intervention status"):
            if "no council was in intervention when it was interviewed" in s:
                a.claim("not_compared_why", s, all(n_by[w][0] == 0 for w in waves), f"{n_by}")
            elif "every council was in intervention whenever it was interviewed" in s:
                a.claim("not_compared_why", s, all(n_by[w][1] == 0 for w in waves), f"{n_by}")
            elif "needs at least two councils in each intervention group" in s:
                a.claim("not_compared_why", s, not any(min(n_by[w]) >= 2 for w in waves), f"{n_by}")
        m = re.search(r"rest on (\d+) councils: below 10", s)
        if m:
            a.claim("models_rest_on", s, int(m[1]) == iv["council_id"].nunique(), f"{m[1]} vs {iv['council_id'].nunique()}")
        m = re.search(r"as (no council answering the survey was in intervention at|every council was in intervention "
                      r"whenever it answered the survey|no council was in intervention when it answered the survey)"
                      r"(?: ([a-z\- ]+?))?[;.]", s)
        if m and "staff and partner survey" in s:
            sr = study.survey_responses.drop_duplicates(["council_id", "wave"])
            sv = {w: [status[(str(c), w)] for c in sr[sr["wave"] == w]["council_id"]] for w in sr["wave"].unique()}
            if m[1].startswith("no council answering"):
                w = next((w for w in waves if short[w] == (m[2] or "")), None)
                ok = w is not None and not any(sv.get(w, []))
            elif m[1].startswith("every"):
                ok = all(all(v) for v in sv.values())
            else:
                ok = not any(any(v) for v in sv.values())
            a.claim("survey_why_pooled", s, ok, f"{m[1]} {m[2]}: {sv}")
        m = re.match(r"After the review, the impacts? most often reported (?:were|was) (.*?)(?:; the others|\.$)", s)
        if m:
            ivl = iv[iv["wave"] != first]
            sh = {c: np.mean([(p, w, c) in asserted for p, w in zip(ivl["participant_id"], ivl["wave"])]) for c in IMPACTS}
            named = [c for c in IMPACTS if labels[c].lower() in m[1].lower()]
            rest = [sh[c] for c in IMPACTS if c not in named]
            pcts = [int(x) for x in re.findall(r"(\d+)% of participant", m[1])]
            ok = bool(named) and min(sh[c] for c in named) > max(rest) and \
                sorted(pcts) == sorted(round(100 * sh[c]) for c in named)
            a.claim("most_reported_named", s, ok, f"named {named} {pcts}; planted shares {({c: round(v, 3) for c, v in sh.items()})}")
    # 6i. suggestions by the part of the review they concern, and the process lead's ranges
    t = rec["tables"].get("recommendations")
    if t is not None:
        allst = a.truth.statements
        recs = allst[allst["code"] == "recommendation"][["interview_id", "start", "participant_id", "council_id", "wave"]]
        about = allst[allst["code"].isin(PROCESS_CODES) & (allst["code"] != "recommendation")][["interview_id", "start", "code"]]
        j = recs.merge(about, on=["interview_id", "start"])
        j = j[j["wave"] != first]
        bad = []
        for r in t["data"].to_dict("records"):
            g = j[j["code"] == r["concerning"]]
            for col, v in (("n_participants", g["participant_id"].nunique()), ("n_councils", g["council_id"].nunique())):
                if _int(r[col]) not in (None, v):
                    bad.append(f"{r['concerning']} {col} {r[col]} vs {v}")
        a.claim("recommendations_table", "recommendations", not bad, "; ".join(bad[:4]))
        m = re.search(r"\(from (\d+) to (\d+) participants each", t["lead"])
        if m:
            per = j.groupby("code")["participant_id"].nunique()
            a.claim("recommendations_lead_range", t["lead"], (int(m[1]), int(m[2])) == (int(per.min()), int(per.max())),
                    f"{m[1]}-{m[2]} vs {per.min()}-{per.max()}")
    if pf is not None:
        for which in ("helped", "got in the way"):
            m = re.search(r"most often said to have " + which + r" \(from (\d+) to (\d+) participants each", pf["lead"])
            if m:
                v = "helped" if which == "helped" else "hindered"
                per = [int(((kind == v) & (kind.index.get_level_values("code") == c)).sum())
                       for c in PROCESS_CODES if c != "recommendation"]
                a.claim("process_lead_range", pf["lead"], (int(m[1]), int(m[2])) == (min(per), max(per)),
                        f"{which}: {m[1]}-{m[2]} vs {min(per)}-{max(per)}")
    # 6j. the trajectory tables, impact by impact
    t = rec["tables"].get("realisation")
    if t is not None:
        bad = []
        for r in t["data"].to_dict("records"):
            c = r["impact"]
            cnt = dict(n_realised=0, n_unmet_expectation=0, n_unanticipated=0, n_not_mentioned=0,
                       n_under_way_reported=0, n_under_way_not_reported=0)
            for p in every:
                e, a0 = (p, first, c) in hedged, (p, first, c) in asserted
                after = any((p, w, c) in asserted for w in later)
                k = (("n_realised" if after else "n_unmet_expectation") if e else
                     ("n_under_way_reported" if after else "n_under_way_not_reported") if a0 else
                     ("n_unanticipated" if after else "n_not_mentioned"))
                cnt[k] += 1
            cnt["n_incomplete"] = study.participants["participant_id"].nunique() - len(every)
            bad += [f"{c} {k} {r[k]} vs {v}" for k, v in cnt.items() if k in r and _int(r[k]) not in (None, v)]
        a.claim("realisation_table", "realisation", not bad, "; ".join(bad[:4]))
    t = rec["tables"].get("persistence")
    if t is not None and len(later) >= 2:
        w1, w2 = later[0], later[-1]
        seen1 = set(iv[iv["wave"] == w1]["participant_id"])
        seen2 = set(iv[iv["wave"] == w2]["participant_id"])
        both = seen1 & seen2
        bad = []
        for r in t["data"].to_dict("records"):
            c = r["impact"]
            cnt = dict(n_sustained=0, n_faded=0, n_emerging=0, n_absent=0)
            for p in both:
                x, y = (p, w1, c) in asserted, (p, w2, c) in asserted
                cnt["n_sustained" if x and y else "n_faded" if x else "n_emerging" if y else "n_absent"] += 1
            cnt["n_incomplete"] = study.participants["participant_id"].nunique() - len(both)
            bad += [f"{c} {k} {r[k]} vs {v}" for k, v in cnt.items() if k in r and _int(r[k]) not in (None, v)]
        a.claim("persistence_table", "persistence", not bad, "; ".join(bad[:4]))
    # 6k. the models are fitted where the planted coding varies (main fitted none of a study with a wave no interview
    # was held at, saying no impact varied)
    if len(study.councils) >= 10:
        sh = _council_shares(a)
        varies = sh.groupby("code")["y"].agg(lambda y: 0 < y.mean() < 1).any()
        a.claim("models_fitted", "the longitudinal models", "gee_models" in rec["tables"] or not varies,
                f"models table {'shown' if 'gee_models' in rec['tables'] else 'absent'}; planted coding varies {varies}")
    # 6e. the caveats: councils by status at each wave
    lim = [rec["tables"].get("suppressions", {}).get("lead", "")]
    for s in s_all + lim:
        if "fewer than 10 in a status group at every wave" in s:
            a.claim("caveat_few_councils", s, all(min(n_by[w]) < 10 for w in waves), f"{n_by}")
        m = re.search(r"with (\d+) councils in intervention and (\d+) not at ([a-z\- ]+?), the later wave", s)
        if m:
            w = next((w for w in later if short[w] == m[3]), None)
            a.claim("caveat_power_counts", s, w is not None and (int(m[1]), int(m[2])) == n_by[w],
                    f"{m[1]},{m[2]} at {m[3]} vs {n_by.get(w)}")
        if "no council was in intervention when it was interviewed" in s:
            a.claim("caveat_none_in", s, all(n_by[w][0] == 0 for w in waves), f"{n_by}")
    # large planted change (planted prevalence moving 35 points or more) called no significant change, 40+ councils
    prev = a.truth.prevalences()
    prev = prev[prev["measure"] == "reported"].set_index(["code", "wave", "status_group"])["probability"]
    for s in s_all:
        low = s.lower()
        for mm in re.finditer(r"no significant change between ([a-z\- ]+?) and ([a-z\- ]+?)(?: or ([a-z\- ]+?))? in (.*?)(?:, which is not|\(|$)", low):
            if len(study.councils) < 40:
                continue
            ref = next((w for w in waves if short[w] == mm[1]), None)
            ws = [w for w in waves if short[w] in (mm[2], mm[3])]
            for code, lab in labels.items():
                if lab.lower() not in mm[4] or ref is None:
                    continue
                for w in ws:
                    d = prev[(code, w, "no_intervention")] - prev[(code, ref, "no_intervention")]
                    a.claim("miss_no_change_vs_large", s, abs(d) < 0.35, f"{code} {ref}->{w}: planted prevalence change {d:+.2f}")
    # 7. survey
    for s in s_all:
        m = re.search(r"changed by ([+\-]\d\.\d+) points \(95% CI ([+\-]\d\.\d+) to ([+\-]\d\.\d+)\) in councils not in "
                      r"intervention and by ([+\-]\d\.\d+) \(([+\-]\d\.\d+) to ([+\-]\d\.\d+)\)", s)
        if m:
            for grp, (_est, lo, hi) in (("not", (m[1], m[2], m[3])), ("in", (m[4], m[5], m[6]))):
                lo, hi = float(lo), float(hi)
                planted = a.eff.survey_wave_shift(later[-1], True, grp == "in")
                if lo > 0 or hi < 0:
                    a.claim("survey_direction", s, (planted > 0) == (lo > 0) and planted != 0,
                            f"{grp}: CI {lo} to {hi}; planted {planted}")
    # 8. the change table's lead: the test named against the kind of data
    held = [w for w in waves if w in set(iv["wave"])]  # the waves at which an interview was held
    ch = rec["tables"].get("change_over_time")
    if ch is not None and ch["lead"]:
        lead = ch["lead"]
        tests = set(rec["change"]["test"].dropna()) if rec["change"] is not None else set()
        binary = tests <= {"mcnemar", "cochran_q"} and tests
        want = ("McNemar" if len(held) == 2 else "Cochran") if binary else ("Wilcoxon" if len(held) == 2 else "Friedman")
        a.claim("change_test_named", lead, want in lead, f"tests {tests}, want {want}")
        m = re.search(r"across the (\d+) waves", lead)
        if m:
            a.claim("change_waves_named", lead, int(m[1]) == len(held), f"{m[1]} vs {len(held)} held of {len(waves)}")
        if len(held) < len(waves):
            a.claim("change_every_wave_held", lead, "interviewed at every wave at which interviews were held" in lead,
                    f"{len(held)} of {len(waves)} waves held")
        # the shares are binary exactly where each council's share is 0 or 1 at every wave (planted coding)
        kinds = _council_shares_binary(a)
        a.claim("change_test_kind", lead, bool(binary) == kinds, f"tests {tests}, planted shares binary {kinds}")
    # 9. suggestions lead
    sg = rec["tables"].get("suggestions_by_wave")
    if sg is not None:
        lead = sg["lead"]
        parts = re.findall(r"(\d+) of (\d+) participants \((\d+)%\)", lead)
        rec_st = a.truth.statements[a.truth.statements["code"] == "recommendation"]
        ok, why = len(parts) == len(held) - 1, []
        for (k, n, _), w in zip(parts, held[1:]):
            ivw = iv[iv["wave"] == w]
            kk = rec_st[rec_st["wave"] == w]["participant_id"].nunique()
            ok &= int(k) == kk and int(n) == ivw["participant_id"].nunique()
            why.append(f"{w}: {k}/{n} vs {kk}/{ivw['participant_id'].nunique()}")
        a.claim("suggestions_counts", lead, ok, "; ".join(why))
    # 10. status by wave: councils in intervention at each wave
    sb = rec["tables"].get("status_by_wave")
    if sb is not None:
        d = sb["data"]
        for w in waves:
            rows = d[d["wave"] == w]
            vals = pd.to_numeric(rows["n_councils"], errors="coerce")
            if vals.isna().any():
                continue
            n_in = sum(c["in_intervention"][w] for c in a.truth.councils)
            got_in = int(vals[rows["intervention"] != "none"].sum())
            a.claim("status_counts", f"status_by_wave {w}", got_in == n_in, f"{got_in} vs {n_in}")
    # 11. comparisons: the group means are the planted councils' shares
    cp = rec["tables"].get("comparisons")
    if cp is not None:
        shares = _council_shares(a)
        bad = []
        for r in cp["data"].to_dict("records"):
            try:
                ma, mb = float(r["mean_a"]), float(r["mean_b"])
            except (TypeError, ValueError):
                continue
            g = shares[(shares["code"] == r["impact"]) & (shares["wave"] == r["wave"])]
            ta, tb = g[~g["s"]]["y"].mean(), g[g["s"]]["y"].mean()
            if not (abs(ma - ta) < 1e-9 and abs(mb - tb) < 1e-9):
                bad.append(f"{r['impact']} {r['wave']}: {ma:.3f},{mb:.3f} vs {ta:.3f},{tb:.3f}")
        a.claim("comparison_means", "comparisons table means", not bad, "; ".join(bad[:4]))
    # 12. prevalence and expectations tables: counts of participants by impact, wave and status
    status = {(c["council_id"], w): bool(v) for c in a.truth.councils for w, v in c["in_intervention"].items()}
    pw = iv.drop_duplicates(["participant_id", "wave"]).assign(
        s=lambda d: [status[(c, w)] for c, w in zip(d["council_id"], d["wave"])])
    for name, held_set, only_first in (("prevalence", asserted, False), ("expectations", hedged, True)):
        t = rec["tables"].get(name)
        if t is None:
            continue
        bad, n = [], 0
        for r in t["data"].to_dict("records"):
            w = first if only_first else r["wave"]
            try:
                k, m_ = int(r["n_with"]), int(r["n_participants"])
            except (TypeError, ValueError):
                continue
            g = pw[(pw["wave"] == w) & (pw["s"] == (r["status"] == "intervention"))]
            want_n = len(g)
            want_k = sum((p, w, r["impact"]) in held_set for p in g["participant_id"])
            n += 1
            if (k, m_) != (want_k, want_n):
                bad.append(f"{r['impact']} {w} {r['status']}: {k}/{m_} vs {want_k}/{want_n}")
        a.claim(f"{name}_counts", f"{name} table ({n} rows)", not bad, "; ".join(bad[:4]))
    # 13. the change table's councils and first and last wave medians (shares) per impact and status
    if ch is not None:
        sh = _council_shares(a)
        every = sh.groupby("council_id")["wave"].nunique()
        sh = sh[sh["council_id"].isin(every.index[every == len(held)])]
        allsh = sh
        same = sh.groupby("council_id")["s"].agg(lambda x: x.nunique() == 1)
        sh = sh[sh["council_id"].isin(same.index[same])]
        bad, n = [], 0
        for r in ch["data"].to_dict("records"):
            g = (allsh[allsh["code"] == r["impact"]] if r["status"] == "all" else
                 sh[(sh["code"] == r["impact"]) & (sh["s"] == (r["status"] == "intervention"))])
            try:
                nc = int(r["n_councils"])
            except (TypeError, ValueError):
                continue
            n += 1
            want = g["council_id"].nunique()
            m0, m1 = r.get(f"median_{first}"), r.get(f"median_{held[-1]}")
            t0 = g[g["wave"] == first]["y"].median()
            t1 = g[g["wave"] == held[-1]]["y"].median()
            binary = "test" in r and r["test"] in ("mcnemar", "cochran_q")
            if binary:
                t0, t1 = g[g["wave"] == first]["y"].mean(), g[g["wave"] == held[-1]]["y"].mean()
            okv = True
            for got, tv in ((m0, t0), (m1, t1)):
                try:
                    okv &= bool(np.isnan(float(got))) or abs(float(got) - tv) < 1e-9
                except (TypeError, ValueError):
                    pass
            if m1 is None and not (nc < 2 and "A row of one council has no test" in ch["notes"]):
                okv = False  # no column of the last wave held: the values are headed by another wave (a row of one
                # council is blank where the notes say why: truth81)
            if nc != want or not okv:
                bad.append(f"{r['impact']} {r['status']}: n {nc} vs {want}; {m0},{m1} vs {t0},{t1}")
        a.claim("change_table_values", f"change table ({n} rows)", not bad, "; ".join(bad[:4]))
    # 14. the interviews by wave table
    ib = rec["tables"].get("interviews_by_wave")
    if ib is not None:
        bad = []
        for r in ib["data"].to_dict("records"):
            g = iv[iv["wave"] == r["wave"]]
            for col, want in (("n_interviews", g["interview_id"].nunique()), ("n_councils", g["council_id"].nunique()),
                              ("n_participants", g["participant_id"].nunique())):
                try:
                    if int(r[col]) != want:
                        bad.append(f"{r['wave']} {col} {r[col]} vs {want}")
                except (TypeError, ValueError):
                    pass
        a.claim("interviews_table", "interviews_by_wave", not bad, "; ".join(bad))
    # 15. a large planted difference by status called none (a miss), with 40 or more councils
    for s in s_all:
        low = s.lower()
        if len(study.councils) >= 40 and ("no significant difference" in low or "no difference" in low) \
                and "intervention" in low and "survey" not in low and "indicator" not in low:
            for code, lab in labels.items():
                if lab.lower() in low and code in a.eff.intervention_codes and abs(a.eff.intervention_log_odds) >= 2:
                    a.claim("miss_no_status_difference_vs_large", s, False, f"{code}: planted {a.eff.intervention_log_odds}")
    return a.claims


def _int(x):
    try:
        return int(x)
    except (TypeError, ValueError):
        return None


def _others(s, labels):
    """The impacts a range covers: where the sentence names the impacts that stood out, 'the others'."""
    if "the others" not in s:
        return list(IMPACTS)
    head = s[:s.index("the others")].lower()
    return [c for c in IMPACTS if labels[c].lower() not in head]


def _council_shares(a):
    iv = a.iv
    asserted = a.held("asserted")
    status = {(c["council_id"], w): bool(v) for c in a.truth.councils for w, v in c["in_intervention"].items()}
    rows = []
    for (cid, w), g in iv.groupby(["council_id", "wave"]):
        ps = g["participant_id"].unique()
        for c in IMPACTS:
            rows.append(dict(council_id=cid, wave=w, code=c, y=np.mean([(p, w, c) in asserted for p in ps]),
                             s=status[(cid, w)]))
    return pd.DataFrame(rows)


def _council_shares_binary(a):
    sh = _council_shares(a)
    every = sh.groupby("council_id")["wave"].nunique()
    sh = sh[sh["council_id"].isin(every.index[every == sh["wave"].nunique()])]
    return bool(sh["y"].isin([0.0, 1.0]).all())


def run_checks():
    out, claims = [], []
    for p in sorted(RUNS.glob("*.pkl")):
        rec = pickle.loads(p.read_bytes())
        rec["labels"] = _code_labels(rec)
        c = check(rec)
        claims += c
        out.append(dict(study=rec["key"], design=rec["design"], cpu_s=round(rec["cpu"], 1), claims=len(c),
                        false=sum(not x["ok"] for x in c)))
    # a "miss" (a large planted effect the report calls not significant) is no false statement: the report says it is
    # not evidence of none; counted apart, as power
    misses = [c for c in claims if c["kind"].startswith("miss_")]
    claims = [c for c in claims if not c["kind"].startswith("miss_")]
    false = [c for c in claims if not c["ok"]]
    kinds = {}
    for c in claims:
        k = kinds.setdefault(c["kind"], {"checked": 0, "false": 0})
        k["checked"] += 1
        k["false"] += not c["ok"]
    doc = dict(studies=len(out), claims_checked=len(claims), claims_false=len(false), by_kind=kinds,
               misses_checked=len(misses), misses=[c for c in misses if not c["ok"]], per_study=out, false_claims=false)
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    return doc


def _code_labels(rec):
    import yaml

    import impact
    book = yaml.safe_load(impact.bundled_path("codebooks").joinpath("nfer_impacts.yaml").read_text())
    out = {}

    def walk(x):
        if isinstance(x, dict):
            if x.get("id") in IMPACTS and "label" in x:
                out[x["id"]] = x["label"]
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(book)
    return out


if __name__ == "__main__":
    main()
