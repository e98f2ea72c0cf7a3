"""Baseline file, --compare: deltas, tolerances, flips; and the writers."""

import json
import xml.etree.ElementTree as ET

import pytest

from eval_helpers import ARTICLE_2, GOLD_2, as_run, fixture, mixed_predictions, perfect_predictions, pred
from verifier.errors import InputNotFound, MalformedInput
from verifier.evals.baseline import (
    BASELINE_VERSION, DEFAULT_TOLERANCES, compare, dumps, load_baseline, row_entry, tolerance_for, updated_baseline,
)
from verifier.evals.config import Row
from verifier.evals.runner import score
from verifier.evals.writers import RunInfo
from verifier.evals.writers.jsonfile import to_json
from verifier.evals.writers.junit import to_junit
from verifier.evals.writers.markdown import baseline_table, to_markdown

ROW = Row("synthetic", extractor="llm", model="m1")


def run(preds_a, preds_b=None):
    a, b = fixture("a"), fixture("b", ARTICLE_2, GOLD_2)
    preds_b = perfect_predictions(b) if preds_b is None else preds_b
    return score(ROW, [a, b], [as_run(a, preds_a), as_run(b, preds_b)], resamples=50)


def baseline_of(result, tolerances=None):
    data = updated_baseline(None, {result.name: row_entry(result, "scored", 0.3)})
    if tolerances is not None:
        data["tolerances"] = tolerances
    return json.loads(dumps(data))  # as read back from the file


def info(n=2):
    return RunInfo(fixture_set="scored", n_fixtures=n, mode="replay", min_overlap=0.3, resamples=50, seed=0)


def test_same_run_compares_clean():
    res = run(mixed_predictions())
    cmp = compare(baseline_of(res), [res])
    rc = cmp.rows[0]
    assert not cmp.regressed and rc.flips == [] and rc.notes == []
    assert all(d.delta in (0, None) for d in rc.deltas)


def test_label_flips_and_regression():
    base = run(perfect_predictions(fixture("a")))
    preds = perfect_predictions(fixture("a"))
    # g1 attributed -> asserted (broken); g2 dropped (lost); g3 ambiguous -> other label (changed)
    preds[0] = pred(preds[0].evidence, "asserted", extractor="asserted", id="p1")
    del preds[1]
    preds[1] = pred(preds[1].evidence, "asserted", extractor="attributed", checker="asserted", id="p3")
    cur = run(preds)
    cmp = compare(baseline_of(base), [cur])
    rc = cmp.rows[0]
    final = {(f.fixture, f.claim): f.kind for f in rc.flips if f.source == "final"}
    assert final == {("a", "g1"): "broken", ("a", "g2"): "lost", ("a", "g3"): "changed"}
    ext = {(f.claim, f.kind, f.before, f.after) for f in rc.flips if f.source == "extractor"}
    assert ext == {("g1", "broken", "attributed", "asserted")}
    assert rc.flip_counts() == {"broken": 1, "lost": 1, "changed": 1}
    assert rc.fixture_balance() == {"a": -2}
    assert cmp.regressed
    regressed = {d.metric for d in rc.regressions}
    assert {"extraction.recall", "label.final.accuracy"} <= regressed
    d = next(d for d in rc.deltas if d.metric == "label.final.accuracy")
    assert d.baseline == 1.0 and d.current == round(5 / 6, 4) and d.delta == round(5 / 6 - 1, 4)


def test_fixed_and_found_and_tolerance():
    base = run(mixed_predictions())
    better = run(perfect_predictions(fixture("a")))
    rc = compare(baseline_of(base), [better]).rows[0]
    kinds = {(f.claim, f.kind) for f in rc.flips if f.source == "final"}
    assert ("g2", "fixed") in kinds and ("g4", "found") in kinds
    assert not rc.regressed
    # the other way round regresses, unless the tolerances allow the drop
    assert compare(baseline_of(better), [base]).regressed
    assert not compare(baseline_of(better, tolerances={"*": 0.5}), [base]).regressed
    assert not compare(baseline_of(better, tolerances={}), [base]).regressed  # nothing gated


def test_tolerance_lookup():
    tol = {"label.final.accuracy": 0.05, "label.*.accuracy": 0.01, "extraction.*": 0.02}
    assert tolerance_for("label.final.accuracy", tol) == 0.05
    assert tolerance_for("label.checker.accuracy", tol) == 0.01
    assert tolerance_for("extraction.f1", tol) == 0.02
    assert tolerance_for("speaker.accuracy", tol) is None
    assert tolerance_for("label.final.attributed.precision", DEFAULT_TOLERANCES) is None
    assert tolerance_for("label.checker.asserted.f1", DEFAULT_TOLERANCES) == 0.03


def test_drop_within_tolerance_passes_and_just_beyond_fails():
    res = run(mixed_predictions())
    data = baseline_of(res)
    acc = res.metrics["label.final.accuracy"]
    data["rows"]["synthetic"]["metrics"]["label.final.accuracy"] = acc + 0.01  # exactly the tolerance
    assert not compare(data, [res]).regressed
    data["rows"]["synthetic"]["metrics"]["label.final.accuracy"] = acc + 0.0101
    assert compare(data, [res]).regressed


