"""Disks (issue 16) for the HTML report: `verifier check ... -o FILE.html`,
`verifier render REPORT.json -o FILE.html` and `-f html` to standard
output, on a real 128 KB tmpfs made by the test that fills up, and the same
tmpfs remounted read-only. Skipped, with the reason, where the machine does
not let us mount (not root, no tmpfs, a container without CAP_SYS_ADMIN).

What must hold: one error line naming the file and the cause, a non-zero
exit, no traceback; the page that was at the path before is still there,
byte for byte (never a truncated page in its place), no temporary file
left beside it; once there is room the same command writes the new page."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIG_ARTICLE = ROOT / "examples" / "shipyard-orders.txt"      # its page is about 70 KB
SMALL_ARTICLE = "Officials said the bridge will reopen in May.\n"  # its page is about 20 KB


def cli(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(XDG_CONFIG_HOME="/nonexistent")
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env=env, timeout=120)


@contextlib.contextmanager
def tmpfs(path: Path, size: str):
    path.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command: cannot make a small file system")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({proc.stderr.strip() or 'mount refused'}): needs root")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(disk: Path, leave: int) -> Path:
    """A filler file that leaves about `leave` bytes free on `disk`."""
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(free - leave, 0))
    return filler


def one_error_line(proc: subprocess.CompletedProcess, *causes: str) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("verifier: error: "), proc.stderr
    assert any(c in lines[0] for c in causes), lines[0]
    return lines[0]


@pytest.fixture
def saved_big(tmp_path) -> Path:
    """The big article's Report, saved (off the small disk) for `verifier render`."""
    report = tmp_path / "big.json"
    proc = cli("check", str(BIG_ARTICLE), "-e", "rules", "-o", str(report))
    assert proc.returncode == 0, proc.stderr
    return report


@pytest.fixture
def disk(tmp_path):
    with tmpfs(tmp_path / "disk", "128k") as d:
        small = tmp_path / "small.txt"
        small.write_text(SMALL_ARTICLE)
        page = d / "report.html"
        proc = cli("check", str(small), "-e", "rules", "-o", str(page))  # the page a user already has
        assert proc.returncode == 0, proc.stderr
        assert page.read_text().startswith("<!DOCTYPE html") and page.stat().st_size < 40_000
        yield d


@pytest.mark.parametrize("how", ["check", "render"])
def test_a_full_disk_keeps_the_previous_page(disk, saved_big, how):
    page = disk / "report.html"
    os.chmod(page, 0o640)
    before = page.read_bytes()
    filler = fill(disk, leave=16 * 1024)  # room for part of the new page, not all of it
    source = [str(BIG_ARTICLE), "-e", "rules"] if how == "check" else [str(saved_big)]
    args = [how, *source, "-o", str(page)] + (["-f", "html"] if how == "render" else [])
    line = one_error_line(cli(*args), "No space left on device")
    assert str(page) in line
    assert page.read_bytes() == before  # the old page, whole; no truncated page in its place
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "report.html"]  # no temporary left
    filler.unlink()
    proc = cli(*args)  # room again: the same command writes the new page
    assert proc.returncode == 0, proc.stderr
    new = page.read_text()
    assert new.startswith("<!DOCTYPE html") and new.rstrip().endswith("</html>") and len(new) > 50_000
    assert "shipyard" in new.lower() or "orders" in new.lower()
    assert page.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    assert sorted(p.name for p in disk.iterdir()) == ["report.html"]


def test_html_to_a_standard_output_on_a_full_disk_is_one_line(disk):
    fill(disk, leave=8 * 1024)
    with open(disk / "piped.html", "w") as out:  # `verifier check ... -f html > disk/piped.html`
        proc = cli("check", str(BIG_ARTICLE), "-e", "rules", "-f", "html", stdout=out)
    one_error_line(proc, "No space left on device")


def test_a_read_only_disk_keeps_the_previous_page(disk, saved_big):
    page = disk / "report.html"
    before = page.read_bytes()
    proc = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot remount {disk} read-only: {proc.stderr.strip()}")
    try:
        line = one_error_line(cli("render", str(saved_big), "-o", str(page)), "Read-only file system")
        assert str(page) in line
        assert page.read_bytes() == before
        assert sorted(p.name for p in disk.iterdir()) == ["report.html"]
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], capture_output=True)
