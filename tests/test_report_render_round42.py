"""Render round 42: a signed quantity's interval, advice that follows the study's size, the resamples' floor.

1. A difference of shares shows "+6" in the Word report and the web page, and its 95% CI "-16 to 29" there, while
   the workbook showed that interval's upper end "+29 pp": one rule (``impact.report._format.signed_text``) signs a
   signed quantity and each end of its interval alike, in every output.
2. "With few councils, read the randomisation p-value" and "a t reference distribution for few clusters" were said
   of 60 and 150 councils: every sentence calling the councils few asks one threshold, the models' ``FEW_UNITS``.
3. "(with 199 random reassignments no adjusted p could fall below 0.075; run with more resamples)": the floor is
   the number of tests over the draws plus one, shown only where more draws could make a finding, with the option
   to change and what it would lower the floor to.
"""
from __future__ import annotations

import dataclasses
import io
import re

import numpy as np
import pytest
from conftest import analysed_synthetic, excel_shows

pytestmark = pytest.mark.filterwarnings("ignore")


def _signed_points(x: float, digits: int) -> str:
    """A difference of shares in points as the report must show it, worked independently of impact: hyphen-minus
    below zero, '+' above, no sign on a value shown as zero."""
    text = f"{abs(x) * 100:.{digits}f}"
    if not text.strip("0."):
        return text
    return ("-" if x < 0 else "+") + text


@pytest.fixture(scope="module")
def signed_outputs():
    """The comparisons of a generated study of 30 councils (seed 42042; the comparisons alone), its report and that
    report rendered as Word, web page and workbook."""
    import docx
    import openpyxl

    from impact.pipeline import build_report
    from impact.report import render_docx, render_html, render_xlsx

    _, _, findings = analysed_synthetic(30, 42042, parts=["comparisons"], interviews_per_wave=3,
                                        words_per_interview=100)
    report, _ = build_report(findings)
    return (report, docx.Document(io.BytesIO(render_docx(report))), render_html(report),
            openpyxl.load_workbook(io.BytesIO(render_xlsx(report))))


def _signed_tables(report):
    """Each report table with a signed column (a difference of shares, or an interval of one), with its display
    frame and the keys of those columns."""
    from impact.report import CI, Table
    from impact.report._format import table_display

    out = []
    for table in (b for s in report.sections for b in s.blocks if isinstance(b, Table)):
        shown = table_display(table)
        specs = shown.attrs["specs"]
        keys = [k for k, spec in specs.items()
                if (spec.points if isinstance(spec, CI) else spec.kind == "pp") and k in shown.columns]
        if keys:
            out.append((table, shown, keys))
    return out


def test_every_signed_interval_signs_its_ends_as_its_estimate(signed_outputs):
    report, word, page, book = signed_outputs
    from impact.report import CI

    tables = _signed_tables(report)
    assert tables, "the study's report shows no signed column"
    page_cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", page, re.S)]
    word_cells = [c.text.strip() for t in word.tables for r in t.rows for c in r.cells]
    checked = 0
    for table, shown, keys in tables:
        for key in keys:
            spec = shown.attrs["specs"][key]
            if not isinstance(spec, CI):
                continue
            data = table.data
            for i, text in enumerate(shown[key]):
                lo, hi = data[spec.low].iloc[i], data[spec.high].iloc[i]
                if isinstance(lo, str) or not np.isfinite(float(lo)):
                    continue
                a, b = _signed_points(float(lo), spec.digits), _signed_points(float(hi), spec.digits)
                if a == b:
                    continue  # shown with extra digits (ci_digits), checked by the published-numbers tests
                assert text == f"{a} to {b}", (table.name, i, text)
                assert text in word_cells and text in page_cells, (table.name, text)
                checked += 1
    assert checked >= 10, checked
    # the workbook: each end of an interval of points as its cell shows it, beside the Word report's interval
    heads = {}
    for sheet in book.worksheets:
        row1 = [" ".join(c.value.split()) if isinstance(c.value, str) else c.value for c in sheet[1]]  # lines joined
        lows = [j for j, h in enumerate(row1) if isinstance(h, str) and h.endswith("lower (percentage points)")]
        for j in lows:
            for row in sheet.iter_rows(min_row=2):
                lo, hi = row[j], row[j + 1]
                if not isinstance(lo.value, (int, float)) or not isinstance(hi.value, (int, float)):
                    continue
                a = excel_shows(lo.value, lo.number_format).removesuffix(" pp")
                b = excel_shows(hi.value, hi.number_format).removesuffix(" pp")
                heads[(sheet.title, row[0].row)] = f"{a} to {b}"
    assert len(heads) >= 10, heads
    assert set(heads.values()) <= set(word_cells), set(heads.values()) - set(word_cells)
    assert any("+" in v.split(" to ")[1] for v in heads.values())


