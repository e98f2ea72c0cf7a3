"""Claim segmentation from the attribution engine's frames.

For one sentence of the body:

1. The frames whose content lies in the sentence are taken from
   `Checker(document).frames()`; a frame whose cue lies inside another
   frame's content is nested in it and does not cut the sentence.
2. The sentence is cut into regions: each top frame's content (what the
   source is reported to say), and the rest, the article's own words, with
   every frame's source and cue left out.
3. Each region is split into propositions (`split`): a second clause after a
   joining word ("..., but imports rose"), a second verb of the same subject
   ("... and still found a signal"), a relative or participial gloss
   ("..., which opened in 1978", "..., demonstrating Y", "..., run by X"), a
   comparison ("..., down from 95 percent") and an apposition that says
   something new ("Bellini, a former Italy midfielder, took charge").
4. Pieces that are not claims are recorded with the reason: the source's
   name tag ("Maria Chen, a lawyer for the family,"), the speech event's
   time, place or audience ("on Friday", "in a statement"), a reported
   question ("declined to say whether ..."), a bare speech event, fragments
   of fewer than three words, a question.

A participle right after a report's content ("Putin stated that X,
demonstrating Y") can be the source's words or the reporter's gloss: its
piece is marked ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from verifier.attribution.common import Frame
from verifier.attribution.lexicon import (BE_FORMS, CALENDAR, COMMON_PAST, DETERMINERS, IRREGULAR_PAST, MODALS,
                                          PREPOSITIONS)
from verifier.extractors.words import W

MIN_WORDS = 3
NAME_TAGS_ARE_CLAIMS = False  # "Maria Chen, a lawyer for the family, said": the apposition only names the source
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,-]*[A-Za-z0-9]|[A-Za-z0-9]")
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")
_PUNCT = " \t\n,;:.!?\"“”‘’'()—–-"
_AUX = frozenset({"has", "have", "had", "does", "did", "do"})
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())
_SUBJ_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those"})


@dataclass
class Piece:
    start: int
    end: int
    frame: Frame | None = None  # the frame whose content it is (None: the article's own words)
    kind: str = "clause"  # clause, gloss, relative, apposition, comparison, object
    ambiguous: bool = False


@dataclass
class LeftOut:
    start: int
    end: int
    reason: str


@dataclass
class SentencePlan:
    pieces: list[Piece] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    reason: str | None = None  # why the sentence yields no claim


# --- words ---------------------------------------------------------------------------------------

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
                or nxt.endswith("ly") or nxt in _SUBJ_PRONOUNS or nxt in ("that", "to", "by", "them", "him", "us"))
    return True


def starts_clause(s: str) -> bool:
    """A subject and a finite verb (or a finite verb sharing the subject) open `s`."""
    ws = words(s)
    if not ws:
        return False
    if ws[0].lower() in _SUBJ_PRONOUNS and len(ws) > 2 and present_verb(ws, 1):
        return True
    if verb_at(ws, 0) or (len(ws) > 1 and ws[0].lower().endswith("ly") and verb_at(ws, 1)):
        return True  # "... and still found", "... and was working"
    return any(is_finite(w) for w in ws[1:7])


# --- regions -------------------------------------------------------------------------------------

def top_frames(frames: list[Frame]) -> list[Frame]:
    """Frames not nested inside another frame's content."""
    out = []
    for f in frames:
        if not f.content:
            continue
        nested = False
        if f.cue is not None:
            for g in frames:
                if g is f or not g.content:
                    continue
                if any(a <= f.cue[0] and f.cue[1] <= b for a, b in g.content):
                    nested = True
                    break
        if not nested:
            out.append(f)
    return out


