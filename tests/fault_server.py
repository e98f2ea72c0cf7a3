"""A chat-completions server that misbehaves on purpose, built on
tests/openai_server.py: every request gets a good, schema-shaped answer
derived from the article it carries, except a chosen share that gets a
fault. Used by the fault tests (test_hostile_faults.py) and the benchmarks.

    with FaultServer(rate=0.3, seed=1) as s:       # 30% of requests: a fault,
        ...                                        #   spread over all kinds
    FaultServer(rates={"hang": 0.1, "rate_limit": 0.2}, timeout_hint=0.5)
    FaultServer(latency=0.2)                       # no faults, every answer 0.2 s late

Faults (names in FAULTS):
    delay          a good answer, late (within the client's timeout)
    rate_limit     429 with Retry-After (and retry-after-ms, as OpenAI sends)
    server_error   500 or 503
    hang           no answer until the client's timeout passes
    cut            the connection closed without an answer
    malformed      a 200 whose body is not JSON
    bad_schema     a 200 whose answer breaks the response schema
    bad_evidence   a 200 whose evidence is not in the article

More faults, only when named in `rates` (issue 16: a 200 that is no answer,
answers beyond every cap, servers that echo the key):
    html           a 200 with an HTML error page
    status_ok      a 200 whose body is {"status": "ok"}
    empty_choices  a 200 chat completion with "choices": []
    no_usage       a good answer without a usage block
    over_tokens    a good answer whose usage claims 1.28 million completion tokens
    huge           a 200 with 100,000 claims (about 12 MB)
    echo_key       a 400, 500 or 200 answer that quotes the Authorization header back

`RawServer` (below) is a bare socket server for what http.server cannot
do: trickle an answer one byte at a time, or stream an endless body.

The good answer: one claim per sentence of the article text, evidence
copied exactly, labelled attributed (with speaker and cue) when the
sentence has a reporting verb. `comply=True` plays a model that obeyed a
prompt injection: every claim labelled asserted.

Bookkeeping for the tests: `injected` counts faults by kind; `answered`
lists (document hash header, prompt tokens, completion tokens) of every
200 answer that carried usage.
"""

from __future__ import annotations

import json
import random
import re
import threading
from typing import Any, Callable

from openai_server import AUTH_HEADER, OpenAIServer, Received, Reply, error, structured

FAULTS = ("delay", "rate_limit", "server_error", "hang", "cut", "malformed", "bad_schema", "bad_evidence")
EXTRA_FAULTS = ("html", "status_ok", "empty_choices", "no_usage", "over_tokens", "huge", "echo_key")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]+[\"”’]?|[^.!?\n]+$", re.M)
_CUE = re.compile(r"\b(said|says|told|announced|warned|noted|added|insisted|according to)\b", re.I)
_ARTICLE_START = "Article text:\n<<<\n"


def article_of(req: Received) -> str:
    """The article text in a request (the last user message's text slot)."""
    for m in reversed(req.messages):
        content = m.get("content")
        if m.get("role") == "user" and isinstance(content, str) and _ARTICLE_START in content:
            body = content.rsplit(_ARTICLE_START, 1)[1]
            return body.rsplit("\n>>>", 1)[0]
    return ""


def good_answer(text: str, comply: bool = False) -> dict:
    claims = []
    for m in _SENTENCE.finditer(text):
        sent = m.group(0).strip()
        if len(sent) < 8:
            continue
        cue = _CUE.search(sent)
        if cue and not comply:
            speaker = sent[: cue.start()].strip(" ,") or sent[cue.end():].split(",")[0].strip()
            claims.append({"claim": sent, "evidence": sent, "label": "attributed",
                           "speaker": speaker or "someone", "cue": cue.group(0)})
        else:
            claims.append({"claim": sent, "evidence": sent, "label": "asserted", "speaker": None, "cue": None})
    return {"claims": claims}


