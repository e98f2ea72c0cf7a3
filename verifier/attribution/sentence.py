"""One sentence's frames: the cue scan, the colon and document frames, and where
each frame's content ends among the other frames of the sentence."""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import partial

from verifier.attribution.lexicon import ADJ_CUES, CUE_FORMS, IDIOMS_BY_WORD, BE_FORMS, DETERMINERS, HEDGES, NOUN_CUES, PERSON_PRONOUNS, PHRASAL_CUES, PHRASAL_FORMS, PREPOSITIONS, cue_verb
from verifier.attribution.parsing import VERBAL
from verifier.attribution.viewpoint import VIEWPOINT_NOUNS, _viewpoint_noun
from verifier.attribution.common import Frame, _DASHES, _CLOSE_Q, _CONTINUE_WORDS, _FINDING_NOUNS, _MODALS, _QUANTITY_WORDS, _QUOTES, _RELATIVES, _SPEECH_EVENTS, _STRAIGHT_Q, _base, _clean, _finite, _particle_after, _strip_poss


class SentenceRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _sentence_frames(self, si: int) -> list[Frame]:
        """The frames of sentence si. The rules propose candidate frames (the cue rules
        in token order, then a document finding and a speaker's colon in front); the
        arbiter bounds their contents and a colon closing the paragraph may give one the
        next paragraph; each candidate then becomes one new frame that knows its
        sentence, with that content trimmed (a candidate left with no content is dropped)."""
        a, b = self._sent_tok[si]
        sent = self.document.sentences[si]
        frames: list[Frame] = []
        toks = self.toks
        for k in range(a, b):
            if toks[k].low in _CUE_WORDS:  # most words fire no cue rule: one set lookup, no call
                f = self._cue_frame(k, a, b, frames)
                if f is not None:
                    frames.append(f)
        in_doc = self._in_document(a, b)
        if in_doc is not None:
            frames.insert(0, in_doc)
        colon = self._colon_speaker(si, a, b)
        if colon is not None:
            frames.insert(0, colon)
        contents = self._bound_contents(frames, a, b, sent.start, sent.end)
        colon_para = self._colon_paragraph(frames, [c for c, _ in contents], a, b)
        out = []
        for i, f in enumerate(frames):
            (content, gloss), reasons = contents[i], f.reasons
            if colon_para is not None and colon_para[0] == i:
                content += (colon_para[1],)
                reasons += ("the colon closing the paragraph introduces the next one",)
            pieces = [p for x, y in content for p in self._cut_supplements(x, y, b, frames)]
            content = tuple([(x, y) for x, y in (self._trim(x, y) for x, y in pieces) if x < y])
            if content:
                out.append(replace(f, content=content, reasons=reasons, sentence=si, gloss=gloss))
        return out

    def _cue_frame(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        """The frame the cue at toks[k] makes: the cue rules in CUE_RULES order, the
        first that makes one wins (verifier/attribution/rules.py)."""
        t = self.toks[k]
        if not t.word or t.low not in _CUE_WORDS:
            return None  # most words fire no cue rule: one set lookup
        if t.low in IDIOMS_BY_WORD and self._in_writer_idiom(k, a, b):
            return None
        for fires, build in CUE_RULES:
            if fires(self, k, b):
                f = getattr(self, build)(k, a, b, frames)
                if f is not None:
                    return f
        return None

    def _in_writer_idiom(self, k: int, a: int, b: int) -> bool:
        """'Needless to say', 'it goes without saying', 'to say the least': a verb of
        saying in a sentence adverbial of the writer's reports no one's words (the
        idioms are data: writer_idioms). At most a few tokens compared per idiom."""
        for words, i in IDIOMS_BY_WORD[self.toks[k].low]:
            first = k - i
            if first >= a and first + len(words) <= b and all(
                    self.toks[first + j].low == w for j, w in enumerate(words)):
                return True
        return False

    def _in_document(self, a: int, b: int) -> Frame | None:
        """'In a CBS poll released Monday, Clinton led by four points': the poll
        (survey, study, report) is the source of the sentence's main clause."""
        if b - a < 5:
            return None
        if self.toks[a].low not in ("in", "per"):
            # "..., in the latest CBS poll." at the end of the sentence
            c = next((k for k in range(b - 2, max(a, b - 16), -1) if self.toks[k].text == ","), None)
            if c is None or c + 2 >= b or self.toks[c + 1].low not in ("in", "per") or c - a < 4:
                return None
            words = [t for t in self.toks[c + 2:b] if t.word]
            head = self._head(words) if words else None
            if head is None or _strip_poss(head.low) not in _FINDING_NOUNS or any(
                    t.low in _CONTINUE_WORDS or t.low in BE_FORMS for t in words):
                return None
            speaker = _clean(self.text[words[0].start:head.end])
            t = self.toks[c + 1]
            return Frame(kind="according", rule="document-finding", cue=(t.start, t.end), cue_text=t.text,
                         speaker=speaker, source=(words[0].start, words[-1].end),
                         reasons=(f"'..., {t.text} {speaker}': the finding is the {head.low}'s",),
                         left=self.toks[c].start, left_edge=t.start, right_edge=words[-1].end)
        comma = next((k for k in range(a + 1, min(b, a + 16)) if self.toks[k].text == ","), None)
        if comma is None or comma + 1 >= b:
            return None
        words = [t for t in self.toks[a + 1:comma] if t.word]
        head = self._head(words) if words else None
        if head is None or _strip_poss(head.low) not in _FINDING_NOUNS:
            return None
        speaker = _clean(self.text[words[0].start:head.end])
        t = self.toks[a]
        return Frame(kind="according", rule="document-finding", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                     source=(words[0].start, words[-1].end),
                     reasons=(f"'{t.text} {speaker}': the finding is the {head.low}'s",),
                     right=self.toks[comma + 1].start, left_edge=t.start, right_edge=self.toks[comma].end)

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        text = self.text
        while a < b and (text[a].isspace() or text[a] in ",;:—–-"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
            b -= 1
        return a, b

    def _cut_supplements(self, a: int, b: int, sb: int, frames: list[Frame]) -> list[tuple[int, int]]:
        """Content [a, b) without its supplements: an aside set off by a pair of dashes
        ('the plan — the third this year — would fail') or a relative clause set off by a
        pair of commas before the content's own verb ('the mill, which closed in May,
        will reopen') is the reporter's, not the source's. Quoted text is never cut, and
        a supplement closes in its own sentence (token sb ends it)."""
        ka = bisect.bisect_left(self._tok_starts, a)
        kb = min(bisect.bisect_left(self._tok_starts, b), sb)
        out, start, k = [], a, ka + 1
        while k < kb - 2:
            m = self._supplement_end(k, kb)
            if m is None or any(f.cue and self.toks[k].start <= f.cue[0] < self.toks[m].end for f in frames):
                k += 1
                continue
            out.append((start, self.toks[k].start))
            start, k = self.toks[m].end, m + 1
        out.append((start, b))
        return out

    def _supplement_end(self, k: int, kb: int) -> int | None:
        """The token closing a supplement opened at toks[k] (a dash, or a comma before
        'which'/'who'/'whose'), with content after it; None when none opens there."""
        t = self.toks[k]
        dash = t.text in _DASHES
        if not dash and not (t.text == "," and self.toks[k + 1].low in ("which", "who", "whose")):
            return None
        if self._quote_at(t.start) is not None:
            return None
        for m in range(k + 2, kb - 1):
            x = self.toks[m]
            if x.text in _QUOTES:
                return None
            if dash and x.text in _DASHES:
                return m
            if not dash and x.text in (",",) + _DASHES:
                n = self.toks[m + 1]
                return m if x.text == "," and (_finite(n) or n.low == "be") else None
        return None

    def _has_finite_verb(self, i: int, j: int) -> bool:
        """A finite verb among toks[i+1:j] ('would be', 'has', 'was', 'found')?"""
        return any(_finite(self.toks[x]) for x in range(max(0, i + 1), j))

    def _tail_cut(self, a: int, b: int, frames: list[Frame], has_verb: bool = True) -> tuple[int, bool]:
        """Where reported content running to the end of its sentence really ends:
        before the first of the reporter's additions found from the left (a last
        ', which ...' clause or trailing participle, a 'but' clause, a contrast, an
        'as he did' aside, the occasion of the report, a closing dash aside), else b;
        and whether that addition is a gloss (the relative clause or participle, which
        ANNOTATION.md calls ambiguous: the source's or the reporter's). Quoted text is
        never cut. `has_verb`: the frame's cue is a verb that a 'but has ...' clause
        may share its subject with ('according to' is not)."""
        ka = bisect.bisect_left(self._tok_starts, a)
        kb = bisect.bisect_left(self._tok_starts, b)
        glosses = (self._cut_relative, self._cut_appositive)
        cut_rules = glosses + (partial(self._cut_but_clause, has_verb=has_verb), self._cut_contrast,
                               self._cut_as_aside, self._cut_occasion, self._cut_dash_aside)
        depth = 0
        for k in range(ka, kb):
            if self.toks[k].text in _QUOTES:
                depth ^= 1
            if depth or k + 1 >= kb:
                continue
            for cut_rule in cut_rules:
                cut = cut_rule(k, ka, kb, frames)
                if cut is not None:
                    return cut, cut_rule in glosses
        return b, False

    @staticmethod
    def _cue_after(frames: list[Frame], offset: int) -> bool:
        """Does a frame's cue start after `offset` (the tail then holds a report of its own)?"""
        return any(f.cue and f.cue[0] > offset for f in frames)

    def _cut_relative(self, k: int, ka: int, kb: int, frames: list[Frame]) -> int | None:
        """'..., which ...', '..., in which ...', '..., making it ...' at toks[k] == ',':
        a last relative clause or participle (no comma, quotation or cue after it)."""
        t, n = self.toks[k], self.toks[k + 1]
        n2 = self.toks[k + 2] if k + 2 < kb else None
        if t.text == "," and (n.low in ("which", "who", "whose", "where") or (
                n.low in PREPOSITIONS and n2 is not None and n2.low in ("which", "whom", "whose")
               ) or (
                n.low.endswith("ing") and n.word and not n.cap and cue_verb(n.low) is None
                and n.low not in ("including", "according", "during", "something", "nothing", "anything",
                                  "everything", "being", "morning", "evening", "building", "spring"))):
            rest = self.toks[k + 2:kb]
            if not any(x.text == "," for x in rest) and not any(x.text in _QUOTES for x in rest) and \
                    not self._cue_after(frames, t.start):
                return t.start
        return None

    def _cut_appositive(self, k: int, ka: int, kb: int, frames: list[Frame]) -> int | None:
        """'..., a swipe at the council', '..., an extraction method known as fracking', '...,
        one that will dominate the meeting' at toks[k] == ',': a last noun phrase set off after
        reported clause glosses it (no comma, quotation or cue after it, no verb of its own
        outside a relative clause: '..., the plan failed' is a clause)."""
        n = self.toks[k + 1]
        if self.toks[k].text != "," or n.low not in ("a", "an", "one") or not self._has_finite_verb(ka - 1, k):
            return None
        rest = range(k + 2, kb)
        if any(self.toks[x].text == "," or self.toks[x].text in _QUOTES for x in rest) \
                or self._cue_after(frames, self.toks[k].start):
            return None
        for x in rest:
            if self.toks[x].low in ("that", "which", "who", "whose", "whom"):
                break
            if _finite(self.toks[x]):
                return None
        return self.toks[k].start

    def _cut_but_clause(self, k: int, ka: int, kb: int, frames: list[Frame], has_verb: bool = True) -> int | None:
        """"signaled willingness to change it but has been met with opposition", "...,
        but he didn't see the irony": the reporter's clause after the report. A 'but' and
        a verb with no subject shares the reporting verb's subject, so it is kept when the
        frame has no verb ('According to the clerk, the hall was full but is empty now')."""
        t, n = self.toks[k], self.toks[k + 1]
        n2 = self.toks[k + 2] if k + 2 < kb else None
        if t.low in ("but", "yet") and k > ka + 2 and n.word and (
                n.low in ("has", "have", "had", "is", "was", "were", "are", "did", "does", "didn't", "doesn't",
                          "hasn't", "wasn't", "isn't") and has_verb
                or _base(n.low) in PERSON_PRONOUNS and n2 is not None and n2.word and not n2.cap
                and (self.toks[k - 1].text == "," or self.toks[k - 1].text in _CLOSE_Q | _STRAIGHT_Q
                     and self.toks[k - 2].text == ",")
                or self.toks[k - 1].text == "," and self._clause_opens(k + 1, kb) and not self._has_finite_verb(ka - 1, k)):
            if not self._cue_after(frames, t.start):
                if self.toks[k - 1].text in _QUOTES:
                    return self.toks[k - 1].end  # keep the closing quotation mark with the quotation
                return self.toks[k - 1].start if self.toks[k - 1].text == "," else t.start
        return None

    def _clause_opens(self, m: int, kb: int) -> bool:
        """Does a clause of its own open at toks[m]: a noun phrase of at most six words, then
        a finite verb ('the council voted', 'Democrats weren't', 'most residents have')?"""
        n = self.toks[m]
        if not n.word or _finite(n) or n.low in PREPOSITIONS or n.low in ("not", "also", "only", "to", "then"):
            return False
        for x in range(m + 1, min(kb, m + 7)):
            if not self.toks[x].word or self.toks[x].low in ("that", "who", "which", "and", "or"):
                return False
            if _finite(self.toks[x]):
                return True
        return False

    def _cut_contrast(self, k: int, ka: int, kb: int, frames: list[Frame]) -> int | None:
        """"..., compared with 64 percent of Republicans", "..., while 40 percent ...":
        the reporter's contrast."""
        t, n = self.toks[k], self.toks[k + 1]
        n2 = self.toks[k + 2] if k + 2 < kb else None
        if t.text == "," and (n.low == "compared" and n2 is not None and n2.low in ("with", "to")
                              or n.low == "while" and n2 is not None and (n2.low in _QUANTITY_WORDS
                                                                          or n2.text[0].isdigit())):
            return t.start
        return None

    def _cut_as_aside(self, k: int, ka: int, kb: int, frames: list[Frame]) -> int | None:
        """"..., as he did again during the debate": the reporter's aside."""
        t, n = self.toks[k], self.toks[k + 1]
        n2 = self.toks[k + 2] if k + 2 < kb else None
        if t.text == "," and n.low == "as" and n2 is not None and _base(n2.low) in PERSON_PRONOUNS \
                and k + 3 < kb and self.toks[k + 3].low in ("did", "does", "do", "has", "had", "have"):
            return t.start
        return None

    def _cut_occasion(self, k: int, ka: int, kb: int, frames: list[Frame]) -> int | None:
        """"called for more money in a statement on Thursday": how it was said, after a
        content with no finite verb of its own before it. Content that goes on after a
        medial cue ('Those who post, he said, end up in a debate') is the rest of the
        reported sentence: the occasion of the cue would stand before it."""
        t = self.toks[k]
        if ka > 0 and self.toks[ka - 1].text == ",":
            return None
        if t.low in ("in", "on", "during", "at", "via", "through") and k > ka + 1:
            if self._speech_event_pp(k, kb) and not self._has_finite_verb(ka - 1, k):
                return t.start
        return None

    def _cut_dash_aside(self, k: int, ka: int, kb: int, frames: list[Frame]) -> int | None:
        """'... — a first for the agency.': a closing dash aside (no dash, quotation or
        cue after it, and not the dash closing a pair: '... — the third this year — would fail')."""
        t = self.toks[k]
        if t.text in ("—", "--", "―") and k > ka + 3 and not any(x.text == t.text for x in self.toks[ka:k]):
            rest = self.toks[k + 1:kb]
            if not any(x.text in ("—", "--", "―") for x in rest) and not any(x.text in _QUOTES for x in rest) and \
                    not self._cue_after(frames, t.start):
                return t.start
        return None

    def _speech_event_pp(self, k: int, kb: int) -> bool:
        """Does toks[k:kb] close a report with its occasion: 'in a statement on
        Thursday', 'on its website', 'during a speech at the convention in July'?"""
        m = k + 1
        while m < kb and m - k <= 5 and self.toks[m].word and self.toks[m].low not in _SPEECH_EVENTS and (
                self.toks[m].low in DETERMINERS or self.toks[m].cap or self.toks[m].low.endswith(("’s", "'s"))
                or self.toks[m].low in ("prime-time", "televised", "recent", "written", "brief", "lengthy", "joint",
                                        "national", "local", "weekly", "radio", "television", "tv", "news",
                                        "press", "campaign", "late-night", "morning", "evening", "phone",
                                        "telephone", "emailed", "separate", "new", "official")):
            m += 1
        if m >= kb or self.toks[m].low not in _SPEECH_EVENTS:
            return False
        rest = [t for t in self.toks[m + 1:kb] if t.word]
        if len(rest) > 12 or any(t.low in BE_FORMS or t.low in _MODALS and t.low != "to" or t.low in _RELATIVES
                                 for t in rest):
            return False
        return True


def _according_to(ch, k: int, b: int) -> bool:
    return ch.toks[k].low == "according" and k + 1 < b and ch.toks[k + 1].low == "to"


def _hedging(ch, k: int, b: int) -> bool:
    return ch.toks[k].low in HEDGES


def _reporting_verb(ch, k: int, b: int) -> bool:
    low = ch.toks[k].low
    return cue_verb(low) is not None or (
        low in PHRASAL_FORMS and _particle_after(ch.toks, k, b, PHRASAL_CUES[PHRASAL_FORMS[low]]) is not None)


def _view_noun(ch, k: int, b: int) -> bool:
    return ch.toks[k].low in NOUN_CUES and ch._tag(k) not in VERBAL  # "claims" tagged a verb is no noun


def _feeling_adjective(ch, k: int, b: int) -> bool:
    return ch.toks[k].low in ADJ_CUES


# the cue rules in precedence order: (does toks[k] fire it, the builder method);
# 'claims' is tried as a verb ("she claims that") before a noun ("her claims that")
CUE_RULES = (
    (_viewpoint_noun, "_viewpoint"),
    (_according_to, "_according"),
    (_hedging, "_hedge"),
    (_reporting_verb, "_verb_frame"),
    (_view_noun, "_noun_frame"),
    (_feeling_adjective, "_adjective_frame"),
)

# every word that can fire a cue rule (the test each rule makes starts with one of them)
_CUE_WORDS = frozenset({"according"} | VIEWPOINT_NOUNS | set(HEDGES) | set(CUE_FORMS) | set(PHRASAL_FORMS) | set(NOUN_CUES)
                       | set(ADJ_CUES))
