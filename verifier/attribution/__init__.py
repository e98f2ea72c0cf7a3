"""The attribution engine: deterministic labels for spans of a document.

    attribute(text, spans, parser=None) -> list[Verdict]
    Checker(document, parser=None).check(start, end) -> Verdict; .frames() -> list[Frame]

parsing.py is the parser interface (tokens and, from a tagging backend,
parts of speech; the heuristic default gives tokens only). engine.py holds
the Checker (the Analysis of one document and the verdicts); each kind of rule is a module of its own, mixed into it: names, quotes,
sentence (one sentence's frames and their bounds), cues (according to,
hedges, adjectives, nouns), verbs, finite, participles, documents (a document's
participle and its issuer), subjects, speakers.
The word lists are data: data/lexicon.toml, loaded by lexicon.py.
"""

from verifier.attribution.common import Frame
from verifier.attribution.engine import Checker, attribute
from verifier.attribution.lexicon import LexiconError
from verifier.attribution.parsing import HeuristicParser, Parsed, Parser, align_tags

__all__ = ["Checker", "Frame", "HeuristicParser", "LexiconError", "Parsed", "Parser", "align_tags", "attribute"]
