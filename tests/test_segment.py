"""Tests for impact.coding.segment."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.coding import segment, split_sentences, split_turns
from impact.errors import InputError

CONVENTIONS = [
    ("Interviewer: How has it been?\nRespondent: Better. Much better.", ["interviewer", "respondent"]),
    ("I: How has it been?\nR: Better. Much better.", ["interviewer", "respondent"]),
    ("Q: How has it been?\nA: Better. Much better.", ["interviewer", "respondent"]),
    ("Int: How has it been?\nResp: Better. Much better.", ["interviewer", "respondent"]),
    ("[00:01:02] Interviewer: How has it been?\n[00:01:09] Respondent: Better. Much better.", ["interviewer", "respondent"]),
    ("Interviewer (00:01:02): How has it been?\nInterviewee (00:01:09): Better. Much better.", ["interviewer", "respondent"]),
    ("**Interviewer:** How has it been?\n**Respondent:** Better. Much better.", ["interviewer", "respondent"]),
    ("Interviewer  00:01\nHow has it been?\n\nParticipant 1  00:09\nBetter. Much better.", ["interviewer", "respondent"]),
]


@pytest.mark.parametrize(("transcript", "speakers"), CONVENTIONS)
def test_speaker_conventions(transcript, speakers):
    turns = split_turns(transcript)
    assert turns["speaker"].tolist() == speakers
    segs = segment({"X": transcript})
    assert segs["text"].tolist() == ["Better.", "Much better."]


def test_named_speakers_questioner_is_interviewer():
    t = ("Sarah Jones: What changed after the review?\nDr Patel: Quite a lot.\n"
         "Sarah Jones: Such as?\nDr Patel: Morale went up. Note: it is fragile.\n")
    turns = split_turns(t)
    assert turns["speaker"].tolist() == ["interviewer", "respondent", "interviewer", "respondent"]
    # "Note:" starts only one line, so it is text, not a speaker.
    assert segment({"X": t})["text"].tolist() == ["Quite a lot.", "Morale went up.", "Note: it is fragile."]
    # The caller may name the interviewer explicitly.
    assert split_turns(t, interviewer_labels=["Dr Patel"])["speaker"].tolist()[:2] == ["respondent", "interviewer"]


def test_preamble_unknown_and_unlabelled_text_is_respondent():
    t = "Interview 4, March 2013\n\nInterviewer: Hello?\nRespondent: Hi."
    assert split_turns(t)["speaker"].tolist() == ["unknown", "interviewer", "respondent"]
    assert segment({"X": t})["text"].tolist() == ["Hi."]
    assert segment({"X": "Just notes. Two sentences."})["speaker"].tolist() == ["respondent", "respondent"]


@pytest.mark.parametrize("layout", [
    "I: {q}\n\n{a}\n\n",                        # answers a paragraph below each labelled question
    "Interviewer: {q}\n{a}\n",                    # answers on the next line
    "Q: {q}\n{a}\nIt was a long year.\n",         # several answer lines
    "Int: Could you tell me more\nabout that? {q}\n{a}\n",  # a question wrapped over two lines
])
def test_unlabelled_answers_below_labelled_questions_are_the_respondents(layout):
    """Only the interviewer labelled: the text below each question is the answer, not more of the question."""
    answers = ["Morale is much better since the review.", "The board now meets monthly."]
    t = "".join(layout.format(q="What changed?", a=a) for a in answers)
    turns = split_turns(t)
    assert turns["speaker"].tolist() == ["interviewer", "respondent"] * 2
    said = segment({"X": t})
    assert [x for x in said["text"] if x in answers] == answers
    assert not said["text"].str.contains(r"\?").any()  # no question is respondent speech
    assert all(t[r.start:r.end] == r.text for r in said.itertuples())


@pytest.mark.parametrize("transcript", [
    "Q. What changed?\nA. Better. Much better.",
    "Interviewer - What changed?\nRespondent - Better. Much better.",
    "Int \u2013 What changed?\nResp \u2013 Better. Much better.",
    "INTERVIEWER\nWhat changed?\n\nRESPONDENT\nBetter. Much better.\n",
])
def test_labels_set_off_by_a_dot_a_dash_or_alone_on_a_line(transcript):
    assert split_turns(transcript)["speaker"].tolist() == ["interviewer", "respondent"]
    assert segment({"X": transcript})["text"].tolist() == ["Better.", "Much better."]


def test_lettered_headings_in_written_notes_are_not_speakers():
    t = "A. Introduction\nThe plan was agreed.\nB. Findings\nMorale improved."
    assert split_turns(t)["speaker"].tolist() == ["respondent"]
    assert segment({"X": t})["text"].str.contains("Morale improved").any()


def test_interviewer_only_transcript_without_answers_has_no_respondent_speech():
    assert split_turns("I: Hello?\nI: Thanks, bye.")["speaker"].tolist() == ["interviewer", "interviewer"]
    assert segment({"X": "I: Hello?\nI: Thanks, bye."}).empty


def test_abbreviations_do_not_split():
    t = "We met Cllr. Ahmed and Dr. Jones, e.g. at the LSCB, i.e. the board. The D.C.S. agreed etc. and it went well."
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "We met Cllr. Ahmed and Dr. Jones, e.g. at the LSCB, i.e. the board.",
        "The D.C.S. agreed etc. and it went well.",
    ]


def test_segments_all_speakers_and_ids():
    t = "Q: First? Second?\nA: One. Two.\nQ: Third?\nA: Three."
    segs = segment(pd.Series({"I7": t}), speakers="all")
    # respondent segments numbered as without speakers="all", the interviewer's apart
    assert segs["segment_id"].tolist() == ["I7:i1", "I7:i2", "I7:1", "I7:2", "I7:i3", "I7:3"]
    assert segs["turn"].tolist() == [1, 1, 2, 2, 3, 4]
    resp = segment(pd.Series({"I7": t}))
    assert resp["segment_id"].tolist() == ["I7:1", "I7:2", "I7:3"]
    assert resp["text"].tolist() == ["One.", "Two.", "Three."]
    assert segment({"I7": t}, sentences=False)["text"].tolist() == ["One. Two.", "Three."]


def test_bad_arguments():
    with pytest.raises(InputError, match=r"`speakers` must be one of \['respondent', 'all'\], but 'everyone'"):
        segment({"X": "A: hi"}, speakers="everyone")
    with pytest.raises(InputError, match="must be a Study"):
        segment(["A: hi"])
    with pytest.raises(InputError, match="expected text"):
        segment({"X": 3})


_LABELS = ["Interviewer", "I", "Q", "Int", "Respondent", "R", "A", "Resp", "Sarah", "[Dr Patel]", "Speaker 2", "[00:01:02] Q", "R (00:03)"]
_line = st.one_of(
    st.tuples(st.sampled_from(_LABELS), st.sampled_from([":", ": ", " :", ":\t"]), st.text(max_size=60)).map("".join),
    st.text(max_size=80),
    st.just(""),
    st.sampled_from(["Cllr. Smith said e.g. this.", "Why? Because! Yes.", "\u00e9t\u00e9 \u2019quoted\u2019 \U0001F600.", "   "]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_line, max_size=12), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_segments_are_transcript_slices(lines, newline):
    transcript = newline.join(lines)
    segs = segment({"X": transcript}, speakers="all")
    for start, end, text in zip(segs["start"], segs["end"], segs["text"], strict=True):
        assert transcript[start:end] == text
        assert text and text == text.strip()
    # Segments are in order and do not overlap.
    assert (segs["start"].iloc[1:].to_numpy() >= segs["end"].iloc[:-1].to_numpy()).all()


def test_segment_in_worker_processes_gives_the_same_segments(monkeypatch):
    import importlib

    segment_module = importlib.import_module("impact.coding.segment")

    texts = {f"I{k}": f"Q: How was it?\nA: Morale is up. We work with Dr. Khan now.\nQ: And {k}?\nA: Fine. Really." for k in range(6)}
    texts["I3"] = "Q: Only questions here?\nQ: " + "Still nothing? " * 12  # a batch with no respondent speech
    expected = segment_module.segment(texts)
    silent = {k: "Q: Anyone there?" * 12 for k in texts}
    expected_silent = segment_module.segment(silent)
    monkeypatch.setattr(segment_module, "_BATCH_CHARS", 80)  # a batch per transcript, so workers are used
    assert len(segment_module._batches(list(texts.items()), 80)) == 6
    pd.testing.assert_frame_equal(segment_module.segment(texts, n_jobs=2), expected)
    pd.testing.assert_frame_equal(segment_module.segment(silent, n_jobs=2), expected_silent)  # every batch empty
    assert expected_silent.empty and list(expected_silent.columns) == list(expected.columns)
    with pytest.raises(InputError, match="`n_jobs` must be None or a non-zero integer"):
        segment_module.segment(texts, n_jobs=0)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Dr.", "e.g.", "It", "helped", ".", "?", "!", "...", "--", ")", '"', "\u201d",
                                 "\u2019", "(", ";", ",", " ", "\n", "\t", "A", "b", "Cllr.", "i.e.", "3.", "etc."]),
                max_size=40).map("".join))
def test_fused_punkt_spans_equal_nltk_span_tokenize(text):
    # The fused loop must reproduce NLTK's own span_tokenize exactly (same parameters).
    import importlib

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    fast = importlib.import_module("impact.coding.segment")._punkt()
    assert fast.spans(text) == list(PunktSentenceTokenizer(fast._params).span_tokenize(text))


def test_a_transcripts_turns_are_read_once_per_text_and_labels(monkeypatch):
    """Loading a study reads every transcript's speaker turns to check it, and segmenting it read them all again
    (speed10): the turns are kept by a digest of the text and the labels, and a caller changing its list does not
    change the next one's."""
    import sys

    module = sys.modules["impact.coding.segment"]  # `segment` here is the function of that name
    read = []
    original = module._read_turn_rows

    def counted(*args):
        read.append(args[1:])
        return original(*args)

    monkeypatch.setattr(module, "_read_turn_rows", counted)
    text = "Int: How did the review go for you, speed10?\nResp: It helped the partnership.\n"
    first = split_turns(text)
    first_rows = module._turn_rows(text, (), ())
    first_rows.clear()
    again = split_turns(text)
    pd.testing.assert_frame_equal(first, again)
    assert list(again["speaker"]) == ["interviewer", "respondent"]
    assert read == [((), ())]
    split_turns(text, interviewer_labels=["Q"])
    split_turns(text + " ")
    assert len(read) == 3
