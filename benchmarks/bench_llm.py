"""The model layer's own overhead: everything but the model's thinking.

Against the instant test server of tests/openai_server.py (on 127.0.0.1),
an article split into N chunks is extracted live (openai client, instructor,
validators, retry layer, ledger), then recorded and replayed from disk.
Prints seconds per document and per request, and the import time of the
client stack (paid once per process, only when a model is called).

    .venv/bin/python benchmarks/bench_llm.py [--paragraphs 40] [--repeat 3] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=4)
    args = ap.parse_args()

    def startup(code: str) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            best = min(best, time.perf_counter() - t0)
        return best

    base_s = startup("import verifier")
    import_s = startup("import verifier.llm.client, openai, instructor; instructor.Instructor; instructor.patch")

    from fault_server import good_answer, article_of  # noqa: F401  (tests/ helper)
    from openai_server import OpenAIServer, structured
    from verifier.document import Document
    from verifier.pipeline import Verifier

    text = "\n\n".join(
        f"Paragraph {i}: Minister Ana Ruiz said the plan number {i} will cost {i} million kroner next year. "
        f"The council approved a similar plan in {1990 + i}." for i in range(args.paragraphs))
    doc = Document.from_text(text)

    def answer(req):
        return structured(good_answer(article_of(req)), usage=(500, 100))(req)

    rows = []
    with OpenAIServer(default=answer) as server, tempfile.TemporaryDirectory() as tmp:
        common = dict(model="bench-model", base_url=server.url, concurrency=args.concurrency, chunk_chars=1200)
        for mode in ("live", "record", "replay"):
            extra = {} if mode == "live" else {"mode": mode, "recordings_dir": Path(tmp)}
            v = Verifier(extractor="llm", **common, **extra)
            v.check(doc)  # warm: imports, client
            times = []
            for _ in range(args.repeat):
                server.reset()
                server.default = answer
                t0 = time.perf_counter()
                report = v.check(doc)
                times.append(time.perf_counter() - t0)
            best = min(times)
            n = report.usage.requests
            rows.append([mode, f"{len(report.claims)}", f"{n}", f"{best:.3f}", f"{1000 * best / max(n, 1):.1f}"])
    print(table(rows, ["mode", "claims", "requests", "s/document", "ms/request"]))
    print(f"process start + import verifier: {base_s:.2f} s; + verifier.llm.client (openai, instructor): {import_s:.2f} s "
          f"(concurrency {args.concurrency}, {args.paragraphs} paragraphs, {len(text)} chars)")


if __name__ == "__main__":
    main()
