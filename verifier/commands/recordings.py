"""`verifier recordings`: list stale and orphaned model recordings, offline.

With no arguments it audits what `verifier eval` replays: every model row of
the eval settings (evals/eval.toml), each with its own recordings directory
(evals/recordings/<model>/) and its own settings (max_reasks, timeout, ...),
against every fixture, scored and dev. `--recordings DIR` audits one
directory; a row whose recordings are DIR lends its settings."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import typer

from verifier.commands.common import LLMMode

REPLAY_MARK = "; to re-record: "


@dataclass
class Target:
    directory: Path
    row: str | None = None                 # the eval row whose recordings these are
    model: str | None = None
    settings: dict = field(default_factory=dict)


def recordings(
    paths: Optional[list[Path]] = typer.Argument(
        None, help="Articles and eval fixtures (files or directories) the recordings are for "
                   "(default: the eval settings' fixtures, scored and dev: evals/fixtures)."),
    recordings_dir: Optional[Path] = typer.Option(
        None, "--recordings",
        help="Recordings directory (env VERIFIER_RECORDINGS; default: each model row's of the eval settings, "
             "evals/recordings/<model>)."),
    eval_config: Optional[Path] = typer.Option(
        None, "--eval-config", help="Eval settings whose model rows say where recordings are and how they were made "
                                    "(default evals/eval.toml)."),
    row: Optional[list[str]] = typer.Option(None, "--row", help="Only this model row of the eval settings (repeatable)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model (default: the row's, else as recorded)."),
    llm_mode: Optional[LLMMode] = typer.Option(None, "--llm-mode", help="Instructor mode (default: as recorded)."),
    max_reasks: Optional[int] = typer.Option(None, "--max-reasks", min=0,
                                             help="Validation re-asks the recorded runs allowed (default: the row's, else 2)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Model config file (TOML)."),
    prune: bool = typer.Option(False, "--prune", help="Delete stale entries and orphaned files."),
    check: bool = typer.Option(False, "--check", help="Exit 11 when anything is stale, orphaned, missing or unrecorded."),
) -> None:
    """List stale and orphaned recordings, and articles that need re-recording.

    Every article is replayed from its recordings with the current prompts
    and code (no network call): entries it never asks for are stale; files
    whose document hash matches no article are orphaned.
    """
    import os

    from verifier.errors import EXIT_MISSING_RECORDING, ConfigError, InputNotFound
    from verifier.evals.config import load_config
    from verifier.llm.audit import audit

    cfg = load_config(eval_config)
    env_dir = os.environ.get("VERIFIER_RECORDINGS")
    targets = _targets(cfg, recordings_dir or (Path(env_dir) if env_dir else None), row)
    if not paths:
        if not cfg.fixtures.is_dir():
            raise ConfigError(f"name the articles or fixtures the recordings are for (no {cfg.fixtures} here)")
        paths = [cfg.fixtures]
    bad = False
    for t in targets:
        if not t.directory.is_dir():
            raise InputNotFound(f"{t.directory}: no such recordings directory")
        settings = {**t.settings, "model": model or t.model, "llm_mode": llm_mode.value if llm_mode else None,
                    "config_path": config}
        if max_reasks is not None:
            settings["max_reasks"] = max_reasks
        if len(targets) > 1 or t.row:
            typer.echo(f"row {t.row}: {t.directory}" if t.row else f"{t.directory}")
        result = audit(t.directory, list(paths), settings, prune=prune)
        counts: dict[str, int] = {}
        for d in result.documents:
            counts[d.status] = counts.get(d.status, 0) + 1
            message = d.message
            if d.status == "missing":
                message = _with_working_command(message, d.name, t, cfg, base_default=config is None)
            elif d.status == "unrecorded":
                message = _with_working_command(f"no recordings{REPLAY_MARK}", d.name, t, cfg, base_default=config is None)
            elif d.status == "stale":
                message = _explain_stale(d, settings.get("max_reasks"))
            line = f"{d.status:<10} {d.name}  {d.doc_hash[:12]}  {d.entries} entr{'y' if d.entries == 1 else 'ies'}"
            typer.echo(line + (f"  {message}" if message else ""))
            if prune and d.stale:
                typer.echo(f"{'':<10} pruned {len(d.stale)} stale entries")
        for h, n in result.orphaned:
            typer.echo(f"{'orphaned':<10} {t.directory / (h + '.jsonl')}  {n} entr{'y' if n == 1 else 'ies'}, no known article"
                       + ("  (deleted)" if prune else ""))
        if result.orphaned:
            counts["orphaned"] = len(result.orphaned)
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing"
        typer.echo(f"{t.directory}: {summary}")
        bad = bad or not result.clean
    if check and bad:
        raise typer.Exit(EXIT_MISSING_RECORDING)


def _targets(cfg, directory: Path | None, rows: list[str] | None) -> list[Target]:
    """Which recordings directories to audit, each with the settings it was recorded with."""
    from verifier.errors import ConfigError

    model_rows = [r for r in cfg.rows if r.uses_model and r.recordings is not None]
    if rows:
        model_rows = [cfg.row(n) for n in rows]
        for r in model_rows:
            if not r.uses_model or r.recordings is None:
                raise ConfigError(f"row {r.name} calls no model: it has no recordings")
    if directory is not None and rows:
        # --row names how the recordings in DIR were made
        return [Target(directory, r.name, r.model, dict(r.settings)) for r in model_rows]
    if directory is None:
        if model_rows:
            return [Target(r.recordings, r.name, r.model, dict(r.settings)) for r in model_rows]
        directory = Path("evals/recordings")
    by_dir = {_same(r.recordings): r for r in model_rows}
    r = by_dir.get(_same(directory))
    if r is not None:
        return [Target(directory, r.name, r.model, dict(r.settings))]
    if directory.is_dir() and not any(directory.glob("*.jsonl")):
        # a parent of per-model folders (evals/recordings): each folder on its own
        subs = [d for d in sorted(directory.iterdir()) if d.is_dir() and any(d.glob("*.jsonl"))]
        if subs:
            out = []
            for d in subs:
                r = by_dir.get(_same(d))
                out.append(Target(d, r.name, r.model, dict(r.settings)) if r else Target(d))
            return out
    return [Target(directory)]


def _explain_stale(d, max_reasks) -> str:
    """Say why entries are unused when the prompt did not change: re-ask
    turns (more than system + user message) that this row no longer makes."""
    now = d.message.rsplit("now ", 1)[-1].rstrip(")") if "now " in d.message else None
    same_prompt = now is not None and all(e.get("prompt_version") == now for e in d.stale)
    reasks = [e for e in d.stale if len((e.get("request", {}).get("body") or {}).get("messages", [])) > 2]
    if same_prompt and len(reasks) == len(d.stale):
        limit = "" if max_reasks is None else f" (max_reasks = {max_reasks})"
        return (f"{len(d.stale)} of {d.entries} entries are re-ask turns this row never makes{limit}: "
                "harmless; --prune drops them")
    return d.message


def _same(p: Path) -> str:
    try:
        return str(p.resolve())
    except OSError:
        return str(p)


def _with_working_command(message: str, name: str, t: Target, cfg, base_default: bool) -> str:
    """Replace the extractor's generic `verifier check SOURCE ...` (which for
    a fixture names its id, not a file) with a command that re-records this
    article the way it was recorded."""
    head, sep, _ = message.partition(REPLAY_MARK)
    if not sep:
        return message
    path = Path(name)
    if path.suffix == ".json":
        cmd = ["verifier", "eval", "--record"]
        if t.row:
            cmd += ["--row", t.row]
            if cfg.path is not None and _same(cfg.path) != _same(Path("evals/eval.toml")):
                cmd += ["--config", str(cfg.path)]
        else:
            cmd += ["--model", t.model or "MODEL", "--recordings", str(t.directory)]
        cmd += ["--fixtures", str(path), "--base-url", "URL"]
    else:
        cmd = ["verifier", "check", str(path), "--extractor", "llm", "--mode", "record",
               "--recordings", str(t.directory), "--model", t.model or "MODEL", "--base-url", "URL"]
    return f"{head}{sep}{' '.join(shlex.quote(c) if c != 'URL' else c for c in cmd)}"
