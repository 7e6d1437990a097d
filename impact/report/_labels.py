"""One vocabulary of labels for people, shared by every report renderer.

Tables are built with machine names: snake_case columns (``p_adjusted``,
``n_mentioning``), codes (``morale``), wave ids (``longer_term``), method
names (``holm``) and model terms (``C(wave)[T.early]``).  Those names stay in
``tables/*.csv``, described in ``tables/data_dictionary.csv``; what a reader
sees in the Word report, the web page and the workbook is their label, looked
up in a :class:`Vocabulary`:

* a **column** gets a :class:`Label`: text, unit and description, plus the
  display format a column of that meaning takes by default (``p_adjusted`` is
  a p-value whatever its values look like);
* a **value** in a column gets the label of its domain: the study's wave
  labels for ``wave``, the codebook's labels for ``code``, "Holm" for
  ``adjust``, "Not in intervention" for a status group;
* a **model term** becomes a contrast in words: ``C(wave)[T.early]`` ->
  "Early impact vs expectations before the review" (the reference level is
  the first level of the wave order that no term of the table names),
  ``in_intervention[T.True]`` -> "In intervention vs not".

Anything the vocabulary does not know is made readable, never shown raw: a
snake_case column becomes a sentence-case phrase (``n_councils_missing`` ->
"Councils missing"), a whole cell that is a snake_case token becomes words.
A :class:`~impact.report.Table` may override any column label
(``labels={"n_a": "Councils not in intervention"}``) or value labels
(``value_labels={"group": {...}}``); the report's vocabulary fills in the rest.

Examples
--------
>>> v = Vocabulary().with_waves({"expectations": "Expectations before the review",
...                              "early": "Early impact (about 3 months after)"})
>>> v.column("p_adjusted").header
'Adjusted p-value'
>>> v.value("wave", "early")
'Early impact (about 3 months after)'
>>> v.term("C(wave)[T.early]")
'Early impact vs expectations before the review'
>>> v.term("in_intervention[T.True]")
'In intervention vs not'
>>> v.value("adjust", "fdr_bh")
'Benjamini-Hochberg'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from .._limits import INDICATOR_REASSIGNMENTS_MAX
from .._words import _listed

__all__ = [
    "Label",
    "Vocabulary",
    "DEFAULT_VOCABULARY",
    "humanise",
    "find_machine_names",
    "SNAKE_RE",
    "PATSY_TERM_RE",
]

#: A snake_case identifier: lower-case words joined by underscores (``p_value``, ``n_a``).
SNAKE_RE = re.compile(r"(?<![\w.@/\\-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/\\-]|\.\w)")
#: A patsy/statsmodels term: ``C(wave)[T.early]``, ``wave[T.early]``, ``in_intervention[T.True]``.
PATSY_TERM_RE = re.compile(r"(?:C\([^()]*(?:\([^()]*\)[^()]*)*\)|\b\w+)\[(?:T\.)?[^\]]*\]")
_TERM_PART_RE = re.compile(
    r"^(?:C\(\s*(?P<cfactor>\w+)(?P<cargs>(?:,[^()]*(?:\([^()]*\))?)*)\s*\)|(?P<factor>\w+))"
    r"(?:\[(?P<t>T\.)?(?P<level>[^\]]*)\])?$"
)
_REFERENCE_RE = re.compile(r"Treatment\(\s*(?:reference\s*=\s*)?['\"]?(?P<ref>[^'\")]+)['\"]?\s*\)")
_PY_LIST_RE = re.compile(r"[\[(]\s*'[^'\n]*'(?:\s*,\s*'[^'\n]*')*\s*,?\s*[\])]")
_ISO_STAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
#: An identifier in Python's quotes: ``'learning'``, ``'plans_actions'`` (not an apostrophe inside a word: ``don't``).
_QUOTED_WORD_RE = re.compile(r"(?<![\w'])'([a-z][a-z0-9_]*)'(?![\w'])")
#: A column's identifier and one of its values in Python's quotes: ``code 'learning'``, ``status_group 'intervention'``.
_COLUMN_VALUE_RE = re.compile(r"(?<![\w'])([a-z][a-z0-9_]*) '([^'\n]+)'(?![\w'])")
#: Quoted column identifiers counted over: ``per 'code' and 'status_group'``, ``every 'code'``.
_COUNTED_COLUMNS_RE = re.compile(r"\b((?:per|every|each) )('[a-z][a-z0-9_]*'(?:(?:, | and )'[a-z][a-z0-9_]*')*)")
#: How a quoted column identifier reads in a sentence, where its label alone does not ('across wave'): a library's
#: message quotes the columns it was given (``the change in 'share_reported' across 'wave'``).
_PHRASES = {"wave": "the waves", "time": "the time points", "status_group": "intervention status",
            "group": "intervention status", "council_id": "the councils", "participant_id": "the participants"}
_CLASS_PREFIX_RE = re.compile(r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)*)(Warning|Error): (\S?)")
#: Warning classes that say nothing to a reader beyond "a warning" ('Impact: GEE for ...', 'Statistical: 19 of 40
#: councils ...', 'User: survey mixed model ...' in the caveats, report truth round 28): their prefix is dropped.
_GENERIC_WARNINGS = {"Impact", "Statistical", "User", "Runtime"}
#: "the " just before a token of the prose, and a label that starts with its own "the ".
_ARTICLE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
_OWN_ARTICLE_RE = re.compile(r"[Tt]he\s+")
#: A word before a quoted column that takes the place of the column phrase's own article ('no', 'a missing', 'each').
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:[Nn]o|[Aa]n?|[Tt]he|[Aa]ny|[Ee]ach|[Ee]very|per|missing|its|their)\s+$")

_ACRONYMS = {"ci": "CI", "se": "SE", "id": "ID", "dfe": "DfE", "ons": "ONS", "lscb": "LSCB", "dcs": "DCS",
             "gee": "GEE", "sha256": "SHA-256", "csv": "CSV", "pct": "%", "lga": "LGA", "url": "URL"}


def humanise(name: object) -> str:
    """A readable phrase for a machine name nobody labelled.

    Underscores become spaces, the first letter a capital, known acronyms
    keep their case; a leading ``n_`` reads as a count.

    Examples
    --------
    >>> humanise("n_councils_missing"), humanise("ci_low"), humanise("unmet_expectation")
    ('Councils missing', 'CI low', 'Unmet expectation')
    >>> humanise("Already a label"), humanise(3)
    ('Already a label', '3')
    """
    text = str(name)
    if not SNAKE_RE.fullmatch(text) and not re.fullmatch(r"[a-z][a-z0-9]*", text):
        return text
    words = text.split("_")
    if words[0] == "n" and len(words) > 1:
        words = words[1:]
    out = [_ACRONYMS.get(w, w) for w in words]
    phrase = " ".join(out)
    return phrase[:1].upper() + phrase[1:]


def _short(label: str) -> str:
    """A label before any bracket: "Early impact (about 3 months after)" -> "Early impact"."""
    return label.split(" (")[0].strip() or label


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a name ("Ofsted", "DfE")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:].lower() != first[1:] or first in _PROPER_NOUNS):
        # 'Improvement' and 'Notice' are names only in the notice's names: "Improvement in staff morale and
        # relations" is an impact's label, lower case mid-sentence (report truth round 28)
        if first not in _IN_NAMES_ONLY or text.startswith(("Improvement Notice", "Notice to Improve")):
            return text
    return text[:1].lower() + text[1:]


_IN_NAMES_ONLY = {"Notice", "Improvement"}
_PROPER_NOUNS = {"Ofsted", "Holm", "Wilson", "Newcombe", "Friedman", "Wilcoxon", "Fisher", "Kendall's", "Hodges-Lehmann",
                 "Notice", "Improvement", "England", "London"}


@dataclass(frozen=True)
class Label:
    """How a column (or measure) is shown to people.

    Parameters
    ----------
    text : str
        The column heading ("Children in need").
    unit : str, optional
        Unit, shown in brackets after the text ("per 10,000 children").
    description : str, optional
        One sentence for the data dictionary.
    format : str, optional
        Default display format (see :mod:`impact.report._format`) when the
        table gives none: ``"p"`` for every p-value column, ``"pct"`` for
        shares.
    contrast : str, optional
        How the column reads as a term of a model ("In intervention vs not").

    Examples
    --------
    >>> Label("Children in need", "per 10,000 children").header
    'Children in need (per 10,000 children)'
    """

    text: str
    unit: str = ""
    description: str = ""
    format: str | None = None
    contrast: str = ""

    def __post_init__(self) -> None:
        # Label(3) showed "3" as a heading, Label(None) "None" (newuser18)
        from .._keywords import check_fields

        check_fields(self)

    @property
    def header(self) -> str:
        """Text and unit, as a table heading or an axis label."""
        return f"{self.text} ({self.unit})" if self.unit and self.unit != "%" else (
            f"{self.text} (%)" if self.unit == "%" else self.text)


_L = Label
_PER_10K = "per 10,000 children"

#: Column labels that hold whatever the study (the report's default vocabulary).
_COLUMNS: dict[str, Label] = {
    # identifiers and categories
    "impact": _L("Impact", description="Impact (code of the codebook), by its label."),
    "code": _L("Impact", description="Code of the codebook, by its label."),
    "theme": _L("Review theme"),
    "wave": _L("Wave", description="Wave of the study, by its label."),
    "wave_label": _L("Wave"),
    "status": _L("Intervention status", description="Whether the council was in intervention (notice or direction)."),
    "group": _L("Intervention status"),
    "group_a": _L("First group"),
    "group_b": _L("Second group"),
    "status_group": _L("Intervention status"),
    "intervention": _L("Intervention", description="Intervention level: none, a notice or a statutory direction."),
    "ofsted_judgement": _L("Ofsted judgement"),
    "council": _L("Council"),
    "council_id": _L("Council"),
    "council_name": _L("Council"),
    "council_type": _L("Council type"),
    "region": _L("Region"),
    "participant_id": _L("Participant"),
    "role": _L("Role"),
    "organisation_type": _L("Organisation type"),
    "term": _L("Model term", description="Term of the model, as a contrast in words."),
    "measure": _L("Indicator"),
    "period": _L("Year ending", description="Last day of the period the value describes (DfE 2013 = 31 March 2013).",
                 format="date"),
    "quote": _L("Quote"),
    "attribution": _L("Attribution", description="Who said it, coarsened so that several councils share it."),
    "realisation": _L("Realisation", description="Expected before the review and then reported, or not."),
    "persistence": _L("Persistence", description="Whether an early impact was still reported a year on."),
    "raised": _L("Raised"),
    "metric": _L("Agreement measure"),
    "method": _L("Method"),
    "test": _L("Test"),
    "adjust": _L("Adjustment for multiple comparisons"),
    "effect_type": _L("Effect size measure"),
    "label": _L("Label"),
    "coder_a": _L("First coder"),
    "coder_b": _L("Second coder"),
    # counts
    "n": _L("Number", format="int"),
    "n_councils": _L("Councils", description="Number of councils.", format="int"),
    "n_participants": _L("Participants", description="Number of participants.", format="int"),
    "n_interviews": _L("Interviews", description="Number of interviews.", format="int"),
    "n_mentioning": _L("Participants reporting it", description="Participants who reported the impact.", format="int"),
    "events": _L("Participants reporting it", format="int"),
    "n_councils_interviewed": _L("Councils interviewed", format="int"),
    "n_councils_missing": _L("Councils not interviewed", format="int"),
    "n_participants_interviewed": _L("Participants interviewed", format="int"),
    "n_participants_missing": _L("Participants not interviewed", format="int"),
    "n_interviews_not_coded": _L("Interviews not coded", description="Interviews left out as missing: no respondent "
                                 "speech was found in the transcript.", format="int"),
    "n_a": _L("Councils, first group", format="int"),
    "n_b": _L("Councils, second group", format="int"),
    "n_obs": _L("Observations", format="int"),
    "n_units": _L("Councils (clusters)", format="int"),
    "n_coders": _L("Coders", format="int"),
    "n_times": _L("Waves", format="int"),
    "n_actions": _L("Actions", format="int"),
    "n_completed": _L("Actions completed or embedded", format="int"),
    "n_suppressed": _L("Councils with a suppressed value", format="int"),
    "n_discordant": _L("Councils that changed", format="int"),
    "n_up": _L("Councils up", format="int"),
    "n_down": _L("Councils down", format="int"),
    "n_impacts": _L("Impacts reported", format="int"),
    "n_recommendations": _L("Recommendations", format="int"),
    "rows": _L("Rows", format="int"),
    # shares and summaries
    "prevalence": _L("Share reporting it", "%", "Share of participants who reported the impact.", "pct:0"),
    "share": _L("Share", "%", format="pct:0"),
    "share_completed": _L("Share completed", "%", "Actions completed or embedded, as a share of all actions.", "pct:0"),
    "median": _L("Median"),
    "mean": _L("Mean"),
    "median_a": _L("Median, first group"),
    "median_b": _L("Median, second group"),
    "value": _L("Value"),
    "value_first": _L("First wave"),
    "value_last": _L("Last wave"),
    # statistics
    "estimate": _L("Estimate"),
    "coefficient": _L("Coefficient"),
    "se": _L("Standard error"),
    "se_h0": _L("Standard error under no agreement"),
    "statistic": _L("Test statistic"),
    "df": _L("Degrees of freedom"),
    "ci": _L("95% CI", description="95% confidence interval."),
    "CI": _L("95% CI", description="95% confidence interval."),
    "ci_low": _L("95% CI, lower", description="Lower end of the 95% confidence interval."),
    "ci_high": _L("95% CI, upper", description="Upper end of the 95% confidence interval."),
    "p": _L("p-value", format="p"),
    "p_value": _L("p-value", description="Probability of a difference at least this large if there were none.",
                  format="p"),
    "p_adjusted": _L("Adjusted p-value", description="p-value adjusted for the number of comparisons.", format="p"),
    "ri_p_value": _L("Randomisation p", description="p-value from permuting the councils' dates of entry into "
                     "intervention.", format="p"),
    "ri_p_adjusted": _L("Randomisation p, adjusted", description="Randomisation p-value adjusted across the "
                        "indicators (Holm).", format="p"),
    "p_asymptotic": _L("Large-sample p-value", format="p"),
    "p_adj": _L("Adjusted p-value", format="p"),
    "odds_ratio": _L("Odds ratio", format="ratio:2"),
    "odds_ratio_ci_low": _L("Odds ratio 95% CI, lower", format="ratio:2"),
    "odds_ratio_ci_high": _L("Odds ratio 95% CI, upper", format="ratio:2"),
    "OR CI": _L("Odds ratio 95% CI"),
    "or_ci": _L("Odds ratio 95% CI"),
    "difference": _L("Difference"),
    "hodges_lehmann": _L("Difference (Hodges-Lehmann)",
                         description="Hodges-Lehmann shift: the median of all differences between the two groups."),
    "hodges_lehmann_ci_low": _L("Difference 95% CI, lower"),
    "hodges_lehmann_ci_high": _L("Difference 95% CI, upper"),
    "rank_biserial": _L("Rank-biserial correlation", description="Effect size from -1 to 1; 0 is no difference.",
                        format="num:2"),
    "kendalls_w": _L("Kendall's W", description="Effect size of Friedman's test, from 0 to 1.", format="num:2"),
    "matched_rank_biserial": _L("Matched-pairs rank-biserial correlation", format="num:2",
                                description="Effect size of Wilcoxon's signed-rank test, from -1 to 1; 0 is no change."),
    "effect": _L("Effect size", format="num:2"),
    "kappa": _L("Kappa", format="num:2"),
    "alpha": _L("Significance level"),
    "in_intervention": _L("In intervention", description="A notice or statutory direction in force at the wave.",
                          contrast="In intervention vs not"),
    "reviewed": _L("Reviewed", contrast="After the review vs before"),
    "treated_post": _L("After the review, reviewed councils", contrast="Reviewed councils after the review vs otherwise"),
    "Intercept": _L("Intercept", description="The model's baseline (reference levels of every factor)."),
    "Group Var": _L("Between-council variance"),
    # outcome indicators (DfE children's social care statistics)
    "cin_rate": _L("Children in need", _PER_10K, "Children in need at 31 March per 10,000 children."),
    "cpp_rate": _L("Children on a child protection plan", _PER_10K,
                   "Children on a child protection plan at 31 March per 10,000 children."),
    "referral_rate": _L("Referrals to children's social care", _PER_10K, "Referrals in the year per 10,000 children."),
    "rereferral_pct": _L("Re-referrals within 12 months", "% of referrals",
                         "Referrals within 12 months of a previous referral, as a percentage of referrals."),
    "sw_turnover_pct": _L("Social worker turnover", "%", "Children's social workers who left in the year, as a "
                          "percentage of social workers in post."),
    "cla_rate": _L("Children looked after", _PER_10K),
}

#: Value labels by domain.
_VALUES: dict[str, dict[str, str]] = {
    "status": {"no_intervention": "Not in intervention", "intervention": "In intervention",
               "none": "Not in intervention", "notice": "Notice to Improve / Improvement Notice",
               "direction": "Statutory direction", "in_intervention": "In intervention",
               "not_in_intervention": "Not in intervention",
               "intervention_at_some_wave": "In intervention at some wave",
               "intervention_at_no_wave": "Not in intervention at any wave"},
    "method": {"holm": "Holm", "fdr_bh": "Benjamini-Hochberg", "fdr_by": "Benjamini-Yekutieli",
               "bonferroni": "Bonferroni", "hommel": "Hommel", "sidak": "Šidák", "none": "None",
               "gee": "GEE", "mixed": "Linear mixed model", "ordinal": "Ordinal model", "wilson": "Wilson",
               "newcombe": "Newcombe", "exact": "Exact", "midp": "Mid-p", "normal": "Normal approximation",
               "asymptotic": "Large-sample", "permutation": "Permutation", "auto": "Automatic"},
    "test": {"permutation": "Permutation test", "mann_whitney": "Mann-Whitney U test",
             "kruskal_wallis": "Kruskal-Wallis test", "fisher_exact": "Fisher's exact test",
             "fisher_midp": "Fisher's mid-p test", "chi2": "Chi-squared test", "mcnemar": "McNemar's test",
             "cochran_q": "Cochran's Q test", "wilcoxon": "Wilcoxon signed-rank test", "friedman": "Friedman test",
             "t_test": "t-test", "welch": "Welch's t-test"},
    "effect_type": {"difference": "Difference", "matched_rank_biserial": "Matched rank-biserial correlation",
                    "kendalls_w": "Kendall's W", "rank_biserial": "Rank-biserial correlation",
                    "odds_ratio": "Odds ratio", "risk_difference": "Risk difference"},
    "metric": {"percent_agreement": "Percentage agreement", "cohen_kappa": "Cohen's kappa",
               "fleiss_kappa": "Fleiss' kappa", "gwet_ac1": "Gwet's AC1", "krippendorff_alpha": "Krippendorff's alpha"},
    "realisation": {"realised": "Realised", "unmet_expectation": "Unmet expectation",
                    "unanticipated": "Unanticipated", "not_mentioned": "Not mentioned",
                    "under_way_reported": "Under way before the review, reported after",
                    "under_way_not_reported": "Under way before the review, not reported after",
                    "incomplete": "Incomplete (a wave missing)"},
    "persistence": {"sustained": "Sustained", "faded": "Faded", "emerging": "Emerging", "absent": "Absent",
                    "incomplete": "Incomplete (a wave missing)"},
    "bool": {"True": "Yes", "False": "No", "true": "Yes", "false": "No"},
}

#: Values of a domain that name the same thing under different machine names, to the one whose label is theirs: a
#: council at the intervention level 'none' is in the group 'no_intervention' at that wave (checked by
#: :func:`impact.report._consistency.label_clashes`: Table 2 and Figure 1 said "No intervention" where every other
#: table said "Not in intervention").
_SAME_THING: dict[str, dict[str, str]] = {
    "status": {"none": "no_intervention", "not_in_intervention": "no_intervention", "in_intervention": "intervention"},
}

#: Values of a domain that group councils another way than its others, by what grouping they belong to (the others:
#: ""): the status groups at any wave beside the status at each wave. A heading or legend title over values of two
#: groupings names two things (:func:`impact.report._consistency.label_homonyms`).
_GROUPINGS: dict[str, dict[str, str]] = {
    "status": {"intervention_at_no_wave": "at any wave", "intervention_at_some_wave": "at any wave"},
}

#: Which value domain each column's values belong to.
_DOMAINS: dict[str, str] = {
    "wave": "wave", "wave_label": "wave", "time_first": "wave", "time_last": "wave", "compared_with": "wave",
    "code": "code", "impact": "code",
    "status": "status", "group": "status", "group_a": "status", "group_b": "status", "status_group": "status",
    "intervention": "status",
    "adjust": "method", "method": "method", "ci_method": "method",
    "test": "test", "effect_type": "effect_type", "metric": "metric",
    "realisation": "realisation", "persistence": "persistence",
    "term": "term", "measure": "column",
}

#: Canonical order of the levels of a domain (waves and codes come from the study and codebook).
_ORDERS: dict[str, list[str]] = {
    "status": ["no_intervention", "intervention", "none", "notice", "direction", "intervention_at_no_wave",
               "intervention_at_some_wave"],
    "realisation": ["realised", "unanticipated", "unmet_expectation", "not_mentioned", "under_way_reported",
                    "under_way_not_reported", "incomplete"],
    "persistence": ["sustained", "emerging", "faded", "absent", "incomplete"],
}

_PROVENANCE: dict[str, str] = {
    "package": "Software", "version": "Software version", "impact_version": "Software version (rendering)",
    "python": "Python version", "study": "Study", "study_hash": "Study fingerprint (SHA-256)",
    "codebook": "Codebook", "codebook_version": "Codebook version", "codebook_hash": "Codebook fingerprint (SHA-256)",
    "parameters": "Parameters", "seed": "Random seed", "n_resamples": "Resamples per permutation test",
    # beside "Resamples per permutation test: 2,000" a bare "999" read as a contradiction: the label says why the
    # indicators' tests use fewer (impact._limits.INDICATOR_REASSIGNMENTS_MAX; report truth round 32)
    "n_reassignments": "Random reassignments per randomisation test of an indicator (the resamples per permutation "
                       f"test, at most {INDICATOR_REASSIGNMENTS_MAX:,}: each reassignment re-estimates every cohort's "
                       "effects)",
    "alpha": "Significance level", "adjust": "Adjustment for multiple comparisons",
    "statistical_warnings": "Statistical caveats", "generated": "Produced", "command": "Command",
    "identify": "Real council names shown", "min_count": "Smallest count published",
    "quote_k": "Fewest councils sharing a quote's attribution",
    "council_matrix": "Framework matrix with a row per council", "date": "Date", "author": "Author",
    "measure": "Measure of impact", "coding": "Coding", "study_layout": "Study files", "n_files": "Number of files",
    "counts_withheld": "Counts withheld",
    # one line in the about table's item column: `impact validate` lists them, provenance.json says where each is
    "validation_warnings": "Warnings on the study's files (impact validate)",
    "hash": "Fingerprint (SHA-256)", "coded_hash": "Supplied codings fingerprint (SHA-256)", "interviews_not_coded": "Interviews not coded (no respondent speech)",
}


#: Provenance keys whose value is a count, written with thousands separators ('2,000'); a seed, a version or a year
#: is an identifier and keeps the form it is typed in ('--seed 32301').
_PROVENANCE_COUNTS = frozenset({"min_count", "quote_k", "validation_warnings"})


def _is_count(key: str) -> bool:
    """Whether the provenance key ``key`` (its last dotted part) holds a count: ``n_resamples``, ``n_files``,
    ``min_count``; not ``seed`` or ``version``.

    Examples
    --------
    >>> [_is_count(k) for k in ("n_resamples", "n_files", "min_count", "seed", "version")]
    [True, True, True, False, False]
    """
    return key.startswith("n_") or key in _PROVENANCE_COUNTS


@dataclass(frozen=True)
class Vocabulary:
    """Labels for people: of columns, of the values in them, of model terms.

    Parameters
    ----------
    columns : mapping of str to Label or str, optional
        Column (and indicator measure) labels, added to the defaults.
    values : mapping of str to mapping, optional
        Value labels by domain (``"wave"``, ``"code"``, ``"status"``,
        ``"method"``, ...), added to the defaults.
    domains : mapping of str to str, optional
        Which domain a column's values belong to (``{"impact": "code"}``),
        added to the defaults.
    orders : mapping of str to list, optional
        The order of a domain's levels (waves in study order, codes in
        codebook order), used by :meth:`sort` and to find a model's reference
        level.
    confidence : str, optional
        The confidence level of the intervals, as people read it (``"95%"``,
        the default; ``"90%"`` where the analysis ran with alpha 0.1): every
        label that names the level says this one.

    Examples
    --------
    >>> v = Vocabulary(columns={"score": Label("Survey score", "1 to 5")}, values={"code": {"morale": "Staff morale"}})
    >>> v.column("score").header, v.value("impact", "morale"), v.column("unknown_thing").header
    ('Survey score (1 to 5)', 'Staff morale', 'Unknown thing')
    """

    columns: Mapping[str, Label | str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    domains: Mapping[str, str] = field(default_factory=dict)
    orders: Mapping[str, Sequence[str]] = field(default_factory=dict)
    confidence: str = "95%"

    def __post_init__(self) -> None:
        from .._keywords import check_fields

        check_fields(self)  # a table given for `domains` or `orders` was read as its columns (newuser18)
        columns = dict(_COLUMNS)
        for name, label in dict(self.columns).items():
            if isinstance(label, str):
                label = replace(columns.get(name, Label(label)), text=label)
            elif not isinstance(label, Label):
                raise TypeError(f"Vocabulary `columns`[{name!r}] must be a Label or a str, but "
                                f"{type(label).__name__} was passed.")
            columns[str(name)] = label
        values = {k: dict(v) for k, v in _VALUES.items()}
        for domain, mapping in dict(self.values).items():
            if not isinstance(mapping, Mapping):
                raise TypeError(f"Vocabulary `values`[{domain!r}] must be a mapping of value to label, but "
                                f"{type(mapping).__name__} was passed.")
            values.setdefault(str(domain), {}).update({str(k): str(v) for k, v in mapping.items()})
        orders = {k: list(v) for k, v in _ORDERS.items()}
        orders.update({str(k): [str(x) for x in v] for k, v in dict(self.orders).items()})
        if self.confidence != "95%":  # the defaults name the 95% level
            columns = {k: replace(v, text=v.text.replace("95%", self.confidence),
                                  description=v.description.replace("95%", self.confidence))
                       for k, v in columns.items()}
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "domains", {**_DOMAINS, **{str(k): str(v) for k, v in dict(self.domains).items()}})
        object.__setattr__(self, "orders", orders)

    # ------------------------------------------------------------------ building
    def updated(self, *, columns: Mapping | None = None, values: Mapping | None = None,
                domains: Mapping | None = None, orders: Mapping | None = None) -> Vocabulary:
        """A copy with more labels (later entries win).

        Examples
        --------
        >>> Vocabulary().updated(columns={"score": "Score"}).column("score").text
        'Score'
        """
        merged_values = {k: dict(v) for k, v in self.values.items()}
        for domain, mapping in (values or {}).items():
            merged_values.setdefault(str(domain), {}).update(mapping)
        return Vocabulary(columns={**self.columns, **dict(columns or {})}, values=merged_values,
                          domains={**self.domains, **dict(domains or {})}, orders={**self.orders, **dict(orders or {})},
                          confidence=self.confidence)

    def with_waves(self, labels: Mapping[str, str]) -> Vocabulary:
        """A copy that knows the study's waves: ``{wave_id: label}`` in study order."""
        labels = {str(k): str(v) for k, v in labels.items()}
        return self.updated(values={"wave": labels}, orders={"wave": list(labels)})

    def with_codes(self, labels: Mapping[str, str]) -> Vocabulary:
        """A copy that knows the codebook: ``{code_id: label}`` in codebook order."""
        labels = {str(k): str(v) for k, v in labels.items()}
        return self.updated(values={"code": labels}, orders={"code": list(labels)})

    @classmethod
    def for_study(cls, study, codebook=None, **more) -> Vocabulary:
        """The vocabulary of a study: its wave labels and order, its codebook's labels and order.

        Parameters
        ----------
        study : impact.Study
        codebook : impact.coding.Codebook, optional
        **more
            ``columns``, ``values``, ``domains``, ``orders`` passed on to
            :meth:`updated`.

        Examples
        --------
        >>> from impact import load_study, example_path
        >>> v = Vocabulary.for_study(load_study(example_path()))
        >>> v.term("C(wave)[T.longer_term]")
        'Longer-term change vs expectations before the review'
        """
        vocabulary = cls().with_waves(dict(zip(study.waves["wave"], study.waves["label"], strict=True)))
        roles = getattr(study, "vocabularies", None)
        if roles is not None:
            try:
                extra = roles() if callable(roles) else roles
                vocabulary = vocabulary.updated(values={k: v for k, v in dict(extra).items() if isinstance(v, Mapping)})
            except Exception:  # noqa: BLE001 - study vocabularies are optional extras
                pass
        if codebook is not None:
            codes = codebook.codes
            vocabulary = vocabulary.with_codes(dict(zip(codes["code_id"], codes["label"], strict=True)))
        return vocabulary.updated(**more) if more else vocabulary

    # ------------------------------------------------------------------ lookups
    def column(self, name: object) -> Label:
        """The label of a column (or of an indicator measure).

        Known names come from the vocabulary; names built from known parts are
        composed (``median_longer_term`` -> "Median, Longer-term change";
        ``realisation_unmet_expectation`` -> "Realisation: unmet expectation";
        ``cin_per_10k`` -> unit "per 10,000 children"); anything else is
        :func:`humanise` d.

        Examples
        --------
        >>> v = Vocabulary().with_waves({"expectations": "Expectations before the review"})
        >>> v.column("median_expectations").header, v.column("persistence_faded").header
        ('Median, expectations before the review', 'Persistence: faded')
        """
        key = str(name)
        found = self.columns.get(key)
        if found is not None:
            return found  # type: ignore[return-value]
        return self._composed(key) or Label(humanise(key))

    def _composed(self, key: str) -> Label | None:
        parts = key.split("_")
        for cut in range(len(parts) - 1, 0, -1):
            head, tail = "_".join(parts[:cut]), "_".join(parts[cut:])
            domain = self.domains.get(head)
            if domain and domain not in ("term", "column") and tail in self.values.get(domain, {}):
                level = self.values[domain][tail]
                return Label(f"{self.column(head).text}: {_lower_first(level)}", format="int",
                             description=f"Number with {self.column(head).text.lower()} {level.lower()!r}.")
            known = self.columns.get(head)
            if known is not None and tail in self.values.get("wave", {}):
                return replace(known, text=f"{known.text}, {_lower_first(_short(self.values['wave'][tail]))}")
            if known is not None and tail in ("ci_low", "ci_high", "low", "high"):
                end = "lower" if tail.endswith("low") else "upper"
                return Label(f"{known.text} {self.confidence} CI, {end}", known.unit, format=known.format)
        for suffix, unit in (("_per_10k", _PER_10K), ("_pct", "%"), ("_rate", _PER_10K)):
            if key.endswith(suffix) and len(key) > len(suffix):
                base = key[: -len(suffix)]
                known = self.columns.get(base)
                return Label(known.text if known else humanise(base), unit)
        return None

    def value(self, column: object, value: object) -> object:
        """The label of ``value`` in ``column`` (its domain); other values unchanged.

        Examples
        --------
        >>> Vocabulary().value("status", "no_intervention"), Vocabulary().value("test", "friedman")
        ('Not in intervention', 'Friedman test')
        >>> Vocabulary().value("quote", "we_did_this"), Vocabulary().value("n", 3)
        ('We did this', 3)
        """
        if not isinstance(value, str):
            return value
        domain = self.domains.get(str(column), str(column))
        if domain == "term":
            return self.term(value)
        if domain == "column":
            return self.column(value).header
        mapping = self.values.get(domain, {})
        if value in mapping:
            return mapping[value]
        return self.text(value)

    def text(self, value: str) -> str:
        """A free-text cell with its machine leftovers made readable.

        A cell that is wholly a snake_case token, a model term or a Python
        list of strings becomes words; anything else (a quote, a name) is
        left exactly as it is.

        Examples
        --------
        >>> Vocabulary().text("longer_term"), Vocabulary().text("['a_b', 'c']")
        ('Longer term', 'A b and c')
        >>> Vocabulary().text("We rewrote the threshold_document.")
        'We rewrote the threshold_document.'
        """
        stripped = value.strip()
        if SNAKE_RE.fullmatch(stripped):
            for mapping in self.values.values():
                if stripped in mapping:
                    return mapping[stripped]
            if stripped in self.columns:
                return self.column(stripped).header
            return humanise(stripped)
        if PATSY_TERM_RE.fullmatch(stripped):
            return self.term(stripped)
        if _PY_LIST_RE.fullmatch(stripped):
            out = self.prose(stripped)
            return out[:1].upper() + out[1:]
        return value

    def prose(self, text: str) -> str:
        """Prose with Python reprs turned into words: lists of strings, ``XWarning:`` prefixes.

        Examples
        --------
        >>> v = Vocabulary().with_waves({"early": "Early impact", "late": "Later"})
        >>> v.prose("AttritionWarning: units lack ['early', 'late'] and were left out")
        'Attrition: units lack early impact and later and were left out'
        """
        def listed(match: re.Match) -> str:
            items = re.findall(r"'([^'\n]*)'", match.group(0))
            return _listed(self._token(i) for i in items)

        def snake(match: re.Match) -> str:
            words = _lower_first(self.text(match.group(0)))
            # a label with its own article ('The review process, ...') after the article of the prose ('the
            # review_process codebook') is not 'the the review process'
            if _ARTICLE_BEFORE_RE.search(match.string, 0, match.start()) and _OWN_ARTICLE_RE.match(words):
                words = _OWN_ARTICLE_RE.sub("", words, count=1)
            return words

        def column_value(match: re.Match) -> str:
            # a column and its value as a library quotes them ("GEE for code 'learning'", "every code with
            # status_group 'intervention'") is the value's label, in words mid-sentence: the caveats read "GEE for
            # code 'Promotion of learning and reflective practice'" and "intervention status 'In intervention'",
            # labels in quotes and in Title Case beside the same labels in lower case in the sentences around them
            # (report truth round 28)
            column, value = match.groups()
            domain = self.domains.get(column)
            if domain is None or domain in ("term", "column") or value not in self.values.get(domain, {}):
                return match.group(0)
            return _lower_first(self.values[domain][value])

        def quoted(match: re.Match) -> str:
            # an identifier quoted as Python quotes it is named in words: a code or a wave by its label, as the
            # codebook writes it but in lower case mid-sentence (SNAKE_RE finds only identifiers of two words or
            # more, so 'plans_actions' was named by its label and 'learning' was not: round 27), a column by how it
            # reads in a sentence ("the change in 'share reported' across 'wave'": round 28); one the vocabulary does
            # not know is left to the rules below.
            # Only the levels of an ordered domain (the codebook's codes, the study's waves): a value added for one
            # table's sake ('all' -> 'All impacts') is not what a warning quoting 'all' means.
            token = match.group(1)
            for domain, order in self.orders.items():
                if token in order and token in self.values.get(domain, {}):
                    return _lower_first(self.values[domain][token])
            phrase = self._phrase(token)
            if phrase is None:
                return match.group(0)
            # after a word that does an article's work ("no 'value'", "a missing 'value'"), without the phrase's own
            if _DETERMINER_BEFORE_RE.search(match.string, 0, match.start()):
                phrase = _OWN_ARTICLE_RE.sub("", phrase, count=1)
            return phrase

        def counted(match: re.Match) -> str:
            # columns a library quotes after 'per' or 'every' ("one per 'code' and 'status_group'") are the nouns of
            # their labels, without an article
            def noun(m: re.Match) -> str:
                name = m.group(1)
                known = name in self.columns or self._composed(name) is not None
                return _lower_first(self.column(name).text) if known else m.group(0)

            return match.group(1) + re.sub(r"'([a-z][a-z0-9_]*)'", noun, match.group(2))

        text = _PY_LIST_RE.sub(listed, text)
        text = _COUNTED_COLUMNS_RE.sub(counted, text)
        text = _COLUMN_VALUE_RE.sub(column_value, text)
        text = _QUOTED_WORD_RE.sub(quoted, text)
        def prefix(match: re.Match) -> str:
            if match.group(2) == "Warning" and match.group(1) in _GENERIC_WARNINGS:
                return match.group(3)[:1].upper()
            return humanise_camel(match.group(1)) + ": " + match.group(3)

        text = _CLASS_PREFIX_RE.sub(prefix, text)
        text = PATSY_TERM_RE.sub(lambda m: self.term(m.group(0)), text)
        return SNAKE_RE.sub(snake, text)

    def _phrase(self, name: str) -> str | None:
        """How the column ``name`` reads in a sentence ("the waves", "the share of a council's participants reporting
        the impact"), or None for a name that is no column the vocabulary knows.

        Examples
        --------
        >>> v = Vocabulary()
        >>> v._phrase("wave"), v._phrase("share_anticipated"), v._phrase("council_type"), v._phrase("zzz_qq")
        ('the waves', "the share of a council's participants anticipating the impact", 'the council type', None)
        """
        if name in _PHRASES:
            return _PHRASES[name]
        share = re.fullmatch(r"share_([a-z]+)ed", name)
        if share:  # a council's share of participants with a measure (share_reported), the outcome of its tests
            return (f"the share of a council's participants {share.group(1)}ing the "
                    f"{_lower_first(self.column('code').text)}")
        if name in self.columns or self._composed(name) is not None:
            return "the " + _lower_first(self.column(name).text)
        return None

    def _token(self, token: str) -> str:
        for mapping in self.values.values():
            if token in mapping:
                return _lower_first(mapping[token])
        return _lower_first(humanise(token)) if SNAKE_RE.fullmatch(token) else token

    def term(self, term: object, *, terms: Iterable[str] = ()) -> str:
        """A model term as a contrast in words.

        Parameters
        ----------
        term : str
            As statsmodels names it: ``Intercept``, ``C(wave)[T.early]``,
            ``C(wave, Treatment('early'))[T.longer_term]``,
            ``in_intervention[T.True]``, ``a:b`` (interaction), ``score``.
        terms : iterable of str, optional
            The other terms of the same model, to find the reference level
            of a factor: the first level (in the domain's order) that none
            of them names.

        Examples
        --------
        >>> v = Vocabulary().with_waves({"a": "Before", "b": "After (3 months)", "c": "Later"})
        >>> v.term("C(wave)[T.c]", terms=["C(wave)[T.b]", "C(wave)[T.c]"])
        'Later vs before'
        >>> v.term("C(wave, Treatment('b'))[T.c]")
        'Later vs after'
        >>> v.term("C(wave)[T.b]:in_intervention[T.True]")
        'After vs before, by in intervention vs not'
        """
        if not isinstance(term, str):
            return str(term)
        text = term.strip()
        if text in self.columns and ":" not in text:
            label = self.column(text)
            return label.contrast or label.header
        parts = _split_interaction(text)
        if len(parts) > 1:
            words = [self.term(p, terms=terms) for p in parts]
            return words[0] + ", by " + ", by ".join(_lower_first(w) for w in words[1:])
        m = _TERM_PART_RE.match(text)
        if m is None:
            return self.text(text) if SNAKE_RE.fullmatch(text) else text
        factor = m.group("cfactor") or m.group("factor")
        level = m.group("level")
        if level is None:
            label = self.column(factor)
            return label.contrast or label.header
        ref = None
        args = m.group("cargs") or ""
        found = _REFERENCE_RE.search(args)
        if found:
            ref = found.group("ref").strip()
        if level in ("True", "False", "1", "1.0"):
            label = self.column(factor)
            if label.contrast:
                return label.contrast if level != "False" else f"Not {_lower_first(label.text)} vs {_lower_first(label.text)}"
            return f"{label.text} vs not" if level != "False" else f"Not {_lower_first(label.text)}"
        domain = self.domains.get(factor, factor)
        names = self.values.get(domain, {})
        if ref is None:
            ref = self._reference(factor, level, terms)
        shown = _short(names.get(level, humanise(level)))
        if ref is None:
            return f"{self.column(factor).text}: {_lower_first(shown)} vs reference"
        if m.group("t") is None and not found and not terms:
            return shown
        return f"{shown} vs {_lower_first(_short(names.get(ref, humanise(ref))))}"

    def _reference(self, factor: str, level: str, terms: Iterable[str]) -> str | None:
        domain = self.domains.get(factor, factor)
        order = list(self.orders.get(domain, ()))
        if not order:
            return None
        named = {level}
        for other in terms:
            for part in _split_interaction(str(other)):
                m = _TERM_PART_RE.match(part.strip())
                if m and (m.group("cfactor") or m.group("factor")) == factor and m.group("level"):
                    named.add(m.group("level"))
        for candidate in order:
            if candidate not in named:
                return candidate
        return None

    def provenance_key(self, key: str) -> str:
        """A dotted provenance key in words: ``parameters.seed`` -> "Parameters: random seed"."""
        parts = str(key).split(".")
        words = [_PROVENANCE.get(p) or self.column(p).header for p in parts[:1]]
        words += ["Version" if p == "version" else _PROVENANCE.get(p) or self.column(p).header for p in parts[1:]]
        return words[0] + "".join(": " + _lower_first(w) for w in words[1:])

    def provenance_value(self, key: str, value: object) -> str:
        """A provenance value in words (Yes/No, method names, prose without reprs)."""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        text = str(value)
        if _ISO_STAMP_RE.fullmatch(text.strip()):
            stamp = pd.Timestamp(text.strip())
            when = f"{stamp.day} {stamp:%B %Y}"
            if stamp.hour or stamp.minute or stamp.second:
                when += f", {stamp:%H:%M}" + (" UTC" if stamp.tzinfo is not None and not stamp.utcoffset() else "")
            return when
        last = str(key).split(".")[-1]
        from ..privacy._provenance import _WITHHELD

        if text == _WITHHELD:  # a count provenance.json withholds (disclosure round 74), written as a cell's word is
            return _WITHHELD.capitalize()
        if pd.api.types.is_integer(value) and _is_count(last):  # '2,000 resamples', as the report's prose writes counts
            return f"{value:,}"
        if last in self.domains:
            return str(self.value(last, text))
        if text in self.values.get(last, {}):  # a value with a label of its own (the codebook by its title)
            return str(self.values[last][text])
        return self.prose(text)

    # ------------------------------------------------------------------ ordering
    def order(self, domain: str) -> list[str]:
        """The levels of a domain in order (waves in study order, codes in codebook order)."""
        return list(self.orders.get(domain, ()))

    def sort(self, frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
        """A copy of ``frame`` sorted by ``by`` in each column's domain order.

        Values are matched as machine names or as their labels; values the
        order does not know come after, in their order of appearance.

        Examples
        --------
        >>> v = Vocabulary().with_waves({"expectations": "Before", "early": "Early", "longer_term": "Later"})
        >>> df = pd.DataFrame({"wave": ["longer_term", "Early", "expectations"], "x": [1, 2, 3]})
        >>> v.sort(df, ["wave"])["x"].tolist()
        [3, 2, 1]
        """
        keys = []
        for col in by:
            if col not in frame.columns:
                raise ValueError(f"Cannot sort by {col!r}: it is not a column of the table {list(frame.columns)}.")
            domain = self.domains.get(col, col)
            order = self.order(domain)
            labels = self.values.get(domain, {})
            rank = {v: i for i, v in enumerate(order)}
            rank.update({labels[v]: i for i, v in enumerate(order) if v in labels})
            seen = {v: len(order) + i for i, v in enumerate(pd.unique(frame[col].astype(object)))}
            keys.append(frame[col].map(lambda v, rank=rank, seen=seen: rank.get(v, seen.get(v, len(rank)))))
        key_frame = pd.DataFrame({f"_k{i}": k.to_numpy() for i, k in enumerate(keys)}, index=frame.index)
        position = key_frame.sort_values(list(key_frame.columns), kind="stable").index
        return frame.loc[position].copy()


def humanise_camel(name: str) -> str:
    """``AttritionWarning`` prefix class names as words: "Attrition", "Small sample"."""
    words = re.findall(r"[A-Z][a-z]*", name)
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:].lower()


