"""A document's participle: '911 calls saying shots had been fired', 'a letter to members
urging ...', 'The council issued a statement calling ...': what the document says, and whose
document it is (its issuer, or the owner a possessive names)."""

from __future__ import annotations

from verifier.attribution.lexicon import AUXILIARIES, BE_FORMS, DETERMINERS, DOCUMENT_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS, PREPOSITIONS, WEAK_OBJECT, can_be_noun, cue_verb
from verifier.attribution.common import Frame, Tok, _CALENDAR, _ISSUING_VERBS, _PARTITIVES, _finite, _strip_poss

_POSSESSIVE_OWNER = {"his": "his", "her": "her", "their": "their", "its": "its"}  # as _resolve_pronoun takes them


class DocumentRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _reduced_relative(self, j: int, a: int, t: Tok, lemma: str, cls: str, post_kind: str,
                          ck: int) -> Frame | None:
        """'911 calls saying shots had been fired', 'emails showing that ...': a speech or
        evidence participle right after a document or a person is what that source says;
        after any other noun ('a couple claiming allegiance') it is the reporter's description.
        A short time or prepositional phrase may part them ('tweets early Friday saying')."""
        j = self._noun_before_modifier(j, a)
        noun = self.toks[j]
        low = _strip_poss(noun.low)
        if cls not in ("speech", "evidence", "object") or post_kind not in ("that", "clause", "quote", "colon") \
                or not self._document_noun(noun) \
                or cls == "object" and (low in PERSON_NOUNS or lemma in WEAK_OBJECT):
            return None  # "a statement condemning the test" is the statement's; "a rule limiting" is not
        m = j
        while m - 1 >= a and self.toks[m - 1].word and (self.toks[m - 1].low not in PREPOSITIONS or (
                self.toks[m - 1].low == "of" and m - 2 >= a and self.toks[m - 2].low in _PARTITIVES)) \
                and self.toks[m - 1].low not in AUXILIARIES and self.toks[m - 1].low not in BE_FORMS \
                and self.toks[m - 1].low not in ("out", "up") and cue_verb(self.toks[m - 1].low) is None \
                and not _finite(self.toks[m - 1]) and j - m < 5:
            m -= 1
        speaker = self._speaker_from(m, j + 1)
        reason = f"'{noun.text} {t.text}': what the {noun.text} says; the content follows"
        owner = _POSSESSIVE_OWNER.get(self.toks[m].low) if m < j and self.toks[m + 1].low not in DETERMINERS else None
        issuer, left = self._issuer(m, a) if owner is None else (self._owner(owner, m, a), m)
        if issuer:
            # "The council issued a statement calling ...", "his memo explaining ...": the document is theirs
            speaker = issuer
            reason = f"'{noun.text} {t.text}': what {issuer}'s {noun.text} says; the content follows"
        return Frame(kind="verb", rule="reduced-relative", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                     source=(self.toks[m].start, noun.end), reasons=(reason,), right=self.toks[ck].start,
                     left_edge=self.toks[left if issuer else m].start, right_edge=t.end)

    def _owner(self, pronoun: str, m: int, a: int) -> str | None:
        """Whom the possessive at toks[m] names: the subject of the verb right before it ('The
        coach defended [his] remarks'); else the person named earlier in the same sentence ('As
        the chief executive, Jeff Weiner, put it in [his] memo'); else the pronoun's referent
        across sentences."""
        if m - 1 >= a and _finite(self.toks[m - 1]):
            s_start, s_end, _ = self._subject_span(m - 1, a)  # 'The coach defended [his] remarks'
            subject = self._speaker_from(s_start, s_end) if s_end > s_start else None
            if subject:
                return subject
        if pronoun in ("his", "her"):
            want = "m" if pronoun == "his" else "f"
            for x, y in reversed(self._name_runs(a, m)):
                sex = self._gender(x, y)
                if sex == want or sex is None and y - x >= 2:  # 'Mr. Trump', 'Jeff Weiner'; not 'Apple'
                    return self._speaker_from(x, y)
        return self._resolve_pronoun(pronoun, self.toks[m].start)

    def _issuer(self, m: int, a: int) -> tuple[str | None, int]:
        """Who issued the document whose noun phrase starts at toks[m], and where that subject
        starts: the subject of a verb of making it public right before ('The council issued',
        'he wrote', 'the union sent'); (None, m) after any other verb ('police found a note',
        'she received a letter')."""
        k = m - 1
        while k >= a and m - k < 4 and self.toks[k].word and self.toks[k].low not in _ISSUING_VERBS \
                and self.toks[k].low not in ("out", "up") and self.toks[k].low not in PREPOSITIONS \
                and not _finite(self.toks[k]):
            k -= 1  # 'sent a [text message]': the noun phrase's modifiers
        if k > a and self.toks[k].low in ("out", "up") and (
                self.toks[k - 1].low in _ISSUING_VERBS or f"{self.toks[k - 1].low} {self.toks[k].low}" in _ISSUING_VERBS):
            k -= 1  # 'sent out a text message', 'put out a statement'
        if k < a or self.toks[k].low not in _ISSUING_VERBS and f"{self.toks[k].low} {self.toks[k + 1].low}" not in _ISSUING_VERBS:
            return None, m
        s_start, s_end, _ = self._subject_span(k, a)
        issuer = self._speaker_from(s_start, s_end) if s_end > s_start else None
        return issuer, s_start if issuer else m

    def _noun_before_modifier(self, j: int, a: int) -> int:
        """'a letter to members saying ...', 'a series of tweets early Friday saying ...': the
        document noun a short phrase after it (opening with a preposition or a time word, no
        verb, no comma) parts from the participle at toks[j + 1]; else j itself."""
        if self._document_noun(self.toks[j]):
            return j
        for m in range(j - 1, max(a - 1, j - 5), -1):
            tm, opener = self.toks[m], self.toks[m + 1]
            if not tm.word:
                return j
            timed = opener.low in _CALENDAR or opener.low in ("early", "late", "last", "this", "earlier", "yesterday",
                                                             "today")  # 'a statement [Wednesday]', '[this week]'
            placed = m + 1 < j and (opener.low in PREPOSITIONS and opener.low != "to"
                                    or opener.low == "to" and self._noun_after(m + 2, j))
            if m > a and self.toks[m - 1].low not in PERSON_PRONOUNS and self._document_noun(tm) and (timed or placed):
                return m  # not 'tweet by calling' (no object), 'platform to continue speaking' (a verb)
            if _finite(tm) or cue_verb(tm.low) is not None:
                return j
        return j

    def _noun_after(self, i: int, j: int) -> bool:
        """toks[i] (i <= j) opens a noun phrase: a determiner, a name or a word that can be a
        noun ('to members', 'to the board'), not a bare verb ('to continue speaking')."""
        if i > j:
            return False
        t = self.toks[i]
        return t.cap or t.low in DETERMINERS or t.low in _POSSESSIVE_OWNER or can_be_noun(t.low)

    @staticmethod
    def _document_noun(t: Tok) -> bool:
        low = _strip_poss(t.low)
        return not t.cap and (low in DOCUMENT_NOUNS or low.rstrip("s") in DOCUMENT_NOUNS
                              or low in ("calls", "messages", "signs", "placards", "banners", "headlines"))
