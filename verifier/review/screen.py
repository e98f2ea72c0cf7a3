"""Drawing the review screens with rich, fitted to the terminal (80x24 and up).

Everything is readable without colour: the evidence, cue and speaker carry
marks ([evidence], {cue}, <speaker>) besides their styles, and labels are
spelled out. A screen is built as sections of wrapped lines; when the
terminal is short, context sentences and reasons give way first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.console import Console
from rich.text import Text

from verifier.review.items import PAST, Item, label_text, outcome
from verifier.review.order import DISPUTED
from verifier.review.session import Session

EVIDENCE_STYLE = {"attributed": "bold reverse cyan", "asserted": "bold reverse yellow"}
CUE_STYLE = "bold underline magenta"
SPEAKER_STYLE = "bold green"
LABEL_STYLE = {"attributed": "bold cyan", "asserted": "bold yellow"}
LEGEND = "[evidence] {cue} <speaker>"

KEYS = [
    ("a", "accept"), ("f", "flip"), ("s", "speaker"), ("t", "text"), ("c", "cue"), ("e", "evidence"),
    ("m", "ambiguous"), ("r", "reject"), ("+", "add"), ("n", "note"), ("u", "undo"), ("b", "back"),
    ("spc", "skip"), ("?", "help"), ("q", "save & quit"),
]

HELP = [
    ("a  Enter", "accept the claim as shown (label, speaker, cue, text)"),
    ("f", "flip the label: attributed <-> asserted (asks for speaker and cue)"),
    ("s", "edit the speaker (attributed claims)"),
    ("t", "edit the claim text (the claim written to stand alone)"),
    ("c", "edit the cue (the word that signals attribution)"),
    ("e", "choose the evidence again, by word numbers or text"),
    ("m", "mark ambiguous: both labels acceptable"),
    ("r  x", "reject: not a claim"),
    ("+", "add a claim the pipeline missed, from this sentence"),
    ("n", "attach a note to this claim's decision"),
    ("u", "undo the last change (decisions, edits, notes, additions)"),
    ("b  Left", "back to the previous claim"),
    ("Space  Right", "skip: on to the next claim, decide later"),
    ("?  h", "this help"),
    ("q", "save and quit (every decision is already saved)"),
]


@dataclass
class Section:
    lines: list[Text]
    keep: int = 1
    """Lines kept however short the terminal (the rest can be dropped)."""
    shrink: int = 0
    """Order of giving way: higher gives way first; 0 never shrinks."""
    cut_top: bool = False
    """Drop lines from the top (context before the sentence) instead of the bottom."""


@dataclass
class Frame:
    header: str = ""
    right: str = ""
    sections: list[Section] = field(default_factory=list)
    footer: list[Text] = field(default_factory=list)


def wrap(console: Console, text: Text | str, width: int, indent: int = 0, max_lines: int | None = None) -> list[Text]:
    t = Text(text) if isinstance(text, str) else text
    lines = list(t.wrap(console, max(10, width - indent)))
    if indent:
        lines = [Text(" " * indent) + ln for ln in lines]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        last.truncate(max(1, width - 1))
        lines[-1] = last + Text("…")
    return lines or [Text("")]


def fit(console: Console, frame: Frame, width: int, height: int) -> Text:
    head = Text(frame.header, style="bold")
    if frame.right:
        room = width - len(frame.right) - 1
        if head.cell_len > room:
            head.truncate(max(1, room - 1))
            head.append("…")
        head.append(" " * max(1, width - head.cell_len - len(frame.right)))
        head.append(frame.right, style="bold")
    top = [head, Text("─" * width, style="dim")]
    bottom = [Text("─" * width, style="dim")] + frame.footer
    budget = max(1, height - len(top) - len(bottom))
    sections = [Section(list(s.lines), s.keep, s.shrink, s.cut_top) for s in frame.sections]
    total = sum(len(s.lines) for s in sections)
    for level in sorted({s.shrink for s in sections if s.shrink}, reverse=True):
        for s in sections:
            cut = False
            while total > budget and s.shrink == level and len(s.lines) > s.keep:
                s.lines.pop(0 if s.cut_top else -1)
                total -= 1
                cut = True
            if cut and s.lines and not s.cut_top and s.lines[-1].plain.strip():
                last = s.lines[-1]
                last.truncate(max(1, width - 1))
                last.append("…")
    body = [ln for s in sections for ln in s.lines][:budget]
    lines = top + body + [Text("")] * (budget - len(body)) + bottom
    for ln in lines:
        ln.no_wrap = True
        ln.overflow = "crop"
        if ln.cell_len > width:
            ln.truncate(width)
    return Text("\n").join(lines[:height])


# --- pieces -------------------------------------------------------------------

def marked(text: str, start: int, end: int, spans: list[tuple[int, int, str, str, str]]) -> Text:
    """text[start:end] with each (a, b, open, close, style) span marked."""
    cuts = {start, end}
    spans = [(max(a, start), min(b, end), o, c, st) for a, b, o, c, st in spans if a < end and b > start and a < b]
    for a, b, *_ in spans:
        cuts.update((a, b))
    points = sorted(cuts)
    out = Text()
    for i, p in enumerate(points):
        for a, b, _o, c, _st in spans:
            if b == p:
                out.append(c, style="bold")
        for a, b, o, _c, _st in spans:
            if a == p:
                out.append(o, style="bold")
        if i + 1 < len(points):
            q = points[i + 1]
            styles = [st for a, b, _o, _c, st in spans if a <= p and q <= b]
            out.append(text[p:q].replace("\n", " "), style=" ".join(styles) or None)
    return out


def _find_word(text: str, needle: str | None, lo: int, hi: int, before: int) -> tuple[int, int] | None:
    if not needle or not needle.strip():
        return None
    hits = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(needle.strip()) + r"(?!\w)",
                                                      text[lo:hi], re.I)]
    if not hits:
        return None
    hits = [(lo + a, lo + b) for a, b in hits]
    prior = [h for h in hits if h[0] < before]
    return prior[-1] if prior else hits[0]


def claim_marks(session: Session, it: Item, lo: int, hi: int) -> list[tuple[int, int, str, str, str]]:
    text = session.state.document.text
    spans = []
    if it.grounded:
        spans.append((it.start, it.end, "[", "]", EVIDENCE_STYLE[it.label]))
    attributed = it.label == "attributed" or it.ambiguous
    if attributed and it.cue:
        claim = session.state.claims.get(it.id)
        cue = None
        for cand in ((claim.cue_span if claim else None), (it.checker.cue_span if it.checker else None)):
            if cand is not None and cand.text.lower() == it.cue.lower() and lo <= cand.start and cand.end <= hi:
                cue = (cand.start, cand.end)
                break
        cue = cue or _find_word(text, it.cue, lo, hi, it.start or hi)
        if cue and not (it.grounded and cue[0] < it.end and it.start < cue[1] and (cue[0], cue[1]) == (it.start, it.end)):
            spans.append((cue[0], cue[1], "{", "}", CUE_STYLE))
    if attributed and it.speaker:
        sp = _find_word(text, it.speaker, lo, hi, it.start or hi)
        if sp is None and " " in it.speaker.strip():
            sp = _find_word(text, it.speaker.split()[-1], lo, hi, it.start or hi)
        if sp is not None:
            spans.append((sp[0], sp[1], "<", ">", SPEAKER_STYLE))
    return spans


def _opinion(label: str | None, speaker: str | None, cue: str | None) -> Text:
    t = Text()
    if label is None:
        t.append("no label of its own", style="dim")
        return t
    t.append(label, style=LABEL_STYLE[label])
    if label == "attributed":
        t.append(f" · speaker {speaker or '—'} · cue {cue or '—'}")
    return t


def progress(session: Session) -> str:
    st = session.state
    pos = st.position(st.cursor)
    n = len(st.queue)
    where = f"claim {pos + 1} of {n}" if pos is not None else f"{n} claims"
    disputed = st.disputed_left()
    return f"{where} · {disputed} disputed left · {st.decided_count()} done"


def message_lines(console: Console, message: str | None, width: int) -> list[Text]:
    """The status message, wrapped at word boundaries (two lines at most)."""
    if not message:
        return [Text("")]
    return wrap(console, Text(message, style="bold"), width - 1, max_lines=2)


def key_bar(console: Console, width: int, keys: list[tuple[str, str]] | None = None) -> list[Text]:
    """The keys, packed into lines without splitting one."""
    lines = [Text()]
    for k, what in keys or KEYS:
        need = len(k) + 1 + len(what)
        if lines[-1].cell_len and lines[-1].cell_len + 2 + need > width:
            lines.append(Text())
        if lines[-1].cell_len:
            lines[-1].append("  ")
        lines[-1].append(k, style="bold reverse")
        lines[-1].append(f" {what}")
    return lines


def claim_frame(console: Console, session: Session, width: int, title: str, message: str | None = None,
                footer: list[Text] | None = None) -> Frame:
    st = session.state
    cid = st.cursor
    assert cid is not None
    it = st.items[cid]
    claim = st.claims[cid]
    doc = st.document
    text = doc.text
    sections: list[Section] = []

    status = Text()
    status.append(f"{cid} ", style="bold")
    if claim.status in DISPUTED:
        status.append(claim.status.upper(), style="bold red")
    else:
        status.append(claim.status, style="dim")
    if it.decided:
        status.append("  decided: ", style="bold")
        kind = outcome(it, claim)
        status.append("REJECTED" if kind == "reject" else PAST[kind])
        if it.reviewer:
            status.append(f" by {it.reviewer}", style="dim")
    else:
        status.append("  undecided", style="italic")
    sections.append(Section(wrap(console, status, width, max_lines=1)))

    claim_t = Text()
    claim_t.append("Claim    ", style="bold")
    claim_t.append(it.text)
    if it.text != claim.text:
        claim_t.append(" (edited)", style="italic")
    sections.append(Section(wrap(console, claim_t, width), keep=1, shrink=3))
    sections.append(Section([Text("")], keep=0, shrink=5))

    if it.grounded:
        sents = doc.sentences_overlapping(it.start, it.end) or [doc.sentence_at(it.start)]
        first = doc.sentences.index(sents[0])
        last = doc.sentences.index(sents[-1])
        lo, hi = sents[0].start, sents[-1].end
        lo, hi = min(lo, it.start), max(hi, it.end)
        ctx_head = Text()
        ctx_head.append("Sentence ", style="bold")
        ctx_head.append(LEGEND, style="dim")
        sections.append(Section([ctx_head]))
        if first > 0:
            p = doc.sentences[first - 1]
            before = Text(text[p.start:p.end].replace("\n", " "), style="dim")
            sections.append(Section(wrap(console, before, width, indent=2, max_lines=3), keep=0, shrink=9,
                                    cut_top=True))
        body = Text()
        body.append("> ", style="bold")
        body.append_text(marked(text, lo, hi, claim_marks(session, it, lo, hi)))
        sections.append(Section(wrap(console, body, width), keep=1, shrink=2))
        if last + 1 < len(doc.sentences):
            nx = doc.sentences[last + 1]
            after = Text(text[nx.start:nx.end].replace("\n", " "), style="dim")
            sections.append(Section(wrap(console, after, width, indent=2, max_lines=2), keep=0, shrink=8))
    else:
        ev = Text()
        ev.append("Evidence ", style="bold")
        ev.append("not found in the text: ", style="bold red")
        ev.append(f"“{it.evidence}”")
        sections.append(Section(wrap(console, ev, width, max_lines=4), keep=2, shrink=2))
    sections.append(Section([Text("")], keep=0, shrink=6))

    now = Text()
    now.append("Now      ", style="bold")
    now.append_text(_opinion(it.label, it.speaker, it.cue))
    if it.ambiguous:
        now.append(" · AMBIGUOUS (either label)", style="bold")
    sections.append(Section(wrap(console, now, width, max_lines=2)))
    model = Text()
    model.append("Model    ", style="bold")
    model.append_text(_opinion(claim.extractor.label, claim.extractor.speaker, claim.extractor.cue))
    if claim.extractor.label is None:
        model.append(f" ({st.report.extractor} extractor)", style="dim")
    sections.append(Section(wrap(console, model, width, max_lines=2)))
    verdict = it.checker or claim.checker
    chk = Text()
    chk.append("Checker  ", style="bold")
    if verdict is None:
        chk.append("no opinion (evidence not found)", style="dim")
        sections.append(Section(wrap(console, chk, width, max_lines=1)))
    else:
        chk.append_text(_opinion(verdict.label, verdict.speaker, verdict.cue))
        if it.checker is not None:
            chk.append(" (on the chosen evidence)", style="dim")
        sections.append(Section(wrap(console, chk, width, max_lines=2)))
        if verdict.reasons:
            reasons = Text("; ".join(verdict.reasons), style="italic")
            sections.append(Section(wrap(console, reasons, width, indent=9, max_lines=3), keep=1, shrink=4))
    if it.note:
        note = Text()
        note.append("Note     ", style="bold")
        note.append(it.note)
        sections.append(Section(wrap(console, note, width, max_lines=2), keep=1, shrink=4))
    added = st.added_near(cid)
    if added:
        ad = Text()
        ad.append("Added    ", style="bold")
        ad.append("; ".join(f"{a.id} {label_text(a)}: “{a.evidence}”" for a in added))
        sections.append(Section(wrap(console, ad, width, max_lines=2), keep=1, shrink=4))

    foot = list(footer) if footer is not None else message_lines(console, message, width) + key_bar(console, width)
    return Frame(header=title, right=progress(session), sections=sections, footer=foot)


def done_frame(console: Console, session: Session, width: int, title: str, summary: list[str],
               message: str | None = None, batch_next: bool = False) -> Frame:
    st = session.state
    lines: list[Text] = []
    if st.finished:
        lines.append(Text("Every claim is decided.", style="bold"))
    else:
        lines.append(Text(f"{len(st.undecided())} claims are not decided yet.", style="bold"))
    lines.append(Text(""))
    for s in summary:
        lines += wrap(console, s, width)
    items = [("q", "save & quit"), ("b", "back"), ("u", "undo"), ("+", "add"), ("?", "help")]
    if batch_next:
        items.insert(0, ("Enter", "next article"))
    elif not st.finished:
        items.insert(0, ("Enter", "to the undecided"))
    return Frame(header=title, right=progress(session), sections=[Section(lines, keep=3, shrink=1)],
                 footer=message_lines(console, message, width) + key_bar(console, width, items))


def help_frame(console: Console, width: int, title: str) -> Frame:
    lines = []
    for k, what in HELP:
        t = Text()
        t.append(f"{k:<14}", style="bold")
        t.append(what)
        lines += wrap(console, t, width, max_lines=1)
    lines.append(Text(""))
    lines += wrap(console, Text(f"Sentence marks: {LEGEND}. Every change is saved as it is made; "
                                "run the same command again to resume.", style="dim"), width)
    return Frame(header=title + " · help", sections=[Section(lines, keep=len(HELP), shrink=1)],
                 footer=[Text("any key: back to the claim", style="bold")])


def prompt_frame(console: Console, session: Session, width: int, title: str, body: list[Text | str],
                 note: str | None = None, lead: list[str] | None = None) -> Frame:
    """A prompt's screen; `lead` are the lines of the question above the
    input line (already wrapped at word boundaries, see `prompt_lines`)."""
    lines: list[Text] = []
    for b in body:
        lines += wrap(console, b, width)
    foot = wrap(console, Text(note or "", style="bold"), width, max_lines=2) if note else [Text("")]
    foot += [Text(ln, style="bold") for ln in lead or []]
    return Frame(header=title, right=progress(session), sections=[Section(lines, keep=2, shrink=1, cut_top=False)],
                 footer=foot)


def prompt_lines(question: str, width: int, answer: int = 0) -> list[str]:
    """The question wrapped at word boundaries to fit `width`; the last line
    is the one the answer is typed on. When the question and an answer of
    `answer` characters (the prefilled value) would not share one line, the
    question goes above and the answer is typed after "> ", so that the
    line being edited (which scrolls sideways, never wraps) keeps its label
    in view."""
    import textwrap

    room = max(10, width - 1)
    if len(question) + answer + 8 <= room:
        return [question]
    return (textwrap.wrap(question.rstrip(), room, break_on_hyphens=False) or [""]) + ["> "]
