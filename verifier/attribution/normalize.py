"""The text the rules read: what a reader sees, not what the bytes hide.

Invisible characters (zero-width space, joiners, soft hyphen, word joiner,
byte-order mark, bidi marks and overrides) are dropped, a stretch under a
right-to-left override is put back in reading order, and Cyrillic or Greek
letters that look Latin are read as Latin inside a word that also has Latin
letters ("sаid" with a Cyrillic "а"), so that none of them can hide a cue.
Offsets always map back into the user's text: `offsets[i]` is where the
character i of the analysis text stands in the original.

Linear: one pass over the text; an article without such characters costs one
regular-expression search and is returned as it is, with no offset map.
"""

from __future__ import annotations

import re
from array import array

# dropped: they render as nothing (bidi embeddings/isolates/marks, zero-width characters, soft hyphen, BOM)
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f" \
             "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
_SUSPECT = re.compile(f"[{_INVISIBLE}]")
_RLO, _PDF = "\u202e", "\u202c"
# lookalikes of Latin letters (Unicode confusables), read as Latin only inside a word with Latin letters
_LOOKALIKE = str.maketrans(
    "аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅԜοαΑΒΕΖΗΙΚΜΝΟΡΤΥΧν",
    "aeopcyxijsdqwhlABEKMHOPCTXIJSWoaABEZHIKMNOPTYXv")
_LOOKALIKE_CHARS = frozenset("аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅԜοαΑΒΕΖΗΙΚΜΝΟΡΤΥΧν")
_MIXED_WORD = re.compile(r"\w*[A-Za-z]\w*")


def analysis_text(text: str) -> tuple[str, array | None]:
    """(the text the rules read, its offset map into `text`, or None when identical)."""
    if not _SUSPECT.search(text):
        return text, None
    chars: list[str] = []
    offsets = array("q")
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == _RLO:  # "\u202edias\u202c" shows "said": read it as shown
            end = text.find(_PDF, i + 1)
            line_end = text.find("\n", i + 1)
            end = min(e for e in (end, line_end, n) if e != -1)
            for j in range(end - 1, i, -1):
                if text[j] not in _INVISIBLE:
                    chars.append(text[j])
                    offsets.append(j)
            i = end
            continue
        if ch not in _INVISIBLE:
            chars.append(ch)
            offsets.append(i)
        i += 1
    offsets.append(n)
    return "".join(chars), offsets


def latin_reading(word: str) -> str:
    """A word as a reader of Latin script takes it: lookalike letters read as Latin
    when the word has Latin letters too ('sаid' -> 'said'); other words unchanged."""
    if not _LOOKALIKE_CHARS.intersection(word) or not _MIXED_WORD.fullmatch(word) or not re.search("[A-Za-z]", word):
        return word
    return word.translate(_LOOKALIKE)


def hidden_characters(text: str) -> str | None:
    """A one-line warning naming the invisible and lookalike characters an article carries, or None."""
    hidden = len(_SUSPECT.findall(text))
    mixed = sum(1 for m in re.finditer(r"\w+", text) if latin_reading(m.group(0)) != m.group(0))
    if not hidden and not mixed:
        return None
    parts = []
    if hidden:
        parts.append(f"{hidden} invisible or direction-changing character{'s' if hidden != 1 else ''}")
    if mixed:
        parts.append(f"{mixed} word{'s' if mixed != 1 else ''} mixing Latin with lookalike letters")
    return "the article carries " + " and ".join(parts) + "; the checker reads the text as displayed"
