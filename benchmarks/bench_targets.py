"""The drafting speed targets in one run, with the real default model on this machine.

Every figure comes from whole processes as a person runs them, in a new WARMNOTE_HOME that
shares only the installed model:
- set-up: ``warmnote model warm`` (what ``model install`` runs after installing);
- the first ``warmnote draft --first-draft model`` after set-up, then the median of later ones
  (other contexts), and the default ``warmnote draft`` (the plain note, which the model then
  tidies) and ``warmnote draft --no-tidy`` (the plain note, no model) on each;
- peak memory (resident) of those processes and of the terminal app;
- the terminal app under tmux: the person has filled in the form, types the reason at about
  eight characters a second, stops for two seconds and presses ctrl+g, which shows the plain
  note and then the tidy's outcome; then ctrl+r asks the model, whose first token and passing
  note are read off the screen. Key-to-screen latency is measured while the app processes a
  prompt and while it is idle;
- the bundled eval suite's wall time (leave ``eval`` out of ``--parts`` to skip it: it takes
  minutes);
- decode tokens/s of the pipeline against a bare llama-cpp-python completion.

Run: .venv/bin/python benchmarks/bench_targets.py [--drafts N] [--tui-runs N] [--parts cli,tui,...]
(the set-up and the first draft always run: every other part starts from that warmed home)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from warmnote.context import Context
from warmnote.settings import load_settings
from warmnote.tui.form import FIELDS

ROOT = Path(__file__).resolve().parents[1]
CONTEXTS = ROOT / "evals" / "contexts.jsonl"
WARMNOTE = [sys.executable, "-m", "warmnote"]
TYPING_GAP = 0.12
"""Seconds between two typed characters: a person typing the reason."""
IDLE_BEFORE_DRAFT = 2.0
POLL = 0.02
REASON_TABS = [spec.key for spec in FIELDS].index("reason")
"""Tab presses from the first field (focused after a restore) to the reason."""


def run_process(args: Sequence[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, peak resident KiB and stdout of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{shlex.join(args)} failed with status {status}")
    return seconds, usage.ru_maxrss, output


def contexts() -> list[Context]:
    lines = CONTEXTS.read_text(encoding="utf-8").splitlines()
    return [Context.model_validate_json(line) for line in lines if line.strip()]


def one_per_scenario(all_contexts: list[Context], count: int) -> list[Context]:
    seen: dict[str, Context] = {}
    for context in all_contexts:
        seen.setdefault(context.scenario, context)
    return list(seen.values())[:count]


def bench_cli(env: dict[str, str], home: Path, drafts: int) -> dict[str, Any]:
    warm_seconds, warm_rss, _ = run_process([*WARMNOTE, "model", "warm"], env)
    print(f"  set-up (model warm): {warm_seconds:.1f} s", flush=True)
    chosen = one_per_scenario(contexts(), drafts + 1)
    times, plain_times, untidied_times, rss = [], [], [], [warm_rss]
    for index, context in enumerate(chosen):
        path = home / f"context-{index}.json"
        path.write_text(context.model_dump_json(), encoding="utf-8")
        draft = [*WARMNOTE, "draft", "--context", str(path)]
        seconds, peak, _ = run_process([*draft, "--first-draft", "model"], env)
        times.append(seconds)
        rss.append(peak)
        plain_seconds, _, _ = run_process(draft, env)
        plain_times.append(plain_seconds)
        untidied_seconds, _, _ = run_process([*draft, "--no-tidy"], env)
        untidied_times.append(untidied_seconds)
        label = "first" if index == 0 else "later"
        print(
            f"  {label} model draft ({context.scenario}): {seconds:.1f} s; "
            f"default draft (the plain note, tidied): {plain_seconds:.2f} s; "
            f"--no-tidy: {untidied_seconds:.2f} s",
            flush=True,
        )
    return {
        "plain_draft_median_seconds": round(statistics.median(plain_times), 2),
        "plain_draft_seconds": [round(t, 2) for t in plain_times],
        "untidied_draft_median_seconds": round(statistics.median(untidied_times), 2),
        "setup_warm_seconds": round(warm_seconds, 1),
        "first_draft_seconds": round(times[0], 2),
        "later_draft_median_seconds": (
            round(statistics.median(times[1:]), 2) if len(times) > 1 else None
        ),
        "later_draft_seconds": [round(t, 2) for t in times[1:]],
        "peak_rss_mb": round(max(rss) / 1024),
    }


class Tmux:
    """One tmux server on its own socket, running the app in a 120x40 window."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-S", str(self.socket), "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
            encoding="utf-8",
        )
        return done.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "app")

    def wait_for(self, found: Callable[[str], bool], timeout: float, what: str) -> float:
        """Seconds until the screen shows it."""
        started = time.perf_counter()
        while not found(self.screen()):
            if time.perf_counter() - started > timeout:
                raise SystemExit(f"timed out waiting for {what}:\n{self.screen()}")
            time.sleep(POLL)
        return time.perf_counter() - started

    def pid(self) -> int:
        return int(self("display-message", "-p", "-t", "app", "#{pane_pid}").strip())


