"""The attribution engine: deterministic labels for spans of a document.

    attribute(text, spans) -> list[Verdict]
    Checker(document).check(start, end) -> Verdict; .frames() -> list[Frame]
"""

from verifier.attribution.lexicon import LexiconError

__all__ = ["Checker", "Frame", "LexiconError", "attribute"]


def __getattr__(name: str):
    if name in ("Checker", "Frame", "attribute"):
        from verifier import checker

        return getattr(checker, name)
    raise AttributeError(name)
