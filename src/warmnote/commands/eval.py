"""``warmnote eval``: draft a suite of sample contexts and report how the notes fare.

Everything heavy is imported inside ``run`` so that ``warmnote --help`` stays fast; nothing here
imports textual, and the model backend loads only when the first run needs it.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from warmnote import locations
from warmnote.backend import (
    add_backend_arguments,
    apply_backend_flags,
    backend_argv,
    backend_flags,
    refuse_model_file,
)
from warmnote.errors import INTERNAL_ERROR, InputError
from warmnote.files import expand_user
from warmnote.sampling import MAX_ATTEMPTS, MAX_CANDIDATES, MAX_SEED
from warmnote.settings import Settings, load_settings
from warmnote.terminal import printable

MAX_SEEDS = 1000
"""Every seed drafts every case again; a thousand is days of drafting already."""
MAX_CASES = 100_000
"""More than a suite's contexts file (at most 1 MiB) can hold."""
MAX_CONCURRENCY = 64
"""Runs streaming at once; a server with more parallel slots than this is rare."""

if TYPE_CHECKING:
    from warmnote.evals.runner import SessionFactory
    from warmnote.guardrails import Guardrails


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "eval",
        help="draft a suite of sample contexts and report pass rates, latency and diversity",
        description="Draft every case of an eval suite with the pipeline, judge the notes with "
        "the guardrails and the suite's expectations, and write report.json and report.md. "
        "Several --pack or --model options (or --baseline) are compared side by side.",
    )
    parser.add_argument(
        "suite",
        type=Path,
        metavar="SUITE",
        help="suite file (TOML), or a bundled suite's name: default",
    )
    parser.add_argument(
        "--pack",
        action="append",
        metavar="NAME",
        help="draft every case with this pack; repeat to compare (default: each case's scenario)",
    )
    parser.add_argument(
        "--model",
        action="append",
        type=Path,
        metavar="PATH",
        help="a GGUF model; repeat to compare (default: the configured model)",
    )
    parser.add_argument(
        "--seeds",
        type=int,
        default=1,
        metavar="N",
        help="seeds per case, counting up from the configured seed (default 1)",
    )
    parser.add_argument("--attempts", type=int, metavar="N", help="attempt budget (default 3)")
    parser.add_argument(
        "--candidates", type=int, metavar="N", help="drafts per attempt, best kept (default 1)"
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="output folder (default ./eval-out/<suite name>)"
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also draft each case with one plain prompt (no pack, reask or clean-up)",
    )
    parser.add_argument(
        "--resume", action="store_true", help="keep the runs already in --out and do the rest"
    )
    parser.add_argument(
        "--limit-cases", type=int, metavar="N", help="only the suite's first N cases"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        metavar="N",
        help="runs drafted at once by a server backend (default 1; the local model drafts one "
        "at a time)",
    )
    add_backend_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warmnote.evals.judged import JUDGED_CORPUS, judge_corpus
    from warmnote.evals.progress import progress_for
    from warmnote.evals.records import AUTO_PACK
    from warmnote.evals.report import build_report, print_terminal, write_reports
    from warmnote.evals.runner import EvalPlan, run_suite
    from warmnote.evals.suite import load_suite, resolve_suite_path
    from warmnote.guardrails import Guardrails

    check_counts(args)
    settings = apply_backend_flags(load_settings(), backend_flags(args))
    if (args.concurrency or 1) > 1 and settings.backend.kind == "local":
        raise InputError(
            "needs a server backend (--backend openai); the local model drafts one run at a time",
            field="--concurrency",
        )
    if settings.seed + args.seeds - 1 > MAX_SEED:
        raise InputError(
            f"seeds from {settings.seed} would pass the largest, {MAX_SEED}", field="--seeds"
        )
    suite = load_suite(resolve_suite_path(args.suite), limit_cases=args.limit_cases)
    settings, models = plan_models(settings, args.model or [])
    plan = EvalPlan(
        suite=suite,
        packs=tuple(dict.fromkeys(args.pack or [AUTO_PACK])),
        models=tuple(dict.fromkeys(models)),
        seeds=tuple(range(settings.seed, settings.seed + args.seeds)),
        attempts=args.attempts or settings.attempts,
        baseline=args.baseline,
        sampling=settings.sampling,
        candidates=args.candidates or settings.candidates,
    )
    out_dir = args.out or Path("eval-out") / suite.path.stem
    guardrails = Guardrails.load()
    open_session = model_loader(plan.models, settings, guardrails)
    make_folder(out_dir)
    outcome = run_suite(
        plan,
        out_dir,
        guardrails=guardrails,
        open_session=open_session,
        resume=args.resume,
        progress=progress_for(sys.stderr),
        concurrency=args.concurrency or 1,
    )
    if outcome.interrupted:
        print(
            f"warmnote: interrupted; {len(outcome.records)} of {outcome.planned} runs kept in "
            f"{outcome.log_path}; continue with: {resume_command(args)}",
            file=sys.stderr,
        )
        return 130
    report = build_report(plan, outcome.records)
    judged = locations.builtin_dir("evals") / "judged" / JUDGED_CORPUS
    if judged.is_file():
        figures = judge_corpus(judged, guardrails)
        report.judged, report.judged_summary = figures.as_json(), figures.summary_line()
    json_path, md_path = write_reports(report, out_dir)
    print_terminal(report)
    print(f"reports: {json_path} and {md_path}", file=sys.stderr)
    for record in outcome.failed:
        model = Path(record.model).name
        run = f"case {record.case}, pack {record.pack}, model {model}, seed {record.seed}"
        print(printable(f"warmnote: {run}: {record.skipped}", one_line=True), file=sys.stderr)
    if outcome.failed:
        print(
            f"warmnote: {len(outcome.failed)} run(s) stopped on an internal error and are "
            f"reported as skipped; after a fix, draft them with: {resume_command(args)}",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
    return 0


def check_counts(args: argparse.Namespace) -> None:
    """Refuse a count below 1 or over its bound before reading any file."""
    for option, value, most in (
        ("--seeds", args.seeds, MAX_SEEDS),
        ("--attempts", args.attempts, MAX_ATTEMPTS),
        ("--candidates", args.candidates, MAX_CANDIDATES),
        ("--limit-cases", args.limit_cases, MAX_CASES),
        ("--concurrency", args.concurrency, MAX_CONCURRENCY),
    ):
        if value is not None and value < 1:
            raise InputError("must be at least 1", field=option)
        if value is not None and value > most:
            raise InputError(f"must be at most {most}", field=option)


def make_folder(path: Path) -> None:
    """Create the output folder once the models are verified, so a bad --out is bad input."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create this folder: {exc.strerror}", file=path) from None


def plan_models(settings: Settings, model_flags: Sequence[Path]) -> tuple[Settings, list[str]]:
    """The models to compare: GGUF paths, or the server's model id, asked for now.

    The settings come back with that id pinned, so every session drafts with the model the plan
    (and so the log, and a resume) names.
    """
    if settings.backend.kind == "local":
        paths = [expand_user(path, field="--model") for path in model_flags]
        return settings, [str(path) for path in paths or [settings.resolved_model_path()]]
    refuse_model_file(settings.backend, model_flags)
    from warmnote.server_drafter import ServerDrafter

    served = ServerDrafter(settings.backend)
    try:
        name = served.load()
    finally:
        served.close()
    backend = settings.backend.model_copy(update={"model": name})
    return settings.model_copy(update={"backend": backend}), [name]


def model_loader(
    models: Sequence[str], settings: Settings, guardrails: Guardrails
) -> SessionFactory:
    """Verify every local model before drafting anything; each loads when its first run starts.

    A server's model was checked by :func:`plan_models`; its one session drafts every run."""
    from warmnote.modelfile import verify_model
    from warmnote.session import DraftingSession

    if settings.backend.kind != "local":
        return lambda model: DraftingSession(settings, guardrails=guardrails)
    for model in models:
        verify_model(Path(model))

    def open_session(model: str) -> DraftingSession:
        return DraftingSession(settings, model_path=Path(model), guardrails=guardrails)

    return open_session


def resume_command(args: argparse.Namespace) -> str:
    """The command that continues an interrupted run: the same options plus ``--resume``."""
    parts = ["warmnote", "eval", str(args.suite)]
    for pack in args.pack or []:
        parts += ["--pack", pack]
    for model in args.model or []:
        parts += ["--model", str(model)]
    options = (
        ("--seeds", args.seeds if args.seeds != 1 else None),
        ("--attempts", args.attempts),
        ("--candidates", args.candidates),
        ("--out", args.out),
        ("--limit-cases", args.limit_cases),
        ("--concurrency", args.concurrency),
    )
    parts += [
        item for option, value in options if value is not None for item in (option, str(value))
    ]
    if args.baseline:
        parts.append("--baseline")
    return shlex.join([*parts, *backend_argv(args), "--resume"])
