"""Verification speed: 100 attributed claims against 100,000 words of
sources (issue 13: under 2 seconds), through the API `verifier.verify`.

The sources are generated (seeded): transcripts with speaker turns, made
of sentences drawn from a vocabulary with figures, names and dates; the
claims are quotations taken from them (some verbatim, some with a word
changed), paraphrases with a changed figure, and claims never made. Prints
the time to load and index the sources, the time per claim, and the total.

    cd benchmarks && ../.venv/bin/python bench_verify.py [--words 100000] [--claims 100]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

WORDS = ("council budget harbour ferry terminal hospital nurses patients waiting list contract tender bakery plant "
         "workers wages inflation rates energy prices river flood rescue soldiers volunteers library students fees "
         "research pact wetlands coast emitters carbon pledge adaptation formation striker referee supporters "
         "stadium review seagrass monitoring noise residents district transport bus route station").split()
VERBS = "approved expects confirmed plans will reduce raised opened closed delivered protected announced".split()
NAMES = "Marsh Kirby Solheim Lund Osei Hale Oyelaran Varga Brandt Montes Ferrante Dahl".split()


def sentence(rng: random.Random) -> str:
    n = rng.randint(8, 20)
    ws = [rng.choice(WORDS) for _ in range(n)]
    ws.insert(rng.randint(1, 3), rng.choice(VERBS))
    if rng.random() < 0.5:
        ws.insert(rng.randint(0, len(ws)), f"{rng.randint(2, 900)} million dollars")
    if rng.random() < 0.3:
        ws.insert(rng.randint(0, len(ws)), rng.choice(NAMES))
    return " ".join(ws).capitalize() + "."


def make_sources(words: int, n_files: int, rng: random.Random) -> list[str]:
    per = words // n_files
    out = []
    for f in range(n_files):
        lines, count = [f"Transcript {f + 1}."], 0
        while count < per:
            who = rng.choice(NAMES).upper()
            turn = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
            lines.append(f"{who}: {turn}")
            count += len(turn.split())
        out.append("\n\n".join(lines) + "\n")
    return out


def make_claims(sources: list[str], n: int, rng: random.Random) -> list[tuple[str, str]]:
    import re

    sents = [s for src in sources for s in re.findall(r"[A-Z][^.:]*\.", src) if len(s.split()) > 8]
    claims = []
    for i in range(n):
        s = rng.choice(sents).rstrip(".")
        ws = s.split()
        kind = i % 4
        if kind == 1:
            ws[rng.randrange(len(ws))] = "altered"
        if kind == 2:
            ws = ws[:]
            ws.insert(0, "the")
        if kind == 3:
            ws = [rng.choice(WORDS) for _ in range(10)]
        text = " ".join(ws)
        claims.append((f"“{text}”" if kind < 2 else text, None))
    return claims


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--claims", type=int, default=100)
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from verifier.document import Document
    from verifier.verify.compare import build_context, claim_input, verify_claim
    from verifier.verify.sources import load_sources

    rng = random.Random(13)
    texts = make_sources(args.words, args.files, rng)
    claims = make_claims(texts, args.claims, rng)
    totals, cpu = [], []
    for _ in range(args.runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        docs = [(None, Document.from_text(t, source=f"src{i}.txt")) for i, t in enumerate(texts)]
        ctx = build_context(load_sources(docs))
        t1 = time.perf_counter()
        verdicts = [verify_claim(ctx, claim_input(f"c{i}", ev, who)).verdict for i, (ev, who) in enumerate(claims)]
        t2 = time.perf_counter()
        totals.append((t1 - t0, t2 - t1))
        cpu.append(time.process_time() - c0)
    load, judge = statistics.median(t[0] for t in totals), statistics.median(t[1] for t in totals)
    words = sum(len(t.split()) for t in texts)
    print(f"sources: {words:,} words in {args.files} files, {len(ctx.passages):,} passages; claims: {len(claims)}")
    print(f"load + index: {load:.2f} s; {len(claims)} claims: {judge:.2f} s ({1000 * judge / len(claims):.1f} ms each)")
    print(f"total: {load + judge:.2f} s wall, {statistics.median(cpu):.2f} s CPU "
          f"(median of {args.runs} runs; target under 2 s; wall > CPU when the machine is shared)")
    print("verdicts:", {v: verdicts.count(v) for v in sorted(set(verdicts))})


if __name__ == "__main__":
    main()
