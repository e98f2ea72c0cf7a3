"""RuleExtractor: clause-level claims from the text itself, no model.

For every sentence outside headings:
1. Reporting frames are found with the cue lexicon: "X said (that) ...",
   "..., X said.", "according to X, ...", "..., announcing that ...",
   and quotations. The content of a frame becomes a claim; the source and
   cue are left out of the evidence.
2. Each piece is split into clauses at ", and", ", but", "but", "while",
   "whereas" and ";" when both sides are long enough to be clauses, and at
   a bare "and" when a new subject and verb follow.
3. Evidence is the exact span, trimmed of the joining word, leading "that",
   and surrounding punctuation and spaces.

The rule extractor has no opinion on labels (the checker decides), so its
drafts carry label=None.
"""

from __future__ import annotations

import re

from verifier.document import Document
from verifier.extractors.base import Extraction
from verifier.attribution.lexicon import reporting_lemma
from verifier.schemas import DraftClaim

MIN_WORDS = 3
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ACCORDING = re.compile(r"\baccording to\b", re.I)
_SPLIT_ALWAYS = re.compile(r",\s+(?:and|but|whereas|while|yet)\s+|\s+(?:but|whereas|while)\s+|;\s+", re.I)
_SPLIT_AND = re.compile(
    r"\s+and\s+(?=(?:he|she|they|it|we|i|the|this|that|these|those|its|his|her|their|[A-Z][\w’'-]+)\b)")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|\w+ed|"
    r"sent|went|made|took|gave|told|came|got|left|won|lost|fell|rose|held|kept|began|found|brought|bought|built|"
    r"paid|met|ran|saw|set|spent|stood|struck|wrote|drew|grew|knew|led|put|cut|hit|shut|sold|sought|thought|"
    r"caught|taught|chose|broke|spoke|drove|flew|threw|fought|felt|meant|became|remains|says|faces|plans)\b", re.I)
_TRIM_LEFT = re.compile(r"^(?:[\s,;:\-–—\"“”‘’']|that\s+|and\s+|but\s+)+", re.I)
_TRIM_RIGHT = re.compile(r"[\s,;:.!?\-–—\"“”‘’']+$")
# a short source phrase before a trailing cue: ", officials said." / ", he added"
_TRAILING_SOURCE = re.compile(
    r",\s*[\"”’]?\s*((?:[\w’'.-]+\s+){0,6}?)(\w+)(\s+[\w’'.-]+){0,3}\s*[.!?]?[\"”’]?\s*$")
_PRONOUN_SUBJECTS = {"he", "she", "they", "it", "we", "i"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this", "that",
                "such", "whose", "no", "any", "some", "many", "several", "new", "recent", "latest"}
# verbs of speech that frame content even without "that" ("praised its resilience", ", she added.")
SPEECH_VERBS = set("""
say tell state note add announce acknowledge admit emphasize emphasise stress highlight praise warn claim
insist argue assert report explain confirm deny reveal declare write testify allege contend tweet predict
urge vow promise pledge caution disclose affirm describe complain concede recall reply respond comment
mention observe remark suggest
""".split())
_BOUNDARY = re.compile(r",\s*|;\s*|\s+(?:but|while|whereas|yet)\s+", re.I)


class RuleExtractor:
    name = "rules"

    def extract(self, document: Document) -> Extraction:
        drafts: list[DraftClaim] = []
        for sent in document.sentences:
            if document.blocks[sent.block].kind == "heading":
                continue
            for a, b in sentence_claim_spans(document.text, sent.start, sent.end):
                ev = document.text[a:b]
                drafts.append(DraftClaim(text=_claim_text(ev), evidence=ev, start=a))
        return Extraction(drafts=drafts, extractor=self.name)


