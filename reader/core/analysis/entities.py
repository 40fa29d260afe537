"""Entities: the people, places and organisations an article names, one row each.

Mentions come from spaCy's name spans, cleaned (entity_spans), plus the
mentions it missed; they are merged into rows and typed (entity_merge);
this module puts the steps together and builds the `Entity` rows, whose
mentions keep exact block offsets. `Entity.name` is the row's canonical
(full) name: quotes.py names speakers with it."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from ..models import Entity
from . import gazetteer as gz
from .entity_merge import Group, canonical_key, group_spans, name_key
from .entity_rescue import (absorb_country_prefix, acronym_prefixed, acronym_spans, common_acronyms,
                            dateline_spans, extend_people_left, SCHEDULE_LINE, schedule_spans, org_role_spans, conjunct_org_spans, find_again, head_word_spans, ministry_spans, taken_tokens,
                            team_spans, titled_person_spans, widen_to_known)
from .cues import SPEECH_VERBS
from .entity_spans import Span, add_context, spacy_spans
from .layout import Layout


def find_entities(doc: Any, layout: Layout) -> list[Entity]:
    """Entity rows for a parsed article, most-mentioned first."""
    terms = common_acronyms(doc)
    spans = [s for s in spacy_spans(doc) if s.text not in terms]
    spans = acronym_prefixed(doc, spans, taken_tokens(spans))
    extend_people_left(doc, spans, taken_tokens(spans))
    spans, acronyms = acronym_spans(doc, spans)
    spans += ministry_spans(doc, taken_tokens(spans))
    spans += absorb_country_prefix(doc, spans, head_word_spans(doc, taken_tokens(spans)))
    spans += dateline_spans(doc, taken_tokens(spans))
    spans += titled_person_spans(doc, taken_tokens(spans))
    spans += team_spans(doc, taken_tokens(spans))
    spans = schedule_spans(doc, spans)
    names = _known_names(doc, spans)
    spans = widen_to_known(doc, spans, {**names, **_known_orgs_in(doc)})
    spans += [s for s in find_again(doc, names, taken_tokens(spans)) if s.text not in terms]
    spans += org_role_spans(doc, spans)
    spans += conjunct_org_spans(doc, spans)
    headline = _headline_blocks(layout)
    for span in spans:
        add_context(doc, span)
        span.headline = layout.block_of(span.start) in headline
    pairs = {canonical_key(short): canonical_key(full) for short, full in acronyms.items()}
    pairs.update(_appositions(doc, spans))
    pairs.update(_former_names(doc, spans))
    groups = group_spans(spans, pairs, _qualified(doc, spans))
    entities = [_to_entity(g, layout) for g in groups if _keep(g) and not _product_row(doc, g)]
    entities = [e for e in entities if e.mentions]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _known_names(doc: Any, spans: list[Span]) -> dict[tuple[str, ...], str | None]:
    """Token sequences of the names found so far, to be looked for again
    where spaCy did not tag them."""
    names: dict[tuple[str, ...], str | None] = {}
    votes: dict[tuple[str, ...], Counter] = {}
    for span in spans:
        words = tuple(t.text for t in doc[span.tok_start:span.tok_end])
        votes.setdefault(words, Counter())[span.label] += 1
    for words, count in votes.items():
        label = count.most_common(1)[0][0]
        names[words] = label
        if 2 <= len(words) <= 4 and all(w.istitle() or w in "-'" or w in gz.CONNECTORS for w in words) \
                and _person_like(doc, words, label):
            names.setdefault((words[-1],), "PERSON")  # 'Kuleba' after 'Dmytro Kuleba'
    return names


def _known_orgs_in(doc: Any) -> dict[tuple[str, ...], str | None]:
    """Token sequences of the well-known organisations of two or more words
    the text names ('The Hollywood Reporter'), so that a shorter span inside
    one ('Hollywood') gives way to the whole name."""
    found = {}
    text = doc.text
    for name in gz.known_orgs():
        if " " not in name or name not in text.lower():
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.I):
            piece = doc.char_span(m.start(), m.end())
            if piece is not None and piece[0].text[:1].isupper():
                found[tuple(t.text for t in piece)] = "ORG"
    return found


def _appositions(doc: Any, spans: list[Span]) -> dict[str, str]:
    """'Gavi, the Vaccine Alliance': an organisation and 'the' + another
    organisation name in apposition are one."""
    starts = {s.tok_start: s for s in spans}
    pairs = {}
    for span in spans:
        i = span.tok_end
        other = starts.get(i + 2) if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "the" else None
        if other is None or other.label != "ORG":
            continue
        root = doc[other.tok_start:other.tok_end].root
        ends_phrase = other.tok_end >= len(doc) or doc[other.tok_end].is_punct
        if root.dep_ == "appos" and span.tok_start <= root.head.i < span.tok_end and ends_phrase:
            pairs[canonical_key(other.text)] = canonical_key(span.text)
    return pairs


def _former_names(doc: Any, spans: list[Span]) -> dict[str, str]:
    """'Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre)': a name
    and its former name in brackets are one row."""
    ends = {s.end: s for s in spans}
    pairs = {}
    for span in spans:
        before = re.search(r"\((?:formerly|previously)(?: known as| called)? $", doc.text[max(0, span.start - 30):span.start], re.I)
        if not before or not doc.text[span.end:span.end + 1] == ")":
            continue
        at = span.start - len(before.group(0))
        current = ends.get(at - 1) if doc.text[at - 1:at] == " " else None
        if current is not None and current.label == span.label:
            pairs[canonical_key(span.text)] = canonical_key(current.text)
    return pairs


def _person_like(doc: Any, words: tuple[str, ...], label: str | None) -> bool:
    """Whether a name may be a person's, so its last word is a surname."""
    text, last = " ".join(words), words[-1].lower()
    if gz.place_kind(text) or text.lower() in gz.known_orgs() or last in gz.ORG_HEADS \
            or last in gz.PLACE_HEADS or (gz.place_kind(words[0]) not in (None, "city")
                                          and words[0] not in gz.given_names()):
        return False
    return label == "PERSON" or words[0] in gz.given_names()


