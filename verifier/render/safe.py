"""A Report fit to be shown to a person: every string of it (article text,
model answers, speakers, cues, reasons, warnings, file names) with its
control characters made visible by verifier.sanitize.display, one for one,
so offsets still hold; the source path escaped onto one line.

Every view for people goes through `safe_report` before it is drawn: the
terminal and plain-text views, Markdown and HTML. JSON and JSONL keep the
data exact instead (verifier.sanitize.json_text).
"""

from __future__ import annotations

from pydantic import BaseModel

from verifier.render import spans as sp
from verifier.sanitize import UNSAFE, display, one_line
from verifier.schemas import Report

__all__ = ["safe_report"]


def _clean(obj):
    """`obj` with every string made safe for a terminal (`display`); the
    same object when nothing needed it."""
    if isinstance(obj, str):
        return display(obj) if UNSAFE.search(obj) else obj
    if isinstance(obj, BaseModel):
        changes = {}
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            new = _clean(value)
            if new is not value:
                changes[name] = new
        return obj.model_copy(update=changes) if changes else obj
    if isinstance(obj, (list, tuple)):
        new_items = [_clean(x) for x in obj]
        if any(a is not b for a, b in zip(new_items, obj)):
            return type(obj)(new_items)
        return obj
    if isinstance(obj, dict):
        new_map = {_clean(k): _clean(v) for k, v in obj.items()}
        if any(a is not b for a, b in zip(new_map.values(), obj.values())) or list(new_map) != list(obj):
            return new_map
        return obj
    return obj


def safe_report(report: Report) -> Report:
    """A copy of `report` fit to be shown: every control character and
    bidi override of every string replaced one for one (offsets still
    hold), the source path escaped onto one line. The report itself when
    it was clean."""
    out = _clean(report)
    source = report.document.source
    if source and one_line(source) != source:
        # the title falls back on the file name: take it from the real name, then escape both
        title = one_line(sp.title(report))
        doc = out.document.model_copy(update={"source": one_line(source), "title": title})
        out = out.model_copy(update={"document": doc})
    return out
