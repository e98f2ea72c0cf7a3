"""Document: the input text, its blocks (paragraphs, headings) and sentences.

Offsets are character offsets into `Document.text`, the text as normalized
here: UTF-8 decoded, BOM removed, CRLF and CR turned into LF, HTML reduced
to its article text. Nothing else is changed, so offsets map back to the
input by undoing those three steps alone.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import (
    BinaryInput,
    EmptyInput,
    InputIsDirectory,
    InputNotFound,
    MalformedInput,
)
from verifier.schemas import Block, DocumentInfo
from verifier.sentence_offsets import sentence_offsets

_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_END_PUNCT = tuple('.!?:;,"”’)»…')
# blingfire ends a sentence after these; a name always follows them
_TITLE_END = re.compile(
    r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Capt|Cmdr|Adm|Sgt|Rev|Hon|Pres|"
    r"Supt|Det|Insp|Gov|Atty|Amb|Sec|St|Mt|No|Nos|Vol|Art|Fig|vs|v)\.$")
_BEFORE_TITLE = re.compile(
    r"(?<=[a-z0-9%)\]][.!?])(?:[\"”’']?)\s+(?=(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Rep|Sen|Gov|Gen|Lt|Col|Capt|Adm|Sgt|Rev|"
    r"Atty|Amb|Sec|St)\.\s+[A-Z])")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int


@dataclass
class Document:
    text: str
    source: str | None = None
    format: str = "text"
    title: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)
        if not self.blocks:
            self.blocks = split_blocks(self.text, markdown=self.format == "markdown")
        if not self.sentences:
            self.sentences = split_sentences(self.text, self.blocks)
        self._sentence_starts = [s.start for s in self.sentences]
        self._block_starts = [b.start for b in self.blocks]
        if self.title is None:
            self.title = guess_title(self.text, self.blocks)

    # --- construction -------------------------------------------------
    @classmethod
    def from_text(cls, text: str, source: str | None = None, format: str | None = None) -> "Document":
        text = normalize_text(text)
        fmt = format or sniff_format(text, source)
        title = None
        if fmt == "html":
            text, title = html_to_text(text)
        if not text.strip():
            raise EmptyInput(f"{source or 'input'}: no text to check (the input is empty or only whitespace)")
        return cls(text=text, source=source, format=fmt, title=title)

    @classmethod
    def from_bytes(cls, data: bytes, source: str | None = None, format: str | None = None) -> "Document":
        return cls.from_text(decode_bytes(data, source), source=source, format=format)

    @classmethod
    def from_path(cls, path: str | Path, format: str | None = None) -> "Document":
        if str(path) == "-":
            return cls.from_bytes(sys.stdin.buffer.read(), source="-", format=format)
        p = Path(path)
        if not p.exists():
            raise InputNotFound(f"{p}: no such file")
        if p.is_dir():
            raise InputIsDirectory(f"{p}: is a directory, not an article file")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputNotFound(f"{p}: cannot be read ({exc.strerror or exc})") from None
        return cls.from_bytes(data, source=str(p), format=format)

    # --- queries ---------------------------------------------------------
    def info(self) -> DocumentInfo:
        return DocumentInfo(
            hash=self.hash, title=self.title, source=self.source, format=self.format,  # type: ignore[arg-type]
            text=self.text, blocks=list(self.blocks),
        )

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) `offset`."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return max(i, 0)

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[self.sentence_index(offset)]

    def sentences_overlapping(self, start: int, end: int) -> list[Sentence]:
        first = self.sentence_index(start)
        out = []
        for s in self.sentences[first:]:
            if s.start >= max(end, start + 1):
                break
            if s.end > start:
                out.append(s)
        return out

    def block_index(self, offset: int) -> int | None:
        """Index of the block containing `offset`, or None between blocks (a bisection)."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        return i if i >= 0 and offset < self.blocks[i].end else None

    def block_at(self, offset: int) -> Block | None:
        i = self.block_index(offset)
        return None if i is None else self.blocks[i]

    def in_heading(self, start: int, end: int) -> bool:
        """True when [start, end) lies entirely inside one heading block."""
        b = self.block_at(start)
        return b is not None and b.kind == "heading" and end <= b.end

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]


# --- helpers ---------------------------------------------------------------

def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, source: str | None = None) -> str:
    name = source or "input"
    if not data.strip():
        raise EmptyInput(f"{name}: no text to check (the input is empty or only whitespace)")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInput(f"{name}: looks like a binary file, not text")
    for bom, enc in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                break
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedInput(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise BinaryInput(f"{name}: looks like a binary file, not text")
    return text


def sniff_format(text: str, source: str | None) -> str:
    suffix = Path(source).suffix.lower() if source and source != "-" else ""
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if _HTML_START.match(text):
        return "html"
    return "text"


def html_to_text(html: str) -> tuple[str, str | None]:
    """Article text and title of an HTML page, via trafilatura."""
    import trafilatura  # imported here: only HTML input needs it

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, include_formatting=False,
        with_metadata=True, favor_recall=True,
    )
    if extracted is None:
        raise MalformedInput("HTML input: no article text could be extracted from the page")
    text = getattr(extracted, "text", None) if not isinstance(extracted, dict) else extracted.get("text")
    title = getattr(extracted, "title", None) if not isinstance(extracted, dict) else extracted.get("title")
    text = normalize_text(text or "")
    if not text.strip():
        raise MalformedInput("HTML input: no article text could be extracted from the page")
    # trafilatura separates paragraphs by single newlines; keep them as blocks.
    return text, title


