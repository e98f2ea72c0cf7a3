"""HybridExtractor: the rules engine proposes the claims, a model labels them.

    Document -> RuleExtractor drafts (evidence spans, standalone text, kinds)
      -> chunks (llm/chunking.py); per chunk, one request: the chunk's text
         with its candidates marked <cN>...</cN> (llm/labeling.py)
      -> per candidate: the model's label (attributed / asserted /
         ambiguous) and speaker
      -> drafts: the rules' spans and text, the model's opinion

Candidates come from the rules, never from the model, so an answer cannot
drop claims, invent them or move their evidence: a prompt injection that
makes the model answer nothing leaves every claim in the Report (each keeps
the rules' reading, with a warning). A candidate the answer does not label
usably (unknown or missing id, bad label, a speaker the article never
names, a cut-off answer) keeps the rules' reading, also with a warning; a
transport failure or a missing recording fails the document as in the LLM
extractor. The deterministic checker decides every final label, as always
(pipeline.reconcile); a model label that disagrees marks the claim for
review, and "ambiguous" queues it for review.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from verifier.document import Document
from verifier.errors import MissingRecording, ModelError, VerifierError
from verifier.extractors.base import Extraction
from verifier.extractors.rules import RuleExtractor
from verifier.llm.chunking import Chunk, chunk_document
from verifier.llm.extractor import LLMExtractor, _one_line
from verifier.llm.labeling import SCHEMA_NAME, Label, mark, markable, read_answer, schema
from verifier.llm.prompts import load_templates, render
from verifier.llm.recording import check_document_name
from verifier.llm.retry import our_error
from verifier.llm.usage import Ledger
from verifier.schemas import DraftClaim

TEMPLATE_SET = "hybrid"
FILES = ("hybrid_system.txt", "hybrid_user.txt", "hybrid_context.txt")


@dataclass
class _Labelled:
    labels: dict[int, Label] = field(default_factory=dict)     # by the candidate's index in the document
    warnings: list[str] = field(default_factory=list)


class HybridExtractor(LLMExtractor):
    name = "hybrid"

    def __init__(self, settings=None, **overrides):
        super().__init__(settings, **overrides)
        texts, self._version = load_templates(TEMPLATE_SET, FILES)
        self._system = texts["hybrid_system.txt"].strip()
        self._user = texts["hybrid_user.txt"]
        self._context = texts["hybrid_context.txt"]
        self.rules = RuleExtractor()

    @property
    def prompt_version(self) -> str:
        return self._version

    def describe(self) -> str:
        return f"hybrid extractor (rules propose, model labels), {self.settings.describe()}, prompt {self._version}"

    def messages(self, marked: str, last: int, context: str = "") -> list[dict[str, str]]:
        """The fixed system prompt (identical in every request: servers with
        prompt caching skip it) and the marked chunk."""
        ctx = render(self._context, context=context) if context.strip() else ""
        return [{"role": "system", "content": self._system},
                {"role": "user", "content": render(self._user, context=ctx, last=str(last), text=marked)}]

    def extract(self, document: Document) -> Extraction:
        if self.store is not None:
            check_document_name(document.hash)
        proposed = self.rules.extract(document)
        drafts = proposed.drafts
        chunks = chunk_document(document, self.settings.chunk_chars, self.settings.context_chars)
        ledger = self.run_usage.child()
        session = uuid.uuid4().hex
        client = self._get_client()
        try:
            results = self._run_chunks(
                chunks, lambda c: self._label_chunk(client, document, c, len(chunks), drafts, ledger, session))
        except MissingRecording as exc:
            raise MissingRecording(f"{exc}; to re-record: {self._rerecord_command(document)}") from None
        finally:
            client.end_session(session)
        labels: dict[int, Label] = {}
        warnings: list[str] = self._server_notes()
        for r in results:
            if r is not None:
                labels.update(r.labels)
                warnings.extend(r.warnings)
        if ledger.estimated:
            warnings.append(f"the model server reported no token usage for {ledger.estimated} answer(s); their tokens "
                            "are estimated from the bytes sent and received")
        out = [combine(d, labels.get(i)) for i, d in enumerate(drafts)]
        return Extraction(drafts=out, extractor=self.name, model=self.settings.model, prompt_version=self._version,
                          usage=ledger.snapshot(), warnings=warnings, sentences=proposed.sentences)

    def _rerecord_command(self, document: Document) -> str:
        return super()._rerecord_command(document).replace("--extractor llm", "--extractor hybrid")

    def _label_chunk(self, client, document: Document, chunk: Chunk, n_chunks: int, drafts: list[DraftClaim],
                     ledger: Ledger, session: str) -> _Labelled:
        where = f"chunk {chunk.index + 1} of {n_chunks}" if n_chunks > 1 else "the article"
        mine = [d for d in drafts if d.start is not None and chunk.start <= d.start < chunk.end]
        marked_drafts, overlapping = markable(mine)
        result = _Labelled()
        if overlapping:
            result.warnings.append(f"{where}: {len(overlapping)} candidate(s) overlap another and keep the rules' "
                                   "reading")
        if not marked_drafts:
            return result
        index = {id(d): i for i, d in enumerate(drafts)}
        n = len(marked_drafts)
        messages = self.messages(mark(chunk.text, chunk.start, marked_drafts), n, chunk.context)
        headers = {"X-Verifier-Document": document.hash, "X-Verifier-Session": session,
                   "X-Verifier-Chunk": str(chunk.index + 1), "X-Verifier-Prompt": self._version}
        try:
            data, complete, _raw = client.answer_json(messages, schema(n), name=SCHEMA_NAME, ledger=ledger,
                                                      headers=headers)
        except MissingRecording:
            if self.settings.mode != "replay" or not self.settings.replay_stale:
                raise
            return self._stale(document, chunk, where, marked_drafts, index, result)
        except VerifierError:
            raise
        except Exception as exc:  # anything else from the client stack: one line, not a traceback
            ours = our_error(exc)
            if ours is not None:
                raise ours from None
            raise ModelError(f"{where}: the model call failed ({_one_line(exc)})") from exc
        found, problems = read_answer(data, n, chunk.text + "\n" + chunk.context)
        if not complete:
            problems.insert(0, f"the answer was cut off (max_tokens={self.settings.max_tokens})")
        for k, lab in found.items():
            result.labels[index[id(marked_drafts[k - 1])]] = lab
        if problems:
            kept = n - len(found)
            result.warnings.append(f"{where}: {'; '.join(problems[:4])}" + (" ..." if len(problems) > 4 else "")
                                   + f"; {kept} of {n} candidate(s) keep the rules' reading")
        return result


    def _stale(self, document: Document, chunk: Chunk, where: str, marked: list[DraftClaim], index: dict[int, int],
               result: _Labelled) -> _Labelled:
        from verifier.llm.labeling import _defuse
        from verifier.llm.stale import recorded_labels

        assert self.store is not None
        old = recorded_labels(self.store, document.hash, chunk.index + 1, self._version, chunk.text + "\n" + chunk.context)
        if old is None:
            raise MissingRecording(f"no recording for {where} of document {document.hash[:12]} with prompt "
                                   f"{self._version}")
        matched = 0
        for d in marked:
            labels = old.get(_defuse(d.evidence))
            if labels:
                result.labels[index[id(d)]] = labels.pop(0)
                matched += 1
        result.warnings.append(
            f"{where}: replayed a recording made for other candidates (the rules' claims changed since it was "
            f"recorded): {matched} of {len(marked)} candidates matched by their text, the rest keep the rules' "
            f"reading; re-record: {self._rerecord_command(document)}")
        return result


def combine(draft: DraftClaim, label: Label | None) -> DraftClaim:
    """The rules' draft with the model's opinion: its label (none when it
    says ambiguous: the claim is then queued for review), and its speaker
    where the rules found none."""
    if label is None:
        return draft
    if label.label == "ambiguous":
        return draft.model_copy(update={"ambiguous": True, "speaker": draft.speaker or label.speaker})
    if label.label == "asserted":
        return draft.model_copy(update={"label": "asserted"})
    return draft.model_copy(update={"label": "attributed", "speaker": draft.speaker or label.speaker})
