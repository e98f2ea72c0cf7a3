"""Helpers for the review tests: a small hand-made Report with claims of
every kind, and the real `verifier review` program in a pseudo-terminal
whose screen is read through a terminal emulator (pyte), as a person
would see it."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from verifier.document import Document
from verifier.schemas import (Claim, Evidence, ExtractorOpinion, Report, Span, Verdict)

ARTICLE = """Harbour Strike Ends

Dock workers returned to the port of Velmar on Monday after a nine-day strike. The union said that wages would rise by 6 percent next year, showing the strength of its position. According to the port authority, cargo traffic fell by a third during the stoppage, and losses reached 12 million euros.

This settlement reflects a wider shift in the region's labour market. Maria Lopez, the union's chair, noted that talks on pensions would resume in May.
"""

# id, claim text, evidence, final label, status, extractor (label, speaker, cue), checker (label, speaker, cue)
CLAIMS = [
    ("c1", "The harbour strike ended.", "Harbour Strike Ends", "asserted", "agreed",
     ("asserted", None, None), ("asserted", None, None)),
    ("c2", "Dock workers returned to the port of Velmar on Monday.",
     "Dock workers returned to the port of Velmar on Monday", "asserted", "agreed",
     ("asserted", None, None), ("asserted", None, None)),
    ("c3", "Wages at the port of Velmar would rise by 6 percent next year.",
     "wages would rise by 6 percent next year", "attributed", "agreed",
     ("attributed", "The union", "said"), ("attributed", "The union", "said")),
    ("c4", "The wage rise shows the strength of the union's position.", "showing the strength of its position",
     "attributed", "disagreed", ("asserted", None, None), ("attributed", "The union", "said")),
    ("c5", "Cargo traffic at Velmar fell by a third during the strike.",
     "cargo traffic fell by a third during the stoppage", "attributed", "agreed",
     ("attributed", "the port authority", "According to"), ("attributed", "the port authority", "According to")),
    ("c6", "The settlement reflects a wider shift in the region's labour market.",
     "This settlement reflects a wider shift in the region's labour market", "asserted", "disagreed",
     ("attributed", "Maria Lopez", "noted"), ("asserted", None, None)),
    ("c7", "Talks on pensions would resume in May.", "talks on pensions would resume in May", "asserted",
     "disagreed", ("attributed", "Maria Lopez", "noted"), ("asserted", None, None)),
    ("c8", "Dock workers had been on strike for nine days.", "a nine day strike", "asserted", "ungrounded",
     ("asserted", None, None), None),
]
QUEUE = ["c4", "c6", "c7", "c8", "c1", "c2", "c3", "c5"]


def make_report(text: str = ARTICLE, claims=CLAIMS, source: str = "harbour.txt") -> Report:
    doc = Document.from_text(text, source=source)
    out = []
    for cid, ctext, ev, label, status, (el, es, ec), chk in claims:
        at = doc.text.find(ev)
        evidence = Evidence(text=ev, start=at, end=at + len(ev), match="exact") if at >= 0 else Evidence(text=ev)
        verdict = None
        cue_span = None
        if chk is not None:
            cl, cs, cc = chk
            if cc:
                k = doc.text.rfind(cc, 0, at) if at >= 0 else -1
                cue_span = Span(start=k, end=k + len(cc), text=cc) if k >= 0 else None
            verdict = Verdict(label=cl, speaker=cs, cue=cc, cue_span=cue_span,
                              reasons=[f"reporting cue '{cc}'"] if cc else ["no attribution cue in the sentence"])
        attributed = label == "attributed"
        out.append(Claim(
            id=cid, text=ctext, evidence=evidence, label=label,
            speaker=(verdict.speaker if verdict else es) if attributed else None,
            cue=(verdict.cue if verdict else ec) if attributed else None,
            cue_span=cue_span if attributed else None,
            extractor=ExtractorOpinion(label=el, speaker=es, cue=ec), checker=verdict, status=status,
        ))
    return Report(verifier_version="test", document=doc.info(), claims=out, extractor="llm", model="test-model",
                  prompt_version="test")


def write_report(path: Path, **kw) -> Path:
    path.write_text(make_report(**kw).model_dump_json(indent=2), encoding="utf-8")
    return path


def cli_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(NO_COLOR="1", TERM="xterm-256color", VERIFIER_REVIEWER="tester", LANG="C.UTF-8")
    env.update(extra)
    return env


class Tty:
    """`verifier ARGS` in a pty of rows x cols; the screen as a person sees it."""

    def __init__(self, *args: str, cwd: Path, rows: int = 24, cols: int = 80, env: dict | None = None):
        import pexpect
        import pyte

        self.rows, self.cols = rows, cols
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        self.eof = False
        self.child = pexpect.spawn(sys.executable, ["-m", "verifier.cli", *args], cwd=str(cwd),
                                   env=env or cli_env(), dimensions=(rows, cols))

    # --- reading ------------------------------------------------------------
    def pump(self, timeout: float = 0.05) -> None:
        import pexpect

        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=timeout)
            except pexpect.TIMEOUT:
                return
            except pexpect.EOF:
                self.eof = True
                return
            self.raw += data
            self.stream.feed(data)
            timeout = 0.02

    @property
    def lines(self) -> list[str]:
        return list(self.screen.display)

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines)

    def wait(self, *needles: str, timeout: float = 15) -> str:
        """Until every needle is on the screen (regular expressions)."""
        end = time.monotonic() + timeout
        while True:
            self.pump()
            screen = self.text
            if all(re.search(n, screen) for n in needles):
                return screen
            if self.eof or time.monotonic() > end:
                missing = [n for n in needles if not re.search(n, screen)]
                raise AssertionError(f"not on screen: {missing}\n--- screen ---\n{screen}\n--------------")

    def resize(self, rows: int, cols: int) -> None:
        """Resize the terminal as a window manager does (the kernel sends SIGWINCH)."""
        self.pump()
        self.rows, self.cols = rows, cols
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)

    def send(self, keys: str | bytes) -> None:
        self.child.send(keys)

    def line(self, text: str) -> None:
        """Answer a prefilled prompt: clear it (Ctrl-U), type, Enter."""
        self.child.send("\x15" + text + "\r")

    def finish(self, timeout: float = 15) -> int:
        end = time.monotonic() + timeout
        while not self.eof and time.monotonic() < end:
            self.pump(0.1)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -(self.child.signalstatus or 0)

    def kill9(self) -> None:
        import signal

        self.child.kill(signal.SIGKILL)
        self.child.close(force=True)
