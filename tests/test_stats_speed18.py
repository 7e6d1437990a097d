"""Work an analysis no longer does twice (speed18): Firth's tests of terms nobody reads, and the mixed model's design
built again by patsy after the identification check built it. The results must be those of the full computation, to
the last bit."""

import warnings

import numpy as np
import pandas as pd
import patsy
import pytest

from impact.stats import _models, firth_logistic, longitudinal_model


@pytest.fixture(scope="module")
def clustered():
    """12 councils x 3 waves x 3 participants: a 0/1 outcome on a count and the wave, a score with a council level,
    a council-by-wave shock and a participant level (participants answer at every wave)."""
    rng = np.random.default_rng(18001)
    rows = [(f"c{c:02d}", w, f"c{c:02d}p{p}") for c in range(12) for w in ("w0", "w1", "w2") for p in range(3)]
    d = pd.DataFrame(rows, columns=["council", "wave", "person"])
    d["wave"] = pd.Categorical(d["wave"], categories=["w0", "w1", "w2"])
    d["count"] = rng.integers(0, 5, len(d)).astype(float)
    d["helped"] = (rng.random(len(d)) < 1 / (1 + np.exp(-(0.5 * d["count"] - 1)))).astype(int)
    council = d["council"].map(dict(zip(sorted(d["council"].unique()), rng.normal(0, 0.5, 12))))
    cell = d.groupby(["council", "wave"], observed=True).ngroup().map(dict(enumerate(rng.normal(0, 0.3, 36))))
    person = d["person"].map(dict(zip(sorted(d["person"].unique()), rng.normal(0, 0.4, 36))))
    d["score"] = 3 + 0.2 * d["wave"].cat.codes + council + cell + person + rng.normal(0, 0.5, len(d))
    return d


FORMULA = "helped ~ count + C(wave)"


@pytest.fixture(scope="module")
def full(clustered):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return firth_logistic(clustered, formula=FORMULA, unit="council").params


@pytest.mark.parametrize("tests", [["count"], lambda term: term.startswith("C(wave)")],
                         ids=["names", "predicate"])
def test_firth_tests_only_the_terms_asked_and_those_to_the_last_bit(clustered, full, tests):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        part = firth_logistic(clustered, formula=FORMULA, unit="council", tests=tests).params
    asked = np.array([tests(t) if callable(tests) else t in tests for t in full.index])
    assert 0 < asked.sum() < len(asked)
    tested = ["statistic", "p_value", "lr_chi2"]
    # the tests asked for: the same constrained maximisation from the same start, so the same bits
    pd.testing.assert_frame_equal(part.loc[asked, tested], full.loc[asked, tested], check_exact=True)
    # the others are not computed (NaN), not zero or the model's
    assert part.loc[~asked, tested].isna().all(axis=None)
    assert full.loc[~asked, tested].notna().all(axis=None)
    # estimates, standard errors and intervals do not depend on the tests
    same = ["estimate", "se", "df", "ci_low", "ci_high", "design_effect"]
    pd.testing.assert_frame_equal(part[same], full[same], check_exact=True)


def test_firth_tests_naming_no_term_is_refused(clustered):
    with pytest.raises(ValueError, match=r"`tests` names \['counts'\], which is not a term"):
        firth_logistic(clustered, formula=FORMULA, unit="council", tests=["counts"])


def test_a_mixed_model_builds_its_design_once_and_fits_as_when_built_again(clustered, monkeypatch):
    calls = []
    for name in ("dmatrix", "dmatrices"):
        real = getattr(patsy, name)
        monkeypatch.setattr(_models.patsy, name, lambda *a, _real=real, _name=name, **k: calls.append(_name)
                            or _real(*a, **k))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(clustered, formula="score ~ C(wave)", unit="council", time="wave", subject="person",
                                 method="mixed")
    # the unit-by-time component and the participants nested in councils were both fitted (the path that built the
    # design three times: the identification check, the unit-by-time check and the nested model)
    assert any("random intercept per council and wave" in n for n in res.notes)
    assert len(res.fit_result.model.exog_vc.names) == 2
    assert calls == ["dmatrices"]  # the identification check's (impact.stats._checks._design_matrices)
    # the same fit as with the design built again by patsy from the rows fitted
    monkeypatch.undo()
    spec = _models._Spec(formula="score ~ C(wave)", unit="council", time="wave", family="gaussian", method="mixed",
                         cov_struct="exchangeable", random_slope=False, small_sample=True, alpha=0.05,
                         subject="person", unit_by_time=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame, _, _ = _models._complete_rows(clustered, spec)
        again = _models._fit_mixed(frame, spec, frame["council"].nunique())
    # Equal to the bit with today's releases; at the oldest versions setup.cfg allows (make test-min) the standard
    # errors differ in the last bit or two (4e-15 relative: the floor's linear algebra sums in another order), so the
    # fits are compared to 1e-12, far below any digit the report prints.
    pd.testing.assert_frame_equal(res.params, again.params, check_exact=False, rtol=1e-12, atol=0)
    pd.testing.assert_frame_equal(res.variance_components, again.variance_components, check_exact=False, rtol=1e-12,
                                  atol=0)
    assert res.notes == again.notes


def test_a_rendering_makes_each_table_s_display_text_once(tmp_path, monkeypatch):
    from impact.report import Paragraph, Report, Section, Table, _format, render

    tables = [Table("effects", pd.DataFrame({"code": ["a", "b"], "estimate": [0.25, -1.5], "p_value": [0.0002, 0.5]}),
                    "Effects", columns_format={"estimate": "num:2", "p_value": "p"}),
              Table("counts", pd.DataFrame({"wave": ["w1", "w2"], "n": [3, 4]}), "Counts")]
    report = Report("Impact", "", {"study": "speed18"}, [Section("Summary", [Paragraph("Text"), *tables])])
    made = []
    real = _format.display_frame
    monkeypatch.setattr(_format, "display_frame", lambda data, *a, **k: made.append(list(data.columns))
                        or real(data, *a, **k))
    out = render(report, tmp_path)
    # once per table for the HTML, the Word report and the workbook together (each made its own before)
    assert [made.count(list(t.shown.columns)) for t in tables] == [1, 1]
    # and each shows the same text as the table's display frame
    shown = real(tables[0].shown, tables[0].columns_format)
    html = out["report.html"].read_text(encoding="utf-8")
    assert all(cell in html for cell in shown["estimate"]) and "0.25" in html
