"""Queue ordering: disagreements and ungrounded claims first, then the rest,
each group in document order (the order of the Report's claims)."""

from __future__ import annotations

from verifier.schemas import Claim

DISPUTED = frozenset({"disagreed", "ungrounded"})


def review_order(claims: list[Claim]) -> list[str]:
    ranked = sorted(enumerate(claims), key=lambda ic: (ic[1].status not in DISPUTED, ic[0]))
    return [c.id for _, c in ranked]
