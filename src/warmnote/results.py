"""What a drafting run returns: the note, its verdict and where it came from."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from warmnote.guardrails import Verdict, Violation
from warmnote.sampling import Sampling


class Fix(BaseModel):
    """A clean-up applied to raw model output (e.g. a stripped preamble)."""

    kind: str
    removed: str


class Attempt(BaseModel):
    number: int
    seed: int | None = None
    """The generation's own seed (see SeedSchedule); None in records older than the schedule."""
    raw: str
    text: str
    fixes: list[Fix] = Field(default_factory=list)
    verdict: Verdict
    seconds: float
    first_chunk_seconds: float
    completion_tokens: int
    tokens_per_second: float
    """Decode speed: tokens after the first one, over the time after the first one."""
    prompt_tokens: int = 0
    processed_tokens: int = 0
    """Prompt tokens processed for this attempt; the rest were reused from the model's cache."""
    candidates: list[str] = Field(default_factory=list)
    """With best-of-N, the other candidates' texts (the chosen one is ``text``)."""


class LeftOut(BaseModel):
    """A part of the user's reason that the note does not say, and why, shown beside the note
    so the person who typed it sees what was dropped before they send."""

    why: Literal[
        "link", "note_to_self", "kept_out", "unread", "aside", "cut", "tidied", "held_back"
    ]
    """link: a first note carries none; note_to_self: read as an instruction to themselves
    ("dont mention pay"); kept_out: what such an instruction keeps out ("comp ~$140k" after "don't
    put comp in the note"); unread: no sentence could be made of it; aside: what stood in brackets,
    which reads as the writer's aside in a note; cut: a sentence made of it did not fit the limit
    or a rule; tidied: the model's tidy of the plain note took it out (``warmnote.tidy``);
    held_back: of a reason typed as notes, neither an ask nor what the form, the profiles or the
    reader's public work say (``plain_note._meant_for_them``)."""
    text: str

    @property
    def message(self) -> str:
        return {
            "link": "Left out, as a first note carries no links (send it once they accept)",
            "note_to_self": "Left out as a note to yourself",
            "kept_out": "Left out, as your reason keeps money out of the note",
            "unread": "Left out, as no sentence could be made of it",
            "aside": "Left out, as brackets read as an aside (say it in the sentence to keep it)",
            "cut": "Left out to fit the limit and the rules",
            "tidied": "Left out by the model's tidy (type it back in if it was meant for them)",
            "held_back": "Held back, as notes may be for you alone (type it in if it's for them)",
        }[self.why] + f": “{self.text}”"


class Provenance(BaseModel):
    model_name: str
    model_sha256: str
    pack: str
    pack_version: str
    seed: int
    sampling: Sampling
    attempts: int
    attempt_seconds: list[float]
    tokens_per_second: list[float]
    origin: Literal["model", "plain"] = "model"
    """"plain": the note was built from the context's own facts, either first (no attempts: the
    model was not asked to draft, so the seed and sampling fields say nothing, and the model
    fields name the model only if it tidied the note) or because no attempt passed."""
    tidy: Literal["tidied", "unchanged", "refused", "cancelled", "no_model"] | None = None
    """What the model's tidy did to a plain note given first (``warmnote.tidy``); None when no
    tidy was asked for. "refused": the tidy's reply broke a condition and the plain note stands;
    "no_model": the model could not be loaded, so the plain note stands as built."""
    tidy_seconds: float = 0.0
    candidates: int = 1
    backend: Literal["local", "openai"] = "local"
    server_host: str | None = None
    """host:port of the server that wrote the drafts; a served model has no file hash, so
    ``model_sha256`` is then empty and ``model_name`` is the server's model id."""

    @model_validator(mode="before")
    @classmethod
    def _older_records(cls, data: Any) -> Any:
        """History and eval logs written before the seed left the sampling settings."""
        if isinstance(data, dict) and isinstance(data.get("sampling"), dict):
            sampling = {k: v for k, v in data["sampling"].items() if k != "seed"}
            data = {**data, "sampling": sampling}
        return data


class DraftResult(BaseModel):
    text: str
    passed: bool
    violations: list[Violation]
    verdict: Verdict
    attempts: list[Attempt]
    provenance: Provenance
    cancelled: bool = False
    left_out: list[LeftOut] = Field(default_factory=list)
    """What of the reason the note does not say: all of it for a plain note, only the notes to
    self for a model's draft (see ``plain_note.reason_left_out``); empty is no promise that a
    model's draft says the rest."""

    @property
    def total_seconds(self) -> float:
        return sum(attempt.seconds for attempt in self.attempts)
