"""Tests of formula-injection neutralisation of whole tables."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.privacy import safe_table, write_csv_safe

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _is_safe(value: object) -> bool:
    return not (isinstance(value, str) and value.startswith(DANGEROUS))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.lists(st.tuples(st.sampled_from(["", *DANGEROUS]), st.text(max_size=8)), min_size=1, max_size=12),
    st.lists(st.integers(-1000, 1000), min_size=12, max_size=12),
)
def test_every_dangerous_text_cell_is_neutralised(pairs, numbers):
    texts = [start + rest for start, rest in pairs]
    n = len(texts)
    df = pd.DataFrame(
        {
            "text_str": pd.Series(texts, dtype="str"),
            "text_obj": pd.Series(texts, dtype=object),
            "ints": numbers[:n],
            "floats": [x / 7 for x in numbers[:n]],
            "mixed": pd.Series([texts[i] if i % 2 else numbers[i] for i in range(n)], dtype=object),
        }
    )
    before = df.copy()
    out = safe_table(df)
    pd.testing.assert_frame_equal(df, before)  # the caller's frame is untouched
    for column in ("text_str", "text_obj", "mixed"):
        assert all(_is_safe(v) for v in out[column])
        for old, new in zip(df[column], out[column], strict=True):
            # Safe text is unchanged; dangerous text only gains an apostrophe.
            assert new == old if _is_safe(old) else new == "'" + old
    pd.testing.assert_series_equal(out["ints"], df["ints"])
    pd.testing.assert_series_equal(out["floats"], df["floats"])
    assert [v for v in out["mixed"] if not isinstance(v, str)] == [v for v in df["mixed"] if not isinstance(v, str)]
    assert out["text_str"].dtype == df["text_str"].dtype


def test_labels_categories_and_missing_values():
    df = pd.DataFrame(
        {"=cmd": pd.Categorical(["@a", "b", "@a"]), "when": pd.to_datetime(["2013-01-01"] * 3), "flag": [True, False, True]},
        index=pd.Index(["+x", "y", "-z"], name="-id"),
    )
    df["note"] = pd.Series(["\tTab", None, "\rCR"], index=df.index, dtype="str")
    out = safe_table(df)
    assert list(out.columns) == ["'=cmd", "when", "flag", "note"]
    assert out.index.tolist() == ["'+x", "y", "'-z"]
    assert out.index.name == "'-id"
    assert out["'=cmd"].tolist() == ["'@a", "b", "'@a"]
    assert isinstance(out["'=cmd"].dtype, pd.CategoricalDtype)
    assert out["note"].iloc[0] == "'\tTab" and pd.isna(out["note"].iloc[1]) and out["note"].iloc[2] == "'\rCR"
    pd.testing.assert_series_equal(out["when"], df["when"], check_index=False)
    assert out["flag"].tolist() == [True, False, True]
    kept = safe_table(df, labels=False)
    assert list(kept.columns) == list(df.columns)


def test_write_csv_safe(tmp_path):
    df = pd.DataFrame({"quote": ["=HYPERLINK(\"http://x\")", "ok"], "n": [-1, np.nan]})
    path = write_csv_safe(df, tmp_path / "out" / "t.csv")
    assert path.read_text(encoding="utf-8") == "quote,n\n\"'=HYPERLINK(\"\"http://x\"\")\",-1.0\nok,\n"


def test_not_a_frame():
    with pytest.raises(TypeError, match="`data` must be a pandas DataFrame"):
        safe_table(["=1"])
