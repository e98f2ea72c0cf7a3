"""`verify(report_or_text, sources)`: the Report with its verification.

    text or Report ─► (verifier.check, rules, for text) ─► attributed claims
        ─► compare.verify_claim against the sources ─► optional judge
        ─► asserted notes ─► Report.verification
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from verifier.errors import ConfigError
from verifier.schemas import VERIFY_VERDICTS, Report, SourceInfo, Verification
from verifier.verify.asserted import asserted_notes
from verifier.verify.compare import build_context, claim_input, verify_claim
from verifier.verify.sources import Source, load_sources, turns

MAX_CLAIMS = 20_000


def verify(report_or_text: Report | str, sources: list[Any], *, judge: dict | None = None,
           **check_options: Any) -> Report:
    """Verify a Report (or an article's text, checked first with
    `verifier.check(text, **check_options)`) against `sources`: paths,
    'Speaker=path' strings, (speaker, path) or (speaker, Document) pairs.
    `judge`: model settings (model=, base_url=, mode=, recordings=, ...)
    for the optional model judge; None: deterministic only."""
    t0 = time.perf_counter()
    if isinstance(report_or_text, Report):
        report = report_or_text
    elif isinstance(report_or_text, str):
        import verifier

        report = verifier.check(report_or_text, **({"extractor": "rules"} | check_options))
    else:
        raise ConfigError(f"verify() takes a Report or the article's text, not {type(report_or_text).__name__}")
    srcs = load_sources(list(sources))
    attributed = [c for c in report.claims if c.label == "attributed"]
    if len(attributed) > MAX_CLAIMS:
        raise ConfigError(f"{len(attributed)} attributed claims: at most {MAX_CLAIMS} per report")
    ctx = build_context(srcs)
    checks = [verify_claim(ctx, claim_input(c.id, c.evidence.text, c.speaker, c.quote)) for c in attributed]
    usage, judge_model = report.usage.__class__(), None
    if judge is not None:
        from verifier.verify.judge import Judge

        j = Judge(**judge)
        checks, usage = j.apply(checks, judge_key(report.document.hash, srcs), {s.index: s.document.text for s in srcs})
        judge_model = j.settings.model
    counts = {v: sum(1 for c in checks if c.verdict == v) for v in VERIFY_VERDICTS}
    ver = Verification(sources=[source_info(s, ctx) for s in srcs], checks=checks,
                       asserted=asserted_notes(report.claims), counts=counts, judge_model=judge_model,
                       usage=usage, seconds=round(time.perf_counter() - t0, 3))
    return report.model_copy(update={"verification": ver})


def source_info(s: Source, ctx) -> SourceInfo:
    return SourceInfo(index=s.index, name=s.name, speaker=s.speaker, hash=s.document.hash,
                      chars=len(s.document.text), passages=sum(1 for p in ctx.passages if p.source == s.index),
                      turns=len(turns(s.document.text)))


def judge_key(doc_hash: str, sources: list[Source]) -> str:
    """The recording file of a verification: the article (its document
    hash) and its sources."""
    h = hashlib.sha256(("verify:" + doc_hash).encode())
    for s in sources:
        h.update(s.document.hash.encode())
    return h.hexdigest()
