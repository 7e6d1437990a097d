"""Disclosure in small studies, round 43: the intruder reads the prose and the provenance as well as the tables.

The intruder of tests/test_disclosure_intruder.py differenced the tables, the heatmap and the workbook. Here it also
reads every sentence of the bundle outside the tables: the HTML report's text, the Word report's paragraphs, the
provenance (provenance.json: the report's provenance, each table's caption and notes, each figure's caption and alt
text) and parameters.json. It takes each count of councils or participants stated with a wave and a status group (or
level, or as interviewed or missing at a wave), alone or as 'k of n', into its differencing of the tables; and each
number of reassignments a randomisation test says it enumerated ('every one of the 60 reassignments', 'all 4 possible
reassignments'), which is the multinomial coefficient of the sizes of the groups of councils reassigned: it solves
for those sizes (the councils' paths of intervention status across the waves, or their dates of entry into
intervention) and keeps a solution that is the only one.

* The models' note said the intervention contrast's randomisation p compared the statistic 'with its values under
  every one of the 60 reassignments' of the councils' status paths: 60 of 6 councils is 6! / (3! 2! 1!), paths
  followed by 3, 2 and one council alone (5 of 5: 4 and 1), while the tables suppress the counts of councils by
  status. The number of reassignments is no longer stated ('every possible reassignment').
* The note of the indicators' difference-in-differences around entry into intervention said 'all 4 possible
  reassignments' of entry dates: 4 = 4! / (3! 1!), one council entering intervention and 3 never in it, the sides
  the table suppresses. Where every possible reassignment of entry dates was used their number is not stated (in the
  note and the methods line).

Generated studies of 5, 6 and 8 councils (seeds 43000, 43100, 43206, chosen for the planted conditions, each checked
from the study: a council in intervention at one wave only, a council that leaves the study, and a status group of
exactly 3 councils interviewed at one wave and 2 at another), analysed once per worker with their planted coding
(the 5-council study its indicators, the others their models).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import warnings
from html import unescape
from io import BytesIO

import pytest
import test_disclosure_intruder as intruder
import test_disclosure_round39 as r39
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5  # the report's default --min-count
IN = ("notice", "direction")
SEEDS = {5: 43000, 6: 43100, 8: 43206}
PARTS = {5: ["indicators"], 6: ["models"], 8: ["models"]}  # each analysis its study needs (CPU)


def _analysed(n: int):
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=SEEDS[n], interviews_per_wave=2, words_per_interview=60,
                                       council_missing=0.15)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study, analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=PARTS[n])


def _bundle(n: int):
    """``(study, findings, report, extra)`` of the ``n``-council study, once per worker."""
    def build():
        study, findings = _analysed(n)
        return (study, findings, *r39._report(findings))

    return once_per_worker(("round43", n), build)


def _sentences(report, extra: dict) -> list[str]:
    """Every sentence a reader of the bundle sees outside the tables (whose CSVs the intruder reads)."""
    from docx import Document

    from impact.report._docx import render_docx
    from impact.report._html import render_html

    page = re.sub(r"<(table|style|script)\b.*?</\1>", " ", render_html(report), flags=re.S)
    texts = [unescape(re.sub(r"<[^>]+>", " ", page))]
    texts += [p.text for p in Document(BytesIO(render_docx(report))).paragraphs]
    texts.append(json.dumps(report.provenance, ensure_ascii=False, default=str))
    texts += [x for t in report.tables for x in (t.caption, t.notes) if x]
    texts += [x for f in report.figures for x in (f.caption, f.alt_text) if x]
    texts += [v if isinstance(v, str) else v.decode("utf-8-sig") for k, v in extra.items() if k.endswith(".json")]
    return [s for t in texts for s in re.split(r"(?<=[.;!?])\s+", " ".join(t.split())) if s]


def _partitions(n: int, most: int | None = None):
    """Every way to write ``n`` as a sum of whole numbers, largest first."""
    most = n if most is None else most
    if n == 0:
        yield ()
        return
    for first in range(min(n, most), 0, -1):
        for rest in _partitions(n - first, first):
            yield (first, *rest)


def _multinomial(parts: tuple[int, ...]) -> int:
    return math.factorial(sum(parts)) // math.prod(math.factorial(p) for p in parts)


def _stated(report, extra: dict, study) -> dict:
    """The counts the intruder reads in the prose and provenance, keyed as tests/test_disclosure_intruder.py keys the
    tables' (and ``("split", kind)``: the sizes of the groups of councils a randomisation test reassigned)."""
    words = report.vocabulary
    waves = {w: words.value("wave", w).split(" (")[0].lower() for w in study.wave_ids}
    groups = {"no_intervention": r"\b(?:not in|out of) intervention\b", "intervention": r"(?<!not )\bin intervention\b"}
    levels = {lv: words.value("intervention", lv).lower() for lv in ("none", "notice", "direction")}
    n_councils = len(study.councils)
    known: dict = {}
    sentences = _sentences(report, extra)
    fitted = {int(m[1]) for s in sentences for m in re.finditer(r"(?:fitted on|rest on) (\d+) councils", s.lower())}
    for s in sentences:
        low = s.lower()
        named = [g for g, pattern in groups.items() if re.search(pattern, low)]
        named_levels = [lv for lv, label in levels.items() if label in low]
        for m in re.finditer(r"(?<![\d.,])(\d[\d,]*)(?: of (?:the |their )?\d[\d,]*)? (council|participant)s?\b", low):
            after = [(low.find(label, m.end()), w) for w, label in waves.items() if low.find(label, m.end()) >= 0]
            before = [(low.rfind(label, 0, m.start()), w) for w, label in waves.items()
                      if low.rfind(label, 0, m.start()) >= 0]
            if not after and not before:
                continue
            wave = min(after)[1] if after else max(before)[1]  # the wave named next ('2 of 8 councils at early impact')
            value, council = float(m[1].replace(",", "")), m[2] == "council"
            if len(named) == 1:
                key = ("cgroup" if council else "pgroup", wave, named[0])
            elif len(named_levels) == 1 and council:
                key = ("level", wave, named_levels[0])
            elif not named and ("not interviewed" in low or "missing" in low):
                key = ("cmissing" if council else "pmissing", wave)
            elif not named and "interviewed" in low:
                key = ("cwave" if council else "pwave", wave)
            else:
                continue
            known.setdefault(key, value)
        for m in re.finditer(r"(?:every one of the|all) (\d[\d,]*) (?:possible )?reassignments", low):
            kind = "entry" if "entry date" in low else "paths" if "path" in low else None
            if kind is None:
                continue
            total = int(m[1].replace(",", ""))
            sizes = fitted if kind == "paths" and fitted else range(2, n_councils + 1)
            fits = {p for n in sizes for p in _partitions(n) if len(p) > 1 and _multinomial(p) == total}
            if len(fits) == 1:
                known.setdefault(("split", kind), fits.pop())
    return known


