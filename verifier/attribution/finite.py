"""A finite reporting verb: "SOURCE said (that) CONTENT", "CONTENT, SOURCE said",
"CONTENT, said SOURCE" (inverted.py), medial cues and appositive views."""

from __future__ import annotations

import bisect

from verifier.attribution.lexicon import ADDRESSEE_VERBS, ADVERBIAL_START, AUXILIARIES, BE_FORMS, DETERMINERS, DOCUMENT_NOUNS, NEEDS_CLAUSE, PHRASAL_CUES, PLACE_PREPOSITIONS, PREPOSITIONS, cue_verb
from verifier.attribution.inverted import InvertedRules
from verifier.attribution.relatives import RelativeRules
from verifier.attribution.common import Frame, Tok, _CALENDAR, _CLOSE_Q, _OPEN_Q, _QUOTES, _TAKES_INFINITIVE, _TIME_NOUNS, _TIME_WORDS, _VIEW_NOUNS, _adverb, _finite


class FiniteRules(InvertedRules, RelativeRules):
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _finite_frame(self, k: int, a: int, b: int, lemma: str, cls: str) -> Frame | None:
        """A finite reporting verb at toks[k] in the sentence toks[a:b]: an inverted
        trailing cue ('..., said Smith.'), or a subject before the verb ('Smith said
        that ...', '..., Smith said.'), a subject shared with an earlier verb ('She
        paid ..., but said ...') or the antecedent of a relative ('critics who say')."""
        prev = self.toks[k - 1] if k > a else None
        s_start, s_end, aux_start = self._subject_span(k, a)
        subject_words = [x for x in self.toks[s_start:s_end] if x.word]
        if self._inverted_position(prev, aux_start == k, subject_words) and k + 1 < b:
            f = self._inverted_frame(k, b)
            if f is not None:
                return f
        coordinated = False
        if not subject_words:
            head = self._shared_subject(a, aux_start)
            if head is not None:
                s_start, s_end = head
                subject_words = [x for x in self.toks[s_start:s_end] if x.word]
                coordinated = True
        if not subject_words or not coordinated and self._modifies_noun_before(k, aux_start, s_start, s_end, b, cls):
            return None
        view = self._view_appositive(k, s_start, s_end, self.toks[k], cls, lemma)
        if view is not None:
            return view
        rel_limit = None
        by_who = subject_words[-1].low == "who"  # "the novice who wants ...": 'who' stands for a person
        if subject_words[-1].low == "that" and s_end - s_start == 1 and cls == "object":
            return None  # "a union that has endorsed Sanders": the reporter's description of the union
        if subject_words[-1].low in ("who", "which", "that") and s_end - s_start == 1 or \
                len(subject_words) > 1 and subject_words[-1].low == "who":
            antecedent = self._relative_antecedent(k, a, b, s_start, s_end, subject_words[-1])
            if antecedent is None:
                return None
            s_start, s_end, rel_limit = antecedent
        if not (by_who and cls == "thought") and not self._subject_ok(cls, lemma, s_start, s_end):
            return None
        p = self._subject_fields(k, aux_start, s_start, s_end, rel_limit, coordinated)
        return self._after_verb(p, k, a, b, lemma, cls, s_start, s_end, by_who)

    # -- the subject before the verb

    def _subject_fields(self, k: int, aux_start: int, s_start: int, s_end: int, rel_limit: int | None,
                        coordinated: bool) -> dict:
        """The fields of the frame of the subject toks[s_start:s_end] and the verb group
        toks[aux_start:k+1] ("has said"), to be completed by what follows the verb (the
        frame is made once, by `_frame_of`); a shared subject ('..., but said') is no
        source of this verb's own."""
        t = self.toks[k]
        speaker, how = self._speaker_with_reason(s_start, s_end)
        if coordinated:  # "Its chief executive, Priya Natarajan, said ... but predicted": the name set off after it
            named = self._name_in_appositive([x for x in range(s_start, s_end) if self.toks[x].word], aux_start - 1)
            if named is not None:
                speaker, how = named
        cue_text = self.text[self.toks[aux_start].start:t.end] if aux_start < k else t.text
        p = dict(kind="verb", rule="verb.subject", cue=(self.toks[aux_start].start, t.end), cue_text=cue_text,
                 speaker=speaker, source=(self.toks[s_start].start, self.toks[s_end - 1].end), right_limit=rel_limit,
                 content=[], reasons=[how] if how else [], left_edge=self.toks[s_start].start)
        if coordinated:
            p.update(left_edge=self.toks[aux_start - 1].start, source=None, coordinated=True, rule="verb.coordinated")
            p["reasons"].append(f"'{self.toks[aux_start - 1].text} {t.text}' shares the subject of the sentence")
        return p

    # -- what follows the verb

    def _after_verb(self, p: dict, k: int, a: int, b: int, lemma: str, cls: str, s_start: int, s_end: int,
                    by_who: bool) -> Frame | None:
        """Complete the fields `p` of 'SOURCE VERB' by what follows the verb: a trailing cue
        after its content ('..., Smith said.'), a colon ('He added: ...'), a clause or
        an object ('said that ...', 'denied the report'); None when it reports nothing."""
        t = self.toks[k]
        post = self._post(k, b, lemma)
        before = s_start > a and (self.toks[s_start - 1].text in ",—" or self.toks[s_start - 1].text in _QUOTES
                                  ) and self._left_is_content(a, s_start - 1)
        if before:
            post = self._trailing_tail(k, b, lemma, s_start, post)
        if before and post[0] in ("end", "adverbial", "comma"):
            return self._as_trailing(p, k, b, s_start, post[1])
        kind, ck = self._complement(k, b, lemma, post)
        if self._lacks_clause(lemma, cls, kind, ck, b, s_start, s_end):
            return None  # "agreed to the terms": an object, no reported clause
        if cls == "object" and self._physical_act(k, b, lemma):
            return None  # "knocked on her door", "ripped through the town": no object, nothing judged
        p["right_edge"] = t.end
        if kind == "end":
            return None  # "he said." with nothing reported in this sentence
        if kind == "colon" and not self._colon_content(p, t, ck, b):
            return None
        if kind == "comma" and s_start > a + 1 and self.toks[s_start - 1].text == "," and \
                not self._quote_follows(ck, b) and self._clause_material(a, s_start - 1):
            # "In his state, Christie said, offenders are sent ...": the opening phrase is the source's too
            p["left"] = self.toks[s_start - 1].start
            p["reasons"].append("the opening phrase before the source belongs to the reported sentence")
        if by_who and ck < b and self.toks[ck].low == "to" and p["right_limit"] is None:
            # "the novice who wants to unseat her is reaping ...": the infinitive has no verb of
            # its own, so the next finite verb is the main clause's
            main = next((x for x in range(ck + 1, b) if _finite(self.toks[x])), None)
            if main is not None:
                p["right_limit"] = self.toks[main].start
        return self._content_start(p, t, kind, ck, b)

    def _quote_follows(self, ck: int, b: int) -> bool:
        """Does a quoted sentence open at toks[ck] or right after a comma there? 'In an
        interview, Walker said, “I've ...”': the opening phrase is the occasion of the quoted
        words, not theirs. A quotation opening in lower case ('In cases of abortion, it said,
        “the woman is a victim.”') goes on from the opening phrase."""
        k = ck + 1 if ck < b and self.toks[ck].text == "," else ck
        return k + 1 < b and self.toks[k].text in _OPEN_Q and self.toks[k + 1].text[:1].isupper()

    def _trailing_tail(self, k: int, b: int, lemma: str, s_start: int, post: tuple[str, int]) -> tuple[str, int]:
        """After a subject that follows its content ('..., he said at a rally in Ohio.'),
        a clause after the verb that is only a short tail counts as an adverbial; a
        phrasal cue's clause ('..., he called for a moratorium') stays a clause."""
        phrasal = k + 1 < b and self.toks[k + 1].low in PHRASAL_CUES.get(lemma, ()) and post[0] == "clause" \
            and post[1] == k + 2
        if post[0] == "clause" and not phrasal:
            tail = self._short_tail(k, b, lemma, quoted=self.toks[s_start - 1].text in _QUOTES)
            if tail is not None:
                return "adverbial", tail
        return post

    def _as_trailing(self, p: dict, k: int, b: int, s_start: int, end: int) -> Frame:
        """'CONTENT, SOURCE said.': the content is before the subject; what follows the
        verb up to `end` is a tail, and a sentence may go on after it ('"A," he said, "B."')."""
        t = self.toks[k]
        p.update(left=self.toks[s_start - 1].start, right_edge=self.toks[end - 1].end if end > k else t.end,
                 rule="verb.trailing")
        p["reasons"].insert(0, f"trailing reporting verb: '..., {self.text[self.toks[s_start].start:t.end]}'")
        goes_on = self._medial(p["left"], p["source"], p["cue"], end, b)
        if goes_on is not None:
            p["right"] = goes_on[0]
            p["reasons"].append(goes_on[1])
        return _frame_of(p)

    def _complement(self, k: int, b: int, lemma: str, post: tuple[str, int]) -> tuple[str, int]:
        """Refine a clause after the verb: "agreed with the mayor that ...", "recognized
        long ago that ...", "know the plan will fail" are 'that' clauses."""
        kind, ck = post
        if lemma == "agree" and kind == "clause" and self.toks[ck - 1].low == "with":
            that = next((x for x in range(ck, min(b, ck + 8)) if self.toks[x].low == "that"), None)
            if that is not None:
                kind, ck = "that", that  # "agreed with the mayor that ..."
        if lemma in NEEDS_CLAUSE and kind == "clause":
            that = next((x for x in range(ck, min(b, ck + 4)) if self.toks[x].low == "that"), None)
            if that is not None and all(self.toks[x].word and (_adverb(self.toks[x]) or self.toks[x].low in _TIME_WORDS
                                                               or self.toks[x].low in ("long", "ago", "again", "also",
                                                                                       "early", "first", "soon"))
                                        for x in range(ck, that)):
                kind, ck = "that", that  # "recognized long ago that ..."
            elif self._finite_clause_at(ck, b):
                kind = "that"  # "agreed there are ...", "know the plan will fail"
        return kind, ck

    def _lacks_clause(self, lemma: str, cls: str, kind: str, ck: int, b: int, s_start: int, s_end: int) -> bool:
        """Whether a verb that reports only a clause ("know", "agree") has an object
        instead ("agreed to the terms"). Still reports: "agreed to pay", a document as
        evidence ("the report shows a rise"), "sees the vote as a test"."""
        if not (lemma in NEEDS_CLAUSE and kind == "clause"):
            return False
        if lemma in _TAKES_INFINITIVE and self.toks[ck].low == "to" and ck + 1 < b and self.toks[ck + 1].word \
                and not (self.toks[ck + 1].cap or self.toks[ck + 1].low in DETERMINERS
                         or self.toks[ck + 1].text[0].isdigit()):
            return False  # "has offered to run the branch": the infinitive is what is offered
        if lemma == "agree" and self.toks[ck - 1].low == "to" and not (
                self.toks[ck].cap or self.toks[ck].low in DETERMINERS or self.toks[ck].text[0].isdigit()):
            return False
        if cls == "evidence" and self._head([x for x in self.toks[s_start:s_end] if x.word]).low in DOCUMENT_NOUNS:
            return False
        return not (lemma in ("see", "view", "regard", "consider", "describe", "hold")
                    and any(self.toks[x].low == "as" for x in range(ck, min(b, ck + 10))))

    def _physical_act(self, k: int, b: int, lemma: str) -> bool:
        """Is the verb of judging at toks[k] an act in space: a preposition of place or
        motion right after it ('knocked on her door', 'ripped through the town'), not its
        particle, not a time ('slammed on Friday the plan'), not a passive ('was knocked'), with
        no clause after it ('wouldn't discuss on the show whether ...')?"""
        if k + 2 >= b or self.toks[k + 1].low not in PLACE_PREPOSITIONS or self.toks[k + 1].low in PHRASAL_CUES.get(
                lemma, ()):
            return False
        if any(self.toks[x].low in ("that", "whether", "how", "why", "if") for x in range(k + 2, min(b, k + 10))):
            return False  # "wouldn't discuss on the show whether ...": a venue, then the clause
        nxt = self.toks[k + 2]
        return not (nxt.low in _CALENDAR or nxt.low in _TIME_NOUNS or nxt.low in ("last", "this", "next")
                    or k > 0 and (self.toks[k - 1].low in BE_FORMS or self.toks[k - 1].low == "been"))

    def _colon_content(self, p: dict, t: Tok, ck: int, b: int) -> bool:
        """"He added: ...": the words after the colon run to the end of the paragraph.
        False when the colon closes the paragraph and nothing follows it."""
        rest = self._after_colon(b)
        if rest is not None:
            p["content"].append(rest)
            p["rule"] = "verb.colon"
            p["reasons"].insert(0, f"reporting verb '{t.text}:' opens what follows, to the end of the paragraph")
            return True
        return ck < b

    def _content_start(self, p: dict, t: Tok, kind: str, ck: int, b: int) -> Frame | None:
        """The content starts at toks[ck]: after 'that' or a colon, or at the verb's
        clause or object; a verb with nothing after it (and no colon content) reports nothing."""
        if ck < b:
            p["right"] = self.toks[ck].start
            word = "that" if kind == "that" else ("':'" if kind == "colon" else "")
            reasons = p["reasons"]
            if not reasons or not reasons[0].startswith("reporting verb"):
                reasons.insert(0, f"reporting verb '{t.text}'" + (f"; the content follows {word}" if word else
                                                                  "; the content is its clause or object"))
        elif kind != "colon":
            return None
        return _frame_of(p)

    def _after_colon(self, b: int) -> tuple[int, int] | None:
        """The rest of the paragraph after the sentence ending at token b; or the
        next paragraph when the colon ends this one."""
        if b >= len(self.toks):
            return None
        start = self.toks[b - 1].end
        blocks = self.document.blocks
        bi = self.document.block_index(self.toks[b - 1].start)
        if bi is None:
            return None
        if self.text[start:blocks[bi].end].strip():
            return start, blocks[bi].end
        if bi + 1 < len(blocks) and self.toks[b - 1].text == ":":
            return blocks[bi + 1].start, blocks[bi + 1].end
        return None

    def _view_appositive(self, k: int, s_start: int, s_end: int, t: Tok, cls: str, lemma: str) -> Frame | None:
        """'..., a view the ministry disputed': the appositive is the ministry's."""
        words = [x for x in self.toks[s_start:s_end] if x.word]
        if len(words) < 3 or words[0].low not in ("a", "an", "one") or words[1].low not in _VIEW_NOUNS:
            return None
        if s_start == 0 or self.toks[s_start - 1].text not in ",—":
            return None
        i = 2
        if words[i].low in ("that", "which", "shared", "held", "also") and len(words) > 3:
            i += 1
        src = words[i:]
        sa = self.toks.index(src[0], s_start, s_end)
        speaker, how = self._speaker_with_reason(sa, s_end)
        reasons = (f"'{words[0].text} {words[1].text} {self.text[src[0].start:t.end]}': "
                   f"the {words[1].low} is {speaker}'s ('{t.text}')",) + ((how,) if how else ())
        return Frame(kind="verb", rule="view-appositive", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                     source=(src[0].start, src[-1].end), content=((self.toks[s_start].start, t.end),),
                     reasons=reasons, left_edge=self.toks[s_start].start, right_edge=t.end)

    def _short_tail(self, k: int, b: int, lemma: str = "", quoted: bool = False) -> int | None:
        """After a trailing cue, a short tail with no verb of its own ('told the
        audience at a rally in Ohio.'): the index where it ends, else None. The
        tail is an adverbial, or the addressee of 'told'; an object of its own
        ('he does not defend it') makes the verb no trailing cue."""
        m = k + 1
        n_words, subordinate = 0, False
        first = next((t for t in self.toks[k + 1:b] if t.word), None)
        if quoted and first is not None and first.low in ("when", "after", "before", "while", "as", "during"):
            return b  # '“You bet,” Christie said when asked whether ...': the circumstances, the reporter's
        if first is not None and first is self.toks[k + 1] and first.low in ("a", "an", "the") and k + 2 < b \
                and not (quoted and lemma in ADDRESSEE_VERBS) \
                and self.toks[k + 2].low not in _TIME_NOUNS and self.toks[k + 2].low not in _CALENDAR \
                and self.toks[k + 2].low not in ("statement", "interview", "news", "press", "speech", "rally",
                                                 "recent", "television", "radio", "phone", "telephone", "written",
                                                 "conference", "letter", "post", "tweet", "series", "town"):
            return None  # "..., he supported a decision to ...": an object of its own, no tail
        if first is not None and first.low == "to" and lemma in _TAKES_INFINITIVE and k + 2 < b \
                and self.toks[k + 2].word and self.toks[k + 2].low not in DETERMINERS \
                and not self._is_name_tok(k + 2):
            return None  # "..., Sanders vows to end the tax breaks": the infinitive is content
        if first is not None and not (first.low in ADVERBIAL_START or first.low in _TIME_WORDS
                                      or first.low in _CALENDAR or first.low in PREPOSITIONS
                                      or lemma in ADDRESSEE_VERBS
                                      or quoted and not first.cap and cue_verb(self.toks[k].low) is not None
                                      and cue_verb(self.toks[k].low)[1] == "speech"):
            return None  # after a quotation, '“...,” he said late last week.' is a tail too
        while m < b and (self.toks[m].text not in ",;:" or self._in_number(m, b)) and self.toks[m].text not in _QUOTES:
            t = self.toks[m]
            if quoted and n_words and lemma in ADDRESSEE_VERBS and self._opens_circumstance(m, b) \
                    and not any(self.toks[x].text in _QUOTES for x in range(m, b)):
                # '“...,” she told a crowd after she took the stage.': the reporter's circumstances, to
                # the end of the sentence when no quotation follows (else the source's words may go on)
                return b
            if t.word:
                n_words += 1
                if t.low in AUXILIARIES and t.low not in ("also", "again", "later", "earlier", "then", "first", "last",
                                                          "now", "recently", "previously", "repeatedly", "publicly",
                                                          "privately", "still", "just", "even", "once") \
                        or t.low in BE_FORMS or t.low == "that" or cue_verb(t.low) is not None and t.low != "tweet" \
                        and self.toks[m - 1].low not in DETERMINERS:  # 'said on the show': a noun
                    if quoted and t.low.endswith("ing") and cue_verb(t.low) is not None:
                        # '“...,” she said at a news conference announcing that ...', '“...,” he said
                        # answering a question': the tail ends before the participle
                        break
                    return None
                subordinate = subordinate or self._opens_occasion(t)
                if n_words > 2 and not subordinate and self._verb_with_object(m, b):
                    return None  # '..., CNN reported about six planes filled the skies': a clause of its own
            m += 1
        if n_words > 16:
            return None
        if m < b and self.toks[m].text in _QUOTES and self.toks[m].text not in _CLOSE_Q:
            return None
        return m

    def _in_number(self, m: int, b: int) -> bool:
        """Is the comma toks[m] inside a number ('a crowd of 1,300')?"""
        return 0 < m < b - 1 and self.toks[m - 1].text.isdigit() and self.toks[m + 1].text.isdigit() \
            and self.toks[m - 1].end == self.toks[m].start and self.toks[m + 1].start == self.toks[m].end

    def _opens_circumstance(self, m: int, b: int) -> bool:
        """Does toks[m], inside the tail of a trailing cue, open a clause of the reporter's
        about the occasion: a subordinator ('after she took the stage', 'when asked'), a
        relative pronoun or 'that' before a verb ('a meeting that was held'), or 'being'
        ('a meeting being held')?"""
        t = self.toks[m]
        nxt = self.toks[m + 1] if m + 1 < b else None
        if t.low in ("after", "before", "when", "while", "as", "because", "since", "until", "who", "which"):
            return True
        if t.low == "that" and nxt is not None and (nxt.low in BE_FORMS or nxt.low in ("has", "had", "have")
                                                    or nxt.low.endswith("ed")):
            return True
        return t.low == "being"


def _frame_of(p: dict) -> Frame:
    """The frame of the fields a verb rule has gathered (content and reasons as lists)."""
    p["content"] = tuple(p["content"])
    p["reasons"] = tuple(p["reasons"])
    return Frame(**p)
