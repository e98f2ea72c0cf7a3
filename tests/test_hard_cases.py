"""ANNOTATION.md's hard-case table, one test per row, on the seed article's
sentences (the project's own example article), through the public API
`verifier.attribute(text, spans)`."""

from __future__ import annotations

import pytest

import verifier

SEED = (
    "President Vladimir Putin highlighted the strong performance of Russia’s military export industry on Friday, "
    "announcing that the country supplied defense products to more than 30 nations last year while generating over "
    "$15 billion in foreign exchange earnings. Speaking at a Kremlin meeting on military-technical cooperation, Putin "
    "emphasized that Russian arms manufacturers have expanded their markets and strengthened business prospects "
    "despite intensifying Western efforts to isolate the country economically.\n"
    "The Russian leader acknowledged that the defense export sector operates under difficult circumstances but praised "
    "its resilience. He noted that Western countries have maintained and even increased pressure aimed at slowing down "
    "or completely blocking commercial relationships with Russian military suppliers. However, Putin stated that export "
    "contracts have generally been fulfilled on schedule, demonstrating the industry’s ability to navigate challenging "
    "international conditions.\n"
    "This interest reflects Russia’s broader strategy of deepening ties across the African continent, particularly in "
    "defense cooperation. The country’s recently reelected president, Faustin-Archange Touadera, extended an invitation "
    "to Putin this month to visit the nation.\n"
    "Navigating Complicated Conditions\n"
    "Putin’s description of “complicated conditions” reflects the multiple challenges facing Russian military "
    "exporters.\n"
    "Despite these obstacles, Russia’s ability to secure $15 billion in foreign exchange earnings from military exports "
    "demonstrates continued demand for its products.\n"
)


def verdict(fragment: str, text: str = SEED):
    start = text.index(fragment)
    return verifier.attribute(text, [(start, start + len(fragment))])[0]


def test_highlighted_characterization_is_the_sources():
    v = verdict("the strong performance of Russia’s military export industry")
    assert v.label == "attributed"
    assert v.speaker == "Vladimir Putin"
    assert v.cue == "highlighted"
    assert v.cue_span is not None and SEED[v.cue_span.start:v.cue_span.end] == "highlighted"
    assert v.reasons


def test_content_clause_of_a_reporting_participle():
    v = verdict("the country supplied defense products to more than 30 nations")
    assert v.label == "attributed"
    assert v.speaker == "Vladimir Putin"
    assert v.cue == "announcing"


def test_stated_content_attributed_and_the_gloss_may_go_either_way():
    v = verdict("export contracts have generally been fulfilled on schedule")
    assert v.label == "attributed"
    assert v.speaker == "Vladimir Putin"
    assert v.cue == "stated"
    gloss = verdict("demonstrating the industry’s ability to navigate challenging international conditions")
    assert gloss.label in ("attributed", "asserted")  # ambiguous in ANNOTATION.md


def test_source_as_topic_is_asserted():
    v = verdict("Putin’s description of “complicated conditions” reflects the multiple challenges")
    assert v.label == "asserted"
    assert any("topic" in r for r in v.reasons)


def test_reporters_inference_is_asserted():
    v = verdict("This interest reflects Russia’s broader strategy")
    assert v.label == "asserted"
    assert v.speaker is None


def test_inference_built_on_an_attributed_figure_is_asserted():
    v = verdict("Despite these obstacles, Russia’s ability to secure $15 billion in foreign exchange earnings from "
                "military exports demonstrates continued demand")
    assert v.label == "asserted"


def test_event_in_the_articles_own_voice_is_asserted():
    v = verdict("The country’s recently reelected president, Faustin-Archange Touadera, extended an invitation "
                "to Putin this month to visit the nation")
    assert v.label == "asserted"


def test_each_source_owns_its_content():
    text = "Officials said the talks would resume, a view the ministry disputed."
    first, second = verdict("the talks would resume", text), verdict("a view the ministry disputed", text)
    assert (first.label, first.speaker, first.cue) == ("attributed", "Officials", "said")
    assert (second.label, second.speaker, second.cue) == ("attributed", "the ministry", "disputed")


@pytest.mark.parametrize("fragment, cue", [
    ("the defense export sector operates under difficult circumstances", "acknowledged"),
    ("Western countries have maintained and even increased pressure", "noted"),
])
def test_description_and_pronoun_speakers_resolve_to_the_named_source(fragment, cue):
    v = verdict(fragment)
    assert (v.label, v.speaker, v.cue) == ("attributed", "Vladimir Putin", cue)
    assert any("Vladimir Putin" in r for r in v.reasons)


def test_document_input_is_accepted_and_gives_the_same_verdicts():
    from verifier.document import Document

    spans = [(SEED.index("This interest"), SEED.index("This interest") + 40),
             (SEED.index("the country supplied"), SEED.index("the country supplied") + 40)]
    assert verifier.attribute(Document(text=SEED), spans) == verifier.attribute(SEED, spans)
