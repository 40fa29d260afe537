"""Pronouns to people: 'he'/'she' go to the last fitting person mentioned
outside quotations (subjects first, earlier he/she chains followed, the
other gender ruled out by title or given name); 'it'/'they' to the last
organisation or group that was a sentence's subject."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from ..models import Entity
from . import gazetteer as gz
from .cues import is_cue
from .quote_context import DOCUMENT_NOUNS, GROUP_NOUNS, Context, noun_phrase, prefer_full_person

PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}


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
        entity = prefer_full_person(ctx, entity)
        if entity.type != "PERSON" and not _speaking_name(ctx, root, entity):
            continue
        if _fits(ctx, entity, gender, ctx.doc[first: last + 1].text):
            role = _role(root)
            if role < 4 and entity.type == "PERSON" and _introduced(ctx, first, root, entity):
                role = 3.5  # 'concerns Henry Crespo, president of the caucus. “...,” he said.'
            out.append((role, first, entity.name))
    for token in sent:
        if token.idx >= before:
            break
        if ctx.in_quote(token):
            continue
        if token.pos_ == "PROPN" and token.i not in ctx.entity_of and (
                _speaking_name(ctx, token, None) or _given_name_subject(token, gender)):
            out.append((_role(token), token.i, noun_phrase(ctx, token) or token.text))  # 'McLenney said'
        pronoun = PERSON_PRONOUNS.get(token.lower_) or ("m" if token.lower_ == "his" else None)
        if pronoun and (gender is None or pronoun == gender) and token.i != sent.start - 1:
            name = last_person(ctx, token.idx, pronoun)
            if name:
                # a he/his chain carries the topic: never below a plain mention
                role = _role(token) if token.dep_ in ("nsubj", "nsubjpass") else 3
                out.append((role, token.i, name))
    return out


def _introduced(ctx: Context, first: int, root: Any, entity: Entity) -> bool:
    """A person's first mention, presented with who they are ('Henry Crespo,
    president of ...'): the news convention for bringing in the next speaker."""
    if any(i < first and e is entity for i, e in ctx.entity_of.items()):
        return False
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in root.children)


def _given_name_subject(token: Any, gender: str | None) -> bool:
    """A given name on its own as a subject ('Melanie thought ...'), of the
    gender asked for."""
    return token.dep_ in ("nsubj", "nsubjpass") and gender is not None \
        and name_genders().get(token.text) == gender


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
    """4 for the subject of the sentence's main verb ('Trump said Putin
    has ...': Trump), 3 for another subject, 2 for another mention, 1 for a
    modifier."""
    dep, head = root.dep_, root.head
    if dep in ("appos", "compound", "flat") and head.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "PROPN":
        root, dep, head = head, head.dep_, head.head
    if dep in ("nsubj", "nsubjpass"):
        return 4 if head.dep_ == "ROOT" or head.dep_ == "conj" and head.head.dep_ == "ROOT" else 3
    if dep == "poss" or dep == "compound" and head.pos_ == "NOUN":
        return 1
    return 2


def _fits(ctx: Context, entity: Entity, gender: str | None, mention: str = "") -> bool:
    """Whether a person can be 'he' (m) or 'she' (f): by a title the text
    gives them, else by the given name in this mention or in the row's name."""
    if gender is None:
        return True
    known = ctx.gender.get(entity.name) or name_gender(mention) or name_gender(entity.name)
    if known is None and " " not in entity.name and not any(
            " " in e.name and e.name.split()[-1] == entity.name for e in ctx.entities if e.type == "PERSON"):
        # a one-word person row that is nobody's surname here is a given
        # name used alone ('Kevin was snoring'): it says the gender
        known = name_genders().get(entity.name)
    return known is None or known == gender


def name_gender(name: str) -> str | None:
    """'m' / 'f' from the first given name in a full name that says so
    ('Crooked Hillary Clinton' -> 'f'). The last word is the surname
    ('Warren', 'Douglas'), so a one-word name says nothing."""
    table = name_genders()
    for word in name.split()[:-1][:3]:
        if word in table:
            return table[word]
    return None


@lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    text = resources.files(__package__).joinpath("data", "name_genders.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in pairs}


def last_group(ctx: Context, before: int, plural: bool) -> str | None:
    """'they' / 'it': the last organisation (or plural noun phrase, for
    'they') that was the subject of a sentence before `before`."""
    for sent in reversed(ctx.sentences_before(before, 4)):
        for token in reversed(list(sent)):
            if token.idx >= before or ctx.in_quote(token) or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            entity = ctx.entity_of.get(token.i)
            if entity is not None and entity.type == "ORG":
                return entity.name
            if plural and token.tag_ in ("NNS", "NNPS"):
                return noun_phrase(ctx, token)
            if token.tag_ == "NN" and token.lemma_.lower() in (GROUP_NOUNS if plural else GROUP_NOUNS | DOCUMENT_NOUNS):
                return noun_phrase(ctx, token)  # 'Donald Trump's campaign ... it' / '... what they call'
    return None
