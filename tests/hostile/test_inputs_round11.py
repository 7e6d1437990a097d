"""Hostile inputs, round 11 (helper-inputs11).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import warnings

import pytest

from impact.errors import ValidationError

# --------------------------------------------------------------------------- 1. segment ids and --speakers

# Planted: the respondent's sentences and the interviewer's, in the order they are spoken.
_ASKED = ["Did the review raise morale?", "Was it about learning?", "And reflection?"]
_SAID = ["Morale has improved a lot.", "Staff morale is much higher now.", "We rewrote the threshold document.",
         "We now reflect on practice in supervision.", "It promoted learning."]
_TALK = (f"Interviewer: {_ASKED[0]} {_ASKED[1]}\nRespondent: {_SAID[0]} {_SAID[1]} {_SAID[2]}\n"
         f"Interviewer: {_ASKED[2]}\nRespondent: {_SAID[3]} {_SAID[4]}\n")


def _planted_id(interview_id: str, a: int, b: int) -> tuple[str, str]:
    """The id and text of the planted sentence holding characters a to b of _TALK: the respondent's numbered 1, 2, ...
    among themselves, the interviewer's i1, i2, ... (counted here, not by the package)."""
    for tag, sentences in (("", _SAID), ("i", _ASKED)):
        for k, sentence in enumerate(sentences, 1):
            lo = _TALK.index(sentence)
            if lo <= a and b <= lo + len(sentence):
                return f"{interview_id}:{tag}{k}", sentence
    raise AssertionError((a, b))


@pytest.fixture
def talk_study(study_dir):
    for f in (study_dir / "transcripts").rglob("*.txt"):
        f.write_text(_TALK, encoding="utf-8")
    return study_dir


@pytest.mark.parametrize("speakers", ["respondent", "all"])
def test_a_coded_file_analyses_to_the_segments_its_ids_name_whatever_the_speakers_option(speakers, talk_study,
                                                                                          tmp_path, capsys):
    # On the old code `code --speakers all` numbered every speaker's sentences in one sequence and analyse() the
    # respondent's only: 'P1-early:1' coded "raise morale" (the interviewer) and named "Morale has improved a lot."
    from impact.cli import main
    from impact.pipeline import analyse
    from impact.study import load_study

    out = tmp_path / f"coded-{speakers}.csv"
    assert main(["code", str(talk_study), "--speakers", speakers, "--out", str(out)]) == 0
    capsys.readouterr()
    study = load_study(talk_study)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = analyse(study, coded=out, parts=("framework",), n_resamples=99)
    coded = found.coded[found.coded["unit"] != found.coded["interview_id"]]
    segments = found.segments.set_index("segment_id")["text"]
    assert len(coded) == (5 if speakers == "respondent" else 8) * len(study.interviews)
    for unit, iid, a, b in zip(coded["unit"], coded["interview_id"], coded["start"], coded["end"], strict=True):
        planted, sentence = _planted_id(iid, int(a), int(b))
        assert unit == planted, (unit, _TALK[a:b])
        if ":i" not in unit:  # the respondent's: a segment of the analysis, the very sentence
            assert segments[unit] == sentence


def test_codings_of_the_interviewer_are_counted_with_a_warning(talk_study, tmp_path, capsys):
    from impact.cli import main
    from impact.codings import CodingsWarning
    from impact.pipeline import analyse
    from impact.study import load_study

    out = tmp_path / "coded.csv"
    assert main(["code", str(talk_study), "--speakers", "all", "--out", str(out)]) == 0
    with pytest.warns(CodingsWarning, match=r"coded\.csv: 30 coding\(s\) of segments not of respondent speech "
                                            r"\(the interviewer's"):
        analyse(load_study(talk_study), coded=out, parts=(), n_resamples=99)


@pytest.mark.parametrize("parts", [(), ("framework",)])
def test_a_file_numbering_every_speaker_in_one_sequence_is_refused(parts, talk_study, tmp_path):
    # On the old code read without a word: 'P1-early:1' with the span of "raise morale" counted a morale statement
    # on the respondent's first sentence.
    from impact.pipeline import analyse
    from impact.study import load_study

    a = _TALK.index("raise morale")
    b = a + len("raise morale")
    s0 = _TALK.index(_SAID[0])
    (tmp_path / "c.csv").write_text(f"unit,code,start,end\nP3-early:1,morale,{s0},{s0 + 6}\n"  # guard: its own
                                    f"P1-early:1,morale,{a},{b}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        analyse(load_study(talk_study), coded=tmp_path / "c.csv", parts=parts, n_resamples=99)
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:3:unit: 'P1-early:1' - expected the segment holding the row's span (characters {a} to {b} lie in "
        f"P1-early:i1; P1-early:1 is characters {s0} to {s0 + len(_SAID[0])}): a file numbering segments otherwise, "
        "as an earlier `impact code --speakers all` did (every speaker's in one sequence), names other segments: "
        "code the study again"]
