"""The batch on a real dask.distributed LocalCluster with two worker
processes: the same claims as the single-machine runner, a worker killed
with SIGKILL mid-run, a client killed mid-run and resumed. Every run is a
real `verifier check` subprocess; the rules extractor keeps it offline."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from batch_helpers import write_articles  # noqa: E402
from conftest import run_cli  # noqa: E402
from llm_support import fake_key  # noqa: E402
from openai_server import AUTH_HEADER  # noqa: E402

N = 200
TIMEOUT = 120
KEY = fake_key("test-dask-worker-key-0123456789")


@pytest.fixture(scope="module")
def cluster():
    import logging

    from distributed import Client, LocalCluster

    # the workers' own environment holds the (fake) key: the client never sends one
    lc = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR, env={"OPENAI_API_KEY": KEY})
    client = Client(lc)
    try:
        yield lc, client
    finally:
        client.close()
        lc.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    write_articles(d / "in", N)
    single = d / "single.jsonl"
    r = run_cli("check", str(d / "in"), "-o", str(single), "-e", "rules", "--no-progress")
    assert r.returncode == 0, r.stderr
    return d / "in", by_id(single)


def by_id(path: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert rec["id"] not in out, f"{rec['id']} written twice"
        out[rec["id"]] = rec
    return out


def assert_same_articles(got: dict[str, dict], want: dict[str, dict]) -> None:
    assert sorted(got) == sorted(want)
    for ident, rec in want.items():
        g = got[ident]
        assert (g["status"], g["hash"]) == (rec["status"], rec["hash"]), ident
        assert g["report"]["claims"] == rec["report"]["claims"], ident


def dask_cmd(inp, out, scheduler, *extra):
    return [sys.executable, "-m", "verifier.cli", "check", str(inp), "-o", str(out), "-e", "rules",
            "--no-progress", "--scheduler", scheduler, *extra]


def env(**kw):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    e.update(kw)
    return e


def complete_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def wait_for_lines(path: Path, n: int, proc: subprocess.Popen, deadline: float = 60) -> int:
    t0 = time.monotonic()
    while time.monotonic() - t0 < deadline:
        got = complete_lines(path)
        if got >= n:
            return got
        assert proc.poll() is None, proc.communicate()[1]
        time.sleep(0.005)
    raise AssertionError(f"only {complete_lines(path)} lines after {deadline} s")


def parquet_rows(out: Path):
    from verifier.batch.parquet import parquet_dir, read_table

    d = parquet_dir(out)
    return read_table(d, "articles").to_pylist(), read_table(d, "claims").to_pylist()


def test_same_claims_as_the_single_machine_runner(tmp_path, cluster, corpus):
    inp, single = corpus
    out = tmp_path / "dask.jsonl"
    r = subprocess.run(dask_cmd(inp, out, cluster[0].scheduler_address), capture_output=True, text=True,
                       env=env(), timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert f"{N} of {N} articles: {N} checked" in r.stderr
    assert_same_articles(by_id(out), single)
    articles, claims = parquet_rows(out)
    assert sorted(a["id"] for a in articles) == sorted(single)
    assert len(claims) == sum(len(rec["report"]["claims"]) for rec in single.values())
    want = {(i, c["id"], c["label"], c["speaker"], c["cue"], c["evidence"]["start"])
            for i, rec in single.items() for c in rec["report"]["claims"]}
    assert {(c["article_id"], c["claim_id"], c["label"], c["speaker"], c["cue"], c["start"]) for c in claims} == want


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path, cluster, corpus):
    inp, single = corpus
    lc, client = cluster
    out = tmp_path / "killed.jsonl"
    proc = subprocess.Popen(dask_cmd(inp, out, lc.scheduler_address), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env(VERIFIER_DASK_PARTITION="2"))
    try:
        wait_for_lines(out, 10, proc)
        victim = None
        while victim is None and proc.poll() is None:  # a worker with a partition in hand
            busy = [w for w, tasks in client.processing().items() if tasks]
            victim = busy[0] if busy else None
        assert victim is not None, "the run finished before a worker could be killed"
        pid = client.run(os.getpid, workers=[victim])[victim]
        at_kill = complete_lines(out)
        os.kill(pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert at_kill < N, "killed too late to mean anything"
    assert proc.returncode == 0, err
    assert_same_articles(by_id(out), single)
    articles, claims = parquet_rows(out)
    assert sorted(a["id"] for a in articles) == sorted(single)
    assert len(claims) == sum(len(rec["report"]["claims"]) for rec in single.values())
    client.wait_for_workers(2, timeout=60)  # the nanny brought the killed one back
    assert pid not in client.run(os.getpid).values()


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_resume_after_the_client_is_killed_finishes_the_rest_and_rewrites_nothing(tmp_path, cluster, corpus):
    inp, single = corpus
    out = tmp_path / "resumed.jsonl"
    e = env(VERIFIER_DASK_PARTITION="2", VERIFIER_PARQUET_PART="10")
    proc = subprocess.Popen(dask_cmd(inp, out, cluster[0].scheduler_address), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=e)
    try:
        wait_for_lines(out, 40, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    data = out.read_bytes()
    kept = data[: data.rfind(b"\n") + 1]
    first = {json.loads(line)["id"] for line in kept.splitlines()}
    assert 40 <= len(first) < N
    pq_dir = out.with_name("resumed.parquet")
    # a part is finished once its articles file exists (written after its claims file): a claims
    # file the kill left without one is unfinished, and the resumed run may remove it
    parts = {p: _digest(p) for p in pq_dir.rglob("part-*.parquet") if (pq_dir / "articles" / p.name).exists()}
    assert parts, "no Parquet part was finished before the kill"

    r = subprocess.run(dask_cmd(inp, out, cluster[0].scheduler_address), capture_output=True, text=True, env=e,
                       timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert f"resuming: {len(first)} already done" in r.stderr
    assert f"{len(first)} already done" in r.stderr.splitlines()[-1]
    assert out.read_bytes().startswith(kept)  # every finished line as it was
    for p, digest in parts.items():
        assert _digest(p) == digest, f"{p.name} was rewritten"
    assert_same_articles(by_id(out), single)
    articles, claims = parquet_rows(out)
    assert sorted(a["id"] for a in articles) == sorted(single)  # each exactly once, lost part rebuilt from JSONL
    assert len(claims) == sum(len(rec["report"]["claims"]) for rec in single.values())


def test_local_workers_parquet_corpus_metadata_and_failures(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from batch_helpers import article

    rows = [{"id": f"p{i}", "text": article(i), "outlet": ["Herald", "Courier"][i % 2],
             "date": f"2024-0{1 + i % 3}-15", "author": "A. Writer"} for i in range(12)]
    rows.append({"id": "blank", "text": "   ", "outlet": "Herald", "date": "2024-01-01", "author": None})
    src = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=4)
    out = tmp_path / "out.jsonl"
    r = run_cli("check", str(src), "-o", str(out), "-e", "rules", "--no-progress", "--workers", "2", timeout=TIMEOUT)
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "12 checked" in err and "1 failed" in err and "failed blank" in err
    recs = by_id(out)
    assert recs["blank"]["status"] == "error" and recs["blank"]["error"]["type"]
    assert recs["p3"]["meta"] == {"outlet": "Courier", "date": "2024-01-15", "author": "A. Writer"}
    articles, claims = parquet_rows(out)
    assert {a["id"]: a["status"] for a in articles}["blank"] == "error"
    assert {c["outlet"] for c in claims if c["article_id"] == "p3"} == {"Courier"}


@pytest.mark.parametrize("args, needle", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "not both"),
    (["--scheduler", "tcp://127.0.0.1:1"], "cannot reach the Dask scheduler"),
])
def test_bad_cluster_options_are_one_line_errors(tmp_path, args, needle):
    write_articles(tmp_path / "in", 2)
    r = run_cli("check", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "-e", "rules", *args,
                env={"VERIFIER_DASK_TIMEOUT": "2"}, timeout=60)
    err = r.stderr.decode()
    assert r.returncode != 0 and needle in err, err
    assert err.strip().count("\n") == 0 and err.startswith("verifier: error: "), err
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.parquet").exists()


def test_model_path_max_cost_across_the_cluster(tmp_path, cluster):
    from batch_helpers import article
    from fault_server import FaultServer
    from verifier import errors

    n = 24
    jl = tmp_path / "articles.jsonl"
    jl.write_text("".join(json.dumps({"id": f"a{i:02d}", "text": article(i)}) + "\n" for i in range(n)))
    cfg = tmp_path / "verifier.toml"
    cfg.write_text('[prices."fault-model"]\ninput = 1000.0\noutput = 1000.0\n')  # about $1 an article
    out = tmp_path / "out.jsonl"
    with FaultServer(latency=0.1) as server:
        r = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(jl), "-o", str(out), "-e", "llm", "--base-url",
                            server.url, "--model", "fault-model", "--config", str(cfg), "--max-cost", "6", "-j", "1",
                            "--no-progress", "--scheduler", cluster[0].scheduler_address],
                           capture_output=True, text=True, env=env(VERIFIER_TIMEOUT="5", VERIFIER_DASK_PARTITION="1"),
                           timeout=TIMEOUT, cwd=tmp_path)
        sent = len(server.chat_requests)
        keys = {req.headers.get(AUTH_HEADER) for req in server.chat_requests}
    assert r.returncode == errors.EXIT_BUDGET, r.stderr
    assert "raise --max-cost and run the same command again" in r.stderr
    recs = list(by_id(out).values())
    ok = [x for x in recs if x["status"] == "ok"]
    assert 0 < len(ok) < n
    cost = sum(x["report"]["usage"]["cost"] for x in ok)
    assert 6 <= cost + 2.5 and cost <= 6 + 2 * 1.5  # stopped at the cap, overshoot at most the 2 in flight
    assert all(x["error"]["type"] == "BudgetExceeded" for x in recs if x["status"] == "error")
    assert sent >= len(ok) and keys == {f"Bearer {KEY}"}  # the workers' key, from their environment
    for f in [out, *out.with_name("out.parquet").rglob("*.parquet")]:
        assert KEY.encode() not in f.read_bytes()
    assert KEY not in r.stderr


def test_ctrl_c_keeps_what_finished_and_the_same_command_finishes(tmp_path, cluster, corpus):
    inp, single = corpus
    out = tmp_path / "int.jsonl"
    e = env(VERIFIER_DASK_PARTITION="2")
    proc = subprocess.Popen(dask_cmd(inp, out, cluster[0].scheduler_address), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=e)
    try:
        wait_for_lines(out, 20, proc)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted:" in err and "run the same command again to finish" in err
    kept = by_id(out)
    assert 20 <= len(kept) < N and all(r["status"] == "ok" for r in kept.values())
    r = subprocess.run(dask_cmd(inp, out, cluster[0].scheduler_address), capture_output=True, text=True, env=e,
                       timeout=TIMEOUT)
    assert r.returncode == 0, r.stderr
    assert_same_articles(by_id(out), single)


def test_single_machine_and_dask_write_the_same_parquet_tables(tmp_path, cluster):
    """One writer for both runners: the same corpus (Parquet, with metadata
    and a failing row) through `verifier check` on one machine and on the
    cluster gives the same JSONL records and the same two tables, row for
    row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from batch_helpers import article

    rows = [{"id": f"p{i:02d}", "text": article(i), "outlet": ["Herald", "Courier", "Gazette"][i % 3],
             "date": f"2024-0{1 + i % 4}-10", "author": "A. Writer" if i % 2 else None} for i in range(30)]
    # the same text under another id: a duplicate row. Which of the two is "first" is the order in which
    # they finish; in one partition (of 3) and with -j 1 on one machine, that is the input order
    rows[4]["text"] = rows[3]["text"]
    rows.append({"id": "blank", "text": "  ", "outlet": "Herald", "date": "2024-01-01", "author": None})
    src = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=8)
    e = env(VERIFIER_PARQUET_PART="7", VERIFIER_DASK_PARTITION="3")
    outs = {}
    for name, extra in (("single", ["-j", "1"]), ("dask", ["--scheduler", cluster[0].scheduler_address])):
        outs[name] = tmp_path / f"{name}.jsonl"
        r = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(src), "-o", str(outs[name]), "-e",
                            "rules", "--no-progress", *extra], capture_output=True, text=True, env=e, timeout=TIMEOUT)
        assert r.returncode == 1 and "29 checked, 1 duplicate, 1 failed" in r.stderr, r.stderr
        assert f"results to {outs[name]} and {tmp_path / (name + '.parquet')}" in r.stderr
    single, dask = by_id(outs["single"]), by_id(outs["dask"])
    assert sorted(single) == sorted(dask)
    for ident, rec in single.items():
        assert {k: v for k, v in rec.items() if k != "report"} == {k: v for k, v in dask[ident].items() if k != "report"}
        assert (rec.get("report") or {}).get("claims") == (dask[ident].get("report") or {}).get("claims"), ident
    tables = {name: parquet_rows(out) for name, out in outs.items()}
    for which in (0, 1):  # articles, then claims
        key = (lambda r: r["id"]) if which == 0 else (lambda r: (r["article_id"], r["claim_id"]))
        a, b = (sorted(tables[n][which], key=key) for n in ("single", "dask"))
        assert a == b and len(a) == (31 if which == 0 else 2 * 29)
    assert len(list((tmp_path / "single.parquet" / "claims").glob("part-*"))) == 5  # 30 rows, 7 to a part
    articles = {a["id"]: a for a in tables["single"][0]}
    assert articles["blank"]["status"] == "error" and articles["p04"]["same_as"] == "p03"
    assert articles["p05"]["outlet"] == "Gazette" and articles["p05"]["claims"] == 2


