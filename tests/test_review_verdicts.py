"""Settling verification verdicts (`verifier review REPORT.json --verdicts`,
issue 13): the session's rules, the journal, the settled Report, and the
command with a decisions file, on a Report the real `verifier.verify` made
from the project's example article and transcript."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from review_support import cli_env, write_report
from verdict_support import claim_with, verdicts, verified_report, write_verified
from verifier.review.inputs import ReviewInput
from verifier.review.verdict_screen import word_diff
from verifier.review.verdicts import (NeedsPassage, NeedsReason, VerdictSession, settled_report,
                                      verdict_summary_lines)
from verifier.review.journaled import ReviewError


@pytest.fixture(scope="module")
def report():
    return verified_report()


def review(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier.cli", "review", *args], cwd=str(cwd), env=cli_env(),
                          capture_output=True, text=True, input=stdin, timeout=120)


def events(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


# --- the session ----------------------------------------------------------------------
def test_the_verdicts_that_say_the_article_is_wrong_come_first(report):
    s = VerdictSession.in_memory(report)
    order = [s.state.checks[c].verdict for c in s.state.queue]
    assert order[:2] == ["mismatch", "altered"] and order[2] == "not_found"
    assert set(order[3:]) == {"supported", "verbatim"}


def test_confirm_and_override_settle_the_verdict_in_the_report(report):
    s = VerdictSession.in_memory(report, reviewer="ana")
    mismatch, altered = claim_with(report, "mismatch"), claim_with(report, "altered")
    s.confirm(altered)
    with pytest.raises(NeedsReason):
        s.override(mismatch, "supported", note="")
    it = s.override(mismatch, "supported", note="the 85 is with VAT; the article's 58 is without")
    tool = next(c for c in report.verification.checks if c.claim_id == mismatch)
    assert it.verdict == "supported" and it.passage == tool.passage
    out = settled_report(s.state)
    checks = {c.claim_id: c for c in out.verification.checks}
    assert checks[mismatch].verdict == "supported"
    assert checks[mismatch].review.action == "override" and checks[mismatch].review.tool_verdict == "mismatch"
    assert checks[mismatch].review.reviewer == "ana" and "with VAT" in checks[mismatch].reasons[0]
    assert checks[altered].verdict == "altered" and checks[altered].review.action == "confirm"
    assert out.verification.counts["mismatch"] == 0
    assert out.verification.counts["supported"] == list(verdicts(report).values()).count("supported") + 1
    left = [c for c in s.state.queue if c not in (mismatch, altered)]
    assert out.warnings[-1] == f"review: {len(left)} verdict(s) not reviewed yet: " + ", ".join(left)
    lines = verdict_summary_lines(s.state, "k.json")
    assert lines[0] == "k.json: 6 verdicts, 2 settled, 4 left" and f"{mismatch}: mismatch -> supported" in lines[-1]


def test_a_verdict_never_rests_on_no_passage(report):
    s = VerdictSession.in_memory(report)
    missing = claim_with(report, "not_found")
    assert s.state.checks[missing].passage is None
    with pytest.raises(NeedsPassage, match="choose one of 1-3"):
        s.override(missing, "supported", note="it is said in other words")
    with pytest.raises(NeedsPassage, match="not one of 1-3"):
        s.override(missing, "supported", note="x", passage=4)
    it = s.override(missing, "supported", note="passage 2 says it", passage=2)
    assert it.passage == s.state.choices(missing)[1] and it.passage.text
    with pytest.raises(ReviewError, match="is the tool's verdict"):
        s.override(claim_with(report, "verbatim"), "verbatim", note="same")
    with pytest.raises(ReviewError, match="unknown verdict"):
        s.override(missing, "true", note="x")


def test_undo_brings_the_tools_verdict_back(report):
    s = VerdictSession.in_memory(report)
    cid = claim_with(report, "altered")
    s.override(cid, "verbatim", note="the ellipsis hides nothing that matters")
    assert s.state.items[cid].verdict == "verbatim"
    s.undo()
    assert s.state.items[cid].verdict == "altered" and not s.state.items[cid].decided
    assert s.cursor == cid


def test_the_word_diff_marks_what_the_article_changed():
    runs = word_diff("the work would cost 58 million euros",
                     "Anna Berg said: The work will cost 85 million euros and should be finished in 2029.")
    assert runs == [("=", "the work"), ("-", "will"), ("+", "would"), ("=", "cost"), ("-", "85"), ("+", "58"),
                    ("=", "million euros")]


def test_the_journal_resumes_the_verdicts_as_they_were(tmp_path, report):
    path = tmp_path / "k.json"
    path.write_text(report.model_dump_json(), encoding="utf-8")
    src = ReviewInput(path=path, kind="report")
    s = VerdictSession.open(src, "ana")
    cid = claim_with(report, "mismatch")
    s.override(cid, "supported", note="VAT")
    s.confirm(claim_with(report, "altered"))
    s.close()
    again = VerdictSession.open(src, "ben")
    try:
        assert again.resumed and again.state.items[cid].verdict == "supported"
        assert again.state.decided_count() == 2 and again.cursor == s.cursor
    finally:
        again.close()
    # the Report verified again (other verdicts) is not the one the journal reviews
    changed = report.model_copy(deep=True)
    changed.verification.checks[0].verdict = "not_found"
    path.write_text(changed.model_dump_json(), encoding="utf-8")
    with pytest.raises(Exception, match="changed since its verdict review started.*--restart"):
        VerdictSession.open(src, "ana")


# --- the command --------------------------------------------------------------------------
def test_decisions_settle_the_verdicts_and_write_the_settled_report(tmp_path, report):
    write_verified(tmp_path / "k.json")
    mismatch, missing = claim_with(report, "mismatch"), claim_with(report, "not_found")
    (tmp_path / "d.txt").write_text(
        f'{mismatch} override supported note="85 is with VAT"\n'
        f'{missing} override supported passage=2 note="passage 2 says it"\n'
        "undo\n"
        f'{missing} note "nothing like it in the transcript"\n'
        "* confirm\n", encoding="utf-8")
    r = review("k.json", "--verdicts", "--decisions", "d.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "k.json: 6 verdicts, 6 settled, 0 left" in r.stdout and "5 confirmed, 1 overridden" in r.stdout
    assert "wrote verdicts: k.settled.json" in r.stdout
    settled = json.loads((tmp_path / "k.settled.json").read_text())
    by = {c["claim_id"]: c for c in settled["verification"]["checks"]}
    assert by[mismatch]["verdict"] == "supported" and by[mismatch]["review"]["tool_verdict"] == "mismatch"
    assert by[missing]["verdict"] == "not_found" and by[missing]["review"]["action"] == "confirm"
    assert by[missing]["review"]["note"] == "nothing like it in the transcript"
    assert settled["verification"]["version"] == "2" and settled["verification"]["counts"]["mismatch"] == 0
    kinds = [e["type"] for e in events(tmp_path / "k.json.verdicts.review.jsonl")]
    assert kinds[0] == "session" and kinds.count("undo") == 1 and kinds[-1] == "quit"
    # resumed: the verdicts are kept, and -o - puts the settled Report alone on stdout
    r = review("k.json", "--verdicts", "--decisions", "-", "-o", "-", cwd=tmp_path, stdin="")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["verification"]["checks"] == settled["verification"]["checks"]
    assert "6 settled, 0 left" in r.stderr


def test_a_bad_line_writes_nothing(tmp_path, report):
    write_verified(tmp_path / "k.json")
    cid = claim_with(report, "altered")
    (tmp_path / "d.txt").write_text(f"{cid} confirm\n{cid} override verbatim\n", encoding="utf-8")
    r = review("k.json", "--verdicts", "--decisions", "d.txt", cwd=tmp_path)
    assert r.returncode == 7
    assert r.stderr.strip().splitlines() == [f"verifier: error: d.txt:2: {cid}: an override needs its reason "
                                             "(a note a person can check)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.txt", "k.json"]
    (tmp_path / "d.txt").write_text("c1 override probably\n", encoding="utf-8")
    r = review("k.json", "--verdicts", "--decisions", "d.txt", cwd=tmp_path)
    assert r.returncode == 7 and "override needs a verdict (verbatim, altered" in r.stderr


def test_verdicts_need_a_verified_report(tmp_path):
    (tmp_path / "a.txt").write_text("Anna Berg said the port would grow.\n", encoding="utf-8")
    write_report(tmp_path / "plain.json")
    for name, why in (("a.txt", "not an article"), ("plain.json", "has no verification")):
        r = review(name, "--verdicts", "--decisions", "-", cwd=tmp_path, stdin="* confirm\n")
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and why in r.stderr, r.stderr
    r = review("plain.json", "--verdicts", "--export", "fixture", "--decisions", "-", cwd=tmp_path, stdin="")
    assert r.returncode == 1 and "--export report" in r.stderr


def test_output_is_spelled_as_in_the_other_commands_and_out_still_works(tmp_path):
    """Issue 15: `-o/--output` like check, render and verify; the old --out
    is a hidden alias."""
    help_ = review("--help", cwd=tmp_path)
    assert "--output" in help_.stdout and "--out " not in help_.stdout.replace("--output", "")
    write_report(tmp_path / "harbour.json")
    for flag, name in (("--output", "a.json"), ("-o", "b.json"), ("--out", "c.json")):
        r = review("harbour.json", "--decisions", "-", "--export", "report", flag, name, cwd=tmp_path,
                   stdin="c8 reject\n* accept\n" if flag == "--output" else "")
        assert r.returncode == 0, r.stderr
        assert json.loads((tmp_path / name).read_text())["claims"]
    r = review("harbour.json", "--decisions", "-", "--export", "report", "--output", "x.json", "--out", "y.json",
               cwd=tmp_path, stdin="")
    assert r.returncode == 2 and "old spelling of --output" in r.stderr
    r = review("harbour.json", "--decisions", "-", "--export", "report", "-o", "missing/r.json", cwd=tmp_path,
               stdin="")
    assert r.returncode != 0 and not (tmp_path / "missing").exists() and "Traceback" not in r.stderr
