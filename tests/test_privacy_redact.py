"""Tests of quote redaction on hand-written texts with planted details.

Planted details are marked ``⟦kind|value⟧``; :func:`_parse` removes the marks
and records the expected spans, so recall and precision are measured against
exactly what was planted.
"""

import re

import pandas as pd
import pytest

from impact.privacy import REDACTION_TOKENS, keyed_hash, redact, redact_series

PARTICIPANTS = ["Will Hope", "Hope Patel", "Sarah Jones", "Graham O'Neill"]
PLACES = ["Seacroft", "Chapeltown", "Meanwood Park"]
COUNCILS = [
    "North Yorkshire", "York", "Leeds", "Stoke-on-Trent", "Kingston upon Hull", "Hull", "Barnet",
    "Bristol", "Reading", "Kent", "East Riding of Yorkshire", "East Riding", "Sefton",
]

PLANTED = [
    "Respondent: My name is ⟦name|Sarah⟧ and I manage the front door in ⟦council|North Yorkshire⟧.",
    "We hope things improve. ⟦name|Will Hope⟧ chaired the LSCB and later ⟦name|Hope⟧ said the DCS was supportive.",
    "You can email me on ⟦email|jo.bloggs@childrens.services.kent.gov.uk⟧ or ⟦email|A.Khan+review@nhs.net⟧.",
    "Ring ⟦phone|07700 900 123⟧, ⟦phone|+44 7700 900123⟧ or the office on ⟦phone|(0113) 496 0000⟧.",
    "Numbers: ⟦phone|01632 960 001⟧; ⟦phone|020 7946 0000⟧; ⟦phone|0161-496-0000⟧; ⟦phone|+44 (0)20 7946 0958⟧.",
    "Out of hours ⟦phone|07700-900-456⟧ or ⟦phone|0300 123 4567⟧ or ⟦phone|0044 1632 960123⟧.",
    "Send it to ⟦postcode|SW1P 3HZ⟧, ⟦postcode|LS1 4AP⟧, ⟦postcode|M1 1AE⟧, ⟦postcode|B338TH⟧ or ⟦postcode|EC1A 1BB⟧.",
    "The child was born on ⟦date_of_birth|3 March 2009⟧ and her brother was born in ⟦date_of_birth|May 2012⟧.",
    "DOB ⟦date_of_birth|03/03/2009⟧, d.o.b. ⟦date_of_birth|14.07.2011⟧, date of birth: ⟦date_of_birth|21st of June 2010⟧.",
    "Cllr ⟦name|Ahmed⟧ and Councillor ⟦name|Brown⟧ met Dr ⟦name|J. Okafor⟧ and Mrs ⟦name|Smith-Jones⟧.",
    "⟦name|Karen Whitfield⟧ from the police and ⟦name|Mohammed Rahman⟧ from health joined the panel.",
    "I spoke to ⟦name|Gemma⟧ about it, and ⟦name|Graham O'Neill⟧ agreed with ⟦name|Sarah Jones⟧'s view.",
    "We compared notes with ⟦council|Stoke-on-Trent⟧, ⟦council|Kingston upon Hull⟧ and ⟦council|Leeds City Council⟧.",
    "Staff from the ⟦council|London Borough of Barnet⟧ visited ⟦council|Bristol⟧ and then ⟦council|York⟧.",
    "Families on the ⟦place|Seacroft⟧ estate and in ⟦place|Chapeltown⟧ near ⟦place|Meanwood Park⟧ were consulted.",
    "The peer team went to ⟦council|Reading Borough Council⟧; in ⟦council|Reading⟧ they met ⟦name|Hope Patel⟧.",
    "Mr ⟦name|Dominic Frost⟧ told me, 'call me ⟦name|Dom⟧', and I told ⟦name|Will⟧ the same.",
    "⟦council|East Riding of Yorkshire⟧ and ⟦council|Sefton⟧ both had a new ⟦name|Trevor Mills⟧ as chair.",
    "Text ⟦phone|07700900123⟧ or ⟦phone|+447700900123⟧; ⟦name|Aisha⟧'s manager, Dr ⟦name|Patel⟧, agreed.",
    "He was born ⟦date_of_birth|12/05/2008⟧, and Professor ⟦name|Eileen Gray⟧ wrote to ⟦email|e.gray@uni.ac.uk⟧.",
]

