"""`verifier recordings` without false alarms (issue 15): the documented
defaults find evals/recordings/<model>/, the row's max_reasks is respected,
--check passes when everything is recorded, and the command it suggests
really records what is missing (run here against a local model server)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

from conftest import ROOT, run_cli
from eval_helpers import write_fixture_dir
from openai_server import OpenAIServer, structured
from llm_support import fake_key  # noqa: E402


def test_defaults_find_every_recording_of_the_committed_row():
    proc = run_cli("recordings", "--check", "--row", "qwen2.5-coder-1.5b", cwd=ROOT)
    out = proc.stdout.decode()
    assert proc.returncode == 0, out + proc.stderr.decode()
    assert "row qwen2.5-coder-1.5b: evals/recordings/qwen2.5-coder-1.5b-instruct" in out
    assert "unrecorded" not in out and "missing" not in out
    ok = [line for line in out.splitlines() if line.startswith("ok ")]
    assert len(ok) == 20  # every fixture, scored and dev


def test_the_hybrid_row_has_a_recording_for_every_fixture():
    """Every fixture is recorded for the hybrid row; one whose rules
    candidates changed since is 'stale' (replayed with replay_stale), never
    missing or unrecorded."""
    proc = run_cli("recordings", "--row", "hybrid-qwen2.5-coder-1.5b", cwd=ROOT)
    out = proc.stdout.decode()
    assert proc.returncode == 0, out + proc.stderr.decode()
    rows = [line for line in out.splitlines() if line.split(" ", 1)[0] in ("ok", "stale", "missing", "unrecorded",
                                                                          "failed")]
    assert len(rows) == 20 and all(line.startswith(("ok ", "stale ")) for line in rows), out


def test_the_recordings_folder_itself_lends_the_row_settings():
    # --check: the llm row's folder is exact; the parent holds the hybrid row's too, whose fixtures may be
    # stale (its candidates move with the rules), never missing
    for arg, check in (("evals/recordings/qwen2.5-coder-1.5b-instruct", True), ("evals/recordings", False)):
        proc = run_cli("recordings", "--recordings", arg, *(["--check"] if check else []), cwd=ROOT)
        out = proc.stdout.decode()
        assert proc.returncode == 0, out
        assert "differs in messages" not in out and "missing" not in out


def test_ignoring_the_rows_max_reasks_would_be_caught(tmp_path):
    """The row was recorded without re-asks: replayed with re-asks allowed
    (the client's default) a fixture needs turns that were never recorded."""
    import shutil

    from verifier.document import Document
    from verifier.fixtures import load_fixture

    fx = ROOT / "evals/fixtures/f05-sella-low-water.json"
    name = Document(text=load_fixture(fx).text).hash + ".jsonl"
    shutil.copy(ROOT / "evals/recordings/qwen2.5-coder-1.5b-instruct" / name, tmp_path / name)
    out = run_cli("recordings", str(fx), "--max-reasks", "2", cwd=ROOT).stdout.decode()
    assert out.splitlines()[1].startswith("missing "), out
    assert out.splitlines()[1].startswith("missing ") and "messages" in out
    out = run_cli("recordings", str(fx), cwd=ROOT).stdout.decode()
    assert out.splitlines()[1].startswith("ok "), out
    # a copy elsewhere: --row says how it was made
    proc = run_cli("recordings", str(fx), "--recordings", str(tmp_path), "--row", "qwen2.5-coder-1.5b", "--check",
                   cwd=ROOT)
    assert proc.returncode == 0, proc.stdout.decode()
    proc = run_cli("recordings", str(fx), "--recordings", str(tmp_path), "--check", cwd=ROOT)
    assert proc.returncode == 11 and "missing " in proc.stdout.decode()


def _suggested(out: str) -> list[str]:
    cmds = [line.split("; to re-record: ", 1)[1] for line in out.splitlines() if "; to re-record: " in line]
    assert cmds, out
    return cmds


def test_the_suggested_command_records_what_is_missing(tmp_path):
    fixtures = write_fixture_dir(tmp_path)
    (tmp_path / "recordings" / "fake").mkdir(parents=True)
    (tmp_path / "eval.toml").write_text(
        'fixtures = "fixtures"\n'
        '[[row]]\nname = "rules"\nextractor = "rules"\n'
        '[[row]]\nname = "fake"\nextractor = "llm"\nmodel = "fake-model"\nrecordings = "recordings/fake"\n'
        'settings = { max_reasks = 0, timeout = 20 }\n', encoding="utf-8")
    args = ("recordings", "--eval-config", "eval.toml", "--check")
    proc = run_cli(*args, cwd=tmp_path)
    out = proc.stdout.decode()
    assert proc.returncode == 11, out
    assert out.count("unrecorded") >= 3
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env["OPENAI_API_KEY"] = fake_key("test-not-a-real-key-000000")  # fake, split so no scanner takes it for a real one
    with OpenAIServer() as server:
        server.default = structured({"claims": []})
        for cmd in _suggested(out):
            argv = shlex.split(cmd.replace("URL", server.url))
            assert argv[0] == "verifier" and "--fixtures" in argv
            # the suggestion names eval.toml's row; run from the same place, with that settings file
            argv = argv[1:] + (["--config", "eval.toml"] if "--config" not in argv else [])
            rec = subprocess.run([sys.executable, "-m", "verifier.cli", *argv], capture_output=True, env=env,
                                 cwd=tmp_path, timeout=120)
            assert rec.returncode == 0, (cmd, rec.stderr.decode())
        assert len(server.chat_requests) == 3
    proc = run_cli(*args, cwd=tmp_path)
    out = proc.stdout.decode()
    assert proc.returncode == 0, out
    assert sum(line.startswith("ok ") for line in out.splitlines()) == 3, out
    assert "unrecorded" not in out and len(list((tmp_path / "recordings" / "fake").glob("*.jsonl"))) == 3
    assert fixtures.is_dir()
