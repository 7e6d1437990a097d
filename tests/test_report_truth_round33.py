"""Report truth, round 33: a library's raw warning in the report's statistical caveats ("Overflow encountered in exp",
seed 32307, 9 councils), said in a reader's words with the table and impact it concerns, its own words kept in
provenance.json; and the limitation naming one wave where two tie as best placed (seed 32301, 6 councils). Each test
plants what it checks on the tiny study."""

from __future__ import annotations

import warnings


def _planted_fits(monkeypatch, planted: list[tuple[type, str]]):
    """Every model fitted as usual, the survey's mixed model also issuing each library warning of ``planted``
    ``(class, message)`` as numpy or statsmodels would."""
    import impact.stats

    real = impact.stats.longitudinal_model

    def fit(data, *args, **kwargs):
        if "score" in data.columns:
            for category, message in planted:
                warnings.warn(message, category, stacklevel=2)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(impact.stats, "longitudinal_model", fit)


class _NewLibraryWarning(Warning):
    """A warning class no rule knows."""


def test_library_warnings_in_the_report_are_said_in_words(monkeypatch):
    """Planted in the survey model's fit: numpy's overflow, statsmodels' convergence warning and a warning no rule
    knows. The report prints none of the libraries' words; each caveat names the survey model and says what happened
    (no convergence; an unexplained warning whose words are in provenance.json); provenance.json keeps every
    library's own words, and the report does not show them."""
    from conftest import make_tiny_study, page_text
    from statsmodels.tools.sm_exceptions import ConvergenceWarning

    import impact

    raw = [(RuntimeWarning, "overflow encountered in exp"),
           (ConvergenceWarning, "Maximum Likelihood optimization failed to converge. Check mle_retvals"),
           (_NewLibraryWarning, "zq strange thing happened in xq")]
    _planted_fits(monkeypatch, raw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = impact.analyse(make_tiny_study(), n_resamples=99, seed=1)
    prov = findings.provenance
    caveats = prov["statistical_warnings"]
    text = page_text(findings)
    for _, message in raw:
        assert message.split(".")[0].lower() not in " ".join(caveats).lower()
        assert message.split(".")[0].lower() not in text.lower()
        assert any(message in s for s in prov.get("statistical_warning_sources", ())), message
    for words in ("did not converge", "provenance.json", "went beyond the range"):
        said = [c for c in caveats if words in c]
        assert len(said) == 1 and "survey model" in said[0], (words, caveats)
        assert said[0].split(": ", 1)[1].rstrip(".")[:60] in text


def test_a_warning_of_some_impacts_fits_names_them():
    """Warnings caught in each impact's fit: a library's is said in words for the impacts that raised it, or for
    every impact where all did; the package's own naming no impact names the impacts that gave it, or every impact
    where all did."""
    from impact._warning_words import reissue_per_item
    from impact.errors import StatisticalWarning

    def fits(which: dict[str, list[tuple[type, str]]]):
        with warnings.catch_warnings(record=True) as out:
            warnings.simplefilter("always")
            caught = {}
            for code, planted in which.items():
                with warnings.catch_warnings(record=True) as caught[code]:
                    warnings.simplefilter("always")
                    for category, message in planted:
                        warnings.warn(message, category, stacklevel=2)
            reissue_per_item(caught, lambda cs: "every model" if cs is None else "the models of " + " and ".join(cs))
        return [str(w.message) for w in out]

    over = (RuntimeWarning, "overflow encountered in exp")
    own = (StatisticalWarning, "The model gave no finite estimates: the fit did not converge.")
    said = fits({"a": [over, own], "b": [], "c": [over]})
    assert len(said) == 2
    assert any(s.startswith("The models of a and c: fitted probabilities ran to 0 or 1") for s in said), said
    assert "The model gave no finite estimates: the fit did not converge, in the models of a." in said
    said = fits({"a": [over, own], "b": [over, own]})
    # every impact's fit gave the package's own: said of every model, not as it came, which named none (truth43)
    assert said[0].startswith("Every model: fitted probabilities"), said
    assert said[1] == "The model gave no finite estimates: the fit did not converge, in every model.", said
