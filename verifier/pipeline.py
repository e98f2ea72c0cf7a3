"""The pipeline: Document -> Extractor -> grounding -> Checker -> Report."""

from __future__ import annotations

import time
from pathlib import Path

from verifier import __version__
from verifier.attribution import Checker
from verifier.document import Document
from verifier.extractors.base import Extraction, Extractor
from verifier.grounding import locate
from verifier.schemas import (Claim, DraftClaim, Evidence, ExtractorOpinion, LeftOut, Report, SentenceRecord,
                              Verdict)


def reconcile(draft: DraftClaim, evidence: Evidence, verdict: Verdict | None) -> dict:
    """Final label, speaker, cue and status from both opinions.

    The checker is deterministic and independent of the model, so its label
    stands; a model that disagrees marks the claim for review. An ungrounded
    claim keeps the extractor's opinion, marked ungrounded.
    """
    if verdict is None:
        return dict(
            label=draft.label or "asserted", speaker=draft.speaker, cue=draft.cue,
            cue_span=None, quote=draft.quote, status="ungrounded",
        )
    if draft.label is None:
        status = "checked"
    else:
        status = "agreed" if draft.label == verdict.label else "disagreed"
    attributed = verdict.label == "attributed"
    speaker = verdict.speaker or draft.speaker
    from_rules = draft.label is None or draft.kind is not None  # the rule extractor's reading (hybrid keeps it)
    if from_rules and draft.speaker and draft.cue and draft.cue == verdict.cue:
        # the rule extractor read the same frame: its speaker is the source at its fullest
        # (an appositive name after a description, 'unnamed sources' for a bare hedge)
        speaker = draft.speaker
    if draft.ambiguous:
        status = "needs review"
    return dict(
        label=verdict.label,
        speaker=speaker if attributed else None,
        cue=(verdict.cue or draft.cue) if attributed else None,
        cue_span=verdict.cue_span if attributed else None,
        quote=verdict.quote if attributed else "none",
        status=status,
    )


class Verifier:
    """Reusable pipeline. `Verifier().check(text)` returns a Report.

    With no extractor given, the settings decide: a configured model (API key
    or base URL) means the LLM extractor, otherwise the rule extractor.
    """

    def __init__(self, extractor: Extractor | str | None = None, **settings):
        """`extractor`: an Extractor object, or "rules", "llm", "auto"/None
        (the settings decide). Other keyword arguments are model settings
        (model, base_url, api_key, mode, recordings_dir, ...)."""
        self._extractor = None if isinstance(extractor, str) or extractor is None else extractor
        self._choice = extractor if isinstance(extractor, str) else None
        self._settings = settings

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            from verifier.extractors.select import choose_extractor

            self._extractor = choose_extractor(self._choice, **self._settings)
        return self._extractor

    def check(self, text: str | Document, *, source: str | None = None) -> Report:
        t0 = time.perf_counter()
        doc = text if isinstance(text, Document) else Document.from_text(text, source=source)
        t1 = time.perf_counter()
        extraction = self.extractor.extract(doc)
        t2 = time.perf_counter()
        report = build_report(doc, extraction)
        t3 = time.perf_counter()
        report.timings.update(parse=round(t1 - t0, 4), extract=round(t2 - t1, 4), check=round(t3 - t2, 4),
                              total=round(t3 - t0, 4))
        return report

    def check_path(self, path: str | Path) -> Report:
        return self.check(Document.from_path(path))


def build_report(doc: Document, extraction: Extraction) -> Report:
    """Ground and check every draft claim of an extraction."""
    checker = Checker(doc)
    claims: list[Claim] = []
    seen: set[tuple] = set()
    for draft in extraction.drafts:
        evidence = locate(doc.text, draft.evidence, hint=draft.start)
        key = (evidence.start, evidence.end, draft.text.strip().lower()) if evidence.grounded else (draft.evidence, draft.text)
        if key in seen:
            continue
        seen.add(key)
        verdict = checker.check(evidence.start, evidence.end) if evidence.grounded else None
        fields = reconcile(draft, evidence, verdict)
        claims.append(Claim(
            id=f"c{len(claims) + 1}", text=draft.text, evidence=evidence,
            extractor=ExtractorOpinion(label=draft.label, speaker=draft.speaker, cue=draft.cue, quote=draft.quote),
            checker=verdict, ambiguous=draft.ambiguous,
            labels=["attributed", "asserted"] if draft.ambiguous else [fields["label"]], **fields,
        ))
    claims.sort(key=lambda c: (c.evidence.start if c.evidence.start is not None else 1 << 60))
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    return Report(
        verifier_version=__version__, document=doc.info(), claims=claims, sentences=sentence_records(doc, extraction, claims),
        extractor=extraction.extractor, model=extraction.model, prompt_version=extraction.prompt_version,
        usage=extraction.usage, warnings=list(extraction.warnings) + _text_warnings(doc),
    )


def sentence_records(doc: Document, extraction: Extraction, claims: list[Claim]) -> list[SentenceRecord]:
    """Every sentence with the claims whose evidence starts in it, or why it has none: the
    extractor's recorded reason, else a heading, else 'no claim proposed'."""
    notes = {n.index: n for n in (extraction.sentences or [])}
    by_sentence: dict[int, list[str]] = {}
    for c in claims:
        if c.evidence.start is not None and doc.sentences:
            by_sentence.setdefault(doc.sentence_index(c.evidence.start), []).append(c.id)
    out = []
    for si, s in enumerate(doc.sentences):
        ids = by_sentence.get(si, [])
        note = notes.get(si)
        left = [LeftOut(start=a, end=b, text=doc.text[a:b], reason=r) for a, b, r in (note.left_out if note else [])]
        reason = None
        if not ids:
            if note is not None and note.reason:
                reason = note.reason
            elif doc.blocks and doc.blocks[s.block].kind == "heading":
                reason = "a heading: not scored, no claim"
            else:
                reason = "the extractor proposed no claim here"
        out.append(SentenceRecord(index=si, start=s.start, end=s.end, claims=ids, reason=reason, left_out=left))
    return out


def _text_warnings(doc: Document) -> list[str]:
    from verifier.attribution.normalize import hidden_characters

    hidden = hidden_characters(doc.text)
    return [hidden] if hidden else []
