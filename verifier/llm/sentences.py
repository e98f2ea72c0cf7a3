"""The sentence task: numbered sentences in, each sentence's claims out.

    chunk -> numbered(): the body sentences of the chunk as "[n] ...",
             headings left out (they are never claim material)
          -> schema(n_sentences, longest): {"claims": [{"s", "text", "label", "speaker", "cue"}]}
          -> read_claims(): per claim, its evidence located in sentence s,
             else in the chunk's body sentence nearest s (place()), snapped
             to whole words, its cue and speaker checked against the article
          -> split_at_clauses(): a claim whose text holds two or more of
             the rules engine's clauses becomes those clauses

The claim text is the clause as the sentence has it, so the model copies
instead of paraphrasing, and grounding is a lookup inside the chunk's body
sentences (never a heading). A small model numbers clauses as sentences,
so its numbers drift by a few: a text not in sentence s is looked for in
the nearest body sentences. It also copies whole sentences where the
prompt asks for clauses; the rules' segmentation splits those, each piece
keeping the model's label, speaker and cue. A case-only difference is
fixed from the article's own spelling (no re-ask). The schema bounds the
answer: sentence numbers are an enum, labels an enum, strings have
lengths, at most MAX_PER_SENTENCE claims per sentence on average.

The label comes before speaker and cue on purpose: with it last, the 1.5B
model copied the previous item's null speaker down the article and its
label accuracy fell (f04: 0.46 against 0.73; DEVELOPERS.md).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from verifier.document import Document
from verifier.grounding import locate
from verifier.llm.checks import cue_near
from verifier.llm.labeling import LABELS, SPEAKER_CHARS, names_in
from verifier.schemas import DraftClaim

SCHEMA_NAME = "sentence_claims"
CUE_CHARS = 40
MAX_PER_SENTENCE = 6


@dataclass(frozen=True)
class Numbered:
    start: int      # document offsets of the sentence
    end: int


def body_sentences(doc: Document, start: int, end: int) -> list[Numbered]:
    """The chunk's sentences outside headings, in order."""
    out = []
    for s in doc.sentences:
        if s.start < start or s.end > end or doc.blocks[s.block].kind == "heading":
            continue
        if doc.text[s.start:s.end].strip():
            out.append(Numbered(s.start, s.end))
    return out


def numbered(doc: Document, sentences: list[Numbered]) -> str:
    return "\n".join(f"[{i}] {' '.join(doc.text[s.start:s.end].split())}" for i, s in enumerate(sentences, 1))


def schema(n: int, longest: int) -> dict:
    item = {
        "type": "object",
        "properties": {
            "s": {"type": "integer", "enum": list(range(1, n + 1))},
            "text": {"type": "string", "minLength": 1, "maxLength": max(1, longest)},
            "label": {"type": "string", "enum": list(LABELS)},
            "speaker": {"type": ["string", "null"], "maxLength": SPEAKER_CHARS},
            "cue": {"type": ["string", "null"], "maxLength": CUE_CHARS},
        },
        "required": ["s", "text", "label", "speaker", "cue"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"claims": {"type": "array", "items": item, "maxItems": MAX_PER_SENTENCE * n}},
        "required": ["claims"],
        "additionalProperties": False,
    }


def read_claims(data: object, doc: Document, sentences: list[Numbered]) -> tuple[list[DraftClaim], list[str]]:
    """Drafts from the answer, and one problem line per item not used (or
    used with a field dropped)."""
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], ["the answer has no list of claims"]
    drafts: list[DraftClaim] = []
    problems: list[str] = []
    for item in items[: MAX_PER_SENTENCE * len(sentences)]:
        draft = _one(item, doc, sentences, problems)
        if draft is not None:
            drafts.append(draft)
    return drafts, problems


