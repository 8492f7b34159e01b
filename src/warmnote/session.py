"""One drafting session per model: loading, readiness, warming, prefill and every draft.

``warmnote draft``, ``warmnote eval``, ``warmnote model warm`` and the terminal app all draft
through a session, so the model is built from the settings in one place, the sampling layers
meet in one place, run seeds are handed out in one place, and one lock makes sure a warm-up, a
prefill and a draft never use the model at the same time. A draft always wins: asking for one
interrupts a prefill between two of its small batches.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warmnote.backend import refuse_model_file
from warmnote.context import Context
from warmnote.drafter import Drafter, model_stamp, served_from
from warmnote.errors import WarmnoteError
from warmnote.packs import PromptPack, render_messages
from warmnote.pipeline import ChunkHandler, DraftRequest, draft_note, plain_first
from warmnote.results import DraftResult, LeftOut
from warmnote.sampling import MAX_SEED
from warmnote.settings import Settings
from warmnote.tidy import TIDY_EXAMPLES, tidy_messages, tidy_note

if TYPE_CHECKING:
    from warmnote.guardrails import Guardrails

DrafterFactory = Callable[[], Drafter]


def drafter_for(settings: Settings, model_path: Path | None = None) -> Drafter:
    """The model ``[backend]`` names, ready to draft: slow either way, so off the UI thread.

    The local GGUF (the configured one, or ``model_path``) is verified and loaded; nothing of
    the server backend is imported for it, so the default never touches the network. A server
    is asked which models it serves.
    """
    if settings.backend.kind == "openai":
        from warmnote.server_drafter import ServerDrafter

        served = ServerDrafter(settings.backend)
        served.load()
        return served
    from warmnote.llama import LlamaDrafter

    drafter = LlamaDrafter(
        model_path or settings.resolved_model_path(),
        n_threads=settings.threads,
        n_ctx=settings.context_size,
        prefix_state_budget_bytes=settings.prefix_state_budget_mb << 20,
    )
    drafter.load()
    return drafter


def open_session(
    settings: Settings,
    *,
    model: Path | None = None,
    guardrails: Guardrails | None = None,
    verify_when_needed: bool = False,
) -> DraftingSession:
    """The session of one command: a local GGUF (``model``, a ``--model`` flag, or the configured
    one) is verified first, so a bad file is bad input before anything loads; a server backend
    takes no file. ``verify_when_needed`` leaves that to the first use of the model: a command
    that may need none (plain notes first) then works before the model is installed."""
    from warmnote.files import expand_user
    from warmnote.modelfile import verify_model

    refuse_model_file(settings.backend, model)
    if settings.backend.kind != "local":
        return DraftingSession(settings, guardrails=guardrails)
    path = expand_user(model, field="--model") if model else settings.resolved_model_path()
    if verify_when_needed:
        return DraftingSession(
            settings,
            make_drafter=lambda: drafter_for(settings, verify_model(path).path),
            guardrails=guardrails,
        )
    info = verify_model(path)
    return DraftingSession(settings, model_path=info.path, guardrails=guardrails)


class DraftingSession:
    """A model, loaded once, and everything that drafts with it."""

    def __init__(
        self,
        settings: Settings,
        *,
        make_drafter: DrafterFactory | None = None,
        model_path: Path | None = None,
        guardrails: Guardrails | None = None,
    ) -> None:
        self.settings = settings
        self._make_drafter = make_drafter or (lambda: drafter_for(settings, model_path))
        self._guardrails = guardrails
        self.ready = threading.Event()
        """Set once loading ended, with the model or with an error."""
        self._drafter: Drafter | None = None
        self._load_error: BaseException | None = None
        self._load_lock = threading.Lock()
        self._model_lock = threading.Lock()
        self._state_lock = threading.Lock()
        """Guards the two fields below and ``_warmed``."""
        self._prefill_cancel: threading.Event | None = None
        """The cancel event of the background work holding the model, if any."""
        self._waiting = 0
        """Drafts and warm-ups waiting for the model: background work gives way while any do."""
        self._next_seed = settings.seed
        self._warmed: set[str] = set()
        """System prompts warmed by this session: warming one again would only cost time."""

    # The model --------------------------------------------------------------------------

    @property
    def guardrails(self) -> Guardrails:
        if self._guardrails is None:
            from warmnote.guardrails import Guardrails

            self._guardrails = Guardrails.load()
        return self._guardrails

    @property
    def drafter(self) -> Drafter | None:
        """The model once it is loaded; None before (or after a failed load)."""
        return self._drafter

    def load(self) -> Drafter:
        """Load the model on first call; later calls return it.

        A local model's load error is kept and raised again: the file will not mend itself. A
        server's is not kept, so the next call (the next draft) asks the server again: it may
        only have been down. ``ready`` stays set after the first try either way.
        """
        with self._load_lock:
            if self._drafter is None and self._load_error is None:
                try:
                    self._drafter = self._make_drafter()
                except Exception as exc:
                    if self.settings.backend.kind == "local":
                        self._load_error = exc
                    raise
                finally:
                    self.ready.set()
            if self._drafter is None:
                assert self._load_error is not None
                raise self._load_error
            return self._drafter

    def close(self) -> None:
        """Let go of the model's connections once the session is done (a server drafter has
        some; a local model has nothing to close and keeps its memory until the process ends)."""
        close = getattr(self._drafter, "close", None)
        if close is not None:
            close()

    def concurrent(self) -> bool:
        """Whether several drafts may run at once: a server queues them; a local model cannot."""
        return served_from(self.load()) is not None

    def wait(self, cancel: threading.Event) -> Drafter | None:
        """Block until loading ends (another thread loads); None if cancelled meanwhile."""
        while not self.ready.wait(0.05):
            if cancel.is_set():
                return None
        return self.load()

    # Seeds and requests ------------------------------------------------------------------

    def next_seed(self) -> int:
        """A run seed no earlier run of this session used (each run derives its own seeds)."""
        seed = self._next_seed
        self._next_seed = 0 if seed >= MAX_SEED else seed + 1
        return seed

    def request(
        self,
        context: Context,
        pack: PromptPack,
        *,
        seed: int | None = None,
        attempts: int | None = None,
        candidates: int | None = None,
        plain_first: bool | None = None,
    ) -> DraftRequest:
        """A request with the settings' attempts, candidates, sampling and first draft unless
        given."""
        settings = self.settings
        return DraftRequest(
            context=context,
            pack=pack,
            attempts=attempts or settings.attempts,
            seed=self.next_seed() if seed is None else seed,
            sampling=settings.sampling,
            candidates=candidates or settings.candidates,
            plain_first=settings.first_draft == "plain" if plain_first is None else plain_first,
        )

    # Using the model -----------------------------------------------------------------------

    def draft(
        self,
        request: DraftRequest,
        *,
        on_chunk: ChunkHandler | None = None,
        cancel: threading.Event | None = None,
    ) -> DraftResult:
        if request.plain_first:
            if (result := plain_first(request, self.guardrails)) is not None:
                return self.tidy(result, request.context, cancel=cancel)
            # Nothing to build a plain note on: the model drafts, and none is offered after it.
            request = dataclasses.replace(request, plain_first=False, plain_fallback=False)
        drafter = self.load()
        if served_from(drafter) is not None:  # the server queues concurrent requests itself
            return draft_note(request, drafter, self.guardrails, on_chunk=on_chunk, cancel=cancel)
        with self._model():
            return draft_note(request, drafter, self.guardrails, on_chunk=on_chunk, cancel=cancel)

    def tidy(
        self, result: DraftResult, context: Context, *, cancel: threading.Event | None = None
    ) -> DraftResult:
        """``result``, a plain note given first, as the model tidies it when the settings ask
        for it (``warmnote.tidy``); the plain note as built when the model cannot be loaded or
        fails, so a note is there before the model is installed."""
        if not self.settings.tidy:
            return result
        try:
            drafter = self.load()
            # A server queues requests itself; a model in this process is used by one at a time.
            with contextlib.nullcontext() if served_from(drafter) is not None else self._model():
                tidied = tidy_note(result.text, context, drafter, self.guardrails, cancel=cancel)
        except WarmnoteError:  # no model, or it failed mid-tidy: the plain note is never lost
            return result.model_copy(
                update={"provenance": result.provenance.model_copy(update={"tidy": "no_model"})}
            )
        provenance = result.provenance.model_copy(
            update={
                **model_stamp(drafter),
                "tidy": tidied.outcome,
                "tidy_seconds": round(tidied.seconds, 3),
            }
        )
        if tidied.verdict is None:
            return result.model_copy(update={"provenance": provenance})
        removed = [LeftOut(why="tidied", text=run) for run in tidied.removed]
        return result.model_copy(
            update={
                "text": tidied.text,
                "passed": tidied.verdict.passed,
                "violations": tidied.verdict.violations,
                "verdict": tidied.verdict,
                "provenance": provenance,
                "left_out": [*result.left_out, *removed],
            }
        )

    def warm(
        self,
        packs: Iterable[PromptPack],
        *,
        forget_others: bool = False,
        on_warmed: Callable[[str, float], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> bool:
        """Process each pack's shared prompt (system and examples) and keep its state, and the
        tidy's when the settings ask for it (the name ``tidy``).

        With ``forget_others``, this model's states of packs not in ``packs`` (edited or removed
        since) are dropped. ``on_warmed`` hears each pack's name and seconds as it is done.
        With ``cancel`` it is background work like a prefill: a draft interrupts it, and it
        returns False when it did not finish.
        """
        drafter = self.load()
        prompts = [(pack.name, render_messages(pack, pack.examples[0].context)) for pack in packs]
        if self.settings.tidy:
            prompts.append(("tidy", tidy_messages(TIDY_EXAMPLES[0][0])))
        system_prompts: list[str] = []
        for name, messages in prompts:
            started = time.perf_counter()
            system = messages[0].content
            if not self._is_warmed(system):
                with self._model():
                    if cancel is not None:
                        self._give_way(cancel)
                    try:
                        # Checked again: another thread may have warmed it while this one waited.
                        if not self._is_warmed(system):
                            if not drafter.warm(messages, cancel):
                                return False
                            with self._state_lock:
                                self._warmed.add(system)
                    finally:
                        self._give_way(None)
            system_prompts.append(system)
            if on_warmed is not None:
                on_warmed(name, time.perf_counter() - started)
        if forget_others:
            from warmnote.llama import LlamaDrafter

            if isinstance(drafter, LlamaDrafter):
                drafter.retain_prefix_states(system_prompts)
        return True

    def prefill(self, context: Context, pack: PromptPack, cancel: threading.Event) -> bool:
        """Process the prompt of the draft the person is about to ask for.

        Waits while the model is busy, and stops when ``cancel`` is set or a draft is asked for
        (between two small batches). Returns whether the whole prompt was processed.
        """
        drafter = self._drafter
        if drafter is None:
            return False
        while not self._model_lock.acquire(timeout=0.05):
            if cancel.is_set():
                return False
        self._give_way(cancel)
        try:
            if cancel.is_set():
                return False
            return drafter.prefill(render_messages(pack, context), cancel)
        finally:
            self._give_way(None)
            self._model_lock.release()

    def _is_warmed(self, system: str) -> bool:
        with self._state_lock:
            return system in self._warmed

    def _give_way(self, cancel: threading.Event | None) -> None:
        """Record the cancel event of the background work that now holds the model (None when it
        is done), and set it at once if a draft or warm-up already waits: one that comes later
        sets it in ``_model``. Both happen under one lock, so neither can miss the other."""
        with self._state_lock:
            self._prefill_cancel = cancel
            if cancel is not None and self._waiting:
                cancel.set()

    @contextlib.contextmanager
    def _model(self) -> Iterator[None]:
        """The model lock for one use; asking for it interrupts background work first, and
        background work that gets the lock before it gives way (``_give_way``)."""
        with self._state_lock:
            self._waiting += 1
            if self._prefill_cancel is not None:
                self._prefill_cancel.set()
        try:
            self._model_lock.acquire()
        finally:
            with self._state_lock:
                self._waiting -= 1
        try:
            yield
        finally:
            self._model_lock.release()
