"""What every extractor returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from verifier.document import Document
from verifier.schemas import DraftClaim, Usage


@dataclass
class Extraction:
    drafts: list[DraftClaim]
    extractor: str
    model: str | None = None
    prompt_version: str | None = None
    usage: Usage = field(default_factory=Usage)
    warnings: list[str] = field(default_factory=list)


class Extractor(Protocol):
    name: str

    def extract(self, document: Document) -> Extraction: ...
