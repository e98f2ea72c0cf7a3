"""Helpers for the batch and hostile-input tests: generated articles, a
real local HTTP server that serves article pages (optionally slowly), and
an extractor that records how it is called."""

from __future__ import annotations

import http.server
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from verifier.extractors.base import Extraction
from verifier.schemas import DraftClaim

SPEAKERS = ["Officials", "The mayor", "A spokeswoman", "Analysts", "The ministry"]


def article(i: int) -> str:
    """A small, distinct article: one attributed and one asserted sentence."""
    who = SPEAKERS[i % len(SPEAKERS)]
    return (f"{who} said the bridge number {i} will close for repairs in March.\n\n"
            f"The bridge number {i} carries {1000 + i} cars a day.\n")


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"a{i:04d}.txt"
        p.write_text(article(i), encoding="utf-8")
        paths.append(p)
    return paths


class SentenceExtractor:
    """One draft claim per sentence, labelled by the extractor as "asserted"
    (so the checker's view shows in status). Records the threads that call
    it and the most calls in flight at once; `delay` makes each call slow."""

    name = "sentences"

    def __init__(self, delay: float = 0.0, fail_on: str | None = None):
        self.delay = delay
        self.fail_on = fail_on
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.calls = 0
        self.threads: set[int] = set()

    def extract(self, document) -> Extraction:
        with self.lock:
            self.calls += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.threads.add(threading.get_ident())
        try:
            if self.delay:
                time.sleep(self.delay)
            if self.fail_on and self.fail_on in document.text:
                raise RuntimeError(f"extractor broke on purpose ({self.fail_on})")
            drafts = [DraftClaim(text=document.text[s.start:s.end], evidence=document.text[s.start:s.end],
                                 label="asserted", start=s.start) for s in document.sentences]
            return Extraction(drafts=drafts, extractor=self.name)
        finally:
            with self.lock:
                self.in_flight -= 1


@contextmanager
def page_server(pages: dict[str, tuple[int, str, bytes]], delay: float = 0.0):
    """A real HTTP server on 127.0.0.1 serving {path: (status, content type,
    body)}; every response waits `delay` seconds. Yields the base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if delay:
                time.sleep(delay)
            status, ctype, body = pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def long_article(words: int) -> str:
    """About `words` words of news-like paragraphs, five sentences each of
    twenty-odd words, alternately attributed and asserted; every sentence
    is distinct (it carries its number)."""
    paras, n, i = [], 0, 0
    while n < words:
        sents = []
        for _ in range(5):
            if i % 2:
                s = (f"{SPEAKERS[i % len(SPEAKERS)]} said that the harbour authority had approved plan number {i} "
                     "for the northern quay after a long and often bitter public consultation.")
            else:
                s = (f"The northern quay handled cargo number {i} last winter, while the old ferry terminal "
                     "stood empty for most of the season and repairs were delayed again.")
            sents.append(s)
            n += len(s.split())
            i += 1
        paras.append(" ".join(sents))
    return "\n\n".join(paras) + "\n"
