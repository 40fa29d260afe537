"""Entity rows on a small made-up news article: one spaCy parse shared by
all tests (module fixture), plus the pure helpers without a parse."""
import pytest

from reader.core.analysis import gazetteer, nlp
from reader.core.analysis.entities import find_entities
from reader.core.analysis.entity_merge import canonical_key, name_key
from reader.core.analysis.layout import Layout
from reader.core.models import Block

PARAGRAPHS = [
    "Ukraine said Wednesday it was severing relations with North Korea, hours after "
    "pro-Russian separatists said their republics had been recognised by Pyongyang.",
    "The Ukrainian foreign ministry in a statement denounced North Korea's decision to "
    "recognise territories Kyiv described as occupied.",
    '"Ukraine announces it is cutting relations with the Democratic People\'s Republic of '
    'Korea," the statement said.',
    "Ukrainian Foreign Minister Dmytro Kuleba said the move was expected. Kuleba said Russia "
    "had appealed to North Korea to recognise the territory.",
    "The North Atlantic Treaty Organization (NATO) said it was watching closely. A NATO "
    "spokesman declined to comment.",
    "The region has been partially controlled by pro-Russian forces since 2014, after "
    "Russia's annexation of the Ukrainian peninsula of Crimea.",
    "BRUSSELS (Reuters) — The European Commission fined Apple Inc on Monday. The Commission "
    "said Apple had broken the rules, and Apple said it would appeal.",
]


@pytest.fixture(scope="module")
def rows():
    blocks = [Block("paragraph", text) for text in PARAGRAPHS]
    layout = Layout.of(blocks)
    entities = find_entities(nlp.parse(layout.text), layout)
    return {e.name: e for e in entities}, blocks


def test_surname_joins_full_name_as_a_person(rows):
    entities, _ = rows
    kuleba = entities["Dmytro Kuleba"]
    assert kuleba.type == "PERSON"
    assert set(kuleba.forms) == {"Dmytro Kuleba", "Kuleba"}
    assert "Kuleba" not in entities


def test_official_name_merges_with_the_common_name(rows):
    entities, _ = rows
    korea = entities["North Korea"]
    assert korea.type == "PLACE"
    assert "Democratic People's Republic of Korea" in korea.forms
    assert len(korea.mentions) == 4  # possessive "North Korea's" included, 's left out


def test_acronym_defined_in_the_text_is_one_row(rows):
    entities, _ = rows
    nato = [e for e in entities.values() if "NATO" in e.forms]
    assert len(nato) == 1
    assert nato[0].name == "North Atlantic Treaty Organization" and nato[0].type == "ORG"


def test_places_typed_by_gazetteer_and_context(rows):
    entities, _ = rows
    for name in ("Ukraine", "Kyiv", "Pyongyang", "Russia", "Crimea"):
        assert entities[name].type == "PLACE", name


def test_dateline_short_forms_and_company_suffixes(rows):
    entities, _ = rows
    assert entities["BRUSSELS"].type == "PLACE"
    assert set(entities["European Commission"].forms) == {"European Commission", "Commission"}
    apple = [e for e in entities.values() if "Apple" in e.forms]
    assert len(apple) == 1 and "Apple Inc" in apple[0].forms and apple[0].type == "ORG"


def test_ministry_phrase_is_an_organisation(rows):
    entities, _ = rows
    assert entities["Ukrainian foreign ministry"].type == "ORG"


def test_no_rows_for_nationalities_or_modifiers(rows):
    entities, _ = rows
    forms = {f for e in entities.values() for f in e.forms}
    assert not forms & {"Ukrainian", "pro-Russian", "Russian", "Wednesday", "2014"}


def test_mentions_point_at_their_text(rows):
    entities, blocks = rows
    for entity in entities.values():
        for m in entity.mentions:
            assert blocks[m.block].text[m.start:m.end] in entity.forms


def test_name_keys_fold_case_dots_and_company_suffixes():
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("Boeing Co.") == "boeing"
    assert name_key("Nvidia Corp") == "nvidia"
    assert canonical_key("DPRK") == canonical_key("North Korea")


def test_gazetteer_data_ships_with_the_package():
    assert gazetteer.place_kind("Ukraine") == "country"
    assert gazetteer.place_kind("Pyongyang") == "capital"
    assert "telegram" in gazetteer.known_orgs()
    assert "Dmytro" in gazetteer.given_names()
    assert gazetteer.is_demonym("Ukrainian") and not gazetteer.is_demonym("Rukban")


