"""Disclosure round 76: what the channels beside the tables tell an intruder, audited on the report's own ledger.

Earlier rounds attacked the tables (the CSVs; Word, workbook and web page share one model) and provenance.json with an
integer programme. This reads what a bundle publishes elsewhere, as an intruder reads it, turns each statement into
the relation it gives between counts, and asks the report's :class:`~impact.privacy.DisclosureLedger` (pickled beside
the bundle by :mod:`bench.disclosure76_attack.studies`, with every relation the report told it of) what each hidden
count is then left: a hidden count whose interval becomes shorter than the threshold, and shorter than the ledger
left it, is narrowed by that channel.

Channels read (each relation true of the study by construction; ``--truth`` checks every one on the true counts):

* ``quotes``: the quotes' attributions (tables/quotes.csv, as the report prints them). A label naming a wave and a
  status (a level, or a group) is given only where the quotes under it come from ``quote_k`` councils or more, so at
  least ``quote_k`` councils of that status were interviewed at that wave (and as many participants); and at most one
  statement is quoted per council and impact, so the quotes of an impact under the labels of one wave and status
  group are of that many participants reporting it there at least;
* ``caveat``: the summary's caveat on the validation warnings ("K of the N participants and J of the M councils
  were not interviewed at every wave"): the study's participants N (each wave's interviewed and not interviewed add
  up to it), at most K of them missing at any one wave, and the councils interviewed at every wave, M - J;
* ``figures``: figures.json (what each figure plots, as the build handed it to matplotlib), every number a figure
  draws or prints against the numbers the tables publish (a figure is checked, not audited: it has no relation).

``python -m bench.disclosure76_attack.channels OUT/<name> [...] [--truth]``
"""

from __future__ import annotations

import argparse
import html as _html
import json
import math
import pickle
import re
from pathlib import Path

import pandas as pd
import yaml

_GROUPS = {"council not in intervention": "no_intervention", "council in intervention": "intervention",
           "council under a notice to improve": "intervention", "council under statutory direction": "intervention"}
_LEVELS = {"council not in intervention": "none", "council under a notice to improve": "notice",
           "council under statutory direction": "direction"}


def _text(out: Path) -> str:
    t = (out / "report.html").read_text(encoding="utf-8")
    t = re.sub(r"<style.*?</style>|<script.*?</script>", " ", t, flags=re.S)
    return " ".join(_html.unescape(re.sub(r"<[^>]+>", " ", t)).split())


def quote_facts(folder: Path) -> list[tuple]:
    """The relations the quotes' attributions give, as (key, least): key >= least."""
    out = folder / "out"
    q = out / "tables" / "quotes.csv"
    if not q.exists():
        return []
    quotes = pd.read_csv(q, dtype=str, encoding="utf-8-sig")
    m = re.search(r"Fewest councils sharing a quote's attribution (\d+)", _text(out))
    k = int(m.group(1)) if m else 5
    study = yaml.safe_load((folder / "study" / "study.yaml").read_text())
    wave_of = {w["label"].lower(): w["id"] for w in study["waves"]}
    facts: dict[tuple, float] = {}
    per_impact: dict[tuple, int] = {}
    for label, rows in quotes.groupby("attribution"):
        parts = [p.strip() for p in label.split(", ")]
        status = next((p for p in parts if p in _GROUPS), None)
        wave = next((wave_of[p.lower()] for p in parts if p.lower() in wave_of), None)
        if status is None or wave is None:
            continue
        g = _GROUPS[status]
        for key in (("councils_interviewed_group", wave, g), ("participants_group", wave, g)):
            facts[key] = max(facts.get(key, 0), k)
        if status in _LEVELS:
            facts[("councils_level", wave, _LEVELS[status])] = max(facts.get(("councils_level", wave, _LEVELS[status]), 0), k)
        for code, n in rows["impact"].value_counts().items():
            per_impact[("with", "reported", code, wave, g)] = per_impact.get(("with", "reported", code, wave, g), 0) + n
    facts.update(per_impact)
    return [(key, v) for key, v in facts.items()]


