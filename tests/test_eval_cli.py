"""`verifier eval` end to end, as a subprocess, on synthetic fixtures."""

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import run_cli
from eval_helpers import write_fixture_dir
from llm_support import fake_key  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture
def evaldir(tmp_path):
    write_fixture_dir(tmp_path)
    (tmp_path / "eval.toml").write_text(
        'fixtures = "fixtures"\nbaseline = "baseline.json"\nbootstrap = 100\n\n'
        '[[row]]\nname = "rules"\nextractor = "rules"\n\n'
        '[[row]]\nname = "tiny"\nextractor = "llm"\nmodel = "tiny-model"\nenabled = false\n')
    return tmp_path


def ev(d, *args, **kw):
    return run_cli("eval", "--config", str(d / "eval.toml"), *args, **kw)


def test_eval_prints_tables_and_writes_every_output(evaldir):
    r = ev(evaldir, "--json", str(evaldir / "out.json"), "--junit", str(evaldir / "junit.xml"),
           "--markdown", str(evaldir / "summary.md"))
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "2 fixtures (scored set)" in out and "extraction F1" in out
    assert "fx-bridge" in out and "fx-port" in out and "fx-dev" not in out
    assert "indirect_speech" in out  # per-phenomenon table
    doc = json.loads((evaldir / "out.json").read_text())
    assert [r["name"] for r in doc["rows"]] == ["rules"]  # the disabled row is not run
    assert doc["fixtures"] == ["fx-bridge", "fx-port"]
    assert doc["rows"][0]["counts"]["gold"] == 7
    assert doc["rows"][0]["metrics"]["label.extractor.accuracy"] is None  # rules: no own labels
    assert doc["run"]["exit_code"] == 0
    suites = ET.parse(evaldir / "junit.xml").getroot()
    assert [c.get("name") for c in suites.iter("testcase")] == ["fx-bridge", "fx-port"]
    assert (evaldir / "summary.md").read_text().startswith("## verifier eval")


def test_sets_and_json_to_stdout(evaldir):
    r = ev(evaldir, "--set", "dev", "--json", "-")
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    assert doc["fixtures"] == ["fx-dev"] and doc["run"]["fixture_set"] == "dev"
    r = ev(evaldir, "--set", "all", "--markdown", "-", "--bootstrap", "0")
    assert r.returncode == 0
    assert "3 fixtures (all set)" in r.stdout.decode()
    # the committed baseline is for the scored set; another set needs its own file
    r = ev(evaldir, "--set", "dev", "--update-baseline")
    assert r.returncode == 9 and "--compare FILE --update-baseline" in r.stderr.decode()
    r = ev(evaldir, "--set", "dev", "--compare", str(evaldir / "dev-base.json"), "--update-baseline", "-q")
    assert r.returncode == 0 and json.loads((evaldir / "dev-base.json").read_text())["rows"]["rules"]["set"] == "dev"


def test_baseline_update_compare_and_regression_exit_code(evaldir):
    base = evaldir / "baseline.json"
    r = ev(evaldir, "--update-baseline", "-q")
    assert r.returncode == 0, r.stderr.decode()
    assert "baseline written" in r.stderr.decode()
    data = json.loads(base.read_text())
    assert list(data["rows"]) == ["rules"] and data["rows"]["rules"]["claims"]["fx-bridge"]["g1"]
    r = ev(evaldir, "--compare", str(base), "-q")
    assert r.returncode == 0, r.stderr.decode()
    assert "no regression" in r.stdout.decode()
    # a baseline better than this run: regression, exit 10, after writing the outputs
    data["rows"]["rules"]["metrics"]["extraction.recall"] += 0.2
    base.write_text(json.dumps(data))
    r = ev(evaldir, "--compare", str(base), "-q", "--junit", str(evaldir / "j.xml"))
    assert r.returncode == 10, r.stderr.decode()
    assert "regression" in r.stdout.decode() and "extraction.recall" in r.stdout.decode()
    assert (evaldir / "j.xml").exists()
    # accepting the run: the drop is shown, the baseline rewritten, exit 0
    r = ev(evaldir, "--compare", str(base), "-q", "--update-baseline")
    assert r.returncode == 0 and "regression" in r.stdout.decode()
    recall = json.loads(base.read_text())["rows"]["rules"]["metrics"]["extraction.recall"]
    assert recall == pytest.approx(data["rows"]["rules"]["metrics"]["extraction.recall"] - 0.2)


def test_flips_listed_against_a_baseline_with_other_labels(evaldir):
    base = evaldir / "baseline.json"
    assert ev(evaldir, "--update-baseline", "-q").returncode == 0
    data = json.loads(base.read_text())
    claims = data["rows"]["rules"]["claims"]["fx-port"]
    gid, entry = next((k, v) for k, v in claims.items() if v[0])
    entry[1] = "asserted" if entry[1] == "attributed" else "attributed"
    base.write_text(json.dumps(data))
    r = ev(evaldir, "--compare", str(base), "--json", "-")
    flips = json.loads(r.stdout)["comparison"]["rows"][0]["flips"]
    assert {(f["fixture"], f["claim"], f["source"]) for f in flips} == {("fx-port", gid, "final")}


def test_compare_with_a_row_missing_from_the_baseline(evaldir):
    base = evaldir / "baseline.json"
    base.write_text('{"version": 1, "rows": {}}')
    r = ev(evaldir, "--compare", str(base))
    assert r.returncode == 9
    assert "no baseline for row(s) rules" in r.stderr.decode() and "--update-baseline" in r.stderr.decode()


