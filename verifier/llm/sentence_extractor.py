"""SentenceExtractor: the llm extractor's sentence task (settings.task = "sentences").

    Document -> chunks -> per chunk, one request: the fixed system prompt
      and the chunk's body sentences, numbered (sentences.py)
      -> per claim: evidence located inside its sentence, snapped to words,
         cue and speaker checked against the article
      -> drafts in document order

No re-ask (about 40 s each with a small local model): an item that cannot
be used is left out with a warning, a case-only difference is fixed from
the article's spelling by grounding. A chunk with body sentences for which
the model gives no claims, or far fewer than the rules engine proposes
(checks.FEW), is a warning, and the rules' claims of its uncovered sentences are
added, queued for review (status "needs review"): an answer emptied by a
prompt injection cannot pass for an article without claims.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from verifier.document import Document
from verifier.errors import MissingRecording, ModelError, VerifierError
from verifier.extractors.base import Extraction
from verifier.llm.checks import too_few, uncovered
from verifier.llm.chunking import Chunk, chunk_document
from verifier.llm.extractor import LLMExtractor, _one_line
from verifier.llm.prompts import load_templates, render
from verifier.llm.recording import check_document_name
from verifier.llm.retry import our_error
from verifier.llm.sentences import SCHEMA_NAME, body_sentences, numbered, read_claims, schema, split_at_clauses
from verifier.llm.usage import Ledger
from verifier.schemas import DraftClaim

TEMPLATE_SET = "sentences"
FILES = ("sentences_system.txt", "sentences_user.txt", "sentences_context.txt")


@dataclass
class _Result:
    drafts: list[DraftClaim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class SentenceExtractor(LLMExtractor):
    name = "llm"

    def __init__(self, settings=None, **overrides):
        super().__init__(settings, **overrides)
        texts, self._version = load_templates(TEMPLATE_SET, FILES)
        self._system = texts["sentences_system.txt"].strip()
        self._user = texts["sentences_user.txt"]
        self._context = texts["sentences_context.txt"]

    @property
    def prompt_version(self) -> str:
        return self._version

    def describe(self) -> str:
        return f"LLM extractor (sentence task), {self.settings.describe()}, prompt {self._version}"

    def messages(self, sentences_text: str, context: str = "") -> list[dict[str, str]]:
        ctx = render(self._context, context=context) if context.strip() else ""
        return [{"role": "system", "content": self._system},
                {"role": "user", "content": render(self._user, context=ctx, text=sentences_text)}]

    def extract(self, document: Document) -> Extraction:
        if self.store is not None:
            check_document_name(document.hash)
        from verifier.extractors.rules import RuleExtractor

        proposed = RuleExtractor().extract(document).drafts
        chunks = chunk_document(document, self.settings.chunk_chars, self.settings.context_chars)
        ledger = self.run_usage.child()
        session = uuid.uuid4().hex
        client = self._get_client()
        try:
            results = self._run_chunks(chunks, lambda c: self._chunk(client, document, c, len(chunks), proposed,
                                                                     ledger, session))
        except MissingRecording as exc:
            raise MissingRecording(f"{exc}; to re-record: {self._rerecord_command(document)}") from None
        finally:
            client.end_session(session)
        drafts: list[DraftClaim] = []
        warnings: list[str] = self._server_notes()
        seen: set[tuple[int, int]] = set()
        for r in results:
            if r is None:
                continue
            warnings.extend(r.warnings)
            for d in r.drafts:
                key = (d.start or 0, len(d.evidence))
                if key not in seen:
                    seen.add(key)
                    drafts.append(d)
        if ledger.estimated:
            warnings.append(f"the model server reported no token usage for {ledger.estimated} answer(s); their tokens "
                            "are estimated from the bytes sent and received")
        return Extraction(drafts=drafts, extractor="llm", model=self.settings.model, prompt_version=self._version,
                          usage=ledger.snapshot(), warnings=warnings)

    def _rerecord_command(self, document: Document) -> str:
        return super()._rerecord_command(document) + " (with task = sentences)"

    def _chunk(self, client, document: Document, chunk: Chunk, n_chunks: int, proposed: list[DraftClaim],
               ledger: Ledger, session: str) -> _Result:
        where = f"chunk {chunk.index + 1} of {n_chunks}" if n_chunks > 1 else "the article"
        sentences = body_sentences(document, chunk.start, chunk.end)
        if not sentences:
            return _Result()
        longest = max(s.end - s.start for s in sentences)
        headers = {"X-Verifier-Document": document.hash, "X-Verifier-Session": session,
                   "X-Verifier-Chunk": str(chunk.index + 1), "X-Verifier-Prompt": self._version}
        try:
            data, complete, _raw = client.answer_json(
                self.messages(numbered(document, sentences), chunk.context), schema(len(sentences), longest),
                name=SCHEMA_NAME, ledger=ledger, headers=headers)
        except VerifierError:
            raise
        except Exception as exc:
            ours = our_error(exc)
            if ours is not None:
                raise ours from None
            raise ModelError(f"{where}: the model call failed ({_one_line(exc)})") from exc
        mine = [d for d in proposed if d.start is not None and chunk.start <= d.start < chunk.end]
        drafts, problems = read_claims(data, document, sentences)
        drafts = split_at_clauses(drafts, mine)
        result = _Result(drafts)
        if not complete:
            problems.insert(0, f"the answer was cut off at max_tokens={self.settings.max_tokens}; its complete "
                               "claims kept")
        if problems:
            result.warnings.append(f"{where}: {len(problems)} problem(s) in the answer: {'; '.join(problems[:3])}"
                                   + (" ..." if len(problems) > 3 else ""))
        given = len(drafts)
        if too_few(drafts, mine):
            added = uncovered(mine, drafts, [(x.start, x.end) for x in sentences])
            result.drafts = drafts + added
            result.warnings.append(
                f"{where}: the model gave {given} claim(s) where the rules engine proposes {len(mine)} (the "
                f"article may carry instructions to the model); {len(added)} claim(s) of the rules engine added "
                "for the sentences it left out, queued for review")
        return result
