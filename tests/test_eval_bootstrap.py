"""Bootstrap CIs over fixtures: seeded, deterministic, known answers."""

from eval_helpers import fixture, mixed_predictions, perfect_predictions
from verifier.evals.bootstrap import bootstrap_ci, fmt_ci
from verifier.evals.metrics import clean, compute, score_fixture, sum_counts


def counts():
    fx = fixture()
    return [score_fixture(fx, perfect_predictions(fx)).counts, score_fixture(fx, mixed_predictions()).counts,
            score_fixture(fx, []).counts]


def test_identical_fixtures_give_a_zero_width_interval():
    c = counts()[1]
    ci = bootstrap_ci([c, c, c], n=200, seed=1)
    point = clean(compute(c))
    assert ci["extraction.f1"] == (point["extraction.f1"], point["extraction.f1"])
    assert ci["label.final.accuracy"] == (point["label.final.accuracy"],) * 2


def varied_counts():
    fx = fixture()
    preds = mixed_predictions()
    return [score_fixture(fx, preds[:k]).counts for k in range(len(preds) + 1)] + counts()


def test_seeded_and_deterministic():
    c = varied_counts()
    assert bootstrap_ci(c, n=300, seed=7) == bootstrap_ci(c, n=300, seed=7)
    a, b = bootstrap_ci(c, n=300, seed=7), bootstrap_ci(c, n=300, seed=8)
    assert a != b


def test_interval_brackets_the_pooled_value_and_spans_the_extremes():
    c = counts()
    ci = bootstrap_ci(c, n=2000, seed=0)
    lo, hi = ci["extraction.recall"]
    pooled = clean(compute(sum_counts_dicts(c)))["extraction.recall"]
    assert 0.0 <= lo < pooled < hi <= 1.0
    # a resample of three empty fixtures has recall 0, of three perfect ones 1
    assert lo < 0.3 and hi > 0.8


def sum_counts_dicts(cs):
    out = dict.fromkeys(cs[0], 0)
    for c in cs:
        for k, v in c.items():
            out[k] += v
    return out


def test_undefined_metrics_and_too_few_fixtures():
    c = counts()
    assert bootstrap_ci(c[:1], n=100)["extraction.f1"] is None
    assert bootstrap_ci(c, n=0)["extraction.f1"] is None
    # no fixture has extractor labels -> undefined in every resample
    empty = [score_fixture(fixture(), []).counts] * 3
    assert bootstrap_ci(empty, n=50)["label.final.accuracy"] is None


def test_fmt_ci():
    assert fmt_ci((0.1234, 0.5)) == "[0.123, 0.500]"
    assert fmt_ci(None) == ""


def test_sum_counts_matches_manual_sum():
    fx = fixture()
    scores = [score_fixture(fx, perfect_predictions(fx)), score_fixture(fx, mixed_predictions())]
    assert sum_counts(scores) == sum_counts_dicts([s.counts for s in scores])
