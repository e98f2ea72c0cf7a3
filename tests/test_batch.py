"""Batch `verifier check`: discovery, streaming JSONL results, resume,
concurrency, Ctrl-C, progress. Real files, real subprocesses, a real HTTP
server for URL articles, a real pty for the progress bar."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from batch_helpers import SentenceExtractor, article, page_server, write_articles
from conftest import ROOT, run_cli
from verifier import errors
from verifier.batch import BatchRunner, Inputs, ResultStore, is_batch, latest_results, read_results
from verifier.pipeline import Verifier


def lines_of(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- discovery ----------------------------------------------------------------

def test_discovery_of_paths_directories_globs_and_jsonl(tmp_path):
    d = tmp_path / "in"
    write_articles(d, 2)
    (d / "sub").mkdir()
    (d / "sub" / "c.md").write_text("# T\n\nOfficials said so.\n")
    (d / ".hidden.txt").write_text("Officials said so.")
    (d / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "x.txt").write_text(article(7))
    jl = tmp_path / "list.jsonl"
    jl.write_text("\n".join([
        json.dumps({"id": "t1", "text": article(9)}),
        json.dumps({"path": "x.txt"}),
        json.dumps({"id": "u1", "url": "http://127.0.0.1:9/a.html"}),
        "{not json",
        json.dumps({"id": "both", "text": "a", "path": "b"}),
        json.dumps({"id": "t1", "text": "same id again"}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "ftp", "url": "ftp://example/a"}),
        "",
    ]) + "\n")

    assert is_batch([str(d)]) and is_batch([str(jl)]) and is_batch(["a.txt", "b.txt"])
    assert is_batch([str(tmp_path / "*.txt")]) and not is_batch([str(tmp_path / "x.txt")]) and not is_batch(["-"])

    inputs = Inputs([str(d), str(tmp_path / "*.txt"), str(jl)])
    items = list(inputs)
    assert inputs.total == len(items) == 3 + 1 + 8
    kinds = [(os.path.basename(i.id) if i.kind == "path" else i.id, i.kind) for i in items]
    assert kinds[:4] == [("a0000.txt", "path"), ("a0001.txt", "path"), ("c.md", "path"), ("x.txt", "path")]
    by_id = {i.id: i for i in items[4:]}
    assert by_id["t1"].kind == "text" and by_id["t1"].payload == article(9)
    assert by_id["x.txt"].kind == "path" and by_id["x.txt"].payload == str(tmp_path / "x.txt")
    assert by_id["u1"].kind == "url"
    errors_ = [i for i in items if i.kind == "error"]
    messages = " | ".join(i.payload for i in errors_)
    assert len(errors_) == 5, messages
    for needle in ("not a valid JSON line", "exactly one of text, path or url", "used twice",
                   "a text line needs an id", "must start with http"):
        assert needle in messages
    assert all(f"{jl}:" in i.payload for i in errors_)  # each names its line


def test_discovery_refuses_bad_arguments_before_running(tmp_path):
    (tmp_path / "empty").mkdir()
    for args, needle in [([str(tmp_path / "empty")], "no article files"),
                         ([str(tmp_path / "*.nothing")], "no file matches"),
                         ([str(tmp_path / "missing.txt"), str(tmp_path / "other.txt")], "no such file")]:
        with pytest.raises(errors.InputNotFound, match=needle):
            Inputs(args)


# --- the CLI: results, resume, failures ------------------------------------------

def test_directory_batch_streams_one_line_per_article_and_resumes(tmp_path):
    d = tmp_path / "in"
    write_articles(d, 6)
    (d / "blank.txt").write_text("  \n\t\n")
    out = tmp_path / "out.jsonl"

    proc = run_cli("check", str(d), "-o", str(out), "-e", "rules")
    err = proc.stderr.decode()
    assert proc.returncode == errors.EXIT_ERROR, err
    assert "1 of 7 articles failed" in err and "Traceback" not in err
    recs = lines_of(out)
    assert len(recs) == 7
    ok = [r for r in recs if r["status"] == "ok"]
    bad = [r for r in recs if r["status"] == "error"]
    assert len(ok) == 6 and len(bad) == 1
    assert bad[0]["id"].endswith("blank.txt") and bad[0]["error"]["type"] == "EmptyInput"
    assert "only whitespace" in bad[0]["error"]["message"]
    for r in ok:
        rep = r["report"]
        assert rep["document"]["hash"] == r["hash"] and rep["document"]["source"] == r["source"] == r["id"]
        labels = {c["evidence"]["text"][:20]: c["label"] for c in rep["claims"]}
        assert "attributed" in labels.values() and "asserted" in labels.values()

    # Run again: the six are skipped, the failed one is tried again and its
    # old error line replaced, nothing duplicated.
    proc = run_cli("check", str(d), "-o", str(out), "-e", "rules")
    assert proc.returncode == errors.EXIT_ERROR
    assert "6 already done" in proc.stderr.decode()
    recs2 = lines_of(out)
    assert len(recs2) == 7 and [r["status"] for r in recs2].count("error") == 1
    assert [r for r in recs2 if r["status"] == "ok"] == ok

    # Fix the article: the next run checks it, and the error line goes.
    (d / "blank.txt").write_text(article(99))
    proc = run_cli("check", str(d), "-o", str(out), "-e", "rules")
    assert proc.returncode == 0, proc.stderr.decode()
    recs3 = lines_of(out)
    assert [r["status"] for r in recs3] == ["ok"] * 7
    assert len({r["hash"] for r in recs3}) == len({r["id"] for r in recs3}) == 7
    assert recs3[:6] == ok  # finished work is never rewritten
    latest = latest_results(out)
    assert set(latest) == {r["id"] for r in recs3} and latest[bad[0]["id"]]["status"] == "ok"


def test_jsonl_of_texts_paths_and_urls(tmp_path):
    (tmp_path / "local.txt").write_text(article(1))
    html = (f"<html><head><title>Bridge</title><script>alert('x')</script></head><body><article>"
            f"<p>{article(2).splitlines()[0]}</p><p>{article(2).splitlines()[2]}</p></article></body></html>").encode()
    pages = {"/story.html": (200, "text/html; charset=utf-8", html)}
    with page_server(pages) as base:
        jl = tmp_path / "articles.jsonl"
        jl.write_text("\n".join(json.dumps(x) for x in [
            {"id": "inline", "text": article(3)},
            {"id": "file", "path": "local.txt"},
            {"id": "web", "url": f"{base}/story.html"},
            {"id": "gone", "url": f"{base}/missing.html"},
        ]) + "\n")
        out = tmp_path / "out.jsonl"
        proc = run_cli("check", str(jl), "-o", str(out), "-e", "rules", "-j", "3")
    assert proc.returncode == errors.EXIT_ERROR, proc.stderr.decode()
    recs = {r["id"]: r for r in lines_of(out)}
    assert set(recs) == {"inline", "file", "web", "gone"}
    assert recs["inline"]["status"] == recs["file"]["status"] == recs["web"]["status"] == "ok"
    web = recs["web"]["report"]
    assert web["document"]["format"] == "html" and "alert" not in web["document"]["text"]
    assert "bridge number 2" in web["document"]["text"]
    assert recs["gone"]["status"] == "error" and "HTTP 404" in recs["gone"]["error"]["message"]


def test_duplicate_content_is_checked_once(tmp_path):
    d = tmp_path / "in"
    write_articles(d, 2)
    (d / "copy.txt").write_text(article(0))
    out = tmp_path / "out.jsonl"
    proc = run_cli("check", str(d), "-o", str(out), "-e", "rules", "-j", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    recs = lines_of(out)
    assert [r["status"] for r in recs].count("ok") == 2
    dup = next(r for r in recs if r["status"] == "duplicate")
    assert dup["id"].endswith("copy.txt") and dup["same_as"].endswith("a0000.txt")


def test_cut_last_line_is_dropped_and_that_article_run_again(tmp_path):
    d = tmp_path / "in"
    write_articles(d, 4)
    out = tmp_path / "out.jsonl"
    assert run_cli("check", str(d), "-o", str(out), "-e", "rules").returncode == 0
    data = out.read_bytes()
    out.write_bytes(data[: len(data) - 200])  # a crash mid-line
    proc = run_cli("check", str(d), "-o", str(out), "-e", "rules")
    assert proc.returncode == 0, proc.stderr.decode()
    recs = lines_of(out)
    assert len(recs) == 4 and len({r["id"] for r in recs}) == 4 and all(r["status"] == "ok" for r in recs)
    assert "3 already done" in proc.stderr.decode()


def test_output_that_is_not_ours_is_refused_untouched(tmp_path):
    d = tmp_path / "in"
    write_articles(d, 2)
    out = tmp_path / "notes.jsonl"
    out.write_text('{"my": "data"}\n')
    proc = run_cli("check", str(d), "-o", str(out), "-e", "rules")
    err = proc.stderr.decode()
    assert proc.returncode != 0 and err.count("\n") == 1 and "not a verifier batch result" in err
    assert out.read_text() == '{"my": "data"}\n'


def test_a_batch_needs_an_output_file_and_jsonl(tmp_path):
    a, b = write_articles(tmp_path, 2)
    proc = run_cli("check", str(a), str(b))
    assert proc.returncode == errors.EXIT_USAGE and b"-o FILE" in proc.stderr and proc.stderr.count(b"\n") == 1
    proc = run_cli("check", str(a), str(b), "-o", str(tmp_path / "o.jsonl"), "-f", "markdown")
    assert proc.returncode == errors.EXIT_USAGE and b"writes JSONL" in proc.stderr
    # (a directory without -o: exit 4 as before, see test_cli; the message now names -o FILE)


def test_single_file_mode_unchanged(tmp_path):
    (p,) = write_articles(tmp_path, 1)
    proc = run_cli("check", str(p), "-f", "json", "-e", "rules")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["document"]["source"] == str(p)


# --- the runner: concurrency, one shared extractor, failures -----------------------

def test_bounded_concurrency_with_one_shared_extractor(tmp_path):
    write_articles(tmp_path / "in", 40)
    ext = SentenceExtractor(delay=0.05, fail_on="number 13 ")
    verifier = Verifier(extractor=ext)
    store = ResultStore.open(tmp_path / "out.jsonl")
    inputs = Inputs([str(tmp_path / "in")])
    summary = BatchRunner(verifier, store, concurrency=8).run(inputs, inputs.total)
    assert ext.calls == 40 and ext.max_in_flight == 8 and len(ext.threads) == 8
    assert summary.ok == 39 and summary.failed == 1 and summary.done == 40
    recs = list(read_results(tmp_path / "out.jsonl"))
    assert len(recs) == 40
    bad = [r for r in recs if r["status"] == "error"]
    assert len(bad) == 1 and bad[0]["id"].endswith("a0013.txt")
    assert bad[0]["error"] == {"type": "RuntimeError", "message": "extractor broke on purpose (number 13 )"}
    # the model's "asserted" is disputed by the checker where a source speaks
    ok = next(r for r in recs if r["status"] == "ok")
    said = next(c for c in ok["report"]["claims"] if " said " in c["evidence"]["text"])
    assert said["label"] == "attributed" and said["status"] == "disagreed"


# --- Ctrl-C and progress -----------------------------------------------------------

def test_ctrl_c_keeps_finished_articles_and_resume_finishes(tmp_path):
    n = 24
    pages = {f"/{i}.txt": (200, "text/plain; charset=utf-8", article(i).encode()) for i in range(n)}
    with page_server(pages, delay=1.0) as base:
        jl = tmp_path / "urls.jsonl"
        jl.write_text("".join(json.dumps({"id": f"u{i}", "url": f"{base}/{i}.txt"}) + "\n" for i in range(n)))
        out = tmp_path / "out.jsonl"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
        proc = subprocess.Popen([sys.executable, "-m", "verifier.cli", "check", str(jl), "-o", str(out),
                                 "-e", "rules", "-j", "2"], stderr=subprocess.PIPE, env=env, cwd=ROOT)
        deadline = time.time() + 30
        while time.time() < deadline and (not out.exists() or out.read_text().count("\n") < 3):
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
        assert out.read_text().count("\n") < n  # stopped at once, not after the whole batch
        assert proc.returncode == errors.EXIT_INTERRUPTED, err.decode()
        assert b"interrupted" in err and b"run the same command again" in err and b"Traceback" not in err
        kept = lines_of(out)
        assert 3 <= len(kept) < n and all(r["status"] == "ok" for r in kept)

        # a second run on the same output while the first is going is refused, untouched
        first = subprocess.Popen([sys.executable, "-m", "verifier.cli", "check", str(jl), "-o", str(out),
                                  "-e", "rules", "-j", "1"], stderr=subprocess.PIPE, env=env, cwd=ROOT)
        while time.time() < deadline and out.read_text().count("\n") <= len(kept):
            time.sleep(0.05)
        busy = run_cli("check", str(jl), "-o", str(out), "-e", "rules")
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=20)
        assert busy.returncode != 0 and b"another verifier run is writing" in busy.stderr, busy.stderr
        assert busy.stderr.count(b"\n") == 1

        proc = run_cli("check", str(jl), "-o", str(out), "-e", "rules", "-j", "8")
    assert proc.returncode == 0, proc.stderr.decode()
    recs = lines_of(out)
    assert sorted(r["id"] for r in recs) == sorted(f"u{i}" for i in range(n))
    assert recs[: len(kept)] == kept


def test_progress_bar_in_a_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    write_articles(tmp_path / "in", 12)
    out = tmp_path / "out.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(COLUMNS="160", TERM="xterm")
    child = pexpect.spawn(sys.executable, ["-m", "verifier.cli", "check", str(tmp_path / "in"), "-o", str(out),
                                           "-e", "rules"], env=env, cwd=str(ROOT), timeout=30, dimensions=(24, 160))
    child.expect(rb"12/12(\x1b\[[0-9;]*m)?\s+articles")
    screen = child.before.decode(errors="replace") + child.after.decode()
    child.expect(pexpect.EOF)
    child.close()
    rest = child.before.decode(errors="replace")
    assert child.exitstatus == 0, screen + rest
    assert "checking" in screen
    assert "claims" in rest and "tok" in rest and "/s" in rest
    assert "12 of 12 articles: 12 checked" in rest
    assert len(lines_of(out)) == 12


def test_batch_lines_escape_what_a_terminal_obeys(tmp_path):
    # C1 controls (CSI U+009B), bidi overrides and line separators in an article and its id
    # are written as \u escapes: the JSONL parses to the same strings and drives no terminal
    src = tmp_path / "in.jsonl"
    text = "The mayor said the \u009b2J bridge would reopen \u202etoday\u202c in May.\u2028Officials agreed."
    src.write_text(json.dumps({"id": "a\u009bb", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli("check", str(src), "-o", str(out), "-e", "rules")
    assert proc.returncode == 0, proc.stderr.decode()
    raw = out.read_text(encoding="utf-8")
    assert not any(ch in raw for ch in "\u009b\u202e\u202c\u2028")
    assert "\\u009b" in raw and "\\u202e" in raw
    (rec,) = lines_of(out)
    assert rec["id"] == "a\u009bb"
    evidence = " ".join(c["evidence"]["text"] for c in rec["report"]["claims"])
    assert "\u202etoday\u202c" in evidence  # the user's own characters, parsed back
