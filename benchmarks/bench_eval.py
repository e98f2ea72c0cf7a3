"""`verifier eval` over every fixture (scored and dev) in replay mode:
wall time of the real command as a subprocess (target: under 5 s), and an
in-process breakdown (fixture loading, predictions per row, scoring with
the bootstrap).

Rows: every row of evals/eval.toml whose recordings exist (the rules row
always), so the model row is timed as soon as its recordings are committed.

    .venv/bin/python benchmarks/bench_eval.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from verifier.evals.config import load_config
    from verifier.evals.runner import load_fixtures, predict, score

    cfg = load_config(ROOT / "evals" / "eval.toml")
    rows = [r for r in cfg.rows if not r.uses_model or (r.recordings and Path(r.recordings).is_dir())]
    row_args = [a for r in rows for a in ("--row", r.name)]
    cmd = [sys.executable, "-m", "verifier.cli", "eval", "--config", str(ROOT / "evals" / "eval.toml"),
           "--set", "all", "-q", *row_args]

    walls = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True)
        walls.append(time.perf_counter() - t0)
        if r.returncode != 0:
            sys.exit(f"verifier eval failed ({r.returncode}): {r.stderr.decode().strip()}")

    t0 = time.perf_counter()
    fxs = load_fixtures(cfg.fixtures, "all")
    t_load = time.perf_counter() - t0
    parts = []
    for row in rows:
        t1 = time.perf_counter()
        preds = predict(row, fxs)
        t2 = time.perf_counter()
        score(row, fxs, preds, cfg.min_overlap, cfg.bootstrap, cfg.seed)
        t3 = time.perf_counter()
        parts.append((row.name, t2 - t1, t3 - t2))

    claims = sum(len(f.claims) for f in fxs)
    print(f"verifier eval --set all (replay): {len(fxs)} fixtures, {claims} gold claims, "
          f"rows: {', '.join(r.name for r in rows)}")
    print(f"  wall time, subprocess: median {statistics.median(walls):.2f} s, "
          f"min {min(walls):.2f} s, max {max(walls):.2f} s over {len(walls)} runs (target < 5 s)")
    print(f"  in process: load + validate fixtures {t_load:.3f} s")
    for name, t_pred, t_score in parts:
        print(f"  in process: row {name}: predictions {t_pred:.3f} s, scoring + {cfg.bootstrap} "
              f"bootstrap resamples {t_score:.3f} s")


if __name__ == "__main__":
    main()