def _qualified(doc: Any, spans: list[Span]) -> dict[str, str]:
    """Multi-word names that are a shorter name qualified by a nationality
    or a place ('Nigerian Senate', 'U.S. Senate'): their key -> the
    shorter name's key."""
    pairs = {}
    for span in spans:
        words = span.text.split(" ", 1)
        if len(words) < 2:
            continue
        first = doc[span.tok_start]
        alias = gz.aliases().get(words[0].lower())
        if first.text[:1].isupper() and (first.ent_type_ == "NORP" or first.tag_ == "JJ" or gz.is_demonym(words[0])
                                         or gz.place_kind(words[0]) or (alias and alias[1] == "PLACE")):
            pairs[canonical_key(span.text)] = canonical_key(words[1])
    return pairs


def _headline_blocks(layout: Layout) -> set[int]:
    """Blocks written like headlines (most words capitalised, no sentence
    end): lists of other stories, menus. Names found only there are page
    furniture, not the article's."""
    found = set()
    for index, start in enumerate(layout.starts):
        text = layout.text[start:start + layout.lengths[index]]
        words = re.findall(r"[^\W\d_][\w'’-]*", text)
        if len(words) < 3 or text.rstrip().endswith((".", "!", "?", '"', "”", ":")) or _name_list(text):
            continue
        small = [w for w in words if w.lower() not in gz.CONNECTORS and w.lower() not in ("a", "an", "to", "is", "with", "as", "by")]
        if small and sum(w[0].isupper() for w in small) / len(small) >= 0.75:
            found.add(index)
    return found


def _name_list(text: str) -> bool:
    """A line of the article's own lists or tables, not a headline: names
    separated by commas or slashes ('Path C: Scotland, Norway, Serbia'), or
    a name with a bracketed note ('Poland (Group G): Fourth appearance'), a
    schedule line ('June 9 – Tampa, FL @ ...')."""
    return (text.count(",") + text.count("/") >= 2 or bool(re.match(r"[A-Z][\w .'’-]{1,40} \([^)]{1,30}\):", text))
            or bool(SCHEDULE_LINE.match(text)))



