"""analysis/programme_findings.py runs the programme analysis through the library only."""

import ast
import dataclasses
import importlib.util
from pathlib import Path

import pandas as pd

SCRIPT = Path(__file__).resolve().parents[1] / "analysis" / "programme_findings.py"


def test_only_uses_the_library():
    tree = ast.parse(SCRIPT.read_text())
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported <= {"impact", "argparse", "sys", "pathlib", "__future__"}


def test_runs_on_a_tiny_study(tiny_study, tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("programme_findings", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tiny_study.save(tmp_path / "study")
    result = module.main(tmp_path / "study", tmp_path / "out", n_resamples=99)
    assert (tmp_path / "out" / "report.html").is_file()
    assert result.findings.provenance["parameters"]["n_resamples"] == 99
    # three councils cannot be compared by intervention status: the script says so, and why
    printed = capsys.readouterr().out
    assert "Strongest differences" not in printed
    assert "No comparison by intervention status: needs at least two councils" in printed
    # the tests of change across the waves, counted from the findings' own table
    ch = result.findings.change
    below = int((ch["p_adjusted"] < 0.05).sum())
    assert f"{below} of {len(ch)} tests of change across the waves have a Holm-adjusted p below 0.05" in printed


def test_a_machine_coded_change_is_named_as_no_finding_without_a_hand_check_at_every_wave(capsys):
    """The script printed nothing of change across the waves; under machine coding a change the hand check has not
    confirmed at every wave is named as no finding (the report's rule, impact.report.unconfirmed_over_waves)."""
    import dataclasses

    import impact
    from impact.synth import generate_with_truth

    spec = importlib.util.spec_from_file_location("programme_findings", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    study, _ = generate_with_truth(8, seed=91357, interviews_per_wave=2, words_per_interview=150)
    f = impact.analyse(study, n_resamples=99, parts=["comparisons", "change"])
    assert f.coding["source"] == "machine" and f.reliability_by_wave is None
    ch = f.change.copy()
    ch.loc[ch.index[0], "p_adjusted"] = 0.001
    module._change(dataclasses.replace(f, change=ch))
    printed = capsys.readouterr().out
    code = ch.loc[ch.index[0], "code"]
    assert f"{code} (" in printed and "(machine coding not checked by hand at every wave: not a finding)" in printed
    # the models' change at each later wave: one at the middle wave only is named at that wave
    early, late = study.wave_ids[1:]
    models = pd.DataFrame({"code": ["commitment", "commitment", "morale", "morale"],
                           "term": [f"wave_{early}", f"wave_{late}", f"wave_{early}", f"wave_{late}"],
                           "p_adjusted": [0.001, 0.6, 0.2, 0.3]})
    module._change(dataclasses.replace(f, change=ch, models=models))
    printed = capsys.readouterr().out
    assert ("1 of 4 model changes (each later wave against the first, Holm-adjusted together) have an adjusted p "
            f"below 0.05: commitment at {early} (machine coding not checked by hand at every wave: not a finding).") \
        in printed


def test_reliability_section_from_human_codings(tiny_study, tmp_path):
    """--human codings give a per-code agreement table; a human who agrees on every unit gives kappa 1."""
    import impact

    findings = impact.analyse(tiny_study, n_resamples=99)
    units = findings.segments["segment_id"].tolist()
    human = findings.coded[~findings.coded["negated"]][["unit", "code"]].assign(coder="reviewer")
    result = impact.analyse(tiny_study, n_resamples=99, human=human)
    rel = result.reliability
    assert rel is not None and set(rel["code"]) == set(human["code"])
    pa = rel[rel["metric"] == "percent_agreement"]
    # every segment of the interviews the human coded is compared (one the human left uncoded holds no code)
    checked = findings.segments[findings.segments["interview_id"].isin({u.rsplit(":", 1)[0] for u in human["unit"]})]
    assert (pa["value"] == 1.0).all() and (pa["n_units"] == len(checked)).all()
    assert len(units) >= len(checked) >= len(set(human["unit"]))
    report, _ = impact.build_report(result)
    [section] = [s for s in report.sections if s.title == "Coding reliability"]
    # with the segments the human left uncoded compared too, each status group has both values, so kappa exists: 1
    # (and, after them, the kappas within each wave: a paragraph and a table)
    assert len(section.blocks) == 6 and "within each status group" in section.blocks[2].text
    assert "within each wave" in section.blocks[4].text and (section.blocks[5].data["cohen_kappa"] == 1.0).all()
    by_status = section.blocks[3].data  # the table of kappas by status group
    assert len(by_status) and (by_status["cohen_kappa"] == 1.0).all() and (by_status["meets_line"] == "yes").all()
    assert set(by_status["status_group"]) == {"intervention", "no_intervention"}
    # the agreement table lists the codes in the codebook's order, as the other tables of codes do (agreement is
    # computed in the codes' sorted order: audit11 found the table alphabetical by code id); here every code is given
    # the one code's agreement rows, in sorted order
    ids = findings.codebook.codes["code_id"].tolist()
    assert ids != sorted(ids)
    every = pd.concat([rel.assign(code=c) for c in sorted(ids)], ignore_index=True)
    report, _ = impact.build_report(dataclasses.replace(result, reliability=every))
    [section] = [s for s in report.sections if s.title == "Coding reliability"]
    shown = section.blocks[1].data["impact"].drop_duplicates().tolist()
    assert shown == findings.codebook.codes["label"].tolist()
