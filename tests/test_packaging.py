"""A normal (non-editable) install ships the built-in rules, packs, examples and suites."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_the_builtin_files(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("warmnote-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("guardrails", "prompts", "evals", "examples"):
        shipped = {n for n in names if n.startswith(f"warmnote/_builtin/{folder}/")}
        on_disk = {
            f"warmnote/_builtin/{folder}/{p.relative_to(ROOT / folder).as_posix()}"
            for p in (ROOT / folder).rglob("*")
            if p.is_file()
        }
        assert on_disk, folder
        assert on_disk <= shipped, on_disk - shipped
    assert "warmnote/tui/app.tcss" in names
