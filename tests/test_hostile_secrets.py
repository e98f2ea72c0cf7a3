"""Secrets and paths (issue 16): a server that echoes the API key or the
Authorization header in 400, 500 and 200 answers never gets a byte of the
key into a message, a batch file, a report or a recording; a long server
message is masked before it is cut; the recording store refuses an entry
that still carries the key; and a Document.hash that is a path cannot
place a recording outside the recordings directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from batch_helpers import write_articles
from fault_server import FaultServer
from llm_support import ARTICLE, fake_key, fast
from openai_server import OpenAIServer, error
from verifier.document import Document
from verifier.errors import ConfigError, ModelError
from verifier.llm.recording import RecordingStore
from verifier.pipeline import Verifier

KEY = fake_key("probe-XYZ0123456789abcdef")


def _key_fragments(text: str, key: str = KEY, n: int = 8) -> list[str]:
    """Every stretch of `n` characters of the key found in `text`."""
    return [key[i:i + n] for i in range(len(key) - n + 1) if key[i:i + n] in text]


def _all_files(root) -> dict[str, str]:
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            with open(p, "rb") as fh:
                out[p] = fh.read().decode("utf-8", "replace")
    return out


def test_an_echoed_key_reaches_no_file_and_no_message(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 12)
    out = tmp_path / "out.jsonl"
    rec = tmp_path / "rec"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(OPENAI_API_KEY=KEY, VERIFIER_BACKOFF_INITIAL="0.01", VERIFIER_BACKOFF_MAX="0.02",
               VERIFIER_MAX_ATTEMPTS="2", XDG_CONFIG_HOME="/nonexistent")
    with FaultServer(rates={"echo_key": 1.0}, seed=3) as server:
        proc = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(folder), "-o", str(out), "-e", "llm",
                               "--base-url", server.url, "--model", "m", "--mode", "record", "--recordings", str(rec),
                               "--no-progress"], capture_output=True, text=True, env=env, timeout=120)
        echoed = server.injected["echo_key"]
    assert echoed >= 12 and "Traceback" not in proc.stderr, proc.stderr
    assert "***" in proc.stderr or "***" in out.read_text()  # the echo is there, masked
    files = _all_files(tmp_path)
    assert any(p.startswith(str(rec)) for p in files)  # 400, 500 and 200 answers were recorded
    leaks = {p: _key_fragments(t) for p, t in files.items() if _key_fragments(t)}
    leaks.update({"stderr": _key_fragments(proc.stderr)} if _key_fragments(proc.stderr) else {})
    leaks.update({"stdout": _key_fragments(proc.stdout)} if _key_fragments(proc.stdout) else {})
    assert leaks == {}  # bytes of key in any file or message: 0
    assert not any("Bearer sk" in t for t in files.values())


def test_a_long_server_message_is_masked_before_it_is_cut():
    said = "x" * 180 + f" token {KEY} was rejected"  # the key straddles the 200-character cut
    with OpenAIServer(default=error(400, said)) as server:
        with pytest.raises(ModelError) as caught:
            Verifier(extractor="llm", base_url=server.url, **fast(api_key=KEY)).check(Document.from_text(ARTICLE))
    msg = str(caught.value)
    assert _key_fragments(msg, n=4) == [] or all(f in "token ***" for f in _key_fragments(msg, n=4)), msg
    assert "sk-probe" not in msg and "***" in msg


def test_the_store_refuses_an_entry_that_still_carries_the_key(tmp_path, monkeypatch):
    from verifier.llm import redact

    store = RecordingStore(tmp_path / "rec")
    entry = {"key": "k" * 24, "index": 0, "request": {"body": {}},
             "response": {"status": 500, "body": {"error": {"message": f"bad key {KEY}"}}}}
    store.put("a" * 64, dict(entry), secrets=(KEY,))  # scrubbed
    text = (tmp_path / "rec" / ("a" * 64 + ".jsonl")).read_text()
    assert KEY not in text and "bad key ***" in text
    monkeypatch.setattr(redact, "scrub", lambda obj, secrets: obj)  # a scrubber that missed it
    with pytest.raises(redact.SecretInRecording):
        store.put("b" * 64, dict(entry), secrets=(KEY,))
    assert not (tmp_path / "rec" / ("b" * 64 + ".jsonl")).exists()


def test_a_bearer_token_in_any_body_is_scrubbed():
    from verifier.llm import redact

    other = fake_key("other-token-998877")
    body = json.dumps({"detail": f"you sent auth Bearer {other} and Bearer abc.def-123"}).encode()
    clean = redact.scrub_bytes(body, ())
    assert other.encode() not in clean and b"abc.def" not in clean and clean.count(b"Bearer ***") == 2


@pytest.mark.parametrize("bad", ["../../escaped", "/tmp/absolute", ".hidden", "a/b", "x" * 200, "", "..", "a\nb"])
def test_a_document_hash_that_is_a_path_is_refused_before_any_request(tmp_path, bad):
    rec = tmp_path / "deep" / "rec"
    doc = Document.from_text(ARTICLE)
    doc.hash = bad  # what a caller of the Python API can do
    with OpenAIServer() as server:
        v = Verifier(extractor="llm", base_url=server.url, **fast(mode="record", recordings_dir=str(rec)))
        with pytest.raises(ConfigError, match="cannot name a recording"):
            v.check(doc)
        assert server.chat_requests == []
    written = [p for p in _all_files(tmp_path)]
    assert written == [] and not (tmp_path / "escaped.jsonl").exists()
