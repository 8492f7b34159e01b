"""Write docs/screenshot.svg: the Draft screen for the bundled example, drafted by a scripted model.

Run from the repository root: ``.venv/bin/python scripts/screenshot.py``. It uses a throw-away
WARMNOTE_HOME, so your own history, autosave and sender details are neither read nor touched.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING
from unittest.mock import patch

if TYPE_CHECKING:
    from warmnote.context import Context
    from warmnote.tui.app import WarmnoteApp

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshot.svg"
SIZE = (120, 30)
NOTE = (
    "Hi Tomás, I enjoyed talking after your PyData Lisbon talk on backpressure in Kafka "
    "consumers. I'd love to keep learning from how your team handles it."
)


async def capture() -> None:
    from warmnote import pipeline
    from warmnote.context import load_context
    from warmnote.drafter import ScriptedDrafter
    from warmnote.tui.app import WarmnoteApp

    context = load_context(ROOT / "examples" / "event_followup.json")
    app = WarmnoteApp(drafter_factory=lambda: ScriptedDrafter([NOTE]))
    # A scripted model finishes in microseconds; pin the clock so the stamp reads the same.
    clock = SimpleNamespace(perf_counter=lambda: 0.0)
    with patch.object(pipeline, "time", clock):
        await _draft(app, context)


async def _draft(app: WarmnoteApp, context: Context) -> None:
    from warmnote.tui.form import context_values

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        values, extra = context_values(context)
        app.compose_screen.set_values(dict(values), extra)
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=OUTPUT.name, path=str(OUTPUT.parent))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="warmnote-screenshot-") as home:
        os.environ["WARMNOTE_HOME"] = home
        asyncio.run(capture())
    print(f"wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
