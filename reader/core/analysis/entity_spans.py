"""Entity mentions from spaCy's name spans, cleaned up.

A spaCy span is trimmed to the name itself (no 'the', no possessive, no title,
no page furniture glued on by a dash), completed where spaCy cut a name short
('Ursula von der' + 'Leyen', 'Météo' + '-France'), split where it runs across
several names, and dropped when it is not a name at all (a nationality
adjective, a 'pro-Russia' modifier, a capitalised common word at the start of
a sentence, 'Interior' in 'Interior Minister')."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import gazetteer as gz

TYPE_OF_LABEL = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}
# Labels whose spans are kept only when the gazetteer knows the name
# (spaCy calls 'Telegram' a PRODUCT, 'Kyiv' sometimes NORP).
_RESCUE_LABELS = {"PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LAW"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_SPLIT_PUNCT = {"-", "–", "—", ",", ":", ";", "|", "/", "(", ")", "[", "]", "•", "·", "+", "@"}
_ALWAYS_SPLIT = {"(", ")", "[", "]", "|", "•", "·", "@"}
_MODIFIER_PREFIX = re.compile(r"^(?:pro|anti|non|ex|post|pre)[-–]", re.I)
# The Arabic article written in lower case before a capitalised name ('al-Tanf', 'el-Sisi').
ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)[-‑][A-Z]")
_MODIFIER_SUFFIX = frozenset("""backed led based controlled aligned linked allied friendly occupied
held leaning made style born funded owned run sponsored winning nominated""".split())
# Endings of bacterial and fungal genus names ('Pseudomonas', 'Streptococcus').
_GENUS_ENDINGS = ("monas", "bacter", "coccus", "cocci", "bacillus", "bacterium", "myces", "sporidium",
                  "cystis", "plasma", "spora", "vibrio", "chlamydia", "salmonella", "listeria")
# All-capital words that are not names (spaCy tags some of them as places or orgs).
_NOT_NAMES = frozenset("""
AI EV EVS CEO CFO COO CTO GDP COVID COVID-19 TV PC USB GPS SUV DNA RNA IPO VR AR OK PM AM ET PT EST
GMT UTC IST BST CET FAQ PDF HTML API LED LCD HD 4K 5G 3D LOL OMG RSS URL SMS IT HR PR QR ID
AWD RWD FWD 4WD 2WD MPG MPH KM NFT VPN USB-C HDMI LTE
MRI ECG EKG EEG HIV HPV PCR CPR IVF ADHD PTSD COPD ICU BMI ASAP FYI
""".split())
# Words for a legislator: the place after 'representing' is their constituency.
_LEGISLATORS = frozenset("""senator sen. sen rep. rep representative lawmaker legislator congressman
congresswoman mp member deputy assemblyman assemblywoman councillor councilor councilman councilwoman""".split())
# A compass word ending a name makes it a district or region ('Yobe North', 'Kano Central').
_COMPASS = frozenset("""North South East West Central Northeast Northwest Southeast Southwest
North-East North-West South-East South-West""".split())
# Ministerial portfolios: 'Interior' in 'Interior Minister' is not an organisation.
PORTFOLIOS = frozenset("""interior foreign defense defence finance home health justice economy
economic trade education energy environment labor labour treasury transport culture agriculture
commerce state industry security""".split())
_ORG_NOUNS = frozenset("""firm maker drugmaker automaker carmaker carrier lender insurer retailer
startup giant developer manufacturer operator provider publisher broadcaster outlet charity
nonprofit regulator watchdog rival competitor""".split())
_PERSON_NOUNS = frozenset("""man woman boy girl resident mother father son daughter wife husband
brother sister student teacher nurse doctor victim suspect witness official lawmaker""".split())
_NAMED_EVENTS = frozenset({"storm", "hurricane", "typhoon", "cyclone", "tropical", "operation"})
# Common nouns a name can label as a thing, not an actor ('our Blue Moon
# lander', 'the Hazel Hen supercomputer', 'the Artist of the Decade award').
_THING_NOUNS = frozenset("""award awards prize prizes trophy medal lander landers rover rocket rockets
spacecraft capsule satellite satellites telescope probe jet jets aircraft airliner airliners helicopter
drone drones missile missiles supercomputer computer processor chip chips phone phones smartphone
smartphones handset tablet laptop console consoles app apps software browser engine engines car cars
vehicle vehicles truck trucks suv sedan vaccine vaccines drug pill album song film movie franchise
submarine rifle simulation device devices headset robot robots""".split())


@dataclass
class Span:
    """One mention: global character offsets, token range, surface text,
    spaCy's type vote (None when found by our own matching) and context evidence."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str
    label: str | None
    evidence: Counter = field(default_factory=Counter)
    headline: bool = False
    after_the: bool = False
    thing_label: bool = False  # names a thing: 'the Hazel Hen supercomputer'
    in_title: bool = False  # inside a quoted title: '“Takin’ It to the Streets”'
    gender: str | None = None  # 'm' / 'f' when a title says so ('Mr. Obama')


