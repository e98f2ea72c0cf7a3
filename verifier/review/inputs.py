"""What is reviewed: an article (the pipeline runs once, its Report is kept
in the session file), a saved Report (JSON), or a directory of them (one
session per article). Session files sit beside their input."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal

from verifier.errors import InputNotFound, MalformedInput, VerifierError
from verifier.schemas import Report

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
JOURNAL_SUFFIX = ".review.jsonl"
LOCK_SUFFIX = ".review.lock"
FIXTURE_SUFFIX = ".fixture.json"
REVIEWED_SUFFIX = ".reviewed.json"
SETTLED_SUFFIX = ".settled.json"
"""The Report with its verdicts settled (review --verdicts)."""
_OURS = (JOURNAL_SUFFIX, LOCK_SUFFIX, FIXTURE_SUFFIX, REVIEWED_SUFFIX, SETTLED_SUFFIX)


@dataclass
class ReviewInput:
    path: Path
    kind: Literal["article", "report"]
    input_format: str | None = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def journal_path(self) -> Path:
        return self.path.with_name(self.path.name + JOURNAL_SUFFIX)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + LOCK_SUFFIX)

    @property
    def stem(self) -> str:
        name = self.path.name
        for suffix in (".report.json", ".json") + ARTICLE_SUFFIXES:
            if name.lower().endswith(suffix):
                return name[: -len(suffix)] or name
        return self.path.stem or name

    def export_path(self, kind: str, out: Path | None = None, batch: bool = False) -> Path:
        suffix = {"fixture": FIXTURE_SUFFIX, "verdicts": SETTLED_SUFFIX}.get(kind, REVIEWED_SUFFIX)
        if out is None:
            return self.path.with_name(self.stem + suffix)
        if batch or out.is_dir():
            return out / (self.stem + suffix)
        return out

    # --- content ------------------------------------------------------------
    def load_report(self) -> Report:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputNotFound(f"{self.path}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise MalformedInput(f"{self.path}: cannot be read as a Report ({exc})") from None
        try:
            return Report.model_validate_json(raw)
        except Exception as exc:  # pydantic ValidationError
            first = str(exc).splitlines()
            detail = first[1].strip() + ": " + first[2].strip() if len(first) > 2 else first[0]
            raise MalformedInput(f"{self.path}: not a verifier Report ({detail}); "
                                 "give an article file, or a Report saved with `verifier check -f json`") from None

    def current_hash(self) -> str:
        """The hash of the document as the input holds it now."""
        if self.kind == "report":
            return self.load_report().document.hash
        from verifier.document import Document

        return Document.from_path(self.path, format=self.input_format).hash

    def build_report(self, make_verifier: Callable[[], object]) -> Report:
        if self.kind == "report":
            return self.load_report()
        from verifier.document import Document

        doc = Document.from_path(self.path, format=self.input_format)
        return make_verifier().check(doc)  # type: ignore[attr-defined]


def classify(path: Path, input_format: str | None = None) -> ReviewInput:
    return ReviewInput(path=path, kind="report" if path.suffix.lower() == ".json" else "article",
                       input_format=input_format)


def discover(path: Path, input_format: str | None = None) -> tuple[list[ReviewInput], list[str]]:
    """The inputs under `path` (itself when a file) and notes on what was
    skipped. A directory yields its articles and saved Reports, sorted by
    name; session files and exports are not inputs."""
    if not path.exists():
        raise InputNotFound(f"{path}: no such file or directory")
    if not path.is_dir():
        if path.name.endswith(_OURS):
            raise VerifierError(f"{path}: is a review session file or export; review the article or Report "
                                "it belongs to")
        return [classify(path, input_format)], []
    found: list[ReviewInput] = []
    notes: list[str] = []
    for p in sorted(path.iterdir()):
        if p.name.startswith(".") or not p.is_file() or p.name.endswith(_OURS):
            continue
        low = p.name.lower()
        if low.endswith(".json"):
            if _looks_like_report(p):
                found.append(classify(p, input_format))
            else:
                notes.append(f"skipped {p.name}: JSON but not a verifier Report")
        elif low.endswith(ARTICLE_SUFFIXES):
            found.append(classify(p, input_format))
    if not found:
        raise InputNotFound(f"{path}: no articles (.txt, .md, .html) or saved Reports (.json) to review")
    return found, notes


def _looks_like_report(p: Path) -> bool:
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and "claims" in data and "document" in data
