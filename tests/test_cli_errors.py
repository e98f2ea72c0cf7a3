"""One line and a non-zero exit instead of a traceback; a closed pipe ends
quietly (issue 15). Real subprocesses, real pipes."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import EXAMPLE, ROOT, run_cli


def one_line_error(proc) -> str:
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    assert err.startswith("verifier: error: ") and err.count("\n") == 1, err
    return err


def test_unknown_input_format_is_a_usage_error_naming_the_choices():
    proc = run_cli("check", str(EXAMPLE), "--input-format", "docx")
    assert proc.returncode == 2
    err = one_line_error(proc)
    assert "docx" in err and "text" in err and "markdown" in err and "html" in err


def test_usage_errors_are_one_line():
    for args in (["check"], ["check", "--bogus", str(EXAMPLE)], ["check", str(EXAMPLE), "-f", "pdf"],
                 ["eval", "--mode", "sometimes"], ["recordings", "--llm-mode", "xml"]):
        proc = run_cli(*args, cwd=ROOT)
        assert proc.returncode == 2, args
        assert "--help" in one_line_error(proc)


def _pipe_into_head(args: list[str]) -> tuple[int, bytes, bytes]:
    """`verifier ARGS | head -1`, with a real pipe whose reader goes away."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    producer = subprocess.Popen([sys.executable, "-m", "verifier.cli", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=ROOT)
    head = subprocess.run(["head", "-1"], stdin=producer.stdout, capture_output=True, timeout=120)
    producer.stdout.close()  # only head holds the read end: when it exits, the pipe is closed
    err = producer.stderr.read()
    rc = producer.wait(timeout=120)
    return rc, head.stdout, err


def test_eval_into_a_closed_pipe_ends_quietly():
    rc, first, err = _pipe_into_head(["eval"])
    assert first.startswith(b"verifier eval:")
    assert err == b"", err.decode()
    assert rc in (0, 141), rc


def test_check_into_a_closed_pipe_ends_quietly(tmp_path):
    big = tmp_path / "long.txt"
    big.write_text(EXAMPLE.read_text(encoding="utf-8") * 40, encoding="utf-8")
    for fmt in ("json", "text", "markdown"):
        rc, first, err = _pipe_into_head(["check", str(big), "-f", fmt])
        assert first, fmt
        assert err == b"", (fmt, err.decode())
        assert rc in (0, 141), (fmt, rc)


def test_a_report_given_to_check_says_to_use_render(tmp_path):
    report = tmp_path / "report.json"
    assert run_cli("check", str(EXAMPLE), "-o", str(report)).returncode == 0
    proc = run_cli("check", str(report))
    assert proc.returncode == 2
    assert "verifier render" in one_line_error(proc)
    assert proc.stdout == b""


def test_unreadable_output_parent_is_one_line(tmp_path):
    file_as_dir = tmp_path / "plain"
    file_as_dir.write_text("x")
    proc = run_cli("check", str(EXAMPLE), "-o", str(file_as_dir / "r.json"))
    assert proc.returncode == 1
    one_line_error(proc)
