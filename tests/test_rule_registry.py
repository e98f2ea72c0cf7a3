"""Every frame rule has an id, a statement and an example (verifier/attribution/rules.py);
the example, run through the engine, is attributed by that rule, and the verdict's
first reason names it."""

import re

import pytest

from verifier import attribute
from verifier.attribution.engine import Checker
from verifier.attribution.rules import BY_ID, RULES
from verifier.document import Document


def _example(rule):
    m = re.search(r"\[(.+?)\]", rule.example, re.S)
    text = rule.example[:m.start()] + m.group(1) + rule.example[m.end():]
    return text, m.start(), m.start() + len(m.group(1))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_attributes_its_example(rule):
    text, a, b = _example(rule)
    v = attribute(text, [(a, b)])[0]
    assert v.label == "attributed", (rule.id, v.reasons)
    assert v.reasons[0].startswith(f"[{rule.id}] "), (rule.id, v.reasons)


def test_every_frame_names_a_registered_rule():
    text = " ".join(_example(r)[0] for r in RULES)
    made = {f.rule for f in Checker(Document(text=text)).frames()}
    assert made and made <= set(BY_ID)


def test_rule_ids_are_unique_and_scoped():
    assert len(BY_ID) == len(RULES)
    assert {r.scope for r in RULES} == {"cue", "sentence", "document"}
