"""A library's warnings said in a reader's words, with the figures they concern.

The analysis fits its models with numpy, scipy and statsmodels, whose warnings speak to a programmer ("overflow
encountered in exp", "Maximum Likelihood optimization failed to converge", "The MLE may be on the boundary of the
parameter space"). Printed among the report's statistical caveats they told a reader nothing of what happened or of
which figures it touches (seed 32307, 9 councils: "Overflow encountered in exp", report truth round 33).
:func:`said_in_words` re-issues each such warning as a :class:`LibraryWarning` whose text says, in words, what the
warning means (:func:`library_caveat`) and for which figures; the library's own message is kept on the warning
(``sources``) for provenance.json.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from typing import NamedTuple

from .errors import ImpactError, ImpactWarning, StatisticalWarning, recorded_warnings, user_level

__all__ = ["LibraryWarning", "library_caveat", "fit_failed", "failure_words", "said_in_words", "is_library_warning",
           "reissue_per_item", "MODEL_FIGURES", "own_warning_words", "OWN_SOURCE", "STANDARD_ERROR_OF",
           "STATUS_BY_RANDOMISATION"]


class LibraryWarning(StatisticalWarning):
    """A warning of a library the analysis uses, in a reader's words; ``sources`` keeps the library's own words."""

    def __init__(self, text: str, sources: tuple[str, ...] = ()) -> None:
        super().__init__(text)
        self.sources = tuple(sources)


#: (test on the warning class's name and its message, what it means for the figures of a fit that finished with the
#: warning, what it means for a fit that stopped with it as an error) in the order tried: the first that matches says
#: what happened.  Each meaning completes "<figures>: ..." (the second, "<figures> could not be fitted: ...") and names
#: no library.
_MEANINGS: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"PerfectSeparation|separation|overflow encountered in (?:exp|power)|exp\b.*overflow", re.I),
     "fitted probabilities ran to 0 or 1 (separation or near-separation: in some wave or group of councils the impact "
     "was reported by all or by none of the participants), so the estimates there are extreme and their standard "
     "errors and p-values cannot be relied on",
     "fitted probabilities ran to 0 or 1 (separation: in some wave or group of councils the impact was reported by all "
     "or by none of the participants), so the model has no finite estimates"),
    (re.compile(r"boundary|random effects covariance is singular|not positive definite", re.I),
     "a variance of the mixed model (between councils, or between respondents) was estimated at or near zero, the edge "
     "of the values it can take (a boundary fit): the data show no spread at that level beyond chance, and the standard "
     "errors rest on the rest of the model, so read them with care",
     "a variance of the mixed model (between councils, or between respondents) came out at zero or below, the edge of "
     "the values it can take, and the fit stopped there (the data show no spread at that level beyond chance)"),
    (re.compile(r"Convergence|IterationLimit|converge|iteration limit|optimi[sz]ation failed", re.I),
     "the fitting did not settle on a best fit within its limit of steps (it did not converge), so the estimates may "
     "not be the best fit to the data: read them with caution",
     "the fitting did not settle on a best fit within its limit of steps (it did not converge)"),
    (re.compile(r"HessianInversion|singular|LinAlg|ill[- ]conditioned|condition number|collinear", re.I),
     "a matrix the fit had to invert was singular or nearly so (some terms almost repeat others, or a group has too "
     "few observations), so standard errors and p-values there are unreliable",
     "a matrix the fit had to invert was singular (some terms of the model repeat others, or a group has too few "
     "observations to estimate its own terms)"),
    (re.compile(r"invalid value|divide by zero|division by zero|degrees of freedom <= 0|mean of empty|\bnan\b", re.I),
     "a quantity could not be computed (a division by zero, or a logarithm or square root out of its range, as where a "
     "group shows no spread or a share is 0 or 1), so figures resting on it are shown as missing",
     "a quantity it needed was undefined (a division by zero, or a logarithm or square root out of its range, "
     "as where a group shows no spread or a share is 0 or 1)"),
    (re.compile(r"overflow|underflow", re.I),
     "a number in the calculation went beyond the range a computer holds, so figures resting on it may be extreme or "
     "missing",
     "a number in the calculation went beyond the range a computer holds"),
]

#: The figures the warnings of some models and tests name (:func:`said_in_words`): the survey's model of the score
#: across the waves, and its change by intervention status, the models weighted for missed interviews, the comparisons
#: of councils by status and the tests of change across the waves; the report reads them back to say a caveat only of
#: figures its tables show.
MODEL_FIGURES = {"comparisons": "the comparisons of councils by intervention status",
                 "change_over_time": "the tests of change across the waves",
                 "survey_model": "the survey model (the change in survey scores across the waves)",
                 "survey_by_status": "the survey model by intervention status",
                 "attrition_sensitivity": "the models weighted for missed interviews (the attrition sensitivity table)"}

#: What a separated fit left, in words (:func:`reissue_per_item`'s ``separated``): no finite estimate (``"none"``),
#: finite but extreme ones (``"extreme"``), or the model's own replaced by Firth's penalised likelihood's (``"firth"``:
#: the caveat said the estimates "cannot be relied on" of the figures the models table showed by Firth's fit, with a
#: valid test, seed 36207, 14 councils).
SEPARATED = {
    "none": _MEANINGS[0][2],
    "extreme": _MEANINGS[0][1],
    "firth": "fitted probabilities ran to 0 or 1 (separation: in some wave or group of councils the impact was reported "
             "by all or by none of the participants), so the model's own estimates diverge and mean nothing: those "
             "shown for it are Firth's penalised likelihood's, which stay finite",
}

#: A warning that a fit separated or did not converge (the library's words or the package's), or that a standard error
#: of it is not identified or could not be computed (:data:`_NO_STANDARD_ERROR`): for a fit known to have separated,
#: each is said as the one cause,
#: separation (:func:`reissue_per_item`). Fitted probabilities of 0 or 1 leave the councils' residuals at zero, so the
#: sandwich has no variation to measure: a separated fit drew "the standard error ... is not identified: it rests on a
#: single council" beside its separation caveat, two reasons for one fit, the first derivative and untrue of a fit no
#: single council drove (report truth round 37).
_SEPARATION_OR_NOT_CONVERGED = re.compile("|".join(test.pattern for test, *_ in _MEANINGS[:1] + _MEANINGS[2:3])
                                          + r"|no finite estimates", re.I)
#: A warning that a standard error is not identified or could not be computed: said as separation for a separated fit,
#: unless a status group of it has a single council, where "rests on a single council" is true of it and no cause of
#: the separation's.
_NO_STANDARD_ERROR = re.compile(r"standard error of .* (?:is not identified|could not be computed)", re.I)

#: What an unknown warning is said to be: that one came, and where its own words are kept.
_UNKNOWN = ("a library the analysis uses gave a warning this report does not explain (its message is kept in "
            "provenance.json, under statistical_warning_sources), so check these figures before relying on them",
            "a library the analysis uses stopped with an error this report does not explain (its message is kept in "
            "provenance.json, under statistical_warning_sources)")


#: Why a fit stopped with one of the package's own errors (a ``ValueError`` or :class:`~impact.errors.ImpactError`
#: raised in its files), in a reader's words: (test on the error's class name and message, what it means for the
#: figures), in the order tried. The package's messages are written for an analyst calling its functions: they name
#: arguments, columns and formulas ("... come from a single one (`council_id`)" was printed among the tiny study's
#: caveats, report truth round 40). Each meaning completes "<figures> could not be fitted: ..." (or an indicator's
#: "not estimable: ...") and names no argument, column or formula; the message is kept for provenance.json.
_OWN_MEANINGS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"at least two units|single (?:one|unit)", re.I),
     "the observations it would rest on come from a single council, and a model of councils needs at least two to "
     "tell a change from the ups and downs of a single one"),
    (re.compile(r"no non-missing value|No row has", re.I),
     "none of the observations it would rest on has every figure it needs (each lacks one)"),
    (re.compile(r"one period|at least two (?:periods|waves|time)", re.I),
     "its figures are observed in a single period only, and a change needs at least two"),
    (re.compile(r"first treated within|no treatment effect", re.I),
     "no council started (was reviewed, or given its notice) within the periods the figures cover, so there is no "
     "change after a start to estimate"),
    (re.compile(r"never-treated|comparison units?|treated and comparison", re.I),
     "it needs councils that started within the periods the figures cover and councils that did not, to compare "
     "with, and one of the two is missing"),
    (re.compile(r"fewer terms than rows", re.I),
     "it has as many quantities to estimate as observations, or more: too few observations for the model"),
    (re.compile(r"NotIdentified|not identified|constant or combinations", re.I),
     "the data cannot tell some of its quantities apart (a status no council had at some wave, a wave or group with "
     "no observation, or two terms that always move together)"),
]

#: What the package's own error no rule of :data:`_OWN_MEANINGS` knows is said to be.
_OWN_UNKNOWN = ("the data it would rest on do not meet a requirement of the analysis (the reason, written for an "
                "analyst, is kept in provenance.json, under statistical_warning_sources)")


#: The package's own folder: a plain ``UserWarning`` issued from a file in it is the package's, in words already.
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def is_library_warning(category: type, filename: str = "") -> bool:
    """Whether a warning of class ``category`` (issued from ``filename``) is a library's, not one of the package's
    own (said in words already): the package's are :class:`~impact.errors.ImpactWarning`, or a plain ``UserWarning``
    issued from its own files.

    >>> is_library_warning(RuntimeWarning), is_library_warning(StatisticalWarning), is_library_warning(UserWarning)
    (True, False, True)
    """
    if issubclass(category, ImpactWarning):
        return False
    return not (category is UserWarning and os.path.abspath(filename or "/").startswith(_PACKAGE + os.sep))


def library_caveat(category: type | str, message: object, figures: str, *, logistic: bool = True) -> str:
    """What a library's warning of class ``category`` with ``message`` means for ``figures``, in a reader's words.

    Examples
    --------
    >>> library_caveat(RuntimeWarning, "overflow encountered in exp", "the model of code 'learning'")[:70]
    "The model of code 'learning': fitted probabilities ran to 0 or 1 (sepa"
    >>> library_caveat("ConvergenceWarning", "Maximum Likelihood optimization failed", "the survey model")[:60]
    'The survey model: the fitting did not settle on a best fit w'
    >>> "provenance.json" in library_caveat("ValueWarning", "something new", "the comparisons")
    True
    """
    return f"{figures[:1].upper()}{figures[1:]}: {_meaning(category, message, logistic)}."


def _meaning(category: type | str, message: object, logistic: bool = True, *, failed: bool = False) -> str:
    """What the warning means (or the error, where the fit ``failed``); an overflow is separation only in a model of
    probabilities (``logistic``)."""
    name = category if isinstance(category, str) else category.__name__
    said = f"{name} {message}"
    rules = _MEANINGS if logistic or re.search("separation", said, re.I) else _MEANINGS[1:]
    return next((meanings[failed] for test, *meanings in rules if test.search(said)), _UNKNOWN[failed])


def fit_failed(exc: BaseException, figures: str, lost: str, *, logistic: bool = True) -> StatisticalWarning:
    """The warning to issue where the fit of ``figures`` stopped with the error ``exc``; ``lost`` says what the
    report is without ("the report has no survey model").

    The error is said in words, what it means for a fit that failed, and its own words are kept on the warning, a
    :class:`LibraryWarning`, for provenance.json: a library's ("Singular matrix" printed among the caveats told a
    reader nothing, report truth round 34) and the package's own, written for an analyst calling its functions (its
    arguments, columns and formulas: report truth round 40).

    Examples
    --------
    >>> import numpy as np
    >>> try:
    ...     np.linalg.inv(np.zeros((2, 2)))
    ... except np.linalg.LinAlgError as exc:
    ...     w = fit_failed(exc, "the survey model", "the report has no survey model")
    >>> str(w)[:76]
    'The survey model could not be fitted: a matrix the fit had to invert was sin'
    >>> w.sources[0][:30]
    'LinAlgError: Singular matrix ('
    """
    words, source = failure_words(exc, logistic=logistic)
    return LibraryWarning(f"{figures[:1].upper()}{figures[1:]} could not be fitted: {words}, so {lost}.",
                          (f"{source[:-1]}; {figures})",))


def failure_words(exc: BaseException, *, logistic: bool = True) -> tuple[str, str]:
    """Why a fit stopped with ``exc``, in a reader's words, and the error's own words with where it was raised (for
    provenance.json). The package's own error (a ``ValueError`` or :class:`~impact.errors.ImpactError` raised in its
    files; Python's "float division by zero" raised there is not) is said by :data:`_OWN_MEANINGS`, a library's by
    what it means for a fit that failed.

    >>> failure_words(ZeroDivisionError("float division by zero"))[0][:40]
    'a quantity it needed was undefined (a di'
    >>> failure_words(ValueError("zq"))[1][:18]
    'ValueError: zq ((w'
    """
    where = _raised_in(exc)
    if where.startswith(_PACKAGE + os.sep) and (type(exc) is ValueError or isinstance(exc, ImpactError)):
        said = f"{type(exc).__name__} {exc}"
        words = next((meaning for test, meaning in _OWN_MEANINGS if test.search(said)), _OWN_UNKNOWN)
    else:
        words = _meaning(type(exc), exc, logistic, failed=True)
    return words, f"{type(exc).__name__}: {exc} ({_module(where)})"


def _module(path: str) -> str:
    """``path`` named from its library's folder (site-packages) or the package's, not from the machine's root."""
    module = re.sub(r"^.*?(?:site|dist)-packages[/\\]", "", path).replace("\\", "/")
    here = os.path.dirname(_PACKAGE).replace("\\", "/") + "/"  # the package's own file, named from its folder
    return module[len(here):] if module.startswith(here) else module


