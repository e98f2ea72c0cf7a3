"""verifier: claim by claim, who stands behind each statement in a news article.

    >>> import verifier
    >>> report = verifier.check("Officials said the bridge will reopen in May.")
    >>> [(c.label, c.speaker) for c in report.claims]
    [('attributed', 'Officials')]

`verifier.attribute(text, spans)` labels any (start, end) spans of a text;
`verifier.verify(report_or_text, sources)` checks attributed claims against
the speakers' own documents.
Nothing here imports openai or instructor; the LLM extractor imports them
when it first calls a model.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names below are loaded on first use (PEP 562): `verifier --help` stays fast
    from verifier.attribution import attribute
    from verifier.document import Document
    from verifier.errors import VerifierError
    from verifier.pipeline import Verifier
    from verifier.schemas import Claim, Report, Verdict

_LAZY = {
    "attribute": "verifier.attribution",
    "Document": "verifier.document",
    "VerifierError": "verifier.errors",
    "Verifier": "verifier.pipeline",
    "Claim": "verifier.schemas",
    "Report": "verifier.schemas",
    "Verdict": "verifier.schemas",
}


def check(text: str, **options) -> "Report":
    """Check one article's text and return its Report.

    Options are those of `Verifier` (extractor="rules"|"llm"|"auto", model,
    base_url, api_key, mode, ...).
    """
    from verifier.pipeline import Verifier

    source = options.pop("source", None)
    return Verifier(**options).check(text, source=source)


def verify(report_or_text, sources, **options) -> "Report":
    """Verify an article's attributed claims against the speakers' own
    documents; the Report comes back with `verification` filled in.

    `report_or_text`: a Report, or the article's text (checked first, rules
    extractor unless options say otherwise). `sources`: paths,
    "Speaker=path" strings, or (speaker, path or Document) pairs.
    `judge={...}` (model settings) turns on the optional model judge.
    """
    from verifier.verify import verify as _verify

    return _verify(report_or_text, sources, **options)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'verifier' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = ["Claim", "Document", "Report", "Verdict", "Verifier", "VerifierError", "attribute", "check", "verify", "__version__"]
