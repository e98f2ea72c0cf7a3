"""The fixture format, its validator and `verifier validate-fixtures`."""

import json

import pytest

from conftest import ROOT, run_cli
from eval_helpers import ARTICLE_2, GOLD_2, TEXT, fixture
from verifier.errors import MalformedInput
from verifier.fixtures import Fixture, GoldClaim, load_fixture, problems, save_fixture, warnings


def data():
    return json.loads(fixture().model_dump_json())


def probs(d):
    return problems(Fixture.model_validate(d))


def test_a_good_fixture_has_no_problems_and_round_trips(tmp_path):
    fx = fixture()
    assert problems(fx) == []
    save_fixture(fx, tmp_path / "f.json")
    assert load_fixture(tmp_path / "f.json") == fx
    assert fx.dont_care[0].start == 0 and fx.in_dont_care(0, 5) and not fx.in_dont_care(0, 30)


def test_evidence_not_in_text_names_fixture_and_claim():
    d = data()
    d["claims"][1]["evidence"]["text"] = "Traffic rose sharply"
    assert probs(d) == ["fx-bridge claim g2: evidence text is not in the article: 'Traffic rose sharply'"]


def test_offsets_disagreeing_with_evidence():
    d = data()
    ev = d["claims"][0]["evidence"]
    ev["start"] += 1
    ev["end"] += 1
    (msg,) = probs(d)
    assert msg.startswith("fx-bridge claim g1: offsets") and f"occurs at {ev['start'] - 1}-" in msg
    ev["end"] = 10_000
    assert "outside the text" in probs(d)[0]


@pytest.mark.parametrize("change,expected", [
    (lambda d: d["claims"][1].update(id="g1"), "duplicate claim id"),
    (lambda d: d["claims"][0].update(speaker=None), "needs a speaker and a cue"),
    (lambda d: d["claims"][0].update(cue="proclaimed"), "cue 'proclaimed' does not occur"),
    (lambda d: d["claims"][0].update(phenomena=["telepathy"]), "unknown phenomenon 'telepathy'"),
    (lambda d: d["claims"][1].update(acceptable_labels=["asserted", "attributed"]), "not marked ambiguous"),
    (lambda d: d["claims"][1].update(evidence=d["claims"][0]["evidence"]), "same evidence span as claim g1"),
    (lambda d: d["claims"][1].update(evidence={"start": 0, "end": 6, "text": "Bridge"}), "inside a don't-care"),
    (lambda d: d["claims"][1].update(evidence={"start": 72, "end": 80, "text": TEXT[72:80]}), "whitespace"),
    (lambda d: d["dont_care"].append({"start": 5, "end": 99999}), "outside the text"),
])
def test_each_problem_is_found(change, expected):
    d = data()
    if "whitespace" in expected:
        assert TEXT[72:80] != TEXT[72:80].strip()
    change(d)
    found = probs(d)
    assert any(expected in p for p in found), found


def test_ambiguity_rules_in_the_model():
    base = dict(id="g", text="t", evidence={"start": 0, "end": 1, "text": "x"})
    assert GoldClaim(**base, label="asserted", ambiguous=True).acceptable_labels == ["attributed", "asserted"]
    assert GoldClaim(**base, label="asserted").acceptable_labels == ["asserted"]
    with pytest.raises(ValueError):
        GoldClaim(**base, label="asserted", ambiguous=True, acceptable_labels=["asserted"])
    with pytest.raises(ValueError):
        GoldClaim(**base, label="asserted", acceptable_labels=["attributed"])


def test_warnings_for_length_and_single_label():
    fx = fixture()
    assert any("words (fixtures are 400-900)" in w for w in warnings(fx))
    one = fixture("one", ARTICLE_2, [g for g in GOLD_2 if g["label"] == "attributed"])
    assert any("every claim is attributed" in w for w in warnings(one))


def test_load_errors_are_clear(tmp_path):
    p = tmp_path / "x.json"
    p.write_text('{"id": "x"}')
    with pytest.raises(MalformedInput, match=r"x.json: invalid fixture at text: Field required"):
        load_fixture(p)
    p.write_text("[1,")
    with pytest.raises(MalformedInput, match="not a JSON fixture"):
        load_fixture(p)


def test_validate_command(tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    save_fixture(fixture(), good)
    d = data()
    d["id"] = "fx-bad"
    d["claims"][2]["evidence"]["text"] = "reflects good planning"
    bad.write_text(json.dumps(d))
    r = run_cli("validate-fixtures", str(good))
    assert r.returncode == 0
    assert "1 of 1 fixtures valid (4 gold claims: 2 attributed, 2 asserted, 1 ambiguous)" in r.stdout.decode()
    assert "WARN" in r.stderr.decode()
    r = run_cli("validate-fixtures", str(tmp_path))
    assert r.returncode == 7
    assert f"FAIL {bad}: fx-bad claim g3: evidence text is not in the article" in r.stderr.decode()
    assert "1 of 2 fixtures valid" in r.stdout.decode()
    d["id"] = "fx-bridge"
    d["claims"][2]["evidence"]["text"] = "reflects poor planning"
    bad.write_text(json.dumps(d))
    r = run_cli("validate-fixtures", "-q", str(tmp_path))
    assert r.returncode == 7 and "fixture id 'fx-bridge' is also used by" in r.stderr.decode()
    r = run_cli("validate-fixtures", str(tmp_path / "missing"))
    assert r.returncode == 3 and r.stderr.decode().count("\n") == 1


def test_committed_fixtures_are_valid():
    root = ROOT / "evals" / "fixtures"
    if not any(root.rglob("*.json")):
        pytest.skip("no fixtures committed yet")
    r = run_cli("validate-fixtures", "-q", str(root))
    assert r.returncode == 0, r.stderr.decode()
