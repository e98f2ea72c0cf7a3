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
    "see": ["saw", "seen", "sees", "seeing"],
    "seek": ["sought", "seeks", "seeking"],
    "hold": ["held", "holds", "holding"],
    "understand": ["understood", "understands", "understanding"],
    "forecast": ["forecasts", "forecasted", "forecasting"],
    "swear": ["swore", "sworn", "swears", "swearing"],
    "read": ["reads", "reading"],
    "put": ["puts", "putting"],
    "mean": ["meant", "means", "meaning"],
    "speak": ["spoke", "spoken", "speaks", "speaking"],
    "teach": ["taught", "teaches", "teaching"],
    "foresee": ["foresaw", "foreseen", "foresees", "foreseeing"],
    "blast": ["blasted", "blasts", "blasting"],
    "commit": ["committed", "commits", "committing"],
    "admit": ["admitted", "admits", "admitting"],
    "refer": ["referred", "refers", "referring"],
    "regret": ["regretted", "regrets", "regretting"],
    "omit": ["omitted", "omits", "omitting"],
    "submit": ["submitted", "submits", "submitting"],
    "rebut": ["rebutted", "rebuts", "rebutting"],
    "hear": ["heard", "hears", "hearing"],
    "lie": ["lied", "lies", "lying"],
    "rip": ["ripped", "rips", "ripping"],
    "quip": ["quipped", "quips", "quipping"],
    "plan": ["planned", "plans", "planning"],
    "slam": ["slammed", "slams", "slamming"],
    "prefer": ["preferred", "prefers", "preferring"],
    "chant": ["chanted", "chants", "chanting"],
    "counter": ["countered", "counters", "countering"],
    "threaten": ["threatened", "threatens", "threatening"],
    "question": ["questioned", "questions", "questioning"],
    "answer": ["answered", "answers", "answering"],
    "offer": ["offered", "offers", "offering"],
    "order": ["ordered", "orders", "ordering"],
    "wonder": ["wondered", "wonders", "wondering"],
    "consider": ["considered", "considers", "considering"],
    "lament": ["lamented", "laments", "lamenting"],
    "credit": ["credited", "credits", "crediting"],
    "visit": ["visited", "visits", "visiting"],
    "edit": ["edited", "edits", "editing"],
    "limit": ["limited", "limits", "limiting"],
    "boast": ["boasted", "boasts", "boasting"],
    "post": ["posted", "posts", "posting"],
    "insist": ["insisted", "insists", "insisting"],
    "assert": ["asserted", "asserts", "asserting"],
    "repeat": ["repeated", "repeats", "repeating"],
    "recount": ["recounted", "recounts", "recounting"],
    "blurt": ["blurted", "blurts", "blurting"],
    "shout": ["shouted", "shouts", "shouting"],
    "tweet": ["tweeted", "tweets", "tweeting"],
    "reveal": ["revealed", "reveals", "revealing"],
    "label": ["labeled", "labelled", "labels", "labeling", "labelling"],
    "travel": ["traveled", "travelled", "travels"],
    "fear": ["feared", "fears", "fearing"],
    "appear": ["appeared", "appears", "appearing"],
    "recall": ["recalled", "recalls", "recalling"],
    "reiterate": ["reiterated", "reiterates", "reiterating"],
    "happen": ["happened", "happens", "happening"],
    "lay": ["laid", "lays", "laying"],
    "spar": ["sparred", "spars", "sparring"],
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



# --- the checker's cue tables -------------------------------------------------
#
# Verb cues by class. The class decides what the subject must be and where
# the content is:
#   speech    says something: content is the clause or object after the verb,
#             or the text before ", SOURCE said"; any subject.
#   thought   believes, knows, wants, plans: a person or organization must be
#             the subject (a name, he/she/they, officials, the campaign ...).
#   evidence  documents and findings (show, find, suggest, indicate): the
#             subject must be a source (a name, a person, a poll, a report),
#             so that "the growth suggests" stays the reporter's inference.
#   object    speech acts aimed at a person or thing ("praised its
#             resilience", "criticized the plan", "accused X of Y"): content
#             is the object; any subject.

