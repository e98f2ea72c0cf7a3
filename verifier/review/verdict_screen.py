"""Drawing a verdict under review: the claim as the article has it, the
passage it was checked against, the word-level diff between the two, the
tool's reasons and named differences, and the other passages a reviewer
may choose (numbered as `passage=N` in a decisions file).

Readable without colour: the diff marks words the source has and the
article does not as [-words-], words the article has and the source does
not as {+words+} (git's word-diff marks), besides their styles.
"""

from __future__ import annotations

import difflib

from rich.console import Console
from rich.text import Text

from verifier.review.screen import Frame, Section, key_bar, message_lines, wrap
from verifier.review.verdict_state import VerdictState
from verifier.review.verdicts import VerdictSession
from verifier.schemas import VERIFY_VERDICTS, SourcePassage

MAX_DIFF_WORDS = 400
BAD = frozenset({"altered", "mismatch", "wrong_speaker"})
KEYS = [("a", "confirm"), ("o", "override"), ("n", "note"), ("u", "undo"), ("b", "back"), ("spc", "skip"),
        ("?", "help"), ("q", "save & quit")]
HELP = [
    ("a  Enter", "confirm the tool's verdict (and its passage)"),
    ("o", "override: choose the verdict, the passage it rests on, and say why"),
    ("n", "attach a note to this verdict"),
    ("u", "undo the last change"),
    ("b  Left", "back to the previous verdict"),
    ("Space  Right", "skip: on to the next verdict, decide later"),
    ("?  h", "this help"),
    ("q", "save and quit (every decision is already saved)"),
]
DIFF_LEGEND = "[-source only-] {+article only+}"


