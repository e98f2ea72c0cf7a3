"""`verifier logs`: the model calls verifier made, to list and inspect
(like `llm logs`).

Two sources, neither holding an API key or any request header:

- the run log: one JSON line per article `verifier check` sent to a model
  (time, model, mode, requests, tokens, status), appended after each such
  run to $VERIFIER_LOG, else $XDG_STATE_HOME/verifier/calls.jsonl
  (~/.local/state/verifier/calls.jsonl). Runs without model requests (the
  rules extractor) are not logged.
- recordings (`--recordings DIR`): one row per recorded HTTP interaction,
  each with its key; `--show KEY` prints that request and response.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer


def log_path() -> Path:
    if os.environ.get("VERIFIER_LOG"):
        return Path(os.environ["VERIFIER_LOG"])
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "verifier" / "calls.jsonl"


def append_run(report=None, *, source: str | None, settings=None, status: str = "ok", seconds: float = 0.0,
               usage=None) -> None:
    """Append one line for a run that made model requests. Never raises:
    a log that cannot be written must not fail the check."""
    from verifier.commands.common import redact

    u = usage if usage is not None else getattr(report, "usage", None)
    if u is None or not getattr(u, "requests", 0):
        return
    entry = {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": "check",
        "source": source,
        "doc_hash": getattr(getattr(report, "document", None), "hash", None),
        "model": getattr(report, "model", None) or getattr(settings, "model", None),
        "mode": getattr(settings, "mode", None),
        "llm_mode": getattr(settings, "llm_mode", None),
        "recordings": str(settings.recordings_dir) if getattr(settings, "recordings_dir", None) else None,
        "requests": u.requests, "failed_requests": u.failed_requests, "retries": u.retries, "reasks": u.reasks,
        "prompt_tokens": u.prompt_tokens, "completion_tokens": u.completion_tokens,
        "claims": len(report.claims) if report is not None else None,
        "status": redact(status), "seconds": round(seconds, 3),
    }
    try:
        p = log_path()
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError:
        pass


def _read_runs(p: Path) -> list[dict]:
    if not p.exists():
        return []
    out = []
    with open(p, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict):
                out.append(rec)
    return out


def _recorded_calls(directory: Path) -> list[dict]:
    from verifier.llm.recording import RecordingStore

    rows = []
    files = [directory] if directory.is_file() else sorted(directory.rglob("*.jsonl"))
    for f in files:
        store = RecordingStore(f.parent)
        for e in store.entries(f.stem).values():
            resp = e.get("response") or {}
            body = resp.get("body") if isinstance(resp.get("body"), dict) else {}
            usage = body.get("usage") or {}
            created = body.get("created")
            rows.append({
                "time": datetime.fromtimestamp(created, timezone.utc).isoformat(timespec="seconds")
                if isinstance(created, (int, float)) else None,
                "key": e.get("key"), "index": e.get("index", 0), "doc_hash": f.stem, "chunk": e.get("chunk"),
                "model": e.get("model") or (e.get("request", {}).get("body") or {}).get("model"),
                "prompt_version": e.get("prompt_version"),
                "prompt_tokens": usage.get("prompt_tokens"), "completion_tokens": usage.get("completion_tokens"),
                "status": resp.get("status") if "status" in resp else resp.get("error", "?"),
                "file": str(f),
                "_entry": e,
            })
    rows.sort(key=lambda r: (r["time"] or "", r["doc_hash"], r["chunk"] or 0))
    return rows


def logs(
    count: int = typer.Option(20, "--count", help="How many of the most recent entries (0: all)."),
    recordings: Optional[Path] = typer.Option(
        None, "--recordings", help="List the recorded calls in this recordings directory (or one file) instead of the run log."),
    show: Optional[str] = typer.Option(None, "--show", metavar="KEY",
                                       help="Print a recorded call (its key or a prefix; KEY:N for the N-th identical request): request and response body."),
    json_out: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
    path: bool = typer.Option(False, "--path", help="Print where the run log is and exit."),
) -> None:
    """List the model calls verifier made: model, time, tokens, status (no keys, no headers)."""
    from verifier.commands.common import redact
    from verifier.errors import InputNotFound, VerifierError
    from verifier.sanitize import json_text, one_line

    if path:
        typer.echo(str(log_path()))
        return
    if show is not None and recordings is None:
        raise VerifierError("--show KEY needs --recordings DIR (the recorded calls hold the requests and responses)")
    if recordings is not None:
        if not recordings.exists():
            raise InputNotFound(f"{recordings}: no such recordings directory")
        rows = _recorded_calls(recordings)
        if show is not None:
            key, _, index = show.partition(":")
            hits = [r for r in rows if (r["key"] or "").startswith(key)
                    and (not index or str(r["index"]) == index)]
            if not hits:
                raise InputNotFound(f"{show}: no recorded call with this key in {recordings} "
                                    f"(list them: verifier logs --recordings {recordings})")
            shown_all = []
            for r in hits:
                e = r["_entry"]
                resp = {k: v for k, v in (e.get("response") or {}).items() if k != "headers"}
                shown = {k: v for k, v in e.items() if k not in ("response",)}
                shown["request"] = {k: v for k, v in (e.get("request") or {}).items() if k != "headers"}
                shown["response"] = resp
                shown["file"] = r["file"]
                shown_all.append(shown)
            # one call: its object; several (a retried request: KEY:INDEX picks one): a list
            typer.echo(json_text(redact(json.dumps(shown_all[0] if len(shown_all) == 1 else shown_all, indent=2,
                                                   ensure_ascii=False))))
            return
        cols = ("time", "model", "prompt_tokens", "completion_tokens", "status", "chunk", "key", "doc_hash")
    else:
        rows = _read_runs(log_path())
        cols = ("time", "model", "mode", "requests", "prompt_tokens", "completion_tokens", "status", "source")
    if count:
        rows = rows[-count:]
    if json_out:
        for r in rows:
            typer.echo(json_text(redact(json.dumps({k: v for k, v in r.items() if not k.startswith("_")},
                                                   ensure_ascii=False))))
        return
    if not rows:
        where = recordings if recordings is not None else log_path()
        typer.echo(f"no model calls logged in {where}", err=True)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for c in cols:
        table.add_column(c.replace("_tokens", " tok").replace("_", " "),
                         justify="right" if c.endswith("tokens") or c in ("requests", "chunk") else "left")
    for r in rows:
        vals = []
        for c in cols:
            v = r.get(c)
            if c == "key" and v:
                v = v[:12] + (f":{r['index']}" if r.get("index") else "")
            if c == "doc_hash" and v:
                v = v[:12]
            vals.append(Text("" if v is None else one_line(redact(str(v)))))  # Text: no rich markup in a file name
        table.add_row(*vals)
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console.width = max(console.width, 140)
    console.print(table)