def _rows_of(paragraphs):
    blocks = [Block("paragraph", text) for text in paragraphs]
    layout = Layout.of(blocks)
    return {e.name: e for e in find_entities(nlp.parse(layout.text), layout)}


def test_epithet_and_title_words_are_not_part_of_a_name():
    rows = _rows_of([
        "Donald Trump told the crowd that Crooked Hillary Clinton would lose. Clinton laughed.",
        "He attacked former Miss Universe Alicia Machado on Friday. Machado said nothing.",
        "The former Miss Universe did not answer. He also called her Miss Piggy.",
    ])
    assert "Hillary Clinton" in rows and "Crooked Hillary Clinton" not in rows
    assert "Alicia Machado" in rows
    assert not {"Universe", "Miss Universe"} & set(rows)


def test_a_surname_with_a_title_of_the_other_gender_is_not_merged():
    rows = _rows_of([
        "President Obama spoke in Washington on Saturday. Mr. Obama said the vote mattered.",
        "The campaign will use Mr. Obama and the first lady, Michelle Obama, as much as possible.",
        "Obama said later that he would travel to Ohio.",
    ])
    assert "Michelle Obama" in rows
    michelle = rows["Michelle Obama"]
    assert len(michelle.mentions) == 1
    assert "Obama" in rows and len(rows["Obama"].mentions) == 4


def test_a_family_name_goes_to_the_person_introduced_first():
    rows = _rows_of([
        "Joe Biden met voters in Iowa. His son Hunter Biden was not there.",
        "Biden said the economy was improving.",
    ])
    assert len(rows["Joe Biden"].mentions) == 2
    assert len(rows["Hunter Biden"].mentions) == 1


def test_a_known_surname_opening_a_sentence_is_still_the_person():
    rows = _rows_of([
        "The candidates took questions from veterans invited to participate in the forum, "
        "Donald Trump among them.",
        "Trump said praise from Russian President Vladimir Putin would not affect his policy toward Russia.",
    ])
    assert len(rows["Donald Trump"].mentions) == 2


NEWS = [
    "The importance of deadlines grew last week as NASA’s Office of the Inspector General released "
    "two critical reports.",
    "“We’re using our Blue Moon lander, which is a big one,” said Brent Sherwood of Blue Origin.",
    "Geoffrey Berman, the U.S. attorney for the Southern District of New York, said in a news release "
    "that the guards had lied.",
    "Scooter Braun is unhappy with his business partner. Braun, 38, has been trying to reach Taylor Swift. "
    "A rep for Braun declined to comment.",
    "On Monday, Big Machine Records issued a statement. Big Machine said it had not blocked the performance.",
    "The doctor's diagnosis was hypersensitivity pneumonitis, or HP. Patients with HP often recover.",
    "President Donald Trump made an unscheduled trip to Walter Reed hospital on Saturday. Trump's visit "
    "to Walter Reed was not announced.",
    "American and Swiss tourists were marooned in Uglii as a result. The outbreak was the worst since "
    "the Black Death.",
    "Officers later arrested Christopher L. Tays, 32, of Franklin, after stopping his vehicle.",
    "Bosnia and Herzegovina will play Northern Ireland in Path B, and the winner joins Group F.",
]
SPORT = [
    "Mike Glass threw for three touchdowns and Eastern Michigan rolled past Northern Illinois, 45-17, "
    "on Tuesday night.",
    "The Eagles (6-5, 3-4) snapped an 11-game losing streak to the Huskies and ended the season of their rivals.",
    "Huskies quarterback Marcus Childers was intercepted three times. The coach said the team played a poor game.",
    "Pittsburgh center Maurkice Pouncey was suspended for two games by the league after the fight.",
]


@pytest.fixture(scope="module")
def news():
    return _rows_of(NEWS)


def test_names_with_of_stay_whole(news):
    assert news["Office of the Inspector General"].type == "ORG"
    assert "NASA" in news
    assert news["Southern District of New York"].type in ("ORG", "PLACE")
    assert "Southern District" not in news


def test_a_person_of_an_organisation_is_two_rows(news):
    assert news["Brent Sherwood"].type == "PERSON"
    assert "Blue Origin" in news


