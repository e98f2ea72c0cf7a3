"""Indirect speech: supported, mismatch (numbers, units, dates, named
entities, negation, hedges: each named), wrong_speaker, or not_found.

A region carries a claim when it holds at least SUPPORT_MIN of the claim's
content words (stemmed, figures left to quantities.py). The best region
among the retrieved ones (grown by a neighbouring passage when that adds
words) is then compared fact by fact. Linear in claim and region.
"""

from __future__ import annotations

from verifier.schemas import ClaimCheck
from verifier.verify import facts
from verifier.verify.context import Context
from verifier.verify.text import stem as _stem
from verifier.verify.retrieve import Hit
from verifier.verify.text import content_terms, name_tokens, stem, tokens

SUPPORT_MIN = 0.5
GROW_MIN = 0.15
LEFT_WORDS = 4
DATES = frozenset(_stem(w) for w in facts.DATE_WORDS)


def _terms(text: str) -> set[str]:
    """Content words, figures and date words left out (facts.py compares those)."""
    return {t for t in content_terms(text) if not t[:1].isdigit() and not t.startswith("$") and t not in DATES}


def _recall(claim: set[str], region_text: str) -> float:
    return len(claim & _terms(region_text)) / len(claim) if claim else 0.0


def best_region(ctx: Context, claim: str, speaker: str | None, hits: list[Hit]):
    """(recall, region pids, speaker ok) of the best region, own speaker first on ties."""
    terms = _terms(claim)
    best = None
    for h in hits:
        region = [h.passage]
        rec = _recall(terms, ctx.span(region).text)
        for n in ctx.neighbours(h.passage):
            if n == h.passage:
                continue
            grown = sorted(region + [n])
            r2 = _recall(terms, ctx.span(grown).text)
            if r2 >= rec + GROW_MIN:
                region, rec = grown, r2
        own = all(ctx.speaker_ok(p, speaker) for p in region)
        key = (rec >= SUPPORT_MIN and own, round(rec, 6), h.score)
        if best is None or key > best[0]:
            best = (key, rec, region, own)
    return None if best is None else best[1:]


def window(claim: str, passage: str, before: int = LEFT_WORDS) -> str:
    """The stretch of the passage that carries the claim: from the first to
    the last of the claim's content words in it, `before` words earlier
    (a 'not' or 'may' before the verb)."""
    terms = _terms(claim)
    toks = tokens(passage)
    at = [i for i, t in enumerate(toks) if stem(t.norm) in terms]
    if not at:
        return passage
    a, z = max(at[0] - before, 0), at[-1]
    while z + 1 < len(toks) and not any(ch in ".!?;" for ch in passage[toks[z].end:toks[z + 1].start]):
        z += 1  # to the end of the clause: 'will not change' after the last shared word
    while a < at[0] and any(ch in ".!?;:" for ch in passage[toks[a].end:toks[at[0]].start]):
        a += 1  # the extension stays in the claim's own sentence
    return passage[toks[a].start:toks[z].end]


def verify_paraphrase(ctx: Context, claim_id: str, text: str, speaker: str | None, hits: list[Hit]) -> ClaimCheck:
    cands = [ctx.hit_span(h) for h in hits[:3]]
    base = dict(claim_id=claim_id, kind="indirect", speaker=speaker, compared=text, candidates=cands)
    found = best_region(ctx, text, speaker, hits)
    if found is None or found[0] < SUPPORT_MIN:
        share = 0 if found is None else int(found[0] * 100)
        return ClaimCheck(verdict="not_found", reasons=[
            f"no passage carries the claim: the best holds {share}% of its content words "
            f"(at least {int(SUPPORT_MIN * 100)}% needed)"], **base)
    rec, region, own = found
    passage = ctx.span(region, score=max((h.score for h in hits if h.passage in region), default=None))
    where = f"{ctx.sources[passage.source].name} at {passage.start}-{passage.end}"
    if not own:
        who = ctx.passages[region[0]].speaker
        return ClaimCheck(verdict="wrong_speaker", passage=passage, reasons=[
            f"the passage ({where}) is {who}'s turn, not {speaker}'s"], **base)
    ignore = name_tokens(speaker) | name_tokens(ctx.passages[region[0]].speaker)
    win = window(text, passage.text)
    diffs = (facts.numbers(text, passage.text) + facts.dates(text, passage.text, win)
             + facts.names(text, passage.text, ignore, ctx.full_names(passage.source))
             + facts.polarity(tokens(text), tokens(win)) + facts.hedges(tokens(text), tokens(win))
             + facts.direction(text, win) + facts.compass(text, win))
    if diffs:
        named = "; ".join(f"{d.kind}: the claim says '{d.claim}', the passage says '{d.source}'" for d in diffs)
        return ClaimCheck(verdict="mismatch", passage=passage, differences=diffs,
                          reasons=[f"{int(rec * 100)}% of the claim's content words are in {where}, but {named}"],
                          **base)
    return ClaimCheck(verdict="supported", passage=passage, reasons=[
        f"{int(rec * 100)}% of the claim's content words are in {where}; figures, dates, names and negation agree"],
        **base)
