"""The httpx2 transport under the openai client: record, replay, or pass
through, and the one place every answer is read, bounded and checked.

The extractor tags each request with `X-Verifier-*` headers (document hash,
extraction session, chunk, prompt version). This transport reads them,
removes them, so no server ever sees them, and never stores any header of
a request. See recording.py for the file layout and the modes.

Every answer, live, recorded or replayed, goes through the same steps here
before the openai client sees it:

1. read under a cap: at most `Limits.max_response_bytes` (decoded), within
   `Limits.total_timeout` seconds for the whole request. The socket reads
   are clamped to the deadline (deadline.py), so a server that
   trickles one byte a second, or streams forever, is cut off at the
   deadline, and an endless body is never buffered past the cap;
2. scrubbed of the API key and any Bearer token (redact.py);
3. counted in the ledger of the request (usage.CURRENT): the usage the
   server reports, at most max_tokens of completion, or, with no usage, an
   estimate from the bytes. This happens before the recording is written,
   so a full disk never loses the tokens of an answered request;
4. recorded (record and auto modes);
5. checked: a 200 that is not a usable chat completion (HTML, no or empty
   `choices`, an empty message, more completion tokens than max_tokens,
   more items in one list than `Limits.max_items`) raises BadAnswer, which
   the retry layer retries and then fails: it is never 0 claims and "ok".
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx2

from verifier.errors import ModelError
from verifier.llm import redact
from verifier.llm.deadline import DEADLINE, network_transport
from verifier.llm.faults import BadAnswer
from verifier.llm.recording import (
    NEVER_STORED_STATUSES,
    SAFE_RESPONSE_HEADERS,
    RecordingStore,
    KEY_VERSION,
    endpoint_of,
    legacy_key,
    request_key,
)
from verifier.sanitize import one_line

TAG = "x-verifier-"
TOKEN_SLACK = 16        # servers count a stop token or two beyond max_tokens
_DROP_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


@dataclass(frozen=True)
class Limits:
    total_timeout: float | None = None      # seconds per request, everything included
    max_response_bytes: int = 1 << 20
    max_items: int = 200                    # items in any one list of a structured answer (claims)
    max_tokens: int | None = None           # when the request body names none

    @classmethod
    def from_settings(cls, settings: Any) -> "Limits":
        return cls(total_timeout=settings.timeout, max_response_bytes=settings.response_bytes_cap,
                   max_items=settings.claims_cap, max_tokens=settings.max_tokens)


# --- the transport ---------------------------------------------------------------

class VerifierTransport(httpx2.BaseTransport):
    def __init__(self, inner: httpx2.BaseTransport | None, mode: str = "live", store: RecordingStore | None = None,
                 model: str | None = None, limits: Limits | None = None, api_key: str | None = None):
        if mode != "live" and store is None:
            raise ValueError(f"mode {mode} needs a RecordingStore")
        if mode != "replay" and inner is None:
            raise ValueError(f"mode {mode} needs a network transport")
        self.inner = inner
        self.mode = mode
        self.store = store
        self.model = model
        self.limits = limits or Limits()
        self.api_key = api_key
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

    def _fetch(self, request: httpx2.Request, secrets: tuple[str, ...]) -> tuple[int, dict[str, str], bytes]:
        """Send, and read the answer under the size cap and the deadline."""
        assert self.inner is not None
        response = self.inner.handle_request(request)
        cap = self.limits.max_response_bytes
        parts: list[bytes] = []
        size = 0
        try:
            for part in response.iter_bytes():
                size += len(part)
                if size > cap:
                    raise BadAnswer(f"the model server's answer is larger than {cap} bytes "
                                    "(max_response_bytes); stopped reading it")
                parts.append(part)
                deadline = DEADLINE.get()
                if deadline is not None and time.monotonic() > deadline:
                    raise httpx2.ReadTimeout("the request's total time ran out", request=request)
        finally:
            response.close()
        headers = {k: v for k, v in response.headers.items() if k.lower() not in _DROP_HEADERS}
        return response.status_code, headers, redact.scrub_bytes(b"".join(parts), secrets)

    @staticmethod
    def _response(request: httpx2.Request, status: int, headers: dict[str, str], content: bytes) -> httpx2.Response:
        return httpx2.Response(status, headers=headers, content=content, request=request)

    # --- the transport -----------------------------------------------------------
    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        meta = self._take_tags(request)
        secrets = redact.request_secrets(request.headers, self.api_key)
        total = self.limits.total_timeout
        token = DEADLINE.set(time.monotonic() + total) if total else None
        try:
            return self._handle(request, meta, secrets)
        finally:
            if token is not None:
                DEADLINE.reset(token)

    def _handle(self, request: httpx2.Request, meta: dict[str, str], secrets: tuple[str, ...]) -> httpx2.Response:
        raw = request.read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        endpoint = endpoint_of(request.url.path)
        if self.mode == "live":
            status, headers, content = self._fetch(request, secrets)
            self._account(endpoint, body, raw, status, content)
            self._check(endpoint, body, status, headers, content)
            return self._response(request, status, headers, content)
        key = request_key(endpoint, body)
        doc = meta.get("document") or "unknown-document"
        index = self._next_index(meta.get("session", ""), key)
        assert self.store is not None
        if self.mode in ("replay", "auto"):
            entry = self.store.get(doc, key, index, legacy=legacy_key(endpoint, body))
            if entry is not None:
                status, headers, content = self._replay(entry, request)
                self._account(endpoint, body, raw, status, content)
                self._check(endpoint, body, status, headers, content)
                return self._response(request, status, headers, content)
            if self.mode == "replay":
                raise self.store.miss(doc, key, index, body, meta)
        return self._record(request, doc, key, index, endpoint, body, raw, meta, secrets)

    @staticmethod
    def _replay(entry: dict, request: httpx2.Request) -> tuple[int, dict[str, str], bytes]:
        resp = entry.get("response", {})
        error = resp.get("error")
        message = f"replayed {error}: {resp.get('message', '')}"
        if error == "timeout":
            raise httpx2.ReadTimeout(message, request=request)
        if error == "connect":
            raise httpx2.ConnectError(message, request=request)
        if error == "too_large":
            raise BadAnswer(resp.get("message") or "the model server's answer was too large")
        if error:
            raise httpx2.RemoteProtocolError(message, request=request)
        body = resp.get("body")
        content = body.encode("utf-8") if resp.get("body_is_text") else json.dumps(body).encode("utf-8")
        headers = dict(resp.get("headers") or {"content-type": "application/json"})
        return resp.get("status", 200), headers, content

    def _record(self, request: httpx2.Request, doc: str, key: str, index: int, endpoint: str, body: object,
                raw: bytes, meta: dict[str, str], secrets: tuple[str, ...]) -> httpx2.Response:
        entry: dict = {
            "key": key, "key_version": KEY_VERSION, "index": index, "chunk": _int(meta.get("chunk")),
            "model": body.get("model") if isinstance(body, dict) else self.model,
            "prompt_version": meta.get("prompt"),
            "request": {"endpoint": endpoint, "body": body},
        }
        assert self.inner is not None and self.store is not None

        def failed(kind: str, exc: BaseException) -> None:
            message = redact.mask_message(str(exc), secrets, 200)
            self.store.put(doc, {**entry, "response": {"error": kind, "message": message}}, secrets=secrets)

        try:
            status, headers, content = self._fetch(request, secrets)
        except BadAnswer as exc:
            failed("too_large", exc)
            raise
        except httpx2.TimeoutException as exc:
            failed("timeout", exc)
            raise
        except httpx2.ConnectError as exc:
            failed("connect", exc)
            raise
        except httpx2.TransportError as exc:
            failed("protocol", exc)
            raise
        self._account(endpoint, body, raw, status, content)  # before the write: a full disk loses no tokens
        if status not in NEVER_STORED_STATUSES:
            kept = {h: headers[h] for h in SAFE_RESPONSE_HEADERS if h in headers}
            try:
                stored: dict = {"body": json.loads(content)}
            except ValueError:
                stored = {"body": content.decode("utf-8", "replace"), "body_is_text": True}
            self.store.put(doc, {**entry, "response": {"status": status, "headers": kept, **stored}}, secrets=secrets)
        self._check(endpoint, body, status, headers, content)
        return self._response(request, status, headers, content)

    # --- accounting and checks ---------------------------------------------------
    def _max_tokens(self, body: object) -> int | None:
        if isinstance(body, dict):
            for name in ("max_tokens", "max_completion_tokens"):
                v = body.get(name)
                if isinstance(v, int) and not isinstance(v, bool) and v > 0:
                    return v
        return self.limits.max_tokens

    def _account(self, endpoint: str, body: object, raw: bytes, status: int, content: bytes) -> None:
        """The answer's tokens into the ledger of the request (usage.CURRENT)."""
        from verifier.llm.usage import CURRENT

        ledger = CURRENT.get()
        if ledger is None or status != 200 or endpoint != "chat/completions":
            return
        limit = self._max_tokens(body)
        data = _json(content)
        usage = data.get("usage") if isinstance(data, dict) else None
        prompt = _count(usage, "prompt_tokens")
        completion = _count(usage, "completion_tokens")
        if not prompt and not completion:  # no usage reported: estimate from the bytes, and say so
            if not (isinstance(data, dict) and isinstance(data.get("choices"), list) and data["choices"]):
                return  # an error page or garbage: no answer was generated, none is billed
            prompt = len(raw) // 3 + 1
            completion = len(content) // 3 + 1
            if limit is not None:
                completion = min(completion, limit)
            ledger.tokens(prompt, completion, estimated=True)
            return
        if limit is not None:
            completion = min(completion or 0, limit + TOKEN_SLACK)
        ledger.tokens(prompt or 0, completion or 0)

    def _check(self, endpoint: str, body: object, status: int, headers: dict[str, str], content: bytes) -> None:
        if status != 200 or endpoint != "chat/completions":
            return
        problem = self._problem(body, headers, content)
        if problem:
            raise BadAnswer(f"the model server answered 200 without a usable answer: {problem}")

    def _problem(self, body: object, headers: dict[str, str], content: bytes) -> str | None:
        data = _json(content)
        if data is None:
            kind = headers.get("content-type", "no content type").split(";")[0]
            text = content.decode("utf-8", "replace")
            return f"a {kind} body, not JSON ({_snippet(text)})" if text.strip() else "an empty body"
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
            return f"no choices in {_snippet(json.dumps(data, ensure_ascii=False))}"
        if not data["choices"]:
            return "an empty choices list"
        choice = data["choices"][0]
        message = choice.get("message") if isinstance(choice, dict) else None
        if not isinstance(message, dict):
            return "a choice without a message"
        usage = data.get("usage")
        completion = _count(usage, "completion_tokens")
        limit = self._max_tokens(body)
        if completion is not None and limit is not None and completion > limit + TOKEN_SLACK:
            return f"{completion} completion tokens reported for max_tokens {limit}"
        answer = _answer_text(message)
        if answer is None:
            return "an empty message (no content, no tool call)"
        parsed = _json(answer.encode("utf-8")) if answer.lstrip()[:1] in ("{", "[") else None
        biggest = _biggest_list(parsed)
        if biggest > self.limits.max_items:
            return f"{biggest} items in one list, more than max_claims {self.limits.max_items}"
        return None

    def close(self) -> None:
        if self.inner is not None:
            self.inner.close()


