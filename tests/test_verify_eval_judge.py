"""`verifier eval --verify --model M`: the verification eval with the model
judge, recorded against a real OpenAI-protocol server on 127.0.0.1 and
replayed with no server; and, when the project's recordings of the local
model are committed (evals/verify/recordings/), their replay offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from llm_support import run_cli
from openai_server import OpenAIServer, structured

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "evals" / "verify" / "fixtures" / "v01-port-alder-ferry.json"
RECORDED = ROOT / "evals" / "verify" / "recordings" / "qwen2.5-coder-1.5b-instruct"


def cite_first_passage(req):
    """Supported, citing the first six words of passage 1 verbatim."""
    user = "\n".join(str(m.get("content") or "") for m in req.messages if m.get("role") == "user")
    text = next(line.split(":", 1)[1].strip() for line in user.splitlines() if line.startswith("Passage 1:"))
    return structured({"verdict": "supported", "passage": 1, "citation": " ".join(text.split()[:6]),
                       "reason": "Passage 1 says it."})(req)


def test_eval_with_the_judge_records_then_replays(tmp_path):
    rec = tmp_path / "rec"
    out, again = tmp_path / "a.json", tmp_path / "b.json"
    args = ["eval", "--verify", "--fixtures", str(FIXTURE), "--model", "test-model", "--recordings", str(rec)]
    with OpenAIServer() as server:
        server.default = cite_first_passage
        r = run_cli(*args, "--record", "--base-url", server.url, "--json", str(out), cwd=ROOT, timeout=120)
        sent = len(server.chat_requests)
    assert r.returncode == 0, r.stderr
    assert sent == 1  # the fixture's one deterministic not_found paraphrase, nothing else
    assert "model judge test-model: asked about 1 claims, its verdict applied to 1 (1 requests" in r.stdout
    recorded = json.loads(out.read_text())
    judged = [o for o in recorded["outcomes"] if o["judged"]]
    assert len(judged) == 1 and judged[0]["predicted"] == "supported" and judged[0]["judge_applied"]
    assert recorded["metrics"]["judged"] == 1
    r = run_cli(*args, "--json", str(again), cwd=ROOT, timeout=120)  # replay: no server
    assert r.returncode == 0, r.stderr
    assert json.loads(again.read_text())["outcomes"] == recorded["outcomes"]
    r = run_cli(*args[:-1], str(tmp_path / "none"), cwd=ROOT, timeout=120)
    assert r.returncode != 0 and r.stderr.startswith("verifier: error: ") and r.stderr.count("\n") == 1


def recorded_fixtures() -> list[Path]:
    """The verification fixtures whose judge requests are in RECORDED (one
    file per fixture, named by its article and sources)."""
    from verifier.document import content_hash
    from verifier.verify.eval import load_fixture
    from verifier.verify.run import judge_key
    from verifier.verify.sources import load_sources

    out = []
    for path in sorted(FIXTURE.parent.glob("*.json")):
        fx = load_fixture(path)
        srcs = load_sources([(s.get("speaker"), str(path.parent.parent / s["path"])) for s in fx["sources"]])
        if (RECORDED / f"{judge_key(content_hash(fx['article']), srcs)}.jsonl").exists():
            out.append(path)
    return out


@pytest.mark.skipif(not RECORDED.is_dir(), reason="no recordings of the local model in evals/verify/recordings")
def test_the_local_models_recorded_judgements_replay_offline(tmp_path):
    """Every recording replays with no server: each fixture's one not_found
    paraphrase is judged from the recorded answer (RECORDED.md beside them).
    One run over the fixtures folder: a subprocess per fixture cost 2 s each."""
    fixtures = recorded_fixtures()
    assert fixtures and len(fixtures) == len(list(RECORDED.glob("*.jsonl")))  # no stray recording
    assert fixtures == sorted(FIXTURE.parent.glob("*.json"))  # every fixture is recorded
    out = tmp_path / "all.json"
    r = run_cli("eval", "--verify", "--fixtures", str(FIXTURE.parent), "--model", "qwen2.5-coder-1.5b-instruct",
                "--json", str(out), cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    report = json.loads(out.read_text())
    judged = [o["fixture"] for o in report["outcomes"] if o["judged"]]
    assert sorted(judged) == [p.stem for p in fixtures]  # one judged claim in each fixture
    assert report["metrics"]["judged"] == len(fixtures)
    assert re.search(rf"model judge qwen2\.5-coder-1\.5b-instruct: asked about {len(fixtures)} claims", r.stdout)
