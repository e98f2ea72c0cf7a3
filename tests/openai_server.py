"""A real OpenAI-compatible chat-completions server for tests, on 127.0.0.1.

It speaks HTTP/1.1 on a free port in a background thread, so tests drive the
real openai client and instructor over a real socket (no mocks). Each
request gets a scripted reply:

    from openai_server import OpenAIServer, Reply, structured, error

    with OpenAIServer() as server:                    # server.url = http://127.0.0.1:PORT/v1
        server.script(
            error(429, "slow down", headers={"Retry-After": "1"}),
            Reply(status=500, body={"error": {"message": "boom"}}),
            Reply(drop=True),                         # close the connection, no answer
            Reply(body="{not json", status=200),      # malformed JSON body
            Reply(delay=2.0, body=...),               # answer late (client timeouts)
            Reply(hang=True),                         # never answer (until stop)
            structured({"claims": [...]}, usage=(120, 30)),   # a valid answer in the
        )                                             #   shape the request asked for
        server.default = structured({"claims": []})   # after the script runs out
        server.route(lambda req: "Bridge" in req.text, structured({...}))  # by content
        ...
        server.requests                               # every Received request
        server.props = {"total_slots": 1}             # GET /props, as llama.cpp's server answers it
        server.owned_by = "me"                        # GET /v1/models, as llama-cpp-python lists its model

Replies are taken in this order: the first matching route (`route(pred,
reply, times=None)`; times=None means forever), then the script queue (FIFO),
then `default`; with none, the server answers 500 "no scripted reply".
A reply may be a `Reply`, a dict (a 200 JSON body), or a callable
`(Received) -> Reply | dict`, called for that request (see `structured`).

`structured(data)` answers in whatever form the request asked for: a tool
call to the requested function when the request has `tools` (instructor
TOOLS mode), else JSON in the message content (JSON and JSON_SCHEMA modes).
`chat_completion(...)` builds a raw chat.completion body for other cases
(`finish_reason="length"` for truncated answers, several choices, ...).

Thread-safe: requests are served concurrently (ThreadingHTTPServer), and
scripts and routes may be changed while the server runs. `stop()` releases
hanging requests. Usable as a context manager or via start()/stop().
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Union

__all__ = ["OpenAIServer", "Received", "Reply", "chat_completion", "error", "structured"]


# the request header that carries the API key, as the server stores header names (lower case)
AUTH_HEADER = "Authorization".lower()

@dataclass
class Received:
    """A request as the server got it."""

    method: str
    path: str
    headers: dict[str, str]          # lower-case names (AUTH_HEADER among them)
    raw: bytes
    body: Any = None                 # parsed JSON, or None
    at: float = 0.0                  # time.monotonic() on arrival
    peer: tuple | None = None        # the client's (host, port): which connection, so which process, sent it

    @property
    def messages(self) -> list[dict]:
        return (self.body or {}).get("messages", []) if isinstance(self.body, dict) else []

    @property
    def text(self) -> str:
        """All message contents, joined (handy for routing and asserting)."""
        return "\n".join(m.get("content") or "" for m in self.messages if isinstance(m.get("content"), str))


@dataclass
class Reply:
    """What to answer. body: dict/list -> JSON; str/bytes -> sent as is."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0       # seconds to wait before answering
    hang: bool = False       # never answer (released by stop())
    drop: bool = False       # close the connection without answering


ReplySpec = Union[Reply, dict, Callable[[Received], Union[Reply, dict]]]


