"""The streaming JSONL result store of a batch run.

One line per article, written as soon as the article finishes:

    {"id": ..., "source": ..., "hash": ..., "status": "ok", "report": {...}}
    {"id": ..., "source": ..., "hash": ... or null, "status": "error",
     "error": {"type": ..., "message": ...}}
    {"id": ..., "source": ..., "hash": ..., "status": "duplicate", "same_as": ...}

Each line is flushed when written, so a crash or Ctrl-C keeps every
finished article; a line cut short by a crash is dropped when the file is
opened again. Resume: articles whose content hash already has an "ok" line
are skipped; failed ones are run again, and their old error lines are
dropped when the run finishes (`compact`), as are garbled lines.

A write that fails (disk full, read-only, immutable file) never leaves a
partial line for other readers: each line goes out in one `os.write` of
the whole line, and a failed one is cut off again (`ftruncate` to where
the line began). The store then refuses further lines (`write_error` says
why, in one line) and the runner stops the batch with its summary. A
compaction that fails removes its temporary `.compact` file and leaves the
results file as it was.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

from verifier.batch.keyindex import DiskLog, DiskMap, DiskSet
from verifier.errors import VerifierError
from verifier.sanitize import json_text

STATUSES = ("ok", "error", "duplicate")


class NotABatchFile(VerifierError):
    """The output file exists and holds something other than batch results."""


class OutputBusy(VerifierError):
    """Another run holds the output file."""


class OutputWriteError(VerifierError):
    """A local file of the run (the results, a recording) cannot be
    written: the batch stops, keeping every line written so far."""


def disk_reason(exc: BaseException) -> str:
    """Why a write failed, in a few words."""
    known = {errno.ENOSPC: "the disk is full", errno.EROFS: "the file system is read-only",
             errno.EDQUOT: "the disk quota is exceeded", errno.EPERM: "the file is immutable or not writable",
             errno.EACCES: "permission denied", errno.EIO: "an I/O error"}
    err = getattr(exc, "errno", None)
    return known.get(err) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def parse_line(line: str) -> dict | None:
    """A result record, or None when the line is not one."""
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    if not isinstance(rec, dict) or rec.get("status") not in STATUSES or "id" not in rec:
        return None
    return rec


def read_results(path: str | Path) -> Iterator[dict]:
    """The records of a batch output file, in order (a cut-off last line is
    skipped)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        for line in fh:
            if line.endswith("\n"):
                rec = parse_line(line)
                if rec is not None:
                    yield rec


def latest_results(path: str | Path) -> dict[str, dict]:
    """One record per article id: its report if any run finished it, else
    its last error (or duplicate note)."""
    out: dict[str, dict] = {}
    for rec in read_results(path):
        if rec["status"] == "ok" or out.get(rec["id"], {}).get("status") != "ok":
            out[rec["id"]] = rec
    return out


