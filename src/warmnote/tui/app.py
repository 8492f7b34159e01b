"""The warmnote terminal app: four sections (modes), a model loaded in the background, autosave."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import RenderableType
from textual import events, work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from warmnote.autosave import Autosave
from warmnote.backend import apply_backend_flags
from warmnote.context import Context
from warmnote.drafter import Drafter
from warmnote.errors import WarmnoteError
from warmnote.packs import PromptPack
from warmnote.session import DraftingSession
from warmnote.settings import Settings, load_settings
from warmnote.terminal import without_controls
from warmnote.tui.form import has_work
from warmnote.tui.keys import InOrderKeys
from warmnote.tui.screens.base import describe_error
from warmnote.tui.screens.compose import ComposeScreen
from warmnote.tui.screens.draft import DraftScreen
from warmnote.tui.screens.history import HistoryScreen
from warmnote.tui.screens.packs import PacksScreen
from warmnote.tui.screens.restore import RestoreScreen, restore_summary

if TYPE_CHECKING:
    from warmnote.guardrails import Guardrails
    from warmnote.history import HistoryEntry, HistoryStore

DrafterFactory = Callable[[], Drafter]

AUTOSAVE_DELAY = 0.4
"""Seconds of quiet typing before the form and draft are written to disk."""
PREPARE_DELAY = 0.5
"""Seconds of quiet typing before the form's prompt is processed, so the model only decodes."""

SECTIONS: dict[str, tuple[str, str]] = {
    "compose": ("f2", "Compose"),
    "draft": ("f3", "Draft"),
    "history": ("f4", "History"),
    "packs": ("f5", "Packs"),
}


