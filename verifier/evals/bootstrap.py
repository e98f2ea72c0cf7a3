"""Bootstrap 95% confidence intervals over fixtures.

Fixtures are the unit of resampling (claims within an article are not
independent): each of `n` resamples draws as many fixtures as there are,
with replacement, sums their counts and recomputes every metric from the
sums. The interval is the 2.5th to 97.5th percentile of the resampled
values (NaN resamples, where a metric is undefined, are left out). The
generator is seeded, so the same counts give the same intervals.
"""

from __future__ import annotations

import math
from typing import Mapping, Sequence

from verifier.evals.metrics import COUNT_KEYS, compute

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0


def bootstrap_ci(per_fixture: Sequence[Mapping[str, int]], n: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED,
                 level: float = 0.95) -> dict[str, tuple[float, float] | None]:
    """Metric name -> (low, high), or None when undefined in every resample
    (or when there are fewer than two fixtures, or n == 0)."""
    import numpy as np

    k = len(per_fixture)
    if k < 2 or n <= 0:
        return {name: None for name in compute(dict.fromkeys(COUNT_KEYS, 0))}
    counts = np.array([[c[key] for key in COUNT_KEYS] for c in per_fixture], dtype=np.int64)  # k x K
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, k, size=(n, k))
    weights = np.zeros((n, k), dtype=np.int64)
    np.add.at(weights, (np.repeat(np.arange(n), k), draws.ravel()), 1)
    sums = weights @ counts  # n x K
    resampled = compute({key: sums[:, i] for i, key in enumerate(COUNT_KEYS)})
    lo_q, hi_q = 100 * (1 - level) / 2, 100 * (1 + level) / 2
    out: dict[str, tuple[float, float] | None] = {}
    for name, values in resampled.items():
        vals = np.asarray(values, dtype=float)
        vals = vals[~np.isnan(vals)]
        if vals.size == 0:
            out[name] = None
            continue
        lo, hi = np.percentile(vals, [lo_q, hi_q])
        out[name] = (round(float(lo), 4), round(float(hi), 4))
    return out


def fmt_ci(ci: tuple[float, float] | None) -> str:
    if ci is None or any(math.isnan(x) for x in ci):
        return ""
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]"
