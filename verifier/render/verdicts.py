"""Verification verdicts (Report.verification, `verifier verify`) for the
terminal, Markdown and HTML renderers: each attributed claim beside its
source passage, the differing words marked, the reasons; then the asserted
claims that need independent sourcing. The renderers call these with one
line each; nothing is printed when a Report has no verification."""

from __future__ import annotations

from html import escape

from verifier.schemas import ClaimCheck, Report, Verification

VERDICT_STYLE = {"verbatim": "bold green", "supported": "green", "altered": "bold red", "mismatch": "bold red",
                 "wrong_speaker": "bold red", "not_found": "yellow"}
VERDICT_CLASS = {"verbatim": "ok", "supported": "ok", "altered": "bad", "mismatch": "bad", "wrong_speaker": "bad",
                 "not_found": "warn"}


def _one(s: str | None, n: int = 240) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _where(v: Verification, c: ClaimCheck) -> str:
    if c.passage is None:
        return "no passage"
    src = v.sources[c.passage.source].name if c.passage.source < len(v.sources) else f"source {c.passage.source}"
    who = f", {c.passage.speaker}" if c.passage.speaker else ""
    return f"{src} {c.passage.start}-{c.passage.end}{who}"


def _diff_words(c: ClaimCheck) -> tuple[set[str], set[str]]:
    """Folded words to mark on the claim side and on the source side."""
    from verifier.verify.text import words

    mine, theirs = set(), set()
    for d in c.differences:
        if d.kind == "stitched":
            continue
        mine |= set(words(d.claim or ""))
        theirs |= set(words(d.source or ""))
    return mine - theirs, theirs - mine


def summary(v: Verification) -> str:
    counts = ", ".join(f"{n} {k}" for k, n in v.counts.items() if n)
    return f"{len(v.checks)} attributed claims checked against {len(v.sources)} source(s): {counts or 'none'}"


# --- terminal ------------------------------------------------------------------
def terminal_items(report: Report, plain: bool) -> list:
    from rich.text import Text

    v = report.verification
    if v is None:
        return []
    items: list = [Text(" VERIFICATION AGAINST SOURCES " if plain else " Verification against sources ",
                        style="" if plain else "bold reverse"), Text(summary(v)), Text()]
    for c in v.checks:
        line = Text(f"{c.claim_id:<5} ", style="" if plain else "bold")
        line.append(f"{c.verdict:<14}", style="" if plain else VERDICT_STYLE[c.verdict])
        line.append(f"{c.kind} · {c.speaker or '—'}" + (" · model judge" if c.method == "judge" else ""))
        items.append(("prose", line))
        items.append(("prose", Text(f"      claim:   “{_one(c.compared)}”")))
        if c.passage is not None:
            items.append(("prose", Text(f"      source:  “{_one(c.passage.text)}” ({_where(v, c)})")))
        for r in c.reasons:
            items.append(("prose", Text(f"      why:     {_one(r, 400)}", style="" if plain else "dim")))
        items.append(Text())
    items.extend(_asserted_terminal(v, plain))
    return items


def _asserted_terminal(v: Verification, plain: bool) -> list:
    from rich.text import Text

    if not v.asserted:
        return []
    out: list = [Text(" NEEDS INDEPENDENT SOURCING " if plain else " Needs independent sourcing ",
                      style="" if plain else "bold reverse")]
    for a in v.asserted:
        lean = f" (leans on {', '.join(a.leans_on)}: {'; '.join(a.reasons)})" if a.leans_on else ""
        out.append(("prose", Text(f"{a.claim_id:<5} asserted: the outlet's own claim{lean}")))
    out.append(Text())
    return out


# --- Markdown --------------------------------------------------------------------
def _md(s: str | None) -> str:
    return _one(s).replace("|", "\\|").replace("<", "&lt;")


