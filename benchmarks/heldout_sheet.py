"""The blind reading of a held-out set: a sheet of its notes, and the labels merged back (issue 8).

``make`` writes the sheet a reader labels and the key that stays with whoever made it. It takes
the model's final notes from ``warmnote eval SUITE --out DIR`` (``DIR/results.jsonl``) and the
plain note with the default path's tidy of it from ``benchmarks/bench_tidy.py SUITE --out
FILE``. For every case the sheet gives the context and then its distinct notes, lettered in an
order shuffled per case, with nothing to say which pipeline wrote which. The key says that.

``merge`` reads the reader's labels, one JSON object per line (``{"case", "letter",
"label"}``, label send, edit or reject), checks that every note of the sheet has exactly one,
and appends a row per pipeline (``model``, ``plain``, ``plain-tidied``) to
``evals/judged/final-notes-plain-first.jsonl``; pipelines that wrote the same note share its
label. It then prints the counts per pipeline.

``clauses`` writes the other sheet, for a reader who sees only the contexts: every reason cut
mechanically into clauses (at sentence ends, semicolons, commas, colons and spaced dashes),
numbered per case. ``merge-clauses`` checks their labels (``{"case", "n", "label"}``, label say
or self), one per clause, and appends them to ``evals/judged/reason-clauses.jsonl``, which
``benchmarks/bench_clause_leaks.py`` reads.

Run:
  .venv/bin/python benchmarks/heldout_sheet.py make heldout55 --eval DIR --tidy FILE
      --sheet SHEET.md --key KEY.json
  .venv/bin/python benchmarks/heldout_sheet.py merge heldout55 --key KEY.json --labels FILE
  .venv/bin/python benchmarks/heldout_sheet.py clauses heldout55 --sheet SHEET.md
  .venv/bin/python benchmarks/heldout_sheet.py merge-clauses heldout55 --labels FILE
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from warmnote.evals.suite import Case, load_suite

ROOT = Path(__file__).resolve().parents[1]
LABELS_FILE = ROOT / "evals" / "judged" / "final-notes-plain-first.jsonl"
CLAUSES_FILE = ROOT / "evals" / "judged" / "reason-clauses.jsonl"
CLAUSE_LABELS = ("say", "self")
_CLAUSE_CUT_RE = re.compile(r"(?<=[.!?])\s+|\s*[;,:]\s+|\s+[—–-]\s+")
PIPELINES = ("model", "plain", "plain-tidied")
LABELS = ("send", "edit", "reject")
_CONTEXT_KEYS = ("scenario", "sender", "recipient", "relationship", "reason")


def _jsonl(path: Path, *keys: str) -> list[dict[str, Any]]:
    """The JSON objects of ``path``, one per line, each with ``keys``; a line naming the place
    of anything else."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        sys.exit(f"{path}: cannot be read ({err})")
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            sys.exit(f"{path}:{number}: not JSON ({err.msg})")
        if not isinstance(row, dict):
            sys.exit(f"{path}:{number}: not a JSON object")
        if missing := [key for key in keys if key not in row]:
            sys.exit(f"{path}:{number}: no {missing[0]!r}")
        rows.append(row)
    return rows


def notes_by_case(eval_dir: Path, tidy_file: Path) -> dict[str, dict[str, str]]:
    """case -> pipeline -> note, from the eval's results and bench_tidy's rows."""
    notes: dict[str, dict[str, str]] = {}
    for row in _jsonl(eval_dir / "results.jsonl"):
        if row.get("kind") == "run" and isinstance(result := row.get("result"), dict):
            notes.setdefault(str(row.get("case")), {})["model"] = str(result.get("text"))
    for row in _jsonl(tidy_file, "case", "plain", "note"):
        notes.setdefault(row["case"], {}).update(
            {"plain": row["plain"], "plain-tidied": row["note"]}
        )
    return notes


def _without_empty(value: object) -> object:
    """``value`` without the empty lists and objects a reader need not wade through."""
    if isinstance(value, dict):
        kept = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ([], {})}
    return value


def _context_block(case: Case) -> str:
    """What the reader sees of a case's context: who, how they know each other, the reason."""
    fields = case.context.model_dump(mode="json", exclude_none=True, include=set(_CONTEXT_KEYS))
    return f"```json\n{json.dumps(_without_empty(fields), ensure_ascii=False, indent=1)}\n```\n"


def _labels(
    path: Path, item: str, sheet: set[tuple[str, Any]], allowed: tuple[str, ...]
) -> dict[tuple[str, Any], str]:
    """A reader's labels, one per line as ``{"case", item, "label"}``, for exactly the items
    on ``sheet``; a wrong, repeated or missing one stops with a line that names it."""
    labels: dict[tuple[str, Any], str] = {}
    for number, row in enumerate(_jsonl(path), 1):
        where = f"{path}:{number}"
        key, label = (str(row.get("case")), row.get(item)), str(row.get("label"))
        if key not in sheet:
            sys.exit(f"{where}: no {item} {key[1]!r} for case {key[0]!r} on the sheet")
        if label not in allowed:
            sys.exit(f"{where}: label {label!r} is not one of {', '.join(allowed)}")
        if key in labels:
            sys.exit(f"{where}: {item} {key[1]} of {key[0]} is labelled twice")
        labels[key] = label
    if missing := sorted(f"{case} {n}" for case, n in sheet - labels.keys()):
        sys.exit(f"{path}: no label for {', '.join(missing)}")
    return labels


