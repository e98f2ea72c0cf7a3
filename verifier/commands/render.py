"""`verifier render REPORT.json`: draw a saved (or reviewed) Report again,
in any format, without running the pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from verifier.commands.common import RenderFormat, format_for_output


def load_report(path: str | Path):
    """The Report saved at `path` ('-': stdin); MalformedInput (exit 7) when
    the file is not one."""
    import sys

    from pydantic import ValidationError

    from verifier.errors import EmptyInput, InputIsDirectory, InputNotFound, MalformedInput
    from verifier.schemas import Report

    p = Path(path)
    if str(path) == "-":
        raw = sys.stdin.buffer.read()
    else:
        if p.is_dir():
            raise InputIsDirectory(f"{p}: is a directory, not a Report file")
        try:
            raw = p.read_bytes()
        except FileNotFoundError:
            raise InputNotFound(f"{p}: no such file") from None
        except OSError as exc:
            raise InputNotFound(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise EmptyInput(f"{path}: is empty")
    try:
        return Report.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())) or "document"
        detail = "not JSON" if first.get("type") == "json_invalid" else f"{where}: {first.get('msg', 'invalid')}"
        raise MalformedInput(f"{path}: not a verifier Report ({detail}); save one with "
                             "`verifier check ARTICLE -f json -o REPORT.json`") from None


def render_cmd(
    report_path: str = typer.Argument(..., metavar="REPORT", help="A Report saved with `verifier check -f json` "
                                      "(or exported by `verifier review --export report`); '-' for stdin."),
    format: Optional[RenderFormat] = typer.Option(
        None, "--format", "-f",
        help="terminal: the rich view (plain text when not a terminal); default: from -o's suffix, else terminal."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE ('-': stdout)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force colour on or off (default: auto, NO_COLOR respected)."),
) -> None:
    """Render a saved Report again: terminal, text, JSON, JSONL, Markdown or HTML."""
    from verifier.commands.check import emit
    from verifier.output import check_writable, is_stdout

    if output is not None and not is_stdout(output):
        check_writable(output)
    fmt = format.value if format else format_for_output(output, default="terminal")
    if fmt == "terminal":
        fmt = "text"  # to a terminal: drawn by rich; to a file or pipe: the plain text view
    report = load_report(report_path)
    emit(report, fmt, output, color)
