"""`verifier check` output as a user sees it: a real subprocess, a real pty
for the terminal view, real files for -o, and (when installed) headless
Chromium running the HTML report's script."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pexpect
import pytest

from conftest import EXAMPLE, run_cli
from render_samples import ferry_report
from test_render import parse
from verifier.render.html import to_html

SGR = re.compile(r"\x1b\[([0-9;]*)m")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def colour_params(out: str) -> list[str]:
    """SGR parameters that set a colour (not bold/underline/reset)."""
    found = []
    for m in SGR.finditer(out):
        for p in m.group(1).split(";"):
            if p and (30 <= int(p) <= 38 or 40 <= int(p) <= 48 or 90 <= int(p) <= 107):
                found.append(p)
    return found


def run_in_pty(*args: str, env: dict[str, str] | None = None, cols: int = 100) -> str:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("OPENAI_", "VERIFIER_")) and k not in
             ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES")}
    clean.update({"TERM": "xterm-256color", **(env or {})})
    child = pexpect.spawn(sys.executable, ["-m", "verifier.cli", *args], env=clean, encoding="utf-8",
                          dimensions=(50, cols), timeout=60)
    out = child.read()
    child.close()
    assert child.exitstatus == 0, out[-2000:]
    return out.replace("\r\n", "\n")


def test_check_in_a_terminal_is_coloured():
    out = run_in_pty("check", str(EXAMPLE), "--extractor", "rules")
    assert colour_params(out), "expected colour in a terminal"
    plain = ANSI.sub("", out)
    assert "Claims" in plain and "Article" in plain
    assert re.search(r"\[[AS]:c1 ", plain)


def test_check_respects_no_color_in_a_terminal():
    out = run_in_pty("check", str(EXAMPLE), "--extractor", "rules", env={"NO_COLOR": "1"})
    assert colour_params(out) == []
    plain = ANSI.sub("", out)
    assert re.search(r"\[A:c\d+ ", plain) and re.search(r"\[S:c\d+ ", plain)
    assert "attributed to a source" in plain


def test_check_no_color_flag_gives_plain_text_in_a_terminal():
    out = run_in_pty("check", str(EXAMPLE), "--extractor", "rules", "--no-color")
    assert "\x1b" not in out
    assert "CLAIMS" in out and re.search(r"\[A:c\d+ ", out)


def test_check_in_an_80_column_terminal_fits():
    out = run_in_pty("check", str(EXAMPLE), "--extractor", "rules", cols=80)
    from rich.cells import cell_len

    lines = ANSI.sub("", out).splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 80


def test_check_piped_is_plain_even_without_no_color():
    proc = run_cli("check", str(EXAMPLE), "--extractor", "rules")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "\x1b" not in out
    assert "CLAIMS" in out and "ARTICLE" in out and re.search(r"\[A:c\d+ ", out)
    proc = run_cli("check", str(EXAMPLE), "--extractor", "rules", env={"NO_COLOR": "1"})
    assert proc.returncode == 0 and b"\x1b" not in proc.stdout


@pytest.mark.parametrize("fmt,suffix", [("text", "txt"), ("markdown", "md"), ("html", "html")])
def test_check_output_file(tmp_path, fmt, suffix):
    target = tmp_path / "out" / f"report.{suffix}"
    target.parent.mkdir()  # -o makes no directories (issue 15)
    proc = run_cli("check", str(EXAMPLE), "--extractor", "rules", "-f", fmt, "-o", str(target))
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == b""
    body = target.read_text(encoding="utf-8")
    assert "Halvorsen" in body
    if fmt == "text":
        assert "\x1b" not in body and "CLAIMS" in body
    elif fmt == "markdown":
        assert body.startswith("# ") and "\n## Claims\n" in body and "\n## Article\n" in body
        assert re.search(r"\\\[\*\*A:c\d+\*\* ", body)
    else:
        tree = parse(body)
        assert sum(1 for t, a in tree.tags if t == "tr" and "data-k" in a) >= 15
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp files left


def test_check_markdown_to_stdout():
    proc = run_cli("check", "-", "--extractor", "rules", "-f", "markdown",
                   input="Officials said the museum will close for a year.\n".encode())
    assert proc.returncode == 0, proc.stderr.decode()
    md = proc.stdout.decode()
    assert md.startswith("# ") and "| c1 | attributed |" in md


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium")
def test_html_report_script_runs_in_a_browser(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(to_html(ferry_report()), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", page.as_uri() + "#c4"],
            capture_output=True, timeout=60)
    dom = proc.stdout.decode()
    assert "11 of 11 shown" in dom  # the filter script ran
    panel = dom[dom.index('id="panel-body"'):dom.index("</aside>")]
    assert 'data-id="c4"' in panel and "fares would stay at €2.50" in panel  # #c4 selected it
    selected = [c for c in re.findall(r'class="(ev [^"]*)"', dom) if "sel" in c.split()]
    assert selected and all("at" in c.split() for c in selected)  # c4's evidence is highlighted
