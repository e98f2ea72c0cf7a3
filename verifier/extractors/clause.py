"""Word-level tests of the claim segmenter: words, finite verbs, participles, clause openings.

Heuristics on the surface form only (no tagger): a finite verb is a form of "be", a modal,
an auxiliary, a negated form, an -ed word, or a past or present form the lexicons list.
"""

from __future__ import annotations

import re

from verifier.attribution.lexicon import BE_FORMS, COMMON_PAST, DETERMINERS, IRREGULAR_PAST, MODALS, PREPOSITIONS
from verifier.extractors.words import W

MIN_WORDS = 3
PUNCT = " \t\n,;:.!?\"“”‘’'()—–-"
SUBJ_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those"})
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,-]*[A-Za-z0-9]|[A-Za-z0-9]")
_AUX = frozenset({"has", "have", "had", "does", "did", "do"})


def words(s: str) -> list[str]:
    return _WORD.findall(s)


def is_finite(w: str) -> bool:
    """A finite verb form: 'is', 'would', 'has', 'found', 'rose', 'decided', 'says'."""
    low = w.lower()
    if not w or w[0].isupper() and low not in ("is", "was"):
        return False
    if low.endswith(("en", "wn")) and low not in ("been",):
        return False  # a past participle ("written", "shown"), not a finite verb
    return (low in BE_FORMS and low not in ("be", "been", "being") or low in MODALS and low != "to" or low in _AUX
            or low.endswith(("n't", "n’t")) or low.endswith("ed") and len(low) > 4 or low in IRREGULAR_PAST
            or low in COMMON_PAST or low in W["finite_forms"])


def is_participle(w: str) -> bool:
    low = w.lower()
    return low.endswith("ing") and len(low) > 5 and w[0].islower() and low not in W["not_participles"]


def has_finite(s: str, limit: int = 8) -> bool:
    return any(is_finite(w) for w in words(s)[:limit])


def present_verb(ws: list[str], i: int) -> bool:
    """ws[i] is a present-tense verb after a subject or a joining word: 'owns 31 percent',
    'it exposes how ...': a lower-case -s word followed by an object or clause opener."""
    if i >= len(ws) or i + 1 >= len(ws):
        return False
    w, nxt = ws[i], ws[i + 1].lower()
    return (w[0].islower() and w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is"))
            and w.lower() not in W["apposition_openers"]
            and (nxt in W["apposition_openers"] or nxt[0].isdigit() or nxt in ("that", "how", "what", "to", "up")))


def verb_at(ws: list[str], i: int) -> bool:
    """ws[i] is a finite verb in its place: an -ed word counts only before an object or
    adjunct opener ('found a signal', 'approved the service'), not before a bare noun
    ('smoked fish')."""
    if i >= len(ws) or not is_finite(ws[i]):
        return False
    w = ws[i].lower()
    if w.endswith("ed") and w not in BE_FORMS and i + 1 < len(ws):
        nxt = ws[i + 1].lower()
        return (nxt in DETERMINERS or nxt in PREPOSITIONS or nxt in W["apposition_openers"] or nxt[0].isdigit()
                or nxt.endswith("ly") or nxt in SUBJ_PRONOUNS or nxt in ("that", "to", "by", "them", "him", "us"))
    return True


def starts_clause(s: str) -> bool:
    """A subject and a finite verb (or a finite verb sharing the subject) open `s`."""
    ws = words(s)
    if not ws:
        return False
    if ws[0].lower() in SUBJ_PRONOUNS and len(ws) > 2 and present_verb(ws, 1):
        return True
    if verb_at(ws, 0) or (len(ws) > 1 and ws[0].lower().endswith("ly") and verb_at(ws, 1)):
        return True  # "... and still found", "... and was working"
    return any(is_finite(w) for w in ws[1:10])


def verb_left(lw: list[str]) -> bool:
    """The left side holds a finite verb: 'X had stopped ... and started' coordinates verbs."""
    return any(is_finite(w) for w in lw)


def has_verb(s: str) -> bool:
    """A finite verb in its place: an -ed word right after a determiner is an adjective
    ('a packed town hall', 'the injured driver'), not a verb."""
    ws = words(s)
    return any(is_finite(w) and not (i and w.lower().endswith("ed") and ws[i - 1].lower() in DETERMINERS)
               for i, w in enumerate(ws))
