"""Quotes and speakers on small made-up texts. The pairing of quotation
marks is tested on plain strings; everything that needs the parse shares
one spaCy pipeline (module fixture) and runs entities + quotes together,
the way `analyse` does."""
import pytest

from reader.core.analysis import nlp
from reader.core.analysis.entities import find_entities
from reader.core.analysis.layout import Layout
from reader.core.analysis.quote_marks import find_segments
from reader.core.analysis import quotes as quotes_module
from reader.core.analysis.quotes import find_quotes
from reader.core.analysis.pronouns import name_gender
from reader.core.models import Block


def segments(*paragraphs: str) -> list[str]:
    layout = Layout.of([Block("paragraph", p) for p in paragraphs])
    spans = [(s, s + n) for s, n in zip(layout.starts, layout.lengths)]
    return [layout.text[s.start:s.end] for s in find_segments(layout.text, spans)]


# ---------------------------------------------------------------- marks, no parse
@pytest.mark.parametrize("text, expected", [
    ("“We will win,” she said.", ["We will win"]),
    ('"We will win," she said.', ["We will win"]),
    ("‘We will win,’ she said.", ["We will win"]),
    ("«We will win», she said.", ["We will win"]),
    ("« Nous gagnerons », a-t-il dit.", ["Nous gagnerons"]),
    ("„Wir werden gewinnen“, sagte sie.", ["Wir werden gewinnen"]),
    ("”We will win.” ― Ana Ruiz", ["We will win."]),
    ('There was "no evidence” yet.', ["no evidence"]),
])
def test_every_quotation_style_pairs(text, expected):
    assert segments(text) == expected


def test_doubled_apostrophes_are_not_quotation_marks():
    assert segments("''We will win,'' she said.") == []


def test_apostrophes_and_inches_are_not_marks():
    assert segments("The voters’ choice isn’t clear, rock ’n’ roll in the ’90s.") == []
    assert segments('He is 6\'2" tall and said "fine" twice.') == ["fine"]


def test_only_the_outermost_quotation_is_a_segment():
    assert segments("“He told me ‘never again’ and left,” she said.") == \
        ["He told me ‘never again’ and left"]


def test_a_quotation_reopened_in_the_next_paragraph_continues():
    layout = Layout.of([Block("paragraph", "“The first part runs on,"),
                        Block("paragraph", "“and the second part ends here.”")])
    spans = [(s, s + n) for s, n in zip(layout.starts, layout.lengths)]
    first, second = find_segments(layout.text, spans)
    assert not first.closed and second.continues and first.group == second.group


def test_given_name_gender_ignores_a_lone_surname():
    assert name_gender("Hillary Clinton") == "f"
    assert name_gender("Dmytro Kuleba") == "m"
    assert name_gender("Warren") is None  # a surname, though also a given name


# ---------------------------------------------------------------- with the parse
@pytest.fixture(scope="module")
def quotes_of():
    nlp.load_pipeline()

    def run(*paragraphs: str):
        blocks = [Block("paragraph", p) for p in paragraphs]
        layout = Layout.of(blocks)
        doc = nlp.parse(layout.text)
        found = find_quotes(doc, layout, find_entities(doc, layout))
        for q in found:  # offsets always point into one block's text
            assert 0 <= q.start < q.end <= len(blocks[q.block].text)
        return found, blocks
    return run


def direct(found):
    return [q for q in found if q.kind == "direct"]


def test_speaker_is_the_full_name_of_the_subject(quotes_of):
    found, blocks = quotes_of(
        "Foreign Minister Dmytro Kuleba arrived in Brussels on Monday.",
        "“Russia no longer has any allies in the world,” Kuleba said.")
    [quote] = direct(found)
    assert quote.text == "Russia no longer has any allies in the world"
    assert blocks[quote.block].text[quote.start:quote.end] == quote.text
    assert quote.speaker == "Dmytro Kuleba"


def test_interrupted_quotation_is_one_quote(quotes_of):
    found, _ = quotes_of("“We will rebuild every school,” Angela Merkel said on Tuesday. "
                         "“It will take years, but we will do it.”")
    if not quotes_module.MERGE_PARTS:  # one quote per pair of marks, both hers
        assert [(q.text, q.speaker) for q in direct(found)] == [
            ("We will rebuild every school", "Angela Merkel"), ("It will take years, but we will do it.", "Angela Merkel")]
        return
    [quote] = direct(found)
    assert quote.text == "We will rebuild every school It will take years, but we will do it."
    assert quote.speaker == "Angela Merkel"