def sentence_claim_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Claim evidence spans (absolute offsets) within one sentence."""
    pieces = _content_pieces(text, start, end)
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        for ca, cb in _split_clauses(text, a, b):
            span = _trim(text, ca, cb)
            if span and _word_count(text[span[0]:span[1]]) >= MIN_WORDS:
                out.append(span)
    return out


def _content_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Regions of the sentence that carry propositions, source and cue cut out."""
    sent = text[start:end]
    # "according to X, CONTENT" / "CONTENT, according to X."
    m = _ACCORDING.search(sent)
    if m:
        before, after = sent[:m.start()], sent[m.end():]
        comma = after.find(",")
        if before.strip(" ,") and (comma < 0 or not after[comma + 1:].strip(" .")):
            return [(start, start + m.start())]
        if comma >= 0:
            return [(start, start + m.start()), (start + m.end() + comma + 1, end)]
        return [(start, start + m.start())]
    words = [(w.start(), w.end(), w.group(0)) for w in _WORD.finditer(sent)]
    cues = [(i, s, e) for i, (s, e, w) in enumerate(words) if _is_cue(words, i)]
    if not cues:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for n, (i, s, e) in enumerate(cues):
        nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
        tail = sent[e:].strip(" .\"”’")
        if not tail or _is_trailing_cue(sent, s, e):
            # "..., officials said." : the content is what came before the source
            comma = sent.rfind(",", cursor, s)
            if comma > cursor:
                pieces.append((start + cursor, start + comma))
            cursor = len(sent)
            break
        # the prose before this cue's clause (a prior claim, or the source)
        clause_start = _clause_start(sent, cursor, s)
        if clause_start > cursor:
            pieces.append((start + cursor, start + clause_start))
        content_from = e
        if nxt == "that":
            content_from = words[i + 1][1]
        elif nxt in ("to", "on", "of", "about", "for", "with"):
            content_from = e
        cursor = content_from
        # the content runs to the next cue's clause, or the sentence end
        if n + 1 < len(cues):
            ns = cues[n + 1][1]
            boundary = _clause_start(sent, cursor, ns)
            if boundary > cursor:
                pieces.append((start + cursor, start + boundary))
                cursor = boundary
    if cursor < len(sent):
        pieces.append((start + cursor, end))
    return pieces


def _is_cue(words: list[tuple[int, int, str]], i: int) -> bool:
    """A reporting verb used as one: followed by "that", or a verb of speech
    not preceded by a determiner (which would make it a noun: "the remarks")."""
    lemma = reporting_lemma(words[i][2])
    if not lemma:
        return False
    nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
    prev = words[i - 1][2].lower() if i > 0 else ""
    if prev in _DETERMINERS or nxt == "of":
        return False  # a noun: "the remarks", "the state of"
    return nxt == "that" or lemma in SPEECH_VERBS


def _is_trailing_cue(sent: str, s: int, e: int) -> bool:
    """The cue closes the sentence after a comma: '..., the minister said.'"""
    after = sent[e:]
    if re.match(r"^\s*[.!?]?[\"”’]?\s*$", after) or re.match(r"^\s+(?:on|in|at|last|this|yesterday|today)\b[^,]*[.!?]?\s*$", after):
        comma = sent.rfind(",", 0, s)
        return comma >= 0 and _word_count(sent[comma:s]) <= 7
    return False


def _clause_start(sent: str, lo: int, cue_start: int) -> int:
    """Where the clause holding the cue at `cue_start` begins: at the last
    comma, semicolon or joining word before it (or `lo`, when the cue's
    subject opens the region: "Putin stated that ...")."""
    last = lo
    for m in _BOUNDARY.finditer(sent, lo, cue_start):
        last = m.start()
    return last


def _split_clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    seg = text[a:b]
    cuts = []
    for m in _SPLIT_ALWAYS.finditer(seg):
        left, right = seg[:m.start()], seg[m.end():]
        if _word_count(left) < MIN_WORDS or _word_count(right) < MIN_WORDS:
            continue
        if m.group(0).strip(" ,").lower() == "and" and not _starts_clause(right):
            continue  # a list: "tanks, and small arms"
        cuts.append((m.start(), m.end()))
    for m in _SPLIT_AND.finditer(seg):
        right = seg[m.end():]
        head = " ".join(right.split()[:6])
        if _word_count(seg[:m.start()]) >= MIN_WORDS and _word_count(right) >= MIN_WORDS and _FINITE.search(head):
            first = right.split()[0].lower()
            if first in _PRONOUN_SUBJECTS or _FINITE.search(" ".join(right.split()[1:6])):
                cuts.append((m.start(), m.end()))
    cuts.sort()
    out, pos = [], 0
    for s, e in cuts:
        if s < pos:
            continue
        out.append((a + pos, a + s))
        pos = e
    out.append((a + pos, b))
    return out


def _starts_clause(right: str) -> bool:
    """A new subject and a finite verb open `right`."""
    toks = right.split()
    if not toks:
        return False
    first = toks[0].lower().strip("“\"‘'")
    subject_like = first in _PRONOUN_SUBJECTS or first in _DETERMINERS or toks[0][:1].isupper()
    return subject_like and bool(_FINITE.search(" ".join(toks[1:6])))


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    seg = text[a:b]
    left = _TRIM_LEFT.match(seg)
    a2 = a + (left.end() if left else 0)
    seg2 = text[a2:b]
    right = _TRIM_RIGHT.search(seg2)
    b2 = a2 + (right.start() if right else len(seg2))
    if a2 >= b2:
        return None
    # keep quotes balanced: drop a lone opening quote inside
    return a2, b2


def _word_count(s: str) -> int:
    return len(_WORD.findall(s))


def _claim_text(evidence: str) -> str:
    t = " ".join(evidence.split())
    t = t[0].upper() + t[1:] if t else t
    return t if t.endswith((".", "!", "?")) else t + "."
