"""Metrics on synthetic predictions with known answers (tests/eval_helpers.py)."""

import math

import numpy as np
import pytest

from eval_helpers import as_run, fixture, mixed_predictions, perfect_predictions, pred
from verifier.evals.config import Row
from verifier.evals.metrics import (
    COUNT_KEYS, clean, compute, confusion, per_phenomenon, same_speaker, score_fixture, speaker_tokens,
)
from verifier.evals.runner import score


def test_perfect_predictions_score_one_everywhere():
    fx = fixture()
    m = clean(compute(score_fixture(fx, perfect_predictions(fx)).counts))
    for key in ("extraction.precision", "extraction.recall", "extraction.f1", "label.final.accuracy",
                "label.final.macro_f1", "label.checker.accuracy", "label.extractor.accuracy",
                "label.final.attributed.f1", "label.final.asserted.f1", "speaker.accuracy", "grounding.rate"):
        assert m[key] == 1.0, key


def test_worked_example_every_metric():
    fx = fixture()
    s = score_fixture(fx, mixed_predictions())
    c = s.counts
    # p5 lies in the heading (ignored); p4 is ungrounded; p6 matches nothing; g4 is missed.
    assert (c["gold"], c["pred"], c["matched"], c["ignored"], c["grounded"]) == (4, 5, 3, 1, 4)
    assert [p.id for p in s.ignored] == ["p5"]
    assert [p.id for p in s.unmatched] == ["p4", "p6"]
    assert (c["ambiguous_gold"], c["ambiguous_matched"]) == (1, 1)
    m = clean(compute(c))
    assert m["extraction.precision"] == 0.6
    assert m["extraction.recall"] == 0.75
    assert m["extraction.f1"] == round(2 * 3 / 9, 4)
    # final: p1 right, p2 wrong, p3 'asserted' accepted on the ambiguous g3
    assert m["label.final.accuracy"] == round(2 / 3, 4)
    assert confusion(c, "final") == {"attributed": {"attributed": 1, "asserted": 0},
                                     "asserted": {"attributed": 1, "asserted": 1}}
    assert m["label.final.attributed.precision"] == 0.5
    assert m["label.final.attributed.recall"] == 1.0
    assert m["label.final.attributed.f1"] == round(2 / 3, 4)
    assert m["label.final.asserted.precision"] == 1.0
    assert m["label.final.asserted.recall"] == 0.5
    assert m["label.final.macro_f1"] == round(2 / 3, 4)
    # extractor: p1 wrong, p2 wrong, p3 'attributed' accepted on g3
    assert m["label.extractor.accuracy"] == round(1 / 3, 4)
    assert confusion(c, "extractor") == {"attributed": {"attributed": 1, "asserted": 1},
                                         "asserted": {"attributed": 1, "asserted": 0}}
    assert m["label.extractor.attributed.f1"] == 0.5
    assert m["label.extractor.asserted.f1"] == 0.0
    assert m["label.extractor.macro_f1"] == 0.25
    # checker: same labels as final here
    assert m["label.checker.accuracy"] == round(2 / 3, 4)
    # speaker: only g1 (p1 says attributed, 'Ruiz' is Ana Ruiz's surname)
    assert (c["speaker_n"], c["speaker_ok"]) == (1, 1)
    assert m["speaker.accuracy"] == 1.0
    assert m["grounding.rate"] == 0.8


def test_claim_results_record_the_alignment():
    fx = fixture()
    s = score_fixture(fx, mixed_predictions())
    by = {r.gold_id: r for r in s.claims}
    assert by["g1"].pred_id == "p1" and by["g1"].overlap == 1.0 and by["g1"].ok() is True
    assert by["g2"].ok() is False and by["g2"].ok("extractor") is False
    assert by["g3"].pred_id == "p3" and by["g3"].ok() is True and by["g3"].ambiguous
    assert by["g3"].overlap == round(len("reflects poor planning") / len("The delay, critics argued, reflects poor planning"), 4)
    assert not by["g4"].matched and by["g4"].ok() is None


def test_ambiguous_claim_accepts_either_label():
    fx = fixture()
    g3 = next(g for g in fx.claims if g.id == "g3")
    for label in ("attributed", "asserted"):
        s = score_fixture(fx, [pred(g3.evidence.text, label, id="p")])
        assert s.counts["final.ok"] == 1
        assert s.counts[f"final.cm.{label}.{label}"] == 1


