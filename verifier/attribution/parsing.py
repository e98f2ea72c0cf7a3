"""The parser interface: what the engine asks of a tokenizer and a tagger.

    Parser.parse(text) -> Parsed(tokens, tags)

The engine builds its Analysis on the tokens a parser gives (offsets into the
text) and, where the parser tags words, on their part of speech (the
Universal POS tags: NOUN, VERB, ADJ ...). The rules read a word's class
through the Analysis (`Checker._tag(k)`): a tag the parser gave decides
whether a cue word is a verb, a noun or an adjective there; where it gave
none, the rules' own context tests decide (verbs.py: "the report", "a
racially charged argument", "Health worries have ...").

`HeuristicParser` is the default and the fast path: the tokenizer below and
no tags, so every word class comes from those context tests. Another
backend (a statistical tagger) plugs in as any object with a `name` and a
`parse` method: `Checker(document, parser=...)` or
`attribute(text, spans, parser=...)`. Such a backend keeps the engine's
tokens (call `tokenize`) and maps its own tags onto them with `align_tags`,
so that every rule sees the same tokens whichever parser runs; it is
adopted as a default only where it is measured to win (DEVELOPERS.md).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

from verifier.attribution.common import _TOKEN, Tok
from verifier.attribution.normalize import analysis_text, latin_reading

# the Universal POS tags (universaldependencies.org/u/pos)
UPOS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
                  "PUNCT", "SCONJ", "SYM", "VERB", "X"})
# a cue word tagged one of these is not a verb there ("prominent advocates", "his claims")
NOT_A_VERB = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET", "PRON", "ADP"})
VERBAL = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Parsed:
    """A parser's reading of one text: its tokens in order and, when it tags, one
    UPOS tag (or None: untagged) per token."""

    tokens: list[Tok]
    tags: tuple[str | None, ...] | None = None

    def __post_init__(self) -> None:
        if self.tags is None:
            return
        if len(self.tags) != len(self.tokens):
            raise ValueError(f"the parser gave {len(self.tags)} tags for {len(self.tokens)} tokens")
        bad = next((t for t in self.tags if t is not None and t not in UPOS), None)
        if bad is not None:
            raise ValueError(f"the parser gave {bad!r:.20}, not a Universal POS tag")


class Parser(Protocol):
    name: str

    def parse(self, text: str) -> Parsed: ...


class HeuristicParser:
    """The default: the engine's own tokenizer, no tags (the rules' context tests
    decide every word class). Linear in the text."""

    name = "heuristic"

    def parse(self, text: str) -> Parsed:
        return Parsed(tokenize(text))


DEFAULT_PARSER = HeuristicParser()


def tokenize(text: str) -> list[Tok]:
    """Tokens of the text as a reader sees it (normalize.py), with offsets into `text`;
    the strings of a word type are shared by all its tokens (a document has far fewer
    types than tokens, so memory follows the vocabulary)."""
    seen, offsets = analysis_text(text)
    types: dict[str, tuple[str, str, bool, bool]] = {}
    toks = []
    for m in _TOKEN.finditer(seen):
        w = m.group(0)
        t = types.get(w)
        if t is None:
            r = latin_reading(w)
            t = types[w] = (r, r.lower(), r[0].isalnum() or r[0] == "_", r[0].isupper())
        a, b = m.span()
        if offsets is not None:
            x, y = offsets[a], offsets[b - 1]  # y < x inside a right-to-left override
            a, b = min(x, y), max(x, y) + 1
        toks.append(Tok(a, b - a, *t))
    return toks


def align_tags(tokens: Sequence[Tok], tagged: Iterable[tuple[int, int, str]]) -> tuple[str | None, ...]:
    """One tag per engine token from another tokenizer's (start, end, tag) triples,
    given in text order: a token takes the tag of the tagged piece its first
    character falls in ("didn't" tagged as "did" + "n't" takes AUX), None where no
    piece covers it. Linear: one bisection per token over the pieces' starts."""
    pieces = sorted(tagged)
    starts = [p[0] for p in pieces]
    out: list[str | None] = []
    for t in tokens:
        i = bisect.bisect_right(starts, t.start) - 1
        out.append(pieces[i][2] if i >= 0 and t.start < pieces[i][1] else None)
    return tuple(out)
