"""What every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from verifier.document import Document
from verifier.schemas import DraftClaim, Usage


@dataclass
class SentenceNote:
    """What an extractor made of one sentence: `reason` says why it yields no claim
    (None when it yields some); `left_out` lists (start, end, reason) of the words
    that are no claim (a source's name tag, the speech event's time and place)."""

    index: int
    start: int
    end: int
    reason: str | None = None
    left_out: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Extraction:
    drafts: list[DraftClaim]
    extractor: str
    model: str | None = None
    prompt_version: str | None = None
    usage: Usage = field(default_factory=Usage)
    warnings: list[str] = field(default_factory=list)
    sentences: list[SentenceNote] | None = None  # per sentence, when the extractor records it


class Extractor(Protocol):
    name: str

    def extract(self, document: Document) -> Extraction: ...
