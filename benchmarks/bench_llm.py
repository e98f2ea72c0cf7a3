"""The model layer: its own overhead, or seconds and tokens per article against a real server.

With --base-url: each article (default: the dev fixtures) is checked live
against that server with each --extractor (hybrid, llm with --task), and
per article the seconds, words, requests, prompt and completion tokens,
prompt tokens per article word and the seconds scaled to a 600-word article
are printed (the issue-17 target: under 60 s per 600 words). The server
should be idle: llama.cpp serves one request at a time, and another
client's request also evicts the cached prompt prefix.

    .venv/bin/python benchmarks/bench_llm.py --base-url http://127.0.0.1:8080/v1 \
        --model qwen2.5-coder-1.5b-instruct --extractor hybrid --extractor llm [--task sentences] [FILE ...]

Without --base-url, the overhead of the layer itself:

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
    ap.add_argument("--base-url", help="a running OpenAI-compatible server: time real articles against it")
    ap.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    ap.add_argument("--extractor", action="append", choices=["hybrid", "llm"])
    ap.add_argument("--task", default="sentences", choices=["sentences", "claims"], help="the llm extractor's task")
    ap.add_argument("--llm-mode", default="json")
    ap.add_argument("files", nargs="*", help="articles (default: evals/fixtures/dev/*.json)")
    args = ap.parse_args()
    if args.base_url:
        real_server(args)
        return

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


def real_server(args) -> None:
    from verifier.document import Document
    from verifier.fixtures import load_fixture
    from verifier.pipeline import Verifier

    root = Path(__file__).resolve().parent.parent
    paths = [Path(f) for f in args.files] or sorted((root / "evals/fixtures/dev").glob("*.json"))
    docs = []
    for p in paths:
        if p.suffix == ".json":
            fx = load_fixture(p)
            docs.append(Document(text=fx.text, source=fx.id))
        else:
            docs.append(Document.from_path(p))
    rows = []
    for extractor in args.extractor or ["hybrid"]:
        settings = dict(model=args.model, base_url=args.base_url, llm_mode=args.llm_mode, seed=0, timeout=3600,
                        concurrency=1, max_reasks=0)
        if extractor == "llm":
            settings["task"] = args.task
        v = Verifier(extractor=extractor, **settings)
        for doc in docs:
            t0 = time.perf_counter()
            report = v.check(doc)
            sec = time.perf_counter() - t0
            words = len(doc.text.split())
            u = report.usage
            label = extractor + (f"/{args.task}" if extractor == "llm" else "")
            rows.append([label, (doc.source or "-")[:28], f"{words}", f"{len(report.claims)}", f"{u.requests}",
                         f"{u.prompt_tokens}", f"{u.completion_tokens}", f"{u.prompt_tokens / max(words, 1):.2f}",
                         f"{sec:.1f}", f"{sec * 600 / max(words, 1):.1f}"])
            print("  ".join(rows[-1]), flush=True)
    print(table(rows, ["extractor", "article", "words", "claims", "requests", "prompt tok", "completion tok",
                       "prompt tok/word", "s", "s per 600 words"]))


if __name__ == "__main__":
    main()
