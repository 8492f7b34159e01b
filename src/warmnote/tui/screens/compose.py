"""Compose: the relationship context, field by field, with errors shown next to each field."""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from warmnote.autosave import load_sender, save_sender
from warmnote.context import Context, Familiarity
from warmnote.errors import WarmnoteError
from warmnote.packs import PackInfo, PromptPack, get_pack, missing_required, scan_packs
from warmnote.plain_note import SAID_LEAD, ReasonReading, reason_reading
from warmnote.profiles import Profile
from warmnote.tui.form import (
    BY_KEY,
    FAMILIARITY_LABELS,
    FIELDS,
    LIMIT_LABELS,
    SECTIONS,
    SENDER_KEYS,
    FieldSpec,
    FormValues,
    build_context,
    context_values,
    missing_errors,
    missing_in_form,
    required_keys,
)
from warmnote.tui.screens.base import SectionScreen
from warmnote.tui.screens.paste_profile import PasteProfileScreen, profile_form_values
from warmnote.tui.widgets.status_line import StatusLine

DEFAULT_SCENARIO = "event_followup"
READING_DELAY = 0.3
"""Seconds of quiet typing before the reason's reading is shown again."""
READING_MAX_CHARS = 2_000
"""The longest reason read at each pause, on the UI thread: 2,000 characters of an ordinary
reason took 15 ms on the development machine, but 5,000 of a harder text 0.2 s and 1 MiB 12 s."""


OURS_STYLE = "underline $text-warning"
"""The words warmnote wrote into what the note can say: where a misreading hides."""
OURS_KEY = "Underlined: words warmnote put in, not yours. Check they say what you meant."


def marked_reading(reading: ReasonReading) -> Content:
    """The reading's lines, with the words warmnote wrote in marked on its first, and a key."""
    lines = reading.lines()
    if not lines:
        return Content("")
    shown = Content("\n".join(lines))
    if reading.said and reading.ours:
        at = len(SAID_LEAD)
        for start, end in reading.ours:
            shown = shown.stylize(OURS_STYLE, at + start, at + end)
        shown = Content.assemble(shown, "\n", (OURS_KEY, "italic"))
    return shown


