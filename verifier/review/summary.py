"""What a session amounts to: counts, time spent, and agreement between the
model, the checker and the reviewer.

Agreement is counted on the claims the reviewer kept (decided, not
rejected); a claim the reviewer marked ambiguous accepts either label.
Cohen's kappa is given on the claims that are not ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from verifier.review.items import outcome
from verifier.review.state import ReviewState


@dataclass
class Agreement:
    agree: int = 0
    total: int = 0
    kappa: float | None = None

    @property
    def rate(self) -> float | None:
        return self.agree / self.total if self.total else None


@dataclass
class Summary:
    name: str
    claims: int = 0
    decided: int = 0
    accepted: int = 0
    flipped: int = 0
    ambiguous: int = 0
    rejected: int = 0
    added: int = 0
    edited: int = 0
    left: int = 0
    seconds: float = 0.0
    sittings: int = 0
    agreement: dict[str, Agreement] = field(default_factory=dict)

    def as_dict(self) -> dict:
        out = {k: getattr(self, k) for k in ("name", "claims", "decided", "accepted", "flipped", "ambiguous",
                                             "rejected", "added", "edited", "left", "sittings")}
        out["seconds"] = round(self.seconds, 1)
        out["agreement"] = {k: {"agree": a.agree, "total": a.total, "kappa": a.kappa}
                            for k, a in self.agreement.items()}
        return out


def summarize(state: ReviewState, name: str = "") -> Summary:
    s = Summary(name=name or (state.report.document.source or state.report.document.title or "article"))
    s.claims = len(state.claims)
    pairs: dict[str, list[tuple[str, list[str]]]] = {"model": [], "checker": [], "final": []}
    for cid, claim in state.claims.items():
        it = state.items[cid]
        if _edited(it, claim):
            s.edited += 1
        if not it.decided:
            s.left += 1
            continue
        s.decided += 1
        kind = outcome(it, claim)
        if kind == "reject":
            s.rejected += 1
            continue
        if kind == "ambiguous":
            s.ambiguous += 1
        elif kind == "flip":
            s.flipped += 1
        else:
            s.accepted += 1
        if claim.extractor.label is not None:
            pairs["model"].append((claim.extractor.label, it.acceptable_labels))
        if claim.checker is not None:
            pairs["checker"].append((claim.checker.label, it.acceptable_labels))
        pairs["final"].append((claim.label, it.acceptable_labels))
    s.added = len([it for it in state.added() if not it.rejected])
    for who, rows in pairs.items():
        if rows:
            s.agreement[who] = _agreement(rows)
    both = [(c.extractor.label, [c.checker.label]) for c in state.claims.values()
            if c.extractor.label is not None and c.checker is not None]
    if both:
        s.agreement["model vs checker"] = _agreement(both)
    s.seconds, s.sittings = time_spent(state.events)
    return s


def _edited(it, claim) -> bool:
    """Text, evidence, or (with the label kept) speaker or cue changed."""
    if it.text != claim.text or (it.start, it.end) != (claim.evidence.start, claim.evidence.end):
        return True
    return it.label == claim.label and (it.speaker, it.cue) != (claim.speaker, claim.cue)


def _agreement(rows: list[tuple[str, list[str]]]) -> Agreement:
    a = Agreement(agree=sum(1 for x, ok in rows if x in ok), total=len(rows))
    plain = [(x, ok[0]) for x, ok in rows if len(ok) == 1]
    if plain:
        n = len(plain)
        po = sum(1 for x, y in plain if x == y) / n
        pe = sum((sum(1 for x, _ in plain if x == lab) / n) * (sum(1 for _, y in plain if y == lab) / n)
                 for lab in ("attributed", "asserted"))
        a.kappa = round((po - pe) / (1 - pe), 3) if pe < 1 else None
    return a


def time_spent(events: list[dict]) -> tuple[float, int]:
    """Seconds spent over all sittings (each from its start to its last
    event) and the number of sittings."""
    total, sittings = 0.0, 0
    start = last = None
    for ev in events:
        t = _when(ev.get("at"))
        if ev.get("type") in ("session", "resume"):
            if start is not None and last is not None:
                total += max(0.0, (last - start).total_seconds())
            start = last = t
            sittings += 1
        elif t is not None:
            last = t
    if start is not None and last is not None:
        total += max(0.0, (last - start).total_seconds())
    return total, sittings


def _when(s: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(s) if s else None
    except ValueError:
        return None


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    m, s = divmod(seconds, 60)
    if m < 60:
        return f"{m}m {s:02d}s"
    h, m = divmod(m, 60)
    return f"{h}h {m:02d}m"


def summary_lines(s: Summary) -> list[str]:
    lines = [
        f"{s.name}: {s.claims} claims, {s.decided} decided, {s.left} left",
        f"  {s.accepted} accepted, {s.flipped} flipped, {s.ambiguous} ambiguous, {s.rejected} rejected; "
        f"{s.added} added, {s.edited} edited",
        f"  time spent {duration(s.seconds)} over {s.sittings} sitting{'s' if s.sittings != 1 else ''}",
    ]
    if s.agreement:
        lines.append("  agreement (ambiguous claims accept either label):")
        for who, a in s.agreement.items():
            label = f"{who} vs reviewer" if who != "model vs checker" else who
            rate = f"{100 * a.rate:.0f}%" if a.rate is not None else "-"
            kappa = f"  kappa {a.kappa:.2f}" if a.kappa is not None else ""
            lines.append(f"    {label:<20} {a.agree}/{a.total}  {rate}{kappa}")
    return lines
