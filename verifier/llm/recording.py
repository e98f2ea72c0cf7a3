"""Recordings of model interactions: the store, the keys, the diffs.

Recording and replay happen at the HTTP layer under the openai client
(transport.py), so a replayed run executes exactly the code a live run
does: the openai client, instructor's parsing, validation and re-asks, the
retry layer and the usage ledger.

Layout: one JSONL file per article, named by the document hash, under the
recordings directory:

    <recordings_dir>/<sha256 of the normalized article text>.jsonl

one line per HTTP interaction (keys sorted, lines ordered by chunk, turn,
index and key, so re-recording gives small diffs):

    {"chunk": 1,                       # which chunk of the article (1-based)
     "index": 0,                       # n-th identical request in one extraction
     "key": "9c0f...",                 # sha256 of the request as sent (property order kept)
     "key_version": 2,
     "model": "qwen2.5-coder-1.5b-instruct",
     "prompt_version": "extract-1a2b3c4d5e6f",
     "request": {"endpoint": "chat/completions", "body": {...}},
     "response": {"status": 200, "headers": {"content-type": ...}, "body": {...}}}

A transport failure is kept too, as `"response": {"error": "timeout" |
"connect" | "protocol", "message": ...}`, and so are error statuses (with
Retry-After), so a replay walks through the same retries as the recorded
run and yields the same usage ledger. 401 and 403 answers are never stored.

The key is the sha256 of the JSON (no spaces, properties in the order
sent) of the endpoint and the full request body: model, messages, tools
or response_format (the schema, hence the instructor mode), temperature,
seed, max_tokens. Property order is kept because it determines the
prompt (a schema's field order is the order the model writes the fields
in). Entries without `key_version` were keyed on sorted JSON; replay
still finds them by that key (`legacy_key`). Never headers, never the base URL, never the API key.
Identical requests within one extraction (sampling several times, or a
retry after a failure) are kept apart by `index`.

No secret is ever written: every entry is scrubbed of the API key the
request carried and of any Bearer token (a 400, 500 or even 200 answer may
echo them), and an entry that would still carry one is refused
(SecretInRecording). A recording that cannot be written (disk full,
read-only, immutable) is a RecordingWriteError naming the file, never a
network error; the temporary file is removed and the old file stays whole.

The file name comes from the document hash, which must look like one
(letters, digits, `-`, `_`, `.`, not starting with a dot, at most 128
characters): `hash="../../x"` from the Python API is refused, never a path.

Modes: live (no recordings), record (live, and save every interaction),
replay (recordings only, no network; a miss raises MissingRecording naming
the closest recording and the fields that differ), auto (replay what
exists, record the rest).
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import threading
from pathlib import Path
from typing import Any

from verifier.errors import ConfigError, MissingRecording, VerifierError
from verifier.llm.faults import RecordingWriteError

SAFE_RESPONSE_HEADERS = ("content-type", "retry-after", "retry-after-ms")
NEVER_STORED_STATUSES = (401, 403)


_DOC_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}")


def check_document_name(doc_hash: str) -> str:
    """A document hash as a recordings file name, or ConfigError: never a
    path, never hidden, never `..`."""
    if not isinstance(doc_hash, str) or not _DOC_NAME.fullmatch(doc_hash) or ".." in doc_hash:
        from verifier.sanitize import one_line

        raise ConfigError(f"document hash {one_line(repr(doc_hash), 80)} cannot name a recording: it must be "
                          "letters, digits, '-', '_' or '.' (the sha256 of the text), not a path")
    return doc_hash


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def endpoint_of(path: str) -> str:
    """'chat/completions' for '/v1/chat/completions', '/openai/deployments/x/chat/completions' ..."""
    p = path.strip("/")
    return "chat/completions" if p.endswith("chat/completions") else p


KEY_VERSION = 2


def request_key(endpoint: str, body: Any) -> str:
    """The key of a request: the sha256 of the endpoint and the body as
    sent, in its own property order. The order of a schema's properties
    is the order a constrained model writes them in, and the prompt of
    tools and JSON modes carries the schema as text: reordering a field
    changes the answer, so it must change the key."""
    ordered = json.dumps({"endpoint": endpoint, "body": body}, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(ordered.encode("utf-8")).hexdigest()[:24]


def legacy_key(endpoint: str, body: Any) -> str:
    """The key of recordings made before KEY_VERSION 2 (sorted keys, so
    blind to property order); replay still finds them, and a re-record
    replaces them with order-keyed entries."""
    return hashlib.sha256(canonical({"endpoint": endpoint, "body": body}).encode("utf-8")).hexdigest()[:24]


def _sort_key(entry: dict) -> tuple:
    body = entry.get("request", {}).get("body", {})
    turns = len(body.get("messages", [])) if isinstance(body, dict) else 0
    return (entry.get("chunk") or 0, turns, entry.get("index", 0), entry.get("key", ""))


class RecordingStore:
    """Thread-safe access to a recordings directory."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self._files: dict[str, dict[tuple[str, int], dict]] = {}
        self._used: dict[str, set[tuple[str, int]]] = {}
        self._lock = threading.RLock()

    # --- files -------------------------------------------------------------
    def path_for(self, doc_hash: str) -> Path:
        return self.directory / f"{check_document_name(doc_hash)}.jsonl"

    def document_hashes(self) -> list[str]:
        if not self.directory.is_dir():
            return []
        return sorted(p.stem for p in self.directory.glob("*.jsonl"))

    def entries(self, doc_hash: str) -> dict[tuple[str, int], dict]:
        with self._lock:
            if doc_hash not in self._files:
                self._files[doc_hash] = self._read(self.path_for(doc_hash))
            return self._files[doc_hash]

    @staticmethod
    def _read(path: Path) -> dict[tuple[str, int], dict]:
        out: dict[tuple[str, int], dict] = {}
        if not path.exists():
            return out
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"recording {path}: cannot be read ({exc})") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                out[(entry["key"], int(entry.get("index", 0)))] = entry
            except (ValueError, KeyError, TypeError) as exc:
                raise ConfigError(f"recording {path}:{n}: not a valid recording line ({exc})") from None
        return out

    def _write(self, doc_hash: str) -> None:
        from verifier.io import atomic_write

        path = self.path_for(doc_hash)
        entries = sorted(self._files[doc_hash].values(), key=_sort_key)
        # top-level fields sorted; the request body keeps its order (the key depends on it)
        text = "".join(json.dumps({k: e[k] for k in sorted(e)}, ensure_ascii=False) + "\n" for e in entries)
        try:
            atomic_write(path, text)
        except (OSError, VerifierError) as exc:
            raise RecordingWriteError(_write_failure(path, exc)) from None

    # --- lookups and writes ----------------------------------------------------
    def get(self, doc_hash: str, key: str, index: int, legacy: str | None = None) -> dict | None:
        """The entry recorded for this request; with `legacy`, an entry
        recorded under the old key scheme (no key_version) also answers."""
        with self._lock:
            table = self.entries(doc_hash)
            entry = table.get((key, index))
            if entry is None and legacy is not None:
                old = table.get((legacy, index))
                if old is not None and "key_version" not in old:
                    entry, key = old, legacy
            if entry is not None:
                self._used.setdefault(doc_hash, set()).add((key, index))
            return entry

    def put(self, doc_hash: str, entry: dict, secrets: tuple[str, ...] = ()) -> None:
        """Save one interaction at once (a crash or Ctrl-C later loses
        nothing), scrubbed of `secrets` and of Bearer tokens; an entry that
        still carries one is refused. On a failed write the entry is not
        kept in memory either, so the store matches the file."""
        from verifier.llm import redact

        entry = redact.scrub(entry, secrets)
        if redact.contains(entry, secrets):
            raise redact.SecretInRecording(
                f"recording {self.path_for(doc_hash)}: the answer still carries the API key after scrubbing; "
                "not written")
        with self._lock:
            table = self.entries(doc_hash)
            slot = (entry["key"], entry["index"])
            before = table.get(slot)
            table[slot] = entry
            try:
                self._write(doc_hash)
            except RecordingWriteError:
                if before is None:
                    table.pop(slot, None)
                else:
                    table[slot] = before
                raise
            self._used.setdefault(doc_hash, set()).add(slot)

    def unused(self, doc_hash: str) -> list[dict]:
        with self._lock:
            used = self._used.get(doc_hash, set())
            return [e for k, e in sorted(self.entries(doc_hash).items()) if k not in used]

    def remove(self, doc_hash: str, entries: list[dict]) -> None:
        with self._lock:
            table = self.entries(doc_hash)
            for e in entries:
                table.pop((e["key"], e.get("index", 0)), None)
            if table:
                self._write(doc_hash)
            else:
                self.path_for(doc_hash).unlink(missing_ok=True)

    # --- misses ------------------------------------------------------------------
    def miss(self, doc_hash: str, key: str, index: int, body: Any, meta: dict[str, str]) -> MissingRecording:
        """The error for a replay miss: the closest recording and how it differs."""
        where = f"document {doc_hash[:12]}, chunk {meta.get('chunk', '?')}"
        own = list(self.entries(doc_hash).values())
        candidates = own
        scope = str(self.path_for(doc_hash))
        if not own:
            candidates = [e for h in self.document_hashes() for e in self.entries(h).values()]
            scope = str(self.directory)
        if not candidates:
            msg = f"no recording for this request ({where}) in {self.directory}: the directory has no recordings"
            return MissingRecording(msg)
        same_key = [e for e in candidates if e.get("key") == key]
        if same_key:
            best = max(same_key, key=lambda e: e.get("index", 0))
            msg = (f"no recording for this request ({where}): request {key[:12]} was recorded "
                   f"{best.get('index', 0) + 1} time(s) in {self.path_for(doc_hash)}, and this is call "
                   f"#{index + 1} of it")
            return MissingRecording(msg)

        def score(e: dict) -> tuple:
            diffs = body_differences(e.get("request", {}).get("body"), body)
            return (len(diffs), e.get("chunk") != _int(meta.get("chunk")), _sort_key(e))

        best = min(candidates, key=score)
        diffs = body_differences(best.get("request", {}).get("body"), body)
        pv_now, pv_then = meta.get("prompt", ""), best.get("prompt_version", "")
        extra = f"; prompt version {pv_then} -> {pv_now}" if pv_now and pv_then and pv_now != pv_then else ""
        msg = (f"no recording for this request ({where}) in {scope}; the closest, key {best.get('key', '?')[:12]} "
               f"(chunk {best.get('chunk', '?')}), differs in {', '.join(diffs[:6]) or 'nothing visible'}{extra}"
               f"{_schema_hint_note(best.get('request', {}).get('body'), body)}")
        return MissingRecording(msg)


