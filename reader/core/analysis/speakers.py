"""Who said it: speech cues ('said', 'told', 'according to') found in the
parse, the subject of each cue, and that subject turned into a name.

Pronouns go to the last fitting person mentioned outside quotations;
descriptions are resolved only where the text says whose they are ('the
statement' -> whoever issued a statement earlier, 'the mayor' -> the person
the text called Mayor)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..models import Entity
from . import gazetteer as gz
from .layout import Layout

# Verbs that introduce speech or writing (lemmas).
SPEECH_VERBS = frozenset("""
say tell add write state declare announce explain insist claim warn note argue describe ask
reply respond acknowledge admit recall suggest tweet post urge quip joke complain concede
conclude predict promise vow pledge repeat report reiterate stress emphasize emphasise observe
remark comment boast brag muse lament charge contend assert counter retort shout yell scream
whisper mutter testify confirm deny propose demand recommend advise caution allege read
proclaim exclaim recount tout dub label term nickname characterize characterise refer call
continue sing chant preach plead beg cry mock blast slam praise criticize criticise
wonder question answer inform assure remind reveal disclose concur agree object
accuse brand denounce condemn decry hail lambast chide scold rebuke quote thank
""".split())
# Cues that may also take plain reported speech ("X said Russia had ...").
REPORTING_VERBS = frozenset("""
say tell claim argue add insist warn announce deny suggest explain note state declare
acknowledge admit allege contend assert report confirm predict promise vow stress write tweet
complain concede maintain reply respond reiterate emphasize emphasise testify indicate
""".split())
# Nouns for what someone issued: 'the statement said' speaks for its author.
DOCUMENT_NOUNS = frozenset("""
statement report release letter memo filing complaint tweet post email brief ad advertisement
article study survey poll lawsuit suit order ruling decision document message video
communique note notice announcement transcript website site blog editorial column
""".split())
# Organisations named by a common noun ('the campaign said ... it calls').
GROUP_NOUNS = frozenset("""
campaign company committee government ministry department agency party administration council
commission court board group organization organisation union firm bank newspaper network
office team foundation institute university school police army military embassy
""".split())
# Role nouns that the text may attach to a name ('Mayor Bill de Blasio' ... 'the mayor').
ROLE_NOUNS = frozenset("""
president minister mayor governor senator congressman congresswoman representative secretary
chairman chairwoman chair spokesman spokeswoman spokesperson ambassador envoy chancellor
premier king queen prince judge attorney lawyer director chief commissioner leader candidate
nominee official prosecutor general sheriff officer executive ceo founder author
""".split())
_PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_GROUP_PRONOUNS = {"they", "it"}
_CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "oprd", "parataxis", "attr", "dep", "obj",
                 "advcl", "acomp", "conj", "appos", "npadvmod", "pcomp", "dative"}
_NAMING_PREPS = {"as", "about", "for", "to", "of"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "madam", "mrs.", "ms.", "lady", "queen", "princess"}
_MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince"}


@dataclass
class Context:
    """Per-document lookups shared by every quote: which entity a token
    belongs to, which tokens sit inside quotation marks."""

    doc: Any
    layout: Layout
    entities: list[Entity]
    quoted: list[int] = field(default_factory=list)  # token index -> segment id or -1
    entity_of: dict[int, Entity] = field(default_factory=dict)  # token index -> entity
    gender: dict[str, str] = field(default_factory=dict)  # entity name -> 'm' / 'f'
    sents: list[Any] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # (first, last token, entity)
    resolved: dict[tuple[int, str | None], str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Any, layout: Layout, entities: list[Entity],
              spans: list[tuple[int, int]]) -> "Context":
        ctx = cls(doc, layout, entities)
        ctx.quoted = _quoted_tokens(doc, spans)
        ctx.entity_of = _entity_tokens(doc, layout, entities)
        ctx.gender = _genders(doc, ctx.entity_of)
        ctx.mentions = _mention_runs(ctx.entity_of)
        ctx.sents = list(doc.sents)
        ctx.sent_starts = [s.start_char for s in ctx.sents]
        return ctx

    def sentences(self, start: int, end: int) -> list[Any]:
        """The sentences overlapping the characters [start, end)."""
        first = max(0, bisect.bisect_right(self.sent_starts, start) - 1)
        last = bisect.bisect_left(self.sent_starts, end)
        return [s for s in self.sents[first:last] if s.end_char > start]

    def sentences_before(self, offset: int, count: int) -> list[Any]:
        """Up to `count` sentences starting before `offset`, in text order."""
        last = bisect.bisect_left(self.sent_starts, offset)
        return self.sents[max(0, last - count):last]

    def mentions_in(self, first: int, end: int) -> list[tuple[int, int, Entity]]:
        """Entity mentions whose first token lies in tokens [first, end)."""
        lo = bisect.bisect_left(self.mentions, (first, -1))
        hi = bisect.bisect_left(self.mentions, (end, -1))
        return self.mentions[lo:hi]

    def in_quote(self, token: Any) -> bool:
        return self.quoted[token.i] >= 0


def _quoted_tokens(doc: Any, spans: list[tuple[int, int]]) -> list[int]:
    """Token index -> the index of the quotation (marks included) it lies in."""
    out = [-1] * len(doc)
    starts = [t.idx for t in doc]
    for k, (start, end) in enumerate(spans):
        i = bisect.bisect_left(starts, start - 1)
        while i < len(doc) and starts[i] <= end:
            out[i] = k
            i += 1
    return out


def _entity_tokens(doc: Any, layout: Layout, entities: list[Entity]) -> dict[int, Entity]:
    out: dict[int, Entity] = {}
    for entity in entities:
        for m in entity.mentions:
            start = layout.starts[m.block] + m.start
            span = doc.char_span(start, layout.starts[m.block] + m.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    out.setdefault(token.i, entity)
    return out


def _mention_runs(entity_of: dict[int, Entity]) -> list[tuple[int, int, Entity]]:
    runs: list[tuple[int, int, Entity]] = []
    for i in sorted(entity_of):
        if runs and runs[-1][1] == i - 1 and runs[-1][2] is entity_of[i]:
            runs[-1] = (runs[-1][0], i, runs[-1][2])
        else:
            runs.append((i, i, entity_of[i]))
    return runs


def _genders(doc: Any, entity_of: dict[int, Entity]) -> dict[str, str]:
    """Gender the text itself gives a person: 'Mrs. Clinton', 'Mr. Trump'."""
    out: dict[str, str] = {}
    for i, entity in entity_of.items():
        if entity.type != "PERSON" or i == 0 or entity_of.get(i - 1) is entity:
            continue
        title = doc[i - 1].lower_
        if title in _FEMALE_TITLES:
            out.setdefault(entity.name, "f")
        elif title in _MALE_TITLES:
            out.setdefault(entity.name, "m")
    return out


# ---------------------------------------------------------------- cues
def is_cue(token: Any) -> bool:
    """A speech verb, or the 'according' of 'according to'."""
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def subject_of(cue: Any, skip: Any = None) -> Any | None:
    """The token naming who speaks through `cue`; `skip(token)` rules out
    candidates (words inside quotations). With no subject of its own, a cue
    inside another speech verb's clause speaks for that verb's subject."""
    subject = _subject_of(cue, skip)
    if subject is not None:
        return subject
    for ancestor in list(cue.ancestors)[:6]:
        if is_cue(ancestor) and (skip is None or not skip(ancestor)):
            return _subject_of(ancestor, skip)
    return None


def _subject_of(cue: Any, skip: Any) -> Any | None:
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    return _verb_subject(cue, 0, skip)


_RELATIVE = {"who", "which", "that", "whom"}


def _verb_subject(verb: Any, depth: int, skip: Any = None) -> Any | None:
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN":
        return verb.head  # 'Said Ellis: ...' parsed as a name
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj") and (skip is None or not skip(child)):
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head  # 'anybody who complains'
            return child
    if verb.i == verb.sent.start or verb.i > 0 and verb.doc[verb.i - 1].is_punct:
        for child in verb.rights:  # 'Said Ellis: ...'
            if child.pos_ == "PROPN" and child.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos", "oprd"):
                return child
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if depth > 2 or verb.head.i == verb.i:
        return None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # 'Smith, who said ...' / 'a statement saying ...'
    if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "parataxis", "dep", "pcomp"):
        return _verb_subject(verb.head, depth + 1, skip)
    if verb.dep_ == "pobj" and verb.head.head.i != verb.head.i:
        return _verb_subject(verb.head.head, depth + 1, skip)
    return None


def governs(cue: Any, token: Any) -> bool:
    """True when `token` lies in what `cue` introduces (its complement,
    object, or an 'as'/'about' phrase), not in its subject or adjuncts."""
    child = token
    for _ in range(40):
        head = child.head
        if head.i == child.i:
            return False
        if head.i == cue.i:
            if child.dep_ in _CONTENT_DEPS:
                return True
            return child.dep_ == "prep" and child.lower_ in _NAMING_PREPS
        child = head
    return False


# ---------------------------------------------------------------- names
def speaker_name(ctx: Context, token: Any | None, before: int | None = None) -> str | None:
    """The name for a subject token: an entity's canonical name, a resolved
    pronoun or description, or the noun phrase itself."""
    if token is None:
        return None
    before = token.idx if before is None else before
    low = token.lower_
    if low in _PERSON_PRONOUNS:
        return last_person(ctx, before, _PERSON_PRONOUNS[low])
    if low in _GROUP_PRONOUNS:
        return last_group(ctx, before, plural=low == "they")
    if token.pos_ == "PRON" or ctx.in_quote(token):
        return None  # 'I', 'we', or a word inside the quotation itself
    entity = _entity_near(ctx, token)
    if entity is not None:
        return entity.name
    lemma = token.lemma_.lower()
    if lemma in DOCUMENT_NOUNS:
        author = document_author(ctx, token)
        if author:
            return author
    if lemma in ROLE_NOUNS and _definite(token):
        holder = role_holder(ctx, token, before)
        if holder:
            return holder
    return noun_phrase(ctx, token)


def _entity_near(ctx: Context, token: Any) -> Entity | None:
    """The entity the subject names: its head, an appositive person, or a
    name in its compound / possessive chain."""
    entity = ctx.entity_of.get(token.i)
    if entity is not None:
        return _prefer_full_person(ctx, entity)
    for child in token.children:
        if child.dep_ == "appos" and child.i in ctx.entity_of and not ctx.in_quote(child):
            found = ctx.entity_of[child.i]
            if found.type == "PERSON":
                return _prefer_full_person(ctx, found)
    if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", ""):
        return _person_by_surname(ctx, token.text)
    return None


def _prefer_full_person(ctx: Context, entity: Entity) -> Entity:
    """A one-word row that is the surname of a PERSON row means that person."""
    if " " in entity.name or entity.type == "PERSON":
        return entity
    return _person_by_surname(ctx, entity.name) or entity


def _person_by_surname(ctx: Context, word: str) -> Entity | None:
    fits = [e for e in ctx.entities if e.type == "PERSON" and e.name.split()[-1] == word]
    return fits[0] if len(fits) == 1 else None


def _definite(token: Any) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
               for c in token.children)


def noun_phrase(ctx: Context, token: Any) -> str | None:
    """The subject as written, from its first word to its head (plus 'for X'
    after a role noun), without leading articles."""
    doc = ctx.doc
    start, end = token.left_edge.i, token.i + 1
    if token.lemma_.lower() in ROLE_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with") and child.i > token.i:
                end = max(end, child.right_edge.i + 1)
    while start < end and (doc[start].dep_ in ("det", "punct", "cc", "preconj") or doc[start].is_punct
                           or doc[start].lower_ in ("a", "an", "the") or doc[start].ent_type_ in ("TIME", "DATE")):
        start += 1
    if start >= end or token.ent_type_ in ("TIME", "DATE"):
        return None
    phrase = doc[start:end].text.strip(" ,\"“”'")
    return " ".join(phrase.split()) or None


def document_author(ctx: Context, token: Any) -> str | None:
    """Who issued 'the statement': a possessor or 'from/by X' on it, else an
    earlier statement whose sentence names its author."""
    own = _author_on(ctx, token)
    if own:
        return own
    lemma = token.lemma_.lower()
    for earlier in reversed(ctx.doc[: token.i]):
        if earlier.lemma_.lower() == lemma and not ctx.in_quote(earlier):
            found = _author_on(ctx, earlier) or _author_around(ctx, earlier)
            if found:
                return found
    return None


def _author_on(ctx: Context, token: Any) -> str | None:
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return speaker_name(ctx, child)
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return speaker_name(ctx, obj)
    return None


def _author_around(ctx: Context, token: Any) -> str | None:
    """'X in a statement said' / 'X issued a statement' -> X."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("in", "through", "via"):
        head = head.head
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass"):
            return speaker_name(ctx, head)  # 'the ministry in a statement denounced'
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    subject = _verb_subject(head, 0)
    if subject is None or subject.lemma_.lower() in DOCUMENT_NOUNS:
        return None
    return speaker_name(ctx, subject)