class WarmnoteApp(InOrderKeys[None]):
    """Draft LinkedIn connection notes with a local model, judged by the guardrails."""

    TITLE = "warmnote"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    """Absolute, so subclasses defined elsewhere (tests, scripts) find it too."""
    SCREENS: ClassVar[dict[str, Callable[[], Screen[Any]]]] = {
        "compose": ComposeScreen,
        "draft": DraftScreen,
        "history": HistoryScreen,
        "packs": PacksScreen,
    }
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {name: name for name in SECTIONS}
    DEFAULT_MODE: ClassVar[str] = "compose"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"section('{name}')", title, priority=True)
        for name, (key, title) in SECTIONS.items()
    ]

    model_status: reactive[str] = reactive("loading the model…")

    class PromptPrepared(Message):
        """The form's prompt is processed: ctrl+g now only has to write the note."""

        def __init__(self, cancel: threading.Event) -> None:
            super().__init__()
            self.cancel = cancel

    def __init__(
        self,
        drafter_factory: DrafterFactory | None = None,
        *,
        backend_flags: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.model_state = "loading"
        """What the status line shows: loading, ready or error. The model is the session's."""
        self._history: HistoryStore | None = None
        self.autosave = Autosave()
        self._autosave_enabled = False
        self._autosave_timer: Timer | None = None
        self.settings = Settings()
        self._startup_problems: list[str] = []
        try:
            self.settings = load_settings()
        except WarmnoteError as exc:
            self._startup_problems.append(f"settings ignored: {exc}")
        try:
            self.settings = apply_backend_flags(self.settings, backend_flags or {})
        except WarmnoteError as exc:
            self._startup_problems.append(f"backend flags ignored: {exc}")
        self.session = DraftingSession(self.settings, make_drafter=drafter_factory)
        self._prepare_timer: Timer | None = None
        self._ready_status = ""
        self._prepare_cancel = threading.Event()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """As App.notify, but plain text by default: messages quote what people typed."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # Sections -----------------------------------------------------------------------------

    @property
    def compose_screen(self) -> ComposeScreen:
        return self.get_screen("compose", ComposeScreen)

    @property
    def draft_screen(self) -> DraftScreen:
        return self.get_screen("draft", DraftScreen)

    @property
    def history_screen(self) -> HistoryScreen:
        return self.get_screen("history", HistoryScreen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sections stay put while a dialog waits for an answer."""
        return not (action == "section" and isinstance(self.screen, ModalScreen))

    async def action_section(self, name: str) -> None:
        await self.switch_mode(name)
        if name == "compose":
            self.form_changed()  # a pack saved meanwhile is warmed again

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every section and every action of the current screen, beside Textual's own."""
        yield from super().get_system_commands(screen)
        for name, (key, title) in SECTIONS.items():
            yield SystemCommand(f"Go to {title}", f"{key.upper()}", partial(self.switch_mode, name))
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.show and binding.description:
                key = binding.key.split(",")[0]
                yield SystemCommand(
                    binding.description,
                    f"{key} · {binding.tooltip}" if binding.tooltip else key,
                    partial(screen.run_action, binding.action),
                )

    # Start-up: model, guardrails, restore -------------------------------------------------

    def on_mount(self) -> None:
        self.call_after_refresh(self._load_model)  # first paint, then the slow part
        self._listen_for_hangup()
        for problem in self._startup_problems:
            self.notify(problem, severity="warning")
        self._offer_restore()
        self.call_after_refresh(self._load_guardrails)

    def _load_guardrails(self) -> None:
        """After the first paint: the form is usable at once, and a bad rule file is reported
        before the first draft."""
        try:
            self.guardrails  # noqa: B018 - loads and caches them
        except WarmnoteError as exc:
            self.notify(str(exc), title="Guardrails", severity="error", timeout=15)

    @property
    def guardrails(self) -> Guardrails:
        """The session's: the rules that judge drafts are the ones the Draft screen shows."""
        return self.session.guardrails

    @property
    def history(self) -> HistoryStore:
        if self._history is None:
            from warmnote.history import HistoryStore

            self._history = HistoryStore()
        return self._history

    def _load_model(self) -> None:
        self.run_worker(
            self.session.load, thread=True, group="model", name="model", exit_on_error=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "model":
            return
        if event.state == WorkerState.SUCCESS:
            drafter = worker.result
            assert drafter is not None
            self.model_state = "ready"
            self._ready_status = self.model_status = f"model ready: {drafter.model_name}"
            self.prepare_prompt()
        elif event.state == WorkerState.ERROR:
            assert worker.error is not None
            self.model_state = "error"
            self.model_status = f"model not available: {describe_error(worker.error)}"

    # Preparing the prompt while the person types -----------------------------------------

    def form_changed(self) -> None:
        """Debounced: once typing pauses, process the prompt the form would draft with."""
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self.set_timer(PREPARE_DELAY, self.prepare_prompt)

    def prepare_prompt(self) -> None:
        """Warm the selected pack and process the prompt of the form as it stands.

        Runs in a thread that checks for cancelling between small batches; a newer form, a
        draft and leaving the app all cancel it, and keys are never held up by it.
        """
        if self.current_mode != "compose":
            return  # a late form change leaves the Draft screen's own prompt alone
        self.cancel_prepare()
        if self.model_state != "ready" or not self.is_running:
            return
        compose = self.compose_screen
        if not compose.is_mounted:
            return
        pack = compose.pack()
        if pack is None:
            return
        self.prepare_draft(compose.current_context(show_errors=False), pack)

    def prepare_draft(self, context: Context | None, pack: PromptPack) -> None:
        """Warm ``pack`` and process the prompt for ``context`` in the background: the form's,
        or the one a plain note on the Draft screen came from, so ctrl+r only decodes."""
        self.cancel_prepare()
        if self.model_state != "ready" or not self.is_running:
            return
        self._prepare_cancel = threading.Event()
        self._prepare(pack, context, self._prepare_cancel)

    def cancel_prepare(self) -> None:
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_cancel.set()
        if self.model_state == "ready":
            self.model_status = self._ready_status

    @work(thread=True, exclusive=True, exit_on_error=False, group="prepare")
    def _prepare(self, pack: PromptPack, context: Context | None, cancel: threading.Event) -> None:
        worker = get_current_worker()
        if cancel.is_set() or worker.is_cancelled:
            return
        if not self.session.warm([pack], cancel=cancel):
            return
        if context is not None and self.session.prefill(context, pack, cancel):
            self.post_message(self.PromptPrepared(cancel))

    def on_warmnote_app_prompt_prepared(self, message: PromptPrepared) -> None:
        if message.cancel is self._prepare_cancel and not message.cancel.is_set():
            self.model_status = f"{self._ready_status} · prompt prepared"

    # Flows that cross sections ------------------------------------------------------------

    async def start_draft(
        self,
        context: Context,
        pack: PromptPack,
        *,
        alternatives: bool = False,
        plain_first: bool | None = None,
    ) -> None:
        """Draft in the Draft section; ``plain_first`` None follows the ``first_draft`` setting."""
        await self.switch_mode("draft")
        if plain_first is None:
            plain_first = self.settings.first_draft == "plain"
        self.draft_screen.start(context, pack, alternatives=alternatives, plain_first=plain_first)

    async def reopen(self, entry: HistoryEntry) -> None:
        """Put a saved draft's context back in Compose (and its note in Draft) to work on."""
        self.compose_screen.load_context(entry.context)
        self.draft_screen.show_note(entry.text, entry.context, provenance=entry.provenance)
        await self.switch_mode("compose")
        self.notify(f"Reopened #{entry.id}: note to {entry.context.recipient.name}")

    # Autosave -----------------------------------------------------------------------------

    def request_autosave(self) -> None:
        """Debounced: save once typing pauses, so every keystroke is not a disk write."""
        if not self._autosave_enabled:
            return
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self.flush_autosave)

    def autosave_state(self) -> dict[str, Any]:
        compose = self.compose_screen
        return {
            "version": 1,
            "mode": self.current_mode,
            "form": compose.values(),
            "extra": compose.extra,
            "draft": self.draft_screen.autosave_state(),
        }

    def flush_autosave(self) -> None:
        if not self._autosave_enabled or not self.is_running:
            return
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        state = self.autosave_state()
        try:
            if has_work(state["form"]) or state["draft"]["text"].strip():
                self.autosave.save(state)
            else:
                self.autosave.clear()
        except (OSError, WarmnoteError) as exc:
            self.notify(f"autosave failed: {exc}", severity="error")

    def _offer_restore(self) -> None:
        try:
            state = self.autosave.load()
        except WarmnoteError as exc:
            self.notify(f"autosave not read: {exc}", severity="warning")
            state = None
        if not state:
            self._autosave_enabled = True
            return
        self.push_screen(RestoreScreen(restore_summary(state)), partial(self._restore, state))
        self.keys_ready()  # before the question is drawn: what is typed after it answers it

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # Pasted profiles can carry escape sequences and bidi controls: in a field they
            # would be drawn raw, so the terminal would run them.
            event.text = without_controls(event.text)
        await super().on_event(event)

    def typeahead_unwelcome(self) -> bool:
        """Keys typed while the app started were meant for the form, not for the restore
        question that appeared meanwhile: they go to the form once it is answered."""
        return isinstance(self.screen, RestoreScreen)

    async def _restore(self, state: dict[str, Any], accepted: bool | None) -> None:
        if accepted:
            form = state.get("form")
            if isinstance(form, dict):
                extra = state.get("extra")
                self.compose_screen.set_values(form, extra if isinstance(extra, dict) else {})
            draft = state.get("draft")
            if isinstance(draft, dict):
                self.draft_screen.restore(draft)
            mode = state.get("mode")
            if mode in SECTIONS:
                await self.switch_mode(str(mode))
            self.notify("Restored what you were working on")
        else:
            self.autosave.clear()
        self._autosave_enabled = True
        self.replay_early_keys()

    # Shutdown -----------------------------------------------------------------------------

    def _listen_for_hangup(self) -> None:
        """Closing the terminal (SIGHUP) or a plain kill (SIGTERM) still saves what was typed."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, AttributeError, RuntimeError):
                loop.add_signal_handler(sig, self._hang_up)

    def _hang_up(self) -> None:
        self.flush_autosave()
        self.exit()

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.flush_autosave()
        self.cancel_prepare()
        with contextlib.suppress(Exception):
            self.draft_screen.cancel_run()
        self.session.close()
        if self._history is not None:
            self._history.close()
            self._history = None
        super().exit(result, return_code, message)
