"""Input discovery for batch runs: which articles to check, in what order.

`verifier check` accepts several paths, a directory (its article files,
recursively), a glob pattern (quoted, so the shell leaves it alone), or a
JSONL file with one article per line: {"id": ..., "text": ...},
{"id": ..., "path": ...} or {"id": ..., "url": ...} (the id is optional for
path and url lines). Discovery is lazy: a JSONL of many thousands of
articles is read line by line, and each article's text is loaded only by
the worker that checks it. A Parquet file (a `text` column, optionally `id`
and any metadata columns) is read a record batch at a time
(verifier/batch/corpus.py). Keys of a JSONL line other than id, text, path,
url and format (outlet, date, author, ...) are the article's metadata; on a
text line a `url` is metadata too. Metadata is carried into the results.
"""

from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from typing import Iterator

from verifier.errors import InputNotFound, MalformedInput

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
_GLOB_CHARS = set("*?[")
URL_TIMEOUT = 30.0
URL_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Item:
    """One article to check. `kind` says where its text comes from:
    "path" (payload is a file path), "text" (payload is the text itself),
    "url" (payload is the address), or "error" (the input line itself was
    bad; payload is the message, reported as that article's error)."""

    id: str
    source: str
    kind: str
    payload: str
    format: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # (name, value) pairs: outlet, date, author, url, ...

    @property
    def metadata(self) -> dict[str, str]:
        return dict(self.meta)

    def load(self, input_format: str | None = None):
        """The article as a Document; raises a VerifierError when it cannot
        be read, is empty, binary, or not valid UTF-8."""
        from verifier.document import Document

        fmt = self.format or input_format
        if self.kind == "path":
            return Document.from_path(self.payload, format=fmt)
        if self.kind == "text":
            return Document.from_text(self.payload, source=self.id, format=fmt)
        if self.kind == "url":
            data, content_type = fetch_url(self.payload)
            if fmt is None and "html" in content_type:
                fmt = "html"
            return Document.from_bytes(data, source=self.payload, format=fmt)
        raise MalformedInput(self.payload)


def is_batch(paths: list[str]) -> bool:
    """True when the arguments name more than one article: several paths,
    a directory, a glob pattern or a .jsonl file."""
    if len(paths) != 1:
        return True
    p = paths[0]
    if p == "-":
        return False
    if os.path.isdir(p) or p.lower().endswith((".jsonl", ".parquet")):
        return True
    return not os.path.exists(p) and bool(_GLOB_CHARS & set(p))


@dataclass
class Inputs:
    """The articles named by the command-line arguments. Iterate for the
    items (lazily); `total` counts them without loading any article."""

    args: list[str]
    exclude: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._expanded = self._expand()
        self.total = sum(_count(kind, p) for kind, p in self._expanded)

    def _expand(self) -> list[tuple[str, str]]:
        """(kind, path) pairs: kind is "path" or "jsonl". Bad arguments fail
        here, before anything runs, with one clear message."""
        excluded = {os.path.realpath(e) for e in self.exclude}
        out: list[tuple[str, str]] = []
        for arg in self.args:
            if arg == "-":
                raise MalformedInput("'-' (stdin) checks a single article; it cannot be mixed with other inputs")
            if os.path.isdir(arg):
                found = [f for f in _walk(arg) if os.path.realpath(f) not in excluded]
                if not found:
                    raise InputNotFound(f"{arg}: no article files in this directory (looked for {', '.join(ARTICLE_SUFFIXES)})")
                out.extend(("path", f) for f in found)
            elif os.path.exists(arg):
                out.append((_kind(arg), arg))
            elif _GLOB_CHARS & set(arg):
                found = sorted(f for f in glob.glob(arg, recursive=True)
                               if os.path.isfile(f) and os.path.realpath(f) not in excluded)
                if not found:
                    raise InputNotFound(f"{arg}: no file matches this pattern")
                out.extend((_kind(f), f) for f in found)
            else:
                raise InputNotFound(f"{arg}: no such file")
        return out

    def __iter__(self) -> Iterator[Item]:
        from verifier.batch.keyindex import DiskMap

        seen = DiskMap()  # id -> source of its first item: on disk, not in memory (a corpus of millions)
        for kind, path in self._expanded:
            if kind == "jsonl":
                items = _jsonl_items(path)
            elif kind == "parquet":
                from verifier.batch.corpus import parquet_items

                items = parquet_items(path)
            else:
                items = iter([Item(id=path, source=path, kind="path", payload=path)])
            for item in items:
                first = seen.insert(item.id, item.source)
                if first is not None and item.kind != "error":
                    item = Item(id=f"{item.source}#dup", source=item.source, kind="error",
                                    payload=f"{item.source}: id '{item.id}' is used twice (first by {first}); "
                                            "ids must be unique")
                yield item