def test_products_awards_events_and_terms_are_not_rows(news):
    forms = {f for e in news.values() for f in e.forms}
    assert not forms & {"Blue Moon", "HP", "Black Death", "Path B", "Group F", "Group", "Path"}


def test_an_age_in_apposition_marks_a_person_and_completes_the_name(news):
    braun = news["Scooter Braun"]
    assert braun.type == "PERSON" and set(braun.forms) == {"Scooter Braun", "Braun"}
    assert len(braun.mentions) == 3


def test_a_short_company_name_joins_the_full_one(news):
    label = news["Big Machine Records"]
    assert set(label.forms) == {"Big Machine Records", "Big Machine"}


def test_place_evidence_from_context(news):
    assert news["Walter Reed"].type == "ORG"  # 'Walter Reed hospital'
    assert news["Uglii"].type == "PLACE"  # 'marooned in Uglii'
    assert news["Franklin"].type == "PLACE"  # '32, of Franklin'
    assert "Bosnia and Herzegovina" in news and "Herzegovina" not in news


def test_teams_and_players_in_sport_copy():
    rows = _rows_of(SPORT)
    assert rows["Eagles"].type == "ORG" and rows["Huskies"].type == "ORG"
    assert rows["Maurkice Pouncey"].type == "PERSON"
    assert rows["Northern Illinois"].type != "PERSON"  # ', 45-17,' is a score, not an age


def test_lists_of_names_are_not_headlines():
    rows = _rows_of([
        "Four teams will join the field of 20 after the playoffs next March.",
        "Path C: Scotland, Norway, Serbia, Bulgaria",
        "Poland (Group G): Fourth appearance",
    ])
    assert {"Scotland", "Norway", "Serbia", "Poland"} <= set(rows)


def test_lower_case_arabic_article_names():
    rows = _rows_of([
        "The U.S. will keep its military base in al-Tanf. Some 200 troops remain at the al-Tanf base.",
        "Iran and Russia have pressed the U.S. to leave al-Tanf.",
    ])
    assert rows["al-Tanf"].type == "PLACE"


def test_one_token_naming_two_places_is_two_mentions():
    rows = _rows_of(["Ross Burkhart studies U.S.-Canada trade. The U.S.-China talks stalled in Beijing."])
    assert {"U.S.", "Canada", "China"} <= set(rows)
    assert not [name for name in rows if "-" in name]
    assert len(rows["U.S."].mentions) == 2


def test_names_inside_quoted_titles_are_not_rows():
    rows = _rows_of([
        "McDonald came out for a surprise version of their single “Takin’ It to the Streets,” the title "
        "track of their 1976 album.",
        "The “Melvin and Howard” star woke up early. “He wanted to work with ‘Nellie Wall,’ but then I "
        "showed up instead,” she said.",
    ])
    assert not {"Streets", "Takin", "Melvin", "Howard"} & set(rows)
    assert "Nellie Wall" in rows


def test_organisms_and_award_modifiers_are_not_rows():
    rows = _rows_of([
        "Plague is caused by the bacteria Yersinia pestis. Those infected with Y. pestis develop symptoms.",
        "The mice carried Pseudomonas in their gut, said the Oscar-winning actress Mary Steenburgen.",
    ])
    assert not {"Yersinia", "Pseudomonas", "Oscar"} & set(rows)
    assert "Mary Steenburgen" in rows


def test_constituencies_initials_and_shortened_committees():
    rows = _rows_of([
        "Senator representing Yobe North, Ahmad Lawan, on Tuesday moved a motion over the death of "
        "former Speaker Benjamin Nzeribe.",
        "Senate Leader Ahmad Lawan raised a motion on the death of former Speaker Rt. Hon. B. U. Nzeribe.",
        "The House Select Committee on Intelligence heard Kurt Volker. Later in the day, Tim Morrison "
        "testified before the powerful House Committee.",
    ])
    assert rows["Yobe North"].type == "PLACE"
    assert "B. U. Nzeribe" in rows["Benjamin Nzeribe"].forms and "B. U. Nzeribe" not in rows
    assert "House Committee" in rows["House Select Committee on Intelligence"].forms


def test_addresses_and_medical_techniques_are_not_rows():
    rows = _rows_of([
        "Dr. Owen Dempsey disagreed and performed a more detailed CT scan at the Aberdeen Royal Infirmary.",
        "Contact Dear Abby at P.O. Box 69440, Los Angeles, CA 90069.",
    ])
    assert not {"CT", "P.O. Box"} & set(rows)
    assert "Owen Dempsey" in rows


