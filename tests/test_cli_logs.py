"""`verifier logs`: the model calls, listed and inspected, never a key or a
header (issue 15). A real model server on 127.0.0.1, the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from llm_support import fake_key, ARTICLE, GOOD
from openai_server import AUTH_HEADER, OpenAIServer, error, structured

SECRET = fake_key("logs-test-SECRET-do-not-print-0123456789")


def env_for(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(OPENAI_API_KEY=SECRET, XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    return env


def cli(env, *args, cwd=None):
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def test_logs_list_and_show_calls_without_the_key(tmp_path):
    env = env_for(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    rec = tmp_path / "rec"
    with OpenAIServer() as server:
        server.script(error(500, "boom"), structured(GOOD, usage=(123, 45)))
        proc = cli(env, "check", str(article), "--extractor", "llm", "--base-url", server.url, "--model", "test-model",
                   "--mode", "record", "--recordings", str(rec), "-f", "json", "-vv")
        assert proc.returncode == 0, proc.stderr
        assert server.requests[-1].headers.get(AUTH_HEADER) == f"Bearer {SECRET}"  # the key was really used
        seen = [proc.stdout, proc.stderr]
        # a failing run is logged too
        server.default = error(400, "bad request")
        bad = cli(env, "check", "-", "--extractor", "llm", "--base-url", server.url, "--model", "test-model")
        assert bad.returncode != 0
        seen += [bad.stdout, bad.stderr]

    listing = cli(env, "logs")
    assert listing.returncode == 0, listing.stderr
    assert "test-model" in listing.stdout and "ok" in listing.stdout
    runs = [json.loads(line) for line in cli(env, "logs", "--json").stdout.splitlines()]
    assert len(runs) >= 1
    first = runs[0]
    assert first["model"] == "test-model" and first["status"] == "ok"
    assert first["requests"] == 2 and first["failed_requests"] == 1
    assert first["prompt_tokens"] == 123 and first["completion_tokens"] == 45
    assert first["source"] == str(article) and first["time"]
    assert cli(env, "logs", "--path").stdout.strip() == str(tmp_path / "state" / "verifier" / "calls.jsonl")

    calls = cli(env, "logs", "--recordings", str(rec), "--json")
    assert calls.returncode == 0, calls.stderr
    rows = [json.loads(line) for line in calls.stdout.splitlines()]
    assert sorted(r["status"] for r in rows) == [200, 500]
    good = next(r for r in rows if r["status"] == 200)
    assert good["prompt_tokens"] == 123 and good["model"] == "test-model"
    shown = cli(env, "logs", "--recordings", str(rec), "--show", f"{good['key'][:10]}:{good['index']}")
    assert shown.returncode == 0, shown.stderr
    entry = json.loads(shown.stdout)
    assert entry["request"]["body"]["messages"] and "headers" not in entry["response"]
    assert "reopen in May" in shown.stdout
    table = cli(env, "logs", "--recordings", str(rec))
    missing = cli(env, "logs", "--recordings", str(rec), "--show", "ffffffffffff")
    assert missing.returncode == 3 and missing.stderr.startswith("verifier: error: ")

    seen += [listing.stdout, listing.stderr, calls.stdout, shown.stdout, table.stdout, table.stderr]
    for text in seen:
        assert SECRET not in text
        assert AUTH_HEADER not in text.lower()
    for root, _dirs, files in os.walk(tmp_path):
        for f in files:
            data = open(os.path.join(root, f), "rb").read()
            assert SECRET.encode() not in data, f
            assert b"Bearer" not in data, f


def test_rules_runs_are_not_logged_and_an_empty_log_says_so(tmp_path):
    env = env_for(tmp_path)
    env.pop("OPENAI_API_KEY")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    assert cli(env, "check", str(article)).returncode == 0
    assert not (tmp_path / "state" / "verifier" / "calls.jsonl").exists()
    proc = cli(env, "logs")
    assert proc.returncode == 0 and proc.stdout == "" and "no model calls logged" in proc.stderr
