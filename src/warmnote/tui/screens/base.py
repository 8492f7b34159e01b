"""What every section screen shares: typed access to the app, and a steady cursor in tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input, TextArea

from warmnote.errors import WarmnoteError

if TYPE_CHECKING:
    from warmnote.tui.app import WarmnoteApp


def describe_error(error: BaseException) -> str:
    """One line for the person: our own errors already are; anything else gets its type."""
    if isinstance(error, WarmnoteError):
        return str(error)
    return f"{type(error).__name__}: {error}"


class SectionScreen(Screen[None]):
    @property
    def warmnote(self) -> WarmnoteApp:
        return cast("WarmnoteApp", self.app)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Plain text by default: messages quote what people typed, brackets and all."""
        self.app.notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        """A blinking cursor would make screenshots differ run to run; headless means a test."""
        if self.app.is_headless:
            for widget in self.query(Input):
                widget.cursor_blink = False
            for area in self.query(TextArea):
                area.cursor_blink = False
