"""No unit the checker reads is longer than MAX_SENTENCE_CHARS, whatever the
input: a line of words with no sentence punctuation, or a huge heading, is
cut at a comma or a space (so the work per unit, and in all, stays linear)."""

from __future__ import annotations

from verifier import attribute
from verifier.document import MAX_SENTENCE_CHARS, Document


def test_an_unpunctuated_line_is_cut_into_bounded_units():
    text = " ".join(["officials said the plan would fail"] * 3_000)  # about 100 KB, no full stop
    doc = Document.from_text(text)
    assert len(doc.sentences) >= len(text) // MAX_SENTENCE_CHARS
    assert max(s.end - s.start for s in doc.sentences) <= MAX_SENTENCE_CHARS
    # nothing lost or doubled: the units follow each other and cover all but the spaces between them
    assert all(x.end <= y.start for x, y in zip(doc.sentences, doc.sentences[1:]))
    covered = sum(s.end - s.start for s in doc.sentences)
    assert covered >= len(text) - len(doc.sentences)


def test_cuts_prefer_a_comma():
    clause = "the minister said that rates would rise, "
    text = clause * 80
    doc = Document.from_text(text)
    assert len(doc.sentences) > 1
    assert all(text[s.end - 1] == "," for s in doc.sentences[:-1])


def test_normal_sentences_are_untouched_and_still_checked():
    text = "Officials said the bridge will reopen in May. " + "Tolls will rise. " * 3
    doc = Document.from_text(text)
    assert [text[s.start:s.end] for s in doc.sentences][:2] == ["Officials said the bridge will reopen in May.",
                                                                 "Tolls will rise."]
    a = text.index("the bridge")
    assert attribute(text, [(a, a + 30)])[0].label == "attributed"


def test_a_huge_heading_is_bounded_too():
    text = "# " + "word " * 2_000 + "\n\nOfficials said the bridge will reopen.\n"
    doc = Document.from_text(text, format="markdown")
    assert max(s.end - s.start for s in doc.sentences) <= MAX_SENTENCE_CHARS
