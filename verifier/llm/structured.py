"""Structured answers without instructor: one JSON schema, four dialects.

The hybrid and sentence tasks send their schema only where the server
constrains decoding with it, never inside the prompt, so the prompt stays a
fixed prefix plus the article (servers with prompt caching skip the prefix)
and a constrained server cannot produce a malformed answer:

    llm_mode     request field                                   servers
    json         response_format {"type": "json_object",        llama.cpp (llama-cpp-python),
                                  "schema": S}                   vLLM, LM Studio
    json_schema  response_format {"type": "json_schema",        OpenAI (strict), vLLM, Ollama's
                 "json_schema": {"name", "strict": true, S}}     OpenAI endpoint, llama.cpp C++ server
    tools        tools [function S], tool_choice that function   any tool-calling server
    ollama       the json_schema form plus "format": S           Ollama (native `format`)

OpenAI's strict mode takes a subset of JSON Schema: `strict_schema` drops
the keywords it refuses (string lengths), and the answer is bounded again
by our own validation, so every dialect gets the same bounds in the end.
With `json_schema_hint` off (OpenAI or Azure URLs in json mode) the schema
is not sent at all and only json_object is asked for.
"""

from __future__ import annotations

import copy
import json
from typing import Any

_STRICT_DROPS = ("maxLength", "minLength")


def strict_schema(schema: dict) -> dict:
    """A copy without the keywords OpenAI's strict mode refuses."""
    out = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k in _STRICT_DROPS:
                node.pop(k, None)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(out)
    return out


def request_fields(llm_mode: str, name: str, schema: dict, send_schema: bool = True) -> dict:
    """The request fields that ask for an answer matching `schema`."""
    if llm_mode == "tools":
        return {"tools": [{"type": "function", "function": {"name": name, "parameters": strict_schema(schema)}}],
                "tool_choice": {"type": "function", "function": {"name": name}}}
    if llm_mode == "json_schema":
        return {"response_format": {"type": "json_schema",
                                    "json_schema": {"name": name, "strict": True, "schema": strict_schema(schema)}}}
    if llm_mode == "ollama":
        return {"response_format": {"type": "json_schema",
                                    "json_schema": {"name": name, "strict": True, "schema": strict_schema(schema)}},
                "extra_body": {"format": schema}}
    if send_schema:
        return {"response_format": {"type": "json_object", "schema": schema}}
    return {"response_format": {"type": "json_object"}}


def answer_text(completion: Any) -> str:
    """The answer's text: a tool call's arguments, else the message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return ""
    for call in getattr(message, "tool_calls", None) or []:
        args = getattr(getattr(call, "function", None), "arguments", None)
        if args:
            return args if isinstance(args, str) else json.dumps(args)
    return getattr(message, "content", None) or ""


def parse_answer(raw: str) -> tuple[Any, bool]:
    """(the parsed JSON, complete?): a truncated answer yields what it has,
    a fenced or prefixed one is unwrapped, garbage gives (None, False)."""
    import jiter  # installed with openai; parses truncated JSON

    text = raw.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[-1].rsplit("```", 1)[0]
    first = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if first < 0:
        return None, False
    body = text[first:].encode("utf-8")
    try:
        return jiter.from_json(body), True
    except ValueError:
        pass
    try:
        return jiter.from_json(body, partial_mode="trailing-strings"), False
    except ValueError:
        return None, False