def _split_truth(study, findings) -> dict:
    """The sizes of the groups of councils the randomisation tests reassign, from the study: the councils' paths of
    intervention status across the waves (each council's status at the waves it was interviewed, a wave without an
    interview taking the nearest earlier, else later, one's) where the models ran; and the councils entering
    intervention and never in it, as the analysis counted them, for each indicator with a randomisation p."""
    truth: dict = {}
    if findings.models is not None and len(findings.models):
        ws = study.wave_status()[["council_id", "wave", "intervention"]]
        seen = study.interviews.dropna(subset=["wave"])[["council_id", "wave"]].drop_duplicates().merge(ws)
        wide = (seen.assign(inn=seen["intervention"].isin(IN).astype(float))
                .pivot(index="council_id", columns="wave", values="inn").reindex(columns=list(study.wave_ids)))
        paths = wide.ffill(axis=1).bfill(axis=1).apply(tuple, axis=1).value_counts()
        truth[("split", "paths")] = {tuple(sorted(paths.tolist(), reverse=True))}
    e = findings.indicator_effects
    if e is not None and len(e) and "ri_p_value" in e.columns:
        # every test's groups, enumerated or not (the analysis draws the reassignments since round 44)
        rows = e[e["ri_p_value"].notna()]
        truth[("split", "entry")] = {tuple(sorted((int(a), int(b)), reverse=True))
                                     for a, b in zip(rows["n_treated"], rows["n_control"], strict=True)}
    return truth


