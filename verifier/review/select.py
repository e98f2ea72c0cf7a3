"""Choosing evidence in a sentence: by word numbers ("5-12", "7") or by a
piece of its text ("export contracts have generally been fulfilled").

The sentence is shown with its words numbered; a range selects from the
start of the first word to the end of the last (trailing , . ; : dropped).
Text is looked up in the sentence first (exact, then ignoring case and
curly quotes), then
in the whole article when it occurs there once.
"""

from __future__ import annotations

import re

from verifier.errors import VerifierError
from verifier.grounding import fold

_RANGE = re.compile(r"^\s*(\d+)\s*(?:(?:-|–|\.\.|:|to)\s*(\d+)?)?\s*$")
_TRAIL = ",.;:"


class SelectionError(VerifierError):
    """The selection does not name a stretch of the sentence."""


def words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


def numbered(text: str, start: int, end: int) -> str:
    """The sentence with each word prefixed by its number: '1:Putin 2:said'."""
    return " ".join(f"{i}:{text[a:b]}" for i, (a, b) in enumerate(words(text, start, end), 1))


def select(spec: str, text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the evidence `spec` picks in text[start:end]."""
    spec = spec.strip()
    if not spec:
        raise SelectionError("nothing selected")
    m = _RANGE.match(spec)
    ws = words(text, start, end)
    if m:
        i = int(m.group(1))
        j = int(m.group(2)) if m.group(2) else (len(ws) if re.search(r"(-|–|\.\.|:|to)\s*$", spec) else i)
        if not ws:
            raise SelectionError("the sentence has no words")
        if not (1 <= i <= j <= len(ws)):
            raise SelectionError(f"word numbers {i}-{j} are outside 1-{len(ws)}")
        a, b = ws[i - 1][0], ws[j - 1][1]
        while b > a + 1 and text[b - 1] in _TRAIL:
            b -= 1
        return a, b
    needle = spec
    if len(needle) >= 2 and needle[0] == needle[-1] and needle[0] in "\"'":
        needle = needle[1:-1]
    if not needle.strip():
        raise SelectionError("nothing selected")
    sentence = text[start:end]
    for hay, n in _variants(sentence, needle):
        hits = _find_all(hay, n)
        if len(hits) == 1:
            return start + hits[0], start + hits[0] + len(n)
        if len(hits) > 1:
            raise SelectionError(f"{needle!r} occurs {len(hits)} times in the sentence; give word numbers")
    for hay, n in _variants(text, needle):
        hits = _find_all(hay, n)
        if len(hits) == 1:
            return hits[0], hits[0] + len(n)
        if len(hits) > 1:
            raise SelectionError(f"{needle!r} is not in this sentence and occurs {len(hits)} times in the "
                                 "article; go to its sentence or give word numbers")
    raise SelectionError(f"{needle!r} is not in the sentence nor in the article (use word numbers, or copy the text)")


def _variants(hay: str, needle: str):
    """Exact, then ignoring case, then also folding curly quotes and dashes
    (fold keeps lengths, so offsets still point into the text)."""
    yield hay, needle
    yield hay.lower(), needle.lower()
    yield fold(hay).lower(), fold(needle).lower()


def _find_all(hay: str, needle: str) -> list[int]:
    out, i = [], hay.find(needle)
    while i != -1:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out