def _looks_like_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 120:
        return False
    if _MD_HEADING.match(s):
        return True
    words = s.split()
    if len(words) > 12 or s.endswith(_END_PUNCT):
        return False
    return s[0].isupper() or s[0].isdigit()


def split_blocks(text: str, markdown: bool = False) -> list[Block]:
    """Paragraphs and headings. Blank lines separate paragraphs when the text
    has any; otherwise every line is a paragraph. A short line without final
    punctuation, standing alone, is a heading (as is a Markdown '#' line)."""
    blank_mode = bool(_BLANK_LINE.search(text.strip()))
    spans: list[tuple[int, int]] = []
    if blank_mode:
        pos = 0
        for m in list(_BLANK_LINE.finditer(text)) + [None]:
            end = m.start() if m else len(text)
            spans.append((pos, end))
            pos = m.end() if m else len(text)
    else:
        for m in re.finditer(r"[^\n]+", text):
            spans.append((m.start(), m.end()))
    blocks: list[Block] = []
    n_nonempty = sum(1 for a, b in spans if text[a:b].strip())
    for a, b in spans:
        # split off Markdown heading lines inside a chunk
        pieces = []
        cur = a
        for lm in re.finditer(r"[^\n]+", text[a:b]):
            la, lb = a + lm.start(), a + lm.end()
            if _MD_HEADING.match(text[la:lb].strip()):
                if text[cur:la].strip():
                    pieces.append((cur, la, False))
                pieces.append((la, lb, True))
                cur = lb
        if text[cur:b].strip():
            pieces.append((cur, b, False))
        for pa, pb, is_md in pieces:
            seg = text[pa:pb]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            pa, pb = pa + lead, pb - trail
            if pa >= pb:
                continue
            line = text[pa:pb]
            heading = is_md or ("\n" not in line and n_nonempty > 1 and _looks_like_heading(line))
            blocks.append(Block(kind="heading" if heading else "paragraph", start=pa, end=pb))
    return blocks


def split_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    """Sentences within each block (blingfire), offsets into `text`."""
    out: list[Sentence] = []
    for i, b in enumerate(blocks):
        chunk = text[b.start:b.end]
        if b.kind == "heading":
            out.extend(Sentence(b.start + p, b.start + q, i) for p, q in _bounded(chunk, 0, len(chunk)))
            continue
        try:
            offsets = sentence_offsets(chunk)
        except Exception:  # pragma: no cover - blingfire refuses odd input
            offsets = [(0, len(chunk))]
        if not offsets:
            offsets = [(0, len(chunk))]
        merged: list[list[int]] = []
        for a, z in offsets:
            # blingfire may trim; keep offsets inside the chunk, stripped
            seg = chunk[a:z]
            a += len(seg) - len(seg.lstrip())
            z -= len(seg) - len(seg.rstrip())
            if a >= z:
                continue
            if merged and _TITLE_END.search(chunk[merged[-1][0]:merged[-1][1]]):
                merged[-1][1] = z  # "Rep." + "Smith said ..." is one sentence
            else:
                merged.append([a, z])
        for a, z in merged:
            for x, y in _split_before_titles(chunk, a, z):
                for p, q in _bounded(chunk, x, y):
                    out.append(Sentence(b.start + p, b.start + q, i))
    return out


MAX_SENTENCE_CHARS = 2_000  # the longest unit the checker reads (news sentences run to about 400)


def _bounded(chunk: str, a: int, z: int) -> list[tuple[int, int]]:
    """chunk[a:z] in pieces of at most MAX_SENTENCE_CHARS, cut after the last ';' or ','
    or else the last space in the second half of each piece: a line of words with no
    sentence punctuation cannot make one unit of the whole text (nor quadratic work)."""
    out = []
    while z - a > MAX_SENTENCE_CHARS:
        lo, hi = a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS
        cut = max(chunk.rfind("; ", lo, hi), chunk.rfind(", ", lo, hi))
        cut = cut + 1 if cut != -1 else chunk.rfind(" ", lo, hi)
        if cut <= a:
            cut = hi
        out.append((a, cut))
        a = cut
        while a < z and chunk[a].isspace():
            a += 1
    if a < z:
        out.append((a, z))
    return out


def _split_before_titles(chunk: str, a: int, z: int) -> list[tuple[int, int]]:
    """blingfire never ends a sentence before 'Mr.', 'Dr.', 'Sen.' ...: 'He left the
    work. Mr. Clarke said no.' comes back whole. Split it where a sentence plainly
    ends (a lowercase word or a figure, then '.', '!' or '?') before such a title."""
    cuts = [m.start() for m in _BEFORE_TITLE.finditer(chunk, a, z)]
    out, start = [], a
    for c in cuts:
        end = c
        while end > start and chunk[end - 1].isspace():
            end -= 1
        nxt = c
        while nxt < z and chunk[nxt].isspace():
            nxt += 1
        if end > start and nxt < z:
            out.append((start, end))
            start = nxt
    out.append((start, z))
    return out


def guess_title(text: str, blocks: list[Block]) -> str | None:
    if blocks and blocks[0].kind == "heading":
        return text[blocks[0].start:blocks[0].end].lstrip("#").strip()
    return None
