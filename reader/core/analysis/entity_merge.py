"""Grouping entity mentions into rows and deciding each row's type.

Mentions with the same normalised name form a group (case, 'the', dots in
acronyms, corporate suffixes and known aliases do not matter). Groups then
merge when the article makes them one thing: an acronym and the name it
abbreviates, 'Senate' and 'Nigerian Senate', 'Boeing' and 'Boeing Co.', a
surname and the nearest full name that ends with it. A row's type is a vote
over its mentions' spaCy labels plus evidence from titles, head words,
context and the gazetteer."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import gazetteer as gz
from .entity_spans import Span

TYPES = ("PERSON", "ORG", "PLACE")


def name_key(text: str) -> str:
    """Comparison key: quotes, spacing and case folded, acronym dots dropped,
    trailing corporate designators removed."""
    text = re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()
    if re.fullmatch(r"(?:[A-Z]\.){2,}[A-Z]?\.?|[A-Z]{2,}", text):
        text = text.replace(".", "")
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower().rstrip(",") in gz.CORP_SUFFIXES:
        words.pop()
    if len(words) > 1:
        words[-1] = words[-1].rstrip(",")
    return " ".join(words).lower()


def canonical_key(text: str) -> str:
    """The key of the name after the alias table ('DPRK' -> 'north korea')."""
    key = name_key(text)
    hit = _alias_keys().get(key)
    return name_key(hit[0]) if hit else key


def _alias_keys() -> dict[str, tuple[str, str]]:
    table = getattr(_alias_keys, "table", None)
    if table is None:
        table = {name_key(alias): value for alias, value in gz.aliases().items()}
        _alias_keys.table = table
    return table


@dataclass
class Group:
    """The mentions of one row, with the type evidence gathered so far."""

    spans: list[Span] = field(default_factory=list)

    @property
    def forms(self) -> Counter:
        return Counter(s.text for s in self.spans)

    def score(self) -> Counter:
        score: Counter = Counter()
        for span in self.spans:
            if span.label:
                score[span.label] += 1
            score.update(span.evidence)
        unsure = sum(1 for s in self.spans if s.label in (None, "PERSON"))
        score.update(name_evidence(self.forms, unsure))
        return score

    def type(self) -> str:
        score = self.score()
        labels = Counter(s.label for s in self.spans if s.label)
        forms = self.forms
        if all(" " not in f and f.endswith("s") for f in forms) and any(s.after_the for s in self.spans):
            score["PERSON"] = float("-inf")  # 'the Browns', 'the Steelers': a team, not a person
        return max(TYPES, key=lambda t: (score[t], labels[t]))


def name_evidence(forms: Counter, unsure: int = 0) -> Counter:
    """Type evidence from the names themselves: the gazetteer (when the
    row's fullest name is a place; again for each of the `unsure` mentions
    spaCy called a person or did not tag: a city is rarely a person, while a
    city's name is often a team's), aliases, known organisations, head words
    ('... Ministry', '... Heights') and given names."""
    evidence: Counter = Counter()
    longest = max(forms, key=lambda f: (len(f.split()), forms[f]))
    kind = gz.place_kind(longest)
    if kind:
        evidence["PLACE"] += gz.PLACE_WEIGHT[kind] * (1 + unsure)
    for form in forms:
        alias = _alias_keys().get(name_key(form))
        if alias:
            evidence[alias[1]] = max(evidence[alias[1]], 6.0)
        if form.replace("’", "'").lower() in gz.known_orgs():
            evidence["ORG"] = max(evidence["ORG"], 6.0)
    heads = {head_word(f) for f in forms if " " in f}
    given = any(_starts_with_given_name(f) for f in forms)
    if heads & gz.ORG_HEADS or any(f.startswith("Air ") for f in forms):  # 'Air Astana'
        evidence["ORG"] += 4
    elif heads & gz.PLACE_HEADS:
        if not given:  # 'Heinz Field' and 'Fiona Hill' both: leave it to the votes
            evidence["PLACE"] += 4
    elif given:
        evidence["PERSON"] += 3
    return evidence


def head_word(name: str) -> str:
    """The head of a name: its last word, or the word before 'of'/'for'
    ('Max Planck Institute for Astrophysics' -> 'institute')."""
    words = name.lower().split()
    for i, word in enumerate(words[1:], 1):
        if word in ("of", "for"):
            return words[i - 1]
    return words[-1]


def _starts_with_given_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[0] in gz.given_names() and not gz.place_kind(" ".join(words[:2]))


def group_spans(spans: list[Span], acronyms: dict[str, str], qualified: dict[str, str]) -> list[Group]:
    """Spans -> merged groups. `acronyms` maps an acronym's key to the key of
    the name the article defines it as; `qualified` maps 'nigerian senate'
    to 'senate' (merged when the article uses both)."""
    by_key: dict[str, Group] = defaultdict(Group)
    for span in spans:
        by_key[canonical_key(span.text)].spans.append(span)
    parent = {key: key for key in by_key}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        if a in parent and b in parent and find(a) != find(b):
            parent[find(a)] = find(b)

    for short, long in acronyms.items():
        union(short, long)
    for key in by_key:
        if " " in key and key.endswith("s") and key[:-1] in by_key:
            union(key, key[:-1])  # 'Emirates Airlines' = 'Emirates Airline'

    for short, long in _initialisms(by_key):
        union(short, long)
    for key, rest in qualified.items():
        if rest in by_key and by_key[rest].type() == by_key[key].type():
            union(rest, key)
    for short, long in _org_prefixes(by_key) + _bare_heads(by_key) + _shortened_orgs(by_key) + _initialled(by_key):
        union(short, long)
    merged: dict[str, Group] = defaultdict(Group)
    for key, group in by_key.items():
        merged[find(key)].spans.extend(group.spans)
    return _merge_surnames(list(merged.values()))


def _initialisms(by_key: dict[str, Group]) -> list[tuple[str, str]]:
    """An all-capitals name whose letters are the initials of exactly one
    longer name in the article ('NYAG', 'New York Attorney General')."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        if " " in k:
            by_initials[_initials(k)].append(k)
    pairs = []
    for key, group in by_key.items():
        if " " in key or not any(s.text.replace(".", "").isupper() for s in group.spans) or len(key) < 2:
            continue
        fits = by_initials.get(key, [])
        if len(fits) == 1:
            pairs.append((key, fits[0]))
    return pairs


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.replace("-", " ").split() if w not in gz.CONNECTORS)


