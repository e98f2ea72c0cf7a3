"""The batch on dask.distributed: partitions of articles run on the
workers, results come back to the client, which alone writes them.

Worker side (`check_partition`): one Verifier per worker process, built on
the first partition and kept (one extractor, one model client); at most
`per_worker` articles of that process are checked at once (a process-wide
semaphore, whatever the worker's thread count), so model requests in
flight are bounded per worker, and in total by per_worker x workers. A
partition returns a small record per article (its JSONL line, counts,
usage), never raises: an article's failure is its error line.

Client side (`DaskBatch.run`): the inputs are read lazily and cut into
partitions; at most `max_outstanding` articles are submitted and not yet
written, so the client's memory and the scheduler's queue stay bounded by
partition size, not by the corpus; what grows with the corpus (ids seen,
hashes done, the first id of each text) is on disk
(verifier/batch/keyindex.py), and a partition carries only the done
hashes of its own ids. A finished partition's lines are
written (and flushed) before anything else happens; a partition whose
worker died is run again by the scheduler on another worker, and only a
finished future is ever written, so an article is never lost or written
twice. Content-hash duplicates across partitions are caught here.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from verifier.batch.inputs import Item
from verifier.batch.keyindex import DiskMap
from verifier.batch.runner import BatchSummary, Outcome, _sigterm_as_interrupt, flush_sink, write_result
from verifier.batch.store import ResultStore, duplicate_record, error_record, ok_record
from verifier.errors import BudgetExceeded, VerifierError
from verifier.schemas import Usage

_TICK = 0.5
_STATE: dict = {}
_STATE_LOCK = threading.Lock()


@dataclass
class Task:
    """What the client sends with each partition (no secrets: a worker
    reads its API key from its own environment)."""

    extractor: str
    settings: dict
    input_format: str | None
    per_worker: int
    stop_event: str | None = None  # name of a distributed Event that says: start no more articles


def _worker_state(task: Task):
    key = (task.extractor, repr(sorted(task.settings.items())))
    with _STATE_LOCK:
        st = _STATE.get(key)
        if st is None:
            from verifier.pipeline import Verifier

            verifier = Verifier(extractor=task.extractor, **task.settings)
            verifier.extractor  # built once per worker process
            st = _STATE[key] = (verifier, threading.BoundedSemaphore(task.per_worker))
    return st


def check_partition(items: list[Item], task: Task, done: dict[str, str]) -> list[dict]:
    """Check one partition on a worker; one result dict per item. `done`
    maps the id of each item an earlier run checked to its content hash
    then: the item is skipped when its text still has that hash. The
    task's own thread takes a slot of the process-wide semaphore, then
    (with --max-cost) asks the scheduler whether to stop, then hands the
    article to a pool thread, which gives the slot back when done."""
    verifier, sem = _worker_state(task)
    stop = None
    if task.stop_event:
        from distributed import Event, get_client

        stop = Event(task.stop_event, client=get_client())

    def one(item: Item) -> dict:
        try:
            return _check_one(verifier, item, task.input_format, done.get(item.id))
        finally:
            sem.release()

    futures, results = [], {}
    with ThreadPoolExecutor(max_workers=min(task.per_worker, max(1, len(items)))) as pool:
        for item in items:
            sem.acquire()
            if stop is not None and stop.is_set():
                sem.release()
                results[item.id] = {"id": item.id, "status": "cancelled"}
                continue
            futures.append((item.id, pool.submit(one, item)))
        for ident, fut in futures:
            results[ident] = fut.result()
    return [results[it.id] for it in items]


def _check_one(verifier, item: Item, input_format: str | None, done_hash: str | None) -> dict:
    hash_ = None
    meta = item.metadata
    try:
        doc = item.load(input_format)
        hash_ = doc.hash
        if hash_ == done_hash:
            return {"id": item.id, "status": "skipped", "hash": hash_}
        report = verifier.check(doc)
    except Exception as exc:  # this article's error line, never the partition's end
        return {"id": item.id, "status": "error", "hash": hash_, "error": f"{type(exc).__name__}: {exc}",
                "line": error_record(item.id, item.source, hash_, exc, meta)}
    return {"id": item.id, "status": "ok", "hash": hash_, "source": item.source, "meta": meta,
            "line": ok_record(item.id, item.source, hash_, report.model_dump_json(), meta),
            "claims": len(report.claims), "warnings": len(report.warnings), "usage": report.usage.model_dump()}


def partitions(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    part: list[Item] = []
    for item in items:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


class DaskBatch:
    """Run a batch on a dask.distributed `client`, writing to `store` (and
    to `sink`, a ParquetSink, when given)."""

    def __init__(self, client, store: ResultStore, task: Task, *, partition_size: int, max_outstanding: int,
                 max_cost: float | None = None, sink=None,
                 on_progress: Callable[[BatchSummary, Outcome | None], None] | None = None):
        self.client = client
        self.store = store
        self.task = task
        self.partition_size = max(1, partition_size)
        self.max_outstanding = max(self.partition_size, max_outstanding)
        self.max_cost = max_cost
        self.sink = sink
        self.on_progress = on_progress
        self._claimed = DiskMap()  # content hash -> first id of this run: on disk, not in memory
        self._stopping = False

    def run(self, items: Iterable[Item], total: int) -> BatchSummary:
        from distributed import wait

        summary = BatchSummary(total=total)
        t0 = time.perf_counter()
        outstanding: dict = {}  # future -> its items
        source = partitions(self._pre_skip(items, summary), self.partition_size)
        exhausted = False
        restore = _sigterm_as_interrupt()
        try:
            while True:
                while not exhausted and not self._stopping and sum(map(len, outstanding.values())) < self.max_outstanding:
                    part = next(source, None)
                    if part is None:
                        exhausted = True
                        break
                    fut = self.client.submit(check_partition, part, self.task, self._done_of(part), pure=False)
                    outstanding[fut] = part
                if not outstanding:
                    break
                try:
                    finished, _ = wait(list(outstanding), timeout=_TICK, return_when="FIRST_COMPLETED")
                except TimeoutError:  # nothing finished within the tick: draw the progress, wait again
                    finished = []
                for fut in finished:
                    part = outstanding.pop(fut)
                    self._take(fut, part, summary)
                    fut.release()
                summary.seconds = time.perf_counter() - t0
                if self.on_progress:
                    self.on_progress(summary, None)
                if summary.write_error:  # the disk refused: write nothing more, run nothing more
                    self.client.cancel(list(outstanding))
                    break
        except KeyboardInterrupt:
            summary.interrupted = True
            self._stop_workers()
            for fut in list(outstanding):  # keep whatever has finished already
                if fut.status == "finished":
                    self._take(fut, outstanding.pop(fut), summary)
            self.client.cancel(list(outstanding))
        finally:
            restore()
            summary.seconds = time.perf_counter() - t0
            self.store.flush()
            flush_sink(self.sink, summary)
        return summary

    def _done_of(self, part: list[Item]) -> dict[str, str]:
        """What an earlier run checked among this partition's ids, and the
        content hash it had: sent with the partition, so neither client
        nor workers hold the whole done set."""
        if not self.store.done_ids:
            return {}
        out = {}
        for it in part:
            h = self.store.done_ids.get(it.id)
            if h is not None:
                out[it.id] = h
        return out

    def _pre_skip(self, items: Iterable[Item], summary: BatchSummary) -> Iterator[Item]:
        for item in items:  # a URL finished by an earlier run is not fetched again
            if item.kind == "url" and item.source in self.store.done_sources:
                summary.skipped += 1
                continue
            yield item

    def _take(self, fut, part: list[Item], summary: BatchSummary) -> None:
        try:
            results = fut.result()
        except Exception as exc:  # the partition itself failed (its workers kept dying: KilledWorker)
            results = [{"id": it.id, "status": "error", "hash": None, "error": f"{type(exc).__name__}: {exc}",
                        "line": error_record(it.id, it.source, None, exc, it.metadata)} for it in part]
        by_id = {it.id: it for it in part}
        for res in results:
            if summary.write_error:
                break  # not written, so not done: the next run does it
            self._record(res, by_id[res["id"]], summary)
        self.store.flush()

    def _record(self, res: dict, item: Item, summary: BatchSummary) -> None:
        status = res["status"]
        if status == "cancelled":
            return
        if status == "ok" and res["hash"] in self.store.done_hashes:
            status = "skipped"  # the text of an article an earlier run checked, under another id
        if status == "skipped":
            summary.skipped += 1
            return
        if status == "ok":
            first = self._claimed.setdefault(res["hash"], item.id)
            if first != item.id:  # the same text under another id, checked in another partition
                status, line = "duplicate", duplicate_record(item.id, item.source, res["hash"], first, item.metadata)
                res = {"status": status, "line": line}
        if not write_result(self.store, self.sink, res["line"], summary):
            self._stop_workers()
            return
        if summary.write_error:
            self._stop_workers()
        if status == "ok":
            summary.ok += 1
            summary.claims += res["claims"]
            summary.warned += bool(res["warnings"])
            summary.usage = summary.usage.add(Usage(**res["usage"]))
            if self.max_cost is not None and summary.cost is not None and summary.cost >= self.max_cost:
                summary.stopped_for_budget = True
                self._stop_workers()
        elif status == "error":
            summary.add_failure(item.id, res["error"])
            if res["error"].startswith(f"{BudgetExceeded.__name__}:"):
                summary.stopped_for_budget = True
                self._stop_workers()
        else:
            summary.duplicates += 1

    def _stop_workers(self) -> None:
        """Submit nothing more; tell the workers to start no more articles."""
        self._stopping = True
        if self.task.stop_event:
            from distributed import Event

            try:
                Event(self.task.stop_event, client=self.client).set()
            except Exception:  # the scheduler is gone: nothing more runs anyway
                pass


__all__ = ["DaskBatch", "Task", "check_partition", "partitions", "VerifierError"]
