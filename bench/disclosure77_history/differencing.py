"""Disclosure round 77: disclosure round 76's differencing attack (an interim bundle and the final one of the same
study) against bundles made with the study's release history.

``python -m bench.disclosure77_history.differencing OUT NAME [...]``: for each study NAME of
:data:`bench.disclosure76_attack.studies.STUDIES`, builds under OUT (a folder of its own, with its own configuration
folder, so the history is this run's alone) the interim study first, then the final one, as a user would (the final
run reads the history the interim run recorded), and runs round 76's attack
(:func:`bench.disclosure76_attack.differencing.compare`) on the interim's ledger and the final's own counts. Prints,
and writes to OUT/NAME-result.json, what each bundle publishes that the other hides, the hidden counts narrowed, and
how many counts each publishes (the findings published before and after the history).
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path


def build(out: Path, name: str) -> None:
    """The interim study of ``name``, then the final one, built under ``out`` with one release history."""
    from bench.disclosure76_attack import differencing as d76
    from bench.disclosure76_attack import studies as s76

    os.environ.pop("IMPACT_PSEUDONYM_KEY_FILE", None)
    if not (out / f"{name}-interim" / "ledger.pickle").exists():
        # the generated study, which the interim is made from; its bundle, made again below, recorded elsewhere
        os.environ["XDG_CONFIG_HOME"] = str(out / "config-unused")
        s76.build(out, [name])
        # the history beside the default key place, one folder a study (the generated studies share a name, and with
        # the key, a history)
        os.environ["XDG_CONFIG_HOME"] = str(out / f"config-{name}")
        d76.build_interim(out, name)
    os.environ["XDG_CONFIG_HOME"] = str(out / f"config-{name}")
    s76.build(out, [name])


def _own(ledger):
    """``ledger`` with the counts of earlier releases merged into it left out (its own counts and their relations): the
    ledger round 76's attack reads as the bundle's."""
    from impact.privacy._history import _is_earlier

    base = ledger._audited()  # with the relations the decisions were not told of
    out = base._copy()
    drop = {k for k in base.values if _is_earlier(k)}
    out.values = {k: v for k, v in base.values.items() if k not in drop}
    out.sums = [(t, p) for t, p in base.sums if t not in drop and not drop & set(p)]
    out.bounds = [b for b in base.bounds if not drop & set(b)]
    for marks in (out.forced, out.auxiliary, out.public, out.kept):
        marks -= drop
    out._hidden = set(base._hidden) - drop
    return out


def result(out: Path, name: str) -> dict:
    import yaml

    from bench.disclosure76_attack.channels import audit
    from bench.disclosure76_attack.differencing import _handed

    final = pickle.loads((out / name / "ledger.pickle").read_bytes())
    first = pickle.loads((out / f"{name}-interim" / "ledger.pickle").read_bytes())
    held = {w["id"] for w in yaml.safe_load((out / f"{name}-interim" / "study" / "study.yaml").read_text())["waves"]}
    own = _own(final)
    to_final, d1 = _handed(first, own, held)
    to_first, d2 = _handed(own, first, held)
    # the final's own counts audited with what the interim publishes, on the final's own system (round 76's attack);
    # and on the merged one (the interim's relations too)
    narrowed_final = audit(own, [], to_final)
    narrowed_first = audit(first, [], to_first)
    published = {side: sum(1 for k in led.values if not led.hidden(k) and k not in led.public)
                 for side, led in (("interim", first), ("final", own))}
    hidden = {side: sum(1 for k in led.values if led.hidden(k) and k not in led.auxiliary)
              for side, led in (("interim", first), ("final", own))}
    return {"name": name, "to_final": len(to_final), "to_interim": len(to_first), "differ": len(d1) + len(d2),
            "final_narrowed": {str(k): v for k, v in narrowed_final.items()},
            "interim_narrowed": {str(k): v for k, v in narrowed_first.items()},
            "published_not_public": published, "hidden": hidden}


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for nm in sys.argv[2:]:
        if not (root / nm / "ledger.pickle").exists():
            build(root, nm)
        r = result(root, nm)
        (root / f"{nm}-result.json").write_text(json.dumps(r, indent=1, default=str))
        print(f"{nm}: the interim publishes {r['to_final']} counts the final hides, the final {r['to_interim']} the "
              f"interim hides; narrowed: {len(r['final_narrowed'])} of the final, {len(r['interim_narrowed'])} of the "
              f"interim; counts published (not public) {r['published_not_public']}, hidden {r['hidden']}")