def key_latency(tmux: Tmux, marker: str) -> float:
    """Seconds from sending one character until the screen shows it."""
    before = tmux.screen().count(marker)
    tmux("send-keys", "-t", "app", "-l", marker)
    return tmux.wait_for(lambda s: s.count(marker) > before, 10, "a typed key")


def bench_tui(env: dict[str, str], home: Path, runs: int) -> dict[str, Any]:
    """Type the reason, wait two seconds, ctrl+g (the plain note), then ctrl+r: the model's
    first token and passing note, per run."""
    from warmnote.autosave import Autosave
    from warmnote.tui.form import context_values

    if shutil.which("tmux") is None:
        return {"skipped": "tmux is not installed"}
    chosen = one_per_scenario(contexts(), runs)
    plain, tidied, first_token, finished, busy_keys, idle_keys, rss = [], [], [], [], [], [], []
    for index, context in enumerate(chosen):
        values, extra = context_values(context)
        reason = values["reason"]
        values["reason"] = ""
        previous = os.environ.get("WARMNOTE_HOME")
        os.environ["WARMNOTE_HOME"] = str(home)
        state = {"version": 1, "mode": "compose", "form": values, "extra": extra}
        Autosave().save({**state, "draft": {"text": "", "context": None}})
        if previous is not None:
            os.environ["WARMNOTE_HOME"] = previous
        tmux = Tmux(home / f"tmux-{index}.sock")
        command = shlex.join(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *WARMNOTE])
        tmux("new-session", "-d", "-s", "app", "-x", "120", "-y", "40", command)
        try:
            tmux.wait_for(lambda s: "Restore" in s, 60, "the restore question")
            tmux("send-keys", "-t", "app", "y")
            tmux.wait_for(lambda s: "model ready" in s, 120, "the model")
            # The restored form's prompt is being processed now: keys must still show at once.
            busy_keys += [key_latency(tmux, "~") for _ in range(3)]
            tmux("send-keys", "-t", "app", "BSpace", "BSpace", "BSpace")
            tmux.wait_for(lambda s: "prompt prepared" in s, 120, "the prepared prompt")
            idle_keys += [key_latency(tmux, "~") for _ in range(3)]
            tmux("send-keys", "-t", "app", "BSpace", "BSpace", "BSpace")
            tmux("send-keys", "-t", "app", *["Tab"] * REASON_TABS)
            for char in reason:
                tmux("send-keys", "-t", "app", "-l", char)
                time.sleep(TYPING_GAP)
            time.sleep(IDLE_BEFORE_DRAFT)
            greeting = f"Hi {context.recipient.first_name}"
            tmux("send-keys", "-t", "app", "C-g")
            started = time.perf_counter()
            tmux.wait_for(lambda s: "Built from your context" in s, 60, "the plain note")
            plain.append(time.perf_counter() - started)
            tmux.wait_for(_shows_tidy, 60, "the tidy's outcome")
            tidied.append(time.perf_counter() - started)
            tmux("send-keys", "-t", "app", "C-r")
            started = time.perf_counter()
            tmux.wait_for(partial(_shows_note, greeting), 60, "the model's note")
            first_token.append(time.perf_counter() - started)
            tmux.wait_for(_shows_verdict, 120, "a verdict")
            finished.append(time.perf_counter() - started)
            passed = "Passes after" in tmux.screen()
            rss.append(_peak_rss_kib(tmux.pid()))
            print(
                f"  tui run {index + 1}: plain note {plain[-1]:.2f} s, tidied {tidied[-1]:.2f} s; "
                f"model: first token "
                f"{first_token[-1]:.2f} s, "
                f"{'passing' if passed else 'best failing'} note {finished[-1]:.2f} s",
                flush=True,
            )
        finally:
            pid = tmux.pid()
            tmux("kill-server")
            _wait_until_gone(pid)  # its last autosave must not land on the next run's
    return {
        "plain_note_median_seconds": round(statistics.median(plain), 2),
        "tidy_outcome_median_seconds": round(statistics.median(tidied), 2),
        "tidy_outcome_seconds": [round(t, 2) for t in tidied],
        "first_token_median_seconds": round(statistics.median(first_token), 2),
        "finished_note_median_seconds": round(statistics.median(finished), 2),
        "first_token_seconds": [round(t, 2) for t in first_token],
        "finished_note_seconds": [round(t, 2) for t in finished],
        "key_to_screen_while_processing_ms": _ms(busy_keys),
        "key_to_screen_idle_ms": _ms(idle_keys),
        "peak_rss_mb": round(max(rss) / 1024),
    }


