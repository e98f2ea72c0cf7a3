"""Rules of the attribution engine, each stated as a general pattern of
English and pinned by sentences of different shapes written for this project."""

from __future__ import annotations

import pytest

from verifier import attribute


def verdict(text: str, span: str):
    a = text.index(span)
    return attribute(text, [(a, a + len(span))])[0]


# every inflected form of a cue verb is a cue (lemminflect, not hand rules: "agreeing", not "agreing")
@pytest.mark.parametrize("text, span, speaker", [
    ("The two parties are agreeing that the border will stay open.", "the border will stay open", "The two parties"),
    ("The bank kept guaranteeing that deposits were safe.", "deposits were safe", "The bank"),
    ("Most economists reckoned the recession would be short.", "the recession would be short", "Most economists"),
    ("The panel concurred that the test was flawed.", "the test was flawed", "The panel"),
])
def test_every_inflection_of_a_cue_verb_is_a_cue(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# lower-case particles inside a name join its parts
@pytest.mark.parametrize("text, span, speaker", [
    ("Anna van der Berg said the vote was rigged.", "the vote was rigged", "Anna van der Berg"),
    ("The vote was rigged, said Pieter de Vries.", "The vote was rigged", "Pieter de Vries"),
    ("“The camp was empty,” Karim bin Saleh told the court.", "The camp was empty", "Karim bin Saleh"),
])
def test_name_particles_belong_to_the_name(text, span, speaker):
    assert verdict(text, span).speaker == speaker


# a subject pronoun with no source nearby refers to the subject of the nearest sentence naming
# people, skipping a name whose title says the other sex
@pytest.mark.parametrize("text, span, speaker", [
    ("Maria Lopez met the mayor, Tom Reed, on Monday. She said the budget was short by $2 million.",
     "the budget was short by $2 million", "Maria Lopez"),
    ("Dana Whitfield interviewed the coach, Ray Munro, after the game. She said the team had lost its nerve.",
     "the team had lost its nerve", "Dana Whitfield"),
    ("Mr. Alan Pike sat beside Ms. Joan Reyes on the panel. She said the rules were unfair.",
     "the rules were unfair", "Joan Reyes"),
    ("Mr. Alan Pike sat beside Ms. Joan Reyes on the panel. He said the rules were fair.",
     "the rules were fair", "Alan Pike"),
])
def test_pronoun_takes_the_previous_subject_of_its_gender(text, span, speaker):
    assert verdict(text, span).speaker == speaker


# a surname alone is a person when its title gives its sex ("Ms. Ortiz"): a pronoun of that sex
# refers to it; one of the other sex does not
@pytest.mark.parametrize("text, span, speaker", [
    ("Ms. Ortiz has run the bakery for a decade, but she's sure the new rent will close it.",
     "the new rent will close it", "Ortiz"),
    ("Mr. Reed met Ms. Ortiz at the bakery. He told reporters the lease would end in May.",
     "the lease would end in May", "Reed"),
    ("Mrs. Alvarez opened the clinic in 2019. She believes the ward is too small for the town.",
     "the ward is too small for the town", "Alvarez"),
    ("Ms. Ortiz met the new landlord on Friday. He said the lease would end in May.",
     "the lease would end in May", "He"),
])
def test_a_titled_surname_is_a_person_a_pronoun_of_its_sex_can_refer_to(text, span, speaker):
    assert verdict(text, span).speaker == speaker


# the subject of a participle's clause ends at its own finite verb
@pytest.mark.parametrize("text, span, speaker", [
    ("The minister spoke on Friday, announcing that taxes would fall.", "taxes would fall", "The minister"),
    ("The company met investors in March, promising that dividends would rise.", "dividends would rise",
     "The company"),
    ("Senator Kay Fenn flew to Denver on Monday, saying the plant would stay open.", "the plant would stay open",
     "Kay Fenn"),
])
def test_participle_subject_stops_at_the_finite_verb(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a clause before a trailing cue is its content however short, and a leading conjunction is not an opener
@pytest.mark.parametrize("text, span, speaker", [
    ("He left, police said.", "He left", "police"),
    ("But the delay helps the mayor, aides said.", "the delay helps the mayor", "aides"),
    ("And prices rose, the report found.", "prices rose", "the report"),
    ("She resigned, two aides confirmed on Sunday.", "She resigned", "two aides"),
])
def test_short_clause_before_a_trailing_cue_is_content(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


def test_an_opening_adverbial_is_not_content_of_the_cue_after_it():
    text = "In July, the council said the plan was dead."
    assert verdict(text, "the plan was dead").label == "attributed"
    assert verdict(text, "In July").label == "asserted"


# a name and a colon open that speaker's words; a section label or a data line does not
@pytest.mark.parametrize("text, span", [
    ("TRANSPORT: Buses will run every ten minutes from June.", "Buses will run every ten minutes from June"),
    ("Nikkei: UP 0.4 percent at 38,000 points on Friday.", "UP 0.4 percent at 38,000 points on Friday"),
    ("Turnout: 62 percent of registered voters, the highest since 1992.", "62 percent of registered voters"),
    ("WEATHER: Heavy rain is due across the north on Sunday.", "Heavy rain is due across the north on Sunday"),
    # a credit line names who worked on the story, not whose words follow
    ("The ferry sank in calm water.\n\nContributing: Ana Ruiz and Tom Reed in Port Ellis.",
     "Ana Ruiz and Tom Reed in Port Ellis"),
    ("Contributors: Lena Ortiz, Sam Bell and the Ashford bureau.", "Lena Ortiz, Sam Bell and the Ashford bureau"),
])
def test_labels_and_data_lines_are_not_speakers(text, span):
    assert verdict(text, span).label == "asserted"


@pytest.mark.parametrize("text, span, speaker", [
    ("Jake Tapper interviewed Senator Jerry Moran.\n\nTAPPER: Will you cut the school budget this year?\n\n"
     "MORAN: We will not cut a single teacher.", "We will not cut a single teacher", "Jerry Moran"),
    ("Host Lena Diaz opened the show.\n\nDIAZ: The port reopened today after a week of strikes.",
     "The port reopened today after a week of strikes", "Lena Diaz"),
    ("Reid: Never underestimate the voters of this state.", "Never underestimate the voters of this state", "Reid"),
])
def test_a_named_speaker_before_a_colon_owns_the_paragraph(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a refusal with an infinitive that is no cue reports an act in the article's own voice
@pytest.mark.parametrize("text, span, label", [
    ("The mayor refused to take questions after the meeting.", "The mayor refused to take questions", "asserted"),
    ("Two ministers declined to attend the summit in Oslo.", "declined to attend the summit in Oslo", "asserted"),
    ("The club has refused to pay the fine.", "The club has refused to pay the fine", "asserted"),
    ("The agency declined to confirm that the files were stolen.", "the files were stolen", "attributed"),
])
def test_refusing_an_act_is_not_a_report(text, span, label):
    assert verdict(text, span).label == label


# a decision on a thing is the article's report of an act; on something said, it reports a view
@pytest.mark.parametrize("text, span, label", [
    ("The council rejected the plan on Tuesday.", "The council rejected the plan on Tuesday", "asserted"),
    ("A judge dismissed the lawsuit in March.", "A judge dismissed the lawsuit in March", "asserted"),
    ("The club dismissed its coach after a run of defeats.", "dismissed its coach", "asserted"),
    ("The agency rejected that criticism as unfounded.", "that criticism as unfounded", "attributed"),
    ("The minister dismissed claims that the port was unsafe.", "the port was unsafe", "attributed"),
])
def test_rejecting_a_thing_is_not_a_report(text, span, label):
    assert verdict(text, span).label == label


@pytest.mark.parametrize("text, span, speaker", [
    ("Mayor Ruiz had one message for the crew: “We sail at dawn.”", "“We sail at dawn.”", "Ruiz"),
    ("Residents of the valley had a simple demand: “Fix the road before winter.”",
     "“Fix the road before winter.”", "Residents of the valley"),
    ("The statement from the union ended with a pledge: “We will not give up the yard.”",
     "“We will not give up the yard.”", "The statement from the union"),
])
def test_a_quotation_after_a_colon_is_the_words_of_the_subject_before_it(text, span, speaker):
    v = verdict(text, span)
    assert v.label == "attributed" and v.speaker == speaker and v.reasons[0].startswith("[quote.colon-intro]")


@pytest.mark.parametrize("text, span", [
    ("The rules are clear: “No dogs on the beach after noon.”", "“No dogs on the beach after noon.”"),
    ("The answer on the old pier was painted in red: “Keep out of the water.”", "“Keep out of the water.”"),
])
def test_a_colon_after_no_source_names_no_speaker(text, span):
    assert verdict(text, span).speaker is None


# a noun heading a content clause as the sentence's subject: its clause ends at the sentence's own verb
@pytest.mark.parametrize("text, content, predicate", [
    ("The mayor’s claim that the bridge was safe is hard to believe.", "the bridge was safe", "is hard to believe"),
    ("Her warning that prices would rise reflects a wider fear.", "prices would rise", "reflects a wider fear"),
    ("In March, the union’s argument that the plant had been neglected for years has gained support.",
     "the plant had been neglected for years", "has gained support"),
    ("The claim that the river will flood again this spring may prove right.",
     "the river will flood again this spring", "may prove right"),
])
def test_a_content_clause_of_the_subject_ends_at_the_main_verb(text, content, predicate):
    assert verdict(text, content).label == "attributed"
    assert verdict(text, predicate).label == "asserted"


def test_a_content_clause_after_the_main_verb_runs_on():
    text = "Officials rejected her claim that the bridge was safe and would stay open."
    assert verdict(text, "the bridge was safe and would stay open").label == "attributed"


# a hedge covers its clause, not what the article adds around it in its own voice
@pytest.mark.parametrize("text, span, label", [
    ("Her cousin, who was never charged, has reportedly moved abroad.", "who was never charged", "asserted"),
    ("Her cousin, who was never charged, has reportedly moved abroad.", "has reportedly moved abroad", "attributed"),
    ("The firm, whose founder lives in Oslo, is allegedly preparing a bid.", "whose founder lives in Oslo", "asserted"),
    ("Investors have reportedly bought two of the mills, which stand beside the canal.",
     "which stand beside the canal", "asserted"),
    ("Investors have reportedly bought two of the mills, which stand beside the canal.",
     "Investors have reportedly bought two of the mills", "attributed"),
    ("The band allegedly cancelled the tour, though its tickets had sold out.", "though its tickets had sold out",
     "asserted"),
    ("The ferry that sank in May was reportedly overloaded.", "The ferry that sank in May was reportedly overloaded",
     "attributed"),
])
def test_a_hedge_leaves_out_the_articles_own_relative_and_contrast(text, span, label):
    assert verdict(text, span).label == label


# a subject set off from its verb by an appositive: the appositive may name it or say how it spoke
@pytest.mark.parametrize("text, span, speaker", [
    ("One of them, retired banker Simon Pritchard, testified that the board had never seen the contracts.",
     "the board had never seen the contracts", "Simon Pritchard"),
    ("Its chief executive, Priya Natarajan, said the merger would close in May.", "the merger would close in May",
     "Priya Natarajan"),
    ("One of the divers, Ana Ortiz of the coast guard, said the hull was intact.", "the hull was intact", "Ana Ortiz"),
    ("A senior official at the ministry, speaking on condition of anonymity, said the target was out of reach.",
     "the target was out of reach", "A senior official at the ministry"),
    ("The agency, which Ruiz founded in 2001, said the fees would rise.", "the fees would rise", "The agency"),
])
def test_an_appositive_between_subject_and_verb(text, span, speaker):
    v = verdict(text, span)
    assert v.label == "attributed" and v.speaker == speaker


# ", which said ...": a relative pronoun before a past form is its subject, not a determiner
@pytest.mark.parametrize("text, span, speaker", [
    ("The footage contradicts the company’s first account, which said the cyclist had swerved.",
     "the cyclist had swerved", "the company’s first account"),
    ("The court cited an earlier ruling, which found that the tax was lawful.", "the tax was lawful",
     "an earlier ruling"),
    ("Staff received a memo from the board, which warned that the wing would close.", "the wing would close",
     "the board"),
])
def test_which_before_a_past_reporting_verb_is_its_subject(text, span, speaker):
    v = verdict(text, span)
    # the speaker is the antecedent; how much of its noun phrase it keeps is the speaker pass's
    assert v.label == "attributed" and v.speaker.split()[-1] == speaker.split()[-1]


def test_which_before_a_noun_is_a_determiner():
    assert verdict("Which report did the council read first?", "Which report did the council read first").label \
        == "asserted"


# an organisation can think, plan and hope: thought verbs take it as subject (lexicon org_nouns)
ORGANISATIONS = [
    ("The health department plans to open clinics in ten schools.", "to open clinics in ten schools", "department"),
    ("The agency believes the leak was small.", "the leak was small", "agency"),
    ("The board hopes the sale will close in June.", "the sale will close in June", "board"),
    ("The commission fears the rules came too late.", "the rules came too late", "commission"),
    ("The committee suspects the figures were wrong.", "the figures were wrong", "committee"),
    ("The department expects the bridge to reopen soon.", "the bridge to reopen soon", "department"),
    ("The office believes the files were lost in transit.", "the files were lost in transit", "office"),
    ("The panel thinks the drug is safe.", "the drug is safe", "panel"),
]


@pytest.mark.parametrize("text, span, entry", ORGANISATIONS)
def test_an_organisation_is_a_thinking_subject(text, span, entry):
    v = verdict(text, span)
    assert v.label == "attributed" and v.speaker.startswith("The ")


# a document can find and show: evidence verbs take it as subject (lexicon document_nouns)
@pytest.mark.parametrize("text, span", [
    ("A 2021 evaluation of the ferry service found that most trips ran late.", "most trips ran late"),
    ("The evaluation published in May shows that the scheme cut waiting times.", "the scheme cut waiting times"),
])
def test_an_evaluation_finds(text, span):
    assert verdict(text, span).label == "attributed"


# a verb that reports a clause or an infinitive ('offer', 'agree', 'decide'): "to" and a verb is its content
@pytest.mark.parametrize("text, span, label", [
    ("A group of parents has offered to run the library with volunteers.", "to run the library with volunteers",
     "attributed"),
    ("The owners agreed to repair the roof before winter.", "to repair the roof before winter", "attributed"),
    ("The council decided to close the pool in August.", "to close the pool in August", "attributed"),
    ("The landlord agreed to the terms on Monday.", "The landlord agreed to the terms on Monday", "asserted"),
    ("The shop offered a discount to students.", "The shop offered a discount to students", "asserted"),
])
def test_an_infinitive_is_the_content_of_offer_agree_decide(text, span, label):
    assert verdict(text, span).label == label


# viewpoint: 'in X's view', 'by X's own account', 'in the words of X' name the source of the clause
# they are attached to, opening it, closing it or between commas inside it (viewpoints in the lexicon)
@pytest.mark.parametrize("text, span, speaker", [
    ("In the harbour master's view, the channel is too shallow.", "the channel is too shallow", "the harbour master"),
    ("The treaty, in the minister's opinion, is dead.", "is dead", "the minister"),
    ("The repairs will cost $4 million, by the mayor's reckoning.", "The repairs will cost $4 million", "the mayor"),
    ("In the words of the harbour master, the channel is a death trap.", "the channel is a death trap",
     "the harbour master"),
    ("In the eyes of most growers, the levy was a tax on rain.", "the levy was a tax on rain", "most growers"),
    ("Lena Ortiz ran the yard for a decade. By her own account, it never made money.", "it never made money",
     "Lena Ortiz"),
    ("Tom Reed chairs the board. The plan, by his own admission, came too late.", "came too late", "Tom Reed"),
    ("Ana Ruiz spoke last. To her mind, the plan was flawed from the start.", "the plan was flawed from the start",
     "Ana Ruiz"),
    ("The pier is, in the council's estimation, beyond repair.", "beyond repair", "the council"),
    ("General Ida Moss said the war was lost. In her mind, it had been over for months.",
     "it had been over for months", "Ida Moss"),
    ("The generals said the war was lost. In their minds, it had been over for months.",
     "it had been over for months", "The generals"),
])
def test_a_viewpoint_phrase_names_the_source_of_its_clause(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)
    assert v.reasons[0].startswith("[viewpoint]")


@pytest.mark.parametrize("text, span", [
    ("In my view, the treaty is dead.", "the treaty is dead"),  # the writer's own view
    ("She has a plan in mind for the port.", "She has a plan in mind for the port"),
    ("Her view of the harbour from the hill was lovely.", "Her view of the harbour from the hill was lovely"),
    ("The eyes of the nation were on the court.", "The eyes of the nation were on the court"),
])
def test_a_viewpoint_noun_outside_a_viewpoint_phrase_names_no_source(text, span):
    assert verdict(text, span).label == "asserted"


# a name that only modifies the head of a description ("The Green Alliance leader") is not the
# speaker's name: the name in the appositive after it is
@pytest.mark.parametrize("text, span, speaker", [
    ("The Green Alliance leader, Tomas Reuter, said his party would abstain.", "his party would abstain",
     "Tomas Reuter"),
    ("A Toyota spokeswoman, Mei Tanaka, said the plant would reopen on Monday.", "the plant would reopen on Monday",
     "Mei Tanaka"),
    ("The Senate Finance Committee chairman, Ron Wyden, said the bill was dead.", "the bill was dead", "Ron Wyden"),
    ("Tomas Reuter, the Green Alliance leader, said his party would vote no.", "his party would vote no",
     "Tomas Reuter"),
])
def test_the_name_in_an_appositive_names_a_description_with_a_name_modifier(text, span, speaker):
    assert verdict(text, span).speaker == speaker


# state of mind after a pronoun contracted with its copula ("she's", "they're") as after "she is"
@pytest.mark.parametrize("text, span, speaker, cue", [
    ("She's confident the bill will pass.", "the bill will pass", "She", "'s confident"),
    ("Tom Reed chairs the board. He's certain the vote was rigged.", "the vote was rigged", "Tom Reed",
     "'s certain"),
    ("Ms. Ana Ortiz is out of town, but she’s sure the pier will hold.", "the pier will hold", "Ana Ortiz",
     "’s sure"),
    ("They're afraid that the plant will close.", "the plant will close", "They", "'re afraid"),
])
def test_a_state_of_mind_after_a_contracted_copula(text, span, speaker, cue):
    v = verdict(text, span)
    assert (v.label, v.speaker, v.cue) == ("attributed", speaker, cue)


def test_a_contracted_it_is_no_state_of_mind():
    assert verdict("It's clear that the plan failed.", "the plan failed").label == "asserted"


# a title in quotation marks after a possessive name (NBC's “Today”) is the program or paper
# the source spoke on or to, not the source's words: it is the speech event, in the article's voice
@pytest.mark.parametrize("text, span, label", [
    ("“The pier will hold,” Ms. Oduya told NBC's “Today” on Monday.", "Ms. Oduya told NBC's “Today” on Monday",
     "asserted"),
    ("“The pier will hold,” Ms. Oduya told NBC's “Today” on Monday.", "The pier will hold", "attributed"),
    ('"We sail at dawn," the captain said on WNYC\'s "Harbor Hour."', 'the captain said on WNYC\'s "Harbor Hour',
     "asserted"),
    ('Mr. Pike said on Fox\'s "Sunday Briefing" that the port would close.', 'Mr. Pike said on Fox\'s "Sunday Briefing"',
     "asserted"),
    ('Mr. Pike said on Fox\'s "Sunday Briefing" that the port would close.', "the port would close", "attributed"),
    ("The coach told ESPN's “Inside the Game” the season was lost.", "The coach told ESPN's “Inside the Game”",
     "asserted"),
    ("The coach told ESPN's “Inside the Game” the season was lost.", "the season was lost", "attributed"),
])
def test_a_quoted_title_after_a_possessive_is_a_venue_not_words(text, span, label):
    assert verdict(text, span).label == label


# a naming participle after a common noun ("a band called Tidewater") gives the thing its name
# when the name runs to the verb of the clause or to 'and': no one's words are reported
@pytest.mark.parametrize("text, span", [
    ("A folk band called Tidewater opened the night.", "A folk band called Tidewater opened the night"),
    ("A charity called Open Doors and a church group ran the shelter.", "ran the shelter"),
    ("Last spring a ferry named Blue Heron was sold to a museum.", "was sold to a museum"),
    ("A podcast called Harbor Talk has ten thousand listeners.", "has ten thousand listeners"),
])
def test_a_naming_participle_before_the_clause_verb_names_a_thing(text, span):
    assert verdict(text, span).label == "asserted"


# a name in quotation marks right before a reporting verb, after a word of its noun phrase, is
# the verb's subject ('a site called “The Ledger” reported ...')
@pytest.mark.parametrize("text, span, speaker", [
    ("A news site called “The Ledger” reported that the mill had closed.", "the mill had closed", "The Ledger"),
    ("The weekly paper “Harbor Voice” wrote that the pier was unsafe.", "the pier was unsafe", "Harbor Voice"),
    ("As the magazine “Coast Life” noted, the beach had shrunk by half.", "the beach had shrunk by half",
     "Coast Life"),
])
def test_a_quoted_name_before_the_verb_is_its_subject(text, span, speaker):
    v = verdict(text, span)
    assert v.label == "attributed" and speaker.split()[-1] in (v.speaker or "")


# after a quotation, 'X told ADDRESSEE' is a trailing cue: the first object of 'tell' is the
# addressee, and a clause about the occasion after it ('after she took the stage', 'when asked
# ...', 'a meeting being held ...') is the reporter's; the quotation is the content
@pytest.mark.parametrize("text, span, label", [
    ("“We will rebuild the pier,” Ms. Oduya told a crowd of 1,300 here on Tuesday after she took the stage.",
     "We will rebuild the pier", "attributed"),
    ("“We will rebuild the pier,” Ms. Oduya told a crowd of 1,300 here on Tuesday after she took the stage.",
     "Ms. Oduya told a crowd of 1,300 here on Tuesday after she took the stage", "asserted"),
    ("“The pier is safe,” the mayor told a council meeting being held in the library.", "The pier is safe",
     "attributed"),
    ("“The pier is safe,” the mayor told a council meeting being held in the library.",
     "the mayor told a council meeting being held in the library", "asserted"),
    ("“Nothing has changed,” the coach told the team before the players went out.", "Nothing has changed",
     "attributed"),
    ("“Nothing has changed,” the coach told the team before the players went out.",
     "before the players went out", "asserted"),
])
def test_a_told_addressee_after_a_quotation_keeps_the_occasion_out(text, span, label):
    assert verdict(text, span).label == label


# the addressee of 'tell' may open with a possessive ('his supporters', 'their families'), and an
# infinitive after a short phrase of place or time is the content ('tells his supporters at a
# rally to ...'); 'her' before a clause is the addressee pronoun ('told her the plan was dead')
@pytest.mark.parametrize("text, span, label", [
    ("The mayor tells his supporters at a rally to stay home.", "The mayor tells his supporters at a rally",
     "asserted"),
    ("The mayor tells his supporters at a rally to stay home.", "to stay home", "attributed"),
    ("The coach told their parents on Monday to keep the boys at home.", "to keep the boys at home", "attributed"),
    ("The coach told their parents on Monday to keep the boys at home.", "The coach told their parents on Monday",
     "asserted"),
    ("The mayor told her the plan was dead.", "the plan was dead", "attributed"),
    ("Ms. Ruiz told our readers in a letter to expect higher fares.", "to expect higher fares", "attributed"),
])
def test_a_possessive_addressee_of_tell_and_its_infinitive(text, span, label):
    assert verdict(text, span).label == label


# 'As reported by X, CLAUSE': 'as' is no subject; the agent after 'by' is the source of the
# clause after the comma, and the opening phrase is the reporter's
@pytest.mark.parametrize("text, span, label, speaker", [
    ("As reported by the Harbor Times, the pier will close in May.", "the pier will close in May", "attributed",
     "Harbor Times"),
    ("As reported by the Harbor Times, the pier will close in May.", "As reported by the Harbor Times", "asserted",
     None),
    ("As first reported by Reuters, the mill lost its license last year.", "the mill lost its license last year",
     "attributed", "Reuters"),
    ("As noted by the appeals court, the lease had already expired.", "the lease had already expired", "attributed",
     "the appeals court"),
    ("The mill, as revealed by a local paper, was sold in secret.", "was sold in secret", "attributed",
     "a local paper"),
])
def test_as_reported_by_names_the_agent_as_source(text, span, label, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == (label, speaker)


# a supplement inside reported content, set off by a pair of dashes or (a relative clause) by a
# pair of commas before the content's own verb, is the reporter's aside, not the source's words;
# quoted text keeps it, a relative before a coordinated subject stays, and the report stays whole
@pytest.mark.parametrize("text, span, label", [
    ("Mr. Vale said the plan — the third this year — would fail.", "the third this year", "asserted"),
    ("Mr. Vale said the plan — the third this year — would fail.", "would fail", "attributed"),
    ("Ms. Osei argued that the new ferry -- built in Gdansk at twice the cost -- was unsafe in winter.",
     "built in Gdansk at twice the cost", "asserted"),
    ("Ms. Osei argued that the new ferry -- built in Gdansk at twice the cost -- was unsafe in winter.",
     "was unsafe in winter", "attributed"),
    ("The council said the mill, which closed in May, will reopen in the spring.", "which closed in May", "asserted"),
    ("The council said the mill, which closed in May, will reopen in the spring.",
     "The council said the mill, which closed in May, will reopen in the spring.", "attributed"),
    ("The growers fear that the dam, whose gates were rebuilt last year, could fail again.",
     "whose gates were rebuilt last year", "asserted"),
    ("The coach insisted the keeper, who joined in March, be dropped for the final.", "who joined in March",
     "asserted"),
    ("The coach insisted the keeper, who joined in March, be dropped for the final.", "be dropped for the final",
     "attributed"),
    ("“The line — all of it — will close,” the operator said.", "all of it", "attributed"),
    ("The manager said the players, who trained all winter, and the staff were ready.", "who trained all winter",
     "attributed"),
])
def test_a_supplement_inside_reported_content_is_the_reporters(text, span, label):
    assert verdict(text, span).label == label


# a noun of saying or believing as the subject of 'is'/'was' before a that-clause (a
# specificational copula) gives the clause as its content, its possessor as the source
@pytest.mark.parametrize("text, span, label, speaker", [
    ("Ms. Lindqvist's fear is that the harbour will silt up within a decade.",
     "the harbour will silt up within a decade", "attributed", "Lindqvist"),
    ("Their complaint was that the buses never ran on time.", "the buses never ran on time", "attributed", None),
    ("The growers' main argument is that the frost ruined half the crop.", "the frost ruined half the crop",
     "attributed", None),
    ("The problem is that the road floods every spring.", "the road floods every spring", "asserted", None),
])
def test_a_content_noun_before_is_that_heads_the_clause(text, span, label, speaker):
    v = verdict(text, span)
    assert v.label == label
    if speaker:
        assert speaker in (v.speaker or "")


# a last relative clause or participle after a reported clause is a gloss (ANNOTATION.md: the
# source's or the reporter's): alone it is the article's, but a sentence made of the report and
# its gloss is the report; a gloss on an object that is no clause ("took a post, in which ...")
# does not make the sentence a report
@pytest.mark.parametrize("text, span, label", [
    ("But the mayor said the new bridge would carry more traffic, allowing buses from the harbour to "
     "skip the crowded centre at the busiest hours of the day.", None, "attributed"),
    ("The agency wrote on Monday that the reservoir was half empty, which forced farmers in three "
     "valleys to cut their planting for the second dry summer in a row.", None, "attributed"),
    ("A union spokeswoman told reporters the strike would go on, in which case the depots on the "
     "coast and the two freight yards inland would stay shut until at least next week.", None, "attributed"),
    ("The agency wrote on Monday that the reservoir was half empty, which forced farmers in three "
     "valleys to cut their planting for the second dry summer in a row.",
     "which forced farmers in three valleys to cut their planting for the second dry summer in a row",
     "asserted"),
    ("Ms. Ortiz assumed the role of treasurer, in which she signs every cheque the small charity "
     "sends to the families it houses.", None, "asserted"),
])
def test_a_gloss_after_a_reported_clause_goes_with_the_report(text, span, label):
    assert verdict(text, span or text).label == label


# after a trailing cue, what only says about what, how or when the source spoke (a preposition,
# a participle, "when asked", "who ...") is the report's own words, as its source and cue are:
# the sentence is the report; a new clause after the cue is the article's again
@pytest.mark.parametrize("text, label", [
    ("“It is dead,” the minister said of the ferry plan.", "attributed"),
    ("“We have waited three winters for this road,” said Ines Barros, recalling the convoy of trucks "
     "that once had to wait days at the flooded ford below the village.", "attributed"),
    ("“Nobody should pay twice,” the councillor told reporters, before explaining at length how the "
     "rebate scheme for the two older districts of the town would be funded.", "attributed"),
    ("“Of course I will run,” Mr. Okafor said when asked whether the defeat in the regional vote of "
     "last spring had changed his plans for the election in the autumn.", "attributed"),
    ("“It is done,” the minister said, and the opposition walked out of the chamber in protest at "
     "the speed of the vote and at the closing of the debate.", "asserted"),
    ("Still, the old mill continues to draw visitors from the coast on most summer weekends.", "asserted"),
])
def test_what_only_frames_a_trailing_report_goes_with_it(text, label):
    assert verdict(text, text).label == label


# "according to", a hedge or a viewpoint has no verb: a "but" and a verb after its clause shares
# the clause's subject and stays in the content; after a reporting verb it may share the verb's
@pytest.mark.parametrize("text, span, label", [
    ("According to the harbour master, the old pier was closed for repairs in May but is open again now.",
     "but is open again now", "attributed"),
    ("The bakery reportedly lost its licence in the spring but has since won it back on appeal.",
     "but has since won it back on appeal", "attributed"),
    ("In the auditor's view, the fund was badly run for years but is in good order today.",
     "but is in good order today", "attributed"),
    ("The mayor praised the new library on Monday but has refused every request for an interview since.",
     "but has refused every request for an interview since", "asserted"),
])
def test_a_but_clause_after_a_verbless_cue_keeps_its_subject(text, span, label):
    assert verdict(text, span).label == label


# the tail after a trailing cue is the circumstance of the report: a cue word after a determiner
# there is a noun ("on the show", "in a post"), and a participle right after the verb ends the tail
# ("said answering a question"); either way the quotation is the speaker's and the tail no content
@pytest.mark.parametrize("text, span, speaker", [
    ("“The ferry will run again by June,” Ms. Aldana said on the show.", "Ms. Aldana said on the show", "Aldana"),
    ("“Our members voted to stay out,” the union leader wrote in a post on Sunday evening.",
     "the union leader wrote in a post on Sunday evening", "the union leader"),
    ("“Nobody told us the plant would close,” Mr. Reyes said answering a question from the floor.",
     "Mr. Reyes said answering a question from the floor", "Reyes"),
])
def test_the_tail_of_a_trailing_cue_is_its_circumstance(text, span, speaker):
    tail = verdict(text, span)
    quote = verdict(text, text[1:text.index("”") - 1])
    assert (tail.label, quote.label, quote.speaker) == ("asserted", "attributed", speaker)


# a prepositional phrase between a reporting verb and 'that' is the report's circumstance: the
# content is the that-clause; a 'that' the phrase ends on with no clause after it is a pronoun
@pytest.mark.parametrize("text, phrase, clause", [
    ("Most drivers have heard by now that the toll will double in spring.", "by now",
     "the toll will double in spring"),
    ("The ministry confirmed by email to local papers that the border post would close.",
     "by email to local papers", "the border post would close"),
    ("The union claimed over the phone from its office in town that the strike was over.",
     "over the phone from its office in town", "the strike was over"),
    ("Officials explained without giving any figures that the budget had grown.", "without giving any figures",
     "the budget had grown"),
])
def test_a_phrase_before_that_is_the_circumstance_of_the_report(text, phrase, clause):
    assert (verdict(text, phrase).label, verdict(text, clause).label) == ("asserted", "attributed")


def test_a_that_closing_the_phrase_with_no_clause_after_it_is_a_pronoun():
    text = "The mayor was hoping for far more than that and will now have to wait for the next budget."
    assert verdict(text, "for far more than that").label == "attributed"


# a subject read back to an opening adverbial with no comma after it starts at its own noun
# phrase: a time adverb is no part of it, and an article after a time noun, or after the noun of
# an opening preposition, subordinator or participle, opens the subject
@pytest.mark.parametrize("text, speaker", [
    ("After the vote the mayor said the pool would close in June.", "the mayor"),
    ("Last week the council said the bridge was safe.", "the council"),
    ("Today the minister told reporters that the port would reopen.", "the minister"),
    ("At the evening briefing the spokeswoman said no arrests had been made.", "the spokeswoman"),
    ("Citing the audit the regulator argued that the fees were unlawful.", "the regulator"),
])
def test_an_opening_adverbial_is_no_part_of_the_subject(text, speaker):
    v = verdict(text, text[:-1])
    assert (v.label, v.speaker) == ("attributed", speaker)


@pytest.mark.parametrize("text, speaker", [
    ("All the members said the pool would close.", "All the members"),
    ("At least a dozen members of the board said the pool would close.", "At least a dozen members of the board"),
    ("Sources close to the mayor said the pool would close.", "Sources close to the mayor"),
])
def test_a_quantifier_or_a_preposition_before_an_article_keeps_the_subject_whole(text, speaker):
    assert verdict(text, text[:-1]).speaker == speaker


# a verb after a comma and 'then'/'later' shares the subject of the clause before it, as after
# 'and'/'but'; after an opening 'if'/'when' clause, 'then' answers the condition (no sharing)
@pytest.mark.parametrize("text, clause, speaker", [
    ("Mr. Ortiz paused for a long moment, then said the tunnel would never be finished.",
     "the tunnel would never be finished", "Ortiz"),
    ("The coach shook hands with the referee, later telling reporters that the goal was offside.",
     "that the goal was offside", "The coach"),
    ("Nora Blake quietly thanked the volunteers, then argued that the count had been fair.",
     "that the count had been fair", "Nora Blake"),
])
def test_a_verb_in_sequence_shares_the_subject(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


@pytest.mark.parametrize("text", [
    "If the council can find the money, then tell us why the pool is still closed.",
    "When the count ended, then ask who won the most seats.",
    "Once the mayor had spoken, then explain what the budget means for the schools.",
])
def test_then_after_a_condition_shares_no_subject(text):
    assert verdict(text, text[:-1]).speaker is None


# a simple past that differs from its base (lemminflect's dictionary: 'shook', 'drew', 'rose')
# is a finite verb, so the subject before it ends there
@pytest.mark.parametrize("text, clause, speaker", [
    ("The coach shook hands with the referee, telling reporters that the goal was offside.",
     "that the goal was offside", "The coach"),
    ("The senator drew loud applause, adding that the mine would stay open.", "that the mine would stay open",
     "The senator"),
    ("The treasurer rose to speak, insisting that the accounts were in order.", "that the accounts were in order",
     "The treasurer"),    ("Last year the town got a new crane, the mayor said.", "the town got a new crane", "the mayor"),
    ("Last year the town spent more on roads, the mayor said.", "the town spent more on roads", "the mayor"),
])
def test_a_strong_past_ends_the_subject(text, clause, speaker):
    assert verdict(text, clause).speaker == speaker


def test_a_past_form_is_known_only_from_the_dictionary():
    from verifier.attribution.lexicon import strong_past
    assert [strong_past(w) for w in ("shook", "drew", "won", "cut", "walked", "president", "zorbed")] == [
        True, True, True, False, False, False, False]



# the subject of a sentence opening with a coordinator starts after it, and after an opening
# phrase the coordinator leads into ('But in May, ...', 'And tonight, ...'); an opening time
# adverb's first comma closes the clause when a finite verb comes before it
@pytest.mark.parametrize("text, clause, speaker", [
    ("But the minister spoke on Friday, saying the port would reopen.", "the port would reopen", "the minister"),
    ("And the union walked out, arguing that the pay offer was an insult.", "that the pay offer was an insult",
     "the union"),
    ("Yet the mayor stayed calm, insisting that the pool would open in June.", "that the pool would open in June",
     "the mayor"),
    ("Then the coach left the pitch, telling reporters that the goal was offside.", "that the goal was offside",
     "the coach"),
    ("But in May, the council voted again, arguing that the fees were too low.", "that the fees were too low",
     "the council"),
])
def test_an_opening_coordinator_or_adverb_is_no_part_of_the_subject(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a document noun parted from its participle by a short time or place phrase ('a letter to
# members saying', 'tweets early Friday saying') is still the document the participle reports
@pytest.mark.parametrize("text, clause, speaker", [
    ("The union sent a letter to members on Monday saying the strike would go ahead.", "the strike would go ahead",
     "The union"),
    ("Officials posted a series of tweets early Friday saying the road was closed.", "the road was closed", "Officials"),
    ("The council issued a statement late Tuesday saying the bridge was safe.", "the bridge was safe", "The council"),
    ("The ministry released figures this week showing that exports fell.", "that exports fell", "The ministry"),
])
def test_a_short_phrase_may_part_a_document_from_its_participle(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# ... but not a verb phrase or a bare preposition: those are the reporter's own words
@pytest.mark.parametrize("text, clause", [
    ("His job offers her a platform to continue speaking out about schools, and she remains popular in the county.",
     "and she remains popular in the county"),
    ("The charity offers families a place to keep talking about their grief, and it has grown fast.",
     "and it has grown fast"),
    ("The mayor answered the letter by praising the volunteers, and the crowd cheered loudly.",
     "and the crowd cheered loudly"),
])
def test_a_verb_between_a_document_and_a_participle_parts_them(text, clause):
    assert verdict(text, clause).label == "asserted"


# whose document it is: the subject of a verb of making it public ('sent', 'wrote', 'put out'),
# not of a verb of getting it ('received', 'found')
@pytest.mark.parametrize("text, clause, speaker", [
    ("His campaign sent out a text message to supporters saying: “We won the state.”", "We won the state.",
     "His campaign"),
    ("Back in May, the senator wrote a letter to the board asking that the fees be cut.", "that the fees be cut",
     "the senator"),
    ("His office put out a statement saying the port could not take more ships.", "the port could not take more ships",
     "His office"),
])
def test_a_document_is_its_issuers(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


def test_a_received_document_is_not_the_receivers():
    v = verdict("The mayor received a letter saying the bridge was unsafe.", "the bridge was unsafe")
    assert v.label == "attributed" and v.speaker != "The mayor"


# a possessive names the document's owner: the subject of the verb before it, else a person
# named earlier in the sentence, else the pronoun's referent
@pytest.mark.parametrize("text, clause, speaker", [
    ("The coach defended his remarks criticising the referee.", "the referee", "The coach"),
    ("As the chief executive, Jeff Weiner, put it in his memo to staff explaining the deal, the firm would grow.",
     "the deal", "Jeff Weiner"),
    ("When Mrs. Ortiz tried to defend her remarks calling the plan reckless, the mayor left the room.",
     "the plan reckless", "Ortiz"),
    ("Maria Lopez met the mayor. Her letter to residents urging calm was read aloud.", "calm", "Maria Lopez"),
])
def test_a_possessive_names_the_documents_owner(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# before 'SOURCE said, “Quoted sentence”' an opening phrase is the occasion of the quoted words
# (asserted, with the source and cue); before an unquoted clause or a quotation going on in lower
# case it opens the reported sentence itself
@pytest.mark.parametrize("text, span", [
    ("In an interview with a local paper, the coach said, “We were unlucky tonight.”",
     "In an interview with a local paper, the coach said"),
    ("At a rally in Dayton on Friday, the senator said, “This state will decide the race.”",
     "At a rally in Dayton on Friday, the senator said"),
    ("In a statement Thursday, a spokesman for the mayor said, “The audit is complete.”",
     "In a statement Thursday, a spokesman for the mayor said"),
])
def test_an_opening_phrase_before_a_quoted_sentence_is_the_occasion(text, span):
    assert verdict(text, span).label == "asserted"


@pytest.mark.parametrize("text, span", [
    ("In his state, the governor said, offenders are sent to treatment.", "In his state"),
    ("In cases of fraud, the bank said, “the customer is refunded in full.”", "In cases of fraud"),
    ("By next spring, she said, the line will reach the airport.", "By next spring"),
])
def test_an_opening_phrase_of_the_reported_sentence_is_content(text, span):
    assert verdict(text, span).label == "attributed"


# a last noun phrase set off after a reported clause glosses it in the reporter's words, as a last
# relative clause or participle does: the gloss is asserted, the clause before it attributed
@pytest.mark.parametrize("text, gloss, clause", [
    ("The mayor said the plan would fail, a swipe at the council.", "a swipe at the council", "the plan would fail"),
    ("Cruz said the state was wrong to ban hydraulic fracturing, an extraction method known as fracking.",
     "an extraction method known as fracking", "the state was wrong to ban hydraulic fracturing"),
    ("Fleischer said there is a lively debate about the response, one that will dominate the annual meeting.",
     "one that will dominate the annual meeting", "there is a lively debate about the response"),
])
def test_a_last_appositive_glosses_the_report(text, gloss, clause):
    assert verdict(text, gloss).label == "asserted"
    assert verdict(text, clause).label == "attributed"


@pytest.mark.parametrize("text, span", [
    ("Officials said the talks would resume, the minister would attend.", "the minister would attend"),
    ("She said the vote was close, a result nobody expected.", "the vote was close"),
    ("Officials said the talks would resume, a view the ministry disputed.", "a view the ministry disputed"),
])
def test_a_clause_after_the_comma_is_no_appositive(text, span):
    assert verdict(text, span).label == "attributed"


# a subject may carry several supplements set off by commas (a relative clause, a description, a
# name or title): the source is the noun phrase before the first of them
@pytest.mark.parametrize("text, clause, speaker", [
    ("Michael Seaman, who lives outside the state capital, Sacramento, said he still hopes for a recount.",
     "he still hopes for a recount", "Michael Seaman"),
    ("Sam Solovey, a contestant on the show, “The Apprentice,” who later worked for the firm, said his boss was kind.",
     "his boss was kind", "Sam Solovey"),
    ("Nadia Rahman, a nurse, who has worked at the clinic for a decade, told reporters that the ward was full.",
     "that the ward was full", "Nadia Rahman"),
])
def test_a_subject_with_several_supplements(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# ... but an opening adverb, phrase or clause is no subject the supplements could follow
@pytest.mark.parametrize("text, clause, speaker", [
    ("Still, Tad Devine, a senior adviser to the senator, said that the campaign would go on.",
     "that the campaign would go on", "Tad Devine"),
    ("At Boca West, where fees are high, Jay Dee, the club's president, said that members were loyal.",
     "that members were loyal", "Jay Dee"),
    ("In Ohio, a retired teacher, Ann Cole, said the schools had improved.", "the schools had improved", "Ann Cole"),
])
def test_an_opening_phrase_is_no_head_for_supplements(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# 'According to NAME, DESCRIPTION, CLAUSE': the description set off after the source is the
# source's name tag (the reporter's words), the clause after it the content
@pytest.mark.parametrize("text, tag, clause", [
    ("According to Lena Ortiz, the council's housing director, the waiting list has doubled.",
     "According to Lena Ortiz, the council's housing director", "the waiting list has doubled"),
    ("According to the mayor, a Democrat, the bridge will reopen in May.", "a Democrat", "the bridge will reopen in May"),
    ("Rents, according to Tom Reed, an agent in the city, will rise again next year.", "an agent in the city",
     "will rise again next year"),
])
def test_a_name_tag_after_according_to_is_the_reporters(text, tag, clause):
    assert verdict(text, tag).label == "asserted"
    assert verdict(text, clause).label == "attributed"


@pytest.mark.parametrize("text, span", [
    ("According to the mayor, the bridge, which is old, will reopen in May.", "the bridge"),
    ("According to the survey, the north, the coast and the capital all lost jobs.", "the north"),
    ("According to police, a man, 34, was arrested at the scene.", "a man, 34, was arrested at the scene"),
])
def test_the_content_after_according_to_may_open_with_commas(text, span):
    assert verdict(text, span).label == "attributed"


# a past participle phrase set off by commas after the subject describes it ('A poll, conducted
# last week, shows ...'): the source is the noun phrase before it
@pytest.mark.parametrize("text, clause, speaker", [
    ("A new poll, conducted last week, shows the mayor with a wide lead.", "the mayor with a wide lead", "A new poll"),
    ("The report, published on Monday, found that exports fell.", "that exports fell", "The report"),
    ("The survey, released in March after a long delay, suggests that rents will rise.", "that rents will rise",
     "The survey"),
])
def test_a_participle_phrase_after_the_subject_describes_it(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a phrase after a reporting verb that holds a past verb with an object of its own ('reported at
# least six planes filled the skies') is the reported clause, not a tail of the occasion; a verb
# inside a 'when/as' clause ('said Friday as he entered the talks') or a participle before a
# time phrase ('a statement issued a day earlier') leaves the tail a tail
@pytest.mark.parametrize("text, frame, clause", [
    ("On Sunday morning, as the march set off, the radio station reported at least two bridges closed their lanes.",
     "On Sunday morning, as the march set off, the radio station reported", "at least two bridges closed their lanes"),
    ("Late on Friday, during the storm, officials reported about forty trees blocked the roads.",
     "Late on Friday, during the storm, officials reported", "about forty trees blocked the roads"),
    ("After the vote, the clerk announced at noon several members joined the protest.",
     "After the vote, the clerk announced", "several members joined the protest"),
])
def test_a_past_verb_with_an_object_after_the_cue_is_the_reported_clause(text, frame, clause):
    assert verdict(text, frame).label == "asserted"
    assert verdict(text, clause).label == "attributed"


@pytest.mark.parametrize("text, content, tail", [
    ("“We will hold the line,” the minister said on Friday as he entered the talks.", "We will hold the line",
     "the minister said on Friday as he entered the talks"),
    ("“Jobs come first,” the governor said last month when she opened the plant.", "Jobs come first",
     "the governor said last month when she opened the plant"),
    ("“The plan is sound,” the spokesman said in a statement issued a day earlier.", "The plan is sound",
     "the spokesman said in a statement issued a day earlier"),
])
def test_a_verb_of_the_occasion_leaves_the_tail_a_tail(text, content, tail):
    assert verdict(text, content).label == "attributed"
    assert verdict(text, tail).label == "asserted"


# content that goes on after a medial cue is the rest of the reported sentence, even when it holds
# a speech-event noun ('in a debate') that would close a report as its occasion after the cue
@pytest.mark.parametrize("text, rest", [
    ("Those who spend every night online, he said, end up in a debate with strangers.", "end up in a debate with strangers"),
    ("Voters who skip the hearings, the clerk said, often vote at the rally instead.",
     "often vote at the rally instead"),
    ("Parents who read the notices, she said, sit quietly through the conference on the budget.",
     "sit quietly through the conference on the budget"),
])
def test_content_after_a_medial_cue_keeps_its_speech_nouns(text, rest):
    assert verdict(text, rest).label == "attributed"


# a quoted fragment closing a longer stretch of the sentence before a medial cue does not make
# the rest the reporter's: the sentence goes on ('Those who watch ''cable shows,'' he said, end up
# ...'); a quotation that is the whole stretch does ('“A,” he said at the session, the ...')
@pytest.mark.parametrize("text, rest", [
    ("People who follow what he calls ''fringe sites,'' he said, end up believing every rumor.",
     "end up believing every rumor"),
    ("Drivers who ignore the “slow zone,” the sheriff said, will pay a fine of $200.", "will pay a fine of $200"),
    ("Shops that sell what the city calls “novelty goods,” the report said, must close by ten.", "must close by ten"),
])
def test_a_quoted_fragment_before_a_medial_cue_lets_the_sentence_go_on(text, rest):
    assert verdict(text, rest).label == "attributed"


@pytest.mark.parametrize("text, rest", [
    ("“We are ready,” the coach said at the stadium, the crowd cheering behind him.", "the crowd cheering behind him"),
    ("“It is over,” she said on Monday, the day the talks collapsed.", "the day the talks collapsed"),
    ("“Nobody told us,” a tenant said in the hallway, the notice still on her door.", "the notice still on her door"),
])
def test_after_a_whole_quotation_the_rest_is_the_reporters(text, rest):
    assert verdict(text, rest).label == "asserted"


# 'not only A, SOURCE said, but also B': the 'but' half of the pair goes on with the report
@pytest.mark.parametrize("text, rest", [
    ("The wall would not only stop smugglers, she said, but also cut the flow of drugs.", "but also cut the flow of drugs"),
    ("The tax hits not just renters, the study found, but owners of small shops as well.",
     "but owners of small shops as well"),
    ("The merger would not merely raise prices, the regulator warned, but end competition in the region.",
     "but end competition in the region"),
])
def test_the_second_half_of_not_only_but_goes_on_after_the_cue(text, rest):
    assert verdict(text, rest).label == "attributed"


def test_a_plain_but_after_a_medial_cue_is_the_reporters():
    assert verdict("The plan will cut costs, she said, but the union disagreed.", "but the union disagreed").label == "asserted"


# 'call' reports words only with a second complement or its particle; with a lone object (a
# name, a pronoun, a bare plural, or an event after an article) it reports an act: phoning,
# summoning, convening
@pytest.mark.parametrize("text, rest", [
    ("A week later, Mr. Reyes called Elena Marsh.", "Elena Marsh"),
    ("Volunteers spent the weekend trying to call voters, knock on doors and hand out leaflets.",
     "voters, knock on doors and hand out leaflets"),
    ("The senator called them shortly after the polls closed.", "them shortly after the polls closed"),
    ("The board called an emergency session following the leak.", "an emergency session following the leak"),
    ("The union called a strike when talks failed.", "a strike when talks failed"),
])
def test_call_with_a_lone_object_reports_an_act(text, rest):
    assert verdict(text, rest).label == "asserted"


@pytest.mark.parametrize("text, content, speaker", [
    ("The mayor called the new tax “a gift to landlords.”", "a gift to landlords", "The mayor"),
    ("She called him a coward in front of the committee.", "a coward", "She"),
    ("The senator called Marsh, her old rival, a danger to the state.", "a danger to the state", "The senator"),
    ("The mayor called Monday for the police chief to resign.", "the police chief to resign", "The mayor"),
    ("The minister called her vote in favor of the bill a mistake.", "a mistake", "The minister"),
])
def test_call_with_a_second_complement_or_its_particle_reports(text, content, speaker):
    v = verdict(text, content)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a participle that names ('called', 'named', 'dubbed') after a common noun phrase opened by 'a'
# gives a name, even when the noun is capitalised ('a super PAC called ...'): the clause after the
# name is the article's own
@pytest.mark.parametrize("text, clause", [
    ("A new super PAC called Fair Streets is buying airtime in Ohio.", "is buying airtime in Ohio"),
    ("A group of exiled Ethiopians called Ginbot 7 was a force the rebels relied on.", "was a force the rebels relied on"),
    ("A Swiss NGO named Open Gate has filed a lawsuit against the bank.", "has filed a lawsuit against the bank"),
])
def test_a_naming_participle_after_a_capitalised_noun_gives_a_name(text, clause):
    assert verdict(text, clause).label == "asserted"


# a pronoun refers to the last source that has a name: a subject that is only capitalised because
# it opens its sentence ('Critics say', 'Volunteers say') names no one, while a first word the
# article capitalises elsewhere ('Reed') or that is no English word ('Melanie') is a name
@pytest.mark.parametrize("text, clause, speaker", [
    ("Tom Reed opened the meeting. Critics say the park costs too much. He said the vote would come in May.",
     "the vote would come in May", "Tom Reed"),
    ("Maria Lopez runs the shelter on Elm Street. Volunteers say the shelter is full. She said beds would be added.",
     "beds would be added", "Maria Lopez"),
    ("Melanie told the reporter she had cried for days. Neighbors said the house was empty. She said she would stay.",
     "she would stay", "Melanie"),
])
def test_a_pronoun_skips_a_subject_capitalised_only_by_its_place(text, clause, speaker):
    assert verdict(text, clause).speaker == speaker


# 'NAME said (that) he/she ...': the pronoun opening the reported clause is the person who
# reports it, whatever source came before (unless a title gives the name the other sex)
@pytest.mark.parametrize("text, clause, speaker", [
    ("Mayor Ellen Park said the budget was tight. Tom Reed said he hoped to cut the fees.", "to cut the fees",
     "Tom Reed"),
    ("Mayor Ellen Park said the budget was tight. Later, Tom Reed told reporters that he planned to resign.",
     "to resign", "Tom Reed"),
    ("Tom Reed said the budget was tight. Ellen Park has also said she wants to keep the school open.",
     "to keep the school open", "Ellen Park"),
    ("Tom Reed said the budget was tight. Ellen Park assured voters that she would cut the fees.",
     "would cut the fees", "Ellen Park"),
])
def test_a_pronoun_after_a_named_reporter_is_that_reporter(text, clause, speaker):
    assert verdict(text, clause).speaker == speaker


# 'assume' reports a thought only with a clause ('assumed that the deal would close', 'assume the
# rate will rise'); with a plain object it is taking something on ('assume office', 'assumed a
# new role', 'would assume the debts')
@pytest.mark.parametrize("text, span, label", [
    ("The governor will assume office in January.", "The governor will assume office in January", "asserted"),
    ("She has assumed a newly created role as chief adviser.", "a newly created role as chief adviser", "asserted"),
    ("The new owner would assume the debts of the old mill.", "the debts of the old mill", "asserted"),
    ("Most analysts assume the rate will rise in June.", "the rate will rise in June", "attributed"),
    ("Investors assumed that the deal would close.", "that the deal would close", "attributed"),
])
def test_assume_reports_only_a_clause(text, span, label):
    assert verdict(text, span).label == label


# an '-ed' form right after a determiner (or after a determiner and an adverb) modifies the noun
# ('the newly revised budget'): it is no finite verb, so the phrase is an object, not a clause
@pytest.mark.parametrize("text", [
    "The council considered the newly revised budget on Monday.",
    "The engineers understood the proposed design in every detail.",
    "The new director has assumed a recently created post in the ministry.",
])
def test_a_participle_after_a_determiner_makes_no_clause(text):
    assert verdict(text, text.rstrip(".")).label == "asserted"


# courts, juries, inquiries and regulators are sources like any organization: what they conclude,
# find or believe is theirs ('The jury found him guilty, concluding that ...')
@pytest.mark.parametrize("text, clause, speaker", [
    ("The jury found the driver guilty, concluding that he had ignored the signal.", "he had ignored the signal",
     "The jury"),
    ("The inquiry believes the fire started in the kitchen.", "the fire started in the kitchen", "The inquiry"),
    ("The tribunal ruled against the airline, concluding that the fees were unlawful.", "the fees were unlawful",
     "The tribunal"),
])
def test_a_court_or_inquiry_is_a_source(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# 'on the grounds that ...' states the reasons someone gave: the clause is theirs
@pytest.mark.parametrize("text, clause", [
    ("The court blocked the merger on the grounds that it would raise prices.", "it would raise prices"),
    ("Officials shut the beach on the grounds that sharks had been seen.", "sharks had been seen"),
    ("The permit was refused on the grounds that the site floods every winter.", "the site floods every winter"),
])
def test_on_the_grounds_that_reports_the_reasons_given(text, clause):
    assert verdict(text, clause).label == "attributed"


# one plain English word before a colon (a verb, an adverb: 'Remember:', 'Look:', 'So:',
# 'Revealed:') introduces the article's own words; a name ('Reid:', 'Okafor:') or a noun for a
# source ('Poll:') still opens a speaker's words
@pytest.mark.parametrize("text, span", [
    ("Remember: the bridge was built in eleven months.", "the bridge was built in eleven months"),
    ("So: the council will vote again in March.", "the council will vote again in March"),
    ("Revealed: The Secret Plan To Close The Harbor.", "The Secret Plan To Close The Harbor"),
])
def test_a_plain_word_before_a_colon_is_no_speaker(text, span):
    assert verdict(text, span).label == "asserted"


@pytest.mark.parametrize("text, span", [
    ("Okafor: The harbor will stay open all winter.", "The harbor will stay open all winter"),
    ("Poll: Most voters back the harbor plan.", "Most voters back the harbor plan"),
    ("Insiders: The mayor will not run again.", "The mayor will not run again"),
])
def test_a_name_or_source_noun_before_a_colon_is_a_speaker(text, span):
    assert verdict(text, span).label == "attributed"


# 'reported from PLACE' with nothing else says where the reporter was (a byline), not what anyone
# said, and so does a byline of several reporters joined by 'and'; 'reported from Geneva that ...'
# still reports
@pytest.mark.parametrize("text, place", [
    ("Kofi Mensah reported from Lagos, Nigeria, and Ama Boateng from Accra.", "from Lagos, Nigeria, and Ama Boateng from Accra"),
    ("Lena Ortiz reported from Port Moresby, and Tom Reed from Lae.", "from Port Moresby, and Tom Reed from Lae"),
    ("Ines Mora reported from Kaneohe Bay, Hawaii, and Ben Cole and Ada Park from Midway Atoll.",
     "from Kaneohe Bay, Hawaii, and Ben Cole and Ada Park from Midway Atoll"),
])
def test_reporting_from_a_place_is_a_byline(text, place):
    assert verdict(text, place).label == "asserted"


def test_reporting_from_a_place_with_a_clause_reports():
    v = verdict("The agency reported from Geneva that the talks had failed.", "that the talks had failed")
    assert (v.label, v.speaker) == ("attributed", "The agency")


# a time that ends a source phrase belongs to the event, not to the source ('A jury at the court
# on Friday'); a bare month stays, since it may be a name ('a spokesman for Theresa May')
@pytest.mark.parametrize("text, clause, speaker", [
    ("A panel of judges at the appeal court on Friday ruled that the law was void.", "the law was void",
     "A panel of judges at the appeal court"),
    ("Rents rose again, according to an index published last year.", "Rents rose again", "an index published"),
    ("The glacier has lost a third of its ice, according to a survey released in 2019.",
     "The glacier has lost a third of its ice", "a survey released"),
    ("Fares will rise, according to a spokesman for Theresa May.", "Fares will rise", "a spokesman for Theresa May"),
])
def test_a_time_ending_a_source_phrase_is_left_out(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a source phrase over twelve words ends at a phrase boundary (before a relative, else before its
# last preposition), never on an article or preposition
@pytest.mark.parametrize("text, clause, speaker", [
    ("The season starts earlier, according to an analysis of fire records published by the University of "
     "Holbeck.", "The season starts earlier",
     "an analysis of fire records published by the University of Holbeck"),
    ("Crime fell, according to figures from the statistics office of the regional government of the northern "
     "provinces.", "Crime fell", "figures from the statistics office of the regional government"),
    ("Sales slowed, according to a report by the trade group that represents most of the large retailers in the "
     "city.", "Sales slowed", "a report by the trade group"),
])
def test_a_long_source_phrase_ends_on_a_content_word(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a verb of judging ('knock', 'rip', 'blast', 'echo') followed by a preposition of place or motion
# is an act in space: nothing is judged, nothing reported ('knocked on her door'); with an object
# ('knocked the plan'), a clause after a venue, or as a passive, it still reports
@pytest.mark.parametrize("text, span", [
    ("Before dawn the guard knocked on every door in the building.", "on every door in the building"),
    ("The storm ripped through the harbour town on Sunday night.", "through the harbour town on Sunday night"),
    ("Her laughter echoed across the empty stadium.", "across the empty stadium"),
])
def test_a_verb_of_judging_before_a_place_is_an_act(text, span):
    assert verdict(text, span).label == "asserted"


@pytest.mark.parametrize("text, span, speaker", [
    ("The senator knocked the harbour plan as reckless.", "the harbour plan as reckless", "The senator"),
    ("The mayor wouldn't discuss on the radio whether the port would close.", "whether the port would close",
     "The mayor"),
    ("Critics slammed on Friday the plan to close the port.", "the plan to close the port", "Critics"),
])
def test_a_verb_of_judging_with_something_judged_reports(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a name before the person or group noun heading the source phrase only says whose: the speaker
# is the whole phrase ('A Brackley spokesman', not 'Brackley'); a name after its title is the name
@pytest.mark.parametrize("text, clause, speaker", [
    ("A Brackley spokesman said the plant would close.", "the plant would close", "A Brackley spokesman"),
    ("A senior Pentagon official told reporters the talks had failed.", "the talks had failed",
     "A senior Pentagon official"),
    ("The plant will close, the Green Alliance leader said.", "The plant will close", "the Green Alliance leader"),
    ("Brackley spokesman Tom Reed said the plant would close.", "the plant would close", "Tom Reed"),
])
def test_a_name_modifying_a_person_noun_stays_in_the_speaker(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# an indefinite description of one person ('an NBC reporter', 'One Democratic official') is
# someone a later 'he' or 'she' can be, unless its noun says the other sex ('a young woman ... he')
@pytest.mark.parametrize("text, clause, speaker", [
    ("Mayor Tom Reed spoke first. Then an NBC reporter said the vote was rigged. She said the count "
     "had stopped twice.", "the count had stopped twice", "an NBC reporter"),
    ("Tom Reed, the mayor, opened the meeting. One Democratic official said the plan was dead. He said "
     "the votes were not there.", "the votes were not there", "One Democratic official"),
    ("Betsy Ebeling met voters in Ames. A young man told her the caucus was rigged. She said the "
     "turnout was high.", "the turnout was high", "Betsy Ebeling"),
])
def test_an_indefinite_person_is_a_pronouns_antecedent(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a negative contraction is an auxiliary of the verb group, never part of the subject
@pytest.mark.parametrize("text, clause, speaker", [
    ("The mayor wouldn't say whether the port would close.", "whether the port would close", "The mayor"),
    ("Officials didn't deny that the port would close.", "the port would close", "Officials"),
    ("Ines Mora hasn’t said whether the port will close.", "whether the port will close", "Ines Mora"),
])
def test_a_negative_contraction_is_no_part_of_the_subject(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a verb that shares the sentence's subject ('..., but said') takes the name set off after that
# subject, as the first verb does ('Its chief executive, Priya Natarajan, said ... but predicted')
@pytest.mark.parametrize("text, clause, speaker", [
    ("Its chief executive, Ana Ruiz, said the car had stopped but admitted that the sensor failed.",
     "the sensor failed", "Ana Ruiz"),
    ("One of the men, Jonas Berg, paid the fine and said the law was unjust.", "the law was unjust", "Jonas Berg"),
    ("Its founder, Lena Ortiz, left the firm in May and later claimed that the accounts were false.",
     "the accounts were false", "Lena Ortiz"),
])
def test_a_shared_subject_keeps_its_appositive_name(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a third-person -s form before an auxiliary or 'be', directly or after 'or'/'and' and a noun, is
# a plural noun, the subject of that verb ('no bank details or passwords were taken')
@pytest.mark.parametrize("text, span, speaker", [
    ("The company said no bank details or passwords were taken. It said it had hired a consultant.",
     "it had hired a consultant", "The company"),
    ("The charity said staff notes and emails were lost. It said the servers were safe.",
     "the servers were safe", "The charity"),
    ("The insurer said customer claims or complaints have doubled. It said premiums would rise.",
     "premiums would rise", "The insurer"),
])
def test_an_s_form_before_its_own_verb_is_a_noun(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a verb whose first object is the addressee ('notify', 'warn', 'inform') followed by that object
# and 'and'/'but' with a verb of the subject's own reports nothing: it says whom, not what
@pytest.mark.parametrize("text, span", [
    ("It has notified the authority and plans to write to every customer.", "plans to write to every customer"),
    ("The mayor warned the council but kept the budget secret.", "kept the budget secret"),
    ("The bank informed regulators and closes the branch today.", "closes the branch today"),
])
def test_an_addressee_then_a_verb_of_its_own_reports_nothing(text, span):
    assert verdict(text, span).label == "asserted"


def test_an_addressee_then_that_still_reports():
    v = verdict("The mayor warned residents and officials that the dam could fail.", "the dam could fail")
    assert (v.label, v.speaker) == ("attributed", "The mayor")


# a 'he' or 'she' later in a sentence whose one earlier name is the subject of a reporting verb is
# that person, whoever spoke before ('Wren said fires jump roads, a change he called ...')
@pytest.mark.parametrize("text, clause, speaker", [
    ("Gwen Talbot said the smoke was thick. Tomasz Wren leads the crews. The finding is new. The data "
     "are old. Wren said fires now jump roads, a change he called “the new normal.”", "the new normal",
     "Tomasz Wren"),
    ("Ana Ruiz said the vote was close. Tom Reed runs the port. Ships wait for days. Reed said the cranes "
     "were old and that he had warned that repairs would cost millions.", "repairs would cost millions",
     "Tom Reed"),
    ("Tom Reed said the port was safe. Lena Ortiz spoke next. The hall was full. Ortiz told the board "
     "the accounts were false, and she predicted the audit would fail.", "the audit would fail", "Lena Ortiz"),
])
def test_a_pronoun_after_the_sentences_named_reporter_is_that_reporter(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


def test_a_pronoun_after_a_quotation_is_not_a_name_inside_it():
    text = "Nora Blake spoke first. “Americans who believe in the Second Amendment believe it,” she said."
    assert verdict(text, "Americans who believe in the Second Amendment believe it").speaker == "Nora Blake"


# 'make clear' and 'make plain', with or without 'it' before the adjective, state what follows:
# "made it clear that ...", "has made plain the cost", "made clear he would run"
@pytest.mark.parametrize("text, clause, speaker", [
    ("The minister made it clear that taxes would rise.", "taxes would rise", "The minister"),
    ("The union has made plain its opposition to the merger.", "its opposition to the merger", "The union"),
    ("In an interview, the general made clear he had misgivings about the plan.", "he had misgivings about the plan",
     "the general"),
])
def test_make_clear_states_what_follows(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


@pytest.mark.parametrize("text, span", [
    ("The chef made the sauce plain and simple.", "the sauce plain and simple"),
    ("The fog lifted and made it clear.", "The fog lifted and made it clear"),
])
def test_make_with_a_plain_object_states_nothing(text, span):
    assert verdict(text, span).label == "asserted"


# an -s form followed by 'that' right after a dash aside is the verb of the subject before the
# aside ('Byrne — who guarded the door — states that ...'), not a plural noun
@pytest.mark.parametrize("text, clause, speaker", [
    ("In her book, Ines Mora — who guarded the door for years — states that the post was dreaded.",
     "the post was dreaded", "Ines Mora"),
    ("The audit — released on Friday — shows that rents rose by a third.", "rents rose by a third", "The audit"),
    ("Tom Reed — a former harbour master — claims that the cranes were never inspected.",
     "the cranes were never inspected", "Tom Reed"),
])
def test_an_s_form_after_a_dash_aside_is_a_verb(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a time between a state-of-mind adjective and 'that' is the state's time ('hopeful Tuesday that')
@pytest.mark.parametrize("text, clause, speaker", [
    ("The mayor's allies were hopeful Tuesday that the port would reopen.", "the port would reopen",
     "The mayor's allies"),
    ("Aides were confident last week that the bill would pass.", "the bill would pass", "Aides"),
    ("The owners seemed certain on Monday that the club would be sold.", "the club would be sold", "The owners"),
])
def test_a_time_between_a_state_of_mind_and_that(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# 'which' after a noun opens a relative clause whose verb reports, in the present as in the past
# ('patient groups, which say ...', 'the union, which argues that ...')
@pytest.mark.parametrize("text, clause, speaker", [
    ("Its call reflects anger among patient groups, which say they learned of the shortage late.",
     "they learned of the shortage late", "patient groups"),
    ("The union, which argues that the port is unsafe, will strike on Monday.", "the port is unsafe", "The union"),
    ("The mayor met the hospital boards, which claim that it will cost too much.", "it will cost too much",
     "the hospital boards"),
])
def test_which_before_a_present_reporting_verb_is_a_relative(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a time phrase closing the antecedent of a relative ('... in September, which predicted') is not
# the antecedent: the noun phrase before it is
@pytest.mark.parametrize("text, clause, speaker", [
    ("The forecast is gloomier than the one published by the finance ministry in September, which predicted "
     "that prices would be flat.", "prices would be flat", "the finance ministry"),
    ("Rents rose faster than in a survey by the harbour board in 2019, which found that rents had fallen.",
     "rents had fallen", "the harbour board"),
    ("The figures differ from those released by the statistics office on Monday, which showed that exports grew.",
     "exports grew", "the statistics office"),
])
def test_a_time_closing_a_relatives_antecedent_is_skipped(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a verb of judging or describing right before 'as', its object fronted by a relative ('a case that
# Sand described as ...'), says the 'as' phrase of it; the relative pronoun is not the speaker
@pytest.mark.parametrize("text, span, speaker", [
    ("The firm was fined in 2021, a case that Ana Ruiz described as “unrelated and long resolved.”",
     "unrelated and long resolved", "Ana Ruiz"),
    ("The plan, which critics branded as reckless, was dropped.", "reckless", "critics"),
    ("It was a tax that the mayor portrayed as a burden on the poor.", "a burden on the poor", "the mayor"),
])
def test_a_fronted_object_leaves_the_as_phrase_as_content(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


def test_as_soon_as_after_a_verb_is_no_content():
    assert verdict("The ferry that the council described as soon as it could was sold.",
                   "soon as it could was sold").label == "asserted"


# a participle phrase set off after the source of 'according to' glosses the source ('According
# to the agreement, published by the ministry in 2020, ...'): the reporter's, not the content
@pytest.mark.parametrize("text, gloss, content", [
    ("According to the grant agreement, published by the industry ministry in 2020, the money came with "
     "conditions.", "published by the industry ministry in 2020", "the money came with conditions"),
    ("According to the budget, approved by the council last week, taxes will rise.",
     "approved by the council last week", "taxes will rise"),
    ("According to the ruling, issued on Friday, the law was void.", "issued on Friday", "the law was void"),
])
def test_a_participle_glossing_an_according_to_source_is_the_reporters(text, gloss, content):
    assert verdict(text, gloss).label == "asserted"
    v = verdict(text, content)
    assert v.label == "attributed" and v.cue == "According to"


# the sentence subject a participle takes ('..., saying ...') runs past a word right after an
# article, which is a noun or adjective, not the verb ('The report came out, showing ...')
@pytest.mark.parametrize("text, clause, speaker", [
    ("The report came out on Monday, showing that rents rose.", "rents rose", "The report"),
    ("The retired nurse has given no details, saying only that the ward was full.", "the ward was full",
     "The retired nurse"),
    ("The revised forecast was published on Friday, showing that prices fell.", "prices fell",
     "The revised forecast"),
])
def test_a_participles_subject_runs_past_a_word_after_an_article(text, clause, speaker):
    v = verdict(text, clause)
    assert (v.label, v.speaker) == ("attributed", speaker)


# 'at least' / 'at most' after a verb measure its object ('found at least one case'); they open
# no adverbial of place or time, so the words after the next comma are not the verb's content
@pytest.mark.parametrize("text, span, label", [
    ("Inspectors found at least one leak in the north wing, a long way from the boiler room.",
     "a long way from the boiler room", "asserted"),
    ("The inspectors found at most three faults in the wiring, far fewer than last year.",
     "far fewer than last year", "asserted"),
    ("Rescuers said at least nine people were missing, most of them children.", "at least nine people were missing",
     "attributed"),
    ("The court heard at least two witnesses on Monday, both of them neighbours.", "both of them neighbours",
     "asserted"),
])
def test_at_least_after_a_verb_opens_its_object_not_an_adverbial(text, span, label):
    assert verdict(text, span).label == label


# a past form right after a noun, with a preposition after it, is a participle modifying that
# noun when the words before it already hold a verb with its own object: no subject, no report
@pytest.mark.parametrize("text", [
    "He attended a rally called by the union in the spring.",
    "Trump gave a speech during a part of the debate focused on the economy.",
    "The council published a plan criticized by residents for its cost.",
])
def test_a_past_form_after_its_noun_modifies_it(text):
    assert verdict(text, text[:-1]).label == "asserted"


@pytest.mark.parametrize("text, span, speaker", [
    ("The people who attended the rally said the plan would fail.", "the plan would fail",
     "The people who attended the rally"),
    ("Critics of the plan called for a new vote.", "a new vote", "Critics of the plan"),
    ("The mayor, who opened a school, warned of cuts.", "cuts", "The mayor"),
])
def test_a_finite_verb_after_its_subject_still_reports(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# ', but' and a clause with its own subject and verb end a report whose content has no finite
# verb (an infinitive or an object): 'called on X to block the deal, but Y voted ...'
@pytest.mark.parametrize("text, content, tail", [
    ("The mayor called on the council to block the deal, but Democrats were the only ones angry about it.",
     "to block the deal", "but Democrats were the only ones angry about it"),
    ("The union called for a strike in May, but most members have stayed at work.", "a strike in May",
     "but most members have stayed at work"),
    ("Rivera urged voters to back the levy, but the measure failed by a wide margin.", "to back the levy",
     "but the measure failed by a wide margin"),
])
def test_a_but_clause_ends_a_content_without_a_verb(text, content, tail):
    assert verdict(text, content).label == "attributed"
    assert verdict(text, tail).label == "asserted"


# a singular noun of a person in '-ist' or '-ian' after a determiner can be the source of any
# reporting verb ('the socialist has vowed'), as its plural can ('activists vowed')
@pytest.mark.parametrize("text, span, speaker", [
    ("The socialist has vowed to fight on until the convention.", "to fight on until the convention",
     "The socialist"),
    ("A historian has cautioned that the letters may be forged.", "the letters may be forged", "A historian"),
    ("One economist has predicted a slump by the winter.", "a slump by the winter", "One economist"),
])
def test_a_singular_agent_noun_is_a_person(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a form as often a noun ('attack', 'claim', 'pledge') after 'a'/'an' and one word is a noun: a
# singular subject would take '-s', so '..., a campaign claim.' is no trailing 'SOURCE claim'
@pytest.mark.parametrize("text, span", [
    ("Crowds fled the square, 'It's a terrorist attack!'", "Crowds fled the square"),
    ("The tax was cut in half, a populist pledge.", "The tax was cut in half"),
    ("The vote was rigged, a campaign claim.", "The vote was rigged"),
])
def test_a_nounish_form_after_a_and_one_word_is_a_noun(text, span):
    assert verdict(text, span).label == "asserted"


# a first name gives its sex to a pronoun (data/first_names.tsv): "Tom Reed met Maria Lopez.
# She said ..." is Maria Lopez, though Tom Reed is named first; a name used for both sexes
# ('Jean', 'Kim') gives none, so the first person named stays the antecedent
@pytest.mark.parametrize("text, span, speaker", [
    ("Tom Reed met Maria Lopez on Friday. She said the talks had failed.", "the talks had failed", "Maria Lopez"),
    ("Priya Natarajan met Tom Reed on Friday. He said the talks had failed.", "the talks had failed", "Tom Reed"),
    ("Sen. Helen Marsh sat beside Gov. David Ortiz at the hearing. He told them the dam would hold.",
     "the dam would hold", "David Ortiz"),
    ("Jean Moreau met Tom Reed on Friday. She said the talks had failed.", "the talks had failed", "Jean Moreau"),
])
def test_a_first_name_gives_a_pronoun_its_sex(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a later mention by surname alone takes the sex of its full name ('Trump' is 'Donald Trump'),
# and a name opening with an English word that is no first name ('Wall Street', 'Affordable
# Care Act') is no 'he' or 'she'
@pytest.mark.parametrize("text, span, speaker", [
    ("Anna Berg met Tom Reed in May. Later, Reed praised Berg. She said the deal was fair.",
     "the deal was fair", "Anna Berg"),
    ("Anna Berg met Tom Reed in May. Later, Berg praised Reed. He said the deal was fair.",
     "the deal was fair", "Tom Reed"),
    ("Anna Berg, the treasurer, spoke first. Critics cited the Affordable Care Act. She said the fund was safe.",
     "the fund was safe", "Anna Berg"),
    ("Tom Reed spoke after the bell. Shares fell on Wall Street. He said the slide would pass.",
     "the slide would pass", "Tom Reed"),
])
def test_a_surname_takes_the_sex_of_its_full_name_and_no_place_is_a_person(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a state-of-mind adjective takes a clause that opens with a name or a number as well as one
# opening with a determiner or a pronoun, when a finite verb follows ('was sure Trump would win')
@pytest.mark.parametrize("text, span, speaker", [
    ("She was sure Trump would triumph in the end.", "Trump would triumph in the end", "She"),
    ("The manager is confident Brazil will reach the final.", "Brazil will reach the final", "The manager"),
    ("Officials were hopeful 2017 would bring calm to the region.", "2017 would bring calm to the region",
     "Officials"),
])
def test_a_state_of_mind_takes_a_clause_opening_with_a_name(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


def test_a_state_of_mind_before_a_name_without_a_verb_reports_nothing():
    assert verdict("He was happy Monday and left early.", "He was happy Monday and left early").label == "asserted"


# 'that' right after a noun and before a past verb is a relative pronoun, the noun its subject:
# 'the report that came out on Monday' has no content clause; with a verb of saying, finding or
# thinking the relative reports ('a study that found ...'); a verb that only judges an object
# ('a union that has endorsed Mr. Sanders') is the reporter's description of the noun
@pytest.mark.parametrize("text, span", [
    ("The report that came out on Monday was long.", "came out on Monday"),
    ("The statement that followed the vote was brief.", "followed the vote"),
    ("A letter that arrived on Friday was read aloud.", "arrived on Friday"),
    ("It is a union that has endorsed Mr. Sanders in the race.", "Mr. Sanders in the race"),
    ("Voters backed a group that praised the levy last year.", "the levy last year"),
])
def test_a_relative_that_after_a_noun_opens_no_content(text, span):
    assert verdict(text, span).label == "asserted"


@pytest.mark.parametrize("text, span, speaker", [
    ("The mayor cited a study that found crime fell by half.", "crime fell by half", "a study"),
    ("Critics pointed to a memo that warned the dam could fail.", "the dam could fail", "a memo"),
    ("There were reports that armed men stormed the depot.", "armed men stormed the depot", None),
])
def test_a_relative_that_with_a_reporting_verb_reports(text, span, speaker):
    v = verdict(text, span)
    assert v.label == "attributed" and (speaker is None or v.speaker == speaker)


# after a verb with an addressee ('warn', 'promise'), a determiner that opens a clause of its
# own ('warned the dam could fail') is the clause's subject, not someone addressed; 'warned
# the court the law was void' still addresses the court
@pytest.mark.parametrize("text, span, speaker", [
    ("Critics cited a memo that warned the dam could fail.", "the dam could fail", "a memo"),
    ("Voters remember a mayor who promised the tax would fall.", "the tax would fall", "a mayor"),
    ("The union praised a judge who warned the court the law was void.", "the law was void", "a judge"),
])
def test_a_clause_after_an_addressee_verb_opens_at_its_determiner(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# a relative clause set off by dashes reports like one set off by commas ('the study -- which
# notes that ... --'); a dash that closes an earlier aside opens no relative of its own
@pytest.mark.parametrize("text, span, speaker", [
    ("The study -- which notes that 58 firms would owe taxes -- should alarm Congress.", "58 firms would owe taxes",
     "The study"),
    ("The report — which claims the port will close — was leaked on Friday.", "the port will close", "The report"),
    ("Her lawyer — who said the charges were false — left the court early.", "the charges were false",
     "Her lawyer"),
])
def test_a_relative_between_dashes_reports(text, span, speaker):
    v = verdict(text, span)
    assert (v.label, v.speaker) == ("attributed", speaker)


# an adverbial after the verb, then an indirect question with its own subject: the question is
# the content ('shows in detail how ...'); 'how to ...' asks nothing checkable, and an occasion
# ('said when asked whether ...') keeps the trailing cue's content before it
@pytest.mark.parametrize("text, span, label", [
    ("The study shows in detail how firms shelter profits offshore.", "how firms shelter profits offshore",
     "attributed"),
    ("The mayor explained at length why the port would close.", "why the port would close", "attributed"),
    ("He asked in a letter whether the vote was legal.", "whether the vote was legal", "attributed"),
    ("But they disagree on when and how to move forward.", "But they disagree on when and how to move forward",
     "asserted"),
    ('"You bet I would," Christie said when asked whether he would act.', "You bet I would", "attributed"),
])
def test_an_indirect_question_after_an_adverbial_is_the_content(text, span, label):
    assert verdict(text, span).label == label


# an attempt is an act the article reports, not a proposition the subject said or believes:
# 'tried to ...' is the outlet's voice (ANNOTATION.md), while 'wants to', 'hopes to' report a mind
@pytest.mark.parametrize("text, span, label", [
    ("The council tried on Monday to delay the vote.", "to delay the vote", "asserted"),
    ("Rescuers are trying to reach the village before dark.", "to reach the village before dark", "asserted"),
    ("A bill the mayor had tried to push through failed in May.", "A bill the mayor had tried to push through failed",
     "asserted"),
    ("The council wants to delay the vote.", "to delay the vote", "attributed"),
])
def test_an_attempt_reports_nothing(text, span, label):
    assert verdict(text, span).label == label


# an '-ed' form with its agent after it ('a meeting led by the governor') or after a
# preposition ('a lead in pledged delegates') modifies a noun: it makes no clause of its own,
# so a verb that reports only a clause ('held', 'maintained') reports nothing
@pytest.mark.parametrize("text", [
    "In October, they held a large meeting led by the governor.",
    "The senator may hold a lead in pledged delegates.",
    "The firm maintained a steady pace guided by its founder.",
])
def test_a_participle_with_its_agent_or_after_a_preposition_makes_no_clause(text):
    assert verdict(text, text[:-1]).label == "asserted"


def test_a_finite_verb_after_its_subject_still_makes_a_clause():
    assert verdict("Officials know the plan failed in May.", "the plan failed in May").label == "attributed"

