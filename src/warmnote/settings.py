"""One typed settings model, read from ``config.toml``; CLI flags go on top."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from warmnote import locations
from warmnote.files import expand_user, read_data, validate

MODEL_ENV = "WARMNOTE_MODEL"
MAX_ATTEMPTS = 10
MAX_SEED = 2**31 - 1


class SamplingOverrides(BaseModel):
    model_config = ConfigDict(extra="forbid")

    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    top_k: int | None = Field(default=None, ge=0)
    repeat_penalty: float | None = Field(default=None, ge=0.0)
    max_tokens: int | None = Field(default=None, ge=1, le=2048)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model_path: Path | None = None
    threads: int | None = Field(default=None, ge=1, le=1024)
    context_size: int = Field(default=2048, ge=512, le=131_072)
    attempts: int = Field(default=3, ge=1, le=MAX_ATTEMPTS)
    seed: int = Field(default=0, ge=0, le=MAX_SEED)
    sampling: SamplingOverrides = Field(default_factory=SamplingOverrides)

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
