"""Writers of eval results: rich tables (terminal), JSON, JUnit XML, Markdown.

They read runner.RowResult and baseline.Comparison and compute nothing new."""

from __future__ import annotations

from dataclasses import dataclass

SUMMARY: tuple[tuple[str, str], ...] = (
    ("extraction.precision", "extraction precision"),
    ("extraction.recall", "extraction recall"),
    ("extraction.f1", "extraction F1"),
    ("label.final.accuracy", "final label accuracy"),
    ("label.final.macro_f1", "final label macro-F1"),
    ("label.final.attributed.f1", "final F1 attributed"),
    ("label.final.asserted.f1", "final F1 asserted"),
    ("label.checker.accuracy", "checker label accuracy"),
    ("label.checker.macro_f1", "checker label macro-F1"),
    ("label.extractor.accuracy", "extractor label accuracy"),
    ("label.extractor.macro_f1", "extractor label macro-F1"),
    ("speaker.accuracy", "speaker accuracy"),
    ("grounding.rate", "grounding rate"),
)
"""The metrics shown in tables, with their display names."""

COUNTS: tuple[tuple[str, str], ...] = (
    ("gold", "gold claims"),
    ("pred", "predicted claims"),
    ("matched", "matched"),
    ("ignored", "ignored (don't care)"),
    ("ambiguous_gold", "ambiguous gold"),
    ("ambiguous_matched", "ambiguous matched"),
    ("speaker_n", "speakers scored"),
)


@dataclass
class RunInfo:
    """What a run was: shown in headers and stored in the JSON."""

    fixture_set: str
    n_fixtures: int
    mode: str
    min_overlap: float
    resamples: int
    seed: int
    seconds: float = 0.0
    exit_code: int = 0


def fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


def fmt_delta(d: float | None) -> str:
    return "—" if d is None else f"{d:+.3f}"
