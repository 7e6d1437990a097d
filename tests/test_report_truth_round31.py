"""Report truth, round 31: round 30's open items (a column that says the same on every row of the comparisons by
intervention status; lists of lists in prose), and whole reports read on new seeds (31301, 5 councils; 31302, 12
councils, null; 31303, 40 councils, notices entered and lifted; 31304, 8 councils, one under a direction; 31305, 150
councils, 2 interviews a wave). Each test is built from a small generated study or planted values, not from one
seed's numbers."""

from __future__ import annotations

import html
import re
import zipfile

import numpy as np
import pandas as pd
import pytest


@pytest.fixture(scope="module")
def twelve():
    """12 councils, 3 interviews each a wave, analysed with the planted coding, the comparisons by status only (6 s
    CPU): every row of its comparisons has shares tied enough for the difference in means."""
    from conftest import analysed_synthetic

    return analysed_synthetic(12, 31310, parts=["comparisons"], interviews_per_wave=3, words_per_interview=80)


@pytest.fixture(scope="module")
def followed():
    """12 councils analysed with the planted coding, comparisons and change only (about 6 s CPU), every council's
    notice issued or lifted between the waves or never: none is in intervention at every wave, some are out of it at
    every wave."""
    from conftest import analysed_synthetic

    return analysed_synthetic(12, 31311, parts=["comparisons", "change"], interviews_per_wave=3,
                              words_per_interview=80, intervention_paths={"never": 0.5, "lifted": 0.25,
                                                                          "entered": 0.25})


@pytest.fixture(scope="module")
def one_alone():
    """8 councils, one under a notice at every wave and the rest never, the models only (about 7 s CPU)."""
    from conftest import analysed_synthetic

    return analysed_synthetic(8, 31307, parts=["models"], interviews_per_wave=3, words_per_interview=80,
                              intervention_paths={"never": 0.85, "throughout": 0.15})


@pytest.fixture(scope="module")
def two_alone():
    """20 councils, two under a notice at every wave and the rest never, the models only (about 9 s CPU): few councils
    in intervention, as :func:`one_alone`, but enough in all for most models to be shown (disclosure53 withholds
    every model of :func:`one_alone`)."""
    from conftest import analysed_synthetic

    return analysed_synthetic(20, 31307, parts=["models"], interviews_per_wave=3, words_per_interview=80,
                              intervention_paths={"never": 0.95, "throughout": 0.05})


def _ctx(findings, **replaced):
    import dataclasses

    from impact.report._build import _Ctx, _declare

    ctx = _Ctx(dataclasses.replace(findings, **replaced), False, 1, 5, None)
    _declare(ctx)  # the counts the tables publish, as the report declares them before building
    return ctx


def _rendered(section, folder, vocabulary, name="comparisons"):
    """The section rendered alone (web page, Word, workbook, CSV and data dictionary) into ``folder``: what each
    says of the comparisons table, as (html text, docx text, workbook headings, CSV frame, dictionary frame)."""
    import openpyxl

    from impact.report import Report, Table, render

    render(Report("Round 31", "comparisons", {}, [section], vocabulary=vocabulary), folder)
    page = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", (folder / "report.html").read_text())))
    with zipfile.ZipFile(folder / "report.docx") as z:
        word = re.sub(r"<[^>]+>", " ", z.read("word/document.xml").decode("utf-8"))
    number = 1 + [b.name for b in section.blocks if isinstance(b, Table)].index(name)
    sheet = openpyxl.load_workbook(folder / "tables.xlsx")[f"Table {number}"]
    # a heading's words as read, whatever line breaks the workbook sets in its cell (render56 breaks more of them)
    heads = [re.sub(r"\s+", " ", c.value) if isinstance(c.value, str) else c.value
             for c in next(sheet.iter_rows(min_row=1, max_row=1))]
    csv = pd.read_csv(folder / "tables" / f"{name}.csv", encoding="utf-8-sig")
    dictionary = pd.read_csv(folder / "tables" / "data_dictionary.csv", encoding="utf-8-sig")
    return page, word, heads, csv, dictionary


