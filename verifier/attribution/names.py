"""Name mentions: runs of name words, their fullest form in the article, gender from titles."""

from __future__ import annotations

from verifier.attribution.first_names import name_sex
from verifier.attribution.lexicon import PERSON_NOUNS, TITLES
from verifier.attribution.common import _CALENDAR, _FUNCTION, _NAME_PARTICLES, _QUOTES, _TITLE_ABBR, _is_initial, _is_poss, _strip_poss


class NameRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

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
        """'m' or 'f' from a title in or just before a name ('Mr. Obama', 'Mrs. Clinton'), else
        from its first name when a surname follows ('Maria Lopez'; not 'Jordan' alone)."""
        lead = a - 2 if a >= 2 and self.toks[a - 1].text == "." else a - 1  # "Ms. Joan Reyes"
        for k in range(max(0, lead), b):
            low = self.toks[k].low.rstrip(".")
            if low in ("mr", "sir", "lord", "king", "prince", "father", "brother"):
                return "m"
            if low in ("mrs", "ms", "miss", "lady", "queen", "princess", "sister", "dame"):
                return "f"
        return name_sex([t.text for t in self.toks[a:b] if t.word])  # "Sen. Maria Lopez": 'f'; "Jordan": None

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