# Known hard cases, kept apart so the headline figures stay honest: a name in
# lower case, an unlisted first name standing alone, a spelled-out address.
HARD = [
    "I rang ⟦name|sarah⟧ from the MASH and ⟦name|Olumide⟧ said yes.",
    "Write to ⟦email|jo at leeds dot gov dot uk⟧ or see ⟦name|Jo⟧ at ⟦postcode|ls1 4ap⟧.",
]

# Ordinary field vocabulary and words that look like names: nothing may be redacted.
CLEAN = [
    "The LSCB chair, the DCS and Ofsted all referred to Working Together 2013 and the Munro Review.",
    "Reading the feedback, the Early Help team felt listened to. Will Ofsted come back in May 2013?",
    "Hope is not a strategy. May we add the Troubled Families Grant to the plan on 3 June?",
    "Mark my words: Frank discussions with the Local Safeguarding Children Board helped.",
    "West Yorkshire police and colleagues across Yorkshire and the Humber joined the review.",
    "The Director of Children's Services asked the Serious Case Review panel about Signs of Safety.",
    "In 2012 the Notice to Improve was lifted; 45 of 120 cases were re-referred (0.375).",
    "Victoria Climbié and Baby P are the cases everyone in Children's Services remembers.",
    "The Team Around the Family model and the MASH went live in April 2014, Section 47 work too.",
    "We will hope for a Good judgement; the NHS, CAMHS and the CCG sat on the Board.",
]

_MARK = re.compile(r"⟦(\w+)\|([^⟧]*)⟧")


def _parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        text.append(before)
        length += len(before)
        spans.append((length, length + len(m.group(2)), m.group(1)))
        text.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    text.append(marked[pos:])
    return "".join(text), spans


def _score(texts: list[str]) -> tuple[int, int, int, list]:
    """True positives, planted details, redactions made, and the misses/false alarms."""
    tp = planted = made = 0
    errors = []
    for marked in texts:
        text, expected = _parse(marked)
        _, log = redact(text, names=PARTICIPANTS, places=PLACES, councils=COUNCILS)
        got = list(zip(log["start"], log["end"], log["kind"], strict=True))
        planted += len(expected)
        made += len(got)
        for span in expected:
            if span in got:
                tp += 1
            else:
                errors.append(("missed", text[span[0] : span[1]], span[2], text))
        errors += [("false alarm", text[s:e], k, text) for s, e, k in got if (s, e, k) not in expected]
    return tp, planted, made, errors


def test_recall_and_precision_on_planted_details():
    tp, planted, made, errors = _score(PLANTED)
    recall, precision = tp / planted, tp / made
    # Measured when written: recall 1.0 and precision 1.0 on these 20 texts
    # (60 planted details of all seven kinds); exact span and kind must match.
    assert planted == 60
    assert recall >= 0.97, errors
    assert precision >= 0.97, errors
    kinds = {k for m in PLANTED for k, _ in _MARK.findall(m)}
    assert kinds <= set(REDACTION_TOKENS)


def test_known_hard_cases_are_measured():
    tp, planted, made, errors = _score(HARD)
    # Once missed (only "Jo" was found): the unlisted "Olumide", lower-case
    # "sarah", the spelled-out e-mail and the lower-case postcode.  Since the
    # issue-17 redactor all five are found with exact spans and no false alarm.
    assert (tp, planted, made) == (5, 5, 5), errors


def test_no_false_positives_on_field_vocabulary():
    _, _, made, errors = _score(CLEAN)
    assert made == 0, errors


@pytest.mark.parametrize("marked", PLANTED)
def test_planted_values_leave_no_trace(marked):
    text, expected = _parse(marked)
    red, log = redact(text, names=PARTICIPANTS, places=PLACES, councils=COUNCILS)
    for start, end, kind in expected:
        value = text[start:end]
        assert value not in red, (value, red)
        assert REDACTION_TOKENS[kind] in red
    # The log never holds the original values.
    flat = log.astype(str).to_string()
    assert not any(text[s:e] in flat for s, e, _ in expected if e - s > 3)


