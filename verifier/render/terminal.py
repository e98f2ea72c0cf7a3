"""The terminal view of a Report, drawn with rich.

A header (title, source, extractor and model, counts by label and status),
a table of claims, then the article with every claim's evidence marked:
`[A:c1 ...]` for attributed, `[S:c2 ...]` for asserted, cue words marked,
headings shown as headings, and a legend. The markers are plain characters,
so the view stays readable without colour (NO_COLOR, pipes, files); colour
and underline add to them where the terminal allows.

Every string of the Report goes through verifier.sanitize before it is
drawn (`safe_report`): an article, a model answer or a file name with ESC
sequences, C1 controls or bidi overrides shows them as visible characters
and never drives the terminal; the source path is escaped onto one line.
"""

from __future__ import annotations

import io
import os
import sys

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from verifier.output import write_stdout
from verifier.render import spans as sp
from verifier.render.safe import safe_report
from verifier.schemas import Claim, Report

STYLE = {
    "attributed": "underline dodger_blue1",
    "asserted": "dark_orange",
}
TAG_STYLE = {
    "attributed": "bold dodger_blue1",
    "asserted": "bold dark_orange",
}
CUE_STYLE = "bold magenta"
HEADING_STYLE = "bold underline"
STATUS_STYLE = {
    "agreed": "green",
    "checked": "",
    "reviewed": "cyan",
    "disagreed": "bold red",
    "ungrounded": "yellow",
    "needs review": "bold yellow",
}
WIDE = 120        # from this width the claim table gets one column per field
PROSE_MAX = 100   # article paragraphs are not wrapped wider than this
DEFAULT_WIDTH = 100


def open_tag(c: Claim, cont: bool = False) -> str:
    """`[A:c1 ` opens a claim; `[A:c1+` continues one that an overlapping
    claim interrupted."""
    return f"[{sp.LETTER[c.label]}:{c.id}" + ("+" if cont else " ")


CLOSE_TAG = "]"


# --- building blocks ------------------------------------------------------

def header(report: Report, plain: bool) -> Group:
    title = Text(sp.title(report), style="" if plain else "bold")
    meta = Text(sp.source_line(report), style="" if plain else "dim")
    by_label, by_status = sp.counts(report)
    n = len(report.claims)
    line = Text(f"{n} claim{'s' if n != 1 else ''}: ")
    for i, (label, k) in enumerate(by_label.items()):
        if i:
            line.append(", ")
        line.append(f"{k} {label}", style="" if plain else TAG_STYLE[label])
    if by_status:
        line.append(" · ")
        for i, (status, k) in enumerate(by_status.items()):
            if i:
                line.append(", ")
            line.append(f"{k} {status}", style="" if plain else STATUS_STYLE.get(status, ""))
    return Group(title, meta, line)


CHUNK = 100  # rows per rich Table: one huge Table renders in worse than linear time


def claims_tables(report: Report, width: int, plain: bool) -> list[Table]:
    """The claim table, cut into tables of CHUNK rows with identical fixed
    column widths (they print as one table)."""
    return [claims_table(report, width, plain, report.claims[i:i + CHUNK], header=i == 0)
            for i in range(0, len(report.claims), CHUNK)]


