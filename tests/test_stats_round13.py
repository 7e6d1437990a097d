"""Statistics round 13: the command line's resample limit, councils_needed's saw-tooth, the resamples a table states,
Firth fits under inverse-probability weights, the staggered DiD's lone-cohort standard error."""

from __future__ import annotations


def test_cli_resamples_limit_is_the_librarys(monkeypatch, capsys):
    # the parser reads the library's limit (impact._limits.RESAMPLES_MAX, as compare_groups' n_resamples) rather
    # than a literal of its own: lowered there, the option's bound and message follow
    import impact._limits
    from impact.cli import main

    monkeypatch.setattr(impact._limits, "RESAMPLES_MAX", 5_000)
    assert main(["run", "no-such-study", "--out", "out", "--resamples", "5001"]) == 2
    assert "expected a whole number from 99 to 5,000" in capsys.readouterr().err
