"""Model calls and tokens per article against the one-call-per-chunk
minimum: articles of 1 to about 12 chunks through the real LLMExtractor
(openai client + instructor) against the local test server, once with a
healthy server and once with 30% of requests faulty (every kind of fault
in tests/fault_server.py). The minimum is one call per chunk, and the
tokens of those calls alone (the healthy run); retries and re-asks show as
the excess. Tokens are the server's count (request bytes / 4, answer bytes
/ 4), the same for both runs, so the ratios compare like with like.

    .venv/bin/python benchmarks/bench_calls.py [--rate 0.3] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys

from common import ROOT, long_article, table

sys.path.insert(0, str(ROOT / "tests"))

SIZES = [("short", 300), ("medium", 1500), ("long", 5000)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-size", type=int, default=6, help="articles of each size")
    args = ap.parse_args()

    from fault_server import FaultServer

    from verifier.document import Document
    from verifier.llm.chunking import chunk_document
    from verifier.pipeline import Verifier

    docs = [(name, Document.from_text(long_article(words, seed=100 * k + j)))
            for k, (name, words) in enumerate(SIZES) for j in range(args.per_size)]
    results = {}
    for label, server in (("healthy", FaultServer()), (f"{args.rate:.0%} faults", FaultServer(rate=args.rate,
                                                                                              seed=args.seed))):
        with server:
            v = Verifier(extractor="llm", base_url=server.url, api_key="sk-bench", model="bench-model", timeout=0.5,
                         backoff_initial=0.01, backoff_max=0.05, max_attempts=6, mode="live")
            per = {}
            for name, doc in docs:
                before = len(server.chat_requests)
                try:
                    rep = v.check(doc)
                    usage, ok = rep.usage, True
                except Exception as exc:  # a failed article still costs calls: counted from the server
                    usage, ok = None, False
                    print(f"  {label}: {name} article failed: {exc}", file=sys.stderr)
                calls = len(server.chat_requests) - before
                chunks = len(chunk_document(doc, v.extractor.settings.chunk_chars, v.extractor.settings.context_chars))
                per.setdefault(name, []).append((chunks, calls, usage.total_tokens if usage else 0,
                                                 len(doc.text.split()), ok, usage))
            results[label] = (per, dict(server.injected))
            if label == "healthy":
                from fault_server import article_of

                req = server.chat_requests[0]
                overhead = (len(req.raw) - len(article_of(req).encode())) // 4
    healthy = results["healthy"][0]
    rows = []
    for label, (per, injected) in results.items():
        for name, _ in SIZES:
            runs = per[name]
            n = len(runs)
            chunks = sum(r[0] for r in runs)
            calls = sum(r[1] for r in runs)
            tokens = sum(r[2] for r in runs)
            min_tokens = sum(r[2] for r in healthy[name])
            words = sum(r[3] for r in runs)
            retries = sum(r[5].retries for r in runs if r[5])
            reasks = sum(r[5].reasks for r in runs if r[5])
            rows.append([label, name, f"{words / n:,.0f}", f"{chunks / n:.1f}", f"{calls / n:.2f}",
                         f"{calls / chunks:.2f}", f"{retries}/{reasks}", f"{tokens / n:,.0f}",
                         f"{tokens / min_tokens:.2f}", f"{tokens / words:.1f}", sum(not r[4] for r in runs)])
        if any(injected.values()):
            print(f"faults injected in the {label} run: {injected}")
    print(f"fixed prompt per call (system prompt, schema, framing): about {overhead:,} tokens")
    print(table(rows, ["server", "article", "words", "chunks", "calls", "calls/min", "retries/reasks",
                       "tokens", "tokens/min", "tokens/word", "failed"]))


if __name__ == "__main__":
    main()
