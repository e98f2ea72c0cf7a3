"""Scripted verdict review: `verifier review REPORT.json --verdicts --decisions FILE`.

One decision per line; blank lines and `#` comments are ignored:

    c3 confirm
    c4 override verbatim note="the transcript's 'about' is the article's 'around'"
    c5 override supported passage=2 note="passage 2 says the same in other words"
    c6 override not_found note="the cited passage is about another project"
    c6 note "checked against the video"
    undo
    * confirm                          # every verdict still undecided

The verdicts: verbatim, altered, supported, mismatch, wrong_speaker,
not_found. An override needs note= (its reason); passage=N picks the
passage it rests on, numbered as on the review screen (1: the check's own,
then the retrieved ones); without it the check's own passage is kept.
A line may also be a JSON object:
{"claim": "c4", "action": "override", "verdict": "verbatim", "note": "..."}.
In a batch (a directory), `@ NAME` starts the lines for article NAME.

All or nothing: every line for every Report is tried before anything is
written; a bad line stops the run with its line number and nothing changes.
Run again (after a success, or with lines appended), a file applies only
the lines the session has not taken yet: each applied line is journaled.
"""

from __future__ import annotations

import json
import shlex

from verifier.review.decisions import DecisionsError, Line
from verifier.review.journaled import ReviewError
from verifier.review.verdicts import VerdictSession
from verifier.schemas import VERIFY_VERDICTS

ACTIONS = ("confirm", "override", "note", "undo")
OPTIONS = ("note", "passage", "verdict")


def parse_verdict_line(s: str, no: int, where: str = "decisions") -> Line:
    at = f"{where}:{no}"
    if s.startswith("{"):
        try:
            obj = json.loads(s)
        except ValueError as exc:
            raise DecisionsError(f"{at}: not valid JSON ({exc})") from None
        if not isinstance(obj, dict) or "action" not in obj:
            raise DecisionsError(f"{at}: a JSON decision needs an \"action\"")
        obj = dict(obj)
        action, target = str(obj.pop("action")), obj.pop("claim", None)
        value = obj.pop("value", None)
        return _checked(Line(no, target, action, None if value is None else str(value),
                             {k: None if v is None else str(v) for k, v in obj.items()}), at)
    try:
        toks = shlex.split(s, comments=True)
    except ValueError as exc:
        raise DecisionsError(f"{at}: {exc} (check the quotes)") from None
    if toks[:1] == ["undo"]:
        target, action, rest = None, "undo", toks[1:]
    elif len(toks) >= 2:
        target, action, rest = toks[0], toks[1], toks[2:]
    else:
        raise DecisionsError(f"{at}: expected 'CLAIM ACTION', e.g. 'c3 confirm'")
    value, options = None, {}
    for tok in rest:
        key, eq, val = tok.partition("=")
        if eq and key in OPTIONS:
            options[key] = val
        elif value is None:
            value = tok
        else:
            raise DecisionsError(f"{at}: unexpected {tok!r} (quote text with spaces, options are key=value)")
    return _checked(Line(no, target, action, value, options), at)


def _checked(line: Line, at: str) -> Line:
    if line.action not in ACTIONS:
        raise DecisionsError(f"{at}: unknown action {line.action!r} (use {', '.join(ACTIONS)})")
    bad = [k for k in line.options if k not in OPTIONS]
    if bad:
        raise DecisionsError(f"{at}: unknown option {bad[0]!r} (options: {', '.join(OPTIONS)})")
    if line.action == "override":
        verdict = line.options.pop("verdict", None) or line.value
        if verdict not in VERIFY_VERDICTS:
            raise DecisionsError(f"{at}: override needs a verdict ({', '.join(VERIFY_VERDICTS)}), "
                                 f"e.g. {line.target or 'c1'} override verbatim note=\"...\"")
        line.value = verdict
        passage = line.options.get("passage")
        if passage is not None and not str(passage).isdigit():
            raise DecisionsError(f"{at}: passage={passage!r}: give the passage's number on the review screen")
    elif line.action in ("confirm", "undo") and line.value is not None:
        raise DecisionsError(f"{at}: unexpected {line.value!r} ({line.action} takes only note=)")
    if line.target == "*" and line.action != "confirm":
        raise DecisionsError(f"{at}: '*' takes confirm only (an override names its reason claim by claim)")
    if line.action == "note" and line.value is None and "note" not in line.options:
        raise DecisionsError(f"{at}: note needs its text, e.g. {line.target or 'c1'} note \"...\"")
    return line


def apply_verdict_lines(session: VerdictSession, lines: list[Line], where: str = "decisions",
                        article: str | None = None) -> int:
    n = 0
    for line in lines:
        try:
            n += _apply(session, line)
        except ReviewError as exc:
            raise DecisionsError(f"{where}:{line.no}: {article + ': ' if article else ''}{exc}") from None
    return n


def _apply(session: VerdictSession, line: Line) -> int:
    note = line.options.get("note")
    if line.action == "undo":
        if session.undo() is None:
            raise ReviewError("nothing to undo")
        return 1
    targets = session.state.undecided() if line.target == "*" else [line.target]
    for cid in targets:
        if line.action == "confirm":
            session.confirm(cid, note)
        elif line.action == "override":
            passage = line.options.get("passage")
            session.override(cid, line.value, note, int(passage) if passage is not None else None)
        else:
            session.set_note(cid, line.value if line.value is not None else note)
    return len(targets)
