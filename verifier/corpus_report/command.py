"""`verifier report RESULTS`: figures, page and CSV files."""

from __future__ import annotations

import sys
from pathlib import Path

from verifier.errors import EXIT_USAGE, VerifierError


class ReportUsage(VerifierError):
    exit_code = EXIT_USAGE


def run_report(results: Path, *, output: str | None, csv_dir: Path | None, top: int, period: str) -> None:
    from verifier.corpus_report.aggregate import figures_of
    from verifier.corpus_report.csvs import tables
    from verifier.corpus_report.html import to_html
    from verifier.output import check_writable, is_stdout, write_output

    if top < 1:
        raise ReportUsage("--top must be at least 1")
    stem = results.name
    for suffix in (".jsonl", ".parquet"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    base = results.with_name(stem)
    html_out = output if output is not None else str(base) + ".report.html"
    if csv_dir is not None and not csv_dir.is_dir():
        raise ReportUsage(f"--csv {csv_dir}: not an existing directory")
    csv_paths = {name: (csv_dir / f"{name}.csv") if csv_dir is not None else Path(f"{base}.{name}.csv")
                 for name in ("outlets", "periods", "speakers", "cues")}
    if not is_stdout(html_out):
        check_writable(html_out)  # before the pass over the corpus
    for p in csv_paths.values():
        check_writable(p)
    fig = figures_of(results, period=period)
    write_output(html_out, to_html(fig, source=str(results), top=top))
    for name, text in tables(fig, top).items():
        write_output(csv_paths[name], text)
    if not is_stdout(html_out):
        sys.stderr.write(f"verifier: {fig.total.articles} articles, {fig.total.claims} claims; report {html_out}, "
                         f"CSV {', '.join(str(p) for p in csv_paths.values())}\n")
