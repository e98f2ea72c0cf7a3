"""The facts an indirect claim must keep: numbers (quantities.py), dates,
named entities, negation and hedges. Each comparison returns Differences
with the words on both sides; [] when they agree. Linear in the texts."""

from __future__ import annotations

import re

from verifier.schemas import Difference
from verifier.verify.quantities import compare_quantities, quantities
from verifier.verify.text import HEDGES, NEGATIONS, Token, fold, words

_MONTHS = "january february march april may june july august september october november december".split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CAP = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[- ][A-Z][a-zà-ÿ]+)*")
_NOT_ENTITY = frozenset("I The A An This That These Those It He She We They Our Their His Her But And Or If "
                        "When While Last Next Mr Mrs Ms Dr So Yes No Now Today Yesterday Thank Thanks Good As In On At For "
                        "To From With Without After Before There Here What Why How Some Many Most All Every "
                        "Each One Two Three Let Please Well Of By Not Never Still Yet Also However".split())


def numbers(claim: str, passage: str) -> list[Difference]:
    out = []
    for reason in compare_quantities(quantities(claim), quantities(passage)):
        kind, _, rest = reason.partition(": ")
        said = re.findall(r"'([^']*)'", rest)
        out.append(Difference(kind=kind, claim=said[0] if said else None, source=said[1] if len(said) > 1 else None))
    return out


def _dates(text: str) -> dict[str, set[str]]:
    ws = set(words(text))
    return {"year": set(_YEAR.findall(text)), "month": {m for m in _MONTHS if m in ws and m != "may"}
            | ({"may"} if re.search(r"\bMay\b", text) else set()), "weekday": {d for d in _DAYS if d in ws}}


def dates(claim: str, passage: str, window: str | None = None) -> list[Difference]:
    """Years, months and weekdays of the claim missing where the passage
    has others; periods ('every week', 'two years') against the window
    of the passage that carries the claim."""
    c, p = _dates(claim), _dates(passage)
    out = [Difference(kind="date", claim=", ".join(sorted(c[k])), source=", ".join(sorted(p[k])))
           for k in ("year", "month", "weekday") if c[k] and p[k] and not c[k] <= p[k]]
    cp, pp = _periods(claim), _periods(window if window is not None else passage)
    if cp and pp and not cp & pp:
        out.append(Difference(kind="date", claim=", ".join(sorted(cp)), source=", ".join(sorted(pp))))
    return out


_PERIODS = {"minute": "minute", "hour": "hour", "day": "day", "daily": "day", "week": "week", "weekly": "week",
            "month": "month", "monthly": "month", "year": "year", "annual": "year", "annually": "year",
            "yearly": "year", "decade": "decade", "quarter": "quarter", "quarterly": "quarter",
            "morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
            "tonight": "night", "overnight": "night"}
DATE_WORDS = frozenset(_MONTHS + _DAYS + list(_PERIODS) + [w + "s" for w in _PERIODS] + ["today", "yesterday",
                                                                                          "tomorrow"])


def _periods(text: str) -> set[str]:
    return {_PERIODS[w.rstrip("s")] for w in words(text) if w.rstrip("s") in _PERIODS} - {"year"} | (
        {"year"} if re.search(r"(?:years?|annual(?:ly)?|yearly)", text, re.I) and not _YEAR.search(text)
        else set())


def entities(text: str) -> set[str]:
    out = set()
    for m in _CAP.finditer(fold(text)):
        name = m.group(0)
        if name.split()[0] in _NOT_ENTITY or name.lower() in _MONTHS + _DAYS:
            continue
        out.add(name)
    return out


def _key(name: str) -> str:
    return name.lower()[:5]


def full_names(document: str) -> list[str]:
    """The names of two words or more in a source (once per source: Context caches it)."""
    return sorted(e for e in entities(document) if " " in e)


def names(claim: str, passage: str, ignore: set[str], known: list[str] = ()) -> list[Difference]:
    """A claim's name absent from the passage while the passage names
    something the claim does not: a substitution ('Mali' for 'Niger').
    Two parts of one full name in the source document ('Sami', 'Okafor'
    of 'Sami Okafor') are one entity."""
    for full in known:
        parts = full.split()
        if any(p in claim for p in parts) and any(p in passage for p in parts):
            ignore = ignore | set(parts)
    ign = {_key(w) for w in ignore}
    p_words = {_key(w) for w in words(passage)}
    c_words = {_key(w) for w in words(claim)}
    missing = sorted(e for e in entities(claim) if _key(e.split()[-1]) not in p_words and _key(e) not in ign)
    extra = sorted(e for e in entities(passage) if _key(e.split()[-1]) not in c_words and _key(e) not in ign)
    if missing and extra:
        return [Difference(kind="entity", claim=", ".join(missing), source=", ".join(extra))]
    return []


def _cues(toks: list[str], lexicon: frozenset[str]) -> list[str]:
    return [w for w in toks if w in lexicon]


def polarity(claim: list[Token], region: list[Token]) -> list[Difference]:
    c = _cues([t.norm for t in claim], NEGATIONS)
    p = _cues([t.norm for t in region], NEGATIONS)
    if (len(c) % 2) != (len(p) % 2):
        return [Difference(kind="negation", claim=" ".join(c) or "(none)", source=" ".join(p) or "(none)")]
    return []


def hedges(claim: list[Token], region: list[Token]) -> list[Difference]:
    c = set(_cues([t.norm for t in claim], HEDGES))
    p = set(_cues([t.norm for t in region], HEDGES))
    if p and not c:
        return [Difference(kind="hedge", claim="(none)", source=", ".join(sorted(p)))]
    return []


RISE = frozenset("rise rises rose risen rising increase increased increases increasing grow grew grown growing "
                 "climb climbed gain gained higher up more doubled".split())
FALL = frozenset("fall falls fell fallen falling decrease decreased decreases decreasing drop dropped shrink "
                 "shrank declined decline down lower fewer less halved cut cuts".split())
COMPASS = frozenset("north south east west northern southern eastern western".split())
ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last".split())


def direction(claim: str, window: str) -> list[Difference]:
    """A figure that went up in the source and down in the claim (or back)."""
    c, p = set(words(claim)), set(words(window))
    for a, b in ((RISE, FALL), (FALL, RISE)):
        if c & a and not c & b and p & b and not p & a:
            return [Difference(kind="number", claim=", ".join(sorted(c & a)), source=", ".join(sorted(p & b)))]
    return []


def compass(claim: str, window: str) -> list[Difference]:
    """Opposed places ('north' for 'south') and ordinals ('first half' for 'second half')."""
    out = []
    for lexicon, kind in ((COMPASS, "entity"), (ORDINALS, "number")):
        c, p = set(words(claim)) & lexicon, set(words(window)) & lexicon
        if c and p and not c & p:
            out.append(Difference(kind=kind, claim=", ".join(sorted(c)), source=", ".join(sorted(p))))
    return out
