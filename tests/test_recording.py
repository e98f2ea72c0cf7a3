"""Recording and replay at the HTTP layer: record against a real server,
replay with the network unreachable, misses that say what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_support import ARTICLE, GOOD, NOT_IN_ARTICLE, SECRET, clean_env, fast, report_without_timings, run_cli  # noqa: F401
from openai_server import OpenAIServer, Reply, error, structured
from verifier.document import Document
from verifier.errors import MissingRecording
from verifier.pipeline import Verifier

DEAD_URL = "http://127.0.0.1:9/v1"   # nothing listens on port 9


def record(tmp_path: Path, text: str = ARTICLE, script=None, default=None, **settings):
    rec = tmp_path / "rec"
    with OpenAIServer() as server:
        server.script(*(script or [structured(GOOD, usage=(120, 30))]))
        server.default = default
        v = Verifier(extractor="llm", base_url=server.url, mode="record", recordings_dir=rec, **fast(**settings))
        report = v.check(text)
        n = len(server.chat_requests)
    return rec, report, n


def replay(rec: Path, text: str = ARTICLE, **settings):
    s = fast(**settings)
    s.pop("api_key")
    return Verifier(extractor="llm", base_url=DEAD_URL, mode="replay", recordings_dir=rec, **s).check(text)


def test_record_then_replay_offline_gives_the_same_report(clean_env, monkeypatch):
    script = [error(500, "boom"), structured(NOT_IN_ARTICLE, usage=(100, 20)), structured(GOOD, usage=(160, 30))]
    rec, recorded, n = record(clean_env, script=script)
    assert n == 3
    u = recorded.usage
    assert (u.requests, u.failed_requests, u.retries, u.reasks, u.total_tokens) == (3, 1, 1, 1, 310)
    # no network at all: a dead base URL, and any proxy would fail too
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    replayed = replay(rec)
    assert report_without_timings(replayed) == report_without_timings(recorded)
    # and once more through the public API, with no API key anywhere
    import verifier

    again = verifier.check(ARTICLE, extractor="llm", mode="replay", recordings_dir=rec, model="test-model",
                           **{k: v for k, v in fast().items() if k not in ("api_key", "model")})
    assert report_without_timings(again) == report_without_timings(recorded)


def test_recording_file_is_one_jsonl_per_article_without_secrets(clean_env):
    rec, report, _ = record(clean_env, script=[error(429, "wait", headers={"Retry-After": "0"}),
                                               structured(GOOD, usage=(120, 30))])
    files = list(rec.iterdir())
    assert [f.name for f in files] == [f"{report.document.hash}.jsonl"]
    raw = files[0].read_text(encoding="utf-8")
    assert SECRET not in raw and "authorization" not in raw.lower() and "bearer" not in raw.lower()
    lines = [json.loads(line) for line in raw.splitlines()]
    assert [(e["index"], e["response"]["status"]) for e in lines] == [(0, 429), (1, 200)]
    first = lines[0]
    assert set(first) == {"chunk", "index", "key", "key_version", "model", "prompt_version", "request", "response"}
    assert first["chunk"] == 1 and first["model"] == "test-model" and first["prompt_version"] == report.prompt_version
    assert first["request"]["endpoint"] == "chat/completions"
    assert first["request"]["body"]["messages"][1]["content"].count("the bridge will reopen in May") == 1
    assert first["response"]["headers"] == {"content-type": "application/json", "retry-after": "0"}
    # stable: top-level fields sorted, the request body in the order it was sent (the key depends on it)
    assert raw.splitlines()[0] == json.dumps({k: first[k] for k in sorted(first)}, ensure_ascii=False)
    assert list(first["request"]["body"])[:2] == ["messages", "model"]  # the openai client's order, not sorted


def test_401_answers_are_never_stored(clean_env):
    from verifier.errors import ModelError

    with pytest.raises(ModelError):
        record(clean_env, script=[error(401, f"Incorrect API key provided: {SECRET[:8]}***")])
    rec = clean_env / "rec"
    assert not rec.exists() or all(not f.read_text().strip() for f in rec.iterdir())


def test_replay_miss_names_the_closest_recording_and_what_differs(clean_env):
    rec, _, _ = record(clean_env)
    changed = ARTICLE.replace("in May", "in June")
    with pytest.raises(MissingRecording) as info:
        replay(rec, changed)
    msg = str(info.value)
    assert "no recording for this request" in msg and "the closest, key" in msg
    assert 'messages[1] (user) from char' in msg and '"May' in msg and '"June' in msg
    assert "to re-record: verifier check" in msg and "--mode record" in msg and f"--recordings {rec}" in msg
    with pytest.raises(MissingRecording, match=r"temperature: 0\.0 -> 0\.5"):
        replay(rec, temperature=0.5)
    with pytest.raises(MissingRecording, match=r"tools \(the response schema or instructor mode\)"):
        replay(rec, llm_mode="json")


def test_replay_in_an_empty_directory_says_so(clean_env):
    (clean_env / "empty").mkdir()
    with pytest.raises(MissingRecording, match="the directory has no recordings"):
        replay(clean_env / "empty")


def test_identical_requests_are_kept_apart_by_index(clean_env):
    text = "Officials said the bridge will reopen in May, after the long repair of its northern span ends next spring.\n\n" * 3
    texts = ["The bridge will reopen in May.", "The bridge reopens in May.", "The repaired bridge will reopen in May."]
    answers = [{"claims": [{"claim": t, "evidence": "the bridge will reopen in May",  # (texts the article supports)
                            "label": "attributed", "speaker": "Officials", "cue": "said"}]} for t in texts]
    settings = dict(chunk_chars=200, context_chars=0, concurrency=1)
    rec, recorded, n = record(clean_env, text, script=[structured(a) for a in answers], **settings)
    assert n == 3
    lines = [json.loads(x) for x in next(rec.iterdir()).read_text().splitlines()]
    assert len({e["key"] for e in lines}) == 1 and sorted(e["index"] for e in lines) == [0, 1, 2]
    replayed = replay(rec, text, **settings)
    assert report_without_timings(replayed) == report_without_timings(recorded)
    assert {c.text for c in replayed.claims} == set(texts)


def test_auto_mode_replays_what_exists_and_records_the_rest(clean_env):
    rec = clean_env / "rec"
    with OpenAIServer(default=structured(GOOD)) as server:
        v = Verifier(extractor="llm", base_url=server.url, mode="auto", recordings_dir=rec, **fast())
        first = v.check(ARTICLE)
        assert len(server.chat_requests) == 1
        second = v.check(ARTICLE)
        assert len(server.chat_requests) == 1                # replayed
        other = ARTICLE.replace("May", "June")
        server.default = structured({"claims": [dict(GOOD["claims"][0], evidence="the bridge will reopen in June")]})
        v.check(other)
        assert len(server.chat_requests) == 2                # recorded
    assert report_without_timings(first) == report_without_timings(second)
    assert len(list(rec.iterdir())) == 2


def test_recorded_timeout_replays_the_same_retries(clean_env):
    script = [Reply(delay=2.0, body={}), structured(GOOD, usage=(10, 10))]
    rec, recorded, n = record(clean_env, script=script, timeout=0.3)
    assert recorded.usage.failed_requests == 1 and recorded.usage.retries == 1
    lines = [json.loads(x) for x in next(rec.iterdir()).read_text().splitlines()]
    assert lines[0]["response"]["error"] == "timeout"
    replayed = replay(rec, timeout=0.3)
    assert report_without_timings(replayed) == report_without_timings(recorded)


def test_cli_replay_needs_no_key_and_no_network(clean_env):
    rec, recorded, _ = record(clean_env)
    article = clean_env / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = run_cli("check", str(article), "--format", "json", "--extractor", "llm", "--mode", "replay",
                  "--recordings", str(rec), "--model", "test-model", "--base-url", DEAD_URL, cwd=clean_env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["extractor"] == "llm" and data["usage"]["total_tokens"] == 150
    assert [c["evidence"]["text"] for c in data["claims"]] == [c.evidence.text for c in recorded.claims]
    # a miss: exit code 11 and one line naming what to do
    article.write_text(ARTICLE.replace("May", "June"), encoding="utf-8")
    out = run_cli("check", str(article), "--extractor", "llm", "--mode", "replay", "--recordings", str(rec),
                  "--model", "test-model", cwd=clean_env)
    assert out.returncode == 11
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("verifier: error: no recording for this request")
    assert f"verifier check {article} --extractor llm --mode record" in out.stderr


def test_recordings_command_lists_stale_and_orphaned_offline(clean_env):
    a, b = clean_env / "a.txt", clean_env / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE.replace("May", "June"), encoding="utf-8")
    rec, _, _ = record(clean_env, Document.from_path(a))
    record(clean_env, Document.from_path(b), default=structured({"claims": []}))
    doc_a = Document.from_path(a).hash
    path_a = rec / f"{doc_a}.jsonl"
    # an entry from an older prompt: same document, a request no longer made
    old = json.loads(path_a.read_text().splitlines()[0])
    old["request"]["body"]["messages"][0]["content"] = "an older system prompt"
    old.update(key="0" * 24, prompt_version="extract-000000000000")
    path_a.write_text(path_a.read_text() + json.dumps(old, sort_keys=True) + "\n")

    out = run_cli("recordings", str(a), "--recordings", str(rec), "--check", cwd=clean_env)
    assert out.returncode == 11, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith(f"stale      {a}  {doc_a[:12]}  2 entries  1 of 2 entries never asked for")
    assert "extract-000000000000" in lines[0]
    assert lines[1].startswith("orphaned") and Document.from_path(b).hash in lines[1]
    assert lines[-1] == f"{rec}: 1 orphaned, 1 stale"

    out = run_cli("recordings", str(a), "--recordings", str(rec), "--prune", cwd=clean_env)
    assert out.returncode == 0, out.stderr
    assert [p.name for p in rec.iterdir()] == [path_a.name]
    kept = [json.loads(x) for x in path_a.read_text().splitlines()]
    assert [e["prompt_version"] for e in kept] != ["extract-000000000000"] and len(kept) == 1


def test_recordings_command_reports_articles_to_re_record(clean_env):
    a = clean_env / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    rec, _, _ = record(clean_env, Document.from_path(a))
    # the article changed since it was recorded: its old file is orphaned, the new text unrecorded
    a.write_text(ARTICLE + "More text here.\n", encoding="utf-8")
    out = run_cli("recordings", str(a), "--recordings", str(rec), cwd=clean_env)
    assert out.returncode == 0
    assert out.stdout.splitlines()[0].startswith(f"unrecorded {a}")
    assert "orphaned" in out.stdout


def test_ctrl_c_while_recording_keeps_what_was_recorded(clean_env):
    import signal
    import subprocess
    import time as _time

    from llm_support import PYTHON

    paras = [f"Paragraph {i}: Officials said the bridge number {i} will reopen in May after long repairs." for i in range(6)]
    article = clean_env / "a.txt"
    article.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    rec = clean_env / "rec"
    with OpenAIServer() as server:
        server.route(lambda req: "Paragraph 0:" in req.text,
                     structured({"claims": [{"claim": "Bridge 0 will reopen in May.",
                                             "evidence": "the bridge number 0 will reopen in May",
                                             "label": "attributed", "speaker": "Officials", "cue": "said"}]}))
        server.default = Reply(hang=True)                # every other chunk: no answer
        env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
        env.update(VERIFIER_CHUNK_CHARS="200", VERIFIER_CONTEXT_CHARS="0", OPENAI_API_KEY=SECRET)
        proc = subprocess.Popen(
            [PYTHON, "-m", "verifier.cli", "check", str(article), "--extractor", "llm", "--mode", "record",
             "--recordings", str(rec), "--model", "test-model", "--base-url", server.url, "--concurrency", "2"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=clean_env)
        deadline = _time.monotonic() + 60
        while len(server.chat_requests) < 3 and _time.monotonic() < deadline:
            _time.sleep(0.05)
        assert len(server.chat_requests) >= 3            # chunk 1 answered; two requests hanging
        _time.sleep(0.3)
        t0 = _time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert _time.monotonic() - t0 < 5                # does not wait for the hanging requests
    assert proc.returncode == 130 and "Traceback" not in err
    files = list(rec.iterdir())
    assert len(files) == 1
    lines = [json.loads(x) for x in files[0].read_text().splitlines()]
    assert [(e["chunk"], e["response"]["status"]) for e in lines] == [(1, 200)]
    assert SECRET not in files[0].read_text()