def test_schedule_lines_name_towns_states_and_venues():
    rows = _rows_of([
        "The band announced a 30-date tour that kicks off in June in Florida.",
        "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
        "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre)",
        "August 14 – St. Louis, MO @ Hollywood Casino Amphitheatre – St. Louis",
        "October 10 – Houston, TX @ The Cynthia Woods Mitchell Pavilion",
    ])
    for name in ("West Palm Beach", "Coral Sky Amphitheatre", "Alpharetta", "GA", "St. Louis", "MO",
                 "Houston", "Cynthia Woods Mitchell Pavilion", "Ameris Bank Amphitheatre"):
        assert rows[name].type == "PLACE", name
    assert "FL" in rows["Florida"].forms
    assert not [name for name in rows if "@" in name] and "Louis" not in rows


def test_business_nouns_and_known_publications_make_organisations():
    rows = _rows_of([
        "Lewis Ward, research director at tech market research firm IDC, sees the lineup as weak.",
        "Only one title is exclusive, indie developer Tequila Works' Gylt, says Jack Buser, who tells "
        "The Hollywood Reporter it will change. RV maker Winnebago said sales rose. Stop it ASAP.",
    ])
    assert rows["IDC"].type == "ORG" and rows["Tequila Works"].type == "ORG" and rows["Winnebago"].type == "ORG"
    assert "Hollywood" not in rows and rows["Hollywood Reporter"].type == "ORG"
    assert "ASAP" not in rows


def test_titles_in_a_list_of_works_and_former_names():
    rows = _rows_of([
        "Stadia is launching with 22 games, featuring popular franchises such as Assassin's Creed, Tomb "
        "Raider, Red Dead Redemption, Destiny and more, says Jack Buser of Google.",
        "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre)",
    ])
    assert not {"Assassin", "Tomb Raider", "Red Dead Redemption", "Destiny"} & set(rows)
    assert {"Jack Buser", "Google"} <= set(rows)
    assert "Verizon Amphitheatre" in rows["Ameris Bank Amphitheatre"].forms


def test_members_of_a_list_of_companies_are_organisations():
    rows = _rows_of([
        "Those commercials were cool in 2016, when driving for Uber or Lyft or Postmates seemed like an "
        "opportunity. Enter Lugg, Instacart, DoorDash and GrubHub.",
        "The list includes Final Fantasy XV, Gylt, Just Dance 2020 and Metro Exodus on Google's service.",
    ])
    assert all(rows[n].type == "ORG" for n in ("Lyft", "Postmates", "Lugg"))
    assert "Dance" not in rows


def test_products_games_and_albums_are_not_rows_but_people_stay():
    rows = _rows_of([
        "The Founder's Edition bundle includes a controller, Chromecast Ultra and three months of service. "
        "Only one title is exclusive, indie developer Tequila Works' Gylt, says Jack Buser of Google.",
        "The band played full-LP performances of 1972's Toulouse Street in Nashville.",
        "Mr. Ward said the Premiere Edition is for true believers. Marcus Ultra, the band's manager, "
        "said the tour would go on.",
    ])
    assert not {"Chromecast Ultra", "Gylt", "Founder's Edition", "Premiere Edition", "Toulouse Street"} & set(rows)
    assert rows["Jack Buser"].type == "PERSON" and rows["Tequila Works"].type == "ORG"
    assert rows["Marcus Ultra"].type == "PERSON" and "Nashville" in rows


def test_names_in_a_numbered_list_of_titles_are_not_rows():
    rows = _rows_of([
        "Stadia's 22 launch titles are uninspiring, says Jack Buser. They include: Farming Simulator 2019, "
        "Final Fantasy XV, Grid 2019, Gylt, Kine, Mortal Kombat 11, Rage 2, Samurai Shodown, Thumper, "
        "and Wolfenstein: Youngblood.",
        "Scorers: Harry Kane, Marcus Rashford, Raheem Sterling, Jack Grealish, Mason Mount and Phil Foden.",
    ])
    assert not {"Gylt", "Kine", "Mortal Kombat", "Samurai Shodown", "Thumper", "Wolfenstein", "Youngblood"} & set(rows)
    assert rows["Jack Buser"].type == "PERSON" and rows["Harry Kane"].type == "PERSON"
