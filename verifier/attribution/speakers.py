"""Speakers: the source phrase to a name at its fullest, pronouns and definite
descriptions to the person they refer to, and the source as mere topic."""

from __future__ import annotations

import bisect

from verifier.attribution.first_names import is_first_name, name_sex
from verifier.attribution.lexicon import ADDRESSEE_VERBS, DETERMINERS, dictionary_word, NOUN_CUES, ORG_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS, PREPOSITIONS, ROLE_NOUNS, TITLES, cue_verb
from verifier.attribution.common import _FUNCTION, _QUOTES, _RELATIVES, _base, _clean, _is_poss, _strip_poss, _time_phrase


# pronouns that name no one (a closed class of English)
# the words of a verb group between a subject and its verb ('has also said', 'would then tell')
_VERB_GROUP = frozenset({"has", "had", "have", "also", "later", "again", "then", "would", "will"})

_SPEAKER_WORDS = 12  # the longest speaker phrase kept, in words

_INDEFINITE_PRONOUNS = frozenset({"everybody", "everyone", "somebody", "someone", "nobody", "anybody", "anyone"})


class SpeakersSoFar:
    """The sources the article has named so far, in text order: what a pronoun or a
    definite description can refer to. The engine adds each sentence's speakers
    after the sentence; rules only read it."""

    __slots__ = ("last", "last_named", "last_named_at", "last_named_sex")

    def __init__(self) -> None:
        self.last: str | None = None  # the last source, named or not ("officials")
        self.last_named: str | None = None  # the last source with a name ("Maria Lopez")
        self.last_named_at: int | None = None  # where its cue ended
        self.last_named_sex: str | None = None  # 'm'/'f' when its words say ("a young woman")

    def add(self, speaker: str, pos: int | None, proper: set[str] | frozenset[str] = frozenset()) -> None:
        """Remember `speaker`, as the last named source when it holds a name: a capital
        after its first word ('Maria Lopez', 'the Red Cross'), or a capitalised first word
        the article capitalises mid-sentence too (`proper`: 'Trump') or that is no English
        word lemminflect knows ('Melanie'). A capital only at the start of a phrase the
        subject rule took ('How many of you', 'Fourthly', 'Everybody thought') names no one."""
        self.last = speaker
        words = speaker.split()
        if words and words[0].lower() in ("a", "an", "one", "another") and _one_person(words[1:]):
            self.last_named = speaker  # "an NBC reporter", "One Democratic official who ...": 'she' can be them
            self.last_named_at = pos
            self.last_named_sex = _noun_sex(words[1:])
            return
        if not words or words[0].lower() in DETERMINERS:
            return
        first = _strip_poss(words[0].lower())
        if any(w[:1].isupper() for w in words[1:]) or words[0][:1].isupper() and (
                first in proper or not dictionary_word(first) and first not in _INDEFINITE_PRONOUNS):
            self.last_named = speaker
            self.last_named_at = pos
            self.last_named_sex = name_sex(speaker.split())  # "Sen. Bernie Sanders": 'm'; "Trump": None


def _noun_sex(words: list[str]) -> str | None:
    """'f' or 'm' when the head noun says the sex ('a young woman', 'a spokesman')."""
    heads = [w.lower() for w in words if w.isalpha()]
    head = next((w for w in heads if w.endswith("man")), "")
    return "f" if head.endswith("woman") else "m" if head.endswith("man") else None


def _one_person(words: list[str]) -> bool:
    """Do the words after a determiner end in a singular noun for a person ('NBC reporter',
    'senior Democratic aide', 'official who relayed it'), not an organization ('council')?"""
    head = None
    for w in words:
        low = w.lower().strip(",")
        if low in PREPOSITIONS or low in _RELATIVES:
            break
        head = low
    return head is not None and not head.endswith("s") and not head[:1].isupper() and (
        head in ROLE_NOUNS or head in PERSON_NOUNS) and head not in ORG_NOUNS and head not in PERSON_PRONOUNS


