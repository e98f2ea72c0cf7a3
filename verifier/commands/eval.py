"""`verifier eval` (placeholder until the eval harness lands)."""

from __future__ import annotations

import typer


def eval_() -> None:
    """Score the pipeline against hand-labeled fixtures."""
    from verifier.errors import VerifierError

    raise VerifierError("eval is not implemented yet")
