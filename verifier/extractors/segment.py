"""Claim segmentation from the attribution engine's frames.

For one sentence of the body:

1. The frames whose content lies in the sentence are taken from
   `Checker(document).frames()`; a frame whose cue lies inside another
   frame's content is nested in it and does not cut the sentence.
2. The sentence is cut into regions: each top frame's content (what the
   source is reported to say), and the rest, the article's own words, with
   every frame's source and cue left out.
3. Each region is split into propositions (split.py): a second clause after a
   joining word ("..., but imports rose"), a second verb of the same subject
   ("... and still found a signal"), a relative or participial gloss
   ("..., which opened in 1978", "..., demonstrating Y", "..., run by X"), a
   comparison ("..., down from 95 percent") and an apposition that says
   something new ("Bellini, a former Italy midfielder, took charge").
4. Pieces that are not claims are recorded with the reason (frame.py): a name
   set off after a description of the source ("Its chief executive, Priya
   Natarajan, said"), the speech event's time, place or audience before its
   content ("told reporters in the capital that ...", "on Friday"), a reported
   question ("declined to say whether ..."), a bare speech event, fragments of
   fewer than three words, a question.
5. Two kinds of frame material are claims in the article's own voice
   (ANNOTATION.md: checkable propositions, asserted): a description set off
   after a source's name ("Telvia, the country's third-largest mobile
   operator, said"; kind "name tag", NAME_TAGS_ARE_CLAIMS) and the audience or
   occasion of a speech event that follows its quotation ("“...,” she told a
   local radio station"; kind "speech event").

A participle right after a report's content ("Putin stated that X,
demonstrating Y") can be the source's words or the reporter's gloss: its
piece is marked ambiguous.
"""

from __future__ import annotations

import re

from verifier.attribution.common import Frame
from verifier.attribution.lexicon import CALENDAR, DETERMINERS
from verifier.extractors.clause import MIN_WORDS, PUNCT, SUBJ_PRONOUNS, has_finite, present_verb, words
from verifier.extractors.frame import (LeftOut, Piece, SentencePlan, embedded_in_own_words, frame_material, gap_end,
                                       name_tag, name_tags, passive_expectation, source_head, speech_event, top_frames,
                                       with_frame_noun)
from verifier.extractors.predicate import predicate_opener, subject_frame_end, with_subjects
from verifier.extractors.split import split, trim
from verifier.extractors.words import W

__all__ = ["LeftOut", "Piece", "SentencePlan", "plan_sentence"]

_EVENT_TIME = re.compile(r"\s+(on|yesterday|today)\b\s*(\w*)$", re.I)
Region = tuple[int, int, "Frame | None"]


def plan_sentence(text: str, start: int, end: int, frames: list[Frame], here: list[Frame]) -> SentencePlan:
    """`frames`: those whose content meets the sentence; `here`: those whose cue is in it."""
    plan = SentencePlan()
    frames = [f for f in frames if not passive_expectation(f) and not embedded_in_own_words(text, f)]
    here = [f for f in here if not passive_expectation(f) and not embedded_in_own_words(text, f)]
    if text[start:end].rstrip().endswith("?"):
        plan.reason = "a question: not a claim"
        plan.left_out.append(LeftOut(start, end, plan.reason))
        return plan
    clean = _content_regions(frames, start, end)
    marks = [iv for f in here for iv in (_own_source(text, f), f.cue)
             if iv is not None and not (f.kind == "hedge" and iv == f.cue)]
    plan.left_out.extend(name_tags(text, here))
    own = _subtract((start, end), [(a, b) for a, b, _ in clean] + marks)
    for f in here:
        if not f.content or not text[f.content[0][0]:f.content[-1][1]].strip(PUNCT):
            if f.cue is not None and f.kind == "verb":
                plan.left_out.append(LeftOut(f.cue[0], f.cue[1], "a speech event with nothing said about its content"))
    for a, b, f in clean:
        b = subject_frame_end(text, start, a, b, f, plan)
        _content_pieces(text, a, b, f, plan)
    for a, b in own:
        _own_pieces(text, a, b, here, clean, plan)
    plan.pieces.sort(key=lambda p: p.start)
    if not plan.pieces and plan.reason is None:
        reasons = sorted({lo.reason for lo in plan.left_out})
        plan.reason = "; ".join(reasons) if reasons else "no proposition of three words or more"
    return plan