def test_pronoun_goes_to_the_last_person_of_that_gender(quotes_of):
    found, _ = quotes_of("Emmanuel Macron met Angela Merkel in Berlin on Friday.",
                         "“The talks were long but useful,” she said.")
    assert direct(found)[0].speaker == "Angela Merkel"


def test_speaker_before_the_quotation_and_after_a_colon(quotes_of):
    found, _ = quotes_of("Boris Johnson told reporters: “We are ready for the vote.”")
    assert direct(found)[0].speaker == "Boris Johnson"


def test_the_statement_speaks_for_whoever_issued_it(quotes_of):
    found, _ = quotes_of(
        "The Ukrainian foreign ministry in a statement denounced the decision.",
        '"Ukraine announces it is cutting diplomatic relations with the country," the statement said.')
    [quote] = direct(found)
    assert "ministry" in (quote.speaker or "").lower()


def test_scare_quotes_and_titles_are_not_quotes(quotes_of):
    found, _ = quotes_of('The separatists opened their "embassy" in Moscow on Tuesday.',
                         "Barack Obama appeared on “Meet the Press” last week.")
    assert direct(found) == []


def test_a_short_quotation_inside_reported_speech_is_a_quote(quotes_of):
    found, _ = quotes_of("Hillary Clinton called the plan “reckless.”")
    [quote] = direct(found)
    assert quote.text == "reckless."
    assert quote.speaker == "Hillary Clinton"


def test_name_after_a_dash_is_the_speaker(quotes_of):
    found, _ = quotes_of("“He has never answered a single question about it.” ― Sonia Herrera")
    assert direct(found)[0].speaker == "Sonia Herrera"


def test_quotation_over_two_paragraphs_gives_one_quote_per_paragraph(quotes_of):
    found, _ = quotes_of("“We have waited for this law for ten years,” said Mary Robinson.",
                         "“It will change how every family in the country lives,",
                         "“and it will not be undone by the next government.”")
    quotes = direct(found)
    assert [q.block for q in quotes] == [0, 1, 2]
    assert quotes[2].speaker == quotes[1].speaker


def test_reported_speech_is_the_clause_after_the_speech_verb(quotes_of):
    found, _ = quotes_of("Dmytro Kuleba said Russia had appealed to North Korea to recognise the territory.")
    [reported] = [q for q in found if q.kind == "reported"]
    assert reported.text == "Russia had appealed to North Korea to recognise the territory"
    assert reported.speaker == "Dmytro Kuleba"


def test_a_direct_quotation_is_not_also_reported_speech(quotes_of):
    found, _ = quotes_of("“The border will stay closed until further notice,” the governor said.")
    assert [q.kind for q in found] == ["direct"]


def test_transcript_turns_are_a_record_not_quotations(quotes_of):
    found, _ = quotes_of("Vice-presidential nominee Mike Pence spoke to Chris Wallace on Sunday.",
                         '"WALLACE: Will she be at the debate?',
                         '"PENCE: Well, look, this is serious business for the whole country.',
                         '"And that is why he is on his way to the White House.',
                         "“We will be there on Tuesday,” Pence said later.")
    assert [(q.text, q.speaker) for q in direct(found)] == [("We will be there on Tuesday", "Mike Pence")]


def test_single_marks_in_a_text_that_quotes_in_double_marks_are_not_quotations(quotes_of):
    found, _ = quotes_of("Flynn says Trump ‘absolutely right’ about generals.",
                         "Michael Flynn said Donald Trump was “absolutely right.”",
                         "“He's absolutely right,” Flynn said on Thursday.")
    assert [q.text for q in direct(found)] == ["absolutely right.", "He's absolutely right"]
    found, _ = quotes_of("‘We are absolutely ready for this,’ Flynn said on Thursday.",
                         "‘It will be hard,’ he added.")
    assert len(direct(found)) == 2  # British style: single marks quote


def test_what_someone_casts_something_as_is_quoted(quotes_of):
    found, _ = quotes_of("Harry Reid has been steadily pounding Donald Trump as a “con artist” this year.",
                         "Trump openly admires Vladimir Putin as a “strong leader,” comparing him to others.")
    assert [(q.text, q.speaker) for q in direct(found)] == [
        ("con artist", "Harry Reid"), ("strong leader", "Donald Trump")]


