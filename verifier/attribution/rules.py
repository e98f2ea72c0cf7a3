"""The frame rules of the attribution engine, by id, each a general statement of
English, and the order in which they are tried.

Every Frame names the rule that made it (`Frame.rule`), and every attributed
Verdict's first reason starts with that id in brackets, so a reader of
`verifier check --explain` can look the rule up here and in the tests
(tests/test_engine_rules.py holds sentences for each id).

Three scopes:

- **cue rules** fire on one token of a sentence (a reporting verb, a noun
  heading a content clause, "according to", a hedge). At one token they are
  tried in `CUE_RULES` order and the first that makes a frame wins; the
  builder decides the frame's shape (`verb.subject`, `verb.trailing`, ...);
- **sentence rules** look at a sentence as a whole (a colon after a name, a
  finding "In a poll released Monday, ...");
- **document rules** run after every sentence has its frames: quotations
  extend content and give uncued quoted sentences a speaker.

How overlapping frames are resolved is verifier/attribution/arbiter.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    scope: str  # "cue", "sentence" or "document"
    statement: str  # the rule as a statement of English
    example: str  # a sentence of this project's own, the content in [brackets]


RULES: tuple[Rule, ...] = (
    Rule("according-to", "cue", "'according to SOURCE' attributes the clause it is attached to, before or after it",
         "According to the port authority, [the cranes will be replaced by May]."),
    Rule("viewpoint", "cue", "'in X's view', 'by X's own account', 'in the words of X' name the source of the clause "
         "they are attached to, as 'according to' does", "In the harbour master's view, [the channel is too shallow]."),
    Rule("hedge", "cue", "a hedging adverb ('reportedly', 'allegedly') attributes its clause to an unnamed source",
         "[The mill reportedly closed its second line]."),
    Rule("verb.subject", "cue", "a reporting verb after its subject attributes its clause or object to the subject",
         "The harbour master said [the channel is clear]."),
    Rule("verb.coordinated", "cue", "a reporting verb coordinated with an earlier verb shares that verb's subject",
         "Ms. Aldana signed the lease but said [she would move in June]."),
    Rule("verb.trailing", "cue", "a subject and reporting verb after the content, set off by a comma, attribute it",
         "[The ferry will run hourly], the operator said."),
    Rule("verb.inverted", "cue", "a reporting verb before its subject, after the content, attributes it",
         "[The ferry will run hourly], said the operator."),
    Rule("verb.colon", "cue", "a reporting verb closed by a colon attributes what follows, to the end of the paragraph",
         "The mayor added: the fountain stays. [It was built in 1910 and will be restored.]"),
    Rule("participle", "cue", "a participle or infinitive of a reporting verb takes the subject of its clause as source",
         "The union met on Friday, announcing [that the strike is over]."),
    Rule("reduced-relative", "cue", "a speech participle after a document noun (a short time or place phrase may part"
         " them) is what that document says, and the document is its issuer's or its possessor's",
         "The board sent a letter to parents on Monday saying [the fees would rise]."),
    Rule("passive", "cue", "a passive reporting verb attributes its clause, with the agent when one is named",
         "The tunnel is expected [to open next year]."),
    Rule("as-by", "cue", "'as' opening its clause with a cue's past participle and 'by AGENT', set off by a comma, "
         "attributes the clause after the comma to the agent", "As reported by the Harbor Times, [the pier will close in May]."),
    Rule("nominal", "cue", "a noun of saying or believing followed by 'that', or by 'is/was that' as "
         "its subject, heads a content clause",
         "Her claim that [the bridge was unsafe] was rejected."),
    Rule("state-of-mind", "cue", "an adjective of feeling or belief with a clause reports the subject's mind",
         "The growers are worried that [the frost will return]."),
    Rule("view-appositive", "cue", "'a view SOURCE VERB' after a comma attributes the appositive to that source",
         "The talks will resume, [a view the ministry disputed]."),
    Rule("document-finding", "sentence", "'In a POLL/STUDY/REPORT ..., CLAUSE' makes the finding the document's",
         "In a survey released Monday, [most tenants backed the plan]."),
    Rule("colon-speaker", "sentence", "a name and a colon at the start of a paragraph open that person's words",
         "Okafor: [We will not sell the land.]"),
    Rule("quote.neighbour", "document", "a quoted sentence with no cue belongs to the speaker of the quotation next to it",
         "\u201cWe are ready,\u201d the coach said. [\u201cThe team has trained all winter.\u201d]"),
    Rule("quote.dash-speaker", "document", "a quotation signed with a dash and a name is that person's",
         "[\u201cNo one rebuilt the pier.\u201d] \u2014 Lena Ortiz"),
    Rule("quote.colon-intro", "document", "a quotation after a colon belongs to the subject before the colon",
         "The mayor put it simply: [\u201cWe sail at dawn.\u201d]"),
    Rule("quote.no-cue", "document", "a sentence in quotation marks is someone's words even when no source is near",
         "[\u201cThe river always wins.\u201d]"),
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
