"""The interactive review, driven in a real pseudo-terminal (pexpect) and
read through a terminal emulator (pyte) at 80x24 with NO_COLOR."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from review_support import QUEUE, Tty, cli_env, make_report, write_report

pytest.importorskip("pexpect")
pytest.importorskip("pyte")


def journal(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_fits(t: Tty) -> None:
    """The screen was drawn within 80x24: title on top, keys at the bottom,
    and no colour anywhere (NO_COLOR)."""
    lines = t.lines
    assert lines[0].startswith("verifier review"), t.text
    assert "save & quit" in lines[-1], t.text
    for row in t.screen.buffer.values():
        for ch in row.values():
            assert ch.fg == "default" and ch.bg == "default", (ch, t.text)


def test_whole_session_with_every_action(tmp_path):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), "--export", "fixture", "--export", "report", "--licence", "CC0-1.0",
            cwd=tmp_path)
    screen = t.wait("claim 1 of 8", "4 disputed left", "c4 DISAGREED")
    # the claim, its sentence with evidence, cue and speaker marked, both opinions and the reasons
    assert "The wage rise shows the strength of the union's position." in screen
    assert "> <The union> {said} that wages would rise by 6 percent next year, [showing the" in screen
    assert "Model    asserted" in screen
    assert "Checker  attributed · speaker The union · cue said" in screen
    assert "reporting cue 'said'" in screen
    assert_fits(t)

    t.send("?")
    t.wait("add a claim the pipeline missed", "any key")
    t.send(" ")
    t.wait("c4 DISAGREED")

    t.send("m")                                     # ambiguous
    t.wait("c4: marked ambiguous", "claim 2 of 8", "c6 DISAGREED")
    t.send("n")                                     # a note
    t.wait("Note")
    t.line("reporter's inference")
    t.wait("c6: note saved", r"Note     reporter's inference")
    t.send("a")                                     # accept
    t.wait("c6: accepted", "claim 3 of 8", "c7 DISAGREED")
    t.send("f")                                     # flip: asserted -> attributed, asks speaker and cue
    t.wait("Speaker: Maria Lopez")                  # ... offering the model's
    t.send("\r")
    t.wait("Cue: noted")
    t.send("\r")
    t.wait("c7: flipped", "claim 4 of 8", "c8 UNGROUNDED")
    t.send("b")                                     # back
    t.wait("claim 3 of 8", "decided: flipped", "Now      attributed · speaker Maria Lopez · cue noted")
    t.send("s")                                     # edit the speaker
    t.wait("Speaker: Maria Lopez")
    t.line("Maria Lopez, the union's chair")
    t.wait("c7: speaker changed", "speaker Maria Lopez, the union's chair")
    t.send(" ")                                     # skip
    t.wait("claim 4 of 8", "c8 UNGROUNDED", "not found in the text")
    t.send("a")                                     # accept without evidence: refused
    t.wait("c8: needs evidence in the text")
    t.send("e")                                     # choose the evidence
    t.wait("Evidence for c8", "words numbered", r"1:Dock 2:workers")
    t.line("a nine-day strike")
    t.wait("c8: evidence changed", r"after \[a nine-day", "on the chosen evidence")
    t.send("a")
    t.wait("c8: accepted", "claim 5 of 8", "c1 agreed")
    assert_fits(t)
    t.send("r")                                     # reject (a heading, not a claim)
    t.wait("c1: rejected", "claim 6 of 8", "c2 agreed")
    t.send("a")
    t.wait("claim 7 of 8", "c3 agreed")
    t.send("t")                                     # edit the claim text ...
    t.wait("(?m)^Claim text: *$", "(?m)^> Wages at the port")       # a long value is typed on a line of its own
    t.line("Wages at Velmar rise by 6 percent.")
    t.wait("c3: text changed", r"Wages at Velmar rise by 6 percent\. \(edited\)")
    t.send("u")                                     # ... and undo it
    t.wait("undone: text on c3", "Claim    Wages at the port of Velmar would rise by 6 percent next year.")
    t.send("a")
    t.wait("claim 8 of 8", "c5 agreed")
    t.send("+")                                     # add a missed claim from this sentence
    t.wait("Add a missed claim", "words numbered")
    t.line("losses reached 12 million euros")
    t.wait("Label: a attributed, s asserted, m ambiguous")
    t.line("a")
    t.wait("Speaker:")
    t.line("the port authority")
    t.wait("Cue:")
    t.line("According to")
    t.wait("Claim text")
    t.line("Losses at the port reached 12 million euros.")
    t.wait("Note")
    t.send("\r")
    t.wait(r"added r1 \(attributed\)", r"Added    r1 attributed: “losses reached 12 million euros”")
    t.send("a")
    screen = t.wait("Every claim is decided", "8 claims, 8 decided")
    assert "5 accepted, 1 flipped, 1 ambiguous, 1 rejected; 1 added" in screen
    t.send("q")
    assert t.finish() == 0
    out = t.raw.decode("utf-8", "replace")
    assert "wrote fixture" in out and "wrote report" in out

    # the journal: every decision with who, when, before, after and note
    events = journal(tmp_path / "harbour.json.review.jsonl")
    assert events[0]["type"] == "session" and events[0]["queue"] == QUEUE
    changes = [e for e in events if e["type"] == "change"]
    assert [(e["claim"], e["action"]) for e in changes] == [
        ("c4", "ambiguous"), ("c6", "note"), ("c6", "accept"), ("c7", "flip"), ("c7", "speaker"),
        ("c8", "evidence"), ("c8", "accept"), ("c1", "reject"), ("c2", "accept"), ("c3", "text"), ("c3", "accept"),
        ("r1", "add"), ("c5", "accept")]
    assert all(e["reviewer"] == "tester" and e["at"] and "before" in e and e["after"] for e in changes)
    flip = changes[3]
    assert flip["before"]["label"] == "asserted" and flip["after"]["label"] == "attributed"
    assert [e["action"] for e in events if e["type"] == "move"] == ["back", "skip"]
    assert [e["action"] for e in events if e["type"] == "undo"] == ["text"]
    assert not (tmp_path / "harbour.json.review.lock").exists()

    # the exported fixture passes the validator and holds the decisions
    fixture = tmp_path / "harbour.fixture.json"
    v = subprocess.run([sys.executable, "-m", "verifier.cli", "validate-fixtures", str(fixture)],
                       capture_output=True, text=True, env=cli_env())
    assert v.returncode == 0, v.stderr + v.stdout
    fx = json.loads(fixture.read_text())
    gold = {c["id"]: c for c in fx["claims"]}
    assert "c1" not in gold                              # rejected
    assert gold["c4"]["ambiguous"] and sorted(gold["c4"]["acceptable_labels"]) == ["asserted", "attributed"]
    assert gold["c7"]["label"] == "attributed" and gold["c7"]["speaker"] == "Maria Lopez, the union's chair"
    assert gold["c3"]["text"] == "Wages at the port of Velmar would rise by 6 percent next year."
    assert gold["c8"]["evidence"]["text"] == "a nine-day strike"
    assert gold["r1"]["label"] == "attributed" and gold["r1"]["cue"] == "According to"
    assert gold["c6"]["note"] == "reporter's inference"
    assert fx["dont_care"] == [{"start": 0, "end": 19, "kind": "heading"}] and fx["licence"] == "CC0-1.0"
    # the corrected Report
    rep = json.loads((tmp_path / "harbour.reviewed.json").read_text())
    by_id = {c["id"]: c for c in rep["claims"]}
    assert set(by_id) == {"c2", "c3", "c4", "c5", "c6", "c7", "c8", "r1"}
    assert all(c["status"] == "reviewed" and c["review"]["reviewer"] == "tester" for c in rep["claims"])
    assert by_id["c7"]["review"]["action"] == "flip" and by_id["c7"]["label"] == "attributed"
    assert by_id["c8"]["evidence"]["start"] is not None
    assert any("c1" in w for w in rep["warnings"])


def test_kill_9_then_resume_keeps_every_decision(tmp_path):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), cwd=tmp_path)
    t.wait("claim 1 of 8")
    t.send("m")
    t.wait("claim 2 of 8")
    t.send("a")
    t.wait("claim 3 of 8")
    t.send("f")
    t.wait("Speaker: Maria Lopez")
    t.send("\r")
    t.wait("Cue: noted")
    t.send("\r")
    t.wait("claim 4 of 8")
    t.send("n")
    t.wait("Note")
    t.line("half-typed note that is lost")       # typed ...
    t.wait("c8: note saved")
    t.send("n")
    t.wait("Note")
    t.send("never finished")                     # ... and this one is still being typed
    time.sleep(0.2)
    t.kill9()
    lock = tmp_path / "harbour.json.review.lock"
    assert lock.exists()                         # left behind by the killed process
    # a partial line as if the kill had come in the middle of a write
    jpath = tmp_path / "harbour.json.review.jsonl"
    with open(jpath, "a", encoding="utf-8") as fh:
        fh.write('{"type":"change","seq":99,"cla')

    t2 = Tty("review", str(report), cwd=tmp_path)
    screen = t2.wait("resumed: every earlier decision is kept", "claim 4 of 8", "3 done", "c8 UNGROUNDED")
    assert "Note     half-typed note that is lost" in screen
    t2.send("b")
    t2.wait("claim 3 of 8", "c7", "decided: flipped", "Now      attributed")
    t2.send("b")
    t2.wait("claim 2 of 8", "c6", "decided: accepted")
    t2.send("b")
    t2.wait("claim 1 of 8", "c4", "decided: ambiguous", "AMBIGUOUS")
    t2.send("u")                                 # undo still reaches the last decision made before the kill
    t2.wait("undone: note on c8", "claim 4 of 8")
    t2.send("q")
    assert t2.finish() == 0
    events = journal(jpath)
    assert [e["type"] for e in events].count("resume") == 1
    assert not any(e.get("seq") == 99 for e in events)
    assert not lock.exists()


def test_two_sessions_on_one_file_refuse_each_other(tmp_path):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), cwd=tmp_path)
    t.wait("claim 1 of 8")
    other = subprocess.run([sys.executable, "-m", "verifier.cli", "review", str(report), "--decisions", os.devnull],
                           capture_output=True, text=True, env=cli_env(), timeout=60)
    assert other.returncode != 0
    err = other.stderr.strip().splitlines()
    assert len(err) == 1 and "is already being reviewed by" in err[0] and f"pid {t.child.pid}" in err[0]
    assert "Traceback" not in other.stderr
    t.send("a")
    t.wait("claim 2 of 8")
    t.send("q")
    assert t.finish() == 0
    again = subprocess.run([sys.executable, "-m", "verifier.cli", "review", str(report), "--decisions", os.devnull],
                           capture_output=True, text=True, env=cli_env(), timeout=60)
    assert again.returncode == 0, again.stderr
    assert "8 claims, 1 decided" in again.stdout


def test_ctrl_c_saves_and_resumes(tmp_path):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), cwd=tmp_path)
    t.wait("claim 1 of 8")
    t.send("a")
    t.wait("claim 2 of 8")
    t.send("\x03")
    code = t.finish()
    assert code == 130
    assert "run the same command again to resume" in t.raw.decode("utf-8", "replace")
    assert not (tmp_path / "harbour.json.review.lock").exists()
    t2 = Tty("review", str(report), cwd=tmp_path)
    t2.wait("resumed", "claim 2 of 8", "1 done")
    t2.send("q")
    assert t2.finish() == 0


def test_batch_walks_articles_one_session_each(tmp_path):
    from review_support import ARTICLE, CLAIMS

    d = tmp_path / "batch"
    d.mkdir()
    write_report(d / "a-harbour.json", claims=CLAIMS[:2])
    write_report(d / "b-harbour.json")
    t = Tty("review", str(d), cwd=tmp_path)
    t.wait("a-harbour.json · 1/2", "claim 1 of 2")
    t.send("r")
    t.wait("claim 2 of 2")
    t.send("a")
    t.wait("Every claim is decided", "Enter next article")
    t.send("\r")
    t.wait("b-harbour.json · 2/2", "claim 1 of 8")
    t.send("a")
    t.wait("claim 2 of 8")
    t.send("q")
    assert t.finish() == 0
    out = t.raw.decode("utf-8", "replace")
    assert "a-harbour.json: 2 claims, 2 decided" in out and "b-harbour.json: 8 claims, 1 decided" in out
    assert (d / "a-harbour.json.review.jsonl").exists() and (d / "b-harbour.json.review.jsonl").exists()
    # a second run skips the finished article and resumes the other
    t2 = Tty("review", str(d), cwd=tmp_path)
    t2.wait("b-harbour.json · 2/2", "resumed", "claim 2 of 8")
    t2.send("q")
    assert t2.finish() == 0


def test_flip_asks_for_speaker_and_cue(tmp_path):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), cwd=tmp_path)
    t.wait("claim 1 of 8", "c4 DISAGREED", "Now      attributed")
    t.send("f")                                     # attributed -> asserted: nothing to ask
    t.wait("c4: flipped", "claim 2 of 8", "c6 DISAGREED")
    t.send("f")                                     # asserted -> attributed: who said it, and the cue
    screen = t.wait("Speaker: Maria Lopez", "c6 becomes attributed", "unnamed source")
    assert "Cue:" not in screen
    t.line("the union's chair")
    t.wait("Cue: noted", r"Speaker: the union's chair")
    t.line("noted")
    t.wait("c6: flipped", "claim 3 of 8", "c7 DISAGREED")
    t.send("f")                                     # an empty speaker: an unnamed source
    t.wait("Speaker: Maria Lopez")
    t.line("")
    t.wait("Cue: noted", r"Speaker: \(an unnamed source\)")
    t.send("\r")
    t.wait("c7: flipped", "claim 4 of 8")
    t.send("b")
    t.wait("claim 3 of 8", "decided: flipped", "Now      attributed · speaker — · cue noted")
    t.send("b")
    t.wait("claim 2 of 8", "decided: flipped", "Now      attributed · speaker the union's chair · cue noted")
    t.send("f")                                     # back to asserted, then f again and cancel the cue
    t.wait("c6: flipped", "claim 4 of 8")          # on to the next undecided claim
    t.send("b")
    t.wait("claim 3 of 8")
    t.send("b")
    t.wait("claim 2 of 8", "Now      asserted")
    t.send("f")
    t.wait("Speaker:")
    t.send("\r")
    t.wait("Cue: noted")
    t.line("")
    t.wait("c6: flip cancelled", "Now      asserted")
    t.send("q")
    assert t.finish() == 0
    flips = [e for e in journal(tmp_path / "harbour.json.review.jsonl") if e["type"] == "change"]
    got = [(e["claim"], e["after"]["label"], e["after"]["speaker"], e["after"]["cue"]) for e in flips]
    assert got == [("c4", "asserted", None, None), ("c6", "attributed", "the union's chair", "noted"),
                   ("c7", "attributed", None, "noted"), ("c6", "asserted", None, None)]


def _footer_splits(t: Tty) -> list[str]:
    """Words the terminal broke across two lines of the screen's bottom part
    (below the last rule): a line that reaches the last column with a letter,
    continued by a letter on the next line."""
    lines = t.lines
    rules = [i for i, ln in enumerate(lines) if ln.strip() and set(ln.strip()) == {"─"}]
    start = rules[-1] + 1 if rules else 0
    out = []
    for a, b in zip(lines[start:], lines[start + 1:]):
        if len(a.rstrip()) == t.cols and a.rstrip()[-1:].isalnum() and b[:1].isalnum():
            out.append(a.split()[-1] + "|" + b.split()[0])
    return out


@pytest.mark.parametrize("cols", [50, 64])
def test_prompts_never_wrap_mid_word(tmp_path, cols):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), cwd=tmp_path, rows=22, cols=cols)
    t.wait("c4 DISAGREED")
    for _ in range(3):                              # c8 has no evidence: accepting it is refused ...
        t.send(" ")
    t.wait("c8 UNGROUNDED")
    t.send("a")
    t.wait("needs evidence")
    assert _footer_splits(t) == [], t.text          # ... in a message wrapped at word boundaries
    assert ("c8: needs evidence in the text (select it with e or reject with r)"
            in " ".join(ln.strip() for ln in t.lines)), t.text
    for _ in range(4):                              # on to c5, the last claim
        t.send(" ")
    t.wait("c5 agreed")
    t.send("+")
    t.wait("Add a missed claim", "Evidence:")
    assert _footer_splits(t) == [], t.text
    t.line("losses reached 12 million euros")
    screen = t.wait("Label:", "ambiguous")
    assert _footer_splits(t) == [], screen
    for word in ("attributed,", "asserted,", "ambiguous"):
        assert any(word in ln.split() for ln in t.lines), (word, screen)
    t.line("s")
    t.wait("Claim text")
    long = "Losses at the port of Velmar reached twelve million euros during the nine-day stoppage"
    t.line(long)                                    # longer than the line: it scrolls, it does not wrap
    t.wait("Note")
    assert _footer_splits(t) == [], t.text
    t.send("\r")
    t.wait(r"added r1 \(asserted\)")
    t.send("t")                                     # the prefilled text is longer than the line too
    screen = t.wait("Claim text:")
    assert _footer_splits(t) == [], screen
    # the label stays in view above; the edited line scrolls sideways (readline shows '<' for the cut part)
    assert t.lines[-2].rstrip() == "Claim text:" and t.lines[-1].rstrip().endswith("during the strike."), screen
    t.send("\r")
    t.wait("text unchanged")
    t.send("q")
    assert t.finish() == 0
    added = [e for e in journal(tmp_path / "harbour.json.review.jsonl") if e["type"] == "change"][0]
    assert added["after"]["text"] == long


def test_resize_redraws_the_screen_and_a_prompt_keeps_its_typing(tmp_path):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), cwd=tmp_path, rows=24, cols=80)
    t.wait("claim 1 of 8", "c4 DISAGREED")
    for rows, cols in ((30, 110), (18, 60)):
        t.resize(rows, cols)
        end = time.monotonic() + 15
        while True:                                 # drawn for the new size: progress at the right edge,
            t.pump()                                # the keys on the last row, nothing beyond the width
            lines = t.lines
            if (lines[0].rstrip().endswith("0 done") and len(lines[0].rstrip()) == cols
                    and "save & quit" in lines[-1]):
                break
            assert time.monotonic() < end, f"not redrawn at {cols}x{rows}:\n{t.text}"
        assert "c4 DISAGREED" in t.text and "Claim    The wage rise" in t.text
    t.send("n")
    t.wait("Note")
    t.send("typed before")
    t.wait("typed before")
    t.resize(26, 90)
    end = time.monotonic() + 15
    while True:
        t.pump()
        lines = t.lines
        if len(lines[0].rstrip()) == 90 and lines[-1].startswith("Note") and "typed before" in lines[-1]:
            break
        assert time.monotonic() < end, f"prompt not redrawn at 90x26:\n{t.text}"
    t.send(" and after\r")
    t.wait("c4: note saved", "Note     typed before and after")
    t.send("q")
    assert t.finish() == 0
    notes = [e for e in journal(tmp_path / "harbour.json.review.jsonl") if e["type"] == "change"]
    assert [e["after"]["note"] for e in notes] == ["typed before and after"]


def test_after_a_restart_the_screen_and_the_summary_agree(tmp_path):
    report = write_report(tmp_path / "harbour.json")
    t = Tty("review", str(report), cwd=tmp_path)
    t.wait("claim 1 of 8", "c4 DISAGREED")
    t.send(" ")
    t.wait("claim 2 of 8", "c6 DISAGREED")
    t.send("f")                                     # c6 asserted -> attributed
    t.wait("Speaker: Maria Lopez")
    t.send("\r")
    t.wait("Cue: noted")
    t.send("\r")
    t.wait("c6: flipped", "claim 3 of 8")
    for _ in range(5):
        t.send(" ")
    t.wait("claim 8 of 8", "c5 agreed")
    t.send("+")                                     # an added claim marked ambiguous
    t.wait("Add a missed claim", "Evidence:")
    t.line("losses reached 12 million euros")
    t.wait("Label:")
    t.line("m")
    t.wait("Speaker:")
    t.line("the port authority")
    t.wait("Cue:")
    t.line("According to")
    t.wait("Claim text")
    t.send("\r")
    t.wait("Note")
    t.send("\r")
    t.wait(r"added r1 \(\w+, ambiguous\)", "Added    r1 ambiguous")
    t.send("q")
    assert t.finish() == 0

    t2 = Tty("review", str(report), cwd=tmp_path)
    t2.wait("resumed", "claim 8 of 8", "c5 agreed", "Added    r1 ambiguous")
    for _ in range(6):
        t2.send("b")
    t2.wait("claim 2 of 8", "c6", "decided: flipped")
    t2.send("\r")                                   # Enter on the flipped claim: it stays flipped
    t2.wait(r"c6: accepted as it stands \(flipped\)", "claim 3 of 8")
    t2.send("b")
    t2.wait("claim 2 of 8", "decided: flipped", "Now      attributed · speaker Maria Lopez")
    t2.send("q")
    assert t2.finish() == 0
    out = t2.raw.decode("utf-8", "replace")
    assert "1 decided" in out and "0 accepted, 1 flipped, 0 ambiguous, 0 rejected; 1 added" in out


def test_escape_sequences_in_the_article_never_reach_the_review_terminal(tmp_path):
    """Article text is hostile input: an OSC title sequence, a clear-screen and a bidi
    override inside a claim's sentence are drawn as visible characters, not obeyed."""
    evil = "Officials said\x1b]0;pwned\x07 the bridge\x1b[2J will \u202ereopen\u202c in May."
    text = "Harbour news\n\n" + evil + "\n\nTolls will rise in June.\n"
    claims = [("c1", "The bridge will reopen in May.", "the bridge", "attributed", "disagreed",
               ("asserted", None, None), ("attributed", "Officials", "said"))]
    report = tmp_path / "evil.json"
    report.write_text(make_report(text, claims, source="evil.txt").model_dump_json(), encoding="utf-8")
    t = Tty("review", str(report), cwd=tmp_path)
    t.wait("claim 1 of 1")
    raw = t.raw.decode("utf-8", "replace")
    assert "]0;pwned" in t.text or "pwned" in t.text  # shown, as text
    assert "\x1b]0;" not in raw and "\x07" not in raw and "\u202e" not in raw
    assert raw.count("\x1b[2J") == raw.count("\x1b[H\x1b[2J")  # only the screen's own redraws clear it
    t.send("q")
