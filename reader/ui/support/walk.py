"""n/N: stepping through a list of mentions (search matches, or the mentions
of the panel item you chose), with the "3/7" the status line shows."""
from __future__ import annotations

from dataclasses import dataclass

from ...core.models import Mention


@dataclass
class Walk:
    """Mentions in reading order and where we are among them (-1: not started)."""

    label: str
    mentions: list[Mention]
    position: int = -1
    item_id: str | None = None   # the panel item, for an item walk

    @property
    def current(self) -> Mention | None:
        if 0 <= self.position < len(self.mentions):
            return self.mentions[self.position]
        return None

    def step(self, direction: int) -> Mention | None:
        """Move to the next (1) or previous (-1) mention, wrapping around."""
        if not self.mentions:
            return None
        if self.position < 0:
            self.position = 0 if direction > 0 else len(self.mentions) - 1
        else:
            self.position = (self.position + direction) % len(self.mentions)
        return self.current

    def go(self, position: int) -> Mention | None:
        self.position = position if self.mentions else -1
        return self.current

    @property
    def counter(self) -> str:
        """'2/3' once started, '3 matches' before."""
        total = len(self.mentions)
        if self.position < 0:
            return f"{total} match{'es' if total != 1 else ''}" if self.item_id is None else str(total)
        return f"{self.position + 1}/{total}"
