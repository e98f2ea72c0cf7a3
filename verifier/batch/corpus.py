"""Parquet corpora as batch inputs, read a record batch at a time
(pyarrow's `iter_batches`), never the whole file: a `text` column (the
article), an optional `id` column (else the row's place, FILE:ROW), an
optional `format` column, and any other columns as the article's metadata
(outlet, date, author, url, ...). pyarrow comes with `verifier[dask]` and
is imported only here."""

from __future__ import annotations

from typing import Iterator

from verifier.errors import ConfigError, MalformedInput

BATCH_ROWS = 1024


def _pyarrow_parquet():
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("reading Parquet needs pyarrow: pip install 'verifier[dask]'") from None
    return pq


def _open(path: str):
    pq = _pyarrow_parquet()
    try:
        # pre_buffer off: pyarrow would otherwise read whole column chunks ahead of the batch asked for
        return pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        raise MalformedInput(f"{path}: not a readable Parquet file ({exc})") from None


def count_parquet(path: str) -> int:
    """Rows in the file, from its footer (no data read); a file without a
    text column is refused here, before anything runs."""
    pf = _open(path)
    names = pf.schema_arrow.names
    if "text" not in names:
        raise MalformedInput(f"{path}: no 'text' column (columns: {', '.join(names) or 'none'}); "
                             "a Parquet corpus needs the article text in a column named text")
    return pf.metadata.num_rows


def parquet_items(path: str, batch_rows: int = BATCH_ROWS) -> Iterator:
    from verifier.batch.inputs import Item, meta_of

    pf = _open(path)
    row = 0
    for batch in pf.iter_batches(batch_size=batch_rows):
        for rec in batch.to_pylist():
            row += 1
            where = f"{path}:{row}"
            ident = rec.get("id")
            ident = where if ident is None else str(ident)
            text, fmt = rec.get("text"), rec.get("format")
            meta = meta_of(rec)
            if not isinstance(text, str):
                yield Item(id=ident, source=where, kind="error", payload=f"{where}: text is empty or not a string",
                           meta=meta)
            elif fmt not in (None, "text", "markdown", "html"):
                yield Item(id=ident, source=where, kind="error", payload=f"{where}: format must be text, markdown or html",
                           meta=meta)
            else:
                yield Item(id=ident, source=where, kind="text", payload=text, format=fmt, meta=meta)
        del batch
