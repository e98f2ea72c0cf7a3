"""The checker's speed in words per second: every claim span the rule
extractor finds in a generated article, labelled by `Checker.check`, timed
apart from document parsing and extraction.

    .venv/bin/python benchmarks/bench_checker.py [--words 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

from common import long_article, table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from verifier.attribution import Checker
    from verifier.document import Document
    from verifier.extractors.rules import RuleExtractor
    from verifier.grounding import locate

    text = long_article(args.words)
    words = len(text.split())
    t0 = time.perf_counter()
    doc = Document.from_text(text)
    t_doc = time.perf_counter() - t0
    drafts = RuleExtractor().extract(doc).drafts
    spans = []
    for d in drafts:
        ev = locate(doc.text, d.evidence, hint=d.start)
        if ev.grounded:
            spans.append((ev.start, ev.end))
    span_words = sum(len(doc.text[a:b].split()) for a, b in spans)
    best = float("inf")
    labels: dict[str, int] = {}
    for _ in range(args.repeat):
        checker = Checker(doc)
        t0 = time.perf_counter()
        verdicts = [checker.check(a, b) for a, b in spans]
        best = min(best, time.perf_counter() - t0)
    for v in verdicts:
        labels[v.label] = labels.get(v.label, 0) + 1
    rows = [
        ["Document (blocks, sentences)", f"{t_doc:.3f}", f"{words / t_doc:,.0f}", ""],
        ["Checker.check over all claims", f"{best:.3f}", f"{words / best:,.0f}",
         f"{len(spans):,} spans ({span_words:,} words): {labels}"],
    ]
    print(f"article: {words:,} words, {len(doc.sentences):,} sentences; best of {args.repeat}")
    print(table(rows, ["stage", "seconds", "article words/s", "details"]))


if __name__ == "__main__":
    main()
