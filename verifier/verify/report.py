"""The verification eval's output: tables on the terminal, JSON, the
baseline file and the --compare verdict (exit 10 on a regression)."""

from __future__ import annotations

import json
from pathlib import Path

from verifier.verify.eval import DEFAULT_BASELINE, DEFAULT_FIXTURES, Scores, compare, run


def table(scores: Scores, details: bool = True) -> str:
    m = scores.metrics()
    lines = [f"verification eval: {m['fixtures']} fixtures, {m['claims']} attributed claims, {scores.seconds:.2f} s",
             f"verdict accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}  "
             f"retrieval recall@1 {m['recall_at_1']:.3f}  recall@3 {m['recall_at_3']:.3f}", "",
             f"{'verdict':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    if scores.judge_model:
        u = scores.usage
        lines[2:2] = [f"model judge {scores.judge_model}: asked about {m['judged']} claims, its verdict applied to "
                      f"{m['judge_applied']} ({u.requests} requests, {u.total_tokens} tokens)"]
    for v, s in m["per_verdict"].items():
        lines.append(f"{v:<14}{s['gold']:>6}{s['predicted']:>6}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    wrong = [o for o in scores.outcomes if o.gold != o.predicted]
    if details and wrong:
        lines += ["", "errors (fixture claim: gold -> predicted: reason)"]
        lines += [f"  {o.fixture} {o.claim}: {o.gold} -> {o.predicted}: {o.reason[:150]}" for o in wrong]
    return "\n".join(lines) + "\n"


def main(fixtures: Path | None, compare_path: Path | None, update: bool, json_out: str | None,
         quiet: bool, judge: dict | None = None) -> int:
    """Run, print, write; the exit code (0, or 10 on a regression)."""
    import sys

    from verifier.errors import EXIT_OK, EXIT_REGRESSION
    from verifier.output import write_output

    scores = run(fixtures or DEFAULT_FIXTURES, judge)
    m = scores.metrics()
    if json_out:
        data = {"metrics": m, "outcomes": [o.__dict__ for o in scores.outcomes]}
        write_output(json_out, json.dumps(data, indent=2) + "\n")
    if json_out != "-":
        sys.stdout.write(table(scores, details=not quiet))
    code = EXIT_OK
    if compare_path is not None and compare_path.exists():
        drops = compare(m, json.loads(compare_path.read_text(encoding="utf-8"))["metrics"])
        for d in drops:
            sys.stderr.write(f"regression: {d}\n")
        if drops and not update:
            code = EXIT_REGRESSION
        elif not drops:
            sys.stderr.write(f"no regression against {compare_path}\n")
    if update:
        target = compare_path or DEFAULT_BASELINE
        Path(target).write_text(json.dumps({"metrics": m}, indent=2) + "\n", encoding="utf-8")
        sys.stderr.write(f"baseline written: {target}\n")
    return code
