"""The parser interface (verifier/attribution/parsing.py): the engine runs on the
tokens a parser gives and lets a parser's part-of-speech tags decide a cue
word's class; the heuristic default gives no tags and changes nothing.

The tagging parser here is a real Parser: it keeps the engine's tokens and maps
its own pieces onto them with align_tags, as a statistical backend would; its
tags come from a table instead of a model so that each case says exactly which
tag decides it."""

from __future__ import annotations

import re

import pytest

from verifier import attribute as public_attribute
from verifier.attribution import Checker, attribute
from verifier.attribution.parsing import DEFAULT_PARSER, HeuristicParser, Parsed, align_tags, tokenize
from verifier.document import Document


class TableTagger:
    """Tags words from a table, by its own whitespace-and-punctuation tokenizer."""

    name = "table"

    def __init__(self, table: dict[str, str]):
        self.table = table

    def parse(self, text: str) -> Parsed:
        tokens = tokenize(text)
        pieces = [(m.start(), m.end(), self.table.get(m.group(0).lower(), "X"))
                  for m in re.finditer(r"[A-Za-z]+|n't|\S", text)]
        return Parsed(tokens, align_tags(tokens, pieces))


def label(text: str, parser=None) -> tuple[str, str | None]:
    v = attribute(text, [(0, len(text))], parser=parser)[0]
    return v.label, v.cue


# a plural noun of people that is also a verb form, read as a verb by the context tests
NOUN_READINGS = [
    ("The show gave airtime to prominent vaccine advocates and their discredited theories.", "advocates"),
    ("The council heard from housing advocates and several angry landlords on Monday.", "advocates"),
    ("Several housing advocates quit the board in protest.", "advocates"),
]


@pytest.mark.parametrize("text,word", NOUN_READINGS)
def test_a_noun_tag_keeps_a_cue_word_from_being_a_verb(text, word):
    assert label(text, TableTagger({word: "NOUN"}))[0] == "asserted"


@pytest.mark.parametrize("text,word", NOUN_READINGS)
def test_without_tags_the_context_tests_read_those_nouns_as_verbs(text, word):
    # what the tag changes (a known limit of the heuristic default)
    assert label(text) == ("attributed", word)


# a verb the context tests take for a noun: 'states' without 'that', 'protest', 'claim'
VERB_READINGS = [
    ("The report states the mill will close in June.", "states"),
    ("Fishermen protest that the quota is too small.", "protest"),
    ("Managers at the depot claim the buses are safe.", "claim"),
]


@pytest.mark.parametrize("text,word", VERB_READINGS)
def test_a_verb_tag_makes_a_cue_word_a_verb(text, word):
    assert label(text) == ("asserted", None)
    got, cue = label(text, TableTagger({word: "VERB"}))
    assert (got, cue) == ("attributed", word)


def test_a_noun_tag_on_a_view_noun_keeps_its_nominal_frame():
    text = "Her claim that the bridge was unsafe was rejected."
    assert label(text, TableTagger({"claim": "NOUN"})) == label(text) == ("attributed", "claim that")


def test_the_default_parser_gives_tokens_and_no_tags():
    parsed = DEFAULT_PARSER.parse("Officials said the port\u00a0reopened.")
    assert parsed.tags is None
    assert [t.text for t in parsed.tokens] == ["Officials", "said", "the", "port", "reopened", "."]
    assert isinstance(Checker(Document(text="x")).parser, HeuristicParser)


def test_the_public_attribute_is_unchanged_and_takes_a_parser():
    text = "The report states the mill will close in June."
    spans = [(0, len(text))]
    assert public_attribute(text, spans) == attribute(text, spans, parser=HeuristicParser())
    assert public_attribute(text, spans, parser=TableTagger({"states": "VERB"}))[0].label == "attributed"


def test_align_tags_maps_other_tokenizations_by_offset():
    text = "She didn't say it, Ruiz said."
    tokens = tokenize(text)
    # another tokenizer's pieces: "didn't" in two, and none for ',', 'said' or '.'
    pieces = [(0, 3, "PRON"), (4, 7, "AUX"), (7, 10, "PART"), (11, 14, "VERB"), (15, 17, "PRON"), (19, 23, "PROPN")]
    tags = dict(zip((t.text for t in tokens), align_tags(tokens, pieces)))
    assert tags["She"] == "PRON"
    assert tags["didn't"] == "AUX"  # one engine token over two pieces: the first piece's tag
    assert tags["say"] == "VERB"
    assert tags[","] is None and tags["said"] is None


def test_a_parser_answer_that_does_not_fit_is_refused():
    tokens = tokenize("Officials said so.")
    with pytest.raises(ValueError, match="3 tags for 4 tokens"):
        Parsed(tokens, ("NOUN", "VERB", "ADV"))
    with pytest.raises(ValueError, match="not a Universal POS tag"):
        Parsed(tokens, ("NNS", "VBD", "RB", "."))
