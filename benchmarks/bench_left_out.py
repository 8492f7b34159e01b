"""Does what the plain note leaves out of the reason tell a note to send from one to check?
(issue 8)

For every plain note a reader labelled (``evals/judged/final-notes-plain-first.jsonl``) that the
code still writes word for word, this groups the labels by what ``reason_left_out`` lists
beside the note: nothing, only notes to self, or a part no sentence was made of or a sentence
cut to fit. Labels of first (unseen) readings and of re-readings after tuning are counted apart;
a note read twice counts once per reading. Notes the code now writes differently are left out
(they were not read), so the figures describe the notes the code still writes.

Run: .venv/bin/python benchmarks/bench_left_out.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from warmnote.context import Context
from warmnote.evals.suite import load_suite
from warmnote.guardrails import Guardrails
from warmnote.plain_note import plain_note, reason_left_out

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("send", "edit", "reject")
GROUPS = ("nothing", "notes to self only", "unread or cut")


def suite_path(suite: str) -> Path:
    return ROOT / "evals" / ("default.toml" if suite == "default" else f"{suite}/{suite}.toml")


def group(context: Context, note: str) -> str:
    kinds = {item.why for item in reason_left_out(context, note)}
    if not kinds:
        return GROUPS[0]
    # a link, and money a note to self keeps out, are left out as a note to self is: by design,
    # whatever the note says
    return GROUPS[1] if kinds <= {"note_to_self", "link", "kept_out"} else GROUPS[2]


def main() -> None:
    guardrails = Guardrails.load()
    contexts: dict[str, dict[str, Context]] = {}
    counts: dict[str, Counter[tuple[str, str]]] = {"unseen": Counter(), "tuned": Counter()}
    written = read = 0
    for line in (ROOT / "evals/judged/final-notes-plain-first.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["pipeline"] != "plain" or row["note"] is None or row["suite"].endswith("-look"):
            continue  # held-out 15's second reading beside the notes after a look: not counted
        suite = row["suite"].removesuffix("-reread")
        if suite not in contexts:
            cases = load_suite(suite_path(suite)).cases
            contexts[suite] = {case.id: case.context for case in cases}
        context = contexts[suite][row["case"]]
        read += 1
        if plain_note(context, guardrails) != row["note"]:
            continue
        written += 1
        # the bundled suite and held-out 1 and 2 were read after tuning; see the README
        first = suite.startswith("heldout") and suite not in ("heldout", "heldout2")
        reading = "unseen" if first and not row["suite"].endswith("-reread") else "tuned"
        counts[reading][(group(context, row["note"]), row["label"])] += 1
    print(f"{written} of {read} labelled plain notes are still written word for word")
    for reading, counter in counts.items():
        print(f"\n{reading} readings:")
        for name in GROUPS:
            by_label = [counter[(name, label)] for label in LABELS]
            total = sum(by_label)
            share = f"{by_label[0] / total:.0%}" if total else "-"
            cells = " / ".join(map(str, by_label))
            print(f"  {name:<20} send / edit / reject {cells:<12} send {share} of {total}")


if __name__ == "__main__":
    main()
