"""Renderers: a Report to the terminal, JSON, JSONL, Markdown or HTML.

Views for people (text, Markdown, HTML) show every control character and
bidi override of the Report as a visible character (verifier/render/safe.py);
JSON and JSONL are the exact data, with the characters a terminal obeys
written as \\u escapes (verifier.sanitize.json_text). Same bytes to a
terminal, a pipe or a file."""

from __future__ import annotations

from pathlib import Path

from verifier.schemas import Report


def render_string(report: Report, fmt: str) -> str:
    if fmt in ("json", "jsonl"):
        from verifier.sanitize import json_text

        return json_text(report.model_dump_json(indent=2 if fmt == "json" else None)) + "\n"
    if fmt == "markdown":
        from verifier.render.markdown import to_markdown

        return to_markdown(report)
    if fmt == "html":
        from verifier.render.html import to_html

        return to_html(report)
    if fmt == "text":
        from verifier.render.terminal import to_text

        return to_text(report, color=False)
    raise ValueError(f"unknown format {fmt!r}")


def render(report: Report, fmt: str, output: Path | None = None, color: bool | None = None) -> None:
    """Write the report to `output` or stdout. Text to a terminal is drawn
    with rich (colour unless NO_COLOR or --no-color)."""
    if output is not None:
        from verifier.io import atomic_write

        atomic_write(output, render_string(report, fmt))
        return
    if fmt == "text":
        from verifier.render.terminal import print_report

        print_report(report, color=color)
        return
    from verifier.output import write_stdout

    write_stdout(render_string(report, fmt))
