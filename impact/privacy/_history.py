"""A study's release history: every bundle's ledger, kept privately, so that a later bundle protects the union.

Two bundles of one study (an interim report on the waves held so far and the final one) each protect their own
counts, but differenced they can give hidden counts back: the final publishes a count the interim hid beside a model's
margin only the interim's ledger held (disclosure round 76: 4 hidden counts of a 20-council study recovered exactly,
6 of a 25-council one). A run that writes a bundle records its ledger here (every count with its value, hidden ones
included, whether it was published, the relations between them and the waves the run held), in a private file beside
the pseudonym key (mode 0600), never in the bundle; a later run of the same study merges every earlier release into
its own ledger before its suppression is decided (:func:`merge_releases`), so what it publishes is audited against
everything published before. A count an earlier release hid is hidden by the later one too (disclosure round 81), as
the cells linked tables share are suppressed alike, and a statistic it withheld (a change's median, a rank statistic, a
row of statements) is withheld by the later one where it has the same value (disclosure round 82).

The file is named from the study's name and the pseudonym key (:func:`history_file`), never from a path, and it is
signed with the key: a file made for another study or with another key, or changed since, is refused.

Drafts (disclosure round 78): each release also names the output folder it was written to (a keyed hash of its full
path, :func:`bundle_of`, never the path). A run writing to the same folder replaces that folder's earlier bundle, so it
replaces its release too where that release is a draft of the same one: the same waves of the study (disclosure round
79). The earlier one is then not merged and its record is dropped when the new one is recorded, so a study run again
and again while its data are cleaned, into one folder, holds one release, not one per draft. A release of the same
folder that held other waves (an interim report, shared, then the final one written over it) is another release: it is
kept and merged, so the final is protected against it. A bundle of the same waves that was shared stays protected as
long as the next run writes to another folder.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import warnings
from collections.abc import Hashable, Iterable
from pathlib import Path

from .._io import unwritable, write_private
from .._words import _counted, _verb
from ..errors import InputError, user_level
from ._disclosure import DisclosureWarning
from ._ledger import DisclosureLedger
from ._pseudonym import KEY_ENV, KEY_FILE_ENV, default_key_file, key_found, resolve_key

__all__ = ["ReleaseHistory", "bundle_of", "forget_release", "history_file", "list_releases", "load_history",
           "merge_releases", "open_history", "record_release", "release_of", "save_history", "study_name_in"]

_FORMAT = "impact release history"
_VERSION = 1
#: Largest release history read, in bytes (a 40-council study's release is about 100 kB).
_MAX_BYTES = 256 * 1024 * 1024


def _identity(study_name: str, key: bytes) -> str:
    """The study's identity in its history: a keyed hash of its name (the name itself is not written)."""
    return hmac.new(key, f"{_FORMAT}\0{study_name}".encode(), hashlib.sha256).hexdigest()


def bundle_of(out_dir: str | Path, key: bytes) -> str:
    """The name a release gives the output folder it was written to: a keyed hash of the folder's full path (the path
    itself is not written).

    Examples
    --------
    >>> bundle_of("/data/out", b"k" * 32) == bundle_of("/data/../data/out/", b"k" * 32)
    True
    >>> bundle_of("/data/out", b"k" * 32) == bundle_of("/data/out2", b"k" * 32)
    False
    """
    where = str(Path(out_dir).expanduser().resolve())
    return hmac.new(key, f"{_FORMAT}\0bundle\0{where}".encode(), hashlib.sha256).hexdigest()


def history_file(study_name: str, key: bytes) -> Path:
    """Where the release history of the study named ``study_name`` is kept when none is named: beside the pseudonym
    key (:func:`~impact.privacy.default_key_file`), one file per study, named from the study's name and the key.

    Examples
    --------
    >>> history_file("Longer-term study", b"k" * 32).name
    'release-history-8f5ac9a7c4e9450b.json'
    """
    return default_key_file().parent / f"release-history-{_identity(study_name, key)[:16]}.json"