def test_log_offsets_reconstruct_both_texts():
    text, _ = _parse(PLANTED[3] + " " + PLANTED[9])
    red, log = redact(text, councils=())
    assert (log["length"] == log["end"] - log["start"]).all()
    pieces, pos = [], 0
    for row in log.itertuples():
        assert red[row.new_start : row.new_end] == REDACTION_TOKENS[row.kind]
        pieces += [text[pos : row.start], REDACTION_TOKENS[row.kind]]
        pos = row.end
    assert "".join(pieces) + text[pos:] == red


def test_value_hash_is_keyed_and_links_repeats():
    key = "a redaction log key of 32 chars"
    text = "Call 07700 900123 today, or 07700 900123 tomorrow, or 07700 900999."
    _, log = redact(text, councils=(), hash_key=key)
    assert log["value_hash"].tolist()[0] == log["value_hash"].tolist()[1] != log["value_hash"].tolist()[2]
    assert log["value_hash"].iloc[0] == keyed_hash("07700 900123", key=key.encode(), kind="redaction")[:16]
    _, other = redact(text, councils=(), hash_key="a different key, also 32 chars!")
    assert other["value_hash"].iloc[0] != log["value_hash"].iloc[0]


def test_redact_series_matches_redact_and_keeps_index():
    texts = pd.Series([_parse(m)[0] for m in PLANTED[:6]] + [None], index=[f"q{i}" for i in range(7)])
    red, log = redact_series(texts, names=PARTICIPANTS, councils=COUNCILS)
    assert red.index.equals(texts.index)
    assert pd.isna(red["q6"])
    for unit in texts.index[:6]:
        single, single_log = redact(texts[unit], names=PARTICIPANTS, councils=COUNCILS)
        assert red[unit] == single
        pd.testing.assert_frame_equal(
            log[log["unit"] == unit].drop(columns="unit").reset_index(drop=True), single_log
        )
    assert list(log.columns) == ["unit", "kind", "start", "end", "length", "new_start", "new_end"]


def test_empty_log_has_columns_and_types():
    red, log = redact("Nothing to see here.", councils=())
    assert red == "Nothing to see here."
    assert list(log.columns) == ["kind", "start", "end", "length", "new_start", "new_end"]
    assert log["start"].dtype == "int64"


def test_default_council_list_is_used():
    pytest.importorskip("impact.councils")
    red, log = redact("Officers in North Yorkshire County Council, York and Stoke-on-Trent agreed; Yorkshire is big.")
    assert red == "Officers in [council], [council] and [council] agreed; Yorkshire is big."
    # Without the council list "Leeds" is no council, but still a proper noun that is no English word.
    assert redact("We met Leeds.", councils=())[0] == "We met [name]."


def test_bad_arguments():
    with pytest.raises(TypeError, match="`names` must be a list of strings, not a single string 'Sarah Jones'"):
        redact("x", names="Sarah Jones")
    with pytest.raises(TypeError, match="`text` must be a str"):
        redact(3)
    with pytest.raises(TypeError, match="`texts` must be a pandas Series"):
        redact_series(["a"])


# --------------------------------------------------------------------------
# Issue 17: hostile personal data, planted with fresh values in many forms.

from impact.privacy import assess_quote  # noqa: E402
from tests.hostile._pii import KINDS, leaks, plant, rng_for  # noqa: E402


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_values_of_each_kind_are_gone(kind, request):
    # Fresh values (invented names, random digits with valid and invalid check
    # digits) in many written forms, seeded from this test's name.  Every
    # value must be gone from the redacted sentence, also as digits only and in
    # lower case.  Measured when written: 400 of 400 per kind on other seeds.
    rng = rng_for(request.node.nodeid)
    failures = []
    for _ in range(60):
        p = plant(kind, rng)
        red, _ = redact(p.sentence, councils=())
        if leaks(p, red):
            failures.append((p.sentence, red, leaks(p, red)))
    assert not failures, failures


