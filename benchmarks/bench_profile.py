"""Profile reading (issue 11): parse time, field accuracy, and paste to filled form in the app.

- parse: every copied-page fixture in ``tests/data/profiles`` and every PDF fixture (built with
  the tests' fpdf2 writer), read ``--repeats`` times each; median and worst per file kind
  (target: 100 ms).
- accuracy: fields right over all fixtures, as the tests score them (target: 95%).
- app: the terminal app runs headless with a scripted model; the profile is pasted into the
  "Paste profile" dialog and accepted with ctrl+s as soon as its fields show; timed from the
  paste to the recipient's name in the Compose form (target: 1 s), for a few fixtures.

Run: .venv/bin/python benchmarks/bench_profile.py [--repeats 50]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from warmnote.profiles import Profile, read_profile
from warmnote.profiles.accuracy import field_hits

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "tests" / "data" / "profiles"
APP_FIXTURES = ("en_streaming_engineer", "en_creator_mode", "de_data_scientist", "en_arabic_name")


def pdf_builder() -> Callable[[dict[str, Any], Path], Path]:
    """The tests' LinkedIn-style PDF writer (fpdf2 is a dev dependency)."""
    spec = importlib.util.spec_from_file_location(
        "profile_pdfs", ROOT / "tests/test_profile_pdf.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    build: Callable[[dict[str, Any], Path], Path] = module.build_pdf
    return build


def timed(path: Path, repeats: int) -> tuple[list[float], Profile]:
    times: list[float] = []
    profile = read_profile(path)
    for _ in range(repeats):
        start = time.perf_counter()
        profile = read_profile(path)
        times.append((time.perf_counter() - start) * 1000)
    return times, profile


def bench_parse(repeats: int, folder: Path) -> None:
    build = pdf_builder()
    kinds: dict[str, list[tuple[Path, Path]]] = {
        "page text": [(p, p.with_suffix(".json")) for p in sorted(PROFILES.glob("*.txt"))],
        "PDF": [
            (
                build(json.loads(p.read_text(encoding="utf-8")), folder / f"{p.stem}.pdf"),
                p.with_name(p.name.replace(".layout.json", ".json")),
            )
            for p in sorted((PROFILES / "pdf").glob("*.layout.json"))
        ],
    }
    all_hits: list[bool] = []
    for kind, files in kinds.items():
        medians: list[float] = []
        hits: list[bool] = []
        worst = 0.0
        for source, expected in files:
            times, profile = timed(source, repeats)
            medians.append(statistics.median(times))
            worst = max(worst, *times)
            hits += field_hits(profile, json.loads(expected.read_text(encoding="utf-8"))).values()
        all_hits += hits
        print(
            f"{kind:10} {len(files):3} files: parse median {statistics.median(medians):.2f} ms, "
            f"slowest file median {max(medians):.2f} ms, worst single {worst:.2f} ms; "
            f"fields right {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.1%}"
        )
    print(
        f"all fixtures: fields right {sum(all_hits)}/{len(all_hits)} = "
        f"{sum(all_hits) / len(all_hits):.1%}"
    )


async def paste_to_form(name: str) -> tuple[float, float]:
    """(wall, CPU) seconds from the paste to the name in the form."""
    from textual import events

    from warmnote.drafter import ScriptedDrafter
    from warmnote.tui.app import WarmnoteApp
    from warmnote.tui.screens.paste_profile import PasteProfileScreen

    text = (PROFILES / f"{name}.txt").read_text(encoding="utf-8")
    want = json.loads((PROFILES / f"{name}.json").read_text(encoding="utf-8"))["name"]
    app = WarmnoteApp(drafter_factory=lambda: ScriptedDrafter(["Hi"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+o")
        while not isinstance(app.screen, PasteProfileScreen):
            await pilot.pause(0)
        dialog = app.screen
        start, cpu = time.perf_counter(), time.process_time()
        app.post_message(events.Paste(text))
        while dialog.profile is None:
            await pilot.pause(0)
        app.simulate_key("ctrl+s")  # as typed; the pilot's press also waits for idleness
        while app.compose_screen.values()["recipient-name"] != want:
            await pilot.pause(0)
        return time.perf_counter() - start, time.process_time() - cpu


def bench_app() -> None:
    seconds: list[tuple[float, float]] = []
    for name in APP_FIXTURES:
        with tempfile.TemporaryDirectory() as home:  # no autosave from the run before
            os.environ["WARMNOTE_HOME"] = home
            seconds.append(asyncio.run(paste_to_form(name)))
    wall = ", ".join(f"{w * 1000:.0f}" for w, _ in seconds)
    cpu = ", ".join(f"{c * 1000:.0f}" for _, c in seconds)
    print(
        f"app: paste to filled form {wall} ms wall (max {max(seconds)[0] * 1000:.0f}); "
        f"CPU {cpu} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["WARMNOTE_HOME"] = home
        bench_parse(args.repeats, Path(home))
        bench_app()


if __name__ == "__main__":
    main()