def test_missing_recordings_exit_11_with_the_rerecord_command(evaldir):
    r = ev(evaldir, "--row", "tiny")
    assert r.returncode == 11
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "verifier eval --record --set all --row tiny --base-url" in err
    r = ev(evaldir, "--model", "other/Model 7B")
    assert r.returncode == 11 and "--model other/Model 7B" in r.stderr.decode()


def test_errors_are_one_line(evaldir, tmp_path):
    r = ev(evaldir, "--row", "nope")
    assert r.returncode == 9 and "no eval row named 'nope'" in r.stderr.decode()
    bad = evaldir / "fixtures" / "zz-bad.json"
    bad.write_text(json.dumps({"id": "zz", "text": "abc", "claims": [
        {"id": "g1", "text": "t", "evidence": {"start": 0, "end": 2, "text": "bc"}, "label": "asserted"}]}))
    r = ev(evaldir)
    assert r.returncode == 7
    assert "zz claim g1: offsets 0-2 disagree" in r.stderr.decode() and r.stderr.decode().count("\n") == 1
    bad.write_text("{")
    assert ev(evaldir).returncode == 7
    bad.unlink()
    (evaldir / "eval.toml").write_text("fixtures = [")
    r = ev(evaldir)
    assert r.returncode == 9 and "not valid TOML" in r.stderr.decode()
    r = run_cli("eval", "--fixtures", str(tmp_path / "none"))
    assert r.returncode == 3 and "no such fixtures directory" in r.stderr.decode()
    r = run_cli("eval", "--config", str(tmp_path / "nope.toml"))
    assert r.returncode == 3


def test_eval_of_rules_rows_never_imports_openai(evaldir):
    import subprocess
    import sys

    code = ("import sys; from verifier.cli import main; "
            f"rc = main(['eval', '--config', {str(evaldir / 'eval.toml')!r}, '-q', '--bootstrap', '0']); "
            "print('RC', rc, 'openai' in sys.modules, 'instructor' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert "RC 0 False False" in out


def test_record_against_a_server_then_replay_offline(evaldir):
    """--record calls a real chat-completions server on 127.0.0.1 and saves
    every response; the replay afterwards needs no server and scores the same."""
    from openai_server import OpenAIServer, structured

    from verifier.fixtures import fixture_paths, load_fixture

    fxs = [load_fixture(p) for p in fixture_paths(evaldir / "fixtures", include_dev=True)]

    def answer(req):
        fx = next(f for f in fxs if f.text.strip().splitlines()[-1][:60] in req.text)
        claims = [{"claim": g.text, "evidence": g.evidence.text, "label": g.label, "speaker": g.speaker,
                   "cue": g.cue} for g in fx.claims]
        return structured({"claims": claims}, usage=(100, 20))(req)

    secret = fake_key("test-do-not-store-3141")
    with OpenAIServer() as server:
        server.default = answer
        r = ev(evaldir, "--record", "--model", "tiny-model", "--base-url", server.url, "--json",
               str(evaldir / "rec.json"), "-q", env={"OPENAI_API_KEY": secret})
        assert r.returncode == 0, r.stderr.decode()
        assert len(server.chat_requests) == 3  # --record defaults to every fixture, dev included
        assert "[3/3] fx-dev: 3 claims, 1 requests" in r.stderr.decode()
        # --mode auto resumes a recording: what is recorded is replayed, only the rest is asked
        from verifier.evals.config import Row
        from verifier.evals.runner import predict

        auto_row = Row("tiny-model", "llm", "tiny-model", evaldir / "recordings" / "tiny-model")
        preds = predict(auto_row, fxs, mode="auto", base_url=server.url)
        assert len(server.chat_requests) == 3 and len(preds) == 3
    rec_dir = evaldir / "recordings" / "tiny-model"
    files = list(rec_dir.iterdir())
    assert len(files) == 3
    assert all(secret not in f.read_text() for f in files)
    recorded = json.loads((evaldir / "rec.json").read_text())["rows"][0]
    assert recorded["name"] == "tiny-model" and recorded["metrics"]["extraction.recall"] == 1.0
    assert recorded["metrics"]["label.extractor.accuracy"] == 1.0
    assert recorded["usage"]["prompt_tokens"] == 300

    # replay: the server is gone; the configured (disabled) row named explicitly
    r = ev(evaldir, "--row", "tiny", "--set", "all", "--json", "-")
    assert r.returncode == 0, r.stderr.decode()
    replayed = json.loads(r.stdout)["rows"][0]
    assert replayed["metrics"] == recorded["metrics"]
    assert replayed["claims"] == recorded["claims"]

    # a changed article has no recording: one MissingRecording (exit 11) naming the
    # fixtures and the command that re-records (in process: the CLI path is tested above)
    from verifier.errors import EXIT_MISSING_RECORDING, MissingRecording
    from verifier.evals.config import load_config
    from verifier.evals.runner import load_fixtures, predict

    fx_path = evaldir / "fixtures" / "fx-port.json"
    data = json.loads(fx_path.read_text())
    data["text"] = data["text"].replace("Port Strike Ends", "Port Strike Over")
    fx_path.write_text(json.dumps(data))
    cfg = load_config(evaldir / "eval.toml")
    with pytest.raises(MissingRecording) as info:
        predict(cfg.row("tiny"), load_fixtures(cfg.fixtures, "scored"))
    msg = str(info.value)
    assert info.value.exit_code == EXIT_MISSING_RECORDING
    assert "1 of 2 fixtures (fx-port)" in msg and "verifier eval --record --set all --row tiny" in msg
    assert "\n" not in msg
