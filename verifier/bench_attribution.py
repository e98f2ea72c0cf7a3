"""Score an attribution checker against a brat-annotated corpus.

Units, built from the gold annotation of each article (verifier.brat):

- sentence level: each sentence of the Document whose non-space characters
  are at least half inside Content is `attributed`; one touching no Content,
  Source or Cue is `asserted`; the rest are mixed and left out.
- span level: inside each sentence, every maximal run of content and of
  non-content text with three words or more is labeled on its own
  (content: attributed, other text: asserted), mixed sentences included.

Text inside Discard annotations is left out of both. Every unit is passed
to the checker as a (start, end) span of the article (`verifier.attribute`
by default) and its label compared with the gold one. On attributed runs
the checker's speaker is compared with the annotated Source (see
`speaker_matches`; a pronoun Source is first resolved to the last named
Source before it). Runs of attributed text are also broken down by
phenomenon, and the errors grouped into patterns with an example each.

Nothing here is specific to PolNeAR beyond the brat roles Source, Cue and
Content.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from verifier.brat import PRONOUNS, AnnotatedArticle, Attribution
from verifier.document import Document
from verifier.errors import EXIT_REGRESSION, VerifierError
from verifier.attribution.lexicon import THOUGHT_VERBS, cue_verb
from verifier.schemas import LABELS, Verdict

AttributeFn = Callable[[Document, Sequence[tuple[int, int]]], list[Verdict]]

_CONTENT, _SOURCE, _CUE, _DISCARD = 1, 2, 4, 8
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
_QUOTES = "\"“”‘’'«»"
_TITLES = {
    "the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "president",
    "former", "secretary", "candidate", "nominee", "gen", "lt", "col", "u.s", "s", "jr", "sr", "presidential",
    "republican", "democratic", "democrat", "gop", "vice", "said", "told",
}
PHENOMENA = (
    "direct quote", "indirect speech", "according to", "no explicit source",
    "thoughts and intentions", "pronoun source", "cue after the content",
)


class BelowThreshold(VerifierError):
    """The score fell below the --fail-under threshold."""

    exit_code = EXIT_REGRESSION


# --- units -------------------------------------------------------------------

@dataclass
class Unit:
    level: str  # "sentence" or "span"
    start: int
    end: int
    gold: str
    sentence: int
    attributions: list[Attribution] = field(default_factory=list)
    pred: Verdict | None = None


def _mask(article: AnnotatedArticle) -> bytearray:
    mask = bytearray(len(article.text))
    for role, bit in (("content", _CONTENT), ("source", _SOURCE), ("cue", _CUE), ("discard", _DISCARD)):
        for a, b in article.fragments(role):
            for i in range(a, b):
                mask[i] |= bit
    return mask


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) past spaces and punctuation at both ends."""
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    return a, b


def build_units(article: AnnotatedArticle, doc: Document) -> list[Unit]:
    """Sentence-level and span-level gold units of one article."""
    text = article.text
    mask = _mask(article)
    contents = [(c, att) for att in article.attributions for c in att.contents]
    units: list[Unit] = []

    def owners(a: int, b: int) -> list[Attribution]:
        """Attributions whose content covers [a, b), innermost first."""
        found = []
        for ent, att in contents:
            for fa, fb in ent.fragments:
                if fa <= a and b <= fb + 1:
                    found.append((fb - fa, att))
        found.sort(key=lambda x: x[0])
        return [att for _, att in found]

    for si, s in enumerate(doc.sentences):
        idx = [i for i in range(s.start, s.end) if not text[i].isspace() and not mask[i] & _DISCARD]
        if not idx or _words(text[s.start:s.end]) == 0:
            continue
        if len(idx) * 2 < sum(1 for i in range(s.start, s.end) if not text[i].isspace()):
            continue  # mostly Discard
        n_content = sum(1 for i in idx if mask[i] & _CONTENT)
        touched = any(mask[i] & (_CONTENT | _SOURCE | _CUE) for i in idx)
        if n_content * 2 >= len(idx):
            units.append(Unit("sentence", s.start, s.end, "attributed", si, owners_of(idx, mask, owners)))
        elif not touched:
            units.append(Unit("sentence", s.start, s.end, "asserted", si))
        # span level: maximal runs of content / non-content, Discard cutting runs
        i = s.start
        while i < s.end:
            if mask[i] & _DISCARD:
                i += 1
                continue
            kind = mask[i] & _CONTENT
            j = i
            while j < s.end and not mask[j] & _DISCARD and (mask[j] & _CONTENT) == kind:
                j += 1
            a, b = _trim(text, i, j)
            if a < b and _words(text[a:b]) >= 3:
                gold = "attributed" if kind else "asserted"
                units.append(Unit("span", a, b, gold, si, owners(a, b) if kind else []))
            i = j
    return units


