"""Outputs of a session: an eval fixture (the reviewer's decisions are the
gold labels; headings are don't-care regions; gold ids are the session's
claim ids, so a validator message names the claim the reviewer saw) and
the corrected Report (reviewed claims with status "reviewed" and their
ReviewDecision)."""

from __future__ import annotations

import re

from verifier.errors import VerifierError
from verifier.fixtures import DontCare, Fixture, GoldClaim, problems
from verifier.review.items import Item, missing, outcome
from verifier.review.state import ReviewState
from verifier.schemas import Claim, Evidence, ExtractorOpinion, Report, ReviewDecision, Span


class ExportError(VerifierError):
    """The session cannot be exported as asked (yet)."""


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s or "article"


def to_fixture(state: ReviewState, *, fixture_id: str, source: str = "", licence: str = "",
               name: str = "") -> Fixture:
    where = name or fixture_id
    left = state.undecided()
    if left:
        shown = ", ".join(left[:6]) + (" ..." if len(left) > 6 else "")
        raise ExportError(f"{where}: fixture not written: {len(left)} of {len(state.queue)} claims not reviewed "
                          f"yet ({shown}); run the review again to finish them")
    doc = state.report.document
    headings = [(b.start, b.end) for b in doc.blocks if b.kind == "heading"]
    # Claims inside a heading are left out: headings are don't-care regions.
    kept = [it for it in state.items.values() if it.decided and not it.rejected
            and not (it.grounded and any(a <= it.start and it.end <= b for a, b in headings))]
    for it in kept:
        need = missing(it)
        if need:
            raise ExportError(f"{where}: fixture not written: claim {it.id} lacks {', '.join(need)}")
        if it.label == "attributed" and not it.ambiguous and not (it.speaker or "").strip():
            # the review accepts an unnamed source; the fixture format (validate-fixtures) needs a name
            raise ExportError(f"{where}: fixture not written: claim {it.id} is attributed to an unnamed source "
                              "and a fixture needs a speaker: give one (s in the session, or "
                              f"'{it.id} speaker NAME' in a decisions file)")
    kept.sort(key=lambda it: (it.start, it.end, it.id))
    text = state.report.document.text
    gold = [
        GoldClaim(
            id=it.id, text=it.text, evidence=Span(start=it.start, end=it.end, text=text[it.start:it.end]),
            label=it.label, speaker=it.speaker if it.label == "attributed" or it.ambiguous else None,
            cue=it.cue if it.label == "attributed" or it.ambiguous else None, ambiguous=it.ambiguous,
            acceptable_labels=it.acceptable_labels, note=_note(it),
        )
        for it in kept
    ]
    dont_care = [DontCare(start=a, end=b, kind="heading") for a, b in headings]
    fx = Fixture(id=fixture_id, title=state.report.document.title, source=source, licence=licence, text=text,
                 dont_care=dont_care, claims=gold)
    errs = problems(fx)
    if errs:
        raise ExportError(f"{where}: fixture not written: {errs[0]}")
    return fx


def _note(it: Item) -> str | None:
    parts = (["added in review"] if it.added else []) + ([it.note] if it.note else [])
    return "; ".join(parts) or None


def to_report(state: ReviewState) -> Report:
    report = state.report.model_copy(deep=True)
    out: list[Claim] = []
    rejected: list[str] = []
    for cid, it in state.items.items():
        if it.rejected:
            rejected.append(cid)
            continue
        base = state.claims.get(cid)
        out.append(_claim(it, base))
    out.sort(key=lambda c: (c.evidence.start if c.evidence.start is not None else 1 << 60, c.id))
    report.claims = out
    if rejected:
        report.warnings.append(f"review: {len(rejected)} claim(s) rejected by the reviewer (not claims): "
                               + ", ".join(rejected))
    left = state.undecided()
    if left:
        report.warnings.append(f"review: {len(left)} claim(s) not reviewed yet: " + ", ".join(left))
    return report


def _claim(it: Item, base: Claim | None) -> Claim:
    review = None
    if it.decided:
        review = ReviewDecision(action=outcome(it, base) or "", reviewer=it.reviewer, at=it.at, note=it.note,
                                acceptable_labels=list(it.acceptable_labels))
    same_span = base is not None and (base.evidence.start, base.evidence.end) == (it.start, it.end)
    evidence = base.evidence if same_span else Evidence(
        text=it.evidence, start=it.start, end=it.end, match="exact" if it.grounded else "none")
    verdict = it.checker or (base.checker if base else None)
    attributed = it.label == "attributed" or it.ambiguous
    cue_span = None
    if attributed and it.cue:
        for cand in ((base.cue_span if base else None), verdict.cue_span if verdict else None):
            if cand is not None and cand.text == it.cue:
                cue_span = cand
                break
    quote = (verdict.quote if verdict else "none") if attributed else "none"
    fields = dict(
        text=it.text, evidence=evidence, label=it.label, speaker=it.speaker if attributed else None,
        cue=it.cue if attributed else None, cue_span=cue_span, ambiguous=it.ambiguous,
    )
    if base is None:
        return Claim(id=it.id, extractor=ExtractorOpinion(), checker=verdict, quote=quote, status="reviewed",
                     review=review, **fields)
    update = dict(fields, checker=verdict)
    if it.decided:
        update.update(status="reviewed", review=review, quote=quote)
    return base.model_copy(update=update)
