"""Claim segmentation rules (verifier/extractors/segment.py), each with at least three
sentences of different shapes, written for this project."""

from __future__ import annotations

import pytest

from verifier.document import Document
from verifier.extractors.rules import RuleExtractor
from verifier.pipeline import Verifier


def extract(text: str):
    return RuleExtractor().extract(Document.from_text(text))


def evidences(text: str) -> list[str]:
    return [d.evidence for d in extract(text).drafts]


def reasons(text: str) -> list[str]:
    ex = extract(text)
    return [r for n in ex.sentences for r in ([n.reason] if n.reason else []) + [lo[2] for lo in n.left_out]]


# --- content is cut out of its frame -------------------------------------------------------------

@pytest.mark.parametrize("text, content", [
    ("The governor announced on Monday that the highway will close for repairs in June.",
     "the highway will close for repairs in June"),
    ("Prices for diesel rose sharply in the spring, analysts said on Tuesday.", "Prices for diesel rose sharply in the spring"),
    ("She told reporters in the capital that the bridge would reopen in a week.", "the bridge would reopen in a week"),
])
def test_source_cue_and_event_phrases_are_left_out(text, content):
    assert content in evidences(text)


@pytest.mark.parametrize("text, content", [
    ("The minister praised the volunteers on Friday.", "praised the volunteers"),
    ("The coach criticised the referee’s decisions yesterday.", "the referee’s decisions"),
    ("Officials welcomed the new funding for rural schools on Sunday.", "the new funding for rural schools"),
])
def test_time_of_the_speech_event_is_not_in_a_noun_phrase_object(text, content):
    # a short object keeps its cue, so that the claim says something ("praised the volunteers")
    assert any(content in e and "day" not in e for e in evidences(text))
    assert any("time of the speech event" in r for r in reasons(text))


@pytest.mark.parametrize("text, expected", [
    ("The agency rejected that criticism.", "The agency rejected that criticism"),
    ("Two former directors have disputed this account.", "Two former directors have disputed this account"),
    ("The council has not confirmed that figure.", "The council has not confirmed that figure"),
])
def test_an_object_pointing_back_at_something_said_keeps_its_clause(text, expected):
    assert evidences(text) == [expected]


# --- mixed sentences, coordinated reports, two sources -----------------------------------------

@pytest.mark.parametrize("text, content, gloss", [
    ("However, Putin stated that export contracts have generally been fulfilled on schedule, demonstrating the "
     "industry’s ability to navigate challenging conditions.",
     "export contracts have generally been fulfilled on schedule", "demonstrating the industry’s ability"),
    ("The mayor said the new depot was finished early, showing how quickly the city can build when it wants to.",
     "the new depot was finished early", "showing how quickly the city can build"),
    ("Police said the road had reopened by noon, ending a week of delays for commuters.",
     "the road had reopened by noon", "ending a week of delays for commuters"),
])
def test_a_participle_after_a_report_is_its_own_ambiguous_claim(text, content, gloss):
    drafts = extract(text).drafts
    by_ev = {d.evidence: d for d in drafts}
    assert content in by_ev and not by_ev[content].ambiguous
    g = [d for d in drafts if d.evidence.startswith(gloss)]
    assert g and g[0].ambiguous and g[0].kind == "gloss"


@pytest.mark.parametrize("text, first, second", [
    ("The Russian leader acknowledged that the sector operates under difficult circumstances but praised its "
     "resilience.", "the sector operates under difficult circumstances", "praised its resilience"),
    ("The chairman admitted that sales had fallen but insisted that the brand remained strong.",
     "sales had fallen", "the brand remained strong"),
    ("She conceded that the plan was expensive and said that the city could still afford it.",
     "the plan was expensive", "the city could still afford it"),
])
def test_coordinated_reports_are_two_claims(text, first, second):
    ev = evidences(text)
    assert first in ev and second in ev


