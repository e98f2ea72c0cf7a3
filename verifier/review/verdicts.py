"""Settling verification verdicts: a reviewer confirms or overrides each
verdict of `verifier verify` (verbatim, altered, supported, mismatch,
wrong_speaker, not_found), journaled like the claim review (crash-safe,
resumable; the journal is NAME.verdicts.review.jsonl beside the Report).

An override names its reason (the note) and, for every verdict but
not_found, the passage it rests on: the check's own or one of the
retrieved ones (`VerdictState.choices`). The settled Report
(`settled_report`) carries the reviewer's verdict in `ClaimCheck.verdict`,
the tool's in `ClaimCheck.review.tool_verdict`, and recounts the verdicts.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from verifier.review.inputs import ReviewInput
from verifier.review.journal import JOURNAL_VERSION
from verifier.review.journaled import Journaled, ReviewError, now
from verifier.review.verdict_state import NEEDS_PASSAGE, VerdictItem, VerdictState, verdict_order
from verifier.schemas import VERIFY_VERDICTS, VERIFICATION_VERSION, Report, VerdictReview

JOURNAL_SUFFIX = ".verdicts.review.jsonl"


class NeedsReason(ReviewError):
    """An override without a reason."""


class NeedsPassage(ReviewError):
    """An override to a verdict that rests on a passage, and none is chosen."""


def checks_hash(report: Report) -> str:
    checks = [c.model_dump(mode="json", exclude={"review"}) for c in report.verification.checks]
    import json

    return hashlib.sha256(json.dumps(checks, sort_keys=True).encode()).hexdigest()


def verdict_header(report: Report, reviewer: str, input_path: str | None) -> dict:
    return {
        "type": "session", "v": JOURNAL_VERSION, "seq": 0, "at": now(), "reviewer": reviewer, "pid": os.getpid(),
        "input": input_path, "kind": "verdicts", "doc_hash": report.document.hash, "checks_hash": checks_hash(report),
        "queue": verdict_order(report.verification.checks), "report": report.model_dump(mode="json"),
    }


def _verified_report(source: ReviewInput) -> Report:
    if source.kind != "report":
        raise ReviewError(f"{source.path}: --verdicts reviews a Report saved by `verifier verify ... -f json -o "
                          "FILE.json`, not an article")
    report = source.load_report()
    if report.verification is None:
        raise ReviewError(f"{source.path}: this Report has no verification; make one with `verifier verify "
                          f"{source.name} --source PATH -f json -o FILE.json`")
    if not report.verification.checks:
        raise ReviewError(f"{source.path}: no attributed claim was verified: no verdict to review")
    return report


class VerdictSession(Journaled):
    state_class = VerdictState

    @classmethod
    def journal_of(cls, source: ReviewInput) -> Path:
        return source.path.with_name(source.path.name + JOURNAL_SUFFIX)

    @classmethod
    def changed(cls, header: dict, source: ReviewInput) -> str | None:
        report = _verified_report(source)
        if header.get("doc_hash") == report.document.hash and header.get("checks_hash") == checks_hash(report):
            return None
        return (f"{source.path} changed since its verdict review started (the article or the verdicts differ from "
                f"those {cls.journal_of(source).name} reviews)")

    @classmethod
    def open(cls, source: ReviewInput, reviewer: str, restart: bool = False, defer: bool = False) -> "VerdictSession":
        report = _verified_report(source)
        return cls.open_journal(source, reviewer, lambda: verdict_header(report, reviewer, str(source.path)),
                                restart, defer)

    @classmethod
    def in_memory(cls, report: Report, reviewer: str = "test") -> "VerdictSession":
        return cls(VerdictState(verdict_header(report, reviewer, None)), reviewer)

    # --- lookups --------------------------------------------------------------------
    def item(self, claim_id: str) -> VerdictItem:
        try:
            return self.state.items[claim_id]
        except KeyError:
            known = ", ".join(list(self.state.items)[:8])
            raise ReviewError(f"no verified claim {claim_id!r} (verified: {known}"
                              f"{' ...' if len(self.state.items) > 8 else ''})") from None

    # --- decisions ----------------------------------------------------------------------
    def confirm(self, claim_id: str, note: str | None = None) -> VerdictItem:
        """The tool's verdict stands (its passage with it)."""
        before = self.item(claim_id)
        check = self.state.checks[claim_id]
        kept = before.note if before.decision != "override" else None  # an override's reason goes with it
        new = VerdictItem(id=claim_id, verdict=check.verdict, passage=check.passage, decision="confirm",
                          note=(note or "").strip() or kept, reviewer=self.reviewer, at=now())
        return self._change(claim_id, "confirm", before, new, self.next_cursor(claim_id))

    def override(self, claim_id: str, verdict: str, note: str | None, passage: int | None = None) -> VerdictItem:
        """The reviewer's verdict instead of the tool's, with its reason and
        (but for not_found) the passage it rests on: number `passage` of
        the choices, else the one already shown."""
        before = self.item(claim_id)
        check = self.state.checks[claim_id]
        verdict = (verdict or "").strip().lower().replace("-", "_").replace(" ", "_")
        if verdict not in VERIFY_VERDICTS:
            raise ReviewError(f"unknown verdict {verdict!r} (use {', '.join(VERIFY_VERDICTS)})")
        chosen = self.passage_for(claim_id, verdict, passage)
        if verdict == check.verdict and chosen == check.passage:
            on = " on this passage" if chosen is not None else ""
            raise ReviewError(f"{claim_id}: {verdict}{on} is the tool's verdict: confirm it instead")
        reason = (note or "").strip()
        if not reason:
            raise NeedsReason(f"{claim_id}: an override needs its reason (a note a person can check)")
        new = VerdictItem(id=claim_id, verdict=verdict, passage=chosen, decision="override", note=reason,
                          reviewer=self.reviewer, at=now())
        return self._change(claim_id, "override", before, new, self.next_cursor(claim_id))

    def passage_for(self, claim_id: str, verdict: str, number: int | None):
        if verdict not in NEEDS_PASSAGE:
            return None
        choices = self.state.choices(claim_id)
        if number is not None:
            if not 1 <= number <= len(choices):
                raise NeedsPassage(f"{claim_id}: passage {number} is not one of 1-{len(choices)}"
                                   if choices else f"{claim_id}: no passage was retrieved for this claim")
            return choices[number - 1]
        current = self.item(claim_id).passage or self.state.checks[claim_id].passage
        if current is not None:
            return current
        if not choices:
            raise NeedsPassage(f"{claim_id}: {verdict} needs a passage and none was retrieved: only not_found "
                               "stands without one")
        raise NeedsPassage(f"{claim_id}: {verdict} needs the passage it rests on: choose one of 1-{len(choices)}")

    def set_note(self, claim_id: str, note: str | None) -> VerdictItem:
        before = self.item(claim_id)
        new = before.model_copy(update={"note": (note or "").strip() or None})
        if new.decision == "override" and not new.note:
            raise NeedsReason(f"{claim_id}: an override keeps its reason (confirm the verdict to drop it)")
        return self._change(claim_id, "note", before, new, self.cursor)

    def undo(self) -> dict | None:
        last = self.state.last_change()
        if last is None:
            return None
        self._emit({"type": "undo", "undoes": last["seq"], "claim": last["claim"], "action": last["action"],
                    "cursor": last["claim"]})
        return last

    def _change(self, claim_id: str, action: str, before: VerdictItem, after: VerdictItem,
                cursor: str | None) -> VerdictItem:
        self._emit({"type": "change", "claim": claim_id, "action": action, "before": before.model_dump(mode="json"),
                    "after": after.model_dump(mode="json"), "note": after.note, "cursor": cursor})
        return self.state.items[claim_id]


