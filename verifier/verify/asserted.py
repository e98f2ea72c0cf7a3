"""Asserted claims: the outlet's own, listed as needing independent
sourcing; one that builds on an attributed claim (repeats its figure, or
quotes its words: "Russia's ability to secure $15 billion demonstrates
...") is linked to that claim. Linear in claims times their figures."""

from __future__ import annotations

import re

from verifier.schemas import AssertedNote, Claim
from verifier.verify.quantities import quantities, same_unit
from verifier.verify.text import words

_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def asserted_notes(claims: list[Claim]) -> list[AssertedNote]:
    attributed = [c for c in claims if c.label == "attributed"]
    figures = {c.id: quantities(c.evidence.text) for c in attributed}
    out = []
    for c in claims:
        if c.label != "asserted":
            continue
        leans, reasons = [], []
        for q in quantities(c.evidence.text):
            for a in attributed:
                if a.id not in leans and any(same_unit(q, f) and q.value == f.value for f in figures[a.id]):
                    leans.append(a.id)
                    reasons.append(f"'{q.text}' is {a.speaker or 'a source'}'s figure ({a.id})")
        for frag in _QUOTED.findall(c.evidence.text):
            ws = " ".join(words(frag))
            for a in attributed:
                if ws and a.id not in leans and ws in " ".join(words(a.evidence.text)):
                    leans.append(a.id)
                    reasons.append(f"'{frag}' quotes {a.speaker or 'a source'} ({a.id})")
        out.append(AssertedNote(claim_id=c.id, leans_on=leans, reasons=reasons))
    return out
