"""`verifier eval --verify`: score the deterministic verdicts against the
hand-labelled verification fixtures (evals/verify/fixtures/, built by
evals/verify/build.py). Claims are stored explicitly (evidence offsets,
quotation, speaker), so the scores do not depend on the extractor.

Metrics: verdict accuracy; per-verdict precision, recall and F1; macro-F1
over the verdicts present in gold or prediction; retrieval recall@1 and @3
(a gold passage overlaps one of the first k retrieved passages; claims
whose gold verdict is not_found have no gold passage and are not counted).
A baseline file holds the metrics; --compare exits 10 when one drops by
more than TOLERANCE. Offline and deterministic."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import ConfigError, MalformedInput
from verifier.schemas import VERIFY_VERDICTS, Usage
from verifier.verify.compare import TOP_K, build_context, claim_input, verify_claim
from verifier.verify.sources import load_sources
from verifier.verify.text import ELLIPSIS

DEFAULT_FIXTURES = Path("evals/verify/fixtures")
DEFAULT_BASELINE = Path("evals/verify/baseline.json")
TOLERANCE = 0.005
SCORED = ("accuracy", "macro_f1", "recall_at_1", "recall_at_3")


@dataclass
class Outcome:
    fixture: str
    claim: str
    gold: str
    predicted: str
    rank: int | None  # 1-based rank of the first retrieved passage on gold; None: not retrieved / no gold
    reason: str
    judged: bool = False  # the model judge was asked (with --model)
    judge_applied: bool = False  # and its verdict is the prediction


@dataclass
class Scores:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    judge_model: str | None = None
    usage: Usage = field(default_factory=Usage)

    def metrics(self) -> dict:
        o = self.outcomes
        per = {}
        for v in VERIFY_VERDICTS:
            tp = sum(1 for x in o if x.gold == v and x.predicted == v)
            npred, ngold = sum(1 for x in o if x.predicted == v), sum(1 for x in o if x.gold == v)
            if not npred and not ngold:
                continue
            p, r = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
            per[v] = {"gold": ngold, "predicted": npred, "precision": round(p, 4), "recall": round(r, 4),
                      "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}
        ret = [x for x in o if x.gold != "not_found"]
        at = lambda k: round(sum(1 for x in ret if x.rank and x.rank <= k) / len(ret), 4) if ret else 0.0  # noqa
        return {"claims": len(o), "fixtures": len({x.fixture for x in o}),
                "accuracy": round(sum(1 for x in o if x.gold == x.predicted) / len(o), 4) if o else 0.0,
                "macro_f1": round(sum(v["f1"] for v in per.values()) / len(per), 4) if per else 0.0,
                "recall_at_1": at(1), "recall_at_3": at(3), "per_verdict": per,
                **({"judged": sum(1 for x in o if x.judged), "judge_applied": sum(1 for x in o if x.judge_applied)}
                   if self.judge_model else {})}


def load_fixture(path: Path) -> dict:
    try:
        fx = json.loads(path.read_text(encoding="utf-8"))
        fx["claims"], fx["sources"], fx["article"]  # noqa: B018 - required keys
    except (ValueError, KeyError, TypeError) as exc:
        raise MalformedInput(f"{path}: not a verification fixture ({exc})") from None
    return fx


def score_fixture(path: Path, scores: Scores, judge: dict | None = None) -> None:
    fx = load_fixture(path)
    base = path.parent.parent
    srcs = load_sources([(s.get("speaker"), str(base / s["path"])) for s in fx["sources"]])
    ctx = build_context(srcs)
    checks, ranks = [], []
    for c in fx["claims"]:
        if fx["article"][c["start"]:c["end"]] != c["evidence"]:
            raise MalformedInput(f"{path}: claim {c['id']}: evidence is not at {c['start']}-{c['end']}")
        ci = claim_input(c["id"], c["evidence"], c["speaker"], c["kind"])
        checks.append(verify_claim(ctx, ci))
        hits = ctx.index.search(ELLIPSIS.sub(" ", ci.compared), ctx.allowed(ci.speaker), k=TOP_K)
        rank = None
        for i, h in enumerate(hits, 1):
            p = ctx.passages[h.passage]
            if any(g["source"] == p.source and g["start"] < p.end and p.start < g["end"] for g in c["gold_passages"]):
                rank = i
                break
        ranks.append(rank)
    if judge is not None:
        checks = _judged(checks, fx["article"], srcs, judge, scores)
    for c, check, rank in zip(fx["claims"], checks, ranks):
        scores.outcomes.append(Outcome(fx["id"], c["id"], c["verdict"], check.verdict, rank,
                                       check.reasons[-1 if check.method == "judge" else 0] if check.reasons else "",
                                       judged=check.judge is not None, judge_applied=check.method == "judge"))


def _judged(checks: list, article: str, srcs: list, settings: dict, scores: Scores) -> list:
    """The checks after the model judge (recorded and replayed like
    extraction, one recording file per fixture: its article and sources)."""
    from verifier.document import content_hash
    from verifier.verify.judge import Judge
    from verifier.verify.run import judge_key

    j = Judge(**settings)
    out, usage = j.apply(checks, judge_key(content_hash(article), srcs), {s.index: s.document.text for s in srcs})
    scores.judge_model = j.settings.model
    scores.usage = scores.usage.add(usage)
    return out


def run(fixtures: Path = DEFAULT_FIXTURES, judge: dict | None = None) -> Scores:
    """Score every fixture; `judge`: model settings for the optional model
    judge (model=, base_url=, mode=, recordings=); None: deterministic."""
    t0 = time.perf_counter()
    files = sorted(fixtures.glob("*.json")) if fixtures.is_dir() else [fixtures]
    if not files or not fixtures.exists():
        raise ConfigError(f"{fixtures}: no verification fixtures (*.json)")
    scores = Scores()
    for f in files:
        score_fixture(f, scores, judge)
    scores.seconds = round(time.perf_counter() - t0, 3)
    return scores


def compare(metrics: dict, baseline: dict) -> list[str]:
    """One line per metric that dropped by more than TOLERANCE."""
    return [f"{k}: {baseline[k]:.4f} -> {metrics[k]:.4f}" for k in SCORED
            if k in baseline and metrics[k] < baseline[k] - TOLERANCE]
