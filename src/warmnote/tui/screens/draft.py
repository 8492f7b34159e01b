"""Draft: the note streams in, the guardrails judge it, and the person edits, copies or saves it.

Generation runs in a thread worker that only posts messages (never touches a widget); each run
has an id, so chunks from a run that was cancelled or replaced are dropped on arrival.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Label, OptionList, Static, TextArea
from textual.worker import Worker, WorkerState, get_current_worker

from warmnote.context import DEFAULT_LIMIT, Context
from warmnote.errors import WarmnoteError
from warmnote.packs import FAMILIARITY_TEXT, PromptPack, get_pack
from warmnote.pipeline import plain_first
from warmnote.plain_note import still_left_out
from warmnote.text import utf16_len
from warmnote.tidy import OUTCOME_TEXT
from warmnote.tui.screens.base import SectionScreen, describe_error
from warmnote.tui.widgets.alternatives import AltCard
from warmnote.tui.widgets.char_counter import CharCounter
from warmnote.tui.widgets.note_editor import NoteEditor
from warmnote.tui.widgets.status_line import StatusLine
from warmnote.tui.widgets.verdict_list import VerdictList

if TYPE_CHECKING:
    from warmnote.guardrails import Verdict
    from warmnote.results import DraftResult, Provenance

ALTERNATIVES = 3
DUPLICATE_DELAY = 0.5
"""Seconds after the last edit before the note is compared with the ones already sent."""
MIN_TIMED_SECONDS = 0.1
KEPT_AS_IS = "The note stays as you copied or saved it: the model's tidy was not applied."
"""Below this, a tokens-per-second figure is noise, so none is shown."""


def describe_provenance(provenance: Provenance) -> str:
    """The provenance stamp in one line: model, pack, seed, attempts and speed."""
    seconds = sum(provenance.attempt_seconds)
    if provenance.origin == "plain" and not provenance.attempts:
        return f"plain note built from your context · {provenance.pack} · {_tidy_stamp(provenance)}"
    parts = [
        *(["plain note from the context"] if provenance.origin == "plain" else []),
        provenance.model_name,
        f"{provenance.pack} {provenance.pack_version}",
        f"seed {provenance.seed}",
        f"{provenance.attempts} attempt{'s' if provenance.attempts != 1 else ''}",
        f"{seconds:.1f} s",
    ]
    if seconds >= MIN_TIMED_SECONDS and provenance.tokens_per_second:
        parts.append(f"{provenance.tokens_per_second[-1]:.0f} tok/s")
    return " · ".join(parts)


def _tidy_stamp(provenance: Provenance) -> str:
    if provenance.tidy is None:
        return "no model"
    if provenance.tidy == "tidied":
        return f"tidied by {provenance.model_name} in {provenance.tidy_seconds:.1f} s"
    return OUTCOME_TEXT[provenance.tidy]


def describe_context(context: Context) -> list[str]:
    """The facts a note may draw on, one line each: whom, how you know them, and why."""
    who, rel = context.recipient, context.relationship
    about = ", ".join(part for part in (who.headline, who.company) if part)
    met = "; ".join(part for part in (rel.how_we_met, rel.where, rel.when) if part)
    lines = [
        f"To: {who.name}" + (f" ({about})" if about else ""),
        f"You: {FAMILIARITY_TEXT[rel.familiarity]}" + (f"; {met}" if met else ""),
    ]
    if rel.mutual_connections:
        lines.append(f"Mutual: {', '.join(rel.mutual_connections)}")
    if rel.shared_interests:
        lines.append(f"Shared: {', '.join(rel.shared_interests)}")
    lines.append(f"Reason: {context.reason or '(none)'}")
    return lines


@dataclass
class DraftRun:
    """One drafting request: a note (one slot) or alternatives (several slots, one seed each)."""

    id: int
    context: Context
    pack: PromptPack
    seeds: tuple[int, ...]
    attempts: int
    plain_first: bool = False
    """Start with the plain note; the model is not waited for unless there is none."""
    tidy: bool = False
    """Once the plain note is shown, the model tidies it (``warmnote.tidy``)."""
    cancel: threading.Event = field(default_factory=threading.Event)
    shown_attempt: dict[int, int] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)

    @property
    def alternatives(self) -> bool:
        return len(self.seeds) > 1


class DraftScreen(SectionScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "regenerate", "Regenerate", tooltip="Draft again with a new seed"),
        Binding("ctrl+t", "alternatives", "3 alternatives", tooltip="Three drafts side by side"),
        Binding("ctrl+o", "copy_note", "Copy", tooltip="Copy the note to the clipboard"),
        Binding("ctrl+s", "save_note", "Save", tooltip="Save the note to history"),
        Binding(
            "ctrl+f",  # ctrl+e is the note editor's end of line
            "edit_reason",
            "Reason",
            tooltip="Back to the form, in the Reason field: say a part again, then draft",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Stop drafting / close alternatives"),
        Binding("1", "pick(0)", "Pick 1", show=False),
        Binding("2", "pick(1)", "Pick 2", show=False),
        Binding("3", "pick(2)", "Pick 3", show=False),
    ]

    class DraftChunk(Message):
        """A piece of text the model just wrote."""

        def __init__(self, run_id: int, slot: int, attempt: int, text: str) -> None:
            super().__init__()
            self.run_id, self.slot, self.attempt, self.text = run_id, slot, attempt, text

    class DraftReady(Message):
        """One slot's drafting finished (passed, failed every attempt, or cancelled)."""

        def __init__(self, run_id: int, slot: int, result: DraftResult) -> None:
            super().__init__()
            self.run_id, self.slot, self.result = run_id, slot, result

    class DraftFailed(Message):
        """The run stopped with an error (no model, a broken pack, a backend failure)."""

        def __init__(self, run_id: int, error: str) -> None:
            super().__init__()
            self.run_id, self.error = run_id, error

    class TidyReady(Message):
        """The model's tidy of the plain note ``plain`` ended (its outcome in the provenance)."""

        def __init__(self, run_id: int, plain: str, result: DraftResult) -> None:
            super().__init__()
            self.run_id, self.plain, self.result = run_id, plain, result

    class DraftCancelled(Message):
        """The run stopped because it was cancelled."""

        def __init__(self, run_id: int) -> None:
            super().__init__()
            self.run_id = run_id

    def __init__(self) -> None:
        super().__init__()
        self.context: Context | None = None
        self.pack: PromptPack | None = None
        self.result: DraftResult | None = None
        self.provenance: Provenance | None = None
        self.verdict: Verdict | None = None
        self.active_run: DraftRun | None = None
        """The run in progress; None when idle."""
        self._run_ids = 0
        self._tidying: DraftRun | None = None
        """The run whose plain note the model is tidying, after the note was shown."""
        self._worker: Worker[None] | None = None
        self._pending_text: str | None = None
        self._duplicate_timer: Timer | None = None

    # Layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal(id="draft-body"):
            with Vertical(id="draft-main"):
                yield Label("No context yet", id="draft-title")
                yield NoteEditor(id="note")
                with Horizontal(id="note-meta"):
                    yield CharCounter(id="counter")
                    yield Static("", id="draft-state")
                with Horizontal(id="alternatives"):
                    for slot in range(ALTERNATIVES):
                        yield AltCard(slot)
                yield Label("Context", classes="panel-title", id="draft-context-title")
                yield Static("Nothing composed yet.", id="draft-context")
            with Vertical(id="draft-side"):
                yield Label("Verdict", classes="panel-title")
                yield VerdictList(id="verdict")
                yield Static("", id="duplicate-warning")
                yield Label("Provenance", classes="panel-title")
                yield Static("", id="provenance")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#alternatives").display = False
        if self._pending_text is not None:
            text, self._pending_text = self._pending_text, None
            self._show_note_now(text)
        else:
            self._set_state("Fill in Compose (F2) and press ctrl+g to draft a note.")
            self.recheck()

    @property
    def editor(self) -> NoteEditor:
        return self.query_one("#note", NoteEditor)

    @property
    def streaming(self) -> bool:
        return self.active_run is not None

    def note_text(self) -> str:
        if self._pending_text is not None or not self.is_mounted:
            return self._pending_text or ""
        return self.editor.text

    # Starting and stopping runs -----------------------------------------------------------

    def start(
        self,
        context: Context,
        pack: PromptPack,
        *,
        alternatives: bool = False,
        plain_first: bool = False,
    ) -> None:
        """Draft for ``context`` with ``pack``; a run already going is cancelled first.
        ``plain_first``: show the plain note built from the context, if it gives one."""
        app = self.warmnote
        try:
            app.guardrails  # noqa: B018 - a broken rule file is reported before drafting
        except WarmnoteError as exc:
            self._fail(str(exc))
            return
        self.cancel_run()
        self._drop_tidy()  # a new draft: the last plain note's tidy is moot
        # The draft takes over from the form's preparation: the model gives way to it anyway, and
        # a form prepared before ctrl+g is not this draft's (a plain note prepares its own).
        app.cancel_prepare()
        self.context, self.pack = context, pack
        session = app.session
        slots = ALTERNATIVES if alternatives else 1
        self._run_ids += 1
        run = DraftRun(
            id=self._run_ids,
            context=context,
            pack=pack,
            seeds=tuple(session.next_seed() for _ in range(slots)),
            attempts=session.settings.attempts,
            plain_first=plain_first and not alternatives,
            tidy=plain_first and not alternatives and session.settings.tidy,
        )
        self.active_run = run
        self._show_context()
        self._show_alternatives(alternatives)
        self.editor.read_only = True
        if alternatives:
            for card in self.query(AltCard):
                card.reset()
        else:
            self.result, self.provenance = None, None
            self.editor.load_text("")
            self.query_one("#provenance", Static).update("")
        ready = session.ready.is_set() or run.plain_first
        waiting = "" if ready else " (waiting for the model to load)"
        self._set_state(f"Drafting…{waiting}")
        if not alternatives:
            self.query_one(VerdictList).set_verdict(None, note="Drafting…")
        self.refresh_bindings()
        self._worker = self._draft(run)

    def cancel_run(self) -> None:
        if self.active_run is not None:
            self.active_run.cancel.set()

    @work(thread=True, exclusive=True, exit_on_error=False, group="draft")
    def _draft(self, run: DraftRun) -> None:
        """Runs in a thread: posts messages only. Cancellation is checked between tokens."""
        worker = get_current_worker()
        session = self.warmnote.session
        for slot, seed in enumerate(run.seeds):
            if run.cancel.is_set():
                break

            def on_chunk(attempt: int, chunk: str, slot: int = slot) -> None:
                if worker.is_cancelled:
                    run.cancel.set()
                self.post_message(self.DraftChunk(run.id, slot, attempt, chunk))

            request = session.request(run.context, run.pack, seed=seed, plain_first=False)
            # The plain note needs no model; without one to build, the model drafts.
            result = plain_first(request, session.guardrails) if run.plain_first else None
            if result is not None and run.tidy:
                # The plain note is finished and editable at once; the model's tidy (deleting
                # only) replaces it afterwards, unless the person has edited it by then.
                self.post_message(self.DraftReady(run.id, slot, result))
                tidied = session.tidy(result, run.context, cancel=run.cancel)
                self.post_message(self.TidyReady(run.id, result.text, tidied))
                return
            if result is None:
                if session.wait(run.cancel) is None:
                    break
                result = session.draft(request, on_chunk=on_chunk, cancel=run.cancel)
            self.post_message(self.DraftReady(run.id, slot, result))
        if run.cancel.is_set():
            self.post_message(self.DraftCancelled(run.id))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker errors land: they become DraftFailed, never a crash."""
        if event.worker.group != "draft" or event.state != WorkerState.ERROR:
            return
        if event.worker is self._worker and self.active_run is not None:
            error = event.worker.error
            message = describe_error(error) if error is not None else "drafting failed"
            self.post_message(self.DraftFailed(self.active_run.id, message))

    def _current(self, run_id: int) -> DraftRun | None:
        """The live run if the message belongs to it; stale messages get None."""
        run = self.active_run
        return run if run is not None and run.id == run_id else None

    @on(DraftChunk)
    def _on_chunk(self, message: DraftChunk) -> None:
        run = self._current(message.run_id)
        if run is None:
            return
        new_attempt = run.shown_attempt.get(message.slot) != message.attempt
        run.shown_attempt[message.slot] = message.attempt
        if run.alternatives:
            self.query_one(f"#alt-{message.slot}", AltCard).append(
                message.text, new_attempt=new_attempt
            )
            self._set_state(f"Drafting alternative {message.slot + 1} of {len(run.seeds)}…")
            return
        editor = self.editor
        if new_attempt:
            editor.load_text("")
            if message.attempt > 1:
                self._set_state(f"Drafting… attempt {message.attempt} of {run.attempts}")
        editor.insert(message.text, editor.document.end)

    @on(DraftReady)
    def _on_ready(self, message: DraftReady) -> None:
        run = self._current(message.run_id)
        if run is None:
            return
        run.finished.add(message.slot)
        result = message.result
        if run.alternatives:
            self.query_one(f"#alt-{message.slot}", AltCard).finish(result)
            if len(run.finished) == len(run.seeds):
                self._finish_run()
                self._set_state("Pick one: 1, 2 or 3 (or Enter on a card). Escape keeps yours.")
                self.query_one("#alt-0", AltCard).focus()
            return
        self._finish_run()
        if run.tidy and result.provenance.origin == "plain" and not result.attempts:
            self._tidying = run  # set here, on the UI thread, as everything that drops it is
        self._use_result(result)

    @on(TidyReady)
    def _on_tidied(self, message: TidyReady) -> None:
        """The tidy replaces the plain note only if it is still shown as built."""
        run = self._tidying
        if run is None or run.id != message.run_id:
            return  # dropped since: a new draft, Esc, a note reopened, copied or saved
        self._tidying = None
        self.refresh_bindings()
        if self.editor.text != message.plain:
            self._set_state("You edited the note, so the model's tidy was not applied.")
            return
        self._use_result(message.result)

    def _drop_tidy(self, state: str | None = None) -> None:
        """Stop waiting for the tidy of the plain note shown, if one is coming."""
        if self._tidying is None:
            return
        self._tidying.cancel.set()
        self._tidying = None
        self.refresh_bindings()
        if state is not None:
            self._set_state(state)

    @on(DraftFailed)
    def _on_failed(self, message: DraftFailed) -> None:
        if self._current(message.run_id) is None:
            return
        self._finish_run()
        self._fail(message.error)

    @on(DraftCancelled)
    def _on_cancelled(self, message: DraftCancelled) -> None:
        run = self._current(message.run_id)
        if run is None:
            return
        self._finish_run()
        self._set_state("Cancelled: what was written so far is kept.")
        self.recheck()

    def _finish_run(self) -> None:
        self.active_run = None
        self.editor.read_only = False
        self.refresh_bindings()

    def _fail(self, error: str) -> None:
        self._set_state(f"Drafting failed: {error}", error=True)
        self.query_one(VerdictList).set_verdict(None, note="No draft: see the message above.")
        self.notify(error, title="Drafting failed", severity="error", timeout=10)

    def _use_result(self, result: DraftResult) -> None:
        self.result, self.provenance = result, result.provenance
        self._load_text(result.text)
        self.query_one("#provenance", Static).update(
            Content(describe_provenance(result.provenance))
        )
        if result.cancelled:
            self._set_state("Cancelled: what was written so far is kept.")
        elif result.provenance.origin == "plain" and not result.attempts:
            tidy = result.provenance.tidy
            outcome = f" ({OUTCOME_TEXT[tidy]})" if tidy in ("tidied", "refused") else ""
            self._set_state(
                f"Built from your context's own facts, in your words where it can{outcome}: "
                "read it through before sending. Edit it, or ctrl+r for the model's wording."
                + (" The model is tidying it; an edit keeps yours." if self._tidying else "")
            )
            if self.context is not None and self.pack is not None:
                self.warmnote.prepare_draft(self.context, self.pack)  # ready for ctrl+r
        elif result.provenance.origin == "plain":
            self._set_state(
                f"No model draft passed in {len(result.attempts)} attempts, so this is a plain "
                "note built from your context; it passes. Edit it, or ctrl+r to try the model."
            )
        elif result.passed:
            tries = len(result.attempts)
            self._set_state(
                f"Passes after {tries} attempt{'s' if tries != 1 else ''}. The checks can't "
                "judge sense: read it through before sending."
            )
        else:
            self._set_state(
                f"No attempt passed in {len(result.attempts)}: the best one is shown. "
                "Edit it or press ctrl+r.",
                error=True,
            )
        self.check_duplicates()

    # Showing and checking the note --------------------------------------------------------

    def show_note(
        self, text: str, context: Context | None, *, provenance: Provenance | None = None
    ) -> None:
        """Show a note drafted earlier (reopened or restored); works before the screen mounts."""
        self.cancel_run()
        self._drop_tidy()
        self.context, self.result, self.provenance = context, None, provenance
        if context is not None:
            try:
                self.pack = get_pack(context.scenario)
            except WarmnoteError:
                self.pack = None
        if not self.is_mounted:
            self._pending_text = text
            return
        self._show_note_now(text)

    def _show_note_now(self, text: str) -> None:
        self.active_run = None
        provenance = self.provenance
        self._show_alternatives(False)
        self._load_text(text)
        self._show_context()
        stamp = describe_provenance(provenance) if provenance else ""
        self.query_one("#provenance", Static).update(Content(stamp))
        self._set_state("Reopened: edit, copy or save it; ctrl+r drafts a new one.")
        self.refresh_bindings()

    def restore(self, state: dict[str, Any]) -> None:
        context: Context | None = None
        raw = state.get("context")
        if isinstance(raw, dict):
            try:
                context = Context.model_validate(raw)
            except ValidationError:
                context = None
        text = state.get("text")
        if isinstance(text, str) and text.strip():
            self.show_note(text, context)

    def autosave_state(self) -> dict[str, Any]:
        return {
            "text": self.note_text(),
            "context": self.context.model_dump(mode="json") if self.context else None,
        }

    def _load_text(self, text: str) -> None:
        self.editor.read_only = False
        self.editor.load_text(text)
        self.recheck()

    def _show_context(self) -> None:
        self.query_one("#draft-title", Label).update(Content(self._title()))
        text = (
            "\n".join(describe_context(self.context)) if self.context else "Nothing composed yet."
        )
        self.query_one("#draft-context", Static).update(Content(text))

    def _title(self) -> str:
        if self.context is None:
            return "No context yet"
        pack = self.pack.name if self.pack else self.context.scenario
        return f"Note to {self.context.recipient.name} · {pack} · limit {self.context.max_chars}"

    def _set_state(self, text: str, *, error: bool = False) -> None:
        state = self.query_one("#draft-state", Static)
        state.update(Content(text))
        state.set_class(error, "-error")

    def recheck(self) -> None:
        """Judge the note as it stands now (on every keystroke: the guardrails are fast)."""
        text = self.editor.text
        counter = self.query_one(CharCounter)
        verdicts = self.query_one(VerdictList)
        if not text.strip() and self.context is None:
            self.verdict = None
            counter.set_count(0, DEFAULT_LIMIT)
            self.editor.set_violations(())
            verdicts.set_verdict(None, note="No note yet.")
            return
        try:
            verdict = self.warmnote.guardrails.check(text, self.context)
        except WarmnoteError as exc:
            verdicts.set_verdict(None, note=str(exc))
            return
        self.verdict = verdict
        counter.set_count(verdict.length, verdict.limit)
        self.editor.set_violations(verdict.violations)
        left_out = self.result.left_out if self.result else []
        if self.result and text != self.result.text:  # edited: what the user put back is not out
            left_out = still_left_out(left_out, text)
        verdicts.set_verdict(verdict, left_out=left_out)

    @on(TextArea.Changed, "#note")
    def _note_changed(self) -> None:
        if self.streaming:
            limit = self.context.max_chars if self.context else DEFAULT_LIMIT
            self.query_one(CharCounter).set_count(utf16_len(self.editor.text), limit)
            return
        self.recheck()
        if self._duplicate_timer is not None:
            self._duplicate_timer.stop()
        self._duplicate_timer = self.set_timer(DUPLICATE_DELAY, self.check_duplicates)
        self.warmnote.request_autosave()

    @on(OptionList.OptionSelected, "#verdict")
    def _violation_chosen(self, event: OptionList.OptionSelected) -> None:
        violation = self.query_one(VerdictList).violation_for(event.option)
        if violation is not None:
            self.editor.select_span(violation.start, violation.end)

    def check_duplicates(self) -> None:
        """Warn when the note is nearly identical to one already sent: that reads like a bot."""
        warning = self.query_one("#duplicate-warning", Static)
        text = self.editor.text
        try:
            matches = self.warmnote.history.similar_sent(text) if text.strip() else []
        except WarmnoteError as exc:
            matches = []
            self.notify(f"history not checked: {exc}", severity="warning")
        if not matches:
            warning.update("")
            warning.display = False
            return
        entry, score = matches[0]
        warning.update(
            Content(
                f"⚠ {score:.0f}% the same as the note you sent to "
                f"{entry.context.recipient.name} (#{entry.id}). Identical notes look like a bot."
            )
        )
        warning.display = True

    # Alternatives -------------------------------------------------------------------------

    def _show_alternatives(self, show: bool) -> None:
        self.query_one("#alternatives").display = show
        self.set_class(show, "-alternatives")

    def action_pick(self, slot: int) -> None:
        if self.active_run is not None or not self.has_class("-alternatives"):
            return
        card = self.query_one(f"#alt-{slot}", AltCard)
        if card.result is None:
            return
        self._show_alternatives(False)
        self._use_result(card.result)
        self.editor.focus()
        self.notify(f"Using alternative {slot + 1}")

    @on(AltCard.Picked)
    def _card_picked(self, message: AltCard.Picked) -> None:
        self.action_pick(message.card.slot)

    # Actions ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("regenerate", "alternatives"):
            return None if self.context is None or self.pack is None else True
        if action == "cancel":
            busy = self.streaming or self._tidying is not None
            return True if busy or self.has_class("-alternatives") else None
        return True

    def action_regenerate(self) -> None:
        if self.context is None or self.pack is None:
            self.notify("Compose a context first (F2).", severity="warning")
            return
        self.start(self.context, self.pack)

    def action_alternatives(self) -> None:
        if self.context is None or self.pack is None:
            self.notify("Compose a context first (F2).", severity="warning")
            return
        self.start(self.context, self.pack, alternatives=True)

    def action_cancel(self) -> None:
        if self.active_run is not None:
            self.active_run.cancel.set()
            self._set_state("Cancelling…")
        elif self._tidying is not None:
            self._drop_tidy("The model's tidy was cancelled: the plain note stays as built.")
        elif self.has_class("-alternatives"):
            self._show_alternatives(False)
            self.editor.focus()
            self.refresh_bindings()

    async def action_edit_reason(self) -> None:
        """Saying the reason again, after reading what the note made of it, helps more than any
        edit of the note (see the README's held-out 16 reading): one key back to it."""
        await self.warmnote.action_section("compose")
        self.warmnote.compose_screen.query_one("#reason", TextArea).focus()

    def action_copy_note(self) -> None:
        text = self.editor.text.strip()
        if not text:
            self.notify("Nothing to copy yet.", severity="warning")
            return
        self.app.copy_to_clipboard(text)
        self._drop_tidy(KEPT_AS_IS)
        if self.verdict is not None and not self.verdict.passed:
            first = self.verdict.errors[0].message if self.verdict.errors else "see the verdict"
            self.notify(f"Copied, but it does not pass: {first}", severity="warning")
        else:
            self.notify(f"Copied the note ({utf16_len(text)} characters) to the clipboard.")

    def action_save_note(self) -> None:
        text = self.editor.text.strip()
        if self.context is None or self.verdict is None or not text:
            self.notify("Nothing to save yet: draft a note first.", severity="warning")
            return
        try:
            entry_id = self.warmnote.history.save(self.context, text, self.verdict, self.provenance)
        except WarmnoteError as exc:
            self.notify(str(exc), title="Not saved", severity="error")
            return
        self._drop_tidy(KEPT_AS_IS)
        passed = "" if self.verdict.passed else " (it does not pass yet)"
        self.notify(f"Saved to history as #{entry_id}{passed}.")
