"""Shared pieces of the attribution engine: tokens, frames, quotations, the
word lists the rules read (from data/lexicon.toml) and small word tests."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass


from verifier.attribution import lexicon as _lex
from verifier.attribution.lexicon import BE_FORMS, DETERMINERS, PREPOSITIONS, strong_past

_TOKEN = re.compile(r"\w+(?:[\-.&]\w+)*(?:[’']\w+)?|''|``|--|[^\w\s]")
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+")
_DASHES = ("—", "–", "--", "-")
_OPEN_Q = frozenset({"“", "«", "``"})
_CLOSE_Q = frozenset({"”", "»"})
_STRAIGHT_Q = frozenset({'"', "''"})  # '' is a double quotation mark in some newspapers' text
_QUOTES = _OPEN_Q | _CLOSE_Q | _STRAIGHT_Q
# the checker's own word lists (verifier/attribution/data/lexicon.toml)
_MODALS = _lex.MODALS
_RELATIVES = _lex.RELATIVES
_VIEW_NOUNS = _lex.VIEW_NOUNS
_NOT_CONTINUING = _lex.NOT_CONTINUING
_SUBORDINATORS = _lex.SUBORDINATORS
_QUANTITY_WORDS = _lex.QUANTITY_WORDS
_ISSUING_VERBS = _lex.ISSUING_VERBS
_TAKES_INFINITIVE = _lex.TAKES_INFINITIVE
_SPEECH_EVENTS = _lex.SPEECH_EVENTS
_COMMON_PAST = _lex.COMMON_PAST
_AUDIENCE = _lex.AUDIENCE
_LABELS = _lex.LABELS
_LY_NOUNS = _lex.LY_NOUNS
_CLAUSE_OPENERS = _lex.CLAUSE_OPENERS
_INTRO_WORDS = _lex.INTRO_WORDS
_TITLE_ABBR = _lex.TITLE_ABBR
_NOT_PEOPLE = _lex.NOT_PEOPLE
_PAREN_ADVERBS = _lex.PAREN_ADVERBS
_FINDING_NOUNS = _lex.FINDING_NOUNS
_IRREGULAR_PAST = _lex.IRREGULAR_PAST
_CALENDAR = _lex.CALENDAR
_TIME_WORDS = _lex.TIME_WORDS
_TIME_NOUNS = _lex.TIME_NOUNS
_CONTINUE_WORDS = _lex.CONTINUE_WORDS
_FUNCTION = DETERMINERS | PREPOSITIONS | _lex.FUNCTION_WORDS
_NAME_PARTICLES = _lex.NAME_PARTICLES
_COORDINATORS = frozenset({"but", "and", "yet", "so", "or", "nor"})
_PARTITIVES = _QUANTITY_WORDS | _lex.PARTITIVES
_REFUSALS = _lex.REFUSALS
_DISPOSITIONS = _lex.DISPOSITIONS


@dataclass(slots=True)
class Tok:
    """A token: its offsets in the text, its text as read (normalize.py) and lower-cased,
    whether it is a word and whether it is capitalised. The end is kept as the length, a
    small int every token of that length shares, not as an int object of its own: at 3
    million tokens that is 100 MB less."""
    start: int
    length: int
    text: str
    low: str
    word: bool
    cap: bool

    @property
    def end(self) -> int:
        return self.start + self.length


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution: cue, source, speaker and content intervals.

    Immutable: a rule proposes a candidate frame with every field given to the
    constructor; the arbiter (arbiter.py, sentence.py) and the quotation rules
    (quotes.py) derive new frames from it with `dataclasses.replace`."""

    kind: str  # verb, according, noun, hedge, quote, colon
    rule: str  # the id of the rule that made it (verifier/attribution/rules.py)
    cue: tuple[int, int] | None
    cue_text: str | None
    speaker: str | None
    source: tuple[int, int] | None = None
    content: tuple[tuple[int, int], ...] = ()
    quote: str = "indirect"
    reasons: tuple[str, ...] = ()
    sentence: int = -1
    # where the content is, before the contents are bounded (offsets):
    right: int | None = None  # content starts here and runs right
    left: int | None = None  # content runs left up to here
    left_edge: int | None = None  # the frame's own words (source, cue) span left_edge..right_edge
    right_edge: int | None = None
    right_limit: int | None = None  # the right content stops here (end of a relative clause)
    coordinated: bool = False  # "..., but said ...": a verb sharing the subject of an earlier one
    gloss: tuple[int, int] | None = None  # a last relative clause or participle cut off the content


@dataclass
class _Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph's end when left open)
    closed: bool
    prev: int | None = None  # index of the quotation it continues (quoted paragraphs)
    next: int | None = None




# --- helpers -----------------------------------------------------------------------------------

