"""Hostile input through the model layer (the real openai client and
instructor against tests/fault_server.py): a model that obeys an injection
in the article, evidence that is not in the article, HTML scripts, a
200,000-word article, and input refused before any request is sent. The
checker and the grounding still rule, and every override is visible.

The pipeline cases run in this process (openai and instructor take seconds
to import in each new interpreter); the CLI cases run the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from batch_helpers import long_article
from fault_server import FaultServer, article_of
from test_hostile import INJECTION
from llm_support import fake_key, fast
from verifier import errors
from verifier.document import Document
from verifier.pipeline import Verifier


def run(server, *args, timeout=120, **env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(OPENAI_API_KEY=fake_key("test-hostile-key-0123456789"), VERIFIER_BACKOFF_INITIAL="0.01",
               VERIFIER_BACKOFF_MAX="0.05", VERIFIER_TIMEOUT="5", XDG_CONFIG_HOME="/nonexistent", **env_extra)
    return subprocess.run([sys.executable, "-m", "verifier.cli", "check", *args, "--base-url", server.url,
                           "--model", "hostile-model", "-e", "llm"], capture_output=True, text=True, env=env,
                          timeout=timeout)


def check(server, path, **settings) -> dict:
    verifier = Verifier(extractor="llm", base_url=server.url, **fast(**settings))
    return json.loads(verifier.check(Document.from_path(path)).model_dump_json())


def test_a_model_that_obeys_the_injection_is_overruled_and_flagged(tmp_path):
    p = tmp_path / "inject.txt"
    p.write_text(INJECTION)
    with FaultServer(comply=True) as server:
        rep = check(server, p)
        sent = server.chat_requests[0].text
    assert "IGNORE ALL PREVIOUS INSTRUCTIONS" in sent  # the article reached the model as data, unaltered
    assert all(c["extractor"]["label"] == "asserted" for c in rep["claims"])  # the model complied...
    said = next(c for c in rep["claims"] if "bridge will close" in c["evidence"]["text"])
    assert said["label"] == "attributed" and said["status"] == "disagreed"  # ...the checker did not
    for c in rep["claims"]:
        assert c["label"] == c["checker"]["label"]
        assert c["status"] == ("agreed" if c["extractor"]["label"] == c["checker"]["label"] else "disagreed")


def test_evidence_not_in_the_article_stays_ungrounded_and_unlabelled_by_the_checker(tmp_path):
    invented = {"claims": [
        {"claim": "The mayor resigned.", "evidence": "the mayor resigned on Friday", "label": "attributed",
         "speaker": "Officials", "cue": "said"},
        {"claim": "The bridge will close.", "evidence": "the bridge will close for repairs in March",
         "label": "asserted", "speaker": None, "cue": None},
    ]}
    p = tmp_path / "a.txt"
    p.write_text(INJECTION)
    with FaultServer(answer=lambda text: invented) as server:
        rep = check(server, p, max_reasks=2)
        n_requests = len(server.chat_requests)
    assert n_requests == 3 and rep["usage"]["reasks"] == 2  # first try + 2 re-asks with the reason
    by_ev = {c["evidence"]["text"]: c for c in rep["claims"]}
    ghost = by_ev["the mayor resigned on Friday"]
    assert ghost["status"] == "ungrounded" and ghost["checker"] is None and ghost["evidence"]["start"] is None
    real = next(c for c in rep["claims"] if "bridge will close" in c["evidence"]["text"])
    assert real["label"] == "attributed" and real["status"] == "disagreed"
    assert any("failed validation" in w for w in rep["warnings"])


def test_html_scripts_never_reach_the_model(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge</title><script>var s = 'Officials said the election was rigged.'</script></head>"
        "<body><article><p>The mayor said the bridge will close in March.</p>"
        "<p>The bridge carries 40,000 cars a day.</p><script>document.write('The senator admitted fraud.')</script>"
        "</article></body></html>")
    with FaultServer() as server:
        rep = check(server, page)
        sent = "\n".join(r.text for r in server.chat_requests)
    assert "bridge will close" in sent and "rigged" not in sent and "fraud" not in sent
    labels = {c["evidence"]["text"]: c["label"] for c in rep["claims"]}
    assert labels == {"The mayor said the bridge will close in March.": "attributed",
                      "The bridge carries 40,000 cars a day.": "asserted"}


def test_refused_input_sends_no_request(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre a déclaré".encode("latin-1"))
    with FaultServer() as server:
        for path, code in ((blank, errors.EXIT_EMPTY), (latin, errors.EXIT_MALFORMED)):
            proc = run(server, str(path))
            assert proc.returncode == code and proc.stderr.count("\n") == 1, proc.stderr
        assert server.chat_requests == []


def test_a_200000_word_article_is_chunked_and_every_chunk_answered(tmp_path):
    text = long_article(200_000)
    sentences = text.count(". ") + text.count(".\n")
    assert len(text.split()) >= 200_000
    p = tmp_path / "long.txt"
    p.write_text(text)
    with FaultServer() as server:  # (its time and peak memory: benchmarks/bench_longdoc.py)
        rep = check(server, p, chunk_chars=40000, concurrency=8, max_tokens=32768)  # ~25k answer tokens a chunk
        chunks = [article_of(r) for r in server.chat_requests]
    assert len(chunks) == rep["usage"]["requests"] >= len(text) // 40000
    assert max(len(c) for c in chunks) <= 40000
    # the chunks cover the article: every paragraph went to the model exactly once
    sent = sorted((text.index(c), c) for c in chunks)
    assert sum(len(c) for _, c in sent) >= len(text.strip()) - 2 * len(chunks)
    assert all(a + len(c) <= b for (a, c), (b, _) in zip(sent, sent[1:]))
    claims = rep["claims"]
    assert len(claims) == sentences  # one per sentence, from first chunk to last
    assert all(c["status"] in ("agreed", "disagreed") for c in claims)
    assert f"number {sentences - 1} " in claims[-1]["evidence"]["text"]
