"""A reporting verb: is this form a verb here (not a noun or adjective) and which
frame it makes (finite, passive, participle); the span of its subject is
verb_subject.py."""

from __future__ import annotations

from verifier.attribution.lexicon import CONVENED_EVENTS, NOUN_CUES, AUXILIARIES, BE_FORMS, DETERMINERS, MODALS, SUMMONS, DOCUMENT_NOUNS, NEEDS_TO, NOUNISH, PERSON_NOUNS, PERSON_PRONOUNS, PHRASAL_CUES, PHRASAL_FORMS, PREPOSITIONS, ROLE_NOUNS, cue_verb, strong_past
from verifier.attribution.parsing import NOT_A_VERB, VERBAL
from verifier.attribution.verb_subject import VerbSubjectRules
from verifier.attribution.common import _finite, _VIEW_NOUNS, _DISPOSITIONS, _REFUSALS, Frame, _CALENDAR, _CLAUSE_OPENERS, _CLOSE_Q, _DASHES, _IRREGULAR_PAST, _MODALS, _QUANTITY_WORDS, _QUOTES, _STRAIGHT_Q, _TIME_WORDS, _adverb, _base, _is_poss, _particle_after, _people, _plural, _strip_poss


# the finite auxiliaries and forms of 'be' that open a clause's verb group ('were', 'has', 'will')
_NEXT_VERB = (BE_FORMS - {"am", "be", "been", "being"}) | {"have", "has", "had"} | (
    MODALS - {"also", "not", "to", "did", "does"})

