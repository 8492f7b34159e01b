"""Batch throughput of the real command: ``warmnote check --jsonl FILE``, process start included.

Every line brings its own context (the worst case for the per-context cache): the 47 contexts of
evals/contexts.jsonl, each copy with its own names, company and numbers, and a note written from
that context (good notes and notes that break a rule). The whole process is timed, median of
``--runs`` runs (issue 10: >= 3,000 notes/s).

Run: .venv/bin/python benchmarks/bench_check_jsonl.py [--notes 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONTEXTS = ROOT / "evals" / "contexts.jsonl"

FIRST = ["Priya", "Tomás", "Wei", "Amara", "Łukasz", "Chloé", "José", "Sofia", "Noor", "Дмитрий"]
LAST = ["Raman", "Herrera", "Zhang", "Nwosu", "Nowak", "Martin", "Álvarez", "Lindqvist", "Haddad"]
COMPANIES = ["Zalmora", "Vela Health", "Helixa", "Lumen Bank", "Kestrel Energy", "Mosaic"]

NOTES = [
    "Hi {first}, I enjoyed your work on {topic} at {company}. I'd love to keep comparing notes "
    "and hear how your team handles it.",
    "{first}, your post on {topic} changed how we work. Would love to follow your writing and "
    "swap ideas sometime 🙌",
    "Hi {first}! I’d love to stay in touch and learn how {company} approaches {topic}.",
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi {first}, great meeting you at KubeCon last March!!! Can we book a demo? See corvid.dev",
    "Hi [First Name], I would like to expand my network with {topic} people like you.",
]


def _topic(context: dict[str, Any]) -> str:
    rel, rec = context["relationship"], context["recipient"]
    for candidates in (rel.get("shared_interests"), rec.get("skills")):
        if candidates:
            return str(candidates[0])
    return "your field"


def make_line(base: dict[str, Any], number: int, rng: random.Random) -> str:
    """One batch line: ``base`` made distinct (names, company, numbers) with a note for it."""
    context = json.loads(json.dumps(base))
    context["id"] = f"{base['id']}-{number}"
    rec = context["recipient"]
    rec["name"] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    rec["company"] = f"{rng.choice(COMPANIES)} {number}"
    rec["headline"] = f"{rec.get('headline') or 'Lead'}, team {number}"
    context["sender"]["name"] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    context["reason"] = f"{context['reason']} (project {number})"
    fields = {"first": rec["name"].split()[0], "topic": _topic(context), "company": rec["company"]}
    note = rng.choice(NOTES).format(**fields)
    return json.dumps({"id": number, "text": note, "context": context}, ensure_ascii=False)


def write_batch(path: Path, count: int, seed: int = 10) -> None:
    rng = random.Random(seed)
    bases = [json.loads(line) for line in CONTEXTS.read_text("utf-8").splitlines() if line]
    lines = [make_line(bases[i % len(bases)], i, rng) for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_once(path: Path, count: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one ``warmnote check --jsonl`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "warmnote", "check", "--jsonl", str(path)],
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1) or result.stdout.count(b"\n") != count:
        raise SystemExit(f"warmnote check failed ({result.returncode}): {result.stderr[-500:]!r}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        write_batch(path, args.notes)
        runs = [run_once(path, args.notes) for _ in range(args.runs)]
    wall = statistics.median(seconds for seconds, _ in runs)
    cpu = statistics.median(cpu for _, cpu in runs)
    print(
        f"check --jsonl: {args.notes / wall:.0f} notes/s ({args.notes} notes, each with its own "
        f"context; median of {args.runs} runs: {wall:.2f} s wall, {cpu:.2f} s CPU; runs: "
        + ", ".join(f"{seconds:.2f}" for seconds, _ in runs)
        + " s)"
    )


if __name__ == "__main__":
    main()