_GENDER_TITLES = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                  "miss": "f", "dame": "f", "lady": "f"}
# Epithets glued before a name ('Crooked Hillary Clinton'): not part of it.
_EPITHETS = frozenset({"crooked", "lyin'", "lyin’", "lying", "little", "crazy", "sleepy", "low-energy",
                       "dear", "beloved", "late", "disgraced", "embattled", "jailed", "ousted"})


def make_span(doc: Any, start: int, end: int, label: str | None) -> Span:
    first, last = doc[start], doc[end - 1]
    before = doc[start - 1].lower_ if start > 0 else ""
    gender = _GENDER_TITLES.get(before) or (_GENDER_TITLES.get(first.lower_) if end - start > 1 else None)
    return Span(first.idx, last.idx + len(last.text), start, end, doc[start:end].text, label, gender=gender)


def spacy_spans(doc: Any) -> list[Span]:
    """spaCy's PERSON/GPE/LOC/FAC/ORG spans, cleaned and filtered; where two
    overlap after completion, the longer one wins."""
    spans = []
    not_names = _words_glued_after_titles(doc)
    for ent in doc.ents:
        label = TYPE_OF_LABEL.get(ent.label_)
        if label is None and ent.label_ not in _RESCUE_LABELS:
            continue
        if len(ent) == 1 and ent.text in not_names:
            continue  # 'former Miss Universe' once the text said 'Miss Universe Alicia Machado'
        for start, end, title in _pieces(doc, ent.start, _complete(doc, ent.start, ent.end), label):
            text = doc[start:end].text
            if label is None and ent.label_ in ("WORK_OF_ART", "PRODUCT") and end - start > 1 \
                    and doc[end - 1].text[:1].isupper() and doc[end - 1].lower_ in gz.ORG_HEADS - {"cup"}:
                label = "ORG"  # 'Monthly Notices of the Royal Astronomical Society' (a journal)
            if label is None and not (gz.place_kind(text) or text.lower() in gz.known_orgs()):
                continue
            if ent.label_ == "NORP" and text.lower() in gz.known_orgs() \
                    and doc[start:end].root.dep_ in ("compound", "amod", "nmod"):
                continue  # 'Labour MPs': a party's name used as an adjective
            span = make_span(doc, start, end, label)
            if not _cut_at_glued_bracket(span):
                continue
            if title:
                span.evidence["PERSON"] += 3
            if is_name(doc, span):
                spans.append(span)
    return _split_glued_places(doc, _join_of_places(doc, drop_overlaps(spans)))


def _split_glued_places(doc: Any, spans: list[Span]) -> list[Span]:
    """'U.S.-Canada trade', 'U.S.-China talks': one token naming two places
    (tagged as one organisation, or not at all) is two place mentions."""
    by_token = {s.tok_start: s for s in spans if s.tok_end - s.tok_start == 1}
    taken = {i for s in spans for i in range(s.tok_start, s.tok_end)}
    out = [s for s in spans if not (s.tok_end - s.tok_start == 1 and _two_places(s.text))]
    for tok in doc:
        if not _two_places(tok.text) or (tok.i in taken and tok.i not in by_token):
            continue
        left, right = re.split(r"[-–]", tok.text, maxsplit=1)
        for offset, part in ((0, left), (len(left) + 1, right)):
            out.append(Span(tok.idx + offset, tok.idx + offset + len(part), tok.i, tok.i + 1, part, "PLACE"))
    return sorted(out, key=lambda s: s.start)


def _two_places(text: str) -> bool:
    parts = re.split(r"[-–]", text, maxsplit=1)
    return len(parts) == 2 and all(_place_or_alias(p) for p in parts)


