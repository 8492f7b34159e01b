"""Sampling layers (defaults < pack < settings < CLI, only set fields count) and the seed schedule
(every generation of every run gets its own seed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

from warmnote import locations
from warmnote.context import load_context
from warmnote.errors import InputError
from warmnote.packs import get_pack
from warmnote.pipeline import DraftRequest
from warmnote.sampling import MAX_ATTEMPTS, MAX_CANDIDATES, MAX_SEED, Sampling, SeedSchedule
from warmnote.settings import load_settings

DEFAULTS = Sampling().model_dump()
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "event_followup.json"


def layer(**fields: Any) -> Sampling:
    return Sampling.model_validate(fields)


# --- layering ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pack", "settings", "cli", "expected"),
    [
        pytest.param({}, {}, {}, {}, id="defaults"),
        pytest.param({"temperature": 0.3}, {}, {}, {"temperature": 0.3}, id="pack-over-default"),
        pytest.param(
            {"temperature": 0.3}, {"temperature": 0.9}, {}, {"temperature": 0.9}, id="settings-win"
        ),
        pytest.param(
            {"temperature": 0.3},
            {"temperature": 0.9},
            {"temperature": 1.2},
            {"temperature": 1.2},
            id="cli-wins",
        ),
        pytest.param(
            {"temperature": 0.3, "top_k": 10},
            {"max_tokens": 80},
            {"top_p": 0.5},
            {"temperature": 0.3, "top_k": 10, "max_tokens": 80, "top_p": 0.5},
            id="each-layer-sets-its-own-fields",
        ),
        pytest.param(
            {"temperature": 0.3},
            {"temperature": DEFAULTS["temperature"]},
            {},
            {},
            id="a-set-default-still-beats-the-pack",
        ),
        pytest.param(
            {"repeat_penalty": 1.3}, {}, {"repeat_penalty": 1.0}, {"repeat_penalty": 1.0}, id="cli"
        ),
    ],
)
def test_each_layer_overrides_only_the_fields_it_sets(
    pack: dict[str, Any], settings: dict[str, Any], cli: dict[str, Any], expected: dict[str, Any]
) -> None:
    merged = Sampling.layered(layer(**pack), layer(**settings), layer(**cli))
    assert merged.model_dump() == {**DEFAULTS, **expected}


def test_a_default_value_a_layer_does_not_set_never_overrides() -> None:
    pack = layer(max_tokens=60)
    unset = Sampling()
    assert unset.model_fields_set == set()
    assert unset.over(pack) == pack
    assert Sampling.layered(pack, unset, unset).max_tokens == 60


def test_a_drafts_sampling_is_the_packs_under_the_settings(warmnote_home: Path) -> None:
    pack = get_pack("event_followup").model_copy(update={"sampling": layer(top_k=12, top_p=0.8)})
    request = DraftRequest(
        context=load_context(EXAMPLE), pack=pack, sampling=layer(top_p=0.95, temperature=0.2)
    )
    assert request.effective_sampling == Sampling(top_k=12, top_p=0.95, temperature=0.2)


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        pytest.param("[sampling]\ntemperature = 1\n", {"temperature": 1.0}, id="int-for-float"),
        pytest.param(
            "[sampling]\ntop_p = 0.5\nmax_tokens = 64\n", {"top_p": 0.5, "max_tokens": 64}
        ),
        pytest.param("attempts = 2\n", {}, id="no-sampling-table"),
    ],
)
def test_settings_from_toml_set_only_the_fields_the_file_names(
    warmnote_home: Path, toml: str, expected: dict[str, float]
) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text(toml)
    sampling = load_settings().sampling
    assert sampling.model_fields_set == set(expected)
    assert sampling.model_dump() == {**DEFAULTS, **expected}
    assert Sampling.layered(layer(temperature=0.1), sampling).temperature == expected.get(
        "temperature", 0.1
    )


# --- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"temperature": "0.7"},
        {"temperature": -0.1},
        {"temperature": 2.5},
        {"top_p": 0.0},
        {"top_p": 1.5},
        {"top_k": 1.5},
        {"top_k": True},
        {"top_k": -1},
        {"repeat_penalty": -1.0},
        {"max_tokens": 0},
        {"max_tokens": 2049},
        {"max_tokens": "120"},
        {"seed": 3},
        {"temprature": 0.7},
    ],
    ids=lambda fields: "-".join(f"{k}={v!r}" for k, v in fields.items()),
)
def test_a_value_of_the_wrong_type_range_or_name_is_refused(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as error:
        Sampling.model_validate(fields)
    assert error.value.errors()[0]["loc"] == (next(iter(fields)),)


@pytest.mark.parametrize(
    ("toml", "field"),
    [
        ("[sampling]\nseed = 3\n", "sampling.seed"),
        ('[sampling]\ntemperature = "hot"\n', "sampling.temperature"),
        ("[sampling]\nmax_tokens = 0\n", "sampling.max_tokens"),
    ],
    ids=["seed-is-not-a-sampling-setting", "string", "out-of-range"],
)
def test_a_bad_sampling_setting_names_the_file_and_field(
    warmnote_home: Path, toml: str, field: str
) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text(toml)
    with pytest.raises(InputError) as error:
        load_settings()
    assert error.value.field == field
    assert str(error.value).startswith(f"{path}: {field}: ")


# --- the seed schedule -------------------------------------------------------------------------

ATTEMPTS = range(1, MAX_ATTEMPTS + 1)
CANDIDATES = range(MAX_CANDIDATES)


def run_seeds(run: int) -> list[int]:
    """Every generation seed of one run: each attempt's each candidate."""
    return [SeedSchedule.generation_seed(run, a, c) for a in ATTEMPTS for c in CANDIDATES]


def test_run_zero_starts_at_zero_and_seeds_are_32_bit() -> None:
    assert SeedSchedule.generation_seed(0) == 0
    assert run_seeds(0) == list(range(MAX_ATTEMPTS * MAX_CANDIDATES))
    assert all(0 <= seed < 2**32 for seed in run_seeds(MAX_SEED))


@given(
    first=st.integers(min_value=0, max_value=MAX_SEED),
    second=st.integers(min_value=0, max_value=MAX_SEED),
)
@example(first=0, second=2**29 // 10)
@example(first=0, second=MAX_SEED)
def test_two_runs_never_share_a_generation_seed(first: int, second: int) -> None:
    check_disjoint_runs(first, second)


def check_disjoint_runs(first: int, second: int) -> None:
    ours, theirs = run_seeds(first), run_seeds(second)
    assert len(set(ours)) == len(ours) == MAX_ATTEMPTS * MAX_CANDIDATES
    if first != second:
        assert not set(ours) & set(theirs)


@pytest.mark.parametrize(
    ("attempt", "candidate"),
    [(0, 0), (MAX_ATTEMPTS + 1, 0), (1, -1), (1, MAX_CANDIDATES), (-3, 2)],
)
def test_an_attempt_or_candidate_out_of_range_is_refused(attempt: int, candidate: int) -> None:
    with pytest.raises(ValueError, match=f"attempt {attempt} / candidate {candidate}"):
        SeedSchedule.generation_seed(0, attempt, candidate)


@pytest.mark.parametrize("run", [-1, MAX_SEED + 1])
def test_a_run_seed_out_of_range_is_refused(run: int) -> None:
    with pytest.raises(ValueError):
        SeedSchedule.generation_seed(run)