# ---------------------------------------------------------------------------------------------------- keys as JSON
def _encoded(key: Hashable):
    if isinstance(key, tuple):
        return {"t": [_encoded(k) for k in key]}
    if key is None or isinstance(key, (bool, str)):
        return key
    if isinstance(key, (int, float)) or hasattr(key, "item"):  # numpy scalars
        v = key.item() if hasattr(key, "item") else key
        return v if isinstance(v, (int, float)) else str(v)
    return {"s": str(key)}


def _decoded(value) -> Hashable:
    if isinstance(value, dict) and "t" in value:
        return tuple(_decoded(v) for v in value["t"])
    if isinstance(value, dict) and "s" in value:
        return value["s"]
    return value


# ---------------------------------------------------------------------------------------------------- releases
def release_of(ledger: DisclosureLedger, *, waves: Iterable[str], declared: bytes) -> dict:
    """The release a decided ``ledger`` makes: every count an intruder's system over the bundle holds (those of the
    relations the decisions were not told of too), its value and whether it is ``published``, ``hidden`` (protected)
    or ``unknown`` (unpublished, needing no protection of its own); every sum and bound; the waves the run held; and
    ``declared``, a digest of the run's own declarations (a run made again on the same data is the same release)."""
    told = ledger._audited()
    hidden = set(ledger._hidden or ()) | set(told.auxiliary)
    index = {k: i for i, k in enumerate(told.values)}
    counts = []
    for k, v in told.values.items():
        status = "published" if k not in hidden else ("unknown" if k in told.auxiliary else "hidden")
        counts.append([_encoded(k), v, status])
    return {"waves": [str(w) for w in waves], "declared": declared.hex(), "threshold": ledger.threshold,
            "counts": counts,
            "sums": [[index[t], [index[p] for p in parts]] for t, parts in told.sums],
            "bounds": [[index[a], index[b]] for a, b in told.bounds]}


def _signature(key: bytes, identity: str, releases: list) -> str:
    body = json.dumps([identity, releases], sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, b"signature\0" + body, hashlib.sha256).hexdigest()


def load_history(path: str | Path, *, study_name: str, key: bytes) -> list[dict]:
    """The releases recorded in ``path`` for the study named ``study_name``, oldest first; none where the file does
    not exist.

    Raises
    ------
    impact.InputError
        If the file is not a release history impact wrote, was made for another study or with another key, or was
        changed since (its signature does not hold).
    """
    path = Path(path)
    if not path.exists():
        return []
    where = f"{path}: "
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise InputError(f"{where}a release history of {path.stat().st_size} bytes - expected at most {_MAX_BYTES}")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{where}cannot be read as a release history ({e}) - expected the JSON file impact writes "
                         "beside the pseudonym key (--release-history)") from None
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise InputError(f"{where}not a release history - expected the JSON file impact writes beside the pseudonym "
                         f"key, whose 'format' is {_FORMAT!r}")
    if data.get("version") != _VERSION:
        raise InputError(f"{where}a release history of version {data.get('version')!r} - expected {_VERSION}")
    identity = _identity(study_name, key)
    if data.get("study") != identity:
        raise InputError(f"{where}the release history of another study, or one made with another pseudonym key - "
                         "expected this study's (named by study.yaml's name and the key)")
    releases = data.get("releases")
    if not isinstance(releases, list) or not hmac.compare_digest(str(data.get("signature", "")),
                                                                 _signature(key, identity, releases)):
        raise InputError(f"{where}the release history was changed since impact wrote it (its signature does not "
                         "hold) - expected the file as impact wrote it")
    return releases


def save_history(path: str | Path, releases: list[dict], *, study_name: str, key: bytes) -> Path:
    """Write ``releases`` to ``path`` atomically, readable by its owner alone (mode 0600), signed with ``key``."""
    identity = _identity(study_name, key)
    data = {"format": _FORMAT, "version": _VERSION, "study": identity, "releases": releases,
            "signature": _signature(key, identity, releases)}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, (json.dumps(data, separators=(",", ":")) + "\n").encode())
    return path


