"""Review sessions in-process: journal, lock, replay and undo, evidence
selection, decisions file, exports, summary, screen fitting."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from rich.console import Console

from review_support import ARTICLE, QUEUE, make_report
from verifier.errors import MalformedInput, VerifierError
from verifier.fixtures import problems
from verifier.review import screen
from verifier.review.decisions import DecisionsError, apply_all_or_nothing, parse_line
from verifier.review.export import ExportError, to_fixture, to_report
from verifier.review.journal import Journal
from verifier.review.lock import SessionLock, SessionLocked
from verifier.review.select import SelectionError, numbered, select
from verifier.review.session import NeedsInput, ReviewError, Session
from verifier.review.state import ReviewState
from verifier.review.summary import summarize, time_spent


def session() -> Session:
    return Session.in_memory(make_report(), reviewer="tester")


def replayed(s: Session) -> ReviewState:
    st = ReviewState(s.state.header)
    for ev in s.state.events[1:]:
        st.apply(json.loads(json.dumps(ev)))
    return st


# --- journal and lock -------------------------------------------------------------

def test_journal_drops_a_partial_last_line_and_appends_after_it(tmp_path):
    j = Journal(tmp_path / "a.review.jsonl")
    j.append({"type": "session", "seq": 0})
    j.append({"type": "move", "seq": 1, "cursor": "c2"})
    j.close()
    with open(j.path, "a", encoding="utf-8") as fh:
        fh.write('{"type": "cha')
    j2 = Journal(j.path)
    assert [e["seq"] for e in j2.read()] == [0, 1] and j2.dropped_partial_line
    j2.append({"type": "quit", "seq": 2})
    j2.close()
    assert [json.loads(x)["seq"] for x in j.path.read_text().splitlines()] == [0, 1, 2]


def test_journal_with_a_broken_middle_line_is_an_error(tmp_path):
    p = tmp_path / "a.review.jsonl"
    p.write_text('{"type": "session", "seq": 0}\nnot json\n{"type": "quit"}\n')
    with pytest.raises(MalformedInput, match="line 2"):
        Journal(p).read()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    lock_path = tmp_path / "a.txt.review.lock"
    lock_path.write_text(json.dumps({"pid": pid, "user": "x", "host": os.uname().nodename, "since": "then"}))
    with SessionLock(lock_path) as lock:
        assert lock.took_over["pid"] == pid
        assert json.loads(lock_path.read_text())["pid"] == os.getpid()
    assert not lock_path.exists()
    # the fallback without flock checks the pid the same way
    lock_path.write_text(json.dumps({"pid": pid, "host": os.uname().nodename}))
    fallback = SessionLock(lock_path)
    fallback._acquire_by_pid()
    assert fallback.held and fallback.took_over["pid"] == pid
    fallback.release()
    lock_path.write_text(json.dumps({"pid": os.getpid(), "host": os.uname().nodename, "user": "me"}))
    with pytest.raises(SessionLocked, match=f"pid {os.getpid()}"):
        SessionLock(lock_path, target="a.txt")._acquire_by_pid()


def test_lock_held_by_a_live_process_refuses(tmp_path):
    lock_path = tmp_path / "a.txt.review.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from verifier.review.lock import SessionLock; "
         f"l = SessionLock({str(lock_path)!r}); l.acquire(); print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(SessionLocked, match=rf"a.txt is already being reviewed by .* \(pid {holder.pid},"):
            SessionLock(lock_path, target="a.txt").acquire()
    finally:
        holder.stdin.close()
        holder.wait(10)
    with SessionLock(lock_path):
        pass


# --- decisions, undo and replay ---------------------------------------------------------

def test_queue_puts_disputed_claims_first_and_decisions_advance():
    s = session()
    assert s.state.queue == QUEUE and s.cursor == "c4"
    assert s.state.disputed_left() == 4
    s.decide("c4", "accept")
    assert s.cursor == "c6" and s.state.disputed_left() == 3
    s.skip()
    assert s.cursor == "c7"
    s.decide("c7", "flip")                       # speaker and cue come from the model's opinion
    it = s.item("c7")
    assert (it.label, it.speaker, it.cue) == ("attributed", "Maria Lopez", "noted")
    assert s.cursor == "c8"                      # the next undecided after c7
    s.back()
    s.back()
    assert s.cursor == "c6"


def test_decisions_that_need_more_say_what():
    s = session()
    with pytest.raises(NeedsInput, match="needs evidence"):
        s.decide("c8", "accept")                 # ungrounded
    with pytest.raises(NeedsInput, match="needs a cue") as need:
        s.decide("c2", "flip")                   # neither the model nor the checker names a cue
    assert need.value.fields == ["cue"]          # an unknown speaker is not demanded: unnamed sources exist
    with pytest.raises(ReviewError, match="is asserted"):
        s.edit("c2", "speaker", "Someone")
    s.decide("c2", "flip", {"speaker": "Dock workers", "cue": "returned"})
    with pytest.raises(ReviewError, match="does not occur in the article"):
        s.edit("c2", "cue", "proclaimed")
    with pytest.raises(ReviewError, match="no claim 'c99'"):
        s.decide("c99", "accept")


def test_undo_is_journaled_and_replays_to_the_same_state():
    s = session()
    s.decide("c4", "ambiguous", note="participle gloss")
    s.edit("c3", "text", "Wages rise.")
    r = s.add(ARTICLE.index("losses"), ARTICLE.index(" euros") + 6, "attributed", speaker="the port authority",
              cue="According to")
    assert r.id == "r1" and r.evidence == "losses reached 12 million euros" and r.checker is not None
    assert s.undo()["action"] == "add"
    assert "r1" not in s.state.items
    assert s.undo()["action"] == "text"
    assert s.item("c3").text.startswith("Wages at the port")
    r2 = s.add(ARTICLE.index("losses"), ARTICLE.index(" euros") + 6, "asserted")
    assert r2.id == "r2"                         # ids are never reused
    st = replayed(s)
    assert st.items == s.state.items and st.cursor == s.state.cursor
    assert st.items["c4"].ambiguous and st.items["c4"].note == "participle gloss"
    assert [e["type"] for e in s.state.events].count("undo") == 2


def test_evidence_selection_by_words_or_text():
    text = "However, Putin stated that export contracts were fulfilled on schedule, as planned."
    assert numbered(text, 0, 21) == "1:However, 2:Putin 3:stated"
    pick = lambda spec: text[slice(*select(spec, text, 0, len(text)))]
    assert pick("5-10") == "export contracts were fulfilled on schedule"     # trailing comma dropped
    assert pick("2") == "Putin" and pick("12-") == "planned"
    assert pick('"EXPORT contracts"') == "export contracts"
    curly = "Russia’s broader strategy is clear."
    assert curly[slice(*select("Russia's broader strategy", curly, 0, len(curly)))] == "Russia’s broader strategy"
    for bad, msg in (("0-3", "outside"), ("9-99", "outside"), ("the moon", "not in the sentence")):
        with pytest.raises(SelectionError, match=msg):
            select(bad, text, 0, len(text))
    with pytest.raises(SelectionError, match="occurs 2 times"):
        select("on", "on and on", 0, 9)


def test_decisions_lines_parse_and_bad_ones_change_nothing():
    line = parse_line('c4 flip speaker="Maria Lopez" cue=noted note="see transcript"', 3)
    assert (line.target, line.action, line.options["speaker"], line.options["note"]) == ("c4", "flip", "Maria Lopez",
                                                                                         "see transcript")
    assert parse_line('{"claim": "c7", "action": "speaker", "value": "M. Lopez"}', 1).value == "M. Lopez"
    for bad, msg in (("c4", "expected 'CLAIM ACTION'"), ("c4 approve", "unknown action"),
                     ("c4 speaker", "needs a value"), ('c4 accept "x" "y"', "unexpected"),
                     ("* speaker X", "takes a decision"), ("c4 accept colour=red", "unexpected"),
                     ('c4 text "unclosed', "quotes")):
        with pytest.raises(DecisionsError, match=msg):
            parse_line(bad, 7, "d.txt")
    s = session()
    lines = [parse_line(x, i) for i, x in enumerate(["c4 accept", "c2 reject", "c8 accept"], 1)]
    with pytest.raises(DecisionsError, match=r"decisions:3: c8: needs evidence"):
        apply_all_or_nothing(s, lines)
    assert s.state.decided_count() == 0 and len(s.state.events) == 1


# --- exports and summary ------------------------------------------------------------------

def decide_all(s: Session) -> None:
    s.decide("c4", "ambiguous")
    s.decide("c6", "accept")
    s.decide("c7", "flip")
    s.set_evidence("c8", ARTICLE.index("a nine-day"), ARTICLE.index("a nine-day") + len("a nine-day strike"))
    s.decide("c8", "accept")
    s.decide("c1", "accept")                     # a claim in the heading: left out of the fixture
    s.decide("c2", "reject")
    s.decide("c3", "accept")
    s.decide("c5", "accept", note="checked")


def test_fixture_export_waits_for_every_claim_then_validates():
    s = session()
    s.decide("c4", "accept")
    with pytest.raises(ExportError, match="7 of 8 claims not reviewed yet"):
        to_fixture(s.state, fixture_id="harbour")
    decide_all(s)
    fx = to_fixture(s.state, fixture_id="harbour", licence="CC0-1.0")
    assert problems(fx) == []
    ids = [c.id for c in fx.claims]
    assert "c1" not in ids and "c2" not in ids and ids[0] == "c8"       # in document order
    assert fx.dont_care[0].start == 0 and ARTICLE[fx.dont_care[0].start:fx.dont_care[0].end] == "Harbour Strike Ends"
    c4 = next(c for c in fx.claims if c.id == "c4")
    assert c4.ambiguous and set(c4.acceptable_labels) == {"attributed", "asserted"}


def test_report_export_marks_reviewed_claims():
    s = session()
    decide_all(s)
    s.undo()                                     # c5 back to undecided
    rep = to_report(s.state)
    by = {c.id: c for c in rep.claims}
    assert "c2" not in by and any("c2" in w for w in rep.warnings)
    assert by["c7"].status == "reviewed" and by["c7"].label == "attributed" and by["c7"].review.action == "flip"
    assert by["c5"].status == "agreed" and by["c5"].review is None
    assert by["c8"].evidence.text == "a nine-day strike" and by["c8"].evidence.match == "exact"
    assert by["c4"].review.acceptable_labels == ["attributed", "asserted"]
    type(rep).model_validate_json(rep.model_dump_json())


def test_summary_counts_and_agreement():
    s = session()
    decide_all(s)
    sm = summarize(s.state, "harbour")
    assert (sm.claims, sm.decided, sm.accepted, sm.flipped, sm.ambiguous, sm.rejected, sm.left) == (8, 8, 5, 1, 1, 1, 0)
    assert sm.edited == 1                         # c8's evidence
    # reviewer keeps 7 claims; model labels: c1 as, c3 at, c4 as (ambiguous: ok), c5 at, c6 at (wrong),
    # c7 at (right after the flip), c8 as  -> 6/7
    assert (sm.agreement["model"].agree, sm.agreement["model"].total) == (6, 7)
    # checker: c8 has none; c6 as right, c7 as wrong -> 5/6
    assert (sm.agreement["checker"].agree, sm.agreement["checker"].total) == (5, 6)
    assert sm.agreement["model vs checker"].total == 7
    k = sm.agreement["model"].kappa
    assert k is not None and 0.5 < k < 1


def test_time_spent_sums_sittings():
    ev = [{"type": "session", "at": "2025-01-01T10:00:00+00:00"}, {"type": "change", "at": "2025-01-01T10:02:00+00:00"},
          {"type": "quit", "at": "2025-01-01T10:03:00+00:00"}, {"type": "resume", "at": "2025-01-02T09:00:00+00:00"},
          {"type": "change", "at": "2025-01-02T09:00:30+00:00"}]
    assert time_spent(ev) == (210.0, 2)


# --- the screen -------------------------------------------------------------------------------

@pytest.mark.parametrize("cols,rows", [(80, 24), (120, 40), (60, 16)])
def test_claim_screen_fits_the_terminal(cols, rows):
    long = ("The minister said that " + "the budget would grow steadily and " * 12 + "nothing else. ") * 2
    text = "Budget News\n\n" + long + "\n\nA closing sentence in the outlet's voice."
    claims = [("c1", "The budget would grow " * 10, long.split(", ")[0][23:300].strip(), "attributed", "disagreed",
               ("asserted", None, None), ("attributed", "The minister", "said"))]
    s = Session.in_memory(make_report(text=text, claims=claims))
    console = Console(width=cols, height=rows, record=True, no_color=True, force_terminal=True)
    console.print(screen.fit(console, screen.claim_frame(console, s, cols, "verifier review · budget.txt", "ok"),
                             cols, rows), end="")
    out = console.export_text().split("\n")
    assert len(out) == rows and max(len(line) for line in out) <= cols
    assert out[0].startswith("verifier review") and "claim 1 of 1" in out[0]
    assert "save & quit" in out[-1]
    assert any(line.startswith("> ") and "{said}" in line for line in out)
    assert any(line.startswith("Checker  attributed") for line in out)


def _screen_text(s: Session, cols: int = 100, rows: int = 40) -> str:
    console = Console(width=cols, height=rows, record=True, no_color=True, force_terminal=True)
    console.print(screen.fit(console, screen.claim_frame(console, s, cols, "verifier review", None), cols, rows),
                  end="")
    return console.export_text()


def test_screen_summary_and_export_agree_on_what_a_decision_amounts_to():
    """A flipped claim accepted again later (Enter on a claim already
    decided, after a restart) is still flipped on screen, in the summary and
    in the corrected Report; an ambiguous one is ambiguous everywhere."""
    s = session()
    s.decide("c7", "flip")                                  # asserted -> attributed
    s.goto("c7")
    s.decide("c7", "accept")                                # the reviewer presses Enter on it later
    s.decide("c3", "accept", {"label": "asserted"})         # a decisions line that changes the label
    s.decide("c4", "ambiguous")
    s.goto("c4")
    s.decide("c4", "accept")
    for state in (s.state, replayed(s)):                    # as shown now and after a restart
        again = Session(state, "tester")
        summary = summarize(state)
        assert (summary.flipped, summary.ambiguous, summary.accepted) == (2, 1, 0)
        for cid, shown in (("c7", "decided: flipped"), ("c3", "decided: flipped"), ("c4", "decided: ambiguous")):
            again.state.cursor = cid
            assert shown in _screen_text(again), cid
        actions = {c.id: c.review.action for c in to_report(state).claims if c.review}
        assert actions == {"c7": "flip", "c3": "flip", "c4": "ambiguous"}


def test_an_added_ambiguous_claim_is_shown_as_ambiguous():
    s = session()
    a = ARTICLE.index("losses")
    s.add(a, ARTICLE.index(" euros") + 6, "asserted", ambiguous=True, speaker="the port authority",
          cue="According to", near="c5")
    for state in (s.state, replayed(s)):
        again = Session(state, "tester")
        again.state.cursor = "c5"
        text = _screen_text(again)
        line = next(ln for ln in text.splitlines() if ln.startswith("Added"))
        assert "r1 ambiguous" in line and "r1 asserted:" not in line, line
