"""The one place that knows where warmnote's files live.

Set ``WARMNOTE_HOME`` to keep config, data and cache under one directory (tests do this, so they
never touch the real user's files).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "warmnote"
HOME_ENV = "WARMNOTE_HOME"
DEFAULT_MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))


def config_file() -> Path:
    return config_dir() / "config.toml"


def user_guardrails_dir() -> Path:
    return config_dir() / "guardrails"


def user_prompts_dir() -> Path:
    return config_dir() / "prompts"


def models_dir() -> Path:
    return data_dir() / "models"


def default_model_path() -> Path:
    return models_dir() / DEFAULT_MODEL_FILENAME


def history_db() -> Path:
    return data_dir() / "history.sqlite3"


def builtin_dir(name: str) -> Path:
    """A bundled folder (``guardrails``, ``prompts``, ``examples``, ``evals``).

    A wheel carries them inside the package; a source checkout keeps them at the top level.
    """
    packaged = Path(str(resources.files("warmnote"))) / "_builtin" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