def caveat_facts(folder: Path) -> tuple[list[tuple], dict]:
    """The caveat's relations: ((key, least) bounds, {key: value} published)."""
    t = _text(folder / "out")
    bounds, fixed = [], {}
    m = re.search(r"([\d,]+) of the ([\d,]+) participants(?: \(([\d,]+) at no wave\))?", t)
    if m and "not interviewed at every wave" in t:
        k, n = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
        fixed[("participants_all",)] = n
        bounds.append((("participants_every_wave",), n - k))
    m = re.search(r"([\d,]+) of the ([\d,]+) councils(?: \(([\d,]+) at no wave\))? were not interviewed", t)
    if m:
        fixed[("councils_every_wave",)] = int(m.group(2).replace(",", "")) - int(m.group(1).replace(",", ""))
    return bounds, fixed


def audit(led, bounds: list[tuple], fixed: dict, *, truth: bool = False) -> dict:
    """Each hidden count the channel's relations narrow: key -> (interval before, after, true value)."""
    from impact.privacy._ledger import _narrower

    base = led._audited()
    hidden = set(base._hidden)
    told = base._copy()
    waves = list(dict.fromkeys(k[1] for k in told.values if isinstance(k, tuple) and k[0] == "participants"))
    for key, least in bounds:
        if key == ("participants_every_wave",):
            # those interviewed at every wave were interviewed at each: at most each wave's participants
            told.count(("channel_least",) + key, least, public=True)
            for w in waves:
                told.at_most(("channel_least",) + key, ("participants", w))
            continue
        if key not in told.values:
            continue
        told.count(("channel_least",) + key, least, public=True)
        told.at_most(("channel_least",) + key, key)
    for key, v in fixed.items():
        if key in told.values:
            if truth and told.values[key] != v:
                raise AssertionError(f"{key}: published {v}, true {told.values[key]}")
            hidden.discard(key)
    told._hidden = hidden
    if truth:
        for key, least in bounds:
            true = told.values.get(key)
            if true is not None and true < least:
                raise AssertionError(f"{key}: at least {least} read, true {true}")
    keys = [k for k in hidden if k not in told.auxiliary]
    after = told._ranges(hidden, keys)
    out = {}
    for k in keys:
        own = base._range(base._hidden, k)
        lo, hi = after[k]
        if _narrower(lo, hi, own, led.threshold):
            out[k] = (own, (lo, hi), led.values[k])
    return out


def _widen(union: dict, got: dict | None) -> None:
    """Add to ``union`` (key -> (lo, hi)) the ranges ``got`` of one guess not ruled out."""
    for k, (lo, hi) in (got or {}).items():
        old = union.get(k)
        union[k] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))


def _narrowed(led, union: dict) -> dict:
    """The hidden counts (not the unpublished quantities) ``union`` leaves shorter than the threshold and shorter than
    the ledger does: key -> (interval before, after, true value)."""
    from impact.privacy._ledger import _narrower

    base, out = led._audited(), {}
    for k, (lo, hi) in union.items():
        if k in led.auxiliary or not led.hidden(k):
            continue
        own = base.interval(k)
        if _narrower(lo, hi, own, led.threshold):
            out[k] = (own, (lo, hi), led.values[k])
    return out


def _best_placed(sizes: dict[str, tuple[int, int]], later: list[str], alpha: float):
    """What the methods' limitation says of the comparisons by intervention status given each later wave's councils
    interviewed (not in intervention, in it): (the waves it names as best placed, whether a test can reach alpha),
    as :func:`impact.report._build._detectable` decides it; None where no wave has councils on both sides."""
    rows = [(w, a, b) for w, (a, b) in sizes.items() if a > 0 and b > 0]
    if not rows:
        return None
    best = max((min(a, b), a + b) for _, a, b in rows)
    tied = [w for w in later if any(r[0] == w and (min(r[1], r[2]), r[1] + r[2]) == best for r in rows)]
    a, b = next((a, b) for w, a, b in rows if w == tied[0])
    return tied, min(1.0, 2 / math.comb(a + b, b)) <= alpha


