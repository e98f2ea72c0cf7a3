"""The check of one lexicon pin case (tests/test_lexicon_pins_*.py): the content
span of the sentence gets the label, and the speaker and cue when given."""

from __future__ import annotations

from verifier import attribute

FIELDS = "lst, entry, sentence, content, label, speaker, cue"


def ids(cases: list[tuple]) -> list[str]:
    return [f"{c[0]}:{c[1]}" for c in cases]


def check(sentence: str, content: str, label: str, speaker: str | None, cue: str | None) -> None:
    start = sentence.index(content)
    v = attribute(sentence, [(start, start + len(content))])[0]
    assert v.label == label
    if speaker is not None:
        assert v.speaker == speaker
    if cue is not None:
        assert v.cue == cue
