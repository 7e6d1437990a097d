"""The published tables' numbers (outputs1): every number of ``tables/*.csv`` and of the sheets of ``tables.xlsx`` is
rounded as the report shows it, by one rule per kind of quantity, never a float artefact (0.30500000000000005 in
comparisons.csv); the frames the library returns stay unrounded; rounding neither reveals a suppressed count nor
makes a table's published number differ from the number the report prints.

The check reads the published files only: the kind and precision of each CSV column from
``tables/data_dictionary.csv`` ("percent, 0 decimals", "p-value, 3 decimals", ...) and of each sheet cell from its
own number format, as a spreadsheet shows it (:func:`conftest.excel_shows`)."""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import excel_shows, report_of

_FORMAT = re.compile(r"^(?P<bound>interval bound, )?(?P<kind>percent|percentage points|number|ratio|p-value), "
                     r"(?P<digits>\d) decimals?$")
#: A float's repr noise: a run of 0s or 9s after real digits (0.30500000000000005, 0.28999999999999998).
_ARTEFACT = re.compile(r"\d\.\d*(?:0{6,}|9{6,})\d")


def _decimals(text: str) -> int:
    mantissa = text.lower().split("e")[0].lstrip("-")
    exponent = int(text.lower().split("e")[1]) if "e" in text.lower() else 0
    return max(len(mantissa.partition(".")[2]) - exponent, 0)


def _significant(text: str) -> int:
    return len(text.lower().split("e")[0].replace("-", "").replace(".", "").lstrip("0"))


def _too_precise(text: str, x: float, kind: str | None, digits: int, *, widened: bool) -> str | None:
    """What is wrong with a number published as ``text`` for a column of ``kind`` shown with ``digits`` decimals,
    or None. ``widened``: an interval bound whose ends read the same at ``digits`` (the report gives it up to 4 more)."""
    if _ARTEFACT.search(text) or _significant(text) > 12:
        return "a float artefact"
    if kind is None:
        return None
    allowed = {"whole number": 0, "percent": digits + 2, "percentage points": digits + 2}.get(kind, digits)
    allowed += 4 if widened else 0
    if kind == "p-value" and abs(x - 0.05) < 10.0**-digits:  # format_p shows more decimals at the 0.05 line
        allowed = 6
    if kind in ("p-value", "ratio") and 0 < x < 10.0**-digits:  # shown "<0.001": a few significant figures, not 0
        return None if _significant(text) <= 2 else f"more than 2 significant figures below {10.0**-digits:g}"
    return None if _decimals(text) <= allowed else f"{_decimals(text)} decimals where the report shows {allowed}"


def csv_problems(out_dir: Path) -> list[str]:
    """Every number of the bundle's ``tables/*.csv`` more precise than the report shows its kind, or a float artefact."""
    tables = out_dir / "tables"
    rows = list(csv.DictReader(io.StringIO((tables / "data_dictionary.csv").read_text(encoding="utf-8-sig"))))
    formats = {(r["table"], r["column"]): r for r in rows}
    problems = []
    for path in sorted(tables.glob("*.csv")):
        data = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for column in data.columns:
            entry = formats.get((path.stem, column))
            m = _FORMAT.match(entry["format"]) if entry else None
            kind = "whole number" if entry and entry["format"] == "whole number" else m["kind"] if m else None
            digits = int(m["digits"]) if m else 0
            pair = None
            if m and m["bound"]:  # the other end of the interval: "95% CI, lower" beside "95% CI, upper"
                stem, _, end = entry["label"].rpartition(", ")
                other = {"lower": "upper", "upper": "lower"}.get(end)
                pair = next((r["column"] for r in rows if r["table"] == path.stem and r["label"] == f"{stem}, {other}"),
                            None)
            for i, text in enumerate(data[column].tolist(), start=2):
                try:
                    x = float(text)
                except ValueError:
                    if _ARTEFACT.search(text):
                        problems.append(f"{path.name}:{i}:{column}: {text!r} holds a float artefact")
                    continue
                widened = False
                if pair is not None:
                    try:
                        lo_hi = [x, float(data[pair].iloc[i - 2])]
                        scale = 100 if kind in ("percent", "percentage points") else 1
                        shown = {f"{v * scale:.{digits}f}" for v in lo_hi}
                        widened = len(shown) == 1 and lo_hi[0] != lo_hi[1]
                        # an interval of a change, difference or ratio leaving out no difference (0; 1 for a
                        # ratio) whose end would show as that value: given the digits that show it is not (truth60)
                        null = 1.0 if kind == "ratio" else 0.0
                        zero = f"{null * scale:.{digits}f}"
                        widened |= (kind != "percent" and (min(lo_hi) > null or max(lo_hi) < null)
                                    and any(f"{v * scale:.{digits}f}".lstrip("-") == zero for v in lo_hi))
                    except ValueError:
                        pass
                why = _too_precise(text, x, kind if math.isfinite(x) else None, digits, widened=widened)
                if why:
                    problems.append(f"{path.name}:{i}:{column}: {text} ({entry['format'] if entry else '?'}): {why}")
    return problems


