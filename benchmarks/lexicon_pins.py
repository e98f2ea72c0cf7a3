"""Proves that every entry of the attribution lexicon is pinned: dropping it
moves an answer the tests or the fixtures depend on (and, for a developer,
a PolNeAR verdict). An entry that moves nothing is dead weight: delete it,
or write the test sentence that shows what it is for.

    python benchmarks/lexicon_pins.py --check            # CI: exit 1 when more entries than UNTESTED_AT_MOST
                                                         #   have no test or fixture pin
    python benchmarks/lexicon_pins.py --list speech_verbs # one line per entry of one list
    python benchmarks/lexicon_pins.py --polnear ../shared/data/polnear/dev ../shared/data/polnear/train

What is asked again with the entry dropped:
- every question the checker and claims tests put to the engine and the rule
  extractor (recorded by benchmarks/pin_recorder.py in one pytest run);
- the verdict of every gold span of every fixture, and the rule extractor's
  claims of every fixture;
- with --polnear, the verdict of every scored unit of those splits (never in
  CI: the data is not in the repository).

Each entry is dropped in a process forked from this one, which installs the
smaller lexicon and imports the rule modules again; only the inputs holding
one of the entry's forms (its inflections, for a verb) are asked again, so a
run is about a minute, not a test run per entry. --prune probes entries one
after another, each with the dead ones before it dropped too: two entries
that stand in for each other (a word in two lists) each pin nothing alone,
and deleting both at once would move answers.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import pickle
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LEXICON = ROOT / "verifier/attribution/data/lexicon.toml"
TEST_FILES = ["test_checker.py", "test_hard_cases.py", "test_engine_rules.py", "test_rule_registry.py",
              "test_lexicon.py", "test_lexicon_entries.py", "test_rules.py", "test_claims_segment.py",
              "test_claims_words.py", "test_seed_article.py", "test_sentence_bounds.py", "test_fixtures.py",
              "test_hidden_characters.py"]
TEST_FILES += sorted(p.name for p in (ROOT / "tests").glob("test_lexicon_pins_*.py"))  # the pin tests, split by list
# modules that do not read the lexicon: kept across the re-import in a probe
_KEEP = {"verifier", "verifier.attribution.lexicon", "verifier.schemas", "verifier.errors", "verifier.document"}

INPUTS: list[dict] = []  # what is asked: {"kind", "document", "checks", "frames", "source", "gold"}
BASELINE: list[tuple] = []  # the answers with the whole lexicon, one per input
RAW: dict = {}  # the lexicon as loaded from TOML
# Entries no test or fixture pins, each of which moves a PolNeAR dev or train verdict (checked with
# --polnear; what moved nothing there either was deleted). CI cannot run PolNeAR, so --check holds
# this number as a ratchet: a new entry needs a test; lower it as tests are written, never raise it.
UNTESTED_AT_MOST = 279  # 776 at the start of 2026-12-02 afternoon; person_nouns:people and prepositions:without lost their pin tests when the rules-a branch merged
FIRST = True  # a probe stops at the first input that moves (--full: every input, and the labels right)


def record_tests() -> list[dict]:
    """The engine's inputs from one run of the checker and claims tests."""
    files = [f"tests/{f}" for f in TEST_FILES if (ROOT / "tests" / f).exists()]
    with tempfile.TemporaryDirectory(prefix="verifier-pins-") as d:
        out = Path(d) / "inputs.pickle"
        env = dict(os.environ, PIN_RECORD=str(out), PYTHONPATH=str(ROOT / "benchmarks"))
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "pin_recorder",
                              *files], cwd=ROOT, env=env, capture_output=True, text=True)
        if run.returncode:
            sys.exit(f"lexicon_pins: the tests fail with the whole lexicon:\n{run.stdout[-2000:]}")
        recs = pickle.loads(out.read_bytes())
    return [dict(r, source="tests") for r in recs]


def fixture_inputs() -> list[dict]:
    import json

    from verifier.document import Document

    out = []
    for path in sorted((ROOT / "evals" / "fixtures").rglob("*.json")):
        fx = json.loads(path.read_text(encoding="utf-8"))
        doc = Document.from_text(fx["text"], source=fx["id"])
        spans = [(c["evidence"]["start"], c["evidence"]["end"]) for c in fx["claims"]]
        gold = [c.get("acceptable_labels") or [c["label"]] for c in fx["claims"]]
        out.append({"kind": "checker", "document": doc, "checks": spans, "frames": False, "source": "fixtures",
                    "gold": gold})
        out.append({"kind": "extract", "document": doc, "source": "fixtures"})
    return out


