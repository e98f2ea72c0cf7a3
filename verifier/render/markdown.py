"""A Report as Markdown: a summary, a claims table, and the article with
every claim's evidence marked `[A:c1 ...]` (attributed) or `[S:c2 ...]`
(asserted) and cue words in italics.

Everything that comes from the article or the model is escaped, so an
article holding Markdown, HTML or template syntax renders as its own text,
and its control characters and bidi overrides are shown as visible
characters (verifier/render/safe.py), so the page cannot drive a terminal.
"""

from __future__ import annotations

import re

from verifier.render import spans as sp
from verifier.render.safe import safe_report
from verifier.schemas import Claim, Report

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))", re.M)


def escape(s: str | None) -> str:
    """Literal text for Markdown (inline): specials backslash-escaped,
    `&` as an entity, block syntax at line starts neutralized."""
    s = (s or "").replace("&", "&amp;")
    s = _SPECIAL.sub(r"\\\1", s)
    return _LINE_START.sub(_neutralize, s)


def _neutralize(m: re.Match) -> str:
    lead, mark = m.group(1), m.group(2)
    return lead + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


def cell(s: str | None, empty: str = "—") -> str:
    """A table cell: one line, pipes escaped."""
    text = sp.one_line(s)
    return escape(text) if text else empty


def _open(c: Claim, cont: bool) -> str:
    return f"\\[**{sp.LETTER[c.label]}:{c.id}{'+' if cont else ''}** "


def _close(c: Claim) -> str:
    return "\\]"


def _cue(s: str) -> str:
    core = s.strip()
    if not core:
        return escape(s)
    lead = s[: len(s) - len(s.lstrip())]
    trail = s[len(s.rstrip()):]
    return f"{escape(lead)}*{escape(core)}*{escape(trail)}"


def article(report: Report) -> list[str]:
    out = []
    for kind, start, end, claims, cues in sp.per_block(report):
        parts = []
        for tok in sp.tokens(report, start, end, claims, cues):
            if tok.kind == "open":
                parts.append(_open(tok.claim, tok.cont))
            elif tok.kind == "close":
                parts.append(_close(tok.claim))
            else:
                s = tok.text
                if kind == "heading" and tok.segment.start == start:
                    s = s.lstrip("#").lstrip()
                parts.append(_cue(s) if tok.cue else escape(s))
        body = "".join(parts)
        if kind == "heading":
            out.append("### " + " ".join(body.split()))
        else:
            # keep the article's own line breaks inside a paragraph
            out.append("  \n".join(line.strip() for line in body.split("\n")))
    return out


def to_markdown(report: Report) -> str:
    report = safe_report(report)
    by_label, by_status = sp.counts(report)
    lines = [f"# {escape(sp.title(report))}", ""]
    lines.append(escape(sp.source_line(report)))
    lines.append("")
    n = len(report.claims)
    lines.append(f"**{n} claim{'s' if n != 1 else ''}**: "
                 + ", ".join(f"{v} {k}" for k, v in by_label.items())
                 + (" · " + ", ".join(f"{v} {k}" for k, v in by_status.items()) if by_status else ""))
    lines.append("")

    lines += ["## Claims", ""]
    if report.claims:
        lines.append("| id | label | speaker | cue | status | claim | evidence |")
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        for c in report.claims:
            if not c.evidence.grounded:
                ev = f"*not found:* “{cell(c.evidence.text)}”"
            else:
                ev = f"“{cell(sp.excerpt(c.evidence.text, 200))}”"
            status = c.status + (" (ambiguous)" if c.ambiguous else "")
            lines.append(f"| {c.id} | {c.label} | {cell(c.speaker)} | {cell(c.cue)} | {status} "
                         f"| {cell(c.text)} | {ev} |")
    else:
        lines.append("No claims found.")
    lines.append("")

    lines += ["## Article", ""]
    lines.append("> **Legend:** \\[**A:id** …\\] attributed to a source · \\[**S:id** …\\] asserted in the "
                 "outlet's own voice · *cue* reporting cue · **+** after an id: the claim continues "
                 "after an overlapping one")
    lines.append("")
    for para in article(report):
        lines += [para, ""]

    missing = sp.ungrounded(report)
    if missing:
        lines += ["## Not found in the text", ""]
        for c in missing:
            lines.append(f"- **{c.id}** ({c.label}): “{cell(c.evidence.text)}”")
        lines.append("")
    from verifier.render.verdicts import markdown_lines

    lines += markdown_lines(report)
    if report.warnings:
        lines += ["## Warnings", ""]
        lines += [f"- {cell(w)}" for w in report.warnings]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
