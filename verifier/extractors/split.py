"""Propositions of one region of a sentence: where a second clause, a gloss, a
comparison or an apposition begins (`split`), and the joining words and punctuation
trimmed off a piece (`trim`)."""

from __future__ import annotations

import re

from verifier.attribution.lexicon import BE_FORMS, DETERMINERS
from verifier.extractors.clause import (MIN_WORDS, NUMBER_WORDS, PUNCT, SUBJ_PRONOUNS, has_finite, is_finite,
                                        is_participle, present_verb, starts_clause, verb_at, verb_left, words)
from verifier.extractors.words import W

_CUT = re.compile(r";\s*|:\s+|,\s+|\s+(?:%s)\s+" % "|".join(sorted(W["coordinators"] | W["clause_words"])), re.I)
_JOINER = re.compile(r"(?:that|[Aa]nd|[Bb]ut|[Yy]et|[Ss]o|[Tt]hen|[Ww]hile|[Ww]hereas|[Tt]hough|[Aa]lthough)\b\s*")
_TRAILING_JOINER = re.compile(r"\s+(?:that|and|but)$")


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Leading joining words, 'that', punctuation and spaces off; trailing punctuation off
    (a closing quotation mark stays when its opening mark is inside)."""
    while True:
        while a < b and text[a] in PUNCT:
            a += 1
        # a lower-case "that" joins a content clause; a capital one opens a sentence as a
        # demonstrative ("That ruling still shapes ...") and stays
        m = _JOINER.match(text[a:b])
        if m and m.end() > 0 and b - a > m.end():
            a += m.end()
            continue
        break
    while True:
        while b > a and text[b - 1] in PUNCT:
            b -= 1
        m = _TRAILING_JOINER.search(text[a:b])
        if not m:
            break
        b = a + m.start()
    return a, _close_quote(text, a, b)


def _close_quote(text: str, a: int, b: int) -> int:
    seg = text[a:b]
    for o, c in (("“", "”"), ('"', '"')):
        if seg.count(o) - (seg.count(c) if o != c else 0) > 0 or (o == c and seg.count(o) % 2):
            if b < len(text) and text[b:b + 1] == c:
                b += 1
    return b


def split(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """Propositions of the region [a, b): (start, end, kind), trimmed."""
    seg = text[a:b]
    pieces: list[tuple[int, int, str]] = []
    pos, kind_here = 0, _opening_kind(seg)
    for cs, ce, kind in _cuts(seg):
        if cs < pos:
            continue
        pieces.append((pos, cs, kind_here))
        pos, kind_here = ce, kind
    pieces.append((pos, len(seg), kind_here))
    final = []
    for s, e, kind in _close_glosses(seg, pieces):
        x, y = trim(text, a + s, a + e)
        if x < y:
            if kind == "apposition" and len(words(text[x:y])) < MIN_WORDS and text[x:x + 1].isdigit():
                x = _name_before(text, a, x)  # "Ashby, 61": the age with the name it belongs to
            final.append((x, y, kind))
    return final


def _cuts(seg: str) -> list[tuple[int, int, str]]:
    """(cut start, next piece start, kind of next piece) for every place a proposition begins."""
    cuts = []
    for m in _CUT.finditer(seg):
        tok, right = m.group(0).strip().lower(), seg[m.end():]
        kind = _cut_kind(tok, seg[:m.start()], right)
        if kind:
            nxt = words(right)
            skip = len(nxt[0]) + 1 if tok == "," and nxt and nxt[0].lower() in W["clause_words"] else 0
            cuts.append((m.start(), m.end() + skip, kind))
    return cuts


def _close_glosses(seg: str, pieces: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A relative, apposition or reduced gloss ends at the next comma when a clause goes on
    after it: the main clause resumes there."""
    out = []
    for s, e, kind in pieces:
        if kind in ("relative", "apposition", "reduced"):
            comma = seg.find(", ", s, e)
            if comma > 0:
                rest = seg[comma + 1:e]
                if starts_clause(rest) or has_finite(rest) or present_verb(words(rest), 0):
                    out.append((s, comma, kind))
                    out.append((comma + 1, e, "clause"))
                    continue
        out.append((s, e, kind))
    return out


def _opening_kind(seg: str) -> str:
    ws = words(seg)
    if ws and is_participle(ws[0]):
        return "gloss"
    if ws and ws[0] in W["relatives"]:
        return "relative"
    return "clause"