def detectable_claim(folder: Path) -> tuple[list[str] | None, bool] | None:
    """What the limitations say of the comparisons by intervention status: (the waves named best placed, None where
    none is named; whether a comparison can reach significance); None where the sentence is not there."""
    t = _text(folder / "out")
    study = yaml.safe_load((folder / "study" / "study.yaml").read_text())
    short = {w["label"].split(" (")[0].lower(): w["id"] for w in study["waves"]}
    if "every comparison of councils by intervention status is suppressed" in t:
        return None, True
    m = re.search(r"with one status group too small to publish its number of councils even (.+?)"
                  r"(?:, the later waves equally best placed to detect a difference)?, "
                  r"(no comparison of councils by intervention status can reach significance|a comparison of councils)",
                  t)
    if not m:
        return None
    named = [short[x] for x in re.findall(r"at ([^,;]+?)(?= and at |$)", m.group(1))]
    return named, m.group(2).startswith("a comparison")


def detectable_audit(folder: Path, led, alpha: float = 0.05) -> dict:
    """Each hidden count the limitation on the comparisons narrows: every split of the later waves' councils
    interviewed by status group the ledger leaves open is tried, those giving the sentence published are kept, and
    each hidden count is left the union of its ranges over them (:meth:`~impact.privacy.DisclosureLedger.ranges_given`).
    key -> (interval before, after, true value)."""
    import itertools


    claim = detectable_claim(folder)
    if claim is None:
        return {}
    study = yaml.safe_load((folder / "study" / "study.yaml").read_text())
    waves = [w["id"] for w in study["waves"]]
    later = [w for w in waves[1:] if ("councils_interviewed", w) in led.values and led.values[("councils_interviewed", w)] > 0]
    base = led._audited()
    keys = {w: ("councils_interviewed_group", w, "intervention") for w in later}
    options = {}
    for w, k in keys.items():
        if k not in led.values:
            options[w] = [0]
        elif not led.hidden(k):
            options[w] = [int(led.values[k])]
        else:
            lo, hi = base.interval(k)
            options[w] = list(range(math.ceil(lo - 1e-6), math.floor(hi + 1e-6) + 1))
    union: dict = {}
    for combo in itertools.product(*(options[w] for w in later)):
        sizes = {w: (int(led.values[("councils_interviewed", w)]) - b, b) for w, b in zip(later, combo)}
        said = _best_placed(sizes, later, alpha)
        if said is None or said[1] != claim[1] or (claim[0] is not None and said[0] != claim[0]):
            continue
        guess = {keys[w]: float(b) for w, b in zip(later, combo) if keys[w] in led.values}
        got = led.ranges_given(guess)
        if got is None:
            continue
        _widen(union, got)
    return _narrowed(led, union)


def few_audit(folder: Path, led) -> dict:
    """Each hidden count the statement "fewer than F councils in a status group at every wave" narrows, wave by wave
    (each wave's two groups tried over the ledger's intervals, those with the smaller group under F kept, the union
    of :meth:`~impact.privacy.DisclosureLedger.ranges_given` over them: an intruder using each wave alone, a weaker one
    than holding every wave at once, so what it finds is found)."""
    import itertools


    m = re.search(r"fewer than (\d+) in a status group at every wave", _text(folder / "out"))
    if not m:
        return {}
    few = int(m.group(1))
    base = led._audited()
    out = {}
    for w in dict.fromkeys(k[1] for k in led.values if isinstance(k, tuple) and k[0] == "councils_interviewed_group"):
        keys = [("councils_interviewed_group", w, g) for g in ("no_intervention", "intervention")]
        if not all(k in led.values for k in keys) or not any(led.hidden(k) for k in keys):
            continue
        options = []
        for k in keys:
            lo, hi = base.interval(k) if led.hidden(k) else (led.values[k],) * 2
            options.append(range(math.ceil(lo - 1e-6), math.floor(hi + 1e-6) + 1))
        union: dict = {}
        for a, b in itertools.product(*options):
            if min(a, b) >= few:
                continue
            _widen(union, led.ranges_given({k: float(v) for k, v in zip(keys, (a, b)) if led.hidden(k)}))
        out.update(_narrowed(led, union))
    return out