# --------------------------------------------------------------------------- 1. a column every row agrees on
@pytest.mark.parametrize("mixed", [False, True])
def test_a_column_saying_the_same_on_every_row_is_in_the_csv_only(twelve, tmp_path, mixed):
    """One estimate serves the whole comparisons table (impact.pipeline._status_comparisons), so its column
    'Difference estimated as' said 'Difference in means' on every row, beside the methods sentence that says it once.
    It is now left out of the web page, the Word report and the workbook, and kept in tables/comparisons.csv (each row
    says what its difference is, for a program reading the CSV alone) and in the data dictionary. Planted: where the
    rows do differ (one row's estimate changed to the Hodges-Lehmann shift), the column is shown."""
    from impact.report._build import _comparisons

    _, _, f = twelve
    c = f.comparisons.copy()
    assert c["difference_type"].nunique() == 1  # the design: one estimate for the whole table
    if mixed:
        c.loc[c.index[0], "difference_type"] = "hodges_lehmann" if c["difference_type"].iloc[0] != "hodges_lehmann" \
            else "mean_difference"
    ctx = _ctx(f, comparisons=c)
    page, word, heads, csv, dictionary = _rendered(_comparisons(ctx), tmp_path, ctx.vocabulary)
    assert sorted(csv["difference_type"]) == sorted(c["difference_type"])  # every row says its estimate
    assert ((dictionary["table"] == "comparisons") & (dictionary["column"] == "difference_type")).sum() == 1
    shown = mixed
    assert ("Difference estimated as" in heads) == shown, heads
    # the heading, and each row's value under it, in the web page and the Word report
    for text in (page, word):
        assert ("Difference estimated as" in text) == shown
    # the methods sentence names the one estimate, or says the column tells which row shows which
    assert ("The column 'Difference estimated as' says which each row shows" in page) == shown


def test_the_change_table_names_its_one_test_once_and_says_which_status_group_has_no_row(followed, tmp_path):
    """The change across the waves named 'Friedman test' on every row (the test follows from the number of waves), and
    a table 'by status group' held councils not in intervention alone, without a word why (seed 31303, 40 councils
    whose notices were issued or lifted between waves). The test is now named once, above the table, and kept in the
    CSV; a status group with no council interviewed at every wave and in that group at each is said to have no row.
    Which groups have such councils is counted here from the study's own status history and interviews."""
    from impact.report import Paragraph, Table
    from impact.report._build import STATUS_LABELS, _comparisons

    study, _, f = followed
    ctx = _ctx(f)
    section = _comparisons(ctx)
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "change_over_time")
    text = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    # councils followed within one group: interviewed at every wave, in the same status at each
    waves = study.wave_ids
    status = study.wave_status()[["council_id", "wave", "in_intervention"]]
    seen = study.interviews[["council_id", "wave"]].drop_duplicates().merge(status, on=["council_id", "wave"])
    per = seen.groupby("council_id").agg(n=("wave", "nunique"), lo=("in_intervention", "min"),
                                         hi=("in_intervention", "max"))
    followed_in = per[(per["n"] == len(waves)) & (per["lo"] == per["hi"])]
    groups = {"intervention" if v else "no_intervention" for v in followed_in["lo"].astype(bool)}
    assert groups == {"no_intervention"}  # the design: notices issued or lifted between waves, or never
    for g in STATUS_LABELS:
        said = (f"No council was interviewed at every wave and {'in' if g == 'intervention' else 'not in'} "
                f"intervention at each, so the table has no row for councils {STATUS_LABELS[g].lower()}.")
        assert (said in text) == (g not in groups), (g, groups, text)
        assert (g in set(table.data["status"])) == (g in groups)
    tested = table.data["test"].dropna()
    assert set(tested) == {"friedman"} and len(waves) == 3  # the design: three waves, every row tested
    assert "test" in table.csv_only and f"Friedman's test across the {len(waves)} waves of each council's" in text
    assert "Wilcoxon" not in text
    page, *_ = _rendered(section, tmp_path, ctx.vocabulary)
    assert "Friedman test" not in page and "Friedman's test across the 3 waves" in page


@pytest.fixture(scope="module")
def checked(machine_checked_core):
    """24 councils coded by the machine, a third of the interviews coded again by people (the planted coding), the
    comparisons, change and models (conftest.machine_checked_core, which this file reads already: since testtime36,
    in place of 12 councils of its own, seed 31312, half the interviews checked, the models only)."""
    return machine_checked_core


