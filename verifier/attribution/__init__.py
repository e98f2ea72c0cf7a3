"""The attribution engine: deterministic labels for spans of a document.

    attribute(text, spans) -> list[Verdict]
    Checker(document).check(start, end) -> Verdict; .frames() -> list[Frame]

engine.py holds the Checker (the Analysis of one document and the verdicts);
each kind of rule is a module of its own, mixed into it: names, quotes,
sentence (one sentence's frames and their bounds), cues (according to,
hedges, adjectives, nouns), verbs, finite, participles, subjects, speakers.
The word lists are data: data/lexicon.toml, loaded by lexicon.py.
"""

from verifier.attribution.common import Frame
from verifier.attribution.engine import Checker, attribute
from verifier.attribution.lexicon import LexiconError

__all__ = ["Checker", "Frame", "LexiconError", "attribute"]
