"""The committed baseline (evals/baseline.json) and `--compare`.

The file holds one entry per row (extractor/model): its metrics, intervals
and counts, the fixture set it was made on, and every gold claim's
predicted labels, so that a later run can list the claims whose label
changed ("flips"). Tolerances live in the file too (defaults below): a
metric regresses when it drops by more than its tolerance. All metrics are
higher-is-better; metrics without a tolerance are shown but never fail.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from verifier.errors import InputNotFound, MalformedInput
from verifier.evals.metrics import METRICS

BASELINE_VERSION = 1
EPS = 1e-9

DEFAULT_TOLERANCES: dict[str, float] = {
    "extraction.precision": 0.01,
    "extraction.recall": 0.01,
    "extraction.f1": 0.01,
    "label.*.accuracy": 0.01,
    "label.*.macro_f1": 0.02,
    "label.*.attributed.f1": 0.03,
    "label.*.asserted.f1": 0.03,
    "speaker.accuracy": 0.02,
    "grounding.rate": 0.01,
}


def tolerance_for(metric: str, tolerances: dict[str, float]) -> float | None:
    """The tolerance of a metric: an exact key wins, then the first
    matching glob pattern; None: not gated."""
    if metric in tolerances:
        return tolerances[metric]
    for pat, tol in tolerances.items():
        if fnmatch.fnmatchcase(metric, pat):
            return tol
    return None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- writing -------------------------------------------------------------------

def row_entry(result, fixture_set: str, min_overlap: float) -> dict:
    """The baseline entry of one scored row (a runner.RowResult)."""
    claims: dict[str, dict[str, list]] = {}
    for c in result.claims():
        # [matched, final, extractor, checker, final correct]
        claims.setdefault(c.fixture, {})[c.gold_id] = [c.matched, c.final, c.extractor, c.checker, c.ok("final")]
    return {
        "extractor": result.row.extractor,
        "model": result.row.model,
        "recordings": str(result.row.recordings) if result.row.recordings else None,
        "set": fixture_set,
        "min_overlap": min_overlap,
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "fixtures": {fx.id: text_hash(fx.text) for fx in result.fixtures},
        "counts": {k: v for k, v in result.counts.items() if v},
        "metrics": result.metrics,
        "ci": {k: list(v) for k, v in result.ci.items() if v is not None},
        "claims": claims,
    }


def load_baseline(path: Path) -> dict:
    if not path.is_file():
        raise InputNotFound(f"{path}: no baseline file (write one with: verifier eval --update-baseline)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedInput(f"{path}: not a JSON baseline ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("rows"), dict):
        raise MalformedInput(f"{path}: not a verifier eval baseline (no 'rows' object)")
    if data.get("version") != BASELINE_VERSION:
        raise MalformedInput(f"{path}: baseline version {data.get('version')!r}, this verifier reads {BASELINE_VERSION}")
    tol = data.get("tolerances", {})
    if not isinstance(tol, dict) or not all(isinstance(v, (int, float)) for v in tol.values()):
        raise MalformedInput(f"{path}: 'tolerances' must map metric names or patterns to numbers")
    return data


def updated_baseline(existing: dict | None, entries: dict[str, dict]) -> dict:
    """The baseline with these rows replaced (other rows and the tolerances kept)."""
    data = existing or {"version": BASELINE_VERSION, "tolerances": dict(DEFAULT_TOLERANCES), "rows": {}}
    data = dict(data)
    data.setdefault("tolerances", dict(DEFAULT_TOLERANCES))
    rows = dict(data.get("rows", {}))
    rows.update(entries)
    data["rows"] = {k: rows[k] for k in sorted(rows)}
    data["version"] = BASELINE_VERSION
    return data


def dumps(data: dict) -> str:
    """Diff-friendly JSON: nested objects indented, each claim on one line."""
    return _dump(data, 0) + "\n"


def _dump(obj: Any, depth: int) -> str:
    if isinstance(obj, dict) and obj:
        pad = "  " * (depth + 1)
        items = [f"{pad}{json.dumps(k)}: {_dump(v, depth + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


# --- comparing -------------------------------------------------------------------

@dataclass
class Delta:
    metric: str
    baseline: float | None
    current: float | None
    tolerance: float | None

    @property
    def delta(self) -> float | None:
        if self.baseline is None or self.current is None:
            return None
        return round(self.current - self.baseline, 4)

    @property
    def regressed(self) -> bool:
        if self.tolerance is None or self.baseline is None:
            return False
        if self.current is None:
            return True
        return self.current < self.baseline - self.tolerance - EPS


@dataclass
class Flip:
    fixture: str
    claim: str
    source: str  # final | extractor | checker
    kind: str  # fixed | broken | changed | lost | found
    before: str | None
    after: str | None


@dataclass
class RowComparison:
    name: str
    deltas: list[Delta] = field(default_factory=list)
    flips: list[Flip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    missing: bool = False  # no baseline entry for this row

    @property
    def regressions(self) -> list[Delta]:
        return [d for d in self.deltas if d.regressed]

    @property
    def regressed(self) -> bool:
        return bool(self.regressions)

    def fixture_balance(self) -> dict[str, int]:
        """fixture -> (claims fixed or found) - (claims broken or lost), final label."""
        out: dict[str, int] = {}
        for f in self.flips:
            if f.source != "final":
                continue
            out[f.fixture] = out.get(f.fixture, 0) + (1 if f.kind in ("fixed", "found") else
                                                      -1 if f.kind in ("broken", "lost") else 0)
        return out

    def flip_counts(self, source: str = "final") -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.flips:
            if f.source == source:
                out[f.kind] = out.get(f.kind, 0) + 1
        return out


@dataclass
class Comparison:
    path: str
    rows: list[RowComparison]

    @property
    def regressed(self) -> bool:
        return any(r.regressed for r in self.rows)

    def row(self, name: str) -> RowComparison | None:
        return next((r for r in self.rows if r.name == name), None)


_FIELDS = {"final": 1, "extractor": 2, "checker": 3}


def _flips(base_claims: dict, result, skip: set[str]) -> tuple[list[Flip], list[str]]:
    """Claims whose labels changed; fixtures in `skip` (text edited since the
    baseline, so claim ids may mean something else) are left out."""
    flips: list[Flip] = []
    notes: list[str] = []
    new_claims = 0
    for c in result.claims():
        if c.fixture in skip:
            continue
        old = base_claims.get(c.fixture, {}).get(c.gold_id)
        if old is None:
            new_claims += 1
            continue
        was_matched = bool(old[0])
        if was_matched and not c.matched:
            flips.append(Flip(c.fixture, c.gold_id, "final", "lost", old[1], None))
            continue
        if c.matched and not was_matched:
            flips.append(Flip(c.fixture, c.gold_id, "final", "found", None, c.final))
            continue
        if not c.matched:
            continue
        for src, idx in _FIELDS.items():
            before, after = old[idx], getattr(c, src)
            if before == after:
                continue
            was_ok = before in c.acceptable if before is not None else None
            now_ok = after in c.acceptable if after is not None else None
            kind = "fixed" if (now_ok and not was_ok) else "broken" if (was_ok and not now_ok) else "changed"
            flips.append(Flip(c.fixture, c.gold_id, src, kind, before, after))
    if new_claims:
        notes.append(f"{new_claims} gold claims are not in the baseline (new fixtures or claims)")
    return flips, notes


def compare(baseline: dict, results: Iterable, path: str = "baseline", fixture_set: str = "scored",
            min_overlap: float = 0.3) -> Comparison:
    tolerances = dict(baseline["tolerances"]) if "tolerances" in baseline else dict(DEFAULT_TOLERANCES)
    rows: list[RowComparison] = []
    for res in results:
        rc = RowComparison(res.name)
        entry = baseline["rows"].get(res.name)
        if entry is None:
            rc.missing = True
            rc.notes.append(f"no baseline entry for row '{res.name}' "
                            f"(add one with: verifier eval --row {res.name} --update-baseline)")
            rows.append(rc)
            continue
        base_metrics = entry.get("metrics", {})
        for m in METRICS:
            if m not in base_metrics and res.metrics.get(m) is None:
                continue
            rc.deltas.append(Delta(m, base_metrics.get(m), res.metrics.get(m), tolerance_for(m, tolerances)))
        if entry.get("set", fixture_set) != fixture_set:
            rc.notes.append(f"the baseline was made on the '{entry.get('set')}' fixture set, this run is '{fixture_set}'")
        if abs(float(entry.get("min_overlap", min_overlap)) - min_overlap) > EPS:
            rc.notes.append(f"the baseline used min_overlap {entry.get('min_overlap')}, this run {min_overlap}")
        if entry.get("model") != res.row.model:
            rc.notes.append(f"the baseline row used model {entry.get('model')!r}, this run {res.row.model!r}")
        base_fx: dict = entry.get("fixtures", {})
        cur_fx = {fx.id: text_hash(fx.text) for fx in res.fixtures}
        added = sorted(set(cur_fx) - set(base_fx))
        removed = sorted(set(base_fx) - set(cur_fx))
        changed = sorted(k for k in set(cur_fx) & set(base_fx) if cur_fx[k] != base_fx[k])
        if added:
            rc.notes.append(f"fixtures not in the baseline: {', '.join(added)}")
        if removed:
            rc.notes.append(f"baseline fixtures not in this run: {', '.join(removed)}")
        if changed:
            rc.notes.append(f"fixture text changed since the baseline (no flips listed for it): {', '.join(changed)}")
        rc.flips, notes = _flips(entry.get("claims", {}), res, set(changed))
        rc.notes += notes
        rows.append(rc)
    return Comparison(path=path, rows=rows)
