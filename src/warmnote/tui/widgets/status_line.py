"""One line on every screen saying whether the model is ready, and if not, why."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

STATES = ("loading", "ready", "error")


class StatusLine(Static):
    """Mirrors the app's model state; the state is also a CSS class for its colour."""

    def on_mount(self) -> None:
        self.watch(self.app, "model_status", self._show, init=True)

    def _show(self, status: str) -> None:
        state = getattr(self.app, "model_state", "loading")
        for name in STATES:
            self.set_class(name == state, f"-{name}")
        self.update(Content(status))