def _raised_in(exc: BaseException) -> str:
    """The file and line where ``exc`` was raised (the innermost frame of its traceback)."""
    tb = exc.__traceback__
    if tb is None:
        return "(where unknown)"
    while tb.tb_next is not None:
        tb = tb.tb_next
    return f"{os.path.abspath(tb.tb_frame.f_code.co_filename)}, line {tb.tb_lineno}"


def _source(w: warnings.WarningMessage, figures: str) -> str:
    """The library's own words of a warning, where it came from and the figures it concerned (for provenance)."""
    return f"{w.category.__name__}: {w.message} ({_module(str(w.filename))}, line {w.lineno}; {figures})"


@contextmanager
def said_in_words(figures: str, *, logistic: bool = True, name_own: bool = False) -> Iterator[None]:
    """Re-issue the library warnings raised inside the block as :class:`LibraryWarning` saying what they mean for
    ``figures`` (a phrase naming the table or model: "the comparisons by intervention status"); the package's own
    warnings pass through as they came, or, with ``name_own``, begin with ``figures`` where they do not already: the
    survey model's "The model did not converge cleanly: ..." among the report's caveats named no table, where every
    other caveat names the figures it is about (report truth round 37). Each distinct warning is issued once.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     with said_in_words("the survey model"):
    ...         warnings.warn("overflow encountered in exp", RuntimeWarning)
    ...         warnings.warn("the package's own", StatisticalWarning)
    >>> [type(w.message).__name__ for w in caught], "overflow" in caught[0].message.sources[0]
    (['LibraryWarning', 'StatisticalWarning'], True)
    """
    with recorded_warnings() as caught:
        yield
    head = f"{figures[:1].upper()}{figures[1:]}"
    own = [w for w in caught if name_own and not is_library_warning(w.category, w.filename)
           and not isinstance(w.message, LibraryWarning) and not str(w.message).startswith(head)]
    reissue_per_item({"": [w for w in caught if w not in own]}, lambda items: figures, logistic=logistic)
    for text, category in dict.fromkeys((f"{head}: {_uncapitalised(str(w.message))}", w.category) for w in own):
        warnings.warn(category(text), stacklevel=user_level())


