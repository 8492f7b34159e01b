"""At start-up: offer back what was typed (or drafted) when the app last stopped."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from warmnote.terminal import printable


def restore_summary(state: dict[str, Any]) -> str:
    """What is waiting, in a sentence: whom the note is for and how much was drafted."""
    form, draft = state.get("form"), state.get("draft")
    name = str(form.get("recipient-name", "")).strip() if isinstance(form, dict) else ""
    text = str(draft.get("text", "")).strip() if isinstance(draft, dict) else ""
    who = f"a note to {name}" if name else "an unfinished note"
    drafted = f", with a {len(text)}-character draft" if text else ""
    return printable(f"Last time you were working on {who}{drafted}. Restore it?", one_line=True)


class RestoreScreen(ModalScreen[bool]):
    """Dismisses with True to restore, False to discard."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Restore"),
        Binding("n,escape", "answer(False)", "Discard"),
    ]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="restore-dialog", classes="dialog"):
            yield Label("Restore unsaved work?", classes="dialog-title")
            yield Static(self.summary, id="restore-summary")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore (y)", variant="primary", id="restore-yes")
                yield Button("Discard (n)", id="restore-no")

    def on_mount(self) -> None:
        self.query_one("#restore-yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "restore-yes")

    def action_answer(self, restore: bool) -> None:
        self.dismiss(restore)
