"""Claim text that stands alone, without a model.

The evidence is rewritten with its referents: a pronoun subject that opens
reported content ("she hoped to ...", "it would appeal") becomes the frame's
speaker; "the country" / "the nation" the last country-like name before it
(a capitalised name in the possessive or after in/to/from/across: "Russia’s",
"in Mali"); a description of a person ("the Russian leader") the last
person named as a source; a short object of a cue ("praised its
resilience") is written with its speaker ("Vladimir Putin praised its
resilience."). Time words are kept as the article gives them.
"""

from __future__ import annotations

import bisect
import re

from verifier.attribution.common import Frame
from verifier.document import Document
from verifier.extractors.words import W

_PLACE = re.compile(r"(?:\b(?:in|to|from|across|with|against)\s+)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b|"
                    r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)[’']s\b")
_PRONOUN = re.compile(r"^(he|she|it|they)\b", re.I)
_POSS = re.compile(r"^(his|her|its|their)\b", re.I)


def _person(name: str | None) -> bool:
    return bool(name) and len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split())


class Referents:
    def __init__(self, document: Document, frames: list[Frame]):
        self.text = document.text
        self.doc = document
        self.people = sorted(((f.source or f.cue or (0, 0))[0], f.speaker) for f in frames if _person(f.speaker))
        self._people_at = [p[0] for p in self.people]
        names = {w for _, sp in self.people for w in (sp or "").split()}
        self.places = []
        for m in _PLACE.finditer(self.text):
            name = m.group(1) or m.group(2)
            if name and not (set(name.split()) & names) and not self._sentence_initial(m.start(1) if m.group(1) else m.start(2)):
                self.places.append((m.start(), name))
        self._places_at = [p[0] for p in self.places]

    def _sentence_initial(self, pos: int) -> bool:
        s = self.doc.sentence_at(pos) if hasattr(self.doc, "sentence_at") else None
        return s is not None and not self.text[s.start:pos].strip()

    def _last(self, table, starts, pos):
        i = bisect.bisect_left(starts, pos) - 1
        return table[i][1] if i >= 0 else None

    def speaker(self, f: Frame) -> str | None:
        """The frame's speaker at its fullest: an appositive name after a description
        ("Its chief executive, Priya Natarajan,") wins over the description."""
        if f.source is not None:
            src = self.text[f.source[0]:f.source[1]]
            m = re.search(r",\s+((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+),?\s*$", src)
            if m and not src[:1].isupper() or m and src.split()[0].lower() in ("its", "his", "her", "their", "the", "a", "an"):
                name = m.group(1)
                if len(name.split()) >= 2:
                    return name
        return f.speaker

    def standalone(self, start: int, end: int, f: Frame | None) -> str:
        ev = " ".join(self.text[start:end].split())
        speaker = self.speaker(f) if f is not None else None
        if f is not None and f.cue is not None and f.cue[0] == start and speaker:
            ev = f"{speaker} {ev}"  # "praised its resilience" -> "Vladimir Putin praised its resilience"
        elif speaker and f is not None and f.source is not None:
            m = _PRONOUN.match(ev)
            src = self.text[f.source[0]:f.source[1]].strip().lower()
            if m and (m.group(1).lower() in ("he", "she") and _person(speaker)
                      or m.group(1).lower() in ("it", "they") and src.split()[0] not in ("he", "she", "it", "they")
                      and not _person(speaker)):
                ev = speaker + ev[m.end():]
        for noun in W["country_words"]:
            place = self._last(self.places, self._places_at, start)
            if place:
                ev = re.sub(rf"\b[Tt]he {noun}\b(?!’s recently)", place, ev)
        person = speaker if _person(speaker) else self._last(self.people, self._people_at, start)
        if person:
            for noun in W["person_words"]:
                ev = re.sub(rf"^[Tt]he (?:[A-Z]\w+ )?{noun}\b(?!,)", person, ev)
        ev = ev[0].upper() + ev[1:] if ev else ev
        return ev if ev.endswith((".", "!", "?")) else ev + "."
