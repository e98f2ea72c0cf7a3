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
