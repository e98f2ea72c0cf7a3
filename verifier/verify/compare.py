"""Verdicts for a Report's attributed claims against its sources: each
claim is retrieved for (retrieve.py), then judged as a direct quotation
(quotes.py) or as indirect speech (paraphrase.py). Deterministic: the same
claims and sources give the same verdicts. Cost: linear in claims times a
bounded region per claim, plus one index build linear in the sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verifier.schemas import ClaimCheck
from verifier.verify.context import Context
from verifier.verify.paraphrase import verify_paraphrase
from verifier.verify.quotes import verify_quote
from verifier.verify.retrieve import Index
from verifier.verify.sources import Source, passages
from verifier.verify.text import ELLIPSIS, words

TOP_K = 3
MAX_CLAIM_CHARS = 2_000
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


@dataclass(frozen=True)
class ClaimInput:
    """What verification needs of a claim: its id, the article's words for
    it (evidence), the speaker, and whether it is a direct quotation."""

    id: str
    evidence: str
    speaker: str | None
    kind: str  # "direct" | "indirect"
    compared: str


def claim_input(claim_id: str, evidence: str, speaker: str | None, quote_kind: str | None = None) -> ClaimInput:
    """Direct when the evidence holds a quotation of two words or more (the
    quoted words are compared, several fragments joined by an ellipsis) or
    the claim is marked direct; indirect otherwise."""
    evidence = evidence[:MAX_CLAIM_CHARS]
    frags = [f.strip(" ,.") for f in _QUOTED.findall(evidence) if len(words(f)) >= 2]
    if frags:
        return ClaimInput(claim_id, evidence, speaker, "direct", " … ".join(frags))
    if quote_kind == "direct":
        return ClaimInput(claim_id, evidence, speaker, "direct", evidence.strip(" \"“”‘’'"))
    return ClaimInput(claim_id, evidence, speaker, "indirect", evidence)


def build_context(sources: list[Source]) -> Context:
    ps = passages(sources)
    return Context(sources=sources, passages=ps, index=Index(ps))


def verify_claim(ctx: Context, claim: ClaimInput) -> ClaimCheck:
    query = ELLIPSIS.sub(" ", claim.compared)
    hits = ctx.index.search(query, ctx.allowed(claim.speaker), k=TOP_K)
    if claim.kind == "direct":
        return verify_quote(ctx, claim.id, claim.compared, claim.speaker, hits)
    return verify_paraphrase(ctx, claim.id, claim.compared, claim.speaker, hits)