def owners_of(idx: list[int], mask: bytearray, owners) -> list[Attribution]:
    first = next((i for i in idx if mask[i] & _CONTENT), None)
    return owners(first, first + 1) if first is not None else []


# --- metrics -----------------------------------------------------------------

def label_scores(units: Iterable[Unit]) -> dict:
    units = list(units)
    n = len(units)
    correct = sum(1 for u in units if u.pred and u.pred.label == u.gold)
    out: dict = {"units": n, "accuracy": round(correct / n, 4) if n else 0.0, "labels": {}, "confusion": {}}
    f1s = []
    for lab in LABELS:
        tp = sum(1 for u in units if u.gold == lab and u.pred and u.pred.label == lab)
        fp = sum(1 for u in units if u.gold != lab and u.pred and u.pred.label == lab)
        fn = sum(1 for u in units if u.gold == lab and (not u.pred or u.pred.label != lab))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        out["labels"][lab] = {"support": tp + fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    out["macro_f1"] = round(sum(f1s) / len(f1s), 4) if f1s else 0.0
    for g in LABELS:
        out["confusion"][g] = {p: sum(1 for u in units if u.gold == g and u.pred and u.pred.label == p) for p in LABELS}
    return out


def _name_tokens(name: str | None) -> list[str]:
    if not name:
        return []
    toks = [t.lower().strip(".'’") for t in _WORD.findall(name.replace("’s", "").replace("'s", ""))]
    return [t for t in toks if t and t not in _TITLES]


def speaker_matches(predicted: str | None, gold: str | None) -> bool:
    """Loose match of two names of a source: the head word (last significant
    word) of either appears among the significant words of the other.
    "Clinton" ~ "Hillary Clinton"; "officials" ~ "Federal and state officials"."""
    p, g = _name_tokens(predicted), _name_tokens(gold)
    if not p or not g:
        return False
    return p[-1] in g or g[-1] in p or (p[0] in g and p[0][:1].isalpha() and len(p[0]) > 3)


def resolve_gold_source(article: AnnotatedArticle, att: Attribution) -> str | None:
    """The gold source as a name: a pronoun source is replaced by the last
    non-pronoun Source annotated before it (None when there is none)."""
    if not att.has_source:
        return None
    if not att.pronoun_source:
        return att.source_text
    pos = att.sources[0].start
    best = None
    for other in article.attributions:
        if other.sources and other.has_source and not other.pronoun_source and other.sources[0].end <= pos:
            if best is None or other.sources[0].start > best.sources[0].start:
                best = other
    return best.source_text if best else None


def _cue_key(cue: str | None) -> str:
    if not cue:
        return "(none)"
    words = cue.lower().split()
    lemmas = [(cue_verb(w) or (w,))[0] for w in words]
    return " ".join(lemmas[:3]).replace("_", " ")


def phenomena_of(article: AnnotatedArticle, att: Attribution, start: int, end: int) -> list[str]:
    tags = []
    frag = article.text[start:end]
    # the content fragment this run belongs to
    whole = None
    for c in att.contents:
        for a, b in c.fragments:
            if a <= start and end <= b + 1:
                whole = article.text[a:b].strip().strip(".,;:!? ")
    probe = whole if whole is not None else frag
    direct = bool(probe) and (probe[0] in _QUOTES or probe[-1] in _QUOTES)
    tags.append("direct quote" if direct else "indirect speech")
    cue = (att.cue_text or "").lower()
    if cue.startswith("according"):
        tags.append("according to")
    if not att.has_source:
        tags.append("no explicit source")
    if any((cue_verb(w) or (w,))[0] in THOUGHT_VERBS for w in cue.split()):
        tags.append("thoughts and intentions")
    if att.has_source and att.pronoun_source:
        tags.append("pronoun source")
    if att.cues and att.contents and att.cues[0].start > min(c.start for c in att.contents):
        tags.append("cue after the content")
    return tags


# --- the run ---------------------------------------------------------------------

@dataclass
class BenchResult:
    articles: int
    sentence: dict
    span: dict
    speaker: dict
    phenomena: dict
    errors: list[dict]
    timings: dict
    checker: str
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "checker": self.checker, "articles": self.articles, "sentence_level": self.sentence,
            "span_level": self.span, "speaker": self.speaker, "phenomena": self.phenomena,
            "error_patterns": self.errors, "timings": self.timings, "warnings": self.warnings,
        }


