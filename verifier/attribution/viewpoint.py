"""A viewpoint phrase names a source like 'according to' does: "In the minister's
view, ...", "By her own account, ...", "..., in the words of the harbour master."

    PREP POSSESSOR [own] NOUN       in the minister's view / by her own account
    PREP the NOUN of SOURCE         in the words of the harbour master

The phrase (PREP + NOUN) is one of the lexicon's `viewpoints` ("in_view",
"by_account", ...). It attributes the clause it is attached to: the rest of
the sentence when it opens it, the clause before it when it closes it, both
sides when it stands between commas inside it. The writer's own "in my view"
names no source.
"""

from __future__ import annotations

from verifier.attribution.lexicon import DETERMINERS, VIEWPOINTS
from verifier.attribution.common import Frame, _is_poss, _strip_poss

# the possessive pronouns that can name a source, read as the pronoun the speakers pass resolves
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_WRITER = frozenset({"my", "our", "your"})
VIEWPOINT_NOUNS = frozenset(n for v in VIEWPOINTS for n in (v.split("_", 1)[1], v.split("_", 1)[1] + "s"))
_MAX_POSSESSOR = 6  # words of a possessor phrase ("the former harbour master's")


class ViewpointRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _viewpoint(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        found = self._possessor_viewpoint(k, a) or self._of_viewpoint(k, a, b)
        if found is None:
            return None
        prep, src_a, src_b, end = found  # token indexes: the phrase is toks[prep:end]
        return self._viewpoint_frame(prep, src_a, src_b, end, a, b)

    def _possessor_viewpoint(self, k: int, a: int) -> tuple[int, int, int, int] | None:
        """'in the minister's view', 'by her own account': (prep, source start, source end, phrase end)."""
        i = k - 1
        if i >= a and self.toks[i].low == "own":
            i -= 1
        if i < a:
            return None
        poss = self.toks[i]
        if poss.low in _WRITER:
            return None
        if poss.low in _POSSESSIVE_PRONOUNS:
            first = i
        elif _is_poss(poss.text):
            first = i
            while first - 1 >= a and i - first < _MAX_POSSESSOR and self.toks[first - 1].word and (
                    self.toks[first - 1].low in DETERMINERS or not _is_viewpoint(self.toks[first - 1].low, self.toks[k].low)):
                first -= 1
        else:
            return None
        prep = first - 1
        if prep < a or not _is_viewpoint(self.toks[prep].low, self.toks[k].low):
            return None
        return prep, first, i + 1, k + 1

    def _of_viewpoint(self, k: int, a: int, b: int) -> tuple[int, int, int, int] | None:
        """'in the words of the harbour master': (prep, source start, source end, phrase end)."""
        if k - 2 < a or self.toks[k - 1].low != "the" or k + 2 >= b or self.toks[k + 1].low != "of":
            return None
        prep = k - 2
        if not _is_viewpoint(self.toks[prep].low, self.toks[k].low):
            return None
        j = k + 2
        while j < b and self.toks[j].word:
            j += 1
        return (prep, k + 2, j, j) if j > k + 2 else None

    def _viewpoint_frame(self, prep: int, src_a: int, src_b: int, end: int, a: int, b: int) -> Frame | None:
        toks = self.toks
        opens = prep == a
        after_comma = prep > a and toks[prep - 1].text == ","
        comma_after = end < b and toks[end].text == ","
        closes = after_comma and all(not toks[x].word for x in range(end, b))
        left = right = None
        if opens and comma_after and end + 1 < b:
            right = toks[end + 1].start
        elif after_comma and comma_after and end + 1 < b:
            left, right = toks[prep].start, toks[end + 1].start  # "The treaty, in her view, is dead."
        elif closes and prep - 1 > a:
            left = toks[prep].start
        else:
            return None
        poss = toks[src_a]
        if src_b - src_a == 1 and poss.low in _POSSESSIVE_PRONOUNS:
            speaker = self._resolve_pronoun(_POSSESSIVE_PRONOUNS[poss.low], poss.start) or poss.text
        else:
            speaker = self._speaker_from(src_a, src_b)
            speaker = _strip_poss(speaker) if speaker else speaker
        cue_text = self.text[toks[prep].start:toks[end - 1].end]
        return Frame(kind="according", rule="viewpoint", cue=(toks[prep].start, toks[end - 1].end), cue_text=cue_text,
                     speaker=speaker, source=(toks[src_a].start, toks[src_b - 1].end),
                     reasons=(f"'{cue_text}' names the source ({speaker})",),
                     left=left, right=right, left_edge=toks[prep].start, right_edge=toks[end - 1].end)


def _is_viewpoint(prep: str, noun: str) -> bool:
    """'in' + 'view' or 'views' ("in their views"), 'by' + 'account' ..."""
    return f"{prep}_{noun}" in VIEWPOINTS or noun.endswith("s") and f"{prep}_{noun[:-1]}" in VIEWPOINTS


def _viewpoint_noun(ch, k: int, b: int) -> bool:
    return ch.toks[k].low in VIEWPOINT_NOUNS
