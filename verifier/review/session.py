"""The operations a reviewer performs on one input, each one journaled.

Every operation writes its event to the journal (flushed and fsynced)
before the in-memory state changes, then replays it into the state: the
journal is the truth, and a restart rebuilds exactly what was shown.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

from verifier.errors import VerifierError
from verifier.review.inputs import ReviewInput
from verifier.review.items import DECISIONS, Item, missing, other_label
from verifier.review.journal import JOURNAL_VERSION, Journal
from verifier.review.lock import SessionLock
from verifier.review.order import review_order
from verifier.review.state import ReviewState
from verifier.schemas import Report

EDITABLE = ("text", "speaker", "cue")


class ReviewError(VerifierError):
    """An action that cannot be done as asked (unknown claim, missing field)."""


class InputChanged(VerifierError):
    """The input differs from the one the session started with."""


class NeedsInput(ReviewError):
    """A decision that needs more from the reviewer (evidence, speaker, cue)."""

    def __init__(self, claim_id: str, fields: list[str], item: Item):
        self.claim_id, self.fields, self.item = claim_id, fields, item
        what = {"evidence": "evidence in the text", "speaker": "a speaker", "cue": "a cue"}
        need = " and ".join(what[f] for f in fields)
        hint = ("select it with e or reject with r" if fields == ["evidence"]
                else "an attributed claim names its cue, the word as it stands in the text")
        super().__init__(f"{claim_id}: needs {need} ({hint})")


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Session:
    def __init__(self, state: ReviewState, reviewer: str, journal: Journal | None = None,
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

    # --- opening and closing ------------------------------------------------
    @classmethod
    def open(cls, source: ReviewInput, reviewer: str, make_verifier: Callable[[], object] | None = None,
             restart: bool = False, on_pipeline: Callable[[ReviewInput], None] | None = None,
             defer: bool = False) -> "Session":
        """Take the lock, then resume the session file or start one (running
        the pipeline on an article that has no session yet). With `defer`
        nothing is written (not the header, not a restart's rename) until
        `commit` or `close`; `abandon` writes nothing at all."""
        lock = SessionLock(source.lock_path, target=str(source.path))
        lock.acquire()
        journal = Journal(source.journal_path)
        retire = None
        try:
            events = journal.read()
            if events and restart:
                kept = source.journal_path.with_name(
                    source.journal_path.name + time.strftime(".%Y%m%d-%H%M%S.old"))
                if defer:
                    retire = (source.journal_path, kept)
                else:
                    os.replace(source.journal_path, kept)
                events = []
            if events:
                header = events[0]
                current = source.current_hash()
                if header.get("doc_hash") != current:
                    raise InputChanged(
                        f"{source.path} changed since its review session started "
                        f"({source.journal_path.name} reviews text with hash {str(header.get('doc_hash'))[:12]}, "
                        f"the file now has {current[:12]}); to start over run again with --restart "
                        "(the old session file is kept)")
                state = ReviewState(header)
                for ev in events[1:]:
                    state.apply(ev)
                session = cls(state, reviewer, journal, lock, source)
                session.resumed = True
                session.deferred = defer
                if not defer:
                    journal.open()
                session._emit({"type": "resume", "pid": os.getpid()})
                return session
            if on_pipeline is not None and source.kind == "article":
                on_pipeline(source)
            report = source.build_report(make_verifier or _default_verifier)
            header = session_header(report, reviewer, str(source.path), source.kind)
            session = cls(ReviewState(header), reviewer, journal, lock, source)
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

    @classmethod
    def in_memory(cls, report: Report, reviewer: str = "test") -> "Session":
        """A session with no file and no lock (the Python API, dry runs)."""
        return cls(ReviewState(session_header(report, reviewer, None, "report")), reviewer)

    def dry_copy(self) -> "Session":
        """A copy of this session that writes nothing."""
        state = ReviewState(self.state.header)
        for ev in self.state.events[1:]:
            state.apply(ev)
        return Session(state, self.reviewer)

    def commit(self) -> None:
        """Write what a deferred session holds (the header of a new session,
        every event since) and write through from now on."""
        if not self.deferred:
            return
        if self.journal is not None:
            if self._retire is not None:
                os.replace(*self._retire)
                self._retire = None
            self.journal.open()
            for ev in self._unwritten:
                self.journal.append(ev)
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

    # --- the journal ------------------------------------------------------------
    def _emit(self, ev: dict) -> dict:
        ev = {"type": ev.pop("type"), "seq": self.state.seq + 1, "at": now(), "reviewer": self.reviewer, **ev}
        if self.deferred:
            self._unwritten.append(ev)
        elif self.journal is not None:
            self.journal.append(ev)
        self.state.apply(ev)
        return ev

    def _change(self, claim_id: str, action: str, before: Item | None, after: Item, note: str | None,
                cursor: str | None) -> Item:
        self._emit({"type": "change", "claim": claim_id, "action": action,
                    "before": before.model_dump(mode="json") if before else None,
                    "after": after.model_dump(mode="json"), "note": note, "cursor": cursor})
        return self.state.items[after.id]

    # --- lookups --------------------------------------------------------------
    @property
    def cursor(self) -> str | None:
        return self.state.cursor

    def item(self, claim_id: str) -> Item:
        try:
            return self.state.items[claim_id]
        except KeyError:
            known = ", ".join(list(self.state.items)[:8])
            raise ReviewError(f"no claim {claim_id!r} in this session (claims: {known}{' ...' if len(self.state.items) > 8 else ''})") from None

    def suggestions(self, claim_id: str) -> dict:
        """Speaker and cue to offer when a claim becomes attributed."""
        item = self.item(claim_id)
        claim = self.state.claims.get(claim_id)
        out = {"speaker": item.speaker, "cue": item.cue}
        sources = [item.checker]
        if claim is not None:
            sources += [claim.checker, claim.extractor]
        for src in sources:
            if src is None:
                continue
            out["speaker"] = out["speaker"] or getattr(src, "speaker", None)
            out["cue"] = out["cue"] or getattr(src, "cue", None)
        return out

    # --- decisions --------------------------------------------------------------
    def prepare(self, claim_id: str, action: str, changes: dict | None = None) -> Item:
        """The item as `action` would leave it (nothing is written)."""
        if action not in DECISIONS or action == "add":
            raise ReviewError(f"unknown decision {action!r} (use accept, flip, ambiguous or reject)")
        item = self.item(claim_id)
        new = item.model_copy(deep=True)
        if action == "flip":
            new.label = other_label(item.label)
            new.ambiguous = False
            if new.label == "asserted":
                new.speaker = new.cue = None
            else:
                sug = self.suggestions(claim_id)
                new.speaker, new.cue = sug["speaker"], sug["cue"]
        elif action == "ambiguous":
            new.ambiguous = True
        for k, v in (changes or {}).items():
            if k not in ("label", "speaker", "cue", "text"):
                raise ReviewError(f"cannot set {k!r} with a decision")
            setattr(new, k, v)
        if new.label == "asserted" and not new.ambiguous:
            new.speaker = new.cue = None
        new.decision = action  # type: ignore[assignment]
        new.reviewer, new.at = self.reviewer, now()
        return new

    def decide(self, claim_id: str, action: str, changes: dict | None = None, note: str | None = None) -> Item:
        """accept, flip, ambiguous or reject a claim; then on to the next
        undecided claim (a claim the reviewer added stays where it is)."""
        before = self.item(claim_id)
        new = self.prepare(claim_id, action, changes)
        if note is not None:
            new.note = note or None
        need = missing(new)
        if need:
            raise NeedsInput(claim_id, need, new)
        self._check_cue(new.cue)
        added = claim_id not in self.state.claims
        if added:
            cursor = self.cursor
        else:
            # the next undecided claim, as it will be once this one is decided
            queue = self.state.queue
            cursor = None
            pos = queue.index(claim_id)
            for k in range(1, len(queue) + 1):
                cid = queue[(pos + k) % len(queue)]
                if cid != claim_id and not self.state.items[cid].decided:
                    cursor = cid
                    break
        return self._change(claim_id, action, before, new, note, cursor)

    def edit(self, claim_id: str, field: str, value: str | None, note: str | None = None) -> Item:
        """Change the claim text, speaker or cue; the claim stays on screen."""
        if field not in EDITABLE:
            raise ReviewError(f"cannot edit {field!r} (edit text, speaker or cue)")
        before = self.item(claim_id)
        value = (value or "").strip() or None
        if field == "text" and not value:
            raise ReviewError("the claim text cannot be empty")
        if field in ("speaker", "cue") and before.label == "asserted" and not before.ambiguous and value:
            raise ReviewError(f"{claim_id} is asserted: it has no {field} (flip it to attributed first)")
        if field == "cue":
            self._check_cue(value)
        new = before.model_copy(update={field: value, "reviewer": self.reviewer, "at": now()})
        if note is not None:
            new.note = note or None
        return self._change(claim_id, field, before, new, note, self.cursor)

    def set_evidence(self, claim_id: str, start: int, end: int, note: str | None = None) -> Item:
        before = self.item(claim_id)
        start, end = self._check_span(start, end)
        text = self.state.document.text
        from verifier.attribution import Checker

        verdict = Checker(self.state.document).check(start, end)
        new = before.model_copy(update={"start": start, "end": end, "evidence": text[start:end],
                                        "checker": verdict, "reviewer": self.reviewer, "at": now()})
        if note is not None:
            new.note = note or None
        return self._change(claim_id, "evidence", before, new, note, self.cursor)

    def add(self, start: int, end: int, label: str, *, speaker: str | None = None, cue: str | None = None,
            text: str | None = None, note: str | None = None, ambiguous: bool = False,
            near: str | None = None) -> Item:
        """A claim the pipeline missed, from a span of the text."""
        start, end = self._check_span(start, end)
        if label not in ("attributed", "asserted"):
            raise ReviewError(f"unknown label {label!r} (attributed or asserted)")
        from verifier.attribution import Checker

        doc_text = self.state.document.text
        verdict = Checker(self.state.document).check(start, end)
        attributed = label == "attributed" or ambiguous
        new = Item(
            id=self.state.new_added_id(), text=(text or "").strip() or doc_text[start:end],
            evidence=doc_text[start:end], start=start, end=end, label=label,  # type: ignore[arg-type]
            speaker=(speaker or None) if attributed else None, cue=(cue or None) if attributed else None,
            ambiguous=ambiguous, decision="add", note=note or None, reviewer=self.reviewer, at=now(),
            added_near=near if near is not None else self.cursor, checker=verdict,
        )
        need = missing(new)
        if need:
            raise NeedsInput(new.id, need, new)
        self._check_cue(new.cue)
        return self._change(new.id, "add", None, new, note, self.cursor)

    def set_note(self, claim_id: str, note: str | None) -> Item:
        before = self.item(claim_id)
        new = before.model_copy(update={"note": (note or "").strip() or None})
        return self._change(claim_id, "note", before, new, new.note, self.cursor)

    def _check_cue(self, cue: str | None) -> None:
        if cue and cue.casefold() not in self.state.document.text.casefold():
            raise ReviewError(f"cue {cue!r} does not occur in the article: the cue is the word or phrase as it "
                              "stands in the text")

    def _check_span(self, start: int, end: int) -> tuple[int, int]:
        text = self.state.document.text
        if not (0 <= start < end <= len(text)):
            raise ReviewError(f"evidence {start}-{end} is outside the text (length {len(text)})")
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            raise ReviewError("the evidence is only whitespace")
        return start, end

    # --- undo and moves -----------------------------------------------------------
    def undo(self) -> dict | None:
        """Revert the latest change not yet undone; returns it (None: nothing
        to undo). The claim it touched comes back on screen."""
        last = self.state.last_change()
        if last is None:
            return None
        cid = last["claim"]
        cursor = cid if cid in self.state.claims else (last.get("after") or {}).get("added_near", self.cursor)
        if cursor is not None and cursor not in self.state.items:
            cursor = self.cursor
        self._emit({"type": "undo", "undoes": last["seq"], "claim": cid, "action": last["action"],
                    "cursor": cursor})
        return last

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
        """On to the next claim in the queue (past the end: the first
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


def session_header(report: Report, reviewer: str, input_path: str | None, kind: str) -> dict:
    return {
        "type": "session", "v": JOURNAL_VERSION, "seq": 0, "at": now(), "reviewer": reviewer,
        "pid": os.getpid(), "input": input_path, "kind": kind, "doc_hash": report.document.hash,
        "queue": review_order(report.claims), "report": report.model_dump(mode="json"),
    }


def _default_verifier():
    from verifier.pipeline import Verifier

    return Verifier()


def default_reviewer() -> str:
    name = os.environ.get("VERIFIER_REVIEWER")
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover
        return "reviewer"


__all__ = ["Session", "ReviewError", "NeedsInput", "InputChanged", "default_reviewer", "session_header",
           ]