class VerbRules(VerbSubjectRules):
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _verb_frame(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        """A cue verb form at toks[k] in the sentence toks[a:b]: None where the form is a
        noun or an adjective here, or reports no words or thoughts; else the frame of
        its construction (passive, progressive, participle or infinitive, finite)."""
        t = self.toks[k]
        lemma, cls = self._lemma_and_class(k, b)
        first_word = k == a or (k == a + 1 and self.toks[a].text in (_QUOTES | {"("}))
        if t.cap and not first_word and not self._title_case(a, b):
            return None
        prev = self.toks[k - 1] if k > a else None
        nxt = self.toks[k + 1] if k + 1 < b else None
        ing = t.low.endswith("ing")
        base = lemma.replace("_", " ")
        past = not ing and t.low not in (base, base + "s", base + "es", base[:-1] + "ies") and (
            t.low.endswith(("ed", "en", "wn")) or t.low in _IRREGULAR_PAST)
        tag = self._tag(k)
        if tag in NOT_A_VERB or tag not in VERBAL and (
                self._is_noun_here(k, a, b, lemma, cls, past, ing) or self._is_adjective_here(k, a)):
            return None  # a parser's tag decides; without one, the context tests
        if past and nxt is not None and nxt.low == "by":
            f = self._as_by_frame(k, a, b)
            if f is not None:
                return f
        aux = k - 1
        while aux >= a and self.toks[aux].word and self.toks[aux].low in AUXILIARIES and self.toks[aux].low not in BE_FORMS:
            aux -= 1
        passive = past and aux >= a and self.toks[aux].low in BE_FORMS and (t.low != "said" or (
            nxt is not None and nxt.low == "to"))
        if past and not passive and prev is not None and prev.text == "," and cls != "speech" and lemma not in (
                "say", "tell", "add") and nxt is not None and nxt.low == "by":
            return None  # "the plan, praised by ..." — an appositive participle
        if passive:
            return self._passive_frame(k, aux, a, b, lemma, cls)
        if self._reports_an_act(k, b, lemma):
            return None
        if lemma in NEEDS_TO and cls == "thought" and self._thought_lacks_clause(k, a, b, lemma, past, aux):
            return None  # but "hope the vote will help" has its clause
        return self._active_frame(k, a, b, lemma, cls, past, aux, frames)

    def _as_by_frame(self, k: int, a: int, b: int) -> Frame | None:
        """'As reported by the Harbor Times, the pier will close': opening its clause, 'as',
        a past participle of a cue and 'by AGENT' set off by a comma attribute the clause
        after the comma to the agent; 'as' is no subject."""
        j = k - 1
        while j >= a and self.toks[j].word and _adverb(self.toks[j]) or j >= a and self.toks[j].low == "first":
            j -= 1
        if j < a or self.toks[j].low != "as" or not (j == a or self.toks[j - 1].text in ",;(—"
                                                       or self.toks[j - 1].text in _QUOTES):
            return None
        comma = next((x for x in range(k + 2, min(b - 1, k + 14)) if not self.toks[x].word), None)
        if comma is None or self.toks[comma].text != "," or comma == k + 2 or not self.toks[comma + 1].word:
            return None
        speaker, how = self._speaker_with_reason(k + 2, comma)
        t = self.toks[k]
        reasons = (f"'{self.text[self.toks[j].start:t.end]} by ...': the clause after the comma is the agent's",) + (
            (how,) if how else ())
        return Frame(kind="verb", rule="as-by", cue=(self.toks[j].start, t.end),
                     cue_text=self.text[self.toks[j].start:t.end], speaker=speaker,
                     source=(self.toks[k + 2].start, self.toks[comma - 1].end), right=self.toks[comma + 1].start,
                     reasons=reasons, left_edge=self.toks[j].start, right_edge=self.toks[comma - 1].end)

    def _lemma_and_class(self, k: int, b: int) -> tuple[str, str]:
        """The lemma and class of the cue at toks[k]; a phrasal cue ("pointed out",
        "called for") is a speech verb unless its verb alone has a class of its own."""
        t = self.toks[k]
        if t.low in PHRASAL_FORMS and _particle_after(self.toks, k, b, PHRASAL_CUES[PHRASAL_FORMS[t.low]]) is not None:
            lemma, cls = PHRASAL_FORMS[t.low], "speech"
            if cue_verb(t.low) is not None:
                cls = cue_verb(t.low)[1]  # type: ignore[index]
            return lemma, cls
        return cue_verb(t.low)  # type: ignore[return-value]

    def _is_noun_here(self, k: int, a: int, b: int, lemma: str, cls: str, past: bool, ing: bool) -> bool:
        """Whether the form at toks[k] is a noun here: after a determiner or a possessive
        ("the report", "Trump's warning"), after a preposition ("in a post"), a name
        ("a program called ..."), the subject of its own verb ("Health worries have
        ..."), or a form as often a noun ('claims') outside a verb's context."""
        prev = self.toks[k - 1] if k > a else None
        nxt0 = self.toks[k + 1].low if k + 1 < b else ""
        t = self.toks[k]
        if self._is_noun_after_determiner(k, a, b, cls, ing) and not (
                prev is not None and prev.low == "which" and not ing and prev.start > self.toks[a].start
                and (self.toks[k - 2].text in (",", "—", "–", "--") or self.toks[k - 2].word and not self.toks[k - 2].cap)):
            return True  # but ", which said ...", "— which notes ...", "groups which say ...": a relative and its verb
        if prev is not None and prev.low in PREPOSITIONS and not ing and prev.low not in ("by",):
            return True  # "secretary of state", "in a post"
        if t.low in ("called", "named", "dubbed", "titled", "labeled", "labelled") and self._names_something(k, a, b):
            return True  # "a program called Sandy Hook Promise": a name, not a report
        if not past and not ing and t.low.endswith("s") and t.low != lemma and self._subject_of_next_verb(k, b) \
                and not (prev is not None and (_base(prev.low) in PERSON_PRONOUNS or prev.cap and k - 1 > a)):
            return True  # "Health worries have dogged ...", "no bank details or passwords were": a noun
        if (t.low in NOUNISH or lemma in NOUNISH) and not past and not ing:
            if prev is not None and (prev.low in _QUANTITY_WORDS or prev.text[0].isdigit()) and t.low.endswith("s") \
                    and prev.low not in ("the", "a", "an"):
                return True  # "several views that ...", "many reports": a noun
            if t.low in ("state", "protest", "protests") or t.low == "states" and nxt0 != "that" \
                    or self._after_one_thing(k, a, past, ing) or not self._verb_context(k, a, b):
                return True
        return False

    def _after_one_thing(self, k: int, a: int, past: bool, ing: bool) -> bool:
        """Is the base form toks[k] a noun after 'a'/'an' and one word ('a police report', 'a
        terrorist attack!')? A singular subject takes '-s', so no present verb can follow
        it; a quantity ('a few say', 'a majority believe') is plural."""
        if past or ing or k - 2 < a or self.toks[k].low.endswith("s") or self.toks[k - 2].low not in ("a", "an"):
            return False
        prev = self.toks[k - 1]
        return prev.word and prev.low not in _QUANTITY_WORDS and prev.low not in (
            "few", "lot", "couple", "handful", "majority", "minority", "number", "dozen", "third", "quarter", "half")

    def _subject_of_next_verb(self, k: int, b: int) -> bool:
        """Does an auxiliary or 'be' follow toks[k] at once, or after 'or'/'and' and one
        or two lower-case words ('details or passwords were')? Then toks[k] is its subject."""
        j = k + 1
        if j + 1 < b and self.toks[j].low in ("or", "and"):
            j += 1
            while j < k + 5 and j < b and self.toks[j].word and not self.toks[j].cap and \
                    self.toks[j].low not in _NEXT_VERB:
                j += 1
            if j == k + 2:
                return False
        return j < b and self.toks[j].low in _NEXT_VERB

    def _is_noun_after_determiner(self, k: int, a: int, b: int, cls: str, ing: bool) -> bool:
        """'the report', 'his claims', "Trump's warning": a noun after a determiner or a
        possessive; but "that said" and a quantifier before a verb ("many said",
        "some believe the plan will fail") keep the verb."""
        prev = self.toks[k - 1] if k > a else None
        if prev is None or not (prev.low in DETERMINERS or _is_poss(prev.text)) or prev.low == "that" and not ing:
            return False
        t = self.toks[k]
        nxt0 = self.toks[k + 1].low if k + 1 < b else ""
        return not (prev.low in ("another", "some", "each", "either", "neither", "both", "many", "few", "most", "all",
                                 "several", "others") and (t.low in ("said", "says", "told", "tells", "wrote", "writes")
                                                           or nxt0 == "that" and not t.low.endswith("s")
                                                           or not t.low.endswith("s") and cls in ("thought", "speech")
                                                           and self._finite_clause_at(k + 1, b)))

    def _is_adjective_here(self, k: int, a: int) -> bool:
        """"a racially charged argument": an adjective after a determiner or a
        preposition and adverbs."""
        j = k - 1
        while j >= a and self.toks[j].word and _adverb(self.toks[j]):
            j -= 1
        return j < k - 1 and j >= a and (self.toks[j].low in DETERMINERS or self.toks[j].low in PREPOSITIONS)

    def _reports_an_act(self, k: int, b: int, lemma: str) -> bool:
        """"refused to take questions", "the council rejected the plan": an act or a
        decision the article reports, not words or thoughts."""
        nxt = self.toks[k + 1] if k + 1 < b else None
        if lemma in _REFUSALS and nxt is not None and nxt.low == "to" and (
                k + 2 >= b or cue_verb(self.toks[k + 2].low) is None):
            return True
        if lemma in SUMMONS and self._lone_object(k + 1, b, lemma):
            return True
        if lemma == "report" and nxt is not None and nxt.low == "from" and self._place_only(k + 2, b):
            return True  # "Julie Davis reported from Midway Atoll.": where the reporter was
        return lemma in _DISPOSITIONS and not self._takes_a_view(k + 1, b)

    def _place_only(self, j: int, b: int) -> bool:
        """Is toks[j:] a place name ('Midway Atoll', 'Kaneohe Bay, Hawaii') ending its clause?"""
        m = j
        while m < b and (self.toks[m].cap or self.toks[m].text in (".", ",") and m > j and m + 1 < b
                         and self.toks[m + 1].cap):
            m += 1
        return m > j and (m >= b or self.toks[m].text in ".;" or self.toks[m].low == "and" or self.toks[m].text == ","
                          and m + 1 < b and self.toks[m + 1].low == "and")

    def _lone_object(self, j: int, b: int, lemma: str) -> bool:
        """Is toks[j:] one object with no second complement before the clause goes on
        (an end, a comma, a preposition, an adverb, a participle or a subordinate clause)?
        A pronoun, a name or a bare plural ('called Ms. Ortiz on Friday', 'to call
        voters,'), or an event ('called an emergency session following the tests'). A
        quotation, a second noun phrase ('called it a disgrace') or a particle ('called for')
        is a report; so is any other object, which may run into its complement ('called the
        plan reckless')."""
        if j >= b or self.toks[j].low in PHRASAL_CUES.get(lemma, ()):
            return False
        t = self.toks[j]
        m = j + 1
        if t.low in _CALENDAR or t.low in _TIME_WORDS:
            return False  # "called Wednesday for ...": a time, then the particle
        if t.cap and t.low not in DETERMINERS:
            while m < b and (self.toks[m].cap or self.toks[m].text == "."):
                m += 1  # a name: 'Naghmeh Abedini', 'Mr. Reed'
        elif t.low in ("a", "an", "the"):  # not 'her vote': a possessive's event is no summons
            while m < b and m - j <= 4 and self.toks[m].word and self.toks[m].low not in CONVENED_EVENTS and not (
                    _plural(self.toks[m].low) and self.toks[m].low[:-1] in CONVENED_EVENTS):
                m += 1
            if m >= b or m - j > 4 or not self.toks[m].word:
                return False
            m += 1  # 'an emergency session', 'snap parliamentary elections' (after 'the', 'a', 'snap'...)
        elif not (_base(t.low) in PERSON_PRONOUNS or t.low in ("him", "them", "us", "me") or _plural(t.low)):
            return False
        if m >= b:
            return True
        n = self.toks[m]
        if n.text == "," and m + 1 < b and (self.toks[m + 1].low in DETERMINERS or _is_poss(self.toks[m + 1].text)):
            return False  # "called Clinton, his rival, an ISIS “co-founder”": an appositive, then the complement
        return n.text in ",.;:)—" or n.low in PREPOSITIONS and n.low != "as" or self._opens_occasion(n) \
            or n.low == "and" or (n.low.endswith("ly") and n.word) or n.low.endswith("ing") and n.word

    def _thought_lacks_clause(self, k: int, a: int, b: int, lemma: str, past: bool, aux: int) -> bool:
        """Whether a thought verb taking an infinitive ('hope', 'plan', 'decide') has
        neither 'to' nor 'that' nor a clause after it ("hope the vote will help",
        "decided she should share the honor", "tried on Tuesday to make the case"), or
        is a past perfect ("had hoped")."""
        nxt = self.toks[k + 1] if k + 1 < b else None
        clause = lemma in ("hope", "wish") and nxt is not None and nxt.low not in ("to", "that") and any(
            self.toks[x].low in ("will", "would", "can", "could", "'ll", "’ll", "might", "may")
            or self.toks[x].low.endswith(("’d", "'d", "’ll", "'ll")) for x in range(k + 1, min(b, k + 16)))
        if not clause and nxt is not None and lemma in ("decide", "hope", "wish", "plan", "intend", "prefer") \
                and self._finite_clause_at(k + 1, b):
            clause = True  # "decided she should share the honor"
        if not clause and nxt is not None and (nxt.low in _TIME_WORDS or nxt.low in ("on", "last", "this")):
            clause = self._infinitive_past_time(k, b)  # "tried on Tuesday to make the case"
        return not clause and (nxt is None or nxt.low not in ("to", "that")) or \
            past and aux >= a and self.toks[aux].low in ("had",)

    def _infinitive_past_time(self, k: int, b: int) -> bool:
        """"tried on Tuesday to make the case": 'to' after a short time phrase."""
        m = k + 1
        while m < b and m - k <= 4 and self.toks[m].low != "to" and self.toks[m].word:
            m += 1
        return m < b and self.toks[m].low == "to" and all(
            self.toks[x].low in _TIME_WORDS or self.toks[x].low in _CALENDAR or self.toks[x].low in (
                "on", "last", "this", "week", "month", "year", "night", "morning")
            for x in range(k + 1, m))

    def _active_frame(self, k: int, a: int, b: int, lemma: str, cls: str, past: bool, aux: int,
                      frames: list[Frame]) -> Frame | None:
        """The frame of an active cue: a progressive ("is promising to ...") and a finite
        verb are finite frames, a participle or an infinitive ("..., announcing",
        "to say") a participle frame; an '-ing' noun before a verb ("The appeals court
        ruling could decide ...") none."""
        t = self.toks[k]
        ing = t.low.endswith("ing")
        prev = self.toks[k - 1] if k > a else None
        nxt0 = self.toks[k + 1].low if k + 1 < b else ""
        if ing and aux >= a and (self.toks[aux].low in BE_FORMS or self.toks[aux].low.endswith(
                ("’s", "'s", "’re", "'re", "’m", "'m")) and _base(self.toks[aux].low) in PERSON_PRONOUNS | {"it"}) \
                and self.toks[aux].low not in ("being", "been") \
                and not (aux > a and self.toks[aux - 1].low in _CLAUSE_OPENERS):
            return self._finite_frame(k, a, b, lemma, cls)  # progressive: "is promising to ..."
        if ing and nxt0 in ("could", "would", "will", "may", "might", "can", "should", "must", "has", "had", "was",
                            "is"):
            return None  # "The appeals court ruling could decide ...": a noun
        if ing or (prev is not None and prev.low == "to" and not past):
            return self._participle_frame(k, a, b, lemma, cls, frames)
        return self._finite_frame(k, a, b, lemma, cls)

    def _takes_a_view(self, j: int, b: int) -> bool:
        """Is the object starting at toks[j] something said or believed ('that criticism',
        'claims that ...', 'the idea'), within its first five words before any comma?"""
        for x in range(j, min(b, j + 5)):
            t = self.toks[x]
            if not t.word:
                return False
            if t.low in _VIEW_NOUNS or t.low in NOUN_CUES:
                return True
        return False

    def _names_something(self, k: int, a: int, b: int) -> bool:
        """'... a movement called the People's Party.' / 'a group called "Never Again"':
        a participle after a common noun, followed by a name that runs to the end of
        its phrase or to the verb of its clause, gives a name; 'Trump called Clinton a
        liar' is a report."""
        prev = self.toks[k - 1] if k > a else None
        if prev is None or not prev.word or _base(prev.low) in PERSON_PRONOUNS \
                or prev.low in AUXILIARIES or prev.low in BE_FORMS:
            return False
        indefinite = any(self.toks[x].low in ("a", "an") for x in range(max(a, k - 5), k - 1))
        if prev.cap and not indefinite:
            return False  # "Trump called ...": a subject; "a super PAC called ...", "a group of Ethiopians called ..." name
        if _strip_poss(prev.low) in PERSON_NOUNS and not indefinite:
            return False  # "officials called ..." is a report; "a charity called ..." names
        m = k + 1
        if m < b and self.toks[m].low == "the":
            m += 1
        quoted = m < b and self.toks[m].text in _QUOTES
        if quoted:
            m += 1
        start = m
        if m < b and self.toks[m].low in _CALENDAR:
            return False  # "The mayor called Monday for ...": a time, not a name
        while m < b and (self.toks[m].cap or self.toks[m].low in ("of", "for", "and", "the", "&") and m > start
                         or self.toks[m].text[0].isdigit() and m > start  # "a group called Ginbot 7"
                         or self.toks[m].text in ("'s", "’s", "-")):
            m += 1
        while m - 1 > start and self.toks[m - 1].low in ("of", "for", "and", "the", "&"):
            m -= 1  # "a charity called Open Doors and a church": the name ends before 'and'
        if quoted and m < b and self.toks[m].text in _QUOTES:
            m += 1
        return m > start and (m >= b or self.toks[m].text in ".,;:)—" or self.toks[m].low in (
            "that", "which", "who", "and", "in", "on", "at", "to", "for", "with") or _finite(self.toks[m]))

    def _title_case(self, a: int, b: int) -> bool:
        """A headline in Title Case ('Trump’s Son Says The Battle Is ...')."""
        words = [t for t in self.toks[a:b] if t.word and t.text[0].isalpha()]
        return len(words) >= 4 and sum(1 for t in words if t.cap) >= 0.8 * len(words)

    def _fronted_object_as(self, k: int, j: int, b: int) -> bool:
        """A verb of judging right before 'as' with its object fronted by a relative ('a case
        that Sand described as ...', 'the plan, which critics branded as ...'): the 'as'
        phrase is what was said of it."""
        cv = cue_verb(self.toks[k].low)
        if cv is None or cv[1] not in ("object", "speech") or self.toks[j].low != "as" or j + 1 >= b \
                or self.toks[j + 1].low in ("soon", "well", "long", "much", "if", "though", "part") \
                or j + 2 < b and self.toks[j + 2].low in ("result", "whole", "rule"):
            return False  # "as soon as", "as a result": no 'as' phrase of the object
        lo = max(0, k - 6)
        return any(self.toks[x].low in ("that", "which", "whom") for x in range(lo, k))

    def _verb_context(self, k: int, a: int, b: int) -> bool:
        """A form that is as often a noun ('report', 'claims') reads as a verb here."""
        prev = self.toks[k - 1] if k > a else None
        nxt = self.toks[k + 1] if k + 1 < b else None
        if prev is None:
            return nxt is not None and nxt.low in ("that", ":")
        if prev.low in _MODALS or _base(prev.low) in PERSON_PRONOUNS or prev.low in ("who", "also", "it", "this") \
                or prev.low == "which" and k - 2 >= a and (self.toks[k - 2].text in (",", "—", "–", "--")
                                                           or self.toks[k - 2].word):
            return True  # "boards which claim ...": the verb of a relative
        if prev.word and (_adverb(prev) or prev.low in ("often", "always", "never", "still", "now", "again",
                                                        "repeatedly", "frequently", "regularly", "rarely")) \
                and k - 2 >= a and (_base(self.toks[k - 2].low) in PERSON_PRONOUNS or self._is_name_tok(k - 2)
                                    or _strip_poss(self.toks[k - 2].low) in PERSON_NOUNS):
            return True  # "He often calls out ...", "Trump openly states ..."
        if not self.toks[k].low.endswith("s") and prev.word and prev.low.endswith("s") and not _is_poss(prev.text) \
                and (prev.low in DOCUMENT_NOUNS or prev.low in PERSON_NOUNS or _people(prev.low)) and nxt is not None \
                and (nxt.word or nxt.text == ","):
            return True  # "the polls show Clinton ahead", "records show, ..."

        if (nxt is None or nxt.text in ".!?") and prev.word and not prev.cap and prev.low not in DETERMINERS \
                and prev.low not in PREPOSITIONS:
            return True  # "..., a new analysis shows."
        if nxt is not None and nxt.low == "that" and self.toks[k].low.endswith("s") and prev.word and \
                not prev.cap and prev.low not in DETERMINERS and prev.low not in PREPOSITIONS and \
                not prev.low.endswith("s"):
            return True  # "another slide shows that ..."
        if prev.text in _DASHES and nxt is not None and nxt.low == "that" and self.toks[k].low.endswith("s") and any(
                self.toks[x].text == prev.text for x in range(a, k - 1)):
            return True  # "Byrne — who was posted at the door — states that ...": the verb after a dash aside
        if (prev.text in _CLOSE_Q or prev.text in _STRAIGHT_Q or prev.text == ",") and nxt is not None and (
                nxt.cap or nxt.low in ("the", "a", "an")):
            return True  # inverted: '"...," reads a editorial
        if prev.word and prev.cap and self._is_name_tok(k - 1) and self.toks[k].low.endswith("s"):
            return True
        if prev.low in ("many", "most", "some", "others", "few", "several", "both", "all") \
                and not self.toks[k].low.endswith("s") and self._finite_clause_at(k + 1, b):
            return True  # "Many fear Trump will ..."
        if self.toks[k].low.endswith("s") and nxt is not None and (
                nxt.low in ("to", "that") or nxt.low in DETERMINERS or nxt.cap or _base(nxt.low) in PERSON_PRONOUNS
        ) and prev.word and (_strip_poss(prev.low) in PERSON_NOUNS or prev.low in ROLE_NOUNS
                             or prev.low in DOCUMENT_NOUNS) and not _plural(prev.low):
            return True  # "The governor plans to veto ...", "The video shows Smith ..."
        if nxt is not None and nxt.low in ("that", ":") and prev.word and (
                _strip_poss(prev.low) in PERSON_NOUNS or prev.low in DOCUMENT_NOUNS):
            return True
        if nxt is not None and (nxt.word or nxt.text == ",") and (prev.word or prev.text == ","):
            # "The poll shows both ...", "Polls in New Hampshire show ...": the subject's head
            # is a document or a source, and agrees with the verb
            s_start, s_end, aux_start = self._subject_span(k, a)
            words = [x for x in self.toks[s_start:s_end] if x.word]
            if words and aux_start == k and s_end == k:
                head = self._head(words)
                low = _strip_poss(head.low)
                plural = low.endswith("s") and not low.endswith("ss")
                agrees = plural != self.toks[k].low.endswith("s")
                if agrees and (not head.cap or head is words[0] and s_start == a) and (low in DOCUMENT_NOUNS or low in PERSON_NOUNS) \
                        and low not in ("state", "states", "house", "senate", "court", "it", "one", "all", "some"):
                    return True
        return False
