"""Tests of the `impact agree` and `impact review` commands."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact.cli import main
from impact.coding.segment import segment


@pytest.fixture
def coded_files(tiny_study, tmp_path):
    seg = segment(tiny_study)
    units = list(seg["segment_id"])
    morale = seg.loc[seg.text.str.contains("Morale"), "segment_id"].tolist()
    ann = pd.DataFrame({"unit": morale, "code": "morale", "score": 1.0})
    # the machine finds morale everywhere but in the last two, and policies on one more segment
    bot = pd.DataFrame({"unit": morale[:-2] + [units[0]], "code": ["morale"] * (len(morale) - 2) + ["policies_systems"],
                        "score": 0.55})
    bot["start"] = seg.set_index("segment_id").loc[bot.unit, "start"].to_numpy()
    bot["end"] = bot["start"] + 6
    paths = []
    for name, df in (("ann", ann), ("bot", bot)):
        p = tmp_path / f"{name}.csv"
        df.to_csv(p, index=False)
        paths.append(p)
    return seg, paths


def test_agree_command(study_dir, coded_files, tmp_path, capsys):
    seg, (ann, bot) = coded_files
    out = tmp_path / "agree.csv"
    assert main(["agree", str(ann), str(bot), "--study", str(study_dir), "--by", "code,wave",
                 "--metrics", "percent_agreement,cohen_kappa", "--out", str(out)]) == 0
    t = pd.read_csv(out)
    assert set(t.columns) >= {"code", "wave", "metric", "value", "se", "ci_low", "ci_high", "n_units", "n_coders"}
    # planted: the two coders disagree on morale in exactly 2 segments (of all segments)
    morale = t[(t.code == "morale") & (t.metric == "percent_agreement")]
    disagreed = ((1 - morale.value) * morale.n_units).sum()
    assert disagreed == pytest.approx(2)
    assert morale.n_units.sum() == len(seg)
    assert "-> " in capsys.readouterr().out


def test_agree_long_csv_and_document_unit(coded_files, tmp_path, capsys):
    seg, (ann, bot) = coded_files
    long = tmp_path / "long.csv"
    pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3], "coder": ["a", "b"] * 3, "value": ["x", "x", "y", "x", "y", "y"]}).to_csv(
        long, index=False)
    out = tmp_path / "a.csv"
    assert main(["agree", str(long), "--by", "", "--metrics", "percent_agreement", "--out", str(out)]) == 0
    assert pd.read_csv(out).value.item() == pytest.approx(2 / 3)
    assert main(["agree", str(ann), str(bot), "--unit", "document", "--out", str(out), "--overwrite"]) == 0
    assert "no --study given" in capsys.readouterr().err
    assert set(pd.read_csv(out).code) == {"morale", "policies_systems"}


def test_agree_bad_input_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    assert main(["agree", str(bad), "--out", str(tmp_path / "o.csv")]) == 2
    assert "expected coded output" in capsys.readouterr().err
    assert main(["agree", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o.csv")]) == 2


def test_review_export_import_with_backup(study_dir, coded_files, tmp_path, capsys):
    seg, (ann, bot) = coded_files
    xlsx = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(bot), "--out", str(xlsx),
                 "--reviewer", "ann"]) == 0
    wb = load_workbook(xlsx)
    ws = wb["review"]
    header = [c.value for c in ws[1]]
    assert ws.max_row - 1 == len(pd.read_csv(bot))
    codes = [r[0] for r in wb["codes"].iter_rows(min_row=2, values_only=True)]
    assert "commitment" in codes  # the study's codebook, not only the codes used
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=header.index("decision") + 1, value="accept")
    wb.save(xlsx)
    out = tmp_path / "decisions.csv"
    out.write_text("precious human codings\n")
    capsys.readouterr()
    assert main(["review", "import", str(xlsx), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "moved it to" in err
    baks = list(tmp_path.glob("decisions.csv.*.bak"))
    assert len(baks) == 1 and baks[0].read_text() == "precious human codings\n"
    got = pd.read_csv(out)
    assert len(got) == ws.max_row - 1 and set(got.coder) == {"ann"} and got.present.all()
    # The same workbook imported again: the decisions file already holds these bytes, so no second backup (each
    # import made one, of the same decisions); an edited workbook is still written after a backup of the old file.
    before = out.read_bytes()
    assert main(["review", "import", str(xlsx), "--out", str(out)]) == 0
    assert "left as it was" in capsys.readouterr().out
    assert len(list(tmp_path.glob("decisions.csv.*.bak"))) == 1 and out.read_bytes() == before
    ws.cell(row=2, column=header.index("decision") + 1, value="reject")
    wb.save(xlsx)
    assert main(["review", "import", str(xlsx), "--out", str(out)]) == 0
    baks = list(tmp_path.glob("decisions.csv.*.bak"))
    assert len(baks) == 2 and before in [b.read_bytes() for b in baks] and out.read_bytes() != before


def test_review_import_reports_bad_cells(study_dir, coded_files, tmp_path, capsys):
    seg, (ann, bot) = coded_files
    xlsx = tmp_path / "review.xlsx"
    main(["review", "export", str(study_dir), "--coded", str(bot), "--out", str(xlsx)])
    wb = load_workbook(xlsx)
    ws = wb["review"]
    col = [c.value for c in ws[1]].index("decision") + 1
    ws.cell(row=2, column=col, value="yes")
    ws.cell(row=3, column=col, value="nope")
    wb.save(xlsx)
    out = tmp_path / "d.csv"
    assert main(["review", "import", str(xlsx), "--out", str(out), "--reviewer", "dee"]) == 2
    err = capsys.readouterr().err
    assert "2 problems" in err and ":2:decision: 'yes'" in err and ":3:decision: 'nope'" in err
    assert not out.exists()


def test_agree_with_a_study_reads_files_of_every_speaker_and_names_the_file_of_an_unknown_unit(
        study_dir, tiny_study, tmp_path, capsys):
    """Files of `impact code --speakers all` code the interviewer's segments ('I1:i2'): agreement runs over every
    speaker's segments; a unit no segment has is refused naming the file and the unit."""
    everyone = segment(tiny_study, speakers="all")
    asked = everyone.loc[everyone["speaker"] != "respondent", "segment_id"].tolist()
    said = everyone.loc[everyone["speaker"] == "respondent", "segment_id"].tolist()
    assert asked and said
    ann = pd.DataFrame({"unit": asked[:3] + said[:2], "code": "morale"})
    bot = pd.DataFrame({"unit": asked[:2] + said[:2], "code": "morale"})
    paths = []
    for name, df in (("ann", ann), ("bot", bot)):
        df.to_csv(tmp_path / f"{name}.csv", index=False)
        paths.append(str(tmp_path / f"{name}.csv"))
    out = tmp_path / "agree.csv"
    assert main(["agree", *paths, "--study", str(study_dir), "--by", "code", "--metrics", "percent_agreement",
                 "--out", str(out)]) == 0
    t = pd.read_csv(out)
    # every speaker's segments are the units; the coders disagree on one (the third interviewer segment)
    assert t["n_units"].item() == len(everyone)
    assert (1 - t["value"].item()) * t["n_units"].item() == pytest.approx(1)
    # a unit of no segment: one error naming the file and the unit
    pd.DataFrame({"unit": [said[0], "P9-early:3"], "code": "morale"}).to_csv(tmp_path / "cat.csv", index=False)
    capsys.readouterr()
    assert main(["agree", paths[0], str(tmp_path / "cat.csv"), "--study", str(study_dir), "--out",
                 str(tmp_path / "b.csv")]) == 2
    err = capsys.readouterr().err
    assert "cat.csv:3:unit: 'P9-early:3' - expected a segment of the study" in err and "Traceback" not in err
