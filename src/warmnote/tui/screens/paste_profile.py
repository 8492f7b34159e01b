"""Paste a LinkedIn profile, see what was found beside it, and fill the recipient fields.

Dismisses with the Profile to put into the form, or None when cancelled. The fields found are
only a proposal: the form's fields stay ordinary fields, to be checked and edited.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from warmnote.errors import WarmnoteError
from warmnote.profiles import Profile, parse_profile, recipient
from warmnote.tui.form import FIELDS, FormValues, field_text

SHOWN: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("headline", "Headline"),
    ("role", "Current role"),
    ("company", "Company"),
    ("location", "Location"),
    ("about", "About"),
    ("recent_posts", "Posts"),
    ("skills", "Skills"),
    ("schools", "Schools"),
)
"""The fields found, in the order the form shows them (the role only informs the headline)."""
PREVIEW_CHARS = 160


def profile_form_values(profile: Profile) -> FormValues:
    """The Compose form's recipient fields for ``profile``; fields it lacks are emptied, so
    nothing of an earlier recipient stays beside the new one."""
    found = recipient(profile).model_dump(mode="json")
    return {
        spec.key: field_text(spec, found.get(spec.path.removeprefix("recipient.")))
        for spec in FIELDS
        if spec.path.startswith("recipient.")
    }


class PasteProfileScreen(ModalScreen[Profile | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "accept", "Fill the form"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.profile: Profile | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="paste-dialog", classes="dialog"):
            yield Label("Paste a LinkedIn profile", classes="dialog-title")
            yield Static(
                "On their profile page: select all, copy, and paste here. "
                "Read on this computer only; nothing is sent.",
                id="paste-help",
            )
            with Horizontal(id="paste-columns"):
                yield TextArea(id="profile-text", soft_wrap=True, placeholder="paste the page here")
                with VerticalScroll(id="profile-found", can_focus=False), Grid(id="found-grid"):
                    for field, label in SHOWN:
                        yield Label(label, classes="found-label")
                        yield Static("—", id=f"found-{field}", classes="found-value -missing")
            yield Static("Nothing pasted yet.", id="profile-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    "Fill the form (ctrl+s)", variant="primary", id="profile-accept", disabled=True
                )
                yield Button("Cancel (esc)", id="profile-cancel")

    def on_mount(self) -> None:
        area = self.query_one("#profile-text", TextArea)
        area.cursor_blink = not self.app.is_headless  # steady screenshots in tests
        area.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.read(event.text_area.text)

    def read(self, text: str) -> None:
        """Parse the pasted text and show what was found, or why nothing was."""
        status = self.query_one("#profile-status", Static)
        self.profile = None
        if text.strip():
            try:
                self.profile = parse_profile(text)
            except WarmnoteError as exc:
                status.update(Content(getattr(exc, "detail", str(exc))))
        else:
            status.update(Content("Nothing pasted yet."))
        self._show_found()
        self.query_one("#profile-accept", Button).disabled = self.profile is None
        if self.profile is not None:
            count = sum(1 for field, _ in SHOWN if getattr(self.profile, field))
            status.update(Content(f"Found {count} of {len(SHOWN)} fields. Check them in the form."))

    def _show_found(self) -> None:
        for field, _ in SHOWN:
            value = getattr(self.profile, field) if self.profile is not None else None
            text = " · ".join(value) if isinstance(value, tuple) else str(value or "")
            if len(text) > PREVIEW_CHARS:
                text = f"{text[:PREVIEW_CHARS]}…"
            shown = self.query_one(f"#found-{field}", Static)
            shown.update(Content(text or "—"))
            shown.set_class(not text, "-missing")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "profile-accept":
            self.action_accept()
        else:
            self.dismiss(None)

    def action_accept(self) -> None:
        if self.profile is None:
            self.notify("Nothing to fill in yet: paste a profile first.", severity="warning")
            return
        self.dismiss(self.profile)

    def action_cancel(self) -> None:
        self.dismiss(None)
