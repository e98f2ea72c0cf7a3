"""The response model the LLM fills in, and the validators that make
instructor re-ask.

The validators need the article text. instructor's `context=` would also
run every message through Jinja (an article with `{{` would break or be
altered), so the text is handed over in a ContextVar instead: the
extractor sets it around each call (`article_scope`), and validation runs
synchronously in that same thread. Outside a scope the checks are skipped,
which is how a last failed answer is salvaged (`salvage`).
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import Any, Iterator, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from verifier.grounding import locate
from verifier.llm.structured import answer_text

_ARTICLE: ContextVar[str | None] = ContextVar("verifier_llm_article", default=None)
VERBATIM = ("exact", "normalized")


@contextlib.contextmanager
def article_scope(text: str) -> Iterator[None]:
    token = _ARTICLE.set(text)
    try:
        yield
    finally:
        _ARTICLE.reset(token)


def _short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _case_insensitive(article: str, evidence: str) -> str | None:
    """The article's own spelling of `evidence` when only letter case (and
    whitespace or quote marks) differ, else None."""
    ev = evidence.strip()
    if not ev:
        return None
    found = locate(article.lower(), ev.lower())  # str.lower keeps offsets for ordinary text
    if found.match in VERBATIM and found.start is not None and len(article.lower()) == len(article):
        return article[found.start:found.end]
    return None


class ExtractedClaim(BaseModel):
    """One claim of the article."""

    claim: str = Field(description="The proposition, written to stand alone.")
    evidence: str = Field(description="The shortest stretch of the article that states it, copied exactly.")
    label: Literal["attributed", "asserted"] = Field(
        description="attributed: presented as what a source said; asserted: in the article's own voice.")
    speaker: str | None = Field(default=None, description="For attributed claims: the source, named most fully.")
    cue: str | None = Field(default=None, description="For attributed claims: the word or phrase signalling it.")

    @field_validator("claim", "evidence")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty")
        return v

    @field_validator("speaker", "cue")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v if v is None or v.strip() else None

    @model_validator(mode="after")
    def _check(self) -> "ExtractedClaim":
        article = _ARTICLE.get()
        if article is None:  # outside a call: salvaging, no checks
            return self
        problems = []
        found = locate(article, self.evidence)
        if found.match not in VERBATIM:
            near = _case_insensitive(article, self.evidence)
            if near is not None:  # fixed from the article's own spelling: no re-ask (about 40 s each locally)
                self.evidence = near
            else:
                problems.append(
                    f'evidence "{_short(self.evidence)}" is not in the article text; '
                    "copy the words exactly as they appear in the article")
        if self.label == "attributed":
            missing = [n for n in ("speaker", "cue") if getattr(self, n) is None]
            if missing:
                problems.append(
                    f"an attributed claim needs a {' and a '.join(missing)}: give the source and the word that "
                    "signals it, or label the claim asserted")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class ClaimList(BaseModel):
    """The claims of the article text."""

    claims: list[ExtractedClaim] = Field(default_factory=list, description="Every claim of the article text.")


def salvage(completion: Any) -> list[ExtractedClaim]:
    """Claims from a raw chat completion that failed validation (or was cut
    short), without the article checks; a truncated answer yields its
    complete claims. Nothing usable gives []."""
    raw = answer_text(completion)
    if not raw:
        return []
    data = _parse_lenient(raw)
    items = data.get("claims") if isinstance(data, dict) else data if isinstance(data, list) else None
    out = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        try:
            out.append(ExtractedClaim.model_validate(item))
        except ValidationError:
            continue
    return out


def _parse_lenient(raw: str) -> Any:
    import jiter  # installed with openai; parses truncated JSON

    text = raw.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[-1].rsplit("```", 1)[0]
    first = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if first < 0:
        return None
    try:
        return jiter.from_json(text[first:].encode("utf-8"), partial_mode="on")
    except ValueError:
        return None
