"""`verifier recordings` (placeholder until the model layer lands)."""

from __future__ import annotations


def recordings() -> None:
    """List stale and orphaned recordings."""
    from verifier.errors import VerifierError

    raise VerifierError("recordings is not implemented yet")
