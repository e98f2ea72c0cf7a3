"""`verifier review` (placeholder until the review-session work lands)."""

from __future__ import annotations

from pathlib import Path

import typer


def review(path: Path = typer.Argument(..., help="An article, a saved Report (.json) or a directory.")) -> None:
    """Review claims one by one in the terminal."""
    from verifier.errors import VerifierError

    raise VerifierError("review is not implemented yet")
