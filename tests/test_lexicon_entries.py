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
    "seek", "suppose", "suspect", "think", "threaten", "trust", "understand", "view", "want", "wish",
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
    "articulate", "rebuff", "disavow", "lambast", "bash", "invoke", "justify", "deem", "judge", "compliment",
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


# (the sentence with {w} for the word, the content span, the word as it appears in the sentence)
CLAUSE_FRAMES = (
    [("The mayor {w} that the bridge would close in May.", "the bridge would close in May", past(v))
     for v in THOUGHT_VERBS]
    + [("The audit {w} that the bridge was unsafe.", "the bridge was unsafe", past(v)) for v in EVIDENCE_VERBS]
    + [("The mayor {w} the plan to close the bridge.", "the plan to close the bridge", past(v)) for v in OBJECT_VERBS]
    + [("The mayor is {w} that the bridge will close in May.", "the bridge will close in May", a) for a in ADJ_CUES]
    + [("The mayor repeated her {w} that the bridge would close in May.", "the bridge would close in May", n)
       for n in NOUN_CUES]
)


@pytest.mark.parametrize("template, content, word", CLAUSE_FRAMES, ids=[w for _, _, w in CLAUSE_FRAMES])
def test_a_verb_adjective_or_noun_of_saying_attributes_its_clause_or_object(template, content, word):
    v = verdict(template.format(w=word), content)
    assert v.label == "attributed" and word.split()[0] in v.cue.lower()


@pytest.mark.parametrize("adverb", HEDGES)
def test_a_hedge_attributes_the_sentence_to_unnamed_sources(adverb):
    sentence = f"The bridge will {adverb} close in May."
    v = verdict(sentence, sentence[:-1])
    assert v.label == "attributed" and v.cue.lower() == adverb


@pytest.mark.parametrize("particle", NAME_PARTICLES)
def test_a_particle_inside_a_name_belongs_to_the_name(particle):
    v = verdict(f"Anna {particle} Berg said the plan would fail.", "the plan would fail")
    assert v.speaker == f"Anna {particle} Berg"


TITLED = [t.capitalize() for t in TITLES] + [f"{t.capitalize()}." for t in TITLE_ABBR]  # "Admiral", "Adm."


@pytest.mark.parametrize("title", TITLED)
def test_a_title_before_a_name_is_not_part_of_the_speaker(title):
    v = verdict(f"{title} Tom Reed said the plan would fail.", "the plan would fail")
    assert v.speaker == "Tom Reed"


@pytest.mark.parametrize("day", CALENDAR)
def test_the_day_of_a_speech_event_is_left_out_of_its_claim(day):
    sentence = f"The mayor praised the volunteers on {day.capitalize()}."
    drafts = RuleExtractor().extract(Document.from_text(sentence)).drafts
    assert drafts and all(day.capitalize() not in d.evidence for d in drafts)


# the writer's own sentence adverbials built on "say" (writer_idioms): each in a
# sentence that is the article's own voice, in a different position of the sentence
WRITER_IDIOMS = [
    ("Needless to say, the ferry was late again.", "needless to say"),
    ("Suffice it to say that the harbour budget is tight.", "suffice it to say"),
    ("It goes without saying that the port will reopen.", "without saying"),
    ("The council's plan, that is to say the mayor's plan, failed in March.", "that is to say"),
    ("The levy was, to say the least, unpopular with the growers.", "to say the least"),
]


@pytest.mark.parametrize("text,idiom", WRITER_IDIOMS)
def test_a_writer_idiom_of_saying_reports_no_ones_words(text, idiom):
    assert idiom in text.lower()
    assert attribute(text, [(0, len(text))])[0].label == "asserted"


@pytest.mark.parametrize("text,content", [
    ("Needless to say, the mayor said the levy would stay.", "the levy would stay"),
    ("The levy was, to say the least, a surprise, the growers said.", "The levy was"),
    ("She said, without saying it twice, that the pier would close.", "the pier would close"),
])
def test_a_report_next_to_a_writer_idiom_still_attributes_its_content(text, content):
    a = text.index(content)
    v = attribute(text, [(a, a + len(content))])[0]
    assert (v.label, v.cue) == ("attributed", "said")
