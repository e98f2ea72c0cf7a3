"""Retrieval: for a claim, the passages of the sources that could carry it.

BM25 (bm25s, a sparse-matrix implementation) over stemmed content words
ranks every allowed passage; the best CANDIDATES are re-ranked with
rapidfuzz's partial ratio (on the query's first FUZZY_CHARS characters), which rewards near-verbatim text (a quotation
with a word changed). Building the index is linear in the sources; each
query is one sparse row product plus CANDIDATES fuzzy comparisons, each
bounded by MAX_QUERY_CHARS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from verifier.verify.sources import Passage
from verifier.verify.text import content_terms, fold

CANDIDATES = 20
MAX_QUERY_CHARS = 2_000
FUZZY_WEIGHT = 0.5
FUZZY_CHARS = 300  # the query's first characters compared fuzzily (partial_ratio is O(n*m))
FUZZY_PASSAGE_CHARS = 2_000


@dataclass(frozen=True)
class Hit:
    passage: int
    score: float
    bm25: float
    fuzzy: float


class Index:
    def __init__(self, passages: list[Passage]):
        import bm25s

        self.passages = passages
        self._folded = [fold(p.text).lower() for p in passages]
        self._source = np.array([p.source for p in passages], dtype=np.int32)
        corpus = [content_terms(p.text) or ["\u2205"] for p in passages]
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)
        self._vocab = self.bm25.vocab_dict

    def search(self, query: str, allowed: set[int] | None = None, k: int = 3) -> list[Hit]:
        """The k best passages for `query` among sources `allowed` (None: all)."""
        from rapidfuzz import fuzz

        if not self.passages:
            return []
        query = query[:MAX_QUERY_CHARS]
        terms = [t for t in content_terms(query) if t in self._vocab]
        mask = None if allowed is None else np.isin(self._source, list(allowed)).astype(np.float32)
        if terms:
            scores = np.asarray(self.bm25.get_scores(terms, weight_mask=mask), dtype=np.float64)
        else:
            scores = np.zeros(len(self.passages))
        if mask is not None:
            scores = np.where(mask > 0, scores, -1.0)
        n = min(CANDIDATES, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        best = max(float(scores[top].max()), 1e-9)
        q = fold(query).lower()[:FUZZY_CHARS]
        hits = []
        for i in top:
            if scores[i] < 0:
                continue
            text = self._folded[i][:FUZZY_PASSAGE_CHARS]
            fz = fuzz.partial_ratio(q, text) / 100.0 if len(q) <= len(text) * 3 else \
                fuzz.token_set_ratio(q, text) / 100.0
            b = max(float(scores[i]), 0.0) / best
            hits.append(Hit(int(i), (1 - FUZZY_WEIGHT) * b + FUZZY_WEIGHT * fz, b, fz))
        hits.sort(key=lambda h: (-h.score, h.passage))
        return hits[:k]
