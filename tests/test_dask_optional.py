"""verifier[dask] is optional: the default install never imports dask or
pyarrow, and without them --workers, --scheduler and Parquet inputs are
one-line errors that name the extra (simulated by blocking the imports in
a real subprocess)."""

from __future__ import annotations

import subprocess
import sys

from batch_helpers import write_articles

BLOCK = ("import sys\n"
         "for m in ('distributed', 'dask', 'pyarrow', 'pyarrow.parquet'): sys.modules[m] = None\n"
         "from verifier.cli import main\n"
         "sys.exit(main(sys.argv[1:]))\n")


def test_the_cli_imports_neither_dask_nor_pyarrow():
    code = ("import sys, verifier, verifier.cli, verifier.batch, verifier.commands.report\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stdout + r.stderr


def test_without_the_extra_the_options_say_what_to_install(tmp_path):
    write_articles(tmp_path / "in", 2)
    (tmp_path / "c.parquet").write_bytes(b"PAR1")
    for args, needle in [(["--workers", "2"], "--scheduler and --workers need Dask: pip install 'verifier[dask]'"),
                         (["--scheduler", "tcp://127.0.0.1:8786"], "need Dask"),
                         ([str(tmp_path / "c.parquet")], "reading Parquet needs pyarrow: pip install 'verifier[dask]'")]:
        inputs = [] if args[0].endswith(".parquet") else [str(tmp_path / "in")]
        r = subprocess.run([sys.executable, "-c", BLOCK, "check", *inputs, *args, "-o", str(tmp_path / "o.jsonl"),
                            "-e", "rules"], capture_output=True, text=True, timeout=60)
        assert r.returncode == 9 and needle in r.stderr, r.stderr
        assert r.stderr.startswith("verifier: error: ") and r.stderr.count("\n") == 1, r.stderr
        assert not (tmp_path / "o.jsonl").exists()


def test_without_pyarrow_a_batch_writes_its_jsonl_alone(tmp_path):
    write_articles(tmp_path / "in", 3)
    out = tmp_path / "o.jsonl"
    r = subprocess.run([sys.executable, "-c", BLOCK, "check", str(tmp_path / "in"), "-o", str(out), "-e", "rules"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert f"results to {out} (" not in r.stderr and f"results to {out}\n" in r.stderr
    assert out.read_text().count("\n") == 3 and not (tmp_path / "o.parquet").exists()
