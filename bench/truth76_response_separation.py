"""How often the report's response test says missed interviews depend on intervention status when they do not, in
studies with few councils in one status group, before and after truth76's mend (Firth's fit where the GEE separates).

``python -m bench.truth76_response_separation --out bench`` writes ``<out>/truth76_response_separation.json``.

truth76's audit (bench/truth76_audit.py) read a 12-council study of two waves whose summary said participants in
councils not in intervention were interviewed less often than the others (77% against 100%; odds ratio 'above 999,
95% CI above 999 to above 999, p < 0.001'), where the generator's missed interviews do not depend on status: every
participant of the group in intervention (4 councils, 10 participant-waves) was interviewed, so the binomial GEE of
:func:`impact.report._build._response_fit` separated and its Wald test rejected whatever the data. Here control
studies (missed interviews at the generator's default rates, not by status) of 8, 12, 20 and 40 councils, with few
councils in intervention at 8 and 12, are tested as the report tests them (each status group of at least 3 councils,
the report's default floor): ``before`` is the GEE alone (main's test), ``after`` the package's test (Firth's fit
where the GEE's fitted chances reach 0 or 1). Informative studies (participants in councils in intervention missing
45% and 65% of the later interviews, bench/response_false_alarm.py's ``MISSING_IN``) give the detection rate before
and after. Seeds are drawn from 500000-599999, none of truth74's or truth76's audits."""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from bench.response_false_alarm import MISSING_IN, _rate

#: (councils, intervention paths): few councils in intervention at 8 and 12, the generator's default paths beyond
DESIGNS = ((8, {"never": 0.7, "throughout": 0.3}), (12, {"never": 0.7, "lifted": 0.15, "throughout": 0.15}),
           (20, None))
FLOOR = 3  # the fewest councils a status group may have for the report to test (FEWEST_COUNCILS, default min_count)


def one(n: int, seed: int, paths, *, informative: bool, waves: int, interviews: int = 2,
        alpha: float = 0.05) -> dict | None:
    """The response test of one study before (GEE alone) and after (the package's test), or None where the report
    makes none."""
    from impact.report._build import _response_fit, _response_grid, _separated
    from impact.stats import longitudinal_model
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, _ = generate_with_truth(n, seed=seed, waves=waves, intervention_paths=paths,
                                       interviews_per_wave=interviews,
                                       words_per_interview=50,
                                       participant_missing_in_intervention=({k: v for k, v in MISSING_IN.items()
                                                                            if k != "early" or waves >= 3}
                                                                           if informative else None))
    ids = list(study.wave_ids)
    grid = _response_grid(study, ids, study.interviews, {})
    d = grid[grid["group"].isin(["intervention", "no_intervention"])]
    side = d.groupby("council_id")["group"].agg(lambda g: (g == "intervention").any())
    if min(int(side.sum()), int((~side).sum())) < FLOOR or d["interviewed"].all():
        return None
    d = d.assign(in_intervention=d["group"].eq("intervention").astype(int), interviewed=d["interviewed"].astype(int),
                 wave=pd.Categorical(d["wave"], categories=ids))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            gee = longitudinal_model(d, formula="interviewed ~ C(wave) + in_intervention", unit="council_id",
                                     family="binomial", cov_struct="independence", alpha=alpha)
        except Exception:  # noqa: BLE001 - as the report: no test
            return None
        before = gee.params.loc["in_intervention"] if "in_intervention" in gee.params.index else None
        after = _response_fit(d, alpha)
    if before is None or not (np.isfinite(before["p_value"]) and np.isfinite(before["se"])):
        before = None
    share = d.groupby("group")["interviewed"].mean()
    return dict(seed=seed, n=n, separated=_separated(gee), councils_in=int(side.sum()),
                share_in=float(share.get("intervention", np.nan)), share_out=float(share.get("no_intervention", np.nan)),
                before_p=None if before is None else float(before["p_value"]),
                before_or=None if before is None else float(np.exp(before["estimate"])),
                after_p=None if after is None else float(after["p_value"]),
                after_or=None if after is None else float(np.exp(float(after["estimate"]))),
                after_fit=None if after is None else after["fit"])


def summary(rows: list[dict], alpha: float = 0.05) -> dict:
    out = {}
    for key, part in (("every study", rows), ("separated", [r for r in rows if r["separated"]]),
                      ("not separated", [r for r in rows if not r["separated"]])):
        out[key] = dict(studies=len(part),
                        before=_rate([r["before_p"] is not None and r["before_p"] < alpha for r in part]),
                        after=_rate([r["after_p"] is not None and r["after_p"] < alpha for r in part]))
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--studies", type=int, default=100, help="control studies per design")
    ap.add_argument("--informative", type=int, default=30, help="informative studies per design")
    ap.add_argument("--waves", type=int, default=3)
    ap.add_argument("--interviews", type=int, default=2, help="participants a council at each wave (the audit's 2)")
    ap.add_argument("--draw", type=int, default=76276, help="seed of the draw of study seeds")
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    a = ap.parse_args(argv)
    from bench.truth76_audit import used_seeds

    used = used_seeds()
    rng = np.random.default_rng(a.draw)
    pool = [int(s) for s in rng.choice(np.arange(500000, 600000), size=20000, replace=False) if int(s) not in used]
    res, k = {"draw": a.draw, "waves": a.waves, "interviews": a.interviews, "floor_councils": FLOOR, "designs": []}, 0
    for n, paths in DESIGNS:
        t = time.process_time()
        control, informative = [], []
        for i in range(a.studies + a.informative):
            r = one(n, pool[k], paths, informative=i >= a.studies, waves=a.waves,
                    interviews=a.interviews)
            k += 1
            if r is not None:
                (control if i < a.studies else informative).append(r)
        res["designs"].append(dict(n=n, paths=paths, control=summary(control), informative=summary(informative),
                                   untestable=a.studies + a.informative - len(control) - len(informative),
                                   cpu_seconds=round(time.process_time() - t, 1),
                                   false_alarms_before=[r for r in control if r["before_p"] is not None
                                                        and r["before_p"] < 0.05],
                                   rows=control + informative))
        a.out.mkdir(parents=True, exist_ok=True)
        (a.out / "truth76_response_separation.json").write_text(json.dumps(res, indent=1, default=str) + "\n")
    return res


if __name__ == "__main__":
    for dsg in main()["designs"]:
        print(dsg["n"], json.dumps({k: dsg[k] for k in ("control", "informative", "untestable", "cpu_seconds")}))
