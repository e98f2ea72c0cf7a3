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

from verifier.errors import MalformedInput

JOURNAL_VERSION = 1


class Journal:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fh = None
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
        existed = self.path.exists()
        if existed:
            with open(self.path, "rb+") as fh:
                data = fh.read()
                keep = data.rfind(b"\n") + 1
                if keep < len(data):
                    fh.truncate(keep)
                    fh.flush()
                    os.fsync(fh.fileno())
        self._fh = open(self.path, "a", encoding="utf-8")
        if not existed:
            _fsync_dir(self.path.parent)

    def append(self, event: dict) -> None:
        if self._fh is None:
            self.open()
        self._fh.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


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
