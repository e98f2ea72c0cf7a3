"""A pytest plugin for benchmarks/lexicon_pins.py: records what the tests ask
of the attribution engine and the rule extractor, so that each lexicon entry
can later be dropped and the same questions asked again.

    PIN_RECORD=out.pickle python -m pytest -p pin_recorder tests/...

Recorded, at the outermost call only (the extractor's own Checker is not
recorded twice): every Checker with the spans checked and whether a test
asked for its frames, and every RuleExtractor.extract document.
"""

from __future__ import annotations

import os
import pickle

_records: list[dict] = []
_inside = 0


def _record(checker) -> dict:
    rec = checker.__dict__.get("_pin_record")
    if rec is None:
        rec = {"kind": "checker", "document": checker.document, "checks": [], "frames": False}
        checker.__dict__["_pin_record"] = rec
        _records.append(rec)
    return rec


def pytest_configure(config) -> None:
    from verifier.attribution.engine import Checker
    from verifier.extractors.rules import RuleExtractor

    check, frames, extract = Checker.check, Checker.frames, RuleExtractor.extract

    def checked(self, start, end):
        if not _inside:
            _record(self)["checks"].append((start, end))
        return check(self, start, end)

    def framed(self):
        if not _inside:
            _record(self)["frames"] = True
        return frames(self)

    def extracted(self, document):
        global _inside
        if not _inside:
            _records.append({"kind": "extract", "document": document})
        _inside += 1
        try:
            return extract(self, document)
        finally:
            _inside -= 1

    Checker.check, Checker.frames, RuleExtractor.extract = checked, framed, extracted


def pytest_unconfigure(config) -> None:
    out, seen = [], set()
    for rec in _records:
        doc = rec["document"]
        key = (rec["kind"], doc.text, tuple(rec.get("checks", ())), rec.get("frames"))
        if key in seen or (rec["kind"] == "checker" and not rec["checks"] and not rec["frames"]):
            continue
        seen.add(key)
        try:
            pickle.dumps(doc)
        except Exception:  # noqa: BLE001 - a document that cannot travel is left out
            continue
        out.append(rec)
    with open(os.environ["PIN_RECORD"], "wb") as fh:
        pickle.dump(out, fh)