@dataclass
class ResultStore:
    """Append-only JSONL results in `path`, held under an exclusive lock
    from `open` to `close`. What earlier runs finished is known from the
    start: content hashes (and URLs) of "ok" lines, and the extractors and
    models that made them."""

    path: Path
    done_hashes: DiskSet = field(default_factory=DiskSet)    # content hashes of ok lines
    done_sources: DiskSet = field(default_factory=DiskSet)   # their sources (a URL is not fetched again)
    done_ids: DiskMap = field(default_factory=DiskMap)       # id -> content hash of its ok line
    extractors: set[tuple] = field(default_factory=set)
    _fh: IO[str] | None = None

    streaming: bool = False   # stdout, a FIFO or a device: written in order, never read back or rewritten
    write_error: str | None = None   # set when a line could not be written: the run must stop
    lines_written: int = 0
    scan: "Scan | None" = None   # what the last compaction's pass found (the standing errors among it)

    @classmethod
    def open(cls, path: str | Path) -> "ResultStore":
        """The store at `path` by the shared output rules (verifier/output.py):
        '-' is stdout, a symlink is followed, a FIFO or device is written in
        place (no resume), a missing parent directory is an error."""
        from verifier.output import check_writable, is_stdout

        if is_stdout(path):
            return cls(path=Path("-"), streaming=True, _fh=sys.stdout)
        real = check_writable(path)
        store = cls(path=real)
        try:
            store.streaming = not stat.S_ISREG(os.stat(real).st_mode)
        except FileNotFoundError:
            pass
        if store.streaming:
            store._fh = open(real, "w", encoding="utf-8")
            return store
        store._fh = store._lock()
        try:
            store._load()
        except BaseException:
            store._fh.close()
            raise
        return store

    def _lock(self) -> IO[str]:
        """Open the file for appending, and hold it: two runs appending to
        one file would interleave and duplicate work."""
        if self.path.is_dir():
            raise NotABatchFile(f"{self.path}: is a directory; -o takes a file for the JSONL results")
        fh = open(self.path, "a", encoding="utf-8")  # a new file: 0666 & ~umask, like every output
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock
            return fh
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise OutputBusy(f"{self.path}: another verifier run is writing to this file; wait for it or use another -o")
        return fh

    def _load(self) -> None:
        p = self.path
        good_end = 0
        done: list[dict] = []
        with open(p, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.endswith(b"\n"):
                    break  # cut off by a crash: dropped below
                rec = parse_line(raw.decode("utf-8", errors="replace"))
                if rec is None:
                    # a garbled line of ours is skipped (its article runs again, compact() drops
                    # the line); any other line means the file is someone else's
                    if raw.strip() and not raw.startswith(b'{"id": '):
                        raise NotABatchFile(
                            f"{p}: line {n} is not a verifier batch result; this file is not ours to append to "
                            "(choose another -o)")
                elif rec["status"] == "ok":
                    report = rec.get("report") or {}
                    self.extractors.add((report.get("extractor"), report.get("model")))
                    done.append({"id": rec["id"], "hash": rec.get("hash"), "source": rec.get("source") or ""})
                    if len(done) >= 10_000:
                        self._add_done(done)
                        done = []
                good_end += len(raw)
        self._add_done(done)
        if good_end < p.stat().st_size:
            assert self._fh is not None
            self._fh.flush()
            os.truncate(p, good_end)

    def _add_done(self, done: list[dict]) -> None:
        self.done_hashes.update(d["hash"] for d in done if d["hash"])
        self.done_sources.update(d["source"] for d in done)
        self.done_ids.update((d["id"], d["hash"]) for d in done if d["hash"])

    def append(self, line: str) -> None:
        """Write one record line (already JSON, no newline) at once. A
        failed write is undone (no partial line stays in the file) and
        raises OutputWriteError; so does every append after it."""
        assert self._fh is not None
        if self.write_error is not None:
            raise OutputWriteError(self.write_error)
        if self.streaming:
            self._fh.write(line + "\n")
            self._fh.flush()
            self.lines_written += 1
            return
        data = (line + "\n").encode("utf-8")
        fd = self._fh.fileno()
        start = os.fstat(fd).st_size  # we hold the lock: nobody else appends
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
        except OSError as exc:
            try:
                os.ftruncate(fd, start)  # no half line for other readers (frees the space, too)
            except OSError:
                pass
            self.write_error = (f"cannot write the results to {self.path} ({disk_reason(exc)}); the batch stopped "
                                f"with {self.lines_written} lines written this run, all complete; free space and run "
                                "the same command again to finish")
            raise OutputWriteError(self.write_error) from None
        self.lines_written += 1

    def flush(self) -> None:
        """Everything written so far, on disk."""
        if self._fh is not None:
            self._fh.flush()
            try:
                os.fsync(self._fh.fileno())
            except OSError:
                pass

    def close(self) -> None:
        self.flush()
        if self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()  # releases the lock
        self._fh = None

    def compact(self) -> int:
        """Drop lines superseded by later ones (an error or duplicate line
        whose article was later run again, or whose content was later
        checked) and garbled lines. Returns the number of lines dropped.
        A failure (disk full, read-only) removes the temporary file, keeps
        the results file as it was and sets `write_error`."""
        if self.streaming or not self.path.exists():
            return 0
        self.flush()  # still holding the lock while the file is rewritten
        tmp = self.path.with_name(f".{self.path.name}.compact")
        try:
            return self._compact(tmp)
        except OSError as exc:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            if self.write_error is None:
                self.write_error = (f"cannot compact {self.path} ({disk_reason(exc)}); the file is unchanged and "
                                    "complete (superseded error lines stay until a later run compacts it)")
            return 0

    def _compact(self, tmp: Path) -> int:
        scan = self.scan = scan_results(self.path)
        if not scan.dropped and not scan.garbled:
            return 0
        with open(self.path, encoding="utf-8", errors="surrogateescape") as src, \
                open(tmp, "w", encoding="utf-8", errors="surrogateescape") as dst:
            n = 0
            for line in src:
                if not line.endswith("\n") or parse_line(line) is None:
                    continue
                n += 1
                if str(n) not in scan.drop:
                    dst.write(line)
            dst.flush()
            os.chmod(tmp, stat.S_IMODE(os.stat(self.path).st_mode))  # the file keeps its mode
            os.fsync(dst.fileno())
        os.replace(tmp, self.path)
        return scan.dropped + scan.garbled


@dataclass
class Scan:
    """What one pass over a results file found: the record lines that a
    later line supersedes (`drop`, their numbers among the records), the
    garbled lines, and the error records that still stand (`errors()`)."""

    drop: DiskSet
    dropped: int
    garbled: int
    _standing: DiskLog

    def errors(self) -> Iterator[dict]:
        """Error records of articles that no later line (and no ok line of
        the same text) superseded: the articles that are failed now."""
        for line in self._standing:
            yield json.loads(line)


def scan_results(path: Path) -> Scan:
    """One pass over `path` (memory bounded: the bookkeeping is on disk,
    verifier/batch/keyindex.py). A non-ok line is superseded when a later
    line has its id, or (an error) when an ok line has its content hash."""
    last = DiskMap()       # id -> number of its last record line
    ok_hashes = DiskSet()
    others = DiskLog()     # the non-ok records, to decide on once the pass is over
    garbled = n = 0
    pending: list[tuple[str, str]] = []
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        for line in fh:
            if not line.endswith("\n"):
                continue
            rec = parse_line(line)
            if rec is None:
                garbled += 1
                continue
            n += 1
            pending.append((rec["id"], str(n)))
            if len(pending) >= 10_000:
                last.update(pending)
                pending = []
            if rec["status"] == "ok":
                if rec.get("hash"):
                    ok_hashes.add(rec["hash"])
            else:
                others.append(json.dumps([n, rec["id"], rec["status"], rec.get("hash"),
                                          line if rec["status"] == "error" else None], ensure_ascii=False))
    last.update(pending)
    drop, standing, dropped = DiskSet(), DiskLog(), 0
    for entry in others:
        num, ident, status, hash_, line = json.loads(entry)
        if last.get(ident) != str(num) or (status == "error" and hash_ in ok_hashes):
            drop.add(str(num))
            dropped += 1
        elif status == "error":
            standing.append(line)
    for table in (last, ok_hashes, others):
        table.close()
    return Scan(drop=drop, dropped=dropped, garbled=garbled, _standing=standing)


def _head(item_id: str, source: str, hash_: str | None, status: str, meta: dict | None) -> dict:
    head = {"id": item_id, "source": source, "hash": hash_, "status": status}
    if meta:
        head["meta"] = meta  # the input's metadata columns: outlet, date, author, url, ...
    return head


def ok_record(item_id: str, source: str, hash_: str, report_json: str, meta: dict | None = None) -> str:
    head = json.dumps(_head(item_id, source, hash_, "ok", meta), ensure_ascii=False)
    return json_text(head[:-1] + ', "report": ' + report_json + "}")


def error_record(item_id: str, source: str, hash_: str | None, exc: BaseException, meta: dict | None = None) -> str:
    err: dict = {"type": type(exc).__name__, "message": str(exc) or type(exc).__name__}
    code = getattr(exc, "exit_code", None)
    if code is not None:
        err["exit_code"] = code
    return json_text(json.dumps({**_head(item_id, source, hash_, "error", meta), "error": err}, ensure_ascii=False))


def duplicate_record(item_id: str, source: str, hash_: str, same_as: str, meta: dict | None = None) -> str:
    return json_text(json.dumps({**_head(item_id, source, hash_, "duplicate", meta), "same_as": same_as},
                                ensure_ascii=False))
