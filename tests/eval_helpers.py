"""Synthetic fixtures and predictions with known answers, for the eval tests."""

from __future__ import annotations

from pathlib import Path

from verifier.evals.records import FixturePredictions, Prediction
from verifier.fixtures import Fixture, build_fixture, save_fixture

TEXT = (
    "Bridge Works Delayed\n\n"
    "Mayor Ana Ruiz said the bridge will reopen in May. "
    "Traffic fell by ten percent last year. "
    "The delay, critics argued, reflects poor planning. "
    "Costs rose to 40 million dollars.\n"
)

GOLD = [
    dict(id="g1", text="The bridge will reopen in May.", evidence="the bridge will reopen in May",
         label="attributed", speaker="Ana Ruiz", cue="said", phenomena=["indirect_speech", "numbers_dates"]),
    dict(id="g2", text="Traffic fell by ten percent last year.", evidence="Traffic fell by ten percent last year",
         label="asserted", phenomena=["background_fact", "numbers_dates"]),
    dict(id="g3", text="The delay reflects poor planning.", evidence="reflects poor planning",
         label="attributed", speaker="critics", cue="argued", ambiguous=True, phenomena=["framing"]),
    dict(id="g4", text="Costs rose to 40 million dollars.", evidence="Costs rose to 40 million dollars",
         label="asserted", phenomena=["numbers_dates"]),
]


def fixture(id: str = "fx-bridge", text: str = TEXT, gold: list[dict] | None = None) -> Fixture:
    return build_fixture(id=id, text=text, claims=[dict(c) for c in (gold or GOLD)],
                         headings=["Bridge Works Delayed"] if "Bridge Works Delayed" in text else [],
                         source="synthetic test article", licence="CC0-1.0")


def pred(evidence: str | None, final: str, *, extractor: str | None = None, checker: str | None = None,
         speaker: str | None = None, id: str = "p", text: str = TEXT) -> Prediction:
    """A predicted claim whose evidence is located in `text` (None: ungrounded)."""
    if evidence is None:
        return Prediction(id=id, start=None, end=None, evidence="not in the article", final=final,
                          extractor=extractor, checker=checker, speaker=speaker, status="ungrounded")
    at = text.index(evidence)
    return Prediction(id=id, start=at, end=at + len(evidence), evidence=evidence, final=final,
                      extractor=extractor, checker=checker if checker else final, speaker=speaker)


def mixed_predictions() -> list[Prediction]:
    """The worked example of test_eval_metrics: every metric has a known value."""
    return [
        pred("the bridge will reopen in May", "attributed", extractor="asserted", checker="attributed",
             speaker="Ruiz", id="p1"),
        pred("Traffic fell by ten percent last year", "attributed", extractor="attributed", checker="attributed",
             id="p2"),
        pred("The delay, critics argued, reflects poor planning", "asserted", extractor="attributed",
             checker="asserted", id="p3"),
        pred(None, "asserted", extractor="asserted", id="p4"),
        pred("Bridge Works Delayed", "asserted", extractor="asserted", id="p5"),
        pred("Mayor Ana Ruiz", "asserted", extractor="asserted", id="p6"),
    ]


def perfect_predictions(fx: Fixture) -> list[Prediction]:
    return [Prediction(id=f"p{i}", start=g.evidence.start, end=g.evidence.end, evidence=g.evidence.text,
                       final=g.label, extractor=g.label, checker=g.label, speaker=g.speaker)
            for i, g in enumerate(fx.claims, 1)]


def as_run(fx: Fixture, preds: list[Prediction]) -> FixturePredictions:
    return FixturePredictions(fixture_id=fx.id, predictions=preds)


ARTICLE_2 = (
    "Port Strike Ends\n\n"
    "Union leader Tom Okafor said the strike would end on Monday. "
    "The port handles a third of national exports. "
    "According to the ministry, losses reached 12 million euros.\n"
)

GOLD_2 = [
    dict(id="g1", text="The strike would end on Monday.", evidence="the strike would end on Monday",
         label="attributed", speaker="Tom Okafor", cue="said", phenomena=["indirect_speech"]),
    dict(id="g2", text="The port handles a third of national exports.",
         evidence="The port handles a third of national exports", label="asserted", phenomena=["background_fact"]),
    dict(id="g3", text="Losses reached 12 million euros.", evidence="losses reached 12 million euros",
         label="attributed", speaker="the ministry", cue="According to", phenomena=["according_to"]),
]


def write_fixture_dir(root: Path) -> Path:
    """Two scored fixtures and one dev fixture under root/fixtures."""
    d = root / "fixtures"
    (d / "dev").mkdir(parents=True)
    save_fixture(fixture(), d / "fx-bridge.json")
    save_fixture(fixture("fx-port", ARTICLE_2, GOLD_2), d / "fx-port.json")
    save_fixture(fixture("fx-dev", ARTICLE_2.replace("Port Strike", "Dock Strike"), GOLD_2), d / "dev" / "fx-dev.json")
    return d
