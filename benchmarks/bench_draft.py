"""Drafting benchmark with the real default model (issue 3's targets).

Measures, on this machine:
- pass rate within the attempt budget and on the first attempt, over the suite's contexts;
- median / p95 time to a passing draft;
- prefix reuse: time to first token of a second draft with the same pack vs the first (cold) one;
- generation speed of the pipeline vs a bare llama-cpp-python completion with the same model,
  messages and sampling settings (decode tokens/s after the first token).

Run: .venv/bin/python benchmarks/bench_draft.py [--contexts evals/contexts.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from warmnote.context import Context
from warmnote.drafter import SamplingParams
from warmnote.guardrails import Guardrails
from warmnote.llama import LlamaDrafter, completion_arguments
from warmnote.packs import get_pack, pack_sampling, render_messages
from warmnote.pipeline import DraftRequest, decode_speed, draft_note
from warmnote.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]


def load_contexts(path: Path) -> list[Context]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Context.model_validate_json(line) for line in lines if line.strip()]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def bench_suite(drafter: LlamaDrafter, contexts: list[Context], attempts: int) -> dict[str, object]:
    guardrails = Guardrails.load()
    rows = []
    for context in contexts:
        request = DraftRequest(context=context, pack=get_pack(context.scenario), attempts=attempts)
        result = draft_note(request, drafter, guardrails)
        rows.append(result)
        status = "pass" if result.passed else "FAIL"
        rules = ",".join(sorted({v.rule for v in result.verdict.errors}))
        print(
            f"  {context.id or '?':<28} {status} attempts={len(result.attempts)} "
            f"{result.total_seconds:5.1f}s {rules}",
            flush=True,
        )
    passing = [r.total_seconds for r in rows if r.passed]
    return {
        "contexts": len(rows),
        "pass_rate": sum(r.passed for r in rows) / len(rows),
        "first_attempt_pass_rate": sum(r.attempts[0].verdict.passed for r in rows) / len(rows),
        "median_seconds_to_pass": statistics.median(passing) if passing else None,
        "p95_seconds_to_pass": percentile(passing, 0.95) if passing else None,
        "decode_tokens_per_second": statistics.mean(
            a.tokens_per_second for r in rows for a in r.attempts
        ),
    }


def bench_prefix_reuse(model: Path, contexts: list[Context]) -> dict[str, float]:
    """Time to first token: cold, second draft with the same pack, after switching packs, and
    in a new drafter (a new process) that starts from the saved prefix state on disk."""
    by_pack: dict[str, list[Context]] = {}
    for context in contexts:
        by_pack.setdefault(context.scenario, []).append(context)
    group = next(group for group in by_pack.values() if len(group) >= 3)
    other = next(
        group2[0] for group2 in by_pack.values() if group2[0].scenario != group[0].scenario
    )
    guardrails = Guardrails.load()

    def ttft(drafter: LlamaDrafter, context: Context) -> float:
        request = DraftRequest(context=context, pack=get_pack(context.scenario), attempts=1)
        return draft_note(request, drafter, guardrails).attempts[0].first_chunk_seconds

    previous_home = os.environ.get("WARMNOTE_HOME")
    with tempfile.TemporaryDirectory() as home:
        os.environ["WARMNOTE_HOME"] = home  # no saved states: a truly cold first draft
        drafter = LlamaDrafter(model)
        drafter.load()
        cold = ttft(drafter, group[0])
        same_pack = ttft(drafter, group[1])
        ttft(drafter, other)
        back_after_switch = ttft(drafter, group[2])
        fresh = LlamaDrafter(model)
        fresh.load()
        new_process = ttft(fresh, group[1])
    if previous_home is None:
        del os.environ["WARMNOTE_HOME"]
    else:
        os.environ["WARMNOTE_HOME"] = previous_home
    return {
        "cold_first_draft_ttft_s": cold,
        "second_draft_same_pack_ttft_s": same_pack,
        "same_pack_after_switching_ttft_s": back_after_switch,
        "new_process_from_saved_state_ttft_s": new_process,
    }


def bench_bare_vs_pipeline(drafter: LlamaDrafter, contexts: list[Context]) -> dict[str, float]:
    """Decode speed of a bare create_chat_completion vs the pipeline, same messages and params."""
    guardrails = Guardrails.load()
    llama = drafter.load()
    bare_speeds, pipeline_speeds = [], []
    for context in contexts:
        pack = get_pack(context.scenario)
        params = pack_sampling(pack, SamplingParams())
        arguments = completion_arguments(render_messages(pack, context), params)
        started = time.perf_counter()
        first_at = None
        tokens = 0
        for chunk in llama.create_chat_completion(**arguments):
            if chunk["choices"][0]["delta"].get("content"):
                tokens += 1
                if first_at is None:
                    first_at = time.perf_counter()
        finished = time.perf_counter()
        bare_speeds.append(decode_speed(tokens, finished - (first_at or started)))
        request = DraftRequest(context=context, pack=pack, attempts=1)
        result = draft_note(request, drafter, guardrails)
        pipeline_speeds.append(result.attempts[0].tokens_per_second)
    bare, piped = statistics.mean(bare_speeds), statistics.mean(pipeline_speeds)
    return {
        "bare_tokens_per_second": bare,
        "pipeline_tokens_per_second": piped,
        "pipeline_vs_bare": piped / bare,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contexts", type=Path, default=ROOT / "evals" / "contexts.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N contexts")
    parser.add_argument("--attempts", type=int, default=3)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args()

    model = args.model or load_settings().resolved_model_path()
    contexts = load_contexts(args.contexts)[: args.limit]
    print(f"model {model.name}; {len(contexts)} contexts; attempts {args.attempts}")

    figures: dict[str, object] = {}
    print("prefix reuse (fresh model):")
    figures["prefix_reuse"] = bench_prefix_reuse(model, contexts)
    print("  ", figures["prefix_reuse"])

    drafter = LlamaDrafter(model)
    print("bare llama-cpp-python vs pipeline (5 contexts):")
    figures["bare_vs_pipeline"] = bench_bare_vs_pipeline(drafter, contexts[:5])
    print("  ", figures["bare_vs_pipeline"])

    print("suite:")
    figures["suite"] = bench_suite(drafter, contexts, args.attempts)
    print(json.dumps(figures, indent=2))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
