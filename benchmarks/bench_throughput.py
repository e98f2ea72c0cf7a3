"""Batch throughput against a local chat-completions server that answers
every request after a fixed delay (tests/fault_server.py, no faults, in a
process of its own):
articles per second at concurrency 1, 8 and 32, as a ratio of the ideal
(delay x articles / concurrency). Runs the real batch runner, the real
LLMExtractor (openai client + instructor, one shared client), grounding,
checker and the JSONL store, in this process (the client stack's import
is paid once, before the clock starts).

    .venv/bin/python benchmarks/bench_throughput.py [--delay 0.5] [--per-worker 8] [--levels 1,8,32]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, ServerProcess, table

sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delay", type=float, default=0.5, help="server answer delay, seconds")
    ap.add_argument("--per-worker", type=int, default=8, help="articles per unit of concurrency")
    ap.add_argument("--levels", default="1,8,32")
    args = ap.parse_args()

    from batch_helpers import article
    import openai  # noqa: F401  (import cost outside the timings)
    import instructor  # noqa: F401
    from verifier.batch import BatchRunner, Inputs, ResultStore
    from verifier.pipeline import Verifier

    tmp = Path(tempfile.mkdtemp(prefix="verifier-throughput-"))
    rows = []
    with ServerProcess(latency=args.delay) as server:
        for level in [int(x) for x in args.levels.split(",")]:
            n = level * args.per_worker
            jl = tmp / f"c{level}.jsonl"
            jl.write_text("".join(json.dumps({"id": f"a{i}", "text": article(i)}) + "\n" for i in range(n)))
            verifier = Verifier(extractor="llm", base_url=server.url, api_key="sk-bench", model="bench-model",
                                concurrency=level, timeout=60, mode="live")
            ext = verifier.extractor
            ext._get_client()  # build the shared client outside the clock ...
            from verifier.document import Document
            verifier.check(Document.from_text(article(n + 1)))  # ... and the first call's lazy imports
            store = ResultStore.open(tmp / f"c{level}.out.jsonl")
            inputs = Inputs([str(jl)])
            warmup = ext.run_usage.requests
            t0 = time.perf_counter()
            summary = BatchRunner(verifier, store, concurrency=level, ledger=ext.run_usage).run(inputs, inputs.total)
            wall = time.perf_counter() - t0
            requests = ext.run_usage.requests - warmup
            ideal = args.delay * n / level
            assert summary.ok == n, summary.line()
            rows.append([level, n, requests, f"{wall:.2f}", f"{ideal:.2f}", f"{n / wall:.1f}",
                         f"{n / ideal:.1f}", f"{ideal / wall:.2f}"])
            ext.close()
    print(f"server delay {args.delay:g} s per request; {args.per_worker} articles per unit of concurrency")
    print(table(rows, ["concurrency", "articles", "requests", "wall s", "ideal s", "articles/s", "ideal/s",
                       "ratio"]))


if __name__ == "__main__":
    main()