def _schema_hint_note(recorded: Any, now: Any) -> str:
    """Why a json-mode request lost (or gained) its schema: json mode sends
    the schema only to servers that are not OpenAI's or Azure's, and with
    no base URL (replay) the default is OpenAI's."""
    def has_schema(body: Any) -> bool | None:
        fmt = body.get("response_format") if isinstance(body, dict) else None
        return "schema" in fmt if isinstance(fmt, dict) and fmt.get("type") == "json_object" else None

    then, now_ = has_schema(recorded), has_schema(now)
    if then is None or now_ is None or then == now_:
        return ""
    return ("; json mode sends the schema in response_format only to a base URL that is not OpenAI's or Azure's: "
            "replay with the --base-url the recording used, or set json_schema_hint = true (false) to match it")


def _write_failure(path: Path, exc: BaseException) -> str:
    if not isinstance(exc, OSError) and isinstance(exc.__context__, OSError):
        exc = exc.__context__  # the shared writer's OutputError keeps the OSError as its context
    err = getattr(exc, "errno", None)
    reason = {errno.ENOSPC: "the disk is full", errno.EROFS: "the file system is read-only",
              errno.EDQUOT: "the disk quota is exceeded", errno.EPERM: "the file is immutable or not writable",
              errno.EACCES: "permission denied"}.get(err) if err else None
    if reason is None:
        reason = getattr(exc, "strerror", None) or str(exc)
        if isinstance(exc, VerifierError):  # the writer's one line already names the file
            reason = str(exc).removeprefix(f"{path}: ")
    return (f"cannot write the recording {path} ({reason}); the model answered but its answer is not saved, "
            "so this run stops (free space or choose another --recordings)")


