"""The model behind a small interface: anything that streams a reply to chat messages.

A stream yields :class:`TextChunk` events as the model writes and ends with one :class:`Usage`
event (what the reply cost), so callers never ask the backend for its last figures afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from warmnote.sampling import Sampling


@dataclass(frozen=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class TextChunk:
    """A piece of the reply, about one token."""

    text: str


@dataclass(frozen=True)
class Usage:
    """The backend's own count of one reply's tokens; the last event of a stream."""

    prompt_tokens: int
    """Tokens of the whole prompt, including the ones reused from an earlier prompt."""
    processed_tokens: int
    """Of those, the ones processed for this reply (the rest came from the model's cache)."""
    completion_tokens: int


StreamEvent = TextChunk | Usage


class Drafter(Protocol):
    """A model that writes replies to chat messages; one generation at a time.

    Callers cancel a stream by closing its iterator between events.
    """

    @property
    def model_id(self) -> str:
        """A stable identity of the model: the SHA-256 of the GGUF for real models."""
        ...

    @property
    def model_name(self) -> str: ...

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]: ...

    def warm(self, messages: Sequence[ChatMessage], cancel: threading.Event | None = None) -> bool:
        """Process and keep the part of this prompt that every draft with its pack shares.

        Returns whether it finished (``cancel`` stops it between small batches)."""
        ...

    def prefill(self, messages: Sequence[ChatMessage], cancel: threading.Event) -> bool:
        """Process this prompt now, so a stream of the same messages starts writing at once.

        Stops between small batches once ``cancel`` is set; returns whether it finished.
        """
        ...


@dataclass
class ScriptedDrafter:
    """A fake drafter that replays scripted replies in order (the last one repeats).

    For UI tests, snapshots and pipeline edge cases; never a stand-in for the real model's tests.
    """

    replies: Sequence[str]
    chunk_words: bool = True
    calls: list[tuple[list[ChatMessage], Sampling, int]] = field(default_factory=list)
    warmed: list[list[ChatMessage]] = field(default_factory=list)
    prefilled: list[list[ChatMessage]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.replies:
            raise ValueError("ScriptedDrafter needs at least one reply")

    @property
    def model_id(self) -> str:
        return "scripted"

    @property
    def model_name(self) -> str:
        return "scripted"

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        self.calls.append((list(messages), sampling, seed))
        reply = self.replies[min(len(self.calls), len(self.replies)) - 1]
        chunks = _words(reply) if self.chunk_words else [reply]
        yield from (TextChunk(chunk) for chunk in chunks)
        prompt = sum(len(message.content.split()) for message in messages)
        yield Usage(prompt_tokens=prompt, processed_tokens=prompt, completion_tokens=len(chunks))

    def warm(self, messages: Sequence[ChatMessage], cancel: threading.Event | None = None) -> bool:
        if cancel is not None and cancel.is_set():
            return False
        self.warmed.append(list(messages))
        return True

    def prefill(self, messages: Sequence[ChatMessage], cancel: threading.Event) -> bool:
        if cancel.is_set():
            return False
        self.prefilled.append(list(messages))
        return True


def served_from(drafter: Drafter) -> str | None:
    """host:port of the server that writes a drafter's replies; None for a model in-process.

    A served model queues requests itself, so several drafts may stream at once; a model in
    this process writes one at a time. An optional attribute, so stand-in models need not
    declare it.
    """
    host = getattr(drafter, "server_host", None)
    return host if isinstance(host, str) else None


def model_stamp(drafter: Drafter) -> dict[str, str | None]:
    """Provenance fields naming the model: a file's hash, or a server's host and model id."""
    host = served_from(drafter)
    return {
        "model_name": drafter.model_name,
        "model_sha256": drafter.model_id if host is None else "",
        "backend": "local" if host is None else "openai",
        "server_host": host,
    }


def _words(reply: str) -> list[str]:
    """Chunks as a model streams them: each word with the space before it."""
    chunks: list[str] = []
    start = 0
    for index, char in enumerate(reply):
        if char == " " and index > start:
            chunks.append(reply[start:index])
            start = index
    if start < len(reply):
        chunks.append(reply[start:])
    return chunks
