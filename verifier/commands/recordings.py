"""`verifier recordings`: list stale and orphaned model recordings, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def recordings(
    paths: Optional[list[Path]] = typer.Argument(
        None, help="Articles and eval fixtures (files or directories) the recordings are for "
                   "(default: evals/fixtures)."),
    recordings_dir: Optional[Path] = typer.Option(
        None, "--recordings", help="Recordings directory (env VERIFIER_RECORDINGS; default evals/recordings)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model (default: as recorded)."),
    llm_mode: Optional[str] = typer.Option(None, "--llm-mode", help="tools, json_schema or json (default: as recorded)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Config file (TOML)."),
    prune: bool = typer.Option(False, "--prune", help="Delete stale entries and orphaned files."),
    check: bool = typer.Option(False, "--check", help="Exit non-zero when anything is stale, orphaned or missing."),
) -> None:
    """List stale and orphaned recordings, and articles that need re-recording.

    Every article is replayed from its recordings with the current prompts
    and code (no network call): entries it never asks for are stale; files
    whose document hash matches no article are orphaned.
    """
    import os

    from verifier.errors import EXIT_MISSING_RECORDING, ConfigError, InputNotFound
    from verifier.llm.audit import audit

    directory = recordings_dir or (Path(os.environ["VERIFIER_RECORDINGS"]) if os.environ.get("VERIFIER_RECORDINGS")
                                   else Path("evals/recordings"))
    if not directory.is_dir():
        raise InputNotFound(f"{directory}: no such recordings directory")
    if not paths:
        default = Path("evals/fixtures")
        if not default.is_dir():
            raise ConfigError("name the articles or fixtures the recordings are for (no evals/fixtures here)")
        paths = [default]
    result = audit(directory, list(paths), dict(model=model, llm_mode=llm_mode, config_path=config), prune=prune)
    counts: dict[str, int] = {}
    for d in result.documents:
        counts[d.status] = counts.get(d.status, 0) + 1
        line = f"{d.status:<10} {d.name}  {d.doc_hash[:12]}  {d.entries} entr{'y' if d.entries == 1 else 'ies'}"
        typer.echo(line + (f"  {d.message}" if d.message else ""))
        if prune and d.stale:
            typer.echo(f"{'':<10} pruned {len(d.stale)} stale entries")
    for h, n in result.orphaned:
        typer.echo(f"{'orphaned':<10} {directory / (h + '.jsonl')}  {n} entr{'y' if n == 1 else 'ies'}, no known article"
                   + ("  (deleted)" if prune else ""))
    if result.orphaned:
        counts["orphaned"] = len(result.orphaned)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing"
    typer.echo(f"{directory}: {summary}")
    if check and not result.clean:
        raise typer.Exit(EXIT_MISSING_RECORDING)
