"""Every worked example in a built-in pack is itself a note the built-in guardrails accept."""

from __future__ import annotations

import pytest

from warmnote import locations
from warmnote.guardrails import Guardrails
from warmnote.packs import PackExample, load_pack_file

# Read from the built-in folder itself: collection runs before WARMNOTE_HOME points at a temp
# dir, and the user's own packs must neither be read nor stand in for the built-ins here.
BUILTIN_PACKS = [
    load_pack_file(path) for path in sorted(locations.builtin_dir("prompts").glob("*.toml"))
]
EXAMPLES = [
    pytest.param(example, id=f"{pack.name}[{index}]")
    for pack in BUILTIN_PACKS
    for index, example in enumerate(pack.examples)
]


@pytest.mark.parametrize("example", EXAMPLES)
def test_pack_example_note_passes_its_own_context(
    guardrails: Guardrails, example: PackExample
) -> None:
    verdict = guardrails.check(example.note, example.context)
    assert verdict.passed, [v.message for v in verdict.errors]
