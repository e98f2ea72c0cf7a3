"""The httpx2 transport under the openai client: record, replay, or pass through.

The extractor tags each request with `X-Verifier-*` headers (document hash,
extraction session, chunk, prompt version). This transport reads them,
removes them, so no server ever sees them, and never stores any header of
a request. See recording.py for the file layout and the modes.
"""

from __future__ import annotations

import json
import threading

import httpx2

from verifier.llm.recording import (
    NEVER_STORED_STATUSES,
    SAFE_RESPONSE_HEADERS,
    RecordingStore,
    endpoint_of,
    request_key,
)

TAG = "x-verifier-"


class VerifierTransport(httpx2.BaseTransport):
    def __init__(self, inner: httpx2.BaseTransport | None, mode: str = "live", store: RecordingStore | None = None,
                 model: str | None = None):
        if mode != "live" and store is None:
            raise ValueError(f"mode {mode} needs a RecordingStore")
        if mode != "replay" and inner is None:
            raise ValueError(f"mode {mode} needs a network transport")
        self.inner = inner
        self.mode = mode
        self.store = store
        self.model = model
        self._counts: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    # --- helpers -------------------------------------------------------------
    @staticmethod
    def _take_tags(request: httpx2.Request) -> dict[str, str]:
        meta = {}
        for name in [n for n in request.headers.keys() if n.lower().startswith(TAG)]:
            meta[name.lower()[len(TAG):]] = request.headers[name]
            del request.headers[name]
        return meta

    def _next_index(self, session: str, key: str) -> int:
        with self._lock:
            n = self._counts.get((session, key), 0)
            self._counts[(session, key)] = n + 1
            return n

    def end_session(self, session: str) -> None:
        with self._lock:
            for k in [k for k in self._counts if k[0] == session]:
                del self._counts[k]

    @staticmethod
    def _replay(entry: dict, request: httpx2.Request) -> httpx2.Response:
        resp = entry.get("response", {})
        error = resp.get("error")
        message = f"replayed {error}: {resp.get('message', '')}"
        if error == "timeout":
            raise httpx2.ReadTimeout(message, request=request)
        if error == "connect":
            raise httpx2.ConnectError(message, request=request)
        if error:
            raise httpx2.RemoteProtocolError(message, request=request)
        body = resp.get("body")
        content = body.encode("utf-8") if resp.get("body_is_text") else json.dumps(body).encode("utf-8")
        headers = dict(resp.get("headers") or {"content-type": "application/json"})
        return httpx2.Response(resp.get("status", 200), headers=headers, content=content, request=request)

    # --- the transport -----------------------------------------------------------
    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        meta = self._take_tags(request)
        if self.mode == "live":
            return self.inner.handle_request(request)  # type: ignore[union-attr]
        raw = request.read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        endpoint = endpoint_of(request.url.path)
        key = request_key(endpoint, body)
        doc = meta.get("document") or "unknown-document"
        index = self._next_index(meta.get("session", ""), key)
        assert self.store is not None
        if self.mode in ("replay", "auto"):
            entry = self.store.get(doc, key, index)
            if entry is not None:
                return self._replay(entry, request)
            if self.mode == "replay":
                raise self.store.miss(doc, key, index, body, meta)
        return self._record(request, doc, key, index, endpoint, body, meta)

    def _record(self, request: httpx2.Request, doc: str, key: str, index: int, endpoint: str, body: object,
                meta: dict[str, str]) -> httpx2.Response:
        entry: dict = {
            "key": key, "index": index, "chunk": _int(meta.get("chunk")),
            "model": body.get("model") if isinstance(body, dict) else self.model,
            "prompt_version": meta.get("prompt"),
            "request": {"endpoint": endpoint, "body": body},
        }
        assert self.inner is not None and self.store is not None
        try:
            response = self.inner.handle_request(request)
            content = response.read()
        except httpx2.TimeoutException as exc:
            self.store.put(doc, {**entry, "response": {"error": "timeout", "message": str(exc)[:200]}})
            raise
        except httpx2.ConnectError as exc:
            self.store.put(doc, {**entry, "response": {"error": "connect", "message": str(exc)[:200]}})
            raise
        except httpx2.TransportError as exc:
            self.store.put(doc, {**entry, "response": {"error": "protocol", "message": str(exc)[:200]}})
            raise
        if response.status_code not in NEVER_STORED_STATUSES:
            headers = {h: response.headers[h] for h in SAFE_RESPONSE_HEADERS if h in response.headers}
            try:
                stored: dict = {"body": json.loads(content)}
            except ValueError:
                stored = {"body": content.decode("utf-8", "replace"), "body_is_text": True}
            self.store.put(doc, {**entry, "response": {"status": response.status_code, "headers": headers, **stored}})
        return response  # already read: the openai client gets the same bytes

    def close(self) -> None:
        if self.inner is not None:
            self.inner.close()


def _int(v: object) -> int | None:
    try:
        return int(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