def make(args: argparse.Namespace) -> None:
    cases = _suite_cases(args.suite)
    notes = notes_by_case(args.eval, args.tidy)
    sheet = [f"# {args.suite}: {len(cases)} cases\n"]
    key: dict[str, dict[str, list[str]]] = {}
    for case in cases:
        by_pipeline = notes.get(case.id, {})
        texts = list(dict.fromkeys(by_pipeline[p] for p in PIPELINES if p in by_pipeline))
        random.Random(f"{args.suite}/{case.id}").shuffle(texts)
        limit = case.context.max_chars or 300
        sheet.append(f"\n## {case.id}\n\nLimit: {limit} characters.\n{_context_block(case)}")
        key[case.id] = {}
        for letter, text in zip("ABC", texts, strict=False):
            sheet.append(f"\n{letter}. {text}\n")
            key[case.id][letter] = [p for p in PIPELINES if by_pipeline.get(p) == text]
    args.sheet.write_text("".join(sheet), encoding="utf-8")
    args.key.write_text(
        json.dumps({"suite": args.suite, "notes": notes, "key": key}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    print(f"{args.sheet}: {sum(map(len, key.values()))} notes over {len(key)} cases")


def merge(args: argparse.Namespace) -> None:
    try:
        saved = json.loads(args.key.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        sys.exit(f"{args.key}: not a key that 'make' wrote ({err})")
    if not isinstance(saved, dict) or not {"suite", "notes", "key"} <= saved.keys():
        sys.exit(f"{args.key}: not a key that 'make' wrote (no suite, notes and key)")
    if saved["suite"] != args.suite:
        sys.exit(f"{args.key}: the key is for {saved['suite']}, not {args.suite}")
    key: dict[str, dict[str, list[str]]] = saved["key"]
    sheet = {(case, letter) for case, letters in key.items() for letter in letters}
    labels = _labels(args.labels, "letter", sheet, LABELS)
    counts: Counter[tuple[str, str]] = Counter()
    rows = []
    for case, letters in key.items():
        for letter, pipelines in letters.items():
            for pipeline in pipelines:
                note = saved["notes"][case][pipeline]
                rows.append(
                    {
                        "suite": args.suite,
                        "case": case,
                        "pipeline": pipeline,
                        "note": note,
                        "label": labels[case, letter],
                    }
                )
                counts[pipeline, labels[case, letter]] += 1
    with args.into.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    for pipeline in PIPELINES:
        print(
            f"{pipeline:<13} " + ", ".join(f"{counts[pipeline, label]} {label}" for label in LABELS)
        )


def clauses_of(reason: str) -> list[str]:
    """``reason`` cut mechanically into clauses, as the clause readers have always had them."""
    parts = (part.strip().rstrip(".").strip() for part in _CLAUSE_CUT_RE.split(reason))
    return [part for part in parts if part]


def _suite_cases(suite: str) -> tuple[Case, ...]:
    return load_suite(ROOT / "evals" / suite / f"{suite}.toml").cases


def clauses(args: argparse.Namespace) -> None:
    sheet = [f"# {args.suite}: the reasons in clauses\n"]
    count = 0
    for case in _suite_cases(args.suite):
        cut = clauses_of(case.context.reason)
        if not cut:
            continue
        sheet.append(f"\n## {case.id}\n\n{_context_block(case)}\n")
        sheet += [f"{n}. {clause}\n" for n, clause in enumerate(cut, 1)]
        count += len(cut)
    args.sheet.write_text("".join(sheet), encoding="utf-8")
    print(f"{args.sheet}: {count} clauses")


def merge_clauses(args: argparse.Namespace) -> None:
    cut = {case.id: clauses_of(case.context.reason) for case in _suite_cases(args.suite)}
    sheet = {(case, n) for case, cs in cut.items() for n in range(1, len(cs) + 1)}
    labels = _labels(args.labels, "n", sheet, CLAUSE_LABELS)
    rows = [
        {"suite": args.suite, "case": c, "clause": clause, "label": labels[c, n]}
        for c, cs in cut.items()
        for n, clause in enumerate(cs, 1)
    ]
    with args.into.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    counts = Counter(row["label"] for row in rows)
    print(f"{len(rows)} clauses: {counts['say']} say, {counts['self']} self")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    made = verbs.add_parser("make", help="write the sheet and its key")
    made.add_argument("suite")
    made.add_argument("--eval", type=Path, required=True, help="the folder of warmnote eval --out")
    made.add_argument("--tidy", type=Path, required=True, help="the file of bench_tidy.py --out")
    made.add_argument("--sheet", type=Path, required=True)
    made.add_argument("--key", type=Path, required=True)
    merged = verbs.add_parser("merge", help="append the reader's labels to the judged notes")
    merged.add_argument("suite")
    merged.add_argument("--key", type=Path, required=True)
    merged.add_argument("--labels", type=Path, required=True)
    merged.add_argument("--into", type=Path, default=LABELS_FILE, help="default: %(default)s")
    cut = verbs.add_parser("clauses", help="write the sheet of the reasons in clauses")
    cut.add_argument("suite")
    cut.add_argument("--sheet", type=Path, required=True)
    cut_merged = verbs.add_parser("merge-clauses", help="append the clause labels")
    cut_merged.add_argument("suite")
    cut_merged.add_argument("--labels", type=Path, required=True)
    cut_merged.add_argument("--into", type=Path, default=CLAUSES_FILE, help="default: %(default)s")
    args = parser.parse_args()
    {"make": make, "merge": merge, "clauses": clauses, "merge-clauses": merge_clauses}[args.verb](
        args
    )


if __name__ == "__main__":
    main()
