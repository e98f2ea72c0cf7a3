"""The checker's verdict on every gold claim span of every fixture, as a
committed snapshot, so that each step of the attribution engine's migration
shows exactly which verdicts it moved.

    python benchmarks/verdict_snapshot.py           # compare with tests/snapshots/verdicts.jsonl, print the moves
    python benchmarks/verdict_snapshot.py --update  # rewrite the snapshot

It prints one line per moved verdict and a summary (moves, and how many of
them now agree with gold or stopped agreeing); it exits 1 when a verdict
moved, so a refactoring step that should move nothing can be checked with it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "snapshots" / "verdicts.jsonl"


def current() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from verifier import attribute

    rows = []
    for path in sorted((ROOT / "evals" / "fixtures").rglob("*.json")):
        fx = json.loads(path.read_text(encoding="utf-8"))
        spans = [(c["evidence"]["start"], c["evidence"]["end"]) for c in fx["claims"]]
        for claim, v in zip(fx["claims"], attribute(fx["text"], spans)):
            rows.append({"fixture": fx["id"], "claim": claim["id"], "label": v.label, "speaker": v.speaker,
                         "cue": v.cue, "gold": claim.get("acceptable_labels") or [claim["label"]],
                         "gold_speaker": claim.get("speaker")})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="rewrite the snapshot")
    args = ap.parse_args()
    rows = current()
    if args.update:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {len(rows)} verdicts to {SNAPSHOT.relative_to(ROOT)}")
        return 0
    old = {(r["fixture"], r["claim"]): r for r in map(json.loads, SNAPSHOT.read_text(encoding="utf-8").splitlines())}
    moved = better = worse = 0
    for r in rows:
        o = old.get((r["fixture"], r["claim"]))
        if o is None or (o["label"], o["speaker"], o["cue"]) == (r["label"], r["speaker"], r["cue"]):
            continue
        moved += 1
        was, now = o["label"] in r["gold"], r["label"] in r["gold"]
        better += now and not was
        worse += was and not now
        print(f"{r['fixture']} {r['claim']}: {o['label']}/{o['speaker']}/{o['cue']} -> "
              f"{r['label']}/{r['speaker']}/{r['cue']}  (gold {'|'.join(r['gold'])}/{r['gold_speaker']})")
    agree = sum(r["label"] in r["gold"] for r in rows)
    spk = [r for r in rows if r["label"] == "attributed" and "attributed" in r["gold"] and r["gold_speaker"]]
    spk_ok = sum((r["speaker"] or "").lower() == r["gold_speaker"].lower() for r in spk)
    print(f"{len(rows)} gold spans: label agrees {agree} ({agree / len(rows):.3f}), speaker exact {spk_ok}/{len(spk)}; "
          f"moved {moved} (label now right {better}, now wrong {worse})")
    return 1 if moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
