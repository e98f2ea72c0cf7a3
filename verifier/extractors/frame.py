"""The frame's own material in a sentence: what a claim is cut from and what is left
out of it (the source and its name tag, the cue, the speech event's time, place and
audience), and the pieces a sentence plan is made of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from verifier.attribution.common import Frame
from verifier.attribution.lexicon import CALENDAR
from verifier.extractors.clause import PUNCT, has_finite, has_verb, is_participle, words
from verifier.extractors.split import trim
from verifier.extractors.words import W

NAME_TAGS_ARE_CLAIMS = True  # "Maria Chen, a lawyer for the family, said": the apposition only names the source


@dataclass
class Piece:
    start: int
    end: int
    frame: Frame | None = None  # the frame whose content it is (None: the article's own words)
    kind: str = "clause"  # clause, gloss, relative, apposition, comparison, object, speech event
    ambiguous: bool = False
    about: tuple[int, int] | None = None  # a name tag's source head: what the tag says something of


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


def top_frames(frames: list[Frame]) -> list[Frame]:
    """Frames not nested inside another frame's content."""
    out = []
    for f in frames:
        if not f.content:
            continue
        nested = f.cue is not None and any(
            g is not f and g.content and any(a <= f.cue[0] and f.cue[1] <= b for a, b in g.content) for g in frames)
        if not nested:
            out.append(f)
    return out


def passive_expectation(f: Frame) -> bool:
    """"The mayor is expected to resign": a passive with no source and content on both
    sides of its cue is the article's own statement of an expectation, not a report
    whose frame cuts the sentence."""
    if f.kind != "verb" or f.source is not None or f.cue is None or len(f.content) < 2:
        return False  # a hedge ("X has reportedly left") keeps its frame
    return f.content[0][1] <= f.cue[0] and f.content[-1][0] >= f.cue[1]


def embedded_in_own_words(text: str, f: Frame) -> bool:
    """A report inside the article's own clause does not cut the sentence: in a free relative
    ("That finding matches [what firefighters describe] on the ground") the cue has no content
    of its own, and after an inferring participle ("..., suggesting that [investors welcomed the
    cuts]") the whole clause is the reporter's inference about the source."""
    if f.kind != "verb" or f.cue is None:
        return False
    lead = f.source if f.source is not None and f.source[1] <= f.cue[0] else f.cue
    src = text[lead[0]:f.cue[0]].lower().split()
    before = words(text[max(0, lead[0] - 40):lead[0]])
    if "what" in src or before and before[-1].lower() == "what":
        return True
    # a reporting participle is a frame's own cue ("..., saying that X"), so it never gets here
    return len(before) >= 2 and before[-1].lower() == "that" and is_participle(before[-2])


def source_head(text: str, f: Frame) -> tuple[int, int] | None:
    """The source without what its commas set off: "Nadia Rahman, who runs an agency,"
    -> "Nadia Rahman" (the relative clause asserts something of its own)."""
    if f.source is None:
        return None
    a, b = f.source
    k = text.find(", ", a, b)
    if k > a and text[k + 1:b].strip(PUNCT):
        rest = words(text[k + 1:b])
        if rest and rest[0].lower() in W["relatives"] or NAME_TAGS_ARE_CLAIMS:
            return a, k
    return a, b


def name_tags(text: str, here: list[Frame]) -> list[LeftOut]:
    """The appositive name tags inside the sources of the frames cued in a sentence."""
    out = []
    for f in here:
        if f.source is not None and source_head(text, f) == f.source and text.find(", ", *f.source) > 0:
            x, y = trim(text, text.find(", ", *f.source), f.source[1])
            if x < y:
                out.append(LeftOut(x, y, "an appositive name tag of the source"))
    return out


def name_tag(text: str, a: int, b: int, ws: list[str], here: list[Frame]) -> Piece | None:
    """A name tag claim when [a, b) is a description the commas set off after a source's name
    ("Telvia, [the country's third-largest mobile operator], said"; "[Asante, 26]", an age with
    its name): the description asserts something new of the named source. A name set off after
    a description ("Its chief executive, Priya Natarajan, said") only names who the description
    is, so it is no tag claim. None when the piece is no tag or tags are not claims."""
    if not NAME_TAGS_ARE_CLAIMS or not ws or has_finite(text[a:b], 40) or ws[0].lower() in W["relatives"]:
        return None
    for f in here:
        head = source_head(text, f)
        if f.source is None or head is None:
            continue
        if head != f.source and head[1] <= a and b <= f.source[1] and not text[head[1]:a].strip(PUNCT):
            if not is_name(text[head[0]:head[1]]) or is_name(text[a:b]):
                return None
            return Piece(head[0] if ws[0][0].isdigit() else a, b, None, "name tag", about=head)
        name = _trailing_name(text, f.source)
        if name is not None and f.source[1] <= a and not text[f.source[1]:a].strip(PUNCT) and _is_description(ws) \
                and not is_name(text[a:b]):
            return Piece(a, b, None, "name tag", about=name)  # "according to ... Brightwater Building
    return None                                                # Society, [the country's largest lender]"


def _trailing_name(text: str, source: tuple[int, int]) -> tuple[int, int] | None:
    """The proper name a source ends with ('an index published by [Brightwater Building
    Society]', '[Maria Chen]'), or None ('a spokeswoman', 'the agency')."""
    a, b = source
    ms = list(re.finditer(r"[\w’'.-]+", text[a:b]))
    k = len(ms)
    while k > 0 and (ms[k - 1].group()[0].isupper() or k < len(ms) and ms[k - 1].group() in W["name_joiners"]):
        k -= 1
    while k < len(ms) and not ms[k].group()[0].isupper():
        k += 1  # a joiner cannot open the name
    if k == len(ms) or not is_name(text[a + ms[k].start():b]):
        return None
    return a + ms[k].start(), a + ms[-1].end()


