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

How it is built:

- the Analysis (this class's fields, built once in `_analyse`, linear in the
  text): tokens with offsets (normalize.py: invisible characters dropped,
  lookalike letters read as Latin), sentences and paragraphs (Document),
  paired quotations (quotes.py), name mentions (names.py), and the indexes
  the rules read (token starts, non-space prefix counts, content intervals);
- the frame rules, each with an id, a statement of English and an example
  (rules.py): cue rules per token, sentence rules, then document rules over
  quotations; the reporting-verb rules live in verbs.py, finite.py, medial.py,
  participles.py, documents.py and subjects.py, the others in cues.py, sentence.py, colons.py and
  quotes.py;
- speakers (speakers.py): a source phrase to a name at its fullest, a
  pronoun or definite description to the last named source of the right
  gender, read from SpeakersSoFar, which only the engine writes, sentence by
  sentence;
- the arbiter (arbiter.py): how frames share a sentence and which frame a
  span takes, with its precedence documented there.
"""

from __future__ import annotations

import bisect
import gc
from array import array
from typing import Iterable


from verifier.document import Document
from verifier.schemas import Span, Verdict
from verifier.attribution.common import Frame, NonSpaceCounts, SentenceTokens, Tok, _merge
from verifier.attribution.parsing import DEFAULT_PARSER, Parser
from verifier.attribution.names import NameRules
from verifier.attribution.quotes import QuoteRules
from verifier.attribution.sentence import SentenceRules
from verifier.attribution.colons import ColonRules
from verifier.attribution.cues import CueRules
from verifier.attribution.viewpoint import ViewpointRules
from verifier.attribution.verbs import VerbRules
from verifier.attribution.finite import FiniteRules
from verifier.attribution.medial import MedialRules
from verifier.attribution.participles import ParticipleRules
from verifier.attribution.documents import DocumentRules
from verifier.attribution.subjects import SubjectRules
from verifier.attribution.speakers import SpeakerRules, SpeakersSoFar
from verifier.attribution.arbiter import ArbiterRules


class Checker(NameRules, QuoteRules, SentenceRules, ColonRules, CueRules, ViewpointRules, VerbRules, FiniteRules, MedialRules, ParticipleRules,
              DocumentRules, SubjectRules, SpeakerRules,
              ArbiterRules):
    """Labels spans of one document; reuse it for many spans of that text."""

    def __init__(self, document: Document, parser: Parser | None = None):
        self.document = document
        self.text = document.text
        self.parser = parser or DEFAULT_PARSER
        self._analysed = False

    def check(self, start: int, end: int) -> Verdict:
        self._analyse()
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        total = self._ns[end] - self._ns[start]
        if total == 0:
            return Verdict(label="asserted", reasons=["the span holds no text"])
        covered = self._covered_chars(start, end)
        # the source and cue of a frame are the attribution itself, neither content nor the
        # reporter's claim: "“We will win,” the senator from Ohio said." is all attributed
        if covered * 2 >= total or covered and covered * 2 >= total - self._own_chars(start, end):
            frame = self._best_frame(start, end)
            return self._verdict(frame, start, end)
        return self._asserted(start, end, covered, total)

    def frames(self) -> list[Frame]:
        """Every attribution frame found in the document, in text order."""
        self._analyse()
        return list(self._frames)

    def _verdict(self, frame: Frame, start: int, end: int) -> Verdict:
        cue_span = None
        if frame.cue is not None:
            a, b = frame.cue
            cue_span = Span(start=a, end=b, text=self.text[a:b])
        quote = frame.quote
        if quote == "indirect" and self._in_quote(start, end):
            quote = "direct"
        reasons = list(frame.reasons) or ["attributed"]
        reasons[0] = f"[{frame.rule}] {reasons[0]}"
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

    def _in_quote(self, start: int, end: int) -> bool:
        qi = self._quote_at(start)
        if qi is None:
            return False
        q = self._quotes[qi]
        return end <= q.end + 1 and q.end - q.start > 2

    def _analyse(self) -> None:
        if self._analysed:
            return
        # the analysis makes millions of small acyclic objects (a token each): the cyclic
        # garbage collector would walk all of them again and again while they are made
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._build()
        finally:
            if enabled:
                gc.enable()
        self._analysed = True

    def _build(self) -> None:
        text = self.text
        doc = self.document
        parsed = self.parser.parse(text)
        self.toks: list[Tok] = parsed.tokens
        self._tags = parsed.tags
        self._tok_starts = array("q", (t.start for t in self.toks))
        self._sent_tok = SentenceTokens(self._tok_starts, doc.sentences)
        self._proper = self._proper_words()
        self._names = self._name_index()
        self._forms = None
        self._ns = NonSpaceCounts(self._tok_starts, self.toks)
        self._quotes = self._find_quotes()
        self._quote_starts = [q.start for q in self._quotes]
        self._frames: list[Frame] = []
        self._spoken = SpeakersSoFar()
        self._mentions = sorted((pos, name, g) for lst in self._names.values() for pos, name, g in lst)
        self._mention_starts = [m[0] for m in self._mentions]
        for si in range(len(doc.sentences)):
            made = self._sentence_frames(si)  # new frames, each knowing its sentence
            self._frames.extend(made)
            # the sentence's speakers are known to pronouns of the sentences after it
            for f in made:
                if f.speaker:
                    self._spoken.add(f.speaker, f.cue[1] if f.cue else None, self._proper)
        self._extend_to_quotes()
        self._quote_frames()
        self._first_person_in_quotes()
        self._frames.sort(key=lambda f: (f.content[0][0] if f.content else 0))
        self._index()

    def _index(self) -> None:
        n = len(self.text)
        intervals = []
        for fi, f in enumerate(self._frames):
            for a, b in f.content:
                a, b = max(0, a), min(n, b)
                if a < b:
                    intervals.append((a, b, fi))
        intervals.sort()
        self._intervals = intervals
        self._by_sentence: dict[int, list[Frame]] = {}
        for f in self._frames:
            self._by_sentence.setdefault(f.sentence, []).append(f)
        self._iv_starts = [iv[0] for iv in intervals]
        # the content as merged intervals with the non-space characters before each:
        # 24 bytes an interval instead of a prefix count per character of the text
        merged = _merge([(a, b) for a, b, _ in intervals])
        self._cov_starts = array("q", (a for a, _ in merged))
        self._cov_ends = array("q", (b for _, b in merged))
        cum = array("q", [0])
        for a, b in merged:
            cum.append(cum[-1] + int(self._ns[b] - self._ns[a]))
        self._cov_cum = cum

    def _tag(self, k: int) -> str | None:
        """The parser's part of speech of toks[k], None when it gave none (parsing.py)."""
        return self._tags[k] if self._tags is not None else None

    def _content_before(self, x: int) -> int:
        """Non-space characters of some frame's content before offset x."""
        k = bisect.bisect_right(self._cov_starts, x) - 1
        if k < 0:
            return 0
        a = self._cov_starts[k]
        return self._cov_cum[k] + int(self._ns[min(x, self._cov_ends[k])] - self._ns[a])

    def _covered_chars(self, start: int, end: int) -> int:
        """Non-space characters of [start, end) inside some frame's content."""
        return self._content_before(end) - self._content_before(start)

def attribute(text: str | Document, spans: Iterable[tuple[int, int]], parser: Parser | None = None) -> list[Verdict]:
    """Label each (start, end) span of `text` attributed or asserted (with the
    heuristic parser unless another is given: parsing.py)."""
    doc = text if isinstance(text, Document) else Document(text=text)
    checker = Checker(doc, parser)
    return [checker.check(a, b) for a, b in spans]
