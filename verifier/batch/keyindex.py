"""Sets and maps of strings that grow with the corpus (content hashes done,
ids seen, the first id of each text), kept out of memory.

A batch must know, for every article, whether its id was seen, whether its
content hash is done, and which article first had the same text. Held in
Python sets and dicts that costs some 600 bytes an article (503 MiB of
client memory at 780,000 articles); here each set or map is a table of
SQLite's private temporary database (the stdlib's sqlite3, file name ""):
a small page cache in memory (CACHE_KIB), the rest in a temporary file
that SQLite unlinks as soon as it creates it (nothing is left behind, even
on SIGKILL). Memory stays bounded whatever the corpus; each lookup is a
B-tree search of tens of microseconds (a Python set: well under one).

Keys are stored as 16-byte BLAKE2b digests of the strings (a false match
has odds of 2^-128 per pair: none in any corpus); map values are stored as
they are. The temporary file lives where SQLite puts temporary files
(SQLITE_TMPDIR, else TMPDIR, else /var/tmp or /tmp): some 30 bytes per
entry, plus a map's value. A failure of that disk is a VerifierError in one line.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from typing import Iterable

from verifier.errors import VerifierError

CACHE_KIB = 4096
_BATCH = 10_000


class IndexFailed(VerifierError):
    """The temporary index of a batch cannot be written (its disk is full)."""


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class _Table:
    """One table of a private temporary database (one per set or map)."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", check_same_thread=False, isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{CACHE_KIB}", "temp_store=FILE"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("CREATE TABLE t (k BLOB PRIMARY KEY, v TEXT) WITHOUT ROWID")
        self._lock = threading.Lock()
        self._len = 0

    def _run(self, sql: str, args=()) -> sqlite3.Cursor:
        try:
            with self._lock:
                return self._db.execute(sql, args)
        except sqlite3.Error as exc:
            raise IndexFailed(f"the batch's temporary index failed ({exc}); free space in the temporary "
                              "directory (TMPDIR) and run the same command again") from None

    def _many(self, sql: str, rows: Iterable[tuple]) -> int:
        """Run `sql` for every row, in transactions of _BATCH rows; returns
        how many rows changed."""
        changed = 0
        chunk: list[tuple] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= _BATCH:
                changed += self._commit(sql, chunk)
                chunk = []
        if chunk:
            changed += self._commit(sql, chunk)
        return changed

    def _commit(self, sql: str, chunk: list[tuple]) -> int:
        try:
            with self._lock:
                before = self._db.total_changes
                self._db.execute("BEGIN")
                self._db.executemany(sql, chunk)
                self._db.execute("COMMIT")
                return self._db.total_changes - before
        except sqlite3.Error as exc:
            raise IndexFailed(f"the batch's temporary index failed ({exc}); free space in the temporary "
                              "directory (TMPDIR) and run the same command again") from None

    def __len__(self) -> int:
        return self._len

    def __bool__(self) -> bool:
        return self._len > 0

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return self._run("SELECT 1 FROM t WHERE k = ?", (_key(key),)).fetchone() is not None

    def close(self) -> None:
        with self._lock:
            self._db.close()


class DiskSet(_Table):
    """A set of strings: add, update, `in`, len."""

    def add(self, key: str) -> bool:
        """Add `key`; True when it was not there yet."""
        new = self._run("INSERT OR IGNORE INTO t (k) VALUES (?)", (_key(key),)).rowcount == 1
        self._len += new
        return new

    def update(self, keys: Iterable[str]) -> None:
        self._len += self._many("INSERT OR IGNORE INTO t (k) VALUES (?)", ((_key(k),) for k in keys))


class DiskMap(_Table):
    """A map of strings to strings: get, setdefault, item assignment, update, `in`, len."""

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._run("SELECT v FROM t WHERE k = ?", (_key(key),)).fetchone()
        return default if row is None else row[0]

    def setdefault(self, key: str, value: str) -> str:
        """The value of `key`, set to `value` first when it has none."""
        had = self.insert(key, value)
        return value if had is None else had

    def insert(self, key: str, value: str) -> str | None:
        """Set `key` to `value` when it has no value yet: returns None then,
        else the value it already had (left as it was)."""
        k = _key(key)
        if self._run("INSERT OR IGNORE INTO t (k, v) VALUES (?, ?)", (k, value)).rowcount == 1:
            self._len += 1
            return None
        return self._run("SELECT v FROM t WHERE k = ?", (k,)).fetchone()[0]

    def __setitem__(self, key: str, value: str) -> None:
        k = _key(key)
        if self._run("UPDATE t SET v = ? WHERE k = ?", (value, k)).rowcount == 0:
            self._run("INSERT INTO t (k, v) VALUES (?, ?)", (k, value))
            self._len += 1

    def update(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Set every (key, value), later pairs winning."""
        self._many("INSERT OR REPLACE INTO t (k, v) VALUES (?, ?)", ((_key(k), v) for k, v in pairs))

    def __len__(self) -> int:  # a count of the table: rarely needed
        return self._run("SELECT count(*) FROM t").fetchone()[0]

    def __bool__(self) -> bool:
        return self._run("SELECT 1 FROM t LIMIT 1").fetchone() is not None





class DiskLog:
    """Strings in the order appended, read back by iterating (a spool of
    the lines a pass over a file must come back to)."""

    def __init__(self) -> None:
        self._t = _Table()
        self._t._run("CREATE TABLE log (v TEXT)")
        self._pending: list[tuple[str]] = []

    def append(self, value: str) -> None:
        self._pending.append((value,))
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._t._many("INSERT INTO log (v) VALUES (?)", self._pending)
            self._pending = []

    def __iter__(self):
        self._flush()
        last = 0
        while True:  # in pages, so no cursor stays open across other statements
            rows = self._t._run("SELECT rowid, v FROM log WHERE rowid > ? ORDER BY rowid LIMIT 1000", (last,)).fetchall()
            if not rows:
                return
            for rowid, value in rows:
                last = rowid
                yield value

    def close(self) -> None:
        self._t.close()
__all__ = ["DiskSet", "DiskMap", "DiskLog", "IndexFailed", "CACHE_KIB"]
