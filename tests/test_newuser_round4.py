"""What a new user met importing impact into their own study (newuser4): `impact run` warning that it was itself
called the deprecated way, a bare KeyError for an interview the study does not have, a person's coding (unit, code)
refused by `read_coded` without saying which reader takes it, codes no codebook has read from such a file without a
word, and a folder's path passed where a loaded Study is asked refused without saying how to load it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

import impact
from impact.errors import InputError, ValidationError

PACKAGE = Path(impact.__file__).resolve().parent


@pytest.fixture(scope="module")
def example():
    return impact.load_study(impact.example_path(), validate=False)


# --------------------------------------------------------------------------- 1. impact calls itself by keyword
def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(module: str, level: int, name: str | None, here: str, is_package: bool) -> str:
    if not level:
        return name or ""
    base = here.split(".") if is_package else here.split(".")[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _keyword_only_calls():
    """Every call inside impact of a function whose parameters became keyword-only (impact._keywords.keyword_only)
    that passes one of them by position: each would warn the user of a deprecation they did not commit. Read from
    the source alone (importing every module to look would take seconds)."""
    texts = {path: path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))}
    marked: dict[tuple[str, str], int] = {}  # (module, function) -> how many parameters it takes by position
    for path, text in texts.items():
        if "@keyword_only" not in text:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef) and any(
                    isinstance(d, ast.Call) and getattr(d.func, "id", "") == "keyword_only" for d in node.decorator_list):
                marked[_module_name(path), node.name] = len(node.args.posonlyargs) + len(node.args.args)
    by_name = {name: n for (_, name), n in marked.items()}  # `impact.run`: the package re-exports them by name

    def allowed(module: str | None, name: str) -> int | None:
        if module == PACKAGE.name:
            return by_name.get(name)
        return marked.get((module, name))

    called = re.compile(r"\b(?:" + "|".join(sorted(by_name)) + r")\b")
    found = []
    for path, text in texts.items():
        if not called.search(text):  # parsed only where a marked function is named (imported, called)
            continue
        tree = ast.parse(text)
        here = _module_name(path)
        names: dict[str, tuple[str, str | None]] = {}  # local name -> (module, attribute, or None for a module)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(node.module or "", node.level, node.module, here, path.name == "__init__.py")
                for alias in node.names:
                    names[alias.asname or alias.name] = (source, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    names[alias.asname or alias.name.split(".")[0]] = (alias.name if alias.asname else
                                                                       alias.name.split(".")[0], None)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or any(isinstance(a, ast.Starred) for a in node.args):
                continue
            n = None
            if isinstance(node.func, ast.Name):
                module, attr = names.get(node.func.id, (here, node.func.id))
                n = allowed(module, attr) if attr else None
            elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                module, attr = names.get(node.func.value.id, (None, None))
                if module is not None:
                    n = allowed(module if attr is None else f"{module}.{attr}", node.func.attr)
            if n is not None and len(node.args) > n:
                found.append(f"{path.relative_to(PACKAGE.parent).as_posix()}:{node.lineno}")
    return found


def test_impact_passes_keyword_only_arguments_by_keyword():
    # `impact run STUDY --out DIR` printed "impact run: warning: impact.run: passing `out_dir` by position is
    # deprecated" to every user: the command called impact.run(study, args.out)
    assert _keyword_only_calls() == []


def test_the_scan_finds_a_positional_call(tmp_path, monkeypatch):
    # the scan above is no test unless it sees such a call: one written into a module of the package's shape
    pkg = tmp_path / "impact"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "pipeline.py").write_text("@keyword_only('out_dir')\ndef run(study, *, out_dir):\n    pass\n")
    (pkg / "mod.py").write_text("from impact.pipeline import run as go\n\ndef f(s, d):\n    return go(s, d)\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", pkg)
    assert _keyword_only_calls() == ["impact/mod.py:4"]
    (pkg / "mod.py").write_text("import impact\n\nimpact.run(1, out_dir=2)\nimpact.run(1, 2)\n")
    assert _keyword_only_calls() == ["impact/mod.py:4"]


# --------------------------------------------------------------------------- 2. an interview the study lacks
def test_transcript_of_an_unknown_interview_is_impacts_error(example):
    with pytest.raises(InputError) as err:
        example.transcript("I0201-01")
    message = str(err.value)
    assert "'I0201-01'" in message and "(did you mean 'I0201-010' or 'I0201-011'?)" in message, message
    assert not message.startswith('"')  # not a KeyError's quoted repr
    assert isinstance(err.value, KeyError)  # an `except KeyError` written for the old error still catches it


# --------------------------------------------------------------------------- 3. a person's coding
def _person_file(tmp_path, rows):
    path = tmp_path / "ann.csv"
    pd.DataFrame(rows, columns=["unit", "code"]).to_csv(path, index=False)
    return path


def test_read_coded_names_the_reader_of_a_persons_coding(tmp_path):
    path = _person_file(tmp_path, [("I0201-001:1", "morale")])
    with pytest.raises(InputError) as err:
        impact.read_coded(path)
    assert "impact.read_codings" in str(err.value), str(err.value)


def test_read_codings_checks_codes_against_the_studys_codebook(tmp_path, example):
    # 'practice' and 'leadership' are in no NFER code: read without a word, then left out of the agreement as if
    # the coder had never coded those units
    path = _person_file(tmp_path, [("I0201-001:1", "morale"), ("I0201-001:2", "practice"),
                                   ("I0201-001:3", "leadership")])
    with pytest.raises(ValidationError) as err:
        impact.read_codings(path, example)
    message = str(err.value)
    assert "2 problems found" in message and "ann.csv:3:code: 'practice'" in message, message
    assert "ann.csv:4:code: 'leadership'" in message and "ann.csv:2:" not in message, message


def test_read_codings_reads_the_studys_codes(tmp_path, example):
    path = _person_file(tmp_path, [("I0201-001:1", "morale"), ("I0201-001:2", "partnership")])
    codings = impact.read_codings(path, example)
    assert codings["code"].tolist() == ["morale", "partnership"]


# --------------------------------------------------------------------------- 4. a path where a Study is asked
@pytest.mark.parametrize("given", [str(impact.example_path()), impact.example_path()], ids=["str", "Path"])
def test_a_path_given_for_a_study_says_how_to_load_it(given):
    with pytest.raises(TypeError) as err:
        impact.describe_study(given)
    assert "impact.load_study(" in str(err.value) and "first" in str(err.value), str(err.value)


# --------------------------------------------------------------------------- 5. waves named in their order
def test_a_misspelt_wave_lists_the_waves_in_the_studys_order(tmp_path):
    # 'expected one of ['early', 'expectations', 'longer_term']' put the alphabet's order on the waves, the baseline
    # second; a study whose waves the alphabet would reverse shows which order is meant
    import shutil

    study_dir = tmp_path / "study"
    shutil.copytree(impact.example_path(), study_dir, ignore=shutil.ignore_patterns("transcripts"))
    (study_dir / "transcripts").mkdir()
    yaml = (study_dir / "study.yaml").read_text(encoding="utf-8")
    for old, new in (("id: expectations", "id: zeta"), ("id: early", "id: mid"), ("id: longer_term", "id: alpha")):
        yaml = yaml.replace(old, new)
    (study_dir / "study.yaml").write_text(yaml, encoding="utf-8")
    rows = (study_dir / "interviews.csv").read_text(encoding="utf-8").splitlines()
    cells = rows[1].split(",")
    cells[rows[0].split(",").index("wave")] = "beta"
    (study_dir / "interviews.csv").write_text("\n".join(rows[:2]).replace(rows[1], ",".join(cells)) + "\n",
                                              encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        impact.load_study(study_dir)
    said = [p.expected for p in err.value.errors if p.file == "interviews.csv" and p.column == "wave"]
    assert len(said) == 1 and said[0].startswith("one of ['zeta', 'mid', 'alpha']"), said


# --------------------------------------------------------------------------- 7. impact's panels keep the study's wave order
@pytest.fixture(scope="module")
def planted_panel(example):
    # planted: nobody reports morale before the review, every participant interviewed after it does
    iv = example.interviews
    after = iv[iv["wave"] != "expectations"]
    coded = pd.DataFrame({"unit": after["interview_id"] + ":1", "code": "morale"})
    return impact.council_panel(example, coded, codes=["morale"])


def test_change_over_time_on_impacts_panel_follows_the_studys_waves(example, planted_panel):
    # the example's waves in time order are expectations, early, longer_term; as text the alphabet put early first
    # and measured the change from early (all reported) to longer_term, with only a warning
    import warnings

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        res = impact.change_over_time(planted_panel, outcome="reported", time="wave", unit="council_id", by="code")
    assert not [w for w in seen if issubclass(w.category, impact.StatisticalWarning)], [str(w.message) for w in seen]
    row = res.iloc[0]
    assert (row["time_first"], row["time_last"]) == ("expectations", "longer_term")
    assert (row["value_first"], row["value_last"]) == (0.0, 1.0)
    # complete cases counted independently: councils interviewed at every wave
    waves_seen = example.interviews.groupby("council_id")["wave"].nunique()
    assert row["n"] == int((waves_seen == len(example.wave_ids)).sum())
    people = impact.participant_panel(example, pd.DataFrame({"unit": ["I0201-001:1"], "code": ["morale"]}))
    assert people.attrs["order"]["wave"] == example.wave_ids and people["wave"].dtype == planted_panel["wave"].dtype


@pytest.fixture(scope="module")
def reversed_waves(tmp_path_factory):
    """The example's councils and interviews in a study whose waves the alphabet reverses (zeta, mid, alpha), with
    morale planted as in `planted_panel`: reported by nobody at zeta and by everyone after."""
    import shutil

    src, study_dir = impact.example_path(), tmp_path_factory.mktemp("reversed") / "study"
    study_dir.mkdir()
    names = {"expectations": "zeta", "early": "mid", "longer_term": "alpha"}
    for name in ("councils.csv", "participants.csv", "reviews.csv", "status_history.csv"):
        shutil.copy(src / name, study_dir / name)
    yaml = (src / "study.yaml").read_text(encoding="utf-8")
    for old, new in names.items():
        yaml = re.sub(rf"\bid: {old}\b", f"id: {new}", yaml)
    (study_dir / "study.yaml").write_text(yaml, encoding="utf-8")
    iv = pd.read_csv(src / "interviews.csv", dtype=str, keep_default_na=False)
    iv.assign(wave=iv["wave"].map(names)).to_csv(study_dir / "interviews.csv", index=False)
    study = impact.load_study(study_dir, validate=False)
    after = study.interviews[study.interviews["wave"] != "zeta"]
    coded = pd.DataFrame({"unit": after["interview_id"] + ":1", "code": "morale"})
    return study, impact.council_panel(study, coded, codes=["morale"])


def test_a_panel_keeps_its_studys_wave_order_through_pandas(reversed_waves):
    # whatever the waves are called: change over time and the transitions read the order the panel keeps, after a
    # filter and a new column as an analyst makes them, with no `times`, `waves` or `study`
    import warnings

    study, panel = reversed_waves
    assert study.wave_ids == ["zeta", "mid", "alpha"]
    mine = panel[panel["code"] == "morale"].assign(any_report=panel["reported"].astype("Float64"))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        res = impact.change_over_time(mine, outcome="any_report", time="wave", unit="council_id")
    assert not [w for w in seen if issubclass(w.category, impact.StatisticalWarning)], [str(w.message) for w in seen]
    assert res.loc[0, ["time_first", "time_last", "value_first", "value_last"]].tolist() == ["zeta", "alpha", 0.0, 1.0]
    moves = impact.transition_matrix(panel)
    assert list(dict.fromkeys(zip(moves["from_wave"], moves["to_wave"]))) == [("zeta", "mid"), ("mid", "alpha")]
    # councils interviewed at zeta and at mid all moved from not reporting to reporting
    both = panel[panel["wave"].isin(["zeta", "mid"])].groupby("council_id")["interviewed"].all().sum()
    up = moves[(moves["from_wave"] == "zeta") & ~moves["from_state"] & moves["to_state"]]
    assert up["n"].tolist() == [both] and both > 20


# --------------------------------------------------------------------------- 8. a partial hand coding
def _segments(n_interviews: int, per: int) -> pd.DataFrame:
    ids = [f"I{i:02d}" for i in range(n_interviews)]
    return pd.DataFrame({"segment_id": [f"{i}:{k}" for i in ids for k in range(1, per + 1)],
                         "interview_id": [i for i in ids for _ in range(per)]})


def _coding(units: list[str], score: bool = False) -> pd.DataFrame:
    out = pd.DataFrame({"unit": units, "code": ["morale"] * len(units)})
    return out.assign(score=0.9) if score else out


def test_a_partial_hand_coding_compared_as_full_is_told():
    # 8 of 192 segments coded by hand, in 2 of the 24 interviews, beside a machine coding every interview: with the
    # default uncoded='absent' the other 184 counted as read by ann and found empty, and kappa was low without a word
    segments = _segments(24, 8)
    machine = _coding([f"I{i:02d}:{k}" for i in range(24) for k in (1, 5)], score=True)
    ann = _coding([f"I00:{k}" for k in range(1, 5)] + [f"I01:{k}" for k in range(1, 5)])
    with pytest.warns(impact.StatisticalWarning) as seen:
        impact.coding_to_units({"ann": ann, "machine": machine}, units=segments)
    told = [str(w.message) for w in seen if "coded 8 units" in str(w.message)]
    assert len(told) == 1, [str(w.message) for w in seen]
    assert "coder 'ann' coded 8 units in 2 of the 24 interviews compared (8%)" in told[0], told[0]
    assert "uncoded='missing'" in told[0] and "all 192 units" in told[0] and "'machine'" not in told[0], told[0]
    # a person who coded in most interviews (as sparsely as the machine), or uncoded='missing': nothing to tell
    import warnings

    full = _coding([f"I{i:02d}:2" for i in range(14)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        impact.coding_to_units({"ann": full, "machine": machine}, units=segments)
        impact.coding_to_units({"ann": ann, "machine": machine}, units=segments, uncoded="missing")


# --------------------------------------------------------------------------- 10. the codes an unknown code is checked against
def test_an_unknown_code_names_the_codebook_it_is_checked_against(tmp_path, example):
    # "expected one of the codebook's codes [...35 codes of three codebooks...]": the impacts codebook's codes, then
    # the other codebooks whose codes are taken too, by name and count
    from impact.coding import Codebook
    from impact.process import PROCESS_CODEBOOK

    path = _person_file(tmp_path, [("I0201-001:1", "moral")])
    with pytest.raises(ValidationError) as err:
        impact.read_codings(path, example)
    message = str(err.value)
    impacts, process, themes = (Codebook.load(b) for b in (Codebook.for_study(example).id, PROCESS_CODEBOOK,
                                                           "review_themes"))
    assert f"one of the codebook's codes {impacts.code_ids} ({impacts.id!r}), or of the codebooks " in message, message
    assert f"{process.id!r} ({len(process.code_ids)} codes) and 'review_themes' ({len(themes.code_ids)} codes)" in message
    assert not set(process.code_ids) & set(re.findall(r"'(\w+)'", message)), message  # none of them listed
    assert message.rstrip().endswith("(did you mean 'morale'?)"), message
    # a list of codes of no codebook: its first ten and how many
    with pytest.raises(ValidationError) as err:
        impact.read_codings(path, example, codes=[f"theme_{i:02d}" for i in range(31)])
    assert "'theme_09', ...] (the first 10 of 31)" in str(err.value) and "theme_10" not in str(err.value), str(err.value)
