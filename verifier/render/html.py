"""A Report as one self-contained HTML page.

The article is highlighted by label (attributed / asserted; overlapping
evidence is cut at every boundary, so a stretch covered by several claims
shows all of them), cue words are marked, and each claim's details (claim
text, label, speaker, cue, status, the extractor's and the checker's
opinions, the checker's reasons) show on hover (tooltip) and on click (side
panel). The claim table below can be sorted and filtered. CSS and JS are
inline, a Content-Security-Policy forbids any network access, and every
string from the article or the model is HTML-escaped: nothing is templated.
`page.html#c3` opens with claim c3 selected. Printing shows every claim's
details after the table.

The page is built by progressive enhancement: without JavaScript every
claim's details are a section of their own after the table, each with the
claim id as its anchor (`#c3` links in the article and the table jump to
it, and `:target` marks it); the script, when it runs, marks the page
`js`, hides that list and shows the details in the side panel instead (a
bottom sheet on a phone). Below 640 px the claim table turns into one
block per claim, so nothing is wider than the screen.
"""

from __future__ import annotations

from html import escape as _esc

from verifier.render import spans as sp
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


_CSS = r"""
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;
--at:#1d4ed8;--at-bg:#dbeafe;--at-bg2:#bfdbfe;--as:#b45309;--as-bg:#fef3c7;--as-bg2:#fde68a;
--cue:#7e22ce;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--sel:#111827}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;
--at:#79b8ff;--at-bg:#0c2d6b;--at-bg2:#1e40af;--as:#f0b357;--as-bg:#4a3000;--as-bg2:#6b4500;--cue:#d2a8ff;
--ok:#3fb950;--bad:#f85149;--warn:#d29922;--sel:#f0f6fc}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1240px;padding:24px 28px 40px;color:var(--fg);background:var(--bg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.kicker{margin:0;color:var(--muted);font-size:12px;letter-spacing:.08em;text-transform:uppercase}
h1{margin:2px 0 4px;font:700 28px/1.25 Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
.meta{margin:0 0 10px;color:var(--muted);overflow-wrap:anywhere}
.chips{margin:0;display:flex;flex-wrap:wrap;gap:6px}
.chip{border:1px solid var(--line);border-radius:999px;padding:1px 10px;font-size:13px;background:var(--panel)}
.chip.at{color:var(--at);border-color:currentColor}.chip.as{color:var(--as);border-color:currentColor}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin:16px 0 0;padding:8px 12px;
border:1px solid var(--line);border-radius:8px;background:var(--panel);font-size:13px}
.legend .hint{color:var(--muted)}
.sw{display:inline-block;width:28px;height:14px;border-radius:3px;vertical-align:-2px}
.sw.at{background:var(--at-bg);border-bottom:2px solid var(--at)}
.sw.as{background:var(--as-bg);border-bottom:2px dashed var(--as)}
.sw.mix{background:linear-gradient(var(--at-bg) 50%,var(--as-bg) 50%);border-bottom:2px solid var(--at)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:28px;margin-top:18px;align-items:start}
#article{font:17px/1.75 Georgia,"Times New Roman",serif;max-width:760px;min-width:0;overflow-wrap:break-word}
#article p{margin:0 0 1em}
#article h2{font:700 20px/1.3 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.4em 0 .5em}
.ev{border-radius:3px;padding:1px 0;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.ev.at{background:var(--at-bg);border-bottom:2px solid var(--at)}
.ev.as{background:var(--as-bg);border-bottom:2px dashed var(--as)}
.ev.mix{background:linear-gradient(var(--at-bg) 50%,var(--as-bg) 50%);border-bottom:2px solid var(--at)}
.ev.at.deep{background:var(--at-bg2)}.ev.as.deep{background:var(--as-bg2)}
.ev.hot.at,.ev.sel.at{background:var(--at-bg2)}.ev.hot.as,.ev.sel.as{background:var(--as-bg2)}
.ev.sel{border-bottom:3px solid var(--sel);box-shadow:0 -1px 0 var(--sel) inset}
.ev.sel.mix{background:linear-gradient(var(--at-bg2) 50%,var(--as-bg2) 50%)}
.cue{color:var(--cue);font-weight:700;text-decoration:underline dotted;text-underline-offset:3px}
.tag{font:600 10px/1 system-ui,sans-serif;vertical-align:super;text-decoration:none;margin:0 2px 0 1px;
padding:1px 3px;border-radius:3px;color:#fff}
.tag.at{background:var(--at)}.tag.as{background:var(--as)}
@media (prefers-color-scheme:dark){.tag{color:#0d1117}}
#panel{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;border:1px solid var(--line);
border-radius:10px;background:var(--panel);padding:14px 16px;font-size:14px}
#panel .empty{color:var(--muted);margin:0}
.card{border-top:1px solid var(--line);padding:10px 0}
.card:first-child{border-top:0;padding-top:0}
.card header{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.cid{font-size:15px;margin-right:2px}
.card .claim{font-weight:600;margin:8px 0 6px;overflow-wrap:anywhere}
.card blockquote{margin:0;padding:4px 10px;border-left:3px solid var(--line);font-family:Georgia,serif;color:var(--fg);overflow-wrap:anywhere}
.card blockquote.missing{border-left-color:var(--warn)}
.card .where{margin:4px 0 8px;color:var(--muted);font-size:12px}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:3px 10px;margin:0}
.card dt{color:var(--muted)}.card dd{margin:0;overflow-wrap:anywhere}
.reasons{margin:4px 0 0;padding-left:18px;color:var(--muted)}
.badge{display:inline-block;font-size:12px;line-height:1.5;padding:0 7px;border-radius:999px;border:1px solid currentColor;white-space:nowrap}
.badge.at{color:var(--at)}.badge.as{color:var(--as)}
.st-agreed{color:var(--ok)}.st-disagreed{color:var(--bad);font-weight:700}.st-ungrounded{color:var(--warn)}.st-needs-review{color:var(--warn);font-weight:700}
.st-reviewed{color:var(--at)}.st-checked{color:var(--muted)}.badge.amb{color:var(--cue)}
.missing-box,.warnings{border:1px dashed var(--warn);border-radius:8px;padding:8px 14px;margin:18px 0;
font:14px/1.5 system-ui,sans-serif}
.missing-box h3,.warnings h3{margin:.2em 0;font-size:15px}
.missing-box ul{padding-left:18px}.missing-box li{cursor:pointer}
.missing{color:var(--warn)}
.missing-box a{color:inherit;font-weight:600}
h2.sec{font-size:20px;margin:34px 0 8px}
.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin-bottom:8px;font-size:14px}
.filters select,.filters input{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:6px;
background:var(--bg);color:var(--fg)}
.filters input{width:260px;max-width:100%}
#f-count{color:var(--muted)}
#claims{width:100%;border-collapse:collapse;font-size:14px}
#claims td{overflow-wrap:anywhere}
#claims th,#claims td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
#claims th{position:sticky;top:0;background:var(--panel);cursor:pointer;user-select:none;white-space:nowrap}
#claims th[aria-sort=ascending]::after{content:" ▲"}#claims th[aria-sort=descending]::after{content:" ▼"}
#claims tbody tr{cursor:pointer}
#claims tbody tr:hover{background:var(--panel)}
#claims tr.sel{background:var(--panel);box-shadow:inset 3px 0 0 var(--sel)}
#claims td.evx{color:var(--muted);font-family:Georgia,serif}
#claims a{color:inherit;font-weight:600}
.js #cards,html:not(.js) #panel,html:not(.js) .filters,.js .no-js,html:not(.js) .js-only{display:none}
html:not(.js) .layout{grid-template-columns:minmax(0,1fr)}
html:not(.js) #claims th,html:not(.js) #claims tbody tr{cursor:auto}
#cards .card{scroll-margin-top:12px}
#cards .card:target{outline:3px solid var(--sel);outline-offset:4px;border-radius:4px}
footer{margin-top:32px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px;overflow-wrap:anywhere}
#panel-close{display:none;float:right;border:0;background:none;color:var(--muted);font-size:22px;line-height:1;cursor:pointer;padding:0 2px}
@media (max-width:900px){.layout{grid-template-columns:1fr}#panel{position:static;max-height:none}
#panel.open{position:fixed;left:0;right:0;bottom:0;top:auto;max-height:50vh;z-index:10;border-radius:12px 12px 0 0;
box-shadow:0 -6px 24px rgba(0,0,0,.25)}#panel.open #panel-close{display:block}
body{padding:16px}#claims td:nth-child(7),#claims th:nth-child(7){display:none}}
@media (max-width:640px){
h1{font-size:24px}
#claims,#claims thead,#claims tbody{display:block}
#claims thead tr{display:flex;flex-wrap:wrap;gap:4px 6px;margin-bottom:4px}
#claims th{position:static;border:1px solid var(--line);border-radius:999px;padding:0 10px;font-size:13px;font-weight:400}
#claims tbody tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px;padding:8px 4px;border-bottom:1px solid var(--line)}
#claims tbody tr[hidden]{display:none}
#claims td{display:block;padding:0;border:0;min-width:0;max-width:100%}
#claims td.nil{display:none}
#claims td[data-h]::before{content:attr(data-h) " ";color:var(--muted);font-size:12px}
#claims td:nth-child(6){flex:1 1 100%}
}
@media print{
body{max-width:none;padding:0;font-size:11pt;color:#000;background:#fff}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.legend .hint,#panel,.filters{display:none}
.layout{display:block}#article{max-width:none;font-size:12pt}
.filters,html:not(.js) .filters{display:none}
#claims tr{break-inside:avoid}#claims tr[hidden]{display:table-row}
#claims th{position:static}
.js #cards,#cards{display:block}.card{break-inside:avoid}#cards .card:target{outline:0}
a{color:inherit;text-decoration:none}
}
"""

