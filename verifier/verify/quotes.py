"""Direct quotations: verbatim, altered (a word-level diff: words changed,
dropped or added; an ellipsis that hides a qualifier; two passages stitched
together), wrong_speaker, or not_found.

Words are compared folded (case, curly quotes, punctuation ignored). An
ellipsis that leaves out harmless words keeps a quotation verbatim; one
that hides a negation, a hedge, a figure or a 'but' makes it altered.
Cost: difflib on the quotation against at most a few regions of RADIUS
passages each, so linear in the quotation for a bounded region.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from verifier.schemas import ClaimCheck, Difference
from verifier.verify.context import Context
from verifier.verify.retrieve import Hit
from verifier.verify.text import ELLIPSIS, HEDGES, NEGATIONS, Token, tokens

ALTERED_MIN = 0.6  # share of the quotation's words found in order in one region
STITCH_MIN_WORDS = 3
NEAR_WORDS = 12  # a gap this short between two stretches is a change, not a stitch
QUALIFIERS = NEGATIONS | HEDGES | frozenset("but unless if only except although though however yet".split())


def _find(seg: list[str], words: list[str], start: int = 0) -> int:
    n = len(seg)
    for i in range(start, len(words) - n + 1):
        if words[i:i + n] == seg:
            return i
    return -1


def _in_order(segs: list[list[str]], words: list[str]) -> list[int] | None:
    at, pos = [], 0
    for seg in segs:
        i = _find(seg, words, pos)
        if i < 0:
            return None
        at.append(i)
        pos = i + len(seg)
    return at


def _regions(ctx: Context, hits: list[Hit]) -> list[list[int]]:
    seen, out = set(), []
    for h in hits:
        r = ctx.neighbours(h.passage)
        if tuple(r) not in seen:
            seen.add(tuple(r))
            out.append(r)
    return out


def _exact(ctx: Context, segs: list[list[str]], regions: list[list[int]], speaker: str | None):
    """(region, token list, segment positions) of the first region holding
    every segment in order, the speaker's own turns first."""
    found = []
    for r in regions:
        toks = ctx.region_tokens(r)
        at = _in_order(segs, [t.norm for t in toks])
        if at is not None:
            found.append((r, toks, at))
    found.sort(key=lambda f: not all(ctx.speaker_ok(p, speaker) for p in f[0]))
    return found[0] if found else None


def _check(claim_id: str, quote: str, speaker: str | None, verdict: str, reasons: list[str], **kw) -> ClaimCheck:
    return ClaimCheck(claim_id=claim_id, kind="direct", speaker=speaker, compared=quote, verdict=verdict,
                      reasons=reasons, **kw)


def verify_quote(ctx: Context, claim_id: str, quote: str, speaker: str | None, hits: list[Hit]) -> ClaimCheck:
    segs = [[t.norm for t in tokens(s)] for s in ELLIPSIS.split(quote)]
    segs = [s for s in segs if s]
    cands = [ctx.hit_span(h) for h in hits[:3]]
    if not segs:
        return _check(claim_id, quote, speaker, "not_found", ["the quotation has no words to compare"],
                      candidates=cands)
    regions = _regions(ctx, hits)
    exact = _exact(ctx, segs, regions, speaker)
    if exact is not None:
        return _exact_verdict(ctx, claim_id, quote, speaker, segs, exact, cands)
    stitched = _stitched(ctx, claim_id, quote, speaker, segs, hits, cands)
    if stitched is not None:
        return stitched
    return _altered(ctx, claim_id, quote, speaker, [w for s in segs for w in s], regions, cands)


