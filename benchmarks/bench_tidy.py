"""What the model's tidy does to the plain notes of a suite, and what it costs (issue 8).

For every case of each suite: the plain note as the code builds it now, the session's tidy of it
with the default model (loaded once), the outcome (tidied, unchanged, refused), the words it took
out and the seconds it took; the latest label a reader gave that exact plain note, if any
(``evals/judged/final-notes-plain-first.jsonl``, plain pipelines), so the outcomes can be counted
by label. A note nobody read counts under "unread".

Run: .venv/bin/python benchmarks/bench_tidy.py heldout27 [heldout26 ...] [--out FILE.jsonl]
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter
from pathlib import Path

from warmnote.evals.suite import load_suite
from warmnote.packs import get_pack
from warmnote.pipeline import plain_first
from warmnote.session import open_session
from warmnote.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "evals" / "judged" / "final-notes-plain-first.jsonl"


def suite_path(suite: str) -> Path:
    return ROOT / "evals" / ("default.toml" if suite == "default" else f"{suite}/{suite}.toml")


def plain_labels() -> dict[tuple[str, str, str], str]:
    """(suite, case, note) -> the label of that plain note's latest reading."""
    labels: dict[tuple[str, str, str], str] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["pipeline"].startswith("plain") and row["note"]:
            labels[(row["suite"], row["case"], row["note"])] = row["label"]
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suites", nargs="+", metavar="SUITE")
    parser.add_argument("--out", type=Path, help="one JSON line per case")
    args = parser.parse_args()
    settings = load_settings().model_copy(update={"tidy": True})
    session = open_session(settings)
    labels = plain_labels()
    counts: Counter[tuple[str, str]] = Counter()
    seconds: list[float] = []
    rows = []
    for suite in args.suites:
        for case in load_suite(suite_path(suite)).cases:
            context = settings.with_limit(case.context)
            request = session.request(context, get_pack(context.scenario), plain_first=True)
            plain = plain_first(request, session.guardrails)
            if plain is None:
                continue  # nothing to build a plain note on: the model would draft
            before = plain.text
            tidied = session.tidy(plain, context)
            label = labels.get((suite, case.id, before), "unread")
            outcome: str = tidied.provenance.tidy or "off"
            counts[(label, outcome)] += 1
            seconds.append(tidied.provenance.tidy_seconds)
            removed = [item.text for item in tidied.left_out if item.why == "tidied"]
            rows.append(
                {
                    "suite": suite,
                    "case": case.id,
                    "label": label,
                    "plain": before,
                    "note": tidied.text,
                    "tidy": outcome,
                    "removed": removed,
                    "seconds": tidied.provenance.tidy_seconds,
                }
            )
            if removed:
                print(f"{case.id} ({label}): took out {' | '.join(removed)}")
    print("\nlabel of the plain note  outcome    notes")
    for (read, done), count in sorted(counts.items()):
        print(f"{read:<24} {done:<10} {count}")
    if seconds:
        print(
            f"\ntidy seconds: median {statistics.median(seconds):.2f}, "
            f"{min(seconds):.2f}-{max(seconds):.2f}, {len(seconds)} notes"
        )
    if args.out:
        args.out.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