def test_a_change_across_the_waves_not_confirmed_by_a_hand_check_gives_its_kappas(machine_checked_core):
    """With 168 of 504 interviews coded again by people, the summary said 'no hand check of the coding in this study
    shows that it reads these impacts alike at every wave', read as if none had been made (seed 31303, 40 councils).
    Now, where a hand check was supplied, each sentence on the change across the waves says the hand check does not
    show it and gives each impact's lowest kappa at a wave, which must be the reliability table's. Read on round 4's
    24-council study with a hand check of one interview in three (``machine_checked_core``): the 12-council study of
    round 31 has every model withheld since disclosure53, so no sentence on the change across the waves."""
    from conftest import summary_bullets

    from impact.report._build import _Ctx

    _, _, f = machine_checked_core
    ctx = _Ctx(f, False, 5, 5, None)
    by_wave = ctx.within("reliability_by_wave")
    lowest = by_wave[by_wave["metric"] == "cohen_kappa"].groupby("code")["value"].min()
    bullets = [b for b in summary_bullets(f) if "alike at every wave" in b]
    assert bullets, summary_bullets(f)
    for b in bullets:
        assert "no hand check" not in b, b
        m = re.search(r"the hand check of the coding in this study does not show that (?:it|the coder) reads .*? alike "
                      r"at every wave \(Cohen's kappa at least 0\.70 at each\): the lowest kappa at a wave is "
                      r"(.*?)(?:, and coding|;(?: and)? (?:\(\d\) )?coding error|; and the coder|\.(?: |$))", b)
        assert m, b
        given = re.findall(r"-?\d\.\d{2}", m.group(1))
        # each kappa given is the lowest at a wave of an impact the sentence names, as the reliability table has it
        named = {f"{lowest[c]:.2f}" for c in lowest.index if ctx.code(c).lower() in b}
        assert given and set(given) <= named, (b, lowest)


def test_the_agreement_table_says_its_one_count_of_segments_once(checked, tmp_path):
    """Every impact is compared on the same segments of the hand check by the same coders, so the agreement table gave
    'Segments compared 9,087' and 'Coders 2' on each of its 18 rows (seed 31303, 40 councils). The count is now said
    once above the table, the columns are in the CSV only, and the count is the one every row of the findings has."""
    from impact.report import Paragraph, Table
    from impact.report._build import _reliability

    _, _, f = checked
    ctx = _ctx(f)
    section = _reliability(ctx)
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "reliability")
    ours = f.reliability[f.reliability["code"].isin(set(f.codebook.codes["code_id"]))]
    assert ours["n_units"].nunique() == 1 and ours["n_coders"].nunique() == 1  # the design: one hand check
    n, k = int(ours["n_units"].iloc[0]), int(ours["n_coders"].iloc[0])
    assert set(table.csv_only) == {"n_units", "n_coders"}
    text = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    assert f"Every row compares the same {n:,} segments, coded by {'two' if k == 2 else k} coders." in text, text
    page, _, heads, csv, _ = _rendered(section, tmp_path, ctx.vocabulary, name="reliability")
    assert "Segments compared" not in heads and "Coders" not in heads, heads
    assert f"Every row compares the same {n:,} segments" in page and set(csv["n_units"]) == {n}


def test_the_summary_says_plainly_which_model_estimates_are_withheld(one_alone, two_alone):
    """With one council in intervention, the summary said the models' estimates are 'to be read as a description only
    (that of the difference by intervention status suppressed there: with fewer than 3 councils on a side it would be
    theirs)', leaving the reader to work out whose (seed 31307, 8 councils). It now says the difference by status is
    withheld, shown as c, and why: it would describe those councils alone; and the models table withholds it.
    Since disclosure53 the 8-council study's models are withheld whole, which the summary says with why, no model
    figure is shown and the ledger has a row of each; the wording is read on 20 councils, two in intervention."""
    from conftest import report_of, report_table, summary_bullets

    from impact.report import Table

    study, _, f = one_alone
    inside = study.wave_status().groupby("wave")["in_intervention"].sum()
    assert (inside == 1).all()  # the design: one council alone in intervention at every wave
    report, _ = report_of(f)
    codes = list(f.codebook.top_codes())
    [whole] = [b for b in summary_bullets(f) if b.startswith("The models of ") and " are withheld: " in b]
    assert all(f.codebook.code(c)["label"].lower() in whole.lower() for c in codes), whole
    assert whole.endswith("would narrow counts of participants that the tables suppress, and no further suppression "
                          "could prevent it, so nothing is stated of their difference by intervention status or their "
                          "change across the waves."), whole
    assert not [b for b in summary_bullets(f) if b.startswith("The models of whether participants reported")]
    assert not [b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "gee_models"]
    [ledger] = [b for s in report.sections for b in s.blocks if getattr(b, "name", "") == "suppressions"]
    rows = ledger.data[ledger.data["reason"] == "model_of_suppressed"]
    assert sorted(rows["output"]) == sorted(["gee_models", "models"] * len(codes)), rows

    study, _, f = two_alone
    inside = study.wave_status().groupby("wave")["in_intervention"].sum()
    assert (inside == 2).all()  # the design: two councils alone in intervention at every wave (fewer than 3)
    report_of(f)  # the whole report, read below, first: the summary is read from it
    [said] = [b for b in summary_bullets(f) if b.startswith("The models of whether participants reported")]
    assert "theirs" not in said, said
    assert said.endswith("to be read as a description only, except the difference by intervention status, withheld "
                         "there (shown as c): one of the status groups (the councils seen in intervention, or out of "
                         "it) has too few councils for a figure of its own, so that difference would describe those "
                         "councils alone."), said
    gee = report_table(f, "gee_models").data
    status = gee[gee["contrast"] == "in_intervention"]
    assert len(status) and (status["estimate"] == "c").all(), status


