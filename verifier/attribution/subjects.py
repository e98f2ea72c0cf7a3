"""Subjects: the sentence's subject, coordinated subjects, passive frames and
which subjects a verb class accepts as a source."""

from __future__ import annotations

from verifier.attribution.lexicon import AUXILIARIES, BE_FORMS, CORE_SPEECH, DETERMINERS, DOCUMENT_NOUNS, ORG_NOUNS, PASSIVE_CUES, PERSON_NOUNS, PERSON_PRONOUNS, PREPOSITIONS, ROLE_NOUNS, WEAK_OBJECT, cue_verb
from verifier.attribution.common import Frame, Tok, _CALENDAR, _CONTINUE_WORDS, _COORDINATORS, _FUNCTION, _INTRO_WORDS, _MODALS, _PARTITIVES, _QUANTITY_WORDS, _QUOTES, _RELATIVES, _SUBORDINATORS, _adverb, _base, _finite, _is_poss, _people, _strip_poss


class SubjectRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _sentence_subject(self, a: int, k: int) -> tuple[int, int] | None:
        """The subject at the start of the sentence: from its first word to its
        first comma or verb ('Trump visited Ohio, saying ...' -> Trump)."""
        j = a
        first = next((t for t in self.toks[a:k] if t.word), None)
        coordinated = first is not None and first.low in _COORDINATORS
        if coordinated:
            j = self.toks.index(first, a, k) + 1  # "But the minister spoke on Friday, saying ..."
            first = next((t for t in self.toks[j:k] if t.word), None)
        if first is not None and (coordinated or first.low in PREPOSITIONS or first.low in _INTRO_WORDS
                                  or first.low in _CALENDAR
                                  or first.low.endswith(("ed", "ing")) and first.low not in BE_FORMS
                                  or self.toks[self.toks.index(first, a, k) + 1].low == "by"):
            # also an opening participle: "Chastened by the analyses, Trump revised ..., promising ..."
            f = self.toks.index(first, a, k)
            comma = next((x for x in range(f, k) if self.toks[x].text == ","), None)
            guarded = coordinated or first.low in ("today", "now", "then", "later", "also", "instead", "earlier")
            if comma is not None and not (guarded and any(_finite(t) for t in self.toks[f:comma])):
                # "In 1986, the Supreme Court blocked ..., citing ...", "But tonight, I would like to ...";
                # but "Today the minister spoke, saying ...": that comma closes the clause
                j = comma + 1
        while j < k and (not self.toks[j].word or self.toks[j].low in _FUNCTION and self.toks[j].low not in
                         PERSON_PRONOUNS and self.toks[j].low not in ("the", "a", "an")):
            j += 1
        if j >= k:
            return None
        m = j
        while m < k:
            t = self.toks[m]
            if t.text in ",;:" or t.text in _QUOTES:
                break
            if m > j and not t.cap and t.word and (t.low in AUXILIARIES or t.low in BE_FORMS or t.low in _MODALS
                                                   or _finite(t) or cue_verb(t.low) is not None) \
                    and self.toks[m - 1].low not in ("a", "an", "the"):
                break  # a verb; but after an article the word is a noun ("A state appeals court", "the report")
            m += 1
        return (j, m) if m > j else None

    def _coordinated_subject(self, head: tuple[int, int], conj: int) -> bool:
        """Is head the subject of a verb joined by toks[conj] ('and'/'but') to the
        verb after it: a short subject, then its own verb, with no other clause between."""
        s_start, s_end = head
        words = [x for x in self.toks[s_start:s_end] if x.word]
        if not words or len(words) > 8 or s_end >= conj:
            return False
        nxt = self.toks[s_end]
        if nxt.text == ",":
            # "Hillary Clinton, like Obama, has urged ...": step over a short aside
            close = next((x for x in range(s_end + 1, min(conj, s_end + 12)) if self.toks[x].text == ","), None)
            if close is not None and close + 1 < conj:
                nxt = self.toks[close + 1]
        if not nxt.word or nxt.cap:
            return False
        between = self.toks[s_end:conj]
        if any(x.text in (";", ":") or x.low in ("which", "who", "because", "if", "when", "while", "although", "since")
               for x in between):
            return False
        return len(between) <= 45

    def _passive_frame(self, k: int, aux: int, a: int, b: int, lemma: str, cls: str) -> Frame | None:
        """'X is expected to win', 'it was reported that ...', 'X was accused of Y'."""
        t = self.toks[k]
        nxt = self.toks[k + 1] if k + 1 < b else None
        if nxt is None:
            return None
        if nxt.low not in ("to", "that", "as", "of", "for", "by", "with", ":", "about", "whether", "if"):
            return None
        if lemma not in PASSIVE_CUES and nxt.low != "by":
            return None
        if nxt.low == "of" and lemma not in ("accuse", "suspect", "convince", "warn", "inform", "remind", "tell",
                                             "advise", "persuade"):
            return None  # "is assured of winning": no report
        if lemma == "charge" and nxt.low in ("with", "in", "for"):
            return None  # "was charged with fraud": a legal act, not a report
        if lemma in ("see", "know", "consider", "call", "describe", "label", "brand", "regard", "view") and \
                nxt.low not in ("as", "to", "that", "by"):
            return None
        speaker = None
        src = None
        j = k + 1
        if nxt.low == "by":
            m = k + 2
            while m < b and self.toks[m].text not in ",;:." and self.toks[m].low not in ("that", "to", "of", "as"):
                m += 1
            if m > k + 2:
                speaker = self._speaker_from(k + 2, m)
                src = (self.toks[k + 2].start, self.toks[m - 1].end)
            j = m
        s_start, s_end, _ = self._subject_span(aux, a)
        cue_text = self.text[self.toks[aux].start:t.end]
        subj_words = [x for x in self.toks[s_start:s_end] if x.word]
        content = ((self.toks[s_start].start, self.toks[aux].start),) \
            if subj_words and subj_words[0].low not in ("it", "there") and nxt.low != "that" else ()
        return Frame(kind="verb", rule="passive", cue=(self.toks[aux].start, t.end), cue_text=cue_text, speaker=speaker,
                     source=src, content=content,
                     reasons=(f"passive reporting frame '{cue_text}'" + ("" if speaker else ", no named source"),),
                     right=self.toks[j].start if j < b else None,
                     left_edge=self.toks[s_start].start if s_end > s_start else self.toks[aux].start, right_edge=t.end)

    @staticmethod
    def _one_of_people(words: list[Tok], low: str) -> bool:
        """A singular agent noun in '-ist' or '-ian' after a determiner: 'the socialist', 'a
        historian', 'Obama the realist' ('terrorist attacks' opens no such phrase)."""
        return len(words) > 1 and low.endswith(("ist", "ian")) and _people(low + "s") and (
            words[-2].low in DETERMINERS or _is_poss(words[-2].text) or any(x.low in DETERMINERS for x in words[:-1]))

    def _subject_ok(self, cls: str, lemma: str, s_start: int, s_end: int) -> bool:
        """Thought verbs need a person or organization as subject; evidence verbs a
        person or a document ('the poll found'); speech verbs anything."""
        words = [x for x in self.toks[s_start:s_end] if x.word]
        if not words:
            return False
        if words[-1].low in ("it", "this", "that", "which", "there") and cls != "speech" and not (
                len(words) == 1 and words[0].low == "it" and cls in ("evidence", "object")):
            return False
        if words[0].low in _CONTINUE_WORDS and words[0].cap:
            return False  # a question: "Would they prefer ..."
        if words[0].low in ("don't", "don’t", "do", "please", "let's", "let’s", "never") and len(words) <= 2:
            return False  # an imperative: "Don't blame Bush."
        if cls in ("speech", "object") and lemma in CORE_SPEECH or cls == "object" and lemma not in WEAK_OBJECT:
            if words[-1].low in ("this", "which", "there", "that") and lemma not in ("say",):
                return False
            return True
        head = self._head(words)
        if _base(head.low) in PERSON_PRONOUNS or head.low in ("who",):
            return True
        if head.low == "it" and cls in ("speech", "evidence"):
            return True
        low = _strip_poss(head.low)
        if low in PERSON_NOUNS or low.rstrip("s") in PERSON_NOUNS or low in ORG_NOUNS or low in ROLE_NOUNS \
                or _people(low) or self._one_of_people(words, low):
            return True
        if words[0].low in ("many", "most", "some", "several", "few", "both", "all", "other", "others", "two",
                            "three", "four", "dozens", "hundreds", "thousands", "millions") and low.endswith("s"):
            return True
        if cls != "thought" and (low in DOCUMENT_NOUNS or low.rstrip("s") in DOCUMENT_NOUNS):
            return True
        k = self.toks.index(head, s_start, s_end)
        if self._is_name_tok(k):
            return True
        # a capitalized word opening the sentence, not a common noun: "Wines believes that ..."
        n = k + 1
        while n < len(self.toks) and self.toks[n].word and (_adverb(self.toks[n]) or self.toks[n].low in (
                "then", "also", "still", "later", "now", "first", "again", "never", "often", "always")):
            n += 1  # "Marquez openly admires ...", "Earhardt then asked ..."
        return head.cap and k == s_start and low not in _FUNCTION and low not in DOCUMENT_NOUNS and \
            n < len(self.toks) and cue_verb(self.toks[n].low) is not None

    def _head(self, words: list[Tok]) -> Tok:
        """Head word of a noun phrase: the last word before a preposition, a
        relative, 'to' or a participle ('A report published by ...' -> report);
        a trailing time phrase is no head ('A CNN poll last month' -> poll)."""
        while len(words) > 2 and (words[-1].low in _CALENDAR or words[-1].low in (
                "month", "week", "year", "weekend", "today", "yesterday", "monday", "morning", "night", "evening",
                "afternoon")) and (words[-2].low in ("last", "this", "next", "on", "out", "that", "early", "late",
                                                     "in", "each", "every") or words[-2].low in _CALENDAR):
            words = words[:-2] if words[-2].low in ("last", "this", "next", "on", "out", "that", "early", "late",
                                                    "in", "each", "every") else words[:-1]
        for i, w in enumerate(words):
            if i > 0 and w.low in ("of", "in", "out", "about", "than") and all(
                    x.low in _QUANTITY_WORDS or x.text[0].isdigit() for x in words[:i]) or \
                    i > 0 and w.low == "of" and words[i - 1].low in _PARTITIVES:
                continue  # "4 in 10 voters", "some of the donors", "a group of activists": the head comes later
            if i > 0 and (w.low in PREPOSITIONS or w.low in _RELATIVES or w.low == "to"
                          or (w.low.endswith("ed") and not w.cap and words[i - 1].low not in DETERMINERS
                              and words[i - 1].low not in PREPOSITIONS and not words[i - 1].low.endswith("ly"))):
                return words[i - 1]  # "A report released last year" -> report
        return words[-1]

    def _shared_subject(self, a: int, aux_start: int) -> tuple[int, int] | None:
        """A verb after 'and'/'but' with no subject of its own ("She paid the loan,
        but said she ...", "He toured the plant, then said ...", "..., and later said"):
        the span of the sentence subject it shares, else None."""
        conj = aux_start - 1
        in_sequence = self.toks[aux_start].low in ("then", "later")  # skipped as adverbs before the verb
        if not (conj > a and (self.toks[conj].low in ("and", "but") or in_sequence and self.toks[conj].text == ",")):
            return None
        head = self._sentence_subject(a, conj)
        first = a + 1 if self.toks[a].text in _QUOTES else a
        if in_sequence and self.toks[first].low in _SUBORDINATORS | {"if", "once", "unless"}:
            return None  # "If she could do that, then ask ...": 'then' answers the condition
        if _base(self.toks[first].low) in PERSON_PRONOUNS:
            head = (first, first + 1)  # "She paid ..., but said"
        else:
            runs = self._name_runs(first, conj)
            if runs and runs[0][0] == first:
                head = runs[0]  # "Nora Blake paid ..., but said"
        while head is not None and head[1] - head[0] > 1 and _adverb(self.toks[head[1] - 1]):
            head = (head[0], head[1] - 1)  # "Kasich jokingly offered ..., then said": the adverb is the verb's
        if head is not None and self._coordinated_subject(head, conj):
            return head
        return None
