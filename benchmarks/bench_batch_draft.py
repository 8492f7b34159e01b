"""Batch drafting against the eval runner: the same contexts, one process each, one model load.

``warmnote draft --batch contexts.jsonl --out notes.jsonl`` and ``warmnote eval suite.toml`` draft
the same ``--contexts`` contexts of evals/contexts.jsonl (seed 0, the same attempt budget), so
both write the same notes; the figure is notes per minute over the whole process, model load
included. Everything runs in a new ``WARMNOTE_HOME`` that shares only the installed model; the
packs the contexts use are warmed first (``model warm --pack``), so neither command pays for
processing a pack's prompt that the other then reuses. Runs alternate (eval, batch, batch,
eval, ...) so a machine that gets busier or quieter does not favour one, and each run's CPU
time (user + system, all threads) is given beside its wall time: on a machine shared with other
jobs, wall time measures the neighbours as much as warmnote. It also checks that every run
wrote the same notes (issue 11: batch throughput equal to eval's).

Run: .venv/bin/python benchmarks/bench_batch_draft.py [--contexts 4] [--pairs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXTS = ROOT / "evals" / "contexts.jsonl"
WARMNOTE = [sys.executable, "-m", "warmnote"]


def pick(count: int) -> list[dict[str, object]]:
    """The first context of each scenario, in file order, up to ``count``."""
    chosen: dict[object, dict[str, object]] = {}
    for line in CONTEXTS.read_text(encoding="utf-8").splitlines():
        context = json.loads(line)
        chosen.setdefault(context["scenario"], context)
    return list(chosen.values())[:count]


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([*WARMNOTE, *argv], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu


def notes_of(kind: str, path: Path) -> dict[str, str]:
    """Each context's note as the command wrote it."""
    if kind == "eval":
        lines = (path / "results.jsonl").read_text(encoding="utf-8").splitlines()[1:]
        return {r["case"]: r["result"]["text"] for r in map(json.loads, lines)}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["id"]: r["text"] for r in map(json.loads, lines)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contexts", type=int, default=4)
    parser.add_argument("--pairs", type=int, default=1, help="eval/batch pairs (ABBA order)")
    parser.add_argument("--home", type=Path, help="a WARMNOTE_HOME warmed by an earlier run")
    args = parser.parse_args()
    contexts = pick(args.contexts)
    scratch = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in contexts)
    batch = scratch / "contexts.jsonl"
    batch.write_text(lines, encoding="utf-8")
    cases = "".join(f'\n[[cases]]\nid = "{c["id"]}"\n' for c in contexts)
    suite = scratch / "suite.toml"
    suite.write_text(f'name = "bench"\ncontexts = "contexts.jsonl"\n{cases}', encoding="utf-8")
    env = {
        **os.environ,
        "WARMNOTE_HOME": str(args.home or scratch / "home"),
        "WARMNOTE_MODEL": os.environ.get("WARMNOTE_MODEL", str(installed_model())),
    }
    packs = sorted({str(c["scenario"]) for c in contexts})
    if args.home is None:
        warm, _ = timed(["model", "warm", *(a for p in packs for a in ("--pack", p))], env)
        print(f"{len(contexts)} contexts ({', '.join(packs)}); warmed in {warm:.1f} s")
    else:
        print(f"{len(contexts)} contexts ({', '.join(packs)}); warmed earlier in {args.home}")
    walls: dict[str, list[float]] = {"eval": [], "batch": []}
    cpus: dict[str, list[float]] = {"eval": [], "batch": []}
    notes: list[dict[str, str]] = []
    for pair in range(args.pairs):
        order = ("eval", "batch") if pair % 2 == 0 else ("batch", "eval")
        for kind in (*order, *reversed(order)):
            run = len(walls[kind])
            if kind == "eval":
                out = scratch / f"eval-{run}"
                argv = ["eval", str(suite), "--out", str(out)]
            else:
                out = scratch / f"batch-{run}.jsonl"
                argv = ["draft", "--batch", str(batch), "--out", str(out)]
            wall, cpu = timed(argv, env)
            walls[kind].append(wall)
            cpus[kind].append(cpu)
            notes.append(notes_of(kind, out))
            print(f"  {kind:<5} {wall:6.1f} s wall, {cpu:6.1f} s CPU")
    for kind, values in walls.items():
        wall, cpu = statistics.median(values), statistics.median(cpus[kind])
        print(
            f"{kind:<5} median {wall:.1f} s wall = {len(contexts) / wall * 60:.1f} notes/min; "
            f"{cpu:.1f} s CPU"
        )
    wall_ratio = statistics.median(walls["batch"]) / statistics.median(walls["eval"])
    cpu_ratio = statistics.median(cpus["batch"]) / statistics.median(cpus["eval"])
    print(f"batch / eval: wall {wall_ratio:.2f}, CPU {cpu_ratio:.2f}")
    same = all(n == notes[0] for n in notes)
    print("the same notes from every run" if same else "the notes differ between runs")
    print(f"outputs in {scratch} (remove it when done; --home reuses a warmed home)")


def installed_model() -> Path:
    from warmnote import locations

    return locations.default_model_path()


if __name__ == "__main__":
    main()
