"""Quotations: paired per paragraph, chained across quoted paragraphs, content that
touches a quotation takes all of it, and quoted sentences with no cue of their own."""

from __future__ import annotations

import bisect
from dataclasses import replace

from verifier.attribution.common import Frame, _CLOSE_Q, _OPEN_Q, _QUOTES, _Quote, _TOKEN, _base, _merge, _people, _strip_poss
from verifier.attribution.lexicon import DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS, ROLE_NOUNS


class QuoteRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

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
        extended: list[Frame] = []  # a frame that takes a quotation is a new frame in its slot
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
                f = replace(f, content=tuple(_merge([*f.content, *added, *pad])), quote="direct")
            elif pad:
                f = replace(f, content=tuple(_merge([*f.content, *pad])))
            extended.append(f)
        self._frames = extended

    def _quote_frames(self) -> None:
        """Quotations standing as sentences of their own, or closing a sentence after
        a colon, and claimed by no frame outside them: the speaker of the quotation
        next to them (same or previous paragraph), else the subject before an
        introducing colon."""
        by_sentence: dict[int, list[Frame]] = {}
        for f in self._frames:
            by_sentence.setdefault(f.sentence, []).append(f)
        claimed = self._claimed_quotes()
        made: dict[int, Frame] = {}
        for qi, q in enumerate(self._quotes):
            if qi in claimed or q.end - q.start < 3:
                continue  # claimed already by a frame whose cue is outside the quotation
            fr = self._quote_frame(q, made.get(q.prev) if q.prev is not None else None, by_sentence)
            if fr is not None:
                made[qi] = fr
        self._frames = self._frames + list(made.values())

    def _claimed_quotes(self) -> set[int]:
        """Quotations inside some frame's content, the frame's cue outside them."""
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
        return claimed

    def _quote_frame(self, q: _Quote, src: Frame | None, by_sentence: dict[int, list[Frame]]) -> Frame | None:
        n_words = sum(1 for w in _TOKEN.findall(self.text[q.start:q.end]) if w[0].isalnum())
        if n_words == 0:
            return None
        si = self.document.sentence_index(q.start)
        sent = self.document.sentences[si]
        # a full sentence (or most of one) in quotation marks
        inside = self._ns_count(max(q.start, sent.start), min(q.end, sent.end))
        whole = self._ns_count(sent.start, sent.end)
        chained = q.prev is not None or q.next is not None or q.end > sent.end + 1
        if inside * 2 < whole and not chained:
            colon = self._colon_before(q, si)
            if colon is None:
                return None
            return Frame(kind="quote", rule="quote.colon-intro", cue=colon[1], cue_text=":", speaker=colon[0],
                         content=((q.start, q.end),), quote="direct", sentence=si,
                         reasons=(f"a quotation introduced by a colon after {colon[0]}",))
        if n_words < 4 and (inside * 10 < whole * 8 or self._neighbour_frame(si, by_sentence) is None):
            return None  # a short quotation ('“Bodies everywhere.”') only as a sentence next to its speaker's
        dash = self._dash_speaker(q)
        if dash is not None:
            return Frame(kind="quote", rule="quote.dash-speaker", cue=dash[1],
                         cue_text=self.text[dash[1][0]:dash[1][1]], speaker=dash[0],
                         content=((q.start, q.end),), quote="direct", sentence=si,
                         reasons=(f"a quotation signed with a dash: {dash[0]}",))
        if src is None:
            src = self._neighbour_frame(si, by_sentence)
        if src is not None:
            return Frame(kind="quote", rule="quote.neighbour", cue=src.cue, cue_text=src.cue_text,
                         speaker=src.speaker, content=((q.start, q.end),), quote="direct", sentence=si,
                         reasons=(f"quoted sentence continuing the quotation of {src.speaker or 'the same source'}"
                                  f" ({src.cue_text!r} nearby)",))
        intro = self._colon_intro(si)
        return Frame(kind="quote", rule="quote.colon-intro" if intro else "quote.no-cue", cue=None, cue_text=None,
                     speaker=intro, content=((q.start, q.end),), quote="direct", sentence=si,
                     reasons=(f"a quotation introduced by a colon after {intro}" if intro else
                              "a sentence in quotation marks: someone's words, though no source is named nearby",))

    def _colon_before(self, q: _Quote, si: int) -> tuple[str, tuple[int, int]] | None:
        """'The captain put it simply: “We sail at dawn.”': a quotation closing its
        sentence right after a colon is the words of the subject before the colon."""
        a, b = self._sent_tok[si]
        k = bisect.bisect_left(self._tok_starts, q.start)
        if not (a + 2 < k < b) or self.toks[k - 1].text != ":" or q.end < self.toks[b - 1].start:
            return None
        head = self._sentence_subject(a, k - 1)
        if head is None or not self._source_like(*head):
            return None  # 'Two words were painted on the wall: “...”': no source before the colon
        speaker = self._speaker_from(*head)
        colon = self.toks[k - 1]
        return (speaker, (colon.start, colon.end)) if speaker else None

    def _first_person_in_quotes(self) -> None:
        """'“..., just as I said,” Trump said': a first-person source inside a
        quotation is the speaker of the quotation (a frame whose content holds the
        quotation starts within a sentence of it: only those are looked at)."""
        by_sentence: dict[int, list[Frame]] = {}
        for g in self._frames:
            by_sentence.setdefault(g.sentence, []).append(g)
        resolved: dict[int, Frame] = {}
        for fi, f in enumerate(self._frames):
            if f.cue is None or f.source is None:
                continue
            src = self.text[f.source[0]:f.source[1]].lower().split()
            if not src or src[-1] not in ("i", "we") or len(src) > 3:
                continue  # "I", "as I", "just like I"
            qi = self._quote_at(f.cue[0])
            if qi is None:
                continue
            q = self._quotes[qi]
            first = self.document.sentence_index(q.start) - 1
            last = self.document.sentence_index(max(q.start, q.end - 1)) + 1
            near = [g for si in range(first, last + 1) for g in by_sentence.get(si, ())]
            for g in near:
                if g is f or not g.speaker or g.cue is None or q.start <= g.cue[0] < q.end:
                    continue
                if any(a <= q.start + 1 and q.end - 1 <= b for a, b in g.content):
                    said = f"'{self.text[f.source[0]:f.source[1]]}' inside the quotation is {g.speaker}"
                    resolved[fi] = replace(f, speaker=g.speaker, reasons=f.reasons + (said,))
                    break
        for fi, f in resolved.items():
            self._frames[fi] = f

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
            if head is not None and self._source_like(*head):
                return self._speaker_from(*head)
        return None

    def _source_like(self, a: int, b: int) -> bool:
        """Is toks[a:b] a phrase that can say something: a person (name, pronoun,
        'the mayor', 'residents'), an organisation or a document?"""
        words = [x for x in self.toks[a:b] if x.word]
        if not words:
            return False
        head = self._head(words)
        low = _strip_poss(head.low)
        return (_base(low) in PERSON_PRONOUNS or self._is_name_tok(self.toks.index(head, a, b))
                or low in PERSON_NOUNS or low in ROLE_NOUNS or low in ORG_NOUNS or low in DOCUMENT_NOUNS
                or low.rstrip("s") in PERSON_NOUNS or low.rstrip("s") in DOCUMENT_NOUNS or _people(low))

    def _ns_count(self, a: int, b: int) -> int:
        return int(self._ns[b] - self._ns[a])

    def _nested_in_quote(self, pos: int, end: int) -> bool:
        """Is pos inside a quotation that closes right before end?"""
        qi = self._quote_at(pos)
        if qi is None:
            return False
        q = self._quotes[qi]
        return q.closed and end - 3 <= q.end <= end + 1