def workbook_problems(xlsx: bytes | Path) -> list[str]:
    """Every number of the workbook's table sheets stored with more decimals than its cell shows, or a float artefact."""
    wb = openpyxl.load_workbook(io.BytesIO(xlsx) if isinstance(xlsx, bytes) else xlsx)
    problems = []
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                v = cell.value
                if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v):
                    continue
                text = repr(float(v)) if isinstance(v, float) else str(v)
                shown = excel_shows(float(v), cell.number_format)
                if _ARTEFACT.search(text) or _significant(text) > 12:
                    problems.append(f"{ws.title}!{cell.coordinate}: {text} is a float artefact")
                elif shown.lstrip("+-").startswith("<"):  # below the least shown value: a few significant figures
                    if _significant(text) > 2:
                        problems.append(f"{ws.title}!{cell.coordinate}: {text} shown {shown!r}: too many figures")
                else:
                    digits = re.search(r"[\d,]+(?:\.(\d+))?", shown)
                    allowed = len(digits[1] or "") + (2 if "%" in shown else 0) if digits else 0
                    if shown.startswith(">"):  # a ratio shown ">999": the cell keeps its ratio's decimals
                        allowed = 2
                    if _decimals(text) > allowed:
                        problems.append(f"{ws.title}!{cell.coordinate}: {text} shown {shown!r}: {_decimals(text)} "
                                        f"decimals where the cell shows {allowed}")
    return problems


@pytest.fixture(scope="module")
def bundles(example_run, ten_council_run) -> dict[str, Path]:
    """The demo's bundle (the example study, machine-coded) and a generated study's (10 councils, seed 7)."""
    return {"example": example_run.out_dir, "ten_councils": ten_council_run.out_dir}


@pytest.mark.parametrize("which", ["example", "ten_councils"])
def test_published_csv_numbers_are_rounded_as_the_report_shows_them(bundles, which):
    # on main: comparisons.csv held 0.29250000000000004 (a mean shown "0.29") and 0.5041666666666667 (a share, "50%")
    out = bundles[which]
    assert sorted((out / "tables").glob("*.csv")), out
    problems = csv_problems(out)
    assert not problems, f"{len(problems)} numbers: " + "; ".join(problems[:10])
    # provenance.json and parameters.json: settings as given (a level of 0.05), no float artefact
    for name in ("provenance.json", "parameters.json"):
        if (out / name).is_file():
            floats = re.findall(r"(?<![\w.])-?\d+\.\d+(?:e-?\d+)?(?![\w.])", (out / name).read_text(encoding="utf-8"))
            noisy = [f for f in floats if _ARTEFACT.search(f) or _significant(f) > 12]
            assert not noisy, (name, noisy[:5])


@pytest.mark.parametrize("which", ["example", "ten_councils"])
def test_published_workbook_numbers_are_rounded_as_their_cells_show_them(bundles, which):
    problems = workbook_problems(bundles[which] / "tables.xlsx")
    assert not problems, f"{len(problems)} cells: " + "; ".join(problems[:10])