def _uncapitalised(text: str) -> str:
    """``text`` with its first letter in lower case where it begins a sentence (not an acronym: "GEE", "ICC").

    >>> _uncapitalised("The model did not converge"), _uncapitalised("GEE fits")
    ('the model did not converge', 'GEE fits')
    """
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def reissue_per_item(caught: dict[str, list[warnings.WarningMessage]], figures: Callable[[list[str] | None], str],
                     *, logistic: bool = True, separated: Mapping[str, str] | None = None,
                     lone: Collection[str] = ()) -> None:
    """Issue again the warnings ``caught`` while fitting each item (an impact's model, keyed by its identifier).

    A library's warning is said in words (:func:`library_caveat`) for the figures of the items that raised it,
    ``figures(items)``, or ``figures(None)`` where every item of two or more did; the package's own warning that names
    no item is said of the items that gave it ("The model gave no finite estimates" of two impacts of five told no
    reader which two), or of ``figures(None)`` where every item did (one council alone in intervention: "The standard
    error of in_intervention is not identified" came as it was and named no model); any other as it came. Each
    distinct one is issued once.

    ``separated`` names the items whose fit separated (every participant, or none, had the outcome at some wave or in
    some group), each with what that left (a key of :data:`SEPARATED`): a warning of theirs that the fit did not
    converge or separated, the library's or the package's own, is said as that cause, once per item, its own words
    kept for provenance.json. A separated impact's fit was said in the caveats not to have converged while the models table
    said separation (seed 35071, 7 councils, report truth round 36): separation is why it did not converge. So is
    its warning that a standard error is not identified or could not be computed (fitted probabilities of 0 or 1 leave
    no residual variation to measure), except for the items in ``lone``, a status group of whose fit has a single
    council, where that is a reason of its own (report truth round 37).
    """
    names = [k for k in caught if k]
    said: dict[tuple, tuple[list[str], list[str], warnings.WarningMessage]] = {}
    for item, ws in caught.items():
        for w in ws:
            said_as = f"{w.category.__name__} {w.message}"
            if item in (separated or {}) and (_SEPARATION_OR_NOT_CONVERGED.search(said_as) or (
                    item not in lone and _NO_STANDARD_ERROR.search(said_as))):
                key: tuple = ("cause", SEPARATED[separated[item]])
            elif is_library_warning(w.category, w.filename):
                key = ("library", _meaning(w.category, w.message, logistic))
            elif not item or repr(item) in str(w.message):
                key = ("as_is", w.category.__name__, str(w.message))
            else:
                key = ("own", w.category.__name__, str(w.message))
            its, sources, _ = said.setdefault(key, ([], [], w))
            its.append(item) if item not in its else None
            if key[0] in ("library", "cause"):
                sources.append(_source(w, figures([item] if item else None)))
    for key, (its, sources, w) in said.items():
        every = not names or (len(names) > 1 and set(its) >= set(names))
        if key[0] == "cause":
            where = figures(None if every else its)
            text = f"{where[:1].upper()}{where[1:]}: {key[1]}."
            warnings.warn(LibraryWarning(text, tuple(dict.fromkeys(sources))), stacklevel=user_level())
        elif key[0] == "library":
            text = library_caveat(w.category, w.message, figures(None if every else its), logistic=logistic)
            warnings.warn(LibraryWarning(text, tuple(dict.fromkeys(sources))), stacklevel=user_level())
        elif key[0] == "as_is" or not names:
            warnings.warn(w.message, stacklevel=user_level())
        else:
            # every item's fit gave it (one council alone in intervention: every impact's status term): said of every
            # item's figures, as a library's is, not as it came ("The standard error of in_intervention is not
            # identified" named no model, and was kept where the models table suppressed that term: truth43)
            text = f"{str(w.message).rstrip('.')}, in {figures(None if every else its)}."
            kept = getattr(w.message, "sources", None)  # a failed fit's library words stay with it (round 34)
            warnings.warn(LibraryWarning(text, kept) if kept is not None else w.category(text), stacklevel=user_level())


