"""Time and output size of the renderers (text, Markdown, HTML) on a long
article with one claim per sentence, built directly (no extractor, no
checker), so the figures measure rendering alone.

    .venv/bin/python benchmarks/bench_render.py [--words 200000]
"""

from __future__ import annotations

import argparse
import re
import time
import tracemalloc

from common import long_article, table

from verifier.document import Document
from verifier.render import render_string
from verifier.schemas import Claim, Evidence, ExtractorOpinion, Report, Span, Verdict

_CUE = re.compile(r"\b(said|noted|warned|announced|insisted|told reporters|acknowledged|According to)\b")


def build(words: int) -> Report:
    doc = Document.from_text(long_article(words), source="long.txt")
    claims = []
    for s in doc.sentences:
        a, b = s.start, s.end
        while b > a and doc.text[b - 1] in " \n.":
            b -= 1
        if b <= a or doc.in_heading(a, b):
            continue
        m = _CUE.search(doc.text, a, b)
        label = "attributed" if m else "asserted"
        cue = Span(start=m.start(), end=m.end(), text=m.group(0)) if m else None
        claims.append(Claim(
            id=f"c{len(claims) + 1}", text=doc.text[a:b], evidence=Evidence(text=doc.text[a:b], start=a, end=b,
                                                                            match="exact"),
            label=label, cue=m.group(0) if m else None, cue_span=cue, speaker="someone" if m else None,
            extractor=ExtractorOpinion(), checker=Verdict(label=label, reasons=["bench"]), status="checked"))
    return Report(verifier_version="bench", document=doc.info(), claims=claims, extractor="rules")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--memory", action="store_true", help="also trace peak memory (a second, slower run)")
    args = ap.parse_args()
    report = build(args.words)
    print(f"article: {args.words:,} words, {len(report.document.text):,} characters, {len(report.claims):,} claims")
    rows = []
    for fmt in ("html", "markdown", "text"):
        t0 = time.perf_counter()
        out = render_string(report, fmt)
        dt = time.perf_counter() - t0
        row = [fmt, f"{dt:.2f}", f"{len(report.claims) / dt:,.0f}", f"{len(out.encode()) / 1e6:.1f} MB"]
        if args.memory:
            tracemalloc.start()  # a second run: tracing slows it down
            render_string(report, fmt)
            row.append(f"{tracemalloc.get_traced_memory()[1] / 2**20:.0f} MiB")
            tracemalloc.stop()
        rows.append(row)
    print(table(rows, ["format", "seconds", "claims/s", "output"] + (["peak traced"] if args.memory else [])))


if __name__ == "__main__":
    main()
