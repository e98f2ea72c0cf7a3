"""Batches: many articles checked concurrently, streamed to a JSONL file,
resumable by content hash. See inputs (discovery), store (results),
runner (concurrency) and progress (the display)."""

from verifier.batch.inputs import Inputs, Item, is_batch
from verifier.batch.runner import BatchRunner, BatchSummary
from verifier.batch.store import ResultStore, latest_results, read_results

__all__ = ["Inputs", "Item", "is_batch", "BatchRunner", "BatchSummary", "ResultStore", "latest_results", "read_results"]
