"""A study's table of 100,000 rows saved as an Excel workbook, read whole (inputs64).

``python -m bench.large_workbook --out bench/results`` (a line of ``make bench``) writes an ``indicators.xlsx`` of
``--rows`` rows of five columns (100,000: 500,005 cells, refused before inputs64 raised
:data:`impact._archive.XLSX_LIMITS`'s ``max_cells`` to a million) into a copy of the bundled example study, as Excel
writes a sheet (its dimension first, numbers as numbers, text inline), loads the study, and checks every id, month,
measure and value read against what was written. It records the wall and CPU seconds of ``load_study`` and the
process's peak resident memory into ``<out>/large_workbook.json``. It was a unit test (25-70 s of one worker's time
in each whole run); a capacity goal is measured here instead, as the developers' guide asks.

``--past-cap-rows`` rows (190,000; inputs65) make a sheet past the 2,000,000 XML elements read from one file: the
study is refused, and the figures of that (the sheet's expansion, the seconds to the refusal, what is said) go under
``past_cap``; what is said must be that the file is large, to be saved as CSV, not that it is an XML bomb.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

import impact
from impact import load_study
from impact.errors import ValidationError

_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.'
    'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
    'formats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="indicators" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http:'
    '//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def _excel_sheet(rows: list[list[object]]) -> str:
    """A worksheet's XML as Excel writes it (its dimension first): numbers as numbers, text inline."""
    def cell(ref: str, v: object) -> str:
        if v is None:
            return ""
        if isinstance(v, str):
            return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
        return f'<c r="{ref}"><v>{v!r}</v></c>'

    letters = [get_column_letter(k + 1) for k in range(len(rows[0]))]
    body = "".join(f'<row r="{r}">' + "".join(cell(f"{c}{r}", v) for c, v in zip(letters, row)) + "</row>"
                   for r, row in enumerate(rows, start=1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.'
            f'org/spreadsheetml/2006/main"><dimension ref="A1:{letters[-1]}{len(rows)}"/><sheetData>{body}'
            "</sheetData></worksheet>")


def _indicators_book(study_dir: Path, rows: int, rng: np.random.Generator) -> tuple[list, list, int, float]:
    """An ``indicators.xlsx`` of ``rows`` rows in ``study_dir`` (a copy of the bundled example without its
    indicators.csv): its keys, values, size in bytes and its sheet's expansion (bytes over compressed bytes)."""
    months = pd.date_range("1991-01-31", periods=420, freq="ME").strftime("%Y-%m-%d")
    shutil.copytree(impact.example_path(), study_dir)
    councils = pd.read_csv(study_dir / "councils.csv", dtype=str)["council_id"].tolist()[:3]
    (study_dir / "indicators.csv").unlink()
    per = max(80, -(-rows // (len(councils) * len(months))))  # measures a council and month: enough distinct keys
    keys = [(int(c), p, f"m{k:02d}") for c in councils for p in months for k in range(per)]
    keys = [keys[k] for k in rng.permutation(len(keys))[:rows]]
    values = (rng.integers(-10_000, 10_000, size=len(keys)) / 4).tolist()
    table_rows = [["council_id", "period", "measure", "value", "flag"],
                  *([*key, v, None] for key, v in zip(keys, values))]
    book = study_dir / "indicators.xlsx"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in {**_PARTS, "xl/worksheets/sheet1.xml": _excel_sheet(table_rows)}.items():
            z.writestr(name, xml)
        info = z.getinfo("xl/worksheets/sheet1.xml")
    return keys, values, book.stat().st_size, info.file_size / info.compress_size


def measure(rows: int = 100_000, seed: int = 6412) -> dict:
    """Write, read and check a table of ``rows`` rows; the figures measured."""
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        study_dir = Path(tmp) / "study"
        keys, values, size, _ = _indicators_book(study_dir, rows, rng)
        wall, cpu = time.perf_counter(), time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = load_study(study_dir).indicators
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    same = {
        "rows": len(table) == len(keys),
        "council_id": table["council_id"].tolist() == [str(c) for c, _, _ in keys],
        "period": pd.to_datetime(table["period"]).dt.strftime("%Y-%m-%d").tolist() == [p for _, p, _ in keys],
        "measure": table["measure"].tolist() == [m for _, _, m in keys],
        "value": table["value"].tolist() == values,
    }
    return {"rows": len(keys), "cells": 5 * (len(keys) + 1), "workbook_bytes": size,
            "load_study_wall_s": round(wall, 2), "load_study_cpu_s": round(cpu, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "read_as_written": same, "all_read_as_written": all(same.values())}


def measure_past_cap(rows: int = 190_000, seed: int = 6504) -> dict:
    """A table of ``rows`` rows of five columns (past the 2,000,000 XML elements read from one file at about 180,000),
    loaded: refused, told as a large file to save as CSV, not as an XML bomb (inputs65); the figures measured."""
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        study_dir = Path(tmp) / "study"
        _, _, size, expansion = _indicators_book(study_dir, rows, rng)
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            load_study(study_dir)
            said = []
        except ValidationError as exc:
            said = [str(p) for p in exc.problems if p.file == "indicators.xlsx"]
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    told_large = len(said) == 1 and "it is large" in said[0] and "save each large sheet as" in said[0] \
        and "XML bomb?" not in said[0]
    return {"rows": rows, "cells": 5 * (rows + 1), "workbook_bytes": size, "sheet_expansion": round(expansion, 2),
            "refused_wall_s": round(wall, 2), "refused_cpu_s": round(cpu, 2), "said": said,
            "told_as_large_not_bomb": told_large}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--past-cap-rows", type=int, default=190_000,
                        help="rows of the table past the XML elements read from one file (0: not measured)")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args(argv)
    result = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **measure(args.rows)}
    if args.past_cap_rows:
        result["past_cap"] = measure_past_cap(args.past_cap_rows)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "large_workbook.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    ok = result["all_read_as_written"] and result.get("past_cap", {}).get("told_as_large_not_bomb", True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
