""".ci/readme_tables.py keeps the README's eval tables equal to `verifier eval` (issue 15)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / ".ci" / "readme_tables.py"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


def test_check_passes_when_current_fails_on_drift_and_the_rewrite_fixes_it(tmp_path):
    # the mechanism, on a copy: whether the committed README is current is CI's check (.ci/run), since
    # checker work in progress moves the figures before the README is regenerated
    readme = tmp_path / "README.md"
    readme.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert run("--readme", str(readme)).returncode == 0
    original = readme.read_text(encoding="utf-8")
    ok = run("--check", "--readme", str(readme))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "<!-- eval-tables:begin" in original and "| extraction F1 |" in original

    line = next(x for x in original.splitlines() if x.startswith("| final label accuracy |"))
    drifted = original.replace(line, "| final label accuracy | 0.111 [0.1, 0.2] | 0.222 [0.2, 0.3] |")
    readme.write_text(drifted, encoding="utf-8")
    bad = run("--check", "--readme", str(readme))
    assert bad.returncode == 1
    assert "-| final label accuracy | 0.111" in bad.stdout and "+" + line in bad.stdout
    assert readme.read_text(encoding="utf-8") == drifted  # --check never writes

    fixed = run("--readme", str(readme))
    assert fixed.returncode == 0, fixed.stderr
    assert readme.read_text(encoding="utf-8") == original


def test_a_readme_without_markers_is_an_error(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# nothing here\n")
    proc = run("--check", "--readme", str(readme))
    assert proc.returncode != 0 and "markers" in proc.stderr


def test_ci_runs_the_check_after_the_eval_comparison():
    lines = [x.strip() for x in (ROOT / ".ci" / "run").read_text().splitlines()]
    check = lines.index(".venv/bin/python .ci/readme_tables.py --check")
    assert check > lines.index(".venv/bin/verifier eval --compare evals/baseline.json")