def _clip(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def run_bench(articles: Iterable[AnnotatedArticle], attribute_fn: AttributeFn | None = None,
              n_errors: int = 20, checker_name: str = "checker") -> BenchResult:
    """Score `attribute_fn` (default verifier.attribute) over the articles."""
    if attribute_fn is None:
        from verifier.attribution import attribute as attribute_fn  # type: ignore[no-redef]
    all_units: list[tuple[AnnotatedArticle, Document, Unit]] = []
    t_check = 0.0
    t_units = 0.0
    n_articles = 0
    warnings: list[str] = []
    t_read0 = time.perf_counter()
    t_read = 0.0
    for art in articles:
        t_read += time.perf_counter() - t_read0
        n_articles += 1
        warnings.extend(art.warnings)
        t0 = time.perf_counter()
        doc = Document(text=art.text, source=art.name)
        t1 = time.perf_counter()
        units = build_units(art, doc)
        t2 = time.perf_counter()
        verdicts = attribute_fn(doc, [(u.start, u.end) for u in units])
        t3 = time.perf_counter()
        for u, v in zip(units, verdicts):
            u.pred = v
            all_units.append((art, doc, u))
        t_check += (t1 - t0) + (t3 - t2)
        t_units += t2 - t1
        t_read0 = time.perf_counter()

    sent = [u for _, _, u in all_units if u.level == "sentence"]
    span = [(a, d, u) for a, d, u in all_units if u.level == "span"]
    result_sent = label_scores(sent)
    result_span = label_scores(u for _, _, u in span)

    # speaker accuracy on gold attributed runs the checker also calls attributed
    sp_total = sp_ok = sp_unresolved = sp_nosource = 0
    speaker_errors: list[dict] = []
    for art, doc, u in span:
        if u.gold != "attributed" or not u.pred or u.pred.label != "attributed" or not u.attributions:
            continue
        golds = [resolve_gold_source(art, att) for att in u.attributions]
        if not any(att.has_source for att in u.attributions):
            sp_nosource += 1
            continue
        if not any(golds):
            sp_unresolved += 1
            continue
        sp_total += 1
        if any(speaker_matches(u.pred.speaker, g) for g in golds if g):
            sp_ok += 1
        elif len(speaker_errors) < 200:
            speaker_errors.append({"article": art.name, "gold": golds[0], "predicted": u.pred.speaker,
                                   "text": _clip(art.text[u.start:u.end])})
    speaker = {
        "evaluated": sp_total, "correct": sp_ok,
        "accuracy": round(sp_ok / sp_total, 4) if sp_total else 0.0,
        "no_source": sp_nosource, "unresolved_pronoun": sp_unresolved,
        "errors": Counter((e["gold"] or "", e["predicted"] or "(none)") for e in speaker_errors).most_common(10),
    }

    # phenomena on attributed runs, and asserted runs for contrast
    ph_total: Counter = Counter()
    ph_ok: Counter = Counter()
    for art, doc, u in span:
        if u.gold == "attributed":
            tags = set(phenomena_of(art, u.attributions[0], u.start, u.end)) if u.attributions else {"no explicit source"}
        else:
            tags = {"asserted text"}
        for t in tags:
            ph_total[t] += 1
            if u.pred and u.pred.label == u.gold:
                ph_ok[t] += 1
    phenomena = {t: {"runs": ph_total[t], "correct": ph_ok[t],
                     "accuracy": round(ph_ok[t] / ph_total[t], 4) if ph_total[t] else 0.0}
                 for t in (*PHENOMENA, "asserted text") if ph_total[t]}

    # error patterns (span level)
    patterns: dict[str, list] = defaultdict(list)
    for art, doc, u in span:
        if not u.pred or u.pred.label == u.gold:
            continue
        if u.gold == "attributed":
            att = u.attributions[0] if u.attributions else None
            tags = phenomena_of(art, att, u.start, u.end) if att else ["no explicit source"]
            extra = next((t for t in ("according to", "cue after the content", "no explicit source",
                                      "direct quote") if t in tags), "")
            key = f"missed: cue '{_cue_key(att.cue_text if att else None)}'" + (f" ({extra})" if extra else "")
        else:
            key = f"false attribution: cue '{_cue_key(u.pred.cue)}'"
        patterns[key].append((art, doc, u))
    ranked = sorted(patterns.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:n_errors]
    errors = []
    for key, items in ranked:
        art, doc, u = items[0]
        s = doc.sentences[u.sentence]
        att = u.attributions[0] if u.attributions else None
        errors.append({
            "pattern": key, "count": len(items), "article": art.name,
            "span": [u.start, u.end], "text": _clip(art.text[u.start:u.end]),
            "sentence": _clip(art.text[s.start:s.end], 300),
            "gold": u.gold, "gold_source": att.source_text if att else None, "gold_cue": att.cue_text if att else None,
            "predicted": u.pred.label if u.pred else None, "predicted_cue": u.pred.cue if u.pred else None,
            "predicted_speaker": u.pred.speaker if u.pred else None,
            "reasons": list(u.pred.reasons) if u.pred else [],
        })
    n_units = len(all_units)
    timings = {
        "read_s": round(t_read, 3), "units_s": round(t_units, 3), "check_s": round(t_check, 3),
        "total_s": round(t_read + t_units + t_check, 3), "units_checked": n_units,
    }
    return BenchResult(n_articles, result_sent, result_span, speaker, phenomena, errors, timings,
                       checker_name, warnings)


# --- the baseline: a plain lexicon of reporting verbs -------------------------------

def lexicon_baseline(text: str | Document, spans: Sequence[tuple[int, int]]) -> list[Verdict]:
    """The starting point: a span is attributed when its sentence holds any
    form of a speech verb of the engine's lexicon, or 'according to'."""

    doc = text if isinstance(text, Document) else Document(text=text)
    out = []
    for a, _ in spans:
        s = doc.sentence_at(a)
        cue = None
        for m in _WORD.finditer(doc.text, s.start, s.end):
            w = m.group(0).lower()
            if (cue_verb(w) or ("", ""))[1] == "speech" or (w == "according" and doc.text.startswith(" to", m.end())):
                cue = m.group(0)
                break
        out.append(Verdict(label="attributed", cue=cue, reasons=[f"reporting verb '{cue}' in the sentence"])
                   if cue else Verdict(label="asserted", reasons=["no reporting verb in the sentence"]))
    return out