def _exact_verdict(ctx, claim_id, quote, speaker, segs, exact, cands) -> ClaimCheck:
    region, toks, at = exact
    first, last = toks[at[0]], toks[at[-1] + len(segs[-1]) - 1]
    passage = ctx.span(region, first.start, last.end)
    pid = region[0]
    if not all(ctx.speaker_ok(p, speaker) for p in region):
        return _check(claim_id, quote, speaker, "wrong_speaker",
                      [f"the words are in the source, said by {ctx.passages[pid].speaker}, not {speaker}"],
                      passage=passage, candidates=cands,
                      differences=[Difference(kind="speaker", claim=speaker, source=ctx.passages[pid].speaker)])
    hidden = [toks[at[k] + len(segs[k]):at[k + 1]] for k in range(len(segs) - 1)]
    where = ctx.sources[passage.source].name
    for gap in hidden:
        bad = [t.norm for t in gap if t.norm in QUALIFIERS or t.norm[:1].isdigit()]
        if bad:
            text = ctx.sources[passage.source].document.text[gap[0].start:gap[-1].end]
            return _check(claim_id, quote, speaker, "altered",
                          [f"the ellipsis hides '{text}' ({', '.join(bad)}) in {where}"], passage=passage,
                          candidates=cands, differences=[Difference(kind="ellipsis", claim="…", source=text)])
    cut = _cut_before_qualifier(ctx, region, toks, at[-1] + len(segs[-1]))
    if cut is not None:
        return _check(claim_id, quote, speaker, "altered",
                      [f"the quotation stops before '{cut}' in {where}, which qualifies it"], passage=passage,
                      candidates=cands, differences=[Difference(kind="dropped", source=cut)])
    omitted = sum(len(g) for g in hidden)
    reason = f"word for word in {where} at {passage.start}-{passage.end}"
    if omitted:
        reason += f"; the ellipsis omits {omitted} word(s), none a negation, hedge or figure"
    return _check(claim_id, quote, speaker, "verbatim", [reason], passage=passage, candidates=cands)


def _cut_before_qualifier(ctx: Context, region: list[int], toks: list[Token], after: int) -> str | None:
    """The rest of the sentence when a quotation ends just before 'or',
    'but', 'unless' ... ('a transfer' of 'a transfer or a severance package')."""
    if after >= len(toks) or toks[after].norm not in QUALIFIERS | {"or"}:
        return None
    pid = next((p for p in region if ctx.passages[p].start <= toks[after].start < ctx.passages[p].end), None)
    if pid is None or ctx.passages[pid].start > toks[after - 1].start:
        return None  # the next word is in the next sentence
    text = ctx.sources[ctx.passages[pid].source].document.text
    return text[toks[after].start:ctx.passages[pid].end].rstrip(".!?")


def _stitched(ctx, claim_id, quote, speaker, segs, hits, cands) -> ClaimCheck | None:
    """The quotation is two stretches of the source, word for word, from
    places that do not follow each other."""
    words = [w for s in segs for w in s]
    cut = min(_longest_head(ctx, words, hits), len(words) - STITCH_MIN_WORDS)
    if cut < STITCH_MIN_WORDS:
        return None
    head, tail = words[:cut], words[cut:]
    a = _locate(ctx, head, hits, speaker)
    if a is None:
        return None
    b = _locate(ctx, tail, ctx.index.search(" ".join(tail), ctx.allowed(speaker), k=3), speaker)
    if b is None:
        return None
    pa, pb = a[3], b[3]
    if pa.source == pb.source and pa.end <= pb.start and _gap(ctx, pa, pb) <= NEAR_WORDS:
        return None  # one stretch with words changed or dropped between: altered, not stitched
    return _check(claim_id, quote, speaker, "altered",
                  [f"two passages stitched together: '{pa.text}' ({pa.start}-{pa.end}) and '{pb.text}' "
                   f"({pb.start}-{pb.end}) do not follow each other in the source"],
                  passage=pa, also=[pb], candidates=cands,
                  differences=[Difference(kind="stitched", claim=" ".join(head) + " | " + " ".join(tail),
                                          source=pa.text + " | " + pb.text)])


def _longest_head(ctx: Context, words: list[str], hits: list[Hit]) -> int:
    """The most words of the quotation's start found word for word in one
    hit's region: O(region x quotation) per region."""
    best = 0
    for h in hits:
        region = [t.norm for t in ctx.region_tokens(ctx.neighbours(h.passage))]
        for i, w in enumerate(region):
            if w != words[0]:
                continue
            n = 0
            while n < len(words) and i + n < len(region) and region[i + n] == words[n]:
                n += 1
            best = max(best, n)
    return best


def _gap(ctx: Context, pa, pb) -> int:
    text = ctx.sources[pa.source].document.text[pa.end:pb.start]
    return len(tokens(text))


def _locate(ctx: Context, seg: list[str], hits: list[Hit], speaker: str | None):
    """(source, first token index, end token index, SourcePassage) of `seg` word for word in a hit's region."""
    for h in hits:
        region = ctx.neighbours(h.passage)
        toks = ctx.region_tokens(region)
        i = _find(seg, [t.norm for t in toks])
        if i >= 0:
            span = ctx.span(region, toks[i].start, toks[i + len(seg) - 1].end)
            return (span.source, toks[i].start, toks[i + len(seg) - 1].end, span)
    return None


