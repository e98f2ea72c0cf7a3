"""Split a long article into chunks of whole paragraphs for the model.

Each chunk is a contiguous stretch of the document (offsets into
`Document.text`), made of whole blocks up to `chunk_chars` characters; a
block longer than that is cut between sentences. Each chunk carries the
text just before it (whole blocks or, failing that, whole sentences, up to
`context_chars`) so the model can tell who "He" is; the model is told to
take no claims from that context, and the validators check evidence against
the chunk's own text only.
"""

from __future__ import annotations

from dataclasses import dataclass

from verifier.document import Document


@dataclass(frozen=True)
class Chunk:
    index: int          # 0-based
    start: int
    end: int
    text: str
    context: str = ""


def _pieces(doc: Document, limit: int) -> list[tuple[int, int]]:
    """Blocks, with any block longer than `limit` cut into sentence runs."""
    out: list[tuple[int, int]] = []
    for b in doc.blocks:
        if b.end - b.start <= limit:
            out.append((b.start, b.end))
            continue
        sents = [s for s in doc.sentences if s.start >= b.start and s.end <= b.end] or []
        cur = None
        for s in sents:
            if cur is None:
                cur = [s.start, s.end]
            elif s.end - cur[0] <= limit:
                cur[1] = s.end
            else:
                out.append((cur[0], cur[1]))
                cur = [s.start, s.end]
        if cur is not None:
            out.append((cur[0], cur[1]))
        elif not sents:
            out.append((b.start, b.end))
    return out


def chunk_document(doc: Document, chunk_chars: int = 3000, context_chars: int = 600) -> list[Chunk]:
    pieces = _pieces(doc, chunk_chars)
    if not pieces:
        return [Chunk(0, 0, len(doc.text), doc.text)]
    groups: list[list[tuple[int, int]]] = []
    for p in pieces:
        if groups and p[1] - groups[-1][0][0] <= chunk_chars:
            groups[-1].append(p)
        else:
            groups.append([p])
    chunks = []
    for i, g in enumerate(groups):
        start, end = g[0][0], g[-1][1]
        chunks.append(Chunk(i, start, end, doc.text[start:end], _context(doc, pieces, start, context_chars)))
    return chunks


def _context(doc: Document, pieces: list[tuple[int, int]], start: int, limit: int) -> str:
    if limit <= 0 or start == 0:
        return ""
    before = [p for p in pieces if p[1] <= start]
    first = start
    for a, b in reversed(before):
        if start - a > limit:
            break
        first = a
    if first == start:
        # the paragraph just before is too long: take its last sentences
        for s in reversed(doc.sentences):
            if s.end > start:
                continue
            if start - s.start > limit:
                break
            first = s.start
    return doc.text[first:start].strip()