def record_release(path: str | Path, release: dict, *, study_name: str, key: bytes) -> int:
    """Add ``release`` to the history in ``path`` (not where the same release, same declarations, is recorded last);
    returns how many releases it holds. An earlier release of the same declarations, or written to the same output
    folder (its ``bundle``: that bundle was replaced by this one) with the same waves (a draft of this release), is
    dropped; one of the same folder that held other waves (an interim report) is kept."""
    releases = load_history(path, study_name=study_name, key=key)
    if not releases or releases[-1] != release:
        releases = [r for r in releases if not _replaced_by(r, release)] + [release]
        save_history(path, releases, study_name=study_name, key=key)
    return len(releases)


def _replaced_by(earlier: dict, release: dict) -> bool:
    """Whether ``release`` replaces ``earlier``: the same declarations, or a draft of the same release, written to the
    same output folder with the same waves. Where ``release`` names no waves (None: not known to the caller), the
    folder alone decides.

    Examples
    --------
    >>> interim = {"declared": "1", "bundle": "out", "waves": ["before", "early"]}
    >>> _replaced_by(interim, {"declared": "2", "bundle": "out", "waves": ["early", "before"]})
    True
    >>> _replaced_by(interim, {"declared": "2", "bundle": "out", "waves": ["before", "early", "later"]})
    False
    >>> _replaced_by(interim, {"declared": "2", "bundle": "elsewhere", "waves": ["before", "early"]})
    False
    """
    if earlier.get("declared") == release.get("declared"):
        return True
    bundle = release.get("bundle")
    if bundle is None or earlier.get("bundle") != bundle:
        return False
    waves = release.get("waves")
    return waves is None or sorted(map(str, earlier.get("waves") or ())) == sorted(map(str, waves))


# ---------------------------------------------------------------------------------------------------- merging
def _waves_named(key: Hashable, waves: set[str]) -> set[str]:
    parts = key if isinstance(key, tuple) else (key,)
    return {str(p) for p in parts if isinstance(p, str) and p in waves}


