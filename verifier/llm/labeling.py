"""The hybrid task: the rules engine's claims, marked in the text, labelled by a model.

    candidates (rule drafts of one chunk)
      -> mark(): the chunk's text with <cN>...</cN> around each candidate
      -> schema(n): {"claims": [{"id", "label", "speaker"}]}, ids 1..n, exactly n items
      -> read_answer(): one Label per candidate id, or the reason it has none

The schema bounds everything a model can say: ids are an enum of the
candidates' numbers, labels an enum, speakers at most SPEAKER_CHARS
characters, exactly n items. A constrained server cannot leave that shape;
an unconstrained one that does is caught here, item by item: an unknown id,
a repeated id, a missing id, a bad label or a speaker the article never
names makes that one candidate keep the rules' reading, with a warning.
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
    """The answer's JSON schema for n candidates (property order is the
    order the model writes them in: it is part of the prompt)."""
    item = {
        "type": "object",
        "properties": {
            "id": {"type": "integer", "enum": list(range(1, n + 1))},
            "label": {"type": "string", "enum": list(LABELS)},
            "speaker": {"type": ["string", "null"], "maxLength": SPEAKER_CHARS},
        },
        "required": ["id", "label", "speaker"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"claims": {"type": "array", "items": item, "minItems": n, "maxItems": n}},
        "required": ["claims"],
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
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return {}, ["the answer has no list of claims"]
    found: dict[int, Label] = {}
    problems: list[str] = []
    for item in items[: 2 * n + 10]:
        if not isinstance(item, dict):
            problems.append("an item that is not an object")
            continue
        cid, label, speaker = item.get("id"), item.get("label"), item.get("speaker")
        if isinstance(cid, bool) or not isinstance(cid, int) or not 1 <= cid <= n:
            problems.append(f"unknown candidate id {_show(cid)}")
            continue
        if cid in found:
            problems.append(f"candidate {cid} answered twice (the first answer kept)")
            continue
        if label not in LABELS:
            problems.append(f"candidate {cid}: label {_show(label)} is not one of {', '.join(LABELS)}")
            continue
        found[cid] = Label(label, _speaker(speaker, label, article, cid, problems))
    if len(items) > 2 * n + 10:
        problems.append(f"{len(items)} items for {n} candidates (the rest ignored)")
    missing = [i for i in range(1, n + 1) if i not in found]
    if missing:
        problems.append(f"no usable answer for candidate(s) {_ids(missing)}")
    return found, problems


def _speaker(speaker: object, label: str, article: str, cid: int, problems: list[str]) -> str | None:
    if label == "asserted" or speaker is None:
        return None
    if not isinstance(speaker, str) or not speaker.strip():
        return None
    name = " ".join(speaker.split())
    if len(name) > SPEAKER_CHARS:
        problems.append(f"candidate {cid}: speaker longer than {SPEAKER_CHARS} characters (dropped)")
        return None
    if not names_in(name, article):
        problems.append(f"candidate {cid}: speaker {_show(name)} is not named in the article (dropped)")
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