_CONTRACTIONS = ("'s", "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "'re", "’re", "'m", "’m")


def _plural(low: str) -> bool:
    """'reports' is plural; 'analysis', 'press', 'census' are not."""
    return low.endswith("s") and not low.endswith(("ss", "sis", "us", "ics"))


def _finite(t: Tok) -> bool:
    """A finite verb form: 'is', 'would', 'has', "didn't", 'found', 'paid', 'decided'."""
    if not t.word or t.cap:
        return False
    return (t.low in BE_FORMS and t.low not in ("be", "been", "being") or t.low in _MODALS and t.low != "to"
            or t.low in ("has", "have", "had", "does", "did", "do") or t.low.endswith(("n't", "n’t"))
            or t.low.endswith("ed") or t.low in _IRREGULAR_PAST or t.low in _COMMON_PAST or strong_past(t.low))


def _base(low: str) -> str:
    """A word without its contraction: "he's" -> "he", "we’ve" -> "we"."""
    for suf in _CONTRACTIONS:
        if low.endswith(suf):
            return low[: -len(suf)]
    return low


def _is_poss(word: str) -> bool:
    if word[-1:] not in "sS'’":
        return False
    low = word.lower()
    if _base(low) in ("he", "she", "it", "that", "there", "here", "what", "who", "where", "let", "i", "we",
                      "you", "they"):
        return False  # "He's said", "it's"
    return low.endswith(("'s", "’s")) or word.endswith(("s'", "s’"))


def _strip_poss(word: str) -> str:
    for suf in ("'s", "’s"):
        if word.lower().endswith(suf):
            return word[: -len(suf)]
    return word


def _people(low: str) -> bool:
    """A plural noun for people: workers, activists, politicians, residents."""
    return low.endswith(("ers", "ists", "ians", "ants", "ents", "ors", "ives", "ees")) and low not in _NOT_PEOPLE


def _adverb(t: Tok) -> bool:
    return t.low.endswith("ly") and not t.cap and t.low not in _LY_NOUNS


def _is_initial(word: str) -> bool:
    """'G' or 'G.K' (the tokenizer keeps inner dots): initials before a '.'."""
    return len(word) == 1 and word.isupper() or bool(_INITIALS.fullmatch(word))


def _clean(text: str, cap: int = 10) -> str:
    text = " ".join(text.split())
    words = text.split()
    if len(words) > cap:
        text = " ".join(words[:cap])
    return text.strip(" ,;:\"“”'’")


def _near(text: str, a: int, b: int) -> bool:
    """Are offsets a and b separated only by spaces and punctuation?"""
    lo, hi = min(a, b), max(a, b)
    return all(not ch.isalnum() for ch in text[lo:hi])


def _merge(ivs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ivs):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _covered(merged: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Is most of [a, b) inside the merged intervals?"""
    total = b - a
    if total <= 0:
        return True
    got = 0
    i = max(0, bisect.bisect_right(starts, a) - 1)
    while i < len(merged) and merged[i][0] < b:
        x, y = merged[i]
        got += max(0, min(y, b) - max(x, a))
        i += 1
    return got * 2 >= total


class NonSpaceCounts:
    """counts[x]: how many non-space characters of the text lie before offset x,
    read off the tokens (every non-space character is in a token): a bisection
    over 8 bytes a token instead of a prefix count per character."""

    __slots__ = ("_starts", "_ends", "_before")

    def __init__(self, starts: array, toks: list[Tok]):
        self._starts = starts
        self._ends = array("q", (t.end for t in toks))
        before = array("q", [0])
        total = 0
        for t in toks:
            total += t.end - t.start
            before.append(total)
        self._before = before

    def __getitem__(self, x: int) -> int:
        k = bisect.bisect_right(self._starts, x) - 1
        if k < 0:
            return 0
        return self._before[k] + min(x, self._ends[k]) - self._starts[k]


class SentenceTokens:
    """sent_tok[si] == (first token, end token) of sentence si: two arrays, 16 bytes a
    sentence instead of a tuple of two ints (112)."""

    __slots__ = ("_first", "_end")

    def __init__(self, tok_starts: array, sentences) -> None:
        self._first = array("q", (bisect.bisect_left(tok_starts, s.start) for s in sentences))
        self._end = array("q", (bisect.bisect_left(tok_starts, s.end) for s in sentences))

    def __len__(self) -> int:
        return len(self._first)

    def __getitem__(self, si: int) -> tuple[int, int]:
        return self._first[si], self._end[si]

    def __iter__(self):
        return zip(self._first, self._end)


def _extent(f: Frame) -> int:
    return sum(b - a for a, b in f.content)


def _particle_after(toks, k: int, b: int, particles) -> int | None:
    """The index of the phrasal particle of the verb at toks[k]: right after it ("pointed
    out", "called for"), or after 'it' when the particle is no preposition ("made it clear",
    "pointed it out"); None when there is none."""
    if k + 1 < b and toks[k + 1].low in particles:
        return k + 1
    if k + 2 < b and toks[k + 1].low == "it" and toks[k + 2].low in particles and toks[k + 2].low not in PREPOSITIONS:
        return k + 2
    return None


def _time_phrase(first: str, second: str = "") -> int:
    """How many of two lower-case words open a time phrase: a bare weekday, 'yesterday',
    'today' (1); 'on Tuesday', 'in May', 'in 2019', 'last year', 'this week' (2); else 0.
    A bare month is none: it may be a name ('a spokesman for Theresa May')."""
    if first in ("yesterday", "today") or first in _CALENDAR and first.endswith("day"):
        return 1
    if second and first in ("on", "in", "last", "this", "next", "earlier") and (
            second in _CALENDAR or first != "on" and second in _TIME_NOUNS
            or first == "in" and len(second) == 4 and second.isdigit() and second[:2] in ("19", "20")):
        return 2
    return 0
