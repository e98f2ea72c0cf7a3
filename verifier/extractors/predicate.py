"""Predicates and their subjects: where the main verb of a sentence whose subject is a
nominal frame begins ("[The federation's warning that X] has alarmed ministers"), and which
subject a predicate without one shares ("his client was disappointed and [would appeal]")."""

from __future__ import annotations

import re

from verifier.attribution.common import Frame
from verifier.attribution.lexicon import BE_FORMS, DETERMINERS
from verifier.extractors.clause import (MIN_WORDS, PUNCT, has_finite, is_finite, is_participle, present_verb, verb_at,
                                        words)
from verifier.extractors.frame import Piece, SentencePlan
from verifier.extractors.split import split
from verifier.extractors.words import W


_JOINERS = frozenset({"and", "or", "but", "that", "which", "who", "whom", "whose", "where", "when", "while", "if",
                      "because", "as", "than", "not"})


def subject_frame_end(text: str, s0: int, a: int, b: int, f: Frame, plan: SentencePlan) -> int:
    """'[The federation's warning that] some builders could fail [has alarmed ministers]': a
    nominal frame that opens the sentence is its subject, so its content ends where the main
    verb begins; the predicate is the article's own claim about the report (ANNOTATION.md:
    the source as the topic). Returns the content's end; the predicate's pieces go to `plan`."""
    if f.kind != "noun" or f.left_edge is None or text[s0:f.left_edge].strip(PUNCT):
        return b
    cut = _main_verb(text, a, b)
    if cut is None:
        return b
    subject = (f.left_edge, text[:cut].rstrip().__len__())
    pieces = [Piece(pa, pb, None, kind) for pa, pb, kind in split(text, cut, b)
              if len(words(text[pa:pb])) >= MIN_WORDS]
    if pieces:
        pieces[0].about = subject
    plan.pieces.extend(with_subjects(text, pieces))
    return cut


def _main_verb(text: str, a: int, b: int) -> int | None:
    """The offset of the second verb group of [a, b) that no joining word or comma opens: the
    first is the content clause's own verb, the second the sentence's main verb. A modal or
    finite auxiliary after a verb opens a new group ('were “limited” [will] be hard')."""
    toks = [(m.start() + a, m.group(0)) for m in re.finditer(r"\d[\d,.]*\d|[\w’'-]+|[,;:]", text[a:b])]
    ws = [w for _, w in toks]
    seen, in_group, main = False, False, False
    for i, (pos, w) in enumerate(toks):
        verb = _verb_word(ws, i)
        aux = w.lower() in W["modals"] | _AUX_OPEN
        fresh = verb and in_group and (aux or main)  # "were “limited” [will]", "is tired [captures]"
        if verb and not seen:
            seen, in_group = True, True
        elif verb and (not in_group or fresh) and ws[i - 1].lower() not in _JOINERS and ws[i - 1] not in ",;:":
            return pos
        elif not verb:
            in_group = in_group and (w.lower() in _IN_GROUP or w.endswith("ly"))
        main = verb and not aux and w.lower() not in BE_FORMS or not verb and main and in_group
    return None


_AUX_OPEN = frozenset({"has", "have", "had", "is", "are", "was", "were", "does", "did"})
_IN_GROUP = frozenset({"not", "also", "still", "never", "yet", "been", "be", "being"})


def _verb_word(ws: list[str], i: int) -> bool:
    """ws[i] can be a verb here: a finite form not right after a determiner ('a lost bee'),
    a modal, or a present-tense verb before its object or a question word ('captures why')."""
    w = ws[i]
    after_det = i > 0 and ws[i - 1].lower() in DETERMINERS and ws[i - 1].lower() not in ("that", "which", "what")
    if w.lower() in W["modals"] or is_finite(w) and not after_det:
        return True
    nxt = ws[i + 1].lower() if i + 1 < len(ws) else ""
    if i > 0 and ws[i - 1][:1].isdigit():
        return False  # "95,000 pounds a year": a noun after its number
    return present_verb(ws, i) or (w[:1].islower() and w.endswith("s") and len(w) > 3 and not w.endswith("ss")
                                   and nxt in W["question_words"] | {"why", "how", "what"})


def with_subjects(text: str, pieces: list[Piece]) -> list[Piece]:
    """A piece that opens with its verb ("... was disappointed and [would appeal]") shares the
    subject of the clause before it: `about` is that subject, for the standalone text."""
    for i, p in enumerate(pieces):
        if p.kind not in ("clause", "gloss") or not _opens_with_verb(words(text[p.start:p.end])):
            continue
        # the clause before it, past any gloss on its subject ("[X], who was not charged, [has left]")
        prev = next((q for q in reversed(pieces[:i]) if q.kind not in ("relative", "apposition", "reduced")), None)
        if prev is not None and prev.kind in ("clause", "gloss", "fragment"):
            bare = prev.kind == "fragment" and not has_finite(text[prev.start:prev.end])
            p.about = prev.about or ((prev.start, prev.end) if bare else _subject(text, prev))
    return pieces


def predicate_opener(w: str) -> bool:
    """A modal or finite auxiliary: with its verb, a proposition of two words ('would appeal',
    'has resigned')."""
    return w.lower() in W["modals"] or w.lower() in _AUX_OPEN


def _opens_with_verb(ws: list[str]) -> bool:
    """'would appeal', 'destroyed a bridge', 'still found a signal': a predicate without its subject."""
    if ws and ws[0].lower() in ("still", "also", "then", "even", "never") or ws and ws[0].lower().endswith("ly"):
        ws = ws[1:]
    return bool(ws) and (ws[0].lower() in W["modals"] or verb_at(ws, 0) or present_verb(ws, 0))


def _subject(text: str, p: Piece) -> tuple[int, int] | None:
    """The words before the first finite verb of a clause piece (after a reporting participle
    that opens it: "saying [most of the budget] is tied up ...")."""
    spans = [(m.start() + p.start, m.end() + p.start) for m in re.finditer(r"\S+", text[p.start:p.end])]
    ws = [text[x:y].strip(PUNCT) for x, y in spans]
    i = 1 if ws and is_participle(ws[0]) else 0
    for j in range(i, min(len(ws), i + 9)):
        noun = ws[j].lower().endswith("ed") and j > 0 and ws[j - 1].lower() in DETERMINERS  # "the seabed"
        if ws[j] and (is_finite(ws[j]) and not noun or ws[j].lower() in W["modals"]):
            return (spans[i][0], spans[j - 1][1]) if j > i else None
    return None
