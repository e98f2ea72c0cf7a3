"""What every review session shares, whatever it settles (claims, or the
verdicts of a verification): the lock, the journal, opening (resume or
start), deferred writing for all-or-nothing scripted runs, and moving
through the queue.

Every operation writes its event to the journal (flushed and fsynced)
before the in-memory state changes, then replays it into the state: the
journal is the truth, and a restart rebuilds exactly what was shown. A
write that fails (a full disk) changes nothing in memory and leaves the
journal as it was before it (see journal.py).
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

from verifier.errors import VerifierError
from verifier.review.inputs import ReviewInput
from verifier.review.journal import Journal
from verifier.review.lock import SessionLock


class ReviewError(VerifierError):
    """An action that cannot be done as asked (unknown claim, missing field)."""


class InputChanged(VerifierError):
    """The input differs from the one the session started with."""


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Journaled:
    """A session over a state that is rebuilt by replaying its journal.

    Subclasses set `state_class` (built from the header, with `apply(ev)`,
    `seq`, `queue`, `cursor`, `position`, `next_undecided`) and may
    override `changed` to refuse a journal whose input has changed."""

    state_class: type = object

    def __init__(self, state, reviewer: str, journal: Journal | None = None,
                 lock: SessionLock | None = None, source: ReviewInput | None = None):
        self.state = state
        self.reviewer = reviewer
        self.journal = journal
        self.lock = lock
        self.source = source
        self.resumed = False
        self.closed = False
        self.deferred = False
        """Events are held in memory until `commit` (scripted runs, which are
        all-or-nothing); `abandon` then leaves every file as it was."""
        self._unwritten: list[dict] = []
        self._retire: tuple[Path, Path] | None = None

    # --- opening ------------------------------------------------------------------
    @classmethod
    def changed(cls, header: dict, source: ReviewInput) -> str | None:
        """Why the journal no longer fits the input (None: it fits)."""
        current = source.current_hash()
        if header.get("doc_hash") == current:
            return None
        return (f"{source.path} changed since its review session started ({Path(cls.journal_of(source)).name} "
                f"reviews text with hash {str(header.get('doc_hash'))[:12]}, the file now has {current[:12]})")

    @classmethod
    def journal_of(cls, source: ReviewInput) -> Path:
        return source.journal_path

    @classmethod
    def open_journal(cls, source: ReviewInput, reviewer: str, new_header: Callable[[], dict],
                     restart: bool = False, defer: bool = False):
        """Take the lock, then resume the journal or start one with the
        header `new_header()` makes. With `defer` nothing is written (not
        the header, not a restart's rename) until `commit` or `close`;
        `abandon` writes nothing at all."""
        lock = SessionLock(source.lock_path, target=str(source.path))
        lock.acquire()
        path = cls.journal_of(source)
        journal = Journal(path)
        try:
            events = journal.read()
            retire = None
            if events and restart:
                kept = path.with_name(path.name + time.strftime(".%Y%m%d-%H%M%S.old"))
                if defer:
                    retire = (path, kept)
                else:
                    os.replace(path, kept)
                events = []
            if events:
                why = cls.changed(events[0], source)
                if why:
                    raise InputChanged(f"{why}; to start over run again with --restart (the old session "
                                       "file is kept)")
                state = cls.state_class(events[0])
                for ev in events[1:]:
                    state.apply(ev)
                session = cls(state, reviewer, journal, lock, source)
                session.resumed, session.deferred = True, defer
                if not defer:
                    journal.open()
                session._emit({"type": "resume", "pid": os.getpid()})
                return session
            header = new_header()
            session = cls(cls.state_class(header), reviewer, journal, lock, source)
            if defer:
                session.deferred = True
                session._unwritten.append(header)
                session._retire = retire
            else:
                journal.open()
                journal.append(header)
            return session
        except BaseException:
            journal.close()
            lock.release()
            raise

    # --- writing and closing ----------------------------------------------------------
    def commit(self) -> None:
        """Write what a deferred session holds (the header of a new session,
        every event since) and write through from now on. All or nothing:
        when the disk refuses part of it, the journal is left as it was."""
        if not self.deferred:
            return
        if self.journal is not None:
            if self._retire is not None:
                os.replace(*self._retire)
                self._retire = None
            self.journal.open()
            self.journal.append_all(self._unwritten)
        self._unwritten = []
        self.deferred = False

    def close(self) -> None:
        if self.closed:
            return
        try:
            self.commit()
            if self.journal is not None:
                self._emit({"type": "quit"})
        finally:
            self.closed = True
            if self.journal is not None:
                self.journal.close()
            if self.lock is not None:
                self.lock.release()

    def abandon(self) -> None:
        """Release the session without writing what a deferred session holds."""
        if self.closed:
            return
        self.closed = True
        self._unwritten = []
        if self.journal is not None:
            self.journal.close()
        if self.lock is not None:
            self.lock.release()

    def _emit(self, ev: dict) -> dict:
        ev = {"type": ev.pop("type"), "seq": self.state.seq + 1, "at": now(), "reviewer": self.reviewer, **ev}
        if self.deferred:
            self._unwritten.append(ev)
        elif self.journal is not None:
            self.journal.append(ev)
        self.state.apply(ev)
        return ev

    # --- moves ------------------------------------------------------------------------
    @property
    def cursor(self) -> str | None:
        return self.state.cursor

    def back(self) -> bool:
        q = self.state.queue
        if not q:
            return False
        pos = self.state.position(self.cursor)
        if pos is None:
            target = q[-1]
        elif pos == 0:
            return False
        else:
            target = q[pos - 1]
        self._emit({"type": "move", "action": "back", "from": self.cursor, "cursor": target})
        return True

    def skip(self) -> bool:
        """On to the next item in the queue (past the end: the first
        undecided one). False when there is nowhere else to go."""
        q = self.state.queue
        pos = self.state.position(self.cursor)
        if pos is not None and pos + 1 < len(q):
            target = q[pos + 1]
        else:
            target = self.state.next_undecided(None)
        if target is None or target == self.cursor:
            return False
        self._emit({"type": "move", "action": "skip", "from": self.cursor, "cursor": target})
        return True

    def goto(self, claim_id: str | None) -> None:
        if claim_id is not None and claim_id not in self.state.queue:
            raise ReviewError(f"no claim {claim_id!r} in the queue")
        self._emit({"type": "move", "action": "goto", "from": self.cursor, "cursor": claim_id})

    def next_cursor(self, claim_id: str) -> str | None:
        """The next undecided item after `claim_id`, as it will be once that
        one is decided (None: every other one is decided)."""
        queue = self.state.queue
        pos = queue.index(claim_id)
        for k in range(1, len(queue) + 1):
            cid = queue[(pos + k) % len(queue)]
            if cid != claim_id and not self.state.items[cid].decided:
                return cid
        return None


def default_reviewer() -> str:
    name = os.environ.get("VERIFIER_REVIEWER")
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover
        return "reviewer"