#: The package's own warnings that reach the report's caveats, said for a reader (:func:`own_warning_words`): each is
#: an :class:`_OwnRule`, (test on the message, what it says in words, an example of the message as the package issues
#: it). The messages are written for an analyst calling the package's functions: they give time points and codes as
#: Python lists of identifiers ("lacks one or more of the time points ['expectations', 'early', 'longer_term']"), name
#: columns in quotes ("changed status_group", "one per 'code' and 'status_group'") and a method by its name ("GEE with 8
#: councils"), all printed among the report's caveats as they were (report truth round 41), and some tell the analyst
#: what to do ("Use a randomisation test", "use method='permutation'": round 42), which is nothing a reader can do.
#: Each says, in words, the counts, the waves and impacts by the labels the report gives them, what it means for the
#: figures and, where the report did something instead, what; the message is kept for provenance.json. A caveat about
#: a status group still says "intervention status", which the report's withholding of such caveats reads; one of the
#: per-impact models still names them "the longitudinal model of code 'x' (the models table)" and a model's term as
#: the models table does (``in_intervention``), which is how the report tells which figures it is of (and the rendered
#: report puts both in words). Every package warning the analysis can issue has a rule: a test walks the package's
#: ``warnings.warn`` calls against the examples (tests/test_report_truth_round42.py).
class _OwnRule(NamedTuple):
    test: re.Pattern
    words: Callable[..., str]
    examples: tuple[str, ...]
    #: whether ``words`` also takes ``councils=``, the study's councils, for a caveat whose weight depends on them
    sized: bool = False


