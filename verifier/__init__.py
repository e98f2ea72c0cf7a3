"""verifier: claim by claim, who stands behind each statement in a news article.

    >>> import verifier
    >>> report = verifier.check("Officials said the bridge will reopen in May.")
    >>> [(c.label, c.speaker) for c in report.claims]
    [('attributed', 'Officials')]

`verifier.attribute(text, spans)` labels any (start, end) spans of a text.
Nothing here imports openai or instructor; the LLM extractor imports them
when it first calls a model.
"""

from __future__ import annotations

__version__ = "0.1.0"

from verifier.checker import attribute  # noqa: E402
from verifier.document import Document  # noqa: E402
from verifier.errors import VerifierError  # noqa: E402
from verifier.schemas import Claim, Report, Verdict  # noqa: E402


def check(text: str, **options) -> Report:
    """Check one article's text and return its Report.

    Options are those of `Verifier` (extractor="rules"|"llm"|"auto", model,
    base_url, api_key, mode, ...).
    """
    from verifier.pipeline import Verifier

    source = options.pop("source", None)
    return Verifier(**options).check(text, source=source)


def __getattr__(name: str):
    if name == "Verifier":
        from verifier.pipeline import Verifier

        return Verifier
    raise AttributeError(name)


__all__ = ["Claim", "Document", "Report", "Verdict", "Verifier", "VerifierError", "attribute", "check", "__version__"]
