"""Checker: deterministic attribution analysis of a span in its document.

PLACEHOLDER (to be replaced by checker v1): labels a span attributed when its
sentence holds a reporting verb. The public signature is fixed:

    attribute(text, spans) -> list[Verdict]
"""

from __future__ import annotations

import re
from typing import Iterable

from verifier.document import Document
from verifier.schemas import Verdict

_CUE = re.compile(r"\b(said|says|stated|noted|announced|according to|told|added)\b", re.I)


class Checker:
    """Labels spans of one document; reuse it for many spans of that text."""

    def __init__(self, document: Document):
        self.document = document

    def check(self, start: int, end: int) -> Verdict:
        sent = self.document.sentence_at(start)
        m = _CUE.search(self.document.text, sent.start, sent.end)
        if m:
            return Verdict(label="attributed", cue=m.group(0), reasons=[f"reporting cue '{m.group(0)}'"])
        return Verdict(label="asserted", reasons=["no attribution cue in the sentence"])


def attribute(text: str | Document, spans: Iterable[tuple[int, int]]) -> list[Verdict]:
    """Label each (start, end) span of `text` attributed or asserted."""
    doc = text if isinstance(text, Document) else Document(text=text)
    checker = Checker(doc)
    return [checker.check(a, b) for a, b in spans]