def _json(content: bytes) -> Any:
    try:
        return json.loads(content) if content.strip() else None
    except (ValueError, UnicodeDecodeError):
        return None


def _count(usage: Any, name: str) -> int | None:
    if not isinstance(usage, dict):
        return None
    v = usage.get(name)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
        return None
    return int(v)


def _answer_text(message: dict) -> str | None:
    for call in message.get("tool_calls") or []:
        fn = call.get("function") if isinstance(call, dict) else None
        args = fn.get("arguments") if isinstance(fn, dict) else None
        if isinstance(args, str) and args.strip():
            return args
        if isinstance(args, (dict, list)):
            return json.dumps(args)
    fn = message.get("function_call")
    if isinstance(fn, dict) and isinstance(fn.get("arguments"), str) and fn["arguments"].strip():
        return fn["arguments"]
    content = message.get("content")
    if isinstance(content, str) and content.strip():
        return content
    if isinstance(content, list) and content:  # content parts
        return json.dumps(content)
    return None


def _biggest_list(value: Any) -> int:
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict):
        return max((len(v) for v in value.values() if isinstance(v, list)), default=0)
    return 0


def _snippet(text: str, limit: int = 80) -> str:
    return one_line(" ".join(text.split()), limit)


def _int(v: object) -> int | None:
    try:
        return int(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


__all__ = ["Limits", "ModelError", "VerifierTransport", "network_transport"]
