"""Disclosure round 65's automated attacks on a built bundle (see NOTES.md for the attempts and their results).

``python -m bench.disclosure65_attack.attack OUT/<name>/out ...``: prints every finding of

* ``format``: a cell a table's CSV hides (``c``) that its workbook sheet, web page table or Word table shows;
* ``digits``: a workbook number carrying more digits than the CSV's;
* ``share``: a row whose count is hidden but whose share (or interval) and denominator are published, the count
  then being ``round(share * n)`` (or the interval inverted);
* ``extra``: a number in a web page or Word table found in no CSV (a figure published in one format only);
* ``statements``: an impact whose hidden prevalence cells after the review the attribution table's statements (less
  the published cells) bound below ``min_count`` (5); the impacts whose statements are withheld (c, disclosure67)
  together, from the row of all impacts less the rows published;
* ``indicators`` (disclosure68): a hidden count of the indicator trends' councils with a value (``n_councils``) or
  with a value the DfE suppressed (``n_flagged``) given back by the group's councils (both published in a row of the
  group: every council has a row at each period of the DfE's tables) less the other published count of its row; and
  ``membership``: the councils of each status group found from the DfE's own figures (the study's
  ``indicators.csv``, the intruder's public data) by the groups' published means and counts of councils, every
  subset of the right size tried (where there are at most ``_MAX_SUBSETS``), which gives every count of the table.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pandas as pd

NUM = re.compile(r"^-?\d+(\.\d+)?$")


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _num(v) -> float | None:
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    s = str(v).strip().replace(",", "").replace("\u2212", "-").rstrip("%")
    return float(s) if NUM.match(s) else None


def _workbook(out: Path, tables: list[dict]) -> list[str]:
    import openpyxl

    found = []
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    for t in tables:
        if t.get("sheet") not in wb.sheetnames or not t.get("csv"):
            continue
        df = _csv(out / t["csv"])
        rows = list(wb[t["sheet"]].iter_rows(values_only=True))

        def agree(k, df=df, rows=rows):
            body = rows[k:k + len(df)]
            return sum(_num(v) is not None and _num(w) == _num(v) for (_, r), cells in zip(df.iterrows(), body)
                       for v, w in zip(r, cells))

        if len(rows) < len(df) + 1:
            continue
        k = max(range(1, 4), key=agree)  # the header's rows (one, or two where columns are grouped)
        body = [list(b) for b in rows[k:k + len(df)]]
        width = max(len(b) for b in body)
        body = [b + [None] * (width - len(b)) for b in body]
        # each CSV column against the sheet's column agreeing with it most (the sheet drops or words some columns)
        mapped = {}
        for col in df.columns:
            score = {j: sum(_num(v) is not None and _num(b[j]) == _num(v) for v, b in zip(df[col], body))
                     for j in range(width) if j not in mapped.values()}
            best = max(score, key=score.get, default=None)
            if best is not None and score[best] > 0:
                mapped[col] = best
        for j in set(range(width)) - set(mapped.values()):
            nums = [b[j] for b in body if _num(b[j]) is not None and not isinstance(b[j], str)]
            if nums:
                found.append(f"format: {t['sheet']} column {j + 1}: numbers {nums[:6]} matching no column of "
                             f"{t['csv']}")
        for col, j in mapped.items():
            for i, (v, b) in enumerate(zip(df[col], body)):
                w = b[j]
                if v == "c" and _num(w) is not None and not isinstance(w, str):
                    found.append(f"format: {t['csv']} row {i + 1} {col}: c in the CSV, {w!r} in {t['sheet']}")
                nv, nw = _num(v), _num(w)
                if nv is not None and isinstance(w, float) and nw != nv:
                    dec = len(v.split(".")[1]) if "." in v else 0
                    if round(nw, dec) == nv:
                        found.append(f"digits: {t['csv']} row {i + 1} {col}: {v} in the CSV, {w!r} in {t['sheet']}")
    return found


def _share_rows(out: Path) -> list[str]:
    found = []
    for path in sorted((out / "tables").glob("*.csv")):
        df = _csv(path)
        cols = list(df.columns)
        n_cols = [c for c in cols if c.startswith("n_")]
        share_cols = [c for c in cols if c in ("prevalence", "share", "share_interviewed") or c.startswith("share_")
                      or c.startswith("mean_")]
        ci = [c for c in cols if c in ("ci_low", "ci_high")]
        for i, r in df.iterrows():
            hidden_n = [c for c in n_cols if r[c] == "c"]
            shown_n = [c for c in n_cols if _num(r[c]) is not None]
            shown_share = [c for c in share_cols if _num(r[c]) is not None]
            shown_ci = [c for c in ci if _num(r[c]) is not None]
            if hidden_n and (shown_share or shown_ci) and shown_n:
                found.append(f"share: {path.name} row {i + 1}: hidden {hidden_n} beside published "
                             f"{shown_n + shown_share + shown_ci} ({dict(r)})")
    return found


def _numbers_in(texts) -> set[float]:
    out = set()
    for t in texts:
        for m in re.findall(r"-?\d[\d,]*\.?\d*", str(t)):
            v = _num(m)
            if v is not None:
                out.add(round(v, 2))
    return out


def _extra(out: Path) -> list[str]:
    import docx
    import lxml.html

    csv_nums: set[float] = set()
    for path in (out / "tables").glob("*.csv"):
        for v in _csv(path).to_numpy().ravel():
            n = _num(v)
            if n is not None:
                csv_nums |= {round(n, 2), round(n * 100, 2), round(n, 1), round(n * 100)}
    found = []
    page = lxml.html.parse(str(out / "report.html"))
    for k, table in enumerate(page.iter("table")):
        cells = [c.text_content() for c in table.iter("td")]
        extra = sorted(_numbers_in(cells) - csv_nums)
        if extra:
            found.append(f"extra: report.html table {k + 1}: {extra[:12]}")
    d = docx.Document(str(out / "report.docx"))
    for k, table in enumerate(d.tables):
        cells = [c.text for row in table.rows for c in row.cells]
        extra = sorted(_numbers_in(cells) - csv_nums)
        if extra:
            found.append(f"extra: report.docx table {k + 1}: {extra[:12]}")
    return found


def _statements(out: Path, min_count: int = 5) -> list[str]:
    tables = out / "tables"
    if not (tables / "attribution.csv").exists() or not (tables / "prevalence.csv").exists():
        return []
    att = _csv(tables / "attribution.csv").set_index("impact")["n_reported"]
    prev = _csv(tables / "prevalence.csv")
    prev = prev[prev["wave"] != prev["wave"].iloc[0]]  # the waves after the review (the first is before it)
    found = []

    def attack(codes, statements) -> None:
        g = prev[prev["impact"].isin(codes)]
        hidden = int((g["n_with"] == "c").sum())
        bound = statements - sum(int(v) for v in g["n_with"] if v != "c")
        if hidden and bound < min_count:
            found.append(f"statements: {', '.join(codes)}: {hidden} hidden cells after the review, each 0 to {bound}")

    for code in prev["impact"].unique():
        if att[code] != "c":
            attack([code], int(att[code]))
    # the rows withheld (disclosure67) together: the statements of all impacts less those published
    withheld = [c for c in prev["impact"].unique() if att[c] == "c"]
    if withheld and att["all"] != "c":
        attack(withheld, int(att["all"]) - sum(int(v) for c, v in att.items() if c != "all" and v != "c"))
    return found


#: The most subsets of councils :func:`_indicators` tries for one row's mean.
_MAX_SUBSETS = 300_000


def _rounds_to(x: float, shown: str) -> bool:
    """Whether ``x`` rounds to the number ``shown`` as printed (to its decimals, either way at a half)."""
    dec = len(shown.split(".")[1]) if "." in shown else 0
    return abs(x - float(shown)) <= 0.5 * 10 ** -dec + 1e-9


def _indicators(out: Path) -> list[str]:
    import itertools
    import math

    path = out / "tables" / "indicator_trends.csv"
    if not path.exists():
        return []
    t = _csv(path)
    found = []
    # (a) a group's councils (a row with both counts published) less one published count of another row of the group
    size = {}
    for r in t.itertuples():
        if r.n_councils != "c" and r.n_flagged != "c":
            size.setdefault(r.status, set()).add(int(r.n_councils) + int(r.n_flagged))
    for r in t.itertuples():
        n = size.get(r.status)
        if not n or len(n) != 1:
            continue  # (councils missing from some period's table: no one size)
        [n] = n
        for hidden, shown in (("n_councils", "n_flagged"), ("n_flagged", "n_councils")):
            if getattr(r, hidden) == "c" and getattr(r, shown) != "c":
                found.append(f"indicators: {r.measure} {r.period} {r.status}: {hidden} c is {n - int(getattr(r, shown))} "
                             f"(the group's {n} councils less {shown} {getattr(r, shown)})")
    # (b) the groups' councils from the DfE's figures of the study's councils and the published means
    dfe = out.parent / "study" / "indicators.csv"
    if not dfe.exists():
        return found
    v = _csv(dfe)
    v = v[v["value"] != ""].assign(value=lambda d: d["value"].astype(float))
    # rows of a group with no flag (0 published): its every council has a value there, so each row's subset is the group
    for status, rows in t[(t["n_councils"] != "c") & (t["mean"] != "c") & (t["n_flagged"] == "0")].groupby("status"):
        candidates = None
        for r in sorted(rows.itertuples(), key=lambda r: math.comb(
                len(v[(v["measure"] == r.measure) & (v["period"] == r.period)]), int(r.n_councils))):
            vals = v[(v["measure"] == r.measure) & (v["period"] == r.period)].set_index("council_id")["value"]
            k = int(r.n_councils)
            if candidates is None:
                if math.comb(len(vals), k) > _MAX_SUBSETS:
                    break
                candidates = [frozenset(c) for c in itertools.combinations(vals.index, k)
                              if _rounds_to(sum(vals[list(c)]) / k, r.mean)]
            else:
                candidates = [c for c in candidates if len(c & set(vals.index)) == k
                              and _rounds_to(sum(vals[list(c & set(vals.index))]) / k, r.mean)]
            if len(candidates) <= 1:
                break
        if candidates is not None and len(candidates) == 1:
            found.append(f"membership: {status}: councils {sorted(candidates[0])} (from the published means and the "
                         f"DfE's figures)")
    return found


def attack(out: Path) -> list[str]:
    prov = json.loads((out / "provenance.json").read_text())
    return _workbook(out, prov["tables"]) + _share_rows(out) + _extra(out) + _statements(out) + _indicators(out)


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print("==", arg)
        for line in attack(Path(arg)):
            print(" ", line)
