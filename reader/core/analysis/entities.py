"""Entities: spaCy's PERSON/GPE/LOC/FAC/ORG spans grouped into rows.

A row merges every mention of one thing: possessives and a leading 'the'
are stripped, a surname joins the full name it ends, and the row's type is
a vote over its mentions."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from ..models import Entity, Mention
from .layout import Layout

TYPE_OF_LABEL = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.I)


def find_entities(doc: Any, layout: Layout) -> list[Entity]:
    spans = [s for s in (_normalise(ent) for ent in doc.ents) if s]
    groups = _group(spans)
    entities = [_to_entity(g, layout) for g in groups]
    entities = [e for e in entities if e.mentions]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities


def _normalise(ent: Any) -> tuple[str, str, int, int] | None:
    """(name, type, start, end) with 'the' and possessive trimmed off the span."""
    kind = TYPE_OF_LABEL.get(ent.label_)
    if kind is None:
        return None
    text, start = ent.text, ent.start_char
    stripped = _LEADING_THE.sub("", text)
    start += len(text) - len(stripped)
    text = _POSSESSIVE.sub("", stripped).strip()
    if not text or not any(c.isupper() for c in text[:1]) or "\n" in text:
        return None
    return text, kind, start, start + len(text)


def _group(spans: list[tuple[str, str, int, int]]) -> list[list[tuple[str, str, int, int]]]:
    by_key: dict[str, list] = defaultdict(list)
    for span in spans:
        by_key[span[0].lower()].append(span)
    keys = sorted(by_key, key=lambda k: -len(k.split()))
    merged: dict[str, str] = {}
    for key in keys:
        target = _longer_name(key, [k for k in keys if k != key and k not in merged])
        if target and _is_personish(by_key[key]) and _is_personish(by_key[target]):
            merged[key] = target
    groups: dict[str, list] = defaultdict(list)
    for key, items in by_key.items():
        groups[merged.get(key, key)].extend(items)
    return list(groups.values())


def _longer_name(key: str, candidates: list[str]) -> str | None:
    """A multi-word name that ends with (or starts with) single-word `key`."""
    if " " in key:
        return None
    fits = [c for c in candidates if " " in c and (c.split()[-1] == key or c.split()[0] == key)]
    return fits[0] if len(fits) == 1 else None


def _is_personish(items: list) -> bool:
    return any(kind == "PERSON" for _, kind, _, _ in items) or len(items) == 1


def _to_entity(items: list, layout: Layout) -> Entity:
    votes = Counter(kind for _, kind, _, _ in items)
    names = Counter(name for name, _, _, _ in items)
    longest = max(names, key=lambda n: (len(n.split()), names[n]))
    forms = sorted(names, key=lambda n: (-len(n), n))
    mentions = sorted({m for m in (layout.locate(s, e) for _, _, s, e in items) if m},
                      key=lambda m: (m.block, m.start))
    return Entity(longest, votes.most_common(1)[0][0], forms, list(mentions))