@pytest.mark.parametrize("runner", ["single", "dask"])
def test_a_retried_article_that_succeeds_is_not_counted_failed(tmp_path, cluster, runner):
    """Run 1: one article fails (not UTF-8). Fixed, run 2 checks it. The
    articles table holds every article once, and `verifier report` (on the
    tables and on the JSONL) counts as failed only the article still
    failing, once."""
    from batch_helpers import article

    src = tmp_path / "in"
    write_articles(src, 6)
    (src / "bad.txt").write_bytes("Le ministre a déclaré".encode("latin-1"))
    (src / "worse.txt").write_bytes("Il a répondu".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    extra = ["--scheduler", cluster[0].scheduler_address] if runner == "dask" else []
    cmd = [sys.executable, "-m", "verifier.cli", "check", str(src), "-o", str(out), "-e", "rules", "--no-progress", *extra]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env(), timeout=TIMEOUT)
    assert first.returncode == 1 and "2 failed" in first.stderr, first.stderr
    articles, _ = parquet_rows(out)
    assert sorted(a["status"] for a in articles) == ["error"] * 2 + ["ok"] * 6
    (src / "bad.txt").write_text(article(99))  # fixed: the next run checks it
    again = subprocess.run(cmd, capture_output=True, text=True, env=env(), timeout=TIMEOUT)
    assert again.returncode == 1 and "1 checked" in again.stderr and "1 failed" in again.stderr, again.stderr
    articles, claims = parquet_rows(out)
    status = {}
    for a in articles:
        assert a["id"] not in status, f"{a['id']} twice in the articles table"
        status[a["id"]] = a["status"]
    assert status[str(src / "bad.txt")] == "ok" and status[str(src / "worse.txt")] == "error"
    assert sorted(status.values()).count("error") == 1 and len(status) == 8
    assert {c["article_id"] for c in claims} == {i for i, s in status.items() if s == "ok"}
    for results in (out, out.with_name("out.parquet")):
        page = tmp_path / f"{results.suffix or 'dir'}.html"
        r = run_cli("report", str(results), "-o", str(page), "--csv", str(tmp_path), timeout=60)
        assert r.returncode == 0, r.stderr
        html = page.read_text(encoding="utf-8")
        assert "7 articles" in r.stderr.decode() and ", 1 failed" in html and ", 2 failed" not in html, results
