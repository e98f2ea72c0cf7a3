"""Replaying a session journal into the current state.

`ReviewState` starts from the Report in the journal's header and applies
each event in order; nothing else changes it. An `undo` event restores the
`before` of the latest change not yet undone, so undo survives a restart
like any other decision.
"""

from __future__ import annotations

from functools import cached_property

from verifier.document import Document
from verifier.errors import MalformedInput
from verifier.review.items import Item, item_from_claim
from verifier.review.order import DISPUTED, review_order
from verifier.schemas import Claim, Report


class Replayed:
    """A state rebuilt from a journal: items by id, a queue, a cursor, and
    the events applied so far. Subclasses fill `items`, `queue` and
    `cursor` from the header and set `item_model`."""

    item_model: type = Item

    def __init__(self, header: dict):
        self.header = header
        self.items: dict = {}
        self.queue: list[str] = []
        self.cursor: str | None = None
        self.events: list[dict] = [header]
        self.seq: int = int(header.get("seq", 0))
        self.undo_stack: list[dict] = []

    # --- replay ---------------------------------------------------------------
    def apply(self, ev: dict) -> None:
        kind = ev.get("type")
        if kind == "change":
            after = self.item_model.model_validate(ev["after"])
            self.items[after.id] = after
            self.undo_stack.append(ev)
        elif kind == "undo":
            if not self.undo_stack or self.undo_stack[-1].get("seq") != ev.get("undoes"):
                raise MalformedInput(f"session journal: undo of event {ev.get('undoes')} does not match the "
                                     "latest change (was the file edited by hand?)")
            target = self.undo_stack.pop()
            before = target.get("before")
            if before is None:
                self.items.pop(target["claim"], None)
            else:
                self.items[target["claim"]] = self.item_model.model_validate(before)
        elif kind not in ("move", "resume", "quit", "session", "script"):
            raise MalformedInput(f"session journal: unknown event type {kind!r}")
        if "cursor" in ev:
            cur = ev["cursor"]
            self.cursor = cur if cur is None or cur in self.items else self.cursor
        self.seq = max(self.seq, int(ev.get("seq", self.seq)))
        self.events.append(ev)

    # --- the queue --------------------------------------------------------------
    def position(self, claim_id: str | None) -> int | None:
        try:
            return self.queue.index(claim_id) if claim_id is not None else None
        except ValueError:
            return None

    def next_undecided(self, after: str | None) -> str | None:
        """The first undecided item after `after` in the queue, wrapping."""
        n = len(self.queue)
        if not n:
            return None
        pos = self.position(after)
        start = 0 if pos is None else pos + 1
        for k in range(n):
            cid = self.queue[(start + k) % n]
            if not self.items[cid].decided:
                return cid
        return None

    def undecided(self) -> list[str]:
        return [cid for cid in self.queue if not self.items[cid].decided]

    def decided_count(self) -> int:
        return sum(1 for cid in self.queue if self.items[cid].decided)

    @property
    def finished(self) -> bool:
        return not self.undecided()

    def last_change(self) -> dict | None:
        return self.undo_stack[-1] if self.undo_stack else None


class ReviewState(Replayed):
    def __init__(self, header: dict):
        super().__init__(header)
        try:
            self.report = Report.model_validate(header["report"])
        except Exception as exc:  # pydantic ValidationError, KeyError
            raise MalformedInput(f"session header does not hold a valid Report ({str(exc).splitlines()[0]})") from None
        self.claims: dict[str, Claim] = {c.id: c for c in self.report.claims}
        self.items: dict[str, Item] = {c.id: item_from_claim(c) for c in self.report.claims}
        self.queue = [i for i in header.get("queue") or review_order(self.report.claims) if i in self.claims]
        self.cursor = self.queue[0] if self.queue else None

    # --- the document -------------------------------------------------------
    @cached_property
    def document(self) -> Document:
        d = self.report.document
        return Document(text=d.text, source=d.source, format=d.format, title=d.title, blocks=list(d.blocks),
                        hash=d.hash)

    # --- queries ----------------------------------------------------------------
    def originals(self) -> list[Item]:
        return [self.items[i] for i in self.claims]

    def added(self) -> list[Item]:
        return [it for i, it in self.items.items() if i not in self.claims]

    def disputed_left(self) -> int:
        return sum(1 for cid in self.queue
                   if self.claims[cid].status in DISPUTED and not self.items[cid].decided)

    def added_near(self, claim_id: str | None) -> list[Item]:
        return [it for it in self.added() if it.added_near == claim_id]

    def new_added_id(self) -> str:
        taken = set(self.items) | {ev.get("claim") for ev in self.events if ev.get("type") == "change"}
        k = 1
        while f"r{k}" in taken:
            k += 1
        return f"r{k}"
