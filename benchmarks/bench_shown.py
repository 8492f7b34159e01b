"""What the app shows over the default path's notes, against what readers did with them (issue 8).

A person trusts "✓ No rule found a problem" and sends the note. For every note of the default
path (the plain note, tidied) that a reader labelled in the held-out readings
(``evals/judged/final-notes-plain-first.jsonl``, pipeline ``plain-tidied``), this checks it as the
Draft screen would today and sorts it by what the screen shows over it:

- clean: the note passes and there is nothing to warn about or left out of the reason;
- warned: it passes, with a warning or a part of the reason it leaves out listed under it;
- refused: a rule refuses it today (the pipeline would have built another note).

The share labelled send among the clean notes is how far the clean ✓ can be trusted. The notes
were built by the code of their day and the rules have since been tuned on these readings, so
this is a figure on data the rules were tuned on.

Run: .venv/bin/python benchmarks/bench_shown.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from warmnote.context import Context
from warmnote.evals.suite import load_suite
from warmnote.guardrails import Guardrails
from warmnote.plain_note import reason_left_out

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("send", "edit", "reject")


def main() -> None:
    guardrails = Guardrails.load()
    contexts: dict[str, dict[str, Context]] = {}
    shown: Counter[tuple[str, str]] = Counter()
    lines = (ROOT / "evals" / "judged" / "final-notes-plain-first.jsonl").read_text("utf-8")
    for line in lines.splitlines():
        row = json.loads(line)
        if row["pipeline"] != "plain-tidied" or row["note"] is None:
            continue
        suite = row["suite"]
        if suite not in contexts:
            cases = load_suite(ROOT / "evals" / suite / f"{suite}.toml").cases
            contexts[suite] = {case.id: case.context for case in cases}
        context = contexts[suite][row["case"]]
        verdict = guardrails.check(row["note"], context)
        if not verdict.passed:
            kind = "refused"
        elif verdict.violations or reason_left_out(context, row["note"]):
            kind = "warned"
        else:
            kind = "clean"
        shown[kind, row["label"]] += 1
    print("| shown | send / edit / reject | send |")
    print("| --- | --- | --- |")
    for kind in ("clean", "warned", "refused"):
        counts = [shown[kind, label] for label in LABELS]
        share = f"{counts[0] / sum(counts):.0%}" if sum(counts) else "n/a"
        print(f"| {kind} | {' / '.join(map(str, counts))} | {share} |")


if __name__ == "__main__":
    main()