def plan_sentence(text: str, start: int, end: int, frames: list[Frame], here: list[Frame]) -> SentencePlan:
    """`frames`: those whose content meets the sentence; `here`: those whose cue is in it."""
    plan = SentencePlan()
    frames = [f for f in frames if not _passive_expectation(f)]
    here = [f for f in here if not _passive_expectation(f)]
    if text[start:end].rstrip().endswith("?"):
        plan.reason = "a question: not a claim"
        plan.left_out.append(LeftOut(start, end, plan.reason))
        return plan
    tops = top_frames(frames)
    regions: list[tuple[int, int, Frame | None]] = []
    for f in tops:
        ivs = f.content
        if f.kind == "hedge":  # "X has reportedly left": the hedge stays inside its claim
            ivs = [(ivs[0][0], ivs[-1][1])]
        for a, b in ivs:
            a, b = max(a, start), min(b, end)
            if a < b:
                regions.append((a, b, f))
    regions.sort(key=lambda r: r[0])
    # drop overlaps (a later frame's content inside an earlier one)
    clean: list[tuple[int, int, Frame | None]] = []
    for a, b, f in regions:
        if clean and a < clean[-1][1]:
            if b <= clean[-1][1]:
                continue
            a = clean[-1][1]
        clean.append((a, b, f))
    marks: list[tuple[int, int]] = []
    for f in here:
        for iv in (source_head(text, f), f.cue):
            if iv is not None and not (f.kind == "hedge" and iv == f.cue):
                marks.append(iv)
    for f in here:
        head = source_head(text, f)
        if f.source is not None and head == f.source and text.find(", ", *f.source) > 0:
            k = text.find(", ", *f.source)
            x, y = trim(text, k, f.source[1])
            if x < y:
                plan.left_out.append(LeftOut(x, y, "an appositive name tag of the source"))
    own = _subtract((start, end), [(a, b) for a, b, _ in clean] + marks)
    for f in here:
        if not f.content or not text[f.content[0][0]:f.content[-1][1]].strip(_PUNCT):
            if f.cue is not None and f.kind == "verb":
                plan.left_out.append(LeftOut(f.cue[0], f.cue[1], "a speech event with nothing said about its content"))
    for a, b, f in clean:
        _content_pieces(text, a, b, f, plan)
    for a, b in own:
        _own_pieces(text, a, b, start, end, here, clean, plan)
    plan.pieces.sort(key=lambda p: p.start)
    if not plan.pieces and plan.reason is None:
        reasons = sorted({lo.reason for lo in plan.left_out})
        plan.reason = "; ".join(reasons) if reasons else "no proposition of three words or more"
    return plan


def _passive_expectation(f: Frame) -> bool:
    """"The mayor is expected to resign": a passive with no source and content on both
    sides of its cue is the article's own statement of an expectation, not a report
    whose frame cuts the sentence."""
    if f.kind != "verb" or f.source is not None or f.cue is None or len(f.content) < 2:
        return False  # a hedge ("X has reportedly left") keeps its frame
    return f.content[0][1] <= f.cue[0] and f.content[-1][0] >= f.cue[1]


def source_head(text: str, f: Frame) -> tuple[int, int] | None:
    """The source without what its commas set off: "Nadia Rahman, who runs an agency,"
    -> "Nadia Rahman" (the relative clause asserts something of its own)."""
    if f.source is None:
        return None
    a, b = f.source
    k = text.find(", ", a, b)
    if k > a and text[k + 1:b].strip(_PUNCT):
        rest = words(text[k + 1:b])
        if rest and rest[0].lower() in W["relatives"] or NAME_TAGS_ARE_CLAIMS:
            return a, k
    return a, b


