"""The concurrent batch runner.

`concurrency` worker threads share one Verifier (so one extractor and one
model client, with its connection pool). A feeder thread reads the inputs
lazily into a small bounded queue; workers load, check and serialize each
article; the calling thread alone writes the result lines and draws the
progress, so lines never interleave. Workers are daemon threads: on Ctrl-C
the calling thread writes whatever has finished, closes the file and
returns at once, without waiting for requests still in flight.
"""

from __future__ import annotations

import json
import queue
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from verifier.batch.inputs import Item
from verifier.batch.keyindex import DiskMap
from verifier.batch.store import OutputWriteError, ResultStore, duplicate_record, error_record, ok_record
from verifier.errors import EXIT_INTERRUPTED, BudgetExceeded, VerifierError
from verifier.sanitize import one_line
from verifier.schemas import Usage

_POLL = 0.1
_TICK = 0.5


class Interrupted(VerifierError):
    exit_code = EXIT_INTERRUPTED


class BatchFailed(VerifierError):
    """Some articles failed; their errors are in the output."""


@dataclass
class Outcome:
    """What a worker hands back for one article."""

    item: Item
    status: str  # ok, error, duplicate, skipped
    line: str | None = None
    claims: int = 0
    warnings: int = 0
    usage: dict = field(default_factory=dict)
    error: str | None = None
    disk: bool = False  # failed on a local write (a recording): the batch stops


@dataclass
class BatchSummary:
    total: int
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    warned: int = 0
    claims: int = 0
    usage: Usage = field(default_factory=Usage)  # model usage of the whole batch so far
    seconds: float = 0.0
    interrupted: bool = False
    stopped_for_budget: bool = False
    write_error: str | None = None  # a local file could not be written: the batch stopped
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first LISTED (id, reason), escaped

    LISTED = 10

    def add_failure(self, ident: str, reason: str) -> None:
        """Count a failed article; its id and reason are kept for the first
        LISTED only (the rest are in the results file)."""
        self.failed += 1
        if len(self.failures) < self.LISTED:
            self.failures.append((one_line(ident), one_line(reason, 400)))

    @property
    def done(self) -> int:
        return self.ok + self.failed + self.skipped + self.duplicates

    @property
    def cost(self) -> float | None:
        return self.usage.cost

    def line(self) -> str:
        parts = [f"{self.ok} checked"]
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate")
        parts.append(f"{self.failed} failed")
        if self.warned:
            parts.append(f"{self.warned} with warnings")
        u = self.usage
        tail = f"; {self.claims} claims, {u.requests} model requests"
        if u.failed_requests or u.retries or u.reasks:
            tail += f" ({u.failed_requests} failed, {u.retries} retries, {u.reasks} re-asks)"
        tail += f", {u.total_tokens} tokens"
        if u.cost is not None:
            tail += f", cost {u.cost:.4f}"
        return f"{self.done} of {self.total} articles: " + ", ".join(parts) + tail + f" in {self.seconds:.1f}s"


