"""Disclosure round 64: the change by status (Table 15) declared to the ledger's audit, not withheld on sight.

The change by status is a logistic model saturated in wave and status (a term per wave and status group), so its
fitted share of each cell is (under working independence exactly, under the exchangeable GEE and Firth's penalty
nearly) the cell's own ``y/n``, and each status group's published odds ratio at a later wave w ties two cells:

    y_w (n_1 - y_1) = r y_1 (n_w - y_w),  i.e.  y_w = n_w r o / (1 + r o),  o = y_1 / (n_1 - y_1).

Given the published participants ``n`` and one of the two cells, the other is a number (up to how far the fit departs
from the curve). The report used to withhold an impact's figures wherever a cell was hidden; now the intruder's curve
is tried against the ledger (:func:`impact.report._build._by_status_proved_safe`): every whole value of a group's
first cell the ledger leaves open, the later cells within the fit's band of the curve, each guess the published
counts' system holds (:meth:`impact.privacy.DisclosureLedger.ranges_given`); published only where every hidden count
still spans the threshold.
"""

from __future__ import annotations

import math
import types

import pandas as pd
import pytest
from conftest import once_per_worker, run_cached
from test_disclosure_round53 import _prepared

from impact.privacy._ledger import DisclosureLedger

pytestmark = pytest.mark.xdist_group("disclosure39")

WAVES = ["expectations", "early"]


def _ctx(cells: dict, margin: int | None = None, threshold: int = 5, hide=()):
    """A report's context of one impact ("x") at two waves: ``cells`` ``{(wave, group): (y, n)}`` declared as the
    prevalence table and the sample declare them (each y at most its n), and, with ``margin``, the in-intervention
    model margin (the sum of that group's cells) published; the cells ``hide`` names hidden whatever their size. The
    participant panel holds the same participants."""
    led = DisclosureLedger(threshold)
    rows = []
    for (w, g), (y, n) in cells.items():
        led.count(("participants_group", w, g), n)
        led.count(("with", "reported", "x", w, g), y, hide=(w, g) in hide)
        led.at_most(("with", "reported", "x", w, g), ("participants_group", w, g))
        rows += [{"code": "x", "wave": w, "status_group": g, "reported": i < y} for i in range(n)]
    if margin is not None:
        parts = [("with", "reported", "x", w, "intervention") for w in WAVES]
        led.count(("model_margin", "reported", "x", "intervention"), margin, public=True)
        led.relation(("model_margin", "reported", "x", "intervention"), parts)
    led.protect()
    f = types.SimpleNamespace(participant_panel=pd.DataFrame(rows))
    return types.SimpleNamespace(ledger=led, f=f, waves=WAVES)


def _rows(cells: dict) -> pd.DataFrame:
    """The change by status's rows of "x" as a GEE on those cells gives them at working independence: each group's log
    odds ratio of the later wave against the first, computed from the cells (independently of the package)."""
    def logit(y, n):
        return math.log(y / (n - y))

    out = [{"code": "x", "measure": "reported", "wave": "", "term": "differs", "grouping": "at_wave",
            "estimator": "gee", "estimate": float("nan")}]
    for g, term in (("no_intervention", "change_not_in_intervention"), ("intervention", "change_in_intervention")):
        est = logit(*cells[("early", g)]) - logit(*cells[("expectations", g)])
        out.append({"code": "x", "measure": "reported", "wave": "early", "term": term, "grouping": "at_wave",
                    "estimator": "gee", "estimate": est})
    return pd.DataFrame(out)


#: In intervention: 3 of 10 reporting at each wave (hidden, below 5), odds ratio 1; not in intervention published.
EVEN = {("expectations", "intervention"): (3, 10), ("early", "intervention"): (3, 10),
        ("expectations", "no_intervention"): (20, 40), ("early", "no_intervention"): (22, 40)}


def test_odds_ratio_beside_a_published_margin_gives_the_hidden_cells_back():
    """Planted: the in-intervention cells (3 and 3 of 10) hidden, the model's in-intervention margin (6) published.
    The attack by hand: odds ratio 1 with equal n makes the cells equal, the margin their sum, so each is 6 / 2 = 3;
    the margin alone leaves each anywhere in 0-6 (the ledger's own audit passes it). The ledger must catch it."""
    import impact.report._build as build

    ctx = _ctx(EVEN, margin=6)
    rows = _rows(EVEN)
    first, later = (("with", "reported", "x", w, "intervention") for w in WAVES)
    assert ctx.ledger.hidden(first) and ctx.ledger.hidden(later)
    assert ctx.ledger.interval(first) == (0.0, 6.0)  # the margin alone: safe
    r = math.exp(rows.loc[rows["term"] == "change_in_intervention", "estimate"].iloc[0])
    # the intruder: y_w = n_w r o / (1 + r o), o = y_1 / (n_1 - y_1), and y_1 + y_w = 6: solve over y_1
    solutions = [v for v in range(0, 10) if abs(v + 10 * r * v / (10 - v) / (1 + r * v / (10 - v)) - 6) < 1e-9]
    assert solutions == [3]  # the hidden 3 recovered
    assert not build._by_status_cells_shown(ctx, "x", rows)
    # without the margin nothing ties the pair to a number: published (withheld before the ledger decided)
    assert build._by_status_cells_shown(_ctx(EVEN), "x", rows)


