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

from openai_server import OpenAIServer, Received, Reply, error, structured

FAULTS = ("delay", "rate_limit", "server_error", "hang", "cut", "malformed", "bad_schema", "bad_evidence")
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
        unknown = set(rates) - set(FAULTS)
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
        self.injected: dict[str, int] = {f: 0 for f in FAULTS}
        self.answered: list[tuple[str | None, int, int]] = []

    def _draw(self) -> tuple[str | None, float]:
        with self._book:
            u, v = self._rng.random(), self._rng.random()
        acc = 0.0
        for fault in FAULTS:
            acc += self.rates.get(fault, 0.0)
            if u < acc:
                with self._book:
                    self.injected[fault] += 1
                return fault, v
        return None, v

    def _good(self, req: Received, data: Any, delay: float = 0.0) -> Reply:
        raw = json.dumps(data)
        usage = (max(1, len(req.raw) // 4), max(1, len(raw) // 4))
        reply = structured(data, usage=usage)(req)
        reply.delay = delay + self.latency
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
        raise AssertionError(fault)  # pragma: no cover

    @property
    def faults(self) -> int:
        return sum(self.injected.values())
