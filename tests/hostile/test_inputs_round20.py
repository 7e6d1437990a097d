"""Hostile inputs, round 20 (helper-inputs20).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import re
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from impact.errors import InputError, ValidationError

from .test_inputs_round5 import _replace

# --------------------------------------------------------------------------- 1. spans shifted a few characters

# Planted: each transcript's respondent speech, two sentences, each coded; spans found here with str.index.
_SENTENCES = ("Morale has improved a lot since then.", "We rewrote the threshold document.")


def _talk(iid: str) -> str:
    return f"Interviewer: How has it gone?\nRespondent: Interview {iid}. {_SENTENCES[0]} {_SENTENCES[1]}\n"


def _talked(study_dir, talk=_talk):
    """The study of ``study_dir`` with each transcript written again as ``talk(interview_id)``."""
    from impact.study import load_study

    study = load_study(study_dir)
    for iid, f in zip(study.interviews["interview_id"], study.interviews["transcript"], strict=True):
        (study_dir / "transcripts" / f).write_text(talk(iid), encoding="utf-8")
    return load_study(study_dir)


@pytest.fixture
def talk_study(study_dir):
    return _talked(study_dir)


def _sentence_spans(study, shift: int = 0) -> pd.DataFrame:
    rows = []
    for iid in study.interviews["interview_id"]:
        text = study.transcript(iid)
        for s, code in zip(_SENTENCES, ("morale", "plans_actions"), strict=True):
            a = text.index(s)
            rows.append({"interview_id": iid, "start": a + shift, "end": a + len(s) + shift, "code": code})
    return pd.DataFrame(rows)


def test_spans_all_a_character_early_with_no_quote_are_refused_naming_rows_and_shift(talk_study, tmp_path):
    # On the old code read without a word: each span one character early starts on the space before its sentence
    # and ends before its full stop, between words, so no span end looked wrong (impact.codings._bad_ends) and no
    # other counting was tried; every coding took in the end of the sentence before it.
    from impact.codings import _bad_ends, read_codings

    coded = _sentence_spans(talk_study, shift=-1)
    for iid, g in coded.groupby("interview_id"):
        assert _bad_ends(talk_study.transcript(iid), [*g["start"], *g["end"]]) == 0  # the premise: ends between words
    coded.to_csv(tmp_path / "shifted.csv", index=False)
    with pytest.raises(ValidationError) as info:
        read_codings(tmp_path / "shifted.csv", talk_study)
    (problem,) = [str(p) for p in info.value.problems]
    n = len(coded)
    assert problem.startswith("shifted.csv:2:start: ")
    assert f"the {n} spans of 10 transcripts (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ...)" in problem
    assert f"on the edges of words 0 times as written, {n} times moved +1 character" in problem
    assert "1 character early" in problem


def test_shifted_spans_in_the_command_line_exit_2_naming_the_file_and_shift(talk_study, study_dir, tmp_path):
    from ._util import cli_here, refused

    _sentence_spans(talk_study, shift=-1).to_csv(tmp_path / "shifted.csv", index=False)
    proc = cli_here("run", str(study_dir), "--coded", str(tmp_path / "shifted.csv"), "--out", str(tmp_path / "out"),
                    "-q", cwd=tmp_path)
    refused(proc, "shifted.csv:2:start", "moved +1 character", "1 character early")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("shift", [-3, 5, 7])
def test_spans_shifted_either_way_are_refused_with_the_shift_that_puts_them_back(talk_study, tmp_path, shift):
    from impact.codings import read_codings

    _sentence_spans(talk_study, shift=shift).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(ValidationError, match=re.escape(f"moved {-shift:+d} characters")):
        read_codings(tmp_path / "c.csv", talk_study)


def test_guard_spans_as_marked_or_with_their_quote_or_marked_loosely_are_read(talk_study, tmp_path):
    from impact.codings import read_codings

    honest = _sentence_spans(talk_study)
    honest.to_csv(tmp_path / "honest.csv", index=False)
    assert read_codings(tmp_path / "honest.csv", talk_study)["start"].tolist() == honest["start"].tolist()
    # a quote column: the spans are checked against it (and a shifted span told there as the wrong text), not here
    quoted = _sentence_spans(talk_study).assign(quote=lambda d: np.resize(_SENTENCES, len(d)))
    quoted.to_csv(tmp_path / "quoted.csv", index=False)
    assert len(read_codings(tmp_path / "quoted.csv", talk_study)) == len(quoted)
    # spans marked loosely by hand, inside words by differing amounts: no one shift puts them on word edges
    rng = np.random.default_rng(20)
    loose = honest.assign(start=honest["start"] + rng.integers(1, 4, len(honest)),
                          end=honest["end"] - rng.integers(2, 6, len(honest)))
    loose.to_csv(tmp_path / "loose.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a counting may be tried on spans ending inside words; none is refused
        assert len(read_codings(tmp_path / "loose.csv", talk_study)) == len(loose)


def test_one_span_coded_many_times_is_one_piece_of_evidence(study_dir, tmp_path):
    # A false alarm this round's first check raised on tests/test_measures.py: "Inte" (characters 0 to 4) of six
    # transcripts that begin alike, and of the same transcript under several codes, fell on word edges at +24
    # (the same text each time): it is one span, too few to say the offsets are off.
    from impact.codings import read_codings
    from impact.study import load_study

    study = load_study(study_dir)
    rows = [(iid, code) for iid in study.interviews["interview_id"][:4] for code in ("morale", "learning")]
    (tmp_path / "c.csv").write_text("interview_id,start,end,code\n" + "".join(f"{i},0,4,{c}\n" for i, c in rows),
                                    encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(read_codings(tmp_path / "c.csv", study)) == len(rows)


@pytest.mark.parametrize("seed", [2026, 31337])
def test_generated_studies_planted_codings_read_and_shifted_ones_refused(seed):
    # No false alarm on planted codings of generated studies (seeds never used elsewhere), and the shift found
    from impact.codings import as_codings
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(6, seed=seed, interviews_per_wave=3, words_per_interview=400)
    coded = truth.coded()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(as_codings(coded, study, source="truth_coded.csv")) == len(coded)
    moved = coded.assign(start=coded["start"] + 2, end=coded["end"] + 2)
    with pytest.raises(ValidationError, match="moved -2 characters"):
        as_codings(moved, study, source="truth_coded.csv")


def test_real_qdpx_codings_are_on_word_edges_as_written(shared_data):
    # People's codings in real NVivo and QualCoder exports: no shift found (the check raises no false alarm)
    from impact.codings import _on_edges, _shift_found
    from impact.qdpx import read_qdpx

    for name in ("nvivo12_two_coders_hu.qdpx", "qc_demo.qdpx"):
        path = shared_data / "qdpx" / name
        if not path.is_file():
            pytest.skip(f"{name} not in the shared data")
        project = read_qdpx(path)
        texts = project.sources.set_index("source_guid")["text"]
        spans = project.codings.dropna(subset=["start", "end"])
        fits = [_on_edges(texts[g], d["start"].astype(int).to_numpy(), d["end"].astype(int).to_numpy())
                for g, d in spans[spans["end"] > spans["start"]].groupby("source_guid") if isinstance(texts.get(g), str)]
        assert fits
        assert _shift_found(np.concatenate(fits, axis=1)) is None
        assert all(_shift_found(f) is None for f in fits)


def test_zero_length_spans_are_read_with_a_warning_naming_file_and_rows(talk_study, tmp_path):
    # On the old code read silently as a coding of the segment holding the position
    from impact.codings import CodingsWarning, read_codings

    text = talk_study.transcript("P1-early")
    at = text.index(_SENTENCES[1]) + 3
    (tmp_path / "points.csv").write_text("interview_id,start,end,code\n"
                                         f"P1-early,{at},{at},morale\nP2-early,{at},{at + 10},learning\n"
                                         f"P3-early,{at},{at},morale\n", encoding="utf-8")
    with pytest.warns(CodingsWarning, match=r"points\.csv: 2 spans of no characters .*rows 2, 4\)"):
        read = read_codings(tmp_path / "points.csv", talk_study)
    assert len(read) == 3
    from impact.coding.segment import segment

    segments = segment(talk_study)
    with pytest.warns(CodingsWarning):
        onto = read_codings(tmp_path / "points.csv", talk_study, segments=segments)
    holder = segments[(segments["interview_id"] == "P1-early") & (segments["start"] <= at) & (segments["end"] > at)]
    assert onto.loc[onto["interview_id"] == "P1-early", "unit"].tolist() == holder["segment_id"].tolist()


# --------------------------------------------------------------------------- 2. the unit check of supplied codings

def _units_file(study, tmp_path):
    from impact.coding.segment import segment

    seg = segment(study)
    coded = seg.iloc[::2][["segment_id", "interview_id", "start", "end"]].rename(columns={"segment_id": "unit"})
    coded.assign(code="morale").to_csv(tmp_path / "units.csv", index=False)
    return tmp_path / "units.csv"


def test_the_unit_check_uses_cached_segments_and_else_the_respondents_only(talk_study, tmp_path, monkeypatch):
    # The old code segmented every named interview for every speaker (twice the work of the respondent's speech)
    # for the unit check of a run needing no segmentation, even with the study's segments in the cache.
    from impact.pipeline import _segments_and_coding, analyse

    path = _units_file(talk_study, tmp_path)
    seg_module = sys.modules["impact.coding.segment"]  # (impact.coding.segment is also the function's name)
    real, calls = seg_module.segment, []

    def counted(data, *args, **kw):
        if len(data):
            calls.append(kw.get("speakers", "respondent"))
        return real(data, *args, **kw)

    monkeypatch.setattr(seg_module, "segment", counted)
    parts = ["comparisons", "change", "models"]
    cold = analyse(talk_study, coded=path, parts=parts, n_resamples=99)
    assert "all" not in calls  # the named interviews' respondent segments only
    pytest.importorskip("pyarrow", reason="the segments are cached as Parquet, which needs pyarrow (the `parquet` "
                        "extra); without it nothing is cached")
    cache = tmp_path / "cache"
    _segments_and_coding(talk_study, [], [], cache, None)  # an earlier run's segments
    calls.clear()
    warm = analyse(talk_study, coded=path, parts=parts, n_resamples=99, cache_dir=cache)
    assert calls == []
    for name in ("coded", "panel", "participant_panel", "prevalence", "comparisons", "change", "models"):
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(warm, name))
    # guard: a unit naming no segment is refused as before, checked against the cached segments
    (tmp_path / "bad.csv").write_text("unit,code\nP1-early:99,morale\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="P1-early:99"):
        analyse(talk_study, coded=tmp_path / "bad.csv", parts=parts, n_resamples=99, cache_dir=cache)


# --------------------------------------------------------------------------- 3. coding files: columns and offsets

def _read(tmp_path, study, text: str | bytes, name: str = "c.csv"):
    from impact.codings import read_codings

    f = tmp_path / name
    f.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_codings(f, study)


@pytest.mark.parametrize("header", ["Polarity", "polarity\u200b", "POLARITY "])
def test_a_read_column_named_otherwise_is_refused_not_dropped(study_dir, tmp_path, header):
    # On the old code the column was not read: "negated" dropped without a word, the coding read as asserted
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        _read(tmp_path, load_study(study_dir), f"interview_id,code,{header}\nP1-early,morale,negated\n")
    (problem,) = info.value.problems
    assert (problem.row, problem.column) == (1, header.strip())  # (names are read stripped)
    assert "the column name `polarity`" in str(problem) and "values would be dropped" in str(problem)


def test_a_coder_column_behind_a_byte_order_mark_is_refused_naming_the_mark(study_dir, tmp_path):
    # On the old code the coders were dropped: the file read as coded by coders not named
    from impact.study import load_study

    with pytest.raises(ValidationError, match="U\\+FEFF ZERO WIDTH NO-BREAK SPACE at character 1"):
        _read(tmp_path, load_study(study_dir), "interview_id,code,\ufeffcoder\nP1-early,morale,AB\n")


@pytest.mark.parametrize("header", ["interview_id,\ufeffcode", "interview_id,code\u200b"])
def test_the_code_column_with_a_hidden_character_is_named_with_it(study_dir, tmp_path, header):
    # On the old code: "codings need a `code` column; the columns are ['interview_id', 'code\u200b']" and no more
    from impact.study import load_study

    with pytest.raises(InputError, match="column names are exact; it holds U\\+(FEFF|200B) "):
        _read(tmp_path, load_study(study_dir), f"{header}\nP1-early,morale\n")


@pytest.mark.parametrize("value", ["99999999999999999999999999", "1000000001"])
def test_an_offset_past_any_transcript_is_a_problem_not_a_type_error(study_dir, tmp_path, value):
    # On the old code: TypeError "cannot safely cast non-equivalent float64 to int64" (a traceback) for the first
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        _read(tmp_path, load_study(study_dir), f"interview_id,start,end,code\nP1-early,0,{value},morale\n")
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "end")]
    assert "at most 1,000,000,000" in str(info.value)


def test_an_offset_past_any_transcript_in_the_command_line_exits_2(study_dir, tmp_path):
    from ._util import cli_here, refused

    (tmp_path / "c.csv").write_text("interview_id,start,end,code\nP1-early,0,1e400,morale\n"
                                    "P2-early,0,99999999999999999999,morale\n", encoding="utf-8")
    proc = cli_here("run", str(study_dir), "--coded", str(tmp_path / "c.csv"), "--out", str(tmp_path / "out"), "-q",
                    cwd=tmp_path)
    refused(proc, "c.csv:2:end", "c.csv:3:end")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("start", "end"), [("\u0661\u0662", "\u0662\u0665"), ("\uff11\uff12", "\uff12\uff15"),
                                            ("1_2", "2_5")])
def test_guard_offsets_in_other_digits_or_with_underscores_are_refused(study_dir, tmp_path, start, end):
    # guard: int() reads these (Arabic-Indic, full-width digits, Python's digit separators); a span is not so read
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        _read(tmp_path, load_study(study_dir), f"interview_id,start,end,code\nP1-early,{start},{end},morale\n")
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "start"), (2, "end")]


def test_guard_mixed_line_ends_and_utf16_are_read_row_for_row(study_dir, tmp_path):
    from impact.study import load_study

    study = load_study(study_dir)
    mixed = _read(tmp_path, study, b"interview_id,code\r\nP1-early,morale\rP2-early,learning\nP3-early,morale\r\n")
    assert mixed[["interview_id", "code"]].values.tolist() == [["P1-early", "morale"], ["P2-early", "learning"],
                                                              ["P3-early", "morale"]]
    wide = _read(tmp_path, study, "interview_id,code\nP1-early,morale\nP2-early,learning\n".encode("utf-16"),
                 name="u16.csv")
    assert wide["code"].tolist() == ["morale", "learning"]


def test_guard_a_column_named_twice_after_normalising_is_refused(study_dir, tmp_path):
    from impact.study import load_study

    with pytest.raises(InputError, match=r"\['Code', 'code'\] are named twice"):
        _read(tmp_path, load_study(study_dir), "interview_id,Code,code \nP1-early,morale,learning\n")


def test_guard_nan_like_interview_ids_are_named_not_dropped(study_dir, tmp_path):
    from impact.study import load_study

    with pytest.raises(ValidationError, match="'NaN', 'NULL'"):
        _read(tmp_path, load_study(study_dir), "interview_id,code\nNaN,morale\nNULL,learning\n")


# --------------------------------------------------------------------------- 4. study tables: dates

@pytest.mark.parametrize(("written", "said"), [
    ("May 20 2012", "expected a date as YYYY-MM-DD"),
    ("40770", "Excel date serial number: 40770 is 2011-08-15"),
    ("08/15/2011", "there is no month 15"),
    ("2011-08-15T10:00:00Z", "expected a date as YYYY-MM-DD"),
])
def test_guard_interview_dates_in_other_formats_are_refused_naming_row_and_column(study_dir, written, said):
    from impact.study import load_study

    _replace(study_dir / "interviews.csv", "2011-08-15", written)
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert [(p.row, p.column) for p in info.value.problems] == [(3, "date")]
    assert said in str(info.value)


def test_the_shift_check_reads_each_character_as_python_does():
    """The classes the shifted-span check reads by code point are str.isalnum and str.isspace, character by character,
    for ASCII, accented and CJK letters, other spaces and line separators, digits of other scripts, a lone
    surrogate and an emoji."""
    import random

    from impact.codings import _char_classes

    rng = random.Random(20261202)
    alphabet = "ab Z9\t\n\u00e9\u3000\u2028!\u0660\ud800\U0001F600-'\u00a0_\u00b2"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50)))
        word, space = _char_classes(text)
        assert word.tolist() == [c.isalnum() for c in text], text
        assert space.tolist() == [c.isspace() for c in text], text
