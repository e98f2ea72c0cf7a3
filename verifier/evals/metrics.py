"""Scoring: counts per fixture, metrics from counts, per-claim results.

Everything is computed from integer counts that add up across fixtures, so
the overall figures are micro-averages over all claims and the bootstrap
(verifier.evals.bootstrap) only re-sums fixture counts.

Definitions (documented in evals/README.md):

- Predictions whose evidence lies entirely inside a don't-care region
  (headings) are ignored: neither right nor wrong.
- Extraction: a matched pair (verifier.evals.align) is a true positive;
  precision = matched / predictions, recall = matched / gold claims.
  Ungrounded predictions cannot match, so they count against precision.
- Labels, on matched pairs only, for three sources separately: the
  extractor's own label (none for the rule extractor: metrics are None),
  the checker's and the final label. A label is correct when the gold
  claim accepts it (an ambiguous gold claim accepts both). For per-label
  F1 and the confusion matrix, an ambiguous claim's gold label is taken to
  be the predicted one when that is acceptable, else its primary label.
- Speaker accuracy: over matched pairs where the gold claim names a speaker
  and both gold and final label say attributed. Names are compared after
  normalization (case, accents, punctuation, possessive 's, a leading
  "the", honorifics and titles dropped); a surname match counts: the
  shorter name's words occur, in order and together, in the longer one,
  and are either two or more words or its last word ("Putin" = "Vladimir
  Putin" = "President Vladimir Putin"; "the retail workers' union" = "the
  retail workers' union, Unity"; but "Vladimir" != "Vladimir Putin").
- Grounding rate: grounded predictions / predictions.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from verifier.evals.align import MIN_OVERLAP, align
from verifier.evals.records import Prediction
from verifier.fixtures import Fixture
from verifier.schemas import LABELS

SOURCES = ("extractor", "checker", "final")


def _count_keys() -> list[str]:
    keys = ["gold", "pred", "matched", "ignored", "grounded", "ambiguous_gold", "ambiguous_matched",
            "speaker_n", "speaker_ok"]
    for src in SOURCES:
        keys += [f"{src}.n", f"{src}.ok"]
        keys += [f"{src}.cm.{g}.{p}" for g in LABELS for p in LABELS]
    return keys


COUNT_KEYS: tuple[str, ...] = tuple(_count_keys())


# --- speakers ---------------------------------------------------------------

_HONORIFICS = set("""
mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister secretary senator sen
rep representative governor gov mayor chancellor king queen prince princess general gen colonel col
captain capt chief judge justice ambassador commissioner director chairman chairwoman chair ceo
spokesman spokeswoman spokesperson deputy foreign defence defense finance interior state mp
""".split())
_POSSESSIVE = re.compile(r"['’]s\b")
_NONWORD = re.compile(r"[^\w\s]+")


def speaker_tokens(name: str | None) -> list[str]:
    """Normalized words of a speaker name, honorifics and titles dropped."""
    if not name:
        return []
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _POSSESSIVE.sub("", s)
    s = _NONWORD.sub(" ", s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    core = [w for w in words if w not in _HONORIFICS]
    return core or words


def same_speaker(gold: str | None, pred: str | None) -> bool:
    g, p = speaker_tokens(gold), speaker_tokens(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    k = len(short)
    for i in range(len(long_) - k + 1):
        if long_[i:i + k] == short and (k >= 2 or i + k == len(long_)):
            return True
    return False


# --- per-fixture scoring -------------------------------------------------------

@dataclass
class ClaimResult:
    """One gold claim and the prediction aligned with it (if any)."""

    fixture: str
    gold_id: str
    gold_label: str
    acceptable: list[str]
    ambiguous: bool
    phenomena: list[str]
    gold_speaker: str | None
    evidence: tuple[int, int]
    pred_id: str | None = None
    pred_evidence: tuple[int, int] | None = None
    overlap: float | None = None
    final: str | None = None
    extractor: str | None = None
    checker: str | None = None
    speaker: str | None = None
    speaker_ok: bool | None = None
    status: str | None = None

    @property
    def matched(self) -> bool:
        return self.pred_id is not None

    def ok(self, source: str = "final") -> bool | None:
        label = getattr(self, source)
        if not self.matched or label is None:
            return None
        return label in self.acceptable


@dataclass
class FixtureScore:
    fixture: str
    counts: dict[str, int]
    claims: list[ClaimResult]
    unmatched: list[Prediction] = field(default_factory=list)
    ignored: list[Prediction] = field(default_factory=list)


def _effective_gold(acceptable: list[str], primary: str, pred: str) -> str:
    return pred if pred in acceptable else primary


def score_fixture(fx: Fixture, preds: list[Prediction], min_overlap: float = MIN_OVERLAP) -> FixtureScore:
    counts = dict.fromkeys(COUNT_KEYS, 0)
    kept: list[Prediction] = []
    ignored: list[Prediction] = []
    for p in preds:
        if p.grounded and fx.in_dont_care(p.start, p.end):  # type: ignore[arg-type]
            ignored.append(p)
        else:
            kept.append(p)
    gold = fx.claims
    pairs = align([(p.start, p.end) if p.grounded else None for p in kept],  # type: ignore[misc]
                  [(g.evidence.start, g.evidence.end) for g in gold], min_overlap)
    by_gold = {pr.gold: pr for pr in pairs}
    matched_preds = {pr.pred for pr in pairs}
    counts.update(gold=len(gold), pred=len(kept), matched=len(pairs), ignored=len(ignored),
                  grounded=sum(p.grounded for p in kept))
    results: list[ClaimResult] = []
    for j, g in enumerate(gold):
        acceptable = list(g.acceptable_labels)
        r = ClaimResult(fixture=fx.id, gold_id=g.id, gold_label=g.label, acceptable=acceptable,
                        ambiguous=g.ambiguous, phenomena=list(g.phenomena), gold_speaker=g.speaker,
                        evidence=(g.evidence.start, g.evidence.end))
        counts["ambiguous_gold"] += g.ambiguous
        pr = by_gold.get(j)
        if pr is not None:
            p = kept[pr.pred]
            r.pred_id, r.pred_evidence, r.overlap = p.id, (p.start, p.end), round(pr.overlap, 4)  # type: ignore[assignment]
            r.final, r.extractor, r.checker, r.speaker, r.status = p.final, p.extractor, p.checker, p.speaker, p.status
            counts["ambiguous_matched"] += g.ambiguous
            for src in SOURCES:
                label = getattr(p, src)
                if label is None:
                    continue
                counts[f"{src}.n"] += 1
                counts[f"{src}.ok"] += label in acceptable
                eff = _effective_gold(acceptable, g.label, label)
                counts[f"{src}.cm.{eff}.{label}"] += 1
            if g.speaker and "attributed" in acceptable and p.final == "attributed":
                r.speaker_ok = same_speaker(g.speaker, p.speaker)
                counts["speaker_n"] += 1
                counts["speaker_ok"] += r.speaker_ok
        results.append(r)
    unmatched = [p for i, p in enumerate(kept) if i not in matched_preds]
    return FixtureScore(fixture=fx.id, counts=counts, claims=results, unmatched=unmatched, ignored=ignored)


# --- metrics from counts ---------------------------------------------------------

def _div(a, b):
    """a / b, NaN where b == 0 (works on numbers and on numpy arrays)."""
    import numpy as np

    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a = np.asarray(a, dtype=float)
        b = np.asarray(b, dtype=float)
        return np.divide(a, b, out=np.full(np.broadcast(a, b).shape, np.nan), where=b > 0)
    return a / b if b else math.nan


def metric_names(sources: Iterable[str] = SOURCES) -> list[str]:
    names = ["extraction.precision", "extraction.recall", "extraction.f1"]
    for src in sources:
        names += [f"label.{src}.accuracy", f"label.{src}.macro_f1"]
        for lab in LABELS:
            names += [f"label.{src}.{lab}.precision", f"label.{src}.{lab}.recall", f"label.{src}.{lab}.f1"]
    names += ["speaker.accuracy", "grounding.rate"]
    return names


METRICS: tuple[str, ...] = tuple(metric_names())
"""Every metric, all higher-is-better, in display order."""


def compute(c: Mapping[str, object]) -> dict[str, object]:
    """Metrics from (summed) counts. Values are floats (NaN when undefined),
    or numpy arrays when the counts are arrays (the bootstrap)."""
    import numpy as np

    m: dict[str, object] = {}
    m["extraction.precision"] = _div(c["matched"], c["pred"])
    m["extraction.recall"] = _div(c["matched"], c["gold"])
    m["extraction.f1"] = _div(2 * c["matched"], c["pred"] + c["gold"])  # type: ignore[operator]
    for src in SOURCES:
        m[f"label.{src}.accuracy"] = _div(c[f"{src}.ok"], c[f"{src}.n"])
        f1s = []
        for lab in LABELS:
            tp = c[f"{src}.cm.{lab}.{lab}"]
            pred_l = sum(c[f"{src}.cm.{g}.{lab}"] for g in LABELS)  # type: ignore[misc]
            gold_l = sum(c[f"{src}.cm.{lab}.{q}"] for q in LABELS)  # type: ignore[misc]
            m[f"label.{src}.{lab}.precision"] = _div(tp, pred_l)
            m[f"label.{src}.{lab}.recall"] = _div(tp, gold_l)
            f1 = _div(2 * tp, pred_l + gold_l)  # type: ignore[operator]
            m[f"label.{src}.{lab}.f1"] = f1
            f1s.append(f1)
        if isinstance(f1s[0], np.ndarray):
            stack = np.vstack(f1s)
            with np.errstate(all="ignore"):
                valid = ~np.isnan(stack)
                m[f"label.{src}.macro_f1"] = np.where(valid.any(axis=0),
                                                      np.nansum(stack, axis=0) / np.maximum(valid.sum(axis=0), 1),
                                                      np.nan)
        else:
            vals = [v for v in f1s if not math.isnan(v)]  # type: ignore[arg-type]
            m[f"label.{src}.macro_f1"] = sum(vals) / len(vals) if vals else math.nan
    m["speaker.accuracy"] = _div(c["speaker_ok"], c["speaker_n"])
    m["grounding.rate"] = _div(c["grounded"], c["pred"])
    return m


def clean(metrics: Mapping[str, object]) -> dict[str, float | None]:
    """Point metrics for output: NaN -> None, rounded to 4 places."""
    out: dict[str, float | None] = {}
    for k, v in metrics.items():
        v = float(v)  # type: ignore[arg-type]
        out[k] = None if math.isnan(v) else round(v, 4)
    return out


def sum_counts(scores: Iterable[FixtureScore]) -> dict[str, int]:
    total = dict.fromkeys(COUNT_KEYS, 0)
    for s in scores:
        for k, v in s.counts.items():
            total[k] += v
    return total


def confusion(counts: Mapping[str, int], source: str = "final") -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count, matched claims only."""
    return {g: {p: int(counts[f"{source}.cm.{g}.{p}"]) for p in LABELS} for g in LABELS}