def role_holder(ctx: Context, token: Any, before: int) -> str | None:
    """'the mayor' -> the last person the text called 'Mayor X' or 'X, the mayor'."""
    role = token.lemma_.lower()
    best: tuple[int, Entity] | None = None
    for i, entity in ctx.entity_of.items():
        if entity.type not in ("PERSON", "ORG") or ctx.doc[i].idx >= before:
            continue
        if i > 0 and ctx.entity_of.get(i - 1) is not entity and _titled(ctx.doc, i, role):
            if best is None or i > best[0]:
                best = (i, entity)
    return best[1].name if best else None


def _titled(doc: Any, i: int, role: str) -> bool:
    for j in range(i - 1, max(-1, i - 4), -1):
        word = doc[j]
        if word.lemma_.lower() == role or word.lower_ == role:
            return True
        if word.pos_ not in ("PROPN", "ADJ", "NOUN") or word.is_punct:
            return False
    token = doc[i]
    head = token.head
    return token.dep_ == "appos" and head.lemma_.lower() == role or any(
        c.dep_ == "appos" and c.lemma_.lower() == role for c in token.children)


# ---------------------------------------------------------------- pronouns
def last_person(ctx: Context, before: int, gender: str | None = None) -> str | None:
    """The person a 'he'/'she' at `before` refers to: going back sentence by
    sentence (outside quotations), the first sentence that names a fitting
    person gives its subject (else its latest person); an earlier he/she
    subject of the same gender stands for whoever it referred to. People of
    the other gender (by title or first name) never fit."""
    key = (before, gender)
    if key in ctx.resolved:
        return ctx.resolved[key]
    ctx.resolved[key] = None  # guards against cycles
    weak: str | None = None
    for distance, sent in enumerate(reversed(ctx.sentences_before(before, 6))):
        found = _candidates(ctx, sent, before, gender)
        if not found:
            continue
        role, _, name = max(found)
        if role >= 2:
            ctx.resolved[key] = name
            return name
        weak = weak or name  # only a modifier ('the Clinton campaign'): look further back
        if distance >= 2:
            break
    ctx.resolved[key] = weak
    return weak


