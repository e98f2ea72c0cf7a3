"""A Report as one self-contained HTML page.

The article is highlighted by label (attributed / asserted; overlapping
evidence is cut at every boundary, so a stretch covered by several claims
shows all of them), cue words are marked, and each claim's details (claim
text, label, speaker, cue, status, the extractor's and the checker's
opinions, the checker's reasons) show on hover (tooltip) and on click (side
panel). The claim table below can be sorted and filtered. CSS and JS are
inline, a Content-Security-Policy forbids any network access, and every
string from the article or the model is HTML-escaped: nothing is templated;
its control characters and bidi overrides are shown as visible characters
(verifier/render/safe.py), so neither a browser nor a terminal obeys them.
`page.html#c3` opens with claim c3 selected. Printing shows every claim's
details after the table.

The page is built by progressive enhancement: without JavaScript every
claim's details are a section of their own after the table, each with the
claim id as its anchor (`#c3` links in the article and the table jump to
it, and `:target` marks it); the script, when it runs, marks the page
`js`, hides that list and shows the details in the side panel instead (a
bottom sheet on a phone). Below 640 px the claim table turns into one
block per claim, so nothing is wider than the screen. The stylesheet and
the script live in verifier/render/html_assets.py.
"""

from __future__ import annotations

from html import escape as _esc

from verifier.render import spans as sp
from verifier.render.html_assets import CSS as _CSS, JS as _JS
from verifier.render.safe import safe_report
from verifier.render.verdicts import html_section as _verdicts_html
from verifier.schemas import Claim, Report

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def esc(s: object) -> str:
    return _esc("" if s is None else str(s), quote=True)


def _tip(c: Claim) -> str:
    who = ""
    if c.label == "attributed":
        who = f" — {sp.one_line(c.speaker) or 'unnamed source'}"
        if c.cue:
            who += f" ({sp.one_line(c.cue)})"
    return f"{c.id} · {c.label}{who} · {sp.status_text(c)}: {sp.one_line(c.text)}"


def _article(report: Report, index: dict[int, int]) -> str:
    text = report.document.text
    starts: dict[int, list[Claim]] = {}
    for c in sp.grounded(report):
        starts.setdefault(c.evidence.start, []).append(c)  # type: ignore[arg-type]
    out: list[str] = []
    for kind, start, end, claims, cues in sp.per_block(report):
        parts: list[str] = []
        for seg in sp.segments(report, start, end, claims, cues):
            for c in sorted(starts.get(seg.start, []), key=lambda c: -(c.evidence.end or 0)):
                parts.append(f'<a class="tag {c.label[:2]}" href="#{esc(c.id)}" data-k="{index[id(c)]}" '
                             f'title="{esc(_tip(c))}">{esc(c.id)}</a>')
            s = text[seg.start:seg.end]
            if kind == "heading" and seg.start == start:
                s = s.lstrip("#").lstrip()
            body = esc(s).replace("\n", "<br>")
            if seg.cue:
                body = f'<span class="cue">{body}</span>'
            if seg.claims:
                labels = {c.label for c in seg.claims}
                cls = ["ev"]
                cls.append("mix" if len(labels) > 1 else ("at" if "attributed" in labels else "as"))
                if len(seg.claims) > 1:
                    cls.append("deep")
                ks = " ".join(str(index[id(c)]) for c in seg.claims)
                tip = "\n".join(_tip(c) for c in reversed(seg.claims))
                body = f'<span class="{" ".join(cls)}" data-k="{ks}" title="{esc(tip)}">{body}</span>'
            parts.append(body)
        inner = "".join(parts)
        if kind == "heading":
            out.append(f"<h2>{inner}</h2>")
        else:
            out.append(f"<p>{inner}</p>")
    return "\n".join(out)


def _opinion_rows(c: Claim) -> str:
    ex = c.extractor
    rows = []
    ex_label = ex.label or "no label of its own"
    ex_bits = [esc(ex_label)]
    if ex.speaker:
        ex_bits.append(f"speaker {esc(ex.speaker)}")
    if ex.cue:
        ex_bits.append(f"cue “{esc(ex.cue)}”")
    rows.append(f"<dt>Extractor</dt><dd>{' · '.join(ex_bits)}</dd>")
    if c.checker is None:
        rows.append("<dt>Checker</dt><dd>not run: the evidence was not found in the text</dd>")
    else:
        v = c.checker
        bits = [esc(v.label)]
        if v.speaker:
            bits.append(f"speaker {esc(v.speaker)}")
        if v.cue:
            bits.append(f"cue “{esc(v.cue)}”")
        if v.quote != "none":
            bits.append(f"{esc(v.quote)} quote")
        rows.append(f"<dt>Checker</dt><dd>{' · '.join(bits)}")
        if v.reasons:
            rows.append("<ul class=\"reasons\">" + "".join(f"<li>{esc(r)}</li>" for r in v.reasons) + "</ul>")
        rows.append("</dd>")
    return "".join(rows)