def _join_of_places(doc: Any, spans: list[Span]) -> list[Span]:
    """'the Southern District' + 'of' + 'New York', 'Gulf' + 'of' + 'Mexico':
    a capitalised name ending in an organisation or place word, then 'of'
    and a place, is one name."""
    out: list[Span] = []
    by_start = {s.tok_start: s for s in spans}
    skip: set[int] = set()
    for span in spans:
        if id(span) in skip:
            continue
        last, k = doc[span.tok_end - 1], span.tok_end
        nxt = by_start.get(k + 1) if k < len(doc) and doc[k].lower_ == "of" else None
        if nxt is not None and span.label in ("ORG", "PLACE") and span.tok_end - span.tok_start >= 2 \
                and last.text[:1].isupper() and (last.lower_ in gz.ORG_HEADS or last.lower_ in gz.PLACE_HEADS) \
                and nxt.label == "PLACE" and "\n" not in doc[span.tok_start:nxt.tok_end].text:
            joined = make_span(doc, span.tok_start, nxt.tok_end, span.label)
            joined.evidence.update(span.evidence)
            out.append(joined)
            skip.add(id(nxt))
        else:
            out.append(span)
    return out


def _cut_at_glued_bracket(span: Span) -> bool:
    """'CNN Business)A' (a dateline glued to the first word): the name ends
    at the bracket. False when nothing is left."""
    cut = re.search(r"[()\[\]]", span.text)
    if cut is None:
        return True
    span.text = span.text[:cut.start()].rstrip()
    span.end = span.start + len(span.text)
    return len(span.text) >= 2


def _words_glued_after_titles(doc: Any) -> set[str]:
    """Words between a title and a full name that are not part of the name
    ('Miss Universe Alicia Machado' -> 'Universe'): not a person elsewhere either."""
    given = gz.given_names()
    words = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 3 and ent.start > 0 \
                and doc[ent.start - 1].lower_ in gz.PERSON_TITLES \
                and ent[0].text not in given and ent[1].text in given:
            words.add(ent[0].text)
    return words


def drop_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longest of overlapping spans (the first of equal ones)."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.tok_end - s.tok_start), s.tok_start)):
        tokens = set(range(span.tok_start, span.tok_end))
        if not tokens & taken:
            kept.append(span)
            taken |= tokens
    return sorted(kept, key=lambda s: s.start)


def _complete(doc: Any, start: int, end: int) -> int:
    """Extend a span spaCy cut short: across a hyphen into a capitalised word
    ('Météo-France'), or past a trailing particle ('Ursula von der' Leyen)."""
    n = len(doc)
    while end < n:
        last = doc[end - 1]
        if end + 1 < n and doc[end].text == "-" and not last.whitespace_ and not doc[end].whitespace_ \
                and doc[end + 1].text[:1].isupper():
            end += 2
        elif (last.lower_ in gz.CONNECTORS and last.lower_ not in ("and", "&", "the", "of", "for", "on", "in", "at")
              and last.whitespace_ and doc[end].text[:1].isupper() and doc[end].is_alpha):
            end += 1
        elif last.text in ("Le", "La", "De", "Van", "Von", "Al", "El", "Bin", "Abu", "Da", "Di", "Du") \
                and end - start >= 2 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        else:
            break
    return end


def _pieces(doc: Any, start: int, end: int, label: str | None) -> list[tuple[int, int, bool]]:
    """Split a token range at spaced punctuation, stray lower-case words and
    'and' between two places or people; trim each piece -> (start, end, had a title)."""
    if gz.place_kind(doc[start:end].text) in gz.FINDABLE_PLACE_KINDS:
        return [(start, end, False)]  # 'Bosnia and Herzegovina', 'Trinidad and Tobago'
    pieces, begin = [], start
    for i in range(start, end + 1):
        if i == end or _breaks(doc, i, start, label):
            if i > begin:
                pieces.append(_trim(doc, begin, i, label))
            begin = i + 1
        elif i > begin and _person_starts(doc, begin, i, end):
            pieces.append(_trim(doc, begin, i, label))
            begin = i
    return [p for p in pieces if p]


def _person_starts(doc: Any, begin: int, i: int, end: int) -> bool:
    """'Ukraine Kurt Volker': a given name and surname after a place or a
    nationality start a second name."""
    if i + 1 >= end or doc[i].text not in gz.given_names() or not doc[i + 1].text[:1].isupper():
        return False
    before = doc[begin:i]
    return bool(gz.place_kind(before.text)) or all(t.ent_type_ == "NORP" for t in before) \
        or before[-1].lower_ in gz.PERSON_TITLES


