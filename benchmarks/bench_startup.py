"""Start-up time of `verifier --help` (and of `verifier --version`), and a
check that neither imports openai or instructor.

    .venv/bin/python benchmarks/bench_startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys

from common import PYTHON, table, timed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    probe = ("import sys, runpy; sys.argv = ['verifier', '{arg}']\n"
             "try:\n    runpy.run_module('verifier.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('openai', 'instructor') if m in sys.modules]\n"
             "sys.stderr.write('HEAVY=' + ','.join(heavy))")
    rows = []
    for label, cmd in [
        ("python -c pass (floor)", [PYTHON, "-c", "pass"]),
        ("import verifier", [PYTHON, "-c", "import verifier"]),
        ("verifier --version", [PYTHON, "-m", "verifier.cli", "--version"]),
        ("verifier --help", [PYTHON, "-m", "verifier.cli", "--help"]),
        ("verifier check --help", [PYTHON, "-m", "verifier.cli", "check", "--help"]),
    ]:
        times = []
        for _ in range(args.runs):
            t, _, proc = timed(cmd)
            if proc.returncode != 0:
                sys.exit(f"{label} failed: {proc.stderr.decode()[-300:]}")
            times.append(t)
        rows.append([label, f"{statistics.median(times) * 1000:.0f}", f"{min(times) * 1000:.0f}"])
    _, _, proc = timed([PYTHON, "-c", probe.format(arg="--help")])
    heavy = proc.stderr.decode().rsplit("HEAVY=", 1)[-1].strip()
    print(table(rows, ["command", "median ms", "min ms"]))
    print(f"\nmodel stack imported by --help: {heavy or 'none'}  ({args.runs} runs each)")


if __name__ == "__main__":
    main()
