"""Renderers on hand-built Reports: terminal text, Markdown, HTML.

The Reports come from tests/render_samples.py (every status, nested and
crossing evidence, an ungrounded claim, unicode, hostile markup), so these
tests do not move when the extractor or the checker change.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from rich.cells import cell_len

from render_samples import empty_report, ferry_report, hostile_report, long_report
from verifier.render import render_string
from verifier.render import spans as sp
from verifier.render.html import to_html
from verifier.render.markdown import to_markdown
from verifier.render.terminal import to_text

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
TAG = re.compile(r"\[[AS]:c\d+[ +]?")


@pytest.fixture(scope="module")
def ferry():
    return ferry_report()


@pytest.fixture(scope="module")
def hostile():
    return hostile_report()


# --- segmentation -------------------------------------------------------------

def test_segments_cut_at_every_boundary_and_cover_the_block(ferry):
    text = ferry.document.text
    for kind, start, end, claims, cues in sp.per_block(ferry):
        segs = sp.segments(ferry, start, end, claims, cues)
        assert segs[0].start == start and segs[-1].end == end
        assert all(a.end == b.start for a, b in zip(segs, segs[1:]))
        for seg in segs:
            covering = {c.id for c in sp.grounded(ferry)
                        if c.evidence.start <= seg.start and seg.end <= c.evidence.end}
            assert {c.id for c in seg.claims} == covering
    # the nested claim c6 inside c5 is covered by both
    c6 = next(c for c in ferry.claims if c.id == "c6")
    inner = [s for s in sp.segments(ferry, 0, len(text)) if s.start == c6.evidence.start]
    assert [c.id for c in inner[0].claims] == ["c5", "c6"]


def test_tokens_are_balanced_and_lose_no_text(ferry):
    text = ferry.document.text
    for kind, start, end, claims, cues in sp.per_block(ferry):
        stack, body = [], []
        for tok in sp.tokens(ferry, start, end, claims, cues):
            if tok.kind == "open":
                stack.append(tok.claim.id)
            elif tok.kind == "close":
                assert stack and stack.pop() == tok.claim.id, "close must match the innermost open"
            else:
                body.append(tok.text)
        assert stack == []
        assert "".join(body) == text[start:end]


def test_crossing_spans_close_and_reopen(ferry):
    md_tokens = list(sp.tokens(ferry, 0, len(ferry.document.text)))
    reopened = [t.claim.id for t in md_tokens if t.kind == "open" and t.cont]
    assert "c10" in reopened  # c10 starts inside c9 and outlives it
    assert "c7" in reopened   # c7 starts inside c5 and outlives it


# --- terminal ----------------------------------------------------------------

def _article_part(out: str) -> str:
    return out[out.index("ARTICLE"):out.index("NOT FOUND IN THE TEXT")]


def test_text_plain_has_no_ansi_and_shows_everything(ferry):
    out = to_text(ferry, color=False)
    assert not ANSI.search(out) and "\x1b" not in out
    assert out.splitlines()[0] == "Harbor Council Approves Ferry Plan"
    assert "11 claims: 7 attributed, 4 asserted" in out
    assert "2 disagreed" in out and "1 ungrounded" in out and "1 reviewed" in out
    assert "extractor llm (gpt-test)" in out
    for c in ferry.claims:
        assert re.search(rf"^{c.id}\s", out, re.M), f"{c.id} missing from the table"
    art = _article_part(out)
    assert "[A:c1 the city will buy four" in art
    assert "[S:c6 the crumbling pier at Nørrebro]" in art
    assert "*announced*" in art and "*According to*" in art
    assert "## Costs and Doubts" in art
    assert "Legend:" in art and "attributed to a source" in art
    assert "c11 attributed: “the mayor promised free rides on opening day”" in out
    assert "WARNINGS" in out


def test_text_article_round_trips_to_the_document(ferry):
    """Remove the markers and the article is the document text again."""
    art = _article_part(to_text(ferry, color=False, width=200))
    lines = art.splitlines()[3:]
    body = TAG.sub("", "\n".join(lines)).replace("]", "").replace("*", "").replace("## ", "")
    expected = " ".join(ferry.document.text.split())
    assert " ".join(body.split()) == expected


@pytest.mark.parametrize("width", [80, 100, 140])
def test_text_fits_the_width(ferry, width):
    out = to_text(ferry, color=False, width=width)
    too_long = [line for line in out.splitlines() if cell_len(line) > width]
    assert too_long == []
    if width >= 120:
        assert re.search(r"^id\s+label\s+speaker\s+cue\s+status\s+claim\s+evidence", out, re.M)
    else:
        assert re.search(r"^id\s+label\s+source\s+claim", out, re.M)


def test_text_color_uses_styles(ferry):
    out = to_text(ferry, color=True)
    assert ANSI.search(out)
    assert "\x1b[4" in out or ";4m" in out or "\x1b[4m" in out  # underline for attributed
    plain = ANSI.sub("", out)
    assert "[A:c1 the city will buy" in plain


def test_text_empty_and_long_reports():
    out = to_text(empty_report(), color=False)
    assert "No claims found." in out and "Nothing to see here." in out
    long = long_report(60)
    out = to_text(long, color=False, width=80)
    assert f"{len(long.claims)} claims" in out
    assert "[A:c119 the port handled 59 ships in week 59]" in " ".join(out.split())


def test_text_ungrounded_claims_are_not_drawn_in_the_article(ferry):
    art = _article_part(to_text(ferry, color=False))
    assert "c11" not in art


# --- Markdown ----------------------------------------------------------------

def _md_html(md: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(md)


def test_markdown_structure(ferry):
    md = to_markdown(ferry)
    assert md.startswith("# Harbor Council Approves Ferry Plan\n")
    for heading in ("## Claims", "## Article", "## Not found in the text", "## Warnings"):
        assert f"\n{heading}\n" in md
    rows = [line for line in md.splitlines() if line.startswith("| c")]
    assert len(rows) == len(ferry.claims)
    assert all(line.count(" | ") == 6 for line in rows)
    html = _md_html(md)
    assert html.count("<tr>") == len(ferry.claims) + 1
    assert "<h3>Costs and Doubts</h3>" in html
    assert "[<strong>A:c1</strong> the city will buy four electric ferries by 2027]" in html
    assert "<em>announced</em>" in html


def test_markdown_escapes_hostile_text(hostile):
    md = to_markdown(hostile)
    html = _md_html(md)
    # rendered with raw HTML allowed, still no live tags from the article
    html_raw = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    for rendered in (html, html_raw):
        assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
        assert "<a href" not in rendered
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in rendered
        assert "{{ user }}" in rendered and "{% if %}" in rendered
        assert "*star*" in rendered and "_under_" in rendered and "`tick`" in rendered
    # the table keeps its seven columns despite pipes in the text
    assert html.count("<td>") == 7 * len(hostile.claims)


# --- HTML ----------------------------------------------------------------------

VOID = {"meta", "br", "input", "img", "link", "hr", "wbr", "source", "area", "base", "col", "embed", "track"}


class Tree(HTMLParser):
    """Checks nesting and collects what a browser would show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.article_text: list[str] = []
        self.title = ""
        self.scripts: list[str] = []
        self._in_article = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in VOID:
            if tag == "br" and self._in_article and not self._skip:
                self.article_text.append("\n")
            return
        self.stack.append(tag)
        if attrs.get("id") == "article":
            self._in_article = len(self.stack)
        elif self._in_article and ("tag" in (attrs.get("class") or "").split() or tag == "section"):
            self._skip += 1
            self.stack[-1] = tag + "#skip"

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack:
            self.errors.append(f"stray </{tag}>")
            return
        top = self.stack.pop()
        if top.split("#")[0] != tag:
            self.errors.append(f"</{tag}> closes <{top}>")
        if top.endswith("#skip"):
            self._skip -= 1
        if self._in_article and len(self.stack) < self._in_article:
            self._in_article = 0
        if self._in_article and tag in ("p", "h2"):
            self.article_text.append("\n\n")

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.title += data
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        if self._in_article and not self._skip:
            self.article_text.append(data)


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert t.errors == [] and t.stack == [], (t.errors, t.stack)
    return t


