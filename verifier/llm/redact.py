"""Secrets out of everything a server sends back.

A server may echo what it was sent: "invalid key sk-...", "you sent auth
Bearer sk-...". The transport scrubs every answer (live, recorded or
replayed) before anything reads it, so the key never reaches a message, a
report, a batch file or a recording; the recording store refuses an entry
that would still carry it (`assert_clean`).

Secrets are the API key the request really carried (its Authorization or
api-key header) and any `Bearer <token>`; each becomes `***`.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from verifier.errors import VerifierError

MASK = "***"
MIN_SECRET = 8            # shorter "keys" are placeholders (no-key, EMPTY), not secrets worth scrubbing
PLACEHOLDERS = {"no-key", "EMPTY", "none", "sk-no-key-required"}
_BEARER = re.compile(r"(?i)\b(bearer)(\s+|%20|\+)(?!\*\*\*)[A-Za-z0-9._~+/=:\-]{4,}")
_BEARER_B = re.compile(rb"(?i)\b(bearer)(\s+|%20|\+)(?!\*\*\*)[A-Za-z0-9._~+/=:\-]{4,}")


class SecretInRecording(VerifierError):
    """A recording would have kept the API key: it is not written."""


def request_secrets(headers: Any, *extra: str | None) -> tuple[str, ...]:
    """The secrets a request carries in its headers (and `extra` ones, such
    as the configured key), longest first."""
    found: set[str] = set()
    for name in ("authorization", "api-key", "x-api-key"):
        value = headers.get(name) if headers is not None else None
        if not value:
            continue
        value = value.strip()
        if value.lower().startswith("bearer "):
            value = value[7:].strip()
        found.add(value)
    found.update(e for e in extra if e)
    return tuple(sorted((s for s in found if len(s) >= MIN_SECRET and s not in PLACEHOLDERS), key=len, reverse=True))


def scrub_text(text: str, secrets: Iterable[str]) -> str:
    for s in secrets:
        if s in text:
            text = text.replace(s, MASK)
    return _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)


def scrub_bytes(content: bytes, secrets: Iterable[str]) -> bytes:
    """`content` with every secret (raw, and as JSON would escape it) and
    every Bearer token replaced by ***."""
    secrets = tuple(secrets)
    for s in secrets:
        raw = s.encode("utf-8", "surrogateescape")
        if raw in content:
            content = content.replace(raw, MASK.encode())
    content = _BEARER_B.sub(lambda m: m.group(1) + m.group(2) + MASK.encode(), content)
    if secrets and b"\\u" in content:  # an escaped spelling ("sk-\u0061bc"): scrub the parsed JSON
        try:
            data = json.loads(content)
        except ValueError:
            return content
        if contains(data, secrets):
            return json.dumps(scrub(data, secrets), ensure_ascii=False).encode("utf-8")
    return content


def scrub(obj: Any, secrets: Iterable[str]) -> Any:
    """A JSON value with every string (keys too) scrubbed."""
    secrets = tuple(secrets)
    if isinstance(obj, str):
        return scrub_text(obj, secrets)
    if isinstance(obj, list):
        return [scrub(x, secrets) for x in obj]
    if isinstance(obj, dict):
        return {scrub_text(k, secrets) if isinstance(k, str) else k: scrub(v, secrets) for k, v in obj.items()}
    return obj


def contains(obj: Any, secrets: Iterable[str]) -> bool:
    """Does `obj` (a JSON value or text) carry one of `secrets` or a Bearer token?"""
    text = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)
    return any(s in text for s in secrets) or _BEARER.search(text) is not None


def mask_message(text: str, secrets: Iterable[str], limit: int | None = None) -> str:
    """A server's message for a person: secrets masked first, then cut to
    `limit` characters, so no prefix of a key survives the cut."""
    text = " ".join(scrub_text(str(text), secrets).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
