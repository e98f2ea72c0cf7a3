"""The claim segmenter's word lists, from verifier/data/claims.toml."""

from __future__ import annotations

import tomllib
from importlib.resources import files

_KEYS = ("coordinators", "relatives", "comparisons", "question_words", "apposition_openers", "not_participles",
         "event_phrases", "country_words", "person_words", "finite_forms", "org_words", "subordinators", "clause_words",
         "name_joiners", "modals")


def load(text: str | None = None) -> dict[str, frozenset[str]]:
    if text is None:
        text = files("verifier").joinpath("data/claims.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if set(data) != set(_KEYS):
        raise ValueError(f"claims.toml: keys must be {sorted(_KEYS)}, got {sorted(data)}")
    out = {}
    for k in _KEYS:
        v = data[k]
        if not isinstance(v, list) or not all(isinstance(w, str) and w == w.lower() for w in v) or len(set(v)) != len(v):
            raise ValueError(f"claims.toml: '{k}' must be a list of distinct lower-case words")
        out[k] = frozenset(v)
    return out


W = load()
