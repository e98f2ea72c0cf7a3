"""Hand-built Reports for the renderer tests and the screenshots.

They do not depend on the extractor or the checker (both change under other
hands): every claim is constructed here, with every status, overlapping and
nested evidence, an ungrounded claim, cue spans, unicode and hostile text.
"""

from __future__ import annotations

from verifier.document import Document
from verifier.schemas import Claim, Evidence, ExtractorOpinion, Report, ReviewDecision, Span, Usage, Verdict

ARTICLE = """\
Harbor Council Approves Ferry Plan

Mayor Lena Okafor announced on Monday that the city will buy four electric ferries by 2027, calling the purchase “the biggest upgrade since the bridge opened.” According to the transit agency, the new boats will cut diesel use by 40 percent.

She added that fares would stay at €2.50 for residents. Critics said the plan ignores the crumbling pier at Nørrebro, a view the council disputed.

Costs and Doubts

The ferries will cost about $38 million, the largest item in this year's capital budget. This spending reflects the council's bet that commuters will return to the water.
"""

HOSTILE = """\
<script>alert("x")</script> & {{ user }} {% if %} ${x} `tick` | pipe | *star* _under_ [link](http://e.x)

The <b>spokesman</b> said that "</script><img src=x onerror=alert(1)>" was {{ not }} a template & never will be.
"""


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def build(text: str, rows: list[dict], *, title: str | None = None, source: str | None = "sample.txt",
          extractor: str = "llm", model: str | None = "gpt-test", warnings: list[str] | None = None) -> Report:
    """rows: dicts with evidence (a substring of text, or `missing` for an
    ungrounded claim), label, status and optional speaker, cue, cue_text,
    text, model_label, reasons, ambiguous, review."""
    doc = Document.from_text(text, source=source)
    claims = []
    for i, row in enumerate(rows, 1):
        if row.get("missing"):
            ev = Evidence(text=row["missing"], match="none")
        else:
            a, b = _span(doc.text, row["evidence"], row.get("nth", 0))
            ev = Evidence(text=doc.text[a:b], start=a, end=b, match="exact")
        cue_span = None
        if row.get("cue_text"):
            ca, cb = _span(doc.text, row["cue_text"], row.get("cue_nth", 0))
            cue_span = Span(start=ca, end=cb, text=doc.text[ca:cb])
        label = row["label"]
        status = row["status"]
        model_label = row.get("model_label", label if status == "agreed" else None)
        if status == "disagreed" and model_label is None:
            model_label = "asserted" if label == "attributed" else "attributed"
        verdict = None if status == "ungrounded" else Verdict(
            label=label, speaker=row.get("speaker"), cue=row.get("cue"), cue_span=cue_span,
            quote=row.get("quote", "none"), reasons=row.get("reasons", [f"{label} by test construction"]))
        claims.append(Claim(
            id=f"c{i}", text=row.get("text", row.get("evidence") or row.get("missing")), evidence=ev,
            label=label, speaker=row.get("speaker"), cue=row.get("cue"), cue_span=cue_span,
            quote=row.get("quote", "none"),
            extractor=ExtractorOpinion(label=model_label, speaker=row.get("model_speaker", row.get("speaker")),
                                       cue=row.get("cue")),
            checker=verdict, status=status, ambiguous=row.get("ambiguous", False),
            review=row.get("review"),
        ))
    info = doc.info()
    if title is not None:
        info = info.model_copy(update={"title": title})
    return Report(verifier_version="0.1.0", document=info, claims=claims, extractor=extractor, model=model,
                  prompt_version="extract-v1" if extractor == "llm" else None,
                  usage=Usage(requests=2, reasks=1, prompt_tokens=1200, completion_tokens=300, total_tokens=1500),
                  timings={"total": 1.25}, warnings=warnings or [])


