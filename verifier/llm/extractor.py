"""LLMExtractor: the article's claims from a model, as draft claims.

    doc -> chunks (chunking.py) -> one instructor call per chunk, concurrently
        -> ClaimList, validated against the chunk's text (response.py),
           re-asked with the reasons when invalid
        -> drafts in document order, duplicates merged

The pipeline grounds and checks the drafts. A chunk whose answer still
fails validation after the re-asks keeps its claims (the last answer,
parsed leniently): evidence that is not in the text ends up ungrounded in
the Report, never dropped. A transport failure, a missing recording or a
budget stop fails the document with a one-line error.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field

from verifier.document import Document
from verifier.errors import MissingRecording, ModelError, VerifierError
from verifier.extractors.base import Extraction
from verifier.grounding import fold, locate
from verifier.schemas import DraftClaim

from verifier.llm.chunking import Chunk, chunk_document
from verifier.llm.prompts import load_prompts
from verifier.llm.recording import RecordingStore, check_document_name
from verifier.llm.response import VERBATIM, ClaimList, ExtractedClaim, article_scope, salvage
from verifier.llm.retry import our_error
from verifier.llm.settings import Settings
from verifier.llm.usage import Ledger


@dataclass
class _ChunkResult:
    claims: list[ExtractedClaim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class LLMExtractor:
    name = "llm"

    def __init__(self, settings: Settings | None = None, **overrides):
        self.settings = settings if settings is not None else Settings.load(**overrides)
        if settings is not None and overrides:
            self.settings = settings.with_(**overrides)
        self.prompts = load_prompts()
        self.store = RecordingStore(self.settings.recordings_dir) if self.settings.mode != "live" else None
        self.run_usage = Ledger(price=self.settings.price, max_cost=self.settings.max_cost)
        self._client = None
        self._client_lock = threading.Lock()

    @property
    def prompt_version(self) -> str:
        return self.prompts.version

    def describe(self) -> str:
        return f"LLM extractor, {self.settings.describe()}, prompt {self.prompt_version}"

    def _get_client(self):
        with self._client_lock:
            if self._client is None:
                from verifier.llm.client import ModelClient  # imports openai and instructor

                self._client = ModelClient(self.settings, self.store)
            return self._client

    def close(self) -> None:
        with self._client_lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    # --- extraction ----------------------------------------------------------------
    def extract(self, document: Document) -> Extraction:
        if self.store is not None:
            check_document_name(document.hash)  # it names the recording file: never a path
        client = self._get_client()
        chunks = chunk_document(document, self.settings.chunk_chars, self.settings.context_chars)
        ledger = self.run_usage.child()
        session = uuid.uuid4().hex
        try:
            results = self._run_chunks(
                chunks, lambda c: self._extract_chunk(client, document, c, len(chunks), ledger, session))
        except MissingRecording as exc:
            raise MissingRecording(f"{exc}; to re-record: {self._rerecord_command(document)}") from None
        finally:
            client.end_session(session)
        from verifier.extractors.rules import RuleExtractor

        proposed = RuleExtractor().extract(document).drafts
        drafts: list[DraftClaim] = []
        warnings: list[str] = self._server_notes()
        seen: set[tuple[str, str]] = set()
        for chunk, result in zip(chunks, results):
            warnings.extend(result.warnings)
        if ledger.estimated:
            warnings.append(f"the model server reported no token usage for {ledger.estimated} answer(s); their tokens "
                            "(and cost) are estimated from the bytes sent and received")
        for chunk, result in zip(chunks, results):
            mine: list[DraftClaim] = []
            for c in result.claims:
                key = (" ".join(fold(c.evidence).split()).lower(), " ".join(c.claim.split()).lower())
                if key in seen:
                    continue
                seen.add(key)
                mine.append(self._draft(chunk, c))
            drafts.extend(checked(document, chunk, mine, len(chunks), proposed, warnings))
        return Extraction(
            drafts=drafts, extractor="llm", model=self.settings.model, prompt_version=self.prompt_version,
            usage=ledger.snapshot(), warnings=warnings,
        )

    def _rerecord_command(self, document: Document) -> str:
        source = document.source if document.source and document.source != "-" else "ARTICLE"
        parts = ["verifier check", source, "--extractor llm --mode record", f"--recordings {self.settings.recordings_dir}",
                 f"--model {self.settings.model}", f"--llm-mode {self.settings.llm_mode}"]
        if self.settings.base_url:
            parts.append("--base-url URL")
        return " ".join(parts)

    def _server_notes(self) -> list[str]:
        """What the report should say about the server (its slots), as warnings."""
        from verifier.llm.slots import usable_concurrency

        note = usable_concurrency(self.settings)[1]  # asked of the server once per process
        return [note] if note else []

    def _run_chunks(self, chunks: list[Chunk], run) -> list:
        """`run(chunk)` for every chunk, in parallel on daemon threads (up to
        `concurrency`), so Ctrl-C in the main thread returns at once instead
        of waiting for requests in flight. The first error stops the
        hand-out of chunks. Results in chunk order (None for a chunk that
        was not run). No more at a time than the server has slots
        (verifier/llm/slots.py)."""
        from verifier.llm.slots import usable_concurrency

        workers = min(usable_concurrency(self.settings)[0], len(chunks))
        if workers <= 1:
            return [run(c) for c in chunks]
        results: list = [None] * len(chunks)
        errors: list[BaseException] = []
        todo = list(reversed(chunks))
        lock = threading.Lock()
        finished = threading.Event()
        remaining = [workers]

        def worker() -> None:
            try:
                while True:
                    with lock:
                        if errors or not todo:
                            return
                        chunk = todo.pop()
                    try:
                        results[chunk.index] = run(chunk)
                    except BaseException as exc:  # handed to the main thread
                        with lock:
                            errors.append(exc)
                        return
            finally:
                with lock:
                    remaining[0] -= 1
                    if remaining[0] == 0:
                        finished.set()

        for i in range(workers):
            threading.Thread(target=worker, name=f"verifier-llm-{i}", daemon=True).start()
        while not finished.wait(0.2):
            pass
        if errors:
            raise errors[0]
        return results

    def _extract_chunk(self, client, document: Document, chunk: Chunk, n_chunks: int, ledger: Ledger,
                       session: str) -> _ChunkResult:
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

        messages = self.prompts.messages(chunk.text, chunk.context)
        headers = {
            "X-Verifier-Document": document.hash, "X-Verifier-Session": session,
            "X-Verifier-Chunk": str(chunk.index + 1), "X-Verifier-Prompt": self.prompt_version,
        }
        where = f"chunk {chunk.index + 1} of {n_chunks}" if n_chunks > 1 else "the article"
        mine_only = ledger.child()  # this chunk's own requests and re-asks, for honest warnings
        try:
            with article_scope(chunk.text):
                answer = client.extract(ClaimList, messages, ledger=mine_only, headers=headers)
            return _ChunkResult(claims=list(answer.claims))
        except IncompleteOutputException as exc:
            mine = our_error(exc)
            if mine is not None:
                raise mine from None
            claims = salvage(getattr(exc, "last_completion", None))
            return _ChunkResult(claims, [
                f"{where}: the model's answer was cut off at max_tokens={self.settings.max_tokens}; "
                f"kept the {len(claims)} complete claims (raise max_tokens or lower chunk_chars)"])
        except InstructorRetryException as exc:
            mine = our_error(exc)
            if mine is not None:
                raise mine from None
            attempts = getattr(exc, "failed_attempts", None) or []
            if not attempts:
                raise ModelError(f"{where}: the model call failed ({_one_line(exc)})") from None
            last = attempts[-1]
            claims = salvage(last.completion)
            bad = sum(1 for c in claims if locate(chunk.text, c.evidence).match not in VERBATIM)
            asks = len(attempts) - 1
            sent = mine_only.requests
            return _ChunkResult(claims, [
                f"{where}: the answer still failed validation after {_n(asks, 're-ask')} ({_n(sent, 'request')} "
                f"sent) ({_one_line(last.exception, 160)}); kept its {len(claims)} claims, {bad} with evidence not "
                "found verbatim (marked ungrounded if the text has no match)"])
        except VerifierError:
            raise
        except Exception as exc:  # anything else from the client stack: one line, not a traceback
            mine = our_error(exc)
            if mine is not None:
                raise mine from None
            raise ModelError(f"{where}: the model call failed ({_one_line(exc)})") from exc

    def _draft(self, chunk: Chunk, c: ExtractedClaim) -> DraftClaim:
        found = locate(chunk.text, c.evidence)
        hint = chunk.start + found.start if found.start is not None else chunk.start
        attributed = c.label == "attributed"
        # grounded: the article's own words (its capitals, whole words), not the model's copy
        evidence = found.text if found.grounded and found.match != "fuzzy" else c.evidence
        return DraftClaim(
            text=c.claim.strip(), evidence=evidence, label=c.label,
            speaker=c.speaker if attributed else None, cue=c.cue if attributed else None, start=hint,
        )


def checked(document: Document, chunk: Chunk, drafts: list[DraftClaim], n_chunks: int,
            rules_drafts: list[DraftClaim], warnings: list[str]) -> list[DraftClaim]:
    """The chunk's drafts after the checks grounding cannot make (checks.py):
    a cue not in the article is dropped, a claim text naming what neither
    its evidence nor the article names is replaced by the evidence, and a
    chunk with far fewer claims than the rules propose gets the rules'
    claims of the sentences it left out, queued for review."""
    from verifier.llm.checks import cue_near, too_few, uncovered, unsupported_names

    where = f"chunk {chunk.index + 1} of {n_chunks}" if n_chunks > 1 else "the article"
    out, cues, texts = [], 0, 0
    for d in drafts:
        start = d.start if d.start is not None else chunk.start
        if d.cue and not cue_near(d.cue, document.text, start, start + len(d.evidence)):
            d, cues = d.model_copy(update={"cue": None}), cues + 1
        if unsupported_names(d.text, d.evidence, document.text):
            d, texts = d.model_copy(update={"text": d.evidence.strip()}), texts + 1
        out.append(d)
    if cues:
        warnings.append(f"{where}: {_n(cues, 'cue')} not found in the article near the claim (dropped)")
    if texts:
        warnings.append(f"{where}: {_n(texts, 'claim text')} named what neither the evidence nor the article "
                        "names (replaced by the evidence)")
    proposed = [d for d in rules_drafts if d.start is not None and chunk.start <= d.start < chunk.end]
    if too_few(out, proposed):
        sentences = [(s.start, s.end) for s in document.sentences if chunk.start <= s.start < chunk.end]
        added = uncovered(proposed, out, sentences)
        warnings.append(f"{where}: the model gave {len(out)} claim(s) where the rules engine proposes "
                        f"{len(proposed)} (the article may carry instructions to the model); {len(added)} claim(s) "
                        "of the rules engine added for the sentences it left out, queued for review")
        out = out + added
    return out


def _n(k: int, what: str) -> str:
    return f"{k} {what}" + ("" if k == 1 else "s")


def _one_line(exc: BaseException, limit: int = 200) -> str:
    from verifier.sanitize import one_line

    text = " ".join(str(exc).split()) or type(exc).__name__
    return one_line(text, limit)