@pytest.mark.parametrize("text, first, second, speakers", [
    ("Officials said the talks would resume, a view the ministry disputed.", "the talks would resume",
     "a view the ministry disputed", ("Officials", "the ministry")),
    ("The club said the coach had resigned, a claim his agent denied.", "the coach had resigned",
     "a claim his agent denied", ("The club", "his agent")),
    ("Ministers said growth would return, a forecast most economists doubted.", "growth would return",
     "a forecast most economists doubted", ("Ministers", "most economists")),
])
def test_two_sources_in_one_sentence_are_two_claims_each_with_its_own_speaker(text, first, second, speakers):
    report = Verifier(extractor="rules").check(text)
    by_ev = {c.evidence.text: c for c in report.claims}
    assert (by_ev[first].speaker, by_ev[second].speaker) == speakers
    assert by_ev[first].label == by_ev[second].label == "attributed"


@pytest.mark.parametrize("text, first, second", [
    ("The river flooded two villages, and the army sent boats to the valley.", "The river flooded two villages",
     "the army sent boats to the valley"),
    ("Exports fell in March but imports rose by 3 percent.", "Exports fell in March", "imports rose by 3 percent"),
    ("No one was hurt, but 11 homes were destroyed and two roads were closed.", "No one was hurt",
     "11 homes were destroyed"),
])
def test_independent_clauses_are_split(text, first, second):
    ev = evidences(text)
    assert first in ev and second in ev


@pytest.mark.parametrize("text, first, second", [
    ("The numbers back her up: the cut amounts to less than one percent of the budget.", "The numbers back her up",
     "the cut amounts to less than one percent of the budget"),
    ("The lesson is clear: the town needs a new bridge.", "The lesson is clear", "the town needs a new bridge"),
    ("Her case rests on one fact: the firm owns 60 percent of the land.", "Her case rests on one fact",
     "the firm owns 60 percent of the land"),
])
def test_a_clause_with_a_present_tense_verb_after_a_colon_is_its_own_claim(text, first, second):
    ev = evidences(text)
    assert first in ev and second in ev


@pytest.mark.parametrize("text", [
    "The shop sells bread, cheese, and smoked fish from local farms.",
    "The team bought tents, stoves and dried food for the trip.",
    "Western countries have maintained and even increased pressure on the suppliers.",
])
def test_lists_and_verbs_sharing_an_object_stay_whole(text):
    assert len(evidences(text)) == 1


@pytest.mark.parametrize("text, gloss", [
    ("The plant, which opened in 1978, employs 1,900 people.", "which opened in 1978"),
    ("Harbor City’s owner, who bought the club in 2021, has not commented.", "who bought the club in 2021"),
    ("Average prices fell 0.8 percent in October, the sixth monthly decline in a row.",
     "the sixth monthly decline in a row"),
])
def test_relative_clauses_and_appositions_that_say_something_new_are_claims(text, gloss):
    assert gloss in evidences(text)


@pytest.mark.parametrize("text, gloss", [
    ("The service, run by a start-up from Oslo, has operated 60 cars since March.", "run by a start-up from Oslo"),
    ("Turnout reached 62 percent, up from 55 percent in 2019.", "up from 55 percent in 2019"),
    ("When the firm bought its rival in 2016, it closed two warehouses within a year.", "it closed two warehouses within a year"),
])
def test_reduced_relatives_comparisons_and_subordinate_clauses(text, gloss):
    assert gloss in evidences(text)


@pytest.mark.parametrize("text, predicate, claim", [
    ("The lawyer said his client was disappointed and would appeal.", "would appeal", "His client would appeal."),
    ("Officials said the depot was finished and will open in May.", "will open in May", "The depot will open in May."),
    ("The survey found that the wall had cracked and could fall in a storm.", "could fall in a storm",
     "The wall could fall in a storm."),
])
def test_a_modal_after_and_opens_a_second_predicate_with_the_same_subject(text, predicate, claim):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert predicate in drafts and drafts[predicate].text == claim


