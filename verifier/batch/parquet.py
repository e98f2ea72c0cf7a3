"""Parquet tables of a batch's results, beside its JSONL (`-o out.jsonl`
gives `out.parquet/`), written by the single-machine and the Dask runner
alike (one ParquetSink, fed the same JSONL records):

    out.parquet/claims/part-00000-<run>.parquet     one row per claim
    out.parquet/articles/part-00000-<run>.parquet   one row per checked (or duplicate) article
    out.parquet/articles/errors.parquet             one row per article that is failed now

A part is written once (to a temporary name, fsynced, renamed; the claims
file first, the articles file last, so a part is finished when its
articles file exists) and never rewritten: a new run, or a resume, adds
parts. Every file of a table has the same columns, so pandas
(`pd.read_parquet("out.parquet/claims")`), DuckDB (`SELECT * FROM
'out.parquet/claims/*.parquet'`) and Polars
(`pl.scan_parquet("out.parquet/claims/*.parquet")`) read a table as one.

The claims table holds the claims of checked ("ok") articles, each article
exactly once. The articles table holds each article once: parts hold the
ok and duplicate rows; failures are not history but state, so they are
not put in parts: `errors.parquet` holds the articles whose last result
is an error (one row each), and is replaced (atomically) at the end of
every run that finishes, from the compacted JSONL, so an article retried
and checked ok is no longer counted as failed. (An interrupted run leaves
the previous run's errors.parquet; the next finished run brings it up to
date.) Rows are derived from the JSONL records, so a part lost to a crash
is rebuilt from the JSONL on the next run (`catch_up`).
"""

from __future__ import annotations

import itertools
import json
import os
import uuid
from pathlib import Path
from typing import Iterable

from verifier.batch.keyindex import DiskSet
from verifier.batch.store import OutputWriteError, disk_reason

META_COLUMNS = ("outlet", "date", "author", "url", "title")
CLAIM_COLUMNS = ("article_id", "hash", "claim_id", "start", "end", "evidence", "claim", "label", "speaker", "cue",
                 "quote", "status", "ambiguous", "extractor_label", "checker_label") + META_COLUMNS + ("meta",)
ARTICLE_COLUMNS = ("id", "source", "hash", "status", "claims", "attributed", "asserted", "warnings", "extractor",
                   "model", "requests", "failed_requests", "retries", "reasks", "prompt_tokens",
                   "completion_tokens", "total_tokens", "cost", "error_type", "error_message",
                   "same_as") + META_COLUMNS + ("meta",)
_INT = {"start", "end", "claims", "attributed", "asserted", "warnings", "requests", "failed_requests", "retries",
        "reasks", "prompt_tokens", "completion_tokens", "total_tokens"}
PART_ARTICLES = int(os.environ.get("VERIFIER_PARQUET_PART", "5000"))
ERRORS_FILE = "errors.parquet"


def parquet_dir(jsonl: str | Path) -> Path:
    p = Path(jsonl)
    return p.with_name((p.name[:-6] if p.name.lower().endswith(".jsonl") else p.name) + ".parquet")