def polnear_inputs(dirs: list[str]) -> list[dict]:
    from verifier.bench_attribution import build_units
    from verifier.brat import read_corpus
    from verifier.document import Document

    out = []
    for d in dirs:
        for art in read_corpus(d):
            doc = Document(text=art.text, source=art.name)
            units = build_units(art, doc)
            out.append({"kind": "checker", "document": doc, "checks": [(u.start, u.end) for u in units],
                        "frames": False, "source": "polnear", "gold": [[u.gold] for u in units]})
    return out


def answers(inp: dict) -> tuple:
    """What the tests can see of the engine's answer to one input."""
    from verifier.attribution.engine import Checker
    from verifier.extractors.rules import RuleExtractor

    if inp["kind"] == "extract":
        ex = RuleExtractor().extract(inp["document"])
        return tuple((d.text, d.evidence, d.start, d.speaker, d.cue, d.kind, d.ambiguous) for d in ex.drafts)
    checker = Checker(inp["document"])
    verdicts = tuple((v.label, v.speaker, v.cue) for v in (checker.check(a, b) for a, b in inp["checks"]))
    frames = tuple((f.kind, f.rule, f.cue, f.speaker, tuple(f.content), f.quote)
                   for f in checker.frames()) if inp["frames"] else ()
    return verdicts, frames


def entries(raw: dict, only: str | None) -> list[tuple[str, str]]:
    """(list, entry) pairs; a phrasal cue's particles as ('phrasal_cues.VERB', particle)."""
    out = []
    for key, value in raw.items():
        if isinstance(value, list):
            out += [(key, w) for w in value]
        else:
            out += [(f"{key}.{verb}", p) for verb, parts in value.items() for p in parts]
    return [e for e in out if only is None or e[0] == only or e[0].startswith(f"{only}.")]


def forms(key: str, word: str) -> set[str]:
    """Every surface form the entry can match (a superset is safe: more inputs asked)."""
    from verifier.attribution.lexicon import verb_forms

    out = {word.replace("_", " ")}
    if re.fullmatch(r"[a-z_]+", word):
        out |= set(verb_forms(word))
    if key.startswith("phrasal_cues."):
        out = {f"{f} {word}" for f in verb_forms(key.split(".", 1)[1])}
    return out


class Index:
    """word -> the inputs holding it; a form with other characters is looked up by substring."""

    def __init__(self, inputs: list[dict]):
        self.lower = [i["document"].text.lower() for i in inputs]
        self.words: dict[str, set[int]] = defaultdict(set)
        for n, text in enumerate(self.lower):
            for w in set(re.findall(r"\w+", text)):
                self.words[w].add(n)

    def holding(self, form: str) -> set[int]:
        parts = re.findall(r"\w+", form)
        found = set.intersection(*(self.words.get(p, set()) for p in parts)) if parts else set(range(len(self.lower)))
        if re.search(r"[^\w ]", form):
            found = {n for n in found if form in self.lower[n]}
        return found


PRUNED: list[tuple[str, str]] = []  # with --prune: entries found dead so far, dropped from every later probe


def dropped(key: str, word: str) -> dict:
    data = {k: ({v_: list(p) for v_, p in v.items()} if isinstance(v, dict) else list(v)) for k, v in RAW.items()}
    for k, w in PRUNED + [(key, word)]:
        if "." in k:
            table, verb = k.split(".", 1)
            data[table][verb] = [p for p in data[table][verb] if p != w]
        else:
            data[k] = [x for x in data[k] if x != w] or ["zzzz-no-such-word"]  # a list may not be empty
    return data


def probe(job: tuple[str, str, list[int]]) -> tuple[str, str, list[int], dict, str]:
    """In a forked process: the inputs whose answer moves once the entry is
    dropped, and for gold-labelled ones the labels right before and after."""
    key, word, ids = job
    from verifier.attribution import lexicon

    moved, right = [], defaultdict(lambda: [0, 0])
    try:
        lexicon.install(lexicon.validate(dropped(key, word)))
        for name in [m for m in sys.modules if m.startswith("verifier") and m not in _KEEP]:
            del sys.modules[name]
        for n in ids:
            now = answers(INPUTS[n])
            if now == BASELINE[n]:
                continue
            moved.append(n)
            if FIRST:
                break
            for gold, v0, v1 in zip(INPUTS[n].get("gold") or (), BASELINE[n][0], now[0]):
                right[INPUTS[n]["source"]][0] += v0[0] in gold
                right[INPUTS[n]["source"]][1] += v1[0] in gold
    except Exception as exc:  # noqa: BLE001 - an engine that breaks without the entry is pinned by it
        return key, word, ids, {}, f"the engine fails: {type(exc).__name__}: {exc}"
    return key, word, moved, dict(right), ""


