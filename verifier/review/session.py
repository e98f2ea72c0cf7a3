"""The operations a reviewer performs on one article's claims, each one
journaled (the journal, the lock, resuming and moving are in journaled.py).
"""

from __future__ import annotations

import os
from typing import Callable

from verifier.review.inputs import ReviewInput
from verifier.review.items import DECISIONS, Item, missing, other_label
from verifier.review.journal import JOURNAL_VERSION
from verifier.review.journaled import InputChanged, Journaled, ReviewError, default_reviewer, now
from verifier.review.order import review_order
from verifier.review.state import ReviewState
from verifier.schemas import Report

EDITABLE = ("text", "speaker", "cue")


class NeedsInput(ReviewError):
    """A decision that needs more from the reviewer (evidence, speaker, cue)."""

    def __init__(self, claim_id: str, fields: list[str], item: Item):
        self.claim_id, self.fields, self.item = claim_id, fields, item
        what = {"evidence": "evidence in the text", "speaker": "a speaker", "cue": "a cue"}
        need = " and ".join(what[f] for f in fields)
        hint = ("select it with e or reject with r" if fields == ["evidence"]
                else "an attributed claim names its cue, the word as it stands in the text")
        super().__init__(f"{claim_id}: needs {need} ({hint})")


class Session(Journaled):
    state_class = ReviewState

    @classmethod
    def open(cls, source: ReviewInput, reviewer: str, make_verifier: Callable[[], object] | None = None,
             restart: bool = False, on_pipeline: Callable[[ReviewInput], None] | None = None,
             defer: bool = False) -> "Session":
        """Take the lock, then resume the session file or start one (running
        the pipeline on an article that has no session yet); see
        `Journaled.open_journal` for `defer`."""
        def new_header() -> dict:
            if on_pipeline is not None and source.kind == "article":
                on_pipeline(source)
            report = source.build_report(make_verifier or _default_verifier)
            return session_header(report, reviewer, str(source.path), source.kind)

        return cls.open_journal(source, reviewer, new_header, restart, defer)

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

    def _change(self, claim_id: str, action: str, before: Item | None, after: Item, note: str | None,
                cursor: str | None) -> Item:
        self._emit({"type": "change", "claim": claim_id, "action": action,
                    "before": before.model_dump(mode="json") if before else None,
                    "after": after.model_dump(mode="json"), "note": note, "cursor": cursor})
        return self.state.items[after.id]

    # --- lookups --------------------------------------------------------------
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
        cursor = self.cursor if claim_id not in self.state.claims else self.next_cursor(claim_id)
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


def session_header(report: Report, reviewer: str, input_path: str | None, kind: str) -> dict:
    return {
        "type": "session", "v": JOURNAL_VERSION, "seq": 0, "at": now(), "reviewer": reviewer,
        "pid": os.getpid(), "input": input_path, "kind": kind, "doc_hash": report.document.hash,
        "queue": review_order(report.claims), "report": report.model_dump(mode="json"),
    }


def _default_verifier():
    from verifier.pipeline import Verifier

    return Verifier()


__all__ = ["Session", "ReviewError", "NeedsInput", "InputChanged", "default_reviewer", "session_header",
           ]
