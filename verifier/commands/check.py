"""`verifier check PATH...`: claims of an article, attributed or asserted.

One article (a file or '-' for stdin) is rendered in the chosen format.
Several paths, a directory, a glob pattern or a JSONL file of articles make
a batch: checked concurrently, one JSONL line per article written to
`-o FILE` as each finishes, resumable (see verifier/batch/)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class ExtractorChoice(str, Enum):
    auto = "auto"
    rules = "rules"
    llm = "llm"


def check(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH",
        help="Article file (text, Markdown or HTML) or '-' for stdin; or, for a batch, several files, a directory, "
             "a quoted glob, or a JSONL file with one {id, text} / {path} / {url} per line."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o",
        help="Write to FILE instead of stdout. A batch needs it: JSONL, one line per article; "
             "running the same command again resumes."),
    extractor: ExtractorChoice = typer.Option(
        ExtractorChoice.auto, "--extractor", "-e",
        help="auto: the model when an API key or base URL is configured, else rules."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="text, markdown or html (default: by suffix and content)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model name (env VERIFIER_MODEL)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible server URL (env OPENAI_BASE_URL)."),
    mode: Optional[str] = typer.Option(None, "--mode", help="live, record, replay or auto (env VERIFIER_MODE)."),
    recordings: Optional[Path] = typer.Option(None, "--recordings", help="Recordings directory (env VERIFIER_RECORDINGS)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (TOML); default ./verifier.toml or ~/.config/verifier/config.toml."),
    llm_mode: Optional[str] = typer.Option(None, "--llm-mode", help="instructor mode: tools, json_schema or json (env VERIFIER_LLM_MODE)."),
    temperature: Optional[float] = typer.Option(None, "--temperature", help="Sampling temperature (default 0)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Sampling seed."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds per model request."),
    concurrency: Optional[int] = typer.Option(
        None, "--concurrency", "-j", help="Parallel model requests; in a batch, articles checked at once (default 4), each article's "
             "chunks still up to the model setting (VERIFIER_CONCURRENCY)."),
    max_cost: Optional[float] = typer.Option(None, "--max-cost", help="Stop before spending more than this (needs a price table)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force colour on or off (default: auto, NO_COLOR respected)."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Batch progress bar on stderr (default: when stderr is a terminal)."),
) -> None:
    """Check an article: list its claims, each attributed or asserted, with speaker and cue.
    Give several articles (or a directory, glob or JSONL) and -o FILE to check a batch."""
    from verifier.document import Document
    from verifier.pipeline import Verifier
    from verifier.render import render
    from verifier.batch.inputs import is_batch

    settings = {k: v for k, v in dict(
        model=model, base_url=base_url, mode=mode, recordings_dir=recordings, config_path=config,
        llm_mode=llm_mode, temperature=temperature, seed=seed, timeout=timeout, concurrency=concurrency,
        max_cost=max_cost,
    ).items() if v is not None}
    if is_batch(paths):
        from verifier.batch.cli import run_batch_command

        run_batch_command(paths, output=output, format=format.value, extractor=extractor.value,
                          input_format=input_format, concurrency=concurrency, max_cost=max_cost,
                          progress=progress, settings=settings)
        return
    doc = Document.from_path(paths[0], format=input_format)
    verifier = Verifier(extractor=extractor.value, **settings)
    report = verifier.check(doc)
    render(report, format.value, output=output, color=color)
