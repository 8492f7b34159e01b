"""Eval throughput: the local backend beside llama-cpp-python's server at concurrency 1 and 2.

The first N cases of the bundled suite go through ``run_suite`` (what ``warmnote eval`` runs)
three ways, one after another so they never share the cores:
- the local backend, in this process;
- ``python -m llama_cpp.server`` with the same model and threads on 127.0.0.1, at
  ``--concurrency 1`` and ``--concurrency 2``.

Models are loaded before the clock starts. Each run has a new WARMNOTE_HOME (the local backend
starts without warmed pack states, as the server does). Printed per way: wall time, runs per
minute, and completion tokens per second of wall time (every attempt's tokens / wall time).

Run: .venv/bin/python benchmarks/bench_server.py [--cases 6] [--attempts 3] [--repeats 1]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from warmnote import locations
from warmnote.backend import BackendSettings
from warmnote.evals.runner import EvalPlan, run_suite
from warmnote.evals.suite import Suite, load_suite, resolve_suite_path
from warmnote.guardrails import Guardrails
from warmnote.session import DraftingSession
from warmnote.settings import Settings

MODEL = locations.default_model_path()
THREADS = 2
ALIAS = "warmnote-default"


@dataclass(frozen=True)
class Figures:
    label: str
    runs: int
    attempts: int
    tokens: int
    seconds: float

    def row(self) -> str:
        per_minute = self.runs / self.seconds * 60
        per_second = self.tokens / self.seconds
        return (
            f"| {self.label} | {self.runs} | {self.attempts} | {self.tokens} | "
            f"{self.seconds:.1f} | {per_minute:.1f} | {per_second:.1f} |"
        )


def measure(
    label: str,
    suite: Suite,
    settings: Settings,
    guardrails: Guardrails,
    attempts: int,
    concurrency: int,
) -> Figures:
    with tempfile.TemporaryDirectory() as home:
        os.environ["WARMNOTE_HOME"] = home
        session = DraftingSession(settings, model_path=MODEL, guardrails=guardrails)
        model = session.load().model_name  # loaded before the clock starts
        plan = EvalPlan(suite=suite, models=(model,), seeds=(0,), attempts=attempts)
        started = time.perf_counter()
        outcome = run_suite(
            plan,
            Path(home) / "out",
            guardrails=guardrails,
            open_session=lambda _: session,
            concurrency=concurrency,
        )
        seconds = time.perf_counter() - started
    results = [record.result for record in outcome.records if record.result is not None]
    return Figures(
        label=label,
        runs=len(results),
        attempts=sum(len(result.attempts) for result in results),
        tokens=sum(a.completion_tokens for result in results for a in result.attempts),
        seconds=seconds,
    )


@contextmanager
def llama_server() -> Iterator[str]:
    """llama-cpp-python's server with the default model; its API root once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(MODEL), "--model_alias", ALIAS,
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
        "--n_threads", str(THREADS), "--n_threads_batch", str(THREADS),
        "--interrupt_requests", "false",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"llama_cpp.server exited with {process.returncode}")
            try:
                if httpx.get(f"{url}/models", timeout=2, trust_env=False).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=6, help="the suite's first N cases")
    parser.add_argument("--attempts", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=1, help="rounds of the three ways")
    args = parser.parse_args()
    suite = load_suite(resolve_suite_path("default"), limit_cases=args.cases)
    guardrails = Guardrails.load()
    local = Settings(threads=THREADS)
    print(f"{args.cases} cases of the bundled suite, attempt budget {args.attempts}, seed 0\n")
    print("| | runs | attempts | completion tokens | wall s | runs/min | tokens/s |")
    print("| --- | --- | --- | --- | --- | --- | --- |", flush=True)
    for _ in range(args.repeats):
        print(measure("local backend", suite, local, guardrails, args.attempts, 1).row())
        with llama_server() as url:
            served = local.model_copy(
                update={"backend": BackendSettings(kind="openai", base_url=url, model=ALIAS)}
            )
            for concurrency in (1, 2):
                label = f"llama_cpp.server, --concurrency {concurrency}"
                figures = measure(label, suite, served, guardrails, args.attempts, concurrency)
                print(figures.row(), flush=True)


if __name__ == "__main__":
    main()
