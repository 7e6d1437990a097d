"""Tests of the study model: accessors, status history, waves, save/load round trip."""

import pandas as pd
import pytest

import impact
from impact.study import Study, load_study


def test_tiny_study_is_valid(tiny_study):
    problems = tiny_study.validate()
    assert [p for p in problems if p.severity == "error"] == []
    # P2 has no longer_term interview, P4 no early one: attrition is a warning only.
    warned = {p.value for p in problems if p.severity == "warning"}
    assert {"P2", "P4", "302"} <= warned


def test_status_at_notice_issued_and_lifted(tiny_study):
    # 880 is inadequate with a Notice to Improve from 2010-11-01 to 2012-03-31.
    early = tiny_study.status_at("880", "2012-01-16")
    assert early == {"ofsted_judgement": "inadequate", "improvement_notice": "notice_to_improve",
                     "statutory_direction": None, "intervention": "notice"}
    later = tiny_study.status_at("880", "2012-10-10")
    assert later["intervention"] == "none" and later["ofsted_judgement"] == "inadequate"
    assert tiny_study.status_at("301", "2009-01-01")["ofsted_judgement"] is None


def test_wave_status_changes_between_waves(tiny_study):
    ws = tiny_study.wave_status().set_index(["council_id", "wave"])
    assert ws.loc[("880", "early"), "in_intervention"]
    assert not ws.loc[("880", "longer_term"), "in_intervention"]
    # 302 has no longer_term interview: the date comes from the window's middle.
    assert ws.loc[("302", "longer_term"), "reference_date"] == pd.Timestamp("2011-06-17") + pd.Timedelta(days=(273 + 548) // 2)
    assert len(ws) == 9


def test_wave_derived_from_date(tiny_study):
    tables = {n: tiny_study.table(n) for n in ("councils", "status_history", "reviews", "participants", "interviews")}
    tables["interviews"]["wave"] = None
    s = Study(tiny_study.meta, tables, {t: tiny_study.transcript(i) for i, t in zip(tables["interviews"]["interview_id"], tables["interviews"]["transcript"])})
    iv = s.interviews
    assert iv["wave"].tolist() == tiny_study.interviews["wave"].tolist()
    assert set(iv["wave_source"]) == {"derived"}


def test_save_load_round_trip(tiny_study, tmp_path):
    tiny_study.save(tmp_path / "s")
    loaded = load_study(tmp_path / "s")
    assert loaded.equals(tiny_study)
    loaded.save(tmp_path / "t")
    again = load_study(tmp_path / "t")
    assert again.equals(loaded)
    for name in impact.schema.TABLES:
        pd.testing.assert_frame_equal(again.table(name), tiny_study.table(name))
    files = sorted(p.relative_to(tmp_path / "s").as_posix() for p in (tmp_path / "s").rglob("*") if p.is_file())
    assert sorted(p.relative_to(tmp_path / "t").as_posix() for p in (tmp_path / "t").rglob("*") if p.is_file()) == files
    for f in files:
        assert (tmp_path / "s" / f).read_bytes() == (tmp_path / "t" / f).read_bytes()


def test_accessors_return_copies(tiny_study):
    c = tiny_study.councils
    c.loc[0, "name"] = "changed"
    assert tiny_study.councils.loc[0, "name"] == "Barking and Dagenham"
    # interviews (with their derived waves) and wave_status are kept once made: what the caller changes is a copy
    for get, column in ((lambda: tiny_study.interviews, "wave"), (tiny_study.wave_status, "intervention")):
        first = get()
        kept = first[column].tolist()
        first[column] = "changed"
        assert get()[column].tolist() == kept, column


def test_save_refuses_to_overwrite(tiny_study, tmp_path):
    tiny_study.save(tmp_path)
    with pytest.raises(FileExistsError, match="already holds a study"):
        tiny_study.save(tmp_path)
    tiny_study.save(tmp_path, overwrite=True)


def test_constructor_rejects_wrong_columns(tiny_study):
    with pytest.raises(ValueError, match=r"missing \['region'\]"):
        Study({"name": "x"}, {"councils": tiny_study.councils.drop(columns="region")})


def test_wave_status_agrees_with_status_at_everywhere():
    """The vectorised wave_status equals status_at called for each council and wave (independent path)."""
    import impact

    study = impact.synth.generate(25, seed=11, interviews_per_wave=2, words_per_interview=60)
    ws = study.wave_status()
    assert len(ws) == 25 * 3
    for r in ws.itertuples():
        expected = study.status_at(r.council_id, r.reference_date)
        got = {k: (None if pd.isna(getattr(r, k)) else getattr(r, k))
               for k in ("ofsted_judgement", "improvement_notice", "statutory_direction", "intervention")}
        assert got == expected, (r.council_id, r.wave)
    assert ws["in_intervention"].any() and not ws["in_intervention"].all()


def test_save_copies_transcripts_byte_for_byte(tiny_study, tmp_path):
    tiny_study.save(tmp_path / "a")
    f = tmp_path / "a" / "transcripts" / "301" / "P1-early.txt"
    f.write_bytes("Respondent: it’s £5.\r\n".encode("utf-16"))  # UTF-16 with BOM and CRLF, as Word saves it
    loaded = load_study(tmp_path / "a")
    loaded.save(tmp_path / "b")
    assert (tmp_path / "b" / "transcripts" / "301" / "P1-early.txt").read_bytes() == f.read_bytes()
    assert load_study(tmp_path / "b").equals(loaded)


def test_transcript_without_respondent_speech_is_a_warning_naming_the_file(tiny_study):
    """Every turn labelled as the interviewer's: nothing in the interview can be coded, and validation says so."""
    tables = {n: tiny_study.table(n) for n in ("councils", "status_history", "reviews", "participants", "interviews")}
    rels = tables["interviews"]["transcript"].tolist()
    texts = {t: tiny_study.transcript(i) for i, t in zip(tables["interviews"]["interview_id"], rels, strict=True)}
    texts[rels[0]] = "I: How has it been?\nI: Thank you."
    problems = Study(tiny_study.meta, tables, texts).validate()
    silent = [p for p in problems if p.column == "transcript"]
    assert [(p.value, p.severity) for p in silent] == [(rels[0], "warning")]
    assert "respondent speech" in silent[0].expected and "treats it as missing" in silent[0].expected
    assert silent[0].row == 2
    assert not [p for p in tiny_study.validate() if p.column == "transcript"]


def test_interview_naming_no_transcript_is_a_clear_error_when_its_text_is_needed(tiny_study):
    """An empty `transcript` cell is a validation error; a study built without validating says so when read."""
    from impact.errors import InputError

    tables = {n: tiny_study.table(n) for n in ("councils", "status_history", "reviews", "participants", "interviews")}
    iv = tables["interviews"]
    texts = {t: tiny_study.transcript(i) for i, t in zip(iv["interview_id"], iv["transcript"], strict=True)}
    tables["interviews"] = iv.assign(transcript=iv["transcript"].where(iv.index != 1))
    study = Study(tiny_study.meta, tables, texts)
    assert [(p.row, p.column, p.severity) for p in study.validate() if p.column == "transcript"] == [(3, "transcript", "error")]
    for read in (lambda: study.transcript(iv["interview_id"][1]), study.transcripts, lambda: dict(study.iter_transcripts()),
                 lambda: impact.segment(study)):
        with pytest.raises(InputError, match=rf"interview '{iv['interview_id'][1]}' names no transcript"):
            read()


def test_transcript_no_interview_names_is_a_warning(tmp_path):
    """A transcript file beside the named ones is not read: validation says so instead of ignoring it silently."""
    import shutil

    study = tmp_path / "s"
    shutil.copytree(impact.example_path(), study)
    first = sorted((study / "transcripts").rglob("*.txt"))[0]
    (study / "transcripts" / "spare").mkdir()
    shutil.copy(first, study / "transcripts" / "spare" / "extra.txt")
    shutil.copy(first, first.with_name("copy-" + first.name))
    warned = [p for p in load_study(study).validate() if p.column == "transcript"]
    rel_copy = first.with_name("copy-" + first.name).relative_to(study / "transcripts").as_posix()
    assert sorted(p.value for p in warned) == sorted(["spare/extra.txt", rel_copy])
    assert all(p.severity == "warning" and "no row does" in p.expected for p in warned)


def test_council_without_any_interview_is_a_warning(tiny_study):
    tables = {n: tiny_study.table(n) for n in ("councils", "status_history", "reviews", "participants", "interviews")}
    extra = tables["councils"].iloc[[0]].assign(council_id="999", name="Nowhere")
    tables["councils"] = pd.concat([tables["councils"], extra], ignore_index=True)
    texts = {t: tiny_study.transcript(i) for i, t in zip(tables["interviews"]["interview_id"], tables["interviews"]["transcript"], strict=True)}
    problems = Study(tiny_study.meta, tables, texts).validate()
    none = [p for p in problems if p.file == "councils.csv" and p.value == "999"]
    assert [(p.severity, p.row) for p in none] == [("warning", len(tables["councils"]) + 1)]
    assert not [p for p in tiny_study.validate() if p.file == "councils.csv"]


@pytest.mark.parametrize("how", ["missing", "link out"])
def test_missing_transcripts_folder_is_one_problem_not_one_per_row(tmp_path, how):
    import shutil

    from impact.errors import ValidationError

    study = tmp_path / "s"
    shutil.copytree(impact.example_path(), study)
    n = len(pd.read_csv(study / "interviews.csv", dtype=str)["transcript"].dropna())
    if how == "missing":
        shutil.rmtree(study / "transcripts")
    else:
        shutil.move(study / "transcripts", tmp_path / "elsewhere")
        (study / "transcripts").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ValidationError) as info:
        load_study(study)
    errors = [p for p in info.value.problems if p.severity == "error"]
    assert [(p.file, p.value) for p in errors] == [("transcripts/", None)]
    assert f"the {n:,} transcript{'s' if n != 1 else ''}" in errors[0].expected


def test_repr_counts_in_the_right_number(tiny_study):
    """A study of one council, one participant and one interview says so in the singular ('1 councils' before)."""
    from impact.study import Study

    tables = {k: tiny_study.table(k) for k in ("councils", "participants", "interviews")}
    first = tables["councils"].iloc[:1]
    one = {
        "councils": first,
        "participants": tables["participants"][tables["participants"]["council_id"].isin(first["council_id"])].iloc[:1],
    }
    one["interviews"] = tables["interviews"][tables["interviews"]["participant_id"].isin(one["participants"]["participant_id"])].iloc[:1]
    text = repr(Study({"name": "One"}, one))
    assert "1 council, 1 participant, 1 interview," in text, text
    assert "2 councils, 0 participants, 0 interviews," in repr(Study({"name": "Two"}, {"councils": tables["councils"].iloc[:2]}))
