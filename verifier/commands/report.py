"""`verifier report RESULTS`: the corpus view of a batch's results (a JSONL
results file or its Parquet directory): asserted share per outlet and over
time, the most quoted speakers and their cues, the anonymous-source share,
as one self-contained HTML page with charts and as CSV files."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def report(
    results: Path = typer.Argument(..., metavar="RESULTS",
                                   help="A batch's results: the JSONL file of `verifier check -o`, or its .parquet directory."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE",
                                         help="The HTML page (default: RESULTS with the suffix .report.html)."),
    csv_dir: Optional[Path] = typer.Option(None, "--csv", metavar="DIR",
                                           help="Write the figures as CSV files into DIR (an existing directory)."),
    top: int = typer.Option(20, "--top", help="How many speakers to list."),
    period: str = typer.Option("month", "--period", help="Time buckets: day, month or year."),
) -> None:
    """A corpus report of batch results: asserted share per outlet and over time, most quoted speakers
    and their cues, anonymous sources; HTML with charts, and CSV."""
    from verifier.corpus_report.command import run_report

    run_report(results, output=output, csv_dir=csv_dir, top=top, period=period)