class ComposeScreen(SectionScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "draft", "Draft note", tooltip="Check the form and draft a note"),
        Binding("ctrl+n", "new_note", "New note", tooltip="Clear all but your own details"),
        Binding("ctrl+o", "paste_profile", "Paste profile", tooltip="Fill Them from a profile"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.extra: dict[str, Any] = {}
        """Context fields the form does not show (kept from a reopened history entry)."""
        self.packs: list[PackInfo] = []
        self._pack_cache: dict[str, PromptPack] = {}
        self._checked = False
        """After the first draft attempt, fields are re-checked as they change."""
        self._reading_timer: Timer | None = None

    # Layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.packs = self._load_packs()
        yield StatusLine(id="status")
        yield Static("", id="connected-warning")
        with Horizontal(id="compose-columns"):
            with VerticalScroll(id="compose-left", classes="column", can_focus=False):
                for section in SECTIONS[:2]:
                    yield from self._section(section.title, section.fields)
            with VerticalScroll(id="compose-right", classes="column", can_focus=False):
                for section in SECTIONS[2:]:
                    yield from self._section(section.title, section.fields)
                yield Static("", id="scenario-help")
                yield Static("", id="quota-line")
                yield Button("Draft note (ctrl+g)", id="draft-button", variant="primary")
        yield Footer(compact=True)

    def _section(self, title: str, fields: tuple[FieldSpec, ...]) -> ComposeResult:
        """A two-column grid (label, widget) with each field's error on a row of its own.

        Flat on purpose: three widgets a field keeps styling the form cheap at start-up.
        """
        yield Label(title, classes="section-title")
        with Grid(classes="form-grid"):
            for spec in fields:
                yield Label(spec.label, classes="field-label", id=f"{spec.key}-label")
                yield self._widget(spec)
                yield Static("", classes="field-error", id=f"{spec.key}-error")
                if spec.key == "reason":
                    yield Static("", id="reason-reading")

    def _widget(self, spec: FieldSpec) -> Widget:
        if spec.kind in ("long", "posts"):
            return TextArea(id=spec.key, soft_wrap=True, placeholder=spec.placeholder)
        if spec.key == "familiarity":
            return Select(
                [(label, str(value)) for value, label in FAMILIARITY_LABELS.items()],
                value=str(Familiarity.STRANGER),
                allow_blank=False,
                compact=True,
                id=spec.key,
            )
        if spec.key == "scenario":
            names = [info.name for info in self.packs]
            default = DEFAULT_SCENARIO if DEFAULT_SCENARIO in names else (names or [""])[0]
            return Select(
                [(name, name) for name in names],
                value=default if names else Select.BLANK,
                allow_blank=not names,
                compact=True,
                id=spec.key,
            )
        if spec.key == "limit":
            return Select(
                [(label, str(limit)) for limit, label in LIMIT_LABELS.items()],
                value=str(self.warmnote.settings.note_limit),
                allow_blank=False,
                compact=True,
                id=spec.key,
            )
        return Input(id=spec.key, placeholder=spec.placeholder, compact=True)

    def refresh_packs(self) -> None:
        """Re-read the packs (a user pack was saved): new names appear, overrides take effect."""
        self.packs = self._load_packs()
        self._pack_cache.clear()
        select: Select[str] = self.query_one("#scenario", Select)
        current = select.value
        select.set_options((info.name, info.name) for info in self.packs)
        with contextlib.suppress(InvalidSelectValueError):
            select.value = current
        self._mark_required()

    def _load_packs(self) -> list[PackInfo]:
        """The good packs; a broken user pack is reported, never a reason to show none."""
        try:
            scan = scan_packs()
        except WarmnoteError as exc:
            self.app.notify(str(exc), title="Prompt packs", severity="error", timeout=15)
            return []
        for broken in scan.broken:
            self.app.notify(broken.error, title="Pack left out", severity="error", timeout=15)
        return list(scan.packs)

    def on_mount(self) -> None:
        try:
            sender = load_sender()
        except WarmnoteError as exc:
            self.notify(str(exc), title="Your details", severity="warning")
            sender = None
        if sender is not None:
            for key, value in zip(
                SENDER_KEYS, (sender.name, sender.headline, sender.company), strict=True
            ):
                self.query_one(f"#{key}", Input).value = value or ""
        self._mark_required()
        first = "recipient-name" if sender is not None else "sender-name"
        self.query_one(f"#{first}", Input).focus()
        self.app.call_after_refresh(self.warmnote.keys_ready)  # what was typed at start-up

    # Values -------------------------------------------------------------------------------

    def values(self) -> FormValues:
        values: FormValues = {}
        for spec in FIELDS:
            widget = self.query_one(f"#{spec.key}")
            if isinstance(widget, Input):
                values[spec.key] = widget.value
            elif isinstance(widget, TextArea):
                values[spec.key] = widget.text
            elif isinstance(widget, Select):
                values[spec.key] = "" if widget.is_blank() else str(widget.value)
        return values

    def set_values(self, values: dict[str, Any], extra: dict[str, Any] | None = None) -> None:
        for key, value in values.items():
            if key not in BY_KEY:
                continue
            text = str(value)
            widget = self.query_one(f"#{key}")
            if isinstance(widget, Input):
                widget.value = text
            elif isinstance(widget, TextArea):
                widget.load_text(text)
            elif isinstance(widget, Select):
                with contextlib.suppress(InvalidSelectValueError):
                    widget.value = text
        self.extra = dict(extra or {})
        self._mark_required()

    def load_context(self, context: Context) -> None:
        values, extra = context_values(context)
        self.set_values(dict(values), extra)

    def pack(self, name: str | None = None) -> PromptPack | None:
        """The selected (or named) pack, cached; None with an inline error if it won't load."""
        name = name or self.values().get("scenario", "")
        if not name:
            return None
        if name not in self._pack_cache:
            try:
                self._pack_cache[name] = get_pack(name)
            except WarmnoteError as exc:
                self._show_errors({"scenario": str(exc)})
                return None
        return self._pack_cache[name]

    def current_context(self, *, show_errors: bool = True) -> Context | None:
        """The form as a valid Context (pack requirements included), or None."""
        values = self.values()
        context, errors = build_context(values, self.extra)
        pack = self.pack(values.get("scenario"))
        if pack is not None:
            missing = (
                missing_required(pack, context)
                if context is not None
                else missing_in_form(values, pack.requires)
            )
            errors = {**missing_errors(pack.name, missing), **errors}
        if errors:
            context = None
        if show_errors:
            self._show_errors(errors)
        return context

    # Feedback -----------------------------------------------------------------------------

    def _show_errors(self, errors: dict[str, str]) -> None:
        for spec in FIELDS:
            message = errors.get(spec.key, "")
            self.query_one(f"#{spec.key}-label").set_class(bool(message), "-invalid")
            error = self.query_one(f"#{spec.key}-error", Static)
            error.set_class(bool(message), "-invalid")
            error.update(Content(message))
        if errors.get(""):
            self.notify(errors[""], severity="error")

    def _mark_required(self) -> None:
        pack = self.pack()
        required = required_keys(pack.requires if pack else ())
        for spec in FIELDS:
            marked = spec.key in required
            label = self.query_one(f"#{spec.key}-label", Label)
            label.update(f"{spec.label} *" if marked else spec.label)
            label.set_class(marked, "-required")
        help_text = pack.description if pack else "No prompt packs found."
        self.query_one("#scenario-help", Static).update(Content(help_text))

    def invalid_keys(self) -> list[str]:
        """Fields showing an error, in form order."""
        return [
            spec.key
            for spec in FIELDS
            if self.query_one(f"#{spec.key}-label").has_class("-invalid")
        ]

    def first_invalid(self) -> Widget | None:
        keys = self.invalid_keys()
        return self.query_one(f"#{keys[0]}") if keys else None

    # Events and actions -------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _field_changed(self, event: Input.Changed | TextArea.Changed | Select.Changed) -> None:
        if isinstance(event, Select.Changed) and event.select.id == "scenario":
            self._mark_required()
        if isinstance(event, Input.Changed) and event.input.id == "recipient-name":
            self._check_connected(event.value)
        if self._checked:
            self.current_context(show_errors=True)
        if self._reading_timer is not None:
            self._reading_timer.stop()
        self._reading_timer = self.set_timer(READING_DELAY, self.show_reading)
        self.warmnote.request_autosave()
        self.warmnote.form_changed()

    def show_reading(self) -> None:
        """Under the reason, what the note can say of it and what it leaves out, so a part no
        sentence can be made of is said another way before anything is drafted. Names not typed
        yet are stood in for; a reason too long to read at each pause is not read."""
        widget = self.query_one("#reason-reading", Static)
        values = self.values()
        reason = values.get("reason") or ""
        stand_ins = {
            key: "Them" for key in ("sender-name", "recipient-name") if not values.get(key)
        }
        shown = Content("")
        if len(reason) > READING_MAX_CHARS:
            shown = Content(
                f"Your reason is {len(reason):,} characters: a note has room for a sentence or two."
            )
        elif reason.strip() and (context := build_context({**values, **stand_ins}, self.extra)[0]):
            shown = marked_reading(reason_reading(context))
        widget.display = bool(shown.plain)
        widget.update(shown)

    def on_screen_resume(self) -> None:
        """Notes may have been marked sent on the History screen meanwhile."""
        self.refresh_quota()

    def refresh_quota(self) -> None:
        """Show "3 of 5 notes this month" for an account with a monthly quota; amber once used."""
        line = self.query_one("#quota-line", Static)
        quota = self.warmnote.settings.note_quota
        try:
            sent = self.warmnote.history.notes_sent_in_month() if quota is not None else 0
        except WarmnoteError as exc:
            quota, sent = None, 0
            self.notify(f"notes this month not counted: {exc}", severity="warning")
        line.display = quota is not None
        if quota is None:
            return
        text = f"{sent} of {quota} notes this month"
        if sent >= quota:
            text += ": the quota is used up; LinkedIn may send the invitation without a note"
        line.update(Content(text))
        line.set_class(sent >= quota, "-warning")

    def _check_connected(self, name: str) -> None:
        """Warn when the recipient is already a connection, by the imported LinkedIn export."""
        warning = self.query_one("#connected-warning", Static)
        try:
            since = self.warmnote.history.connected_since(name) if name.strip() else None
        except WarmnoteError:
            since = None  # the history's own problem is reported where history is used
        warning.display = since is not None
        if since is not None:
            warning.update(Content(f"⚠ {name.strip()}: already connected since {since:%d %b %Y}"))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "draft-button":
            await self.action_draft()

    async def action_draft(self) -> None:
        self._checked = True
        context = self.current_context(show_errors=True)
        if context is None:
            self.notify("Some fields need attention (marked in red).", severity="warning")
            invalid = self.first_invalid()
            if invalid is not None:
                invalid.focus()
            return
        pack = self.pack(context.scenario)
        if pack is None:
            return
        try:
            save_sender(context.sender)
        except OSError as exc:
            self.notify(f"your details were not remembered: {exc}", severity="warning")
        await self.warmnote.start_draft(context, pack)

    def action_paste_profile(self) -> None:
        self.app.push_screen(PasteProfileScreen(), self._fill_from_profile)

    def _fill_from_profile(self, profile: Profile | None) -> None:
        if profile is not None:
            self.set_values(profile_form_values(profile), self.extra)
            self.query_one("#recipient-name", Input).focus()

    def action_new_note(self) -> None:
        keep = {key: value for key, value in self.values().items() if key in SENDER_KEYS}
        blank = {spec.key: "" for spec in FIELDS if spec.kind != "choice"}
        self.set_values({**blank, **keep}, {})
        self._checked = False
        self._show_errors({})
        self.query_one("#recipient-name", Input).focus()
