"""The corpus report as one self-contained HTML page: charts are inline
SVG, styles inline; no script, font or image is fetched from anywhere."""

from __future__ import annotations

from html import escape

from verifier.corpus_report.aggregate import CorpusFigures, Tally

ATTR, ASSR, UNN = "#2f6db5", "#d9822b", "#7a5fb0"
_CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.2rem}table{border-collapse:collapse;margin:.6rem 0}
td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}
.note{color:#555;font-size:.9rem}svg{max-width:100%;height:auto}.k{display:inline-block;width:.8em;height:.8em;margin:0 .3em}
svg text{font:12px system-ui,sans-serif;fill:#222}"""


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def hbars(rows: list[tuple[str, float | None, str]], color: str, title: str, pct: bool = True) -> str:
    """Horizontal bars of shares (0..1), one per row: (label, share, note);
    `pct=False`: the bars are relative lengths, labelled by the note only."""
    w, lab, bar, h = 900, 220, 420, 22
    height = h * len(rows) + 30
    out = [f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {w} {height}" width="{w}" height="{height}" '
           f'xmlns="http://www.w3.org/2000/svg" class="chart">']
    for x in (0, .25, .5, .75, 1) if pct else ():
        gx = lab + bar * x
        out.append(f'<line x1="{gx:.1f}" y1="0" x2="{gx:.1f}" y2="{height - 20}" stroke="#e4e4e4"/>'
                   f'<text x="{gx:.1f}" y="{height - 6}" text-anchor="middle">{int(x * 100)}%</text>')
    for i, (label, share, note) in enumerate(rows):
        y = i * h + 4
        out.append(f'<text x="{lab - 8}" y="{y + 14}" text-anchor="end">{escape(label[:34])}</text>')
        if share is not None:
            out.append(f'<rect class="bar" x="{lab}" y="{y}" width="{bar * share:.1f}" height="{h - 6}" fill="{color}">'
                       f'<title>{escape(label)}: {_pct(share)} {escape(note)}</title></rect>')
        shown = f"{_pct(share)} {note}" if pct else note
        out.append(f'<text x="{lab + bar + 8}" y="{y + 14}">{escape(shown)}</text>')
    out.append("</svg>")
    return "".join(out)


def line_chart(points: list[tuple[str, Tally]], title: str) -> str:
    """Asserted share (and unnamed-source share) per period, as lines."""
    w, h, left, top, bottom = 760, 260, 50, 12, 50
    n = len(points)
    pw, ph = w - left - 20, h - top - bottom
    out = [f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
           f'xmlns="http://www.w3.org/2000/svg" class="chart">']
    for v in (0, .25, .5, .75, 1):
        y = top + ph * (1 - v)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - 20}" y2="{y:.1f}" stroke="#e4e4e4"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{int(v * 100)}%</text>')

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + (pw * (i + .5) / max(n, 1)), top + ph * (1 - v)

    for attr, color in (("asserted_share", ASSR), ("unnamed_share", UNN)):
        pts = [(i, getattr(t, attr)) for i, (_, t) in enumerate(points) if getattr(t, attr) is not None]
        if len(pts) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in pts))
            out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for i, v in pts:
            x, y = xy(i, v)
            out.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}">'
                       f'<title>{escape(points[i][0])}: {_pct(v)}</title></circle>')
    step = max(1, n // 12)
    for i, (label, _) in enumerate(points):
        if i % step == 0:
            x, _y = xy(i, 0)
            out.append(f'<text x="{x:.1f}" y="{h - bottom + 18}" text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)


def _table(head: list[str], rows: list[list]) -> str:
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _tally_rows(items: list[tuple[str, Tally]]) -> list[list]:
    return [[k, t.articles, t.claims, t.attributed, t.asserted, _pct(t.asserted_share), _pct(t.unnamed_share)]
            for k, t in items]


def to_html(fig: CorpusFigures, *, source: str, top: int = 20) -> str:
    t = fig.total
    outlets = sorted(fig.outlets.items(), key=lambda kv: (-kv[1].claims, kv[0]))
    periods = sorted(fig.periods.items())
    head = ["", "articles", "claims", "attributed", "asserted", "asserted share", "unnamed-source share"]
    speakers = fig.speakers.most_common(top)
    sp_rows = [[name, n, ", ".join(f"{cue} {k}" for cue, k in fig.cues[name].most_common(5))] for name, n in speakers]
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        '<meta name=viewport content="width=device-width, initial-scale=1">',
        f"<title>verifier corpus report: {escape(source)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Corpus report</h1><p class=note>{escape(source)}: {t.articles:,} articles checked"
        + (f", {fig.failed:,} failed" if fig.failed else "") + f"; {t.claims:,} claims, {t.attributed:,} attributed, "
        f"{t.asserted:,} asserted ({_pct(t.asserted_share)} asserted); unnamed sources behind "
        f"{_pct(t.unnamed_share)} of attributed claims.</p>",
        '<h2 id="outlets">Asserted share per outlet</h2>',
        hbars([(k, v.asserted_share, f"of {v.claims:,} claims") for k, v in outlets], ASSR, "asserted share per outlet"),
        '<h2 id="time">Over time</h2>',
        f'<p class=note><span class=k style="background:{ASSR}"></span>asserted share of claims '
        f'<span class=k style="background:{UNN}"></span>unnamed-source share of attributed claims, per {fig.period}</p>',
        line_chart(periods, "asserted and unnamed-source share over time"),
        '<h2 id="speakers">Most quoted speakers and how they are cued</h2>',
        hbars([(name, n / speakers[0][1], f"{n:,} claims") for name, n in speakers], ATTR, "most quoted speakers", pct=False)
        if speakers else "<p>No named speakers.</p>",
        _table(["speaker", "attributed claims", "cues (most used first)"], sp_rows),
        '<h2 id="unnamed">Unnamed sources per outlet</h2>',
        hbars([(k, v.unnamed_share, f"of {v.attributed:,} attributed") for k, v in outlets], UNN,
              "unnamed-source share per outlet"),
        "<p class=note>An unnamed source: an attributed claim with no speaker, or a speaker without a proper name "
        "(officials, a spokeswoman, analysts).</p>",
        '<h2 id="tables">Figures</h2>', _table(["outlet", *head[1:]], _tally_rows(outlets)),
        _table([fig.period, *head[1:]], _tally_rows(periods)),
        "</body></html>\n",
    ]
    return "\n".join(parts)
