"""What a comparison works on: the sources, their passages and index, and
regions (runs of consecutive passages of one speaker turn)."""

from __future__ import annotations

from dataclasses import dataclass, field

from verifier.schemas import SourcePassage
from verifier.verify.retrieve import Hit, Index
from verifier.verify.sources import Passage, Source
from verifier.verify.text import Token, same_person, tokens

RADIUS = 1  # passages on either side of a hit that a comparison may use


@dataclass
class Context:
    sources: list[Source]
    passages: list[Passage]
    index: Index
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    _names: dict[int, list[str]] = field(default_factory=dict)

    def full_names(self, source: int) -> list[str]:
        if source not in self._names:
            from verifier.verify.facts import full_names

            self._names[source] = full_names(self.sources[source].document.text)
        return self._names[source]

    def allowed(self, speaker: str | None) -> set[int] | None:
        """The sources to search for a speaker's claim: those tied to that
        speaker and those tied to nobody; all when that leaves none."""
        tied = {s.index for s in self.sources if s.speaker and same_person(s.speaker, speaker)}
        free = {s.index for s in self.sources if not s.speaker}
        pick = tied | free
        return pick if pick and len(pick) < len(self.sources) else None

    def toks(self, pid: int) -> list[Token]:
        if pid not in self._tokens:
            p = self.passages[pid]
            self._tokens[pid] = tokens(p.text, p.start)
        return self._tokens[pid]

    def neighbours(self, pid: int, radius: int = RADIUS) -> list[int]:
        """pid and up to `radius` passages either side, same source and turn."""
        p = self.passages[pid]
        out = [pid]
        for step in (-1, 1):
            j = pid
            for _ in range(radius):
                j += step
                if not 0 <= j < len(self.passages):
                    break
                q = self.passages[j]
                if q.source != p.source or q.turn != p.turn:
                    break
                out.append(j)
        return sorted(out)

    def region_tokens(self, pids: list[int]) -> list[Token]:
        return [t for pid in pids for t in self.toks(pid)]

    def span(self, pids: list[int], start: int | None = None, end: int | None = None,
             score: float | None = None) -> SourcePassage:
        """A SourcePassage over passages `pids`, or over [start, end) inside them."""
        first, last = self.passages[pids[0]], self.passages[pids[-1]]
        a = first.start if start is None else start
        z = last.end if end is None else end
        text = self.sources[first.source].document.text[a:z]
        return SourcePassage(source=first.source, start=a, end=z, text=text, speaker=first.speaker,
                             score=None if score is None else round(score, 4))

    def hit_span(self, hit: Hit) -> SourcePassage:
        return self.span([hit.passage], score=hit.score)

    def speaker_ok(self, pid: int, speaker: str | None) -> bool:
        """False only when the passage's turn is someone else's."""
        who = self.passages[pid].speaker
        return not who or not speaker or same_person(who, speaker)