def _org_prefixes(by_key: dict[str, Group]) -> list[tuple[str, str]]:
    """A one-word organisation name that starts exactly one longer
    organisation name ('Goldman' -> 'Goldman Sachs') or ends one made of a
    head word and 'of' ('Oxford' -> 'University of Oxford')."""
    of_names: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        words = k.split(" ")
        if len(words) == 3 and words[0] in ("university", "college") and words[1] == "of":
            of_names[words[2]].append(k)
        if len(words) > 1:
            by_first[words[0]].append(k)
    pairs = []
    for key, group in by_key.items():
        longer = [k for k in by_key if k.startswith(key + " ") and by_key[k].type() == "ORG"
                  and all(w in _BRAND_EXTENSIONS for w in k[len(key) + 1:].split())]
        if longer and group.type() == "ORG":
            pairs.extend((key, k) for k in longer)  # 'Big Machine' = 'Big Machine Records', '... Label Group'
            continue
        if " " in key:
            continue
        if len(of_names.get(key, [])) == 1:
            pairs.append((key, of_names[key][0]))
            continue
        if not by_first.get(key) or group.type() == "PERSON" or gz.place_kind(group.spans[0].text):
            continue
        fits = {k.rstrip("s") for k in by_first[key] if by_key[k].type() == "ORG"}
        fits = [k for k in by_first[key] if k.rstrip("s") in fits]
        if len(fits) == 1 or (len(fits) == 2 and fits[0].rstrip("s") == fits[1].rstrip("s")):
            pairs.append((key, fits[0]))
    return pairs


# Words a company's short name drops ('Big Machine' for 'Big Machine Records').
_BRAND_EXTENSIONS = frozenset("""records label group holdings entertainment productions studios media
company corporation corp corp. inc inc. co co. airline airlines airways motors industries technologies
systems labs laboratories pharmaceuticals international global brands foods communications""".split())


def _bare_heads(by_key: dict[str, Group]) -> list[tuple[str, str]]:
    """'the Department' after 'the Justice Department': a capitalised head
    word alone stands for the one organisation it heads."""
    pairs = []
    for key in by_key:
        if " " in key or key not in gz.ORG_HEADS:
            continue
        fits = [k for k in by_key if " " in k and head_word(k) == key and by_key[k].type() == "ORG"]
        if len(fits) == 1:
            pairs.append((key, fits[0]))
    return pairs