def files_check(folder: Path) -> list[str]:
    """What the Word file, the workbook and the web page hold beside what they show: comments, footnotes, custom
    properties, hidden sheets, rows and columns, defined names other than print titles and filters, charts, a numeric
    cell whose stored value no CSV table publishes (to 2 decimals: a rounded format over an exact count), hidden
    elements, title and data attributes that are not a column's heading; each found, as a line."""
    import zipfile

    import openpyxl

    out = folder / "out"
    found = []
    with zipfile.ZipFile(out / "report.docx") as z:
        for name in z.namelist():
            if any(part in name for part in ("comments", "footnotes", "endnotes", "custom.xml", "people.xml")):
                found.append(f"report.docx holds {name}")
        core = z.read("docProps/core.xml").decode()
        found += [f"report.docx core property: {m}" for m in re.findall(r">([^<]*\d[^<]*)<", core)
                  if not re.match(r"\d{4}-\d\d-\d\dT", m) and "impact 0" not in m and m != "1"]  # (the revision)
    with zipfile.ZipFile(out / "tables.xlsx") as z:
        for name in z.namelist():
            if any(part in name for part in ("comments", "charts/", "drawings/", "pivot", "externalLink")):
                found.append(f"tables.xlsx holds {name}")
    published = _numbers(out / "tables")
    book = openpyxl.load_workbook(out / "tables.xlsx")
    for name, dn in book.defined_names.items():
        found.append(f"tables.xlsx defined name {name}: {dn.attr_text}")
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            found.append(f"tables.xlsx sheet {ws.title} {ws.sheet_state}")
        for k, dim in ws.row_dimensions.items():
            if dim.hidden:
                found.append(f"tables.xlsx {ws.title} row {k} hidden")
        for k, dim in ws.column_dimensions.items():
            if dim.hidden:
                found.append(f"tables.xlsx {ws.title} column {k} hidden")
        for dn in getattr(ws, "defined_names", {}).values():
            if not dn.name.startswith("_xlnm."):
                found.append(f"tables.xlsx {ws.title} defined name {dn.name}: {dn.attr_text}")
        if ws.title == "Notes":
            continue
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and \
                        not any(abs(v - p) <= 0.005 + 1e-9 or abs(v / 100 - p) <= 0.005 + 1e-9 for p in published):
                    # (percentage points are stored as 100 times the CSV's fraction)
                    found.append(f"tables.xlsx {ws.title}!{cell.coordinate} = {v!r} ({cell.number_format})")
        if ws.legacy_drawing is not None:
            found.append(f"tables.xlsx {ws.title} has a legacy drawing (comments)")
    page = (out / "report.html").read_text(encoding="utf-8")
    for m in re.finditer(r"<[^>]*(?:hidden|display:\s*none|visibility:\s*hidden)[^>]*>", page):
        found.append(f"report.html hidden element: {m.group(0)[:120]}")
    for m in re.finditer(r' (title|data-(?!label)[\w-]+)="([^"]*)"', page):
        found.append(f"report.html attribute {m.group(1)}={m.group(2)[:80]!r}")
    return found


def _numbers(tables: Path) -> set[float]:
    """Every number the CSV tables publish."""
    out: set[float] = set()
    for f in tables.glob("*.csv"):
        for v in pd.read_csv(f, dtype=str, encoding="utf-8-sig").to_numpy().ravel():
            try:
                out.add(float(v))
            except (TypeError, ValueError):
                pass
    return {x for x in out if math.isfinite(x)}


