"""RuleExtractor: claims from the attribution engine's analysis, no model.

Every sentence of the body is cut into propositions by verifier/extractors/
segment.py from the checker's frames (`Checker(document).frames()`): the
reported content without its frame (source, cue, the speech event's time,
place and audience), mixed sentences split into the source's content and the
reporter's gloss, coordinated reports and clauses split, appositions and
relative glosses that assert something new kept as claims of their own. A
sentence that yields no claim gets a recorded reason (`Extraction.sentences`).

Claim text stands alone (standalone.py): pronouns and descriptions such as
"the country" or "the Russian leader" are replaced by their referents.

The rule extractor has no opinion on labels (the checker decides), so its
drafts carry label=None; a participial gloss right after a report's content
is marked ambiguous (both labels acceptable, queued for review).
"""

from __future__ import annotations

from verifier.attribution import Checker
from verifier.document import Document
from verifier.extractors.base import Extraction, SentenceNote
from verifier.extractors.segment import plan_sentence
from verifier.extractors.standalone import Referents
from verifier.schemas import DraftClaim

UNNAMED = "unnamed sources"  # the speaker of a hedge ("reportedly") that names no source


class RuleExtractor:
    name = "rules"

    def extract(self, document: Document) -> Extraction:
        text = document.text
        frames = Checker(document).frames()
        by_sentence: dict[int, list] = {}
        meets: dict[int, list] = {}
        for f in frames:
            by_sentence.setdefault(f.sentence, []).append(f)
            seen = set()
            for a, b in f.content:
                if a >= b:
                    continue
                for s in document.sentences_overlapping(a, b):
                    si = document.sentence_index(s.start)
                    if si not in seen:
                        seen.add(si)
                        meets.setdefault(si, []).append(f)
        refs = Referents(document, frames)
        drafts: list[DraftClaim] = []
        notes: list[SentenceNote] = []
        for si, sent in enumerate(document.sentences):
            if document.blocks[sent.block].kind == "heading":
                notes.append(SentenceNote(si, sent.start, sent.end, "a heading: not scored, no claim"))
                continue
            if not text[sent.start:sent.end].strip():
                continue
            plan = plan_sentence(text, sent.start, sent.end, meets.get(si, []), by_sentence.get(si, []))
            for p in plan.pieces:
                f = p.frame
                ev = text[p.start:p.end]
                speaker = None
                if f is not None:
                    speaker = refs.speaker(f) or (UNNAMED if f.kind == "hedge" else None)
                if p.kind == "name tag":
                    claim_text = refs.name_tag(p.start, p.end, p.about)
                else:
                    claim_text = refs.standalone(p.start, p.end, f, subject=p.about)
                drafts.append(DraftClaim(
                    text=claim_text, evidence=ev, start=p.start,
                    speaker=speaker, cue=f.cue_text if f is not None else None, ambiguous=p.ambiguous,
                    kind=p.kind))
            notes.append(SentenceNote(si, sent.start, sent.end, plan.reason,
                                      [(lo.start, lo.end, lo.reason) for lo in plan.left_out]))
        return Extraction(drafts=drafts, extractor=self.name, sentences=notes)


def sentence_claim_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Claim evidence spans (absolute offsets) of one sentence of `text`."""
    doc = Document.from_text(text)
    spans = []
    for d in RuleExtractor().extract(doc).drafts:
        if d.start is not None and start <= d.start < end:
            spans.append((d.start, d.start + len(d.evidence)))
    return spans
