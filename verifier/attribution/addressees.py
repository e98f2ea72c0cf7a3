"""The addressee after a reporting verb ("told reporters that ...", "urged supporters
to ...") and the titles that follow a venue ("said on NBC's “Today” that ..."): where the
reported content starts, or that there is none ("told the story")."""

from __future__ import annotations

from verifier.attribution.lexicon import ADDRESSEE_VERBS, AUXILIARIES, DETERMINERS, PERSON_NOUNS, PREPOSITIONS, WH_WORDS
from verifier.attribution.common import _AUDIENCE, _CLOSE_Q, _OPEN_Q, _STRAIGHT_Q, _TIME_WORDS, _finite, _strip_poss

_ADDRESSEE_DETS = ("the", "a", "an", "his", "her", "their", "our", "my", "your")


class AddresseeRules:
    """Mixed into verifier.attribution.participles.ParticipleRules (and so the Checker)."""

    def _post_addressee(self, j: int, b: int, lemma: str) -> tuple[str, int] | None:
        """The addressee of 'tell', 'urge', ... ("told reporters", "urged supporters
        to ..."): what follows it; 'told the story' with no addressee reports nothing."""
        t = self.toks[j]
        if lemma in ADDRESSEE_VERBS and self._addressee_then_own_verb(j, b):
            return "end", b  # "has notified the authority and plans to write ...": only whom, nothing said
        if lemma == "tell" and t.low in DETERMINERS and t.low != "that" and j + 1 < b and not (
                self.toks[j + 1].cap or _strip_poss(self.toks[j + 1].low) in PERSON_NOUNS
                or self.toks[j + 1].low in _AUDIENCE or t.low == "her" and self._finite_clause_at(j + 1, b)):
            return "end", b  # "told the story": no report without an addressee
        if lemma in ADDRESSEE_VERBS and (t.low in ("him", "her", "them", "us", "me", "reporters", "supporters")
                                         or t.cap or t.low in _AUDIENCE or t.low in _ADDRESSEE_DETS):
            n = j + 1
            if t.low in _ADDRESSEE_DETS:  # "told the crowd", "tells his supporters"
                while n < b and n - j < 4 and self.toks[n].word and (self.toks[n].cap or self.toks[n].low in _AUDIENCE
                                                                     or _strip_poss(self.toks[n].low) in PERSON_NOUNS):
                    n += 1
                if n == j + 1 and t.low not in ("him", "her", "them", "us", "me") and self._clause_not_addressee(j, b):
                    return None  # "warned the dam could fail": no one addressed, the clause opens here
            while n < b and (self.toks[n].cap and self.toks[n].word or self.toks[n].text in "’'s" and n > j
                             or self._quoted_title_after(n, b)):
                n = self._quoted_title_after(n, b) or n + 1  # "told NBC's “Today”": the addressee's title
            if n >= b or self.toks[n].text in ",.;":
                return "adverbial", n
            if self.toks[n].low == "that":
                return "that", n
            if self.toks[n].low == "to" and lemma not in ("tell", "say"):
                return "clause", j  # "urged supporters to monitor ...": the addressee is part of it
            if self.toks[n].low in PREPOSITIONS and lemma != "tell":
                return "end", b  # "advising the campaign on policy": no reported content
            to = self._infinitive_after_adverbial(n, b) if lemma == "tell" else None
            if to is not None:
                return "clause", to  # "tells his supporters at a rally to stay home": the infinitive
            if lemma == "tell" and (self.toks[n].low in PREPOSITIONS or self.toks[n].low in _TIME_WORDS) \
                    and not any(self.toks[x].low == "that" for x in range(n, b)) \
                    and not self._has_finite_verb(n - 1, b):
                return "adverbial", b  # "..., Graham told The Huffington Post on Thursday."
            return "clause", n
        return None

    def _clause_not_addressee(self, j: int, b: int) -> bool:
        """Does a clause open at the determiner toks[j] ('the dam could fail'), rather than an
        addressee before a question ('our followers what they thought') or a clause ('the
        court the law was void'), or an object with a participle ('the speech delivered by')?"""
        if not self._finite_clause_at(j, b):
            return False
        verb = next(x for x in range(j + 1, min(b, j + 8)) if _finite(self.toks[x]))
        return not any(self.toks[x].low in WH_WORDS or self.toks[x].low in DETERMINERS for x in range(j + 1, verb)) \
            and not (
            self.toks[verb].low.endswith("ed") and verb + 1 < b and self.toks[verb + 1].low == "by")

    def _addressee_then_own_verb(self, j: int, b: int) -> bool:
        """A noun phrase at toks[j] (a determiner, up to four lower-case words) and then
        'and'/'but' with a verb of the subject's own ('notified the authority and plans
        to ...', 'warned the council but kept ...'): the verb told someone, nothing more."""
        n = j + 1 if self.toks[j].low in DETERMINERS else j
        start = n
        while n < b and n - start < 4 and self.toks[n].word and not self.toks[n].cap and not _finite(self.toks[n]) \
                and self.toks[n].low not in ("and", "but", "that", "to") and self.toks[n].low not in PREPOSITIONS:
            n += 1
        if n == start or n + 1 >= b or self.toks[n].low not in ("and", "but"):
            return False
        v = self.toks[n + 1]
        after = self.toks[n + 2].low if n + 2 < b else ""
        verb = _finite(v) or v.low.endswith("s") and (after == "to" or after in DETERMINERS)  # "and plans to"
        return verb and not v.cap and v.low not in AUXILIARIES

    def _infinitive_after_adverbial(self, n: int, b: int) -> int | None:
        """A short prepositional or time phrase at toks[n] and then an infinitive ('at a
        rally to stay home', 'on Monday to vote'): the index of 'to', else None."""
        if not (n < b and (self.toks[n].low in PREPOSITIONS or self.toks[n].low in _TIME_WORDS)):
            return None
        for x in range(n + 1, min(b - 1, n + 7)):
            t = self.toks[x]
            if not t.word or t.low in ("that", "who", "which") or _finite(t):
                return None
            if t.low == "to" and self.toks[x + 1].word and not self.toks[x + 1].cap \
                    and self.toks[x + 1].low not in DETERMINERS and not self.toks[x + 1].text[0].isdigit():
                return x
        return None

    def _quoted_title_after(self, i: int, b: int) -> int | None:
        """A title in quotation marks after a possessive name (NBC's “Today”, CNN's
        “State of the Union.”): a program or publication, not the source's words. The
        index after its closing mark, else None."""
        if not (0 < i < b and self.toks[i].text in (_OPEN_Q | _STRAIGHT_Q) and self.toks[i - 1].cap
                and self.toks[i - 1].low.endswith(("'s", "’s"))):
            return None
        m = i + 1
        while m < b and m - i <= 8 and (self.toks[m].cap and self.toks[m].word or self.toks[m].low in (
                "of", "the", "and", "a", "to", "in", "on", "for", "with")):
            m += 1
        if m < b and self.toks[m].text in ".,!?" and m + 1 < b:
            m += 1  # the period of the sentence inside the closing mark
        if m == i + 1 or m >= b or self.toks[m].text not in (_CLOSE_Q | _STRAIGHT_Q):
            return None
        return m + 1
