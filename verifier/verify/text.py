"""Word tokens with offsets, folded for comparison (case, curly quotes,
dashes), a light stemmer, stopwords and name matching. Linear in the text."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

_WORD = re.compile(r"\$?\d[\d,]*(?:\.\d+)?%?|[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)*")
STOPWORDS = frozenset("""a an the and or but of to in on at for from by with as is are was were be been being
it its this that these those there their they them we our us i my me you your he his him she her hers
which who whom whose what when where how than then so such do does did has have had will would shall
should can could may might must also just very about into over under up down out off not no""".split())
NEGATIONS = frozenset("not no never none nobody nothing neither nor without n't cannot".split())
HEDGES = frozenset("may might could possibly perhaps likely probably expect expects expected hope hopes "
                   "unlikely appear appears seem seems potentially".split())
TITLES = frozenset("president prime minister mr mrs ms dr prof sir dame chief executive ceo chair chairman "
                   "chairwoman governor mayor senator sen rep minister secretary general the of".split())
ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…)\s*")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True)
class Token:
    norm: str
    start: int
    end: int


def fold(s: str) -> str:
    return s.translate(_FOLD)


def tokens(text: str, offset: int = 0) -> list[Token]:
    out = []
    for m in _WORD.finditer(fold(text)):
        w = m.group(0).lower().replace(",", "") if m.group(0)[:1].isdigit() or m.group(0)[:1] == "$" else \
            m.group(0).lower()
        if w.endswith("n't"):
            out.append(Token(w[:-3] or w, offset + m.start(), offset + m.end() - 3))
            out.append(Token("not", offset + m.end() - 3, offset + m.end()))
            continue
        out.append(Token(w.replace("'s", "").replace("'", ""), offset + m.start(), offset + m.end()))
    return out


def words(text: str) -> list[str]:
    """The folded words of `text` (as tokens() gives them, without offsets; faster)."""
    folded = fold(text).replace("n't", " not")
    return [w.lower().replace(",", "").replace("'s", "").replace("'", "") for w in _WORD.findall(folded)]


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    """A crude suffix stripper, enough for 'supplied'/'supplies'/'supply'."""
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
                     ("ly", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            base = w[: len(w) - len(suf)]
            if suf in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]  # beginning -> begin, planned -> plan
            return base + rep
    return w


def content_terms(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def name_tokens(name: str | None) -> set[str]:
    return {stem(w) for w in words(name or "") if w not in TITLES and len(w) > 1}


def same_person(a: str | None, b: str | None) -> bool:
    """'Vladimir Putin', 'PUTIN', 'President Putin' are one person: a shared
    name word that is not a title."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb and ta & tb)