def _shows_note(greeting: str, screen: str) -> bool:
    """The model's first words: the note starts again while it drafts."""
    return "Drafting" in screen and greeting in screen.split("Note to")[-1]


def _shows_tidy(screen: str) -> bool:
    """The provenance names the tidy's outcome ("tidied by", "the model's tidy …")."""
    return re.search(r"\btidy\b|tidied", screen) is not None


def _shows_verdict(screen: str) -> bool:
    return any(state in screen for state in ("Passes after", "No attempt", "No model draft"))


def _wait_until_gone(pid: int) -> None:
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(POLL)


def _ms(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values) * 1000),
        "max": round(max(values) * 1000),
    }


def _peak_rss_kib(shell_pid: int) -> int:
    """VmHWM of the app: the pane runs ``env``, which execs Python in the same process."""
    status = Path(f"/proc/{shell_pid}/status").read_text(encoding="utf-8")
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1])


def bench_eval(env: dict[str, str], home: Path) -> dict[str, Any]:
    out = home / "eval-out"
    seconds, peak, _ = run_process([*WARMNOTE, "eval", "default", "--out", str(out)], env)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"suite_seconds": round(seconds), "peak_rss_mb": round(peak / 1024), "report": report}


def bench_bare_vs_pipeline(model: Path, count: int = 5) -> dict[str, float]:
    """Decode tokens/s after the first token, same messages, sampling and seed."""
    from warmnote.guardrails import Guardrails
    from warmnote.llama import LlamaDrafter, completion_arguments
    from warmnote.packs import get_pack, render_messages
    from warmnote.pipeline import DraftRequest, decode_speed, draft_note
    from warmnote.sampling import SeedSchedule

    drafter = LlamaDrafter(model)
    llama = drafter.load()
    guardrails = Guardrails.load()
    bare, piped = [], []
    for context in one_per_scenario(contexts(), count):
        pack = get_pack(context.scenario)
        request = DraftRequest(context=context, pack=pack, attempts=1, plain_fallback=False)
        seed = SeedSchedule.generation_seed(request.seed)
        arguments = completion_arguments(
            render_messages(pack, context), request.effective_sampling, seed
        )
        started = time.perf_counter()
        first_at, tokens = None, 0
        for chunk in llama.create_chat_completion(**arguments):
            if chunk["choices"][0]["delta"].get("content"):
                tokens += 1
                first_at = first_at or time.perf_counter()
        bare.append(decode_speed(tokens, time.perf_counter() - (first_at or started)))
        piped.append(draft_note(request, drafter, guardrails).attempts[0].tokens_per_second)
    return {
        "bare_tokens_per_second": round(statistics.mean(bare), 2),
        "pipeline_tokens_per_second": round(statistics.mean(piped), 2),
        "pipeline_vs_bare": round(statistics.mean(piped) / statistics.mean(bare), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=5, help="later drafts to time")
    parser.add_argument("--tui-runs", type=int, default=3)
    parser.add_argument(
        "--parts", default="cli,tui,eval,decode", help="comma-separated: cli, tui, eval, decode"
    )
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    parts = set(args.parts.split(","))

    model = load_settings().resolved_model_path()
    figures: dict[str, Any] = {"model": model.name}
    with tempfile.TemporaryDirectory(prefix="warmnote-bench-") as tmp:
        home = Path(tmp)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "WARMNOTE_HOME": str(home),
            "WARMNOTE_MODEL": str(model),
        }
        if "cli" in parts or "tui" in parts or "eval" in parts:
            print("warmnote draft, new home:", flush=True)
            figures["cli"] = bench_cli(env, home, args.drafts if "cli" in parts else 0)
        if "tui" in parts:
            print("terminal app under tmux:", flush=True)
            figures["tui"] = bench_tui(env, home, args.tui_runs)
        if "eval" in parts:
            print("bundled eval suite:", flush=True)
            figures["eval"] = bench_eval(env, home)
    if "decode" in parts:
        print("pipeline vs bare llama-cpp-python:", flush=True)
        figures["decode"] = bench_bare_vs_pipeline(model)
    summary = {key: value for key, value in figures.items() if key != "eval"}
    if "eval" in figures:
        summary["eval"] = {k: v for k, v in figures["eval"].items() if k != "report"}
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
