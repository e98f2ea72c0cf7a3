"""Grounding: find each claim's evidence in the document.

In order: an exact match; a match tolerant of whitespace runs and of
curly/straight quote marks and dashes ("normalized"); the same ignoring
letter case (the span keeps the article's own spelling, "normalized" too);
then, for long evidence, a fuzzy match with rapidfuzz, accepted only when
it changes no number, no negation and no content word (a typo such as
"levle" for "level" passes; "rose" for "fell", "10" for "100" or a dropped
"not" do not).

Every match is snapped to whole words: a span that starts or ends inside a
word grows to the word's edge ("n stated that" -> "Putin stated that"),
unless that adds more than SNAP_MAX characters, and then it is rejected. A
word-bounded occurrence is preferred over one inside a longer word.
Evidence that cannot be found stays ungrounded, never silently dropped or
trusted.
"""

from __future__ import annotations

import difflib
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
SNAP_MAX = 12  # characters a snap to word edges may add
TYPO_MIN_RATIO = 80.0
NEGATIONS = frozenset("not no never none nor neither nothing nobody without cannot n't".split())
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with as and or but that this these those is are was were be been "
    "it its their his her there".split())
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def fold(text: str) -> str:
    """Quote marks and dashes folded to ASCII; same length as the input."""
    return text.translate(_QUOTES)


def _tolerant_pattern(evidence: str, flags: int = 0) -> re.Pattern[str]:
    parts = [re.escape(p) for p in fold(evidence).split()]
    return re.compile(r"\s+".join(parts), flags)


def locate(text: str, evidence: str, hint: int | None = None) -> Evidence:
    """Locate `evidence` in `text`; the word-bounded occurrence nearest `hint` wins."""
    ev = evidence.strip()
    if not ev:
        return Evidence(text=evidence, match="none")
    if hint is not None and hint >= 0 and text.startswith(ev, hint):  # the nearest hit is the hint itself
        if _bounded(text, hint, hint + len(ev)):
            return Evidence(text=ev, start=hint, end=hint + len(ev), match="exact")
        span = snap(text, hint, hint + len(ev))
        if span is not None:
            return Evidence(text=text[span[0]:span[1]], start=span[0], end=span[1], match="normalized")
    for kind, hits in (("exact", lambda: _all(text, ev)), ("normalized", lambda: _tolerant(text, ev, 0)),
                       ("normalized", lambda: _tolerant(text, ev, re.IGNORECASE))):
        found = hits()
        if found:
            span = _snapped(text, found, hint)
            if span is None:
                return Evidence(text=evidence, match="none")
            a, b = span
            exact = kind == "exact" and (a, b) in found
            return Evidence(text=text[a:b], start=a, end=b, match="exact" if exact else "normalized")
    if len(ev) >= FUZZY_MIN_CHARS:
        return _fuzzy(text, ev) or Evidence(text=evidence, match="none")
    return Evidence(text=evidence, match="none")


def _tolerant(text: str, ev: str, flags: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _tolerant_pattern(ev, flags).finditer(fold(text))]


def _fuzzy(text: str, ev: str) -> Evidence | None:
    from rapidfuzz import fuzz

    res = fuzz.partial_ratio_alignment(fold(ev), fold(text), score_cutoff=FUZZY_MIN_SCORE)
    if res is None:
        return None
    a, b = res.dest_start, res.dest_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    span = snap(text, a, b)
    if span is None or not same_meaning(ev, text[span[0]:span[1]]):
        return None
    return Evidence(text=text[span[0]:span[1]], start=span[0], end=span[1], match="fuzzy")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _bounded(text: str, a: int, b: int) -> bool:
    """Neither end of text[a:b] cuts a word."""
    head = a == 0 or not (_is_word(text[a - 1]) and _is_word(text[a]))
    tail = b >= len(text) or not (_is_word(text[b - 1]) and _is_word(text[b]))
    return head and tail


def snap(text: str, a: int, b: int) -> tuple[int, int] | None:
    """text[a:b] grown to whole words, or None when that adds more than SNAP_MAX characters."""
    a2, b2 = a, b
    while 0 < a2 < len(text) and _is_word(text[a2 - 1]) and _is_word(text[a2]):
        a2 -= 1
    while 0 < b2 < len(text) and _is_word(text[b2 - 1]) and _is_word(text[b2]):
        b2 += 1
    return (a2, b2) if (a - a2) + (b2 - b) <= SNAP_MAX else None


def _snapped(text: str, hits: list[tuple[int, int]], hint: int | None) -> tuple[int, int] | None:
    bounded = [h for h in hits if _bounded(text, *h)]
    if bounded:
        return _nearest(bounded, hint)
    a, b = _nearest(hits, hint)
    return snap(text, a, b)


def _words(s: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(fold(s))]


def _critical(w: str) -> bool:
    return any(c.isdigit() for c in w) or w in NEGATIONS or w.endswith("n't")


def same_meaning(evidence: str, span: str) -> bool:
    """True when `span` says what `evidence` says up to typos: no number,
    negation or content word added, dropped or changed."""
    ev, sp = _words(evidence), _words(span)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ev, b=sp, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = ev[i1:i2], sp[j1:j2]
        if any(_critical(w) for w in old + new):
            return False
        if op == "replace" and len(old) == len(new):
            edge = i1 == 0 or i2 == len(ev)  # a word the snap completed: "he" -> "the"
            if all(_typo(x, y) or (edge and (y.endswith(x) or y.startswith(x))) for x, y in zip(old, new)):
                continue
            return False
        if any(w not in FUNCTION_WORDS for w in old + new):
            return False
    return True


def _typo(x: str, y: str) -> bool:
    from rapidfuzz import fuzz

    return x[:1] == y[:1] and fuzz.ratio(x, y) >= TYPO_MIN_RATIO


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
