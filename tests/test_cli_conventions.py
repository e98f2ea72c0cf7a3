"""CLI conventions people expect (issue 15): completion, wide help with
choices, consistent short flags, format from -o's suffix, `verifier render`,
`verifier check URL`, -v, progress on one article."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import sys
import threading
from pathlib import Path

import pytest

from conftest import EXAMPLE, run_cli

ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Port strike ends</title></head><body>
<article><h1>Port strike ends after three weeks</h1>
<p>Union leaders said the dock workers will return on Monday after a deal on pay was reached late on Sunday.</p>
<p>The strike has cost exporters an estimated 40 million euros, according to the chamber of commerce.</p>
<p>The agreement demonstrates that both sides wanted a quick end to the dispute.</p>
<p>Port director Elena Brandt told reporters that ships waiting offshore would be unloaded within a week.</p>
</article></body></html>"""


# --- help, completion, flags ------------------------------------------------------------

def test_help_through_a_pipe_is_not_cut_at_80_columns():
    proc = run_cli("check", "--help")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert max(len(line) for line in out.splitlines()) > 100
    # the --format help fits on its line next to the full list of choices
    assert re.search(r"--format\s+-f\s+.*text\|json\|jsonl\|markdown\|html.*Output format", out)


def test_every_enum_option_shows_its_choices():
    cases = {
        "check": ["text|json|jsonl|markdown|html", "auto|rules|llm", "text|markdown|html",
                  "live|record|replay|auto", "tools|json_schema|json"],
        "eval": ["scored|dev|all", "replay|record|auto|live"],
        "recordings": ["tools|json_schema|json"],
        "render": ["terminal|text|json|jsonl|markdown|html"],
        "bench-attribution": ["checker|baseline"],
    }
    for cmd, choices in cases.items():
        out = run_cli(cmd, "--help").stdout.decode()
        flat = re.sub(r"\s+", "", out)
        for c in choices:
            assert c in flat, (cmd, c)


def _short_flags() -> dict[str, dict[str, set[str]]]:
    import typer

    from verifier.cli import app

    group = typer.main.get_command(app)
    out: dict[str, dict[str, set[str]]] = {}
    for name, cmd in group.commands.items():
        for p in cmd.params:
            opts = getattr(p, "opts", [])
            longs = [o for o in opts if o.startswith("--")]
            for o in opts + getattr(p, "secondary_opts", []):
                if re.fullmatch(r"-[A-Za-z]", o):
                    out.setdefault(o, {}).setdefault(longs[0] if longs else o, set()).add(name)
    return out


def test_short_flags_mean_the_same_in_every_command():
    flags = _short_flags()
    mixed = {s: m for s, m in flags.items() if len(m) > 1}
    assert not mixed, mixed
    for s, long in (("-f", "--format"), ("-o", "--output"), ("-m", "--model"), ("-c", "--config"),
                    ("-v", "--verbose"), ("-q", "--quiet"), ("-h", "--help")):
        if s in flags:
            assert set(flags[s]) == {long}, (s, flags[s])


def test_shell_completion_completes_commands_and_choices():
    env = {"_VERIFIER_COMPLETE": "complete_bash", "COMP_WORDS": "verifier re", "COMP_CWORD": "1"}
    proc = run_cli(env=env)
    assert proc.returncode == 0
    assert set(proc.stdout.decode().split()) >= {"review", "recordings", "render"}
    env.update(COMP_WORDS="verifier check -f ", COMP_CWORD="3")
    assert set(run_cli(env=env).stdout.decode().split()) == {"text", "json", "jsonl", "markdown", "html"}
    # --show-completion detects the shell it runs under (shellingham reads the parent processes), so it
    # runs under a real bash, as a user types it, not under whatever started the test run
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash on this machine")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    # "; true": a lone command would be exec-ed in place of bash, and bash would no longer be its parent
    proc = subprocess.run([bash, "-c", f"'{sys.executable}' -m verifier.cli --show-completion; true"],
                          capture_output=True, env=env, timeout=60)
    assert b"_VERIFIER_COMPLETE" in proc.stdout and b"complete" in proc.stdout, proc.stderr


def test_help_does_not_import_the_model_client():
    code = ("import sys\nfrom verifier.cli import main\ntry:\n    main(['check', '--help'])\nexcept SystemExit:\n    pass\n"
            "bad = [m for m in ('openai', 'instructor') if m in sys.modules]\nsys.stderr.write(repr(bad))\n")
    import subprocess

    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.stderr.decode().strip().endswith("[]"), proc.stderr.decode()


# --- output format from -o's suffix, render -------------------------------------------------

