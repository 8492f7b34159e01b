"""Which model drafts: the local GGUF (the default, offline) or an OpenAI-compatible server.

The ``[backend]`` table of config.toml and the ``--backend``, ``--base-url`` and
``--server-model`` flags of ``draft``, ``eval`` and the app meet here; the flags go on top of the
file. Nothing here touches the network: :mod:`warmnote.server_drafter` does, and only when the
backend is ``openai``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from warmnote.errors import InputError, WarmnoteError
from warmnote.files import validation_message

if TYPE_CHECKING:
    from warmnote.settings import Settings

BackendKind = Literal["local", "openai"]

FLAGS = {"backend": "--backend", "base_url": "--base-url", "server_model": "--server-model"}
"""Namespace destination -> the flag as typed, for errors and resume commands."""
_SETTING = {"backend": "kind", "base_url": "base_url", "server_model": "model"}


class BackendSettings(BaseModel):
    """``[backend]``: where drafts are written."""

    model_config = ConfigDict(extra="forbid")

    kind: BackendKind = "local"
    base_url: str | None = None
    """The server's OpenAI API root, usually ending in ``/v1``; only this host:port is contacted."""
    model: str | None = None
    """The server's model id; unset: the one model the server lists."""
    api_key_env: str | None = Field(default=None, pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")
    """The name of the environment variable that holds the API key, never the key itself."""
    timeout_seconds: float = Field(default=120.0, gt=0, le=3600)
    """Longest wait for the server's next bytes (a queued request waits for a free slot)."""
    retries: int = Field(default=4, ge=0, le=10)
    """Further tries after a 429, a 5xx or a dropped connection, with exponential backoff."""

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http:// or https:// URL with a host")
        if parts.username or parts.password:
            raise ValueError("must not hold credentials; name the key's variable in api_key_env")
        if parts.query or parts.fragment:
            raise ValueError("must not have a query or fragment")
        try:
            parts.port  # noqa: B018 - raises for a port out of range
        except ValueError:
            raise ValueError("has a port out of range") from None
        return value.strip().rstrip("/")

    @model_validator(mode="after")
    def _server_needs_url(self) -> BackendSettings:
        if self.kind == "openai" and self.base_url is None:
            raise ValueError("the openai backend needs base_url (e.g. http://127.0.0.1:8080/v1)")
        return self

    @property
    def host(self) -> str:
        """host:port of ``base_url``: what provenance records and the only place contacted."""
        parts = urlsplit(self.base_url or "")
        return parts.netloc


def add_backend_arguments(parser: argparse.ArgumentParser) -> None:
    """The backend flags; unset flags leave the namespace alone, so the config file counts."""
    group = parser.add_argument_group("model backend (default: the local model)")
    group.add_argument(
        "--backend",
        choices=("local", "openai"),
        default=argparse.SUPPRESS,
        help="local: the GGUF on this machine; openai: an OpenAI-compatible server",
    )
    group.add_argument(
        "--base-url",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="the server's API root, e.g. http://127.0.0.1:8080/v1 (implies --backend openai)",
    )
    group.add_argument(
        "--server-model",
        default=argparse.SUPPRESS,
        metavar="NAME",
        help="the server's model id (default: the one model the server lists)",
    )


def backend_flags(args: argparse.Namespace) -> dict[str, str]:
    """The backend flags given on the command line, by namespace destination."""
    return {dest: getattr(args, dest) for dest in FLAGS if getattr(args, dest, None) is not None}


def apply_backend_flags(settings: Settings, flags: dict[str, str]) -> Settings:
    """``settings`` with the flags on top of ``[backend]``; a bad value names its flag."""
    if not flags:
        return settings
    values: dict[str, Any] = settings.backend.model_dump(exclude_unset=True)
    values.update({_SETTING[dest]: value for dest, value in flags.items()})
    if "base_url" in flags and "backend" not in flags:
        values["kind"] = "openai"
    try:
        backend = BackendSettings.model_validate(values)
    except ValidationError as exc:
        field, message = validation_message(exc)
        given = [dest for dest in flags if _SETTING[dest] == field] or list(flags)
        raise InputError(message.removeprefix("Value error, "), field=FLAGS[given[0]]) from None
    return settings.model_copy(update={"backend": backend})


def checked_backend_flags(args: argparse.Namespace) -> dict[str, str]:
    """The app's backend flags, refused at the command line when bad (the app starts anyway
    with a broken config file, so they are checked on top of it, or of the defaults)."""
    from warmnote.settings import Settings, load_settings

    flags = backend_flags(args)
    if flags:
        try:
            settings = load_settings()
        except WarmnoteError:
            settings = Settings()
        apply_backend_flags(settings, flags)
    return flags


def refuse_model_file(backend: BackendSettings, model: object) -> None:
    """A ``--model`` file with a server backend is bad input, not something to ignore."""
    if backend.kind != "local" and model:
        raise InputError(
            "a GGUF file is for the local backend; choose the server's model with --server-model",
            field="--model",
        )


def backend_argv(args: argparse.Namespace) -> list[str]:
    """The backend flags as given, for a command that repeats this one (``--resume``)."""
    return [item for dest, value in backend_flags(args).items() for item in (FLAGS[dest], value)]
