"""verifier verify, in process on real files: sources and turns, retrieval,
quantities, the verdicts of every kind, asserted notes, the API, renderers
and the verification eval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import verifier
from verifier.document import Document
from verifier.errors import ConfigError, InputNotFound
from verifier.render import render_string
from verifier.schemas import Report
from verifier.verify.compare import build_context, claim_input, verify_claim
from verifier.verify.eval import run as run_eval
from verifier.verify.quantities import compare_quantities, quantities
from verifier.verify.sources import load_sources, parse_spec, passages

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kelmar-port-briefing.txt"
TRANSCRIPT = ROOT / "examples" / "kelmar-port-briefing.transcript.txt"

SOURCE = """Briefing, transcript.

MAYOR HELEN MARSH: The council has approved 42 million dollars for the terminal. Construction will begin in September.

MAYOR HELEN MARSH: We will not raise property taxes to pay for this project. Passengers may see some delays at peak hours.

DEPUTY MAYOR OWEN KIRBY: Four firms submitted bids for the contract.

MAYOR HELEN MARSH: I am proud of this council. The environmental review is complete, and it found no risk to the seagrass.
"""


@pytest.fixture
def ctx(tmp_path):
    p = tmp_path / "briefing.txt"
    p.write_text(SOURCE, encoding="utf-8")
    return build_context(load_sources([f"Helen Marsh={p}"]))


def verdict(ctx, evidence: str, speaker: str = "Helen Marsh"):
    return verify_claim(ctx, claim_input("c1", evidence, speaker))


def test_turns_make_passages_with_their_speakers(ctx):
    speakers = {p.text: p.speaker for p in ctx.passages}
    assert speakers["Four firms submitted bids for the contract."] == "DEPUTY MAYOR OWEN KIRBY"
    assert speakers["We will not raise property taxes to pay for this project."] == "MAYOR HELEN MARSH"
    assert not any(p.text.startswith("MAYOR") for p in ctx.passages)  # labels are not passage text
    for p in ctx.passages:
        assert ctx.sources[p.source].document.text[p.start:p.end] == p.text


def test_a_sentence_with_a_colon_is_not_a_turn(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("I will be honest with you: the pledges are not enough.\n", encoding="utf-8")
    assert [x.speaker for x in passages(load_sources([str(p)]))] == [None]


def test_spec_parsing():
    assert parse_spec("Vladimir Putin=transcript.txt") == ("Vladimir Putin", "transcript.txt")
    assert parse_spec("transcript.txt") == (None, "transcript.txt")
    with pytest.raises(ConfigError):
        parse_spec("=x.txt")


def test_quantities_compare_as_quantities():
    q = lambda a, b: compare_quantities(quantities(a), quantities(b))  # noqa: E731
    assert q("$15 billion", "15 billion dollars") == []
    assert q("more than 30 nations", "34 nations") == []
    assert q("more than 30 nations", "25 nations") != []
    assert q("thirty-four", "34") == []
    assert q("$15 billion", "15 billion euros")[0].startswith("unit")
    assert q("over $15 billion", "15.2 billion dollars") == []
    assert q("1,200 jobs", "1,150 jobs") != []


def test_direct_quotation_verbatim_with_offsets(ctx):
    c = verdict(ctx, "“We will not raise property taxes to pay for this project,”")
    assert c.verdict == "verbatim" and c.kind == "direct"
    text = ctx.sources[0].document.text
    assert text[c.passage.start:c.passage.end] == c.passage.text == "We will not raise property taxes to pay for this project"


def test_direct_quotation_altered_names_the_changed_words(ctx):
    c = verdict(ctx, "“Passengers will see some delays at peak hours,”")
    assert c.verdict == "altered"
    assert any(d.kind == "changed" and d.claim == "will" and d.source == "may" for d in c.differences)


def test_an_ellipsis_that_hides_a_qualifier_is_altered(ctx):
    c = verdict(ctx, "“The environmental review is complete … no risk to the seagrass”")
    assert c.verdict == "verbatim"  # 'and it found' hides nothing
    c = verdict(ctx, "“We will … raise property taxes”")
    assert c.verdict == "altered" and c.differences[0].kind == "ellipsis" and "not" in c.differences[0].source


def test_two_passages_stitched(ctx):
    c = verdict(ctx, "“I am proud of this council. Construction will begin in September.”")
    assert c.verdict == "altered" and c.differences[0].kind == "stitched" and len(c.also) == 1


def test_words_of_another_speaker(ctx):
    c = verdict(ctx, "“Four firms submitted bids for the contract”")
    assert c.verdict == "wrong_speaker" and c.passage.speaker == "DEPUTY MAYOR OWEN KIRBY"


def test_indirect_speech_supported_and_each_mismatch_named(ctx):
    assert verdict(ctx, "the council has approved $42 million for the terminal").verdict == "supported"
    for evidence, kind in [("the council has approved $24 million for the terminal", "number"),
                           ("construction will begin in October", "date"),
                           ("the city will raise property taxes to pay for the project", "negation"),
                           ("passengers will see delays at peak hours", "hedge")]:
        c = verdict(ctx, evidence)
        assert c.verdict == "mismatch", (evidence, c.reasons)
        assert kind in {d.kind for d in c.differences}, (evidence, c.differences)
        assert c.passage is not None and kind in c.reasons[0]


def test_never_said_is_not_found_without_a_passage(ctx):
    c = verdict(ctx, "the terminal will include a rooftop restaurant run by a local chef")
    assert c.verdict == "not_found" and c.passage is None and c.reasons


def test_api_on_the_example_pair_covers_the_four_cases():
    report = verifier.verify(EXAMPLE.read_text(encoding="utf-8"), [f"Anna Berg={TRANSCRIPT}"])
    v = report.verification
    for kind in ("verbatim", "altered", "mismatch", "not_found"):  # the example's four cases
        assert v.counts[kind] >= 1, v.counts
    for c in v.checks:
        assert c.reasons
        assert (c.passage is None) == (c.verdict == "not_found")
    assert Report.model_validate_json(report.model_dump_json()) == report
    assert json.loads(report.model_dump_json())["schema_version"] == "2"


def test_asserted_claims_built_on_a_figure_lean_on_it(tmp_path):
    text = ("Putin said that Russia earned over $15 billion last year. "
            "Russia's ability to secure $15 billion demonstrates continued demand.\n")
    src = tmp_path / "t.txt"
    src.write_text("We earned over 15 billion dollars last year.\n", encoding="utf-8")
    report = verifier.verify(text, [f"Vladimir Putin={src}"])
    attributed = [c.id for c in report.claims if c.label == "attributed"]
    notes = report.verification.asserted
    assert notes and notes[0].note == "needs independent sourcing"
    assert notes[0].leans_on == attributed[:1] and "$15 billion" in notes[0].reasons[0]


def test_renderers_show_claim_beside_passage():
    report = verifier.verify(EXAMPLE.read_text(encoding="utf-8"), [f"Anna Berg={TRANSCRIPT}"])
    html = render_string(report, "html")
    assert "Verification against sources" in html and '<mark class="d">' in html and '<mark class="s">' in html
    md = render_string(report, "markdown")
    assert "## Verification against sources" in md and "**altered**" in md and "Needs independent sourcing" in md
    text = render_string(report, "text")
    assert "VERIFICATION AGAINST SOURCES" in text and "mismatch" in text


def test_bad_sources_raise_one_line_errors(tmp_path):
    with pytest.raises(InputNotFound):
        load_sources([str(tmp_path / "missing.txt")])
    with pytest.raises(ConfigError):
        load_sources([])
    with pytest.raises(ConfigError):
        verifier.verify(42, [str(TRANSCRIPT)])


def test_fixture_eval_meets_the_targets():
    m = run_eval(ROOT / "evals" / "verify" / "fixtures").metrics()
    assert m["fixtures"] >= 8 and m["claims"] >= 150
    assert set(m["per_verdict"]) == {"verbatim", "altered", "supported", "mismatch", "not_found", "wrong_speaker"}
    assert m["macro_f1"] >= 0.85 and m["recall_at_3"] >= 0.95


def test_fixtures_are_built_from_their_sources():
    import subprocess
    import sys

    before = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "evals/verify/fixtures").glob("*.json")}
    subprocess.run([sys.executable, str(ROOT / "evals/verify/build.py")], check=True, capture_output=True)
    after = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "evals/verify/fixtures").glob("*.json")}
    assert before == after


def test_sources_as_documents_keep_offsets():
    doc = Document.from_text("A: one thing.\n\nB: another thing.\n", source="mem")
    ctx = build_context(load_sources([(None, doc)]))
    assert [(p.speaker, p.text) for p in ctx.passages] == [("A", "one thing."), ("B", "another thing.")]


def test_a_long_repetitive_quotation_stays_cheap():
    import time

    src = " ".join(f"word{i} alpha beta." for i in range(3000))
    ctx = build_context(load_sources([(None, Document.from_text(src, source="s"))]))
    t0 = time.perf_counter()
    for q in ["“" + " ".join(["alpha beta"] * 170) + "”", " ".join(f"word{i}" for i in range(300))]:
        verify_claim(ctx, claim_input("c", q, None))
    assert time.perf_counter() - t0 < 3.0  # was 20 s with difflib and unbounded fuzzy strings


def test_every_verdict_on_the_fixtures_names_its_passage_and_reason():
    for path in sorted((ROOT / "evals/verify/fixtures").glob("*.json")):
        fx = json.loads(path.read_text(encoding="utf-8"))
        srcs = load_sources([(s["speaker"], Document.from_path(ROOT / "evals/verify" / s["path"]))
                             for s in fx["sources"]])
        ctx = build_context(srcs)
        for c in fx["claims"]:
            check = verify_claim(ctx, claim_input(c["id"], c["evidence"], c["speaker"], c["kind"]))
            assert check.reasons, (path.name, c["id"])
            if check.verdict == "not_found":
                assert check.passage is None
            else:
                p = check.passage
                assert p is not None, (path.name, c["id"], check.verdict)
                assert srcs[p.source].document.text[p.start:p.end] == p.text