def markdown_lines(report: Report) -> list[str]:
    v = report.verification
    if v is None:
        return []
    lines = ["## Verification against sources", "", summary(v), "",
             "| claim | verdict | the article says | the source says | why |", "|---|---|---|---|---|"]
    for c in v.checks:
        src = f"“{_md(c.passage.text)}” ({_md(_where(v, c))})" if c.passage else "—"
        verdict = c.verdict + (" (model judge)" if c.method == "judge" else "")
        lines.append(f"| {c.claim_id} | **{verdict}** | “{_md(c.compared)}” | {src} | {_md('; '.join(c.reasons))} |")
    lines.append("")
    if v.asserted:
        lines += ["### Needs independent sourcing", ""]
        for a in v.asserted:
            lean = f": leans on {', '.join(a.leans_on)} ({_md('; '.join(a.reasons))})" if a.leans_on else ""
            lines.append(f"- **{a.claim_id}**: the outlet's own claim{lean}")
        lines.append("")
    return lines


# --- HTML ------------------------------------------------------------------------
_CSS = """
.verify table{border-collapse:collapse;width:100%}.verify td{vertical-align:top;padding:.4em;border-top:1px solid #ddd}
.verify .side{display:grid;grid-template-columns:1fr 1fr;gap:.6em}.verify .side>div{overflow-wrap:anywhere}
.verify mark.d{background:#ffd6d6}.verify mark.s{background:#d6ecff}.verify .v{font-weight:bold}
.verify .ok{color:#176b2c}.verify .bad{color:#b3261e}.verify .warn{color:#8a5a00}.verify .why{color:#555;font-size:.9em}
@media (max-width:640px){.verify .side{grid-template-columns:1fr}}
"""


def _marked(text: str, marks: set[str], cls: str) -> str:
    from verifier.verify.text import tokens

    out, pos = [], 0
    for t in tokens(text):
        if t.norm in marks:
            out.append(escape(text[pos:t.start]) + f'<mark class="{cls}">{escape(text[t.start:t.end])}</mark>')
            pos = t.end
    out.append(escape(text[pos:]))
    return "".join(out)


def html_section(report: Report) -> str:
    v = report.verification
    if v is None:
        return ""
    rows = []
    for c in v.checks:
        mine, theirs = _diff_words(c)
        src = (f'{_marked(c.passage.text, theirs, "s")}<div class="why">{escape(_where(v, c))}</div>'
               if c.passage else "<i>no passage</i>")
        for extra in c.also:
            src += f'<div>{escape(extra.text)}</div><div class="why">{extra.start}-{extra.end}</div>'
        judge = " (model judge)" if c.method == "judge" else ""
        rows.append(
            f'<tr id="verify-{escape(c.claim_id)}"><td><a href="#{escape(c.claim_id)}">{escape(c.claim_id)}</a></td>'
            f'<td class="v {VERDICT_CLASS[c.verdict]}">{escape(c.verdict)}{judge}</td><td><div class="side">'
            f'<div>“{_marked(c.compared, mine, "d")}”</div><div>{src}</div></div>'
            f'<div class="why">{escape("; ".join(c.reasons))}</div></td></tr>')
    asserted = "".join(
        f'<li><a href="#{escape(a.claim_id)}">{escape(a.claim_id)}</a>: the outlet\'s own claim'
        + (f", leans on {escape(', '.join(a.leans_on))} ({escape('; '.join(a.reasons))})" if a.leans_on else "")
        + "</li>" for a in v.asserted)
    return (f'<section class="verify"><style>{_CSS}</style><h2 class="sec">Verification against sources</h2>'
            f"<p>{escape(summary(v))}. Left: the article's words, right: the source passage; "
            f'<mark class="d">differing words</mark> in the claim, <mark class="s">in the source</mark>.</p>'
            f'<table><tbody>{"".join(rows)}</tbody></table>'
            + (f"<h3>Needs independent sourcing</h3><ul>{asserted}</ul>" if asserted else "") + "</section>")
