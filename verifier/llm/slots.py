"""How many requests the model server answers at once, asked of the server.

A server with one slot (llama-cpp-python's server, llama.cpp's `llama-server`
without `--parallel`) answers one request at a time and keeps one cached
prompt prefix: sending it several requests at once gains nothing, and the
requests evict each other's cached prefix, so every one gets slower. The
extractors ask the server once and send no more requests at a time than it
has slots, and say so in the report.

What is asked (one GET each, at most 1 s and 64 KiB, no credentials sent):
- `GET {root}/props`: llama.cpp's server reports `total_slots`;
- `GET {root}/v1/models`: llama-cpp-python's server lists its models as
  owned by "me" and serves one request at a time.
Any other answer (OpenAI, vLLM, Ollama, an error, a timeout) means unknown:
the configured concurrency is kept.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

_TIMEOUT = 1.0
_MAX_BYTES = 1 << 16  # a props or models answer is small; never read more
_known: dict[str, int | None] = {}
_lock = threading.Lock()


def _root(base_url: str) -> str:
    url = base_url.rstrip("/")
    return url[: -len("/v1")] if url.endswith("/v1") else url


def _get_json(url: str, timeout: float) -> object:
    """The JSON answer to a GET, or None; never more than `timeout` seconds in
    all, whatever the server does (a server that trickles its status line,
    headers or body a byte at a time is given up on), nor _MAX_BYTES. The
    request runs on a daemon thread that is left behind when it overruns."""
    box: list = []
    worker = threading.Thread(target=lambda: box.append(_fetch(url, timeout)), name="verifier-slots", daemon=True)
    worker.start()
    worker.join(timeout)
    return box[0] if box else None


def _fetch(url: str, timeout: float) -> object:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy: the server's own answer
    try:
        with opener.open(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=timeout) as r:
            return json.loads(r.read(_MAX_BYTES + 1)[:_MAX_BYTES])
    except (OSError, ValueError, urllib.error.URLError, http.client.HTTPException):
        return None


def server_slots(base_url: str, timeout: float = _TIMEOUT) -> int | None:
    """The server's slot count, or None when it does not say."""
    root = _root(base_url)
    props = _get_json(f"{root}/props", timeout)
    if isinstance(props, dict):
        n = props.get("total_slots")
        if isinstance(n, int) and not isinstance(n, bool) and n >= 1:
            return n
    models = _get_json(f"{root}/v1/models", timeout)
    data = models.get("data") if isinstance(models, dict) else None
    if isinstance(data, list) and data and all(isinstance(m, dict) and m.get("owned_by") == "me" for m in data):
        return 1
    return None


def known_slots(base_url: str) -> int | None:
    """server_slots, asked once per base URL and process."""
    with _lock:
        if base_url not in _known:
            _known[base_url] = server_slots(base_url)
        return _known[base_url]


def usable_concurrency(settings) -> tuple[int, str | None]:
    """(requests to send at once, a note for the report when that is fewer
    than configured)."""
    wanted = settings.concurrency
    if wanted <= 1 or not settings.base_url or settings.mode == "replay":
        return wanted, None
    slots = known_slots(settings.base_url)
    if slots is None or slots >= wanted:
        return wanted, None
    return slots, (f"the model server has {slots} slot{'s' if slots != 1 else ''} (it answers {slots} request"
                   f"{'s' if slots != 1 else ''} at a time): sent {slots} at a time, not the configured concurrency "
                   f"{wanted}, which would only evict its cached prompt")