class FaultServer(OpenAIServer):
    def __init__(self, rate: float = 0.0, rates: dict[str, float] | None = None, *, seed: int = 0,
                 latency: float = 0.0, delay: tuple[float, float] = (0.05, 0.2), retry_after_ms: int = 20,
                 comply: bool = False, answer: Callable[[str], dict] | None = None):
        super().__init__(default=self._reply)
        if rates is None:
            rates = {f: rate / len(FAULTS) for f in FAULTS} if rate else {}
        unknown = set(rates) - set(FAULTS) - set(EXTRA_FAULTS)
        if unknown:
            raise ValueError(f"unknown faults: {sorted(unknown)}")
        if sum(rates.values()) > 1:
            raise ValueError("fault rates add up to more than 1")
        self.rates = rates
        self.latency = latency
        self.delay = delay
        self.retry_after_ms = retry_after_ms
        self.answer = answer or (lambda text: good_answer(text, comply=comply))
        self._rng = random.Random(seed)
        self._book = threading.Lock()
        self.injected: dict[str, int] = {f: 0 for f in FAULTS + EXTRA_FAULTS}
        self.answered: list[tuple[str | None, int, int]] = []

    def _draw(self) -> tuple[str | None, float]:
        with self._book:
            u, v = self._rng.random(), self._rng.random()
        acc = 0.0
        for fault in FAULTS + EXTRA_FAULTS:
            acc += self.rates.get(fault, 0.0)
            if u < acc:
                with self._book:
                    self.injected[fault] += 1
                return fault, v
        return None, v

    def _good(self, req: Received, data: Any, delay: float = 0.0, usage: Any = "auto") -> Reply:
        raw = json.dumps(data)
        if usage == "auto":
            usage = (max(1, len(req.raw) // 4), max(1, len(raw) // 4))
        reply = structured(data, usage=usage)(req)
        reply.delay = delay + self.latency
        if usage is not None:
            with self._book:
                self.answered.append((req.headers.get("x-verifier-document"), *usage))
        return reply

    def _reply(self, req: Received) -> Reply:
        fault, v = self._draw()
        text = article_of(req)
        if fault is None:
            return self._good(req, self.answer(text))
        if fault == "delay":
            lo, hi = self.delay
            return self._good(req, self.answer(text), delay=lo + (hi - lo) * v)
        if fault == "rate_limit":
            return error(429, "Rate limit reached for requests", err_type="requests", code="rate_limit_exceeded",
                         headers={"Retry-After": "1", "retry-after-ms": str(self.retry_after_ms)})
        if fault == "server_error":
            return error(503 if v < 0.5 else 500, "The server is overloaded or not ready yet.")
        if fault == "hang":
            return Reply(hang=True)
        if fault == "cut":
            return Reply(drop=True)
        if fault == "malformed":
            return Reply(status=200, body='{"id": "chatcmpl-x", "choices": [{"message": {"content": "{\\"cla')
        if fault == "bad_schema":
            return self._good(req, {"claims": [{"claim": "Something happened.", "label": "probably"}]})
        if fault == "bad_evidence":
            return self._good(req, {"claims": [{"claim": "The moon is made of cheese.",
                                                "evidence": "the moon is made of green cheese",
                                                "label": "asserted", "speaker": None, "cue": None}]})
        if fault == "html":
            return Reply(status=200, headers={"Content-Type": "text/html"},
                         body="<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                              "<hr>nginx</body></html>")
        if fault == "status_ok":
            return Reply(status=200, body={"status": "ok"})
        if fault == "empty_choices":
            return Reply(status=200, body={"id": "chatcmpl-x", "object": "chat.completion", "created": 1,
                                           "model": "m", "choices": [], "usage": {"prompt_tokens": 10,
                                                                                  "completion_tokens": 0}})
        if fault == "no_usage":
            return self._good(req, self.answer(text), usage=None)
        if fault == "over_tokens":
            return self._good(req, self.answer(text), usage=(max(1, len(req.raw) // 4), 1_280_000))
        if fault == "huge":
            claim = {"claim": "x" * 40, "evidence": "y" * 40, "label": "asserted", "speaker": None, "cue": None}
            return self._good(req, {"claims": [claim] * 100_000}, usage=(100, 2000))
        if fault == "echo_key":
            auth = req.headers.get(AUTH_HEADER, "")
            key = auth.split(" ", 1)[-1]
            said = f"you sent auth {auth}; key {key} is not valid for this model"
            if v < 1 / 3:
                return error(400, said, code="invalid_request")
            if v < 2 / 3:
                return error(500, said)
            return self._good(req, {"claims": [], "note": said})
        raise AssertionError(fault)  # pragma: no cover

    @property
    def faults(self) -> int:
        return sum(self.injected.values())


class RawServer:
    """A bare HTTP/1.1 server on 127.0.0.1 for answers http.server cannot
    give: each request is read whole, then `behaviour` decides:

        trickle          a 200 whose JSON body comes one byte per `interval`, never finished
        trickle_headers  the status line and headers one byte per `interval`
        endless          a 200 body (no Content-Length) streamed as fast as the client reads, forever
        sse              an endless text/event-stream of `data:` events

    `sent` counts the body bytes written (all connections); `requests`
    the requests read. stop() ends every connection; so does `give_up`
    seconds or `max_bytes` of body per connection, so a client without
    caps fails in bounded time instead of hanging the test run.
    """

    def __init__(self, behaviour: str, interval: float = 1.0, give_up: float = 30.0, max_bytes: int = 256 << 20):
        import socket

        self.behaviour = behaviour
        self.interval = interval
        self.give_up = give_up
        self.max_bytes = max_bytes
        self.sent = 0
        self.requests = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/v1"

    def __enter__(self) -> "RawServer":
        t = threading.Thread(target=self._accept, daemon=True, name="raw-server")
        t.start()
        self._threads.append(t)
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=5)
        self._sock.close()

    def _accept(self) -> None:
        import socket

        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _read_request(self, conn) -> bool:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return False
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(rest) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return False
            rest += chunk
        with self._lock:
            self.requests += 1
        return True

    def _send(self, conn, data: bytes, body: bool = True) -> None:
        conn.sendall(data)
        if body:
            with self._lock:
                self.sent += len(data)

    def _serve(self, conn) -> None:
        import time

        conn.settimeout(1.0)
        try:
            if not self._read_request(conn):
                return
            end = time.monotonic() + self.give_up
            if self.behaviour == "trickle_headers":
                for b in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 10_000:
                    if self._stop.wait(self.interval) or time.monotonic() > end:
                        return
                    self._send(conn, bytes([b]), body=False)
                return
            if self.behaviour == "trickle":
                self._send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n",
                           body=False)
                for b in b'{"id": "chatcmpl-slow", "choices": [' + b" " * 100_000:
                    if self._stop.wait(self.interval) or time.monotonic() > end:
                        return
                    self._send(conn, bytes([b]))
                return
            kind = b"text/event-stream" if self.behaviour == "sse" else b"application/json"
            self._send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: " + kind + b"\r\nConnection: close\r\n\r\n",
                       body=False)
            block = (b'data: {"choices": [{"delta": {"content": "more "}}]}\n\n' * 1000 if self.behaviour == "sse"
                     else b'{"id": "chatcmpl-endless", "choices": [' + b" " * 65_000)
            written = 0
            while not self._stop.is_set() and written < self.max_bytes and time.monotonic() < end:
                self._send(conn, block)
                written += len(block)
        except OSError:
            return
        finally:
            try:
                conn.close()
            except OSError:
                pass