@pytest.fixture(scope="module")
def planted_report(sixty_planted):
    """The report of a second generated study (60 councils, planted coding), built once for the module."""
    return report_of(sixty_planted[2])[0]


def test_a_second_generated_study_publishes_rounded_numbers(planted_report, tmp_path):
    from impact.report import render_xlsx, table_csv
    from impact.report._model import Table
    from impact.report._render import DICTIONARY
    from impact.report._xlsx import data_dictionary

    tables = tmp_path / "tables"
    tables.mkdir()
    for table in planted_report.tables:
        (tables / f"{table.name}.csv").write_bytes(table_csv(table, vocabulary=planted_report.vocabulary))
    (tables / f"{DICTIONARY}.csv").write_bytes(table_csv(Table(DICTIONARY, data_dictionary(planted_report), "D")))
    problems = csv_problems(tmp_path) + workbook_problems(render_xlsx(planted_report))
    assert not problems, f"{len(problems)}: " + "; ".join(problems[:10])


def test_the_report_prints_the_published_numbers_and_the_library_keeps_them_unrounded(planted_report):
    """Truth: each table's text, made from its published (rounded) values, is the text the report prints from the
    unrounded ones (so a sentence's number, printed as its table prints it, equals the published number), and the
    table's own frame - what the library returns - is left unrounded. Disclosure: a suppressed cell stays its symbol
    and every published number is the unrounded one rounded (within half its last shown digit), a function of what
    the report shows, so it tells no more about a hidden count than the report does."""
    from impact.report._format import CI, display_frame, published_frame, resolve_formats

    unrounded_left = 0
    for table in planted_report.tables:
        specs = resolve_formats(table.data, table.columns_format, vocabulary=planted_report.vocabulary,
                                labels=table.labels)
        unit = {}  # column: the last digit the report shows of it
        for key, spec in specs.items():
            if isinstance(spec, CI):
                unit[spec.low] = unit[spec.high] = 10.0 ** -(spec.digits + (2 if spec.percent or spec.points else 0))
            elif spec.kind in ("pct", "pp", "num", "diff", "auto", "ratio", "p", "int"):
                unit[key] = 10.0 ** -(spec.digits + (2 if spec.kind in ("pct", "pp") else 0)) if spec.kind != "int" else 1
        published = published_frame(table.data, specs)
        for col in table.data.columns:
            raw, out = table.data[col].tolist(), published[col].tolist()
            for a, b in zip(raw, out, strict=True):
                if isinstance(a, str) or isinstance(b, str):
                    assert a == b, (table.name, col, a, b)  # a symbol ("c") is never replaced by a number
                elif isinstance(a, float) and math.isfinite(a) and col in unit:
                    assert abs(b - a) <= 0.5 * unit[col] * (1 + 1e-9), (table.name, col, a, b)
                    unrounded_left += a != b
        kwargs = dict(vocabulary=planted_report.vocabulary, labels=table.labels, value_labels=table.value_labels)
        assert display_frame(published, table.columns_format, **kwargs).equals(
            display_frame(table.data, table.columns_format, **kwargs)), table.name
    assert unrounded_left > 0  # the analyst's frames hold more digits than the published files


_KINDS = ["pct:0", "pct:1", "pp:0", "pp:1", "num:2", "num:3", "diff:2", "ratio:2", "p"]


@pytest.mark.parametrize("spec", _KINDS)
def test_each_kind_rounds_to_the_report_text(spec, rng):
    """Random values of every kind (ties at the last digit, tiny and huge ones among them): the published number
    prints as the report prints the value, has no more decimals than its kind shows, and is a plain float."""
    from impact.report._format import format_value, parse_spec, published_number

    s = parse_spec(spec)
    values = np.concatenate([rng.uniform(-1, 1, 300), rng.uniform(0, 1, 300) ** 6, np.round(rng.uniform(0, 1, 100), 3),
                             np.round(rng.uniform(0, 1, 100), 4) + 0.00005, 10.0 ** rng.uniform(-9, 7, 100),
                             [0.30500000000000005, 0.0496, 0.04996, 0.05, 2.8e-17, -1e-17]])
    if s.kind in ("p", "ratio"):
        values = np.abs(values)
    for x in values:
        y = published_number(float(x), s)
        assert type(y) is float
        assert format_value(y, s) == format_value(float(x), s), (spec, x, y)
        why = _too_precise(repr(y), y, {"pct": "percent", "pp": "percentage points", "num": "number",
                                        "diff": "number", "ratio": "ratio", "p": "p-value"}[s.kind], s.digits, widened=False)
        assert why is None, (spec, x, y, why)


