"""The one writer for every file verifier writes (`-o`, `--json`,
`--junit`, `--markdown`, baselines, exports, recordings).

What is at the path decides how it is written:

- nothing, or a regular file: the text goes to a temporary file beside it,
  is fsynced, and `os.replace`s the target, so a crash never leaves a
  half-written file. A new file gets the usual mode under the umask
  (0666 & ~umask); a replaced file keeps its mode.
- a symlink: written through to its target (the link stays a link), by the
  rules above for whatever the target is.
- a FIFO, character or block device, or socket: opened and written in place,
  never replaced.
- a directory: an error. A missing parent directory is an error too for
  user outputs (no silent `mkdir -p`); internal data files (recordings) may
  ask for their directory to be made.
- `-`: standard output, written whole (`write_stdout`): a short write is
  continued and a full disk or a closed file is an error, never output
  silently cut short.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from verifier.errors import EXIT_ERROR, VerifierError

STDOUT = "-"


class OutputError(VerifierError):
    """An output path that cannot be written (a directory, a missing parent, no permission)."""

    exit_code = EXIT_ERROR


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no /proc: the only portable way, restored at once
    os.umask(mask)
    return mask


def is_stdout(target: str | Path | None) -> bool:
    return target is None or str(target) == STDOUT


def resolve_target(target: str | Path) -> Path:
    """The path that is really written: symlinks followed (a dangling link
    names the file to create)."""
    p = Path(target)
    if p.is_symlink():
        return Path(os.path.realpath(p))
    return p


def check_writable(target: str | Path, *, make_parents: bool = False) -> Path:
    """Fail early, with a one-line message, when `target` cannot be written;
    returns the resolved path."""
    shown = str(target)
    real = resolve_target(target)
    if real.is_dir():
        raise OutputError(f"{shown}: is a directory; give a file name to write to")
    parent = real.parent if str(real.parent) else Path(".")
    if not parent.exists():
        if make_parents:
            parent.mkdir(parents=True, exist_ok=True)
        else:
            raise OutputError(f"{shown}: directory {parent} does not exist (create it first)")
    elif not parent.is_dir():
        raise OutputError(f"{shown}: {parent} is not a directory")
    return real


def write_text(target: str | Path | None, text: str, *, make_parents: bool = False) -> None:
    """Write `text` to `target` by the rules in the module docstring."""
    if is_stdout(target):
        write_stdout(text)
        return
    shown = str(target)
    real = check_writable(target, make_parents=make_parents)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot be written ({exc.strerror or exc})") from None
    try:
        if st is not None and not stat.S_ISREG(st.st_mode):
            _write_in_place(real, text)
        else:
            _replace(real, text, None if st is None else stat.S_IMODE(st.st_mode))
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        raise OutputError(f"{shown}: cannot be written ({exc.strerror or exc})") from None


def write_output(target: str | Path | None, text: str) -> None:
    """A user's output (`-o`, `--json FILE`, ...): `-` or None is stdout, no parent directories made."""
    write_text(target, text, make_parents=False)


def atomic_write(path: str | Path, text: str, *, make_parents: bool = True) -> None:
    """Internal data files (recordings, exports): the same rules; the
    directory is made when missing unless make_parents=False."""
    write_text(path, text, make_parents=make_parents)


def write_stdout(text: str) -> None:
    """`text` to standard output, every byte or an OutputError (exit 1).

    Straight to the file descriptor, in a loop: an unbuffered stdout
    (PYTHONUNBUFFERED=1, as containers often set) makes one os.write that a
    nearly full disk cuts short, and TextIOWrapper drops the rest without a
    word. A closed pipe stays BrokenPipeError (the CLI ends quietly)."""
    out = sys.stdout
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a StringIO, a captured stream)
        out.write(text)
        out.flush()
        return
    try:
        out.flush()
        data = memoryview(text.encode(out.encoding or "utf-8", out.errors or "strict"))
        while data:
            n = os.write(fd, data)
            if n <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            data = data[n:]
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        raise OutputError(f"standard output: cannot be written ({exc.strerror or exc})") from None


def _write_in_place(path: Path, text: str) -> None:
    """A FIFO or device: open it as it is (a FIFO waits for its reader) and write."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()


def _replace(path: Path, text: str, keep_mode: int | None) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, keep_mode if keep_mode is not None else 0o666 & ~current_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["OutputError", "STDOUT", "atomic_write", "check_writable", "current_umask", "is_stdout",
           "resolve_target", "write_output", "write_stdout", "write_text"]
