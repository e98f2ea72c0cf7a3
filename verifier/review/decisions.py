"""The non-interactive fallback: `verifier review PATH --decisions FILE`.

One decision per line; blank lines and `#` comments are ignored:

    c3 accept
    c4 flip speaker="Vladimir Putin" cue=announcing note="content clause"
    c5 ambiguous
    c6 reject note="a question, not a claim"
    c7 speaker "Vladimir Putin"        # edits: speaker, text, cue
    c7 evidence 5-12                   # or a piece of its sentence's text
    c7 note "checked against the transcript"
    add "export contracts were fulfilled" label=attributed speaker=Putin cue=stated near=c8
    undo
    * accept                           # every claim still undecided

Any decision takes key=value options: note, speaker, cue, text, label.
A line may also be a JSON object: {"claim": "c4", "action": "flip", ...}.
In a batch (a directory), `@ NAME` starts the lines for article NAME.

All or nothing: every line for every article is tried before anything is
written. A bad line stops the run with its line number (and article), and
no session file is written or changed, not even for the articles before it.
Run again (after a success, or with lines appended), a file applies only
the lines the session has not taken yet: each applied line is journaled.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import InputNotFound, MalformedInput
from verifier.review.select import SelectionError, select
from verifier.review.session import ReviewError, Session

DECIDE = ("accept", "flip", "ambiguous", "reject")
EDIT = ("speaker", "text", "cue")
OPTIONS = ("note", "speaker", "cue", "text", "label", "near", "evidence", "ambiguous")


@dataclass
class Line:
    no: int
    target: str | None
    """The claim id, '*' (all undecided) or None (add, undo)."""
    action: str
    value: str | None = None
    options: dict = field(default_factory=dict)
    raw: str = ""
    """The line as written (what the journal remembers it by)."""


class DecisionsError(MalformedInput):
    pass


def read_decisions(path: Path, parse=None) -> tuple[dict[str | None, list[Line]], str]:
    """Lines per article name (None: before any '@ NAME'); `parse` reads
    one line (default `parse_line`; the verdict review has its own)."""
    parse = parse or parse_line
    try:
        raw = path.read_text(encoding="utf-8") if str(path) != "-" else __import__("sys").stdin.read()
    except FileNotFoundError:
        raise InputNotFound(f"{path}: no such decisions file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedInput(f"{path}: cannot be read ({exc})") from None
    out: dict[str | None, list[Line]] = {}
    article: str | None = None
    for no, text in enumerate(raw.splitlines(), 1):
        s = text.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("@"):
            article = s[1:].strip()
            if not article:
                raise DecisionsError(f"{path}:{no}: '@' needs an article name")
            out.setdefault(article, [])
            continue
        line = parse(s, no, str(path))
        line.raw = s
        out.setdefault(article, []).append(line)
    return out, str(path)


def parse_line(s: str, no: int, where: str = "decisions") -> Line:
    at = f"{where}:{no}"
    if s.startswith("{"):
        try:
            obj = json.loads(s)
        except ValueError as exc:
            raise DecisionsError(f"{at}: not valid JSON ({exc})") from None
        if not isinstance(obj, dict) or "action" not in obj:
            raise DecisionsError(f"{at}: a JSON decision needs an \"action\"")
        obj = dict(obj)
        action = str(obj.pop("action"))
        target = obj.pop("claim", None)
        value = obj.pop("value", None)
        if action in EDIT and value is None:
            value = obj.pop(action, None)
        return _checked(Line(no, target, action, value, {k: v for k, v in obj.items()}), at)
    try:
        toks = shlex.split(s, comments=True)
    except ValueError as exc:
        raise DecisionsError(f"{at}: {exc} (check the quotes)") from None
    if not toks:
        raise DecisionsError(f"{at}: empty decision")
    if toks[0] in ("undo", "add"):
        target, action, rest = None, toks[0], toks[1:]
    else:
        if len(toks) < 2:
            raise DecisionsError(f"{at}: expected 'CLAIM ACTION', e.g. 'c3 accept'")
        target, action, rest = toks[0], toks[1], toks[2:]
    value = None
    options: dict = {}
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
    known = DECIDE + EDIT + ("evidence", "note", "add", "undo")
    if line.action not in known:
        raise DecisionsError(f"{at}: unknown action {line.action!r} (use {', '.join(known)})")
    bad = [k for k in line.options if k not in OPTIONS]
    if bad:
        raise DecisionsError(f"{at}: unknown option {bad[0]!r} (options: {', '.join(OPTIONS)})")
    if line.action in DECIDE + ("undo",) and line.value is not None:
        raise DecisionsError(f"{at}: unexpected {line.value!r} ({line.action} takes only key=value options: "
                             f"{', '.join(OPTIONS[:5])})")
    if line.target == "*" and line.action not in DECIDE:
        raise DecisionsError(f"{at}: '*' takes a decision (accept, flip, ambiguous, reject)")
    if line.action in EDIT + ("evidence", "note") and line.value is None and line.action not in line.options:
        raise DecisionsError(f"{at}: {line.action} needs a value, e.g. {line.target or 'c1'} {line.action} \"...\"")
    if line.action == "add" and line.value is None and "evidence" not in line.options:
        raise DecisionsError(f"{at}: add needs its evidence: add \"verbatim text\" label=asserted")
    return line


def apply_lines(session: Session, lines: list[Line], where: str = "decisions", article: str | None = None) -> int:
    """Apply the lines to the session; the number of changes made. A bad
    line raises with its line number (and the article, in a batch); the
    changes before it are kept in the session, so callers that want all or
    nothing apply to a deferred session (see `ReviewRun`) or a dry copy."""
    n = 0
    for line in lines:
        try:
            n += _apply(session, line)
        except (ReviewError, SelectionError) as exc:
            raise DecisionsError(f"{where}:{line.no}: {article + ': ' if article else ''}{exc}") from None
    return n


def apply_new(session, lines: list[Line], apply, where: str = "decisions", article: str | None = None) -> int:
    """Apply the lines this session has not taken yet, each followed by a
    `script` event naming it (its number and text): run again after a
    success, or with lines appended, a decisions file does not apply its
    earlier lines a second time (a flip undone, an added claim doubled, an
    undo of the wrong change). A line edited since is a new line."""
    done = {(ev.get("no"), ev.get("text")) for ev in session.state.events if ev.get("type") == "script"}
    n = 0
    for line in lines:
        if (line.no, line.raw) in done:
            continue
        n += apply(session, [line], where, article=article)
        session._emit({"type": "script", "no": line.no, "text": line.raw})
    return n


def apply_all_or_nothing(session: Session, lines: list[Line], where: str = "decisions") -> int:
    apply_lines(session.dry_copy(), lines, where)
    return apply_lines(session, lines, where)


def _opts(line: Line, *names: str) -> dict:
    return {k: line.options[k] for k in names if k in line.options}


def _apply(session: Session, line: Line) -> int:
    opts = line.options
    note = opts.get("note")
    if line.action == "undo":
        if session.undo() is None:
            raise ReviewError("nothing to undo")
        return 1
    if line.action == "add":
        evidence = line.value if line.value is not None else opts["evidence"]
        near = opts.get("near")
        doc = session.state.document
        if near:
            it = session.item(near)
            if not it.grounded:
                raise ReviewError(f"near={near}: that claim has no evidence in the text")
            s = doc.sentence_at(it.start)
            a, b = select(evidence, doc.text, s.start, s.end)
        else:
            a, b = select(evidence, doc.text, 0, len(doc.text))
        label = opts.get("label", "asserted")
        ambiguous = str(opts.get("ambiguous", "")).lower() in ("1", "true", "yes")
        session.add(a, b, label, speaker=opts.get("speaker"), cue=opts.get("cue"), text=opts.get("text"),
                    note=note, ambiguous=ambiguous, near=near)
        return 1
    targets = session.state.undecided() if line.target == "*" else [line.target]
    if line.target == "*" and not targets:
        return 0
    n = 0
    for cid in targets:
        if line.action in DECIDE:
            changes = _opts(line, "speaker", "cue", "text", "label")
            session.decide(cid, line.action, changes, note=note)
        elif line.action in EDIT:
            session.edit(cid, line.action, line.value if line.value is not None else opts[line.action], note=note)
        elif line.action == "evidence":
            spec = line.value if line.value is not None else opts["evidence"]
            it = session.item(cid)
            doc = session.state.document
            if it.grounded:
                s = doc.sentence_at(it.start)
                a, b = select(spec, doc.text, s.start, s.end)
            else:
                a, b = select(spec, doc.text, 0, len(doc.text))
            session.set_evidence(cid, a, b, note=note)
        elif line.action == "note":
            session.set_note(cid, line.value if line.value is not None else opts["note"])
        n += 1
    return n
