"""Reader for brat attribution annotations (PolNeAR and PARC-style corpora).

A brat article is a text file and a standoff `.ann` file whose offsets are
character offsets into that text:

    T12	Content 760 905	the program ... capital
    T10	Source 718 755	Developers and supporters in Congress
    T11	Cue 756 759	say
    T13	Attribution 756 759	say
    E4	Attribution:T13 Content:T12 Cue:T11 Source:T10
    T31	Content 1948 1958;1974 2071	Mr. Quiros using $50 million ...
    T25	Discard 1254 1273	Read the rest here.

T lines are text-bound annotations (a discontinuous one lists its fragments
separated by ';'), E lines are events tying a trigger to its Source, Cue and
Content (brat numbers repeated roles: Content2). Discard marks text to leave
out of scoring (bylines, boilerplate); Discuss marks text an annotator
flagged. Other line kinds (A, R, N, #) are read past; a line that does not
start with an id continues the text of the line before it.

`read_article` reads one article, `read_corpus` a directory: either the
PolNeAR layout (`text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`) or
brat's own (`NAME.txt` beside `NAME.ann`, in any sub-folder). Articles
annotated by several annotators are read once, from the first annotator in
name order, unless `annotator` says otherwise.

The result is an `AnnotatedArticle`: its text, its attributions (source, cue
and content fragments of each) and `gold_spans()`: the content fragments,
labeled attributed, with the source and cue of each. Text outside every
content fragment is asserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from verifier.errors import InputIsDirectory, InputNotFound, MalformedInput

_ID_LINE = re.compile(r"^([TERAMN#*])(\d*)\t")
_ANNOTATOR_SUFFIX = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})$")

ROLE_SOURCE = "source"
ROLE_CUE = "cue"
ROLE_CONTENT = "content"
_ROLES = {"source": ROLE_SOURCE, "cue": ROLE_CUE, "content": ROLE_CONTENT}
DISCARD_TYPES = {"discard"}
DISCUSS_TYPES = {"discuss"}

PRONOUNS = {
    "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "me", "us",
    "his", "hers", "their", "theirs", "its", "who", "which", "that", "whom",
    "himself", "herself", "themselves", "itself", "myself", "ourselves",
}


@dataclass(frozen=True)
class TextBound:
    """A T line: an annotation type over one or more fragments of the text."""

    id: str
    type: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass
class Attribution:
    """An E line: one attribution relation with its parts."""

    id: str
    kind: str
    sources: list[TextBound] = field(default_factory=list)
    cues: list[TextBound] = field(default_factory=list)
    contents: list[TextBound] = field(default_factory=list)

    @property
    def source_text(self) -> str | None:
        return " ".join(t.text for t in self.sources) or None

    @property
    def cue_text(self) -> str | None:
        return " ".join(t.text for t in self.cues) or None

    @property
    def has_source(self) -> bool:
        return bool(self.sources) and "no-source" not in self.kind.lower()

    @property
    def pronoun_source(self) -> bool:
        src = (self.source_text or "").strip().lower()
        return src in PRONOUNS


@dataclass(frozen=True)
class GoldSpan:
    """One content fragment: attributed, with its source and cue."""

    start: int
    end: int
    attribution: str
    source: str | None
    cue: str | None
    source_span: tuple[int, int] | None
    cue_span: tuple[int, int] | None


@dataclass
class AnnotatedArticle:
    name: str
    text: str
    annotator: str | None = None
    path: str | None = None
    entities: dict[str, TextBound] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def fragments(self, role: str) -> list[tuple[int, int]]:
        """Every fragment of the entities of a role (source, cue, content),
        of Discard ('discard') or Discuss ('discuss') annotations."""
        out = []
        for t in self.entities.values():
            kind = t.type.lower()
            if _ROLES.get(kind.rstrip("0123456789")) == role or kind == role:
                out.extend(t.fragments)
        return sorted(out)

    @property
    def discard(self) -> list[tuple[int, int]]:
        return self.fragments("discard")

    def gold_spans(self) -> list[GoldSpan]:
        """Content fragments labeled attributed, each with its source and cue.

        A content entity shared by several attributions (nested or repeated)
        gives one span per attribution."""
        out: list[GoldSpan] = []
        seen_content: set[str] = set()
        for att in self.attributions:
            src = att.sources[0] if att.sources else None
            cue = att.cues[0] if att.cues else None
            for c in att.contents:
                seen_content.add(c.id)
                for a, b in c.fragments:
                    out.append(GoldSpan(a, b, att.id, att.source_text, att.cue_text,
                                        (src.start, src.end) if src else None,
                                        (cue.start, cue.end) if cue else None))
        for t in self.entities.values():  # content not tied to any event
            if t.type.lower().startswith("content") and t.id not in seen_content:
                for a, b in t.fragments:
                    out.append(GoldSpan(a, b, "", None, None, None, None))
        return sorted(out, key=lambda g: (g.start, g.end))


def parse_ann(ann: str, text: str, name: str = "article", path: str | None = None,
              annotator: str | None = None) -> AnnotatedArticle:
    """Parse the contents of a .ann file against its text."""
    art = AnnotatedArticle(name=name, text=text, annotator=annotator, path=path)
    where = path or name
    events: list[tuple[str, str, list[tuple[str, str]], int]] = []
    last_t: str | None = None
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        m = _ID_LINE.match(line)
        if not m:
            # continuation of a text-bound annotation whose text held a newline
            if last_t is None:
                raise MalformedInput(f"{where}:{lineno}: not a brat annotation line: {line[:60]!r}")
            continue
        kind = m.group(1)
        parts = line.split("\t")
        if kind == "T":
            if len(parts) < 2:
                raise MalformedInput(f"{where}:{lineno}: T line without type and offsets")
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                raise MalformedInput(f"{where}:{lineno}: T line without offsets: {parts[1]!r}")
            ttype, offs = head
            frags = []
            for frag in offs.split(";"):
                nums = frag.split()
                if len(nums) != 2 or not all(n.isdigit() for n in nums):
                    raise MalformedInput(f"{where}:{lineno}: bad offsets {offs!r}")
                a, b = int(nums[0]), int(nums[1])
                if not 0 <= a <= b <= len(text):
                    raise MalformedInput(
                        f"{where}:{lineno}: span {a}-{b} lies outside the text ({len(text)} characters)")
                frags.append((a, b))
            tid = parts[0]
            if tid in art.entities:
                raise MalformedInput(f"{where}:{lineno}: duplicate id {tid}")
            art.entities[tid] = TextBound(tid, ttype, tuple(frags), parts[2] if len(parts) > 2 else "")
            last_t = tid
        elif kind == "E":
            if len(parts) < 2 or not parts[1].strip():
                raise MalformedInput(f"{where}:{lineno}: E line without arguments")
            args = []
            for tok in parts[1].split():
                role, sep, ref = tok.partition(":")
                if not sep or not ref:
                    raise MalformedInput(f"{where}:{lineno}: bad event argument {tok!r}")
                args.append((role, ref))
            events.append((parts[0], args[0][0], args[1:], lineno))
            last_t = None
        else:
            last_t = None
    for eid, ekind, args, lineno in events:
        att = Attribution(id=eid, kind=ekind)
        for role, ref in args:
            if ref not in art.entities:
                art.warnings.append(f"{where}:{lineno}: {eid} refers to missing {ref}")
                continue
            base = _ROLES.get(role.lower().rstrip("0123456789"))
            ent = art.entities[ref]
            if base == ROLE_SOURCE:
                att.sources.append(ent)
            elif base == ROLE_CUE:
                att.cues.append(ent)
            elif base == ROLE_CONTENT:
                att.contents.append(ent)
        art.attributions.append(att)
    for t in art.entities.values():
        got = " ".join(text[a:b] for a, b in t.fragments)
        if t.text and got.split() != t.text.split() and not got.startswith(t.text):
            art.warnings.append(f"{where}: {t.id} text {t.text[:30]!r} differs from the article at its offsets")
    return art


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputNotFound(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8")  # offsets count the characters as stored: no normalization
    except UnicodeDecodeError as exc:
        raise MalformedInput(f"{path}: not valid UTF-8 (byte offset {exc.start})") from None


def read_article(ann_path: str | Path, text_path: str | Path | None = None) -> AnnotatedArticle:
    """Read one annotated article. Without `text_path` the text is found
    beside the .ann (same name, .txt) or in ../text/ (PolNeAR layout, the
    annotator suffix `_xxxx` removed)."""
    ann_path = Path(ann_path)
    if not ann_path.exists():
        raise InputNotFound(f"{ann_path}: no such file")
    stem, annotator = _article_name(ann_path)
    if text_path is None:
        text_path = _find_text(ann_path, stem)
        if text_path is None:
            raise InputNotFound(f"{ann_path}: no text file found for it ({stem}.txt)")
    text = _read_text(Path(text_path))
    return parse_ann(_read_text(ann_path), text, name=stem, path=str(ann_path), annotator=annotator)


def _article_name(ann_path: Path) -> tuple[str, str | None]:
    """Article name and annotator of a .ann file: `NAME_abcd.ann` is NAME by
    annotator abcd unless `NAME_abcd.txt` itself exists (PARC's wsj_0001)."""
    if ann_path.with_suffix(".txt").exists():
        return ann_path.stem, None
    m = _ANNOTATOR_SUFFIX.match(ann_path.stem)
    return (m.group("stem"), m.group("annotator")) if m else (ann_path.stem, None)


def _find_text(ann_path: Path, stem: str) -> Path | None:
    for cand in (ann_path.with_suffix(".txt"), ann_path.parent / f"{stem}.txt",
                 ann_path.parent.parent / "text" / f"{stem}.txt"):
        if cand.exists():
            return cand
    return None


def corpus_files(directory: str | Path, annotator: str = "first") -> list[tuple[Path, Path]]:
    """(ann, txt) pairs of a brat corpus directory, sorted by article name.

    `annotator`: "first" (one annotation per article, first annotator in name
    order), "all", or an annotator id (articles that annotator did)."""
    d = Path(directory)
    if not d.exists():
        raise InputNotFound(f"{d}: no such directory")
    if not d.is_dir():
        raise InputIsDirectory(f"{d}: is a file; give the corpus directory (with .ann and .txt files)")
    by_article: dict[str, list[tuple[str, Path, Path]]] = {}
    for ann in sorted(d.rglob("*.ann")):
        stem, who = _article_name(ann)
        txt = _find_text(ann, stem)
        if txt is None:
            continue
        by_article.setdefault(stem, []).append((who or "", ann, txt))
    if not by_article:
        raise MalformedInput(f"{d}: no brat articles found (.ann files with their .txt)")
    out: list[tuple[Path, Path]] = []
    for stem in sorted(by_article):
        versions = sorted(by_article[stem], key=lambda v: (v[0], str(v[1])))
        if annotator == "first":
            versions = versions[:1]
        elif annotator != "all":
            versions = [v for v in versions if v[0] == annotator]
        out.extend((ann, txt) for _, ann, txt in versions)
    if not out:
        raise MalformedInput(f"{d}: no articles annotated by {annotator!r}")
    return out


def read_corpus(directory: str | Path, annotator: str = "first", limit: int | None = None) -> Iterator[AnnotatedArticle]:
    """Every annotated article of a brat corpus directory (see corpus_files)."""
    files = corpus_files(directory, annotator)
    if limit is not None:
        files = files[:limit]
    for ann, txt in files:
        yield read_article(ann, txt)