def _walk(directory: str) -> list[str]:
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                out.append(os.path.join(root, name))
    return sorted(out)


def _kind(path: str) -> str:
    low = path.lower()
    return "jsonl" if low.endswith(".jsonl") else "parquet" if low.endswith(".parquet") else "path"


def _count(kind: str, path: str) -> int:
    if kind == "jsonl":
        return _count_jsonl(path)
    if kind == "parquet":
        from verifier.batch.corpus import count_parquet

        return count_parquet(path)
    return 1


def _count_jsonl(path: str) -> int:
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


def _jsonl_items(path: str) -> Iterator[Item]:
    base = os.path.dirname(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputNotFound(f"{path}: cannot be read ({exc.strerror or exc})") from None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Item(id=where, source=where, kind="error", payload=f"{where}: not a valid JSON line ({exc})")
                continue
            if not isinstance(obj, dict):
                yield Item(id=where, source=where, kind="error",
                           payload=f"{where}: expected an object with text, path or url")
                continue
            yield _line_item(obj, where, base)


_RESERVED = ("id", "text", "path", "url", "format")


def meta_of(obj: dict, skip=_RESERVED) -> tuple[tuple[str, str], ...]:
    """The metadata of an input record: every other key with a value, as text."""
    out = []
    for k, v in obj.items():
        if k in skip or v is None:
            continue
        if hasattr(v, "isoformat"):
            v = v.isoformat()
        elif not isinstance(v, str):
            v = json.dumps(v, ensure_ascii=False, default=str)
        out.append((str(k), v))
    return tuple(out)


def _line_item(obj: dict, where: str, base: str) -> Item:
    meta = meta_of(obj)
    if obj.get("text") is not None and obj.get("url") is not None and obj.get("path") is None:
        obj = dict(obj)
        meta += (("url", str(obj.pop("url"))),)  # the article's address, already fetched
    item = _line_item_of(obj, where, base)
    return Item(item.id, item.source, item.kind, item.payload, item.format, meta) if meta else item


def _line_item_of(obj: dict, where: str, base: str) -> Item:
    given = [k for k in ("text", "path", "url") if obj.get(k) is not None]
    ident = obj.get("id")
    if ident is not None and not isinstance(ident, (str, int)):
        return Item(id=where, source=where, kind="error", payload=f"{where}: id must be a string or a number")
    fmt = obj.get("format")
    if fmt not in (None, "text", "markdown", "html"):
        return Item(id=str(ident) if ident is not None else where, source=where, kind="error",
                    payload=f"{where}: format must be text, markdown or html")
    if len(given) != 1 or not isinstance(obj[given[0]], str):
        ident_s = str(ident) if ident is not None else where
        return Item(id=ident_s, source=where, kind="error",
                    payload=f"{where}: give exactly one of text, path or url (as a string)")
    key = given[0]
    value = obj[key]
    if key == "text":
        if ident is None:
            return Item(id=where, source=where, kind="error", payload=f"{where}: a text line needs an id")
        return Item(id=str(ident), source=where, kind="text", payload=value, format=fmt)
    if key == "path":
        p = value if os.path.isabs(value) else os.path.join(base, value)
        return Item(id=str(ident) if ident is not None else value, source=p, kind="path", payload=p, format=fmt)
    if not value.startswith(("http://", "https://")):
        return Item(id=str(ident) if ident is not None else value, source=where, kind="error",
                    payload=f"{where}: url must start with http:// or https://")
    return Item(id=str(ident) if ident is not None else value, source=value, kind="url", payload=value, format=fmt)


def fetch_url(url: str) -> tuple[bytes, str]:
    """The body and content type at `url` (stdlib only: no extra client)."""
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, headers={"User-Agent": "verifier (article fetch)"})
    try:
        with urllib.request.urlopen(req, timeout=URL_TIMEOUT) as resp:
            data = resp.read(URL_MAX_BYTES + 1)
            ctype = resp.headers.get("Content-Type", "") or ""
    except urllib.error.HTTPError as exc:
        raise InputNotFound(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputNotFound(f"{url}: cannot be fetched ({reason})") from None
    if len(data) > URL_MAX_BYTES:
        raise MalformedInput(f"{url}: larger than {URL_MAX_BYTES // (1024 * 1024)} MB, not fetched")
    return data, ctype.lower()


__all__ = ["Inputs", "Item", "is_batch", "fetch_url"]
