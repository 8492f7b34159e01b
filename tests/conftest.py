"""Shared fixtures: every test runs with WARMNOTE_HOME in a temp dir, never the user's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmnote import locations
from warmnote.guardrails import Guardrails

# Resolved before any test redirects WARMNOTE_HOME: where `make test` installed the default model.
INSTALLED_MODEL = locations.default_model_path()


@pytest.fixture(autouse=True)
def warmnote_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "warmnote-home"
    monkeypatch.setenv("WARMNOTE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def guardrails(tmp_path_factory: pytest.TempPathFactory) -> Guardrails:
    """The built-in rules only: an empty folder stands in for the user's rule files, which a
    fixture wider than a test would otherwise read before WARMNOTE_HOME is redirected."""
    return Guardrails.load(user_dir=tmp_path_factory.mktemp("no-user-rules"))


@pytest.fixture(scope="session")
def real_model_path() -> Path:
    """The installed default GGUF; real-model tests fail (not skip) when it is missing."""
    if not INSTALLED_MODEL.is_file():
        pytest.fail(f"default model not installed at {INSTALLED_MODEL}; run `make test` to set up")
    return INSTALLED_MODEL


@pytest.fixture
def model_first(warmnote_home: Path) -> Path:
    """The model drafts first, as ``first_draft = "model"`` in config.toml says: for tests of
    the model's path (by default a draft starts with the plain note). Returns the config file,
    for tests that add settings of their own."""
    config = warmnote_home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('first_draft = "model"\n', encoding="utf-8")
    return config