def _card(c: Claim, k: int) -> str:
    flags = [f'<span class="badge {c.label[:2]}">{esc(c.label)}</span>',
             f'<span class="badge st-{_slug(c.status)}">{esc(c.status)}</span>']
    if c.ambiguous:
        flags.append('<span class="badge amb">ambiguous</span>')
    if c.evidence.grounded:
        ev = f"<blockquote>{esc(c.evidence.text)}</blockquote>"
        where = f"characters {c.evidence.start}–{c.evidence.end}, {esc(c.evidence.match)} match"
    else:
        ev = f'<blockquote class="missing">{esc(c.evidence.text)}</blockquote>'
        where = "not found in the text"
    dl = []
    if c.label == "attributed":
        dl.append(f"<dt>Speaker</dt><dd>{esc(c.speaker) or 'an unnamed source'}</dd>")
        dl.append(f"<dt>Cue</dt><dd>{esc(c.cue) or '—'}" + (f" ({esc(c.quote)} quote)" if c.quote != "none" else "") + "</dd>")
    else:
        dl.append("<dt>Voice</dt><dd>the outlet's own</dd>")
    dl.append(_opinion_rows(c))
    if c.review is not None:
        r = c.review
        bits = [esc(r.action)] + [esc(x) for x in (r.reviewer, r.at) if x]
        if r.note:
            bits.append(f"“{esc(r.note)}”")
        dl.append(f"<dt>Review</dt><dd>{' · '.join(bits)}</dd>")
    return (f'<section class="card" id="{esc(c.id)}" data-k="{k}" data-id="{esc(c.id)}">'
            f'<header><b class="cid">{esc(c.id)}</b>{"".join(flags)}</header>'
            f'<p class="claim">{esc(c.text)}</p>{ev}<p class="where">{where}</p>'
            f'<dl>{"".join(dl)}</dl></section>')


def _table(report: Report, index: dict[int, int]) -> str:
    rows = []
    for c in report.claims:
        k = index[id(c)]
        if c.evidence.grounded:
            ev = esc(sp.excerpt(c.evidence.text, 140))
        else:
            ev = f'<span class="missing">not found: {esc(sp.excerpt(c.evidence.text, 120))}</span>'
        num = sp._idnum(c.id)[0]
        amb = ' <span class="badge amb">ambiguous</span>' if c.ambiguous else ""
        rows.append(
            f'<tr data-k="{k}" data-label="{esc(c.label)}" data-status="{esc(c.status)}" tabindex="0">'
            f'<td data-v="{num}"><a href="#{esc(c.id)}">{esc(c.id)}</a></td>'
            f'<td><span class="badge {c.label[:2]}">{esc(c.label)}</span></td>'
            f"{_cell('speaker', c.speaker)}{_cell('cue', c.cue)}"
            f'<td data-v="{esc(c.status)}"><span class="badge st-{_slug(c.status)}">{esc(c.status)}</span>{amb}</td>'
            f"<td>{esc(c.text)}</td>"
            f'<td class="evx" data-v="{c.evidence.start if c.evidence.grounded else 10**9}">{ev}</td></tr>')
    return "\n".join(rows)


def _cell(name: str, value: str | None) -> str:
    if not value:
        return '<td class="nil">—</td>'
    return f'<td data-h="{name}">{esc(value)}</td>'


def _summary(report: Report) -> str:
    by_label, by_status = sp.counts(report)
    chips = [f'<span class="chip">{len(report.claims)} claims</span>']
    chips += [f'<span class="chip {k[:2]}">{v} {esc(k)}</span>' for k, v in by_label.items()]
    chips += [f'<span class="chip st-{_slug(k)}">{v} {esc(k)}</span>' for k, v in by_status.items()]
    return "".join(chips)