def _keep(group: Group) -> bool:
    if all(span.headline for span in group.spans):
        return False
    if all(span.thing_label or span.in_title for span in group.spans) and not _known(group):
        return False  # a product, an award, a song: 'our Blue Moon lander', '“Takin’ It to the Streets”'
    return not all(form.lower() in gz.CHROME for form in group.forms)


# Product/work evidence: words that end a product's name ('Chromecast Ultra',
# 'Founder's Edition'), nouns a product's name modifies ('the Founder's
# Edition bundle'), verbs that take a product ('buy Gylt'), a product's
# attributes ('X's price') and game/device nouns in the sentence.
_PRODUCT_WORDS = frozenset("edition ultra pro max plus mini lite xl deluxe premium".split())
_PRODUCT_NOUNS = frozenset("""bundle console controller device phone smartphone handset app headset
subscription platform tablet laptop notebook chip processor gadget dongle""".split())
# Not film/song/album/game/player/model: 'the Spielberg film', 'the Brady game' name people.
_PRODUCT_VERBS = frozenset("buy download install preorder pre-order purchase".split())  # not 'play Nadal'
_PRODUCT_ATTRS = frozenset("price pricing specs specifications battery gameplay graphics firmware".split())
# Not features/lyrics/screen/sales: 'Lincoln's features', 'Dylan's lyrics', 'Streep's screen presence'.
# Games and devices only: 'label Big Machine's Borchetta ... albums' names a person.
_WORK_NOUNS = frozenset("game games title titles device devices console consoles app apps gadget gadgets".split())
_MAKER_NOUNS = frozenset("developer studio publisher maker startup start-up company firm".split())
_DETERMINERS = frozenset("the a an its our their your my this that".split())


def _product_row(doc: Any, group: Group) -> bool:
    """A product, game or album the parser took for a name ('Chromecast
    Ultra', 'Gylt', 'Founder's Edition', '1972's Toulouse Street'): dropped
    only when a mention stands in a product's context or the name ends in a
    product word, and nothing says it is a person (no title, no given name,
    no age, never the subject of a speech verb) or a known name. A row typed
    PERSON needs one piece of product evidence; any other row needs a
    product head ('... Edition') or a year's possessive ('1972's X')."""
    if _known(group) or _person_evidence(doc, group):
        return False
    kind = group.type()
    for span in group.spans:
        words = [t.text for t in doc[span.tok_start:span.tok_end]]
        last = words[-1].lower()
        if _year_possessive(doc, span.tok_start) or (len(words) >= 2 and last == "edition") \
                or _in_numbered_title_list(doc, span):
            return True
        if kind != "PERSON":
            continue
        if (len(words) >= 2 and last in _PRODUCT_WORDS) or any(w.isdigit() for w in words[1:]):
            return True  # 'Chromecast Ultra', 'Xbox 360'
        if _product_context(doc, span):
            return True
    return False


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The gazetteer's given names and the pronoun finder's gendered ones, joined once."""
    from .pronouns import name_genders  # the table pronouns already loads (cached there)
    return gz.given_names() | frozenset(name_genders())


def _person_evidence(doc: Any, group: Group) -> bool:
    """Anything a reader takes for a person: a title or an age (span
    evidence), a gendered title, a given name, a speech verb it is the
    subject of."""
    names = _given_names()
    for span in group.spans:
        if span.gender or span.evidence.get("PERSON", 0) > 0:
            return True
        if any(w in names for w in span.text.split()):
            return True
        for token in doc[span.tok_start:span.tok_end]:
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in SPEECH_VERBS:
                return True
    return False


_NUMBERED = re.compile(r"\S+ (?:\d[\w]*|[IVX]{2,4}|\d+[A-Z]\d+)$")  # 'Rage 2', 'Final Fantasy XV', 'NBA 2K20'
_TITLE_NOUNS = frozenset("titles games albums films movies records releases".split())


def _in_numbered_title_list(doc: Any, span: Span) -> bool:
    """'They include: Assassin's Creed Odyssey, ..., Grid 2019, Gylt, Just
    Dance 2020, Kine, Mortal Kombat 11, ...' after 'launch titles': a long
    comma list in which three or more members are titles with a number
    ('Rage 2', 'Final Fantasy XV') is a list of works, and a name inside
    one of its members is a title's. The sentence or the one before it
    must name the works ('titles', 'games', 'albums')."""
    sent = doc[span.tok_start].sent
    text = sent.text
    members = [re.sub(r"^(?:and|or)\s+", "", m.strip()).rstrip(".") for m in text.split(",")]
    if len(members) < 6 or sum(bool(_NUMBERED.search(m)) for m in members) < 3:
        return False
    before = doc[sent.start - 1].sent if sent.start > 0 else sent
    if not any(t.lower_ in _TITLE_NOUNS for t in list(before) + list(sent)):
        return False
    first = [members[0].rsplit(":", 1)[1]] if ":" in members[0] else []  # 'They include: X'
    return any(span.text in m for m in first + members[1:])


def _year_possessive(doc: Any, start: int) -> bool:
    """'1972's Toulouse Street': a work released that year."""
    return start >= 2 and doc[start - 1].text in ("'s", "’s") and bool(re.fullmatch(r"(1[89]|20)\d\d", doc[start - 2].text))


