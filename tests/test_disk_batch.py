"""Disks (issue 16) for batch results and recordings, on real file systems
made by the test: a 64 KB tmpfs that fills up, a tmpfs remounted
read-only, an immutable file (chattr +i). Skipped, with the reason, where
the machine does not let us mount (not root, no tmpfs, a container without
CAP_SYS_ADMIN).

What must hold: one error line after the summary, no traceback; every
line of the results file complete (no partial last line for other
readers); no `.compact` file left; the same command resumes once there is
room; with --mode record a full recordings disk is a local write error
(never "cannot reach the model server") and the ledger counts the tokens
of every answered request. Also: a garbled line in the middle of a
results file is dropped by a complete run's compaction."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from batch_helpers import article, write_articles
from fault_server import FaultServer
from llm_support import fake_key  # noqa: E402


def _run(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    e.update(XDG_CONFIG_HOME="/nonexistent", **(env or {}))
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], capture_output=True, text=True, env=e,
                          timeout=timeout)


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "64k"):
    path.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command: cannot make a small file system")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True,
                          text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({proc.stderr.strip() or 'mount refused'}): needs root")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, options: str) -> None:
    proc = subprocess.run(["mount", "-o", f"remount,{options}", str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot remount {path} {options}: {proc.stderr.strip()}")


def assert_whole_lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), data[-200:]
    return [json.loads(line) for line in data.decode().splitlines()]  # every line a complete record


def files_in(disk: Path) -> list[str]:
    """Every file under `disk`, relative; the Parquet tables beside the JSONL included."""
    return sorted(str(p.relative_to(disk)) for p in disk.rglob("*") if p.is_file())


def assert_no_temporaries(disk: Path, *expected: str) -> None:
    """The JSONL (and `expected` files), Parquet parts and nothing else:
    no .compact, no temporary part, no partial errors file."""
    for name in files_in(disk):
        if name in expected or name == "out.jsonl":
            continue
        assert name.startswith(("out.parquet/claims/part-", "out.parquet/articles/part-",
                                "out.parquet/articles/errors.parquet")), name
        assert name.endswith(".parquet") and "/." not in name, name


def assert_one_error_after_summary(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    errors_ = [ln for ln in lines if ln.startswith("verifier: error: ")]
    assert len(errors_) == 1 and lines[-1] == errors_[0], stderr
    assert any(" articles: " in ln for ln in lines[:-1]), stderr  # the summary came first
    return errors_[0]


def test_a_full_disk_stops_the_batch_cleanly_and_the_run_resumes(tmp_path):
    write_articles(tmp_path / "in", 60)
    with tmpfs(tmp_path / "small") as disk:
        out = disk / "out.jsonl"
        proc = _run("check", str(tmp_path / "in"), "-o", str(out), "-e", "rules", "-j", "2")
        assert proc.returncode == 1
        err = assert_one_error_after_summary(proc.stderr)
        assert "the disk is full" in err and str(out) in err and "run the same command again" in err
        kept = assert_whole_lines(out)
        assert 0 < len(kept) < 60 and all(r["status"] == "ok" for r in kept)
        assert_no_temporaries(disk)  # no temporary or .compact file
        remount(disk, "size=2m")
        proc = _run("check", str(tmp_path / "in"), "-o", str(out), "-e", "rules", "-j", "2")
        assert proc.returncode == 0, proc.stderr
        assert f"{len(kept)} already done" in proc.stderr
        done = assert_whole_lines(out)
        assert sorted(r["id"] for r in done) == sorted(str(p) for p in (tmp_path / "in").iterdir())
        assert_tables_match(out)


def assert_tables_match(out: Path) -> None:
    """The Parquet tables hold every line of the JSONL, each article once."""
    from verifier.batch.parquet import parquet_dir, read_table

    recs = assert_whole_lines(out)
    arts = read_table(parquet_dir(out), "articles").to_pylist()
    assert sorted((a["id"], a["status"]) for a in arts) == sorted((r["id"], r["status"]) for r in recs)
    claims = read_table(parquet_dir(out), "claims").to_pylist()
    assert len(claims) == sum(len(r["report"]["claims"]) for r in recs if r["status"] == "ok")


def test_read_only_and_immutable_outputs_are_one_line(tmp_path):
    write_articles(tmp_path / "in", 3)
    with tmpfs(tmp_path / "ro", size="1m") as disk:
        out = disk / "out.jsonl"
        assert _run("check", str(tmp_path / "in"), "-o", str(out), "-e", "rules").returncode == 0
        write_articles(tmp_path / "in", 2, start=3)  # more work for the next run
        chattr = subprocess.run(["chattr", "+i", str(out)], capture_output=True, text=True)
        if chattr.returncode == 0:
            try:
                proc = _run("check", str(tmp_path / "in"), "-o", str(out), "-e", "rules")
                assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
                assert proc.stderr.count("\n") == 1 and str(out) in proc.stderr, proc.stderr
            finally:
                subprocess.run(["chattr", "-i", str(out)], capture_output=True)
        before = out.read_bytes()
        remount(disk, "ro")
        for target in (out, disk / "new.jsonl"):
            proc = _run("check", str(tmp_path / "in"), "-o", str(target), "-e", "rules")
            assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
            assert proc.stderr.count("\n") == 1 and "Read-only file system" in proc.stderr, proc.stderr
        assert out.read_bytes() == before


def test_a_compaction_that_finds_no_room_leaves_no_compact_file(tmp_path):
    src = tmp_path / "in"
    write_articles(src, 10)
    (src / "bad.txt").write_bytes("Le ministre a déclaré".encode("latin-1"))
    with tmpfs(tmp_path / "small", size="128k") as disk:
        out = disk / "out.jsonl"
        assert _run("check", str(src), "-o", str(out), "-e", "rules").returncode == 1  # one error line
        (src / "bad.txt").write_text(article(99))  # fixed: the next run supersedes the error line
        free = os.statvfs(disk)
        room = free.f_bavail * free.f_frsize
        tables = sum(p.stat().st_size for p in (disk / "out.parquet").rglob("part-*"))
        # room for a line and its Parquet part (about the size of the first run's), not for a copy
        (disk / "filler").write_bytes(b"\0" * max(room - 12_000 - tables, 0))
        proc = _run("check", str(src), "-o", str(out), "-e", "rules")
        assert proc.returncode == 1, proc.stderr
        err = assert_one_error_after_summary(proc.stderr)
        assert "cannot compact" in err and "unchanged and complete" in err, err
        assert_no_temporaries(disk, "filler")  # no .compact left
        recs = assert_whole_lines(out)
        assert {r["status"] for r in recs} == {"ok", "error"} and len(recs) == 12


def test_a_garbled_line_in_the_middle_is_removed_by_compaction(tmp_path):
    src = tmp_path / "in"
    paths = write_articles(src, 3)
    out = tmp_path / "out.jsonl"
    assert _run("check", str(src), "-o", str(out), "-e", "rules").returncode == 0
    lines = out.read_text().splitlines(keepends=True)
    garbled = '{"id": "' + str(paths[0]) + '", "status": "o\n'  # a line of ours, cut and newline-terminated
    out.write_text(lines[0] + garbled + "".join(lines[1:]))
    proc = _run("check", str(src), "-o", str(out), "-e", "rules")  # a complete run, nothing else to do
    assert proc.returncode == 0, proc.stderr
    assert garbled not in out.read_text()
    assert out.read_text() == "".join(lines)


def test_record_mode_on_a_full_disk_is_a_local_error_and_counts_every_answer(tmp_path):
    write_articles(tmp_path / "in", 30)
    with tmpfs(tmp_path / "rec") as rec, FaultServer() as server:
        proc = _run("check", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "-e", "llm",
                    "--base-url", server.url, "--model", "m", "--mode", "record", "--recordings", str(rec),
                    "-j", "2", "--no-progress",
                    env={"OPENAI_API_KEY": fake_key("disk-test-0123456789"), "VERIFIER_BACKOFF_INITIAL": "0.01"})
        answered = list(server.answered)
        sent = len(server.chat_requests)
        assert sorted(p.suffix for p in rec.iterdir()) == [".jsonl"] * len(list(rec.iterdir()))  # no temp files
    assert proc.returncode == 1, proc.stderr
    err = assert_one_error_after_summary(proc.stderr)
    assert "cannot write the recording" in err and "the disk is full" in err, err
    assert "cannot reach" not in proc.stderr
    summary = next(ln for ln in proc.stderr.splitlines() if " articles: " in ln)
    tokens = int(summary.split(" tokens")[0].rsplit(" ", 1)[-1])
    assert tokens == sum(p + c for _, p, c in answered) > 0, summary  # answered requests all counted
    assert sent == len(answered) < 30  # the run stopped instead of failing every article
    recs = assert_whole_lines(tmp_path / "out.jsonl")
    assert any(r["status"] == "error" and r["error"]["type"] == "RecordingWriteError" for r in recs)


def test_an_immutable_recording_is_a_local_error_not_a_network_one(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(article(1))
    with tmpfs(tmp_path / "rec", size="1m") as rec, FaultServer() as server:
        args = ("check", str(src), "-f", "json", "-e", "llm", "--base-url", server.url, "--model", "m",
                "--mode", "record", "--recordings", str(rec))
        env = {"OPENAI_API_KEY": fake_key("disk-test-0123456789"), "VERIFIER_BACKOFF_INITIAL": "0.01"}
        assert _run(*args, env=env).returncode == 0
        (recording,) = rec.iterdir()
        before = recording.read_bytes()
        if subprocess.run(["chattr", "+i", str(recording)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is refused on this tmpfs")
        try:
            proc = _run(*args, "--mode", "record", env=env)
        finally:
            subprocess.run(["chattr", "-i", str(recording)], capture_output=True)
        leftovers = sorted(p.name for p in rec.iterdir())
        after = recording.read_bytes()
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1 and "cannot write the recording" in proc.stderr, proc.stderr
    assert "cannot reach" not in proc.stderr and "immutable or not writable" in proc.stderr
    assert after == before and leftovers == [recording.name]  # no temporary file left


def test_a_full_disk_during_a_dask_batch_is_one_line_and_the_run_resumes(tmp_path):
    """The batch on a real LocalCluster (--workers 2, started by the command)
    writing to a 64 KB tmpfs: the summary, one error line and exit 1;
    every line written kept whole, nothing temporary left; with room, the
    same command finishes and the tables hold each article once."""
    pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    write_articles(tmp_path / "in", 60)
    with tmpfs(tmp_path / "small") as disk:
        out = disk / "out.jsonl"
        args = ("check", str(tmp_path / "in"), "-o", str(out), "-e", "rules", "-j", "2", "--workers", "2",
                "--no-progress")
        env = {"VERIFIER_DASK_PARTITION": "2", "VERIFIER_PARQUET_PART": "5"}
        proc = _run(*args, env=env, timeout=180)
        assert proc.returncode == 1, proc.stderr
        err = assert_one_error_after_summary(proc.stderr)
        assert "the disk is full" in err and "run the same command again" in err, err
        kept = assert_whole_lines(out)
        assert 0 < len(kept) < 60 and all(r["status"] == "ok" for r in kept)
        summary = next(ln for ln in proc.stderr.splitlines() if " articles: " in ln)
        assert f"{len(kept)} of 60 articles: {len(kept)} checked" in summary, summary  # counted = written
        assert_no_temporaries(disk)
        written = out.read_bytes()
        remount(disk, "size=2m")
        proc = _run(*args, env=env, timeout=180)
        assert proc.returncode == 0, proc.stderr
        assert f"resuming: {len(kept)} already done" in proc.stderr
        assert out.read_bytes().startswith(written)  # nothing written was lost or rewritten
        done = assert_whole_lines(out)
        assert sorted(r["id"] for r in done) == sorted(str(p) for p in (tmp_path / "in").iterdir())
        assert_tables_match(out)
        assert_no_temporaries(disk)
