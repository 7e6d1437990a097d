"""What new users met doing things the wrong way (newuser11).

An analyst keeping some councils with ``study.subset(councils=[...])`` who named a council of England the study does
not hold (``'Barnet'``, ``302``) was told only that it is not in the study, with ids of the study that look alike
digit by digit ('302': did you mean '390' or '330'?), and a misspelt name (``'Barnett'``, ``'Bexly'``) without the
council meant; the same in :func:`impact.quotes`. Codes given as numbers (``codes=[1, 2]``, meaning the codebook's
first two) were only warned of by :func:`impact.council_panel`, their rows all zero, and told elsewhere as unknown
codes without saying why. A wave given by the words of its label (``"3 months"``, ``"Early impact"``) was refused
without naming the wave meant.
"""

from __future__ import annotations

import difflib
import random
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import synthetic_study

import impact
from impact.errors import InputError


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A synthetic study of six councils (seed 11107, one the project has not used) and its planted codings."""
    return synthetic_study(tmp_path_factory, 6, 11107)


def _misspelt(word: str, rng: random.Random) -> str:
    """``word`` with one inner letter (not a space) dropped (a typing slip)."""
    i = rng.choice([i for i in range(1, len(word) - 1) if word[i].isalpha()])
    return word[:i] + word[i + 1:]


def _outside(study, seed: int, n: int) -> pd.DataFrame:
    """``n`` councils of England (the bundled list) that ``study`` does not hold, picked with ``seed``."""
    england = impact.council_list()
    return england[~england["council_id"].isin(study.councils["council_id"])].sample(n, random_state=seed)


# --------------------------------------------------------------------------- 1. a council the study does not hold
@pytest.mark.parametrize("seed", [11_201, 11_202, 11_203])
def test_subset_names_a_council_of_england_outside_the_study_by_its_id_and_name(small, seed):
    folder, study, truth = small
    picked = _outside(study, seed, 3)
    (a, name_a), (b, name_b), (c, name_c) = picked[["council_id", "name"]].itertuples(index=False)
    with pytest.raises(InputError) as caught:
        study.subset(councils=[a, int(b), name_c, study.councils["council_id"].iloc[0]])
    message = str(caught.value)
    assert message.startswith("`councils` has 3 councils not in the study: "), message
    # by id, as text or as a number: the council it is (before: ids of the study alike digit by digit)
    assert f"{a!r} (it is council {a!r}, {name_a}, which is not in the study)" in message, message
    assert f"{b!r} (it is council {b!r}, {name_b}, which is not in the study)" in message, message
    # by its name: the id it has, and that the study does not hold it (before: the name alone)
    assert f"{name_c!r} (it is the name of council {c!r}, which is not in the study)" in message, message
    assert "did you mean" not in message
    assert len(study.subset(councils=[study.councils["council_id"].iloc[0]]).councils) == 1  # a study council is kept


@pytest.mark.parametrize("seed", [11_211, 11_212, 11_213])
def test_subset_tells_a_misspelt_council_name_with_the_council_meant(small, seed):
    folder, study, truth = small
    rng = random.Random(seed)
    names = study.councils["name"].tolist()
    # a council outside the study whose misspelling is like no name of the study's (difflib's own ratio, 0.6)
    candidates = [(cid, name) for cid, name in _outside(study, seed, 40)[["council_id", "name"]].itertuples(index=False)
                  if len(name) >= 7]
    typos = [(cid, name, _misspelt(name, rng)) for cid, name in candidates]
    unlike = [t for t in typos if t[2] != t[1] and not difflib.get_close_matches(t[2], names, n=1, cutoff=0.6)]
    assert unlike, "no council outside the study whose misspelling is like no study council's name"
    cid, name, typo = unlike[0]
    inside = study.councils[study.councils["name"].str.len() >= 6].sample(1, random_state=seed)
    in_id, in_name = inside[["council_id", "name"]].iloc[0]
    in_typo = _misspelt(in_name, rng)
    with pytest.raises(InputError) as caught:
        study.subset(councils=[typo, in_typo])
    message = str(caught.value)
    assert f"{typo!r} (did you mean {name!r}? it is council {cid!r}, which is not in the study)" in message, message
    assert f"{in_typo!r} (did you mean {in_name!r}, council {in_id!r}? give its id, {in_id!r})" in message, message


def test_quotes_name_a_council_outside_the_study_as_subset_does(small):
    folder, study, truth = small
    (cid, name), = _outside(study, 11_221, 1)[["council_id", "name"]].itertuples(index=False)
    segments = impact.segment(study)
    codings = impact.read_codings(folder / "truth_coded.csv", study, segments=segments)
    with pytest.raises(InputError, match=re.escape(f"{name!r} (it is the name of council {cid!r}, which is not in "
                                                   "the study)")):
        impact.quotes(codings, study, segments=segments, councils=[name])


# --------------------------------------------------------------------------- 2. codes given as numbers
def test_council_panel_refuses_codes_given_as_numbers_saying_codes_are_named_by_id(small):
    folder, study, truth = small
    book = impact.Codebook.nfer().code_ids
    # before: a warning, and a panel whose codes 1 and 2 were zeros throughout, "nobody reported it"
    with pytest.raises(InputError) as caught:
        impact.council_panel(study, truth, codes=[1, 2])
    message = str(caught.value)
    assert (f"1 (a number: codes are named by their ids, text such as {book[0]!r}, not by their place), "
            "2 (a number too)") in message, message
    assert f"expected codes of {str(list(book))[:-1]}, " in message  # the codes to give instead, the codebook's first
    with pytest.raises(InputError, match=r"1 \(a number: codes are named by their ids"):
        impact.council_panel(study, truth, codes=[1], codebook="nfer_impacts")
    # a code id that is text is read as before
    panel = impact.council_panel(study, truth, codes=[book[0]])
    assert set(panel["code"]) == {book[0]}


def test_statistics_and_quotes_refuse_codes_given_as_numbers_saying_why(small):
    folder, study, truth = small
    people = impact.participant_panel(study, truth)
    with pytest.raises(InputError, match=r"`codes` has 1 code not in the panel: 3 \(a number: codes are named by their "
                                         r"ids, text such as '[a-z_]+', not by their place\)"):
        impact.intervention_effects(people, codes=[3])
    segments = impact.segment(study)
    codings = impact.read_codings(folder / "truth_coded.csv", study, segments=segments)
    with pytest.raises(InputError, match=r"2\.0 \(a number: codes are named by their ids"):
        impact.quotes(codings, study, segments=segments, codes=[2.0])


# --------------------------------------------------------------------------- 3. a wave given by its label's words
@pytest.mark.parametrize("given, meant", [
    ("3 months", "early"), ("three months", "early"), ("Early impact", "early"), ("12 months", "longer_term"),
    ("24 months", "two_years"), ("36 Months", "three_years"),
])
def test_a_wave_given_by_the_words_of_its_label_is_told_with_the_wave_meant(tmp_path, given, meant):
    folder = tmp_path / "study"
    impact.synth.generate(5, seed=11_301, out=folder, waves=5)
    study = impact.load_study(folder, validate=False)
    label = study.waves.set_index("wave").loc[meant, "label"]
    codings = pd.read_csv(folder / "truth_coded.csv", dtype=str, keep_default_na=False)
    with pytest.raises(InputError, match=re.escape(f"{given!r} (did you mean {meant!r}, the wave {label!r}?)")):
        impact.attribution_summary(codings, study, waves=[given])


def test_a_wave_label_of_the_studys_own_is_read_and_words_of_two_labels_name_none(small, tmp_path):
    folder, study, truth = small
    import shutil

    copy = shutil.copytree(folder, tmp_path / "study")
    meta = yaml.safe_load((copy / "study.yaml").read_text(encoding="utf-8"))
    labels = ["Baseline, spring before the review", "Follow-up at six months", "Follow-up after eighteen months"]
    for wave, label in zip(meta["waves"], labels):
        wave["label"] = label
    (copy / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    mine = impact.load_study(copy, validate=False)
    panel = impact.council_panel(mine, truth)
    ids = mine.wave_ids
    with pytest.raises(InputError) as caught:
        impact.trajectories(panel, study=mine, waves=["baseline", "6 months", "Follow-up"])
    message = str(caught.value)
    assert f"'baseline' (did you mean {ids[0]!r}, the wave {labels[0]!r}?)" in message, message
    assert f"'6 months' (did you mean {ids[1]!r}, the wave {labels[1]!r}?)" in message, message
    assert "'Follow-up' - expected" in message or "'Follow-up'," in message, message  # two labels hold it: no guess
    # a misspelt id is still told as the id meant
    with pytest.raises(InputError, match=rf"'{ids[2][:-1]}' \(did you mean {ids[2]!r}\?\)"):
        impact.trajectories(panel, study=mine, waves=[ids[0], ids[1], ids[2][:-1]])


@pytest.mark.parametrize("given, meant", [("3 months", "early"), ("about 12 months after", "longer_term"),
                                          ("twelve months", "longer_term")])
def test_validate_tells_a_wave_cell_written_as_its_labels_words_as_that_wave(small, tmp_path, capsys, given, meant):
    import shutil

    from impact.cli import main

    folder = shutil.copytree(small[0], tmp_path / "study")
    interviews = pd.read_csv(folder / "interviews.csv", dtype=str, keep_default_na=False)
    row = random.Random(f"{given}-11").randrange(len(interviews))
    interviews.loc[row, "wave"] = given
    interviews.to_csv(folder / "interviews.csv", index=False)
    label = small[1].waves.set_index("wave").loc[meant, "label"]
    assert main(["validate", str(folder)]) == 2
    said = "".join(capsys.readouterr())
    # before: "study.yaml lists no wave '3 months': a further wave is added to study.yaml's `waves`"
    assert (f"interviews.csv:{row + 2}:wave: {given!r} - expected one of ['expectations', 'early', 'longer_term'] "
            f"(did you mean {meant!r}, the wave {label!r}? waves are named by their ids in study.yaml)") in said, said
    assert "a further wave" not in said


# --------------------------------------------------------------------------- 4. a relative path from another folder
def test_a_relative_path_from_another_folder_says_where_it_was_read_from_and_where_it_is(small, tmp_path, monkeypatch,
                                                                                          capsys):
    import shutil

    from impact.cli import main

    top = tmp_path / "project"
    shutil.copytree(small[0], top / "my-study")
    (top / "notebooks").mkdir(parents=True)
    monkeypatch.chdir(top / "notebooks")  # a notebook runs in its own folder, not the project's
    here, there = (top / "notebooks").resolve(), (top / "my-study").resolve()
    hint = (f"(a relative path is read from the current folder, {here}; {there} is one folder up: give "
            f"{Path('..', 'my-study')} or the full path)")
    with pytest.raises(InputError) as caught:
        impact.load_study("my-study")
    assert str(caught.value) == f"my-study: no such folder (expected a folder holding study.yaml) {hint}"
    assert main(["validate", "my-study"]) == 2
    assert hint in capsys.readouterr().err
    study = impact.load_study(Path("..", "my-study"), validate=False)
    coded = str(Path("my-study", "truth_coded.csv"))
    with pytest.raises(InputError, match=re.escape(f"{there / 'truth_coded.csv'} is one folder up: give "
                                                   f"{Path('..', coded)} or the full path)")):
        impact.read_codings(coded, study)
    # nowhere above either: where it was looked for, the study folder too for a codebook
    with pytest.raises(InputError, match=re.escape(f"codebook file mine.yaml does not exist (a relative path is read from the current folder, "
                                                   f"{here}, then from the study folder, {there})")):
        impact.Codebook.for_study(study, "mine.yaml")
    with pytest.raises(InputError) as caught:  # an absolute path says nothing of the current folder
        impact.load_study(top / "nowhere")
    assert "relative path" not in str(caught.value)


# --------------------------------------------------------------------------- 5. a table where ids go; waves not given
def test_a_table_given_for_councils_is_refused_not_read_as_its_column_names(small):
    folder, study, truth = small
    # before: "5 councils not in the study: 'council_id', 'name' (did you mean 'Newham'? ...)", the table's columns
    for call in (lambda: study.subset(councils=study.councils),
                 lambda: impact.quotes(truth, study, councils=study.councils[["name", "council_id"]])):
        with pytest.raises(TypeError, match=r"`councils` must be a name or a list of names, but a DataFrame was passed "
                                            r"\(its columns would be read as the names\): give one of its columns, "
                                            r"e\.g\. frame\['council_id'\]"):
            call()


def test_trajectories_of_a_study_of_more_waves_says_waves_was_not_given(tmp_path):
    folder = tmp_path / "study"
    impact.synth.generate(4, seed=11_501, out=folder, waves=4)
    study = impact.load_study(folder, validate=False)
    panel = impact.council_panel(study, pd.read_csv(folder / "truth_coded.csv", dtype=str, keep_default_na=False))
    ids = study.wave_ids
    assert len(ids) == 4
    # before: "`waves` must name three waves ..., but [the study's four] was passed", of an argument nobody passed
    with pytest.raises(ValueError, match=re.escape(f"the study has 4 waves, {ids!r}, and `waves` was not given - pass "
                                                   f"the three to read, in order (e.g. waves={ids[:3]!r})")):
        impact.trajectories(panel, study=study)
    assert len(impact.trajectories(panel, study=study, waves=ids[1:])) > 0  # any three, as the message says


# --------------------------------------------------------------------------- 6. a list written as one text; swapped
@pytest.mark.parametrize("seed", [11_601, 11_602])
def test_names_written_as_one_text_are_told_as_a_list_to_give(small, seed):
    folder, study, truth = small
    rng = random.Random(seed)
    codes = rng.sample(list(impact.Codebook.nfer().code_ids), 2)
    joined = rng.choice([", ", ",", "; "]).join(codes)
    # before: a warning, and one code of that name whose rows were all zero
    with pytest.raises(InputError, match=re.escape(f"{joined!r} (2 codes in one text: give them as a list, {codes!r})")):
        impact.council_panel(study, truth, codes=joined)
    waves = rng.sample(study.wave_ids, 2)
    # before: "did you mean" one of the two
    with pytest.raises(InputError, match=re.escape(f"(2 waves in one text: give them as a list, {waves!r})")):
        impact.attribution_summary(truth, study, waves=" and ".join(waves))
    ids = study.councils["council_id"].sample(2, random_state=seed).tolist()
    with pytest.raises(InputError, match=re.escape(f"(2 councils in one text: give them as a list, {ids!r})")):
        study.subset(councils=", ".join(ids))


def test_a_files_path_given_for_the_study_is_not_called_a_folder(small):
    folder, study, truth = small
    coded = str(folder / "truth_coded.csv")
    # before: "a folder's path; load it first, study = impact.load_study('.../truth_coded.csv')"
    # the two the other way round are told so by their types, as every reader taking a path and a study (newuser14)
    with pytest.raises(TypeError, match=re.escape("The arguments of `read_codings` are the other way round: a Study "
                                                  "was passed as `path` and a str as `study`")) as caught:
        impact.read_codings(study, coded)
    assert "folder" not in str(caught.value)
    with pytest.raises(TypeError, match=re.escape(f"but str was passed: the path of a file, {coded!r}, not of a study "
                                                  "(were two arguments given in each other's place?")):
        impact.read_codings(coded, coded)
    with pytest.raises(TypeError, match=r"a folder's path; load it first"):  # a folder's path is still told so
        impact.read_codings(coded, str(folder))


# --------------------------------------------------------------------------- 7. agreement's options misspelt
@pytest.mark.parametrize("given, meant", [("kapa", "'cohen_kappa' or 'fleiss_kappa'"), ("alpha", "'krippendorff_alpha'"),
                                          ("cohen_kapa", "'cohen_kappa'")])
def test_a_metric_said_by_one_word_or_misspelt_names_the_metrics_meant(small, tmp_path, capsys, given, meant):
    from impact.cli import main

    folder, study, truth = small
    segments = impact.segment(study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    units = impact.coding_to_units({"ann": coded, "machine": coded}, units=segments)
    # before: "... but 'kapa' was passed." and nothing more
    with pytest.raises(ValueError, match=re.escape(f"but {given!r} was passed (did you mean {meant}?)")):
        impact.agreement_table(units, metrics=[given])
    coded.to_csv(tmp_path / "ann.csv", index=False)
    assert main(["agree", str(tmp_path / "ann.csv"), str(tmp_path / "ann.csv"), "--metrics", given, "--out",
                 str(tmp_path / "agreement.csv")]) == 2
    assert f"(did you mean {meant}?)" in capsys.readouterr().err
    assert not (tmp_path / "agreement.csv").exists()


@pytest.mark.parametrize("given, meant", [("council", "council_id"), ("wav", "wave"), ("Code", "code")])
def test_agreement_grouped_by_a_column_named_otherwise_names_the_column_meant(small, tmp_path, capsys, given, meant):
    from impact.cli import main

    folder, study, truth = small
    segments = impact.segment(study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    units = impact.coding_to_units({"ann": coded, "machine": coded.sample(frac=0.8, random_state=11)}, units=segments)
    with pytest.raises(ValueError, match=re.escape(f"`data` has no column {given!r}; it has ")) as caught:
        impact.agreement_table(units, by=given)
    assert str(caught.value).endswith(f"(did you mean {meant!r}?).")
    coded.to_csv(tmp_path / "ann.csv", index=False)
    coded.sample(frac=0.8, random_state=11).to_csv(tmp_path / "bob.csv", index=False)
    assert main(["agree", str(tmp_path / "ann.csv"), str(tmp_path / "bob.csv"), "--study", str(folder), "--by",
                 f"{given}", "--out", str(tmp_path / "agreement.csv")]) == 2
    assert (f"--by {given}: column {given!r} not available (did you mean {meant!r}?) - expected columns of "
            in capsys.readouterr().err)
    assert not (tmp_path / "agreement.csv").exists()
