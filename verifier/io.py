"""Small file helpers shared by the commands. The writer itself lives in
verifier/output.py (one set of rules for every file verifier writes)."""

from __future__ import annotations

from verifier.output import atomic_write, write_output

__all__ = ["atomic_write", "write_output"]