SPEECH_VERBS = """
say tell state add announce acknowledge admit emphasize emphasise stress highlight warn claim insist
argue assert report explain confirm deny declare mention observe remark write testify allege
contend maintain concede recall reply respond answer comment disclose affirm assure tweet post
caution complain boast vow promise pledge urge ask inform remind notify advise
reiterate repeat recount joke quip shout chant scream exclaim yell cry whisper muse lament
counter retort rebut hint imply speculate theorize guarantee swear pronounce proclaim concur
agree disagree point_out underline underscore acknowledge brag grumble gripe fret protest
opine surmise email text propose recommend demand note describe characterize encourage invite
implore beg instruct signal posit retweet reaffirm stipulate convey outline detail recommend
intimate recite continue interject
""".split()

THOUGHT_VERBS = set("""
believe think expect hope fear worry doubt know feel want wish plan intend consider suspect
assume imagine guess suppose wonder understand realize recognize see view regard hold
seek aim try decide prefer trust learn offer refuse decline threaten remember
admire resent fathom hear
""".split())

EVIDENCE_VERBS = """
show find suggest indicate reveal conclude estimate confirm determine project predict report
document establish rule
""".split()

# verbs that report only with a content clause ("maintained that ...", "found that ..."),
# not with a plain object ("maintained its lead", "found ways")
NEEDS_CLAUSE = set("""
maintain hold find see know learn feel understand realize recognize decide consider determine
establish add post document project show reveal observe recall answer respond reply explain
write read state agree recount repeat offer continue identify fathom hear
""".split())

OBJECT_VERBS = """
praise criticize criticise accuse blame call describe dismiss reject welcome condemn denounce decry
slam blast attack mock defend endorse question dispute deride ridicule applaud hail credit label
brand tout champion lambaste chide fault challenge support oppose contradict charge thank cite
reference promote downplay decry tout denigrate disparage belittle malign insult demean vilify
excoriate berate scold rebuke castigate ridicule taunt knock express voice
portray bemoan assail advocate liken echo discuss quote dub congratulate articulate rebuff disavow
identify lambast bash
invoke justify deem
compliment grill rip pooh-pooh link
""".split()

# verbs whose first object is the addressee: "told reporters that ..."
ADDRESSEE_VERBS = {"tell", "assure", "inform", "remind", "notify", "advise", "warn", "ask", "urge",
                   "promise", "email", "text", "teach", "convince", "persuade", "write"}

# forms that are as often nouns: accepted as verbs only with a verb context
NOUNISH = {
    "state", "states", "report", "reports", "claim", "claims", "note", "notes", "post", "posts", "show",
    "shows", "call", "calls", "question", "questions", "answer", "answers", "comment", "comments",
    "estimate", "estimates", "charge", "charges", "attack", "attacks", "order", "orders", "demand",
    "demands", "promise", "promises", "pledge", "pledges", "vow", "vows", "hope", "hopes", "fear",
    "fears", "doubt", "doubts", "plan", "plans", "view", "views", "wish", "wishes", "reply", "replies",
    "support", "supports", "blast", "slam", "record", "concern", "praise", "credit", "label", "brand",
    "forecast", "project", "projects", "text", "email", "tweet", "tweets", "chant", "chants", "counter",
    "shout", "cry", "challenge", "hint", "hints", "joke", "jokes", "warning", "offer", "find", "finds",
    "point", "points", "hold", "holds", "see", "feel", "will", "stress", "suit", "guarantee",
    "protest", "protests", "mock", "defend", "review", "release", "read", "reads", "add", "adds",
    "thank", "thanks", "trust", "aim", "aims", "try", "tries", "learn",
}

# nouns that head a content clause: "his claim that ...", "reports that ..."
NOUN_CUES = set("""
claim claims statement statements assertion assertions allegation allegations accusation accusations
belief beliefs view views argument arguments suggestion suggestions insistence promise promises pledge
pledges warning warnings charge charges report reports rumor rumors rumour rumours notion contention
announcement admission acknowledgment acknowledgement denial denials prediction predictions fear fears
hope hopes concern concerns complaint complaints remark remarks comment comments testimony finding
findings conclusion conclusions speculation theory theories position assurance assurances message
suspicion suspicions estimate estimates forecast projection assessment insinuation implication
impression opinion explanation recollection account accounts vow vows threat threats boast
confirmation indication indications sense feeling expectation expectations word news idea
""".split())