def settled_report(state: VerdictState) -> Report:
    """The Report with every decided verdict settled (undecided ones as the
    tool gave them, named in a warning) and the counts recomputed."""
    report = state.report.model_copy(deep=True)
    v = report.verification
    checks = []
    for c in v.checks:
        it = state.items.get(c.claim_id)
        if it is None or not it.decided:
            checks.append(c)
            continue
        tool = c.review.tool_verdict if c.review else c.verdict
        said = "confirmed" if it.decision == "confirm" else f"overrode {c.verdict} with {it.verdict}"
        reason = f"reviewer {it.reviewer or 'unknown'}: {said}" + (f" ({it.note})" if it.note else "")
        review = VerdictReview(action=it.decision, tool_verdict=tool, reviewer=it.reviewer, at=it.at, note=it.note)
        # the person's reason first: renderers cut long lists of reasons
        checks.append(c.model_copy(update={"verdict": it.verdict, "passage": it.passage, "review": review,
                                           "reasons": [reason] + c.reasons}))
    counts = {k: sum(1 for c in checks if c.verdict == k) for k in VERIFY_VERDICTS}
    report.verification = v.model_copy(update={"checks": checks, "counts": counts, "version": VERIFICATION_VERSION})
    left = state.undecided()
    if left:
        report.warnings.append(f"review: {len(left)} verdict(s) not reviewed yet: " + ", ".join(left))
    return report


def verdict_summary_lines(state: VerdictState, name: str) -> list[str]:
    from verifier.review.summary import duration, time_spent

    decided = [state.items[c] for c in state.queue if state.items[c].decided]
    confirmed = sum(1 for it in decided if it.decision == "confirm")
    seconds, sittings = time_spent(state.events)
    lines = [f"{name}: {len(state.queue)} verdicts, {len(decided)} settled, {len(state.queue) - len(decided)} left",
             f"  {confirmed} confirmed, {len(decided) - confirmed} overridden",
             f"  time spent {duration(seconds)} over {sittings} sitting{'s' if sittings != 1 else ''}"]
    if decided:
        lines.append(f"  tool vs reviewer: {confirmed}/{len(decided)}  {100 * confirmed / len(decided):.0f}%")
    for cid in state.overridden():
        lines.append(f"    {cid}: {state.checks[cid].verdict} -> {state.items[cid].verdict}")
    return lines
