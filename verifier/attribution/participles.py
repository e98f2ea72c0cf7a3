"""What follows a reporting verb (a clause, an object, an adverbial, the end), and
the participle and infinitive frames: "..., announcing that ...", "declined to say"."""

from __future__ import annotations

from verifier.attribution.addressees import AddresseeRules
from verifier.attribution.lexicon import ADDRESSEE_VERBS, ADVERBIAL_START, AUXILIARIES, BE_FORMS, DETERMINERS, NEEDS_CLAUSE, NEEDS_TO, PERSON_NOUNS, PERSON_PRONOUNS, PHRASAL_CUES, PREPOSITIONS, WH_WORDS, cue_verb
from verifier.attribution.common import Frame, Tok, _AUDIENCE, _CALENDAR, _CONTINUE_WORDS, _MODALS, _OPEN_Q, _QUOTES, _RELATIVES, _STRAIGHT_Q, _SUBORDINATORS, _TIME_NOUNS, _TIME_WORDS, _adverb, _base, _finite, _particle_after, _strip_poss


# words that open the reporter's account of the occasion inside an adverbial: "said
# Friday as he entered the talks", "said last month when asked what ..."
_OCCASION_OPENERS = frozenset({"as", "when", "after", "before", "because", "since", "until", "once", "although"})


