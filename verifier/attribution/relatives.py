"""The subject a finite verb takes when it is no plain noun phrase before it: the antecedent
of a relative pronoun ("critics who say", "the study -- which notes"), and a past form that
is a participle after its noun rather than a verb ("a rally called by the union")."""

from __future__ import annotations

from verifier.attribution.lexicon import AUXILIARIES, BE_FORMS, PERSON_PRONOUNS, PREPOSITIONS, strong_past
from verifier.attribution.common import Tok, _CALENDAR, _IRREGULAR_PAST, _QUOTES, _base


class RelativeRules:
    """Mixed into verifier.attribution.finite.FiniteRules (and so the Checker)."""

    def _modifies_noun_before(self, k: int, aux_start: int, s_start: int, s_end: int, b: int, cls: str) -> bool:
        """Is the past form toks[k] a participle after its noun rather than a finite verb: a
        preposition follows it, and the subject read back holds a verb with an object of
        its own ('He attended a rally called by the union', 'Trump spoke in a part of the
        debate focused on race', 'remarks viewed by some as ...'): the words before it are a
        clause, not its subject. A state of mind with no agent still belongs to its noun ('the
        only ones worried about the cost')."""
        t = self.toks[k]
        if aux_start != k or k + 1 >= b or self.toks[k + 1].low not in PREPOSITIONS or not (
                t.low.endswith("ed") or t.low in _IRREGULAR_PAST or strong_past(t.low)) \
                or _base(self.toks[k - 1].low) in PERSON_PRONOUNS or self.toks[k - 1].low in ("who", "which", "that"):
            return False  # "who he accused of ...": a pronoun before it is its subject
        if cls == "thought" and self.toks[k + 1].low != "by":
            return False  # "the only ones worried about the cost": their state of mind
        if any(not x.word or x.low in ("who", "which", "that") for x in self.toks[s_start:s_end]):
            return False  # "The mayor, who opened a school, warned of": an aside, then the verb
        return any(self._verb_with_object(m, b) for m in range(s_start + 1, s_end - 1))

    def _relative_antecedent(self, k: int, a: int, b: int, s_start: int, s_end: int,
                             relative: Tok) -> tuple[int, int, int | None] | None:
        """A subject ending in a relative pronoun ("critics who say ...", "Harvey, who
        said"): the span of the noun phrase before it and, after a comma (", who say
        ...,"), the offset of the comma ending the relative clause; None if there is none."""
        r = self.toks.index(relative, s_start, s_end)
        mark = self.toks[r - 1].text if r - 1 >= a else ""
        if mark in ("—", "–", "--") and any(self.toks[x].text == mark for x in range(a, r - 1)):
            return None  # "admirals -- most of whom had ... -- who cited": the dash closes an aside
        e = r - 1 if mark in (",", "—", "–", "--") else r  # "Harvey, who said", "the study -- which notes"
        m = self._noun_phrase_start(e, a)
        if m >= a and self.toks[m].low in PREPOSITIONS and all(
                self.toks[x].low in _CALENDAR or self.toks[x].text.isdigit() for x in range(m + 1, e)):
            e = m  # "the one published by the ministry in September, which said": not September
            m = self._noun_phrase_start(e, a)
        if e <= m + 1:
            return None
        rel_limit = None
        if e < r:  # ", who say ...,": the relative clause ends at the next comma (or dash)
            nxt_comma = next((x for x in range(k + 1, b) if self.toks[x].text == mark
                              and x + 1 < b and self.toks[x + 1].text not in _QUOTES), None)
            if nxt_comma is not None:
                rel_limit = self.toks[nxt_comma].start
        return m + 1, e, rel_limit

    def _noun_phrase_start(self, e: int, a: int) -> int:
        """Reading back from toks[e - 1], the index just before the noun phrase ending there."""
        m = e - 1
        while m >= a and (self.toks[m].word or self.toks[m].text in ".-'’") and \
                self.toks[m].low not in PREPOSITIONS and self.toks[m].low not in ("to", "or", "said", "says") \
                and not (self.toks[m].low in BE_FORMS or self.toks[m].low in AUXILIARIES):
            if self.toks[m].low in ("the", "a", "an") and m < e - 1:
                return m - 1  # "contradicts [the company's first account], which said": the noun phrase opens here
            m -= 1
        return m
