"""Colons: a speaker's name and a colon opening their words ('TAPPER: Do you ...'), and a
report closing its paragraph with a colon that introduces the next paragraph."""

from __future__ import annotations

from verifier.attribution.lexicon import plain_word, DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS
from verifier.attribution.common import Frame, _CALENDAR, _FINDING_NOUNS, _LABELS, _strip_poss


class ColonRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _colon_paragraph(self, frames: list[Frame], contents: list[tuple[tuple[int, int], ...]], a: int,
                         b: int) -> tuple[int, tuple[int, int]] | None:
        """'Lind described the plan the council was preparing:' closing its paragraph
        introduces the next one: that paragraph is the source's words too. Which frame
        (its index in `frames`, whose bounded contents are `contents`) takes it, and the
        paragraph; None when none does."""
        if b - 1 <= a or self.toks[b - 1].text != ":":
            return None
        mi = next((i for i, f in enumerate(frames) if f.speaker and f.kind in ("verb", "noun", "according")), None)
        if mi is None or any(y > self.toks[b - 1].end for _, y in contents[mi]):
            return None
        nxt = self._after_colon(b)
        if nxt is None or self.document.in_heading(*nxt):
            return None
        return mi, nxt

    def _colon_speaker(self, si: int, a: int, b: int) -> Frame | None:
        """'TAPPER: Do you think ...' / 'Reid: Never underestimate Trump.': a name and
        a colon open the speaker's words, to the end of the paragraph."""
        for c in range(a + 1, min(b - 1, a + 7)):
            if self.toks[c].text == ":":
                break
        else:
            return None
        words = [t for t in self.toks[a:c] if t.word]
        if not words or len(words) > 5 or not all(t.cap for t in words if t.low not in ("of", "de", "van", "von")):
            return None
        if any(t.low in _LABELS or t.low in _CALENDAR or t.text[0].isdigit() for t in words):
            return None
        if len(words) == 1 and not self._may_name(words[0]):
            return None  # 'Remember: ...', 'Plus: ...', 'Bombshell: ...': a word, not a name
        if sum(1 for x in range(c + 1, b) if self.toks[x].word and self.toks[x].text[0].isalpha()) < 2:
            return None  # 'Clinton: 2,316' is a tally, not words
        after = [t for t in self.toks[c + 1:min(b, c + 4)] if t.word]
        if after and (after[0].text.isupper() and len(after[0].text) > 1 or any(t.text[0].isdigit() for t in after)):
            return None  # 'Nikkei: UP 0.4 percent', 'Turnout: 62 percent': a data line
        if all(t.text.isupper() for t in words) and len(self._names.get(_strip_poss(words[-1].low), ())) < 2:
            return None  # 'TRANSPORT: Buses will ...': a section label; a speaker in capitals is named again
        if words[0].text.isupper() and len(words) == 1 and len(words[0].text) > 2:
            speaker = self.fullest(words[0].text.title())
        else:
            speaker = self.fullest(self._name_text(a, c) or self.text[words[0].start:words[-1].end])
        blk = self.document.blocks[self.document.sentences[si].block]
        colon = self.toks[c]
        return Frame(kind="colon", rule="colon-speaker", cue=(colon.start, colon.end), cue_text=":", speaker=speaker,
                     source=(words[0].start, words[-1].end), content=((self.toks[c + 1].start, blk.end),),
                     reasons=(f"'{self.text[words[0].start:colon.end]}' opens {speaker}'s words",),
                     left_edge=words[0].start, right_edge=colon.end)

    def _may_name(self, t) -> bool:
        """Can the one word before a speaker's colon name a source: a name (capitalised
        mid-sentence elsewhere, or no plain English word: 'Milbank', 'Reid'), a speaker in
        capitals ('TAPPER'), or a noun for people or documents ('Poll', 'Insiders')? Not
        'Remember:', 'Look:', 'Revealed:', 'So:'."""
        low = _strip_poss(t.low)
        return t.text.isupper() or low in self._proper or not plain_word(low) or any(
            w in PERSON_NOUNS or w in ORG_NOUNS or w in DOCUMENT_NOUNS or w in _FINDING_NOUNS
            for w in (low, low[:-1] if low.endswith("s") else low))
