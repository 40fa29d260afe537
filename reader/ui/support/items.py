"""What the side panel lists, built from an Analysis: one Item per entity,
per distinct date phrase (a timeline in calendar order) and per quotation,
each carrying the mentions that Enter and n/N walk through."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ...core.models import Analysis, Mention, Quote
from .glyphs import UNICODE, Glyphs
from .when import human_value, timeline_key

SECTIONS: tuple[tuple[str, str], ...] = (
    ("PERSON", "People"),
    ("PLACE", "Places"),
    ("ORG", "Organisations"),
    ("DATE", "Dates"),
    ("QUOTE", "Quotes"),
)
SECTION_TITLES = dict(SECTIONS)


@dataclass(frozen=True)
class Item:
    """One row of the panel."""

    id: str
    section: str                 # PERSON | PLACE | ORG | DATE | QUOTE
    title: str                   # the name, the resolved date, or the speaker
    detail: str = ""             # other forms, the date's words, or the quote
    mentions: tuple[Mention, ...] = ()
    quote: Quote | None = None

    @property
    def count(self) -> int:
        return len(self.mentions)

    def copy_text(self) -> str:
        """What `y` copies: the quotation with its speaker."""
        if self.quote is None:
            return self.title
        speaker = self.quote.speaker or "unknown speaker"
        return f"\u201c{self.quote.text}\u201d \u2014 {speaker}"


@dataclass
class Index:
    """All panel items, grouped by section in display order."""

    sections: dict[str, list[Item]] = field(default_factory=dict)
    _by_id: dict[str, Item] = field(default_factory=dict, repr=False, compare=False)

    def items(self) -> list[Item]:
        return [item for section, _ in SECTIONS for item in self.sections.get(section, [])]

    def get(self, item_id: str) -> Item | None:
        if len(self._by_id) != sum(map(len, self.sections.values())):
            self._by_id = {item.id: item for item in self.items()}
        return self._by_id.get(item_id)


def build_index(analysis: Analysis) -> Index:
    """Group the analysis into panel sections, each in reading order."""
    index = Index({section: [] for section, _ in SECTIONS})
    for number, entity in enumerate(analysis.entities):
        if entity.type not in index.sections or not entity.mentions:
            continue
        mentions = tuple(sorted(entity.mentions, key=_position))
        others = [form for form in entity.forms if not _part_of(form, entity.name)]
        index.sections[entity.type].append(
            Item(f"{entity.type}:{number}", entity.type, entity.name, ", ".join(others), mentions))
    for section in ("PERSON", "PLACE", "ORG"):
        index.sections[section].sort(key=lambda item: (-item.count, _position(item.mentions[0])))
    index.sections["DATE"] = _timeline(analysis)
    index.sections["QUOTE"] = [
        Item(f"QUOTE:{number}", "QUOTE", quote.speaker or "Unknown speaker", quote.text,
             (quote.mention,), quote)
        for number, quote in enumerate(sorted(analysis.quotes, key=lambda q: _position(q.mention)))
    ]
    return index


def palette_title(item: Item, glyphs: Glyphs = UNICODE, quote_chars: int = 48) -> str:
    """How the command palette names an item: a quote by its speaker and its
    first words (one speaker may have several), a date with its words."""
    if item.quote is not None:
        text = item.detail
        if len(text) > quote_chars:
            text = text[:quote_chars].rsplit(" ", 1)[0] + glyphs.ellipsis
        return f"{item.title}: {glyphs.open_quote}{text}{glyphs.close_quote}"
    if item.section == "DATE" and item.detail.casefold() != item.title.casefold():
        return f"{item.title} ({item.detail})"
    return item.title


def _timeline(analysis: Analysis) -> list[Item]:
    """One item per (value, words) pair, in calendar order, then the rest."""
    groups: dict[tuple[str | None, str], list[Mention]] = {}
    for ref in analysis.dates:
        groups.setdefault((ref.value, ref.text.casefold()), []).append(ref.mention)
    words = {(ref.value, ref.text.casefold()): ref.text for ref in analysis.dates}
    ordered = sorted(groups, key=lambda key: (timeline_key(key[0]), min(map(_position, groups[key]))))
    return [
        Item(f"DATE:{number}", "DATE", human_value(value), words[(value, folded)],
             tuple(sorted(groups[(value, folded)], key=_position)))
        for number, (value, folded) in enumerate(ordered)
    ]


def _part_of(form: str, name: str) -> bool:
    """A form that only repeats words of the name ('Kuleba' of 'Dmytro Kuleba',
    'WASHINGTON' of 'Washington') says nothing new under it in the panel."""
    words, within = form.casefold().split(), name.casefold().split()
    return any(within[at:at + len(words)] == words for at in range(len(within) - len(words) + 1))


def _position(mention: Mention) -> tuple[int, int]:
    return (mention.block, mention.start)


def items_in_range(index: Index, top: tuple[int, int], bottom: tuple[int, int]) -> set[str]:
    """Ids of the items with a mention between two (block, offset) positions."""
    found = set()
    for item in index.items():
        starts = [_position(m) for m in item.mentions]
        at = bisect_left(starts, top)
        if at < len(starts) and starts[at] < bottom:
            found.add(item.id)
        elif at > 0 and (item.mentions[at - 1].block, item.mentions[at - 1].end) > top:
            found.add(item.id)  # a long mention (a quote) that began above the view
    return found
