"""The model judge over a real OpenAI-protocol server on 127.0.0.1: only
deterministic not_found paraphrases are sent, the citation must be verbatim
(re-asked otherwise), a deterministic mismatch is never overridden, and a
recording replays with no server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import verifier
from llm_support import run_cli as run_llm_cli
from openai_server import OpenAIServer, structured

SOURCE = """MAYOR HELEN MARSH: We will not raise property taxes to pay for this project.

MAYOR HELEN MARSH: The council has approved 42 million dollars for the terminal.
"""
ARTICLE = ("Mayor Helen Marsh said that homeowners would not face a higher levy because of the terminal. "
           "Marsh said the council has approved $24 million for the terminal.\n")
CITATION = "We will not raise property taxes"


@pytest.fixture
def files(tmp_path, monkeypatch):
    for k in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    src = tmp_path / "briefing.txt"
    src.write_text(SOURCE, encoding="utf-8")
    art = tmp_path / "article.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    return tmp_path, art, src


def cite(text: str, verdict: str = "supported", reason: str = "The mayor rules out a property tax rise."):
    """A reply citing `text` from whichever numbered passage of the request holds it."""
    def reply(req):
        user = "\n".join(str(m.get("content") or "") for m in req.messages if m.get("role") == "user")
        n = next((int(line.split(":")[0].split()[1]) for line in user.splitlines()
                  if line.startswith("Passage ") and text in line), 1)
        return structured({"verdict": verdict, "passage": n, "citation": text, "reason": reason})(req)
    return reply


def _judge(url, rec, mode="record"):
    return {"model": "test-model", "base_url": url, "mode": mode, "recordings": rec, "max_attempts": 2,
            "backoff_initial": 0.01, "backoff_max": 0.02, "timeout": 5.0}


def _by_verdict(report):
    return {c.verdict: c for c in report.verification.checks}


def test_judge_supports_a_paraphrase_with_a_verbatim_citation_and_replays(files):
    tmp, art, src = files
    with OpenAIServer() as server:
        server.script(
            structured({"verdict": "supported", "passage": 1, "citation": "We shall not raise taxes", "reason": "x"}),
            cite(CITATION))
        report = verifier.verify(ARTICLE, [f"Helen Marsh={src}"], judge=_judge(server.url, tmp / "rec"))
        sent = server.chat_requests
    assert len(sent) == 2  # one claim judged, re-asked once for the bad citation
    assert "not verbatim" in json.dumps(sent[1].body)
    checks = _by_verdict(report)
    judged = checks["supported"]
    assert judged.method == "judge" and judged.judge.applied and judged.judge.citation == CITATION
    assert src.read_text(encoding="utf-8")[judged.passage.start:judged.passage.end] == CITATION
    assert checks["mismatch"].method == "deterministic"  # $24 million: never sent to the model
    assert report.verification.usage.requests == 2 and report.verification.judge_model == "test-model"
    again = verifier.verify(ARTICLE, [f"Helen Marsh={src}"], judge=_judge(None, tmp / "rec", mode="replay"))
    assert [c.model_dump() for c in again.verification.checks] == [c.model_dump() for c in report.verification.checks]


def test_judge_cannot_override_a_deterministic_mismatch(files):
    tmp, art, src = files
    with OpenAIServer() as server:
        server.default = cite("The council has approved", reason="same")
        report = verifier.verify(ARTICLE, [f"Helen Marsh={src}"], judge=_judge(server.url, tmp / "rec"))
        bodies = [json.dumps(r.body) for r in server.chat_requests]
    assert report.verification.counts["mismatch"] == 1
    assert not any("$24 million" in b for b in bodies)


def test_judge_saying_not_found_leaves_the_verdict(files):
    tmp, art, src = files
    with OpenAIServer() as server:
        server.default = structured({"verdict": "not_found", "reason": "Nothing about a levy."})
        report = verifier.verify(ARTICLE, [f"Helen Marsh={src}"], judge=_judge(server.url, tmp / "rec"))
    c = _by_verdict(report)["not_found"]
    assert c.method == "deterministic" and c.judge is not None and not c.judge.applied and c.passage is None


def test_cli_judge_record_then_replay_and_a_missing_recording(files):
    tmp, art, src = files
    rec = tmp / "rec"
    args = ["verify", str(art), "--source", f"Helen Marsh={src}", "--judge", "--model", "test-model", "-f", "json"]
    with OpenAIServer() as server:
        server.default = cite(CITATION)
        r = run_llm_cli(*args, "--base-url", server.url, "--mode", "record", "--recordings", str(rec))
    assert r.returncode == 0, r.stderr
    recorded = json.loads(r.stdout)["verification"]
    r = run_llm_cli(*args, "--mode", "replay", "--recordings", str(rec))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["verification"]["checks"] == recorded["checks"]
    r = run_llm_cli(*args, "--mode", "replay", "--recordings", str(tmp / "empty-rec"))
    assert r.returncode != 0 and r.stderr.startswith("verifier: error: ") and r.stderr.count("\n") == 1
    (tmp / "empty-rec").mkdir()
    r = run_llm_cli(*args, "--mode", "replay", "--recordings", str(tmp / "empty-rec"))
    assert r.returncode == 11 and r.stderr.startswith("verifier: error: ")


def test_importing_verify_does_not_import_the_model_stack():
    import subprocess
    import sys

    code = ("import sys, verifier; verifier.verify; import verifier.verify.run, verifier.verify.judge; "
            "print('openai' in sys.modules or 'instructor' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_answers_that_never_cite_verbatim_leave_the_deterministic_verdict(files):
    tmp, art, src = files
    with OpenAIServer() as server:
        server.default = structured({"verdict": "supported", "passage": 1, "citation": "invented words",
                                     "reason": "x"})
        report = verifier.verify(ARTICLE, [f"Helen Marsh={src}"], judge=_judge(server.url, tmp / "rec"))
    c = _by_verdict(report)["not_found"]
    assert c.method == "deterministic" and not c.judge.applied and "failed validation" in c.judge.reason


def test_an_unreachable_server_is_a_one_line_model_error(files):
    tmp, art, src = files
    r = run_llm_cli("verify", str(art), "--source", f"Helen Marsh={src}", "--judge", "--model", "m",
                    "--base-url", "http://127.0.0.1:9/v1", "--mode", "live", env={"VERIFIER_MAX_ATTEMPTS": "1"})
    assert r.returncode == 8 and r.stderr.startswith("verifier: error: ") and r.stderr.count("\n") == 1
