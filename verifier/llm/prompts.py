"""Prompt templates (verifier/prompts/*.txt, shipped in the wheel), rendered here.

Templates mark their slots as `[[name]]`. Rendering is one pass of plain
substitution: a value is inserted as it is and never scanned again, so an
article containing `{{`, `{%`, `[[text]]` or `$` reaches the model unaltered.
We never hand instructor a `context=` (which would run the messages through
Jinja); the validators get the article another way (see response.py).

The prompt version is the template set's name plus a content hash of all
its files, so any edit to a template changes the version recorded in every
Report (and the recording keys, since the messages change).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources

from verifier.errors import ConfigError

_SLOT = re.compile(r"\[\[([a-z_]+)\]\]")
TEMPLATE_SET = "extract"
FILES = ("extract_system.txt", "extract_user.txt", "extract_context.txt")


def render(template: str, **values: str) -> str:
    """Fill `[[name]]` slots in one pass; a missing value is an error."""
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in values:
            raise ConfigError(f"prompt template slot [[{name}]] has no value")
        return values[name]

    return _SLOT.sub(sub, template)


@dataclass(frozen=True)
class PromptSet:
    system: str
    user: str
    context: str
    version: str

    def messages(self, text: str, context: str = "") -> list[dict[str, str]]:
        """Chat messages asking for the claims of `text`; `context` is the
        text before it, shown only to resolve pronouns."""
        ctx = render(self.context, context=context) if context.strip() else ""
        return [
            {"role": "system", "content": self.system.strip()},
            {"role": "user", "content": render(self.user, context=ctx, text=text)},
        ]


def load_templates(template_set: str, files: tuple[str, ...]) -> tuple[dict[str, str], str]:
    """The named template files and the set's version: its name plus a
    content hash of every file."""
    base = resources.files("verifier") / "prompts"
    texts = {}
    digest = hashlib.sha256()
    for name in files:
        try:
            body = (base / name).read_text(encoding="utf-8")
        except OSError as exc:  # pragma: no cover - a broken install
            raise ConfigError(f"prompt template {name} is missing from the installed package ({exc})") from None
        texts[name] = body
        digest.update(name.encode() + b"\0" + body.encode("utf-8") + b"\0")
    return texts, f"{template_set}-{digest.hexdigest()[:12]}"


def load_prompts() -> PromptSet:
    texts, version = load_templates(TEMPLATE_SET, FILES)
    return PromptSet(
        system=texts["extract_system.txt"], user=texts["extract_user.txt"], context=texts["extract_context.txt"],
        version=version,
    )
