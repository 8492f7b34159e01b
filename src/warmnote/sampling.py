"""Sampling settings and seeds: one model for every layer, one schedule for every seed.

Settings (config.toml), a pack's ``[sampling]`` table and the CLI each give some settings; the
layers are the same ``Sampling`` model and only the fields a layer sets count
(``model_fields_set``), so a pack's ``temperature = 0.7`` beats the default but not the user's
config. The seed is not a sampling setting here: :class:`SeedSchedule` derives every generation's
seed from a run's seed, so attempts, candidates, alternatives and eval seeds never share one.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

MAX_ATTEMPTS = 10
MAX_CANDIDATES = 4
MAX_SEED = 2**32 // (MAX_ATTEMPTS * MAX_CANDIDATES) - 1
"""107,374,181: every run seed up to it gets generation seeds of its own in llama.cpp's 32 bits."""


class Sampling(BaseModel):
    """How the model picks tokens; recorded in every draft's provenance."""

    model_config = ConfigDict(extra="forbid", strict=True)

    temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    top_p: float = Field(default=0.9, gt=0.0, le=1.0)
    top_k: int = Field(default=40, ge=0)
    repeat_penalty: float = Field(default=1.1, ge=0.0)
    max_tokens: int = Field(default=120, ge=1, le=2048)

    def over(self, base: Sampling) -> Sampling:
        """``base`` with the fields this layer sets put on top."""
        return self.model_validate({**base.model_dump(), **self.model_dump(exclude_unset=True)})

    @staticmethod
    def layered(*layers: Sampling) -> Sampling:
        """The defaults with each layer on top of the ones before it."""
        merged = Sampling()
        for layer in layers:
            merged = layer.over(merged)
        return merged


class SeedSchedule:
    """The seed of every generation, from the seed of its run.

    Run seeds are the ones people see and pass (``--seed``, ``eval --seeds``, each alternative
    and each regeneration takes the next). Within a run, attempt *a* (from 1) and candidate *c*
    (from 0) get ``run * STRIDE + (a - 1) * MAX_CANDIDATES + c``: run 0 starts at 0 as before, and
    two runs share a seed only if their run seeds are equal.
    """

    STRIDE = MAX_ATTEMPTS * MAX_CANDIDATES

    @classmethod
    def generation_seed(cls, run_seed: int, attempt: int = 1, candidate: int = 0) -> int:
        if not 0 <= run_seed <= MAX_SEED:
            raise ValueError(f"run seed {run_seed} out of range (0 to {MAX_SEED})")
        if not 1 <= attempt <= MAX_ATTEMPTS or not 0 <= candidate < MAX_CANDIDATES:
            raise ValueError(f"attempt {attempt} / candidate {candidate} out of range")
        return run_seed * cls.STRIDE + (attempt - 1) * MAX_CANDIDATES + candidate