def test_rule_extractor_has_no_extractor_label_metrics():
    fx = fixture()
    preds = [pred(g.evidence.text, g.label, extractor=None, id=g.id) for g in fx.claims]
    m = clean(compute(score_fixture(fx, preds).counts))
    assert m["label.extractor.accuracy"] is None
    assert m["label.extractor.macro_f1"] is None
    assert m["label.final.accuracy"] == 1.0


def test_no_predictions_and_undefined_metrics():
    fx = fixture()
    m = clean(compute(score_fixture(fx, []).counts))
    assert m["extraction.recall"] == 0.0
    assert m["extraction.precision"] is None
    assert m["extraction.f1"] == 0.0
    assert m["label.final.accuracy"] is None
    assert m["grounding.rate"] is None


def test_speaker_scored_only_when_both_say_attributed_and_gold_names_one():
    fx = fixture()
    preds = [pred("the bridge will reopen in May", "attributed", speaker="the mayor", id="p1"),
             pred("reflects poor planning", "attributed", speaker="Critics", id="p3"),
             pred("Traffic fell by ten percent last year", "attributed", speaker="x", id="p2")]
    c = score_fixture(fx, preds).counts
    assert (c["speaker_n"], c["speaker_ok"]) == (2, 1)


@pytest.mark.parametrize("gold,predicted,same", [
    ("Vladimir Putin", "Putin", True),
    ("Vladimir Putin", "President Vladimir Putin", True),
    ("Vladimir Putin", "vladimir putin", True),
    ("María López", "Dr. Maria Lopez", True),
    ("the ministry", "Ministry", True),
    ("the health ministry", "The Health Ministry's", True),
    ("the retail workers' union, Unity", "The retail workers’ union", True),
    ("a report published in March by the health agency", "A report published in March by the health", True),
    ("Vladimir Putin", "Vladimir", False),
    ("the regional health agency", "health", False),
    ("Vladimir Putin", "the Russian leader", False),
    ("Maria Lopez", "Juan Lopez", False),
    ("Vladimir Putin", "He", False),
    ("Vladimir Putin", None, False),
    (None, "Putin", False),
])
def test_speaker_matching(gold, predicted, same):
    assert same_speaker(gold, predicted) is same


def test_speaker_tokens_normalize():
    assert speaker_tokens("The Prime Minister, Ana Ruiz") == ["ana", "ruiz"]
    assert speaker_tokens("Mr.") == ["mr"]  # only a title: kept rather than emptied


def test_per_phenomenon_recall_and_accuracy():
    fx = fixture()
    s = score_fixture(fx, mixed_predictions())
    rows = {r.phenomenon: r.as_dict() for r in per_phenomenon(s.claims)}
    # numbers_dates: g1 (right), g2 (wrong), g4 (missed)
    assert rows["numbers_dates"]["gold"] == 3
    assert rows["numbers_dates"]["recall"] == round(2 / 3, 4)
    assert rows["numbers_dates"]["final_accuracy"] == 0.5
    assert rows["ambiguous"] == {"phenomenon": "ambiguous", "gold": 1, "matched": 1, "recall": 1.0,
                                 "final_accuracy": 1.0, "checker_accuracy": 1.0, "extractor_accuracy": 1.0}
    assert rows["framing"]["gold"] == 1
    assert list(rows) == sorted(rows)


def test_overall_metrics_are_micro_averages_over_fixtures():
    a, b = fixture("a"), fixture("b")
    runs = [as_run(a, perfect_predictions(a)), as_run(b, mixed_predictions())]
    res = score(Row("synthetic"), [a, b], runs, resamples=0)
    assert res.counts["gold"] == 8 and res.counts["matched"] == 7 and res.counts["pred"] == 9
    assert res.metrics["extraction.precision"] == round(7 / 9, 4)
    assert res.metrics["label.final.accuracy"] == round(6 / 7, 4)
    assert [p["fixture"] for p in res.per_fixture] == ["a", "b"]
    assert res.per_fixture[0]["metrics"]["extraction.f1"] == 1.0
    assert all(v is None for v in res.ci.values())  # no resamples asked


def test_array_counts_give_the_same_metrics_as_scalar_counts():
    fx = fixture()
    c1 = score_fixture(fx, mixed_predictions()).counts
    c2 = score_fixture(fx, perfect_predictions(fx)).counts
    c3 = score_fixture(fx, []).counts
    arrays = {k: np.array([c1[k], c2[k], c3[k]]) for k in COUNT_KEYS}
    vec = compute(arrays)
    for i, c in enumerate((c1, c2, c3)):
        for name, v in compute(c).items():
            got = float(vec[name][i])
            assert (math.isnan(v) and math.isnan(got)) or got == pytest.approx(v), (name, i)