def rows_of(rec: dict) -> tuple[dict, list[dict]]:
    """(articles row, claims rows) of one JSONL result record."""
    meta = rec.get("meta") or {}
    common = {k: meta.get(k) for k in META_COLUMNS}
    common["meta"] = json.dumps(meta, ensure_ascii=False) if meta else None
    report = rec.get("report") or {}
    usage = report.get("usage") or {}
    err = rec.get("error") or {}
    claims = report.get("claims") or []
    art = {"id": rec["id"], "source": rec.get("source"), "hash": rec.get("hash"), "status": rec["status"],
           "claims": len(claims), "attributed": sum(c.get("label") == "attributed" for c in claims),
           "asserted": sum(c.get("label") == "asserted" for c in claims), "warnings": len(report.get("warnings") or []),
           "extractor": report.get("extractor"), "model": report.get("model"),
           **{k: usage.get(k, 0) for k in ("requests", "failed_requests", "retries", "reasks", "prompt_tokens",
                                           "completion_tokens", "total_tokens")},
           "cost": usage.get("cost"), "error_type": err.get("type"), "error_message": err.get("message"),
           "same_as": rec.get("same_as"), **common}
    rows = []
    for c in claims if rec["status"] == "ok" else ():
        ev = c.get("evidence") or {}
        rows.append({"article_id": rec["id"], "hash": rec.get("hash"), "claim_id": c.get("id"),
                     "start": ev.get("start"), "end": ev.get("end"), "evidence": ev.get("text"), "claim": c.get("text"),
                     "label": c.get("label"), "speaker": c.get("speaker"), "cue": c.get("cue"), "quote": c.get("quote"),
                     "status": c.get("status"), "ambiguous": bool(c.get("ambiguous")),
                     "extractor_label": (c.get("extractor") or {}).get("label"),
                     "checker_label": (c.get("checker") or {}).get("label"), **common})
    return art, rows


def _schema(columns: tuple[str, ...]):
    import pyarrow as pa

    def typ(name):
        if name in _INT:
            return pa.int64()
        if name == "cost":
            return pa.float64()
        if name == "ambiguous":
            return pa.bool_()
        return pa.string()
    return pa.schema([(c, typ(c)) for c in columns])


class ParquetSink:
    """Collects rows and writes a part of each table every `part_articles`
    articles (and on `flush`). A write that fails (disk full, read-only)
    removes its temporary file and raises OutputWriteError (one line)."""

    def __init__(self, directory: str | Path, part_articles: int = PART_ARTICLES):
        self.dir = Path(directory)
        self.part_articles = max(1, part_articles)
        self.run = uuid.uuid4().hex[:8]
        self._articles: list[dict] = []
        self._claims: list[dict] = []
        self.caught = 0  # results of an earlier run added by catch_up
        with self._disk():
            for t in ("claims", "articles"):
                (self.dir / t).mkdir(parents=True, exist_ok=True)
            for orphan in (self.dir / "claims").glob("part-*.parquet"):
                if not (self.dir / "articles" / orphan.name).exists():
                    orphan.unlink()  # a part cut short by a crash (its articles file is written last): never finished
        self._seq = max([_seq_of(p) for t in ("claims", "articles") for p in (self.dir / t).glob("part-*.parquet")],
                        default=-1) + 1
        self.parts_written = 0

    def _disk(self):
        return _DiskErrors(self.dir)

    def add(self, rec: dict) -> None:
        if rec["status"] == "error":
            return  # failures are state, not history: errors.parquet, at the end of the run
        art, claims = rows_of(rec)
        self._articles.append(art)
        self._claims.extend(claims)
        if len(self._articles) >= self.part_articles:
            self.flush()

    def flush(self) -> None:
        if not self._articles:
            return
        import pyarrow as pa

        name = f"part-{self._seq:05d}-{self.run}.parquet"
        with self._disk():
            for table, rows, cols in (("claims", self._claims, CLAIM_COLUMNS),
                                      ("articles", self._articles, ARTICLE_COLUMNS)):
                _write_part(self.dir / table / name, pa.Table.from_pylist(rows, schema=_schema(cols)))
        self._seq += 1
        self.parts_written += 1
        self._articles, self._claims = [], []

    def write_errors(self, records: Iterable[dict]) -> int:
        """Replace articles/errors.parquet by the rows of `records` (the
        error records that stand: `Scan.errors()`); none removes it.
        Written in row groups, never all in memory. Returns the rows."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = self.dir / "articles" / ERRORS_FILE
        tmp = path.with_name("." + path.name + ".tmp")
        schema, n, rows = _schema(ARTICLE_COLUMNS), 0, []
        records = iter(records)
        first = next(records, None)
        if first is None:
            with self._disk():
                path.unlink(missing_ok=True)
            return 0
        records = itertools.chain([first], records)
        with self._disk():
            writer = pq.ParquetWriter(tmp, schema)
            try:
                for rec in records:
                    rows.append(rows_of(rec)[0])
                    if len(rows) >= self.part_articles:
                        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                        n, rows = n + len(rows), []
                if rows:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    n += len(rows)
                writer.close()
            except BaseException:
                _quietly(writer.close)
                _quietly(lambda: tmp.unlink(missing_ok=True))
                raise
            _fsync(tmp)
            os.replace(tmp, path)
        return n

    def known(self) -> DiskSet:
        """(id, status, hash) of every article row already in the parts."""
        import pyarrow.parquet as pq

        out = DiskSet()
        for p in sorted((self.dir / "articles").glob("part-*.parquet")):
            pf = pq.ParquetFile(p)
            for batch in pf.iter_batches(columns=["id", "status", "hash"], batch_size=10_000):
                out.update(_row_key(*row) for row in zip(*(batch.column(c).to_pylist() for c in ("id", "status", "hash"))))
        return out

    def catch_up(self, records: Iterable[dict]) -> int:
        """Add the JSONL records that no part holds yet (a run stopped
        before its last part was written); returns how many."""
        known = self.known()
        n = 0
        for rec in records:
            if rec["status"] != "error" and _row_key(rec["id"], rec["status"], rec.get("hash")) not in known:
                self.add(rec)
                n += 1
        self.flush()
        known.close()
        self.caught += n
        return n


class _DiskErrors:
    """OSError of a Parquet write -> OutputWriteError, in one line."""

    def __init__(self, directory: Path):
        self.dir = directory

    def __enter__(self):
        return self

    def __exit__(self, typ, exc, tb):
        if exc is not None and isinstance(exc, OSError):
            raise OutputWriteError(f"cannot write the Parquet tables in {self.dir} ({_reason(exc)}); the batch "
                                   "stopped, its JSONL lines are complete and the next run adds what the tables "
                                   "miss: free space and run the same command again") from None
        return False


def _reason(exc: OSError) -> str:
    """disk_reason, also for pyarrow's OSError, which puts the errno in its message."""
    import errno as errno_mod
    import re

    if exc.errno is None:
        m = re.search(r"errno (\d+)", str(exc), re.I)
        if m:
            code = int(m.group(1))
            return disk_reason(OSError(code, os.strerror(code)))
        return " ".join(str(exc).split())[:200] or errno_mod.errorcode.get(0, "an I/O error")
    return disk_reason(exc)