def merge_releases(ledger: DisclosureLedger, releases: list[dict], *, declared: bytes,
                   bundle: str | None = None, waves: Iterable[str] | None = None) -> tuple[int, list]:
    """Declare to ``ledger`` (nothing decided yet) every earlier release of ``releases``; returns how many were
    merged and the counts of the same name whose value differs (the study's data corrected since).

    A count of an earlier release with the name and value of one of this ledger's is the same count: published before,
    it is public now (this run cannot unpublish it); hidden before, it is hidden now and protected, as one hidden under
    a name of its own is (disclosure round 81: the earlier release's decisions, and what it published beside the counts
    it hid that no history holds, such as a change's odds ratio, assumed them hidden; a final that published a model's
    four cells an interim had hid handed them to the interim's reader). Any other count of an earlier release (a total
    over other waves, a count of data corrected since) is declared under a name of its own, ``("release", i, name)``:
    public where it was published, hidden and protected where it was hidden, unpublished where it was unknown; and every
    relation of the release with it. The suppression then protects the union. A count unknown to the earlier release's
    reader (a statistic it withheld after its decisions, :meth:`~impact.privacy._ledger.DisclosureLedger.
    withhold_narrowing`) is kept by name and value in ``ledger.withheld_before``: this run withholds it too where it has
    the same value (disclosure round 82: what the earlier release published beside it that no history holds, such as a
    change's odds ratio, assumed it unknown). A release with this run's own declarations
    (``declared``: the same study run again) is this release, not an earlier one; so is a draft of it, written to this
    run's output folder (``bundle``, :func:`bundle_of`: the bundle this run replaces) with this run's ``waves``. One of
    that folder with other waves (an interim report the final one is written over) is an earlier release, merged. Where
    ``waves`` is None, the folder alone decides. A count of the same name naming only waves the earlier release held
    whose value differs is warned of (:class:`~impact.privacy.DisclosureWarning`).

    Examples
    --------
    An earlier release published a total of 9 and hid its parts ``a`` (3) and ``b`` (6); this one declares ``b`` alone:

    >>> earlier = DisclosureLedger(threshold=5)
    >>> for k, v in {"t": 9, "a": 3, "b": 6}.items(): earlier.count(k, v)
    >>> earlier.relation("t", ["a", "b"]); sorted(earlier.protect())
    ['a', 'b']
    >>> release = release_of(earlier, waves=["w1"], declared=b"1")
    >>> later = DisclosureLedger(threshold=5); later.count("b", 6); later.count("c", 20)
    >>> merge_releases(later, [release], declared=b"2")
    (1, [])
    >>> sorted(later.protect(), key=str)
    [('release', 1, 'a'), 'b']
    """
    merged, differ = 0, []
    this = {"declared": declared.hex(), "bundle": bundle, "waves": None if waves is None else [str(w) for w in waves]}
    for i, release in enumerate(releases, 1):
        if _replaced_by(release, this):
            continue
        merged += 1
        held = set(release.get("waves", ()))
        names = []
        for enc, value, status in release["counts"]:
            key, value = _decoded(enc), float(value)
            if status == "unknown":
                # withheld (or never published) by the earlier release: withheld by this one too where it declares it
                # with the same value (DisclosureLedger.withhold_narrowing; disclosure round 82)
                ledger.withheld_before.add((key, value))
            if key in ledger.values and ledger.values[key] == value:
                if status == "published":
                    ledger.public.add(key)
                    ledger.forced.discard(key)
                    ledger.auxiliary.discard(key)
                elif status == "hidden" and key not in ledger.public:
                    # hidden before: hidden now, and protected (disclosure round 81: published by this run, a count
                    # the earlier hid only to protect others is handed to its reader, and with it whatever else the
                    # earlier release published beside it gives of the cells it was hidden for)
                    ledger.auxiliary.discard(key)
                    ledger.forced.add(key)
                names.append(key)
                continue
            if key in ledger.values and _waves_named(key, held) and not ledger.auxiliary & {key}:
                differ.append(key)
            own = ("release", i, key)
            if status == "published":
                ledger.count(own, value, public=True)
            elif status == "hidden":
                ledger.count(own, value, hide=True)
            else:
                ledger.unpublished(own, value)
            names.append(own)
        for t, parts in release["sums"]:
            total = names[t]
            if not _is_earlier(total):
                # a total of this ledger's too (a model's margin of the same value): the release's sum under a name of
                # its own, equal to it, so that leaving this ledger's sums of it out (a model withheld, or asked what
                # its sums narrow: DisclosureLedger.narrowed_by) leaves the release's, which it published, in place
                alias = ("release", i, ("total",) + (total if isinstance(total, tuple) else (total,)))
                if alias not in ledger.values:
                    ledger.unpublished(alias, ledger.values[total])
                    ledger.relation(alias, [total])
                total = alias
            ledger.relation(total, [names[p] for p in parts])
        for a, b in release["bounds"]:
            ledger.at_most(names[a], names[b])
    ledger._hidden = None
    if differ:
        warnings.warn(f"{_counted(len(differ), 'count')} of waves an earlier release of this study published or hid "
                      f"{_verb(differ, 'has')} another "
                      f"value now (the study's data were corrected since?), e.g. {differ[0]!r}: both releases are "
                      "protected as separate ones", DisclosureWarning, stacklevel=user_level())
    return merged, differ


