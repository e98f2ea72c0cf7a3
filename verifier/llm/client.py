"""The openai and instructor clients, built on first use.

This is the only module that imports openai, instructor and httpx2; the
extractor imports it when it first calls a model.

    openai.OpenAI(max_retries=0, http_client=httpx2.Client(transport=VerifierTransport))
      └─ create():   json-mode schema adapter -> retry layer (retry.py) -> openai
         └─ instructor.patch(create=..., mode=...) -> instructor.Instructor

The json-mode adapter: instructor's JSON mode sends
`response_format={"type": "json_object"}` and the schema in the system
message. llama.cpp's server (llama-cpp-python) and vLLM constrain the
output to a schema given as `response_format.schema`, and llama-cpp-python
does not accept the `json_schema` type, so in json mode the schema is
added there too (unless the base URL is OpenAI's or Azure's, which reject
unknown fields; see Settings.json_schema_hint).
"""

from __future__ import annotations

import json
from typing import Any

from verifier.errors import ConfigError

from verifier.llm.recording import RecordingStore
from verifier.llm.retry import call_with_retries
from verifier.llm.settings import Settings
from verifier.llm.usage import Ledger

PLACEHOLDER_KEY = "no-key"  # for servers that need none (llama.cpp, vLLM, Ollama) and for replay


def _quiet_library_loggers() -> None:
    """instructor logs every failed attempt at ERROR; with logging not set
    up, Python's last-resort handler would print those to stderr next to
    our one-line error. A NullHandler stops that; an application that
    configures logging still gets the records (they propagate)."""
    import logging

    for name in ("instructor", "openai", "httpx2"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _env_proxy(base_url: str | None) -> str | None:
    """HTTPS_PROXY / HTTP_PROXY for the model server, unless NO_PROXY or a
    loopback host says otherwise (we hand httpx2 our own transport, so it
    would not look at the environment itself)."""
    import urllib.parse
    import urllib.request

    url = urllib.parse.urlsplit(base_url or "https://api.openai.com/v1")
    host = url.hostname or ""
    if host in ("localhost", "127.0.0.1", "::1") or urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get(url.scheme) or None


class ModelClient:
    def __init__(self, settings: Settings, store: RecordingStore | None = None):
        import httpx2
        import instructor
        import openai

        from verifier.llm.transport import Limits, VerifierTransport, network_transport

        _quiet_library_loggers()
        if settings.mode in ("live", "record", "auto") and not (settings.api_key or settings.base_url):
            raise ConfigError(
                "the LLM extractor needs an API key (OPENAI_API_KEY) or a base URL (--base-url, OPENAI_BASE_URL); "
                "without either, use --extractor rules or --mode replay")
        self.settings = settings
        self.store = store
        inner = None if settings.mode == "replay" else network_transport(proxy=_env_proxy(settings.base_url))
        self.transport = VerifierTransport(inner, settings.mode, store, model=settings.model,
                                           limits=Limits.from_settings(settings), api_key=settings.api_key)
        self.http = httpx2.Client(transport=self.transport, timeout=httpx2.Timeout(settings.timeout, connect=min(
            10.0, settings.timeout)))
        self.openai = openai.OpenAI(
            api_key=settings.api_key or PLACEHOLDER_KEY,
            base_url=settings.base_url or ("http://replay.invalid/v1" if settings.mode == "replay" else None),
            max_retries=0,
            timeout=httpx2.Timeout(settings.timeout, connect=min(10.0, settings.timeout)),
            http_client=self.http,
        )
        self.mode = {"tools": instructor.Mode.TOOLS, "json_schema": instructor.Mode.JSON_SCHEMA,
                     "json": instructor.Mode.JSON, "ollama": instructor.Mode.JSON_SCHEMA}[settings.llm_mode]
        self.instructor = instructor.Instructor(
            client=self.openai, create=instructor.patch(create=self._create, mode=self.mode), mode=self.mode)

    # the function instructor calls for every attempt (first try and re-asks)
    def _create(self, *, _ledger: Ledger, _schema: dict | None = None, **kwargs: Any) -> Any:
        if self.settings.llm_mode == "json" and _schema is not None and self.settings.send_json_schema_hint:
            kwargs["response_format"] = {**kwargs.get("response_format", {"type": "json_object"}), "schema": _schema}
        sent = {k: kwargs.get(k) for k in ("messages", "tools", "response_format") if kwargs.get(k) is not None}
        estimate = len(json.dumps(sent, ensure_ascii=False, default=str)) // 3 + 50
        return call_with_retries(
            lambda: self.openai.chat.completions.create(**kwargs),
            settings=self.settings, ledger=_ledger, prompt_tokens_estimate=estimate,
            replaying=self.settings.mode == "replay",
        )

    def extract(self, response_model: type, messages: list[dict], *, ledger: Ledger, headers: dict[str, str]) -> Any:
        """One structured call: instructor validates and re-asks; every
        attempt's tokens go to `ledger` (counted by the transport as each
        answer arrives, so answers that fail later count too); re-asks are
        counted by an instructor hook."""
        import instructor

        hooks = instructor.hooks.Hooks()  # per call: each call has its own ledger

        def on_parse_error(error: Exception, **info: Any) -> None:
            if not info.get("is_last_attempt", False):
                ledger.reask()

        hooks.on("parse:error", on_parse_error)
        sampling: dict[str, Any] = {"temperature": self.settings.temperature, "max_tokens": self.settings.max_tokens}
        if self.settings.seed is not None:
            sampling["seed"] = self.settings.seed
        return self.instructor.chat.completions.create(
            response_model=response_model,
            messages=messages,
            max_retries=self.settings.max_reasks,
            hooks=hooks,
            model=self.settings.model,
            extra_headers=headers,
            _ledger=ledger,
            # only json mode sends the schema itself; instructor builds its own for tools mode
            _schema=response_model.model_json_schema() if self.settings.llm_mode == "json" else None,
            **sampling,
        )

    def answer_json(self, messages: list[dict], schema: dict, *, name: str, ledger: Ledger,
                    headers: dict[str, str]) -> tuple[Any, bool, str]:
        """One request whose answer must match `schema` (structured.py picks
        the dialect from llm_mode), through the same transport, retries and
        ledger as every call. Returns (parsed JSON or None, complete?, raw
        text); no re-ask: the caller falls back per item."""
        from verifier.llm.structured import answer_text, parse_answer, request_fields

        fields = request_fields(self.settings.llm_mode, name, schema, self.settings.send_json_schema_hint)
        kwargs: dict[str, Any] = dict(model=self.settings.model, messages=messages,
                                      temperature=self.settings.temperature, max_tokens=self.settings.max_tokens,
                                      extra_headers=headers, **fields)
        if self.settings.seed is not None:
            kwargs["seed"] = self.settings.seed
        estimate = len(json.dumps([messages, fields], ensure_ascii=False, default=str)) // 3 + 50
        completion = call_with_retries(
            lambda: self.openai.chat.completions.create(**kwargs),
            settings=self.settings, ledger=ledger, prompt_tokens_estimate=estimate,
            replaying=self.settings.mode == "replay",
        )
        raw = answer_text(completion)
        data, complete = parse_answer(raw)
        finish = getattr(completion.choices[0], "finish_reason", None) if completion.choices else None
        return data, complete and finish != "length", raw

    def end_session(self, session: str) -> None:
        self.transport.end_session(session)

    def close(self) -> None:
        self.http.close()
