"""`verifier review` as a subprocess: the --decisions fallback, batch over a
directory, exports, and the one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from review_support import ARTICLE, CLAIMS, cli_env, write_report


def review(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier.cli", "review", *args], cwd=str(cwd), env=cli_env(),
                          capture_output=True, text=True, input=stdin, timeout=120)


def events(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_decisions_file_on_an_article_with_the_rule_extractor(tmp_path):
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "d.txt").write_text(
        "# scripted review\n"
        'add "a nine-day strike" label=asserted text="Dock workers were on strike for nine days."\n'
        "undo\n"
        'add "a nine-day strike" label=asserted text="The strike lasted nine days." note="from the lede"\n'
        '* accept speaker="The union" cue=said\n', encoding="utf-8")
    r = review("harbour.txt", "--extractor", "rules", "--decisions", "d.txt", "--export", "fixture",
               "--export", "report", "--licence", "CC0-1.0", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    ev = events(tmp_path / "harbour.txt.review.jsonl")
    n = len(ev[0]["report"]["claims"])
    assert n >= 3 and ev[0]["report"]["extractor"] == "rules"
    assert f"harbour.txt: {n} claims, {n} decided, 0 left" in r.stdout
    assert [e["type"] for e in ev].count("undo") == 1
    assert all(e["reviewer"] == "tester" for e in ev if e["type"] == "change")
    v = subprocess.run([sys.executable, "-m", "verifier.cli", "validate-fixtures", "harbour.fixture.json"],
                       cwd=tmp_path, capture_output=True, text=True, env=cli_env())
    assert v.returncode == 0, v.stderr + v.stdout
    fx = json.loads((tmp_path / "harbour.fixture.json").read_text())
    added = [c for c in fx["claims"] if c["id"] == "r2"]
    assert added and added[0]["text"] == "The strike lasted nine days." and "from the lede" in added[0]["note"]
    rep = json.loads((tmp_path / "harbour.reviewed.json").read_text())
    assert all(c["status"] == "reviewed" for c in rep["claims"])
    # run again: the session resumes (no pipeline run), nothing left to decide
    again = review("harbour.txt", "--extractor", "rules", "--decisions", "-", cwd=tmp_path, stdin="")
    assert again.returncode == 0 and f"{n} decided, 0 left" in again.stdout
    assert [e["type"] for e in events(tmp_path / "harbour.txt.review.jsonl")].count("resume") == 1


def test_a_bad_decision_line_stops_with_its_number_and_writes_no_decision(tmp_path):
    write_report(tmp_path / "harbour.json")
    (tmp_path / "d.txt").write_text("c4 accept\nc8 accept\nc2 reject\n")
    r = review("harbour.json", "--decisions", "d.txt", cwd=tmp_path)
    assert r.returncode == 7
    assert r.stderr.strip().splitlines() == ["verifier: error: d.txt:2: c8: needs evidence in the text "
                                             "(select it with e or reject with r)"]
    assert not (tmp_path / "harbour.json.review.jsonl").exists()   # not even the session header


def test_fixture_export_of_an_unfinished_session_says_what_is_left(tmp_path):
    write_report(tmp_path / "harbour.json")
    (tmp_path / "d.txt").write_text("c4 accept\n")
    r = review("harbour.json", "--decisions", "d.txt", "--export", "fixture", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "fixture not written: 7 of 8 claims not reviewed yet" in r.stderr
    assert not (tmp_path / "harbour.fixture.json").exists()


def test_one_line_errors(tmp_path):
    write_report(tmp_path / "harbour.json")
    no_tty = review("harbour.json", cwd=tmp_path, stdin="")
    assert no_tty.returncode == 2 and "needs a terminal" in no_tty.stderr and "--decisions" in no_tty.stderr
    (tmp_path / "bad.json").write_text('{"claims": 3}')
    bad = review("bad.json", "--decisions", "-", cwd=tmp_path, stdin="")
    assert bad.returncode == 7 and "not a verifier Report" in bad.stderr
    missing = review("nope.txt", "--decisions", "-", cwd=tmp_path, stdin="")
    assert missing.returncode == 3 and "no such file" in missing.stderr
    for r in (no_tty, bad, missing):
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_changed_input_refuses_to_resume_until_restart(tmp_path):
    art = tmp_path / "harbour.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    assert review("harbour.txt", "-e", "rules", "--decisions", "-", cwd=tmp_path, stdin="").returncode == 0
    art.write_text(ARTICLE + "\nA new closing sentence.\n", encoding="utf-8")
    r = review("harbour.txt", "-e", "rules", "--decisions", "-", cwd=tmp_path, stdin="")
    assert r.returncode == 1 and "changed since its review session started" in r.stderr and "--restart" in r.stderr
    r = review("harbour.txt", "-e", "rules", "--decisions", "-", "--restart", cwd=tmp_path, stdin="")
    assert r.returncode == 0, r.stderr
    assert len(list(tmp_path.glob("harbour.txt.review.jsonl.*.old"))) == 1


def test_batch_over_a_directory_with_decisions(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "two.md").write_text("# Port news\n\nOfficials said the port would reopen in May.\n", encoding="utf-8")
    write_report(d / "harbour.json", claims=CLAIMS[:3])
    (d / "notes.json").write_text('{"not": "a report"}')
    out = tmp_path / "out"
    (tmp_path / "d.txt").write_text("@ one.txt\n* reject\n@ harbour\nc1 reject\nc2 accept note=fine\n"
                                    "c3 accept\n@ two.md\n")
    r = review(str(d), "-e", "rules", "--decisions", "d.txt", "--export", "report", "--out", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "skipped notes.json" in r.stderr
    for name in ("one.txt", "two.md", "harbour.json"):
        assert (d / f"{name}.review.jsonl").exists()
    assert "harbour.json: 3 claims, 3 decided, 0 left" in r.stdout
    assert sorted(p.name for p in out.iterdir()) == ["harbour.reviewed.json", "one.reviewed.json",
                                                      "two.reviewed.json"]
    one = json.loads((out / "one.reviewed.json").read_text())
    assert one["claims"] == [] and any("rejected by the reviewer" in w for w in one["warnings"])
    # lines outside '@ NAME' are refused in a batch
    (tmp_path / "loose.txt").write_text("c1 accept\n")
    r = review(str(d), "--decisions", "loose.txt", cwd=tmp_path)
    assert r.returncode == 7 and "start their lines with '@ NAME'" in r.stderr


def test_help_decisions_shows_the_format(tmp_path):
    r = review("--help-decisions", cwd=tmp_path)
    assert r.returncode == 0 and "c4 flip speaker=" in r.stdout and "@ NAME" in r.stdout


def test_decisions_over_a_directory_are_all_or_nothing(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    write_report(d / "a-harbour.json", claims=CLAIMS[:3])
    write_report(d / "b-harbour.json")
    write_report(d / "c-harbour.json", claims=CLAIMS[:2])
    # c has a session already: it must come out of a failed run byte for byte as it was
    first = review(str(d / "c-harbour.json"), "--decisions", "-", cwd=tmp_path, stdin="c1 accept\n")
    assert first.returncode == 0, first.stderr
    c_journal = d / "c-harbour.json.review.jsonl"
    before = c_journal.read_bytes()
    decisions = tmp_path / "d.txt"
    decisions.write_text("@ a-harbour.json\n* accept\n@ c-harbour.json\nc2 reject\n"
                         "@ b-harbour.json\nc4 accept\nc8 accept\n")     # line 7: c8 has no evidence
    for extra in ([], ["--restart"]):
        r = review(str(d), "--decisions", str(decisions), *extra, cwd=tmp_path)
        assert r.returncode == 7 and "Traceback" not in r.stderr
        assert r.stderr.strip().splitlines() == [
            f"verifier: error: {decisions}:7: b-harbour.json: c8: needs evidence in the text "
            "(select it with e or reject with r)"]
        # nothing written: no session for a (whose lines were all good) nor b, c untouched, no lock left
        assert sorted(p.name for p in d.iterdir()) == ["a-harbour.json", "b-harbour.json", "c-harbour.json",
                                                        "c-harbour.json.review.jsonl"]
        assert c_journal.read_bytes() == before
    # the same file with the bad line fixed applies to every article
    decisions.write_text(decisions.read_text().replace("c8 accept", "c8 reject"))
    r = review(str(d), "--decisions", str(decisions), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "a-harbour.json: 3 claims, 3 decided" in r.stdout and "b-harbour.json: 8 claims, 2 decided" in r.stdout
    assert "c-harbour.json: 2 claims, 2 decided" in r.stdout
    c_events = events(c_journal)
    assert c_journal.read_bytes().startswith(before) and [e["type"] for e in c_events].count("resume") == 1


def test_accepting_every_claim_of_the_example_works_with_unnamed_sources(tmp_path):
    """An article through the real pipeline with an attributed claim that has no
    speaker: a quoted paragraph with no source named near it."""
    art = tmp_path / "shipyard-orders.txt"
    art.write_text("The harbour closed on Monday after the storm.\n\n"
                   "“We will not reopen before spring, whatever the weather does to the pier.”\n\n"
                   "Repairs will cost $4 million, the council said.\n", encoding="utf-8")
    r = review("shipyard-orders.txt", "-e", "rules", "--decisions", "-", "--export", "report", cwd=tmp_path,
               stdin="* accept\n")
    assert r.returncode == 0, r.stderr
    header = events(tmp_path / "shipyard-orders.txt.review.jsonl")[0]
    unnamed = [c for c in header["report"]["claims"] if c["label"] == "attributed" and not c["speaker"]]
    assert unnamed, "the example no longer has an unnamed source: pick another article for this test"
    n = len(header["report"]["claims"])
    assert f"{n} claims, {n} decided, 0 left" in r.stdout and f"{n} accepted" in r.stdout
    rep = json.loads((tmp_path / "shipyard-orders.reviewed.json").read_text())
    kept = {c["id"]: c for c in rep["claims"]}
    for c in unnamed:
        assert kept[c["id"]]["label"] == "attributed" and kept[c["id"]]["speaker"] is None
        assert kept[c["id"]]["status"] == "reviewed" and kept[c["id"]]["review"]["action"] == "accept"
    # a fixture needs a name for every source: the export says which claim and how, in one line
    fx = review("shipyard-orders.txt", "-e", "rules", "--decisions", "-", "--export", "fixture", cwd=tmp_path,
                stdin="")
    assert fx.returncode == 1 and len(fx.stderr.strip().splitlines()) == 1
    assert f"claim {unnamed[0]['id']} is attributed to an unnamed source" in fx.stderr
    named = review("shipyard-orders.txt", "-e", "rules", "--decisions", "-", "--export", "fixture", cwd=tmp_path,
                   stdin="".join(f"{c['id']} speaker 'the harbour master'\n{c['id']} cue “\n" for c in unnamed))
    assert named.returncode == 0, named.stderr
    assert (tmp_path / "shipyard-orders.fixture.json").exists()


def test_running_a_decisions_file_again_applies_only_its_new_lines(tmp_path):
    """Issue 16: a resumed scripted run skips the lines the journal already
    took (a flip is not undone, an add not doubled, undo not misapplied)."""
    write_report(tmp_path / "harbour.json")
    lines = ['c7 flip speaker="Maria Lopez" cue=noted', 'add "a nine-day strike" label=asserted',
             "c6 reject", "undo"]
    (tmp_path / "d.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    journal = tmp_path / "harbour.json.review.jsonl"

    def state() -> tuple[list[str], dict]:
        ev = events(journal)
        changes = [e for e in ev if e["type"] == "change"]
        undone = {e["undoes"] for e in ev if e["type"] == "undo"}
        kept = {e["claim"]: e["after"]["decision"] for e in changes if e["seq"] not in undone}
        return [e["action"] for e in changes], kept

    for _ in range(2):
        r = review("harbour.json", "--decisions", "d.txt", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert "1 flipped" in r.stdout and "1 added" in r.stdout and "0 rejected" in r.stdout
        assert state() == (["flip", "add", "reject"], {"c7": "flip", "r1": "add"})
    (tmp_path / "d.txt").write_text("\n".join(lines + ["c6 accept"]) + "\n", encoding="utf-8")
    r = review("harbour.json", "--decisions", "d.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert state() == (["flip", "add", "reject", "accept"], {"c7": "flip", "r1": "add", "c6": "accept"})