# --- per-phenomenon -----------------------------------------------------------------

@dataclass
class PhenomenonRow:
    phenomenon: str
    gold: int = 0
    matched: int = 0
    final_ok: int = 0
    checker_ok: int = 0
    extractor_n: int = 0
    extractor_ok: int = 0

    def as_dict(self) -> dict:
        return {
            "phenomenon": self.phenomenon, "gold": self.gold, "matched": self.matched,
            "recall": _round(_div(self.matched, self.gold)),
            "final_accuracy": _round(_div(self.final_ok, self.matched)),
            "checker_accuracy": _round(_div(self.checker_ok, self.matched)),
            "extractor_accuracy": _round(_div(self.extractor_ok, self.extractor_n)),
        }


def _round(x: float) -> float | None:
    return None if math.isnan(x) else round(x, 4)


def per_phenomenon(claims: Iterable[ClaimResult]) -> list[PhenomenonRow]:
    """Recall and label accuracy for the gold claims tagged with each
    phenomenon (plus 'ambiguous' for the ambiguous claims), sorted by name."""
    rows: dict[str, PhenomenonRow] = {}
    for r in claims:
        tags = list(r.phenomena) + (["ambiguous"] if r.ambiguous else [])
        for t in tags:
            row = rows.setdefault(t, PhenomenonRow(t))
            row.gold += 1
            if r.matched:
                row.matched += 1
                row.final_ok += bool(r.ok("final"))
                row.checker_ok += bool(r.ok("checker"))
                if r.extractor is not None:
                    row.extractor_n += 1
                    row.extractor_ok += bool(r.ok("extractor"))
    return [rows[k] for k in sorted(rows)]
