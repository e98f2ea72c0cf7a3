"""The session journal: one JSON object per line, appended and fsynced as
each decision is made.

The first line is the session header (the Report under review, the
document hash, the queue); later lines are events (decisions, notes, undo,
moves, sittings). A crash can leave at most a partial last line: it is
dropped (and cut off before anything else is appended), never the lines
before it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from verifier.errors import MalformedInput, VerifierError

JOURNAL_VERSION = 1


class Journal:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fd: int | None = None
        self._created = False
        self.dropped_partial_line = False

    # --- reading ------------------------------------------------------------
    def read(self) -> list[dict]:
        """Every complete event in the file ([] when there is none)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise MalformedInput(f"{self.path}: cannot be read ({exc.strerror or exc})") from None
        lines = data.split(b"\n")
        tail = lines.pop()  # after the last newline: b"" unless a write was cut short
        self.dropped_partial_line = bool(tail.strip())
        events = []
        for no, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                ev = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise MalformedInput(f"{self.path}: line {no} is not a journal event ({exc}); "
                                     "the file was edited by hand or is not a review session") from None
            if not isinstance(ev, dict) or "type" not in ev:
                raise MalformedInput(f"{self.path}: line {no} is not a journal event")
            events.append(ev)
        if events and events[0].get("type") != "session":
            raise MalformedInput(f"{self.path}: does not start with a session header")
        return events

    # --- writing ------------------------------------------------------------
    def open(self) -> None:
        """Open for appending, cutting off a partial last line first."""
        self._created = not self.path.exists()
        try:
            if not self._created:
                with open(self.path, "rb+") as fh:
                    data = fh.read()
                    keep = data.rfind(b"\n") + 1
                    if keep < len(data):
                        fh.truncate(keep)
                        fh.flush()
                        os.fsync(fh.fileno())
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as exc:
            raise JournalWriteError(self.path, exc, started=False) from None
        if self._created:
            _fsync_dir(self.path.parent)

    def append(self, event: dict) -> None:
        self.append_all([event])

    def append_all(self, events: list[dict]) -> None:
        """Write the events, whole lines, and fsync. When the disk refuses
        any of it (full, read-only, immutable) the file is cut back to what
        it held before: no partial line, no event of this call, every
        earlier one kept; then `JournalWriteError`."""
        if not events:
            return
        if self._fd is None:
            self.open()
        data = b"".join(json.dumps(ev, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
                        for ev in events)
        size = os.fstat(self._fd).st_size
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view):]
            os.fsync(self._fd)
        except OSError as exc:
            self._cut_back(size)
            raise JournalWriteError(self.path, exc, started=size > 0) from None

    def _cut_back(self, size: int) -> None:
        try:
            os.ftruncate(self._fd, size)
            os.fsync(self._fd)
            if size == 0 and self._created:
                os.unlink(self.path)  # a session that could not even start leaves no file
        except OSError:
            pass  # a read-only mount wrote nothing; a partial line is dropped on the next read

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class JournalWriteError(VerifierError):
    """The journal could not be written: one line, with what is kept."""

    def __init__(self, path: Path, exc: OSError, started: bool = True):
        why = exc.strerror or str(exc)
        kept = ("every decision made before it is kept there; make room and run the same command again to resume"
                if started else "nothing was saved; make room and run the same command again")
        super().__init__(f"{path}: cannot save the review session ({why}): {kept}")


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
