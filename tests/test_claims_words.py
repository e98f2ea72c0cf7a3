"""Every entry of verifier/data/claims.toml is pinned: each test below names the entries
it exercises, the table of pinned entries must equal the data file, and removing an
entry changes what its sentence yields."""

from __future__ import annotations

import pytest

from verifier.document import Document
from verifier.extractors import words as claim_words
from verifier.extractors.rules import RuleExtractor


def extract(text: str):
    return RuleExtractor().extract(Document.from_text(text))


def evidences(text: str) -> list[str]:
    return [d.evidence for d in extract(text).drafts]


def reasons(text: str) -> list[str]:
    return [r for n in extract(text).sentences for r in [n.reason or ""] + [lo[2] for lo in n.left_out]]


COORDINATORS = {w: f"The river flooded two villages, {w} the army sent boats to the valley." for w in
                ["and", "but", "yet", "while", "whereas", "though", "although"]}
RELATIVES = {
    "which": ("The plant, which opened in 1978, employs 1,900 people.", "which opened in 1978"),
    "who": ("The owner, who bought the club in 2021, has not commented.", "who bought the club in 2021"),
    "whose": ("The teacher, whose records were stolen, has complained to the regulator.", "whose records were stolen"),
    "where": ("The village, where the fire started on Sunday, has been evacuated.", "where the fire started on Sunday"),
}
COMPARISONS = {
    "up": ("Turnout reached 62 percent, up from 55 percent in 2019.", "up from 55 percent in 2019"),
    "down": ("Turnout reached 52 percent, down from 55 percent in 2019.", "down from 55 percent in 2019"),
}
QUESTIONS = {
    "whether": "The minister refused to say whether the talks had stalled.",
    "if": "The minister would not say if the talks had stalled.",
}
APPOSITIONS = {
    "a": ("Prices fell 0.8 percent in October, a sixth monthly decline in a row.", "a sixth monthly decline in a row"),
    "an": ("Prices fell 0.8 percent in October, an unusual fall for the season.", "an unusual fall for the season"),
    "the": ("Prices fell 0.8 percent in October, the sixth monthly decline in a row.", "the sixth monthly decline in a row"),
    "its": ("The club lost its seventh match in a row, its worst run since 1994.", "its worst run since 1994"),
    "his": ("Bellini took charge in the summer of 2022, his first job in the league.", "his first job in the league"),
    "her": ("Okoye won the seat in 2019, her first election victory in the ward.", "her first election victory in the ward"),
    "their": ("The team lost 3-0 at home, their third defeat in a row.", "their third defeat in a row"),
    "our": ("We sold 40 boats last year, our best result in a decade.", "our best result in a decade"),
    "most": ("The plant built 96,000 cars last year, most of them small petrol hatchbacks.",
             "most of them small petrol hatchbacks"),
    "more": ("The county recorded 87 cases this year, more than three times the total for last year.",
             "more than three times the total for last year"),
    "one": ("Prices fell 4 percent in the quarter, one of the largest falls on record.", "one of the largest falls on record"),
    "another": ("Orders fell 3 percent in May, another sign of a slowing market.", "another sign of a slowing market"),
    "about": ("The typical home costs 287,400 pounds, about 6 percent less than at the peak.",
              "about 6 percent less than at the peak"),
    "nearly": ("The fund lost 2 billion euros, nearly a fifth of its value.", "nearly a fifth of its value"),
}
NOT_PARTICIPLES = {
    "including": "The government introduced new measures for buyers, including grants for young families.",
}
EVENT_PHRASES = {
    "in": "In a statement, the company said profits had risen sharply.",
    "on": "On Tuesday morning, the company said profits had risen sharply.",
    "at": "At a briefing, the company said profits had risen sharply.",
    "outside": "Outside the court house, the lawyer said his client would appeal.",
    "during": "During the hearing, the lawyer said his client would appeal.",
    "after": "After the meeting, the lawyer said his client would appeal.",
    "before": "Before the vote, the mayor said the plan would be fully funded.",
    "last": "Last week, the mayor said the plan would be fully funded.",
    "this": "This morning, the mayor said the plan would be fully funded.",
}
COUNTRY = {w: f"Russia’s exports grew last year. Officials said the {w} supplied arms to 30 nations." for w in
           ["country", "nation"]}
PERSON = {w: f"President Vladimir Putin said exports had grown. The Russian {w} later flew to Minsk." for w in
          ["leader", "president", "minister", "chief", "spokesman", "spokeswoman"]}
FINITE = {
    "drew": "drew a large crowd", "brought": "brought boats to the village", "caught": "caught the suspect at dawn",
    "chose": "chose a new leader", "broke": "broke the record", "drove": "drove the trucks away",
    "flew": "flew to the capital", "threw": "threw stones at the police", "fought": "fought the fire all night",
    "stood": "stood firm on the plan", "struck": "struck a deal on Sunday", "sent": "sent boats to the valley",
    "shut": "shut the road for a week", "dug": "dug a trench along the road", "remains": "remains open to traffic", "faces": "faces a fine of 2 million euros",
    "plans": "plans a new road to the port", "shows": "shows no sign of slowing", "costs": "costs 4 million euros a year",
    "stands": "stands empty for most of the year",
}
ORG = {w: ("Telvia said its profits fell. Telvia said it would cut 300 jobs. Telvia said the cuts were final. "
           f"The {w} said the plan would not change.") for w in ["company", "club", "firm", "carmaker", "group"]}