def ferry_report() -> Report:
    """Every status, nested and crossing evidence, a cue inside evidence,
    an ungrounded claim, unicode (€, ø, curly quotes)."""
    return build(ARTICLE, [
        dict(evidence="the city will buy four electric ferries by 2027", label="attributed", status="agreed",
             speaker="Mayor Lena Okafor", cue="announced", cue_text="announced", quote="indirect",
             text="The city will buy four electric ferries by 2027.",
             reasons=["reporting verb 'announced' with subject 'Mayor Lena Okafor'", "span inside the content clause"]),
        dict(evidence="the biggest upgrade since the bridge opened.", label="attributed", status="checked",
             speaker="Mayor Lena Okafor", cue="calling", cue_text="calling", quote="direct",
             text="The ferry purchase is the biggest upgrade since the bridge opened."),
        dict(evidence="the new boats will cut diesel use by 40 percent", label="attributed", status="agreed",
             speaker="the transit agency", cue="According to", cue_text="According to",
             text="The new electric ferries will cut diesel use by 40 percent."),
        dict(evidence="fares would stay at €2.50 for residents", label="attributed", status="disagreed",
             speaker="Mayor Lena Okafor", cue="added", cue_text="added", model_label="asserted",
             text="Ferry fares will stay at €2.50 for residents.",
             reasons=["pronoun 'She' resolved to 'Mayor Lena Okafor'", "reporting verb 'added'"]),
        # outer claim; c6 and c7 nest inside / cross it
        dict(evidence="the plan ignores the crumbling pier at Nørrebro, a view the council disputed",
             label="attributed", status="reviewed", speaker="Critics", cue="said", cue_text="said",
             text="The ferry plan ignores the crumbling pier at Nørrebro.",
             review=ReviewDecision(action="accept", reviewer="editor", at="2024-05-01T10:00:00Z")),
        dict(evidence="the crumbling pier at Nørrebro", label="asserted", status="checked",
             text="The pier at Nørrebro is crumbling.", ambiguous=True),
        dict(evidence="a view the council disputed.", label="attributed", status="checked",
             speaker="the council", cue="disputed", cue_text="disputed",
             text="The council disputes that the plan ignores the pier."),
        dict(evidence="The ferries will cost about $38 million", label="asserted", status="agreed",
             text="The ferries will cost about $38 million."),
        # crossing: starts inside c8's sentence tail, runs into the next sentence
        dict(evidence="the largest item in this year's capital budget. This spending reflects",
             label="asserted", status="disagreed", model_label="attributed",
             text="The ferries are the largest item in this year's capital budget."),
        dict(evidence="This spending reflects the council's bet that commuters will return to the water",
             label="asserted", status="agreed",
             text="The spending reflects the council's bet that commuters will return to the water."),
        dict(missing="the mayor promised free rides on opening day", label="attributed", status="ungrounded",
             speaker="Mayor Lena Okafor", cue="promised",
             text="Rides will be free on opening day."),
    ], warnings=["1 claim's evidence could not be found in the text"])


def hostile_report() -> Report:
    """Markup, template syntax and Markdown specials in the article and in
    every field."""
    return build(HOSTILE, [
        dict(evidence='<script>alert("x")</script> & {{ user }}', label="asserted", status="agreed",
             text="<script>alert('claim')</script> {{ claim }}"),
        dict(evidence='"</script><img src=x onerror=alert(1)>" was {{ not }} a template', label="attributed",
             status="checked", speaker="The <b>spokesman</b> {{ s }}", cue="said", cue_text="said",
             text="</textarea>{% raw %} is | not a template",
             reasons=["cue 'said' <i>x</i> {{ r }}"]),
    ], title='<title>{{ title }}</title> & "quotes"', source="<b>x</b>.txt",
        warnings=["<script>warn()</script> {{ w }}"])


def long_report(paragraphs: int = 200) -> Report:
    """A long article with one claim per sentence pair."""
    para = ("Officials said the port handled {n} ships in week {n}. "
            "The figure reflects a steady recovery in trade number {n}.")
    text = "Port Traffic Rises\n\n" + "\n\n".join(para.format(n=i) for i in range(paragraphs)) + "\n"
    rows = []
    for i in range(paragraphs):
        rows.append(dict(evidence=f"the port handled {i} ships in week {i}", label="attributed",
                         status="checked", speaker="Officials", cue="said", cue_text="said", cue_nth=i))
        rows.append(dict(evidence=f"The figure reflects a steady recovery in trade number {i}", label="asserted",
                         status="checked"))
    return build(text, rows, extractor="rules", model=None)


def empty_report() -> Report:
    return build("Nothing to see here.\n", [], extractor="rules", model=None)
