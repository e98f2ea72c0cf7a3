"""What `-o` does to whatever is at the path (issue 15): real files, real
symlinks, a real FIFO with a reader, umasks, through the real CLI."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest

from conftest import EXAMPLE, ROOT

ARTICLE = "Officials said the museum will close for a year. The closure is a blow to the town.\n"


def run(*args, umask: int | None = None, input: bytes | None = None, cwd=None, timeout: float = 120):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    pre = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], capture_output=True, env=env, input=input,
                          preexec_fn=pre, cwd=cwd, timeout=timeout)


def mode_of(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def articles(tmp_path, n=2):
    d = tmp_path / "articles"
    d.mkdir()
    for i in range(n):
        (d / f"a{i}.txt").write_text(ARTICLE.replace("museum", f"museum {i}"), encoding="utf-8")
    return d


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_get_0666_under_the_umask_single_and_batch(tmp_path, umask):
    single = tmp_path / "one.json"
    proc = run("check", str(EXAMPLE), "-o", str(single), umask=umask)
    assert proc.returncode == 0, proc.stderr.decode()
    assert mode_of(single) == 0o666 & ~umask
    batch = tmp_path / "batch.jsonl"
    proc = run("check", str(articles(tmp_path)), "-o", str(batch), "--no-progress", umask=umask)
    assert proc.returncode == 0, proc.stderr.decode()
    assert mode_of(batch) == 0o666 & ~umask
    junit = tmp_path / "junit.xml"
    proc = run("eval", "--row", "rules", "--bootstrap", "0", "--quiet", "--junit", str(junit), umask=umask, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    assert mode_of(junit) == 0o666 & ~umask


def test_a_replaced_regular_file_keeps_its_mode(tmp_path):
    out = tmp_path / "r.md"
    out.write_text("old\n")
    os.chmod(out, 0o640)
    proc = run("check", str(EXAMPLE), "-o", str(out), umask=0o022)
    assert proc.returncode == 0, proc.stderr.decode()
    assert mode_of(out) == 0o640
    assert "Halvorsen" in out.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]  # no temporary file left


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "report.json"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    proc = run("check", str(EXAMPLE), "-o", str(link))
    assert proc.returncode == 0, proc.stderr.decode()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text())["claims"]
    # a dangling link names the file to create
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "real" / "new.md")
    proc = run("check", str(EXAMPLE), "-o", str(dangling))
    assert proc.returncode == 0, proc.stderr.decode()
    assert dangling.is_symlink() and "Halvorsen" in (tmp_path / "real" / "new.md").read_text()


def test_a_batch_through_a_symlink_keeps_the_link_after_compaction(tmp_path):
    real = tmp_path / "results.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    d = articles(tmp_path)
    # an error line for an article that later succeeds makes compact() rewrite the file
    real.write_text(json.dumps({"id": str(d / "a0.txt"), "source": str(d / "a0.txt"), "hash": None,
                                "status": "error", "error": {"type": "X", "message": "x"}}) + "\n")
    os.chmod(real, 0o604)
    proc = run("check", str(d), "-o", str(link), "--no-progress")
    assert proc.returncode == 0, proc.stderr.decode()
    assert link.is_symlink()
    lines = [json.loads(x) for x in real.read_text().splitlines()]
    assert [r["status"] for r in lines] == ["ok", "ok"]  # the old error line was compacted away
    assert mode_of(real) == 0o604


def _read_fifo(path, sink: list):
    with open(path, "rb") as fh:
        sink.append(fh.read())


@pytest.mark.parametrize("batch", [False, True])
def test_a_fifo_is_written_in_place_for_its_reader(tmp_path, batch):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=_read_fifo, args=(fifo, got), daemon=True)
    reader.start()
    args = [str(articles(tmp_path)), "--no-progress"] if batch else [str(EXAMPLE), "-f", "json"]
    proc = run("check", *args, "-o", str(fifo), timeout=120)
    reader.join(30)
    assert proc.returncode == 0, proc.stderr.decode()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
    assert got, "the reader got nothing"
    if batch:
        recs = [json.loads(x) for x in got[0].decode().splitlines()]
        assert len(recs) == 2 and all(r["status"] == "ok" for r in recs)
    else:
        assert json.loads(got[0])["claims"]


def test_a_character_device_is_opened_not_replaced(tmp_path):
    dev = tmp_path / "null"
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # our own node, in tmp, never a system path
        with open(dev, "w") as fh:
            fh.write("probe")
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make or open a device node here ({exc})")
    proc = run("check", str(EXAMPLE), "-f", "json", "-o", str(dev))
    assert proc.returncode == 0, proc.stderr.decode()
    st = os.lstat(dev)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_missing_parent_directory_is_a_one_line_error_and_nothing_is_made(tmp_path):
    for args in (["check", str(EXAMPLE), "-o"], ["check", str(articles(tmp_path)), "--no-progress", "-o"],
                 ["eval", "--row", "rules", "--junit"]):
        target = tmp_path / "no" / "such" / "out.json"
        proc = run(*args, str(target), cwd=ROOT)
        err = proc.stderr.decode()
        assert proc.returncode == 1, err
        assert err.count("\n") == 1 and err.startswith("verifier: error: ") and "does not exist" in err
        assert not (tmp_path / "no").exists()


def test_a_directory_as_output_is_a_one_line_error(tmp_path):
    for args in (["check", str(EXAMPLE), "-o", str(tmp_path)],
                 ["check", str(EXAMPLE), "-f", "html", "--output", str(tmp_path)],
                 ["check", str(articles(tmp_path)), "-o", str(tmp_path)],
                 ["eval", "--row", "rules", "--junit", str(tmp_path)],
                 ["eval", "--row", "rules", "--json", str(tmp_path)],
                 ["eval", "--row", "rules", "--markdown", str(tmp_path)]):
        proc = run(*args, cwd=ROOT)
        err = proc.stderr.decode()
        assert proc.returncode != 0
        assert err.count("\n") == 1 and err.startswith("verifier: error: ") and "is a directory" in err, err
        assert "Traceback" not in err


def test_dash_means_stdout(tmp_path):
    proc = run("check", "-", "-f", "json", "-o", "-", input=ARTICLE.encode(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["claims"]
    assert list(tmp_path.iterdir()) == []  # no file named '-'
    proc = run("check", str(articles(tmp_path)), "-o", "-", "--no-progress", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    recs = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(recs) == 2 and all(r["status"] == "ok" for r in recs)
    assert not (tmp_path / "-").exists()
    proc = run("eval", "--row", "rules", "--bootstrap", "0", "--junit", "-", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.startswith(b"<?xml")


def test_the_writer_in_process(tmp_path):
    """The shared writer's rules, without the CLI around them."""
    from verifier.output import OutputError, write_output

    target = tmp_path / "a.txt"
    write_output(target, "one\n")
    assert target.read_text() == "one\n"
    with pytest.raises(OutputError, match="is a directory"):
        write_output(tmp_path, "x")
    with pytest.raises(OutputError, match="does not exist"):
        write_output(tmp_path / "nope" / "a.txt", "x")
