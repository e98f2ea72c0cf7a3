"""Frames of the cues that are not verbs: "according to", hedges ("reportedly"),
state-of-mind adjectives ("worried that") and nouns heading a content clause."""

from __future__ import annotations

from verifier.attribution.lexicon import ADJ_TO, BE_FORMS, DETERMINERS, PERSON_NOUNS, PERSON_PRONOUNS, PREPOSITIONS, cue_verb, strong_past
from verifier.attribution.common import Frame, _CALENDAR, _CONTINUE_WORDS, _COORDINATORS, _FUNCTION, _INTRO_WORDS, _IRREGULAR_PAST, _MODALS, _OPEN_Q, _QUOTES, _RELATIVES, _STRAIGHT_Q, _SUBORDINATORS, _TIME_NOUNS, _adverb, _base, _finite, _is_poss, _time_phrase


class CueRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _according(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        to = self.toks[k + 1]
        j = k + 2
        while j < b and self.toks[j].text not in ",;:—()" and not (
                self.toks[j].text in _QUOTES and j > k + 2):
            j += 1
        if j == k + 2:
            return None
        src = (self.toks[k + 2].start, self.toks[j - 1].end)
        speaker = self._speaker_from(k + 2, j)
        reasons = (f"'according to' names the source ({speaker})",)
        before = self._clause_material(a, k)
        if before:
            reasons += ("the content comes before 'according to'",)
        right = None
        if j < b and any(self.toks[x].word for x in range(j, b)) and not (
                before and not (j + 1 < b and self.toks[j + 1].text in (_OPEN_Q | _STRAIGHT_Q))
                and not self._medial_continues(a, k, j, b)):
            right = self.toks[j].end if self.toks[j].text in ",;:—" else self.toks[j].start
            tag_end = self._name_tag_end(j, b)
            if tag_end is not None:  # "According to Lorella Praeli, [Clinton's Latino vote director], the ..."
                src, j, right = (src[0], self.toks[tag_end - 1].end), tag_end, self.toks[tag_end].end
        return Frame(kind="according", rule="according-to", cue=(self.toks[k].start, to.end),
                     cue_text=self.text[self.toks[k].start:to.end], speaker=speaker, source=src, reasons=reasons,
                     right=right, left=self.toks[k].start if before else None, left_edge=self.toks[k].start,
                     right_edge=self.toks[j - 1].end)

    def _name_tag_end(self, j: int, b: int) -> int | None:
        """After a source closed by the comma at toks[j], the index of the comma closing a
        description set off after it ('..., Clinton's Latino vote director, the campaign ...':
        an article, possessive or role opening, no verb of its own, a clause or the sentence's
        verb after it: 'Rents, according to Tom Reed, an agent, will rise'); else None."""
        end = next((x for x in range(j + 1, min(b, j + 16)) if self.toks[x].text in ",;:()—" or self.toks[x].text
                    in _QUOTES), None)
        if end is None or self.toks[end].text != "," or end + 1 >= b or self.toks[end + 1].low in _RELATIVES \
                or not (self._finite_clause_at(end + 1, b) or _finite(self.toks[end + 1])
                        or end + 2 < b and self.toks[end + 1].word and _finite(self.toks[end + 2])):
            return None  # not '..., the bridge, which is old, will reopen': the chunk opens the content
        chunk = [t for t in self.toks[j + 1:end] if t.word]
        gloss = len(chunk) > 2 and chunk[0].low.endswith("ed") and chunk[1].low in ("by", "in", "on", "last", "this")
        if not chunk or any(_finite(t) for t in chunk[1 if gloss else 0:]) or not (
                gloss or chunk[0].low in ("a", "an", "the") or _is_poss(chunk[0].text) or chunk[0].low in PERSON_NOUNS):
            return None  # a description of the source, or a participle glossing it ("published by ... in 2020")
        return end

    def _medial_continues(self, a: int, k: int, j: int, b: int) -> bool:
        """'In addition, according to the department, nine million workers ...' and
        'Absent, according to members, was any mention ...': the sentence goes on
        after the source (its main clause or verb), so the rest is the source's too."""
        if not (self.toks[j].text == "," and j + 1 < b):
            return False
        n = self.toks[j + 1]
        if n.low == "and" and j + 2 < b and self._finite_clause_at(j + 2, b) and self._has_finite_verb(a - 1, k):
            return True  # "X paid 25 percent, according to the CBO, and the top tenth paid 69 percent"
        if not n.word or n.low in ("which", "who", "whose", "where", "and", "but", "although", "though", "while",
                                   "as", "because", "even", "compared", "up", "down"):
            return False
        left = [t for t in self.toks[a:k] if t.word]
        verb_left = any(t.low in BE_FORMS or t.low in _CONTINUE_WORDS or t.low in _MODALS and t.low != "to"
                        or (t.low.endswith("ed") and not t.cap) or t.low in _IRREGULAR_PAST or strong_past(t.low) for t in left)
        if not verb_left:
            return True  # the main clause is after the source
        return n.low in BE_FORMS or n.low in _CONTINUE_WORDS or n.low.endswith("ing") and n.low not in (
            "including", "according")

    def _left_is_content(self, a: int, k: int) -> bool:
        """Is the text before a trailing cue something said ('The plan will fail, he
        said') rather than an opening adverbial ('In July, the NAACP called for')?"""
        toks = self.toks[a:k]
        if any(t.text in _QUOTES for t in toks):
            return True
        words = [t for t in toks if t.word]
        while len(words) > 1 and words[0].low in _COORDINATORS:
            words = words[1:]  # "But the delay helps the mayor, aides said": the clause after the conjunction
        if not words:
            return False
        if len(words) >= 2 and any(_finite(t) for t in words[1:]):
            return True  # a subject and its verb: "He left, police said"
        if words[0].low in _SUBORDINATORS and words[0].low not in ("overall", "ultimately", "still", "instead", "rather",
                                                                  "even") and len(words) >= 3:
            return True  # "Though the bridge held up, the engineer said, ...": a clause of the report
        if len(words) < 3:
            # "Repairs, the report found, cost more" — but not "In July," or "Instead,"
            w = words[0]
            return not (w.low in PREPOSITIONS or w.low in _INTRO_WORDS or w.low in _CALENDAR or w.low in _FUNCTION
                        or _adverb(w) or w.text[0].isdigit())
        if words[0].low == "this" and words[1].low not in _TIME_NOUNS and words[1].low not in _CALENDAR:
            return True  # "This makes it harder, he said" (not "This week, ...")
        if words[0].low in PREPOSITIONS or words[0].low in _INTRO_WORDS or words[0].low in _CALENDAR:
            verbish = any(t.low in _CONTINUE_WORDS or t.low in BE_FORMS or t.low in _MODALS and t.low != "to"
                          or (t.low.endswith("ed") and not t.cap) for t in words[1:])
            return verbish
        return True

    def _clause_material(self, a: int, k: int) -> bool:
        """Are there words of content before toks[k] in the sentence (not just 'But,')?"""
        words = [t for t in self.toks[a:k] if t.word]
        return len(words) >= 2 or (len(words) == 1 and words[0].low not in _FUNCTION)

    def _hedge(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        t = self.toks[k]
        # the hedge scopes over its own clause: "Scott was shot after he allegedly
        # brandished a pistol" hedges the pistol, not the shooting
        start = a
        for m in range(k - 1, a, -1):
            x = self.toks[m]
            if x.low in ("who", "which") and any(self.toks[y].text == "," for y in range(m + 1, k)):
                continue  # "Her cousin, who was never charged, has reportedly ...": a relative set off
            if x.low in ("after", "before", "because", "when", "while", "since", "although", "though", "as", "but",
                         "and", "that", "whether", "if", "who", "which", "where") and m + 1 < k \
                    and (x.low not in ("and", "but", "as") or self.toks[m - 1].text == "," or m + 2 <= k
                         and (_base(self.toks[m + 1].low) in PERSON_PRONOUNS or self.toks[m + 1].low in DETERMINERS)):
                start = m + 1
                break
            if x.text == ";":
                start = m + 1
                break
        reasons = (f"hedge '{t.text}': the article attributes this to an unnamed source",)
        if start > a:
            reasons += ("the hedge covers its own clause only",)
        return Frame(kind="hedge", rule="hedge", cue=(t.start, t.end), cue_text=t.text, speaker=None,
                     content=tuple(self._hedged(start, k, b)), reasons=reasons, left_edge=None, right_edge=t.end)

    def _hedged(self, start: int, k: int, b: int) -> list[tuple[int, int]]:
        """The clause a hedge at toks[k] covers, toks[start:b] without the hedge, and without
        what the article adds in its own voice: a relative clause set off by commas
        ("Her cousin, who was never charged, has reportedly ...", "..., which stand on
        prime sites") and a contrasting clause after a comma ("..., though Okoro declined")."""
        end = b
        for m in range(k + 1, b - 1):
            if self.toks[m].text == "," and self.toks[m + 1].low in _OWN_VOICE_AFTER_COMMA:
                end = m
                break
        pieces = []
        at = start
        m = start
        while m < k:
            if self.toks[m].text == "," and m + 1 < k and self.toks[m + 1].low in ("who", "which", "whose"):
                close = next((x for x in range(m + 2, k) if self.toks[x].text == ","), None)
                if close is not None:
                    pieces.append((self.toks[at].start, self.toks[m].start))
                    at = m = close + 1
                    continue
            m += 1
        pieces.append((self.toks[at].start, self.toks[k].start))
        pieces.append((self.toks[k].end, self.toks[end - 1].end))
        return [(x, y) for x, y in pieces if x < y]

    def _adjective_frame(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        """'Many Democrats are afraid that ...', 'He is confident the plan will pass', 'She was
        sure Trump would win' (a clause opening with a name needs its finite verb)."""
        t = self.toks[k]
        nxt = self.toks[k + 1] if k + 1 < b else None
        skip = self._time_before_that(k + 1, b)
        if skip:  # "were hopeful Tuesday that ...", "confident last week that ...": the time is the state's
            nxt = self.toks[k + 1 + skip]
        if nxt is None or not (nxt.low in ("that", "about", "of", "whether") or (nxt.low == "by" and t.low.endswith("ed"))
                               or nxt.low == "to" and t.low in ADJ_TO or (
                nxt.low in DETERMINERS or _base(nxt.low) in PERSON_PRONOUNS) and nxt.low not in ("a", "an")
                or (nxt.cap or nxt.text[0].isdigit()) and self._finite_clause_at(k + 1 + skip, b)):
            return None  # a clause may open with a name: "was sure Trump would win"
        j = k - 1
        while j >= a and self.toks[j].word and (_adverb(self.toks[j]) or self.toks[j].low in ("very", "so", "not",
                                                                                              "too", "more", "less",
                                                                                              "also", "still")):
            j -= 1
        if j >= a and self._contracted_copula(self.toks[j]):
            return self._contracted_state_of_mind(j, k, nxt)
        if j < a or self.toks[j].low not in BE_FORMS and self.toks[j].low not in ("feel", "feels", "felt", "seem",
                                                                                  "seems", "seemed", "remain",
                                                                                  "remains", "remained"):
            return None
        s_start, s_end, aux_start = self._subject_span(j, a)
        if s_end <= s_start or not self._subject_ok("thought", "feel", s_start, s_end):
            return None
        speaker, how = self._speaker_with_reason(s_start, s_end)
        cue_text = self.text[self.toks[j].start:t.end]
        reasons = (f"state of mind '{cue_text}': the clause is what {speaker} thinks or feels",) + ((how,) if how else ())
        return Frame(kind="verb", rule="state-of-mind", cue=(self.toks[j].start, t.end), cue_text=cue_text,
                     speaker=speaker, source=(self.toks[s_start].start, self.toks[s_end - 1].end), reasons=reasons,
                     right=nxt.start if nxt.low in ("that", "whether") or nxt.low not in ("about", "of") else nxt.end,
                     left_edge=self.toks[s_start].start, right_edge=t.end)

    def _time_before_that(self, n: int, b: int) -> int:
        """The length of a time phrase at toks[n] that 'that' follows ('Tuesday that', 'on
        Monday that', 'last week that'); else 0."""
        if n >= b:
            return 0
        size = _time_phrase(self.toks[n].low, self.toks[n + 1].low if n + 1 < b else "")
        return size if size and n + size < b and self.toks[n + size].low == "that" else 0

    @staticmethod
    def _contracted_copula(t) -> bool:
        """"she's", "they're", "I'm": a person pronoun and its copula in one token."""
        return t.low.endswith(("'s", "’s", "'re", "’re", "'m", "’m")) and _base(t.low) in PERSON_PRONOUNS

    def _contracted_state_of_mind(self, j: int, k: int, nxt) -> Frame:
        """"She's confident the bill will pass": the pronoun is the subject, its
        contracted copula and the adjective the cue."""
        pron, t = self.toks[j], self.toks[k]
        cue_start = pron.start + len(_base(pron.low))
        speaker, how = self._speaker_with_reason(j, j + 1)
        if speaker == pron.text:
            speaker = self.text[pron.start:cue_start]  # unresolved: "She", not "She's"
        cue_text = self.text[cue_start:t.end]
        return Frame(kind="verb", rule="state-of-mind", cue=(cue_start, t.end), cue_text=cue_text, speaker=speaker,
                     source=(pron.start, cue_start),
                     reasons=(f"state of mind '{cue_text}': the clause is what {speaker} thinks or feels",)
                     + ((how,) if how else ()),
                     left_edge=pron.start, right_edge=t.end,
                     right=nxt.start if nxt.low in ("that", "whether") or nxt.low not in ("about", "of") else nxt.end)

    def _noun_frame(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        """'his claim that ...', 'reports that ...', 'the belief that ...'; as the subject of
        a copula the noun takes the clause after it: 'her fear is that ...'."""
        if k + 2 < b and self.toks[k + 1].low in ("is", "was") and self.toks[k + 2].low == "that":
            return self._copula_noun_frame(k, a)
        if k + 1 >= b or self.toks[k + 1].low != "that":
            return None
        # 'that' must open a content clause, not a relative clause ('the claim that he made')
        if k + 2 < b and (self.toks[k + 2].low in ("he", "she", "they", "i", "we", "you") and k + 3 < b
                          and cue_verb(self.toks[k + 3].low) is not None):
            return None
        if k + 2 < b and (self.toks[k + 2].low in BE_FORMS or self.toks[k + 2].low in _MODALS
                          or self.toks[k + 2].low in ("has", "have", "had")):
            return None  # "views that are far from ...": a relative clause, no subject of its own
        if self._verb_after_that(k + 2, b):
            return None  # "the report that came out on Monday": the report is the verb's subject
        speaker, src = self._noun_possessor(k, a)
        t = self.toks[k]
        reasons = (f"nominal frame '{t.text} that': the clause is the {t.low}'s content",)
        right_limit = None
        if not any(_finite(x) or cue_verb(x.low) is not None for x in self.toks[a:k]):
            main = self._main_verb_after(k + 2, b)
            if main is not None:
                # "Her claim that the bridge was safe [is hard to believe]": the noun phrase is the
                # sentence's subject, so its clause ends where the sentence's own verb begins
                right_limit = self.toks[main].start
                reasons += (f"the clause ends at the sentence's own verb '{self.toks[main].text}'",)
        return Frame(kind="noun", rule="nominal", cue=(t.start, self.toks[k + 1].end), cue_text=f"{t.text} that",
                     speaker=speaker, source=src, reasons=reasons, right=self.toks[k + 1].start,
                     left_edge=src[0] if src else t.start, right_edge=self.toks[k + 1].end, right_limit=right_limit)

    def _verb_after_that(self, i: int, b: int) -> bool:
        """Does a past verb open toks[i:] right after 'that', past adverbs ('that came out',
        'that recently followed the vote')? Then 'that' is a relative pronoun. An '-ed' form
        before a noun is an adjective of the clause's subject ('that armed men stormed ...')."""
        while i < b and self.toks[i].word and _adverb(self.toks[i]):
            i += 1
        if i >= b or not _finite(self.toks[i]) or self.toks[i].low in BE_FORMS or self.toks[i].low.endswith(("n't", "n’t")):
            return False
        if not self.toks[i].low.endswith("ed"):
            return True
        n = self.toks[i + 1] if i + 1 < b else None
        return n is None or not n.word or n.cap or n.low in DETERMINERS or n.low in PREPOSITIONS \
            or _base(n.low) in PERSON_PRONOUNS or n.low in ("out", "up", "off", "down", "back", "away")

    def _copula_noun_frame(self, k: int, a: int) -> Frame:
        """'Mr. Vale's fear is that the dam will fail': a noun of saying or believing as
        the subject of 'is'/'was' before a that-clause (a specificational copula) gives
        the clause as its content, its possessor as source."""
        speaker, src = self._noun_possessor(k, a)
        t, that = self.toks[k], self.toks[k + 2]
        cue_text = self.text[t.start:self.toks[k + 1].end]
        return Frame(kind="noun", rule="nominal", cue=(t.start, self.toks[k + 1].end), cue_text=cue_text,
                     speaker=speaker, source=src,
                     reasons=(f"nominal frame '{cue_text} that': the clause is the {t.low}'s content",),
                     right=that.start, left_edge=src[0] if src else t.start, right_edge=self.toks[k + 1].end)

    def _noun_possessor(self, k: int, a: int) -> tuple[str | None, tuple[int, int] | None]:
        """The speaker and source of the noun at toks[k] from a possessive before it."""
        prev = self.toks[k - 1] if k > a else None
        if prev is not None and _is_poss(prev.text):
            pa = k - 1
            while pa - 1 >= a and self.toks[pa - 1].word and self.toks[pa - 1].cap:
                pa -= 1
            return self._speaker_from(pa, k), (self.toks[pa].start, prev.end)
        if prev is not None and prev.low in ("his", "her", "their"):
            return (self._resolve_pronoun({"his": "he", "her": "she", "their": "they"}[prev.low], prev.start),
                    (prev.start, prev.end))
        return None, None

    def _main_verb_after(self, i: int, b: int) -> int | None:
        """The token starting the second verb group of toks[i:b] that no joining word or
        comma opens: the first group is the content clause's own verb, the second the
        sentence's ('that prices would rise [reflects] a wider fear'). A modal or finite
        auxiliary after a main verb opens a new group ('were limited [will] be hard')."""
        seen = in_group = main = False
        for x in range(i, b):
            t = self.toks[x]
            if not t.word:
                if t.text in ",;:" or t.text in _QUOTES and t.text not in _OPEN_Q | _STRAIGHT_Q:
                    in_group = in_group and t.text in _QUOTES
                continue
            verb = self._verb_here(x, i)
            aux = t.low in _MODALS and t.low != "to" or t.low in _NEW_GROUP
            prev = self.toks[x - 1]
            if verb and not seen:
                seen = in_group = True
            elif verb and (not in_group or aux and main) and prev.low not in _JOINERS and prev.text not in ",;:":
                return x
            elif not verb:
                in_group = in_group and (t.low in _IN_GROUP or _adverb(t))
            main = verb and not aux and t.low not in BE_FORMS or not verb and main and in_group
        return None

    def _verb_here(self, x: int, i: int) -> bool:
        """toks[x] can be a verb: a finite form not right after a determiner ('a lost
        bee'), a modal, or a present-tense '-s' form before its object ('reflects a')."""
        t = self.toks[x]
        prev = self.toks[x - 1] if x > i else None
        if t.cap:
            return False
        if prev is not None and prev.low in DETERMINERS and prev.low not in ("that", "which", "what"):
            return False
        if t.low in _MODALS and t.low != "to" or _finite(t):
            return True
        nxt = self.toks[x + 1].low if x + 1 < len(self.toks) else ""
        return (prev is not None and prev.word and not prev.text[0].isdigit() and prev.low not in PREPOSITIONS
                and t.low.endswith("s") and not t.low.endswith(("ss", "'s", "’s")) and len(t.low) > 3
                and (nxt in DETERMINERS or nxt in ("why", "how", "what", "whether", "to", "that")))


_NEW_GROUP = frozenset({"has", "have", "had", "is", "are", "was", "were", "does", "did"})
_IN_GROUP = frozenset({"not", "also", "still", "never", "yet", "been", "be", "being", "n't", "n’t"})
_JOINERS = frozenset({"and", "or", "but", "that", "which", "who", "whom", "whose", "if", "when", "because",
                      "while", "although", "though", "since", "as", "than", "where", "so"})
# after a comma, these open a clause of the article's own, outside a hedge's scope
_OWN_VOICE_AFTER_COMMA = frozenset({"who", "which", "whose", "though", "although", "whereas", "while"})
