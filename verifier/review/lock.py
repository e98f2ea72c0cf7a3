"""One review session per input at a time.

The lock file (`<input>.review.lock`) is held with flock(2) for the life of
the session and names its holder (pid, user, host, start time). The kernel
drops an flock when its process dies, so a lock left behind by a killed
session never blocks: the next session takes the file over. When flock
cannot be used (some network file systems), the lock falls back to
exclusive creation and the recorded pid is checked: a lock whose process
is gone on this host is stale and is taken over.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import time
from pathlib import Path

from verifier.errors import VerifierError


class SessionLocked(VerifierError):
    """Another session holds the input."""


class SessionLock:
    def __init__(self, path: str | Path, target: str | None = None):
        self.path = Path(path)
        self.target = target or str(self.path)
        self._fd: int | None = None
        self.took_over: dict | None = None
        """The holder recorded in a stale lock file that was taken over."""

    def __enter__(self) -> "SessionLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    # --- acquire --------------------------------------------------------------
    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            fcntl = None
        for _ in range(20):
            if fcntl is None:
                self._acquire_by_pid()
                return
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise SessionLocked(self._held_message(self._holder())) from None
                if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                    self._acquire_by_pid()
                    return
                raise
            # The file may have been removed and re-created by its last holder
            # between our open and our flock: then we hold a lock on nothing.
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                os.close(fd)
                continue
            previous = self._read_info(fd)
            if previous and previous.get("pid") != os.getpid():
                self.took_over = previous
            self._fd = fd
            self._write_info(fd)
            return
        raise SessionLocked(f"{self.target}: could not take the session lock {self.path}")

    def _acquire_by_pid(self) -> None:
        for _ in range(20):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder and _alive(holder):
                    raise SessionLocked(self._held_message(holder)) from None
                self.took_over = holder or {}
                try:
                    os.unlink(self.path)
                except FileNotFoundError:
                    pass
                continue
            self._fd = fd
            self._write_info(fd)
            return
        raise SessionLocked(f"{self.target}: could not take the session lock {self.path}")

    # --- release --------------------------------------------------------------
    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    # --- the holder's record ------------------------------------------------
    def _write_info(self, fd: int) -> None:
        info = {"pid": os.getpid(), "user": _user(), "host": socket.gethostname(),
                "since": time.strftime("%Y-%m-%d %H:%M:%S")}
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, (json.dumps(info) + "\n").encode(), 0)
            os.fsync(fd)
        except OSError:
            pass  # a full or read-only disk: the flock holds all the same; only the holder's name is missing

    @staticmethod
    def _read_info(fd: int) -> dict | None:
        try:
            raw = os.pread(fd, 4096, 0)
            info = json.loads(raw or b"null")
        except (OSError, ValueError):
            return None
        return info if isinstance(info, dict) else None

    def _holder(self) -> dict | None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return None
        try:
            return self._read_info(fd)
        finally:
            os.close(fd)

    def _held_message(self, holder: dict | None) -> str:
        if not holder:
            return (f"{self.target} is already being reviewed in another session "
                    f"(lock {self.path}); finish or quit that session first")
        who = f"{holder.get('user', '?')}@{holder.get('host', '?')}"
        return (f"{self.target} is already being reviewed by {who} (pid {holder.get('pid', '?')}, "
                f"since {holder.get('since', '?')}); finish or quit that session first")


def _alive(holder: dict) -> bool:
    if holder.get("host") not in (None, socket.gethostname()):
        return True  # cannot check another host's processes: assume it is alive
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no user database entry
        return str(os.getuid())
