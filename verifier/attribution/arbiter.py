"""The arbiter: how overlapping frames share a sentence, and which frame a span takes.

Precedence, in the order it applies:

1. At one token, the cue rules in `rules.CUE_RULES` order; the first rule that
   makes a frame wins the token.
2. Inside a sentence, frames are ordered by position. A frame's content to its
   right runs to the end of its clause: it stops where a later frame's own
   words (source, cue) start a new clause (a clause break before them: ', but',
   ';', ', while', a quotation mark), or where a coordinated verb with its own
   report starts ('... but said ...'). A later report nested inside the
   content ('noted that at his first meeting, he said, ...') does not stop it.
   A frame's content to its left starts after the nearest earlier frame's own
   words, except a hedge's and a report quoted inside a quotation.
3. Content running to the end of its sentence is cut before the reporter's
   additions (`SentenceRules._tail_cut`); when the addition is a gloss (a last
   relative clause or participle) on a reported clause, it is kept as the
   frame's `gloss` and counts as the report's own words in step 5, so a span of
   the report and its gloss is the report's and the gloss alone the article's;
   after a trailing cue, the words that only say about what, how or when the
   source spoke (`_report_tail`) are the frame's gloss too;
   a supplement inside any content (an
   aside between paired dashes, a relative clause between paired commas before
   the content's verb) is cut out of it (`SentenceRules._cut_supplements`), and
   counts with the frame's source and cue as the report's own words in step 5.
4. Document rules come last: content touching a quotation takes all of it;
   quoted sentences no frame claims get their own frame (`quotes.py`).
5. A span is attributed when at least half of its non-space characters are
   some frame's content (or when the rest is that frame's own source and cue);
   it takes the frame covering most of it, and on a tie the innermost
   (shortest) frame: the nested report is the more specific one.
"""

from __future__ import annotations

import bisect

from verifier.attribution.common import Frame, _IRREGULAR_PAST, _MODALS, _QUOTES, _extent, _merge
from verifier.attribution.lexicon import BE_FORMS, CLAUSE_BREAKS, PREPOSITIONS, strong_past

# frames whose cue is no verb ("according to", "reportedly", "in her view"): a "but" clause after
# their content coordinates with the content's own verb
_VERBLESS = ("according", "hedge")  # viewpoint frames are kind "according" too
# words opening a subordinate phrase of time before a participle ("when asked", "before leaving")
_TIME_SUBORDINATORS = ("when", "while", "as", "before", "after", "since", "until")


class ArbiterRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _bound_contents(self, frames: list[Frame], a: int, b: int, s_start: int,
                        s_end: int) -> list[tuple[tuple[tuple[int, int], ...], tuple[int, int] | None]]:
        """Each candidate frame's content once bounded among the sentence's other
        frames (the content it was proposed with, then its content to the right, then
        to the left) with the gloss cut off its right content. The bounds read only the
        frames' own words and cues, never their contents; the frames themselves are
        left as they are (the sentence pass makes the bounded frames)."""
        rights = self._right_contents(frames, s_end)
        lefts = self._left_contents(frames, s_start)
        out = []
        for f, (r, gloss), l in zip(frames, rights, lefts):
            if gloss is None and l is not None and not f.right and f.rule in ("verb.trailing", "verb.inverted") \
                    and self._reports_sentence(*l):
                gloss = self._report_tail(f, s_end)
            content = f.content
            if r is not None:
                content += (r,)
            if l is not None:
                content += (l,)
            out.append((content, gloss))
        return out

    def _right_contents(self, frames: list[Frame],
                        s_end: int) -> list[tuple[tuple[int, int] | None, tuple[int, int] | None]]:
        """Each frame's content to its right, up to the end of its clause (None: none),
        and the gloss cut off its end (a last relative clause or participle; None: none)."""
        out: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = []
        for i, f in enumerate(frames):
            out.append((None, None))
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
            gloss = None
            if r_end == s_end:
                r_end, glossed = self._tail_cut(r_start, r_end, frames, has_verb=f.kind not in _VERBLESS)
                if glossed and self._has_finite_verb(bisect.bisect_left(self._tok_starts, r_start) - 1,
                                                     bisect.bisect_left(self._tok_starts, r_end)):
                    gloss = (r_end, s_end)  # glossing a reported clause, not an object ('assumed a role, in which')
            if r_start < r_end:
                out[i] = ((r_start, r_end), gloss)
        return out

    def _reports_sentence(self, a: int, b: int) -> bool:
        """Is [a, b) a reported sentence (a quotation, or a clause with a finite verb),
        not a phrase a false cue took ('Still, Sanders continues to ...')?"""
        ka = bisect.bisect_left(self._tok_starts, a)
        kb = bisect.bisect_left(self._tok_starts, b)
        return any(self.toks[k].text in _QUOTES for k in range(ka, kb)) or self._has_finite_verb(ka - 1, kb)

    def _report_tail(self, f: Frame, s_end: int) -> tuple[int, int] | None:
        """After a trailing cue, the words that say how, when or about what the source
        spoke: the tail the frame took after its verb ('"...," she said of the vote.',
        '..., he said at a rally.'), and the rest of the sentence after it when that is a
        phrase opened by a preposition, a participle, a time word before a participle
        ('when asked about ...') or 'who' ('..., said Ms. Ruiz, recalling ...', '..., he
        said, before adding that ...'). They are the report's own words; a new clause
        (', and ...', ', but ...', ';') or a quotation is not. None when there are none."""
        edge = f.right_edge if f.right_edge is not None else f.cue[1]
        own = (f.cue[1], edge) if edge > f.cue[1] else None
        ka = bisect.bisect_left(self._tok_starts, edge)
        kb = bisect.bisect_left(self._tok_starts, s_end)
        words = [k for k in range(ka, kb) if self.toks[k].word]
        if not words:
            return own
        t = self.toks[words[0]]
        n = self.toks[words[1]] if len(words) > 1 else None

        def participle(x) -> bool:
            return x is not None and not x.cap and x.low.endswith(("ing", "ed"))
        if not (t.low in PREPOSITIONS or participle(t) or t.low == "who"
                or t.low in _TIME_SUBORDINATORS and participle(n)):
            return own
        for k in range(ka, kb):
            x = self.toks[k]
            if x.text == ";" or x.text in _QUOTES or x.text == "," and k + 1 < kb and self.toks[k + 1].low in (
                    "and", "but", "or", "while", "so"):
                return own
        return (f.cue[1], s_end)

    def _left_contents(self, frames: list[Frame], s_start: int) -> list[tuple[int, int] | None]:
        """Each frame's content to its left, after the nearest earlier frame's own words
        (None: none)."""
        out: list[tuple[int, int] | None] = []
        for i, f in enumerate(frames):
            out.append(None)
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
                out[i] = (l_start, l_end)
        return out

    def _opens_clause_of(self, r_start: int, g_left: int) -> bool:
        """'noted that at one of his first meetings, in 1972, he supported ...': the
        content is a that-clause whose own subject and verb come only at g_left, so
        the later report is nested in it, not a new clause of the sentence."""
        ka = bisect.bisect_left(self._tok_starts, r_start)
        kb = bisect.bisect_left(self._tok_starts, g_left)
        if ka >= kb or self.toks[ka].low != "that":
            return False
        return not any(t.low in BE_FORMS or t.low in _MODALS and t.low != "to" or t.low in ("has", "have", "had")
                       or t.word and not t.cap and (t.low.endswith("ed") or t.low in _IRREGULAR_PAST or strong_past(t.low))
                       for t in self.toks[ka + 1:kb])

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
    def _own_chars(self, start: int, end: int) -> int:
        """Non-space characters of [start, end) that are the source or cue of a frame
        whose content lies mostly inside the span too (a whole report), an aside the
        reporter set inside that content (`SentenceRules._cut_supplements`), or the
        gloss cut off its end."""
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
                    for iv in (f.source, f.cue, f.gloss, *_gaps(f.content)):
                        if iv is not None:
                            marks.append((max(iv[0], start), min(iv[1], end)))
        n = 0
        for a, b in _merge([m for m in marks if m[0] < m[1]]):
            n += (self._ns[b] - self._ns[a]) - self._covered_chars(a, b)
        return n

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


def _gaps(content: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The stretches between the fragments of one content, in text order."""
    iv = sorted(content)
    return [(b, c) for (_, b), (c, _) in zip(iv, iv[1:]) if b < c]