def test_a_signed_change_in_a_sentence_signs_its_interval():
    import types

    from impact.report._build import _did_finding
    from impact.report._labels import DEFAULT_VOCABULARY

    ctx = types.SimpleNamespace(vocabulary=DEFAULT_VOCABULARY, alpha=0.05, level="95%")
    rows = [{"measure": "cin_rate", "estimate": 2.5, "ci_low": -0.51, "ci_high": 5.24, "ri_p_value": 0.001,
             "ri_p_adjusted": 0.004}]
    sentence = _did_finding(ctx, rows, after="after the review", against="the councils not yet reviewed")
    # the unit after the figure (reader2), and the name without it in brackets as well
    assert "Children in need changed by +2.50 per 10,000 children after the review (95% CI -0.51 to +5.24;" in \
        sentence, sentence


# ------------------------------------------------------------------- 2 and 3: the study's size
#: The councils of the study large enough not to be few (at least FEW_UNITS, 10): 30 (seed 42030) had a randomisation
#: p at its floor, as 60 (seed 42060) did, for half the CPU seconds of its analysis and report (testtime21; 20 councils,
#: seed 42020, has none). Since truth82 (each council compared weighs alike) its p left the floor: re-referrals are
#: planted 3 points lower after every council's review (:data:`PLANTED`), so a p is at its floor by design, not by
#: a seed's chance.
LARGE = 30

#: The planted change of the large study: re-referrals 3 points lower in every period after a council's review.
PLANTED = {"indicator_post_review": -3.0, "indicator_post_by_intervention": 0.0}

#: The seed of the 8 councils: 42008 reviewed too few of them early enough to be compared after their review since
#: truth82 (fewer than 5, so no randomisation p was shown, nor the advice to read it); 4582001 compares 5 in every
#: indicator (a seed of this file alone).
SMALL_SEED = 4582001


@pytest.fixture(scope="module")
def by_size():
    """Findings of generated studies of 8 and :data:`LARGE` councils (seeds :data:`SMALL_SEED` and 42030, the large
    one with :data:`PLANTED`), the indicators and the models only, one interview a council and wave."""
    kw = dict(parts=["indicators", "models"], interviews_per_wave=1, words_per_interview=100)
    return {8: analysed_synthetic(8, SMALL_SEED, **kw)[2],
            LARGE: analysed_synthetic(LARGE, 42030, effects=PLANTED, **kw)[2]}


def _text(findings) -> str:
    from conftest import page_text

    return page_text(findings)


_FEW = re.compile(r"\b(?:[Ww]ith (?:so )?few councils|for few clusters|[Ss]mall samples?\b)")


def test_advice_for_few_councils_follows_the_studys_size(by_size):
    small, large = _text(by_size[8]), _text(by_size[LARGE])
    assert "With few councils, read the randomisation p-value" in small
    # the models' method for few clusters is described where a model is shown; since disclosure53 every model of the
    # 8 councils (one interview a council and wave) is withheld whole for disclosure, and no method of them is said
    assert "No model is shown. The models of" in small and "are withheld" in small
    assert "for few clusters" not in small and "GEE with bias-reduced sandwich errors" not in small
    assert "read the randomisation p-value" in large.lower()
    assert not _FEW.findall(large), [m.group(0) for m in _FEW.finditer(large)]


def _floor_sentences(findings):
    from conftest import summary_bullets

    return [s for s in summary_bullets(findings) if "random reassignments no adjusted p" in s]


def test_the_resamples_floor_is_computed_and_names_the_option(by_size):
    findings = by_size[LARGE]
    family = findings.review_indicator_effects
    tests = int(family["ri_p_value"].notna().sum())
    draws = int(family["ri_n"].max())
    floor = tests / (draws + 1)
    assert floor >= 0.05 and (family["ri_p_value"] <= 1 / (draws + 1) + 1e-12).any()  # a p at its floor
    [said] = _floor_sentences(findings)
    assert (f"with {draws} random reassignments no adjusted p could fall below {floor:.3f}, {tests} tests times "
            f"the smallest p there can be, 1 / {draws + 1}") in said, said
    assert f"run again with the option --resamples 999 to lower it to {tests / 1000:.3f}" in said, said


def test_the_resamples_floor_is_not_said_where_more_draws_change_nothing(by_size):
    findings = by_size[LARGE]
    family = findings.review_indicator_effects
    # every p far above what any number of draws could bring below 0.05 / 15: more resamples change no finding
    far = family.assign(ri_p_value=family["ri_p_value"].where(family["ri_p_value"].isna(), 0.3))
    assert not _floor_sentences(dataclasses.replace(findings, review_indicator_effects=far))
