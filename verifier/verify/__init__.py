"""Verification of an article's attributed claims against the speakers'
own documents (issue 13). `verify(report_or_text, sources)` is the API; the
modules, one job each: sources (documents, turns, passages), retrieve
(bm25s + rapidfuzz), quantities, facts, quotes (direct), paraphrase
(indirect), compare (dispatch), asserted, judge (optional model), eval.
Nothing here imports openai or instructor until the judge calls a model."""

from __future__ import annotations

from verifier.verify.run import verify

__all__ = ["verify"]