def claims_table(report: Report, width: int, plain: bool, claims: list[Claim] | None = None,
                 header: bool = True) -> Table:
    """Every column gets a fixed width computed here (from all the report's
    claims), so rich does not measure every cell."""
    wide = width >= WIDE
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True, show_header=header,
                  header_style="" if plain else "bold", title=None)
    id_w = max([2] + [len(c.id) for c in report.claims])
    table.add_column("id", no_wrap=True, width=id_w)
    if wide:
        rest = max(width - id_w - 10 - 16 - 12 - 10 - 3 * 6, 30)
        table.add_column("label", no_wrap=True, width=10)
        table.add_column("speaker", width=16, overflow="fold")
        table.add_column("cue", width=12, overflow="fold")
        table.add_column("status", no_wrap=True, width=10)
        table.add_column("claim", width=rest * 55 // 100, overflow="fold")
        table.add_column("evidence", width=rest - rest * 55 // 100, overflow="fold")
    else:
        source_w = min(max(width // 5, 10), 22)
        table.add_column("label", no_wrap=True, width=10)
        table.add_column("source", width=source_w, overflow="fold")
        table.add_column("claim  ↳ evidence", width=max(width - id_w - 10 - source_w - 3 * 3, 16), overflow="fold")

    for c in report.claims if claims is None else claims:
        lab = Text(c.label, style="" if plain else TAG_STYLE[c.label])
        status = Text(c.status, style="" if plain else STATUS_STYLE.get(c.status, ""))
        if c.ambiguous:
            status.append("\nambiguous", style="" if plain else "italic")
        speaker = sp.one_line(c.speaker) or "—"
        cue = sp.one_line(c.cue) or "—"
        claim = Text(sp.one_line(c.text))
        ev = _evidence_cell(c, 160 if wide else 120, plain)
        if wide:
            table.add_row(c.id, lab, speaker, cue, status, claim, ev)
        else:
            who = speaker if c.cue is None else f"{speaker} ({cue})"
            cell = Text.assemble(claim)
            if not (c.evidence.grounded and sp.same_text(c.evidence.text, c.text)):
                cell.append("\n↳ ", style="" if plain else "dim")
                cell.append_text(ev)
            table.add_row(c.id, Text.assemble(lab, "\n", status), who, cell)
    return table


def _evidence_cell(c: Claim, limit: int, plain: bool) -> Text | None:
    dim = "" if plain else "dim"
    if not c.evidence.grounded:
        return Text(f"not found: “{sp.excerpt(c.evidence.text, limit)}”", style="" if plain else "yellow")
    if sp.same_text(c.evidence.text, c.text):
        return Text("(verbatim)", style=dim)
    return Text(f"“{sp.excerpt(c.evidence.text, limit)}”", style=dim)


def article(report: Report, plain: bool) -> list[Text]:
    """One Text per block: headings as headings, evidence marked."""
    out: list[Text] = []
    for kind, start, end, claims, cues in sp.per_block(report):
        t = Text()
        heading = kind == "heading"
        if heading:
            t.append("## " if plain else "▌ ", style="" if plain else "bold")
        for tok in sp.tokens(report, start, end, claims, cues):
            if tok.kind == "open":
                t.append(open_tag(tok.claim, tok.cont), style="" if plain else TAG_STYLE[tok.claim.label])
            elif tok.kind == "close":
                t.append(CLOSE_TAG, style="" if plain else TAG_STYLE[tok.claim.label])
            else:
                s = tok.text
                if heading:
                    s = s.lstrip("#") if tok.segment.start == start else s
                    if tok.segment.start == start:
                        s = s.lstrip()
                if plain:
                    t.append(_plain_cue(s) if tok.cue else s)
                    continue
                style = []
                if heading:
                    style.append(HEADING_STYLE)
                if tok.segment.claims:
                    style.append(STYLE[tok.segment.claims[-1].label])
                if tok.cue:
                    style.append(CUE_STYLE)
                t.append(s, style=" ".join(style))
        out.append(t)
    return out


def _plain_cue(s: str) -> str:
    core = s.strip()
    if not core:
        return s
    lead = s[: len(s) - len(s.lstrip())]
    trail = s[len(s.rstrip()):]
    return f"{lead}*{core}*{trail}"


def legend(plain: bool) -> Text:
    t = Text("Legend: ", style="" if plain else "bold")
    for i, label in enumerate(sp.LETTER):
        if i:
            t.append("  ")
        t.append(f"[{sp.LETTER[label]}:id …]", style="" if plain else TAG_STYLE[label])
        t.append(" ")
        sample = sp.LABEL_HELP[label]
        t.append(sample, style="" if plain else STYLE[label])
    t.append("  ")
    t.append("*cue*" if plain else "cue", style="" if plain else CUE_STYLE)
    t.append(" reporting cue")
    return t


def section(title: str, plain: bool) -> Text:
    return Text(title.upper() if plain else title, style="" if plain else "bold reverse")


def renderables(report: Report, width: int, plain: bool) -> list:
    """Everything the view prints, in order, as rich renderables."""
    items: list = [header(report, plain), Text()]
    items.append(section(" Claims ", plain))
    if report.claims:
        items.extend(claims_tables(report, width, plain))
    else:
        items.append(Text("No claims found.", style="" if plain else "dim"))
    items.append(Text())
    items.append(section(" Article ", plain))
    items.append(legend(plain))
    items.append(Text())
    for t in article(report, plain):
        items.append(("prose", t))
        items.append(Text())
    missing = sp.ungrounded(report)
    if missing:
        items.append(section(" Not found in the text ", plain))
        for c in missing:
            line = Text(f"{c.id} ", style="" if plain else "bold")
            line.append(f"{c.label}: ", style="" if plain else TAG_STYLE[c.label])
            line.append(f"“{sp.one_line(c.evidence.text)}”")
            items.append(("prose", line))
        items.append(Text())
    from verifier.render.verdicts import terminal_items

    items.extend(terminal_items(report, plain))
    if report.warnings:
        items.append(section(" Warnings ", plain))
        for w in report.warnings:
            items.append(Text(f"! {sp.one_line(w)}", style="" if plain else "yellow"))
        items.append(Text())
    return items


def _emit(console: Console, report: Report, plain: bool) -> None:
    width = console.width
    prose = min(width, PROSE_MAX)
    for item in renderables(report, width, plain):
        if isinstance(item, tuple):
            console.print(Padding(item[1], (0, 0, 0, 0)), width=prose, soft_wrap=False)
        else:
            console.print(item)


# --- public API -------------------------------------------------------------

def to_text(report: Report, color: bool = False, width: int | None = None) -> str:
    """The terminal view as a string. `color=False` gives plain text with no
    ANSI escapes at all (markers and `*cue*` carry the information);
    `color=True` gives ANSI styles for a terminal."""
    report = safe_report(report)
    buf = io.StringIO()
    console = Console(
        file=buf, width=width or DEFAULT_WIDTH, force_terminal=color, no_color=not color,
        color_system="256" if color else None, highlight=False, emoji=False, markup=False,
        legacy_windows=False, force_jupyter=False,
    )
    _emit(console, report, plain=not color)
    out = buf.getvalue()
    return "\n".join(line.rstrip() for line in out.split("\n"))


def print_report(report: Report, color: bool | None = None) -> None:
    """Print the view to stdout. `color=None`: colour on a terminal unless
    NO_COLOR is set (then styles such as underline and bold remain), plain
    text when stdout is not a terminal; True/False force it on or off."""
    if color is False:
        width = _stdout_width()
        write_stdout(to_text(report, color=False, width=width))
        return
    console = Console(highlight=False, emoji=False, markup=False, force_terminal=True if color else None)
    plain = not console.is_terminal
    if plain:
        write_stdout(to_text(report, color=False, width=console.width if "COLUMNS" in os.environ else None))
        return
    _emit(console, safe_report(report), plain=False)


def _stdout_width() -> int | None:
    if "COLUMNS" in os.environ:
        try:
            return max(int(os.environ["COLUMNS"]), 40)
        except ValueError:
            return None
    try:
        if sys.stdout.isatty():
            return os.get_terminal_size(sys.stdout.fileno()).columns
    except OSError:
        pass
    return None
