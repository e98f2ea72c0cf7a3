"""Corpus figures in one pass over a batch's results, in memory bounded by
the number of outlets, periods, speakers and cues, not by the corpus.

Input is either the JSONL results (only "ok" records count: each article's
report once; failed are the articles whose last line is an error, found by
a second pass only when there are error lines) or the Parquet directory
beside it (its claims table, read a record batch at a time). The figures:

- per outlet: articles, claims, attributed, asserted, asserted share, the
  unnamed-source share of attributed claims;
- per period (day, month or year of the `date` metadata): the same;
- speakers: attributed claims per speaker and how each is cued (the cue
  word, lower-cased: "said" against "claimed" or "admitted").

An unnamed source is an attributed claim with no speaker, or a speaker
without a proper name: "Officials", "a spokeswoman", "people familiar with
the matter", "analysts" (see `is_unnamed`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import InputNotFound, MalformedInput

NO_OUTLET = "(no outlet)"
NO_DATE = "(no date)"
_GENERIC = set("""a an the some several many few one two three four five other another his her their its our
officials official sources source analysts analyst experts expert critics people person residents witnesses
aides aide insiders insider spokesman spokeswoman spokesperson spokespeople police authorities observers
economists scientists researchers officers investigators diplomats lawmakers he she they it we i you someone
everyone nobody staff employees workers members representatives government ministry administration company
familiar with matter senior according""".split())
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def is_unnamed(speaker: str | None) -> bool:
    """True for no speaker, or a speaker with no proper name in it."""
    if not speaker or not speaker.strip():
        return True
    words = _WORD.findall(speaker)
    for i, w in enumerate(words):
        if w[0].isupper() and w.lower().strip(".") not in _GENERIC:
            return False  # a capitalised word that is not a generic one: a name (Halvorsen, Reuters, Dr. Ng)
    return True


@dataclass
class Tally:
    articles: int = 0
    claims: int = 0
    attributed: int = 0
    asserted: int = 0
    unnamed: int = 0

    @property
    def asserted_share(self) -> float | None:
        return self.asserted / self.claims if self.claims else None

    @property
    def unnamed_share(self) -> float | None:
        return self.unnamed / self.attributed if self.attributed else None


@dataclass
class CorpusFigures:
    period: str = "month"
    total: Tally = field(default_factory=Tally)
    outlets: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    periods: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    speakers: Counter = field(default_factory=Counter)
    cues: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    failed: int = 0

    def bucket(self, date: str | None) -> str:
        if not date:
            return NO_DATE
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(date).strip())
        if not m:
            return NO_DATE
        y, mo, d = m.groups()
        if self.period == "year" or not mo:
            return y
        if self.period == "month" or not d:
            return f"{y}-{mo}"
        return f"{y}-{mo}-{d}"

    def add_article(self, outlet: str | None, date: str | None) -> None:
        for t in (self.total, self.outlets[outlet or NO_OUTLET], self.periods[self.bucket(date)]):
            t.articles += 1

    def add_claim(self, outlet: str | None, date: str | None, label: str, speaker: str | None, cue: str | None) -> None:
        unnamed = label == "attributed" and is_unnamed(speaker)
        for t in (self.total, self.outlets[outlet or NO_OUTLET], self.periods[self.bucket(date)]):
            t.claims += 1
            if label == "attributed":
                t.attributed += 1
                t.unnamed += unnamed
            elif label == "asserted":
                t.asserted += 1
        if label == "attributed" and not unnamed:
            name = " ".join(speaker.split())
            self.speakers[name] += 1
            self.cues[name][(cue or "(no cue)").strip().lower()] += 1


def figures_of(results: Path, period: str = "month") -> CorpusFigures:
    if period not in ("day", "month", "year"):
        raise MalformedInput(f"--period {period}: choose day, month or year")
    if not results.exists():
        raise InputNotFound(f"{results}: no such file or directory")
    fig = CorpusFigures(period=period)
    if results.is_dir():
        _from_parquet(results, fig)
    else:
        _from_jsonl(results, fig)
    return fig


def _from_jsonl(path: Path, fig: CorpusFigures) -> None:
    from verifier.batch.store import read_results

    seen = 0
    try:
        for rec in read_results(path):
            seen += 1
            if rec["status"] == "error":
                fig.failed += 1
            if rec["status"] != "ok":
                continue
            meta = rec.get("meta") or {}
            outlet, date = meta.get("outlet"), meta.get("date")
            fig.add_article(outlet, date)
            for c in (rec.get("report") or {}).get("claims") or ():
                fig.add_claim(outlet, date, c.get("label"), c.get("speaker"), c.get("cue"))
    except UnicodeDecodeError:
        raise MalformedInput(f"{path}: not UTF-8; give the JSONL results of `verifier check -o` or their .parquet directory") from None
    if not seen:
        raise MalformedInput(f"{path}: holds no batch results (lines of `verifier check ... -o FILE.jsonl`)")
    if fig.failed:  # an interrupted run leaves error lines a later line supersedes: count the standing ones
        from verifier.batch.store import scan_results

        fig.failed = sum(1 for _ in scan_results(path).errors())


def _from_parquet(directory: Path, fig: CorpusFigures) -> None:
    try:
        import pyarrow.dataset as ds
    except ImportError:
        raise MalformedInput("reading Parquet results needs pyarrow: pip install 'verifier[dask]'") from None
    if not (directory / "articles").is_dir() or not (directory / "claims").is_dir():
        raise MalformedInput(f"{directory}: not a results directory (expected articles/ and claims/ tables)")
    arts = ds.dataset(str(directory / "articles"), format="parquet")
    for batch in arts.to_batches(columns=["status", "outlet", "date"]):
        for status, outlet, date in zip(*(batch.column(c).to_pylist() for c in ("status", "outlet", "date"))):
            if status == "ok":
                fig.add_article(outlet, date)
            elif status == "error":
                fig.failed += 1
    claims = ds.dataset(str(directory / "claims"), format="parquet")
    cols = ["outlet", "date", "label", "speaker", "cue"]
    for batch in claims.to_batches(columns=cols):
        for row in zip(*(batch.column(c).to_pylist() for c in cols)):
            fig.add_claim(*row)