# nouns for the source of a finding (subjects of evidence verbs) and for people
DOCUMENT_NOUNS = set("""
poll polls survey surveys study studies report reports data analysis analyses research review reviews
investigation investigations audit audits records record documents document figures numbers statistics
estimates census tally count results findings inquiry inquiries probe probes assessment memo memos letter letters filing filings complaint lawsuit
indictment ruling article articles story stories book books video videos footage emails email test tests
model models forecast forecasts projections statement statements release releases website site page
transcript transcripts tweet tweets post posts paper papers journal newspaper magazine network outlet
agency agencies court courts judge panel committee commission board office department ministry
report's evidence testimony search searches exit polling experts expert aggregate average averages
bill bills law laws rule rules text sign ad ads advertisement commercial platform resolution proposal
policy suit affidavit motion brief petition verdict guidance guidelines manual account feed spot
sources email poster banner speech remarks interview letter documents cable cables message messages
analysis estimate projection calculations modeling simulation biography memoir op-ed editorial
column columns headline headlines caption comment comments words testimony op-ed oped essay
slide slides chart charts graph graphs image images photo disclosure disclosures
photos picture pictures clip clips files recording recordings tape tapes map maps table tables figure
graphic graphics screenshot screenshots ruling rulings order orders filing vote votes tally
""".split())

PERSON_NOUNS = set("""
official officials spokesman spokeswoman spokesperson spokespeople representative representatives
aide aides adviser advisers advisor advisors staffer staffers source sources people person voters voter
supporters supporter critics critic opponents opponent analysts analyst experts expert economists
economist observers observer residents resident americans democrats republicans democrat republican
leaders leader lawmakers lawmaker legislators legislator members member candidates candidate nominee
president senator governor mayor secretary minister chairman chairwoman chair director manager
executive executives ceo founder campaign campaigns administration government governments officials'
party parties group groups organization organizations company companies firm firms police officers
officer authorities investigators investigator prosecutors prosecutor lawyer lawyers attorney attorneys
activists activist protesters protester demonstrators students teachers parents workers union unions
scientists researchers researcher doctors doctor historians historian pollster pollsters strategist
strategists operative operatives insiders insider donors donor fans backers backer allies ally
colleagues colleague friends friend family relatives neighbors witnesses witness victims victim
women men woman man residents citizens citizen conservatives liberals progressives evangelicals
veterans congressman congresswoman congressmen senators governors mayors ministers diplomats diplomat
military army pentagon white house kremlin ambassador envoy commander general generals soldiers
businessman businessmen billionaire mogul host hosts anchor reporter reporters journalist journalists
columnist editor editors writer writers author authors commentator commentators pundit pundits
clinton trump majority most many some few others everyone anyone nobody someone several both all
team staff spokesmen spokeswomen chief head heads he she they we i you who
house senate congress court state states city county country nation u.s. america washington
moscow beijing kremlin fbi cia nato un eu gop dnc rnc people campaign's clinton's trump's
coalition alliance association council caucus network station newspaper times post journal
leadership spokesperson manager chairman's aide's senators' democrats' republicans'
officials' voters' critics' them him her us me one someone anybody somebody everybody
scholars historians farmers growers nurses teachers judges justices economists scientists advocates
immigrants refugees children kids teens seniors youth millennials christians muslims jews catholics
latinos hispanics blacks whites employees owners landlords tenants neighbors neighbours families
moderates independents centrists socialists libertarians nationalists populists lawmakers' aides'
dems
institute institutes foundation foundations bureau bureaus federation corporation corp chamber charity
charities society university universities college hospital church watchdog watchdogs regulator regulators
authority navy imf opec ministry ministries faction factions side sides givers giver front-runner frontrunner
contender contenders
some many most others few none neither everyone anyone all both each several
judge justice senator governor mayor minister president chairman candidate nominee
""".split())

