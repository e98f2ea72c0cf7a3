"""The data that flows through verifier: spans, opinions, claims and reports.

Every model here is pydantic v2 and round-trips through JSON losslessly
(`Report.model_validate_json(report.model_dump_json()) == report`).
Offsets are character offsets into `Report.document.text`, the text as the
tool normalizes it (BOM removed, CRLF turned into LF, HTML reduced to text).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2"  # 2: Report.verification (verifier verify)
VERIFICATION_VERSION = "2"  # 2: ClaimCheck.review (a verdict settled in verifier review --verdicts)

Label = Literal["attributed", "asserted"]
LABELS: tuple[Label, ...] = ("attributed", "asserted")
QuoteKind = Literal["direct", "indirect", "none"]
MatchKind = Literal["exact", "normalized", "fuzzy", "none"]
Status = Literal["agreed", "disagreed", "ungrounded", "checked", "reviewed", "needs review"]
"""agreed: extractor and checker give the same label; disagreed: they differ
(marked for review); ungrounded: the evidence was not found in the text;
checked: the extractor gave no label of its own (rule extractor), the
checker's stands; reviewed: a person decided; needs review: the claim is
ambiguous (grammar allows both labels, e.g. a participle after a report), the
checker's label stands until a person decides."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the document: text[start:end] == text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Evidence(_Model):
    """The verbatim stretch of the article that states a claim.

    `text` is what the extractor quoted; `start`/`end` locate it in the
    document (None when it could not be found), `match` says how.
    """

    text: str
    start: int | None = None
    end: int | None = None
    match: MatchKind = "none"

    @property
    def grounded(self) -> bool:
        return self.start is not None and self.end is not None


class Verdict(_Model):
    """The checker's opinion on one span (also the public result of
    `verifier.attribute`)."""

    label: Label
    speaker: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    quote: QuoteKind = "none"
    reasons: list[str] = Field(default_factory=list)


class ExtractorOpinion(_Model):
    """What the extractor proposed for a claim. `label` is None when the
    extractor has no opinion of its own (the rule extractor)."""

    label: Label | None = None
    speaker: str | None = None
    cue: str | None = None
    quote: QuoteKind = "none"


class ReviewDecision(_Model):
    """A person's decision on a claim in a review session."""

    action: str
    reviewer: str | None = None
    at: str | None = None
    note: str | None = None
    acceptable_labels: list[Label] = Field(default_factory=list)


class Claim(_Model):
    id: str
    text: str = Field(description="The claim written to stand alone.")
    evidence: Evidence
    label: Label = Field(description="The final label.")
    speaker: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    quote: QuoteKind = "none"
    extractor: ExtractorOpinion
    checker: Verdict | None = None
    status: Status
    ambiguous: bool = False
    labels: list[Label] = Field(default_factory=list, description="The acceptable labels: both when ambiguous.")
    review: ReviewDecision | None = None


class Block(_Model):
    """A paragraph or heading of the document."""

    kind: Literal["paragraph", "heading"]
    start: int
    end: int


class DocumentInfo(_Model):
    hash: str = Field(description="sha256 of the normalized text.")
    title: str | None = None
    source: str | None = Field(default=None, description="Path, '-' for stdin, or an id.")
    format: Literal["text", "markdown", "html"] = "text"
    text: str
    blocks: list[Block] = Field(default_factory=list)


class Usage(_Model):
    """Model usage over every attempt, re-asks and failures included."""

    requests: int = 0
    failed_requests: int = 0
    retries: int = 0
    reasks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cost: float | None = None

    def add(self, other: "Usage") -> "Usage":
        cost = None if self.cost is None and other.cost is None else (self.cost or 0.0) + (other.cost or 0.0)
        return Usage(
            requests=self.requests + other.requests,
            failed_requests=self.failed_requests + other.failed_requests,
            retries=self.retries + other.retries,
            reasks=self.reasks + other.reasks,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
            cost=cost,
        )


VerifyVerdict = Literal["verbatim", "altered", "supported", "mismatch", "not_found", "wrong_speaker"]
VERIFY_VERDICTS: tuple[str, ...] = ("verbatim", "altered", "supported", "mismatch", "not_found", "wrong_speaker")
DifferenceKind = Literal["changed", "dropped", "added", "ellipsis", "stitched", "number", "unit", "date", "entity",
                         "negation", "hedge", "speaker"]


class SourceInfo(_Model):
    """One source document of a verification."""

    index: int
    name: str = Field(description="Path or id of the source.")
    speaker: str | None = Field(default=None, description="The speaker it is tied to (--source 'NAME=PATH').")
    hash: str
    chars: int
    passages: int
    turns: int = Field(default=0, description="Speaker turns found (transcript labels).")


