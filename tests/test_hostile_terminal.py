"""Text that attacks the reader (issue 16): ESC sequences (window title,
clear screen, alternate screen, hyperlinks), C1 controls, BEL, carriage
returns and bidi overrides in an article, a model's answer, a JSONL id or
a file name never reach a terminal as controls. The CLI runs on a real
pseudo-terminal (colour and progress on) and through a pipe."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time

from verifier.sanitize import display, is_clean, one_line

HOSTILE = (
    "The mayor said the bridge \x1b]0;PWNED-TITLE\x07will close\x1b[2J in March.\n\n"
    "The bridge carries \x1b[?1049h40,000 cars\x1b]8;;http://evil.example/\x1b\\ a day\x9b31m, "
    "\u202eregdirb ehT\u202c and\r the bell\x07 rings.\n"
)
ATTACKS = [b"\x1b]", b"\x07", b"\x1b[2J", b"\x1b[?1049h", b"\xc2\x9b", "\u202e".encode(), b"\x1b\\", b"\r the"]
# what rich itself may send to a terminal: SGR styles, and for the progress bar
# erase-line, cursor up/down and show/hide cursor
RICH_CSI = re.compile(rb"\x1b\[(?:[0-9;]*m|2K|[0-9]*[AB]|\?25[lh])")


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.pop("NO_COLOR", None)
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="40", XDG_CONFIG_HOME="/nonexistent", **extra)
    return env


def run_in_pty(*args: str, timeout: float = 60) -> tuple[int, bytes]:
    """The CLI with stdin, stdout and stderr on a new pseudo-terminal: every byte it writes."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "verifier.cli", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=_env(), close_fds=True)
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=10)
    os.close(master)
    return proc.returncode, bytes(out)


def escapes_not_ours(data: bytes) -> list[bytes]:
    """ESC sequences that rich did not make, and the attack bytes."""
    stripped = RICH_CSI.sub(b"", data)
    found = [m.group(0) for m in re.finditer(rb"\x1b.{0,12}", stripped, re.S)]
    return found + [a for a in ATTACKS if a in stripped]


def test_the_sanitizer():
    assert display("a\x1b]0;t\x07b\tc\nd\x9b\u202e\x7f") == "a\u241b]0;t\u2407b\tc\nd\ufffd\ufffd\u2421"
    assert len(display(HOSTILE)) == len(HOSTILE) and is_clean(display(HOSTILE)) and not is_clean(HOSTILE)
    assert one_line("x\nverifier: 0 of 0\t\x1b[2J\u202e") == "x\\nverifier: 0 of 0\\t\\x1b[2J\\u202e"
    assert one_line("caf\udce9.txt") == "caf\\xe9.txt"  # a file name that is not UTF-8
    assert display("Zoë says 東京 👍") == "Zoë says 東京 👍"


def test_check_on_a_terminal_shows_hostile_text_without_obeying_it(tmp_path):
    p = tmp_path / "hostile.txt"
    p.write_text(HOSTILE, encoding="utf-8")
    rc, out = run_in_pty("check", str(p), "-e", "rules", "--color")
    assert rc == 0, out.decode(errors="replace")
    assert b"\x1b[" in out  # coloured: a terminal really
    assert escapes_not_ours(out) == []  # escapes reaching a terminal: 0
    visible = RICH_CSI.sub(b"", out).decode()
    assert "PWNED-TITLE" in visible and "\u241b]0" in visible  # shown, not obeyed


def test_check_through_a_pipe_plain_or_coloured(tmp_path):
    p = tmp_path / "hostile.txt"
    p.write_text(HOSTILE, encoding="utf-8")
    for flags in (["--no-color"], ["--color"]):
        proc = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(p), "-e", "rules", *flags],
                              capture_output=True, env=_env(), timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert escapes_not_ours(proc.stdout) == [], flags
        if flags == ["--no-color"]:
            assert b"\x1b" not in proc.stdout


def test_batch_ids_and_file_names_cannot_forge_lines(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    forged = "x\nverifier: 999 of 999 articles: 999 checked, 0 failed\x1b]0;PWNED\x07.txt"
    (d / forged).write_bytes("Le ministre a déclaré".encode("latin-1"))  # fails: a "failed <id>" line
    (d / "good.txt").write_text("Officials said the bridge will close.\n")
    jl = tmp_path / "feed.jsonl"
    jl.write_text(json.dumps({"id": "evil\x1b[2J\r\u202eid", "text": " \n\t\n"}) + "\n"
                  + json.dumps({"id": "ok-1", "text": HOSTILE}) + "\n")
    out = tmp_path / "out.jsonl"
    rc, data = run_in_pty("check", str(d), str(jl), "-o", str(out), "-e", "rules", "--progress")
    text = RICH_CSI.sub(b"", data).decode("utf-8", "replace")
    assert rc == 1, text
    assert escapes_not_ours(data) == [], text
    summaries = [ln for ln in re.split(r"[\r\n]+", text) if re.match(r"\s*verifier: \d+ of \d+ articles", ln)]
    assert len(summaries) == 1 and summaries[0].strip().startswith("verifier: 4 of 4 articles"), summaries
    assert "failed " + str(d) + "/x\\nverifier: 999 of 999" in text  # the name shown escaped, on its own line
    assert "evil\\x1b[2J\\r\\u202eid" in text
