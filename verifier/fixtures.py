"""Eval fixtures: hand-labeled articles (one JSON file each, evals/fixtures/).

Format (JSON Schema in verifier/schemas/fixture.schema.json):

    {
      "id": "f03-harbour-strike",
      "title": "...",
      "source": "who wrote it and where its facts come from",
      "licence": "CC0-1.0",
      "text": "the article, exactly as scored",
      "dont_care": [{"start": 0, "end": 31, "kind": "heading"}],
      "claims": [
        {"id": "g1", "text": "standalone claim",
         "evidence": {"start": 120, "end": 171, "text": "verbatim span"},
         "label": "attributed", "speaker": "Maria Lopez", "cue": "said",
         "ambiguous": false, "acceptable_labels": ["attributed"],
         "phenomena": ["indirect_speech"]}
      ]
    }

Offsets are character offsets into `text`; `text[start:end] == evidence.text`.
An ambiguous claim lists both labels in `acceptable_labels`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from verifier.errors import MalformedInput
from verifier.schemas import Label, Span

PHENOMENA = {
    "direct_quote": "quotation marks around the source's words",
    "indirect_speech": "reporting verb with a content clause",
    "according_to": "'according to X' and similar prepositional frames",
    "anonymous_source": "'officials said', 'sources told'",
    "collective_source": "an organisation or group as the source",
    "document_source": "a report, study, filing or statement as the source",
    "pronoun_speaker": "the source given by a pronoun ('He noted')",
    "description_speaker": "the source given by a description ('the minister')",
    "cue_after_content": "the source and cue after the content ('..., she said')",
    "quoted_paragraphs": "a quotation that continues across sentences",
    "nested_attribution": "a source reporting what another source said",
    "nominal_frame": "a noun heading a content clause ('his claim that')",
    "hedge": "'reportedly', 'allegedly', attribution without a named source",
    "source_as_topic": "a source is the topic, the proposition the reporter's",
    "reporter_inference": "the reporter's analysis or inference",
    "framing": "characterisation or loaded words in the outlet's voice",
    "background_fact": "background stated in the outlet's voice",
    "speech_event": "a claim about a speech event itself",
    "mixed_sentence": "one sentence with both attributed and asserted claims",
    "disagreeing_speakers": "several sources who disagree",
    "numbers_dates": "figures, amounts and dates",
    "thoughts_intentions": "beliefs, hopes, plans of a source ('she believes')",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DontCare(_Model):
    """A region scoring ignores: a prediction whose evidence lies entirely
    inside one is neither right nor wrong (headings, titles)."""

    start: int = Field(ge=0, description="Offset of the first character in `text`.")
    end: int = Field(ge=0, description="Offset after the last character.")
    kind: Literal["heading", "title", "other"] = "heading"


class GoldClaim(_Model):
    """One hand-labeled claim (shared/ANNOTATION.md)."""

    id: str = Field(description="Unique within the fixture, stable: baselines refer to it.")
    text: str = Field(description="The claim written to stand alone.")
    evidence: Span = Field(description="The shortest verbatim stretch that states the claim: "
                                       "text[start:end] == evidence.text.")
    label: Label = Field(description="The primary label.")
    speaker: str | None = Field(default=None, description="For an attributed claim: the source at its fullest.")
    cue: str | None = Field(default=None, description="The word or phrase that signals the attribution, as in the text.")
    ambiguous: bool = Field(default=False, description="Two careful readers could defend both labels.")
    acceptable_labels: list[Label] = Field(
        default_factory=list, description="Labels scored as correct; default [label], both when ambiguous.")
    phenomena: list[str] = Field(default_factory=list, description="Tags from verifier.fixtures.PHENOMENA.")
    note: str | None = Field(default=None, description="Why the label, for a hard case.")

    @model_validator(mode="after")
    def _labels(self) -> "GoldClaim":
        if not self.acceptable_labels:
            self.acceptable_labels = ["attributed", "asserted"] if self.ambiguous else [self.label]
        if self.label not in self.acceptable_labels:
            raise ValueError(f"label {self.label!r} is not among acceptable_labels {self.acceptable_labels}")
        if self.ambiguous and len(set(self.acceptable_labels)) < 2:
            raise ValueError("an ambiguous claim must accept both labels")
        return self


class Fixture(_Model):
    """A hand-labeled article: evals/fixtures/<id>.json."""

    id: str = Field(description="Unique over all fixtures; usually the file name without .json.")
    title: str | None = None
    source: str = Field(default="", description="Who wrote the article and where its facts come from.")
    licence: str = Field(default="", description="Licence of the article text, e.g. CC0-1.0.")
    text: str = Field(description="The article exactly as scored; all offsets refer to it.")
    dont_care: list[DontCare] = Field(default_factory=list, description="Headings and titles.")
    claims: list[GoldClaim]

    def in_dont_care(self, start: int, end: int) -> bool:
        return any(d.start <= start and end <= d.end for d in self.dont_care)


MIN_WORDS, MAX_WORDS = 400, 900
"""The length of a fixture article asked for by the eval issue (a warning)."""


def problems(fx: Fixture) -> list[str]:
    """Everything wrong with a fixture, one line each, naming the claim.
    A fixture with any problem is not scored."""
    out: list[str] = []
    n = len(fx.text)
    lowered = fx.text.casefold()
    ids = set()
    spans: dict[tuple[int, int], str] = {}
    for d in fx.dont_care:
        if not (0 <= d.start < d.end <= n):
            out.append(f"{fx.id}: don't-care region {d.start}-{d.end} is outside the text")
    for c in fx.claims:
        where = f"{fx.id} claim {c.id}"
        if c.id in ids:
            out.append(f"{where}: duplicate claim id")
        ids.add(c.id)
        ev = c.evidence
        if not (0 <= ev.start < ev.end <= n):
            out.append(f"{where}: evidence offsets {ev.start}-{ev.end} are outside the text (length {n})")
            continue
        if fx.text[ev.start:ev.end] != ev.text:
            if ev.text and ev.text in fx.text:
                at = fx.text.find(ev.text)
                out.append(f"{where}: offsets {ev.start}-{ev.end} disagree with the evidence text "
                           f"(it occurs at {at}-{at + len(ev.text)})")
            else:
                out.append(f"{where}: evidence text is not in the article: {ev.text[:60]!r}")
        if ev.text != ev.text.strip():
            out.append(f"{where}: evidence has leading or trailing whitespace")
        if (ev.start, ev.end) in spans:
            out.append(f"{where}: same evidence span as claim {spans[(ev.start, ev.end)]}")
        spans.setdefault((ev.start, ev.end), c.id)
        if fx.in_dont_care(ev.start, ev.end):
            out.append(f"{where}: evidence lies inside a don't-care region (predictions there are ignored)")
        if c.label == "attributed" and not c.ambiguous and not (c.speaker and c.cue):
            out.append(f"{where}: an attributed claim needs a speaker and a cue")
        if c.cue and c.cue.casefold() not in lowered:
            out.append(f"{where}: cue {c.cue!r} does not occur in the article")
        if not c.ambiguous and len(set(c.acceptable_labels)) > 1:
            out.append(f"{where}: accepts both labels but is not marked ambiguous")
        for p in c.phenomena:
            if p not in PHENOMENA:
                out.append(f"{where}: unknown phenomenon {p!r} (known: {', '.join(sorted(PHENOMENA))})")
    return out


def warnings(fx: Fixture) -> list[str]:
    """Things worth a look that do not stop scoring."""
    out = []
    words = len(fx.text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        out.append(f"{fx.id}: the article has {words} words (fixtures are {MIN_WORDS}-{MAX_WORDS})")
    labels = {c.label for c in fx.claims}
    if len(labels) < 2:
        out.append(f"{fx.id}: every claim is {next(iter(labels), 'missing')}")
    return out


def load_fixture(path: str | Path) -> Fixture:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        from verifier.errors import InputNotFound

        raise InputNotFound(f"{p}: no such fixture") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedInput(f"{p}: not a JSON fixture ({exc})") from None
    try:
        return Fixture.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        raise MalformedInput(f"{p}: invalid fixture at {loc}: {err['msg']}") from None


def fixture_paths(root: str | Path, include_dev: bool = False) -> list[Path]:
    """Scored fixtures under root (dev/ excluded unless asked), sorted."""
    root = Path(root)
    if root.is_file():
        return [root]
    paths = sorted(p for p in root.glob("*.json"))
    if include_dev and (root / "dev").is_dir():
        paths += sorted((root / "dev").glob("*.json"))
    return paths


def save_fixture(fx: Fixture, path: str | Path) -> None:
    Path(path).write_text(fx.model_dump_json(indent=2, exclude_none=True) + "\n", encoding="utf-8")


def build_fixture(*, id: str, text: str, claims: list[dict], title: str | None = None, source: str = "",
                  licence: str = "CC0-1.0", headings: list[str] | None = None) -> Fixture:
    """Author a fixture from evidence strings instead of offsets.

    Each claim dict has `evidence` (a verbatim string) and optionally
    `occurrence` (0-based, when the string occurs more than once) or `after`
    (a string that must precede it); the rest are GoldClaim fields. Headings
    are given as strings and become don't-care regions.
    """
    built = []
    for i, c in enumerate(claims, 1):
        c = dict(c)
        ev = c.pop("evidence")
        start_from = 0
        if "after" in c:
            anchor = c.pop("after")
            k = text.find(anchor)
            if k < 0:
                raise ValueError(f"claim {i}: anchor not found: {anchor!r}")
            start_from = k
        occ = c.pop("occurrence", 0)
        at = text.find(ev, start_from)
        for _ in range(occ):
            at = text.find(ev, at + 1)
        if at < 0:
            raise ValueError(f"claim {i}: evidence not found: {ev!r}")
        c.setdefault("id", f"g{i}")
        built.append({**c, "evidence": {"start": at, "end": at + len(ev), "text": ev}})
    dont_care = []
    for h in headings or []:
        k = text.find(h)
        if k < 0:
            raise ValueError(f"heading not found: {h!r}")
        dont_care.append({"start": k, "end": k + len(h), "kind": "heading"})
    return Fixture.model_validate(dict(id=id, title=title, source=source, licence=licence, text=text,
                                       dont_care=dont_care, claims=built))