class ReleaseHistory:
    """A study's release history as one run reads and extends it: the earlier releases (:func:`load_history`, refused
    before any work where the file cannot be used), merged into the run's ledger (:meth:`merge`), the release the run
    makes (:meth:`made`), recorded once its bundle is whole (:meth:`record`).

    Parameters
    ----------
    path : path, optional
        The history file; :func:`history_file` of the study's name and ``key`` where None.
    study_name : str
        The study's name (study.yaml's ``name``): with the key, the study's identity in the file.
    key : bytes
        The pseudonym key: it names and signs the file.
    out_dir : path, optional
        The output folder the run writes its bundle to: an earlier release written there of the same waves (a draft)
        is replaced by this run's (not merged, and dropped once this one is recorded); one of other waves (an interim
        report written there before the final one) is merged. None: every earlier release is merged.
    """

    def __init__(self, path: str | Path | None, *, study_name: str, key: bytes,
                 out_dir: str | Path | None = None) -> None:
        self.study_name, self.key = str(study_name), bytes(key)
        self.bundle = bundle_of(out_dir, self.key) if out_dir is not None else None
        self.path = Path(path).expanduser() if path is not None else history_file(self.study_name, self.key)
        self.releases = load_history(self.path, study_name=self.study_name, key=self.key)
        self.release: dict | None = None
        self.merged = 0
        self.recording = True  # False where the history's folder cannot be written: read, never recorded

    def merge(self, ledger: DisclosureLedger, *, declared: bytes, waves: Iterable[str] | None = None) -> int:
        """:func:`merge_releases` of the earlier releases into ``ledger`` (``waves``: those the run holds); returns how
        many were merged."""
        self.merged = merge_releases(ledger, self.releases, declared=declared, bundle=self.bundle, waves=waves)[0]
        return self.merged

    def made(self, ledger: DisclosureLedger, *, waves: Iterable[str], declared: bytes) -> None:
        """Keep the release the decided ``ledger`` makes (:func:`release_of`), its own counts alone: the earlier
        releases merged into it are recorded already."""
        release = release_of(ledger, waves=waves, declared=declared)
        own = [c for c in release["counts"] if not _is_earlier(_decoded(c[0]))]
        if len(own) != len(release["counts"]):
            keep = [i for i, c in enumerate(release["counts"]) if not _is_earlier(_decoded(c[0]))]
            at = {old: new for new, old in enumerate(keep)}
            release["counts"] = own
            release["sums"] = [[at[t], [at[p] for p in parts]] for t, parts in release["sums"]
                               if t in at and all(p in at for p in parts)]
            release["bounds"] = [[at[a], at[b]] for a, b in release["bounds"] if a in at and b in at]
        if self.bundle is not None:
            release["bundle"] = self.bundle
        self.release = release

    def record(self) -> int:
        """Write the release made to the history file (after the bundle is whole); returns how many it holds."""
        if self.release is None:
            raise RuntimeError("no release was made: build the report with this history first")
        if not self.recording:
            return len(self.releases)
        self.release["made"] = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()  # listed by impact history
        return record_release(self.path, self.release, study_name=self.study_name, key=self.key)


def _is_earlier(key: Hashable) -> bool:
    return isinstance(key, tuple) and len(key) == 3 and key[0] == "release" and isinstance(key[1], int)


# ---------------------------------------------------------------------------------------------------- impact history
def study_name_in(folder: str | Path) -> str:
    """study.yaml's name (the study's identity in its release history), read without validating the study; "" where
    it names none. Raises :class:`~impact.InputError` where the folder has no study.yaml or it cannot be read."""
    import yaml

    spec_file = Path(folder) / "study.yaml"
    if not spec_file.is_file():
        raise InputError(f"{folder}: no study.yaml here - expected the study folder the release history was kept for "
                         "(holding study.yaml)")
    try:
        spec = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise InputError(f"{spec_file}: cannot be read ({type(e).__name__}) - expected the study's YAML file, whose "
                         "'name' names the study's release history") from None
    return str(spec.get("name", "")) if isinstance(spec, dict) else ""