def _altered(ctx, claim_id, quote, speaker, words, regions, cands) -> ClaimCheck:
    best = None
    for r in regions:
        toks = ctx.region_tokens(r)
        sm = WordDiff(words, [t.norm for t in toks])
        matched = sum(b.size for b in sm.get_matching_blocks())
        key = (matched, all(ctx.speaker_ok(p, speaker) for p in r))
        if best is None or key > best[0]:
            best = (key, r, toks, sm)
    if best is None or best[0][0] < ALTERED_MIN * len(words):
        return _check(claim_id, quote, speaker, "not_found",
                      [f"no passage holds {int(ALTERED_MIN * 100)}% of the quotation's words in order"],
                      candidates=cands)
    (matched, own), region, toks, sm = best
    diffs, span = _diff(words, toks, sm, ctx.sources[ctx.passages[region[0]].source].document.text)
    passage = ctx.span(region, span[0], span[1])
    if not own:
        who = ctx.passages[region[0]].speaker
        return _check(claim_id, quote, speaker, "wrong_speaker", [f"the nearest words are {who}'s, not {speaker}'s"],
                      passage=passage, candidates=cands, differences=[Difference(kind="speaker", claim=speaker,
                                                                                  source=who)] + diffs)
    summary = "; ".join(f"{d.kind} '{d.claim or ''}'" + (f" -> '{d.source}'" if d.kind == "changed" else "")
                        if d.kind != "dropped" else f"dropped '{d.source}'" for d in diffs)
    return _check(claim_id, quote, speaker, "altered",
                  [f"{matched} of {len(words)} words match {ctx.sources[passage.source].name} at "
                   f"{passage.start}-{passage.end}: {summary}"], passage=passage, differences=diffs, candidates=cands)


@dataclass(frozen=True)
class _Block:
    a: int
    b: int
    size: int


class WordDiff:
    """Word-level opcodes and matching blocks (difflib's interface) from
    rapidfuzz's Levenshtein alignment: bit-parallel, so a long quotation of
    repeated words costs O(n*m/64), not difflib's worst case."""

    def __init__(self, a: list[str], b: list[str]):
        self._ops = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Levenshtein.opcodes(a, b)]

    def get_opcodes(self) -> list[tuple[str, int, int, int, int]]:
        return self._ops

    def get_matching_blocks(self) -> list[_Block]:
        return [_Block(i1, j1, i2 - i1) for tag, i1, i2, j1, j2 in self._ops if tag == "equal"]


def _sentence_end(text: str, toks: list[Token], j1: int, j2: int) -> int:
    """j2, or earlier where a sentence ends between toks[j1] and toks[j2]."""
    for j in range(j1 + 1, j2):
        if any(ch in ".!?" for ch in text[toks[j - 1].end:toks[j].start]):
            return j
    return j2


def _diff(words: list[str], toks: list[Token], sm: WordDiff,
          text: str = "") -> tuple[list[Difference], tuple[int, int]]:
    """Changed, added and dropped words between the first and last shared
    word; a change at either edge takes as many source words as it replaces."""
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    lo, hi = blocks[0].b, blocks[-1].b + blocks[-1].size
    diffs: list[Difference] = []
    span_lo, span_hi = lo, hi
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "replace":
            j1, j2 = (max(j1, j2 - (i2 - i1)), j2) if j2 <= lo else (j1, min(j2, j1 + (i2 - i1)))
            j2 = _sentence_end(text, toks, j1, j2) if text else j2
            span_lo, span_hi = min(span_lo, j1), max(span_hi, j2)
        else:
            j1, j2 = max(j1, lo), min(j2, hi)
        said, src = " ".join(words[i1:i2]), " ".join(t.norm for t in toks[j1:j2]) if j2 > j1 else ""
        if op == "replace":
            diffs.append(Difference(kind="changed", claim=said, source=src or None))
        elif op == "delete":
            diffs.append(Difference(kind="added", claim=said))
        elif op == "insert" and src:
            diffs.append(Difference(kind="dropped", source=src))
    return diffs, (toks[span_lo].start, toks[span_hi - 1].end)
