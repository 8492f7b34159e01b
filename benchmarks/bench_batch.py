"""Batched candidates benchmark (issue 9, part 4): do 3 candidates in one batch cost ≤ 1.5× one?

llama.cpp can decode several sequences in one ``llama_decode``: on a CPU the weights are read
once per step for all of them, so a step with 3 tokens may cost little more than a step with 1.
This measures that with the default model and a real pack prompt, on this machine:

(a) 1 candidate: decode until end-of-turn or ``--max-tokens``;
(b) 3 candidates batched: the prompt's KV copied to sequences 1 and 2 (``llama_memory_seq_cp``),
    then one batch per step holds the next token of every unfinished sequence;
(c) 3 candidates one after another from the same cached prompt (best-of-N without batching).

The prompt is prefilled once and kept: every variant starts from it, so its cost is the same for
all three and is measured once and added to each for the "+prefill" figures (prefilling it again
per repeat would only spend CPU). Variants run in a rotated order in every repeat (the machine is
shared): ratios are taken within a repeat and reported as median [min–max].
The decision uses the decode-only ratio, the stricter one: a shared prefill only lowers it.

Run: .venv/bin/python benchmarks/bench_batch.py [--repeats 3] [--max-tokens 60]
"""

from __future__ import annotations

import argparse
import ctypes
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import llama_cpp

from warmnote import locations
from warmnote.context import Context
from warmnote.drafter import ChatMessage
from warmnote.packs import get_pack, render_messages
from warmnote.sampling import Sampling, SeedSchedule

ROOT = Path(__file__).resolve().parents[1]
PACK = "event_followup"
CANDIDATES = 3
ADOPT_AT = 1.5  # the project batches candidates only where 3 cost at most this many times one
# The drafter's seeds for candidates 0-2 of run 0: every repeat generates the same lengths.
SEEDS = tuple(SeedSchedule.generation_seed(0, candidate=c) for c in range(CANDIDATES))
# What create_chat_completion uses and the project does not set: keeps the chain like the drafter's.
MIN_P = 0.05
PENALTY_LAST_N = 64