def chat_completion(content: str | None = None, *, tool_call: tuple[str, str] | None = None,
                    usage: tuple[int, int] | None = (10, 5), finish_reason: str = "stop",
                    model: str = "test-model") -> dict:
    """A chat.completion body. tool_call = (function name, JSON arguments)."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_call is not None:
        message["tool_calls"] = [{"id": "call_1", "type": "function",
                                  "function": {"name": tool_call[0], "arguments": tool_call[1]}}]
        finish_reason = "tool_calls" if finish_reason == "stop" else finish_reason
    body: dict[str, Any] = {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 1700000000, "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}],
    }
    if usage is not None:
        body["usage"] = {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)}
    return body


def structured(data: Any, *, usage: tuple[int, int] | None = (10, 5), raw: str | None = None,
               finish_reason: str = "stop") -> Callable[[Received], Reply]:
    """A reply carrying `data` (or the `raw` text) as the structured answer,
    as a tool call when the request offers tools, else as message content."""
    def reply(req: Received) -> Reply:
        text = raw if raw is not None else json.dumps(data)
        body = req.body if isinstance(req.body, dict) else {}
        model = body.get("model", "test-model")
        tools = body.get("tools") or []
        if tools:
            name = tools[0].get("function", {}).get("name", "tool")
            return Reply(body=chat_completion(None, tool_call=(name, text), usage=usage,
                                              finish_reason=finish_reason, model=model))
        return Reply(body=chat_completion(text, usage=usage, finish_reason=finish_reason, model=model))

    return reply


def error(status: int, message: str = "error", *, code: str | None = None, headers: dict[str, str] | None = None,
          err_type: str = "server_error") -> Reply:
    """An OpenAI-style error answer."""
    return Reply(status=status, headers=dict(headers or {}),
                 body={"error": {"message": message, "type": err_type, "param": None, "code": code}})


class _Server(ThreadingHTTPServer):
    # The default listen backlog (5) overflows when many clients connect at
    # once (a batch at concurrency 16 reconnecting after faults): the kernel
    # drops the SYN and the client's connect times out on a request the
    # server never saw.
    request_queue_size = 128


class OpenAIServer:
    def __init__(self, default: ReplySpec | None = None, host: str = "127.0.0.1", port: int = 0):
        self.default = default
        self.props: dict | None = None      # GET /props answers this (llama.cpp: {"total_slots": N}); else 404
        self.owned_by: str | None = None    # GET /v1/models lists the model as owned by this ("me": llama-cpp-python)
        self.requests: list[Received] = []
        self._queue: deque[ReplySpec] = deque()
        self._routes: list[list[Any]] = []   # [predicate, reply, times_left or None]
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._host, self._port = host, port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- control -------------------------------------------------------------
    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Base URL for the openai client (ends in /v1)."""
        return f"http://{self._host}:{self.port}/v1"

    def script(self, *replies: ReplySpec) -> "OpenAIServer":
        with self._lock:
            self._queue.extend(replies)
        return self

    def route(self, predicate: Callable[[Received], bool], reply: ReplySpec, times: int | None = None) -> None:
        with self._lock:
            self._routes.append([predicate, reply, times])

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self._routes.clear()
            self.requests.clear()

    @property
    def chat_requests(self) -> list[Received]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def start(self) -> "OpenAIServer":
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

            def _handle(self, method: str) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = None
                req = Received(method, self.path, {k.lower(): v for k, v in self.headers.items()}, raw, body,
                               time.monotonic(), tuple(self.client_address))
                with server._lock:
                    server.requests.append(req)
                if method == "GET" and self.path.rstrip("/").endswith("/models"):
                    model = {"id": "test-model", "object": "model", **({"owned_by": server.owned_by}
                                                                         if server.owned_by else {})}
                    reply: Reply = Reply(body={"object": "list", "data": [model]})
                elif method == "GET" and self.path.rstrip("/").endswith("/props"):  # llama.cpp's server
                    reply = Reply(body=server.props) if server.props is not None else error(404, "not found")
                else:
                    reply = server._next_reply(req)
                if reply.hang:
                    server._stopping.wait()
                    self._drop()
                    return
                if reply.delay and server._stopping.wait(reply.delay):
                    self._drop()
                    return
                if reply.drop:
                    self._drop()
                    return
                if isinstance(reply.body, (dict, list)):
                    payload = json.dumps(reply.body).encode("utf-8")
                elif isinstance(reply.body, str):
                    payload = reply.body.encode("utf-8")
                else:
                    payload = reply.body or b""
                try:
                    self.send_response(reply.status)
                    headers = {"Content-Type": "application/json", **reply.headers}
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    self.close_connection = True

            def _drop(self) -> None:
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        self._httpd = _Server((self._host, self._port), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="openai-test-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "OpenAIServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # --- replies -------------------------------------------------------------
    def _next_reply(self, req: Received) -> Reply:
        spec: ReplySpec | None = None
        with self._lock:
            for route in self._routes:
                pred, reply, left = route
                if (left is None or left > 0) and pred(req):
                    if left is not None:
                        route[2] = left - 1
                    spec = reply
                    break
            if spec is None and self._queue:
                spec = self._queue.popleft()
            if spec is None:
                spec = self.default
        if spec is None:
            return error(500, "no scripted reply for this request")
        if callable(spec) and not isinstance(spec, Reply):
            spec = spec(req)
        if isinstance(spec, dict):
            return Reply(body=spec)
        return spec
