"""The HTML report of an article with control characters and bidi overrides
(issue 16), in a real headless Chromium: the page shows them as visible
characters, so a right-to-left override cannot show a cue in another order
than the one the checker read, and the page's text holds no control at all."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from test_hostile_terminal import HOSTILE
from test_html_browser import CHROMIUM, Browser, Page

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium (apt-get install chromium)")

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_the_page_shows_controls_and_obeys_no_override(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE + "Officials \u202edias\u202c the ferry will stop.\n", encoding="utf-8")
    page_path = tmp_path / "hostile.html"
    proc = subprocess.run([sys.executable, "-m", "verifier.cli", "check", str(article), "-e", "rules",
                           "-o", str(page_path)], capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr
    browser = Browser(CHROMIUM)
    try:
        for js in (True, False):
            page = Page(browser, js=js, size=(1200, 900))
            page.goto(page_path.as_uri())
            text = page.eval("document.body.innerText")
            title = page.eval("document.title")
            assert CONTROLS.findall(text) == [] and CONTROLS.findall(title) == [], js
            assert "\u241b]0;PWNED-TITLE\u2407" in text.replace("\n", "") or "PWNED-TITLE\u2407" in text, js
            assert "\ufffddias\ufffd" in text, js  # the override shown, not obeyed: the letters in stored order
            tips = page.eval("Array.prototype.map.call(document.querySelectorAll('[title]'),"
                             "function(e){return e.title;}).join('\\n')")
            assert CONTROLS.findall(tips) == [], js
    finally:
        browser.close()
