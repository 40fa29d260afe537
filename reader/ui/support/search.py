"""Find every occurrence of a query in the article's blocks, as Mentions.

Smart case, as in less -i and vim's smartcase: a query in lower case matches
any case; one capital letter makes it exact."""
from __future__ import annotations

import re
from collections.abc import Iterable

from ...core.models import Mention

MAX_MATCHES = 10_000


def find_matches(blocks: Iterable[tuple[int, str]], query: str,
                 limit: int = MAX_MATCHES) -> list[Mention]:
    """All matches of `query` in (key, text) pairs, in reading order."""
    if not query:
        return []
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    pattern = re.compile(re.escape(query), flags)
    found: list[Mention] = []
    for key, text in blocks:
        for match in pattern.finditer(text):
            found.append(Mention(key, match.start(), match.end()))
            if len(found) >= limit:
                return found
    return found


def next_index(mentions: list[Mention], position: tuple[int, int], backwards: bool = False) -> int:
    """The first mention at or after `position` (or the last before it, backwards),
    wrapping around the article like less does."""
    if not mentions:
        return -1
    keys = [(m.block, m.start) for m in mentions]
    if backwards:
        before = [i for i, key in enumerate(keys) if key < position]
        return before[-1] if before else len(keys) - 1
    after = next((i for i, key in enumerate(keys) if key >= position), None)
    return 0 if after is None else after
