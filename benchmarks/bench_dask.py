"""The batch on a local dask.distributed cluster: articles per second for 1
and 2 worker processes, on the rules path and on the model path (the LLM
extractor against tests/fault_server.py in a process of its own, answering
every request after --delay seconds), and, with --memory, the memory of
each worker while it works through one Parquet file of --rows short
articles.

Throughput runs the real DaskBatch (partitions on the workers, the client
writing JSONL and the Parquet tables); each worker's first partition (its
imports, its Verifier) is run before the clock starts.

    .venv/bin/python benchmarks/bench_dask.py [--articles 600] [--llm-articles 160] [--delay 0.2]
    .venv/bin/python benchmarks/bench_dask.py --memory [--rows 1000000] [--seconds 120] [--resume]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import PYTHON, ROOT, ServerProcess, table

sys.path.insert(0, str(ROOT / "tests"))


def cluster(n: int):
    from distributed import Client, LocalCluster

    lc = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR)
    return lc, Client(lc)


def run(n_workers: int, n: int, tmp: Path, extractor: str, settings: dict, per_worker: int) -> tuple[float, int]:
    from batch_helpers import article
    from verifier.batch import Inputs, ResultStore
    from verifier.batch.dask_runner import DaskBatch, Task, check_partition
    from verifier.batch.inputs import Item
    from verifier.batch.parquet import ParquetSink, parquet_dir

    jl = tmp / f"{extractor}-{n_workers}.jsonl"
    jl.write_text("".join(json.dumps({"id": f"a{i}", "text": article(i)}) + "\n" for i in range(n)))
    lc, client = cluster(n_workers)
    try:
        task = Task(extractor=extractor, settings=settings, input_format=None, per_worker=per_worker)
        warm = [Item(id=f"w{i}", source="w", kind="text", payload=article(10_000 + i)) for i in range(per_worker)]
        for w in client.scheduler_info()["workers"]:  # imports and the Verifier, before the clock
            client.submit(check_partition, warm, task, frozenset(), workers=[w], pure=False).result()
        out = tmp / f"{extractor}-{n_workers}.out.jsonl"
        store = ResultStore.open(out)
        part = per_worker * 4
        runner = DaskBatch(client, store, task, partition_size=part, max_outstanding=2 * part * n_workers,
                           sink=ParquetSink(parquet_dir(out)))
        inputs = Inputs([str(jl)])
        t0 = time.perf_counter()
        summary = runner.run(inputs, inputs.total)
        wall = time.perf_counter() - t0
        store.close()
        assert summary.ok == n, summary.line()
        return wall, summary.usage.requests
    finally:
        client.close()
        lc.close()


def throughput(args) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="verifier-bench-dask-"))
    rows = []
    for w in (1, 2):
        wall, _ = run(w, args.articles, tmp, "rules", {}, per_worker=4)
        rows.append(["rules", w, args.articles, f"{wall:.2f}", f"{args.articles / wall:.1f}", "", ""])
    os.environ["OPENAI_API_KEY"] = "sk-bench-not-a-key"  # the workers inherit it; it is never sent to them
    with ServerProcess(latency=args.delay) as server:
        settings = {"base_url": server.url, "model": "bench-model", "timeout": 60, "mode": "live"}
        for w in (1, 2):
            wall, req = run(w, args.llm_articles, tmp, "llm", settings, per_worker=args.per_worker)
            ideal = args.delay * args.llm_articles / (args.per_worker * w)
            rows.append([f"llm ({args.per_worker} per worker)", w, args.llm_articles, f"{wall:.2f}",
                         f"{args.llm_articles / wall:.1f}", f"{args.llm_articles / ideal:.1f}", req])
    print(f"model server delay {args.delay:g} s per request; os.cpu_count() = {os.cpu_count()}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(table(rows, ["path", "workers", "articles", "wall s", "articles/s", "ideal/s", "requests"]))


def memory(args) -> None:
    """One Parquet file of `rows` short articles through `verifier check
    --scheduler` for `seconds`, then Ctrl-C; RSS of each worker sampled."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from batch_helpers import article

    tmp = Path(tempfile.mkdtemp(prefix="verifier-bench-mem-"))
    src = tmp / "corpus.parquet"
    t0 = time.perf_counter()
    writer = None
    for start in range(0, args.rows, 50_000):
        ids = range(start, min(args.rows, start + 50_000))
        t = pa.table({"id": [f"a{i}" for i in ids], "text": [article(i) for i in ids],
                      "outlet": [["Herald", "Courier", "Gazette"][i % 3] for i in ids],
                      "date": [f"20{10 + i % 15}-{1 + i % 12:02d}-01" for i in ids]})
        writer = writer or pq.ParquetWriter(src, t.schema)
        writer.write_table(t, row_group_size=10_000)
    writer.close()
    print(f"{args.rows:,} articles, {src.stat().st_size / 2**20:.0f} MiB Parquet, written in {time.perf_counter() - t0:.0f} s")
    out = tmp / "out.jsonl"
    try:
        _watched_run(args, src, out, "first run")
        if args.resume:  # the same command again on a fresh cluster: every article already done
            _watched_run(args, src, out, "resume (all done)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _watched_run(args, src: Path, out: Path, title: str) -> None:
    """`verifier check src -o out --scheduler` on a fresh local cluster,
    the client's and each worker's RSS sampled every 2 s."""
    import psutil

    lc, client = cluster(args.workers)
    try:
        pids = list(client.run(os.getpid).values())
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
        if args.partition:
            env["VERIFIER_DASK_PARTITION"] = str(args.partition)
        cli = subprocess.Popen([PYTHON, "-m", "verifier.cli", "check", str(src), "-o", str(out), "-e", "rules",
                                "--no-progress", "--scheduler", lc.scheduler_address], env=env,
                               stderr=subprocess.PIPE, text=True)
        procs = [psutil.Process(p) for p in pids]
        me = psutil.Process(cli.pid)
        peak = {p.pid: 0 for p in procs}
        peak_client = 0
        samples = []
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < args.seconds and cli.poll() is None:
            time.sleep(2)
            try:
                client_rss = me.memory_info().rss
            except psutil.Error:  # exited between the poll and the sample
                break
            if not client_rss:  # a zombie: it has exited
                break
            rss = {p.pid: p.memory_info().rss for p in procs}
            for k, v in rss.items():
                peak[k] = max(peak[k], v)
            peak_client = max(peak_client, client_rss)
            done = _lines(out)
            samples.append((time.perf_counter() - t0, done, max(rss.values()), client_rss))
        if cli.poll() is None:
            cli.send_signal(signal.SIGINT)
        _, err = cli.communicate(timeout=300)
    finally:
        client.close()
        lc.close()
    print(f"{title}:")
    for s, done, rss, crss in samples[:: max(1, len(samples) // 10)]:
        print(f"  {s:6.0f} s  {done:8,} lines in the results  largest worker RSS {rss / 2**20:6.0f} MiB  "
              f"client RSS {crss / 2**20:6.0f} MiB")
    el = samples[-1][0] if samples else 1
    print(f"{args.workers} workers, {el:.0f} s: peak RSS per worker {', '.join(f'{v / 2**20:.0f}' for v in peak.values())} MiB; "
          f"client {peak_client / 2**20:.0f} MiB")
    _growth(samples)
    print(next((ln for ln in reversed(err.splitlines()) if " articles: " in ln), err.strip()[-300:]))


def _lines(path: Path) -> int:
    if not path.exists():
        return 0
    n = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            n += block.count(b"\n")
    return n


def _growth(samples: list) -> None:
    """Client RSS growth per 10,000 articles, from the samples past the
    first quarter of the run (imports, the cluster, the first parts done)."""
    samples = [s for s in samples if s[3] > 0]  # not the sample after the client exited
    late = samples[len(samples) // 4:]
    if len(late) < 2 or late[-1][1] == late[0][1]:
        return
    (_, d0, _, c0), (_, d1, _, c1) = late[0], late[-1]
    print(f"client RSS {c0 / 2**20:.0f} -> {c1 / 2**20:.0f} MiB from {d0:,} to {d1:,} articles done: "
          f"{(c1 - c0) / 2**20 / ((d1 - d0) / 10_000):+.1f} MiB per 10,000 articles")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600, help="articles per rules run")
    ap.add_argument("--llm-articles", type=int, default=160, help="articles per model run")
    ap.add_argument("--delay", type=float, default=0.2, help="model server answer delay, seconds")
    ap.add_argument("--per-worker", type=int, default=4, help="model requests in flight per worker")
    ap.add_argument("--memory", action="store_true", help="measure worker memory on one big Parquet file")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--partition", type=int, help="with --memory: articles per partition (default: the CLI's)")
    ap.add_argument("--resume", action="store_true", help="with --memory: then run the same command again (all done)")
    args = ap.parse_args()
    signal.signal(signal.SIGINT, signal.default_int_handler)  # the CLI's Ctrl-C works even when started in the background
    memory(args) if args.memory else throughput(args)


if __name__ == "__main__":
    main()
