"""Maps offsets in the joined analysis text back to (block, start, end).

Analysis runs spaCy once over all blocks joined by blank lines (sentence and
quote context crosses block boundaries); every result is converted back into
block-relative offsets here so highlights match the rendered text exactly."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..models import Block, Mention

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Layout:
    text: str
    starts: tuple[int, ...]
    lengths: tuple[int, ...]

    @classmethod
    def of(cls, blocks: list[Block]) -> "Layout":
        starts, lengths, pos = [], [], 0
        for block in blocks:
            starts.append(pos)
            lengths.append(len(block.text))
            pos += len(block.text) + len(SEPARATOR)
        text = SEPARATOR.join(b.text for b in blocks)
        return cls(text, tuple(starts), tuple(lengths))

    def locate(self, start: int, end: int) -> Mention | None:
        """The block-relative mention for a global span, or None if the span
        crosses a block boundary (it cannot be highlighted in one block)."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0:
            return None
        local_start = start - self.starts[index]
        local_end = end - self.starts[index]
        if local_end > self.lengths[index]:
            return None
        return Mention(index, local_start, local_end)

    def block_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)
