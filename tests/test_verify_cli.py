"""verifier verify and verifier eval --verify as real subprocesses: output
formats, one-line errors with their exit codes, the CI comparison."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "kelmar-port-briefing.txt")
SOURCE = "Anna Berg=" + str(ROOT / "examples" / "kelmar-port-briefing.transcript.txt")


def test_json_report_carries_the_verdicts():
    r = run_cli("verify", EXAMPLE, "--source", SOURCE, "-f", "json")
    assert r.returncode == 0, r.stderr
    v = json.loads(r.stdout)["verification"]
    # the extractor may split a sentence into more claims; the example's four cases are there
    assert {"altered", "mismatch", "not_found", "verbatim"} <= {c["verdict"] for c in v["checks"]}
    assert v["sources"][0]["speaker"] == "Anna Berg" and v["sources"][0]["turns"] == 5
    assert v["version"] == "2"  # 2: ClaimCheck.review (verdicts settled in review --verdicts)


def test_a_saved_report_is_verified_again(tmp_path):
    saved = tmp_path / "report.json"
    r = run_cli("check", EXAMPLE, "-f", "json", "-o", str(saved))
    assert r.returncode == 0, r.stderr
    r = run_cli("verify", str(saved), "--source", SOURCE, "-f", "markdown")
    assert r.returncode == 0, r.stderr
    assert "## Verification against sources" in r.stdout.decode()


def test_html_and_terminal(tmp_path):
    out = tmp_path / "v.html"
    r = run_cli("verify", EXAMPLE, "--source", SOURCE, "-f", "html", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert '<section class="verify">' in out.read_text(encoding="utf-8")
    r = run_cli("verify", EXAMPLE, "--source", SOURCE, "--no-color")
    assert r.returncode == 0 and b"VERIFICATION AGAINST SOURCES" in r.stdout


def test_errors_are_one_line(tmp_path):
    cases = [(("verify", EXAMPLE, "--source", str(tmp_path / "nope.txt")), 3),
             (("verify", str(tmp_path / "nope.txt"), "--source", SOURCE), 3),
             (("verify", EXAMPLE, "--source", "=x"), 9)]
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    cases.append((("verify", EXAMPLE, "--source", str(empty)), 5))
    bad = tmp_path / "bad.json"
    bad.write_text("{\"not\": \"a report\"}", encoding="utf-8")
    cases.append((("verify", str(bad), "--source", SOURCE), 7))
    for args, code in cases:
        r = run_cli(*args)
        err = r.stderr.decode().strip()
        assert r.returncode == code, (args, r.returncode, err)
        assert err.startswith("verifier: error: ") and "\n" not in err, err
    r = run_cli("verify", EXAMPLE)
    assert r.returncode == 2  # --source is required


def test_eval_verify_against_the_baseline(tmp_path):
    r = run_cli("eval", "--verify", "--compare", str(ROOT / "evals/verify/baseline.json"), "--json", "-")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["metrics"]["macro_f1"] >= 0.85 and data["metrics"]["recall_at_3"] >= 0.95
    better = tmp_path / "baseline.json"
    better.write_text(json.dumps({"metrics": {"macro_f1": 1.0, "accuracy": 1.0}}), encoding="utf-8")
    r = run_cli("eval", "--verify", "--compare", str(better), "-q")
    assert r.returncode == 10 and b"regression: macro_f1" in r.stderr


def test_eval_verify_scores_a_broken_fixture_as_an_error(tmp_path):
    shutil.copytree(ROOT / "evals/verify/src", tmp_path / "src")
    (tmp_path / "fixtures").mkdir()
    fx = json.loads((ROOT / "evals/verify/fixtures/v01-port-alder-ferry.json").read_text(encoding="utf-8"))
    fx["claims"][0]["start"] += 3
    (tmp_path / "fixtures" / "f.json").write_text(json.dumps(fx), encoding="utf-8")
    r = run_cli("eval", "--verify", "--fixtures", str(tmp_path / "fixtures"))
    assert r.returncode == 7 and b"evidence is not at" in r.stderr