def _cut_kind(tok: str, left: str, right: str) -> str | None:
    rw = words(right)
    lw = words(left)
    if not rw or len(lw) < 1:
        return None
    if tok == ";":
        return "clause"
    if tok == ":":  # a clause after a colon: "...: the cut amounts to less than one percent"
        present = any(present_verb(rw, i) for i in range(1, min(len(rw), 8)))
        return "clause" if (starts_clause(right) or present) and len(lw) >= MIN_WORDS else None
    if tok == ",":
        return _comma_kind(lw, right, rw)
    # a bare joining word
    if tok == "and" and rw[0].lower() in W["modals"] and len(rw) > 1 and verb_left(lw):
        return "clause"  # "was disappointed and would appeal": a second predicate
    if len(lw) < MIN_WORDS or len(rw) < MIN_WORDS:
        return None
    if tok in W["clause_words"]:
        return "clause" if verb_left(lw) and starts_clause(right) and not is_finite(rw[0]) else None
    if rw[0].lower() == "that" and len(rw) > 2:
        return "clause"  # "said X and that Y": two content clauses
    if tok == "and":
        return _and_kind(lw, right, rw)
    return "clause" if has_finite(right, 8) else None


def _comma_kind(lw: list[str], right: str, rw: list[str]) -> str | None:
    """What opens after a comma: a coordinated clause, a relative, a participial gloss, a
    comparison, a reduced relative, an apposition, or a clause after a subordinate one."""
    first = rw[0].lower()
    if first in W["clause_words"]:
        rest = right[len(rw[0]):]
        return "clause" if verb_left(lw) and starts_clause(rest) and not is_finite(words(rest)[0]) else None
    if first in W["subordinators"] and rw[0][0].islower() and len(rw) > 2 and not is_finite(rw[1]) \
            and not is_participle(rw[1]) and has_finite(right[len(rw[0]):]):
        return "relative"  # "peaked in 2019, when they received 410,000 pounds"
    if first in W["coordinators"]:
        rest = right[len(rw[0]):]
        if first == "and" and not starts_clause(rest):
            return None  # a list: "tanks, and small arms"
        return "clause" if len(words(rest)) >= MIN_WORDS else None
    if first in W["relatives"] and rw[0][0].islower():
        return "relative"
    if is_participle(rw[0]):
        return "gloss"
    if first in W["comparisons"] and len(rw) > 1 and rw[1].lower() in ("from", "with", "to"):
        return "comparison"
    if rw[0][0].islower() and len(rw) > 1 and (rw[1].lower() == "by" or rw[0].lower().endswith("ed") and rw[1].lower() in (
            "in", "on", "at", "from", "under", "for", "with")):
        return "reduced"
    if (first in W["apposition_openers"] or rw[0][0].isdigit()) and (
            not _finite_before_comma(right) or verb_left(lw) and len(rw) >= MIN_WORDS):
        return "apposition"
    if first == "with" and any(is_participle(w) for w in rw[1:6]):
        return "gloss"  # ", with libraries now joining ...": a second proposition
    opener = lw[0].lower() in W["subordinators"] or lw[0].lower() in W["coordinators"] - {"and", "but", "yet"}
    if opener and lw[0][0].isupper() and verb_left(lw[1:]) and starts_clause(right):
        return "clause"  # "When Freshway bought Valu in 2016, it closed ...", "Although X rose, Y ..."
    return None


def _and_kind(lw: list[str], right: str, rw: list[str]) -> str | None:
    """'and' between two words: a second clause, or verbs and nouns sharing one frame."""
    first = rw[0].lower()
    if verb_left(lw) and starts_clause(right) and not is_finite(rw[0]) and rw[0][0].islower() \
            and (first in NUMBER_WORDS or first in DETERMINERS):
        return "clause"  # "... were destroyed and two roads were closed"
    noun = len(lw) > 1 and lw[-2].lower() in DETERMINERS  # "the riverbed and ...": an -ed noun, no verb
    if is_finite(lw[-1]) and not noun or lw[-1].lower() in BE_FORMS:
        return None  # "have maintained and even increased pressure": verbs sharing one object
    if first in ("then", "still", "also", "even") and len(rw) > 1:
        if is_finite(rw[1]) or is_participle(rw[1]):
            return "clause"
    if first in ("still", "also") and present_verb(rw, 1) and verb_left(lw):
        return "clause"  # "founded Pantry in 1987 and still owns 31 percent"
    if present_verb(rw, 0) and verb_left(lw):
        return "clause"
    if is_finite(rw[0]) and not first.endswith("ed") or verb_at(rw, 0) and verb_left(lw):
        return "clause"
    if first in SUBJ_PRONOUNS and len(rw) > 1 and is_finite(rw[1]):
        return "clause"
    if (first in W["apposition_openers"] or rw[0][0].isdigit()) and verb_left(lw) and starts_clause(right):
        return "clause"  # "11 firefighters were treated ... and two homes were destroyed"
    return None


def _finite_before_comma(right: str) -> bool:
    head = right.split(",", 1)[0]
    return has_finite(head, 40)


def _name_before(text: str, lo: int, x: int) -> int:
    """Extend a short apposition back over the capitalised name it describes ('Ashby, 61')."""
    k = text.rfind(",", lo, x)
    if k < 0:
        return x
    s = k
    while s > lo and text[s - 1] != " ":
        s -= 1
    if s < k and text[s].isupper():
        return s
    return x
