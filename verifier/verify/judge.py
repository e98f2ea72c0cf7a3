"""The optional model judge, for paraphrase the word tests cannot see.

Only an indirect claim that the deterministic checks call `not_found`
while retrieval offers candidates goes to the model; verbatim, altered,
mismatch and wrong_speaker are never sent, so the judge can never override
a deterministic mismatch. The model answers through the existing instructor
layer (verifier/llm: retries, recording and replay keyed by the request) as
a JudgeAnswer, and must cite its passage verbatim: a citation that is not
in the candidate it names fails validation and instructor re-asks. The
verdict follows the judge only when its citation checks out.

Bounds: MAX_CANDIDATES passages of at most MAX_PASSAGE_CHARS each per
request, one request per judged claim; the answer's citation is at most
MAX_CITATION characters and its reason MAX_REASON.
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from contextvars import ContextVar
from typing import Iterator, Literal

from pydantic import BaseModel, Field, model_validator

from verifier.schemas import ClaimCheck, JudgeOpinion, SourcePassage, Usage

MAX_CANDIDATES = 3
MAX_PASSAGE_CHARS = 1_500
MAX_CITATION = 600
MAX_REASON = 400
PROMPT = """You check whether a news article reports a speaker's words faithfully.
You get one claim the article attributes to a speaker and numbered passages from that speaker's own
transcript or statement. Answer:
- supported: a passage says the same thing (a paraphrase is fine);
- mismatch: a passage is about the same thing but says something different (a figure, a name, a date,
  a negation, a hedge);
- not_found: no passage says it.
For supported and mismatch, give the passage number and copy the words you rely on exactly from that
passage (citation). Keep the reason to one sentence."""
PROMPT_VERSION = hashlib.sha256(PROMPT.encode()).hexdigest()[:12]

_CANDS: ContextVar[list[str] | None] = ContextVar("verifier_judge_candidates", default=None)


@contextlib.contextmanager
def candidates_scope(texts: list[str]) -> Iterator[None]:
    token = _CANDS.set(texts)
    try:
        yield
    finally:
        _CANDS.reset(token)


def _squash(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


class JudgeAnswer(BaseModel):
    verdict: Literal["supported", "mismatch", "not_found"]
    passage: int | None = Field(default=None, description="The number of the passage relied on (1-based).")
    citation: str | None = Field(default=None, max_length=MAX_CITATION,
                                 description="Words copied exactly from that passage.")
    reason: str = Field(max_length=MAX_REASON)

    @model_validator(mode="after")
    def _cites(self) -> "JudgeAnswer":
        texts = _CANDS.get()
        if texts is None or self.verdict == "not_found":
            return self
        if self.passage is None or not 1 <= self.passage <= len(texts):
            raise ValueError(f"passage must be a number from 1 to {len(texts)} for verdict {self.verdict}")
        if not self.citation or _squash(self.citation) not in _squash(texts[self.passage - 1]):
            raise ValueError(f"citation is not verbatim in passage {self.passage}: copy its words exactly")
        return self


def messages(claim: ClaimCheck, cands: list[SourcePassage]) -> list[dict]:
    body = [f"Speaker: {claim.speaker or 'unknown'}", f"Claim: {claim.compared}", ""]
    for i, c in enumerate(cands, 1):
        body.append(f"Passage {i}: {c.text[:MAX_PASSAGE_CHARS]}")
    return [{"role": "system", "content": PROMPT}, {"role": "user", "content": "\n".join(body)}]


class Judge:
    def __init__(self, **settings):
        from verifier.llm.recording import RecordingStore
        from verifier.llm.settings import Settings
        from verifier.llm.usage import Ledger

        self.settings = Settings.load(**settings)
        self.store = RecordingStore(self.settings.recordings_dir) if self.settings.mode != "live" else None
        self.ledger = Ledger(price=self.settings.price, max_cost=self.settings.max_cost)
        self._client = None

    def _client_(self):
        if self._client is None:
            from verifier.llm.client import ModelClient  # imports openai and instructor

            self._client = ModelClient(self.settings, self.store)
        return self._client

    def apply(self, checks: list[ClaimCheck], key: str, texts: dict[int, str]) -> tuple[list[ClaimCheck], Usage]:
        """Judge the eligible checks; `key` names the recording file (article and sources)."""
        session = uuid.uuid4().hex
        out = []
        try:
            for c in checks:
                out.append(self._judge(c, key, session, texts) if eligible(c) else c)
        finally:
            if self._client is not None:
                self._client.end_session(session)
                self._client.close()
        return out, self.ledger.snapshot()

    def _judge(self, c: ClaimCheck, key: str, session: str, texts: dict[int, str]) -> ClaimCheck:
        cands = c.candidates[:MAX_CANDIDATES]
        headers = {"X-Verifier-Document": key, "X-Verifier-Session": session, "X-Verifier-Prompt": PROMPT_VERSION}
        try:
            with candidates_scope([p.text[:MAX_PASSAGE_CHARS] for p in cands]):
                answer = self._client_().extract(JudgeAnswer, messages(c, cands), ledger=self.ledger,
                                                 headers=headers)
        except Exception as exc:
            return _failed(c, exc)
        return merge(c, answer, cands, texts)


def _failed(c: ClaimCheck, exc: Exception) -> ClaimCheck:
    """A transport failure, a missing recording or a budget stop is an
    error (one line); answers that kept failing validation leave the
    deterministic verdict, with the judge's failure recorded."""
    from instructor.core.exceptions import InstructorRetryException

    from verifier.errors import ModelError, VerifierError
    from verifier.llm.retry import our_error

    mine = exc if isinstance(exc, VerifierError) else our_error(exc)
    if mine is not None:
        raise mine from None
    if not isinstance(exc, InstructorRetryException):
        raise ModelError(f"the model judge failed ({' '.join(str(exc).split())[:200]})") from None
    op = JudgeOpinion(verdict="not_found", reason="the model's answers failed validation after the re-asks "
                      "(no verbatim citation); the deterministic verdict stands", applied=False)
    return c.model_copy(update={"judge": op})


def eligible(c: ClaimCheck) -> bool:
    return c.kind == "indirect" and c.verdict == "not_found" and bool(c.candidates)


def merge(c: ClaimCheck, answer: JudgeAnswer, cands: list[SourcePassage], texts: dict[int, str]) -> ClaimCheck:
    """The judge's verdict replaces a deterministic not_found only with a
    verified citation; the cited words become the passage."""
    if answer.verdict == "not_found" or answer.passage is None or not answer.citation:
        op = JudgeOpinion(verdict="not_found", reason=answer.reason, applied=False)
        return c.model_copy(update={"judge": op})
    cand = cands[answer.passage - 1]
    passage = _narrow(cand, answer.citation, texts.get(cand.source, ""))
    op = JudgeOpinion(verdict=answer.verdict, citation=answer.citation, passage=passage, reason=answer.reason,
                      applied=True)
    return c.model_copy(update={"verdict": answer.verdict, "method": "judge", "passage": passage, "judge": op,
                                "reasons": c.reasons + [f"model judge: {answer.reason} (cites '{answer.citation}')"]})


def _narrow(cand: SourcePassage, citation: str, text: str) -> SourcePassage:
    i = cand.text.find(citation.strip())
    if i < 0:
        return cand
    a = cand.start + i
    z = a + len(citation.strip())
    return SourcePassage(source=cand.source, start=a, end=z, text=text[a:z] if text else citation.strip(),
                         speaker=cand.speaker, score=cand.score)
