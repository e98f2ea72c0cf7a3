"""Parquet tables of a batch's results, beside its JSONL (`-o out.jsonl`
gives `out.parquet/`):

    out.parquet/claims/part-00000-<run>.parquet     one row per claim
    out.parquet/articles/part-00000-<run>.parquet   one row per article result

A part is written once (to a temporary name, fsynced, renamed; the claims
file first, the articles file last, so a part is finished when its
articles file exists) and never rewritten: a new run, or a resume, adds parts. Every part of a table has
the same columns, so pandas (`pd.read_parquet("out.parquet/claims")`),
DuckDB (`SELECT * FROM 'out.parquet/claims/*.parquet'`) and Polars
(`pl.scan_parquet("out.parquet/claims/*.parquet")`) read a table as one.

The claims table holds the claims of checked ("ok") articles, each article
exactly once. The articles table holds one row per result line: an article
checked ok appears once with status ok; a failed attempt is a row with
status error (an article retried on a later run keeps its old error row as
history: filter on status). Rows are derived from the JSONL records, so a
part lost to a crash is rebuilt from the JSONL on the next run (`catch_up`).
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Iterable

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
    articles (and on `flush`)."""

    def __init__(self, directory: str | Path, part_articles: int = PART_ARTICLES):
        self.dir = Path(directory)
        self.part_articles = max(1, part_articles)
        self.run = uuid.uuid4().hex[:8]
        self._articles: list[dict] = []
        self._claims: list[dict] = []
        for t in ("claims", "articles"):
            (self.dir / t).mkdir(parents=True, exist_ok=True)
        for orphan in (self.dir / "claims").glob("part-*.parquet"):
            if not (self.dir / "articles" / orphan.name).exists():
                orphan.unlink()  # a part cut short by a crash (its articles file is written last): never finished
        self._seq = max([_seq_of(p) for t in ("claims", "articles") for p in (self.dir / t).glob("part-*.parquet")],
                        default=-1) + 1
        self.parts_written = 0

    def add(self, rec: dict) -> None:
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
        for table, rows, cols in (("claims", self._claims, CLAIM_COLUMNS), ("articles", self._articles, ARTICLE_COLUMNS)):
            _write_part(self.dir / table / name, pa.Table.from_pylist(rows, schema=_schema(cols)))
        self._seq += 1
        self.parts_written += 1
        self._articles, self._claims = [], []

    def known(self) -> set[tuple]:
        """(id, status, hash) of every article row already in the parts."""
        import pyarrow.parquet as pq

        out: set[tuple] = set()
        for p in sorted((self.dir / "articles").glob("part-*.parquet")):
            t = pq.read_table(p, columns=["id", "status", "hash"])
            out.update(zip(*(t.column(c).to_pylist() for c in ("id", "status", "hash"))))
        return out

    def catch_up(self, records: Iterable[dict]) -> int:
        """Add the JSONL records that no part holds yet (a run stopped
        before its last part was written); returns how many."""
        known = self.known()
        n = 0
        for rec in records:
            if (rec["id"], rec["status"], rec.get("hash")) not in known:
                self.add(rec)
                n += 1
        self.flush()
        return n


def _seq_of(p: Path) -> int:
    try:
        return int(p.name.split("-")[1])
    except (IndexError, ValueError):
        return -1


def _write_part(path: Path, table) -> None:
    import pyarrow.parquet as pq

    tmp = path.with_name("." + path.name + ".tmp")
    pq.write_table(table, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_table(directory: str | Path, table: str, columns: list[str] | None = None):
    """One table of a results directory, every part (pyarrow Table)."""
    import pyarrow.dataset as ds

    return ds.dataset(str(Path(directory) / table), format="parquet").to_table(columns=columns)
