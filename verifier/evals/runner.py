"""Run the pipeline over the fixtures, one row (extractor/model) at a time,
and assemble the scores. Replay is the default for model rows, so a run
costs nothing and re-scoring needs no model call."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from verifier.errors import ConfigError, MalformedInput, MissingRecording, VerifierError
from verifier.evals.bootstrap import bootstrap_ci
from verifier.evals.config import Row
from verifier.evals.metrics import (
    SOURCES, FixtureScore, PhenomenonRow, clean, compute, confusion, per_phenomenon, score_fixture, sum_counts,
)
from verifier.evals.records import FixturePredictions, predictions_from_report
from verifier.fixtures import Fixture, fixture_paths, load_fixture, problems

FIXTURE_SETS = ("scored", "dev", "all")


def load_fixtures(root: Path, which: str = "scored") -> list[Fixture]:
    """The scored set (root/*.json), the dev set (root/dev/*.json) or both,
    each validated; a fixture with a problem stops the run (scores of a
    broken fixture mean nothing)."""
    if which not in FIXTURE_SETS:
        raise ConfigError(f"unknown fixture set '{which}' (use {', '.join(FIXTURE_SETS)})")
    root = Path(root)
    if root.is_file():
        paths = [root]
    elif root.is_dir():
        paths = []
        if which in ("scored", "all"):
            paths += fixture_paths(root)
        if which in ("dev", "all"):
            paths += fixture_paths(root / "dev") if (root / "dev").is_dir() else []
    else:
        from verifier.errors import InputNotFound

        raise InputNotFound(f"{root}: no such fixtures directory")
    if not paths:
        raise ConfigError(f"{root}: no {which} fixtures (*.json) found")
    out: list[Fixture] = []
    seen: dict[str, Path] = {}
    for p in paths:
        fx = load_fixture(p)
        errs = problems(fx)
        if errs:
            more = f" (and {len(errs) - 1} more; run verifier validate-fixtures {p})" if len(errs) > 1 else ""
            raise MalformedInput(f"{p}: {errs[0]}{more}")
        if fx.id in seen:
            raise MalformedInput(f"{p}: fixture id '{fx.id}' is also used by {seen[fx.id]}")
        seen[fx.id] = p
        out.append(fx)
    return out


def make_verifier(row: Row, mode: str = "replay", base_url: str | None = None):
    """A Verifier for the row: the rule extractor, or the LLM extractor in
    `mode` (replay by default) reading/writing the row's recordings."""
    from verifier.pipeline import Verifier

    if not row.uses_model:
        return Verifier(extractor="rules")
    settings = dict(row.settings)
    settings.update(model=row.model, mode=mode)
    if row.recordings is not None:
        settings["recordings_dir"] = Path(row.recordings)
    if base_url:
        settings["base_url"] = base_url
    return Verifier(extractor=row.extractor, **settings)


def rerecord_command(row: Row) -> str:
    """The one command that re-records every fixture for this row."""
    if row.adhoc:
        rec = f" --recordings {row.recordings}" if row.recordings else ""
        which = f"--model {row.model}{rec}"
    else:
        which = f"--row {row.name}"
    return f"verifier eval --record --set all {which} --base-url http://127.0.0.1:8080/v1"


def predict(row: Row, fixtures: list[Fixture], mode: str = "replay", base_url: str | None = None,
            progress: Callable[[int, int, str, float, str], None] | None = None) -> list[FixturePredictions]:
    """Predictions of one row for every fixture. Missing recordings are
    collected over all fixtures and raised as one MissingRecording."""
    from verifier.document import Document

    if row.uses_model and mode == "replay" and (row.recordings is None or not Path(row.recordings).is_dir()):
        raise MissingRecording(f"row '{row.name}': no recordings directory {row.recordings}; "
                               f"record with: {rerecord_command(row)}")
    try:
        verifier = make_verifier(row, mode, base_url)
        extractor = verifier.extractor  # resolve now: a bad setting fails before any fixture
    except ModuleNotFoundError as exc:
        raise ConfigError(f"row '{row.name}': the LLM extractor is not available ({exc})") from None
    del extractor
    out: list[FixturePredictions] = []
    missing: list[tuple[str, str]] = []
    for i, fx in enumerate(fixtures, 1):
        t0 = time.perf_counter()
        try:
            report = verifier.check(Document(text=fx.text, source=fx.id))
        except MissingRecording as exc:
            # keep what differs, drop the per-article re-record hint: ours covers every fixture
            why = " ".join(str(exc).split()).split("; to re-record:")[0]
            missing.append((fx.id, why[:400]))
            if progress:
                progress(i, len(fixtures), fx.id, time.perf_counter() - t0, "not recorded")
            continue
        if progress:
            progress(i, len(fixtures), fx.id, time.perf_counter() - t0,
                     f"{len(report.claims)} claims, {report.usage.requests} requests")
        out.append(FixturePredictions(
            fixture_id=fx.id, predictions=predictions_from_report(report),
            seconds=time.perf_counter() - t0, usage=report.usage.model_dump(), warnings=list(report.warnings)))
    if missing:
        ids = ", ".join(m[0] for m in missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise MissingRecording(
            f"row '{row.name}': no recorded model response for {len(missing)} of {len(fixtures)} fixtures "
            f"({ids}) in {row.recordings}; re-record with: {rerecord_command(row)}  [first miss: {missing[0][1]}]")
    return out


@dataclass
class RowResult:
    """Everything scored for one row."""

    row: Row
    fixtures: list[Fixture]
    scores: list[FixtureScore]
    counts: dict[str, int]
    metrics: dict[str, float | None]
    ci: dict[str, tuple[float, float] | None]
    confusion: dict[str, dict[str, dict[str, int]]]
    phenomena: list[PhenomenonRow]
    per_fixture: list[dict]
    seconds: float = 0.0
    usage: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.row.name

    def claims(self):
        for s in self.scores:
            yield from s.claims


def score(row: Row, fixtures: list[Fixture], preds: list[FixturePredictions], min_overlap: float = 0.3,
          resamples: int = 1000, seed: int = 0) -> RowResult:
    """Score a row's predictions (no model call: re-scoring is free)."""
    by_id = {p.fixture_id: p for p in preds}
    scores: list[FixtureScore] = []
    per_fixture: list[dict] = []
    usage: dict[str, float] = {}
    for fx in fixtures:
        fp = by_id.get(fx.id)
        if fp is None:
            raise VerifierError(f"row '{row.name}': no predictions for fixture '{fx.id}'")
        s = score_fixture(fx, fp.predictions, min_overlap)
        scores.append(s)
        m = clean(compute(s.counts))
        per_fixture.append({"fixture": fx.id, "seconds": round(fp.seconds, 4), "counts": s.counts, "metrics": m})
        for k, v in fp.usage.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                usage[k] = usage.get(k, 0) + v
    counts = sum_counts(scores)
    metrics = clean(compute(counts))
    ci = bootstrap_ci([s.counts for s in scores], n=resamples, seed=seed)
    claims = [c for s in scores for c in s.claims]
    return RowResult(
        row=row, fixtures=fixtures, scores=scores, counts=counts, metrics=metrics, ci=ci,
        confusion={src: confusion(counts, src) for src in SOURCES}, phenomena=per_phenomenon(claims),
        per_fixture=per_fixture, seconds=round(sum(p.seconds for p in preds), 4), usage=usage,
    )