def _footer(report: Report) -> str:
    u = report.usage
    bits = [f"verifier {esc(report.verifier_version)}", f"extractor {esc(report.extractor)}"]
    if report.model:
        bits.append(f"model {esc(report.model)}")
    if report.prompt_version:
        bits.append(f"prompt {esc(report.prompt_version)}")
    if u.requests:
        bits.append(f"{u.requests} requests, {u.reasks} re-asks, {u.retries} retries, "
                    f"{u.total_tokens} tokens" + (f", cost {u.cost:.4f}" if u.cost is not None else ""))
    if "total" in report.timings:
        bits.append(f"{report.timings['total']:.2f} s")
    bits.append(f"sha256 {esc(report.document.hash)}")
    return " · ".join(bits)


def to_html(report: Report) -> str:
    report = safe_report(report)
    index = {id(c): k for k, c in enumerate(report.claims)}
    title = sp.title(report)
    meta = []
    if report.document.source:
        meta.append(esc("stdin" if report.document.source == "-" else report.document.source))
    ex = f"extractor <b>{esc(report.extractor)}</b>"
    if report.model:
        ex += f" · model <b>{esc(report.model)}</b>"
    meta.append(ex)
    missing = sp.ungrounded(report)
    missing_html = ""
    if missing:
        items = "".join(
            f'<li data-k="{index[id(c)]}"><a href="#{esc(c.id)}">{esc(c.id)}</a> '
            f'<span class="badge {c.label[:2]}">{esc(c.label)}</span> “{esc(sp.one_line(c.evidence.text))}”</li>'
            for c in missing)
        missing_html = (f'<section class="missing-box"><h3>Not found in the text</h3>'
                        f'<p>The evidence of these claims could not be located in the article.</p><ul>{items}</ul></section>')
    warnings_html = ""
    if report.warnings:
        warnings_html = ('<section class="warnings"><h3>Warnings</h3><ul>'
                         + "".join(f"<li>{esc(w)}</li>" for w in report.warnings) + "</ul></section>")
    statuses = sorted({c.status for c in report.claims}, key=lambda s: (sp.STATUS_ORDER + (s,)).index(s))
    status_opts = "".join(f'<option value="{esc(s)}">{esc(s)}</option>' for s in statuses)
    cards = "\n".join(_card(c, index[id(c)]) for c in report.claims)
    table = (
        '<table id="claims"><thead><tr>'
        '<th data-t="n">id</th><th>label</th><th>speaker</th><th>cue</th><th>status</th>'
        '<th>claim</th><th data-t="n">evidence</th></tr></thead>'
        f"<tbody>{_table(report, index)}</tbody></table>"
        if report.claims else '<p class="none">No claims found.</p>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="generator" content="verifier {esc(report.verifier_version)}">
<title>{esc(title)} · verifier</title>
<style>{_CSS}</style>
<script>{_JS}</script>
</head>
<body>
<header class="top">
<p class="kicker">verifier report</p>
<h1>{esc(title)}</h1>
<p class="meta">{" · ".join(meta)}</p>
<p class="chips">{_summary(report)}</p>
</header>
<div class="legend" aria-label="Legend">
<span><i class="sw at"></i> attributed to a source</span>
<span><i class="sw as"></i> asserted in the outlet's own voice</span>
<span><i class="sw mix"></i> overlapping claims</span>
<span><span class="cue">cue</span> reporting cue</span>
<span class="hint js-only">Hover highlighted text for a summary; click it, or a row of the table, for the claim's details.</span>
<span class="hint no-js">Each claim's id links to its details (both opinions and the checker's reasons) below the table.</span>
</div>
<main class="layout">
<article id="article">
{_article(report, index)}
{missing_html}
</article>
<aside id="panel" aria-live="polite">
<button type="button" id="panel-close" aria-label="Close details">×</button>
<div id="panel-body"><p class="empty">Click a highlighted passage or a table row to see the claim: its text, label, speaker, cue, status, the extractor's and the checker's opinions and the checker's reasons.</p></div>
</aside>
</main>
<section class="table-section">
<h2 class="sec">Claims</h2>
<div class="filters">
<label>Show <select id="f-label"><option value="">all labels</option><option value="attributed">attributed</option><option value="asserted">asserted</option></select></label>
<label><select id="f-status"><option value="">all statuses</option>{status_opts}</select></label>
<label><input id="f-text" type="search" placeholder="Search claims, speakers, cues…"></label>
<span id="f-count"></span>
</div>
{table}
</section>
{_verdicts_html(report)}
{warnings_html}
<section id="cards" aria-label="Claim details"><h2 class="sec">Claim details</h2>
{cards}
</section>
<footer>{_footer(report)}</footer>
</body>
</html>
"""


def _slug(status: str) -> str:
    """A status as one CSS class name: 'needs review' -> 'needs-review'."""
    return esc(status.replace(" ", "-"))
