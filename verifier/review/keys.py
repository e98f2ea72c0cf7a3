"""Single keys from the terminal.

The terminal is put in cbreak mode (no echo, one key at a time; Ctrl-C
still interrupts) with the standard termios/tty modules: no dependency is
needed for this, and the mode is restored on every way out, including
exceptions. Line prompts switch back to the normal mode for their time.
"""

from __future__ import annotations

import os
import select
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
    "ctrl-d": "quit", "ctrl-l": "redraw",
}


class Terminal:
    """The controlling terminal in cbreak mode for the life of the `with`."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stdin
        self.fd = self.stream.fileno()
        self._saved = None

    def __enter__(self) -> "Terminal":
        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        return self

    def __exit__(self, *exc) -> None:
        self.restore()

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
        """One key: a character, or a name (enter, space, left, ...)."""
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
