"""Replaying a hybrid recording whose candidates have changed since.

The hybrid request carries the rules' candidates, so any change to the
rules extractor changes it, and a strict replay misses. With
`replay_stale = true` (the eval's hybrid row), a miss in replay mode falls
back to the recording of the same document, chunk and prompt version: its
answer's labels are carried over to the current candidates whose text is
the same as a recorded candidate's (in order); every other candidate keeps
the rules' reading. The Report says so in a warning, with the count, so a
stale recording is visible and never passes for a fresh one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from verifier.llm.labeling import Label, read_answer
from verifier.llm.recording import RecordingStore
from verifier.llm.structured import parse_answer

_MARK = re.compile(r"<c(\d+)>(.*?)</c\1>", re.DOTALL)


def recorded_labels(store: RecordingStore, doc_hash: str, chunk: int, prompt_version: str,
                    article: str) -> dict[str, list[Label]] | None:
    """Labels of the latest recording for this document, chunk and prompt
    version, by candidate text (a list: a text may occur twice); None when
    there is none."""
    entries = [e for e in store.entries(doc_hash).values()
               if e.get("chunk") == chunk and e.get("prompt_version") == prompt_version
               and (e.get("response") or {}).get("status") == 200]
    if not entries:
        return None
    entry = max(entries, key=lambda e: e.get("index", 0))
    messages = ((entry.get("request") or {}).get("body") or {}).get("messages") or []
    user = next((m.get("content") for m in reversed(messages) if isinstance(m, dict) and m.get("role") == "user"), "")
    marks = [(int(n), text) for n, text in _MARK.findall(user or "")]
    data, _ = parse_answer(_content((entry.get("response") or {}).get("body")))
    found, _problems = read_answer(data, len(marks), article)
    out: dict[str, list[Label]] = {}
    for n, text in marks:
        if n in found:
            out.setdefault(text, []).append(found[n])
    return out


def _content(body: Any) -> str:
    try:
        message = body["choices"][0]["message"]
    except (KeyError, IndexError, TypeError):
        return ""
    for call in message.get("tool_calls") or []:
        args = (call.get("function") or {}).get("arguments")
        if args:
            return args if isinstance(args, str) else json.dumps(args)
    content = message.get("content")
    return content if isinstance(content, str) else ""