def _breaks(doc: Any, i: int, start: int, label: str | None) -> bool:
    tok = doc[i]
    if "\n" in tok.text or tok.text in _ALWAYS_SPLIT:
        return True
    if tok.text in _POSSESSIVE and i > start and _possessive_splits(doc, start, i):
        return True
    if tok.text in _SPLIT_PUNCT and (tok.whitespace_ or doc[i - 1].whitespace_):
        return True
    if tok.text == "/" or (tok.text in ("-", "–") and i > start and i + 1 < len(doc)
                           and _place_or_alias(doc[start:i].text) and _place_or_alias(doc[i + 1].text)):
        return True  # 'Mark Von Holden/Invision/AP', 'US-China'
    if tok.lower_ in ("and", "&") and i > start and (label in ("PLACE", "PERSON") or gz.place_kind(doc[start:i].text)):
        return True
    if tok.lower_ == "of" and 2 <= i - start <= 3 and doc[start].text in gz.given_names() \
            and all(t.text[:1].isupper() for t in doc[start:i]) and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
        return True  # 'Brent Sherwood of Blue Origin': a person, then where they work
    word = tok.text
    return (i > start and word[:1].islower() and word.isalpha() and bool(doc[i - 1].whitespace_)
            and word.lower() not in gz.CONNECTORS and word.lower() not in gz.ORG_HEADS)


def _place_or_alias(text: str) -> bool:
    alias = gz.aliases().get(text.lower())
    return gz.place_kind(text) in gz.FINDABLE_PLACE_KINDS or bool(alias and alias[1] == "PLACE")


def _possessive_splits(doc: Any, start: int, i: int) -> bool:
    """'Jeff Bezos's Blue Origin', 'Nashville's Grand Ole Opry' are two names;
    'Martha's Vineyard', 'People's Republic' are one."""
    if i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper():
        return False
    before = doc[start:i]
    if before[-1].lower_ in ("people", "children", "women", "men", "workers", "veterans"):
        return False
    after = 1
    while i + after + 1 < len(doc) and doc[i + after + 1].text[:1].isupper():
        after += 1
    return (len(before) >= 2 and after >= 2) or bool(gz.place_kind(before.text)) \
        or before.text.lower() in gz.known_orgs() \
        or (before[-1].lower_ not in gz.PERSON_TITLES and _org_run_follows(doc, i + 1))


def _org_run_follows(doc: Any, k: int) -> bool:
    """After a possessive, a capitalised run (with 'of', 'the', 'for') that
    ends in an organisation word other than a corporate designator names a
    second body: 'NASA's Office of the Inspector General', 'Russia's
    Defence Ministry'."""
    n, last = len(doc), None
    while k < n and (doc[k].text[:1].isupper() or (doc[k].lower_ in ("of", "the", "for", "and")
                                                   and k + 1 < n and doc[k + 1].text[:1].isupper())):
        if doc[k].text[:1].isupper():
            last = doc[k].lower_
        k += 1
    return last is not None and last in gz.ORG_HEADS and last not in gz.CORP_SUFFIXES


def _trim(doc: Any, start: int, end: int, label: str | None) -> tuple[int, int, bool] | None:
    """Drop a leading 'the', titles and trailing possessive or punctuation;
    a person's name starts at its given name ('Browns DL Sheldon Richardson')."""
    title = False
    if doc[start:end].text.replace("’", "'").lower() in gz.known_orgs():
        return start, end, False  # "Lowe's", "McDonald's"
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in ("and", "&", "of", "the") or _is_number(doc[end - 1])
                           or (end - start > 1 and doc[end - 1].lower_ in gz.MONTHS)
                           or (label == "ORG" and end - start > 1 and doc[end - 1].lower_ in gz.PERSON_TITLES
                               and not _office_of_title(doc, start, end))):
        end -= 1
    if label == "PERSON" and end - start > 2:
        start, title = _given_name_start(doc, start, end)
    while start < end:
        low = doc[start].lower_
        if low == "the" or doc[start].is_punct:
            start += 1
        elif low in gz.PERSON_TITLES and low not in gz.NAME_TITLES and end - start > 1 \
                and doc[start + 1].text[:1].isupper() and not _head_follows(doc, start + 1, end):
            start += 1
            title = True
        elif low in gz.PERSON_TITLES and end - start > 2 and doc[start + 1].lower_ == "of":
            start += 2  # 'Founder of Ceres Robotics Inc.'
        else:
            break
    if start >= end or (end - start == 1 and doc[start].lower_ in gz.PERSON_TITLES):
        return None
    return start, end, title