_JS = r"""
(function(){
"use strict";
document.documentElement.classList.add("js");
if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",init);else init();
function init(){
var cards={},byId={};
document.querySelectorAll("#cards .card").forEach(function(c){cards[c.dataset.k]=c;byId[c.dataset.id]=c.dataset.k;});
var panel=document.getElementById("panel-body");
function segs(k){return document.querySelectorAll('#article .ev[data-k~="'+k+'"]');}
function rows(k){return document.querySelectorAll('#claims tbody tr[data-k="'+k+'"]');}
function clear(cls){document.querySelectorAll("."+cls).forEach(function(e){e.classList.remove(cls);});}
function show(ks,scroll){
  clear("sel");
  if(!ks.length)return;
  panel.innerHTML="";
  document.getElementById("panel").classList.add("open");
  ks.forEach(function(k){
    if(cards[k]){var c=cards[k].cloneNode(true);c.removeAttribute("id");panel.appendChild(c);}
    segs(k).forEach(function(e){e.classList.add("sel");});
    rows(k).forEach(function(e){e.classList.add("sel");});
  });
  if(scroll){var s=segs(ks[0]);if(s.length&&!inView(s[0]))s[0].scrollIntoView({block:"center",behavior:"smooth"});}
}
document.getElementById("panel-close").addEventListener("click",function(){
  document.getElementById("panel").classList.remove("open");clear("sel");});
function inView(e){
  var r=e.getBoundingClientRect(),h=window.innerHeight*(window.matchMedia("(max-width:900px)").matches?0.5:1);
  return r.top>=0&&r.bottom<=h;
}
function hot(ks,on){ks.forEach(function(k){segs(k).forEach(function(e){e.classList.toggle("hot",on);});});}
var art=document.getElementById("article");
art.addEventListener("click",function(ev){
  var t=ev.target.closest("[data-k]");if(!t)return;
  ev.preventDefault();
  var ks=t.dataset.k.split(" ").reverse();
  show(ks,false);
  var c=cards[ks[0]];if(c)history.replaceState(null,"","#"+encodeURIComponent(c.dataset.id));
});
art.addEventListener("mouseover",function(ev){var t=ev.target.closest(".ev,.tag");if(t)hot(t.dataset.k.split(" "),true);});
art.addEventListener("mouseout",function(ev){var t=ev.target.closest(".ev,.tag");if(t)hot(t.dataset.k.split(" "),false);});
var tbody=document.querySelector("#claims tbody");
if(tbody){
  tbody.addEventListener("click",function(ev){
    var tr=ev.target.closest("tr");if(!tr)return;ev.preventDefault();
    show([tr.dataset.k],true);
    var c=cards[tr.dataset.k];if(c)history.replaceState(null,"","#"+encodeURIComponent(c.dataset.id));
  });
  tbody.addEventListener("keydown",function(ev){if(ev.key==="Enter"){var tr=ev.target.closest("tr");if(tr)tr.click();}});
  var ths=document.querySelectorAll("#claims th");
  ths.forEach(function(th,i){th.addEventListener("click",function(){
    var asc=th.getAttribute("aria-sort")!=="ascending";
    ths.forEach(function(h){h.removeAttribute("aria-sort");});
    th.setAttribute("aria-sort",asc?"ascending":"descending");
    var num=th.dataset.t==="n";
    var list=Array.prototype.slice.call(tbody.rows);
    list.sort(function(a,b){
      var x=a.cells[i],y=b.cells[i];
      var u=x.dataset.v!==undefined?x.dataset.v:x.textContent,v=y.dataset.v!==undefined?y.dataset.v:y.textContent;
      var r=num?(parseFloat(u)-parseFloat(v)):u.localeCompare(v);
      return asc?r:-r;
    });
    list.forEach(function(r){tbody.appendChild(r);});
  });});
  var fl=document.getElementById("f-label"),fs=document.getElementById("f-status"),ft=document.getElementById("f-text"),
      fc=document.getElementById("f-count");
  function filter(){
    var q=ft.value.trim().toLowerCase(),n=0;
    Array.prototype.forEach.call(tbody.rows,function(r){
      var ok=(!fl.value||r.dataset.label===fl.value)&&(!fs.value||r.dataset.status===fs.value)&&
             (!q||r.textContent.toLowerCase().indexOf(q)>=0);
      r.hidden=!ok;if(ok)n++;
    });
    fc.textContent=n+" of "+tbody.rows.length+" shown";
  }
  [fl,fs].forEach(function(e){e.addEventListener("change",filter);});
  ft.addEventListener("input",filter);
  filter();
}
document.querySelectorAll(".missing-box li").forEach(function(li){
  li.addEventListener("click",function(ev){ev.preventDefault();show([li.dataset.k],false);
    document.getElementById("panel").scrollIntoView({block:"nearest"});});
});
function fromHash(){
  var id=decodeURIComponent(location.hash.slice(1));
  if(id&&byId[id]!==undefined)show([byId[id]],true);
}
window.addEventListener("hashchange",fromHash);
fromHash();
}
})();
"""


def _slug(status: str) -> str:
    """A status as one CSS class name: 'needs review' -> 'needs-review'."""
    return esc(status.replace(" ", "-"))
