"""Checks on what a model wrote that grounding cannot see.

- the cue must be words of the article near the claim (a model that writes
  "said" for every claim of an article that never uses the word is caught);
- the claim text may only name what its evidence or the article names: a
  name or number in the claim text that is in neither is a claim the
  evidence does not carry (an injected "according to X");
- a chunk with body sentences and no claims, or far fewer than the rules
  engine proposes, is suspicious (an article that tells the model to
  answer nothing): the rules' claims of the sentences the model left out
  are added, queued for review.
"""

from __future__ import annotations

import re

from verifier.llm.labeling import names_in
from verifier.schemas import DraftClaim

FEW = 0.2      # fewer model claims than this share of the rules' candidates: suspicious
CUE_WINDOW = 400
_NAMEISH = re.compile(r"\b(?:[A-Z][\w'’.-]*[A-Za-z]|\d[\d.,%]*)")


def cue_near(cue: str, text: str, start: int, end: int) -> bool:
    """`cue` occurs as words in text[start-CUE_WINDOW : end+CUE_WINDOW/2]."""
    near = text[max(0, start - CUE_WINDOW):min(len(text), end + CUE_WINDOW // 2)]
    return names_in(cue, near)


def unsupported_names(claim: str, evidence: str, article: str) -> list[str]:
    """Capitalised words and numbers of the claim text that neither its
    evidence nor the article contains (sentence-initial words aside)."""
    out = []
    for m in _NAMEISH.finditer(claim):
        word = m.group(0).rstrip(".,")
        if m.start() == 0 or not word:
            continue
        if word.lower() in evidence.lower() or names_in(word, article):
            continue
        out.append(word)
    return out


def too_few(drafts: list[DraftClaim], proposed: list[DraftClaim]) -> bool:
    return bool(proposed) and len(drafts) < FEW * len(proposed)


def uncovered(proposed: list[DraftClaim], drafts: list[DraftClaim],
              sentences: list[tuple[int, int]]) -> list[DraftClaim]:
    """The rules' drafts of the sentences no model draft starts in, marked
    ambiguous (queued for review)."""
    def sentence_of(offset: int | None) -> int | None:
        for i, (a, b) in enumerate(sentences):
            if offset is not None and a <= offset < b:
                return i
        return None

    covered = {sentence_of(d.start) for d in drafts}
    return [d.model_copy(update={"ambiguous": True}) for d in proposed
            if sentence_of(d.start) is not None and sentence_of(d.start) not in covered]