def test_an_interval_keeps_the_digits_that_tell_its_ends_apart():
    from impact.report._format import CI, format_ci, published_interval

    for lo, hi, ci in [(-0.0021, 0.0043, CI("a", "b")), (0.0012, 0.0013, CI("a", "b", 0, percent=True)),
                       (0.15939464787774, 0.28550575898885266, CI("a", "b")), (5.4e-07, 1909551.63, CI("a", "b", ratio=True))]:
        a, b = published_interval(lo, hi, ci)
        assert format_ci(a, b, ci.digits, percent=ci.percent, ratio=ci.ratio) == format_ci(
            lo, hi, ci.digits, percent=ci.percent, ratio=ci.ratio)
        assert a != b


@pytest.mark.parametrize("spec", ["num:1", "diff:2", "pp:0", "pct:1", "int"])
def test_a_value_that_shows_is_never_round_off_beside_a_huge_one(spec):
    """Round-off is judged relative to a column's largest magnitude; beside a value of 1e17 (a separated fit's estimate)
    that tolerance was 1e5, and a 2.5 or a 40 in the same column was published as 0 (inputs56 found it in a report CSV).
    A value cleaned to zero must also be one the report shows as zero at the column's decimals, even as a percentage;
    a true round-off residue (3e-17) is still cleaned."""
    from impact.report._format import parse_spec, published_frame

    df = pd.DataFrame({"x": [2.5, 40.0, 1e17, 3e-17, -2e-17]})
    out = published_frame(df, {"x": parse_spec(spec)})["x"].tolist()
    assert out[0] != 0 and out[1] != 0 and out[2] == 1e17, out
    assert out[3] == 0 and out[4] == 0, out


@pytest.mark.parametrize("kind", ["num", "points", "ratio"])
def test_an_interval_that_leaves_out_no_difference_is_never_shown_reaching_it(kind, rng):
    """An interval of a change (-0.15 to -0.003) was shown "-0.15 to 0.00" beside its own p of 0.042 (truth60's 60
    council study): read as holding no change. Random intervals on one side of the value of no difference (0; 1 for a
    ratio) with an end near it: the end read back from the text is on the interval's side, in the report text and in
    the published number; intervals holding that value keep the column's decimals."""
    from impact.report._format import CI, format_ci, published_interval

    ci = CI("a", "b", 0 if kind == "points" else 2, points=kind == "points", ratio=kind == "ratio")
    null = 1.0 if kind == "ratio" else 0.0
    scale = 0.01 if kind == "points" else 1.0  # a points column shows x * 100 with no decimals
    for _ in range(300):
        near = null + rng.uniform(1e-4, 4e-3) * scale * rng.choice([-1, 1])
        far = near + np.sign(near - null) * rng.uniform(0.05, 0.5) * scale
        lo, hi = sorted((near, far))
        text = format_ci(lo, hi, ci.digits, points=ci.points, ratio=ci.ratio)
        shown = [float(t.replace(",", "").replace("+", "")) / (100 if kind == "points" else 1)
                 for t in text.split(" to ")]
        assert shown[0] != null and shown[1] != null, (lo, hi, text)
        assert (shown[0] > null) == (lo > null), (lo, hi, text)
        a, b = published_interval(lo, hi, ci)
        assert a != null and b != null and (a > null) == (lo > null), (lo, hi, a, b)
    held = format_ci(-0.15, 0.004, 2)
    assert held == "-0.15 to 0.00", held  # an interval holding no change is shown at the column's decimals
