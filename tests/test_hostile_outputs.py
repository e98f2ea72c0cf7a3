"""Text that attacks the reader, in every output format and on stderr (issue 16).

The rule (verifier/sanitize.py): views for people (text, Markdown, HTML)
show every control character and bidi override as a visible character,
wherever they are written; JSON and JSONL keep the exact data, with DEL,
the C1 controls and the bidi controls written as \\u escapes (JSON escapes
C0 itself), the same bytes to a terminal, a pipe or a file; notes and
logging records on stderr (-v, -vv, --explain) are escaped onto one line.

The CLI runs as a subprocess on a real pseudo-terminal, through pipes and
into files; the model is a real server on 127.0.0.1 (tests/openai_server.py).
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time

import pytest

from llm_support import fake_key, ARTICLE, GOOD
from openai_server import OpenAIServer, structured
from test_hostile_terminal import HOSTILE, RICH_CSI, escapes_not_ours

# what must never reach a terminal raw: ESC, BEL, any C1 control (UTF-8 \xc2\x80..\xc2\x9f), DEL, RLO/PDF/isolates
RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
FAKE_KEY = fake_key("hostile-outputs-NOT-A-KEY-0123456789")


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.pop("NO_COLOR", None)
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="40", XDG_CONFIG_HOME="/nonexistent", **extra)
    return env


def on_pty(args: list[str], env: dict, timeout: float = 90) -> tuple[int, bytes]:
    """`args` with stdin, stdout and stderr on a new pseudo-terminal: every byte written to it."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if select.select([master], [], [], 0.2)[0]:
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


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "verifier.cli", *args]


def not_ours(data: bytes) -> list[bytes]:
    """Escapes rich did not make, attack bytes, and raw controls other than CR/LF/TAB."""
    return escapes_not_ours(data) + RAW_CONTROL.findall(RICH_CSI.sub(b"", data))


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple:
    """A Report of the hostile article, saved as JSON by the real CLI."""
    d = tmp_path_factory.mktemp("hostile-out")
    article = d / "hostile.txt"
    article.write_text(HOSTILE + "A DEL\x7f and an LRI\u2066 isolate, a C1 NEL\x85 too.\n", encoding="utf-8")
    report = d / "report.json"
    proc = subprocess.run(cli("check", str(article), "-e", "rules", "-o", str(report)), capture_output=True,
                          env=_env(), timeout=90)
    assert proc.returncode == 0, proc.stderr
    return d, report, json.loads(report.read_text(encoding="utf-8"))


def test_the_saved_json_is_exact_data_with_nothing_raw(saved):
    d, report, data = saved
    raw = report.read_bytes()
    assert RAW_CONTROL.findall(raw) == []
    text = data["document"]["text"]  # parsed back: the article's own characters, every one
    for ch in ("\x1b]0;PWNED-TITLE\x07", "\x9b31m", "\u202eregdirb ehT\u202c", "\x7f", "\u2066", "\x85"):
        assert ch in text, repr(ch)
    assert "\\u009b31m" in raw.decode() and "\\u202e" in raw.decode() and "\\u001b" in raw.decode()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_to_a_terminal_drives_nothing_and_parses_to_the_same_data(saved, fmt):
    d, report, data = saved
    rc, out = on_pty(cli("render", str(report), "-f", fmt), _env())
    assert rc == 0, out
    assert not_ours(out) == []
    assert json.loads(out.decode()) == data  # the terminal's \r\n is JSON whitespace


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_to_a_pipe_and_to_a_file_is_the_same_exact_bytes(saved, fmt):
    d, report, data = saved
    piped = subprocess.run(cli("render", str(report), "-f", fmt), capture_output=True, env=_env(), timeout=90)
    target = d / f"again.{fmt}"
    filed = subprocess.run(cli("render", str(report), "-f", fmt, "-o", str(target)), capture_output=True,
                           env=_env(), timeout=90)
    assert piped.returncode == 0 and filed.returncode == 0, (piped.stderr, filed.stderr)
    assert piped.stdout == target.read_bytes()
    assert json.loads(piped.stdout) == data
    assert RAW_CONTROL.findall(piped.stdout) == []
    if fmt == "json":
        assert piped.stdout == report.read_bytes()  # rendering the saved Report again changes no byte


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_views_for_people_show_the_controls_on_a_terminal(saved, fmt):
    d, report, data = saved
    rc, out = on_pty(cli("render", str(report), "-f", fmt), _env())
    assert rc == 0, out
    assert not_ours(out) == []
    shown = out.decode()
    # ESC and BEL as their control pictures: shown, not obeyed
    assert "\u241b" in shown and "PWNED-TITLE\u2407" in shown and "\u2421" in shown, shown
    assert "regdirb ehT" in shown and "\u202e" not in shown


