"""Align predicted claims with gold claims, one to one, by evidence overlap.

Overlap of two evidence spans is their character Jaccard index:
|intersection| / |union| of the two [start, end) ranges (1.0 for the same
span, 0.5 when one span is the other plus as much again). A pair counts as
a match only when its overlap is at least `min_overlap` (MIN_OVERLAP = 0.3
by default: a prediction that quotes a clause of a two-clause sentence still
matches that clause's gold evidence; one that quotes a whole paragraph for a
short claim does not).

The assignment is optimal, not greedy (scipy's linear_sum_assignment):
first the largest number of matched pairs, then, among those, the largest
total overlap (compared at 0.001 resolution). Remaining ties go to the
earlier prediction, then to the earlier gold claim (in the order given), so
the result is deterministic. Alignment is
label-blind: labels are scored only after claims are aligned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

MIN_OVERLAP = 0.3
_QUANT = 1000  # overlaps are compared at 0.001 resolution
_LSA: Callable | None = None


def linear_sum_assignment() -> Callable:
    """scipy.optimize.linear_sum_assignment, loaded cheaply.

    The function is the C extension scipy.optimize._lsap (scipy.optimize
    re-exports it). Loading that one file skips the rest of scipy.optimize
    (linprog, minimize, ...), about 0.5 s of CPU per `verifier eval` run.
    Any surprise (another scipy layout) falls back to the public import.
    """
    global _LSA
    if _LSA is None:
        try:
            _LSA = _load_lsap()
        except Exception:  # pragma: no cover - depends on the installed scipy
            from scipy.optimize import linear_sum_assignment as lsa

            _LSA = lsa
    return _LSA


def _load_lsap() -> Callable:
    import sys

    mod = sys.modules.get("scipy.optimize._lsap")
    if mod is None:
        import importlib.machinery
        import importlib.util
        from pathlib import Path

        spec = importlib.util.find_spec("scipy")  # a top-level find_spec imports nothing
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("scipy not found")
        folder = Path(next(iter(spec.submodule_search_locations))) / "optimize"
        path = next(folder / ("_lsap" + sfx) for sfx in importlib.machinery.EXTENSION_SUFFIXES
                    if (folder / ("_lsap" + sfx)).is_file())
        loader = importlib.machinery.ExtensionFileLoader("scipy.optimize._lsap", str(path))
        mod = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
        loader.exec_module(mod)
    fn = getattr(mod, "linear_sum_assignment")
    if not callable(fn):
        raise ImportError("scipy.optimize._lsap has no linear_sum_assignment")
    return fn


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Character Jaccard index of two [start, end) spans (0.0 when disjoint)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union


@dataclass(frozen=True)
class Pair:
    pred: int  # index into the predictions given
    gold: int  # index into the gold spans given
    overlap: float


def align(pred_spans: Sequence[tuple[int, int] | None], gold_spans: Sequence[tuple[int, int]],
          min_overlap: float = MIN_OVERLAP) -> list[Pair]:
    """Matched pairs, sorted by gold index. A None prediction span (an
    ungrounded claim) never matches."""
    if not 0.0 < min_overlap <= 1.0:
        raise ValueError(f"min_overlap must be in (0, 1], got {min_overlap}")
    n_p, n_g = len(pred_spans), len(gold_spans)
    cand: list[tuple[int, int, float]] = []
    for i, ps in enumerate(pred_spans):
        if ps is None:
            continue
        for j, gs in enumerate(gold_spans):
            ov = overlap(ps, gs)
            if ov >= min_overlap - 1e-12:
                cand.append((i, j, ov))
    if not cand:
        return []
    import numpy as np

    # Lexicographic weight in exact integers (float64 is exact below 2**53):
    # one more match outweighs any total overlap, which outweighs any sum of
    # tie-breaks (earlier prediction first, then earlier gold claim).
    k = min(n_p, n_g)
    tie_unit = k * (n_p + 1) * (n_g + 1) + 1
    if (k + 1) * (k + 1) * (_QUANT + 1) * tie_unit >= 2**52:  # huge inputs: no tie-break
        tie_unit = 1
    match_weight = (k + 1) * (_QUANT + 1) * tie_unit
    weight = np.zeros((n_p, n_g), dtype=np.float64)
    for i, j, ov in cand:
        tie = (n_p - i) * (n_g + 1) + (n_g - j) if tie_unit > 1 else 0
        weight[i, j] = match_weight + int(round(ov * _QUANT)) * tie_unit + tie
    rows, cols = linear_sum_assignment()(weight, maximize=True)
    out = []
    ov_of = {(i, j): ov for i, j, ov in cand}
    for i, j in zip(rows.tolist(), cols.tolist()):
        if (i, j) in ov_of:
            out.append(Pair(pred=i, gold=j, overlap=ov_of[(i, j)]))
    out.sort(key=lambda p: p.gold)
    return out
