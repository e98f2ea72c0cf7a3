""".ci/readme_tables.py keeps the README's eval tables equal to `verifier eval` (issue 15)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / ".ci" / "readme_tables.py"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


def test_check_passes_when_current_fails_on_drift_and_the_rewrite_fixes_it(tmp_path):
    # one eval run, saved: the checker may be changing under a shared working tree while this runs
    saved = tmp_path / "eval.md"
    proc = subprocess.run([sys.executable, "-m", "verifier.cli", "eval", "--quiet", "--markdown", str(saved)],
                          cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    src = ("--from-markdown", str(saved))
    readme = tmp_path / "README.md"
    readme.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert run(*src, "--readme", str(readme)).returncode == 0
    original = readme.read_text(encoding="utf-8")
    line = next(x for x in saved.read_text().splitlines() if x.startswith("| final label accuracy |"))
    assert line in original  # the README now carries the eval's own table rows
    ok = run(*src, "--check", "--readme", str(readme))
    assert ok.returncode == 0, ok.stdout + ok.stderr

    drifted = original.replace(line, "| final label accuracy | 0.111 [0.1, 0.2] | 0.222 [0.2, 0.3] |")
    readme.write_text(drifted, encoding="utf-8")
    bad = run(*src, "--check", "--readme", str(readme))
    assert bad.returncode == 1
    assert "-| final label accuracy | 0.111" in bad.stdout and "+" + line in bad.stdout
    assert readme.read_text(encoding="utf-8") == drifted  # --check never writes

    fixed = run(*src, "--readme", str(readme))
    assert fixed.returncode == 0, fixed.stderr
    assert readme.read_text(encoding="utf-8") == original
    outside = original.split("<!-- eval-tables:begin")[0]
    assert outside == (ROOT / "README.md").read_text(encoding="utf-8").split("<!-- eval-tables:begin")[0]


def test_without_a_saved_file_it_runs_verifier_eval(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("--readme", str(readme))
    assert proc.returncode == 0, proc.stderr
    body = readme.read_text(encoding="utf-8")
    inside = body.split("<!-- eval-tables:begin")[1].split("<!-- eval-tables:end -->")[0]
    assert "| extraction F1 |" in inside and "Per phenomenon" in inside and "## verifier eval" not in inside


def test_a_readme_without_markers_is_an_error(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# nothing here\n")
    proc = run("--check", "--readme", str(readme))
    assert proc.returncode != 0 and "markers" in proc.stderr


def test_ci_runs_the_check_after_the_eval_comparison():
    lines = [x.strip() for x in (ROOT / ".ci" / "run").read_text().splitlines()]
    check = lines.index(".venv/bin/python .ci/readme_tables.py --check")
    assert check > lines.index(".venv/bin/verifier eval --compare evals/baseline.json")