def _candidates(ctx: Context, sent: Any, before: int, gender: str | None) -> list[tuple[int, int, str]]:
    """(role, position, name) for each fitting person in `sent` before
    `before`: role 3 for a subject, 2 for another mention, 1 for a modifier.
    A he/she/his/her of the same gender stands for whoever it refers to."""
    out: list[tuple[int, int, str]] = []
    for first, last, entity in ctx.mentions_in(sent.start, sent.end):
        token = ctx.doc[first]
        if token.idx >= before or ctx.in_quote(token):
            continue
        root = ctx.doc[first: last + 1].root
        entity = _prefer_full_person(ctx, entity)
        if entity.type != "PERSON" and not _speaking_name(ctx, root, entity):
            continue
        if _fits(ctx, entity, gender, ctx.doc[first: last + 1].text):
            out.append((_role(root), first, entity.name))
    for token in sent:
        if token.idx >= before:
            break
        if ctx.in_quote(token):
            continue
        if token.pos_ == "PROPN" and token.i not in ctx.entity_of and _speaking_name(ctx, token, None):
            out.append((3, token.i, noun_phrase(ctx, token) or token.text))  # 'McLenney said'
        pronoun = _PERSON_PRONOUNS.get(token.lower_) or ("m" if token.lower_ == "his" else None)
        if pronoun and (gender is None or pronoun == gender) and token.i != sent.start - 1:
            name = last_person(ctx, token.idx, pronoun)
            if name:
                role = 3 if token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "poss" and \
                    token.head.dep_ in ("nsubj", "nsubjpass") else 2
                out.append((role, token.i, name))
    return out


