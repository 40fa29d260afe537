"""Who said it: the subject of a speech cue turned into a name: an
entity's canonical name, a resolved pronoun, or a description resolved
where the text says whose it is ('the statement' -> whoever issued a
statement earlier, 'the mayor' -> the person the text called Mayor)."""
from __future__ import annotations

from typing import Any

from ..models import Entity
from .cues import subject_of
from .pronouns import PERSON_PRONOUNS, last_group, last_person
from .quote_context import (DOCUMENT_NOUNS, ROLE_NOUNS, Context, noun_phrase, person_by_surname,
                            prefer_full_person)

_GROUP_PRONOUNS = {"they", "it"}


def speaker_name(ctx: Context, token: Any | None, before: int | None = None) -> str | None:
    """The name for a subject token: an entity's canonical name, a resolved
    pronoun or description, or the noun phrase itself."""
    if token is None:
        return None
    before = token.idx if before is None else before
    low = token.lower_
    if low in PERSON_PRONOUNS or low == "his":  # 'his claim that ...'
        return last_person(ctx, before, PERSON_PRONOUNS.get(low, "m"))
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
    if lemma in _COMPANY_NOUNS and _definite(token):
        named = company_named(ctx, token, before)
        if named:
            return named
    return noun_phrase(ctx, token)


# Common nouns for a business that the text names elsewhere ('the company',
# 'the label', 'the production company').
_COMPANY_NOUNS = frozenset("company firm label studio publisher carrier airline retailer network".split())


def company_named(ctx: Context, token: Any, before: int) -> str | None:
    """'the production company said' -> the organisation named last before it
    (within a few sentences) outside quotations, one whose name shares a word
    with the description first ('Dick Clark Productions')."""
    words = {w.lemma_.lower() for w in token.subtree if w.i <= token.i and w.pos_ in ("NOUN", "PROPN", "ADJ")}
    first = ctx.sentences_before(before, 4)
    start = first[0].start if first else 0
    latest: tuple[int, str] | None = None
    for i in range(token.i - 1, start - 1, -1):
        entity = ctx.entity_of.get(i)
        if entity is None or entity.type != "ORG" or ctx.in_quote(ctx.doc[i]):
            continue
        stems = {w.lower().rstrip("s") for w in entity.name.split()}
        if any(w.rstrip("s") in stems for w in words):
            return entity.name
        latest = latest or (i, entity.name)
    return latest[1] if latest else None


def _entity_near(ctx: Context, token: Any) -> Entity | None:
    """The entity the subject names: its head, an appositive person, or a
    name in its compound / possessive chain."""
    entity = ctx.entity_of.get(token.i)
    if entity is not None:
        return prefer_full_person(ctx, entity)
    for child in token.children:
        if child.dep_ == "appos" and child.i in ctx.entity_of and not ctx.in_quote(child):
            found = ctx.entity_of[child.i]
            if found.type == "PERSON":
                return prefer_full_person(ctx, found)
    if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", ""):
        return person_by_surname(ctx, token.text)
    return None


def _definite(token: Any) -> bool:
    """'the mayor', 'its spokesman', 'China's ambassador'."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
               or c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children)


def document_author(ctx: Context, token: Any) -> str | None:
    """Who issued 'the statement': a possessor or 'from/by X' on it, else an
    earlier statement whose sentence names its author."""
    own = _author_on(ctx, token) or _author_around(ctx, token)
    if own:
        return own  # 'X's statement', 'a statement from X', 'X issued a statement saying'
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
        if head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB":
            head = head.head  # 'denied the allegations in a statement', the 'in' hung on the object
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(head)
    if subject is None or subject.lemma_.lower() in DOCUMENT_NOUNS:
        return None
    return speaker_name(ctx, subject)


def role_holder(ctx: Context, token: Any, before: int) -> str | None:
    """'the mayor' -> the last person the text called 'Mayor X' or 'X, the mayor'."""
    role = token.lemma_.lower()
    # 'the Republican nominee' is not 'Democratic vice presidential nominee Tim Kaine'
    marks = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")}
    best: tuple[int, Entity] | None = None
    later: tuple[int, Entity] | None = None  # a lede names the role before the person
    for i, entity in ctx.entity_of.items():
        if entity.type not in ("PERSON", "ORG"):
            continue
        if marks and not marks & {t.lower_ for t in ctx.doc[max(0, i - 6):i]}:
            continue
        if i > 0 and ctx.entity_of.get(i - 1) is not entity and _titled(ctx.doc, i, role):
            if ctx.doc[i].idx < before and (best is None or i > best[0]):
                best = (i, entity)
            elif ctx.doc[i].idx >= before and (later is None or i < later[0]):
                later = (i, entity)
    found = best or later
    return found[1].name if found else None


def _titled(doc: Any, i: int, role: str) -> bool:
    for j in range(i - 1, max(-1, i - 6), -1):  # 'Mayor X', 'ambassador to Britain X'
        word = doc[j]
        if word.lemma_.lower() == role or word.lower_ == role:
            return True
        if (word.pos_ not in ("PROPN", "ADJ", "NOUN") and word.lower_ not in ("to", "of", "for")) or word.is_punct:
            return False
    token = doc[i]
    head = token.head
    return token.dep_ == "appos" and head.lemma_.lower() == role or any(
        c.dep_ == "appos" and c.lemma_.lower() == role for c in token.children)
