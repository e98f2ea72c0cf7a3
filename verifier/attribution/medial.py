"""A cue in the middle of the reported sentence: '"A," he said, "B."', 'If A, the
campaign said, B.': whether the sentence goes on after the cue as the source's words."""

from __future__ import annotations

import bisect

from verifier.attribution.lexicon import BE_FORMS, PERSON_PRONOUNS, PREPOSITIONS, cue_verb
from verifier.attribution.common import Tok, _CLOSE_Q, _CONTINUE_WORDS, _FUNCTION, _MODALS, _NOT_CONTINUING, _OPEN_Q, _STRAIGHT_Q, _SUBORDINATORS, _base


class MedialRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _medial(self, left: int | None, source: tuple[int, int] | None, cue: tuple[int, int], j: int,
                b: int) -> tuple[int, str] | None:
        """'"A," he said, "B."' and 'If A, the campaign said, B.': what follows the
        cue is the source's too, unless it starts a clause of the reporter's: where
        that content starts and why, else None (the frame's content runs left to `left`)."""
        if not (j < b and self.toks[j].text in ",:" and j + 1 < b):
            return None
        n = self.toks[j + 1]
        if n.text in (_OPEN_Q | _STRAIGHT_Q):
            return n.start, "the quotation goes on after the cue"
        left_toks: list[Tok] = []
        if left is not None:
            ka = bisect.bisect_left(self._tok_starts, self.document.sentences[self.document.sentence_index(left)].start)
            left_toks = self.toks[ka:bisect.bisect_left(self._tok_starts, left)]
        left_words = [x for x in left_toks if x.word]
        if left is not None and any(self.toks[x].text in (_CLOSE_Q | _STRAIGHT_Q) for x in range(
                max(0, bisect.bisect_left(self._tok_starts, left) - 1), bisect.bisect_left(self._tok_starts, left) + 1)) \
                and not (left_words and left_toks[0].word and self._quote_at(left_toks[0].start) is None):
            # '“A,” Mr. Lew said at the session, the ...': a quotation opening the sentence was the
            # words; the rest is the reporter's. A quoted fragment closing a longer stretch ('Those
            # who watch ''cable shows,'' he said, end up ...') leaves the sentence to go on
            return None
        if left_words and left_toks[0].word and left_words[0].low in _SUBORDINATORS and n.word \
                and cue_verb(n.low) is None:
            # "Though the move was legal, he said, replacing her would be costly": the main
            # clause of the reported sentence comes after the cue
            return n.start, "the reported sentence goes on after the cue"
        if n.low == "and" and left is not None and j + 2 < b and self._finite_clause_at(j + 2, b) \
                and self._left_is_content(bisect.bisect_left(self._tok_starts, self.document.sentences[
                    self.document.sentence_index(left)].start), bisect.bisect_left(self._tok_starts, left)):
            # "The middle fifth paid 8.9 percent, the agency said, and the bottom fifth paid 0.8 percent"
            return self.toks[j + 2].start, "the reported sentence goes on after the cue"
        if n.low in PREPOSITIONS and n.low not in ("according", "in", "at", "on", "during") and left is not None \
                and any(x.low in BE_FORMS or x.low in _CONTINUE_WORDS or x.low in _MODALS and x.low != "to"
                        for x in left_words):
            # "He has come up with a model, he said, for how the industry can ...": the
            # reported clause goes on with its complement
            return n.start, "the reported clause goes on after the cue"
        if n.low == "but" and left is not None and self._correlative_before(left_toks, left, cue[0]):
            # "It would not only cut costs, she said, but also save time": the pair's second half
            return n.start, "the reported sentence goes on after the cue"
        if not n.word or n.low in _NOT_CONTINUING or n.low.endswith("ing") or n.low in PREPOSITIONS \
                or cue_verb(n.low) is not None:
            return None
        if left is not None and not n.cap and source is not None and source[0] < cue[0]:
            # "But to prevent problems, he said, local officials should be vigilant."
            return n.start, "the reported sentence goes on after the cue"
        if self.toks[j].text == ":" or n.low in _CONTINUE_WORDS or _base(n.low) in PERSON_PRONOUNS or n.low in (
                "it", "there", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "that",
                "some", "many", "most", "no", "all", "both", "each", "every", "any") or (
                n.cap and n.low not in _FUNCTION) or n.text[0].isdigit():
            return n.start, "the reported clause goes on after the cue"
        return None


    def _correlative_before(self, left_toks: list[Tok], left: int, cue_start: int) -> bool:
        """'not only' or 'not just' in the content before a medial cue: a 'but' after the cue
        is the second half of the pair, the same sentence going on."""
        ka, kc = bisect.bisect_left(self._tok_starts, left), bisect.bisect_left(self._tok_starts, cue_start)
        lows = [t.low for t in left_toks] + [t.low for t in self.toks[ka:kc]]
        return any(x == "not" and y in ("only", "just", "merely", "simply") for x, y in zip(lows, lows[1:]))