class SpeakerRules:
    """Mixed into verifier.attribution.engine.Checker; reads its Analysis fields."""

    def _speaker_from(self, a: int, b: int) -> str | None:
        return self._speaker_with_reason(a, b)[0]

    def _speaker_with_reason(self, a: int, b: int) -> tuple[str | None, str]:
        """The speaker the source phrase toks[a:b] names, and how it was found."""
        words = self._source_words(a, b)
        if not words:
            return None, ""
        first = self.toks[words[0]]
        if len(words) == 1 and _base(first.low) in PERSON_PRONOUNS | {"it"}:
            who = self._resolve_pronoun(_base(first.low), first.start)
            if who:
                return who, f"'{first.text}' refers to {who}, the last named source"
            return first.text, ""
        named = self._name_in_appositive(words, b)
        if named is not None:
            return named
        head_words = []  # the head: up to a preposition or a relative
        for k in words:
            if self.toks[k].low in PREPOSITIONS or self.toks[k].low in _RELATIVES:
                break
            head_words.append(k)
        runs = [r for r in self._name_runs(head_words[0], words[-1] + 1) if r[0] <= head_words[-1]] \
            if head_words else []
        if not head_words and first.low in PREPOSITIONS:
            # "During the debate Trump said": the subject follows the opening phrase
            late = self._name_runs(words[0], words[-1] + 1)
            if late and late[-1][1] == words[-1] + 1:
                head_words = list(range(late[-1][0], late[-1][1]))
                runs = [late[-1]]
        described = self._described_person(first, head_words)
        if described is not None:
            return described
        if runs:
            named = self._named_speaker(runs, words, head_words)
            if named is not None:
                return named
        return self._phrase_text(words), ""

    def _phrase_text(self, words: list[int]) -> str:
        """The source phrase as a speaker: without a time that ends it ("A jury at the Crown
        Court on Friday": the day is the event's, not the source's); over _SPEAKER_WORDS words,
        it ends at a phrase boundary, never on a function word ("... by the")."""
        kept, i = [], 0
        while i < len(words):
            n = _time_phrase(self.toks[words[i]].low, self.toks[words[i + 1]].low if i + 1 < len(words) else "") \
                if kept else 0
            if n and i + n == len(words):
                i += n
                continue
            kept.append(words[i])
            i += 1
        if len(kept) > _SPEAKER_WORDS:  # cut at a phrase boundary: a relative, else the last preposition
            kept = kept[:_SPEAKER_WORDS]
            rel = next((x for x in range(2, len(kept)) if self.toks[kept[x]].low in _RELATIVES), None)
            prep = next((x for x in range(len(kept) - 1, 1, -1) if self.toks[kept[x]].low in PREPOSITIONS), None)
            kept = kept[:rel if rel is not None else prep or len(kept)]
        while len(kept) > 1 and (self.toks[kept[-1]].low in PREPOSITIONS
                                 or self.toks[kept[-1]].low in ("a", "an", "the", "and", "or")):
            kept.pop()
        pieces, run_start = [], 0
        for x in range(1, len(kept) + 1):
            if x == len(kept) or kept[x] != kept[x - 1] + 1 and any(
                    self.toks[y].word for y in range(kept[x - 1] + 1, kept[x])):
                pieces.append(self.text[self.toks[kept[run_start]].start:self.toks[kept[x - 1]].end])
                run_start = x
        return _clean(" ".join(pieces), _SPEAKER_WORDS)

    def _name_in_appositive(self, words: list[int], b: int) -> tuple[str, str] | None:
        """'One of them, retired banker Simon Pritchard, said': a head with no name of its
        own, set off by a comma from a description that names it: the name is the speaker
        (not in a relative clause: 'The agency, which Ruiz founded, said' is the agency).
        A name that only modifies the head ("The Green Alliance leader, Tomas Reuter,
        said") is no name of the head's own."""
        if self._is_name_tok(words[-1]):
            return None
        comma = words[-1] + 1
        if comma >= b or self.toks[comma].text != "," or comma + 1 >= b or self.toks[comma + 1].low in _RELATIVES:
            return None
        end = next((x for x in range(comma + 1, b) if self.toks[x].text in ",;:(—"), b)
        runs = self._name_runs(comma + 1, end)
        if not runs:
            return None
        name = self._name_text(*runs[0])
        if not name:
            return None
        full = self.fullest(name, self._gender(*runs[0]))
        return full, f"'{self.text[self.toks[words[0]].start:self.toks[words[-1]].end]}' is named after it: {full}"

    def _source_words(self, a: int, b: int) -> list[int]:
        """The word indexes of a source phrase's head segment: before an appositive
        comma, without an opening conjunction or adverb ("But officials", "Recently she")."""
        seg_end = b
        for k in range(a, b):
            if self.toks[k].text in ",(—" and any(self.toks[x].word for x in range(a, k)):
                seg_end = k
                break
        words = [k for k in range(a, seg_end) if self.toks[k].word]
        while words and (self.toks[words[0]].low in ("but", "and", "so", "yet", "however", "meanwhile", "still",
                                                      "also", "now", "then", "later", "earlier", "instead")
                         or len(words) > 1 and self.toks[words[0]].low in ("which", "whom")):
            words = words[1:]  # "which critics branded": the relative is the object, the rest the subject
        if len(words) > 1 and _base(self.toks[words[-1]].low) in PERSON_PRONOUNS and not any(
                self._is_name_tok(x) or self.toks[x].low in PERSON_NOUNS for x in words[:-1]):
            words = words[-1:]  # "Recently she", "Sometimes they": the pronoun is the subject
        return words

    def _described_person(self, first, head_words: list[int]) -> tuple[str, str] | None:
        """'the Russian leader', 'the senator': a definite description of the last
        named person (never of an unnamed source)."""
        if not (first.low == "the" and head_words and not self.toks[head_words[-1]].cap
                and _strip_poss(self.toks[head_words[-1]].low) in ROLE_NOUNS):
            return None
        who = self._resolve_pronoun("he", first.start, any_sex=True)  # "the senator": a man or a woman
        if who and who == self._spoken.last and who != self._spoken.last_named:
            return None  # only a named person can be "the senator"
        if not who:
            return None
        desc = self.text[first.start:self.toks[head_words[-1]].end]
        return who, f"'{desc}' describes {who}, the last named source"

    def _named_speaker(self, runs: list[tuple[int, int]], words: list[int],
                       head_words: list[int]) -> tuple[str, str] | None:
        """The name in the source phrase at its fullest; a possessive name before a person
        noun ("Trump's campaign manager"), or before the person or group noun that heads the phrase
        ("Clinton aides", "a Pentagon official", "A Brackley spokesman"), stays whole."""
        ra, rb = max(runs, key=lambda r: (r[1] - r[0] > 1, -r[0]))
        if rb - ra == 1 and len(runs) > 1:
            ra, rb = runs[-1]
        name = self._name_text(ra, rb)
        if not name:
            return None
        full = self.fullest(name, self._gender(ra, rb))
        head = self.toks[head_words[-1]]
        whole = _clean(self.text[self.toks[words[0]].start:self.toks[words[-1]].end]), ""
        if _is_poss(self.toks[rb - 1].text) and rb < head_words[-1] + 1:
            return whole
        if head_words[-1] >= rb and not self._is_name_tok(head_words[-1]) and (
                head.low in ROLE_NOUNS or head.low in PERSON_NOUNS and head.low not in PERSON_PRONOUNS):
            return whole  # the name only says whose: "Clinton aides", "A Brackley spokesman"
        return full, (f"speaker named in full: {full}" if full != name else "")

    def _resolve_pronoun(self, low: str, pos: int | None = None, any_sex: bool = False) -> str | None:
        """The person a pronoun or description refers to: the last named source when
        one spoke in the last three sentences, else the last person named there
        (a name of two words or more), else the last named source at all."""
        if low in ("they", "them", "their", "it", "its"):
            return self._spoken.last or self._spoken.last_named
        reporter = self._reporting_subject_before(low, pos) or self._reporter_of_sentence(low, pos) \
            if pos is not None else None
        if reporter is not None:
            return reporter
        want = None if any_sex else {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(low)
        if pos is None or self._spoken.last_named_at is not None and pos - self._spoken.last_named_at < 600 and not (
                want and self._spoken.last_named_sex and want != self._spoken.last_named_sex):
            return self._spoken.last_named or self._spoken.last
        si = self.document.sentence_index(pos)
        floor = self.document.sentences[max(0, si - 3)].start
        # the nearest sentence naming a person wins, and in it the first name (the subject
        # position: "Maria Lopez met the mayor, Tom Reed. She said ..." is Maria Lopez);
        # a name whose title says the other sex is skipped
        best, best_si = None, None
        i = bisect.bisect_left(self._mention_starts, pos) - 1
        while i >= 0 and self._mentions[i][0] >= floor:
            at, name, g = self._mentions[i]
            i -= 1
            if want and (g and g != want or not g and self._not_a_person(name)):
                continue
            si_name = self.document.sentence_index(at)
            if si_name == si and self._quote_at(at) is not None and self._quote_at(pos) is None:
                continue  # '"... the Second Amendment ...," she said': the quoted words name no speaker
            if best is not None and si_name != best_si:
                break
            if len(name.split()) >= 2 and not any(w.lower() in _FUNCTION for w in name.split()):
                best, best_si = name, si_name
            elif (full := self.fullest(name)) != name:
                if want and not g and (sex := name_sex(full.split())) and sex != want:
                    continue  # "Trump" is "Donald Trump": no 'she'
                best, best_si = full, si_name
            elif g:  # one word with a title that gives its sex ("Ms. Ortiz"): a person
                best, best_si = name, si_name
        return best or self._spoken.last_named or self._spoken.last

    @staticmethod
    def _not_a_person(name: str) -> bool:
        """A name of two words or more that opens with an English word that is no first name
        and no title ('Wall Street', 'Affordable Care Act', 'Republican Jewish Coalition')
        names no 'he' or 'she' ('Reince Priebus' may: 'Reince' is no English word)."""
        words = name.split()
        first = words[0].lower().rstrip(".") if words else ""
        return len(words) >= 2 and first not in TITLES and not is_first_name(first) and dictionary_word(first)

    def _reporting_subject_before(self, low: str, pos: int) -> str | None:
        """'Marsh said she hoped ...', 'Mr. Reed told reporters that he would ...': a 'he' or
        'she' opening the clause of a reporting verb whose subject is a name is that person
        (unless a title gives the name the other sex). Reads back from the pronoun over the
        verb's addressee, 'that' and the verb group, within its sentence."""
        want = {"he": "m", "she": "f"}.get(low)
        if want is None:
            return None
        k = bisect.bisect_left(self._tok_starts, pos)
        lo = self._sent_tok[self.document.sentence_index(pos)][0]
        m = k - 1
        if m >= lo and self.toks[m].low == "that":
            m -= 1
        if m - 1 >= lo and self.toks[m].word and not self.toks[m].cap and cue_verb(self.toks[m - 1].low) is not None \
                and cue_verb(self.toks[m - 1].low)[0] in ADDRESSEE_VERBS:
            m -= 1  # 'told reporters he ...', 'assured voters that she ...': the addressee
        if m < lo or cue_verb(self.toks[m].low) is None or cue_verb(self.toks[m].low)[1] not in ("speech", "thought"):
            return None
        m -= 1
        while m >= lo and self.toks[m].low in _VERB_GROUP:
            m -= 1
        if m < lo or not self._is_name_tok(m):
            return None
        end = m + 1
        return self._name_of_sex(self._name_start(end, lo), end, want)

    def _name_start(self, end: int, lo: int) -> int:
        """The first token of the name ending at toks[end - 1] ('Dr.', 'Ana', 'Ruiz')."""
        m = end - 1
        while m - 1 >= lo and (self._is_name_tok(m - 1) or self.toks[m - 1].text == "."):
            m -= 1
        return m

    def _name_of_sex(self, m: int, end: int, want: str) -> str | None:
        """The name toks[m:end] at its fullest, unless its title gives the sex other than `want`."""
        g = self._gender(m, end)
        if g is not None and g != want:
            return None
        name = self._name_text(m, end)
        return self.fullest(name, g) if name else None

    def _reporter_of_sentence(self, low: str, pos: int) -> str | None:
        """'Wren said fires now jump roads, a change he called "the new normal"': a 'he' or
        'she' later in a sentence whose one earlier name is the subject of a reporting verb
        is that person (unless a title gives the other sex). Reads back from the pronoun
        to the sentence start; any other name, another pronoun or a quotation mark on the way: None."""
        want = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}.get(low)
        if want is None:
            return None
        k = bisect.bisect_left(self._tok_starts, pos)
        lo = self._sent_tok[self.document.sentence_index(pos)][0]
        names = [m for m in range(lo, k) if self._is_name_tok(m)]
        if not names:
            return None
        end = names[-1] + 1
        m = self._name_start(end, lo)
        if any(x < m for x in names) or any(_base(self.toks[x].low) in PERSON_PRONOUNS or self.toks[x].text in _QUOTES
                                            for x in range(end, k)):
            return None  # another name before it, a pronoun or a quotation mark between: not sure whose
        v = end
        while v < k and self.toks[v].low in _VERB_GROUP:
            v += 1
        cv = cue_verb(self.toks[v].low) if v < k else None
        if cv is None or cv[1] not in ("speech", "thought"):
            return None
        return self._name_of_sex(m, end, want)

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