@pytest.mark.parametrize("text, claim", [
    ("The river flooded two villages and destroyed a bridge.", "The river destroyed a bridge."),
    ("Navarro’s team tagged 600 bees and still found a clear signal.", "Navarro’s team still found a clear signal."),
    ("Whitcombe rejected the comparison, saying most of the budget is tied up in care and cannot legally be cut.",
     "Most of the budget cannot legally be cut."),
])
def test_a_predicate_without_its_subject_is_written_with_it(text, claim):
    assert claim in [d.text for d in extract(text).drafts]


@pytest.mark.parametrize("text, first, second", [
    ("The road was closed, because the bridge had cracked.", "The road was closed", "the bridge had cracked"),
    ("A spokesman said the firm had met its duties, because the plant would stay open until 2026.",
     "the firm had met its duties", "the plant would stay open until 2026"),
    ("Turnout fell sharply in the north, because many voters stayed at home.", "Turnout fell sharply in the north",
     "many voters stayed at home"),
])
def test_a_clause_word_after_a_comma_opens_a_second_proposition(text, first, second):
    ev = evidences(text)
    assert first in ev and second in ev


@pytest.mark.parametrize("text, clause", [
    ("Payments peaked in 2019, when the firms received 410,000 pounds.", "when the firms received 410,000 pounds"),
    ("The bridge opened in 1932, when the town had fewer than 5,000 people.",
     "when the town had fewer than 5,000 people"),
    ("Sales slumped in the spring, when the new tax took effect.", "when the new tax took effect"),
])
def test_when_after_a_comma_and_a_time_opens_a_gloss_of_its_own(text, clause):
    assert clause in evidences(text)


def test_when_before_a_verb_is_no_gloss_of_its_own():
    ev = evidences("The minister, when asked about the plan, said the road would be built.")
    assert not any(e.startswith("when asked") for e in ev)


@pytest.mark.parametrize("text, phrase, content", [
    ("The mayor said at a briefing that the bridge would reopen.", "at a briefing", "the bridge would reopen"),
    ("He wrote in a blog post on Sunday that the plan had failed.", "in a blog post on Sunday", "the plan had failed"),
    ("Her lawyer said outside court that she would appeal the verdict.", "outside court",
     "she would appeal the verdict"),
])
def test_the_place_or_medium_between_cue_and_that_is_left_out(text, phrase, content):
    assert content in evidences(text)
    assert any("speech event" in r for r in reasons(text))


@pytest.mark.parametrize("text, first, second", [
    ("Whitcombe rejected the comparison, saying most of the budget is tied up in care and cannot legally be cut.",
     "saying most of the budget is tied up in care", "cannot legally be cut"),
    ("The mayor defended the plan, saying the buses were full and would stay free.",
     "saying the buses were full", "would stay free"),
    ("The club sacked its coach, insisting the results were poor and the fans had lost patience.",
     "insisting the results were poor", "the fans had lost patience"),
])
def test_a_reporting_participle_after_a_report_is_split_into_its_propositions(text, first, second):
    kinds = {d.evidence: d.kind for d in extract(text).drafts}
    assert kinds.get(first) == "gloss" and kinds.get(second) == "gloss"


@pytest.mark.parametrize("text, content, predicate", [
    ("The mayor’s promise that fares would stay free has worried the council’s auditors.", "fares would stay free",
     "has worried the council’s auditors"),
    ("Her claim that the vote was rigged is not supported by the count.", "the vote was rigged",
     "is not supported by the count"),
    ("The coach’s warning that the squad is tired captures why the team rotated.", "the squad is tired",
     "captures why the team rotated"),
    ("The firm’s insistence that it paid 40,000 euros a month reflects a wider pattern.", "it paid 40,000 euros a month",
     "reflects a wider pattern"),
])
def test_a_nominal_frame_as_subject_ends_its_content_at_the_main_verb(text, content, predicate):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert content in drafts and drafts[content].cue is not None
    assert predicate in drafts and drafts[predicate].cue is None  # the article's own claim about the report
    assert drafts[predicate].text == text  # written with its subject, it stands alone


