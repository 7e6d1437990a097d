"""Assemble the programme report from :class:`impact.pipeline.Findings`.

Everything shown is computed from the findings: this module selects,
relabels, protects and lays out, and every sentence of text that states a
finding is built from the numbers it states (a sentence whose numbers are
absent is left out, never filled in).  Publication rules applied here:

* councils and participants appear under keyed pseudonyms unless
  ``identify=True``;
* every count the bundle publishes is declared once in a
  :class:`impact.privacy.DisclosureLedger` with the margins that tie counts
  together across tables; counts below ``min_count`` and whatever would let
  them be recovered (zeros beside them, other cells of their margins) are
  suppressed for the bundle as a whole, and tables, figures and derived
  statistics are drawn from what the ledger publishes;
* quotes are reported statements (asserted, not negated, not hedged; no cue
  of negation or hedging anywhere in the sentence), redacted, labelled with
  what the speaker credits the change to, attributed only as finely as
  ``quote_k`` councils share, and never shown twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import math
import re
import warnings
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from matplotlib.figure import Figure as _MplFigure

from .. import vocab
from .._tabular import csv_text, safe_frame
from .._words import (
    _counted,
    _listed_clauses,
    _listed_lists,
    _one_status_why,
    _outside_brackets,
    _verb,
)
from ..effects import WEIGHTED_NOT_FIRTH, _models_of, holm_family
from ..errors import recorded_warnings
from ..measures import MEASURES, OTHER_FACTORS
from ..privacy import (
    SUPPRESSED,
    DisclosureWarning,
    assess_quotes,
    coarsen_attribution,
    pseudonym_map,
    redact,
    redact_series,
)
from ..privacy._ledger import DisclosureLedger
from ..process import _of_suggestions, factor_statements
from ..stats._multiplicity import _holm
from . import (
    CI,
    Bullets,
    Callout,
    Figure,
    Paragraph,
    Quote,
    Report,
    Section,
    Table,
    forest_plot,
    prevalence_heatmap,
)
from ._caveats import (
    CHECKED_KAPPA,
    _against,
    _count_words,
    _listed,
    _note,
    _say,
    _unmeasured,
    _validity,
    _weak,
    _why_weak,
    kappas_by_status,
    unconfirmed_by_status,
    unconfirmed_over_waves,
)
from ._caveats import WEAK_F1 as _WEAK_F1
from ._format import MISSING, aside, aside_list, format_ci, format_ratio, said_once, signed_text
from ._labels import Label, _lower_first
from ._model import _Later
from .figures import _WRAP, _fit_labels, _value_label, _wrap, group_colours

__all__ = ["assemble", "STATUS_LABELS"]

#: Status groups in the order every table and figure shows them, with their labels.
STATUS_LABELS = {"no_intervention": "Not in intervention", "intervention": "In intervention"}
#: The status groups of the indicator trends, which group councils by their status at any wave of the study.
_EVER_STATUS = {"no_intervention": "intervention_at_no_wave", "intervention": "intervention_at_some_wave"}
#: Their heading: "Intervention status" over them named the status at each wave elsewhere (label_homonyms, round 39).
_EVER_HEADING = "Intervention status at any wave"
_LEVELS = ("none", "notice", "direction")
_REALISATION_LABELS = {"realised": "Realised", "unmet_expectation": "Unmet expectation",
                       "unanticipated": "Unanticipated", "not_mentioned": "Not mentioned",
                       "under_way_reported": "Under way before the review, reported after",
                       "under_way_not_reported": "Under way before the review, not reported after",
                       "incomplete": "Incomplete"}
_PERSISTENCE_LABELS = {"sustained": "Sustained", "faded": "Faded", "emerging": "Emerging", "absent": "Absent",
                       "incomplete": "Incomplete"}
_FACTOR_LABELS = {"ofsted": "Ofsted", "leadership": "new leadership", "restructure": "a restructure",
                  "funding": "funding", "other_programme": "another programme"}
_QUOTES_PER_CODE = 3
#: The counts of statements whose shares are stated at each wave after the review: reported, credited elsewhere, left
#: open (the summary's credit sentence, the attribution section).
_BY_WAVE_CREDITS = ("reported", "other", "unclear")
_DETAIL_ROWS = 40  # a table behind a figure longer than this is folded into the workbook (Table.detail)
_MAX_INDICATOR_PANELS = 12  # indicators drawn; the rest are in the table and CSV
_QUOTE_CHARS = (50, 360)


def _subplots(figsize: tuple[float, float]):
    """A figure and axes outside pyplot: no global state, no backend switch, nothing left open."""
    fig = _MplFigure(figsize=figsize)
    return fig, fig.subplots()


def _pct(x: float) -> str:
    return f"{x:.0%}"


def _level(alpha: float) -> str:
    """The confidence level of intervals at ``alpha``, as people read it: 0.05 -> '95%', 0.1 -> '90%', 0.001 -> '99.9%'."""
    return f"{round(100 * (1 - float(alpha)), 6):g}%"


def _adjusted_across(ctx, what: str) -> str:
    """'p adjusted across {what} (Holm)', naming the adjustment the comparisons and changes were run with
    (``analyse(adjust=...)``), or saying there was none."""
    from ._labels import _VALUES

    method = ctx.f.parameters.get("adjust", "holm")
    if method is None or str(method).lower() == "none":
        return f"p not adjusted for multiple comparisons across {what}"
    return f"p adjusted across {what} ({_VALUES['method'].get(str(method), str(method))})"


def _kappa(x: float) -> str:
    """A kappa of the hand check, to as many decimals as keep it on its side of ``CHECKED_KAPPA`` (0.696 is not
    '0.70' where the report says it is below 0.70)."""
    return _against(x, CHECKED_KAPPA)


class _Ctx:
    def __init__(self, findings, identify, min_count, quote_k, key, council_matrix=False):
        self.f = findings
        self.study = findings.study
        self.identify = identify
        self.council_matrix = council_matrix
        self.min_count = min_count
        self.quote_k = quote_k
        self.key = key
        codes = findings.codebook.codes
        self.codes = list(findings.codebook.top_codes())
        self.code_labels = {c: self.redacted(label) for c, label in zip(codes["code_id"], codes["label"], strict=True)}
        self.waves = list(self.study.wave_ids)
        # the later waves the findings can speak of: those at which an interview was held (all of them where none
        # was: that case is said on its own). A wave with none has no model term and no change to state: the summary
        # said the models showed 'no significant change between expectations before the review and early impact or
        # longer-term change' of a study with no interview at longer-term change (truth71)
        held = self.study.wave_ids_held
        self.later = [w for w in self.waves[1:] if w in held] if held else self.waves[1:]
        self.wave_labels = {w: self.redacted(label)
                            for w, label in zip(self.study.waves["wave"], self.study.waves["label"], strict=True)}
        self.title = self.redacted(self.study.name)
        councils = self.study.councils
        if identify:
            self.council_name = dict(zip(councils["council_id"], councils["name"], strict=True))
        else:
            self.council_name = pseudonym_map(councils["council_id"], kind="council", key=key)
        self.ledger = DisclosureLedger(threshold=min_count)
        self.response: pd.DataFrame | None = None  # every listed participant at every wave (_declare_missing_by_status)
        self.suppressions: list[dict] = []  # what was withheld outside the tables' cells (quotes), for the ledger
        # why a table's row is suppressed where it is not for a count (a contrast of few councils), by table and row
        self.row_reasons: dict[str, dict[int, tuple[str, str]]] = {}
        # the impacts whose longitudinal model is withheld whole: no suppression could protect the counts its
        # margins tie (:func:`_prepared`); the margins of the others, declared to the ledger (:func:`_model_margins`)
        self.models_withheld: list[str] = []
        #: the summary's tests of a difference by intervention status adjusted as one family (truth68,
        #: :func:`_status_claims_together`): how many of each kind, ``{}`` where they were not
        self.status_family: dict[str, int] = {}
        #: how many of each kind the report withholds, counted in the family as p = 1 (truth69)
        self.status_family_withheld: dict[str, int] = {}
        self.model_margins: dict[str, list[tuple[tuple, list[tuple]]]] = {}
        # the attribution table's counts of statements withheld: they would narrow a hidden count of participants
        # (:func:`_withhold_statements`)
        self.statements_withheld: list[tuple] = []
        # change_over_time's medians withheld, as (code, wave, status group): with the row's councils they bound a
        # hidden count of the prevalence table (:func:`_withhold_medians`)
        self.medians_withheld: set[tuple] = set()
        self.ranks_withheld: set[tuple] = set()  # (code, group): change_over_time's rank statistic and p withheld
        # (code, group): change_over_time's tests published beside their hidden councils (:func:`_tests_beside_hidden`)
        self.tests_beside_hidden: set[tuple] = set()
        self.tests_withheld_beside: set[tuple] = set()  # (code, group): such a test withheld, as it would narrow a count
        # whether provenance.json's count of the study's transcript files is withheld: with the interviews published
        # at the waves it would narrow a hidden count (:func:`_withhold_transcript_files`)
        self.transcript_files_withheld = False
        self.findings_models = findings.models  # every model's rows, those withheld among them
        self.alpha = findings.parameters.get("alpha", 0.05)
        self.level = _level(self.alpha)  # every interval's confidence level, as people read it
        # what the codes are, as sentences name them: 'impact' for the codebooks of impact, 'theme' for the review
        # themes (a report on that codebook called its themes 'impacts', audit10)
        self.one, self.many = getattr(findings.codebook, "noun", ("impact", "impacts"))
        # what participants did with a code: an impact is reported as having happened; a theme (a topic) is raised
        self.said = "reported" if self.one == "impact" else "raised"

    @functools.cached_property
    def vocabulary(self):
        """The report's labels for people (:func:`_vocabulary`), built once: the report and five of its sections read
        them, and building them took 11 ms each time."""
        return _vocabulary(self)

    def codes_as(self, text: str) -> str:
        """``text``, written of the codes as impacts, with the codebook's noun for them ('each impact' -> 'each
        theme', 'an impact' -> 'a theme'). Only for the package's own sentences in which 'impact' names a code,
        never one holding a label or a command ('impact review export')."""
        if (self.one, self.many) == ("impact", "impacts"):
            return text

        def swap(m: re.Match) -> str:
            word = self.many if m.group(3) else self.one
            if m.group(2)[0] == "I":
                word = word[0].upper() + word[1:]
            if m.group(1):  # the article follows the noun's sound: 'an impact', 'a theme'
                article = "an" if word[0].lower() in "aeiou" else "a"
                return (article.capitalize() if m.group(1)[0] == "A" else article) + " " + word
            return word

        return re.sub(r"\b([Aa]n )?([Ii]mpact)(s)?\b", swap, text)

    def redacted(self, text: object) -> str:
        """A name or label the study's author wrote (the study's name, a wave's or code's label), redacted.

        These are published as written, and a researcher's label can name a
        participant, a child or a council ("Interviews with Jane Smith"); they
        are redacted as quotes are, council names kept only with ``identify``.
        """
        names = self.study.participants["name"].dropna().tolist()
        places = () if self.identify else self.study.councils["name"].tolist()
        return redact(str(text), names=names, places=places, councils=() if self.identify else None)[0]

    def redacted_id(self, value: object) -> str:
        """An id the user wrote (a code of a second coding), redacted as a label with "_" read as a space
        ("jane_smith" -> "[name]"), then as written ("chantelle_14_notes": a name no list knows, found by the shape
        of words joined by "_"); as it is if nothing in it is redacted."""
        written = str(value)
        for form in (written.replace("_", " "), written):
            red = self.redacted(form)
            if red != form:
                return red
        return written

    @functools.cached_property
    def response_test(self) -> dict | None:
        """Whether participants in intervention were interviewed as often as the others (:func:`_response_by_status`),
        fitted once per report: the sample section, the models section and the summary's caveat read it."""
        return _response_by_status(self)

    @functools.cached_property
    def weighted_waves(self) -> pd.DataFrame:
        """The models' wave terms beside the weighted fits' (:func:`_weighted_waves`), set side by side once per
        report: the models section and the summary's caveat read them."""
        return _weighted_waves(self)

    @functools.cached_property
    def realised_counts(self) -> tuple[int, int, int, int] | None:
        """:func:`_count_realised`, counted once per report: the ledger's declarations, the summary, the descriptive
        section and the trajectories read it (four merges of the participant panel each time, speed21)."""
        return _count_realised(self)

    @functools.cached_property
    def sustained_counts(self) -> tuple[int, int, int] | None:
        """:func:`_count_sustained`, counted once per report (the ledger, the summary and the descriptive section read
        it; speed21)."""
        return _count_sustained(self)

    @functools.cached_property
    def coder_validity(self):
        """The machine coder's stored accuracy on real text, read once per report (see :func:`_coder_validity`)."""
        return _coder_validity(self)

    def code(self, c):
        return self.code_labels.get(c, c)

    def within(self, name: str, ours: bool = True) -> pd.DataFrame | None:
        """The hand check's agreement within each status group or wave (``name``: ``"reliability_by_status"`` or
        ``"reliability_by_wave"``) of the codebook analysed (``ours``), or of the other codebooks it holds codes of
        (each compared with its own codebook's coding, :func:`impact.pipeline._books_within`); findings made before
        the ``codebook`` column hold the impacts alone."""
        r = getattr(self.f, name)
        if r is None or "codebook" not in r.columns:
            return r if ours else None
        keep = (r["codebook"] == self.f.codebook.id) == ours
        return r[keep].drop(columns="codebook") if ours else r[keep]

    def wave(self, w):
        return self.wave_labels.get(w, w)

    def short_wave(self, w):
        """The wave's label before any bracket ("Early impact (about 3 months after)" -> "Early impact")."""
        return str(self.wave(w)).split(" (")[0]

    def axis_wave(self, w):
        """The wave's name on a figure's axis: its short label, cut at a word to two lines, one per wave.

        A study's labels are free text: a long one squeezed the plots to a sliver
        (a 500-character label made the status figure 6,386 pixels wide), and two
        waves with the same short label ("Follow-up (3 months)", "Follow-up
        (12 months)") would share one column of the heatmap.
        """
        return self._axis_waves.get(w, _axis_text(w))

    @functools.cached_property
    def _axis_waves(self) -> dict:
        out = {w: _axis_text(self.short_wave(w)) for w in self.waves}
        for labels in ({w: _axis_text(self.wave(w)) for w in self.waves},
                       {w: f"{_axis_text(self.short_wave(w))} ({k})" for k, w in enumerate(self.waves, 1)}):
            if len(set(out.values())) == len(out):
                break
            shared = {v for v in out.values() if list(out.values()).count(v) > 1}
            out = {w: labels[w] if v in shared else v for w, v in out.items()}
        return out

    def cell(self, key):
        """The published count of ``key`` or ``c``."""
        v = self.ledger.value(key)
        return SUPPRESSED if v is None else int(round(v))

    def shown(self, *keys) -> bool:
        """Whether every count in ``keys`` is published."""
        return all(not self.ledger.hidden(k) for k in keys)

    def withheld(self, section: str, what: str, n: int, reason: str, why: str, output: str = "") -> None:
        """Record for the suppression ledger that ``n`` ``what`` (quotes, statements) of the section headed
        ``section`` were withheld, for the reason coded ``reason`` (a short identifier, see
        :func:`_suppression_ledger`) and said in full by ``why``; ``output``: the file they were withheld from where
        it is not the report's text alone (``provenance``)."""
        if n:
            self.suppressions.append({"output": output, "table": section, "row": what, "column": "",
                                      "withheld": int(n), "reason": reason, "_why": why})

    def suppressed_rows(self, table: str, rows, reason: str, why: str) -> None:
        """Record for the suppression ledger why the rows of ``table`` marked in ``rows`` (a boolean sequence in the
        table's order) are suppressed, where it is not for a count (a contrast resting on few councils): the reason
        coded ``reason`` (see :func:`_suppression_ledger`), said in full by ``why``."""
        for i in np.flatnonzero(np.asarray(rows, dtype=bool)):
            said = self.row_reasons.setdefault(table, {}).setdefault(int(i), [])
            if (reason, why) not in said:  # a row withheld for two reasons gives both (disclosure round 71)
                said.append((reason, why))

    def value_if(self, value, *keys):
        """``value`` if every count it is computed from is published, else ``c``."""
        return value if self.shown(*keys) else SUPPRESSED


# --------------------------------------------------------------------------- the ledger
def _declare(ctx) -> None:
    """Declare every count the bundle publishes, with the margins that tie them together."""
    led, f, study = ctx.ledger, ctx.f, ctx.study
    councils = study.councils
    # Counts of people, and of councils by status or type, are protected; the councils in the study and those
    # interviewed at each wave are design facts that identify no council and no person (``public``).
    led.count(("councils",), len(councils), public=True)
    types = councils["council_type"].fillna("unknown").value_counts()
    for t, n in types.items():
        led.count(("councils_type", t), n)
    led.relation(("councils",), [("councils_type", t) for t in types.index])
    ws = study.wave_status()
    # The levels of intervention the table of councils by status has rows for: those some council of the study had at
    # some wave. A level none had at any wave (no council under a direction) has no row: its zeros are not counts
    # beside the others, and hidden as zeros beside a hidden count they gave a 5-council study a row 'Statutory
    # direction: c' that no council had (disclosure round 41). The ledger audits the others with that level absent,
    # which is what its zeros would tell; a level some council had at some wave keeps its zero at the other waves.
    had = set(ws[ws["wave"].isin(ctx.waves)]["intervention"].fillna("unknown"))
    for w in ctx.waves:
        at = ws[ws["wave"] == w]["intervention"].fillna("unknown")
        levels = [lv for lv in (*_LEVELS, *sorted(had - set(_LEVELS))) if lv in had]
        for lv in levels:
            led.count(("councils_level", w, lv), int((at == lv).sum()))
        led.relation(("councils",), [("councils_level", w, lv) for lv in levels])
    iv = study.interviews.dropna(subset=["wave"])
    left_out = _left_out(ctx)
    if len(left_out):
        # Interviews left out as not coded are missing, as interviews not held are. Their number at each wave is a
        # count of transcripts tied to no council, status or person: like the councils interviewed, a design fact.
        iv = iv[~iv["interview_id"].isin(left_out["interview_id"])]
        for w in ctx.waves:
            led.count(("interviews_not_coded", w), int((left_out["wave"] == w).sum()), public=True)
        led.count(("interviews_not_coded",), len(left_out), public=True)
        led.relation(("interviews_not_coded",), [("interviews_not_coded", w) for w in ctx.waves])
    n_people = study.participants["participant_id"].nunique()
    led.unpublished(("participants_all",), n_people)
    pp = f.participant_panel
    status_of = pp.drop_duplicates(["participant_id", "wave"]).set_index(["participant_id", "wave"])["status_group"]
    for w in ctx.waves:
        at = iv[iv["wave"] == w]
        n_c, n_p = at["council_id"].nunique(), at["participant_id"].nunique()
        led.count(("interviews", w), len(at))
        led.count(("councils_interviewed", w), n_c, public=True)
        led.count(("councils_missing", w), len(councils) - n_c, public=True)
        led.relation(("councils",), [("councils_interviewed", w), ("councils_missing", w)])
        led.count(("participants", w), n_p)
        led.count(("participants_missing", w), n_people - n_p)
        led.relation(("participants_all",), [("participants", w), ("participants_missing", w)])
        # Interviews are participants plus repeat interviews, a design fact (usually none): a published count of
        # interviews would otherwise give away a hidden count of participants (and so of those missing).
        led.count(("repeat_interviews", w), len(at) - n_p, public=True)
        led.relation(("interviews", w), [("participants", w), ("repeat_interviews", w)])
        # participants and councils interviewed at the wave, by status group
        people = at[["participant_id", "council_id"]].drop_duplicates("participant_id")
        groups = people["participant_id"].map(lambda p, w=w: status_of.get((p, w))).fillna("unknown")
        council_group = at.drop_duplicates("council_id").set_index("council_id")["participant_id"].map(
            lambda p, w=w: status_of.get((p, w))).fillna("unknown")
        names = [*STATUS_LABELS, *sorted(set(groups) - set(STATUS_LABELS))]
        for g in names:
            led.count(("participants_group", w, g), int((groups == g).sum()))
            led.count(("councils_interviewed_group", w, g), int((council_group == g).sum()))
        led.relation(("participants", w), [("participants_group", w, g) for g in names])
        led.relation(("councils_interviewed", w), [("councils_interviewed_group", w, g) for g in names])
        # a council counted in a group at the wave had a participant interviewed in it there: untold, 5 councils (seed
        # 731005) left the councils in intervention followed 0 to 3 beside its participants' bounds (disclosure73)
        for g in names:
            led.at_most(("councils_interviewed_group", w, g), ("participants_group", w, g))
    _declare_groups_within_levels(ctx)
    _declare_prevalence(ctx)
    _declare_model_margins(ctx)
    _declare_missing_by_status(ctx, iv, status_of)
    # participants by trajectory
    t = f.trajectory_summary
    if len(t) and "realisation_realised" in t.columns:
        n_traj = int(t.iloc[0][[c for c in t.columns if c.startswith("realisation_")]].sum())
        led.unpublished(("participants_traj",), n_traj)
        for r in t.to_dict("records"):
            for kind in ("realisation", "persistence"):
                cols = [c for c in t.columns if c.startswith(f"{kind}_")]
                for col in cols:
                    led.count(("traj", r["code"], col), r[col])
                led.relation(("participants_traj",), [("traj", r["code"], col) for col in cols])
        _declare_trajectory_margins(ctx)
    _declare_shares(ctx)
    # reported statements by what they are credited to
    att = f.attribution
    if att is not None and len(att):
        factors = [x for x in OTHER_FACTORS if x != "unclear"]
        for r in att.to_dict("records"):
            for k in ("reported", "review", "other", "unclear", *factors):
                # counts of statements, not of people: published as they are
                led.count(("att", r["code"], k), r[f"n_{k}"], public=True)
            led.relation(("att", r["code"], "reported"), [("att", r["code"], k) for k in ("review", "other", "unclear")])
            led.relation(("att", r["code"], "other"), [("att", r["code"], k) for k in factors])
        for k in ("reported", "review", "other", "unclear", *factors):
            led.relation(("att", "all", k), [("att", c, k) for c in att["code"] if c != "all"])
        aw = _credits_by_wave(ctx)
        if aw is not None:
            for r in aw.to_dict("records"):
                for k in _BY_WAVE_CREDITS:
                    # a count of statements is not a count of people (docs/methods.md, statistical disclosure
                    # control): published as the pooled counts and the counts per impact are, down to 1. Split by
                    # wave alone (a design fact, not a council, status or role) it is no nearer to a person than a
                    # count per impact; suppressed as people are, it hid the share left open at each wave while the
                    # table beside it published counts of 1 and 2 (seed 7012, audit13)
                    led.count(("att_wave", r["wave"], k), r[f"n_{k}"], public=True)
            for k in _BY_WAVE_CREDITS:
                led.relation(("att", "all", k), [("att_wave", w, k) for w in aw["wave"].unique()])
    # councils with change-over-time data, per status group
    ch = f.change
    if ch is not None and len(ch):
        gcol = _group_column(ch)
        for r in ch.drop_duplicates(gcol or "code").to_dict("records"):
            g = r[gcol] if gcol else "all"
            # suppressed last: a count of a group at a wave that protects as well is hidden before it (the table's
            # tests are hidden with it, the sample's counts are hidden in any case beside a hidden group)
            led.count(("councils_complete", g), r["n"], keep=True)
        # across all councils too: a one-council study's 1 council followed is the study's 1 council, none missing a
        # wave (disclosure round 72: hidden as a count of 1, with every row of the table)
        _declare_complete_across_waves(ctx, iv, ch.drop_duplicates(gcol).set_index(gcol)["n"] if gcol else
                                       pd.Series({"all": ch["n"].iloc[0]}))
    # action plans
    a = f.actions
    if a is not None and not a.empty:
        s = _action_summary(ctx)
        # a wave has a row only where some council's action had a status there: 1 council at least, at most the
        # study's councils (public) and at most the row's actions (each council of the row has one at least). Untold,
        # a one-council study hid its 1 council with actions beside its published 1 council, which gives it back
        # (disclosure round 73): known, it is published (release_known); narrowed, what narrows it is hidden with it
        led.count(("action_council_least",), 1, public=True)
        for r in s.to_dict("records"):
            led.count(("action_councils", r["wave"]), r["n_councils"])
            led.count(("actions", r["wave"]), r["n_actions"])
            led.count(("actions_done", r["wave"]), r["n_completed"])
            led.at_most(("actions_done", r["wave"]), ("actions", r["wave"]))
            led.at_most(("action_council_least",), ("action_councils", r["wave"]))
            led.at_most(("action_councils", r["wave"]), ("councils",))
            led.at_most(("action_councils", r["wave"]), ("actions", r["wave"]))
    tr = f.indicator_trends
    if tr is not None and not tr.empty:
        for r in tr.to_dict("records"):
            led.count(("ind_councils", r["measure"], str(r["period"]), r["status_group"]), r["n_councils"])
            # The councils of a group whose value the DfE suppressed or did not have: the DfE marks each council's
            # value (c, x, low), Ofsted and the DfE publish the councils under a notice or a direction, and the
            # intruder of the ledger holds both for the study's councils (the totals below): a public count, as the
            # period's total is. Hidden, a period's one or two flags could not span the threshold whatever else was
            # hidden ('40 hidden counts cannot be protected', 12 councils, seed 65003), and where the groups' counts
            # of councils with a value were published, the group's councils (a period with no flag) less them gave
            # the hidden flags back all the same (20 councils, seed 65004; disclosure68)
            led.count(("ind_flagged", r["measure"], str(r["period"]), r["status_group"]), r["n_suppressed"],
                      public=True)
        # The status groups of a period add up to the study's councils with a value (or a flag) there, which the DfE
        # publishes council by council: a design fact an intruder has. Without the relation, 8 councils of which 6
        # were in intervention at no wave published the 6 (and their mean), giving away the other group's 2 (seed
        # 30908, round 38), and with the DfE's figures, which councils they were.
        for (m, period), g in tr.groupby(["measure", tr["period"].map(str)], sort=False, observed=True):
            led.count(("ind_councils_all", m, period), int(g["n_councils"].sum()), public=True)
            led.relation(("ind_councils_all", m, period), [("ind_councils", m, period, s) for s in g["status_group"]])
    _declare_did_sides(ctx)
    proc = f.process
    if proc is not None:
        fac = _process_totals(ctx)
        for r in fac.to_dict("records"):
            for v in ("raised", "helped", "hindered", "mixed", "neutral"):
                led.count(("proc", r["code"], v), r[f"n_{v}"])
            led.relation(("proc", r["code"], "raised"), [("proc", r["code"], v) for v in _VALENCE_ORDER])
        br = proc.get("by_realisation")
        if br is not None and len(br):
            for g, n in br.drop_duplicates("group").set_index("group")["n"].items():
                led.count(("realisation_group", g), n)
            for r in br.to_dict("records"):
                led.count(("helped_by", r["code"], r["group"]), r["events"])
                led.at_most(("helped_by", r["code"], r["group"]), ("realisation_group", r["group"]))
            _declare_helped_by_bounds(ctx, br)
        bi = proc.get("by_impact")
        if bi is not None and len(bi):
            totals = fac.set_index("code")
            for r in bi.to_dict("records"):
                led.count(("proc_impact", r["code"]), r["n"])
                # the participants tested are those who said only that it helped or only that it hindered: the
                # published counts of each, where they are the same participants (every interview after the review
                # in the participant panel)
                if r["code"] in totals.index and r["n"] == totals.loc[r["code"], "n_helped"] + totals.loc[r["code"], "n_hindered"]:
                    led.relation(("proc_impact", r["code"]), [("proc", r["code"], "helped"), ("proc", r["code"], "hindered")])
        sw = proc.get("suggestions_by_wave")
        if sw is not None and len(sw):
            for r in sw.to_dict("records"):
                led.count(("rec_wave_n", r["wave"]), r["n_participants"])
                led.count(("rec_wave", r["wave"]), r["n_suggesting"])
                led.at_most(("rec_wave", r["wave"]), ("rec_wave_n", r["wave"]))
                # the participants asked at a wave are those interviewed at it (or some of them): the same count as
                # the sample section's, which it gave back where that was suppressed ('6 of 15 participants' at a
                # wave whose 15 participants the sample tables hid, 8 councils, seed 31271, round 39)
                whole = ("participants", r["wave"])
                if led.values.get(whole) == r["n_participants"]:
                    led.relation(whole, [("rec_wave_n", r["wave"])])
                elif whole in led.values and r["n_participants"] <= led.values[whole]:
                    led.at_most(("rec_wave_n", r["wave"]), whole)
        rec = proc.get("recommendations")
        if rec is not None and len(rec):
            for r in rec.to_dict("records"):
                led.count(("rec_people", r["code"]), r["n_participants"])
                led.count(("rec_councils", r["code"]), r["n_councils"])
    _declare_framework(ctx)
    sm = f.survey_model
    if sm is not None and len(sm):
        led.count(("survey_councils",), int(sm["n_units"].iloc[0]))
        led.count(("survey_observations",), int(sm["n_obs"].iloc[0]))


def _declare_groups_within_levels(ctx) -> None:
    """Bound each status group's councils interviewed at a wave by the councils at that wave's levels of intervention
    the group is made of (:data:`impact.panel.STATUS_GROUPS`: not in intervention, level 'none'; in intervention, a
    notice or a direction): a council is in a group at a wave by its level there, which the table of councils by
    status counts. Untold, 6 councils (seed 5, three waves) hid the councils at each level at the last wave beside 5
    councils interviewed there not in intervention and 6 in the study: the councils with a notice were 0 or 1 to an
    intruder's integer programme over the files (disclosure round 74). A group of a level no council had at any wave
    (no row in that table) is bounded by 0, public."""
    from ..panel import STATUS_GROUPS

    led = ctx.ledger
    for w in ctx.waves:
        levels = [k[2] for k in led.values if k[0] == "councils_level" and k[1] == w]
        for g in dict.fromkeys(STATUS_GROUPS.values()):
            group = ("councils_interviewed_group", w, g)
            if group not in led.values:
                continue
            within = [("councils_level", w, lv) for lv in levels if STATUS_GROUPS.get(lv) == g]
            if led.values[group] > sum(led.values[k] for k in within):
                continue  # declared only where the counts hold it (no tie is guessed)
            if len(within) == 1:
                led.at_most(group, within[0])
                continue
            at = ("councils_at_levels", w, g)
            if within:
                led.unpublished(at, sum(led.values[k] for k in within))
                led.relation(at, within)
            else:
                led.count(at, 0, public=True)
            led.at_most(group, at)


def _declare_transcript_files(ctx, told: DisclosureLedger) -> None:
    """Declare on ``told`` (the intruder's ledger of :func:`_withhold_transcript_files`) the study's transcript files
    that provenance.json's study layout counts (its ``transcripts/**`` entries): the interviews at the waves are that
    many files less the rest (interviews left out or at no wave, files of no interview), a design fact taken as known.
    Declared only where the files are at least the interviews (no tie is guessed)."""
    files = _transcript_file_count(ctx)
    at_waves = [("interviews", w) for w in ctx.waves if ("interviews", w) in told.values]
    interviews = sum(told.values[k] for k in at_waves)
    if not files or not at_waves or interviews > files:
        return
    told.count(("transcript_files",), files)
    told.count(("transcripts_beside",), files - interviews, public=True)
    told.relation(("transcript_files",), [*at_waves, ("transcripts_beside",)])


def _transcript_file_count(ctx) -> int:
    """The study's transcript files as provenance.json's study layout counts them (0 where it has none)."""
    layout = (getattr(ctx.f, "provenance", None) or {}).get("study_layout") or {}
    return sum(int(v) for k, v in (layout.get("files") or {}).items() if str(k).startswith("transcripts/"))


def _withhold_transcript_files(ctx) -> None:
    """Withhold provenance.json's count of the study's transcript files (and so its count of files) where, with the
    interviews published at the waves, it would narrow a count the report hides, after every other count is decided
    (:meth:`DisclosureLedger.withhold_narrowing`, the statements' and medians' bounds told too).

    The interviews at each wave are findings a reader needs; the exact number of transcript files is a reproducibility
    detail the layout's hash verifies. Declared with the counts (disclosure round 73), the files' total forced every
    wave's interviews to be hidden wherever one was: 5 of 10 studies of 6 councils and 3 waves (seeds 4 to 13,
    planted coding) hid them all (none now; bench/disclosure74_attack). Decided last, the interviews are published wherever they are safe on their own, and the count of files
    only where it narrows nothing (disclosure round 74)."""
    if not _transcript_file_count(ctx):
        return

    def told(led: DisclosureLedger) -> None:
        _declare_statement_bounds(ctx, led)
        _declare_median_bounds(ctx, led)
        _declare_transcript_files(ctx, led)

    ctx.transcript_files_withheld = bool(ctx.ledger.withhold_narrowing(told, [[("transcript_files",)]]))


def _declare_helped_by_bounds(ctx, by_realisation: pd.DataFrame) -> None:
    """Bound the participants of the realisation groups saying each factor helped (process_by_realisation) by the
    participant-waves saying it helped or helped in part (process_factors' helped and mixed): a participant who said
    at a wave after the review that a factor helped, alone or beside saying it got in the way, is one of that wave's
    participants counted as saying it helped (or mixed, :func:`impact.process._combine`), so the groups' participants
    saying so are at most those two counts together. Untied, a 40-council study (seed 69931) published follow-up's 7
    saying it helped and 0 mixed beside the 6 of the realised group: the unmet group's hidden count was 0 or 1 (it
    was 1; disclosure round 69). Declared only where the counts keep it (no tie is guessed)."""
    led = ctx.ledger
    for code, rows in by_realisation.groupby("code", sort=False):
        parts = [("helped_by", code, g) for g in dict.fromkeys(rows["group"])]
        sides = [("proc", code, "helped"), ("proc", code, "mixed")]
        if not all(k in led.values for k in (*parts, *sides)):
            continue
        said, groups = sum(led.values[k] for k in sides), sum(led.values[k] for k in parts)
        if groups > said:
            continue
        # one sum holding the groups' counts (the suppression hides a count beside a narrowed one among those sharing a
        # relation with it: bounded each by the participant-waves less the others, through an unpublished remainder, the
        # realised group's published count shared none with the unmet one it narrowed, and nothing was hidden). The zero
        # rule then hides a group's 0 beside the other's hidden count, as in every table's sums
        led.unpublished(("helped_in_part", code), said)
        led.relation(("helped_in_part", code), sides)
        led.unpublished(("helped_by_groups", code), groups)
        led.relation(("helped_by_groups", code), parts)
        led.at_most(("helped_by_groups", code), ("helped_in_part", code))


def _declare_complete_across_waves(ctx, iv: pd.DataFrame, complete: pd.Series) -> None:
    """Tie the councils the change-over-time table follows in each status group to the waves' counts.

    A council followed in a group was interviewed at every wave, in that group at each: it is among the group's
    councils interviewed at every wave, and the groups' followed councils and those that moved between groups add up
    to the councils interviewed at every wave, which the published councils interviewed (and missing) at each wave
    bound (all of them where none was missing). Declared apart, 8 councils all interviewed at every wave, 6 followed
    out of intervention and 1 that moved, published the 6: the group in intervention was 0 to 2 councils
    (seed 31271, round 39). The councils at every wave, those that moved and those missing a wave are unknowns
    (:meth:`~impact.privacy._ledger.DisclosureLedger.unpublished`)."""
    led, ch = ctx.ledger, ctx.f.change
    # the waves the table follows councils across: those with interviews (the analysis's), else its first and last
    waves = [w for w in ctx.waves if (iv["wave"] == w).any()]
    n_times = ch["n_times"].dropna() if "n_times" in ch.columns else pd.Series(dtype=float)
    if len(n_times) and int(n_times.max()) != len(waves):
        waves = list(dict.fromkeys([ch["time_first"].iloc[0], ch["time_last"].iloc[0]])) \
            if int(n_times.max()) == 2 and {"time_first", "time_last"} <= set(ch.columns) else []
    if len(waves) < 2:
        return
    every = iv[iv["wave"].isin(waves)].groupby("council_id", observed=True)["wave"].nunique()
    n_every = int((every >= len(waves)).sum())
    moved = n_every - int(complete.sum())
    if moved < 0:  # not the same councils (a table made otherwise): no relation to declare
        return
    led.unpublished(("councils_every_wave",), n_every)
    led.unpublished(("councils_not_every_wave",), len(ctx.study.councils) - n_every)
    led.relation(("councils",), [("councils_every_wave",), ("councils_not_every_wave",)])
    for w in waves:
        led.at_most(("councils_missing", w), ("councils_not_every_wave",))
    missing = [("councils_missing", w) for w in waves]
    led.count(("councils_missing_sum",), sum(led.values[k] for k in missing), public=True)
    led.relation(("councils_missing_sum",), missing)
    led.at_most(("councils_not_every_wave",), ("councils_missing_sum",))
    if list(complete.index) == ["all"] and not moved:
        # no status groups: no council moves between them, and every council followed is one interviewed at every
        # wave, as the intruder knows
        led.count(("councils_moved",), 0, public=True)
    else:
        led.unpublished(("councils_moved",), moved)
    led.relation(("councils_every_wave",), [*(("councils_complete", g) for g in complete.index), ("councils_moved",)])
    for g, n in complete.items():
        for w in waves:
            key = ("councils_interviewed_group", w, g)
            if key in led.values and n <= led.values[key]:
                led.at_most(("councils_complete", g), key)


def _declare_did_sides(ctx) -> None:
    """The councils on each side of the indicators' difference-in-differences around entry into intervention (compared
    after entering it, never in it), with the councils in neither (in intervention before the first period, entering
    it without their own figures either side of entry, or with no value) as an unknown: the sides and the rest are
    the study's councils. Shown by a rule of their own, 12 councils published 11 never in intervention beside 'c'
    entering it, which was then 0 or 1 (seed 31263, round 39). A side of no council is published (it protects no
    one), and constrains the others."""
    e = ctx.f.indicator_effects
    if e is None or e.empty:
        return
    led, n = ctx.ledger, len(ctx.study.councils)
    for r in e.to_dict("records"):
        sides = {k: int(r[k]) for k in ("n_treated", "n_control") if pd.notna(r[k])}
        if len(sides) < 2 or sum(sides.values()) > n:
            continue
        for k, v in sides.items():
            led.count(("did_councils", r["measure"], k), v, public=v == 0)
        led.unpublished(("did_councils", r["measure"], "neither"), n - sum(sides.values()))
        led.relation(("councils",), [("did_councils", r["measure"], k) for k in (*sides, "neither")])


def _response_grid(study, waves, iv: pd.DataFrame, status_of) -> pd.DataFrame:
    """Every listed participant at every wave: ``participant_id``, ``council_id``, ``wave``, ``group`` (the status
    group an interviewed participant is counted in by the prevalence table, else their council's at the wave, else
    'unknown') and ``interviewed`` (an interview held and coded at that wave)."""
    from ..panel import STATUS_GROUPS

    people = study.participants[["participant_id", "council_id"]].drop_duplicates("participant_id")
    grid = people.merge(pd.DataFrame({"wave": list(waves)}), how="cross")
    ws = study.wave_status()[["council_id", "wave", "intervention"]]
    grid = grid.merge(ws, on=["council_id", "wave"], how="left")
    seen = set(zip(iv["participant_id"], iv["wave"], strict=True))
    grid["interviewed"] = [(p, w) in seen for p, w in zip(grid["participant_id"], grid["wave"], strict=True)]
    counted = [status_of.get((p, w)) if i else None
               for p, w, i in zip(grid["participant_id"], grid["wave"], grid["interviewed"], strict=True)]
    grid["group"] = pd.Series(counted, index=grid.index, dtype=object).fillna(
        grid["intervention"].map(STATUS_GROUPS)).fillna("unknown")
    return grid.drop(columns="intervention")


def _declare_missing_by_status(ctx, iv: pd.DataFrame, status_of) -> None:
    """The participants not interviewed at each wave by their council's status group: they add up to the attrition
    table's participants missing at the wave, and with the participants interviewed in the group (the prevalence
    table's) to those listed in it. Hidden, as the group's participants are, where the group has fewer councils than
    :func:`_fewest_councils` (truth47)."""
    led = ctx.ledger
    grid = ctx.response = _response_grid(ctx.study, ctx.waves, iv, status_of)
    few = _few_councils_groups(ctx)
    for w in ctx.waves:
        missed = grid[(grid["wave"] == w) & ~grid["interviewed"]]["group"].value_counts()
        names = [*STATUS_LABELS, *sorted(set(missed.index) - set(STATUS_LABELS))]
        # a group hidden at the wave hides the others' missed counts with it: beside the attrition table's total
        # they would give the hidden one back, and the ledger would then withhold that total (and the summary's
        # interviews it adds up to) to protect it: a table new in truth47 must not cost figures published before it
        # (seed 63421, 12 councils, one in intervention: "drawing on N interviews" was lost)
        hidden = any((w, g) in few for g in names)
        for g in names:
            led.count(("participants_missing_group", w, g), int(missed.get(g, 0)), hide=hidden)
        led.relation(("participants_missing", w), [("participants_missing_group", w, g) for g in names])


def _response_by_status(ctx) -> dict | None:
    """Whether participants in councils in intervention were interviewed as often as the others: a binomial GEE of
    being interviewed (every listed participant at every wave) on wave and intervention status, councils as clusters,
    as the report's models are fitted (bias-reduced sandwich, t reference). ``{"odds_ratio", "ci_low", "ci_high",
    "p_value", "wave"}`` (``wave``: the wave of the widest gap between the groups' shares interviewed, both shown), or
    None where the test cannot be made or would describe fewer councils on a side than :func:`_fewest_councils`.
    Where response differs by status, a figure pooling the councils rests more on the group interviewed more often
    (truth47: stats21's bench found complete cases then biased); the interviews are then missing at random given
    status in Rubin's sense at best (what the weighted fits assume), and whether they also depend on what a participant
    missed would have said (missing not at random) no test here can show (truth59). Computed once per report:
    :attr:`_Ctx.response_test` reads it."""
    grid = ctx.response
    if grid is None or not len(grid):
        return None
    d = grid[grid["group"].isin(["intervention", "no_intervention"])]
    side = d.groupby("council_id")["group"].agg(lambda g: (g == "intervention").any())
    if min(int(side.sum()), int((~side).sum())) < max(_fewest_councils(ctx), 2) or d["interviewed"].all():
        return None
    d = d.assign(in_intervention=d["group"].eq("intervention").astype(int), interviewed=d["interviewed"].astype(int),
                 wave=pd.Categorical(d["wave"], categories=ctx.waves))
    term = _response_fit(d, ctx.alpha)
    if term is None:
        return None
    gaps = {}
    for w in ctx.waves:
        keys = [(k, w, g) for g in ("intervention", "no_intervention")
                for k in ("participants_group", "participants_missing_group")]
        if ctx.shown(*keys):
            at = d[d["wave"] == w].groupby("group", observed=True)["interviewed"].mean()
            if len(at) == 2:
                gaps[w] = (at["intervention"], at["no_intervention"])
    wave = max(gaps, key=lambda w: abs(gaps[w][0] - gaps[w][1])) if gaps else None
    out = {"odds_ratio": float(np.exp(term["estimate"])), "ci_low": float(np.exp(term["ci_low"])),
           "ci_high": float(np.exp(term["ci_high"])), "p_value": float(term["p_value"]), "wave": wave,
           "shares": gaps.get(wave), "fit": term["fit"]}
    return out


def _response_fit(d: pd.DataFrame, alpha: float) -> pd.Series | None:
    """The response test's status term (``estimate``, ``se``, ``ci_low``, ``ci_high``, ``p_value`` on the log-odds
    scale, and ``fit``: ``"gee"`` or ``"firth"``) of ``d`` (``interviewed`` and ``in_intervention`` 0/1, ``wave``
    categorical, ``council_id``): a binomial GEE of being interviewed on wave and status, independence, councils as
    clusters (:func:`_response_by_status`; bench/response_false_alarm.py measures its false alarms). None where it
    cannot be fitted or is not finite.

    Where the GEE's fitted probabilities reach 0 or 1 (separation: every participant of one status group interviewed
    at every wave, as in a group of few councils), its status term runs off towards infinity with a sandwich standard
    error that does not follow it, so its Wald test rejects whatever the data: a 12-council study whose one status
    group of 10 participant-waves were all interviewed, against 77% of the others, got an odds ratio 'above 999, 95% CI
    above 999 to above 999, p < 0.001' where response did not depend on status (truth76). The term is then Firth's
    (penalised likelihood, councils as clusters, its likelihood-ratio test divided by the councils' design effect), as
    the models' change by status is refitted where a GEE separates (:func:`impact.effects.intervention_effects`)."""
    from ..stats import longitudinal_model

    formula = "interviewed ~ C(wave) + in_intervention"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = longitudinal_model(d, formula=formula, unit="council_id", family="binomial",
                                     cov_struct="independence", alpha=alpha)
            kind = "gee"
            if _separated(fit):
                fit = longitudinal_model(d, formula=formula, unit="council_id", family="binomial", method="firth",
                                         alpha=alpha)
                kind = "firth"
    except Exception:  # noqa: BLE001 - a response model that cannot be fitted leaves the report without this caveat
        return None
    term = fit.params.loc["in_intervention"] if "in_intervention" in fit.params.index else None
    if term is None or not np.isfinite(term["p_value"]) or not np.isfinite(term["se"]):
        return None
    return pd.concat([term, pd.Series({"fit": kind})])


def _separated(fit) -> bool:
    """Whether a binomial GEE ``fit`` separated: noted so, or a fitted probability within 1e-5 of 0 or 1 (ten times
    the GEE's own threshold, as :func:`impact.stats._models.mixed_contrasts` judges it)."""
    if any(str(n).startswith("separation") for n in fit.notes):
        return True
    fitted = np.asarray(fit.fit_result.fittedvalues, dtype="float64")
    return not bool((np.minimum(fitted, 1 - fitted) > 1e-5).all())


def _response_test_words(ctx) -> str:
    """' A binomial GEE of being interviewed ...: odds ratio ... (95% CI ..., p ...): ...' of
    :func:`_response_by_status`, said where its figures are (the sample section's table of participants interviewed by
    status, and the models section's paragraph on missed interviews); '' where no test was made."""
    r = ctx.response_test
    if r is None:
        return ""
    words = _response_model_words(r)
    return (f" {words[0].upper()}{words[1:]}: odds ratio "
            f"of being interviewed in intervention vs not {format_ratio(r['odds_ratio'])} ({ctx.level} CI "
            f"{format_ratio(r['ci_low'])} to {format_ratio(r['ci_high'])}, {_p_words(r['p_value'], ctx.alpha)})"
            + (f": response differed by status at the {_level_words(ctx.alpha)} level, so figures pooling the "
               f"councils may lean towards the group interviewed more often. {_WEIGHTED_ASSUME}."
               if r["p_value"] < ctx.alpha else
               ": no significant difference by status, which is not evidence that there is none.")
            + RESPONSE_TEST_RATES)


def _response_model_words(r: dict, *, why: bool = True) -> str:
    """'a binomial GEE of being interviewed on wave and intervention status, councils as clusters', or Firth's fit
    where the GEE separated (:func:`_response_fit`), with why unless ``why`` is False (a sentence that already holds
    brackets: no brackets within brackets)."""
    if r.get("fit") == "firth":
        return ("Firth's penalised logistic regression of being interviewed on wave and intervention status, councils "
                "as clusters" + (", in place of the binomial GEE, whose fitted chances reached 0 or 1 (as where every "
                                 "participant of a group was interviewed), so that its estimate and test meant nothing"
                                 if why else ""))
    return "a binomial GEE of being interviewed on wave and intervention status, councils as clusters"


#: What the response test's errors were measured to be (``python -m bench.response_false_alarm``,
#: bench/response_false_alarm.json: 100 control studies and 40 informative ones at each size, alpha 0.05). Asking for
#: an odds ratio beyond 1.5 as well as p < alpha changed neither rate (every false alarm's was beyond it), so the rule
#: stays the test alone.
RESPONSE_TEST_RATES = (" This is a test, not a proof: at the 5% level, in 100 generated studies of 40 councils "
                       "whose missed interviews did not depend on status it said they did in 5 (5%, its nominal "
                       "level; in 100 of 20 councils, none), and it found the dependence in 39 of 40 studies with "
                       "participants in councils in intervention missing 45% and 65% of the later interviews (34 of 40 "
                       "at 20 councils).")


def _response_test_said(ctx) -> str:
    """' Participants in councils in intervention were interviewed significantly less often than ...' : the result of
    :func:`_response_by_status` in words for the models section's paragraph on missed interviews, pointing to its
    figures (the note to the sample section's table of participants interviewed by status, :func:`_response_test_words`;
    a sentence's figures are those of a table). The paragraph gave the missed interviews' total alone, and set the
    weighted fits beside the complete cases without saying whether the missed interviews depended on status (truth48).
    '' where no test was made."""
    r = ctx.response_test
    if r is None:
        return ""
    where = (f"{_response_model_words(r, why=False)}, whose figures are in the note to the sample section's table "
             "of participants interviewed by status")
    if not r["p_value"] < ctx.alpha:
        return (f" Participants in councils in and not in intervention were not interviewed at significantly different "
                f"rates ({where}), which is not evidence that they were interviewed alike.")
    less, more = _interviewed_less(r)
    return (f" Participants in councils {less} were interviewed significantly less often than those in councils {more} "
            f"({where}), so the complete-case figures rest more on councils {more}; {_WEIGHTED_ASSUME[0].lower()}"
            f"{_WEIGHTED_ASSUME[1:]}.")


def _weighted_waves(ctx) -> pd.DataFrame:
    """The models' changes across the waves (each later wave against the first, ``wave_<w>``, and each wave after the
    first after the review against it, ``<w>_vs_<first later>``) beside the same fits weighted for missed interviews
    (``attrition_waves`` of the findings, ``missing == "ipw"``): ``code``, ``term``, ``wave``, ``against`` (the wave
    compared with), the models' ``estimate``, ``se``, ``ci_low``, ``ci_high``, ``p_adjusted``, the weighted
    ``w_estimate``, ``w_se``, ``w_ci_low``, ``w_ci_high``, ``w_p_adjusted`` (Holm's, as the models' and the summary's:
    :func:`_weighted_holm`), ``differs`` (the two are further apart than the larger of their standard errors) and
    ``disagree`` (significant after Holm's adjustment in one and not the other, or in opposite directions: what the
    summary calls a disputed change where response differs by status, :func:`_weighted_disputed`). Of the
    terms the summary reads (:func:`_readable_models`) that are GEE fits on both sides (a Firth estimate is not set
    beside a weighted GEE). Under participants in intervention planted to miss the later interviews, stats21's bench
    found the complete-case wave terms of a model without status biased (-0.18) and the weighted ones not; the report
    showed weighted estimates of the intervention contrast only (truth48), and the weighted figures of a change the
    summary calls disputed in no table (truth51). Empty where nothing can be set side by side. Computed once per
    report: :attr:`_Ctx.weighted_waves` reads it."""
    out = pd.DataFrame(columns=["code", "term", "wave", "against", "estimate", "se", "ci_low", "ci_high", "p_adjusted",
                                "w_estimate", "w_se", "w_ci_low", "w_ci_high", "w_p_adjusted", "differs", "disagree"])
    aw = getattr(ctx.f, "attrition_waves", None)
    if aw is None or aw.empty or "term" not in aw.columns or not ctx.later:
        return out
    first, since = {f"wave_{w}": w for w in ctx.later}, _since_terms(ctx)
    against = {**dict.fromkeys(first, ctx.waves[0]), **dict.fromkeys(since, ctx.later[0])}
    parts = []
    for terms in (first, since):  # each its own Holm family, as the models' (impact.intervention_effects)
        holm, rows = _readable_models(ctx, terms)
        w = _weighted_holm(ctx, holm) if len(rows) else None
        if w is None or w.empty:
            continue
        if "estimator" in rows.columns:
            rows = rows[rows["estimator"].fillna("gee").eq("gee")]
        w = w[np.isfinite(w[["se", "ci_low", "ci_high"]].astype(float)).all(axis=1)]
        w = w[["code", "term", "estimate", "se", "ci_low", "ci_high", "w_p_adjusted"]].rename(
            columns={c: f"w_{c}" for c in ("estimate", "se", "ci_low", "ci_high")})
        parts.append(rows[["code", "term", "estimate", "se", "ci_low", "ci_high", "p_adjusted"]].merge(
            w, on=["code", "term"]).assign(wave=lambda d, t=terms: d["term"].map(t)))
    both = pd.concat(parts, ignore_index=True) if parts else out.iloc[:0]
    if both.empty:
        return out
    gap = (both["w_estimate"] - both["estimate"]).abs()
    order = [*first, *since]
    both = both.assign(against=both["term"].map(against), differs=gap > np.maximum(both["se"], both["w_se"]),
                       disagree=_disagree(ctx, both), _o=both["code"].map(ctx.codes.index),
                       _t=both["term"].map(order.index))
    return both.sort_values(["_o", "_t"]).drop(columns=["_o", "_t"])[list(out.columns)].reset_index(drop=True)


def _disagree(ctx, both: pd.DataFrame) -> pd.Series:
    """Per row of ``both`` (the models' ``estimate`` and ``p_adjusted`` beside the weighted ``w_estimate`` and
    ``w_p_adjusted``): significant after Holm's adjustment in one and not the other, or significant in both in opposite
    directions."""
    found, w_found = both["p_adjusted"] < ctx.alpha, both["w_p_adjusted"] < ctx.alpha
    turned = found & w_found & (np.sign(both["estimate"]) != np.sign(both["w_estimate"]))
    return (found != w_found) | turned


def _weighted_holm(ctx, holm: pd.DataFrame) -> pd.DataFrame:
    """The fits weighted for missed interviews (``attrition_waves``, ``missing == "ipw"``, not separated, finite
    estimate and p) of the models' rows ``holm`` (one Holm family's terms and impacts, as :func:`_readable_models`
    gives them), with ``w_p_adjusted``: their p-values adjusted as the models' are (the wave terms of every impact
    together, each contrast of the waves after the review across the impacts), over the rows weighted. Empty where
    there are none."""
    from ..stats import adjust_pvalues

    aw = getattr(ctx.f, "attrition_waves", None)
    if aw is None or aw.empty or holm.empty or "term" not in aw.columns:
        return pd.DataFrame(columns=["code", "term", "estimate", "se", "ci_low", "ci_high", "p_value", "w_p_adjusted"])
    w = aw[(aw["missing"] == "ipw") & aw["term"].isin(set(holm["term"])) & aw["code"].isin(set(holm["code"]))
           & ~aw["separation"].fillna(False).astype(bool)]
    w = w[np.isfinite(w[["estimate", "p_value"]].astype(float)).all(axis=1)].assign(w_p_adjusted=np.nan)
    for _, idx in w.groupby(holm_family(w["term"]), observed=True).groups.items():
        w.loc[idx, "w_p_adjusted"] = np.asarray(adjust_pvalues(w.loc[idx, "p_value"], method="holm"))
    return w


def _weighted_waves_said(ctx, rows: pd.DataFrame, at) -> str:
    """'the change in X at W (odds ratio a weighted against b)' of each row of :func:`_weighted_waves` that differs,
    listed; ``at`` names a wave."""
    return _listed([f"{ctx.code(r.code).lower()} at {at(r.wave)} (odds ratio {format_ratio(math.exp(r.w_estimate))} "
                    f"weighted against {format_ratio(math.exp(r.estimate))})" for r in rows.itertuples()],
                   semicolons=True)


def _weighted_change_caveat(ctx) -> str | None:
    """The caveat of the summary's change sentences where a wave term weighted for missed interviews differs from the
    models' complete-case term by more than the larger of their standard errors (:func:`_weighted_waves`); None where
    every one agrees."""
    ww = ctx.weighted_waves
    differs = ww[ww["differs"] & ww["term"].str.startswith("wave_")]
    if differs.empty:
        return None
    at = (lambda w: ctx.short_wave(w).lower()) if len(ctx.later) > 1 else (lambda w: ctx.wave(w).lower())
    return (f"Weighted for the missed interviews {_WEIGHTED_HOW}, the change since {ctx.wave(ctx.waves[0]).lower()} "
            f"differs from the models' complete-case figure by more than a standard error in "
            f"{_weighted_waves_said(ctx, differs, at)}; the models section's table of the change across the waves "
            "weighted for missed interviews sets the two side by side. Neither allows for interviews missed for "
            "reasons other than wave and status.")


def _weighted_waves_blocks(ctx) -> list:
    """The models' changes across the waves beside the weighted ones (:func:`_weighted_waves`), where a change since
    the first wave differs by more than a standard error (truth48), or where response differs by status
    and the two disagree on a change, which the summary then calls disputed (truth51: the weighted figures it named
    were in no table): a sentence saying why and a table of every change set side by side, odds ratios, intervals
    and Holm-adjusted p-values. None where neither holds (a study whose interviews were missed alike by status)."""
    ww = ctx.weighted_waves
    first = ww["term"].str.startswith("wave_")
    r = ctx.response_test
    disputed = ww["disagree"] & (r is not None and r["p_value"] < ctx.alpha)
    if not ((ww["differs"] & first).any() or disputed.any()):
        return []
    at = (lambda w: ctx.short_wave(w).lower()) if len(ctx.later) > 1 else (lambda w: ctx.wave(w).lower())
    ratio = lambda c: np.exp(ww[c].astype(float))  # noqa: E731
    yes = {True: "yes", False: "no"}
    table = pd.DataFrame({"impact": ww["code"], "wave": ww["wave"], "compared_with": ww["against"],
                          "complete_odds_ratio": ratio("estimate"), "complete_ci_low": ratio("ci_low"),
                          "complete_ci_high": ratio("ci_high"), "complete_p_adjusted": ww["p_adjusted"].astype(float),
                          "weighted_odds_ratio": ratio("w_estimate"), "weighted_ci_low": ratio("w_ci_low"),
                          "weighted_ci_high": ratio("w_ci_high"), "weighted_p_adjusted": ww["w_p_adjusted"].astype(float),
                          "differs": ww["differs"].map(yes), "disagree": ww["disagree"].map(yes)})
    said = []
    if (ww["differs"] & first).any():
        said.append("Weighted for the missed interviews, the change since "
                    f"{ctx.wave(ctx.waves[0]).lower()} differs from the models' complete-case figure by more than the "
                    f"larger of their standard errors in {_weighted_waves_said(ctx, ww[ww['differs'] & first], at)}: "
                    "the complete-case figure rests more on the participants interviewed more often, so the weighted "
                    "one is the better guide where the missed interviews depend on wave and status alone.")
    if disputed.any():
        n = int(disputed.sum())
        said.append(f"{_response_lead(ctx)}, and the weighted models and the complete-case ones, "
                    f"Holm-adjusted alike, disagree on {_say(n)} change{'' if n == 1 else 's'} across the waves (one "
                    "significant and the other not, or the two in opposite directions): the table sets every change "
                    "weighted beside the complete cases, and the summary states none on which they disagree as found, "
                    "nor as absent.")
    since = ctx.later[1:] if _since_terms(ctx) else []
    return [
        Paragraph(" ".join(said)),
        Table("attrition_sensitivity_waves", table,
              "Sensitivity to missed interviews: change across the waves",
              f"Odds ratios of reporting each {ctx.one} at each later wave against the first"
              + (f", and at {_listed([ctx.short_wave(w).lower() for w in since])} against "
                 f"{ctx.short_wave(ctx.later[0]).lower()}" if since else "")
              + f", with {ctx.level} intervals and p-values adjusted as the models table's (Holm: the changes since "
              "the first wave of every impact together" + (", each later contrast across the impacts" if since else "")
              + "): complete cases (the models table's) and weighted by the inverse of each participant's estimated "
              "chance of being interviewed at that wave (response modelled on wave and intervention status), from "
              "the same GEE, the weighted p-values adjusted among themselves. differs: the two estimates are further "
              "apart than the larger of their standard errors (log-odds scale). disagree: one is significant after "
              f"the adjustment (p < {ctx.alpha:g}) and the other not, or both are, in opposite directions.",
              {"complete_odds_ratio": "ratio:2",
               "Complete cases: CI": CI("complete_ci_low", "complete_ci_high", ratio=True),
               "complete_p_adjusted": "p",
               "weighted_odds_ratio": "ratio:2",
               "Weighted for missed interviews: CI": CI("weighted_ci_low", "weighted_ci_high", ratio=True),
               "weighted_p_adjusted": "p"},
              labels={"impact": "Impact",
                      "compared_with": Label("Compared with", description="The wave the change is measured from."),
                      "complete_odds_ratio": "Complete cases: odds ratio",
                      "complete_p_adjusted": Label("Complete cases: p (Holm)", description=(
                          "The models table's p-value, Holm-adjusted as there.")),
                      "weighted_odds_ratio": "Weighted for missed interviews: odds ratio",
                      "weighted_p_adjusted": Label("Weighted for missed interviews: p (Holm)", description=(
                          "The weighted fit's p-value, Holm-adjusted among the weighted fits as the models' are.")),
                      "differs": Label("Differs by more than a standard error", description=(
                          "yes where the two estimates are further apart than the larger of their standard errors.")),
                      "disagree": Label("Complete and weighted disagree", description=(
                          "yes where one is significant after Holm's adjustment and the other not, or both in opposite "
                          "directions."))}),
    ]


def _by_status_cells_published(ctx, code: str, rows: pd.DataFrame) -> bool:
    """Whether every cell an impact's change by status rests on is published (:func:`_by_status_cells_shown` without
    the ledger's proof): the weighted fit's figures are shown only then, as its estimating equations (of the cells'
    participants by their report at the first wave, published nowhere) are not declared (docs/methods.md)."""
    from ..pipeline import MAIN_MEASURE

    measure = str(rows["measure"].iloc[0]) if "measure" in rows.columns else MAIN_MEASURE
    waves = [ctx.waves[0], *[w for w in dict.fromkeys(rows["wave"]) if w]]
    return all(not ctx.ledger.hidden(("with", measure, code, w, g)) for w in waves
               for g in ("intervention", "no_intervention"))


def _by_status_cells_shown(ctx, code: str, rows: pd.DataFrame) -> bool:
    """Whether every count of participants reporting ``code`` at a wave in a status group that its model of change by
    status rests on is published: that model has a term per wave and status group, so its fitted margins are those
    cells' counts (:func:`_model_margins`), and its figures would give back a hidden one. Not where a cell is hidden
    or not declared to the disclosure ledger at all (no table publishes it)."""
    from ..pipeline import MAIN_MEASURE

    measure = str(rows["measure"].iloc[0]) if "measure" in rows.columns else MAIN_MEASURE
    waves = [ctx.waves[0], *[w for w in dict.fromkeys(rows["wave"]) if w]]
    keys = [("with", measure, code, w, g) for w in waves for g in ("intervention", "no_intervention")]
    if "grouping" in rows.columns and rows["grouping"].isin(_EVER_GROUPINGS).any():
        # grouped by ever being of the other status: a wave at which no council had a status has no count of it
        return all(not ctx.ledger.hidden(k) for k in keys if k in ctx.ledger.values)
    if all(k in ctx.ledger.values and not ctx.ledger.hidden(k) for k in keys):
        return True
    # decided once per ledger: the table, the summary and the notes each ask
    memo = ctx.__dict__.setdefault("_by_status_proved", {})
    if code not in memo or memo[code][0] is not ctx.ledger:
        memo[code] = (ctx.ledger, _by_status_proved_safe(ctx, code, rows, measure, waves))
    return memo[code][1]


#: The most guesses of the hidden cells of one impact's change by status :func:`_by_status_proved_safe` tries before
#: it gives up (and the impact's figures are withheld): each is a few small linear programmes.
_BY_STATUS_GUESSES = 60


def _by_status_links(ctx, code: str, rows: pd.DataFrame, measure: str, waves: list[str]) -> dict | None:
    """What an impact's change by status publishes of its cells, as the intruder reads it: per status group, the
    first wave's cell ``(key, n)`` and per later wave ``(key, n, odds ratio, band)`` (a count of participants of a cell
    hidden, or the panel's counts not the table's: None).

    The model is saturated in wave and status (a term per wave and status group), so its fitted probability of each
    cell is (under working independence exactly, under the models' exchangeable correlation and Firth's penalty
    nearly) the cell's share ``y/n``, and each group's odds ratio at wave w is ``[y_w/(n_w-y_w)] / [y_1/(n_1-y_1)]``:
    given ``y_1`` (and the published ``n``), ``y_w = n_w r o / (1 + r o)`` with ``o = y_1/(n_1-y_1)``. The band is
    how far the fit's own odds ratio puts the true ``y_w`` from that curve: the intruder is granted it exactly (the
    pessimistic side: they keep only the whole counts within it)."""
    led, pp = ctx.ledger, ctx.f.participant_panel
    d = pp[pp["code"] == code].dropna(subset=["status_group"]) if pp is not None else None
    if d is None or measure not in d.columns:
        return None
    cell = d.assign(y=d[measure].astype(bool)).groupby(["wave", "status_group"], observed=True)["y"].agg(["sum", "size"])
    est = rows[rows["term"].isin(["change_not_in_intervention", "change_in_intervention"])]
    out = {}
    for g, term in (("no_intervention", "change_not_in_intervention"), ("intervention", "change_in_intervention")):
        chain = []
        for w in waves:
            y, n = ("with", measure, code, w, g), ("participants_group", w, g)
            if (w, g) not in cell.index or led.hidden(n) or led.values.get(y) != float(cell.loc[(w, g), "sum"]) or (
                    led.values[n] != float(cell.loc[(w, g), "size"])):
                return None
            chain.append((y, int(led.values[n])))
        first, n1 = chain[0]
        links = []
        for (y, n), w in zip(chain[1:], waves[1:]):
            r = est[(est["wave"] == w) & (est["term"] == term)]["estimate"].astype(float)
            if len(r) != 1 or not np.isfinite(r.iloc[0]):
                return None
            ratio = math.exp(float(r.iloc[0]))
            band = abs(_by_status_curve(led.values[first], n1, n, ratio) - led.values[y]) + 1e-6
            links.append((y, n, ratio, band))
        out[g] = ((first, n1), links)
    return out


def _by_status_curve(y1: float, n1: int, n: int, ratio: float) -> float:
    """The count of a later wave's cell of ``n`` participants whose odds are ``ratio`` times those of ``y1`` of
    ``n1`` at the first wave (:func:`_by_status_links`)."""
    if y1 >= n1:
        return float(n)
    o = ratio * y1 / (n1 - y1)
    return n * o / (1 + o)


def _by_status_proved_safe(ctx, code: str, rows: pd.DataFrame, measure: str, waves: list[str]) -> bool:
    """Whether the ledger proves that an impact's change by status, published beside a hidden cell it rests on, lets
    no reader narrow a hidden count to an interval shorter than the threshold (disclosure64).

    Each status group's odds ratios tie its cells to its first wave's (:func:`_by_status_links`): the intruder tries
    every whole value of each group's first cell the ledger leaves open, keeps the later cells' whole values within
    each odds ratio's band, and rules out a guess the published counts' system cannot hold
    (:meth:`impact.privacy.DisclosureLedger.ranges_given`). The union of the ranges left over the guesses kept is what
    they learn: safe only where every hidden count it touches still spans the threshold. A guess set too large to try
    (:data:`_BY_STATUS_GUESSES`), a cell whose participants are hidden, or a fit whose cells are not the table's: not
    proved, and withheld."""
    import itertools

    led = ctx.ledger
    links = _by_status_links(ctx, code, rows, measure, waves)
    if links is None or not all(chain for _, chain in links.values()):
        # not tested: its reason (a status group's few councils, every participant or none reporting it) speaks of
        # the cells and the councils in a way no curve states, so it is withheld beside a hidden cell as before
        return False
    # a GEE's finite change says no cell's participants all or none reported it (else Firth's fit, "Fit" says which)
    inner = int(str(rows["estimator"].dropna().iloc[0]) == "gee") if rows["estimator"].notna().any() else 0
    per_group = []
    for (first, n1), chain in links.values():
        if led.hidden(first):
            lo, hi = led.interval(first)
            firsts = range(max(inner, math.ceil(lo - 1e-6)), min(n1 - inner, math.floor(hi + 1e-6)) + 1)
        else:
            firsts = [int(led.values[first])]
        guesses = []
        for v in firsts:
            options = []
            for y, n, ratio, band in chain:
                at = _by_status_curve(v, n1, n, ratio)
                whole = [c for c in range(max(inner, math.ceil(at - band)), min(n - inner, math.floor(at + band)) + 1)
                         if not (not led.hidden(y) and c != led.values[y])]
                options.append([(y, c) for c in whole])
            guesses += [{first: v, **dict(o)} for o in itertools.product(*options)]
        # the odds ratios alone, before any linear programme: a hidden cell whose whole values left span less than
        # the threshold is narrowed whatever the system adds (most often a later cell published beside a hidden
        # first one: the curve gives the first back)
        for k in {k for g in guesses for k in g if led.hidden(k)}:
            values = [g[k] for g in guesses]
            if not values or max(values) - min(values) < led.threshold - 1e-6:
                return False
        # a group's guess its own cells' system rules out is ruled out jointly too (the joint system holds more)
        per_group.append([g for g in guesses if len(guesses) == 1 or led.ranges_given(g, ranges=False) is not None])
    joint = [{**a, **b} for a, b in itertools.product(*per_group)]
    if not joint or len(joint) > _BY_STATUS_GUESSES:
        return False
    wide = led.threshold - 1e-6
    span: dict = {}
    for guess in joint:
        ranges = led.ranges_given(guess)
        if ranges is None:
            continue
        for k, (lo, hi) in ranges.items():
            a, b = span.get(k, (lo, hi))
            span[k] = (min(a, lo), max(b, hi))
        # every guess's ranges are of the same counts (those the guessed cells are tied to): a union of some of them
        # that already spans the threshold for each is what the intruder is left with at least
        if all(hi - lo >= wide for k, (lo, hi) in span.items() if k not in led.auxiliary):
            return True
    return False


#: The status groups of :func:`impact.effects.change_by_status` where no council had the other status at the first
#: wave: in the summary's and the table's words, (not in intervention, in intervention).
_EVER_GROUPINGS = {"ever_in_intervention": ("never in intervention", "in intervention at a later wave"),
                   "ever_out_of_intervention": ("out of intervention at a later wave", "in intervention throughout")}


def _by_status_rows(ctx) -> pd.DataFrame:
    """The change by status (:func:`impact.effects.change_by_status`) of the report's impacts whose models are shown,
    with ``_shown`` (whether its figures may be published, :func:`_by_status_cells_shown`); empty without it."""
    bs = getattr(ctx.f, "change_by_status", None)
    if bs is None or bs.empty:
        return pd.DataFrame()
    bs = bs[bs["code"].isin(ctx.codes) & ~bs["code"].isin(ctx.models_withheld)]
    shown = {c: _by_status_cells_shown(ctx, c, part) for c, part in bs.groupby("code", sort=False)}
    plain = {c: _by_status_cells_published(ctx, c, part) for c, part in bs.groupby("code", sort=False)}
    return bs.assign(_shown=bs["code"].map(shown).astype(bool),
                     _weighted_shown=bs["code"].map(shown).astype(bool) & bs["code"].map(plain).astype(bool))


#: The part over the change by status table's interaction columns (its ratio, interval and p).
_IN_OVER_NOT = "In over not in intervention"


def _by_status_blocks(ctx) -> list:
    """The table of each impact's change across the waves in councils in and not in intervention, its difference and
    the test of whether it differs (truth52): the models table assumes the change is the same in both, so a change
    in one group only was part absorbed by the status term and the report could not say that it differed."""
    bs = _by_status_rows(ctx)
    if bs.empty:
        return []
    tests = bs[bs["term"].eq("differs")].set_index("code")
    weighted = "w_p_value" in bs.columns and np.isfinite(tests["w_p_value"].astype(float)).any()
    rows = []
    for code, part in bs.groupby("code", sort=False):
        t = tests.loc[code]
        ok = bool(t["_shown"])
        verdict = (("yes" if t["p_adjusted"] < ctx.alpha else "no") if t["tested"] else f"not tested: {t['why_not']}")
        per = part[~part["term"].eq("differs")].set_index(["wave", "term"])
        for w in [w for w in ctx.later if (w, "change_difference") in per.index] or [None]:
            row = {"impact": code, "wave": w if w else "", "compared_with": ctx.waves[0] if w else ""}
            for prefix, term in (("not_in", "change_not_in_intervention"), ("in", "change_in_intervention"),
                                 ("ratio", "change_difference")):
                r = per.loc[(w, term)] if w else None
                for col, src in (("odds_ratio", "odds_ratio"), ("ci_low", "odds_ratio_ci_low"),
                                 ("ci_high", "odds_ratio_ci_high"), ("p_value", "p_value")):
                    name = f"{prefix}_{col}" if prefix != "ratio" or col != "odds_ratio" else "ratio_of_odds_ratios"
                    row[name] = (np.nan if r is None else float(r[src])) if ok else SUPPRESSED
            row["fit"] = {"firth": "Firth", "gee": "GEE"}.get(str(t.get("estimator", "")), "")
            row["groups"] = ("at the wave" if str(t.get("grouping", "at_wave")) not in _EVER_GROUPINGS
                             else " / ".join(_EVER_GROUPINGS[str(t["grouping"])]))
            row["differs_p_value"] = float(t["p_value"]) if ok else SUPPRESSED
            row["differs_p_adjusted"] = float(t["p_adjusted"]) if ok else SUPPRESSED
            row["differs"] = verdict if ok else SUPPRESSED
            if weighted:  # the same model weighted for missed interviews (truth54)
                wr = per.loc[(w, "change_difference")] if w else None
                # its ratio and test, not its interval: two more columns printed the example's workbook sheet at 54%,
                # below the least scale (the interval is Findings.change_by_status's w_ci_low, w_ci_high)
                wok = bool(t["_weighted_shown"])
                row["weighted_ratio"] = (np.nan if wr is None else math.exp(float(wr["w_estimate"]))) if wok else SUPPRESSED
                row["weighted_differs_p_adjusted"] = float(t.get("w_p_adjusted", np.nan)) if wok else SUPPRESSED
            rows.append(row)
    table = pd.DataFrame(rows)
    level = ctx.level
    hidden = not bs["_weighted_shown"].all()
    return [Table(
        "change_by_status", table, "Change across the waves by intervention status",
        f"Odds ratios of reporting each {ctx.one} at each later wave against the first, among participants in councils "
        f"not in intervention and in councils in intervention at the wave (a council that moved into or out of "
        f"intervention counts in the group it was in at each wave), with {level} intervals, and their ratio (in "
        "intervention over not), from the models table's GEE (councils as clusters, exchangeable working correlation) "
        "with the wave interacting with the status. 'Differs by status': the test that the change is the same in both "
        "groups, every interaction term together (Wald F test on the Mancl-DeRouen bias-reduced sandwich with "
        f"councils less parameters as its denominator degrees of freedom), Holm-adjusted across "
        + (f"{_status_family_words(ctx, note=True)}, the p the summary states" if ctx.status_family.get("change") else
           f"the {ctx.many} tested")
        + f"; 'Change differs by status' is yes where p < {ctx.alpha:g} after the adjustment. Not tested with "
        "fewer than 10 councils, fewer than 3 councils of a status group at the first wave or a later one, or where every participant or none reported it at every wave "
        "(nothing to compare): the test is unreliable there, and nothing is claimed. The per-group p-values "
        "are each change's own, not adjusted. 'Fit': GEE, or Firth where some wave and status group's participants all "
        "or none reported it (the GEE's change is then infinite): Firth's penalised likelihood with councils as "
        "clusters, profile intervals, penalised likelihood ratio tests divided by the councils' design effect (the "
        "interaction terms together with the Rao-Scott mean design effect). 'Status groups': where no council had one status "
        "at the first wave (status beginning after the review), councils are grouped by whether they ever had it "
        "at a later wave, and each group's change is from the first wave (see the methods)."
        + (" Weighted: the same GEE weighted for missed interviews (each participant by the inverse of their "
           "estimated chance of being interviewed at the wave, on wave, status at the wave and whether they reported "
           "the impact at the first wave; working independence, the same sandwich and F test; Holm-adjusted across "
           "the impacts weighted; not made for a Firth fit): its ratio of the odds ratios at the wave and its test "
           "that the change differs. Where response differs by status (the sample section's test) and the two "
           "tests disagree at "
           f"{ctx.alpha:g}, the summary calls the difference disputed." if weighted else "")
        + _by_status_weighted_limits(ctx, bs)
        + (" Where a count of participants reporting an impact at a wave in a status group is suppressed, that "
           "impact's figures are too, unless the disclosure audit proves that its odds ratios, with everything else "
           "published, narrow no suppressed count (each odds ratio ties a group's count at the wave to its count at "
           "the first); its weighted figures are suppressed there in any case." if hidden else ""),
        {"not_in_odds_ratio": "ratio:2", "Not in intervention: CI": CI("not_in_ci_low", "not_in_ci_high", ratio=True),
         "not_in_p_value": "p", "in_odds_ratio": "ratio:2",
         "In intervention: CI": CI("in_ci_low", "in_ci_high", ratio=True), "in_p_value": "p",
         "ratio_of_odds_ratios": "ratio:2", f"{_IN_OVER_NOT}: CI": CI("ratio_ci_low", "ratio_ci_high", ratio=True),
         "ratio_p_value": "p", "differs_p_value": "p", "differs_p_adjusted": "p",
         **({"weighted_ratio": "ratio:2", "weighted_differs_p_adjusted": "p"} if weighted else {})},
        labels={"impact": "Impact",
                "compared_with": Label("Compared with", description="The wave the change is measured from."),
                **{k: v for prefix, group in (("not_in", "no_intervention"), ("in", "intervention")) for k, v in (
                    (f"{prefix}_odds_ratio", Label(f"{STATUS_LABELS[group]}: odds ratio", description=(
                        "Odds ratio of reporting the impact at the wave against the first, in councils "
                        f"{STATUS_LABELS[group].lower()} at the wave."))),
                    (f"{prefix}_p_value", f"{STATUS_LABELS[group]}: p"))},
                # one part over its three columns, as each status group's ("Not in intervention: odds ratio", ...)
                "ratio_of_odds_ratios": Label(f"{_IN_OVER_NOT}: ratio of the odds ratios", description=(
                    "In intervention over not in intervention (the wave by status interaction): 1 where the change "
                    "is the same in both.")),
                "ratio_p_value": f"{_IN_OVER_NOT}: p",
                "fit": Label("Fit", description=(
                    "GEE; or Firth (penalised likelihood) where a wave and status group's participants all or none "
                    "reported the impact.")),
                "groups": Label("Status groups", description=(
                    "'at the wave': each council in the group it was in at each wave; else the two groups compared "
                    "where no council had one status at the first wave (not in / in intervention).")),
                "differs_p_value": Label("Differs by status: p", description=(
                    "The impact's test that its change across the waves is the same in both status groups (every "
                    "later wave together), unadjusted.")),
                "differs_p_adjusted": Label(
                    f"Differs by status: {STATUS_JOINT_HEADING}" if ctx.status_family.get("change") else
                    "Differs by status: p (Holm)", description=(
                        "That test's p-value, Holm-adjusted with every test of a difference by intervention status "
                        "the summary can state (the models' status terms, the change by status, the survey by "
                        "status), the p the summary states." if ctx.status_family.get("change") else
                        "That test's p-value, Holm-adjusted across the impacts tested.")),
                "differs": Label("Change differs by status", description=(
                    "yes where the adjusted p is below alpha; no; or why it was not tested.")),
                # the weighted columns' labels only where the table has them (a study with no missed interview, or
                # every fit Firth's, has none)
                **({"weighted_ratio": Label("Weighted: ratio of the odds ratios", description=(
                    "In over not in intervention, from the fit weighted for missed interviews.")),
                    "weighted_differs_p_adjusted": Label("Weighted: differs by status, p (Holm)", description=(
                        "The weighted fit's test that the change is the same in both status groups, Holm-adjusted "
                        "across the impacts weighted."))} if weighted else {})})]



def _by_status_weighted_limits(ctx, bs: pd.DataFrame) -> str:
    """The change by status table's sentences on what its weighted fit could not do (truth56): the impacts whose
    weighted check was not possible because their complete-case fit is Firth's; and, from the study's own fits, the
    least ratio of the odds ratios at the last wave the weighted and the complete-case test of one wave's difference
    would find with 80% power at alpha (``(t(1 - alpha/2, df) + t(power, df)) x se``, the usual minimum detectable
    effect of a t test, e.g. Bloom 1995, Evaluation Review 19(5)), the median over the impacts weighted and published,
    with the weighted fits' effective number of participant-waves (Kish) against those interviewed. Empty where there
    is nothing to say."""
    tests = bs[bs["term"].eq("differs")]
    out = ""
    if "w_why_not" in tests.columns:
        firth = [ctx.code(c).lower() for c in tests.loc[tests["w_why_not"].eq(WEIGHTED_NOT_FIRTH), "code"]]
        if firth:
            out += f" The weighted check was not possible for {_listed(firth)}: {WEIGHTED_NOT_FIRTH}."
    out += _by_status_firth_limits(ctx, bs)
    last = ctx.later[-1] if ctx.later else None
    diff = bs[bs["term"].eq("change_difference") & bs["wave"].eq(last) & bs["_shown"].astype(bool)]
    if "w_se" not in diff.columns:
        return out
    diff = diff[np.isfinite(diff[["w_se", "se", "w_df", "df"]].astype(float)).all(axis=1)]
    if diff.empty:
        return out

    w, cc = _least_ratio(ctx, diff["w_se"], diff["w_df"]), _least_ratio(ctx, diff["se"], diff["df"])
    eff = tests.set_index("code").loc[diff["code"], ["n_effective", "n_obs"]].astype(float).median()
    return out + (
        f" At this study's size the weighted fit has about {eff['n_effective']:.0f} effective participant-waves of "
        f"the {eff['n_obs']:.0f} interviewed (Kish; median over the {ctx.many} weighted), and its test of the "
        f"difference at {ctx.wave(last).lower()} would find, with {_POWER:.0%} power at {ctx.alpha:g}, "
        f"only a ratio of the odds ratios of about {w:.1f} or more (or {1 / w:.2f} or less; the complete cases' "
        f"about {cc:.1f}): a smaller difference the weighted test does not find is not shown absent.")


def _least_ratio(ctx, se: pd.Series, df: pd.Series) -> float:
    """The least ratio of the odds ratios a t test of one difference finds with :data:`_POWER` power at alpha, the
    median over the rows' standard errors and df: the exponent of :func:`_detectable_log_odds` (the usual minimum
    detectable effect, e.g. Bloom 1995, Evaluation Review 19(5))."""
    return float(np.exp(np.median(_detectable_log_odds(se.astype(float), df.astype(float), ctx.alpha))))


def _by_status_firth_limits(ctx, bs: pd.DataFrame) -> str:
    """The change by status table's sentence on how little its Firth fits could find (truth58): for the impacts
    published whose fit is Firth's (a wave and status group's participants all or none reported it: a share near 0 or
    1, where a difference on the log-odds scale carries little information), the least ratio of the odds ratios their
    test of each later wave's difference would find with 80% power at alpha, from each fit's standard error
    (:func:`_least_ratio`, the median over those impacts), at every later wave (the difference may lie at one wave
    only, as where councils are in intervention at one wave). Firth's fits have no weighted fit, so the weighted
    sentence (:func:`_by_status_weighted_limits`) never gave it. The figure is a Wald approximation, and said to be one
    with the power measured at it (:data:`FIRTH_DETECTABLE_RATES`, truth59: 35% at 20 councils, where truth58 stated
    it as 80%). Empty where no such fit is published."""
    if "estimator" not in bs.columns:
        return ""
    diff = bs[bs["term"].eq("change_difference") & bs["estimator"].eq("firth") & bs["_shown"].astype(bool)]
    diff = diff[np.isfinite(diff[["se", "df"]].astype(float)).all(axis=1)]
    if diff.empty:
        return ""
    at = [f"about {_least_ratio(ctx, part['se'], part['df']):.1f} or more at {ctx.wave(w).lower()}"
          for w in ctx.later for part in [diff[diff["wave"].eq(w)]] if len(part)]
    names = [ctx.code(c).lower() for c in diff["code"].unique()]
    median = ", the median over those impacts" if len(names) > 1 else ""
    return (f" Where the fit is Firth's ({_listed(names)}), its standard error puts the least ratio of the odds ratios "
            f"its test of one wave's difference would find with {_POWER:.0%} power at {ctx.alpha:g} at "
            f"{_listed(at)}{median}: an approximation, as near all or none the standard error hardly changes with "
            f"the difference or the study's size (a share near all or none carries little information on the "
            f"log-odds scale).{FIRTH_DETECTABLE_RATES} A difference its test does not find is not shown absent, "
            "however large.")


#: What the Firth fits' least detectable ratio was measured to give (truth59; ``python -m
#: bench.truth59_firth_detectable``, bench/truth59_firth_detectable.json: 200 simulated studies a size and phase, one
#: status group's share near all at the later wave, impact's own change_by_status, alpha 0.05). The figure, from the
#: fit's Wald standard error, is about the same at every size (98, 78, 71) while the test's power grows with the study:
#: it was honest at 30 and 40 councils and overstated what the test finds at 20, where no ratio reaches 80% power.
FIRTH_DETECTABLE_RATES = (" In generated studies with one status group's share near all at a wave, a ratio planted at "
                          "the figure so stated (about 98, 78 and 71) was found in 69, 154 and 169 of 200 studies of "
                          "20, 30 and 40 councils (35%, 77%, 85%), and one far larger (every participant of that group "
                          "reporting it) in 66, 150 and 189 (33%, 75%, 95%): with few councils no ratio may be "
                          "found with 80% power.")


def _by_status_claimed(ctx, weak: dict[str, float]):
    """``(rows, tests, disputed, claimed)`` of the change by status (:func:`_by_status_rows`): its rows, its tests
    made, those the weighted fit disputes and those the summary states as found (significant after Holm's adjustment,
    figures published, read well, not disputed), as :func:`_by_status_sentences` and :func:`_change_sentences`
    read them."""
    bs = _by_status_rows(ctx)
    if bs.empty:
        return bs, bs, bs, bs
    doubtful = set(_doubtful_over_waves(ctx, weak))
    tests = bs[bs["term"].eq("differs") & bs["tested"].astype(bool)]
    # where response differs by status, a difference one fit claims and the other does not is no finding
    # either way (as for the changes, :func:`_weighted_disputed`): named with what each fit shows (truth54)
    disputed = _by_status_disputed(ctx, tests[tests["_weighted_shown"] & ~tests["code"].isin(doubtful)])
    claimed = tests[(tests["p_adjusted"] < ctx.alpha) & tests["_shown"].astype(bool)
                    & ~tests["code"].isin(doubtful | set(disputed["code"]))]
    return bs, tests, disputed, claimed


def _by_status_sentences(ctx, weak: dict[str, float]) -> list[str]:
    """'Promotion of learning ... changed differently in councils in and not in intervention (...): between
    expectations before the review and early impact it was reported more often in councils not in intervention (odds
    ratio ...) and less often in those in intervention (...)', one per impact whose test of a change differing by
    status is significant after Holm's adjustment (:func:`impact.effects.change_by_status`), where its figures are
    published and, under machine coding, its change over the waves is a finding; nothing otherwise. The direction in
    each group is its own change's (significant at alpha, else 'no significant change')."""
    bs, tests, disputed, claimed = _by_status_claimed(ctx, weak)
    if bs.empty:
        return []
    n = len(tests)
    first = ctx.wave(ctx.waves[0]).lower()
    at = (lambda w: ctx.short_wave(w).lower()) if len(ctx.later) > 1 else (lambda w: ctx.wave(w).lower())
    la, lb = STATUS_LABELS["no_intervention"].lower(), STATUS_LABELS["intervention"].lower()
    out = []
    if len(disputed):
        out.append(_by_status_disputed_sentence(ctx, disputed))
    for t in claimed.itertuples():
        per = bs[(bs["code"] == t.code) & ~bs["term"].eq("differs")]
        diff = per[per["term"].eq("change_difference")]
        # the waves at which the changes differ on their own (each wave's interaction), else the clearest one
        waves = [w for w in ctx.later if ((diff["wave"] == w) & (diff["p_value"] < ctx.alpha)).any()]
        waves = waves or [str(diff.sort_values("p_value")["wave"].iloc[0])]
        parts = []
        for w in waves:
            groups = []
            ga, gb = _EVER_GROUPINGS.get(str(getattr(t, "grouping", "")), (la, lb))
            for term, label in (("change_not_in_intervention", f"in councils {ga}"),
                                ("change_in_intervention", f"in councils {gb}")):
                r = per[(per["wave"] == w) & per["term"].eq(term)].iloc[0]
                said = (f"was reported {'more' if r['estimate'] > 0 else 'less'} often" if r["p_value"] < ctx.alpha
                        else "showed no significant change")
                groups.append(f"{'' if groups else 'it '}{said} {label} (odds ratio {format_ratio(r['odds_ratio'])}, {ctx.level} CI "
                              f"{format_ci(r['odds_ratio_ci_low'], r['odds_ratio_ci_high'], ratio=True)})")
            parts.append(f"between {first} and {at(w)}, {groups[0]} and {groups[1]}")
        # no weighted check of a Firth fit: said where interviews were missed, so the claim is not read as checked
        unchecked = (" The weighted check of it was not possible: " + WEIGHTED_NOT_FIRTH + "."
                     if getattr(t, "w_why_not", "") == WEIGHTED_NOT_FIRTH else "")
        out.append(f"The change in {ctx.code(t.code).lower()} across the waves differs by intervention status (test of "
                   f"the wave by status interaction, Holm-adjusted {_p_words(t.p_adjusted, ctx.alpha)} across "
                   + (_status_family_words(ctx, brief=True) if ctx.status_family.get("change") else
                      f"the {_say(n)} {ctx.one if n == 1 else ctx.many} tested")
                   + "; table 'Change across the waves by "
                   f"intervention status'): {'; '.join(parts)}.{unchecked}")
    return out


def _by_status_disputed(ctx, tests: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``tests`` (change by status tests, :func:`_by_status_rows`) whose complete-case and weighted tests
    (``p_adjusted``, ``w_p_adjusted``: each Holm-adjusted across the impacts it was made for) disagree on whether the
    change differs at alpha, where the response test finds that response differs by status
    (:func:`_response_differs`). A Firth fit has no weighted test and is not among them."""
    r = ctx.response_test
    if r is None or not r["p_value"] < ctx.alpha or tests.empty or "w_p_adjusted" not in tests.columns:
        return tests.iloc[:0]
    w = tests["w_p_adjusted"].astype(float)
    both = tests[np.isfinite(w)]
    return both[(both["p_adjusted"] < ctx.alpha) != (both["w_p_adjusted"].astype(float) < ctx.alpha)]


def _by_status_disputed_sentence(ctx, disputed: pd.DataFrame) -> str:
    """'Participants in councils in intervention were interviewed less often ..., and the models of change by status
    weighted for the missed interviews disagree with the
    complete-case models on whether the change across the waves differs by intervention status in ...': the impacts
    :func:`_by_status_disputed` found, each with what each fit shows (its Holm-adjusted p), none stated as found."""
    def shows(p: float) -> str:
        return f"differs, Holm-adjusted {_p_words(p, ctx.alpha)}" if p < ctx.alpha else (
            f"no significant difference, Holm-adjusted {_p_words(p, ctx.alpha)}")

    items = [f"{ctx.code(r.code).lower()} (complete cases: {shows(float(r.p_adjusted))}; weighted: "
             f"{shows(float(r.w_p_adjusted))})" for r in disputed.itertuples()]
    one = len(items) == 1
    return (f"{_response_lead(ctx)}, and the models of change by status weighted for the missed interviews (each "
            "participant by the inverse of their estimated chance of being interviewed at the wave, on wave, "
            "intervention status and whether they reported the impact at the first wave) disagree with the "
            "complete-case models on whether the change across the waves differs by intervention status in "
            + _listed(items, semicolons=True) + f": {'this difference is' if one else 'these differences are'} not "
            "stated as found, nor as absent; the table 'Change across the waves by intervention status' sets both "
            "fits' figures side by side.")


def _response_differs(ctx) -> str | None:
    """The summary's caveat where participants in councils in intervention were interviewed significantly more or less
    often than the others (:func:`_response_by_status`): what the test found, with its figures, and what follows: the
    figures pooling the councils at a wave or following the same participants across the waves may lean towards the
    group interviewed more often, and the weighted fits assume that response depends only on what their response model
    holds. A 40-council study with participants in intervention missing 45% and 65% of the later interviews (seed
    47040) was told only how many were missed (truth47). It said "Missed interviews are not at random", a fact from one
    test at 5% (truth57 found it false by chance at 150 councils) and the wrong term: missingness that depends on an
    observed variable (status) is missing at random given it in Rubin's sense, and missing not at random (depending on
    what was not said) is what no test here can show (truth59). None where the test finds no difference."""
    r = ctx.response_test
    if r is None or not r["p_value"] < ctx.alpha:
        return None
    fewer = r["odds_ratio"] < 1
    less, more = _interviewed_less(r)
    shares = ""
    if r["shares"] is not None:
        a, b = r["shares"] if fewer else r["shares"][::-1]
        shares = f"at {ctx.short_wave(r['wave']).lower()}, {a:.0%} of those listed against {b:.0%}; "
    return (f"Participants in councils {less} were interviewed less often than those in councils {more} ({shares}odds "
            f"ratio of being interviewed {format_ratio(r['odds_ratio'])}, {ctx.level} CI {format_ratio(r['ci_low'])} "
            f"to {format_ratio(r['ci_high'])}, {_p_words(r['p_value'], ctx.alpha)}; councils as clusters; a test at "
            f"the {_level_words(ctx.alpha)} level, which can find a difference by chance). Figures that pool councils "
            "in and not in intervention (the shares of statements by wave and their change from wave to wave, "
            f"expectations realised, impacts sustained) may rest more on councils {more} at the waves where fewer of "
            "the others were interviewed; the comparisons by status and the models, their changes across the waves "
            "included, allow for status, and the sensitivity table of the models section weighs the models for the "
            f"missed interviews (the sample section gives them by status). {_WEIGHTED_ASSUME}.")


def _response_lead(ctx) -> str:
    """'Participants in councils in intervention were interviewed less often than those not in intervention (the
    sample section's test of response by status, p below 0.05)': what the response test found, opening the sentences
    that set the weighted fits against the complete cases where it found response differing by status (truth59: they
    opened "Missed interviews are not at random")."""
    less, more = _interviewed_less(ctx.response_test)
    return (f"Participants in councils {less} were interviewed less often than those {more} (the sample section's "
            f"test of response by status, p below {ctx.alpha:g})")


def _interviewed_less(r) -> tuple[str, str]:
    """('in intervention', 'not in intervention'): the status group the response test :func:`_response_by_status`
    found interviewed less often, then the other (that order where no test was made)."""
    if r is None or r["odds_ratio"] < 1:
        return "in intervention", "not in intervention"
    return "not in intervention", "in intervention"


def _level_words(alpha: float) -> str:
    """'5%' of alpha 0.05, '1%' of 0.01, '0.5%' of 0.005."""
    return f"{100 * alpha:g}%"


#: What the fits weighted for missed interviews assume, said wherever response is found to differ by status (truth59).
_WEIGHTED_ASSUME = ("The fits weighted for the missed interviews assume that whether a participant was interviewed "
                    "depends only on what their response model holds (wave and intervention status, and for the "
                    "change by status the participant's report at the first wave), not on what they would have said: "
                    "that no test here can show")


def _few_councils_groups(ctx) -> set[tuple[str, str]]:
    """The (wave, status group) pairs whose participants come from fewer than :func:`_fewest_councils` councils."""
    least = _fewest_councils(ctx)
    return {(k[1], k[2]) for k, v in ctx.ledger.values.items()
            if k[0] == "councils_interviewed_group" and 0 < v < least}


def _fewest_councils(ctx) -> int:
    """The fewest councils a figure by status group may describe: :data:`FEWEST_COUNCILS`, or ``min_count`` where that
    is lower (``min_count=1`` publishes everything)."""
    return min(FEWEST_COUNCILS, ctx.min_count)


#: A count of participants, or a share, of a status group at a wave is published only where the group holds at least
#: this many councils (and at least ``min_count`` participants): with fewer it is a figure about one or two councils
#: that anyone who knows which councils were in intervention (Ofsted's and the DfE's own publications say so) can
#: read as theirs, and either of two councils can subtract its own. The threshold rule of three contributors
#: (Hundepool et al. 2012, *Statistical Disclosure Control*, sec. 4.2 and 5.2). A 5-council study with one council
#: under a direction published the share of its 5 participants reporting each impact at each wave (learning: 5 of 5).
FEWEST_COUNCILS = 3


def _declare_prevalence(ctx) -> None:
    """The counts of participants for whom each measure holds, per code, wave and status group; those of groups of
    fewer councils than :func:`_fewest_councils`, and the group's participants, hidden whatever their size."""
    led = ctx.ledger
    few = _few_councils_groups(ctx)
    for w, g in few:
        led.count(("participants_group", w, g), led.values[("participants_group", w, g)], hide=True)
    for r in ctx.f.prevalence.itertuples():
        key = ("with", r.measure, r.code, r.wave, r.group)
        # Every measure is declared as published, those the report prints nowhere too (credited to the review,
        # anticipated after the first wave): declared unpublished instead (disclosure68), they moved no count of 11
        # studies (bench/disclosure65_attack's six, bench.model_margins' five) and, in round 39's 8 councils (seed
        # 31271), steered the greedy suppression to hide a status group's participants at a wave (its six shares) and
        # three more cells instead of the sample's participants at that wave
        led.count(key, r.events, hide=(r.wave, r.group) in few)
        led.at_most(key, ("participants_group", r.wave, r.group))


def _model_margins(ctx) -> dict[str, list[tuple[tuple, list[tuple]]]]:
    """Each impact's longitudinal model's margins, by impact: ``(margin key, the prevalence table's counts it sums)``
    for each column of the model's design (the intercept: every cell; the status term: the cells in intervention;
    each later wave's term: the wave's cells), over the cells the model is fitted on (the participants of each wave and
    status group reporting the impact, :func:`impact.intervention_effects`'s rows with a status group).

    A binomial model's estimating equations, under an independence working correlation, make each margin equal the
    sum of the fitted probabilities over the same participants, and the model's published coefficients give those up
    to its intercept: beside the prevalence table's published counts, the equations gave hidden counts back by least
    squares (disclosure round 51: 2.87 for a hidden 3, 1.999 for a 2 at 10 councils). The models' exchangeable
    correlation makes them hold nearly; Firth's penalised fit nearly: each margin is taken as published (the
    conservative side). A margin is declared only where the participant panel's rows give the table's own counts (no
    tie is guessed), and only of the impacts whose models are not withheld (:attr:`_Ctx.models_withheld`)."""
    from ..pipeline import MAIN_MEASURE

    m, pp, led = ctx.f.models, ctx.f.participant_panel, ctx.ledger
    if m is None or m.empty or "code" not in m.columns or pp is None or pp.empty:
        return {}
    out = {}
    for code in dict.fromkeys(m["code"]):
        if code in ctx.models_withheld:
            continue
        rows = m[m["code"] == code]
        measure = str(rows["measure"].iloc[0]) if "measure" in rows.columns else MAIN_MEASURE
        d = pp[pp["code"] == code].dropna(subset=["status_group"])
        if measure not in d.columns or d.empty:
            continue
        fitted = d.assign(y=d[measure].astype(bool)).groupby(["wave", "status_group"], observed=True)["y"].sum()
        cells = {(w, g): ("with", measure, code, w, g) for w, g in fitted.index}
        if any(led.values.get(k) != float(fitted[wg]) for wg, k in cells.items()):
            continue  # the table's counts are not the model's: no tie is guessed
        terms = set(rows["term"].astype(str))
        columns = [("all", list(cells.values()))]
        if "in_intervention" in terms:
            columns.append(("intervention", [k for (_, g), k in cells.items() if g == "intervention"]))
        columns += [(("wave", w), [k for (v, _), k in cells.items() if v == w])
                    for w in ctx.waves[1:] if f"wave_{w}" in terms]
        out[code] = [(("model_margin", measure, code, name), keys) for name, keys in columns if keys]
    return out


def _declare_model_margins(ctx) -> None:
    """Declare each shown model's margins (:func:`_model_margins`) as published sums of the prevalence table's counts,
    so that the ledger's secondary suppression hides further cells where a margin with the cells published would
    narrow a hidden count (disclosure round 53). A margin is a count the intruder knows, not one to protect
    (``public``)."""
    led = ctx.ledger
    ctx.model_margins = _model_margins(ctx)
    for margins in ctx.model_margins.values():
        for key, parts in margins:
            led.count(key, sum(led.values[k] for k in parts), public=True)
            led.relation(key, parts)


#: The margins of the trajectory tables that the prevalence tables give: (the table; the waves its participants were
#: seen at; the wave (0, 1, 2) and measure a prevalence count reads; the table's columns whose participants had it).
_TRAJECTORY_MARGINS = (
    ("persistence", (1, 2), 1, "reported", ("persistence_sustained", "persistence_faded")),
    ("persistence", (1, 2), 2, "reported", ("persistence_sustained", "persistence_emerging")),
    ("realisation", (0, 1, 2), 0, "anticipated", ("realisation_realised", "realisation_unmet_expectation")),
)


def _declare_trajectory_margins(ctx) -> None:
    """Tie the trajectory tables to the sample and the prevalence tables: they count the same participants' codings.

    The participants who reported an impact at early impact are those of the table of sustained impact who did
    (sustained and faded) and those seen at early impact but not at the longer-term wave; at the longer-term wave,
    sustained and emerging and those seen there but not at early impact; those who anticipated it at the first wave,
    realised and unmet and those seen then but not at every wave. A table's incomplete participants are those not
    seen at one of its waves, and a wave's participants are those of the table and those seen at the wave only, both
    known from the sample's counts. Untied, a study of 6 councils interviewed in full (every participant at every
    wave, none in intervention) gave back every hidden cell of the table of sustained impact but one: the count
    reporting the impact at a wave less the published cell beside it, the row's total less the rest (disclosure round
    48). Each tie is declared only where the trajectories recomputed from the participant panel give the table's own
    cells and the sample's and prevalence table's counts (no tie is guessed)."""
    from ..trajectories import trajectories

    led, f = ctx.ledger, ctx.f
    t, prev, pp = f.trajectory_summary, f.prevalence, f.participant_panel
    waves = list(ctx.study.wave_ids)
    if t is None or not len(t) or prev is None or prev.empty or pp is None or pp.empty or len(waves) != 3:
        return
    try:
        wide = trajectories(pp, study=ctx.study, unit="participant_id")
    except (ValueError, KeyError):
        return
    if ("participants_all",) in led.values and led.values[("participants_all",)] == led.values[("participants_traj",)]:
        led.relation(("participants_all",), [("participants_traj",)])
    people, seen = wide["participant_id"], {w: wide[w].notna() for w in waves}

    def holds(total, parts) -> bool:
        keys = (total, *parts)
        return all(k in led.values for k in keys) and sum(led.values[k] for k in parts) == led.values[total]

    for kind, needs in {(m[0], m[1]) for m in _TRAJECTORY_MARGINS}:
        inside = np.logical_and.reduce([seen[waves[i]].to_numpy() for i in needs])
        led.unpublished(("traj_inside", kind), people[inside].nunique())
        for code in t["code"]:
            parts = [("traj_inside", kind), ("traj", code, f"{kind}_incomplete")]
            if holds(("participants_traj",), parts):
                led.relation(("participants_traj",), parts)
        for i in needs:
            w = waves[i]
            led.unpublished(("traj_outside", kind, w), people[seen[w].to_numpy() & ~inside].nunique())
            if holds(("participants", w), [("traj_inside", kind), ("traj_outside", kind, w)]):
                led.relation(("participants", w), [("traj_inside", kind), ("traj_outside", kind, w)])
    for kind, needs, at, measure, columns in _TRAJECTORY_MARGINS:
        wave = waves[at]
        inside = np.logical_and.reduce([seen[waves[i]].to_numpy() for i in needs])
        rows = prev[(prev["measure"] == measure) & (prev["wave"] == wave)]
        for code in t["code"]:
            of = (wide["code"] == code).to_numpy()
            parts = [("traj", code, c) for c in columns]
            groups = [("with", measure, code, wave, g) for g in rows.loc[rows["code"] == code, "group"]]
            had = wide[wave].fillna(False).astype(bool).to_numpy() & of
            mine, rest = int((had & inside).sum()), int((had & ~inside).sum())
            # the recomputed trajectories must be the table's, and the prevalence counts their sum: else no tie
            if not groups or not all(k in led.values for k in (*parts, *groups)) or (
                    mine != sum(led.values[k] for k in parts) or mine + rest != sum(led.values[k] for k in groups)):
                continue
            whole, other = ("with_all", measure, code, wave), ("traj_outside_with", kind, code, wave)
            if whole not in led.values:
                led.unpublished(whole, mine + rest)
                led.relation(whole, groups)
            led.unpublished(other, rest)
            led.at_most(other, ("traj_outside", kind, wave))
            led.relation(whole, [*parts, other])


#: Why a row of the attribution table, or its counts by wave, are withheld (:func:`_withhold_statements`).
_STATEMENT_BOUND_WHY = ("counts of statements are not counts of people, but each participant reporting an impact at a "
                        "wave made one statement of it at least, so the statements bound the participants reporting "
                        "it: with the counts of participants published, these would narrow a count the report hides")


def _declare_statement_bounds(ctx, told: DisclosureLedger) -> None:
    """Declare to ``told`` (a copy of the report's ledger) the bounds the attribution table's counts of statements put
    on the prevalence table's counts, which the suppression is not told of: a participant reporting an impact at a
    wave made one statement reporting it there at least, so the participants reporting an impact at the waves after
    the review, over every status group, are at most its statements, and those reporting any impact at a wave at most
    that wave's statements. A bound is declared only where the counts it ties are declared and hold it (the
    attribution table counts one coding's statements: a prevalence table of another is not tied to it). Those
    crediting an impact to the review made one statement so credited, but the report publishes no count of them (the
    ledger declares them all the same): bounding them withheld statements for counts no one can read.

    Declared with the counts, these bounds moved the suppression of unrelated tables (disclosure rounds 65 and 66:
    hidden counts of people published in the attrition and suggestions tables, a 12-council study's models withheld
    whole); :func:`_withhold_statements` reads them after it instead."""
    prev, att = ctx.f.prevalence, ctx.f.attribution
    waves = [w for w in ctx.later if w in list(ctx.study.wave_ids)[1:]]  # the attribution table's waves
    codes = [c for c in att["code"] if c != "all"]
    rows = prev[(prev["measure"] == "reported") & prev["wave"].isin(waves)]
    cells: dict[tuple, list[tuple]] = {}
    for r in rows.itertuples():
        cells.setdefault((r.code, r.wave), []).append(("with", "reported", r.code, r.wave, r.group))
    by_wave = _credits_by_wave(ctx)
    bounds = [(("statement_bound", c), [k for w in waves for k in cells.get((c, w), [])], ("att", c, "reported"))
              for c in codes]
    bounds += [(("statement_bound", w), [k for c in codes for k in cells.get((c, w), [])], ("att_wave", w, "reported"))
               for w in ([] if by_wave is None else by_wave["wave"].unique())]
    for name, parts, limit in bounds:
        if parts and limit in told.values and all(k in told.values for k in parts) and (
                sum(told.values[k] for k in parts) <= told.values[limit]):
            told.unpublished(name, sum(told.values[k] for k in parts))
            told.relation(name, parts)
            told.at_most(name, limit)


def _withhold_statements(ctx) -> None:
    """Withhold the attribution table's rows of statements (and its counts by wave) that would narrow a count of
    participants the report hides, after every other count is decided (:meth:`DisclosureLedger.withhold_narrowing`
    with :func:`_declare_statement_bounds`): the statements of an impact less the participants published reporting it
    bound those hidden (a 12-council study, seed 65003: 29 statements of plans and actions beside 19 and 9 participants
    published left the 2 councils in intervention at the longer-term wave 0 or 1; disclosure round 65, attack 8). The
    counts of statements are published whatever their size otherwise; no other count moves. Each row is withheld
    whole (its counts add up to its total, and its shares are of them), the rows of impacts first, the row of all
    impacts and the counts by wave only where those help."""
    prev, att = ctx.f.prevalence, ctx.f.attribution
    if prev is None or prev.empty or att is None or att.empty or not ctx.later:
        return
    kinds = ("reported", "review", "other", "unclear", *(x for x in OTHER_FACTORS if x != "unclear"))
    groups = [[("att", c, k) for k in kinds] for c in att["code"] if c != "all"]
    groups.append([("att", "all", k) for k in kinds])
    by_wave = _credits_by_wave(ctx)
    groups += [[("att_wave", w, k) for k in _BY_WAVE_CREDITS] for w in
               ([] if by_wave is None else by_wave["wave"].unique())]
    ctx.statements_withheld = ctx.ledger.withhold_narrowing(lambda told: _declare_statement_bounds(ctx, told), groups)


def _median_bounds(n: int, median: float) -> tuple[int, int]:
    """How many of ``n`` councils at least a median share of ``median`` says had a participant reporting the impact
    (a share above 0), and how many had a participant not reporting it (below 1). The shares sorted, an odd ``n``'s
    middle one is the median: above 0, it and those after it are, (n + 1) / 2; 0, it and those before it are 0. An even
    ``n``'s median is the mean of the middle two, each from 0 to 1: above 0, the upper one is above 0 (n / 2), and above
    one half, the lower one too (n / 2 + 1); below 1 and below one half, the same of those below 1.

    Examples
    --------
    >>> _median_bounds(7, 0.0), _median_bounds(7, 0.33), _median_bounds(6, 1.0), _median_bounds(6, 0.5)
    ((0, 4), (4, 4), (4, 0), (3, 3))
    >>> _median_bounds(6, 0.17), _median_bounds(6, 0.67)
    ((3, 4), (4, 3))
    """
    if n % 2:
        return (n + 1) // 2 * (median > 0), (n + 1) // 2 * (median < 1)
    return (n // 2 * (median > 0) + (median > 0.5)), (n // 2 * (median < 1) + (median < 0.5))


def _binary_bounds(n: int, share: float) -> tuple[int, int]:
    """How many of ``n`` councils at least had a participant reporting the impact, and one not reporting it, that a
    row of McNemar's or Cochran's test says: every council's share is 0 or 1 there (one participant a wave, or all
    alike), and the row's value is the share of its councils at 1 (headed "Share of councils", truth round 70), so k of them
    reported it and n - k did not, k read off the share to its printed two places (the fewest and most k it allows).
    Left out of the medians' bounds, a 25-council study of one interview a wave (seed 72311) gave back 7 hidden counts
    of the prevalence table to an intruder's integer programme over the published files (disclosure round 72).

    Examples
    --------
    >>> _binary_bounds(13, 0.31), _binary_bounds(13, 0.0), _binary_bounds(300, 0.5)
    ((4, 9), (0, 13), (149, 149))
    """
    ks = [k for k in range(n + 1) if abs(k / n - round(share, 2)) <= 0.005 + 1e-9] if n else []
    return (min(ks), n - max(ks)) if ks else (0, 0)


def _median_rows(ch: pd.DataFrame) -> list[tuple[dict, str]]:
    """The rows of change_over_time that publish medians of councils' shares (a rank test's: Kendall's W, the matched
    rank-biserial; McNemar's and Cochran's tests, whose values are the shares of councils at 1, :func:`_binary_bounds`),
    each with its status group ('all' where the table has none). A study whose rows were not tested
    has no median column at all (new seed 67671 of bench/withhold_cost.py, 5 councils: the report's build stopped on
    it, a KeyError, when disclosure70's step first ran)."""
    gcol = _group_column(ch)
    return [(r, r[gcol] if gcol else "all") for r in ch.to_dict("records")
            if r.get("effect_type") in ("kendalls_w", "matched_rank_biserial", "difference")]


def _held_waves(ctx) -> list[str]:
    """The study's waves at which an interview was held, in order (every wave where none was)."""
    return ctx.study.wave_ids_held or list(ctx.waves)


def _tested_wave(ctx, r: dict, column: str) -> str:
    """The first or last wave (``column``: ``time_first`` or ``time_last``) a row of the change across the waves was
    tested across: the row's own, else the study's first or last wave at which an interview was held."""
    wave = r.get(column)
    return str(wave) if isinstance(wave, str) and wave else _held_waves(ctx)[0 if column == "time_first" else -1]


def _median_keys(ctx, r: dict, g: str) -> list[tuple[tuple, list[tuple], list[tuple], float]]:
    """The medians of a row of change_over_time published with its councils: ``(code, wave, group)``, the
    prevalence table's counts of the group's participants reporting the impact at the wave and of its participants
    (for all councils together, ``g`` 'all', the counts of every group), and the median as the CSV prints it."""
    reported = _reported_groups(ctx)
    out = []
    # the waves the test ran across (its first and last at which an interview was held, truth71)
    for wave, col in ((_tested_wave(ctx, r, "time_first"), "value_first"), (_tested_wave(ctx, r, "time_last"), "value_last")):
        if pd.isna(r.get(col)):  # a row not tested (fewer than two councils with a complete series) has no median
            continue
        groups = list(reported.get((r["code"], wave), ())) if g == "all" else [g]
        out.append(((r["code"], wave, g), [("with", "reported", r["code"], wave, x) for x in groups],
                    [("participants_group", wave, x) for x in groups], round(float(r[col]), 2)))
    return out


def _reported_groups(ctx) -> dict[tuple, list]:
    """The groups of the prevalence table's rows of measure 'reported' for each ``(code, wave)``, in the table's row
    order: what :func:`_median_keys` selected with three comparisons over the whole table for each median, some
    thousand times in a report of 60 councils (the ledger's trials declare the medians' bounds again each time).
    Made once per prevalence table (kept on ``ctx`` with the table it was made of: read again where ``ctx.f`` holds
    another)."""
    rows = ctx.f.prevalence
    kept = getattr(ctx, "_reported_groups_of", None)
    if kept is not None and kept[0] is rows:
        return kept[1]
    at = rows[rows["measure"] == "reported"]
    out: dict[tuple, list] = {}
    for code, wave, group in zip(at["code"].tolist(), at["wave"].tolist(), at["group"]):
        out.setdefault((code, wave), []).append(group)
    ctx._reported_groups_of = (rows, out)
    return out


def _rank_bounds(r: dict) -> list[tuple[str, int, int]]:
    """What a row of change_over_time's rank statistic says of its councils' shares at the first and last wave, as
    :func:`_median_bounds` of its medians: ``(column, councils with a share above 0 at least, below 1 at least)``.

    At two waves a matched-pairs rank-biserial correlation of +1 (-1) says no council's share fell (rose), and its
    exact p, 2^(1 - m), gives the m councils whose share moved: each had a participant reporting the impact at the wave
    it rose to and one not reporting it at the wave it left. At three waves or more a Kendall's W of 1 says every
    council ordered the waves the same way, none tied: each of the row's councils had a share above 0 at the one of
    the first and last waves with the higher median, and below 1 at the other (disclosure round 71). Where the p is
    the asymptotic (normal) one, the councils that moved are at least what it and its method say
    (:func:`_moved_beyond_exact`): read as round 71 read the exact p only, a correlation of +-1 with a normal p was
    declared as nothing (disclosure round 72).

    Examples
    --------
    >>> _rank_bounds({"effect_type": "matched_rank_biserial", "effect": 1.0, "p_value": 0.03125, "p_exact": True,
    ...               "n": 6, "value_first": 0.0, "value_last": 0.67})
    [('value_last', 6, 0), ('value_first', 0, 6)]
    >>> _rank_bounds({"effect_type": "kendalls_w", "effect": 1.0, "p_value": 0.01, "n": 5, "value_first": 0.5,
    ...               "value_last": 0.2})
    [('value_first', 5, 0), ('value_last', 0, 5)]
    >>> _rank_bounds({"effect_type": "matched_rank_biserial", "effect": 0.6, "p_value": 0.2, "p_exact": True, "n": 6})
    []
    """
    e, p = r.get("effect"), r.get("p_value")
    if e is None or p is None or pd.isna(e) or pd.isna(p) or abs(abs(float(e)) - 1) > 1e-9:
        return []
    if r.get("effect_type") == "matched_rank_biserial":
        exact = r.get("p_exact")
        if exact is not None and not pd.isna(exact) and not bool(exact):
            m = _moved_beyond_exact(float(p))
        else:
            m = round(1 - math.log2(float(p))) if p > 0 else 0
            if not 1 <= m <= int(r["n"]) or abs(2.0 ** (1 - m) - float(p)) > 1e-9:
                return []
        if not 1 <= m <= int(r["n"]):
            return []
        up = float(e) > 0
    elif r.get("effect_type") == "kendalls_w" and float(e) > 0:
        m = int(r["n"])
        first, last = r.get("value_first"), r.get("value_last")
        if first is None or last is None or pd.isna(first) or pd.isna(last) or first == last:
            return []
        up = last > first
    else:
        return []
    rose_to, left = ("value_last", "value_first") if up else ("value_first", "value_last")
    return [(rose_to, m, 0), (left, 0, m)]


def _moved_beyond_exact(p: float) -> int:
    """The councils whose share moved at least, by what a matched-pairs rank-biserial correlation of +-1 with an
    asymptotic p says: the normal p is given only beyond :data:`impact.stats._change.EXACT_SIGNED_RANK_MAX` non-zero
    differences, and with every one signed the same way its z is m(m + 1) / 4 over the statistic's standard deviation,
    which the ties lower to at most sqrt(m) (all m tied: sd sqrt(m) (m + 1) / 4), so m >= z^2. The intruder reads as
    much off the row; with the ties unknown, no more than m within z^2 and about 4 z^2 / 3 (no ties).

    Examples
    --------
    >>> from scipy import stats
    >>> _moved_beyond_exact(2 * stats.norm.sf(25.0)), _moved_beyond_exact(0.001), _moved_beyond_exact(0.0)
    (625, 401, 401)
    """
    from scipy import stats

    from ..stats._change import EXACT_SIGNED_RANK_MAX

    z = float(stats.norm.isf(p / 2)) if p > 0 else math.inf
    return max(EXACT_SIGNED_RANK_MAX + 1, math.ceil(z * z - 1e-6) if math.isfinite(z) else 0)


def _declare_at_least(told: DisclosureLedger, kind: str, name: tuple, with_: list[tuple], whole: list[tuple],
                      some: int, short: int) -> None:
    """Declare to ``told`` that the counts ``with_`` (participants reporting an impact) sum to ``some`` at least, and
    the participants ``whole`` less them to ``short`` at least, each a public count of its own under ``kind`` and
    ``name`` that :meth:`DisclosureLedger.withhold_narrowing` can withhold; where the counts hold it."""
    if not with_ or any(k not in told.values for k in (*with_, *whole)):
        return
    n_with, n_all = sum(told.values[k] for k in with_), sum(told.values[k] for k in whole)
    if not some <= n_with <= n_all - short:
        return
    if len(with_) > 1:
        told.unpublished((f"{kind}_with", *name), n_with)
        told.relation((f"{kind}_with", *name), with_)
        told.unpublished((f"{kind}_all", *name), n_all)
        told.relation((f"{kind}_all", *name), whole)
    w_key = with_[0] if len(with_) == 1 else (f"{kind}_with", *name)
    a_key = whole[0] if len(whole) == 1 else (f"{kind}_all", *name)
    if some:
        told.count((f"{kind}_some", *name), some, public=True)
        told.at_most((f"{kind}_some", *name), w_key)
    if short:
        told.count((f"{kind}_short", *name), short, public=True)
        told.unpublished((f"{kind}_rest", *name), n_with + short)
        told.relation((f"{kind}_rest", *name), [w_key, (f"{kind}_short", *name)])
        told.at_most((f"{kind}_rest", *name), a_key)


def _declare_median_bounds(ctx, told: DisclosureLedger) -> None:
    """Declare to ``told`` (a copy of the report's ledger) the bounds change_over_time's medians put on the prevalence
    table's counts, which the suppression is not told of. A median share of the ``n`` councils of a row says how many
    of them at least had a participant reporting the impact at that wave, and not reporting it
    (:func:`_median_bounds`): each such council was interviewed at the wave in
    the row's status group (a council is followed within its group), so the group's participants reporting the
    impact are at least the first number, and those not reporting it at least the second. Declared for the rows
    whose councils are published (the medians are not, otherwise), where the counts hold them, each median with a
    count of its own that :func:`_withhold_medians` can withhold (the prevalence cells' bounds are this median's).
    The row's rank statistic with its p (:func:`_rank_bounds`) likewise, under ``rank_``: together with the medians
    and the statements, a two-wave study of 20 councils (seed 71571) left a hidden count 2 to 5 (disclosure round 71)."""
    ch = ctx.f.change
    if ch is None or not len(ch) or ctx.f.prevalence is None:
        return
    beside = _tests_beside_hidden(ctx)
    for r, g in _median_rows(ch):
        if not ctx.shown(("councils_complete", g)):
            if (r["code"], g) in beside:
                # the test published beside its hidden councils says they are at least those whose share moved (its
                # p-values and rank statistic are theirs alone), and 2 at least (a row of fewer is not tested)
                told.count(("tested", r["code"], g), beside[r["code"], g], public=True)
                told.at_most(("tested", r["code"], g), ("councils_complete", g))
                keys = {name[1]: (name, with_, whole) for name, with_, whole, _ in _median_keys(ctx, r, g)}
                for col, some, short in _rank_bounds(r):
                    wave = ctx.waves[0] if col == "value_first" else ctx.waves[-1]
                    if wave in keys:
                        _declare_at_least(told, "rank", *keys[wave], some, short)
            continue
        keys = {name[1]: (name, with_, whole) for name, with_, whole, _ in _median_keys(ctx, r, g)}
        for name, with_, whole, median in _median_keys(ctx, r, g):
            _declare_at_least(told, "median", name, with_, whole, *(
                _binary_bounds(int(r["n"]), median) if r.get("effect_type") == "difference" else
                _median_bounds(int(r["n"]), median)))
        for col, some, short in _rank_bounds(r):
            wave = _tested_wave(ctx, r, "time_first" if col == "value_first" else "time_last")
            if wave in keys:
                _declare_at_least(told, "rank", *keys[wave], some, short)


def _tests_beside_hidden(ctx) -> dict[tuple, int]:
    """The rows of change_over_time whose councils are hidden to protect another count (not for their own size) and
    whose test can be published beside them: ``(code, group) -> the fewest councils the test says were followed``,
    max(2, the councils whose share moved).

    A row's councils hidden as secondary (20 councils, two waves, seed 72306: the 15 not in intervention followed at
    both waves, beside the 19 interviewed at each, would leave the 5 in intervention 0 to 4) withheld its whole row,
    the test too (disclosure round 72). The tests' p-values are those of the councils whose share moved alone
    (Wilcoxon's test drops the councils whose share did not change; McNemar's p is of the discordant councils; Cochran's
    Q and Friedman's statistic are the same with a council of one share throughout added), and so is the matched
    rank-biserial correlation: published, they say the row's councils are at least those that moved, no more, which is
    declared (:func:`_declare_median_bounds`) and withheld with them where it narrows a hidden count
    (:func:`_withhold_medians`). Kendall's W and the difference of two shares are the statistic over the row's
    councils: with the p they give the hidden count (W = chi-square / (n (k - 1))), so they stay withheld with the
    medians. Findings made before ``n_moved`` have none."""
    ch = ctx.f.change
    if ch is None or not len(ch) or "n_moved" not in ch.columns:
        return {}
    gcol = _group_column(ch)
    out = {}
    for r in ch.to_dict("records"):
        g = r[gcol] if gcol else "all"
        # a row of fewer councils than the threshold keeps its test withheld: it would describe so few councils'
        # change (as the comparisons of fewer councils on a side are withheld)
        if ctx.shown(("councils_complete", g)) or ctx.ledger.below_threshold(("councils_complete", g)) \
                or not r.get("test") or pd.isna(r.get("p_value")) or pd.isna(r.get("n_moved")):
            continue
        out[r["code"], g] = max(2, int(r["n_moved"]))
    return out


def _withhold_medians(ctx) -> None:
    """Withhold change_over_time's medians that would narrow a count of participants the report hides, after every
    other count is decided (:meth:`DisclosureLedger.withhold_narrowing` with :func:`_declare_median_bounds`, and the
    statements' bounds the intruder holds too): a median says how many of the row's councils at least had a
    participant reporting the impact, and not reporting it, which with the published counts can leave a hidden count
    of the prevalence table fewer than ``min_count`` values (20 councils, seed 70613: the 12 councils not in
    intervention with a median of 17% before the review, 6 at least with a participant reporting commitment, left
    the hidden count 6 to 8 and that of the councils in intervention 0 to 2; disclosure round 70). Each median is
    withheld alone; no count moves."""
    ch = ctx.f.change
    if ch is None or not len(ch) or ctx.f.prevalence is None:
        return
    rows = _median_rows(ch)
    # a row of McNemar's or Cochran's test publishes the difference of its two shares beside them, so one of them
    # withheld is the other less the difference: both waves' bounds are one group, withheld with the difference and
    # the p's (:func:`_binary_bounds`; disclosure round 72)
    groups = [[(kind, *name) for kind in ("median_some", "median_short")]
              for r, g in rows if r.get("effect_type") != "difference" for name, *_ in _median_keys(ctx, r, g)]
    groups += [[(kind, *name) for name, *_ in _median_keys(ctx, r, g) for kind in ("median_some", "median_short")]
               for r, g in rows if r.get("effect_type") == "difference"]
    # a row's rank statistic and its p, withheld together (its bounds at both waves): after the medians, which the
    # greedy tries first among equals
    groups += [[(kind, *name) for name, *_ in _median_keys(ctx, r, g) for kind in ("rank_some", "rank_short")]
               for r, g in rows if r.get("effect_type") != "difference" and ctx.shown(("councils_complete", g))]
    # a test beside its hidden councils, withheld whole (its p's, and its rank statistic with what it says)
    beside = _tests_beside_hidden(ctx)
    groups += [[("tested", r["code"], g), *((kind, *name) for name, *_ in _median_keys(ctx, r, g)
                                             for kind in ("rank_some", "rank_short"))]
               for r, g in rows if (r["code"], g) in beside]

    def told(led: DisclosureLedger) -> None:
        _declare_statement_bounds(ctx, led)
        _declare_median_bounds(ctx, led)

    withheld = ctx.ledger.withhold_narrowing(told, groups)
    ctx.medians_withheld = {k[1:] for k in withheld if k[0].startswith("median_")}
    ctx.ranks_withheld = {(k[1], k[3]) for k in withheld if k[0].startswith("rank_")
                          and ctx.shown(("councils_complete", k[3]))}
    ctx.tests_beside_hidden = {key for key in beside if ("tested", *key) not in withheld}
    ctx.tests_withheld_beside = set(beside) - ctx.tests_beside_hidden
    for r, g in rows:
        if r.get("effect_type") == "difference" and any(k[0] == r["code"] and k[2] == g for k in ctx.medians_withheld):
            ctx.medians_withheld |= {name for name, *_ in _median_keys(ctx, r, g)}
            ctx.ranks_withheld.add((r["code"], g))


def _framework_rows(ctx) -> pd.DataFrame | None:
    """The framework matrix's rows of interviewed councils (None where the themes were not analysed)."""
    th = ctx.f.themes
    if th is None or not len(th):
        return None
    return th[th["interviewed"]].copy()


def _declare_framework(ctx) -> None:
    """The framework matrix by group's counts of councils raising each theme, declared like every other count: its
    cells below ``min_count`` were hidden by a rule of its own, so the ledger neither audited them nor listed them.

    A group's councils are known to an intruder (all the councils interviewed, which the sample section publishes;
    those in intervention at some wave, which is public record), so the councils of a group that did *not* raise a
    theme are a count as well, declared with the group as their total: '7 councils' of 8 interviewed told which one
    did not raise it (disclosure round 40). Where that complement is below ``min_count`` the ledger hides the count
    that gives it back."""
    th = _framework_rows(ctx)
    if th is None or th.empty or ctx.identify or ctx.council_matrix:
        return
    group_of, _ = _matrix_groups(ctx, th)
    th = th.assign(group=th["council_id"].astype(str).map(group_of))
    size = th.groupby("group", observed=True)["council_id"].nunique()
    for g, n in size.items():
        ctx.ledger.count(("theme_group", g), int(n), public=True)
    raised = th[th["raised"].astype(bool)].groupby(["code", "group"], observed=True)["council_id"].nunique()
    for code in dict.fromkeys(th["code"]):
        for g in dict.fromkeys(th["group"]):
            key, n = ("theme_councils", code, g), int(raised.get((code, g), 0))
            ctx.ledger.count(key, n)
            ctx.ledger.count(("theme_not_raised", code, g), int(size[g]) - n)
            ctx.ledger.relation(("theme_group", g), [key, ("theme_not_raised", code, g)])


def _left_out(ctx) -> pd.DataFrame:
    """The interviews (with a wave) the analysis left out as not coded (:attr:`impact.pipeline.Findings.not_coded`)."""
    nc = ctx.f.not_coded
    if nc is None:
        return pd.DataFrame(columns=["interview_id", "participant_id", "council_id", "wave"])
    return nc[nc["wave"].isin(ctx.waves)]


def _not_coded_words(ctx) -> str | None:
    """How many interviews were left out as not coded and why, as a sentence (None when none were)."""
    n = int(ctx.ledger.values.get(("interviews_not_coded",), 0))
    if not n:
        return None
    one = n == 1
    it, its, they = ("it", "its", "It was") if one else ("them", "their", "They were")
    supplied = f" and no coding of {it} was supplied" if ctx.f.coding.get("source") == "supplied" else ""
    return (f"{n} interview{'' if one else 's'} had no respondent speech in {its} transcript (every turn was the "
            f"interviewer's){supplied}, so nothing in {it} could be coded. {they} treated as missing, like "
            f"{'an interview' if one else 'interviews'} not held, not as {'an interview' if one else 'interviews'} in "
            f"which nothing was reported: left out of every count, share, comparison and model, and a council whose "
            f"only {'interview at a wave it was' if one else 'interviews at a wave they were'} counts as not "
            "interviewed there (the attrition table gives them by wave).")


def _vocabulary(ctx):
    """Labels for people: the study's waves, the codebooks' codes, this report's own columns."""
    from ..coding import Codebook
    from ._labels import Vocabulary

    extra_codes = {"all": ctx.codes_as("All impacts"), "general": "The programme in general"}
    titles = {ctx.f.codebook.id: ctx.redacted(ctx.f.codebook.title or ctx.f.codebook.id)}
    for name in ("review_process", "review_themes"):
        book = Codebook.load(name)
        extra_codes.update(dict(zip(book.codes["code_id"], book.codes["label"], strict=True)))
        titles.setdefault(book.id, ctx.redacted(book.title or book.id))
    # every other codebook the hand check was compared on, by its title too (its tables' captions name it)
    for frame in (ctx.f.reliability, ctx.f.reliability_by_wave, ctx.f.reliability_by_status):
        for book_id in ([] if frame is None or "codebook" not in frame.columns else frame["codebook"].unique()):
            if str(book_id) not in titles:
                try:
                    book = Codebook.load(str(book_id))
                except Exception:  # noqa: BLE001 - a codebook that cannot be loaded is named by its identifier
                    continue
                titles[str(book_id)] = ctx.redacted(book.title or book.id)
    la, lb = STATUS_LABELS["no_intervention"], STATUS_LABELS["intervention"]
    columns = {
        "impact": Label(ctx.codes_as("Impact")), "factor": Label("Part of the review or factor"),
        "concerning": Label("What the suggestion concerns"), "council_type": Label("Council type"),
        "intervention": Label("Intervention status"), "expectations": Label("Expectations of the review"),
        "n_with": Label("Participants", description="Participants for whom the measure holds.", format="int"),
        "n_participants": Label("Participants interviewed", format="int"),
        "n_a": Label(f"Councils {la.lower()}", format="int"), "n_b": Label(f"Councils {lb.lower()}", format="int"),
        "median_a": Label(f"Median share, {la.lower()}", format="pct:0"),
        "median_b": Label(f"Median share, {lb.lower()}", format="pct:0"),
        "mean_a": Label(f"Mean share, {la.lower()}", format="pct:0"),
        "mean_b": Label(f"Mean share, {lb.lower()}", format="pct:0"),
        "difference_type": Label("Difference estimated as", description=(
            "How the row's difference is estimated: the Hodges-Lehmann shift, or the difference in mean shares where "
            "councils' shares are heavily tied. Shown in the report and workbook only where rows differ; where every "
            "row says the same, the methods sentence above the table says it once and this column is in the CSV "
            "only.")),
        "difference": Label("Difference in share", "percentage points"),
        "n_reported": Label(ctx.codes_as("Statements reporting an impact"), format="int"),
        # each count and its share under one heading of what they are credited to, said once over both (header_groups):
        # headed whole, each over a column of figures as narrow as its longest word, Word's 8 pt table printed
        # "Share / credited / to the / review" and "Cause / left / open" a word a line (render58)
        "n_review": Label("Credited to the review: count", format="int"),
        "n_other": Label("Credited to another factor: count", format="int"),
        "n_unclear": Label("Cause left open: count", format="int"),
        "share_review": Label("Credited to the review: share", "%", format="pct:0"),
        "share_other": Label("Credited to another factor: share", "%", format="pct:0"),
        "share_unclear": Label("Cause left open: share", "%", format="pct:0"),
        "n_raised": Label("Participants who raised it", format="int"),
        "n_helped": Label("Said it helped", format="int"), "n_hindered": Label("Said it hindered", format="int"),
        "n_mixed": Label("Said both", format="int"), "n_neutral": Label("Said neither", format="int"),
        "share_helped": Label("Share who said it helped", format="pct:0"),
        "credited_to": Label("Credited to"), "contrast": Label("Contrast"),
        "n_flagged": Label("Values not published by the source", format="int"),
        # a count headed by its category alone ('Leadership', 'Other programme', 'Sustained') did not say what it
        # counts: each says whom (participants) or to what (the credits of statements)
        # the other factors under one heading, "Credited to" said once over them (header_groups): "Credited / to /
        # funding" printed a word a line in Word's 8 pt table of credits (render58)
        **{f"n_{k}": Label(f"Credited to: {v}", format="int") for k, v in _FACTOR_LABELS.items()},
        **{f"n_{k}": Label(f"Participants: {v.lower()}", format="int")
           for k, v in {**_REALISATION_LABELS, **_PERSISTENCE_LABELS}.items()},
    }
    # The study's wave and code labels as the report publishes them (redacted: see _Ctx.redacted).
    study = Vocabulary.for_study(ctx.study, ctx.f.codebook).with_waves(ctx.wave_labels).with_codes(ctx.code_labels)
    study = dataclasses.replace(study, confidence=ctx.level)  # column labels name the run's level, not always 95%
    return study.updated(
        columns=columns,
        values={"code": extra_codes, "council_type": dict(vocab.COUNCIL_TYPES),
                "expectations": {"realised": "Realised", "unmet": "Not realised"},
                # the codebook by its title: its identifier put into words ("nfer impacts") named nothing a reader
                # knows; provenance.json keeps the identifier
                "codebook": titles},
        domains={"factor": "code", "concerning": "code", "council_type": "council_type", "contrast": "term",
                 "expectations": "expectations"},
    )


def _group_column(change: pd.DataFrame) -> str | None:
    """The change table's status-group column, None where its tests are across all councils. The columns
    change_over_time gives McNemar's rows (``n_discordant``, ``n_up``, ``n_down``) are not groups: a McNemar table
    across all councils (8 never in intervention, one interview a wave, seed 731030) was read by them, its councils
    followed declared once per number of discordant councils, as four groups of 5 among 8 councils, tied to nothing,
    and its rows printed those numbers as their status (disclosure round 73)."""
    known = {"code", "impact", "outcome", "test", "n", "n_times", "time_first", "time_last", "value_first", "value_last",
             "effect_type", "effect", "statistic", "df", "p_value", "p_asymptotic", "p_exact", "p_adjusted",
             "measure", "n_moved", "n_discordant", "n_up", "n_down"}
    cols = [c for c in change.columns if c not in known]
    return cols[0] if cols else None


def _prepared(findings, identify, min_count, quote_k, key, council_matrix, history=None) -> _Ctx:
    """What every section reads: the context with every count published declared to its ledger, protected and the
    needlessly hidden released, and the p-values adjusted beside what is withheld.

    The shown models' margins are declared with the counts (:func:`_declare_model_margins`); where the ledger's
    suppression cannot protect a hidden count that a model's margins narrow (:func:`_models_unprotected`), that model
    is withheld whole and the ledger built again without its margins (disclosure round 53). Then the attribution
    table's counts of statements that would narrow a hidden count are withheld (:func:`_withhold_statements`).

    With ``history`` (a :class:`~impact.privacy._history.ReleaseHistory`), the earlier releases of the study it holds
    are merged into the ledger before anything is decided (:func:`~impact.privacy._history.merge_releases`), and the
    release this report makes is handed back to it (disclosure round 77)."""
    _refuse_enumerated(findings)
    withheld: list[str] = []
    ctx = _Ctx(findings, identify, min_count, quote_k, key, council_matrix)
    _declare(ctx)
    declared = ctx.ledger  # every count and relation declared, nothing decided: each pass decides a copy of it
    ctx.earlier_releases = 0
    own = None
    if history is not None:
        own = declared._declared()
        own = b"" if own is None else own[0]
    held = ctx.study.wave_ids_held or ctx.waves  # the waves the release covers: a draft of it holds the same
    merging: list = []  # (whether the releases were merged before: their warnings are given once)
    while True:
        ctx.ledger = declared.undecided()
        if history is not None:
            # the earlier releases merged into each pass's ledger (its own counts declared without the margins of the
            # models withheld, an earlier release's of the same name then its own: it published them)
            # (a count of the same wave with another value now is warned of to the user, once)
            with recorded_warnings() if merging else contextlib.nullcontext() as said_before:
                ctx.earlier_releases = history.merge(ctx.ledger, declared=own, waves=held)
            merging = merging or [said_before]
        with recorded_warnings() as caught:
            ctx.ledger.protect()
            # the counts hidden as secondary that an intruder knows exactly (equal to published cells: the trajectory
            # tables' incomplete participants) published again first: hidden, they kept every count tied to them
            # hidden (disclosure round 51)
            ctx.ledger.release_pinned()
            # those whose publication narrows only counts hidden as secondary, with them, before the smaller counts
            # release_unneeded publishes alone (disclosure round 75: a 30-council study's councils of each status
            # group, its comparisons table whole, hidden while the councils with a notice were published)
            ctx.ledger.release_with_narrowed()
            # the counts hidden as secondary that no rule needs hidden published again (disclosure round 40)
            ctx.ledger.release_unneeded()
            # and those whose publication pins only counts hidden as secondary, with them (disclosure round 51)
            ctx.ledger.release_with_pinned()
        more = [c for c in _models_unprotected(ctx) if c not in withheld]
        if not more:
            break
        withheld += more
        # the ledger declared again without the margins of the models withheld: the same counts and relations but
        # those (a margin is a count of its own, named by no relation but its sum), in the order declared, as
        # declaring the rest alone gives (only _model_margins reads ctx.models_withheld while declaring)
        ctx.models_withheld = list(withheld)
        declared = declared.without([k for c in more for k, _ in ctx.model_margins.pop(c, ())])
    # the counts hidden for their size that the published counts give exactly, the models decided (a model's margins
    # pinning a count withhold the model, not publish the count): their 'c' hid nothing (a one-council study's 1
    # council of its type, status and DfE values; disclosure round 72)
    with recorded_warnings() as known:
        ctx.ledger.release_known()
    with recorded_warnings() as told:
        # the statements that bound hidden counts of participants, decided after the rest (which they leave as it is)
        _withhold_statements(ctx)
        # then the medians of change across the waves that would narrow a hidden count, with the statements' bounds
        _withhold_medians(ctx)
        # and last provenance.json's count of transcript files, where it would narrow one (disclosure round 74)
        _withhold_transcript_files(ctx)
    ctx.disclosure_warnings = [str(w.message) for w in [*caught, *known, *told]]
    if history is not None:
        history.made(ctx.ledger, waves=held, declared=own)
    ctx.f = _without_withheld_models(ctx)
    ctx.f = _adjusted_beside_withheld(ctx)
    ctx.f = _status_claims_together(ctx)
    return ctx


def _earlier_releases(ctx) -> str:
    """The methods' clause saying how many earlier releases of the study the suppression took into account (never
    what they held); nothing where none was (disclosure round 77)."""
    n = getattr(ctx, "earlier_releases", 0)
    if not n:
        return ""
    return (f"; the suppression also took into account {_counted(n, 'earlier release')} of this study (the counts "
            "each published, and those it withheld), so that this report and the earlier ones read together give "
            "back no suppressed count")


def _models_unprotected(ctx) -> list[str]:
    """The impacts whose model's margins (:func:`_model_margins`), declared to the ledger, narrow a hidden count that
    no suppression protects: a count the ledger's audit finds narrowed below the threshold with the margins and not
    without them (on the same counts hidden). A narrowed count of an impact's own is its model's doing; any other
    (participants of a status group, a trajectory cell) that of every model whose hidden counts a chain of relations
    ties to it. E.g. a wave's total reporting an impact of 3 (10 councils, seed 7: the first wave's, the model's
    intercept margin less its later waves') narrows both its status groups' counts to 0 to 3 whatever is hidden."""
    margins = ctx.model_margins
    own = {cell: code for code, ms in margins.items() for _, parts in ms for cell in parts}
    narrowed = ctx.ledger.narrowed_by([key for ms in margins.values() for key, _ in ms], own)
    codes = set()
    for k, tied in narrowed.items():
        codes |= {own[k]} if k in own else {own[c] for c in tied}
    return [c for c in dict.fromkeys([*ctx.codes, *margins]) if c in codes]


def _models_of_suppressed(ctx) -> list[str]:
    """The impacts whose model :func:`_prepared` withholds (:func:`_models_unprotected`), in report order."""
    m = ctx.f.models
    if m is None or m.empty or "code" not in m.columns:
        return []
    return [c for c in dict.fromkeys([*ctx.codes, *m["code"]]) if c in set(ctx.models_withheld)]


def _without_withheld_models(ctx):
    """``ctx.f`` with the rows of each model :func:`_models_of_suppressed` withholds left out, every term of it
    (recorded in ``ctx.models_withheld``), and the adjusted p-values of the rest adjusted again across the tests
    published alone: a published row's Holm-adjusted p computed with a withheld one's p would carry it (disclosure
    round 42), and a test withheld makes no claim, so it leaves the family (whether a model is withheld depends on the
    counts, never on its p-values)."""
    ctx.models_withheld = _models_of_suppressed(ctx)
    m = ctx.findings_models = ctx.f.models
    if not ctx.models_withheld:
        return ctx.f
    kept = m[~m["code"].isin(ctx.models_withheld)].copy()
    method = ctx.f.parameters.get("adjust", "holm")
    if method is not None and len(kept) and {"term", "p_value", "p_adjusted"} <= set(kept.columns):
        from ..stats import adjust_pvalues

        # the models' families (impact.intervention_effects): each term across codes, the wave terms together
        adjusted = kept["p_adjusted"].astype(float).copy()
        for _, idx in kept.groupby(holm_family(kept["term"])).groups.items():
            tested = idx[np.isfinite(adjusted[idx].to_numpy())]
            if len(tested):
                adjusted[tested] = adjust_pvalues(kept.loc[tested, "p_value"].astype(float).to_numpy(), method)
        kept["p_adjusted"] = adjusted
    if "ri_few_distinct" in kept.columns and m.loc[m["code"].isin(ctx.models_withheld), "term"].eq(
            "in_intervention").any():
        # the analysis flagged the status tests where no p adjusted across all of them could fall below alpha (their
        # number at least alpha times the N distinct reassignments); with some withheld the family is smaller, and N,
        # which no report may know (disclosure round 44), can no longer be said to be so small: no floor is stated
        kept["ri_few_distinct"] = False
    return dataclasses.replace(ctx.f, models=kept, change_by_status=_by_status_kept(ctx))


def _by_status_kept(ctx) -> pd.DataFrame | None:
    """``ctx.f.change_by_status`` without the impacts whose models are withheld, and its tests of a change differing
    by status adjusted again (Holm) across those left: a withheld model makes no claim, so its test leaves the family
    (as :func:`_without_withheld_models` does for the models' own)."""
    bs = getattr(ctx.f, "change_by_status", None)
    if bs is None or bs.empty or not ctx.models_withheld:
        return bs
    kept = bs[~bs["code"].isin(ctx.models_withheld)].copy()
    test = kept["term"].eq("differs") & kept["tested"].astype(bool)
    if test.any():
        from ..stats import adjust_pvalues

        kept.loc[test, "p_adjusted"] = adjust_pvalues(kept.loc[test, "p_value"].astype(float).to_numpy(), "holm")
    return kept


#: The suppression ledger's reason ``model_margin``: a count of the prevalence table that a shown model's margins sum
#: (:func:`_model_margins`), hidden.
_MODEL_MARGIN_REASON = ("a count below {min_count} (--min-count), or one from which, with the counts published and the "
                        "totals the longitudinal model of its impact gives away (the participants reporting the impact "
                        "in all, in intervention and at each later wave), such a count could be worked out (which of "
                        "the two is not said: saying so would narrow it)")


#: Why a model is withheld whole (:func:`_models_of_suppressed`), as the notes, the summary and the suppression ledger
#: say it.
_MODEL_WITHHELD_WHY = ("its estimates, beside the counts published, would narrow counts of participants that the "
                       "tables suppress, and no further suppression could prevent it")


def assemble(findings, *, identify: bool = False, min_count: int = 5, quote_k: int = 5, key=None,
             council_matrix: bool = False, history=None):
    """Return ``(report, extra_files)`` for :func:`impact.pipeline.run`.

    The ledger's decisions (:func:`_prepared`) are taken now, and the sections whose tables the published provenance
    reads (:func:`_provenance_tables`) are built now; the summary, the quotes, the framework matrix, the review
    process and the methods (with the suppression ledger, which reads every section) are built when first read
    (:class:`impact.report.Section`), as :func:`impact.report.render` reads them before it writes anything, and the
    extra files (the quotes' redaction log and ``tables/quotes.csv``) when first read (:class:`_FilesWhenRead`). ``history``: :func:`_prepared`'s. Each
    part records what it withholds on its own (:class:`_Part`), so the suppression ledger lists it in this order,
    whatever order the parts were read in."""
    ctx = _prepared(findings, identify, min_count, quote_k, key, council_matrix, history)
    flagged = _machine_flag(ctx)
    quotes = _Part(ctx, lambda: _quotes(ctx))
    parts: list[_Part] = [quotes]  # in the order the suppression ledger lists what they withheld

    def now(build) -> Section | None:
        parts.append(_Part(ctx, build, later=False))
        section = parts[-1]()
        return None if section is None else flagged(section)

    def later(title: str, build) -> Section:
        parts.append(part := _Part(ctx, build))
        return _section_later(title, lambda: flagged(part()))

    sections = [
        later(_SUMMARY, lambda: _summary(ctx)),
        now(lambda: _sample(ctx)),
        now(lambda: _expectations(ctx)),
        now(lambda: _prevalence(ctx)),
        now(lambda: _trajectories(ctx)),
        now(lambda: _attribution(ctx)),
        now(lambda: _comparisons(ctx)),
        now(lambda: _models(ctx)),
        now(lambda: _actions_and_indicators(ctx)),
        later(_FRAMEWORK, lambda: _framework(ctx, quotes()[2])) if _has_framework(ctx) else None,
        _section_later(_QUOTES, lambda: flagged(quotes()[0])),
    ]
    if ctx.f.process is not None:
        parts.append(process := _Part(ctx, lambda: _process_sections(ctx)))
        sections += [_section_later(title, functools.partial(lambda i: flagged(process()[i]), i))
                     for i, title in enumerate(_PROCESS)]
    sections.append(now(lambda: _reliability(ctx)))
    sections = [s for s in sections if s is not None]
    # the published provenance reads the tables of the sections built now (no section built when read has such a
    # table: _section_later)
    provenance = _Part(ctx, lambda: _published_provenance(ctx, [s for s in sections if s.built]), later=False)
    # the limitations read the tables as built (what the comparisons table shows of the councils by status)
    methods = _Part(ctx, lambda: _methods(ctx, _built_tables(sections)))
    parts += [methods, provenance]

    def with_ledger() -> Section:
        last = flagged(methods())
        ctx.suppressions = [r for part in parts for r in part.suppressions]
        return _with_suppression_ledger(ctx, [*sections, last])[-1]

    report = Report(
        title=f"Impact of safeguarding children peer reviews: {ctx.title}",
        subtitle="Programme-level findings across the waves of the study",
        # whether the framework matrix ties statements to councils is part of what was published
        provenance={**provenance(), "council_matrix": bool(council_matrix)},
        sections=[*sections, _section_later(_METHODS, with_ledger)],
        vocabulary=ctx.vocabulary,
    )
    from ._xlsx import table_csv

    models, models_csv = ctx.f.models, None
    if models is not None and len(models):
        cols = ["code", "measure", "term", "estimate", "se", "ci_low", "ci_high", "p_value", "p_adjusted", "p_method",
                "p_value_model", "n_units", "separation", "few_events", "estimator", "not_a_finding"]
        # the rows the report does not state as findings are marked here too: an analyst reads this file, not the notes
        models = models.assign(not_a_finding=_model_rows_not_findings(ctx, models)[0])
        few_side = _status_of_few(ctx, models)
        if few_side.any():  # as the report's table suppresses them
            hide = [c for c in _MODELS_CSV_FIGURES if c in models.columns]
            models = models.astype({c: object for c in hide})
            models.loc[few_side, hide] = SUPPRESSED
        models_csv = table_csv(Table("models", models[[c for c in cols if c in models.columns]],
                                     "Models (machine-readable)"))

    def extra() -> dict:
        _, redaction_log, quote_table = quotes()
        files = {"redaction_log.csv": csv_text(safe_frame(redaction_log)),  # a unit id written as a formula: not run
                 "parameters.json": json.dumps(findings.parameters, indent=2, sort_keys=True) + "\n"}
        if quote_table is not None:
            files["tables/quotes.csv"] = table_csv(quote_table)
        if models_csv is not None:
            files["tables/models.csv"] = models_csv
        return files

    return report, _FilesWhenRead(extra)


#: The titles of the sections :func:`assemble` builds when first read (the section built says the same).
_SUMMARY, _FRAMEWORK, _QUOTES, _METHODS = ("Summary", "Framework matrix: councils by review theme", "What people said",
                                           "Methods and limitations")
_PROCESS = ("What shaped impact", "Lessons for the programme")


class _Part:
    """A part of the report, ``build()``, built once: when first called (or now, ``later=False``). What it withholds
    (:meth:`_Ctx.withheld`) is kept in its own :attr:`suppressions`, so the suppression ledger lists it in the
    report's order of the parts, whatever order they were built in. Built under the matplotlib settings of the moment
    it was made (a figure it makes is drawn under them)."""

    def __init__(self, ctx, build, *, later: bool = True) -> None:
        self.suppressions: list[dict] = []

        def recorded():
            outer, ctx.suppressions = ctx.suppressions, []
            try:
                made = build()
                self.suppressions = ctx.suppressions
            finally:
                ctx.suppressions = outer
            return made

        self._value = _Later(recorded)
        if not later:
            self()

    def __call__(self):
        return self._value()


def _section_later(title: str, build) -> Section:
    """The section headed ``title`` that ``build()`` returns, built when its blocks are first read; one built under
    another title, or holding a table the published provenance reads (:func:`_provenance_tables`), is a fault of this
    module (RuntimeError), not of the findings."""

    def blocks():
        section = build()
        tables = {b.name for b in section.blocks if isinstance(b, Table)} & _provenance_tables()
        if section.title != title or tables:
            raise RuntimeError(f"The report's section {title!r}, built when read, was built as {section.title!r} with "
                               f"the tables {sorted(tables)} that the published provenance reads: a fault of impact, "
                               "not of the study; please report it.")
        return section.blocks

    return Section(title, blocks)


class _FilesWhenRead(Mapping):
    """The files a report comes with (name to content), made by ``make()`` when first read: the quotes' redaction log
    and ``tables/quotes.csv`` are the quotes section's, built when read. A copy, or the object stored and read back, is a dict of them."""

    def __init__(self, make) -> None:
        self._files = _Later(make)

    def __getitem__(self, name: str):
        return self._files()[name]

    def __iter__(self):
        return iter(self._files())

    def __len__(self) -> int:
        return len(self._files())

    def __repr__(self) -> str:
        return repr(self._files())

    def __reduce__(self):
        return dict, (dict(self._files()),)


def assemble_summary(findings, *, identify: bool = False, min_count: int = 5, quote_k: int = 5, key=None,
                     council_matrix: bool = False, history=None) -> Section:
    """The summary, the first section of :func:`assemble`'s report, alone and the same: it reads the ledger and the
    adjusted p-values every section reads, and no other section (they are built after it), so those are not built.
    ``history``: :func:`_prepared`'s."""
    ctx = _prepared(findings, identify, min_count, quote_k, key, council_matrix, history)
    return _machine_flag(ctx)(_summary(ctx))


def _holm_beside_withheld(p_value, p_adjusted, withheld, method: str) -> np.ndarray:
    """The adjusted p-values of a family of tests to publish where some of its rows are withheld.

    The family is every test run: each withheld row still counts in it, but as a test with p = 1 (nothing is claimed
    of it), so it takes no place before a published row in a step-down (Holm) or step-up (Benjamini-Hochberg)
    ordering. Each published adjusted p is then a function of the published p-values and of the number of rows
    alone, and never smaller than the adjustment over the true p-values gives (these procedures are monotone in
    every p-value), so the family-wise error rate (or false discovery rate) is still held over all the tests. Adjusted
    with the withheld rows' own p-values, Holm's step-down gives a published row the adjusted p of a withheld row
    ranked before it, (m - j + 1) times that row's p, which the intruder divides back. The published rows of the
    family are those with an adjusted p (a test the analysis left out of it, such as a separated fit's, stays out);
    every withheld row counts, whether or not it had one, since which had is not published either. Withheld rows get
    NaN. With no row withheld, ``p_adjusted`` is returned as it is.

    >>> _holm_beside_withheld([0.0049, 0.005, 0.3], [0.0147, 0.0147, 0.3], [True, False, False], "holm").round(4).tolist()
    [nan, 0.015, 0.6]
    """
    from ..stats import adjust_pvalues

    withheld = np.asarray(withheld, dtype=bool)
    out = np.asarray(p_adjusted, dtype=float).copy()
    if not withheld.any():
        return out
    family = withheld | np.isfinite(out)
    p = np.where(withheld, 1.0, np.asarray(p_value, dtype=float))
    out[family] = adjust_pvalues(p[family], method)
    out[withheld] = np.nan
    return out


def _adjusted_beside_withheld(ctx):
    """``ctx.f`` with the adjusted p-values of the comparisons, the change over time and the models re-adjusted where
    the report withholds some rows of a family (:func:`_holm_beside_withheld`): a withheld row's p-value could be
    recovered from the published adjusted and unadjusted p-values (disclosure round 42). A row of the change over time
    whose rank statistic and p are withheld counts so too (disclosure round 72), and a change by status whose figures
    are withheld (:func:`_by_status_family`, truth69); :func:`_status_claims_together` then adjusts the status tests
    across their kinds."""
    method = ctx.f.parameters.get("adjust", "holm")
    if method is None:
        return ctx.f
    changed = {}
    c = ctx.f.comparisons
    if c is not None and len(c) and {"p_value", "p_adjusted"} <= set(c.columns):
        withheld = [not _comparison_shown(ctx, r) for r in c.to_dict("records")]
        changed["comparisons"] = c.assign(p_adjusted=_holm_beside_withheld(c["p_value"], c["p_adjusted"], withheld,
                                                                            method))
    ch = ctx.f.change
    if ch is not None and len(ch) and {"p_value", "p_adjusted"} <= set(ch.columns):
        gcol = _group_column(ch)
        # a row beside a hidden count of councils, or whose rank statistic is withheld (:func:`_withhold_medians`):
        # Holm's step-down gave the rows after it an adjusted p of at least (m - j + 1) times its p, and one equal to
        # it where it set the step (disclosure round 72)
        withheld = [(not ctx.shown(("councils_complete", g)) and (r["code"], g) not in ctx.tests_beside_hidden)
                    or (r["code"], g) in ctx.ranks_withheld
                    for r, g in ((r, r[gcol] if gcol else "all") for r in ch.to_dict("records"))]
        changed["change"] = ch.assign(p_adjusted=_holm_beside_withheld(ch["p_value"], ch["p_adjusted"], withheld,
                                                                        method))
    by_status = _by_status_family(ctx)
    if by_status is not None and by_status[1].any():
        # the change by status's tests beside a withheld one (truth69): its family's rows
        bs, (idx, withheld) = ctx.f.change_by_status, by_status
        adjusted = bs["p_adjusted"].astype(float)
        adjusted[idx] = _holm_beside_withheld(bs.loc[idx, "p_value"], np.zeros(len(idx)), withheld, method)
        changed["change_by_status"] = bs.assign(p_adjusted=adjusted)
    m = ctx.f.models
    if m is not None and len(m) and {"term", "p_value", "p_adjusted"} <= set(m.columns):
        few = _status_of_few(ctx, m)
        if few.any():
            # the models' families (impact.intervention_effects): each term across codes, the wave terms together
            adjusted = m["p_adjusted"].astype(float).copy()
            for _, idx in m.groupby(holm_family(m["term"])).groups.items():
                adjusted[idx] = _holm_beside_withheld(m.loc[idx, "p_value"], m.loc[idx, "p_adjusted"], few[idx],
                                                      method)
            changed["models"] = m.assign(p_adjusted=adjusted)
    return dataclasses.replace(ctx.f, **changed) if changed else ctx.f


def _by_status_family(ctx) -> tuple[pd.Index, np.ndarray] | None:
    """The family of the change by status's tests of a difference (:func:`_by_status_rows`): the index in
    ``ctx.f.change_by_status`` of its rows tested or withheld, and which of them the report withholds (a withheld row
    counts whether or not it was tested, since which was is not published either); None where it has none."""
    bs = _by_status_rows(ctx)
    if not len(bs):
        return None
    tests = bs[bs["term"].eq("differs")]
    shown = tests["_shown"].astype(bool)
    kept = (tests["tested"].astype(bool) & np.isfinite(tests["p_value"].astype(float))) | ~shown
    if not kept.any():
        return None
    return tests.index[kept.to_numpy()], ~shown[kept].to_numpy(bool)


def _status_claims_together(ctx):
    """``ctx.f`` with every test the summary can state a difference by intervention status from adjusted as ONE
    family, ``ctx.status_family`` set to how many of each kind it holds and ``ctx.status_family_withheld`` to how many
    of those the report withholds: the models' status term of each impact the summary reads (:func:`_estimable_gee`,
    none where too few councils make it unreadable), the test of each impact's change across the waves differing by
    status (:func:`impact.effects.change_by_status`, those tested) and the survey's difference by status in the change
    from the first wave at each later wave it is tested at (:func:`_survey_tested`). Their ``p_adjusted`` (the
    survey's, a column of its own) is then the joint one, which the summary states and every table prints: each
    family adjusted on its own, a null 5-wave study drew at least one claim of a difference by status in 20 of 100
    studies of 20 councils and 13 of 100 of 60 (truth67, bench/truth67_status_size.json), each family at its size.

    A test of the family whose row the report withholds counts in it as p = 1 (:func:`_holm_beside_withheld`; truth
    rounds 35 and 42): a status contrast with too few councils on a side (:func:`_status_of_few`), a change by status
    whose figures would give a hidden count away (``_shown``, :func:`_by_status_rows`) and the survey's difference
    where a status group has too few councils answering (:func:`_survey_few`), or where the survey's counts are hidden.
    Each withheld row counts whether or not it had a p-value (which had is not published either). Adjusted with their
    own p-values, a published row's adjusted p gave a withheld row's away (Holm's step-down, (m - j + 1) times it),
    and a withheld status contrast left the family unsaid (truth69). Rows outside the family keep their own
    adjustment; where the tests are of one kind, or one test, they are left as they are."""
    from ..stats._multiplicity import _adjust_together

    method = ctx.f.parameters.get("adjust", "holm")
    if method is None:
        return ctx.f
    rows = {}  # kind: (the family's rows, which of them the report withholds)
    m = ctx.f.models
    if m is not None and len(m) and {"term", "p_value", "p_adjusted"} <= set(m.columns):
        gee = m[m["term"] == "in_intervention"]
        if len(gee):
            estimable, _, thin = _estimable_gee(gee)
            few = _status_of_few(ctx, gee)
            if thin is None and (len(estimable) or few.any()):
                family = gee.index[gee.index.isin(estimable.index) | few.to_numpy(bool)]
                rows["status"] = (family, few[family].to_numpy(bool))
    by_status = _by_status_family(ctx)
    if by_status is not None:
        rows["change"] = by_status
    sb = getattr(ctx.f, "survey_by_status", None)
    if sb is not None and len(sb):
        ok = ctx.shown(("survey_councils",), ("survey_observations",))
        published = _survey_tested(ctx, sb) & ok
        hidden = (sb["term"] == "change_difference").to_numpy() & ~published & (
            np.asarray(_survey_few(ctx, sb), dtype=bool) | (not ok))
        if (published | hidden).any():
            rows["survey"] = (sb.index[published | hidden], hidden[published | hidden])
    frames = {"status": m, "change": ctx.f.change_by_status, "survey": sb}
    if sum(len(idx) for idx, _ in rows.values()) < 2 or len(rows) < 2:
        # tests of one kind, or one test: each family's own adjustment (:func:`_adjusted_beside_withheld`, its
        # withheld rows counted as p = 1) is the joint one
        return ctx.f
    # a withheld row as a test of p = 1: nothing of it is claimed, and no published adjusted p carries its p
    joint = _adjust_together({kind: np.where(withheld, 1.0, frames[kind].loc[idx, "p_value"].astype(float))
                              for kind, (idx, withheld) in rows.items()}, method)
    ctx.status_family = {kind: len(idx) for kind, (idx, _) in rows.items()}
    ctx.status_family_withheld = {kind: int(withheld.sum()) for kind, (_, withheld) in rows.items()}
    changed = {}
    for kind, name in (("status", "models"), ("change", "change_by_status"), ("survey", "survey_by_status")):
        if kind not in rows:
            continue
        idx, withheld = rows[kind]
        frame = frames[kind]
        adjusted = (frame["p_adjusted"].astype(float) if kind != "survey" else pd.Series(np.nan, index=frame.index))
        adjusted[idx] = np.where(withheld, np.nan, joint[kind])  # a withheld row's adjusted p is not published
        changed[name] = frame.assign(p_adjusted=adjusted)
    return dataclasses.replace(ctx.f, **changed)


#: The heading of a table's column of p-values adjusted with the summary's other tests of a difference by status.
STATUS_JOINT_HEADING = "p (Holm, with the summary's status tests)"


def _status_across(ctx) -> str:
    """' across the 16 tests of a difference by intervention status this summary can state' where the models' status
    term was adjusted with the summary's other status tests (:func:`_status_claims_together`), else ''. Set in the odds
    ratio's brackets, it names the family without its breakdown (brackets of its own would nest there: truth69), which
    the summary gives once (:func:`_status_family_told`)."""
    return f" across {_status_family_words(ctx, brief=True)}" if ctx.status_family.get("status") else ""


def _status_family_words(ctx, *, brief: bool = False, note: bool = False) -> str:
    """'the 16 tests of a difference by intervention status this summary can state (six impacts' status terms in the
    models, six impacts' change across the waves and the survey at four later waves)': the family
    :func:`_status_claims_together` adjusted together, as the summary and the tables name it. A kind with rows
    withheld says how many and how they count ('six impacts' status terms in the models, one of them with its
    contrast withheld, counted as p = 1; ...'; truth round 35). With ``brief``, the words before the brackets alone,
    for a phrase set in brackets of its own (brackets never nest: truth69). With ``note``, as a table's note names it:
    'the summary can state', as 'this summary' there pointed at the table (reader1: the models table's note)."""
    fam, held = ctx.status_family, ctx.status_family_withheld
    head = (f"the {sum(fam.values())} tests of a difference by intervention status "
            f"{'the' if note else 'this'} summary can state")
    if brief:
        return head
    said = {"status": lambda k: f"{_say(k)} {ctx.one if k == 1 else ctx.many}' status term{'s' if k > 1 else ''} "
                                "in the models",
            "change": lambda k: f"{_say(k)} {ctx.one if k == 1 else ctx.many}' change across the waves",
            "survey": lambda k: f"the survey at {_say(k)} later wave{'s' if k > 1 else ''}"}

    def withheld(kind: str) -> str:
        w = held.get(kind, 0)
        if not w:
            return ""
        what = (f"with {'its' if w == 1 else 'their'} contrast{'s' if w > 1 else ''} withheld" if kind == "status"
                else "withheld")
        return f", {_say(w)} of them {what}, counted as p = 1"

    parts = [said[k](n) + withheld(k) for k, n in fam.items()]
    if not any(held.values()):
        return f"{head} ({_listed(parts)})"
    # a part with a comma of its own: the parts set apart by semicolons
    return f"{head} ({'; '.join(parts[:-1])}; and {parts[-1]})"


def _status_family_method(ctx) -> str:
    """The methods line's words on the family of :func:`_status_claims_together` ('; the summary's 16 tests of a
    difference by intervention status adjusted together ...'), or nothing where its tests were adjusted apart."""
    if not ctx.status_family:
        return ""
    kinds = {"status": "the models' status terms", "change": "the change across the waves by status",
             "survey": "the survey's difference in the change"}
    return (f"; the summary's {sum(ctx.status_family.values())} tests of a difference by intervention status ("
            + _listed([kinds[k] for k in ctx.status_family]) + ") adjusted together, as one family, a test whose "
            "figures are withheld counted in it as p = 1")


def _status_family_told(ctx, items: list[str]) -> list[str]:
    """``items`` (the summary's sentences) with the family of :func:`_status_claims_together` broken down once, after
    the first sentence that names it briefly, where none names it in full: set in brackets (an odds ratio's, a test's)
    the family is named without its breakdown, which would nest brackets there (truth69)."""
    if not ctx.status_family:
        return items
    brief, full = _status_family_words(ctx, brief=True), _status_family_words(ctx)
    if any(full in s for s in items):
        return items
    at = next((i for i, s in enumerate(items) if brief in s), None)
    if at is None:
        return items
    kinds = full[len(brief) + 2:-1]
    told = f"{brief[0].upper()}{brief[1:]} are adjusted together (Holm): {kinds}."
    return [*items[:at + 1], told, *items[at + 1:]]


#: The analysis's warnings that speak of its groups of councils by status: those naming the status columns or the
#: intervention contrast, and those of :mod:`impact.stats` that state a group's size ('a group with fewer than two',
#: 'the only council in a group'). Their counts and bounds are of the councils in a status group ('1 of 8 councils
#: ... changed status_group', '12 comparisons have a group with fewer than two councils, the first at ... wave
#: early'), which the ledger does not audit. (Councils lacking a wave 'in at least one group' are attrition, a count
#: the waves' published councils missing bound: not one of these.)
_GROUP_CAVEAT = re.compile(r"status_group|in_intervention|intervention status|\ba group with\b|\bonly \w+ in a group\b",
                           re.IGNORECASE)


def _caveat_words(text: object) -> str:
    """What a caveat says, without the warning's class and the name of the figures it begins with
    (:data:`impact._warning_words.MODEL_FIGURES`): "The comparisons of councils by intervention status: ..." names a
    table, not a status group's count."""
    from .._warning_words import MODEL_FIGURES

    said = re.sub(r"^\w+: ", "", str(text))
    for figures in MODEL_FIGURES.values():
        if said.startswith(f"{figures[:1].upper()}{figures[1:]}: "):
            return said[len(figures) + 2:]
    return said


def _published_provenance(ctx, sections: list) -> dict:
    """The findings' provenance as published: its statistical caveats that speak of status groups withheld (and
    listed in the suppression ledger) where the ledger hides a count of councils in a status group.

    The caveats are the analysis's warnings, published in provenance.json and in the report's, workbook's and Word
    document's provenance. 8 councils, the tables suppressing every count of councils by status: a caveat said '1 of
    8 councils was seen at every time point but changed status_group between them', another that the councils in
    intervention followed at every wave were fewer than two, and a third that a group had fewer than two councils at
    the early wave, which with the councils interviewed at each wave gave the hidden counts back (seed 31271, round
    39)."""
    prov = _separation_caveats(ctx, _caveats_of_figures_shown(ctx, dict(ctx.f.provenance), sections))
    prov = _labels_redacted(ctx, prov)
    prov = _transcript_files_withheld(ctx, prov)
    caveats = list(prov.get("statistical_warnings") or ())
    groups = ("councils_interviewed_group", "councils_complete", "councils_level", "councils_type")
    hidden = any(ctx.ledger.hidden(k) for k in ctx.ledger.values if isinstance(k, tuple) and k[0] in groups)
    if not hidden or not caveats:
        return prov
    kept = [c for c in caveats if not _GROUP_CAVEAT.search(_caveat_words(c))]
    # the package's own message of a caveat withheld goes with it: "1 of 19 councils was seen at every time point but
    # changed status_group" stayed in statistical_warning_sources where its caveat was withheld (report truth round 41)
    from .._warning_words import OWN_SOURCE

    sources = [s for s in prov.get("statistical_warning_sources") or ()
               if OWN_SOURCE not in str(s) or not _GROUP_CAVEAT.search(_caveat_words(str(s).split(OWN_SOURCE)[0]))]
    if "statistical_warning_sources" in prov:
        prov["statistical_warning_sources"] = sources
    ctx.withheld("Provenance (provenance.json and About this report)", "statistical caveats",
                 len(caveats) - len(kept), "status_group_caveat",
                 "a statistical caveat of the analysis about a status group of councils: its counts (or their bounds) "
                 "would give back counts of councils the tables suppress", output="provenance")
    prov["statistical_warnings"] = kept
    return prov


#: Why provenance.json's study layout withholds its counts of transcript files and of files
#: (:func:`_transcript_files_withheld`), as provenance.json, the report's About section and the suppression ledger say.
_TRANSCRIPT_FILES_WHY = ("the numbers of transcript files and of files in the study folder: each interview has a "
                         "transcript, so beside the interviews published at each wave they would give back, or narrow, "
                         "a count this report hides to protect the participants; the fingerprint (SHA-256) still "
                         "verifies every file of the study")


def _transcript_files_withheld(ctx, prov: dict) -> dict:
    """The provenance with its study layout's counts of transcript files and of files withheld where the ledger found
    they would narrow a hidden count (:func:`_withhold_transcript_files`); its patterns, other counts and hash kept,
    and the suppression ledger told (reason ``transcript_files``)."""
    layout = prov.get("study_layout")
    if not ctx.transcript_files_withheld or not isinstance(layout, dict):
        return prov
    from ..privacy._provenance import _layout_withheld

    ctx.withheld("Provenance (provenance.json and About this report)", "numbers of transcript files and of files", 2,
                 "transcript_files", _TRANSCRIPT_FILES_WHY, output="provenance")
    return {**prov, "study_layout": _layout_withheld(layout, "transcripts/", _TRANSCRIPT_FILES_WHY[0].upper()
                                                     + _TRANSCRIPT_FILES_WHY[1:] + ".")}


def _labels_redacted(ctx, prov: dict) -> dict:
    """The provenance with the study's labels its caveats name (the package's own warnings said in words name the waves
    and impacts by them: :func:`impact.pipeline._said_for_report`) as the report redacts them: a wave labelled with a
    participant's or a council's name is '[name]' in the tables and would be named in full among the caveats."""
    from ..pipeline import _reader_labels

    raw = _reader_labels(ctx.study, ctx.f.codebook)
    red = _reader_labels(ctx.study, ctx.f.codebook, ctx.redacted)
    swaps = sorted(((raw[k], red[k]) for k in raw if raw[k] != red[k]), key=lambda kv: -len(kv[0]))
    caveats = list(prov.get("statistical_warnings") or ())
    if not swaps or not caveats:
        return prov
    for before, after in swaps:
        caveats = [str(c).replace(before, after) for c in caveats]
    return {**prov, "statistical_warnings": caveats}


def _built_tables(sections: list) -> dict[str, pd.DataFrame]:
    """The report's tables as built, by name: what each cell shows (a figure, or ``c`` where it is suppressed)."""
    return {b.name: b.data for s in sections for b in s.blocks if isinstance(b, Table)}


def _figure_cells(data: pd.DataFrame | None, columns: str) -> pd.Series:
    """Per row of a built table, whether any of its cells in the columns matching ``columns`` (a regular expression)
    shows a figure: neither suppressed (``c``) nor blank. No table, no row shows one."""
    if data is None or data.empty:
        return pd.Series(dtype=bool)
    cells = data[[c for c in data.columns if re.search(columns, str(c))]]
    return (cells.ne(SUPPRESSED) & cells.notna()).any(axis=1)


#: The library caveats' figures (:func:`impact._warning_words.said_in_words`, the words before ``': '``) that the
#: report shows in a table, with that table's name and the columns holding the figures: a caveat of figures whose
#: every cell is ``c`` (or blank, or no table) tells of figures the reader cannot see.
def _caveat_tables() -> dict[str, tuple[str, str]]:
    from .._warning_words import MODEL_FIGURES

    return {MODEL_FIGURES["survey_model"]: ("survey_model", r"^estimate$"),
            MODEL_FIGURES["survey_by_status"]: ("survey_by_status", r"^estimate$"),
            MODEL_FIGURES["attrition_sensitivity"]: ("attrition_sensitivity", r"_odds_ratio$"),
            MODEL_FIGURES["comparisons"]: ("comparisons", r"^(difference|ci_low|ci_high|rank_biserial|p_value|p_adjusted)(_unconfirmed)?$"),
            MODEL_FIGURES["change_over_time"]: ("change_over_time", r"^(median_|p_value|p_adjusted)")}


def _provenance_tables() -> frozenset[str]:
    """The tables whose figures shown decide which caveats the published provenance keeps
    (:func:`_caveats_of_figures_shown`): their sections are built with the report, not when read."""
    return frozenset({name for name, _ in _caveat_tables().values()} | {"gee_models"} | set(_DID_TABLES))


def _did_shown(tables: dict[str, pd.DataFrame]) -> dict[str, set[str]]:
    """The indicators whose change each difference-in-differences table shows an estimate of, keyed by the words its
    caveats name that change by (:func:`impact.indicators._staggered_by_measure`'s ``figures``), read from the tables
    as built: an estimate suppressed (c), as the councils behind it are few, blank, or absent (a status group's change
    the report does not read, a table not built) is not shown."""
    from ..indicators import _GROUP_WORDS, DID_FIGURES

    def shown(name: str, group: str | None = None) -> set[str]:
        t = tables.get(name)
        if t is None or t.empty:
            return set()
        if group is not None:
            t = t[t["group"] == group]
        return set(t.loc[_figure_cells(t, r"^estimate$"), "measure"])

    out = {DID_FIGURES["notice"]: shown("indicator_did"), DID_FIGURES["review"]: shown("indicator_review_did")}
    for group, words in _GROUP_WORDS.items():
        out[f"{DID_FIGURES['review']} in councils {words}"] = shown("indicator_review_did_by_status", group)
    return out


def _caveats_of_figures_shown(ctx, prov: dict, sections: list) -> dict:
    """The provenance with each library caveat of the indicators' change (and its library's words among the sources)
    said only of the indicators whose estimate is shown, and one of the survey models, the attrition sensitivity, the
    comparisons or the change over time only where its table shows a figure: a caveat of an estimate the table
    suppresses (c) told the reader of a figure they cannot see, and that it exists (report truth round 36). Which
    figures are shown is read from the tables as built (``sections``), one source of truth: a second rule working it
    out again could drift from them (round 37). One naming no figure shown is withheld, and counted in the suppression
    ledger."""
    tables = _built_tables(sections)
    shown = _did_shown(tables)
    known = set().union(*(set(f["measure"]) for f in (ctx.f.indicator_effects, ctx.f.review_indicator_effects)
                          if f is not None and not f.empty))
    unseen = [f for f, (name, columns) in _caveat_tables().items()
              if not _figure_cells(tables.get(name), columns).any()]
    caveats, withheld, dropped = [], 0, set()
    renamed: dict[str, str | None] = {}  # a caveat of the models said of fewer impacts: its head then, and now
    for text in prov.get("statistical_warnings") or ():
        of_models = _models_caveat(str(text), tables.get("gee_models"), ctx.models_withheld)
        if of_models is not None:
            kept_text, unseen_codes = of_models
            dropped |= unseen_codes
            withheld += kept_text is None
            caveats += [] if kept_text is None else [kept_text]
            if kept_text != text:
                renamed[_own_head(str(text))] = None if kept_text is None else _own_head(kept_text)
            continue
        said = _did_caveat(str(text), shown, known)
        if said is None:
            of = re.sub(r"^\w+: ", "", str(text))  # provenance's caveats begin with the warning's class
            hides = any(of.startswith(f"{f[:1].upper()}{f[1:]}: ") for f in unseen)
            withheld += hides
            caveats += [] if hides else [text]
            continue
        head, figures, named, tail = said
        kept = [m for m in named if m in shown[figures]]
        if kept == named:
            caveats.append(text)
        elif kept:
            caveats.append(f"{head}{_listed(kept)} {figures}{tail}")
        else:
            withheld += 1
    if caveats == list(prov.get("statistical_warnings") or ()):
        return prov
    ends = [f"; the change in {m} {f} (difference-in-differences))" for f, ms in shown.items() for m in known - ms]
    ends += [f"; {f})" for f in unseen]
    ends += [f"; {_models_of([c])})" for c in dropped]
    sources = [_own_source_renamed(str(s), renamed) for s in prov.get("statistical_warning_sources") or ()
               if not str(s).endswith(tuple(ends))]
    sources = [s for s in sources if s is not None]
    ctx.withheld("Provenance (provenance.json and About this report)", "statistical caveats", withheld,
                 "caveat_of_suppressed", "a statistical caveat of the analysis about an estimate the report does not "
                 "show (suppressed, as the councils behind it are few, or not read): it would tell of a figure the "
                 "reader cannot see", output="provenance")
    return {**prov, "statistical_warnings": caveats,
            **({"statistical_warning_sources": sources} if "statistical_warning_sources" in prov else {})}


def _own_head(caveat: str) -> str:
    """A caveat's class and the figures it names first ("SmallSampleWarning: the longitudinal model of ..."), as the
    source of the package's own warning ends with them (:data:`impact._warning_words.OWN_SOURCE`)."""
    name, _, rest = caveat.partition(": ")
    figures = rest.split(": ", 1)[0]
    return f"{name}: {figures[:1].lower()}{figures[1:]}"


def _own_source_renamed(source: str, renamed: dict[str, str | None]) -> str | None:
    """The package's own message kept for provenance.json (``source``), its figures as its caveat now names them
    (``renamed``: a caveat of the models said of the impacts the models table shows), or None where the caveat is
    withheld: "GEE with 8 councils ... (the package's warning; the longitudinal model of every impact ...)" stayed
    so where its caveat named five impacts (truth43)."""
    from .._warning_words import OWN_SOURCE

    if OWN_SOURCE not in source or f"{OWN_SOURCE}; " not in source:
        return source
    name = source.split(": ", 1)[0]
    body, figures = source.rsplit(f"{OWN_SOURCE}; ", 1)
    head = renamed.get(f"{name}: {figures.removesuffix(')')}", "")
    if head == "":
        return source
    return None if head is None else f"{body}{OWN_SOURCE}; {head.split(': ', 1)[1]})"


#: The words a caveat of the per-impact models names its figures by (:func:`impact.effects._models_of`): the model of
#: one impact, of several, or of every impact, "(the models table)".
_MODELS_OF = re.compile(r"[Tt]he longitudinal (?:models? of ((?:code '[^']*'(?:, | and )?)+)|model of every impact) "
                        r"\(the models table\)")

#: The models table's cells that hold a figure (gee_models; a p-value not a finding in its own column).
_MODEL_FIGURES = r"^(estimate|se|ci_low|ci_high|odds_ratio(_ci_low|_ci_high)?|p_value|p_adjusted)(_unconfirmed)?$"


def _models_caveat(text: str, table: pd.DataFrame | None,
                   withheld: Iterable[str] = ()) -> tuple[str | None, set[str]] | None:
    """A caveat of the per-impact models (\"The longitudinal model of code 'x' (the models table): ...\") said of the
    impacts whose figures the models table as built shows, with the impacts it no longer names; None for any other
    caveat. Where it names a contrast of the model (the status term, ``in_intervention``, or a wave's), only that
    contrast's row is read, else every row of the impact's: a caveat of figures whose every cell is c (a status group
    of too few councils) or blank (a separated fit with no Firth estimate) told of figures no reader sees, and a
    standard error that "rests on a single council" told that a status group the table suppresses has one (round 38).
    An impact with no row at all (its fit failed) keeps its caveat: that is what says why; not one whose model is
    ``withheld`` whole (:func:`_models_of_suppressed`): a caveat of it would tell of estimates no reader may see. The
    caveat is withheld (``None``) where no impact it names is shown, and names the others' only where some are."""
    found = _MODELS_OF.search(text)
    if found is None:
        return None
    rows = table if table is not None and {"impact", "contrast"} <= set(table.columns) else pd.DataFrame(
        columns=["impact", "contrast"])
    codes = (re.findall(r"code '([^']*)'", found.group(1)) if found.group(1) is not None
             else list(dict.fromkeys([*rows["impact"].astype(str), *withheld])))
    rest = text[:found.start()] + text[found.end():]

    def shown(code: str) -> bool:
        if code in withheld:
            return False
        its = rows[rows["impact"].astype(str) == code]
        if its.empty:
            return True
        named = its[its["contrast"].astype(str).map(lambda c: c in rest)]
        return bool(_figure_cells(named if len(named) else its, _MODEL_FIGURES).any())

    kept = [c for c in codes if shown(c)]
    unseen = set(codes) - set(kept)
    said = _standard_errors_shown(text, rows[rows["impact"].astype(str).isin(kept)])
    if not kept or said is None:
        return None, set(codes)
    if not unseen:
        return said, set()
    found = _MODELS_OF.search(said)
    words = _models_of(kept)
    words = words[:1].upper() + words[1:] if found.group(0)[:1] == "T" else words
    return said[:found.start()] + words + said[found.end():], unseen


def _standard_errors_shown(text: str, rows: pd.DataFrame) -> str | None:
    """A caveat of the standard errors of some terms of the per-impact models ("the standard error of Intercept,
    C(wave)[T.early], in_intervention is not identified") said of the terms whose figures the models table (``rows``,
    the impacts it names) shows, in its order; None where it shows none of them. The model's intercept, which no table
    shows, was named among the caveats as "Intercept", and a status term whose row is suppressed with its figures; the
    randomisation test's p-value of a status term left out goes with it (truth43). Any other caveat, or one of impacts
    with no row (their fit failed), is as it came."""
    from .._warning_words import STANDARD_ERROR_OF, STATUS_BY_RANDOMISATION

    found = STANDARD_ERROR_OF.search(text)
    if found is None or rows.empty:
        return text
    terms = found["terms"]
    shown = [c for c in dict.fromkeys(rows.loc[_figure_cells(rows, _MODEL_FIGURES), "contrast"].astype(str))
             if re.search(rf"(?:^|, ){re.escape(c)}(?:,|$)", terms)]
    if not shown:
        return None
    said = text[:found.start()] + ", ".join(shown) + text[found.end():]
    return said if "in_intervention" in shown else said.replace(STATUS_BY_RANDOMISATION, "")


def _did_caveat(text: str, shown: dict[str, set[str]], known: set[str]) -> tuple[str, str, list[str], str] | None:
    """``(head, figures, indicators, tail)`` of a caveat of the indicators' change ("The change in a and b after the
    review (difference-in-differences): ..."), where ``figures`` is a key of ``shown``; None for any other caveat.
    "each indicator" names every indicator with an estimate there."""
    start = re.match(r"(?:\w+: )?The change in ", text)  # provenance's caveats begin with the warning's class
    if start is None:
        return None
    head = start.group(0)
    for figures in sorted(shown, key=len, reverse=True):
        end = f" {figures} (difference-in-differences): "
        if end not in text:
            continue
        listed, tail = text[len(head):].split(end, 1)
        named = re.split(r", | and ", listed)
        if listed == "each indicator":
            named = sorted(known)
        elif not set(named) <= known:
            return None
        return head, figures, named, f" (difference-in-differences): {tail}"
    return None


# --------------------------------------------------------------------------- summary
def _gee_rows(ctx, term="in_intervention") -> pd.DataFrame:
    m = ctx.f.models
    if m is None or m.empty:
        return pd.DataFrame()
    return m[m["term"] == term].copy()


def _estimable_gee(gee: pd.DataFrame) -> tuple[pd.DataFrame, list[str], str | None]:
    """The rows of ``gee`` (the status term, one row per impact) whose estimate can be read, the impacts whose fit
    separated, and why none can be read, if so: ``"councils"`` (fewer than
    :data:`impact.stats._models.FEW_UNITS` councils in the models) or ``"one_side"`` (fewer than
    :data:`FEW_ON_ONE_SIDE` councils in intervention, or out of it, so the term is a few councils' difference from
    the others).

    A fit whose fitted probabilities reached 0 or 1 (``separation``) and that Firth's penalised likelihood could not
    replace (:func:`_unreadable`), or with no finite estimate, standard error or adjusted p-value, gives nothing to
    read.
    """
    from ..stats._models import FEW_UNITS

    separation = _unreadable(gee)
    finite = np.isfinite(gee[["estimate", "se", "p_adjusted"]].astype(float)).all(axis=1)
    units = gee["n_units"] if "n_units" in gee.columns else pd.Series(FEW_UNITS, index=gee.index)
    side = _smaller_side(gee)
    thin = None
    if len(gee) and (units < FEW_UNITS).all():
        thin = "councils"
    elif _few_on_one_side(gee):
        thin = "one_side"
    return gee[finite & ~separation & (side >= FEW_ON_ONE_SIDE)], list(gee.loc[separation, "code"]), thin


def _unreadable(rows: pd.DataFrame) -> pd.Series:
    """The rows of a models table whose GEE separated and that show no Firth estimate instead: their figures mean
    nothing. A separated fit's rows that :func:`impact.intervention_effects` estimated by Firth's penalised likelihood
    (``estimator == "firth"``) have a finite estimate, interval and test, and are read as any other."""
    separated = rows["separation"].fillna(False).astype(bool) if "separation" in rows.columns \
        else pd.Series(False, index=rows.index)
    return separated & rows["estimator"].ne("firth") if "estimator" in rows.columns else separated


#: Fewer councils than this in the smaller status group (in intervention at some wave, or out of it): the models'
#: intervention contrast is not read as a finding.  The contrast is then the difference of those few councils from
#: the rest, and the sandwich covariance (even bias-reduced, with a t reference) has almost nothing to measure their
#: spread by.  Null simulations (no status effect; the GEE of :func:`impact.effects.intervention_effects`; 30 or 60
#: councils x 3 participants x 3 waves, council sd 0.5, participant sd 0.3; ``bench/validity_stats.py``,
#: ``status_small_group``, and repeats with other seeds, 6,400 studies in all): the status term's p fell below 0.05
#: in about 15% of studies with 2 councils in intervention (700 studies), 9% with 3 (2,200), 8% with 4 (1,600),
#: 7% with 5 (900) and 6% with 6 to 10 (1,000).  Below :data:`impact.effects.RANDOMISATION_BELOW` (10) councils on a
#: side the p-value is now a randomisation test's, whose size is alpha at every k (see docs/methods.md), but the limit
#: stays: with one or two councils on a side, a difference, however tested, is those councils' difference from the
#: rest, which nothing in the data tells from a difference made by their status.  With two councils in intervention
#: (seed 913021, audit9) the summary stated that learning was reported more often there (odds ratio 2.37,
#: Holm-adjusted p = 0.023), an impact planted alike in both groups.
FEW_ON_ONE_SIDE = 3


def _status_of_few(ctx, rows: pd.DataFrame) -> pd.Series:
    """Per row of a models table, whether it is an intervention contrast with fewer than :func:`_fewest_councils`
    councils on a side (:func:`_smaller_side`: in intervention at a wave, or out of it, where both sides have
    councils): an estimate, interval or p-value of it is a figure about those one or two councils, whose status is
    public. A 5-council study with one council never in
    intervention published its contrast in gee_models.csv and models.csv."""
    if "term" not in rows.columns:
        return pd.Series(False, index=rows.index)
    return (rows["term"] == "in_intervention") & (_smaller_side(rows) < _fewest_councils(ctx))


#: What a note says of a status group too small for a contrast to be published (:func:`_status_of_few`): not how small
#: ('fewer than 3 councils were in intervention at some wave' told a reader that group was 1 or 2 councils, and with
#: the councils in the study bounded the other), nor which group (disclosure round 40). The suppressed cells say no
#: more than that some group is below the rule's limit, as a suppressed count says no more than that it is below
#: min_count.
_FEW_SIDE = ("one of the status groups (the councils seen in intervention, or out of it) has too few councils for a "
             "figure of its own")

#: The suppression ledger's reason for an intervention contrast with a side of fewer than :func:`_fewest_councils`
#: councils.
_FEW_SIDE_REASON = f"the intervention contrast where {_FEW_SIDE}: their own difference from the rest"


def _few_on_one_side(gee: pd.DataFrame) -> bool:
    """Whether every model of ``gee`` (status-term rows) has fewer than :data:`FEW_ON_ONE_SIDE` councils on a side."""
    return bool(len(gee)) and bool((_smaller_side(gee) < FEW_ON_ONE_SIDE).all())


def _smaller_side(gee: pd.DataFrame, *, by_wave: bool = True) -> pd.Series:
    """Councils on the smaller side of each model's intervention contrast.

    The status term is estimated beside the wave's, so it compares the councils in and out of intervention at the
    same wave: its smaller side is the fewest councils on one side at a wave where both sides have councils
    (``n_units_fewest_at_a_wave``, :func:`impact.intervention_effects`), and never more than the councils with a row
    in intervention, or out of it. Counted over the waves together alone (``by_wave`` False, the councils behind the
    term's power), an 8-council study with one council never in intervention, alone out of it at two of its three
    waves, had 4 councils 'out of intervention' (three more at the last wave), and its contrast, mostly that one
    council's difference from the rest, was published (seed 31508, disclosure round 42)."""
    cols = ["n_units_intervention", "n_units_no_intervention"]
    if not set(cols) <= set(gee.columns):
        return pd.Series(np.inf, index=gee.index)
    if by_wave and "n_units_fewest_at_a_wave" in gee.columns:
        cols = [*cols, "n_units_fewest_at_a_wave"]  # (NaN where no wave has both sides: the others then decide)
    return gee[cols].astype(float).min(axis=1)


def _too_few_for_change(ctx, n: int) -> str:
    """The sentence for models of change across the waves alone (no status term) fitted on fewer than ``FEW_UNITS``
    councils, whose change :func:`_change_sentences` does not read (see :func:`_too_few_councils`)."""
    from ..stats._models import FEW_UNITS

    return (f"The models of whether participants reported each {ctx.one} rest on {n} "
            f"{'council' if n == 1 else 'councils'}: below {FEW_UNITS}, even bias-corrected standard errors are "
            "unreliable, so this report states no change across the waves, and no absence of one, as a finding. "
            "The estimates are in the longitudinal models section, to be read as a description only.")


def _too_few_councils(ctx, gee: pd.DataFrame, why: str) -> str:
    """The sentence for models whose difference by status cannot be read (see :func:`_estimable_gee`).

    With fewer than ``FEW_UNITS`` councils the models' change across the waves cannot be read either, and
    :func:`_change_sentences` states none: the sentence says so. It spoke of status only, so an 8-council study with a
    rise planted at every later wave had a summary silent on change across the waves, as if the models had shown none
    worth a sentence (audit8).
    """
    from ..stats._models import FEW_UNITS

    n = int(gee["n_units"].max())
    few = why == "councils"
    reason = (f"rest on {n} {'council' if n == 1 else 'councils'}: below {FEW_UNITS}, even bias-corrected standard "
              "errors are unreliable" if few else
              "have too few councils in one status group to tell a difference by intervention status from the "
              "differences between councils")
    stated = ("no change across the waves and no difference between councils in and not in intervention, and no "
              "absence of either," if few and len(ctx.later) else
              "no difference between councils in and not in intervention, and no absence of one,")
    suppressed = bool(_status_of_few(ctx, gee).any())
    return (f"The models of whether participants reported each {ctx.one} {reason}, so this report states {stated} as a "
            "finding. The estimates are in the longitudinal models section, to be read as a description only"
            # "(that of the difference by intervention status suppressed there: ... it would be theirs)" left the
            # reader to work out what 'theirs' was (seed 31307, 8 councils, one in intervention; round 31); the reason
            # names no bound on the small side (disclosure round 40)
            + (f", except the difference by intervention status, withheld there (shown as c): {_FEW_SIDE}, so that "
               "difference would describe those councils alone." if suppressed
               else "."))


def _few_side_sentence(ctx, gee: pd.DataFrame, separated: list[str]) -> str:
    """'For improvement in staff morale and relations, one of the status groups ... has too few councils for a figure
    of its own, so its difference by intervention status is not read (withheld in the longitudinal models section).':
    the impacts whose status contrast the summary does not read for a side of fewer than :data:`FEW_ON_ONE_SIDE`
    councils (:func:`_estimable_gee`), where others' is read; '' where there is none. They were said nowhere in the
    summary, and the sentence on the others called them 'the other five impacts' and 'the five impacts whose models
    could be estimated', of six whose models all were (round 35)."""
    unfit = set(_unfit_codes(gee, separated, _status_of_few(ctx, gee))) | set(separated)
    few = gee[(_smaller_side(gee) < FEW_ON_ONE_SIDE) & ~gee["code"].isin(unfit)]
    if few.empty:
        return ""
    codes = [c for c in ctx.codes if c in set(few["code"])]
    withheld = bool(_status_of_few(ctx, few).any())
    return (f"For {_listed([ctx.code(c).lower() for c in codes])}, {_FEW_SIDE}, so "
            f"{'its' if len(codes) == 1 else 'their'} difference by intervention status is not read"
            + (" (withheld in the longitudinal models section)." if withheld else "."))


def _separated_sentence(ctx, codes: list[str]) -> str:
    """The sentence for impacts whose model separated (fitted probabilities of 0 or 1)."""
    labels = [ctx.code(c).lower() for c in ctx.codes if c in codes] or [ctx.code(c).lower() for c in codes]
    one = len(labels) == 1
    return (f"For {_listed(labels)} the model could not be fitted: {_why_separated(ctx, codes, one)}, so "
            f"{'its estimates mean' if one else 'their estimates mean'} nothing, that of the difference by "
            "intervention status included, and no difference, or absence of one, is stated.")


def _why_separated(ctx, codes, one: bool) -> str:
    """Why the models of ``codes`` separated, as the notes say it: 'in some status group at some wave every
    participant, or none, reported it (separation: fitted probabilities of 0 or 1)' where the published counts show
    such a group for each of them (:func:`_separation_unshown`), else only 'the fitted probabilities reached 0 or 1
    (separation)': the cause would tell a reader that a count the tables suppress is 0 or all of its group."""
    if _separation_unshown(ctx, codes):
        return "the fitted probabilities reached 0 or 1 (separation)"
    return (f"in some status group at some wave every participant, or none, reported {'it' if one else 'the impact'} "
            "(separation: fitted probabilities of 0 or 1)")


def _separation_unshown(ctx, codes) -> list[str]:
    """The impacts of ``codes`` whose separation no published count shows: no status group at any wave of the
    prevalence table (the models' measure) has a published count of 0 participants reporting it, or one equal to its
    published count of participants. Saying for them that in some group at some wave every participant, or none,
    reported it tells a reader that a suppressed count is 0 or all of its group: a 5-council study (seed 46003) said
    so of learning, whose every such group was suppressed (disclosure round 46)."""
    from ..pipeline import MAIN_MEASURE

    m, p, led = ctx.f.models, ctx.f.prevalence, ctx.ledger
    measure = str(m["measure"].iloc[0]) if m is not None and "measure" in m.columns and len(m) else MAIN_MEASURE
    unshown = []
    for code in dict.fromkeys(codes):
        rows = p[(p["measure"] == measure) & (p["code"] == code)] if p is not None and len(p) else p
        shown = False
        for r in (rows.itertuples() if rows is not None else ()):
            events = led.value(("with", measure, code, r.wave, r.group))
            people = led.value(("participants_group", r.wave, r.group))
            shown |= events == 0 or (events is not None and events == people)
        if not shown:
            unshown.append(code)
    return unshown


#: The cause the analysis's caveats give of a separated fit (:data:`impact._warning_words.SEPARATED`), after the words
#: naming it.
_SEPARATION_CAUSE = re.compile(r"(\(separation(?: or near-separation)?): in some wave or group of councils the impact "
                               r"was reported by all or by none of the participants\)")


def _separation_caveats(ctx, prov: dict) -> dict:
    """The provenance with the cause left out of each caveat of a separated model ('in some wave or group of councils
    the impact was reported by all or by none of the participants') that names an impact whose separation no
    published count shows (:func:`_separation_unshown`), or names none; as the notes do (:func:`_why_separated`)."""
    m = ctx.f.models
    if m is None or m.empty or "separation" not in m.columns:
        return prov
    unshown = _separation_unshown(ctx, m.loc[m["separation"].fillna(False).astype(bool), "code"])
    if not unshown:
        return prov
    labels = {c: ctx.code(c).lower() for c in ctx.codes}

    def said(text: str) -> str:
        low = str(text).lower()
        names = [c for c, label in labels.items() if label in low]
        if not _SEPARATION_CAUSE.search(low) or (names and not set(names) & set(unshown)):
            return text
        return _SEPARATION_CAUSE.sub(r"\1)", str(text))

    caveats = [said(t) for t in prov.get("statistical_warnings") or ()]
    return {**prov, "statistical_warnings": caveats} if caveats != list(prov.get("statistical_warnings") or ()) else prov


def _unfit_codes(gee: pd.DataFrame, separated: list[str], withheld: pd.Series | None = None) -> list[str]:
    """Impacts whose status term has no finite estimate, standard error or p-value and whose fit did not separate,
    leaving out the rows ``withheld`` marks (:func:`_status_of_few`): their adjusted p is withheld, not missing (the
    summary said "the model gave no p-value for that difference" of a contrast withheld for a small status group,
    round 35)."""
    finite = np.isfinite(gee[["estimate", "se", "p_adjusted"]].astype(float)).all(axis=1)
    if withheld is not None:
        finite = finite | withheld
    return [c for c in gee.loc[~finite, "code"] if c not in set(separated)]


def _unfit_split(gee: pd.DataFrame, codes: list[str]) -> tuple[list[str], list[str], list[str]]:
    """``codes`` (of :func:`_unfit_codes`) split by what their status term lacks: a finite estimate (the fit did not
    converge); else a finite standard error; else a p-value. A 5-council study, one council in intervention, had every
    status term estimated with no standard error (a randomisation p beside it), and the models table said 'No
    estimate is shown for ...: the fit did not converge' over the estimates it showed (seed 30744, report truth
    round 27)."""
    rows = gee.drop_duplicates("code").set_index("code")

    def finite(c: str, col: str) -> bool:
        return c in rows.index and col in rows.columns and bool(np.isfinite(float(rows.loc[c, col])))

    none = [c for c in codes if not finite(c, "estimate")]
    no_se = [c for c in codes if c not in none and not finite(c, "se")]
    return none, no_se, [c for c in codes if c not in none and c not in no_se]


def _not_modelled(ctx) -> dict[str, str]:
    """The impacts of the report that have no model at all, with why, in report order.

    :func:`impact.intervention_effects` leaves out an impact whose outcome (or both wave and status) does not vary, or
    whose fit raised, with a warning only: a study with morale never coded had five impacts in the models table and a summary
    "once the 5 impacts are adjusted", and one whose commitment model raised (singular matrix) had commitment missing
    from the table, neither saying so.
    """
    m = ctx.f.models
    if m is None or m.empty or "code" not in m.columns:
        return {}
    pp = ctx.f.participant_panel
    out = {}
    # a model withheld (:func:`_models_of_suppressed`) was fitted: :func:`_withheld_models_sentence` says so
    for c in [c for c in ctx.codes if c not in set(m["code"]) and c not in ctx.models_withheld]:
        d = pp[(pp["code"] == c)].dropna(subset=["status_group"]) if pp is not None and len(pp) else pp
        said = d["reported"].astype(bool) if d is not None and len(d) else pd.Series(dtype=bool)
        if said.nunique() < 2:
            out[c] = ("no participant was coded as reporting it" if not said.any() else
                      "every participant was coded as reporting it")
        elif d["status_group"].nunique() < 2 and d["wave"].nunique() < 2:
            # status alone not varying leaves the model of change across the waves (fitted on wave alone)
            out[c] = "neither wave nor intervention status varied among its participants"
        else:
            out[c] = "the fit failed (the statistical warnings in the provenance say why)"
    return out


def _record_withheld_models(ctx) -> None:
    """Record in the suppression ledger each model :func:`_models_of_suppressed` withholds: its figures (estimate,
    standard error, interval, odds ratio and its interval, p and adjusted p) of each contrast the models table shows,
    and every term's figures in tables/models.csv."""
    m = ctx.findings_models
    shown_terms = {"in_intervention", *[f"wave_{w}" for w in ctx.later], *_since_terms(ctx)}
    for code in ctx.models_withheld:
        rows = m[m["code"] == code]
        for output, table, terms, figures in (
                ("gee_models", f"Models of each {ctx.one} (the longitudinal models section)",
                 rows["term"].isin(shown_terms), 9),
                ("models", "Models (machine-readable), tables/models.csv only", rows["term"].notna(),
                 len([c for c in _MODELS_CSV_FIGURES if c in m.columns]))):
            ctx.withheld(table, f"{ctx.code(code)} / every contrast", int(terms.sum()) * figures,
                         "model_of_suppressed", f"a model withheld whole: {_MODEL_WITHHELD_WHY}", output=output)


#: The columns of tables/models.csv that hold a model's figures.
_MODELS_CSV_FIGURES = ("estimate", "se", "ci_low", "ci_high", "p_value", "p_adjusted", "p_value_model")


def _withheld_why(n: int) -> str:
    """Why ``n`` models are withheld (:data:`_MODEL_WITHHELD_WHY`), of one model or of several."""
    return _MODEL_WITHHELD_WHY if n == 1 else _MODEL_WITHHELD_WHY.replace("its estimates", "their estimates")


def _withheld_models_sentence(ctx) -> str:
    """'The model of commitment is withheld: its estimates ... prevent it, so nothing is stated of its difference
    by intervention status or its change across the waves.' for the impacts whose model :func:`_models_of_suppressed`
    withholds; '' where there is none."""
    codes = ctx.models_withheld
    if not codes:
        return ""
    one = len(codes) == 1
    named = _listed([ctx.code(c).lower() for c in codes])
    its = 'its' if one else 'their'
    # a model fitted on wave alone (no council in intervention, every council in it, or all in the same status at
    # each wave) had no difference by status to withhold: "nothing is stated of their difference by intervention
    # status" read as if the study had one to hide (6 councils none ever in intervention, 8 all in it: truth63)
    m = getattr(ctx, "findings_models", None)
    with_status = (m is None or not {"code", "term"} <= set(m.columns)
                   or (m["code"].isin(codes) & m["term"].astype(str).eq("in_intervention")).any())
    return (f"The {'model' if one else 'models'} of {named} {'is' if one else 'are'} withheld: "
            + _withheld_why(len(codes))
            + ", so nothing is stated of "
            + (f"{its} difference by intervention status or {its} change across the waves." if with_status else
               f"{its} change across the waves (fitted on wave alone: {_status_left_out(m[m['code'].isin(codes)])}).")
            )


def _status_left_out(m: pd.DataFrame) -> str:
    """Why models' rows ``m`` (of :func:`impact.effects.intervention_effects`) have no status term, in the words of
    :func:`impact._words._one_status_why`, from the councils the models saw in and out of intervention: none in it, every
    council in it, or every council in the same status at each wave (the status changing with the wave)."""
    cols = ["n_units_intervention", "n_units_no_intervention"]
    counts = m[cols].astype(float).min() if set(cols) <= set(m.columns) and len(m) else pd.Series(np.nan, index=cols)
    return _one_status_why(counts["n_units_intervention"], counts["n_units_no_intervention"])


def _not_modelled_sentence(ctx, missing: dict[str, str]) -> str:
    """The sentence naming the impacts with no model (see :func:`_not_modelled`)."""
    return " ".join(f"{ctx.code(c)} could not be modelled: {why}, so nothing is stated of its difference by "
                    "intervention status or its change across the waves." for c, why in missing.items())


def _unfit_sentence(ctx, codes: list[str], gee: pd.DataFrame) -> str:
    """The sentence for impacts whose model gave no finite estimate, or no finite standard error for it (see
    :func:`_unfit_codes`, :func:`_unfit_split`)."""
    def named(group: list[str]) -> str:
        return _listed([ctx.code(c).lower() for c in ctx.codes if c in group] or [ctx.code(c).lower() for c in group])

    none, no_se, no_p = _unfit_split(gee, codes)
    said = []
    if none:
        said.append(f"for {named(none)} the model gave no finite {'estimate' if len(none) == 1 else 'estimates'} "
                    "(the fit did not converge)")
    if no_se:
        said.append(f"for {named(no_se)} {'it' if said else 'the model'} gave no finite standard error of the "
                    "difference by intervention status")
    if no_p:
        said.append(f"for {named(no_p)} {'it' if said else 'the model'} gave no p-value for that difference")
    # a clause naming impacts set off by semicolons ('for commitment; development of ideas, plans and actions; and
    # learning the model gave ...') among clauses set off by them too: the clauses are numbered (round 34)
    text = _listed_clauses(said)
    return (re.sub(r"[a-z]", lambda m: m.group(0).upper(), text, count=1)
            + ", so no difference by intervention status, or absence of one, is stated.")


def _coded_by(ctx) -> str:
    """Who coded the interviews, in words that follow "coded against the ... codebook by": the package's coder, or the
    people whose codings the user supplied (counted, not named), then the codebooks the package's coder coded beside
    supplied codings and the interviews a hand check coded again. "by codings supplied by the user (1 coder)" read as
    if codings had coded the interviews."""
    coding = ctx.f.coding
    if coding.get("source") == "supplied":
        k = len(coding.get("coders", ()))
        who = (f"{_say(k)} {'coder' if k == 1 else 'coders'}, whose codings the user supplied" if k else
               "people, in codings the user supplied")
        others = coding.get("machine_coded", {})
        if others:
            books = [f"{_the_codebook(ctx, book)} by the package's {coder}" for book, coder in others.items()]
            who += f" (and against {_listed(books)})"
    else:
        who = coding.get("description", "the package's machine coder")
    check = ctx.f.hand_check
    if check is not None and len(check):
        k = check["interview_id"].nunique()
        who += (f", and {_say(k)} {'interview was' if k == 1 else 'interviews were'} coded again by people to check "
                "the coding (see the coding reliability section)")
    return who


def _coded_against(ctx) -> str:
    """How the interviews were coded, the one wording the summary's opening and the methods' "Coding:" line both
    use: "coded against the ... codebook by" who coded them (:func:`_coded_by`), or that nothing was coded, where the
    study lists no interview. The methods kept an older wording ("codings supplied by the user (1 coder); ...")
    beside the summary's newer one."""
    book = ctx.redacted(ctx.f.codebook.title or ctx.f.codebook.id)
    if not len(ctx.study.interviews):
        return f"the study lists no interview, so nothing was coded against the {book} codebook"
    return f"coded against the {book} codebook by {_coded_by(ctx)}"


def _summary(ctx) -> Section:
    # The number of interviews is their sum over the waves, stated only when every wave's count is published: a sum
    # of the published counts alone leaves the suppressed ones out (a 5-council study said "8 interviews" of 25), and
    # a total beside suppressed counts would give them away.
    per_wave = [("interviews", w) for w in ctx.waves]
    # A wave no interview is at (a design fact of the whole study, no disclosure) is named, not covered by "each".
    held = ctx.study.wave_ids_held
    empty = [ctx.wave(w) for w in ctx.waves if str(w) not in held]
    at_waves = ("at each wave" if not empty else
                f"at each wave but {_listed(empty)}, where none was held" if len(empty) < len(ctx.waves) else "")
    drawing = (f"drawing on {sum(ctx.cell(k) for k in per_wave):,} interviews" if ctx.shown(*per_wave) else
               f"drawing on interviews {at_waves} (the sample section gives their numbers, where they can be "
               "published),")
    left_out = int(ctx.ledger.values.get(("interviews_not_coded",), 0))
    # "drawing on interviews at each wave" of a study that lists none would be untrue; none is no disclosure
    coded_by = f"{drawing} {_coded_against(ctx)}." if len(ctx.study.interviews) else f"but {_coded_against(ctx)}."
    blocks = [Paragraph(
        f"This report follows {_counted(len(ctx.study.councils), 'council')} "
        f"{'at 1 wave' if len(ctx.waves) == 1 else f'across {len(ctx.waves)} waves'} "
        f"{aside_list(ctx.wave(w) for w in ctx.waves)}, {coded_by}"
        + (f" {left_out} more had no respondent speech in {'its' if left_out == 1 else 'their'} transcript and "
           f"{'is' if left_out == 1 else 'are'} left out as missing (see the methods)." if left_out else "")
    )]
    items = []
    # Which impacts were most often expected or reported, the share of expectations realised and what reported
    # impacts were credited to each rest on the coding of every impact (a ranking on all of them, a share or a
    # denominator summed over them). Under machine coding they are stated only when the coder reads every impact
    # with F1 of at least _WEAK_F1 on real text; otherwise one sentence says they are left out and why.
    weak = _weak_codes(ctx)
    before, after, hidden = _descriptive(ctx)
    if weak and (before or after or hidden):
        # a sentence left out for a suppressed count is left out under this coder too: named with the others, in order
        whats = [what for what, _ in before + after] + [what for what, _ in hidden]
        items.append(_descriptive_withheld(ctx, sorted(whats, key=_DESCRIPTIVE_ORDER.index), weak))
    else:
        items += [sentence for _, sentence in before]
        # a sentence left out because a count behind it cannot be published is said to be left out, and why: a reader
        # of a summary without "most often expected" cannot tell an omission from an oversight. Why is told apart: a
        # count below the threshold, or counts of at least the threshold that, beside the tables' published counts,
        # would give a smaller one away (disclosure round 48 ties the tables of sustained impact to the prevalence
        # tables: "a count ... is below 5" of counts of 16, 10 and 8 was untrue)
        if hidden:
            items.append(_hidden_descriptive(ctx, hidden))
    gee = _gee_rows(ctx)
    if len(gee):
        # A model's difference by status is a finding only where it could be estimated: with fewer than FEW_UNITS
        # councils even bias-corrected sandwich standard errors are unreliable, and a fit whose fitted probabilities
        # reached 0 or 1 (separation) gives estimates and p-values that mean nothing (a 5-council study gave an odds
        # ratio of 0.00, Holm p = 0.002, for an impact planted to be reported more often in intervention).
        estimable, separated, thin = _estimable_gee(gee)
        if thin:
            items.append(_too_few_councils(ctx, gee, thin))
        else:
            sig = estimable[estimable["p_adjusted"] < ctx.alpha]
            # A machine-coded difference by status is not a finding unless the coding was checked by hand in both
            # status groups: a coder that errs more often in some councils' talk than in others' makes such
            # differences by itself, and its accuracy on real text (an average over all talk) cannot show that it
            # does not. An impact it reads poorly on real text is not a finding either way.
            doubtful = _doubtful_by_status(ctx, weak)
            firm, unconfirmed = sig[~sig["code"].isin(doubtful)], sig[sig["code"].isin(doubtful)]
            for r in firm.itertuples():
                items.append(f"{ctx.code(r.code)} was reported {_direction(r)} often by participants in councils in "
                             f"intervention ({_odds_ratio(r, ctx.alpha)}{_status_across(ctx)}).")
            if len(unconfirmed):
                items.append(_unconfirmed_differences(ctx, unconfirmed, weak, also=not firm.empty))
            if separated:
                items.append(_separated_sentence(ctx, separated))
            unfit = _unfit_codes(gee, separated, _status_of_few(ctx, gee))
            if unfit:
                items.append(_unfit_sentence(ctx, unfit, gee))
            missing = _not_modelled(ctx)
            if missing:
                items.append(_not_modelled_sentence(ctx, missing))
            few_side = _few_side_sentence(ctx, gee, separated)
            if few_side:
                items.append(few_side)
            if len(firm):
                # the impacts read well that showed no difference are named beside those that did: a summary naming
                # one impact that differed by status said nothing of the five planted alike in both groups (audit8)
                alike = [c for c in ctx.codes if c in set(estimable["code"]) - set(sig["code"]) - set(doubtful)]
                if alike:
                    items.append(_no_other_difference(ctx, gee, alike))
            if sig.empty and len(estimable):
                items.append(_no_difference(ctx, estimable, weak, n_fitted=len(gee), family=_holm_family(ctx, gee),
                                            modelled_only=bool(missing or ctx.models_withheld)))
    elif len(ctx.later):
        # models fitted on wave alone (every council in intervention throughout) have no status row, and the sentence
        # above, which says the change across the waves cannot be read on so few councils, was never reached: an
        # 8-council study all in intervention had a summary silent on change, its reason only in a table's note
        # (audit11)
        from ..stats._models import FEW_UNITS

        waves = _gee_rows(ctx, f"wave_{ctx.later[-1]}")
        if len(waves) and "n_units" in waves.columns and (waves["n_units"] < FEW_UNITS).all():
            items.append(_too_few_for_change(ctx, int(waves["n_units"].max())))
    # a model withheld whole (:func:`_models_of_suppressed`) is said to be, and why, whatever the others show
    if ctx.models_withheld:
        items.append(_withheld_models_sentence(ctx))
    items += _change_sentences(ctx, weak)
    items += _since_first_after(ctx, weak)
    items += _by_status_sentences(ctx, weak)
    if not weak:
        items += [sentence for _, sentence in after]
    items += _survey_sentences(ctx)
    items += _randomisation_told(_indicator_sentences(ctx) + _notice_sentences(ctx))
    if ctx.f.process is not None:
        items += _by_impact_linked(ctx, _process_labels()) + _by_impact_power_said(ctx, _process_labels())
    items = _status_family_told(ctx, items)
    if items:
        blocks.append(Bullets(items))
    caveats = _caveats(ctx)
    if caveats:
        blocks.append(Callout(" ".join(caveats), kind="warning"))
    return Section(_SUMMARY, blocks)


#: The randomisation p in plain words, said once, after the first of the summary's sentences that gives one.
_RANDOMISATION_P_SAID = ("A randomisation p is the share of random reassignments of the councils' dates (of their review, "
                    "or of their notice or direction) that give a change at least as far from none as the one found: "
                    "a small one means a change this large seldom arises by chance alone.")


def _randomisation_told(sentences: list[str]) -> list[str]:
    """``sentences`` (the summary's on the indicators) with :data:`_RANDOMISATION_P_SAID` after the first that gives a
    randomisation p: 'randomisation p = 0.001, adjusted 0.015' stood in the summary with nothing saying what it is
    (reader2, the example)."""
    out, told = [], False
    for s in sentences:
        if not told and "randomisation p" in s:
            s, told = f"{s} {_RANDOMISATION_P_SAID}", True
        out.append(s)
    return out


def _survey_sentences(ctx) -> list[str]:
    """'In the staff and partner survey, between expectations before the review and longer-term change the mean score
    (1-5) changed by -0.01 points (95% CI -0.07 to +0.06) in councils not in intervention and by +0.78 (+0.60 to +0.96)
    in councils in intervention: a difference of 0.79 points (95% CI 0.59 to 0.98, p < 0.001).', one per later wave
    with a survey, where the survey model's counts are published. The summary said nothing of the survey (planted:
    a rise in councils in intervention only, audit12)."""
    sb = ctx.f.survey_by_status
    if not ctx.shown(("survey_councils",), ("survey_observations",)):
        return []
    first = ctx.short_wave(ctx.waves[0]).lower()
    if sb is None or not len(sb):
        alone = _survey_alone_why(ctx.f.survey_model) or _survey_by_status_why(ctx)
        return _survey_pooled_sentences(ctx, first, "the change could not be estimated separately in councils in and "
                                                   "not in intervention" + (f", as {alone}" if alone else ""))
    if not _compares_status(ctx):
        # the rule the comparisons follow, not a second one: where councils are not compared by status (the caveat
        # says "this report can say nothing of a difference between councils in and not in intervention"), the survey
        # does not compare them either. An 8-council study with one council in intervention was told both that and
        # the survey's change in each group and their difference (truth76's audit, min_count=1; truth77)
        return _survey_pooled_sentences(ctx, first, aside("councils are not compared by intervention status",
                                                          ctx.f.not_computed["comparisons"]))
    la, lb = STATUS_LABELS["no_intervention"].lower(), STATUS_LABELS["intervention"].lower()
    out = []
    sb = sb.assign(_few=_survey_few(ctx, sb))
    adjusted = _survey_adjusted(ctx, sb)
    family = len(adjusted)
    for w, rows in sb[sb["term"] != "status_at_first"].groupby("wave", sort=False, observed=True):
        r = rows.set_index("term")
        if not {"change_not_in_intervention", "change_in_intervention", "change_difference"} <= set(r.index):
            continue
        if r["_few"].any():
            out += _survey_pooled_sentences(ctx, first, f"a status group has fewer than {ctx.min_count} councils, too "
                                                        "few to give its change", waves=[w])
            continue
        a, b, d = (r.loc[t] for t in ("change_not_in_intervention", "change_in_intervention", "change_difference"))
        p_d = adjusted.get(w, d["p_value"])
        verdict = ("" if p_d < ctx.alpha else
                   ", which is not evidence that the change was the same in both groups")
        across = (_status_family_words(ctx, brief=True) if ctx.status_family.get("survey") else
                  f"the {family} later waves of the survey")
        p_said = (f"Holm-adjusted {_p_words(p_d, ctx.alpha)} across {across}"
                  if w in adjusted else _p_words(d["p_value"], ctx.alpha))
        # changes of +0.14 and +0.24 and 'a difference of 0.09' (0.2389 - 0.1449, seed 30619): where the difference
        # shown is not that of the figures shown, the sentence says it is worked from the unrounded ones
        unrounded = ("worked from the unrounded changes; " if _rounding_shows(b["estimate"], a["estimate"],
                                                                             d["estimate"]) else "")
        # no negative zero: a null study's difference of -0.004 read "a difference of -0.00 points" (audit14)
        out.append(f"In the staff and partner survey, between {first} and {ctx.short_wave(w).lower()} the mean score "
                   f"(1 to 5) changed by {_signed(a['estimate'])} points ({ctx.level} CI "
                   f"{format_ci(a['ci_low'], a['ci_high'], signed=True)}) in councils {la} and by "
                   f"{_signed(b['estimate'])} ({format_ci(b['ci_low'], b['ci_high'], signed=True)}) in councils {lb}: "
                   "a difference of "
                   f"{_signed(d['estimate'])} points ({unrounded}{'unadjusted ' if w in adjusted else ''}{ctx.level} CI "
                   f"{format_ci(d['ci_low'], d['ci_high'], signed=True)}, {p_said}){verdict}.")
    return out


def _survey_adjusted(ctx, sb: pd.DataFrame) -> dict:
    """``{wave: p}``: the survey's differences by status in the change from the first wave (``change_difference``
    rows of ``sb``, :func:`impact.effects.survey_change_by_status`), Holm-adjusted across the later waves where two or
    more are tested (each status group of at least ``min_count`` councils, a p-value given); ``{}`` where one or none
    is (its p is then its own). They are one family, as the models' contrasts are: a survey at every wave of a 5-wave
    study with nothing planted by status stated differences of -0.20 and -0.21 points at two of its four later waves
    (p = 0.017, 0.012; truth66, w5_s20_fading). The summary's sentences (:func:`_survey_sentences`) and the table
    (:func:`_survey_by_status`) both read the adjusted p from here: the table printed the unadjusted p beside a
    summary that stated the adjusted one (truth67)."""
    tested = sb[_survey_tested(ctx, sb)]
    if ctx.status_family.get("survey") and "p_adjusted" in tested.columns:
        # adjusted with the summary's other tests of a difference by status (truth68, _status_claims_together)
        return dict(zip(tested["wave"], tested["p_adjusted"].astype(float), strict=True))
    if tested["wave"].nunique() < 2:
        return {}
    return dict(zip(tested["wave"], _holm(tested["p_value"].to_numpy(float)), strict=True))


def _survey_tested(ctx, sb: pd.DataFrame) -> np.ndarray:
    """Per row of the survey by status, whether it is a difference by status in the change from the first wave that
    the summary can state: each status group of at least ``min_count`` councils, a p-value given."""
    few = np.asarray(_survey_few(ctx, sb), dtype=bool)
    return ((sb["term"] == "change_difference").to_numpy() & ~few & sb["p_value"].notna().to_numpy()
            & _compares_status(ctx))


def _compares_status(ctx) -> bool:
    """Whether the report compares councils by intervention status (:func:`impact.validate.capabilities`'
    ``group_comparison``, at least two councils in each status group at a wave): the one rule the comparisons, the
    survey's sentences (:func:`_survey_sentences`) and the survey's tests the summary can state
    (:func:`_survey_tested`) follow (truth77)."""
    return "comparisons" not in ctx.f.not_computed


def _survey_alone_why(model) -> str | None:
    """Why the survey model was fitted on wave alone (its note, from :func:`impact.effects.survey_effects`), or None."""
    from ..effects import SURVEY_ALONE_NOTE

    notes = getattr(model, "attrs", {}).get("notes", ()) if model is not None else ()
    return next((str(n)[len(SURVEY_ALONE_NOTE):].strip() for n in notes if str(n).startswith(SURVEY_ALONE_NOTE)), None)


def _survey_by_status_why(ctx) -> str | None:
    """Why the survey has no change by status although its model has the status (the rule of
    :func:`impact.effects.survey_change_by_status`): one status only among the councils answering at the survey's
    first wave, or at each of its later waves. The summary said only that the change "could not be estimated
    separately in councils in and not in intervention" of a 12-council study whose councils in intervention had all
    left it by the survey's last wave (truth60, seed 6000103), and of truth57's 150 councils, none in intervention at
    the first wave. None where both statuses answered at the first wave and at a later one (a model that could not be
    fitted: its warning says so)."""
    from ..effects import _survey_scores

    scores = _survey_scores(ctx.study)
    if scores is None:
        return None
    waves = [w for w in scores["wave"].cat.categories if (scores["wave"] == w).any()]

    def one_status(w) -> str | None:
        status = scores.loc[scores["wave"] == w, "in_intervention"]
        return None if status.nunique() > 1 else ("every" if status.all() else "no")

    def said(kind: str, at: list) -> str:
        return (f"{kind} council answering the survey was in intervention at "
                + _listed([ctx.short_wave(w).lower() for w in at]))

    if waves and one_status(waves[0]):
        return said(one_status(waves[0]), waves[:1])
    later = {w: one_status(w) for w in waves[1:]}
    if not later or not all(later.values()):
        return None
    return _listed_clauses([said(kind, [w for w in later if later[w] == kind]) for kind in ("no", "every")
                            if kind in later.values()])


def _survey_pooled_sentences(ctx, first: str, why: str, waves: list[str] | None = None) -> list[str]:
    """'In the staff and partner survey, the mean score (1 to 5) changed by +0.22 points between expectations before
    the review and longer-term change (95% CI +0.15 to +0.29, p < 0.001), in all councils together: ...', one per later
    wave of the survey model (or of ``waves``), where the change is not given in each status group, and ``why``
    (:func:`_survey_sentences`).
    The summary said nothing of the survey where no council was in intervention at its first wave, though the
    model's table showed a rise of 0.22 points, p < 0.001 (planted: a rise of 0.35 on the latent scale, seed 9404,
    30 councils, half entering intervention between the later waves)."""
    sm = ctx.f.survey_model
    if sm is None or not len(sm):
        return []
    out = []
    for r in sm[sm["term"].astype(str).str.startswith("wave_")].to_dict("records"):
        w = r["term"][len("wave_"):]
        if w not in ctx.wave_labels or (waves is not None and w not in waves):
            continue
        verdict = "" if r["p_value"] < ctx.alpha else "; this is not evidence that it did not change"
        out.append(f"In the staff and partner survey, the mean score (1 to 5) changed by {_signed(r['estimate'])} "
                   f"points between {first} and {ctx.short_wave(w).lower()} ({ctx.level} CI "
                   f"{format_ci(r['ci_low'], r['ci_high'], signed=True)}, {_p_words(r['p_value'], ctx.alpha)}), in "
                   "all councils "
                   f"together: {why}{verdict}.")
    return out


def _rounding_shows(minuend: float, subtrahend: float, difference: float, digits: int = 2) -> bool:
    """Whether ``difference``, shown to ``digits`` decimals, is not the difference of ``minuend`` and ``subtrahend``
    as shown: rounded apart, +0.24 and +0.14 give 'a difference of 0.09' (0.2389 - 0.1449 = 0.094), which a reader
    cannot check without being told that it is worked from the unrounded figures.

    Examples
    --------
    >>> _rounding_shows(0.2389, 0.1449, 0.0940), _rounding_shows(0.24, 0.14, 0.10), _rounding_shows(0.004, 0.0, 0.004)
    (True, False, False)
    """
    from decimal import Decimal

    def shown(x: float) -> Decimal:
        return Decimal(f"{float(x):.{digits}f}")

    return shown(minuend) - shown(subtrahend) != shown(difference)


def _signed(x: float, *, sign: bool = True) -> str:
    """'+0.25', '-0.04', '0.00' for a value that rounds to zero either side (never '-0.00'); without ``sign``, no '+'."""
    text = f"{float(x):.2f}"
    if not text.strip("-0.,"):
        return "0.00"
    return signed_text(text) if sign else text


def _drift_note(ctx) -> str:
    """Under machine coding, the impacts whose change across the waves is a finding (see :func:`_change_sentences`)."""
    if ctx.f.coding.get("source") != "machine":
        return ""
    doubtful = set(_doubtful_over_waves(ctx, _weak_codes(ctx)))
    stated = [ctx.code(c).lower() for c in ctx.codes if c not in doubtful]
    return (" A change across the waves in machine codings can be made by the coder alone, reading one wave's talk "
            f"differently from another's: it is a finding only for {ctx.codes_as('an impact')} the coder reads with F1 of at least "
            f"{_WEAK_F1:.2f} on real text and whose hand check gives Cohen's kappa of at least {CHECKED_KAPPA:.2f} at "
            "every wave; here " + (f"{_listed(stated)}." if stated else "none."))


def _lockstep(ctx) -> list[str]:
    """The impacts modelled on wave alone because every council had the same intervention status at each wave while
    that status changed between waves (every council's notice lifted between the later waves): their change across
    the waves is also the change in status (:func:`impact.intervention_effects`)."""
    m = ctx.f.models
    need = {"code", "term", "n_units_intervention", "n_units_no_intervention"}
    if m is None or m.empty or not need <= set(m.columns):
        return []
    fitted = m.groupby("code", observed=True)["term"].agg(set)
    both = m.groupby("code", observed=True)[["n_units_intervention", "n_units_no_intervention"]].min().min(axis=1) > 0
    return [c for c in ctx.codes if c in fitted.index and "in_intervention" not in fitted[c] and both.get(c, False)]


def _readable_models(ctx, terms) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(holm, readable)``: the models' rows of ``terms`` for the report's codes that are in their Holm family (an
    adjusted p: :func:`impact.intervention_effects` leaves separated fits and NaN out of it), and those of them the
    summary can read (finite figures, no separation, at least ``FEW_UNITS`` councils). Both empty without models."""
    from ..stats._models import FEW_UNITS

    m = ctx.f.models
    if m is None or m.empty or not terms or "term" not in m.columns:
        return pd.DataFrame(), pd.DataFrame()
    rows = m[m["term"].isin(terms) & m["code"].isin(ctx.codes)]
    if rows.empty or "n_units" not in rows.columns:
        return rows.iloc[:0], rows.iloc[:0]
    holm = rows[np.isfinite(rows["p_adjusted"].astype(float))] if "p_adjusted" in rows.columns else rows
    finite = np.isfinite(rows[["estimate", "se", "ci_low", "ci_high", "p_adjusted"]].astype(float)).all(axis=1)
    return holm, rows[finite & ~_unreadable(rows) & (rows["n_units"] >= FEW_UNITS)]


#: How the weighted models weigh the participants, as the summary says it.
_WEIGHTED_HOW = ("(each participant by the inverse of their estimated chance of being interviewed at the wave, on wave "
                 "and intervention status)")


def _weighted_disputed(ctx, holm: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``rows`` (readable models rows of wave terms or of the later-against-first-after contrasts, each
    family ``holm``) on which the same GEE weighted for missed interviews (``attrition_waves``, ``missing == "ipw"``)
    disagrees with the complete cases in significance after Holm's adjustment, or in direction where both are
    significant; only where the response test finds that response differs by status (:func:`_response_differs`).
    The weighted p-values are adjusted as the models' are (the wave terms of every impact together, each contrast
    of the waves after the review across the impacts), over the rows weighted. Columns of ``rows`` with ``w_estimate``
    and ``w_p_adjusted``; empty where nothing is set side by side. Complete cases read a change that the weighted fit
    does not (or the reverse) where the missed interviews depend on status: neither is stated as found (truth50)."""
    empty = rows.iloc[:0].assign(w_estimate=[], w_p_adjusted=[])
    r = ctx.response_test
    if r is None or not r["p_value"] < ctx.alpha or rows.empty:
        return empty
    w = _weighted_holm(ctx, holm)
    if w.empty:
        return empty
    both = rows.assign(_row=rows.index).merge(w[["code", "term", "estimate", "w_p_adjusted"]].rename(
        columns={"estimate": "w_estimate"}), on=["code", "term"]).set_index("_row")
    if "estimator" in both.columns:  # a Firth estimate is not set beside a weighted GEE
        both = both[both["estimator"].fillna("gee").eq("gee")]
    return both[_disagree(ctx, both)].rename_axis(None)


def _disputed_sentence(ctx, disputed: pd.DataFrame, between) -> str:
    """'Participants in councils in intervention were interviewed less often ..., and the models weighted for the
    missed interviews disagree with the complete cases on ...': the changes :func:`_weighted_disputed` found disputed,
    each named with what each fit shows, none stated as found; ``between(r)`` names a row's two waves ("between early
    impact and longer-term change")."""
    def shows(found: bool, estimate: float) -> str:
        return f"reported {'more' if estimate > 0 else 'less'} often" if found else "no significant change"

    items = [f"{ctx.code(r.code).lower()} {between(r)} (complete cases: {shows(r.p_adjusted < ctx.alpha, r.estimate)}; "
             f"weighted: {shows(r.w_p_adjusted < ctx.alpha, r.w_estimate)})" for r in disputed.itertuples()]
    one = len(items) == 1
    return (f"{_response_lead(ctx)}, and the models weighted for the missed interviews {_WEIGHTED_HOW} disagree with "
            "the complete-case models, Holm-adjusted alike, on " + _listed(items, semicolons=True)
            + f": {'this change is' if one else 'these changes are'} not stated as found, nor as absent; the "
            "longitudinal models section's table of the change across the waves weighted for missed interviews sets "
            "the figures of both side by side.")


def _change_sentences(ctx, weak: dict[str, float]) -> list[str]:
    """What the longitudinal models say of change between the first wave and each later one, impact by impact.

    The terms are each later wave against the first, Holm-adjusted across the impacts and later waves together (one
    family: :func:`impact.intervention_effects`), read only where the fit can be (at least ``FEW_UNITS`` councils, no
    separation, finite figures). With three waves a change can show at the second wave and not the third (early
    impact that fades) or at the third only: each later wave with a change is named, and an impact with a change at
    some later waves is said to show none significant at the others (which is not evidence of none). Under machine
    coding a change is stated as a finding only for an impact read with F1 of at least ``WEAK_F1`` on real text and
    whose hand check gives Cohen's kappa of at least ``CHECKED_KAPPA`` at every wave
    (:func:`impact.report.unconfirmed_over_waves`): a coder that reads one wave's talk differently from another's
    makes a change by itself. On seed 93529 (150 councils, nothing planted, machine-coded) the models gave four of the
    six impacts a change between the first wave and the last (Holm p < 0.05) that the planted coding does not show.
    """

    first = ctx.waves[0]
    if len(ctx.waves) < 2:
        return []
    terms = {f"wave_{w}": w for w in ctx.later}
    # (none readable where every model rests on too few councils: the models' own sentence says so)
    holm, rows = _readable_models(ctx, terms)
    if rows.empty:
        return []
    rows = rows.assign(later_wave=rows["term"].map(terms), _o=rows["code"].map(ctx.codes.index),
                       _t=rows["term"].map(list(terms).index)).sort_values(["_t", "_o"])
    several = len(terms) > 1
    doubtful = set(_doubtful_over_waves(ctx, weak))
    before = ctx.wave(first).lower()
    at = (lambda w: ctx.short_wave(w).lower()) if several else (lambda w: ctx.wave(w).lower())
    # where response differs by status, a change the weighted fit does not share is no finding either way
    disputed = _weighted_disputed(ctx, holm, rows[~rows["code"].isin(doubtful)])
    rows, argued = rows.drop(index=disputed.index), set(disputed["code"])
    sig = rows[rows["p_adjusted"] < ctx.alpha]
    firm, unconfirmed = sig[~sig["code"].isin(doubtful)], sig[sig["code"].isin(doubtful)]
    any_later = _listed([at(w) for w in ctx.later], "or")  # "early impact or longer-term change"
    n_codes, n_terms = holm["code"].nunique(), holm["term"].nunique()
    family = (f"adjusted across the {len(holm)} changes modelled ({_say(n_codes)} "
              f"{ctx.one if n_codes == 1 else ctx.many} at {_say(n_terms)} later wave{'' if n_terms == 1 else 's'}, "
              "Holm)" if several else
              f"adjusted across the {len(holm)} {ctx.one if len(holm) == 1 else ctx.many} modelled")
    out = []
    if len(firm):
        # one sentence: a change planted in every impact made six sentences of one shape; later waves at which the
        # same impacts changed the same way are named together, each impact once with its figures at each of them (a
        # change planted at both later waves listed all six impacts twice, with their names)
        # more than _MOST_FIGURES odds ratios (12 where six impacts changed at two waves) are read in the models
        # table: the sentence names each impact, its direction and its waves, then the range of the odds ratios and
        # the largest adjusted p, which no change's figure lies outside
        many = len(firm) > _MOST_FIGURES
        # a list of lists, numbered where a wave's list needs semicolons of its own (round 31). Without figures each
        # group is a wave and a direction, its list the impacts: grouped by wave alone, a wave's list held a list per
        # direction, a list of lists of lists whose innermost lists ('ideas, plans and actions') shared semicolons
        # with the middle ones ('a; b, c; and d reported more often; and e reported less often', round 32)
        said = _listed_lists(
            ((f"at {_at_waves(waves, at, 'both')}", labels, f"reported {d} often")
             for waves, part in _waves_alike(firm, lambda r: (r.code, _direction(r)))
             for labels, d in _by_direction(ctx, part.drop_duplicates("code"))) if many else
            ((f"at {_at_waves(waves, at, 'both')}", [
                f"{ctx.code(code).lower()} reported {_direction(own.iloc[0])} often ({_figures_at(ctx, own, at, waves)})"
                for code, own in part.groupby("code", sort=False, observed=True)])
             for waves, part in _waves_alike(firm, lambda r: (r.code, _direction(r)))))
        out.append(f"Compared with {before}, the models show {said}{_figure_range(ctx, firm, by_direction=True) if many else ''}, "
                   f"{family}.")
        if several:
            # an impact with a change at some later waves and none at others: early impact that faded, or one that
            # showed only later; the waves without a significant change are named, with their estimates (together
            # where the same impacts show none at each)
            changed = rows[rows["code"].isin(set(firm["code"])) & ~rows.index.isin(firm.index)]
            for waves, quiet in _waves_alike(changed, lambda r: r.code):
                many = len(quiet) > _MOST_FIGURES
                out.append(f"Of {ctx.codes_as('that impact' if firm['code'].nunique() == 1 else 'those impacts')}, the models show "
                           f"no significant change between {before} and {_at_waves(waves, at, 'either')} in "
                           + _listed([ctx.code(code).lower() + ("" if many else f" ({_figures_at(ctx, own, at, waves)})")
                                      for code, own in quiet.groupby("code", sort=False, observed=True)])
                           + (_figure_range(ctx, quiet) if many else "")
                           + ", which is not evidence that there was none.")
        # an impact modelled and read well that changed at no later wave is named too: a summary that lists the impacts
        # that changed and, of those, the waves they did not change at, said nothing of it (seed 402977: commitment)
        unchanged = [c for c in ctx.codes if c in set(rows["code"]) - set(sig["code"]) - doubtful - argued]
        unchanged, apart = _apart_by_status(ctx, weak, unchanged)
        if unchanged:
            out.append(f"The models show no significant change between {before} and {any_later} in "
                       + _listed([ctx.code(c).lower() for c in unchanged]) + ", which is not evidence that there was none.")
        out += _no_change_by_status(ctx, apart, before, any_later)
    if len(disputed):
        out.append(_disputed_sentence(ctx, disputed, lambda r: f"between {before} and {at(r.later_wave)}"))
    if len(unconfirmed):
        # no figures: a reader copies an odds ratio and its p from a sentence as readily as from a table, and these
        # are no findings (the models table gives them, in columns headed so)
        # waves that show the same impacts in the same direction are said once ('... at both early impact and
        # longer-term change'): the list of three impacts was given twice, once for each wave (seed 31003)
        # a list of lists: the impacts of each direction and waves ('a; b, c; and d reported more often at ...; and e
        # reported less often at ...' could not be split), numbered where a list needs semicolons (round 31)
        parts = [("", labels, f"reported {d} often at {_at_waves(waves, at, 'both') if several else 'the last'}")
                 for waves, part in _waves_alike(unconfirmed, lambda r: (r.code, _direction(r)))
                 for labels, d in _by_direction(ctx, part.drop_duplicates("code"))]
        between = "the later waves" if several else ctx.wave(ctx.later[0]).lower()
        out.append(
            f"Between {before} and {between}, the machine coding{' also' if out else ''} shows {_listed_lists(parts)} "
            + _not_stated_change(ctx, unconfirmed, weak))
    # the impacts whose machine coding shows no change at any later wave: a null study coded by machine had a summary
    # silent on change across the waves (a change the coder made by itself was the only one named, as no finding), as
    # if the models had not been fitted (audit10); they are named, with why the absence is no finding either and what
    # the models could have detected
    quiet = [c for c in ctx.codes if c in set(rows["code"]) - set(sig["code"]) and c in doubtful]
    if quiet:
        poor, unchecked = [c for c in quiet if c in weak], [c for c in quiet if c not in weak]
        named = (lambda cs: ctx.codes_as("this impact" if len(cs) == 1 else "these impacts")) \
            if not (poor and unchecked) else (lambda cs: _listed([ctx.code(c).lower() for c in cs]))
        reasons = ([_why_weak(weak, poor, named(poor))] if poor else []) + (
            [_alike_at_every_wave(ctx, unchecked, named(unchecked), "the coder")] if unchecked else [])
        span = _detectable_ratios(ctx, rows[rows["code"].isin(quiet)])
        # the impacts the span covers named: beside the limitations' span over every impact modelled, '2.11 to 2.64'
        # read as a second figure for the same models (reader2, the example)
        these = ctx.codes_as("this impact" if len(quiet) == 1 else f"these {_say(len(quiet))} impacts")
        power = ([f"the models had an 80% chance of detecting a change in {these} only if its odds ratio was at least "
                  f"{_ratio_span(span).format(one=_varying(ctx, rows[rows['code'].isin(quiet)]))} (or no more than "
                  "its inverse, for a fall)"] if span else [])
        # every clause set off by the helper: the power clause joined by hand after clauses numbered for their own
        # lists ('(1) ...; and (2) ..., and coding error blurs a real change; the models had ...') read as a third
        # clause without its number (round 34)
        because = (_listed_clauses([*reasons, "coding error blurs a real change", *power]) if power else
                   _listed_clauses(reasons) + ", and coding error blurs a real change")
        out.append(f"The machine coding{' also' if out else ''} shows no significant change between {before} and "
                   f"{any_later} in " + _listed([ctx.code(c).lower() for c in quiet])
                   + f" once {'the changes' if several else ctx.codes_as('the impacts')} are adjusted for multiple "
                   "comparisons (Holm), but " + because + ", so this is not evidence that there was none.")
    if sig.empty and not (rows["code"].isin(doubtful | argued)).all():
        stated, apart = _apart_by_status(ctx, weak, [c for c in ctx.codes if c in set(rows["code"]) - doubtful - argued])
        if stated:
            out.append(f"The models show no significant change between {before} and {any_later} in "
                       + _listed([ctx.code(c).lower() for c in stated])
                       + f" once {'the changes' if several else ctx.codes_as('the impacts')} are adjusted for multiple "
                       "comparisons (Holm), which is not evidence that there was none.")
        out += _no_change_by_status(ctx, apart, before, any_later)
    lockstep = [c for c in _lockstep(ctx) if c in set(rows["code"])]
    if out and lockstep:
        # every council's notice lifted between the later waves: a change 'after the review' is also the change out
        # of intervention, and the summary said nothing of it (audit10)
        out.append("At each wave every council interviewed had the same intervention status, which changed between "
                   "the waves, so these changes across the waves include any effect of the change in status: the "
                   "models cannot tell the two apart" + ("" if set(lockstep) == set(rows["code"]) else
                                                  f" (for {_listed([ctx.code(c).lower() for c in lockstep])})") + ".")
    weighted = _weighted_change_caveat(ctx) if out else None
    if weighted:
        out.append(weighted)
    return out


def _apart_by_status(ctx, weak: dict[str, float], codes: list[str]) -> tuple[list[str], list[str]]:
    """``codes`` split into those whose change the summary does not state differs by intervention status and those
    it does (:func:`_by_status_claimed`)."""
    differs = set(_by_status_claimed(ctx, weak)[3].get("code", ()))
    return [c for c in codes if c not in differs], [c for c in codes if c in differs]


def _no_change_by_status(ctx, codes: list[str], before: str, later: str) -> list[str]:
    """'For promotion of learning ..., whose change differs by intervention status (below), the models of all councils
    together show no significant change between ... : that is an average of the two groups' changes, not the change
    in either.' Study s24_entered_lifted_rise (truth57, seed 5700104: learning planted to rise in every council and
    more in those in intervention at the early wave) said "no significant change" in learning beside the sentence
    that it rose in both groups, each interval above 1."""
    if not codes:
        return []
    one = len(codes) == 1
    return [f"For {_listed([ctx.code(c).lower() for c in codes])}, whose change differs by intervention status, "
            f"the models of all councils together show no significant change between {before} and {later}: "
            f"{'that is' if one else 'those are'} an average of the two groups' changes, not the change in either "
            "(given below)."]


def _not_stated_change(ctx, unconfirmed: pd.DataFrame, weak: dict[str, float]) -> str:
    """'(the figures are in the longitudinal models section), but this is not stated as a finding: the coder may read
    one wave's talk differently ...': why a change the machine coding shows between waves (``unconfirmed``, rows of
    the models table) is not a finding, ending the sentence that names it."""
    one = len(unconfirmed) == 1
    codes = list(dict.fromkeys(unconfirmed["code"]))
    poor = [c for c in codes if c in weak]
    these = ctx.codes_as("this impact") if len(codes) == 1 else ctx.codes_as("these impacts")
    alike = _alike_at_every_wave(ctx, codes, these, 'it')
    # an impact the coder reads poorly on real text is no finding either way: the reader is told that too, in a
    # sentence of its own where the hand check's clause holds a list set off by semicolons ('...; and 0.60 for c;
    # and the coder's F1 ...' joined one more item to it; round 32)
    why = "" if not poor else _why_weak(weak, poor, these if len(poor) == len(codes) else _listed(
        [ctx.code(c).lower() for c in poor]))
    # the F1 clause's own list set off by semicolons ('below 0.70 for development of ideas, plans and actions; and
    # promotion of learning ...') read as one more clause of the sentence too (seed 32352, 25 councils: round 34)
    why = "" if not why else f"; and {why}" if ";" not in _outside_brackets(alike + why) else f". In addition, {why}"
    return ("(the figures are in the longitudinal models section), but " + ("this is" if one else "these are")
            + " not stated as " + ("a finding" if one else "findings")
            + ": the coder may read one wave's talk differently from another's (hopes before a review, what happened "
            f"after it), which makes a change by itself, and {alike}{why}.")


def _since_terms(ctx) -> dict[str, str]:
    """The models' contrasts of each wave after the first later one with it (``longer_term_vs_early``), to that wave
    (:func:`impact.intervention_effects`); none with fewer than two later waves."""
    return {f"{w}_vs_{ctx.later[0]}": w for w in ctx.later[1:]} if len(ctx.later) >= 2 else {}


def _since_first_after(ctx, weak: dict[str, float]) -> list[str]:
    """The significant changes between the first wave after the review and each later one, impact by impact.

    Each later wave was read against the first (before the review) only: an
    impact most participants reported soon after the review and few a year
    on (planted 73% to 7%) was "no significant change between expectations
    and longer-term change", and no sentence said it had fallen. The models'
    contrasts of the later waves with the first after the review (Holm
    across the impacts, :func:`impact.intervention_effects`) are read where
    the fit can be (as :func:`_change_sentences` reads its own) and the
    impact is not one whose machine coding is unconfirmed over the waves.
    The impacts read with no significant change are named beside the ones
    that changed, or alone where none did (silence read as no data).
    """
    terms = _since_terms(ctx)
    holm, rows = _readable_models(ctx, terms)
    if rows.empty:
        return []
    doubtful = rows["code"].isin(set(_doubtful_over_waves(ctx, weak)))
    # a change the machine coding shows that is no finding is named as such, as between the first wave and the later
    # ones: seed 32352 (25 councils, machine-coded) showed staff morale down between early impact and longer-term
    # change (Holm p < 0.05; planted, every impact down 0.6 on the log-odds scale), and the summary said nothing of it
    # (report truth round 35)
    unconfirmed = rows[doubtful & (rows["p_adjusted"] < ctx.alpha)]
    rows = rows[~doubtful]
    # where response differs by status, a change the weighted fit does not share is no finding either way
    disputed = _weighted_disputed(ctx, holm, rows)
    rows = rows.drop(index=disputed.index)
    sig = rows[rows["p_adjusted"] < ctx.alpha]
    first = ctx.short_wave(ctx.later[0]).lower()
    out, machine = [], []
    for term, w in terms.items():
        part = unconfirmed[unconfirmed["term"] == term].assign(_o=lambda d: d["code"].map(ctx.codes.index))
        if len(part):
            last = ctx.short_wave(w).lower()
            parts = [("", labels, f"reported {d} often at {last}")
                     for labels, d in _by_direction(ctx, part.sort_values("_o").drop_duplicates("code"))]
            machine.append(f"Between {first} and {last}, the machine coding shows {_listed_lists(parts)} "
                           + _not_stated_change(ctx, part, weak))
    for term, w in terms.items():
        part = sig[sig["term"] == term].assign(_o=lambda d: d["code"].map(ctx.codes.index)).sort_values("_o")
        # the impacts read at this contrast with no significant change are named too: a sentence naming only the
        # one that fell said nothing of the five read alike, and silence reads as no data (audit13)
        quiet = [c for c in ctx.codes if c in set(rows.loc[rows["term"] == term, "code"]) - set(part["code"])]
        n = int((holm["term"] == term).sum())
        last = ctx.short_wave(w).lower()
        none = (f"no significant change between {first} and {last} in " + _listed([ctx.code(c).lower() for c in quiet])
                + ", which is not evidence that there was none") if quiet else ""
        if part.empty:
            if quiet:
                out.append(f"Between {first} and {last}, the models show no significant change in "
                           + _listed([ctx.code(c).lower() for c in quiet]) + f" (adjusted across the {n} "
                           f"{ctx.one if n == 1 else ctx.many} modelled, Holm), which is not evidence that there was "
                           "none.")
            continue
        out.append(f"Between {first} and {last}, the models show "
                   + _listed([f"{ctx.code(r.code).lower()} reported {_direction(r)} often at {last} "
                              f"({_odds_ratio(r, ctx.alpha)})" for r in part.itertuples()])
                   + f", adjusted across the {n} {ctx.one if n == 1 else ctx.many} modelled (Holm)"
                   # a sentence of its own: after a list set off by semicolons ('...; and e reported less often (...)')
                   # '; they show no significant change in f; and g' read as more of that list (round 32)
                   + (f". They show {none}." if quiet else "."))
    if len(disputed):
        out.append(_disputed_sentence(ctx, disputed.assign(_o=disputed["code"].map(ctx.codes.index)).sort_values("_o"),
                                      lambda r: f"between {first} and {ctx.short_wave(terms[r.term]).lower()}"))
    return out + machine


def _figure_range(ctx, rows: pd.DataFrame, *, by_direction: bool = False) -> str:
    """' (12 changes, odds ratios from 4.38 to 7.43, Holm-adjusted p from < 0.001 to 0.034; ...)': the range of the
    odds ratios and adjusted p-values of ``rows``, for a sentence that names more changes than it can give figures
    for, and where each change's figures are. With ``by_direction`` (significant changes, which the sentence names
    as reported more or less often), a range for each direction where both occur."""
    ratios = np.exp(rows["estimate"].astype(float))
    low, high = (_p_words(float(p), ctx.alpha).removeprefix("p ").removeprefix("= ")
                 for p in (rows["p_adjusted"].min(), rows["p_adjusted"].max()))
    ps = f"p {low}" if low == high else f"p from {low} to {high}"
    up, down = ratios[ratios > 1], ratios[ratios < 1]

    def between(r: pd.Series) -> str:
        # ends that print alike are one figure: 'odds ratios from 3.32 to 3.32' read as a range that is none (round 32)
        low, high = f"{r.min():.2f}", f"{r.max():.2f}"
        return f"odds ratios of {low} each" if low == high else f"odds ratios from {low} to {high}"

    if by_direction and len(up) and len(down):
        # one range over rises and falls (0.07 to 9.88 where morale fell and five impacts rose, audit9) gave neither
        # the smallest rise nor the largest fall: each direction has its own
        def span(r: pd.Series, what: str) -> str:
            return (f"an odds ratio of {r.iloc[0]:.2f} for the one reported {what} often" if len(r) == 1 else
                    f"{between(r)} for the {len(r)} reported {what} often")
        ranges = f"{span(up, 'more')} and {span(down, 'less')}"
    else:
        ranges = between(ratios)
    return (f" ({len(rows)} changes: {ranges}, Holm-adjusted {ps}; "
            "each change's odds ratio, interval and p are in the longitudinal models table)")


#: The most odds ratios the summary's change sentence gives with their intervals; beyond it, their range (the models
#: table gives each).
_MOST_FIGURES = 4


def _waves_alike(rows: pd.DataFrame, key) -> list[tuple[list[str], pd.DataFrame]]:
    """The rows of each later wave (``later_wave``), waves whose rows give the same ``key`` (an impact, or an impact
    and a direction) put together, in the order of their first wave: ``[(waves, their rows), ...]``, the rows in
    their order in ``rows``."""
    groups: dict[tuple, list[str]] = {}
    for w, part in rows.groupby("later_wave", sort=False, observed=True):
        groups.setdefault(tuple(key(r) for r in part.itertuples()), []).append(w)
    return [(waves, rows[rows["later_wave"].isin(waves)]) for waves in groups.values()]


def _at_each_later(ctx) -> str:
    """'at early impact (about 3 months after) and at longer-term change (about 12 months after)': when, of the waves
    after the first.  The wave labels are names, not times: 'what participants said early impact (about 3 months
    after) and longer-term change' read as a list of things said."""
    return " and ".join(f"at {ctx.wave(w).lower()}" for w in ctx.later)


def _at_waves(waves: list[str], at, two: str) -> str:
    """'early impact'; 'both early impact and longer-term change' (``two`` 'both'), or 'either ... or ...'; 'each of
    a, b and c' or 'any of a, b or c' for three or more."""
    names = [at(w) for w in waves]
    if len(names) == 1:
        return names[0]
    joined = _listed(names, "and" if two == "both" else "or")
    return f"{two} {joined}" if len(names) == 2 else f"{'each' if two == 'both' else 'any'} of {joined}"


def _figures_at(ctx, own: pd.DataFrame, at, waves: list[str]) -> str:
    """The odds ratio, interval and adjusted p of one impact's rows, each followed by its wave when there are several."""
    if len(waves) == 1:
        return _odds_ratio(own.iloc[0], ctx.alpha)
    return _listed((f"{_odds_ratio(r, ctx.alpha)} at {at(r.later_wave)}" for r in own.itertuples()), semicolons=True)


#: What the summary's descriptive sentences state, in the order it gives them (see :func:`_descriptive`).
_DESCRIPTIVE_ORDER = ("which impacts participants most often expected before the review",
                      "which impacts were most often reported after the review", "the share of expectations realised",
                      "the share of early impacts still reported later", "what reported impacts were credited to")


def _stated(ctx, whats: list[str]) -> list[str]:
    """What each of :data:`_DESCRIPTIVE_ORDER`'s sentences states, in the words of the codebook's codes.

    A code that is not an impact (a theme of the review, a topic) is talked
    about, not reported as having happened, and "early themes" reads as
    themes that came early: the share sustained names the waves and what was
    done with the codes ("raised") for such a codebook.
    """
    out = []
    for what in whats:
        if what == _DESCRIPTIVE_ORDER[1]:
            out.append(f"which {ctx.many} were most often {ctx.said} after the review")
            continue
        if what == _DESCRIPTIVE_ORDER[3] and ctx.one != "impact" and len(ctx.later) >= 2:
            first, last = ctx.short_wave(ctx.later[0]).lower(), ctx.short_wave(ctx.later[-1]).lower()
            # the waves' names are not put in the codebook's words ('early impact' is a wave, not a code)
            out.append(f"the share of the {ctx.many} participants raised at {first} that they raised again at {last}")
            continue
        out.append(ctx.codes_as(what))
    return out


def _descriptive(ctx) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, bool]]]:
    """The summary's descriptive sentences as (what it states, sentence) pairs, each left out when its numbers are absent.

    Three lists: the pairs the summary puts before the differences by
    intervention status (expectations, reports, expectations realised), those
    it puts after them (what reported impacts were credited to), and what it
    leaves out because a count behind the shares is suppressed, each with
    whether one of those counts is itself below the threshold (False: every
    count is at least the threshold but is hidden to protect a smaller one
    that, with the published counts, it would give away).
    """
    before, hidden = [], []
    expected, reported = _DESCRIPTIVE_ORDER[:2]
    ant = _most_often_shared(ctx, "anticipated", [ctx.waves[0]])
    if ant is not None:
        before.append((expected, _ranked_sentence(ctx, ant, True)))
    elif not ctx.shown(*(keys := _share_keys(ctx, "anticipated", [ctx.waves[0]]))):
        hidden.append((expected, _below_threshold(ctx, keys)))
    rep = _most_often_shared(ctx, "reported", ctx.later)
    if rep is not None:
        before.append((reported, _ranked_sentence(ctx, rep, False)))
    elif ctx.later and not ctx.shown(*(keys := _share_keys(ctx, "reported", ctx.later))):
        hidden.append((reported, _below_threshold(ctx, keys)))
    uncoded = _never_coded(ctx)
    if uncoded and before:
        # 'participants most often expected policies and commitment' of a coding that never coded three of the six
        # impacts ranks them as if no participant had spoken of them: the reader is told they were not coded at all
        what, sentence = before[-1]
        one = len(uncoded) == 1
        named = _listed([ctx.code(c).lower() for c in uncoded])
        before[-1] = (what, f"{sentence} {named[:1].upper()}{named[1:]} "
                            f"{'was' if one else 'were'} coded in no interview at any wave, so "
                            f"{'it is' if one else 'they are'} not ranked (no coding says whether anyone expected, "
                            "reported or denied " + ("it" if one else "them") + ").")
    for what, sentence, counts, keys in (
            (_DESCRIPTIVE_ORDER[2], _realised_share(ctx), _realised_counts(ctx), _REALISED_KEYS),
            (_DESCRIPTIVE_ORDER[3], _sustained_share(ctx), _sustained_counts(ctx), _SUSTAINED_KEYS)):
        if sentence is not None:
            before.append((what, sentence))
        elif counts is not None and counts[0] > 0 and not ctx.shown(*keys):
            hidden.append((what, _below_threshold(ctx, keys)))
    credit = _credit_sentence(ctx)
    after = [(_DESCRIPTIVE_ORDER[4], credit)] if credit else []
    return before, after, hidden


def _hidden_descriptive(ctx, hidden: list[tuple[str, bool]]) -> str:
    """The summary's sentence naming what it leaves out of :data:`_DESCRIPTIVE_ORDER` for disclosure, and why: a count
    below the threshold, or (secondary suppression) counts that would give a smaller, unpublished one away."""
    small = [what for what, below in hidden if below]
    beside = [what for what, below in hidden if not below]
    said = []
    if small:
        said.append(f"{_listed(_stated(ctx, small))}: a count behind {'it' if len(small) == 1 else 'them'} is below "
                    f"{ctx.min_count} and is not published, to protect the participants, and the shares would give it "
                    "away")
    if beside:
        said.append(f"{'nor ' if small else ''}{_listed(_stated(ctx, beside))}: each count behind "
                    f"{'it' if len(beside) == 1 else 'them'} is at least {ctx.min_count}, but together with the counts "
                    "the tables publish it would give away a smaller count that is not published")
    return f"This summary does not state {'; '.join(said)} (the tables show the counts that can be published)."


def _ranked_sentence(ctx, ranked: pd.DataFrame, expected: bool) -> str:
    """The summary's sentence on which impacts were most often expected (before the review) or reported (after it):
    ``ranked`` by share, from :func:`_most_often_shared`, whose column ``named`` marks those that stand out. Those
    named, each with its share; where more stand out than not, the rest as least often and the others' shares as a
    range (a study named five of six impacts 'most often reported', 41% to 53%, over a sixth at 30%); where none
    stands out, that none does and the range of the shares."""
    named, rest = ranked[ranked["named"]], ranked[~ranked["named"]]
    unit = "" if expected else " of participant interviews"
    tail = f" (share of participants who anticipated each {ctx.one})" if expected else ""
    if named.empty:
        return ((f"Before the review, no {ctx.one} stood out as most often expected " if expected else
                 f"After the review, no {ctx.one} stood out as most often {ctx.said} ")
                + _none_stands_out(_pct(ranked["share"].min()), _pct(ranked["share"].max()),
                                   unit or " of participants") + ".")
    least = len(named) > len(rest)
    which = rest if least else named
    how = "least often" if least else "most often"
    listed = _listed([f"{ctx.code(c).lower()} ({_pct(r.share)}{unit})" for c, r in which.iterrows()])
    one = len(which) == 1
    lead = (f"Before the review, participants {how} expected " if expected else
            f"After the review, the {ctx.one if one else ctx.many} {how} {ctx.said} {'was' if one else 'were'} ")
    others = (f"; the others ranged from {_pct(named['share'].min())} to {_pct(named['share'].max())}{unit or ' of participants'}"
              if least else "")
    return lead + listed + others + tail + "."


def _never_coded(ctx) -> list[str]:
    """The impacts of the report that the coding holds no statement of, of any kind, at any wave (in report order);
    none when nothing at all was coded."""
    coded = ctx.f.coded
    if coded is None or coded.empty or "code" not in coded.columns:
        return []
    held = set(coded["code"])
    return [c for c in ctx.codes if c not in held]


def _most_often_shared(ctx, measure: str, waves: list[str], k: int = 2) -> pd.DataFrame | None:
    """Every impact's overall share of ``measure`` at ``waves``, largest first, with a column ``named`` marking the
    ``k`` largest (or as many as stand out beyond chance, see :func:`_leaders`; none where none does), every impact
    tied with the last of them marked too; None when none holds or a count behind the shares is suppressed.

    The shares pool both status groups, so they are stated only when every count they are computed from is published
    (a 5-council study's summary gave 56% of a suppressed count of participants, which gave that count away); and two
    impacts are never named as "most often" over a third that is as common.
    """
    if _shares_suppressed(ctx, measure, waves):
        return None
    prev = ctx.f.prevalence
    p = prev[(prev["measure"] == measure) & prev["wave"].isin(waves) & prev["code"].isin(ctx.codes)]
    out = _overall(p, measure, waves)
    if out.empty or out["events"].sum() <= 0:
        return None
    # the codebook's order breaks no tie: every impact tied with the k-th is named
    out = out.reindex([c for c in ctx.codes if c in out.index]).sort_values("share", ascending=False, kind="stable")
    m = _leaders(list(zip(out["events"], out["n"], strict=True)), k, ctx.alpha)
    return out.assign(named=[i < m for i in range(len(out))])


def _leaders(counts: list[tuple[float, float | None]], k: int, alpha: float) -> int:
    """How many of ``counts`` (``(events, out of)`` pairs, largest share first; ``out of`` None for counts of the same
    people) to name as the most frequent: the largest number up to ``k``, else the smallest above it, whose last is
    more frequent than the next beyond what chance gives; 0 where there is none, or only one count.

    A ranking named two impacts 'most often reported' at 54% and 54% over a third at 53% (and factors said to help
    by 21 and 20 participants): a comparison word with no difference beyond chance behind it. Two shares are told
    apart by Fisher's exact test, two counts of the same people by the exact binomial test of the first given their
    sum (two-sided, at ``alpha``). A tie is never beyond chance, so every count tied with the last named is named too.
    """
    def apart(i: int) -> bool:
        (a, n_a), (b, n_b) = counts[i - 1], counts[i]
        a, b = int(round(a)), int(round(b))
        if n_a is None or n_b is None:
            return a > b and _exact_p(a, None, b, None) < alpha
        n_a, n_b = int(round(n_a)), int(round(n_b))
        if n_a <= 0 or n_b <= 0 or a * n_b <= b * n_a:
            return False
        return _exact_p(a, n_a, b, n_b) < alpha

    cuts = [m for m in range(1, len(counts)) if apart(m)]
    return max([m for m in cuts if m <= k], default=min([m for m in cuts if m > k], default=0))


@functools.lru_cache(maxsize=4096)
def _exact_p(a: int, n_a: int | None, b: int, n_b: int | None) -> float:
    """:func:`_leaders`' two-sided p-value of ``a`` against ``b``: Fisher's exact test of ``a`` of ``n_a`` against ``b``
    of ``n_b``, or, without them, the exact binomial test of ``a`` of ``a + b``. Memoised: a ranking's adjacent counts
    repeat across sections and reports, and each test takes 0.5-1 ms."""
    from scipy.stats import binomtest, fisher_exact

    if n_a is None or n_b is None:
        return float(binomtest(a, a + b).pvalue)
    return float(fisher_exact([[a, n_a - a], [b, n_b - b]]).pvalue)


def _share_keys(ctx, measure: str, waves: list[str]) -> list:
    """The ledger's keys of the counts behind the pooled shares of ``measure`` at ``waves``."""
    prev = ctx.f.prevalence
    p = prev[(prev["measure"] == measure) & prev["wave"].isin(waves) & prev["code"].isin(ctx.codes)]
    keys = [("with", measure, r.code, r.wave, r.group) for r in p.itertuples()]
    keys += [("participants_group", r.wave, r.group) for r in p.itertuples()]
    return [key for key in keys if key in ctx.ledger.values]


def _shares_suppressed(ctx, measure: str, waves: list[str]) -> bool:
    """Whether a count behind the pooled shares of ``measure`` at ``waves`` is suppressed (see
    :func:`_most_often_shared`)."""
    return not ctx.shown(*_share_keys(ctx, measure, waves))


def _below_threshold(ctx, keys) -> bool:
    """Whether a count among ``keys`` is itself below the threshold (suppressed as primary), as opposed to hidden only
    because, beside the published counts, it would give a smaller one away (secondary suppression)."""
    return any(ctx.ledger.below_threshold(k) for k in keys)


def _overall(prev: pd.DataFrame, measure: str, waves: list[str]) -> pd.DataFrame:
    """Events and participant-waves per code over the given waves, both status groups together."""
    p = prev[(prev["measure"] == measure) & prev["wave"].isin(waves)]
    if p.empty:
        return pd.DataFrame()
    out = p.groupby("code", observed=True)[["events", "n"]].sum()
    out["share"] = out["events"] / out["n"].where(out["n"] > 0)
    return out.dropna(subset=["share"])


def _realised_counts(ctx) -> tuple[int, int, int, int] | None:
    """:func:`_count_realised` of the report's context, counted once (:attr:`_Ctx.realised_counts`)."""
    return ctx.realised_counts


def _count_realised(ctx) -> tuple[int, int, int, int] | None:
    """The expectations held before the review by participants interviewed at every wave, how many of them were
    realised (one per participant and impact), the impacts the same participants neither expected nor reported before
    the review and how many of those were reported afterwards all the same; None with fewer than two waves after the
    review.

    The last two are the yardstick of the first two: in a study where nothing was planted, 80% of expectations were
    'realised' and 77% of the impacts nobody expected were reported afterwards too (seed 591147), so a share realised
    given alone reads as expectations fulfilled when it says no more than how often impacts are reported.

    Only they can show both outcomes: an expectation is realised when the impact is reported at either later wave, but
    unmet only when it is reported at neither, so a participant who missed a later wave could count as realised and
    never as unmet (seeds 74309 and 85127: 70% and 73%, where participants interviewed at every wave realised 66% and
    70%). The trajectory table counts the same participants (:func:`impact.trajectories`), so its realised and unmet
    columns add up to the summary's counts (they counted a wider group, and a reader could not check one against the
    other).
    """
    # Defined on any number of waves after the first, not only on the three the trajectories need: a study with a
    # fourth wave had no trajectory table and no sentence on expectations realised, and no word of why.
    if len(ctx.later) < 2:
        return None
    pp = ctx.f.participant_panel
    if pp is None or pp.empty or not {"participant_id", "wave", "code", "anticipated", "reported"} <= set(pp.columns):
        return None
    first, later = ctx.waves[0], ctx.later
    # seen at every wave at which an interview was held: at every declared one, none was where a wave between had
    # none, and the sentence on expectations realised went unsaid (truth72)
    pp = _seen_at_each(pp[pp["code"].isin(ctx.codes)], [first, *later])
    at_first = pp[pp["wave"] == first]
    expected = at_first[at_first["anticipated"].astype(bool)][["participant_id", "code"]].drop_duplicates()
    # the yardstick leaves out impacts already reported before the review: they were under way, not unexpected, and are
    # reported again afterwards far more often than an impact that was not (seed 804431: an impact near ceiling made
    # 195 of the 337 'not expected', 85% reported afterwards, against 47% of the 142 neither expected nor under way,
    # so 40% of expectations realised read as far below the 69% of impacts 'not expected')
    under_way = at_first["reported"].astype(bool)
    unexpected = at_first[~at_first["anticipated"].astype(bool) & ~under_way][["participant_id", "code"]].drop_duplicates()
    reported = pp[pp["wave"].isin(later) & pp["reported"].astype(bool)][["participant_id", "code"]].drop_duplicates()
    return (len(expected), len(expected.merge(reported, on=["participant_id", "code"])), len(unexpected),
            len(unexpected.merge(reported, on=["participant_id", "code"])))


#: Ledger keys of the counts the summary's share sentences publish (declared by :func:`_declare_shares`).
_REALISED_KEYS = (("summary_expected",), ("summary_realised",), ("summary_unmet",))
_UNEXPECTED_KEYS = (("summary_unexpected",), ("summary_unexpected_reported",), ("summary_unexpected_not_reported",))
_SUSTAINED_KEYS = (("summary_early",), ("summary_kept",), ("summary_faded",), ("summary_new",))


def _declare_shares(ctx) -> None:
    """Declare the counts of the summary's share sentences: a 5-council study's summary said '1 (20%) were reported as
    realised', a count of 1, beside tables that hide every count below 5 and a limitation saying so."""
    led = ctx.ledger
    if _weak_codes(ctx):
        # under a machine coder that reads some impact with F1 below _WEAK_F1 the summary states none of these shares
        # (see :func:`_descriptive_withheld`): declared all the same, they hid cells of the table of realisation to
        # protect counts no reader is given (the bundled example's table showed 'c' for 8 of its 12 realised and unmet
        # cells)
        return
    realised = _realised_counts(ctx)
    if realised is not None:
        n, k, m, j = realised
        for keys, total, part in ((_REALISED_KEYS, n, k), (_UNEXPECTED_KEYS, m, j)):
            # kept: the table of realisation hides more of its cells before the summary loses its share (seed 9715,
            # 12 councils: the summary left out 30 of 38 expectations realised, its unmet count 8 hidden beside the
            # table's cells)
            for key, v in zip(keys, (total, part, total - part), strict=True):
                led.count(key, v, keep=True)
            led.relation(keys[0], keys[1:])
        # the counts realised and unmet are the sums of the columns of the table of realisation, which counts the same
        # participants: declared as sums, as the totals of sustained impact below
        _declare_column_sums(ctx, _REALISED_KEYS[1:], ("realisation_realised", "realisation_unmet_expectation"))
        _declare_column_sums(ctx, _UNEXPECTED_KEYS[1:], ("realisation_unanticipated", "realisation_not_mentioned"))
    sustained = _sustained_counts(ctx)
    if sustained is not None:
        n, k, new = sustained
        for key, v in zip(_SUSTAINED_KEYS, (n, k, n - k, new), strict=True):
            led.count(key, v, keep=True)
        led.relation(_SUSTAINED_KEYS[0], _SUSTAINED_KEYS[1:3])
        # The totals are the sums of the columns of the table of sustained impact, which counts the same participants
        # (those interviewed at both waves after the review): a total less the published cells gave a suppressed cell
        # back (seed 9503, 15 councils: the one faded cell shown as c was the total less the others, 5, and its row
        # then gave its emerging cell, 2). Declared as sums, the table suppresses beside them what they would reveal.
        _declare_column_sums(ctx, _SUSTAINED_KEYS[1:],
                             ("persistence_sustained", "persistence_faded", "persistence_emerging"))


def _declare_column_sums(ctx, keys, columns) -> None:
    """Declare each summary count of ``keys`` the sum of the trajectory table's cells in its column of ``columns``,
    where it is."""
    led, t = ctx.ledger, ctx.f.trajectory_summary
    for key, col in zip(keys, columns, strict=True):
        parts = [("traj", c, col) for c in t["code"]] if t is not None and len(t) and col in t.columns else []
        if parts and all(p in led.values for p in parts) and sum(led.values[p] for p in parts) == led.values[key]:
            led.relation(key, parts)


def _realised_share(ctx) -> str | None:
    """The share of expectations realised, among participants interviewed at every wave (see :func:`_realised_counts`);
    None when there is none to give or a count behind it is suppressed."""
    counts = _realised_counts(ctx)
    if counts is None or counts[0] == 0 or not ctx.shown(*_REALISED_KEYS):
        return None
    n_expected, n_realised, n_unexpected, n_also = counts
    # 'afterwards' is at either later wave of three; with more, at any of them, which a reader of a share realised
    # should know: the more waves after the review, the more of both shares (truth66: 78% realised and 82% of the
    # impacts nobody expected, at any of 4 later waves)
    held = "" if len(ctx.later) == len(ctx.waves) - 1 else " at which interviews were held"  # (truth72)
    after, again = ("afterwards", "afterwards") if len(ctx.later) <= 2 else (
        f"at one or more of the {len(ctx.later)} waves after it{held}", "at one or more of them")
    who = ("that participants interviewed at every wave held before the review" if not held else
           f"held before the review by participants interviewed at every wave{held}")
    sentence = (f"Of the {n_expected:,} expectations {who} "
                f"(one per participant and {ctx.one}), {n_realised:,} ({n_realised / n_expected:.0%}) "
                f"{'was' if n_realised == 1 else 'were'} reported as realised {after}")
    if n_unexpected == 0 or not ctx.shown(*_UNEXPECTED_KEYS):
        return sentence + "."
    # Without the impacts nobody expected the share cannot be read: it is as high as they are reported afterwards.
    return (f"{sentence}; of the {n_unexpected:,} {ctx.many} the same participants had neither expected nor reported "
            f"before the review, {n_also:,} "
            f"({n_also / n_unexpected:.0%}) {'was' if n_also == 1 else 'were'} reported {again} all the same.")


def _seen_at_each(pp: pd.DataFrame, waves: list[str]) -> pd.DataFrame:
    """The rows of a participant panel at ``waves`` of the participants it holds at every one of them."""
    pp = pp[pp["wave"].isin(waves)]
    seen = pp.groupby("participant_id", observed=True)["wave"].nunique()
    return pp[pp["participant_id"].isin(seen.index[seen == len(waves)])]


def _sustained_counts(ctx) -> tuple[int, int, int] | None:
    """:func:`_count_sustained` of the report's context, counted once (:attr:`_Ctx.sustained_counts`)."""
    return ctx.sustained_counts


def _count_sustained(ctx) -> tuple[int, int, int] | None:
    """Of the impacts reported at the first wave after the review by participants interviewed at the first and the
    last wave after it (one per participant and impact): how many, how many were reported again at the last, and how
    many impacts were reported at the last and not at the first. None with fewer than two waves after the review.

    The study's question after the review is whether early impact lasts; the summary said nothing of it (a study whose
    planted effect was a change between the waves, shown in the models table at p < 0.001, had no sentence on it).
    Only participants seen at both waves can show an impact sustained or faded, so only they are counted.
    """
    if len(ctx.later) < 2:
        return None
    pp = ctx.f.participant_panel
    if pp is None or pp.empty or not {"participant_id", "wave", "code", "reported"} <= set(pp.columns):
        return None
    early, late = ctx.later[0], ctx.later[-1]
    pp = _seen_at_each(pp[pp["code"].isin(ctx.codes)], [early, late])
    pp = pp[pp["reported"].astype(bool)]
    at_early = pp[pp["wave"] == early][["participant_id", "code"]].drop_duplicates()
    at_late = pp[pp["wave"] == late][["participant_id", "code"]].drop_duplicates()
    n_kept = len(at_early.merge(at_late, on=["participant_id", "code"]))
    return len(at_early), n_kept, len(at_late) - n_kept


def _sustained_share(ctx) -> str | None:
    """Longer-term change: the sentence of :func:`_sustained_counts`, or None when there is none to give or a count
    behind it is suppressed."""
    counts = _sustained_counts(ctx)
    if counts is None or counts[0] == 0 or not ctx.shown(*_SUSTAINED_KEYS):
        return None
    n_early, n_kept, n_new = counts
    early, late = ctx.later[0], ctx.later[-1]
    first, last = ctx.short_wave(early).lower(), ctx.short_wave(late).lower()
    # With three or more waves after the review, 'both waves after the review' is untrue (the waves are named). An
    # impact at the last wave and not at the first after the review is not 'reported for the first time': it may have
    # been reported before the review or at a wave between (a null study said so of 61 impacts, 34 of which its
    # participants had reported before the review; a study with a fourth wave, of 36 every one reported at the third).
    two = len(ctx.later) == len(ctx.waves) - 1 == 2  # not where a wave between had no interview (truth72)
    new = f"{ctx.said} at {last} that had not been at {first}"
    return (f"Of the {n_early:,} {ctx.many} that participants interviewed at "
            f"{'both waves after the review' if two else f'both {first} and {last}'} {ctx.said} at "
            f"{first} (one per participant and {ctx.one}), {n_kept:,} ({n_kept / n_early:.0%}) "
            f"{'was' if n_kept == 1 else 'were'} {ctx.said} again at {last}; "
            f"{'none was' if n_new == 0 else f'{n_new:,} was' if n_new == 1 else f'{n_new:,} were'} {new}.")


def _credit_sentence(ctx) -> str | None:
    att = ctx.f.attribution
    if att is None or att.empty:
        return None
    row = att[att["code"] == "all"].iloc[0]
    n = int(row["n_reported"])
    if n < ctx.min_count or any(ctx.ledger.hidden(k) for k in ctx.statements_withheld if k[:2] == ("att", "all")):
        return None  # (the pooled counts withheld: they would narrow a hidden count of participants)
    other, unclear = int(row["n_other"]), int(row["n_unclear"])
    if other + unclear == 0:
        return (f"Every one of the {n:,} statements reporting {ctx.codes_as('an impact')} after the review credited it "
                "to the review, explicitly or by the context of the interview.")
    factors = [x for x in OTHER_FACTORS if x != "unclear"]
    # Up to three factors credited most often, named only where they stand out beyond chance (see :func:`_leaders`;
    # each statement credits one cause, so two counts are told apart by the binomial test of the first given their
    # sum), every factor tied with the last named named too. The three largest were named whatever the gap: 'Ofsted
    # 4%, new leadership 4%, funding 4%' over a fourth at 3% (seed 63421) ranked causes no test told apart.
    ranked = sorted(((int(row[f"n_{x}"]), x) for x in factors if row[f"n_{x}"] > 0), key=lambda t: -t[0])
    named = ranked if len(ranked) == 1 else ranked[:_leaders([(k, None) for k, _ in ranked], 3, ctx.alpha)]
    parts = _listed(f"{_FACTOR_LABELS[x]} {k / n:.0%}" for k, x in named)  # one cause alone, or none named
    if named and len(named) < len(ranked):
        # The causes named are above the rest beyond chance, so their printed shares must read above the rest's: at
        # whole percents the last named and the first not named could print alike (50 and 30 of 2,000 statements,
        # apart beyond chance, both '2%'). Shares get the decimals that tell the two apart, and the largest share
        # not named is given, so the comparison the sentence makes can be read in its own figures.
        (last, _), (next_, _) = named[-1], ranked[len(named)]
        digits = next(d for d in range(4) if f"{last / n:.{d}%}" != f"{next_ / n:.{d}%}" or d == 3)
        parts = ("most often " + _listed(f"{_FACTOR_LABELS[x]} {k / n:.{digits}%}" for k, x in named)
                 + f"; each other cause {next_ / n:.{digits}%} or less")
    elif ranked and not named:
        lo, hi = f"{ranked[-1][0] / n:.0%}", f"{ranked[0][0] / n:.0%}"
        parts = (f"each other cause {lo}" if lo == hi else
                 f"each other cause from {lo} to {hi}, none above the next beyond what chance gives")
    # statements, not impacts: the count is of statements (one per span and code), while the summary's other
    # sentences count one impact per participant ('Of the 153 impacts reported' beside 'Of the 39 impacts', audit10)
    text = (f"Of the {n:,} statements reporting {ctx.codes_as('an impact')} after the review, {other / n:.0%} "
            f"credited it to something other than the review" + (f" ({parts})" if parts else ""))
    if unclear:
        text += f", and for {unclear / n:.0%} the speaker could not say what had caused the change"
    return text + "." + _credit_by_wave(ctx)


def _credit_by_wave(ctx, noun: str = "such statements") -> str:
    """' By wave, 4% of the 321 such statements at early impact and 45% of the 226 at longer-term change credited it to
    something other than the review (cause left open: 1% and 12%).': the share credited to another factor at each
    wave after the review, where there are two or more (the pooled share hides a change between them: planted 5% and
    60%, the summary gave 21% and no more, audit12). Counts of statements are published (they are not counts of
    people); nothing is said where a wave has fewer than ``min_count`` statements, too few for a share."""
    aw = _credits_by_wave(ctx)
    if aw is None:
        return ""
    waves = list(aw["wave"].unique())
    n = {w: ctx.ledger.value(("att_wave", w, "reported")) for w in waves}
    other = {w: ctx.ledger.value(("att_wave", w, "other")) for w in waves}
    unclear = {w: ctx.ledger.value(("att_wave", w, "unclear")) for w in waves}
    # only from published counts (a share of a suppressed count gives it away), and only where every wave has enough
    if len(waves) < 2 or any(n[w] is None or other[w] is None or n[w] < ctx.min_count for w in waves):
        return ""
    parts = [f"{other[w] / n[w]:.0%} of the {int(n[w]):,} " + (f"{noun} " if i == 0 else "")
             + f"at {ctx.short_wave(w).lower()}" for i, w in enumerate(waves)]
    text = f" By wave, {_listed(parts)} credited it to something other than the review"
    if all(unclear[w] is not None for w in waves) and any(unclear.values()):
        text += f" (cause left open: {_listed([f'{unclear[w] / n[w]:.0%}' for w in waves])})"
    return text + "."


def _caveats(ctx) -> list[str]:
    out = []
    if "comparisons" in ctx.f.not_computed:
        # A 5-council study with one council in intervention was warned that "comparisons by intervention status rest
        # on few councils, so intervals are wide", of comparisons it does not make.
        # the reason in an aside of its own, its own brackets set off by commas: "(needs at least two councils in each
        # intervention group (in intervention or not) at the same wave)" nested them (round 25, the tiny study)
        out.append(f"{aside('Councils are not compared by intervention status', ctx.f.not_computed['comparisons'])}, so "
                   "this report can say nothing of a difference between councils in and not in intervention.")
    # the waves at which a status group has few councils interviewed (fewer than FEW_UNITS, the one threshold of the
    # report's "few councils", _few_councils), named: "at some waves" was said of 8-, 20- and 30-council studies where
    # it was so at every wave (report truth round 25, seeds 30411 and 30389)
    from ..stats._models import FEW_UNITS

    few = [w for w in (ctx.waves if "comparisons" not in ctx.f.not_computed else ())
           if 0 < min(ctx.ledger.values.get(("councils_interviewed_group", w, g), 0)
                      for g in ("intervention", "no_intervention")) < FEW_UNITS]
    rows = ctx.f.comparisons.to_dict("records") if ctx.f.comparisons is not None else []
    if few and rows and not any(_comparison_shown(ctx, r) for r in rows):
        # "intervals are wide and a non-significant difference is not evidence of no difference" was said of a table
        # whose every difference, interval and test is c (5 councils, 2 or 3 in intervention, seed 46006, truth46)
        out.append("The comparisons of councils in and not in intervention show no figure: every difference, interval "
                   f"and test of their table is suppressed ({SUPPRESSED}), as the counts behind them are small, so they "
                   "say nothing of a difference between the groups.")
    elif few:
        where = ("at every wave" if len(few) == len(ctx.waves) else
                 "at " + _listed([ctx.short_wave(w).lower() for w in few]))
        out.append(f"Comparisons by intervention status rest on few councils (fewer than {FEW_UNITS} in a status group "
                   f"{where}), "
                   "so intervals are wide and a non-significant difference is not evidence of no difference.")
    missing = _councils_missing(ctx)
    if missing:
        out.append(missing)
    differs = _response_differs(ctx)
    if differs:
        out.append(differs)
    checked = _validation_caveat(ctx)
    if checked:
        out.append(checked)
    if ctx.f.coding.get("source") == "machine":
        coder = ctx.f.coding.get("coder", "rule coder")
        text = (f"The interviews were coded by the package's {coder}, not by people: a difference could come from "
                "coding error if the coder errs more often in some councils' talk than in others'.")
        weak = _weakly_coded(ctx)
        if _unmeasured(_weak_codes(ctx)):
            text += (" Its accuracy on this codebook has not been measured against people's coding, so coding error "
                     "could explain any result, and the summary states none as a finding.")
        elif weak:
            # where to find precision and recall is a sentence of its own: joined to the list of impacts set off by
            # semicolons ('(... 0.62; and affirmation ... 0.53; precision and recall are in the methods section)')
            # it read as one more item of it (seed 32352, 25 councils: round 34)
            text += (f" Measured against people on real text, its F1 is below {_WEAK_F1:.2f} for "
                     f"{_count_words(len(weak), len(ctx.codes))} {ctx.codes_as('impacts')} (" + _listed(weak) + "), so "
                     "coding error could explain any result for "
                     + (ctx.codes_as("that impact") if len(weak) == 1 else ctx.codes_as("those impacts")) + ", and the summary states none as a "
                     "finding. Its precision and recall are in the methods section.")
        # an impact whose model is withheld has no difference by status the summary could state, hand check or not
        # (as one whose models rest on too few councils, round 38): it was named as one a hand check could make a
        # finding (reader2, the example's commitment)
        unchecked = [c for c in _doubtful_by_status(ctx, _weak_codes(ctx))
                     if c not in _weak_codes(ctx) and c not in ctx.models_withheld]
        gee = _gee_rows(ctx)
        # where the models cannot tell a difference by status at all, no hand check would make one a finding: 'the
        # summary states a difference by intervention status ... only when a hand check ... agrees' offered a way
        # the summary above had just ruled out (seed 3811, 10 councils, 3 in intervention; report truth round 38)
        thin = _estimable_gee(gee)[2] if len(gee) else None
        if unchecked and not _unmeasured(_weak_codes(ctx)) and thin:
            text += (" Its accuracy on real text is an average over all the talk it read, so it cannot show that the "
                     "coder errs alike in councils in and out of intervention; here the summary states no difference "
                     "by intervention status as a finding in any case, as "
                     + ("one status group has too few councils in the models." if thin == "one_side" else
                        "the models rest on too few councils."))
        elif unchecked and not _unmeasured(_weak_codes(ctx)):
            text += (" Its accuracy on real text is an average over all the talk it read, so it cannot show that the "
                     "coder errs alike in councils in and out of intervention: the summary states a difference by "
                     "intervention status in " + ((ctx.codes_as("the other impact") if len(unchecked) == 1
                                                   else f"the other {_say(len(unchecked))} {ctx.codes_as('impacts')}")
                                                  # named: 'the other impact' left the reader to work out which
                                                  # from a list of F1s (reader1, the example)
                                                  + f" ({_listed([ctx.code(c).lower() for c in unchecked])})"
                                                  if weak else ctx.codes_as("any impact"))
                     + f" as a finding only when a hand check of the codings in this study (impact run --human) agrees "
                     f"with people (Cohen's kappa at least {CHECKED_KAPPA:.2f}) in both groups.")
        text += (" The hand check of a sample of its codings in this study is in the coding reliability section."
                 if _hand_checked(ctx) else " Check a sample of its codings by hand (impact review export) before publishing.")
        out.append(text)
    return out


#: The share of a study's councils missing at a wave from which the summary says that the wave's figures rest on
#: the councils interviewed at it.
_MANY_MISSING = 0.25


def _councils_missing(ctx) -> str | None:
    """The summary's caveat on the waves at which a quarter or more of the councils were not interviewed.

    With 14 of 36 councils not interviewed at the last wave (seed 913007, audit9) the summary said that every impact
    was 'reported more often at both early impact and longer-term change', as of the whole study, and nothing of the
    councils missing: a reader takes the last wave's figures for all 36, where they rest on 22, which need not be like
    the others (a council with less to report is easier to lose). The counts are those of the attrition table, which
    publishes them (they identify no one).
    """
    n = len(ctx.study.councils)
    got = {w: int(ctx.ledger.values.get(("councils_interviewed", w), n)) for w in ctx.waves}
    many = [w for w in ctx.waves if n and n - got[w] >= _MANY_MISSING * n]
    if not many:
        return None
    said = _listed([f"{n - got[w]:,} of the {n:,} councils at {ctx.wave(w).lower()}" for w in many])
    one = len(many) == 1
    return (f"Not interviewed: {said}. What this report says of {'that wave' if one else 'those waves'} rests on the "
            f"councils interviewed at {'it' if one else 'each'}, which need not be like those missing (the attrition "
            "table in the sample section gives the councils and participants missing at each wave).")


#: The study's validation warnings that bear on the figures (:mod:`impact.validate`), each told by where it is and
#: what it expected: (file, column, a test on what it expected, what the caveat counts of them).
_CHECKED_FILES = (
    ("interviews.csv", "participant_id", re.compile(r"^an interview at every wave \(attrition"), "attrition"),
    ("interviews.csv", "council_id", re.compile(r"^interviews at every wave \(attrition"), "attrition"),
    ("councils.csv", "council_id", re.compile(r"^interviews at some wave \(this council has none"), "never"),
    ("status_history.csv", None, re.compile(r"through council (.+?)'s .+? interviews .*?the panels give a council one "
                                            r"status a wave"), "status"),
)


def _publishable(ctx, k: int, n: int) -> bool:
    """Whether ``k`` of ``n`` people may be given: neither ``k`` nor the rest, ``n - k``, is a small count."""
    return k >= ctx.min_count and (n - k == 0 or n - k >= ctx.min_count)


def _held_under_another_status(study, councils: set[str]) -> tuple[list[str], int]:
    """Of ``councils`` (those the validation warns of a status changing within a wave), those with an interview held
    under an intervention status (none, notice or direction) other than the one its wave is counted in, and the
    number of such interviews. The warning is of any status of the history (an Ofsted judgement, or a notice of one
    kind followed by one of another), which the comparisons by intervention status do not read: round 43's caveat
    said every such council "changed intervention status" (truth44)."""
    if not councils:
        return [], 0
    ws = study.wave_status()
    counted = {(str(c), w): s for c, w, s in zip(ws["council_id"], ws["wave"], ws["intervention"], strict=True)}
    iv = study.interviews.dropna(subset=["wave", "date"])
    iv = iv[iv["council_id"].astype(str).isin(councils)]
    moved: set[str] = set()
    held = 0
    for council, wave, date in zip(iv["council_id"].astype(str), iv["wave"], iv["date"], strict=True):
        if study.status_at(council, date)["intervention"] != counted.get((council, wave)):
            moved.add(council)
            held += 1
    return sorted(moved), held


def _validation_caveat(ctx) -> str | None:
    """The summary's caveat on the study's validation warnings that bear on its figures, counted, in words: provenance
    and About this report gave only their number ("Warnings on the study's files (impact validate) 91", seed 43202 of
    30 councils: participants and councils not interviewed at every wave; truth43), which told a reader nothing of
    what they mean. The people and councils are counted from the study's tables (the warnings name a participant
    with an interview at some wave only, not one never interviewed); the councils whose intervention status changed
    within a wave from the warnings, checked against the study (:func:`_held_under_another_status`). A count of participants, or of councils that changed status, below ``min_count`` is not given
    ('some'); the councils missing a wave are, as the attrition table gives them. None where no such warning is."""
    problems = [p for p in getattr(ctx.study, "load_problems", ()) or () if p.severity != "error"]
    kinds: dict[str, set[str]] = {}
    for file, column, test, kind in _CHECKED_FILES:
        for p in problems:
            found = test.search(str(p.expected)) if p.file == file and column in (None, p.column) else None
            if found is not None:
                kinds.setdefault(kind, set()).add(found.group(1) if found.groups() else str(p.value))
    if not kinds:
        return None
    parts = []
    if "attrition" in kinds or "never" in kinds:
        iv, n_waves = ctx.study.interviews, len(ctx.waves)
        counted: list[str] = []
        for noun, column, public in (("participants", "participant_id", False), ("councils", "council_id", True)):
            everyone = (ctx.study.participants if noun == "participants" else ctx.study.councils)[column].astype(str)
            seen = iv.groupby(iv[column].astype(str))["wave"].nunique().reindex(everyone, fill_value=0)
            k, never = int((seen < n_waves).sum()), int((seen == 0).sum())
            if k:
                # a count of people, or the rest of them, below min_count is not given: it is a small count
                n = len(everyone)
                counted.append(f"{f'{k:,} of the' if public or _publishable(ctx, k, n) else 'some of the'} {n:,} "
                               f"{noun}" + (f" ({never:,} at no wave)" if never and (
                                   public or _publishable(ctx, never, n)) else ""))
        if counted:
            parts.append(f"of missed interviews: {_listed(counted)} were not interviewed at every wave, so the figures "
                         "at each wave rest on those interviewed at it, and those that follow the same people or "
                         "councils across the waves (expectations realised, impacts sustained, the tests of change "
                         "across the waves) on those interviewed at every wave")
    moved, held = _held_under_another_status(ctx.study, kinds.get("status", set()))
    if moved:
        k = len(moved)
        parts.append(f"that {f'{k:,}' if k >= ctx.min_count else 'some'} {'council' if k == 1 else 'councils'} "
                     "changed intervention status between their interviews of one wave, and each council's interviews "
                     "of a wave are counted in the status in force at their median date, so "
                     f"{f'{held:,}' if held >= ctx.min_count else 'some'} "
                     f"{'interview is' if held == 1 else 'interviews are'} counted in a status other than the one in "
                     "force when held")
    if not parts:
        return None
    return "The checks of the study's files (impact validate) warn " + "; and ".join(parts) + "."


def _coder_validity(ctx) -> pd.DataFrame | None:
    """The machine coder's stored accuracy on real labelled text for this codebook, if measured and current."""
    return _validity(ctx.f.codebook, ctx.f.coding.get("source"))


def _weak_codes(ctx) -> dict[str, float]:
    """Impacts the machine coder reads poorly on real text (F1 below ``_WEAK_F1``), with their F1, in report order.

    An impact whose accuracy was never measured (no stored validity for this
    codebook, or one for another version of it, or none for that code) is
    not known to be read well: it is in, with F1 NaN.  Empty for a coding
    supplied by people (see :func:`impact.report.weak_codes`).
    """
    return _weak(ctx.codes, ctx.coder_validity, ctx.f.coding.get("source"))


def _weakly_coded(ctx) -> list[str]:
    """Impacts the machine coder reads poorly on real text, as 'label F1' phrases (measured ones only)."""
    return [f"{ctx.code(c).lower()} {_against(f1, _WEAK_F1)}" for c, f1 in _weak_codes(ctx).items() if not math.isnan(f1)]


#: Tables whose counts and estimates come from the coding of the impacts.
_IMPACT_TABLES = frozenset({"expectations", "prevalence", "realisation", "persistence", "attribution", "comparisons",
                            "change_over_time", "attrition_sensitivity", "attrition_sensitivity_waves", "gee_models",
                            "change_by_status"})


def _machine_flag(ctx):
    """A function of a section: under machine coding of impacts the coder reads poorly, the section with each table of
    impact figures saying so in its notes; else the section as it is.

    A table is read on its own (a workbook sheet, a table copied into a slide), away from the summary that says
    these figures are unconfirmed; its notes, below it and on the workbook's Notes sheet, carry the warning too.
    """
    weak = _weak_codes(ctx)
    if not weak:
        return lambda section: section
    # where the study's hand check read them, the note gives what it found, as the summary does (a table note said
    # the figures were "unconfirmed until a sample of the codings is checked by hand" beside a hand check)
    note = _note(weak, len(ctx.codes), (ctx.one, ctx.many), _unconfirmed(ctx, weak) if _hand_checked(ctx) else None)

    def flagged(section: Section) -> Section:
        blocks = [dataclasses.replace(b, notes=f"{b.notes} {note}".strip())
                  if isinstance(b, Table) and b.name in _IMPACT_TABLES else b for b in section.blocks]
        return dataclasses.replace(section, blocks=tuple(blocks))

    return flagged


def _headings(table: Table, vocabulary) -> dict:
    """Each column of ``table`` named as its readers see it: the table's own heading (a p-value of no finding is
    'p-value (not a finding)', a share shown with its '%' drops '(%)'), and both ends of an interval the one column
    that shows them ('95% CI'), a column under a shared heading part as the notes name it ('Participants ›
    incomplete', :func:`grouped_names`)."""
    from ._format import CI, display_frame, grouped_names

    heads = display_frame(table.data, table.columns_format, vocabulary=vocabulary, labels=table.labels,
                          value_labels=table.value_labels).attrs["labels"]
    heads = dict(zip(heads, grouped_names(list(heads.values())), strict=True))
    ends = {end: key for key, spec in (table.columns_format or {}).items() if isinstance(spec, CI)
            for end in (spec.low, spec.high)}
    return {c: heads.get(ends.get(c, c)) or vocabulary.column(c).header for c in table.data.columns}


#: The short label the report gives each reason code of the suppression ledger (its CSV keeps the codes).
_LEDGER_REASONS = {"small_count": "Small count", "derived": "From a suppressed count",
                   "few_councils_contrast": "Few councils on a side",
                   "model_margin": "Small count, or worked out with a model's totals",
                   "model_of_suppressed": "Model of suppressed counts", "few_councils_interviewed": "Few councils interviewed",
                   "few_councils_quoted": "Few councils behind quotes",
                   "optional_theme_named": "Names a theme few councils chose",
                   "few_councils_survey": "Few councils answering the survey",
                   "status_group_caveat": "Caveat about a status group",
                   "caveat_of_suppressed": "Caveat about a figure not shown", "small_count_raised": "Small count, shown as raised",
                   "transcript_files": "Count of files that would narrow a hidden count"}


def _suppression_ledger(ctx, sections: list) -> tuple[pd.DataFrame, dict[str, str]]:
    """``(ledger, reasons)``: every value the bundle suppressed or withheld, one row per row of a table (or group of
    statements of a section) that holds any, and each reason once.

    ``ledger`` has ``output`` (the table's identifier: ``tables/<output>.csv``, the workbook's sheet; empty for what
    a section withheld), ``table`` (the table as its readers see it, 'Table 5. Impacts anticipated ...', numbered as
    the report numbers its tables, or the heading of the section), ``row``, ``column`` (the headings the table
    shows), ``withheld`` (how many values) and ``reason``: a code, or codes joined by '; ', each said in full once in
    ``reasons`` (code to sentence). The ledger named tables by identifier in one row, by title or section in
    another, and repeated a sentence of 40 words on every row (report truth round 29).

    A count is said to be hidden as below ``min_count`` *or* as one that would give such a count back, never which:
    telling primary from secondary suppression would itself narrow the count (a cell known to be secondary is 0 or
    at least ``min_count``), so the ledger says no more than the tables do.
    """
    reasons = {"small_count": f"a count below {ctx.min_count} (--min-count), or one from which, with the counts "
                              "published, such a count could be worked out (which of the two is not said: saying so "
                              "would narrow it)",
               "derived": "a share, interval, estimate or p-value computed from a suppressed count, which would give "
                          "it back"}
    m = ctx.f.models
    few = m[_status_of_few(ctx, m)] if m is not None and len(m) else pd.DataFrame(columns=["code", "term"])
    if len(few):
        reasons["few_councils_contrast"] = _FEW_SIDE_REASON
    # the prevalence table's counts summed by a shown model's margins (:func:`_model_margins`): a hidden one is below
    # min_count or could be worked out with the counts published and the margins, which of the two not said either
    reasons["model_margin"] = _MODEL_MARGIN_REASON.format(min_count=ctx.min_count)
    in_margins = {cell for ms in ctx.model_margins.values() for _, parts in ms for cell in parts}
    # a models table's row of such a contrast is suppressed for that, not as computed from a suppressed count
    few_pairs = set(zip(few["code"], few["term"], strict=True))
    used: dict[str, str] = {}
    rows, number = [], 0
    voc = ctx.vocabulary
    for section in sections:
        for b in section.blocks:
            if not isinstance(b, Table):
                continue
            number += 1  # every table is numbered, as the renderers number them
            if b.data.empty:
                continue
            data = b.data
            framework = b.name.startswith("framework_")
            ids = _row_columns(data, b.key_columns, framework)
            heads = None  # the table's headings, read once and only for a table with a suppressed cell
            # each column's cells read once as a list: a cell read by ``data[c].iloc[i]`` cost two pandas look-ups
            # (speed21); a table with a repeated heading is read as before
            cells = ([(c, data[c].tolist()) for c in data.columns if c not in ids] if data.columns.is_unique else
                     [(c, [data[c].iloc[i] for i in range(len(data))]) for c in data.columns if c not in ids])
            for i in range(len(data)):
                hit = [c for c, values in cells if _suppressed_cell(values[i], framework)]
                if not hit:
                    continue
                # one row per row of the table, in the words the tables use (a row of codes and wave ids was a row
                # of machine names in the workbook), so the ledger stays a few pages long
                counted = [c for c in hit if framework or str(c).startswith("n_")]
                codes = ["small_count"] * bool(counted) + ["derived"] * (len(counted) < len(hit))
                pair = next(((data[a].iloc[i], data[t].iloc[i]) for a, t in (("impact", "contrast"), ("code", "term"))
                             if {a, t} <= set(data.columns)), None)
                if not counted and pair in few_pairs:
                    codes = ["few_councils_contrast"]
                if b.name == "prevalence" and "n_with" in counted and ("with", "reported", data["impact"].iloc[i], (
                        data["wave"].iloc[i] if "wave" in data.columns else ctx.waves[0]),
                        data["status"].iloc[i]) in in_margins:
                    codes = ["model_margin"] + codes[len(counted) == 1:]
                # a row suppressed for a reason of its own (a contrast or survey figure of few councils), recorded
                # where it was suppressed (disclosure round 39)
                if i in ctx.row_reasons.get(b.name, {}):
                    said = ctx.row_reasons[b.name][i]
                    # a test withheld beside the row's hidden councils is a reason beside theirs, not instead of it
                    kept = codes if counted and all(code == "test_narrows" for code, _ in said) else []
                    codes = [*kept, *(code for code, _ in said)]
                    reasons.update(said)
                used.update({c: reasons[c] for c in codes})
                heads = _headings(b, voc) if heads is None else heads
                rows.append({"output": b.name, "table": f"Table {number}. {voc.prose(b.caption)}",
                             "row": " / ".join(str(voc.value(c, data[c].iloc[i])) for c in ids),
                             "column": said_once(heads[c] for c in hit), "withheld": len(hit),
                             "reason": "; ".join(codes)})
    if len(few):
        hidden = ("estimate", "se", "ci_low", "ci_high", "p_value", "p_adjusted", "p_value_model")
        used["few_councils_contrast"] = reasons["few_councils_contrast"]
        rows += [{"output": "models", "table": "Models (machine-readable), tables/models.csv only",
                  "row": f"{ctx.code(r['code'])} / {ctx.vocabulary.term(r['term'])}",
                  "column": "; ".join(ctx.vocabulary.column(c).header for c in hidden), "withheld": len(hidden),
                  "reason": "few_councils_contrast"}
                 for r in few.to_dict("records")]
    for r in ctx.suppressions:
        # a code given with two different sentences (the councils behind a section's quotes) is two reasons
        code, k = r["reason"], 1
        while used.get(code, r["_why"]) != r["_why"]:
            k += 1
            code = f"{r['reason']}_{k}"
        used[code] = r["_why"]
        rows.append({**{c: v for c, v in r.items() if c != "_why"}, "reason": code})
    return pd.DataFrame(rows, columns=["output", "table", "row", "column", "withheld", "reason"]), used


def _ledger_file(output: str) -> str:
    """The file a suppression ledger's ``output`` identifier names, as the report and workbook show it:
    ``tables/<output>.csv``, ``provenance.json``, or empty (statements a section withheld)."""
    if not output:
        return ""
    return "provenance.json" if output == "provenance" else f"tables/{output}.csv"


def _ledger_label(code: str) -> str:
    """The report's label of a reason code of the suppression ledger ('few_councils_quoted_2' as its base's, with
    its number)."""
    base, _, k = code.rpartition("_")
    if code not in _LEDGER_REASONS and k.isdigit() and base in _LEDGER_REASONS:
        return f"{_LEDGER_REASONS[base]} ({k})"
    return _LEDGER_REASONS.get(code, code.replace("_", " ").capitalize())


def _suppressed_cell(value, framework: bool) -> bool:
    """Whether a table's cell is suppressed: ``c``, or ``c councils ...`` in the framework matrix."""
    if framework:
        return str(value).startswith(f"{SUPPRESSED} councils")
    return isinstance(value, str) and value == SUPPRESSED


def _row_columns(data: pd.DataFrame, least: int, framework: bool = False) -> list:
    """The leading columns that name a table's rows: at least ``least``, then every leading column of text that holds
    no suppressed cell (the wave and status of a row of counts by wave and status); the first alone in the framework
    matrix (a theme, then its cells of text)."""
    out = list(data.columns[:max(1, least)])
    for c in ([] if framework else data.columns[len(out):]):
        values = data[c]
        if values.map(lambda v: isinstance(v, str) and v != SUPPRESSED).all():
            out.append(c)
        else:
            break
    return out


def _with_suppression_ledger(ctx, sections: list) -> list:
    """``sections`` with the suppression ledger (:func:`_suppression_ledger`) at the end of the last one: a table of
    detail (in full in the workbook and ``tables/suppressions.csv``), or a sentence that nothing was suppressed."""
    ledger, reasons = _suppression_ledger(ctx, sections)
    if ledger.empty:
        block = Paragraph("Suppression ledger: no count was suppressed and no statement withheld.")
    else:
        said = {code: f"{_ledger_label(code)}: {why}" for code, why in reasons.items()}
        block = Table("suppressions", ledger, "Suppression ledger: every value suppressed or withheld, and why",
                      f"One row per row of a table with suppressed cells ({SUPPRESSED}) or group of statements "
                      "withheld; 'Values withheld' is how many values the row stands for. Reasons: "
                      + "; ".join(said.values()) + ".",
                      labels={"output": Label("File", description="The table's name: its CSV file in tables/ "
                                              "(with .csv; provenance for provenance.json); empty for statements a "
                                              "section withheld."),
                              "table": Label("Table or section", description="The table's number (its workbook sheet is "
                                             "named by it) and caption as the report gives them, or the heading of "
                                             "the section."),
                              "row": Label("Row"), "column": Label("Column"),
                              "withheld": Label("Values withheld", format="int"),
                              "reason": Label("Reason", description="A code for each reason, several joined by '; ': "
                                              + "; ".join(f"{code}: {why}" for code, why in reasons.items()) + ".")},
                      # the identifier shown as the file it names (a bare 'indicator_trends' in the workbook read
                      # as a machine name), not turned into words like a caption; the CSV keeps the identifier
                      value_labels={"output": {v: _ledger_file(v) for v in ledger["output"].unique()},
                                    "reason": {v: "; ".join(_ledger_label(c) for c in v.split("; "))
                                               for v in ledger["reason"].unique()}},
                      detail=True)
    last = sections[-1]
    return [*sections[:-1], dataclasses.replace(last, blocks=(*last.blocks, block))]


def _model_rows_not_findings(ctx, m: pd.DataFrame, visible: pd.Series | None = None) -> tuple[pd.Series, str]:
    """Which rows of the per-impact models (:func:`impact.intervention_effects`) the report does not state as findings,
    and why (for the notes): a status or wave contrast whose machine coding is unconfirmed (in both status groups, or
    at every wave), every contrast of models fitted on fewer than ``FEW_UNITS`` councils, and the status contrast when
    one status group has too few councils. The models table and ``tables/models.csv`` mark the same rows.

    ``visible`` (a boolean mask of ``m``'s rows, default all) marks the rows whose p-value the table shows: a reason is
    said only where a row it holds for is one of them. The note sent readers to the 'not a finding' columns for the
    intervention contrasts, 'with too few councils in one status group', whose cells there were all c (seed 3811,
    10 councils, 2 or 3 in intervention; round 39)."""
    from ..stats._models import FEW_UNITS

    visible = pd.Series(True, index=m.index) if visible is None else visible.reindex(m.index, fill_value=False)
    weak = _weak_codes(ctx)
    term = m["term"].astype(str)
    is_status, is_wave = term == "in_intervention", term.str.startswith("wave_") | term.isin(_since_terms(ctx))
    by_status = is_status & m["code"].isin(_doubtful_by_status(ctx, weak))
    over_waves = is_wave & m["code"].isin(_doubtful_over_waves(ctx, weak))
    unconfirmed = by_status | over_waves
    said_status, said_waves = (by_status & visible).any(), (over_waves & visible).any()
    # models without a status term (fitted on wave alone) have no intervention contrast to speak of (round 28)
    coding = f"the machine coding of the {ctx.one} is not confirmed"
    why = [f"{coding} in both status groups, for the intervention contrast, or at every wave, for a wave's"
           if said_status and said_waves else f"{coding} in both status groups" if said_status else
           f"{coding} at every wave" if said_waves else ""]
    status_rows = m[is_status]
    few = int(m["n_units"].max()) if "n_units" in m.columns and len(m) else FEW_UNITS
    if few < FEW_UNITS:
        unconfirmed |= is_status | is_wave
        if ((is_status | is_wave) & visible).any():
            why.append(f"fitted on fewer than {FEW_UNITS} councils")
    elif _few_on_one_side(status_rows):
        unconfirmed |= is_status
        if (is_status & visible).any():
            why.append("the intervention contrast, with too few councils in one status group")
    return unconfirmed, "; ".join(w for w in why if w)


def _randomised_status(ctx, tables: dict[str, pd.DataFrame] | None = None) -> str:
    """The methods line's words on the intervention contrasts tested by randomisation (see :func:`_randomisation_note`),
    or nothing where none is, or where the models table (``tables``, as built) shows the figures of none of them: the
    line described a test whose every p-value was c (truth43)."""
    from ..effects import RANDOMISATION_BELOW

    m = ctx.f.models
    if m is None or m.empty or "p_method" not in m.columns or not m["p_method"].eq("randomisation").any():
        return ""
    if tables is not None:
        gee = tables.get("gee_models")
        tested = set(m.loc[m["term"].eq("in_intervention") & m["p_method"].eq("randomisation"), "code"].astype(str))
        if gee is None or gee.empty or not (_figure_cells(gee, _MODEL_FIGURES)
                                            & gee["contrast"].astype(str).eq("in_intervention")
                                            & gee["impact"].astype(str).isin(tested)).any():
            return ""
    return (f"; with fewer than {RANDOMISATION_BELOW} councils in one status group, the intervention contrast by a "
            "randomisation test reassigning the councils' paths of status across the waves")


def _firth_note(ctx, shown: pd.DataFrame) -> str:
    """The models table's note on the rows that show Firth's penalised-likelihood estimate instead of the GEE's
    (``estimator == "firth"`` of :func:`impact.intervention_effects`): the impacts whose GEE separated, and that the
    contrasts resting on few events (named in :func:`_few_events_note`) are so estimated."""
    if "estimator" not in shown.columns or not shown["estimator"].eq("firth").any():
        return ""
    firth = shown[shown["estimator"].eq("firth")]
    separated = firth["separation"].fillna(False).astype(bool) if "separation" in firth.columns \
        else pd.Series(False, index=firth.index)
    labels = [ctx.code(c).lower() for c in ctx.codes if c in set(firth.loc[separated, "code"])]
    one = len(labels) == 1
    which = [ctx.codes_as('that impact' if one else 'those impacts') if labels else "",
             "the contrasts resting on few events named below" if (~separated).any() else ""]
    codes = [c for c in ctx.codes if c in set(firth.loc[separated, "code"])]
    why = ("the fitted probabilities of the GEE reached 0 or 1 (separation)" if _separation_unshown(ctx, codes) else
           f"in some status group at some wave every participant, or none, reported "
           f"{'it' if one else ctx.codes_as('the impact')} (separation)")
    return ((f" For {_listed(labels)} {why}, so the GEE has no finite estimate." if labels else "")
            + f" For {' and for '.join(w for w in which if w)} the estimate, interval and p-value shown are those of "
            "Firth's penalised likelihood (finite where the GEE diverges, and less biased), with a profile likelihood "
            "interval and a penalised likelihood ratio test allowing for councils as clusters (Heinze and Schemper "
            "2002).")


#: The randomisation p-values the report reads: each table of the findings, the rows holding one, and the column of
#: its p; with how a row is named. Their reassignments are ``ri_n`` (and ``ri_exact`` whether they were every one), or
#: for the comparisons' permutation tests the resamples of the analysis (``n_resamples`` of the parameters).
_RANDOMISATION_P = {
    "models": (lambda m: m["p_method"].eq("randomisation") if "p_method" in m.columns else m["code"].isna(),
               "p_value", lambda r: f"the intervention contrast of {r['code']}"),
    "indicator_effects": (lambda e: e["ri_p_value"].notna(), "ri_p_value",
                          lambda r: f"{r['measure']} around entry into intervention"),
    "review_indicator_effects": (lambda e: e["ri_p_value"].notna(), "ri_p_value",
                                 lambda r: f"{r['measure']} after the review"
                                 + (f" (group {r['group']})" if "group" in r and r["group"] != "all" else "")),
    "comparisons": (lambda c: c["test"].eq("permutation") if "test" in c.columns else c["p_value"].isna(),
                    "p_value", lambda r: f"{r['code']} at {r['wave']} by intervention status"),
}


def _splits_enumerated(rows: pd.DataFrame, resamples: float) -> pd.Series:
    """Whether each comparison's permutation p (``rows`` of the comparisons: two groups of ``n_a`` and ``n_b``
    councils) is a share ``k / N`` of the ``N = C(n_a + n_b, n_b)`` splits of its councils, with ``N`` no more than the
    ``resamples``, as the comparisons enumerated them before disclosure round 44: a p off the drawn grid that is not
    such a share (a p a caller set) is not taken for one."""
    if not {"n_a", "n_b"} <= set(rows.columns):
        return pd.Series(True, index=rows.index)
    a, b = (pd.to_numeric(rows[c], errors="coerce") for c in ("n_a", "n_b"))
    splits = pd.Series([math.comb(int(x) + int(y), int(y)) if pd.notna(x) and pd.notna(y) else np.nan
                        for x, y in zip(a, b, strict=True)], index=rows.index, dtype="float64")
    steps = pd.to_numeric(rows["p_value"], errors="coerce") * splits
    return (splits <= resamples) & ((steps - steps.round()).abs() <= 1e-6 * steps.abs().clip(lower=1))


def _refuse_enumerated(findings) -> None:
    """Refuse findings holding a randomisation p-value computed over every distinct reassignment (enumerated).

    Such a p is ``k / N``, ``N`` the multinomial coefficient of the sizes of the groups of councils reassigned (their
    paths of intervention status, their dates of entry into intervention or of review, their status at a wave), and a
    few of them give ``N`` back, and with it group sizes the tables suppress: findings saved by impact before
    disclosure round 44, published by this report, gave 29/56, 27/56, 1/8, 1/4 and 13/14 (8 councils, 3 in
    intervention throughout: C(8, 3) = 56) to an intruder who solved for the 3 (disclosure round 46). No rounding of
    them is safe from that whatever the intruder tries, and the report cannot draw them again without the analysis:
    :func:`impact.analyse` (``impact run``) draws every reassignment at random, its p ``(1 + b) / (1 + B)`` for the
    ``B`` asked for whatever ``N`` is (:func:`impact.stats._ri.drawn_only`). Every such test is named, and nothing is
    built."""
    from ..errors import InputError
    from ..stats._ri import enumerated_p

    resamples = (findings.parameters or {}).get("n_resamples")
    found = []
    for name, (has_p, column, named) in _RANDOMISATION_P.items():
        frame = getattr(findings, name, None)
        if frame is None or frame.empty or column not in frame.columns:
            continue
        rows = frame[has_p(frame)]
        used, enumerated = rows.get("ri_n"), pd.Series(True, index=rows.index)
        if name == "comparisons" and used is None and "ri_exact" not in rows.columns and resamples is not None:
            used = pd.Series(float(resamples), index=rows.index)  # the comparisons' permutations: the resamples
            enumerated = _splits_enumerated(rows, float(resamples))
        rows = rows[(enumerated_p(rows[column], used, rows.get("ri_exact")) & enumerated).to_numpy(dtype=bool)]
        found += [f"{name}: {named(r)}" for _, r in rows.iterrows()]
    if found:
        shown = "; ".join(found[:8]) + (f"; and {len(found) - 8} more" if len(found) > 8 else "")
        raise InputError(
            f"findings: {_counted(len(found), 'randomisation p-value')} {_verb(found, 'was')} computed over every "
            f"possible reassignment of the councils ({shown}), as impact did before it drew them at random - such a "
            "p-value is a fraction whose denominator, the number of reassignments, gives back the sizes of the groups "
            "of councils the report suppresses, so no report is built from them; expected findings from this "
            "version's impact.analyse (impact run), which draws the reassignments at random: analyse the study again")


def _randomisation_note(ctx, shown: pd.DataFrame, open_rows: pd.DataFrame | None = None) -> str:
    """The models table's note on the intervention contrasts whose p-value is a randomisation test's
    (``p_method == "randomisation"`` of :func:`impact.intervention_effects`: fewer than
    :data:`impact.effects.RANDOMISATION_BELOW` councils on one side), naming the impacts and the method.

    ``open_rows`` are the rows whose figures the table shows (None: all of ``shown``): the note speaks of those alone.
    Where it showed none of these contrasts (each c, a status group of too few councils), the note said 'the estimate
    and interval shown are still the model's' of cells holding c (seed 3811, 10 councils, report truth round 38), and
    then described a test whose p-value no cell holds (truth43): the sentence on the suppressed contrasts says why
    they are withheld, and tables/models.csv names each one's method."""
    from ..effects import RANDOMISATION_BELOW

    if "p_method" not in shown.columns:
        return ""
    rows = shown[shown["term"].eq("in_intervention") & shown["p_method"].eq("randomisation")]
    if open_rows is not None:
        rows = rows[rows.index.isin(open_rows.index)]
    if rows.empty:
        return ""
    labels = [ctx.code(c).lower() for c in ctx.codes if c in set(rows["code"])]
    n = int(rows["ri_n"].max()) if "ri_n" in rows.columns else 0
    # the analysis draws the reassignments at random even where there are fewer distinct ones (a p of k / N over all
    # N gave N back, the multinomial coefficient of how many councils follow each path, disclosure rounds 43 and 44),
    # and says they were drawn with replacement; findings holding such a p are refused (_refuse_enumerated)
    how = f"{n:,} reassignments drawn at random (with replacement, however few distinct ones there are)"
    return (f" For the intervention contrast of {_listed(labels) if len(labels) < len(ctx.codes) else 'every impact'}, "
            f"with fewer than {RANDOMISATION_BELOW} councils in one status group, the p-value is that of a "
            "randomisation test, not the model's: each council's path of intervention status across the waves was "
            "reassigned among the councils (as many councils following each path as observed), and the model's "
            f"score statistic for status compared with its values under {how}. With so few councils on one "
            "side the model's own test finds a difference where there is none too often; the estimate and interval "
            "shown are still the model's." + _status_floor_note(ctx, rows))


def _status_floor_note(ctx, rows: pd.DataFrame) -> str:
    """' With so few councils no adjusted p could fall below 0.05 ...' for the models table's note on the intervention
    contrasts tested by randomisation (``rows``), where :func:`_status_floor` holds of all of them; else ''."""
    if not _status_floor(ctx, rows):
        return ""
    return (f" With so few councils no such p adjusted across the {ctx.many} (Holm) could fall below {ctx.alpha:g} "
            "other than by the chance of the reassignments drawn, whatever the resamples.")


def _few_events_note(ctx, shown: pd.DataFrame) -> str:
    """The models table's note on contrasts resting on fewer than ``FEW_EVENTS`` events or non-events on one side
    (``few_events`` of :func:`impact.intervention_effects`), one clause per contrast naming its impacts, in one
    sentence for those shown by Firth's penalised likelihood and one for those still shown by the GEE (where Firth's
    fit failed). Firth's estimate is less biased with so few events, not more precise: its interval stays wide. The
    GEE's odds ratios and intervals are unstable (1 participant in 49 gave an odds ratio of 67.8, interval 7.7 to
    597). The note said the GEE's words of the contrasts shown by Firth's. With few impacts reported before the review,
    such contrasts are often every wave's contrast with the first wave."""
    if "few_events" not in shown.columns:
        return ""
    from ..stats._models import FEW_EVENTS

    first = ctx.short_wave(ctx.waves[0]).lower()
    contrasts = {"in_intervention": "in intervention against not",
                 **{f"wave_{w}": f"{ctx.short_wave(w).lower()} against {first}" for w in ctx.later},
                 **{t: f"{ctx.short_wave(w).lower()} against {ctx.short_wave(ctx.later[0]).lower()}"
                    for t, w in _since_terms(ctx).items()}}
    flagged = shown[shown["few_events"].fillna(False).astype(bool) & shown["term"].isin(contrasts)]
    if flagged.empty:
        return ""
    order = {c: i for i, c in enumerate(ctx.codes)}
    modelled = set(shown["code"])

    def which(codes: pd.Series) -> list[str]:  # "every impact" where a contrast is flagged in all (the demo: 6 names)
        if set(codes) == modelled and len(modelled) > 2:
            return [ctx.codes_as("every impact")]
        return [ctx.code(c).lower() for c in sorted(codes, key=order.get)]

    def clauses(rows: pd.DataFrame) -> str:
        # a list of lists, each contrast with its impacts: the impacts' own list was forced to commas inside clauses
        # set off by semicolons, 'for increased commitment ..., development of ideas, plans and actions and
        # promotion of learning ...', which no reader splits into three (round 31); numbered where a list needs
        # semicolons of its own (impact._words._listed_lists)
        return _listed_lists((f"{what} for", which(part["code"])) for term, what in contrasts.items()
                             for part in [rows[rows["term"] == term]] if len(part))

    few = (f"fewer than {FEW_EVENTS} participants who reported the {ctx.codes_as('impact')}, or who did not, on one side")
    by_firth = flagged["estimator"].eq("firth") if "estimator" in flagged.columns \
        else pd.Series(False, index=flagged.index)
    firth, gee = flagged[by_firth], flagged[~by_firth]
    one = len(firth) == 1
    out = ""
    if len(firth):
        out += (f" {'One contrast rests' if one else 'Some contrasts rest'} on {few} and "
                f"{'is' if one else 'are'} shown by Firth's estimate: less biased than the GEE's with so few events, "
                f"but no more precise, so {'its interval is' if one else 'their intervals are'} wide. "
                f"{'That contrast is' if one else 'Those contrasts are'} {clauses(firth)}.")
    if len(gee):
        from ..stats._models import FEW_UNITS

        one = len(gee) == 1
        councils = int(gee["n_units"].max()) if "n_units" in gee.columns and gee["n_units"].notna().any() else FEW_UNITS
        why = (f"with fewer than {FEW_UNITS} councils Firth's fit is not used in place of the GEE's"
               if councils < FEW_UNITS else "Firth's fit could not replace the GEE's")
        out += (f" {'One contrast' if one else 'Some contrasts'} {'also ' if len(firth) else ''}"
                f"{'rests' if one else 'rest'} on {few}, and {why}: "
                f"{'its odds ratio and interval are' if one else 'their odds ratios and intervals are'} unstable "
                "and could change greatly with one participant more or less. "
                f"{'That contrast is' if one else 'Those contrasts are'} {clauses(gee)}.")
    return out


_UNCONFIRMED_P = {"p_value": "p_value_unconfirmed", "p_adjusted": "p_adjusted_unconfirmed"}


def _unconfirmed_p(data: pd.DataFrame, unconfirmed, why: str) -> tuple[pd.DataFrame, dict, str]:
    """The p-values of the rows of ``data`` that are no finding (``unconfirmed``, a boolean mask), moved out of the
    p-value columns into columns headed as no finding; with those columns' labels and a sentence for the notes
    (``why``: why such rows are no finding).

    A reader copies numbers from a table, not from its notes: a machine-coded change the summary does not state (the
    coder may read one wave's talk differently from another's) was printed in the p-value column beside the findings,
    p < 0.001 and all, with only the note below to say otherwise. The estimate and interval stay; the p-values of
    such rows are blank in the p-value columns and given in columns headed 'not a finding' (where no row is a finding,
    the p-value columns are left out). Where no such row shows a p-value (each is c, or blank), none is moved and
    the notes say nothing of them: every cell of the comparisons by status was c, and the note sent readers to columns
    headed 'not a finding' holding c alone (seed 40417, 10 councils, report truth round 40; the models table's, round
    39).
    """
    mask = pd.Series(np.asarray(unconfirmed, dtype=bool), index=data.index)
    cols = [c for c in _UNCONFIRMED_P if c in data.columns]
    shown = data[cols].apply(lambda col: col.map(lambda v: not isinstance(v, str) and pd.notna(v))).any(axis=1)
    if not (mask & shown).any() or not cols:
        return data, {}, ""
    out = data.copy()
    at = max(out.columns.get_loc(c) for c in cols) + 1
    for k, c in enumerate(cols):
        out.insert(at + k, _UNCONFIRMED_P[c], out[c].where(mask))
        out[c] = out[c].where(~mask)
    if mask.all():  # no row is a finding: p-value columns that would be empty throughout are left out
        out = out.drop(columns=cols)
    labels = {"p_value_unconfirmed": Label("p-value (not a finding)", format="p",
                                           description="p-value of a result the report does not state as a finding."),
              "p_adjusted_unconfirmed": Label("Adjusted p-value (not a finding)", format="p",
                                              description="Adjusted p-value of a result the report does not state as "
                                                          "a finding.")}
    # the columns by machine name, which the table's notes give as headed (:func:`~._format.table_notes`): 'the
    # columns headed 'not a finding'' and 'the p-value columns' named no heading as it reads, and the second named
    # columns left out where no row is a finding
    moved = _listed([_UNCONFIRMED_P[c] for c in cols])
    kept = [c for c in cols if c in out.columns]
    note = (f" The p-values of rows that are not findings ({why}) are in {moved}"
            + (f", not in {_listed(kept)}." if kept else "."))
    return out, {k: v for k, v in labels.items() if k in out.columns}, note


def _direction(r) -> str:
    return "more" if r.estimate > 0 else "less"


def _by_direction(ctx, rows: pd.DataFrame) -> list[tuple[list[str], str]]:
    """The impacts of ``rows`` (labels, in row order) for each direction of their estimates ('more', 'less')."""
    way = rows.apply(_direction, axis=1)
    return [([ctx.code(c).lower() for c in part["code"]], d)
            for d, part in rows.groupby(way, sort=False, observed=True)]


def _odds_ratio(r, alpha: float = 0.05) -> str:
    """'odds ratio 1.93, 95% CI 1.39 to 2.69, Holm-adjusted p = 0.002' of a GEE row (the level is 1 - ``alpha``).

    The interval is each change's own; the p is adjusted across the family.  Where they disagree (the interval
    leaves out 1 and the adjusted p is not below ``alpha``: "95% CI 0.08 to 0.82, Holm-adjusted p = 0.071") the
    interval is said to be unadjusted ("unadjusted 95% CI 0.08 to 0.82"), so that the sentence does not read as a
    contradiction. A status contrast whose p is a randomisation test's (``p_method``,
    :func:`impact.intervention_effects`) says so after the p ("Holm-adjusted p = 0.012 by randomisation test"), and
    such an interval is said to be the model's. The words are in the phrase, not in brackets: the phrase is set in
    brackets wherever it is used, and read "(odds ratio 2.56, 95% CI 1.07 to 6.15 (not adjusted for the multiple
    comparisons), ...)" (seed 30123, 12 councils)."""
    own = (r.ci_low > 0 or r.ci_high < 0) and not r.p_adjusted < alpha
    # a status contrast with few councils on a side is tested by randomisation (impact.intervention_effects): the p is
    # that test's, the interval the model's, and the sentence says which is which
    randomised = getattr(r, "p_method", "model") == "randomisation"
    interval = ("the model's unadjusted " if own and randomised else "unadjusted " if own else "")
    return (f"odds ratio {format_ratio(np.exp(r.estimate))}, {interval}{_level(alpha)} CI "
            f"{format_ci(np.exp(r.ci_low), np.exp(r.ci_high), ratio=True)}, "
            f"Holm-adjusted {_p_words(r.p_adjusted, alpha)}{' by randomisation test' if randomised else ''}")


def _p_words(p: float, alpha: float = 0.05) -> str:
    """'p = 0.002', 'p < 0.001' (never 'p = 0.000'), with as many digits as keep a p below ``alpha`` below it when
    rounded (0.0496 is 'p = 0.0496', not 'p = 0.050')."""
    if p < 0.001:
        return "p < 0.001"
    digits = 3
    while digits < 6 and (p < alpha) != (round(p, digits) < alpha):
        digits += 1
    return f"p = {p:.{digits}f}"


def _unconfirmed_differences(ctx, rows: pd.DataFrame, weak: dict[str, float], *, also: bool) -> str:
    """The sentence for adjusted machine-coded differences by status that are not findings (see :func:`_doubtful_by_status`)."""
    # no figures, as for unconfirmed changes over time (_change_sentences): the models table gives them
    # a list of lists: each direction's impacts ('a; b, c; and d reported more often; and e reported less often' was
    # joined as one list, which no reader splits; round 32), numbered where a list needs semicolons of its own
    parts = _listed_lists(("", labels, f"reported {d} often") for labels, d in _by_direction(ctx, rows))
    one = len(rows) == 1
    why = _why_doubtful(ctx, weak, list(rows["code"]), ctx.codes_as("this impact") if one else ctx.codes_as("these impacts"))
    return (f"The machine coding {'also ' if also else ''}shows {parts} by participants in councils in intervention "
            "(the figures are in the longitudinal models section), "
            f"but {'this is' if one else 'these are'} not reported as {'a finding' if one else 'findings'}: {why}, "
            f"so {'the difference' if one else 'the differences'} could be coding error. "
            + ("Check more of the codings in both groups by hand" if _hand_checked(ctx) else
               "Check a sample of the codings in both groups by hand (impact review export, then impact run --human)")
            + ", or code the interviews by people, before drawing a conclusion.")


def _doubtful_by_status(ctx, weak: dict[str, float]) -> list[str]:
    """Impacts whose machine-coded difference (or lack of one) by status is not a finding, in report order
    (:func:`impact.report.unconfirmed_by_status`)."""
    return unconfirmed_by_status(ctx.codes, weak, ctx.within("reliability_by_status"), source=ctx.f.coding.get("source"))


def _doubtful_over_waves(ctx, weak: dict[str, float]) -> list[str]:
    """Impacts whose machine-coded change across the waves is not a finding, in report order
    (:func:`impact.report.unconfirmed_over_waves`)."""
    return unconfirmed_over_waves(ctx.codes, weak, ctx.within("reliability_by_wave"), ctx.waves,
                                  source=ctx.f.coding.get("source", "machine"))


def _why_doubtful(ctx, weak: dict[str, float], codes: list[str], what: str) -> str:
    """Why machine-coded differences by status in ``codes`` are not findings (see :func:`_doubtful_by_status`)."""
    poor, unchecked = [c for c in codes if c in weak], [c for c in codes if c not in weak]
    named = (lambda cs: what) if not (poor and unchecked) else (lambda cs: _listed([ctx.code(c).lower() for c in cs]))
    reasons = [_why_weak(weak, poor, named(poor))] if poor else []
    if unchecked:
        f1 = [float(ctx.coder_validity.set_index("code")["f1"].get(c, math.nan)) for c in unchecked] \
            if ctx.coder_validity is not None else []
        average = (f" (its F1 on real text, {_listed([f'{x:.2f}' for x in f1])}, is an average over all the talk it "
                   "read)") if f1 and not any(math.isnan(x) for x in f1) else ""
        kappas = _kappas_by_status(ctx)
        checked = [c for c in unchecked if c in kappas]
        if checked:
            # the impact is named wherever the sentence names others: beside the impacts read poorly, the kappas of
            # the one impact checked read as theirs (seed 30017, 12 councils: "below 0.70 for development of ideas ...
            # and affirmation ... (0.68 ... 0.53); and the hand check ... gives ... 0.20 in councils in intervention
            # and 0.43 in the others", which were commitment's)
            said = _listed((f"{_kappa(kappas[c][0])} in councils in intervention and {_kappa(kappas[c][1])} in the others"
                            + (f" for {ctx.code(c).lower()}" if len(checked) > 1 or poor else "") for c in checked),
                           semicolons=True)
            reasons.append(f"the hand check of the coding in this study gives Cohen's kappa between the coder and people "
                           f"of {said}, not both at least {CHECKED_KAPPA:.2f}")
        if len(checked) < len(unchecked):
            rest = [c for c in unchecked if c not in kappas]
            reasons.append(f"no hand check of the coding in this study shows that the coder reads "
                           f"{named(rest) if checked else named(unchecked)} as well in councils in intervention as in "
                           f"the others{average}")
    return _listed_clauses(reasons)


def _hand_checked(ctx) -> bool:
    """Whether a hand check of the coding (``impact run --human``) was supplied and read any segment."""
    r = ctx.f.reliability
    return r is not None and not r.empty


def _checked_kappa(ctx) -> dict[str, float]:
    """Cohen's kappa of the coder against people per code, from this study's hand check (all its segments)."""
    r = ctx.f.reliability
    if r is None or r.empty or not {"code", "metric", "value"} <= set(r.columns):
        return {}
    k = r[r["metric"] == "cohen_kappa"].set_index("code")["value"].astype(float)
    return {c: float(v) for c, v in k.items() if not math.isnan(v)}


def _alike_at_every_wave(ctx, codes: list[str], named: str, coder: str) -> str:
    """Why the machine coding of ``codes`` (called ``named``) is not shown to read every wave alike: no hand check of
    this study's coding shows it, or, where one was supplied, its lowest Cohen's kappa at a wave for each impact.

    A 40-council study with 168 of its 504 interviews coded again by people said "no hand check of the coding in
    this study shows that it reads these impacts alike at every wave", read as if none had been made, beside a
    sentence giving that hand check's kappas by status (seed 31303, round 31)."""
    rule = f"Cohen's kappa at least {CHECKED_KAPPA:.2f} at each"
    r = ctx.within("reliability_by_wave")
    if not _hand_checked(ctx) or r is None or r.empty or not {"code", "metric", "value", "wave"} <= set(r.columns):
        return f"no hand check of the coding in this study shows that {coder} reads {named} alike at every wave ({rule})"
    k = r[(r["metric"] == "cohen_kappa") & r["code"].isin(codes)].pivot_table(
        index="code", columns="wave", values="value", aggfunc="min").reindex(index=codes, columns=ctx.waves)
    lowest = [(c, float(row.min())) for c, row in k.iterrows() if row.notna().all()]
    unmeasured = [c for c in codes if c not in dict(lowest)]
    label = (lambda c: f" for {ctx.code(c).lower()}") if len(codes) > 1 else (lambda c: "")
    said = []
    if lowest:
        said.append("the lowest kappa at a wave is "
                    + _listed([_kappa(x) + label(c) for c, x in lowest], semicolons=len(lowest) > 1 and len(codes) > 1))
    if unmeasured:
        said.append(f"it gives no kappa at every wave for {_listed([ctx.code(c).lower() for c in unmeasured])}"
                    if len(codes) > 1 else "it gives no kappa at every wave")
    # numbered where the kappas' list is set off by semicolons of its own ('0.41 for a; 0.52 for b; and 0.60 for c;
    # and it gives no kappa ...' could not be split; round 32)
    return (f"the hand check of the coding in this study does not show that {coder} reads {named} alike at every "
            f"wave ({rule}): " + _listed_clauses(said))


def _kappas_by_status(ctx) -> dict[str, tuple[float, float]]:
    """Cohen's kappa of the coder against people per impact, (in intervention, not), from this study's hand check."""
    return kappas_by_status(ctx.within("reliability_by_status"))


def _descriptive_withheld(ctx, whats: list[str], weak: dict[str, float]) -> str:
    """The sentence that stands for the descriptive sentences under machine coding of impacts it reads poorly.

    Each of them rests on the coding of every impact; a coder error in one
    sentence decides whether a whole interview counts as reporting an
    impact, so sentence-level error compounds over an interview's sentences.
    """
    impacts = f"{_count_words(len(weak), len(ctx.codes))} {ctx.many}"
    reading = ("the coder's accuracy on this codebook has not been measured against people's coding" if _unmeasured(weak)
               else f"the coder's F1 on real text is below {_WEAK_F1:.2f}"
               + (", or has not been measured," if any(math.isnan(f) for f in weak.values()) else "")
               + f" for {impacts}")
    return (f"This summary does not state {_listed(_stated(ctx, whats), 'or')}: each rests on the machine coding of every {ctx.one}, and "
            f"{reading}. "
            f"A coding error in one sentence decides whether a whole interview counts as reporting {ctx.codes_as('an impact')}, so shares "
            "of interviews read by the coder can be far from the truth. The machine coding's figures are in the "
            "sections below, " + _unconfirmed(ctx, weak))


def _unconfirmed(ctx, weak: dict[str, float]) -> str:
    """'unconfirmed until a sample of its codings is checked by hand ...', or, where this study's hand check read the
    ``weak`` codes, what it found: the summary said the figures awaited a hand check beside a hand check of 22
    interviews whose kappas (0.24 to 0.65) left them unconfirmed (seed 9901, 7 councils)."""
    kappas = _checked_kappa(ctx)
    checked = {c: kappas[c] for c in weak if c in kappas}
    if not checked:
        return ("unconfirmed until a sample of its codings is checked by hand (impact review export) or the interviews "
                "are coded by people.")
    low = {c: k for c, k in checked.items() if k < CHECKED_KAPPA}
    lo, hi = min(checked.values()), max(checked.values())
    found = (f"Cohen's kappa of {_kappa(lo)}" if len(checked) == 1 else
             f"Cohen's kappa from {_kappa(lo)} to {_kappa(hi)}")
    rest = len(weak) - len(checked)
    if not low and not rest:
        return (f"checked by hand in this study: {found} between the coder and people for "
                f"{'that ' + ctx.one if len(checked) == 1 else 'those ' + ctx.many}, each at least {CHECKED_KAPPA:.2f} "
                "(see the coding reliability section).")
    return (f"unconfirmed: the hand check of the coding in this study gives {found} between the coder and people for "
            f"{'that ' + ctx.one if len(checked) == 1 else 'those ' + ctx.many}"
            + (f" ({_count_words(len(low), len(checked))} below {CHECKED_KAPPA:.2f}; see the coding reliability section)"
               if low else f" (each at least {CHECKED_KAPPA:.2f}; see the coding reliability section)")
            + (f", and did not check {_count_words(rest, len(weak))} of them" if rest else "")
            + "; the interviews coded by people would confirm them.")


def _no_other_difference(ctx, gee: pd.DataFrame, alike: list[str]) -> str:
    """The sentence naming the impacts read well whose difference by status is not significant, where others' is.

    Never a finding of no difference: as :func:`_no_difference`, it says "not significantly" and that this is no
    evidence of none (with fewer than ``FEW_UNITS`` councils in one status group, that too).
    """
    from ..stats._models import FEW_UNITS

    rows = gee[gee["code"].isin(alike)]
    few = bool((_smaller_side(rows, by_wave=False) < FEW_UNITS).any())
    none = (f"with fewer than {FEW_UNITS} councils in one status group this is not evidence that there is none" if few
            else "this is not evidence that there is none")
    family = _holm_family(ctx, gee)
    named = _listed([ctx.code(c).lower() for c in alike])
    return (f"{named[:1].upper()}{named[1:]} {'was' if len(alike) == 1 else 'were'} not reported significantly more or "
            f"less often in councils in intervention once {family} are adjusted for multiple comparisons (Holm); "
            f"{none}.")


def _holm_family(ctx, gee: pd.DataFrame) -> str:
    """'the 6 impacts', 'the 5 impacts whose models gave a p-value' or 'the 6 impacts whose models gave a p-value (1 of
    them with its contrast withheld, counted as p = 1)': the family the status term's p was adjusted across (Holm), of
    ``gee`` (every model's status row).

    It is the impacts with an adjusted p (a separated fit's p is left out of it, as is a missing one) and those whose
    contrast the report withholds (:func:`_status_of_few`), which :func:`_holm_beside_withheld` keeps in it as tests
    of p = 1. The summary counted the first alone: with one contrast of six withheld, "once the 5 impacts whose models
    gave a p-value are adjusted" of an adjustment across six, and the sixth's model had given one (round 35)."""
    if "p_adjusted" not in gee.columns:
        return f"the {len(gee)} {ctx.codes_as('impacts')}"
    if ctx.status_family.get("status"):  # adjusted with the summary's other status tests (truth68)
        return _status_family_words(ctx)
    withheld = _status_of_few(ctx, gee).to_numpy(dtype=bool)
    tested = np.isfinite(gee["p_adjusted"].astype(float).to_numpy()) & ~withheld
    k = int(tested.sum() + withheld.sum())
    if k == len(gee) and not withheld.any():
        return f"the {k} {ctx.codes_as('impacts')}"
    w = int(withheld.sum())
    return (f"the {k} {ctx.codes_as('impacts')} whose models gave a p-value"
            + (f" ({_say(w)} of them with {'its' if w == 1 else 'their'} contrast withheld, counted as p = 1)" if w
               else ""))


def _no_difference(ctx, gee: pd.DataFrame, weak: dict[str, float], *, n_fitted: int | None = None,
                   family: str | None = None, modelled_only: bool = False) -> str:
    """The sentence for no adjusted difference by status: never a finding of no difference.

    A difference that is not significant after the adjustment is not an
    absence of difference: the sentence says "not significantly", says that
    it is no evidence of none (a 30-council study with a planted difference in
    partnership working, odds ratio 1.85, 95% CI 1.05 to 3.25, Holm p = 0.199,
    was summarised as "No impact was reported more or less often in councils
    in intervention"). It names no impact whose difference was significant
    only before the adjustment: in a study with no difference planted, one
    such was partnership working, odds ratio 0.37, unadjusted p = 0.040, and
    the adjustment is there not to read it. Under machine coding, coding error
    that does not depend on status blurs a real difference towards none, so a
    null in an impact the coder reads poorly is not stated for it either.
    """
    from ..stats._models import FEW_UNITS

    n_fitted = len(gee) if n_fitted is None else n_fitted
    adjusted = f"once {family or _holm_family(ctx, gee)} are adjusted for multiple comparisons (Holm)"
    where = "The intervals are in the longitudinal models section."
    # with few councils on one side of the status term, the models can miss a real difference: no evidence of none
    few = bool(len(gee)) and bool((_smaller_side(gee, by_wave=False) < FEW_UNITS).any())
    none = ("with fewer than {n} councils in one status group this is not evidence that there is none" if few else
            "this is not evidence that there is none").format(n=FEW_UNITS) + _status_floor(ctx, gee)
    doubtful = _doubtful_by_status(ctx, weak)
    poor = [c for c in ctx.codes if c in doubtful and c in set(gee["code"])]
    read_well = [c for c in ctx.codes if c in set(gee["code"]) and c not in doubtful]
    if not poor:
        if len(gee) < n_fitted:  # the others could not be estimated (said before this sentence)
            k = len(gee)
            return (f"{ctx.codes_as('The other impact was') if k == 1 else f'None of the other {_say(k)} {ctx.many} was'} reported "
                    f"significantly more or less often in councils in intervention {adjusted}; {none}. {where}")
        which = (f"None of the {_say(len(gee))} {ctx.codes_as('impacts')} "
                 f"{'whose models are shown' if ctx.models_withheld else 'modelled'} was" if modelled_only
                 else ctx.codes_as("No impact was"))
        return (f"{which} reported significantly more or less often in councils in intervention {adjusted}; "
                f"{none}. {where}")
    why = _why_doubtful(ctx, weak, poor, "it" if len(poor) == 1 else "them")
    blur = f"{why}, and coding error blurs a real difference, so this is not evidence that there is none" \
        f"{_status_floor(ctx, gee)}."
    if not read_well:
        which = (ctx.codes_as("no impact") if len(gee) == n_fitted else
                 f"none of the other {_say(len(gee))} {ctx.codes_as('impacts')}")
        return (f"The machine coding shows {which} reported significantly more or less often in councils in "
                f"intervention {adjusted}, but {blur} {where}")
    labels = [ctx.code(c) for c in read_well]
    labels = [labels[0]] + [label.lower() for label in labels[1:]]
    return (f"{_listed(labels)} {'was' if len(read_well) == 1 else 'were'} not reported significantly more or less "
            f"often in councils in intervention {adjusted}; {none}. The machine coding shows no significant "
            "difference in the other "
            f"{_say(len(poor))} {ctx.one if len(poor) == 1 else ctx.many} either, but {blur} {where}")


# --------------------------------------------------------------------------- the sample
def _sample(ctx) -> Section:
    councils = ctx.study.councils
    types = councils["council_type"].fillna("unknown").value_counts()
    by_type = pd.DataFrame({
        "council_type": list(types.index),
        "n_councils": [ctx.cell(("councils_type", t)) for t in types.index],
    })
    levels = sorted({k[2] for k in ctx.ledger.values if k[0] == "councils_level"},
                    key=lambda lv: (_LEVELS + (lv,)).index(lv))
    status = pd.DataFrame([
        {"wave": w, "intervention": lv,
         "n_councils": ctx.cell(("councils_level", w, lv))}
        for w in ctx.waves for lv in levels if ctx.ledger.values.get(("councils_level", w, lv), 0) > 0
        or not ctx.shown(("councils_level", w, lv))
    ])
    per_wave = pd.DataFrame([
        {"wave": w, "n_interviews": ctx.cell(("interviews", w)),
         "n_councils": ctx.cell(("councils_interviewed", w)), "n_participants": ctx.cell(("participants", w))}
        for w in ctx.waves
    ])
    left_out = ("interviews_not_coded",) in ctx.ledger.values
    attrition = pd.DataFrame([
        {"wave": w, "n_councils_interviewed": ctx.cell(("councils_interviewed", w)),
         "n_councils_missing": ctx.cell(("councils_missing", w)),
         "n_participants_interviewed": ctx.cell(("participants", w)),
         "n_participants_missing": ctx.cell(("participants_missing", w))}
        | ({"n_interviews_not_coded": ctx.cell(("interviews_not_coded", w))} if left_out else {})
        for w in ctx.waves
    ])
    blocks = [
        Paragraph("Who took part, in which status, and who was interviewed at each wave. Counts below "
                  f"{ctx.min_count} other than zero (a zero is shown), and counts that would let one be worked out, are shown as {SUPPRESSED}"
                  + _small_public(ctx, ("councils_interviewed", "councils_missing", "interviews_not_coded")) + "."),
        Table("councils_by_type", by_type, "Councils by type"),
        Table("status_by_wave", status, "Councils by intervention status at each wave",
              "Status at the wave's reference date (median interview date, or the middle of the wave's window)."),
    ]
    fig = _status_figure(ctx, levels)
    blocks.append(fig if fig is not None else _no_figure(
        "councils by intervention status", f"every count in the table is suppressed ({SUPPRESSED}), so it would hold no bar"))
    blocks += [
        Table("interviews_by_wave", per_wave, "Interviews, councils and participants at each wave"),
        Table("attrition", attrition, "Attrition: councils and participants not interviewed at a wave",
              "Attrition is not absence of impact: missing waves are left out of every comparison."
              + (" Interviews not coded had no respondent speech in their transcript: they are missing, so a council "
                 "or participant whose only interviews at a wave they were counts as not interviewed there."
                 if left_out else "")),
    ]
    blocks += _missing_by_status(ctx)
    return Section("The sample", blocks)


def _missing_by_status(ctx) -> list:
    """The participants interviewed and not interviewed at each wave by their council's intervention status, with the
    share interviewed and the test of whether it differs by status (:func:`_response_by_status`): the attrition table
    gave totals alone, so a reader could not see that participants in intervention were the ones missed (truth47).
    Counts through the ledger (``participants_group``, ``participants_missing_group``); a share only where both of
    its counts are shown. None where no participant has a status group at any wave."""
    grid = ctx.response
    if grid is None or not grid["group"].isin(list(STATUS_LABELS)).any():
        return []
    rows = []
    for w in ctx.waves:
        at = grid[grid["wave"] == w]
        for g in [*STATUS_LABELS, *sorted(set(at["group"]) - set(STATUS_LABELS))]:
            keys = (("participants_group", w, g), ("participants_missing_group", w, g))
            if not any(k in ctx.ledger.values for k in keys) or not ctx.ledger.values.get(keys[0], 0) + \
                    ctx.ledger.values.get(keys[1], 0):
                continue
            n_in, n_out = ctx.ledger.values.get(keys[0], 0), ctx.ledger.values.get(keys[1], 0)
            rows.append({"wave": w, "status": g, "n_participants_interviewed": ctx.cell(keys[0]),
                         "n_participants_missing": ctx.cell(keys[1]),
                         "share_interviewed": ctx.value_if(n_in / (n_in + n_out), *keys)})
    if not rows:
        return []
    test = _response_test_words(ctx)
    return [Table("attrition_by_status", pd.DataFrame(rows),
                  "Participants interviewed and not interviewed at each wave, by intervention status",
                  "Every listed participant at every wave, in the status group of their council at the wave "
                  "(as the prevalence table counts those interviewed); share_interviewed: of those listed, the "
                  "share interviewed." + test, {"share_interviewed": "pct:0"})]


#: The counts :func:`_declare` publishes whatever their size (``public``: design facts, and counts of statements that
#: identify no one), by the first part of their ledger key, in words.
_PUBLIC_COUNTS = {
    "councils_interviewed": "the councils interviewed or missing at each wave",
    "councils_missing": "the councils interviewed or missing at each wave",
    "interviews_not_coded": "the interviews left out as not coded",
    "att": "the statements crediting reported impacts to each factor",
    # published below the threshold since disclosure68: the limitation named no such count (round 5's test)
    "ind_flagged": "the councils whose indicator figure the DfE suppressed",
}


def _small_public(ctx, kinds: tuple[str, ...]) -> str:
    """' (except ..., which identify no one and are shown as they are)' naming the counts of ``kinds`` published below
    the threshold, or ''.

    'Counts below 5 are suppressed across the whole report' was untrue of a 5-council study whose attrition table
    showed 1 council missing at a wave and whose attribution table showed impacts credited to Ofsted once: those
    counts are published by design, and the sentence now says so where the report holds one.
    """
    led = ctx.ledger
    small = {k[0] for k in led.public if k[0] in kinds and 0 < led.values[k] < ctx.min_count and not led.hidden(k)}
    names = list(dict.fromkeys(_PUBLIC_COUNTS[k] for k in _PUBLIC_COUNTS if k in small))
    return f" (except {ctx.codes_as(_listed(names))}, which identify no one and are shown as they are)" if names else ""


def _no_figure(what: str, why: str) -> Paragraph:
    """The sentence that stands where a figure of ``what`` would show nothing, saying ``why``."""
    return Paragraph(f"No figure of {what} is drawn: {why}.")


def _status_figure(ctx, levels) -> Figure | None:
    """Councils at each intervention level per wave, drawn from the published counts; suppressed bars marked.

    None when no count is published: a chart of letters only (a 5-council study, every level of every wave 'c') showed
    nothing a reader could read off it.
    """
    waves = list(ctx.waves)
    counts = {(w, lv): ctx.cell(("councils_level", w, lv)) for lv in levels for w in waves}
    if not any(v != SUPPRESSED for v in counts.values()):
        return None
    ticks = [_wrap(ctx.axis_wave(w)) for w in waves]
    ymax = len(ctx.study.councils)

    def draw() -> _MplFigure:  # when the figure is first read (Figure.fig), from the counts read now
        fig, ax = _subplots(figsize=(7, 0.5 + 0.45 * len(waves) * len(levels)))
        # each level in the colour every figure gives it (:data:`~.figures.STATUS_COLOURS`): the bars were seaborn's
        # blue and orange, where the indicators' figure drew the same councils in the Okabe-Ito blue and orange
        colours = group_colours(levels)
        height = 0.8 / len(levels)
        for k, lv in enumerate(levels):
            for i, w in enumerate(waves):
                y = i + (k - (len(levels) - 1) / 2) * height
                v = counts[w, lv]
                if v == SUPPRESSED:
                    # no bar: a hatched outline across the axis read as a bar of every council; the count's place
                    # holds the suppression letter and what it stands for, as the tables show it (the level as Table 2
                    # names it, not lower-cased: "notice to improve" beside the table's "Notice to Improve")
                    _value_label(ax, 0, y, f"{SUPPRESSED}: {vocab.label(vocab.INTERVENTION_LEVELS, lv)}, count "
                                 "suppressed", fontsize=8, color="#555555", style="italic")
                else:
                    ax.barh(y, v, height, color=colours[lv],
                            label=vocab.label(vocab.INTERVENTION_LEVELS, lv) if i == 0 else None)
                    _value_label(ax, v, y, str(v), fontsize=8)
        ax.set_yticks(range(len(waves)), ticks)
        ax.set_ylim(len(waves) - 0.5, -0.5)  # every wave's place, drawn from the top, bars or none
        ax.set_xlim(0, ymax * 1.05)
        ax.set_xlabel("Councils")
        handles, names = ax.get_legend_handles_labels()
        if handles:
            # above the axes, not inside it: 'lower right' sat on the longest bar's count (5 councils, seed 3611)
            ax.legend(handles, names, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=len(handles), fontsize=8,
                      frameon=False, borderaxespad=0.2)
        fig.tight_layout()
        _fit_labels(ax)
        return fig

    return Figure("status_by_wave", draw, "Councils by intervention status at each wave",
                  f"Horizontal bar chart: for each wave, the number of councils with no intervention, under a notice "
                  f"and under a statutory direction; a count that is suppressed (below {ctx.min_count}, or able to reveal "
                  f"one) has no bar, only the letter {SUPPRESSED} and the words 'count suppressed' at the axis.")


# --------------------------------------------------------------------------- prevalence
def _prev_rows(ctx, measure: str, waves: list[str]) -> pd.DataFrame:
    p = ctx.f.prevalence
    p = p[(p["measure"] == measure) & p["wave"].isin(waves) & p["group"].isin(list(STATUS_LABELS))]
    rows = []
    order = {c: i for i, c in enumerate(ctx.codes)}
    for r in p.itertuples():
        n_key = ("participants_group", r.wave, r.group)
        e_key = ("with", measure, r.code, r.wave, r.group)
        ok = ctx.shown(n_key, e_key)
        rows.append({
            "_code": order.get(r.code, 99), "_wave": ctx.waves.index(r.wave), "_group": list(STATUS_LABELS).index(r.group),
            "impact": r.code, "wave": r.wave, "status": r.group,
            "n_participants": ctx.cell(n_key), "n_with": ctx.cell(e_key),
            "prevalence": r.prevalence if ok else SUPPRESSED, "ci_low": r.ci_low if ok else SUPPRESSED,
            "ci_high": r.ci_high if ok else SUPPRESSED, "code": r.code, "wave_id": r.wave, "group": r.group,
        })
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    return out.sort_values(["_code", "_wave", "_group"]).drop(columns=["_code", "_wave", "_group"]).reset_index(drop=True)


def _prev_table(rows: pd.DataFrame, name: str, caption: str, measure: str, level: str = "95%",
                one: str = "impact") -> Table:
    cols = ["impact", "wave", "status", "n_participants", "n_with", "prevalence", "ci_low", "ci_high"]
    if rows["wave"].nunique() == 1:
        cols.remove("wave")  # one wave: said in the caption
    shown = rows[cols]
    share = {"reported": "Share reporting it", "anticipated": "Share anticipating it", "credited": "Share crediting it",
             "denied": "Share denying it"}.get(measure, "Share")
    return Table(name, shown, caption,
                 f"n_participants: participants interviewed at the wave whose council was in that status group; n_with: "
                 f"of those, participants for whom the {one} was {MEASURES[measure].label.lower()}: "
                 f"{MEASURES[measure].definition[0].lower() + MEASURES[measure].definition[1:]} The {level} intervals "
                 "allow for participants in one council being alike (design-effect-adjusted Wilson intervals).",
                 {"prevalence": "pct:0", "CI": CI("ci_low", "ci_high", digits=0, percent=True)},
                 labels={"prevalence": Label(share, "%", f"Share of participants for whom the {one} was "
                                             f"{MEASURES[measure].label.lower()}.", "pct:0"),
                         # 'Participants' beside 'Participants interviewed' did not say which participants it counts
                         "n_with": Label(share.replace("Share", "Participants", 1) if share != "Share" else
                                         "Participants for whom it holds", format="int")})


def _expectations(ctx) -> Section:
    first = ctx.waves[0]
    rows = _prev_rows(ctx, "anticipated", [first])
    blocks = [Paragraph(f"What participants expected of the review when interviewed at the first wave ({ctx.wave(first)}): the "
                        f"share who anticipated each {ctx.one} (a hoped-for, expected or planned change, not one that had "
                        "already happened), by their council's intervention status at that time.")]
    if rows.empty:
        blocks.append(Paragraph("No participant was interviewed at this wave."))
    else:
        blocks.append(_prev_table(rows, "expectations", f"{ctx.codes_as('Impacts')} anticipated before the review ({ctx.wave(first)})",
                                  "anticipated", ctx.level, ctx.one))
    return Section("Expectations before the review", blocks)


def _prevalence(ctx) -> Section:
    rows = _prev_rows(ctx, "reported", ctx.waves)
    blocks = [Paragraph(f"Share of interviewed participants who reported each {ctx.one} as having happened (asserted, not "
                        "negated or only hoped for, whatever they credited it to), by wave and the intervention status "
                        "of their council at that wave. Reports at the first wave describe change under way before the "
                        "review.")]
    if rows.empty:
        return Section(ctx.codes_as("Impacts reported at each wave"), blocks + [Paragraph("No interviews to report.")])
    blocks.append(_prev_table(rows, "prevalence", ctx.codes_as("Impacts reported at each wave, by intervention status"), "reported",
                              ctx.level, ctx.one))
    if not _any_share_shown(rows):
        # a map of letters only (a 5-council study: every share 'c') showed nothing a reader could read off it
        blocks.append(_no_figure(ctx.codes_as("the impacts reported at each wave"),
                                 f"every share in the table is suppressed ({SUPPRESSED})"))
        return Section(ctx.codes_as("Impacts reported at each wave"), blocks)
    # drawn when first read (Figure.fig), from a copy of the shares published now
    fig = functools.partial(_heatmap_figure, rows.copy(), list(ctx.waves),
                            wave_label={w: ctx.axis_wave(w) for w in ctx.waves}.__getitem__,
                            code_label={c: ctx.code(c) for c in rows["impact"].unique()}.__getitem__)
    blocks.append(Figure("prevalence_heatmap", fig, ctx.codes_as("Impacts reported at each wave, by intervention status"),
                         ctx.codes_as("Heatmap: rows are impacts, columns are wave and intervention status; each "
                                      "cell gives the share of participants reporting the impact and the number "
                                      "interviewed, on a colour scale ")
                         + f"from light (none) to dark (all). Suppressed cells are blank and marked {SUPPRESSED}."))
    return Section(ctx.codes_as("Impacts reported at each wave"), blocks)


def _shares_shown(rows: pd.DataFrame) -> pd.Series:
    """The shares of :func:`_prev_rows` as numbers, NaN where suppressed."""
    return pd.to_numeric(rows["prevalence"].where(rows["prevalence"] != SUPPRESSED), errors="coerce")


def _any_share_shown(rows: pd.DataFrame) -> bool:
    """Whether :func:`_heatmap_figure` has a share of ``rows`` to draw (a map of letters only shows nothing)."""
    return not _shares_shown(rows).isna().all()


def _heatmap_figure(rows: pd.DataFrame, waves: list[str], *, wave_label, code_label) -> _MplFigure | None:
    """The heatmap of :func:`_prev_rows`' shares, impacts by wave and status, sized for the printed page; None when
    every share is suppressed.

    The figure is as wide as a portrait page and its text is 8 pt there.  Each wave's columns (one per status) are
    labelled on two levels; where more waves than fit across the page at that size (three), the waves are drawn in
    panels one below the other, so a study of many waves gets a taller figure, not illegible labels.
    """
    if not _any_share_shown(rows):
        return None
    heat = rows.copy()
    heat["value"] = _shares_shown(heat)
    heat["n"] = pd.to_numeric(heat["n_participants"].where(heat["n_participants"] != SUPPRESSED), errors="coerce")
    # Rows by the impacts' labels, in the codebook's order: the map showed the codes' ids ('plans_actions'), in an order
    # an unstable sort by column left (commitment, morale, policies_systems, ...), beside tables and figures by label.
    labels = [code_label(c) for c in heat["impact"]]
    heat["row"] = pd.Categorical(labels, categories=list(dict.fromkeys(labels)))
    present = set(zip(heat["wave_id"], heat["group"], strict=True))
    shown = [w for w in waves if any((w, g) in present for g in STATUS_LABELS)]
    # 6 columns of rotated "Expectations before the review Not in intervention", in a figure 11 inches wide, printed
    # at 6 pt and ran into each other: the columns now share what the page leaves beside the labels and colour bar
    per_panel = max(1, int((_PAGE_INCHES - _HEAT_FIXED_INCHES) / _HEAT_COLUMN_INCHES) // len(STATUS_LABELS))
    per_panel = math.ceil(len(shown) / math.ceil(len(shown) / per_panel))  # 4 waves: two panels of 2, not 3 and 1
    panels = [shown[k:k + per_panel] for k in range(0, len(shown), per_panel)]
    fig = _MplFigure(figsize=(_PAGE_INCHES, (0.45 * heat["row"].nunique() + 2.0) * len(panels)))
    for k, part in enumerate(panels, start=1):
        ax = fig.add_subplot(len(panels), 1, k)
        groups = [(w, g) for w in part for g in STATUS_LABELS if (w, g) in present]
        panel = heat[heat["wave_id"].isin(part)].copy()
        panel["column"] = pd.Categorical([f"{w}\n{g}" for w, g in zip(panel["wave_id"], panel["group"], strict=True)],
                                         categories=[f"{w}\n{g}" for w, g in groups])
        prevalence_heatmap(panel, x="column", y="row", value="value", annot_n="n", ax=ax)
        _mark_suppressed_cells(ax, panel, x="column", y="row", value="value")
        for text in ax.texts:
            text.set_fontsize(_FIGURE_POINTS)
        ax.set_ylabel("")
        ax.tick_params(axis="y", labelsize=_FIGURE_POINTS)
        if ax.collections and getattr(ax.collections[0], "colorbar", None) is not None:
            bar = ax.collections[0].colorbar
            bar.set_label("Share of participants reporting the impact", fontsize=_FIGURE_POINTS)
            bar.ax.tick_params(labelsize=_FIGURE_POINTS)
    for ax, part in zip(fig.axes[::2], panels, strict=True):  # each heatmap, then its colour bar
        fig.tight_layout()  # the columns' width, which the waves' names are wrapped to, is known once laid out
        groups = [(w, g) for w in part for g in STATUS_LABELS if (w, g) in present]
        _wave_and_status_axis(ax, [wave_label(w).replace("\n", " ") for w, _ in groups],
                              [STATUS_LABELS[g] for _, g in groups], _FIGURE_POINTS)
    fig.tight_layout()
    return fig


#: The width (inches) a figure prints at in the Word report (A4 less two 2 cm margins), less room for the padding of
#: its cropped image.  The printed HTML is wider.
_PAGE_INCHES = (210 - 2 * 20) / 25.4 - 0.3
#: The size (points) of a figure's text on the printed page.
_FIGURE_POINTS = 8.0
#: A heatmap's column holds "n=194" at that size with room either side; the impacts' labels and the colour bar
#: take the rest of the width.
_HEAT_COLUMN_INCHES = 0.48
_HEAT_FIXED_INCHES = 3.4


def _wave_and_status_axis(ax, waves: list[str], statuses: list[str], points: float) -> None:
    """Label a heatmap's columns on two levels: each column's status under it, upright (read from below), and each
    wave once, level, wrapped to the width of its columns and centred under them; a white gap parts the waves.

    One label per column, "Expectations before the review Not in intervention", rotated by 30 degrees, ran into its
    neighbours; level status labels need a column as wide as "intervention", more than a portrait page holds.
    """
    import textwrap

    ax.set_xticks([k + 0.5 for k in range(len(statuses))], [_wrap(s, 12) for s in statuses],
                  rotation=90, ha="center", va="top", fontsize=points)
    spans: list[list] = []  # [wave, first column, last column]
    for k, wave in enumerate(waves):
        if spans and spans[-1][0] == wave:
            spans[-1][2] = k
        else:
            spans.append([wave, k, k])
    for _, first, _last in spans[1:]:
        ax.axvline(first, color="white", linewidth=4)
    column = ax.get_window_extent().width / max(len(statuses), 1) / ax.figure.dpi * 72  # points per column
    tall = max(label.get_window_extent().height for label in ax.get_xticklabels()) / ax.figure.dpi * 72
    below = ax.secondary_xaxis("bottom")
    below.set_xticks([(first + last + 1) / 2 for _, first, last in spans],
                     ["\n".join(textwrap.wrap(w, max(int(column * (last - first + 1) / (0.55 * points)) - 1, 8),
                                               break_long_words=False)) for w, first, last in spans], fontsize=points)
    below.tick_params(length=0, pad=tall + 3.5 + points * 0.6)
    below.spines["bottom"].set_visible(False)
    ax.set_xlabel("")


def _mark_suppressed_cells(ax, data: pd.DataFrame, *, x: str, y: str, value: str, fontsize: float = 9) -> None:
    """Write ``c`` in each cell of a heatmap drawn from ``data`` whose ``value`` is missing (suppressed).

    Seaborn draws no annotation in a cell without a value, so the cells the alt text called 'blank and marked c' were
    blank only, as empty as a wave and status group no participant was in. Rows and columns are the categories' order,
    as :func:`prevalence_heatmap` lays them out.
    """
    present_rows, present_cols = set(data[y]), set(data[x])
    rows = [r for r in data[y].cat.categories if r in present_rows]
    cols = [c for c in data[x].cat.categories if c in present_cols]
    for r in data[data[value].isna()].itertuples():
        ax.text(cols.index(getattr(r, x)) + 0.5, rows.index(getattr(r, y)) + 0.5, SUPPRESSED, ha="center", va="center",
                fontsize=fontsize, color="#333333")


# --------------------------------------------------------------------------- trajectories
def _trajectories(ctx) -> Section | None:
    t = ctx.f.trajectory_summary
    # the study's own waves: a fixed "expectations, early impact and longer-term change" named, in a study of two
    # waves, a wave it did not have (audit8); a title that would run long names none
    waves = _listed([ctx.short_wave(w).lower() for w in ctx.waves])
    title = f"Trajectories: {waves}" if len(waves) <= 80 else "Trajectories across the waves"
    if "trajectories" in ctx.f.not_computed and len(ctx.waves) > 3 and len(ctx.later) > 1:
        # "Not computed: trajectories (expectations realised, ...)" beside a summary that states the share realised
        first, last = ctx.short_wave(ctx.later[0]).lower(), ctx.short_wave(ctx.later[-1]).lower()
        return Section(title, [Paragraph(
            "The trajectory tables (each participant's expectations realised or unmet, and reported impact sustained, "
            "faded or emerging) are not given: a trajectory is defined on three waves, one before the review and two "
            f"after it, and this study has {_say(len(ctx.waves))} waves, {_say(len(ctx.waves) - 1)} of them after the "
            f"review{_no_interview_at(ctx)}. The summary states instead, where their counts can be published, the share of expectations held "
            "before the review that were reported at any later wave, and the share of impacts reported at "
            f"{first} that were reported again at {last}, each among the participants interviewed at the waves it "
            "compares.")])
    if "trajectories" in ctx.f.not_computed:
        return Section(title, [Paragraph(f"Not computed: {ctx.f.not_computed['trajectories']}.")])
    if t is None or t.empty or "realisation_realised" not in t.columns:
        return None
    rows = []
    for r in t.to_dict("records"):
        row = {"impact": r["code"]}
        for col in t.columns:
            if col.startswith(("realisation_", "persistence_")):
                row[col] = ctx.cell(("traj", r["code"], col))
        rows.append(row)
    table = pd.DataFrame(rows)
    realisation = table[["impact", *[c for c in table.columns if c.startswith("realisation_")]]]
    persistence = table[["impact", *[c for c in table.columns if c.startswith("persistence_")]]]
    blocks = [
        Paragraph(ctx.codes_as("Per participant and impact, across the waves: an expectation (anticipated before the "
                               "review) is realised when the impact is reported at a later wave, unmet when it is not; "
                               "an impact neither anticipated nor reported before the review is unanticipated when "
                               "reported at a later wave and not mentioned when it is not; one the participant reported "
                               "before the review as already under way, without anticipating it, is counted apart, as "
                               "under way before the review and reported after or not. Across the later waves, an impact is "
                               "sustained when reported at both, faded when only at the first of them, emerging when "
                               "only at the last, and absent when at neither. Participants missing a wave needed to "
                               "decide (any wave in the first table, either later wave in the second) are incomplete.")),
        Table("realisation", realisation.rename(columns=lambda c: c.replace("realisation_", "n_")),
              "Participants by whether their expectations were realised",
              f"Counts of participants; each participant is counted once per {ctx.one}, in one column. Every "
              "column but n_incomplete counts the participants interviewed at every wave." + _under_way_note(ctx)),
        Table("persistence", persistence.rename(columns=lambda c: c.replace("persistence_", "n_")),
              "Participants by whether reported impact was sustained", "Counts of participants."),
    ]
    return Section(title, blocks)


def _no_interview_at(ctx) -> str:
    """', no interview having been held at <waves>' for the waves after the review at which none was, else ''."""
    empty = [ctx.short_wave(w).lower() for w in ctx.waves[1:] if w not in ctx.later]
    return f", no interview having been held at {_listed(empty)}" if empty else ""


def _under_way_note(ctx) -> str:
    """The realisation table's note tying its columns to the summary's counts of expectations realised and of impacts
    "neither expected nor reported before the review", where the summary states them: the summary's counts appeared in
    no table (seed 44202, 40 councils: its 226 of 349 beside columns of 316 unanticipated and 136 not mentioned, which
    counted also the impacts under way before the review; truth44), and now are the sums of the columns that count
    the same participants (truth45)."""
    counts = _realised_counts(ctx)
    if counts is None or counts[0] == 0 or not ctx.shown(*_REALISED_KEYS):
        return ""
    note = (" The summary's expectations held before the review are the sums of n_realised and n_unmet_expectation "
            "over the impacts")
    if counts[2] == 0 or not ctx.shown(*_UNEXPECTED_KEYS):
        return note + "."
    return note + ("; its impacts neither expected nor reported before the review, those of n_unanticipated and "
                   "n_not_mentioned.")


# --------------------------------------------------------------------------- attribution
def _attribution(ctx) -> Section | None:
    att = ctx.f.attribution
    if att is None or att.empty:
        return None
    factors = [x for x in OTHER_FACTORS if x != "unclear"]
    rows = []
    for r in att.to_dict("records"):
        code = r["code"]
        n_key = ("att", code, "reported")
        row = {"impact": code, "n_reported": ctx.cell(n_key)}
        for k in ("review", "other", "unclear"):
            row[f"n_{k}"] = ctx.cell(("att", code, k))
            row[f"share_{k}"] = ctx.value_if(r[f"share_{k}"], n_key, ("att", code, k))
        for x in factors:
            row[f"n_{x}"] = ctx.cell(("att", code, x))
        rows.append(row)
    table = pd.DataFrame(rows)
    if not ctx.later:
        # a study of the first wave alone: the section read "Each impact reported , by what the speaker credited it
        # to" above a table of zeros (truth45)
        return Section(ctx.codes_as("What the impacts were credited to"), [Paragraph(
            "This study has no wave after the review, so no impact reported after it is credited to the review or to "
            "anything else.")])
    waves = _at_each_later(ctx)
    # the share credited elsewhere at each wave, in words before the table (which pools the waves): a table of two
    # rows of its own took a page of the Word report, the landscape table above it being the section's only page
    by_wave = _credit_by_wave(ctx, f"statements reporting {ctx.codes_as('an impact')}")
    withheld = _statements_withheld_words(ctx, table)
    if (by_wave or withheld[1]) and ctx.f.coding.get("source") == "machine":
        # The coder's reading of what a change is credited to has not been measured against people's (the summary
        # and the quotes' captions state no credit under it), yet the section gave its shares as fact (seed 9704,
        # 60 councils: 22% at longer-term change credited elsewhere, 28% of the planted statements; it credited 25
        # statements to a restructure, 21 of them of revised policies, where 10 and 7 were planted).
        by_wave = (" The machine coder's reading of what a change is credited to has not been measured against "
                   "people's coding, so the table's counts and shares are unconfirmed and none is stated as a "
                   "finding.")
    return Section(ctx.codes_as("What the impacts were credited to"), [
        Paragraph(f"Each {ctx.one} reported {waves}, by what the speaker credited it to: the review (explicitly, or by "
                  "the context of an interview about the review), another factor (Ofsted, new leadership, a "
                  "restructure, funding, another programme), or nothing they could name (the cause left open). "
                  "Counts are of statements, not of people, and " + (withheld[0] or "are not suppressed.") + by_wave),
        Table("attribution", table, ctx.codes_as("What reported impacts were credited to"),
              "n_review, n_other, n_unclear add up to n_reported; n_ofsted ... n_other_programme add up to n_other."
              + (" A row shown c: its statements, beside the participants published, would narrow a count of "
                 "participants that is hidden." if withheld[0] else ""),
              {"share_review": "pct:0", "share_other": "pct:0", "share_unclear": "pct:0"}),
    ])


def _statements_withheld_words(ctx, table: pd.DataFrame) -> tuple[str, bool]:
    """``(words, by_wave)``: the end of the attribution section's sentence on its counts where
    :func:`_withhold_statements` withheld some ('' where none), and whether the counts by wave are among them; records
    why for the suppression ledger (each row of ``table`` withheld, and the counts by wave)."""
    hidden = {k[:2] for k in ctx.statements_withheld if k[0] == "att"}
    rows = [("att", code) in hidden for code in table["impact"]]
    by_wave = sorted({k[1] for k in ctx.statements_withheld if k[0] == "att_wave"}, key=list(ctx.waves).index)
    if not any(rows) and not by_wave:
        return "", False
    section = ctx.codes_as("What the impacts were credited to")
    ctx.suppressed_rows("attribution", rows, "statement_bound", _STATEMENT_BOUND_WHY)
    ctx.withheld(section, "counts of statements by wave", len(by_wave) * len(_BY_WAVE_CREDITS), "statement_bound",
                 _STATEMENT_BOUND_WHY)
    names = [_lower_first(ctx.code(c)) if c != "all" else ctx.codes_as("all impacts") for c, hid in zip(table["impact"], rows,
                                                                                             strict=True) if hid]
    at = f"the counts of statements at {_listed([ctx.short_wave(w).lower() for w in by_wave])}" if by_wave else ""
    what = (f"the rows of {_listed(names)} (shown c)" + (f", and {at}," if at else "")) if names else at
    return (f"none is suppressed for its size; but each participant reporting {ctx.codes_as('an impact')} at a wave "
            f"made one statement of it at least, so statements bound the participants reporting it, and {what} "
            "would, beside the participants published, narrow a count of participants that is hidden: they are "
            "withheld.",
            bool(by_wave))


def _credits_by_wave(ctx) -> pd.DataFrame | None:
    """The rows ``all`` of ``attribution_by_wave``, where there are two waves or more and they add up to the pooled
    counts (else None: counts that do not are not of the same coding, and are not published beside them)."""
    aw, att = ctx.f.attribution_by_wave, ctx.f.attribution
    if aw is None or att is None or att.empty or aw["wave"].nunique() < 2:
        return None
    aw = aw[aw["code"] == "all"]
    cols = [c for c in att.columns if c.startswith("n_")]
    pooled = att[att["code"] == "all"][cols]
    if len(pooled) != 1 or not (aw[cols].sum() == pooled.iloc[0]).all():
        return None
    return aw


# --------------------------------------------------------------------------- comparisons
#: How the forest plot's axis and alternative text name the difference its dots show (``difference_type`` of
#: :func:`impact.stats.compare_groups`; "mixed" where rows differ, as the table's column says row by row).
_DIFFERENCE_AXIS = {"hodges_lehmann": "Hodges-Lehmann difference in councils' shares",
                    "mean_difference": "Difference in councils' mean shares",
                    "mixed": "Difference in councils' shares (Hodges-Lehmann or in means, as the table says)"}
#: The dot of the comparisons' forest plot, by the table's estimate, for its alt text (:func:`_difference_alt`).
_DIFFERENCE_DOT = {
    "hodges_lehmann": "the Hodges-Lehmann difference between the groups (the median of the differences between a "
                      "council in intervention and one not in intervention)",
    "mean_difference": "the difference between the groups' mean shares",
    "mixed": "the Hodges-Lehmann difference between the groups or the difference between their mean shares, as the "
             "table's column 'Difference estimated as' says for each row"}


def _difference_alt(kind: str, one: str, level: str) -> str:
    """The alt text of the comparisons' forest plot: what is compared (a council's share of participants reporting
    the impact, councils in intervention against those not) before what the dot is (the measure came after the
    estimate's own words: "the difference between the mean share of councils in intervention and of councils not in
    the share of a council's participants reporting the impact").

    Examples
    --------
    >>> _difference_alt("mean_difference", "impact", "95%")[:111]
    "Forest plot: one line per impact and wave, comparing the share of a council's participants reporting the impact"
    """
    return (f"Forest plot: one line per {one} and wave, comparing the share of a council's participants reporting "
            f"the {one} between councils in intervention and councils not in intervention; the dot is "
            f"{_DIFFERENCE_DOT[kind]}, the line its {level} interval; the vertical line is no difference.")


def _waves_between(ctx, tested: list[str], binary: bool) -> str:
    """'(the test uses all 3 waves; the median at early impact, between them, is not shown) ': what the change table's
    two medians leave out of a test across more than two waves; '' for a test of two."""
    if len(tested) < 3:
        return ""
    between = [ctx.short_wave(w).lower() for w in tested[1:-1]]
    what = "share" if binary else "median"
    return (f"(the test uses all {len(tested)} waves; the {what}{'s' if len(between) > 1 else ''} at "
            f"{_listed(between)}, between them, {'are' if len(between) > 1 else 'is'} not shown) ")


def _said_once(data: pd.DataFrame, columns: list[str]) -> list[str]:
    """Those of ``columns`` whose every row of ``data`` says the same: the report's text says such a value once, so the
    table shows the column only in its CSV (:attr:`impact.report.Table.csv_only`), for a machine reading rows alone.

    Examples
    --------
    >>> _said_once(pd.DataFrame({"kind": ["mean", "mean"], "test": ["a", "b"]}), ["kind", "test", "other"])
    ['kind']
    >>> _said_once(pd.DataFrame({"test": [SUPPRESSED, SUPPRESSED]}), ["test"])  # a withheld value is not said
    []
    """
    return [c for c in columns if c in data.columns and len(data) and data[c].nunique(dropna=False) == 1
            and not pd.isna(data[c].iloc[0]) and data[c].iloc[0] != SUPPRESSED]


def _compared_once(table: pd.DataFrame) -> tuple[list[str], str]:
    """The columns of an agreement table that every row shares (the segments compared, the coders), for its CSV only
    (:func:`_said_once`), and the sentence that says them once: every impact is compared on the same segments of the
    hand check, so 'Segments compared 9,087' and 'Coders 2' stood on each of 18 rows (seed 31303, round 31)."""
    once = _said_once(table, ["n_units", "n_coders"])
    if "n_units" not in once:
        return [], ""
    k = int(table["n_coders"].iloc[0]) if "n_coders" in once else 0
    coders = f", coded by {_say(k)} {'coder' if k == 1 else 'coders'}" if k else ""
    return once, f" Every row compares the same {int(table['n_units'].iloc[0]):,} segments{coders}."


def _one_kind(kinds: set) -> str:
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _difference_method(kinds: set, level: str, resamples: int) -> str:
    """The methods sentence naming the difference the comparisons table shows and the test behind its p-values.

    Councils' shares of one to three interviews take a few values (0, 50% and 100% with two), so most pairs of
    councils tie: the Hodges-Lehmann shift, the median of the pairwise differences, is then 0 with an interval of
    "0 to 0" whatever the groups' shares (seed 31172, 103 against 38 councils), which reads as certainty that there
    is no difference. Such rows give the difference in mean shares, its interval and its test."""
    hl = (f"the Hodges-Lehmann shift (councils in intervention minus those not) with its distribution-free {level} interval, and a "
          f"permutation test of the councils' ranks ({resamples:,} resamples)")
    mean = (f"the difference in the groups' mean shares (councils in intervention minus those not) with a {level} Welch interval "
            "computed with one council at 0% and one at 100% added to each group (so that councils all sharing one "
            f"value do not give an interval of '0 to 0'), and a permutation test of the difference in means "
            f"({resamples:,} resamples)")
    if kinds == {"hodges_lehmann"}:
        return f"Difference: {hl}."
    tied = ("Where one in five or more of the differences between a council in intervention and one not take the same "
            "value, as with one to three interviews per council (most are 0), the Hodges-Lehmann shift, their median, "
            "and its interval collapse onto that value, giving intervals such as '0 to 0' whatever the groups' shares. ")
    if kinds == {"mean_difference"}:
        return tied + f"The councils' shares here are that tied, so the difference shown is {mean}."
    return (tied + f"Rows whose shares are that tied show {mean}; the others show {hl}. The column 'Difference estimated as' "
            "says which each row shows.")


def _centre_note(kinds: set, one: str) -> str:
    """The table note for the groups' centres the comparisons table shows, medians, means or both."""
    what = f"of the share of a council's interviewed participants who reported the {one}."
    if kinds == {"hodges_lehmann"}:
        return f"median_a, median_b: the median, over those councils, {what}"
    if kinds == {"mean_difference"}:
        return f"mean_a, mean_b: the mean, over those councils, {what}"
    return f"median_a, median_b, mean_a, mean_b: the median and the mean, over those councils, {what}"


#: Why a row of the comparisons table is withheld where its group's counts of councils are published.
_TIED_TO_COUNT = ("a status group's mean or median share, and the difference, interval and test computed from it, "
                  "where the count of that group's participants reporting the impact is suppressed: with the group's "
                  "councils and participants, published beside it, the share gives that count back")


_MEDIAN_NARROWS = ("a median share that says how many of the row's councils at least had a participant reporting "
                   "the impact at the wave, or one not reporting it, and so, with the counts published, would give "
                   "back a suppressed count of the participants reporting it")


#: :data:`_MEDIAN_NARROWS` where every council's share is 0% or 100% (McNemar's test, Cochran's Q): the "median" is
#: the share of the row's councils reporting the impact
_SHARE_NARROWS = ("a share of councils that says how many of the row's councils had a participant reporting the impact "
                  "at the wave, and so, with the counts published, would give back a suppressed count of the "
                  "participants reporting it")

#: :data:`_RANK_NARROWS` where every council's share is 0% or 100%
_SHIFT_NARROWS = ("a difference in the share of councils that with the shares or its exact p says how many of the row's "
                  "councils reported the impact at one wave and not at the other, and so, with the counts published, "
                  "would give back a suppressed count of the participants reporting it")

#: Why change_over_time's effect size and p-values are withheld in a row whose councils are published
_RANK_NARROWS = ("an effect size of 1 or -1 (every council's share moving the same way) that with its exact p says how "
                 "many of the row's councils had a participant reporting the impact at one wave and one not reporting "
                 "it at the other, and so, with the counts published, would give back a suppressed count of the "
                 "participants reporting it")


#: Why change_over_time's test is withheld in a row whose councils are hidden to protect another count
#: (:func:`_tests_beside_hidden`)
_TEST_NARROWS = ("a test whose p-value rests on the row's councils whose share moved, and so says at least that many "
                 "were followed, which with the counts published would give back a suppressed count of councils or "
                 "participants")


def _counts_of_side(r: dict, side: str) -> tuple:
    """The ledger's keys of the counts a comparisons row's group (``side`` "a" or "b") is computed from: its
    participants at the wave and those of them reporting the impact."""
    g = r.get(f"group_{side}") or ("no_intervention" if side == "a" else "intervention")
    return ("participants_group", r["wave"], g), ("with", "reported", r["code"], r["wave"], g)


def _comparison_groups(r: dict) -> tuple:
    """The ledger's keys of the councils interviewed in each group of a comparisons row."""
    return (("councils_interviewed_group", r["wave"], r.get("group_a") or "no_intervention"),
            ("councils_interviewed_group", r["wave"], r.get("group_b") or "intervention"))


def _comparison_shown(ctx, r: dict) -> bool:
    """Whether a comparisons row's difference, interval and tests are published: both groups' councils, and the
    counts each group's share is tied to (:func:`_counts_of_side`): every part of :func:`_comparison_parts`."""
    return all(_comparison_parts(ctx, r))


def _comparison_parts(ctx, r: dict) -> tuple[bool, bool, bool]:
    """Whether a row of the comparisons by status can be published: its groups' councils, and the counts of each
    side's participants reporting the impact. A group's centre is its councils' shares, tied to the count of its
    participants reporting the impact: with the group's councils and participants it gives that count back (40
    councils, seed 31303: a mean share of 5.6% over 9 councils of 16 participants, 1 reporting, beside a 'c' in the
    prevalence table); the row's difference, interval and test are shown only where both sides' counts are."""
    side_a, side_b = (ctx.shown(*_counts_of_side(r, side)) for side in ("a", "b"))
    return ctx.shown(*_comparison_groups(r)), side_a, side_b


def _comparisons(ctx) -> Section:
    c = ctx.f.comparisons.copy()
    rows, tied = [], []
    for r in c.to_dict("records"):
        ka, kb = _comparison_groups(r)
        ok, side_a, side_b = _comparison_parts(ctx, r)
        tied.append(ok and not (side_a and side_b))
        shown_a, shown_b = ok and side_a, ok and side_b

        def keep(v, shown=shown_a and shown_b):
            return v if shown else SUPPRESSED

        rows.append({
            "impact": r["code"], "wave": r["wave"], "code": r["code"], "wave_id": r["wave"],
            "n_a": ctx.cell(ka), "median_a": keep(r.get("median_a"), shown_a), "mean_a": keep(r.get("mean_a"), shown_a),
            "n_b": ctx.cell(kb), "median_b": keep(r.get("median_b"), shown_b), "mean_b": keep(r.get("mean_b"), shown_b),
            # the difference each row publishes (compare_groups' difference="auto"): the Hodges-Lehmann shift, or,
            # where councils' shares are heavily tied, the difference in mean shares, whose interval never reads
            # '0 to 0' (150 councils of 2 interviews each: every row 'Difference 0, 95% CI 0 to 0', seed 31172)
            "difference_type": r.get("difference_type", "hodges_lehmann"),
            "difference": keep(r.get("difference", r.get("hodges_lehmann"))),
            "ci_low": keep(r.get("difference_ci_low", r.get("hodges_lehmann_ci_low"))),
            "ci_high": keep(r.get("difference_ci_high", r.get("hodges_lehmann_ci_high"))),
            "rank_biserial": keep(r.get("effect")), "p_value": keep(r.get("p_value")),
            "p_adjusted": keep(r.get("p_adjusted")),
            "_tied": tied[-1],
        })
    table = pd.DataFrame(rows)
    kinds = set(table["difference_type"]) if len(table) else {"hodges_lehmann"}
    # the centre each group is described by goes with the difference shown: medians beside a Hodges-Lehmann shift,
    # means beside a difference in means (both where rows differ)
    table = table.drop(columns=[*(["mean_a", "mean_b"] if "mean_difference" not in kinds else []),
                                *(["median_a", "median_b"] if "hodges_lehmann" not in kinds else [])], errors="ignore")
    la, lb = STATUS_LABELS["no_intervention"], STATUS_LABELS["intervention"]
    # the difference, its test and their adjustment are described where a row shows one: where every one is c (seed
    # 43101, 12 councils, fewer than 5 in intervention), "the difference shown is ..." described no figure (truth43)
    figures = _figure_cells(table, _caveat_tables()[_comparisons_figures()][1])
    blocks = [Paragraph(
        f"Councils {lb.lower()} compared with councils {la.lower()} at each wave, with the council as the unit: the "
        f"outcome is the share of a council's interviewed participants who reported the {ctx.one}. "
        + (_difference_method(kinds, ctx.level, ctx.f.parameters["n_resamples"]) + " Rank-biserial correlation; "
           f"{_adjusted_across(ctx, f'every {ctx.one} and wave')}." if figures.any() else
           f"Every difference, interval and test of the table is suppressed ({SUPPRESSED}), as the counts behind them "
           "are small."))] if not table.empty else []
    # where nothing was compared the section says so alone: a study of one wave described the Hodges-Lehmann shift,
    # its permutation test and the adjustment across waves above "Not computed" (truth45)
    if "comparisons" in ctx.f.not_computed:
        blocks.append(Paragraph(f"Councils {lb.lower()} are not compared with councils {la.lower()}: "
                                f"{ctx.f.not_computed['comparisons']}."))
    elif table.empty:
        blocks.append(Paragraph(f"Councils {lb.lower()} are not compared with councils {la.lower()}: no comparison could "
                                "be computed."))
    if not table.empty:
        order = {c: i for i, c in enumerate(ctx.codes)}
        table = table.assign(_c=table["code"].map(order), _w=table["wave_id"].map(ctx.waves.index)).sort_values(
            ["_c", "_w"]).drop(columns=["_c", "_w"])
        ctx.suppressed_rows("comparisons", table["_tied"], "tied_to_suppressed_count", _TIED_TO_COUNT)
        table = table.drop(columns="_tied")
        unconfirmed = table["code"].isin(_doubtful_by_status(ctx, _weak_codes(ctx)))
        shown, p_labels, p_note = _unconfirmed_p(
            table.drop(columns=["code", "wave_id"]), unconfirmed,
            f"the machine coding of the {ctx.one} is not confirmed in both status groups")
        # the title in the columns' order, and the difference's direction said: '(In intervention vs Not in
        # intervention)' above columns of councils not in intervention first, beside 'second group minus first',
        # left the reader to guess which group came first (reader2, the example's Table 11)
        blocks.append(Table("comparisons", shown, f"{ctx.codes_as('Impact')} by intervention status: {la.lower()} and "
                            f"{lb.lower()}, and the difference ({lb.lower()} minus {la.lower()})",
                            "n_a, n_b: the councils of each group interviewed at the wave; "
                            + _centre_note(kinds, ctx.one) + p_note,
                            # the difference in percentage points, as its heading says: '-50%' and '0% to 0%'
                            # under 'Difference in share (percentage points)' read as a relative change (round 27)
                            {**{c: "pct:0" for c in ("median_a", "median_b", "mean_a", "mean_b") if c in shown.columns},
                             "difference": "pp:0", "CI": CI("ci_low", "ci_high", digits=0, points=True),
                             "rank_biserial": "num:2"},
                            labels=p_labels, value_labels={"difference_type": {
                                "hodges_lehmann": "Hodges-Lehmann shift", "mean_difference": "Difference in means"}},
                            # one estimate serves the whole table (impact.pipeline._status_comparisons): a column
                            # repeating it on every row is noise beside the methods sentence that says it once
                            csv_only=_said_once(shown, ["difference_type"])))
        fp = table[table["difference"] != SUPPRESSED].dropna(subset=["difference", "ci_low", "ci_high"])
        if not fp.empty:
            # each impact's label a heading over its waves' lines, as the table beside it and the status forest plot
            # name it (it showed the code's id, 'plans_actions (Early impact)'; label and wave on one line overlapped)
            # in percentage points, as the table beside it gives them (round 27: the axis ran -0.4 to 1.0 beside a
            # table of -50 to 50)
            fp = fp.assign(label=fp["wave_id"].map(ctx.axis_wave), impact_label=fp["code"].map(ctx.code),
                           _not_finding=unconfirmed[fp.index],
                           **{k: fp[k].astype(float) * 100 for k in ("difference", "ci_low", "ci_high")})
            blocks.append(_forest(
                # the difference is the table's (Hodges-Lehmann shift or difference in mean shares of councils), not
                # a difference of the shares of participants: those were 43% and 33% where the dot stood at -8 points
                # (seed 27518)
                fp, "difference", f"{_DIFFERENCE_AXIS[_one_kind(set(fp['difference_type']))]} "
                f"reporting the impact, percentage points ({lb} minus {la})", "comparisons_forest",
                f"Differences by intervention status with {ctx.level} intervals",
                _difference_alt(_one_kind(set(fp["difference_type"])), ctx.one, ctx.level), ctx.alpha,
                group="impact_label"))
    change = ctx.f.change
    if "change" in ctx.f.not_computed:
        blocks.append(Paragraph(f"Change across the waves within councils is not computed: "
                                f"{ctx.f.not_computed['change']}."))
    if change is not None and len(change):
        gcol = _group_column(change)
        first, last = _held_waves(ctx)[0], _held_waves(ctx)[-1]  # the first and last at which an interview was held
        # the effect column is named for the effect the test gives: Kendall's W (Friedman, three waves or more, 0 to 1)
        # or the matched-pairs rank-biserial correlation (Wilcoxon, two waves, -1 to 1); a two-wave study's table
        # headed its rank-biserial correlations "Kendall's W"
        kinds = set(change["effect_type"].dropna()) if "effect_type" in change.columns else {"kendalls_w"}
        # a study whose every council share at every wave is 0% or 100% (one participant a council and wave) is
        # tested by McNemar's test or Cochran's Q, its "medians" the share of councils reporting it and its effect
        # their difference: the report named Wilcoxon's or Friedman's test, medians and Kendall's W for them (25
        # councils, one interview a wave: disclosure72)
        binary = kinds == {"difference"}
        effect = kinds.pop() if len(kinds) == 1 else "effect"
        effect_note = effect + ": " + {  # the column by machine name, given as headed (:func:`~._format.table_notes`)
            "kendalls_w": "effect size of Friedman's test, from 0 to 1.",
            "matched_rank_biserial": "effect size of Wilcoxon's signed-rank test, from -1 (all fell) to 1 (all rose).",
            "difference": f"the share of councils reporting the {ctx.one} at the last wave minus that at the first, "
                          "in percentage points."}.get(
            effect, "Kendall's W for Friedman's test, the matched-pairs rank-biserial correlation for Wilcoxon's "
                    "signed-rank test.")
        medians_narrow, ranks_narrow = (_SHARE_NARROWS, _SHIFT_NARROWS) if binary else (_MEDIAN_NARROWS, _RANK_NARROWS)
        rows, alone = [], False
        for r in change.to_dict("records"):
            g = r[gcol] if gcol else "all"
            ok = ctx.shown(("councils_complete", g))
            # a row of one council (its count published) has no test, median or effect: said in the notes, not left
            # blank without a word (5 councils, one followed within its status group: truth81)
            alone |= ok and pd.notna(r.get("n")) and float(r["n"]) < 2
            keep = lambda v, ok=ok: v if ok else SUPPRESSED  # noqa: E731
            # a test published beside its hidden councils (:func:`_tests_beside_hidden`): its p's, and the rank-biserial
            # correlation, which are of the councils that moved alone
            test_ok = ok or (r["code"], g) in ctx.tests_beside_hidden
            tested = lambda v, ok=test_ok: v if ok else SUPPRESSED  # noqa: E731
            # the test is named only where the count is published: none where fewer than two councils were followed,
            # so a blank test beside a suppressed count said it was 0 or 1 (seed 31271, round 39)
            rows.append({"impact": r["code"], "status": g,
                         "test": tested(r.get("test")), "n_councils": ctx.cell(("councils_complete", g)),
                         # a median that would narrow a hidden count of the prevalence table is withheld alone
                         # (:func:`_withhold_medians`)
                         **{f"median_{w}": SUPPRESSED if (r["code"], w, g) in ctx.medians_withheld else keep(r.get(v))
                            for w, v in ((first, "value_first"), (last, "value_last"))},
                         "_m": any((r["code"], w, g) in ctx.medians_withheld for w in (first, last)),
                         # a rank statistic that with its p would narrow a hidden count is withheld with its p's
                         # (:func:`_rank_bounds`, disclosure round 71)
                         "_r": (r["code"], g) in ctx.ranks_withheld,
                         "_t": (r["code"], g) in ctx.tests_withheld_beside,
                         **{k: SUPPRESSED if (r["code"], g) in ctx.ranks_withheld else how(v) for k, v, how in (
                             (effect, r.get("effect"),
                              tested if r.get("effect_type") == "matched_rank_biserial" else keep),
                             ("p_value", r.get("p_value"), tested), ("p_method", _change_p_method(r), tested),
                             ("p_adjusted", r.get("p_adjusted"), tested))}, "_c": ctx.codes.index(r["code"]) if r["code"] in ctx.codes else 99,
                         "_g": list(STATUS_LABELS).index(g) if g in STATUS_LABELS else 9})
        ch = pd.DataFrame(rows).sort_values(["_c", "_g"]).drop(columns=["_c", "_g"]).reset_index(drop=True)
        medians, ranks, tests = ch.pop("_m"), ch.pop("_r"), ch.pop("_t")
        ctx.suppressed_rows("change_over_time", medians, "median_narrows", medians_narrow)
        ctx.suppressed_rows("change_over_time", ranks, "rank_narrows", ranks_narrow)
        ctx.suppressed_rows("change_over_time", tests, "test_narrows", _TEST_NARROWS)
        ch, exact_note = _change_p_methods(ch, few=_few_councils(ctx))
        ch, p_labels, p_note = _unconfirmed_p(ch, ch["impact"].isin(_doubtful_over_waves(ctx, _weak_codes(ctx))),
                                              f"the machine coding of the {ctx.one} is not confirmed at every wave")
        # the test follows from the number of waves, so every row tested names the same one: said once above the
        # table, and in its CSV only (40 councils: 'Friedman test' on each of 6 rows, seed 31303, round 31)
        once = _said_once(ch, ["test"])
        # the waves the tests ran across are those at which an interview was held: a study of three waves with none
        # held at one said "Wilcoxon's signed-rank test across the 3 waves ... on councils interviewed at every wave"
        # of a test of two waves, on councils interviewed at both (truth71)
        tested_waves = _held_waves(ctx)
        span = (f"across the {len(tested_waves)} waves" if len(tested_waves) > 2 else "between the two waves") + (
            f" at which interviews were held ({_listed([ctx.short_wave(w).lower() for w in tested_waves])})"
            if len(tested_waves) < len(ctx.waves) else "")
        every = "every wave" + (" at which interviews were held" if len(tested_waves) < len(ctx.waves) else "")
        test = ch["test"].iloc[0] if once else None
        if test not in _CHANGE_TESTS:
            # the test follows from the number of waves and whether the shares are 0% or 100% throughout: a study of
            # two named Friedman's test too (truth45)
            once, test = [], (("cochran_q" if binary else "friedman") if len(tested_waves) > 2 else
                              ("mcnemar" if binary else "wilcoxon"))
        test = f"{_CHANGE_TESTS[test]} {span}"
        # a status group no council stayed in at every wave has no row: said, not left to be inferred (40 councils
        # whose notices were issued or lifted between waves: a table 'by status group' of councils not in
        # intervention alone, seed 31303)
        absent = [g for g in STATUS_LABELS if gcol and g not in set(change[gcol])]
        absent_said = "".join(
            f" No council was interviewed at every wave and {'in' if g == 'intervention' else 'not in'} intervention "
            f"at each, so the table has no row for councils {STATUS_LABELS[g].lower()}." for g in absent)
        blocks += [
            Paragraph(("Change across the waves within each status group: " if gcol else "Change across the waves: ")
                      + f"{test} of each "
                      f"council's share reporting the {ctx.one}, on councils interviewed at {every}"
                      # a council is followed within its status group, so one that moved into or out of intervention
                      # between waves has no complete series in either and is not counted
                      + (" and in the same status group at each (a council that moved into or out of intervention "
                         "between waves is in neither)." if gcol else ".")
                      # the analysis falls back to all councils when every council followed moved between groups
                      + (" Every council interviewed at every wave moved into or out of intervention between the "
                         "waves, so none has a series within one status group: the tests are across all councils, "
                         "whatever their status." if not gcol and "comparisons" not in ctx.f.not_computed else "")
                      + absent_said),
            # tests across all councils (none compared by status, or none followed within a group) are not by group
            Table("change_over_time", ch, f"Change in each {ctx.one} across the waves, "
                  + ("by status group" if gcol else "all councils together"),
                  f"median_{first} / median_{last}: "
                  # the test runs across every wave held, the table shows two: said, so the two medians are not read
                  # as all the test compared (reader2, the example: Friedman's test across 3 waves, 2 medians)
                  + (f"share of councils reporting the {ctx.one} at the first and last wave "
                     f"{_waves_between(ctx, tested_waves, binary)}(every council's share at "
                     "every wave was 0% or 100%) among councils interviewed " if binary else
                     f"median share at the first and last wave {_waves_between(ctx, tested_waves, binary)}among "
                     "councils interviewed ")
                  # a table is read on its own: the councils that moved between groups are in neither row (100
                  # councils, seed 61101: 58 + 12 followed of the 92 interviewed at every wave; truth61)
                  + (f"at {every} and in the row's status group at each (a council that moved into or out of "
                     "intervention between waves is in neither row); " if gcol else f"at {every}; ")
                  + f"{effect_note}{exact_note}{_drift_note(ctx)}{p_note}"
                  + (f" A row of one council has no test, {'share' if binary else 'median'} or "
                     f"{'difference' if binary else 'effect size'}: the tests need two councils at least, followed "
                     f"at {every}." if alone else "")
                  + (f" A {'share' if binary else 'median'} marked {SUPPRESSED} in a row whose councils are "
                     "published is withheld: " + medians_narrow + "." if ctx.medians_withheld else "")
                  + (f" {'A difference' if binary else 'An effect size'} and p-values marked {SUPPRESSED} in a row "
                     "whose councils are published are withheld: " + ranks_narrow + "." if ctx.ranks_withheld else "")
                  + (" A row whose councils are marked " + SUPPRESSED + " publishes its test where it gives no hidden "
                     "count away: its p-values" + ("" if binary or effect != "matched_rank_biserial" else
                                                   " and rank-biserial correlation")
                     + " rest on the councils whose share moved alone, so they say only that at least that many were "
                     f"followed; its {'shares' if binary else 'medians'}"
                     + ("" if effect == "matched_rank_biserial" else " and effect size")
                     + " are withheld with its councils." if ctx.tests_beside_hidden else ""),
                  {f"median_{first}": "pct:0", f"median_{last}": "pct:0", effect: "pp:0" if binary else "num:2"},
                  labels={**p_labels, **({f"median_{w}": dataclasses.replace(
                      heading := ctx.vocabulary.column(f"median_{w}"),
                      text="Share of councils" + heading.text[len("Median"):]) for w in (first, last)} if binary else {}),
                          **({"p_method": Label("p-value method", description=(
                      "How the row's p-value was computed: 'exact', the exact permutation p; 'chi-square' or "
                      "'normal', the asymptotic p, where the exact one is beyond computation."))}
                      if "p_method" in ch.columns else {}),
                          **({"test": Label("Test", description=(
                      "The test of the row. Every row names the same one, which the text above the table says: in "
                      "this CSV only, not in the report or workbook."))} if once else {})},
                  # the rows of tests across all councils: 'all' under 'Intervention status' (seed 30744, round 27)
                  value_labels={"status": {"all": "All councils"}}, csv_only=once),
        ]
    return Section("Comparisons by intervention status", blocks)


def _change_p_method(r: dict) -> str | None:
    """How a row of :func:`impact.stats.change_over_time` got its p: 'exact', or the asymptotic test's name where the
    exact p is beyond computation ('chi-square' for Cochran's Q and Friedman's test, 'normal' for Wilcoxon's); None
    where the row has no test."""
    if not r.get("test") or pd.isna(r.get("p_value")):
        return None
    if r.get("p_exact") is None or pd.isna(r.get("p_exact")) or bool(r["p_exact"]):
        return "exact"
    return "normal" if r["test"] == "wilcoxon" else "chi-square"


def _change_p_methods(ch: pd.DataFrame, *, few: bool = False) -> tuple[pd.DataFrame, str]:
    """The change table with its ``p_method`` column where a published row's p is asymptotic (else without it), and
    the note's words on which p is exact; ``few`` (:func:`_few_councils`) adds that the approximation can be far
    from the exact p with so few councils (said of 150 councils before render42).

    At four or five waves the exact p of Friedman's test can be beyond computation even for 4 councils (seed 48501,
    disclosure round 48b), and the table then showed the chi-square p where the methods call the p exact; an
    asymptotic p is no multiple of 1 / (k!)^(m - 1), so it bounds no count as an exact one does, and read as exact
    it put a group of 4 at 6 councils. Whether the column is there is decided by the published rows alone: a row
    beside a suppressed count shows ``c`` in it, as in its p, since that an exact p was beyond computation says the
    row rests on many changing councils."""
    shown = ch["p_method"].map(lambda v: isinstance(v, str) and v not in ("exact", SUPPRESSED))
    if not shown.any():
        said = ch["p_method"].eq("exact").any()
        return (ch.drop(columns="p_method"),
                " p-values: exact permutation p-values (every order of each council's values over the waves equally "
                "likely under no change)." if said else "")
    kinds = _listed([f"'{k}'" for k in dict.fromkeys(ch.loc[shown, "p_method"])], "or")
    return ch, (" p-values: the exact permutation p where p_method is 'exact'; where it is " + kinds + ", the "
                "asymptotic p, the exact one being beyond computation for so many changing councils and waves"
                + (" (an approximation, which can be far from the exact p with few councils)." if few else "."))


# --------------------------------------------------------------------------- models
_MISSING_LABELS = {"complete": "complete", "ipw": "weighted", "mice": "imputed"}


def _separation_note(ctx, codes) -> str:
    """The table note naming the impacts whose model separated, for which no estimate is shown."""
    labels = [ctx.code(c).lower() for c in ctx.codes if c in set(codes)]
    one = len(labels) == 1
    return (f"No estimate is shown for {_listed(labels)}: {_why_separated(ctx, codes, one)}, so the "
            f"model{'' if one else 's'} could not be fitted and {'its' if one else 'their'} estimates mean nothing.")


def _attrition_estimator_note(ctx, a: pd.DataFrame, open_codes: set) -> str:
    """Which fits the attrition table shows: GEE fits, and for each impact whose intervention contrast the models
    table shows by Firth's penalised likelihood, Firth's under every way of handling missed interviews
    (``estimator`` of :func:`impact.attrition_effects`). The table set the GEE's figures beside the models table's
    Firth estimate and did not say so. Said of the impacts in ``open_codes`` alone, whose odds ratios the table shows
    (not c): 'For revision of policies ... and improvement in staff morale ..., whose intervention contrast the models
    table shows by Firth's penalised likelihood, every column is Firth's fit' was said where both tables held c alone
    (seed 40417, 10 councils, one in intervention at the first wave; report truth round 40)."""
    shown = set(a.loc[a["estimator"].eq("firth"), "code"]) if "estimator" in a.columns else set()
    m = ctx.f.models
    there = (set(m.loc[m["term"].eq("in_intervention") & m["estimator"].eq("firth"), "code"])
             if m is not None and "estimator" in m.columns else set())
    codes = [c for c in ctx.codes if c in set(a["code"]) and c in open_codes]
    firth = [c for c in codes if c in shown]
    failed = [c for c in codes if c in there and c not in shown]
    gee = [c for c in codes if c not in shown and c not in there]
    methods = [w for w in pd.unique(a["missing"]) if w != "complete"]
    how = {"ipw": "the weighted column weighs Firth's fit by the same response weights (as case weights)",
           "mice": "the imputed column fits each imputed data set so and combines them by Rubin's rules (a Wald "
                   "interval, not a profile one)"}
    words = []
    if firth:
        words.append(f"For {_listed([ctx.code(c).lower() for c in firth])}, whose intervention contrast the models "
                     "table shows by Firth's penalised likelihood, every column is Firth's fit of the same rows, so "
                     "like is compared with like: the complete-case column is the models table's figure"
                     + "".join(f"; {how[w]}" for w in methods if w in how) + ".")
    if gee:
        words.append(("Each is a GEE fit" if not (firth or failed) else
                      f"For the other {ctx.one if len(gee) == 1 else ctx.many} each is a GEE fit")
                     + ", the model of the models table's intervention contrast.")
    if failed:
        words.append(f"For {_listed([ctx.code(c).lower() for c in failed])} the models table shows Firth's estimate, "
                     "but Firth's fit failed here: these columns are the GEE's, and the complete-case one differs "
                     "from the models table's figure.")
    return " ".join(words)


def _attrition_sides(ctx, a: pd.DataFrame) -> dict:
    """The councils on the smaller side of each impact's intervention contrast in the attrition fits: the models'
    count (:func:`_smaller_side`) where the models table has the impact's contrast, else counted from the participant
    panel (councils in intervention at some wave, or at none, and the fewest on a side at a wave)."""
    from ..effects import _fewest_at_a_wave

    panel = ctx.f.participant_panel
    ever = panel.groupby("council_id", observed=True)["in_intervention"].agg(
        lambda s: s.fillna(False).astype(bool).any())
    fallback = float(min(ever.sum(), (~ever).sum())) if len(ever) else np.inf
    if len(panel) and {"wave", "council_id", "in_intervention"} <= set(panel.columns):
        known = panel.dropna(subset=["in_intervention"])
        at_wave = _fewest_at_a_wave(known.assign(in_intervention=known["in_intervention"].astype(bool).astype(int)))
        fallback = min(fallback, at_wave) if np.isfinite(at_wave) else fallback
    sides = dict.fromkeys(a["code"], fallback)
    m = ctx.f.models
    if m is not None and len(m):
        status = m[m["term"] == "in_intervention"]
        sides.update(zip(status["code"], _smaller_side(status), strict=True))
    return sides


def _attrition_blocks(ctx) -> list:
    """The intervention effect with complete cases beside the response-weighted (and imputed) fits."""
    a = ctx.f.attrition
    if a is None or a.empty or a["missing"].nunique() < 2:
        return []
    order = {c: i for i, c in enumerate(ctx.codes)}
    wide = None
    separated: set[str] = set()
    for method, g in a.groupby("missing", sort=False, observed=True):
        part = g.set_index("code")[["estimate", "ci_low", "ci_high"]]
        if "separation" in g.columns:  # fitted probabilities of 0 or 1: the estimate means nothing, so none is shown
            # (unless Firth's penalised likelihood replaced it, as in the models table)
            sep = _unreadable(g).set_axis(g["code"])
            separated |= set(sep.index[sep])
            part = part.mask(sep, np.nan)
        with np.errstate(over="ignore"):  # a separated fit (estimate of hundreds) has no finite odds ratio
            part = np.exp(part).replace([np.inf], np.nan)
        part = part.rename(columns={"estimate": "odds_ratio"}).add_prefix(f"{_MISSING_LABELS.get(method, method)}_")
        wide = part if wide is None else wide.join(part, how="outer")
    wide = wide.reset_index().rename(columns={"code": "impact"})
    wide = wide.assign(_o=wide["impact"].map(order)).sort_values("_o").drop(columns="_o").reset_index(drop=True)
    # every column is the models' intervention contrast (complete cases: the models table's own figure), so where a
    # side has fewer than _fewest_councils councils it is those councils' difference from the rest, suppressed as the
    # models table suppresses it. 8 councils, 2 of them in intervention at some wave: the models table showed 'c' and
    # this table the same odds ratio, 0.54 (0.0065 to 44.9) for commitment (seed 31271, round 39).
    few = wide["impact"].map(_attrition_sides(ctx, a)).lt(_fewest_councils(ctx))
    # the fits of an impact whose model is withheld whole (:func:`_models_of_suppressed`) are of the same counts
    gone = wide["impact"].isin(ctx.models_withheld) & ~few
    if few.any() or gone.any():
        figures = [c for c in wide.columns if c != "impact"]
        wide = wide.astype({c: object for c in figures})
        wide.loc[few | gone, figures] = SUPPRESSED
        ctx.suppressed_rows("attrition_sensitivity", few, "few_councils_contrast", _FEW_SIDE_REASON)
        ctx.suppressed_rows("attrition_sensitivity", gone, "model_of_suppressed",
                            f"a model withheld whole: {_MODEL_WITHHELD_WHY}")
    small, few = few, few | gone
    gone_codes = [c for c in ctx.models_withheld if c in set(wide.loc[gone, "impact"])]
    methods = [_MISSING_LABELS.get(m, m) for m in pd.unique(a["missing"])]
    fmt: dict[str, object] = {}
    labels = {"impact": "Impact"}
    words = {"complete": "Complete cases", "weighted": "Weighted for missed interviews", "imputed": "Imputed"}
    for m in methods:
        fmt[f"{m}_odds_ratio"] = "ratio:2"
        fmt[f"{words.get(m, m)}: {ctx.level} CI"] = CI(f"{m}_ci_low", f"{m}_ci_high", ratio=True)
        labels[f"{m}_odds_ratio"] = f"{words.get(m, m)}: odds ratio"
    # The participants missing at each wave as the sample section publishes them (every listed participant, also one
    # never interviewed), summed; where one of those counts is suppressed, their sum is not stated either.
    missing = [("participants_missing", w) for w in ctx.waves]
    # A study lists its participants, not when each joined or left: a replacement who joined after the first wave is
    # counted as missing before it. The sentence says so rather than that participants "missed" those interviews.
    why = ("a participant who joined after the first wave or left before the last counts at the waves outside their "
           "time in the study")
    missed = (f"Listed participants had no interview at {sum(ctx.cell(k) for k in missing)} of their waves ({why}; the "
              "attrition table in the sample section gives them by wave)." if ctx.shown(*missing) else
              f"Listed participants had no interview at some of their waves ({why}; the attrition table in the sample "
              "section gives them by wave, where the counts can be published).")
    # what the table shows: 'The odds ratio for being in intervention is shown from complete cases (as above) and
    # weighted ...: if they agree ...' where every odds ratio was c, and a note that no estimate 'is shown' for a
    # separated impact whose row was c too (seed 3907, 8 councils, one in intervention at the last wave; round 39)
    separated -= set(wide.loc[few, "impact"])
    how = ("from complete cases and weighted by the inverse of each participant's estimated chance of being interviewed "
           "at that wave (response modelled on wave and intervention status)")
    return [
        Paragraph(f"{missed}{_response_test_said(ctx)} The odds ratio for being in intervention" + (
                  f" is shown {how.replace('complete cases', 'complete cases (as above)', 1)}: if "
                  "they agree, interviews missed for reasons that wave and status explain did not drive the estimate; "
                  "interviews missed for other reasons (a participant with less to report being harder to reach) "
                  "are not allowed for by either." if not few.all() else
                  f", {how}, is suppressed ({SUPPRESSED}) for every {ctx.one}"
                  + (", as in the models table" if not gone.any() else "") + ", so this report "
                  "cannot show whether the missed interviews drove it.")),
        Table("attrition_sensitivity", wide, "Sensitivity to missed interviews: effect of being in intervention",
              f"Odds ratios of reporting each {ctx.one}, in intervention vs not, with {ctx.level} intervals."
              + "".join(f" {said}" for said in [_attrition_estimator_note(ctx, a, set(wide.loc[~few, "impact"]))]
                        if said)
              + (f" {_separation_note(ctx, separated)}" if separated else "")
              + (f" The odds ratios are suppressed ({SUPPRESSED}) where {_FEW_SIDE}: they would be those councils' "
                 "own difference from the rest." if small.any() else "")
              + (f" They are suppressed ({SUPPRESSED}) for {_listed([ctx.code(c).lower() for c in gone_codes])}, "
                 f"whose {'model is' if len(gone_codes) == 1 else 'models are'} withheld: "
                 f"{_withheld_why(len(gone_codes))}." if gone_codes else ""),
              fmt, labels=labels),
    ]


def _models(ctx) -> Section:
    m = ctx.f.models
    # where no model has a term for intervention status (no council's status differed from another's at a wave), the
    # section does not describe models of status: it read "on wave and their council's intervention status ... the
    # odds ratio of being in intervention compares ...", a table "Models of each impact: intervention status and wave"
    # with no status row, and "p adjusted across impacts for the intervention contrast" (20 councils never in
    # intervention, report truth round 28)
    with_status = m is None or m.empty or (m["term"].astype(str) == "in_intervention").any()
    blocks = [Paragraph(f"Binomial GEE per {ctx.one} of whether each participant reported it at each wave, "
                        + ("on wave and their council's intervention status at that wave" if with_status else
                           "on wave alone (intervention status is left out of every model: the table's notes say why)")
                        + ", with councils as clusters (exchangeable working correlation), the Mancl-DeRouen "
                        "bias-reduced sandwich covariance and a t reference distribution"
                        + (" for few clusters" if _few_councils(ctx, _model_councils(ctx)) else "") + ". Estimates are "
                        "population-averaged log-odds ratios"
                        + ("; the odds ratio of being in intervention (in intervention vs not) compares participants in "
                           "councils under a notice or direction with the others at the same wave." if with_status
                           else "."))]
    if (m is None or m.empty) and ctx.models_withheld:
        # no table, so no method described, as where nothing was fitted (truth45): 'Binomial GEE ...' read above a
        # section showing no model of the 2-wave study of report truth round 45 once its models were withheld
        blocks = [Paragraph(f"No model is shown. {_withheld_models_sentence(ctx)}")]
        _record_withheld_models(ctx)
    elif m is None or m.empty:
        reason = ctx.f.not_computed.get("models", "no impact varied both in whether it was reported and in wave or "
                                                       "intervention status")
        # the method is not described where nothing was fitted: a study of one wave read the models' specification
        # and how their odds ratio compares participants, above "No model could be fitted" (truth45)
        blocks = [Paragraph(f"No model could be fitted: {reason}.")]
    else:
        order = {c: i for i, c in enumerate(ctx.codes)}
        terms = ["in_intervention", *[f"wave_{w}" for w in ctx.later], *_since_terms(ctx)]
        shown = m[m["term"].isin(terms)].copy()
        shown = shown.assign(_c=shown["code"].map(order), _t=shown["term"].map(terms.index)).sort_values(["_c", "_t"])
        shown["impact"] = shown["code"]
        shown["contrast"] = shown["term"].map(lambda t: _patsy_term(t, _since_terms(ctx)))
        cols = ["impact", "contrast", "estimate", "se", "ci_low", "ci_high", "odds_ratio", "odds_ratio_ci_low",
                "odds_ratio_ci_high", "p_value", "p_adjusted"]
        separated = _unreadable(shown)
        # a separated fit's estimates, intervals and p-values mean nothing (an odds ratio of 0.00 or of 10^295, with
        # p = 0.001): where Firth's penalised likelihood could not replace them none is shown, and its impact is left
        # out of the forest plot
        shown.loc[separated, cols[2:]] = np.nan
        # the intervention contrast of a side of one or two councils is theirs (:func:`_status_of_few`): suppressed
        few_side = _status_of_few(ctx, shown)
        from ..stats._models import FEW_UNITS

        status_rows = shown[shown["term"] == "in_intervention"]
        wave_only = set(shown["code"]) - set(status_rows["code"])
        # the notes on figures speak of the rows whose figures are shown: of an intervention contrast suppressed for a
        # side of one or two councils, 'no interval is shown for them' and 'their odds ratios and intervals are
        # unstable' described cells that hold c (seed 32307, 9 councils, one in intervention; round 32)
        open_rows = status_rows[~few_side[status_rows.index]]
        unfit = _unfit_codes(open_rows, list(shown.loc[separated, "code"])) if len(open_rows) else []
        no_estimate, no_se, no_p = _unfit_split(open_rows, unfit)
        read = ~separated & ~few_side
        few = int(shown["n_units"].max()) if "n_units" in shown.columns and len(shown) else FEW_UNITS
        # the adjustment of the intervention contrast is said where one is shown: where each is c (a status group of
        # one or two councils) or blank (separated), the note spoke of p-values no cell holds (round 40)
        notes = ("Log-odds scale; odds ratios exponentiated; p adjusted (Holm) across "
                 + ((f"{_status_family_words(ctx, note=True)} for the intervention contrast (the p the summary states), and "
                     "across " if ctx.status_family.get("status") else
                     f"{ctx.many} for the intervention contrast, and across ") if read[status_rows.index].any() else "")
                 # one wave after the review: "across impacts and later waves together for the contrasts of each
                 # later wave with the first" of the one contrast the study has (truth45)
                 + (f"{ctx.many} and later waves together for the contrasts of each later wave with the first"
                    if len(ctx.later) > 1 else
                    f"{ctx.many} for the contrast of {ctx.short_wave(ctx.later[0]).lower()} with the first wave"
                    if ctx.later else f"{ctx.many}")
                 + (f"; across {ctx.many} for the contrast of {_listed([ctx.short_wave(w).lower() for w in ctx.later[1:]])} "
                    f"with {ctx.short_wave(ctx.later[0]).lower()}, from the same model with that wave as reference"
                    if _since_terms(ctx) else "") + "."
                 + (f" {_separation_note(ctx, shown.loc[separated, 'code'])}" if separated.any() else "")
                 + (f" No estimate is shown for {_listed([ctx.code(c).lower() for c in no_estimate])}: the model "
                    "gave no finite estimates (the fit did not converge)." if no_estimate else "")
                 + (f" The model gave no finite standard error for the intervention contrast of "
                    f"{_listed([ctx.code(c).lower() for c in no_se])}, so no interval is shown for "
                    f"{'it' if len(no_se) == 1 else 'them'}."
                    if no_se else "")
                 + (f" The model gave no p-value for the intervention contrast of "
                    f"{_listed([ctx.code(c).lower() for c in no_p])}." if no_p else "")
                 + (f" Fitted on {few} councils: below {FEW_UNITS}, even bias-corrected standard errors are unreliable, "
                    "so the p-values and intervals describe only." if few < FEW_UNITS else "")
                 # said where an intervention contrast is shown: where each is c (or blank) there is nothing to read
                 # as description, and the sentence on the suppressed contrasts says why they are withheld (round 39)
                 + (" One status group has too few councils for the models to tell a difference by intervention "
                    "status from the differences between councils: the intervention contrast describes only."
                    if _few_on_one_side(status_rows) and read[status_rows.index].any() else "")
                 + (f" The intervention contrast is suppressed ({SUPPRESSED}) where {_FEW_SIDE}: it would be those "
                    "councils' own difference from the rest." if few_side.any() else "")
                 # an impact fitted on wave alone (every council in one status at every wave, or all in the same
                 # status at each) has no status row
                 + (" Intervention status is left out of the models of "
                    + _listed([ctx.code(c).lower() for c in ctx.codes if c in wave_only])
                    # in lockstep (status moving with the wave) the reason says what that costs the estimates
                    + f": {_status_left_out(m[m['code'].isin(wave_only)])}"
                    + ("." if wave_only & set(_lockstep(ctx)) else ", so only the change across the waves is estimated.")
                    if wave_only else "")
                 + "".join(f" No model is shown for {ctx.code(c).lower()}: {why}." for c, why in _not_modelled(ctx).items())
                 + (f" {_withheld_models_sentence(ctx)}" if ctx.models_withheld else "")
                 + _firth_note(ctx, shown[read])
                 # (of the contrasts shown: a suppressed one's method is in models.csv, its p-value in no cell)
                 + _randomisation_note(ctx, shown[~separated], shown[read])
                 + _few_events_note(ctx, shown[read])
                 + (_drift_note(ctx) if shown["term"].astype(str).str.startswith("wave_").any() else ""))
        # the note's reasons are those of rows whose p-value the table shows (not c, not blank); where no such row is
        # a non-finding, no p-value is moved (the columns headed 'not a finding' would hold only c)
        visible = ~few_side & shown[["p_value", "p_adjusted"]].notna().any(axis=1)
        unconfirmed, why = _model_rows_not_findings(ctx, shown, visible)
        unconfirmed &= bool((unconfirmed & visible).any())
        table = shown[cols]
        if few_side.any():
            table = table.astype({c: object for c in cols[2:]})
            table.loc[few_side, cols[2:]] = SUPPRESSED
            ctx.suppressed_rows("gee_models", few_side, "few_councils_contrast", _FEW_SIDE_REASON)
        table, p_labels, p_note = _unconfirmed_p(table, unconfirmed, why)
        _record_withheld_models(ctx)
        blocks.append(Table("gee_models", table,
                            f"Models of each {ctx.one}: {'intervention status and wave' if with_status else 'wave'}",
                            notes + p_note,
                            {"CI": CI("ci_low", "ci_high", signed=True),
                             "OR CI": CI("odds_ratio_ci_low", "odds_ratio_ci_high", ratio=True),
                             "odds_ratio": "ratio:2", "estimate": "diff:2", "se": "num:2"}, labels=p_labels))
        gee = shown[(shown["term"] == "in_intervention") & ~separated & ~few_side]
        if len(gee):
            blocks.append(_forest(
                gee.assign(label=gee["impact"].map(ctx.code), _not_finding=unconfirmed[gee.index]), "estimate", "Log-odds ratio of reporting the impact, in intervention vs not",
                "intervention_effects", "Effect of being in intervention on each reported impact",
                "Forest plot: one line per impact; the dot is the log-odds ratio of reporting the impact for participants "
                f"in councils in intervention against the others at the same wave, the line its {ctx.level} interval; the "
                "vertical line is no difference.", ctx.alpha))
    blocks += _attrition_blocks(ctx)
    blocks += _weighted_waves_blocks(ctx)
    blocks += _by_status_blocks(ctx)
    sm = ctx.f.survey_model
    if sm is not None and len(sm):
        ok = ctx.shown(("survey_councils",), ("survey_observations",))
        s = sm[sm["term"] != "intercept"].copy()
        s["contrast"] = s["term"].map(_patsy_term)
        cols = ["contrast", "estimate", "se", "ci_low", "ci_high", "p_value"]
        shown = s[cols] if ok else s[cols].assign(**{c: SUPPRESSED for c in cols[1:]})
        # the status term of a group of few councils is their own survey result, and their status is public
        few_status = (s["term"] == "in_intervention") & _few_councils_in_a_group(ctx, s)
        if few_status.any():
            shown = shown.astype(object)
            shown.loc[few_status, cols[1:]] = SUPPRESSED
            if ok:
                ctx.suppressed_rows("survey_model", few_status, "few_councils_survey", _few_survey_reason(ctx))
        notes = [str(n) for n in sm.attrs.get("notes", ())]
        nested = any(n.startswith("random intercept per respondent_id") for n in notes)
        # the council-by-wave effect (stats16): the change is judged against how far councils move apart
        by_wave = any(n.startswith("random intercept per council_id and wave") for n in notes)
        random = ("random intercepts per council" + (", per council at each wave" if by_wave and nested else
                                                     " and per council at each wave" if by_wave else "")
                  + (" and, as respondents answer at more than one wave, per respondent within council" if nested
                     else "") if by_wave or nested else "random intercept per council")
        # a model on wave alone says so, and why (its notes): the table gave a wave row and no status row, and its
        # note read as if status were in the model (6 councils, none in intervention, report truth round 27)
        alone = _survey_alone_why(sm)
        by_status = _survey_by_status(ctx, ok)
        blocks.append(Table("survey_model", shown,
                            "Model of the staff and partner survey score",
                            "Linear mixed model of each respondent's mean Likert score (1-5) per wave, " + random
                            + " (REML); estimates in scale points."
                            + (f" The model is fitted on wave alone, with no term for intervention status: "
                               f"{alone}." if alone else "")
                            + (" It assumes the score changed alike in councils in and not in intervention; the next "
                               "table gives the change in each." if by_status is not None else "")
                            + (f" The difference by intervention status is shown where at least {ctx.min_count} "
                               "councils in each status answered the survey." if few_status.any() else ""),
                            {"CI": CI("ci_low", "ci_high", signed=True), "estimate": "diff:2", "se": "num:2"}))
        if by_status is not None:
            blocks.append(by_status)
    return Section("Longitudinal models", blocks)


def _survey_by_status(ctx, ok: bool) -> Table | None:
    """The change in the survey score in councils in and not in intervention, and its difference (the survey model
    with the wave interacting with status): where the score rose in one group only, the model of both gave a rise
    shared by all and a status difference that held at no wave (planted: no change out of intervention, +1.2 in it;
    the table gave +0.36 for the wave and +0.55 for status, audit12)."""
    sb = ctx.f.survey_by_status
    if sb is None or not len(sb):
        return None
    first = ctx.short_wave(ctx.waves[0]).lower()
    what = {"change_not_in_intervention": "Change to {w}, not in intervention",
            "change_in_intervention": "Change to {w}, in intervention",
            "change_difference": "Change to {w}, in minus not in intervention",
            "status_at_first": "At {w}, in minus not in intervention"}
    few = _survey_few(ctx, sb)
    # a difference row shown beside both changes it is the difference of, rounded apart from them, reads as a slip
    # where the figures shown do not subtract to it (+0.24, +0.14 and 0.09, seed 30619): the note says why
    rounded_apart = False
    if ok:
        for _, at in sb.assign(_few=few).groupby("wave", sort=False, observed=True):
            terms = at[~at["_few"]].set_index("term")["estimate"]
            if {"change_not_in_intervention", "change_in_intervention", "change_difference"} <= set(terms.index):
                rounded_apart |= _rounding_shows(terms["change_in_intervention"], terms["change_not_in_intervention"],
                                                 terms["change_difference"])
    if ok:
        ctx.suppressed_rows("survey_by_status", few, "few_councils_survey", _few_survey_reason(ctx))
    # the summary states a difference by its p adjusted across the later waves (_survey_adjusted): the table gives
    # that p beside each wave's own, where there is one (it printed only the unadjusted, truth67)
    adjusted = _survey_adjusted(ctx, sb)
    rows = [{"comparison": what[r["term"]].format(w=ctx.short_wave(r["wave"]).lower()),
             **{c: r[c] if ok and not small else SUPPRESSED for c in ("estimate", "se", "ci_low", "ci_high", "p_value")},
             **({"p_adjusted": SUPPRESSED if not ok or small else adjusted.get(r["wave"], np.nan)
                 if r["term"] == "change_difference" else np.nan} if adjusted else {})}
            for r, small in zip(sb.to_dict("records"), few, strict=True)]
    return Table("survey_by_status", pd.DataFrame(rows),
                 "Change in the staff and partner survey score, by intervention status",
                 "The model of the table above with the wave interacting with each council's intervention status at "
                 f"the wave (scale points): the change in the mean score from {first} in councils in each status, "
                 "its difference, and the difference between the groups at the first wave. A council that moved into "
                 "or out of intervention counts in the group it was in at each wave."
                 # "at both waves" of a study of three: the first and the row's (truth45)
                 + (f" Shown where at least {ctx.min_count} councils of each group it rests on answered the survey at "
                    + ("both waves." if len(ctx.waves) == 2 else "the first wave and at the row's wave.")
                    if any(few) else "")
                 + (" Figures are rounded to two decimals; each difference is worked from the unrounded changes, so "
                    "it can differ by 0.01 from the difference of the changes shown." if rounded_apart else "")
                 + (" The p-value is each row's own; the difference in the change is also given with its p "
                    "adjusted (Holm) across "
                    + (_status_family_words(ctx, note=True) if ctx.status_family.get("survey") else
                       f"the {_say(len(adjusted))} later waves at which it is tested")
                    + ", the p the summary states it by (a difference is stated there only where that p is below "
                    f"{ctx.alpha:g}); its interval is each wave's own, unadjusted." if adjusted else ""),
                 {"CI": CI("ci_low", "ci_high", signed=True), "estimate": "diff:2", "se": "num:2"},
                 labels={"comparison": Label("Comparison"),
                         **({"p_adjusted": Label(STATUS_JOINT_HEADING, description=(
                             "The difference in the change's p-value, Holm-adjusted with every test of a difference "
                             "by intervention status the summary can state (the models' status terms, the change by "
                             "status, the survey by status), as the summary states it."), format="p")}
                            if adjusted and ctx.status_family.get("survey") else
                            {"p_adjusted": Label("p (Holm, across waves)", description=(
                             "The difference in the change's p-value, Holm-adjusted across the later waves of the "
                             "survey at which it is tested, as the summary states it."), format="p")}
                            if adjusted else {})})


def _few_survey_reason(ctx) -> str:
    """The suppression ledger's reason for a survey figure of a status group of fewer than ``min_count`` councils."""
    return (f"a figure of a status group of fewer than {ctx.min_count} councils answering the survey (--min-count): "
            "their own survey result")


def _survey_few(ctx, sb: pd.DataFrame) -> list[bool]:
    """Per row of the survey by status, whether a status group it rests on has fewer than ``min_count`` councils
    answering at the first wave and the row's wave: that group's change is a few councils' own survey result, and
    their status is public (5 councils: the change 'in councils in intervention' was one council's)."""
    small_in, small_out = _few_councils_in_a_group(ctx, sb, each=True)
    rests_in = sb["term"] != "change_not_in_intervention"
    rests_out = sb["term"] != "change_in_intervention"
    return ((small_in & rests_in) | (small_out & rests_out)).tolist()


def _few_councils_in_a_group(ctx, rows: pd.DataFrame, *, each: bool = False):
    """Per row of a survey table, whether the councils in intervention (``n_units_intervention``) or those not in it
    are fewer than ``min_count`` (with ``each``, the two as a pair); none where the table does not count them."""
    if "n_units_intervention" not in rows.columns:
        none = pd.Series(False, index=rows.index)
        return (none, none) if each else none
    small_in = rows["n_units_intervention"] < ctx.min_count
    small_out = rows["n_units_no_intervention"] < ctx.min_count
    return (small_in, small_out) if each else small_in | small_out


def _forest(data: pd.DataFrame, estimate: str, xlabel: str, name: str, caption: str, alt: str,
            alpha: float = 0.05, null: float = 0.0, group: str | None = None) -> Figure:
    """A forest plot of ``estimate`` with its ``ci_low``/``ci_high``, one line per ``label``.

    Each line's interval is its own, not adjusted for the other lines, while a difference is a finding only where its
    adjusted p-value (``p_adjusted``) is below ``alpha``: where ``data`` has ``p_adjusted`` the caption and alternative
    text say so and count the lines whose interval lies wholly on one side of ``null`` and, of those, the ones still
    below ``alpha`` after the adjustment (a reader would otherwise take every such line for a finding: audit8 saw a line
    clear of no difference whose Holm p was 0.17).
    """
    lines = len(data) + (data[group].nunique() if group else 0)  # a group's heading takes a line of its own
    drawn = data.copy()

    def draw() -> _MplFigure:  # when the figure is first read (Figure.fig), from a copy of the lines given now
        fig, ax = _subplots(figsize=(8, 0.32 * lines + 1.5))
        forest_plot(drawn, label="label", estimate=estimate, ci_low="ci_low", ci_high="ci_high", group=group, ax=ax)
        # wrapped to the plot's width: on one line, "Hodges-Lehmann difference ... (In intervention minus Not in
        # intervention)" made the figure 9.8 inches wide, printed at 68% (text at 6 pt)
        ax.set_xlabel(_wrap(xlabel, 70))
        fig.tight_layout()
        return fig

    note = _unadjusted_note(data, alpha, null) if "p_adjusted" in data.columns else ""
    caption = caption if not note or caption.endswith(".") else caption + "."
    return Figure(name, draw, caption + note, alt + note)


def _unadjusted_note(data: pd.DataFrame, alpha: float, null: float) -> str:
    """The sentence a forest plot's caption adds: its intervals are unadjusted, and how many lines clear ``null``
    with and without the adjustment of the table's ``p_adjusted``.

    Each count is said as the set it counts (none, it, both, all of these), so a set of none or one reads as such.

    Examples
    --------
    >>> d = pd.DataFrame({"ci_low": [0.2, -1.0], "ci_high": [1.0, 1.0], "p_adjusted": [0.2, 0.9]})
    >>> _unadjusted_note(d, 0.05, 0.0)
    ' The intervals are not adjusted for multiple comparisons: one of the 2 lies wholly on one side of no difference, and it does not have an adjusted p-value below 0.05 in the table.'
    >>> _unadjusted_note(d.iloc[:1], 0.05, 0.0)
    ' The interval is not adjusted for multiple comparisons: it lies wholly on one side of no difference, and it does not have an adjusted p-value below 0.05 in the table.'

    The lines drawn without an interval (an estimate whose interval is not finite, an open circle) are not counted
    among the intervals, and are said apart: 5 councils, two of four lines without one, said "none of the 4 lies
    wholly on one side of no difference" of the 2 intervals drawn (truth81).

    >>> _unadjusted_note(pd.DataFrame({"ci_low": [0.2, -np.inf, np.nan], "ci_high": [1.0, np.inf, np.nan],
    ...                                "p_adjusted": [0.01, np.nan, np.nan]}), 0.05, 0.0)
    ' The interval is not adjusted for multiple comparisons: it lies wholly on one side of no difference, and it has an adjusted p-value below 0.05 in the table. The other 2 lines have no interval.'
    """
    low, high = data["ci_low"].astype(float), data["ci_high"].astype(float)
    drawn = np.isfinite(low) & np.isfinite(high)
    bare = int((~drawn).sum())
    rest = ("" if not bare else " No line has an interval." if bare == len(data)
            else f" The other {'line has' if bare == 1 else f'{bare} lines have'} no interval.")
    if bare == len(data):
        return rest
    data, low, high = data[drawn], low[drawn], high[drawn]
    clear = (low > null) | (high < null)
    not_finding = (data["_not_finding"].astype(bool) if "_not_finding" in data.columns
                   else pd.Series(False, index=data.index))
    p_adj = pd.to_numeric(data["p_adjusted"], errors="coerce")
    kept = int((clear & ~not_finding & (p_adj < alpha)).sum())
    n, k, held_back = len(data), int(clear.sum()), int((clear & not_finding).sum())
    lead = (" The interval is not adjusted for multiple comparisons" if n == 1
            else " The intervals are not adjusted for multiple comparisons")
    if not k:
        return (lead + ("; it does not lie" if n == 1 else f"; none of the {n} lies") + " wholly on one side of no "
                "difference." + rest)
    has = "does not have" if k == 1 and not kept else "have" if kept > 1 else "has"
    said = (f"{lead}: {_of_these(k, n, first=True)} {'lies' if k == 1 else 'lie'} wholly on one side of no difference, "
            f"and {_of_these(kept, k)} {has} an adjusted p-value below {alpha:g} in the table")
    if held_back:
        who = "these" if held_back == k > 1 else _of_these(held_back, k)
        said += f" ({who} {'is' if held_back == 1 else 'are'} no finding, as the table's notes say)"
    return said + "." + rest


def _of_these(k: int, n: int, *, first: bool = False) -> str:
    """``k`` of a set of ``n`` as a subject: 'it' (the only one), 'none of these', 'both', 'all of these', '2 of these
    3', or with ``first`` (the set named for the first time) 'one of the 6', 'all 4', '3 of the 6'.

    Examples
    --------
    >>> [_of_these(k, n) for k, n in ((0, 1), (1, 1), (0, 3), (2, 2), (3, 3), (1, 3), (2, 3))]
    ['it', 'it', 'none of these', 'both', 'all of these', 'one of these 3', '2 of these 3']
    >>> [_of_these(k, n, first=True) for k, n in ((1, 1), (1, 6), (2, 2), (4, 4), (3, 6))]
    ['it', 'one of the 6', 'both', 'all 4', '3 of the 6']
    """
    if n == 1:
        return "it"
    if k == 0:
        return f"none of the {n}" if first else "none of these"
    if k == n:
        return "both" if n == 2 else f"all {n}" if first else "all of these"
    return f"{'one' if k == 1 else k} of {'the' if first else 'these'} {n}"


def _patsy_term(term: str, since: dict[str, str] | None = None) -> str:
    """A model term as patsy writes it (``wave_early`` -> ``C(wave)[T.early]``; a contrast of ``since``,
    ``longer_term_vs_early`` -> ``C(wave, Treatment('early'))[T.longer_term]``), which the vocabulary puts in words."""
    if since and term in since:
        ref = term[len(since[term]) + len("_vs_"):]
        return f"C(wave, Treatment('{ref}'))[T.{since[term]}]"
    if term.startswith("wave_"):
        return f"C(wave)[T.{term[5:]}]"
    return term


# --------------------------------------------------------------------------- actions and indicators
def _action_summary(ctx) -> pd.DataFrame:
    a = ctx.f.actions
    s = (a.groupby("wave", observed=True).agg(n_councils=("council_id", "nunique"), n_actions=("n_actions", "sum"),
                               n_completed=("n_completed", "sum"))
         .reindex([w for w in ctx.waves if w in set(a["wave"])]).reset_index())
    return s


def _actions_and_indicators(ctx) -> Section | None:
    blocks = []
    a = ctx.f.actions
    if a is not None and not a.empty:
        s = _action_summary(ctx)
        rows = [{"wave": r["wave"], "n_councils": ctx.cell(("action_councils", r["wave"])),
                 "n_actions": ctx.cell(("actions", r["wave"])), "n_completed": ctx.cell(("actions_done", r["wave"])),
                 "share_completed": ctx.value_if(r["n_completed"] / r["n_actions"] if r["n_actions"] else np.nan,
                                                 ("actions", r["wave"]), ("actions_done", r["wave"]))}
                for r in s.to_dict("records")]
        blocks += [Paragraph("Progress of the actions councils drew from the review's recommendations (completed or "
                             "embedded)."),
                   Table("action_completion", pd.DataFrame(rows), "Action-plan completion by wave", "",
                         {"share_completed": "pct:0"})]
    t = ctx.f.indicator_trends
    if t is not None and not t.empty:
        rows = []
        for r in t.to_dict("records"):
            key = ("ind_councils", r["measure"], str(r["period"]), r["status_group"])
            ok = ctx.shown(key)
            # the group is the council's status at any wave, not in the period: a council first in intervention at
            # the study's last wave is in its group in 2009 too (a study of councils moving into intervention showed
            # 27 of 30 'In intervention' in 2009, where 14 were)
            rows.append({"measure": r["measure"], "period": r["period"], "status": _EVER_STATUS[r["status_group"]],
                         "group": r["status_group"], "n_councils": ctx.cell(key),
                         "mean": r["mean"] if ok else SUPPRESSED, "median": r["median"] if ok else SUPPRESSED,
                         "n_flagged": ctx.cell(("ind_flagged", r["measure"], str(r["period"]), r["status_group"]))})
        table = pd.DataFrame(rows)
        blocks += [Table("indicator_trends", table.drop(columns=["group"]), "Outcome indicators over time, by intervention status at any wave",
                         "Mean and median across councils; councils grouped by whether they were in intervention at any "
                         "wave. n_flagged: source values the publisher suppressed or did not have (DfE c, x, low...), "
                         "left out of the mean." + _unknown_status_note(t), {"period": "date"},
                         labels={"status": _EVER_HEADING},
                         # a long table behind the figure below: in full in the workbook and CSV
                         detail=len(table) > _DETAIL_ROWS)]
        data = table[table["mean"] != SUPPRESSED].assign(mean=lambda d: d["mean"].astype(float))
        # a period with no council's value has no mean: a panel of such periods alone drew empty axes (5 councils)
        data = data[np.isfinite(data["mean"].to_numpy())]
        # a group's line of one period says nothing of change: a figure of one point, re-referrals in councils never
        # in intervention in 2009, every other year's mean c (seed 3907, 8 councils, report truth round 40). Such
        # lines are left out, an indicator with no other line too, and the caption or the sentence in the figure's
        # place says so
        drawn = data.groupby(["measure", "status"], observed=True)["period"].transform("size").ge(2)
        lone, data = data[~drawn], data[drawn]
        counts = data.groupby("measure", observed=True).size().sort_values(ascending=False)
        shown = sorted(counts.index[:_MAX_INDICATOR_PANELS])
        if shown:
            from .figures import indicator_small_multiples

            reviews = ctx.study.reviews
            dates = pd.to_datetime(reviews["end_date"], errors="coerce").dropna() if len(reviews) else None
            # drawn when first read (Figure.fig)
            fig = functools.partial(
                indicator_small_multiples,
                data[data["measure"].isin(shown)].copy(), measure="measure", x="period", y="mean", hue="status",
                review_dates=dates, order=shown, hue_order=list(_EVER_STATUS.values()),
                vocabulary=ctx.vocabulary.updated(columns={"status": Label(_EVER_HEADING)}))
            left = len(counts) - len(shown)
            blocks.append(Figure(
                "indicator_trends", fig, "Outcome indicators: mean by intervention status at any wave",
                f"Small line charts, one per indicator ({len(shown)}), of the mean per period for councils in and not in "
                "intervention at any wave, with the reviews' dates marked; periods whose council counts are suppressed "
                "are left out" + (", and so is a group's line with a mean at one period only (one point shows no "
                                  "change; its mean is in the table)" if len(lone) else "") + "."
                + (f" {_counted(left, 'further indicator')} {_verb(left, 'is')} in the table and its CSV only." if left
                   else "")))
        elif len(lone):
            blocks.append(_no_figure("the outcome indicators", "no group of councils has a mean at two periods or "
                                     f"more (the others are suppressed, {SUPPRESSED}, or no council in the group had a "
                                     "value there), and a single point shows no change; the means are in the table"))
        else:
            blocks.append(_no_figure("the outcome indicators", f"no period has a mean to draw (each is suppressed, "
                                     f"{SUPPRESSED}, or no council in the group had a value)"))
    blocks += _indicator_did(ctx)
    if not blocks:
        return None
    return Section("Action plans and outcome indicators", blocks)


def _unknown_status_note(trends: pd.DataFrame) -> str:
    """The councils :func:`impact.indicator_trends` left out of both groups, in words ('' when none)."""
    n = int(trends.attrs.get("n_councils_unknown_status", 0) or 0)
    if not n:
        return ""
    return (f" {_say(n).capitalize()} {'council' if n == 1 else 'councils'} with indicators but a status not known at "
            f"every wave (no interview and no review date to place the wave), and never known to be in intervention, "
            f"{'is' if n == 1 else 'are'} in neither group.")


def _indicator_councils_note(e: pd.DataFrame) -> str:
    """Which councils entering intervention outside the indicators' periods the comparison used, and how: one that
    entered after the last period is among the councils never in intervention (it was not in any period observed),
    one in intervention from the first period is left out (no period before it). Counts are the largest over the
    indicators, and stated only as "some" (a count of councils may be small enough to identify them)."""
    parts = []
    if "n_control_entering_later" in e.columns and (e["n_control_entering_later"].fillna(0) > 0).any():
        parts.append(" The councils never in intervention include some that entered it after an indicator's last "
                     "period: they were not in intervention in any period compared.")
    if "n_treated_before_first" in e.columns and (e["n_treated_before_first"].fillna(0) > 0).any():
        parts.append(" Councils already in intervention in an indicator's first period are left out of it: no "
                     "period before their entry can be compared.")
    return "".join(parts)


def _did_rows(ctx, e: pd.DataFrame, why, *, sides: tuple[str, ...] = ("n_treated", "n_control"),
              audited: bool = False) -> tuple[list[dict], dict[str, str]]:
    """The rows of a difference-in-differences table of the indicators, as published, and why each indicator left
    blank has no estimate (``why(ctx, row)``); an estimate is shown where each count of councils in ``sides`` is at
    least ``min_count``, and the randomisation p is adjusted across the indicators shown (Holm). With ``audited``
    (the DiD around entry into intervention), a count of councils the ledger hides (:func:`_declare_did_sides`) is
    suppressed too."""
    rows, unestimated = [], {}
    for r in e.to_dict("records"):
        # the councils behind an estimate are counts: with fewer than min_count on either side, nothing is shown. An
        # indicator with no estimate at all is left blank, with why, not marked 'c' as if a figure were withheld; and
        # no council is a count that protects no one (a study with every council in intervention at some wave showed
        # 'c' councils never in intervention, where there were none, and 'c' for estimates never made).
        ok = all(r[k] >= ctx.min_count for k in sides) and not r["note"]
        hide = np.nan if r["note"] else SUPPRESSED
        if r["note"]:
            unestimated[r["measure"]] = why(ctx, r)
        rows.append({"measure": r["measure"],
                     **{k: (r[k] if ok else hide) for k in ("estimate", "ci_low", "ci_high", "p_value", "ri_p_value")},
                     **{k: r[k] if (r[k] >= ctx.min_count or r[k] == 0)
                        and not (audited and r[k] and ctx.ledger.hidden(("did_councils", r["measure"], k)))
                        else SUPPRESSED for k in ("n_treated", "n_control")}})
    # several indicators are tested at once: the randomisation p is adjusted across those shown (Holm), as the
    # comparisons and models are across impacts (a study with no planted change in child protection plans gave it
    # p = 0.018 among five indicators, adjusted 0.26)
    from ..stats import adjust_pvalues

    shown = [i for i, r in enumerate(rows) if r["ri_p_value"] != SUPPRESSED and pd.notna(r["ri_p_value"])]
    adjusted = adjust_pvalues(np.array([float(rows[i]["ri_p_value"]) for i in shown]), "holm") if shown else []
    for row in rows:
        row["ri_p_adjusted"] = SUPPRESSED if row["ri_p_value"] == SUPPRESSED else np.nan
    for i, value in zip(shown, adjusted, strict=True):
        rows[i]["ri_p_adjusted"] = float(value)
    return rows, unestimated


def _did_interval(ctx) -> str:
    """How the interval and p-value of an indicator's difference-in-differences are computed, for its table's note.

    The overall effect's interval is the estimate plus or minus the t quantile times the standard error of its
    influence function summed within councils (:meth:`impact.stats.StaggeredDiDResults.aggregate`, ``"simple"`` after a
    notice, ``"group"`` after the review),
    on Welch-Satterthwaite degrees of freedom (statistics round 14: the normal quantile covered 93.3% with one
    council treated alone against 19); its p-value is the t one from the same standard error. No bootstrap enters it (the multiplier bootstrap
    gives only the simultaneous bands of the event-study and calendar aggregations, which the report does not
    show), and the notes said "interval from the multiplier bootstrap clustered by council" (cross-check round 11).
    """
    return (f"{ctx.level} interval and p-value from the standard error of the estimate's influence function, "
            "clustered by council (t reference, Welch-Satterthwaite degrees of freedom)")


def _reassignments(*frames: pd.DataFrame | None) -> str:
    """'999 random reassignments' (or '199 or 999 random reassignments'): the reassignments the randomisation p-values
    of ``frames`` (indicator effects, with ``ri_n``) were computed from, as a table's note or the methods line states
    them; '' where none has a randomisation p. The analysis uses at most 999
    (``impact._limits.INDICATOR_REASSIGNMENTS_MAX``) whatever --resamples says, and the methods line quoted
    --resamples alone (2,000 by default) for every test (statistics round 13). Every one was drawn at random: findings
    holding a p computed over every distinct reassignment are refused (:func:`_refuse_enumerated`), as their number,
    the multinomial coefficient of the groups reassigned, gave back sizes the tables suppress (disclosure rounds 43,
    44 and 46)."""
    rows = [f.loc[f["ri_p_value"].notna(), "ri_n"] for f in frames if f is not None and "ri_n" in f.columns]
    used = sorted(set(pd.concat(rows).astype(int))) if rows else []
    return f"{_listed([f'{n:,}' for n in used], 'or')} random reassignments" if used else ""


def _reassignments_said(*frames: pd.DataFrame | None) -> str:
    """' (999 random reassignments)' for a table's note; '' where :func:`_reassignments` has nothing to say."""
    said = _reassignments(*frames)
    return f" ({said})" if said else ""


def _did_shows(rows: list[dict], column: str) -> bool:
    """Whether a difference-in-differences table of ``rows`` (:func:`_did_rows`) shows a figure in ``column``: one that
    is neither suppressed (c) nor blank."""
    return any(not isinstance(r[column], str) and pd.notna(r[column]) for r in rows)


def _did_method(ctx, e: pd.DataFrame, rows: list[dict], permuted: str, across: str, also: str = "") -> str:
    """'; <interval and p-value>; randomisation p from permuting <permuted> (999 random reassignments), adjusted across
    <across> (Holm<also>)' for the note of a table of ``rows``, each clause only where the table shows a figure it
    describes: where every estimate of the table after a notice was c (fewer councils than min_count on a side), its
    note still gave how the intervals were computed and the reassignments drawn for p-values no cell held (seed 3907,
    8 councils, report truth round 40). '' where the table shows neither."""
    said = f"; {_did_interval(ctx)}" if _did_shows(rows, "estimate") else ""
    if _did_shows(rows, "ri_p_value"):
        said += (f"; randomisation p from permuting {permuted}{_reassignments_said(e)}, adjusted across {across} "
                 f"(Holm{also})")
    return said


def _few_councils(ctx, n: int | None = None) -> bool:
    """Whether the study's councils (or ``n``, the councils a figure rests on) are few: fewer than
    :data:`impact.stats._models.FEW_UNITS`, the models' own threshold (below it even bias-corrected standard errors
    are unreliable).  Every sentence of the report calling the councils few, or advising what to read because they
    are, asks this: 'With few councils, read the randomisation p-value' was said of 150 councils (render42)."""
    from ..stats._models import FEW_UNITS

    return (len(ctx.study.councils) if n is None else int(n)) < FEW_UNITS


def _model_councils(ctx) -> int:
    """The councils the models of each impact are fitted on (the most of any model), or the study's where no model
    says (for :func:`_few_councils`)."""
    m = ctx.f.models
    if m is not None and len(m) and "n_units" in m.columns and m["n_units"].notna().any():
        return int(m["n_units"].max())
    return len(ctx.study.councils)


def _read_randomisation(ctx, rows: list[dict], how: str = "") -> str:
    """'With few councils, read the randomisation p-value<how>, adjusted for testing several indicators. ' where the
    table of ``rows`` shows one and the councils are few (:func:`_few_councils`); with more, 'Read the randomisation
    p-value<how>, adjusted for testing several indicators, as the summary does. '; '' where each is c or blank (the
    section sent readers to p-values no cell held)."""
    if not _did_shows(rows, "ri_p_value"):
        return ""
    if _few_councils(ctx):
        return f"With few councils, read the randomisation p-value{how}, adjusted for testing several indicators. "
    return f"Read the randomisation p-value{how}, adjusted for testing several indicators, as the summary does. "


def _lone_cohort_note(ctx, e: pd.DataFrame, shown: list[dict] | pd.DataFrame) -> str:
    """' For re-referrals ..., at some period after the start one council of a cohort was observed alone: ...' for the
    indicators shown (rows of ``shown`` with an estimate) whose average rests on such a period (``n_lone_cohorts`` of
    ``e``): the influence function of a mean of one council is 0, so that council's own variation is borrowed from the
    comparison councils (:func:`impact.stats._staggered._lone_variance`; it was missing, and the interval too narrow:
    the example's last cohort entering intervention was one council). Not a count: the number of councils is not
    given."""
    if "n_lone_cohorts" not in e.columns:
        return ""
    rows = shown.to_dict("records") if isinstance(shown, pd.DataFrame) else shown
    estimated = {r["measure"] for r in rows
                 if isinstance(r["estimate"], int | float) and np.isfinite(r["estimate"])}
    lone = e.loc[e["measure"].isin(estimated) & (e["n_lone_cohorts"].fillna(0) > 0), "measure"]
    if lone.empty:
        return ""
    words = ctx.vocabulary
    labels = [words.column(m).header.lower() for m in dict.fromkeys(lone)]
    which = "every indicator shown" if set(lone) == estimated and len(estimated) > 1 else _listed(labels)
    return (f" For {which}, at some period after the start one council was the only one of its cohort "
            "observed: its own variation in the standard error is borrowed from the comparison councils (as if its "
            "changes varied as theirs do); the randomisation p does not rest on the standard error.")


_DID_COLUMNS = ["measure", "estimate", "ci_low", "ci_high", "p_value", "ri_p_value", "ri_p_adjusted", "n_treated",
                "n_control"]
_DID_FORMATS = {"estimate": "diff:2", "CI": CI("ci_low", "ci_high", digits=2, signed=True), "p_value": "p", "ri_p_value": "p",
                "ri_p_adjusted": "p"}


def _indicator_did(ctx) -> list:
    """Staggered difference-in-differences of each indicator around councils' first intervention, then around their
    review."""
    e = ctx.f.indicator_effects
    if e is None or e.empty:
        return _review_did(ctx)
    rows, unestimated = _did_rows(ctx, e, _why_no_did, audited=True)
    reviewed_after = _reviewed_after_entry(ctx)
    found = _did_finding(ctx, rows, after="after a council's first notice or direction",
                         against="the councils never in intervention")
    return [
        Paragraph("Did the indicators change when councils went into intervention? Councils enter intervention in "
                  "different years, so each cohort is compared, period by period, with councils never in intervention "
                  "(staggered difference-in-differences, Callaway and Sant'Anna 2021). Each cohort's change is "
                  "averaged over the periods after its entry, and the cohorts by their numbers of councils, so that "
                  "every council compared weighs the same, as after the review. " + _read_randomisation(ctx, rows)
                  + (f"It compares councils in and not in intervention, and {reviewed_after} councils in intervention "
                     "were reviewed after their notice: a change that followed the review falls in their periods after "
                     "entry too, so this does not tell a change after the notice from one after the review (the next "
                     "table estimates the change after the review)." if reviewed_after else
                     "This compares councils in and not in intervention; it is not an estimate of the review's "
                     "effect.") + (" " + found if found else "")),
        Table("indicator_did", pd.DataFrame(rows, columns=_DID_COLUMNS),
              "Change in each indicator after a council's first notice or direction",
              "Average effect in the indicator's units, councils entering intervention against councils never in "
              f"it{_did_method(ctx, e, rows, 'entry dates', 'the indicators')}. Shown where at least "
              f"{ctx.min_count} councils are on each side. Councils compared after entering intervention: those "
              "entering it within the indicator's periods with a figure in a period after their entry and in the "
              "period before it, the councils the change is read from." + _indicator_councils_note(e)
              + _lone_cohort_note(ctx, e, rows) + _unestimated_note(ctx, unestimated, len(rows)),
              _DID_FORMATS,
              labels={"n_treated": "Councils compared after entering intervention",
                      "n_control": "Councils never in intervention",
                      "ri_p_value": "Randomisation p", "ri_p_adjusted": "Randomisation p, adjusted",
                      "estimate": "Average effect"}),
        *_review_did(ctx),
    ]


def _reviewed_after_entry(ctx) -> str:
    """'most' where most councils that were ever in intervention were reviewed on or after their first day in it,
    'some' where at least one was, '' where none was (a count of councils is not given: it may be small enough to
    identify them). Any one reviewed after its notice puts a change after its review in its periods after entry:
    a study with 7 of 15 such councils, the change planted after the review in councils in intervention, gave
    re-referrals -1.93 after the notice (adjusted randomisation p 0.010) and the report said the comparison 'is not an
    estimate of the review's effect' (seed 9107, audit14)."""
    from ..indicators import intervention_onsets, review_dates

    onsets, reviewed = intervention_onsets(ctx.study), review_dates(ctx.study)
    entered = onsets.dropna().index
    after = [c for c in entered if pd.notna(reviewed.get(c)) and reviewed[c] >= onsets[c]]
    return "most" if len(after) > len(entered) / 2 else "some" if after else ""


def _review_did(ctx) -> list:
    """Staggered difference-in-differences of each indicator around each council's review (councils not yet reviewed
    as the comparison): the change after the review, which the report gave nowhere (planted: re-referrals down 3
    points after every review, audit12)."""
    effects = ctx.f.review_indicator_effects
    if effects is None or effects.empty:
        return []
    e = _review_groups(effects)[0]
    # the comparison is the councils not yet reviewed, whichever cohort they are in: the councils reviewed are both
    rows, unestimated, status, across, family = _review_family(ctx, effects)
    by_status = _review_did_by_status(ctx, status, across=across, family=family if across else None)
    # where a status group's change is found, the sentence of none is of all the councils, as in the summary: 'No
    # outcome indicator changed ...' then 're-referrals ... changed by -3.18 ... in the 12 councils in intervention'
    # read as a contradiction (seed 31003)
    found = _with_floor(ctx, _did_finding(ctx, rows, after="after the review", against="the councils not yet reviewed",
                                          none=_no_indicator(by_status), across=across), family)
    return [
        Paragraph("Did the indicators change after the review? Councils were reviewed in different years, so each "
                  "cohort (the councils whose review ended within the same indicator period, a review ending on its "
                  "last day counted in the next) is compared, period by "
                  "period, with the councils not yet reviewed (staggered difference-in-differences with "
                  "not-yet-reviewed councils as the comparison, Callaway and Sant'Anna 2021). Each cohort's change is "
                  "averaged over the periods after its review, and the cohorts by their numbers of councils, so that "
                  "every council compared weighs the same. Periods with fewer than two councils not yet reviewed "
                  "do not enter." + _too_late_words(ctx, e) + " "
                  + _read_randomisation(ctx, rows, " (review dates permuted among the councils)")
                  + "The review is not assigned "
                  "at random: a council that asked for one as things began to change would show a change here too."
                  + (" " + found if found else "") + by_status),
        Table("indicator_review_did", pd.DataFrame(rows, columns=_DID_COLUMNS),
              "Change in each indicator after the review",
              "Average effect in the indicator's units, councils after their review against councils not yet "
              "reviewed" + _did_method(ctx, e, rows, "review dates", across or "the indicators",
                                       ", as in the next table and the summary" if across else "")
              + ". Shown where at least "
              f"{ctx.min_count} councils were compared after their review. Councils compared after review: those "
              "with a figure in a period after their review that enters the estimate and in the period before their "
              "review, the councils the change is read from. Councils compared (not yet "
              "reviewed): those not yet reviewed at a period of the estimate, each counted once."
              + (" Councils reviewed before an indicator's first period are left out of it: no period before their "
                 "review can be compared." if (e["n_treated_before_first"].fillna(0) > 0).any() else "")
              + _lone_cohort_note(ctx, e, rows) + _unestimated_note(ctx, unestimated, len(rows)),
              _DID_FORMATS,
              labels={"n_treated": "Councils compared after review", "n_control": "Councils compared (not yet reviewed)",
                      "ri_p_value": "Randomisation p", "ri_p_adjusted": "Randomisation p, adjusted",
                      "estimate": "Average effect"}),
        *_review_did_status_table(ctx, status, across=across),
    ]


def _too_late_words(ctx, e: pd.DataFrame) -> str:
    """' 6 councils were reviewed when fewer than two councils with figures were left not yet reviewed: ...' where
    councils reviewed within an indicator's periods entered no comparison (``n_treated_too_late`` of the rows over
    all councils, ``e``, the most of any indicator estimated); 'Some councils' where they are fewer than
    ``min_count`` (a count that small may identify them). '' where none was, or for findings without the column.
    The table counted them among the councils reviewed, beside an estimate they were not in (6 of 30 in the example,
    truth82)."""
    if "n_treated_too_late" not in e.columns:
        return ""
    late = pd.to_numeric(e["n_treated_too_late"], errors="coerce").max()
    if not late or pd.isna(late):
        return ""
    late = int(late)
    who = (f"{_counted(late, 'council').capitalize()} {_verb(late, 'was', 'were')}" if late >= ctx.min_count
           else "Some councils were")
    return (f" {who} reviewed when fewer than two councils with figures were left not yet reviewed (the last "
            "reviewed): with nothing to compare them with, they are not in the estimate nor among the councils "
            "compared after review.")


def _review_groups(effects: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The review indicator effects over all councils, and those in each status group."""
    groups = effects["group"] if "group" in effects.columns else pd.Series("all", index=effects.index)
    return effects[groups == "all"], effects[groups != "all"]


def _review_family(ctx, effects: pd.DataFrame) -> tuple[list[dict], dict[str, str], pd.DataFrame, str | None,
                                                          pd.DataFrame | None]:
    """``(rows, unestimated, status, across, family)``: the tests of the change in the indicators after the review,
    with one adjusted p each wherever the report gives it.

    ``rows`` and ``unestimated`` are :func:`_did_rows` of the tests over all councils, ``status`` the tests in each
    status group the report reads (:func:`_status_tests`) with their adjusted p in ``adjusted``. Where the report
    reads both, they are one family (Holm across all of them; ``across`` names it and ``family`` holds its rows of
    the effects), in the summary, the section's sentences and both tables alike: the summary adjusted across every
    test and the section's tables across their own, so one estimate had two adjusted p (-0.95, adjusted p 0.035 in
    the table, and no change in the summary, seed 30587; report truth round 29's open item). Adjusted apart, the two
    families together did not hold their rate (4 of 60 null studies of 30 councils claimed a change, 6.7%).
    Otherwise each is adjusted alone and ``across`` is None."""
    from ..stats import adjust_pvalues

    pooled_effects, by_group = _review_groups(effects)
    rows, unestimated = _did_rows(ctx, pooled_effects, _why_no_review_did, sides=("n_treated",))
    status = _status_tests(ctx, by_group)
    pooled = [i for i, r in enumerate(rows)
              if isinstance(r["ri_p_adjusted"], int | float) and np.isfinite(r["ri_p_adjusted"])]
    e_all = pooled_effects.set_index("measure")
    family = pd.concat([e_all.loc[[rows[i]["measure"] for i in pooled]].reset_index(), status], ignore_index=True)
    if not (len(status) and pooled):
        return rows, unestimated, _status_adjusted(status), None, family
    joint = adjust_pvalues(np.concatenate([[float(rows[i]["ri_p_value"]) for i in pooled],
                                           status["ri_p_value"].to_numpy(dtype=float)]), "holm")
    rows = [dict(r) for r in rows]
    for i, value in zip(pooled, joint[:len(pooled)], strict=True):
        rows[i]["ri_p_adjusted"] = float(value)
    across = f"the {len(joint)} tests of the indicators over all councils and in each status group"
    return rows, unestimated, status.assign(adjusted=joint[len(pooled):]), across, family


def _change_unit(label) -> str:
    """' percentage points', ' per 10,000 children': the unit of a change in an indicator whose label is ``label``
    (a :class:`impact.report.Label`), set after the figure; a share's change is in percentage points, not in the
    share's '%'. '' for an indicator of no unit. 'Re-referrals within 12 months (% of referrals) changed by -2.25'
    left the reader to guess whether by 2.25 points or 2.25% (reader2, the example).

    >>> from impact.report import Label
    >>> _change_unit(Label("Re-referrals", "% of referrals")), _change_unit(Label("Children in need", "per 10,000 children"))
    (' percentage points', ' per 10,000 children')
    """
    unit = (label.unit or "").strip()
    if not unit:
        return ""
    return " percentage points" if unit.startswith("%") or unit.startswith("percent") else f" {unit}"


def _changed_name(label) -> str:
    """The indicator's name before 'changed by ...': its heading with the unit in brackets where that unit is not said
    after the figure ('Re-referrals within 12 months (% of referrals) changed by -2.25 percentage points'), its name
    alone where it is ('Children in need changed by +2.50 per 10,000 children', not 'Children in need (per 10,000
    children) changed by +2.50 per 10,000 children').

    >>> from impact.report import Label
    >>> _changed_name(Label("Re-referrals", "% of referrals")), _changed_name(Label("Children in need", "per 10,000 children"))
    ('Re-referrals (% of referrals)', 'Children in need')
    """
    unit = (label.unit or "").strip()
    return label.text if unit and _change_unit(label) == f" {unit}" else label.header


def _did_finding(ctx, rows: list[dict], *, after: str, against: str, none: str = "No outcome indicator",
                 across: str | None = None) -> str:
    """'Re-referrals within 12 months (% of referrals) changed by -2.18 after the review (95% CI -3.57 to -0.79;
    randomisation p = 0.004, adjusted 0.020), against the councils not yet reviewed.': each indicator of a published
    difference-in-differences table (``rows`` of :func:`_did_rows`) whose randomisation p, adjusted across the
    indicators shown (Holm), is below ``alpha``; where none is, one sentence says so and that this is not evidence of
    none. '' where no indicator's p is published. The sections gave the tables and said nothing of them, and the
    summary nothing of the indicators (planted: re-referrals down after the review; the table's adjusted p 0.020,
    and the only sentence beside it said no indicator changed in either status group, audit14).

    ``across`` names the family the p was adjusted across where it is not the indicators of the table (the summary's
    sentence adjusts across every test it draws on, see :func:`_indicator_sentences`)."""
    tested = [r for r in rows if isinstance(r["ri_p_adjusted"], int | float) and np.isfinite(r["ri_p_adjusted"])]
    if not tested:
        return ""
    words = ctx.vocabulary
    sig = [r for r in tested if float(r["ri_p_adjusted"]) < ctx.alpha]
    if sig:
        def changed(r: dict) -> str:
            label = words.column(r["measure"])
            name = _changed_name(label)
            return (f"{name[:1].upper() + name[1:]} changed by {_signed(r['estimate'])}{_change_unit(label)} {after} "
                    f"({ctx.level} CI {format_ci(r['ci_low'], r['ci_high'], signed=True)}; randomisation "
                    f"{_p_words(float(r['ri_p_value']), ctx.alpha)}, adjusted {float(r['ri_p_adjusted']):.3f})")

        said = [changed(r) for r in sig]
        rest = len(tested) - len(sig)
        family = f" across {across}" if across else ""
        return ("; ".join(said) + f", against {against}"
                + (f"; no other indicator of the {len(tested)} changed significantly once the randomisation p is "
                   f"adjusted{family} (Holm)." if rest else f" (randomisation p adjusted{family}, Holm)." if across
                   else "."))
    return (f"{none} changed significantly {after}, against {against}, once the randomisation p is adjusted "
            f"across {across or f'the {len(tested)} indicators'} (Holm); this is not evidence that none changed.")


def _indicator_sentences(ctx) -> list[str]:
    """The summary's sentence on the change in the outcome indicators after the review (:func:`_did_finding`), with
    the adjusted p the indicators section gives (one family, :func:`_review_family`)."""
    effects = ctx.f.review_indicator_effects
    if effects is None or effects.empty:
        return []
    # a change found in one status group only is stated too: the pooled change can hide it (planted: re-referrals
    # down 3 points after the review in councils in intervention only, which the summary called no change, audit14)
    rows, _, status, across, family = _review_family(ctx, effects)
    by_status = _review_did_by_status(ctx, status, across=across, family=family if across else None)
    found_by_status = by_status.startswith(" By status")
    found = _did_finding(ctx, rows, after="after the review", against="the councils not yet reviewed",
                         none=_no_indicator(by_status), across=across)
    if not found:
        return []
    if found_by_status:
        return [found + by_status]
    return [_with_floor(ctx, found, family)]


def _notice_sentences(ctx) -> list[str]:
    """The summary's sentence on the indicators that changed significantly after a council's first notice or
    direction (the section's :func:`_did_finding`, the randomisation p adjusted across the indicators, Holm), with what
    that comparison is not: an estimate of the review's effect, or, where councils in intervention were reviewed after
    their notice, a change it can tell from one after the review. None where no indicator changed significantly: the
    comparison is of councils in and not in intervention, no question the study asks of the review, so its absence of
    a change earns no sentence, where a change does (the rule of the summary: every family's adjusted-significant
    results are named). Seed 32352 (25 councils): re-referrals -2.05 after a notice, adjusted randomisation p 0.045,
    in the section alone (report truth round 35)."""
    e = ctx.f.indicator_effects
    if e is None or e.empty:
        return []
    rows, _ = _did_rows(ctx, e, _why_no_did, audited=True)
    if not any(isinstance(r["ri_p_adjusted"], int | float) and r["ri_p_adjusted"] < ctx.alpha for r in rows):
        return []
    found = _did_finding(ctx, rows, after="after a council's first notice or direction",
                         against="the councils never in intervention")
    after = _reviewed_after_entry(ctx)
    return [found + (f" This compares councils in and not in intervention, and {after} councils in intervention were "
                     "reviewed after their notice, so it does not tell a change after the notice from one after the "
                     "review." if after else
                     " This compares councils in and not in intervention; it is not an estimate of the review's "
                     "effect.")]


def _no_indicator(by_status: str) -> str:
    """How a sentence finding no change over all councils begins, beside ``by_status`` (of
    :func:`_review_did_by_status`): of all the councils where a status group's change is stated."""
    return "Over all the councils reviewed, no outcome indicator" if by_status.startswith(" By status") else \
        "No outcome indicator"


def _with_floor(ctx, found: str, family: pd.DataFrame) -> str:
    """``found`` (a sentence of :func:`_did_finding`) with :func:`_ri_floor` of ``family`` where it finds no change."""
    floor = _ri_floor(ctx, family)
    if floor and found.endswith("this is not evidence that none changed."):
        return found[:-1] + floor + "."
    return found


def _ri_floor(ctx, family: pd.DataFrame) -> str:
    """' (with 199 random reassignments no adjusted p could fall below 0.075, 15 tests times the smallest p there
    can be, 1 / 200; run again with the option --resamples 999 to lower it to 0.015)'
    where the smallest randomisation p there can be among the tests of ``family`` (rows of the indicator effects),
    adjusted across them (Holm), is not below ``alpha`` and more draws could make a finding
    (:func:`_more_could_find`); else ''.

    A randomisation p of ``B`` drawn reassignments is at least 1 / (B + 1), and Holm's smallest adjusted p is the
    number of tests times the smallest p: with few reassignments and many tests no adjusted p can fall below alpha,
    and a sentence finding no change must say so rather than suggest there was nothing to find. Where the analysis
    flags every test as having so few distinct reassignments that more would not lower that floor
    (``ri_few_distinct``, :func:`_few_distinct`: 6 councils, 60 distinct reassignments of review dates, 5 indicators),
    the floor is said in words, alpha the only number (their count gives back the cohorts' sizes), and more resamples
    are not advised. Every p the report reads was drawn: findings holding one computed over every distinct
    reassignment are refused (:func:`_refuse_enumerated`, disclosure round 46)."""
    n_tests = len(family)
    if not n_tests:
        return ""
    if "ri_n" not in family.columns:  # findings of an earlier version: the reassignments asked for
        from .._limits import INDICATOR_REASSIGNMENTS_MAX

        permutations = min(int(ctx.f.parameters.get("n_resamples", 999)), INDICATOR_REASSIGNMENTS_MAX)
        family = pd.DataFrame({"ri_n": [permutations] * n_tests})
    few = _few_distinct(ctx, family, n_tests)
    if few is not None and few.all():
        # drawn from so few distinct reassignments that more would not help: said without a number from which their
        # count follows (a 6-council study's readers were told nothing, or to run more resamples, disclosure round 45)
        return f" ({_floor_in_words(ctx)})"
    permutations = int(family["ri_n"].astype("float64").max())
    floor = min(1.0, n_tests * (1 / (permutations + 1)))
    if floor < ctx.alpha or not _more_could_find(family, n_tests, ctx.alpha):
        return ""
    from .._limits import INDICATOR_REASSIGNMENTS_MAX

    said = (f" (with {permutations:,} random reassignments no adjusted p could fall below {floor:.3f}, {n_tests} "
            f"tests times the smallest p there can be, 1 / {permutations + 1:,}")
    most = n_tests / (INDICATOR_REASSIGNMENTS_MAX + 1)
    if permutations >= INDICATOR_REASSIGNMENTS_MAX or most >= ctx.alpha:
        # more resamples cannot help: each test draws at most INDICATOR_REASSIGNMENTS_MAX reassignments
        return said + f", and no more than {INDICATOR_REASSIGNMENTS_MAX:,} are drawn whatever the resamples)"
    return (said + f"; run again with the option --resamples {INDICATOR_REASSIGNMENTS_MAX} to lower it "
            f"to {most:.3f})")


def _more_could_find(family: pd.DataFrame, n_tests: int, alpha: float) -> bool:
    """Whether more reassignments could make a finding of ``family``'s randomisation tests, none of them significant
    once adjusted (Holm): whether some test's p could, for all its draws tell, lie below ``alpha / n_tests``, Holm's
    first threshold, which the smallest p must pass for any test to be significant.  A p of ``(1 + b) / (1 + B)``
    from ``B`` draws is consistent with a true p as low as the 95% Clopper-Pearson lower bound of ``b / B`` (0 where
    no draw was as extreme: ``b = 0``).  True where the family gives no p (findings of an earlier version).  A study of
    150 councils whose tests gave p of 0.2 or more was told to run more resamples, which could change nothing
    (render42).

    >>> _more_could_find(pd.DataFrame({"ri_n": [199, 199], "ri_p_value": [1 / 200, 0.5]}), 2, 0.05)
    True
    >>> _more_could_find(pd.DataFrame({"ri_n": [199, 199], "ri_p_value": [0.2, 0.5]}), 2, 0.05)
    False
    """
    from scipy.stats import beta

    if "ri_p_value" not in family.columns:
        return True
    p = pd.to_numeric(family["ri_p_value"], errors="coerce").to_numpy(dtype=float)
    draws = pd.to_numeric(family["ri_n"], errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(p) & np.isfinite(draws) & (draws > 0)
    if not ok.any():
        return True
    b = np.maximum(np.rint(p[ok] * (draws[ok] + 1)) - 1, 0)
    low = np.where(b > 0, beta.ppf(0.025, np.maximum(b, 1), draws[ok] - b + 1), 0.0)
    return bool((low < alpha / n_tests).any())


def _floor_in_words(ctx) -> str:
    """'with so few councils no adjusted p could fall below 0.05 other than by the chance of the reassignments drawn,
    whatever the resamples': the floor of tests drawn from so few distinct reassignments that more would not lower
    it, alpha the only number (their count gives back the sizes of the groups reassigned, disclosure rounds 44-46)."""
    return (f"with so few councils no adjusted p could fall below {ctx.alpha:g} other than by the chance of the "
            "reassignments drawn, whatever the resamples")


def _status_floor(ctx, gee: pd.DataFrame) -> str:
    """' (with so few councils no adjusted p could fall below 0.05 ..., whatever the resamples)' where every status
    contrast of ``gee`` (the models' ``in_intervention`` rows read together) was tested by randomisation and flagged
    by the analysis as drawn from so few distinct reassignments of the councils' status paths that no p adjusted
    across them could fall below alpha (``ri_few_distinct`` of :func:`impact.intervention_effects`); else ''. An
    8-council study with 3 councils in intervention throughout has 56 distinct reassignments and 6 impacts: Holm's
    smallest adjusted p is at least 6 / 56, and its summary said only that no impact differed significantly."""
    if gee.empty or "ri_few_distinct" not in gee.columns or "p_method" not in gee.columns:
        return ""
    drawn = gee["p_method"].eq("randomisation") & gee["ri_few_distinct"].fillna(False).astype(bool)
    return f" ({_floor_in_words(ctx)})" if drawn.all() else ""


def _few_distinct(ctx, family: pd.DataFrame, n_tests: int) -> np.ndarray | None:
    """Whether each test of ``family`` was flagged by the analysis (``ri_few_distinct``) as having so few distinct
    reassignments that, among the tests of its group adjusted together, no adjusted p could fall below alpha however
    many were drawn; None for findings of an earlier version (no flag). A flag holds for this family where it has at
    least as many tests as the flag's group (the indicators with a randomisation p in the same group of the review's
    effects): Holm's floor grows with the number of tests. Where the family is smaller, the test counts as not
    flagged."""
    if "ri_few_distinct" not in family.columns:
        return None
    few = family["ri_few_distinct"].fillna(False).astype(bool).to_numpy()
    effects = ctx.f.review_indicator_effects
    if "group" not in family.columns or effects is None or "group" not in effects.columns:
        return np.zeros(len(family), dtype=bool)  # the flag's group is not known: nor is whether it holds here
    sizes = effects[effects["ri_p_value"].notna()].groupby("group").size()
    return few & (family["group"].map(sizes).fillna(np.inf).to_numpy() <= n_tests)


def _status_tests(ctx, e: pd.DataFrame | None) -> pd.DataFrame:
    """The tests of the change after the review in each status group that the report reads (each group of at least
    ``min_count`` councils, estimated, with a randomisation p); none unless both groups are."""
    if e is None or e.empty:
        return pd.DataFrame(columns=["group", "measure", "ri_p_value"])
    e = e[(e["n_treated"] >= ctx.min_count) & (e["note"].fillna("") == "") & e["ri_p_value"].notna()]
    return e if e["group"].nunique() >= 2 else e.iloc[:0]


def _status_adjusted(e: pd.DataFrame) -> pd.DataFrame:
    """The tests of :func:`_status_tests` with their randomisation p adjusted across indicators and both groups
    (Holm), in ``adjusted``."""
    from ..stats import adjust_pvalues

    return e.assign(adjusted=adjust_pvalues(e["ri_p_value"].to_numpy(dtype=float), "holm"))


def _review_did_status_table(ctx, e: pd.DataFrame, *, across: str | None = None) -> list:
    """The change after the review in each status group, as a table: the section's sentence gave its figures, or
    said that no indicator changed in either group, and no table or CSV held them (planted: re-referrals down 3
    points after the review in councils in intervention when reviewed; the summary gave -3.36 (95% CI -4.16 to
    -2.56) in the 35 councils in intervention, which no table showed, seed 30587, report truth round 26). The same
    tests as the sentence, with the same adjusted p (``e`` of :func:`_review_family`, adjusted ``across`` the family
    it names, else across the indicators and both groups); none where the sentence has none."""
    if e.empty:
        return []
    order = {g: i for i, g in enumerate(("intervention", "no_intervention"))}
    e = e.assign(_g=e["group"].map(order)).sort_values(["measure", "_g"], kind="stable")
    table = pd.DataFrame({"measure": e["measure"], "group": e["group"], "estimate": e["estimate"],
                          "ci_low": e["ci_low"], "ci_high": e["ci_high"], "p_value": e["p_value"],
                          "ri_p_value": e["ri_p_value"], "ri_p_adjusted": e["adjusted"],
                          "n_treated": e["n_treated"].astype(int)}).reset_index(drop=True)
    return [Table("indicator_review_did_by_status", table,
                  "Change in each indicator after the review, by status when reviewed",
                  "Average effect in the indicator's units, councils after their review against councils not yet "
                  "reviewed, among the councils in intervention when their review began and among the others; "
                  f"{_did_interval(ctx)}; randomisation p from "
                  f"permuting review dates{_reassignments_said(e)}, adjusted across {across or 'the indicators and both groups'} (Holm"
                  + (", as in the table before and the summary" if across else "") + "). Shown where at "
                  f"least {ctx.min_count} councils of each group were compared after their review. The "
                  "difference between the groups is not tested." + _lone_cohort_note(ctx, e, e),
                  _DID_FORMATS,
                  labels={"group": "Status when reviewed", "n_treated": "Councils compared after review",
                          "ri_p_value": "Randomisation p", "ri_p_adjusted": "Randomisation p, adjusted",
                          "estimate": "Average effect"})]


def _review_did_by_status(ctx, e: pd.DataFrame, *, across: str | None = None,
                          family: pd.DataFrame | None = None) -> str:
    """' By status when reviewed: re-referrals ... changed by -2.13 (95% CI -3.58 to -0.69; randomisation p 0.005,
    adjusted 0.040) in the 15 councils in intervention when reviewed and by -1.30 (...) in the 15 others.': the change
    after the review in each status group, for each indicator where that of either group differs from none once the
    randomisation p is adjusted (Holm) across indicators and groups; where none does, one sentence says so. A group
    of fewer than ``min_count`` councils is not estimated here (planted: re-referrals down 3 points after the review
    in councils in intervention and 0.5 in the others, which the report never compared, audit12).

    ``across`` names the ``family`` of tests (rows of the indicator effects) the p in ``e["adjusted"]`` was adjusted across, where it is not
    this function's (the summary's, see :func:`_indicator_sentences`)."""
    e = _status_tests(ctx, e)
    if e.empty:
        return ""
    if across is None or "adjusted" not in e.columns:
        e = _status_adjusted(e)
    words = ctx.vocabulary
    parts = []
    for measure, rows in e.groupby("measure", sort=True, observed=True):
        if rows["group"].nunique() < 2 or not (rows["adjusted"] < ctx.alpha).any():
            continue
        by = rows.set_index("group")
        said = [f"by {_signed(by.loc[g, 'estimate'])}{_change_unit(words.column(measure))} ({ctx.level} CI "
                f"{format_ci(by.loc[g, 'ci_low'], by.loc[g, 'ci_high'], signed=True)}; randomisation "
                f"{_p_words(by.loc[g, 'ri_p_value'], ctx.alpha)}, "
                f"adjusted {by.loc[g, 'adjusted']:.3f}) in the {int(by.loc[g, 'n_treated'])} councils "
                + ("in intervention when reviewed" if g == "intervention" else "not in intervention when reviewed")
                + " compared after their review"
                for g in ("intervention", "no_intervention") if g in by.index]
        parts.append(f"{_changed_name(words.column(measure)).lower()} changed " + _listed(said))
    n = e["measure"].nunique()
    if not parts:
        return (" Compared by status when reviewed (councils in intervention when their review began, and the others, "
                f"each against the councils not yet reviewed), no indicator changed significantly after the review in "
                f"either group taken alone "
                f"once the randomisation p is adjusted across {across or f'the {n} indicators and both groups'} (Holm); "
                "this is not evidence that they changed alike" + _ri_floor(ctx, e if family is None else family) + ".")
    return (" By status when reviewed (councils in intervention when their review began, and the others, each against "
            "the councils not yet reviewed; randomisation p adjusted across "
            + ("the same tests" if across else "the indicators and both groups") + ", Holm): "
            + "; ".join(parts) + ". The difference between the groups is not tested.")


def _why_no_review_did(ctx, r: dict) -> str:
    """Why an indicator has no estimate of the change after the review (``n_treated_within``: the councils reviewed
    within its periods; ``n_treated`` counts those compared, none where nothing was estimated; findings of an earlier
    version have ``n_treated`` alone)."""
    if not _treated_within(r):
        return "no council was reviewed within the indicator's periods"
    if str(r["note"]).startswith("too few"):
        return "too few councils reviewed at different times within the indicator's periods"
    return str(r["note"])


def _treated_within(r: dict) -> int:
    """The councils treated (reviewed, entering intervention) within an indicator's periods: ``n_treated_within``,
    as ``n_treated`` counts those compared, none where nothing was estimated (truth82, truth83); findings of an
    earlier version have ``n_treated`` alone (0 where missing)."""
    within = r.get("n_treated_within", r["n_treated"])
    return 0 if pd.isna(within) else int(within)


def _why_no_did(ctx, r: dict) -> str:
    """Why an indicator has no difference-in-differences estimate, from its councils on each side (a side of 1 to
    ``min_count - 1`` councils is not named: it is a suppressed count)."""
    if r["n_control"] == 0:
        return "no council with these figures was never in intervention, so there is none to compare with"
    if not _treated_within(r):
        return "no council entered intervention within the indicator's periods"
    if str(r["note"]).startswith("too few"):
        return f"fewer than {ctx.min_count} councils on one side"
    return str(r["note"])


def _unestimated_note(ctx, unestimated: dict[str, str], n: int) -> str:
    """' No estimate for a and b: why.', indicators by their labels, grouped by reason ('any indicator' when it is all
    ``n`` of them; '' when every indicator was estimated)."""
    by_why: dict[str, list[str]] = {}
    for measure, why in unestimated.items():
        by_why.setdefault(why, []).append(measure)
    words = ctx.vocabulary
    return "".join(" No estimate for " + ("any indicator" if len(measures) == n else
                                          _listed([words.column(m).header.lower() for m in measures]))
                   + f": {why}." for why, measures in by_why.items())


# --------------------------------------------------------------------------- framework matrix
#: Statements shown in a cell of the framework matrix by group of councils, at most.
_MATRIX_PER_CELL = 3
#: The columns of the framework matrix by group (machine name, heading): councils by their status at any wave (as the
#: indicator trends group them), or all together.
_MATRIX_GROUPS = {"intervention": ("intervention_at_some_wave", "In intervention at some wave"),
                  "no_intervention": ("intervention_at_no_wave", "Not in intervention at any wave"),
                  "all": ("all_councils", "All councils")}


def _has_framework(ctx) -> bool:
    """Whether the report has a framework matrix: the matrix has a row per council and theme whenever the themes were
    analysed, so none means they were left out (analyse(parts=...) without "framework"), and the section said "from
    the codings supplied ... No council was interviewed" of 45 councils interviewed and coded by machine (seed
    9933)."""
    th = ctx.f.themes
    return th is not None and len(th) > 0


def _framework(ctx, quote_table: Table | None = None) -> Section | None:
    if not _has_framework(ctx):
        return None
    book = None
    try:
        from ..coding import Codebook

        book = Codebook.load("review_themes")
        labels = dict(zip(book.codes["code_id"], book.codes["label"], strict=True))
    except Exception:  # noqa: BLE001 - labels are cosmetic
        labels = {}
    th = _framework_rows(ctx)
    machine = "themes" in ctx.f.coding.get("machine_books", ())
    unmeasured = machine and (book is None or _validity(book, "machine") is None)
    # A row per council ties every statement in it to one council, and a pseudonym is no protection where anything
    # in the row (a statement naming the council's notice or commissioner, its optional themes, its number of
    # participants) tells which council it is: by default the rows are groups of at least quote_k councils, as
    # quotes are attributed, and the matrix by council is published only when asked for.
    per_council = ctx.identify or ctx.council_matrix
    group_of, grouping = ({}, "") if per_council else _matrix_groups(ctx, th)
    # the codebook by its title, as every other section names a codebook ('the review themes codebook' named one no
    # reader knows, report truth round 27)
    coder = (f"coded by the package's machine coder with {_the_codebook(ctx, 'review_themes')}" if machine else
             f"from the codings supplied, against {_the_codebook(ctx, 'review_themes')}")
    if per_council:
        intro = (f"Which review themes participants in each council talked about ({coder}), with the clearest statement "
                 f"of each, redacted. A number is the participants who raised the theme where it is {ctx.min_count} or "
                 "more; a theme raised by fewer shows the statement only."
                 + ("" if ctx.identify else
                    " The matrix by council was asked for (--council-matrix): a reader who can tell which council a "
                    "pseudonym is can tell where each statement was made."))
    else:
        intro = (f"Which review themes participants talked about ({coder}), by group of councils: in each cell the "
                 f"number of councils whose participants raised the theme ({SUPPRESSED} where fewer than "
                 f"{ctx.min_count}) and up to {_MATRIX_PER_CELL} of their clearest statements, redacted, in an order "
                 f"that ties none of them to a council. {grouping} A matrix by council is published only when asked "
                 "for (--council-matrix).")
    blocks = [Paragraph(
        intro
        + (" The machine coder's reading of the review themes has not been measured against people's coding of real "
           "text, so a statement may be about something other than the theme it is shown under, and a theme a "
           "council raised may be missing"
           + (f". {_book_hand_check(ctx, 'review_themes', 'review-theme', 'which statement is the clearest')}"
              if _hand_checked(ctx) else ": check the statements by hand before publishing.")
           if unmeasured else ""))]
    if th.empty:
        return Section(_FRAMEWORK, blocks + [Paragraph("No council was interviewed.")])
    examples = th["example"].fillna("")
    names = ctx.study.participants["name"].dropna().tolist()
    redacted, _ = redact_series(examples.reset_index(drop=True), names=names, places=ctx.study.councils["name"].tolist(),
                                hash_key=ctx.key)
    ok = assess_quotes(redacted)["publishable"].to_numpy()
    th["example_redacted"] = [_shorten(t) if good else "" for t, good in zip(redacted, ok, strict=True)]
    if per_council:
        blocks += _framework_by_council(ctx, th, labels, unmeasured=unmeasured)
    else:
        # a statement quoted in "What people said" is published there, under its own attribution, and not again here
        quoted = set() if quote_table is None or quote_table.data.empty else set(quote_table.data["quote"])
        th.loc[[t in quoted for t in redacted], "example_redacted"] = ""
        blocks += _framework_by_group(ctx, th.assign(group=th["council_id"].astype(str).map(group_of)), labels,
                                      statements=len(group_of) >= ctx.quote_k, unmeasured=unmeasured)
    return Section(_FRAMEWORK, blocks)


def _matrix_groups(ctx, th: pd.DataFrame) -> tuple[dict, str]:
    """Each interviewed council's column of the framework matrix by group, and what the groups are, in a sentence.

    Councils are grouped by their status at any wave where every interviewed council's status is known at some wave
    and each group has at least ``quote_k`` councils; else they are one group (where even all the councils
    interviewed are fewer than ``quote_k``, no statement is shown).
    """
    councils = sorted(set(th["council_id"].astype(str)))
    k = ctx.quote_k
    everyone = {c: "all" for c in councils}
    if len(councils) < k:
        return everyone, (f"Only {_counted(len(councils), 'council')} {'was' if len(councils) == 1 else 'were'} "
                      f"interviewed, fewer than {k}, so no statement is shown: any would be tied to fewer than {k} "
                      "councils.")
    ws = ctx.study.wave_status()
    ws = ws[ws["council_id"].astype(str).isin(councils)]
    known = ws["reference_date"].notna().groupby(ws["council_id"].astype(str), observed=True).any()
    ever = (ws["intervention"].isin(["notice", "direction"]) & ws["reference_date"].notna()).groupby(
        ws["council_id"].astype(str), observed=True).any()
    if not known.reindex(councils, fill_value=False).all():
        return everyone, ("The councils are shown together: the intervention status of some council is not known at "
                          "any wave.")
    group = {c: "intervention" if ever.get(c, False) else "no_intervention" for c in councils}
    sizes = pd.Series(group).value_counts()
    if len(sizes) < 2 or sizes.min() < k:
        # how few is not said: 'a group would have fewer than 5 councils' bounded it, and with the councils
        # interviewed the other group (disclosure round 40)
        return everyone, ("The councils are shown together: grouped by their intervention status at any wave, a group "
                          f"would be too small to tie statements to, and no statement is tied to fewer than {k} councils.")
    return group, (f"Councils are grouped by their intervention status at any wave of the study, each group of at "
                   f"least {k} councils interviewed, so no statement is tied to fewer than {k} councils.")


def _no_council_raised(unmeasured: bool) -> str:
    """'No council raised', or where an unmeasured machine coder read the themes 'The machine coder found no council
    raising': the matrix's note said 'No council raised the theme outcomes' as fact beside the section's 'a theme a
    council raised may be missing' (reader1, the example)."""
    return "The machine coder found no council raising" if unmeasured else "No council raised"


def _framework_by_group(ctx, th: pd.DataFrame, labels: dict, *, statements: bool, unmeasured: bool = False) -> list:
    """The framework matrix's tables by group of councils: a row per theme, a column per group (:func:`_matrix_groups`);
    in each cell the councils that raised the theme (suppressed under ``min_count``) and up to ``_MATRIX_PER_CELL``
    of their clearest statements, drawn in the order of a keyed hash of the statement's unit (not the council's)."""
    import hashlib

    if not statements:
        ctx.withheld("Framework matrix: councils by review theme", "statements", len(
            {t for t in th.loc[th["raised"].astype(bool), "example_redacted"] if t}), "few_councils_interviewed",
            f"fewer than {ctx.quote_k} councils interviewed (--quote-k): any statement would be tied to fewer")
        th = th.assign(example_redacted="")
    parents, codes = list(dict.fromkeys(th["parent"])), list(dict.fromkeys(th["code"]))  # codebook order, kept
    th = th.assign(_order=[hashlib.sha256(f"{ctx.key!r}:{u}".encode()).hexdigest() for u in th["unit"].astype(str)])
    th = th.sort_values("_order", kind="stable")
    groups = [g for g in _MATRIX_GROUPS if g in set(th["group"])]
    members = {g: set(th.loc[th["group"] == g, "council_id"].astype(str)) for g in groups}
    blocks, few, tying = [], 0, set()
    for parent in parents:
        sub = th[th["parent"] == parent]
        rows, empty = [], []
        for code in [c for c in codes if c in set(sub["code"])]:
            row = {"theme": labels.get(code, code)}
            for g in groups:
                cell = sub[(sub["code"] == code) & (sub["group"] == g) & sub["raised"]]
                n = cell["council_id"].nunique()
                said = list(dict.fromkeys(t for t in cell["example_redacted"] if t))
                # a statement naming an optional theme few of the group's councils took is tied to those councils
                tying.update(t for t in said if _themes_tying(ctx, t, members[g]))
                said = [t for t in said if t not in tying][:_MATRIX_PER_CELL]
                # "c councils" whatever the count it hides ("c council" said it was one); hidden as the ledger decides
                published = ctx.shown(("theme_councils", code, g)) and n >= ctx.min_count
                count = _counted(n, "council") if published else f"{SUPPRESSED} councils"
                if said and not (published and n >= ctx.quote_k):
                    # A cell's statements are tied to the councils that raised its theme, not to its group: under
                    # a count of 'c councils' they were one or two councils' words, and which councils chose an
                    # optional theme is in their reviews' scope ("We added commissioning as an extra theme", "I'm
                    # head of safeguarding at the clinical commissioning group" under 2 of 6 councils, disclosure
                    # round 48). Shown only beside a published count of at least quote_k councils, so that their
                    # presence tells nothing of a suppressed count either.
                    few += len(said)
                    said = []
                row[_MATRIX_GROUPS[g][0]] = "" if not n else count + "".join(
                    (": " if i == 0 else "; ") + f"\u201c{q}\u201d" for i, q in enumerate(said))
            (rows if any(row[_MATRIX_GROUPS[g][0]] for g in groups) else empty).append(row)
        title = labels.get(parent, str(parent).replace("_", " "))
        part = title.lower().removesuffix(" themes")
        unraised = _labels_listed([str(r["theme"]) for r in empty]) if empty else ""
        if not rows:
            blocks.append(Paragraph(f"{_no_council_raised(unmeasured)} any of the {part} themes ({unraised})."))
            continue
        none = (f" {_no_council_raised(unmeasured)} the theme{'s' if len(empty) > 1 else ''} {unraised}."
                if empty else "")
        blocks.append(Table(f"framework_{re.sub(r'[^A-Za-z0-9_-]', '_', str(parent))}"[:80],
                            pd.DataFrame(rows, columns=["theme", *[_MATRIX_GROUPS[g][0] for g in groups]]),
                            f"Review themes raised by group of councils: {part} themes",
                            (f"Councils by group, each of at least {ctx.quote_k} councils; statements redacted, tied "
                             "to no council" if statements else
                             f"All councils interviewed, fewer than {ctx.quote_k}: no statement shown")
                            + f"; {SUPPRESSED}: fewer than {ctx.min_count} councils." + none,
                            labels={"theme": Label("Review theme"), **{
                                column: Label(heading, description=f"{heading}: the councils whose participants raised "
                                              "the theme and some of their clearest statements, redacted.")
                                for column, heading in (_MATRIX_GROUPS[g] for g in groups)}}))
    ctx.withheld("Framework matrix: councils by review theme", "statements", few, "few_councils_quoted",
                 f"a theme raised by fewer than {ctx.quote_k} councils (--quote-k) of a group, or by a number of "
                 "councils that is suppressed: its statements would be tied to those councils alone")
    ctx.withheld("Framework matrix: councils by review theme", "statements", len(tying), "optional_theme_named",
                 _theme_withheld_reason(ctx))
    return blocks


def _framework_by_council(ctx, th: pd.DataFrame, labels: dict, *, unmeasured: bool = False) -> list:
    """The framework matrix's tables with a row per council (``--identify`` or ``--council-matrix``)."""
    th["cell"] = [
        "" if not raised else (f"{n} participants: " if n >= ctx.min_count else "") + (f"\u201c{q}\u201d" if q else "raised")
        for raised, n, q in zip(th["raised"], th["n_participants"], th["example_redacted"], strict=True)
    ]
    ctx.withheld("Framework matrix: councils by review theme", "participants who raised a theme in a council", int(
        (th["raised"].astype(bool) & (th["n_participants"] < ctx.min_count)).sum()), "small_count_raised",
        f"a count below {ctx.min_count} (--min-count): the cell shows the statement or 'raised' without it")
    th["council"] = th["council_id"].map(ctx.council_name)
    blocks = []
    for parent in dict.fromkeys(th["parent"]):
        sub = th[th["parent"] == parent]
        matrix = sub.pivot_table(index="council", columns="code", values="cell", aggfunc="first")
        matrix = matrix.reindex(columns=list(dict.fromkeys(sub["code"]))).rename(columns=lambda c: labels.get(c, c))
        # A theme no council raised is named in the note, not given a column of empty cells (the example's
        # "Outcomes" column took a sixth of the page's width and pushed the matrix onto one more page).
        empty = [c for c in matrix.columns if not matrix[c].fillna("").astype(str).str.strip().astype(bool).any()]
        matrix = matrix.drop(columns=empty).reset_index().sort_values("council")
        matrix.columns.name = None
        title = labels.get(parent, str(parent).replace("_", " "))
        part = title.lower().removesuffix(" themes")
        unraised = _labels_listed([str(c) for c in empty]) if empty else ""
        if matrix.shape[1] == 1:  # the council column alone: no theme of this part was raised
            blocks.append(Paragraph(f"{_no_council_raised(unmeasured)} any of the {part} themes ({unraised})."))
            continue
        none = (f" {_no_council_raised(unmeasured)} the theme{'s' if len(empty) > 1 else ''} {unraised}."
                if empty else "")
        blocks.append(Table(f"framework_{re.sub(r'[^A-Za-z0-9_-]', '_', str(parent))}"[:80], matrix,
                            f"Review themes raised in each council: {part} themes",
                            ("Councils named (the report was run with --identify)" if ctx.identify
                             else "Councils under pseudonyms (--council-matrix)") + "; statements redacted."
                            + none))
    return blocks


def _axis_text(text: object, width: int = _WRAP, lines: int = 2) -> str:
    """``text`` if it wraps to at most ``lines`` lines of ``width`` characters, else cut at a word there, with an ellipsis."""
    text = " ".join(str(text).split())
    wrapped = _wrap(text, width).split("\n")
    if len(wrapped) <= lines:
        return text
    return " ".join(wrapped[:lines]).rstrip(" ,;:") + " \u2026"


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " \u2026"


# --------------------------------------------------------------------------- quotes
def _quotes(ctx) -> tuple[Section, pd.DataFrame, Table | None]:
    from ..framework import illustrative_quotes

    f = ctx.f
    names = ctx.study.participants["name"].dropna().tolist()
    places = ctx.study.councils["name"].tolist()

    after = _councils_interviewed_after(ctx)
    tying: set[str] = set()  # the candidates passed over for naming an optional theme few councils took

    def publishable(texts: pd.Series) -> pd.Series:
        """Redact every candidate and keep those the redactor is confident are clean and that name no optional
        review theme fewer than quote_k of the councils interviewed after the review took."""
        red, _ = redact_series(texts.reset_index(drop=True), names=names, places=places, hash_key=ctx.key)
        few = [bool(_themes_tying(ctx, t, after)) for t in red]
        tying.update(t for t, bad in zip(texts, few, strict=True) if bad)
        return pd.Series(assess_quotes(red)["publishable"].to_numpy() & ~np.array(few, dtype=bool), index=texts.index)

    # A quote filed under an impact says the speaker reported that impact, and its caption says what they credited
    # it to. Under machine coding, statements are quoted only for the impacts the coder reads well on real text
    # (F1 of at least _WEAK_F1, the line the summary draws), and no caption states a credit: the coder's reading of
    # attribution has not been measured against people's coding.
    weak = _weak_codes(ctx)
    machine = f.coding.get("source") == "machine"
    # A hand check in this study that finds the coder disagreeing with people on an impact (Cohen's kappa below
    # CHECKED_KAPPA) outweighs its F1 on other text: seeds 41903 and 63421 quoted "The week itself was pretty
    # relentless ..." and "our staff are a really committed bunch" (morale) under commitment, whose hand checks gave
    # kappas of 0.47 and 0.32.
    kappa = _checked_kappa(ctx)
    disputed = {c: kappa[c] for c in ctx.codes if machine and c in kappa and c not in weak and kappa[c] < CHECKED_KAPPA}
    quoted = [c for c in ctx.codes if c not in weak and c not in disputed]
    # Even an impact read well is misread in some sentences (the coder's precision on real text is 0.80 at best, so
    # one quote in five of it is about something else), and the statements it is surest of are no safer on other
    # talk: on seeds 91357 to 98317 (round 3 of the audit) fewer than half of the clear statements the coder read as
    # commitment were planted as commitment, 69% of those scored 0.95 or more. Under machine coding a statement is
    # quoted only where this study's hand check codes the same segment with the same impact, reported; without a
    # hand check none is, and the report says why.
    if machine and f.hand_check is None:
        return Section(_QUOTES, [Paragraph(
            f"No statement is quoted to illustrate {ctx.codes_as('an impact')}: the interviews were coded by the "
            "package's machine coder and no one has checked its codings, and even "
            f"{ctx.codes_as('an impact')} it reads well on real text is misread in "
            "some of the sentences it files under it, so a quote could show a participant saying something they did "
            "not. With a hand check of a sample of the codings (impact review export, then impact run --human), the "
            "statements a person coded the same way are quoted.")]), _empty_redaction_log(), None
    if not ctx.later:
        # a study of the first wave alone described the quotes "from the interviews after the review" and then said
        # no statement in the coded interviews qualified, as if some after the review had been read (truth45)
        return Section(_QUOTES, [Paragraph(
            f"No statement is quoted to illustrate {ctx.codes_as('an impact')}: quotes are taken from the interviews "
            "after the review, and this study has no wave after it.")]), _empty_redaction_log(), None
    candidates = _confirmed_by_hand(f.coded, f.hand_check) if machine else f.coded
    q = illustrative_quotes(candidates, ctx.study, segments=f.segments, codes=quoted, waves=ctx.later,
                            per_code=_QUOTES_PER_CODE, length=_QUOTE_CHARS, seed=f.parameters.get("seed", 0),
                            screen=publishable, codebook=f.codebook) if quoted else pd.DataFrame(columns=["code", "text"])
    withheld = q.attrs.get("n_screened_out", 0) - len(tying)
    ctx.withheld("What people said", "quotes", len(tying), "optional_theme_named", _theme_withheld_reason(ctx))
    parts = ctx.study.participants[["participant_id", "role"]]
    blocks = [Paragraph(
        ctx.codes_as("Statements illustrating each impact: only sentences that report the impact as having happened "
                     "(no negation, hedging or question anywhere in them)" if not machine else
                     "Statements illustrating each impact: sentences the package's machine coder read as reporting the "
                     "impact as having happened, with no negation, hedging or question anywhere in them, and that the "
                     "hand check of the coding in this study also coded as reporting it")
        + f", from the interviews after the review, at most one per council and {ctx.one}, chosen by the coder's "
        "confidence. "
        + ("Each is labelled with what the speaker credited the change to, " if not machine else
           "What the speaker credited each change to is not stated: the coder's reading of it has not been measured "
           "against people's coding. Each is ")
        + f"redacted of names, contact details and places, and attributed only as finely as at least {ctx.quote_k} "
        "councils share." + (f" {withheld} otherwise suitable statement{'s were' if withheld != 1 else ' was'} withheld "
                             "because the redaction could not be confirmed complete." if withheld else ""))]
    unquoted = [c for c in ctx.codes if c in weak]
    if unquoted:
        one = len(unquoted) == 1
        labels = [ctx.code(c) for c in unquoted]
        labels = [labels[0]] + [label.lower() for label in labels[1:]]
        blocks.append(Paragraph(
            f"{_listed(labels)} {'has' if one else 'have'} no statement quoted: "
            f"{_why_weak(weak, unquoted, 'this impact' if one else 'these impacts')}, so a statement it files under "
            f"{'it' if one else 'one of them'} may well be about something else."))
    if disputed:
        one = len(disputed) == 1
        labels = [ctx.code(c) for c in ctx.codes if c in disputed]
        labels = [labels[0]] + [label.lower() for label in labels[1:]]
        blocks.append(Paragraph(
            f"{_listed(labels)} {'has' if one else 'have'} no statement quoted: the hand check of the coding in this "
            f"study gives Cohen's kappa between the coder and people of "
            f"{_listed([_kappa(disputed[c]) for c in ctx.codes if c in disputed])}"
            f"{'' if one else ' respectively'}, below {CHECKED_KAPPA:.2f}, so a statement the coder files under "
            f"{'it' if one else 'one of them'} may well be about something else."))
    log = _empty_redaction_log()
    if q.empty:
        if quoted:
            blocks.append(Paragraph("No statement in the coded interviews qualifies as an illustration, so none is "
                                    "shown."))
        return Section(_QUOTES, blocks), log, None
    behind = _councils_quoted_from(ctx)
    if behind < ctx.quote_k:
        # Even unattributed, a statement is tied to the councils interviewed after the review: fewer than quote_k of
        # them and it is tied to fewer than quote_k councils, whatever its label says (a 4-council study quoted its
        # statements as "Participant", one of 4 councils; with one council in intervention, "council in
        # intervention" named it). None is shown, as the framework matrix shows none.
        ctx.withheld("What people said", "quotes", len(q), "few_councils_quoted", _few_councils_reason(ctx, behind))
        blocks.append(Paragraph(_few_councils_sentence(ctx, behind, len(q))))
        return Section(_QUOTES, blocks), log, None
    q = q.merge(parts, on="participant_id", how="left")
    ws = ctx.study.wave_status()[["council_id", "wave", "intervention"]].rename(columns={"intervention": "status"})
    q = q.merge(ws, on=["council_id", "wave"], how="left")
    redacted, log = redact_series(q["text"].reset_index(drop=True), names=names, places=places, hash_key=ctx.key)
    q["quote"] = redacted.to_numpy()
    # A quote naming an optional review theme is tied to the councils that took it (their review letters say so):
    # a finer label than "Participant" would narrow those further (a role, wave or status few of them share), so it
    # is attributed as "Participant", the councils interviewed after the review, of which at least quote_k took the
    # theme (the screen above); the others' labels are shared by quote_k councils without it.
    named = np.array([any(p.search(str(t)) for p in _OPTIONAL_THEME_RES.values()) for t in q["quote"]], dtype=bool)
    with warnings.catch_warnings():
        # A quote no label shared by quote_k councils can cover is attributed below only as "Participant": handled
        # here, so the warning (meant for callers who publish the label as it is) would only alarm the user.
        warnings.simplefilter("ignore", DisclosureWarning)
        q = pd.concat([coarsen_attribution(q[~named], k=ctx.quote_k,
                                           wave_labels={w: ctx.wave(w).lower() for w in ctx.waves})
                       if (~named).any() else q.iloc[:0], q[named].assign(attribution_label=pd.NA)]).loc[q.index]
    # A quote no finer label shared by the quotes of quote_k councils covers is attributed as "Participant": a
    # participant of any council interviewed after the review, at least quote_k of them (checked above), so the label
    # narrows it to no fewer. (Round 38 of disclosure withheld such quotes, which in a 24-council study left an
    # impact's one qualifying statement unshown, and 4 of 18 in a planted 12-council one.)
    q["attribution_label"] = q["attribution_label"].where(q["attribution_label"].notna(), "Participant")
    rows = []
    for code in quoted:
        grp = q[q["code"] == code]
        blocks.append(Paragraph(ctx.code(code)))
        if grp.empty:
            # a themes report's section spoke of "this impact" (report truth round 10)
            blocks.append(Paragraph(f"No statement of this {ctx.one} qualifies as an illustration."))
            continue
        for r in grp.itertuples():
            who = r.attribution_label
            if machine:
                blocks.append(Quote(r.quote, who))
                rows.append({"impact": code, "quote": r.quote, "attribution": who})
                continue
            credit = f"credited to {r.credit}" if r.credit != "cause left open" else "cause left open by the speaker"
            blocks.append(Quote(r.quote, f"{who}; {credit}"))
            rows.append({"impact": code, "quote": r.quote, "attribution": who, "credited_to": r.credit})
    table = Table("quotes", pd.DataFrame(rows), "Illustrative statements", "Redacted; attribution coarsened.")
    log = log.drop(columns=[c for c in ("original",) if c in log.columns])
    return Section(_QUOTES, blocks), log, table


def _councils_quoted_from(ctx) -> int:
    """The councils interviewed after the review (interviews left out as not coded aside): every statement quoted is
    from one of them, so however it is attributed it is tied to at most this many councils."""
    return len(_councils_interviewed_after(ctx))


def _councils_interviewed_after(ctx) -> frozenset:
    """The ids of the councils interviewed after the review (interviews left out as not coded aside)."""
    iv = ctx.study.interviews
    iv = iv[iv["wave"].isin(ctx.later) & ~iv["interview_id"].isin(_left_out(ctx)["interview_id"])]
    return frozenset(iv["council_id"].astype(str))


def _optional_theme_patterns() -> dict[str, re.Pattern]:
    """Each optional review theme (:data:`impact.vocab.OPTIONAL_THEMES`) and the words that name it in a statement: its
    label's parts either side of 'and' ('productivity', 'innovation'), each a phrase whose words may be split by
    spaces, hyphens or a line break, and a part 'managing X' also as 'X management'."""
    out = {}
    for code, label in vocab.OPTIONAL_THEMES.items():
        forms = []
        for part in re.split(r"\s+and\s+", label.lower()):
            words = part.split()
            forms.append(words)
            if len(words) > 1 and words[0] == "managing":
                forms.append([*words[1:], "management"])
        out[code] = re.compile(r"\b(?:" + "|".join(r"[\s-]+".join(map(re.escape, w)) for w in forms) + r")\b",
                               re.IGNORECASE)
    return out


_OPTIONAL_THEME_RES = _optional_theme_patterns()


def _theme_choosers(ctx) -> dict[str, frozenset]:
    """Each optional review theme and the councils whose review took it (``reviews.csv``'s ``themes``): public, in
    the councils' review letters. Councils with no review row are in no set (a smaller set withholds more)."""
    if getattr(ctx, "_choosers", None) is None:
        rv = ctx.study.reviews
        chosen = {str(c): set(str(t).split(";")) for c, t in zip(rv["council_id"], rv["themes"].fillna(""), strict=True)}
        ctx._choosers = {code: frozenset(c for c, themes in chosen.items() if code in themes)
                         for code in vocab.OPTIONAL_THEMES}
    return ctx._choosers


def _themes_tying(ctx, text: str, councils) -> list[str]:
    """The optional review themes ``text`` names that fewer than ``quote_k`` of ``councils`` (those a published
    statement's place ties it to: the councils interviewed after the review, or a column's group) took in their
    review. Which council took which optional theme is in its review letter, so a statement naming one is tied to the
    councils that took it, wherever it is printed (a 10-council study's "We added participation as an extra theme"
    was tied to the councils that chose participation, disclosure round 49); such a statement is not printed."""
    councils = {str(c) for c in councils}
    return [code for code, pattern in _OPTIONAL_THEME_RES.items()
            if pattern.search(str(text)) and len(_theme_choosers(ctx)[code] & councils) < ctx.quote_k]


def _theme_withheld_reason(ctx) -> str:
    return (f"it names an optional review theme that fewer than {ctx.quote_k} (--quote-k) of the councils it could "
            "come from took in their review, which their review letters make public: it would be tied to those "
            "councils alone")


def _few_councils_reason(ctx, n: int) -> str:
    """Why statements are withheld from a study with fewer than ``quote_k`` councils interviewed after the review."""
    return (f"only {_counted(n, 'council')} {_verb(n, 'was')} interviewed after the review, fewer than {ctx.quote_k} "
            "(--quote-k): any statement would be tied to fewer than that many councils")


def _few_councils_sentence(ctx, n: int, candidates: int | None = None) -> str:
    """The report's sentence for :func:`_few_councils_reason`."""
    what = ("No statement is quoted" if candidates is None else
            f"No statement is quoted ({_counted(candidates, 'otherwise suitable statement')} withheld)")
    return (f"{what}: only {_counted(n, 'council')} {_verb(n, 'was')} interviewed after the review, fewer than the "
            f"{ctx.quote_k} councils a quote must be shared by, so any statement, however attributed, would be tied "
            f"to fewer than {ctx.quote_k} councils.")


def _empty_redaction_log() -> pd.DataFrame:
    """The redaction log of a section that quotes nothing."""
    return pd.DataFrame(columns=["unit", "kind", "start", "end", "length", "new_start", "new_end"])


def _confirmed_by_hand(coded: pd.DataFrame, check: pd.DataFrame) -> pd.DataFrame:
    """The codings of ``coded`` that the hand check ``check`` confirms: the same segment coded by people with the
    same code, neither negated nor hedged."""
    from .._frames import flagged as _flagged

    ok = ~(_flagged(check, "negated") | _flagged(check, "hedged"))  # a missing flag is not set, as the analysis reads it
    keys = set(zip(check.loc[ok, "unit"], check.loc[ok, "code"], strict=True))
    return coded[[k in keys for k in zip(coded["unit"], coded["code"], strict=True)]]


# --------------------------------------------------------------------------- the review process
_VALENCE_ORDER = ("helped", "hindered", "mixed", "neutral")


def _process_labels() -> dict[str, str]:
    from ..coding import Codebook

    book = Codebook.load("review_process")
    return dict(zip(book.codes["code_id"], book.codes["label"], strict=True)) | {"general": "The programme in general"}


def _process_totals(ctx) -> pd.DataFrame:
    """Participant-waves after the review raising each factor, by valence (summed over the later waves)."""
    fac = ctx.f.process["factors"]
    fac = fac[fac["wave"].isin(ctx.later)]
    cols = ["n_raised", *[f"n_{v}" for v in _VALENCE_ORDER]]
    out = fac.groupby("code", sort=False, observed=True)[cols].sum().reset_index()
    return out


def _process_quotes(ctx, codes, *, kinds, per_code: int, section: str, codings: pd.DataFrame | None = None):
    """Redacted statements of each code (valence in ``kinds``), one per council, screened by the redaction verdict
    and for an optional review theme named that few councils took (:func:`_themes_tying`; counted as withheld from
    ``section``)."""
    pc = ctx.f.process["codings"] if codings is None else codings
    pc = pc[pc["wave"].isin(ctx.later) & pc["code"].isin(list(codes)) & pc["valence"].isin(list(kinds))]
    pc = pc.dropna(subset=["text"])
    pc = pc[pc["text"].str.len().between(*_QUOTE_CHARS)]
    names = ctx.study.participants["name"].dropna().tolist()
    places = ctx.study.councils["name"].tolist()
    blocks, used, tying = [], set(), set()
    after = _councils_interviewed_after(ctx)
    for code in codes:
        grp = pc[pc["code"] == code].sort_values(["score", "unit"], ascending=[False, True])
        councils = set()
        for r in grp.itertuples():
            norm = " ".join(str(r.text).lower().split())
            if norm in used or r.council_id in councils:
                continue
            red, _ = redact_series(pd.Series([r.text]), names=names, places=places, hash_key=ctx.key)
            if not bool(assess_quotes(red)["publishable"].iloc[0]):
                continue
            if _themes_tying(ctx, red.iloc[0], after):
                tying.add(norm)
                continue
            used.add(norm)
            councils.add(r.council_id)
            blocks.append((code, red.iloc[0], r.valence))
            if len(councils) >= per_code:
                break
    ctx.withheld(section, "quotes", len(tying), "optional_theme_named", _theme_withheld_reason(ctx))
    return blocks


def _process_sections(ctx) -> list[Section]:
    proc = ctx.f.process
    if proc is None:
        return []
    labels = _process_labels()
    fac = _process_totals(ctx)
    rows = []
    for r in fac.to_dict("records"):
        c = r["code"]
        row = {"factor": c, "n_raised": ctx.cell(("proc", c, "raised"))}
        row.update({f"n_{v}": ctx.cell(("proc", c, v)) for v in _VALENCE_ORDER})
        rows.append(row)
    table = pd.DataFrame(rows)
    if not ctx.later:
        # a study of the first wave alone read "What participants said  about the parts of the review ... (a
        # participant interviewed at both waves counts at each)" (truth45)
        return [Section(_PROCESS[0], [Paragraph(
            "This study has no wave after the review, so participants could not yet say what shaped its impact.")]),
            _lessons(ctx, labels)]
    waves = _at_each_later(ctx)
    # the waves the counts are of: "a participant interviewed at both waves" of a study with one wave after the review
    # (truth45)
    each = {1: "Counts are of participants.",
            2: "Counts are of participants at each wave (a participant interviewed at both waves counts at each)."}.get(
        len(ctx.later), "Counts are of participants at each wave (a participant interviewed at several of them counts "
                        "at each).")
    blocks = [Paragraph(
        f"What participants said {waves} about the parts of the review and the factors that shaped its impact (the "
        f"review_process codebook, after NFER 2014), and whether each helped, hindered, both, or neither. {each}")]
    said = fac[fac["n_raised"] > 0]
    if said.empty:
        blocks.append(Paragraph("No participant talked about the review process in the coded interviews."))
        return [Section(_PROCESS[0], blocks), _lessons(ctx, labels)]
    text = (_process_withheld("which factors participants most often said helped or got in the way", valence=True,
                              check=_process_hand_check(ctx))
            if _process_machine_coded(ctx) else _process_sentence(ctx, fac, labels))
    if text:
        blocks.append(Paragraph(text))
    blocks.append(Table("process_factors", table, "Parts of the review and factors that shaped impact, by valence",
                        "n_raised: participants who talked about it, each counted once at each wave after the review "
                        # 'as the summary says' where the summary said nothing of the factors (reader1, the example)
                        + ("at which they did (one who raised it at two such waves counts twice); "
                           if len(ctx.later) > 1 else "at which they did; ")
                        + "n_helped ... n_neutral: of those, whose statements at that wave said it helped, hindered, "
                        "both (mixed) or neither; they add up to n_raised."))
    fig = _process_figure(ctx, fac, labels)
    if fig is not None:
        blocks.append(fig)
    blocks += _by_impact_blocks(ctx, labels)
    br = proc.get("by_realisation")
    # under machine coding the shares said to help rest on the reading of valence, as the test left out above does
    if br is not None and len(br) and not _process_machine_coded(ctx):
        rows = []
        for r in br.to_dict("records"):
            n_key, e_key = ("realisation_group", r["group"]), ("helped_by", r["code"], r["group"])
            ok = ctx.shown(n_key, e_key)
            rows.append({"factor": r["code"], "expectations": r["group"],
                         "n_participants": ctx.cell(n_key), "n_helped": ctx.cell(e_key),
                         "share_helped": r["prevalence"] if ok else SUPPRESSED,
                         "ci_low": r["ci_low"] if ok else SUPPRESSED, "ci_high": r["ci_high"] if ok else SUPPRESSED})
        # 'With few councils these shares describe' was said of 150 councils (seed 46150, truth46): the shares are
        # never tested, whatever the councils; the study is called few only below FEW_UNITS, as the models call it
        few = "With few councils these" if _few_councils(ctx) else "These"
        blocks += [
            Paragraph("Exploratory: among participants interviewed at every wave who expected something of the review, "
                      "the share who said each "
                      "factor helped, for those whose expectations were realised (at least one reported afterwards) and "
                      f"those whose were not. {few} shares describe; they are not tested, and a factor "
                      "named more often by one group need not be why its expectations were met."),
            Table("process_by_realisation", pd.DataFrame(rows), "Factors said to help, by whether expectations were realised",
                  "Intervals allow for participants in one council being alike.",
                  {"share_helped": "pct:0", "CI": CI("ci_low", "ci_high", digits=0, percent=True)}),
        ]
    if _process_machine_coded(ctx):
        # A quote here is filed under a factor and captioned with whether it helped, under the factors raised most
        # often: under machine coding each of those rests on a reading the coder is not known to make well.
        blocks.append(Paragraph(_process_unquoted("statement", "a quote could be filed under the wrong factor or the "
                                                  "wrong side", valence=True, check=_process_hand_check(ctx))))
        return [Section(_PROCESS[0], blocks), _lessons(ctx, labels)]
    # The heading named the five factors with the most participants 'the factors raised most often' whatever the
    # gaps: only those standing out beyond chance are (see :func:`_most_often`); where none does, the quotes are of
    # the five raised by the most participants, under a heading that ranks nothing.
    raised, hidden, _ = _most_often(ctx, {c: ("proc", c, "raised") for c in fac["code"]}, 5)
    top = [c for c, _ in raised] or [
        c for c in fac.sort_values("n_raised", ascending=False, kind="stable")["code"]
        if fac.set_index("code").loc[c, "n_raised"] > 0][:5]
    # a suggestion is quoted under the lessons, not as a factor that helped or hindered
    quotes = _process_quotes(ctx, top, kinds=("helped", "hindered", "mixed"), per_code=1,
                             section="What shaped impact", codings=factor_statements(proc["codings"]))
    behind = _councils_quoted_from(ctx)
    if quotes and behind < ctx.quote_k:
        ctx.withheld("What shaped impact", "quotes", len(quotes), "few_councils_quoted", _few_councils_reason(ctx, behind))
        blocks.append(Paragraph(_few_councils_sentence(ctx, behind, len(quotes))))
    elif quotes:
        blocks.append(Paragraph("What participants said about the factors raised most often"
                                + _of_the_published(hidden, "factors") + " (redacted):" if raised else
                                "What participants said about some of the factors they raised (redacted):"))
        for code, quote, val in quotes:
            blocks.append(Quote(quote, f"{labels.get(code, code)}; {'helped' if val == 'helped' else 'hindered' if val == 'hindered' else 'helped and hindered'}"))
    return [Section(_PROCESS[0], blocks), _lessons(ctx, labels)]


def _by_impact_tested(ctx) -> pd.DataFrame:
    """The factors tested for a link between what participants said of them and the impacts they reported."""
    bi = ctx.f.process.get("by_impact") if ctx.f.process is not None else None
    if bi is None or bi.empty or "tested" not in bi.columns:
        return pd.DataFrame()
    return bi[bi["tested"].astype(bool)]


def _by_impact_linked(ctx, labels) -> list[str]:
    """A sentence for each factor whose valence is associated with the impacts its speakers reported (Holm-adjusted),
    for the section and the summary; none under machine coding (which reads valence no better than chance)."""
    tested = _by_impact_tested(ctx)
    if tested.empty or _process_machine_coded(ctx):
        return []
    out = []
    for r in tested[tested["p_adjusted"] < ctx.alpha].itertuples():
        side = "helped rather than got in the way" if r.odds_ratio > 1 else "got in the way rather than helped"
        p = (f"Holm-adjusted {_p_words(r.p_adjusted, ctx.alpha)} across the {len(tested)} factors tested"
             if len(tested) > 1 else f"{_p_words(r.p_adjusted, ctx.alpha)}, the one factor tested")
        out.append(f"Participants who reported more impacts after the review more often said that "
                   f"{labels.get(r.code, r.code).lower()} {side} (odds ratio {format_ratio(r.odds_ratio)} per impact "
                   f"reported per interview, {_level(ctx.alpha)} CI {format_ci(r.ci_low, r.ci_high, ratio=True)}, {p}).")
    return out


#: The odds ratio per impact reported above which a factor test's detectable odds ratio is said in the summary to leave
#: its "no link found" weak: Cohen's medium standardised difference (d = 0.5) read as an odds ratio by Chinn's
#: conversion, ln OR = d * pi / sqrt(3) (Chinn 2000, Statistics in Medicine 19:3127-3131): 2.48. A design that cannot
#: detect a link of that size with an 80% chance would miss a moderate one, so its silence is no evidence of none.
#: bench/factor_detectable.json: 28.5 at 20 councils, 3.43 at 40, 2.19 at 80 (said from 40 councils down).
MODERATE_FACTOR_ODDS_RATIO = math.exp(0.5 * math.pi / math.sqrt(3))


def _by_impact_power_said(ctx, labels) -> list[str]:
    """The summary's sentence where the factor test found no link for some factor and its detectable odds ratio (for
    the factor measured most precisely, :func:`_by_impact_power`) is at least :data:`MODERATE_FACTOR_ODDS_RATIO`, or
    none reached 80% power: 'no link found' would read as 'no link' (the summary said nothing of the test's power,
    only the section did: truth50). The other factors were measured less precisely, so they could show only stronger
    links still. None under machine coding, where every factor was linked, or without the figure."""
    tested = _by_impact_tested(ctx)
    if tested.empty or _process_machine_coded(ctx) or "detectable_odds_ratio" not in tested.columns:
        return []
    quiet = tested[~(tested["p_adjusted"] < ctx.alpha)]
    known = tested[tested["detectable_odds_ratio"].notna()]
    if quiet.empty or known.empty:
        return []
    ratio = float(known["detectable_odds_ratio"].iloc[0])
    if np.isfinite(ratio) and ratio < MODERATE_FACTOR_ODDS_RATIO:
        return []
    n, m = len(quiet), len(tested)
    which = (f"{labels.get(quiet['code'].iloc[0], quiet['code'].iloc[0]).lower()}, the one factor tested" if m == 1 else
             f"{labels.get(quiet['code'].iloc[0], quiet['code'].iloc[0]).lower()}" if n == 1 else
             f"{'any' if n == m else _say(n)} of the {m} factors tested")
    could = (f"could detect only links of an odds ratio of {format_ratio(ratio)} or more per impact reported per "
             "interview with an 80% chance" if np.isfinite(ratio) else
             "could not detect a link of any odds ratio up to 1,000 per impact reported per interview with an 80% "
             "chance")
    precise = "" if m == 1 or not np.isfinite(ratio) else \
        " (for the factor it measured most precisely; the others only stronger ones)"
    return [f"The test found no link between the impacts participants reported and their saying that {which} helped "
            f"rather than got in the way, but with this study's participants it {could}{precise}, so this is not "
            "evidence that there is none: a moderate link would most likely have been missed."]


def _by_impact_power(tested: pd.DataFrame, labels) -> str:
    """' With this study's participants the test had an 80% chance of finding a relation for written feedback and the
    report, the factor whose relation it measured most precisely, only if ...': how large a relation the factor test could have found, where it found none, from
    ``detectable_odds_ratio`` (:func:`impact.process.factors_by_impact`, the test simulated on the study's own
    participants); '' where the findings hold none (written before truth49). The report said only that no relation
    found is not evidence of none, which left the reader no idea that at 20 councils the test finds an odds ratio of
    about 28 per impact reported 80% of the time (bench/factor_detectable.json)."""
    known = tested[tested["detectable_odds_ratio"].notna()] if "detectable_odds_ratio" in tested.columns else tested[:0]
    if known.empty:
        return ""
    r = known.iloc[0]
    name = labels.get(r["code"], r["code"]).lower()
    who = (f"for {name}, the one factor tested," if len(tested) == 1 else
           f"for {name}, the factor whose relation it measured most precisely,")
    after = "" if len(tested) == 1 else ", after the adjustment across the factors tested"
    ratio = r["detectable_odds_ratio"]
    if not np.isfinite(ratio):
        return (f" With this study's participants the test could not have found one with an 80% chance: {who} no odds "
                f"ratio up to 1,000 per impact reported per interview would have been found that often{after}.")
    # no judgement of the size ('only a strong one'): at 80 councils the figure was 2.19, at 150 it may be near 1
    return (f" With this study's participants the test had an 80% chance of finding a relation {who} only if each "
            f"further impact a participant reported per interview multiplied the odds of saying it helped by "
            f"{format_ratio(ratio)} or more{after} (simulated on this study's participants).")


def _by_impact_blocks(ctx, labels) -> list:
    """Whether what participants said about each factor goes with the impacts they reported: a sentence and the table
    of the test (:func:`impact.process.factors_by_impact`); under machine coding, only a sentence saying why neither
    is given.

    The generator plants that participants who report more impact say more often that monitoring the action plan
    helped; the section counted what was said of each factor and never asked whether it went with the impact its
    speakers reported (audit13)."""
    bi = ctx.f.process.get("by_impact")
    if bi is None or bi.empty:
        return []
    tested = _by_impact_tested(ctx)
    if _process_machine_coded(ctx):
        # No table either: every figure of the models (who said a factor helped, the odds ratios, the p-values) rests
        # on the reading of which side a statement takes, measured no better than calling every statement neutral.
        return [Paragraph(_process_withheld(
            "whether what participants said about each factor is related to the impacts they reported or to whether "
            "their expectations were realised", valence=True,
            why="such a test rests on reading which side each statement takes", what_below=None,
            check=_process_hand_check(ctx)))]
    elif tested.empty:
        text = ("No factor could be tested for whether saying it helped or got in the way goes with the impacts "
                "participants reported: for each, too few participants said it helped, or said it got in the way, "
                "or too few councils raised it.")
    else:
        linked = _by_impact_linked(ctx, labels)
        rest = len(tested) - len(linked)
        if linked:
            text = " ".join(linked)
            if rest:
                text += (f" For the other {_say(rest)} factor{'s' if rest != 1 else ''} tested, what participants said "
                         "was not significantly related to the impacts they reported; this is not evidence that there "
                         "is no relation.")
        else:
            # one factor tested is neither 'any of the one factors' nor adjusted across factors (seed 9501, 5 councils)
            which = (f"for any of the {_say(len(tested))} factors tested (Holm across factors)" if len(tested) > 1
                     else "for the one factor tested")
            text = ("Whether participants said a factor helped or got in the way was not significantly related to the "
                    f"number of impacts they reported, {which}; this is not evidence that there is no relation."
                    + _by_impact_power(tested, labels))
        untested = len(bi) - len(tested)
        if untested:
            text += (f" {_say(untested).capitalize()} factor{'s were' if untested != 1 else ' was'} not tested (too few "
                     "participants on one side, or too few councils; see the table).")
    rows = []
    for r in bi.to_dict("records"):
        ok = ctx.shown(("proc", r["code"], "helped"), ("proc", r["code"], "hindered"))
        # the councils that raised a factor are a count like those of the suggestions table, shown there as 'c' below
        # min_count: 'raised in 4 councils, too few to test' published one (seed 9103, 12 councils, audit14)
        why = r["why_not"]
        if why.startswith("raised in") and 0 < int(r.get("n_councils", 0)) < ctx.min_count:
            why = f"raised in fewer than {ctx.min_count} councils, too few to test"
        rows.append({"factor": r["code"], "n_said": ctx.cell(("proc_impact", r["code"])),
                     "mean_impacts_helped": r["mean_impacts_helped"] if ok else SUPPRESSED,
                     "mean_impacts_hindered": r["mean_impacts_hindered"] if ok else SUPPRESSED,
                     "odds_ratio": r["odds_ratio"], "ci_low": r["ci_low"], "ci_high": r["ci_high"],
                     "p_value": r["p_value"], "p_adjusted": r["p_adjusted"],
                     "tested": "yes" if r["tested"] else why})
    return [
        Paragraph("Does what participants said about a factor go with the impact they reported? For each factor, among "
                  "participants who said only that it helped or only that it got in the way at a wave after the "
                  "review, a penalised (Firth) logistic model of saying it helped on the number of impacts the "
                  "participant reported per interview after the review (and the wave), with councils as clusters. "
                  + text),
        Table("process_by_impact", pd.DataFrame(rows), "Saying a factor helped, by the impacts participants reported",
              "n_said: those who said only that it helped or only that it hindered, once at each wave. "
              "mean_impacts_helped, mean_impacts_hindered: impacts reported per interview after the review by those who said it helped and hindered. Odds ratio "
              "of saying it helped per impact reported, from Firth's penalised logistic model with the wave, the "
              "test's statistic divided by its design effect for participants in one council being alike; p "
              "adjusted across the factors tested (Holm). A relation is not a cause: a council doing well may both "
              "report more and see more of what helped.",
              {"mean_impacts_helped": "num:2", "mean_impacts_hindered": "num:2", "odds_ratio": "ratio:2",
               "CI": CI("ci_low", "ci_high", digits=2, ratio=True), "p_value": "p", "p_adjusted": "p"},
              labels={"n_said": Label("Participants saying only one side", format="int"),
                      "mean_impacts_helped": Label("Mean impacts, said it helped"),
                      "mean_impacts_hindered": Label("Mean impacts, said it hindered"),
                      "tested": Label("Tested")}),
    ]


def _process_machine_coded(ctx) -> bool:
    """Whether the review-process coding is the package's machine coding (not codings supplied by people)."""
    return "process" in ctx.f.coding.get("machine_books", ())


#: How well the machine coder reads the review-process codes and the valence of a statement, measured on real text
#: labelled by people (docs/methods.md, `bench.process_validity`): codes with F1 from 0.46 to 0.95; valence no
#: better than calling every statement neutral.
_READS_CODES = "some of these codes far less accurately than others"
_READS_VALENCE = ("whether a statement says a factor helped or got in the way no better than calling every statement "
                  "neutral")


def _process_unquoted(kind: str, misfiled: str, *, valence: bool, check: str | None = None) -> str:
    """The paragraph that stands where machine-coded review-process statements of ``kind`` would be quoted; ``check``
    is what this study's hand check found of that coding (:func:`_process_hand_check`), if one was supplied."""
    how = f"{_READS_CODES} and {_READS_VALENCE}" if valence else _READS_CODES
    return (f"No {kind} is quoted here: the review-process codes were read by the package's machine coder, which, "
            f"measured against people on real text, reads {how}, so {misfiled}. The {kind}s are in the impact review "
            "export, for checking by hand." + (f" {check}" if check else ""))


def _process_withheld(what: str, *, valence: bool, why: str = "a ranking rests on the coding of every code",
                      what_below: str | None = "The counts", check: str | None = None) -> str:
    """The sentence that stands for a ranking of review-process codes read by the machine coder.

    Measured on real text labelled by people (docs/methods.md, `bench.process_validity`), the coder reads the
    codes with F1 from 0.46 to 0.95, and whether a statement says a factor helped or hindered no better than
    calling every statement neutral; a ranking rests on the coding of every code.
    """
    how = _READS_VALENCE if valence else _READS_CODES
    said = (f"This report does not state {what}: the review-process codes were read by the package's machine coder, "
            f"which, measured against people on real text, reads {how}, and {why}.")
    if what_below is None:  # nothing shown: every figure would rest on the reading
        return (f"{said} The test is left out of this report, since each of its figures rests on that reading; it is "
                "shown where people coded the interviews' review-process statements." + (f" {check}" if check else ""))
    if check:  # a hand check was supplied: what it found, not a request for one (round 22)
        return f"{said} {what_below} are in the table below. {check}"
    return (f"{said} {what_below} are in the table below, unconfirmed until a sample of the codings is checked by "
            "hand (impact review export) or the interviews are coded by people.")


def _process_hand_check(ctx) -> str | None:
    """:func:`_book_hand_check` of the review-process coding."""
    from ..process import PROCESS_CODEBOOK

    return _book_hand_check(ctx, PROCESS_CODEBOOK, "review-process", "which side a statement takes")


def _book_hand_check(ctx, book_id: str, kind: str, unmeasured: str) -> str | None:
    """What this study's hand check found of the machine's coding with codebook ``book_id`` (its ``kind`` codes, in
    words): the range of Cohen's kappa over its codes, from the coding reliability section; that the check holds none
    of them; or None where no hand check was supplied. The check measures whether a segment holds each code, not
    ``unmeasured``. (The second coding's review-process codes were compared with the impacts coding, which cannot hold
    them, and left out of the report, whose process section asked for a hand check beside one that coded those
    statements: round 22.)"""
    if not _hand_checked(ctx):
        return None
    r = ctx.f.reliability
    k = (r[(r["codebook"] == book_id) & (r["metric"] == "cohen_kappa") & r["value"].notna()]
         if r is not None and "codebook" in r.columns else pd.DataFrame(columns=["value"]))
    if k.empty:
        return (f"The hand check supplied with this run holds no {kind} code, so it does not measure this coding: "
                f"check a sample of the {kind} codings by hand (impact review export) before relying on them.")
    v = k["value"].astype(float)
    low = int((v < CHECKED_KAPPA).sum())
    span = (f"Cohen's kappa of {_against(v.iloc[0], CHECKED_KAPPA)}" if len(v) == 1 else
            f"Cohen's kappa from {_against(v.min(), CHECKED_KAPPA)} to {_against(v.max(), CHECKED_KAPPA)}")
    return (f"The hand check of the coding in this study gives {span} between the coder and people on the "
            f"{_say(len(v))} {kind} code{'' if len(v) == 1 else 's'} either coded in the segments checked "
            f"({_count_words(low, len(v))} below {CHECKED_KAPPA:.2f}; see the coding reliability section); it "
            f"measures whether a segment holds a code, not {unmeasured}.")


def _most_often(ctx, keys: dict[str, tuple], k: int) -> tuple[list[tuple[str, int]], int, tuple[int, int] | None]:
    """The codes with the largest published counts (``k`` of them, or as many as stand out beyond chance, see
    :func:`_leaders`; none where none does), with every code tied with the last of them; how many counts are
    suppressed; and the smallest and largest published count (None where none is above 0).

    ``keys`` maps each code, in report order, to its count's ledger key.  Also returns how many of the counts are
    suppressed: a ranking drawn from the published counts says nothing of those (one may be larger), so a sentence
    naming the codes most often raised must say it ranks only the published ones.
    """
    shown = {c: key for c, key in keys.items() if not ctx.ledger.hidden(key)}
    hidden = len(keys) - len(shown)
    published = [(int(ctx.ledger.value(key)), c) for c, key in shown.items()]
    ranked = sorted(published, key=lambda t: -t[0])  # stable: ties in report order
    if not ranked or ranked[0][0] <= 0:
        return [], hidden, None
    # named only where they stand out beyond chance from the rest (see :func:`_leaders`); the counts are of the same
    # participants, so of the same exposure
    named = ranked[:_leaders([(n, None) for n, _ in ranked], k, ctx.alpha)]
    return [(c, n) for n, c in named], hidden, (ranked[-1][0], ranked[0][0])


def _none_stands_out(lo, hi, unit: str = "", hidden: int = 0, what: str = "", one: str = "") -> str:
    """'(from 3 to 21 participants each, none above the next beyond what chance gives)', and where ``hidden`` counts
    of ``what`` are suppressed, ', among the factors whose counts are published; 2 more are suppressed' before the
    ')'.

    It read '; of the factors whose counts are published, 14 are suppressed' (seed 9802, 9 councils): published
    counts said to be suppressed, where the 14 are the counts not published.
    """
    # all alike (or one published): 'from 9 to 9, none above the next' said nothing
    span = f"{lo}{unit}" if lo == hi else f"from {lo} to {hi}{unit}, none above the next beyond what chance gives"
    if one:
        # one count published (``one`` names what it counts): '(5 participants each, ...; 14 more are suppressed)' of
        # a single factor read as several alike (seed 30058, 5 councils: impact evidence alone published, 14 'c')
        span = f"only one {one}'s count is published, {lo}{unit.removesuffix(' each')}"
    if hidden and one:
        span += f"; {_say(hidden)} more {'is' if hidden == 1 else 'are'} suppressed"
    elif hidden:
        span += (f", among the {what} whose counts are published; {_say(hidden)} more "
                 f"{'is' if hidden == 1 else 'are'} suppressed")
    return f"({span})"


def _of_the_published(hidden: int, what: str) -> str:
    """' (of the factors whose counts are published; 2 are suppressed)', or '' when none is."""
    if not hidden:
        return ""
    return f" (of the {what} whose counts are published; {_say(hidden)} {'is' if hidden == 1 else 'are'} suppressed)"


def _process_sentence(ctx, fac: pd.DataFrame, labels) -> str | None:
    """The balance of what participants said helped and hindered, then the factors most often said to each, computed
    from the published counts, the more frequent valence first.

    Every factor tied with the last one named is named too, and where a factor's count is suppressed the sentence
    says it ranks only the published counts (a suppressed count can be the largest), and states no balance: the
    published counts alone can put it the wrong way round. A sentence naming what most often helped before what most
    often hindered, where 85% of what was said hindered, read as a review that mostly helped (audit12).
    """
    verbs = {"helped": "helped", "hindered": "got in the way"}
    parts, totals, any_hidden = {}, {}, False
    for v, verb in verbs.items():
        keys = {c: ("proc", c, v) for c in fac["code"]}
        top, hidden, span = _most_often(ctx, keys, 2)
        any_hidden |= hidden > 0
        totals[v] = sum(int(ctx.ledger.value(k)) for k in keys.values() if not ctx.ledger.hidden(k))
        if top:
            names = _listed([f"{labels.get(c, c).lower()} ({n})" for c, n in top])
            parts[v] = f"most often said that {names} {verb}" + _of_the_published(hidden, "factors")
        elif span:
            parts[v] = (f"named no factor that stood out as most often said to have {verb} "
                        + _none_stands_out(*span, " participants each", hidden, "factors",
                                           "factor" if len(keys) - hidden == 1 else ""))
    if not parts:
        return None
    helped, hindered = totals["helped"], totals["hindered"]
    order = ("hindered", "helped") if not any_hidden and hindered > helped else ("helped", "hindered")
    said = "; they ".join(parts[v] for v in order if v in parts)
    if any_hidden or helped + hindered == 0:
        # what the counts count is a clause of its own: as an aside it made a second one in a row ('(5 participants
        # each, ...; 14 more are suppressed) (participants at each wave)', seed 30058, 5 councils)
        return ("After the review, participants " + said + "; each participant is counted once for each factor at "
                "each wave.")
    from scipy.stats import binomtest

    if helped == hindered:
        balance = f"as often said a factor helped as that one got in the way ({helped} each"
    elif binomtest(helped, helped + hindered).pvalue >= ctx.alpha:
        # 236 against 234 read as 'more often said a factor helped': no difference beyond chance (sign test)
        balance = (f"about as often said a factor helped as that one got in the way ({helped} against {hindered}, a "
                   "difference within what chance gives")
    else:
        more, less = ("got in the way", "helped") if hindered > helped else ("helped", "got in the way")
        balance = (f"more often said a factor {more} than that one {less} ({max(helped, hindered)} against "
                   f"{min(helped, hindered)}")
    return ("After the review, participants " + balance + ", each participant counted once for each factor at each "
            "wave); they " + said + ".")


def _process_figure(ctx, fac: pd.DataFrame, labels) -> Figure | None:
    """Diverging bars: participants saying each factor helped (right) or hindered (left), from published counts."""
    data = [(labels.get(c, c), ctx.cell(("proc", c, "helped")), ctx.cell(("proc", c, "hindered"))) for c in fac["code"]]
    if not any(isinstance(h, int) and h > 0 or isinstance(k, int) and k > 0 for _, h, k in data):
        return None
    min_count = ctx.min_count

    def draw() -> _MplFigure:  # when the figure is first read (Figure.fig), from the counts read now
        fig, ax = _subplots(figsize=(8, 0.42 * len(data) + 1.2))
        top = max([v for _, h, k in data for v in (h, k) if isinstance(v, int)] + [min_count])
        for i, (_name, helped, hindered) in enumerate(data):
            for value, sign, colour in ((helped, 1, "#4C72B0"), (hindered, -1, "#C44E52")):
                if value == SUPPRESSED:
                    ax.barh(i, sign * min_count, color="none", edgecolor="#BBBBBB", hatch="///", linewidth=0.5)
                    # 9 pt, as the axis labels: at 8 pt the figure's printed size (82%) left its labels at 6.6 pt
                    _value_label(ax, sign * min_count, i, SUPPRESSED, side=sign, fontsize=9, color="#555555")
                elif isinstance(value, int):
                    # a zero has no bar but keeps its label, so 0 is not read as missing or suppressed
                    if value:
                        ax.barh(i, sign * value, color=colour)
                    _value_label(ax, sign * value, i, str(value), side=sign, fontsize=9)
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_yticks(range(len(data)), [d[0] for d in data])
        ax.invert_yaxis()
        ax.set_xlim(-top * 1.25, top * 1.25)
        ax.set_xticks([])
        ax.set_xlabel("Participants who said it hindered (left) or helped (right)")
        fig.tight_layout()
        _fit_labels(ax)
        return fig

    return Figure("process_factors", draw, "What helped and what hindered",
                  "Horizontal bars for each part of the review and factor: to the right, the participants who said it "
                  "helped; to the left, those who said it hindered; counts that are suppressed are drawn as hatched "
                  "outlines marked c.")


def _labels_listed(labels: list[str]) -> str:
    """Labels in a sentence, in lower case (acronyms and names kept) and not quoted, as the report gives labels
    mid-sentence; separated by semicolons where one has a comma or an 'and' of its own, which would read as the list's
    ("vision, strategy and leadership; working together and the LSCB; and managing resources").

    Examples
    --------
    >>> _labels_listed(["Outcomes", "Commissioning"]), _labels_listed(["Outcomes"])
    ('outcomes and commissioning', 'outcomes')
    >>> _labels_listed(["Vision, strategy and leadership", "Working together and the LSCB", "Managing resources"])
    'vision, strategy and leadership; working together and the LSCB; and managing resources'
    """
    return _listed(_lower_first(label) for label in labels)


def _lessons(ctx, labels) -> Section:
    proc = ctx.f.process
    rec = proc.get("recommendations")
    # the code by its label in words mid-sentence, not in quotes and Title Case; and not after the codebook's title,
    # whose own commas read as a list beside it ("(the review process, what shaped impact, and lessons for the
    # programme codebook's code \u201cSuggestions and recommendations for the programme\u201d)", report truth round 28)
    blocks = [Paragraph("Suggestions participants made for how reviews or the programme should be run (the statements "
                        f"coded {_lower_first(labels.get('recommendation', 'recommendation'))}, a code of "
                        f"{_the_codebook(ctx, 'review_process')}), grouped by the part of the review or factor they "
                        "concern.")]
    if not ctx.later:
        # a study of the first wave alone showed a table of "Participants and councils making at least one suggestion
        # about it after the review" (its suggestions made before the review, truth48)
        blocks.append(Paragraph("This study has no wave after the review, so no suggestion made after it is counted."))
        return Section(_PROCESS[1], blocks)
    if rec is None or rec.empty:
        blocks.append(Paragraph("No participant made a suggestion for the programme in the coded interviews."))
        return Section(_PROCESS[1], blocks)
    blocks += _suggestions_by_wave(ctx)
    rows = [{"concerning": r["code"], "n_participants": ctx.cell(("rec_people", r["code"])),
             "n_councils": ctx.cell(("rec_councils", r["code"]))} for r in rec.to_dict("records")]
    ordered = rec.sort_values("n_participants", ascending=False)
    top, hidden, span = _most_often(ctx, {c: ("rec_people", c) for c in rec["code"]}, 3)
    if span and _process_machine_coded(ctx):
        blocks.append(Paragraph(_process_withheld("which parts of the review the suggestions of the most "
                                                  "participants concerned", valence=False,
                                                  check=_process_hand_check(ctx))))
    elif top:
        blocks.append(Paragraph("The suggestions made by the most participants concerned "
                                + _listed([f"{labels.get(c, c).lower()} ({n} participants)" for c, n in top])
                                + _of_the_published(hidden, "parts of the review") + "."))
    elif span:
        blocks.append(Paragraph("No part of the review stood out as the concern of the suggestions of the most "
                                "participants " + _none_stands_out(
                                    *span, " participants each", hidden, "parts of the review",
                                    "part of the review" if len(rec) - hidden == 1 else "") + "."))
    blocks.append(Table("recommendations", pd.DataFrame(rows), "Suggestions for the programme, by what they concern",
                        "Participants and councils making at least one suggestion about it after the review.",
                        labels={"n_participants": Label("Participants making a suggestion", format="int"),
                                "n_councils": Label("Councils", format="int")}))
    if _process_machine_coded(ctx):
        # A suggestion quoted here is captioned with the part of the review it concerns: under machine coding that
        # rests on the reading of each code, some of which the coder makes far less well than others.
        blocks.append(Paragraph(_process_unquoted("suggestion", "a suggestion could be filed under the wrong part of "
                                                  "the review", valence=False,
                                                  check=_process_hand_check(ctx))))
        return Section(_PROCESS[1], blocks)
    # the factor codings of the suggestions' own statements: a span coding's unit is its interview, so matching
    # units quoted any statement about the factor in an interview that held a suggestion (seed 7011: "The written
    # report took nearly three months to arrive." under the lessons, beside the suggestion it was not)
    pc = proc["codings"]
    own = pc[_of_suggestions(pc) & (pc["code"] != "recommendation")]
    codes = [c for c in ordered["code"] if c != "general"][:6]
    sub_codes = [c for c in codes if c in set(own["code"])]
    if sub_codes:
        quotes = _process_quotes(ctx, sub_codes, kinds=("helped", "hindered", "mixed", "neutral"), per_code=1,
                                 section="Lessons for the programme", codings=own)
        behind = _councils_quoted_from(ctx)
        if quotes and behind < ctx.quote_k:
            ctx.withheld("Lessons for the programme", "quotes", len(quotes), "few_councils_quoted", _few_councils_reason(ctx, behind))
            blocks.append(Paragraph(_few_councils_sentence(ctx, behind, len(quotes))))
            quotes = []
        for code, quote, _ in quotes:
            blocks.append(Quote(quote, labels.get(code, code)))
    return Section(_PROCESS[1], blocks)


def _suggestions_by_wave(ctx) -> list:
    """The share of participants making a suggestion at each wave after the review: a sentence (from the published
    counts; withheld under machine coding) and a table. The section gave suggestions by what they concern, pooled
    over the waves, and never said how many participants made one at each wave (audit13)."""
    sw = ctx.f.process.get("suggestions_by_wave")
    if sw is None or sw.empty:
        return []
    rows, said, hidden = [], [], []
    for r in sw.to_dict("records"):
        n_key, k_key = ("rec_wave_n", r["wave"]), ("rec_wave", r["wave"])
        ok = ctx.shown(n_key, k_key)
        rows.append({"wave": r["wave"], "n_participants": ctx.cell(n_key), "n_suggesting": ctx.cell(k_key),
                     "share": r["share"] if ok else SUPPRESSED})
        if ok and r["n_participants"]:
            said.append(f"at {ctx.short_wave(r['wave']).lower()} {int(r['n_suggesting'])} of "
                        f"{int(r['n_participants'])} participants ({_pct(r['share'])})")
        elif not ok:
            hidden.append(ctx.short_wave(r["wave"]).lower())
    out = []
    if _process_machine_coded(ctx):
        out.append(Paragraph(_process_withheld("how many participants made a suggestion at each wave", valence=False,
                                               why="a share rests on the reading of one code, "
                                                   + _lower_first(_process_labels().get("recommendation",
                                                                                        "recommendation")),
                                               what_below="The counts", check=_process_hand_check(ctx))))
    elif said:
        # the unpublished waves are a sentence of their own: an aside after the last wave's share read as about it
        # alone, and as a second bracket after its percentage ('(32%) (the counts at early impact are not published)')
        out.append(Paragraph("Participants making at least one suggestion for the programme: " + _listed(said) + "."
                             + (f" The counts at {_listed(hidden)} are not published." if hidden else "")))
    out.append(Table("suggestions_by_wave", pd.DataFrame(rows), "Participants making a suggestion, by wave",
                     "Participants with a coded interview at the wave, and those of them who made at least one "
                     "suggestion for the programme.",
                     {"share": "pct:0"},
                     labels={"n_participants": Label("Participants interviewed", format="int"),
                             "n_suggesting": Label("Participants making a suggestion", format="int"),
                             "share": Label("Share making a suggestion")}))
    return out


# --------------------------------------------------------------------------- reliability and methods
def _reliability(ctx) -> Section | None:
    """Agreement with a second coding, when one was supplied (else the methods say so)."""
    r = ctx.f.reliability
    if r is None or r.empty:
        return None
    shown = r.copy()
    other, more = [], shown.iloc[:0]  # more: the rows of the other codebooks' codes (none without a code column)
    if "code" in shown.columns:
        # Agreement on a code the analysed codebook does not have (a review-process code in the second coding of an
        # impacts coding) compares people with nothing: the coding analysed cannot hold it, so its "kappa 0.00"
        # says nothing of the coder. Only the codebook's codes are shown.
        ours = set(ctx.f.codebook.codes["code_id"])
        # the second coding's codes of the other codebooks analysed, each compared with that codebook's coding
        # (impact.pipeline._book_reliability); a code of no codebook analysed is compared with nothing
        more = (shown[shown["codebook"] != ctx.f.codebook.id] if "codebook" in shown.columns else shown.iloc[:0])
        shown = shown[shown["code"].isin(ours)]
        if "codebook" in shown.columns:
            shown = shown[shown["codebook"] == ctx.f.codebook.id].drop(columns="codebook")
        other = sorted(set(ctx.f.hand_check["code"]) - ours - set(more["code"])) if ctx.f.hand_check is not None else []
        if shown.empty:
            return None
        # in the codebook's order, as every other table of codes (agreement was computed in the codes' sorted order)
        rank = {c: i for i, c in enumerate(ctx.f.codebook.codes["code_id"])}
        shown = shown.iloc[np.argsort(shown["code"].map(rank).to_numpy(), kind="stable")]
        shown.insert(0, "impact", shown.pop("code").map(ctx.code))
    shown = _interval_words(shown)
    once, compared = _compared_once(shown)
    blocks = [
        Paragraph(f"Agreement between the coding analysed and the second coding supplied, per {ctx.one}, at segment level: "
                  "every segment the second coding checked (all of each interview it codes, or the segments of a "
                  "review workbook's decisions) is compared, and a segment a coder did not code counts as the code "
                  "being absent; negated codes count as absent." + compared
                  + (f" The second coding also holds {_say(len(other))} code{'' if len(other) == 1 else 's'} that the "
                     f"{ctx.redacted(ctx.f.codebook.title or ctx.f.codebook.id)} codebook does not have "
                     f"({', '.join(map(ctx.redacted_id, other))}) and that no codebook coded in this run has, so no "
                     "coding analysed can hold them; they are left out." if other else "")),
        # agreement is per segment: n_units counts the segments compared, not councils
        Table("reliability", shown, f"Intercoder agreement per {ctx.one}", _one_sided_note(ctx, shown),
              {"CI": CI("ci_low", "ci_high")},
              labels={"n_units": Label("Segments compared", description="Segments checked by the second coding.",
                                       format="int")}, csv_only=once),
    ]
    blocks += _other_books_reliability(ctx, more)
    # the tables within status groups and waves compare the impacts coding alone: a caption that did not say so read as
    # covering every code the hand check holds (round 23)
    kappas = _kappas_by_status(ctx)
    if kappas and ctx.f.coding.get("source") == "machine":
        rbs = ctx.within("reliability_by_status")
        n = rbs.drop_duplicates("status_group").set_index("status_group")["n_segments"]
        blocks.append(Paragraph(
            f"Cohen's kappa within each status group ({int(n.get('intervention', 0))} checked segments in councils in "
            f"intervention, {int(n.get('no_intervention', 0))} in the others) is in the next table. "
            + _finding_rule(ctx, "difference by status", "in both groups", _doubtful_by_status(ctx, _weak_codes(ctx)))))
        rows = _kappa_rows(ctx, rbs[rbs["code"].isin([c for c in ctx.codes if c in kappas])], "status_group",
                           ["intervention", "no_intervention"])
        blocks.append(Table("reliability_by_status", rows, "Agreement with the hand check within each status group"
                            + _within_only(ctx, more, "status group")[0],
                            f"Cohen's kappa between the machine coder and the second coding on the checked segments "
                            f"of councils in each status group at the time of the interview. A machine-coded "
                            f"difference by status is stated only where kappa is at least {CHECKED_KAPPA:.2f} in both "
                            f"groups." + _no_width_note(rows, "group") + _within_only(ctx, more, "status group")[1],
                            {"CI": CI("ci_low", "ci_high")}, key_columns=2,
                            labels=_kappa_labels("group")))
    blocks += _other_books_within(ctx, "reliability_by_status", "status_group", ["intervention", "no_intervention"],
                                  "within each status group", "group")
    rbw = ctx.within("reliability_by_wave")
    if rbw is not None and len(rbw) and ctx.f.coding.get("source") == "machine":
        # a coder that reads one wave's talk differently from another's makes a change across the waves by itself
        blocks.append(Paragraph(
            "Cohen's kappa within each wave is in the next table. "
            + _finding_rule(ctx, "change across the waves", "at every wave", _doubtful_over_waves(ctx, _weak_codes(ctx)))))
        rows = _kappa_rows(ctx, rbw[rbw["code"].isin(ctx.codes)], "wave", ctx.waves)
        blocks.append(Table("reliability_by_wave", rows.assign(wave=rows["wave"].map(ctx.wave)),
                            "Agreement with the hand check at each wave" + _within_only(ctx, more, "wave")[0],
                            "Cohen's kappa between the machine coder and the second coding on the checked segments of "
                            f"each wave. A machine-coded change across the waves is stated only where kappa is at "
                            f"least {CHECKED_KAPPA:.2f} at every wave." + _no_width_note(rows, "wave")
                            + _within_only(ctx, more, "wave")[1],
                            {"CI": CI("ci_low", "ci_high")}, key_columns=2,
                            labels=_kappa_labels("wave")))
    blocks += _other_books_within(ctx, "reliability_by_wave", "wave", ctx.waves, "at each wave", "wave")
    return Section("Coding reliability", blocks)


def _within_only(ctx, more: pd.DataFrame, where: str) -> tuple[str, str]:
    """What the table of kappas within each ``where`` ("status group", "wave") covers, where the hand check also
    holds codes of other codebooks analysed (``more``: their rows of the reliability table): a qualifier for the
    caption (", impacts only") and a sentence for the note; ``("", "")`` where it holds none.

    Each other codebook's codes are compared within each ``where`` too, with that codebook's coding, in a table of
    their own after this one (:func:`_other_books_within`); the note says so. Findings that compared the impacts alone
    (made before the within tables had a ``codebook`` column) leave them out, and the note says that instead."""
    if more.empty or "codebook" not in more.columns:
        return "", ""
    books = [str(b) for b in dict.fromkeys(more["codebook"])]
    name = "reliability_by_status" if where == "status group" else "reliability_by_wave"
    theirs = ctx.within(name, ours=False)
    within = [b for b in books if theirs is not None and (theirs["codebook"] == b).any()]
    left = [b for b in books if b not in within]
    said = ""
    if within:
        said += (f" The hand check's codes of {_listed([_the_codebook(ctx, b) for b in within])} are "
                 f"compared within each {where} with {'that codebook' if len(within) == 1 else 'each codebook'}'s "
                 f"coding in the table{'' if len(within) == 1 else 's'} after this one.")
    if left:
        said += (f" The hand check's codes of {_listed([_the_codebook(ctx, b) for b in left])} are not "
                 f"compared within each {where}: their agreement over all the segments checked is in the "
                 f"table{'' if len(left) == 1 else 's'} of {'that codebook' if len(left) == 1 else 'those codebooks'} "
                 "above.")
    return f", {ctx.many} only", said


def _book_labels(book_id) -> tuple[dict, dict]:
    """``(label, place)`` of each code of the codebook ``book_id``: its label and its place in the codebook; both
    empty where the codebook cannot be loaded (they are cosmetic)."""
    from ..coding import Codebook

    try:
        book = Codebook.load(str(book_id))
    except Exception:  # noqa: BLE001 - labels and order are cosmetic
        return {}, {}
    return (dict(zip(book.codes["code_id"], book.codes["label"], strict=True)),
            {c: i for i, c in enumerate(book.codes["code_id"])})


def _the_codebook(ctx, book_id) -> str:
    """'the <title> codebook': a codebook by its title, as the provenance names it (the vocabulary's ``codebook``
    values), its own leading article dropped ('the The review process ...'). The agreement tables of the codebooks
    other than the impacts one named each by its identifier put into words ('the review process codebook', report
    truth round 25); one without a title, or that cannot be loaded, is still named so."""
    title = re.sub(r"^(?:the|The)\s+", "", str(ctx.vocabulary.provenance_value("codebook", str(book_id))))
    return f"the {title} codebook"


def _other_books_within(ctx, name: str, column: str, levels: list[str], where: str, noun: str) -> list:
    """A table per other codebook the hand check holds codes of: Cohen's kappa of each of its codes within each level
    of ``column`` (a status group, a wave), against that codebook's coding (``ctx.within(name, ours=False)``).

    Round 23 said the tables within groups and waves covered the impacts only; the review-process and review-theme
    codes of the check are now compared there too, each only with the codes of its own codebook. As the impacts', a
    codebook's table is given where a coder may err differently by group or wave: where its coding is the package's
    machine coder's, or the impacts' is (their tables then name it)."""
    theirs = ctx.within(name, ours=False)
    if theirs is None or theirs.empty:
        return []
    out = []
    for book_id, rows in theirs.groupby("codebook", sort=False, observed=True):
        machine = str(book_id) in ctx.f.coding.get("machine_coded", {})
        if not machine and ctx.f.coding.get("source") != "machine":
            continue
        labels, order = _book_labels(book_id)
        table = _kappa_rows(ctx, rows.drop(columns="codebook"), column, levels,
                            codes=sorted(set(rows["code"]), key=lambda c: (order.get(c, len(order)), c)))
        table = table.rename(columns={"impact": "code"})
        table["code"] = [labels.get(c, c) for c in table["code"]]
        if column == "wave":
            table = table.assign(wave=table["wave"].map(ctx.wave))
        who = "the package's machine coder" if machine else "the codings supplied"
        # a level no checked segment is in has no row: said, not left for the reader to notice (seed 9974: every
        # checked council out of intervention)
        absent = [lv for lv in levels if lv not in set(rows[column])]
        place = {"intervention": "in councils in intervention", "no_intervention": "in councils not in intervention"}
        none = (f" No segment checked is {_listed([place.get(lv, f'at {ctx.wave(lv).lower()}') for lv in absent], 'or')}"
                ", so there is no row for it." if absent else "")
        book = _the_codebook(ctx, book_id)
        out.append(Table(f"{name}_{book_id}", table, f"Agreement with the hand check {where}, codes of {book}",
                         f"Cohen's kappa, for each code of {book}, between {who} and the second coding "
                         "on the checked segments " + ("of councils in each status group at the time of the interview."
                                                       if column == "status_group" else "of each wave.")
                         + none + _no_width_note(table, noun, "code"), {"CI": CI("ci_low", "ci_high")}, key_columns=2,
                         labels={"code": Label("Code", format="text"), **_kappa_labels(noun)}))
    return out


def _other_books_reliability(ctx, more: pd.DataFrame) -> list:
    """Cohen's kappa of the second coding's codes of each codebook analysed besides the impacts (the review process,
    the review themes), each against the coding of its own codebook: a paragraph and a table per codebook. These
    codes were compared with the impacts coding, which cannot hold them, and left out, so the review-process
    coding's agreement with people was never given (report truth round 22)."""
    out = []
    if more.empty:  # no other codebook's code in the check, or findings of an earlier version (no codebook column)
        return out
    for book_id, rows in more.groupby("codebook", sort=False, observed=True):
        labels, order = _book_labels(book_id)
        k = rows[rows["metric"] == "cohen_kappa"]
        k = k.iloc[np.argsort([order.get(c, len(order)) for c in k["code"]], kind="stable")]
        machine = any(b == book_id for b in ctx.f.coding.get("machine_coded", {}))
        who = "the package's machine coder" if machine else "the codings supplied"
        undefined = k[k["value"].isna()]
        table = pd.DataFrame({"code": [labels.get(c, c) for c in k["code"]], "cohen_kappa": k["value"].to_numpy(),
                              "ci_low": k["ci_low"].to_numpy(), "ci_high": k["ci_high"].to_numpy(),
                              "meets_line": np.where(k["value"].isna(), "", np.where(k["value"] >= CHECKED_KAPPA,
                                                                                     "yes", "no")),
                              "n_units": k["n_units"].to_numpy()})
        once, compared = _compared_once(table)
        out.append(Paragraph(
            f"The second coding also codes the segments it checked with {_the_codebook(ctx, book_id)}: Cohen's kappa "
            "between "
            f"it and {who} for each of its codes is in the next table, compared in the same way." + compared
            + (f" {_say(len(undefined)).capitalize()} code{'' if len(undefined) == 1 else 's'} neither coding holds "
               "in any segment checked ha" + ("s" if len(undefined) == 1 else "ve") + " no kappa." if len(undefined)
               else "")))
        out.append(Table(f"reliability_{book_id}", table, f"Intercoder agreement per code of {_the_codebook(ctx, book_id)}",
                         f"Cohen's kappa between {who} and the second coding on the segments it checked."
                         + _no_width_note(table, "check", "code"), {"CI": CI("ci_low", "ci_high")},
                         labels={"code": Label("Code", format="text"), **_kappa_labels("check")}, csv_only=once))
    return out


def _one_sided_counts(ctx) -> pd.DataFrame:
    """Per code, the segments the second coding checked (``n_units``) and how many of them the coding analysed
    (``n_analysed``) and the second coding (``n_second``) hold it in, negated codings counting as absent, as
    :func:`impact.coding.evaluate.coder_reliability` compares them."""
    from ..coding.evaluate import checked_units, positive_codes

    units = set(checked_units(ctx.f.hand_check, ctx.f.segments))

    def held(c: pd.DataFrame) -> pd.Series:
        c = positive_codes(c)  # negated codings dropped, a missing flag counting as not negated
        return c[c["unit"].isin(units)]["code"].value_counts()

    codes = list(ctx.codes)
    return pd.DataFrame({"n_units": len(units), "n_analysed": held(ctx.f.coded).reindex(codes, fill_value=0),
                         "n_second": held(ctx.f.hand_check).reindex(codes, fill_value=0)}).rename_axis("code")


#: The report's words for the ``method`` of an agreement result without an interval, by its ``interval`` field
#: (:data:`impact.agreement.INTERVALS`). The library's own words name the coder that kept to one category, and a second
#: coding's coder column holds people's names or initials: the report says which coding, as the note does.
_NO_INTERVAL_WORDS = {
    "none_one_category": ("no interval: one of the two codings holds it in no segment compared, so kappa is 0 whatever "
                          "the other coded and no standard error measures its precision"),
    "none_perfect": ("no interval: the two codings agree on every segment compared, so agreement is perfect and no "
                     "interval could be estimated (its standard error is 0)"),
    "none_one_pattern": ("no interval: every segment compared was coded alike by the two codings (they differ, or "
                         "agree, in the same way in each), so no interval could be estimated (its standard error is 0)"),
}


def _interval_words(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (rows of :func:`impact.agreement.agreement_table`) with the ``method`` of each result without an
    interval in the report's words, read from its ``interval`` field, and the fields for programs (``interval``,
    ``interval_coder``) dropped. The report rewrote the library's words with a pattern on their text (round 23)."""
    if "interval" not in table.columns:
        return table
    out = table.drop(columns=[c for c in ("interval", "interval_coder") if c in table.columns])
    if "method" in out.columns:
        words = table["interval"].map(_NO_INTERVAL_WORDS)
        out["method"] = words.where(words.notna(), table["method"])
    return out


def _one_sided_note(ctx, shown: pd.DataFrame) -> str:
    """What a kappa with an interval of no width measures: where one coding holds an impact in none of the segments
    compared, Cohen's kappa is 0 whatever the other holds, and its large-sample standard error is 0, so the table
    read '0.00 (0.00 to 0.00)' for morale beside 5 segments people coded with it and none the coder did (seed 9901,
    7 councils, run with any ``parts``); where the two codings agree on every segment, kappa is 1, again with no
    interval. Neither is a precise measure; the note says which it is, with the counts. Where neither coding holds an
    impact in any segment compared, kappa and Krippendorff's alpha are undefined (``nan``: there is no variation to
    agree on) and the note says so, beside the percentage agreement of 1 that is agreement on its absence alone."""
    if ctx.f.hand_check is None or "metric" not in shown.columns or ctx.f.segments is None or ctx.f.segments.empty:
        return ""
    kappa = shown["metric"] == "cohen_kappa"
    k = shown[kappa & _no_interval(shown["value"], shown["ci_low"], shown["ci_high"])]
    nowhere = shown[kappa & shown["value"].isna()]
    if k.empty and nowhere.empty:
        return ""
    counts = _one_sided_counts(ctx)
    label = {ctx.code(c): c for c in ctx.codes}
    said = []
    for r in k.itertuples():
        c = label.get(r.impact)
        if c is None:
            continue
        a, b, n = (int(counts.loc[c, x]) for x in ("n_analysed", "n_second", "n_units"))
        who = {"analysed": "the coding analysed", "second": "the second coding"}
        if a == 0 or b == 0:
            none, some, m = ("analysed", "second", b) if a == 0 else ("second", "analysed", a)
            said.append(f"{who[none]} holds {ctx.code(c).lower()} in none of the {n:,} segments compared and "
                        f"{who[some]} in {m:,}, so its kappa is 0, whatever the other coding holds, and no interval "
                        "is given (its large-sample standard error is 0)")
        elif r.value >= 1:
            said.append(f"the two codings agree on {ctx.code(c).lower()} in every one of the {n:,} segments "
                        f"compared ({a:,} holding it): agreement is perfect, and no interval could be estimated (its "
                        "large-sample standard error is 0)")
    out = (f"A kappa without an interval, or with an interval of no width, is no measure of precision: "
           f"{'; '.join(said)}." if said else "")
    empty = [ctx.code(label[r.impact]).lower() for r in nowhere.itertuples() if r.impact in label
             and counts.loc[label[r.impact], ["n_analysed", "n_second"]].sum() == 0]
    if empty:
        n = int(counts["n_units"].iloc[0])
        out += (" " if out else "") + (
            f"Neither coding holds {_listed(empty)} in any of the {n:,} segments compared, so there is nothing but "
            f"{'its' if len(empty) == 1 else 'their'} absence to agree on: Cohen's kappa and Krippendorff's alpha are "
            f"undefined (shown as {MISSING}, not a number) and the percentage agreement of 1.00 is agreement on "
            f"{'its' if len(empty) == 1 else 'their'} absence alone.")
    return out


def _finding_rule(ctx, what: str, where: str, doubtful: list[str]) -> str:
    """The rule under which a machine-coded ``what`` is a finding, and the impacts it leaves stated."""
    stated = [ctx.code(c).lower() for c in ctx.codes if c not in set(doubtful)]
    return (f"A machine-coded {what} is stated as a finding only for {ctx.codes_as('an impact')} the coder reads with F1 of at least "
            f"{_WEAK_F1:.2f} on real text and whose kappa is at least {CHECKED_KAPPA:.2f} {where}: here "
            + (f"{_listed(stated)}." if stated else "none."))


def _kappa_rows(ctx, r: pd.DataFrame, column: str, levels: list[str], codes=None) -> pd.DataFrame:
    """The hand check's kappas within each level of ``column`` (impacts in report order, or ``codes``'s, levels in
    ``levels``'s).

    An impact neither coding holds in any checked segment of a level has no row of agreement there (it is not
    compared); it has a row here all the same, its kappa undefined (``nan``) beside the level's segments, where the
    table left it out: at seed 9974 (4 councils) the table of kappas at each wave gave policies at two of the three
    waves, silent on the first (round 23)."""
    by = r[(r["metric"] == "cohen_kappa") & r[column].isin(levels)]
    if "n_segments" in r.columns and len(by):
        seen = r.drop_duplicates(column).set_index(column)["n_segments"]
        have = set(zip(by["code"], by[column], strict=True))
        gaps = [{"code": c, column: lv, "value": math.nan, "ci_low": math.nan, "ci_high": math.nan,
                 "n_units": int(seen[lv])} for c in dict.fromkeys(by["code"]) for lv in levels
                if lv in seen.index and (c, lv) not in have]
        by = pd.concat([by, pd.DataFrame(gaps)], ignore_index=True) if gaps else by
    order = {c: i for i, c in enumerate(ctx.codes if codes is None else codes)}
    by = by.assign(_o=by["code"].map(order), _g=by[column].map(levels.index)).sort_values(["_o", "_g"], kind="stable")
    rows = pd.DataFrame({"impact": by["code"].map(ctx.code).to_numpy(), column: by[column].to_numpy(),
                         "cohen_kappa": by["value"].to_numpy(), "ci_low": by["ci_low"].to_numpy(),
                         "ci_high": by["ci_high"].to_numpy(), "n_units": by["n_units"].to_numpy()})
    # a kappa of 0.696 shows as 0.70: the column says on which side of the line it is
    rows.insert(5, "meets_line", np.where(rows["cohen_kappa"] >= CHECKED_KAPPA, "yes", "no"))
    return rows


def _no_width_note(rows: pd.DataFrame, where: str, what: str = "impact") -> str:
    """For a table of kappas within groups or waves: what a kappa with an interval of no width says (see
    :func:`_one_sided_note`), where the table has one, and what an undefined one says."""
    undefined = (f" A kappa shown as {MISSING} is undefined: neither coding holds the {what} in any of the {where}'s "
                 "segments compared." if rows["cohen_kappa"].isna().any() else "")
    if not _no_interval(rows["cohen_kappa"], rows["ci_low"], rows["ci_high"]).any():
        return undefined
    return undefined + (
        f" A kappa of 0 without an interval means that one coding holds the {what} in none of the {where}'s segments "
        "compared (whatever the other holds), and one of 1 without an interval that the two agree on every one, so "
        "agreement is perfect and no interval could be estimated (an interval of no width, 1.00 to 1.00, would read as "
        "a kappa measured exactly): neither is a measure of precision.")


def _no_interval(value: pd.Series, low: pd.Series, high: pd.Series) -> pd.Series:
    """Whether each kappa has no interval (one coding keeps to one category: :func:`impact.agreement.cohen_kappa`)
    or one of no width (the two agree on every segment)."""
    return value.notna() & ((low.isna() & high.isna()) | (low == high))


def _kappa_labels(where: str) -> dict[str, Label]:
    return {"n_units": Label("Segments compared", description=f"Checked segments in the {where}.", format="int"),
            "cohen_kappa": Label("Cohen's kappa", format="num:2"),
            "meets_line": Label(f"At least {CHECKED_KAPPA:.2f}", format="text")}


def _status_moves(ctx) -> str:
    """The limitation that councils' status changes between waves, in the directions it changed: ``""`` if none did.

    The limitation that councils move in and out of intervention was stated of every study: of one whose 45 councils
    kept their status throughout (4 in intervention at every wave, 41 at none) too; and of one in which councils only
    entered intervention, none leaving it, where 'in and out' tells a reader some councils left.  No count is given:
    the councils in each status at a wave are suppressed where few, and a count of movers could give them away.
    """
    from ..panel import STATUS_GROUPS

    ws = ctx.study.wave_status()
    if ws.empty or "intervention" not in ws.columns:
        return ""
    order = {w: i for i, w in enumerate(ctx.study.wave_ids)}
    groups = (ws.assign(_g=ws["intervention"].map(STATUS_GROUPS), _o=ws["wave"].map(order)).dropna(subset=["_g", "_o"])
              .sort_values(["council_id", "_o"], kind="stable"))
    inside = (groups["_g"] == "intervention").astype(float)
    before = inside.groupby(groups["council_id"], observed=True).shift()  # NaN at a council's first wave: no step to it
    entered = bool(((before == 0) & (inside == 1)).any())
    left = bool(((before == 1) & (inside == 0)).any())
    if entered and left:
        return "councils move in and out of intervention between waves"
    if entered:
        return "councils enter intervention between waves, and none leaves it"
    if left:
        return "councils leave intervention between waves, and none enters it"
    return ""


def _detectable(ctx, tables: dict[str, pd.DataFrame] | None = None) -> str:
    """What the comparisons of councils by intervention status can detect, from the study's own group sizes.

    The best-placed comparison (the later wave with most councils in the smaller group) is described: if even its
    permutation test cannot give a p-value below alpha (two-sided, 2 / C(n, k) at best), no comparison can; otherwise
    the smallest standardised difference between the two groups' council shares it detects with 80% power at alpha,
    before the Holm adjustment, for the test the comparisons use (:func:`_detectable_shift`): the two-sided rank
    permutation test (:func:`impact.stats._power._rank_test_detectable_shift`, shares spread normally), or, where
    the wave's shares are heavily tied and the comparisons test the difference in mean shares, the t test's figure. The two-sample t test's figure
    (statsmodels ``TTestIndPower``), given before, belongs to another test: 2.13 standard deviations at 8 councils
    against 3, where the rank test needs 2.26 (its power at 2.13 is 0.75); 2.02 at 5 against 5, where it needs 2.32.
    """
    if "comparisons" in ctx.f.not_computed:
        return aside("councils are not compared by intervention status", ctx.f.not_computed["comparisons"])
    c = ctx.f.comparisons
    if not {"n_a", "n_b"} <= set(c.columns):  # no comparison was asked for (analyse(parts=...) without it)
        return "councils are not compared by intervention status in this analysis"
    sizes = c.loc[c["wave"].isin(ctx.later) & (c["n_a"] > 0) & (c["n_b"] > 0), ["wave", "n_a", "n_b"]].drop_duplicates()
    # What follows is read off the councils interviewed in each status group at every later wave, counts the ledger
    # may hide: said as it is only where every split the ledger leaves an intruder gives the same sentence (disclosure
    # round 76: "every comparison ... is suppressed", said only where a test could reach significance, left 12
    # councils' 2 in intervention at the later wave 2 to 5 where the tables left them 0 to 5)
    open_ = _detectable_outcomes(ctx, c)
    if len(open_) > 1:
        return _detectable_unsaid(ctx, open_, tables)
    if sizes.empty:
        return ("no wave after the review has councils both in and out of intervention with interviews, so the two "
                "are not compared")
    # Every later wave tied as best placed (most councils in the smaller group, then most in all) is named, each with
    # its own split: two tied waves can have the split reversed (2 in intervention and 4 not at one, 4 and 2 at the
    # other), and one of them named alone read as the only wave so placed (seed 32301, 6 councils: round 34).
    ranked = sizes.assign(small=sizes[["n_a", "n_b"]].min(axis=1), total=sizes["n_a"] + sizes["n_b"]) \
        .sort_values(["small", "total"], ascending=False)
    best = ranked.iloc[0]
    tied = ranked[(ranked["small"] == best["small"]) & (ranked["total"] == best["total"])].drop_duplicates("wave")
    tied = tied.set_index("wave").loc[[w for w in ctx.later if w in set(tied["wave"])]].reset_index()
    n_a, n_b = int(best["n_a"]), int(best["n_b"])  # the tied splits differ at most in order: the figures below agree
    # The councils interviewed in each status group are protected counts: where the sample section suppresses them
    # at any tied wave, neither they nor what would give them away (the smallest p-value, the detectable difference)
    # are stated here.
    hidden = not ctx.shown(*[key for w in tied["wave"] for key in (("councils_interviewed_group", w, "no_intervention"),
                                                                   ("councils_interviewed_group", w, "intervention"))
                             if key in ctx.ledger.values])
    ats = [f"at {ctx.short_wave(w).lower()}" for w in tied["wave"]]
    if hidden:
        where = f"one status group too small to publish its number of councils even {_listed(ats, semicolons=False)}"
        if len(ats) > 1:
            where += ", the later waves equally best placed to detect a difference"
    else:
        # "at most 8 in intervention and 10 not" read as a bound on every wave where another had 12 not
        splits = [f"{int(r.n_b)} {('council ' if r.n_b == 1 else 'councils ') if k == 0 else ''}in intervention and "
                  f"{int(r.n_a)} not {at}" for k, (r, at) in enumerate(zip(tied.itertuples(), ats))]
        where = (f"{splits[0]}, the later wave best placed to detect a difference" if len(splits) == 1 else
                 # each split holds its own 'and': the splits are set off by commas ('..., and ...'), not by the
                 # semicolons that set off the limitations
                 f"{', '.join(splits[:-1])}, and {splits[-1]}, the later waves equally best placed to detect a "
                 "difference")
    alpha = ctx.alpha
    smallest_p = min(1.0, 2 / math.comb(n_a + n_b, n_b))
    if smallest_p > alpha:
        return (f"with {where}, no comparison of councils by intervention status can reach significance"
                + ("" if hidden else f": the smallest p-value its permutation test can give is {smallest_p:.2f}"))
    # where the comparisons table as built (``tables``) shows no figure (each c), the power of comparisons no reader
    # sees, 'so no difference found is not evidence of no difference', spoke of differences the report cannot find
    # (seed 3811, 10 councils, 2 or 3 in intervention; round 39); that none could reach significance, above, is
    # true of the design whatever is shown
    name, columns = _caveat_tables()[_comparisons_figures()]
    built = (tables or {}).get(name)
    if built is not None and len(built) and not _figure_cells(built, columns).any():
        return (f"every comparison of councils by intervention status is suppressed ({SUPPRESSED}), so the report "
                "states no difference between councils in and not in intervention from them, and no absence of one")
    # at tied waves of heavily tied shares the test (and so the figure) can differ: the smallest is what the best
    # placed of them detects
    d = min(_detectable_shift(c[c["wave"] == r.wave], int(r.n_a), int(r.n_b), alpha) for r in tied.itertuples())
    # two decimals, and Cohen's label read off the figure as printed: 0.79 printed as 0.8 was called medium
    d = round(d, 2)
    size = "large" if d >= 0.8 else "medium" if d >= 0.5 else "small to medium"
    if hidden:
        return (f"with {where}, a comparison of councils by intervention status has an 80% chance of detecting "
                f"only a {size} difference by Cohen's convention (more after the adjustment for testing several "
                f"{ctx.many} and waves), so no difference found is not evidence of no difference")
    return (f"with {where}, a comparison of councils by intervention status has an 80% chance of detecting "
            f"a difference only if it is at least {d:.2f} standard deviations of the councils' shares (a {size} "
            f"difference by Cohen's convention; more after the adjustment for testing several {ctx.many} and waves), so "
            "no difference found is not evidence of no difference")


def _best_placed(splits: dict, later: list, alpha: float) -> tuple | None:
    """What :func:`_detectable` reads of the comparisons' group sizes ``splits`` (wave -> councils interviewed not in
    intervention, in it): the waves tied as best placed to detect a difference (most councils in the smaller group,
    then most in all), each with its split, in the waves' order, and whether a permutation test there can reach
    ``alpha``; None where no later wave has councils on both sides."""
    both = {w: ab for w, ab in splits.items() if min(ab) > 0}
    if not both:
        return None
    best = max((min(a, b), a + b) for a, b in both.values())
    tied = tuple((w, *both[w]) for w in later if w in both and (min(both[w]), sum(both[w])) == best)
    n_a, n_b = tied[0][1:]
    return tied, min(1.0, 2 / math.comb(n_a + n_b, n_b)) <= alpha


#: The most splits of the later waves' group sizes :func:`_detectable_outcomes` tries; beyond, the sentence is one
#: that holds whatever they are (:func:`_detectable_unsaid`).
_MOST_SPLITS = 200_000


def _detectable_outcomes(ctx, c: pd.DataFrame) -> set:
    """Each reading of :func:`_best_placed` the ledger leaves an intruder: every later wave's councils interviewed in
    and not in intervention tried over the intervals an intruder holds of them (each count on its own, the box around
    what the published counts allow: a sentence said for every point of it tells nothing the tables do not), a count
    published or not declared at its value. More than one reading: the sentence would narrow a hidden count."""
    import itertools

    later = [w for w in ctx.later if w in set(c["wave"])]
    if not later:
        return {None}
    given = c.drop_duplicates("wave").set_index("wave")
    interval = getattr(ctx.ledger, "interval", None)
    public = getattr(ctx.ledger, "public", set())
    ranges, totals = {}, {}
    for w in later:
        # the councils interviewed at the wave, published, are those of its two groups: a split adds up to them
        total = ("councils_interviewed", w)
        if total in public and ctx.ledger.values[total] == given.loc[w, "n_a"] + given.loc[w, "n_b"]:
            totals[w] = int(ctx.ledger.values[total])
        sides = []
        for g, col in (("no_intervention", "n_a"), ("intervention", "n_b")):
            key, n = ("councils_interviewed_group", w, g), int(given.loc[w, col])
            if key not in ctx.ledger.values or ctx.shown(key):
                sides.append([n])
                continue
            lo, hi = interval(key) if interval is not None else (0, int(given.loc[w, "n_a"] + given.loc[w, "n_b"]))
            sides.append(list(range(math.ceil(lo - 1e-6), math.floor(hi + 1e-6) + 1)))
        ranges[w] = sides
    pairs = {w: [(a, b) for a, b in itertools.product(*ranges[w]) if w not in totals or a + b == totals[w]]
             for w in later}
    if math.prod(len(p) for p in pairs.values()) > _MOST_SPLITS:
        return {None, "many"}
    out = set()
    for combo in itertools.product(*(pairs[w] for w in later)):
        out.add(_best_placed(dict(zip(later, combo, strict=True)), later, ctx.alpha))
    return out


def _detectable_unsaid(ctx, outcomes: set, tables: dict[str, pd.DataFrame] | None) -> str:
    """:func:`_detectable`'s sentence where the councils interviewed in each status group, hidden, would be narrowed
    by it: only what holds for every split the ledger leaves open (:func:`_detectable_outcomes`), no wave named."""
    if all(o is None or not o[1] for o in outcomes):  # (None: no wave to compare at, so no test either)
        return ("with one status group too small to publish its number of councils at every wave after the review, "
                "no comparison of councils by intervention status can reach significance")
    name, columns = _caveat_tables()[_comparisons_figures()]
    built = (tables or {}).get(name)
    if built is not None and len(built) and not _figure_cells(built, columns).any():
        return (f"every comparison of councils by intervention status is suppressed ({SUPPRESSED}), so the report "
                "states no difference between councils in and not in intervention from them, and no absence of one")
    return ("with one status group too small to publish its number of councils after the review, what a comparison "
            "of councils by intervention status could detect is not given (it would tell the group's size), so no "
            "difference found is not evidence of no difference")


def _detectable_shift(rows: pd.DataFrame, n_a: int, n_b: int, alpha: float) -> float:
    """The standardised difference the comparisons at one wave (``rows``) detect with 80% power at ``alpha``, for the
    test behind their p-values: the rank permutation test beside a Hodges-Lehmann shift
    (:func:`impact.stats._power._rank_test_detectable_shift`), the permutation test of the difference in means beside
    a difference in mean shares, whose power is the two-sample t test's (statsmodels ``TTestIndPower``, equal spreads
    assumed). Where the wave's rows differ, the rank test's, the larger."""
    from ..stats._power import _rank_test_detectable_shift

    kinds = set(rows["difference_type"].dropna()) if "difference_type" in rows.columns else set()
    if kinds == {"mean_difference"}:
        from statsmodels.stats.power import TTestIndPower

        return float(TTestIndPower().solve_power(effect_size=None, nobs1=n_a, ratio=n_b / n_a, alpha=alpha, power=0.8))
    return _rank_test_detectable_shift(n_a, n_b, alpha=alpha, power=0.8)


#: Power at which the models' detectable odds ratios are given (as the council comparison's detectable difference).
#: The power at which the report gives the least difference a test would find (the models' and the change by status
#: table's notes alike).
_POWER = 0.8


def _detectable_ratios(ctx, rows: pd.DataFrame) -> tuple[float, float] | None:
    """The smallest and largest, over ``rows`` (model terms), of the odds ratio a term has an 80% chance of detecting
    (two-sided, at ``alpha``, before any adjustment): ``exp((t(1 - alpha/2, df) + t(0.8, df)) * se)``, the minimum
    detectable effect of an estimate with that standard error (Bloom 1995, Evaluation Review 19(5):547-556), its
    inverse for a fall. None where no row has a finite standard error.

    The limitations stated what the council comparison could detect and nothing of the models, on which the summary's
    findings rest: a study whose models found no change could not tell a reader whether a change of odds ratio 1.5 or
    only one of 5 would have been found (audit10).
    """
    se = rows["se"].astype(float)
    df = rows["df"].astype(float) if "df" in rows.columns else pd.Series(np.inf, index=rows.index)
    ok = np.isfinite(se) & (se > 0) & (df > 0)
    if not ok.any():
        return None
    ratios = np.exp(_detectable_log_odds(se[ok], df[ok], ctx.alpha))
    return float(ratios.min()), float(ratios.max())


def _detectable_log_odds(se, df, alpha: float):
    """The minimum detectable effect of an estimate with standard error `se` on `df` degrees of freedom: two-sided at
    `alpha`, power :data:`_POWER`, ``(t(1 - alpha/2, df) + t(power, df)) * se`` (Bloom 1995)."""
    from scipy import stats as st

    return (st.t.ppf(1 - alpha / 2, df) + st.t.ppf(_POWER, df)) * se


def _ratio_span(span: tuple[float, float]) -> str:
    low, high = (f"{x:.2f}" for x in span)
    return f"{low}" if low == high else f"{low} to {high}, depending on the {{one}}"


def _varying(ctx, rows: pd.DataFrame) -> str:
    """What the models' ``rows`` differ by, for :func:`_ratio_span`: 'impact and wave', 'wave' or 'impact' (a
    span over one impact's two waves read 'depending on the impact and wave', seed 9933, 45 councils)."""
    by = ([ctx.one] if rows["code"].nunique() > 1 else []) + (["wave"] if rows["term"].nunique() > 1 else [])
    return " and ".join(by) or ctx.one


def _models_detectable(ctx) -> str:
    """'the models of whether participants reported each impact have an 80% chance of detecting a change ... only if
    its odds ratio is at least ... (or at most its inverse), and a difference by intervention status only if ...':
    what the longitudinal models could find, from their standard errors (see :func:`_detectable_ratios`); '' where
    the models are not read as findings (too few councils) or have no term to read."""
    from ..stats._models import FEW_UNITS

    m = ctx.f.models
    if m is None or m.empty or not {"term", "se", "n_units"} <= set(m.columns):
        return ""
    m = m[m["code"].isin(ctx.codes) & (m["n_units"] >= FEW_UNITS)]
    m = m[~_unreadable(m)] if len(m) else m
    waves = m[m["term"].isin([f"wave_{w}" for w in ctx.later])]
    status = m[m["term"] == "in_intervention"]
    if len(status) and _few_on_one_side(status):
        status = status.iloc[0:0]  # a few councils' difference from the others: not a finding, so no power either
    # nor of a contrast the models table withholds (c) for a side of one or two councils
    status = status[~_status_of_few(ctx, status)] if len(status) else status
    parts, missed = [], []  # what the models could detect, and what of it a reader may take them to have missed
    first = ctx.wave(ctx.waves[0]).lower()
    if len(waves) and (span := _detectable_ratios(ctx, waves)) is not None:
        missed.append("change")
        # which impacts the span covers: beside the summary's span for the impacts it names, a second span read as
        # a second figure for the same models (reader2, the example: 2.11 to 2.64 there, 2.04 to 2.95 here)
        k = waves["code"].nunique()
        over = ("" if k < 2 else f", over both {ctx.many}" if k == 2 == len(ctx.codes) else
                f", over all {_say(k)} {ctx.many}" if k == len(ctx.codes) else
                f", over the {_say(k)} {ctx.many} whose models give a figure for it")
        parts.append(f"a change between {first} and a later wave only if its odds ratio is at least "
                     f"{_ratio_span(span).format(one=_varying(ctx, waves))}{over}")
    if len(status) and (span := _detectable_ratios(ctx, status)) is not None:
        missed.append("difference")
        parts.append(f"a difference between participants in councils in and not in intervention only if its odds "
                     f"ratio is at least {_ratio_span(span).format(one=_varying(ctx, status))}"
                     + _detectable_by_randomisation(status, many=ctx.many))
    if not parts:
        return ""
    # one aside: the randomisation test's own aside at the end of the status part, then this one, read as two in a row
    # ("... about, not exactly, that chance) (or no more than its inverse ...", seeds 30245, 30259 and 30271)
    detected = aside(", and ".join(parts), "or no more than its inverse, for one reported less often; more after the "
                                           f"adjustment for testing several {ctx.many}")
    return (f"the models of whether participants reported each {ctx.one} have an 80% chance of detecting {detected}, "
            # 'a change or difference' only where the power of both is given: with no power of a difference by status
            # (one status group of too few councils, so the summary states no difference by status) the sentence spoke
            # of differences the report never looks for (seed 3811, 10 councils; round 39)
            f"so a {' or '.join(missed)} they do not find may be one smaller than that")


def _detectable_by_randomisation(status: pd.DataFrame, *, many: str = "impacts") -> str:
    """The status terms' detectable odds ratio where their p-value is a randomisation test's: said to be the model's
    figure, which that test matches only approximately.

    The figure comes from the model's standard error (:func:`_detectable_ratios`, the Wald test's power), while the
    p-value there is the randomisation test's, so it is not that test's own.  In simulations (``bench/validity_stats.py``,
    ``status_detectable``: 30 councils, 3 or 5 in intervention, the median stated odds ratio planted, 300 studies
    each) the randomisation test found it in 83% and 85% of studies, against 80% stated: close, and on the safe side;
    the model's own test in 64% and 78% (docs/methods.md).  The text names the figure as the model's and says the
    test has about that chance, rather than state it as exact."""
    from ..effects import RANDOMISATION_BELOW

    if "p_method" not in status.columns or not status["p_method"].eq("randomisation").any():
        return ""
    which = "" if status["p_method"].eq("randomisation").all() else f", for the {many} it tested"
    return (f" (the model's figure: the randomisation test that gives the p-value with fewer than {RANDOMISATION_BELOW} "
            f"councils in one status group has about, not exactly, that chance{which})")


#: The report's tables of the indicators' change, which show their randomisation p-values (``ri_p_value``).
_DID_TABLES = ("indicator_did", "indicator_review_did", "indicator_review_did_by_status")


_CHANGE_TESTS = {"friedman": "Friedman's test", "wilcoxon": "Wilcoxon's signed-rank test", "mcnemar": "McNemar's test",
                 "cochran_q": "Cochran's Q test"}


def _tests_used(ctx, tables: dict[str, pd.DataFrame] | None) -> str:
    """The methods line's tests, each followed by '; ': those of the tables the report shows (``tables``, as built).

    The line said 'permutation tests with 2,000 resamples' of every test, where the change across the waves is
    Friedman's (or Wilcoxon's) test with its exact permutation p - no resamples - or, where that is beyond
    computation, its chi-square (normal) approximation (the change table's p-value method), and a report without the
    comparisons by status used no resamples at all. A test is named where a table shows a p of it (not c or blank).
    """
    p = ctx.f.parameters
    reassigned = _indicator_reassignments(ctx, tables).removeprefix("; ")
    if tables is None:
        return f"permutation tests with {p['n_resamples']:,} resamples (seed {p['seed']}); "
    out = []
    compared = _figure_cells(tables.get("comparisons"), r"^p_value").any()
    if compared:
        out.append(f"permutation tests with {p['n_resamples']:,} resamples (seed {p['seed']}) of the differences by "
                   "intervention status")
    if reassigned:
        out.append(reassigned + ("" if compared else f" (seed {p['seed']})"))
    change = tables.get("change_over_time")
    tested = _figure_cells(change, r"^p_value")
    if tested.any():
        names = [_CHANGE_TESTS.get(str(t), str(t)) for t in dict.fromkeys(change.loc[tested.to_numpy(), "test"])
                 if str(t) in _CHANGE_TESTS] if "test" in change.columns else []
        which = _listed(names, "or") if names else "Friedman's or Wilcoxon's signed-rank test"
        methods = change.loc[tested.to_numpy(), "p_method"] if "p_method" in change.columns else pd.Series([], dtype=object)
        rough = [str(m) for m in dict.fromkeys(methods) if isinstance(m, str) and m not in ("exact", SUPPRESSED)]
        exact = methods.eq("exact").any() or methods.empty
        out.append(f"{which} of the change across the waves, with "
                    + ("its exact permutation p" if exact else "")
                    + (" (" if exact and rough else "")
                    + (f"the {_listed(rough, 'or')} approximation where the exact p is beyond computation" if rough
                       else "")
                    + (")" if exact and rough else ""))
    return "".join(f"{t}; " for t in out)


def _indicator_reassignments(ctx, tables: dict[str, pd.DataFrame] | None = None) -> str:
    """'; the indicators' randomisation tests: 999 random reassignments' for the methods line, where the indicators'
    randomisation p-values were computed from other than the run's resamples (the analysis uses at most 999) and a
    table of the report (``tables``, as built) shows one of them; '' where they used that number, there are none, or
    every one is c or blank: the methods line gave the reassignments of p-values no cell held, where the tables' notes
    no longer did (report truth round 41)."""
    from .._limits import INDICATOR_REASSIGNMENTS_MAX

    f = ctx.f
    if tables is not None and not any(_figure_cells(tables.get(t), r"^ri_p_value$").any() for t in _DID_TABLES):
        return ""
    said = _reassignments(f.review_indicator_effects, f.indicator_effects)
    if not said or said == f"{int(f.parameters['n_resamples']):,} random reassignments":
        return ""
    # '2,000 resamples (...; the indicators' randomisation tests: 999 random reassignments)' gave two numbers for
    # the tests and no reason for the second (report truth round 32): where the cap set it, the cap and its cause
    capped = (int(f.parameters["n_resamples"]) > INDICATOR_REASSIGNMENTS_MAX
              and f"{INDICATOR_REASSIGNMENTS_MAX:,} random reassignments" in said)
    why = (", the most the analysis uses, as each reassignment re-estimates every cohort's effects" if capped else "")
    return f"; the indicators' randomisation tests: {said}{why}"


def _comparisons_figures() -> str:
    """The words naming the comparisons of councils by status (:data:`impact._warning_words.MODEL_FIGURES`)."""
    from .._warning_words import MODEL_FIGURES

    return MODEL_FIGURES["comparisons"]


def _trajectory_terms(ctx, tables: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """The methods' definitions of the trajectories, where the report has two waves after the review to use them: a
    study of one or two waves defined expectations realised and impact sustained, faded or emerging "at both later
    waves", none of which it could have (truth45). Of the report's tables as built (``tables``): every term where the
    trajectory tables are given; without them, "realised" alone, where the summary gives the share of expectations
    realised or says it is withheld (the one term its text uses). A study of four or five waves, whose trajectory
    tables are not given, defined six, five of them used nowhere but in saying that their tables are not given
    (truth74)."""
    if len(ctx.later) < 2:
        return []
    realised = "Realised: anticipated before the review and reported afterwards"
    if tables is not None and "realisation" not in tables and "persistence" not in tables:
        counts = _realised_counts(ctx)
        return [f"{realised}."] if counts is not None and counts[0] > 0 else []
    apart = ("; under way before the review: reported before the review without having been anticipated, counted "
             "apart whether reported afterwards or not" if len(ctx.waves) == 3 else "")
    return [f"{realised}; unmet expectation: anticipated, never reported; unanticipated: reported afterwards, neither "
            f"anticipated nor reported before the review{apart}. Sustained: reported at both the first and the last "
            "wave after the review; faded: at the first only; emerging: at the last only; absent: at neither."]


def _credited_by_context(ctx) -> str:
    """The limitation on what a change reported without a cause named is credited to: the review, by the context of
    an interview about it, unless the speaker said they could not tell (counted apart, the cause left open). 'a change
    they report without naming a cause is counted as credited to it' stood beside a table whose 'Cause left open'
    column counted 34 such statements apart (reader2, the example)."""
    text = "interviewees were asked about the review, so a change they report without naming a cause is counted as " \
           "credited to it"
    if ctx.f.attribution is not None and not ctx.f.attribution.empty:
        text += (", unless they say they cannot tell what caused it (counted apart, as the cause left open, in the "
                 f"table of what the {ctx.many} were credited to)")
    return text


def _methods(ctx, tables: dict[str, pd.DataFrame] | None = None) -> Section:
    # one rule for every "term: definition" of the list (as the sentences the report sets after a colon): the
    # definition goes on in lower case, a name (Ofsted, Friedman's) as it is; the measures' began with a capital
    # ("Anticipated: Hoped for ...") where the others did not ("Realised: anticipated before the review ...")
    items = [f"{m.label}: {_lower_first(m.definition)}" for m in MEASURES.values()]
    fitted = ctx.f.models is not None and not ctx.f.models.empty
    items += [
        *_trajectory_terms(ctx, tables),
        f"Intervention status: a Notice to Improve / Improvement Notice or statutory direction in force at the wave's "
        f"reference date. Tests: {_tests_used(ctx, tables)}"
        f"{_adjusted_across(ctx, f'{ctx.many} and waves' if len(ctx.waves) > 1 else ctx.many)}; "
        "design-effect-adjusted Wilson intervals for shares of participants"
        + ("; GEE with bias-reduced sandwich errors"
           + (" for few clusters" if _few_councils(ctx, _model_councils(ctx)) else "") if fitted else "")
        + _randomised_status(ctx, tables) + _status_family_method(ctx) + ".",
        "Coding: " + (f"the interviews were {_coded_against(ctx)}." if len(ctx.study.interviews) else
                      f"{_coded_against(ctx)}."),
    ]
    # the clauses set off by semicolons by the helper: one holding its own list set off by them is numbered (round 34)
    clauses = [c for c in (
        _detectable(ctx, tables), _models_detectable(ctx), _status_moves(ctx),
        # of the changes reported after the review: a study with no wave after it credits none (truth45)
        _credited_by_context(ctx) if ctx.later else "") if c]
    limits = ["Limitations: " + _listed_clauses(clauses) + "."] if clauses else []
    if ctx.f.coding.get("source") == "machine":
        limits.append("Automatic coding is not a substitute for human coding: "
                      + ("a sample was checked by hand for this report (see the coding reliability section)."
                         if _hand_checked(ctx) else "check a sample before publishing."))
    # the ledger hides 0 < n < min_count: a zero is shown (Table 8 of the example: 0 participants), which 'Counts
    # below 5 ... are suppressed' denied (reader1)
    limits.append(f"Counts below {ctx.min_count} other than zero, and counts that would let one be worked out from the "
                  "others, are "
                  "suppressed across the whole report" + _small_public(ctx, tuple(_PUBLIC_COUNTS)) + "; effect sizes "
                  "and tests are shown where the counts behind them are" + _earlier_releases(ctx) + ".")
    blocks = [
        Paragraph("Transcripts were split into speaker turns and sentences; only respondents' speech was coded. Each "
                  "coded statement is classified as anticipated, reported or denied, and a reported one by what it is "
                  "credited to:"),
        Bullets(items),
    ]
    left_out = _not_coded_words(ctx)
    if left_out:
        blocks.append(Paragraph(left_out))
    validity = ctx.coder_validity
    if validity is not None:
        per = validity.set_index("code")
        micro, free = per.loc["micro"], per.loc["impact_free"]
        codes = [c for c in ctx.codes if c in per.index]
        blocks.append(Paragraph(
            f"Accuracy of the machine coder on real text labelled by people ({validity.attrs.get('n_sentences')} "
            f"sentences from {validity.attrs.get('n_documents')} public documents - council minutes, inspection "
            "letters, partnership reports - none used to write its rules): precision "
            f"{micro['precision']:.2f}, recall {micro['recall']:.2f}, F1 {micro['f1']:.2f} over all impacts; F1 by "
            "impact: " + _listed(f"{ctx.code(c).lower()} {per.loc[c, 'f1']:.2f}" for c in codes)
            + f". It left {_pct(free['uncoded_share'])} of the sentences that mention no impact uncoded. Interview "
            "talk differs from these documents, so its accuracy on interviews can be higher or lower. An interview "
            "counts as reporting an impact when any one of its sentences is coded with it, so an error rate per "
            "sentence becomes a larger one per interview: the summary states no ranking, share or count of impacts "
            f"that rests on an impact the coder reads with F1 below {_WEAK_F1:.2f}. These figures are averages over "
            "all the text read; a coder that errs more often in the talk of councils in intervention than in the "
            "others' makes a difference between them by itself, so the summary states a machine-coded difference by "
            "intervention status (or the absence of one) only for an impact whose coding a hand check in the study "
            f"(impact run --human) found to agree with people, Cohen's kappa at least {CHECKED_KAPPA:.2f}, in both "
            "groups."))
    elif ctx.f.coding.get("source") == "machine":
        blocks.append(Paragraph(
            "The machine coder has not been measured on text labelled by people for this codebook"
            + ("; a sample of its codings in this study was checked by hand (see the coding reliability section), "
               "but that is no measure of it on other text. Until it is measured" if _hand_checked(ctx) else
               ": check a sample of its codings by hand before relying on them. Until it is")
            + f", the summary states no ranking, share or count of {ctx.many}, and no difference by intervention "
            "status, as a finding."))
    if ctx.f.reliability is None or ctx.f.reliability.empty:
        blocks.append(Paragraph("No second coding was supplied with this run, so agreement between coders is not "
                                "reported. Pass one (impact run --human FILE) to add it."))
    blocks.append(Callout(" ".join(limits), kind="warning"))
    return Section(_METHODS, blocks)
