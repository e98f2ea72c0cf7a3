"""The engine's word lists, loaded from data/lexicon.toml and validated once.

Verbs are listed as lemmas and inflected by lemminflect (every form of its
English inflection tables, British spellings included), never by hand
rules. The names below are what the rules import; each comes from one TOML
key of the same name in lower case. Loading fails with a LexiconError that
names the key and the entry when the data file is malformed, so a bad edit
cannot silently empty a list.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files

_ENTRY = re.compile(r"^(?:[a-z0-9'’][a-z0-9.'’_&-]*|[^\w\s])$")

# key -> what it holds; every key must be present, no other key is allowed
_WORD_LISTS = (
    "speech_verbs thought_verbs evidence_verbs needs_clause object_verbs addressee_verbs "
    "nounish noun_cues document_nouns person_nouns org_nouns role_nouns titles hedges passive_cues core_speech "
    "needs_to weak_object person_pronouns determiners prepositions auxiliaries be_forms "
    "adverbial_start clause_breaks adj_cues adj_to wh_words modals relatives view_nouns not_continuing "
    "subordinators quantity_words issuing_verbs takes_infinitive speech_events common_past "
    "audience labels ly_nouns clause_openers intro_words title_abbr not_people paren_adverbs finding_nouns "
    "irregular_past calendar time_words time_nouns continue_words function_words partitives name_particles refusals dispositions summons place_prepositions convened_events writer_idioms viewpoints"
).split()
_TABLES = ("phrasal_cues",)


class LexiconError(ValueError):
    """The lexicon data file is malformed."""


def _check_list(key: str, value: object) -> frozenset[str]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"lexicon: '{key}' must be a non-empty list of words")
    seen: set[str] = set()
    for w in value:
        if not isinstance(w, str) or not _ENTRY.match(w):
            raise LexiconError(f"lexicon: '{key}' holds {w!r}: entries are lower-case words")
        if w in seen:
            raise LexiconError(f"lexicon: '{key}' lists {w!r} twice")
        seen.add(w)
    return frozenset(seen)


def validate(data: dict) -> dict[str, object]:
    """The checked lexicon: word lists as frozensets, tables as {word: frozenset}."""
    unknown = set(data) - set(_WORD_LISTS) - set(_TABLES)
    missing = (set(_WORD_LISTS) | set(_TABLES)) - set(data)
    if unknown or missing:
        raise LexiconError(f"lexicon: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    out: dict[str, object] = {k: _check_list(k, data[k]) for k in _WORD_LISTS}
    for key in _TABLES:
        table = data[key]
        if not isinstance(table, dict):
            raise LexiconError(f"lexicon: '{key}' must be a table")
        out[key] = {w: _check_list(f"{key}.{w}", v) if v else frozenset() for w, v in table.items()}
    return out


@lru_cache(maxsize=1)
def load() -> dict[str, object]:
    raw = files("verifier.attribution").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    try:
        return validate(tomllib.loads(raw))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"lexicon: data/lexicon.toml is not valid TOML: {exc}") from exc


@lru_cache(maxsize=None)
def verb_forms(lemma: str) -> tuple[str, ...]:
    """Every form of a verb lemma: 'agree' -> agree, agrees, agreed, agreeing.
    A phrasal lemma ('point_out') inflects its first word: 'pointed out'."""
    import lemminflect

    head, _, rest = lemma.partition("_")
    table = lemminflect.getAllInflections(head, upos="VERB") or lemminflect.getAllInflectionsOOV(head, upos="VERB")
    forms = [head] + [f for fs in table.values() for f in fs]
    tail = f" {rest.replace('_', ' ')}" if rest else ""
    return tuple(dict.fromkeys(f.lower() + tail for f in forms))


@lru_cache(maxsize=2)
def _dictionary_forms(kind: str) -> frozenset[str]:
    """The strong simple pasts ('past'), the noun forms ('noun'), the base and past verb forms
    ('verbal') or every form ('any') of lemminflect's
    inflection dictionary, read once (10-20 ms) from the table verb_forms() has already
    loaded; its lemma table, which costs 0.3 s more to load, is never needed."""
    from lemminflect.core.Inflections import Inflections

    out: set[str] = set()
    for lemma, forms in Inflections()._getInflDict().items():
        if kind == "past":
            out.update(f.lower() for f in forms.get("VBD", ()) if f != lemma and not f.endswith("ed") and f.isalpha())
        elif kind == "any":
            out.add(lemma.lower())
            out.update(f.lower() for fs in forms.values() for f in fs)
        elif kind == "verbal":
            out.update(f.lower() for tag in ("VB", "VBP", "VBD") for f in forms.get(tag, ()))
        elif "NN" in forms or "NNS" in forms:
            out.add(lemma.lower())
            out.update(f.lower() for f in forms.get("NNS", ()))
    return frozenset(out)


def strong_past(low: str) -> bool:
    """A simple past that is no form of '-ed' and differs from its base ('shook',
    'rose', 'won', 'spent'), per lemminflect's dictionary: an unknown word is none."""
    return low in _dictionary_forms("past")


