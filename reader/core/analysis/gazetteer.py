"""Word lists the entity finder uses as evidence: place names (GeoNames
countries, states and cities plus hand-made regions), name aliases, well-known
organisations, and the titles and head words that give a name's type away.

The data files live in `data/` and ship in the package; they are read once,
on first use (about 10 ms)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# How sure a gazetteer hit makes us that a name is a place (added to the
# type vote as if that many more mentions had said PLACE).
PLACE_WEIGHT = {"country": 6.0, "state": 4.0, "region": 4.0, "continent": 6.0,
                "capital": 4.0, "major_city": 3.0, "large_city": 2.0, "city": 1.0}
MONTHS = frozenset("""january february march april may june july august september october
november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept
sept. oct oct. nov nov. dec dec.""".split())
# Place kinds trusted enough to add mentions spaCy did not tag at all.
FINDABLE_PLACE_KINDS = {"country", "state", "region", "continent", "capital", "major_city"}

# Words before a name that make it a person ("Foreign Minister Dmytro Kuleba").
PERSON_TITLES = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady
president minister premier chancellor governor gov gov. senator sen sen.
representative rep rep. congressman congresswoman mayor judge justice
general gen gen. colonel col col. lieutenant lt lt. sergeant sgt sgt.
captain capt capt. commander cmdr cmdr. admiral adm adm. major maj maj. marshal
ambassador envoy spokesman spokeswoman spokesperson secretary chairman
chairwoman chair ceo cfo coo cto founder director chief head leader
king queen prince princess pope archbishop bishop cardinal rabbi imam
sheikh emir sultan ayatollah pastor father rev rev. reverend saint st. coach
striker midfielder defender goalkeeper quarterback actor actress singer rapper
author writer journalist reporter analyst economist lawyer attorney
detective officer inspector deputy vice dean speaker rt hon hon. sheriff
""".split())
# Titles that are part of how people are named, so kept in the row's name.
NAME_TITLES = frozenset({"king", "queen", "prince", "princess", "pope", "emperor", "empress",
                         "duke", "duchess"})

# Last words that make a name an organisation ("Ukrainian foreign ministry").
ORG_HEADS = frozenset("""
ministry ministries department office agency agencies authority commission
committee council parliament assembly congress senate court tribunal party
company companies corp corp. corporation inc inc. ltd ltd. llc plc co co.
group holdings bank banks fund trust university college school institute
academy association federation union league club team foundation society
organisation organization alliance coalition front movement army navy
force forces police guard ministry service services bureau board network
channel newspaper times post journal press agency airline airlines airways
motors industries laboratories labs technologies systems studios records
church mission hospital clinic center centre council cabinet government
administration regime command brigade battalion regiment militia
tech platforms railway railways railroad league united fc rovers athletic wanderers
albion hotspur cup exchange infirmary productions entertainment media state index
directorate secretariat inspectorate observatory project initiative
reports review magazine gazette herald tribune chronicle
""".split())
# Last words that make a name a place ("Golan Heights", "Gaza Strip").
PLACE_HEADS = frozenset("""
republic province region oblast county district city town village
island islands peninsula coast mountains mountain mount valley river lake
sea ocean gulf bay strait straits desert plain plains basin delta heights
strip border territory territories camp street avenue road square bridge airport
drive lane boulevard parkway highway plaza place
port harbour harbor station stadium park field arena palace castle cathedral
tower hill hills beach canal
""".split())
# Common nouns that, after "the ... of", make the name a place
# ("the Ukrainian peninsula of Crimea", "the city of Kherson").
PLACE_NOUNS = frozenset("""
city town village capital region province state country island peninsula
county district territory republic area port enclave suburb neighbourhood
neighborhood oblast municipality camp base zone crossing checkpoint corridor
""".split())
# Corporate designators dropped when comparing names ("Boeing Co." = "Boeing").
CORP_SUFFIXES = frozenset("""
inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa nv se gmbh
holdings company limited
""".split())
# Lower-case words allowed inside a name ("Bank of England", "bin Salman").
CONNECTORS = frozenset("""
of the and for de del der den di da do dos das du des la le van von bin ibn
al el y e on upon in at &
""".split())
# Well-known events, eras and epidemics spaCy's small model tags as an ORG or
# a place; the panel lists people, places and organisations only.
EVENTS = frozenset("""big bang|black death|great depression|great recession|cold war|holocaust|
renaissance|industrial revolution|reformation|enlightenment|stone age|bronze age|iron age|ice age|
middle ages|dark ages|world war i|world war ii|world war one|world war two|first world war|
second world war|great war|gulf war|vietnam war|korean war|civil war|arab spring|spanish flu|
great fire|big bang theory""".replace("\n", "").split("|"))
# Page furniture that spaCy tags as an ORG or PERSON on many sites.
CHROME = frozenset("""
privacy policy|cookie policy|cookie statement|terms of use|terms of service|
terms and conditions|user agreement|your california privacy rights|
advertisement|sponsored content|newsletter|subscribe|log in|sign in|sign up
""".replace("\n", "").split("|"))


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Place name -> kind (country, state, region, continent, capital, major_city, city)."""
    table: dict[str, str] = {}
    for line in _lines("places.tsv"):
        name, kind = line.split("\t")
        table[name] = kind
    for name in _lines("regions.txt"):
        if table.get(name) not in ("country", "state", "capital"):
            table[name] = "region"
    return table


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """Lower-cased alias -> (canonical name, type)."""
    table: dict[str, tuple[str, str]] = {}
    for line in _lines("aliases.tsv"):
        alias, canonical, kind = line.split("\t")
        table[alias.lower()] = (canonical, kind)
        table.setdefault(canonical.lower(), (canonical, kind))
    return table


@lru_cache(maxsize=1)
def known_orgs() -> frozenset[str]:
    """Lower-cased names of well-known organisations."""
    return frozenset(name.replace("’", "'").lower() for name in _lines("orgs.txt"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names ('Marcelo', 'Dmytro'), as written."""
    return frozenset(_lines("given_names.txt"))


@lru_cache(maxsize=1)
def _country_prefixes() -> frozenset[str]:
    names = [w for n, kind in places().items() if kind in ("country", "region", "continent", "state")
             for w in {n, n.split()[-1]}]
    return frozenset(n[:k] for n in names for k in range(4, len(n) + 1))


def is_demonym(word: str) -> bool:
    """'Ukrainian', 'Chinese', 'Israeli', 'European': a capitalised word that
    is a country's or region's name with a nationality ending."""
    if not re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ean|ese|ish|i|ic|ch)", word) or word in places():
        return False
    prefixes = _country_prefixes()
    return any(word[:-k] in prefixes for k in (1, 2, 3) if len(word) - k >= 4)


def place_kind(name: str) -> str | None:
    """The gazetteer kind of a place name, or None."""
    table = places()
    return table.get(name) or table.get(name.title() if name.isupper() and len(name) > 4 else name)


def _lines(filename: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
