"""What every renderer needs from a Report: its blocks, the article cut into
segments at every evidence and cue boundary, and a well-nested stream of
open/close markers for formats that can only nest (plain text, Markdown).

Overlapping evidence spans are handled by segmenting the text at every
boundary: each segment knows every claim that covers it. For nested markers a
claim that ends inside another is closed and the outer ones reopened, so the
marker stream is always balanced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

from verifier.schemas import Claim, Report

LETTER = {"attributed": "A", "asserted": "S"}
LABEL_HELP = {
    "attributed": "attributed to a source",
    "asserted": "asserted in the outlet's own voice",
}
STATUS_HELP = {
    "agreed": "extractor and checker agree",
    "disagreed": "extractor and checker disagree: to review",
    "ungrounded": "evidence not found in the text",
    "checked": "labelled by the checker alone",
    "reviewed": "decided by a person",
    "needs review": "either label can be defended (ambiguous): a person decides",
}
_NON_WORD = re.compile(r"[\W_]+")
STATUS_ORDER = ("agreed", "checked", "reviewed", "needs review", "disagreed", "ungrounded")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    claims: tuple[Claim, ...]  # covering claims, outermost first
    cue: bool


@dataclass(frozen=True)
class Token:
    kind: Literal["open", "close", "text"]
    claim: Claim | None = None
    text: str = ""
    cue: bool = False
    segment: Segment | None = None
    cont: bool = False  # an open that continues a claim closed just before


def grounded(report: Report) -> list[Claim]:
    """Claims whose evidence has valid offsets into the document text."""
    n = len(report.document.text)
    return [c for c in report.claims
            if c.evidence.grounded and 0 <= c.evidence.start <= c.evidence.end <= n  # type: ignore[operator]
            and c.evidence.start != c.evidence.end]


def ungrounded(report: Report) -> list[Claim]:
    keep = {id(c) for c in grounded(report)}
    return [c for c in report.claims if id(c) not in keep]


def blocks(report: Report) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every paragraph and heading; falls back to
    blank-line paragraphs when the report carries no blocks."""
    text = report.document.text
    out = [(b.kind, b.start, b.end) for b in report.document.blocks
           if 0 <= b.start < b.end <= len(text)]
    if out:
        return sorted(out, key=lambda b: b[1])
    return [("paragraph", m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", text, re.S)]


def cue_spans(report: Report) -> list[tuple[int, int]]:
    n = len(report.document.text)
    spans = {(c.cue_span.start, c.cue_span.end) for c in report.claims
             if c.cue_span is not None and 0 <= c.cue_span.start < c.cue_span.end <= n}
    return sorted(spans)


def _order(c: Claim) -> tuple:
    return (c.evidence.start, -(c.evidence.end or 0), _idnum(c.id))


def _idnum(cid: str) -> tuple:
    m = re.search(r"(\d+)$", cid)
    return (int(m.group(1)) if m else 1 << 30, cid)


def segments(report: Report, start: int, end: int, claims: list[Claim] | None = None,
             cues: list[tuple[int, int]] | None = None) -> list[Segment]:
    """The text [start, end) cut at every claim and cue boundary."""
    claims = grounded(report) if claims is None else claims
    cues = cue_spans(report) if cues is None else cues
    inside = [c for c in claims if c.evidence.start < end and c.evidence.end > start]  # type: ignore[operator]
    cue_in = [(a, b) for a, b in cues if a < end and b > start]
    cuts = {start, end}
    for c in inside:
        cuts.update(x for x in (c.evidence.start, c.evidence.end) if start < x < end)  # type: ignore[misc]
    for a, b in cue_in:
        cuts.update(x for x in (a, b) if start < x < end)
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:]):
        cover = tuple(sorted((c for c in inside if c.evidence.start <= a and c.evidence.end >= b), key=_order))  # type: ignore[operator]
        is_cue = any(ca <= a and cb >= b for ca, cb in cue_in)
        out.append(Segment(a, b, cover, is_cue))
    return out


