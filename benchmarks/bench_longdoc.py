"""Time and peak memory of `verifier check` on one very long article
(200,000 words by default), end to end in a subprocess, and the stage
timings the Report records.

    .venv/bin/python benchmarks/bench_longdoc.py [--words 200000]

With --llm, also through the model layer (chunked) against the local fake
chat-completions server (tests/openai_server.py), answering at once.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from common import PYTHON, ROOT, long_article, table, timed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--llm", action="store_true", help="also run the LLM extractor against the fake server")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="verifier-bench-"))
    text = long_article(args.words)
    art = tmp / "long.txt"
    art.write_text(text, encoding="utf-8")
    print(f"article: {len(text.split()):,} words, {len(text):,} characters, {art.stat().st_size / 1e6:.1f} MB")
    rows = []
    base, base_rss, _ = timed([PYTHON, "-c", "import verifier.pipeline, verifier.extractors.rules"])
    rows.append(["(interpreter + imports only)", f"{base:.2f}", "", f"{base_rss} MiB", ""])
    runs = [("rules", [])]
    server = None
    if args.llm:
        sys.path.insert(0, str(ROOT / "tests"))
        from fault_server import FaultServer  # noqa: E402

        server = FaultServer().start()
        runs.append(("llm (fake server)", ["--base-url", server.url, "--model", "bench-model"]))
    try:
        for name, extra in runs:
            out = tmp / f"{name.split()[0]}.json"
            cmd = [PYTHON, "-m", "verifier.cli", "check", str(art), "-f", "json", "-o", str(out),
                   "-e", name.split()[0], *extra]
            env = {"OPENAI_API_KEY": "sk-bench"} if extra else None
            t, rss, proc = timed(cmd, env=env)
            if proc.returncode != 0:
                sys.exit(f"{name} failed ({proc.returncode}): {proc.stderr.decode()[-400:]}")
            rep = json.loads(out.read_text())
            tm = rep["timings"]
            stages = " ".join(f"{k}={tm[k]:.2f}" for k in ("parse", "extract", "check") if k in tm)
            rows.append([name, f"{t:.2f}", f"{args.words / t:,.0f}", f"{rss} MiB",
                         f"{len(rep['claims']):,} claims, {rep['usage']['requests']} requests; {stages}"])
    finally:
        if server is not None:
            server.stop()
    print(table(rows, ["extractor", "wall s", "words/s", "peak RSS", "details"]))


if __name__ == "__main__":
    main()
