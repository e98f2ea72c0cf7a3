"""What the commands share: the enum choices of their options (so --help
lists them), the output format inferred from `-o`'s suffix, and -v."""

from __future__ import annotations

import sys
from enum import Enum

import typer


class Choice(str, Enum):
    """A str enum that prints as its value (review passes check's options on as plain settings)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Format(Choice):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class RenderFormat(Choice):
    terminal = "terminal"
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class InputFormat(Choice):
    text = "text"
    markdown = "markdown"
    html = "html"


class ModelMode(Choice):
    live = "live"
    record = "record"
    replay = "replay"
    auto = "auto"


class LLMMode(Choice):
    tools = "tools"
    json_schema = "json_schema"
    json = "json"
    ollama = "ollama"


SUFFIX_FORMATS = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".txt": "text", ".text": "text",
}


def format_for_output(output: str | None, *, batch: bool = False, default: str = "text") -> str:
    """The format `-o FILE`'s suffix names (.json, .jsonl, .md, .html, .txt), else `default`."""
    if output is None or output == "-":
        return default
    from pathlib import PurePath

    return SUFFIX_FORMATS.get(PurePath(output).suffix.lower(), default)


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


_VERBOSITY = [0]


def verbose_option():
    return typer.Option(0, "--verbose", "-v", count=True,
                        help="Say what happens on stderr (settings, stages, timings, model usage); -vv: also debug logs.")


def set_verbosity(level: int) -> None:
    """-v: verifier's own notes on stderr; -vv: the logging records of verifier and its libraries too."""
    level = max(level, _VERBOSITY[0])
    _VERBOSITY[0] = level
    if level >= 2:
        import logging

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_safe_formatter("verifier: %(name)s: %(levelname)s: %(message)s"))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
        for noisy in ("httpcore", "httpx", "markdown_it"):
            logging.getLogger(noisy).setLevel(logging.INFO)


def redact(text: str) -> str:
    """No API key, bearer token or Authorization header in anything verifier prints."""
    import os
    import re

    for name in ("OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "VERIFIER_API_KEY"):
        key = os.environ.get(name)
        if key and len(key) >= 4:
            text = text.replace(key, "[redacted]")
    text = re.sub(r"(?i)(bearer\s+)[^\s'\",}]+", r"\1[redacted]", text)
    text = re.sub(r"(?i)(['\"]?(?:authorization|api[-_]?key)['\"]?\s*[:=]\s*['\"]?)[^\s'\",}]+", r"\1[redacted]", text)
    return re.sub(r"\bsk-[A-Za-z0-9_\-]{8,}", "[redacted]", text)


def stderr_line(message: object) -> str:
    """What may reach stderr of a note or a logging record's message: no
    secret (`redact`), and on one line with every control, newline and bidi
    override escaped (verifier.sanitize.one_line): a file name or an
    article's words can neither drive the terminal nor forge a line."""
    from verifier.sanitize import one_line

    return one_line(redact(str(message)))


def _safe_formatter(fmt: str):
    """The one formatter of every logging record verifier shows (-vv): the
    message through `stderr_line`; a traceback or stack keeps its lines,
    each with its controls made visible (verifier.sanitize.display)."""
    import logging

    from verifier.sanitize import display

    class SafeFormatter(logging.Formatter):
        def formatMessage(self, record):
            return stderr_line(super().formatMessage(record))

        def formatException(self, ei):
            return display(redact(super().formatException(ei)))

        def formatStack(self, stack_info):
            return display(redact(super().formatStack(stack_info)))

    return SafeFormatter(fmt)


def log(level: int, message: str) -> None:
    """A note on stderr when -v was given at least `level` times, made safe by `stderr_line`."""
    if _VERBOSITY[0] >= level:
        sys.stderr.write(f"verifier: {stderr_line(message)}\n")
        sys.stderr.flush()