def test_one_detail_of_each_kind_in_a_paragraph(request):
    # All kinds together, between ordinary sentences: detections must not mask each other.
    rng = rng_for(request.node.nodeid)
    for _ in range(10):
        planted = [plant(kind, rng) for kind in KINDS]
        text = " The review helped us a lot. ".join(p.sentence for p in planted)
        red, _ = redact(text)
        missing = [(p.kind, p.value, leaks(p, red)) for p in planted if leaks(p, red)]
        assert not missing, (missing, red)


def test_redaction_tokens_name_the_kind(request):
    # The token says what was hidden, using check digits where they exist.
    rng = rng_for(request.node.nodeid)
    from tests.hostile._pii import nhs_number

    valid = nhs_number(rng)
    red, log = redact(f"NHS number {valid[:3]} {valid[3:6]} {valid[6:]}, reg AB12 CDE, aged 4.", councils=())
    assert red == "NHS number [NHS number], reg [vehicle registration], aged [age]."
    # A mistyped NHS number (check digit wrong) is still redacted, as a reference.
    typo = valid[:-1] + str((int(valid[-1]) + 1) % 10)
    red, _ = redact(f"We wrote {typo} on the form.", councils=())
    assert typo not in red and "[" in red
    assert redact("UPN B801200005001 moved.", councils=())[0] == "UPN [pupil number] moved."  # stdnum's valid example


def test_more_written_forms():
    cases = {
        "DOB: 2016-02-12.": "DOB: [date of birth].",
        "Her reddit is u/jsmith99.": "Her reddit is [handle].",
        "Mum gave jm753909a to the DWP.": "Mum gave [NI number] to the DWP.",
        "Write to jo(dot)smith(at)gmail(dot)com.": "Write to [email].",
        "Call (07700) 900123 or +44 20 7946 0958.": "Call [phone] or [phone].",
    }
    for text, expected in cases.items():
        assert redact(text, councils=())[0] == expected, text


def test_names_however_written():
    cases = {
        "JOHN SMITH agreed.": "[name] agreed.",
        "Siobhán Ní Bhriain chaired it.": "[name] chaired it.",
        "Mrs Okonkwo-Baptiste phoned.": "Mrs [name] phoned.",
        "We met J. Okafor and Dafydd ap Gwilym.": "We met [name] and [name].",
        "Her son tyler was at home.": "Her son [name] was at home.",
        "The social worker, Becky, came.": "The social worker, [name], came.",
        "Seán O'Brien and Aoife Mac Giolla Phádraig were there.": "[name] and [name] were there.",
    }
    for text, expected in cases.items():
        assert redact(text, councils=())[0] == expected, text


def test_field_vocabulary_is_kept():
    text = ("The LSCB, CAMHS and Ofsted, with Working Together and Signs of Safety, shaped the MASH. "
            "The Family Court and the Early Help Hub met in May 2013 and in 2013/14; 45,000 children; Section 47. "
            "In 2013-14 the figures for 2014-03 rose.")
    red, log = redact(text, councils=())
    assert red == text, log


def test_over_redaction_on_example_transcripts():
    # data/example transcripts carry planted PII at known spans (planted_pii.csv);
    # every other redaction is over-redaction.  Measured when written on all
    # 375 transcripts (288,642 words): 1,146 of 1,146 planted details found,
    # 0 redactions outside them.  Here the first 30 transcripts, budget 1 per
    # 10,000 words.
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "data" / "example"
    pii = pd.read_csv(root / "planted_pii.csv")
    files = sorted((root / "transcripts").glob("*/*.txt"))[:30]
    texts = pd.Series({f.stem: f.read_text(encoding="utf-8") for f in files})
    names = pd.read_csv(root / "participants.csv")["name"].dropna().tolist()
    red, log = redact_series(texts, names=names)
    words = sum(len(t.split()) for t in texts)
    planted = pii[pii["interview_id"].isin(texts.index)]
    outside = 0
    for r in log.itertuples():
        spans = planted[planted["interview_id"] == r.unit]
        if not ((spans["start"] < r.end) & (spans["end"] > r.start)).any():
            outside += 1
    assert outside <= words / 10_000, log
    for r in planted.itertuples():
        assert r.value not in red[r.interview_id], r