def open_history(study_dir: str | Path, *, key_file: str | Path | None = None,
                 path: str | Path | None = None) -> tuple[Path, str, bytes, list[dict]]:
    """The release history of the study in ``study_dir`` as ``impact history`` reads it: the file (``path``, else
    :func:`history_file` of the study's name and the pseudonym key), the study's name, the key and the releases.

    The key is found as a run finds it (:func:`~impact.privacy.resolve_key`: ``key_file``, the environment, the
    default key file), never made.

    Raises
    ------
    impact.InputError
        If the study folder has no readable study.yaml, no key is found, the file does not exist, or it is no release
        history of this study made with this key, or was changed since (:func:`load_history`).
    """
    name = study_name_in(study_dir)
    if not key_found(key_file=key_file):
        raise InputError(f"{default_key_file()}: no pseudonym key here (and none named with --key-file or in "
                         f"{KEY_ENV} or {KEY_FILE_ENV}) - expected the key the runs of the study used, which names "
                         "and signs its release history: name its file with --key-file")
    key = resolve_key(key_file=key_file, create=False, study_dir=study_dir)
    file = Path(path).expanduser() if path is not None else history_file(name, key)
    if not file.exists():
        told = "" if path is not None else (f" (the file beside the pseudonym key named from study.yaml's name "
                                           f"{name!r} and the key)")
        raise InputError(f"{file}: no release history here{told} - expected the file `impact run` keeps for this "
                         "study: no bundle of it was made with a history kept there, or it was made with another "
                         "key or under another name (--release-history FILE names a file of your own)")
    if file.is_dir():
        raise InputError(f"{file}: a folder - expected the study's release history, a file")
    return file, name, key, load_history(file, study_name=name, key=key)


def list_releases(releases: list[dict], *, key: bytes, out_dirs: Iterable[str | Path] = ()):
    """One row a release of ``releases`` (oldest first): its number (``release``, from 1, as ``--forget`` takes it),
    when it was ``made`` (UTC; empty for a release recorded before impact kept the time), its ``waves``, how many
    counts it ``published``, ``hidden`` (protected) and left ``unpublished`` (needing no protection), and
    ``written_to``: the folder of ``out_dirs`` its bundle was written to (compared by :func:`bundle_of`, the history
    keeps no path), else ``another folder``, or ``not recorded`` for a release that named none. Never a count's
    value.

    Examples
    --------
    >>> led = DisclosureLedger(threshold=5)
    >>> for k, v in {"t": 9, "a": 3, "b": 6}.items(): led.count(k, v)
    >>> led.relation("t", ["a", "b"]); _ = led.protect()
    >>> release = dict(release_of(led, waves=["w1"], declared=b"1"), bundle=bundle_of("/o", b"k" * 32))
    >>> list_releases([release], key=b"k" * 32, out_dirs=["/o"]).iloc[0].to_dict()
    {'release': 1, 'made': '', 'waves': 'w1', 'published': 1, 'hidden': 2, 'unpublished': 0, 'written_to': '/o'}
    """
    import pandas as pd

    given = {bundle_of(d, key): str(d) for d in out_dirs}
    rows = []
    for i, r in enumerate(releases, 1):
        status = [c[2] for c in r.get("counts", ())]
        bundle = r.get("bundle")
        rows.append({"release": i, "made": str(r.get("made") or ""), "waves": ", ".join(map(str, r.get("waves", ()))),
                     "published": status.count("published"), "hidden": status.count("hidden"),
                     "unpublished": status.count("unknown"),
                     "written_to": "not recorded" if bundle is None else given.get(bundle, "another folder")})
    return pd.DataFrame(rows, columns=["release", "made", "waves", "published", "hidden", "unpublished",
                                       "written_to"])


def forget_release(path: str | Path, number: int, *, study_name: str, key: bytes) -> list[dict]:
    """Drop release ``number`` (from 1, oldest first, as :func:`list_releases` numbers them) from the history in
    ``path``, written again atomically and signed; returns the releases kept. For a release that was never shared:
    a later bundle no longer protects what it hid.

    Raises
    ------
    impact.InputError
        If the history holds no release of that number, or cannot be read (:func:`load_history`) or written.
    """
    releases = load_history(path, study_name=study_name, key=key)
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(releases):
        raise InputError(f"{path}: no release {number!r} in this history - expected a number from 1 to "
                         f"{len(releases)}, as `impact history` lists them" if releases else
                         f"{path}: the release history holds no release - nothing to forget")
    kept = releases[:number - 1] + releases[number:]
    if (why := unwritable(Path(path).parent)) is not None:
        raise InputError(f"{Path(path).parent}: the release history's folder cannot be written ({why}) - expected a "
                         "folder you can write to; nothing was forgotten")
    save_history(path, kept, study_name=study_name, key=key)
    return kept
