"""The lexicon is data (verifier/attribution/data/lexicon.toml): validated at
load, verbs inflected by lemminflect, never by hand rules."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from verifier.attribution import lexicon
from verifier.attribution.lexicon import LexiconError, validate


def raw() -> dict:
    return tomllib.loads(files("verifier.attribution").joinpath("data/lexicon.toml").read_text(encoding="utf-8"))


def test_the_shipped_lexicon_is_valid_and_complete():
    checked = validate(raw())
    assert all(checked[k] for k in checked if k != "phrasal_cues")


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("hedges"), "missing keys ['hedges']"),
    (lambda d: d.__setitem__("hedgez", ["reportedly"]), "unknown keys ['hedgez']"),
    (lambda d: d["hedges"].append("reportedly"), "'hedges' lists 'reportedly' twice"),
    (lambda d: d["hedges"].append("Allegedly"), "'hedges' holds 'Allegedly'"),
    (lambda d: d.__setitem__("hedges", []), "'hedges' must be a non-empty list"),
])
def test_a_malformed_lexicon_is_refused_with_the_list_named(change, message):
    d = raw()
    change(d)
    with pytest.raises(LexiconError, match=message.replace("[", r"\[").replace("]", r"\]")):
        validate(d)


@pytest.mark.parametrize("lemma, forms", [
    ("agree", {"agree", "agrees", "agreed", "agreeing"}),
    ("guarantee", {"guaranteed", "guaranteeing"}),
    ("signal", {"signalled", "signaled", "signalling"}),
    ("say", {"said", "says", "saying"}),
    ("point_out", {"points out", "pointed out", "pointing out"}),
])
def test_verbs_are_inflected_by_lemminflect(lemma, forms):
    assert forms <= set(lexicon.verb_forms(lemma))


def test_a_lemma_is_its_own_base_form():
    # 'lay' is also the past of 'lie': as a listed lemma it stays 'lay' ("lay out a plan")
    assert lexicon.PHRASAL_FORMS["lay"] == "lay"
    assert lexicon.cue_verb("agreeing") == ("agree", "speech")
    assert lexicon.cue_verb("reckoned") == ("reckon", "thought")
