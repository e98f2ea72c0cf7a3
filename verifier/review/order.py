"""Queue ordering: disagreements and ungrounded claims first, then the rest,
each group in document order (the order of the Report's claims)."""

from __future__ import annotations

from verifier.schemas import Claim

DISPUTED = frozenset({"needs review", "disagreed", "ungrounded"})


def review_order(claims: list[Claim]) -> list[str]:
    """Claims a person must decide first: ambiguous ones ('needs review'), then
    disagreements and ungrounded evidence, then the rest, each in text order."""
    rank = {"needs review": 0, "disagreed": 1, "ungrounded": 1}
    ranked = sorted(enumerate(claims), key=lambda ic: (rank.get(ic[1].status, 2), ic[0]))
    return [c.id for _, c in ranked]