def _few_units() -> int:
    from .stats._models import FEW_UNITS

    return FEW_UNITS


def _few(councils: int | None) -> bool:
    """Whether ``councils`` are few, by the one threshold of the report's "few councils" (the models' ``FEW_UNITS``,
    as :func:`impact.report._build._few_councils` asks); not where the study's size is not known."""
    return councils is not None and int(councils) < _few_units()


#: What the caveat of a status term's standard error resting on a single council adds where the models table gives
#: that term's p-value by the randomisation test instead (the report leaves it out with the term, where the table
#: suppresses the term's row).
STATUS_BY_RANDOMISATION = (", and the models table gives the p-value of intervention status, where that test can be "
                           "made, by the randomisation test (intervention status reassigned among the councils), "
                           "which rests on no standard error")
#: The terms a caveat of a model's standard errors names (the rules below say them "the standard error of <terms> is
#: not identified" or "... is missing"), as the models table's contrast column gives them: the report names only those
#: whose figures it shows.
STANDARD_ERROR_OF = re.compile(r"(?<=\bthe standard error of )(?P<terms>.+?)(?= is (?:not identified|missing)\b)")
_N = r"(?P<k>[\d,]+)"
#: A code as Python quotes it (:func:`repr`), as the per-impact models' warnings name it.
_CODE = r"""(?P<code>'[^']*'|"[^"]*")"""
_OWN_WARNINGS: list[_OwnRule] = [
    _OwnRule(
        re.compile(_N + r" of (?P<n>[\d,]+) (?P<noun>\w+) lacks? one or more of the time points (?P<times>\[[^\]]*\])"
                   r"(?: in at least one group)? and (?:was|were) left out there: only complete cases are tested\."),
        lambda m, say, where: (
            f"{m['k']} of the {m['n']} {m['noun']} {_agree(m['k'], 'was', 'were')} not interviewed, or had no coded "
            f"interview, at one or more of the waves ({say(m['times'])}), so {_agree(m['k'], 'it is', 'they are')} "
            f"left out of these tests, which follow the same {m['noun']} across every wave: they rest on the "
            f"{m['noun']} with a figure at each."),
        ("2 of 8 councils lack one or more of the time points ['a', 'b'] in at least one group and were left out "
         "there: only complete cases are tested.",)),
    _OwnRule(
        re.compile(_N + r" of (?P<n>[\d,]+) (?P<noun>\w+) (?:was|were) seen at every time point but changed "
                   r"(?P<groups>.+?) between them, and (?:was|were) left out of the tests of change within a group\."),
        lambda m, say, where: (
            f"{m['k']} of the {m['n']} {m['noun']} {_agree(m['k'], 'was', 'were')} interviewed at every wave but "
            f"changed {say(m['groups'])} between the waves, so {_agree(m['k'], 'it is', 'they are')} in neither "
            f"group's tests of change, each of which follows the {m['noun']} of one {say(m['groups'])} at every "
            "wave."),
        ("1 of 8 councils was seen at every time point but changed status_group between them, and was left out of "
         "the tests of change within a group.",)),
    _OwnRule(
        re.compile(_N + r" comparisons? (?:has|have) a group with fewer than two (?P<noun>\w+)"
                   r"(?:, the (?P<first>first|one) at (?P<at>.+?),)? and (?:its test has|their tests have) little or "
                   r"no power\."),
        lambda m, say, where: (
            f"{m['k']} of the comparisons {_agree(m['k'], 'has', 'have')} fewer than two {m['noun']} in one "
            "intervention status (in intervention, or not)"
            + (f", {'the first' if m['first'] == 'first' else 'that'} of {say(m['at'])}" if m['at'] else "")
            + f": {_agree(m['k'], 'its test has', 'their tests have')} little or no power to find a difference, so a "
              "p-value there that is not small says nothing."),
        ("3 comparisons have a group with fewer than two councils, the first at code 'a', wave 'b', and their tests "
         "have little or no power.",)),
    _OwnRule(
        re.compile(_N + r" of the (?P<n>[\d,]+) rows? of the change in '[^']*' across '[^']*'"
                   r"(?:, one per (?P<per>.+?),)? (?:has|have) fewer than two (?P<noun>\w+) with a complete series and "
                   r"(?:was|were) not tested(?:: (?P<which>.+?))?\.$"),
        lambda m, say, where: (
            f"{m['k']} of the {m['n']} tests" + (f" (one for each {say(m['per'])})" if m['per'] else "")
            + f" {_agree(m['k'], 'has', 'have')} fewer than two {m['noun']} with a figure at every wave and "
              f"{_agree(m['k'], 'was', 'were')} not made" + (f": {say(m['which'])}" if m['which'] else "") + "."),
        ("1 of the 4 rows of the change in 'share' across 'wave', one per 'code' and 'status_group', has fewer than "
         "two councils with a complete series and was not tested: code 'a' in status_group 'intervention'.",)),
    _OwnRule(
        re.compile(r"^(?P<what>GEE|A mixed model|A model|[A-Za-z -]+?) with (?P<n>[\d,]+) (?P<noun>\w+), fewer than "
                   r"(?P<few>\d+): even corrected sandwich standard errors are unreliable, so treat p-values as "
                   r"descriptive\."),
        lambda m, say, where: (
            f"models fitted on {m['n']} {m['noun']}, fewer than {m['few']}: their standard errors are unreliable even "
            f"with the correction for few {m['noun']}, so read their p-values as a description of these data, not as "
            "tests."),
        ("GEE with 8 councils, fewer than 10: even corrected sandwich standard errors are unreliable, so treat "
         "p-values as descriptive.",)),
    _OwnRule(
        re.compile(r"^(?P<what>.+?) with (?P<n>[\d,]+) (?P<noun>\w+) and small_sample=False: sandwich standard errors "
                   r"are biased downwards with fewer than about (?P<few>\d+)\.$"),
        lambda m, say, where: (
            f"models fitted on {m['n']} {m['noun']}, fewer than about {m['few']}, without the correction for few "
            f"{m['noun']}: their standard errors are too small, and their intervals too narrow and p-values too small "
            "with them."),
        ("GEE with 12 councils and small_sample=False: sandwich standard errors are biased downwards with fewer than "
         "about 40.",)),
    _OwnRule(
        re.compile(r"^(?P<n>[\d,]+) units? for (?P<p>[\d,]+) parameters?: the degrees of freedom \(units - parameters "
                   r"= (?P<df>-?\d+)\) are not positive and were set to 1;"),
        lambda m, say, where: (
            f"the model has {m['p']} {_agree(m['p'], 'quantity', 'quantities')} to estimate from only {m['n']} "
            f"independent {_agree(m['n'], 'group', 'groups')} of observations (such as a council's), so its degrees "
            f"of freedom, groups less quantities, would be {m['df']}: they were set to 1, and its intervals are very "
            "wide and its standard errors unreliable."),
        ("3 units for 5 parameters: the degrees of freedom (units - parameters = -2) are not positive and were set to "
         "1; the model has too many parameters for the units, and its intervals are very wide and its standard errors "
         "unreliable.",)),
    _OwnRule(
        re.compile(r"^GEE for code " + _CODE + r" fitted on wave alone: (?P<why>.+?)\.?$"),
        lambda m, say, where: (
            f"the longitudinal model of code {m['code']} (the models table) was fitted on the waves alone, without "
            f"intervention status, as {say(m['why'])}; it gives the change across the waves and no difference between "
            "councils in and not in intervention."),
        ("GEE for code 'a' fitted on wave alone: no council was in intervention when it was interviewed",)),
    # the planning functions' warnings (impact.stats.power_prevalence and councils_needed, method="normal"): the
    # analysis does not plan, but an analyst's planning figure said in a reader's words is said the same way
    _OwnRule(
        re.compile(r"^The normal approximation gives power (?P<power>[\d.]+) for (?P<a>[\d,]+) against (?P<b>[\d,]+) "
                   r"councils, but the test compare_groups runs on a binary outcome \(Fisher's mid-p\) has power "
                   r"(?P<midp>[\d.]+) there"),
        lambda m, say, where: (
            f"the planned power of {m['power']} for {m['a']} against {m['b']} councils comes from an approximation: the "
            f"test the comparisons make on whether an impact was reported has power {m['midp']} there, computed "
            "exactly."),
        ("The normal approximation gives power 0.53 for 5 against 5 councils, but the test compare_groups runs on a "
         "binary outcome (Fisher's mid-p) has power 0.38 there, computed exactly: use method='midp' (or 'exact' for "
         "Fisher's test) to plan for it.",)),
    _OwnRule(
        re.compile(r"^The normal approximation needs (?P<a>[\d,]+) and (?P<b>[\d,]+) councils for power "
                   r"(?P<power>[\d.]+), but there the test compare_groups runs on a binary outcome \(Fisher's mid-p\) "
                   r"has power (?P<midp>[\d.]+)"),
        lambda m, say, where: (
            f"the planned {m['a']} and {m['b']} councils for power {m['power']} come from an approximation: with them "
            f"the test the comparisons make on whether an impact was reported has power {m['midp']}, computed exactly, "
            "so more councils are needed."),
        ("The normal approximation needs 4 and 4 councils for power 0.9, but there the test compare_groups runs on a "
         "binary outcome (Fisher's mid-p) has power 0.53, computed exactly: councils_needed(..., method='midp') gives "
         "the number that test needs.",)),
    _OwnRule(
        re.compile(r"^GEE for code " + _CODE + r" not fitted: the outcome does not vary\.?$"),
        lambda m, say, where: (
            f"the longitudinal model of code {m['code']} (the models table) was not fitted, as whether the impact was "
            "reported is the same in every observation (reported by all, or by none), which leaves nothing to "
            "model, so the models table has no row for it."),
        ("GEE for code 'a' not fitted: the outcome does not vary",)),
    _OwnRule(
        re.compile(r"^GEE for code " + _CODE + r" not fitted: neither wave nor intervention status varies\.?$"),
        lambda m, say, where: (
            f"the longitudinal model of code {m['code']} (the models table) was not fitted, as its observations are "
            "of one wave and one intervention status only, which leaves no change or difference to estimate, so the "
            "models table has no row for it."),
        ("GEE for code 'a' not fitted: neither wave nor intervention status varies",)),
    _OwnRule(
        re.compile(r"^The standard error of (?P<terms>.+?) is not identified: it rests on a single (?P<unit>\w+) "
                   r"\(.*\. Use a randomisation test\.$", re.S),
        lambda m, say, where: (
            f"the standard error of {m['terms']} is not identified, as it rests on a single {m['unit']}, the only one "
            f"in a group, whose own variation the data cannot measure: the model gives no standard error, test or "
            "interval for it"
            + (f"{STATUS_BY_RANDOMISATION}." if "in_intervention" in m['terms'] and "(the models table)" in where
               else ".")),
        ("The standard error of in_intervention is not identified: it rests on a single council (such as the only "
         "council in a group) whose residuals the model fits exactly in that term's direction, so the sandwich has "
         "nothing to measure that council's own variation by (the robust one leaves it out, the bias-reduced one "
         "cannot be computed) and no standard error, test or interval is given. Use a randomisation test.",)),
    _OwnRule(
        re.compile(r"^The standard error of (?P<terms>.+?) could not be computed: the sandwich gives (?P<it>it|them) "
                   r"no variance above zero \(.*?few (?P<units>\w+) vary in\), so no test or interval is given for "
                   r"(?:it|them)\.$", re.S),
        lambda m, say, where: (
            f"the standard error of {m['terms']} is missing, as the model puts {'its' if m['it'] == 'it' else 'their'} "
            f"variance at zero (as where a fitted probability is 0 or 1, or a term varies in few {m['units']}), so "
            f"no test or interval is given for {m['it']}."),
        ("The standard error of in_intervention could not be computed: the sandwich gives it no variance above zero "
         "(a fitted probability of 0 or 1, or rounding in a design close to singular, such as a term that few "
         "councils vary in), so no test or interval is given for it.",)),
    _OwnRule(
        re.compile(r"^The model gave no finite estimates: the fit did not converge\.$"),
        lambda m, say, where: ("the model gave no finite estimates, as the fitting did not settle on a best fit (it "
                               "did not converge), so its figures are missing."),
        ("The model gave no finite estimates: the fit did not converge.",)),
    _OwnRule(
        re.compile(r"^Fitted probabilities of 0 or 1: \(quasi-\)perfect separation;"),
        lambda m, say, where: f"{_MEANINGS[0][1]}.",
        ("Fitted probabilities of 0 or 1: (quasi-)perfect separation; estimates and standard errors for the "
         "separating terms are not meaningful.",)),
    _OwnRule(
        re.compile(r"^The model did not converge cleanly: (?P<why>.+)$", re.S),
        lambda m, say, where: f"{_meaning('ConvergenceWarning', m['why'], logistic=False)}.",
        ("The model did not converge cleanly: The Hessian matrix at the estimated parameter values is not positive "
         "definite.",)),
    _OwnRule(
        re.compile(r"^Firth's penalised likelihood did not converge\.$"),
        lambda m, say, where: ("the fit by Firth's penalised likelihood, used where the model's own fit separates, "
                               "did not settle on a best fit within its limit of steps (it did not converge), so its "
                               "estimates may not be the best fit to the data: read them with caution."),
        ("Firth's penalised likelihood did not converge.",)),
    _OwnRule(
        re.compile(_N + r" observed subject-waves? had a response probability below (?P<p>[\d.]+): (?:its weight "
                   r"exceeds|their weights exceed) (?P<w>[\d,]+) and dominates? the fit\.$"),
        lambda m, say, where: (
            f"{m['k']} {_agree(m['k'], 'interview', 'interviews')} of a respondent at a wave "
            f"{_agree(m['k'], 'was', 'were')}, by the model of who is interviewed, very unlikely to take place (a "
            f"chance below {float(m['p']):.0%}), so each counts more than {m['w']} times over in the weighted fit, "
            f"and {_agree(m['k'], 'it dominates', 'those few dominate')} it."),
        ("3 observed subject-waves had a response probability below 0.05: their weights exceed 20 and dominate the "
         "fit.",)),
    _OwnRule(
        re.compile(_N + r" of (?P<n>[\d,]+) rows? (?:has|have) (?:a missing value in a variable of .+?|no .+?) and "
                   r"(?:was|were) left out\b", re.S),
        lambda m, say, where: (
            f"{m['k']} of the {m['n']} observations lacked a figure it needs and {_agree(m['k'], 'was', 'were')} left "
            "out; the counts it gives are of the rest."),
        ("2 of 40 rows have a missing value in a variable of the model and were left out (units, observations and "
         "degrees of freedom count the rest).",
         "1 of 40 rows has a missing value in a variable of 'y ~ wave' or the unit and were left out (rows 3).",
         "2 of 40 rows have no 'share' or no 'status_group' and were left out (rows 3 and 9): the counts n_a and n_b "
         "are of the rows compared.")),
    _OwnRule(
        re.compile(r"^Chi-square approximation with an expected count of (?P<e>\S+) \(< 5\);"),
        lambda m, say, where: (
            "the chi-square test's p-value is a large-sample approximation, and a poor one here, as a group is "
            f"expected to count as few as {m['e']}, fewer than 5."),
        ("Chi-square approximation with an expected count of 1.2 (< 5); use method='exact' or 'permutation'.",)),
    _OwnRule(
        re.compile(r"^Ties in the outcome: the Mann-Whitney p-value is asymptotic;"),
        lambda m, say, where, councils=None: (
            "some of the figures compared are tied, so the Mann-Whitney test's p-value is a large-sample "
            "approximation" + (f", which with {councils} {'council' if councils == 1 else 'councils'}, fewer than "
                               f"{_few_units()}, may be some way off." if _few(councils) else ".")),
        ("Ties in the outcome: the Mann-Whitney p-value is asymptotic; use method='permutation'.",), sized=True),
    _OwnRule(
        re.compile(r"^The time points of (?P<col>'[^']*') are text with no order of their own \((?P<order>.*?)\): "
                   r"they were taken in alphabetical order, first to last;", re.S),
        lambda m, say, where: (
            f"the waves ({say(m['order'])}) have no order of their own, so they were taken in alphabetical order, "
            "first to last: where that is not their order in time, the tests of change compare them out of order."),
        ("The time points of 'wave' are text with no order of their own ('a', 'b'): they were taken in alphabetical "
         "order, first to last; where that is not their order in time, pass them in time order as `times=` (a list of "
         "the labels, first to last: a study's waves are `times=study.wave_ids`) or make 'wave' an ordered "
         "categorical.",)),
]


