"""Reading user files (JSON or TOML) into strict pydantic models with one-line errors."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from warmnote.errors import InputError

M = TypeVar("M", bound=BaseModel)


def read_data(path: Path) -> Any:
    """Parse a JSON or TOML file by its suffix (JSON for anything but ``.toml``)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", file=path) from None
    if path.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"invalid TOML: {exc}", file=path) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", file=path
        ) from None


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("recipient", "skills", 0)`` -> ``recipient.skills[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def validation_message(exc: ValidationError) -> tuple[str, str]:
    """The most telling error of a ValidationError as (field, message).

    An unknown key comes first: a misspelt key also makes the intended one "missing", and the
    unknown one is what the user has to fix.
    """
    errors = exc.errors()
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    field = field_path(tuple(err["loc"]))
    if err["type"] == "extra_forbidden":
        return field, "unknown field"
    if err["type"] == "missing":
        return field, "required field is missing"
    return field, str(err["msg"])


def validate(model: type[M], data: Any, *, file: str | Path | None = None, prefix: str = "") -> M:
    """Validate ``data`` against ``model``, raising an InputError naming file and field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        field, message = validation_message(exc)
        raise InputError(message, file=file, field=f"{prefix}{field}") from None


def load_model(model: type[M], path: Path) -> M:
    return validate(model, read_data(path), file=path)