def _subtract(span: tuple[int, int], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = [span]
    for ca, cb in sorted(cuts):
        nxt = []
        for a, b in out:
            if cb <= a or ca >= b:
                nxt.append((a, b))
                continue
            if a < ca:
                nxt.append((a, ca))
            if cb < b:
                nxt.append((cb, b))
        out = nxt
    return out


def _content_pieces(text: str, a: int, b: int, f: Frame, plan: SentencePlan) -> None:
    raw = words(text[a:b])
    raw_first = raw[0].lower() if raw else ""
    a, b = trim(text, a, b)
    if a >= b:
        return
    seg = text[a:b]
    first = (words(seg) or [""])[0].lower()
    adjacent = f.cue is not None and f.cue[1] <= a and not text[f.cue[1]:a].strip()
    ws = words(seg)
    if first == "to" and len(ws) > 2 and ws[2].lower() in W["question_words"]:
        first = ws[2].lower()  # "refused to say whether ..."
    if first in W["question_words"] and (first == "whether" or adjacent) and seg[:1].isalpha():
        plan.left_out.append(LeftOut(a, b, f"a reported question ({f.cue_text!r} {first} ...): not a claim"))
        return
    demonstrative = raw_first in ("this", "these", "those") or raw_first == "that" and len(raw) > 1 and not (
        raw[1].lower() in DETERMINERS or raw[1].lower() in _SUBJ_PRONOUNS or raw[1][0].isupper() or raw[1][0].isdigit())
    if (f.kind == "verb" and f.cue is not None and f.cue[1] <= a and demonstrative
            and not has_finite(seg, 40) and not any(present_verb(raw, i) for i in range(1, len(raw)))):
        # "The agency rejected that criticism": the object points back at something said, so
        # nothing new is reported; the clause is a claim about the speech event itself
        left = f.source[0] if f.source is not None and f.source[1] <= f.cue[0] and "," not in text[f.source[0]:f.cue[0]] else f.cue[0]
        plan.pieces.append(Piece(left, b, f, "speech event"))  # noqa: the checker labels it
        return
    if (f.kind == "verb" and f.source is None and f.cue is not None and f.cue_text and f.cue_text.endswith("ing")
            and text[:f.cue[0]].rstrip().endswith(",") and raw_first != "that"):
        # "Putin stated that X, demonstrating Y" / "..., showing how quickly ...": a participle
        # after a report without a content clause of its own may be the source's or the
        # reporter's gloss (with "that" it reports: "..., announcing that X")
        plan.pieces.append(Piece(f.cue[0], b, f, "gloss", ambiguous=True))
        return
    clausal = bool(re.match(r"\s*that\b", text[f.cue[1]:a + 5] if f.cue is not None and f.cue[1] <= a else ""))
    if not clausal and not has_finite(seg, 40) and f.kind == "verb":
        m = _EVENT_TIME.search(seg)
        if m and (m.group(2).lower() in CALENDAR or m.group(1).lower() in ("yesterday", "today")):
            plan.left_out.append(LeftOut(a + m.start() + 1, b, "the time of the speech event"))
            b = a + m.start()
            seg = text[a:b]
    if (f.kind == "verb" and f.cue is not None and f.cue[1] <= a and not clausal and not has_finite(seg, 40)
            and seg[:1] not in "“\"‘'" and len(words(seg)) <= MIN_WORDS):
        # a short noun phrase object: the report is one proposition with its verb
        # ("praised its resilience")
        plan.pieces.append(Piece(f.cue[0], b, f, "object"))
        return
    for pa, pb, kind in split(text, a, b):
        n = len(words(text[pa:pb]))
        if n >= MIN_WORDS or kind == "apposition" and n >= 2:
            plan.pieces.append(Piece(pa, pb, f, kind))
        else:
            plan.left_out.append(LeftOut(pa, pb, "a fragment of fewer than three words"))


def _own_pieces(text, a, b, s0, s1, here, clean, plan) -> None:
    a, b = trim(text, a, b)
    if a >= b:
        return
    for pa, pb, kind in split(text, a, b):
        seg = text[pa:pb]
        ws = words(seg)
        reason = _frame_material(text, pa, pb, seg, ws, kind, here)
        if reason:
            plan.left_out.append(LeftOut(pa, pb, reason))
            continue
        if len(ws) < MIN_WORDS and not (kind == "apposition" and len(ws) >= 2):
            plan.left_out.append(LeftOut(pa, pb, "a fragment of fewer than three words"))
            continue
        amb = kind == "gloss" and any(f is not None and f.kind == "verb" and _gap_end(text, y, pa) == 0
                                      for _, y, f in clean)
        plan.pieces.append(Piece(pa, pb, None, kind, ambiguous=amb))


def _gap_end(text: str, content_end: int, piece_start: int) -> int:
    """0 when only punctuation and spaces lie between a content's end and a piece."""
    if content_end > piece_start:
        return 1
    return 0 if not text[content_end:piece_start].strip(_PUNCT) else 1


def _frame_material(text, a, b, seg, ws, kind, here) -> str | None:
    """Why an own-voice piece next to a frame's source or cue is part of the frame, or None."""
    if not ws:
        return "punctuation"
    if len(ws) < 2:
        return None
    for f in here:
        touch = []
        edge = (f.left_edge, f.left_edge) if f.left_edge is not None else None
        for iv in (source_head(text, f), f.cue, edge):
            if iv is not None:
                touch.append(not text[min(iv[1], a):max(iv[1], a)].strip(_PUNCT) if iv[1] <= a else
                             not text[b:iv[0]].strip(_PUNCT) if b <= iv[0] else True)
        if not any(touch):
            continue
        first = ws[0].lower()
        if first in W["relatives"]:
            return None  # "Nadia Rahman, who runs an agency, said": the relative clause is a claim
        if first.endswith("ing") and ws[0][0].isupper() and not has_finite(seg, 40) and first not in W["event_phrases"]:
            return "the circumstances of the speech event (a participle phrase of the source)"
        verbless = not has_finite(seg, 40) and not is_participle(ws[0])
        if not verbless:
            continue
        if first in W["event_phrases"] or first in ("reporters", "journalists"):
            return "the time, place or audience of the speech event"
        src = source_head(text, f) or edge
        if src is not None and (src[1] <= a and not text[src[1]:a].strip(_PUNCT)
                                or b <= src[0] and not text[b:src[0]].strip(_PUNCT)):
            return "an appositive name tag of the source"
        if f.cue is not None and f.cue[1] <= a:
            return "the audience or manner of the speech event"
        if f.cue is not None and b <= f.cue[0]:
            return "part of the source phrase"
    return None


# --- splitting -----------------------------------------------------------------------------------

def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Leading joining words, 'that', punctuation and spaces off; trailing punctuation off
    (a closing quotation mark stays when its opening mark is inside)."""
    while True:
        while a < b and text[a] in _PUNCT:
            a += 1
        # a lower-case "that" joins a content clause; a capital one opens a sentence as a
        # demonstrative ("That ruling still shapes ...") and stays
        m = re.match(r"(?:that|[Aa]nd|[Bb]ut|[Yy]et|[Ss]o|[Tt]hen|while|whereas|though|although)\b\s*", text[a:b])
        if m and m.end() > 0 and b - a > m.end():
            a += m.end()
            continue
        break
    while True:
        while b > a and text[b - 1] in _PUNCT:
            b -= 1
        m = re.search(r"\s+(?:that|and|but)$", text[a:b])
        if not m:
            break
        b = a + m.start()
    seg = text[a:b]
    for o, c in (("“", "”"), ('"', '"')):
        if seg.count(o) - (seg.count(c) if o != c else 0) > 0 or (o == c and seg.count(o) % 2):
            if b < len(text) and text[b:b + 1] == c:
                b += 1
    return a, b


_EVENT_TIME = re.compile(r"\s+(on|yesterday|today)\b\s*(\w*)$", re.I)
_CUT = re.compile(r";\s*|:\s+|,\s+|\s+(?:%s)\s+" % "|".join(sorted(W["coordinators"] | W["clause_words"])), re.I)


def split(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """Propositions of the region [a, b): (start, end, kind), trimmed."""
    seg = text[a:b]
    cuts: list[tuple[int, int, str]] = []  # (cut start, next piece start, kind of next piece)
    for m in _CUT.finditer(seg):
        left, right = seg[:m.start()], seg[m.end():]
        tok = m.group(0).strip().lower()
        kind = _cut_kind(tok, left, right)
        if kind:
            cuts.append((m.start(), m.end(), kind))
    pieces: list[tuple[int, int, str]] = []
    pos, kind_here = 0, _opening_kind(seg)
    # a relative, apposition or reduced gloss closed by a comma returns to the main clause
    for i, (cs, ce, kind) in enumerate(cuts):
        if cs < pos:
            continue
        pieces.append((pos, cs, kind_here))
        pos, kind_here = ce, kind
    pieces.append((pos, len(seg), kind_here))
    out = []
    for i, (s, e, kind) in enumerate(pieces):
        if kind in ("relative", "apposition", "reduced"):
            # the gloss ends at the next comma; after it the main clause goes on
            comma = seg.find(", ", s, e)
            if comma > 0:
                rest = seg[comma + 1:e]
                if starts_clause(rest) or has_finite(rest) or present_verb(words(rest), 0):
                    out.append((s, comma, kind))
                    out.append((comma + 1, e, "clause"))
                    continue
        out.append((s, e, kind))
    final = []
    for s, e, kind in out:
        x, y = trim(text, a + s, a + e)
        if x < y:
            if kind == "apposition" and len(words(text[x:y])) < MIN_WORDS and text[x:x + 1].isdigit():
                x = _name_before(text, a, x)  # "Ashby, 61": the age with the name it belongs to
            final.append((x, y, kind))
    return final


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
    first = rw[0].lower()
    if tok == ";":
        return "clause"
    if tok == ":":
        return "clause" if starts_clause(right) and len(lw) >= MIN_WORDS else None
    if tok == ",":
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
                "in", "on", "at", "from", "under", "for", "with")) and len(lw) >= 1:
            return "reduced"
        if (first in W["apposition_openers"] or rw[0][0].isdigit()) and (
                not _finite_before_comma(right) or _verb_left(lw) and len(rw) >= MIN_WORDS):
            return "apposition" if len(lw) >= 1 else None
        if first == "with" and any(is_participle(w) for w in rw[1:6]):
            return "gloss"  # ", with libraries now joining ...": a second proposition
        if lw and lw[0].lower() in W["subordinators"] and lw[0][0].isupper() and _verb_left(lw[1:]) \
                and starts_clause(right):
            return "clause"  # "When Freshway bought Valu in 2016, it closed ..."
        return None
    # a bare joining word
    if len(lw) < MIN_WORDS or len(rw) < MIN_WORDS:
        return None
    if tok in W["clause_words"]:
        return "clause" if _verb_left(lw) and starts_clause(right) and not is_finite(rw[0]) else None
    if first == "that" and len(rw) > 2:
        return "clause"  # "said X and that Y": two content clauses
    if tok == "and":
        if _verb_left(lw) and starts_clause(right) and not is_finite(rw[0]) and rw[0][0].islower() \
                and (rw[0].lower() in _NUMBER_WORDS or rw[0].lower() in DETERMINERS):
            return "clause"  # "... were destroyed and two roads were closed"
        if is_finite(lw[-1]) or lw[-1].lower() in BE_FORMS:
            return None  # "have maintained and even increased pressure": verbs sharing one object
        if first in ("then", "still", "also", "even") and len(rw) > 1:
            nxt = rw[1]
            if is_finite(nxt) or is_participle(nxt):
                return "clause"
        if first in ("still", "also") and present_verb(rw, 1) and _verb_left(lw):
            return "clause"  # "founded Pantry in 1987 and still owns 31 percent"
        if present_verb(rw, 0) and _verb_left(lw):
            return "clause"
        if is_finite(rw[0]) and not rw[0].lower().endswith("ed") or verb_at(rw, 0) and _verb_left(lw):
            return "clause"
        if first in _SUBJ_PRONOUNS and len(rw) > 1 and is_finite(rw[1]):
            return "clause"
        if (first in W["apposition_openers"] or rw[0][0].isdigit()) and _verb_left(lw) and starts_clause(right):
            return "clause"  # "11 firefighters were treated ... and two homes were destroyed"
        return None
    return "clause" if has_finite(right, 8) else None


def _verb_left(lw: list[str]) -> bool:
    """The left side holds a finite verb: 'X had stopped ... and started' coordinates verbs."""
    return any(is_finite(w) for w in lw)


def _finite_before_comma(right: str) -> bool:
    head = right.split(",", 1)[0]
    return has_finite(head, 40)


def _name_before(text: str, lo: int, x: int) -> int:
    """Extend a short apposition back over the capitalised name it describes ('Ashby, 61')."""
    j = x
    k = text.rfind(",", lo, x)
    if k < 0:
        return x
    s = k
    while s > lo and text[s - 1] != " ":
        s -= 1
    if s < k and text[s].isupper():
        return s
    return j


def _quote_depth(seg: str) -> list[int]:
    out, d = [], 0
    straight = False
    for ch in seg:
        if ch == "“":
            d += 1
        elif ch == "”":
            d = max(0, d - 1)
        elif ch == '"':
            straight = not straight
        out.append(d + (1 if straight else 0))
    return out