# Hand labels for the real LGA/NFER pages in ../shared/seeds (public documents):
# every detail they hold that should be redacted, and nothing else.
SEED_LABELS = {
    # "(Jeffes and Martin, 2013)", "(Easton et al., 2012)": author-year citations, the authors of works cited and no one
    # in a case, kept since round 51 (until then labelled names, Martin found from round 24 as a co-author's surname)
    "nfer_longer_term_impact.txt": set(),
    "lga_peer_review_programme.txt": {
        ("address", "Government House"), ("address", "Smith Square"), ("council", "Lancashire County Council"),
        ("council", "Nottinghamshire County Council"), ("date", "31st March 2012"),
        ("email", "caroline.bosdet@local.gov.uk"), ("email", "curran56@yahoo.co.uk"), ("email", "info@local.gov.uk"),
        ("email", "peter.rentell@local.gov.uk"), ("name", "Anthony May"), ("name", "Caroline Bosdet"),
        ("name", "Helen Denton"), ("name", "Paul Curran"), ("name", "Peter Rentell"), ("phone", "020 7664 3000"),
        ("phone", "020 7664 3030"), ("phone", "07738 600101"), ("phone", "07876 106183"), ("phone", "07919 374582"),
        ("postcode", "SW1P 3HZ"), ("url", "www.local.gov.uk"), ("url", "www.local.gov.uk/peer-challenge"),
        ("name", "Eileen Munro"),  # a person's name, even of a public figure
    },
}


@pytest.mark.parametrize("name", sorted(SEED_LABELS))
def test_real_prose_is_redacted_exactly_as_labelled(name, shared_data):
    path = shared_data.parent / "seeds" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    text = path.read_text(encoding="utf-8")
    red, log = redact(text)
    found = {(r.kind, text[r.start : r.end]) for r in log.itertuples()}
    assert found == SEED_LABELS[name]


def test_real_inspector_names_are_found(shared_data):
    # Real names (Ofsted inspectors, public data), never seen by the redactor's word lists as pairs,
    # planted in interview-like sentences.  Measured when written: every name found.
    table = pd.read_csv(shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv", usecols=["inspector_name"])
    names = sorted({n for n in table["inspector_name"].dropna() if len(n.split()) >= 2})
    assert len(names) > 20
    templates = ["{n} said the review helped.", "I spoke to {n} yesterday.", "It was {n} who led it.",
                 "Then {n} rang the team."]
    missed = []
    for i, n in enumerate(names):
        red, _ = redact(templates[i % len(templates)].format(n=n), councils=())
        if any(part in red for part in n.split() if len(part) > 2):
            missed.append((n, red))
    assert not missed, missed


def test_quote_verdict_flags_what_redaction_leaves(request):
    # The verdict reads redacted text; fed the *unredacted* hostile sentences it
    # must flag most of them (it is the second line of defence).  Measured when
    # written: see the threshold below per kind.
    rng = rng_for(request.node.nodeid)
    flagged = {k: 0 for k in KINDS}
    for kind in KINDS:
        for _ in range(30):
            ok, _ = assess_quote(plant(kind, rng).sentence)
            flagged[kind] += not ok
    assert sum(flagged.values()) / (30 * len(KINDS)) >= 0.6, flagged


@pytest.mark.parametrize("text", ["She lives with her nan.", "Her nan looks after them.", "we took him to his nana's",
                                  "my mam said it was fine"])
def test_a_kinship_word_in_lower_case_is_the_relation_not_a_name(text):
    # "nan", "nana" and "mam" are also first names: read as names they were redacted ("her [name]")
    assert redact(text)[0] == text


def test_a_kinship_word_is_still_redacted_as_a_listed_name_and_a_name_after_it_is_redacted():
    assert redact("i spoke to nan about it", names=["Nan Jones"])[0] == "i spoke to [name] about it"
    assert redact("she lives with her nan doreen.")[0] == "she lives with her nan [name]."
    assert redact("Her nan Doreen looks after them.")[0] == "Her nan [name] looks after them."