def _speaking_name(ctx: Context, token: Any, entity: Entity | None) -> bool:
    """A one-word proper name that is the subject of a speech verb is a
    speaker even when it was not typed as a person ('McLenney said')."""
    if token.dep_ not in ("nsubj", "nsubjpass") or not is_cue(token.head):
        return False
    if entity is None:
        return True
    name = entity.name
    return " " not in name and not gz.place_kind(name) and name.lower() not in gz.known_orgs()


def _role(root: Any) -> int:
    dep, head = root.dep_, root.head
    if dep in ("nsubj", "nsubjpass") or dep in ("appos", "compound", "flat") and \
            head.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "PROPN":
        return 3
    if dep == "poss" or dep == "compound" and head.pos_ == "NOUN":
        return 1
    return 2


def _fits(ctx: Context, entity: Entity, gender: str | None, mention: str = "") -> bool:
    """Whether a person can be 'he' (m) or 'she' (f): by a title the text
    gives them, else by the given name in this mention or in the row's name."""
    if gender is None:
        return True
    known = ctx.gender.get(entity.name) or name_gender(mention) or name_gender(entity.name)
    return known is None or known == gender


def name_gender(name: str) -> str | None:
    """'m' / 'f' from the first given name in a full name that says so
    ('Crooked Hillary Clinton' -> 'f'). The last word is the surname
    ('Warren', 'Douglas'), so a one-word name says nothing."""
    table = _name_genders()
    for word in name.split()[:-1][:3]:
        if word in table:
            return table[word]
    return None


@lru_cache(maxsize=1)
def _name_genders() -> dict[str, str]:
    text = resources.files(__package__).joinpath("data", "name_genders.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in pairs}


def last_group(ctx: Context, before: int, plural: bool) -> str | None:
    """'they' / 'it': the last organisation (or plural noun phrase, for
    'they') that was the subject of a sentence before `before`."""
    doc = ctx.doc
    for sent in reversed(ctx.sentences_before(before, 4)):
        for token in reversed(list(sent)):
            if token.idx >= before or ctx.in_quote(token) or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            entity = ctx.entity_of.get(token.i)
            if entity is not None and entity.type == "ORG":
                return entity.name
            if plural and token.tag_ in ("NNS", "NNPS"):
                return noun_phrase(ctx, token)
            if not plural and token.tag_ == "NN" and token.lemma_.lower() in GROUP_NOUNS | DOCUMENT_NOUNS:
                return noun_phrase(ctx, token)  # 'Donald Trump's campaign ... it'
    return None