@pytest.mark.parametrize("text, own, content", [
    ("The ruling rests on the finding that the dam had cracked.", "The ruling rests on the finding",
     "the dam had cracked"),
    ("Nobody has tested the idea that the enzyme works in cold water.", "Nobody has tested the idea",
     "the enzyme works in cold water"),
    ("The inquiry will examine the theory that the fire began in the kitchen.", "The inquiry will examine the theory",
     "the fire began in the kitchen"),
])
def test_a_nominal_frame_without_a_source_keeps_the_sentence_around_it(text, own, content):
    # the words before the frame noun are the article's own claim, with the noun they end on
    ev = evidences(text)
    assert own in ev and content in ev


@pytest.mark.parametrize("text, claim", [
    ("That finding matches what firefighters describe on the ground.",
     "That finding matches what firefighters describe on the ground"),
    ("The new timetable differs from what officials promised in May.",
     "The new timetable differs from what officials promised in May"),
    ("The result is what most pollsters predicted last week.", "The result is what most pollsters predicted last week"),
])
def test_a_report_in_a_free_relative_does_not_cut_the_sentence(text, claim):
    assert evidences(text) == [claim]


@pytest.mark.parametrize("text, claim", [
    ("Brackley’s shares rose 3 percent, suggesting that investors welcomed the cost cuts.",
     "suggesting that investors welcomed the cost cuts"),
    ("Turnout fell to 41 percent, showing that voters rejected the plan.", "showing that voters rejected the plan"),
    ("Sales of heaters tripled in October, proving that households feared a cold winter.",
     "proving that households feared a cold winter"),
])
def test_a_report_after_an_inferring_participle_is_the_reporters_inference(text, claim):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert claim in drafts and drafts[claim].cue is None


@pytest.mark.parametrize("text, content, speaker", [
    ("The plant will reopen on Monday, a spokeswoman, Ana Ruiz, told reporters.", "The plant will reopen on Monday",
     "Ana Ruiz"),
    ("In a letter to staff, its chair, Tomas Berg, said the merger was off.", "the merger was off", "Tomas Berg"),
    ("After the hearing, her lawyer, Dev Patel, said she would appeal.", "she would appeal", "Dev Patel"),
])
def test_the_speaker_is_the_name_set_off_after_a_description_wherever_the_sentence_opens(text, content, speaker):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert content in drafts and drafts[content].speaker == speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("The club’s sponsor, the drinks maker Fizzco, said it was reviewing the deal.", "it was reviewing the deal",
     "Fizzco"),
    ("A rival bidder, the investment group Norvest, said the price was too low.", "the price was too low", "Norvest"),
    ("Her employer, the consultancy Brightline, said she had acted alone.", "she had acted alone", "Brightline"),
])
def test_a_description_that_ends_in_a_name_gives_the_name_as_speaker(text, content, speaker):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert content in drafts and drafts[content].speaker == speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("The teachers’ union, Unity, said pay had fallen. The union’s warning that strikes were likely has worried parents.",
     "strikes were likely", "Unity"),
    ("The regional water board, Aquanor, said supplies were safe. The board later said the pipes would be replaced.",
     "the pipes would be replaced", "Aquanor"),
    ("Its parent company, Holmfast, said the plant was profitable. The company added that no jobs would go.",
     "no jobs would go", "Holmfast"),
])
def test_a_description_named_by_an_apposition_keeps_that_name_later(text, content, speaker):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert content in drafts and drafts[content].speaker == speaker


