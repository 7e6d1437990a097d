"""CPU seconds of :func:`impact.analyse`, report building and rendering, as the tests call them, per study size.

``python -m bench.report_stages --out bench/results`` generates studies of 8, 20 and 60 councils
(:func:`impact.synth.generate_with_truth`, seed ``32600 + councils``) and measures, for each, in this process after
one warm-up analysis, report and render of a small study (imports, codebooks, the coder's and the redactor's patterns
done; not timed):

* ``analyse_s``: :func:`impact.analyse` with the planted coding and 199 resamples (seed 1), as
  ``tests/conftest.analysed_synthetic`` calls it;
* ``build_report_s`` and ``build_report_again_s``: :func:`impact.pipeline.build_report` of those findings, twice (the
  second in a process that has built that study's report once: what a test file building several reports of one
  shared study pays), with the disclosure audit inside the first (``audit_s``: the ledger's ``protect`` and
  ``release_unneeded``);
* ``render_s``: :func:`impact.report.render` of the report to a temporary folder (figures, Word, Excel, HTML, CSV);
* ``run_cpu_s`` (unless ``--no-run``): ``impact run STUDY --out DIR --resamples 999 --no-cache -q`` in a child
  process (:func:`bench.analysis_stages.run_cpu`).

Results go to ``<out>/report_stages-<timestamp>.json`` and ``<out>/report_stages_latest.json``. The figures of the
eleventh pass are in docs/performance.md ("The analysis, eleventh pass"). CPU, not wall: the machine is shared.
"""

from __future__ import annotations

import tempfile
import time
import warnings

from bench.analysis_stages import arguments, measure_sizes

__all__ = ["SIZES", "report_stages", "main"]

#: Councils of the generated studies.
SIZES = (8, 20, 60)


def _audit_timer():
    """Wrap the disclosure ledger's ``protect`` and ``release_unneeded`` to add their CPU to a list; return it and an
    undo."""
    from impact.privacy._ledger import DisclosureLedger

    spent = [0.0]
    saved = {name: getattr(DisclosureLedger, name) for name in ("protect", "release_unneeded")}

    def wrap(f):
        def timed(self, *a, **k):
            start = time.process_time()
            try:
                return f(self, *a, **k)
            finally:
                spent[0] += time.process_time() - start
        return timed

    for name, f in saved.items():
        setattr(DisclosureLedger, name, wrap(f))

    def undo():
        for name, f in saved.items():
            setattr(DisclosureLedger, name, f)
    return spent, undo


def report_stages(n_councils: int, seed: int) -> dict[str, float]:
    """CPU seconds of analysing (planted coding, 199 resamples), reporting and rendering one generated study."""
    from impact.pipeline import analyse, build_report
    from impact.report import render
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.process_time()
        findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
        analysed = time.process_time()
        audit, undo = _audit_timer()
        try:
            report, _ = build_report(findings)
        finally:
            undo()
        built = time.process_time()
        build_report(findings)
        again = time.process_time()
        with tempfile.TemporaryDirectory() as folder:
            render(report, folder)
        rendered = time.process_time()
    return {"analyse_s": round(analysed - start, 2), "build_report_s": round(built - analysed, 2),
            "audit_s": round(audit[0], 2), "build_report_again_s": round(again - built, 2),
            "render_s": round(rendered - again, 2)}


def main(argv: list[str] | None = None) -> dict:
    args = arguments(argv, __doc__, SIZES, "measure in this process only, not `impact run`")
    from impact.pipeline import analyse, build_report
    from impact.report import render
    from impact.synth import generate_with_truth

    warm, warm_truth = generate_with_truth(6, seed=5)  # imports, codebooks, the coder's and redactor's patterns
    with warnings.catch_warnings(), tempfile.TemporaryDirectory() as folder:
        warnings.simplefilter("ignore")
        render(build_report(analyse(warm, coded=warm_truth.coded(), n_resamples=99, seed=1))[0], folder)
    return measure_sizes(args, "report_stages", lambda n: 32600 + n, report_stages)


if __name__ == "__main__":
    main()
