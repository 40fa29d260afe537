"""Entity mentions spaCy's small model misses, found with simple rules.

- an acronym the article defines and the full name before it, as one span
  ('the United Nations High Commissioner for Refugees (UNHCR)');
- capitalised names ending in an organisation or place word
  ('Premier League', 'Golan Heights') and 'the Ukrainian foreign ministry';
- names the article uses elsewhere and well-known places, wherever they
  stand alone untagged ('Donetsk and neighbouring Lugansk')."""
from __future__ import annotations

import re
from typing import Any

from . import gazetteer as gz
from .entity_spans import (ARTICLE_PREFIX, Span, drop_overlaps, is_age_after, make_span, lower_words, sentence_initial,
                           single_word_is_name)


def taken_tokens(spans: list[Span]) -> set[int]:
    return {i for s in spans for i in range(s.tok_start, s.tok_end)}


def acronym_spans(doc: Any, spans: list[Span]) -> tuple[list[Span], dict[str, str]]:
    """Spans with each 'Full Name (ACRONYM)' full name made one span, the
    acronym tagged; and the acronym -> full name text pairs."""
    found: dict[str, str] = {}
    extra: list[Span] = []
    for i, tok in enumerate(doc):
        if tok.text != "(" or i + 2 >= len(doc) or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        start = _expansion_start(doc, i, acronym)
        if start is None:
            continue
        labels = [s.label for s in spans if s.tok_start < i and s.tok_end > start and s.label]
        label = max(set(labels), key=labels.count) if labels else None
        full = make_span(doc, start, i, label)
        full.evidence["ORG"] += 0.5  # defined acronyms are mostly organisations
        extra.append(full)
        short = make_span(doc, i + 1, i + 2, label)
        extra.append(short)
        found[acronym] = full.text
    if not extra:
        return spans, found
    inside = {k for s in extra for k in range(s.tok_start, s.tok_end)}
    kept = [s for s in spans if not inside & set(range(s.tok_start, s.tok_end))]
    return drop_overlaps(kept + extra), found


def common_acronyms(doc: Any) -> set[str]:
    """Acronyms the article defines from lower-case words: 'hypersensitivity
    pneumonitis, or HP', 'gross domestic product (GDP)': terms, not names."""
    found = set()
    for tok in doc:
        text = tok.text
        if not (2 <= len(text) <= 6 and text.isupper() and text.isalpha()) or tok.i < 2:
            continue
        i = tok.i - 1
        if doc[i].text == "(":
            i -= 1
        elif doc[i].lower_ == "or" and i > 0 and doc[i - 1].text == ",":
            i -= 2
        else:
            continue
        initials = ""
        while i >= 0 and len(initials) < len(text) and doc[i].is_alpha and doc[i].text.islower():
            if doc[i].lower_ not in gz.CONNECTORS:
                initials = doc[i].text[0].upper() + initials
            i -= 1
        if initials == text:
            found.add(text)
    return found


def _expansion_start(doc: Any, paren: int, acronym: str) -> int | None:
    """Start of the capitalised words before '(' whose initials spell the
    acronym (one word may be left out: 'New York State Attorney General (NYAG)')."""
    letters = acronym.replace(".", "").replace("&", "").upper()
    if not (2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in acronym) >= 2):
        return None
    start, initials = paren, ""
    while start > 0 and paren - start < 12 and len(initials) <= len(letters):
        tok = doc[start - 1]
        if tok.text[:1].isupper() and tok.is_alpha:
            initials = tok.text[0].upper() + initials
        elif not (tok.lower_ in gz.CONNECTORS or tok.text in ("-", "'s", "’s")):
            return None
        start -= 1
        if doc[start].text[:1].isupper() and initials[:1] == letters[:1] and _spells(letters, initials):
            return start
        if start == paren - 1 and _letters_in_word(letters, doc[start].text):
            return start  # 'the Kuomintang (KMT)'
    return None


