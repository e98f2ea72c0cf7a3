"""Parquet in and out: a corpus file read a record batch at a time with its
metadata columns, and the results tables written in parts that are never
rewritten (real files, read back with pyarrow's dataset reader, which is
what pandas, DuckDB and Polars use or mirror)."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from batch_helpers import article  # noqa: E402
from verifier import errors  # noqa: E402
from verifier.batch import Inputs, is_batch  # noqa: E402
from verifier.batch.parquet import ParquetSink, parquet_dir, read_table  # noqa: E402


def test_a_parquet_corpus_is_a_batch_with_metadata(tmp_path):
    src = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": [1, 2, 3], "text": [article(1), None, article(3)],
                             "outlet": ["Herald", "Herald", None], "date": [dt.date(2024, 5, 1)] * 3,
                             "tags": [["a", "b"], [], ["c"]]}), src)
    assert is_batch([str(src)])
    inputs = Inputs([str(src)])
    items = list(inputs)
    assert inputs.total == 3 and [i.id for i in items] == ["1", "2", "3"]
    assert items[0].kind == "text" and items[0].payload == article(1)
    assert items[0].metadata == {"outlet": "Herald", "date": "2024-05-01", "tags": '["a", "b"]'}
    assert items[1].kind == "error" and "text is empty" in items[1].payload
    assert "outlet" not in items[2].metadata


def test_a_parquet_corpus_is_read_a_batch_at_a_time(tmp_path):
    src = tmp_path / "big.parquet"
    n, body = 20_000, "x" * 2000
    pq.write_table(pa.table({"text": [f"{i} {body}" for i in range(n)]}), src, row_group_size=1000,
                   compression="none")
    before = pa.total_allocated_bytes()
    it = iter(Inputs([str(src)]))
    first = list(itertools.islice(it, 3))
    assert [i.id for i in first] == [f"{src}:{k}" for k in (1, 2, 3)]
    held = pa.total_allocated_bytes() - before
    assert held < 8 * 2**20, f"{held} bytes held for a {n * 2000 // 2**20} MB file"


def test_bad_parquet_inputs_are_refused_before_running(tmp_path):
    no_text = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"body": ["a"]}), no_text)
    with pytest.raises(errors.MalformedInput, match="no 'text' column"):
        Inputs([str(no_text)])
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet at all")
    with pytest.raises(errors.MalformedInput, match="not a readable Parquet file"):
        Inputs([str(junk)])


def _rec(i: int, status: str = "ok") -> dict:
    claims = [{"id": "c1", "text": "t", "evidence": {"text": "t", "start": 0, "end": 1}, "label": "attributed",
               "speaker": "Officials", "cue": "said", "status": "checked", "extractor": {}, "checker": {"label": "attributed"}}]
    rec = {"id": f"a{i}", "source": "s", "hash": f"h{i}", "status": status, "meta": {"outlet": "Herald"}}
    if status == "ok":
        rec["report"] = {"claims": claims, "usage": {"requests": 1, "total_tokens": 9}, "extractor": "rules"}
    else:
        rec["error"] = {"type": "EmptyInput", "message": "empty"}
    return rec


def test_parts_are_written_once_and_a_crash_is_caught_up(tmp_path):
    d = parquet_dir(tmp_path / "out.jsonl")
    assert d.name == "out.parquet"
    sink = ParquetSink(d, part_articles=3)
    for i in range(7):
        sink.add(_rec(i))
    sink.flush()
    parts = sorted(p.name for p in (d / "articles").iterdir())
    assert parts == sorted(p.name for p in (d / "claims").iterdir()) and len(parts) == 3
    stamps = {p: p.stat().st_mtime_ns for p in d.rglob("part-*")}
    # a crash between a part's claims file and its articles file leaves an orphan: dropped, never read
    (d / "claims" / "part-00009-dead.parquet").write_bytes((d / "claims" / parts[0]).read_bytes())
    records = [_rec(i) for i in range(7)] + [_rec(7), _rec(8, "error"), _rec(9)]
    again = ParquetSink(d, part_articles=3)
    assert not (d / "claims" / "part-00009-dead.parquet").exists()
    assert again.catch_up(records) == 2  # only what no part holds yet (an error row is no part's)
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    arts = read_table(d, "articles").to_pylist()
    assert sorted(a["id"] for a in arts) == [f"a{i}" for i in range(10) if i != 8]
    claims = read_table(d, "claims", columns=["article_id", "speaker", "outlet", "start"]).to_pylist()
    assert len(claims) == 9 and all(c["outlet"] == "Herald" and c["start"] == 0 for c in claims)
    assert json.loads(arts[0]["meta"]) == {"outlet": "Herald"}


def test_the_errors_file_is_the_failed_articles_now(tmp_path):
    d = tmp_path / "out.parquet"
    sink = ParquetSink(d, part_articles=2)
    for i in range(3):
        sink.add(_rec(i, "error" if i else "ok"))
    sink.flush()
    assert sink.write_errors([_rec(1, "error"), _rec(2, "error")]) == 2
    arts = read_table(d, "articles").to_pylist()
    assert sorted((a["id"], a["status"]) for a in arts) == [("a0", "ok"), ("a1", "error"), ("a2", "error")]
    assert {a["error_type"] for a in arts if a["status"] == "error"} == {"EmptyInput"}
    parts = {p: p.stat().st_mtime_ns for p in (d / "articles").glob("part-*")}
    sink.add(_rec(1))  # a retry of a1 that succeeds: the next run's errors are a2 alone
    sink.flush()
    assert sink.write_errors([_rec(2, "error")]) == 1
    assert sorted((a["id"], a["status"]) for a in read_table(d, "articles").to_pylist()) == [
        ("a0", "ok"), ("a1", "ok"), ("a2", "error")]
    assert all(p.stat().st_mtime_ns == t for p, t in parts.items())  # parts untouched
    assert sink.write_errors([]) == 0 and not (d / "articles" / "errors.parquet").exists()
    assert sorted(p.name for p in (d / "articles").iterdir() if p.name.startswith(".")) == []  # no temporary left
