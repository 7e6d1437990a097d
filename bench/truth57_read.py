"""Truth57: every sentence of the report against the planted truth, on 8 studies never used.

Seeds chosen before any run (grep of bench/, tests/ and impact/ for 57001xx found none): 5700101-5700108.
Each study is generated with planted truth, analysed with its planted coding (as ``impact run --coded
truth_coded.csv``: the report's statements, not the coder, are under test), and every section's text written to
``bench/truth57_read/<name>.txt`` beside the planted truth (true prevalences by code, wave and status), to be read
(``before/``: the texts of main's package; the verdicts in ``VERDICTS.md``).

    PYTHONPATH=$PWD python bench/truth57_read.py [name ...]
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

#: name: (councils, seed, keyword arguments of generate_with_truth). Written before the first run.
STUDIES = {
    "s06_default": (6, 5700101, {}),
    "s12_null": (12, 5700102, {"effects": "null"}),
    "s24_lifted_attrition": (24, 5700103, {"intervention_paths": {"never": 0.5, "lifted": 0.5},
                                          "participant_missing_in_intervention": {"early": 0.45, "longer_term": 0.65}}),
    "s24_entered_lifted_rise": (24, 5700104, {"intervention_paths": {"never": 0.5, "entered_lifted": 0.5},
                                             "effects": {"intervention_log_odds": 0.0, "intervention_wave_log_odds":
                                                         {"learning": {"expectations": 0.0, "early": 2.5,
                                                                       "longer_term": 2.5}}}}),
    "s40_morale_falls": (40, 5700105, {"effects": {"code_wave_log_odds": {"morale": {"expectations": 0.0,
                                                                                      "early": -2.0,
                                                                                      "longer_term": -2.0}}}}),
    "s40_null_attrition": (40, 5700106, {"effects": "null", "participant_missing_in_intervention":
                                         {"early": 0.4, "longer_term": 0.6}}),
    "s80_default": (80, 5700107, {}),
    "s150_entered": (150, 5700108, {"intervention_paths": {"never": 0.6, "entered": 0.4},
                                    "words_per_interview": 300, "interviews_per_wave": 3}),
}


def _text(report) -> list[str]:
    from impact.report import Bullets, Callout, Paragraph, Table

    out = []
    for s in report.sections:
        out.append(f"\n## {s.title}")
        for b in s.blocks:
            if isinstance(b, Paragraph | Callout):
                out.append(f"P: {b.text}")
            elif isinstance(b, Bullets):
                out += [f"- {i}" for i in b.items]
            elif isinstance(b, Table):
                out.append(f"T[{b.name}]: {b.caption}")
                if b.notes:
                    out.append(f"  notes: {b.notes}")
    return out


def run(name: str, folder: Path, *, tables: bool = False) -> None:
    """Write ``<name>.txt`` (the sections' text and the planted truth) and, with ``tables``, ``<name>.tables.txt``
    (every table of the report but the suppression ledger, to read the text against: truth60)."""
    from impact.pipeline import analyse, build_report
    from impact.synth import SynthEffects, generate_with_truth

    n, seed, kw = STUDIES[name]
    kw = dict(kw)
    if kw.get("effects") == "null":
        kw["effects"] = SynthEffects.null()
    t0 = time.time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, **kw)
        findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
        report, _ = build_report(findings)
    lines = [f"# {name}: {n} councils, seed {seed}, {kw}", f"built in {time.time() - t0:.0f} s"]
    lines += _text(report)
    prev = truth.prevalences()  # true_prevalences of the study's effects and waves (truth66: 4 and 5 waves)
    lines.append("\n## PLANTED TRUTH (true prevalences, measure reported)")
    lines.append(prev[prev["measure"] == "reported"].pivot_table(index="code", columns=["status_group", "wave"],
                                                                  values="probability").round(3).to_string())
    ws = study.wave_status()
    lines.append("\n## status at each wave (councils)")
    lines.append(ws.groupby(["wave", "intervention"]).size().to_string())
    (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if tables:
        import pandas as pd

        from impact.report import Table

        with pd.option_context("display.width", 250, "display.max_columns", 40, "display.max_colwidth", 40):
            dump = [f"## {b.name}: {b.caption}\n{b.data.to_string()}" for s in report.sections for b in s.blocks
                    if isinstance(b, Table) and b.name != "suppressions"]
        (folder / f"{name}.tables.txt").write_text("\n\n".join(dump) + "\n", encoding="utf-8")
    print(name, f"{time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    here = Path(__file__).with_suffix("")
    here.mkdir(exist_ok=True)
    for name in sys.argv[1:] or STUDIES:
        run(name, here)
