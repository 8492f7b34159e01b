"""``warmnote draft``: one note for a context file, judged by the guardrails."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from warmnote.backend import add_backend_arguments, apply_backend_flags, backend_flags
from warmnote.context import MAX_LIMIT, MIN_LIMIT, load_context
from warmnote.errors import InputError
from warmnote.sampling import MAX_ATTEMPTS, MAX_CANDIDATES, MAX_SEED
from warmnote.settings import load_settings
from warmnote.terminal import printable

if TYPE_CHECKING:
    from warmnote.results import DraftResult


MODEL_ONLY_OPTIONS = frozenset(
    ["model", "attempts", "candidates", "backend", "base_url", "server_model"]
)
"""Options only the model's drafts use: giving one asks for the model's draft."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "draft",
        help="draft a connection note for a context file",
        description="Draft a note for a context. By default it is the plain note built from the "
        "context's own facts, at once; with --first-draft model the local model drafts, the "
        "guardrails judge every attempt and the pipeline asks again until one passes or the "
        "attempts are spent (then the plain note is offered).",
    )
    parser.add_argument("--context", type=Path, help="context file (JSON or TOML)")
    parser.add_argument(
        "--batch", type=Path, metavar="FILE", help="one note per row of a .csv or .jsonl file"
    )
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help="with --batch: the .csv or .jsonl to write"
    )
    parser.add_argument(
        "--resume", action="store_true", help="with --batch: draft only rows --out lacks"
    )
    parser.add_argument("--pack", help="prompt pack (default: the context's scenario)")
    parser.add_argument("--seed", type=int, help="sampling seed (default from config, 0)")
    parser.add_argument(
        "--model", type=Path, help="a GGUF model file (default: the installed model)"
    )
    parser.add_argument("--attempts", type=int, help="attempt budget (default 3)")
    parser.add_argument(
        "--candidates", type=int, help="drafts per attempt, the best one kept (default 1)"
    )
    parser.add_argument("--limit", type=int, help="character limit (overrides the context's)")
    parser.add_argument(
        "--first-draft",
        choices=["plain", "model"],
        help="plain: the note built from the context's own facts, no model needed; model: the "
        "model drafts, the plain note only if no attempt passes (default: the config's, plain; "
        "--model, --attempts, --candidates and the backend flags imply model)",
    )
    parser.add_argument(
        "--no-tidy",
        action="store_true",
        help="give the plain note as built, without the model's tidy (which only takes words "
        "out; the config's tidy = false does the same)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    add_backend_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from warmnote.guardrails import Guardrails
    from warmnote.packs import get_pack, missing_required
    from warmnote.session import open_session

    check_numbers(args)
    settings = apply_backend_flags(load_settings(), backend_flags(args))
    first_draft = args.first_draft
    if first_draft is None and MODEL_ONLY_OPTIONS & {k for k, v in vars(args).items() if v}:
        first_draft = "model"  # --model, --attempts, a backend flag...: only the model uses them
    if first_draft is not None:
        settings = settings.model_copy(update={"first_draft": first_draft})
    if args.no_tidy:
        settings = settings.model_copy(update={"tidy": False})
    if args.batch is not None or args.out is not None or args.resume:
        from warmnote.batch import run_command

        return run_command(
            args,
            settings,
            lambda: open_session(
                settings, model=args.model, verify_when_needed=settings.first_draft == "plain"
            ),
        )
    if args.context is None:
        raise InputError("give a context file, or --batch FILE --out FILE", field="--context")
    context = settings.with_limit(load_context(args.context))
    if args.limit is not None:
        context = context.model_copy(update={"max_chars": args.limit})
    pack = get_pack(args.pack or context.scenario)
    missing = missing_required(pack, context)
    if missing:
        raise InputError(
            f"the {pack.name} pack needs this field (required: {', '.join(missing)})",
            file=args.context,
            field=missing[0],
        )
    guardrails = Guardrails.load()
    session = open_session(
        settings,
        model=args.model,
        guardrails=guardrails,
        verify_when_needed=settings.first_draft == "plain",
    )
    request = session.request(
        context, pack, seed=args.seed, attempts=args.attempts, candidates=args.candidates
    )
    try:
        result = session.draft(request)
    finally:
        session.close()
    if args.json:
        payload = {
            "text": result.text,
            "passed": result.passed,
            "violations": [v.model_dump(mode="json") for v in result.violations],
            "attempts": [a.model_dump(mode="json") for a in result.attempts],
            "provenance": result.provenance.model_dump(mode="json"),
            "left_out": [item.model_dump(mode="json") for item in result.left_out],
            "timings": {
                "total_seconds": round(result.total_seconds, 3),
                "attempt_seconds": result.provenance.attempt_seconds,
                "tokens_per_second": result.provenance.tokens_per_second,
            },
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(printable(result.text))
        if sys.stderr.isatty():
            _print_verdict(result)
    return 0 if result.passed else 1


def check_numbers(args: argparse.Namespace) -> None:
    """Refuse out-of-range numbers before reading any file; huge ones included."""
    for option, value, low, high in (
        ("--limit", args.limit, MIN_LIMIT, MAX_LIMIT),
        ("--attempts", args.attempts, 1, MAX_ATTEMPTS),
        ("--seed", args.seed, 0, MAX_SEED),
        ("--candidates", args.candidates, 1, MAX_CANDIDATES),
    ):
        if value is not None and not low <= value <= high:
            raise InputError(f"must be between {low} and {high}", field=option)


def _print_verdict(result: DraftResult) -> None:
    from warmnote.tidy import OUTCOME_TEXT

    verdict = result.verdict
    status = "PASS" if result.passed else "REJECTED"
    if result.provenance.origin == "plain" and not result.attempts:
        tidy = result.provenance.tidy
        tidied = f", {OUTCOME_TEXT[tidy]}" if tidy in ("tidied", "refused", "no_model") else ""
        tidied += " (warmnote model verify)" if tidy == "no_model" else ""
        status = f"PASS (plain note from your context{tidied}; --first-draft model for the model's)"
    elif result.provenance.origin == "plain":
        status = "PASS (plain note from your context: no model draft passed)"
    seconds = result.total_seconds
    tried = f"  ({len(result.attempts)} attempt(s), {seconds:.1f} s)" if result.attempts else ""
    print(f"\n{status} {verdict.length}/{verdict.limit}{tried}", file=sys.stderr)
    for violation in result.violations:
        line = f"  {violation.severity:<7} {violation.rule:<15} {violation.message}"
        print(printable(line, one_line=True), file=sys.stderr)
    for item in result.left_out:
        line = f"  {'info':<7} {item.why:<15} {item.message}"
        print(printable(line, one_line=True), file=sys.stderr)
