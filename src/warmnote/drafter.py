"""The model behind a small interface: anything that streams text chunks for chat messages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


class SamplingParams(BaseModel):
    """Sampling settings; recorded in every draft's provenance."""

    model_config = ConfigDict(extra="forbid")

    temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    top_p: float = Field(default=0.9, gt=0.0, le=1.0)
    top_k: int = Field(default=40, ge=0)
    repeat_penalty: float = Field(default=1.1, ge=0.0)
    max_tokens: int = Field(default=120, ge=1, le=2048)
    seed: int = 0


class Drafter(Protocol):
    """Streams a completion for chat messages, one text chunk (about one token) at a time.

    Callers cancel by closing the iterator between chunks.
    """

    @property
    def model_id(self) -> str:
        """A stable identity of the model: the SHA-256 of the GGUF for real models."""
        ...

    @property
    def model_name(self) -> str: ...

    def stream(self, messages: Sequence[ChatMessage], params: SamplingParams) -> Iterator[str]: ...


class ScriptedDrafter:
    """A fake drafter that replays scripted replies in order (the last one repeats).

    For UI tests, snapshots and pipeline edge cases; never a stand-in for the real model's tests.
    """

    def __init__(self, replies: Sequence[str], *, chunk_words: bool = True) -> None:
        if not replies:
            raise ValueError("ScriptedDrafter needs at least one reply")
        self.replies = list(replies)
        self.calls: list[tuple[list[ChatMessage], SamplingParams]] = []
        self._chunk_words = chunk_words

    @property
    def model_id(self) -> str:
        return "scripted"

    @property
    def model_name(self) -> str:
        return "scripted"

    def stream(self, messages: Sequence[ChatMessage], params: SamplingParams) -> Iterator[str]:
        self.calls.append((list(messages), params))
        reply = self.replies[min(len(self.calls), len(self.replies)) - 1]
        if not self._chunk_words:
            yield reply
            return
        start = 0
        for index, char in enumerate(reply):
            if char == " " and index > start:
                yield reply[start:index]
                start = index
        if start < len(reply):
            yield reply[start:]
