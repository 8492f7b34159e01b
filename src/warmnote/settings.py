"""One typed settings model, read from ``config.toml``; CLI flags go on top."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from warmnote import locations
from warmnote.backend import BackendSettings
from warmnote.context import DEFAULT_LIMIT, FREE_ACCOUNT_LIMIT, Context
from warmnote.files import expand_user, read_data, validate
from warmnote.sampling import MAX_ATTEMPTS, MAX_CANDIDATES, MAX_SEED, Sampling

MODEL_ENV = "WARMNOTE_MODEL"
PREFIX_STATE_BUDGET_MB = 256
FREE_MONTHLY_NOTES = 5
"""LinkedIn's help says free accounts may add a note to five invitations a month."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model_path: Path | None = None
    threads: int | None = Field(default=None, ge=1, le=1024)
    context_size: int = Field(default=2048, ge=512, le=131_072)
    attempts: int = Field(default=3, ge=1, le=MAX_ATTEMPTS)
    seed: int = Field(default=0, ge=0, le=MAX_SEED)
    first_draft: Literal["plain", "model"] = "plain"
    """What a new draft starts with. "plain": the note built from the context's own facts, at
    once, with the model's wording one keystroke (or ``--first-draft model``) away: read blind,
    it was the one to send far more often than the model's, and it never claims what the
    context does not say. "model": the model drafts first, the plain note only when no attempt
    passes."""
    tidy: bool = True
    """Whether the model tidies a plain note given first, by deleting only (``warmnote.tidy``):
    a reminder to yourself that the plain note kept is taken out, and the tidy is kept only
    when it wrote no word the plain note did not have."""
    candidates: int = Field(default=1, ge=1, le=MAX_CANDIDATES)
    """Drafts written per attempt; the best one is judged against the others."""
    prefix_state_budget_mb: int = Field(default=PREFIX_STATE_BUDGET_MB, ge=0, le=65_536)
    """Disk kept for processed pack prompts (about 17 MB each with the default model)."""
    sampling: Sampling = Field(default_factory=Sampling)
    """Only the settings the file sets count: they beat a pack's, the CLI beats them."""
    backend: BackendSettings = Field(default_factory=BackendSettings)
    """``[backend]``: the local model (default) or an OpenAI-compatible server."""
    account: Literal["free", "premium"] = "premium"
    """The LinkedIn account: a free one gets 200 characters a note and a monthly note quota."""
    monthly_note_quota: int | None = Field(default=None, ge=0, le=10_000)
    """Notes a month; unset means 5 for a free account and no quota for a premium one."""

    @property
    def note_limit(self) -> int:
        """The character limit for contexts that set none: 200 free, 300 premium."""
        return FREE_ACCOUNT_LIMIT if self.account == "free" else DEFAULT_LIMIT

    @property
    def note_quota(self) -> int | None:
        """Notes allowed a month (None: no quota); an explicit setting beats the account's."""
        if self.monthly_note_quota is not None:
            return self.monthly_note_quota
        return FREE_MONTHLY_NOTES if self.account == "free" else None

    def with_limit(self, context: Context) -> Context:
        """``context`` with the account's limit unless the context gave ``max_chars`` itself."""
        if "max_chars" in context.model_fields_set:
            return context
        return context.model_copy(update={"max_chars": self.note_limit})

    def resolved_model_path(self) -> Path:
        """``WARMNOTE_MODEL`` beats the config file, which beats the installed default."""
        env = os.environ.get(MODEL_ENV)
        if env:
            return expand_user(Path(env), field=MODEL_ENV)
        if self.model_path is not None:
            return expand_user(self.model_path, field="model_path")
        return locations.default_model_path()


def load_settings(path: Path | None = None) -> Settings:
    path = path or locations.config_file()
    if not path.is_file():
        return Settings()
    return validate(Settings, read_data(path), file=path)
