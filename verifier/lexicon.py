"""Attribution cue lexicon: reporting verbs (every inflection), nouns that
head a content clause, prepositional frames and hedges.

Shared by the checker and the rule extractor.
"""

from __future__ import annotations

import re

REPORTING_VERBS = """
say tell state note add announce acknowledge admit emphasize emphasise stress
highlight praise warn claim insist argue assert report explain describe
confirm deny reveal suggest predict estimate declare mention observe remark
write testify allege contend maintain point_out indicate complain concede
recall reply respond answer urge vow promise pledge boast caution comment
disclose affirm assure tweet post agree disagree dispute question signal
believe think expect hope fear worry doubt know feel find show conclude
""".split()

IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"],
    "think": ["thought", "thinks", "thinking"],
    "know": ["knew", "known", "knows", "knowing"],
    "feel": ["felt", "feels", "feeling"],
    "find": ["found", "finds", "finding"],
    "show": ["showed", "shown", "shows", "showing"],
    "reply": ["replied", "replies", "replying"],
    "deny": ["denied", "denies", "denying"],
    "testify": ["testified", "testifies", "testifying"],
    "worry": ["worried", "worries", "worrying"],
    "signal": ["signaled", "signalled", "signals", "signaling", "signalling"],
}


def inflections(lemma: str) -> list[str]:
    """Base, -s, -ed and -ing forms of a regular English verb."""
    if lemma in IRREGULAR:
        return [lemma, *IRREGULAR[lemma]]
    forms = [lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.append(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if lemma.endswith("e"):
        forms += [lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ied", lemma + "ing"]
    elif re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma) and lemma not in {"edit", "visit", "limit"}:
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    else:
        forms += [lemma + "ed", lemma + "ing"]
    return forms


VERB_FORMS: dict[str, str] = {}
for _lemma in REPORTING_VERBS:
    for _form in inflections(_lemma.replace("_", " ")):
        VERB_FORMS[_form] = _lemma


def reporting_lemma(word: str) -> str | None:
    """The reporting verb lemma of `word`, or None."""
    return VERB_FORMS.get(word.lower())

THOUGHT_VERBS = set("""
believe think expect hope fear worry doubt know feel want wish plan intend consider suspect
assume imagine guess suppose wonder understand realize recognize see view regard hold
seek aim try decide prefer trust
""".split())
