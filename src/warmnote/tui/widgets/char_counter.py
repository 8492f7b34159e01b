"""The live ``n/300`` counter, coloured as the note nears and passes its limit."""

from __future__ import annotations

from textual.widgets import Static

NEAR_FRACTION = 0.9
"""From this share of the limit on, the counter warns."""


def counter_level(length: int, limit: int) -> str:
    if length > limit:
        return "over"
    if length >= limit * NEAR_FRACTION:
        return "near"
    return "ok"


class CharCounter(Static):
    """Counts in UTF-16 units, as LinkedIn's composer does; the level is a CSS class."""

    LEVELS = ("ok", "near", "over")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.length = 0
        self.limit = 0

    def set_count(self, length: int, limit: int) -> None:
        self.length, self.limit = length, limit
        level = counter_level(length, limit)
        for name in self.LEVELS:
            self.set_class(name == level, f"-{name}")
        self.update(f"{length}/{limit}")

    @property
    def level(self) -> str:
        return counter_level(self.length, self.limit)
