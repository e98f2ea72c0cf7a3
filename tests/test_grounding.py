import pytest

from verifier.grounding import locate

TEXT = "The minister said “the plan  is\nready” on Friday. The plan is ready, she said again."


def test_exact_match_prefers_occurrence_near_hint():
    ev = locate(TEXT, "The plan is ready", hint=50)
    assert ev.match == "exact" and TEXT[ev.start:ev.end] == "The plan is ready" and ev.start > 40


def test_whitespace_and_curly_quotes_tolerated():
    ev = locate(TEXT, '"the plan is ready"')
    assert ev.match == "normalized"
    assert TEXT[ev.start:ev.end] == "“the plan  is\nready”"


def test_fuzzy_match_for_long_evidence_with_a_typo():
    text = "Officials said the reservoir had reached its lowest level since records began in 1961."
    ev = locate(text, "the reservoir had reached its lowest levle since records began in 1961")
    assert ev.match == "fuzzy" and ev.start == text.index("the reservoir")


def test_missing_evidence_stays_ungrounded():
    ev = locate(TEXT, "the plan was abandoned")
    assert ev.match == "none" and ev.start is None and not ev.grounded and ev.text == "the plan was abandoned"


def test_evidence_starting_mid_word_snaps_to_the_word():
    text = "Vladimir Putin stated that export contracts were fulfilled."
    ev = locate(text, "n stated that export contracts")
    assert ev.grounded and ev.text == "Putin stated that export contracts" and ev.match == "normalized"


def test_a_snap_that_would_add_too_much_is_rejected():
    text = "The electroencephalographic readings were normal."
    ev = locate(text, "graphic readings were")
    assert not ev.grounded


def test_a_word_bounded_occurrence_wins_over_one_inside_a_word():
    text = "Therefore the plan failed. The plan is ready."
    ev = locate(text, "the plan is")
    assert ev.grounded and ev.start == text.index("The plan is") and ev.text == "The plan is"


def test_case_only_difference_takes_the_article_spelling():
    text = "Officials said the Bridge will reopen in May."
    ev = locate(text, "the bridge will reopen in may")
    assert ev.grounded and ev.text == "the Bridge will reopen in May" and ev.match == "normalized"


@pytest.mark.parametrize("evidence", [
    "the reservoir had reached its lowest level since records began in 1971",     # a number
    "the reservoir had not reached its lowest level since records began in 1961",  # a negation
    "the reservoir had reached its highest level since records began in 1961",    # a content word
])
def test_a_fuzzy_match_that_changes_the_meaning_is_not_grounded(evidence):
    text = "Officials said the reservoir had reached its lowest level since records began in 1961."
    assert not locate(text, evidence).grounded


def test_a_fuzzy_match_with_a_typo_still_grounds_to_whole_words():
    text = "Officials said the reservoir had reached its lowest level since records began in 1961."
    ev = locate(text, "he reservoir had reached its lowest levle since records began in 1961")
    assert ev.match == "fuzzy" and ev.text == "the reservoir had reached its lowest level since records began in 1961"
