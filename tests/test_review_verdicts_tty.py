"""The interactive verdict review (`verifier review REPORT.json --verdicts`),
driven in a real pseudo-terminal and read through a terminal emulator at
80x24 with NO_COLOR: the passage and the word-level diff on screen, a
confirm, an override (verdict, passage, reason), kill -9 and resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review_support import Tty
from verdict_support import write_verified

pytest.importorskip("pexpect")
pytest.importorskip("pyte")


def journal(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_fits(t: Tty) -> None:
    lines = t.lines
    assert lines[0].startswith("verifier review · k.json"), t.text
    assert "save & quit" in lines[-1], t.text
    for row in t.screen.buffer.values():
        for ch in row.values():
            assert ch.fg == "default" and ch.bg == "default", (ch, t.text)


def test_confirm_override_kill_and_resume(tmp_path):
    write_verified(tmp_path / "k.json")
    t = Tty("review", "k.json", "--verdicts", cwd=tmp_path)
    # the changed number first: the claim, the passage, the diff, the reasons, the passages to choose from
    screen = t.wait("verdict 1 of 6", "c3 MISMATCH")
    assert "Article  “the work would cost 58 million euros”" in screen
    assert "> The work will cost 85 million euros and should be finished in 2029." in screen
    assert "Diff     the work [-will-] {+would+} cost [-85-] {+58+} million euros" in screen
    assert "the claim says '58 million euros', the passage says '85 million euros'" in screen
    assert "  1) kelmar-port-briefing.transcript.txt 255-322" in screen
    assert_fits(t)
    t.send("a")                                              # confirm
    screen = t.wait("c3: mismatch confirmed", "verdict 2 of 6", "c5 ALTERED")
    assert "Diff     We are not planning to raise harbour fees [-this year-] {+for" in screen  # the altered quote
    t.send("o")                                              # override: verdict, passage, reason
    t.wait("Override c5: the tool says altered", r"Verdict \(1 verbatim")
    t.line("1")
    t.wait("Verdict: verbatim", r"Passage it rests on \(1-\d\): 1")
    t.send("\r")
    t.wait("Why")
    t.line("the dropped clause repeats the quoted one")
    t.wait("c5: overridden, altered -> verbatim", "verdict 3 of 6", "c6 NOT_FOUND")
    assert "Source   no passage" in t.text
    kinds = [e["action"] for e in journal(tmp_path / "k.json.verdicts.review.jsonl") if e["type"] == "change"]
    assert kinds == ["confirm", "override"]
    t.kill9()

    t = Tty("review", "k.json", "--verdicts", cwd=tmp_path)
    t.wait("resumed: every earlier decision is kept", "verdict 3 of 6", "c6 NOT_FOUND")
    t.send("b")
    t.wait("c5 ALTERED", "settled: overridden as verbatim by tester")
    t.send("u")                                              # undo the override
    t.wait("undone: override on c5", r"c5 ALTERED \(quotation\)  undecided")
    t.send("a")
    t.wait("c5: altered confirmed")
    t.send("q")
    assert t.finish() == 0
    settled = json.loads((tmp_path / "k.settled.json").read_text())
    by = {c["claim_id"]: c for c in settled["verification"]["checks"]}
    assert by["c3"]["review"]["action"] == "confirm" and by["c5"]["verdict"] == "altered"
    assert by["c5"]["review"]["action"] == "confirm" and by["c6"]["review"] is None
    assert "review: 4 verdict(s) not reviewed yet" in settled["warnings"][-1]


def test_an_override_without_a_passage_or_reason_is_refused(tmp_path):
    write_verified(tmp_path / "k.json")
    t = Tty("review", "k.json", "--verdicts", cwd=tmp_path)
    t.wait("c3 MISMATCH")
    t.send(" ")
    t.send(" ")
    t.wait("c6 NOT_FOUND", "Passages")
    t.send("o")
    t.wait("Verdict")
    t.line("supported")
    t.wait(r"Passage it rests on \(1-3\):")
    t.send("\r")                                             # no passage: cancelled
    t.wait(r"c6: override cancelled \(no passage chosen\)", r"c6 NOT_FOUND \(indirect speech\)  undecided")
    t.send("o")
    t.wait("Verdict")
    t.line("3")
    t.wait("Passage it rests on")
    t.line("2")
    t.wait("Why")
    t.send("\r")                                             # no reason: cancelled
    t.wait(r"c6: override cancelled \(no reason given\)")
    t.send("q")
    assert t.finish() == 0
    assert not [e for e in journal(tmp_path / "k.json.verdicts.review.jsonl") if e["type"] == "change"]
