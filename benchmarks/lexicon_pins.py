"""Which word lists (or entries) of the attribution lexicon pin something:
emptying a list (or dropping one entry) in a scratch copy of the package must
fail a checker test, move a fixture verdict or move a PolNeAR figure; what
moves nothing is dead weight and should be deleted.

    python benchmarks/lexicon_pins.py [--polnear ../shared/data/polnear/dev]      # every list, emptied
    python benchmarks/lexicon_pins.py --entries hedges [--polnear DIR]            # every entry of one list

Prints one line per list or entry: 'pinned' with what moved, or 'PINS NOTHING'.
Slow (a test run per probe): a developer's tool, not part of CI.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON = "verifier/attribution/data/lexicon.toml"
TESTS = ["tests/test_checker.py", "tests/test_hard_cases.py", "tests/test_engine_rules.py"]


def drop(toml: str, key: str, word: str | None) -> str:
    """The lexicon text with `word` removed from list `key` (all but one entry when word is None:
    a list may not be empty)."""
    i = toml.index(f"\n{key} = [")
    j = toml.index("]", i)
    items = re.findall(r'"((?:[^"\\]|\\.)*)"', toml[i:j])
    keep = [w for w in items if w != word] if word is not None else ["zzzz-no-such-word"]
    return toml[:i] + f"\n{key} = [" + ", ".join(json.dumps(w) for w in keep) + toml[j:]


def probe(tmp: Path, polnear: str | None) -> list[str]:
    env_py = [sys.executable]
    moved = []
    snap = subprocess.run(env_py + [str(tmp / "benchmarks/verdict_snapshot.py")], cwd=tmp, capture_output=True, text=True)
    if snap.returncode:
        moved.append(snap.stdout.strip().splitlines()[-1].split("moved ")[-1])
    tests = subprocess.run(env_py + ["-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *TESTS], cwd=tmp,
                           capture_output=True, text=True)
    if tests.returncode:
        moved.append("a test fails")
    return moved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", help="probe every entry of this list instead of every list")
    ap.add_argument("--polnear", help="a PolNeAR split to score as well (never committed, never in tests)")
    args = ap.parse_args()
    toml = (ROOT / LEXICON).read_text(encoding="utf-8")
    data = tomllib.loads(toml)
    keys = [k for k, v in data.items() if isinstance(v, list)]
    probes = [(args.entries, w) for w in data[args.entries]] if args.entries else [(k, None) for k in keys]
    with tempfile.TemporaryDirectory(prefix="verifier-pins-") as d:
        tmp = Path(d)
        for part in ("verifier", "tests", "benchmarks", "evals"):
            shutil.copytree(ROOT / part, tmp / part, ignore=shutil.ignore_patterns("__pycache__"))
        base = None
        if args.polnear:
            base = _figures(tmp, args.polnear)
        for key, word in probes:
            (tmp / LEXICON).write_text(drop(toml, key, word), encoding="utf-8")
            moved = probe_all(tmp, args.polnear, base)
            what = f"{key}" + (f" {word!r}" if word is not None else " (emptied)")
            print(f"{what:50} {'pinned: ' + '; '.join(moved) if moved else 'PINS NOTHING'}", flush=True)
        (tmp / LEXICON).write_text(toml, encoding="utf-8")


def _figures(tmp: Path, polnear: str) -> tuple:
    subprocess.run([sys.executable, "-m", "verifier.cli", "bench-attribution", polnear, "--json", str(tmp / "b.json")],
                   cwd=tmp, capture_output=True, text=True)
    b = json.loads((tmp / "b.json").read_text())
    return (round(b["sentence_level"]["macro_f1"], 4), round(b["span_level"]["macro_f1"], 4),
            round(b["speaker"]["accuracy"], 4))


def probe_all(tmp: Path, polnear: str | None, base: tuple | None) -> list[str]:
    moved = probe(tmp, None)
    if polnear and base is not None:
        now = _figures(tmp, polnear)
        if now != base:
            moved.append(f"PolNeAR {base} -> {now}")
    return moved


if __name__ == "__main__":
    main()
