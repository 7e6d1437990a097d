"""A study's wave labels are free text: the report's figures must survive long ones and shared short ones.

Two waves whose labels differ only in brackets ("Follow-up (about 3 months after)", "Follow-up (about 12
months after)") made the report fail (the heatmap's columns were not unique), and a label of a few hundred
characters squeezed the status figure to a sliver 6,386 pixels wide.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import EXAMPLE

from impact import load_study
from impact.pipeline import analyse, build_report
from impact.schema import LABEL_MAX

#: A label as long as a study may give one (impact.schema.LABEL_MAX: 100 characters since inputs51, which refuses the
#: few hundred this test once planted), still far past the figures' two lines of 28.
LONG = ("Longer-term change, about twelve months after the review, as agreed with the programme board and the "
        "councils in the summer; ") * 4
LONG = LONG[:LABEL_MAX].rsplit(" ", 1)[0]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("waves") / "study"
    shutil.copytree(EXAMPLE, folder)
    meta = yaml.safe_load((folder / "study.yaml").read_text(encoding="utf-8"))
    labels = {"expectations": LONG.strip(), "early": "Follow-up (about 3 months after)",
              "longer_term": "Follow-up (about 12 months after)"}
    for wave in meta["waves"]:
        wave["label"] = labels[wave["id"]]
    (folder / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    study = load_study(folder)
    # the parts that draw a figure: the report has the same six figures as with every part (the status, heatmap,
    # forest, effects, indicator and process figures; checked), each built with these labels, at half the CPU (the
    # change, survey and framework analyses add tables, no figure)
    findings = analyse(study, coded=folder / "truth_coded.csv", n_resamples=99, seed=1,
                       parts=["comparisons", "models", "indicators", "process"])
    return build_report(findings)[0]


def _figure(report, name):
    return next(f.fig for f in report.figures if f.name == name)


def test_each_wave_has_its_own_short_name_on_the_axes(report):
    status = [t.get_text() for t in _figure(report, "status_by_wave").axes[0].get_yticklabels()]
    assert len(status) == 3 and len(set(status)) == 3
    first = status[0].split("\n")
    assert len(first) == 2 and all(len(line) <= 28 for line in first) and first[-1].endswith("\u2026")
    assert LONG.startswith(" ".join(first)[:-2])
    # the two follow-ups keep their brackets: their short labels alike would name one column twice
    assert [s.replace("\n", " ") for s in status[1:]] == ["Follow-up (about 3 months after)",
                                                           "Follow-up (about 12 months after)"]
    # the heatmap's six columns: a status under each, and each wave once, by its own name, under its two columns
    heat = _figure(report, "prevalence_heatmap").axes[0]
    assert len(heat.get_xticklabels()) == 6
    waves = [t.get_text() for child in heat.child_axes for t in child.get_xticklabels()]
    assert len(waves) == len(set(waves)) == 3, waves


def test_the_status_figure_keeps_a_readable_width(report):
    fig = _figure(report, "status_by_wave")
    fig.canvas.draw()
    axes = fig.axes[0].get_position()
    assert axes.width > 0.4  # the plot, not the wave labels, takes most of the width
    assert fig.get_size_inches()[0] <= 7.5