def test_a_cue_that_reports_its_own_clause_is_not_the_previous_quotes(quotes_of):
    found, _ = quotes_of("Hillary Clinton says the tweets are “unhinged, even for him.” She says it shows "
                         "that he is “temperamentally unfit to be commander-in-chief.”")
    assert len(direct(found)) == 2


def test_a_nested_report_is_the_outer_speakers(quotes_of):
    found, _ = quotes_of(
        "Donald Trump spoke in Michigan. Hillary Clinton was in Florida.",
        "Trump said on Friday that Clinton once described the trade deal as “the gold standard” "
        "of trade deals.",
        "“We will fight for every worker,” Clinton replied on Friday.")
    speakers = {q.text: q.speaker for q in direct(found)}
    assert speakers["the gold standard"] == "Donald Trump"
    assert speakers["We will fight for every worker"] == "Hillary Clinton"


def test_he_prefers_the_main_clause_subject(quotes_of):
    found, _ = quotes_of(
        "Lee Harper and Dana Cole met voters on Monday.",
        "Harper said Cole doesn’t show consistency on schools.",
        "“It is only talk before an election,” she said.")
    [quote] = direct(found)
    assert quote.speaker == "Lee Harper"


def test_a_given_name_alone_can_be_she(quotes_of):
    found, _ = quotes_of(
        "Melanie thought the whole thing was outrageous. She was anxious, sure.",
        "“It never crossed my mind that I was losing it,” she said months later.")
    [quote] = direct(found)
    assert quote.speaker == "Melanie"


def test_a_cue_after_a_preposition_speaks_for_the_verb_it_hangs_on(quotes_of):
    found, _ = quotes_of(
        "Howard Dean, a medical doctor, then appeared on MSNBC on Tuesday and began by saying "
        "he would “never” diagnose someone through television.")
    [quote] = direct(found)
    assert quote.speaker == "Howard Dean"


def test_a_name_after_a_dash_is_the_subject(quotes_of):
    found, _ = quotes_of(
        "Hillary Clinton noted that Donald Trump paid nothing in federal income taxes ― as was true for "
        "the years his returns were made public ― Trump boasted, “That makes me smart.”")
    [quote] = direct(found)
    assert quote.speaker == "Donald Trump"


def test_the_main_verb_of_a_persons_sentence_frames_a_quotation(quotes_of):
    found, _ = quotes_of(
        "Harry Reid mocked Mitt Romney in 2012, claiming that a source told him Romney paid no taxes.",
        "In recent weeks, Reid has gone after Donald Trump as a “human leech who will bleed the country.”")
    [quote] = direct(found)
    assert quote.speaker == "Harry Reid"


