"""The core (schema, guardrails, packs, model backend, pipeline, evals) never imports textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "warmnote.cli",
    "warmnote.context",
    "warmnote.guardrails",
    "warmnote.packs",
    "warmnote.pipeline",
    "warmnote.llama",
    "warmnote.modelfile",
    "warmnote.history",
    "warmnote.autosave",
    "warmnote.evals",
    "warmnote.commands.eval",
]


def _printed_by(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (nothing this process imported counts)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_without_textual_or_llama(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "loaded = sorted(m for m in ('textual', 'llama_cpp') if m in sys.modules)\n"
        "print(','.join(loaded))\n"
    )
    out = _printed_by(code)
    assert out == "", f"{module} pulled in {out}"


def test_help_and_check_do_not_load_the_model_backend() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from warmnote.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'Hi Ana, loved your talk on search ranking at PyData.'])\n"
        "print('llama_cpp' in sys.modules, 'textual' in sys.modules)\n"
    )
    out = _printed_by(code)
    assert out == "False False"


def test_every_core_module_imports_on_its_own() -> None:
    """Each module imported first, as a script of a user's would: an import cycle shows only in
    some orders ("warmnote.places" alone once failed, while the suite imported it after the
    guardrails)."""
    code = (
        "import importlib, pkgutil, sys, warmnote\n"
        "names = [m.name for m in pkgutil.walk_packages(warmnote.__path__, 'warmnote.')\n"
        "         if not m.name.startswith(('warmnote.tui', 'warmnote.__main__'))]\n"
        "failed = []\n"
        "for name in names:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('warmnote.')]:\n"
        "        del sys.modules[loaded]\n"
        "        vars(warmnote).pop(loaded.split('.')[1], None)\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as error:\n"
        "        failed.append(f'{name}: {error}')\n"
        "print(len(names))\n"
        "print('\\n'.join(failed))\n"
    )
    out = _printed_by(code)
    count, _, failed = out.partition("\n")
    assert int(count) > 40
    assert failed == ""
