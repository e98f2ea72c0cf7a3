"""verifier.sentence_offsets gives blingfire's own sentence offsets, faster."""

from __future__ import annotations

import blingfire
import pytest

from verifier.sentence_offsets import sentence_offsets

TEXTS = [
    "The mayor spoke. She said the port would close. Nobody asked why!",
    "Héllo wörld. Ça va? “Yes,” he said. Done.",
    "A smile 😀 here. Then a zero\u200bwidth space. Then the end",
    "中文句子。 Another one here. 🇺🇸 flags count as two code points.",
    "One sentence with no end",
    "Dr. Smith met Mr. Jones.  Twice spaced.\tTabbed. Last",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_offsets_as_blingfire(text):
    assert sentence_offsets(text) == blingfire.text_to_sentences_and_offsets(text)[1]


def test_offsets_cut_the_text_into_its_sentences():
    text = "Prices rose in May. “It hurts,” said Ana Müller. Rents fell."
    assert [text[a:b] for a, b in sentence_offsets(text)] == [
        "Prices rose in May.", "“It hurts,” said Ana Müller.", "Rents fell."]


def test_empty_text_has_no_sentences():
    assert sentence_offsets("") == []