#: How the message of the package's own warning said anew (:func:`own_warning_words`) ends where it is kept for
#: provenance.json: "AttritionWarning: <message> (the package's warning; <figures>)", the figures its caveat names
#: first where it names them, as a library's ends (:func:`_source`), so that a caveat withheld takes its message with
#: it.
OWN_SOURCE = " (the package's warning"


def _agree(k: str, one: str, many: str) -> str:
    return one if k.replace(",", "") == "1" else many


def own_warning_words(text: str, labels: Mapping[str, str], councils: int | None = None) -> tuple[str, bool]:
    """One of the package's own warnings, ``text`` (its figures named first or not: "The tests of change across the
    waves: ..."), said for a reader: the counts and what they mean for the figures, the waves, impacts and columns by
    ``labels`` (identifier -> words, in lower case), and whether it was said anew (not only its identifiers put in
    words). ``councils``, the study's councils where known, lets a caveat whose weight depends on them say so only
    where they are few (fewer than ``FEW_UNITS``): "which with few councils may be some way off" was said of any study.

    >>> own_warning_words("2 of 8 councils lack one or more of the time points ['a', 'b'] and were left out "
    ...                   "there: only complete cases are tested.", {"a": "before", "b": "after"})[0][:74]
    '2 of the 8 councils were not interviewed, or had no coded interview, at on'
    >>> own_warning_words("Something at the waves ['a', 'b'] of code 'b'.", {"a": "before", "b": "after"})
    ("Something at the waves before and after of code 'b'.", False)
    """
    def say(part: str) -> str:
        part = re.sub(r"\[([^\[\]]*)\]", lambda m: _listed_words(re.findall(r"'([^'\n]*)'", m[1]) or [m[1]], labels),
                      part)
        part = re.sub(r"\bevery '([^']*)'", lambda m: f"every {labels.get(m[1], m[1])}", part)
        part = re.sub(r"\b(\w+) '([^']*)'", lambda m: (labels.get(m[2], m[2]) if m[1] in labels
                                                        else f"{m[1]} {labels.get(m[2], m[2])}"), part)
        part = re.sub(r"'([^'\n]*)'", lambda m: labels.get(m[1], m[0]), part)
        part = re.sub(r", wave (?=\[)", " at ", part)
        part = re.sub(r"\b(?:code|wave) (?=\w)", "", part)
        return re.sub(r"\b[a-z]+(?:_[a-z0-9]+)+\b", lambda m: labels.get(m[0], m[0].replace("_", " ")), part)

    head, _, body = text.partition(": ") if re.match(r"^[A-Z][^:]*\([^)]*\): |^The [^:]*: ", text) else ("", "", text)
    found = _own_rule(text, head, body)
    if found is not None:
        match, rule, where = found
        said = rule.words(match, say, where, councils=councils) if rule.sized else rule.words(match, say, where)
        return (f"{where[:1].upper()}{where[1:]}: {said}" if where else said[:1].upper() + said[1:]), True
    # any other: its Python lists put in words; a quoted code is left for the report to name ("the longitudinal model
    # of code 'morale'" is how the report tells which impact's figures a caveat is of, and withholds it with them)
    return (f"{head}: " if head else "") + re.sub(r"\[[^\[\]]*\]", lambda m: say(m[0]), body), False


def _own_rule(text: str, head: str, body: str) -> tuple[re.Match, _OwnRule, str] | None:
    """The rule of :data:`_OWN_WARNINGS` that says ``text``, its match and the figures the caveat is of: the message
    with the figures :func:`reissue_per_item` ends it with (", in the longitudinal model of code 'x' (the models
    table).") taken off, the message whole (one beginning "The standard error of ...: " has no "The <figures>: "
    head), or after its figures' ``head`` (:func:`said_in_words` begins the message after it in lower case)."""
    tries = [(text, "")] + ([(body[:1].upper() + body[1:], head)] if head else [])
    cut = [(whole[:m.start()] + ".", whole[m.end() - len("the "):-1], where)
           for whole, where in tries for m in re.finditer(r", in the ", whole) if whole.endswith(").")]
    for whole, where in [(w, figures) for w, figures, where in cut if not where] + tries:
        for rule in _OWN_WARNINGS:
            match = rule.test.search(whole)
            if match and (match.start() == 0 or whole != text):
                return match, rule, where
    return None


def _listed_words(items: list[str], labels: Mapping[str, str]) -> str:
    from ._words import _listed

    return _listed([labels.get(i, i) for i in items])
