"""Verb classes, phrasal cues, titles, time and function words of the lexicon: each in
a sentence whose label, speaker or cue depends on it.

Each case is (lexicon list, entry, sentence, content span, label, speaker, cue),
the sentences written for this file; speaker and cue are asserted when given
(None: not asserted). Dropping the entry from
verifier/attribution/data/lexicon.toml moves the asserted answer
(benchmarks/lexicon_pins.py --only checks it), so each case pins its entry."""

from __future__ import annotations

import pytest

from lexicon_pin_case import FIELDS, check, ids

CASES = [
    # addressee_verbs
    ('addressee_verbs', 'advise', 'The port will close in May, the mayor advised residents.', 'The port will close in May', 'attributed', 'the mayor', 'advised'),
    ('addressee_verbs', 'assure', 'The port will close in May, the mayor assured residents.', 'The port will close in May', 'attributed', 'the mayor', 'assured'),
    ('addressee_verbs', 'email', 'The port will close in May, the mayor emailed residents.', 'The port will close in May', 'attributed', 'the mayor', 'emailed'),
    ('addressee_verbs', 'inform', 'The port will close in May, the mayor informed residents.', 'The port will close in May', 'attributed', 'the mayor', 'informed'),
    ('addressee_verbs', 'notify', 'The port will close, and the mayor notified the council and plans to resign.', 'plans to resign', 'asserted', None, None),
    ('addressee_verbs', 'promise', 'The port will close in May, the mayor promised residents.', 'The port will close in May', 'attributed', 'the mayor', 'promised'),
    ('addressee_verbs', 'remind', 'The port will close in May, the mayor reminded residents.', 'The port will close in May', 'attributed', 'the mayor', 'reminded'),
    ('addressee_verbs', 'warn', 'The port will close in May, the mayor warned residents.', 'The port will close in May', 'attributed', 'the mayor', 'warned'),
    ('addressee_verbs', 'write', 'The port will close in May, the mayor wrote residents.', 'The port will close in May', 'attributed', 'the mayor', 'wrote'),
    # adj_to
    ('adj_to', 'eager', 'The mayor is eager to close the port.', 'to close the port', 'attributed', 'The mayor', None),
    ('adj_to', 'hesitant', 'The mayor is hesitant to close the port.', 'to close the port', 'attributed', 'The mayor', None),
    # audience
    ('audience', 'audience', 'The mayor spoke on Friday, telling the audience the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', 'telling'),
    ('audience', 'crowd', 'The mayor spoke on Friday, telling the crowd the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', 'telling'),
    ('audience', 'press', 'The mayor spoke on Friday, telling the press the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', 'telling'),
    ('audience', 'rally', 'The mayor spoke on Friday, telling the rally the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', 'telling'),
    ('audience', 'viewers', 'The mayor spoke on Friday, telling the viewers the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', 'telling'),
    # auxiliaries
    ('auxiliaries', 'again', 'The mayor again believes the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'already', 'The mayor already believes the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'can', 'The mayor can believe that the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'do', 'The owners do believe that the port will close in May.', 'the port will close in May', 'attributed', 'The owners', None),
    ('auxiliaries', 'does', 'The mayor does believe that the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'even', 'The mayor even believes the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'further', 'The mayor further believes the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'just', 'The mayor just believes the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'long', 'The mayor had long believed that the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'might', 'The mayor might believe that the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'must', 'The mayor must believe that the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'never', 'The mayor had never believed that the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'once', 'The mayor had once believed that the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'should', 'The mayor should believe that the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    ('auxiliaries', 'still', 'The mayor still believes the port will close in May.', 'the port will close in May', 'attributed', 'The mayor', None),
    # evidence_verbs
    ('evidence_verbs', 'discover', 'Auditors discovered that the fund had lost $40 million.', 'the fund had lost $40 million', 'attributed', 'Auditors', 'discovered'),
    ('evidence_verbs', 'calculate', 'Analysts calculated that the merger would save $2 billion a year.', 'the merger would save $2 billion a year', 'attributed', 'Analysts', 'calculated'),
    # issuing_verbs: the subject of a verb of making a document public is the document's source
    ('issuing_verbs', 'approve', 'The council approved a resolution saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'circulate', 'The council circulated a memo saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'deliver', 'The council delivered a report saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'file', 'The council filed a complaint saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'issue', 'The council issued a statement saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'post', 'The council posted a message saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'publish', 'The council published a report saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'put_out', 'The council put out a statement saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'release', 'The council released a statement saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'send', 'The council sent a letter saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'sign', 'The council signed a letter saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    ('issuing_verbs', 'write', 'The council wrote a letter saying the bridge was safe.', 'the bridge was safe', 'attributed', 'The council', 'saying'),
    # clause_breaks
    ('clause_breaks', 'while', 'Officials said the port would close while union leaders insisted it would stay open.', 'while union leaders insisted', 'asserted', None, None),
    # common_past
    ('common_past', 'cut', 'Last year the town cut the fees, the mayor said.', 'the town cut the fees', 'attributed', 'the mayor', 'said'),
    ('common_past', 'set', 'Last year the town set new fees, the mayor said.', 'the town set new fees', 'attributed', 'the mayor', 'said'),
    # continue_words
    ('continue_words', 'can', 'Can voters believe the port will close in May?', 'Can voters believe the port will close in May', 'asserted', None, None),
    ('continue_words', 'did', 'Did voters believe the port would close in May?', 'Did voters believe the port would close in May', 'asserted', None, None),
    ('continue_words', 'does', 'Does the mayor believe the port will close in May?', 'Does the mayor believe the port will close in May', 'asserted', None, None),
    ('continue_words', 'had', 'Had voters heard that the port would close in May?', 'Had voters heard that the port would close in May', 'asserted', None, None),
    ('continue_words', 'have', 'Have voters heard that the port will close in May?', 'Have voters heard that the port will close in May', 'asserted', None, None),
    ('continue_words', 'should', 'Should voters believe the port will close in May?', 'Should voters believe the port will close in May', 'asserted', None, None),
    ('continue_words', 'will', 'Will voters believe the port will close in May?', 'Will voters believe the port will close in May', 'asserted', None, None),
    # convened_events
    ('convened_events', 'election', 'The council called an election after the flood.', 'an election after the flood', 'asserted', None, None),
    ('convened_events', 'hearing', 'The council called a hearing after the flood.', 'a hearing after the flood', 'asserted', None, None),
    ('convened_events', 'meeting', 'The council called a meeting after the flood.', 'a meeting after the flood', 'asserted', None, None),
    ('convened_events', 'referendum', 'The council called a referendum after the flood.', 'a referendum after the flood', 'asserted', None, None),
    ('convened_events', 'session', 'The council called a session after the flood.', 'a session after the flood', 'asserted', None, None),
    ('convened_events', 'strike', 'The council called a strike after the flood.', 'a strike after the flood', 'asserted', None, None),
    ('convened_events', 'vote', 'The council called a vote after the flood.', 'a vote after the flood', 'asserted', None, None),
    # core_speech
    ('core_speech', 'admit', 'The filing admits that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'admits'),
    ('core_speech', 'argue', 'The filing argues that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'argues'),
    ('core_speech', 'assert', 'The filing asserts that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'asserts'),
    ('core_speech', 'claim', 'The notice claimed that the port would close in May.', 'the port would close in May', 'attributed', 'The notice', 'claimed'),
    ('core_speech', 'confirm', 'The filing confirms that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'confirms'),
    ('core_speech', 'contend', 'The filing contends that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'contends'),
    ('core_speech', 'declare', 'The filing declares that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'declares'),
    ('core_speech', 'explain', 'The notice explained that the port would close in May.', 'the port would close in May', 'attributed', 'The notice', 'explained'),
    ('core_speech', 'insist', 'The filing insists that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'insists'),
    ('core_speech', 'maintain', 'The filing maintains that the port will close in May.', 'the port will close in May', 'attributed', 'The filing', 'maintains'),
    ('core_speech', 'post', 'The account posted that the port would close in May.', 'the port would close in May', 'attributed', 'The account', 'posted'),
    ('core_speech', 'recall', 'The plaque recalls that the port opened in 1890.', 'the port opened in 1890', 'attributed', 'The plaque', 'recalls'),
    ('core_speech', 'tweet', 'The account tweeted that the port would close in May.', 'the port would close in May', 'attributed', 'The account', 'tweeted'),
    # determiners
    ('determiners', 'this', 'This promise came in May.', 'This promise came in May', 'asserted', None, None),
    # finding_nouns
    ('finding_nouns', 'analysis', 'In an analysis released Monday, most tenants backed the plan.', 'most tenants backed the plan', 'attributed', None, None),
    ('finding_nouns', 'data', 'In data released Monday, most tenants backed the plan.', 'most tenants backed the plan', 'attributed', None, None),
    ('finding_nouns', 'poll', 'In a poll released Monday, most tenants backed the plan.', 'most tenants backed the plan', 'attributed', None, None),
    ('finding_nouns', 'report', 'In a report released Monday, most tenants backed the plan.', 'most tenants backed the plan', 'attributed', None, None),
    ('finding_nouns', 'study', 'In a study released Monday, most tenants backed the plan.', 'most tenants backed the plan', 'attributed', None, None),
    # intro_words
    ('intro_words', 'after', 'After the vote, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'also', 'Also, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'although', 'Although fares rose, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'as', 'As the vote neared, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'before', 'Before the vote, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'earlier', 'Earlier, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'instead', 'Instead, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'last', 'Last week, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'later', 'Later, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'this', 'This week, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'today', 'Today, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'when', 'When asked, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    ('intro_words', 'while', 'While in Rome, the mayor spoke, saying the port would close in May.', 'the port would close in May', 'attributed', 'the mayor', 'saying'),
    # irregular_past
    ('irregular_past', 'held', 'Last year the town held a vote, the mayor said.', 'the town held a vote', 'attributed', 'the mayor', 'said'),
    ('irregular_past', 'hit', 'Last year a storm hit the port, the mayor said.', 'a storm hit the port', 'attributed', 'the mayor', 'said'),
    ('irregular_past', 'thought', 'Last year the town thought otherwise, the mayor said.', 'the town thought otherwise', 'attributed', 'the mayor', 'said'),
    # labels
    ('labels', 'exclusive', 'Exclusive: The port will close in May.', 'Exclusive: The port will close in May', 'asserted', None, None),
    ('labels', 'note', "Editor's Note: The port will close in May.", "Editor's Note: The port will close in May", 'asserted', None, None),
    ('labels', 'update', 'Harbor Update: The port will close in May.', 'Harbor Update: The port will close in May', 'asserted', None, None),
    # ly_nouns
    ('ly_nouns', 'ally', 'The ally said the port would close in May.', 'the port would close in May', 'attributed', 'The ally', 'said'),
    ('ly_nouns', 'family', 'The family said the port would close in May.', 'the port would close in May', 'attributed', 'The family', 'said'),
    ('ly_nouns', 'reply', 'The reply said the port would close in May.', 'the port would close in May', 'attributed', 'The reply', 'said'),
    # needs_clause
    ('needs_clause', 'add', 'The city added a second ferry route in May.', 'The city added a second ferry route in May', 'asserted', None, None),
    ('needs_clause', 'answer', 'The mayor answered the phone.', 'The mayor answered the phone', 'asserted', None, None),
    ('needs_clause', 'assume', 'The new owner will assume the debts of the old port.', 'the debts of the old port', 'asserted', None, None),
    ('needs_clause', 'consider', 'The council considered a second ferry route in May.', 'The council considered a second ferry route in May', 'asserted', None, None),
    ('needs_clause', 'discover', 'Divers discovered a wreck off the coast in June.', 'a wreck off the coast in June', 'asserted', None, None),
    ('needs_clause', 'calculate', 'The engineers calculated the load before the test.', 'the load before the test', 'asserted', None, None),
    ('needs_clause', 'determine', 'Tides determined the schedule.', 'Tides determined the schedule', 'asserted', None, None),
    ('needs_clause', 'establish', 'The city established a second ferry route in May.', 'The city established a second ferry route in May', 'asserted', None, None),
    ('needs_clause', 'explain', 'Rising costs explained the delay.', 'Rising costs explained the delay', 'asserted', None, None),
    ('needs_clause', 'feel', 'The city felt the storm in May.', 'The city felt the storm in May', 'asserted', None, None),
    ('needs_clause', 'know', 'The mayor knew the harbour well.', 'The mayor knew the harbour well', 'asserted', None, None),
    ('needs_clause', 'observe', 'The city observed a minute of silence in May.', 'The city observed a minute of silence in May', 'asserted', None, None),
    ('needs_clause', 'post', 'The team posted a loss in May.', 'The team posted a loss in May', 'asserted', None, None),
    ('needs_clause', 'realize', 'The city realized large savings in May.', 'The city realized large savings in May', 'asserted', None, None),
    ('needs_clause', 'recall', 'The city recalled the faulty buses in May.', 'The city recalled the faulty buses in May', 'asserted', None, None),
    ('needs_clause', 'recognize', 'The city recognized the volunteers in May.', 'The city recognized the volunteers in May', 'asserted', None, None),
    ('needs_clause', 'repeat', 'The city repeated the survey in May.', 'The city repeated the survey in May', 'asserted', None, None),
    ('needs_clause', 'reply', 'The mayor replied within an hour.', 'The mayor replied within an hour', 'asserted', None, None),
    ('needs_clause', 'respond', 'The crews responded within an hour.', 'The crews responded within an hour', 'asserted', None, None),
    ('needs_clause', 'see', 'The city saw a sharp rise in fares in May.', 'The city saw a sharp rise in fares in May', 'asserted', None, None),
    ('needs_clause', 'state', 'The mayor stated her name.', 'The mayor stated her name', 'asserted', None, None),
    ('needs_clause', 'understand', 'The mayor understood the risks.', 'The mayor understood the risks', 'asserted', None, None),
    ('needs_clause', 'write', 'The mayor wrote a book in May.', 'The mayor wrote a book in May', 'asserted', None, None),
    # needs_to
    ('needs_to', 'decide', 'The mayor decided on Friday to close the port.', 'to close the port', 'attributed', 'The mayor', None),
    ('needs_to', 'offer', 'The mayor offered on Friday to close the port.', 'to close the port', 'attributed', 'The mayor', None),
    ('needs_to', 'seek', 'The mayor sought on Friday to close the port.', 'to close the port', 'attributed', 'The mayor', None),
    ('needs_to', 'threaten', 'The mayor threatened on Friday to close the port.', 'to close the port', 'attributed', 'The mayor', None),
    # not_people
    ('not_people', 'answers', 'The answers suggest that demand is strong.', 'The answers suggest that demand is strong', 'asserted', None, None),
    ('not_people', 'fees', 'The fees suggest that demand is strong.', 'The fees suggest that demand is strong', 'asserted', None, None),
    # nounish
    ('nounish', 'judge', 'Federal judges blocked the rule in May.', 'Federal judges blocked the rule in May', 'asserted', None, None),
    ('nounish', 'blast', 'A second blast hit the port.', 'A second blast hit the port', 'asserted', None, None),
    ('nounish', 'brand', 'New brands came in May.', 'New brands came in May', 'asserted', None, None),
    ('nounish', 'chant', 'Loud chants filled the hall on Friday.', 'Loud chants filled the hall on Friday', 'asserted', None, None),
    ('nounish', 'charge', 'New charges came in May.', 'New charges came in May', 'asserted', None, None),
    ('nounish', 'claim', 'New claims came in May.', 'New claims came in May', 'asserted', None, None),
    ('nounish', 'comment', 'New comments came in May.', 'New comments came in May', 'asserted', None, None),
    ('nounish', 'counter', 'New counters came in May.', 'New counters came in May', 'asserted', None, None),
    ('nounish', 'credit', 'New credits came in May.', 'New credits came in May', 'asserted', None, None),
    ('nounish', 'cry', 'Loud cries filled the hall on Friday.', 'Loud cries filled the hall on Friday', 'asserted', None, None),
    ('nounish', 'doubt', 'New doubts came in May.', 'New doubts came in May', 'asserted', None, None),
    ('nounish', 'email', 'New emails came in May.', 'New emails came in May', 'asserted', None, None),
    ('nounish', 'estimate', 'New estimates came in May.', 'New estimates came in May', 'asserted', None, None),
    ('nounish', 'fear', 'New fears came in May.', 'New fears came in May', 'asserted', None, None),
    ('nounish', 'hint', 'New hints came in May.', 'New hints came in May', 'asserted', None, None),
    ('nounish', 'hope', 'New hopes came in May.', 'New hopes came in May', 'asserted', None, None),
    ('nounish', 'joke', 'Loud jokes filled the hall on Friday.', 'Loud jokes filled the hall on Friday', 'asserted', None, None),
    ('nounish', 'label', 'New labels came in May.', 'New labels came in May', 'asserted', None, None),
    ('nounish', 'note', 'New notes came in May.', 'New notes came in May', 'asserted', None, None),
    ('nounish', 'pledge', 'New pledges came in May.', 'New pledges came in May', 'asserted', None, None),
    ('nounish', 'praise', 'Warm praises filled the letters page.', 'Warm praises filled the letters page', 'asserted', None, None),
    ('nounish', 'promise', 'New promises came in May.', 'New promises came in May', 'asserted', None, None),
    ('nounish', 'protest', 'Loud protests filled the hall on Friday.', 'Loud protests filled the hall on Friday', 'asserted', None, None),
    ('nounish', 'question', 'Loud questions filled the hall on Friday.', 'Loud questions filled the hall on Friday', 'asserted', None, None),
    ('nounish', 'shout', 'Loud shouts filled the hall on Friday.', 'Loud shouts filled the hall on Friday', 'asserted', None, None),
    ('nounish', 'slam', 'Loud slams shook the hall on Friday.', 'Loud slams shook the hall on Friday', 'asserted', None, None),
    ('nounish', 'support', 'Bridge supports rusted in the rain.', 'Bridge supports rusted in the rain', 'asserted', None, None),
    ('nounish', 'tweet', 'New tweets came in May.', 'New tweets came in May', 'asserted', None, None),
    ('nounish', 'vow', 'New vows came in May.', 'New vows came in May', 'asserted', None, None),
    ('nounish', 'wish', 'New wishes came in May.', 'New wishes came in May', 'asserted', None, None),
    # paren_adverbs
    ('paren_adverbs', 'meanwhile', 'The mayor, meanwhile, said the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', 'said'),
    ('paren_adverbs', 'too', 'The mayor, too, said the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', 'said'),
    # partitives
    ('partitives', 'coalition', 'A coalition of voters believe the port will close in May.', 'the port will close in May', 'attributed', 'A coalition of voters', None),
    ('partitives', 'generation', 'A generation of voters believe the port will close in May.', 'the port will close in May', 'attributed', 'A generation of voters', None),
    ('partitives', 'handful', 'A handful of voters believe the port will close in May.', 'the port will close in May', 'attributed', 'A handful of voters', None),
    ('partitives', 'number', 'A number of voters believe the port will close in May.', 'the port will close in May', 'attributed', 'A number of voters', None),
    ('partitives', 'pair', 'A pair of voters believe the port will close in May.', 'the port will close in May', 'attributed', 'A pair of voters', None),
    # passive_cues
    ('passive_cues', 'accuse', 'The mayor was accused of hiding the report.', 'hiding the report', 'attributed', None, None),
    ('passive_cues', 'blame', 'The storm was blamed for the delay.', 'the delay', 'attributed', None, None),
    ('passive_cues', 'condemn', 'The plan was condemned as reckless.', 'as reckless', 'attributed', None, None),
    ('passive_cues', 'credit', 'The mayor was credited with saving the port.', 'saving the port', 'attributed', None, None),
    ('passive_cues', 'criticize', 'The mayor was criticized for hiding the report.', 'hiding the report', 'attributed', None, None),
    ('passive_cues', 'describe', 'The port was described as unsafe.', 'as unsafe', 'attributed', None, None),
    ('passive_cues', 'inform', 'Residents were informed that the port would close in May.', 'the port would close in May', 'attributed', None, None),
    ('passive_cues', 'know', 'The mayor is known to favor the plan.', 'to favor the plan', 'attributed', None, None),
    ('passive_cues', 'project', 'The port is projected to lose money this year.', 'to lose money this year', 'attributed', None, None),
    ('passive_cues', 'quote', 'The mayor was quoted as saying the port would close.', 'the port would close', 'attributed', None, None),
    ('passive_cues', 'regard', 'The mayor is regarded as a moderate.', 'as a moderate', 'attributed', None, None),
    ('passive_cues', 'report', 'The port is reported to be unsafe.', 'to be unsafe', 'attributed', None, None),
    ('passive_cues', 'see', 'The mayor is seen as a moderate.', 'as a moderate', 'attributed', None, None),
    ('passive_cues', 'show', 'The plan was shown to be flawed.', 'to be flawed', 'attributed', None, None),
    ('passive_cues', 'suspect', 'The mayor is suspected of hiding the report.', 'hiding the report', 'attributed', None, None),
    ('passive_cues', 'tell', 'The crews were told that the port would close in May.', 'the port would close in May', 'attributed', None, None),
    ('passive_cues', 'think', 'The mayor is thought to favor the plan.', 'to favor the plan', 'attributed', None, None),
    ('passive_cues', 'view', 'The port is viewed as unsafe.', 'as unsafe', 'attributed', None, None),
    ('passive_cues', 'warn', 'Residents were warned that the port would close in May.', 'the port would close in May', 'attributed', None, None),
    # phrasal_cues.allude
    ('phrasal_cues.make', 'clear', 'The mayor made it clear that the port would close.', 'the port would close', 'attributed', 'The mayor', None),
    ('phrasal_cues.make', 'plain', 'The mayor has made plain that the port will close.', 'the port will close', 'attributed', 'The mayor', None),
    ('phrasal_cues.allude', 'to', 'The mayor alluded to the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.apologize
    ('phrasal_cues.apologize', 'for', 'The mayor apologized for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.appeal
    ('phrasal_cues.appeal', 'for', 'The mayor appealed for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.ask
    ('phrasal_cues.ask', 'about', 'The mayor asked about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.balk
    ('phrasal_cues.balk', 'at', 'The mayor balked at the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.believe
    ('phrasal_cues.believe', 'in', 'The mayor believed in the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.boast
    ('phrasal_cues.boast', 'about', 'The mayor boasted about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    ('phrasal_cues.boast', 'of', 'The mayor boasted of the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.brag
    ('phrasal_cues.brag', 'about', 'The mayor bragged about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.brush
    ('phrasal_cues.brush', 'aside', 'The mayor brushed aside the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.campaign
    ('phrasal_cues.campaign', 'against', 'The mayor campaigned against the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    ('phrasal_cues.campaign', 'for', 'The mayor campaigned for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.care
    ('phrasal_cues.care', 'about', 'The mayor cared about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.complain
    ('phrasal_cues.complain', 'of', 'The mayor complained of the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.dwell
    ('phrasal_cues.dwell', 'on', 'The mayor dwelt on the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.elaborate
    ('phrasal_cues.elaborate', 'on', 'The mayor elaborated on the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.focus
    ('phrasal_cues.focus', 'on', 'The mayor focused on the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.go
    ('phrasal_cues.go', 'after', 'The mayor went after the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.harp
    ('phrasal_cues.harp', 'on', 'The mayor harped on the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.joke
    ('phrasal_cues.joke', 'about', 'The mayor joked about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.lobby
    ('phrasal_cues.lobby', 'for', 'The mayor lobbied for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.opt
    ('phrasal_cues.opt', 'for', 'The mayor opted for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.push
    ('phrasal_cues.push', 'for', 'The mayor pushed for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.rail
    ('phrasal_cues.rail', 'against', 'The mayor railed against the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.rally
    ('phrasal_cues.rally', 'behind', 'The mayor rallied behind the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    ('phrasal_cues.rally', 'for', 'The mayor rallied for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.react
    ('phrasal_cues.react', 'to', 'The mayor reacted to the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.refer
    ('phrasal_cues.refer', 'to', 'The mayor referred to the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.reflect
    ('phrasal_cues.reflect', 'on', 'The mayor reflected on the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.single
    ('phrasal_cues.single', 'out', 'The mayor singled out the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.spar
    ('phrasal_cues.spar', 'over', 'The mayor sparred over the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.speak
    ('phrasal_cues.speak', 'about', 'The mayor spoke about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    ('phrasal_cues.speak', 'against', 'The mayor spoke against the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    ('phrasal_cues.speak', 'of', 'The mayor spoke of the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.talk
    ('phrasal_cues.talk', 'about', 'The mayor talked about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.think
    ('phrasal_cues.think', 'about', 'The mayor thought about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    ('phrasal_cues.think', 'of', 'The mayor thought of the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.vote
    ('phrasal_cues.vote', 'for', 'The mayor voted for the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.warn
    ('phrasal_cues.warn', 'about', 'The mayor warned about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    ('phrasal_cues.warn', 'of', 'The mayor warned of the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # phrasal_cues.worry
    ('phrasal_cues.worry', 'about', 'The mayor worried about the plan to close the port.', 'the plan to close the port', 'attributed', 'The mayor', None),
    # prepositions
    ('prepositions', 'about', 'Residents about to retire believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents about to retire', None),
    ('prepositions', 'against', 'Residents against the plan believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents against the plan', None),
    ('prepositions', 'behind', 'Residents behind the plan believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents behind the plan', None),
    ('prepositions', 'between', 'Residents between the two towns believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents between the two towns', None),
    ('prepositions', 'beyond', 'Residents beyond the city limits believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents beyond the city limits', None),
    ('prepositions', 'off', 'Residents off the island believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents off the island', None),
    ('prepositions', 'upon', 'Residents upon the hill believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents upon the hill', None),
    # quantity_words
    ('quantity_words', 'four', 'Four of the voters believe the port will close in May.', 'the port will close in May', 'attributed', 'Four of the voters', None),
    ('quantity_words', 'half', 'Half of the voters believe the port will close in May.', 'the port will close in May', 'attributed', 'Half of the voters', None),
    ('quantity_words', 'less', 'Less than half of the voters believe the port will close in May.', 'the port will close in May', 'attributed', None, None),
    ('quantity_words', 'majority', 'A majority of voters believe the port will close in May.', 'the port will close in May', 'attributed', 'A majority of voters', None),
    ('quantity_words', 'more', 'More of the voters believe the port will close in May.', 'the port will close in May', 'attributed', 'More of the voters', None),
    ('quantity_words', 'nine', 'Nine of the voters believe the port will close in May.', 'the port will close in May', 'attributed', 'Nine of the voters', None),
    ('quantity_words', 'two', 'Two of the voters believe the port will close in May.', 'the port will close in May', 'attributed', 'Two of the voters', None),
    # relatives
    ('relatives', 'who', 'Residents who live nearby believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents who live nearby', None),
    ('relatives', 'whom', 'Residents whom the mayor met believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents whom the mayor met', None),
    ('relatives', 'whose', 'Residents whose homes flooded believe the port will close in May.', 'the port will close in May', 'attributed', 'Residents whose homes flooded', None),
    # speech_events
    ('speech_events', 'address', 'The union called for a new ferry in an address on Thursday.', 'in an address on Thursday', 'asserted', None, None),
    ('speech_events', 'appearance', 'The union called for a new ferry in an appearance on Thursday.', 'in an appearance on Thursday', 'asserted', None, None),
    ('speech_events', 'blog', 'The union called for a new ferry on her blog on Thursday.', 'on her blog on Thursday', 'asserted', None, None),
    ('speech_events', 'call', 'The union called for a new ferry in a call with reporters on Thursday.', 'in a call with reporters on Thursday', 'asserted', None, None),
    ('speech_events', 'conference', 'The union called for a new ferry at a news conference on Thursday.', 'at a news conference on Thursday', 'asserted', None, None),
    ('speech_events', 'debate', 'The union called for a new ferry in a debate on Thursday.', 'in a debate on Thursday', 'asserted', None, None),
    ('speech_events', 'facebook', 'The union called for a new ferry on Facebook on Thursday.', 'on Facebook on Thursday', 'asserted', None, None),
    ('speech_events', 'interview', 'The union called for a new ferry in an interview on Thursday.', 'in an interview on Thursday', 'asserted', None, None),
    ('speech_events', 'letter', 'The union called for a new ferry in a letter on Thursday.', 'in a letter on Thursday', 'asserted', None, None),
    ('speech_events', 'program', 'The union called for a new ferry on a radio program on Thursday.', 'on a radio program on Thursday', 'asserted', None, None),
    ('speech_events', 'rally', 'The union called for a new ferry at a rally on Thursday.', 'at a rally on Thursday', 'asserted', None, None),
    ('speech_events', 'show', 'The union called for a new ferry on a morning show on Thursday.', 'on a morning show on Thursday', 'asserted', None, None),
    ('speech_events', 'speech', 'The union called for a new ferry in a speech on Thursday.', 'in a speech on Thursday', 'asserted', None, None),
    ('speech_events', 'speeches', 'The union called for a new ferry in speeches last week.', 'in speeches last week', 'asserted', None, None),
    ('speech_events', 'twitter', 'The union called for a new ferry on Twitter on Thursday.', 'on Twitter on Thursday', 'asserted', None, None),
    ('speech_events', 'video', 'The union called for a new ferry in a video on Thursday.', 'in a video on Thursday', 'asserted', None, None),
    ('speech_events', 'website', 'The union called for a new ferry on its website on Thursday.', 'on its website on Thursday', 'asserted', None, None),
    # place_prepositions
    ('place_prepositions', 'across', 'The protesters blasted across the square at noon.', 'across the square at noon', 'asserted', None, None),
    ('place_prepositions', 'around', 'The rumour echoed around the harbour all week.', 'around the harbour all week', 'asserted', None, None),
    ('place_prepositions', 'into', 'The truck slammed into the gate at dawn.', 'into the gate at dawn', 'asserted', None, None),
    ('place_prepositions', 'on', 'A neighbour knocked on the door at midnight.', 'on the door at midnight', 'asserted', None, None),
    ('place_prepositions', 'through', 'The storm ripped through the harbour at dawn.', 'through the harbour at dawn', 'asserted', None, None),
    # summons
    ('summons', 'call', 'The mayor called Ms. Ortiz on Friday.', 'The mayor called Ms. Ortiz on Friday', 'asserted', None, None),
    # takes_infinitive
    ('takes_infinitive', 'aim', 'The port is busy, the mayor aims to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'expect', 'The port is busy, the mayor expects to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'intend', 'The port is busy, the mayor intends to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'plan', 'The port is busy, the mayor plans to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'pledge', 'The port is busy, the mayor pledges to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'seek', 'The port is busy, the mayor seeks to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'threaten', 'The port is busy, the mayor threatens to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'vow', 'The port is busy, the mayor vows to keep it open.', 'The port is busy', 'asserted', None, None),
    ('takes_infinitive', 'want', 'The port is busy, the mayor wants to keep it open.', 'The port is busy', 'asserted', None, None),
    # time_words
    ('time_words', 'again', 'The port will close in May, the mayor said again.', 'The port will close in May', 'attributed', 'the mayor', None),
    ('time_words', 'earlier', 'The port will close in May, the mayor said earlier.', 'The port will close in May', 'attributed', 'the mayor', None),
    ('time_words', 'flatly', 'The port will close in May, the mayor said flatly.', 'The port will close in May', 'attributed', 'the mayor', None),
    ('time_words', 'previously', 'The port will close in May, the mayor said previously.', 'The port will close in May', 'attributed', 'the mayor', None),
    ('time_words', 'publicly', 'The port will close in May, the mayor said publicly.', 'The port will close in May', 'attributed', 'the mayor', None),
    ('time_words', 'repeatedly', 'The port will close in May, the mayor said repeatedly.', 'The port will close in May', 'attributed', 'the mayor', None),
    # title_abbr
    ('title_abbr', 'capt', 'The port will close in May, said Capt. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('title_abbr', 'gen', 'The port will close in May, said Gen. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('title_abbr', 'gov', 'The port will close in May, said Gov. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('title_abbr', 'mr', 'The port will close in May, said Mr. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('title_abbr', 'mrs', 'The port will close in May, said Mrs. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('title_abbr', 'ms', 'The port will close in May, said Ms. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('title_abbr', 'rep', 'The port will close in May, said Rep. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('title_abbr', 'rev', 'The port will close in May, said Rev. Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    # titles
    ('titles', 'chairman', 'The port will close in May, said Chairman Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('titles', 'chief', 'The port will close in May, said Chief Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('titles', 'president', 'The port will close in May, said President Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('titles', 'republican', 'The port will close in May, said Republican Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    ('titles', 'secretary', 'The port will close in May, said Secretary Tom Reed.', 'The port will close in May', 'attributed', 'Tom Reed', 'said'),
    # weak_object
    ('weak_object', 'brand', 'The ranch branded the cattle in May.', 'The ranch branded the cattle in May', 'asserted', None, None),
    ('weak_object', 'charge', 'The town charged higher fees after the storm.', 'The town charged higher fees after the storm', 'asserted', None, None),
    ('weak_object', 'defend', 'The new wall defended the port from the storm.', 'The new wall defended the port from the storm', 'asserted', None, None),
    ('weak_object', 'label', 'The factory labeled the jars by hand.', 'The factory labeled the jars by hand', 'asserted', None, None),
    ('weak_object', 'oppose', 'Strong winds opposed the ferry all morning.', 'Strong winds opposed the ferry all morning', 'asserted', None, None),
    ('weak_object', 'reference', 'The design referenced the old pier.', 'The design referenced the old pier', 'asserted', None, None),
    # wh_words
    ('wh_words', 'why', 'The mayor explained why the port would close in May.', 'the port would close in May', 'attributed', 'The mayor', None),
]


@pytest.mark.parametrize(FIELDS, CASES, ids=ids(CASES))
def test_a_grammar_word_pins_its_verdict(lst, entry, sentence, content, label, speaker, cue):
    check(sentence, content, label, speaker, cue)
