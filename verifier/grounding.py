"""Grounding: find each claim's evidence in the document.

Exact match first; then a match tolerant of whitespace runs and of
curly/straight quote marks and dashes; then (for long evidence) a fuzzy
match with rapidfuzz. Evidence that cannot be found stays ungrounded,
never silently dropped or trusted.
"""

from __future__ import annotations

import re

from verifier.schemas import Evidence

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ",
})
FUZZY_MIN_SCORE = 92.0
FUZZY_MIN_CHARS = 40


def fold(text: str) -> str:
    """Quote marks and dashes folded to ASCII; same length as the input."""
    return text.translate(_QUOTES)


def _tolerant_pattern(evidence: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in fold(evidence).split()]
    return re.compile(r"\s+".join(parts))


def locate(text: str, evidence: str, hint: int | None = None) -> Evidence:
    """Locate `evidence` in `text`; the occurrence nearest `hint` wins."""
    ev = evidence.strip()
    if not ev:
        return Evidence(text=evidence, match="none")
    if hint is not None and hint >= 0 and text.startswith(ev, hint):
        return Evidence(text=ev, start=hint, end=hint + len(ev), match="exact")  # the nearest hit is the hint itself
    hits = _all(text, ev)
    if hits:
        a, b = _nearest(hits, hint)
        return Evidence(text=text[a:b], start=a, end=b, match="exact")
    folded = fold(text)
    pattern = _tolerant_pattern(ev)
    hits = [(m.start(), m.end()) for m in pattern.finditer(folded)]
    if hits:
        a, b = _nearest(hits, hint)
        return Evidence(text=text[a:b], start=a, end=b, match="normalized")
    if len(ev) >= FUZZY_MIN_CHARS:
        from rapidfuzz import fuzz

        res = fuzz.partial_ratio_alignment(fold(ev), folded, score_cutoff=FUZZY_MIN_SCORE)
        if res is not None:
            a, b = res.dest_start, res.dest_end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            return Evidence(text=text[a:b], start=a, end=b, match="fuzzy")
    return Evidence(text=evidence, match="none")


def _all(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _nearest(hits: list[tuple[int, int]], hint: int | None) -> tuple[int, int]:
    if hint is None:
        return hits[0]
    return min(hits, key=lambda h: abs(h[0] - hint))