def _own_source(text: str, f: Frame) -> tuple[int, int] | None:
    """The source as frame material, or None when a relative pronoun stands for it between it
    and the cue ("... drew criticism from opposition politicians, [who] say ..."): the words
    belong to the main clause, which names them."""
    head = source_head(text, f)
    if head is not None and f.cue is not None and head[1] <= f.cue[0]:
        between = words(text[head[1]:f.cue[0]])
        if len(between) == 1 and between[0].lower() in W["relatives"]:
            return None
    return head


def _content_regions(frames: list[Frame], start: int, end: int) -> list[Region]:
    """The top frames' contents inside the sentence, in order, without overlaps (a later
    frame's content inside an earlier one is dropped)."""
    regions: list[Region] = []
    for f in top_frames(frames):
        ivs = f.content
        if f.kind == "noun" and f.right_limit is not None and ivs:
            # the checker ended a subject's content clause at the main verb: the predicate after
            # it is planned with that subject (predicate.subject_frame_end), not as loose text
            ivs = [(ivs[0][0], end)]
        if f.kind == "hedge":  # "X has reportedly left": the hedge stays inside its claim, with its subject
            ivs = [(start if not any(g.cue and start <= g.cue[0] < ivs[0][0] for g in frames if g is not f)
                     else ivs[0][0], ivs[-1][1])]
        for a, b in ivs:
            a, b = max(a, start), min(b, end)
            if a < b:
                regions.append((a, b, f))
    regions.sort(key=lambda r: r[0])
    clean: list[Region] = []
    for a, b, f in regions:
        if clean and a < clean[-1][1]:
            if b <= clean[-1][1]:
                continue
            a = clean[-1][1]
        clean.append((a, b, f))
    return clean


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


# --- the content of a frame ----------------------------------------------------------------------

def _content_pieces(text: str, a: int, b: int, f: Frame, plan: SentencePlan) -> None:
    raw = words(text[a:b])
    a, b = trim(text, a, b)
    a = _drop_event_prefix(text, a, b, f, plan)
    if a >= b:
        return
    for rule in (_reported_question, _demonstrative_object, _participle_gloss):
        if rule(text, a, b, f, raw, plan):
            return
    clausal = bool(re.match(r"\s*that\b", text[f.cue[1]:a + 5] if f.cue is not None and f.cue[1] <= a else ""))
    if not clausal and f.kind == "verb":
        b = _drop_event_time(text, a, b, plan)
    if _short_object(text, a, b, f, clausal, plan):
        return
    pieces = []
    for pa, pb, kind in split(text, a, b):
        ws = words(text[pa:pb])
        if len(ws) >= MIN_WORDS or len(ws) == 2 and (kind == "apposition" or predicate_opener(ws[0])):
            # a gloss on the subject of a hedged clause is the article's own ("X, who was not charged,
            # has reportedly left"): the hedge qualifies the main clause only
            own = f.kind == "hedge" and kind in ("relative", "apposition", "reduced")
            pieces.append(Piece(pa, pb, None if own else f, kind))
        else:
            pieces.append(Piece(pa, pb, f, "fragment"))
    for p in with_subjects(text, pieces):
        if p.kind == "fragment":
            plan.left_out.append(LeftOut(p.start, p.end, "a fragment of fewer than three words"))
        else:
            plan.pieces.append(p)


def _reported_question(text, a, b, f, raw, plan) -> bool:
    """'refused to say whether the talks had stalled', 'asked if ...': not a claim."""
    seg = text[a:b]
    ws = words(seg)
    first = (ws or [""])[0].lower()
    adjacent = f.cue is not None and f.cue[1] <= a and not text[f.cue[1]:a].strip()
    if first == "to" and len(ws) > 2 and ws[2].lower() in W["question_words"]:
        first = ws[2].lower()  # "refused to say whether ..."
    if first in W["question_words"] and (first == "whether" or adjacent) and seg[:1].isalpha():
        plan.left_out.append(LeftOut(a, b, f"a reported question ({f.cue_text!r} {first} ...): not a claim"))
        return True
    return False


def _demonstrative_object(text, a, b, f, raw, plan) -> bool:
    """'The agency rejected that criticism': the object points back at something said, so
    nothing new is reported; the clause is a claim about the speech event itself."""
    raw_first = raw[0].lower() if raw else ""
    demonstrative = raw_first in ("this", "these", "those") or raw_first == "that" and len(raw) > 1 and not (
        raw[1].lower() in DETERMINERS or raw[1].lower() in SUBJ_PRONOUNS or raw[1][0].isupper() or raw[1][0].isdigit())
    seg = text[a:b]
    if not (f.kind == "verb" and f.cue is not None and f.cue[1] <= a and demonstrative
            and not has_finite(seg, 40) and not any(present_verb(raw, i) for i in range(1, len(raw)))):
        return False
    before = f.source is not None and f.source[1] <= f.cue[0] and "," not in text[f.source[0]:f.cue[0]]
    left = f.source[0] if before else f.cue[0]
    plan.pieces.append(Piece(left, b, f, "speech event"))  # the checker labels it
    return True


