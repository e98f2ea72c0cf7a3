"""The fault test: a batch of 200 articles through the real CLI, the real
openai client and instructor, against a server that misbehaves on 30% of
requests (every kind of fault in tests/fault_server.py), plus articles the
server always refuses. Every article ends reported or listed as failed with
its reason, nothing duplicated, nothing dropped, and the usage ledger
matches the requests the server saw, article by article."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter

from batch_helpers import article
from fault_server import FAULTS, FaultServer, article_of
from openai_server import Reply, error
from verifier import errors
from llm_support import fake_key  # noqa: E402

N = 200
ATTEMPTS = 8  # a transport fault on 0.3 * 5/8 of requests: 8 in a row on one call is about 1 in 650,000
DOOMED_500 = {17, 101}   # always 500: fail after every retry
DOOMED_400 = {58}        # always 400: fail at once, no retry
_NUMBER = re.compile(r"bridge number (\d+) ")


def article_number(req) -> int | None:
    m = _NUMBER.search(article_of(req))
    return int(m.group(1)) if m else None


def run_batch(jl, out, server, *extra, timeout=120):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(OPENAI_API_KEY=fake_key("test-fault-key-0123456789"), VERIFIER_BACKOFF_INITIAL="0.01",
               VERIFIER_BACKOFF_MAX="0.05", VERIFIER_MAX_ATTEMPTS=str(ATTEMPTS), VERIFIER_TIMEOUT="2",
               XDG_CONFIG_HOME=str(jl.parent / "xdg"))
    return subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(jl), "-o", str(out),
                           "-e", "llm", "--base-url", server.url, "--model", "fault-model", "-j", "16", *extra],
                          capture_output=True, text=True, env=env, cwd=jl.parent, timeout=timeout)


def ledger_from(stderr: str) -> tuple[int, int, int, int, int]:
    m = re.search(r"(\d+) model requests \((\d+) failed, (\d+) retries, (\d+) re-asks\), (\d+) tokens", stderr)
    assert m, stderr
    return tuple(int(x) for x in m.groups())  # type: ignore[return-value]


def test_200_articles_under_30_percent_faults(tmp_path):
    jl = tmp_path / "articles.jsonl"
    jl.write_text("".join(json.dumps({"id": f"a{i:03d}", "text": article(i)}) + "\n" for i in range(N)))
    out = tmp_path / "out.jsonl"
    with FaultServer(rate=0.3, seed=7) as server:
        server.route(lambda r: article_number(r) in DOOMED_500, error(500, "internal error, always"))
        server.route(lambda r: article_number(r) in DOOMED_400, error(400, "this request is refused"))
        t0 = time.perf_counter()
        proc = run_batch(jl, out, server)
        elapsed = time.perf_counter() - t0
        seen = list(server.chat_requests)
        answered = list(server.answered)
        injected = dict(server.injected)
    err = proc.stderr
    assert proc.returncode == errors.EXIT_ERROR, err
    assert "Traceback" not in err
    assert f"{len(DOOMED_500) + len(DOOMED_400)} of {N} articles failed" in err
    assert all(injected[f] >= 3 for f in FAULTS), injected  # every kind of fault really happened

    # every article once: reported, or failed with its reason
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids)) == N and set(ids) == {f"a{i:03d}" for i in range(N)}
    by_num = {int(r["id"][1:]): r for r in recs}
    warned = 0
    for i, r in by_num.items():
        if i in DOOMED_500 | DOOMED_400:
            assert r["status"] == "error" and r["error"]["type"] == "ModelError", r
            assert ("500" if i in DOOMED_500 else "400") in r["error"]["message"]
        else:
            assert r["status"] == "ok", r
            claims, warnings = r["report"]["claims"], r["report"]["warnings"]
            assert r["report"]["extractor"] == "llm"
            # an answer that broke the schema on every attempt: no claims, and it says so
            assert claims or any("failed validation" in w for w in warnings), r["report"]
            warned += bool(warnings)
            text = r["report"]["document"]["text"]
            for c in claims:  # grounded evidence is the article's own words; the rest is marked
                ev = c["evidence"]
                assert c["status"] == "ungrounded" if ev["start"] is None else text[ev["start"]:ev["end"]] == ev["text"]

    # the run's ledger is what the server saw
    requests, failed, retries, reasks, tokens = ledger_from(err)
    assert requests == len(seen)
    transport_faults = sum(injected[f] for f in ("rate_limit", "server_error", "hang", "cut", "malformed"))
    doomed_requests = sum(1 for r in seen if article_number(r) in DOOMED_500 | DOOMED_400)
    assert failed == transport_faults + doomed_requests
    assert doomed_requests == ATTEMPTS * len(DOOMED_500) + len(DOOMED_400)  # 500s retried to the limit, 400 not
    assert reasks >= injected["bad_schema"] + injected["bad_evidence"] - 2  # last-attempt failures are no re-ask
    assert tokens == sum(p + c for _, p, c in answered)
    if warned:
        assert f"{warned} with warnings" in err

    # ... and article by article: each report's usage is its own requests
    per_article = Counter(article_number(r) for r in seen)
    for i, r in by_num.items():
        if r["status"] == "ok":
            assert r["report"]["usage"]["requests"] == per_article[i], (i, r["report"]["usage"], per_article[i])
    assert sum(r["report"]["usage"]["requests"] for r in recs if r["status"] == "ok") + doomed_requests == len(seen)
    print(f"\nfault batch: {N} articles, {len(seen)} requests, {injected}, {elapsed:.1f}s")

    # resume, the server healthy again: only the failed articles are sent
    with FaultServer() as healthy:
        proc = run_batch(jl, out, healthy)
        again = {article_number(r) for r in healthy.chat_requests}
    assert proc.returncode == 0, proc.stderr
    assert again == DOOMED_500 | DOOMED_400
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == N and {r["status"] for r in recs} == {"ok"} and len({r["id"] for r in recs}) == N


def test_max_cost_stops_the_batch_before_overspending_and_no_mixing_of_extractors(tmp_path):
    n = 10
    jl = tmp_path / "articles.jsonl"
    jl.write_text("".join(json.dumps({"id": f"a{i:02d}", "text": article(i)}) + "\n" for i in range(n)))
    cfg = tmp_path / "verifier.toml"
    cfg.write_text('[prices."fault-model"]\ninput = 1000.0\noutput = 1000.0\n')  # dollars per million tokens
    out = tmp_path / "out.jsonl"
    with FaultServer() as server:
        # about $1 an article; the ledger holds each request's worst case (~$2.9) before sending it
        proc = run_batch(jl, out, server, "--config", str(cfg), "--max-cost", "6", "-j", "1")
        sent = len(server.chat_requests)
    err = proc.stderr
    assert proc.returncode == errors.EXIT_BUDGET, err
    assert "max-cost" in err or "max cost" in err
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    ok = [r for r in recs if r["status"] == "ok"]
    assert 0 < len(ok) < n and sent == len(ok)
    assert sum(r["report"]["usage"]["cost"] for r in ok) <= 6
    stopped = [r for r in recs if r["status"] == "error"]
    assert all(r["error"]["type"] == "BudgetExceeded" for r in stopped)
    assert len({r["id"] for r in recs}) == len(recs)
    assert "raise --max-cost and run the same command again" in err  # resume: as in the fault test above

    # resuming into this file with another extractor would mix results: refused, file untouched
    before = out.read_text()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    mixed = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(jl), "-o", str(out), "-e", "rules"],
                           capture_output=True, text=True, env=env)
    assert mixed.returncode == errors.EXIT_CONFIG and mixed.stderr.count("\n") == 1, mixed.stderr
    assert "holds results of the llm (fault-model) extractor, not rules" in mixed.stderr
    assert out.read_text() == before


def test_requests_in_flight_are_bounded_and_ctrl_c_does_not_wait_for_them(tmp_path):
    """-j 3 articles at a time, each article's chunks 2 at a time (the model
    setting): with every request hanging, exactly 6 are in flight, however
    many chunks there are. Ctrl-C then returns at once, keeping the two
    articles that were answered."""
    n = 10
    jl = tmp_path / "articles.jsonl"
    texts = ["\n\n".join(article(100 * k + i).strip() for i in range(6)) for k in range(n)]
    jl.write_text("".join(json.dumps({"id": f"a{k}", "text": t}) + "\n" for k, t in enumerate(texts)))
    out = tmp_path / "out.jsonl"
    with FaultServer() as server:
        server.route(lambda r: (article_number(r) or 0) >= 200, Reply(hang=True))  # all but a0 and a1
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
        env.update(OPENAI_API_KEY=fake_key("test-fault-key-0123456789"), VERIFIER_TIMEOUT="300",
                   VERIFIER_CHUNK_CHARS="250", VERIFIER_CONTEXT_CHARS="0", VERIFIER_CONCURRENCY="2",
                   XDG_CONFIG_HOME=str(tmp_path / "xdg"))
        proc = subprocess.Popen([sys.executable, "-m", "verifier.cli", "check", str(jl), "-o", str(out),
                                 "-e", "llm", "--base-url", server.url, "--model", "fault-model", "-j", "3"],
                                stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.time() + 60
        last, still = -1, 0.0
        while time.time() < deadline and still < 1.0:  # until no new request for a second
            time.sleep(0.1)
            now = len(server.chat_requests)
            still = still + 0.1 if now == last and now > 0 else 0.0
            last = now
        answered = sum(1 for r in server.chat_requests if (article_number(r) or 0) < 200)
        hanging = len(server.chat_requests) - answered
        t0 = time.time()
        proc.send_signal(2)
        _, err = proc.communicate(timeout=120)
        stopped_in = time.time() - t0
    assert answered >= 2 * 3 and hanging == 3 * 2, (answered, hanging)
    assert proc.returncode == errors.EXIT_INTERRUPTED, err
    assert stopped_in < 3, stopped_in  # not after the 300 s timeout of the hanging requests
    assert "interrupted" in err and "Traceback" not in err
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["id"] for r in recs) == ["a0", "a1"] and all(r["status"] == "ok" for r in recs)