@pytest.mark.parametrize("text, second, claim", [
    ("Divers searched the seabed and found two anchors.", "found two anchors", "Divers found two anchors."),
    ("Volunteers dug up the flowerbed and planted 40 trees.", "planted 40 trees", "Volunteers planted 40 trees."),
    ("The crew dredged the riverbed and still found debris in May.", "still found debris in May",
     "The crew still found debris in May."),
])
def test_an_ed_noun_before_and_is_no_verb_sharing_an_object(text, second, claim):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert second in drafts and drafts[second].text == claim


@pytest.mark.parametrize("text, clause", [
    ("Flights resumed on Friday after the ash cloud over the northern islands drifted east.",
     "the ash cloud over the northern islands drifted east"),
    ("The road was closed, and two lorries from the quarry near the old village were stuck for hours.",
     "two lorries from the quarry near the old village were stuck for hours"),
    ("Prices rose in March because the cost of diesel for the region’s fishing fleet doubled.",
     "the cost of diesel for the region’s fishing fleet doubled"),
])
def test_a_clause_with_a_long_subject_is_cut_after_its_joining_word(text, clause):
    assert clause in evidences(text)


@pytest.mark.parametrize("text, gloss, gloss_text, main, main_text", [
    ("Her cousin, who was never charged, has reportedly moved abroad.", "who was never charged",
     "Her cousin was never charged.", "has reportedly moved abroad", "Her cousin has reportedly moved abroad."),
    ("Norvest, which bought the port in 2019, is reportedly seeking a buyer.", "which bought the port in 2019",
     "Norvest bought the port in 2019.", "is reportedly seeking a buyer", "Norvest is reportedly seeking a buyer."),
    ("The striker, who joined in March, has reportedly asked to leave.", "who joined in March",
     "The striker joined in March.", "has reportedly asked to leave", "The striker has reportedly asked to leave."),
])
def test_a_hedged_clause_keeps_its_subject_and_a_gloss_on_it_is_the_articles_own(text, gloss, gloss_text, main,
                                                                                    main_text):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert drafts[gloss].text == gloss_text and drafts[gloss].cue is None
    assert drafts[main].text == main_text and drafts[main].cue == "reportedly"


@pytest.mark.parametrize("text, main, claim", [
    ("The plant, which opened in 1978, employs 1,900 people.", "employs 1,900 people", "The plant employs 1,900 people."),
    ("The mayor, who took office in May, has resigned.", "has resigned", "The mayor has resigned."),
    ("Our museum, which reopened last week, will close again in June.", "will close again in June",
     "Our museum will close again in June."),
])
def test_the_main_clause_after_a_gloss_on_its_subject_is_written_with_it(text, main, claim):
    drafts = {d.evidence: d for d in extract(text).drafts}
    assert main in drafts and drafts[main].text == claim


@pytest.mark.parametrize("text, main, content", [
    ("The cut has drawn criticism from opposition politicians, who say the firebreaks are overgrown.",
     "The cut has drawn criticism from opposition politicians", "the firebreaks are overgrown"),
    ("The plan was backed by local farmers, who said the river had flooded twice.",
     "The plan was backed by local farmers", "the river had flooded twice"),
    ("The ruling angered bus drivers, who warned that fares would rise.", "The ruling angered bus drivers",
     "fares would rise"),
])
def test_a_source_that_a_relative_pronoun_stands_for_stays_in_the_main_clause(text, main, content):
    ev = evidences(text)
    assert main in ev and content in ev


@pytest.mark.parametrize("text, claim", [
    ("Mayor Ines Ortega highlighted the rapid growth of the city’s tech sector.",
     "Ines Ortega highlighted the rapid growth of the city’s tech sector."),
    ("The minister welcomed the new funding for rural schools in the north.",
     "The minister welcomed the new funding for rural schools in the north."),
    ("Union leaders criticised the board’s handling of the pension fund.",
     "Union leaders criticised the board’s handling of the pension fund."),
])
def test_a_noun_phrase_reported_by_a_cue_is_written_with_its_speaker_and_cue(text, claim):
    assert claim in [d.text for d in extract(text).drafts]