def _office_of_title(doc: Any, start: int, end: int) -> bool:
    """'Office of the Inspector General', 'Office of the Prime Minister':
    titles after 'of' name the office, they are not a role glued after it."""
    k = end - 1
    while k > start and doc[k].lower_ in gz.PERSON_TITLES and doc[k].text[:1].isupper():
        k -= 1
    return k > start and doc[k].lower_ in ("of", "the") and k < end - 1


def _head_follows(doc: Any, start: int, end: int) -> bool:
    """'Justice Department', 'General Court': the title word names the body."""
    words = {t.lower_ for t in doc[start:end]}
    return bool(words & (gz.ORG_HEADS | gz.PLACE_HEADS))


def _is_number(tok: Any) -> bool:
    return tok.like_num or any(c.isdigit() for c in tok.text)


def _given_name_start(doc: Any, start: int, end: int) -> tuple[int, bool]:
    """Where a person's name starts when spaCy glued words before it; the
    bool tells that something was cut (usually a title or a role)."""
    given = gz.given_names()
    if doc[start].text in given:
        return start, False
    for k in range(start + 1, end - 1):
        if doc[k].text in given and doc[k - 1].text not in given and doc[k - 1].whitespace_ \
                and (any(_not_name_word(doc[j]) for j in range(start, k))
                     or (start > 0 and doc[start - 1].lower_ in gz.PERSON_TITLES)):  # 'Miss Universe Alicia Machado'
            return k, True
    return start, False


def _not_name_word(tok: Any) -> bool:
    """A word glued before a person's name that is not part of it: a title,
    a role abbreviation ('DL'), a nationality, a lower-case word."""
    return (tok.lower_ in gz.PERSON_TITLES or tok.text[:1].islower() or tok.ent_type_ == "NORP"
            or tok.lower_ in _EPITHETS
            or (tok.text.isupper() and len(tok.text) <= 4))


def is_name(doc: Any, span: Span) -> bool:
    """Whether a cleaned span is a name worth a row."""
    text = span.text
    if not text[:1].isupper() and not text[:1].isdigit() and not ARTICLE_PREFIX.match(text):
        return False
    if _MODIFIER_PREFIX.match(text) or text.lower() in gz.CHROME or text.upper() in _NOT_NAMES:
        return False
    if not any(c.isalpha() for c in text) or len(text) < 2:
        return False
    if doc[span.tok_start].lower_ in _NAMED_EVENTS and span.tok_end - span.tok_start > 1:
        return False  # 'Storm Ciarán', 'Operation Inherent Resolve'
    if _credit(doc, span.tok_start, span.tok_end):
        return False  # 'Photo by Richard Shotwell/Invision/AP'
    if _modifier_compound(doc, span.tok_end):
        return bool(gz.place_kind(text))  # 'Russia-backed forces': only a known place counts
    if _species_name(doc, span):
        return False  # 'Yersinia pestis', 'Pseudomonas': organisms, not names of actors
    if text.lower().removeprefix("the ") in gz.EVENTS:
        return False  # 'the Black Death', 'the Big Bang': events and eras, not actors
    if _POSTAL.match(text):
        return False  # 'P.O. Box 69440': an address, not a name
    if _scan_or_test(doc, span):
        return False  # 'a CT scan', 'a PET scan': a medical technique, not an organisation
    if _is_label(doc, span):
        return False  # 'Group H', 'Path A', 'Schedule IV': a common noun and a letter
    if span.tok_end - span.tok_start == 1:
        return single_word_is_name(doc, doc[span.tok_start])
    return True


_POSTAL = re.compile(r"P\.? ?O\.? Box\b", re.I)
# Nouns after an abbreviation that make it a medical or lab technique ('CT scan').
_TECHNIQUE_NOUNS = frozenset("scan scans scanner scanners scanning imaging test tests testing".split())


def _scan_or_test(doc: Any, span: Span) -> bool:
    """An all-capitals abbreviation right before 'scan'/'test': a technique
    ('a CT scan', 'a PET scan'), not a name."""
    return (span.tok_end - span.tok_start == 1 and span.text.isupper() and span.tok_end < len(doc)
            and doc[span.tok_end].lower_ in _TECHNIQUE_NOUNS)


def _species_name(doc: Any, span: Span) -> bool:
    """A genus: a word with a bacterial genus ending, or a capitalised word
    before a lower-case species name the text also writes with the genus
    abbreviated ('Yersinia pestis' ... 'Y. pestis')."""
    if span.tok_end - span.tok_start != 1:
        return False
    word = span.text
    if word.lower().endswith(_GENUS_ENDINGS) and not gz.place_kind(word):
        return True
    nxt = doc[span.tok_end] if span.tok_end < len(doc) else None
    return (nxt is not None and nxt.text.isalpha() and nxt.text.islower()
            and f"{word[0]}. {nxt.text}" in doc.text)


