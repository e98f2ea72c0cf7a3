"""The sex a first name gives a pronoun ('Maria Lopez ... she'), from
data/first_names.tsv (built by tools/build_first_names.py from public
name-gender counts; a name used for both sexes gives none).

This is reference data, like lemminflect's tables, not a rule lexicon: it is
regenerated, never edited by hand, and read once, on first use."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from verifier.attribution.lexicon import TITLES, LexiconError


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    text = files("verifier.attribution").joinpath("data/first_names.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        name, _, sex = line.partition("\t")
        if not name.isalpha() or sex not in ("f", "m", "u"):
            raise LexiconError(f"first_names.tsv line {n}: expected 'name<TAB>f|m|u', got {line[:40]!r}")
        table[name] = sex
    return table


def first_name_sex(word: str) -> str | None:
    """'f' or 'm' for a first name that leans clearly to one sex ('Maria', 'Tom'), else None."""
    sex = _table().get(word.lower().rstrip("."))
    return None if sex == "u" else sex


def is_first_name(word: str) -> bool:
    """Is `word` a common first name of either sex ('Jean', 'Maria'; not 'Wall', 'Jewish')?"""
    return word.lower().rstrip(".") in _table()


def name_sex(words: list[str]) -> str | None:
    """The sex the first name of a full name gives, past its titles: 'f' for ['Sen.', 'Maria',
    'Lopez'], 'm' for ['Donald', 'Trump']; None for one word ('Trump', 'Jordan'), where the
    word may be a surname."""
    i = 0
    while i < len(words) and words[i].lower().rstrip(".").removesuffix("'s").removesuffix("’s") in TITLES:
        i += 1
    rest = words[i:]
    return first_name_sex(rest[0]) if len(rest) >= 2 and rest[1][:1].isupper() else None