def dictionary_word(low: str) -> bool:
    """A word lemminflect's dictionary inflects ('hours', 'fourthly', 'delegates'); a name
    it does not know ('melanie', 'mclenney') is none."""
    return low in _dictionary_forms("any")


def plain_word(low: str) -> bool:
    """A word lemminflect knows as a verb's base or past form ('remember', 'look', 'revealed')
    or only as another class than a noun ('so'): a plain English word, no name ('reid' and
    'sanders' are nouns only; 'melanie' is unknown)."""
    return low in _dictionary_forms("verbal") or dictionary_word(low) and not can_be_noun(low)


def can_be_noun(low: str) -> bool:
    """A word lemminflect's dictionary knows as a noun form ('members', 'board', 'press');
    a word it knows only as another part of speech ('continue', 'quickly') or not at all is none."""
    return low in _dictionary_forms("noun")


def forms_of(lemmas) -> dict[str, str]:
    """form -> lemma over single-word lemmas; the first lemma listed for a form wins."""
    lemmas = [lemma for lemma in lemmas if "_" not in lemma]
    out: dict[str, str] = {lemma: lemma for lemma in lemmas}  # a lemma is its own base form ('lay' is not 'lie')
    for lemma in lemmas:
        for form in verb_forms(lemma):
            out.setdefault(form, lemma)
    return out


def install(checked: dict[str, object]) -> None:
    """Set this module's word lists and the forms derived from them from a
    checked lexicon (validate()). Done once at import; the pin check
    (benchmarks/lexicon_pins.py) installs a lexicon with one entry dropped in
    a forked process before the rule modules are imported again."""
    g = globals()
    g.update({k.upper(): v for k, v in checked.items() if k in _WORD_LISTS})
    # lemmas -> every form; a phrasal lemma ('put_out') as its forms with the particle ('put out')
    g["ISSUING_VERBS"] = frozenset(forms_of(sorted(checked["issuing_verbs"]))).union(
        *(verb_forms(lemma) for lemma in checked["issuing_verbs"] if "_" in lemma))
    g["PHRASAL_CUES"] = checked["phrasal_cues"]
    g["PHRASAL_FORMS"] = forms_of(checked["phrasal_cues"])
    # verb cue form -> (lemma, class); speech first, then object, evidence, thought
    cue_forms: dict[str, tuple[str, str]] = {}
    for cls in ("speech", "object", "evidence", "thought"):
        for form, lemma in forms_of(sorted(checked[f"{cls}_verbs"])).items():
            cue_forms.setdefault(form, (lemma, cls))
    g["CUE_FORMS"] = cue_forms
    # word -> the writer's idioms holding it, as (words, where the word is in them)
    idioms: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for idiom in sorted(checked["writer_idioms"]):
        words = tuple(idiom.split("_"))
        for i, w in enumerate(words):
            idioms.setdefault(w, []).append((words, i))
    g["IDIOMS_BY_WORD"] = idioms


PHRASAL_CUES: dict[str, frozenset[str]]
PHRASAL_FORMS: dict[str, str]
CUE_FORMS: dict[str, tuple[str, str]]
IDIOMS_BY_WORD: dict[str, list[tuple[tuple[str, ...], int]]]
install(load())


def cue_verb(word: str) -> tuple[str, str] | None:
    """(lemma, class) of a verb cue form, or None."""
    return CUE_FORMS.get(word.lower())
