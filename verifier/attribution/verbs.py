"""A reporting verb: is this form a verb here (not a noun or adjective), which
frame it makes (finite, passive, participle), and the span of its subject."""

from __future__ import annotations

from verifier.attribution.lexicon import NOUN_CUES, AUXILIARIES, BE_FORMS, DETERMINERS, DOCUMENT_NOUNS, NEEDS_TO, NOUNISH, PERSON_NOUNS, PERSON_PRONOUNS, PHRASAL_CUES, PHRASAL_FORMS, PREPOSITIONS, ROLE_NOUNS, cue_verb
from verifier.attribution.common import _VIEW_NOUNS, _DISPOSITIONS, _REFUSALS, Frame, _CALENDAR, _CLAUSE_OPENERS, _CLOSE_Q, _DASHES, _FUNCTION, _IRREGULAR_PAST, _MODALS, _PAREN_ADVERBS, _QUANTITY_WORDS, _QUOTES, _STRAIGHT_Q, _TIME_WORDS, _adverb, _base, _is_poss, _people, _plural, _strip_poss


class VerbRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _verb_frame(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        t = self.toks[k]
        nxt0 = self.toks[k + 1].low if k + 1 < b else ""
        if t.low in PHRASAL_FORMS and nxt0 in PHRASAL_CUES[PHRASAL_FORMS[t.low]]:
            lemma, cls = PHRASAL_FORMS[t.low], "speech"
            if cue_verb(t.low) is not None:
                cls = cue_verb(t.low)[1]  # type: ignore[index]
        else:
            lemma, cls = cue_verb(t.low)  # type: ignore[misc]
        first_word = k == a or (k == a + 1 and self.toks[a].text in (_QUOTES | {"("}))
        if t.cap and not first_word and not self._title_case(a, b):
            return None
        prev = self.toks[k - 1] if k > a else None
        nxt = self.toks[k + 1] if k + 1 < b else None
        ing = t.low.endswith("ing")
        base = lemma.replace("_", " ")
        past = not ing and t.low not in (base, base + "s", base + "es", base[:-1] + "ies") and (
            t.low.endswith(("ed", "en", "wn")) or t.low in _IRREGULAR_PAST)
        if prev is not None and (prev.low in DETERMINERS or _is_poss(prev.text)) and not (
                prev.low == "that" and not ing) and not (
                prev.low in ("another", "some", "each", "either", "neither", "both", "many", "few", "most", "all",
                             "several", "others") and (t.low in ("said", "says", "told", "tells", "wrote", "writes")
                                                       or nxt0 == "that" and not t.low.endswith("s")
                                                       or not t.low.endswith("s") and cls in ("thought", "speech")
                                                       and self._finite_clause_at(k + 1, b))):
            return None  # a noun: "the report", "his claims", "Trump's warning"
        if prev is not None and prev.low in PREPOSITIONS and not ing and prev.low not in ("by",):
            return None  # "secretary of state", "in a post"
        if t.low in ("called", "named", "dubbed", "titled", "labeled", "labelled") and self._names_something(k, a, b):
            return None  # "a program called Sandy Hook Promise": a name, not a report
        if not past and not ing and t.low.endswith("s") and t.low != lemma and nxt0 in (
                "have", "has", "had", "are", "were", "is", "was", "will", "would", "can", "could", "may", "might",
                "should", "must") and not (prev is not None and (_base(prev.low) in PERSON_PRONOUNS or prev.cap and k - 1 > a)):
            return None  # "Health worries have dogged ...": a noun, the subject of its own verb
        if (t.low in NOUNISH or lemma in NOUNISH) and not past and not ing:
            if prev is not None and (prev.low in _QUANTITY_WORDS or prev.text[0].isdigit()) and t.low.endswith("s") \
                    and prev.low not in ("the", "a", "an"):
                return None  # "several views that ...", "many reports": a noun
            if t.low in ("state", "protest", "protests") or t.low == "states" and nxt0 != "that" \
                    or not self._verb_context(k, a, b):
                return None
        # "a racially charged argument": an adjective after a determiner and adverbs
        j = k - 1
        while j >= a and self.toks[j].word and _adverb(self.toks[j]):
            j -= 1
        if j < k - 1 and j >= a and (self.toks[j].low in DETERMINERS or self.toks[j].low in PREPOSITIONS):
            return None
        # passives
        aux = k - 1
        while aux >= a and self.toks[aux].word and self.toks[aux].low in AUXILIARIES and self.toks[aux].low not in BE_FORMS:
            aux -= 1
        passive = past and aux >= a and self.toks[aux].low in BE_FORMS and (t.low != "said" or (
            nxt is not None and nxt.low == "to"))
        if past and not passive and prev is not None and prev.text == "," and cls != "speech" and lemma not in (
                "say", "tell", "add"):
            # "the plan, praised by ..." — an appositive participle
            if nxt is not None and nxt.low == "by":
                return None
        if passive:
            return self._passive_frame(k, aux, a, b, lemma, cls)
        if lemma in _REFUSALS and nxt is not None and nxt.low == "to" and (
                k + 2 >= b or cue_verb(self.toks[k + 2].low) is None):
            return None  # "refused to take questions": an act the article reports, not words or thoughts
        if lemma in _DISPOSITIONS and not self._takes_a_view(k + 1, b):
            return None  # "the council rejected the plan": a decision the article reports, not a report
        if lemma in NEEDS_TO and cls == "thought":
            clause = lemma in ("hope", "wish") and nxt is not None and nxt.low not in ("to", "that") and any(
                self.toks[x].low in ("will", "would", "can", "could", "'ll", "’ll", "might", "may")
                or self.toks[x].low.endswith(("’d", "'d", "’ll", "'ll")) for x in range(k + 1, min(b, k + 16)))
            if not clause and nxt is not None and lemma in ("decide", "hope", "wish", "plan", "intend", "prefer") \
                    and self._finite_clause_at(k + 1, b):
                clause = True  # "decided she should share the honor"
            if not clause and nxt is not None and (nxt.low in _TIME_WORDS or nxt.low in ("on", "last", "this")):
                m = k + 1
                while m < b and m - k <= 4 and self.toks[m].low != "to" and self.toks[m].word:
                    m += 1
                clause = m < b and self.toks[m].low == "to" and all(
                    self.toks[x].low in _TIME_WORDS or self.toks[x].low in _CALENDAR or self.toks[x].low in (
                        "on", "last", "this", "week", "month", "year", "night", "morning")
                    for x in range(k + 1, m))  # "tried on Tuesday to make the case"
            if not clause and (nxt is None or nxt.low not in ("to", "that")) or \
                    past and aux >= a and self.toks[aux].low in ("had",):
                return None  # but "hope the vote will help" has its clause
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
        its phrase, gives a name; 'Trump called Clinton a liar' is a report."""
        prev = self.toks[k - 1] if k > a else None
        if prev is None or not prev.word or prev.cap or _base(prev.low) in PERSON_PRONOUNS \
                or prev.low in AUXILIARIES or prev.low in BE_FORMS:
            return False
        indefinite = any(self.toks[x].low in ("a", "an") for x in range(max(a, k - 4), k - 1))
        if _strip_poss(prev.low) in PERSON_NOUNS and not indefinite:
            return False  # "officials called ..." is a report; "a charity called ..." names
        m = k + 1
        if m < b and self.toks[m].low == "the":
            m += 1
        quoted = m < b and self.toks[m].text in _QUOTES
        if quoted:
            m += 1
        start = m
        while m < b and (self.toks[m].cap or self.toks[m].low in ("of", "for", "and", "the", "&") and m > start
                         or self.toks[m].text in ("'s", "’s", "-")):
            m += 1
        if quoted and m < b and self.toks[m].text in _QUOTES:
            m += 1
        return m > start and (m >= b or self.toks[m].text in ".,;:)—" or self.toks[m].low in (
            "that", "which", "who", "and", "in", "on", "at", "to", "for", "with"))

    def _title_case(self, a: int, b: int) -> bool:
        """A headline in Title Case ('Trump’s Son Says The Battle Is ...')."""
        words = [t for t in self.toks[a:b] if t.word and t.text[0].isalpha()]
        return len(words) >= 4 and sum(1 for t in words if t.cap) >= 0.8 * len(words)

    def _verb_context(self, k: int, a: int, b: int) -> bool:
        """A form that is as often a noun ('report', 'claims') reads as a verb here."""
        prev = self.toks[k - 1] if k > a else None
        nxt = self.toks[k + 1] if k + 1 < b else None
        if prev is None:
            return nxt is not None and nxt.low in ("that", ":")
        if prev.low in _MODALS or _base(prev.low) in PERSON_PRONOUNS or prev.low in ("who", "also", "it", "this"):
            return True
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

    def _subject_span(self, k: int, a: int) -> tuple[int, int, int]:
        """(subject start, subject end, aux start) token indexes of the subject before toks[k]:
        the auxiliaries and adverbs are skipped, appositives are jumped over."""
        j = k - 1
        while j >= a and self.toks[j].word and (self.toks[j].low in AUXILIARIES or _adverb(self.toks[j])):
            j -= 1
        aux_start = j + 1
        end = j + 1
        if j < a:
            return a, a, aux_start
        if self.toks[j].text == ")":
            # "Sen. Bernie Sanders (I-Vt.) said": skip the parenthesis
            m = j - 1
            while m >= a and self.toks[m].text != "(" and j - m < 12:
                m -= 1
            if m > a and self.toks[m].text == "(":
                s_start, _, _ = self._subject_span(m, a)
                if s_start < m and not self.toks[m - 1].text == ",":
                    return s_start, end, aux_start
                j = m - 1 if self.toks[m - 1].text == "," else j
        if self.toks[j].text == "," or self.toks[j].text == ")":
            # appositive: "Angelique Brunner, a developer, said": the chunk between the
            # commas describes the name before it; go back to that name
            commas = [m for m in range(j - 1, max(a - 1, j - 40), -1) if self.toks[m].text in ",(;:"
                      or self.toks[m].text in _QUOTES]
            if not commas or self.toks[commas[0]].text not in ",(":
                return j, j, aux_start
            c = commas[0]
            chunk = [x for x in self.toks[c + 1:j] if x.word]
            if len(chunk) == 1 and (chunk[0].low in _PAREN_ADVERBS or _adverb(chunk[0])) or \
                    [x.low for x in chunk] in (["for", "example"], ["for", "instance"], ["in", "fact"], ["in", "turn"]):
                # "NATO's secretary general, meanwhile, called on ..."; "Lena Cho, the head of ..., for example,"
                for probe in (c + 1, c):
                    s_start, s_end, _ = self._subject_span(probe, a)
                    if s_start < c and s_start < s_end:
                        return s_start, end, aux_start
            if c - 1 >= a and self.toks[c - 1].text == ")":  # "Rep. Gregory Meeks (D-N.Y.), chairman ..., said"
                p = c - 1
                while p >= a and self.toks[p].text != "(" and c - p < 12:
                    p -= 1
                if p > a and self.toks[p].text == "(":
                    c = p
            m = c - 1
            while m >= a and self.toks[m].word and self.toks[m].cap or m >= a and self.toks[m].text in ".-":
                m -= 1
            name_first = m < c - 1 and (m < a or self.toks[m].text in ",;:" or self.toks[m].text in _QUOTES
                                        or self.toks[m].low in ("and", "but", "that"))
            rel_appositive = chunk and chunk[0].low in ("a", "an", "the", "former", "one") and any(
                x.low in ("who", "which", "whose") for x in chunk)  # ", a Republican who has ...,"
            if chunk and not rel_appositive and chunk[0].low not in ("who", "which", "whose", "whom") and any(
                    x.low in BE_FORMS or x.low in _MODALS and x.low != "to" or x.low in ("has", "have", "had")
                    for x in chunk):
                return j, j, aux_start  # a clause, not an appositive
            if not chunk or not (chunk[0].low in ("a", "an", "the", "who", "which", "whose", "whom", "former", "one",
                                                  "both", "also", "now", "then", "himself", "herself", "its", "his",
                                                  "her", "their", "chairman", "president", "director", "head",
                                                  "including", "like", "such", "especially", "among", "along",
                                                  "together", "as", "in", "at", "for", "from", "of")
                                 or _is_poss(chunk[0].text) or chunk[0].low in PERSON_NOUNS or chunk[0].low in ROLE_NOUNS
                                 or len(chunk) > 1 and chunk[0].low.endswith("ed") and chunk[1].low == "by"
                                 or self._is_name_tok(self.toks.index(chunk[0], c + 1, j))
                                 or name_first and len(chunk) <= 14
                                 or len(chunk) <= 5 and all(x.cap for x in chunk)):  # "The minister, Mr. Ruiz, said"
                return j, j, aux_start
            m = c - 1
            while m >= a and self.toks[m].text not in ",;:()—–--" and self.toks[m].text not in _QUOTES and \
                    self.toks[m].low not in ("that", "and", "but", "because", "while", "when", "if", "although"):
                m -= 1
            words = [x for x in self.toks[m + 1:c] if x.word]
            if not words or len(words) > (14 if words[0].low in ("a", "an", "the") else 8):
                return j, j, aux_start
            return m + 1, end, aux_start
        if self.toks[j].text in _DASHES and j - 1 >= a:
            # "Many speakers — including Muslims, Jews — said": the subject is before the dashes
            m = j - 1
            while m >= a and self.toks[m].text not in _DASHES and j - m < 25:
                m -= 1
            if m > a and self.toks[m].text in _DASHES:
                s_start, _, _ = self._subject_span(m, a)
                if s_start < m:
                    return s_start, end, aux_start
        m = j
        while m >= a:
            tm = self.toks[m]
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
            if tm.low in ("that", "but", "because", "while", "whether", "if", "when", "although", "and", "or") \
                    and m == j:  # "... and argued": no subject of its own (a coordinated verb)
                break
            if m < j and tm.word and not tm.cap and (tm.low in BE_FORMS or cue_verb(tm.low) is not None
                                                     and tm.low.endswith(("ed", "id", "ld"))):
                break  # a verb: the subject starts after it
            m -= 1
        if m + 1 <= j and m >= a and self.toks[m].low in ("that", "which", "who") and m - 1 >= a \
                and self.toks[m - 1].word and not self.toks[m - 1].cap and self.toks[m - 1].low not in _FUNCTION:
            nxt = self.toks[m + 1]
            if nxt.low in BE_FORMS or nxt.low in ("has", "have", "had") or nxt.low.endswith("ed") \
                    or nxt.low in _IRREGULAR_PAST:
                # "A study that appeared in the journal found ...": the relative clause
                # belongs to the subject before it
                head_start, _, _ = self._subject_span(m, a)
                if head_start < m:
                    return head_start, end, aux_start
        return m + 1, end, aux_start
