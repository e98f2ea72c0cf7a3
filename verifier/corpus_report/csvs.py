"""The corpus figures as CSV files: outlets, periods, speakers, cues."""

from __future__ import annotations

import csv
import io

from verifier.corpus_report.aggregate import CorpusFigures, Tally

TALLY_HEAD = ["articles", "claims", "attributed", "asserted", "asserted_share", "unnamed", "unnamed_share"]


def _share(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def _tally(t: Tally) -> list:
    return [t.articles, t.claims, t.attributed, t.asserted, _share(t.asserted_share), t.unnamed, _share(t.unnamed_share)]


def _csv(rows: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def tables(fig: CorpusFigures, top: int) -> dict[str, str]:
    """{name: CSV text} for outlets, periods, speakers (top N) and cues."""
    outlets = [["outlet", *TALLY_HEAD]] + [[k, *_tally(t)] for k, t in sorted(fig.outlets.items())]
    outlets.append(["(all)", *_tally(fig.total)])
    periods = [[fig.period, *TALLY_HEAD]] + [[k, *_tally(t)] for k, t in sorted(fig.periods.items())]
    speakers = [["speaker", "attributed_claims", "top_cue", "cues"]]
    cues = [["speaker", "cue", "claims"]]
    for name, n in fig.speakers.most_common(top):
        c = fig.cues[name]
        speakers.append([name, n, c.most_common(1)[0][0], "; ".join(f"{k} {v}" for k, v in c.most_common())])
        cues.extend([name, k, v] for k, v in c.most_common())
    return {"outlets": _csv(outlets), "periods": _csv(periods), "speakers": _csv(speakers), "cues": _csv(cues)}
