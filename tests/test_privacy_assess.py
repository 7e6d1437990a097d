"""Tests of the quote verdict: is a redacted quote clean enough to publish?"""

import pandas as pd
import pytest

from impact.privacy import RISK_SIGNS, assess_quote, assess_quotes

CLEAN = [
    "The review gave us a real lift; [name] chaired the feedback session.",
    "The LSCB and Ofsted both noticed; Working Together 2013 shaped the plan for 2013/14.",
    "Demand has gone up since the Baby Peter case, like everywhere.",
    "We had 45,000 contacts and a [phone] helpline; call [phone].",
    "Her son [name], aged [age], lives at [address], [postcode].",
    # posts that many people hold, and a post the speaker is not
    "I'm a social worker and as a team manager I saw it; we reported to the chief executive.",
]
LEFT_OVER = {
    "digits": "Ring 7700 90012 if you need me.",
    "at_sign": "Email jo@ if you like.",
    "web": "It is on www.example-council.gov.uk now.",
    "address": "They moved to 14 Kestrel Road last year.",
    "name_position": "Her son Zorvan was at home.",
    "capitals": "OKONKWO was there.",
    "unknown_word": "I rang zebediah about it.",
    "identifier_context": "His NHS number is on the form somewhere.",
    "age": "She has a 7 year old at home.",
    "unique_role": "I'm the DCS, so the plan landed on my desk.",
    "post_holder_private": "Our virtual school head is off sick again, so the panel slipped.",
}


@pytest.mark.parametrize("text", CLEAN)
def test_clean_quotes_are_publishable(text):
    assert assess_quote(text) == (True, ())


@pytest.mark.parametrize("sign", RISK_SIGNS)
def test_each_sign_is_found(sign):
    ok, signs = assess_quote(LEFT_OVER[sign])
    assert not ok and sign in signs, signs


def test_example_study_quotes_are_rarely_dropped():
    # Respondent sentences of the example study after redaction: measured when
    # written, 0 of 8,489 candidate quotes (60-400 characters) dropped; here
    # the first 400 segments of length 60-400, budget 2%.
    from impact.coding.segment import segment
    from impact.study import load_study

    study = load_study("data/example")
    seg = segment(study)
    seg = seg[seg["text"].str.len().between(60, 400)].head(400)
    red, _ = redact_series_for(study, seg["text"])
    verdict = assess_quotes(red)
    assert (~verdict["publishable"]).mean() <= 0.02, verdict[~verdict["publishable"]]


def redact_series_for(study, texts):
    from impact.privacy import redact_series

    return redact_series(texts.reset_index(drop=True), names=study.participants["name"].dropna().tolist(),
                         places=study.councils["name"].tolist())


def test_assess_quotes_frame_and_errors():
    out = assess_quotes(pd.Series(["Fine.", None, "Ring 0113 496 0000."], index=["a", "b", "c"]))
    assert out["publishable"].tolist() == [True, False, False]
    assert out["risk_signs"].tolist() == ["", "missing", "digits"]
    with pytest.raises(TypeError, match="`redacted` must be a str"):
        assess_quote(3)
    with pytest.raises(TypeError, match="must be a pandas Series"):
        assess_quotes(["x"])


@pytest.mark.parametrize("text", [
    "I'm the chief executive.",
    "As the lead member, I pushed for it.",
    "In my role as independent chair I saw the partnership change.",
    "I\u2019m the Principal Social Worker here.",
    "I was the interim director of children's services then.",
    "I am the chair of the local safeguarding children board.",
])
def test_a_speaker_naming_a_post_one_person_holds_is_not_published(text):
    # With the council (or its pseudonym and the wave) beside it, such a quote points to one person
    # (red team, 2026-11-30: "I'm the chief executive." was a framework-matrix example).
    assert assess_quote(text) == (False, ("unique_role",))


def test_no_report_quotes_a_speaker_naming_a_post_one_person_holds(tmp_path):
    """A statement that would be a fine quote of partnership working, but whose speaker names their post, is withheld
    everywhere the report shows statements (quotes, framework matrix); the check's pattern is the test's own."""
    import re

    import pandas as pd

    import impact
    from impact.pipeline import analyse, build_report
    from impact.report import Quote, Table

    folder = tmp_path / "s"
    impact.synth.generate(6, seed=3, words_per_interview=250, interviews_per_wave=3, out=folder)
    said = ("As the lead member, I can tell you that partnership working with the police has improved a great deal "
            "since the review.")
    interviews = pd.read_csv(folder / "interviews.csv", dtype=str)
    for row in interviews[interviews["wave"] != "expectations"].itertuples():
        path = folder / "transcripts" / row.transcript
        text = path.read_text(encoding="utf-8")
        asks = {"INT", "I", "Interviewer", "Q"}
        speaker = next(label for label in re.findall(r"^([^\W\d][\w ]{0,19}):", text, re.MULTILINE) if label not in asks)
        path.write_text(text + f"\n{speaker}: {said}\n", encoding="utf-8")
    study = impact.load_study(folder)
    report, _ = build_report(analyse(study, n_resamples=99, seed=1), identify=True)
    shown = [b.text for s in report.sections for b in s.blocks if isinstance(b, Quote)]
    shown += [str(v) for s in report.sections for b in s.blocks if isinstance(b, Table)
              for v in b.data.astype(str).to_numpy().ravel()]
    post = re.compile(r"\bas the lead member\b", re.IGNORECASE)
    assert [t for t in shown if post.search(t)] == []
    assert any("partnership" in t.lower() for t in shown)  # partnership is still illustrated, by other statements
