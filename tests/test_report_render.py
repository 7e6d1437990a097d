"""Tests for the report model and its renderers (impact.report)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil

import docx
import lxml.html
import matplotlib.pyplot as plt
import numpy as np
import openpyxl
import pandas as pd
import pytest
from docx.oxml.ns import qn

from impact._io import neutralise_cell
from impact.errors import InputError
from impact.report import (
    CI,
    Bullets,
    Callout,
    Figure,
    Paragraph,
    Quote,
    Report,
    Section,
    Table,
    render,
    render_docx,
    render_html,
    render_xlsx,
)
from impact.report._format import display_frame, format_ci, format_p, format_pct

EVIL = '=HYPERLINK("http://example.invalid","click")'


def _figure(kind: str):
    fig, ax = plt.subplots(figsize=(3, 2))
    if kind == "line":
        ax.plot([1, 2, 3], [2, 1, 3])
    else:
        ax.bar(["a", "b"], [3, 5])
    return fig


def _report() -> Report:
    effects = pd.DataFrame({
        "impact": ["commitment", "learning", "morale"],
        "effect": [0.3456, -0.0012, 0.2],
        "ci_low": [0.1234, -0.2, -0.0001],
        "ci_high": [0.3391, 0.25, 0.41],
        "p_value": [0.00004, 0.0123, 0.5],
        "share": [0.1234, 0.5, 1.0],
        "n": pd.array([12, None, 1500], dtype="Int64"),
    })
    councils = pd.DataFrame({
        "council": ["Barking and Dagenham", "Ynys Môn", EVIL, "-2+3", "@SUM(A1)", "a\x0bb"],
        "reviewed": pd.to_datetime(["2012-03-05", "2012-11-20", None, "2013-01-02", "2013-02-03", "2013-03-04"]),
        "in_intervention": [True, False, True, False, False, True],
        "note": ["x" * 70, "", "short", "+44 20 7946 0000", "ok", "fine"],
    })
    return Report(
        title="Impact of peer reviews <2013> & after",
        subtitle="Longer-term study",
        provenance={"study": "demo", "codebook": {"id": "nfer_impacts", "version": "1"}, "seed": 7, "command": EVIL},
        sections=[
            Section("Summary", [
                Paragraph("Councils said <script>alert(1)</script> the review helped."),
                Bullets(["insight", "action", "outcome"]),
                Callout("Only six councils: read percentages with care.", kind="warning"),
            ]),
            Section("Effects", [
                Table("effects", effects, "Effects by impact", "Logistic models; 95% CIs.",
                      {"ci": CI("ci_low", "ci_high"), "effect": "num:2", "share": "pct"}),
                Figure("trend", _figure("line"), "A line", "Line falling then rising."),
                Quote("It made us =SUM(A1) think again.", "Strategic officer, council B"),
            ]),
            Section("Sample", [
                Table("councils_reviewed_with_a_very_long_descriptive_name", councils, "Councils", ""),
                Figure("sample", _figure("bar"), "Bars", "Two bars, b taller than a."),
                Callout("A note."),
            ]),
        ],
    )


@pytest.fixture(scope="module")
def report() -> Report:
    return _report()


@pytest.fixture(scope="module")
def bundle(report, tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle")
    return out, render(report, out)


# --- formatting -------------------------------------------------------------


def test_number_formats():
    assert [format_p(p) for p in (0.00004, 0.001, 0.0123, 0.5)] == ["<0.001", "0.001", "0.012", "0.500"]
    assert format_ci(0.1234, 0.3391) == "0.12 to 0.34"
    assert format_ci(-0.0001, 0.41) == "0.00 to 0.41"  # no "-0.00"
    assert format_ci(0.05, 0.25, 0, percent=True) == "5% to 25%"
    assert format_pct(0.1234) == "12.3%"
    # A difference of two shares, and its interval, in percentage points: signed alike, as the workbook shows them
    # ("+12.3" beside "-20 to 10" left the upper end unsigned, render42).
    assert format_ci(-0.2, 0.15, 0, points=True) == "-20 to +15"
    points = display_frame(pd.DataFrame({"difference": [-0.05, 0.1234], "lo": [-0.2, 0.0], "hi": [0.1, 0.3]}),
                           {"difference": "pp:1", "CI": CI("lo", "hi", digits=0, points=True)})
    assert points.values.tolist() == [["-5.0", "-20 to +10"], ["+12.3", "0 to +30"]]
    shown = display_frame(_report().tables[0].data, _report().tables[0].columns_format)
    assert list(shown.columns) == ["impact", "effect", "ci", "p_value", "share", "n"]
    assert [shown.attrs["labels"][c] for c in shown.columns] == [
        "Impact", "Effect size", "95% CI", "p-value", "Share", "Number"]
    assert shown.iloc[0].tolist() == ["commitment", "0.35", "0.12 to 0.34", "<0.001", "12.3%", "12"]
    assert shown.iloc[1].tolist() == ["learning", "0.00", "-0.20 to 0.25", "0.012", "50.0%", "\u2013"]
    assert shown.loc[2, "n"] == "1,500"
    # Suppressed counts: numbers mixed with symbols in one column, shown as numbers and right-aligned;
    # a "count" with a fraction keeps it.
    suppressed = display_frame(pd.DataFrame({"n": [12, "c", 7.5], "who": ["a", "b", "c"]}), {})
    assert suppressed["n"].tolist() == ["12.00", "c", "7.50"]
    assert suppressed.attrs["numeric"] == ["n"] and suppressed.attrs["symbols"] == ["c"]
    # One format per column: "358.0" beside "361.5", never "358"; every p-value column alike.
    mixed = display_frame(pd.DataFrame({"median": [358.0, 361.5], "p_adjusted": [1.0, 0.7759]}), {})
    assert mixed["median"].tolist() == ["358.0", "361.5"] and mixed["p_adjusted"].tolist() == ["1.000", "0.776"]


# --- model validation ---------------------------------------------------------


def test_model_refuses_bad_blocks():
    data = pd.DataFrame({"a": [1]})
    with pytest.raises(ValueError, match="must be 1-80 letters, digits.*'my table'"):
        Table("my table", data, "c")
    with pytest.raises(ValueError, match=r"format for column 'b', which is not in the table \['a'\]"):
        Table("t", data, "c", columns_format={"b": "p"})
    with pytest.raises(ValueError, match="column format must be one of .* 'percent'"):
        Table("t", data, "c", columns_format={"a": "percent"})
    with pytest.raises(ValueError, match="`Figure.alt_text` must not be empty"):
        Figure("f", _figure("line"), "caption", " ")
    with pytest.raises(ValueError, match=r"`kind` must be one of \['note', 'warning'\], but 'tip'"):
        Callout("x", kind="tip")
    with pytest.raises(TypeError, match="`Section.blocks\\[0\\]`.*str was passed"):
        Section("s", ["just text"])
    with pytest.raises(ValueError, match=r"Each table needs its own name, but \['T'\]"):
        Report("r", "", {}, [Section("s", [Table("t", data, "c"), Table("T", data, "c")])])


def test_table_keeps_a_copy_of_the_callers_frame():
    data = pd.DataFrame({"a": [1, 2]}, index=[10, 11])
    table = Table("t", data, "c")
    data.loc[10, "a"] = 99
    assert table.data["a"].tolist() == [1, 2]
    assert data.index.tolist() == [10, 11]


# --- HTML ------------------------------------------------------------------


def test_html_is_self_contained_escaped_and_accessible(bundle, report):
    out, files = bundle
    page = files["report.html"].read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page.encode("utf-8"))
    assert tree.get("lang") == "en-GB"
    # Nothing is fetched: no scripts, stylesheets links, or non-data sources; links are in-page.
    assert tree.xpath("//script") == [] and tree.xpath("//link") == []
    assert all(src.startswith("data:image/png;base64,") for src in tree.xpath("//@src"))
    hrefs = tree.xpath("//a/@href")
    ids = set(tree.xpath("//@id"))
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)
    assert "url(" not in page and "@import" not in page
    # Text is escaped, not interpreted.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\x0b" not in page and "<th scope=\"row\">ab</th>" in page
    assert tree.xpath("//h1")[0].text_content() == report.title
    # Images carry their alt text; headers their scope.
    # (each its own sentence, then what it draws, read from the figure: render59)
    alts = tree.xpath("//img/@alt")
    assert [a.split(" What the figure shows: ")[0] for a in alts] == ["Line falling then rising.",
                                                                       "Two bars, b taller than a."]
    assert alts[0].endswith("What the figure shows: Lines. Horizontal axis: scale 1.0 to 3.0. Vertical axis: scale "
                            "1.0 to 3.0."), alts
    first = tree.xpath("//table")[0]
    assert [th.text_content() for th in first.xpath(".//thead/th | .//thead/tr/th")] == [
        "Impact", "Effect size", "95% CI", "p-value", "Share", "Number"]
    assert set(first.xpath(".//thead//th/@scope")) == {"col"}
    assert first.xpath(".//tbody/tr[1]/*/text()") == ["commitment", "0.35", "0.12 to 0.34", "<0.001", "12.3%", "12"]
    # Table of contents: every section, in order.
    toc = [a.text_content() for a in tree.xpath("//nav//a")]
    assert toc == ["Summary", "Effects", "Sample", "About this report"]
    # Print: sections on new pages, rows kept whole, navigation hidden.
    css = page.split("@media print", 1)[1]
    assert "break-before: page" in css and "break-inside: avoid" in css and "nav.toc" in css


def test_html_images_load_in_headless_chromium(bundle, tmp_path):
    from conftest import images_loaded_in_browser

    out, files = bundle
    assert "default-src 'none';" in files["report.html"].read_text(encoding="utf-8")
    assert images_loaded_in_browser(files["report.html"], tmp_path) == (2, 2)


# --- Word -----------------------------------------------------------------


def test_docx_has_headings_tables_pictures(bundle, report):
    out, files = bundle
    document = docx.Document(files["report.docx"])
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", report.title)
    assert [t for s, t in styles if s == "Heading 1"] == ["Summary", "Effects", "Sample", "About this report"]
    assert styles[1] == ("Normal", report.subtitle) or styles[1] == ("Subtitle", report.subtitle)
    assert ("Quote", "It made us =SUM(A1) think again.") in styles
    assert [t for s, t in styles if s == "List Bullet"] == ["insight", "action", "outcome"]
    captions = [t for s, t in styles if s == "Caption"]
    assert captions == ["Table 1. Effects by impact", "Figure 1. A line", "Table 2. Councils", "Figure 2. Bars",
                        "Table 3. How this report was produced"]
    # Numbers are SEQ fields Word can update.
    instructions = [el.text.strip() for el in document.element.body.iter(qn("w:instrText"))]
    assert instructions.count("SEQ Table \\* ARABIC") == 3 and instructions.count("SEQ Figure \\* ARABIC") == 2
    # A4 portrait, with title, author and date in the document properties.
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.core_properties.title == report.title and document.core_properties.author == "impact"
    # Two report tables and the provenance table.
    assert len(document.tables) == 3
    effects = document.tables[0]
    # (a heading's short word bound to its neighbour by a no-break space: render59)
    assert [c.text.replace("\xa0", " ") for c in effects.rows[0].cells] == ["Impact", "Effect size", "95% CI",
                                                                            "p-value", "Share", "Number"]
    assert [c.text for c in effects.rows[1].cells] == ["commitment", "0.35", "0.12 to 0.34", "<0.001", "12.3%", "12"]
    assert effects.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats on each page
    councils = document.tables[1]
    assert councils.rows[3].cells[0].text == EVIL  # Word does not run formulas: text kept as written
    assert councils.rows[6].cells[0].text == "ab"  # the XML-illegal control character is dropped
    # Pictures at their natural size (3 x 2 inches at 150 dpi, less the tight bounding box), never enlarged.
    text_width = section.page_width - section.left_margin - section.right_margin
    shapes = document.inline_shapes
    assert len(shapes) == 2 and all(2.0 < s.width.inches <= 3.0 and s.width < text_width for s in shapes)
    descr = [el.get("descr") for el in document.element.body.iter(qn("wp:docPr"))]
    assert [d.split(" What the figure shows: ")[0] for d in descr] == ["Line falling then rising.",
                                                                        "Two bars, b taller than a."]
    assert "What the figure shows: Vertical bars. Horizontal axis: 2 categories: a; b." in descr[1], descr
    provenance = {r.cells[0].text: r.cells[1].text for r in document.tables[2].rows}
    assert provenance["Codebook: ID"] == "nfer impacts" and "Random seed" in provenance


# --- Excel and CSV ------------------------------------------------------------


def test_xlsx_sheets_formats_and_notes(bundle, report):
    out, files = bundle
    wb = openpyxl.load_workbook(files["tables.xlsx"])
    assert wb.sheetnames == ["Notes", "Table 1", "Table 2"]
    ws = wb["Table 1"]
    # the heading row and the column naming each row stay in view (round 40: the heading row alone was frozen)
    assert ws.freeze_panes == "B2" and ws.print_title_rows == "$1:$1"
    assert ws.auto_filter.ref == "A1:G4"  # the interval is its two numeric columns
    assert all(c.font.bold for c in ws[1])
    assert [c.value for c in ws[1]] == ["Impact", "Effect size", "95% CI, lower", "95% CI, upper", "p-value",
                                        "Share", "Number"]  # nothing suppressed: no flag column
    # Values rounded as the report shows them (outputs1; they were stored in full), formatted as it shows them.
    assert ws["E2"].value == 0.00004 and ws["E2"].number_format == '[<0.001]"<0.001";0.000'
    assert _excel_shows(ws["F2"].value, ws["F2"].number_format) == f"{ws['F2'].value:.1%}"
    assert _excel_shows(ws["B2"].value, ws["B2"].number_format) == f"{ws['B2'].value:,.2f}"
    assert ws["C2"].value == 0.12 and _excel_shows(0.12, ws["C2"].number_format) == "0.12"  # 0.1234 shown "0.12"
    assert ws["G3"].value is None and ws["G4"].value == 1500
    assert ws.page_setup.paperSize == 9 and ws.page_setup.fitToWidth == 1
    assert ws.oddHeader.center.text == "Table 1. Effects by impact"
    wide = wb["Table 2"]
    assert wide["B2"].is_date and wide["B2"].value.year == 2012 and wide["B4"].value is None
    widths = {k: v.width for k, v in wide.column_dimensions.items()}
    assert widths["D"] == len("x" * 70) + 2 or widths["D"] == 60  # a 70-character note, capped
    # (set on two lines since round 48: "In intervention" filled its column before the heading set left beside it)
    assert " ".join(wide["C1"].value.split()) == "In intervention" and wide["C2"].value is True
    notes = wb["Notes"]
    texts = [c.value for row in notes.iter_rows() for c in row if c.value is not None]
    assert "Effects by impact" in texts and "Logistic models; 95% CIs." in texts and "About this report" in texts
    assert "Codebook: version" in texts and "Random seed" in texts
    link = next(c for c in notes["A"] if c.value == "Table 1")
    assert link.hyperlink.location == "'Table 1'!A1" and link.hyperlink.target is None


def test_xlsx_suppressed_cells_are_empty_and_flagged(tmp_path):
    data = pd.DataFrame({"wave": ["early", "late", "later"], "n_councils": [12, "c", 7],
                         "share": [0.5, "c", 0.25], "rate": [1.5, 2.5, "x"]})
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("R", "", {}, [Section("S", [
        Table("t", data, "Counts", columns_format={"share": "pct"})])]))))
    ws = book["Table 1"]
    # each heading by its words, whatever lines it is set on (render61, render62: "Suppressed or / not available")
    assert [" ".join(c.value.split()) for c in ws[1]] == ["Wave", "Councils", "Share", "Rate",
                                                       "Suppressed or not available"]
    assert [c.value for c in ws[2]] == ["early", 12, 0.5, 1.5, None]
    # the reason said once (round 41: it followed each column's name)
    assert [c.value for c in ws[3]] == ["late", None, None, 2.5, "Councils; Share (c)"]
    assert [c.value for c in ws[4]] == ["later", 7, 0.25, None, "Rate (x)"]
    assert ws["B3"].fill.fgColor.rgb.endswith("D9D9D9") and ws["D4"].fill.fgColor.rgb.endswith("D9D9D9")
    notes = [c.value for row in book["Notes"].iter_rows() for c in row if c.value]
    assert any(str(n).startswith("c: suppressed") for n in notes) and any(str(n).startswith("x: not") for n in notes)


def test_xlsx_and_csv_neutralise_formula_text(bundle, report):
    out, files = bundle
    wb = openpyxl.load_workbook(files["tables.xlsx"])
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    ws = wb["Table 2"]
    column = [c.value for c in ws["A"]][1:]
    assert column == ["Barking and Dagenham", "Ynys Môn", "'" + EVIL, "'-2+3", "'@SUM(A1)", "ab"]
    assert ws["D5"].value == "'+44 20 7946 0000"
    notes = [c.value for row in wb["Notes"].iter_rows() for c in row]
    assert "'" + EVIL in notes and EVIL not in notes
    raw = files["tables/councils_reviewed_with_a_very_long_descriptive_name.csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["council"].tolist() == [neutralise_cell(v) for v in report.tables[1].data["council"]]
    assert back["reviewed"].tolist() == ["2012-03-05", "2012-11-20", "", "2013-01-02", "2013-02-03", "2013-03-04"]


def test_csv_holds_the_numbers_as_the_report_shows_them(bundle, report):
    # outputs1: the CSV held the full values (0.3456, -0.0012); a published number is now rounded as the report shows
    # it (effect "0.35", its interval "0.12 to 0.34", p "<0.001", share "12.3%"), while the Table's frame - what the
    # library returns - keeps them in full.
    out, files = bundle
    back = pd.read_csv(files["tables/effects.csv"], encoding="utf-8-sig")
    original = report.tables[0].data
    expected = {"effect": [0.35, 0.0, 0.2], "ci_low": [0.12, -0.2, 0.0], "ci_high": [0.34, 0.25, 0.41],
                "p_value": [4e-05, 0.012, 0.5], "share": [0.123, 0.5, 1.0]}
    for column, values in expected.items():
        assert back[column].tolist() == values, column
    assert original["effect"].tolist() == [0.3456, -0.0012, 0.2]
    assert back["n"].isna().tolist() == [False, True, False]


# --- the bundle ----------------------------------------------------------------


def test_bundle_files_and_provenance_hashes(bundle):
    out, files = bundle
    assert sorted(files) == [
        "figures/sample.png", "figures/sample.svg", "figures/trend.png", "figures/trend.svg",
        "provenance.json", "report.docx", "report.html", "tables.xlsx",
        "tables/councils_reviewed_with_a_very_long_descriptive_name.csv", "tables/data_dictionary.csv",
        "tables/effects.csv",
    ]
    manifest = json.loads(files["provenance.json"].read_text(encoding="utf-8"))
    assert manifest["provenance"]["codebook"] == {"id": "nfer_impacts", "version": "1"}
    assert len(manifest["files"]) == len(files) - 1
    for rel, digest in manifest["files"].items():
        assert hashlib.sha256((out / rel).read_bytes()).hexdigest() == digest
    assert files["figures/trend.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in files["figures/trend.svg"].read_bytes()[:500]
    assert not list(out.rglob("*.tmp"))


def _snapshot(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failure_mid_render_leaves_previous_bundle_intact(bundle, tmp_path, monkeypatch):
    shutil.copytree(bundle[0], tmp_path, dirs_exist_ok=True)
    before = _snapshot(tmp_path)
    changed = Report("Another title", "", {}, [Section("Only", [Table("other", pd.DataFrame({"a": [1]}), "c")])])

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("impact.report._docx.render_docx", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        render(changed, tmp_path)
    assert _snapshot(tmp_path) == before


def test_rerender_removes_only_its_own_stale_files(bundle, tmp_path):
    shutil.copytree(bundle[0], tmp_path, dirs_exist_ok=True)
    (tmp_path / "tables" / "mine.txt").write_text("keep me")
    smaller = Report("Smaller", "", {}, [Section("Only", [Table("effects", pd.DataFrame({"a": [1]}), "c")])])
    files = render(smaller, tmp_path)
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["data_dictionary.csv", "effects.csv", "mine.txt"]
    assert not (tmp_path / "figures" / "trend.png").exists()
    assert "figures/trend.png" not in files


def test_render_refuses_a_file_as_folder(report, tmp_path):
    target = tmp_path / "out"
    target.write_text("not a folder")
    with pytest.raises(InputError, match="exists and is not a folder"):
        render(report, target)
    with pytest.raises(TypeError, match="`report` must be an impact.report.Report"):
        render({"title": "x"}, tmp_path)


def test_renderers_work_alone():
    small = Report("Alone", "", {}, [Section("S", [Figure("f", _figure("bar"), "c", "Two bars.")])])
    page = render_html(small)
    assert page.startswith("<!DOCTYPE html>") and page.count("data:image/png;base64,") == 1
    assert len(docx.Document(io.BytesIO(render_docx(small))).inline_shapes) == 1
    assert openpyxl.load_workbook(io.BytesIO(render_xlsx(small))).sheetnames == ["Notes"]


# --- Word template --------------------------------------------------------------------


def _template(path, *, width_mm: float, height_mm: float, dotx: bool = False):
    """A house-style template: its own page size, margins, heading colour and footer text, and body text."""
    from docx.shared import Mm, RGBColor

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.left_margin = section.right_margin = Mm(25)
    doc.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x80)
    section.footer.paragraphs[0].text = "Local Government Association"
    doc.add_paragraph("Template body text that must not be copied.")
    doc.save(path)
    if dotx:  # the same package, declared as a template
        import zipfile

        data = path.read_bytes()
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                content = src.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(item, content)
        path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_docx_takes_page_size_styles_and_footer_from_a_template(report, tmp_path, suffix):
    template = _template(tmp_path / f"house{suffix}", width_mm=215.9, height_mm=279.4, dotx=suffix == ".dotx")
    document = docx.Document(io.BytesIO(render_docx(report, template=template)))
    sizes = {(round(s.page_width.mm, 1), round(s.page_height.mm, 1)) for s in document.sections}
    assert sizes <= {(215.9, 279.4), (279.4, 215.9)}  # US Letter, portrait (and landscape for wide tables)
    assert document.sections[0].left_margin.mm == pytest.approx(25, abs=0.1)
    assert document.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0x80, 0x00, 0x80)
    assert document.sections[0].footer.paragraphs[0].text == "Local Government Association"
    texts = [p.text for p in document.paragraphs]
    assert "Template body text that must not be copied." not in texts and texts[0] == report.title
    # The table layout follows the template's narrower text block (Letter minus 2 x 25 mm).
    block = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin
    grid = document.tables[0]._tbl.tblGrid
    total = sum(int(c.get(qn("w:w"))) for c in grid.findall(qn("w:gridCol")))
    assert total <= docx.shared.Emu(block).twips + 1


def test_docx_template_errors_name_the_file(report, tmp_path):
    with pytest.raises(InputError, match=r"missing\.docx: Word template not found"):
        render_docx(report, template=tmp_path / "missing.docx")
    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word file")
    with pytest.raises(InputError, match=r"notes\.docx: not a Word file - expected a Word document or template "
                                         r"\(\.docx, \.dotx: a zip archive of Word's parts\) but it is text"):
        render(report, tmp_path / "out", docx_template=bad)
    assert not (tmp_path / "out").exists()  # nothing written


def test_docx_renders_a_title_longer_than_words_property_limit():
    # Word's core properties hold 255 characters and python-docx refuses more: a long study name made
    # impact run fail writing report.docx. The first page keeps the whole title; the property is cut at a word.
    title = "Longitudinal study of the safeguarding peer reviews " * 8  # 424 characters
    subtitle = "Interviews before, three months after and a year after each review, " * 5
    report = Report(title=title.strip(), subtitle=subtitle.strip(), sections=[Section("Summary", [Paragraph("x")])])
    document = docx.Document(io.BytesIO(render_docx(report)))
    assert document.paragraphs[0].text == title.strip()
    props = document.core_properties
    for got, whole in ((props.title, title.strip()), (props.subject, subtitle.strip())):
        assert len(got) <= 255 and got.endswith("\u2026")
        assert whole.startswith(got[:-1]) and whole[len(got) - 1] == " "  # cut between words


def test_a_p_value_in_a_table_stays_on_its_side_of_005():
    """The summary says 'Holm-adjusted p = 0.0496' for a difference it states as a finding, while the models table
    printed the same p as '0.050' (three decimals), which reads as not below 0.05. A p below 0.05 keeps the digits
    that show it; one at or above keeps three."""
    assert [format_p(p) for p in (0.0496, 0.04996, 0.049999, 0.05, 0.0504, 0.0123)] == [
        "0.0496", "0.04996", "0.049999", "0.050", "0.050", "0.012"]
    shown = display_frame(pd.DataFrame({"p_value": [0.0496, 0.2]}), {"p_value": "p"})
    assert shown["p_value"].tolist() == ["0.0496", "0.200"]


def _models_like_table() -> Table:
    """18 rows as the example's models table has them: long impact and contrast labels, seven numeric columns,
    a long note (1,800 characters)."""
    impacts = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions",
               "Promotion of learning and reflective practice", "Revision of policies, processes and systems",
               "Improvement in staff morale and relations", "Affirmation and enhancement of partnership working"]
    contrasts = ["In intervention vs not", "Early impact vs expectations before the review",
                 "Longer-term change vs expectations before the review"]
    rng = np.random.default_rng(20)
    data = pd.DataFrame([{"impact": i, "contrast": c, "estimate": rng.normal(), "std_error": rng.uniform(0.2, 0.6),
                          "ci": f"{rng.normal():.2f} to {rng.normal() + 2:.2f}", "odds_ratio": rng.uniform(0.5, 20),
                          "or_ci": f"{rng.uniform(0.4, 8):.2f} to {rng.uniform(10, 80):.2f}",
                          "p_value": rng.uniform(), "p_adjusted": rng.uniform()} for i in impacts for c in contrasts])
    labels = {"impact": "Impact", "contrast": "Contrast", "estimate": "Estimate", "std_error": "Standard error",
              "ci": "95% CI", "odds_ratio": "Odds ratio", "or_ci": "Odds ratio 95% CI",
              "p_value": "p-value (not a finding)", "p_adjusted": "Adjusted p-value (not a finding)"}
    note = " ".join(["Log-odds scale; odds ratios exponentiated; p adjusted (Holm) across impacts and waves."] * 20)
    return Table("models", data, "Models of each impact", note, labels=labels,
                 columns_format={"estimate": "num:2", "std_error": "num:2", "odds_ratio": "num:2",
                                 "p_value": "p", "p_adjusted": "p"})


def test_docx_a_table_spilling_onto_a_page_is_never_set_under_8pt():
    # The example's models table, at 9 pt with each row over two lines, ran 2 rows and its note onto page 18 of
    # the report (LibreOffice render); it was then set at 7 pt to keep its rows to one line, too small to read
    # (round 38: 8 pt is the least for a table's text): it stays at the largest size that fits, on landscape pages,
    # in one part, its last rows kept with its note.
    from impact.report import _docx

    table = _models_like_table()
    writer = _docx._Writer(_docx._open(None)[0], Report("r", "", {}, [Section("s", [table])]), {})  # A4, as rendered
    _, headers, rows, numeric, size, landscape, parts, widths = writer.layout(table)
    assert (size, landscape, len(parts)) == (9.0, True, 1)
    assert min(_docx.TABLE_FONT_SIZES) == 8.0
    # guard: the same rows with a short note that leaves them room at 9 pt stay at 9 pt (the first size that fits)
    short = Table("short", table.data.head(6), "Models", "Log-odds scale.", labels=table.labels,
                  columns_format=table.columns_format)
    assert writer.layout(short)[4] == 9.0


def test_docx_the_note_under_a_table_keeps_with_its_last_row():
    # A note that fell alone onto the next page (2 lines of table 6's note on page 8 of the example's report):
    # the last row's paragraphs keep with the next (the note), and the note keeps its lines together.
    data = pd.DataFrame({"impact": [f"Impact {k}" for k in range(60)], "n": range(60)})
    data_doc = docx.Document(io.BytesIO(render_docx(Report("r", "", {}, [Section("s", [
        Table("t", data, "Counts", "A note under the table.")])]))))
    table = data_doc.tables[0]
    last = table.rows[-2].cells[0].paragraphs[0]  # the last row of figures; the note is the row after it
    assert last._p.pPr.find(qn("w:keepNext")) is not None
    middle = table.rows[30].cells[0].paragraphs[0]
    assert middle._p.pPr.find(qn("w:keepNext")) is None  # a long table still breaks between its rows
    assert table.rows[-1].cells[0].text == "A note under the table."
    assert table.rows[-1]._tr.trPr.find(qn("w:cantSplit")) is not None  # its lines kept together


@pytest.mark.parametrize("layout", [None, "constrained"])
def test_rasterise_lays_a_figure_out_once_and_keeps_savefigs_crop(layout, monkeypatch):
    # Before: two savefig(bbox_inches="tight") calls, each a layout pass and a draw: 4 draws per figure. Now one
    # layout pass (a draw without rendering) and one draw per format, and the PNG is what savefig(bbox_inches=
    # "tight") makes of the same figure, byte for byte; the figure is left as it was.
    from matplotlib.figure import Figure as MplFigure

    from impact.report._images import rasterise

    def figure():
        fig, ax = plt.subplots(figsize=(3, 2), layout=layout)
        ax.plot([1, 3, 2])
        ax.set_ylabel("a label long enough to need room")
        ax.text(1.05, 0.5, "drawn outside the axes", transform=ax.transAxes)
        return fig

    expected = io.BytesIO()
    figure().savefig(expected, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None},
                     facecolor="white")
    fig = figure()
    engine, dpi, canvas, face = fig.get_layout_engine(), fig.dpi, fig.canvas, fig.get_facecolor()
    draws = []
    real_draw = MplFigure.draw
    monkeypatch.setattr(MplFigure, "draw", lambda self, renderer: (draws.append(1), real_draw(self, renderer))[1])
    image = rasterise(fig)
    assert len(draws) == 3
    assert image.png == expected.getvalue()
    assert image.svg.lstrip().startswith(b"<?xml") and b"drawn outside the axes" in image.svg
    assert (fig.get_layout_engine(), fig.dpi, fig.canvas, fig.get_facecolor()) == (engine, dpi, canvas, face)


def _breaks_before(report: Report) -> dict[str, bool]:
    """Heading text -> whether Word starts it on a new page (a page break before it, or a new section's page)."""
    document = docx.Document(io.BytesIO(render_docx(report)))
    body = list(document.element.body.iterchildren())
    out = {}
    for i, element in enumerate(body):
        p = docx.text.paragraph.Paragraph(element, document) if element.tag == qn("w:p") else None
        if p is None or p.style.name != "Heading 1":
            continue
        previous = body[i - 1] if i else None
        turned = previous is not None and previous.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        out[p.text] = bool(p.paragraph_format.page_break_before) or turned
    return out


def test_a_short_section_that_opened_a_page_is_followed_on_that_page():
    # The example's Word report left "What people said" (seven lines, after the landscape framework matrix) alone on
    # a page: the next section began a page of its own. It now follows the short section there.
    wide = pd.DataFrame({f"a rather long column heading {i}": ["a long cell value here"] * 3 for i in range(14)})
    narrow = pd.DataFrame({"a": [1, 2]})
    long_text = Paragraph("Words of a long section. " * 80)
    short_text = Paragraph("A short section of a few lines.")
    sections = [Section("Wide", [Table("wide", wide, "Wide")]), Section("Short", [short_text]),
                Section("Next", [Paragraph("Its table."), Table("narrow", narrow, "Narrow")]),
                Section("Last", [long_text, Table("narrow2", narrow, "Narrow")])]
    breaks = _breaks_before(Report("R", "", {}, sections))
    # "Last" (about a third of a page) fits in what that page, holding a few lines and a two-row table, has left: it
    # follows there too (round 31: no page is left holding little where the next section fits after it).
    assert breaks == {"Wide": True, "Short": True, "Next": False, "Last": False, "About this report": True}
    # A short section that follows another on a shared page does not carry the next one onto its page, where the
    # page is more than half full; the about page, after "Next" alone on its page, follows it (round 31).
    sections = [Section("Long", [long_text, Table("narrow", narrow, "Narrow")]), Section("Short", [short_text]),
                Section("Next", [Paragraph("Its table."), Table("narrow2", narrow, "Narrow")])]
    breaks = _breaks_before(Report("R", "", {}, sections))
    assert breaks == {"Long": True, "Short": False, "Next": True, "About this report": False}
    # A page two thirds filled (a long paragraph and a table) takes no further section.
    sections = [Section("Long", [Paragraph("Words of a long section. " * 120), Table("narrow", narrow, "Narrow")]),
                Section("Next", [long_text, Table("narrow2", narrow, "Narrow")])]
    assert _breaks_before(Report("R", "", {}, sections)) == {"Long": True, "Next": True, "About this report": True}


def _excel_shows(value: float, number_format: str) -> str:
    from conftest import excel_shows

    return excel_shows(value, number_format)


def test_an_odds_ratio_and_its_interval_are_never_shown_as_zero_nor_as_seven_figures():
    # A models table of a 5-council study (impact synth --councils 5 --seed 30811, impact run) showed an odds ratio's
    # interval as "0.00 to 1,909,551.63" in Word, HTML and Excel: a ratio of zero, and figures of noise. The bounds
    # are exp(-14.43) and exp(14.46), planted here: each document shows "<0.01 to >999", and the workbook keeps the
    # full value under a number format that shows the same.
    from impact.report._build import _odds_ratio

    data = pd.DataFrame({"impact": ["commitment", "learning", "morale"],
                         "odds_ratio": [np.exp(0.0144), 0.0041, 2500.0],
                         "odds_ratio_ci_low": [np.exp(-14.43), 0.0009, 3.2],
                         "odds_ratio_ci_high": [np.exp(14.46), 0.0193, 24.5]})
    table = Table("models", data, "Models", "Odds ratios.", {"OR CI": CI("odds_ratio_ci_low", "odds_ratio_ci_high")})
    want = [["commitment", "1.01", "<0.01 to >999"], ["learning", "<0.01", "<0.01 to 0.02"],
            ["morale", ">999", "3.20 to 24.50"]]
    report = Report("r", "", {}, [Section("s", [table])])
    doc = docx.Document(io.BytesIO(render_docx(report)))
    assert [[c.text for c in row.cells] for row in doc.tables[0].rows[1:-1]] == want
    assert doc.tables[0].rows[-1].cells[0].text == "Odds ratios."  # the note, the table's last row
    page = lxml.html.fromstring(render_html(report))
    # the note is the body's last row (round 48), as in Word
    rows = page.find(".//tbody").findall("tr")
    assert [[c.text_content().strip() for c in tr.xpath("./th|./td")] for tr in rows[:-1]] == want
    assert rows[-1].get("class") == "table-notes" and rows[-1].text_content() == "Odds ratios."
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Table 1"]
    shown = [[c.value if isinstance(c.value, str) else _excel_shows(c.value, c.number_format) for c in row]
             for row in sheet.iter_rows(min_row=2, max_col=4)]
    assert shown == [["commitment", "1.01", "<0.01", ">999"], ["learning", "<0.01", "<0.01", "0.02"],
                     ["morale", ">999", "3.20", "24.50"]]
    # the cell keeps the value to two significant figures (outputs1: rounded as published, never 0), the format shows it
    assert sheet["C2"].value == pytest.approx(np.exp(-14.43), rel=0.01) and sheet["C2"].value == float(f"{np.exp(-14.43):.2g}")
    # the sentences that give a model's odds ratio say the same
    row = pd.Series({"estimate": 0.0144, "ci_low": -14.43, "ci_high": 14.46, "p_adjusted": 1.0})
    assert "odds ratio 1.01, 95% CI <0.01 to >999, Holm-adjusted" in _odds_ratio(row)


def test_the_same_figure_gives_the_same_svg_bytes():
    # rasterise's promise (the same figure, the same bytes): matplotlib salts the ids of an SVG's clip paths with a
    # random UUID unless svg.hashsalt is set, so two renderings of one figure differed in every clip-path id and the
    # demo's provenance.json recorded new hashes for unchanged figures on every run
    from impact.report._images import rasterise

    def figure():
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.bar(["a", "b"], [1, 2])
        return fig

    first, second = rasterise(figure()), rasterise(figure())
    plt.close("all")
    assert b"clip-path" in first.svg
    assert first.svg == second.svg and first.png == second.png