def test_a_table_s_csv_only_columns_must_be_its_own():
    """A column named for the CSV only that the table does not have is refused, naming it."""
    from impact.report import Table

    with pytest.raises(ValueError, match="`csv_only` names 'kind', which is not a column"):
        Table("t", pd.DataFrame({"x": [1]}), "T", csv_only=["kind"])


# --------------------------------------------------------------------------- 2. lists of lists
def _split_lists(text: str) -> list[tuple[str, list[str]]]:
    """Read a list of lists back, by the house rules alone: groups numbered '(k) ' where numbered, else set off by
    semicolons; a group is '<lead> for <list>'; a numbered group's list is set off by semicolons ('; and' before the
    last; none: one item), else by commas and ' and ' before the last."""
    numbered = text.startswith("(1) ")
    groups = re.split(r"(?:;(?: and)? )?\(\d+\) ", text)[1:] if numbered else re.split(r"; (?:and )?", text)
    out = []
    for g in groups:
        lead, items = g.split(" for ", 1)
        if numbered:
            parts = re.split(r"; (?:and )?", items)
        else:
            head, _, last = items.rpartition(" and ")
            parts = [*(head.split(", ") if head else []), last]
        out.append((lead, parts))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_a_list_of_lists_reads_back_as_written(seed):
    """The few-events note set its lists of impacts inside clauses set off by semicolons with commas only: 'early
    impact against before the review for increased commitment and drive to improve safeguarding, development of
    ideas, plans and actions and promotion of learning ...', which no reader splits into its three impacts. Planted:
    groups of the codebook's labels (some with commas and 'and' of their own) drawn at random; the text must read back
    into the same groups by the house rules alone."""
    from impact._words import _listed_lists

    labels = ["increased commitment and drive", "development of ideas, plans and actions", "promotion of learning",
              "revision of policies, processes and systems", "staff morale", "partnership working"]
    rng = np.random.default_rng(31300 + seed)
    groups = [(f"contrast {k} for", [labels[i] for i in sorted(rng.choice(len(labels), rng.integers(1, 4), replace=False))])
              for k in range(rng.integers(1, 4))]
    text = _listed_lists(groups)
    if len(groups) == 1:
        [(lead, items)] = groups
        assert text.startswith(f"{lead} ")
        return
    assert _split_lists(text) == [(lead.removesuffix(" for"), items) for lead, items in groups], text


def test_the_few_events_note_names_each_contrast_s_impacts_unambiguously(twelve):
    """The models table's few-events note listed each contrast's impacts with commas only, inside clauses set off by
    semicolons (round 30's open item). Planted: a models table whose wave contrasts rest on few events for two
    impacts each (one label with commas of its own) and whose status contrast does for one; the note's list is read
    back, by the house rules alone, into exactly those contrasts and impacts, for Firth's rows and for the GEE's."""
    from impact.report._build import _few_events_note

    _, _, f = twelve
    ctx = _ctx(f)
    codes = list(ctx.codes)
    comma = next(c for c in codes if "," in ctx.code(c))
    plain = [c for c in codes if c != comma]
    later = [f"wave_{w}" for w in ctx.later]
    planted = {later[0]: [codes[0], comma] if codes[0] != comma else [comma, plain[1]], later[-1]: [plain[2]],
               "in_intervention": [plain[0], plain[3]]}
    rows = [{"code": c, "term": t, "few_events": any(c in v and t == k for k, v in planted.items()),
             "n_units": 12} for c in codes for t in ["in_intervention", *later]]
    for estimator in ("firth", "gee"):
        shown = pd.DataFrame(rows).assign(estimator=estimator)
        note = _few_events_note(ctx, shown)
        m = re.search(r"(?:That contrast is|Those contrasts are) ([^.]*)\.", note)
        assert m, note
        # read back by the house rules alone (not by the labels), so a list that could be split two ways fails
        got = {lead: set(items) for lead, items in _split_lists(m.group(1))}
        first = ctx.short_wave(ctx.waves[0]).lower()
        words = {"in_intervention": "in intervention against not",
                 **{f"wave_{w}": f"{ctx.short_wave(w).lower()} against {first}" for w in ctx.later}}
        assert got == {words[t]: {ctx.code(c).lower() for c in cs} for t, cs in planted.items()}, note
