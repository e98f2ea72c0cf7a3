"""Shared test helpers: run the real CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shipyard-orders.txt"


def run_cli(*args: str, input: bytes | None = None, env: dict | None = None, cwd: Path | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    """`verifier ARGS` in a fresh interpreter, no model configured."""
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith(("OPENAI_", "VERIFIER_"))}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], input=input, capture_output=True,
                          env=full_env, cwd=cwd, timeout=timeout)


def _forget_terminal_size() -> None:
    """The children see the width of their own pipe or pty, never the one the suite
    was started with: a developer's exported COLUMNS, or pytest-xdist's workers
    (which set COLUMNS=80 and LINES=24), would otherwise squeeze the help and the
    review screen. A test that wants a width says so in the child's environment."""
    for name in ("COLUMNS", "LINES", "TERMINAL_WIDTH"):
        os.environ.pop(name, None)


_forget_terminal_size()


def _take_ctrl_c() -> None:
    """A shell starts background jobs (`.ci/run &`, nohup) with SIGINT ignored, and
    an ignored signal stays ignored across exec: every CLI the Ctrl-C tests start
    would then ignore their Ctrl-C. Python's own handler is reset to the default
    on exec, so installing it here lets the children see SIGINT again."""
    import signal

    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


_take_ctrl_c()


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(autouse=True)
def _restore_signal_handlers():
    """A test that changes SIGINT/SIGTERM handling (the batch runner and the
    review loop install their own) must not leak it: child processes inherit
    an ignored SIGINT, and later Ctrl-C tests would then never see it."""
    import signal

    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for s, handler in saved.items():
        if handler is not None:
            signal.signal(s, handler)
