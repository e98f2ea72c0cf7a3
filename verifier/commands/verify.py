"""`verifier verify ARTICLE --source PATH ...`: did the speakers say what
the article says they said? Each attributed claim against the speakers' own
documents: verbatim / altered / supported / mismatch / wrong_speaker /
not_found, with the passage and the reasons. Exit 0 on success whatever
the verdicts; errors are one line on stderr."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


def verify(
    article: str = typer.Argument(..., help="The article (text, Markdown, HTML, '-' for stdin) or a saved Report (.json)."),
    source: List[str] = typer.Option(..., "--source", "-s", help="A source document; 'SPEAKER=PATH' ties it to a speaker (repeatable)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE instead of stdout."),
    judge: bool = typer.Option(False, "--judge", help="Ask the model judge about paraphrases the word tests call not_found."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Judge model (env VERIFIER_MODEL)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible server (env OPENAI_BASE_URL)."),
    mode: Optional[str] = typer.Option(None, "--mode", help="Judge calls: live, record, replay or auto."),
    recordings: Optional[Path] = typer.Option(None, "--recordings", help="Recordings directory for record/replay."),
    llm_mode: Optional[str] = typer.Option(None, "--llm-mode", help="tools, json_schema or json."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour in the terminal view."),
) -> None:
    """Verify an article's attributed claims against the speakers' own words."""
    from verifier.document import Document
    from verifier.errors import MalformedInput
    from verifier.schemas import Report
    from verifier.verify import verify as run

    if article != "-" and article.endswith(".json") and Path(article).is_file():
        try:
            report = Report.model_validate_json(Path(article).read_text(encoding="utf-8"))
        except ValueError as exc:
            raise MalformedInput(f"{article}: not a verifier Report ({str(exc).splitlines()[0]})") from None
    else:
        import verifier

        report = verifier.Verifier(extractor="rules").check(Document.from_path(article))
    settings = None
    if judge:
        settings = {"model": model, "base_url": base_url, "mode": mode, "recordings": recordings, "llm_mode": llm_mode}
    result = run(report, list(source), judge=settings)
    from verifier.render import render

    render(result, fmt.value, output, color=color)
