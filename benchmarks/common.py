"""Shared pieces of the benchmark scripts: generated articles, subprocess
timing with peak memory, and a plain table printer. Benchmarks print
figures; they are not tests and assert nothing."""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

_SOURCES = ["Prime Minister Ingrid Halvorsen", "The finance ministry", "Union leader Tor Eriksen", "Officials",
            "A spokeswoman for the port authority", "Analysts at Nordea", "The report"]
_VERBS = ["said", "noted", "warned", "announced", "insisted", "told reporters", "acknowledged"]
_FACTS = [
    "the yards signed contracts for {n} vessels in the first nine months of the year",
    "steel prices rose by {n} percent since January",
    "{n} apprentices would start training in the spring",
    "the ferry line would carry {n} passengers a day by 2030",
    "labor costs at coastal yards are {n} percent above the European average",
]
_OWN = [
    "The growth in orders at {n} yards suggests that the industry has adapted to the loss of its offshore customers.",
    "This demand demonstrates that {n} coastal operators are willing to pay a premium for lower emissions.",
    "The meeting was attended by shipowners from {n} countries.",
    "Orders for battery-powered vessels have grown every year since {y}, to {n} last year.",
]


def sentence(rng: random.Random) -> str:
    n, y = rng.randint(2, 200_000), rng.randint(1990, 2024)
    if rng.random() < 0.5:
        fact = rng.choice(_FACTS).format(n=n)
        if rng.random() < 0.5:
            return f"{rng.choice(_SOURCES)} {rng.choice(_VERBS)} that {fact}."
        return f"According to {rng.choice(_SOURCES).lower()}, {fact}."
    return rng.choice(_OWN).format(n=n, y=y)


_QUOTED = ["“We have {n} ships on order and no idle berths,” {src} said.",
           "{src} added: “Nobody expected {n} orders this early.”"]


def long_article(words: int, seed: int = 7, paragraph_sentences: int = 5, quotes: bool = False) -> str:
    """A news-like article of about `words` words, paragraphs of a few
    sentences, mixing attributed and asserted statements (deterministic);
    with `quotes`, every paragraph also holds a direct quotation."""
    rng = random.Random(seed)
    paras, count = [], 0
    while count < words:
        sents = [sentence(rng) for _ in range(paragraph_sentences)]
        if quotes:
            src = rng.choice(_SOURCES[:3] + _SOURCES[4:5])
            sents.append(rng.choice(_QUOTED).format(n=rng.randint(2, 900), src=src))
        para = " ".join(sents)
        count += len(para.split())
        paras.append(para)
    return "Shipyards Report Record Orders\n\n" + "\n\n".join(paras) + "\n"


def timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None, input: bytes | None = None
          ) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run `cmd`; (wall seconds, peak RSS of the child in MiB, the result).
    Peak RSS comes from wait4's rusage, for this child alone."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    full_env.update(env or {})
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=full_env, cwd=cwd or ROOT, stdin=subprocess.PIPE if input else None,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if input:
        proc.stdin.write(input)
        proc.stdin.close()
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    return elapsed, usage.ru_maxrss // 1024, result


def table(rows: list[list], header: list[str]) -> str:
    cells = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def self_peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


class ServerProcess:
    """tests/fault_server.py's FaultServer in a process of its own, so the
    server's work does not compete with the client for this process's
    GIL. `kwargs` go to FaultServer (latency=, rate=, ...)."""

    def __init__(self, **kwargs):
        self.kwargs = kwargs
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> "ServerProcess":
        code = (f"import sys, time; sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
                "from fault_server import FaultServer\n"
                f"s = FaultServer(**{self.kwargs!r}).start()\n"
                "print(s.url, flush=True)\n"
                "sys.stdin.read()\n")
        self.proc = subprocess.Popen([PYTHON, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        if not self.url:
            raise RuntimeError("the benchmark server did not start")
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
