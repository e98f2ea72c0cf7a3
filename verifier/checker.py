"""Checker: deterministic attribution analysis of a span in its document.

    attribute(text, spans) -> list[Verdict]
    Checker(document).check(start, end) -> Verdict

The whole document is analysed once (lazily, on the first check) into
attribution *frames*: a cue (reporting verb in any form, "according to", a
noun heading a content clause, a hedge such as "reportedly", quotation
marks), the source phrase and the speaker it names, and the content: the
stretches of text the source is reported to have said, written, believed
or found. A span is attributed when at least half of its non-space
characters lie inside some frame's content; it then takes that frame's
speaker, cue and quote kind. Anything else is the article's own voice.

The rules, in the order they run (each is a method below, each adds its
reason to the verdict):

1. quotation marks are paired per paragraph; a quotation left open at the
   end of a paragraph continues into the next paragraph when that one opens
   with a quotation mark (an unbroken run of quoted paragraphs);
2. per sentence, cues are found (verifier.lexicon tables) and each builds a
   frame:
   - "according to SOURCE, CONTENT" / "CONTENT, according to SOURCE";
   - a verb with its subject before it: "SOURCE said (that) CONTENT",
     "SOURCE told reporters CONTENT", "SOURCE praised CONTENT";
   - a trailing cue: "CONTENT, SOURCE said (in a statement)." and the
     inverted "CONTENT, said SOURCE."; with '"A," he said, "B."' both quotes;
   - participles and infinitives take the clause's subject as source:
     "..., announcing that CONTENT", "declined to say whether CONTENT";
   - passives: "CONTENT is expected to ...", "X was accused of Y";
   - nominal frames: "his claim that CONTENT", "reports that CONTENT";
   - hedges: "X reportedly did Y" (attributed, no named source);
   - a source that is only the topic ("Putin's description ... reflects")
     gives no frame: the sentence's verb is the reporter's;
3. a frame's content runs to the end of its clause: it stops where another
   source starts a new clause ("..., but officials said ..."), never inside
   a nested report;
4. content that begins or ends at a quotation mark takes the whole
   quotation, across sentences and quoted paragraphs;
5. a quotation that is a sentence of its own, with no cue, belongs to the
   speaker of the quotation next to it in the same or the previous
   paragraph;
6. speakers: the subject's name at its fullest in the article ("Putin" ->
   "Vladimir Putin", titles dropped); a pronoun ("He noted") or a definite
   description ("The Russian leader acknowledged") is the last named
   source; a collective or anonymous source stays as written ("officials").
"""

from __future__ import annotations

import bisect
import re

import numpy as np
from dataclasses import dataclass, field
from typing import Iterable

from verifier.document import Document
from verifier.attribution.lexicon import (
    ADDRESSEE_VERBS,
    ADJ_CUES,
    ADJ_TO,
    ADVERBIAL_START,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_BREAKS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    HEDGES,
    NEEDS_CLAUSE,
    ORG_NOUNS,
    CORE_SPEECH,
    NEEDS_TO,
    NOUN_CUES,
    NOUNISH,
    PASSIVE_CUES,
    WEAK_OBJECT,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PHRASAL_CUES,
    PHRASAL_FORMS,
    WH_WORDS,
    PREPOSITIONS,
    ROLE_NOUNS,
    TITLES,
    cue_verb,
)
from verifier.schemas import Span, Verdict

_TOKEN = re.compile(r"\w+(?:[\-.&]\w+)*(?:[’']\w+)?|''|``|--|[^\w\s]")
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+")
_DASHES = ("—", "–", "--", "-")
_OPEN_Q = frozenset({"“", "«", "``"})
_CLOSE_Q = frozenset({"”", "»"})
_STRAIGHT_Q = frozenset({'"', "''"})  # '' is a double quotation mark in some newspapers' text
_QUOTES = _OPEN_Q | _CLOSE_Q | _STRAIGHT_Q
from verifier.attribution import lexicon as _lex

# the checker's own word lists (verifier/attribution/data/lexicon.toml)
_MODALS = _lex.MODALS
_RELATIVES = _lex.RELATIVES
_VIEW_NOUNS = _lex.VIEW_NOUNS
_NOT_CONTINUING = _lex.NOT_CONTINUING
_SUBORDINATORS = _lex.SUBORDINATORS
_NOT_SUBORDINATE_MAIN = _lex.NOT_SUBORDINATE_MAIN
_QUANTITY_WORDS = _lex.QUANTITY_WORDS
_ISSUING_VERBS = _lex.ISSUING_VERBS
_TAKES_INFINITIVE = _lex.TAKES_INFINITIVE
_SPEECH_EVENTS = _lex.SPEECH_EVENTS
_COMMON_PAST = _lex.COMMON_PAST
_AUDIENCE = _lex.AUDIENCE
_LABELS = _lex.LABELS
_LY_NOUNS = _lex.LY_NOUNS
_CLAUSE_OPENERS = _lex.CLAUSE_OPENERS
_INTRO_WORDS = _lex.INTRO_WORDS
_TITLE_ABBR = _lex.TITLE_ABBR
_NOT_PEOPLE = _lex.NOT_PEOPLE
_PAREN_ADVERBS = _lex.PAREN_ADVERBS
_FINDING_NOUNS = _lex.FINDING_NOUNS
_IRREGULAR_PAST = _lex.IRREGULAR_PAST
_CALENDAR = _lex.CALENDAR
_TIME_WORDS = _lex.TIME_WORDS
_TIME_NOUNS = _lex.TIME_NOUNS
_CONTINUE_WORDS = _lex.CONTINUE_WORDS
_FUNCTION = DETERMINERS | PREPOSITIONS | _lex.FUNCTION_WORDS
_NAME_PARTICLES = _lex.NAME_PARTICLES
_COORDINATORS = frozenset({"but", "and", "yet", "so", "or", "nor"})
_PARTITIVES = _QUANTITY_WORDS | _lex.PARTITIVES


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    word: bool
    cap: bool


@dataclass
class Frame:
    """One attribution: cue, source, speaker and content intervals."""

    kind: str  # verb, according, noun, hedge, quote
    cue: tuple[int, int] | None
    cue_text: str | None
    speaker: str | None
    source: tuple[int, int] | None = None
    content: list[tuple[int, int]] = field(default_factory=list)
    quote: str = "indirect"
    reasons: list[str] = field(default_factory=list)
    sentence: int = -1
    # where the content is, before the contents are bounded (offsets):
    right: int | None = None  # content starts here and runs right
    left: int | None = None  # content runs left up to here
    left_edge: int | None = None  # the frame's own words (source, cue) span left_edge..right_edge
    right_edge: int | None = None
    right_limit: int | None = None  # the right content stops here (end of a relative clause)
    coordinated: bool = False  # "..., but said ...": a verb sharing the subject of an earlier one


@dataclass
class _Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph's end when left open)
    closed: bool
    prev: int | None = None  # index of the quotation it continues (quoted paragraphs)
    next: int | None = None