def _quietly(fn) -> None:
    try:
        fn()
    except Exception:  # cleaning up after a failed write: the first error is the one reported
        pass


def _row_key(ident, status, hash_) -> str:
    return f"{ident}\0{status}\0{hash_}"


def open_sink(store) -> "ParquetSink | None":
    """The Parquet tables beside a batch's results file, caught up with its
    JSONL; None when the results go to stdout or a pipe, or pyarrow (the
    `dask` extra) is not installed."""
    if store.streaming:
        return None
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return None
    from verifier.batch.store import read_results

    sink = ParquetSink(parquet_dir(store.path))
    sink.catch_up(read_results(store.path))
    return sink


def _seq_of(p: Path) -> int:
    try:
        return int(p.name.split("-")[1])
    except (IndexError, ValueError):
        return -1


def _write_part(path: Path, table) -> None:
    import pyarrow.parquet as pq

    tmp = path.with_name("." + path.name + ".tmp")
    try:
        pq.write_table(table, tmp)
        _fsync(tmp)
    except BaseException:
        _quietly(lambda: tmp.unlink(missing_ok=True))
        raise
    os.replace(tmp, path)


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def read_table(directory: str | Path, table: str, columns: list[str] | None = None):
    """One table of a results directory, every part (pyarrow Table)."""
    import pyarrow.dataset as ds

    return ds.dataset(str(Path(directory) / table), format="parquet").to_table(columns=columns)