def _split_interaction(term: str) -> list[str]:
    """Split ``a:b`` at colons outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(term):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == ":" and depth == 0:
            parts.append(term[start:i])
            start = i + 1
    parts.append(term[start:])
    return [p for p in parts if p]


def find_machine_names(text: str) -> list[str]:
    """Machine identifiers in text a person reads: snake_case names, model terms, Python reprs.

    Used by the rendering tests; web addresses, file names and e-mail
    addresses are not counted.

    Examples
    --------
    >>> find_machine_names("Median of p_adjusted for C(wave)[T.early], see tables/data_dictionary.csv")
    ['C(wave)[T.early]', 'p_adjusted']
    >>> find_machine_names("Plain words (and a list) only; Children in need (per 10,000)")
    []
    >>> find_machine_names("Groups: ('a', 'b'), {'seed': 0}, None, nan")
    ["('a', 'b')", "{'seed': 0}"]
    """
    found: list[str] = []
    scrubbed = re.sub(r"\S+\.(?:csv|json|xlsx|docx|html|png|svg|txt|yaml|parquet)\b|https?://\S+|\S+@\S+", " ", text)
    found += PATSY_TERM_RE.findall(scrubbed)
    scrubbed = PATSY_TERM_RE.sub(" ", scrubbed)
    found += [m.group(0) for m in SNAKE_RE.finditer(scrubbed)]
    found += re.findall(r"(?<![\w./\\-])_[a-z][a-z0-9_]*(?![\w/\\-])", scrubbed)  # a column's suffix: '_a: Not in ...'
    found += _PY_LIST_RE.findall(scrubbed)
    found += re.findall(r"\{'[^'\n]*':[^}\n]*\}", scrubbed)
    return found


#: The vocabulary a renderer uses when the report brings none.
DEFAULT_VOCABULARY = Vocabulary()
