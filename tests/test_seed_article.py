"""The seed article end to end through the CLI (`verifier check ... -f json`, rules
extractor): the hard-case rows of ANNOTATION.md that it exists to test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

SEED = Path(__file__).parent / "data" / "seed-article.txt"


@pytest.fixture(scope="module")
def report() -> dict:
    proc = run_cli("check", str(SEED), "-e", "rules", "-f", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def claim(report: dict, evidence_start: str) -> dict:
    found = [c for c in report["claims"] if c["evidence"]["text"].startswith(evidence_start)]
    assert found, f"no claim whose evidence starts {evidence_start!r}"
    return found[0]


def test_putins_content_clause_is_attributed_with_cue_stated(report):
    c = claim(report, "export contracts have generally been fulfilled on schedule")
    assert c["evidence"]["text"] == "export contracts have generally been fulfilled on schedule"
    assert c["label"] == "attributed"
    assert c["cue"] == "stated"
    assert c["speaker"] == "Vladimir Putin"


def test_the_gloss_is_a_separate_ambiguous_claim_that_needs_review(report):
    c = claim(report, "demonstrating the industry’s ability")
    assert c["ambiguous"] is True
    assert c["status"] == "needs review"
    assert sorted(c["labels"]) == ["asserted", "attributed"]
    content = claim(report, "export contracts have generally")
    assert content["id"] != c["id"] and not content["ambiguous"]


def test_coordinated_report_praised_its_resilience_is_its_own_claim(report):
    c = claim(report, "praised its resilience")
    assert c["label"] == "attributed" and c["cue"] == "praised"
    first = claim(report, "the defense export sector operates under difficult circumstances")
    assert first["cue"] == "acknowledged" and first["id"] != c["id"]


def test_content_is_cut_out_of_its_frame(report):
    texts = [c["evidence"]["text"] for c in report["claims"]]
    assert "the strong performance of Russia’s military export industry" in texts  # "on Friday" is the event's
    assert not any(t.startswith(("Putin stated", "He noted", "The Russian leader")) for t in texts)


def test_claim_text_stands_alone(report):
    c = claim(report, "the country supplied defense products")
    assert c["text"].startswith("Russia supplied defense products to more than 30 nations last year")


def test_reporter_inference_and_source_as_topic_are_asserted(report):
    assert claim(report, "This interest reflects Russia’s broader strategy")["label"] == "asserted"
    assert claim(report, "Putin’s description of “complicated conditions” reflects")["label"] == "asserted"


def test_every_sentence_yields_claims_or_a_reason(report):
    assert len(report["sentences"]) > 20
    for s in report["sentences"]:
        assert s["claims"] or s["reason"], s
    headings = [s for s in report["sentences"] if s["reason"] and "heading" in s["reason"]]
    assert len(headings) == 3


def test_explain_lists_every_sentence_on_stderr():
    proc = run_cli("check", str(SEED), "-e", "rules", "-f", "json", "--explain")
    assert proc.returncode == 0
    json.loads(proc.stdout)  # stdout stays the JSON Report
    err = proc.stderr.decode()
    assert "s5 [" in err and "no claim: a heading" in err
    assert "left out 'on Friday': the time of the speech event" in err