@pytest.mark.parametrize("fmt,suffix", [("markdown", ".md"), ("html", ".html"), ("text", ".txt")])
def test_views_for_people_written_to_files_carry_no_controls(saved, fmt, suffix):
    d, report, data = saved
    target = d / f"view{suffix}"
    proc = subprocess.run(cli("render", str(report), "-o", str(target)), capture_output=True, env=_env(), timeout=90)
    assert proc.returncode == 0, proc.stderr
    body = target.read_bytes()
    assert RAW_CONTROL.findall(body) == [] and b"\x1b" not in body and b"\r" not in body
    assert "PWNED-TITLE".encode() in body


def test_verbose_notes_and_explain_escape_file_names_and_article_text(tmp_path):
    forged = "n\x1b]0;PWNED\x07\nverifier: 0 claims; extract 0.00 s\u202e.txt"
    article = tmp_path / forged
    article.write_text(HOSTILE, encoding="utf-8")
    rc, out = on_pty(cli("check", str(article), "-e", "rules", "-v", "--explain", "-f", "json",
                         "-o", str(tmp_path / "r.json")), _env())
    assert rc == 0, out
    assert not_ours(out) == []
    text = out.decode()
    lines = text.replace("\r\n", "\n").split("\n")
    assert f"verifier: {tmp_path}/n\\x1b]0;PWNED\\x07\\nverifier: 0 claims; extract 0.00 s\\u202e.txt: " in text
    assert not any(ln.startswith("verifier: 0 claims") for ln in lines), text  # no forged line
    assert "\\x1b]0;PWNED-TITLE\\x07" in text  # --explain quotes the sentence, escaped


def test_debug_logging_records_are_escaped_by_the_one_formatter(tmp_path):
    """-vv shows the logging records of verifier and its libraries: whatever a
    record carries (an article's words, a file name, a traceback) is escaped."""
    code = (
        "import logging, sys\n"
        "from verifier.commands.common import set_verbosity\n"
        "set_verbosity(2)\n"
        "h = sys.argv[1]\n"
        "logging.getLogger('some.library').info('article text: %s', h)\n"
        "try:\n"
        "    raise ValueError(h)\n"
        "except ValueError:\n"
        "    logging.getLogger('some.library').exception('failed on %s', 'x\\nverifier: forged line')\n"
        f"logging.getLogger('verifier.x').warning('key ' + {FAKE_KEY[:3]!r} + {FAKE_KEY[3:]!r})\n"
    )
    rc, out = on_pty([sys.executable, "-c", code, HOSTILE], _env())
    assert rc == 0, out
    assert not_ours(out) == []
    text = out.decode()
    assert "verifier: some.library: INFO: article text: The mayor said the bridge \\x1b]0;PWNED-TITLE\\x07" in text
    assert "failed on x\\nverifier: forged line" in text and "Traceback" in text
    assert "\u241b]0;PWNED-TITLE\u2407" in text  # the traceback keeps its lines, its controls shown
    assert FAKE_KEY not in text and "[redacted]" in text


def test_logs_of_a_run_show_a_hostile_source_and_answer_escaped(tmp_path):
    env = _env(OPENAI_API_KEY=FAKE_KEY, XDG_STATE_HOME=str(tmp_path / "state"))
    article = tmp_path / "a\x1b]0;PWNED\x07\u202e.txt"
    hostile_words = "the bridge\x9b31m will \u202ereopen\x1b[2J in May"
    article.write_text(ARTICLE.replace("the bridge will reopen in May", hostile_words), encoding="utf-8")
    answer = json.loads(json.dumps(GOOD))
    answer["claims"][0]["evidence"] = hostile_words  # the model quotes the article, controls and all
    rec = tmp_path / "rec"
    with OpenAIServer() as server:
        server.default = structured(answer)
        proc = subprocess.run(cli("check", str(article), "-e", "llm", "--base-url", server.url, "--model", "m",
                                  "--mode", "record", "--recordings", str(rec), "-f", "json"),
                              capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["claims"][0]["evidence"]["text"] == hostile_words  # exactly
    for args in (["logs"], ["logs", "--json"], ["logs", "--recordings", str(rec)]):
        rc, out = on_pty(cli(*args), env)
        assert rc == 0, (args, out)
        assert not_ours(out) == [], args
    rc, out = on_pty(cli("logs", "--json"), env)
    assert json.loads(out.decode().splitlines()[-1])["source"] == str(article)  # exact data, escaped bytes
    calls = subprocess.run(cli("logs", "--recordings", str(rec), "--json"), capture_output=True, env=env, timeout=60)
    key = json.loads(calls.stdout.splitlines()[0])["key"]
    rc, out = on_pty(cli("logs", "--recordings", str(rec), "--show", key), env)
    assert rc == 0, out
    assert not_ours(out) == []
    assert "\\u009b31m" in out.decode() and "\\u202ereopen" in out.decode()
