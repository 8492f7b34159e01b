"""Type-ahead that lands where it was typed, whatever the load.

Textual hands each key to the focused widget by posting it to that widget's queue and moves on
to the next key at once. A key that moves the focus (Tab, Enter on a Select) only takes effect
when the widget gets round to it, and a key that falls through to a binding is handled when it
has bubbled back up to the app's queue, behind every key already waiting there. Keys typed in a
burst (a fast typist, a paste of keystrokes, a machine busy drafting) so land in the field they
were not meant for, or vanish. Keys typed before the first screen has focus go nowhere at all.

``InOrderKeys`` makes key handling sequential: each key is handled to the end, its bubbling and
bindings included, before the next one is looked at; and keys that arrive before the app says
it is ready are held, then replayed in order.
"""

from __future__ import annotations

import asyncio
from typing import Generic

from textual import events
from textual.app import App, ReturnType
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen

DRAIN_TIMEOUT = 5.0
"""Seconds to wait for one widget to handle a key before going on regardless (never hang)."""
SETTLE_ROUNDS = 8
"""Rounds of knock-on work one key may set off before the next key is handled regardless."""


class InOrderKeys(App[ReturnType], Generic[ReturnType]):
    """An App whose keys are handled one at a time, in the order they were typed."""

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: list[events.Key] | None = []
        """Keys typed before ``keys_ready``; None once they have been replayed."""
        self._early_keys: list[events.Key] = []
        self._key_in_flight: events.Key | None = None
        self._key_bubbled = False
        self._key_callbacks: list[events.Callback] = []

    def keys_ready(self) -> None:
        """Call once the first screen is laid out and focused: the keys typed before that are
        handled next, in the app's own task, before any typed after. Calling it again (another
        screen got ready too) does nothing."""
        self.call_later(self._release_held_keys)

    def typeahead_unwelcome(self) -> bool:
        """Whether what is on screen now is something the early keys were not typed for (a
        question nobody has seen yet); if so they wait for ``replay_early_keys``."""
        return False

    def replay_early_keys(self) -> None:
        """Handle the keys set aside by ``typeahead_unwelcome`` once it no longer holds."""
        self.call_later(self._replay_early_keys)

    async def _release_held_keys(self) -> None:
        if self._held_keys is None:
            return
        held, self._held_keys = [_as_typed(key) for key in self._held_keys], None
        if self.typeahead_unwelcome():
            self._early_keys = held
        else:
            await self._replay(held)

    async def _replay_early_keys(self) -> None:
        if self.typeahead_unwelcome():  # the question is still on its way out
            self.call_after_refresh(self.replay_early_keys)
            return
        early, self._early_keys = self._early_keys, []
        await self._replay(early)

    async def _replay(self, keys: list[events.Key]) -> None:
        for key in keys:
            await self._handle_key(key)

    def post_message(self, message: Message) -> bool:
        if self._key_in_flight is not None:
            # The key has bubbled back to the app, or handling it asked the app to do
            # something later (Textual moves the focus that way): both happen in place, before
            # the next key, not behind the keys that were typed after it.
            if message is self._key_in_flight:
                self._key_bubbled = True
                return True
            if isinstance(message, events.Callback):
                self._key_callbacks.append(message)
                return True
        return super().post_message(message)

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
        elif self._held_keys is not None:
            self._held_keys.append(event)
        else:
            await self._handle_key(event)

    async def _handle_key(self, event: events.Key) -> None:
        target = self.focused or self.screen
        self._key_in_flight, self._key_bubbled = event, False
        try:
            await super().on_event(event)  # priority bindings, else forwarded to ``target``
            if not event.is_forwarded:
                return
            # Settle: what the key set off (a binding, a moved focus, a message to a parent)
            # may set off more; go round until a round brings nothing new.
            for _ in range(SETTLE_ROUNDS):
                await self._drain(target)
                if self.focused is not None and self.focused is not target:
                    await self._drain(self.focused)
                if self._key_bubbled:
                    self._key_bubbled = False
                    await super().on_event(event)  # the app's own bindings (Tab, Ctrl+Q, ...)
                elif not self._key_callbacks:
                    return
                while self._key_callbacks:
                    await self._dispatch_message(self._key_callbacks.pop(0))
        finally:
            self._key_in_flight = None
            left, self._key_callbacks = self._key_callbacks, []
            for callback in left:  # only after an error or a key that never settles
                super().post_message(callback)

    async def _drain(self, widget: DOMNode) -> None:
        """Wait until ``widget`` and its ancestors up to the screen have handled all they were
        sent so far. A key bubbles parent by parent, so each one's queue already holds it by
        the time its child has finished."""
        node: DOMNode | None = widget
        while node is not None and node is not self:
            done = asyncio.Event()  # setting it after the wait gave up is harmless
            if node.call_later(done.set):
                try:
                    await asyncio.wait_for(done.wait(), DRAIN_TIMEOUT)
                except TimeoutError:
                    return
            if isinstance(node, Screen):
                return
            node = node.parent


def _as_typed(key: events.Key) -> events.Key:
    """A key typed before the app switched the terminal to raw mode: the terminal turned Enter
    (CR) into a line feed, which arrives as Ctrl+J."""
    return events.Key("enter", "\r") if key.key == "ctrl+j" else key