def _is_label(doc: Any, span: Span) -> bool:
    """A capitalised common noun the article also writes in lower case,
    followed by a letter, a Roman numeral or a number: a label, not a name."""
    words = span.text.split()
    if len(words) == 1 and span.tok_end < len(doc) and doc[span.tok_end].text != "I":
        words.append(doc[span.tok_end].text)  # 'Group' cut from 'Group A' by a bracket
    return (len(words) == 2 and bool(re.fullmatch(r"(?:[A-Z]|[IVX]{1,4}|\d{1,3})\.?", words[1]))
            and (words[0].lower() in lower_words(doc) or words[0].lower() in _LABEL_NOUNS)
            and words[0] not in gz.given_names())


def _credit(doc: Any, start: int, end: int) -> bool:
    """A photo credit: 'Photo by ...', 'Mark Von Holden/Invision/AP'."""
    before = {t.lower_ for t in doc[max(0, start - 3):start]}
    slash = (start > 0 and doc[start - 1].text == "/") or (end < len(doc) and doc[end].text == "/")
    return slash or bool(before & {"photo", "photograph", "photos", "image", "images", "credit", "courtesy",
                                   "illustration"})


def _modifier_compound(doc: Any, end: int) -> bool:
    return (end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end].whitespace_
            and not doc[end - 1].whitespace_ and doc[end + 1].lower_ in _MODIFIER_SUFFIX)


def single_word_is_name(doc: Any, tok: Any) -> bool:
    """A one-word span is a name unless it is a stop word, an adjective
    ('Palestinian prisoners'), a portfolio before a title ('Interior
    Minister') or a capitalised common word at the start of a sentence."""
    if (tok.is_stop and not tok.text.isupper()) or tok.text.upper() in _NOT_NAMES:
        return False
    if tok.text.isupper() and len(tok.text) >= 4 and tok.lower_ in lower_words(doc):
        return False  # 'POINT', 'ADVERTISEMENT': a shouted common word
    if gz.place_kind(tok.text) or tok.lower_ in gz.known_orgs():
        return True
    if tok.tag_ in ("JJ", "JJR", "JJS", "VBG") or tok.ent_type_ == "NORP":
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if re.fullmatch(r"\d+[A-Za-z]+|[A-Za-z]+\d+[A-Za-z\d]*", tok.text) or (prev is not None and _is_number(prev)):
        return False  # '777x', '737 Max': product models
    if gz.is_demonym(tok.text):
        return False  # 'Ukrainian officials', 'the Ukrainian'

    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.lower_ in PORTFOLIOS and ((nxt is not None and nxt.lower_ in gz.PERSON_TITLES)
                                     or (tok.i > 1 and doc[tok.i - 1].lower_ == "of"
                                         and doc[tok.i - 2].lower_ in gz.PERSON_TITLES)):
        return False  # 'Interior Minister', 'Secretary of State'

    if sentence_initial(doc, tok):
        return tok.pos_ == "PROPN" and tok.lower_ not in lower_words(doc)
    return True


def _residence(doc: Any, start: int) -> bool:
    """'..., 32, of Franklin' / 'Hollman 31, of Hope': 'of' after an age."""
    if start < 3 or doc[start - 1].lower_ != "of" or doc[start - 2].text != ",":
        return False
    age = doc[start - 3]
    return age.text.isdigit() and 1 <= int(age.text) <= 110


def is_age_after(doc: Any, k: int) -> bool:
    """', 38,' / ', 38 –' at token `k`: an age in apposition (not a score, '45-17')."""
    age = doc[k:k + 3]
    if len(age) < 3 or age[0].text != "," or not age[1].text.isdigit() or not 1 <= int(age[1].text) <= 110:
        return False
    return age[2].text in (",", ")", ";") or (age[2].text in ("–", "—", "-") and bool(age[1].whitespace_))


# Nouns that take a letter or number as a label ('Schedule IV', 'Group H').
_LABEL_NOUNS = frozenset("""group path pool schedule type category class level phase stage section
article chapter part figure table grade tier zone gate terminal platform route option plan appendix
exhibit item unit ward block lot round""".split())
# Nouns whose 'in' takes a person ('interest in Mbappe', 'faith in Biden').
_INTEREST_NOUNS = frozenset("""interest interested faith confidence trust belief stake role part
investment invest invested shares stake stakes""".split())
_INSTITUTION_NOUNS = frozenset("""hospital clinic university college school academy airport prison jail
museum library stadium hotel church mosque synagogue temple cathedral seminary""".split())


