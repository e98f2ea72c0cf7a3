"""Every cue word of the lexicon, in one plain sentence of its kind: the
sentence is attributed with that word as the cue. The word lists are here
as literals, not read from the lexicon, so dropping an entry from
verifier/attribution/data/lexicon.toml fails its case (benchmarks/lexicon_pins.py
checks that every entry is pinned by some test)."""

from __future__ import annotations

import lemminflect
import pytest

from verifier import attribute
from verifier.document import Document
from verifier.extractors.rules import RuleExtractor

SPEECH_VERBS = [
    "say", "tell", "state", "add", "announce", "acknowledge", "admit", "emphasize", "emphasise", "stress",
    "highlight", "warn", "claim", "insist", "argue", "assert", "report", "explain", "confirm", "deny",
    "declare", "mention", "observe", "remark", "write", "testify", "allege", "contend", "maintain",
    "concede", "recall", "reply", "respond", "answer", "comment", "disclose", "affirm", "assure", "tweet",
    "post", "caution", "complain", "boast", "vow", "promise", "pledge", "urge", "ask", "inform", "remind",
    "notify", "advise", "reiterate", "repeat", "recount", "joke", "quip", "shout", "chant", "scream",
    "exclaim", "yell", "cry", "whisper", "muse", "lament", "counter", "retort", "rebut", "hint", "imply",
    "speculate", "theorize", "guarantee", "swear", "pronounce", "proclaim", "concur", "agree", "disagree",
    "point_out", "underline", "underscore", "brag", "grumble", "gripe", "fret", "protest", "opine",
    "surmise", "email", "text", "propose", "recommend", "demand", "note", "describe", "characterize",
    "encourage", "invite", "implore", "beg", "instruct", "signal", "posit", "retweet", "reaffirm",
    "stipulate", "convey", "outline", "detail", "intimate", "recite", "continue", "interject",
]

THOUGHT_VERBS = [
    "reckon", "admire", "aim", "assume", "believe", "consider", "decide", "decline", "doubt", "expect",
    "fathom", "fear", "feel", "guess", "hear", "hold", "hope", "imagine", "intend", "know", "learn",
    "offer", "plan", "prefer", "realize", "recognize", "refuse", "regard", "remember", "resent", "see",
    "seek", "suppose", "suspect", "think", "threaten", "trust", "try", "understand", "view", "want", "wish",
    "wonder", "worry",
]

EVIDENCE_VERBS = [
    "show", "find", "suggest", "indicate", "reveal", "conclude", "estimate", "confirm", "determine",
    "project", "predict", "report", "document", "establish", "rule",
]

OBJECT_VERBS = [
    "praise", "criticize", "criticise", "accuse", "blame", "call", "describe", "welcome", "condemn",
    "denounce", "decry", "slam", "blast", "attack", "mock", "defend", "endorse", "question", "dispute",
    "deride", "ridicule", "applaud", "hail", "credit", "label", "brand", "tout", "champion", "lambaste",
    "chide", "fault", "challenge", "support", "oppose", "contradict", "charge", "thank", "cite",
    "reference", "promote", "downplay", "denigrate", "disparage", "belittle", "malign", "insult", "demean",
    "vilify", "excoriate", "berate", "scold", "rebuke", "castigate", "taunt", "knock", "express", "voice",
    "portray", "bemoan", "assail", "advocate", "liken", "echo", "discuss", "quote", "dub", "congratulate",
    "articulate", "rebuff", "disavow", "lambast", "bash", "invoke", "justify", "deem", "compliment",
    "grill", "rip", "pooh-pooh", "link",
]

ADJ_CUES = [
    "adamant", "afraid", "alarmed", "angered", "angry", "anxious", "appalled", "aware", "bothered",
    "certain", "concerned", "confident", "convinced", "delighted", "determined", "disappointed", "dismayed",
    "dissatisfied", "disturbed", "doubtful", "eager", "encouraged", "fearful", "frustrated", "furious",
    "glad", "grateful", "happy", "heartened", "hesitant", "hopeful", "incensed", "indignant", "insistent",
    "irate", "livid", "nervous", "offended", "optimistic", "outraged", "outspoken", "persuaded",
    "pessimistic", "pleased", "proud", "reluctant", "satisfied", "sceptical", "shocked", "skeptical",
    "sorry", "supportive", "sure", "surprised", "thankful", "thrilled", "troubled", "uncertain",
    "unconvinced", "unhappy", "unsure", "upset", "wary", "worried",
]

NOUN_CUES = [
    "account", "accounts", "accusation", "accusations", "acknowledgement", "acknowledgment", "admission",
    "allegation", "allegations", "announcement", "argument", "arguments", "assertion", "assertions",
    "assessment", "assurance", "assurances", "belief", "beliefs", "boast", "charge", "charges", "claim",
    "claims", "comment", "comments", "complaint", "complaints", "concern", "concerns", "conclusion",
    "conclusions", "confirmation", "contention", "denial", "denials", "estimate", "estimates",
    "expectation", "expectations", "explanation", "fear", "fears", "feeling", "finding", "findings",
    "forecast", "hope", "hopes", "idea", "implication", "impression", "indication", "indications",
    "insinuation", "insistence", "message", "news", "notion", "opinion", "pledge", "pledges", "position",
    "prediction", "predictions", "projection", "promise", "promises", "recollection", "remark", "remarks",
    "report", "reports", "rumor", "rumors", "rumour", "rumours", "sense", "speculation", "statement",
    "statements", "suggestion", "suggestions", "suspicion", "suspicions", "testimony", "theories", "theory",
    "threat", "threats", "view", "views", "vow", "vows", "warning", "warnings", "word",
]

HEDGES = [
    "allegedly", "ostensibly", "purportedly", "reportedly", "supposedly",
]