class BatchRunner:
    """Check many articles with one shared `verifier` (a Verifier or
    anything with `.check(Document) -> Report`)."""

    def __init__(self, verifier, store: ResultStore, *, concurrency: int = 4, input_format: str | None = None,
                 max_cost: float | None = None,
                 on_progress: Callable[[BatchSummary, Outcome | None], None] | None = None,
                 ledger=None, sink=None):
        """`ledger`: the extractor's run ledger (anything with `snapshot()`
        returning a Usage), when it keeps one: the totals then include the
        requests of articles that failed, and of those still in flight.
        Without it, the totals add up the usage of each finished article
        (an article that fails leaves none). `sink`: a ParquetSink that
        gets every line written (verifier/batch/parquet.py)."""
        if concurrency < 1:
            raise VerifierError("--concurrency must be at least 1")
        self.verifier = verifier
        self.store = store
        self.concurrency = concurrency
        self.input_format = input_format
        self.max_cost = max_cost
        self.on_progress = on_progress
        self.ledger = ledger
        self.sink = sink
        self._claimed = DiskMap()  # content hash -> first id: on disk, not in memory
        self._claim_lock = threading.Lock()
        self._stop = threading.Event()

    # --- worker side -------------------------------------------------------
    def process(self, item: Item) -> Outcome:
        """Load, check and serialize one article; never raises."""
        if item.kind == "url" and item.source in self.store.done_sources:
            return Outcome(item, "skipped")
        hash_ = None
        try:
            doc = item.load(self.input_format)
            hash_ = doc.hash
            if hash_ in self.store.done_hashes:
                return Outcome(item, "skipped")
            with self._claim_lock:
                first = self._claimed.setdefault(hash_, item.id)
            if first != item.id:
                return Outcome(item, "duplicate", duplicate_record(item.id, item.source, hash_, first, item.metadata))
            if self._stop.is_set():
                return Outcome(item, "cancelled")
            report = self.verifier.check(doc)
        except Exception as exc:  # every failure is this article's error line, never the run's end
            return Outcome(item, "error", error_record(item.id, item.source, hash_, exc, item.metadata),
                           error=f"{type(exc).__name__}: {exc}", disk=_local_disk_error(exc))
        usage = report.usage.model_dump()
        return Outcome(item, "ok", ok_record(item.id, item.source, hash_, report.model_dump_json(), item.metadata),
                       claims=len(report.claims), warnings=len(report.warnings), usage=usage)

    def _worker(self, inq: queue.Queue, outq: queue.Queue) -> None:
        try:
            while True:
                item = inq.get()
                if item is None:
                    return
                if not self._stop.is_set():
                    outq.put(self.process(item))
        finally:
            outq.put(None)  # always: the calling thread counts the workers that are done

    def _feeder(self, items: Iterable[Item], inq: queue.Queue, outq: queue.Queue) -> None:
        try:
            for item in items:
                while not self._stop.is_set():
                    try:
                        inq.put(item, timeout=_POLL)
                        break
                    except queue.Full:
                        continue
                if self._stop.is_set():
                    break
        except BaseException as exc:  # a bad input file mid-way: reported by the caller
            outq.put(exc)
        finally:
            for _ in range(self.concurrency):
                inq.put(None)

    # --- calling side ------------------------------------------------------
    def run(self, items: Iterable[Item], total: int) -> BatchSummary:
        summary = BatchSummary(total=total)
        inq: queue.Queue = queue.Queue(maxsize=self.concurrency * 2)
        outq: queue.Queue = queue.Queue()
        threads = [threading.Thread(target=self._feeder, args=(items, inq, outq), daemon=True, name="batch-feeder")]
        threads += [threading.Thread(target=self._worker, args=(inq, outq), daemon=True, name=f"batch-worker-{i}")
                    for i in range(self.concurrency)]
        t0 = time.perf_counter()
        restore = _sigterm_as_interrupt()
        feeder_error: BaseException | None = None
        try:
            for t in threads:
                t.start()
            live = self.concurrency
            last_tick = time.perf_counter()
            while live:
                try:
                    out = outq.get(timeout=_POLL)
                except queue.Empty:
                    now = time.perf_counter()
                    if self.on_progress and now - last_tick >= _TICK:  # tokens of articles still in flight
                        last_tick = now
                        summary.seconds = now - t0
                        if self.ledger is not None:
                            summary.usage = self.ledger.snapshot()
                        self.on_progress(summary, None)
                    continue
                if out is None:
                    live -= 1
                elif isinstance(out, BaseException):
                    feeder_error = out
                else:
                    self._record(out, summary)
                    summary.seconds = time.perf_counter() - t0
                    if self.on_progress:
                        self.on_progress(summary, out)
                    if self.max_cost is not None and summary.cost is not None and summary.cost >= self.max_cost:
                        summary.stopped_for_budget = True
                        self._stop.set()
        except KeyboardInterrupt:
            self._stop.set()
            summary.interrupted = True
            while True:  # keep everything that finished
                try:
                    out = outq.get_nowait()
                except queue.Empty:
                    break
                if isinstance(out, Outcome):
                    self._record(out, summary)
        finally:
            restore()
            summary.seconds = time.perf_counter() - t0
            if self.ledger is not None:
                summary.usage = self.ledger.snapshot()
            self.store.flush()
            flush_sink(self.sink, summary)
        if feeder_error is not None and not summary.interrupted:
            if isinstance(feeder_error, VerifierError):
                raise feeder_error
            raise VerifierError(f"reading the inputs failed: {type(feeder_error).__name__}: {feeder_error}")
        return summary

    def _record(self, out: Outcome, summary: BatchSummary) -> None:
        if out.status == "cancelled":
            return
        if out.line is not None:
            written = write_result(self.store, self.sink, out.line, summary)
            if summary.write_error:  # disk full, read-only: stop, keep what is written
                self._stop.set()
            if not written:
                return  # not written, so not done: the next run does it
        if self.ledger is None:
            summary.usage = summary.usage.add(Usage(**out.usage))
        else:
            summary.usage = self.ledger.snapshot()
        if out.status == "ok":
            summary.ok += 1
            summary.claims += out.claims
            summary.warned += bool(out.warnings)
        elif out.status == "error":
            summary.add_failure(out.item.id, out.error or "")
            if out.disk and summary.write_error is None:
                summary.write_error = one_line((out.error or "").split(": ", 1)[-1])
                self._stop.set()  # every further article would fail the same way
            if out.error and out.error.startswith(f"{BudgetExceeded.__name__}:"):
                summary.stopped_for_budget = True  # the extractor's ledger refused: start no more articles
                self._stop.set()
        elif out.status == "duplicate":
            summary.duplicates += 1
        elif out.status == "skipped":
            summary.skipped += 1


def write_result(store: ResultStore, sink, line: str, summary: BatchSummary) -> bool:
    """Append one result line to the JSONL and its rows to the Parquet
    tables. A disk that refuses sets summary.write_error (the batch must
    stop); returns whether the line itself was written (then it counts as
    done: a row the tables miss is added from the JSONL by the next run)."""
    try:
        store.append(line)
    except OutputWriteError as exc:
        summary.write_error = summary.write_error or str(exc)
        return False
    if sink is not None and not summary.write_error:
        try:
            sink.add(json.loads(line))
        except OutputWriteError as exc:
            summary.write_error = str(exc)
    return True


def flush_sink(sink, summary: BatchSummary) -> None:
    """The last Parquet part of a run (unless the disk already refused)."""
    if sink is not None and not summary.write_error:
        try:
            sink.flush()
        except OutputWriteError as exc:
            summary.write_error = str(exc)


def _local_disk_error(exc: BaseException) -> bool:
    """A failure of our own disk (a recording or report that cannot be
    written), not of the article or the model."""
    import errno

    if getattr(exc, "local_disk", False):
        return True
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EROFS, errno.EDQUOT)


def _sigterm_as_interrupt() -> Callable[[], None]:
    """Treat SIGTERM like Ctrl-C while the batch runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        old = signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):
        return lambda: None
    return lambda: signal.signal(signal.SIGTERM, old)


__all__ = ["BatchRunner", "BatchSummary", "Outcome", "Interrupted", "BatchFailed"]