@pytest.mark.parametrize("suffix,check", [
    (".json", lambda s: json.loads(s)["claims"]),
    (".jsonl", lambda s: len(s.splitlines()) == 1 and json.loads(s)["claims"]),
    (".md", lambda s: s.startswith("# ") and "<html" not in s.lower() and not s.lstrip().startswith("{")),
    (".html", lambda s: s.lstrip().lower().startswith("<!doctype html")),
    (".txt", lambda s: "CLAIMS" in s and "\x1b" not in s and not s.lstrip().startswith("{")),
])
def test_format_follows_the_output_suffix(tmp_path, suffix, check):
    out = tmp_path / f"report{suffix}"
    proc = run_cli("check", str(EXAMPLE), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert check(out.read_text(encoding="utf-8"))


def test_an_explicit_format_wins_over_the_suffix(tmp_path):
    out = tmp_path / "report.html"
    assert run_cli("check", str(EXAMPLE), "-o", str(out), "-f", "json").returncode == 0
    assert json.loads(out.read_text())["claims"]


def test_render_draws_a_saved_report_again(tmp_path):
    saved = tmp_path / "report.json"
    assert run_cli("check", str(EXAMPLE), "-o", str(saved)).returncode == 0
    again = run_cli("render", str(saved), "-f", "json")
    assert again.returncode == 0
    assert again.stdout.decode() == saved.read_text()  # lossless
    html = tmp_path / "page.html"
    proc = run_cli("render", str(saved), "-o", str(html))
    assert proc.returncode == 0, proc.stderr.decode()
    page = html.read_text()
    assert page.lstrip().lower().startswith("<!doctype html") and "Halvorsen" in page
    md = run_cli("render", str(saved), "-f", "markdown").stdout.decode()
    term = run_cli("render", str(saved), "-f", "terminal", "--no-color").stdout.decode()
    claims = json.loads(saved.read_text())["claims"]
    assert "Halvorsen" in md and "CLAIMS" in term and f"{len(claims)} claims" in term
    # a reviewed Report may differ from what check would find: render shows the file, not a new run
    data = json.loads(saved.read_text())
    data["claims"] = data["claims"][:1]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    term = run_cli("render", str(edited), "--no-color").stdout.decode()
    assert "1 claims" in term or "1 claim" in term


def test_render_refuses_what_is_not_a_report(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}')
    proc = run_cli("render", str(bad))
    assert proc.returncode == 7
    err = proc.stderr.decode()
    assert err.startswith("verifier: error: ") and err.count("\n") == 1 and "not a verifier Report" in err
    assert run_cli("render", str(tmp_path / "missing.json")).returncode == 3


# --- check URL --------------------------------------------------------------------------------

@pytest.fixture
def http_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "strike.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (site / "plain").write_text("Officials said the bridge will reopen in May. The closure hurt shops.\n")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_check_fetches_a_url(http_site):
    url = f"{http_site}/strike.html"
    proc = run_cli("check", url, "-f", "json", env={"NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"})
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["document"]["source"] == url and report["document"]["format"] == "html"
    text = report["document"]["text"]
    assert "<p>" not in text and "dock workers will return" in text
    labels = {c["evidence"]["text"]: c["label"] for c in report["claims"]}
    assert any("dock workers will return" in e and lab == "attributed" for e, lab in labels.items())


def test_check_url_errors_are_one_line(http_site):
    proc = run_cli("check", f"{http_site}/nope.html", env={"NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"})
    assert proc.returncode == 3
    err = proc.stderr.decode()
    assert err.startswith("verifier: error: ") and "404" in err and err.count("\n") == 1
    proc = run_cli("check", "http://127.0.0.1:9/closed", env={"NO_PROXY": "127.0.0.1"})
    assert proc.returncode == 3 and proc.stderr.decode().count("\n") == 1


# --- -v, progress -----------------------------------------------------------------------------

def test_verbose_says_what_happens_on_stderr_only():
    quiet = run_cli("check", str(EXAMPLE), "-f", "json")
    loud = run_cli("check", str(EXAMPLE), "-f", "json", "-v")
    assert quiet.returncode == loud.returncode == 0
    assert quiet.stderr == b""
    err = loud.stderr.decode()
    assert "extractor: rules" in err and "claims; extract" in err
    assert json.loads(loud.stdout)["claims"]  # stdout stays the report
    also = run_cli("-v", "check", str(EXAMPLE), "-f", "json")
    assert "extractor: rules" in also.stderr.decode()


def _slow_server():
    from llm_support import GOOD
    from openai_server import OpenAIServer, Reply, structured

    server = OpenAIServer()
    ok = structured(GOOD)
    server.default = lambda req: Reply(**{**ok(req).__dict__, "delay": 2.5})
    return server


def test_progress_on_one_article_in_a_terminal_and_none_when_piped(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    from llm_support import ARTICLE, fake_key

    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    # a fake key, split so that no secret scanner takes it for a real one
    env.update(OPENAI_API_KEY=fake_key("test-progress-000000000"), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), TERM="xterm-256color")
    with _slow_server() as server:
        args = ["-m", "verifier.cli", "check", str(article), "--extractor", "llm", "--base-url", server.url,
                "--model", "test-model", "-f", "json", "-o", str(tmp_path / "r.json")]
        child = pexpect.spawn(sys.executable, args, env=env, encoding="utf-8", dimensions=(24, 100), timeout=60)
        seen = child.read()
        child.close()
        assert child.exitstatus == 0, seen[-2000:]
        assert "extracting claims" in seen and "model requests" in seen
        import subprocess

        piped = subprocess.run([sys.executable, *args], env=env, capture_output=True, timeout=60)
        assert piped.returncode == 0, piped.stderr.decode()
        assert piped.stderr == b""
    assert json.loads(Path(tmp_path / "r.json").read_text())["claims"]
