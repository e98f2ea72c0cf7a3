"""Claim text that stands alone, without a model.

The evidence is rewritten with its referents: a pronoun subject that opens
reported content ("she hoped to ...", "it would appeal") becomes the frame's
speaker; "the country" / "the nation" the last country-like name before it
(a capitalised name in the possessive or after in/to/from/across: "Russia’s",
"in Mali"); a description of a person ("the Russian leader") the last
person named as a source; a short object of a cue ("praised its
resilience") is written with its speaker ("Vladimir Putin praised its
resilience."). Time words are kept as the article gives them.
"""

from __future__ import annotations

import bisect
import re

from verifier.attribution.common import Frame
from verifier.document import Document
from verifier.attribution.lexicon import CALENDAR as _CALENDAR
from verifier.attribution.lexicon import DETERMINERS, FUNCTION_WORDS, PREPOSITIONS

_FUNCTION = DETERMINERS | FUNCTION_WORDS | PREPOSITIONS
from verifier.extractors.clause import has_verb, is_finite
from verifier.extractors.words import W

_PLACE = re.compile(r"(?:\b(?:in|to|from|across|with|against)\s+)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b|"
                    r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)[’']s\b")
_PRONOUN = re.compile(r"^(he|she|it|they)\b", re.I)
_POSS = re.compile(r"^(his|her|its|their)\b", re.I)
_RELATIVE = re.compile(r"^(?:who|which) (?=\w)")


def _person(name: str | None) -> bool:
    return bool(name) and len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split())


