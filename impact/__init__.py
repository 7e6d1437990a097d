"""impact: longitudinal impact evaluation of improvement programmes in children's services.

Every part (the study model, coding, statistics, reports, exchange formats)
is imported when first used, so ``import impact`` and the command line start
quickly (``import impact`` imports neither pandas nor numpy).  Every name below is public; see the user guide in
``docs/``.

Subpackages: :mod:`impact.coding`, :mod:`impact.stats`, :mod:`impact.report`,
:mod:`impact.privacy`, :mod:`impact.official`, :mod:`impact.synth`,
:mod:`impact.qdpx`.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging as _logging
import sys as _sys
import types as _types
from pathlib import Path as _Path

from . import schema, vocab
from ._version import __version__
from .errors import (
    AttritionWarning,
    FolderBusyWarning,
    ImpactError,
    ImpactWarning,
    InputError,
    Problem,
    SmallSampleWarning,
    StatisticalWarning,
    ValidationError,
    show_warnings_plainly,
)

# Library messages go to the "impact" logger; an application (or the command line) decides what is shown.
_logging.getLogger("impact").addHandler(_logging.NullHandler())

#: Public names imported on first use: name -> module.
_LAZY = {
    # the study model and its panels: pandas takes about 1 s to import, which `impact --help` need not pay
    "Study": "impact.study",
    "load_study": "impact.study",
    "describe_study": "impact.describe",
    "council_panel": "impact.panel",
    "participant_panel": "impact.panel",
    "trajectories": "impact.trajectories",
    "transition_matrix": "impact.trajectories",
    "impact_chain": "impact.trajectories",
    "action_completion": "impact.trajectories",
    # coding
    "Codebook": "impact.coding",
    "RuleCoder": "impact.coding",
    "TrainedCoder": "impact.coding",
    "segment": "impact.coding",
    "evaluate_coder": "impact.coding",
    "rank_uncertain": "impact.coding",
    "read_coded": "impact.coding",
    "write_coded": "impact.coding",
    "available_codebooks": "impact.coding",
    # statistics
    "compare_groups": "impact.stats",
    "prevalence_table": "impact.stats",
    "adjust_pvalues": "impact.stats",
    "change_over_time": "impact.stats",
    "longitudinal_model": "impact.stats",
    "did": "impact.stats",
    "power_prevalence": "impact.stats",
    "councils_needed": "impact.stats",
    "did_power": "impact.stats",
    "staggered_did": "impact.stats",
    "attrition_sensitivity": "impact.stats",
    "firth_logistic": "impact.stats",
    "NotIdentifiedError": "impact.stats",
    "NotIdentifiedWarning": "impact.stats",
    "MissingValueWarning": "impact.stats",
    "StaggeredAdoptionWarning": "impact.stats",
    # agreement and review
    "AgreementResult": "impact.agreement",
    "agreement_table": "impact.agreement",
    "character_agreement": "impact.agreement",
    "coding_to_units": "impact.agreement",
    "cohen_kappa": "impact.agreement",
    "fleiss_kappa": "impact.agreement",
    "gwet_ac1": "impact.agreement",
    "krippendorff_alpha": "impact.agreement",
    "percent_agreement": "impact.agreement",
    "disagreements": "impact.disagreements",
    "read_adjudication": "impact.disagreements",
    "write_disagreements_xlsx": "impact.disagreements",
    "ReviewWarning": "impact.review",
    "export_review": "impact.review",
    "import_review": "impact.review",
    # official statistics and councils
    "aggregate_successors": "impact.councils",
    "boundary_changes": "impact.councils",
    "council_list": "impact.councils",
    "council_crosswalk": "impact.councils",
    "CouncilMatchWarning": "impact.councils",
    "to_council_id": "impact.councils",
    "DfeReadWarning": "impact.official",
    "OfstedReadWarning": "impact.official",
    "EventTimeWarning": "impact.official",
    "event_time": "impact.official",
    "first_event": "impact.official",
    "judgement_at": "impact.official",
    "ofsted_status_history": "impact.official",
    "rate_per_10k": "impact.official",
    "read_dfe": "impact.official",
    "read_ofsted": "impact.official",
    # exchange
    "QdaProject": "impact.qdpx",
    "QdpxWarning": "impact.qdpx",
    "validate_qdpx": "impact.qdpx",
    "project_from_study": "impact.qdpx",
    "study_codings_from_project": "impact.qdpx",
    "codebook_from_project": "impact.qdpx",
    "read_qdpx": "impact.qdpx",
    "write_qdpx": "impact.qdpx",
    "read_qdc": "impact.qdpx",
    "write_qdc": "impact.qdpx",
    # estimands, codings, framework matrices and effects
    "MEASURES": "impact.measures",
    "classify_codings": "impact.measures",
    "attribution_summary": "impact.measures",
    "CodingsWarning": "impact.codings",
    "as_codings": "impact.codings",
    "read_codings": "impact.codings",
    "framework_matrix": "impact.framework",
    "quotes": "impact.framework",
    "intervention_effects": "impact.effects",
    "change_by_status": "impact.effects",
    "attrition_effects": "impact.effects",
    "survey_effects": "impact.effects",
    "indicator_trends": "impact.indicators",
    "clustered_prevalence": "impact.stats",
    # main job
    "Findings": "impact.pipeline",
    "RunResult": "impact.pipeline",
    "analyse": "impact.pipeline",
    "build_report": "impact.pipeline",
    "build_summary": "impact.pipeline",
    "run": "impact.pipeline",
}
_SUBPACKAGES = ("coding", "stats", "report", "privacy", "official", "synth", "qdpx", "pipeline", "agreement")


def bundled_path(name: str) -> _Path:
    """Folder of bundled data (``"example"``, ``"codebooks"``): package data read with :mod:`importlib.resources`.

    The package ``impact._bundle`` is the ``data/`` folder of a source checkout
    (setup.cfg maps it there) and a copy inside the package once installed.

    Parameters
    ----------
    name : str
        The bundled folder's name: ``"example"`` or ``"codebooks"``.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    TypeError
        If ``name`` is not a str.
    InputError
        If this copy of ``impact`` was installed without its data, or holds no folder ``name``.

    Examples
    --------
    >>> bundled_path("codebooks").joinpath("nfer_impacts.yaml").is_file()
    True
    """
    from importlib import resources

    if not isinstance(name, str):
        raise TypeError(f"The value for `name` must be a str naming a bundled folder ('example' or 'codebooks'), but "
                        f"{type(name).__name__} was passed.")
    try:
        folder = resources.files("impact._bundle").joinpath(name)
    except ModuleNotFoundError:
        folder = None
    if folder is None or not folder.is_dir():
        raise InputError(f"the bundled {name!r} folder is not installed with this copy of impact "
                         "(reinstall it: pip install impact)")
    return _Path(str(folder))


def example_path() -> _Path:
    """Folder of the bundled example study (``data/example`` in the source tree).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> example_path().name
    'example'
    >>> (example_path() / "study.yaml").is_file()
    True
    """
    return bundled_path("example")


def __getattr__(name: str):
    if name in _LAZY:
        from ._keywords import told_object

        value = told_object(getattr(importlib.import_module(_LAZY[name]), name))
        globals()[name] = value
        return value
    if name in _SUBPACKAGES:
        return importlib.import_module(f"impact.{name}")
    if not name.startswith("_") and name.isidentifier() and importlib.util.find_spec(f"{__name__}.{name}"):
        # impact.review, impact.effects before they were imported: the module (which, called, names what to call),
        # not "no attribute 'review' (did you mean 'ReviewWarning'?)" before and the module after (newuser14)
        return importlib.import_module(f"{__name__}.{name}")
    # impact.example, impact.load: the public name meant (a name starting with '_' is a probe, IPython's or pickle's)
    hint = "" if name.startswith("_") else schema.did_you_mean(name, [n for n in __all__ if not n.startswith("_")])
    raise AttributeError(f"module 'impact' has no attribute {name!r}{hint}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_SUBPACKAGES))


def _functions_of(module: str) -> list[str]:
    """The public functions to call instead of the submodule ``module`` (``"agreement"``), as written from the
    package: the module's own re-exported by ``impact``, those starting with its name first (``impact.agreement_table``,
    ``impact.council_list`` for ``impact.councils``), then another module's ending in its name (``impact.build_report``
    for ``impact.report``: what a call of the module's name most likely meant), then the module's ``__all__``
    where ``impact`` re-exports none of its own (``impact.validate.check_folder``)."""
    stem = module[:-1] if module.endswith("s") and not module.endswith("ss") else module
    public = [n for n in _LAZY if n[:1].islower() and n.isidentifier()]
    own = [n for n in public if _LAZY[n] == f"{__name__}.{module}"]
    # another module's function ending in the name: impact.build_report for impact.report (not validate_qdpx for validate)
    others = [n for n in public if n.endswith((stem, f"{stem}s")) and n not in own]
    if own:
        return sorted(own, key=lambda n: (not n.startswith(stem), stem not in n)) + others
    held = getattr(_sys.modules.get(f"{__name__}.{module}"), "__all__", ())
    return others + [f"{module}.{n}" for n in held if n[:1].islower() and callable(getattr(
        _sys.modules[f"{__name__}.{module}"], n, None))]


class _Submodule(_types.ModuleType):
    """A submodule of ``impact`` called as if it were a function (``impact.agreement(units)``, meaning
    ``impact.agreement_table``) says which function to call, not "'module' object is not callable".

    A module that does the work when called would be two things under one name; this one only refuses, naming the
    functions it holds (newuser12). ``callable(impact.agreement)`` is therefore True: Python answers a call of an
    object only through its type's ``__call__``, and a module without one is told "'module' object is not callable",
    naming nothing (newuser14 weighed it: the wrong answer of ``callable`` is the lesser harm, as a module given where
    impact takes a function, ``firth_logistic(intervals=...)``, is called and says what it is). ``inspect.ismodule``
    stays True.
    """

    def __call__(self, *args: object, **kwargs: object) -> None:
        module = self.__name__.rpartition(".")[2]
        named = [f"impact.{n}" for n in _functions_of(module)]
        if not named:
            raise TypeError(f"`{self.__name__}` is a module, not a function, and cannot be called: see "
                            f"help({self.__name__}) for what it holds.")
        others = f" (or another of its functions: {', '.join(named[1:6])}{', ...' if len(named) > 6 else ''})"
        raise TypeError(f"`{self.__name__}` is a module, not a function, and cannot be called: call {named[0]}(...)"
                        f"{others if len(named) > 1 else ''}; help({named[0]}) says what it takes.")


#: The public subpackages every name of whose ``__all__`` says what it takes where a call does not bind.
_TOLD_PACKAGES = ("stats", "coding", "official", "qdpx", "privacy", "synth", "report", "pipeline", "agreement")


def _told_module(module: _types.ModuleType) -> None:
    """Make the calls of ``module``'s public functions, and of its public classes' methods, say what they take where
    they do not bind (a keyword misspelt, one argument too many: :func:`impact._keywords.told_object`): the names of
    ``impact.__all__`` it defines or re-exports, and every name of the ``__all__`` of a public subpackage
    (:data:`_TOLD_PACKAGES`: ``impact.synth.generate``). Names a subpackage imports on first use (impact.coding's)
    are made so then."""
    from ._keywords import told_object

    package = module.__name__.rpartition(".")[2] in _TOLD_PACKAGES
    for name in getattr(module, "__all__", ()):
        if (package or name in _LAZY) and name in module.__dict__:
            setattr(module, name, told_object(module.__dict__[name]))


def _as_submodule(value: object) -> None:
    """Make ``value``, a public submodule of ``impact`` imported as a plain module, one that says what to call."""
    if isinstance(value, _types.ModuleType) and value.__name__.startswith(f"{__name__}.") and value.__name__.count(".") == 1:
        _told_module(value)
    if (type(value) is _types.ModuleType and getattr(value, "__name__", "").startswith(f"{__name__}.")
            and value.__name__.count(".") == 1 and not value.__name__.rpartition(".")[2].startswith("_")):
        value.__class__ = _Submodule


class _Package(_types.ModuleType):
    """``impact.trajectories`` stays the public function when its submodule is imported on first use.

    Importing a submodule sets the package attribute of its name to the module;
    an eager ``from .trajectories import trajectories`` used to rebind it to the
    function, and importing the study model lazily must keep it so.  Every other public submodule, called as a
    function, names the functions to call instead (:class:`_Submodule`).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, _types.ModuleType) and _LAZY.get(name) == f"{__name__}.{name}":
            _told_module(value)
            return  # a public name shares the submodule's name: the name keeps meaning the public object
        _as_submodule(value)
        super().__setattr__(name, value)


for _module in list(_sys.modules.values()):  # imported before the package's class is set below (errors, schema, ...)
    _as_submodule(_module)
_sys.modules[__name__].__class__ = _Package


__all__ = [
    "__version__",
    "AttritionWarning",
    "FolderBusyWarning",
    "ImpactError",
    "ImpactWarning",
    "InputError",
    "Problem",
    "SmallSampleWarning",
    "StatisticalWarning",
    "ValidationError",
    "show_warnings_plainly",
    "example_path",
    "bundled_path",
    "schema",
    "vocab",
    *_LAZY,
]
