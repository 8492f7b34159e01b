"""Prefill and decode speed of the installed llama-cpp-python build, per CPU second on one thread.

CPU time on one thread depends little on what else the machine runs, so two builds can be
compared on a shared machine: run this with each build's interpreter, alternating, e.g.
    .venv/bin/python benchmarks/bench_llama_build.py
    /path/to/other-venv/bin/python benchmarks/bench_llama_build.py
It needs only llama-cpp-python and the installed default model (``warmnote model path``).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

PROMPT = (
    "<|im_start|>user\nWrite a short LinkedIn connection note to Priya, a data engineer at "
    "Zalmora whose talk on feature stores you enjoyed at PyData Berlin. Keep it under 300 "
    "characters.<|im_end|>\n<|im_start|>assistant\n"
)


def measure(model: Path, tokens: int) -> tuple[float, float]:
    """(prefill, decode) tokens per CPU second, one thread, greedy."""
    from llama_cpp import Llama

    llama = Llama(model_path=str(model), n_ctx=1024, n_threads=1, n_threads_batch=1, verbose=False)
    prompt = llama.tokenize(PROMPT.encode(), special=True)
    started = time.process_time()
    llama.eval(prompt)
    prefilled = time.process_time()
    count = 0
    for _ in llama.generate([], temp=0.0, reset=False):
        count += 1
        if count >= tokens:
            break
    decoded = time.process_time()
    return len(prompt) / (prefilled - started), count / (decoded - prefilled)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="a GGUF (default: the installed model)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tokens", type=int, default=48)
    args = parser.parse_args()
    if args.model is None:
        from warmnote.settings import load_settings

        args.model = load_settings().resolved_model_path()
    runs = [measure(args.model, args.tokens) for _ in range(args.repeats)]
    prefill = statistics.median(r[0] for r in runs)
    decode = statistics.median(r[1] for r in runs)
    print(f"prefill {prefill:.1f} tokens/CPU-s, decode {decode:.1f} tokens/CPU-s (one thread)")


if __name__ == "__main__":
    main()
