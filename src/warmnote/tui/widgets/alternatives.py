"""One of three alternative drafts shown side by side; pick it with its number, Enter or a click."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from warmnote.text import utf16_len

if TYPE_CHECKING:
    from warmnote.results import DraftResult


class AltCard(Static, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "pick", "Use this one", show=False)
    ]

    class Picked(Message):
        def __init__(self, card: AltCard) -> None:
            super().__init__()
            self.card = card

    def __init__(self, slot: int) -> None:
        super().__init__("", id=f"alt-{slot}", classes="alt-card")
        self.slot = slot
        self.note = ""
        self.result: DraftResult | None = None

    def reset(self) -> None:
        self.note, self.result = "", None
        self.set_class(False, "-passed")
        self.set_class(False, "-failed")
        self._render_card("waiting…")

    def append(self, chunk: str, *, new_attempt: bool) -> None:
        self.note = chunk if new_attempt else self.note + chunk
        self._render_card("drafting…")

    def finish(self, result: DraftResult) -> None:
        self.result, self.note = result, result.text
        self.set_class(result.passed, "-passed")
        self.set_class(not result.passed, "-failed")
        errors = len(result.verdict.errors)
        mark = "✓ passes" if result.passed else f"✗ {errors} issue{'s' if errors != 1 else ''}"
        self._render_card(f"{mark} · {utf16_len(result.text)}/{result.verdict.limit}")

    def _render_card(self, status: str) -> None:
        self.border_title = f"{self.slot + 1}"
        self.border_subtitle = status
        self.update(Content(self.note))

    def action_pick(self) -> None:
        if self.result is not None:
            self.post_message(self.Picked(self))

    def on_click(self) -> None:
        self.action_pick()
