"""Ask where to write a history export; dismisses with the path, or None when cancelled."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, fmt: str) -> None:
        super().__init__()
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(f"Export history as {self.fmt.upper()}", classes="dialog-title")
            yield Static("Write to this file (it is replaced if it exists):")
            yield Input(f"~/warmnote-history.{self.fmt}", id="export-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (enter)", variant="primary", id="export-ok")
                yield Button("Cancel (esc)", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self) -> None:
        self._confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-ok":
            self._confirm()
        else:
            self.dismiss(None)

    def _confirm(self) -> None:
        value = self.query_one(Input).value.strip()
        if not value:
            self.notify("Give a file name.", severity="warning")
            return
        self.dismiss(Path(value).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
