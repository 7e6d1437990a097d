"""What new users met doing things the wrong way (newuser10).

An analyst matching council names with ``impact.to_council_id`` got ``NaN`` for a misspelt or unknown name without a
word; codings whose codes were in no codebook (a typo, ``'moral'`` beside ``'morale'``) became codes of the council
panel of their own, also with ``codebook=`` given; codings read against a codebook whose codes differ from theirs were
told one row at a time, the first 50 rows (three or four codes, the later ones never named), without saying that the
file was coded with another codebook; a statistic given a column named otherwise (``outcome="share"``) listed the
panel's 29 columns without the one meant.
"""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import synthetic_study

import impact
from impact.errors import ImpactWarning, InputError, ValidationError


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A synthetic study of six councils (seed 10107, one the project has not used) and its planted codings."""
    return synthetic_study(tmp_path_factory, 6, 10107)


def _misspelt(word: str, rng: random.Random) -> str:
    """``word`` with one inner letter dropped (a typing slip)."""
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:]


# --------------------------------------------------------------------------- 1. to_council_id tells what it missed
@pytest.mark.parametrize("seed", [10_001, 10_002, 10_003])
def test_to_council_id_names_each_value_it_matched_to_no_council(seed):
    rng = random.Random(seed)
    councils = impact.council_list()
    picked = councils.sample(4, random_state=seed)
    long_names = [n for n in picked["name"] if len(n.replace(" ", "")) >= 6]
    typo = _misspelt(long_names[0], rng)
    values = [*picked["name"], typo, "Atlantis", 999]
    with pytest.warns(impact.CouncilMatchWarning) as caught:
        ids = impact.to_council_id(values)
    # the names matched are matched, the vectorised result kept: NA where nothing matched
    assert ids.tolist()[:4] == picked["council_id"].tolist()
    assert ids.iloc[4:].isna().all()
    message = str(caught[0].message)
    assert f"{typo!r} (index 4" in message and "'Atlantis' (index 5)" in message and "999 (index 6)" in message
    assert message.startswith("`values` has 3 values that match no council's")
    assert caught[0].filename == __file__  # the user's line, not impact's


def test_to_council_id_suggests_the_council_meant_and_can_refuse_or_stay_quiet():
    with pytest.warns(impact.CouncilMatchWarning, match=r"'Barnett' \(index 1; did you mean 'Barnet'"):
        impact.to_council_id(pd.Series(["Bromley", "Barnett"]), key_type="name")
    with pytest.raises(InputError, match=r"2 values that match no council's ONS code: 'E0900000' \(index 0\), 'x' "):
        impact.to_council_id(["E0900000", "x", "E09000003"], key_type="ons_code", unmatched="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ids = impact.to_council_id(["Atlantis", None, "301"], unmatched="ignore")
        assert ids.isna().tolist() == [True, True, False]
        impact.to_council_id([None, float("nan")])  # missing values are not unmatched: no warning
    with pytest.raises(InputError, match=r"`unmatched` must be one of \['warn', 'raise', 'ignore'\], but 'error'"):
        impact.to_council_id(["301"], unmatched="error")


# --------------------------------------------------------------------------- 2. codes of no codebook
def test_codings_of_another_codebook_are_told_as_such_each_code_once(small, tmp_path):
    folder, study, truth = small
    nfer = impact.Codebook.nfer().code_ids
    coded = truth[truth["code"].isin(nfer)]
    coded.to_csv(tmp_path / "coded.csv", index=False)
    with pytest.raises(ValidationError) as caught:
        impact.read_codings(tmp_path / "coded.csv", study, codebook=impact.Codebook.load("impact_level"))
    lines = str(caught.value).splitlines()
    assert "none of the file's" in lines[1] and "the bundled codebook 'nfer_impacts'" in lines[1], lines[1]
    code_lines = [p for p in caught.value.errors if p.row is not None]
    # one problem per code, each naming its first row and counting the rest (planted truth: every row's code)
    assert sorted(p.value for p in code_lines) == sorted(coded["code"].unique())
    for p in code_lines:
        rows = [i + 2 for i in range(len(coded)) if coded["code"].iloc[i] == p.value]
        assert p.row == rows[0]
        assert (f"the same on {len(rows) - 1} more row" in p.expected) == (len(rows) > 1)
        assert "did you mean" not in p.expected  # another codebook's code is no misspelling of this one's


def test_a_code_after_the_fiftieth_unknown_row_is_still_named(small, tmp_path):
    folder, study, truth = small
    rng = random.Random(10_110)
    coded = truth[truth["code"].isin(impact.Codebook.nfer().code_ids)].reset_index(drop=True).copy()
    assert len(coded) > 60
    first, later = rng.sample(list(impact.Codebook.nfer().code_ids), 2)
    typo_first, typo_later = _misspelt(first, rng), _misspelt(later, rng)
    coded.loc[:54, "code"] = typo_first  # 55 rows of one typo, then another on a later row
    coded.loc[len(coded) - 1, "code"] = typo_later
    coded.to_csv(tmp_path / "coded.csv", index=False)
    with pytest.raises(ValidationError) as caught:
        impact.read_codings(tmp_path / "coded.csv", study)
    found = {p.value: p for p in caught.value.errors}
    assert found[typo_first].row == 2 and "the same on 54 more rows" in found[typo_first].expected
    assert found[typo_later].row == len(coded) + 1
    assert f"did you mean {later!r}" in found[typo_later].expected


def test_a_panel_refuses_codes_of_no_codebook_naming_file_row_and_code(small, tmp_path):
    folder, study, truth = small
    rng = random.Random(10_120)
    coded = truth.copy()
    nfer = list(impact.Codebook.nfer().code_ids)
    code = rng.choice(nfer)
    rows = sorted(rng.sample([i for i in range(len(coded)) if coded["code"].iloc[i] == code], 2))
    typo = _misspelt(code, rng)
    coded.loc[rows, "code"] = typo
    # codings read without a list of codes (as_codings converts shapes; the panel decides the codes)
    codings = impact.as_codings(coded, study, source="coded.csv")
    with pytest.raises(InputError) as caught:
        impact.council_panel(study, codings, codebook="nfer_impacts")
    message = str(caught.value)
    assert f"{typo!r} (coded.csv:{rows[0] + 2}:code, the same on 1 more row: {rows[1] + 2}; did you mean {code!r}" in message
    # a frame of the user's own: its rows named by index label
    with pytest.raises(InputError, match=rf"{typo!r} \(`coded` rows {rows[0]}, {rows[1]}; did you mean {code!r}"):
        impact.council_panel(study, coded, codebook="nfer_impacts")
    # without a codebook: the study's, in a warning naming the user's line; the panel is still built
    with pytest.warns(ImpactWarning, match=rf"no code of the study's codebook 'nfer_impacts': {typo!r}") as warned:
        panel = impact.council_panel(study, codings)
    assert warned[0].filename == __file__
    assert typo in set(panel["code"])


def test_a_panel_of_the_codebooks_own_codes_is_built_without_a_word(small):
    folder, study, truth = small
    with warnings.catch_warnings():
        warnings.simplefilter("error", ImpactWarning)
        panel = impact.council_panel(study, truth, codebook="nfer_impacts")
    assert set(panel["code"]) == set(truth["code"])


# --------------------------------------------------------------------------- 3. a column named otherwise
@pytest.mark.parametrize("argument, given, meant", [
    ("outcome", "share", "share_reported"),
    ("group", "Status Group", "status_group"),
    ("unit", "council", "council_id"),
])
def test_a_column_named_otherwise_is_told_with_the_column_meant(small, argument, given, meant):
    from impact.stats import compare_groups

    folder, study, truth = small
    panel = impact.council_panel(study, truth)
    options = {"outcome": "share_reported", "group": "status_group", "unit": "council_id", argument: given}
    with pytest.raises(ValueError, match=rf"{given!r} \(from `{argument}`\) \(did you mean {meant!r}"):
        compare_groups(panel, by=["code", "wave"], **options)


def test_a_table_given_a_column_named_otherwise_is_told_with_the_column_meant():
    ind = pd.DataFrame({"council": ["940"], "period": ["2022-03-31"], "measure": ["referral_count"], "value": [1.0]})
    with pytest.raises(InputError, match=r"lacks the column 'council_id' \(did you mean 'council'\?\)"):
        impact.aggregate_successors(ind, measures=["referral_count"])


# --------------------------------------------------------------------------- 4. a folder's path where a study goes
def test_segment_given_a_folders_path_says_to_load_it_first(small):
    folder, study, truth = small
    with pytest.raises(InputError, match=r"a folder's path; load it first, study = impact\.load_study\("):
        impact.segment(str(folder))
    with pytest.raises(InputError, match=r"one text; pass it with its interview's id"):
        impact.segment("Interviewer: How was the review?\nRespondent: It helped.")


# --------------------------------------------------------------------------- 5. a wave study.yaml does not list
@pytest.mark.parametrize("wave", ["two_years", "autumn_2014"])
def test_interviews_of_a_wave_study_yaml_does_not_list_say_where_waves_are_added(small, tmp_path, capsys, wave):
    import shutil

    from impact.cli import main

    folder = Path(shutil.copytree(small[0], tmp_path / "study"))
    interviews = pd.read_csv(folder / "interviews.csv", dtype=str, keep_default_na=False)
    last = interviews.index[-2:]
    interviews.loc[last, "wave"] = wave
    interviews.to_csv(folder / "interviews.csv", index=False)
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr()
    said = err.out + err.err
    assert (f"interviews.csv:{last[0] + 2}:wave: {wave!r} - expected one of ['expectations', 'early', 'longer_term'] "
            f"(study.yaml lists no wave {wave!r}: a further wave is added to study.yaml's `waves`") in said, said
    # a misspelt wave is still told as the wave meant, not as a wave to add
    interviews.loc[last, "wave"] = "longer_trem"
    interviews.to_csv(folder / "interviews.csv", index=False)
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr()
    assert "did you mean 'longer_term'?" in err.out + err.err and "a further wave" not in err.out + err.err


# --------------------------------------------------------------------------- 6. codings passed as the segments
def test_codings_passed_as_segments_are_refused_not_read_as_the_interviews_coded(small):
    folder, study, truth = small
    # before: accepted, and every interview with no coding read as not coded (missing), not as one with nothing found
    with pytest.raises(InputError, match=r"`segments` lacks the column 'segment_id' \(these look like codings: pass "
                                         r"them as `coded`\) - expected the output of impact\.segment"):
        impact.council_panel(study, truth, segments=truth)
    with pytest.raises(TypeError, match=r"`segments` must be a DataFrame, the output of impact\.segment, but str"):
        impact.participant_panel(study, truth, segments="segments.csv")


def test_to_council_id_tells_a_dfe_files_regional_rows_and_passes_blank_cells_over():
    # a DfE file's la_name column: blank on its national and regional rows, or the region's name in a region_name
    # column passed by mistake
    regions = sorted(impact.vocab.REGIONS)
    rng = random.Random(10_130)
    region = rng.choice([r for r in regions if r not in ("London",)])
    with pytest.warns(impact.CouncilMatchWarning) as caught:
        ids = impact.to_council_id(pd.Series(["", "  ", region, "England", "Barnet"]), key_type="name")
    assert ids.tolist()[-1] == "302" and ids.iloc[:4].isna().all()
    message = str(caught[0].message)
    assert message.startswith("`values` has 2 values that match no council's name: "), message  # not the blanks
    assert f"{region!r} (index 2; a region, not a council: keep the rows whose geographic_level is 'Local authority')" in message
    assert "'England' (index 3; the country, not a council" in message


# --------------------------------------------------------------------------- 7. --out given the folder of several runs
def test_a_folder_of_other_runs_outputs_is_refused_saying_what_it_holds(tmp_path):
    from impact._io import check_output_folder, staged_directory
    from impact.errors import OutputFolderError

    parent = tmp_path / "outputs ñ é"
    for run in ("run 1", "run2"):
        with staged_directory(parent / run) as d:
            (d / "report.html").write_text("<p>report</p>", encoding="utf-8")
        (parent / f"{run}-reidentification-key.csv").write_text("pseudonym,id\n", encoding="utf-8")
    (parent / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputFolderError) as caught:
        check_output_folder(parent)
    message = str(caught.value)
    assert ("the output folder holds the output folders of other impact runs (run 1, run2, with their keys beside "
            "them: give each run a folder of its own") in message, message
    assert "and files impact did not write (notes.txt)" in message
    assert "report.html" not in message  # the other runs' files are not called the user's
    assert sorted(p.name for p in parent.iterdir()) == ["notes.txt", "run 1", "run 1-reidentification-key.csv",
                                                        "run2", "run2-reidentification-key.csv"]  # nothing removed
