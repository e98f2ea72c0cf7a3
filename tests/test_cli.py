"""The CLI as a user runs it: real files, a real subprocess."""

from __future__ import annotations

import json

from conftest import EXAMPLE, run_cli
from verifier import errors


def test_check_example_end_to_end_json():
    proc = run_cli("check", str(EXAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["extractor"] == "rules"
    claims = report["claims"]
    text = report["document"]["text"]
    assert len(claims) >= 15
    for c in claims:
        ev = c["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert not any(h["start"] <= ev["start"] < h["end"] for h in report["document"]["blocks"] if h["kind"] == "heading")

    def find(fragment):
        return next(c for c in claims if fragment in c["evidence"]["text"])

    quote = find("We are building the ships")
    assert quote["label"] == "attributed" and "Halvorsen" in (quote["speaker"] or "")
    assert find("the government has set aside 600 million kroner")["label"] == "attributed"
    assert find("This demand demonstrates")["label"] == "asserted"
    assert find("description of the order book")["label"] == "asserted"
    assert find("labor costs at Norwegian yards")["label"] == "attributed"


def test_check_reads_stdin_and_writes_output_file(tmp_path):
    out = tmp_path / "r.md"
    proc = run_cli("check", "-", "--format", "markdown", "-o", str(out),
                   input="Officials said the museum will close for a year.".encode())
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == b""
    assert "museum will close" in out.read_text()


def test_each_bad_input_gives_one_line_and_its_own_exit_code(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le ministre a déclaré que".encode("latin-1"))
    html = tmp_path / "page.html"
    html.write_text("<html><body><script>var x = 1;</script></body></html>")
    cases = {
        str(tmp_path / "missing.txt"): errors.EXIT_NOT_FOUND,
        str(tmp_path): errors.EXIT_IS_DIRECTORY,
        str(empty): errors.EXIT_EMPTY,
        str(binary): errors.EXIT_BINARY,
        str(latin): errors.EXIT_MALFORMED,
        str(html): errors.EXIT_MALFORMED,
    }
    codes = set()
    for path, code in cases.items():
        proc = run_cli("check", path)
        err = proc.stderr.decode()
        assert proc.returncode == code, (path, proc.returncode, err)
        assert err.startswith("verifier: error: ") and err.count("\n") == 1, err
        assert "Traceback" not in err
        codes.add(code)
    assert len(codes) == len(cases) - 1  # directory and missing differ; html and latin1 share "malformed"


def test_help_and_version_do_not_import_the_model_stack():
    proc = run_cli("--help")
    assert proc.returncode == 0 and b"check" in proc.stdout
    code = ("import sys; from verifier.cli import main; "
            "rc = main(['check', '-e', 'rules', '-f', 'json', %r]); "
            "assert 'openai' not in sys.modules and 'instructor' not in sys.modules, 'model stack imported'; "
            "sys.exit(rc)") % str(EXAMPLE)
    import subprocess, sys
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
