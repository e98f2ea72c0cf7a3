"""Plain records passed between the eval modules (no logic beyond shape)."""

from __future__ import annotations

from dataclasses import dataclass, field

from verifier.schemas import Report


@dataclass(frozen=True)
class Prediction:
    """One predicted claim, reduced to what scoring needs.

    `start`/`end` are offsets into the fixture text (None: ungrounded).
    Labels: `extractor` is the extractor's own label (None for the rule
    extractor), `checker` the checker's, `final` the pipeline's final label.
    """

    id: str
    start: int | None
    end: int | None
    evidence: str
    final: str
    extractor: str | None = None
    checker: str | None = None
    speaker: str | None = None
    status: str = "checked"
    text: str = ""

    @property
    def grounded(self) -> bool:
        return self.start is not None and self.end is not None and self.end > self.start


def predictions_from_report(report: Report) -> list[Prediction]:
    out = []
    for c in report.claims:
        ev = c.evidence
        out.append(Prediction(
            id=c.id, start=ev.start, end=ev.end, evidence=ev.text, final=c.label,
            extractor=c.extractor.label, checker=c.checker.label if c.checker else None,
            speaker=c.speaker, status=c.status, text=c.text,
        ))
    return out


@dataclass
class FixturePredictions:
    """What one row predicted for one fixture."""

    fixture_id: str
    predictions: list[Prediction]
    seconds: float = 0.0
    usage: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