def word_diff(article: str, source: str) -> list[tuple[str, str]]:
    """(op, words) runs: '=' both, '-' the source only, '+' the article only.
    Words are compared folded (case, curly quotes, punctuation); the
    source's words are shown from the first to the last one the article
    shares (the rest of a long passage is context, not a difference)."""
    from verifier.verify.text import tokens

    a = tokens(article)[:MAX_DIFF_WORDS]
    s = tokens(source)[:MAX_DIFF_WORDS]
    sm = difflib.SequenceMatcher(a=[t.norm for t in s], b=[t.norm for t in a], autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return [("-", " ".join(source[t.start:t.end] for t in s)), ("+", " ".join(article[t.start:t.end] for t in a))]
    first, last = blocks[0], blocks[-1]
    # as many source words around the shared ones as the article has there, within the sentence
    lo, hi = first.a, last.a + last.size
    for _ in range(first.b):
        if lo == 0 or _sentence_break(source, s[lo - 1], s[lo]):
            break
        lo -= 1
    for _ in range(len(a) - last.b - last.size):
        if hi == len(s) or _sentence_break(source, s[hi - 1], s[hi]):
            break
        hi += 1
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        i1, i2 = max(i1, lo), min(i2, hi)
        src = " ".join(source[t.start:t.end] for t in s[i1:i2]) if i1 < i2 else ""
        art = " ".join(article[t.start:t.end] for t in a[j1:j2])
        if op == "equal":
            out.append(("=", art))
            continue
        if src:
            out.append(("-", src))
        if art:
            out.append(("+", art))
    return out


def _sentence_break(text: str, before, after) -> bool:
    return any(ch in ".!?" for ch in text[before.end:after.start])


def diff_text(runs: list[tuple[str, str]]) -> Text:
    t = Text()
    for op, words in runs:
        if t:
            t.append(" ")
        if op == "=":
            t.append(words)
        elif op == "-":
            t.append(f"[-{words}-]", style="bold red strike")
        else:
            t.append(f"{{+{words}+}}", style="bold green")
    return t


def _passage_line(state: VerdictState, p: SourcePassage) -> str:
    from pathlib import Path

    who = f", {p.speaker}'s turn" if p.speaker else ""
    return f"{Path(state.source_name(p.source)).name} {p.start}-{p.end}{who}"


def _label(k: str, text: str) -> Text:
    t = Text()
    t.append(f"{k:<9}", style="bold")
    t.append(text)
    return t


def progress(session: VerdictSession) -> str:
    st = session.state
    pos = st.position(st.cursor)
    where = f"verdict {pos + 1} of {len(st.queue)}" if pos is not None else f"{len(st.queue)} verdicts"
    return f"{where} · {st.decided_count()} done"


def verdict_frame(console: Console, session: VerdictSession, width: int, title: str,
                  message: str | None = None) -> Frame:
    st = session.state
    cid = st.cursor
    check, it = st.checks[cid], st.items[cid]
    sections: list[Section] = []
    head = Text()
    head.append(f"{cid} ", style="bold")
    head.append(check.verdict.upper(), style="bold red" if check.verdict in BAD else "bold")
    head.append(f" ({'quotation' if check.kind == 'direct' else 'indirect speech'}"
                f"{', model judge' if check.method == 'judge' else ''})", style="dim")
    if it.decided:
        head.append("  settled: ", style="bold")
        head.append("confirmed" if it.decision == "confirm" else f"overridden as {it.verdict}")
        if it.reviewer:
            head.append(f" by {it.reviewer}", style="dim")
    else:
        head.append("  undecided", style="italic")
    sections.append(Section(wrap(console, head, width, max_lines=1)))
    claim = st.claim_text(cid)
    if claim:
        sections.append(Section(wrap(console, _label("Claim", claim), width, max_lines=2), keep=1, shrink=5))
    sections.append(Section(wrap(console, _label("Article", f"“{check.compared}” — {check.speaker or 'unnamed'}"),
                                 width, max_lines=4), keep=1, shrink=3))
    passage = it.passage
    if passage is None:
        sections.append(Section([_label("Source", "no passage")]))
    else:
        sections.append(Section(wrap(console, _label("Source", _passage_line(st, passage)), width, max_lines=1)))
        body = Text("> ", style="bold") + Text(passage.text.replace("\n", " "))
        sections.append(Section(wrap(console, body, width, max_lines=5), keep=1, shrink=2))
        diff = Text()
        diff.append("Diff     ", style="bold")
        diff.append_text(diff_text(word_diff(check.compared, passage.text)))
        sections.append(Section([Text(DIFF_LEGEND, style="dim")] if check.kind == "direct" else [], keep=0,
                                shrink=7))
        sections.append(Section(wrap(console, diff, width, max_lines=4), keep=1, shrink=2))
    why = "; ".join(check.reasons)
    for d in check.differences:
        why += f"; {d.kind}: article '{d.claim or '—'}', source '{d.source or '—'}'"
    sections.append(Section(wrap(console, _label("Why", why.strip("; ")), width, max_lines=3), keep=1, shrink=4))
    if check.judge is not None:
        sections.append(Section(wrap(console, _label("Judge", f"{check.judge.verdict}: {check.judge.reason}"), width,
                                     max_lines=2), keep=0, shrink=6))
    if it.note:
        sections.append(Section(wrap(console, _label("Note", it.note), width, max_lines=2), keep=1, shrink=4))
    sections.append(Section(choice_lines(console, st, cid, width), keep=1, shrink=8))
    foot = message_lines(console, message, width) + key_bar(console, width, KEYS)
    return Frame(header=title, right=progress(session), sections=sections, footer=foot)


def choice_lines(console: Console, state: VerdictState, cid: str, width: int) -> list[Text]:
    lines = [Text("Passages (for an override)", style="bold")]
    for k, p in enumerate(state.choices(cid), 1):
        t = Text(f"  {k}) ", style="bold") + Text(f"{_passage_line(state, p)}: ", style="dim") \
            + Text(p.text.replace("\n", " "))
        lines += wrap(console, t, width, max_lines=1)
    return lines if len(lines) > 1 else [Text("No passage was retrieved: only not_found stands.", style="dim")]


def verdict_choices() -> str:
    return " ".join(f"{k} {v}" for k, v in enumerate(VERIFY_VERDICTS, 1))


def done_frame(console: Console, session: VerdictSession, width: int, title: str, summary: list[str],
               message: str | None = None, batch_next: bool = False) -> Frame:
    st = session.state
    lines = [Text("Every verdict is settled." if st.finished else f"{len(st.undecided())} verdicts are not settled "
                  "yet.", style="bold"), Text("")]
    for s in summary:
        lines += wrap(console, s, width)
    items = [("q", "save & quit"), ("b", "back"), ("u", "undo"), ("?", "help")]
    if batch_next:
        items.insert(0, ("Enter", "next report"))
    elif not st.finished:
        items.insert(0, ("Enter", "to the undecided"))
    return Frame(header=title, right=progress(session), sections=[Section(lines, keep=3, shrink=1)],
                 footer=message_lines(console, message, width) + key_bar(console, width, items))


def help_frame(console: Console, width: int, title: str) -> Frame:
    lines = []
    for k, what in HELP:
        lines += wrap(console, Text(f"{k:<14}", style="bold") + Text(what), width, max_lines=1)
    lines.append(Text(""))
    lines += wrap(console, Text(f"Diff marks: {DIFF_LEGEND}. Every change is saved as it is made; run the same "
                                "command again to resume.", style="dim"), width)
    return Frame(header=title + " · help", sections=[Section(lines, keep=len(HELP), shrink=1)],
                 footer=[Text("any key: back to the verdict", style="bold")])


def prompt_frame(console: Console, session: VerdictSession, width: int, title: str, body: list,
                 note: str | None = None, lead: list[str] | None = None) -> Frame:
    lines: list[Text] = []
    for b in body:
        lines += wrap(console, b, width)
    foot = wrap(console, Text(note or "", style="bold"), width, max_lines=2) if note else [Text("")]
    foot += [Text(ln, style="bold") for ln in lead or []]
    return Frame(header=title, right=progress(session), sections=[Section(lines, keep=2, shrink=1)], footer=foot)
