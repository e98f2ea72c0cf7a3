"""The automatic extractor with a model configured is the row that wins the
eval's scored set (evals/baseline.json): when a new baseline makes another
row win, this fails until the default follows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verifier.extractors.select import choose_extractor

BASELINE = Path(__file__).resolve().parent.parent / "evals" / "baseline.json"
# what decides, in this order: the share of gold claims found and labelled right (final label
# accuracy is over matched claims only, so a row that finds half the claims could win on it
# alone), then speaker accuracy, then extraction F1
def _key(row: dict) -> tuple[float, float, float]:
    m = row["metrics"]
    return (m["label.final.accuracy"] * m["extraction.recall"], m["speaker.accuracy"], m["extraction.f1"])


def winner() -> str:
    rows = [r for r in json.loads(BASELINE.read_text())["rows"].values() if r["extractor"] in ("llm", "hybrid")]
    models = {r["model"] for r in rows}
    assert len(models) == 1, "the model rows compared must use one model"
    return max(rows, key=_key)["extractor"]


@pytest.fixture
def no_model_env(monkeypatch, tmp_path):
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "VERIFIER_API_KEY", "VERIFIER_BASE_URL", "VERIFIER_MODE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)  # no ./verifier.toml
    monkeypatch.setenv("HOME", str(tmp_path))


def test_auto_with_a_model_is_the_winning_row(no_model_env):
    chosen = choose_extractor(None, base_url="http://127.0.0.1:9/v1", model="m")
    assert chosen.name == winner() == "hybrid"
    assert choose_extractor("auto", base_url="http://127.0.0.1:9/v1", model="m").name == "hybrid"


def test_auto_without_a_model_is_the_rules(no_model_env):
    assert choose_extractor(None).name == "rules"
    assert choose_extractor("auto").name == "rules"


def test_an_explicit_extractor_is_kept(no_model_env):
    assert choose_extractor("llm", base_url="http://127.0.0.1:9/v1", model="m").name == "llm"
    assert choose_extractor("rules", base_url="http://127.0.0.1:9/v1", model="m").name == "rules"
