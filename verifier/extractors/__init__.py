"""Extractors turn a Document into draft claims. Both return `Extraction`."""

from verifier.extractors.base import Extraction, Extractor

__all__ = ["Extraction", "Extractor"]
