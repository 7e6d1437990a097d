"""Tests of keyed pseudonyms and the re-identification key."""

import hashlib
import hmac
import os
import stat

import pandas as pd
import pytest

from impact.errors import InputError
from impact.privacy import (
    KEY_ENV,
    KEY_FILE_ENV,
    pseudonym_map,
    pseudonymise,
    reidentification_key,
    resolve_key,
)

KEY = "test key: not a secret, 32 chars"
OTHER = "another test key, also not secret"


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "council_id": ["301", "302", "303", "301", None],
            "participant_id": ["A01", "A02", "B01", "A01", "C01"],
            "text": ["a", "b", "c", "d", "e"],
        }
    )


@pytest.fixture
def no_key_env(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "conf" / "pseudonym.key"))
    return tmp_path / "conf" / "pseudonym.key"


def test_same_key_same_pseudonyms_and_caller_frame_untouched(frame):
    before = frame.copy()
    first = pseudonymise(frame, key=KEY)
    second = pseudonymise(frame.copy(), key=KEY)
    pd.testing.assert_frame_equal(frame, before)
    pd.testing.assert_frame_equal(first, second)
    assert first["text"].tolist() == frame["text"].tolist()
    # Repeated ids map to one pseudonym; the missing council stays missing.
    assert first.loc[0, "council_id"] == first.loc[3, "council_id"]
    assert pd.isna(first.loc[4, "council_id"])
    assert set(first["council_id"].dropna()) == {"Council C01", "Council C02", "Council C03"}
    assert all(p.startswith("Participant P-") and len(p) == len("Participant P-4F2A") for p in first["participant_id"])


def test_different_key_gives_different_pseudonyms(frame):
    a = pseudonymise(frame, key=KEY)["participant_id"]
    b = pseudonymise(frame, key=OTHER)["participant_id"]
    assert (a != b).all()


def test_participant_code_is_the_keyed_hmac(frame):
    # Independent computation of the documented scheme: HMAC-SHA256 of "participant:<id>".
    digest = hmac.new(KEY.encode(), b"participant:A02", hashlib.sha256).hexdigest()
    out = pseudonymise(frame, key=KEY)
    assert out.loc[1, "participant_id"] == f"Participant P-{digest[:4].upper()}"


def test_council_numbers_follow_keyed_hash_order():
    ids = [f"{n:03d}" for n in range(300, 330)]
    mapping = pseudonym_map(ids, kind="council", key=KEY)
    by_hash = sorted(ids, key=lambda i: hmac.new(KEY.encode(), f"council:{i}".encode(), hashlib.sha256).hexdigest())
    assert [mapping[i] for i in by_hash] == [f"Council C{n:02d}" for n in range(1, 31)]


def test_participant_codes_are_collision_free_for_many_ids():
    # 3,000 ids in a 65,536-code space: four-digit collisions are near certain
    # (expected ~68 pairs), so some codes must have been lengthened.
    ids = [f"P{n:05d}" for n in range(3000)]
    mapping = pseudonym_map(ids, kind="participant", key=KEY)
    assert len(set(mapping.values())) == len(ids)
    longer = [p for p in mapping.values() if len(p) > len("Participant P-0000")]
    assert longer
    # A lengthened code still starts with the id's own keyed-hash digits.
    for real, pseudo in mapping.items():
        digest = hmac.new(KEY.encode(), f"participant:{real}".encode(), hashlib.sha256).hexdigest().upper()
        assert digest.startswith(pseudo.removeprefix("Participant P-"))


def test_universe_makes_subsets_agree(frame):
    universe = {"council": ["301", "302", "303", "304", "305"]}
    whole = pseudonymise(frame, columns={"council_id": "council"}, key=KEY, universe=universe)
    part = pseudonymise(frame.iloc[[0, 1]], columns={"council_id": "council"}, key=KEY, universe=universe)
    assert part["council_id"].tolist() == whole["council_id"].iloc[[0, 1]].tolist()
    with pytest.raises(ValueError, match=r"must hold every council id in the data; missing \['303'\]"):
        pseudonymise(frame, columns={"council_id": "council"}, key=KEY, universe={"council": ["301", "302"]})


def test_bad_arguments(frame):
    with pytest.raises(ValueError, match=r"not columns of the data"):
        pseudonymise(frame, columns={"nope": "council"}, key=KEY)
    with pytest.raises(ValueError, match=r"must be one of \['council', 'participant', 'respondent'\]"):
        pseudonymise(frame, columns={"text": "school"}, key=KEY)
    with pytest.raises(InputError, match="has 5 bytes - expected at least 16"):
        pseudonymise(frame, key="short")


def test_reidentification_key_file(frame, tmp_path):
    path = tmp_path / "private" / "reid.csv"
    rows = reidentification_key(path, frame, key=KEY)
    written = pd.read_csv(path, dtype=str)
    pd.testing.assert_frame_equal(written, rows.astype(object), check_dtype=False)
    assert set(written["kind"]) == {"council", "participant"}
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    # The key file maps back exactly what pseudonymise produced.
    out = pseudonymise(frame, key=KEY)
    back = dict(zip(written["pseudonym"], written["real_id"], strict=True))
    assert [back[p] for p in out["participant_id"]] == frame["participant_id"].tolist()
    assert KEY not in path.read_text()
    with pytest.raises(InputError, match="outside the output folder"):
        reidentification_key(tmp_path / "out" / "reid.csv", frame, key=KEY, output_dir=tmp_path / "out")


def test_key_from_env_file_and_generated(monkeypatch, no_key_env, tmp_path):
    # Generated on first use into the default key file, then reused.
    first = resolve_key()
    assert no_key_env.is_file()
    assert stat.S_IMODE(os.stat(no_key_env).st_mode) == 0o600
    assert len(first) == 64
    assert resolve_key() == first
    # A key file the user names.
    named = tmp_path / "my.key"
    named.write_text("  a key from a file, long enough \n")
    assert resolve_key(key_file=named) == b"a key from a file, long enough"
    # The environment variable wins over the default file.
    monkeypatch.setenv(KEY_ENV, OTHER)
    assert resolve_key() == OTHER.encode()


def test_key_refused_inside_output_or_missing(monkeypatch, no_key_env, tmp_path):
    out = tmp_path / "out"
    (out).mkdir()
    inside = out / "k.key"
    inside.write_text(KEY)
    with pytest.raises(InputError, match="outside the output folder"):
        resolve_key(key_file=inside, output_dir=out)
    with pytest.raises(InputError, match="pseudonym key file not found"):
        resolve_key(key_file=tmp_path / "absent.key")
    with pytest.raises(InputError, match="no pseudonym key"):
        resolve_key(create=False)
    monkeypatch.setenv(KEY_FILE_ENV, str(out / "default.key"))
    with pytest.raises(InputError, match="outside the output folder"):
        resolve_key(output_dir=out)
