"""Sources: the speakers' own documents (transcripts, statements, releases),
read as verifier Documents, optionally tied to a speaker, cut into passages
(one per sentence) that carry their speaker turn.

    --source "Vladimir Putin=kremlin-transcript.txt"   tied to a speaker
    --source statement.html                            any speaker

A PDF source (a filing, a published transcript) is read through its text
layer with pypdf, behind the `pdf` extra (`pip install 'verifier[pdf]'`),
imported only when a PDF is given; a PDF without a text layer (a scan) is a
one-line error, as is a missing extra. Bounds: MAX_PDF_PAGES pages.

A transcript line that opens with a speaker label ("PUTIN:", "Anna Berg:",
"Q:") starts a turn; the turn lasts until the next label. A source tied to
a speaker with no labels is all that speaker's. Bounds: MAX_SOURCES files,
MAX_SOURCE_CHARS characters each; beyond them, a one-line error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from verifier.document import Document
from verifier.errors import ConfigError, MalformedInput

MAX_SOURCES = 200
MAX_SOURCE_CHARS = 20_000_000
MAX_LABEL_WORDS = 6
MAX_PDF_PAGES = 5_000
_NAME_WORD = r"(?:[A-Z][\w.'’\-]*|de|van|von|der|da|al|bin|of)"
_LABEL = re.compile(rf"^[ \t]*(?P<label>[A-Z][\w.'’\-]*(?:[ \t]+{_NAME_WORD}){{0,5}})[ \t]*:[ \t]+(?=\S)", re.M)


@dataclass(frozen=True)
class Source:
    index: int
    name: str
    document: Document
    speaker: str | None = None  # the speaker it is tied to, if any


@dataclass(frozen=True)
class Passage:
    """One sentence of a source, without its turn label."""

    id: int
    source: int
    start: int
    end: int
    text: str
    turn: int  # index of the speaker turn within the source (-1: none)
    speaker: str | None  # the turn's label, else the source's tied speaker


def parse_spec(spec: str) -> tuple[str | None, str]:
    """'Name=path' -> (Name, path); 'path' -> (None, path). A path that
    itself contains '=' and exists is taken whole."""
    if "=" in spec and not Path(spec).exists():
        name, _, path = spec.partition("=")
        name, path = name.strip(), path.strip()
        if not name or not path:
            raise ConfigError(f"--source {spec!r}: expected PATH or 'SPEAKER=PATH'")
        return name, path
    return None, spec


def load_sources(specs: list[str | tuple[str | None, str | Document]]) -> list[Source]:
    """Sources from specs: 'path', 'Speaker=path', (speaker, path) or (speaker, Document)."""
    if not specs:
        raise ConfigError("no sources: give at least one --source PATH")
    if len(specs) > MAX_SOURCES:
        raise ConfigError(f"{len(specs)} sources: at most {MAX_SOURCES}")
    out: list[Source] = []
    for i, spec in enumerate(specs):
        speaker, where = parse_spec(spec) if isinstance(spec, str) else spec
        doc = where if isinstance(where, Document) else read_source(where)
        if len(doc.text) > MAX_SOURCE_CHARS:
            raise MalformedInput(f"{doc.source}: {len(doc.text)} characters, more than {MAX_SOURCE_CHARS} for a source")
        out.append(Source(i, str(doc.source or f"source-{i + 1}"), doc, speaker))
    return out


def read_source(path: str | Path) -> Document:
    """A source file as a Document: PDF through its text layer, anything
    else as an article is read (Document.from_path)."""
    p = Path(path)
    if str(path) == "-" or not p.is_file() or not _is_pdf(p):
        return Document.from_path(path)
    return Document.from_text(pdf_text(p), source=str(p), format="text")


def _is_pdf(p: Path) -> bool:
    if p.suffix.lower() == ".pdf":
        return True
    try:
        with open(p, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def pdf_text(p: Path) -> str:
    """The text layer of every page, pages apart by a blank line."""
    try:
        import pypdf
    except ImportError:
        raise ConfigError(f"{p}: PDF sources need the pdf extra: pip install 'verifier[pdf]' (or give the "
                          "text as .txt)") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd files are not the user's business
    try:
        reader = pypdf.PdfReader(p)
        if reader.is_encrypted:
            raise MalformedInput(f"{p}: the PDF is encrypted: give a decrypted copy or its text")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise MalformedInput(f"{p}: {len(reader.pages)} pages, more than {MAX_PDF_PAGES} for a source")
        pages = [page.extract_text() or "" for page in reader.pages]
    except MalformedInput:
        raise
    except Exception as exc:  # pypdf's own errors, and what a damaged file makes its parser raise
        raise MalformedInput(f"{p}: not a readable PDF ({' '.join(str(exc).split())[:160]})") from None
    text = "\n\n".join(t.strip() for t in pages if t.strip())
    if not text.strip():
        raise MalformedInput(f"{p}: the PDF has no text layer (a scan?): run OCR on it or give its text as .txt")
    return text


def turns(text: str) -> list[tuple[int, int, str]]:
    """(label start, content start, label) for every speaker label."""
    out = []
    for m in _LABEL.finditer(text):
        label = m.group("label")
        if len(label.split()) > MAX_LABEL_WORDS or label.lower() in ("note", "update", "source", "note to editors"):
            continue
        if m.start() > 0 and text[m.start() - 1] != "\n":
            continue
        out.append((m.start(), m.end(), label.strip()))
    return out


def passages(sources: list[Source]) -> list[Passage]:
    """One passage per sentence (cut again at any turn label inside it),
    each with its turn's speaker."""
    import bisect

    out: list[Passage] = []
    for src in sources:
        text = src.document.text
        labels = turns(text)
        starts = [t[0] for t in labels]
        for s in src.document.sentences:
            cuts = [s.start]
            i = bisect.bisect_right(starts, s.start)
            while i < len(starts) and starts[i] < s.end:
                cuts.append(starts[i])
                i += 1
            for a, z in zip(cuts, cuts[1:] + [s.end]):
                _add(out, src, text, labels, starts, a, z)
    return out


def _add(out: list[Passage], src: Source, text: str, labels: list, starts: list[int], a: int, z: int) -> None:
    import bisect

    k = bisect.bisect_right(starts, a) - 1
    speaker = src.speaker
    if k >= 0:
        lab_start, content, label = labels[k]
        speaker = label
        if lab_start >= a:
            a = max(a, content)
    while a < z and text[a].isspace():
        a += 1
    while z > a and text[z - 1].isspace():
        z -= 1
    if a < z and any(ch.isalnum() for ch in text[a:z]):
        out.append(Passage(len(out), src.index, a, z, text[a:z], k, speaker))