def _shortened_orgs(by_key: dict[str, Group]) -> list[tuple[str, str]]:
    """An organisation named again with words left out: 'the House
    Committee' after 'the House Select Committee on Intelligence'. The short
    name keeps the long one's first word and ends in its head word; the long
    name only adds words inside and an 'on/of/for ...' complement after the
    head. Taken only when exactly one longer name fits."""
    pairs = []
    for key, group in by_key.items():
        words = key.split()
        if len(words) < 2 or words[-1] not in gz.ORG_HEADS or group.type() != "ORG":
            continue
        fits = [k for k in by_key if k != key and by_key[k].type() == "ORG" and _shortens(words, k.split())]
        if len(fits) == 1:
            pairs.append((key, fits[0]))
    return pairs


def _shortens(short: list[str], long: list[str]) -> bool:
    if len(long) <= len(short) or long[0] != short[0] or short[-1] not in long:
        return False
    head = len(long) - 1 - long[::-1].index(short[-1])
    tail = long[head + 1:]
    if tail and tail[0] not in ("on", "of", "for"):
        return False
    it = iter(long[:head + 1])
    return all(w in it for w in short)  # an ordered subsequence


def _initialled(by_key: dict[str, Group]) -> list[tuple[str, str]]:
    """A person written with initials ('B. U. Nzeribe') and the one full name
    with that surname whose given name starts with the first initial
    ('Benjamin Nzeribe')."""
    pairs = []
    for key in by_key:
        words = key.split()
        if len(words) < 2 or not all(re.fullmatch(r"[a-z]\.?", w) for w in words[:-1]) \
                or by_key[key].type() != "PERSON":
            continue
        fits = [k for k in by_key if k != key and len(k.split()) >= 2 and k.split()[-1] == words[-1]
                and k[0] == words[0][0] and not re.fullmatch(r"[a-z]\.?", k.split()[0])
                and by_key[k].type() == "PERSON"]
        if len(fits) == 1:
            pairs.append((key, fits[0]))
    return pairs


def _merge_surnames(groups: list[Group]) -> list[Group]:
    """Give each mention of a surname ('Kuleba', 'von der Leyen', 'Sisi')
    or, for spaCy persons, a first name, to the nearest full name of a person
    that ends (starts) with it."""
    ends: dict[str, list[Group]] = defaultdict(list)
    starts: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        if group.type() != "PERSON" and not _could_be_person(group):
            continue
        for form in group.forms:
            words = name_key(form).split()
            for k in range(1, len(words)):
                ends[" ".join(words[k:])].append(group)
            if len(words) >= 2:
                ends[re.sub(r"^(?:al|el|ad|as|ash|at|ar)-", "", words[-1])].append(group)
                starts[words[0]].append(group)
    kept, moved = [], {}
    for group in sorted(groups, key=lambda g: -max(len(f.split()) for f in g.forms)):
        keys = {name_key(f) for f in group.forms}
        key = next(iter(keys))
        targets = ends.get(key) or (starts.get(key) if " " not in key and (group.type() == "PERSON" or _first_name_of_one(
            group, starts.get(key))) else None) or _spelling_variant(key, ends)
        targets = [_final(t, moved) for t in targets or []]
        targets = [t for t in targets if t is not group
                   and (t.type() == "PERSON" or (group.type() == "PERSON" and _could_be_person(t)))]
        if len(keys) == 1 and key not in ends and key.endswith("s") and key[:-1] in ends:
            moved[id(group)] = None  # 'the Bidens': a family, not a row
            continue
        if len(keys) != 1 or not targets or not _may_be_person(group):
            kept.append(group)
            continue
        stay = []
        for span in sorted(group.spans, key=lambda s: s.start):
            span.evidence["PERSON"] += 1.5  # a surname: outvotes spaCy's label for it
            target = _surname_target(targets, span, group, stay)
            (target.spans if target is not None else stay).append(span)
        if stay:
            group.spans = stay
            kept.append(group)
        else:
            moved[id(group)] = targets[0] if len({id(t) for t in targets}) == 1 else None
    return [g for g in kept if id(g) not in moved]