# institutions named by words that are as often verbs ("to fund", "bank on"): sources only as
# the head of a subject
ORG_NOUNS = {"fund", "funds", "bank", "banks", "center", "centre", "league", "club", "service", "tank", "union"}

# definite descriptions of a person already named: "the Russian leader"
ROLE_NOUNS = set("""
leader president candidate nominee senator governor secretary businessman billionaire mogul
congressman congresswoman lawmaker mayor spokesman spokeswoman chairman chairwoman director
minister premier chancellor ambassador official executive ceo founder host star actor actress
singer rapper general commander judge justice speaker former frontrunner front-runner contender
challenger incumbent republican democrat politician statesman diplomat prosecutor attorney lawyer
""".split())

# titles dropped from a name: "President Vladimir Putin" -> "Vladimir Putin"
TITLES = set("""
president vice sen senator rep representative gov governor mayor secretary mr mrs ms miss dr prof
professor gen general lt col colonel maj major capt captain adm admiral sgt judge justice chief
chairman chairwoman speaker minister prime premier chancellor king queen prince princess pope
attorney ambassador commissioner director leader candidate nominee former sheriff pastor rev
reverend father sister brother sir dame lord lady state-run u.s. us russian american democratic
republican presidential gop house senate white federal department acting deputy assistant
councilman councilwoman councilmember alderman assemblyman assemblywoman
""".split())

HEDGES = {"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly"}

# passives that report: "is expected to", "was accused of", "is said to", "was told that"
PASSIVE_CUES = set("""
expect believe think say report allege accuse describe call estimate project predict rumor suspect
tell ask quote see view regard consider criticize praise blame credit charge label brand deem fear
know understand urge warn advise inform promise assure cite announce confirm claim deny dismiss
reject condemn question challenge consider rate rank poll survey forecast show
""".split())

# speech verbs that take any subject ("the bill says", "it said"); the others need a
# source for a subject: a person, organization, document, name or pronoun
CORE_SPEECH = set("""
say tell add write announce claim argue insist acknowledge admit note explain warn report confirm
deny state declare assert contend maintain testify tweet post reply respond recall describe
""".split())

# thought verbs that report only with an infinitive or clause: "sought to", "decided that"
NEEDS_TO = {"seek", "aim", "try", "decide", "wish", "intend", "plan", "prefer", "hope", "offer", "refuse", "decline",
            "threaten"}

# object verbs whose subject must still be a source ("the move supports ..." is no report)
WEAK_OBJECT = {"support", "oppose", "challenge", "charge", "credit", "question", "defend", "attack", "mock",
               "brand", "label", "champion", "promote", "downplay", "reference", "contradict", "fault", "thank"}

SUBJECT_PRONOUNS = {"he", "she", "they", "i", "we", "you", "it"}
PERSON_PRONOUNS = {"he", "she", "they", "i", "we", "you"}

DETERMINERS = set("""
a an the this that these those his her their its our my your no any every each some such whose
another other either neither which what
""".split())

PREPOSITIONS = set("""
of in on at for from with about into onto over under than by against among between through during
without within upon toward towards across behind beyond despite like near off per via amid amidst
""".split())

AUXILIARIES = set("""
has have had having also will would could should may might must can did does do not n't never
repeatedly previously later then again often once long already recently frequently publicly
privately explicitly specifically even still further just first last earlier subsequently quickly
finally reportedly allegedly openly flatly bluntly angrily loudly quietly simply clearly firmly
strongly directly initially originally now since is are was were be been being ever falsely
correctly rightly wrongly repeatedly routinely consistently widely largely immediately swiftly
""".split())
BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "am"}

# words after a verb that keep "..., X said" a trailing cue (adverbials, not content)
ADVERBIAL_START = set("""
in on at during to with from after before while when as via through last this earlier later today
yesterday tonight monday tuesday wednesday thursday friday saturday sunday recently afterward
afterwards again also shortly about of
""".split())

