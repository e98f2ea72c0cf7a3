"""Verdicts under review (`verifier review REPORT.json --verdicts`): one
`VerdictItem` per verified claim, replayed from the journal like claims.

The queue puts the verdicts a person must look at first: those that say
the article is wrong (altered, mismatch, wrong_speaker), then not_found and
the model judge's, then supported and verbatim; each group in the order of
the checks.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from verifier.errors import MalformedInput
from verifier.review.state import Replayed
from verifier.schemas import ClaimCheck, Report, SourcePassage, VerifyVerdict

NEEDS_PASSAGE = frozenset({"verbatim", "altered", "supported", "mismatch", "wrong_speaker"})
"""Every verdict but not_found rests on a passage a person can check."""
_RANK = {"altered": 0, "mismatch": 0, "wrong_speaker": 0, "not_found": 1, "supported": 2, "verbatim": 3}


class VerdictItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    """The claim id of the check."""
    verdict: VerifyVerdict
    passage: SourcePassage | None = None
    decision: Literal["confirm", "override"] | None = None
    note: str | None = None
    reviewer: str | None = None
    at: str | None = None

    @property
    def decided(self) -> bool:
        return self.decision is not None


def verdict_order(checks: list[ClaimCheck]) -> list[str]:
    def rank(c: ClaimCheck) -> int:
        return 1 if c.method == "judge" and _RANK[c.verdict] > 1 else _RANK[c.verdict]

    ranked = sorted(enumerate(checks), key=lambda ic: (rank(ic[1]), ic[0]))
    return [c.claim_id for _, c in ranked]


def item_from_check(check: ClaimCheck) -> VerdictItem:
    return VerdictItem(id=check.claim_id, verdict=check.verdict, passage=check.passage)


class VerdictState(Replayed):
    item_model = VerdictItem

    def __init__(self, header: dict):
        super().__init__(header)
        try:
            self.report = Report.model_validate(header["report"])
        except Exception as exc:  # pydantic ValidationError, KeyError
            raise MalformedInput(f"session header does not hold a valid Report ({str(exc).splitlines()[0]})") from None
        if self.report.verification is None:
            raise MalformedInput("session header holds a Report without a verification")
        self.checks: dict[str, ClaimCheck] = {c.claim_id: c for c in self.report.verification.checks}
        self.items: dict[str, VerdictItem] = {cid: item_from_check(c) for cid, c in self.checks.items()}
        self.queue = [i for i in header.get("queue") or verdict_order(list(self.checks.values())) if i in self.checks]
        self.cursor = self.queue[0] if self.queue else None

    def claim_text(self, claim_id: str) -> str | None:
        """The claim as the article states it (its standalone text)."""
        for c in self.report.claims:
            if c.id == claim_id:
                return c.text
        return None

    def source_name(self, index: int) -> str:
        sources = self.report.verification.sources
        return sources[index].name if 0 <= index < len(sources) else f"source {index + 1}"

    def choices(self, claim_id: str) -> list[SourcePassage]:
        """The passages a reviewer may rest a verdict on, numbered from 1 on
        screen and in decisions files: the check's own, the judge's, the
        further passages of a stitched quotation, then the retrieved ones."""
        c = self.checks[claim_id]
        pool = [c.passage, c.judge.passage if c.judge else None, *c.also, *c.candidates]
        out, seen = [], set()
        for p in pool:
            if p is not None and (p.source, p.start, p.end) not in seen:
                seen.add((p.source, p.start, p.end))
                out.append(p)
        return out

    def overridden(self) -> list[str]:
        return [cid for cid in self.queue if self.items[cid].decision == "override"]
