"""Tests of the synthetic study generator (impact.synth) and `impact synth`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

import impact
from impact import vocab
from impact.cli import main
from impact.coding import Codebook
from impact.synth import SynthEffects, generate, generate_with_truth, load_truth

SMALL = {"interviews_per_wave": 3, "words_per_interview": 150}


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "study"
    generate(5, seed=11, out=out, **SMALL)
    return out


@pytest.fixture(scope="module")
def big():
    """A larger, short-transcript study for checking planted effects."""
    return generate_with_truth(60, seed=5, interviews_per_wave=4, words_per_interview=100)


def test_same_seed_gives_byte_identical_folder(folder, tmp_path):
    again = tmp_path / "again"
    generate(5, seed=11, out=again, **SMALL)
    first, second = _hashes(folder), _hashes(again)
    assert first == second
    assert {"study.yaml", "planted_truth.json", "truth_statements.csv", "planted_pii.csv"} <= set(first)
    assert sum(k.startswith("transcripts/") for k in first) > 20
    other = tmp_path / "other"
    generate(5, seed=12, out=other, **SMALL)
    assert _hashes(other) != first


def test_study_validates_and_follows_the_schema(folder):
    study = impact.load_study(folder)
    assert len(study.councils) == 5
    known = impact.councils.council_list().set_index("council_id")
    for row in study.councils.itertuples():
        assert known.loc[row.council_id, "name"] == row.name
        assert row.council_type in vocab.COUNCIL_TYPES
    assert study.wave_ids == ["expectations", "early", "longer_term"]
    assert set(study.survey_items["item"]) == set(impact.synth.SURVEY_ITEMS)
    assert study.survey_responses["value"].dropna().between(1, 5).all()
    assert set(study.survey_responses["wave"]) == {"expectations", "longer_term"}
    assert set(study.action_progress["status"]) <= set(vocab.ACTION_STATUSES)
    periods = study.indicators["period"]
    assert ((periods.dt.month == 3) & (periods.dt.day == 31)).all()
    suppressed = study.indicators[study.indicators["flag"].notna()]
    assert suppressed["value"].isna().all()
    for themes in study.reviews["themes"]:
        assert set(vocab.CORE_THEMES) <= set(themes.split(";"))
    assert study.participants["participant_id"].str.fullmatch(r"P\d{4}-\d{2}").all()
    assert (study.interviews["transcript"] == study.interviews["council_id"] + "/"
            + study.interviews["interview_id"] + ".txt").all()
    assert (folder / "transcripts" / study.interviews["transcript"].iloc[0]).is_file()


def test_interview_dates_fall_in_their_wave_windows(folder):
    study = impact.load_study(folder)
    iv = study.interviews.merge(study.reviews, on="council_id", suffixes=("", "_review"))
    windows = study.waves.set_index("wave")
    for row in iv.itertuples():
        w = windows.loc[row.wave]
        anchor = row.start_date if w.anchor == "review_start" else row.end_date
        offset = (row.date - anchor).days
        assert w.window_start <= offset <= w.window_end, (row.interview_id, offset)
        assert row.date.weekday() < 5


def test_status_history_vocabulary_change_and_no_overlaps(big):
    study, truth = big
    sh = study.status_history
    judgements = sh[sh["kind"] == "ofsted_judgement"]
    sif = pd.Timestamp(vocab.SIF_START)
    assert (judgements.loc[judgements["status"] == "adequate", "start_date"] < sif).all()
    assert (judgements.loc[judgements["status"] == "requires_improvement", "start_date"] >= sif).all()
    assert {"adequate", "requires_improvement", "inadequate"} <= set(judgements["status"])
    assert (sh["kind"] == "statutory_direction").any()
    for _, g in sh.groupby(["council_id", "kind"]):
        g = g.sort_values("start_date")
        ends = g["end_date"].iloc[:-1].to_numpy()
        starts = g["start_date"].iloc[1:].to_numpy()
        assert (ends < starts).all()
    ws = study.wave_status()
    changes = ws.groupby("council_id")["in_intervention"].nunique()
    assert (changes > 1).sum() >= 3  # some councils enter or leave intervention between waves
    # The truth's latent states agree with the status history.
    latent = {c["council_id"]: c["in_intervention"] for c in truth.councils}
    for row in ws.itertuples():
        assert latent[row.council_id][row.wave] == row.in_intervention


def test_truth_spans_are_sentences_in_respondent_turns(folder):
    study = impact.load_study(folder)
    truth = load_truth(folder)
    st = truth.statements
    assert set(st["polarity"]) == {"asserted", "negated", "hedged"}
    impacts = {"commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"}
    process = set(Codebook.load("review_process").code_ids)
    assert set(st["code"]) <= impacts | process
    # statements about a factor of the review process carry whether it helped or hindered
    factors = st["code"].isin(process - {"recommendation"})
    assert st.loc[factors, "valence"].isin(["helped", "hindered", "mixed"]).all()
    assert (st.loc[st["polarity"] == "negated", "attribution"] == "").all()
    assert set(st.loc[(st["polarity"] == "asserted") & st["code"].isin(impacts), "level"]) <= {"insight", "action", "outcome"}
    for row in st.itertuples():
        text = study.transcript(row.interview_id)
        span = text[row.start:row.end]
        assert 0 <= row.start < row.end <= len(text)
        assert span[0].isupper() and span[-1] == ".", span
        line_start = text.rfind("\n", 0, row.start) + 1
        label = text[line_start:text.index(":", line_start)]
        assert label not in ("Interviewer", "I", "Q", "INT"), (row.interview_id, span)


def test_planted_personal_details_are_where_the_truth_says(folder):
    study = impact.load_study(folder)
    pii = load_truth(folder).pii
    assert len(pii) > 0
    for row in pii.itertuples():
        assert study.transcript(row.interview_id)[row.start:row.end] == row.value
    phones = pii.loc[pii["kind"] == "phone", "value"]
    assert phones.str.replace(r"\D", "", regex=True).str.contains(r"^(?:44)?0?7700900|4960|4980|7946|1632960").all()
    # The participant's own name is planted only as given in participants.csv.
    names = set(study.participants["name"])
    assert names
    full = pii.loc[(pii["kind"] == "person_name") & pii["value"].str.contains(" "), "value"]
    assert len(full) > 0


def test_every_kind_of_personal_detail_is_planted(big):
    _, truth = big
    assert set(truth.pii["kind"]) == {"person_name", "email", "phone", "postcode", "date_of_birth"}
    postcodes = truth.pii.loc[truth.pii["kind"] == "postcode", "value"]
    assert postcodes.str.fullmatch(r"[A-Z]{1,2}\d{1,2} \d[A-Z]{2}").all()


_LABEL = re.compile(r"^([A-Za-z]+):\s")


def test_transcripts_alternate_interviewer_and_respondent(folder):
    study = impact.load_study(folder)
    styles = set()
    for text in study.transcripts():
        labels = [m.group(1) for line in text.splitlines() if (m := _LABEL.match(line))]
        assert len(labels) == sum(1 for line in text.splitlines() if line.strip())
        interviewer, respondent = labels[0], labels[1]
        assert interviewer in ("Interviewer", "I", "Q", "INT") and respondent != interviewer
        assert labels[0::2] == [interviewer] * len(labels[0::2])
        assert labels[1::2] == [respondent] * len(labels[1::2])
        styles.add(interviewer)
    assert len(styles) >= 3  # speaker-label conventions vary between transcripts


def test_planted_effects_are_recovered(big):
    study, truth = big
    st, iv = truth.statements, study.interviews
    st = st[st["code"].isin(["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"])]
    asserted = st[st["polarity"] == "asserted"].groupby(["interview_id", "code"]).size().unstack(fill_value=0) > 0
    asserted = asserted.reindex(iv["interview_id"], fill_value=False)
    asserted["wave"] = iv.set_index("interview_id")["wave"]
    rate = asserted.groupby("wave").mean().mean(axis=1)
    assert rate["expectations"] + 0.2 < rate["early"]  # wave_log_odds -2.0 vs 0.0
    assert rate["longer_term"] < rate["early"]  # partly persists (-0.6)
    assert rate["longer_term"] > rate["expectations"] + 0.1
    hedged = st[st["polarity"] == "hedged"].groupby("wave").size()
    assert hedged["expectations"] > 2 * hedged["early"]
    ws = study.wave_status()[["council_id", "wave", "in_intervention"]]
    post = asserted.join(iv.set_index("interview_id")["council_id"]).reset_index().merge(ws, on=["council_id", "wave"])
    post = post[post["wave"] != "expectations"]
    by_status = post.groupby("in_intervention")["partnership"].mean()
    assert by_status[True] > by_status[False] + 0.08  # intervention_log_odds = 1.0
    # Re-referrals fall more after the review for councils in intervention when reviewed.
    ind = study.indicators[study.indicators["measure"] == "rereferral_pct"].merge(study.reviews, on="council_id")
    ind["post"] = ind["period"] > ind["end_date"]
    at_review = {c["council_id"]: c["in_intervention_at_review"] for c in truth.councils}
    ind["int"] = ind["council_id"].map(at_review)
    change = ind.groupby(["council_id", "int", "post"])["value"].mean().unstack("post").dropna()
    diff = (change[True] - change[False]).groupby(level="int").mean()
    assert diff[True] - diff[False] == pytest.approx(-2.5, abs=1.2)
    sv = study.survey_responses.groupby("wave")["value"].mean()
    assert sv["longer_term"] > sv["expectations"] + 0.05


def test_null_effects_plant_nothing():
    study, truth = generate_with_truth(50, seed=9, interviews_per_wave=4, words_per_interview=100,
                                       effects=SynthEffects.null())
    st, iv = truth.statements, study.interviews
    st = st[st["code"].isin(["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"])]
    asserted = st[st["polarity"] == "asserted"].groupby(["interview_id", "code"]).size().unstack(fill_value=0) > 0
    asserted = asserted.reindex(iv["interview_id"], fill_value=False)
    asserted["wave"] = iv.set_index("interview_id")["wave"]
    rate = asserted.groupby("wave").mean().mean(axis=1)
    assert rate.max() - rate.min() < 0.06  # pooled over six codes, ~700 interviews per wave
    levels = st[st["polarity"] == "asserted"].groupby("wave")["level"].value_counts(normalize=True).unstack()
    assert (levels.max() - levels.min()).max() < 0.08
    sv = study.survey_responses.groupby("wave")["value"].mean()
    assert abs(sv["longer_term"] - sv["expectations"]) < 0.06
    doc = truth.to_json()
    assert '"null_effects": true' in doc


def test_truth_states_every_effect(folder):
    truth = load_truth(folder)
    names = {e["name"] for e in truth.planted_effects()}
    assert {"intervention", "wave_early", "indicator_post_by_intervention", "survey_shift"} <= names
    assert truth.params["seed"] == 11
    assert len(truth.councils) == 5
    assert {"intervention_path", "in_intervention", "council_effect", "indicator_baseline"} <= set(truth.councils[0])


def test_effects_accept_a_dict_and_reject_nonsense():
    assert SynthEffects.from_value({"intervention_log_odds": 2.0}).intervention_log_odds == 2.0
    with pytest.raises(ValueError, match="Unknown effect"):
        SynthEffects.from_value({"intervention_odds": 2.0})
    with pytest.raises(ValueError, match="must be among"):
        SynthEffects(intervention_codes=("validation",))
    with pytest.raises(ValueError, match="n_councils"):
        generate(0)
    with pytest.raises(ValueError, match="n_councils"):
        generate(154)


def test_all_councils_chosen_for_153_and_a_seeded_subset_otherwise():
    from impact.synth._generate import _choose_councils

    available = impact.councils.council_list()
    everyone = _choose_councils(available, 153, seed=1)
    assert sorted(everyone["council_id"]) == sorted(available["council_id"])
    some = _choose_councils(available, 10, seed=1)
    assert some["council_id"].is_monotonic_increasing and len(set(some["council_id"])) == 10
    assert some.equals(_choose_councils(available, 10, seed=1))
    assert not some.equals(_choose_councils(available, 10, seed=2))


def test_generation_in_memory_is_deterministic():
    a = generate(3, seed=4, interviews_per_wave=2, words_per_interview=80)
    b = generate(3, seed=4, interviews_per_wave=2, words_per_interview=80)
    assert a.equals(b)
    assert a.interviews["date"].dt.year.between(2009, 2015).all()


def test_cli_writes_a_study(tmp_path, capsys):
    out = tmp_path / "cli"
    status = main(["synth", "--councils", "2", "--seed", "3", "--out", str(out), "--words-per-interview", "120",
                   "--interviews-per-wave", "2"])
    assert status == 0
    assert impact.load_study(out).councils.shape[0] == 2
    assert (out / "truth_statements.csv").is_file()
    assert main(["synth", "--councils", "2", "--out", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert main(["synth", "--councils", "999", "--out", str(tmp_path / "x")]) == 2


def test_a_fall_in_one_impact_and_the_paths_through_intervention_are_planted_as_asked():
    """``code_wave_log_odds`` shifts one impact at a wave beside ``wave_log_odds`` (a fall in morale while the others
    rise), in the statements and in the truth's prevalences and statement of effects; ``intervention_paths`` draws
    each council's path from the chances given (councils only entering intervention between the early and the
    longer-term wave); both are refused when malformed."""
    fall = {"morale": {"expectations": 3.0, "early": -2.0, "longer_term": -2.0}}
    study, truth = generate_with_truth(40, seed=913041, interviews_per_wave=3, words_per_interview=80,
                                       effects={"code_wave_log_odds": fall},
                                       intervention_paths={"never": 0.5, "entered": 0.5})
    st, iv = truth.statements, study.interviews
    asserted = st[st["polarity"] == "asserted"].groupby(["interview_id", "code"]).size().unstack(fill_value=0) > 0
    asserted = asserted.reindex(iv["interview_id"], fill_value=False).join(iv.set_index("interview_id")["wave"])
    rate = asserted.groupby("wave")[["morale", "learning"]].mean()
    assert rate.loc["early", "morale"] < rate.loc["expectations", "morale"] - 0.3  # planted: 0.0 - 2.0 vs -2.0 + 3.0
    assert rate.loc["early", "learning"] > rate.loc["expectations", "learning"] + 0.2  # the default rise
    p = truth.prevalences().query("measure == 'reported' and status_group == 'no_intervention'")
    p = p.set_index(["code", "wave"])["probability"]
    assert p["morale", "early"] < p["morale", "expectations"] - 0.3 and p["learning", "early"] > p["learning", "expectations"]
    assert {"wave_early_morale", "wave_longer_term_morale"} <= {e["name"] for e in truth.planted_effects()}
    paths = {c["intervention_path"] for c in truth.councils}
    assert paths == {"never", "entered"}
    for c in truth.councils:
        s = c["in_intervention"]
        assert not s["expectations"] and not s["early"] and s["longer_term"] == (c["intervention_path"] == "entered")
    assert truth.params["intervention_paths"] == {"never": 0.5, "entered": 0.5}
    with pytest.raises(ValueError, match="intervention_paths"):
        generate_with_truth(2, seed=1, intervention_paths={"never": 0.5, "sometimes": 0.5})
    with pytest.raises(ValueError, match="intervention_paths"):
        generate_with_truth(2, seed=1, intervention_paths={"never": 0.5})
    with pytest.raises(ValueError, match="code_wave_log_odds"):
        SynthEffects(code_wave_log_odds={"morale": {"early": -1.0}})


def test_cli_passes_the_paths_through_intervention_to_the_generator(tmp_path, capsys):
    """``impact synth`` had no way to choose the councils' paths through intervention (``intervention_paths``).
    ``--intervention-paths`` passes them: every council of a study asked for lifted notices only is planted on that
    path, in and then out of intervention, and the truth records the chances; a malformed value exits with status 2
    and names what is wrong and what is expected, writing nothing."""
    import json

    from impact.cli._synth import PATH_NAMES
    from impact.synth._generate import _PATHS

    assert PATH_NAMES == tuple(p for p, _ in _PATHS)
    out = tmp_path / "lifted"
    assert main(["synth", "--councils", "4", "--seed", "1010211", "--out", str(out), "--words-per-interview", "60",
                 "--interviews-per-wave", "1", "--intervention-paths", "lifted=1"]) == 0
    doc = json.loads((out / "planted_truth.json").read_text(encoding="utf-8"))
    assert doc["parameters"]["intervention_paths"] == {"lifted": 1.0}
    assert {c["intervention_path"] for c in doc["councils"]} == {"lifted"}
    assert all(c["in_intervention"]["expectations"] and not c["in_intervention"]["longer_term"] for c in doc["councils"])
    capsys.readouterr()
    for bad, said in (("never=0.5,sometimes=0.5", "'sometimes' is not a path through intervention"),
                      ("never=0.5", "the chances sum to 0.5"), ("never=half,lifted=0.5", "'half' (for 'never') is not a chance"),
                      ("never", "'never' is not PATH=CHANCE"), ("never=0.5,never=0.5", "'never' is given twice"),
                      ("never=-0.5,lifted=1.5", "'-0.5' (for 'never') is not a chance from 0 to 1")):
        assert main(["synth", "--councils", "2", "--out", str(tmp_path / "bad"), "--intervention-paths", bad]) == 2
        err = capsys.readouterr().err
        assert said in err and "expected PATH=CHANCE pairs" in err and "never, throughout, lifted" in err, err
        assert not (tmp_path / "bad").exists()


# --------------------------------------------------------------------------------------------------
# Councils of the study's time (seeds 30911-30920 are used nowhere else in the repository)
# --------------------------------------------------------------------------------------------------

_TINY = {"interviews_per_wave": 1, "words_per_interview": 60}


def _lifetimes():
    register = impact.councils.council_list(include_former=True).set_index("council_id")
    return register["valid_from"], register["valid_to"]


def _outside_life(study) -> list[str]:
    """Councils of a generated study that did not exist on a date the study gives them (review, interview, status)."""
    born, gone = _lifetimes()
    dates = [study.reviews[["council_id", "start_date"]].rename(columns={"start_date": "date"}),
             study.interviews[["council_id", "date"]],
             study.status_history[["council_id", "start_date"]].rename(columns={"start_date": "date"}),
             study.status_history[["council_id", "end_date"]].rename(columns={"end_date": "date"}).dropna()]
    out = []
    for frame in dates:
        for cid, when in zip(frame["council_id"], pd.to_datetime(frame["date"]), strict=True):
            if (not pd.isna(born[cid]) and when < born[cid]) or (not pd.isna(gone[cid]) and when > gone[cid]):
                out.append(f"{cid} on {when:%Y-%m-%d}")
    return out


def test_a_generated_study_has_only_councils_in_being_at_its_dates():
    # Today's list holds Dorset (838) and BCP (839) from 2019, the Northamptonshires (940, 941) from 2021 and
    # Cumberland and Westmorland (942, 943) from 2023; 78 of 100 seeds at 30 councils drew one of them for reviews
    # of 2010-2013, and `impact validate` warned on the generator's own study.
    for seed in range(30911, 30921):
        study = generate(30, seed=seed, **_TINY)
        assert study.councils["council_id"].is_unique and len(study.councils) == 30
        assert _outside_life(study) == [], seed


def test_a_council_created_later_gives_way_to_the_council_it_succeeded():
    from impact.synth._generate import _choose_councils

    today = impact.councils.council_list()
    seed = next(s for s in range(30911, 31911) if {"838", "940"} <= set(_choose_councils(today, 30, s)["council_id"]))
    ids = set(generate(30, seed=seed, **_TINY).councils["council_id"])
    # Dorset County Council (835) ran Dorset's children's services before Dorset (838); Northamptonshire (928) before
    # North Northamptonshire (940); the other councils drawn stay.
    assert {"835", "928"} <= ids and not ids & {"838", "839", "940", "941", "942", "943"}
    assert ids - {"835", "836", "837", "928", "909"} == set(_choose_councils(today, 30, seed)["council_id"]) - {
        "838", "839", "940", "941", "942", "943"}


def test_the_whole_country_of_2010_is_152_councils_and_153_warns(recwarn):
    study = generate(152, seed=30911, **_TINY)
    assert len(study.councils) == 152 and _outside_life(study) == []
    assert {"835", "836", "837", "928", "909"} <= set(study.councils["council_id"])
    former = study.status_history[study.status_history["council_id"] == "928"]
    assert (pd.to_datetime(former["end_date"]) <= pd.Timestamp("2021-03-31")).all()  # abolished 31 March 2021
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]
    with pytest.warns(UserWarning, match=r"only 152 ran children's services.*838, 839, 940, 941, 942, 943"):
        everyone = generate(153, seed=30911, **_TINY)
    assert len(everyone.councils) == 153  # `impact synth --councils 153` still gives every current council
    later = generate(153, seed=30911, start_date="2024-01-01", end_date="2024-12-31", **_TINY)
    assert len(later.councils) == 153 and _outside_life(later) == []
