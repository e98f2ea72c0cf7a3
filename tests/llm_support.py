"""Shared helpers for the model-layer tests (test_llm*.py, test_recording*.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from openai_server import OpenAIServer

PYTHON = sys.executable  # the interpreter running the tests: the project venv
def fake_key(label: str) -> str:
    """A made-up API key of the usual shape, built at run time (no key-like literal in a file)."""
    return "-".join(("sk", label))


SECRET = fake_key("test-SECRET-never-stored-0123456789")

ARTICLE = (
    "Officials said the bridge will reopen in May. "
    "The closure has cost local shops dearly.\n"
)

GOOD = {"claims": [
    {"claim": "The bridge will reopen in May.", "evidence": "the bridge will reopen in May",
     "label": "attributed", "speaker": "Officials", "cue": "said"},
    {"claim": "The closure has cost local shops dearly.", "evidence": "The closure has cost local shops dearly",
     "label": "asserted", "speaker": None, "cue": None},
]}

NOT_IN_ARTICLE = {"claims": [
    {"claim": "The bridge will reopen in May.", "evidence": "the bridge reopens in spring",
     "label": "attributed", "speaker": "Officials", "cue": "said"},
]}

NO_SPEAKER = {"claims": [
    {"claim": "The bridge will reopen in May.", "evidence": "the bridge will reopen in May",
     "label": "attributed", "speaker": None, "cue": None},
]}


def fast(**settings) -> dict:
    """Settings for tests: tiny backoff, few attempts, no config file or env."""
    base = dict(model="test-model", api_key=SECRET, backoff_initial=0.01, backoff_max=0.05, max_attempts=3,
                timeout=5.0, concurrency=4)
    base.update(settings)
    return base


@pytest.fixture
def server():
    with OpenAIServer() as s:
        yield s


@pytest.fixture(autouse=False)
def clean_env(monkeypatch, tmp_path):
    """No OPENAI_* / VERIFIER_* from the developer's shell, no config file."""
    for k in list(os.environ):
        if k.startswith(("OPENAI_", "VERIFIER_")):
            monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(*args: str, env: dict | None = None, cwd: str | Path | None = None, timeout: float = 60,
            stdin: str | None = None) -> subprocess.CompletedProcess:
    """`python -m verifier.cli ...` in a clean environment."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    e.update(env or {})
    return subprocess.run([PYTHON, "-m", "verifier.cli", *args], capture_output=True, text=True, env=e,
                          cwd=cwd, timeout=timeout, input=stdin)


def report_without_timings(report) -> str:
    data = json.loads(report.model_dump_json())
    data.pop("timings", None)
    return json.dumps(data, sort_keys=True)
