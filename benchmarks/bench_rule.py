"""Does a rule find notes not to send? (issue 8)

For every labelled note, whether the rule (``--rule``, default ``reason_kept``) finds it and how
a reader labelled it:

- the final notes of the held-out readings (``evals/judged/final-notes-plain-first.jsonl``,
  plain and model notes apart; a note read twice counts once), held-out 1-10 together and each
  later set apart: ``reason_kept``'s thresholds were set on held-out 1-10 and never changed
  after;
- the drafts of the judged corpus (``evals/judged/drafts.jsonl``) that every other rule passes,
  since only a passing note can mislead;
- the good human-written notes of ``tests/data`` (found ones are false alarms).

Run: .venv/bin/python benchmarks/bench_rule.py [--rule notes_to_self] [--finding "the writer"]
(``--finding`` counts only the findings whose message holds the text: one part of a rule.)
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import Counter
from pathlib import Path

from warmnote.context import Context
from warmnote.evals.judged import load_corpus
from warmnote.evals.suite import load_suite
from warmnote.guardrails import Guardrails

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "evals" / "judged"
LABELS = ("send", "edit", "reject")


def suite_path(suite: str) -> Path:
    name = suite.removesuffix("-reread")
    return ROOT / "evals" / ("default.toml" if name == "default" else f"{name}/{name}.toml")


def final_notes() -> list[tuple[str, str, Context, str, str]]:
    """(suite, pipeline, context, note, label) per distinct note of the held-out readings."""
    contexts: dict[str, dict[str, Context]] = {}
    seen: set[tuple[str, str, str, str]] = set()
    rows = []
    for line in (JUDGED / "final-notes-plain-first.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        suite, pipeline = (
            row["suite"].removesuffix("-reread").removesuffix("-look"),
            row["pipeline"],
        )
        if suite == "default" or pipeline not in ("plain", "model") or row["note"] is None:
            continue  # (None: no plain note could be made)
        if (key := (suite, pipeline, row["case"], row["note"])) in seen:
            continue
        seen.add(key)
        if suite not in contexts:
            cases = load_suite(suite_path(suite)).cases
            contexts[suite] = {case.id: case.context for case in cases}
        rows.append((suite, pipeline, contexts[suite][row["case"]], row["note"], row["label"]))
    return rows


def good_notes() -> list[tuple[str, Context]]:
    """The good notes of tests/data with their contexts (the fluency notes carry their own)."""
    data = ROOT / "tests" / "data"
    shared = tomllib.loads((data / "guardrail_contexts.toml").read_text("utf-8"))
    notes = []
    for name in ("guardrail_notes.toml", "fluency_notes.toml"):
        labelled = tomllib.loads((data / name).read_text("utf-8"))
        contexts = {**shared, **labelled.get("contexts", {})}
        for note in labelled["good"]:
            if "context" in note:
                context = Context.model_validate(contexts[note["context"]])
                notes.append((note["text"], context))
    return notes


def found(guardrails: Guardrails, rule: str, text: str, context: Context, part: str = "") -> bool:
    """Whether the rule finds the note (only by findings whose message holds ``part``)."""
    return any(
        v.rule == rule and part in v.message for v in guardrails.check(text, context).violations
    )


def held_out(suite: str) -> str:
    number = int(suite.removeprefix("heldout") or 1)
    return "held-out 1-10" if number <= 10 else f"held-out {number}"


def line(name: str, counts: Counter[tuple[bool, str]]) -> str:
    def cells(hit: bool) -> str:
        total = sum(counts[(hit, label)] for label in LABELS)
        share = f"{counts[(hit, 'send')] / total:.0%}" if total else "n/a"
        return " / ".join(str(counts[(hit, label)]) for label in LABELS) + f" ({share} send)"

    return f"| {name} | {cells(True)} | {cells(False)} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rule", default="reason_kept", help="the rule id (default reason_kept)")
    parser.add_argument(
        "--finding", default="", help="count only findings whose message holds this text"
    )
    args = parser.parse_args()
    rule, part = args.rule, args.finding
    guardrails = Guardrails.load()
    tables: dict[str, Counter[tuple[bool, str]]] = {}
    for suite, pipeline, context, text, label in final_notes():
        group = f"{pipeline} final notes, {held_out(suite)}"
        hit = found(guardrails, rule, text, context, part)
        tables.setdefault(group, Counter())[(hit, label)] += 1
    drafts: Counter[tuple[bool, str]] = Counter()
    for note in load_corpus(JUDGED / "drafts.jsonl"):
        assert note.context is not None
        verdict = guardrails.check(note.text, note.context)
        mine = [v for v in verdict.violations if v.rule == rule and part in v.message]
        if all(v in mine for v in verdict.errors):  # the findings counted aside
            drafts[(bool(mine), note.label)] += 1
    tables["drafts of the judged corpus the other rules pass"] = drafts
    print("| notes | found: send / edit / reject | not found: send / edit / reject |")
    print("| --- | --- | --- |")
    for name in sorted(tables):
        print(line(name, tables[name]))
    good = good_notes()
    alarms = sum(found(guardrails, rule, text, context, part) for text, context in good)
    print(f"\ngood notes in tests/data found: {alarms} of {len(good)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
