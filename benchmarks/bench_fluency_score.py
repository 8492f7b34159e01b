"""Does the model's own surprise at a note tell a broken note from one to send? (issue 8, part 4)

The fluency rule is a pattern list; the other signal the issue names is the model's
log-probability of the note's tokens. This scores every labelled note of the judged corpora with
the default model as the reply to a short prompt holding the note's own context (the pack's
context message, so names and facts the context gives are expected and what it does not give
is surprising), one short prefill per note, the context's part reused for its other notes:

- what scoring costs per note on this machine;
- for each score, the pass precision and recall of the rules on the judged corpus
  (``evals/judged/drafts.jsonl``) if notes scoring below a threshold were rejected too, at the
  threshold that keeps recall at 90% or more;
- the same for the final notes of the plain-first reading (``final-notes-plain-first.jsonl``),
  where every plain note passes by construction and only such a signal could catch a broken one.

The scores (features of the note's token log-probabilities, given the context):
- ``mean``: mean log-probability per token;
- ``min``: the least likely token's log-probability;
- ``low2``: the mean of the two least likely tokens (one odd name is not a broken sentence).

Run: .venv/bin/python benchmarks/bench_fluency_score.py [--limit N] [--out scores.jsonl]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import llama_cpp
import numpy as np

from warmnote.context import Context
from warmnote.evals.judged import load_corpus
from warmnote.evals.suite import load_suite
from warmnote.guardrails import Guardrails
from warmnote.llama import physical_cores
from warmnote.packs import get_pack, render_messages
from warmnote.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "evals" / "judged"
SUITES = {
    "default": ROOT / "evals" / "default.toml",
    "heldout": ROOT / "evals" / "heldout" / "heldout.toml",
    "heldout2": ROOT / "evals" / "heldout2" / "heldout2.toml",
    "heldout3": ROOT / "evals" / "heldout3" / "heldout3.toml",
    "heldout4": ROOT / "evals" / "heldout4" / "heldout4.toml",
}
SYSTEM = (
    "You write short, warm LinkedIn connection notes in the sender's voice, to the recipient. "
    "Say only what the context supports."
)
MIN_RECALL = 0.90
SCORES = ("mean", "min", "low2")


@llama_cpp.llama_log_callback  # type: ignore[untyped-decorator]
def _quiet(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
    """llama.cpp's load log would bury the table."""


@dataclass(frozen=True)
class Scored:
    corpus: str
    text: str
    label: str
    passed: bool
    scores: dict[str, float]


class Scorer:
    """The note's token log-probabilities after its context's prompt; the prompt's tokens stay
    in the KV cache, so the next note of the same context costs only its own tokens."""

    def __init__(self, model: Path, threads: int) -> None:
        llama_cpp.llama_log_set(_quiet, ctypes.c_void_p())
        self.llama = llama_cpp.Llama(
            model_path=str(model),
            n_ctx=1024,
            n_threads=threads,
            n_threads_batch=threads,
            logits_all=True,
            verbose=False,
        )
        self.held: list[int] = []

    def score(self, context: Context, text: str) -> dict[str, float]:
        llama = self.llama
        prompt = prompt_text(context)
        prefix = llama.tokenize(prompt.encode(), add_bos=False, special=True)
        tokens = llama.tokenize(text.encode(), add_bos=False, special=False)[:300]
        if prefix != self.held:
            llama.reset()  # type: ignore[no-untyped-call]
            llama.eval(prefix)
            self.held = prefix
        llama.n_tokens = len(prefix)  # drop the last note, keep its context
        llama.eval(tokens)
        start = len(prefix) - 1  # the row whose logits predict the note's first token
        logits = np.asarray(llama.scores[start : start + len(tokens)], dtype=np.float64)
        peak = logits.max(axis=1, keepdims=True)
        log_norm = peak[:, 0] + np.log(np.exp(logits - peak).sum(axis=1))
        logprobs = logits[np.arange(len(tokens)), tokens] - log_norm
        ordered = np.sort(logprobs)
        return {
            "mean": float(logprobs.mean()),
            "min": float(ordered[0]),
            "low2": float(ordered[:2].mean()),
        }


def prompt_text(context: Context) -> str:
    """Qwen2.5's chat format: a short system prompt, the pack's context message, the reply."""
    user = render_messages(get_pack(context.scenario), context)[-1].content
    return (
        f"<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n"
        "<|im_start|>assistant\n"
    )


