"""A claim as the reviewer sees and changes it (one `Item` per claim).

Items are what the journal records before and after each change, so they
hold everything a decision can touch and nothing else.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from verifier.schemas import Claim, Label, Verdict

Decision = Literal["accept", "flip", "ambiguous", "reject", "add"]
DECISIONS: tuple[str, ...] = ("accept", "flip", "ambiguous", "reject", "add")


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    evidence: str
    start: int | None = None
    end: int | None = None
    label: Label
    speaker: str | None = None
    cue: str | None = None
    ambiguous: bool = False
    decision: Decision | None = None
    note: str | None = None
    reviewer: str | None = None
    at: str | None = None
    added_near: str | None = None
    """For a claim the reviewer added: the claim on screen at the time."""
    checker: Verdict | None = None
    """The checker's opinion on evidence the reviewer chose (added claims,
    changed evidence); None means the pipeline's opinion still applies."""

    @property
    def grounded(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def decided(self) -> bool:
        return self.decision is not None

    @property
    def rejected(self) -> bool:
        return self.decision == "reject"

    @property
    def added(self) -> bool:
        return self.decision == "add"

    @property
    def acceptable_labels(self) -> list[Label]:
        return ["attributed", "asserted"] if self.ambiguous else [self.label]


def item_from_claim(claim: Claim) -> Item:
    return Item(
        id=claim.id, text=claim.text, evidence=claim.evidence.text,
        start=claim.evidence.start, end=claim.evidence.end,
        label=claim.label, speaker=claim.speaker, cue=claim.cue, ambiguous=claim.ambiguous,
    )


def other_label(label: Label) -> Label:
    return "asserted" if label == "attributed" else "attributed"


def missing(item: Item) -> list[str]:
    """What a decided (not rejected) item still lacks: grounded evidence,
    and for a claim the reviewer makes attributed (flip, add) its cue. The
    speaker may be unknown: an unnamed source ("reportedly", "it is
    understood") is a legitimate attribution (shared/ANNOTATION.md), so it is
    never demanded; nor is a cue when accepting the checker's own reading of
    a quotation with no cue word (the quotation marks are the signal)."""
    if item.rejected:
        return []
    out = []
    if not item.grounded:
        out.append("evidence")
    if item.label == "attributed" and not item.ambiguous and item.decision in ("flip", "add") \
            and not (item.cue or "").strip():
        out.append("cue")
    return out


OUTCOMES = ("accept", "flip", "ambiguous", "reject", "add")
PAST = {"accept": "accepted", "flip": "flipped", "ambiguous": "ambiguous", "reject": "rejected", "add": "added"}


def outcome(item: Item, claim: Claim | None) -> str | None:
    """What a decision amounts to, against the pipeline's claim: the one
    word the screen, the summary and the exports all show. It follows the
    item as it stands, not the key last pressed: a flipped claim accepted
    again later is still flipped, a claim marked ambiguous is ambiguous."""
    if item.decision is None:
        return None
    if item.rejected:
        return "reject"
    if item.added or claim is None:
        return "add"
    if item.ambiguous:
        return "ambiguous"
    if item.label != claim.label:
        return "flip"
    return "accept"


def label_text(item: Item) -> str:
    """The label as shown: an ambiguous claim accepts either label."""
    if item.ambiguous:
        return f"ambiguous (either label; {item.label} first)"
    return item.label