def _int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _first_difference(a: str, b: str) -> int:
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def body_differences(recorded: Any, now: Any) -> list[str]:
    """Names of the request fields that differ, e.g. ['messages[1] (user)
    from char 212: "May" -> "June"', 'temperature: 0 -> 0.2']."""
    if not isinstance(recorded, dict) or not isinstance(now, dict):
        return ["the whole request"]
    out = []
    for k in sorted(set(recorded) | set(now)):
        a, b = recorded.get(k), now.get(k)
        if a == b:
            continue
        if k == "messages" and isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                out.append(f"messages (recorded {len(a)}, now {len(b)})")
            for i, (ma, mb) in enumerate(zip(a, b)):
                if ma == mb:
                    continue
                role = mb.get("role", "?") if isinstance(mb, dict) else "?"
                ca = ma.get("content") if isinstance(ma, dict) else None
                cb = mb.get("content") if isinstance(mb, dict) else None
                if isinstance(ca, str) and isinstance(cb, str):
                    at = _first_difference(ca, cb)
                    out.append(f"messages[{i}] ({role}) from char {at}: "
                               f"{json.dumps(ca[at:at + 24], ensure_ascii=False)} -> "
                               f"{json.dumps(cb[at:at + 24], ensure_ascii=False)}")
                else:
                    out.append(f"messages[{i}] ({role})")
        elif k in ("tools", "response_format", "tool_choice"):
            out.append(f"{k} (the response schema or instructor mode)")
        elif isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
            out.append(k)
        else:
            out.append(f"{k}: {json.dumps(a)} -> {json.dumps(b)}")
    return out
