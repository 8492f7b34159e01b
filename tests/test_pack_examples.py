"""Every worked example in a built-in pack is itself a note the guardrails accept."""

from __future__ import annotations

import pytest

from warmnote.guardrails import Guardrails
from warmnote.packs import get_pack, list_packs

GUARDRAILS = Guardrails.load()
EXAMPLES = [
    pytest.param(info.name, index, id=f"{info.name}[{index}]")
    for info in list_packs()
    for index in range(len(get_pack(info.name).examples))
]


@pytest.mark.parametrize(("pack_name", "index"), EXAMPLES)
def test_pack_example_note_passes_its_own_context(pack_name: str, index: int) -> None:
    example = get_pack(pack_name).examples[index]
    verdict = GUARDRAILS.check(example.note, example.context)
    assert verdict.passed, [v.message for v in verdict.errors]