def _one(item: object, doc: Document, sentences: list[Numbered], problems: list[str]) -> DraftClaim | None:
    if not isinstance(item, dict):
        problems.append("an item that is not an object")
        return None
    n, text, label = item.get("s"), item.get("text"), item.get("label")
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(sentences):
        problems.append(f"sentence number {n!r:.20} is not one of 1..{len(sentences)}")
        return None
    if label not in LABELS or not isinstance(text, str) or not text.strip():
        problems.append(f"sentence {n}: a claim without text or with label {label!r:.20}")
        return None
    span = place(doc.text, sentences, n, text)
    if span is None:
        problems.append(f"sentence {n}: claim text not in the chunk's sentences ({' '.join(text.split())[:60]!r})")
        return None
    a, b = span
    evidence = doc.text[a:b]
    sent = sentences[_index(sentences, a)]
    speaker, cue = _source(item, label, doc, sent, n, problems)
    return DraftClaim(text=evidence, evidence=evidence, start=a, label=None if label == "ambiguous" else label,
                      ambiguous=label == "ambiguous", speaker=speaker, cue=cue, kind=None)


def split_at_clauses(drafts: list[DraftClaim], proposed: list[DraftClaim], least: int = 2) -> list[DraftClaim]:
    """Each model claim whose evidence holds `least` or more of the rules
    engine's clauses becomes those clauses, each with the model's label,
    speaker and cue: a small model copies a whole sentence ("Ruiz said X,
    and Y") where the segmentation rules give one claim per clause.
    Linear in the chunk: one bisect per claim over the clauses in order."""
    clauses = sorted((p for p in proposed if p.start is not None), key=lambda p: p.start)
    starts = [p.start for p in clauses]
    out: list[DraftClaim] = []
    for d in drafts:
        a = d.start or 0
        b = a + len(d.evidence)
        i = bisect.bisect_left(starts, a)
        inside = []
        while i < len(clauses) and clauses[i].start < b:
            if clauses[i].start + len(clauses[i].evidence) <= b:
                inside.append(clauses[i])
            i += 1
        if len(inside) < least:
            out.append(d)
            continue
        out.extend(d.model_copy(update={"text": c.evidence, "evidence": c.evidence, "start": c.start})
                   for c in inside)
    return out


def place(text: str, sentences: list[Numbered], n: int, claim: str) -> tuple[int, int] | None:
    """Where the claim's text is: in sentence n, else in the chunk's body
    sentences nearest to n (a small model numbers clauses as sentences, so
    its numbers drift by a few), never in a heading between them."""
    sent = sentences[n - 1]
    found = locate(text[sent.start:sent.end], claim)
    if found.start is not None:
        return sent.start + found.start, sent.start + found.end
    lo, hi = sentences[0].start, sentences[-1].end
    found = locate(text[lo:hi], claim, hint=sent.start - lo)
    if found.start is None:
        return None
    a, b = lo + found.start, lo + found.end
    return (a, b) if _in_body(sentences, a) and _in_body(sentences, b - 1) else None


def _index(sentences: list[Numbered], at: int) -> int:
    """The sentence at or before offset `at` (the chunk's sentences are in order)."""
    return max(0, bisect.bisect_right(sentences, at, key=lambda s: s.start) - 1)


def _in_body(sentences: list[Numbered], at: int) -> bool:
    s = sentences[_index(sentences, at)]
    return s.start <= at < s.end


def _source(item: dict, label: str, doc: Document, sent: Numbered, n: int,
            problems: list[str]) -> tuple[str | None, str | None]:
    if label == "asserted":
        return None, None
    speaker, cue = item.get("speaker"), item.get("cue")
    speaker = " ".join(speaker.split()) if isinstance(speaker, str) and speaker.strip() else None
    cue = " ".join(cue.split()) if isinstance(cue, str) and cue.strip() else None
    if speaker is not None and not names_in(speaker, doc.text):
        problems.append(f"sentence {n}: speaker {speaker[:40]!r} is not named in the article (dropped)")
        speaker = None
    if cue is not None:
        if not cue_near(cue, doc.text, sent.start, sent.end):
            problems.append(f"sentence {n}: cue {cue[:30]!r} is not in or next to the sentence (dropped)")
            cue = None
    return speaker, cue
