"""Which recordings are still used: stale and orphaned entries, offline.

For every known article (files or eval fixtures), the extraction is
replayed from the recordings exactly as a replay run would do it (the real
client code, the transport in replay mode, no network). Then:

    ok         every request was found; no entry left over
    stale      the replay succeeded, but some entries were never asked for
               (an older prompt, schema, model or sampling setting)
    missing    the replay needed a request that is not recorded: the
               article must be re-recorded (the message says what differs)
    failed     the recorded interactions end in an error (e.g. a timeout)
    orphaned   a recordings file whose document hash matches no known
               article

The model, instructor mode and sampling settings of each article are taken
from its own recordings unless given, so "stale" means the code or prompt
moved on, not that the audit guessed another model.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from verifier.document import Document
from verifier.errors import InputNotFound, MissingRecording, VerifierError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class DocumentAudit:
    name: str
    doc_hash: str
    status: str                     # ok | stale | missing | failed | unrecorded
    entries: int = 0
    stale: list[dict] = field(default_factory=list)
    message: str = ""


@dataclass
class Audit:
    directory: Path
    documents: list[DocumentAudit] = field(default_factory=list)
    orphaned: list[tuple[str, int]] = field(default_factory=list)   # (hash, entries)

    @property
    def clean(self) -> bool:
        return not self.orphaned and all(d.status == "ok" for d in self.documents)


def known_documents(paths: list[Path]) -> list[tuple[str, Document]]:
    """(name, Document) for article files and eval fixtures (JSON) under
    paths. In a directory, JSON files that are not fixtures are skipped."""
    from verifier.errors import MalformedInput
    from verifier.fixtures import load_fixture

    out: list[tuple[str, Document]] = []
    for p in paths:
        if not p.exists():
            raise InputNotFound(f"{p}: no such file or directory")
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            if f.suffix == ".json":
                try:
                    fx = load_fixture(f)
                except MalformedInput:
                    if p.is_dir():
                        continue
                    raise
                # the eval harness checks Document(text=fixture.text): same hash here
                out.append((f"{f}", Document(text=fx.text, source=fx.id)))
            elif f.suffix.lower() in ARTICLE_SUFFIXES or not p.is_dir():
                out.append((str(f), Document.from_path(f)))
    return out


def _recorded_settings(entries: list[dict]) -> dict:
    """Model, instructor mode and sampling of the first recorded request."""
    firsts = [e for e in entries if e.get("index", 0) == 0 and isinstance(e.get("request", {}).get("body"), dict)]
    if not firsts:
        return {}
    firsts.sort(key=lambda e: (e.get("chunk") or 0, len(e["request"]["body"].get("messages", []))))
    body = firsts[0]["request"]["body"]
    out: dict = {}
    if body.get("model"):
        out["model"] = body["model"]
    rf = body.get("response_format") or {}
    if body.get("tools"):
        out["llm_mode"] = "tools"
    elif rf.get("type") == "json_schema":
        out["llm_mode"] = "json_schema"
    elif rf.get("type") == "json_object":
        out["llm_mode"] = "json"
        out["json_schema_hint"] = "schema" in rf
    for k in ("temperature", "seed", "max_tokens"):
        if k in body:
            out[k] = body[k]
    return out


def _extractor_for(entries: list[dict], cfg):
    """The extractor that made these recordings, told by their prompt
    version: hybrid-*, sentences-* (the llm sentence task) or extract-*."""
    versions = {str(e.get("prompt_version") or "") for e in entries}
    if any(v.startswith("hybrid-") for v in versions):
        from verifier.extractors.hybrid import HybridExtractor

        return HybridExtractor(cfg)
    if any(v.startswith("sentences-") for v in versions):
        from verifier.llm.sentence_extractor import SentenceExtractor

        return SentenceExtractor(cfg.with_(task="sentences"))
    from verifier.llm.extractor import LLMExtractor

    return LLMExtractor(cfg)


def audit(directory: Path, paths: list[Path], settings: dict | None = None, prune: bool = False) -> Audit:
    from verifier.llm.recording import RecordingStore
    from verifier.llm.settings import Settings

    given = {k: v for k, v in (settings or {}).items() if v is not None}
    result = Audit(directory=directory)
    store = RecordingStore(directory)
    docs = known_documents(paths)
    known = {d.hash for _, d in docs}
    for name, doc in docs:
        entries = list(store.entries(doc.hash).values())
        if not entries:
            result.documents.append(DocumentAudit(name, doc.hash, "unrecorded", message="no recordings"))
            continue
        cfg = Settings.load(**{**_recorded_settings(entries), **given, "mode": "replay", "recordings_dir": directory})
        extractor = _extractor_for(entries, cfg)
        extractor.store = store  # share: one store marks what every replay used
        row = DocumentAudit(name, doc.hash, "ok", entries=len(entries))
        try:
            extractor.extract(doc)
        except MissingRecording as exc:
            row.status, row.message = "missing", str(exc)
        except VerifierError as exc:
            row.status, row.message = "failed", f"the recorded run ends in an error: {exc}"
        finally:
            extractor.close()
        if row.status == "ok":
            row.stale = store.unused(doc.hash)
            if row.stale:
                row.status = "stale"
                versions = Counter(e.get("prompt_version") for e in row.stale)
                row.message = (f"{len(row.stale)} of {len(entries)} entries never asked for (prompt versions: "
                               + ", ".join(f"{v or '?'}" for v in versions) + f"; now {extractor.prompt_version})")
                if prune:
                    store.remove(doc.hash, row.stale)
        result.documents.append(row)
    for h in store.document_hashes():
        if h not in known:
            n = len(store.entries(h))
            result.orphaned.append((h, n))
            if prune:
                store.path_for(h).unlink(missing_ok=True)
    return result