def test_html_parses_and_is_self_contained(ferry):
    html = to_html(ferry)
    assert html.startswith("<!DOCTYPE html>")
    tree = parse(html)
    names = [t for t, _ in tree.tags]
    assert names.count("script") == 1 and names.count("style") == 1
    for tag, attrs in tree.tags:
        assert "src" not in attrs, tag
        if tag == "link":
            pytest.fail("no external stylesheets")
        href = attrs.get("href") or ""
        assert not href or href.startswith("#"), href
    csp = next(a for t, a in tree.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp["content"]
    assert not re.search(r"https?://", html.replace("http://e.x", ""))
    assert tree.title == "Harbor Council Approves Ferry Plan · verifier"


def test_html_contains_every_claim_with_details(ferry):
    html = to_html(ferry)
    tree = parse(html)
    rows = [a for t, a in tree.tags if t == "tr" and "data-k" in a]
    cards = [a for t, a in tree.tags if t == "section" and "card" in (a.get("class") or "")]
    assert [a["data-status"] for a in rows] == [c.status for c in ferry.claims]
    assert [a["data-id"] for a in cards] == [c.id for c in ferry.claims]
    for c in ferry.claims:
        assert c.text.replace("'", "&#x27;") in html
    c4 = html[html.index('data-id="c4"'):]
    c4 = c4[:c4.index("</section>")]
    assert "Extractor</dt><dd>asserted" in c4 and "Checker</dt><dd>attributed" in c4
    assert "pronoun &#x27;She&#x27; resolved to &#x27;Mayor Lena Okafor&#x27;" in c4
    assert "st-disagreed" in c4
    assert 'class="badge amb"' in html  # c6 is ambiguous
    assert "Review</dt><dd>accept · editor" in html
    # evidence highlighted by label; the stretch covered by c5 and c6 marks both
    segs = [a for t, a in tree.tags if t == "span" and "ev" in (a.get("class") or "").split()]
    labels = {k for a in segs for k in a["class"].split()}
    assert {"at", "as", "mix", "deep"} <= labels
    assert any(a["data-k"] == "4 5" and "mix" in a["class"] for a in segs)
    assert any("c5 · attributed — Critics (said)" in a["title"] for a in segs)
    # the ungrounded claim is listed, not highlighted
    assert not any("10" in a["data-k"].split() for a in segs)
    assert "Not found in the text" in html


def test_html_article_text_is_the_document(ferry):
    tree = parse(to_html(ferry))
    shown = "".join(tree.article_text)
    assert " ".join(shown.split()) == " ".join(ferry.document.text.split())


def test_html_escapes_everything(hostile):
    html = to_html(hostile)
    tree = parse(html)
    names = [t for t, _ in tree.tags]
    assert names.count("script") == 1 and "img" not in names and "b" in names  # <b> only from our own markup
    assert "The &lt;b&gt;spokesman&lt;/b&gt;" in html
    assert "textarea" not in names and "title" in names and names.count("title") == 1
    assert tree.title == '<title>{{ title }}</title> & "quotes" · verifier'
    assert "<script>alert" not in html and "</script><img" not in html
    shown = "".join(tree.article_text)
    assert '<script>alert("x")</script> & {{ user }} {% if %}' in shown
    assert '"</script><img src=x onerror=alert(1)>" was {{ not }} a template' in shown
    assert "&lt;i&gt;x&lt;/i&gt; {{ r }}" in html
    assert "&lt;script&gt;warn()&lt;/script&gt; {{ w }}" in html
    # our own script is intact and holds no article data
    assert "{{" not in tree.scripts[0] and "alert" not in tree.scripts[0]


def test_html_empty_and_long_reports():
    html = to_html(empty_report())
    parse(html)
    assert "No claims found." in html and "Nothing to see here." in html
    long = long_report(60)
    tree = parse(to_html(long))
    assert sum(1 for t, a in tree.tags if t == "tr" and "data-k" in a) == len(long.claims)


def test_render_string_dispatches_every_format(ferry):
    assert render_string(ferry, "text") == to_text(ferry, color=False)
    assert render_string(ferry, "markdown") == to_markdown(ferry)
    assert render_string(ferry, "html") == to_html(ferry)


def test_reports_without_blocks_fall_back_to_blank_line_paragraphs(ferry):
    bare = ferry.model_copy(update={"document": ferry.document.model_copy(update={"blocks": []})})
    assert [k for k, _, _ in sp.blocks(bare)] == ["paragraph"] * 5
    art = _article_part(to_text(bare, color=False, width=200))
    assert "[A:c1 the city will buy four electric ferries by 2027]" in art
    tree = parse(to_html(bare))
    assert " ".join("".join(tree.article_text).split()) == " ".join(ferry.document.text.split())
