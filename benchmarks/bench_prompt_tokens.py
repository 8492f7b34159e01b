"""Prompt tokens per pack, before and after a pack edit (issue 9.3).

On a 2-core laptop every prompt token costs about 30 ms of prefill. System prompt and worked
examples are a prefix the model processes once and reuses, so the tokens paid on every draft are
the final request. For each pack this prints the prefix (system + examples) and the median and
largest request over the eval contexts of its scenario: the packs committed at ``--before``
(``git show REV:prompts/NAME.toml``) next to the packs in the working tree, both loaded and
rendered by the current code. The last line sizes a typical rewrite request (a reask). Tokens
are counted as ``packs.prompt_size`` does (tiktoken's cl100k, close to but not the model's own).

Run: .venv/bin/python benchmarks/bench_prompt_tokens.py [--before HEAD]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from warmnote import locations
from warmnote.context import Context
from warmnote.packs import (
    PromptPack,
    load_pack_file,
    prompt_size,
    rewrite_request,
)
from warmnote.tokens import count_tokens

ROOT = Path(__file__).resolve().parent.parent
CONTEXTS = ROOT / "evals" / "contexts.jsonl"
PROBLEMS = [
    "The note is 312 characters; the limit is 300",
    "It says 'great meeting you', but you have not met",
]
"""Two findings as the pipeline quotes them, for sizing a rewrite request."""


def eval_contexts() -> dict[str, list[Context]]:
    """The eval contexts grouped by scenario (= the pack each is drafted with)."""
    by_scenario: dict[str, list[Context]] = defaultdict(list)
    for line in CONTEXTS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            context = Context.model_validate_json(line)
            by_scenario[context.scenario].append(context)
    return by_scenario


def committed_pack(name: str, revision: str, folder: Path) -> PromptPack | None:
    """The pack as committed at ``revision``, through the same loader; None if it was not there."""
    shown = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{revision}:prompts/{name}.toml"],
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        return None
    path = folder / f"{name}.toml"
    path.write_text(shown.stdout, encoding="utf-8")
    return load_pack_file(path)


def sizes(pack: PromptPack, contexts: list[Context]) -> tuple[int, float, int]:
    """Prefix tokens, and median and largest request tokens over ``contexts``."""
    measured = [prompt_size(pack, context) for context in contexts]
    requests = [size.request for size in measured]
    prefix = measured[0].system + measured[0].examples
    return prefix, statistics.median(requests), max(requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="HEAD", help="git revision of the 'before' packs")
    args = parser.parse_args()

    by_scenario = eval_contexts()
    header = f"{'pack':<24}{'n':>3}  {'prefix':>13}  {'median request':>15}  {'max request':>13}"
    print(f"{header}\n{'':<29}{'before→after':>13}  {'before→after':>15}  {'before→after':>13}")
    totals: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(locations.builtin_dir("prompts").glob("*.toml")):
            after = load_pack_file(path)
            contexts = by_scenario.get(after.name) or [after.examples[0].context]
            before = committed_pack(after.name, args.before, Path(tmp))
            new = sizes(after, contexts)
            old = sizes(before, contexts) if before else None
            cells = [f"{old[i] if old else '-':>6}→{value:<6}" for i, value in enumerate(new)]
            row = f"{after.name:<24}{len(contexts):>3}"
            print(f"{row}  {cells[0]:>13}  {cells[1]:>15}  {cells[2]:>13}")
            for key, value in zip(("prefix", "median", "max"), new, strict=True):
                totals[f"after {key}"].append(value)
            if old:
                for key, value in zip(("prefix", "median", "max"), old, strict=True):
                    totals[f"before {key}"].append(value)
    print(
        "mean over packs: "
        + ", ".join(
            f"{key} {statistics.mean(totals[f'before {key}']):.0f}→"
            f"{statistics.mean(totals[f'after {key}']):.0f}"
            for key in ("prefix", "median", "max")
            if totals[f"before {key}"]
        )
    )
    reask = count_tokens(rewrite_request(PROBLEMS))
    print(f"what a request asked again adds (two problems quoted): {reask} tokens")


if __name__ == "__main__":
    main()