_CAP_TOKEN = re.compile(r"[A-Z][\w’'-]*")
_CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:[ ]+[A-Z][\w’'-]*)+")
_CAP_WORD = re.compile(r"\b([A-Z][a-z]+)\b")
_FIRST_NAME = re.compile(r"\b([A-Z][a-z]+) [A-Z][a-z]+\b[^.]*\.\s*(?:He|She)\b")
_HE_SHE = re.compile(r"\b(?:he|she|his|her|him)\b")
_IT = re.compile(r"\b(?:it|its)\b")


class Referents:
    def __init__(self, document: Document, frames: list[Frame]):
        self.text = document.text
        self.doc = document
        self.people = sorted(((f.source or f.cue or (0, 0))[0], f.speaker) for f in frames if _person(f.speaker))
        self._people_at = [p[0] for p in self.people]
        names = {w for _, sp in self.people for w in (sp or "").split()}
        self.places = []
        for m in _PLACE.finditer(self.text):
            name = m.group(1) or m.group(2)
            if name and not (set(name.split()) & names):
                self.places.append((m.start(), name))
        self._places_at = [p[0] for p in self.places]
        self._index_names()
        self._resolved: dict[str, str] = {}
        self._by_noun: dict[str, str] = {}  # head noun of a description -> the name an apposition gave it
        self._seen: list[str] = []
        self._main_org = self._most_named(frames)

    def _sentence_initial(self, pos: int) -> bool:
        s = self.doc.sentence_at(pos) if hasattr(self.doc, "sentence_at") else None
        return s is not None and not self.text[s.start:pos].strip()

    def _last(self, table, starts, pos):
        i = bisect.bisect_left(starts, pos) - 1
        return table[i][1] if i >= 0 else None

    def speaker(self, f: Frame) -> str | None:
        out = self._speaker(f)
        if out and (not self._seen or self._seen[-1] != out):
            self._seen.append(out)
        return out

    def _speaker(self, f: Frame) -> str | None:
        """The frame's speaker at its fullest. A description with an appositive name
        ("Its chief executive, Priya Natarajan, said"; "Ashby's lawyer, Martin Greaves,
        said") is the name; a name with an apposition ("Amira Haddad, 17, who ...") the
        name; a description the article resolved before keeps that name ("His coach" ->
        "Marta Kessler" in later sentences; "the union" -> "Unity" after "The retail
        workers' union, Unity,"); "the university" the last name holding "University".
        Frames are read in text order, so call this in that order."""
        sp = f.speaker
        if sp and sp.endswith(("’s", "'s")) and len(sp) > 2:
            sp = sp[:-2]  # the possessive source of a nominal frame: "The union’s warning that ..."
        name = self._appositive_speaker(f, sp)
        if name:
            return name
        if sp in self._resolved:
            return self._resolved[sp]
        if sp and len(sp.split()) == 1 and sp[:1].isupper():
            full = self._fullest(sp, (f.source or f.cue or (0, 0))[0])
            if full:
                return full
        if sp and len(sp.split()) == 2 and sp.split()[0].lower() in ("the", "its"):
            return self._description_speaker(sp, f) or sp
        return sp

    def _appositive_speaker(self, f: Frame, sp: str | None) -> str | None:
        if f.source is None or f.cue is None or f.source[0] >= f.cue[0]:
            return None
        lo = f.source[0]
        name = appositive_name(self.text[lo:f.cue[0]])  # "..., a spokesman, Erik Sand, told reporters"
        if (name is None and self.text[:lo].rstrip().endswith(",") and not self.text[lo:lo + 1].isupper()
                and 0 <= f.sentence < len(self.doc.sentences)):
            lo = self.doc.sentences[f.sentence].start  # "Amira Haddad, 17, who ...": the name opens the sentence
            name = appositive_name(self.text[lo:f.cue[0]])
        if name and len(name.split()) == 1:
            name = self._fullest(name, f.cue[0]) or name
        if name:
            if sp:
                self._resolved[sp] = name
            head = self.text[lo:f.cue[0]].split(",")[0].split()
            if len(head) >= 2 and not head[-1][:1].isupper():
                self._by_noun[head[-1].lower()] = name  # "The retail workers’ union, Unity": the union
        return name

    def _description_speaker(self, sp: str, f: Frame) -> str | None:
        """'the report' / 'the union' / 'the company': the referent the article named before."""
        noun = sp.split()[1].lower()
        if sp.split()[0].lower() == "the":
            if noun in self._by_noun:
                return self._by_noun[noun]
            # "The report also noted" -> the fuller description named before:
            # "A report published in March by the regional public health agency"
            for prev in reversed(self._seen):
                ws = prev.lower().split()
                if len(ws) > 2 and noun in ws[:3] and ws[0] in ("a", "an", "the"):
                    return prev
        if not sp.split()[1][:1].isupper():
            org = self._org_name(sp.split()[1], (f.source or f.cue or (0, 0))[0])
            if org:
                return org
            if noun in W["org_words"] and self._main_org:
                return self._main_org
        return None

    def _most_named(self, frames: list[Frame]) -> str | None:
        """The organisation the article is about: the capitalised word it names most often
        (not opening a sentence, not part of a person's name), at its fullest."""
        people = {w for f in frames if f.source is not None
                  and self.text[f.source[0]:f.source[1]].lower() in ("he", "she") for w in (f.speaker or "").split()}
        # a person's surname stands alone in a story about them too: their first name's partner
        people |= {sp.split()[-1] for _, sp in self.people if sp and len(sp.split()) == 2
                   and sp.split()[0] in self._first_names()}
        speakers = {w for f in frames for w in (f.speaker or "").split()}
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m in re.finditer(r"\b([A-Z][a-z]+)\b", self.text):
            w = m.group(1)
            if w in people or w.lower() in _CALENDAR or w not in speakers or w.lower() in _FUNCTION \
                    or self.doc.in_heading(m.start(), m.end()):
                continue
            counts[w] = counts.get(w, 0) + 1
            first.setdefault(w, m.start())
        counts = {w: n for w, n in counts.items() if not self._personal(w)}
        if not counts:
            return None
        w = max(counts, key=lambda k: (counts[k], -first[k]))
        if counts[w] < 3:
            return None
        return self._fullest(w, len(self.text)) or w

    def _index_names(self) -> None:
        """One pass over the text for every lookup below (none scans the text per call):
        runs of capitalised words (a name at its fullest), the mentions of each
        capitalised word (person or thing), first names a pronoun refers back to."""
        self._run_tokens: dict[str, list[tuple[int, int, int]]] = {}  # word -> (start, end, run end)
        for run in _CAP_RUN.finditer(self.text):
            toks = list(_CAP_TOKEN.finditer(self.text, run.start(), run.end()))
            for t in toks[:-1]:
                a = t.start()
                if a == 0 or not (self.text[a - 1].isalnum() or self.text[a - 1] == "_"):
                    self._run_tokens.setdefault(t.group(0), []).append((a, t.end(), run.end()))
        self._word_ends: dict[str, list[int]] = {}
        for m in _CAP_WORD.finditer(self.text):
            self._word_ends.setdefault(m.group(1), []).append(m.end())
        self._firsts = {m.group(1) for m in _FIRST_NAME.finditer(self.text)}
        self._org_matches: dict[str, tuple[list[re.Match], list[int]]] = {}

    def _personal(self, word: str) -> bool:
        """Is `word` a person's name? The words after its mentions refer back to it with
        he/she/his/her more often than with it/its."""
        ends = self._word_ends.get(word)
        if ends is None:
            ends = self._word_ends[word] = [m.end() for m in re.finditer(rf"\b{re.escape(word)}\b", self.text)]
        person = thing = 0
        for e in ends:
            after = self.text[e:e + 120].lower()
            person += len(_HE_SHE.findall(after))
            thing += len(_IT.findall(after))
        return person > thing

    def _first_names(self) -> set[str]:
        """First words of two-word names that a he/she pronoun refers back to in the text
        (a first name, not an organisation's word)."""
        return self._firsts

    def _fullest(self, word: str, pos: int) -> str | None:
        """'Veyra' -> 'Veyra Mobility': the first longer name before `pos` that opens with the word."""
        entries = self._run_tokens.get(word)
        if entries is None:
            if _CAP_TOKEN.fullmatch(word):
                return None  # a capitalised word that opens no longer name anywhere
            entries = self._run_tokens[word] = [  # an unusual word ("van", "St."): its own pass, once
                (m.start(), m.start() + len(word), m.end())
                for m in re.finditer(rf"\b{re.escape(word)}((?:[ ]+[A-Z][\w’'-]*)+)", self.text)]
        pattern = None
        for start, end, run_end in entries:
            if start >= pos:
                break
            if run_end > pos:  # the name runs past `pos`: only what comes before it counts
                pattern = pattern or re.compile(rf"{re.escape(word)}((?:[ ]+[A-Z][\w’'-]*)+)")
                m = pattern.match(self.text, start, pos)
                if m is None:
                    continue
                run_end = m.end()
            if not self.doc.in_heading(start, run_end):
                return word + self.text[end:run_end]
        return None

    def _org_name(self, noun: str, pos: int) -> str | None:
        """The last name before `pos` that holds `noun` capitalised: 'the university' ->
        'University of Eastmoor'."""
        cap = noun[:1].upper() + noun[1:]
        pattern = re.compile(rf"((?:[A-Z][\w’'-]*\s+)*){cap}\b((?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*)*)")
        if cap not in self._org_matches:
            found = list(pattern.finditer(self.text))  # once per noun
            self._org_matches[cap] = (found, [m.start() for m in found])
        matches, starts = self._org_matches[cap]
        k = bisect.bisect_left(starts, pos) - 1
        best = None
        while k >= 0 and best is None:
            m = matches[k]
            if m.end() <= pos:
                best = m.group(0).strip()
            else:  # the match runs past `pos`: what of it comes before
                cut = pattern.match(self.text, m.start(), pos)
                best = cut.group(0).strip() if cut else None
            k -= 1
        if best and best.split()[0] in ("The", "A", "An"):
            best = " ".join(best.split()[1:])
        return best if best and len(best.split()) >= 2 else None

    def standalone(self, start: int, end: int, f: Frame | None, subject: tuple[int, int] | None = None) -> str:
        """`subject`: the span of the subject a predicate shares with the clause before it
        ("his client was disappointed and [would appeal]" -> "His client would appeal.")."""
        ev = " ".join(self.text[start:end].split())
        speaker = self.speaker(f) if f is not None else None
        if subject is not None:
            ev = " ".join(self.text[subject[0]:subject[1]].split()) + " " + ev
        elif _RELATIVE.match(ev) and self._antecedent(start):
            ev = self._antecedent(start) + ev[_RELATIVE.match(ev).end() - 1:]  # "Veyra, which raised" -> "Veyra raised"
        elif f is not None and f.cue is not None and f.cue[0] == start and speaker:
            ev = f"{speaker} {ev}"  # "praised its resilience" -> "Vladimir Putin praised its resilience"
        elif speaker and self._object_of_cue(start, end, f):
            # "highlighted [the strong performance of ...]": a noun phrase is no proposition alone
            ev = f"{speaker} {' '.join(self.text[f.cue[0]:f.cue[1]].split())} {ev[0].lower() + ev[1:]}"
        elif speaker and f is not None and f.source is not None:
            m = _PRONOUN.match(ev)
            src = self.text[f.source[0]:f.source[1]].strip().lower()
            if m and (m.group(1).lower() in ("he", "she") and _person(speaker)
                      or m.group(1).lower() in ("it", "they") and src.split()[0] not in ("he", "she", "it", "they")
                      and not _person(speaker)):
                ev = speaker + ev[m.end():]
        for noun in W["country_words"]:
            place = self._last(self.places, self._places_at, start)
            if place and not self._personal(place.split()[-1]):  # "Ashby's brother ... left the country"
                ev = re.sub(rf"\b[Tt]he {noun}\b(?!’s recently)", place, ev)
        person = speaker if _person(speaker) else self._last(self.people, self._people_at, start)
        if person:
            for noun in W["person_words"]:
                ev = re.sub(rf"^[Tt]he (?:[A-Z]\w+ )?{noun}\b(?!,)", person, ev)
        ev = ev[0].upper() + ev[1:] if ev else ev
        return ev if ev.endswith((".", "!", "?")) else ev + "."


    def _object_of_cue(self, start: int, end: int, f: Frame) -> bool:
        """[start, end) is a noun phrase right after a reporting verb: no verb, no quotation."""
        if f.kind != "verb" or f.cue is None or f.source is None or f.cue[1] > start:
            return False
        if self.text[f.cue[1]:start].strip() or self.text[start:start + 1] in "“\"‘'":
            return False
        seg = self.text[start:end]
        return not has_verb(seg) and not re.match(r"(?:that|to|whether|if|how|why|what)\b", seg)

    def _antecedent(self, start: int) -> str | None:
        """The noun phrase a relative after a comma glosses: 'The plant, [which opened in 1978]' ->
        'The plant'; None when it is longer than six words or no comma sets the relative off."""
        before = self.text[:start].rstrip()
        if not before.endswith(","):
            return None
        s = self.doc.sentence_at(start) if hasattr(self.doc, "sentence_at") else None
        lo = max(s.start if s is not None else 0, before.rfind(",", 0, len(before) - 1) + 1,
                 before.rfind(";", 0, len(before) - 1) + 1)
        ws = before[lo:-1].split()
        if len(ws) > 6:  # "... comes at a crucial time for [Russia’s defense industry], which ..."
            cut = max((i for i, w in enumerate(ws) if w.lower() in PREPOSITIONS or is_finite(w)), default=-1)
            ws = ws[cut + 1:] if 0 <= cut and len(ws) - cut - 1 <= 5 else []
        if not ws or ws[0].lower() in W["coordinators"]:
            return None
        np = " ".join(ws)
        return np[0].upper() + np[1:]

    def name_tag(self, start: int, end: int, head: tuple[int, int]) -> str:
        """A name tag as a sentence: 'Telvia, [the country's third-largest mobile operator]' ->
        'Telvia is the country's third-largest mobile operator.'; '[The group's spokeswoman,
        Karen Doyle]' -> 'Karen Doyle is the group's spokeswoman.'; '[Asante, 26]' -> 'Asante is 26.'"""
        name = " ".join(self.text[head[0]:head[1]].split())
        tag = " ".join(self.text[max(start, head[1]):end].split()).strip(" ,")
        if start <= head[0] and tag[:1].isupper():
            name, tag = tag, name
        if tag[:4] in ("The ", "A ", "An "):
            tag = tag[0].lower() + tag[1:]
        return f"{name[0].upper() + name[1:]} is {tag}."


_NAME_WORD = re.compile(r"[A-Z][\w’'.-]*")


def _name_run(part: str) -> str | None:
    """The capitalised name that opens `part` ('Nadia Farouk of the consultancy' -> 'Nadia
    Farouk'; 'Lakeshore Families for Choice' keeps its inner 'for')."""
    ws = part.split()
    out: list[str] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        if _NAME_WORD.fullmatch(w):
            out.append(w)
        elif out and w in ("for", "of", "and", "de", "van", "der", "von") and i + 1 < len(ws) \
                and _NAME_WORD.fullmatch(ws[i + 1]) and ws[i + 1] not in ("The",):
            out.append(w)
        else:
            break
        i += 1
    return " ".join(out) if out else None


def appositive_name(source: str) -> str | None:
    """The name a source phrase gives, when a comma sets it off from a description:
    'His coach, Marta Kessler,' -> 'Marta Kessler'; 'Amira Haddad, 17, who ...' ->
    'Amira Haddad'. None when the phrase has no comma or names nobody."""
    parts = [p.strip() for p in source.split(",")]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return None
    first = parts[0].split()
    if first and all(_NAME_WORD.fullmatch(w) for w in first) and first[0] not in ("The", "A", "An", "Its", "His", "Her", "Their", "One"):
        return parts[0]  # the name, then what the commas add ("Amira Haddad, 17, who ...")
    name = _name_run(parts[1])
    if name and name.split()[0] not in ("The", "A", "An"):
        return name
    m = re.fullmatch(r"(?:the|a|an)\s+(?:[a-z][\w’'-]*\s+)+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)", parts[1])
    return m.group(1) if m else None  # "Asante's sponsor, the sportswear company Stride": Stride
