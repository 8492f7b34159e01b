"""How much of what the writer typed for themselves reaches the plain note (issue 8).

``evals/judged/reason-clauses.jsonl`` holds the reasons of held-out sets cut into clauses (at
sentence ends, semicolons, commas, colons and spaced hyphens), each labelled by a reader who saw
only the context: ``say`` (belongs in the note, reworded as needed) or ``self`` (a note to
self: how to write or address them, what to keep back and the thing kept back, private
feelings, gossip, money or family matters, typing corrections). For every case this builds the
plain note as the default path does before the tidy, and counts a clause as in the note when at
least ``--share`` of its content words are (the reader's own name aside, which the greeting has).

Word overlap is a proxy, not a reading: a clause said in other words is missed, and a "self"
clause whose words the note has for another reason counts as leaked. It is cheap, so it can
follow a change across every labelled set; the honest figure is still a blind reading.

Run: .venv/bin/python benchmarks/bench_clause_leaks.py [heldout31 ...] [--cases]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from warmnote.evals.suite import load_suite
from warmnote.guardrails import Guardrails
from warmnote.plain_note import plain_note

ROOT = Path(__file__).resolve().parents[1]
CLAUSES = ROOT / "evals" / "judged" / "reason-clauses.jsonl"
_STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "my",
     "our", "your", "his", "her", "their", "him", "them", "she", "he", "i", "we", "you", "it",
     "its", "is", "was", "are", "be", "been", "me", "us", "that", "this", "so", "just", "not",
     "no", "as", "by", "from", "if", "about", "what", "how", "when"]
)  # fmt: skip


def content(text: str) -> set[str]:
    """The words of ``text`` that carry what it says: small letters, three letters or more."""
    return {w for w in re.findall(r"[\w']+", text.lower()) if w not in _STOP and len(w) > 2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suites", nargs="*", metavar="SUITE", help="default: every labelled set")
    parser.add_argument("--share", type=float, default=0.6)
    parser.add_argument("--cases", action="store_true", help="print each leaked clause")
    args = parser.parse_args()
    rows = [json.loads(line) for line in CLAUSES.read_text(encoding="utf-8").splitlines()]
    by_suite: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if not args.suites or row["suite"] in args.suites:
            by_suite[row["suite"]].append(row)
    if unknown := set(args.suites) - set(by_suite):
        parser.error(f"no labelled clauses for {', '.join(sorted(unknown))} in {CLAUSES}")
    guardrails = Guardrails.load()
    totals = {"self": [0, 0], "say": [0, 0]}
    for suite, clauses in sorted(by_suite.items(), key=lambda item: _number(item[0])):
        cases = {
            c.id: c.context for c in load_suite(ROOT / "evals" / suite / f"{suite}.toml").cases
        }
        notes = {case: content(plain_note(cases[case], guardrails) or "") for case in cases}
        counts = {"self": [0, 0], "say": [0, 0]}  # label -> [clauses, in the note]
        for row in clauses:
            words = content(row["clause"]) - content(cases[row["case"]].recipient.name)
            if not words:
                continue
            said = len(words & notes[row["case"]]) >= args.share * len(words)
            counts[row["label"]][0] += 1
            counts[row["label"]][1] += said
            if said and row["label"] == "self" and args.cases:
                print(f"  {row['case']}: {row['clause']}")
        for label, (n, said) in counts.items():
            totals[label][0] += n
            totals[label][1] += said
        print(f"{suite}: {_line(counts)}")
    print(f"all: {_line(totals)}")


def _number(suite: str) -> int:
    """ "heldout31" -> 31, so the sets print in order (the first, "heldout", is 1)."""
    return int(re.sub(r"\D", "", suite) or 1)


def _line(counts: dict[str, list[int]]) -> str:
    (selfs, leaked), (says, covered) = counts["self"], counts["say"]
    return (
        f"notes to self in the note {leaked} of {selfs} ({leaked / max(selfs, 1):.0%}); "
        f"clauses to say in it {covered} of {says} ({covered / max(says, 1):.0%})"
    )


if __name__ == "__main__":
    main()
