"""What new users met doing things the wrong way (newuser12).

``impact.agreement(units)``, meant as :func:`impact.agreement_table`, was told "'module' object is not callable".
``study.status_at(council, "3 months")``, or the wave ``"early"``, was told only "must be a date such as
'2018-01-01'". A misspelt name was told with the name meant by one matcher here and another there: the councils, waves
and codes of an argument, and a model's formula, by difflib alone, so 'pol' for 'policies_systems' or a Cyrillic letter
in a column's name got no hint or one that did not say why. A path starting with '~' (Python does not turn it into
the home folder) was "file not found" for a file that is there; ``impact.Codebook("nfer")`` was "codebook:: 'str' -
expected a mapping"; a code misspelt in ``codes=`` ('moral') was only warned of, its rows all zero; ``impact
--versoin`` was told that COMMAND is required, the option given not named.
"""

from __future__ import annotations

import ast
import random
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import synthetic_study

import impact
from impact.errors import InputError
from impact.schema import did_you_mean

PACKAGE = Path(impact.__file__).resolve().parent  # the impact imported, wherever the tests are run from


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A synthetic study of six councils (seed 12107, one the project has not used) and its planted codings."""
    return synthetic_study(tmp_path_factory, 6, 12107)


# --------------------------------------------------------------------------- 1. a module called as a function
def test_calling_impact_agreement_names_the_function_to_call_and_that_function_does_the_work(small):
    folder, study, truth = small
    segments = impact.segment(study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    units = impact.coding_to_units({"ann": coded, "machine": coded.sample(frac=0.8, random_state=12)}, units=segments)
    with pytest.raises(TypeError) as caught:
        impact.agreement(units)  # before: "'module' object is not callable"
    message = str(caught.value)
    assert message.startswith("`impact.agreement` is a module, not a function, and cannot be called: call "
                              "impact.agreement_table(...)"), message
    assert "impact.cohen_kappa" in message
    named = re.search(r"call impact\.(\w+)\(", message)[1]
    table = getattr(impact, named)(units, by="code", metrics=["cohen_kappa"], n_boot=0)  # the name told works
    assert set(table["code"]) == set(units["code"]) and table["value"].notna().any()
    from impact.agreement import cohen_kappa  # the module is still a module

    assert cohen_kappa is impact.cohen_kappa


@pytest.mark.parametrize("module", ["stats", "coding", "pipeline", "synth", "schema", "vocab"])
def test_every_public_submodule_called_names_functions_of_its_own_that_exist(module):
    with pytest.raises(TypeError, match=rf"^`impact\.{module}` is a module, not a function") as caught:
        getattr(impact, module)()
    named = re.findall(r"impact\.([\w.]+)(?=\(|,|\)|;)", str(caught.value).split("cannot be called:", 1)[1])
    assert named
    for dotted in named:  # each one told resolves to a function of that module
        obj = impact
        for part in dotted.split("."):
            obj = getattr(obj, part)
        assert callable(obj) and not isinstance(obj, type(impact)), dotted
        assert obj.__module__.startswith(f"impact.{module}") or dotted.startswith(f"{module}."), dotted
    assert impact.trajectories.__class__.__name__ == "function"  # a public function sharing a module's name stays one


# --------------------------------------------------------------------------- 2. status_at: waves, times, dates
@pytest.mark.parametrize("seed", [12_201, 12_202])
def test_status_at_a_wave_is_the_status_wave_status_reads_at_that_wave(tmp_path, seed):
    folder = tmp_path / "study"
    impact.synth.generate(8, seed=seed, out=folder)
    study = impact.load_study(folder, validate=False)
    rows = study.wave_status().dropna(subset=["reference_date"])
    labels = study.waves.set_index("wave")["label"]
    assert len(rows) > 0 and rows["intervention"].nunique() >= 2  # in and out of intervention, or it proves little
    for row in rows.itertuples(index=False):
        expected = {k: (None if pd.isna(v) else v) for k, v in
                    zip(("ofsted_judgement", "improvement_notice", "statutory_direction", "intervention"),
                        (row.ofsted_judgement, row.improvement_notice, row.statutory_direction, row.intervention))}
        assert study.status_at(row.council_id, row.wave) == expected
        assert study.status_at(row.council_id, labels[row.wave].upper()) == expected  # its label, in any case


@pytest.mark.parametrize("seed", [12_211, 12_212])
def test_status_at_a_time_from_the_review_is_the_status_on_the_date_it_names(tmp_path, seed):
    folder = tmp_path / "study"
    impact.synth.generate(8, seed=seed, out=folder)
    study = impact.load_study(folder, validate=False)
    rng = random.Random(seed)
    reviews = study.reviews.set_index("council_id")
    for council in rng.sample(list(reviews.index), 4):
        start, end = reviews.loc[council, "start_date"], reviews.loc[council, "end_date"]
        # the dates worked out here from reviews.csv, apart from the code under test
        for said, on in [("3 months after the review", end + pd.DateOffset(months=3)),
                         ("about twelve months after the review", end + pd.DateOffset(months=12)),
                         ("a year after", end + pd.DateOffset(years=1)),
                         ("6 weeks before the review", start - pd.Timedelta(days=42)),
                         ("10 days after its review", end + pd.Timedelta(days=10))]:
            assert study.status_at(council, said) == study.status_at(council, f"{on:%Y-%m-%d}"), (council, said)
    # the status does change across such times somewhere in these studies, or the test proves little
    seen = {study.status_at(c, f"{n} months after the review")["intervention"] for c in reviews.index for n in (0, 24)}
    assert len(seen | {study.status_at(c, "6 months before the review")["intervention"] for c in reviews.index}) >= 2


@pytest.mark.parametrize("given, hint", [
    ("3 months", "(did you mean 'early', the wave 'Early impact (about 3 months after)'? or, for 3 months after the "
                 "council's review, '3 months after the review')"),
    ("twelve months", "(did you mean 'longer_term', the wave 'Longer-term change (about 12 months after)'? or, for "
                      "twelve months after the council's review, 'twelve months after the review')"),
    ("erly", "(did you mean 'early'?)"),
    (2, "(waves are named by their ids in study.yaml: the second wave is 'early')"),
    ("wave 3", "(waves are named by their ids in study.yaml: the third wave is 'longer_term')"),
    ("last year", ""),
])
def test_status_at_refuses_what_is_no_date_naming_what_is_accepted_and_the_wave_or_time_meant(small, given, hint):
    folder, study, truth = small
    council = study.councils["council_id"].iloc[0]
    with pytest.raises(InputError) as caught:
        study.status_at(council, given)
    assert str(caught.value) == (
        "The value for `date` must be a date such as '2013-06-01', a wave of the study (one of ['expectations', "
        "'early', 'longer_term']) or a time from the council's review such as '3 months after the review', but "
        f"{given!r} was passed{' ' + hint if hint else ''}.")


# --------------------------------------------------------------------------- 3. one did-you-mean for every "unknown X"
def test_no_module_of_impact_matches_names_by_difflib_outside_the_one_helper():
    # every hint naming the value meant comes from impact.schema.did_you_mean / close_matches; hand-rolled
    # difflib.get_close_matches gave other answers for the same slip (and none for 'pol' or a Cyrillic letter)
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "schema.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "get_close_matches":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def _slips(word: str, rng: random.Random) -> list[str]:
    """Ways of writing ``word`` that are not it: its start, another case with spaces, a Cyrillic look-alike."""
    look = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441"}
    i = rng.choice([i for i, ch in enumerate(word) if ch in look] or [0])
    return [word[:max(3, len(word) // 3)], word.replace("_", " ").title(),
            word[:i] + look.get(word[i], word[i]) + word[i + 1:]]


@pytest.mark.parametrize("seed", [12_301, 12_302, 12_303])
def test_unknown_codes_of_a_panel_are_told_by_the_one_did_you_mean(small, seed):
    folder, study, truth = small
    rng = random.Random(seed)
    book = impact.Codebook.nfer().code_ids
    code = rng.choice([c for c in book if len(c) >= 8])
    for slip in _slips(code, rng):
        if slip == code:
            continue
        with pytest.raises(InputError) as caught:
            impact.council_panel(study, truth, codes=[slip], codebook="nfer_impacts")
        hint = did_you_mean(slip, book)
        assert code in hint  # the helper names the code meant, and the message says so in its words
        assert f"{slip!r}{hint} - expected codes of" in str(caught.value), str(caught.value)


def test_a_formulas_column_with_a_look_alike_letter_or_its_start_is_told_by_the_one_did_you_mean():
    import numpy as np

    rng = np.random.default_rng(12)
    data = pd.DataFrame({"reported": rng.integers(0, 2, 40), "status_group": rng.choice(["in", "out"], 40),
                         "council_id": np.repeat(np.arange(20), 2)})
    for written in ("r\u0435ported", "rep"):  # a Cyrillic 'e'; the start of the name
        with pytest.raises(ValueError) as caught:
            impact.firth_logistic(data, formula=f"{written} ~ status_group", unit="council_id")
        assert f"{written!r}{did_you_mean(written, list(data.columns))} - " not in str(caught.value)  # not its form
        assert f"{written!r}{did_you_mean(written, list(data.columns))};" in str(caught.value), str(caught.value)
    assert "U+0435 CYRILLIC SMALL LETTER IE" in did_you_mean("r\u0435ported", ["reported"])


@pytest.mark.parametrize("seed", [12_311, 12_312])
def test_a_code_misspelt_in_codes_is_refused_with_the_code_meant_not_warned_of_as_zeros(small, seed):
    folder, study, truth = small
    rng = random.Random(seed)
    book = impact.Codebook.nfer().code_ids
    code = rng.choice(book)
    i = rng.randrange(1, len(code) - 1)
    slip = code[:i] + code[i + 1:]  # one letter dropped
    # before: a warning, and a panel whose rows of that code were all zero ("nobody reported it")
    with pytest.raises(InputError, match=re.escape(f"{slip!r} (did you mean {code!r}?)")):
        impact.council_panel(study, truth, codes=[book[0], slip])
    with pytest.warns(impact.ImpactWarning, match="found in no coding"):  # a code like none is still only warned of
        impact.council_panel(study, truth, codes=["zzqx"])


# --------------------------------------------------------------------------- 4. a path starting with '~'
def test_a_path_starting_with_a_tilde_is_told_written_out_by_every_reader(small, tmp_path, monkeypatch):
    folder, study, truth = small
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    truth.to_csv(home / "coded.csv", index=False)
    (home / "cb.yaml").write_text(impact.Codebook.nfer().to_yaml(), encoding="utf-8")
    said = "(it starts with '~', which was not turned into your home folder (Python does not do it, nor a shell " \
           "inside quotes): "
    # before: "~/coded.csv: file not found" for a file that is there
    for call, path in [(lambda: impact.read_codings("~/coded.csv", study), home / "coded.csv"),
                       (lambda: impact.read_coded("~/coded.csv"), home / "coded.csv"),
                       (lambda: impact.Codebook.for_study(study, "~/cb.yaml"), home / "cb.yaml"),
                       (lambda: impact.load_study("~/" + folder.name), None)]:
        with pytest.raises(InputError) as caught:
            call()
        if path is not None:
            assert f"{said}write it out, {path})" in str(caught.value), str(caught.value)
    with pytest.raises(InputError, match=re.escape(f"{said}written out, {home / 'p.qdpx'}, it names nothing either)")):
        impact.read_qdpx("~/p.qdpx")  # before: "p.qdpx: file not found", the folder left out
    assert len(impact.read_codings(home / "coded.csv", study)) == len(truth)  # written out, it is read


# --------------------------------------------------------------------------- 5. a codebook's name given as its spec
def test_a_codebooks_name_given_to_the_constructor_or_as_yaml_names_codebook_load():
    # before: "codebook: 1 problem found / codebook:: 'str' - expected a mapping"
    with pytest.raises(TypeError, match=re.escape("but str 'nfer' was passed: a codebook is read by its name or file "
                                                  "with impact.Codebook.load('nfer') (did you mean 'nfer_impacts'?), "
                                                  "from YAML text with impact.Codebook.from_yaml(text).")):
        impact.Codebook("nfer")
    with pytest.raises(InputError, match=re.escape("(a codebook's name or file, which is read with "
                                                   "impact.Codebook.load('attribution'))")):
        impact.Codebook.from_yaml("attribution")
    assert impact.Codebook.load("attribution").id == "attribution"  # what the message says to call works


# --------------------------------------------------------------------------- 6. the command line's own options
@pytest.mark.parametrize("argv, said", [
    (["--versoin"], "unrecognized argument: --versoin - expected only the arguments and options in the usage line "
                    "above (--versoin: did you mean --version?)"),
    (["-x"], "(impact has no option -x)"),
    (["--out", "o"], "(--out is an option of impact agree, impact code, impact history and 5 more commands, "
                     "not of impact)"),
    (["review", "--foo"], "(impact review has no option --foo)"),
])
def test_an_option_impact_itself_does_not_have_is_named_when_the_command_is_missing(argv, said, capsys):
    from impact.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err, err  # before: "the following arguments are required: COMMAND", or "invalid choice: 'o'"
    assert "Traceback" not in err


def test_python_dash_m_impact_names_a_misspelt_option_without_a_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "impact", "--verbse"], capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHONPATH": str(PACKAGE.parent), "PATH": "", "PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 2
    assert "(--verbse: did you mean --verbose?)" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_file_written_to_a_path_starting_with_a_tilde_is_refused_and_no_tilde_folder_is_made(small, tmp_path,
                                                                                               monkeypatch):
    folder, study, truth = small
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.chdir(tmp_path)
    segments = impact.segment(study)
    machine = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    for call, name in [(lambda: impact.write_coded(machine, "~/coded.csv"), "coded.csv"),
                       (lambda: impact.Codebook.nfer().to_yaml("~/cb.yaml"), "cb.yaml")]:
        # before: a folder named '~' made in the current folder, the file in it
        with pytest.raises(InputError, match=re.escape(f"a folder named '~' would be made in the current folder; "
                                                       f"expected the path written out ({home / name})")):
            call()
    assert not (tmp_path / "~").exists()
    assert impact.write_coded(machine, home / "coded.csv").is_file()  # written out, it is written


# --------------------------------------------------------------------------- 7. waves of a model that are no waves
def test_effects_refuse_waves_that_are_not_the_studys_instead_of_fitting_nothing(small):
    folder, study, truth = small
    people = impact.participant_panel(study, truth)
    label = study.waves.set_index("wave").loc["early", "label"]
    # before: an empty table, and a warning from pandas about categories
    with pytest.raises(InputError, match=re.escape(f"'3 months' (did you mean 'early', the wave {label!r}?)")):
        impact.change_by_status(people, study=study, waves=["3 months", "longer_term"])
    with pytest.raises(InputError, match=re.escape("'Early' (did you mean 'early'?)")):
        impact.intervention_effects(people, waves=["Early", "longer_term"], codes=["morale"])
    late = study.waves.set_index("wave").loc["longer_term", "label"]  # the panel carries the labels (newuser13)
    with pytest.raises(InputError, match=re.escape("`waves` has 1 wave not in the panel or the study it was built "
                                                   f"from: '12 months' (did you mean 'longer_term', the wave {late!r}?)"
                                                   " - expected waves of ['expectations', 'early', 'longer_term'].")):
        impact.intervention_effects(people, waves=["early", "12 months"], codes=["morale"])
    fitted = impact.intervention_effects(people, waves=["early", "longer_term"], codes=["morale"])
    assert set(fitted["code"]) == {"morale"}  # two of the study's waves are fitted as before


# --------------------------------------------------------------------------- 8. a statistic's options
def test_a_statistics_option_misspelt_or_a_share_given_as_a_percentage_is_told_what_was_meant():
    with pytest.raises(ValueError, match=re.escape("but 'bonferonni' was passed (did you mean 'bonferroni'?).")):
        impact.adjust_pvalues([0.01, 0.2], method="bonferonni")  # before: "... but 'bonferonni' was passed."
    with pytest.raises(ValueError, match=re.escape("but 80 was passed (a percentage? 80% is 0.8).")):
        impact.councils_needed(p_a=0.3, p_b=0.5, power=80)
    # before: "`p` must hold p-values between 0 and 1." naming neither value
    with pytest.raises(ValueError, match=re.escape("`p` must hold p-values between 0 and 1 (or NaN), but it holds 2 "
                                                   "at position 1, 5 at position 3.")):
        impact.adjust_pvalues([0.01, 2, float("nan"), 5], method="holm")


@pytest.mark.parametrize("call, said", [
    (lambda study: study.table("council"), "but 'council' was passed (did you mean 'councils'?)."),
    (lambda study: impact.to_council_id(["301"], key_type="ons"), "but 'ons' was passed (did you mean 'ons_code'?)."),
    (lambda study: impact.Codebook.nfer().code("moral"), "but 'moral' was passed (did you mean 'morale'?)."),
    (lambda study: impact.to_council_id(["301"], unmatched="raises"),
     "but 'raises' was passed (did you mean 'raise'?)."),
])
def test_a_choice_misspelt_is_told_with_the_one_meant_wherever_it_is_refused(small, call, said):
    # each was "... must be one of [...], but 'council' was passed." alone: now the one message of impact.schema
    with pytest.raises((ValueError, InputError), match=re.escape(said)):
        call(small[1])


@pytest.mark.parametrize("column", ["region", "council_type"])
def test_a_region_or_council_type_given_for_councils_is_told_with_how_to_give_its_councils(small, column):
    folder, study, truth = small
    value = study.councils[column].iloc[0]
    ids = study.councils.loc[study.councils[column] == value, "council_id"].tolist()
    with pytest.raises(InputError) as caught:
        study.subset(councils=f" {value.upper()}")  # before: "not in the study" and nothing more
    told = f"study.councils.query(\"{column} == {value!r}\")[\"council_id\"]"
    assert f"(a {column} of the study, not a council: give its {len(ids)} council" in str(caught.value)
    assert told in str(caught.value)
    assert sorted(study.subset(councils=eval(told, {"study": study})).councils["council_id"]) == sorted(ids)


@pytest.mark.parametrize("name, meant", [("example", "example_path"), ("load", "load_study"),
                                         ("Codebok", "Codebook"), ("agreement_tabel", "agreement_table")])
def test_a_public_name_misspelt_on_the_package_is_told_with_the_one_meant(name, meant):
    with pytest.raises(AttributeError, match=re.escape(f"module 'impact' has no attribute {name!r} (did you mean "
                                                       f"{meant!r}")):
        getattr(impact, name)
    assert callable(getattr(impact, meant))
    assert not hasattr(impact, "_repr_html_")  # a probe of a private name is still a plain AttributeError