def _letters_in_word(letters: str, word: str) -> bool:
    """The acronym's letters in order inside one word, starting with its first."""
    word = word.upper()
    if len(word) < 2 * len(letters) or word[:1] != letters[:1]:
        return False
    pos = 1
    for letter in letters[1:]:
        pos = word.find(letter, pos) + 1
        if pos == 0:
            return False
    return True


def _spells(letters: str, initials: str) -> bool:
    if initials == letters:
        return True
    return len(letters) >= 3 and len(initials) == len(letters) + 1 and any(
        initials[:k] + initials[k + 1:] == letters for k in range(1, len(initials) - 1))


def head_word_spans(doc: Any, taken: set[int]) -> list[Span]:
    """Untagged runs of capitalised words that end in an organisation or
    place word ('Premier League', 'Interior Ministry', 'Red Sea')."""
    spans, i, n = [], 0, len(doc)
    while i < n:
        if i in taken or not _capitalised(doc[i]):
            i += 1
            continue
        j = i
        while j < n and j not in taken and (_capitalised(doc[j]) or (doc[j].lower_ in ("of", "for", "and", "&")
                                                                    and j + 1 < n and _capitalised(doc[j + 1]))
                                            or _common_possessive(doc, j, i) or _inner_preposition(doc, j, i, taken)):
            j += 1
        start = i + 1 if doc[i].lower_ == "the" else i
        while start < j and doc[start].is_stop:
            start += 1  # 'No Place Like Home'
        head = doc[j - 1].lower_
        if j - start >= 2 and (head in gz.ORG_HEADS or head in gz.PLACE_HEADS) and "\n" not in doc[start:j].text:
            span = make_span(doc, start, j, None)
            span.evidence["ORG" if head in gz.ORG_HEADS else "PLACE"] += 1
            spans.append(span)
        i = j
    return spans


def _inner_preposition(doc: Any, j: int, i: int, taken: set[int]) -> bool:
    """'in' / 'on' inside an organisation's name ('Refugees in Towns
    Project', 'Women in Science Foundation'): only when the capitalised run
    after it ends in an organisation word."""
    if j == i or doc[j].lower_ not in ("in", "on") or j + 1 >= len(doc) or not _capitalised(doc[j + 1]):
        return False
    k = j + 1
    while k < len(doc) and k not in taken and _capitalised(doc[k]):
        k += 1
    return doc[k - 1].lower_ in gz.ORG_HEADS and doc[k - 1].lower_ not in gz.CORP_SUFFIXES


def _common_possessive(doc: Any, j: int, i: int) -> bool:
    """The possessive inside 'Attorney's Office', 'Children's Hospital': after
    a title or a plural of people, before another capitalised word."""
    return (j > i and j + 1 < len(doc) and doc[j].text in ("'s", "’s", "'", "’") and _capitalised(doc[j + 1])
            and (doc[j - 1].lower_ in gz.PERSON_TITLES
                 or doc[j - 1].lower_ in ("people", "children", "women", "men", "workers", "veterans")))


def absorb_country_prefix(doc: Any, spans: list[Span], found: list[Span]) -> list[Span]:
    """'U.S. Attorney's Office': an organisation name found by its head word
    right after a country's name or abbreviation includes it."""
    by_end = {s.tok_end: s for s in spans if s.label == "PLACE" and s.tok_end - s.tok_start <= 2}
    out, gone = [], set()
    for span in found:
        place = by_end.get(span.tok_start)
        kind = place and (gz.place_kind(place.text) or (gz.aliases().get(place.text.lower()) or ("", ""))[1])
        if place is not None and kind in ("country", "PLACE") and doc[span.tok_end - 1].lower_ in gz.ORG_HEADS \
                and place.end < span.start and "\n" not in doc[place.tok_start:span.tok_end].text:
            joined = make_span(doc, place.tok_start, span.tok_end, None)
            joined.evidence.update(span.evidence)
            out.append(joined)
            gone.add(id(place))
        else:
            out.append(span)
    spans[:] = [s for s in spans if id(s) not in gone]
    return out