def test_odds_ratio_the_ledger_proves_safe_is_published():
    """The same cells without the margin: the odds ratio ties them (equal), but nothing published bounds them beyond
    their 10 participants, so each hidden count spans 1-9 whatever the intruder guesses: Table 15's figures are
    published (main withheld them: a cell it rests on is hidden)."""
    import impact.report._build as build

    ctx = _ctx(EVEN)
    assert ctx.ledger.hidden(("with", "reported", "x", "early", "intervention"))
    assert build._by_status_cells_shown(ctx, "x", _rows(EVEN))


def test_published_later_cell_gives_a_hidden_first_one_back():
    """A hidden first-wave cell (3 of 24) beside a published later one (12 of 24): the odds ratio
    ((12/12) / (3/21) = 7) gives it back by hand, as 24 o / (1 + o) with o = 1 / 7 is 3: withheld."""
    import impact.report._build as build

    cells = {("expectations", "intervention"): (3, 24), ("early", "intervention"): (12, 24),
             ("expectations", "no_intervention"): (20, 40), ("early", "no_intervention"): (22, 40)}
    ctx = _ctx(cells)
    led = ctx.ledger
    assert led.hidden(("with", "reported", "x", "expectations", "intervention"))
    assert not led.hidden(("with", "reported", "x", "early", "intervention"))
    rows = _rows(cells)
    r = math.exp(rows.loc[rows["term"] == "change_in_intervention", "estimate"].iloc[0])
    o = (12 / 12) / r
    assert round(24 * o / (1 + o), 6) == 3
    assert not build._by_status_cells_shown(ctx, "x", rows)
    # the later cell hidden too (and nothing else tying them): the curve leaves every pair from 1 of 24 to 23 of 24
    hidden = _ctx(cells, hide={("early", "intervention")})
    assert hidden.ledger.hidden(("with", "reported", "x", "early", "intervention"))
    assert build._by_status_cells_shown(hidden, "x", rows)


def test_ranges_given_rules_out_a_guess_the_published_counts_cannot_hold():
    """:meth:`DisclosureLedger.ranges_given`: with 30 = a + b + c, c = 20 published, a guess a = 4 leaves b = 6, and
    a = 12 is impossible."""
    led = DisclosureLedger(5)
    led.count("all", 30)
    led.count("a", 3)
    led.count("b", 7)
    led.count("c", 20)
    led.relation("all", ["a", "b", "c"])
    led.protect()
    assert led.hidden("a") and led.hidden("b") and not led.hidden("c")
    assert led.ranges_given({"a": 4}) == {"a": (4.0, 4.0), "b": (6.0, 6.0)}
    assert led.ranges_given({"a": 12}) is None
    assert led.ranges_given({"a": 4}, ranges=False) == {}


def test_generated_study_hidden_first_wave_count_is_caught():
    """30 councils (seed 5131), learning: the first wave's cell not in intervention is hidden (secondary), early
    impact's published. From the published early count, both groups' participants and the published odds ratio the
    intruder puts the hidden count within 1 of the inverse curve (the exchangeable GEE departs from the cells' odds
    ratio a little), an interval of 2 where the threshold is 5; the ledger withholds the impact's figures (c)."""
    import impact.report._build as build

    findings, ctx = once_per_worker(("round53-prepared", 30, 5131), lambda: run_cached(_prepared, 30, 5131))
    led, g = ctx.ledger, "no_intervention"
    y1, yw = ("with", "reported", "learning", "expectations", g), ("with", "reported", "learning", "early", g)
    n1, nw = (led.values[("participants_group", w, g)] for w in ("expectations", "early"))
    assert led.hidden(y1) and not led.hidden(yw)
    bs = findings.change_by_status
    est = bs[(bs["code"] == "learning") & (bs["wave"] == "early") & (bs["term"] == "change_not_in_intervention")]
    r = math.exp(float(est["estimate"].iloc[0]))
    o = led.values[yw] / (nw - led.values[yw]) / r
    assert abs(n1 * o / (1 + o) - led.values[y1]) < 1  # the attack works where the odds ratio is published
    rows = build._by_status_rows(ctx)
    assert not rows.loc[rows["code"] == "learning", "_shown"].any()
    assert not build._by_status_proved_safe(ctx, "learning", bs[bs["code"] == "learning"], "reported", ctx.waves)


def test_weighted_figures_stay_suppressed_where_the_unweighted_are_proved_safe():
    """The weighted fit's estimating equations are in the counts of each cell's participants by their report at the
    first wave (docs/methods.md, "What the weighted fit discloses"), published nowhere and not declared: beside a
    hidden cell its figures stay c even where the ledger proves the unweighted odds ratios safe (on main both were c),
    and with every cell published both are shown."""
    import impact.report._build as build

    def rows_of(ctx):
        ctx.codes, ctx.models_withheld = ["x"], []
        ctx.f.change_by_status = _rows(EVEN).assign(w_estimate=0.1)
        return build._by_status_rows(ctx).drop_duplicates("code").set_index("code")

    proved = rows_of(_ctx(EVEN))
    assert bool(proved.loc["x", "_shown"]) and not bool(proved.loc["x", "_weighted_shown"])
    published = rows_of(_ctx(EVEN, threshold=2))  # every count at least 2: none hidden
    assert bool(published.loc["x", "_shown"]) and bool(published.loc["x", "_weighted_shown"])