@llama_cpp.llama_log_callback  # type: ignore[untyped-decorator]
def _quiet(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
    """llama.cpp's load log would bury the table."""


def chatml(messages: Sequence[ChatMessage]) -> str:
    """The prompt as Qwen2.5's chat template renders it, ready for the assistant's turn."""
    turns = "".join(f"<|im_start|>{m.role}\n{m.content}<|im_end|>\n" for m in messages)
    return turns + "<|im_start|>assistant\n"


def pack_prompt() -> tuple[str, Sampling]:
    """The first event follow-up context of the eval suite, rendered with its pack."""
    lines = (ROOT / "evals" / "contexts.jsonl").read_text(encoding="utf-8").splitlines()
    contexts = [Context.model_validate_json(line) for line in lines if line.strip()]
    context = next(c for c in contexts if c.scenario == PACK)
    pack = get_pack(PACK)
    return chatml(render_messages(pack, context)), Sampling.layered(pack.sampling)


@dataclass(frozen=True)
class Generation:
    tokens: list[list[int]]  # per candidate, end-of-turn excluded
    seconds: float

    @property
    def generated(self) -> int:
        return sum(len(tokens) for tokens in self.tokens)


class Engine:
    """One model and one context with room for ``CANDIDATES`` sequences sharing a prompt."""

    def __init__(self, model_path: Path, threads: int) -> None:
        llama_cpp.llama_backend_init()
        llama_cpp.llama_log_set(_quiet, ctypes.c_void_p(0))
        model_params = llama_cpp.llama_model_default_params()
        self.model = llama_cpp.llama_model_load_from_file(str(model_path).encode(), model_params)
        if not self.model:
            raise SystemExit(f"{model_path}: cannot load the model")
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = 2048  # as LlamaDrafter
        params.n_batch = params.n_ubatch = 512  # as llama_cpp.Llama
        params.n_seq_max = CANDIDATES
        params.kv_unified = True  # one buffer: sequences share the prompt's cells after seq_cp
        params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED  # as llama_cpp.Llama
        params.n_threads = params.n_threads_batch = threads
        params.no_perf = True
        self.ctx = llama_cpp.llama_init_from_model(self.model, params)
        if not self.ctx:
            raise SystemExit("cannot create a llama.cpp context")
        self.n_batch = params.n_batch
        self.vocab = llama_cpp.llama_model_get_vocab(self.model)
        self.memory = llama_cpp.llama_get_memory(self.ctx)
        self.batch = llama_cpp.llama_batch_init(self.n_batch, 0, CANDIDATES)

    def close(self) -> None:
        llama_cpp.llama_batch_free(self.batch)
        llama_cpp.llama_free(self.ctx)
        llama_cpp.llama_model_free(self.model)

    def tokenize(self, text: str) -> list[int]:
        data = text.encode("utf-8")
        buffer = (llama_cpp.llama_token * (len(data) + 8))()
        count = llama_cpp.llama_tokenize(
            self.vocab, data, len(data), buffer, len(buffer), True, True
        )
        if count < 0:
            raise RuntimeError("tokenizer buffer too small")
        return list(buffer[:count])

    def detokenize(self, tokens: Sequence[int]) -> str:
        pieces = b""
        buffer = ctypes.create_string_buffer(64)
        for token in tokens:
            size = llama_cpp.llama_token_to_piece(self.vocab, token, buffer, len(buffer), 0, False)
            pieces += buffer.raw[:size]
        return pieces.decode("utf-8", "replace")

    def _decode(self, entries: Sequence[tuple[int, int, int, bool]]) -> None:
        """One ``llama_decode`` of (token, position, sequence, wants logits) entries."""
        batch = self.batch
        for index, (token, position, sequence, logits) in enumerate(entries):
            batch.token[index] = token
            batch.pos[index] = position
            batch.n_seq_id[index] = 1
            batch.seq_id[index][0] = sequence
            batch.logits[index] = logits
        batch.n_tokens = len(entries)
        status = llama_cpp.llama_decode(self.ctx, batch)
        if status != 0:
            raise RuntimeError(f"llama_decode returned {status}")

    def prefill(self, tokens: Sequence[int]) -> float:
        """Empty the KV cache and process ``tokens`` into sequence 0; returns seconds."""
        llama_cpp.llama_memory_clear(self.memory, True)
        started = time.perf_counter()
        for start in range(0, len(tokens), self.n_batch):
            chunk = tokens[start : start + self.n_batch]
            self._decode([(t, start + i, 0, False) for i, t in enumerate(chunk)])
        llama_cpp.llama_synchronize(self.ctx)
        return time.perf_counter() - started

    def forget_after(self, n_prefilled: int) -> None:
        """Back to just the prefilled prompt in sequence 0."""
        llama_cpp.llama_memory_seq_rm(self.memory, -1, n_prefilled, -1)
        for sequence in range(1, CANDIDATES):
            llama_cpp.llama_memory_seq_rm(self.memory, sequence, -1, -1)

    def share_prompt(self, sequences: Sequence[int]) -> None:
        for sequence in sequences:
            if sequence:
                llama_cpp.llama_memory_seq_cp(self.memory, 0, sequence, -1, -1)

    def sampler(self, params: Sampling, seed: int) -> Any:
        """The chain create_chat_completion builds, one per sequence so each samples alone."""
        chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
        n_vocab = llama_cpp.llama_vocab_n_tokens(self.vocab)
        stages = [
            llama_cpp.llama_sampler_init_penalties(
                n_vocab, PENALTY_LAST_N, params.repeat_penalty, 0.0, 0.0
            ),
            llama_cpp.llama_sampler_init_top_k(params.top_k),
            llama_cpp.llama_sampler_init_top_p(params.top_p, 1),
            llama_cpp.llama_sampler_init_min_p(MIN_P, 1),
            llama_cpp.llama_sampler_init_temp(params.temperature),
            llama_cpp.llama_sampler_init_dist(seed),
        ]
        for stage in stages:
            llama_cpp.llama_sampler_chain_add(chain, stage)
        return chain

    def generate(
        self,
        prompt: Sequence[int],
        sequences: Sequence[int],
        seeds: Sequence[int],
        params: Sampling,
        ignore_eog: bool = False,
    ) -> Generation:
        """Decode ``sequences`` together, one batch per step, from the prefilled ``prompt[:-1]``.

        Every sequence starts by decoding the prompt's last token itself, so each has the logits
        to sample its first token from.
        """
        samplers = {
            seq: self.sampler(params, seed) for seq, seed in zip(sequences, seeds, strict=True)
        }
        produced: dict[int, list[int]] = {seq: [] for seq in sequences}
        pending = {seq: (prompt[-1], len(prompt) - 1) for seq in sequences}
        started = time.perf_counter()
        try:
            while pending:
                self._decode([(tok, pos, seq, True) for seq, (tok, pos) in pending.items()])
                following = {}
                for index, (seq, (_, position)) in enumerate(pending.items()):
                    token = llama_cpp.llama_sampler_sample(samplers[seq], self.ctx, index)
                    if llama_cpp.llama_vocab_is_eog(self.vocab, token) and not ignore_eog:
                        continue
                    produced[seq].append(token)
                    if len(produced[seq]) < params.max_tokens:
                        following[seq] = (token, position + 1)
                pending = following
        finally:
            for chain in samplers.values():
                llama_cpp.llama_sampler_free(chain)
        return Generation([produced[seq] for seq in sequences], time.perf_counter() - started)


VARIANTS = ("(a) 1 candidate", "(b) 3 batched", "(c) 3 sequential")


def run_variant(
    engine: Engine, variant: str, prompt: Sequence[int], params: Sampling, ignore_eog: bool
) -> Generation:
    engine.forget_after(len(prompt) - 1)
    if variant == VARIANTS[0]:
        return engine.generate(prompt, [0], SEEDS[:1], params, ignore_eog)
    if variant == VARIANTS[1]:
        sequences = list(range(CANDIDATES))
        engine.share_prompt(sequences)
        return engine.generate(prompt, sequences, SEEDS, params, ignore_eog)
    tokens: list[list[int]] = []
    seconds = 0.0
    for seed in SEEDS:  # each candidate alone on sequence 0, its KV dropped before the next
        one = engine.generate(prompt, [0], [seed], params, ignore_eog)
        engine.forget_after(len(prompt) - 1)
        tokens += one.tokens
        seconds += one.seconds
    return Generation(tokens, seconds)


def spread(values: Sequence[float], form: Callable[[float], str]) -> str:
    return f"{form(statistics.median(values))} [{form(min(values))}–{form(max(values))}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--max-tokens", type=int, default=60)
    parser.add_argument("--threads", type=int, default=2, help="the machine's physical cores")
    parser.add_argument(
        "--ignore-eog", action="store_true", help="always generate --max-tokens per candidate"
    )
    parser.add_argument("--show", action="store_true", help="print the batched candidates")
    args = parser.parse_args()

    model = args.model or locations.default_model_path()
    text, sampling = pack_prompt()
    params = sampling.model_copy(update={"max_tokens": args.max_tokens})
    engine = Engine(model, args.threads)
    prompt = engine.tokenize(text)
    load_before = os.getloadavg()[0]
    print(
        f"model {model.name}; pack {PACK}; prompt {len(prompt)} tokens; "
        f"≤{args.max_tokens} new tokens{' (end-of-turn ignored)' if args.ignore_eog else ''}; "
        f"threads {args.threads}; repeats {args.repeats}; load avg {load_before:.2f}"
    )

    cpu_started, wall_started = time.process_time(), time.perf_counter()
    prefill = engine.prefill(prompt[:-1])
    runs: dict[str, list[Generation]] = {variant: [] for variant in VARIANTS}
    for repeat in range(args.repeats):
        order = VARIANTS[repeat % 3 :] + VARIANTS[: repeat % 3]
        for variant in order:
            runs[variant].append(run_variant(engine, variant, prompt, params, args.ignore_eog))
        done = ", ".join(f"{v[:3]} {runs[v][-1].seconds:.2f} s" for v in VARIANTS)
        print(f"repeat {repeat + 1}: {done}", file=sys.stderr, flush=True)

    single = runs[VARIANTS[0]]
    header = (
        f"{'variant':<17} {'tokens':>9} {'decode s':>19} {'tok/s':>6} {'+prefill s':>11} "
        f"{'×(a) decode':>18} {'×(a) +prefill':>18}"
    )
    print(header)
    print("-" * len(header))
    ratios: dict[str, list[float]] = {}
    for variant in VARIANTS:
        generations = runs[variant]
        seconds = [g.seconds for g in generations]
        ratios[variant] = [g.seconds / a.seconds for g, a in zip(generations, single, strict=True)]
        ratio_prefill = [
            (g.seconds + prefill) / (a.seconds + prefill)
            for g, a in zip(generations, single, strict=True)
        ]
        speed = statistics.median(g.generated / g.seconds for g in generations)
        lengths = "/".join(str(len(t)) for t in generations[-1].tokens)
        print(
            f"{variant:<17} {lengths:>9} {spread(seconds, '{:.2f}'.format):>19} {speed:6.1f} "
            f"{statistics.median(seconds) + prefill:11.2f} "
            f"{spread(ratios[variant], '{:.2f}'.format):>18} "
            f"{spread(ratio_prefill, '{:.2f}'.format):>18}"
        )
    print(
        f"prefill {len(prompt) - 1} tokens (once): {prefill:.2f} s, "
        f"{(len(prompt) - 1) / prefill:.1f} tok/s; "
        f"load avg {load_before:.2f} → {os.getloadavg()[0]:.2f}; this process used "
        f"{time.process_time() - cpu_started:.0f} CPU s "
        f"in {time.perf_counter() - wall_started:.0f} s"
    )
    if args.show:
        for number, tokens in enumerate(runs[VARIANTS[1]][-1].tokens):
            print(f"  candidate {number + 1}: {engine.detokenize(tokens)!r}")
    engine.close()

    batched = statistics.median(ratios[VARIANTS[1]])
    verdict = "adopt batching" if batched <= ADOPT_AT else "do not adopt batching"
    print(
        f"DECISION: 3 batched cost {batched:.2f}× one candidate (decode only, median of "
        f"{args.repeats}); threshold {ADOPT_AT}× → {verdict}"
    )


if __name__ == "__main__":
    main()