def _capitalised(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and tok.pos_ == "PROPN" or tok.text == "The"


def dateline_spans(doc: Any, taken: set[int]) -> list[Span]:
    """'WASHINGTON (AP) —', 'NEW YORK, March 13 -': the capitalised place
    that opens a news story."""
    spans = []
    for tok in doc:
        if not (tok.i == 0 or "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_):
            continue
        end = tok.i
        while end < len(doc) and end - tok.i < 4 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if tok.i < end < len(doc) and doc[end].text in ("(", "—", "–", "-", ",") \
                and not any(k in taken for k in range(tok.i, end)) and len(doc[tok.i:end].text) > 2:
            span = make_span(doc, tok.i, end, None)
            span.evidence["PLACE"] += 3
            spans.append(span)
    return spans


_HONORIFICS = {"miss", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lady", "lord"}


# Lower-case roles written straight before a person's name, with no title
# capital ('Pittsburgh center Maurkice Pouncey', 'running back Trey Edmunds').
ROLE_NOUNS = frozenset("""center centre guard tackle linebacker cornerback receiver rusher back end
quarterback pitcher catcher shortstop outfielder infielder forward winger midfielder striker defender
goalkeeper keeper fullback halfback batsman bowler rookie teammate coach manager owner skipper
safety lineman kicker punter""".split())


def aged_names(doc: Any) -> set[str]:
    """Capitalised words given an age in apposition ('Braun, 38, ...',
    'Noel, 31, is charged'): people's names."""
    return {tok.text for tok in doc if tok.text[:1].isupper() and tok.is_alpha and is_age_after(doc, tok.i + 1)}


def titled_person_spans(doc: Any, taken: set[int]) -> list[Span]:
    """Untagged people: a given name and surname ('Jayson Tatum scored'),
    after a title or not ('Police Chief Troy Finner'); any two capitalised
    words after a lower-case role ('center Maurkice Pouncey') or ending in a
    name the article gives an age ('Scooter Braun' ... 'Braun, 38')."""
    spans = []
    given = gz.given_names()
    aged = aged_names(doc)
    for tok in doc:
        i = tok.i
        if tok.text not in given and not _role_or_aged(doc, i, aged, taken):
            continue
        if tok.is_stop or tok.lower_ in _HONORIFICS or i in taken \
                or (i > 0 and doc[i - 1].text[:1].isupper()
                                                   and doc[i - 1].lower_ not in gz.PERSON_TITLES):
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and end not in taken and doc[end].text[:1].isupper() \
                and doc[end].is_alpha and doc[end].pos_ == "PROPN" and doc[end].lower_ not in gz.MONTHS \
                and not doc[end].is_stop:
            end += 1
        titled = i > 0 and doc[i - 1].lower_ in gz.PERSON_TITLES
        last = doc[end - 1].lower_
        if end > i + 1 and (end == len(doc) or not doc[end].text[:1].isupper()) \
                and last not in gz.ORG_HEADS and last not in gz.PLACE_HEADS and not gz.place_kind(doc[i:end].text):
            span = make_span(doc, i, end, None)
            span.evidence["PERSON"] += 3 if titled else 2
            spans.append(span)
    return spans


def extend_people_left(doc: Any, spans: list[Span], taken: set[int]) -> None:
    """'center Maurkice Pouncey' tagged as 'Pouncey': an untagged capitalised
    word before a one-word person, after a lower-case role or a title (or
    itself a given name), is the person's first name."""
    for span in spans:
        i = span.tok_start - 1
        if span.label != "PERSON" or span.tok_end - span.tok_start != 1 or i < 1 or i in taken:
            continue
        first, before = doc[i], doc[i - 1]
        if not (first.is_alpha and first.text[:1].isupper() and not first.text.isupper() and first.pos_ == "PROPN"
                and first.whitespace_ == " ") or gz.place_kind(first.text) or first.lower_ in gz.known_orgs() \
                or first.lower_ in gz.MONTHS or first.lower_ in gz.PERSON_TITLES:
            continue
        if first.text in gz.given_names() or (before.text.islower() and before.lower_ in ROLE_NOUNS) \
                or before.lower_ in gz.PERSON_TITLES:
            span.tok_start, span.start = i, first.idx
            span.text = doc[i:span.tok_end].text


def _role_or_aged(doc: Any, i: int, aged: set[str], taken: set[int]) -> bool:
    """Two untagged capitalised names at `i`, after a lower-case role word or
    ending in a word the article gives an age, and not a known place or
    organisation."""
    if i + 1 >= len(doc) or i + 1 in taken:
        return False
    tok, nxt = doc[i], doc[i + 1]
    if not (tok.is_alpha and nxt.is_alpha and tok.text[:1].isupper() and nxt.text[:1].isupper()
            and tok.pos_ == "PROPN" and nxt.pos_ == "PROPN") or tok.text.isupper():
        return False
    if gz.place_kind(tok.text) or tok.lower_ in gz.known_orgs() or gz.place_kind(f"{tok.text} {nxt.text}"):
        return False
    after = doc[i + 2] if i + 2 < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.is_alpha:
        return False  # a longer capitalised run: not just a name
    prev = doc[i - 1] if i > 0 else None
    role = prev is not None and prev.text.islower() and prev.lower_ in ROLE_NOUNS
    return role or (nxt.text in aged and not sentence_initial(doc, nxt))


_SPORT_WORDS = frozenset("""quarterback coach touchdown touchdowns season playoff playoffs league match
matches goal goals game games team teams halftime inning innings fixture fixtures striker midfielder
defender goalkeeper rushed rushing yards scored champions championship tournament qualifying""".split())


def is_sport(doc: Any) -> bool:
    """Whether the text reads as sport copy: several sport words and a
    score or a record ('45-17', '(6-5, 3-4)', '2-0')."""
    cached = doc.user_data.get("reader_is_sport")
    if cached is None:
        words = sum(1 for t in doc if t.lower_ in _SPORT_WORDS)
        scores = len(re.findall(r"(?<![\d/.-])\d{1,3}-\d{1,3}(?![\d/-])", doc.text))
        cached = doc.user_data["reader_is_sport"] = words >= 5 and scores >= 1
    return cached


def team_spans(doc: Any, taken: set[int]) -> list[Span]:
    """Teams in sport copy: 'the Eagles', 'the Chiefs' (a capitalised plural
    after 'the'), and a capitalised name straight before a lower-case role
    ('Huskies quarterback Marcus Childers', 'Vanderbilt athletic director')."""
    if not is_sport(doc):
        return []
    spans, lower = [], lower_words(doc)
    for tok in doc:
        i = tok.i
        if i in taken or not (tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper()) \
                or tok.lower_ in lower or tok.is_stop or gz.place_kind(tok.text) or gz.is_demonym(tok.text[:-1]) \
                or gz.is_demonym(tok.text) or tok.text in gz.given_names() or tok.lower_ in gz.MONTHS:
            continue
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        plural = tok.text.endswith("s") and not tok.text.endswith("ss") and prev is not None and prev.lower_ == "the" \
            and (nxt is None or not (nxt.text[:1].isupper() and nxt.is_alpha))
        before_role = nxt is not None and nxt.text.islower() and (nxt.lower_ in ROLE_NOUNS or (
            nxt.lower_ in ("athletic", "head", "general", "offensive", "defensive") and i + 2 < len(doc)
            and doc[i + 2].lower_ in ROLE_NOUNS | {"director", "coordinator"})) \
            and (prev is None or not (prev.text[:1].isupper() and prev.is_alpha) or sentence_initial(doc, tok))
        if (plural or before_role) and tok.pos_ in ("PROPN", "NOUN"):
            span = make_span(doc, i, i + 1, None)
            span.evidence["ORG"] += 3
            spans.append(span)
    return spans


def acronym_prefixed(doc: Any, spans: list[Span], taken: set[int]) -> list[Span]:
    """'BMJ Case Reports': an untagged capitalised acronym straight before a
    name spaCy tagged (not a person's given name) belongs to it."""
    out = []
    for span in spans:
        i = span.tok_start - 1
        prev = doc[i] if i >= 0 else None
        if prev is not None and i not in taken and 2 <= len(prev.text) <= 5 and prev.text.isupper() \
                and prev.is_alpha and prev.whitespace_ == " " and doc[span.tok_start].text not in gz.given_names() \
                and not gz.place_kind(span.text) and span.label in ("ORG", "PERSON") \
                and all(w[:1].isupper() for w in span.text.split()) and prev.text not in gz.places():
            joined = make_span(doc, i, span.tok_end, "ORG")
            joined.evidence.update(span.evidence)
            out.append(joined)
        else:
            out.append(span)
    return out


def ministry_spans(doc: Any, taken: set[int]) -> list[Span]:
    """'the Ukrainian foreign ministry': a nationality adjective, lower-case
    modifiers and 'ministry' name an organisation spaCy does not tag."""
    spans = []
    for tok in doc:
        if tok.lower_ != "ministry" or tok.text[:1].isupper() or tok.i in taken:
            continue
        i = tok.i - 1
        while i >= 0 and doc[i].text.islower() and doc[i].pos_ in ("ADJ", "NOUN", "PROPN") and i not in taken:
            i -= 1
        first = doc[i] if i >= 0 else None
        if first is not None and i < tok.i - 1 and first.ent_type_ == "NORP" and first.text[:1].isupper() \
                and not re.match(r"(?i)(pro|anti)-", first.text):
            span = make_span(doc, i, tok.i + 1, "ORG")
            span.evidence["ORG"] += 4
            spans.append(span)
    return spans


def widen_to_known(doc: Any, spans: list[Span], names: dict[tuple[str, ...], str | None]) -> list[Span]:
    """Where a longer name the article uses elsewhere covers shorter spans
    ('the New York State Attorney General' tagged as 'New York State'),
    the longer name replaces them."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted((w for w in names if len(w) >= 3 or (len(w) == 2 and names[w] == "ORG")),
                        key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    if not by_first:
        return spans
    starts = {s.tok_start: s for s in spans}
    owner = {k: s for s in spans for k in range(s.tok_start, s.tok_end)}
    result = []
    for i, tok in enumerate(doc):
        if i not in starts or tok.text not in by_first:
            continue
        for words in by_first[tok.text]:
            end = i + len(words)
            inside = {id(owner[k]) for k in range(i, end) if k in owner}
            if tuple(t.text for t in doc[i:end]) == words and (starts[i].tok_end < end) \
                    and all(owner[k].tok_end <= end for k in range(i, end) if k in owner):
                result.append((i, end, names[words], inside))
                break
    if not result:
        return spans
    gone = set().union(*(ids for *_, ids in result))
    kept = [s for s in spans if id(s) not in gone]
    return drop_overlaps(kept + [make_span(doc, a, b, label) for a, b, label, _ in result])


def find_again(doc: Any, names: dict[tuple[str, ...], str | None], taken: set[int]) -> list[Span]:
    """Untagged occurrences of known names (token sequences -> label or None)
    and of gazetteer places, where the words stand alone as a name."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    spans, i, n = [], 0, len(doc)
    while i < n:
        tok = doc[i]
        if i in taken or not (tok.text[:1].isupper() or ARTICLE_PREFIX.match(doc[i:i + 3].text)):
            i += 1
            continue
        match = _match_at(doc, i, by_first.get(tok.text, ()), taken)
        label = names.get(match) if match else None
        if match is None and tok.lower_ in gz.known_orgs() and not sentence_initial(doc, tok):
            match, label = (tok.text,), "ORG"
        if match is None:
            match = _place_at(doc, i, taken)
        if match and (_stands_alone(doc, i, i + len(match)) or _known_surname_first(doc, i, match, label)):
            span = make_span(doc, i, i + len(match), None)
            if label:
                span.evidence[label] += 0.5
            spans.append(span)
            i += len(match)
        else:
            i += 1
    return spans


def _known_surname_first(doc: Any, i: int, match: tuple[str, ...], label: str | None) -> bool:
    """'Trump said ...' at a sentence start, parsed as a common noun: the
    surname of a person the article names in full is still that person,
    unless the article also writes the word in lower case."""
    tok = doc[i]
    return (label == "PERSON" and len(match) == 1 and sentence_initial(doc, tok) and not tok.is_stop
            and tok.lower_ not in lower_words(doc) and tok.dep_ in ("nsubj", "nsubjpass", "poss")
            and _stands_alone_in_text(doc, i))


def _stands_alone_in_text(doc: Any, i: int) -> bool:
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not (nxt.text[:1].isupper() and nxt.pos_ == "PROPN") and nxt.text not in ("-", "–")


def _match_at(doc: Any, i: int, candidates: Any, taken: set[int]) -> tuple[str, ...] | None:
    for words in candidates:
        end = i + len(words)
        if end <= len(doc) and all(doc[i + k].text == w and i + k not in taken for k, w in enumerate(words)):
            return words
    return None


def _place_at(doc: Any, i: int, taken: set[int]) -> tuple[str, ...] | None:
    for size in (3, 2, 1):
        end = i + size
        if end > len(doc) or any(k in taken for k in range(i, end)):
            continue
        words = tuple(t.text for t in doc[i:end])
        if gz.place_kind(" ".join(words)) in gz.FINDABLE_PLACE_KINDS and doc[i:end].text == " ".join(words):
            return words
    return None


def _stands_alone(doc: Any, start: int, end: int) -> bool:
    """Not glued to a bigger capitalised name or a hyphenated word on either
    side, and not a sentence-initial common word."""
    n = len(doc)
    if end < n and "\n" not in doc[end - 1].whitespace_ and (
            (doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN")
            or (doc[end].text in ("-", "–") and not doc[end - 1].whitespace_)):
        return False
    if start > 0:
        prev = doc[start - 1]
        if prev.text[:1].isupper() and prev.pos_ == "PROPN" and prev.lower_ not in gz.PERSON_TITLES \
                and prev.ent_type_ != "NORP" and not sentence_initial(doc, prev):
            return False
        if prev.text in ("-", "–") and not prev.whitespace_:
            return False
    if end - start == 1:
        return single_word_is_name(doc, doc[start])
    return True


# A line of a schedule: a date, a dash and a place ('June 9 – West Palm Beach, FL @ Coral Sky
# Amphitheatre', 'Oct. 3 - Phoenix, AZ'): tour dates and fixtures.
SCHEDULE_LINE = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? )?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?"
    r" ?[–—:-] ?(?=[A-Z])", re.M)
_SCHEDULE_PARTS = re.compile(
    r"(?P<city>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),? (?P<state>[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
    r"(?: ?[@–—-] ?(?:[Tt]he )?(?P<venue>[A-Z][^\n(–—@]*?))?(?: \((?:[Ff]ormerly )?(?P<former>[A-Z][^)\n]*)\))?(?: [–—-] (?P<tail>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}))? *(?=\n|$)")


def schedule_spans(doc: Any, spans: list[Span]) -> list[Span]:
    """In a schedule line ('June 9 – West Palm Beach, FL @ Coral Sky
    Amphitheatre (Formerly Verizon Amphitheatre)'), the town, its state and
    the venue after '@' are places: they replace the spans spaCy cut or
    typed otherwise there."""
    found = []
    for line in SCHEDULE_LINE.finditer(doc.text):
        parts = _SCHEDULE_PARTS.match(doc.text, line.end())
        if not parts:
            continue
        for name in ("city", "state", "venue", "former", "tail"):
            if parts.group(name) and len(parts.group(name).strip()) > 1:
                piece = doc.char_span(parts.start(name), parts.start(name) + len(parts.group(name).strip()),
                                      alignment_mode="expand")
                if piece is not None:
                    found.append((piece.start, piece.end))
    if not found:
        return spans
    new = []
    for start, end in found:
        span = make_span(doc, start, end, "GPE")
        span.evidence["PLACE"] += 6
        new.append(span)
    cover = {i for s in new for i in range(s.tok_start, s.tok_end)}
    return [s for s in spans if not any(i in cover for i in range(s.tok_start, s.tok_end))] + new


# Lower-case nouns for a business written straight before its name ('research firm IDC').
ORG_ROLE_NOUNS = frozenset("""firm company startup start-up publisher studio maker retailer chain conglomerate
brokerage lender insurer automaker carmaker drugmaker chipmaker airline carrier label broadcaster""".split())


def org_role_spans(doc: Any, spans: list[Span]) -> list[Span]:
    """A name right after a lower-case business noun is an organisation
    ('tech market research firm IDC', 'indie developer Tequila Works'): the
    span there gets ORG evidence, or one is made when spaCy left the words
    untagged (one to four capitalised words, up to a possessive or a
    punctuation mark)."""
    starts = {s.tok_start: s for s in spans}
    taken = taken_tokens(spans)
    new = []
    for tok in doc:
        j = tok.i + 1
        studio = tok.lower_ == "developer" and tok.i > 0 and doc[tok.i - 1].lower_ in ("indie", "game", "games", "software", "app")
        if (tok.lower_ not in ORG_ROLE_NOUNS and not studio) or not tok.text.islower() or j >= len(doc) \
                or not doc[j].text[:1].isupper() or doc[j].is_stop:
            continue
        if j in starts:
            starts[j].evidence["ORG"] += 5
            continue
        end = j
        while end < len(doc) and end - j < 4 and end not in taken and doc[end].pos_ == "PROPN" \
                and doc[end].text[:1].isupper() and doc[end].text not in ("'s", "’s"):
            end += 1
        if end > j and (end == len(doc) or not doc[end].text[:1].isupper()):
            span = make_span(doc, j, end, "ORG")
            span.evidence["ORG"] += 4
            new.append(span)
    return new


def conjunct_org_spans(doc: Any, spans: list[Span]) -> list[Span]:
    """Conjuncts share a type: in a list of two or more organisations ('Uber
    or Lyft or Postmates', 'Lugg, Instacart, DoorDash, GrubHub'), a
    one-word capitalised member spaCy left untagged or called a person or a
    place is an organisation too (one organisation suffices in a list of
    three or more with no member tagged a person, product or work). Members are read from the parse's
    coordination; a given name or a gazetteer place keeps its own type."""
    by_token = {k: s for s in spans for k in range(s.tok_start, s.tok_end)}
    known = gz.known_orgs()

    def is_org(tok: Any) -> bool:
        span = by_token.get(tok.i)
        return span is not None and (span.label == "ORG" or span.text.lower() in known)

    new, seen = [], set()
    for tok in doc:
        if tok.dep_ == "conj" or not tok.conjuncts or tok.i in seen:
            continue
        members = [tok, *tok.conjuncts]
        seen.update(m.i for m in members)
        orgs = sum(is_org(m) for m in members)
        other = any(m.ent_type_ in ("PERSON", "PRODUCT", "WORK_OF_ART", "EVENT")
                    or (by_token.get(m.i) is not None and by_token[m.i].label not in (None, "ORG")) for m in members)
        if orgs < 2 and not (orgs == 1 and len(members) >= 3 and not other):
            continue  # one organisation is enough in a list of three with no person, product or work
        for m in members:
            if is_org(m) or not m.text[:1].isupper() or m.pos_ != "PROPN" or m.text in gz.given_names() \
                    or gz.place_kind(m.text) or m.is_sent_start:
                continue
            span = by_token.get(m.i)
            glued = (m.i > 0 and doc[m.i - 1].text[:1].isupper()) or (
                m.i + 1 < len(doc) and (doc[m.i + 1].text[:1].isupper() or doc[m.i + 1].like_num))
            if span is None and not glued and not any(c.dep_ == "compound" for c in m.children):
                span = make_span(doc, m.i, m.i + 1, "ORG")
                new.append(span)
            if span is not None and span.tok_end - span.tok_start == 1:
                span.evidence["ORG"] += 3
    return new
