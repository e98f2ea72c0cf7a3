"""The HTML report in a real headless Chromium: at a true 390 px phone
width (mobile emulation, so an overflowing page would widen the layout
viewport and show up in scrollWidth) and with JavaScript disabled.

Chromium is driven over the DevTools protocol through --remote-debugging-pipe
(NUL-separated JSON on file descriptors 3 and 4), so no websocket client or
browser-automation package is needed. The tests skip when no Chromium is
installed (`apt-get install chromium`; .ci/run installs it when it can).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from render_samples import ferry_report, hostile_report
from verifier.render.html import to_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium (apt-get install chromium)")

ROOT = Path(__file__).resolve().parent.parent
PHONE = (390, 844)
TIMEOUT = 90


class Browser:
    """One headless Chromium, spoken to over the DevTools pipe."""

    def __init__(self, chromium: str):
        self.profile = tempfile.mkdtemp(prefix="verifier-chromium-")
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-extensions", "--mute-audio", "--hide-scrollbars", f"--user-data-dir={self.profile}",
                "--remote-debugging-pipe"]
        # the protocol is on fd 3 (commands in) and fd 4 (answers out): our pipes, moved there by sh
        self.proc = subprocess.Popen(["sh", "-c", 'exec "$@" 3<&0 4>&1 0</dev/null 1>/dev/null', "sh", *args],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""
        self.n = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.n += 1
        msg: dict = {"id": self.n, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.proc.stdin.write(json.dumps(msg).encode() + b"\0")
        self.proc.stdin.flush()
        end = time.monotonic() + TIMEOUT
        while True:
            m = self._next(end)
            if m.get("id") == self.n:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, name: str) -> dict:
        for i, e in enumerate(self.events):
            if e.get("method") == name:
                return self.events.pop(i)
        end = time.monotonic() + TIMEOUT
        while True:
            m = self._next(end)
            if m.get("method") == name:
                return m
            self.events.append(m)

    def _next(self, end: float) -> dict:
        while b"\0" not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer")
            if select.select([self.proc.stdout], [], [], left)[0]:
                chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium exited")
                self.buf += chunk
        raw, _, self.buf = self.buf.partition(b"\0")
        return json.loads(raw)

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(15)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """A tab emulating a phone (390x844 CSS px, touch), JavaScript on or off."""

    def __init__(self, browser: Browser, js: bool = True, size: tuple[int, int] = PHONE):
        self.b = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": size[0], "height": size[1], "deviceScaleFactor": 2, "mobile": True})
        self.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
        if not js:
            self.send("Emulation.setScriptExecutionDisabled", {"value": True})

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.b.send(method, params, self.session)

    def goto(self, url: str) -> None:
        self.b.events.clear()
        self.send("Page.navigate", {"url": url})
        self.b.wait_event("Page.loadEventFired")

    def eval(self, expr: str):
        """Evaluated by the test harness (works with the page's scripts disabled)."""
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def tap(self, selector: str) -> None:
        """Scroll the element into view and tap its first line with a finger."""
        x, y = self.eval(f"""(function(){{var e=document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block:"center"}});var r=e.getClientRects()[0];
            return [r.left+Math.min(r.width/2,20),r.top+r.height/2];}})()""")
        self.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        self.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        time.sleep(0.4)

    def rect(self, selector: str) -> dict:
        return self.eval(f"""(function(){{var e=document.querySelector({json.dumps(selector)});
            var r=e.getBoundingClientRect();return {{left:r.left,right:r.right,top:r.top,bottom:r.bottom,
            visible:e.checkVisibility()}};}})()""")


@pytest.fixture(scope="module")
def browser():
    b = Browser(CHROMIUM)
    try:
        yield b
    finally:
        b.close()


def long_word_report():
    """The ferry report with unbreakable runs in a claim, a speaker and the evidence."""
    r = ferry_report()
    long = "https://example.invalid/" + "x" * 120
    claims = [c.model_copy(update={"text": c.text + " " + long, "speaker": (c.speaker or "") + "Supercalifragilistic" * 6})
              if c.id in ("c1", "c2") else c for c in r.claims]
    return r.model_copy(update={"claims": claims})


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """HTML reports: the shipped example through the real pipeline, and the samples."""
    from verifier.document import Document
    from verifier.pipeline import Verifier

    d = tmp_path_factory.mktemp("html")
    ship = Verifier(extractor="rules").check(Document.from_path(ROOT / "examples" / "shipyard-orders.txt"))
    out = {}
    for name, report in (("shipyard", ship), ("ferry", ferry_report()), ("hostile", hostile_report()),
                         ("long-words", long_word_report())):
        p = d / f"{name}.html"
        p.write_text(to_html(report), encoding="utf-8")
        out[name] = (p, report)
    return out


WIDTHS = """[innerWidth, document.documentElement.scrollWidth, document.body.scrollWidth,
             Math.max.apply(null, Array.prototype.map.call(document.querySelectorAll("#claims, #claims tr"),
                 function(e){return e.getBoundingClientRect().right;}))]"""


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("name", ["shipyard", "ferry", "hostile", "long-words"])
def test_page_fits_a_390px_phone(browser, pages, name, js):
    path, report = pages[name]
    page = Page(browser, js=js)
    page.goto(path.as_uri())
    inner, doc_w, body_w, table_right = page.eval(WIDTHS)
    # an overflowing page widens the mobile layout viewport: innerWidth would grow past 390
    assert inner == PHONE[0], f"layout viewport {inner} px: the page is wider than the phone"
    assert doc_w <= PHONE[0] and body_w <= PHONE[0], (doc_w, body_w)
    assert table_right <= PHONE[0], f"claim table reaches {table_right} px"
    # every claim's row is shown and carries its text
    assert page.eval("document.querySelectorAll('#claims tbody tr').length") == len(report.claims)
    row = page.rect("#claims tbody tr")
    assert row["visible"] and row["right"] <= PHONE[0]


def test_tapped_claim_opens_its_details_on_screen(browser, pages):
    path, report = pages["shipyard"]
    page = Page(browser, js=True)
    page.goto(path.as_uri())
    asserted = next(c for c in report.claims if c.label == "asserted")
    k = report.claims.index(asserted)
    for target in (f'#article .ev[data-k~="{k}"]', f'#claims tbody tr[data-k="{k}"]'):
        page.eval("document.getElementById('panel-close').click()")
        page.tap(target)
        panel = page.rect("#panel")
        w, h = PHONE
        assert page.eval("document.getElementById('panel').classList.contains('open')"), target
        assert panel["visible"] and panel["left"] >= 0 and panel["right"] <= w, (target, panel)
        assert 0 <= panel["top"] < h and panel["bottom"] <= h + 1, (target, panel)
        # what is on screen at the panel's heart is the panel itself, showing the tapped claim
        cx, cy = (panel["left"] + panel["right"]) / 2, (panel["top"] + min(panel["bottom"], h)) / 2
        assert page.eval(f"document.getElementById('panel').contains(document.elementFromPoint({cx},{cy}))")
        shown = page.eval("document.getElementById('panel-body').textContent")
        assert asserted.text in shown and "Checker" in shown and asserted.checker.reasons[0] in shown, target
        # no duplicate anchors: the clone in the panel has no id
        assert page.eval(f"document.querySelectorAll('[id=\"{asserted.id}\"]').length") == 1
    assert page.eval("document.documentElement.classList.contains('js')")


def test_without_javascript_every_claims_details_are_reachable(browser, pages):
    path, report = pages["ferry"]
    page = Page(browser, js=False)
    page.goto(path.as_uri())
    # the page's own script did not run
    assert page.eval("document.documentElement.className") == ""
    assert page.eval("document.getElementById('f-count').textContent") == ""
    # every in-page link points at an element that exists and can be seen
    broken = page.eval("""Array.prototype.filter.call(document.querySelectorAll('a[href^="#"]'), function(a){
        var t=document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
        return !t || !t.checkVisibility();}).map(function(a){return a.getAttribute('href');})""")
    assert page.eval("document.querySelectorAll('a[href^=\"#\"]').length") >= len(report.claims)
    assert broken == []
    for c in report.claims:
        card = page.eval(f"""(function(){{var e=document.getElementById({json.dumps(c.id)});
            return e && e.checkVisibility() ? e.innerText : null;}})()""")
        assert card is not None, f"{c.id}: no visible details"
        assert c.text in card and "Extractor" in card and "Checker" in card, c.id
        for reason in (c.checker.reasons if c.checker else []):
            assert reason in card, (c.id, reason)
    # the side panel (which needs the script) is not shown to a reader who cannot use it
    assert not page.rect("#panel")["visible"]


def test_without_javascript_a_claim_link_lands_on_its_details(browser, pages):
    path, report = pages["shipyard"]
    page = Page(browser, js=False)
    page.goto(path.as_uri() + "#c4")
    card = page.rect("#c4")
    assert card["visible"] and 0 <= card["top"] < PHONE[1] and card["right"] <= PHONE[0], card
    assert page.eval("document.querySelector(':target').id") == "c4"
    # tapping a claim's tag in the article jumps to that claim's details
    page.eval("scrollTo(0,0)")
    cid = report.claims[-1].id
    page.tap(f'#article a.tag[href="#{cid}"]')
    assert page.eval("location.hash") == f"#{cid}"
    card = page.rect(f"#{cid}")
    assert card["visible"] and 0 <= card["top"] < PHONE[1], card