CLAUSE_BREAKS = {"but", "although", "though", "while", "whereas", "yet", "however", "because"}

# verbs that report with a preposition: "called for a moratorium", "railed against",
# "spoke about", "believe in". The content is what follows the preposition.
PHRASAL_CUES: dict[str, set[str]] = {
    "call": {"for", "on"}, "rail": {"against"}, "speak": {"about", "of", "out", "against"},
    "talk": {"about"}, "push": {"for"}, "point": {"to", "out"}, "refer": {"to"},
    "warn": {"of", "about", "against"}, "complain": {"about", "of"}, "argue": {"for", "against"},
    "ask": {"about", "for"}, "comment": {"on"}, "believe": {"in"}, "write": {"about", "of"},
    "lash": {"out"}, "chalk": {"up"}, "lie": {"about"}, "hit": {"back", "out"}, "weigh": {"in"}, "advocate": {"for"}, "campaign": {"for", "against"},
    "testify": {"about", "that"}, "brag": {"about"}, "boast": {"about", "of"}, "joke": {"about"},
    "apologize": {"for"}, "apologise": {"for"}, "vote": {"for", "against"}, "insist": {"on"},
    "allude": {"to"}, "object": {"to"}, "elaborate": {"on"}, "reflect": {"on"}, "focus": {"on"},
    "dwell": {"on"}, "harp": {"on"}, "worry": {"about"}, "care": {"about"}, "think": {"about", "of"},
    "know": {"about", "of"}, "hear": {"about", "of", "from"}, "learn": {"about", "of"}, "agree": {"with", "on", "to"},
    "disagree": {"with"}, "respond": {"to"}, "reply": {"to"}, "react": {"to"}, "go": {"after"},
    "cite": set(), "plead": {"for"}, "appeal": {"for"},
    "press": {"for"}, "side": {"with"}, "balk": {"at"}, "spar": {"with", "over"}, "single": {"out"},
    "brush": {"off", "aside"}, "lay": {"out"}, "opt": {"for"}, "distance": {"from"},
    "express": set(), "voice": set(), "rally": {"behind", "against", "for"}, "lobby": {"for", "against"},
}
PHRASAL_FORMS: dict[str, str] = {}
for _lemma in PHRASAL_CUES:
    for _form in inflections(_lemma):
        PHRASAL_FORMS.setdefault(_form, _lemma)
# adjectives that report a state of mind: "Many Democrats are afraid that ..."
ADJ_CUES = set("""
afraid worried concerned confident convinced sure certain hopeful optimistic pessimistic skeptical
sceptical aware adamant unsure uncertain glad happy proud angry upset disappointed frustrated
fearful doubtful insistent determined eager anxious nervous alarmed furious outraged thrilled
delighted pleased grateful thankful sorry unhappy unconvinced persuaded satisfied dissatisfied
troubled bothered disturbed offended dismayed appalled shocked surprised encouraged heartened
supportive wary reluctant outspoken hesitant incensed angered irate livid indignant
""".split())
# adjectives that report an intention with an infinitive: "is reluctant to endorse ..."
ADJ_TO = {"reluctant", "eager", "hesitant"}
WH_WORDS = {"how", "why", "what", "whether", "if", "when", "where", "who", "which", "whom", "whose"}


def _forms(lemmas) -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma in lemmas:
        base = lemma.replace("_", " ")
        if " " in base:
            continue
        for form in inflections(base):
            out.setdefault(form, lemma)
    return out


# form -> (lemma, class); the first class listed for a form wins
CUE_FORMS: dict[str, tuple[str, str]] = {}
for _cls, _lemmas in (("speech", SPEECH_VERBS), ("object", OBJECT_VERBS), ("evidence", EVIDENCE_VERBS),
                      ("thought", sorted(THOUGHT_VERBS))):
    for _form, _lemma in _forms(_lemmas).items():
        CUE_FORMS.setdefault(_form, (_lemma, _cls))


def cue_verb(word: str) -> tuple[str, str] | None:
    """(lemma, class) of a verb cue form, or None."""
    return CUE_FORMS.get(word.lower())