def _product_context(doc: Any, span: Span) -> bool:
    """'the Founder's Edition bundle', 'buy Gylt', 'Gylt's price',
    'indie developer Tequila Works' Gylt' (an organisation's X in a
    sentence about games or devices)."""
    i, j = span.tok_start, span.tok_end
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < len(doc) else None
    if before is not None and before.lower_ in _DETERMINERS and after is not None \
            and after.lower_ in _PRODUCT_NOUNS and after.tag_ in ("NN", "NNS"):
        return True
    if before is not None and before.lemma_.lower() in _PRODUCT_VERBS and before.pos_ == "VERB":
        return True
    if after is not None and after.text in ("'s", "’s") and j + 1 < len(doc) and doc[j + 1].lower_ in _PRODUCT_ATTRS:
        return True
    if before is not None and before.text in ("'", "’", "'s", "’s"):
        k = i - 2  # the possessor: capitalised words after a business noun ('indie developer Tequila Works'')
        while k >= 0 and i - 2 - k < 4 and doc[k].text[:1].isupper():
            k -= 1
        if k >= 0 and k < i - 2 and doc[k].lower_ in _MAKER_NOUNS:
            return any(t.lower_ in _WORK_NOUNS for t in doc[i].sent)
    return False


def _known(group: Group) -> bool:
    """A name the gazetteer, the alias table or the organisations list knows."""
    return any(gz.place_kind(f) or f.replace("’", "'").lower() in gz.known_orgs()
               or f.lower() in gz.aliases() for f in group.forms)



def _to_entity(group: Group, layout: Layout) -> Entity:
    kind = group.type()
    forms = group.forms
    mentions = sorted({m for m in (layout.locate(s.start, s.end) for s in group.spans) if m},
                      key=lambda m: (m.block, m.start))
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return Entity(_name(forms, kind), kind, ordered, mentions)


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def _name(forms: Counter, kind: str) -> str:
    """The row's canonical name: a person's fullest name; otherwise the
    alias table's name when the article uses it, else the spelled-out
    name rather than its acronym, else the most frequent form; a dateline's
    capitals ('DUBAI') only when the article has no other spelling; a
    given name spelled out over initials ('Benjamin Nzeribe', not 'B. U.
    Nzeribe')."""
    shouted = {f for f in forms if f.isupper() and any(g != f and g.upper() == f for g in forms)}
    forms = Counter({f: n for f, n in forms.items() if f not in shouted})
    if kind == "PERSON":
        return max(forms, key=lambda f: (sum(not _initial(w) for w in f.split()), len(f.split()), forms[f], len(f)))
    keys = {name_key(f): f for f in forms}
    for form in forms:
        canonical = canonical_key(form)
        if canonical in keys and canonical != name_key(form):
            return keys[canonical]
    spelled = [f for f in forms if " " in f]
    if spelled and all(f.replace(".", "").isupper() for f in forms if f not in spelled):
        return max(spelled, key=lambda f: (forms[f], len(f)))
    return max(forms, key=lambda f: (forms[f], len(f)))
