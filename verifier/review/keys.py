"""Single keys from the terminal.

The terminal is put in cbreak mode (no echo, one key at a time; Ctrl-C
still interrupts) with the standard termios/tty modules: no dependency is
needed for this, and the mode is restored on every way out, including
exceptions. Line prompts switch back to the normal mode for their time.

A resize of the terminal (SIGWINCH) is a key of its own, "resize", so the
loop redraws at the new size: the signal handler only writes a byte to a
pipe that `read_key` watches beside the terminal. During a line prompt it
interrupts the prompt instead (`Resized`, carrying what was typed), so the
prompt is drawn again at the new size with the typing kept.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import termios
import tty
from contextlib import contextmanager

_ESCAPES = {
    b"[A": "up", b"[B": "down", b"[C": "right", b"[D": "left", b"OA": "up", b"OB": "down",
    b"OC": "right", b"OD": "left", b"[H": "home", b"[F": "end", b"[5~": "pageup", b"[6~": "pagedown",
}
_NAMES = {"\r": "enter", "\n": "enter", " ": "space", "\x7f": "backspace", "\x08": "backspace",
          "\x0c": "ctrl-l", "\x04": "ctrl-d", "\t": "tab"}

ACTIONS = {
    "a": "accept", "enter": "accept", "f": "flip", "s": "speaker", "t": "text", "c": "cue", "e": "evidence",
    "m": "ambiguous", "r": "reject", "x": "reject", "+": "add", "=": "add", "n": "note", "u": "undo",
    "b": "back", "left": "back", "space": "skip", "right": "skip", "?": "help", "h": "help", "q": "quit",
    "ctrl-d": "quit", "ctrl-l": "redraw", "resize": "redraw",
}


class Resized(Exception):
    """The terminal was resized during a line prompt; `typed` is the line so far."""

    def __init__(self, typed: str = ""):
        super().__init__("terminal resized")
        self.typed = typed


class Terminal:
    """The controlling terminal in cbreak mode for the life of the `with`."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stdin
        self.fd = self.stream.fileno()
        self._saved = None
        self._wake: tuple[int, int] | None = None
        self._previous_winch = None
        self._in_prompt = False

    def __enter__(self) -> "Terminal":
        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        self._watch_resize()
        return self

    def __exit__(self, *exc) -> None:
        self.restore()
        self._unwatch_resize()

    # --- resize ---------------------------------------------------------------
    def _watch_resize(self) -> None:
        if not hasattr(signal, "SIGWINCH"):  # pragma: no cover - not POSIX
            return
        r, w = os.pipe()
        os.set_blocking(r, False)
        os.set_blocking(w, False)
        try:
            self._previous_winch = signal.signal(signal.SIGWINCH, self._on_winch)
        except ValueError:  # not the main thread: no resize events, nothing else changes
            os.close(r)
            os.close(w)
            return
        self._wake = (r, w)
        # readline, imported after this handler, chains its own resize handler
        # to it (and so keeps knowing the width); imported before, it would lose it
        try:
            import readline  # noqa: F401
        except ImportError:  # pragma: no cover
            pass

    def _unwatch_resize(self) -> None:
        if self._wake is None:
            return
        signal.signal(signal.SIGWINCH, self._previous_winch or signal.SIG_DFL)
        for fd in self._wake:
            os.close(fd)
        self._wake = None

    def _on_winch(self, signum, frame) -> None:
        if self._wake is not None:
            try:
                os.write(self._wake[1], b"w")
            except (BlockingIOError, OSError):
                pass
        if self._in_prompt:
            try:
                import readline

                typed = readline.get_line_buffer()
            except ImportError:  # pragma: no cover
                typed = ""
            raise Resized(typed)

    def _drain_resize(self) -> bool:
        got = False
        if self._wake is not None:
            try:
                while os.read(self._wake[0], 64):
                    got = True
            except BlockingIOError:
                pass
        return got

    @contextmanager
    def resizable_prompt(self):
        """A resize during the `with` raises `Resized` (see the module)."""
        self._drain_resize()
        self._in_prompt = True
        try:
            yield
        finally:
            self._in_prompt = False

    def restore(self) -> None:
        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    @contextmanager
    def cooked(self):
        """Normal line mode (echo, editing) for a prompt."""
        self.restore()
        try:
            yield
        finally:
            if self._saved is not None:
                tty.setcbreak(self.fd)

    def read_key(self) -> str:
        """One key: a character, or a name (enter, space, left, ..., and
        "resize" when the terminal changed size)."""
        if self._wake is not None:
            while True:
                if self._drain_resize():
                    return "resize"
                ready = select.select([self.fd, self._wake[0]], [], [])[0]
                if self.fd in ready:
                    break
        b = os.read(self.fd, 1)
        if not b:
            return "ctrl-d"
        if b == b"\x1b":
            seq = b""
            while len(seq) < 6 and select.select([self.fd], [], [], 0.03)[0]:
                seq += os.read(self.fd, 1)
                if seq[-1:].isalpha() or seq[-1:] == b"~":
                    break
            return _ESCAPES.get(seq, "esc") if seq else "esc"
        first = b[0]
        need = 3 if first >= 0xF0 else 2 if first >= 0xE0 else 1 if first >= 0xC0 else 0
        for _ in range(need):
            b += os.read(self.fd, 1)
        ch = b.decode("utf-8", "replace")
        return _NAMES.get(ch, ch)