def test_a_speech_participle_after_a_name_is_that_persons(quotes_of):
    found, _ = quotes_of(
        "A new ad from Donald Trump’s campaign seizes on recent comments.",
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”")
    [quote] = direct(found)
    assert quote.speaker == "Hillary Clinton"


def test_a_quotation_after_a_persons_sentence_is_theirs(quotes_of):
    found, _ = quotes_of(
        "“It is wrong,” Mike Pence said on CNN.",
        "On Sunday, Sen. Bernie Sanders identified exhaustion with bigotry as a reason to vote. "
        "“The younger people are sick and tired of discrimination and racism.”")
    speakers = [q.speaker for q in direct(found)]
    assert speakers == ["Mike Pence", "Bernie Sanders"]


def test_a_cue_left_without_a_subject_takes_the_name_right_before_it(quotes_of):
    found, _ = quotes_of(
        "When terrorists are revealed as part of the second front of the radical Islamic terror war, "
        "Obama and Clinton call them \"lone wolves\" and describe their actions as crimes.")
    speakers = [q.speaker for q in direct(found)]
    assert speakers and speakers[0] in ("Clinton", "Obama")


def test_a_person_likening_something_to_a_quotation_is_quoted(quotes_of):
    found, _ = quotes_of(
        "At a rally, Donald Trump likened the refugees to a “vicious snake” in a song.",
        "Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting.")
    quotes = direct(found)
    assert [(q.text, q.speaker) for q in quotes] == [("vicious snake", "Donald Trump")]


def test_a_cue_without_a_subject_after_another_cue_takes_its_subject(quotes_of):
    found, _ = quotes_of(
        "\"That we do not want to go back to a time when you have Trump, the big debate, I guess of today, "
        "what's the debate, the birther issue again we're bringing that up, is insane,\" Sanders said, going on "
        "to say that the country has spent \"hundreds of years fighting against racism and sexism and all that "
        "stuff, to have that debate again, young people do not want to see that …\"")
    assert [q.speaker for q in direct(found)] == ["Sanders", "Sanders"]


def test_a_cue_reporting_its_own_clause_into_a_quotation_is_not_the_previous_quotes(quotes_of):
    found, _ = quotes_of(
        "South Korea accused the North's leader, Kim Jong Un, of \"fanatic recklessness.\" "
        "South Korean President Park Geun-hye said Kim's mental state is \"spiraling out of control.\"")
    assert [(q.text, q.speaker) for q in direct(found)] == [
        ("fanatic recklessness.", "South Korea"), ("spiraling out of control.", "Park Geun-hye")]


def test_the_object_of_a_participle_cue_is_not_its_speaker(quotes_of):
    found, _ = quotes_of(
        "Donald Trump has also had choice words for future debate moderators, telling Bill O'Reilly "
        "that \"I'm not okay with Anderson Cooper because I think he treats me very unfairly.\"",
        "\"We will see,\" said Ellis, a spokesman.")
    assert [q.speaker for q in direct(found)] == ["Donald Trump", "Ellis"]


def test_they_can_be_a_collective_subject(quotes_of):
    found, _ = quotes_of(
        "Hillary Clinton’s campaign is seeking to contrast her approach with what they call "
        "Republican Donald Trump’s “self-centered message.”")
    [quote] = direct(found)
    assert quote.speaker and "campaign" in quote.speaker


def test_a_subject_is_never_taken_from_the_paragraph_before(quotes_of):
    found, _ = quotes_of(
        "Trump has faced questions about business practices at a foundation that bears his name.",
        "___.",
        "5:45 p.m.",
        "Libertarian presidential candidate Gary Johnson’s doctor is calling the candidate "
        "“extremely physically fit.”")
    [quote] = direct(found)
    assert quote.speaker and quote.speaker.endswith("doctor")


def test_a_name_nobody_gives_and_a_title_used_as_a_modifier_are_not_quotes(quotes_of):
    found, _ = quotes_of("It was known as the “Black Death” during the fourteenth century.",
                         "Taylor Swift, the “Bad Blood” songstress, has not returned the calls, a source said.")
    assert direct(found) == []


def test_a_sentence_never_runs_across_a_paragraph_break(quotes_of):
    doc = nlp.parse("The report was released on\n\nMonday, John Smith said.")
    assert [s.text.strip() for s in doc.sents] == ["The report was released on", "Monday, John Smith said."]


def test_a_paragraph_ending_in_a_colon_introduces_the_next(quotes_of):
    found, _ = quotes_of("On July 6, 2015, Bernie Sanders made the following comment:",
                         "“For young people who have dropped out of high school, the unemployment rate is "
                         "33 percent.”")
    assert [q.speaker for q in direct(found)] == ["Bernie Sanders"]


def test_a_role_named_before_the_person_is_that_person(quotes_of):
    found, _ = quotes_of(
        "China’s ambassador to Britain warned that Beijing “will not sit on its hands” if unrest grows.",
        "China’s ambassador to Britain Liu Xiaming has said that China has the power to end the unrest.")
    assert [q.speaker for q in direct(found)] == ["Liu Xiaming"]


def test_the_company_is_the_organisation_the_text_named(quotes_of):
    found, _ = quotes_of(
        "Big Machine Records and Dick Clark Productions announced a deal on Monday.",
        "“At no time did we agree to a statement,” the production company said on Tuesday.")
    assert [q.speaker for q in direct(found)] == ["Dick Clark Productions"]


def test_speech_verbs_of_praise_urging_and_likening_introduce_quotations(quotes_of):
    found, _ = quotes_of("Ted Cruz exhorted Republicans to “vote your conscience” in July.",
                         "Laurence Tribe likened the rules to “burning the Constitution” last year.")
    assert [(q.text, q.speaker) for q in direct(found)] == [
        ("vote your conscience", "Ted Cruz"), ("burning the Constitution", "Laurence Tribe")]


def test_a_nickname_inside_the_speakers_name_does_not_hide_the_cue(quotes_of):
    found, _ = quotes_of('"This is a big year for our senator!" Scott\'s niece, state Del. Marcia "Cia" Price '
                         '(D-Newport News), shouted to the crowd.')
    [quote] = direct(found)
    assert quote.text == "This is a big year for our senator!" and quote.speaker


def test_an_aside_between_two_parts_keeps_one_quotation(quotes_of):
    found, _ = quotes_of("“Every time you say that,” Jon Tester said, referring to the 1 percent excuse, "
                         "“you give ammunition to the people who want to break up the banks.”",
                         "“We will not stop,” Elizabeth Warren said, adding that “the bank must answer.”")
    quotes = direct(found)
    assert {q.speaker for q in quotes} == {"Jon Tester", "Elizabeth Warren"}
    assert len(quotes) == (3 if quotes_module.MERGE_PARTS else 4)  # 'adding that' reports anew


def test_a_title_after_the_work_it_names_is_not_a_quotation(quotes_of):
    found, _ = quotes_of("Ouisa Davis' commentary, \"Melania, tell your immigrant story,\" is very thoughtful.")
    assert direct(found) == []


def test_the_party_of_a_role_picks_its_holder(quotes_of):
    found, _ = quotes_of(
        "Republican presidential nominee Donald Trump met voters while Democratic vice presidential "
        "nominee Tim Kaine spoke in Ohio.",
        "The Republican nominee vowed to harshly punish “those who violate classification rules.”")
    assert [q.speaker for q in direct(found)] == ["Donald Trump"]


def test_a_document_that_finds_something_frames_a_quotation(quotes_of):
    found, _ = quotes_of("Many lawmakers say there are security concerns. A Government Accountability Office report "
                         "found that the agency could not be sure the money was not coming from \"the drug trade, human trafficking or other criminal activity\".")
    [quote] = direct(found)
    assert "report" in (quote.speaker or "")


def test_he_after_a_person_is_introduced_with_who_they_are(quotes_of):
    found, _ = quotes_of(
        "While Barack Obama had artists writing songs about him, that has not been happening for Clinton, "
        "which concerns Henry Crespo, president of the Florida Democratic Black Caucus.",
        "“No one is writing songs for Hillary,” he said.")
    assert [q.speaker for q in direct(found)] == ["Henry Crespo"]


def test_a_quotation_inside_what_someone_claimed_is_theirs(quotes_of):
    found, _ = quotes_of("Politifact did a fact-check on Donald Trump’s claim that there have been "
                         "“thousands of shootings” in Chicago this year alone.")
    assert [(q.text, q.speaker) for q in direct(found)] == [("thousands of shootings", "Donald Trump")]


def test_a_quotation_with_its_own_cue_after_an_excerpt_paragraph_is_a_quote(quotes_of):
    found, _ = quotes_of("Melanie Austin watched the rally at home.",
                         '"Kevin was snoring.',
                         "“Here he is, babe,” she said. “Donald’s here, babe.”")
    assert [q.speaker for q in direct(found)] == ["Melanie Austin"]


def test_a_participle_after_a_relative_clause_belongs_to_the_main_clause(quotes_of):
    found, _ = quotes_of("Donald Trump was defensive about not paying an architect who said he was stiffed, "
                         "saying, “Maybe he didn’t do a good job, and I wasn’t satisfied with his work.”")
    assert [q.speaker for q in direct(found)] == ["Donald Trump"]


def test_according_to_attributes_every_quotation_of_its_sentence(quotes_of):
    found, _ = quotes_of('President Donald Trump, according to the White House, made an unscheduled trip to Walter '
                         'Reed hospital on Saturday for a "quick exam and labs" as part of his physical.')
    assert [(q.text, q.speaker) for q in direct(found)] == [("quick exam and labs", "White House")]


def test_as_someone_put_it_attributes_its_sentence(quotes_of):
    found, _ = quotes_of('The main requirement is a "lawful source of investment income," as a Homeland Security '
                         'memo put it.')
    [quote] = direct(found)
    assert quote.text == "lawful source of investment income" and "memo" in (quote.speaker or "")


def test_a_participle_after_a_dash_parenthetical_is_the_main_clauses(quotes_of):
    found, _ = quotes_of("Small groups of protesters looped the streets around the stadium - where the Charlotte "
                         "Panthers played the Minnesota Vikings - while chanting, \"Hands up, don't shoot.\"")
    [quote] = direct(found)
    assert "protesters" in (quote.speaker or "")
