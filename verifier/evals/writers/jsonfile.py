"""Eval results as one JSON document (`verifier eval --json FILE`)."""

from __future__ import annotations

import json

from verifier.evals.baseline import Comparison
from verifier.evals.writers import RunInfo


def claim_dict(c) -> dict:
    return {
        "fixture": c.fixture, "gold_id": c.gold_id, "gold_label": c.gold_label, "acceptable": c.acceptable,
        "ambiguous": c.ambiguous, "phenomena": c.phenomena, "evidence": list(c.evidence),
        "matched": c.matched, "pred_id": c.pred_id,
        "pred_evidence": list(c.pred_evidence) if c.pred_evidence else None, "overlap": c.overlap,
        "final": c.final, "extractor": c.extractor, "checker": c.checker, "correct": c.ok("final"),
        "gold_speaker": c.gold_speaker, "speaker": c.speaker, "speaker_ok": c.speaker_ok, "status": c.status,
    }


def row_dict(r) -> dict:
    unmatched = [
        {"fixture": s.fixture, "pred_id": p.id, "evidence": [p.start, p.end] if p.grounded else None,
         "text": p.evidence, "final": p.final, "grounded": p.grounded}
        for s in r.scores for p in s.unmatched
    ]
    return {
        "name": r.name, "extractor": r.row.extractor, "model": r.row.model,
        "recordings": str(r.row.recordings) if r.row.recordings else None,
        "metrics": r.metrics, "ci": {k: (list(v) if v else None) for k, v in r.ci.items()},
        "counts": r.counts, "confusion": r.confusion,
        "per_fixture": r.per_fixture, "per_phenomenon": [p.as_dict() for p in r.phenomena],
        "claims": [claim_dict(c) for c in r.claims()], "unmatched_predictions": unmatched,
        "seconds": r.seconds, "usage": r.usage,
    }


def comparison_dict(cmp: Comparison | None) -> dict | None:
    if cmp is None:
        return None
    return {
        "baseline": cmp.path, "regressed": cmp.regressed,
        "rows": [{
            "name": rc.name, "missing": rc.missing, "regressed": rc.regressed, "notes": rc.notes,
            "deltas": [{"metric": d.metric, "baseline": d.baseline, "current": d.current, "delta": d.delta,
                        "tolerance": d.tolerance, "regressed": d.regressed} for d in rc.deltas],
            "flips": [vars(f) for f in rc.flips],
        } for rc in cmp.rows],
    }


def to_json(results: list, info: RunInfo, comparison: Comparison | None = None) -> str:
    from verifier import __version__

    doc = {
        "verifier_version": __version__, "run": vars(info),
        "fixtures": [fx.id for fx in results[0].fixtures] if results else [],
        "rows": [row_dict(r) for r in results], "comparison": comparison_dict(comparison),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