@pytest.mark.parametrize("text, claim", [
    ("The plan comes at a hard time for the city’s bus company, which lost 2 million euros last year.",
     "The city’s bus company lost 2 million euros last year."),
    ("Fares rose again in May for commuters, who pay the most.", "Commuters pay the most."),
    ("The vote was delayed by a dispute over the harbour wall, which collapsed in 2019.",
     "The harbour wall collapsed in 2019."),
])
def test_a_relative_after_a_long_clause_is_written_with_the_noun_phrase_it_follows(text, claim):
    assert claim in [d.text for d in extract(text).drafts]


@pytest.mark.parametrize("text, clause", [
    ("While ticket sales fell in March, the museum kept all its staff.", "ticket sales fell in March"),
    ("Although the river rose overnight, no homes were flooded.", "the river rose overnight"),
    ("Whereas the old law capped rents, the new one does not.", "the old law capped rents"),
])
def test_a_sentence_opening_subordinator_is_trimmed_off_its_clause(text, clause):
    assert clause in evidences(text)


# --- not claims ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, tag, claim", [
    ("Maria Chen, a lawyer for the family, said the inquiry had been rushed.", "a lawyer for the family",
     "Maria Chen is a lawyer for the family."),
    ("“We will not give up,” said Tom Reed, the union’s regional organiser.", "the union’s regional organiser",
     "Tom Reed is the union’s regional organiser."),
    ("Okafor, 34, told the tribunal that he had never seen the contract.", "Okafor, 34", "Okafor is 34."),
])
def test_a_description_set_off_after_a_source_name_is_an_asserted_claim_of_its_own(text, tag, claim):
    # ANNOTATION.md: a claim is a checkable proposition (a state of affairs) the article puts
    # forward; "Maria Chen is a lawyer for the family" is one, in the article's own voice
    report = Verifier(extractor="rules").check(text)
    tags = [c for c in report.claims if c.evidence.text == tag]
    assert tags and tags[0].text == claim and tags[0].label == "asserted"
    content = [c for c in report.claims if c.label == "attributed"]
    assert content and not any(tag in c.evidence.text for c in content)


@pytest.mark.parametrize("text, tag, claim", [
    ("Rents rose 3 percent in May, according to a survey published by Harbour Lettings, the city’s biggest agent.",
     "the city’s biggest agent", "Harbour Lettings is the city’s biggest agent."),
    ("The ferry will run twice a day, said Joan Abara, a spokeswoman for the port.",
     "a spokeswoman for the port", "Joan Abara is a spokeswoman for the port."),
    ("Attendance fell by a third, according to figures from Northfield Council, which runs the library.",
     None, None),
    ("Three schools will merge next year, according to Ravi Menon, the district’s schools chief, who spoke on Monday.",
     "the district’s schools chief", "Ravi Menon is the district’s schools chief."),
])
def test_a_description_set_off_after_a_source_that_ends_its_sentence_is_an_asserted_claim(text, tag, claim):
    # the same name tag as above when the source is not followed by its cue: it stands after the
    # whole frame ('according to ... Harbour Lettings, [the city's biggest agent]')
    report = Verifier(extractor="rules").check(text)
    if tag is None:  # a relative clause is a claim of its own, not a name tag
        assert not any(c.text.startswith("Northfield Council is") for c in report.claims)
        return
    tags = [c for c in report.claims if c.evidence.text == tag]
    assert tags and tags[0].text == claim and tags[0].label == "asserted"


@pytest.mark.parametrize("text, name", [
    ("The group’s spokeswoman, Karen Doyle, said most families had missed appointments.", "Karen Doyle"),
    ("Its chief executive, Priya Natarajan, said the fleet would stay off the road.", "Priya Natarajan"),
    ("A residents’ association, Friends of Holm Park, said the trees were healthy.", "Friends of Holm Park"),
])
def test_a_name_set_off_after_a_description_only_names_the_source(text, name):
    ev = evidences(text)
    assert not any(name in e for e in ev)
    assert any("name tag" in r for r in reasons(text))


