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
