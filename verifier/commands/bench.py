"""`verifier bench-attribution` (placeholder until the checker bench lands)."""

from __future__ import annotations


def bench_attribution() -> None:
    """Score the checker on a brat-annotated attribution corpus."""
    from verifier.errors import VerifierError

    raise VerifierError("bench-attribution is not implemented yet")
