"""A full disk while the review journal is written (issue 16), on a real
64 KB tmpfs made by the test (skipped, with the reason, where the machine
does not let us mount): one error line and a non-zero exit, never a
traceback; every decision journaled before the disk filled survives, the
journal keeps whole lines only, and the same command resumes once there is
room. Interactive (a real pty) and scripted (--decisions, all or nothing)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from review_support import Tty, cli_env, write_report
from test_disk_batch import tmpfs

pytest.importorskip("pexpect")
pytest.importorskip("pyte")


def fill(disk: Path) -> Path:
    """Write a file until the file system refuses another byte."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (65536, 4096, 1):
            while True:
                try:
                    os.write(fd, b"x" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC, exc
                    break
    finally:
        os.close(fd)
    return filler


def review(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "verifier.cli", "review", *args], cwd=str(cwd), env=cli_env(),
                          capture_output=True, text=True, input=stdin, timeout=120)


def changes(journal: Path) -> list[dict]:
    data = journal.read_bytes()
    assert data.endswith(b"\n"), data[-200:]  # whole lines only
    events = [json.loads(line) for line in data.decode().splitlines()]  # every line a complete event
    return [e for e in events if e["type"] == "change"]


def one_error(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("verifier: error: "), stderr
    return lines[0]


def test_interactive_review_on_a_disk_that_fills_up(tmp_path):
    with tmpfs(tmp_path / "small") as disk:
        write_report(disk / "harbour.json")
        journal = disk / "harbour.json.review.jsonl"
        t = Tty("review", "harbour.json", cwd=disk)
        t.wait("claim 1 of 8", "c4 DISAGREED")
        t.send("a")
        t.wait("c4: accepted", "1 done")  # saved while there is room
        filler = fill(disk)
        shown = 1
        for k in range(2, 9):  # accept claim after claim until a decision cannot be saved
            t.send("r" if "c8 UNGROUNDED" in t.text else "a")
            end = time.monotonic() + 15
            while time.monotonic() < end and not t.eof and f"{k} done" not in t.text:
                t.pump(0.1)
            if t.eof or f"{k} done" not in t.text:
                break
            shown = k
        rc = t.finish()
        assert rc == 1, t.raw[-2000:]
        raw = t.raw.decode("utf-8", "replace")
        assert "Traceback" not in raw
        errs = [ln.strip() for ln in raw.splitlines() if "verifier: error:" in ln]
        assert len(errs) == 1, raw[-2000:]
        assert f"{journal.name}: cannot save the review session (No space left on device)" in errs[0]
        assert "every decision made before it is kept there" in errs[0]
        assert shown < 8  # the disk refused a decision (those before it may have fitted in the last page)
        assert len(changes(journal)) == shown  # every decision shown as saved is in the journal, no other
        filler.unlink()
        r = review("harbour.json", "--decisions", "-", cwd=disk)  # room again: the same session resumes
        assert r.returncode == 0, r.stderr
        assert f"harbour.json: 8 claims, {shown} decided, {8 - shown} left" in r.stdout


def test_scripted_decisions_on_a_full_disk_change_nothing(tmp_path):
    with tmpfs(tmp_path / "small") as disk:
        write_report(disk / "harbour.json")
        journal = disk / "harbour.json.review.jsonl"
        assert review("harbour.json", "--decisions", "-", cwd=disk, stdin="c4 accept\n").returncode == 0
        before = journal.read_bytes()
        filler = fill(disk)
        r = review("harbour.json", "--decisions", "-", cwd=disk, stdin="c8 reject\n* accept\n")
        assert r.returncode == 1
        err = one_error(r.stderr)
        assert "harbour.json.review.jsonl: cannot save the review session (No space left on device)" in err
        assert journal.read_bytes() == before  # all or nothing: not one of the new decisions, no partial line
        filler.unlink()
        r = review("harbour.json", "--decisions", "-", cwd=disk, stdin="c8 reject\n* accept\n")
        assert r.returncode == 0 and "8 claims, 8 decided, 0 left" in r.stdout, r.stderr


def test_a_session_that_cannot_start_leaves_no_file(tmp_path):
    with tmpfs(tmp_path / "small") as disk:
        write_report(disk / "harbour.json")
        fill(disk)
        r = review("harbour.json", "--decisions", "-", cwd=disk, stdin="c4 accept\n")
        assert r.returncode == 1
        assert "cannot save the review session (No space left on device): nothing was saved" in one_error(r.stderr)
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "harbour.json"]