def _split_leaks(known: dict, truth: dict) -> list:
    """The group sizes the intruder has exactly where one of them is below min_count."""
    return sorted((k, v) for k, v in known.items() if k[0] == "split" and v in truth.get(k, ()) and min(v) < MIN_COUNT)


def _planted(study) -> dict:
    """The conditions the seeds were chosen for, computed from the study."""
    ws = study.wave_status()
    ws = ws.assign(inn=ws["intervention"].isin(IN))
    seen = study.interviews.dropna(subset=["wave"])[["council_id", "wave"]].drop_duplicates()
    order = {w: i for i, w in enumerate(study.wave_ids)}
    last = seen.assign(i=seen["wave"].map(order)).groupby("council_id")["i"].max()
    sizes = seen.merge(ws, on=["council_id", "wave"]).groupby(["inn", "wave"]).size()
    return {"in_at_one_wave_only": int((ws.groupby("council_id")["inn"].sum() == 1).sum()),
            "left": int((last < len(study.wave_ids) - 1).sum()),
            "three_then_two": [g for g in (True, False) if {2, 3} <= set(sizes.get(g, {}).tolist())]}


def test_no_small_count_is_recovered_from_any_published_number():
    """In each study (the planted conditions checked from it) the intruder reads the tables, the heatmap, the
    workbook, the prose and the provenance, and differences them: no count of councils or participants from 1 to
    min_count - 1 comes out exactly, nor the sizes of the groups of councils a randomisation test reassigned where
    one is below min_count. On main the 5-council study's indicators' note gave the sides of entry into intervention as
    1 and 3 (4 reassignments) and the 6-council study's models note its status paths as 3, 2 and 1 (60
    reassignments); the 8-council study's used 99 random reassignments, and gave nothing back."""
    for n in SEEDS:
        study, findings, report, extra = _bundle(n)
        planted = _planted(study)
        assert planted["in_at_one_wave_only"] >= 1 and planted["left"] >= 1 and planted["three_then_two"], (n, planted)
        truth, splits = intruder._truth(study, findings), _split_truth(study, findings)
        assert any(0 < v < MIN_COUNT for k, v in truth.items() if k[0] == "cgroup"), n
        assert any(min(v) < MIN_COUNT for sizes in splits.values() for v in sizes), n  # small groups reassigned
        stated = _stated(report, extra, study)
        known, unmatched = intruder._attack(report, study, stated=stated)
        assert intruder._recovered(known, truth) == [], n
        assert _split_leaks(known, splits) == [], n
        assert unmatched == [] and intruder._workbook_more(report) == [], n


def test_the_attack_reads_a_count_stated_in_a_sentence():
    """The attack bites on prose: a sentence planted in the sample section states the councils interviewed at a wave
    that were not in intervention (the true count, from the study); with the councils interviewed at the wave, which
    the sample table publishes, the intruder has the councils in intervention there, one to min_count - 1."""
    from impact.report import Paragraph

    study, findings, report, extra = _bundle(5)
    truth = intruder._truth(study, findings)
    small = sorted(k for k, v in truth.items() if k[0] == "cgroup" and k[2] == "intervention" and 0 < v < MIN_COUNT)
    assert small  # the planted condition: a wave with a small group of councils in intervention
    wave = small[0][1]
    others = truth.get(("cgroup", wave, "no_intervention"), 0)
    label = report.vocabulary.value("wave", wave).lower()
    said = Paragraph(f"At {label}, {others} of the {others + truth[small[0]]} councils interviewed were not in "
                     "intervention.")
    sections = [dataclasses.replace(s, blocks=[*s.blocks, said]) if s.title == "The sample" else s
                for s in report.sections]
    assert sections != list(report.sections)
    leaky = dataclasses.replace(report, sections=sections)
    known, _ = intruder._attack(leaky, study, stated=_stated(leaky, extra, study))
    assert (small[0], truth[small[0]]) in intruder._recovered(known, truth)
