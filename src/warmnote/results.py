"""What a drafting run returns: the note, its verdict and where it came from."""

from __future__ import annotations

from pydantic import BaseModel, Field

from warmnote.drafter import SamplingParams
from warmnote.guardrails import Verdict, Violation


class Fix(BaseModel):
    """A clean-up applied to raw model output (e.g. a stripped preamble)."""

    kind: str
    removed: str


class Attempt(BaseModel):
    number: int
    raw: str
    text: str
    fixes: list[Fix] = Field(default_factory=list)
    verdict: Verdict
    seconds: float
    first_chunk_seconds: float
    completion_tokens: int
    tokens_per_second: float
    """Decode speed: tokens after the first one, over the time after the first one."""


class Provenance(BaseModel):
    model_name: str
    model_sha256: str
    pack: str
    pack_version: str
    seed: int
    sampling: SamplingParams
    attempts: int
    attempt_seconds: list[float]
    tokens_per_second: list[float]


class DraftResult(BaseModel):
    text: str
    passed: bool
    violations: list[Violation]
    verdict: Verdict
    attempts: list[Attempt]
    provenance: Provenance
    cancelled: bool = False

    @property
    def total_seconds(self) -> float:
        return sum(attempt.seconds for attempt in self.attempts)
