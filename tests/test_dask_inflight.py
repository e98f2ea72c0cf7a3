"""The bound on model requests in flight, measured where it matters: at a
real OpenAI-protocol server on 127.0.0.1 that holds every request for a
while and counts, per client process, how many it holds at once.

The cluster is a real LocalCluster of 2 worker processes with 2 threads
each, so a worker runs two partitions at the same time: only the
process-wide limit (`-j` articles per worker) keeps its requests at -j,
not the thread count. Which worker sent a request is read from the
operating system: the process that owns the request's TCP connection."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")

from batch_helpers import article  # noqa: E402
from fault_server import FaultServer  # noqa: E402
from llm_support import fake_key  # noqa: E402

KEY = fake_key("test-inflight-worker-key-0123456789")
HOLD = 0.4  # seconds the server keeps each request before answering
TIMEOUT = 180


class CountingServer(FaultServer):
    """Answers like FaultServer (a valid answer for the article), after
    holding the request HOLD seconds; counts requests in flight per
    sending process (`pids`) and in total, and the most of each."""

    def __init__(self, pids: list[int]):
        super().__init__()
        self.pids = pids
        self._count_lock = threading.Lock()
        self.now: Counter = Counter()
        self.peak: Counter = Counter()
        self.total = self.peak_total = 0

    def _owner(self, port: int) -> int | None:
        for pid in self.pids:
            for conn in psutil.Process(pid).net_connections(kind="tcp"):
                if conn.laddr and conn.laddr.port == port and conn.raddr and conn.raddr.port == self.port:
                    return pid
        return None

    def _reply(self, req):
        pid = self._owner(req.peer[1])
        with self._count_lock:
            self.now[pid] += 1
            self.total += 1
            self.peak[pid] = max(self.peak[pid], self.now[pid])
            self.peak_total = max(self.peak_total, self.total)
        try:
            time.sleep(HOLD)
        finally:
            with self._count_lock:
                self.now[pid] -= 1
                self.total -= 1
        return super()._reply(req)


@pytest.fixture(scope="module")
def two_threaded_workers():
    from distributed import Client, LocalCluster

    lc = LocalCluster(n_workers=2, threads_per_worker=2, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR, env={"OPENAI_API_KEY": KEY})
    client = Client(lc)
    try:
        yield lc, list(client.run(os.getpid).values())
    finally:
        client.close()
        lc.close()


def test_model_requests_in_flight_are_bounded_per_worker_and_in_total(tmp_path, two_threaded_workers):
    lc, pids = two_threaded_workers
    per_worker, n = 2, 32
    jl = tmp_path / "articles.jsonl"
    jl.write_text("".join(json.dumps({"id": f"a{i:02d}", "text": article(i)}) + "\n" for i in range(n)))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(XDG_CONFIG_HOME="/nonexistent", VERIFIER_TIMEOUT="30", VERIFIER_DASK_PARTITION="2")
    with CountingServer(pids) as server:
        r = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(jl), "-o", str(tmp_path / "out.jsonl"),
                            "-e", "llm", "--base-url", server.url, "--model", "m", "-j", str(per_worker), "--no-progress",
                            "--scheduler", lc.scheduler_address], capture_output=True, text=True, env=env,
                           timeout=TIMEOUT)
        sent = len(server.chat_requests)
    assert r.returncode == 0, r.stderr
    assert f"{n} of {n} articles: {n} checked" in r.stderr
    assert sent >= n and None not in server.peak, dict(server.peak)  # every request came from a worker
    # two partitions at once on each worker (2 threads), yet never more than -j requests per worker
    assert sorted(server.peak) == sorted(pids) and set(server.peak.values()) == {per_worker}, dict(server.peak)
    assert server.peak_total == per_worker * len(pids), server.peak_total  # -j x workers, reached, not passed
