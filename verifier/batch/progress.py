"""The rich progress display of a batch run, on stderr: articles done of
the total, claims found, model requests, tokens, cost so far and the rate."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from verifier.batch.runner import BatchSummary, Outcome


class BatchProgress:
    """Context manager; pass `update` as the runner's `on_progress`."""

    def __init__(self, total: int, enabled: bool | None = None, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self.total = total
        self._progress: Progress | None = None
        self._task = None

    def __enter__(self) -> "BatchProgress":
        if self.enabled:
            self._progress = Progress(
                TextColumn("[bold]checking"),
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TextColumn("articles"),
                TextColumn("{task.fields[stats]}"),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=self.console,
                refresh_per_second=8,
                transient=False,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("batch", total=self.total, stats=stats_text(BatchSummary(self.total)))
        return self

    def update(self, summary: BatchSummary, outcome: Outcome | None = None) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=summary.done, stats=stats_text(summary))

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
            self._progress = None


def stats_text(s: BatchSummary) -> str:
    checked = s.ok + s.failed
    rate = checked / s.seconds if s.seconds > 0 else 0.0
    parts = [f"{s.claims} claims", f"{s.failed} failed", f"{s.usage.requests} req", f"{_tokens(s.usage.total_tokens)} tok"]
    if s.cost is not None:
        parts.append(f"${s.cost:.4f}")
    parts.append(f"{rate:.2f}/s")
    return " · ".join(parts)


def _tokens(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M"
    if n >= 10_000:
        return f"{n / 1000:.0f}k"
    return str(n)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()