def _is_description(ws: list[str]) -> bool:
    """A description opens with an article or a possessive ('the country's largest lender', 'a
    lawyer for the family'); a time, place or manner phrase ('on Tuesday', 'in a report') does not."""
    first = ws[0].lower()
    return first in ("a", "an", "the") or first.endswith(("’s", "'s"))


def speech_event(text: str, a: int, b: int, ws: list[str], here: list[Frame]) -> Piece | None:
    """A claim about the speech event itself ("“...,” she told [a local radio station]"; "..., Rao
    said [in her closing speech]"): the audience, medium or occasion right after a cue that
    follows its content is something the article asserts about the event (ANNOTATION.md). A
    bare time ("said on Tuesday") says nothing new; a cue before its content keeps these words
    as frame material. The evidence runs from the source before the cue to the piece's end."""
    if not ws or has_verb(text[a:b]) or _only_time(ws):
        return None
    for f in here:
        if f.kind != "verb" or f.cue is None or not f.content or f.cue[1] > a or text[f.cue[1]:a].strip(PUNCT):
            continue
        lead = f.source if f.source is not None and f.source[1] <= f.cue[0] else f.cue
        if f.content[-1][1] > lead[0]:
            continue  # the content follows the cue: "told reporters that ..."
        left = f.source[0] if lead is f.source and not text[f.source[1]:f.cue[0]].strip() else f.cue[0]
        return Piece(left, b, f, "speech event")
    return None


def _only_time(ws: list[str]) -> bool:
    low = [w.lower() for w in ws]
    return (low[0] == "on" and len(low) == 2 and low[1] in CALENDAR or low[0] in ("yesterday", "today")
            or low[0] in ("last", "this") and len(low) == 2)


def is_name(s: str) -> bool:
    """A proper name: every word capitalised (inner 'of', 'for', 'de', ... allowed), not opened
    by a determiner or possessive ('The', 'Its') and not itself a possessive ('Brightwater's')."""
    ws = s.split()
    return bool(ws) and ws[0].lower() not in W["apposition_openers"] and not s.rstrip().endswith(("’s", "'s")) \
        and all(w[0].isupper() or w in W["name_joiners"] for w in ws)


def with_frame_noun(text: str, b: int, here: list[Frame]) -> int:
    """'The ruling rests on the [finding that] X': an own-voice piece that ends at the cue of a
    nominal frame with no source takes the noun with it ('... rests on the finding')."""
    for f in here:
        if f.kind == "noun" and f.source is None and f.cue is not None and not text[b:f.cue[0]].strip(PUNCT):
            m = re.match(r"[\w’'-]+", text[f.cue[0]:f.cue[1]])
            if m:
                return f.cue[0] + m.end()
    return b


def gap_end(text: str, content_end: int, piece_start: int) -> int:
    """0 when only punctuation and spaces lie between a content's end and a piece."""
    if content_end > piece_start:
        return 1
    return 0 if not text[content_end:piece_start].strip(PUNCT) else 1


def _touches(text: str, a: int, b: int, f: Frame) -> bool:
    """Only punctuation lies between [a, b) and the frame's source, cue or left edge."""
    edge = (f.left_edge, f.left_edge) if f.left_edge is not None else None
    for iv in (source_head(text, f), f.cue, edge):
        if iv is None:
            continue
        if iv[1] <= a:
            if not text[min(iv[1], a):max(iv[1], a)].strip(PUNCT):
                return True
        elif b <= iv[0]:
            if not text[b:iv[0]].strip(PUNCT):
                return True
        else:
            return True
    return False


def frame_material(text: str, a: int, b: int, seg: str, ws: list[str], here: list[Frame]) -> str | None:
    """Why an own-voice piece next to a frame's source or cue is part of the frame, or None."""
    if not ws:
        return "punctuation"
    if len(ws) < 2:
        return None
    for f in here:
        if not _touches(text, a, b, f) or f.source is None and (f.kind == "noun" or f.rule == "participle"):
            # "The ruling rests on the [finding that] ...", "The jury found him guilty after a
            # trial, [concluding] that ...": with no source phrase of its own, what stands before
            # the cue is the article's own words
            continue
        first = ws[0].lower()
        if first in W["relatives"]:
            return None  # "Nadia Rahman, who runs an agency, said": the relative clause is a claim
        if first.endswith("ing") and ws[0][0].isupper() and not has_finite(seg, 40) and first not in W["event_phrases"]:
            return "the circumstances of the speech event (a participle phrase of the source)"
        verbless = not has_verb(seg) and not is_participle(ws[0])
        if not verbless:
            continue
        reason = _verbless_frame_part(text, a, b, first, f)
        if reason:
            return reason
    return None


def _verbless_frame_part(text: str, a: int, b: int, first: str, f: Frame) -> str | None:
    if first in W["event_phrases"] or first in ("reporters", "journalists"):
        return "the time, place or audience of the speech event"
    edge = (f.left_edge, f.left_edge) if f.left_edge is not None else None
    src = source_head(text, f) or edge
    if src is not None and (src[1] <= a and not text[src[1]:a].strip(PUNCT)
                            or b <= src[0] and not text[b:src[0]].strip(PUNCT)):
        return "an appositive name tag of the source"
    if f.cue is not None and f.cue[1] <= a:
        return "the audience or manner of the speech event"
    if f.cue is not None and b <= f.cue[0]:
        return "part of the source phrase"
    return None
