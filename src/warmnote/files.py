"""Reading user files (JSON or TOML) into strict pydantic models with one-line errors.

Every read is bounded: a context, suite, settings or batch file is a few kilobytes, so anything
over ``MAX_INPUT_BYTES`` or nested over ``MAX_NESTING`` levels is refused at once with a message
naming the file, instead of growing into a MemoryError or a RecursionError.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from warmnote.errors import InputError

M = TypeVar("M", bound=BaseModel)

MAX_INPUT_BYTES = 1 << 20
"""1 MiB: a hundred times the largest bundled file, small enough to refuse ``/dev/zero`` fast."""
MAX_NESTING = 64
"""Lists and tables inside each other; real files nest 6 deep at most."""
STDIN = "-"
STDIN_NAME = "<stdin>"

SURROGATE_RE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair: Python's stand-in for an undecodable byte; never text to keep."""
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F]")


def read_bytes_bounded(
    source: Path | str, *, limit: int = MAX_INPUT_BYTES, name: str | Path | None = None
) -> bytes:
    """The bytes of a file, or of standard input for ``-``, refused if over ``limit`` bytes.

    Reads at most ``limit + 1`` bytes, so an endless source (``/dev/zero``, a FIFO fed forever)
    stops at once. ``name`` is what errors call the source (default: the path or ``<stdin>``).
    """
    label, size = _label(source, name), limit + 1
    try:
        raw = _read_stdin(size) if str(source) == STDIN else _read_file(Path(source), size)
    except FileNotFoundError:
        raise InputError("file not found", file=label) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=label) from None
    except ValueError as exc:  # a name holding NUL, a closed stream
        raise InputError(f"cannot read: {exc}", file=label) from None
    if len(raw) > limit:
        raise InputError(f"larger than {limit} bytes, the most warmnote reads", file=label)
    return raw


def _label(source: Path | str, name: str | Path | None) -> str | Path:
    if name is not None:
        return name
    return STDIN_NAME if str(source) == STDIN else source


def _read_file(path: Path, size: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def _read_stdin(size: int) -> bytes:
    stdin = sys.stdin
    if stdin is None:
        raise OSError("standard input is closed")
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read(size)
        return data
    # A text stream without bytes underneath (an embedding program's StringIO): its lone
    # surrogates become bytes that fail to decode, like any other broken input.
    return stdin.read(size).encode("utf-8", "surrogatepass")


def expand_user(path: Path, *, field: str) -> Path:
    """``path`` with a leading ``~`` or ``~user`` expanded; an unknown user is bad input."""
    try:
        return path.expanduser()
    except RuntimeError:
        user = str(path).split("/", 1)[0]
        raise InputError(f"cannot expand {user}: no such user", field=field) from None


def decode_text(raw: bytes, *, file: str | Path) -> str:
    """UTF-8 (a leading BOM dropped), or an error naming the first bad byte and its line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not UTF-8 text: byte 0x{raw[exc.start]:02x} on line {line}", file=file
        ) from None


def read_text_bounded(
    source: Path | str, *, limit: int = MAX_INPUT_BYTES, name: str | Path | None = None
) -> str:
    """The UTF-8 text of a file, or of standard input for ``-``, at most ``limit`` bytes.

    The one way warmnote reads a user's file or stdin: errors are one line naming ``name``
    (default: the path or ``<stdin>``) and never a traceback.
    """
    raw = read_bytes_bounded(source, limit=limit, name=name)
    return decode_text(raw, file=_label(source, name))


def parse_json(text: str, *, file: str | Path, field: str | None = None) -> Any:
    """Parse one JSON document, refusing deep nesting and lone surrogates.

    ``field`` names a line of a JSON Lines file; errors then give only the column.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if field else f"line {exc.lineno} column {exc.colno}"
        raise InputError(f"invalid JSON at {where}: {exc.msg}", file=file, field=field) from None
    except RecursionError:
        raise _too_deep(file, field) from None
    except ValueError:  # the only other ValueError: an integer over Python's digit limit
        raise InputError(
            "invalid JSON: a number has too many digits", file=file, field=field
        ) from None
    if _may_hide_trouble(text):
        _check_parsed(data, file=file, field=field)
    return data


def _may_hide_trouble(text: str) -> bool:
    """Cheap and conservative: can this JSON nest too deep or hold a lone surrogate?

    Skips the walk over the parsed value for the typical JSON Lines line, which ``check
    --jsonl`` parses thousands of times a second.
    """
    if text.count("[") + text.count("{") > MAX_NESTING:
        return True
    if "\\u" in text and _SURROGATE_ESCAPE_RE.search(text):
        return True
    return not text.isascii() and SURROGATE_RE.search(text) is not None


def parse_toml(text: str, *, file: str | Path) -> dict[str, Any]:
    """Parse a TOML document, refusing deep nesting."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", file=file) from None
    except RecursionError:
        raise _too_deep(file, None) from None
    except ValueError:  # as for JSON: an integer over Python's digit limit
        raise InputError("invalid TOML: a number has too many digits", file=file) from None
    _check_parsed(data, file=file)
    return data


def read_data(path: Path) -> Any:
    """Parse a JSON or TOML file by its suffix (JSON for anything but ``.toml``)."""
    return parse_data(read_text_bounded(path), file=path)


def parse_data(text: str, *, file: Path) -> Any:
    """Parse text read from ``file`` as TOML or JSON by the file's suffix."""
    if file.suffix.lower() == ".toml":
        return parse_toml(text, file=file)
    return parse_json(text, file=file)


def _check_parsed(data: Any, *, file: str | Path, field: str | None = None) -> None:
    """Refuse what parsers accept but later code cannot use: deep nesting, lone surrogates.

    A ``"\\ud800"`` escape is valid JSON but not text: it cannot be printed, stored or counted.
    Iterative, so the check itself cannot overflow the stack.
    """
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if isinstance(value, str):
            _check_text(value, file, field, loc)
            continue
        if isinstance(value, dict):
            items: list[tuple[int | str, Any]] = list(value.items())
        elif isinstance(value, list):
            items = list(enumerate(value))
        else:
            continue
        if len(loc) >= MAX_NESTING:
            raise _too_deep(file, field)
        for key, item in items:
            if isinstance(key, str):
                _check_text(key, file, field, (*loc, key))
            stack.append((item, (*loc, key)))


def _check_text(text: str, file: str | Path, field: str | None, loc: tuple[int | str, ...]) -> None:
    found = SURROGATE_RE.search(text)
    if found:
        where = ": ".join(part for part in (field, field_path(loc) if loc else None) if part)
        raise InputError(
            f"lone surrogate \\u{ord(found.group()):04x} is not text", file=file, field=where
        )


def _too_deep(file: str | Path, field: str | None) -> InputError:
    return InputError(f"nested deeper than {MAX_NESTING} levels", file=file, field=field)


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