class SourcePassage(_Model):
    """A stretch of a source: sources[source].text[start:end] == text."""

    source: int
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    speaker: str | None = Field(default=None, description="The turn's speaker label, or the source's speaker.")
    score: float | None = Field(default=None, description="Retrieval score (0 to 1), when retrieved.")


class Difference(_Model):
    """One named difference between the claim and its passage."""

    kind: DifferenceKind
    claim: str | None = Field(default=None, description="The claim's words.")
    source: str | None = Field(default=None, description="The source's words.")


class JudgeOpinion(_Model):
    """The model judge's answer (optional; never overrides a deterministic mismatch)."""

    verdict: Literal["supported", "mismatch", "not_found"]
    citation: str | None = Field(default=None, description="Verbatim from the cited passage.")
    passage: SourcePassage | None = None
    reason: str
    applied: bool = Field(description="Whether the final verdict follows it.")


class VerdictReview(_Model):
    """A person's decision on a verdict (verifier review --verdicts): the
    check's `verdict` is then the settled one, `tool_verdict` what verify said."""

    action: Literal["confirm", "override"]
    tool_verdict: VerifyVerdict
    reviewer: str | None = None
    at: str | None = None
    note: str | None = None


class ClaimCheck(_Model):
    """The verification of one attributed claim against the sources."""

    claim_id: str
    kind: Literal["direct", "indirect"]
    speaker: str | None = None
    compared: str = Field(description="The words compared: the quotation, or the claim's evidence.")
    verdict: VerifyVerdict
    method: Literal["deterministic", "judge"] = "deterministic"
    reasons: list[str] = Field(default_factory=list)
    passage: SourcePassage | None = Field(default=None, description="The passage the verdict rests on.")
    also: list[SourcePassage] = Field(default_factory=list, description="Further passages (a stitched quotation).")
    differences: list[Difference] = Field(default_factory=list)
    candidates: list[SourcePassage] = Field(default_factory=list, description="The best retrieved passages.")
    judge: JudgeOpinion | None = None
    review: VerdictReview | None = Field(default=None, description="A person's decision, when reviewed.")


class AssertedNote(_Model):
    """An asserted claim: the outlet's own, to be sourced independently."""

    claim_id: str
    note: str = "needs independent sourcing"
    leans_on: list[str] = Field(default_factory=list, description="Attributed claims whose figure or words it builds on.")
    reasons: list[str] = Field(default_factory=list)


class Verification(_Model):
    version: str = VERIFICATION_VERSION
    sources: list[SourceInfo]
    checks: list[ClaimCheck]
    asserted: list[AssertedNote] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    judge_model: str | None = None
    usage: Usage = Field(default_factory=Usage)
    seconds: float = 0.0


class LeftOut(_Model):
    """Words of a sentence that are no claim, and why (a source's name tag, the
    speech event's time or place, a reported question)."""

    start: int
    end: int
    text: str
    reason: str


class SentenceRecord(_Model):
    """One sentence of the document: its claims, or why it has none."""

    index: int
    start: int
    end: int
    claims: list[str] = Field(default_factory=list, description="Ids of the claims whose evidence starts here.")
    reason: str | None = Field(default=None, description="Why the sentence yields no claim (None when it yields some).")
    left_out: list[LeftOut] = Field(default_factory=list)


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    verifier_version: str
    document: DocumentInfo
    claims: list[Claim]
    extractor: str = Field(description="'rules' or 'llm'.")
    model: str | None = None
    prompt_version: str | None = None
    usage: Usage = Field(default_factory=Usage)
    timings: dict[str, float] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    verification: Verification | None = Field(default=None, description="Verdicts against sources (verifier verify).")
    sentences: list[SentenceRecord] = Field(default_factory=list, description="Every sentence: its claims or why none.")

    def counts(self) -> dict[str, int]:
        out = {"claims": len(self.claims), "attributed": 0, "asserted": 0}
        for c in self.claims:
            out[c.label] += 1
            out[c.status] = out.get(c.status, 0) + 1
        return out


class DraftClaim(_Model):
    """A claim as an extractor proposes it, before grounding and checking."""

    text: str
    evidence: str
    label: Label | None = None
    speaker: str | None = None
    cue: str | None = None
    quote: QuoteKind = "none"
    start: int | None = Field(default=None, description="Offset hint when the extractor knows it.")
    ambiguous: bool = Field(default=False, description="Grammar allows both labels (a gloss after a report).")
    kind: str | None = Field(default=None, description="The rule extractor's piece kind: clause, gloss, relative, ...")