NAME_PARTICLES = [
    "de", "van", "von", "der", "den", "ter", "bin", "al", "da", "del", "della", "di", "du", "la", "le",
    "dos", "of", "for",
]

TITLES = [
    "acting", "adm", "admiral", "alderman", "ambassador", "american", "assemblyman", "assemblywoman",
    "assistant", "attorney", "brother", "candidate", "capt", "captain", "chairman", "chairwoman",
    "chancellor", "chief", "col", "colonel", "commissioner", "councilman", "councilmember", "councilwoman",
    "dame", "democratic", "department", "deputy", "director", "dr", "father", "federal", "former", "gen",
    "general", "gop", "gov", "governor", "house", "judge", "justice", "king", "lady", "leader", "lord",
    "lt", "maj", "major", "mayor", "minister", "miss", "mr", "mrs", "ms", "nominee", "pastor", "pope",
    "premier", "president", "presidential", "prime", "prince", "princess", "prof", "professor", "queen",
    "rep", "representative", "republican", "rev", "reverend", "russian", "secretary", "sen", "senate",
    "senator", "sgt", "sheriff", "sir", "sister", "speaker", "state-run", "u.s.", "us", "vice", "white",
]

TITLE_ABBR = [
    "adm", "atty", "capt", "cmdr", "col", "dr", "gen", "gov", "jr", "lt", "maj", "mr", "mrs", "ms", "pres",
    "prof", "rep", "ret", "rev", "sen", "sgt", "sr", "st", "supt",
]

CALENDAR = [
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "friday", "jan", "january",
    "jul", "july", "jun", "june", "mar", "march", "may", "monday", "nov", "november", "oct", "october",
    "saturday", "sep", "sept", "september", "sunday", "thursday", "tuesday", "wednesday",
]


def past(lemma: str) -> str:
    head, _, rest = lemma.partition("_")
    return lemminflect.getInflection(head, "VBD")[0] + (f" {rest.replace('_', ' ')}" if rest else "")


def verdict(sentence: str, content: str):
    start = sentence.index(content)
    return attribute(sentence, [(start, start + len(content))])[0]


@pytest.mark.parametrize("verb", SPEECH_VERBS)
def test_a_speech_verb_after_a_quotation_attributes_it(verb):
    v = verdict(f"“The bridge will close in May,” the mayor {past(verb)}.", "The bridge will close in May")
    assert (v.label, v.speaker) == ("attributed", "the mayor") and v.cue.lower().startswith(past(verb).split()[0])


@pytest.mark.parametrize("verb", THOUGHT_VERBS)
def test_a_verb_of_thought_attributes_its_clause(verb):
    v = verdict(f"The mayor {past(verb)} that the bridge would close in May.", "the bridge would close in May")
    assert v.label == "attributed" and v.cue.lower().startswith(past(verb).split()[0])


@pytest.mark.parametrize("verb", EVIDENCE_VERBS)
def test_a_verb_of_evidence_attributes_its_clause_to_the_document(verb):
    v = verdict(f"The audit {past(verb)} that the bridge was unsafe.", "the bridge was unsafe")
    assert v.label == "attributed" and v.cue.lower().startswith(past(verb).split()[0])


@pytest.mark.parametrize("verb", OBJECT_VERBS)
def test_a_verb_with_an_object_attributes_the_object(verb):
    v = verdict(f"The mayor {past(verb)} the plan to close the bridge.", "the plan to close the bridge")
    assert v.label == "attributed" and v.cue.lower().startswith(past(verb).split()[0])


@pytest.mark.parametrize("adjective", ADJ_CUES)
def test_an_adjective_of_attitude_attributes_its_clause(adjective):
    v = verdict(f"The mayor is {adjective} that the bridge will close in May.", "the bridge will close in May")
    assert v.label == "attributed" and adjective in v.cue.lower()


@pytest.mark.parametrize("noun", NOUN_CUES)
def test_a_noun_of_saying_attributes_its_content_clause(noun):
    v = verdict(f"The mayor repeated her {noun} that the bridge would close in May.", "the bridge would close in May")
    assert v.label == "attributed" and noun in v.cue.lower()


@pytest.mark.parametrize("adverb", HEDGES)
def test_a_hedge_attributes_the_sentence_to_unnamed_sources(adverb):
    sentence = f"The bridge will {adverb} close in May."
    v = verdict(sentence, sentence[:-1])
    assert v.label == "attributed" and v.cue.lower() == adverb


@pytest.mark.parametrize("particle", NAME_PARTICLES)
def test_a_particle_inside_a_name_belongs_to_the_name(particle):
    v = verdict(f"Anna {particle} Berg said the plan would fail.", "the plan would fail")
    assert v.speaker == f"Anna {particle} Berg"


@pytest.mark.parametrize("title", TITLES)
def test_a_title_before_a_name_is_not_part_of_the_speaker(title):
    v = verdict(f"{title.capitalize()} Tom Reed said the plan would fail.", "the plan would fail")
    assert v.speaker == "Tom Reed"


@pytest.mark.parametrize("abbreviation", TITLE_ABBR)
def test_an_abbreviated_title_with_its_full_stop_is_not_part_of_the_speaker(abbreviation):
    v = verdict(f"{abbreviation.capitalize()}. Tom Reed said the plan would fail.", "the plan would fail")
    assert v.speaker == "Tom Reed"


@pytest.mark.parametrize("day", CALENDAR)
def test_the_day_of_a_speech_event_is_left_out_of_its_claim(day):
    sentence = f"The mayor praised the volunteers on {day.capitalize()}."
    drafts = RuleExtractor().extract(Document.from_text(sentence)).drafts
    assert drafts and all(day.capitalize() not in d.evidence for d in drafts)