def _participle_gloss(text, a, b, f, raw, plan) -> bool:
    """'Putin stated that X, demonstrating Y' / '..., showing how quickly ...': a participle
    after a report without a content clause of its own may be the source's or the
    reporter's gloss (with 'that' it reports: '..., announcing that X')."""
    raw_first = raw[0].lower() if raw else ""
    if (f.kind == "verb" and f.source is None and f.cue is not None and f.cue_text and f.cue_text.endswith("ing")
            and text[:f.cue[0]].rstrip().endswith(",") and raw_first != "that"):
        pieces = [Piece(f.cue[0] if i == 0 else pa, pb, f, "gloss", ambiguous=True)
                  for i, (pa, pb, _) in enumerate(split(text, a, b))]  # "..., saying X and cannot Y": one claim each
        plan.pieces.extend(with_subjects(text, pieces))
        return True
    return False


def _drop_event_prefix(text: str, a: int, b: int, f: Frame, plan: SentencePlan) -> int:
    """'said [at a briefing] that X', 'wrote [in a blog post on Sunday] that X': a verbless phrase
    between the cue and 'that' is the speech event's place, time or medium; returns the start of X."""
    if f.kind != "verb" or f.cue is None or f.cue[1] > a or text[f.cue[1]:a].strip(PUNCT):
        return a
    m = re.search(r"\s+that\s+", text[a:b])
    ws = words(text[a:a + m.start()]) if m else []
    if not ws or ws[0].lower() not in W["event_phrases"] or len(ws) > 8 or has_finite(text[a:a + m.start()], 40):
        return a
    plan.left_out.append(LeftOut(a, a + m.start(), "the time, place or audience of the speech event"))
    return a + m.end()


def _drop_event_time(text: str, a: int, b: int, plan: SentencePlan) -> int:
    """'praised the volunteers on Friday': the speech event's time is left out of a verbless
    object; returns the new end."""
    seg = text[a:b]
    if has_finite(seg, 40):
        return b
    m = _EVENT_TIME.search(seg)
    if m and (m.group(2).lower() in CALENDAR or m.group(1).lower() in ("yesterday", "today")):
        plan.left_out.append(LeftOut(a + m.start() + 1, b, "the time of the speech event"))
        return a + m.start()
    return b


def _short_object(text, a, b, f, clausal, plan) -> bool:
    """A short noun phrase object: the report is one proposition with its verb
    ('praised its resilience')."""
    seg = text[a:b]
    if (f.kind == "verb" and f.cue is not None and f.cue[1] <= a and not clausal and not has_finite(seg, 40)
            and seg[:1] not in "“\"‘'" and len(words(seg)) <= MIN_WORDS):
        plan.pieces.append(Piece(f.cue[0], b, f, "object"))
        return True
    return False


# --- the article's own words ---------------------------------------------------------------------

def _own_pieces(text: str, a: int, b: int, here: list[Frame], clean: list[Region], plan: SentencePlan) -> None:
    x, y = trim(text, a, b)
    if x >= y:
        return
    pieces: list[Piece] = []
    for pa, pb, kind in split(text, a, b):  # untrimmed: "Although X, Y" cuts at the comma, then trims
        seg = text[pa:pb]
        ws = words(seg)
        tag = name_tag(text, pa, pb, ws, here)
        if tag is not None:
            pieces.append(tag)
            continue
        reason = frame_material(text, pa, pb, seg, ws, here)
        event = speech_event(text, pa, pb, ws, here) if reason and "speech event" in reason else None
        if event is not None:
            pieces.append(event)
            continue
        if reason:
            plan.left_out.append(LeftOut(pa, pb, reason))
            continue
        if len(ws) < MIN_WORDS and not (len(ws) == 2 and (kind == "apposition" or predicate_opener(ws[0]))):
            pieces.append(Piece(pa, pb, None, "fragment"))
            continue
        amb = kind == "gloss" and any(f is not None and f.kind == "verb" and gap_end(text, y, pa) == 0
                                      for _, y, f in clean)
        pieces.append(Piece(pa, with_frame_noun(text, pb, here), None, kind, ambiguous=amb))
    for p in with_subjects(text, pieces):
        if p.kind == "fragment":
            plan.left_out.append(LeftOut(p.start, p.end, "a fragment of fewer than three words"))
        else:
            plan.pieces.append(p)
