"""The hybrid task: the rules engine's claims, marked in the text, labelled by a model.

    candidates (rule drafts of one chunk)
      -> mark(): the chunk's text with <cN>...</cN> around each candidate
      -> schema(n): {"sources": [{"speaker", "claims": [ids]}], "ambiguous": [ids], "asserted": [ids]}
      -> read_answer(): one Label per candidate id, or the reason it has none

The schema bounds everything a model can say: ids are an enum of the
candidates' numbers, every list at most n long, speakers at most
SPEAKER_CHARS characters, the labels are the three list names. A
constrained server cannot leave that shape; what a schema cannot say (each
id exactly once) and what an unconstrained server gets wrong is caught
here: an unknown id, a repeated id or a missing id makes that candidate
keep the rules' reading, and a speaker the article never names is dropped,
each with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verifier.schemas import DraftClaim

LABELS = ("attributed", "asserted", "ambiguous")
SPEAKER_CHARS = 80
SCHEMA_NAME = "label_claims"
_TAG_LIKE = re.compile(r"<(/?)(c\d)", re.IGNORECASE)


def schema(n: int) -> dict:
    """The answer's JSON schema for n candidates: the asserted ones, the
    attributed ones grouped by source, then the ambiguous ones, by number (about
    two tokens a candidate, against about twenty for an object per
    candidate). Property order is the order the model writes them in: it
    is part of the prompt."""
    ids = {"type": "array", "items": {"type": "integer", "enum": list(range(1, n + 1))}, "maxItems": n}
    source = {
        "type": "object",
        "properties": {"speaker": {"type": "string", "minLength": 1, "maxLength": SPEAKER_CHARS}, "claims": ids},
        "required": ["speaker", "claims"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"asserted": ids, "sources": {"type": "array", "items": source, "maxItems": n},
                       "ambiguous": ids},
        "required": ["asserted", "sources", "ambiguous"],
        "additionalProperties": False,
    }


def markable(candidates: list[DraftClaim]) -> tuple[list[DraftClaim], list[DraftClaim]]:
    """(candidates that can be marked, those that overlap an earlier one),
    in text order; the second keep the rules' reading."""
    ok: list[DraftClaim] = []
    rest: list[DraftClaim] = []
    end = -1
    for d in sorted(candidates, key=lambda d: (d.start or 0)):
        if d.start is None or d.start < end or not d.evidence.strip():
            rest.append(d)
            continue
        ok.append(d)
        end = d.start + len(d.evidence)
    return ok, rest


def mark(text: str, offset: int, candidates: list[DraftClaim]) -> str:
    """`text` (the chunk, starting at document offset `offset`) with each
    candidate wrapped in <cN>...</cN>, N = 1.. in order. Anything in the
    article that looks like such a tag is defused (its '<' becomes '‹'), so
    an article cannot forge a candidate."""
    out: list[str] = []
    pos = 0
    for n, d in enumerate(candidates, 1):
        a = (d.start or 0) - offset
        b = a + len(d.evidence)
        out.append(_defuse(text[pos:a]))
        out.append(f"<c{n}>{_defuse(text[a:b])}</c{n}>")
        pos = b
    out.append(_defuse(text[pos:]))
    return "".join(out)


def _defuse(s: str) -> str:
    return _TAG_LIKE.sub(lambda m: "‹" + m.group(1) + m.group(2), s)


@dataclass(frozen=True)
class Label:
    label: str                 # attributed / asserted / ambiguous
    speaker: str | None


def read_answer(data: object, n: int, article: str) -> tuple[dict[int, Label], list[str]]:
    """The labels the answer gives (by candidate number) and one problem
    line per item it could not use; candidates without a label keep the
    rules' reading."""
    if not isinstance(data, dict) or not any(isinstance(data.get(k), list) for k in ("sources", "asserted")):
        return {}, ["the answer has no lists of claims"]
    found: dict[int, Label] = {}
    problems: list[str] = []
    given = [("attributed", s.get("speaker"), s.get("claims")) if isinstance(s, dict) else ("attributed", None, s)
             for s in _list(data.get("sources"))[:n]]
    given += [("ambiguous", None, data.get("ambiguous")), ("asserted", None, data.get("asserted"))]
    twice: list[int] = []
    for label, speaker, ids in given:
        if not isinstance(ids, list):
            problems.append(f"an {label} entry without a list of claim numbers")
            continue
        name = _speaker(speaker, label, article, problems)
        for cid in ids[:n]:
            if isinstance(cid, bool) or not isinstance(cid, int) or not 1 <= cid <= n:
                problems.append(f"unknown candidate id {_show(cid)}")
            elif cid not in found:
                found[cid] = Label(label, name)
            elif found[cid].label == "asserted" and label != "asserted":
                found[cid] = Label(label, name)  # a named source is the more specific answer
                twice.append(cid)
            else:
                twice.append(cid)
    if twice:
        problems.append(f"candidate(s) {_ids(sorted(set(twice)))} answered twice (a source or 'ambiguous' "
                        "kept over 'asserted', else the first answer)")
    missing = [i for i in range(1, n + 1) if i not in found]
    if missing:
        problems.append(f"no usable answer for candidate(s) {_ids(missing)}")
    return found, problems


def _list(v: object) -> list:
    return v if isinstance(v, list) else []


def _speaker(speaker: object, label: str, article: str, problems: list[str]) -> str | None:
    if label != "attributed" or not isinstance(speaker, str) or not speaker.strip():
        return None
    name = " ".join(speaker.split())
    if len(name) > SPEAKER_CHARS:
        problems.append(f"a speaker longer than {SPEAKER_CHARS} characters (dropped)")
        return None
    if not names_in(name, article):
        problems.append(f"speaker {_show(name)} is not named in the article (dropped)")
        return None
    return name


def names_in(name: str, article: str) -> bool:
    """True when the article contains `name` as whole words (letter case,
    spacing and a leading 'the' aside)."""
    words = [re.escape(w) for w in re.sub(r"^(the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE).split()]
    if not words:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
    return re.search(pattern, article, re.IGNORECASE) is not None


def _show(v: object) -> str:
    from verifier.sanitize import one_line

    return one_line(repr(v), 40)


def _ids(ids: list[int]) -> str:
    return ", ".join(str(i) for i in ids[:12]) + (" ..." if len(ids) > 12 else "")