def _surname_target(targets: list[Group], span: Span, group: Group, stay: list[Span]) -> Group | None:
    """The full name a bare surname mention joins, or None when it names
    someone else: a title of the other gender ('Mr. Obama' is not 'Michelle
    Obama'); once the surname stands for its own person, introduced before
    every full name that fits, later mentions stay with it; a full name
    named only after the mention is taken only when no mention of the
    surname rules it out."""
    def fits(target: Group, gender: str | None) -> bool:
        return gender is None or _group_gender(target) in (None, gender)
    fitting = [t for t in targets if fits(t, span.gender)]
    people = [t for t in fitting if t.type() == "PERSON"]
    fitting = people or fitting  # 'Barack Obama' over a headline run 'Gold Star Mom Corners Obama'
    before = [t for t in fitting if _first(t) < span.start]
    if stay and (not before or stay[0].start < min(_first(t) for t in before)):
        return None
    if before:
        return _nearest(before, span.start)
    fitting = [t for t in fitting if all(fits(t, s.gender) for s in group.spans)]
    return _nearest(fitting, span.start) if fitting else None


def _first_name_of_one(group: Group, targets: list[Group] | None) -> bool:
    """'Scooter' (tagged an organisation) after 'Scooter Braun': a one-word
    name nothing marks as a place or organisation that starts exactly one
    person's full name is that person called by first name."""
    people = {id(t) for t in targets or [] if t.type() == "PERSON"}
    if len(people) != 1 or any(s.label == "PLACE" for s in group.spans):
        return False
    evidence = name_evidence(group.forms)
    return evidence["ORG"] <= 0 and evidence["PLACE"] <= 0


def _first(group: Group) -> int:
    return min(s.start for s in group.spans)


def _group_gender(group: Group) -> str | None:
    from .pronouns import name_gender  # the given-name table (loaded once, cached)
    genders = {s.gender for s in group.spans if s.gender}
    if len(genders) == 1:
        return genders.pop()
    return next((g for f in group.forms if " " in f and (g := name_gender(f))), None)


def _spelling_variant(key: str, ends: dict[str, list[Group]]) -> list[Group]:
    """Surnames one letter apart ('Zelensky', 'Zelenskiy'), for long names only."""
    if len(key) < 6 or " " in key:
        return []
    for other, groups in ends.items():
        if " " not in other and abs(len(other) - len(key)) <= 1 and other[:3] == key[:3] \
                and _one_edit(key, other):
            return groups
    return []


def _one_edit(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(a)):
        if a[i] != b[i]:
            return a[i + (len(a) == len(b)):] == b[i + 1:]
    return len(b) - len(a) == 1


def _could_be_person(group: Group) -> bool:
    """A multi-word name spaCy did not call a person, that nothing marks as
    an organisation or place ('Rose-Lynn Harlan')."""
    evidence = name_evidence(group.forms)
    return (any(" " in f and len(f.split()) <= 4 for f in group.forms) and evidence["ORG"] <= 0 and evidence["PLACE"] <= 0
            and all(w[:1].isupper() for f in group.forms for w in f.split()))


def _final(group: Group, moved: dict[int, Group | None]) -> Group:
    while moved.get(id(group)) is not None:
        group = moved[id(group)]
    return group


def _may_be_person(group: Group) -> bool:
    """A one-word group may be a surname unless the gazetteer or the alias
    table says it is a place or organisation and spaCy agrees."""
    text = group.spans[0].text
    labels = Counter(s.label for s in group.spans if s.label)
    if gz.place_kind(text) in gz.FINDABLE_PLACE_KINDS and labels["PERSON"] <= labels["PLACE"]:
        return False
    if (text.lower() in gz.known_orgs() or name_key(text) in _alias_keys()) and not labels["PERSON"]:
        return False
    return True


def _nearest(targets: list[Group], offset: int) -> Group:
    """The person a bare surname at `offset` means: of those named before it,
    the one introduced first (news names its main figure first and calls
    relatives by full name: 'Joe Biden' ... 'Hunter Biden' ... 'Biden');
    else the first one named after it."""
    def distance(group: Group) -> tuple[int, int]:
        first = min(s.start for s in group.spans)
        return (0, first) if first < offset else (1, first)
    unique = list({id(t): t for t in targets}.values())
    return min(unique, key=distance)