@pytest.mark.parametrize("text, event", [
    ("“We have changed how the car handles crossings,” she told a local radio station.",
     "she told a local radio station"),
    ("“The valley will recover,” the minister said in a speech to farmers.", "the minister said in a speech to farmers"),
    ("“Nobody asked us,” Ortega told a packed town hall on Tuesday evening.",
     "Ortega told a packed town hall on Tuesday evening"),
])
def test_the_audience_or_occasion_after_a_quote_is_a_claim_about_the_speech_event(text, event):
    report = Verifier(extractor="rules").check(text)
    found = [c for c in report.claims if c.evidence.text == event]
    assert found and found[0].label == "asserted"
    assert any(c.label == "attributed" and c.evidence.text.startswith(text[1:6]) for c in report.claims)


@pytest.mark.parametrize("text, words", [
    ("“We are sorry,” the firm said on Tuesday.", "on Tuesday"),
    ("She told reporters in the capital that the bridge would reopen in a week.", "reporters in the capital"),
    ("Prosecutors told the court that the accounts had been falsified.", "the court"),
])
def test_a_bare_time_or_the_audience_before_the_content_is_frame_material(text, words):
    assert not any(words in e for e in evidences(text))
    assert any("speech event" in r for r in reasons(text))


@pytest.mark.parametrize("text", [
    "The minister refused to say whether the talks had stalled.",
    "A spokesman declined to say whether the plant would close.",
    "The club would not say whether the coach had been paid.",
])
def test_reported_questions_are_not_claims(text):
    assert evidences(text) == []
    assert any("reported question" in r for r in reasons(text))


@pytest.mark.parametrize("text", [
    "Will the council keep its promise?",
    "What happens to the workers now?",
    "Is this the end of the line for the project?",
])
def test_questions_are_not_claims(text):
    assert evidences(text) == []
    assert any("question" in r for r in reasons(text))


@pytest.mark.parametrize("text, evidence", [
    ("That ruling still shapes how courts read the law.", "That ruling still shapes how courts read the law"),
    ("That plant closed in 2016 with the loss of 600 jobs.", "That plant closed in 2016 with the loss of 600 jobs"),
    ("This decision will cost the city 4 million euros.", "This decision will cost the city 4 million euros"),
])
def test_a_sentence_opening_with_a_demonstrative_is_an_ordinary_sentence(text, evidence):
    assert evidences(text) == [evidence]


@pytest.mark.parametrize("text", [
    "The mayor is expected to resign before the vote.",
    "The bridge is expected to reopen in May.",
    "Prices are expected to rise again next year.",
])
def test_passive_is_expected_to_is_no_report_for_segmentation(text):
    ev = evidences(text)
    assert ev == [text.rstrip(".")]


def test_every_body_sentence_has_claims_or_a_reason():
    text = ("Bridge Reopens\n\nThe mayor praised the crews on Monday. Will it last? "
            "She refused to say whether the budget had been exceeded.")
    ex = extract(text)
    assert len(ex.sentences) == 4
    with_claims = {d.start for d in ex.drafts}
    for n in ex.sentences:
        has = any(n.start <= s < n.end for s in with_claims)
        assert has or n.reason, n


@pytest.mark.parametrize("text, content", [
    ("The Russian leader acknowledged that the defense export sector operates under difficult circumstances.",
     "the defense export sector operates under difficult circumstances"),
    ("The chairman admitted that its profits depend on a single customer.", "its profits depend on a single customer"),
    ("Officials noted that 40 homes remain without power.", "40 homes remain without power"),
])
def test_that_before_a_clause_is_a_complementizer_not_a_demonstrative(text, content):
    assert evidences(text) == [content]