_OPEN_MARKS, _CLOSE_MARKS = "“\"‘", "”\"’"


def _inside_quoted_title(text: str, start: int, end: int) -> bool:
    """The mention sits inside a short quoted string written in title case:
    the title of a song, a film, a show ('their single “Takin’ It to the
    Streets”', 'the “Never Trumpers”'), not a place or a body."""
    left = max((text.rfind(m, max(0, start - 60), start) for m in _OPEN_MARKS), default=-1)
    if left < 0 or (left > 0 and text[left - 1].isalnum()):
        return False
    close = _CLOSE_MARKS[_OPEN_MARKS.index(text[left])]
    right = end
    while True:  # the matching mark, not an apostrophe ('Takin’ It')
        right = text.find(close, right, end + 60)
        if right < 0 or not (right + 1 < len(text) and text[right + 1].isalpha()):
            break
        right += 1
    if right < 0 or "\n" in text[left:right]:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[left + 1:right])
    big = [w for w in words if w.lower() not in gz.CONNECTORS and w.lower() not in ("a", "an", "to", "is", "it")]
    if len(words) <= 3 and big == words and words[0] in gz.given_names():
        return False  # a quoted person's name ('work with ‘Nellie Wall’')
    return 2 <= len(words) <= 8 and bool(big) and all(w[:1].isupper() for w in big)


def _names_an_institution(doc: Any, span: Span) -> bool:
    """The name is the compound before a lower-case institution noun
    ('Walter Reed hospital', 'a Johns Hopkins university study' is not)."""
    k = span.tok_end
    return (k < len(doc) and doc[k].text.islower() and doc[k].lower_ in _INSTITUTION_NOUNS
            and doc[k - 1].dep_ == "compound" and doc[k - 1].head.i == k)


# Plural nouns for works and products that introduce a list of their titles.
_WORK_PLURALS = ("games|titles|franchises|films|movies|shows|series|albums|songs|singles|apps|books|"
                 "novels|products|devices|phones|consoles|programmes|programs|podcasts|musicals")
_TITLE = r"[A-Z0-9][\w'’:&.-]*(?: [A-Z0-9&][\w'’:&.-]*)*"
_WORK_LIST = re.compile(r"\b(?:" + _WORK_PLURALS + r"),? (?:such as|like|including) "
                        r"(?:(?:the )?" + _TITLE + r"(?:, (?:and |or )?| and | or ))*(?:the )?$")


def _in_work_list(doc: Any, span: Span) -> bool:
    """A name in a list of titles a plural noun for works or products
    introduces: 'popular franchises such as Assassin's Creed, Tomb Raider,
    Red Dead Redemption'."""
    sent = doc[span.tok_start].sent
    return bool(_WORK_LIST.search(doc.text[sent.start_char:span.start]))


def _labels_a_thing(doc: Any, span: Span) -> bool:
    """The name (with any capitalised words after it) modifies a common noun
    for a made thing: 'our Blue Moon lander', 'the Hazel Hen supercomputer';
    or it stands in a list of titles ('franchises such as Tomb Raider')."""
    if _in_work_list(doc, span):
        return True
    k = span.tok_end
    while k < len(doc) and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN" and k - span.tok_end < 3:
        k += 1
    if k < len(doc) and doc[k].lower_ in _THING_NOUNS and doc[k].text.islower():
        return doc[k - 1].dep_ in ("compound", "nmod", "amod") and doc[k - 1].head.i == k
    j = span.tok_start - 1
    while j >= 0 and doc[j].pos_ == "ADJ" and doc[j].text.islower() and span.tok_start - j <= 2:
        j -= 1
    head_noun = k >= len(doc) or not (doc[k].pos_ in ("NOUN", "PROPN") and doc[k].text.islower())
    return j >= 0 and doc[j].lower_ in ("its", "their", "our", "your", "my") and head_noun


def sentence_initial(doc: Any, tok: Any) -> bool:
    """Whether only punctuation stands between `tok` and the start of its
    sentence or block."""
    i = tok.i
    while True:
        if i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_:
            return True
        prev = doc[i - 1]
        if prev.text in (".", "?", "!"):
            return True
        if not (prev.is_punct or prev.is_space) or prev.text in (",", ";", ":"):
            return False
        i -= 1