CLAUSE_WORDS = {
    "after": ("Cargo barges stopped running on Wednesday after the water level fell to 41 centimetres.",
              "the water level fell to 41 centimetres"),
    "because": ("The school closed on Monday because the heating system failed again.", "the heating system failed again"),
}
SUBORDINATORS = {
    "when": ("When the firm bought its rival in 2016, it closed two warehouses within a year.",
             "it closed two warehouses within a year"),
}
NAME_JOINERS = {  # a source named with an inner lower-case word, then a description: the description is a claim
    "of": "Bank of Ardmore, the region’s largest lender, said the loan was repaid.",
    "for": "Families for Choice, a parents’ group, said the rule was unfair.",
    "de": "Luis de Souza, the team’s coach, said the players were tired.",
    "van": "Pieter van Dijk, the firm’s founder, said the firm was profitable.",
    "von": "Karl von Stein, the firm’s founder, said the firm was profitable.",
    "der": "Dirk van der Berg, the firm’s founder, said the firm was profitable.",
}
MODALS = {m: f"The lawyer said his client was disappointed and {m} appeal the ruling." for m in
          ["can", "cannot", "could", "may", "might", "must", "should", "will", "would"]}
PINNED = {
    "coordinators": COORDINATORS, "relatives": RELATIVES, "comparisons": COMPARISONS, "question_words": QUESTIONS,
    "apposition_openers": APPOSITIONS, "not_participles": NOT_PARTICIPLES, "event_phrases": EVENT_PHRASES,
    "country_words": COUNTRY, "person_words": PERSON, "finite_forms": FINITE, "org_words": ORG,
    "subordinators": SUBORDINATORS, "clause_words": CLAUSE_WORDS, "name_joiners": NAME_JOINERS,
    "modals": MODALS,
}


def test_every_entry_of_the_data_file_is_pinned_here():
    data = claim_words.load()
    assert set(data) == set(PINNED)
    for key, table in PINNED.items():
        assert set(table) == set(data[key]), key


def test_the_data_file_is_validated():
    with pytest.raises(ValueError):
        claim_words.load("coordinators = ['and']\n")
    bad = (claim_words.files("verifier").joinpath("data/claims.toml").read_text(encoding="utf-8")
           .replace('"and", "but"', '"And", "but"'))
    with pytest.raises(ValueError):
        claim_words.load(bad)


@pytest.mark.parametrize("word", sorted(COORDINATORS))
def test_coordinators(word):
    ev = evidences(COORDINATORS[word])
    assert ev == ["The river flooded two villages", "the army sent boats to the valley"]


@pytest.mark.parametrize("word", sorted(RELATIVES))
def test_relatives(word):
    text, gloss = RELATIVES[word]
    assert gloss in evidences(text)


@pytest.mark.parametrize("word", sorted(COMPARISONS))
def test_comparisons(word):
    text, part = COMPARISONS[word]
    assert part in evidences(text)


@pytest.mark.parametrize("word", sorted(QUESTIONS))
def test_question_words(word):
    assert evidences(QUESTIONS[word]) == []


@pytest.mark.parametrize("word", sorted(APPOSITIONS))
def test_apposition_openers(word):
    text, part = APPOSITIONS[word]
    assert part in evidences(text)


@pytest.mark.parametrize("word", sorted(NOT_PARTICIPLES))
def test_not_participles(word):
    assert len(evidences(NOT_PARTICIPLES[word])) == 1


@pytest.mark.parametrize("word", sorted(EVENT_PHRASES))
def test_event_phrases(word):
    assert "the time, place or audience of the speech event" in reasons(EVENT_PHRASES[word])


@pytest.mark.parametrize("word", sorted(COUNTRY))
def test_country_words(word):
    texts = [d.text for d in extract(COUNTRY[word]).drafts]
    assert "Russia supplied arms to 30 nations." in texts


@pytest.mark.parametrize("word", sorted(PERSON))
def test_person_words(word):
    texts = [d.text for d in extract(PERSON[word]).drafts]
    assert "Vladimir Putin later flew to Minsk." in texts


@pytest.mark.parametrize("word", sorted(FINITE))
def test_finite_forms(word):
    text = f"The river rose overnight, and the army {FINITE[word]}."
    assert evidences(text) == ["The river rose overnight", f"the army {FINITE[word]}"]


@pytest.mark.parametrize("word", sorted(ORG))
def test_org_words(word):
    drafts = extract(ORG[word]).drafts
    last = [d for d in drafts if d.evidence.startswith("the plan would not change")]
    assert last and last[0].speaker == "Telvia"


@pytest.mark.parametrize("word", sorted(SUBORDINATORS))
def test_subordinators(word):
    text, part = SUBORDINATORS[word]
    assert part in evidences(text)


@pytest.mark.parametrize("word", sorted(CLAUSE_WORDS))
def test_clause_words(word):
    text, part = CLAUSE_WORDS[word]
    assert part in evidences(text)


@pytest.mark.parametrize("word", sorted(NAME_JOINERS))
def test_name_joiners(word):
    text = NAME_JOINERS[word]
    tag = text.split(", ")[1]
    assert tag in evidences(text)


@pytest.mark.parametrize("word", sorted(MODALS))
def test_modals(word):
    assert f"{word} appeal the ruling" in evidences(MODALS[word])

