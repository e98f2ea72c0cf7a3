"""Alignment: optimal one-to-one assignment by evidence overlap, with ties."""

import pytest

from verifier.evals.align import MIN_OVERLAP, align, overlap


def pairs(result):
    return [(p.pred, p.gold) for p in result]


def test_overlap_is_character_jaccard():
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 10), (0, 20)) == 0.5
    assert overlap((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert overlap((0, 10), (10, 20)) == 0.0
    assert overlap((0, 10), (20, 30)) == 0.0


def test_optimal_assignment_beats_greedy():
    # p0 overlaps A best (0.5) but also B (0.333); p1 overlaps only A (0.4).
    # Greedy (best pair first) takes p0-A and leaves p1 unmatched: 1 match.
    gold = [(0, 10), (10, 20)]
    preds = [(2, 16), (0, 4)]
    assert overlap(preds[0], gold[0]) == pytest.approx(0.5)
    assert overlap(preds[1], gold[0]) == pytest.approx(0.4)
    assert overlap(preds[0], gold[1]) == pytest.approx(1 / 3)
    assert overlap(preds[1], gold[1]) == 0.0
    result = align(preds, gold)
    assert pairs(result) == [(1, 0), (0, 1)]
    assert [round(p.overlap, 3) for p in result] == [0.4, 0.333]


def test_more_matches_win_over_more_total_overlap():
    gold = [(0, 10), (8, 12)]
    preds = [(0, 12), (0, 3)]
    # p0: A 10/12 = 0.833, B 4/12 = 0.333; p1: A 0.3, B 0.
    # Best total overlap alone is p0-A (0.833 > 0.333 + 0.3); two matches win.
    assert overlap(preds[0], gold[1]) == pytest.approx(1 / 3)
    assert pairs(align(preds, gold)) == [(1, 0), (0, 1)]


def test_among_equal_match_counts_the_larger_total_overlap_wins():
    gold = [(0, 10), (10, 20)]
    preds = [(0, 10), (0, 12)]  # p0-A 1.0 + p1-B 0.1 (no) vs p1-A 0.83: p0 takes A
    assert pairs(align(preds, gold)) == [(0, 0)]
    preds = [(0, 12), (0, 10)]
    assert pairs(align(preds, gold)) == [(1, 0)]


def test_duplicate_predictions_tie_goes_to_the_earlier_prediction():
    assert pairs(align([(0, 10), (0, 10)], [(0, 10)])) == [(0, 0)]
    assert pairs(align([(5, 9), (0, 10), (0, 10)], [(0, 10)])) == [(1, 0)]


def test_one_prediction_equally_near_two_gold_claims_goes_to_the_earlier_gold():
    result = align([(5, 15)], [(0, 10), (10, 20)])
    assert pairs(result) == [(0, 0)]
    assert result[0].overlap == pytest.approx(1 / 3)


def test_identical_gold_and_prediction_spans_pair_in_order():
    assert pairs(align([(0, 10), (0, 10)], [(0, 10), (0, 10)])) == [(0, 0), (1, 1)]


def test_threshold_is_inclusive_and_configurable():
    assert MIN_OVERLAP == 0.3  # the documented default (evals/README.md)
    assert pairs(align([(0, 3)], [(0, 10)])) == [(0, 0)]  # exactly 0.3
    assert align([(0, 2)], [(0, 10)]) == []
    assert pairs(align([(0, 2)], [(0, 10)], min_overlap=0.2)) == [(0, 0)]
    assert align([(0, 9)], [(0, 10)], min_overlap=1.0) == []
    with pytest.raises(ValueError):
        align([(0, 1)], [(0, 1)], min_overlap=0)


def test_ungrounded_predictions_never_match_and_empty_inputs():
    assert align([None, (0, 10)], [(0, 10)])[0].pred == 1
    assert align([], [(0, 10)]) == []
    assert align([(0, 10)], []) == []
    assert align([None], [(0, 10)]) == []


def test_large_inputs_stay_exact_and_fast():
    gold = [(i * 10, i * 10 + 8) for i in range(300)]
    preds = [(i * 10 + 1, i * 10 + 8) for i in range(300)] + [(i * 10, i * 10 + 8) for i in range(0, 300, 2)]
    result = align(preds, gold)
    assert len(result) == 300
    # the exact duplicates (later in the list) win their gold claims: higher overlap
    assert all(p.overlap == 1.0 for p in result if p.gold % 2 == 0)


def test_the_cheaply_loaded_assignment_is_scipys():
    import subprocess
    import sys

    import numpy as np
    from scipy.optimize import linear_sum_assignment as public

    from verifier.evals.align import linear_sum_assignment

    rng = np.random.default_rng(3)
    for shape in ((5, 5), (3, 7), (8, 2)):
        w = rng.integers(0, 4, size=shape).astype(float)  # many ties
        for a, b in zip(linear_sum_assignment()(w, maximize=True), public(w, maximize=True)):
            assert a.tolist() == b.tolist()
    # in a fresh process, aligning does not import the rest of scipy.optimize
    code = ("import sys; from verifier.evals.align import align; "
            "print(align([(0, 10), (2, 9)], [(0, 9), (1, 10)]), 'scipy.optimize' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip().endswith("False") and "Pair(pred=0" in out
