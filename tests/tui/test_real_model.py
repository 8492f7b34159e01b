"""End to end inside the app with the real default model: compose, draft, a passing note."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import SIZE, fill_context, settle, wait_until

from warmnote.context import Context
from warmnote.modelfile import DEFAULT_MODEL
from warmnote.tui.app import WarmnoteApp

MODEL_LOAD_SECONDS = 120
ATTEMPT_RUNS = 3
"""A person regenerates when a run spends its attempts; the test allows the same."""


@pytest.mark.model
async def test_the_real_model_drafts_a_passing_note_in_the_app(
    real_model_path: Path, monkeypatch: pytest.MonkeyPatch, example_context: Context
) -> None:
    monkeypatch.setenv("WARMNOTE_MODEL", str(real_model_path))
    app = WarmnoteApp()  # the default factory: settings -> LlamaDrafter -> load in a thread
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.model_state != "loading", MODEL_LOAD_SECONDS)
        assert app.model_state == "ready", app.model_status
        assert app.model_status == f"model ready: {real_model_path.name}"

        await fill_context(pilot, example_context)
        await pilot.press("ctrl+g")  # the plain note, tidied by the model; then its wording
        await settle(pilot)
        screen = app.draft_screen
        assert screen.result is not None and screen.result.provenance.origin == "plain"
        assert screen.result.provenance.tidy in {"tidied", "unchanged", "refused"}
        for _ in range(ATTEMPT_RUNS):
            await pilot.press("ctrl+r")
            await settle(pilot)
            if screen.result is not None and screen.result.passed:
                break
        result = screen.result
        assert result is not None
        assert result.passed, [v.message for v in result.violations]
        assert screen.editor.text == result.text
        assert screen.verdict is not None and screen.verdict.passed
        assert "Tomás" in result.text
        assert result.provenance.model_sha256 == DEFAULT_MODEL.sha256
        assert all(speed > 0 for speed in result.provenance.tokens_per_second)
