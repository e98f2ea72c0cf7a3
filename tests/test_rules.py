from verifier.document import Document
from verifier.extractors.rules import RuleExtractor


def evidences(text: str) -> list[str]:
    return [d.evidence for d in RuleExtractor().extract(Document.from_text(text)).drafts]


def test_reporting_frame_content_becomes_the_claim():
    assert evidences("The governor announced that the highway will close for repairs in June.") == [
        "the highway will close for repairs in June"]


def test_trailing_source_is_cut_from_the_evidence():
    assert evidences("Prices for diesel rose sharply in the spring, analysts said.") == [
        "Prices for diesel rose sharply in the spring"]


def test_according_to_frame():
    assert evidences("According to the audit office, the project ran 40 percent over budget.") == [
        "the project ran 40 percent over budget"]


def test_independent_clauses_are_split():
    ev = evidences("The river flooded two villages, and the army sent boats while the rain kept falling.")
    assert ev == ["The river flooded two villages", "the army sent boats", "the rain kept falling"]
    assert evidences("Exports fell in March but imports rose by 3 percent.") == [
        "Exports fell in March", "imports rose by 3 percent"]


def test_lists_are_not_split():
    assert evidences("The shop sells bread, cheese, and smoked fish from local farms.") == [
        "The shop sells bread, cheese, and smoked fish from local farms"]


def test_participle_frame_and_headline_are_handled():
    text = ("Bridge Reopens\n"
            "The mayor praised the repair crews on Monday, announcing that the bridge had reopened to traffic.")
    ev = evidences(text)
    assert "Bridge Reopens" not in ev
    # "on Monday" is the time of the speech event, not part of what was praised; a short
    # object keeps its cue ("praised the repair crews")
    assert ev == ["praised the repair crews", "the bridge had reopened to traffic"]


def test_evidence_is_exact_text():
    text = "Sources said the talks collapsed. The union, however, expects a deal soon."
    doc = Document.from_text(text)
    for d in RuleExtractor().extract(doc).drafts:
        assert text[d.start:d.start + len(d.evidence)] == d.evidence
