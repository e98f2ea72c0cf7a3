"""The span of the subject before a verb: past its auxiliaries and adverbs, a
parenthesis, an appositive or dashes, back to the start of its clause."""

from __future__ import annotations

from verifier.attribution.lexicon import AUXILIARIES, BE_FORMS, DETERMINERS, PERSON_NOUNS, PREPOSITIONS, ROLE_NOUNS, cue_verb, strong_past
from verifier.attribution.common import Tok, _CALENDAR, _DASHES, _FUNCTION, _INTRO_WORDS, _IRREGULAR_PAST, _QUANTITY_WORDS, _TIME_NOUNS, _MODALS, _OPEN_Q, _PAREN_ADVERBS, _QUOTES, _adverb, _finite, _is_poss


_SUBORDINATORS = frozenset({"after", "before", "since", "until", "when", "while", "once", "as"})


class VerbSubjectRules:
    """Mixed into verifier.attribution.verbs.VerbRules (and so the Checker)."""

    def _subject_span(self, k: int, a: int) -> tuple[int, int, int]:
        """(subject start, subject end, aux start) token indexes of the subject before toks[k]:
        the auxiliaries (a negative contraction is one: "wouldn't") and adverbs are skipped, a parenthesis ("Sen. Bernie Sanders
        (I-Vt.) said"), an appositive ("Angelique Brunner, a developer, said") and dashes
        ("Many speakers — including ... — said") are jumped over; else the subject is
        read backwards to the start of its clause. An empty span: no subject."""
        j = k - 1
        while j >= a and self.toks[j].word and (self.toks[j].low in AUXILIARIES or _adverb(self.toks[j])
                                                 or self.toks[j].low.endswith(("n't", "n’t"))):  # "wouldn't"
            j -= 1
        aux_start = j + 1
        end = j + 1
        if j < a:
            return a, a, aux_start
        if self.toks[j].text == ")":
            s_start, j = self._subject_before_parenthesis(j, a)
            if s_start is not None:
                return s_start, end, aux_start
        if self.toks[j].text == "," or self.toks[j].text == ")":
            s_start = self._subject_before_appositive(j, a)
            return (j, j, aux_start) if s_start is None else (s_start, end, aux_start)
        if self.toks[j].text in _DASHES and j - 1 >= a:
            s_start = self._subject_before_dashes(j, a)
            if s_start is not None:
                return s_start, end, aux_start
        m = self._clause_start_before(j, a)
        head_start = self._head_of_relative(m, j, a)
        if head_start is not None:
            return head_start, end, aux_start
        return self._past_opening_adverbial(m + 1, end), end, aux_start

    def _past_opening_adverbial(self, s: int, e: int) -> int:
        """A subject read back to an opening adverbial with no comma after it ('After
        the vote the mayor said', 'Last week the council said', 'Today Reed said')
        starts at its own noun phrase: an opening time adverb is no part of it, and an
        article after a time noun, or after the noun of a preposition or subordinator
        that opens the clause, opens the subject."""
        start = s
        if e - s > 1 and self.toks[s].low in _INTRO_WORDS and self.toks[s].low not in _SUBORDINATORS \
                and self.toks[s].low not in ("this", "last", "and", "but", "yet", "if", "although", "asked") \
                and self.toks[s + 1].word:
            start = s + 1
        opener = self.toks[start] if self.toks[start].low in PREPOSITIONS or self.toks[start].low.endswith("ing") \
            else self.toks[s - 1] if s > 0 else None  # "Citing the report the mayor said"
        after_opener = opener is not None and (opener.low in PREPOSITIONS or opener.low in _SUBORDINATORS
                                               or opener.low.endswith("ing") and opener.low != "according")
        for x in range(start + 1, e):
            p = self.toks[x - 1]
            if self.toks[x].low in ("the", "a", "an") and p.word and not p.cap and p.low not in _FUNCTION \
                    and p.low not in _QUANTITY_WORDS and p.low != "least" and (
                    p.low in _CALENDAR or p.low in _TIME_NOUNS or p.low in ("day", "night", "morning", "evening")
                    or after_opener and not _is_poss(p.text) and (
                        not p.low.endswith(("ing", "ed")) or any(y.low in DETERMINERS for y in self.toks[start:x - 1]))):
                start = x
                break
        return start

    def _subject_before_parenthesis(self, j: int, a: int) -> tuple[int | None, int]:
        """"Sen. Bernie Sanders (I-Vt.) said": toks[j] is ')'; the start of the subject
        before the parenthesis, or None and the index to read the subject from (the
        comma before the parenthesis: "Rep. Meeks, (D-N.Y.), said")."""
        m = j - 1
        while m >= a and self.toks[m].text != "(" and j - m < 12:
            m -= 1
        if m > a and self.toks[m].text == "(":
            s_start, _, _ = self._subject_span(m, a)
            if s_start < m and not self.toks[m - 1].text == ",":
                return s_start, j
            j = m - 1 if self.toks[m - 1].text == "," else j
        return None, j

    def _subject_before_appositive(self, j: int, a: int) -> int | None:
        """"Angelique Brunner, a developer, said": toks[j] closes an appositive (',' or
        ')'); the chunk between the commas describes the name before it, whose start
        this is. None when the chunk is a clause or no description: no subject."""
        commas = [m for m in range(j - 1, max(a - 1, j - 40), -1) if self.toks[m].text in ",(;:"
                  or self.toks[m].text in _QUOTES]
        if commas and self._comma_quote(commas[0], a):
            commas[0] -= 1  # '“The Apprentice,” who went on to ..., said': the comma before the quote mark
        if not commas or self.toks[commas[0]].text not in ",(":
            return None
        c = commas[0]
        chunk = [x for x in self.toks[c + 1:j] if x.word]
        if len(chunk) == 1 and (chunk[0].low in _PAREN_ADVERBS or _adverb(chunk[0])) or \
                [x.low for x in chunk] in (["for", "example"], ["for", "instance"], ["in", "fact"], ["in", "turn"]):
            # "NATO's secretary general, meanwhile, called on ..."; "Lena Cho, the head of ..., for example,"
            for probe in (c + 1, c):
                s_start, s_end, _ = self._subject_span(probe, a)
                if s_start < c and s_start < s_end:
                    return s_start
        if c - 1 >= a and self.toks[c - 1].text == ")":  # "Rep. Gregory Meeks (D-N.Y.), chairman ..., said"
            p = c - 1
            while p >= a and self.toks[p].text != "(" and c - p < 12:
                p -= 1
            if p > a and self.toks[p].text == "(":
                c = p
        if self._appositive_is_clause(chunk) or not self._describes_the_name(chunk, c, j, a):
            return None
        for _ in range(4):
            m = self._segment_start(c, a)
            words = [x for x in self.toks[m + 1:c] if x.word]
            if not words:
                return None
            prev = m - 1 if self._comma_quote(m, a) and self.toks[m].text in _OPEN_Q else m  # ', “The Apprentice,”'
            if prev > a and self.toks[prev].text == "," and len(words) <= 14 and self._supplement(words) \
                    and self._head_before(prev, a, named=words[0].cap):
                c = prev  # "Michael Seaman, [who lives outside the capital], [Sacramento], said"
                continue
            if len(words) > (14 if words[0].low in ("a", "an", "the") else 8):
                return None
            return m + 1
        return None

    def _segment_start(self, c: int, a: int) -> int:
        """The boundary (a comma, colon, bracket, dash, quote mark or clause opener) before the
        words that end at toks[c]; a - 1 when they run from the clause's start."""
        m = c - 1
        while m >= a and self.toks[m].text not in ",;:()—–--" and self.toks[m].text not in _QUOTES and \
                self.toks[m].low not in ("that", "and", "but", "because", "while", "when", "if", "although"):
            m -= 1
        return m

    def _comma_quote(self, m: int, a: int) -> bool:
        """Is toks[m] a quote mark right after a comma (', “' or ',”')?"""
        return a < m < len(self.toks) and self.toks[m].text in _QUOTES and self.toks[m - 1].text == ","

    @staticmethod
    def _supplement(words: list[Tok]) -> bool:
        """Can these words, set off by commas after a subject, be one of its supplements: a
        relative clause, an indefinite description or a name or title ('who lives ...', 'a
        contestant on the show', 'Sacramento', '“The Apprentice”')?"""
        return words[0].low in ("who", "which", "whose", "whom", "a", "an") or len(words) <= 5 and all(
            x.cap for x in words)

    def _head_before(self, c: int, a: int, named: bool) -> bool:
        """Are the words before the comma at toks[c] a noun phrase a supplement can follow: at
        most eight words, no verb, opening with a determiner or being a name ('Michael Seaman,
        who ...', 'Sam Solovey, a contestant ...'); before a name ('the state capital,
        Sacramento'), a description ending in a common noun. Not 'Still', 'At Boca West',
        'where it costs ...', 'Speaking in Harlem'."""
        m = self._segment_start(c, a)
        idx = [x for x in range(m + 1, c) if self.toks[x].word]
        words = [self.toks[x] for x in idx]
        if not words or len(words) > 8 or words[0].low in PREPOSITIONS or words[0].low in _INTRO_WORDS \
                or words[0].low in _SUBORDINATORS or any(_finite(x) for x in words):
            return False
        if named:
            return words[0].low in DETERMINERS and not words[-1].cap
        return words[0].low in DETERMINERS or _is_poss(words[0].text) or all(x.cap for x in words) and all(
            self._is_name_tok(x) for x in idx)

    @staticmethod
    def _appositive_is_clause(chunk: list[Tok]) -> bool:
        """A chunk between commas with a verb of its own is a clause, not an appositive;
        but a description with a relative clause (", a Republican who has ...,") and
        a relative clause itself (", who has ...,") are appositives."""
        rel_appositive = chunk and chunk[0].low in ("a", "an", "the", "former", "one") and any(
            x.low in ("who", "which", "whose") for x in chunk)  # ", a Republican who has ...,"
        return bool(chunk and not rel_appositive and chunk[0].low not in ("who", "which", "whose", "whom") and any(
            x.low in BE_FORMS or x.low in _MODALS and x.low != "to" or x.low in ("has", "have", "had")
            for x in chunk))

    def _describes_the_name(self, chunk: list[Tok], c: int, j: int, a: int) -> bool:
        """Whether the chunk toks[c+1:j] describes what is before the comma at toks[c]:
        it opens like a description ('a', 'the', 'who', a role, a possessive, 'praised
        by'), is a name ("The minister, Mr. Ruiz, said"), or follows a name."""
        m = c - 1
        while m >= a and self.toks[m].word and self.toks[m].cap or m >= a and self.toks[m].text in ".-":
            m -= 1
        name_first = m < c - 1 and (m < a or self.toks[m].text in ",;:" or self.toks[m].text in _QUOTES
                                    or self.toks[m].low in ("and", "but", "that"))
        return bool(chunk) and (chunk[0].low in ("a", "an", "the", "who", "which", "whose", "whom", "former", "one",
                                                 "both", "also", "now", "then", "himself", "herself", "its", "his",
                                                 "her", "their", "chairman", "president", "director", "head",
                                                 "including", "like", "such", "especially", "among", "along",
                                                 "together", "as", "in", "at", "for", "from", "of")
                                or _is_poss(chunk[0].text) or chunk[0].low in PERSON_NOUNS or chunk[0].low in ROLE_NOUNS
                                # "A poll, conducted last week, shows": a past participle phrase with no verb
                                or len(chunk) > 1 and chunk[0].low.endswith("ed") and not chunk[0].cap
                                and (chunk[1].low == "by" or not self._has_finite_verb(c + 1, j))
                                or self._is_name_tok(self.toks.index(chunk[0], c + 1, j))
                                or name_first and len(chunk) <= 14
                                or len(chunk) <= 5 and all(x.cap for x in chunk)  # "The minister, Mr. Ruiz, said"
                                # "One of them, retired banker Simon Pritchard, said": the chunk names the head
                                or len(chunk) <= 10 and self._is_name_tok(self.toks.index(chunk[-1], c + 1, j))
                                # "A senior official, speaking on condition of anonymity, said"
                                or len(chunk) <= 8 and chunk[0].low.endswith("ing") and not chunk[0].cap)

    def _subject_before_dashes(self, j: int, a: int) -> int | None:
        """"Many speakers — including Muslims, Jews — said": toks[j] is a dash; the
        start of the subject before the opening dash, else None."""
        m = j - 1
        while m >= a and self.toks[m].text not in _DASHES and j - m < 25:
            m -= 1
        if m > a and self.toks[m].text in _DASHES:
            s_start, _, _ = self._subject_span(m, a)
            if s_start < m:
                return s_start
        return None

    def _clause_start_before(self, j: int, a: int) -> int:
        """Read back from toks[j] to what ends the subject on its left: punctuation, a
        subordinator, 'and'/'or' between clauses (but not "current and former
        officials"), a verb; its index (the subject starts after it)."""
        m = j
        while m >= a:
            tm = self.toks[m]
            if m == j and tm.text in _QUOTES and self._quoted_name_before(m, a) is not None:
                m = self._quoted_name_before(m, a)  # type: ignore[assignment]
                continue  # 'a site called “The Ledger” reported': the quoted name is the subject's
            if tm.text in ",;:()—–--" or tm.text in _QUOTES:
                break
            if tm.low in ("and", "or") and m < j and m - 1 >= a:
                p = self.toks[m - 1]
                if p.word and not (p.low in AUXILIARIES or p.low in BE_FORMS or cue_verb(p.low) is not None
                                   or p.low.endswith("ed") and not p.cap):
                    m -= 1  # "current and former officials", "Clinton and Trump"
                    continue
                break
            if tm.low in ("that", "but", "because", "while", "when", "if", "as", "although", "though",
                          "since", "whether", "where", "so", "after", "before", "until", "unless") and m < j:
                break
            if tm.low == "that" and m == j and m - 1 >= a and self._noun_before_relative(m - 1):
                return m - 1  # "a report that showed ...": 'that' is the relative subject, read by its caller
            if tm.low in ("that", "but", "because", "while", "whether", "if", "when", "although", "and", "or") \
                    and m == j:  # "... and argued": no subject of its own (a coordinated verb)
                break
            if m < j and tm.word and not tm.cap and (tm.low in BE_FORMS or cue_verb(tm.low) is not None
                                                     and tm.low.endswith(("ed", "id", "ld"))):
                break  # a verb: the subject starts after it
            m -= 1
        return m

    def _noun_before_relative(self, p: int) -> bool:
        """Can toks[p], right before 'that' and a verb, be the noun the relative clause is about
        ('a report that showed', 'tax returns that showed')? A lower-case word that is no
        function word, verb or adverb ('said that', 'so that', 'now that' are not)."""
        t = self.toks[p]
        after_article = p > 0 and (self.toks[p - 1].low in DETERMINERS or _is_poss(self.toks[p - 1].text))
        return t.word and not t.cap and t.low not in _FUNCTION and not _adverb(t) and not _finite(t) \
            and (cue_verb(t.low) is None or after_article) and t.low not in ("so", "now", "such", "given", "provided")

    def _quoted_name_before(self, q: int, a: int) -> int | None:
        """toks[q] closes a name in quotation marks after a word of the sentence ('a site
        called “The Ledger”'): the index of the word before the opening mark, else None."""
        m = q - 1
        while m > a and q - m <= 6 and self.toks[m].word and (self.toks[m].cap or self.toks[m].low in _FUNCTION):
            m -= 1
        if m == q - 1 or m <= a or self.toks[m].text not in _QUOTES or not self.toks[m - 1].word \
                or not self.toks[m + 1].cap:
            return None
        return m - 1

    def _head_of_relative(self, m: int, j: int, a: int) -> int | None:
        """"A study that appeared in the journal found ...": when the subject read back
        stops at a relative pronoun toks[m] after a noun, the relative clause belongs
        to the subject before it; that subject's start, else None."""
        if m + 1 <= j and m >= a and self.toks[m].low in ("that", "which", "who") and m - 1 >= a \
                and self.toks[m - 1].word and not self.toks[m - 1].cap and self.toks[m - 1].low not in _FUNCTION:
            nxt = self.toks[m + 1]
            if nxt.low in BE_FORMS or nxt.low in ("has", "have", "had") or nxt.low.endswith("ed") \
                    or nxt.low in _IRREGULAR_PAST or strong_past(nxt.low):
                head_start, _, _ = self._subject_span(m, a)
                if head_start < m:
                    return head_start
        return None