def lower_words(doc: Any) -> set[str]:
    """The words the article writes in lower case (cached on the Doc)."""
    cached = doc.user_data.get("reader_lower_words")
    if cached is None:
        cached = {t.text for t in doc if t.text[:1].islower()}
        doc.user_data["reader_lower_words"] = cached
    return cached


def add_context(doc: Any, span: Span) -> None:
    """Type evidence from the words around a mention: a title before it
    ('Minister Kuleba'), 'the peninsula of Crimea', 'the Donetsk region',
    'in Kyiv'."""
    before = doc[span.tok_start - 1] if span.tok_start > 0 else None
    if before is not None and before.lower_ in gz.PERSON_TITLES and before.text[:1].isupper():
        span.evidence["PERSON"] += 3
    if before is not None and before.lower_ == "of" and span.tok_start > 1 \
            and doc[span.tok_start - 2].lower_ in gz.PLACE_NOUNS:
        span.evidence["PLACE"] += 3
    if _residence(doc, span.tok_start):
        span.evidence["PLACE"] += 4  # 'Christopher L. Tays, 32, of Franklin': where someone lives
    if before is not None and before.lower_ in ("in", "near", "outside", "across", "throughout", "inside"):
        span.evidence["PLACE"] += 1
        if before.head.lower_ not in _INTEREST_NOUNS and not (span.tok_end < len(doc)
                                                              and doc[span.tok_end].text in _POSSESSIVE):
            span.evidence["PERSON"] -= 1  # 'the U.S. base in al-Tanf': people are not where things are
            if before.head.lemma_ not in ("publish", "appear", "report", "write", "feature", "print"):
                span.evidence["PLACE"] += 0.5  # ... nor most organisations ('marooned in Uglii')
    if before is not None and before.lower_ in ("representing", "represents", "represented") \
            and any(t.lower_ in _LEGISLATORS for t in doc[max(0, span.tok_start - 5):span.tok_start - 1]):
        span.evidence["PLACE"] += 4  # 'Senator representing Yobe North': a legislator's constituency
        span.evidence["PERSON"] -= 1
    words = doc[span.tok_start:span.tok_end]
    if len(words) >= 2 and words[-1].text in _COMPASS and words[0].text not in gz.given_names():
        span.evidence["PLACE"] += 2  # 'Yobe North', 'Kano Central' (but 'Oliver North' is a person)
    if is_age_after(doc, span.tok_end):
        span.evidence["PERSON"] += 3  # 'Braun, 38, ...': an age in apposition
    after = doc[span.tok_end:span.tok_end + 2]
    relative = next((t.lower_ for t in after if t.text != ","), "")
    if relative in ("who", "whose"):
        span.evidence["PERSON"] += 2  # 'Kristaps Porzingis, who returned ...'
    elif relative == "which":
        span.evidence["PERSON"] -= 1
    elif relative == "where":
        span.evidence["PLACE"] += 2  # 'a visit to Sulphur, where ...'
    span.after_the = before is not None and before.lower_ == "the"
    span.thing_label = _labels_a_thing(doc, span)
    span.in_title = _inside_quoted_title(doc.text, span.start, span.end)
    if _names_an_institution(doc, span):
        span.evidence["ORG"] += 4  # 'Walter Reed hospital': a person's name naming a hospital
    root = doc[span.tok_start:span.tok_end].root
    if (before is not None and before.lower_ == "the" or doc[span.tok_start].tag_ == "NNPS") \
            and root.dep_ not in ("compound", "amod", "nmod", "poss"):
        span.evidence["PERSON"] -= 1.5  # 'the Steelers', 'the Kremlin': people take no article
        span.evidence["ORG"] += 0.5
    root = doc[span.tok_start:span.tok_end].root
    if root.dep_ == "compound" and root.head.lower_ in gz.PLACE_NOUNS and root.head.i >= span.tok_end:
        span.evidence["PLACE"] += 2
    for other in [root.head] * (root.dep_ == "appos") + [c for c in root.children if c.dep_ == "appos"]:
        noun = other.lower_
        if other.pos_ in ("NOUN", "PROPN"):  # 'Gavi, the Vaccine Alliance', 'Seagen, a biotech company'
            kind = ("ORG" if noun in gz.ORG_HEADS or noun in _ORG_NOUNS else "PLACE" if noun in gz.PLACE_NOUNS
                    else "PERSON" if noun in gz.PERSON_TITLES or noun in _PERSON_NOUNS else None)
            if kind:
                span.evidence[kind] += 2