class ParticipleRules(AddresseeRules):
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _post(self, k: int, b: int, lemma: str) -> tuple[str, int]:
        """What follows the verb at toks[k]: (kind, token index where content starts),
        kind one of 'that', 'colon', 'clause', 'comma', 'quote', 'adverbial', 'end'. The
        constructions after the verb are tried in the order below; the first wins."""
        j = k + 1
        if j < b and self.toks[j].low in ("out",) and lemma == "point":
            j += 1
        if j < b and self.toks[j].text == ":" and all(not self.toks[x].word for x in range(j, b)):
            return "colon", b  # "He added:" closing its sentence
        if j >= b or all(not self.toks[x].word for x in range(j, b)):
            return "end", b
        if j + 2 < b and self.toks[j].low in ("on", "to", "in") and self.toks[j + 1].cap:
            e = self._quoted_title_after(j + 2, b)
            if e is not None:
                return self._post(e - 1, b, lemma)  # "said on CNN's “State of the Union” that ...": a venue
        if self._fronted_object_as(k, j, b):
            return "clause", j  # "a case that Sand described as “unrelated”": the object went before
        return (self._post_marker(j, b, lemma) or self._post_that_after_adverbial(j, b, lemma)
                or self._post_pronoun_clause(j, b, lemma) or self._post_addressee(j, b, lemma)
                or self._post_infinitive(j, b) or self._post_time(j, b) or self._post_demonstrative(j, b)
                or self._post_infinitive_after_time(j, b, lemma) or self._post_adverbial(j, b) or ("clause", j))

    def _post_marker(self, j: int, b: int, lemma: str) -> tuple[str, int] | None:
        """The word right after the verb marks the content: 'that', a colon, a
        phrasal particle ("called for a moratorium", "pointed out that"), a wh-word
        ("explained how ..."), a comma or a quotation mark."""
        t = self.toks[j]
        if t.low == "that":
            return "that", j
        if t.text == ":":
            return "colon", j + 1
        if t.low == "it" and _particle_after(self.toks, j - 1, b, PHRASAL_CUES.get(lemma, ())) == j + 1:
            j, t = j + 1, self.toks[j + 1]  # "made it clear that ...": the particle after 'it'
        if t.low in PHRASAL_CUES.get(lemma, ()) and j + 1 < b and self.toks[j + 1].word:
            if t.low in ("about", "of", "for", "against", "on", "in", "to", "with", "after", "behind", "from") or (
                    j + 1 < b and self.toks[j + 1].low == "that"):
                return "clause", j + 1  # "called for a moratorium", "railed against ..."
            return self._post(j, b, "")  # "pointed out that ..."
        if t.low in WH_WORDS and t.low not in ("which", "who", "whom", "whose", "when", "where") or (
                t.low in ("when", "where", "who") and j + 1 < b and self.toks[j + 1].low not in (
                    "asked", "questioned", "pressed", "interviewed", "speaking", "talking")
                and not self.toks[j + 1].low.endswith("ing")):
            return "that", j  # "explained how ...", "asked whether ..."
        if t.text == ",":
            return "comma", j
        if t.text in (_OPEN_Q | _STRAIGHT_Q):
            return "quote", j
        return None

    def _post_that_after_adverbial(self, j: int, b: int, lemma: str) -> tuple[str, int] | None:
        """Adverbials and an addressee before 'that' ("said in a statement Friday
        that", "told reporters that"), or a participle of the adverbial's own ("said at
        a news conference announcing that ...")."""
        m = j
        while m < b and m - j < (14 if lemma in ADDRESSEE_VERBS else 8) and self.toks[m].text not in ",;:" and \
                self.toks[m].low != "that" and not (self.toks[m].low in ("how", "why", "whether") and m > j) and \
                self.toks[m].text not in _QUOTES:
            if m > j and self.toks[m].low.endswith("ing") and cue_verb(self.toks[m].low) is not None \
                    and self.toks[j].low in ADVERBIAL_START and self.toks[j].low != "to":
                return "adverbial", m  # "said at a news conference announcing that ...": a participle of its own
            m += 1
        if m + 1 < b and self.toks[m].low == "that" and self._opens_that_clause(m + 1) and m > j \
                and self.toks[j].low in PREPOSITIONS and not self._has_finite_verb(j, m):
            return "that", m  # "said following a vote in 2001 that ...": a prepositional phrase, then the clause
        if m < b and self.toks[m].low in ("that", "how", "why", "whether") and all(
                self.toks[x].low in _TIME_WORDS or self.toks[x].cap or (lemma in ADDRESSEE_VERBS)
                or self.toks[x].low in ("reporters", "him", "her", "them", "us", "me", "supporters", "voters",
                                        "the", "a", "an", "crowd", "audience", "interview", "press", "conference",
                                        "news", "radio", "television", "tv")
                for x in range(j, m)):
            return "that", m
        return None

    def _opens_that_clause(self, i: int) -> bool:
        """Can toks[i], after 'that', open the clause 'that' introduces: a word that is
        no coordinator and no verb ('than that and will ...', 'than that is ...': a pronoun)?"""
        t = self.toks[i]
        return t.word and t.low not in ("and", "or", "but", "nor") and not _finite(t)

    def _post_pronoun_clause(self, j: int, b: int, lemma: str) -> tuple[str, int] | None:
        """A clause opening with a pronoun past an addressee or an adverbial
        ("told the forum he was ...", "said after the debate she would ...")."""
        if not (lemma in ADDRESSEE_VERBS or self.toks[j].low in ADVERBIAL_START):
            return None
        pron = self._pronoun_clause_after(j, b)
        return None if pron is None else ("clause", pron)

    def _post_infinitive(self, j: int, b: int) -> tuple[str, int] | None:
        """An infinitive after the verb ("plans to call ..."), not 'to' and an addressee."""
        t = self.toks[j]
        if t.low == "to" and j + 1 < b and self.toks[j + 1].word and not self.toks[j + 1].cap and \
                self.toks[j + 1].low not in DETERMINERS and self.toks[j + 1].low not in _AUDIENCE and \
                _strip_poss(self.toks[j + 1].low) not in PERSON_NOUNS and self.toks[j + 1].low not in (
                    "him", "her", "them", "us", "me", "reporters") and not self.toks[j + 1].text[0].isdigit():
            return "clause", j  # an infinitive: "plans to call ..."
        return None

    def _post_time(self, j: int, b: int) -> tuple[str, int] | None:
        """A time phrase, then a clause ("said Thursday he would ..."), or 'about' as
        'roughly' ("said about half of ...")."""
        t = self.toks[j]
        if t.low in _TIME_WORDS or t.low in _CALENDAR or t.low == "about":
            m2 = j
            if t.low == "about":
                if j + 1 < b and (self.toks[j + 1].text[0].isdigit() or self.toks[j + 1].text[0] in "$£€"
                                  or self.toks[j + 1].low in ("half", "one", "two", "three", "a", "a third",
                                                              "a quarter", "twice", "twice")):
                    return "clause", j  # "said about half of ...": 'about' is 'roughly'
            else:
                while m2 < b and (self.toks[m2].low in _TIME_WORDS or self.toks[m2].low in _CALENDAR
                                  or self.toks[m2].low in ("night", "morning", "week", "month", "year", "evening",
                                                           "afternoon", "day")) and self.toks[m2].low not in (
                        "a", "an", "the", "in", "at", "to", "with", "from", "after", "before", "while", "during"):
                    m2 += 1
            if m2 < b and m2 > j and (self.toks[m2].low in DETERMINERS or _base(self.toks[m2].low) in
                                      PERSON_PRONOUNS or self.toks[m2].low == "it" or self.toks[m2].cap
                                      or self.toks[m2].text[0].isdigit()) and self.toks[m2].low != "that":
                return "clause", (j if t.low == "about" else m2)  # "said Thursday he would ..."
        return None

    def _post_demonstrative(self, j: int, b: int) -> tuple[str, int] | None:
        """'this', 'last', 'next' not followed by a time noun open the content
        ("believe this provides ...")."""
        t = self.toks[j]
        if t.low in ("this", "last", "next") and not (j + 1 < b and (self.toks[j + 1].low in _TIME_NOUNS
                                                                    or self.toks[j + 1].low in _CALENDAR)):
            return "clause", j  # "believe this provides ...": 'this' opens the content, it is no time phrase
        return None

    def _post_infinitive_after_time(self, j: int, b: int, lemma: str) -> tuple[str, int] | None:
        """A verb that takes an infinitive, past a time phrase ("tried on Monday to
        delay the vote")."""
        t = self.toks[j]
        if lemma in NEEDS_TO and (t.low in ("on", "last", "this") or t.low in _TIME_WORDS):
            to = next((x for x in range(j + 1, min(b - 1, j + 4)) if self.toks[x].low == "to"), None)
            if to is not None and all(self.toks[x].low in _TIME_WORDS or self.toks[x].low in _CALENDAR
                                      or self.toks[x].low in ("on", "last", "this", "week", "month", "year")
                                      for x in range(j, to)):
                return "clause", to  # "tried on Monday to delay the vote"
        return None

    def _post_adverbial(self, j: int, b: int) -> tuple[str, int] | None:
        """An adverbial after the verb: up to the end or a short one to a comma makes
        a trailing cue; else 'that' after it, even past commas of its own ("said
        Thursday during a taping of a town hall in Buffalo, New York, that ...")."""
        t = self.toks[j]
        if t.low == "at" and j + 1 < b and self.toks[j + 1].low in ("least", "most"):
            return None  # "found at least one case", "said at most ten ...": a quantity, no place or time
        if t.low in ADVERBIAL_START or (t.low in _TIME_WORDS and t.low not in ("the", "a", "an")):
            # an adverbial up to the end or a comma: a trailing cue; else the content follows it
            m, subordinate = j, False
            while m < b and self.toks[m].text not in ",;" and self.toks[m].low != "that" and not (
                    m > j + 1 and not subordinate and self._wh_clause_at(m, b)):
                subordinate = subordinate or self._opens_occasion(self.toks[m])
                if m - j > 2 and not subordinate and self._verb_with_object(m, b):
                    return None  # "reported at least six planes filled the skies": a clause, no adverbial
                m += 1
            if m >= b or self.toks[m].text in ",;" and m - j <= 9:
                return "adverbial", m
            if self.toks[m].low == "that" or m < b and self._wh_clause_at(m, b):
                return "that", m  # "said on Monday that ...", "shows in detail how ..."
            # "said Thursday during a taping of a town hall in Buffalo, New York, that ...":
            # a long adverbial with commas of its own, then the content clause
            that = next((x for x in range(m, min(b, j + 30)) if self.toks[x].low == "that"), None)
            if that is not None and self.toks[that - 1].text == "," and not self._has_finite_verb(j - 1, that) \
                    and not any(self.toks[x].text in _QUOTES for x in range(j, that)):
                return "that", that
        return None

    def _wh_clause_at(self, m: int, b: int) -> bool:
        """Does an indirect question with its own subject open at toks[m] ('how companies
        shelter profits', 'whether the vote was legal'; not 'how to move forward', not
        'what it says about', an object of its own)?"""
        n = self.toks[m + 1] if m + 1 < b else None
        return self.toks[m].low in ("how", "why", "whether") and n is not None and n.word \
            and n.low not in ("to", "and", "or", "much", "many", "long")

    @staticmethod
    def _opens_occasion(t: Tok) -> bool:
        """Does `t` open the reporter's account of the occasion inside an adverbial ('said
        Friday as he entered the talks', 'said last month when asked ...')?"""
        return t.low in _SUBORDINATORS or t.low in _OCCASION_OPENERS

    def _verb_with_object(self, m: int, b: int) -> bool:
        """Is toks[m] a past verb after a noun, with an object of its own ('planes filled
        the skies', 'voters backed him')? A participle after its noun takes 'by' or a
        preposition instead ('a rally attended by 500', 'a meeting held in Ohio')."""
        t, prev = self.toks[m], self.toks[m - 1]
        if m + 1 >= b or not _finite(t) or t.low in AUXILIARIES or t.low in BE_FORMS:
            return False
        if not prev.word or prev.low in DETERMINERS or prev.low in PREPOSITIONS or prev.low in AUXILIARIES:
            return False
        nxt, after = self.toks[m + 1], self.toks[m + 2] if m + 2 < b else None
        if after is not None and (after.low in _TIME_NOUNS or after.low in _CALENDAR):
            return False  # "a statement issued a day earlier", "a letter sent the week before"
        return nxt.low in DETERMINERS or nxt.low in PERSON_PRONOUNS

    def _pronoun_clause_after(self, j: int, b: int) -> int | None:
        """A clause opening with a subject pronoun a few words after the verb, past an
        addressee or an adverbial ('told the forum he was', 'said after the vote they
        would'): the index of that pronoun, else None."""
        for m in range(j + 1, min(b - 1, j + 7)):
            tm = self.toks[m]
            if not tm.word or tm.low in ("that", "and", "but", "or", "who", "which") or cue_verb(tm.low) is not None:
                return None
            if tm.low in ("he", "she", "they", "we", "i") and m + 1 < b:
                nxt = self.toks[m + 1]
                if nxt.low in _MODALS and nxt.low != "to" or nxt.low in BE_FORMS or nxt.low in _CONTINUE_WORDS \
                        or nxt.low in ("had", "has", "have", "did", "does", "do") or nxt.low.endswith("ed"):
                    return m
                return None
        return None

    def _participle_frame(self, k: int, a: int, b: int, lemma: str, cls: str, frames: list[Frame]) -> Frame | None:
        """'..., announcing that ...', 'by saying ...', 'declined to say ...'."""
        t = self.toks[k]
        post_kind, ck = self._post(k, b, lemma)
        if post_kind == "adverbial" and ck < b and self.toks[ck].text == "," and ck + 1 < b and \
                any(self.toks[x].word for x in range(ck + 1, b)):
            post_kind, ck = "clause", ck + 1  # "saying during the debate, “That makes me smart”"
        if post_kind in ("end", "adverbial"):
            return None
        prev = self.toks[k - 1] if k > a else None
        if cls == "object" and t.low.endswith("ing") and (prev is None or prev.text not in ",—"):
            if prev is not None and prev.word:
                return self._reduced_relative(k - 1, a, t, lemma, cls, post_kind, ck)
            return None  # "for attacking them": the reporter's description
        j = k - 1
        while j >= a and self.toks[j].word and (_adverb(self.toks[j]) or self.toks[j].low in ("also", "then", "not",
                                                                                          "again", "still", "even")):
            j -= 1
        if t.low.endswith("ing") and j >= a and self.toks[j].word and not (
                self.toks[j].low in PREPOSITIONS or self.toks[j].low in ("to", "while", "when", "after", "before",
                                                                        "by", "without", "and", "or", "as")
                or self.toks[j].low in AUXILIARIES or self.toks[j].low in BE_FORMS or self.toks[j].low in _MODALS
                or _finite(self.toks[j])):
            return self._reduced_relative(j, a, t, lemma, cls, post_kind, ck)
        if prev is not None and prev.word and prev.low not in PREPOSITIONS and prev.low not in ("to", "and", "while",
                                                                                                 "when", "after", "before", "by") \
                and prev.low not in AUXILIARIES and prev.low not in BE_FORMS and prev.low not in _MODALS:
            # 'the growing concern', 'a winning message': an adjective, not a participle;
            # after a finite verb it is the verb's complement: 'kept guaranteeing that ...'
            if not (prev.text in ",—" or prev.low in PERSON_PRONOUNS or prev.cap or _finite(prev)):
                return None
        # the subject: the last frame's speaker in this sentence, else the sentence's subject
        speaker = None
        how = ""
        if lemma in NEEDS_CLAUSE and post_kind == "clause":
            return None
        for f in reversed(frames):
            if f.speaker:
                speaker, how = f.speaker, f"the subject of the clause, {f.speaker}"
                break
        if speaker is None:
            head = self._sentence_subject(a, k)
            if head is None or not self._subject_ok(cls, lemma, head[0], head[1]):
                return None
            speaker, how = self._speaker_with_reason(*head)
        if cls != "speech" and speaker is None:
            return None
        reasons = (f"reporting verb '{t.text}' (participle or infinitive); the content follows",) + ((how,) if how else ())
        return Frame(kind="verb", rule="participle", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                     reasons=reasons, right=self.toks[ck].start, left_edge=t.start, right_edge=t.end)

    def _finite_clause_at(self, i: int, b: int) -> bool:
        """Does a clause with its own subject and finite verb start at toks[i] ('there are
        ...', 'the plan will fail')? A noun phrase with a relative clause ('positions
        that are ...') or no verb ('his generosity in ...') is an object, not a clause."""
        first = self.toks[i] if i < b else None
        if first is None or not first.word or not (
                first.low in ("there", "it", "this", "these", "those") or _base(first.low) in PERSON_PRONOUNS
                or first.low in DETERMINERS or first.cap or first.text[0].isdigit()):
            return False
        for x in range(i + 1, min(b, i + 8)):
            t = self.toks[x]
            if not t.word or t.low in _RELATIVES or t.low in ("who", "which", "and", "or", "but"):
                return False
            if _finite(t) and not self._modifier_participle(x, i, b):
                return True
        return False

    def _modifier_participle(self, x: int, i: int, b: int) -> bool:
        """An '-ed' form inside the noun phrase opening at toks[i], modifying a noun ('a newly
        created role', 'the revised plan', 'a lead in pledged delegates', 'a meeting led by
        the governor'): after the determiner, a preposition or an adverb after them, or with
        its agent after it."""
        low = self.toks[x].low
        if not low.endswith("ed") or low in _MODALS or low in AUXILIARIES or low in BE_FORMS:
            return False  # 'the need for ...': a modal's form, not a participle
        if x + 1 < b and self.toks[x + 1].low == "by":
            return True  # 'a meeting led by ...': a passive participle after its noun
        p = x - 1
        if p > i and self.toks[p].low.endswith("ly"):
            p -= 1
        return p == i and self.toks[i].low in DETERMINERS or p > i and self.toks[p].low in PREPOSITIONS

    def _verb_group_start(self, k: int, a: int) -> int:
        j = k - 1
        while j >= a and self.toks[j].word and (self.toks[j].low in AUXILIARIES or self.toks[j].low in BE_FORMS
                                                or self.toks[j].low in _MODALS or self.toks[j].low in
                                                ("to", "going", "expected", "likely", "set", "able", "declined",
                                                 "refused", "continued", "went", "on", "wants", "wanted",
                                                 "plans", "planned", "tried", "hopes", "hoped", "began")):
            j -= 1
        return j + 1