class Checker:
    """Labels spans of one document; reuse it for many spans of that text."""

    def __init__(self, document: Document):
        self.document = document
        self.text = document.text
        self._analysed = False

    # --- public -------------------------------------------------------------
    def check(self, start: int, end: int) -> Verdict:
        self._analyse()
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        total = self._ns[end] - self._ns[start]
        if total == 0:
            return Verdict(label="asserted", reasons=["the span holds no text"])
        covered = self._cov[end] - self._cov[start]
        # the source and cue of a frame are the attribution itself, neither content nor the
        # reporter's claim: "“We will win,” the senator from Ohio said." is all attributed
        if covered * 2 >= total or covered and covered * 2 >= total - self._own_chars(start, end):
            frame = self._best_frame(start, end)
            return self._verdict(frame, start, end)
        return self._asserted(start, end, covered, total)

    def _own_chars(self, start: int, end: int) -> int:
        """Non-space characters of [start, end) that are the source or cue of a frame
        whose content lies mostly inside the span too (a whole report)."""
        first = self.document.sentence_index(start)
        last = self.document.sentence_index(max(start, end - 1))
        marks: list[tuple[int, int]] = []
        for si in range(first, last + 1):
            for f in self._by_sentence.get(si, ()):
                if f.cue is None or not (start <= f.cue[0] and f.cue[1] <= end):
                    continue
                inside = sum(self._ns[min(b, end)] - self._ns[max(a, start)] for a, b in f.content if a < end and b > start)
                whole = sum(self._ns[b] - self._ns[a] for a, b in f.content)
                if whole and inside * 10 >= whole * 8:
                    for iv in (f.source, f.cue):
                        if iv is not None:
                            marks.append((max(iv[0], start), min(iv[1], end)))
        n = 0
        for a, b in _merge([m for m in marks if m[0] < m[1]]):
            n += (self._ns[b] - self._ns[a]) - (self._cov[b] - self._cov[a])
        return n

    def frames(self) -> list[Frame]:
        """Every attribution frame found in the document, in text order."""
        self._analyse()
        return list(self._frames)

    # --- verdicts -------------------------------------------------------------
    def _verdict(self, frame: Frame, start: int, end: int) -> Verdict:
        cue_span = None
        if frame.cue is not None:
            a, b = frame.cue
            cue_span = Span(start=a, end=b, text=self.text[a:b])
        quote = frame.quote
        if quote == "indirect" and self._in_quote(start, end):
            quote = "direct"
        reasons = list(frame.reasons)
        if quote == "direct" and not any("quot" in r for r in reasons):
            reasons.append("inside quotation marks")
        return Verdict(label="attributed", speaker=frame.speaker, cue=frame.cue_text, cue_span=cue_span,
                       quote=quote, reasons=reasons)

    def _asserted(self, start: int, end: int, covered: int, total: int) -> Verdict:
        first = self.document.sentence_index(start)
        last = self.document.sentence_index(max(start, end - 1))
        reasons: list[str] = []
        frames = [f for si in range(first, last + 1) for f in self._by_sentence.get(si, ())]
        topic = self._topic_reason(start, end)
        if topic:
            reasons.append(topic)
        if frames:
            f = frames[0]
            who = f"'{f.speaker}'" if f.speaker else "an unnamed source"
            if covered:
                reasons.append(f"only {covered * 100 // total}% of the span is what {who} is reported to say "
                               f"({f.cue_text!r}); the rest is the article's own text")
            else:
                reasons.append(f"outside the reported content of {f.cue_text!r} ({who}): the source, the cue "
                               f"or the reporter's own words")
        elif not topic:
            reasons.append("no attribution cue (reporting verb, 'according to', quotation) for this text: "
                           "the article's own voice")
        return Verdict(label="asserted", reasons=reasons)

    def _best_frame(self, start: int, end: int) -> Frame:
        best, best_n = None, -1
        i = bisect.bisect_right(self._iv_starts, end) - 1
        lo = max(0, i - 64)
        for k in range(i, lo - 1, -1):
            a, b, fi = self._intervals[k]
            if b <= start:
                continue
            n = self._ns[min(b, end)] - self._ns[max(a, start)]
            f = self._frames[fi]
            # nested content: the innermost (shortest) frame wins a tie
            if n > best_n or (n == best_n and best is not None and _extent(f) < _extent(best)):
                best, best_n = f, n
        assert best is not None
        return best

    def _in_quote(self, start: int, end: int) -> bool:
        qi = self._quote_at(start)
        if qi is None:
            return False
        q = self._quotes[qi]
        return end <= q.end + 1 and q.end - q.start > 2

    # --- analysis ---------------------------------------------------------------
    def _analyse(self) -> None:
        if self._analysed:
            return
        text = self.text
        doc = self.document
        self.toks: list[Tok] = [
            Tok(m.start(), m.end(), m.group(0), m.group(0).lower(), m.group(0)[0].isalnum() or m.group(0)[0] == "_",
                m.group(0)[0].isupper())
            for m in _TOKEN.finditer(text)
        ]
        self._tok_starts = [t.start for t in self.toks]
        self._sent_tok: list[tuple[int, int]] = []
        for s in doc.sentences:
            a = bisect.bisect_left(self._tok_starts, s.start)
            b = bisect.bisect_left(self._tok_starts, s.end)
            self._sent_tok.append((a, b))
        self._proper = self._proper_words()
        self._names = self._name_index()
        self._forms = None
        self._nonspace = _nonspace_mask(text)
        self._ns = _prefix_sum(self._nonspace)
        self._quotes = self._find_quotes()
        self._quote_starts = [q.start for q in self._quotes]
        self._frames: list[Frame] = []
        self._last_named: str | None = None
        self._last_named_at: int | None = None
        self._last_speaker: str | None = None
        self._mentions = sorted((pos, name, g) for lst in self._names.values() for pos, name, g in lst)
        self._mention_starts = [m[0] for m in self._mentions]
        for si in range(len(doc.sentences)):
            for f in self._sentence_frames(si):
                f.sentence = si
                self._frames.append(f)
        self._extend_to_quotes()
        self._quote_frames()
        self._first_person_in_quotes()
        self._frames.sort(key=lambda f: (f.content[0][0] if f.content else 0))
        self._index()
        self._analysed = True

    def _index(self) -> None:
        n = len(self.text)
        mark = np.zeros(n, dtype=bool)
        intervals = []
        for fi, f in enumerate(self._frames):
            for a, b in f.content:
                a, b = max(0, a), min(n, b)
                if a < b:
                    intervals.append((a, b, fi))
                    mark[a:b] = True
        intervals.sort()
        self._intervals = intervals
        self._by_sentence: dict[int, list[Frame]] = {}
        for f in self._frames:
            self._by_sentence.setdefault(f.sentence, []).append(f)
        self._iv_starts = [iv[0] for iv in intervals]
        self._cov = _prefix_sum(mark & self._nonspace)

    # --- names ---------------------------------------------------------------------
    def _proper_words(self) -> set[str]:
        """Words seen capitalized away from a sentence start: name parts."""
        out: set[str] = set()
        sent_first = set()
        for a, b in self._sent_tok:
            sent_first.add(a)
            if a + 1 < b and not self.toks[a].word:
                sent_first.add(a + 1)
        for k, t in enumerate(self.toks):
            if t.cap and t.word and k not in sent_first and k > 0 and self.toks[k - 1].text not in (_QUOTES | {"("}):
                out.add(_strip_poss(t.low))
        return out - _FUNCTION - _CALENDAR

    def _is_name_tok(self, k: int) -> bool:
        t = self.toks[k]
        if not (t.word and t.cap):
            return False
        low = _strip_poss(t.low)
        if low in _FUNCTION or low in _CALENDAR:
            return False
        if low in PERSON_NOUNS and low not in self._proper:
            return False
        if low in self._proper or t.text.isupper() and len(t.text) >= 2 or _is_initial(t.text):
            return True
        # a sentence-initial word before a name: "Vladimir Putin said"
        nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
        if nxt is not None and nxt.low in _NAME_PARTICLES and low not in PERSON_NOUNS:
            p = k + 1
            while p < len(self.toks) and p - k <= 3 and self.toks[p].low in _NAME_PARTICLES:
                p += 1
            nxt = self.toks[p] if p < len(self.toks) and p - k > 1 else None
        return nxt is not None and nxt.cap and _strip_poss(nxt.low) in self._proper and low not in PERSON_NOUNS

    def _name_runs(self, a: int, b: int) -> list[tuple[int, int]]:
        """Runs of name tokens in toks[a:b] (joined by '.', '-', 'de', initials)."""
        runs = []
        k = a
        while k < b:
            if self._is_name_tok(k):
                j = k + 1
                while j < b:
                    t = self.toks[j]
                    if self._is_name_tok(j) or (t.text == "." and j > k and (
                            _is_initial(self.toks[j - 1].text) or self.toks[j - 1].low in _TITLE_ABBR)):
                        j += 1
                    elif t.low in _NAME_PARTICLES and (p := self._after_particles(j, b)) is not None:
                        j = p  # "Anna van der Berg", "Ludwig van Beethoven", "Secretary of State"
                    else:
                        break
                    if _is_poss(self.toks[j - 1].text):
                        break
                runs.append((k, j))
                k = j
            else:
                k += 1
        return runs

    def _after_particles(self, j: int, b: int) -> int | None:
        """The name word after a run of name particles at toks[j] ('van der'), or None."""
        p = j
        while p < b and p - j < 3 and self.toks[p].low in _NAME_PARTICLES:
            p += 1
        return p if p < b and self._is_name_tok(p) else None

    def _name_text(self, a: int, b: int) -> str:
        """Name of toks[a:b] without titles: 'President Vladimir Putin' -> 'Vladimir Putin'."""
        words = [self.toks[k] for k in range(a, b) if self.toks[k].word]
        last_title = -1
        for i, w in enumerate(words[:-1]):
            if _strip_poss(w.low).rstrip(".") in TITLES:
                last_title = i
        words = words[last_title + 1:]
        while len(words) > 2 and words[0].low in ("of", "for"):  # "Secretary of State John Kerry"
            words = words[2:]
        if not words:
            return ""
        return _strip_poss(self.text[words[0].start:words[-1].end])

    def _name_index(self) -> dict[str, list[tuple[int, str, str | None]]]:
        """last word of each name in the article -> [(offset, name, 'm'/'f'/None)]."""
        idx: dict[str, list[tuple[int, str, str | None]]] = {}
        for a, b in self._sent_tok:
            for ra, rb in self._name_runs(a, b):
                name = self._name_text(ra, rb)
                if not name:
                    continue
                key = name.split()[-1].lower()
                idx.setdefault(key, []).append((self.toks[ra].start, name, self._gender(ra, rb)))
        return idx

    def _gender(self, a: int, b: int) -> str | None:
        """'m' or 'f' from a title in or just before a name ('Mr. Obama', 'Mrs. Clinton')."""
        lead = a - 2 if a >= 2 and self.toks[a - 1].text == "." else a - 1  # "Ms. Joan Reyes"
        for k in range(max(0, lead), b):
            low = self.toks[k].low.rstrip(".")
            if low in ("mr", "sir", "lord", "king", "prince", "father", "brother"):
                return "m"
            if low in ("mrs", "ms", "miss", "lady", "queen", "princess", "sister", "dame"):
                return "f"
        return None

    def fullest(self, name: str, gender: str | None = None) -> str:
        """The fullest form of a name in the article ('Putin' -> 'Vladimir Putin'):
        among the longer names ending with it, the most frequent (then the first),
        skipping one whose title says the other sex ('Mr. Obama' is not 'Michelle').
        Reads the distinct forms of the name (counted once per document), never its mentions."""
        parts = name.split()
        if not parts:
            return name
        forms = self._name_forms().get(parts[-1].lower(), {})
        best, best_key = name, None
        for cand, (count, first, genders) in forms.items():
            cparts = cand.split()
            if not (len(parts) < len(cparts) <= 4 and cparts[-len(parts):] == parts):
                continue
            if gender and genders and gender not in genders:
                continue
            if best_key is None or (count, -first) > best_key:
                best, best_key = cand, (count, -first)
        return best

    def _name_forms(self) -> dict[str, dict[str, tuple[int, int, frozenset]]]:
        """last word -> {name form: (mentions, first offset, genders seen)}, built once."""
        if self._forms is None:
            forms: dict[str, dict[str, tuple[int, int, frozenset]]] = {}
            for key, mentions in self._names.items():
                agg: dict[str, tuple[int, int, frozenset]] = {}
                for pos, cand, g in mentions:
                    n, first, gs = agg.get(cand, (0, pos, frozenset()))
                    agg[cand] = (n + 1, first, gs | {g} if g else gs)
                forms[key] = agg
            self._forms = forms
        return self._forms

    # --- quotations -----------------------------------------------------------------
    def _find_quotes(self) -> list[_Quote]:
        """Quotations, paired per paragraph: curly marks by their shape, straight
        ones by turns. One left open at the end of a paragraph continues into
        the next paragraph when that one opens with a quotation mark."""
        quotes: list[_Quote] = []
        blocks = self.document.blocks
        opens_block: dict[int, int] = {}  # block index -> quotation opening it
        for bi, blk in enumerate(blocks):
            open_at = None
            ka = bisect.bisect_left(self._tok_starts, blk.start)
            kb = bisect.bisect_left(self._tok_starts, blk.end)
            for k in range(ka, kb):
                t = self.toks[k]
                if t.text not in _QUOTES:
                    continue
                if t.text in _OPEN_Q:
                    kind = "open"
                elif t.text in _CLOSE_Q:
                    kind = "close" if (open_at is not None or k > ka) else "open"  # a paragraph opening with ”
                else:
                    kind = "open" if open_at is None else "close"
                if kind == "open":
                    if open_at is not None:
                        quotes.append(_Quote(open_at, t.start, closed=False))
                    open_at = t.start
                    if k == ka:
                        opens_block[bi] = len(quotes)
                elif open_at is not None:
                    quotes.append(_Quote(open_at, t.end, closed=True))
                    open_at = None
            if open_at is not None:
                quotes.append(_Quote(open_at, blk.end, closed=False))
        for i, q in enumerate(quotes):
            if q.closed:
                continue
            bi = self.document.block_index(q.start)
            if bi is None or q.end != blocks[bi].end:
                continue
            j = opens_block.get(bi + 1)
            if j is not None and j < len(quotes):
                q.next = j
                quotes[j].prev = i
        return quotes

    def _quote_at(self, pos: int) -> int | None:
        """The quotation holding `pos` (quotations never overlap: a bisection)."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i if i >= 0 and pos < self._quotes[i].end else None

    def _quote_chain(self, i: int) -> list[int]:
        while self._quotes[i].prev is not None:
            i = self._quotes[i].prev
        chain = [i]
        while self._quotes[i].next is not None:
            i = self._quotes[i].next
            chain.append(i)
        return chain

    def _extend_to_quotes(self) -> None:
        """Content that overlaps a quotation takes the whole quotation (and the
        quoted paragraphs chained to it): '"A. B," he said.' covers A and B."""
        q_starts = [q.start for q in self._quotes]
        for f in self._frames:
            added = []
            pad = []
            for a, b in f.content:
                i = bisect.bisect_left(q_starts, b)
                for qi in range(i - 1, -1, -1):
                    q = self._quotes[qi]
                    if q.end <= a:
                        if q.next is None and q.prev is None and a - q.end > 2000:
                            break
                        continue
                    if q.start >= a - 2 and q.end <= b + 2:
                        pad.append((q.start, q.end))  # inside already: take its marks and the comma in them
                        continue
                    if f.cue and q.start <= f.cue[0] < q.end:
                        continue  # the cue sits inside the quotation: keep the frame's own content
                    for ci in self._quote_chain(qi):
                        c = self._quotes[ci]
                        added.append((c.start, c.end))
            if added:
                f.content = _merge(f.content + added + pad)
                f.quote = "direct"
            elif pad:
                f.content = _merge(f.content + pad)

    def _quote_frames(self) -> None:
        """Quotations standing as sentences of their own and claimed by no frame
        outside them: the speaker of the quotation next to them (same or previous
        paragraph), else the subject before an introducing colon."""
        doc = self.document
        by_sentence: dict[int, list[Frame]] = {}
        for f in self._frames:
            by_sentence.setdefault(f.sentence, []).append(f)
        outer: list[tuple[int, int]] = []
        for f in self._frames:
            for a, b in f.content:
                outer.append((a, b))
        outer = _merge(outer)
        q_starts = [q.start for q in self._quotes]
        claimed: set[int] = set()
        for f in self._frames:
            for x, y in f.content:
                i = bisect.bisect_left(q_starts, x - 2)
                while i < len(self._quotes) and self._quotes[i].start <= y:
                    q = self._quotes[i]
                    if q.end - 2 <= y and not (f.cue and q.start <= f.cue[0] < q.end):
                        claimed.add(i)
                    i += 1
        new: list[Frame] = []
        made: dict[int, Frame] = {}
        for qi, q in enumerate(self._quotes):
            if q.end - q.start < 3:
                continue
            words = _TOKEN.findall(self.text[q.start:q.end])
            n_words = sum(1 for w in words if w[0].isalnum())
            if n_words == 0:
                continue
            if qi in claimed:
                continue  # claimed already by a frame whose cue is outside the quotation
            si = doc.sentence_index(q.start)
            sent = doc.sentences[si]
            # a full sentence (or most of one) in quotation marks
            inside = self._ns_count(max(q.start, sent.start), min(q.end, sent.end))
            whole = self._ns_count(sent.start, sent.end)
            chained = q.prev is not None or q.next is not None or q.end > sent.end + 1
            if inside * 2 < whole and not chained:
                continue
            if n_words < 4 and (inside * 10 < whole * 8 or self._neighbour_frame(si, by_sentence) is None):
                continue  # a short quotation ('“Bodies everywhere.”') only as a sentence next to its speaker's
            src = made.get(q.prev) if q.prev is not None else None
            dash = self._dash_speaker(q)
            if dash is not None:
                fr = Frame(kind="quote", cue=dash[1], cue_text=self.text[dash[1][0]:dash[1][1]], speaker=dash[0],
                           content=[(q.start, q.end)], quote="direct", sentence=si,
                           reasons=[f"a quotation signed with a dash: {dash[0]}"])
                new.append(fr)
                made[qi] = fr
                continue
            if src is None:
                src = self._neighbour_frame(si, by_sentence)
            if src is not None:
                fr = Frame(kind="quote", cue=src.cue, cue_text=src.cue_text, speaker=src.speaker,
                           content=[(q.start, q.end)], quote="direct", sentence=si,
                           reasons=[f"quoted sentence continuing the quotation of {src.speaker or 'the same source'}"
                                    f" ({src.cue_text!r} nearby)"])
            else:
                intro = self._colon_intro(si)
                fr = Frame(kind="quote", cue=None, cue_text=None, speaker=intro, content=[(q.start, q.end)],
                           quote="direct", sentence=si,
                           reasons=[f"a quotation introduced by a colon after {intro}" if intro else
                                    "a sentence in quotation marks: someone's words, though no source is named nearby"])
            new.append(fr)
            made[qi] = fr
        self._frames.extend(new)

    def _first_person_in_quotes(self) -> None:
        """'“..., just as I said,” Trump said': a first-person source inside a
        quotation is the speaker of the quotation."""
        for f in self._frames:
            if f.cue is None or f.source is None:
                continue
            src = self.text[f.source[0]:f.source[1]].lower().split()
            if not src or src[-1] not in ("i", "we") or len(src) > 3:
                continue  # "I", "as I", "just like I"
            qi = self._quote_at(f.cue[0])
            if qi is None:
                continue
            q = self._quotes[qi]
            for g in self._frames:
                if g is f or not g.speaker or g.cue is None or q.start <= g.cue[0] < q.end:
                    continue
                if any(a <= q.start + 1 and q.end - 1 <= b for a, b in g.content):
                    f.reasons.append(f"'{self.text[f.source[0]:f.source[1]]}' inside the quotation is {g.speaker}")
                    f.speaker = g.speaker
                    break

    def _dash_speaker(self, q: _Quote) -> tuple[str, tuple[int, int]] | None:
        """'“...” ― Sonya Herridge': a quotation signed with a dash and a name."""
        k = bisect.bisect_left(self._tok_starts, q.end)
        if k + 1 >= len(self.toks) or self.toks[k].text not in ("―", "—", "–", "-", "--"):
            return None
        if "\n" in self.text[q.end:self.toks[k + 1].start]:
            return None
        e = k + 1
        while e < len(self.toks) and e - k < 7 and self.toks[e].text not in ".,;:\n" and \
                "\n" not in self.text[self.toks[e - 1].end:self.toks[e].start]:
            e += 1
        runs = self._name_runs(k + 1, e)
        if not runs or runs[0][0] != k + 1:
            return None
        name = self._name_text(*runs[0])
        return (self.fullest(name), (self.toks[k].start, self.toks[k].end)) if name else None

    def _neighbour_frame(self, si: int, by_sentence: dict[int, list[Frame]]) -> Frame | None:
        doc = self.document
        block = doc.sentences[si].block
        # the same paragraph: the nearest frame before, else after
        for d in range(1, 6):
            for sj in (si - d, si + d):
                if 0 <= sj < len(doc.sentences) and doc.sentences[sj].block == block and sj in by_sentence:
                    return by_sentence[sj][-1] if sj < si else by_sentence[sj][0]
        # the previous paragraph's last frame
        for sj in range(si - 1, max(-1, si - 12), -1):
            if doc.sentences[sj].block < block - 1:
                break
            if doc.sentences[sj].block == block - 1 and sj in by_sentence:
                return by_sentence[sj][-1]
        return None

    def _colon_intro(self, si: int) -> str | None:
        """'..., President Clinton released the following statement:' -> its subject."""
        for sj in (si, si - 1):
            if sj < 0:
                continue
            a, b = self._sent_tok[sj]
            colon = next((k for k in range(b - 1, a - 1, -1) if self.toks[k].text == ":"), None)
            if colon is None or (sj == si - 1 and colon < b - 2):
                continue
            head = self._sentence_subject(a, colon)
            if head is not None:
                return self._speaker_from(*head)
        return None

    def _ns_count(self, a: int, b: int) -> int:
        return int(self._ns[b] - self._ns[a])

    # --- frames of one sentence --------------------------------------------------------
    def _sentence_frames(self, si: int) -> list[Frame]:
        a, b = self._sent_tok[si]
        sent = self.document.sentences[si]
        frames: list[Frame] = []
        taken: set[int] = set()
        k = a
        while k < b:
            t = self.toks[k]
            f = None
            if t.low == "according" and k + 1 < b and self.toks[k + 1].low == "to":
                f = self._according(k, a, b)
            elif t.word and t.low in HEDGES:
                f = self._hedge(k, a, b)
            elif t.word and (cue_verb(t.low) is not None or (
                    t.low in PHRASAL_FORMS and k + 1 < b and self.toks[k + 1].low in PHRASAL_CUES[PHRASAL_FORMS[t.low]])):
                f = self._verb_frame(k, a, b, frames)
                if f is None and t.low in NOUN_CUES:
                    f = self._noun_frame(k, a, b)  # "Trump's claim that ..."
                if f is None and t.low in ADJ_CUES:
                    f = self._adjective_frame(k, a, b)  # "are worried that ..."
            elif t.word and t.low in NOUN_CUES:
                f = self._noun_frame(k, a, b)
            elif t.word and t.low in ADJ_CUES:
                f = self._adjective_frame(k, a, b)
            if f is not None:
                f.sentence = si
                frames.append(f)
                taken.add(k)
            k += 1
        in_doc = self._in_document(a, b)
        if in_doc is not None:
            frames.insert(0, in_doc)
        colon = self._colon_speaker(si, a, b)
        if colon is not None:
            frames.insert(0, colon)
        self._bound_contents(frames, a, b, sent.start, sent.end)
        self._colon_paragraph(frames, a, b)
        out = []
        for f in frames:
            f.content = [(x, y) for x, y in (self._trim(x, y) for x, y in f.content) if x < y]
            if f.content:
                out.append(f)
                if f.speaker:
                    self._remember(f.speaker, f.cue[1] if f.cue else None)
        return out

    def _colon_paragraph(self, frames: list[Frame], a: int, b: int) -> None:
        """'Lind described the plan the council was preparing:' closing its paragraph
        introduces the next one: that paragraph is the source's words too."""
        if b - 1 <= a or self.toks[b - 1].text != ":":
            return
        main = next((f for f in frames if f.speaker and f.kind in ("verb", "noun", "according")), None)
        if main is None or any(y > self.toks[b - 1].end for _, y in main.content):
            return
        nxt = self._after_colon(b)
        if nxt is None or self.document.in_heading(*nxt):
            return
        main.content.append(nxt)
        main.reasons.append("the colon closing the paragraph introduces the next one")

    def _in_document(self, a: int, b: int) -> Frame | None:
        """'In a CBS poll released Monday, Clinton led by four points': the poll
        (survey, study, report) is the source of the sentence's main clause."""
        if b - a < 5:
            return None
        if self.toks[a].low not in ("in", "per"):
            # "..., in the latest CBS poll." at the end of the sentence
            c = next((k for k in range(b - 2, max(a, b - 16), -1) if self.toks[k].text == ","), None)
            if c is None or c + 2 >= b or self.toks[c + 1].low not in ("in", "per") or c - a < 4:
                return None
            words = [t for t in self.toks[c + 2:b] if t.word]
            head = self._head(words) if words else None
            if head is None or _strip_poss(head.low) not in _FINDING_NOUNS or any(
                    t.low in _CONTINUE_WORDS or t.low in BE_FORMS for t in words):
                return None
            speaker = _clean(self.text[words[0].start:head.end])
            t = self.toks[c + 1]
            f = Frame(kind="according", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                      source=(words[0].start, words[-1].end),
                      reasons=[f"'..., {t.text} {speaker}': the finding is the {head.low}'s"])
            f.left_edge = t.start
            f.right_edge = words[-1].end
            f.left = self.toks[c].start
            return f
        comma = next((k for k in range(a + 1, min(b, a + 16)) if self.toks[k].text == ","), None)
        if comma is None or comma + 1 >= b:
            return None
        words = [t for t in self.toks[a + 1:comma] if t.word]
        head = self._head(words) if words else None
        if head is None or _strip_poss(head.low) not in _FINDING_NOUNS:
            return None
        speaker = _clean(self.text[words[0].start:head.end])
        t = self.toks[a]
        f = Frame(kind="according", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                  source=(words[0].start, words[-1].end),
                  reasons=[f"'{t.text} {speaker}': the finding is the {head.low}'s"])
        f.left_edge = t.start
        f.right_edge = self.toks[comma].end
        f.right = self.toks[comma + 1].start
        return f

    def _colon_speaker(self, si: int, a: int, b: int) -> Frame | None:
        """'TAPPER: Do you think ...' / 'Reid: Never underestimate Trump.': a name and
        a colon open the speaker's words, to the end of the paragraph."""
        for c in range(a + 1, min(b - 1, a + 7)):
            if self.toks[c].text == ":":
                break
        else:
            return None
        words = [t for t in self.toks[a:c] if t.word]
        if not words or len(words) > 5 or not all(t.cap for t in words if t.low not in ("of", "de", "van", "von")):
            return None
        if any(t.low in _LABELS or t.low in _CALENDAR or t.text[0].isdigit() for t in words):
            return None
        if sum(1 for x in range(c + 1, b) if self.toks[x].word and self.toks[x].text[0].isalpha()) < 2:
            return None  # 'Clinton: 2,316' is a tally, not words
        if words[0].text.isupper() and len(words) == 1 and len(words[0].text) > 2:
            speaker = self.fullest(words[0].text.title())
        else:
            speaker = self.fullest(self._name_text(a, c) or self.text[words[0].start:words[-1].end])
        blk = self.document.blocks[self.document.sentences[si].block]
        colon = self.toks[c]
        f = Frame(kind="colon", cue=(colon.start, colon.end), cue_text=":", speaker=speaker,
                  source=(words[0].start, words[-1].end),
                  content=[(self.toks[c + 1].start, blk.end)],
                  reasons=[f"'{self.text[words[0].start:colon.end]}' opens {speaker}'s words"])
        f.left_edge = words[0].start
        f.right_edge = colon.end
        return f

    def _remember(self, speaker: str, pos: int | None = None) -> None:
        self._last_speaker = speaker
        if any(w[:1].isupper() for w in speaker.split()) and speaker.split()[0].lower() not in DETERMINERS:
            self._last_named = speaker
            self._last_named_at = pos

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        text = self.text
        while a < b and (text[a].isspace() or text[a] in ",;:—–-"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
            b -= 1
        return a, b

    # content boundaries between the frames of one sentence
    def _bound_contents(self, frames: list[Frame], a: int, b: int, s_start: int, s_end: int) -> None:
        for i, f in enumerate(frames):
            if not f.right:
                continue
            r_start = f.right
            r_end = s_end if f.right_limit is None else min(s_end, f.right_limit)
            for g in frames[i + 1:]:
                g_left = g.left_edge
                if g_left is None or g_left <= r_start:
                    continue
                if g.coordinated:
                    r_end = min(r_end, g_left)  # "... but has said she will ...": a verb of its own
                    break
                if self._breaks_clause(r_start, g_left) and not (
                        g.source is not None and self._opens_clause_of(r_start, g_left)):
                    r_end = min(r_end, self._break_point(r_start, g_left))
                    break
            if r_end == s_end:
                r_end = self._tail_cut(r_start, r_end, frames)
            if r_start < r_end:
                f.content.append((r_start, r_end))
        for i, f in enumerate(frames):
            if not f.left:
                continue
            l_end = f.left
            l_start = s_start
            qi = self._quote_at(f.cue[0]) if f.cue is not None else None
            if qi is not None and self._quotes[qi].closed:
                # '..., recalled, "Out of nowhere, he said, ..."': a report quoted inside a
                # quotation reaches back to the quotation's start, not the sentence's
                l_start = max(l_start, self._quotes[qi].start)
            for g in reversed(frames[:i]):
                g_edge = g.right_edge
                if g.cue is not None and self._nested_in_quote(g.cue[0], l_end):
                    continue  # '“A, as I said,” Trump said': the inner report is part of the quotation
                if g_edge is not None and g_edge <= l_end and g.kind != "hedge":
                    if g.left:
                        l_start = max(l_start, g_edge)
                    break
            if l_start < l_end:
                f.content.append((l_start, l_end))

    def _has_finite_verb(self, i: int, j: int) -> bool:
        """A finite verb among toks[i+1:j] ('would be', 'has', 'was', 'found')?"""
        return any(_finite(self.toks[x]) for x in range(max(0, i + 1), j))

    def _opens_clause_of(self, r_start: int, g_left: int) -> bool:
        """'noted that at one of his first meetings, in 1972, he supported ...': the
        content is a that-clause whose own subject and verb come only at g_left, so
        the later report is nested in it, not a new clause of the sentence."""
        ka = bisect.bisect_left(self._tok_starts, r_start)
        kb = bisect.bisect_left(self._tok_starts, g_left)
        if ka >= kb or self.toks[ka].low != "that":
            return False
        return not any(t.low in BE_FORMS or t.low in _MODALS and t.low != "to" or t.low in ("has", "have", "had")
                       or t.word and not t.cap and (t.low.endswith("ed") or t.low in _IRREGULAR_PAST)
                       for t in self.toks[ka + 1:kb])

    def _nested_in_quote(self, pos: int, end: int) -> bool:
        """Is pos inside a quotation that closes right before end?"""
        qi = self._quote_at(pos)
        if qi is None:
            return False
        q = self._quotes[qi]
        return q.closed and end - 3 <= q.end <= end + 1

    def _tail_cut(self, a: int, b: int, frames: list[Frame]) -> int:
        """Where reported content running to the end of its sentence really ends:
        before a last ', which ...' / ', who ...' clause, a trailing participle
        (', making it ...') or a closing dash aside, the reporter's additions.
        Quoted text is never cut."""
        ka = bisect.bisect_left(self._tok_starts, a)
        kb = bisect.bisect_left(self._tok_starts, b)
        cut = b
        depth = 0
        for k in range(ka, kb):
            t = self.toks[k]
            if t.text in _QUOTES:
                depth ^= 1
            if depth or k + 1 >= kb:
                continue
            n = self.toks[k + 1]
            n2 = self.toks[k + 2] if k + 2 < kb else None
            if t.text == "," and (n.low in ("which", "who", "whose", "where") or (
                    n.low in PREPOSITIONS and n2 is not None and n2.low in ("which", "whom", "whose")
                   ) or (
                    n.low.endswith("ing") and n.word and not n.cap and cue_verb(n.low) is None
                    and n.low not in ("including", "according", "during", "something", "nothing", "anything",
                                      "everything", "being", "morning", "evening", "building", "spring"))):
                rest = self.toks[k + 2:kb]
                if not any(x.text == "," for x in rest) and not any(x.text in _QUOTES for x in rest) and \
                        not any(f.cue and f.cue[0] > t.start for f in frames):
                    cut = t.start
                    break
            if t.low in ("but", "yet") and k > ka + 2 and n.word and (
                    n.low in ("has", "have", "had", "is", "was", "were", "are", "did", "does", "didn't", "doesn't",
                              "hasn't", "wasn't", "isn't")
                    or _base(n.low) in PERSON_PRONOUNS and n2 is not None and n2.word and not n2.cap
                    and (self.toks[k - 1].text == "," or self.toks[k - 1].text in _CLOSE_Q | _STRAIGHT_Q
                         and self.toks[k - 2].text == ",")):
                # "signaled willingness to change it but has been met with opposition",
                # "..., but he didn't see the irony": the reporter's clause after the report
                if not any(f.cue and f.cue[0] > t.start for f in frames):
                    cut = self.toks[k - 1].start if self.toks[k - 1].text == "," else t.start
                    if self.toks[k - 1].text in _QUOTES:
                        cut = self.toks[k - 1].end  # keep the closing quotation mark with the quotation
                    break
            if t.text == "," and (n.low == "compared" and n2 is not None and n2.low in ("with", "to")
                                  or n.low == "while" and n2 is not None and (n2.low in _QUANTITY_WORDS
                                                                              or n2.text[0].isdigit())):
                cut = t.start  # "..., compared with 64 percent of Republicans": the reporter's contrast
                break
            if t.text == "," and n.low == "as" and n2 is not None and _base(n2.low) in PERSON_PRONOUNS \
                    and k + 3 < kb and self.toks[k + 3].low in ("did", "does", "do", "has", "had", "have"):
                cut = t.start  # "..., as he did again during the debate": the reporter's aside
                break
            if t.low in ("in", "on", "during", "at", "via", "through") and k > ka + 1 and not depth:
                if self._speech_event_pp(k, kb) and not self._has_finite_verb(ka - 1, k):
                    cut = t.start  # "called for more money in a statement on Thursday": how it was said
                    break
            if t.text in ("—", "--", "―") and k > ka + 3:
                rest = self.toks[k + 1:kb]
                if not any(x.text in ("—", "--", "―") for x in rest) and not any(x.text in _QUOTES for x in rest) and \
                        not any(f.cue and f.cue[0] > t.start for f in frames):
                    cut = t.start
                    break
        return cut

    def _speech_event_pp(self, k: int, kb: int) -> bool:
        """Does toks[k:kb] close a report with its occasion: 'in a statement on
        Thursday', 'on its website', 'during a speech at the convention in July'?"""
        m = k + 1
        while m < kb and m - k <= 5 and self.toks[m].word and self.toks[m].low not in _SPEECH_EVENTS and (
                self.toks[m].low in DETERMINERS or self.toks[m].cap or self.toks[m].low.endswith(("’s", "'s"))
                or self.toks[m].low in ("prime-time", "televised", "recent", "written", "brief", "lengthy", "joint",
                                        "national", "local", "weekly", "radio", "television", "tv", "news",
                                        "press", "campaign", "late-night", "morning", "evening", "phone",
                                        "telephone", "emailed", "separate", "new", "official")):
            m += 1
        if m >= kb or self.toks[m].low not in _SPEECH_EVENTS:
            return False
        rest = [t for t in self.toks[m + 1:kb] if t.word]
        if len(rest) > 12 or any(t.low in BE_FORMS or t.low in _MODALS and t.low != "to" or t.low in _RELATIVES
                                 for t in rest):
            return False
        return True

    def _breaks_clause(self, a: int, b: int) -> bool:
        """Is there a clause break (", but", ";", ", while" ...) between a and b
        right before the next frame's source?"""
        ka = bisect.bisect_left(self._tok_starts, a)
        kb = bisect.bisect_left(self._tok_starts, b)
        for k in range(kb - 1, max(ka - 1, kb - 4), -1):
            t = self.toks[k]
            if t.text in ";" or t.low in CLAUSE_BREAKS or t.low in ("and", "or") and self.toks[k - 1].text in (
                    ",", "—", "–", "--") or t.low == "compared" and self.toks[k - 1].text == ",":
                return True
            if t.text == "," and k + 1 < kb + 1:
                nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
                if nxt is not None and (nxt.low in CLAUSE_BREAKS or nxt.low in ("and", "as", "even", "who")):
                    return True
                if nxt is not None and nxt.start == b:
                    return True
            if t.text in _QUOTES and k == kb - 1:
                return True
        return False

    def _break_point(self, a: int, b: int) -> int:
        ka = bisect.bisect_left(self._tok_starts, a)
        kb = bisect.bisect_left(self._tok_starts, b)
        for k in range(kb - 1, ka - 1, -1):
            t = self.toks[k]
            if t.text in ",;" or t.low in CLAUSE_BREAKS:
                j = k
                while j - 1 >= ka and (self.toks[j - 1].text in ",;" or self.toks[j - 1].low in CLAUSE_BREAKS):
                    j -= 1
                return self.toks[j].start
        return b

    # --- cue rules ------------------------------------------------------------------------
    def _according(self, k: int, a: int, b: int) -> Frame | None:
        to = self.toks[k + 1]
        j = k + 2
        while j < b and self.toks[j].text not in ",;:—()" and not (
                self.toks[j].text in _QUOTES and j > k + 2):
            j += 1
        if j == k + 2:
            return None
        src = (self.toks[k + 2].start, self.toks[j - 1].end)
        speaker = self._speaker_from(k + 2, j)
        f = Frame(kind="according", cue=(self.toks[k].start, to.end), cue_text=self.text[self.toks[k].start:to.end],
                  speaker=speaker, source=src, reasons=[f"'according to' names the source ({speaker})"])
        before = self._clause_material(a, k)
        f.left_edge = self.toks[k].start
        f.right_edge = self.toks[j - 1].end
        if before:
            f.left = self.toks[k].start
            f.reasons.append("the content comes before 'according to'")
        if j < b and any(self.toks[x].word for x in range(j, b)) and not (
                before and not (j + 1 < b and self.toks[j + 1].text in (_OPEN_Q | _STRAIGHT_Q))
                and not self._medial_continues(a, k, j, b)):
            f.right = self.toks[j].end if self.toks[j].text in ",;:—" else self.toks[j].start
        return f

    def _medial_continues(self, a: int, k: int, j: int, b: int) -> bool:
        """'In addition, according to the department, nine million workers ...' and
        'Absent, according to members, was any mention ...': the sentence goes on
        after the source (its main clause or verb), so the rest is the source's too."""
        if not (self.toks[j].text == "," and j + 1 < b):
            return False
        n = self.toks[j + 1]
        if n.low == "and" and j + 2 < b and self._finite_clause_at(j + 2, b) and self._has_finite_verb(a - 1, k):
            return True  # "X paid 25 percent, according to the CBO, and the top tenth paid 69 percent"
        if not n.word or n.low in ("which", "who", "whose", "where", "and", "but", "although", "though", "while",
                                   "as", "because", "even", "compared", "up", "down"):
            return False
        left = [t for t in self.toks[a:k] if t.word]
        verb_left = any(t.low in BE_FORMS or t.low in _CONTINUE_WORDS or t.low in _MODALS and t.low != "to"
                        or (t.low.endswith("ed") and not t.cap) or t.low in _IRREGULAR_PAST for t in left)
        if not verb_left:
            return True  # the main clause is after the source
        return n.low in BE_FORMS or n.low in _CONTINUE_WORDS or n.low.endswith("ing") and n.low not in (
            "including", "according")

    def _left_is_content(self, a: int, k: int) -> bool:
        """Is the text before a trailing cue something said ('The plan will fail, he
        said') rather than an opening adverbial ('In July, the NAACP called for')?"""
        toks = self.toks[a:k]
        if any(t.text in _QUOTES for t in toks):
            return True
        words = [t for t in toks if t.word]
        while len(words) > 1 and words[0].low in _COORDINATORS:
            words = words[1:]  # "But the delay helps the mayor, aides said": the clause after the conjunction
        if not words:
            return False
        if len(words) >= 2 and any(_finite(t) for t in words[1:]):
            return True  # a subject and its verb: "He left, police said"
        if words[0].low in _SUBORDINATORS and words[0].low not in ("overall", "ultimately", "still", "instead", "rather",
                                                                  "even") and len(words) >= 3:
            return True  # "Though the bridge held up, the engineer said, ...": a clause of the report
        if len(words) < 3:
            # "Repairs, the report found, cost more" — but not "In July," or "Instead,"
            w = words[0]
            return not (w.low in PREPOSITIONS or w.low in _INTRO_WORDS or w.low in _CALENDAR or w.low in _FUNCTION
                        or _adverb(w) or w.text[0].isdigit())
        if words[0].low == "this" and words[1].low not in _TIME_NOUNS and words[1].low not in _CALENDAR:
            return True  # "This makes it harder, he said" (not "This week, ...")
        if words[0].low in PREPOSITIONS or words[0].low in _INTRO_WORDS or words[0].low in _CALENDAR:
            verbish = any(t.low in _CONTINUE_WORDS or t.low in BE_FORMS or t.low in _MODALS and t.low != "to"
                          or (t.low.endswith("ed") and not t.cap) for t in words[1:])
            return verbish
        return True

    def _clause_material(self, a: int, k: int) -> bool:
        """Are there words of content before toks[k] in the sentence (not just 'But,')?"""
        words = [t for t in self.toks[a:k] if t.word]
        return len(words) >= 2 or (len(words) == 1 and words[0].low not in _FUNCTION)

    def _hedge(self, k: int, a: int, b: int) -> Frame | None:
        t = self.toks[k]
        f = Frame(kind="hedge", cue=(t.start, t.end), cue_text=t.text, speaker=None,
                  reasons=[f"hedge '{t.text}': the article attributes this to an unnamed source"])
        f.left_edge = None
        f.right_edge = t.end
        # the hedge scopes over its own clause: "Scott was shot after he allegedly
        # brandished a pistol" hedges the pistol, not the shooting
        start = a
        for m in range(k - 1, a, -1):
            x = self.toks[m]
            if x.low in ("after", "before", "because", "when", "while", "since", "although", "though", "as", "but",
                         "and", "that", "whether", "if", "who", "which", "where") and m + 1 < k \
                    and (x.low not in ("and", "but", "as") or self.toks[m - 1].text == "," or m + 2 <= k
                         and (_base(self.toks[m + 1].low) in PERSON_PRONOUNS or self.toks[m + 1].low in DETERMINERS)):
                start = m + 1
                break
            if x.text == ";":
                start = m + 1
                break
        f.content = [(self.toks[start].start, t.start), (t.end, self.toks[b - 1].end)]
        if start > a:
            f.reasons.append("the hedge covers its own clause only")
        return f

    def _adjective_frame(self, k: int, a: int, b: int) -> Frame | None:
        """'Many Democrats are afraid that ...', 'He is confident the plan will pass'."""
        t = self.toks[k]
        nxt = self.toks[k + 1] if k + 1 < b else None
        if nxt is None or not (nxt.low in ("that", "about", "of", "whether") or (nxt.low == "by" and t.low.endswith("ed"))
                               or nxt.low == "to" and t.low in ADJ_TO or (
                nxt.low in DETERMINERS or _base(nxt.low) in PERSON_PRONOUNS) and nxt.low not in ("a", "an")):
            return None
        j = k - 1
        while j >= a and self.toks[j].word and (_adverb(self.toks[j]) or self.toks[j].low in ("very", "so", "not",
                                                                                              "too", "more", "less",
                                                                                              "also", "still")):
            j -= 1
        if j < a or self.toks[j].low not in BE_FORMS and self.toks[j].low not in ("feel", "feels", "felt", "seem",
                                                                                  "seems", "seemed", "remain",
                                                                                  "remains", "remained"):
            return None
        s_start, s_end, aux_start = self._subject_span(j, a)
        if s_end <= s_start or not self._subject_ok("thought", "feel", s_start, s_end):
            return None
        speaker, how = self._speaker_with_reason(s_start, s_end)
        cue_text = self.text[self.toks[j].start:t.end]
        f = Frame(kind="verb", cue=(self.toks[j].start, t.end), cue_text=cue_text, speaker=speaker,
                  source=(self.toks[s_start].start, self.toks[s_end - 1].end),
                  reasons=[f"state of mind '{cue_text}': the clause is what {speaker} thinks or feels"])
        if how:
            f.reasons.append(how)
        f.left_edge = self.toks[s_start].start
        f.right_edge = t.end
        f.right = nxt.start if nxt.low in ("that", "whether") or nxt.low not in ("about", "of") else nxt.end
        return f

    def _noun_frame(self, k: int, a: int, b: int) -> Frame | None:
        """'his claim that ...', 'reports that ...', 'the belief that ...'."""
        if k + 1 >= b or self.toks[k + 1].low != "that":
            return None
        # 'that' must open a content clause, not a relative clause ('the claim that he made')
        if k + 2 < b and (self.toks[k + 2].low in ("he", "she", "they", "i", "we", "you") and k + 3 < b
                          and cue_verb(self.toks[k + 3].low) is not None):
            return None
        if k + 2 < b and (self.toks[k + 2].low in BE_FORMS or self.toks[k + 2].low in _MODALS
                          or self.toks[k + 2].low in ("has", "have", "had")):
            return None  # "views that are far from ...": a relative clause, no subject of its own
        prev = self.toks[k - 1] if k > a else None
        speaker = None
        src = None
        if prev is not None and _is_poss(prev.text):
            pa = k - 1
            while pa - 1 >= a and self.toks[pa - 1].word and self.toks[pa - 1].cap:
                pa -= 1
            speaker = self._speaker_from(pa, k)
            src = (self.toks[pa].start, prev.end)
        elif prev is not None and prev.low in ("his", "her", "their"):
            speaker = self._resolve_pronoun({"his": "he", "her": "she", "their": "they"}[prev.low], prev.start)
            src = (prev.start, prev.end)
        t = self.toks[k]
        f = Frame(kind="noun", cue=(t.start, self.toks[k + 1].end), cue_text=f"{t.text} that", speaker=speaker,
                  source=src, reasons=[f"nominal frame '{t.text} that': the clause is the {t.low}'s content"])
        f.left_edge = src[0] if src else t.start
        f.right_edge = self.toks[k + 1].end
        f.right = self.toks[k + 1].start
        return f

    def _verb_frame(self, k: int, a: int, b: int, frames: list[Frame]) -> Frame | None:
        t = self.toks[k]
        nxt0 = self.toks[k + 1].low if k + 1 < b else ""
        if t.low in PHRASAL_FORMS and nxt0 in PHRASAL_CUES[PHRASAL_FORMS[t.low]]:
            lemma, cls = PHRASAL_FORMS[t.low], "speech"
            if cue_verb(t.low) is not None:
                cls = cue_verb(t.low)[1]  # type: ignore[index]
        else:
            lemma, cls = cue_verb(t.low)  # type: ignore[misc]
        first_word = k == a or (k == a + 1 and self.toks[a].text in (_QUOTES | {"("}))
        if t.cap and not first_word and not self._title_case(a, b):
            return None
        prev = self.toks[k - 1] if k > a else None
        nxt = self.toks[k + 1] if k + 1 < b else None
        ing = t.low.endswith("ing")
        base = lemma.replace("_", " ")
        past = not ing and t.low not in (base, base + "s", base + "es", base[:-1] + "ies") and (
            t.low.endswith(("ed", "en", "wn")) or t.low in _IRREGULAR_PAST)
        if prev is not None and (prev.low in DETERMINERS or _is_poss(prev.text)) and not (
                prev.low == "that" and not ing) and not (
                prev.low in ("another", "some", "each", "either", "neither", "both", "many", "few", "most", "all",
                             "several", "others") and (t.low in ("said", "says", "told", "tells", "wrote", "writes")
                                                       or nxt0 == "that" and not t.low.endswith("s")
                                                       or not t.low.endswith("s") and cls in ("thought", "speech")
                                                       and self._finite_clause_at(k + 1, b))):
            return None  # a noun: "the report", "his claims", "Trump's warning"
        if prev is not None and prev.low in PREPOSITIONS and not ing and prev.low not in ("by",):
            return None  # "secretary of state", "in a post"
        if t.low in ("called", "named", "dubbed", "titled", "labeled", "labelled") and self._names_something(k, a, b):
            return None  # "a program called Sandy Hook Promise": a name, not a report
        if not past and not ing and t.low.endswith("s") and t.low != lemma and nxt0 in (
                "have", "has", "had", "are", "were", "is", "was", "will", "would", "can", "could", "may", "might",
                "should", "must") and not (prev is not None and (_base(prev.low) in PERSON_PRONOUNS or prev.cap and k - 1 > a)):
            return None  # "Health worries have dogged ...": a noun, the subject of its own verb
        if (t.low in NOUNISH or lemma in NOUNISH) and not past and not ing:
            if prev is not None and (prev.low in _QUANTITY_WORDS or prev.text[0].isdigit()) and t.low.endswith("s") \
                    and prev.low not in ("the", "a", "an"):
                return None  # "several views that ...", "many reports": a noun
            if t.low in ("state", "protest", "protests") or t.low == "states" and nxt0 != "that" \
                    or not self._verb_context(k, a, b):
                return None
        # "a racially charged argument": an adjective after a determiner and adverbs
        j = k - 1
        while j >= a and self.toks[j].word and _adverb(self.toks[j]):
            j -= 1
        if j < k - 1 and j >= a and (self.toks[j].low in DETERMINERS or self.toks[j].low in PREPOSITIONS):
            return None
        # passives
        aux = k - 1
        while aux >= a and self.toks[aux].word and self.toks[aux].low in AUXILIARIES and self.toks[aux].low not in BE_FORMS:
            aux -= 1
        passive = past and aux >= a and self.toks[aux].low in BE_FORMS and (t.low != "said" or (
            nxt is not None and nxt.low == "to"))
        if past and not passive and prev is not None and prev.text == "," and cls != "speech" and lemma not in (
                "say", "tell", "add"):
            # "the plan, praised by ..." — an appositive participle
            if nxt is not None and nxt.low == "by":
                return None
        if passive:
            return self._passive_frame(k, aux, a, b, lemma, cls)
        if lemma in NEEDS_TO and cls == "thought":
            clause = lemma in ("hope", "wish") and nxt is not None and nxt.low not in ("to", "that") and any(
                self.toks[x].low in ("will", "would", "can", "could", "'ll", "’ll", "might", "may")
                or self.toks[x].low.endswith(("’d", "'d", "’ll", "'ll")) for x in range(k + 1, min(b, k + 16)))
            if not clause and nxt is not None and lemma in ("decide", "hope", "wish", "plan", "intend", "prefer") \
                    and self._finite_clause_at(k + 1, b):
                clause = True  # "decided she should share the honor"
            if not clause and nxt is not None and (nxt.low in _TIME_WORDS or nxt.low in ("on", "last", "this")):
                m = k + 1
                while m < b and m - k <= 4 and self.toks[m].low != "to" and self.toks[m].word:
                    m += 1
                clause = m < b and self.toks[m].low == "to" and all(
                    self.toks[x].low in _TIME_WORDS or self.toks[x].low in _CALENDAR or self.toks[x].low in (
                        "on", "last", "this", "week", "month", "year", "night", "morning")
                    for x in range(k + 1, m))  # "tried on Tuesday to make the case"
            if not clause and (nxt is None or nxt.low not in ("to", "that")) or \
                    past and aux >= a and self.toks[aux].low in ("had",):
                return None  # but "hope the vote will help" has its clause
        if ing and aux >= a and (self.toks[aux].low in BE_FORMS or self.toks[aux].low.endswith(
                ("’s", "'s", "’re", "'re", "’m", "'m")) and _base(self.toks[aux].low) in PERSON_PRONOUNS | {"it"}) \
                and self.toks[aux].low not in ("being", "been") \
                and not (aux > a and self.toks[aux - 1].low in _CLAUSE_OPENERS):
            return self._finite_frame(k, a, b, lemma, cls)  # progressive: "is promising to ..."
        if ing and nxt0 in ("could", "would", "will", "may", "might", "can", "should", "must", "has", "had", "was",
                            "is"):
            return None  # "The appeals court ruling could decide ...": a noun
        if ing or (prev is not None and prev.low == "to" and not past):
            return self._participle_frame(k, a, b, lemma, cls, frames)
        return self._finite_frame(k, a, b, lemma, cls)

    def _names_something(self, k: int, a: int, b: int) -> bool:
        """'... a movement called the People's Party.' / 'a group called "Never Again"':
        a participle after a common noun, followed by a name that runs to the end of
        its phrase, gives a name; 'Trump called Clinton a liar' is a report."""
        prev = self.toks[k - 1] if k > a else None
        if prev is None or not prev.word or prev.cap or _base(prev.low) in PERSON_PRONOUNS \
                or prev.low in AUXILIARIES or prev.low in BE_FORMS:
            return False
        indefinite = any(self.toks[x].low in ("a", "an") for x in range(max(a, k - 4), k - 1))
        if _strip_poss(prev.low) in PERSON_NOUNS and not indefinite:
            return False  # "officials called ..." is a report; "a charity called ..." names
        m = k + 1
        if m < b and self.toks[m].low == "the":
            m += 1
        quoted = m < b and self.toks[m].text in _QUOTES
        if quoted:
            m += 1
        start = m
        while m < b and (self.toks[m].cap or self.toks[m].low in ("of", "for", "and", "the", "&") and m > start
                         or self.toks[m].text in ("'s", "’s", "-")):
            m += 1
        if quoted and m < b and self.toks[m].text in _QUOTES:
            m += 1
        return m > start and (m >= b or self.toks[m].text in ".,;:)—" or self.toks[m].low in (
            "that", "which", "who", "and", "in", "on", "at", "to", "for", "with"))

    def _title_case(self, a: int, b: int) -> bool:
        """A headline in Title Case ('Trump’s Son Says The Battle Is ...')."""
        words = [t for t in self.toks[a:b] if t.word and t.text[0].isalpha()]
        return len(words) >= 4 and sum(1 for t in words if t.cap) >= 0.8 * len(words)

    def _verb_context(self, k: int, a: int, b: int) -> bool:
        """A form that is as often a noun ('report', 'claims') reads as a verb here."""
        prev = self.toks[k - 1] if k > a else None
        nxt = self.toks[k + 1] if k + 1 < b else None
        if prev is None:
            return nxt is not None and nxt.low in ("that", ":")
        if prev.low in _MODALS or _base(prev.low) in PERSON_PRONOUNS or prev.low in ("who", "also", "it", "this"):
            return True
        if prev.word and (_adverb(prev) or prev.low in ("often", "always", "never", "still", "now", "again",
                                                        "repeatedly", "frequently", "regularly", "rarely")) \
                and k - 2 >= a and (_base(self.toks[k - 2].low) in PERSON_PRONOUNS or self._is_name_tok(k - 2)
                                    or _strip_poss(self.toks[k - 2].low) in PERSON_NOUNS):
            return True  # "He often calls out ...", "Trump openly states ..."
        if not self.toks[k].low.endswith("s") and prev.word and prev.low.endswith("s") and not _is_poss(prev.text) \
                and (prev.low in DOCUMENT_NOUNS or prev.low in PERSON_NOUNS or _people(prev.low)) and nxt is not None \
                and (nxt.word or nxt.text == ","):
            return True  # "the polls show Clinton ahead", "records show, ..."

        if (nxt is None or nxt.text in ".!?") and prev.word and not prev.cap and prev.low not in DETERMINERS \
                and prev.low not in PREPOSITIONS:
            return True  # "..., a new analysis shows."
        if nxt is not None and nxt.low == "that" and self.toks[k].low.endswith("s") and prev.word and \
                not prev.cap and prev.low not in DETERMINERS and prev.low not in PREPOSITIONS and \
                not prev.low.endswith("s"):
            return True  # "another slide shows that ..."
        if (prev.text in _CLOSE_Q or prev.text in _STRAIGHT_Q or prev.text == ",") and nxt is not None and (
                nxt.cap or nxt.low in ("the", "a", "an")):
            return True  # inverted: '"...," reads a editorial
        if prev.word and prev.cap and self._is_name_tok(k - 1) and self.toks[k].low.endswith("s"):
            return True
        if prev.low in ("many", "most", "some", "others", "few", "several", "both", "all") \
                and not self.toks[k].low.endswith("s") and self._finite_clause_at(k + 1, b):
            return True  # "Many fear Trump will ..."
        if self.toks[k].low.endswith("s") and nxt is not None and (
                nxt.low in ("to", "that") or nxt.low in DETERMINERS or nxt.cap or _base(nxt.low) in PERSON_PRONOUNS
        ) and prev.word and (_strip_poss(prev.low) in PERSON_NOUNS or prev.low in ROLE_NOUNS
                             or prev.low in DOCUMENT_NOUNS) and not _plural(prev.low):
            return True  # "The governor plans to veto ...", "The video shows Smith ..."
        if nxt is not None and nxt.low in ("that", ":") and prev.word and (
                _strip_poss(prev.low) in PERSON_NOUNS or prev.low in DOCUMENT_NOUNS):
            return True
        if nxt is not None and (nxt.word or nxt.text == ",") and (prev.word or prev.text == ","):
            # "The poll shows both ...", "Polls in New Hampshire show ...": the subject's head
            # is a document or a source, and agrees with the verb
            s_start, s_end, aux_start = self._subject_span(k, a)
            words = [x for x in self.toks[s_start:s_end] if x.word]
            if words and aux_start == k and s_end == k:
                head = self._head(words)
                low = _strip_poss(head.low)
                plural = low.endswith("s") and not low.endswith("ss")
                agrees = plural != self.toks[k].low.endswith("s")
                if agrees and (not head.cap or head is words[0] and s_start == a) and (low in DOCUMENT_NOUNS or low in PERSON_NOUNS) \
                        and low not in ("state", "states", "house", "senate", "court", "it", "one", "all", "some"):
                    return True
        return False

    def _subject_span(self, k: int, a: int) -> tuple[int, int, int]:
        """(subject start, subject end, aux start) token indexes of the subject before toks[k]:
        the auxiliaries and adverbs are skipped, appositives are jumped over."""
        j = k - 1
        while j >= a and self.toks[j].word and (self.toks[j].low in AUXILIARIES or _adverb(self.toks[j])):
            j -= 1
        aux_start = j + 1
        end = j + 1
        if j < a:
            return a, a, aux_start
        if self.toks[j].text == ")":
            # "Sen. Bernie Sanders (I-Vt.) said": skip the parenthesis
            m = j - 1
            while m >= a and self.toks[m].text != "(" and j - m < 12:
                m -= 1
            if m > a and self.toks[m].text == "(":
                s_start, _, _ = self._subject_span(m, a)
                if s_start < m and not self.toks[m - 1].text == ",":
                    return s_start, end, aux_start
                j = m - 1 if self.toks[m - 1].text == "," else j
        if self.toks[j].text == "," or self.toks[j].text == ")":
            # appositive: "Angelique Brunner, a developer, said": the chunk between the
            # commas describes the name before it; go back to that name
            commas = [m for m in range(j - 1, max(a - 1, j - 40), -1) if self.toks[m].text in ",(;:"
                      or self.toks[m].text in _QUOTES]
            if not commas or self.toks[commas[0]].text not in ",(":
                return j, j, aux_start
            c = commas[0]
            chunk = [x for x in self.toks[c + 1:j] if x.word]
            if len(chunk) == 1 and (chunk[0].low in _PAREN_ADVERBS or _adverb(chunk[0])) or \
                    [x.low for x in chunk] in (["for", "example"], ["for", "instance"], ["in", "fact"], ["in", "turn"]):
                # "NATO's secretary general, meanwhile, called on ..."; "Lena Cho, the head of ..., for example,"
                for probe in (c + 1, c):
                    s_start, s_end, _ = self._subject_span(probe, a)
                    if s_start < c and s_start < s_end:
                        return s_start, end, aux_start
            if c - 1 >= a and self.toks[c - 1].text == ")":  # "Rep. Gregory Meeks (D-N.Y.), chairman ..., said"
                p = c - 1
                while p >= a and self.toks[p].text != "(" and c - p < 12:
                    p -= 1
                if p > a and self.toks[p].text == "(":
                    c = p
            m = c - 1
            while m >= a and self.toks[m].word and self.toks[m].cap or m >= a and self.toks[m].text in ".-":
                m -= 1
            name_first = m < c - 1 and (m < a or self.toks[m].text in ",;:" or self.toks[m].text in _QUOTES
                                        or self.toks[m].low in ("and", "but", "that"))
            rel_appositive = chunk and chunk[0].low in ("a", "an", "the", "former", "one") and any(
                x.low in ("who", "which", "whose") for x in chunk)  # ", a Republican who has ...,"
            if chunk and not rel_appositive and chunk[0].low not in ("who", "which", "whose", "whom") and any(
                    x.low in BE_FORMS or x.low in _MODALS and x.low != "to" or x.low in ("has", "have", "had")
                    for x in chunk):
                return j, j, aux_start  # a clause, not an appositive
            if not chunk or not (chunk[0].low in ("a", "an", "the", "who", "which", "whose", "whom", "former", "one",
                                                  "both", "also", "now", "then", "himself", "herself", "its", "his",
                                                  "her", "their", "chairman", "president", "director", "head",
                                                  "including", "like", "such", "especially", "among", "along",
                                                  "together", "as", "in", "at", "for", "from", "of")
                                 or _is_poss(chunk[0].text) or chunk[0].low in PERSON_NOUNS or chunk[0].low in ROLE_NOUNS
                                 or len(chunk) > 1 and chunk[0].low.endswith("ed") and chunk[1].low == "by"
                                 or self._is_name_tok(self.toks.index(chunk[0], c + 1, j))
                                 or name_first and len(chunk) <= 14
                                 or len(chunk) <= 5 and all(x.cap for x in chunk)):  # "The minister, Mr. Ruiz, said"
                return j, j, aux_start
            m = c - 1
            while m >= a and self.toks[m].text not in ",;:()—–--" and self.toks[m].text not in _QUOTES and \
                    self.toks[m].low not in ("that", "and", "but", "because", "while", "when", "if", "although"):
                m -= 1
            words = [x for x in self.toks[m + 1:c] if x.word]
            if not words or len(words) > (14 if words[0].low in ("a", "an", "the") else 8):
                return j, j, aux_start
            return m + 1, end, aux_start
        if self.toks[j].text in _DASHES and j - 1 >= a:
            # "Many speakers — including Muslims, Jews — said": the subject is before the dashes
            m = j - 1
            while m >= a and self.toks[m].text not in _DASHES and j - m < 25:
                m -= 1
            if m > a and self.toks[m].text in _DASHES:
                s_start, _, _ = self._subject_span(m, a)
                if s_start < m:
                    return s_start, end, aux_start
        m = j
        while m >= a:
            tm = self.toks[m]
            if tm.text in ",;:()—–--" or tm.text in _QUOTES:
                break
            if tm.low in ("and", "or") and m < j and m - 1 >= a:
                p = self.toks[m - 1]
                if p.word and not (p.low in AUXILIARIES or p.low in BE_FORMS or cue_verb(p.low) is not None
                                   or p.low.endswith("ed") and not p.cap):
                    m -= 1  # "current and former officials", "Clinton and Trump"
                    continue
                break
            if tm.low in ("that", "but", "because", "while", "when", "if", "as", "although", "though",
                          "since", "whether", "where", "so", "after", "before", "until", "unless") and m < j:
                break
            if tm.low in ("that", "but", "because", "while", "whether", "if", "when", "although", "and", "or") \
                    and m == j:  # "... and argued": no subject of its own (a coordinated verb)
                break
            if m < j and tm.word and not tm.cap and (tm.low in BE_FORMS or cue_verb(tm.low) is not None
                                                     and tm.low.endswith(("ed", "id", "ld"))):
                break  # a verb: the subject starts after it
            m -= 1
        if m + 1 <= j and m >= a and self.toks[m].low in ("that", "which", "who") and m - 1 >= a \
                and self.toks[m - 1].word and not self.toks[m - 1].cap and self.toks[m - 1].low not in _FUNCTION:
            nxt = self.toks[m + 1]
            if nxt.low in BE_FORMS or nxt.low in ("has", "have", "had") or nxt.low.endswith("ed") \
                    or nxt.low in _IRREGULAR_PAST:
                # "A study that appeared in the journal found ...": the relative clause
                # belongs to the subject before it
                head_start, _, _ = self._subject_span(m, a)
                if head_start < m:
                    return head_start, end, aux_start
        return m + 1, end, aux_start

    def _finite_frame(self, k: int, a: int, b: int, lemma: str, cls: str) -> Frame | None:
        t = self.toks[k]
        prev = self.toks[k - 1] if k > a else None
        s_start, s_end, aux_start = self._subject_span(k, a)
        subject_words = [x for x in self.toks[s_start:s_end] if x.word]
        # inverted trailing cue: '..., said Smith.' / '"...," says the report.'
        inverted = prev is not None and (prev.text in ",—" or prev.text in (_CLOSE_Q | _STRAIGHT_Q)) and aux_start == k
        if inverted and prev.text in ",—" and subject_words:
            inverted = False  # "Ann Compton, who covered ..., said she ...": the subject is before
        if inverted and k + 1 < b:
            j = k + 1
            while j < b and (self.toks[j].text not in ",;:.!?(" or self.toks[j].text == "." and (
                    self.toks[j - 1].low in _TITLE_ABBR or _is_initial(self.toks[j - 1].text))) \
                    and self.toks[j].text not in _QUOTES:
                j += 1  # "said Sen. Richard Blumenthal (D-Conn.)"
            src_words = [x for x in self.toks[k + 1:j] if x.word]
            rel = next((i for i, x in enumerate(src_words) if x.low in ("who", "whom", "whose", "which")), None)
            head_words = src_words[:rel] if rel else src_words  # "said a GOP expert who has worked ..."
            verbish = any(x.low in AUXILIARIES or x.low in BE_FORMS or x.low == "that" or x.low.endswith("ed")
                          and not x.cap and not (i + 1 < len(head_words) and head_words[i + 1].low in PREPOSITIONS)
                          for i, x in enumerate(head_words) if i > 0)
            if src_words and (src_words[0].low in _TIME_WORDS and src_words[0].low not in DETERMINERS
                              or src_words[0].low in _CALENDAR or src_words[0].low in PREPOSITIONS):
                src_words = []  # "said Thursday on Fox News": no source after the verb
            if src_words and not verbish and (
                    src_words[0].cap or src_words[0].low in ("the", "a", "an", "his", "her", "their", "one", "two",
                                                             "several", "many", "some", "another")
                    or src_words[0].low in PERSON_PRONOUNS or src_words[0].low in PERSON_NOUNS
                    or self._name_runs(k + 1, j)):  # "said master of ceremonies Asab Tabchi"
                speaker = self._speaker_from(k + 1, j)
                runs = self._name_runs(k + 1, j)
                if not runs and j + 1 < b and self.toks[j].text == ",":
                    # "said the fire chief, Omar Reyes": the name in the appositive
                    e = j + 1
                    while e < b and self.toks[e].text not in ",;:.!?" and self.toks[e].text not in _QUOTES:
                        e += 1
                    appo = self._name_runs(j + 1, e)
                    if appo and appo[0][0] == j + 1:
                        speaker = self.fullest(self._name_text(*appo[0]), self._gender(*appo[0]))
                f = Frame(kind="verb", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                          source=(self.toks[k + 1].start, self.toks[j - 1].end),
                          reasons=[f"trailing reporting verb '{t.text}' (inverted: '..., {t.text} {speaker}')"])
                f.left = prev.start
                f.left_edge = t.start
                f.right_edge = self.toks[j - 1].end
                appositive = self._source_appositive(j, b)
                if appositive is not None:  # "said Ann Reyes, the club's treasurer": who the source is
                    f.source = (f.source[0], appositive)
                if j + 1 < b and self.toks[j].text in ",:" and (
                        self.toks[j + 1].text in (_OPEN_Q | _STRAIGHT_Q) or self.toks[j + 1].low in _CONTINUE_WORDS):
                    # '"A," said Smith, "B."' / 'A, said Smith, would B.' (not an appositive of the source)
                    f.right = self.toks[j + 1].start
                    f.reasons.append("the reported sentence goes on after the cue")
                return f
        coordinated = False
        if not subject_words and aux_start - 1 > a and self.toks[aux_start - 1].low in ("and", "but"):
            # "She paid the loan, but said she ...": the subject of the first verb
            head = self._sentence_subject(a, aux_start - 1)
            first = a + 1 if self.toks[a].text in _QUOTES else a
            if _base(self.toks[first].low) in PERSON_PRONOUNS:
                head = (first, first + 1)  # "She paid ..., but said"
            else:
                runs = self._name_runs(first, aux_start - 1)
                if runs and runs[0][0] == first:
                    head = runs[0]  # "Nora Blake paid ..., but said"
            if head is not None and self._coordinated_subject(head, aux_start - 1):
                s_start, s_end = head
                subject_words = [x for x in self.toks[s_start:s_end] if x.word]
                coordinated = True
        if not subject_words:
            return None
        view = self._view_appositive(k, s_start, s_end, t, cls, lemma)
        if view is not None:
            return view
        rel_limit = None
        by_who = subject_words[-1].low == "who"  # "the novice who wants ...": 'who' stands for a person
        if subject_words[-1].low in ("who", "which", "that") and s_end - s_start == 1 or \
                len(subject_words) > 1 and subject_words[-1].low == "who":
            # "critics who say ...": the source is the noun before the relative
            r = self.toks.index(subject_words[-1], s_start, s_end)
            e = r - 1 if r - 1 >= a and self.toks[r - 1].text == "," else r  # "Harvey, who said"
            m = e - 1
            while m >= a and (self.toks[m].word or self.toks[m].text in ".-'’") and \
                    self.toks[m].low not in PREPOSITIONS and self.toks[m].low not in ("to", "or", "said", "says") \
                    and not (self.toks[m].low in BE_FORMS or self.toks[m].low in AUXILIARIES):
                m -= 1
            s_start, s_end = m + 1, e
            if s_end <= s_start:
                return None
            if e < r:  # ", who say ...,": the relative clause ends at the next comma
                nxt_comma = next((x for x in range(k + 1, b) if self.toks[x].text == ","
                                  and x + 1 < b and self.toks[x + 1].text not in _QUOTES), None)
                if nxt_comma is not None:
                    rel_limit = self.toks[nxt_comma].start
        if not (by_who and cls == "thought") and not self._subject_ok(cls, lemma, s_start, s_end):
            return None
        speaker, how = self._speaker_with_reason(s_start, s_end)
        cue_text = self.text[self.toks[aux_start].start:t.end] if aux_start < k else t.text
        f = Frame(kind="verb", cue=(self.toks[aux_start].start, t.end), cue_text=cue_text, speaker=speaker,
                  source=(self.toks[s_start].start, self.toks[s_end - 1].end), right_limit=rel_limit)
        if how:
            f.reasons.append(how)
        f.left_edge = self.toks[s_start].start
        if coordinated:
            f.left_edge = self.toks[aux_start - 1].start
            f.source = None
            f.coordinated = True
            f.reasons.append(f"'{self.toks[aux_start - 1].text} {t.text}' shares the subject of the sentence")
        # what follows the verb
        post = self._post(k, b, lemma)
        before = s_start > a and (self.toks[s_start - 1].text in ",—" or self.toks[s_start - 1].text in _QUOTES
                                  ) and self._left_is_content(a, s_start - 1)
        phrasal = k + 1 < b and self.toks[k + 1].low in PHRASAL_CUES.get(lemma, ()) and post[0] == "clause" \
            and post[1] == k + 2
        if before and post[0] == "clause" and not phrasal:
            tail = self._short_tail(k, b, lemma, quoted=self.toks[s_start - 1].text in _QUOTES)
            if tail is not None:
                post = ("adverbial", tail)
        if before and post[0] in ("end", "adverbial", "comma"):
            f.left = self.toks[s_start - 1].start
            f.right_edge = self.toks[post[1] - 1].end if post[1] > k else t.end
            f.reasons.insert(0, f"trailing reporting verb: '..., {self.text[self.toks[s_start].start:t.end]}'")
            self._medial(f, post[1], b)
            return f
        kind, ck = post
        if lemma == "agree" and kind == "clause" and self.toks[ck - 1].low == "with":
            that = next((x for x in range(ck, min(b, ck + 8)) if self.toks[x].low == "that"), None)
            if that is not None:
                kind, ck = "that", that  # "agreed with the mayor that ..."
        if lemma in NEEDS_CLAUSE and kind == "clause":
            that = next((x for x in range(ck, min(b, ck + 4)) if self.toks[x].low == "that"), None)
            if that is not None and all(self.toks[x].word and (_adverb(self.toks[x]) or self.toks[x].low in _TIME_WORDS
                                                               or self.toks[x].low in ("long", "ago", "again", "also",
                                                                                       "early", "first", "soon"))
                                        for x in range(ck, that)):
                kind, ck = "that", that  # "recognized long ago that ..."
            elif self._finite_clause_at(ck, b):
                kind = "that"  # "agreed there are ...", "know the plan will fail"
        if lemma in NEEDS_CLAUSE and kind == "clause" and not (
                lemma == "agree" and self.toks[ck - 1].low == "to" and not (
                    self.toks[ck].cap or self.toks[ck].low in DETERMINERS or self.toks[ck].text[0].isdigit())) and not (
                cls == "evidence" and self._head([x for x in self.toks[s_start:s_end] if x.word]).low in DOCUMENT_NOUNS
        ) and not (lemma in ("see", "view", "regard", "consider", "describe", "hold")
                   and any(self.toks[x].low == "as" for x in range(ck, min(b, ck + 10)))):
            return None  # but "sees the vote as a test" reports a view
        f.right_edge = t.end
        if kind in ("end", "adverbial") and not before:
            if lemma in ("say", "tell", "add", "write", "note", "explain", "continue") and kind == "end":
                return None  # "he said." with nothing reported in this sentence
            if kind == "end":
                return None
        if kind == "colon":
            # "He added: ..." — the words after the colon run to the end of the paragraph
            rest = self._after_colon(b)
            if rest is not None:
                f.content.append(rest)
                f.reasons.insert(0, f"reporting verb '{t.text}:' opens what follows, to the end of the paragraph")
            elif ck >= b:
                return None
        if kind == "comma" and s_start > a + 1 and self.toks[s_start - 1].text == "," and \
                self._clause_material(a, s_start - 1):
            # "In his state, Christie said, offenders are sent ...": the opening phrase is the source's too
            f.left = self.toks[s_start - 1].start
            f.reasons.append("the opening phrase before the source belongs to the reported sentence")
        if by_who and ck < b and self.toks[ck].low == "to" and f.right_limit is None:
            # "the novice who wants to unseat her is reaping ...": the infinitive has no verb of
            # its own, so the next finite verb is the main clause's
            main = next((x for x in range(ck + 1, b) if _finite(self.toks[x])), None)
            if main is not None:
                f.right_limit = self.toks[main].start
        if ck < b:
            f.right = self.toks[ck].start
            word = "that" if kind == "that" else ("':'" if kind == "colon" else "")
            if not f.reasons or not f.reasons[0].startswith("reporting verb"):
                f.reasons.insert(0, f"reporting verb '{t.text}'" + (f"; the content follows {word}" if word else
                                                                     "; the content is its clause or object"))
        elif kind != "colon":
            return None
        return f

    def _source_appositive(self, j: int, b: int) -> int | None:
        """After an inverted source ending at toks[j] == ',': the end offset of an
        appositive describing it (', the club's treasurer', ', who ...'), else None."""
        if not (j + 1 < b and self.toks[j].text == ","):
            return None
        n = self.toks[j + 1]
        if not (n.low in ("a", "an", "the", "who", "whose", "former", "its", "his", "her", "their")
                or _is_poss(n.text) or n.low in ROLE_NOUNS or n.low in PERSON_NOUNS):
            return None
        e = j + 1
        while e < b and self.toks[e].text not in ";:.!?" and self.toks[e].text not in _QUOTES \
                and not (self.toks[e].text == "," and e + 1 < b and self.toks[e + 1].text in _QUOTES):
            e += 1
        return self.toks[e - 1].end if e - j <= 40 else None

    def _after_colon(self, b: int) -> tuple[int, int] | None:
        """The rest of the paragraph after the sentence ending at token b; or the
        next paragraph when the colon ends this one."""
        if b >= len(self.toks):
            return None
        start = self.toks[b - 1].end
        blocks = self.document.blocks
        bi = self.document.block_index(self.toks[b - 1].start)
        if bi is None:
            return None
        if self.text[start:blocks[bi].end].strip():
            return start, blocks[bi].end
        if bi + 1 < len(blocks) and self.toks[b - 1].text == ":":
            return blocks[bi + 1].start, blocks[bi + 1].end
        return None

    def _view_appositive(self, k: int, s_start: int, s_end: int, t: Tok, cls: str, lemma: str) -> Frame | None:
        """'..., a view the ministry disputed': the appositive is the ministry's."""
        words = [x for x in self.toks[s_start:s_end] if x.word]
        if len(words) < 3 or words[0].low not in ("a", "an", "one") or words[1].low not in _VIEW_NOUNS:
            return None
        if s_start == 0 or self.toks[s_start - 1].text not in ",—":
            return None
        i = 2
        if words[i].low in ("that", "which", "shared", "held", "also") and len(words) > 3:
            i += 1
        src = words[i:]
        sa = self.toks.index(src[0], s_start, s_end)
        speaker, how = self._speaker_with_reason(sa, s_end)
        f = Frame(kind="verb", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                  source=(src[0].start, src[-1].end),
                  content=[(self.toks[s_start].start, t.end)],
                  reasons=[f"'{words[0].text} {words[1].text} {self.text[src[0].start:t.end]}': "
                           f"the {words[1].low} is {speaker}'s ('{t.text}')"])
        if how:
            f.reasons.append(how)
        f.left_edge = self.toks[s_start].start
        f.right_edge = t.end
        return f

    def _short_tail(self, k: int, b: int, lemma: str = "", quoted: bool = False) -> int | None:
        """After a trailing cue, a short tail with no verb of its own ('told the
        audience at a rally in Ohio.'): the index where it ends, else None. The
        tail is an adverbial, or the addressee of 'told'; an object of its own
        ('he does not defend it') makes the verb no trailing cue."""
        m = k + 1
        n_words = 0
        first = next((t for t in self.toks[k + 1:b] if t.word), None)
        if quoted and first is not None and first.low in ("when", "after", "before", "while", "as", "during"):
            return b  # '“You bet,” Christie said when asked whether ...': the circumstances, the reporter's
        if first is not None and first is self.toks[k + 1] and first.low in ("a", "an", "the") and k + 2 < b \
                and self.toks[k + 2].low not in _TIME_NOUNS and self.toks[k + 2].low not in _CALENDAR \
                and self.toks[k + 2].low not in ("statement", "interview", "news", "press", "speech", "rally",
                                                 "recent", "television", "radio", "phone", "telephone", "written",
                                                 "conference", "letter", "post", "tweet", "series", "town"):
            return None  # "..., he supported a decision to ...": an object of its own, no tail
        if first is not None and first.low == "to" and lemma in _TAKES_INFINITIVE and k + 2 < b \
                and self.toks[k + 2].word and self.toks[k + 2].low not in DETERMINERS \
                and not self._is_name_tok(k + 2):
            return None  # "..., Sanders vows to end the tax breaks": the infinitive is content
        if first is not None and not (first.low in ADVERBIAL_START or first.low in _TIME_WORDS
                                      or first.low in _CALENDAR or first.low in PREPOSITIONS
                                      or lemma in ADDRESSEE_VERBS
                                      or quoted and not first.cap and cue_verb(self.toks[k].low) is not None
                                      and cue_verb(self.toks[k].low)[1] == "speech"):
            return None  # after a quotation, '“...,” he said late last week.' is a tail too
        while m < b and self.toks[m].text not in ",;:" and self.toks[m].text not in _QUOTES:
            t = self.toks[m]
            if t.word:
                n_words += 1
                if t.low in AUXILIARIES and t.low not in ("also", "again", "later", "earlier", "then", "first", "last",
                                                          "now", "recently", "previously", "repeatedly", "publicly",
                                                          "privately", "still", "just", "even", "once") \
                        or t.low in BE_FORMS or t.low == "that" or cue_verb(t.low) is not None and t.low != "tweet":
                    if quoted and t.low.endswith("ing") and cue_verb(t.low) is not None and n_words > 1:
                        break  # '“...,” she said at a news conference announcing that ...': the tail ends
                    return None
            m += 1
        if n_words > 16:
            return None
        if m < b and self.toks[m].text in _QUOTES and self.toks[m].text not in _CLOSE_Q:
            return None
        return m

    def _medial(self, f: Frame, j: int, b: int) -> None:
        """'"A," he said, "B."' and 'If A, the campaign said, B.': what follows the
        cue is the source's too, unless it starts a clause of the reporter's."""
        if not (j < b and self.toks[j].text in ",:" and j + 1 < b):
            return
        n = self.toks[j + 1]
        if n.text in (_OPEN_Q | _STRAIGHT_Q):
            f.right = n.start
            f.reasons.append("the quotation goes on after the cue")
            return
        left_toks: list[Tok] = []
        if f.left is not None:
            ka = bisect.bisect_left(self._tok_starts, self.document.sentences[self.document.sentence_index(f.left)].start)
            left_toks = self.toks[ka:bisect.bisect_left(self._tok_starts, f.left)]
        left_words = [x for x in left_toks if x.word]
        if f.left is not None and any(self.toks[x].text in (_CLOSE_Q | _STRAIGHT_Q) for x in range(
                max(0, bisect.bisect_left(self._tok_starts, f.left) - 1), bisect.bisect_left(self._tok_starts, f.left) + 1)) \
                and not (left_words and left_toks[0].word and left_words[0].low in _SUBORDINATORS):
            return  # '“A,” Mr. Lew said at the session, the ...': the quotation was the words; the rest is the reporter's
        if left_words and left_toks[0].word and left_words[0].low in _SUBORDINATORS and n.word \
                and n.low not in _NOT_SUBORDINATE_MAIN and cue_verb(n.low) is None:
            # "Though the move was legal, he said, replacing her would be costly": the main
            # clause of the reported sentence comes after the cue
            f.right = n.start
            f.reasons.append("the reported sentence goes on after the cue")
            return
        if n.low == "and" and f.left is not None and j + 2 < b and self._finite_clause_at(j + 2, b) \
                and self._left_is_content(bisect.bisect_left(self._tok_starts, self.document.sentences[
                    self.document.sentence_index(f.left)].start), bisect.bisect_left(self._tok_starts, f.left)):
            # "The middle fifth paid 8.9 percent, the agency said, and the bottom fifth paid 0.8 percent"
            f.right = self.toks[j + 2].start
            f.reasons.append("the reported sentence goes on after the cue")
            return
        if n.low in PREPOSITIONS and n.low not in ("according", "in", "at", "on", "during") and f.left is not None \
                and any(x.low in BE_FORMS or x.low in _CONTINUE_WORDS or x.low in _MODALS and x.low != "to"
                        for x in left_words):
            # "He has come up with a model, he said, for how the industry can ...": the
            # reported clause goes on with its complement
            f.right = n.start
            f.reasons.append("the reported clause goes on after the cue")
            return
        if not n.word or n.low in _NOT_CONTINUING or n.low.endswith("ing") or n.low in PREPOSITIONS \
                or cue_verb(n.low) is not None:
            return
        if f.left is not None and not n.cap and f.source is not None and f.source[0] < f.cue[0]:
            # "But to prevent problems, he said, local officials should be vigilant."
            f.right = n.start
            f.reasons.append("the reported sentence goes on after the cue")
            return
        if self.toks[j].text == ":" or n.low in _CONTINUE_WORDS or _base(n.low) in PERSON_PRONOUNS or n.low in (
                "it", "there", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "that",
                "some", "many", "most", "no", "all", "both", "each", "every", "any") or (
                n.cap and n.low not in _FUNCTION) or n.text[0].isdigit():
            f.right = n.start
            f.reasons.append("the reported clause goes on after the cue")

    def _post(self, k: int, b: int, lemma: str) -> tuple[str, int]:
        """What follows the verb at toks[k]: (kind, token index where content starts)."""
        j = k + 1
        if j < b and self.toks[j].low in ("out",) and lemma == "point":
            j += 1
        if j < b and self.toks[j].text == ":" and all(not self.toks[x].word for x in range(j, b)):
            return "colon", b  # "He added:" closing its sentence
        if j >= b or all(not self.toks[x].word for x in range(j, b)):
            return "end", b
        t = self.toks[j]
        if t.low == "that":
            return "that", j
        if t.text == ":":
            return "colon", j + 1
        if t.low in PHRASAL_CUES.get(lemma, ()) and j + 1 < b and self.toks[j + 1].word:
            if t.low in ("about", "of", "for", "against", "on", "in", "to", "with", "after", "behind", "from") or (
                    j + 1 < b and self.toks[j + 1].low == "that"):
                return "clause", j + 1  # "called for a moratorium", "railed against ..."
            return self._post(j, b, "")  # "pointed out that ..."
        if t.low in WH_WORDS and t.low not in ("which", "who", "whom", "whose", "when", "where") or (
                t.low in ("when", "where", "who") and j + 1 < b and self.toks[j + 1].low not in (
                    "asked", "questioned", "pressed", "interviewed", "speaking", "talking")
                and not self.toks[j + 1].low.endswith("ing")):
            return "that", j  # "explained how ...", "asked whether ..."
        if t.text == ",":
            if j + 1 < b and self.toks[j + 1].text in (_OPEN_Q | _STRAIGHT_Q):
                return "comma", j
            return "comma", j
        if t.text in (_OPEN_Q | _STRAIGHT_Q):
            return "quote", j
        # adverbials and an addressee before 'that': "said in a statement Friday that", "told reporters that"
        m = j
        while m < b and m - j < (14 if lemma in ADDRESSEE_VERBS else 8) and self.toks[m].text not in ",;:" and \
                self.toks[m].low != "that" and not (self.toks[m].low in ("how", "why", "whether") and m > j) and \
                self.toks[m].text not in _QUOTES:
            if m > j and self.toks[m].low.endswith("ing") and cue_verb(self.toks[m].low) is not None \
                    and self.toks[j].low in ADVERBIAL_START and self.toks[j].low != "to":
                return "adverbial", m  # "said at a news conference announcing that ...": a participle of its own
            m += 1
        if m < b and self.toks[m].low in ("that", "how", "why", "whether") and all(
                self.toks[x].low in _TIME_WORDS or self.toks[x].cap or (lemma in ADDRESSEE_VERBS)
                or self.toks[x].low in ("reporters", "him", "her", "them", "us", "me", "supporters", "voters",
                                        "the", "a", "an", "crowd", "audience", "interview", "press", "conference",
                                        "news", "radio", "television", "tv")
                for x in range(j, m)):
            return "that", m
        pron = self._pronoun_clause_after(j, b) if lemma in ADDRESSEE_VERBS or t.low in ADVERBIAL_START else None
        if pron is not None:
            return "clause", pron  # "told the forum he was ...", "said after the debate she would ..."
        if lemma == "tell" and t.low in DETERMINERS and t.low != "that" and j + 1 < b and not (
                self.toks[j + 1].cap or _strip_poss(self.toks[j + 1].low) in PERSON_NOUNS
                or self.toks[j + 1].low in _AUDIENCE):
            return "end", b  # "told the story": no report without an addressee
        if lemma in ADDRESSEE_VERBS and (t.low in ("him", "her", "them", "us", "me", "reporters", "supporters")
                                         or t.cap or t.low in _AUDIENCE or t.low in ("the", "a", "an")):
            n = j + 1
            if t.low in ("the", "a", "an"):
                while n < b and n - j < 4 and self.toks[n].word and (self.toks[n].cap or self.toks[n].low in _AUDIENCE
                                                                     or _strip_poss(self.toks[n].low) in PERSON_NOUNS):
                    n += 1
            while n < b and (self.toks[n].cap and self.toks[n].word or self.toks[n].text in "’'s" and n > j):
                n += 1
            if n >= b or self.toks[n].text in ",.;":
                return "adverbial", n
            if self.toks[n].low == "that":
                return "that", n
            if self.toks[n].low == "to" and lemma not in ("tell", "say"):
                return "clause", j  # "urged supporters to monitor ...": the addressee is part of it
            if self.toks[n].low in PREPOSITIONS and lemma != "tell":
                return "end", b  # "advising the campaign on policy": no reported content
            if lemma == "tell" and (self.toks[n].low in PREPOSITIONS or self.toks[n].low in _TIME_WORDS) \
                    and not any(self.toks[x].low == "that" for x in range(n, b)) \
                    and not self._has_finite_verb(n - 1, b):
                return "adverbial", b  # "..., Graham told The Huffington Post on Thursday."
            return "clause", n
        if t.low == "to" and j + 1 < b and self.toks[j + 1].word and not self.toks[j + 1].cap and \
                self.toks[j + 1].low not in DETERMINERS and self.toks[j + 1].low not in _AUDIENCE and \
                _strip_poss(self.toks[j + 1].low) not in PERSON_NOUNS and self.toks[j + 1].low not in (
                    "him", "her", "them", "us", "me", "reporters") and not self.toks[j + 1].text[0].isdigit():
            return "clause", j  # an infinitive: "plans to call ..."
        if t.low in _TIME_WORDS or t.low in _CALENDAR or t.low == "about":
            m2 = j
            if t.low == "about":
                if j + 1 < b and (self.toks[j + 1].text[0].isdigit() or self.toks[j + 1].text[0] in "$£€"
                                  or self.toks[j + 1].low in ("half", "one", "two", "three", "a", "a third",
                                                              "a quarter", "twice", "twice")):
                    return "clause", j  # "said about half of ...": 'about' is 'roughly'
                m2 = j
            else:
                while m2 < b and (self.toks[m2].low in _TIME_WORDS or self.toks[m2].low in _CALENDAR
                                  or self.toks[m2].low in ("night", "morning", "week", "month", "year", "evening",
                                                           "afternoon", "day")) and self.toks[m2].low not in (
                        "a", "an", "the", "in", "at", "to", "with", "from", "after", "before", "while", "during"):
                    m2 += 1
            if m2 < b and m2 > j and (self.toks[m2].low in DETERMINERS or _base(self.toks[m2].low) in
                                      PERSON_PRONOUNS or self.toks[m2].low == "it" or self.toks[m2].cap
                                      or self.toks[m2].text[0].isdigit()) and self.toks[m2].low != "that":
                return "clause", (j if t.low == "about" else m2)  # "said Thursday he would ..."
        if t.low in ("this", "last", "next") and not (j + 1 < b and (self.toks[j + 1].low in _TIME_NOUNS
                                                                    or self.toks[j + 1].low in _CALENDAR)):
            return "clause", j  # "believe this provides ...": 'this' opens the content, it is no time phrase
        if lemma in NEEDS_TO and (t.low in ("on", "last", "this") or t.low in _TIME_WORDS):
            to = next((x for x in range(j + 1, min(b - 1, j + 4)) if self.toks[x].low == "to"), None)
            if to is not None and all(self.toks[x].low in _TIME_WORDS or self.toks[x].low in _CALENDAR
                                      or self.toks[x].low in ("on", "last", "this", "week", "month", "year")
                                      for x in range(j, to)):
                return "clause", to  # "tried on Monday to delay the vote"
        if t.low in ADVERBIAL_START or (t.low in _TIME_WORDS and t.low not in ("the", "a", "an")):
            # an adverbial up to the end or a comma: a trailing cue; else the content follows it
            m = j
            while m < b and self.toks[m].text not in ",;" and self.toks[m].low != "that":
                m += 1
            if m >= b or self.toks[m].text in ",;" and m - j <= 9:
                if m >= b or all(not self.toks[x].word for x in range(m + 1, b)):
                    return "adverbial", m
                return "adverbial", m
            if self.toks[m].low == "that":
                return "that", m
            # "said Thursday during a taping of a town hall in Buffalo, New York, that ...":
            # a long adverbial with commas of its own, then the content clause
            that = next((x for x in range(m, min(b, j + 30)) if self.toks[x].low == "that"), None)
            if that is not None and self.toks[that - 1].text == "," and not self._has_finite_verb(j - 1, that) \
                    and not any(self.toks[x].text in _QUOTES for x in range(j, that)):
                return "that", that
        return "clause", j

    def _pronoun_clause_after(self, j: int, b: int) -> int | None:
        """A clause opening with a subject pronoun a few words after the verb, past an
        addressee or an adverbial ('told the forum he was', 'said after the vote they
        would'): the index of that pronoun, else None."""
        for m in range(j + 1, min(b - 1, j + 7)):
            tm = self.toks[m]
            if not tm.word or tm.low in ("that", "and", "but", "or", "who", "which") or cue_verb(tm.low) is not None:
                return None
            if tm.low in ("he", "she", "they", "we", "i") and m + 1 < b:
                nxt = self.toks[m + 1]
                if nxt.low in _MODALS and nxt.low != "to" or nxt.low in BE_FORMS or nxt.low in _CONTINUE_WORDS \
                        or nxt.low in ("had", "has", "have", "did", "does", "do") or nxt.low.endswith("ed"):
                    return m
                return None
        return None

    def _participle_frame(self, k: int, a: int, b: int, lemma: str, cls: str, frames: list[Frame]) -> Frame | None:
        """'..., announcing that ...', 'by saying ...', 'declined to say ...'."""
        t = self.toks[k]
        post_kind, ck = self._post(k, b, lemma)
        if post_kind == "adverbial" and ck < b and self.toks[ck].text == "," and ck + 1 < b and \
                any(self.toks[x].word for x in range(ck + 1, b)):
            post_kind, ck = "clause", ck + 1  # "saying during the debate, “That makes me smart”"
        if post_kind in ("end", "adverbial"):
            return None
        prev = self.toks[k - 1] if k > a else None
        if cls == "object" and t.low.endswith("ing") and (prev is None or prev.text not in ",—"):
            if prev is not None and prev.word:
                return self._reduced_relative(k - 1, a, t, lemma, cls, post_kind, ck)
            return None  # "for attacking them": the reporter's description
        j = k - 1
        while j >= a and self.toks[j].word and (_adverb(self.toks[j]) or self.toks[j].low in ("also", "then", "not",
                                                                                          "again", "still", "even")):
            j -= 1
        if t.low.endswith("ing") and j >= a and self.toks[j].word and not (
                self.toks[j].low in PREPOSITIONS or self.toks[j].low in ("to", "while", "when", "after", "before",
                                                                        "by", "without", "and", "or", "as")
                or self.toks[j].low in AUXILIARIES or self.toks[j].low in BE_FORMS or self.toks[j].low in _MODALS
                or _finite(self.toks[j])):
            return self._reduced_relative(j, a, t, lemma, cls, post_kind, ck)
        if prev is not None and prev.word and prev.low not in PREPOSITIONS and prev.low not in ("to", "and", "while",
                                                                                                 "when", "after", "before", "by") \
                and prev.low not in AUXILIARIES and prev.low not in BE_FORMS and prev.low not in _MODALS:
            # 'the growing concern', 'a winning message': an adjective, not a participle;
            # after a finite verb it is the verb's complement: 'kept guaranteeing that ...'
            if not (prev.text in ",—" or prev.low in PERSON_PRONOUNS or prev.cap or _finite(prev)):
                return None
        # the subject: the last frame's speaker in this sentence, else the sentence's subject
        speaker = None
        how = ""
        if lemma in NEEDS_CLAUSE and post_kind == "clause":
            return None
        for f in reversed(frames):
            if f.speaker:
                speaker, how = f.speaker, f"the subject of the clause, {f.speaker}"
                break
        if speaker is None:
            head = self._sentence_subject(a, k)
            if head is None or not self._subject_ok(cls, lemma, head[0], head[1]):
                return None
            speaker, how = self._speaker_with_reason(*head)
        if cls != "speech" and speaker is None:
            return None
        f = Frame(kind="verb", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                  reasons=[f"reporting verb '{t.text}' (participle or infinitive); the content follows"])
        if how:
            f.reasons.append(how)
        f.left_edge = t.start
        f.right_edge = t.end
        f.right = self.toks[ck].start
        return f

    def _reduced_relative(self, j: int, a: int, t: Tok, lemma: str, cls: str, post_kind: str,
                          ck: int) -> Frame | None:
        """'911 calls saying shots had been fired', 'emails showing that ...': a speech or
        evidence participle right after a document or a person is what that source says;
        after any other noun ('a couple claiming allegiance') it is the reporter's description."""
        noun = self.toks[j]
        low = _strip_poss(noun.low)
        if cls not in ("speech", "evidence", "object") or post_kind not in ("that", "clause", "quote", "colon") \
                or noun.cap or not (low in DOCUMENT_NOUNS or low.rstrip("s") in DOCUMENT_NOUNS
                                    or low in ("calls", "messages", "signs", "placards", "banners", "headlines")) \
                or cls == "object" and (low in PERSON_NOUNS or lemma in WEAK_OBJECT):
            return None  # "a statement condemning the test" is the statement's; "a rule limiting" is not
        m = j
        while m - 1 >= a and self.toks[m - 1].word and self.toks[m - 1].low not in PREPOSITIONS \
                and self.toks[m - 1].low not in AUXILIARIES and self.toks[m - 1].low not in BE_FORMS \
                and cue_verb(self.toks[m - 1].low) is None and not (
                    self.toks[m - 1].low.endswith("ed") and not self.toks[m - 1].cap) and j - m < 5:
            m -= 1
        speaker = self._speaker_from(m, j + 1)
        reason = f"'{noun.text} {t.text}': what the {noun.text} says; the content follows"
        if m - 1 >= a and self.toks[m - 1].low in _ISSUING_VERBS:
            # "The council issued a statement calling ...": the statement is the council's
            s_start, s_end, _ = self._subject_span(m - 1, a)
            issuer = self._speaker_from(s_start, s_end) if s_end > s_start else None
            if issuer:
                speaker = issuer
                reason = f"'{noun.text} {t.text}': what {issuer}'s {noun.text} says; the content follows"
        f = Frame(kind="verb", cue=(t.start, t.end), cue_text=t.text, speaker=speaker,
                  source=(self.toks[m].start, noun.end), reasons=[reason])
        f.left_edge = self.toks[m].start
        f.right_edge = t.end
        f.right = self.toks[ck].start
        return f

    def _finite_clause_at(self, i: int, b: int) -> bool:
        """Does a clause with its own subject and finite verb start at toks[i] ('there are
        ...', 'the plan will fail')? A noun phrase with a relative clause ('positions
        that are ...') or no verb ('his generosity in ...') is an object, not a clause."""
        first = self.toks[i] if i < b else None
        if first is None or not first.word or not (
                first.low in ("there", "it", "this", "these", "those") or _base(first.low) in PERSON_PRONOUNS
                or first.low in DETERMINERS or first.cap or first.text[0].isdigit()):
            return False
        for x in range(i + 1, min(b, i + 8)):
            t = self.toks[x]
            if not t.word or t.low in _RELATIVES or t.low in ("who", "which", "and", "or", "but"):
                return False
            if _finite(t):
                return True
        return False

    def _verb_group_start(self, k: int, a: int) -> int:
        j = k - 1
        while j >= a and self.toks[j].word and (self.toks[j].low in AUXILIARIES or self.toks[j].low in BE_FORMS
                                                or self.toks[j].low in _MODALS or self.toks[j].low in
                                                ("to", "going", "expected", "likely", "set", "able", "declined",
                                                 "refused", "continued", "went", "on", "wants", "wanted",
                                                 "plans", "planned", "tried", "hopes", "hoped", "began")):
            j -= 1
        return j + 1

    def _sentence_subject(self, a: int, k: int) -> tuple[int, int] | None:
        """The subject at the start of the sentence: from its first word to its
        first comma or verb ('Trump visited Ohio, saying ...' -> Trump)."""
        j = a
        first = next((t for t in self.toks[a:k] if t.word), None)
        if first is not None and (first.low in PREPOSITIONS or first.low in _INTRO_WORDS or first.low in _CALENDAR
                                  or first.low.endswith(("ed", "ing")) and first.low not in BE_FORMS
                                  or self.toks[self.toks.index(first, a, k) + 1].low == "by"):
            # also an opening participle: "Chastened by the analyses, Trump revised ..., promising ..."
            comma = next((x for x in range(a, k) if self.toks[x].text == ","), None)
            if comma is not None:
                j = comma + 1  # "In 1986, the Supreme Court blocked ..., citing ..."
        while j < k and (not self.toks[j].word or self.toks[j].low in _FUNCTION and self.toks[j].low not in
                         PERSON_PRONOUNS and self.toks[j].low not in ("the", "a", "an")):
            j += 1
        if j >= k:
            return None
        m = j
        while m < k:
            t = self.toks[m]
            if t.text in ",;:" or t.text in _QUOTES:
                break
            if m > j and not t.cap and t.word and (t.low in AUXILIARIES or t.low in BE_FORMS or t.low in _MODALS
                                                   or _finite(t) or cue_verb(t.low) is not None):
                break
            m += 1
        return (j, m) if m > j else None

    def _coordinated_subject(self, head: tuple[int, int], conj: int) -> bool:
        """Is head the subject of a verb joined by toks[conj] ('and'/'but') to the
        verb after it: a short subject, then its own verb, with no other clause between."""
        s_start, s_end = head
        words = [x for x in self.toks[s_start:s_end] if x.word]
        if not words or len(words) > 8 or s_end >= conj:
            return False
        nxt = self.toks[s_end]
        if nxt.text == ",":
            # "Hillary Clinton, like Obama, has urged ...": step over a short aside
            close = next((x for x in range(s_end + 1, min(conj, s_end + 12)) if self.toks[x].text == ","), None)
            if close is not None and close + 1 < conj:
                nxt = self.toks[close + 1]
        if not nxt.word or nxt.cap:
            return False
        between = self.toks[s_end:conj]
        if any(x.text in (";", ":") or x.low in ("which", "who", "because", "if", "when", "while", "although", "since")
               for x in between):
            return False
        return len(between) <= 45

    def _passive_frame(self, k: int, aux: int, a: int, b: int, lemma: str, cls: str) -> Frame | None:
        """'X is expected to win', 'it was reported that ...', 'X was accused of Y'."""
        t = self.toks[k]
        nxt = self.toks[k + 1] if k + 1 < b else None
        if nxt is None:
            return None
        if nxt.low not in ("to", "that", "as", "of", "for", "by", "with", ":", "about", "whether", "if"):
            return None
        if lemma not in PASSIVE_CUES and nxt.low != "by":
            return None
        if nxt.low == "of" and lemma not in ("accuse", "suspect", "convince", "warn", "inform", "remind", "tell",
                                             "advise", "persuade"):
            return None  # "is assured of winning": no report
        if lemma == "charge" and nxt.low in ("with", "in", "for"):
            return None  # "was charged with fraud": a legal act, not a report
        if lemma in ("see", "know", "consider", "call", "describe", "label", "brand", "regard", "view") and \
                nxt.low not in ("as", "to", "that", "by"):
            return None
        speaker = None
        src = None
        j = k + 1
        if nxt.low == "by":
            m = k + 2
            while m < b and self.toks[m].text not in ",;:." and self.toks[m].low not in ("that", "to", "of", "as"):
                m += 1
            if m > k + 2:
                speaker = self._speaker_from(k + 2, m)
                src = (self.toks[k + 2].start, self.toks[m - 1].end)
            j = m
        s_start, s_end, _ = self._subject_span(aux, a)
        cue_text = self.text[self.toks[aux].start:t.end]
        f = Frame(kind="verb", cue=(self.toks[aux].start, t.end), cue_text=cue_text, speaker=speaker, source=src,
                  reasons=[f"passive reporting frame '{cue_text}'" + ("" if speaker else ", no named source")])
        f.left_edge = self.toks[s_start].start if s_end > s_start else self.toks[aux].start
        f.right_edge = t.end
        subj_words = [x for x in self.toks[s_start:s_end] if x.word]
        if subj_words and subj_words[0].low not in ("it", "there") and nxt.low != "that":
            f.content.append((self.toks[s_start].start, self.toks[aux].start))
        if j < b:
            f.right = self.toks[j].start
        return f

    def _subject_ok(self, cls: str, lemma: str, s_start: int, s_end: int) -> bool:
        """Thought verbs need a person or organization as subject; evidence verbs a
        person or a document ('the poll found'); speech verbs anything."""
        words = [x for x in self.toks[s_start:s_end] if x.word]
        if not words:
            return False
        if words[-1].low in ("it", "this", "that", "which", "there") and cls != "speech" and not (
                len(words) == 1 and words[0].low == "it" and cls in ("evidence", "object")):
            return False
        if words[0].low in _CONTINUE_WORDS and words[0].cap:
            return False  # a question: "Would they prefer ..."
        if words[0].low in ("don't", "don’t", "do", "please", "let's", "let’s", "never") and len(words) <= 2:
            return False  # an imperative: "Don't blame Bush."
        if cls in ("speech", "object") and lemma in CORE_SPEECH or cls == "object" and lemma not in WEAK_OBJECT:
            if words[-1].low in ("this", "which", "there", "that") and lemma not in ("say",):
                return False
            return True
        head = self._head(words)
        if _base(head.low) in PERSON_PRONOUNS or head.low in ("who",):
            return True
        if head.low == "it" and cls in ("speech", "evidence"):
            return True
        low = _strip_poss(head.low)
        if low in PERSON_NOUNS or low.rstrip("s") in PERSON_NOUNS or low in ORG_NOUNS or low in ROLE_NOUNS \
                or _people(low):
            return True
        if words[0].low in ("many", "most", "some", "several", "few", "both", "all", "other", "others", "two",
                            "three", "four", "dozens", "hundreds", "thousands", "millions") and low.endswith("s"):
            return True
        if cls != "thought" and (low in DOCUMENT_NOUNS or low.rstrip("s") in DOCUMENT_NOUNS):
            return True
        k = self.toks.index(head, s_start, s_end)
        if self._is_name_tok(k):
            return True
        # a capitalized word opening the sentence, not a common noun: "Wines believes that ..."
        n = k + 1
        while n < len(self.toks) and self.toks[n].word and (_adverb(self.toks[n]) or self.toks[n].low in (
                "then", "also", "still", "later", "now", "first", "again", "never", "often", "always")):
            n += 1  # "Marquez openly admires ...", "Earhardt then asked ..."
        return head.cap and k == s_start and low not in _FUNCTION and low not in DOCUMENT_NOUNS and \
            n < len(self.toks) and cue_verb(self.toks[n].low) is not None

    def _head(self, words: list[Tok]) -> Tok:
        """Head word of a noun phrase: the last word before a preposition, a
        relative, 'to' or a participle ('A report published by ...' -> report);
        a trailing time phrase is no head ('A CNN poll last month' -> poll)."""
        while len(words) > 2 and (words[-1].low in _CALENDAR or words[-1].low in (
                "month", "week", "year", "weekend", "today", "yesterday", "monday", "morning", "night", "evening",
                "afternoon")) and (words[-2].low in ("last", "this", "next", "on", "out", "that", "early", "late",
                                                     "in", "each", "every") or words[-2].low in _CALENDAR):
            words = words[:-2] if words[-2].low in ("last", "this", "next", "on", "out", "that", "early", "late",
                                                    "in", "each", "every") else words[:-1]
        for i, w in enumerate(words):
            if i > 0 and w.low in ("of", "in", "out", "about", "than") and all(
                    x.low in _QUANTITY_WORDS or x.text[0].isdigit() for x in words[:i]) or \
                    i > 0 and w.low == "of" and words[i - 1].low in _PARTITIVES:
                continue  # "4 in 10 voters", "some of the donors", "a group of activists": the head comes later
            if i > 0 and (w.low in PREPOSITIONS or w.low in _RELATIVES or w.low == "to"
                          or (w.low.endswith("ed") and not w.cap and words[i - 1].low not in DETERMINERS
                              and words[i - 1].low not in PREPOSITIONS and not words[i - 1].low.endswith("ly"))):
                return words[i - 1]  # "A report released last year" -> report
        return words[-1]

    # --- speakers ------------------------------------------------------------------------
    def _speaker_from(self, a: int, b: int) -> str | None:
        return self._speaker_with_reason(a, b)[0]

    def _speaker_with_reason(self, a: int, b: int) -> tuple[str | None, str]:
        words = [k for k in range(a, b) if self.toks[k].word]
        if not words:
            return None, ""
        # the head segment: before an appositive comma
        seg_end = b
        for k in range(a, b):
            if self.toks[k].text in ",(—":
                if any(self.toks[x].word for x in range(a, k)):
                    seg_end = k
                    break
        words = [k for k in range(a, seg_end) if self.toks[k].word]
        while words and self.toks[words[0]].low in ("but", "and", "so", "yet", "however", "meanwhile", "still",
                                                     "also", "now", "then", "later", "earlier", "instead"):
            words = words[1:]
        if not words:
            return None, ""
        last = self.toks[words[-1]]
        if len(words) > 1 and _base(last.low) in PERSON_PRONOUNS and not any(
                self._is_name_tok(x) or self.toks[x].low in PERSON_NOUNS for x in words[:-1]):
            words = words[-1:]  # "Recently she", "Sometimes they": the pronoun is the subject
        first = self.toks[words[0]]
        if len(words) == 1 and _base(first.low) in PERSON_PRONOUNS | {"it"}:
            who = self._resolve_pronoun(_base(first.low), first.start)
            if who:
                return who, f"'{first.text}' refers to {who}, the last named source"
            return first.text, ""
        # a definite description of a named person: "the Russian leader"
        head_words = []
        for k in words:
            if self.toks[k].low in PREPOSITIONS or self.toks[k].low in _RELATIVES:
                break
            head_words.append(k)
        runs = [r for r in self._name_runs(head_words[0], words[-1] + 1) if r[0] <= head_words[-1]] \
            if head_words else []
        if not head_words and self.toks[words[0]].low in PREPOSITIONS:
            # "During the debate Trump said": the subject follows the opening phrase
            late = self._name_runs(words[0], words[-1] + 1)
            if late and late[-1][1] == words[-1] + 1:
                head_words = list(range(late[-1][0], late[-1][1]))
                runs = [late[-1]]
        if first.low == "the" and head_words and not self.toks[head_words[-1]].cap and \
                _strip_poss(self.toks[head_words[-1]].low) in ROLE_NOUNS:
            who = self._resolve_pronoun("he", first.start)
            if who and who == self._last_speaker and who != self._last_named:
                who = None  # only a named person can be "the senator"
            if who:
                desc = self.text[first.start:self.toks[head_words[-1]].end]
                return who, f"'{desc}' describes {who}, the last named source"
        if runs:
            ra, rb = max(runs, key=lambda r: (r[1] - r[0] > 1, -r[0]))
            if rb - ra == 1 and len(runs) > 1:
                ra, rb = runs[-1]
            name = self._name_text(ra, rb)
            if name:
                full = self.fullest(name, self._gender(ra, rb))
                head = self.toks[head_words[-1]]
                # a possessive name before a person noun: "Trump's campaign manager" stays whole
                if _is_poss(self.toks[rb - 1].text) and rb < head_words[-1] + 1:
                    return _clean(self.text[self.toks[words[0]].start:self.toks[words[-1]].end]), ""
                if head.low in PERSON_NOUNS and not self._is_name_tok(head_words[-1]) and head.low.endswith("s") \
                        and head_words[-1] >= rb:
                    return _clean(self.text[self.toks[words[0]].start:self.toks[words[-1]].end]), ""
                return full, (f"speaker named in full: {full}" if full != name else "")
        text = self.text[self.toks[words[0]].start:self.toks[words[-1]].end]
        return _clean(text), ""

    def _resolve_pronoun(self, low: str, pos: int | None = None) -> str | None:
        """The person a pronoun or description refers to: the last named source when
        one spoke in the last three sentences, else the last person named there
        (a name of two words or more), else the last named source at all."""
        if low in ("they", "them", "their", "it", "its"):
            return self._last_speaker or self._last_named
        if pos is None or self._last_named_at is not None and pos - self._last_named_at < 600:
            return self._last_named or self._last_speaker
        si = self.document.sentence_index(pos)
        floor = self.document.sentences[max(0, si - 3)].start
        # the nearest sentence naming a person wins, and in it the first name (the subject
        # position: "Maria Lopez met the mayor, Tom Reed. She said ..." is Maria Lopez);
        # a name whose title says the other sex is skipped
        want = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(low)
        best, best_si = None, None
        i = bisect.bisect_left(self._mention_starts, pos) - 1
        while i >= 0 and self._mentions[i][0] >= floor:
            at, name, g = self._mentions[i]
            i -= 1
            if want and g and g != want:
                continue
            si_name = self.document.sentence_index(at)
            if best is not None and si_name != best_si:
                break
            if len(name.split()) >= 2 and not any(w.lower() in _FUNCTION for w in name.split()):
                best, best_si = name, si_name
            elif (full := self.fullest(name)) != name:
                best, best_si = full, si_name
        return best or self._last_named or self._last_speaker

    # --- the source as topic --------------------------------------------------------------
    def _topic_reason(self, start: int, end: int) -> str | None:
        """"Putin's description of ... reflects ...": the source is the topic."""
        ka = bisect.bisect_left(self._tok_starts, start)
        kb = bisect.bisect_left(self._tok_starts, end)
        for k in range(ka, min(kb, len(self.toks) - 1)):
            t = self.toks[k]
            if _is_poss(t.text) and (t.cap or _strip_poss(t.low) in ROLE_NOUNS or _strip_poss(t.low) in PERSON_NOUNS):
                n = self.toks[k + 1]
                if n.low in NOUN_CUES or n.low in ("description", "descriptions", "words", "speech", "remarks",
                                                   "comments", "characterization", "account", "language",
                                                   "rhetoric", "portrayal", "statement", "statements"):
                    name = self.fullest(_strip_poss(t.text))
                    verb = next((self.toks[x].text for x in range(k + 2, kb) if self.toks[x].low.endswith("s")
                                 and self.toks[x].word and not self.toks[x].cap and self.toks[x].low not in
                                 NOUN_CUES and cue_verb(self.toks[x].low) is None and len(self.toks[x].low) > 3
                                 and self.toks[x].low not in ("conditions", "challenges")), None)
                    return (f"{name} is the topic here ('{t.text} {n.text}'), not the speaker: "
                            + (f"'{verb}' is the reporter's reading" if verb else "the sentence is the reporter's"))
        return None


# --- helpers -----------------------------------------------------------------------------------

_CONTRACTIONS = ("'s", "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "'re", "’re", "'m", "’m")


def _plural(low: str) -> bool:
    """'reports' is plural; 'analysis', 'press', 'census' are not."""
    return low.endswith("s") and not low.endswith(("ss", "sis", "us", "ics"))


def _finite(t: Tok) -> bool:
    """A finite verb form: 'is', 'would', 'has', "didn't", 'found', 'paid', 'decided'."""
    if not t.word or t.cap:
        return False
    return (t.low in BE_FORMS and t.low not in ("be", "been", "being") or t.low in _MODALS and t.low != "to"
            or t.low in ("has", "have", "had", "does", "did", "do") or t.low.endswith(("n't", "n’t"))
            or t.low.endswith("ed") or t.low in _IRREGULAR_PAST or t.low in _COMMON_PAST)


def _base(low: str) -> str:
    """A word without its contraction: "he's" -> "he", "we’ve" -> "we"."""
    for suf in _CONTRACTIONS:
        if low.endswith(suf):
            return low[: -len(suf)]
    return low


def _is_poss(word: str) -> bool:
    if word[-1:] not in "sS'’":
        return False
    low = word.lower()
    if _base(low) in ("he", "she", "it", "that", "there", "here", "what", "who", "where", "let", "i", "we",
                      "you", "they"):
        return False  # "He's said", "it's"
    return low.endswith(("'s", "’s")) or word.endswith(("s'", "s’"))


def _strip_poss(word: str) -> str:
    for suf in ("'s", "’s"):
        if word.lower().endswith(suf):
            return word[: -len(suf)]
    return word


def _people(low: str) -> bool:
    """A plural noun for people: workers, activists, politicians, residents."""
    return low.endswith(("ers", "ists", "ians", "ants", "ents", "ors", "ives", "ees")) and low not in _NOT_PEOPLE


def _adverb(t: Tok) -> bool:
    return t.low.endswith("ly") and not t.cap and t.low not in _LY_NOUNS


def _is_initial(word: str) -> bool:
    """'G' or 'G.K' (the tokenizer keeps inner dots): initials before a '.'."""
    return len(word) == 1 and word.isupper() or bool(_INITIALS.fullmatch(word))


def _clean(text: str) -> str:
    text = " ".join(text.split())
    words = text.split()
    if len(words) > 10:
        text = " ".join(words[:10])
    return text.strip(" ,;:\"“”'’")


def _near(text: str, a: int, b: int) -> bool:
    """Are offsets a and b separated only by spaces and punctuation?"""
    lo, hi = min(a, b), max(a, b)
    return all(not ch.isalnum() for ch in text[lo:hi])


def _merge(ivs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ivs):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _covered(merged: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Is most of [a, b) inside the merged intervals?"""
    total = b - a
    if total <= 0:
        return True
    got = 0
    i = max(0, bisect.bisect_right(starts, a) - 1)
    while i < len(merged) and merged[i][0] < b:
        x, y = merged[i]
        got += max(0, min(y, b) - max(x, a))
        i += 1
    return got * 2 >= total


# every code point str.isspace() accepts
_SPACES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)


def _nonspace_mask(text: str) -> np.ndarray:
    """One bool per character of `text`: not a space (vectorised: 4 bytes a character)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return ~np.isin(codes, _SPACES)


def _prefix_sum(mask: np.ndarray) -> list[int]:
    """Prefix counts, [0] + cumsum(mask): how many set before each offset."""
    out = np.zeros(len(mask) + 1, dtype=np.int64)
    np.cumsum(mask, out=out[1:])
    return out.tolist() if len(mask) < 200_000 else out  # plain ints are faster to index for short texts


def _extent(f: Frame) -> int:
    return sum(b - a for a, b in f.content)


def attribute(text: str | Document, spans: Iterable[tuple[int, int]]) -> list[Verdict]:
    """Label each (start, end) span of `text` attributed or asserted."""
    doc = text if isinstance(text, Document) else Document(text=text)
    checker = Checker(doc)
    return [checker.check(a, b) for a, b in spans]