def judged_notes(guardrails: Guardrails) -> list[tuple[str, Context, str, str, bool]]:
    """(corpus, context, text, label, passes the rules) for both judged corpora."""
    rows: list[tuple[str, Context, str, str, bool]] = []
    for note in load_corpus(JUDGED / "drafts.jsonl"):
        assert note.context is not None, "every note of the bundled corpus has its context"
        passed = guardrails.check(note.text, note.context).passed
        rows.append(("drafts", note.context, note.text, note.label, passed))
    contexts: dict[tuple[str, str], Context] = {}
    for suite, path in SUITES.items():
        for case in load_suite(path).cases:
            contexts[(suite, case.id)] = case.context
    for line in (JUDGED / "final-notes-plain-first.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["pipeline"] not in ("plain", "model") or row["note"] is None:
            continue
        context = contexts.get((row["suite"], row["case"]))
        if context is None:
            continue  # a suite SUITES does not score
        passed = guardrails.check(row["note"], context).passed
        rows.append((f"final-{row['pipeline']}", context, row["note"], row["label"], passed))
    return rows


def figures(rows: Sequence[Scored], score: str | None, threshold: float) -> tuple[float, float]:
    """Pass precision and recall if notes scoring below ``threshold`` were rejected as well."""
    passing = [r for r in rows if r.passed and (score is None or r.scores[score] >= threshold)]
    sends = [r for r in rows if r.label == "send"]
    precision = sum(r.label == "send" for r in passing) / len(passing) if passing else 0.0
    recall = sum(r in passing for r in sends) / len(sends) if sends else 0.0
    return precision, recall


def best_threshold(rows: Sequence[Scored], score: str) -> tuple[float, float, float, int]:
    """The threshold with the best precision that keeps recall ≥ MIN_RECALL of the rules'."""
    _, base_recall = figures(rows, None, 0.0)
    floor = min(MIN_RECALL, base_recall)
    best = (float("-inf"), *figures(rows, None, 0.0), 0)
    for threshold in sorted({r.scores[score] for r in rows}):
        precision, recall = figures(rows, score, threshold)
        if recall < floor:
            break
        dropped = sum(r.passed and r.scores[score] < threshold for r in rows)
        if precision > best[1]:
            best = (threshold, precision, recall, dropped)
    return best


def separation(rows: Sequence[Scored], score: str) -> float:
    """The chance that a send note scores above a note that is not (ROC AUC; 0.5 is chance)."""
    sends = [r.scores[score] for r in rows if r.label == "send"]
    others = [r.scores[score] for r in rows if r.label != "send"]
    if not sends or not others:
        return float("nan")
    wins = sum((s > o) + 0.5 * (s == o) for s in sends for o in others)
    return wins / (len(sends) * len(others))


def report(name: str, rows: Sequence[Scored]) -> None:
    precision, recall = figures(rows, None, 0.0)
    print(
        f"\n{name}: {len(rows)} notes, rules alone: precision {precision:.1%}, recall {recall:.1%}"
    )
    print("  score  median(send / edit / reject)   AUC   threshold  precision  recall  dropped")
    for score in SCORES:
        medians = [
            statistics.median([r.scores[score] for r in rows if r.label == label] or [0.0])
            for label in ("send", "edit", "reject")
        ]
        threshold, best_p, best_r, dropped = best_threshold(rows, score)
        print(
            f"  {score:5}  {medians[0]:7.2f} / {medians[1]:7.2f} / {medians[2]:7.2f}"
            f"  {separation(rows, score):5.2f}  {threshold:9.2f}  {best_p:9.1%}  {best_r:6.1%}"
            f"  {dropped:7}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N notes")
    parser.add_argument("--out", type=Path, default=None, help="write every score as JSON lines")
    args = parser.parse_args(argv)

    settings = load_settings()
    rows = judged_notes(Guardrails.load())[: args.limit]
    started = time.perf_counter()
    scorer = Scorer(settings.resolved_model_path(), settings.threads or physical_cores())
    loaded = time.perf_counter() - started
    scored: list[Scored] = []
    times: list[float] = []
    for corpus, context, text, label, passed in sorted(
        rows, key=lambda row: row[1].model_dump_json()
    ):
        began = time.perf_counter()
        scored.append(Scored(corpus, text, label, passed, scorer.score(context, text)))
        times.append(time.perf_counter() - began)
    print(
        f"model loaded in {loaded:.1f} s; scoring a note: median {statistics.median(times):.2f} s"
        f" (max {max(times):.2f} s) over {len(times)} notes"
    )
    if args.out:
        with args.out.open("w") as out:
            for row in scored:
                out.write(json.dumps(row.__dict__, ensure_ascii=False) + "\n")
    for corpus in ("drafts", "final-plain", "final-model"):
        chosen = [r for r in scored if r.corpus == corpus]
        if chosen:
            report(corpus, chosen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