def describe(moved: list[int], right: dict, error: str) -> tuple[str, str]:
    """(the first of tests, fixtures, polnear whose answers move, or 'nothing'; details)."""
    if error:
        return "tests", error
    by: dict[str, int] = defaultdict(int)
    for n in moved:
        by[INPUTS[n]["source"]] += 1
    if not by:
        return "nothing", ""
    where = next(s for s in ("tests", "fixtures", "polnear") if s in by)
    notes = [f"{s} {v} input(s)" + (f", labels right {right[s][0]} -> {right[s][1]}" if s in right else "")
             for s, v in by.items()]
    return where, "; ".join(notes)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when an entry pins nothing in the tests or fixtures")
    ap.add_argument("--list", help="probe one list only, a line per entry")
    ap.add_argument("--polnear", nargs="*", default=[], help="PolNeAR split directories to ask as well")
    ap.add_argument("--only", help="a file of LIST:ENTRY lines (as --check prints them): probe these only")
    ap.add_argument("--dead", help="write the entries that pin nothing to this file, a LIST:ENTRY line each")
    ap.add_argument("--prune", action="store_true",
                    help="probe one entry after another, each with the dead ones before it dropped (for deleting)")
    ap.add_argument("--full", action="store_true", help="ask every input, count the gold labels right (slower)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    global FIRST
    FIRST = not args.full
    RAW.update(tomllib.loads(LEXICON.read_text(encoding="utf-8")))
    INPUTS.extend(record_tests() + fixture_inputs() + polnear_inputs(args.polnear))
    BASELINE.extend(answers(i) for i in INPUTS)
    index = Index(INPUTS)
    jobs, idle = [], []
    only = set(Path(args.only).read_text(encoding="utf-8").split()) if args.only else None
    for key, word in entries(RAW, args.list):
        if only is not None and f"{key}:{word}" not in only:
            continue
        ids = sorted(set().union(*(index.holding(f) for f in forms(key, word))))
        (jobs if ids else idle).append((key, word, ids))
    results = [(k, w, [], {}, "") for k, w, _ in idle]
    if args.prune:  # one after another: an entry is dead only with every dead one before it dropped too
        PRUNED.extend((k, w) for k, w, _ in idle)
        for job in jobs:
            with mp.get_context("fork").Pool(1) as pool:
                result = pool.apply(probe, (job,))
            results.append(result)
            if not result[2] and not result[4]:
                PRUNED.append(job[:2])
        return report(results, args)
    with mp.get_context("fork").Pool(args.jobs, maxtasksperchild=8) as pool:
        for n, result in enumerate(pool.imap_unordered(probe, jobs, chunksize=4), 1):
            results.append(result)
            if n % 200 == 0 or n == len(jobs):
                print(f"lexicon_pins: {n} of {len(jobs)} entries probed", file=sys.stderr, flush=True)
    return report(results, args)


def report(results: list, args) -> int:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    dead = []
    for key, word, moved, right, error in sorted(results, key=lambda r: r[:2]):
        where, details = describe(moved, right, error)
        counts[key.split(".")[0]][where] += 1
        if args.list or (where == "nothing" and not args.check) or (args.polnear and where == "polnear"):
            print(f"{key:24} {word!r:28} {where:9} {details}")  # --check names the unpinned only when it fails
        if where == "nothing" or (where == "polnear" and not args.polnear):
            dead.append(f"{key}:{word}")
    print(f"{len(results)} entries: " + ", ".join(
        f"{w} {sum(c[w] for c in counts.values())}" for w in ("tests", "fixtures", "polnear", "nothing")))
    if args.dead:
        Path(args.dead).write_text("".join(f"{d}\n" for d in dead), encoding="utf-8")
    if args.check and len(dead) > UNTESTED_AT_MOST:
        print(f"lexicon_pins: {len(dead)} entries pin nothing in the tests or the fixtures, more than the "
              f"{UNTESTED_AT_MOST} pinned by PolNeAR alone: write the test sentence that shows what a new entry is "
              f"for, or delete it. Unpinned: {' '.join(dead[:60])}" + (" ..." if len(dead) > 60 else ""))
        return 1
    if args.check and len(dead) < UNTESTED_AT_MOST:
        print(f"lexicon_pins: {len(dead)} entries without a test pin: lower UNTESTED_AT_MOST to {len(dead)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
