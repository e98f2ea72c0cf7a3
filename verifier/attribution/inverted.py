"""The inverted trailing cue: the reporting verb before its source, after the
content ("CONTENT, said SOURCE", '"...," says the report.', '"A," said Smith, "B."')."""

from __future__ import annotations

from verifier.attribution.lexicon import AUXILIARIES, BE_FORMS, DETERMINERS, PERSON_NOUNS, PERSON_PRONOUNS, PREPOSITIONS, ROLE_NOUNS
from verifier.attribution.common import Frame, Tok, _CALENDAR, _CLOSE_Q, _CONTINUE_WORDS, _OPEN_Q, _QUOTES, _STRAIGHT_Q, _TIME_WORDS, _TITLE_ABBR, _is_initial, _is_poss


class InvertedRules:
    """Mixed into verifier.attribution.finite.FiniteRules (and so the Checker)."""

    @staticmethod
    def _inverted_position(prev: Tok | None, bare: bool, subject_words: list[Tok]) -> bool:
        """Whether a verb with no auxiliary (`bare`) after `prev` may be an inverted
        cue: after a comma, a dash or a closing quotation mark, with no subject
        before it after the comma ("Ann Compton, who covered ..., said she ...")."""
        inverted = prev is not None and (prev.text in ",—" or prev.text in (_CLOSE_Q | _STRAIGHT_Q)) and bare
        if inverted and prev.text in ",—" and subject_words:
            inverted = False  # "Ann Compton, who covered ..., said she ...": the subject is before
        return inverted

    def _inverted_frame(self, k: int, b: int) -> Frame | None:
        """'..., said Smith.', '"A," said Smith, "B."': the source follows the verb
        at toks[k], up to the next punctuation; None when what follows names no source."""
        t = self.toks[k]
        j = self._inverted_source_end(k, b)
        if not self._names_inverted_source(k, j):
            return None
        speaker = self._inverted_speaker(k, j, b)
        reasons = (f"trailing reporting verb '{t.text}' (inverted: '..., {t.text} {speaker}')",)
        appositive = self._source_appositive(j, b)
        # "said Ann Reyes, the club's treasurer": the appositive says who the source is
        source = (self.toks[k + 1].start, self.toks[j - 1].end if appositive is None else appositive)
        right = None
        if j + 1 < b and self.toks[j].text in ",:" and (
                self.toks[j + 1].text in (_OPEN_Q | _STRAIGHT_Q) or self.toks[j + 1].low in _CONTINUE_WORDS):
            # '"A," said Smith, "B."' / 'A, said Smith, would B.' (not an appositive of the source)
            right = self.toks[j + 1].start
            reasons += ("the reported sentence goes on after the cue",)
        return Frame(kind="verb", rule="verb.inverted", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                     source=source, reasons=reasons, right=right, left=self.toks[k - 1].start, left_edge=t.start,
                     right_edge=self.toks[j - 1].end)

    def _inverted_source_end(self, k: int, b: int) -> int:
        """The end of the phrase after an inverted verb at toks[k]: the next comma,
        quotation mark or sentence punctuation, reading past the full stops of
        titles and initials ("said Sen. Richard Blumenthal (D-Conn.)")."""
        j = k + 1
        while j < b and (self.toks[j].text not in ",;:.!?(" or self.toks[j].text == "." and (
                self.toks[j - 1].low in _TITLE_ABBR or _is_initial(self.toks[j - 1].text))) \
                and self.toks[j].text not in _QUOTES:
            j += 1
        return j

    def _names_inverted_source(self, k: int, j: int) -> bool:
        """Whether toks[k+1:j] after an inverted verb is a source: a name, a person
        word or a noun phrase ("said a GOP expert who has worked ..."), not a time or
        a preposition ("said Thursday on Fox News") and not a clause with a verb."""
        src_words = [x for x in self.toks[k + 1:j] if x.word]
        rel = next((i for i, x in enumerate(src_words) if x.low in ("who", "whom", "whose", "which")), None)
        head_words = src_words[:rel] if rel else src_words  # "said a GOP expert who has worked ..."
        verbish = any(x.low in AUXILIARIES or x.low in BE_FORMS or x.low == "that" or x.low.endswith("ed")
                      and not x.cap and not (i + 1 < len(head_words) and head_words[i + 1].low in PREPOSITIONS)
                      for i, x in enumerate(head_words) if i > 0)
        if src_words and (src_words[0].low in _TIME_WORDS and src_words[0].low not in DETERMINERS
                          or src_words[0].low in _CALENDAR or src_words[0].low in PREPOSITIONS):
            return False  # "said Thursday on Fox News": no source after the verb
        return bool(src_words and not verbish and (
            src_words[0].cap or src_words[0].low in ("the", "a", "an", "his", "her", "their", "one", "two",
                                                     "several", "many", "some", "another")
            or src_words[0].low in PERSON_PRONOUNS or src_words[0].low in PERSON_NOUNS
            or self._name_runs(k + 1, j)))  # "said master of ceremonies Asab Tabchi"

    def _inverted_speaker(self, k: int, j: int, b: int) -> str:
        """The speaker of the source toks[k+1:j] after an inverted verb; a source with
        no name takes the name of its appositive ("said the fire chief, Omar Reyes")."""
        speaker = self._speaker_from(k + 1, j)
        runs = self._name_runs(k + 1, j)
        if not runs and j + 1 < b and self.toks[j].text == ",":
            e = j + 1
            while e < b and self.toks[e].text not in ",;:.!?" and self.toks[e].text not in _QUOTES:
                e += 1
            appo = self._name_runs(j + 1, e)
            if appo and appo[0][0] == j + 1:
                speaker = self.fullest(self._name_text(*appo[0]), self._gender(*appo[0]))
        return speaker

    def _source_appositive(self, j: int, b: int) -> int | None:
        """After an inverted source ending at toks[j] == ',': the end offset of an
        appositive describing it (', the club's treasurer', ', who ...'), else None."""
        if not (j + 1 < b and self.toks[j].text == ","):
            return None
        n = self.toks[j + 1]
        if not (n.low in ("a", "an", "the", "who", "whose", "former", "its", "his", "her", "their")
                or _is_poss(n.text) or n.low in ROLE_NOUNS or n.low in PERSON_NOUNS):
            return None
        e = j + 1
        while e < b and self.toks[e].text not in ";:.!?" and self.toks[e].text not in _QUOTES \
                and not (self.toks[e].text == "," and e + 1 < b and self.toks[e + 1].text in _QUOTES):
            e += 1
        return self.toks[e - 1].end if e - j <= 40 else None