def test_metric_that_became_undefined_regresses():
    res = run(mixed_predictions())
    data = baseline_of(res)
    data["rows"]["synthetic"]["metrics"]["label.extractor.accuracy"] = 0.9
    b = fixture("b", ARTICLE_2, GOLD_2)
    rules_like = run([pred(p.evidence, p.final, id=p.id) for p in mixed_predictions() if p.start is not None],
                     [pred(g.evidence.text, g.label, id=g.id, text=ARTICLE_2) for g in b.claims])
    assert rules_like.metrics["label.extractor.accuracy"] is None
    rc = compare(data, [rules_like]).rows[0]
    assert "label.extractor.accuracy" in {d.metric for d in rc.regressions}


def test_notes_missing_row_changed_fixture_and_settings():
    res = run(mixed_predictions())
    data = baseline_of(res)
    data["rows"]["synthetic"]["fixtures"]["a"] = "0" * 16
    data["rows"]["synthetic"]["min_overlap"] = 0.5
    data["rows"]["synthetic"]["model"] = "other"
    notes = " | ".join(compare(data, [res], min_overlap=0.3).rows[0].notes)
    assert "fixture text changed since the baseline (no flips listed for it): a" in notes
    assert "min_overlap 0.5" in notes and "'other'" in notes
    data["rows"] = {}
    rc = compare(data, [res]).rows[0]
    assert rc.missing and not rc.regressed and "--update-baseline" in rc.notes[0]


def test_no_flips_for_a_fixture_whose_text_changed():
    base = baseline_of(run(perfect_predictions(fixture("a"))))
    cur = run(mixed_predictions())
    assert compare(base, [cur]).rows[0].flips
    base["rows"]["synthetic"]["fixtures"]["a"] = "0" * 16
    assert compare(base, [cur]).rows[0].flips == []


def test_updated_baseline_keeps_other_rows_and_tolerances(tmp_path):
    res = run(mixed_predictions())
    data = updated_baseline(None, {"rules": {"metrics": {}}})
    data["tolerances"] = {"extraction.f1": 0.1}
    data = updated_baseline(data, {"synthetic": row_entry(res, "scored", 0.3)})
    assert list(data["rows"]) == ["rules", "synthetic"] and data["tolerances"] == {"extraction.f1": 0.1}
    path = tmp_path / "baseline.json"
    path.write_text(dumps(data))
    assert load_baseline(path) == json.loads(dumps(data))
    text = path.read_text()
    assert '"g1": [true, "attributed", "asserted", "attributed", true]' in text  # one line per claim
    assert data["version"] == BASELINE_VERSION


def test_load_baseline_errors(tmp_path):
    with pytest.raises(InputNotFound):
        load_baseline(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(MalformedInput, match="not a JSON baseline"):
        load_baseline(bad)
    bad.write_text('{"version": 1}')
    with pytest.raises(MalformedInput, match="no 'rows'"):
        load_baseline(bad)
    bad.write_text('{"version": 99, "rows": {}}')
    with pytest.raises(MalformedInput, match="version"):
        load_baseline(bad)
    bad.write_text('{"version": 1, "rows": {}, "tolerances": {"x": "big"}}')
    with pytest.raises(MalformedInput, match="tolerances"):
        load_baseline(bad)


def test_json_writer_holds_everything():
    res = run(mixed_predictions())
    cmp = compare(baseline_of(run(perfect_predictions(fixture("a")))), [res])
    doc = json.loads(to_json([res], info(), cmp))
    row = doc["rows"][0]
    assert doc["fixtures"] == ["a", "b"]
    assert row["metrics"]["extraction.recall"] == res.metrics["extraction.recall"]
    assert row["confusion"]["final"]["asserted"]["attributed"] == 1
    assert len(row["claims"]) == 7 and {c["gold_id"] for c in row["claims"] if not c["matched"]} == {"g4"}
    assert {u["pred_id"] for u in row["unmatched_predictions"]} == {"p4", "p6"}
    assert doc["comparison"]["regressed"] is True
    assert any(f["kind"] == "broken" for f in doc["comparison"]["rows"][0]["flips"])


def test_junit_one_case_per_fixture_and_failure_when_worse():
    base = run(perfect_predictions(fixture("a")))
    res = run(mixed_predictions())
    xml = to_junit([res], info(), compare(baseline_of(base), [res]))
    root = ET.fromstring(xml)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["a", "b"]
    assert root.get("tests") == "2" and root.get("failures") == "1"
    fail = cases[0].find("failure")
    assert fail is not None and "g2: broken" in fail.text and "g4: lost" in fail.text
    assert cases[1].find("failure") is None
    assert "extraction F1" in cases[1].find("system-out").text
    # without a baseline every case passes
    assert ET.fromstring(to_junit([res], info())).get("failures") == "0"


def test_markdown_summary():
    base = run(perfect_predictions(fixture("a")))
    res = run(mixed_predictions())
    md = to_markdown([res], info(), compare(baseline_of(base), [res]))
    assert md.startswith("## verifier eval: 2 fixtures (scored set), replay")
    assert "**Regression**" in md and "label.final.accuracy" in md
    assert "| extraction F1 |" in md and "<details>" in md
    assert "| a | 4 |" in md  # per-fixture row
    md_ok = to_markdown([res], info())
    assert "Regression" not in md_ok


def test_readme_table_from_the_baseline():
    res = run(mixed_predictions())
    table = baseline_table(baseline_of(res), pending=["qwen"])
    assert table.startswith("| metric | synthetic (m1) | qwen |")
    recall = res.metrics["extraction.recall"]
    assert f"| extraction recall | {recall:.3f} [" in table
    assert "| final label accuracy |" in table and "not recorded yet" in table
    assert "on the 'scored' set, min_overlap 0.3" in table
