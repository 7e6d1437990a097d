"""What a new analyst still tripped on, left by newuser13 (newuser14).

A panel merged with the analyst's own council data lost the waves' labels pandas keeps in ``DataFrame.attrs``:
``change_by_status(merged, waves=["3 months", ...])`` then fitted nothing for '3 months' without a word.
``write_coded("coded.csv", coded)``, the path first, was "`coded` must be a pandas DataFrame"; ``write_disagreements_xlsx``
so was an AttributeError. ``study.status_at(3, ...)`` and ``study.subset(councils=3)`` were told only that there is no
council 3. ``impact.review(...)`` before the module was imported was "no attribute 'review' (did you mean
'ReviewWarning'?)", and ``impact.report(...)`` pointed at ``impact.report.render``, not ``impact.build_report``. A
keyword misspelt (``load_study(folder, validte=False)``) was Python's "unexpected keyword argument" alone.
"""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
import types
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import synthetic_study

import impact
from impact.errors import InputError

PACKAGE = Path(impact.__file__).resolve().parent  # the impact imported, wherever the tests are run from


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A synthetic study of six councils (seed 14107, one the project has not used) and its planted codings."""
    return synthetic_study(tmp_path_factory, 6, 14107)


def _relabelled(tmp_path, seed, early_label, late_label, n=5):
    """A synthetic study whose two later waves carry labels of its own (not impact's default ones), loaded."""
    folder = tmp_path / f"study-{seed}-{len(early_label)}"
    impact.synth.generate(n, seed=seed, out=folder)
    meta = yaml.safe_load((folder / "study.yaml").read_text(encoding="utf-8"))
    meta["waves"][1]["label"], meta["waves"][2]["label"] = early_label, late_label
    (folder / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    coded = pd.read_csv(folder / "truth_coded.csv", dtype=str, keep_default_na=False)
    return impact.load_study(folder, validate=False), coded, meta


# --------------------------------------------------------------------------- 1. labels after a merge
@pytest.mark.parametrize("seed", [14_111, 14_112])
def test_a_merged_panel_still_names_the_wave_a_label_means(tmp_path, seed):
    study, coded, meta = _relabelled(tmp_path, seed, "Follow-up visit (about 7 weeks after)",
                                     "Final visit (about 15 months after)")
    early, late = meta["waves"][1]["id"], meta["waves"][2]["id"]
    mine = study.councils[["council_id"]].assign(spend=range(len(study.councils)))  # the analyst's own data
    people = impact.participant_panel(study, coded).merge(mine, on="council_id")
    councils = impact.council_panel(study, coded).merge(mine, on="council_id")
    assert not people.attrs and not councils.attrs  # pandas dropped them: what is told comes from the session
    told = f"'7 weeks' (did you mean {early!r}, the wave 'Follow-up visit (about 7 weeks after)'?)"
    # before: change_by_status and intervention_effects fitted nothing for '7 weeks' and returned without a word
    calls = [lambda: impact.change_by_status(people, waves=["7 weeks", late]),
             lambda: impact.intervention_effects(councils, waves=["7 weeks", late], codes=["morale"]),
             lambda: impact.trajectories(councils, waves=[meta["waves"][0]["id"], "7 weeks", late]),
             lambda: impact.transition_matrix(councils, waves=["7 weeks", late])]
    for call in calls:
        with pytest.raises(InputError, match=re.escape(told)):
            call()
    from impact.stats import change_over_time

    one = councils[councils["code"] == "morale"]
    with pytest.raises(InputError, match=re.escape(f"'7 weeks' (did you mean {early!r}, the time point")):
        change_over_time(one, outcome="reported", time="wave", unit="council_id", times=["7 weeks", late])
    # the right ids still run
    assert len(impact.change_by_status(people, waves=[early, late])) > 0


def test_of_two_studies_holding_the_same_waves_the_panels_own_labels_are_told(tmp_path):
    a, coded_a, meta = _relabelled(tmp_path, 14_121, "Follow-up visit (about 7 weeks after)", "Final visit (a year on)")
    b, coded_b, _ = _relabelled(tmp_path, 14_122, "Second round (about 9 weeks after)", "Last round (two years on)")
    early, late = meta["waves"][1]["id"], meta["waves"][2]["id"]
    impact.participant_panel(b, coded_b)  # study b's panel first, then a's: a's is the one merged
    people = impact.participant_panel(a, coded_a).merge(a.councils[["council_id"]], on="council_id")
    assert not people.attrs
    with pytest.raises(InputError, match=re.escape(f"'7 weeks' (did you mean {early!r}, the wave 'Follow-up")):
        impact.change_by_status(people, waves=["7 weeks", late])
    with pytest.raises(InputError, match=re.escape(f"'a year on' (did you mean {late!r}, the wave 'Final visit")):
        impact.change_by_status(people, waves=[early, "a year on"])


def test_a_panel_nothing_in_the_session_knows_is_told_to_pass_the_study(tmp_path, monkeypatch):
    study, coded, meta = _relabelled(tmp_path, 14_131, "Follow-up visit (about 7 weeks after)", "Final visit")
    early, late = meta["waves"][1]["id"], meta["waves"][2]["id"]
    people = impact.participant_panel(study, coded)
    people.to_csv(tmp_path / "people.csv", index=False)
    import impact._frames as frames

    monkeypatch.setattr(frames, "_KNOWN_ORDERS", {})  # a new Python session: no study loaded in it
    monkeypatch.setattr(frames, "_KNOWN_LABELS", {})
    back = pd.read_csv(tmp_path / "people.csv", dtype={"council_id": str})
    with pytest.raises(InputError, match=r"'7 weeks' - expected waves of .*") as caught:
        impact.change_by_status(back, waves=["7 weeks", late])  # before: fitted nothing for it, without a word
    assert "pass `study` to name a wave nobody was interviewed at yet, or a wave by its label" in str(caught.value)
    with pytest.raises(InputError, match=re.escape(f"'7 weeks' (did you mean {early!r}")):
        impact.change_by_status(back, study=study, waves=["7 weeks", late])  # as the error says


# --------------------------------------------------------------------------- 2. a path and an object swapped
def test_a_path_and_a_table_or_study_in_each_others_place_are_told_so(small, tmp_path, monkeypatch):
    folder, study, truth = small
    monkeypatch.chdir(tmp_path)
    import impact.privacy
    import impact.qdpx

    coded = impact.RuleCoder(impact.Codebook.nfer()).code(impact.segment(study))
    coded.to_csv(tmp_path / "coded.csv", index=False)
    before = sorted(p.name for p in tmp_path.iterdir())
    table = impact.disagreements(impact.coding_to_units({"a": coded, "b": coded.iloc[::2]}))
    project = impact.qdpx.project_from_study(study)
    for name, call, first in [
        ("write_coded", lambda: impact.write_coded("out.csv", coded), "coded"),
        ("write_disagreements_xlsx", lambda: impact.write_disagreements_xlsx("out.xlsx", table), "table"),
        ("write_qdpx", lambda: impact.write_qdpx("out.qdpx", project), "project"),
        ("write_csv_safe", lambda: impact.privacy.write_csv_safe("out.csv", coded), "data"),
        ("read_codings", lambda: impact.read_codings(study, "coded.csv"), "path"),
        ("export_review", lambda: impact.export_review("out.xlsx", coded=coded, path=impact.segment(study)),
         "segments"),
    ]:
        with pytest.raises(TypeError, match=re.escape(f"The arguments of `{name}` are the other way round")) as caught:
            call()
        assert f"was passed as `{first}`" in str(caught.value) and "swap them" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written by a call refused


# --------------------------------------------------------------------------- 3. a number for a council
@pytest.mark.parametrize("seed", [14_141, 14_142])
def test_a_number_for_a_council_is_told_the_council_at_that_place(tmp_path_factory, seed):
    folder, study, _ = synthetic_study(tmp_path_factory, 5, seed)
    ids = pd.read_csv(folder / "councils.csv", dtype=str)["council_id"].tolist()  # read apart from impact
    told = f'the council at place 3 of study.councils["council_id"] (counted from 0) is {ids[3]!r}'
    for call in (lambda: study.status_at(3, "2013-01-01"), lambda: study.subset(councils=3),
                 lambda: study.subset(councils=["3"])):
        with pytest.raises(InputError, match=re.escape(told)):
            call()
    with pytest.raises(InputError, match=re.escape(f"(counted from the end) is {ids[-1]!r}")):
        study.status_at(-1, "2013-01-01")
    # an id is still an id, and a council of England outside the study is told as such, not as a place
    assert study.status_at(ids[3], "2013-01-01") == study.status_at(int(ids[3]), "2013-01-01")
    outside = next(c for c in impact.council_list()["council_id"] if c not in ids)
    with pytest.raises(InputError) as caught:
        study.subset(councils=[outside])
    assert "place" not in str(caught.value)


# --------------------------------------------------------------------------- 4. a module's name called
_MODULES = sorted(m.name for m in pkgutil.iter_modules([str(PACKAGE)]) if not m.name.startswith("_"))


def test_every_public_module_name_is_there_before_it_is_imported_and_called_says_what_to_call():
    # a fresh interpreter: the modules are not imported yet (impact imports them on first use)
    script = ("import json, sys, impact\nout = {}\nfor m in json.loads(sys.argv[1]):\n    try:\n"
              "        obj = getattr(impact, m)\n        obj()\n        out[m] = 'called'\n"
              "    except TypeError as e:\n        out[m] = str(e)\n"
              "    except AttributeError as e:\n        out[m] = 'AttributeError: ' + str(e)\n"
              "print(json.dumps(out))\n")
    run = subprocess.run([sys.executable, "-c", script, json.dumps(_MODULES)], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(PACKAGE.parent), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"})
    told = json.loads(run.stdout.strip().splitlines()[-1])
    public = [n for n in impact.__all__ if n[:1].islower() and not isinstance(getattr(impact, n), types.ModuleType)]
    for module, message in told.items():
        assert not message.startswith("AttributeError"), (module, message)  # before: impact.review, impact.effects
        if not message.startswith(f"`impact.{module}` is a module"):
            assert isinstance(getattr(impact, module), type(lambda: 0)), (module, message)  # trajectories, ...
            continue
        first = re.search(r"call impact\.([\w.]+)\(", message)[1]
        stem = module[:-1] if module.endswith("s") and not module.endswith("ss") else module
        own = [n for n in public if getattr(getattr(impact, n), "__module__", "").startswith(f"impact.{module}")]
        # a public function named after the module is what a call of its name meant: its own first, else another's
        meant = ([n for n in own if n.startswith(stem)] if own else
                 [n for n in public if n.endswith((stem, stem + "s"))])
        if meant:
            assert first in meant, (module, message)
        obj = impact
        for part in first.split("."):
            obj = getattr(obj, part)
        assert callable(obj) and not isinstance(obj, types.ModuleType), (module, first)
    assert re.search(r"call impact\.build_report\(", told["report"]), told["report"]
    assert re.search(r"call impact\.export_review\(", told["review"]), told["review"]
    assert re.search(r"call impact\.council_list\(", told["councils"]), told["councils"]


# --------------------------------------------------------------------------- 5. wrong turns of a fresh notebook
def _public_callables():
    """Every public function of ``impact`` and public method of its public classes, as (name, callable, owner)."""
    found = []
    for name in impact.__all__:
        obj = getattr(impact, name)
        if isinstance(obj, types.FunctionType):
            found.append((name, obj))
        elif isinstance(obj, type) and not issubclass(obj, BaseException):
            found += [(f"{name}.{m}", getattr(obj, m)) for m, f in vars(obj).items()
                      if not m.startswith("_") and isinstance(f, (types.FunctionType, classmethod, staticmethod))]
    return found


def _slip(word: str) -> str:
    """``word`` with one slip of the keyboard: two letters in the middle swapped (the one slip did_you_mean reads
    however short the word is), or its last letter dropped for a word of two letters or fewer."""
    if len(word) < 4:
        return word + word[-1]
    i = len(word) // 2
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def test_a_misspelt_keyword_of_every_public_function_is_told_the_keyword_meant_and_what_it_takes():
    # Every public keyword of every public function, misspelt (newuser17: the last keyword alone before, which for
    # build_report was its private _history, so that the test asked for "did you mean '_history'?" - the bug).
    import inspect

    told, missed = 0, []
    for name, f in _public_callables():
        params = inspect.signature(f).parameters
        if any(p.kind is p.VAR_KEYWORD for p in params.values()):
            continue  # takes any keyword (build_summary's options: tests/test_newuser_round15.py)
        for meant in [p.name for p in params.values() if p.kind is p.KEYWORD_ONLY and not p.name.startswith("_")]:
            wrong = _slip(meant)
            if wrong in params:
                continue
            try:
                f(**{wrong: None})  # nothing else given: the keyword is told before anything is read
            except TypeError as exc:
                message = str(exc)
                if f"unexpected keyword argument {wrong!r} (did you mean {meant!r}" in message and "it takes" in message:
                    told += 1
                    continue
                missed.append((name, wrong, message[:160]))
            else:
                missed.append((name, wrong, "accepted"))
    assert not missed, missed
    assert told >= 300  # the public API's keywords (304 on newuser17), read from the signatures: a new one is checked too


def test_a_keyword_given_by_position_and_a_keyword_left_out_are_told_what_the_function_takes(small):
    folder, study, truth = small
    from impact.stats import compare_groups

    people = impact.participant_panel(study, truth)
    with pytest.raises(TypeError, match=re.escape("impact.compare_groups() takes 1 argument by position (data), but 3 "
                                                  "were given: give the rest by keyword - it takes compare_groups(data, "
                                                  "*, outcome, group, by=...")):
        compare_groups(people, "reported", "status_group")
    with pytest.raises(TypeError, match=re.escape("missing a required argument: 'segments' - it takes "
                                                  "framework_matrix(study, coded, *, segments, codebook, codes=...)")):
        impact.framework_matrix(study, truth)
    with pytest.raises(TypeError, match=re.escape("impact.Study.save() got an unexpected keyword argument 'overwrit' "
                                                  "(did you mean 'overwrite'?)")):
        study.save(folder.parent / "never", overwrit=True)
    assert not (folder.parent / "never").exists()
    with pytest.raises(TypeError, match=re.escape("impact.RuleCoder() got an unexpected keyword argument 'codebok' "
                                                  "(did you mean 'codebook'?) - it takes RuleCoder(codebook=...")):
        impact.RuleCoder(codebok=impact.Codebook.nfer())
    # a TypeError of the function's own is its own, and the functions are the same objects wherever imported
    with pytest.raises(TypeError, match=r"^`coded` must be a DataFrame of codings"):
        impact.council_panel(study, "coded.csv")
    from impact.agreement import cohen_kappa
    from impact.stats import compare_groups as again

    assert cohen_kappa is impact.cohen_kappa and again is impact.compare_groups
    import inspect

    assert list(inspect.signature(impact.load_study).parameters) == ["path", "validate"]


def test_a_folder_given_for_a_file_is_told_it_is_a_folder_and_the_file_expected(tmp_path):
    coded = impact.RuleCoder().code(pd.Series({"s1": "Staff morale has improved a lot."}))
    for call in (lambda: impact.read_coded(tmp_path), lambda: impact.write_coded(coded, tmp_path)):
        with pytest.raises(InputError, match=re.escape(f"{tmp_path}: is a folder - expected a coded file ending in "
                                                       f".csv or .parquet (such as {tmp_path / 'coded.csv'})")):
            call()
    with pytest.raises(InputError, match=re.escape(f"{tmp_path}: is a folder - expected a file")):
        impact.read_qdpx(tmp_path)
    assert not list(tmp_path.iterdir())


def test_one_columns_name_given_as_a_list_is_told_to_write_the_name_alone(small):
    folder, study, truth = small
    from impact.stats import (
        change_over_time,
        clustered_prevalence,
        compare_groups,
        prevalence_table,
    )

    panel = impact.council_panel(study, truth)
    panel = panel[panel["interviewed"]]
    calls = {  # before: "'DataFrame' object has no attribute 'dtype'" from inside pandas, or a KeyError
        "outcome": lambda: compare_groups(panel, outcome=["share_reported"], group="status_group"),
        "group": lambda: prevalence_table(panel, outcome="reported", group=["status_group"]),
        "time": lambda: change_over_time(panel, outcome="reported", time=["wave"], unit="council_id", by="code"),
        "cluster": lambda: clustered_prevalence(panel, outcome="reported", cluster=("council_id",)),
    }
    for argument, call in calls.items():
        with pytest.raises(TypeError, match=re.escape(f"The value for `{argument}` must be the name of one column of "
                                                      "`data` (text), but a ")) as caught:
            call()
        assert re.search(rf"\(write {argument}='\w+'\)\.$", str(caught.value)), str(caught.value)
    with pytest.raises(TypeError, match=re.escape("['reported', 'status_group']: several columns go in `by`.")):
        compare_groups(panel, outcome="share_reported", group=["reported", "status_group"])
    assert len(compare_groups(panel, outcome="share_reported", group="status_group", by=["code", "wave"])) > 0
