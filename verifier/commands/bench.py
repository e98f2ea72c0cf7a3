"""`verifier bench-attribution DIR`: score the checker on a brat corpus."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer


class CheckerChoice(str, Enum):
    checker = "checker"
    baseline = "baseline"


def bench_attribution(
    directory: Path = typer.Argument(..., help="Corpus directory: brat .ann files with their .txt "
                                              "(PolNeAR's text/ and attributions/ layout, or side by side)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write every figure, the error patterns "
                                                                  "and their examples to this JSON file."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Score only the first N articles (by name)."),
    errors: int = typer.Option(20, "--errors", min=0, help="How many error patterns to show (most frequent first)."),
    annotator: str = typer.Option("first", "--annotator", help="For articles annotated more than once: 'first' "
                                                               "(first annotator by id), 'all', or an annotator id."),
    checker: CheckerChoice = typer.Option(CheckerChoice.checker, "--checker", help="checker: verifier.attribute; "
                                          "baseline: a plain lexicon of reporting verbs, for comparison."),
    fail_under: Optional[float] = typer.Option(None, "--fail-under", min=0.0, max=1.0,
                                               help="Exit 10 when sentence-level macro-F1 is below this."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain output (also NO_COLOR)."),
) -> None:
    """Score the attribution checker on a brat-annotated corpus (e.g. PolNeAR):
    sentence- and span-level label scores, speaker accuracy, phenomena and
    the most frequent error patterns."""
    import json

    from verifier.bench_attribution import BelowThreshold, lexicon_baseline, run_bench
    from verifier.brat import read_corpus
    from verifier.output import check_writable, is_stdout, write_output

    if json_out is not None and not is_stdout(json_out):
        check_writable(json_out)
    articles = read_corpus(directory, annotator=annotator, limit=limit)
    fn = lexicon_baseline if checker is CheckerChoice.baseline else None
    result = run_bench(articles, fn, n_errors=errors, checker_name=checker.value)
    print_result(result, color=not no_color)
    if json_out is not None:
        write_output(json_out, json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if fail_under is not None and result.sentence["macro_f1"] < fail_under:
        raise BelowThreshold(f"sentence-level macro-F1 {result.sentence['macro_f1']:.4f} is below {fail_under}")


def print_result(result, color: bool = True) -> None:
    import os

    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=not color or bool(os.environ.get("NO_COLOR")), highlight=False)
    t = Table(title=f"Attribution bench: {result.checker} on {result.articles} articles")
    t.add_column("level")
    t.add_column("units", justify="right")
    t.add_column("accuracy", justify="right")
    for lab in ("attributed", "asserted"):
        t.add_column(f"{lab} P/R/F1", justify="right")
    t.add_column("macro-F1", justify="right", style="bold")
    for name, sc in (("sentence", result.sentence), ("span", result.span)):
        cells = [f"{sc['labels'][lab]['precision']:.3f} / {sc['labels'][lab]['recall']:.3f} / "
                 f"{sc['labels'][lab]['f1']:.3f}" for lab in ("attributed", "asserted")]
        t.add_row(name, str(sc["units"]), f"{sc['accuracy']:.3f}", *cells, f"{sc['macro_f1']:.3f}")
    console.print(t)
    sp = result.speaker
    console.print(f"Speaker accuracy on attributed runs: {sp['accuracy']:.3f} ({sp['correct']}/{sp['evaluated']}; "
                  f"{sp['no_source']} without a source, {sp['unresolved_pronoun']} unresolved pronouns left out)")
    pt = Table(title="By phenomenon (span level)")
    pt.add_column("phenomenon")
    pt.add_column("runs", justify="right")
    pt.add_column("accuracy", justify="right")
    for name, v in result.phenomena.items():
        pt.add_row(name, str(v["runs"]), f"{v['accuracy']:.3f}")
    console.print(pt)
    if result.errors:
        et = Table(title=f"Top {len(result.errors)} error patterns (span level)", show_lines=True)
        et.add_column("#", justify="right")
        et.add_column("pattern")
        et.add_column("n", justify="right")
        et.add_column("example")
        for i, e in enumerate(result.errors, 1):
            ex = f"[{e['article']}] {e['text']}"
            if e["gold"] == "attributed":
                ex += f"\n  gold: {e['gold_source'] or '(no source)'} / {e['gold_cue'] or '-'}"
            else:
                ex += f"\n  checker: {e['predicted_speaker'] or '-'} / {e['predicted_cue'] or '-'}"
            et.add_row(str(i), e["pattern"], str(e["count"]), ex)
        console.print(et)
    tm = result.timings
    console.print(f"Time: {tm['check_s']:.2f} s checking {tm['units_checked']} units "
                  f"(documents and verdicts), {tm['read_s']:.2f} s reading, {tm['units_s']:.2f} s building gold units; "
                  f"total {tm['total_s']:.2f} s")
    if result.warnings:
        console.print(f"{len(result.warnings)} annotation warnings (see --json)")
