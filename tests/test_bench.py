"""The benchmark harness (bench/run.py) on a tiny corpus: every JSON field is present.

Speed itself is measured by ``make bench``, never asserted here.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import run as bench  # noqa: E402

# The documented fields of the JSON (docs/performance.md).
FIELDS = {
    "machine": ["platform", "cpu", "cpu_count", "cpus_usable", "memory_gb", "python", "versions", "git_commit",
                "load_average"],
    "corpus": ["path", "n_councils", "interviews_per_wave", "words_per_interview", "seed", "prepare_s", "load_s"],
    "coding": ["n_jobs", "n_interviews", "transcript_words", "n_segments", "segment_words", "n_coded",
               "segmentation_s", "segmentation_words_per_s", "coding_s", "coding_words_per_s",
               "segment_and_code_words_per_s", "sample_words", "coding_single_process_words_per_s", "naive_s",
               "naive_words_per_s", "naive_matches", "floor_s", "floor_words_per_s", "floor_matches",
               "coder_vs_naive", "floor_vs_coder", "distinct_segment_texts", "distinct_sample_words",
               "coding_distinct_single_process_words_per_s", "coder_vs_naive_distinct_single_process"],
    "statistics": ["n_councils", "n_tests", "n_resamples", "panel_s", "prevalence_s", "permutation_s", "change_s",
                   "gee_s", "mixed_s", "full_statistics_s", "scipy_n_tests", "scipy_s", "permutation_vs_scipy",
                   "permutation_engine_s", "permutation_engine_vs_scipy",
                   "full_statistics_vs_scipy", "max_abs_p_difference"],
    "coding_distinct": ["n_texts", "words", "rule_s", "rule_words_per_s", "default_coder", "default_s",
                        "default_distinct_words_per_s", "default_vs_rule"],
    "end_to_end": ["command", "run_wall_s", "run_peak_rss_mb", "run_peak_tree_rss_mb", "run_peak_tree_pss_mb",
                   "run_cpu_s", "rerun_wall_s",
                   "rerun_peak_rss_mb", "rerun_cpu_s"],
    "large_table": ["rows", "bytes", "wall_s", "cpu_s", "peak_rss_mb", "exit_code", "stderr_tail"],
}


@pytest.mark.slow
def test_quick_run_writes_every_field(tmp_path):
    # Three councils (six until testtime16): the two `impact run` children and the memory sampler that watches them
    # are most of the test's CPU, and they cost 8 s each on three councils against 12-14 s on six (43.0 -> 28.7 s for
    # the whole quick run, one process at load 7-11); no assertion reads the corpus's size.
    result = bench.run(tmp_path / "results", n_councils=3, interviews_per_wave=2, words_per_interview=300,
                       n_resamples=199, naive_words=2_000, n_jobs=2, cache_dir=tmp_path / "cache", log=None,
                       distinct_words=3_000, fixed_cost_repeats=0, large_table_rows=1_003)
    saved = json.loads((tmp_path / "results" / "latest.json").read_text())
    assert len(list((tmp_path / "results").glob("bench-*-c3.json"))) == 1
    for section, fields in FIELDS.items():
        missing = [f for f in fields if f not in saved[section]]
        assert not missing, f"{section}: {missing}"
    assert set(saved["targets"]) == set(bench.TARGETS)
    assert all(isinstance(t["met"], bool) for t in saved["targets"].values())
    assert len(saved["machine"]["load_average"]) == 3 and len(saved["load_average_end"]) == 3
    coding, stats, e2e = saved["coding"], saved["statistics"], saved["end_to_end"]
    assert coding["n_interviews"] == result["coding"]["n_interviews"] > 0
    assert 0 < coding["segment_words"] <= coding["transcript_words"]
    assert coding["naive_matches"] > 0 and coding["floor_matches"] > 0
    # the ratios are the ratios of the recorded rates
    assert math.isclose(coding["coder_vs_naive"], coding["coding_words_per_s"] / coding["naive_words_per_s"])
    assert math.isclose(stats["permutation_vs_scipy"], stats["scipy_s"] / stats["permutation_s"])
    assert stats["n_resamples"] == 199 and stats["scipy_n_tests"] <= stats["n_tests"]
    assert e2e["run_peak_rss_mb"] > 0 and e2e["run_wall_s"] > 0 and e2e["rerun_wall_s"] > 0
    assert 0 < e2e["run_peak_tree_pss_mb"] <= e2e["run_peak_tree_rss_mb"]
    # the first run codes from a cache of its own (cold, whatever the user's cache holds); the re-run reads it
    logs = tmp_path / "cache" / "run-c3"
    assert "reading cached segments" not in (logs / "run.log").read_text()
    assert "reading cached segments" in (logs / "rerun.log").read_text()
    assert "fixed_cost" not in saved  # asked for no repeats (make bench-fixed measures it)
    # bench.large_table: the example study with a survey table of the rows asked for, each respondent new, validated
    # by `impact validate` in a child process (its figures are make bench's; none is asserted here). Checked on this
    # run's table, which a test of its own validated again (a second child process) until the eleventh pass.
    large, folder = saved["large_table"], tmp_path / "cache" / "large-table-1003"
    table = pd.read_csv(folder / "survey_responses.csv", dtype=str)
    assert (large["rows"], large["exit_code"]) == (1_003, 0), large["stderr_tail"]
    assert large["bytes"] == (folder / "survey_responses.csv").stat().st_size
    assert len(table) == 1_003 and table["respondent_id"].nunique() == 168  # six items each, the last one only
    assert list(table.groupby("respondent_id").size().value_counts().sort_index().items()) == [(1, 1), (6, 167)]
    assert large["peak_rss_mb"] > 0 and large["cpu_s"] > 0


def test_child_cpu_counts_the_child_process_only(tmp_path):
    # a child that burns about 0.4 s of CPU (planted), while this process sleeps as long: only the child's counts
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.4:\n    pass"
    cpu = bench._child_cpu([sys.executable, "-c", burn], cwd=tmp_path, env=dict(__import__("os").environ))
    assert 0.4 <= cpu < 5
    with pytest.raises(RuntimeError, match="status 3"):
        bench._child_cpu([sys.executable, "-c", "import sys; sys.exit(3)"], cwd=tmp_path, env={})


def test_naive_coder_and_floor_find_the_same_terms():
    terms = {"morale": ["morale boost*", "buzz"], "partnership": ["joint working"]}
    texts = ["The morale boosting day left a buzz.", "Joint working improved.", "Nothing here."]
    found = bench.NaiveCoder(terms).code(texts)
    assert sorted((i, c) for i, c, _ in found) == [(0, "morale"), (0, "morale"), (1, "partnership")]
    floor = bench.floor_pattern(terms).findall("\n".join(texts).lower())
    assert floor == ["morale boosting", "buzz", "joint working"]


def test_codebook_terms_split_gaps_and_expand_classes():
    import impact

    terms = bench.codebook_terms(impact.Codebook.nfer())
    assert {"spring in", "step", "pat on the back"} <= set(terms["morale"])
    assert not any("~" in t or t.startswith("@") for ts in terms.values() for t in ts)
    improve = impact.Codebook.nfer().classes["improve"]
    assert set(improve) <= set(terms["morale"])


def test_bench_coding_counts_segments(tmp_path):
    import impact

    path = bench.corpus(2, cache_dir=tmp_path, interviews_per_wave=1, words_per_interview=200)
    assert bench.corpus(2, cache_dir=tmp_path, interviews_per_wave=1, words_per_interview=200) == path
    study = impact.load_study(path)
    section, segments, coded = bench.bench_coding(study, n_jobs=None, naive_words=500)
    assert section["n_segments"] == len(segments) and section["n_coded"] == len(coded)
    assert section["distinct_segment_texts"] == segments["text"].nunique()
    assert 0 < section["distinct_sample_words"] <= section["segment_words"]
    pd.testing.assert_frame_equal(segments, impact.segment(study))


def test_distinct_corpus_never_repeats_a_sentence():
    texts = bench.distinct_corpus()
    assert len(texts) == len(set(texts)) > 1000
    out = bench.bench_distinct(texts[:200], repeats=1)
    assert out["n_texts"] == 200 and out["words"] == sum(len(t.split()) for t in texts[:200])
    assert math.isclose(out["default_vs_rule"], out["rule_s"] / out["default_s"])
    assert out["default_coder"] in {"RuleCoder", "HybridCoder"}


def test_split_documents_halves_by_document_with_a_fixed_seed():
    from bench.score_dev import SPLIT_SEED, split_documents

    # planted: 7 documents of 1-3 sentences; a half holds whole documents only
    docs = pd.Series(["d1", "d1", "d2", "d3", "d3", "d3", "d4", "d5", "d6", "d7", "d7"])
    halves = split_documents(docs)
    assert len(halves["A"]) == 4 and len(halves["B"]) == 3
    assert halves["A"] | halves["B"] == set(docs) and not halves["A"] & halves["B"]
    assert split_documents(docs[::-1]) == halves  # order of the rows does not matter
    # the fixed seed's cut, computed independently of split_documents
    import random

    order = sorted(set(docs))
    random.Random(SPLIT_SEED).shuffle(order)
    assert halves["A"] == frozenset(order[:4])


def test_score_dev_refuses_to_list_the_errors_of_the_check_half(capsys):
    from bench.score_dev import main

    with pytest.raises(SystemExit):
        main(["--errors", "--half", "B"])
    assert "half B is scored, never read" in capsys.readouterr().err


def test_score_dev_codes_with_another_version_of_the_codebook(tmp_path, capsys):
    import yaml

    from bench.score_dev import main

    # planted: the bundled codebook with every rule of `partnership` taken out finds no partnership code,
    # so its F1 is 0 on every part scored (each holds gold partnership codes: main scores 0.80-0.98 on them)
    bundled = Path(__file__).resolve().parents[1] / "data" / "codebooks" / "nfer_impacts.yaml"
    spec = yaml.safe_load(bundled.read_text(encoding="utf-8"))
    for code in spec["codes"]:
        if code["id"] == "partnership":
            del code["rules"]
    variant = tmp_path / "variant.yaml"
    variant.write_text(yaml.safe_dump(spec), encoding="utf-8")
    assert main(["--codebook", str(variant), "--half", "B"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"codebook {variant}: nfer_impacts 2.0, hash ")
    scored = [line for line in lines if "micro-F1" in line]
    assert len(scored) == 5 and all(line.endswith("partne 0.000") for line in scored)


def test_score_dev_refuses_a_codebook_with_other_codes(capsys):
    from bench.score_dev import main

    with pytest.raises(SystemExit):
        main(["--codebook", "review_process"])
    err = capsys.readouterr().err
    assert "--codebook review_process: codes [" in err and "expected the gold labels' codes" in err