def per_block(report: Report) -> list[tuple[str, int, int, list[Claim], list[tuple[int, int]]]]:
    """Each block with the grounded claims and cue spans that touch it,
    found in one sweep (so long articles with many claims stay linear)."""
    claims = sorted(grounded(report), key=lambda c: c.evidence.start)  # type: ignore[arg-type, return-value]
    cues = cue_spans(report)
    out = []
    ci = qi = 0
    active: list[Claim] = []
    active_cues: list[tuple[int, int]] = []
    for kind, start, end in blocks(report):
        while ci < len(claims) and claims[ci].evidence.start < end:  # type: ignore[operator]
            active.append(claims[ci])
            ci += 1
        while qi < len(cues) and cues[qi][0] < end:
            active_cues.append(cues[qi])
            qi += 1
        active = [c for c in active if c.evidence.end > start]  # type: ignore[operator]
        active_cues = [q for q in active_cues if q[1] > start]
        out.append((kind, start, end, list(active), list(active_cues)))
    return out


def tokens(report: Report, start: int, end: int, claims: list[Claim] | None = None,
           cues: list[tuple[int, int]] | None = None) -> Iterator[Token]:
    """Balanced open/text/close tokens for [start, end): a claim that ends
    while an inner one is still open closes the inner one and reopens it."""
    text = report.document.text
    stack: list[Claim] = []
    for seg in segments(report, start, end, claims, cues):
        want = set(map(id, seg.claims))
        bad = [i for i, c in enumerate(stack) if id(c) not in want]
        if bad:
            tail = stack[bad[0]:]
            del stack[bad[0]:]
            for c in reversed(tail):
                yield Token("close", c)
            for c in tail:
                if id(c) in want:
                    stack.append(c)
                    yield Token("open", c, cont=True)
        have = set(map(id, stack))
        for c in seg.claims:
            if id(c) not in have:
                stack.append(c)
                yield Token("open", c)
        yield Token("text", None, text[seg.start:seg.end], seg.cue, seg)
    for c in reversed(stack):
        yield Token("close", c)


def excerpt(s: str, limit: int) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s[: max(limit - 1, 1)]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def same_text(a: str, b: str) -> bool:
    """True when two strings differ only in case, spacing and punctuation."""
    def norm(x: str) -> str:
        return _NON_WORD.sub("", x.casefold())
    return norm(a) == norm(b)


def one_line(s: str | None) -> str:
    return " ".join((s or "").split())


def counts(report: Report) -> tuple[dict[str, int], dict[str, int]]:
    """Counts by label and by status (statuses in a stable order)."""
    by_label = {label: 0 for label in LETTER}
    by_status: dict[str, int] = {}
    for c in report.claims:
        by_label[c.label] = by_label.get(c.label, 0) + 1
        by_status[c.status] = by_status.get(c.status, 0) + 1
    ordered = {s: by_status[s] for s in STATUS_ORDER if s in by_status}
    ordered.update({s: n for s, n in by_status.items() if s not in ordered})
    return by_label, ordered


def counts_line(report: Report) -> str:
    by_label, by_status = counts(report)
    n = len(report.claims)
    head = f"{n} claim{'s' if n != 1 else ''}"
    labels = ", ".join(f"{v} {k}" for k, v in by_label.items())
    statuses = ", ".join(f"{v} {k}" for k, v in by_status.items())
    return f"{head}: {labels}" + (f" · {statuses}" if statuses else "")


def source_line(report: Report) -> str:
    parts = []
    if report.document.source:
        parts.append("stdin" if report.document.source == "-" else report.document.source)
    ex = f"extractor {report.extractor}"
    if report.model:
        ex += f" ({report.model})"
    parts.append(ex)
    if report.prompt_version:
        parts.append(f"prompt {report.prompt_version}")
    parts.append(f"sha256 {report.document.hash[:12]}")
    return " · ".join(parts)


def title(report: Report) -> str:
    """The document's title, else its file name, else a placeholder."""
    if one_line(report.document.title):
        return one_line(report.document.title)
    src = report.document.source
    if src and src != "-":
        return re.split(r"[\\/]", src.rstrip("/\\"))[-1] or src
    return "Untitled article"


def status_text(c: Claim) -> str:
    return c.status + (" (ambiguous)" if c.ambiguous else "")
