"""Import speed: ``warmnote history import Connections.csv`` with 5,000 connections.

The file is generated here the way LinkedIn writes it: the "Notes:" preamble, the header, then
one row per connection with dates like "08 Feb 2026", some e-mail addresses and companies empty,
commas and quotes inside positions. Each run is a whole process in a new ``WARMNOTE_HOME`` (a
new history file), process start included; then the same file is imported again into the same
history (nothing new: every row is a duplicate). Median of ``--runs`` runs (issue 11: <= 2 s).

Run: .venv/bin/python benchmarks/bench_import.py [--rows 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARMNOTE = [sys.executable, "-m", "warmnote"]

FIRST = ["Priya", "Tomás", "Wei", "Amara", "Łukasz", "Chloé", "José", "Sofia", "Noor", "Дмитрий"]
LAST = ["Raman", "Herrera", "Zhang", "Nwosu", "Nowak", "Martin", "Álvarez", "Lindqvist", "Haddad"]
COMPANIES = ["Zalmora", "Vela Health", "Helixa", "Lumen Bank", "Kestrel Energy", "Mosaic", ""]
POSITIONS = ["Head of Data, EMEA", 'Staff Engineer ("Platform")', "Recruiter", "CTO", ""]
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address using this setting."\n\n'
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


def write_connections(path: Path, rows: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(PREAMBLE)
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            slug = f"{first}-{last}-{index}".casefold()
            day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
            email = f"{slug}@example.com" if rng.random() < 0.2 else ""
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/{slug}",
                    email,
                    rng.choice(COMPANIES),
                    rng.choice(POSITIONS),
                    day.strftime("%d %b %Y"),
                ]
            )


def timed_import(path: Path, home: Path) -> float:
    env = {**os.environ, "WARMNOTE_HOME": str(home)}
    started = time.perf_counter()
    subprocess.run(
        [*WARMNOTE, "history", "import", str(path)], env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        csv_path = Path(scratch) / "Connections.csv"
        write_connections(csv_path, args.rows)
        first, again = [], []
        for run in range(args.runs):
            home = Path(scratch) / f"home-{run}"
            first.append(timed_import(csv_path, home))
            again.append(timed_import(csv_path, home))
        size = csv_path.stat().st_size
    print(f"{args.rows} connections ({size / 1e6:.2f} MB), {args.runs} runs, whole process:")
    print(f"  new history:   median {statistics.median(first):.2f} s  ({_runs(first)})")
    print(f"  same file again: median {statistics.median(again):.2f} s  ({_runs(again)})")


def _runs(values: list[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


if __name__ == "__main__":
    main()