def figure_numbers(folder: Path) -> list[tuple[str, float]]:
    """Numbers each figure prints in its texts (shares as fractions, counts after 'n=') or draws as a bar, that no
    table publishes (to the figure's rounding)."""
    figs = json.loads((folder / "figures.json").read_text())
    published = _numbers(folder / "out" / "tables")
    odd = []

    def known(x: float, digits: int) -> bool:
        return any(abs(x - p) <= 0.5 * 10 ** -digits + 1e-9 for p in published)

    for i, fig in enumerate(figs):
        for ax in fig["axes"]:
            ticks = set(ax["xticklabels"]) | set(ax["yticklabels"])
            for t in ax["texts"]:
                if t in ticks:
                    continue
                for m in re.finditer(r"(-?\d+(?:\.\d+)?)%", t):
                    if not known(float(m.group(1)) / 100, len(m.group(1).split(".")[1]) + 2 if "." in m.group(1) else 2):
                        odd.append((f"figure {i} text", t))
                for m in re.finditer(r"n=([\d,]+)", t):
                    if not known(float(m.group(1).replace(",", "")), 0):
                        odd.append((f"figure {i} n", t))
            for _x, _y, w, h in ax["bars"]:
                for v in (w, h):
                    # a whole number of more than 1 (a count; a span of dates is 365 days or more)
                    if 1 < v < 365 and abs(v - round(v)) < 1e-9 and not known(v, 0):
                        odd.append((f"figure {i} bar", v))
            horizontal = "Councils" not in ax["xlabel"] and any(len(t) > 12 for t in ax["yticklabels"])
            for ln in ax["lines"]:  # a line's points (a reference line of two points at the axis' ends aside)
                # a forest plot's lines run across (x the estimate or an interval's end, in percentage points or on
                # the log-odds scale; y the row's place), the others up (x a wave or a date)
                values = ln["x"] if horizontal else ln["y"]
                for v in values:
                    if math.isfinite(v) and not (known(v, 2) or known(v / 100, 2)) and \
                            not any(abs(v - e) < 1e-9 for e in ax["xlim" if horizontal else "ylim"]):
                        odd.append((f"figure {i} line {ln['label']!r}", v))
            for c in ax["collections"]:
                if c["type"] == "QuadMesh" and c["array"] and len(c["array"]) < 200:
                    for v in c["array"]:
                        if v is not None and not known(v, 2):  # the tables give shares to 2 decimals
                            odd.append((f"figure {i} cell", v))
    return odd


def main(argv=None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("folders", nargs="+")
    p.add_argument("--truth", action="store_true")
    a = p.parse_args(argv)
    for f in map(Path, a.folders):
        led = pickle.loads((f / "ledger.pickle").read_bytes())
        qb = quote_facts(f)
        cb, cf = caveat_facts(f)
        print(f"{f.name}: hidden {sum(1 for k in led.values if led.hidden(k) and k not in led.auxiliary)}; "
              f"quote bounds {len(qb)}, caveat {cf} {cb}")
        for name, bounds, fixed in (("quotes", qb, {}), ("caveat", cb, cf), ("both", qb + cb, cf)):
            found = audit(led, bounds, fixed, truth=a.truth)
            print(f"  {name}: {len(found)} narrowed")
            for k, (own, after, true) in sorted(found.items(), key=str):
                print(f"    {k}: {own} -> {after} (true {true:g})")
        claim = detectable_claim(f)
        found = detectable_audit(f, led)
        print(f"  limitation on the comparisons ({claim}): {len(found)} narrowed")
        for k, (own, after, true) in sorted(found.items(), key=str):
            print(f"    {k}: {own} -> {after} (true {true:g})")
        found = few_audit(f, led)
        print(f"  'fewer than F in a status group at every wave': {len(found)} narrowed")
        for k, (own, after, true) in sorted(found.items(), key=str):
            print(f"    {k}: {own} -> {after} (true {true:g})")
        for line in files_check(f):
            print(f"  file part: {line}")
        for where, v in figure_numbers(f):
            print(f"  figure number not in a table: {where}: {v!r}")


if __name__ == "__main__":
    main()
