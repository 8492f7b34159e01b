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
from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from warmnote.autosave import Autosave
from warmnote.context import Context
from warmnote.drafter import Drafter
from warmnote.errors import ModelError, WarmnoteError
from warmnote.packs import PromptPack
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

SECTIONS: dict[str, tuple[str, str]] = {
    "compose": ("f2", "Compose"),
    "draft": ("f3", "Draft"),
    "history": ("f4", "History"),
    "packs": ("f5", "Packs"),
}


def default_drafter() -> Drafter:
    """The configured GGUF, verified and loaded (slow: run it in a worker thread)."""
    from warmnote.llama import LlamaDrafter

    settings = load_settings()
    drafter = LlamaDrafter(
        settings.resolved_model_path(), n_threads=settings.threads, n_ctx=settings.context_size
    )
    drafter.load()
    return drafter


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

    def __init__(self, drafter_factory: DrafterFactory | None = None) -> None:
        super().__init__()
        self._drafter_factory = drafter_factory or default_drafter
        self.drafter: Drafter | None = None
        self.model_state = "loading"
        self.drafter_lock = threading.Lock()
        """Held while drafting: one model, one generation at a time (a stale run finishing up
        and a new one must not share it)."""
        self._model_ready = threading.Event()
        self._model_error = ""
        self._guardrails: Guardrails | None = None
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
        if self._guardrails is None:
            from warmnote.guardrails import Guardrails

            self._guardrails = Guardrails.load()
        return self._guardrails

    @property
    def history(self) -> HistoryStore:
        if self._history is None:
            from warmnote.history import HistoryStore

            self._history = HistoryStore()
        return self._history

    def _load_model(self) -> None:
        self.run_worker(
            self._build_drafter, thread=True, group="model", name="model", exit_on_error=False
        )

    def _build_drafter(self) -> Drafter:
        return self._drafter_factory()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "model":
            return
        if event.state == WorkerState.SUCCESS:
            drafter = worker.result
            assert drafter is not None
            self.drafter = drafter
            self.model_state = "ready"
            self.model_status = f"model ready: {drafter.model_name}"
            self._model_ready.set()
        elif event.state == WorkerState.ERROR:
            assert worker.error is not None
            self._model_error = describe_error(worker.error)
            self.model_state = "error"
            self.model_status = f"model not available: {self._model_error}"
            self._model_ready.set()

    def wait_for_drafter(self, cancel: threading.Event) -> Drafter | None:
        """Block a worker thread until the model is loaded; None if cancelled while waiting."""
        while not self._model_ready.wait(0.05):
            if cancel.is_set():
                return None
        if self.drafter is None:
            raise ModelError(self._model_error or "the model is not loaded")
        return self.drafter

    # Flows that cross sections ------------------------------------------------------------

    async def start_draft(
        self, context: Context, pack: PromptPack, *, alternatives: bool = False
    ) -> None:
        await self.switch_mode("draft")
        self.draft_screen.start(context, pack, alternatives=alternatives)

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
        with contextlib.suppress(Exception):
            self.draft_screen.cancel_run()
        if self._history is not None:
            self._history.close()
            self._history = None
        super().exit(result, return_code, message)
