"""Truth60: every finding sentence of the report against the planted truth, on 8 studies never used (round 2).

Seeds chosen before any run (grep of bench/, tests/ and impact/ for 60001xx found none): 6000101-6000108. Designs
truth57 did not cover: 5 and 8 councils, statutory directions, councils entering, leaving and both, a notice lifted
early (before the longer-term wave), an effect planted only at the longer-term wave, planted declines, unequal
interviews per council (heavy missing and drop-out at 2 a council) and heavy attrition at the last wave in
intervention. Same method as ``bench/truth57_read.py`` (its ``run``): generated with planted truth, analysed with the
planted coding, every section's text written to ``bench/truth60_read/<name>.txt`` beside the true prevalences.

    PYTHONPATH=$PWD python bench/truth60_read.py [name ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import truth57_read

_LATE = {"expectations": 0.0, "early": 0.0, "longer_term": 1.8}

#: name: (councils, seed, keyword arguments of generate_with_truth). Written before the first run.
STUDIES = {
    "s05_default": (5, 6000101, {}),
    "s08_direction_late_rise": (8, 6000102, {"intervention_paths": {"never": 0.5, "direction": 0.5},
                                            "effects": {"wave_log_odds": {"expectations": -2.0, "early": -2.0,
                                                                          "longer_term": -0.6}}}),
    "s12_mixed_paths_decline": (12, 6000103, {"intervention_paths": {"never": 0.4, "entered": 0.2, "lifted": 0.2,
                                                                    "entered_lifted": 0.2},
                                              "effects": {"code_wave_log_odds": {"morale": {
                                                  "expectations": 0.0, "early": -2.5, "longer_term": -2.5}}}}),
    "s20_lifted_late_in_rise": (20, 6000104, {"intervention_paths": {"never": 0.5, "lifted": 0.25, "entered": 0.25},
                                              "effects": {"intervention_log_odds": 0.0,
                                                          "intervention_wave_log_odds": {"learning": _LATE}}}),
    "s30_unequal_interviews": (30, 6000105, {"interviews_per_wave": 2, "participant_missing": 0.35,
                                             "participant_dropout": 0.3, "council_missing": 0.1}),
    "s30_last_wave_attrition": (30, 6000106, {"intervention_paths": {"never": 0.5, "throughout": 0.25,
                                                                    "entered": 0.25},
                                              "participant_missing_in_intervention": {"longer_term": 0.75},
                                              "participant_dropout": 0.25}),
    "s60_null_direction": (60, 6000107, {"effects": "null", "intervention_paths": {"never": 0.6, "direction": 0.2,
                                                                                   "entered_lifted": 0.2}}),
    "s100_all_decline": (100, 6000108, {"effects": {"wave_log_odds": {"expectations": 0.0, "early": -1.5,
                                                                      "longer_term": -1.5}},
                                        "words_per_interview": 300, "interviews_per_wave": 3}),
}


def main(studies: dict, here: Path, argv: list[str]) -> None:
    """Write the texts and tables of ``studies`` (``argv``: ``[before|after] [name ...]``, every study by default)
    into ``here``, or its ``before/`` or ``after/`` folder (truth63 reads its studies so too)."""
    truth57_read.STUDIES = studies
    folder = here / (argv[0] if argv and argv[0] in ("before", "after") else "")
    names = [a for a in argv if a not in ("before", "after")]
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or studies:
        truth57_read.run(name, folder, tables=True)


if __name__ == "__main__":
    main(STUDIES, Path(__file__).with_suffix(""), sys.argv[1:])


#: A sentence of a section (not the summary) that states a result: a share, a test, a figure or its absence.
FINDING = r"\d%|\bp [=<]|signific|stood out|not at random|odds ratio|changed by|(?:more|less) often|no council|could not"


def count(path: Path) -> tuple[int, int]:
    """``(summary, sections)``: the sentences of a text written by ``truth57_read.run`` that VERDICTS.md counts, every
    sentence of the summary and each section sentence (paragraphs, bullets, table notes) matching ``FINDING``; the
    planted truth and the tables are not counted."""
    import re

    text = path.read_text(encoding="utf-8").split("\n## PLANTED TRUTH")[0]
    summary, _, rest = text.partition("\n## The sample")
    split = re.compile(r"(?<=[.)])\s+(?=[A-Z])")

    def sentences(block: str) -> list[str]:
        return [s for line in block.splitlines() if line.startswith(("P: ", "- ", "  notes: "))
                for s in split.split(line.split(": ", 1)[1] if not line.startswith("- ") else line[2:]) if s.strip()]

    return len(sentences(summary.split("## Summary", 1)[1])), sum(bool(re.search(FINDING, s, re.I)) for s in sentences(rest))
